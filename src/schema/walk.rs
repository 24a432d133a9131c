//! The walker: an input against its shape, every problem reported at once at its JSON
//! Pointer, values normalised (full-width digits, dates, numbers given as text).

use std::borrow::Cow;

use serde_json::{Map, Value};
use validator::ValidateLength;

use super::{Field, MAX_ARRAY_LEN, MAX_NUMBER_DIGITS, MAX_TEXT_CHARS, Shape, Ty};
use crate::answer::{Diagnostic, Normalized, Severity, params, suggestion};
use crate::ids::{normalize_free_text, normalize_text};
use crate::pointer::Pointer;

/// The result of walking an input against its shape.
#[derive(Debug, Default)]
pub struct Walked {
    /// The canonical document: only known fields, strings normalised, dates as
    /// `YYYY-MM-DD` where they parse, wrongly typed values dropped.
    pub doc: Value,
    /// Shape diagnostics (`input.*`).
    pub diagnostics: Vec<Diagnostic>,
    /// Values that normalisation changed, so a form can show them.
    pub normalized: Vec<Normalized>,
    /// Strict mode (packs): no conversions or normalisation, required fields enforced.
    strict: bool,
}

impl Walked {
    /// A canonical document the walker would pass through unchanged, with nothing to report
    /// ([`super::read_clean`]).
    pub fn clean(doc: Value) -> Walked {
        Walked { doc, ..Walked::default() }
    }
}

/// Walk `input` against `shape`, collecting every shape problem at once.
pub fn walk(input: &Value, shape: &Shape) -> Walked {
    walk_input(Cow::Borrowed(input), shape)
}

/// Walk `input` against `shape`, borrowed or owned. An owned input is taken apart: its
/// strings, numbers and unknown-free parts move into the canonical document, and only the
/// values that normalisation changes are copied. The answer is the same either way.
pub fn walk_input(input: Cow<'_, Value>, shape: &Shape) -> Walked {
    let mut w = Walked::default();
    let mut ptr = Pointer::root();
    w.doc = walk_value(input, shape, &mut ptr, &mut w).unwrap_or(Value::Null);
    w
}

/// Check a document strictly against `shape` (types exact, required fields present,
/// words from their lists), returning every problem at its pointer. Used for rule packs.
pub fn check_strict(input: &Value, shape: &Shape) -> Vec<Diagnostic> {
    let mut w = Walked { strict: true, ..Walked::default() };
    let mut ptr = Pointer::root();
    if walk_value(Cow::Borrowed(input), shape, &mut ptr, &mut w).is_none()
        && !input.is_null()
        && w.diagnostics.is_empty()
    {
        shape_error(&mut w, &ptr, "input.invalid_type", params([("expected", Value::from("object"))]));
    }
    w.diagnostics
}

fn shape_error(w: &mut Walked, ptr: &Pointer, code: &'static str, params: Value) {
    w.diagnostics.push(Diagnostic::engine(code, Severity::Error, ptr.to_string(), params));
}

/// The members of an object, moved out of an owned one or borrowed, in key order.
enum Members<'a> {
    Owned(serde_json::map::IntoIter),
    Borrowed(serde_json::map::Iter<'a>),
}

impl<'a> Iterator for Members<'a> {
    type Item = (Cow<'a, str>, Cow<'a, Value>);
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Members::Owned(it) => it.next().map(|(k, v)| (Cow::Owned(k), Cow::Owned(v))),
            Members::Borrowed(it) => it.next().map(|(k, v)| (Cow::Borrowed(k.as_str()), Cow::Borrowed(v))),
        }
    }
}

/// The elements of an array, moved out of an owned one or borrowed, in order.
enum Elements<'a> {
    Owned(std::vec::IntoIter<Value>),
    Borrowed(std::slice::Iter<'a, Value>),
}

impl<'a> Iterator for Elements<'a> {
    type Item = Cow<'a, Value>;
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Elements::Owned(it) => it.next().map(Cow::Owned),
            Elements::Borrowed(it) => it.next().map(Cow::Borrowed),
        }
    }
}

/// The members of `v` if it is an object.
fn members(v: Cow<'_, Value>) -> Option<Members<'_>> {
    match v {
        Cow::Owned(Value::Object(map)) => Some(Members::Owned(map.into_iter())),
        Cow::Borrowed(Value::Object(map)) => Some(Members::Borrowed(map.iter())),
        _ => None,
    }
}

/// The elements of `v` if it is an array.
fn elements(v: Cow<'_, Value>) -> Option<Elements<'_>> {
    match v {
        Cow::Owned(Value::Array(items)) => Some(Elements::Owned(items.into_iter())),
        Cow::Borrowed(Value::Array(items)) => Some(Elements::Borrowed(items.iter())),
        _ => None,
    }
}

/// Unknown keys reported one by one in one object; past this, one `input.unknown_fields`
/// diagnostic at the object counts the rest (a 4 MB object of unknown keys stays a short answer).
pub const MAX_UNKNOWN_KEYS_SHOWN: usize = 20;

/// The known key that `key` looks like once normalised (full-width letters and digits, case,
/// invisible characters): a look-alike is never merged into the key it resembles, only named
/// in the help of its own diagnostic ("did you mean …?").
pub fn lookalike<'k>(key: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let norm = normalize_text(key);
    known.into_iter().find(|k| *k != key && (norm == *k || norm.eq_ignore_ascii_case(k)))
}

/// The params of a value that is no known name (`itemId: "ins-s3-6"`): `{ suggestion }` with the
/// [`lookalike`] of `typed` among `known`, and the value itself under `name`, from which the
/// help says what differs (case, full-width, spaces); `{}` when nothing looks like it.
pub fn lookalike_params<'k>(name: &str, typed: &str, known: impl IntoIterator<Item = &'k str>) -> Value {
    match lookalike(typed, known) {
        Some(k) => crate::answer::params([(name, Value::from(typed)), ("suggestion", Value::from(k))]),
        None => crate::answer::suggestion(None),
    }
}

/// An unknown key of a submission, at its own (escaped) pointer. The key itself is not
/// echoed into params or messages (it may hold anything, a name or a phone number); a
/// look-alike of a known key names the known key in `suggestion`.
fn unknown_key(w: &mut Walked, ptr: &Pointer, k: &str, fields: &[Field]) {
    let found = if w.strict {
        let shown: String = k.chars().take(64).collect();
        params([("field", Value::from(shown))])
    } else {
        suggestion(lookalike(k, fields.iter().map(|fl| fl.name)))
    };
    shape_error(w, ptr, "input.unknown_field", found);
}

/// One member `k` of an object whose fields are `fields`: walked, or reported as unknown
/// (the first [`MAX_UNKNOWN_KEYS_SHOWN`] of an object; `unknown` counts them all).
fn member(
    fields: &[Field],
    k: &str,
    val: Cow<'_, Value>,
    ptr: &mut Pointer,
    w: &mut Walked,
    unknown: &mut usize,
) -> Option<Value> {
    ptr.push(k);
    let x = match fields.iter().find(|fl| fl.name == k) {
        Some(fl) => walk_value(val, &fl.shape, ptr, w),
        None => {
            *unknown += 1;
            if *unknown <= MAX_UNKNOWN_KEYS_SHOWN || w.strict {
                unknown_key(w, ptr, k, fields);
            }
            None
        }
    };
    ptr.pop();
    x
}

fn walk_value(v: Cow<'_, Value>, shape: &Shape, ptr: &mut Pointer, w: &mut Walked) -> Option<Value> {
    if v.is_null() {
        return None;
    }
    // A form's blank input is missing wherever it stands, as `null` is: in place of an object or
    // a list too (audit 1: `"staff": ""` was a wrong type, `deferred`, and its counts not asked).
    if !w.strict
        && !matches!(shape, Shape::Leaf(_))
        && let Value::String(s) = v.as_ref()
        && s.as_str().validate_length(None, Some(MAX_TEXT_CHARS as u64), None)
        && is_blank(s)
    {
        return None;
    }
    match shape {
        Shape::Object(fields) => {
            let Value::Object(map) = v.as_ref() else {
                shape_error(w, ptr, "input.invalid_type", params([("expected", Value::from("object"))]));
                return None;
            };
            // Reported after the members, as the members are moved out.
            let missing: Vec<&str> = fields
                .iter()
                .filter(|fl| fl.required && map.get(fl.name).is_none_or(Value::is_null))
                .map(|fl| fl.name)
                .collect();
            let mut unknown = 0;
            let out = match v {
                // Owned: walked in place, members that do not belong dropped (no new map).
                Cow::Owned(Value::Object(mut map)) => {
                    map.retain(|k, val| {
                        match member(fields, k, Cow::Owned(std::mem::take(val)), ptr, w, &mut unknown) {
                            Some(x) => {
                                *val = x;
                                true
                            }
                            None => false,
                        }
                    });
                    map
                }
                v => {
                    let mut out = Map::new();
                    for (k, val) in members(v).into_iter().flatten() {
                        if let Some(x) = member(fields, &k, val, ptr, w, &mut unknown) {
                            out.insert(k.into_owned(), x);
                        }
                    }
                    out
                }
            };
            if unknown > MAX_UNKNOWN_KEYS_SHOWN && !w.strict {
                let more = unknown - MAX_UNKNOWN_KEYS_SHOWN;
                shape_error(
                    w,
                    ptr,
                    "input.unknown_fields",
                    params([("count", Value::from(unknown)), ("more", Value::from(more))]),
                );
            }
            for name in missing {
                let at = ptr.child(name);
                shape_error(w, &at, "input.missing_field", params([("field", Value::from(name))]));
            }
            Some(Value::Object(out))
        }
        Shape::Array(el) => {
            let Value::Array(items) = v.as_ref() else {
                shape_error(w, ptr, "input.invalid_type", params([("expected", Value::from("array"))]));
                return None;
            };
            if !items.validate_length(None, Some(MAX_ARRAY_LEN as u64), None) {
                shape_error(w, ptr, "input.too_many", params([("max", Value::from(MAX_ARRAY_LEN))]));
                return None;
            }
            // Keep positions stable: a bad element becomes null, so `/roster/3` stays element 3.
            let mut element = |i: usize, item: Cow<'_, Value>| {
                ptr.push_index(i);
                let x = walk_value(item, el, ptr, w).unwrap_or(Value::Null);
                ptr.pop();
                x
            };
            Some(Value::Array(match v {
                // Owned: each element walked in its own place.
                Cow::Owned(Value::Array(mut items)) => {
                    for (i, item) in items.iter_mut().enumerate() {
                        *item = element(i, Cow::Owned(std::mem::take(item)));
                    }
                    items
                }
                v => elements(v).into_iter().flatten().enumerate().map(|(i, item)| element(i, item)).collect(),
            }))
        }
        Shape::StrList => {
            let Value::Array(items) = v.as_ref() else {
                shape_error(w, ptr, "input.invalid_type", params([("expected", Value::from("array"))]));
                return None;
            };
            if !items.validate_length(None, Some(MAX_ARRAY_LEN as u64), None) {
                shape_error(w, ptr, "input.too_many", params([("max", Value::from(MAX_ARRAY_LEN))]));
                return None;
            }
            let mut out = Vec::new();
            for (i, item) in elements(v).into_iter().flatten().enumerate() {
                // An entry left null or blank stays, as null, in its place: missing, to be asked
                // for at its own path (an inspection's needs: `[null]` was dropped, and the fact
                // counted as recorded; twenty-seventh session audit).
                if is_missing(Some(item.as_ref())) {
                    out.push(Value::Null);
                    continue;
                }
                // One of the wrong type keeps its place too (as null, its shape error told), so
                // that every entry after it is asked for at its own index.
                ptr.push_index(i);
                out.push(walk_value(item, &Shape::Leaf(Ty::Str), ptr, w).unwrap_or(Value::Null));
                ptr.pop();
            }
            Some(Value::Array(out))
        }
        Shape::Map(el) => {
            let Value::Object(map) = v.as_ref() else {
                shape_error(w, ptr, "input.invalid_type", params([("expected", Value::from("object"))]));
                return None;
            };
            if map.len() > MAX_ARRAY_LEN {
                shape_error(w, ptr, "input.too_many", params([("max", Value::from(MAX_ARRAY_LEN))]));
                return None;
            }
            let mut out = Map::new();
            for (k, val) in members(v).into_iter().flatten() {
                ptr.push(&k);
                // Keys are data: kept exactly as given, never normalised, so two keys can
                // never merge (a full-width `ＩＮＳ-S4-1` is not `INS-S4-1`).
                if let Some(x) = walk_value(val, el, ptr, w) {
                    out.insert(k.into_owned(), x);
                }
                ptr.pop();
            }
            Some(Value::Object(out))
        }
        Shape::Enum(words) => match v.as_str() {
            Some(x) if words.contains(&x) => Some(v.into_owned()),
            _ => {
                let shown: String =
                    v.as_str().map_or_else(|| crate::answer::cold::text(&v), str::to_owned).chars().take(64).collect();
                shape_error(
                    w,
                    ptr,
                    "input.invalid_value",
                    params([("value", Value::from(shown)), ("allowed", Value::from(*words))]),
                );
                None
            }
        },
        Shape::Any => Some(v.into_owned()),
        Shape::Leaf(ty) => walk_leaf(v, *ty, ptr, w),
    }
}

fn walk_leaf(v: Cow<'_, Value>, ty: Ty, ptr: &Pointer, w: &mut Walked) -> Option<Value> {
    let wrong = |w: &mut Walked| {
        shape_error(w, ptr, "input.invalid_type", params([("expected", Value::from(ty.name()))]));
        None
    };
    if w.strict {
        let ok = matches!(
            (ty, v.as_ref()),
            (Ty::Bool, Value::Bool(_)) | (Ty::Num, Value::Number(_)) | (Ty::Str | Ty::Date, Value::String(_))
        );
        return if ok { Some(v.into_owned()) } else { wrong(w) };
    }
    if let Value::String(s) = v.as_ref() {
        // Any string: first its length, then blank is absent, as `null` is.
        if !s.as_str().validate_length(None, Some(MAX_TEXT_CHARS as u64), None) {
            shape_error(w, ptr, "input.too_long", params([("max", Value::from(MAX_TEXT_CHARS))]));
            return None;
        }
        if is_blank(s) {
            return None;
        }
    }
    let changed = match (ty, v.as_ref()) {
        (Ty::Bool, Value::Bool(b)) => return Some(Value::Bool(*b)),
        // Numbers by value: `1.0` is `1`, and a number where text is expected is spelt as
        // JavaScript spells it, so text and a JS object give the same answer.
        (Ty::Num, Value::Number(n)) => return Some(Value::Number(crate::num::number(n.clone()))),
        // Past 2^53 a number is not what JavaScript holds (an 18-digit ID number given as a
        // number: `JSON.parse` rounds it, the CLI read its digits; hostile audit, eighteenth
        // session): refused, never spelt, so text and a JS object get the same answer.
        (Ty::Str, Value::Number(n)) if n.as_f64().is_some_and(|x| x.abs() > crate::num::MAX_EXACT) => return wrong(w),
        (Ty::Str, Value::Number(n)) => return Some(Value::String(crate::num::js_text(n))),
        (Ty::Num, Value::String(s)) => {
            // Forms send numbers as text: a plain decimal once normalised (full-width digits,
            // spaces around it), nothing else — the same rule as NUMBER_PATTERN in JSON Schema.
            let norm = normalize_text(s);
            return match number_text(&norm) {
                Some(n) => {
                    let n = crate::num::number(n);
                    // Past 2^53 − 1 the number is refused as too large, and its double is not
                    // what was typed (`9999999999999999` is 1e16): not given back as normalised.
                    if n.as_f64().is_some_and(|x| x.abs() <= crate::num::MAX_EXACT) {
                        w.normalized.push(Normalized { path: ptr.to_string(), value: Value::Number(n.clone()) });
                    }
                    Some(Value::Number(n))
                }
                None => wrong(w),
            };
        }
        (Ty::Str | Ty::Date, Value::String(s)) => {
            let canonical = if ty == Ty::Str {
                normalize_free_text(s)
            } else {
                let norm = normalize_text(s);
                match crate::ids::parse_date(&norm) {
                    Ok(d) => Cow::Owned(crate::time::fmt_date(d)),
                    Err(_) => norm,
                }
            };
            // Unchanged text is kept as it is: moved, not copied, out of an owned input.
            (canonical != s.as_str()).then(|| canonical.into_owned())
        }
        _ => return wrong(w),
    };
    match changed {
        Some(canonical) => {
            w.normalized.push(Normalized { path: ptr.to_string(), value: Value::String(canonical.clone()) });
            Some(Value::String(canonical))
        }
        None => Some(v.into_owned()),
    }
}

/// A value that counts as not given: a string of nothing but whitespace (including the
/// ideographic space U+3000) and invisible characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || crate::ids::is_invisible(c))
}

/// Whether a value is missing — absent, `null`, or blank text: the one definition the walker,
/// the expressions and the rules share (a missing value is `field.required`, never a fact).
pub fn is_missing(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => is_blank(s),
        Some(_) => false,
    }
}

/// The member `key` of `v` if `v` is an object: `v.get(key)`, the same value. A small
/// object (a submission's are) is scanned, comparing lengths first, which costs less than the
/// B-tree search comparing whole keys at each step while rules read fields.
pub fn get_member<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    let Value::Object(map) = v else { return None };
    if map.len() > 16 {
        return map.get(key);
    }
    map.iter().find(|(k, _)| k.len() == key.len() && k.as_str() == key).map(|(_, x)| x)
}

/// The elements of the array at `path` below `root` (none when there is no array there): the
/// one walk that rules, drafts, the work budget and the cost of expressions share.
pub fn array_at<'v>(root: &'v Value, path: &[String]) -> &'v [Value] {
    let mut v = Some(root);
    for s in path {
        v = v.and_then(|x| get_member(x, s));
    }
    v.and_then(Value::as_array).map_or(&[][..], Vec::as_slice)
}

/// A field's id as packs and `field.required` write it: `staff.total`, or `roster[].arrivedOn`
/// for a field of each element of `roster`.
pub fn field_id(array: Option<&[String]>, path: &[String]) -> String {
    match array {
        Some(a) => format!("{}[].{}", a.join("."), path.join(".")),
        None => path.join("."),
    }
}

/// A number written as text, already normalised: `^[+-]?[0-9]{1,16}(\.[0-9]+)?$`.
fn number_text(norm: &str) -> Option<serde_json::Number> {
    let unsigned = norm.strip_prefix(['+', '-']).unwrap_or(norm);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || int.len() > MAX_NUMBER_DIGITS || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    crate::num::parse_f64(norm).filter(|x| x.is_finite()).and_then(serde_json::Number::from_f64)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::schema::{FILING, INSPECTION, Resolved, resolve};

    #[test]
    fn resolves_nested_fields() {
        assert!(matches!(resolve(&FILING, &["staff", "keyArea", "returned"]), Some(Resolved::Leaf(Ty::Num))));
        assert!(matches!(resolve(&FILING, &["roster"]), Some(Resolved::Array(_))));
        assert!(resolve(&FILING, &["staff", "returing"]).is_none());
    }

    #[test]
    fn walker_reports_every_problem() {
        let input = serde_json::json!({
            "filedOn": "2020年2月4日",
            "staff": { "total": "１２０", "returning": true, "bogus": 1 },
            "roster": [ { "name": 5 }, "x" ]
        });
        let w = walk(&input, &FILING);
        let codes: Vec<_> = w.diagnostics.iter().map(|d| (d.code.as_str(), d.path.as_str())).collect();
        assert_eq!(
            codes,
            vec![
                ("input.invalid_type", "/roster/1"),
                ("input.unknown_field", "/staff/bogus"),
                ("input.invalid_type", "/staff/returning"),
            ]
        );
        assert_eq!(w.doc["filedOn"], "2020-02-04");
        assert_eq!(w.doc["staff"]["total"], 120);
        assert_eq!(w.doc["roster"][0]["name"], "5");
    }

    #[test]
    fn blank_is_absent_in_every_leaf() {
        let input = serde_json::json!({
            "filedOn": "",
            "enterprise": { "name": "\u{3000} \u{200B}", "whitelisted": " " },
            "staff": { "total": "\t" },
            "roster": [ { "arrivedOn": "", "returning": "" } ]
        });
        let w = walk(&input, &FILING);
        assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
        assert_eq!(w.doc, serde_json::json!({ "enterprise": {}, "staff": {}, "roster": [ {} ] }));
        assert!(w.normalized.is_empty());
        // The length limit comes first: a blank of 1,001 characters is too long.
        let w = walk(&serde_json::json!({ "filedOn": " ".repeat(1001) }), &FILING);
        assert_eq!(w.diagnostics.first().map(|d| d.code.as_str()), Some("input.too_long"));
    }

    #[test]
    fn numbers_as_text_are_plain_decimals() {
        let ok = [
            "12",
            "-3",
            "+4",
            "０.５",
            "\u{3000}１２\u{200B}０ ",
            "１２．５",
            "999999999999999",
            "9007199254740991",
            "0.000000000000000001",
        ];
        for t in ok {
            let w = walk(&serde_json::json!({ "staff": { "total": t } }), &FILING);
            assert!(w.diagnostics.is_empty(), "{t:?}: {:?}", w.diagnostics);
            assert!(w.doc["staff"]["total"].is_number(), "{t:?}");
        }
        let bad =
            ["1e3", ".5", "5.", "1 2", "inf", "NaN", "0x10", "1,000", "十二", "10000000000000000", "--1", "1.2.3"];
        for t in bad {
            let w = walk(&serde_json::json!({ "staff": { "total": t } }), &FILING);
            let codes: Vec<_> = w.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(codes, ["input.invalid_type"], "{t:?}");
        }
    }

    #[test]
    fn owned_and_borrowed_walks_agree() {
        let input = serde_json::json!({
            "filedOn": "2020年2月4日",
            "enterprise": { "name": " 某某\u{200B}公司 ", "creditCode": "９１４４", "whitelisted": "no" },
            "staff": { "total": "１２０", "returning": 3, "bogus": 1 },
            "roster": [ { "name": 5, "phone": "13800138000" }, "x", null ]
        });
        let borrowed = walk(&input, &FILING);
        let owned = walk_input(Cow::Owned(input.clone()), &FILING);
        assert_eq!(owned.doc, borrowed.doc);
        assert_eq!(format!("{:?}", owned.diagnostics), format!("{:?}", borrowed.diagnostics));
        assert_eq!(format!("{:?}", owned.normalized), format!("{:?}", borrowed.normalized));
        let facts = serde_json::json!({ "facts": { "needs": ["ａ", " b ", 3, null] } });
        let (b, o) = (walk(&facts, &INSPECTION), walk_input(Cow::Owned(facts.clone()), &INSPECTION));
        assert_eq!(o.doc, b.doc);
        assert_eq!(format!("{:?}", o.diagnostics), format!("{:?}", b.diagnostics));
    }

    #[test]
    fn string_lists_have_the_array_limit() {
        let needs = vec![Value::Null; MAX_ARRAY_LEN + 1];
        let w = walk(&serde_json::json!({ "facts": { "needs": needs } }), &INSPECTION);
        let codes: Vec<_> = w.diagnostics.iter().map(|d| (d.code.as_str(), d.path.as_str())).collect();
        assert_eq!(codes, [("input.too_many", "/facts/needs")]);
    }
}
