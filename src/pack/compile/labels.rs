//! Labels that state a parameter's value: `"口罩储备满足复工人员至少{$stockDays}天用量"`. Each
//! version fills them in from its own parameters when it is compiled, so a district that sets
//! `stockDays` to 7 has its rule titled 7 days without copying the label (the pack is the single
//! source: a title that said 3 while the rule asked for 7 would state a rule that is not there).

use super::ParamTable;
use super::checks::is_ident;
use crate::expr::{ParamValue, Params};
use crate::locale::Locale;
use crate::pack::doc::MessageDoc;
use crate::pack::error::pe;
use crate::pack::{PackError, PackErrorKind};
use crate::pointer::Pointer;

/// Longest label or hint once its parameters are filled in, in characters: a `texts` parameter
/// of many values, named many times, must not make a label of megabytes.
pub const MAX_FILLED_CHARS: usize = 500;

type Labels = Vec<(String, Vec<(String, MessageDoc)>)>;

/// Where the texts are: `labels` (a `label` and its `hint`) or `messages` (a `message` and its
/// `help`), for the pointers of errors.
#[derive(Clone, Copy)]
pub(super) enum Texts {
    Labels,
    Messages,
}

impl Texts {
    fn names(self) -> [&'static str; 3] {
        match self {
            Texts::Labels => ["labels", "label", "hint"],
            Texts::Messages => ["messages", "message", "help"],
        }
    }

    /// The main text's and the second text's names in Chinese (zh-CN).
    fn names_zh(self) -> [&'static str; 2] {
        match self {
            Texts::Labels => ["标签", "提示"],
            Texts::Messages => ["消息", "帮助说明"],
        }
    }
}

/// `labels` (or messages) with every `{$name}` replaced by the value of the parameter `name`; a
/// name the version has no parameter for, or a text that grows past [`MAX_FILLED_CHARS`], is an
/// error at its pointer. A message states the version's parameters as a label does (`口罩不足
/// {$stockDays}天用量`); its `{name}` placeholders are the diagnostic's, filled when it fires.
pub(super) fn fill(labels: &Labels, params: &ParamTable, texts: Texts, errors: &mut Vec<PackError>) -> Labels {
    let [root, main, second] = texts.names();
    let [main_zh, second_zh] = texts.names_zh();
    let mut out = Vec::with_capacity(labels.len());
    for (tag, entries) in labels {
        let sep = if Locale::parse(tag) == Some(Locale::En) { ", " } else { "、" };
        let mut filled = Vec::with_capacity(entries.len());
        for (key, doc) in entries {
            // A blank label names nothing ("请填写：" of no field): it is left out, so the field
            // is named in the next locale (zh-CN, then en) and `lint` lists it as missing. A blank
            // message says nothing: refused (npm audit, thirtieth session: both were accepted).
            if doc.message.trim().is_empty() {
                if matches!(texts, Texts::Labels) {
                    continue;
                }
                errors.push(pe(
                    Pointer::from_segments([root, tag.as_str(), key.as_str(), main]).to_string(),
                    PackErrorKind::MissingMessage,
                    format!("{main_zh}为空：不会提示任何内容"),
                    format!("the {main} is blank: it would say nothing"),
                ));
            }
            let mut one = |text: &str, part: &str, part_zh: &str| {
                let at = || Pointer::from_segments([root, tag.as_str(), key.as_str(), part]).to_string();
                let (text, unknown) = fill_one(text, params, sep);
                for name in unknown {
                    errors.push(pe(
                        at(),
                        PackErrorKind::UnknownReference,
                        format!("`{{${name}}}`：此版本没有参数 `${name}`"),
                        format!("`{{${name}}}`: unknown parameter `${name}` of this version"),
                    ));
                }
                let n = text.chars().count();
                if n > MAX_FILLED_CHARS && n > doc_len(doc, part == main) {
                    errors.push(pe(
                        at(),
                        PackErrorKind::Unbounded,
                        format!("{part_zh}填入参数后共 {n} 个字符：最多 {MAX_FILLED_CHARS} 个"),
                        format!(
                            "a {part} of {n} characters once its parameters are filled in: at most {MAX_FILLED_CHARS}"
                        ),
                    ));
                }
                text
            };
            let message = one(&doc.message, main, main_zh);
            let help = doc.help.as_deref().map(|h| one(h, second, second_zh));
            filled.push((key.clone(), MessageDoc { message, help }));
        }
        out.push((tag.clone(), filled));
    }
    out
}

fn doc_len(doc: &MessageDoc, main: bool) -> usize {
    let text = if main { Some(doc.message.as_str()) } else { doc.help.as_deref() };
    text.map_or(0, |t| t.chars().count())
}

/// One text filled in, and the names it used that are no parameter.
fn fill_one(text: &str, params: &ParamTable, sep: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("{$") {
        out.push_str(before);
        match after.split_once('}') {
            // `{$}` or `{$ name}` is no parameter either: refused, not shown as it is (packs
            // audit, thirty-fourth session: "提前{$}天" reached people).
            Some((name, tail)) if !name.contains('{') => {
                match params.param(name).filter(|_| is_ident(name)) {
                    Some(v) => out.push_str(&show(v, sep)),
                    None => {
                        unknown.push(name.to_owned());
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            _ => {
                out.push_str("{$");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, unknown)
}

/// A parameter's value as a label states it: numbers as JavaScript prints them, dates as
/// `YYYY-MM-DD`, lists joined as the locale joins them.
fn show(v: &ParamValue, sep: &str) -> String {
    match v {
        ParamValue::Num(x) => crate::num::text(*x),
        ParamValue::Bool(b) => b.to_string(),
        ParamValue::Date(d) => crate::time::fmt_date(*d),
        ParamValue::Str(s) => s.clone(),
        ParamValue::StrList(items) => items.join(sep),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn table() -> ParamTable {
        let mut m = BTreeMap::new();
        m.insert("stockDays".to_owned(), ParamValue::Num(7.0));
        m.insert("minArea".to_owned(), ParamValue::Num(2.5));
        m.insert("districts".to_owned(), ParamValue::StrList(vec!["440311".to_owned(), "440306".to_owned()]));
        ParamTable(m)
    }

    #[test]
    fn fills_parameters_and_names_the_unknown() {
        let t = table();
        assert_eq!(
            fill_one("至少{$stockDays}天，人均{$minArea}平方米", &t, "、"),
            ("至少7天，人均2.5平方米".to_owned(), vec![])
        );
        assert_eq!(fill_one("{$districts}", &t, ", ").0, "440311, 440306");
        assert_eq!(fill_one("{$nope}天", &t, "、"), ("{$nope}天".to_owned(), vec!["nope".to_owned()]));
        // `{$ 1}` and `{$}` name no parameter: refused, not shown as they are (thirty-fourth
        // session); `{$stockDays` with no `}` is text, as `{name}` is no parameter reference.
        assert_eq!(
            fill_one("{name} {$ 1} {$stockDays", &t, "、"),
            ("{name} {$ 1} {$stockDays".to_owned(), vec![" 1".to_owned()])
        );
        assert_eq!(fill_one("提前{$}天", &t, "、"), ("提前{$}天".to_owned(), vec![String::new()]));
        assert_eq!(fill_one("{$a {$stockDays}", &t, "、").0, "{$a 7", "a `{{` inside is no name");
    }

    #[test]
    fn a_label_grown_past_the_bound_is_refused() {
        let t = table();
        let long = "{$districts}".repeat(60);
        let labels = vec![("zh-CN".to_owned(), vec![("RTW-F2".to_owned(), MessageDoc { message: long, help: None })])];
        let mut errors = Vec::new();
        fill(&labels, &t, Texts::Labels, &mut errors);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors.first().map(|e| (e.path.as_str(), e.kind)),
            Some(("/labels/zh-CN/RTW-F2/label", PackErrorKind::Unbounded))
        );
    }
}
