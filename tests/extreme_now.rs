//! Every entry point at the ends of time chrono can hold: no panic (a panic in wasm kills the
//! module for the whole page). Fourteenth session audit: `Options::at(MAX_UTC)` panicked in
//! `time::today_cst` in every entry point and in the drafts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use fangkong::draft::{Draft, WholeAnswer, WholeDraft};
use fangkong::schema::Subject;
use fangkong::{Engine, Options};
use serde_json::json;

fn moments() -> Vec<DateTime<FixedOffset>> {
    let east = FixedOffset::east_opt(14 * 3600).unwrap();
    let west = FixedOffset::west_opt(12 * 3600).unwrap();
    vec![
        DateTime::<Utc>::MAX_UTC.fixed_offset(),
        (DateTime::<Utc>::MAX_UTC - TimeDelta::hours(7)).fixed_offset(),
        DateTime::<Utc>::MAX_UTC.with_timezone(&west),
        DateTime::<Utc>::MIN_UTC.fixed_offset(),
        DateTime::<Utc>::MIN_UTC.with_timezone(&east),
    ]
}

#[test]
fn every_golden_input_at_the_ends_of_time_is_answered() {
    let engine = Engine::with_default_pack().unwrap();
    let cases = common::load_cases();
    assert!(cases.len() > 300);
    for now in moments() {
        let opts = Options::at(now);
        for case in &cases {
            let a = common::answer_with(&engine, case, &opts);
            assert!(a["decision"].is_string(), "{now}: {}: {a}", case.name);
        }
    }
}

#[test]
fn drafts_at_the_ends_of_time_are_answered() {
    let engine = Engine::with_default_pack().unwrap();
    for now in moments() {
        let opts = Options::at(now);
        let mut d = Draft::filing(&engine, opts.clone());
        d.set("/filedOn", json!("9999-12-31")).unwrap();
        d.set("/plannedResumption", json!("2020-02-10")).unwrap();
        d.set("/openRectifications", json!([{ "itemId": "INS-S4-1", "deadline": "9999-12-31" }])).unwrap();
        assert!(serde_json::to_value(d.answer()).unwrap()["decision"].is_string(), "{now}");
        for (subject, pointer, value) in [
            (Subject::Inspection, "/inspectedOn", json!("9999-12-31")),
            (Subject::Indicators, "/date", json!("9999-12-31")),
            (Subject::Screening, "/declaredOn", json!("9999-12-31")),
        ] {
            let mut w = WholeDraft::new(&engine, subject, opts.clone()).unwrap();
            w.set(pointer, value).unwrap();
            w.set("/lastContactOn", json!("9999-12-31")).unwrap();
            w.set("/contactWithConfirmed", json!(true)).unwrap();
            let a = match w.answer() {
                WholeAnswer::Inspection(a) => serde_json::to_value(a),
                WholeAnswer::Indicators(a) => serde_json::to_value(a),
                WholeAnswer::Screening(a) => serde_json::to_value(a),
            }
            .unwrap();
            assert!(a["decision"].is_string(), "{now} {subject:?}: {a}");
        }
    }
}

/// `reinspectBy` is the latest deadline as a date: with deadlines on both sides of the year
/// 10000 (an inspection on 9999-12-29: +1 day for vetoes, +3 for the others), the text
/// `10000-01-01` sorted before `9999-12-30` and the earlier one was given (server audit,
/// twenty-sixth session).
#[test]
fn reinspect_by_is_the_latest_deadline_across_the_year_10000() {
    let engine = Engine::with_default_pack().unwrap();
    let mut inspection: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("examples/inspections/factory-worked.json")).unwrap(),
    )
    .unwrap();
    inspection["inspectedOn"] = json!("9999-12-29");
    let opts = Options::at(DateTime::parse_from_rfc3339("9999-12-31T12:00:00+08:00").unwrap());
    let a = serde_json::to_value(engine.score_inspection_value(&inspection, &opts)).unwrap();
    let deadlines: Vec<&str> =
        a["rectifications"].as_array().unwrap().iter().map(|r| r["deadline"].as_str().unwrap()).collect();
    assert!(deadlines.contains(&"9999-12-30") && deadlines.contains(&"10000-01-01"), "{a}");
    assert_eq!(a["reinspectBy"], "10000-01-01", "{a}");
}
