//! Drafts of the kinds judged whole (issue 9 point 3, `engine.draft(kind, …)`; audit 1 of the
//! thirteenth session: only filings had drafts): after any sequence of edits, an inspection's,
//! an indicator report's or a screening's draft answers as the kind's entry point answers the
//! same submission's JSON text, byte for byte, and its change lists take one answer to the next.
//! The edits start from every golden case and example of the kind.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::sync::OnceLock;

use common::{CaseKind, Input, load_cases, root};
use fangkong::answer::cold::WriteJson;
use fangkong::draft::{Changes, WholeDraft};
use fangkong::schema::Subject;
use fangkong::time::parse_now;
use fangkong::{Engine, Options};
use proptest::prelude::*;
use serde_json::{Value, json};

struct Start {
    name: String,
    subject: Subject,
    opts: Options,
    value: Value,
}

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::with_default_pack().unwrap())
}

fn starts() -> &'static Vec<Start> {
    static S: OnceLock<Vec<Start>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out = Vec::new();
        for case in load_cases() {
            if case.kind == CaseKind::Filing || case.pack.is_some() {
                continue;
            }
            let (subject, opts) = (case.kind.subject(), common::options(&case).unwrap());
            let Input::Json(value) = case.input else { continue };
            out.push(Start { name: case.file, subject, opts, value });
        }
        for (dir, subject, now) in [
            ("examples/inspections", Subject::Inspection, "2020-02-12T18:00:00+08:00"),
            ("examples/indicators", Subject::Indicators, "2020-02-12T20:00:00+08:00"),
            ("examples/screening", Subject::Screening, "2020-02-01T12:00:00+08:00"),
        ] {
            let Ok(entries) = std::fs::read_dir(root().join(dir)) else { continue };
            let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
            files.sort();
            for f in files {
                let value: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
                let opts = Options::at(parse_now(now).unwrap());
                out.push(Start { name: f.display().to_string(), subject, opts, value });
            }
        }
        assert!(out.iter().filter(|s| s.subject == Subject::Inspection).count() > 20);
        assert!(out.iter().filter(|s| s.subject == Subject::Indicators).count() > 20);
        assert!(out.iter().filter(|s| s.subject == Subject::Screening).count() > 20);
        out
    })
}

const INSPECTION: &[&str] = &[
    "/inspectedOn",
    "/enterprise/name",
    "/enterprise/creditCode",
    "/inspector/name",
    "/keyAreaStaffReturned",
    "/answers/INS-S1-1/result",
    "/answers/INS-S3-3/result",
    "/answers/INS-S4-1",
    "/answers/INS-S6-2/result",
    "/answers/INS-S1-1/evidence",
    "/answers/bogus",
    "/facts/basics",
    "/facts/knowledge/sampled",
    "/facts/knowledge/correct",
    "/facts/needs",
    "/facts/needs/-",
    "/previous",
    "/previous/-",
    "/previous/0/inspectedOn",
    "/previous/0/rectifications/-",
    "/previous/0/rectifications/0/itemId",
    "/previous/0/rectifications/0/deadline",
    "/previous/0/rectifications/0/resolved",
];
const INDICATORS: &[&str] = &[
    "/date",
    "/units/-",
    "/units/0/id",
    "/units/1/parent",
    "/units/0/counts/compounds",
    "/units/1/counts/compoundsEnclosed",
    "/units/2/counts/rentalUnits",
    "/units/2/counts/rentalUnitsRegistered",
    "/units/1/counts",
    "/units/1/checklist/IND-R1/result",
    "/units/3",
];
const SCREENING: &[&str] = &[
    "/declaredOn",
    "/visitedEpidemicArea",
    "/leftAreaOn",
    "/contactWithAreaPeople",
    "/contactWithConfirmed",
    "/lastContactOn",
    "/attendedGatherings",
    "/symptoms",
    "/symptoms/temperature",
    "/symptoms/dryCough",
    "/symptoms/fatigue",
];

fn values() -> Vec<Value> {
    vec![
        json!(null),
        json!(""),
        json!(true),
        json!(false),
        json!(0),
        json!(3),
        json!(10),
        json!(-1),
        json!(36.5),
        json!(38.2),
        json!("37.3"),
        json!("２"),
        json!("2020-02-12"),
        json!("2020-02-09"),
        json!("2020-01-25"),
        json!("2020/2/1"),
        json!("2020-02-30"),
        json!("2099-01-01"),
        json!("pass"),
        json!("partial"),
        json!("fail"),
        json!("na"),
        json!("document"),
        json!("INS-S4-1"),
        json!("GM-FH-TJ"),
        json!("某某"),
        json!(["masks"]),
        json!({}),
        json!([]),
        json!({ "result": "pass", "evidence": "onsite" }),
        json!({ "id": "X-1", "parent": "GM-FH-TJ", "counts": { "compounds": 2, "compoundsEnclosed": 1 } }),
        json!({ "itemId": "INS-S4-1", "deadline": "2020-02-10" }),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Set(String, Value),
    Remove(String),
    Scope(Option<Vec<String>>),
}

fn edit(pointers: &'static [&'static str]) -> impl Strategy<Value = Edit> {
    prop_oneof![
        5 => (proptest::sample::select(pointers), proptest::sample::select(values()))
            .prop_map(|(p, v)| Edit::Set(p.to_owned(), v)),
        2 => proptest::sample::select(pointers).prop_map(|p| Edit::Remove(p.to_owned())),
        1 => proptest::sample::select(vec![None, Some(vec![]), Some(vec!["/answers".to_owned(), "/units/0".to_owned(), "/symptoms".to_owned()])])
            .prop_map(Edit::Scope),
    ]
}

fn text(a: &impl WriteJson) -> String {
    let mut out = String::new();
    a.write_json(&mut out);
    out
}

/// The kind's entry point on the JSON text of `value`.
fn one_shot(subject: Subject, value: &Value, opts: &Options) -> String {
    let t = serde_json::to_string(value).unwrap();
    let e = engine();
    match subject {
        Subject::Filing => text(&e.check_filing_json(&t, opts)),
        Subject::Inspection => text(&e.score_inspection_json(&t, opts)),
        Subject::Indicators => text(&e.evaluate_indicators_json(&t, opts)),
        Subject::Screening => text(&e.screen_person_json(&t, opts)),
    }
}

fn check_changes(before: &Value, after: &Value, changes: &Changes) -> Result<(), TestCaseError> {
    prop_assert!(changes.gates.is_empty());
    common::changes_add_up(before, after, changes).map_err(TestCaseError::fail)
}

fn run(start: &Start, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut opts = start.opts.clone();
    let mut draft = WholeDraft::new(engine(), start.subject, opts.clone()).unwrap();
    let empty: Value = serde_json::from_str(&one_shot(start.subject, &json!({}), &opts)).unwrap();
    prop_assert_eq!(serde_json::from_str::<Value>(&text(draft.answer())).unwrap(), empty.clone());
    let first = draft.set("", start.value.clone()).unwrap();
    let mut before: Value = serde_json::from_str(&text(draft.answer())).unwrap();
    check_changes(&empty, &before, &first)?;
    for (n, e) in edits.iter().enumerate() {
        let result = match e {
            Edit::Set(p, v) => draft.set(p, v.clone()),
            Edit::Remove(p) => draft.remove(p),
            Edit::Scope(scope) => {
                opts.scope = scope.clone();
                Ok(draft.set_scope(scope.clone()))
            }
        };
        let got = text(draft.answer());
        let want = one_shot(start.subject, draft.value(), &opts);
        prop_assert!(got == want, "{}, after edit {n} {e:?}:\n draft: {got}\n check: {want}", start.name);
        let after: Value = serde_json::from_str(&got).unwrap();
        match result {
            Ok(changes) => check_changes(&before, &after, &changes)?,
            Err(err) => prop_assert_eq!(&before, &after, "refused edit {:?} ({}) changed the answer", e, err),
        }
        before = after;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_whole_draft_answers_as_its_entry_point(
        start in 0usize..1000,
        seed in proptest::collection::vec((0usize..3, edit(INSPECTION), edit(INDICATORS), edit(SCREENING)), 1..14),
    ) {
        let s = &starts()[start % starts().len()];
        let edits: Vec<Edit> = seed
            .into_iter()
            .map(|(_, i, d, c)| match s.subject {
                Subject::Inspection => i,
                Subject::Indicators => d,
                _ => c,
            })
            .collect();
        run(s, &edits)?;
    }
}

/// A filing is not a whole draft (it has its own, re-judging only what an edit reaches).
#[test]
fn a_filing_is_not_a_whole_draft() {
    let err = WholeDraft::new(engine(), Subject::Filing, Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap()));
    assert_eq!(err.map(|_| ()).unwrap_err().code(), "options.invalid");
}

/// `Engine::draft_of` takes the kind as data, as the npm package's `engine.draft(kind, …)` does
/// (thirteenth session's note: the Rust API made filing drafts only): for every golden case of
/// every kind, a draft set to the case's input answers as the kind's entry point does, byte for
/// byte, and gives back the value it holds.
#[test]
fn a_draft_of_any_kind_answers_as_its_entry_point() {
    let mut seen = std::collections::BTreeSet::new();
    for case in load_cases() {
        let Input::Json(value) = &case.input else { continue };
        if case.pack.is_some() {
            continue;
        }
        let (subject, opts) = (case.kind.subject(), common::options(&case).unwrap());
        let want = one_shot(subject, value, &opts);
        let mut d = engine().draft_of(subject, &opts).unwrap();
        d.set("", value.clone()).unwrap();
        assert_eq!(d.answer_json(), want, "{}", case.file);
        assert_eq!(d.value(), value, "{}", case.file);
        seen.insert(format!("{subject:?}"));
    }
    assert_eq!(seen.len(), 4, "{seen:?}");
}

/// Fuzz target `draft` (RELIABILITY.md, finding 4): with members `""` and `"\0\0"` both unknown,
/// removing `/` (the member `""`) reported `/\0\0` gone; the two had one fingerprint.
#[test]
fn removing_a_member_reports_that_one_gone_though_another_key_differs_only_by_zeros() {
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
    let mut draft = WholeDraft::new(engine(), Subject::Inspection, opts.clone()).unwrap();
    draft.set("", json!({ "": { "": null }, "\u{0}\u{0}": 101, "partial": null })).unwrap();
    let before: Value = serde_json::from_str(&text(draft.answer())).unwrap();
    let changes = draft.remove("/").unwrap();
    let after: Value = serde_json::from_str(&text(draft.answer())).unwrap();
    let gone: Vec<_> = changes.removed.iter().map(|g| (g.path.as_str(), g.code.as_str())).collect();
    assert_eq!(gone, [("/", "input.unknown_field")]);
    common::changes_add_up(&before, &after, &changes).unwrap();
}

/// Drafts audit, thirty-second session: in a report of 93 grids, `/units/19/…` and `/units/92/…`
/// had one fingerprint, so filling in grid 19's count told grid 92's unchanged `field.required`
/// removed and added again. Only grid 19's goes; nothing is added.
#[test]
fn filling_in_one_grid_tells_only_that_grid_though_another_has_the_same_fingerprint() {
    let opts = Options::at(parse_now("2020-02-12T20:00:00+08:00").unwrap());
    let counts = |all: bool| {
        let mut c = json!({ "compounds": 2, "compoundsEnclosed": 2, "keyAreaArrivals": 0, "keyAreaHomeIsolated": 0,
                            "closeContacts": 0, "closeContactsQuarantined": 0, "entrances": 1,
                            "entrancesTwoWayChecked": 1, "rentalUnits": 3, "rentalUnitsRegistered": 3 });
        if !all {
            c.as_object_mut().unwrap().remove("rentalUnitsRegistered");
        }
        c
    };
    let units: Vec<Value> = (0..93)
        .map(|i| json!({ "id": format!("G{i}"), "parent": "C", "level": "grid", "counts": counts(i != 19 && i != 92) }))
        .chain([json!({ "id": "C", "level": "community" })])
        .collect();
    let mut draft = WholeDraft::new(engine(), Subject::Indicators, opts).unwrap();
    draft.set("", json!({ "date": "2020-02-12", "units": units })).unwrap();
    let before: Value = serde_json::from_str(&text(draft.answer())).unwrap();
    let changes = draft.set("/units/19/counts/rentalUnitsRegistered", json!(3)).unwrap();
    let after: Value = serde_json::from_str(&text(draft.answer())).unwrap();
    let gone: Vec<_> = changes.removed.iter().map(|g| (g.path.as_str(), g.code.as_str())).collect();
    assert_eq!(gone, [("/units/19/counts/rentalUnitsRegistered", "field.required")], "{changes:?}");
    assert!(changes.added.is_empty(), "{changes:?}");
    common::changes_add_up(&before, &after, &changes).unwrap();
}
