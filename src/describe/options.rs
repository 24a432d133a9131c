//! The choices of an enumerated field in the pack's words (`value:<group>.<word>`): for
//! `describe` and for a diagnostic that names them.

use serde_json::Value;

use super::label;
use crate::pack::{Locale, Pack};

pub(super) fn values(pack: &Pack, locale: Locale, group: &str, words: &[&str]) -> Value {
    Value::Array(words.iter().map(|w| option(pack, locale, group, w, Value::from(*w))).collect())
}

/// `{ value, label, hint? }` of enum word `word` of `group` (`value:<group>.<word>`; the hint
/// where the pack has one: a screening's 须处置 says when at once, when a correction).
pub(super) fn option(pack: &Pack, locale: Locale, group: &str, word: &str, value: Value) -> Value {
    let (l, hint) = label(pack, locale, &format!("value:{group}.{word}"));
    let mut m = serde_json::Map::new();
    let l = Value::from(l.unwrap_or_else(|| word.to_owned()));
    for (k, v) in [("value", Some(value)), ("label", Some(l)), ("hint", hint.map(Value::from))] {
        v.into_iter().for_each(|v| crate::answer::put(&mut m, k, v));
    }
    Value::Object(m)
}

/// The results of a 十个一律 item: the inspection's words (`value:result.*`), with the
/// checklist's own where the pack has them (`value:indicators.result.*`): 不适用 there has no
/// veto item to warn of (seeds audit, thirty-sixth session: grid workers were told the
/// inspection's veto rule).
pub(super) fn checklist_results(pack: &Pack, locale: Locale) -> Value {
    let words = super::RESULTS.iter().map(|w| {
        let own = pack.labels.lookup(locale, &format!("value:indicators.result.{w}"));
        if own.is_some() {
            option(pack, locale, "indicators.result", w, Value::from(*w))
        } else {
            option(pack, locale, "result", w, Value::from(*w))
        }
    });
    Value::Array(words.collect())
}

/// The choices of an answer that is none of them (`params.allowed` of a diagnostic at `path`:
/// a `result`, `evidence` or `level`), in Chinese by their words with the value to give:
/// 合格（pass）、部分落实（partial）… (twentieth session: an inspector who typed 合格 was told
/// "pass、partial、fail、na"). In English the values, which are words already.
pub(crate) fn choices(pack: &Pack, locale: Locale, path: &str, params: &Value) -> Option<String> {
    let Some(Value::Array(allowed)) = params.get("allowed") else { return None };
    let group = path.rsplit('/').next().filter(|g| matches!(*g, "result" | "evidence" | "level"))?;
    if locale == Locale::En {
        return None;
    }
    let words: Vec<String> = allowed
        .iter()
        .filter_map(Value::as_str)
        .map(|v| match pack.labels.lookup(locale, &format!("value:{group}.{v}")) {
            Some((l, _)) => format!("{l}（{v}）"),
            None => v.to_owned(),
        })
        .collect();
    Some(words.join("、"))
}
