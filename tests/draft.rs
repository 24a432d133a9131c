//! Drafts (issue 9, point 3): after any sequence of edits, a draft's answer equals
//! `check_filing_value` of the same submission, byte for byte, and its change lists add up.
//!
//! The edits start from every golden filing (tests/cases/filing) and every example filing
//! (examples/filings), with each case's own pack, version, locale, scope and `personal`, and
//! again in English with a scope. They set and remove fields of the filing's shape (roster rows
//! included), with valid and invalid values, blanks, nulls, wrong types and numbers as text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::sync::OnceLock;

use common::{CaseKind, Input, load_cases, root};
use fangkong::answer::cold::WriteJson;
use fangkong::draft::{Changes, Draft, DraftError};
use fangkong::schema::Subject;
use fangkong::time::parse_now;
use fangkong::{Engine, Locale, Options};
use proptest::prelude::*;
use serde_json::{Value, json};

/// A starting point: a filing, the pack family that judges it, and its options.
struct Start {
    name: String,
    family: usize,
    opts: Options,
    filing: Value,
}

const FAMILIES: [&str; 3] = ["shenzhen-2020", "guangming-2020", "hangzhou-2020"];

fn engines() -> &'static Vec<Engine> {
    static E: OnceLock<Vec<Engine>> = OnceLock::new();
    E.get_or_init(|| FAMILIES.iter().map(|id| Engine::with_pack_id(id).unwrap()).collect())
}

fn starts() -> &'static Vec<Start> {
    static S: OnceLock<Vec<Start>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out = Vec::new();
        for case in load_cases().into_iter().filter(|c| c.kind == CaseKind::Filing) {
            let Input::Json(filing) = case.input else { continue };
            let family = case.pack.as_deref().map_or(0, |p| FAMILIES.iter().position(|f| *f == p).unwrap());
            let locale = case.locale.as_deref().map_or(Locale::ZhCn, |l| Locale::parse(l).unwrap());
            let mut opts = Options::at(parse_now(&case.now).unwrap()).locale(locale).personal(case.personal);
            opts.pack_version = case.pack_version.clone();
            opts.scope = case.scope.clone();
            out.push(Start { name: case.file, family, opts, filing });
        }
        let mut files: Vec<_> =
            std::fs::read_dir(root().join("examples/filings")).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let filing: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
            out.push(Start { name: f.display().to_string(), family: 0, opts, filing });
        }
        assert!(out.len() > 100, "only {} starting filings", out.len());
        out
    })
}

/// One edit of a draft.
#[derive(Debug, Clone)]
enum Edit {
    Set(String, Value),
    Remove(String),
    /// A person reaches other fields: the scope changes.
    Scope(Option<Vec<String>>),
}

const LEAVES: &[&str] = &[
    "/filedOn",
    "/plannedResumption",
    "/enterprise/name",
    "/enterprise/creditCode",
    "/enterprise/districtCode",
    "/enterprise/street",
    "/enterprise/whitelisted",
    "/contacts/firstResponsible/name",
    "/contacts/firstResponsible/phone",
    "/contacts/firstResponsible/idNumber",
    "/contacts/healthLiaison/name",
    "/contacts/healthLiaison/phone",
    "/staff/total",
    "/staff/returning",
    "/staff/local",
    "/staff/fromOutside",
    "/staff/keyArea/returned",
    "/staff/keyArea/isolationComplete",
    "/staff/keyArea/stillThere",
    "/staff/keyArea/unreachable",
    "/supplies/masks",
    "/supplies/thermometers",
    "/supplies/disinfectantLiters",
    "/supplies/gloves",
    "/measures/preventionTeamSize",
    "/measures/emergencyPlan",
    "/measures/isolationRooms",
    "/measures/singleRoomIsolation",
    "/measures/temperatureChecksPerDay",
    "/measures/canteen/present",
    "/measures/canteen/staggered",
    "/measures/dormitory/residents",
    "/measures/dormitory/rooms",
    "/measures/closedManagement",
    "/enterprise",
    "/staff",
    "/staff/keyArea",
    "/measures",
    "/measures/canteen",
    "/roster",
    "/openRectifications",
    "/bogus",
    "/staff/bogus",
];

const ROW_FIELDS: &[&str] =
    &["name", "idNumber", "phone", "returning", "keyAreaHistory", "closeContact", "arrivedOn", "bogus"];
const RECT_FIELDS: &[&str] = &["itemId", "deadline", "resolved", "veto"];

fn values() -> Vec<Value> {
    vec![
        json!(null),
        json!(""),
        json!("　 "),
        json!(true),
        json!(false),
        json!(0),
        json!(1),
        json!(-1),
        json!(2.5),
        json!(3),
        json!(12),
        json!(100),
        json!(5000),
        json!("12"),
        json!("１２"),
        json!(" 3 "),
        json!("1e3"),
        json!("2020-02-04"),
        json!("2020-02-10"),
        json!("2020/2/1"),
        json!("2020年2月20日"),
        json!("2020-13-01"),
        json!("2020-01-25"),
        json!("13800138000"),
        json!("+86 138 0013 8000"),
        json!("12345"),
        json!("440306198503122134"),
        json!("44030619900725102x"),
        json!("440306198503122135"),
        json!("91440311MA5G0K3P1W"),
        json!("91440300MA5G0XYZ1X"),
        json!("440306"),
        json!("110105"),
        json!("某某公司"),
        json!("INS-S4-1"),
        json!({}),
        json!([]),
        json!({ "returning": true, "keyAreaHistory": true, "arrivedOn": "2020-02-01" }),
        json!({ "returning": true, "keyAreaHistory": false, "name": "张三", "phone": "13800138000" }),
        json!({ "itemId": "INS-S4-1", "deadline": "2020-02-01" }),
        json!([{ "returning": false }, "x", null]),
    ]
}

fn pointer() -> impl Strategy<Value = String> {
    let index = prop_oneof![0usize..4, Just(999usize), Just(1000usize)].prop_map(|i| i.to_string());
    let index = prop_oneof![4 => index, 1 => Just("-".to_owned())];
    prop_oneof![
        3 => proptest::sample::select(LEAVES).prop_map(str::to_owned),
        3 => (index.clone(), proptest::sample::select(ROW_FIELDS)).prop_map(|(i, f)| format!("/roster/{i}/{f}")),
        1 => index.clone().prop_map(|i| format!("/roster/{i}")),
        1 => (index, proptest::sample::select(RECT_FIELDS)).prop_map(|(i, f)| format!("/openRectifications/{i}/{f}")),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (pointer(), proptest::sample::select(values())).prop_map(|(p, v)| Edit::Set(p, v)),
        1 => pointer().prop_map(Edit::Remove),
        1 => proptest::sample::select(vec![
            None,
            Some(vec![]),
            Some(vec!["/filedOn".to_owned(), "/staff".to_owned()]),
            Some(vec!["/roster/0".to_owned(), "/enterprise/creditCode".to_owned(), "/contacts/".to_owned()]),
        ])
        .prop_map(Edit::Scope),
    ]
}

/// The options of a start, or a variant: English with a scope, every missing value reported
/// in zh-TW, or a small work budget.
fn options(start: &Start, variant: u8) -> Options {
    let o = start.opts.clone();
    match variant {
        1 => o.locale(Locale::En).scope(["/enterprise", "/filedOn", "/roster/1", "/staff/keyArea"]),
        2 => Options { scope: None, locale: Locale::ZhTw, personal: !o.personal, ..o },
        // A work budget that some edits cross (`engine.budget_exhausted`) and others do not.
        3 => o.budget(2_500),
        _ => o,
    }
}

/// The change list takes the previous answer to the new one, and is written as serde_json writes it.
fn check_changes(before: &Value, after: &Value, changes: &Changes) -> Result<(), TestCaseError> {
    // Written straight as JSON text (the package's way), the bytes serde_json gives.
    let mut text = String::new();
    WriteJson::write_json(changes, &mut text);
    prop_assert_eq!(text, serde_json::to_string(changes).unwrap());
    common::changes_add_up(before, after, changes).map_err(TestCaseError::fail)
}

/// Apply `edits` to a draft of `start`, comparing after each one; how many edits the draft
/// told the quick way.
fn run(start: &Start, variant: u8, edits: &[Edit]) -> Result<usize, TestCaseError> {
    let engine = &engines()[start.family];
    let opts = options(start, variant);
    let mut draft = engine.draft_filing(&opts);
    let first = draft.set("", start.filing.clone()).unwrap();
    let mut before = serde_json::to_value(draft.answer()).unwrap();
    let empty = serde_json::to_value(engine.check_filing_value(&json!({}), &opts)).unwrap();
    check_changes(&empty, &before, &first)?;
    for (n, e) in edits.iter().enumerate() {
        let result = match e {
            Edit::Set(p, v) => draft.set(p, v.clone()),
            Edit::Remove(p) => draft.remove(p),
            Edit::Scope(scope) => Ok(draft.set_scope(scope.clone())),
        };
        let got = serde_json::to_string(&draft.answer()).unwrap();
        let want = serde_json::to_string(&engine.check_filing_value(draft.value(), draft.options())).unwrap();
        prop_assert!(
            got == want,
            "{} (variant {variant}), after edit {n} {e:?}:\n draft: {got}\n check: {want}",
            start.name
        );
        let after: Value = serde_json::from_str(&got).unwrap();
        match result {
            Ok(changes) => check_changes(&before, &after, &changes)?,
            // A refused edit changes nothing.
            Err(err) => prop_assert_eq!(&before, &after, "refused edit {:?} ({}) changed the answer", e, err),
        }
        before = after;
    }
    Ok(draft.quick_edits())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_draft_answers_as_check_filing(
        start in 0..starts().len(),
        variant in 0u8..4,
        edits in proptest::collection::vec(edit(), 1..10),
    ) {
        run(&starts()[start], variant, &edits)?;
    }
}

/// Every starting filing as it is, and with each leaf in turn removed and set blank.
#[test]
fn every_golden_filing_and_every_field() {
    for start in starts().iter().filter(|s| !s.name.contains("factory")) {
        let edits: Vec<Edit> = LEAVES
            .iter()
            .flat_map(|p| [Edit::Set((*p).to_owned(), json!(" ")), Edit::Remove((*p).to_owned())])
            .chain([Edit::Set("/roster/0/arrivedOn".into(), json!("2020/2/3")), Edit::Remove("/roster/0".into())])
            .collect();
        run(start, 0, &edits).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Typing in filings with nothing missing, each value then the filing's own again: most of
/// these edits move only rules' own diagnostics (a count too small, a date too late, a phone
/// of the wrong form), and are told the quick way (src/draft/quick.rs: the gates fed by the
/// rules judged again, and the decision from a tally of every diagnostic). Their change lists,
/// gates and decisions must add up to `check_filing`'s answers, in each locale and scope.
#[test]
fn typing_in_a_whole_filing_moves_rules_gates_and_the_decision() {
    let scalars = LEAVES.iter().filter(|p| !p.contains("bogus") && p.matches('/').count() > 1 || **p == "/filedOn");
    let values = [
        json!(1),
        json!(6),
        json!("5000"),
        json!(true),
        json!(false),
        json!("2020-02-20"),
        json!("12345"),
        json!("110105"),
    ];
    let (mut whole, mut quick, mut moved) = (0, 0, 0);
    for start in starts().iter().filter(|s| !s.name.contains("factory")) {
        let engine = &engines()[start.family];
        let answer = engine.check_filing_value(&start.filing, &start.opts);
        if answer.decision == fangkong::Decision::Incomplete {
            continue;
        }
        whole += 1;
        let mut edits = Vec::new();
        for p in scalars.clone() {
            let own = start.filing.pointer(p).cloned();
            for v in &values {
                edits.push(Edit::Set((*p).to_owned(), v.clone()));
                edits
                    .push(own.clone().map_or_else(|| Edit::Remove((*p).to_owned()), |o| Edit::Set((*p).to_owned(), o)));
            }
        }
        // As given, and in English with a scope (a missing value held back is still missing).
        for variant in [0, 1] {
            quick += run(start, variant, &edits).unwrap_or_else(|e| panic!("{e}"));
            moved += edits.len();
        }
    }
    assert!(whole >= 10, "only {whole} filings with nothing missing");
    // Most edits here are told the quick way: were it never taken, this test would test nothing new.
    assert!(quick * 4 > moved, "{quick} of {moved} edits told the quick way ({whole} filings)");
}

#[test]
fn a_keystroke_in_a_large_roster_reports_only_what_changed() {
    let start = starts().iter().find(|s| s.name.contains("factory-1000")).unwrap();
    let engine = &engines()[0];
    let mut draft = engine.draft_filing(&start.opts);
    draft.set("", start.filing.clone()).unwrap();
    let c = draft.set("/roster/7/phone", json!("1380013800")).unwrap();
    assert_eq!(c.added.len(), 1, "{c:?}");
    assert_eq!((c.added[0].path.as_str(), c.added[0].code.as_str()), ("/roster/7/phone", "phone.format"));
    assert!(c.removed.is_empty() && c.gates.is_empty(), "{c:?}");
    let c = draft.set("/roster/7/phone", json!("13800138000")).unwrap();
    assert_eq!(c.removed.len(), 1, "{c:?}");
    assert_eq!(c.removed[0].path, "/roster/7/phone");
    // Taking a returning employee off the roster breaks RTW-C6 and closes gate RTW-G1.
    let c = draft.remove("/roster/7").unwrap();
    assert!(c.added.iter().any(|d| d.rule_id == "RTW-C6"), "{c:?}");
    assert!(c.gates.iter().any(|g| g.id == "RTW-G1" && g.from == Some(true) && g.to == Some(false)), "{c:?}");
    assert_eq!(draft.value()["roster"].as_array().unwrap().len(), 999);
    assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), &start.opts));
}

#[test]
fn bad_pointers_are_errors_and_change_nothing() {
    let engine = &engines()[0];
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
    let mut draft = engine.draft_filing(&opts);
    draft.set("/roster/0/name", json!("张三")).unwrap();
    let before = draft.value().clone();
    let code = |r: Result<Changes, DraftError>| r.unwrap_err().code();
    assert_eq!(code(draft.set("filedOn", json!("2020-02-04"))), "pointer.invalid");
    assert_eq!(code(draft.set("/staff/~2", json!(1))), "pointer.invalid");
    assert_eq!(code(draft.set("/roster/x/name", json!(1))), "pointer.invalid");
    assert_eq!(code(draft.set("/roster/01/name", json!(1))), "pointer.invalid");
    assert_eq!(code(draft.set("/roster/5/name", json!(1))), "pointer.out_of_range");
    assert_eq!(code(draft.set("/openRectifications/1/deadline", json!(1))), "pointer.out_of_range");
    assert_eq!(code(draft.remove("/roster/-1")), "pointer.invalid");
    // An index past the end holds nothing to remove: no change (drafts audit, thirty-second session).
    for past in ["/roster/9", "/roster/9/name", "/roster/-"] {
        let none = draft.remove(past).unwrap();
        assert!(none.added.is_empty() && none.removed.is_empty() && none.decision.is_none(), "{past}");
    }
    // Through a value given (张三): refused, never replaced by a container (fourth audit).
    assert_eq!(code(draft.set("/roster/0/name/x", json!(1))), "pointer.invalid");
    assert_eq!(draft.value(), &before);
    let e = draft.set("/roster/5/name", json!(1)).unwrap_err();
    assert_eq!(e.to_string(), "`/roster/5/name`: index 5 is past the end of an array of 1");
    // A long segment is quoted as any long text is: its first 100 characters, then `…` (README,
    // "Errors"; npm audit, thirtieth session: a 4,000-character segment was echoed whole).
    for pointer in [format!("/roster/0/name/{}", "z".repeat(4000)), format!("/roster/{}/name", "z".repeat(4000))] {
        let e = draft.set(&pointer, json!(1)).unwrap_err().to_string();
        assert!(e.chars().count() < 320 && e.contains(&format!("`{}…`", "z".repeat(100))), "{e}");
    }
    // Nothing there: no change, no error.
    let none = draft.remove("/staff/total").unwrap();
    assert!(none.added.is_empty() && none.removed.is_empty() && none.decision.is_none());
    // `-` appends; an escaped key is one segment.
    draft.set("/roster/-/name", json!("李四")).unwrap();
    draft.set("/a~1b", json!(1)).unwrap();
    assert_eq!(draft.value(), &json!({ "roster": [{ "name": "张三" }, { "name": "李四" }], "a/b": 1 }));
    assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), &opts));
    assert_eq!(engine.draft(Subject::Inspection, &opts).unwrap_err().code(), "options.invalid");
    let _: Draft<&Engine> = engine.draft(Subject::Filing, &opts).unwrap();
}

#[test]
fn a_draft_over_its_work_budget_answers_as_check_filing() {
    let engine = &engines()[0];
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap()).budget(25_000);
    let mut draft = engine.draft_filing(&opts);
    draft.set("/staff/total", json!(3)).unwrap();
    let code = |d: &Draft<&Engine>| d.answer().diagnostics.first().map(|d| d.code.clone());
    assert_ne!(code(&draft).as_deref(), Some("engine.budget_exhausted"));
    let row = json!({ "returning": true, "keyAreaHistory": true, "arrivedOn": "2020-02-01" });
    let c = draft.set("/roster", Value::Array(vec![row; 200])).unwrap();
    assert_eq!(code(&draft).as_deref(), Some("engine.budget_exhausted"));
    assert!(c.added.iter().any(|d| d.code == "engine.budget_exhausted"), "{c:?}");
    assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), &opts));
    // Typing in a row changes nothing while over the budget; removing the roster comes back.
    let c = draft.set("/roster/3/name", json!("张三")).unwrap();
    assert!(c.added.is_empty() && c.removed.is_empty(), "{c:?}");
    draft.remove("/roster").unwrap();
    assert_ne!(code(&draft).as_deref(), Some("engine.budget_exhausted"));
    assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), &opts));
}

/// Fourth audit: each value given to `set` was limited, the whole draft not, so a draft could
/// hold more than one submission may, and its answer then was not `check_filing`'s (which
/// refuses it, `input.too_large`). The draft now refuses the edit, unchanged; many edits of a
/// small draft never are refused, however much they wrote over time.
#[test]
fn a_draft_stays_within_one_submission_and_answers_as_check_filing() {
    let engine = &engines()[0];
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
    let mut draft = engine.draft_filing(&opts);
    let big = "x".repeat(3 << 20);
    draft.set("/enterprise/name", json!(big)).unwrap();
    let before = draft.value().clone();
    let e = draft.set("/enterprise/address", json!(big)).unwrap_err();
    assert_eq!(e.code(), "input.too_large");
    assert_eq!(draft.value(), &before, "refused: unchanged");
    assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), &opts));
    // Replacing the big value by a small one is fine, and then the address fits.
    draft.set("/enterprise/name", json!("深圳市光明某某电子有限公司")).unwrap();
    draft.set("/enterprise/address", json!(big)).unwrap();
    assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), &opts));
    // 3,000 edits of 3 KB each (9 MB written in all) into a small draft: none refused.
    let mut small = engine.draft_filing(&opts);
    let piece = "y".repeat(3000);
    for i in 0..3000 {
        small.set("/enterprise/address", json!(format!("{i}{piece}"))).unwrap();
    }
    assert_eq!(small.answer(), engine.check_filing_value(small.value(), &opts));
}

/// Differential fuzz (nineteenth session): a filing's draft took a value that made it 128
/// levels deep, and answered it (`input.invalid_type`), while `checkFiling` of its JSON text
/// refuses such text (`input.not_json`). Every draft now refuses the edit, unchanged, at the
/// depth the text reader stops at; one level less is taken, and answers as the text does.
#[test]
fn a_draft_nests_no_deeper_than_a_submission_text_may() {
    let engine = &engines()[0];
    let opts = Options::at(parse_now("2020-02-12T10:00:00+08:00").unwrap());
    let nested = |levels: usize| (1..levels).fold(json!([]), |inner, _| json!([inner]));
    let text = |v: &Value| {
        let mut out = String::new();
        v.write_json(&mut out);
        out
    };
    // A filing's draft.
    let mut draft = engine.draft_filing(&opts);
    draft.set("/plannedResumption", nested(126)).unwrap();
    let deepest = draft.value().clone();
    assert_eq!(draft.answer(), engine.check_filing_json(&text(&deepest), &opts));
    let e = draft.set("/plannedResumption", nested(127)).unwrap_err();
    assert!(matches!(e, DraftError::TooDeep(127)), "{e:?}");
    assert_eq!(e.code(), "input.too_large");
    assert_eq!(draft.value(), &deepest, "refused: unchanged");
    let e = draft.set("/staff/keyArea/returned", nested(125)).unwrap_err();
    assert!(matches!(e, DraftError::TooDeep(127)), "the path counts too: {e:?}");
    // A draft judged whole (a screening) refuses the same edit.
    let mut whole = fangkong::draft::AnyDraft::new(engine, Subject::Screening, opts.clone()).unwrap();
    whole.set("/declaredOn", nested(126)).unwrap();
    assert!(matches!(whole.set("/declaredOn", nested(127)), Err(DraftError::TooDeep(127))));
    assert_eq!(whole.answer_json(), {
        let mut out = String::new();
        engine.screen_person_json(&text(whole.value()), &opts).write_json(&mut out);
        out
    });
}

/// Drafts audit, thirty-second session: past a hundred diagnostics of one code at one field, the
/// answer shows the first hundred and one `answer.truncated`; a draft's change list told the ones
/// held back and never the summary. Filling in a 102-row roster's `keyAreaHistory` row by row,
/// removing a row and moving the scope, every change list is the difference of the answers.
#[test]
fn a_change_list_tells_what_a_capped_answer_shows() {
    let engine = &engines()[0];
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
    let row = json!({ "name": "张三", "returning": true, "phone": "13800138000", "arrivedOn": "2020-01-20" });
    let filing = json!({ "filedOn": "2020-02-04", "roster": vec![row; 102] });
    let mut draft = engine.draft_filing(&opts);
    draft.set("", filing).unwrap();
    let answer = |d: &Draft<&Engine>| serde_json::to_value(d.answer()).unwrap();
    let mut before = answer(&draft);
    let truncated = |a: &Value| a["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "answer.truncated");
    assert!(truncated(&before), "{before}");
    let mut edits: Vec<Edit> = (0..4).map(|i| Edit::Set(format!("/roster/{i}/keyAreaHistory"), json!(false))).collect();
    edits.extend([
        Edit::Remove("/roster/50".into()),
        Edit::Scope(Some(vec!["/roster/99".into()])),
        Edit::Scope(None),
        Edit::Set("/roster/-".into(), json!({})),
        Edit::Remove("/roster/0/keyAreaHistory".into()),
    ]);
    for e in edits {
        let changes = match &e {
            Edit::Set(p, v) => draft.set(p, v.clone()).unwrap(),
            Edit::Remove(p) => draft.remove(p).unwrap(),
            Edit::Scope(s) => draft.set_scope(s.clone()),
        };
        let after = answer(&draft);
        assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), draft.options()));
        common::changes_add_up(&before, &after, &changes).unwrap_or_else(|m| panic!("{e:?}: {m}"));
        before = after;
    }
}
