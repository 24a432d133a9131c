//! Message catalogues: zh-CN first, en always, zh-TW where given; keyed by diagnostic code.

use std::fmt;

use serde_json::Value;

use super::doc::MessageDoc;
use super::lazy::Entries;
use crate::locale::Locale;

/// Messages of a pack.
#[derive(Clone, Default)]
pub struct Catalogue {
    by_locale: Vec<(Locale, Entries)>,
}

impl Catalogue {
    /// Build from the pack document's `messages`.
    pub fn from_doc(doc: &[(String, Vec<(String, MessageDoc)>)]) -> Self {
        let mut by_locale: Vec<(Locale, Vec<(String, MessageDoc)>)> = Vec::new();
        for (tag, msgs) in doc {
            let Some(l) = Locale::parse(tag) else { continue };
            match by_locale.iter_mut().find(|(x, _)| *x == l) {
                Some((_, m)) => m.extend(msgs.iter().cloned()),
                None => by_locale.push((l, msgs.clone())),
            }
        }
        // Sorted by key, the last entry of a key winning (a variant's over its parent's), so a
        // look-up is a binary search: every diagnostic and every label is one.
        for (_, msgs) in &mut by_locale {
            msgs.reverse();
            msgs.sort_by(|a, b| a.0.cmp(&b.0));
            msgs.dedup_by(|later, first| later.0 == first.0);
        }
        Self::from_parts(by_locale)
    }

    /// Its entries by locale, each sorted by key (for the compact form, `compact.rs`).
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    pub(super) fn parts(&self) -> Vec<(Locale, Vec<(String, MessageDoc)>)> {
        self.by_locale.iter().map(|(l, e)| (*l, e.to_vec())).collect()
    }

    /// A catalogue from entries as [`Self::parts`] gives them (already sorted, keys unique).
    pub(super) fn from_parts(by_locale: Vec<(Locale, Vec<(String, MessageDoc)>)>) -> Self {
        Self { by_locale: by_locale.into_iter().map(|(l, e)| (l, Entries::Owned(e))).collect() }
    }

    /// A catalogue of the embedded blob, its entries read when looked up.
    pub(super) fn stored(by_locale: Vec<(Locale, Entries)>) -> Self {
        Self { by_locale }
    }

    fn get(&self, locale: Locale, code: &str) -> Option<(&str, Option<&str>)> {
        let (_, entries) = self.by_locale.iter().find(|(l, _)| *l == locale)?;
        entries.get(code)
    }

    /// Whether `code` has a message in `locale` itself (no fallback).
    pub fn has(&self, locale: Locale, code: &str) -> bool {
        self.get(locale, code).is_some()
    }

    /// The entry for `key` in `locale`, falling back to zh-CN, then en.
    pub fn lookup(&self, locale: Locale, key: &str) -> Option<(&str, Option<&str>)> {
        [locale, Locale::ZhCn, Locale::En].into_iter().find_map(|l| self.get(l, key))
    }

    /// The message and help for `code` in `locale` (falling back to zh-CN, then en, then the
    /// code itself), with `{name}` placeholders filled from `params`, and `extra` — a value
    /// that is shown but not kept in `params` (a field's label, in the locale). A param that
    /// is `null` (a value not given) is shown as `not_given`.
    pub fn render(
        &self,
        locale: Locale,
        code: &str,
        params: &Value,
        extra: Option<(&str, &str)>,
        not_given: &str,
    ) -> (String, Option<String>) {
        match self.lookup(locale, code) {
            Some((message, help)) => {
                let f = Fill { params, extra, sep: list_separator(locale), not_given };
                (f.fill_in(message), help.map(|h| f.fill_in(h)))
            }
            None => match later(locale, code) {
                Some((message, help)) => {
                    let f = Fill { params, extra, sep: list_separator(locale), not_given };
                    (f.fill_in(message), Some(help.to_owned()))
                }
                None => (code.to_owned(), None),
            },
        }
    }
}

/// The engine's own words for [`LATER_CODES`](crate::pack::LATER_CODES), for a pack that
/// has none (one written before the codes were).
fn later(locale: Locale, code: &str) -> Option<(&'static str, &'static str)> {
    let zh_tw = locale == Locale::ZhTw;
    let en = locale == Locale::En;
    match code {
        "count.too_large" if en => Some(("a count cannot exceed {max}", "check for extra digits")),
        "count.too_large" if zh_tw => Some(("人數或數量不能超過{max}", "請核對是否多輸入了數字")),
        "count.too_large" => Some(("人数或数量不能超过{max}", "请核对是否多输入了数字")),
        "amount.too_large" if en => Some(("an amount cannot exceed {max}", "check for extra digits")),
        "amount.too_large" if zh_tw => Some(("數量不能超過{max}", "請核對是否多輸入了數字")),
        "amount.too_large" => Some(("数量不能超过{max}", "请核对是否多输入了数字")),
        "answer.too_many" if en => Some((
            "{omitted} more problems not listed ({total} in all)",
            "fix the ones listed first; checking again lists the rest",
        )),
        "answer.too_many" if zh_tw => {
            Some(("另有{omitted}條問題未列出（共{total}條）", "先處理已列出的問題；修改後重新檢查會列出其餘的"))
        }
        "answer.too_many" => {
            Some(("另有{omitted}条问题未列出（共{total}条）", "请先处理已列出的问题；修改后重新检查会列出其余问题"))
        }
        _ => None,
    }
}

/// As the decoded catalogue shows itself, however it is held (the compiled model is compared
/// as text: `tests/precompiled.rs`).
impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let by_locale: Vec<(Locale, Vec<(String, MessageDoc)>)> =
            self.by_locale.iter().map(|(l, e)| (*l, e.to_vec())).collect();
        f.debug_struct("Catalogue").field("by_locale", &by_locale).finish()
    }
}

/// How a list in a message is joined: 、 in Chinese, ", " in English (third audit: an English
/// message read "IND-2、IND-3").
fn list_separator(locale: Locale) -> &'static str {
    match locale {
        Locale::En => ", ",
        _ => "、",
    }
}

/// A parameter as text. A number of at most four decimals is shown as it is. Another fraction
/// (a ratio, an area per resident worked out) shows two decimals, unless two would state a number the
/// submission does not hold: a whole number (1.9999999 people is not "2人", 8.001 is not "8",
/// 0.0000001 is not "0名"), or another number of the same message (a dormitory's 2.498 m² per
/// resident against a minimum of 2.5 is not "不少于2.5平方米（现为2.5平方米）"). Then more
/// decimals, up to six; then six decimals cut (not rounded: 2.4999999996 is "2.499999", never
/// "2.5"); and past them the number as JavaScript prints it (third audit).
fn show(v: &Value, params: &Value, sep: &str) -> String {
    match v {
        // Text of the submission's: its first 100 characters (as every message echoes what it
        // quotes), so a template naming it many times stays small (packs audit: `{n}` × 166 of a
        // 1,300-character name made a 4 KB filing's answer 1 GB, and trapped the wasm).
        Value::String(s) => crate::pointer::shown(s),
        Value::Array(items) => items.iter().map(|i| show(i, params, sep)).collect::<Vec<_>>().join(sep),
        Value::Number(n) => match n.as_f64() {
            Some(x) if n.is_f64() => {
                let others: Vec<f64> = match params {
                    Value::Object(m) => m.values().filter_map(Value::as_f64).filter(|o| *o != x).collect(),
                    _ => Vec::new(),
                };
                // Past ~1.8e306 `x * scale` is infinite: never shown as "Infinity" (packs audit).
                let misleads =
                    |shown: f64| !shown.is_finite() || shown != x && (shown.fract() == 0.0 || others.contains(&shown));
                // A number of at most four decimals (a pack's 33.125 ℃ or 3.3333 m², a value as
                // typed) is shown as it is: rounded, the bound a message states was not the pack's
                // (pack author audit, thirty-seventh session: 42.876 refused "不在33.13–42.88℃之间").
                if crate::num::decimal_units(x, 4).is_some() {
                    return crate::num::text(x);
                }
                let mut scale = 100.0;
                while scale <= 1.0e6 {
                    let shown = (x * scale).round() / scale;
                    if !misleads(shown) {
                        return crate::num::text(shown);
                    }
                    scale *= 10.0;
                }
                // Rounded at six decimals it still misleads (2.4999999996666666 is 2.5): cut
                // at six instead, which moves it towards zero, never onto what it is short of
                // (wording audit, twenty-sixth session: the full 16 decimals were shown).
                let cut = (x * 1.0e6).trunc() / 1.0e6;
                if !misleads(cut) {
                    return crate::num::text(cut);
                }
                crate::num::text(x)
            }
            _ => crate::num::number_text(n),
        },
        other => crate::answer::cold::text(other),
    }
}

/// What a template's placeholders are filled from.
struct Fill<'a> {
    params: &'a Value,
    extra: Option<(&'a str, &'a str)>,
    /// How lists are joined ([`list_separator`]).
    sep: &'a str,
    /// How a param that is `null` is shown.
    not_given: &'a str,
}

impl Fill<'_> {
    /// Fill `{name}` placeholders from `extra`, then `params`; unknown ones are left as they are.
    fn fill_in(&self, template: &str) -> String {
        // `split_once` with a `char`, not `split_at` or a `&str` pattern: no slicing that could
        // panic, so the runtime .wasm carries none of core's slice-panic path (its message, and
        // the Unicode tables that print a char of it: BENCHMARKS.md, "The runtime, smaller").
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            match after.split_once('}') {
                Some((name, tail)) => {
                    match (self.extra.filter(|(n, _)| *n == name), self.params.get(name)) {
                        (Some((_, text)), _) => out.push_str(text),
                        (None, Some(Value::Null)) => out.push_str(self.not_given),
                        (None, Some(v)) => out.push_str(&show(v, self.params, self.sep)),
                        (None, None) => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = tail;
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        cap(out)
    }
}

/// The most characters a message or help shows, then `…`: a template holds at most 500, each
/// placeholder's text at most 100 (SECURITY.md).
const MAX_SHOWN_CHARS: usize = 1000;

/// `text` cut to [`MAX_SHOWN_CHARS`] characters and `…`, when longer.
fn cap(text: String) -> String {
    // Fewer bytes than the cap: fewer characters too, and nothing to count.
    if text.len() <= MAX_SHOWN_CHARS { text } else { crate::pointer::cut(&text, MAX_SHOWN_CHARS) }
}

/// A missing entry of a list (a roster row left `null` at `/roster/4`, a need at
/// `/facts/needs/1`) is named with its number, 员工花名册（第5条）, not as the whole list
/// (twenty-seventh session audit: "请填写：员工花名册" beside four good rows), where the pack says
/// how: `form`, its `value:entry` label, with `{label}` and `{n}`.
pub(crate) fn entry_label(form: Option<&str>, label: String, path: &str) -> String {
    // Splits at a `char` and reads the digits by hand, with no slicing and no `&str` pattern:
    // core's slice-panic path and its Unicode tables stay out of the runtime (BENCHMARKS.md,
    // "The runtime, smaller"; `str::replace` here cost 4.8 KB gzipped).
    let last = path.rsplit_once('/').map_or(path, |(_, s)| s);
    if last.is_empty() || !last.bytes().all(|b| b.is_ascii_digit()) {
        return label;
    }
    let i = last.bytes().fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b.wrapping_sub(b'0'))));
    let Some(form) = form else {
        return label;
    };
    // The messages' own placeholder filler: `{label}` the list's label, `{n}` the entry's number.
    let n = serde_json::json!({ "n": i.saturating_add(1) });
    Fill { params: &n, extra: Some(("label", &label)), sep: "", not_given: "" }.fill_in(form)
}

/// A unit's field named with the unit, as the pack's form says (`value:of_unit`, with `{label}`
/// and `{unit}`): 出租屋数（塘家社区第3网格）, as every other message of a unit names it
/// (messages audit, thirty-sixth session: 请填写：出租屋数 named no grid).
pub(crate) fn unit_label(form: Option<(&str, Option<&str>)>, label: String, params: &Value) -> String {
    match (form, params.get("unit")) {
        (Some((form, _)), Some(unit @ Value::String(_))) => {
            let params = crate::answer::params([("unit", unit.clone())]);
            Fill { params: &params, extra: Some(("label", &label)), sep: "", not_given: "" }.fill_in(form)
        }
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hostile template cannot make a message large: each quoted text is cut to 100
    /// characters, the message to 1,000 (packs audit: `{n}` × 166 of a long name).
    #[test]
    fn a_message_is_at_most_1000_characters_and_quotes_at_most_100() {
        let params = serde_json::json!({ "n": "某".repeat(1300) });
        let f = Fill { params: &params, extra: None, sep: "、", not_given: "未填写" };
        let one = f.fill_in("名称：{n}");
        assert_eq!(one, format!("名称：{}…", "某".repeat(100)));
        let many = f.fill_in(&"{n}".repeat(166));
        assert_eq!(many.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(many.ends_with('…'));
        let short = f.fill_in("{n}{n}");
        assert_eq!(short.chars().count(), 202);
    }

    #[test]
    fn the_last_entry_of_a_key_wins_and_every_key_is_found() {
        let m = |t: &str| MessageDoc { message: t.to_owned(), help: None };
        let doc = vec![
            ("zh-CN".to_owned(), vec![("b".to_owned(), m("b1")), ("a".to_owned(), m("a1"))]),
            ("zh".to_owned(), vec![("b".to_owned(), m("b2")), ("c".to_owned(), m("c1"))]),
        ];
        let c = Catalogue::from_doc(&doc);
        assert_eq!(c.lookup(Locale::ZhCn, "b"), Some(("b2", None)), "a later tag's entry wins");
        assert_eq!(c.lookup(Locale::ZhCn, "a"), Some(("a1", None)));
        assert_eq!(c.lookup(Locale::En, "c"), Some(("c1", None)), "en falls back to zh-CN");
        assert_eq!(c.lookup(Locale::ZhCn, "d"), None);
    }

    fn fill_in(template: &str, params: &Value, extra: Option<(&str, &str)>, sep: &str) -> String {
        Fill { params, extra, sep, not_given: "未填写" }.fill_in(template)
    }

    #[test]
    fn fills_placeholders() {
        let p = serde_json::json!({ "min": 5, "date": "2020-02-09", "r": 0.333333 });
        assert_eq!(fill_in("至少{min}天，{date}起；{x}；{r}", &p, None, "、"), "至少5天，2020-02-09起；{x}；0.33");
        assert_eq!(fill_in("unclosed {min", &p, None, "、"), "unclosed {min");
        assert_eq!(fill_in("请填写：{label}（{min}）", &p, Some(("label", "员工总数")), "、"), "请填写：员工总数（5）");
        let given_none = serde_json::json!({ "itemId": null });
        assert_eq!(fill_in("项目“{itemId}”", &given_none, None, "、"), "项目“未填写”", "a value not given, told so");
        let q = serde_json::json!({ "min": 2.5, "per": 2.498, "near": 2.4999996, "size": 1.9999999, "n": 8.001,
            "tiny": 0.0000001, "r": 0.123456 });
        assert_eq!(fill_in("不少于{min}（现为{per}）", &q, None, "、"), "不少于2.5（现为2.498）");
        assert_eq!(fill_in("{near}", &q, None, "、"), "2.499999", "six decimals cut, never rounded onto 2.5");
        assert_eq!(
            fill_in("{size}/{n}/{tiny}", &q, None, "、"),
            "1.999999/8.001/1e-7",
            "never a whole number it is not (past six decimals, as JavaScript prints it)"
        );
        assert_eq!(fill_in("{r}", &q, None, "、"), "0.12", "two decimals when they mislead no one");
        let pack = serde_json::json!({ "min": 33.125, "max": 42.875, "area": 3.3333, "per": 2.4983333333 });
        assert_eq!(
            fill_in("{min}–{max}；{area}（{per}）", &pack, None, "、"),
            "33.125–42.875；3.3333（2.5）",
            "a pack's number of up to four decimals as it is; a worked-out one in two"
        );
    }
}
