//! Hostile inputs (issue 10): each test reproduces an attack of the adversarial review, with
//! its input, and shows what the engine does now. Keys are data (never normalised, never
//! merged), numbers are judged by value, personal data stays out of answers by default, and
//! the answer's size is bounded by the input's.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use fangkong::time::parse_now;
use fangkong::{Decision, Engine, Options};
use serde_json::{Value, json};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_default_pack().unwrap())
}

fn at(now: &str) -> Options {
    Options::at(parse_now(now).unwrap())
}

fn example(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn to_json<T: serde::Serialize>(a: &T) -> Value {
    serde_json::to_value(a).unwrap()
}

// --- Keys are data, not text to normalise (issue 10, point 4) ---

/// The attack: `"INS-S4-1": fail` and a full-width `"ＩＮＳ-S4-1": pass` were merged into one
/// key, the pass won, and the inspection was approved with 100 and no diagnostic.
#[test]
fn a_full_width_duplicate_item_does_not_hide_a_failed_veto() {
    let mut insp = example("examples/inspections/factory-all-pass.json");
    let opts = at("2020-02-12T10:00:00+08:00");
    let clean = to_json(&engine().score_inspection_value(&insp, &opts));
    assert_eq!(clean["decision"], "approved", "the base inspection passes: {clean}");

    insp["answers"]["INS-S4-1"] = json!({ "result": "fail" });
    insp["answers"]["ＩＮＳ-S4-1"] = json!({ "result": "pass" });
    let a = to_json(&engine().score_inspection_value(&insp, &opts));
    assert_ne!(a["decision"], "approved", "{a}");
    assert_ne!(a["score"], 100, "{a}");
    let diags = a["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().any(|d| d["path"] == "/answers/INS-S4-1" && d["ruleId"] == "INS-S4-1"),
        "the failed veto item is reported: {a}"
    );
    let unknown = diags
        .iter()
        .find(|d| d["path"] == "/answers/ＩＮＳ-S4-1")
        .unwrap_or_else(|| panic!("the look-alike is reported at its own pointer: {a}"));
    assert_eq!(unknown["code"], "inspection.unknown_item");
    assert_eq!(unknown["params"], json!({ "suggestion": "INS-S4-1" }));
    assert!(unknown["help"].as_str().unwrap().contains("INS-S4-1"), "did you mean …? {unknown}");
    assert!(!unknown["message"].as_str().unwrap().contains("ＩＮＳ"), "the key is not echoed: {unknown}");

    // The same text through JSON: the same answer.
    let text = serde_json::to_string(&insp).unwrap();
    assert_eq!(to_json(&engine().score_inspection_json(&text, &opts)), a);
}

/// The attack: `"compounds": 10, "ｃｏｍｐｏｕｎｄｓ": 3` made IND-1 "met 3/3".
#[test]
fn a_full_width_count_does_not_replace_the_real_one() {
    let report = json!({
        "date": "2020-02-12",
        "units": [{ "id": "G1", "level": "grid", "name": "第1网格",
            "counts": { "compoundsEnclosed": 3, "compounds": 10, "ｃｏｍｐｏｕｎｄｓ": 3 } }]
    });
    let a = to_json(&engine().evaluate_indicators_value(&report, &at("2020-02-12T20:00:00+08:00")));
    let unit = &a["units"][0];
    let ind1 = unit["indicators"].as_array().unwrap().iter().find(|r| r["id"] == "IND-1").unwrap();
    assert_eq!(ind1["denominator"], 10, "{a}");
    assert_eq!(ind1["numerator"], 3);
    assert_ne!(ind1["status"], "met", "{a}");
    let diags = a["diagnostics"].as_array().unwrap();
    let unknown = diags.iter().find(|d| d["path"] == "/units/0/counts/ｃｏｍｐｏｕｎｄｓ").unwrap();
    assert_eq!(unknown["code"], "indicators.unknown_count");
    assert_eq!(unknown["params"]["suggestion"], "compounds");
}

/// Unknown keys: at their own escaped pointer (RFC 6901), never echoed into params or
/// messages, and a full-width look-alike of a field named in the help.
#[test]
fn unknown_keys_are_reported_at_their_own_escaped_pointer_and_not_echoed() {
    let filing = json!({
        "filedOn": "2020-02-04",
        "王五 13912345678": 1,
        "a/b~c": 2,
        "ｆｉｌｅｄＯｎ": "2020-02-05",
        "staff": { "ｔｏｔａｌ": 5 }
    });
    let opts = at("2020-02-04T10:00:00+08:00");
    let a = to_json(&engine().check_filing_value(&filing, &opts));
    let text = a.to_string();
    let unknown: Vec<&Value> =
        a["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "input.unknown_field").collect();
    let paths: Vec<&str> = unknown.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
    for p in ["/王五 13912345678", "/a~1b~0c", "/ｆｉｌｅｄＯｎ", "/staff/ｔｏｔａｌ"] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    for d in &unknown {
        assert!(!d["message"].as_str().unwrap().contains("13912345678"));
        assert!(d["params"].get("field").is_none(), "{d}");
    }
    // The person's data appears only in the path of its own diagnostic.
    assert_eq!(text.matches("13912345678").count(), 1, "{text}");
    let look = unknown.iter().find(|d| d["path"] == "/ｆｉｌｅｄＯｎ").unwrap();
    assert_eq!(look["params"]["suggestion"], "filedOn");
    assert!(look["help"].as_str().unwrap().contains("filedOn"));
    // The full-width key did not replace the real filing date.
    assert_eq!(a["today"], "2020-02-04");
    assert!(!text.contains("2020-02-05"), "{text}");
}

/// The attack: 355,000 unknown keys (4 MB) gave 98 MB of output.
#[test]
fn many_unknown_keys_are_counted_not_listed() {
    let mut m = serde_json::Map::new();
    for i in 0..355_000 {
        m.insert(format!("k{i}"), Value::from(1));
    }
    let text = Value::Object(m).to_string();
    let a = engine().check_filing_json(&text, &at("2020-02-04T10:00:00+08:00"));
    let out = serde_json::to_string(&a).unwrap();
    assert!(out.len() < text.len() / 20, "{} bytes of answer for {} bytes of input", out.len(), text.len());
    let summary = a.diagnostics.iter().find(|d| d.code == "input.unknown_fields").unwrap();
    assert_eq!(summary.path, "");
    assert_eq!(summary.params["count"], 355_000);
    let listed = a.diagnostics.iter().filter(|d| d.code == "input.unknown_field").count();
    assert_eq!(listed, fangkong::schema::MAX_UNKNOWN_KEYS_SHOWN);
    assert_eq!(a.decision, Decision::Deferred);
}
