//! `lint-pack`, and a pack's mistakes as the command line tells them: one a line, in the
//! `--locale` (zh-CN by default, as the answers), each with its place and code.

use std::io::Write;
use std::process::ExitCode;

use fangkong::{Engine, Locale, PackErrors};

use super::usage::{say, t, usage};
use super::{Args, locale, read_pack};

/// A pack's mistakes, one a line, each with its code, as `lint-pack` lists them.
pub fn listed(at: &str, e: &PackErrors, locale: Locale) -> String {
    e.0.iter().map(|x| format!("{at}: {} [{}]", x.line_in(locale), x.kind.code())).collect::<Vec<_>>().join("\n")
}

/// `lint-pack FILE`: compile the pack, then look for labels missing in a locale or given for
/// nothing. Exit 0 with an `ok:` line a version, or 2 with each mistake on standard error.
pub fn lint_pack(a: &Args) -> Result<ExitCode, String> {
    let file =
        a.input.as_deref().ok_or_else(|| t("lint-pack 需要一个文件", "lint-pack needs a FILE") + "\n" + usage())?;
    let l = locale(a);
    let en = l == Locale::En;
    let text = read_pack(file)?;
    let raw = text.as_deref().ok().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let mut err = std::io::stderr().lock();
    match text.and_then(|text| Engine::from_pack_json(&text)) {
        Ok(e) => {
            let info = e.pack_info();
            let mut unlabelled = 0usize;
            for p in e.packs() {
                let (id, v) = (&info.id, &p.stamp.version);
                for (tag, key) in fangkong::describe::missing_labels(p) {
                    unlabelled += 1;
                    let tag = tag.tag();
                    let _ = if en {
                        writeln!(err, "{file}: `/labels/{tag}`: no label for `{key}` ({id} {v}) [pack.missing_label]")
                    } else {
                        writeln!(err, "{file}: `/labels/{tag}`：`{key}` 没有标签（{id} {v}）[pack.missing_label]")
                    };
                }
            }
            for (tag, key) in fangkong::describe::unknown_labels(e.packs(), &raw) {
                unlabelled += 1;
                let at = format!("/labels/{}/{}", tag.tag(), key.replace('~', "~0").replace('/', "~1"));
                let _ = if en {
                    writeln!(err, "{file}: `{at}`: a label for no field, rule or kind of the pack [pack.unknown_label]")
                } else {
                    writeln!(err, "{file}: `{at}`：该标签不对应规则包的任何字段、规则或表单种类 [pack.unknown_label]")
                };
            }
            for (tag, code) in fangkong::describe::unknown_messages(e.packs(), &raw) {
                unlabelled += 1;
                let at = format!("/messages/{}/{}", tag.tag(), code.replace('~', "~0").replace('/', "~1"));
                let _ = if en {
                    writeln!(
                        err,
                        "{file}: `{at}`: a message for a code no rule of the pack reports [pack.unknown_message]"
                    )
                } else {
                    writeln!(err, "{file}: `{at}`：该消息的代码不是规则包任何规则会报告的代码 [pack.unknown_message]")
                };
            }
            if unlabelled > 0 {
                return Ok(ExitCode::from(2));
            }
            for p in e.packs() {
                let (v, h, n, from) = (&p.stamp.version, &p.stamp.hash, p.rules.len(), p.effective_from);
                say(&if en {
                    format!("ok: {} {v} {h} ({n} rules, in force from {from})", info.id)
                } else {
                    format!("ok: {} {v} {h} 共 {n} 条规则，{from} 起生效", info.id)
                })?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            let _ = writeln!(err, "{}", listed(file, &errors, l));
            Ok(ExitCode::from(2))
        }
    }
}
