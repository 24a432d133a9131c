//! The command line's usage text, and its one way of writing to standard output.

use std::io::Write;
use std::sync::OnceLock;

pub const USAGE: &str = "usage:
  fangkong check-filing FILE|-      [OPTIONS]   a return-to-work filing (复工备案)
  fangkong score-inspection FILE|-  [OPTIONS]   an inspection (六必须检查 / 六必须明确)
  fangkong indicators FILE|-        [OPTIONS]   a daily report of the community indicators (五个100%)
  fangkong screen FILE|-            [OPTIONS]   a personal screening declaration
  fangkong describe KIND             [OPTIONS]   the form of filing|inspection|indicators|screening, from the pack
  fangkong lint-pack FILE           [--locale]  a rule pack's mistakes, at their JSON Pointers
  fangkong --version | --help
exit status: 0 when it answered (whatever the decision), 2 for unusable input or arguments
options:
  --now RFC3339|DATE       the moment of checking (default: the system clock); today is its CST day
                           (a date alone, YYYY-MM-DD, is noon CST)
  --locale zh-CN|zh-TW|en  language of messages, of a pack's mistakes and of this command's own
                           (default zh-CN; the last two in simplified characters for zh-TW)
  --pack FILE              a rule pack (or an array of versions) instead of the embedded shenzhen-2020
  --pack-id ID             an embedded pack family: shenzhen-2020, guangming-2020, hangzhou-2020
  --pack-version V         judge with this version instead of the one in force on the submission's date
  --jsonl                  one submission per line in, one answer per line out, in the same order,
                           each starting with its line number: {\"line\":N,…}; lines are read as
                           bytes (not UTF-8: input.not_utf8; over 4 MiB: input.too_large);
                           uses every core (RAYON_NUM_THREADS=N to use fewer)
  --personal               give back the normalised values of personal fields (names, phones,
                           ID numbers, the site address) in `normalized` too; left out by default
  --scope POINTER          progressive checking: a field or section reached (repeat, or comma-separated,
                           or a JSON array as the npm package's `scope`: `--scope '[]'` is nothing
                           reached yet, `--scope \"\"` the whole submission); missing values outside
                           the scope are held back and counted in `pending`
  --on DATE|RFC3339        describe: the version in force on that day in CST (default: the latest)
  --json-schema            describe: a JSON Schema (2020-12) of the input instead";

/// [`USAGE`] in Chinese: the command line speaks zh-CN unless `--locale` says otherwise.
pub const USAGE_ZH: &str = "用法：
  fangkong check-filing 文件|-      [选项]   复工备案
  fangkong score-inspection 文件|-  [选项]   复工检查（六必须检查 / 六必须明确）
  fangkong indicators 文件|-        [选项]   社区指标日报（五个100%）
  fangkong screen 文件|-            [选项]   个人排查申报
  fangkong describe 种类            [选项]   按规则包给出 filing|inspection|indicators|screening 的表单
  fangkong lint-pack 文件           [--locale]  规则包的错误，各在其 JSON 指针处
  fangkong --version | --help
退出状态：给出答复时为 0（无论结论如何）；输入或参数无法使用时为 2
选项：
  --now RFC3339|日期       检查的时刻（默认：系统时钟）；“今天”是它在北京时间的日期
                           （只给日期 YYYY-MM-DD 时为北京时间中午）
  --locale zh-CN|zh-TW|en  消息、规则包错误和本命令提示的语言（默认 zh-CN；zh-TW 时后两者用简体）
  --pack 文件              使用此规则包（或版本数组），而不是内置的 shenzhen-2020
  --pack-id ID             内置的规则包系列：shenzhen-2020、guangming-2020、hangzhou-2020
  --pack-version V         用此版本判断，而不是提交日期当天生效的版本
  --jsonl                  每行一份提交，每行一份答复，顺序不变，各以行号开头：{\"line\":N,…}；
                           按字节读行（不是 UTF-8：input.not_utf8；超过 4 MiB：input.too_large）；
                           使用全部 CPU 核心（RAYON_NUM_THREADS=N 可少用）
  --personal               在 `normalized` 中也给出个人字段（姓名、电话、身份证号、场所地址）的规范化值；
                           默认不给出
  --scope 指针             渐进式检查：已填到的字段或部分（可重复，可用逗号分隔，也可如 npm 包的
                           `scope` 给出 JSON 数组：`--scope '[]'` 为尚未填到任何部分，`--scope \"\"`
                           为整份提交）；范围之外缺少的值暂不提示，计入 `pending`
  --on 日期|RFC3339        describe：该日（北京时间）生效的版本（默认：最新版本）
  --json-schema            describe：改为给出输入的 JSON Schema（2020-12）";

static ZH: OnceLock<bool> = OnceLock::new();

/// Whether the command line speaks Chinese: yes unless `--locale` names English. It is read
/// from the raw arguments before anything else, so that a mistake in them is told in it too.
pub fn zh() -> bool {
    *ZH.get_or_init(|| {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let at = args.iter().position(|a| a == "--locale").and_then(|i| args.get(i + 1));
        at.is_none_or(|l| fangkong::Locale::negotiate(&l.to_string_lossy()) != fangkong::Locale::En)
    })
}

/// `zh` when the command line speaks Chinese, else `en`.
pub fn t(zh: impl Into<String>, en: impl Into<String>) -> String {
    if self::zh() { zh.into() } else { en.into() }
}

/// The usage in the command line's language.
pub fn usage() -> &'static str {
    if zh() { USAGE_ZH } else { USAGE }
}

/// `text` and a newline on standard output, flushed: a closed or full output is an error the
/// caller reports (exit 2), never a panic as `println!` would make it (fourteenth session audit:
/// `describe > /dev/full` panicked).
pub fn say(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").and_then(|()| out.flush()).map_err(io)
}

/// What a failed write says; empty when the reader stopped reading (`… --jsonl | head -1`),
/// which is no error: the tool ends quietly (CLI audit, thirty-fifth session: `Broken pipe`, 2).
pub fn io(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe { String::new() } else { e.to_string() }
}

/// Whether the options `given` mean something for `command`: an option another command takes
/// is refused rather than silently ignored (audit: `describe --jsonl --now garbage` and
/// `check-filing --json-schema` ran without a word), and so is standard input read twice.
pub fn fits(command: &str, given: &[String], input: Option<&str>, pack: Option<&str>) -> Result<(), String> {
    const JUDGE: &[&str] =
        &["--pack", "--pack-id", "--now", "--locale", "--pack-version", "--jsonl", "--personal", "--scope"];
    const DESCRIBE: &[&str] = &["--pack", "--pack-id", "--locale", "--pack-version", "--on", "--json-schema"];
    let takes: &[&str] = match command {
        "check-filing" | "score-inspection" | "indicators" | "screen" => JUDGE,
        "describe" => DESCRIBE,
        "lint-pack" => &["--locale"],
        _ => return Ok(()),
    };
    if let Some(o) = given.iter().find(|o| o.starts_with("--") && !takes.contains(&o.as_str())) {
        return Err(t(format!("`{o}` 不适用于 `{command}`"), format!("`{o}` does not apply to `{command}`"))
            + "\n"
            + usage());
    }
    if input == Some("-") && pack == Some("-") {
        return Err(t(
            "`--pack -` 与输入 `-` 都会读取标准输入：请把规则包作为文件给出",
            "`--pack -` and the input `-` would both read standard input: give the pack as a file",
        ));
    }
    Ok(())
}

/// Every argument but the program's, as text: one that is not UTF-8 is refused, exit status 2
/// (hostile audit, thirty-second session: `std::env::args` panicked, exit 101). A file whose name
/// is not UTF-8 can be given on standard input (`-`).
pub fn utf8_args() -> Result<Vec<String>, String> {
    std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string().map_err(|a| {
                let a = a.display();
                t(
                    format!("命令行参数 `{a}` 不是 UTF-8（这样命名的文件可从 `-` 读入）"),
                    format!("argument `{a}` is not UTF-8 (a file of that name can be read from `-`)"),
                ) + "\n"
                    + usage()
            })
        })
        .collect()
}

/// `--on`: a date, or a time whose day in CST it is, as npm's `on` (time audit, thirty-fourth
/// session: a time was refused here).
pub fn on_day(d: &str) -> Result<chrono::NaiveDate, String> {
    fangkong::time::parse_day(d).ok_or_else(|| {
        t(
            format!("`--on {d}` 不是日期（如 `2020-02-04`）或时间（如 `2020-02-04T10:00:00+08:00`）"),
            format!("`--on {d}` is not a date such as `2020-02-04` or a time such as `2020-02-04T10:00:00+08:00`"),
        )
    })
}
