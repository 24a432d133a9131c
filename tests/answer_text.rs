//! Every answer written straight as JSON text (`fangkong::answer::cold::WriteJson`, what the
//! npm package sends to JS) is the text `serde_json::to_string` gives of it: every golden case
//! of every kind, in every locale, the descriptions and input schemas of every pack version,
//! and odd values (numbers, escapes, nesting).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{CaseKind, Input, load_cases};
use fangkong::answer::cold::WriteJson;
use fangkong::schema::Subject;
use fangkong::time::parse_now;
use fangkong::{Engine, Locale, Options};
use serde::Serialize;
use serde_json::{Value, json};

fn same<T: WriteJson + Serialize + ?Sized>(what: &str, v: &T) {
    let mut direct = String::new();
    v.write_json(&mut direct);
    assert_eq!(direct, serde_json::to_string(v).unwrap(), "{what}");
}

const FAMILIES: [&str; 3] = ["shenzhen-2020", "guangming-2020", "hangzhou-2020"];

#[test]
fn every_golden_answer_is_written_as_serde_json_writes_it() {
    let engines: Vec<Engine> = FAMILIES.iter().map(|id| Engine::with_pack_id(id).unwrap()).collect();
    let mut n = 0;
    for case in load_cases() {
        let engine = &engines[case.pack.as_deref().map_or(0, |p| FAMILIES.iter().position(|f| *f == p).unwrap())];
        let text = match &case.input {
            Input::Json(v) => v.to_string(),
            Input::Text(t) => t.clone(),
        };
        for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
            let mut opts = Options::at(parse_now(&case.now).unwrap()).locale(locale).personal(case.personal);
            opts.pack_version = case.pack_version.clone();
            opts.scope = case.scope.clone();
            let what = format!("{} ({locale:?})", case.file);
            match case.kind {
                CaseKind::Filing => same(&what, &engine.check_filing_json(&text, &opts)),
                CaseKind::Inspection => same(&what, &engine.score_inspection_json(&text, &opts)),
                CaseKind::Indicators => same(&what, &engine.evaluate_indicators_json(&text, &opts)),
                CaseKind::Screening => same(&what, &engine.screen_person_json(&text, &opts)),
            }
            // Every kind's answer to every input: unusable and odd answers too.
            same(&what, &engine.score_inspection_json(&text, &opts));
            same(&what, &engine.evaluate_indicators_json(&text, &opts));
            same(&what, &engine.screen_person_json(&text, &opts));
            n += 1;
        }
    }
    assert!(n > 300, "only {n} answers");
}

#[test]
fn descriptions_schemas_and_stamps_are_written_as_serde_json_writes_them() {
    for id in FAMILIES {
        let engine = Engine::with_pack_id(id).unwrap();
        for pack in engine.packs() {
            same(id, &*pack.stamp);
            for subject in [Subject::Filing, Subject::Inspection, Subject::Indicators, Subject::Screening] {
                for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
                    let v = Some(pack.stamp.version.as_str());
                    same(id, &engine.describe(subject, locale, v, None).unwrap());
                    same(id, &engine.input_schema(subject, locale, v, None).unwrap());
                }
            }
        }
    }
}

#[test]
fn odd_values_are_written_as_serde_json_writes_them() {
    let values = [
        json!(null),
        json!([]),
        json!({}),
        json!([true, false, null, 0, -1, u64::MAX, i64::MIN, 0.5, -0.0, 1e300, 5e-324, 1.0, 1e21, 123456789.125]),
        json!({ "b": { "c": [[], {}, [{}]] }, "a": "\"\\\u{1}\u{1f}\n\t\r\u{8}\u{c}/某😀\u{2028}", "": 7 }),
        json!({ "\u{0}key\"": "x" }),
    ];
    for v in &values {
        same(&v.to_string(), v);
    }
    let deep = (0..100).fold(json!(1), |v, i| json!([v, { "k": i }]));
    same("deep", &deep);
    let parsed: Value = serde_json::from_str("[1.0, 2.50, 1e2, -0, 0.1e-5, 7.280749531897376e59]").unwrap();
    same("parsed", &parsed);
}
