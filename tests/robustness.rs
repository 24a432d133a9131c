//! Bad filings and bad packs get diagnostics or errors, never a crash.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use fangkong::time::parse_now;
use fangkong::{Engine, FilingAnswer, Options};
use proptest::prelude::*;
use serde_json::{Value, json};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_default_pack().unwrap())
}

fn opts() -> Options {
    Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap())
}

fn codes(a: &FilingAnswer) -> Vec<(String, String, String)> {
    a.diagnostics.iter().map(|d| (d.rule_id.clone(), d.code.clone(), d.path.clone())).collect()
}

fn has(a: &FilingAnswer, rule: &str, code: &str, path: &str) -> bool {
    a.diagnostics.iter().any(|d| d.rule_id == rule && d.code == code && d.path == path)
}

#[test]
fn not_json_is_a_diagnostic() {
    for text in ["", "{", "null x", "\u{feff}", "{}\u{feff}", "{\"filedOn\": 2020-02-04}"] {
        let a = engine().check_filing_json(text, &opts());
        assert_eq!(a.decision, fangkong::Decision::Deferred, "{text:?}");
        assert_eq!(a.diagnostics.len(), 1);
        assert_eq!(a.diagnostics[0].code, "input.not_json");
        assert!(!a.diagnostics[0].message.is_empty());
    }
    // A byte-order mark at the start is skipped, as the command line skips it (fourth audit).
    assert_eq!(engine().check_filing_json("\u{feff}{}", &opts()), engine().check_filing_json("{}", &opts()));
    assert_eq!(engine().check_filing_json("\u{feff}\u{feff}{}", &opts()), engine().check_filing_json("{}", &opts()));
}

#[test]
fn wrong_types_and_unknown_fields_are_reported_each_at_its_path() {
    let input = json!({
        "filedOn": 20200204,
        "staff": { "total": "many", "returning": [1], "extra": 1 },
        "enterprise": "光明",
        "roster": { "name": "x" },
        "unknownTop": true
    });
    let a = engine().check_filing_value(&input, &opts());
    for (code, path) in [
        ("input.invalid_type", "/filedOn"),
        ("input.invalid_type", "/staff/total"),
        ("input.invalid_type", "/staff/returning"),
        ("input.unknown_field", "/staff/extra"),
        ("input.invalid_type", "/enterprise"),
        ("input.invalid_type", "/roster"),
        ("input.unknown_field", "/unknownTop"),
    ] {
        assert!(has(&a, "INPUT", code, path), "missing {code} at {path}: {:?}", codes(&a));
    }
    // A wrongly typed required field is not reported a second time as missing.
    assert!(!has(&a, "RTW-F5", "field.required", "/filedOn"), "{:?}", codes(&a));
    // The unknown key is not echoed into params or the message (issue 10): its pointer names it.
    let unknown = a.diagnostics.iter().find(|d| d.path == "/staff/extra").unwrap();
    assert_eq!(unknown.params, json!({}));
    assert!(!unknown.message.contains("extra"), "{}", unknown.message);
}

#[test]
fn a_ten_megabyte_string_is_refused_with_a_diagnostic() {
    let huge = "深".repeat(10 * 1024 * 1024 / 3);
    let input = json!({ "enterprise": { "name": huge } });
    // As JSON text: over the size limit.
    let a = engine().check_filing_json(&input.to_string(), &opts());
    assert_eq!(a.diagnostics[0].code, "input.too_large");
    // As a value (from JS, say): the field is too long.
    let a = engine().check_filing_value(&input, &opts());
    assert!(has(&a, "INPUT", "input.too_long", "/enterprise/name"), "{:?}", codes(&a));
    assert!(a.diagnostics.iter().all(|d| d.message.len() < 500), "messages never echo the input");
}

#[test]
fn negative_and_fractional_counts_are_diagnosed() {
    let input = json!({ "staff": { "total": -1, "returning": 2.5 } });
    let a = engine().check_filing_value(&input, &opts());
    assert!(has(&a, "RTW-F6", "count.negative", "/staff/total"), "{:?}", codes(&a));
    assert!(has(&a, "RTW-F6", "count.fraction", "/staff/returning"), "{:?}", codes(&a));
}

#[test]
fn full_width_digits_are_normalised_and_given_back() {
    let input = json!({
        "filedOn": "２０２０年２月４日",
        "contacts": { "firstResponsible": { "name": "陈某", "phone": "１３８ ００１３ ８０００" } },
        "staff": { "total": "１２" }
    });
    // Personal values (the phone) come back only when asked for (issue 10).
    let a = engine().check_filing_value(&input, &opts().personal(true));
    let norm: Vec<(String, Value)> = a.normalized.iter().map(|n| (n.path.clone(), n.value.clone())).collect();
    assert!(norm.contains(&("/filedOn".into(), json!("2020-02-04"))), "{norm:?}");
    assert!(norm.contains(&("/contacts/firstResponsible/phone".into(), json!("13800138000"))), "{norm:?}");
    assert!(norm.contains(&("/staff/total".into(), json!(12))), "{norm:?}");
    let format_errors =
        a.diagnostics.iter().filter(|d| (d.rule_id == "RTW-F3" || d.rule_id == "RTW-F5") && d.code != "field.required");
    assert_eq!(format_errors.count(), 0, "{:?}", codes(&a));
}

#[test]
fn impossible_dates_are_diagnosed() {
    let input = json!({ "filedOn": "2020-02-30", "plannedResumption": "2020/13/1" });
    let a = engine().check_filing_value(&input, &opts());
    assert!(has(&a, "RTW-F5", "date.impossible", "/filedOn"), "{:?}", codes(&a));
    assert!(has(&a, "RTW-F5", "date.impossible", "/plannedResumption"), "{:?}", codes(&a));
    // Rules that need the dates are not judged on them.
    assert!(!a.diagnostics.iter().any(|d| d.rule_id == "RTW-T1" || d.rule_id == "RTW-C7"));
}

#[test]
fn indicator_trees_with_cycles_and_deep_chains_do_not_crash() {
    let mut units = vec![json!({ "id": "A", "parent": "B" }), json!({ "id": "B", "parent": "A" })];
    for i in 0..20_000 {
        units.push(
            json!({ "id": format!("u{i}"), "parent": if i == 0 { Value::Null } else { json!(format!("u{}", i - 1)) },
                          "counts": { "compounds": 1, "compoundsEnclosed": 1 } }),
        );
    }
    let a = engine().evaluate_indicators_value(&json!({ "date": "2020-02-12", "units": units }), &opts());
    assert!(a.diagnostics.iter().any(|d| d.code == "indicators.cycle"));
    let root = a.units.iter().find(|u| u.id == "u0").unwrap();
    assert_eq!(root.indicators[0].denominator, Some(20_000), "a 20,000-deep chain rolls up without recursion");
}

#[test]
fn deeply_nested_and_huge_inputs_do_not_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let a = engine().check_filing_json(&deep, &opts());
    assert_eq!(a.diagnostics[0].code, "input.not_json");
    let roster: Vec<Value> = (0..120_000).map(|_| json!({})).collect();
    let a = engine().check_filing_value(&json!({ "roster": roster }), &opts());
    assert!(has(&a, "INPUT", "input.too_many", "/roster"), "{:?}", &codes(&a)[..3]);
    let a = engine().check_filing_value(&json!({ "staff": { "total": 1e308, "returning": 1e308 } }), &opts());
    // Everything else is missing: incomplete, and the huge counts break nothing.
    assert_eq!(a.decision, fangkong::Decision::Incomplete);
    assert!(a.diagnostics.iter().any(|d| d.missing && d.path == "/staff/local"));
}

#[test]
fn personal_data_stays_out_of_messages_and_params() {
    let input = json!({
        "contacts": { "firstResponsible": { "name": "王秘密", "phone": "7654", "idNumber": "440306198503122135" } },
        "roster": [ { "name": "赵秘密", "idNumber": "11010519491231002Y", "phone": "86420", "keyAreaHistory": true, "returning": true } ]
    });
    let a = engine().check_filing_value(&input, &opts());
    let text = serde_json::to_string(&a.diagnostics).unwrap();
    for secret in ["王秘密", "赵秘密", "7654", "440306198503122135", "11010519491231002Y", "86420"] {
        assert!(!text.contains(secret), "diagnostics leak `{secret}`");
    }
    assert!(has(&a, "RTW-F4", "id_number.checksum", "/contacts/firstResponsible/idNumber"), "{:?}", codes(&a));
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1.0e12f64..1.0e12).prop_map(|x| json!(x)),
        "[0-9０-９a-zA-Z年月日/\\- ]{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop_oneof![
            Just("filedOn".to_owned()),
            Just("plannedResumption".to_owned()),
            Just("staff".to_owned()),
            Just("total".to_owned()),
            Just("returning".to_owned()),
            Just("roster".to_owned()),
            Just("keyArea".to_owned()),
            Just("enterprise".to_owned()),
            Just("creditCode".to_owned()),
            Just("arrivedOn".to_owned()),
            Just("keyAreaHistory".to_owned()),
            Just("openRectifications".to_owned()),
            Just("deadline".to_owned()),
            Just("answers".to_owned()),
            Just("INS-S1-1".to_owned()),
            Just("result".to_owned()),
            Just("facts".to_owned()),
            Just("previous".to_owned()),
            Just("rectifications".to_owned()),
            Just("units".to_owned()),
            Just("id".to_owned()),
            Just("parent".to_owned()),
            Just("counts".to_owned()),
            Just("compounds".to_owned()),
            Just("compoundsEnclosed".to_owned()),
            Just("checklist".to_owned()),
            Just("symptoms".to_owned()),
            Just("temperature".to_owned()),
            Just("visitedEpidemicArea".to_owned()),
            Just("leftAreaOn".to_owned()),
            "[a-z]{1,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn any_json_gets_an_answer(v in arb_json()) {
        let e = engine();
        let a = e.check_filing_value(&v, &opts());
        let b = e.check_filing_json(&v.to_string(), &opts());
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        for d in &a.diagnostics {
            prop_assert!(!d.message.is_empty());
            prop_assert!(d.path.is_empty() || d.path.starts_with('/'));
        }
    }

    #[test]
    fn any_json_gets_an_answer_from_every_entry_point(v in arb_json()) {
        let e = engine();
        let text = v.to_string();
        let i = e.score_inspection_json(&text, &opts());
        let n = e.evaluate_indicators_json(&text, &opts());
        let s = e.screen_person_json(&text, &opts());
        for d in i.diagnostics.iter().chain(&n.diagnostics).chain(&s.diagnostics) {
            prop_assert!(!d.message.is_empty());
            prop_assert!(d.path.is_empty() || d.path.starts_with('/'));
        }
        prop_assert_eq!(serde_json::to_string(&i).unwrap(), serde_json::to_string(&e.score_inspection_value(&v, &opts())).unwrap());
        prop_assert_eq!(serde_json::to_string(&n).unwrap(), serde_json::to_string(&e.evaluate_indicators_value(&v, &opts())).unwrap());
    }

    #[test]
    fn any_text_gets_an_answer(s in "\\PC{0,200}") {
        let a = engine().check_filing_json(&s, &opts());
        prop_assert_eq!(a.decision, fangkong::Decision::Deferred);
        prop_assert!(!a.diagnostics.is_empty());
    }
}

/// Every leaf path of a shape, as JSON Pointers with `0` for array elements.
fn leaf_paths(shape: &fangkong::schema::Shape, prefix: &str, out: &mut Vec<String>) {
    use fangkong::schema::Shape;
    match shape {
        Shape::Object(fields) => {
            for f in *fields {
                leaf_paths(&f.shape, &format!("{prefix}/{}", f.name), out);
            }
        }
        Shape::Array(el) => leaf_paths(el, &format!("{prefix}/0"), out),
        _ => out.push(prefix.to_owned()),
    }
}

#[test]
fn the_typed_filing_and_the_input_shape_describe_the_same_fields() {
    // A filing with every field set: its JSON must walk cleanly and cover every leaf of the shape.
    let full = json!({
        "filedOn": "2020-02-04", "plannedResumption": "2020-02-10",
        "enterprise": { "name": "n", "creditCode": "c", "districtCode": "d", "street": "s", "community": "c", "address": "a", "whitelisted": false },
        "contacts": { "firstResponsible": { "name": "n", "phone": "p", "idNumber": "i" }, "healthLiaison": { "name": "n", "phone": "p", "idNumber": "i" } },
        "staff": { "total": 1, "returning": 1, "local": 1, "fromOutside": 0, "keyArea": { "returned": 0, "isolationComplete": 0, "stillThere": 0, "unreachable": 0 } },
        "roster": [ { "name": "n", "idNumber": "i", "phone": "p", "returning": true, "keyAreaHistory": false, "closeContact": false, "arrivedOn": "2020-01-30" } ],
        "supplies": { "masks": 1, "thermometers": 1, "disinfectantLiters": 1, "gloves": 1 },
        "measures": { "preventionTeamSize": 2, "teamTrained": true, "emergencyPlan": true, "isolationRooms": 1, "singleRoomIsolation": true,
                      "closedManagement": true, "temperatureChecksPerDay": 2, "fingerprintClockSuspended": true,
                      "canteen": { "present": true, "staggered": true, "boxedMeals": true, "dispersedDining": true },
                      "dormitory": { "rooms": 1, "residents": 1, "areaM2": 3 }, "disinfectionLog": true, "commitmentSigned": true },
        "openRectifications": [ { "itemId": "INS-S4-1", "deadline": "2020-02-09", "resolved": false, "veto": true } ]
    });
    let typed: fangkong::Filing =
        serde_json::from_value(full.clone()).expect("the typed Filing reads every field of the shape");
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(back, full, "the typed Filing writes back exactly what it read");
    let walked = fangkong::schema::walk(&back, &fangkong::schema::FILING);
    assert!(walked.diagnostics.is_empty(), "{:?}", walked.diagnostics);
    let mut paths = Vec::new();
    leaf_paths(&fangkong::schema::FILING, "", &mut paths);
    for p in &paths {
        assert!(back.pointer(p).is_some(), "the typed Filing has no field for {p}");
    }
    // And the typed API gives the same answer as the JSON one.
    let e = engine();
    assert_eq!(
        serde_json::to_string(&e.check_filing(&typed, &opts())).unwrap(),
        serde_json::to_string(&e.check_filing_value(&full, &opts())).unwrap()
    );
}
