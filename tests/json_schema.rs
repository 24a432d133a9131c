//! The JSON Schema of each kind of submission (src/json_schema.rs): valid JSON, every field of
//! the input shape, titles from the labels. Whether it agrees with the engine's shape checks is
//! tested with ajv on golden and generated inputs (js/test/schema.test.mjs, through
//! `fangkong describe KIND --json-schema`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeSet;

use fangkong::json_schema::{BLANK_PATTERN, NUMBER_PATTERN, input_schema};
use fangkong::pack::doc::Subject;
use fangkong::schema::{INDICATOR_COUNTS, MAX_ARRAY_LEN, MAX_NUMBER_DIGITS, MAX_TEXT_CHARS, Shape, shape_for};
use serde_json::{Value, json};

const KINDS: [Subject; 4] = [Subject::Filing, Subject::Inspection, Subject::Indicators, Subject::Screening];

fn no_labels(_: &str) -> Option<(String, Option<String>)> {
    None
}

/// Labels for a few keys, as a pack's catalogue would give them.
fn some_labels(key: &str) -> Option<(String, Option<String>)> {
    let (label, hint) = match key {
        "kind:filing" => ("复工备案", Some("企业复工复产备案表")),
        "filing:enterprise" => ("企业信息", None),
        "filing:enterprise.name" => ("企业名称", Some("与营业执照一致")),
        "filing:roster[].arrivedOn" => ("抵深日期", None),
        "inspection:answers.*.result" => ("检查结果", None),
        "indicators:units[].counts.compounds" => ("小区总数", None),
        "indicators:units[].counts.*" => ("其他数量", None),
        _ => return None,
    };
    Some((label.to_owned(), hint.map(str::to_owned)))
}

/// Every field id of a shape, as the labels catalogue keys them (`roster[].name`, `answers.*.result`).
fn shape_ids(shape: &Shape, id: &str, out: &mut BTreeSet<String>) {
    let join = |name: &str| if id.is_empty() { name.to_owned() } else { format!("{id}.{name}") };
    match shape {
        Shape::Object(fields) => {
            for fl in *fields {
                let cid = join(fl.name);
                out.insert(cid.clone());
                shape_ids(&fl.shape, &cid, out);
            }
        }
        Shape::Array(el) => shape_ids(el, &format!("{id}[]"), out),
        Shape::Map(el) => {
            let cid = join("*");
            out.insert(cid.clone());
            shape_ids(el, &cid, out);
        }
        _ => {}
    }
}

/// Every `x-fangkong-field` in a schema.
fn schema_ids(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(id)) = m.get("x-fangkong-field") {
                out.insert(id.clone());
            }
            m.values().for_each(|x| schema_ids(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| schema_ids(x, out)),
        _ => {}
    }
}

/// The schema node at a dotted field id (`roster[].arrivedOn`, `answers.*.result`).
fn node<'a>(schema: &'a Value, id: &str) -> &'a Value {
    let mut here = schema;
    for seg in id.split('.') {
        let (name, arrays) = match seg.find("[]") {
            Some(i) => (&seg[..i], seg[i..].matches("[]").count()),
            None => (seg, 0),
        };
        here = if name == "*" { &here["additionalProperties"] } else { &here["properties"][name] };
        for _ in 0..arrays {
            here = &here["items"];
        }
        assert!(!here.is_null(), "no node at {id} ({seg})");
    }
    here
}

#[test]
fn each_schema_is_valid_json_of_draft_2020_12() {
    for subject in KINDS {
        let schema = input_schema(subject, &no_labels);
        let text = serde_json::to_string_pretty(&schema).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, schema);
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(schema["$id"], format!("urn:fangkong:input:{}", subject.name()));
        // A blank string stands for absent, as `null` does (a form's empty input; thirteenth session).
        assert_eq!(schema["type"], json!(["object", "null", "string"]));
        assert_eq!(schema["pattern"], BLANK_PATTERN);
        assert_eq!(schema["additionalProperties"], false);
        assert!(schema.get("title").is_none(), "no label, no title");
        assert!(schema.get("x-fangkong-field").is_none());
    }
}

#[test]
fn each_schema_lists_every_field_of_the_shape() {
    for subject in KINDS {
        let mut want = BTreeSet::new();
        shape_ids(shape_for(subject), "", &mut want);
        let mut have = BTreeSet::new();
        schema_ids(&input_schema(subject, &no_labels), &mut have);
        let missing: Vec<_> = want.difference(&have).collect();
        assert!(missing.is_empty(), "{}: fields missing from the schema: {missing:?}", subject.name());
        for id in &want {
            node(&input_schema(subject, &no_labels), id);
        }
        assert!(want.len() >= 5, "{}: {want:?}", subject.name());
    }
    // A few that must be there.
    let mut filing = BTreeSet::new();
    schema_ids(&input_schema(Subject::Filing, &no_labels), &mut filing);
    for id in ["enterprise.name", "roster", "roster[].arrivedOn", "staff.keyArea.returned", "measures.canteen.present"]
    {
        assert!(filing.contains(id), "{id}");
    }
    let mut inspection = BTreeSet::new();
    schema_ids(&input_schema(Subject::Inspection, &no_labels), &mut inspection);
    for id in ["answers.*.result", "facts.needs", "facts.needs[]", "previous[].rectifications[].deadline"] {
        assert!(inspection.contains(id), "{id}");
    }
}

#[test]
fn titles_and_descriptions_come_from_the_labels() {
    let filing = input_schema(Subject::Filing, &some_labels);
    assert_eq!(filing["title"], "复工备案");
    assert_eq!(filing["description"], "企业复工复产备案表");
    assert_eq!(node(&filing, "enterprise")["title"], "企业信息");
    assert!(node(&filing, "enterprise").get("description").is_none());
    assert_eq!(node(&filing, "enterprise.name")["title"], "企业名称");
    assert_eq!(node(&filing, "enterprise.name")["description"], "与营业执照一致");
    assert_eq!(node(&filing, "roster[].arrivedOn")["title"], "抵深日期");
    assert!(node(&filing, "roster[].name").get("title").is_none());
    let inspection = input_schema(Subject::Inspection, &some_labels);
    assert!(inspection.get("title").is_none());
    assert_eq!(node(&inspection, "answers.*.result")["title"], "检查结果");
    let indicators = input_schema(Subject::Indicators, &some_labels);
    assert_eq!(node(&indicators, "units[].counts.compounds")["title"], "小区总数");
    assert_eq!(node(&indicators, "units[].counts.*")["title"], "其他数量");
    assert_eq!(node(&indicators, "units[].counts.compounds")["x-fangkong-field"], "units[].counts.compounds");
}

#[test]
fn leaves_follow_the_walker() {
    let filing = input_schema(Subject::Filing, &no_labels);
    let name = node(&filing, "enterprise.name");
    assert_eq!(name["type"], json!(["string", "number", "null"]));
    assert_eq!(name["maxLength"], MAX_TEXT_CHARS);
    assert!(name.get("pattern").is_none(), "any text up to its length");
    let total = node(&filing, "staff.total");
    assert_eq!(total["type"], json!(["number", "string", "null"]));
    assert_eq!(total["pattern"], NUMBER_PATTERN);
    let date = node(&filing, "filedOn");
    assert_eq!(date["type"], json!(["string", "null"]));
    assert!(date.get("format").is_none(), "2020/2/4 and 2020年2月4日 are dates to the engine");
    assert_eq!(date["x-fangkong-format"], "date");
    let flag = node(&filing, "enterprise.whitelisted");
    assert_eq!(flag["type"], json!(["boolean", "null", "string"]));
    assert_eq!(flag["pattern"], BLANK_PATTERN);
    let roster = node(&filing, "roster");
    assert_eq!(roster["type"], json!(["array", "null", "string"]));
    assert_eq!((&roster["pattern"], &roster["maxLength"]), (&json!(BLANK_PATTERN), &json!(MAX_TEXT_CHARS)));
    assert_eq!(roster["maxItems"], MAX_ARRAY_LEN);
    assert_eq!(roster["items"]["additionalProperties"], false);
    let inspection = input_schema(Subject::Inspection, &no_labels);
    assert_eq!(node(&inspection, "answers")["maxProperties"], MAX_ARRAY_LEN);
    assert_eq!(node(&inspection, "answers.*")["additionalProperties"], false);
    assert_eq!(node(&inspection, "facts.needs")["items"]["type"], json!(["string", "number", "null"]));
    // No `format` keyword anywhere: ajv-formats would reject what the engine accepts.
    for subject in KINDS {
        let text = input_schema(subject, &no_labels).to_string();
        assert!(!text.contains("\"format\""), "{}", subject.name());
    }
}

#[test]
fn the_number_pattern_has_the_walkers_digit_limit() {
    assert!(NUMBER_PATTERN.contains(&format!("{{1,{MAX_NUMBER_DIGITS}}}")), "{NUMBER_PATTERN}");
    assert!(NUMBER_PATTERN.starts_with('^') && NUMBER_PATTERN.ends_with('$'));
    assert!(BLANK_PATTERN.contains(r"\u3000") && BLANK_PATTERN.contains(r"\u200B"));
}

#[test]
fn the_indicator_counts_are_the_default_packs() {
    let pack: Value = serde_json::from_str(fangkong::DEFAULT_PACK).unwrap();
    let mut counts = BTreeSet::new();
    for r in pack["rules"].as_array().unwrap() {
        for k in ["numerator", "denominator"] {
            if let Some(c) = r.get(k).and_then(Value::as_str) {
                counts.insert(c.to_owned());
            }
        }
    }
    let ours: BTreeSet<String> = INDICATOR_COUNTS.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(ours, counts);
    let indicators = input_schema(Subject::Indicators, &no_labels);
    let props = node(&indicators, "units[].counts")["properties"].as_object().unwrap();
    assert_eq!(props.keys().cloned().collect::<BTreeSet<_>>(), ours);
}

/// The default pack's input schemas say what each kind is, titled and described in the locale
/// (issue 7: "with `title` and `description` in the locale"; client audit, thirty-fourth
/// session: the root had no description).
#[test]
fn the_default_packs_schemas_are_titled_and_described_in_the_locale() {
    let engine = fangkong::Engine::with_default_pack().unwrap();
    for (subject, zh, en) in [
        (Subject::Filing, "复工备案", "return-to-work filing"),
        (Subject::Inspection, "复工检查", "inspection"),
        (Subject::Indicators, "指标", "five 100% indicators"),
        (Subject::Screening, "个人排查", "14 days"),
    ] {
        let cn = engine.input_schema(subject, fangkong::Locale::ZhCn, None, None).unwrap();
        let s = format!("{} {}", cn["title"].as_str().unwrap(), cn["description"].as_str().unwrap());
        assert!(s.contains(zh), "{subject:?}: {s}");
        let e = engine.input_schema(subject, fangkong::Locale::En, None, None).unwrap();
        let s = format!("{} {}", e["title"].as_str().unwrap(), e["description"].as_str().unwrap());
        assert!(s.contains(en), "{subject:?}: {s}");
        let tw = engine.input_schema(subject, fangkong::Locale::ZhTw, None, None).unwrap();
        assert_ne!(tw["description"], cn["description"], "{subject:?}: zh-TW in its own characters");
    }
}
