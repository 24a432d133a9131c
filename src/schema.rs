//! Input shapes as data: which fields a submission may have and of which type.
//!
//! One table per kind of submission drives three things, so they cannot drift apart:
//! the input walker (unknown fields, wrong types, over-long strings, full-width
//! normalisation — all reported at once, each at its JSON Pointer), the type checker
//! of pack expressions (a misspelt field is a load error), and the field lists of
//! `field` rules.

use serde_json::{Map, Value};
use validator::ValidateLength;

use crate::answer::{Diagnostic, Normalized, Severity};
use crate::ids::{normalize_free_text, normalize_text};
use crate::pointer::Pointer;

/// The type of a leaf value, as seen by pack expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// Text (names, phones, codes).
    Str,
    /// A number (counts, litres, square metres).
    Num,
    /// `true` / `false`.
    Bool,
    /// A calendar date, `YYYY-MM-DD` once normalised.
    Date,
}

impl Ty {
    /// The name used in pack error messages.
    pub fn name(self) -> &'static str {
        match self {
            Ty::Str => "text",
            Ty::Num => "number",
            Ty::Bool => "boolean",
            Ty::Date => "date",
        }
    }
}

/// The shape of a value in a submission.
#[derive(Debug)]
pub enum Shape {
    /// A leaf of the given type.
    Leaf(Ty),
    /// An object with these fields (any other field is rejected).
    Object(&'static [Field]),
    /// An array of elements of one shape.
    Array(&'static Shape),
    /// A list of strings (e.g. an inspection's `needs`).
    StrList,
    /// An object with free keys (item ids, count names), every value of one shape.
    Map(&'static Shape),
    /// A text that must be one of these words (packs only).
    Enum(&'static [&'static str]),
    /// Any JSON value (packs only: a parameter's value is checked by its declared type).
    Any,
}

/// One named field of an object shape.
#[derive(Debug)]
pub struct Field {
    /// The field name in JSON (camelCase).
    pub name: &'static str,
    /// Its shape.
    pub shape: Shape,
    /// Must be present (packs only; in submissions the rules say what is required).
    pub required: bool,
}

const fn f(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: false }
}
const fn leaf(name: &'static str, ty: Ty) -> Field {
    Field { name, shape: Shape::Leaf(ty), required: false }
}
const fn req(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: true }
}

const PERSON: Shape = Shape::Object(&[leaf("name", Ty::Str), leaf("phone", Ty::Str), leaf("idNumber", Ty::Str)]);

/// A roster employee (domain.md §2).
pub const ROSTER_ENTRY: Shape = Shape::Object(&[
    leaf("name", Ty::Str),
    leaf("idNumber", Ty::Str),
    leaf("phone", Ty::Str),
    leaf("returning", Ty::Bool),
    leaf("keyAreaHistory", Ty::Bool),
    leaf("closeContact", Ty::Bool),
    leaf("arrivedOn", Ty::Date),
]);

/// An open rectification carried into a filing from the firm's inspections.
pub const RECTIFICATION: Shape = Shape::Object(&[
    leaf("itemId", Ty::Str),
    leaf("deadline", Ty::Date),
    leaf("resolved", Ty::Bool),
    leaf("veto", Ty::Bool),
]);

/// The return-to-work filing of domain.md §2.
pub static FILING: Shape = Shape::Object(&[
    leaf("filedOn", Ty::Date),
    leaf("plannedResumption", Ty::Date),
    f(
        "enterprise",
        Shape::Object(&[
            leaf("name", Ty::Str),
            leaf("creditCode", Ty::Str),
            leaf("districtCode", Ty::Str),
            leaf("street", Ty::Str),
            leaf("community", Ty::Str),
            leaf("address", Ty::Str),
            leaf("whitelisted", Ty::Bool),
        ]),
    ),
    f("contacts", Shape::Object(&[f("firstResponsible", PERSON), f("healthLiaison", PERSON)])),
    f(
        "staff",
        Shape::Object(&[
            leaf("total", Ty::Num),
            leaf("returning", Ty::Num),
            leaf("local", Ty::Num),
            leaf("fromOutside", Ty::Num),
            f(
                "keyArea",
                Shape::Object(&[
                    leaf("returned", Ty::Num),
                    leaf("isolationComplete", Ty::Num),
                    leaf("stillThere", Ty::Num),
                    leaf("unreachable", Ty::Num),
                ]),
            ),
        ]),
    ),
    f("roster", Shape::Array(&ROSTER_ENTRY)),
    f(
        "supplies",
        Shape::Object(&[
            leaf("masks", Ty::Num),
            leaf("thermometers", Ty::Num),
            leaf("disinfectantLiters", Ty::Num),
            leaf("gloves", Ty::Num),
        ]),
    ),
    f(
        "measures",
        Shape::Object(&[
            leaf("preventionTeamSize", Ty::Num),
            leaf("teamTrained", Ty::Bool),
            leaf("emergencyPlan", Ty::Bool),
            leaf("isolationRooms", Ty::Num),
            leaf("singleRoomIsolation", Ty::Bool),
            leaf("closedManagement", Ty::Bool),
            leaf("temperatureChecksPerDay", Ty::Num),
            leaf("fingerprintClockSuspended", Ty::Bool),
            f(
                "canteen",
                Shape::Object(&[
                    leaf("present", Ty::Bool),
                    leaf("staggered", Ty::Bool),
                    leaf("boxedMeals", Ty::Bool),
                    leaf("dispersedDining", Ty::Bool),
                ]),
            ),
            f(
                "dormitory",
                Shape::Object(&[leaf("rooms", Ty::Num), leaf("residents", Ty::Num), leaf("areaM2", Ty::Num)]),
            ),
            leaf("disinfectionLog", Ty::Bool),
            leaf("commitmentSigned", Ty::Bool),
        ]),
    ),
    f("openRectifications", Shape::Array(&RECTIFICATION)),
]);

const ANSWER: Shape = Shape::Object(&[leaf("result", Ty::Str), leaf("evidence", Ty::Str), leaf("note", Ty::Str)]);

/// A rectification as recorded by an inspection.
pub const PREVIOUS_RECTIFICATION: Shape = Shape::Object(&[
    leaf("itemId", Ty::Str),
    leaf("deadline", Ty::Date),
    leaf("resolved", Ty::Bool),
    leaf("veto", Ty::Bool),
]);

/// An inspection (domain.md §3).
pub static INSPECTION: Shape = Shape::Object(&[
    leaf("inspectedOn", Ty::Date),
    f("enterprise", Shape::Object(&[leaf("name", Ty::Str), leaf("creditCode", Ty::Str)])),
    f("inspector", Shape::Object(&[leaf("name", Ty::Str), leaf("badge", Ty::Str)])),
    leaf("keyAreaStaffReturned", Ty::Bool),
    f("answers", Shape::Map(&ANSWER)),
    f(
        "facts",
        Shape::Object(&[
            leaf("basics", Ty::Str),
            leaf("workflow", Ty::Str),
            leaf("isolation", Ty::Str),
            leaf("stocks", Ty::Str),
            f("knowledge", Shape::Object(&[leaf("sampled", Ty::Num), leaf("correct", Ty::Num)])),
            f("needs", Shape::StrList),
        ]),
    ),
    f(
        "previous",
        Shape::Array(&Shape::Object(&[
            leaf("inspectedOn", Ty::Date),
            f("rectifications", Shape::Array(&PREVIOUS_RECTIFICATION)),
        ])),
    ),
]);

/// One unit of a daily indicator report (grid, community, street, district).
pub const UNIT: Shape = Shape::Object(&[
    leaf("id", Ty::Str),
    leaf("parent", Ty::Str),
    leaf("level", Ty::Str),
    leaf("name", Ty::Str),
    f("counts", Shape::Map(&Shape::Leaf(Ty::Num))),
    f("checklist", Shape::Map(&ANSWER)),
]);

/// The ten counts of domain.md §4 that a unit's `counts` may hold (numerator, then denominator,
/// of IND-1 … IND-5). Other keys are accepted by the shape (the indicators warn of them).
pub const INDICATOR_COUNTS: [&str; 10] = [
    "compoundsEnclosed",
    "compounds",
    "keyAreaHomeIsolated",
    "keyAreaArrivals",
    "closeContactsQuarantined",
    "closeContacts",
    "entrancesTwoWayChecked",
    "entrances",
    "rentalUnitsRegistered",
    "rentalUnits",
];

/// A daily report of the community indicators (domain.md §4).
pub static INDICATORS: Shape = Shape::Object(&[leaf("date", Ty::Date), f("units", Shape::Array(&UNIT))]);

/// A personal screening declaration (domain.md §5).
pub static SCREENING: Shape = Shape::Object(&[
    leaf("declaredOn", Ty::Date),
    leaf("visitedEpidemicArea", Ty::Bool),
    leaf("leftAreaOn", Ty::Date),
    leaf("contactWithAreaPeople", Ty::Bool),
    leaf("contactWithConfirmed", Ty::Bool),
    leaf("lastContactOn", Ty::Date),
    leaf("attendedGatherings", Ty::Bool),
    f(
        "symptoms",
        Shape::Object(&[leaf("temperature", Ty::Num), leaf("dryCough", Ty::Bool), leaf("fatigue", Ty::Bool)]),
    ),
]);

const SEVERITY: Shape = Shape::Enum(&["error", "warning", "info"]);
const STR: Shape = Shape::Leaf(Ty::Str);

const CHECK_DOC: Shape = Shape::Object(&[
    f("check", Shape::Enum(&["creditCode", "districtCode", "phone", "idNumber", "date", "count", "amount", "text"])),
    f("fields", Shape::Array(&STR)),
    f("required", Shape::Array(&STR)),
    leaf("allowed", Ty::Str),
    f("checksumSeverity", SEVERITY),
    leaf("assert", Ty::Str),
    leaf("when", Ty::Str),
    leaf("each", Ty::Str),
    leaf("path", Ty::Str),
    leaf("code", Ty::Str),
    f("params", Shape::Map(&STR)),
    f("severity", SEVERITY),
]);

const RULE_DOC: Shape = Shape::Object(&[
    req("id", STR),
    req(
        "kind",
        Shape::Enum(&[
            "field",
            "assert",
            "isolation",
            "gate",
            "section",
            "item",
            "fact",
            "indicator",
            "checklistItem",
            "screen",
        ]),
    ),
    f("severity", SEVERITY),
    leaf("title", Ty::Str),
    f("checks", Shape::Array(&CHECK_DOC)),
    f("causes", Shape::Array(&STR)),
    leaf("each", Ty::Str),
    leaf("when", Ty::Str),
    leaf("start", Ty::Str),
    leaf("days", Ty::Str),
    leaf("by", Ty::Str),
    leaf("code", Ty::Str),
    leaf("path", Ty::Str),
    f("on", Shape::Enum(&["filing", "inspection", "indicators", "screening"])),
    leaf("section", Ty::Str),
    leaf("weight", Ty::Num),
    leaf("veto", Ty::Bool),
    leaf("naWhen", Ty::Str),
    leaf("field", Ty::Str),
    leaf("numerator", Ty::Str),
    leaf("denominator", Ty::Str),
    leaf("outcome", Ty::Str),
    leaf("from", Ty::Str),
]);

const PARAM_DOC: Shape = Shape::Object(&[
    req("type", Shape::Enum(&["days", "count", "number", "date", "text", "texts", "bool"])),
    req("value", Shape::Any),
    leaf("min", Ty::Num),
    leaf("max", Ty::Num),
    leaf("description", Ty::Str),
]);

const MESSAGE_DOC: Shape = Shape::Object(&[req("message", STR), leaf("help", Ty::Str)]);

const LABEL_DOC: Shape = Shape::Object(&[req("label", STR), leaf("hint", Ty::Str)]);

/// A rule pack document (after `extends` is resolved).
pub static PACK: Shape = Shape::Object(&[
    req("id", STR),
    leaf("extends", Ty::Str),
    f("removeRules", Shape::Array(&STR)),
    req("version", STR),
    req("effectiveFrom", STR),
    f("title", Shape::Map(&STR)),
    leaf("source", Ty::Str),
    f("parameters", Shape::Map(&PARAM_DOC)),
    f("rules", Shape::Array(&RULE_DOC)),
    f("messages", Shape::Map(&Shape::Map(&MESSAGE_DOC))),
    f("labels", Shape::Map(&Shape::Map(&LABEL_DOC))),
]);

/// Longest text accepted in any field, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;
/// Most elements accepted in any array (a roster of 100,000 is a very large firm).
pub const MAX_ARRAY_LEN: usize = 100_000;

/// What a reference to a field resolves to.
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'s> {
    /// A leaf of this type.
    Leaf(Ty),
    /// An object (usable only with `present`).
    Object,
    /// An array whose elements have this shape (usable with `count`, `any`, `size`, `present`).
    Array(&'s Shape),
    /// A list of strings.
    StrList,
}

/// Resolve a dotted field path (`staff.keyArea.returned`) inside a shape.
pub fn resolve(shape: &'static Shape, path: &[&str]) -> Option<Resolved<'static>> {
    let mut here = shape;
    for seg in path {
        match here {
            Shape::Object(fields) => {
                here = &fields.iter().find(|fl| fl.name == *seg)?.shape;
            }
            _ => return None,
        }
    }
    Some(match here {
        Shape::Leaf(t) => Resolved::Leaf(*t),
        Shape::Object(_) => Resolved::Object,
        Shape::Array(el) => Resolved::Array(el),
        Shape::StrList => Resolved::StrList,
        Shape::Map(_) | Shape::Any => Resolved::Object,
        Shape::Enum(_) => Resolved::Leaf(Ty::Str),
    })
}

/// The shape of what a subject judges.
pub fn shape_for(subject: crate::pack::doc::Subject) -> &'static Shape {
    use crate::pack::doc::Subject;
    match subject {
        Subject::Filing => &FILING,
        Subject::Inspection => &INSPECTION,
        Subject::Indicators => &INDICATORS,
        Subject::Screening => &SCREENING,
    }
}

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

/// Walk `input` against `shape`, collecting every shape problem at once.
pub fn walk(input: &Value, shape: &Shape) -> Walked {
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
    if walk_value(input, shape, &mut ptr, &mut w).is_none() && !input.is_null() && w.diagnostics.is_empty() {
        shape_error(&mut w, &ptr, "input.invalid_type", serde_json::json!({ "expected": "object" }));
    }
    w.diagnostics
}

fn shape_error(w: &mut Walked, ptr: &Pointer, code: &'static str, params: Value) {
    w.diagnostics.push(Diagnostic::engine(code, Severity::Error, ptr.to_string(), params));
}

fn walk_value(v: &Value, shape: &Shape, ptr: &mut Pointer, w: &mut Walked) -> Option<Value> {
    if v.is_null() {
        return None;
    }
    match shape {
        Shape::Object(fields) => {
            let Value::Object(map) = v else {
                shape_error(w, ptr, "input.invalid_type", serde_json::json!({ "expected": "object" }));
                return None;
            };
            let mut out = Map::new();
            for (k, val) in map {
                ptr.push(k);
                match fields.iter().find(|fl| fl.name == k.as_str()) {
                    Some(fl) => {
                        if let Some(x) = walk_value(val, &fl.shape, ptr, w) {
                            out.insert(k.clone(), x);
                        }
                    }
                    None => {
                        let shown: String = k.chars().take(64).collect();
                        shape_error(w, ptr, "input.unknown_field", serde_json::json!({ "field": shown }));
                    }
                }
                ptr.pop();
            }
            for fl in fields.iter().filter(|fl| fl.required && map.get(fl.name).is_none_or(Value::is_null)) {
                let at = ptr.child(fl.name);
                shape_error(w, &at, "input.missing_field", serde_json::json!({ "field": fl.name }));
            }
            Some(Value::Object(out))
        }
        Shape::Array(el) => {
            let Value::Array(items) = v else {
                shape_error(w, ptr, "input.invalid_type", serde_json::json!({ "expected": "array" }));
                return None;
            };
            if !items.validate_length(None, Some(MAX_ARRAY_LEN as u64), None) {
                shape_error(w, ptr, "input.too_many", serde_json::json!({ "max": MAX_ARRAY_LEN }));
                return None;
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                ptr.push_index(i);
                // Keep positions stable: a bad element becomes null, so `/roster/3` stays element 3.
                out.push(walk_value(item, el, ptr, w).unwrap_or(Value::Null));
                ptr.pop();
            }
            Some(Value::Array(out))
        }
        Shape::StrList => {
            let Value::Array(items) = v else {
                shape_error(w, ptr, "input.invalid_type", serde_json::json!({ "expected": "array" }));
                return None;
            };
            if !items.validate_length(None, Some(MAX_ARRAY_LEN as u64), None) {
                shape_error(w, ptr, "input.too_many", serde_json::json!({ "max": MAX_ARRAY_LEN }));
                return None;
            }
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                ptr.push_index(i);
                if let Some(x) = walk_value(item, &Shape::Leaf(Ty::Str), ptr, w) {
                    out.push(x);
                }
                ptr.pop();
            }
            Some(Value::Array(out))
        }
        Shape::Map(el) => {
            let Value::Object(map) = v else {
                shape_error(w, ptr, "input.invalid_type", serde_json::json!({ "expected": "object" }));
                return None;
            };
            if map.len() > MAX_ARRAY_LEN {
                shape_error(w, ptr, "input.too_many", serde_json::json!({ "max": MAX_ARRAY_LEN }));
                return None;
            }
            let mut out = Map::new();
            for (k, val) in map {
                ptr.push(k);
                if let Some(x) = walk_value(val, el, ptr, w) {
                    out.insert(normalize_text(k), x);
                }
                ptr.pop();
            }
            Some(Value::Object(out))
        }
        Shape::Enum(words) => match v.as_str() {
            Some(x) if words.contains(&x) => Some(v.clone()),
            _ => {
                let shown: String = v.as_str().map_or_else(|| v.to_string(), str::to_owned).chars().take(64).collect();
                shape_error(w, ptr, "input.invalid_value", serde_json::json!({ "value": shown, "allowed": words }));
                None
            }
        },
        Shape::Any => Some(v.clone()),
        Shape::Leaf(ty) => walk_leaf(v, *ty, ptr, w),
    }
}

fn walk_leaf(v: &Value, ty: Ty, ptr: &Pointer, w: &mut Walked) -> Option<Value> {
    let wrong = |w: &mut Walked| {
        shape_error(w, ptr, "input.invalid_type", serde_json::json!({ "expected": ty.name() }));
        None
    };
    if w.strict {
        let ok = matches!(
            (ty, v),
            (Ty::Bool, Value::Bool(_)) | (Ty::Num, Value::Number(_)) | (Ty::Str | Ty::Date, Value::String(_))
        );
        return if ok { Some(v.clone()) } else { wrong(w) };
    }
    if let Value::String(s) = v {
        // Any string: first its length, then blank is absent, as `null` is.
        if !s.as_str().validate_length(None, Some(MAX_TEXT_CHARS as u64), None) {
            shape_error(w, ptr, "input.too_long", serde_json::json!({ "max": MAX_TEXT_CHARS }));
            return None;
        }
        if is_blank(s) {
            return None;
        }
    }
    match (ty, v) {
        (Ty::Bool, Value::Bool(b)) => Some(Value::Bool(*b)),
        (Ty::Num, Value::Number(n)) => Some(Value::Number(n.clone())),
        (Ty::Str, Value::Number(n)) => Some(Value::String(n.to_string())),
        (Ty::Num, Value::String(s)) => {
            // Forms send numbers as text: a plain decimal once normalised (full-width digits,
            // spaces around it), nothing else — the same rule as NUMBER_PATTERN in JSON Schema.
            let norm = normalize_text(s);
            match number_text(&norm) {
                Some(n) => {
                    let n = whole_number(n);
                    w.normalized.push(Normalized { path: ptr.to_string(), value: Value::Number(n.clone()) });
                    Some(Value::Number(n))
                }
                None => wrong(w),
            }
        }
        (Ty::Str | Ty::Date, Value::String(s)) => {
            let canonical = if ty == Ty::Str {
                normalize_free_text(s)
            } else {
                let norm = normalize_text(s);
                match crate::ids::parse_date(&norm) {
                    Ok(d) => crate::time::fmt_date(d),
                    Err(_) => norm,
                }
            };
            if canonical != *s {
                w.normalized.push(Normalized { path: ptr.to_string(), value: Value::String(canonical.clone()) });
            }
            Some(Value::String(canonical))
        }
        _ => wrong(w),
    }
}

/// Most digits before the decimal point of a number given as text: 15 digits are exact in a
/// double, and no count or amount of a form comes near them.
pub const MAX_NUMBER_DIGITS: usize = 15;

/// The characters that [`normalize_text`] removes wherever they are (zero-width and invisible
/// format characters).
pub const INVISIBLE_CHARS: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'];

/// A value that counts as not given: a string of nothing but whitespace (including the
/// ideographic space U+3000) and invisible characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || INVISIBLE_CHARS.contains(&c))
}

/// A number written as text, already normalised: `^[+-]?[0-9]{1,15}(\.[0-9]+)?$`.
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
    norm.parse::<f64>().ok().filter(|x| x.is_finite()).and_then(serde_json::Number::from_f64)
}

/// `12.0` → `12`, so that normalised counts print as whole numbers.
fn whole_number(n: serde_json::Number) -> serde_json::Number {
    match n.as_f64() {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => serde_json::Number::from(x as i64),
        _ => n,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

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
            "0.000000000000000001",
        ];
        for t in ok {
            let w = walk(&serde_json::json!({ "staff": { "total": t } }), &FILING);
            assert!(w.diagnostics.is_empty(), "{t:?}: {:?}", w.diagnostics);
            assert!(w.doc["staff"]["total"].is_number(), "{t:?}");
        }
        let bad = ["1e3", ".5", "5.", "1 2", "inf", "NaN", "0x10", "1,000", "十二", "1000000000000000", "--1", "1.2.3"];
        for t in bad {
            let w = walk(&serde_json::json!({ "staff": { "total": t } }), &FILING);
            let codes: Vec<_> = w.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(codes, ["input.invalid_type"], "{t:?}");
        }
    }

    #[test]
    fn string_lists_have_the_array_limit() {
        let needs = vec![Value::Null; MAX_ARRAY_LEN + 1];
        let w = walk(&serde_json::json!({ "facts": { "needs": needs } }), &INSPECTION);
        let codes: Vec<_> = w.diagnostics.iter().map(|d| (d.code.as_str(), d.path.as_str())).collect();
        assert_eq!(codes, [("input.too_many", "/facts/needs")]);
    }
}
