//! Checking while people type (issue 7): the empty filing, `scope` and `pending`, the
//! pack describing its own forms (`describe`), labels in every locale, locale fallback,
//! `packInfo` on a date, and messages without unfilled placeholders.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use fangkong::describe::{KINDS, kind};
use fangkong::pack::doc::Subject;
use fangkong::pack::{Locale, RuleBody};
use fangkong::schema::{Shape, shape_for};
use fangkong::time::parse_now;
use fangkong::{Engine, Options};
use serde_json::{Value, json};

const NOW: &str = "2020-02-04T10:00:00+08:00";
const LOCALES: [Locale; 3] = [Locale::ZhCn, Locale::ZhTw, Locale::En];

/// The text `key` (`path`, `message`) of each of an answer's diagnostics with `code`, in order.
fn each_of(answer: &Value, code: &str, key: &str) -> Vec<String> {
    answer["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d[key].as_str().unwrap().to_owned())
        .collect()
}

fn opts(locale: Locale) -> Options {
    Options::at(parse_now(NOW).unwrap()).locale(locale)
}

fn answer(engine: &Engine, input: &Value, o: &Options) -> Value {
    serde_json::to_value(engine.check_filing_json(&input.to_string(), o)).unwrap()
}

fn workshop() -> Value {
    serde_json::from_str(&std::fs::read_to_string(common::root().join("examples/filings/workshop.json")).unwrap())
        .unwrap()
}

/// Every field id of a shape, walked here independently of the engine's describe.
fn shape_ids(shape: &Shape, prefix: &str, out: &mut Vec<String>) {
    match shape {
        Shape::Object(fields) => {
            for f in fields.iter() {
                let id = if prefix.is_empty() { f.name.to_owned() } else { format!("{prefix}.{}", f.name) };
                out.push(id.clone());
                shape_ids(&f.shape, &id, out);
            }
        }
        Shape::Array(el) => shape_ids(el, &format!("{prefix}[]"), out),
        Shape::Map(el) if !prefix.ends_with("counts") => shape_ids(el, &format!("{prefix}.*"), out),
        _ => {}
    }
}

/// Rule ids of domain.md (the first column of its rule tables).
fn domain_rule_ids() -> BTreeSet<String> {
    let text = std::fs::read_to_string(common::root().join("../shared/domain.md"))
        .or_else(|_| std::fs::read_to_string("/work/shared/domain.md"))
        .unwrap_or_default();
    let mut ids = BTreeSet::new();
    for line in text.lines() {
        let Some(cell) = line.strip_prefix("| ").and_then(|l| l.split(" |").next()) else { continue };
        let cell = cell.trim();
        if ["RTW-", "INS-", "IND-", "SCR-"].iter().any(|p| cell.starts_with(p)) && !cell.contains(' ') {
            ids.insert(cell.to_owned());
        }
    }
    ids
}

#[test]
fn the_empty_filing_is_incomplete_with_one_required_per_field_named_in_every_locale() {
    let engine = Engine::with_default_pack().unwrap();
    for locale in LOCALES {
        let a = answer(&engine, &json!({}), &opts(locale));
        assert_eq!(a["decision"], "incomplete");
        assert_eq!(a["locale"], locale.tag());
        let diags = a["diagnostics"].as_array().unwrap();
        assert!(diags.len() >= 20, "{diags:?}");
        let d = engine.describe(Subject::Filing, locale, None, None).unwrap();
        let labels: BTreeMap<String, String> = d["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["id"].as_str().unwrap().to_owned(), f["label"].as_str().unwrap().to_owned()))
            .collect();
        let mut paths = BTreeSet::new();
        for diag in diags {
            assert_eq!(diag["code"], "field.required", "only field.required on an empty filing: {diag}");
            assert_eq!(diag["missing"], true);
            assert!(paths.insert(diag["path"].as_str().unwrap().to_owned()), "reported twice: {diag}");
            let field = diag["params"]["field"].as_str().unwrap();
            let label = &labels[field];
            assert_ne!(label, field, "{field} has no label in {}", locale.tag());
            assert!(diag["message"].as_str().unwrap().contains(label.as_str()), "{diag} does not name {label}");
            // Nothing is stated as a fact: no digit in the message of a missing value.
            assert!(!diag["message"].as_str().unwrap().contains('0'), "{diag}");
        }
        // Every field the description marks required is among them, and vice versa.
        let required: BTreeSet<String> = d["fields"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["required"] == true && !f["pointer"].as_str().unwrap().contains('*'))
            .map(|f| f["pointer"].as_str().unwrap().to_owned())
            .collect();
        assert!(required.is_subset(&paths), "required but not reported: {:?}", required.difference(&paths));
        for g in a["gates"].as_array().unwrap() {
            assert_ne!(g["passed"], false, "no gate is false on values the filing does not have: {g}");
        }
    }
}

#[test]
fn a_missing_value_is_never_read_as_zero() {
    let engine = Engine::with_default_pack().unwrap();
    let mut f = workshop();
    f["measures"].as_object_mut().unwrap().remove("preventionTeamSize");
    f["measures"]["temperatureChecksPerDay"] = Value::Null;
    f["supplies"]["masks"] = json!("  ");
    let a = answer(&engine, &f, &opts(Locale::ZhCn));
    assert_eq!(a["decision"], "incomplete");
    let codes: Vec<(&str, &str)> = a["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("field.required", "/measures/preventionTeamSize"),
            ("field.required", "/supplies/masks"),
            ("field.required", "/measures/temperatureChecksPerDay"),
        ]
    );
    let gates: BTreeMap<&str, &Value> =
        a["gates"].as_array().unwrap().iter().map(|g| (g["id"].as_str().unwrap(), &g["passed"])).collect();
    assert_eq!(gates["RTW-G3"], &Value::Null, "masks unknown: supplies undetermined");
    assert_eq!(gates["RTW-G4"], &Value::Null, "team size unknown: mechanism undetermined");
    assert_eq!(gates["RTW-G1"], &json!(true));
    // An error in a value that was entered still shows, beside the missing ones.
    f["enterprise"]["creditCode"] = json!("91440311MA5G0K3P1X");
    let a = answer(&engine, &f, &opts(Locale::ZhCn));
    assert_eq!(a["decision"], "incomplete");
    assert!(a["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "credit_code.checksum"));
}

#[test]
fn scope_holds_back_missing_values_outside_it_and_counts_them() {
    let engine = Engine::with_default_pack().unwrap();
    let one_char = json!({ "enterprise": { "name": "深" } });
    let all = answer(&engine, &one_char, &opts(Locale::ZhCn));
    let n = all["diagnostics"].as_array().unwrap().len();
    assert_eq!(all["pending"], 0);
    let scoped = answer(&engine, &one_char, &opts(Locale::ZhCn).scope(["/enterprise/name"]));
    assert_eq!(scoped["diagnostics"], json!([]), "nothing under inputs not reached yet");
    assert_eq!(scoped["pending"], n);
    assert_eq!(scoped["decision"], "incomplete", "the decision does not depend on the scope");
    // A section prefix covers its fields, on segment boundaries only.
    let section = answer(&engine, &one_char, &opts(Locale::ZhCn).scope(["/enterprise"]));
    let paths: Vec<&str> =
        section["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    // `whitelisted` is not asked for while the planned date (which could make it moot) is
    // unknown (fourteenth session audit: README says it is asked for only when the firm resumes
    // before the province's date); it is once the date is before it, and not when it is after.
    assert_eq!(paths, vec!["/enterprise/creditCode", "/enterprise/districtCode", "/enterprise/address"]);
    for (planned, asked) in [("2020-02-09", true), ("2020-02-10", false)] {
        let f = json!({ "enterprise": { "name": "深" }, "plannedResumption": planned });
        let a = answer(&engine, &f, &opts(Locale::ZhCn).scope(["/enterprise"]));
        let whitelisted = a["diagnostics"].as_array().unwrap().iter().any(|d| d["path"] == "/enterprise/whitelisted");
        assert_eq!(whitelisted, asked, "{planned}");
    }
    let o = opts(Locale::ZhCn).scope(["/staff"]);
    assert!(o.in_scope("/staff/keyArea/returned") && o.in_scope("/staff") && !o.in_scope("/staffing"));
    // An error in an entered value shows outside the scope.
    let wrong = json!({ "enterprise": { "name": "深", "creditCode": "123" } });
    let a = answer(&engine, &wrong, &opts(Locale::ZhCn).scope(["/enterprise/name"]));
    let codes: Vec<&str> = a["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, vec!["credit_code.length"]);
    // The same option works for every kind.
    let s = engine.screen_person_json(r#"{"declaredOn":"2020-02-01"}"#, &opts(Locale::ZhCn).scope(["/declaredOn"]));
    assert!(s.pending > 0 && s.diagnostics.iter().all(|d| !d.missing));
    let i = engine.score_inspection_json(r#"{"inspectedOn":"2020-02-12"}"#, &opts(Locale::ZhCn).scope(["/facts"]));
    assert!(i.pending > 0 && i.diagnostics.iter().all(|d| !d.missing || d.path.starts_with("/facts")));
}

/// A unit that sent nothing is a fact of the report, not a missing value: it is reported
/// whatever the scope, and the decision is the same with or without one (issue 7 point 3: only
/// `missing: true` diagnostics are held back). The twenty-fifth session held it back while its
/// counts were outside the scope, which made `scope: []` turn `conditional` into `incomplete`
/// (missing audit, thirty-sixth session). Counts left out of a unit that gave some are missing
/// values, and are held back.
#[test]
fn a_unit_whose_counts_are_not_reached_yet_is_pending_not_a_missing_report() {
    let engine = Engine::with_default_pack().unwrap();
    let o = |scope: &[&str]| {
        let base = Options::at(parse_now("2020-02-12T18:00:00+08:00").unwrap());
        if scope.is_empty() { base } else { base.scope(scope.iter().copied()) }
    };
    let unit = |counts: Value| json!({ "date": "2020-02-12", "units": [{ "id": "GM-FH-TJ-03", "level": "grid", "counts": counts }] });
    let judge = |r: &Value, scope: &[&str]| {
        let a = engine.evaluate_indicators_json(&r.to_string(), &o(scope));
        let codes: Vec<String> = a.diagnostics.iter().map(|d| d.code.clone()).collect();
        // The unit is in the answer's units, and listed as not (yet) reported, whatever the scope.
        assert_eq!(a.units.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(), ["GM-FH-TJ-03"], "{scope:?}");
        (serde_json::to_value(a.decision).unwrap(), a.pending, codes)
    };
    let id_only = json!({ "date": "2020-02-12", "units": [{ "id": "GM-FH-TJ-03", "level": "grid" }] });
    let (decision, pending, _) =
        judge(&unit(json!({ "compounds": 12 })), &["/date", "/units/0/id", "/units/0/counts/compounds"]);
    assert_eq!((decision, pending), (json!("incomplete"), 9));
    // With any scope or none: the missing report, the same decision.
    for scope in [&[][..], &["/date", "/units/0/id"][..], &["/units/0/counts"][..], &["/units/*/counts"][..]] {
        let (decision, pending, codes) = judge(&id_only, scope);
        assert_eq!((decision, pending), (json!("conditional"), 0), "{scope:?}");
        assert_eq!(codes, vec!["indicators.missing_report"], "{scope:?}");
    }
}

/// Missing audit, twenty-eighth session: an inspection item whose only input is its result is
/// reported unanswered at the item (`/answers/INS-S1-1`). An inspector who reached its result
/// (`/answers/INS-S1-1/result`, or describe's `/answers/*/result`) and left it blank saw nothing:
/// the item lay outside the scope, above the pointer reached. What holds a pointer reached is
/// now in the scope; a unit's missing report still waits for its counts to be reached.
#[test]
fn a_missing_value_that_holds_what_was_reached_is_shown() {
    let engine = Engine::with_default_pack().unwrap();
    let text = std::fs::read_to_string(common::root().join("examples/inspections/factory-all-pass.json")).unwrap();
    let mut inspection: Value = serde_json::from_str(&text).unwrap();
    // The item taken out (a select cleared, the value removed): asked for at the item.
    inspection["answers"].as_object_mut().unwrap().remove("INS-S1-1");
    inspection["facts"]["knowledge"] = json!({ "sampled": null, "correct": "" });
    let o = Options::at(parse_now("2020-02-12T10:00:00+08:00").unwrap());
    let judged = |scope: &[&str]| {
        let a = engine.score_inspection_json(&inspection.to_string(), &o.clone().scope(scope.iter().copied()));
        let mut missing: Vec<String> = a.diagnostics.iter().filter(|d| d.missing).map(|d| d.path.clone()).collect();
        missing.sort();
        (missing, a.pending)
    };
    let (all, none) = (judged(&[""]), judged(&[]));
    assert_eq!(
        all.0,
        ["/answers/INS-S1-1", "/facts/knowledge/correct", "/facts/knowledge/sampled"],
        "reported at the item and at each count of the fact"
    );
    assert_eq!((none.0.len(), none.1), (0, 3));
    for scope in [
        &["/answers/INS-S1-1/result"][..],
        &["/answers/*/result"][..],
        &["/answers/INS-S1-1/result", "/answers/INS-S1-1/note"][..],
    ] {
        assert_eq!(judged(scope), (vec!["/answers/INS-S1-1".to_owned()], 2), "{scope:?}");
    }
    assert_eq!(judged(&["/facts/knowledge/sampled"]), (vec!["/facts/knowledge/sampled".to_owned()], 2));
    assert_eq!(judged(&["/facts/knowledge"]).0, ["/facts/knowledge/correct", "/facts/knowledge/sampled"]);
    // Not what lies beside it: another item's result reached leaves this one held back.
    assert_eq!(judged(&["/answers/INS-S1-2/result"]), (Vec::new(), 3));
}

#[test]
fn a_scope_written_as_describe_writes_pointers_covers_every_row() {
    let engine = Engine::with_default_pack().unwrap();
    // describe names a roster column `/roster/*/returning`; as a scope it covers that column of every
    // row, and nothing else (npm audit, twenty-fourth session: it covered nothing).
    let d = engine.describe(Subject::Filing, Locale::ZhCn, None, None).unwrap();
    assert!(d["fields"].as_array().unwrap().iter().any(|f| f["pointer"] == "/roster/*/returning"));
    let f = json!({ "roster": [{ "name": "王某" }, { "name": "李某" }] });
    let a = answer(&engine, &f, &opts(Locale::ZhCn).scope(["/roster/*/returning"]));
    let paths: Vec<&str> = a["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths, vec!["/roster/0/returning", "/roster/1/returning"]);
    assert!(a["pending"].as_u64().unwrap() > 0);
    let o = opts(Locale::ZhCn).scope(["/roster/*", "/units/*/counts/"]);
    assert!(o.in_scope("/roster/0") && o.in_scope("/roster/12/arrivedOn") && o.in_scope("/units/3/counts/compounds"));
    assert!(!o.in_scope("/units/3/countsX") && !o.in_scope("/staff") && !o.in_scope("/units/3/date"));
    // What holds a pointer reached is in the scope too (a missing roster, a unit's missing
    // counts: theirs to fill in), but was not itself reached.
    assert!(o.in_scope("/roster") && o.in_scope("/units/3") && o.in_scope(""));
    assert!(!o.reached("/roster") && !o.reached("/units/3") && o.reached("/units/3/counts/compounds"));
    // A prefix without `*` is read as before: `/roster` covers the rows, `/ros` does not.
    let plain = opts(Locale::ZhCn).scope(["/roster"]);
    assert!(plain.in_scope("/roster/0/phone") && !opts(Locale::ZhCn).scope(["/ros"]).in_scope("/roster/0"));
}

#[test]
fn describe_covers_every_field_rule_and_item_in_every_locale_and_pack() {
    let domain = domain_rule_ids();
    assert!(domain.len() >= 68, "domain.md rule ids: {}", domain.len());
    // Ids domain.md names in its text rather than in a table.
    let mut domain = domain;
    for i in 1..=6 {
        domain.insert(format!("INS-S{i}"));
        domain.insert(format!("INS-K{i}"));
    }
    for i in 1..=10 {
        domain.insert(format!("IND-R{i}"));
    }
    let weights: BTreeMap<&str, (f64, bool)> = [
        ("INS-S1-1", 6.0, true),
        ("INS-S1-2", 6.0, true),
        ("INS-S2-1", 6.0, true),
        ("INS-S3-3", 5.0, true),
        ("INS-S4-1", 6.0, true),
        ("INS-S3-7", 2.0, false),
        ("INS-S6-1", 4.0, false),
    ]
    .into_iter()
    .map(|(id, w, v)| (id, (w, v)))
    .collect();
    for pack_id in ["shenzhen-2020", "guangming-2020"] {
        let engine = Engine::with_pack_id(pack_id).unwrap();
        for locale in LOCALES {
            let mut seen_rules: BTreeMap<String, String> = BTreeMap::new();
            // The version in force in February 2020 (the April one drops RTW-T3).
            let feb = fangkong::time::parse_iso_date("2020-02-04");
            for k in KINDS {
                let d = engine.describe(k, locale, None, feb).unwrap();
                assert_eq!(d["kind"], k.name());
                assert_eq!(d["locale"], locale.tag());
                assert_eq!(d["pack"]["id"], pack_id);
                // The ladder's words come from the pack's labels, like everything else.
                let decisions = d["decisions"].as_array().unwrap();
                assert_eq!(decisions.len(), 4);
                assert!(decisions.iter().all(|v| v["label"] != v["value"]), "{decisions:?}");
                let ids: BTreeSet<&str> =
                    d["fields"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
                let mut want = Vec::new();
                shape_ids(shape_for(k), "", &mut want);
                for id in &want {
                    assert!(ids.contains(id.as_str()), "{pack_id} {} {}: no field {id}", locale.tag(), k.name());
                }
                for f in d["fields"].as_array().unwrap() {
                    let label = f["label"].as_str().unwrap();
                    assert!(!label.is_empty() && label != f["id"], "{pack_id} {}: unlabelled {f}", locale.tag());
                    assert!(f["pointer"].as_str().unwrap().starts_with('/'));
                }
                for r in d["rules"].as_array().unwrap() {
                    seen_rules.insert(r["id"].as_str().unwrap().to_owned(), r["title"].as_str().unwrap().to_owned());
                }
                for s in d["sections"].as_array().into_iter().flatten() {
                    for it in s["items"].as_array().unwrap() {
                        seen_rules
                            .insert(it["id"].as_str().unwrap().to_owned(), it["title"].as_str().unwrap().to_owned());
                    }
                }
                if k == Subject::Inspection {
                    let items: Vec<&Value> =
                        d["sections"].as_array().unwrap().iter().flat_map(|s| s["items"].as_array().unwrap()).collect();
                    assert_eq!(items.len(), 27);
                    let total: f64 = items.iter().map(|i| i["weight"].as_f64().unwrap()).sum();
                    assert_eq!(total, 100.0);
                    assert_eq!(items.iter().filter(|i| i["veto"] == true).count(), 5);
                    for (id, (w, v)) in &weights {
                        let it = items.iter().find(|i| i["id"] == *id).unwrap();
                        assert_eq!((it["weight"].as_f64().unwrap(), it["veto"].as_bool().unwrap()), (*w, *v), "{id}");
                    }
                    assert_eq!(d["facts"].as_array().unwrap().len(), 6);
                    assert_eq!(d["evidence"].as_array().unwrap().len(), 4);
                    assert!(d["needs"].as_array().unwrap().iter().all(|v| v["label"] != v["value"]));
                }
                if k == Subject::Filing {
                    let gates = d["gates"].as_array().unwrap();
                    assert_eq!(gates.len(), 6);
                    let g1 = &gates[0];
                    assert!(g1["fields"].as_array().unwrap().contains(&json!("staff.total")));
                    if locale == Locale::ZhCn {
                        assert_eq!(g1["title"], "企业复工人数不清");
                    }
                }
                if k == Subject::Indicators {
                    assert_eq!(d["indicators"].as_array().unwrap().len(), 5);
                    assert_eq!(d["checklist"].as_array().unwrap().len(), 10);
                }
                if k == Subject::Screening {
                    assert!(d["questions"].as_array().unwrap().iter().any(|q| q["id"] == "symptoms.temperature"));
                    assert_eq!(d["outcomes"].as_array().unwrap().len(), 4);
                }
            }
            for id in &domain {
                let title =
                    seen_rules.get(id).unwrap_or_else(|| panic!("{pack_id} {}: rule {id} not described", locale.tag()));
                assert!(!title.is_empty() && title != id, "{pack_id} {}: {id} has no title", locale.tag());
            }
        }
    }
}

#[test]
fn a_district_variant_renames_a_field_without_code() {
    let mut variant: Value = serde_json::from_str(fangkong::engine::EMBEDDED_PACKS[2]).unwrap();
    assert_eq!(variant["id"], "guangming-2020");
    variant["labels"] = json!({ "zh-CN": { "filing:enterprise.name": { "label": "单位全称" } } });
    let engine = Engine::from_pack_value(variant).unwrap();
    let d = engine.describe(Subject::Filing, Locale::ZhCn, None, None).unwrap();
    let f = d["fields"].as_array().unwrap().iter().find(|f| f["id"] == "enterprise.name").unwrap().clone();
    assert_eq!(f["label"], "单位全称");
    let a = answer(&engine, &json!({}), &opts(Locale::ZhCn));
    assert!(a["diagnostics"].as_array().unwrap().iter().any(|d| d["message"] == "请填写：单位全称"));
    // Other locales keep the parent's labels.
    let en = engine.describe(Subject::Filing, Locale::En, None, None).unwrap();
    assert!(en["fields"].as_array().unwrap().iter().any(|f| f["label"] == "Enterprise name"));
}

#[test]
fn every_embedded_pack_labels_everything_in_three_locales() {
    for id in ["shenzhen-2020", "guangming-2020", "hangzhou-2020"] {
        let engine = Engine::with_pack_id(id).unwrap();
        for p in engine.packs() {
            let missing = fangkong::describe::missing_labels(p);
            assert!(missing.is_empty(), "{id} {}: {:?}", p.stamp.version, &missing[..missing.len().min(5)]);
        }
    }
    // A pack without labels is reported.
    let mut bare: Value = serde_json::from_str(fangkong::DEFAULT_PACK).unwrap();
    bare["labels"]["en"] = json!({});
    let engine = Engine::from_pack_value(bare).unwrap();
    let missing = fangkong::describe::missing_labels(engine.pack());
    assert!(missing.iter().any(|(l, k)| *l == Locale::En && k == "filing:enterprise.name"));
    assert!(missing.iter().any(|(l, k)| *l == Locale::En && k == "INS-S1-1"));
}

#[test]
fn unknown_and_regional_locales_fall_back_and_the_answer_says_which() {
    let engine = Engine::with_default_pack().unwrap();
    for (tag, want) in [
        ("fr-FR", "en"),
        ("en-GB", "en"),
        ("zh-SG", "zh-CN"),
        ("zh-Hans", "zh-CN"),
        ("zh-HK", "zh-TW"),
        ("zh-MO", "zh-TW"),
        ("zh-Hant-CN", "zh-TW"),
        ("xx", "en"),
    ] {
        let a = answer(&engine, &workshop(), &opts(Locale::negotiate(tag)));
        assert_eq!(a["locale"], want, "{tag}");
    }
}

#[test]
fn pack_info_on_a_date_is_the_hash_the_answer_carries() {
    let engine = Engine::with_default_pack().unwrap();
    for filed in ["2020-02-04", "2020-04-06", "2020-04-07", "2020-06-01"] {
        let mut f = workshop();
        f["filedOn"] = json!(filed);
        let a = answer(&engine, &f, &opts(Locale::ZhCn));
        let on = fangkong::time::parse_iso_date(filed);
        let info = engine.pack_info_on(on);
        assert_eq!(a["pack"]["hash"], info.hash, "{filed}");
        assert_eq!(a["pack"]["version"], info.version, "{filed}");
    }
    assert_ne!(engine.pack_info_on(fangkong::time::parse_iso_date("2020-02-04")), engine.pack_info());
    // Text that cannot be read is answered by the version in force today (or `packVersion`), as
    // readable input of that day: it was the latest version (fourth audit).
    for (now, today) in [("2020-02-04T10:00:00+08:00", "2020-02-04"), ("2020-05-01T10:00:00+08:00", "2020-05-01")] {
        let o = Options::at(parse_now(now).unwrap());
        let a = serde_json::to_value(engine.check_filing_json("{", &o)).unwrap();
        assert_eq!(a["diagnostics"][0]["code"], "input.not_json");
        let info = engine.pack_info_on(fangkong::time::parse_iso_date(today));
        assert_eq!((&a["pack"]["version"], &a["pack"]["hash"]), (&json!(info.version), &json!(info.hash)), "{now}");
        let b = serde_json::to_value(engine.screen_person_json("[", &o.clone().pack_version("2020-04-07"))).unwrap();
        assert_eq!(b["pack"]["version"], "2020-04-07");
    }
}

/// Every placeholder of every message of every pack, in every locale, is filled by the
/// params its code is given — by the pack's own checks, or in some golden answer.
/// Every golden case's answer, each under its own pack (a variant's codes too), in every locale:
/// `f(case file, locale, answer)`.
fn each_golden_answer(cases: &[common::Case], mut f: impl FnMut(&str, Locale, Value)) {
    let default = Engine::with_default_pack().unwrap();
    for case in cases {
        let own = case.pack.as_deref().map(|id| Engine::with_pack_id(id).unwrap());
        let engine = own.as_ref().unwrap_or(&default);
        for locale in LOCALES {
            let mut o = opts(locale);
            o.now = parse_now(&case.now).unwrap();
            let text = match &case.input {
                common::Input::Json(v) => v.to_string(),
                common::Input::Text(t) => t.clone(),
            };
            let a = match case.kind {
                common::CaseKind::Filing => serde_json::to_value(engine.check_filing_json(&text, &o)),
                common::CaseKind::Inspection => serde_json::to_value(engine.score_inspection_json(&text, &o)),
                common::CaseKind::Indicators => serde_json::to_value(engine.evaluate_indicators_json(&text, &o)),
                common::CaseKind::Screening => serde_json::to_value(engine.screen_person_json(&text, &o)),
            }
            .unwrap();
            f(&case.file, locale, a);
        }
    }
}

#[test]
fn no_message_leaves_a_placeholder_unfilled() {
    let cases = common::load_cases();
    let mut params: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |code: &str, keys: &mut dyn Iterator<Item = String>| {
        params.entry(code.to_owned()).or_default().extend(keys);
    };
    add("field.required", &mut ["field".to_owned(), "label".to_owned()].into_iter());
    // The item a rectification names, by its title (engine.rs `render`, from `itemId`).
    // And a 十个一律 item failed or partial, by its rule's title (twenty-sixth session).
    for code in
        ["gate.rectification_overdue", "inspection.rectification_overdue", "checklist.failed", "checklist.partial"]
    {
        add(code, &mut ["item".to_owned()].into_iter());
    }
    // Codes the engine emits with params of its own, rarely seen in golden cases.
    for (code, keys) in [
        ("checklist.unknown_item", &["suggestion"][..]),
        ("inspection.unknown_item", &["suggestion"]),
        ("indicators.duplicate_unit", &["unit"]),
        ("indicators.bad_level", &["allowed"]),
        ("indicators.unknown_count", &["suggestion"]),
        ("input.unknown_field", &["suggestion"]),
        // The help of a diagnostic whose params have a `suggestion` (a look-alike key).
        ("input.lookalike", &["suggestion"]),
        ("input.lookalike_case", &["suggestion"]),
        ("input.lookalike_space", &["suggestion"]),
        ("input.unknown_fields", &["count", "more"]),
        ("answer.truncated", &["code", "omitted", "total", "first"]),
        ("answer.too_many", &["omitted", "total"]),
        ("engine.budget_exhausted", &["steps", "budget"]),
        ("input.not_utf8", &["byte"]),
        ("input.duplicate_key", &["line", "column"]),
        ("input.too_large", &["maxBytes"]),
        ("input.too_long", &["max"]),
        ("input.too_many", &["max"]),
        ("input.unknown_pack_version", &["reason", "pack", "version", "versions"]),
    ] {
        add(code, &mut keys.iter().map(|k| (*k).to_owned()));
    }
    for id in ["shenzhen-2020", "guangming-2020", "hangzhou-2020"] {
        let engine = Engine::with_pack_id(id).unwrap();
        for p in engine.packs() {
            for r in &p.rules {
                match &r.body {
                    RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => {
                        for c in checks {
                            add(&c.code, &mut c.params.iter().map(|(k, _)| k.clone()));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let mut rendered = 0usize;
    each_golden_answer(&cases, |file, _, a| {
        for d in a["diagnostics"].as_array().unwrap() {
            rendered += 1;
            for text in [&d["message"], &d["help"]] {
                let t = text.as_str().unwrap_or_default();
                assert!(!(t.contains('{') && t.contains('}')), "{file}: unfilled placeholder in {t}");
            }
            let keys = d["params"].as_object().unwrap().keys().cloned();
            add(d["code"].as_str().unwrap(), &mut keys.collect::<Vec<_>>().into_iter());
        }
    });
    assert!(rendered > 1000);
    let mut unfilled = Vec::new();
    for id in ["shenzhen-2020", "guangming-2020", "hangzhou-2020"] {
        let p = Engine::with_pack_id(id).unwrap();
        let json = &p.pack().json;
        for (tag, msgs) in json["messages"].as_object().unwrap() {
            for (code, m) in msgs.as_object().unwrap() {
                for text in [&m["message"], &m["help"]] {
                    let mut rest = text.as_str().unwrap_or_default();
                    while let Some(open) = rest.find('{') {
                        let after = &rest[open + 1..];
                        let Some(close) = after.find('}') else { break };
                        let name = &after[..close];
                        if !params.get(code).is_some_and(|k| k.contains(name)) {
                            unfilled.push(format!("{id} {tag} {code}: {{{name}}}"));
                        }
                        rest = &after[close + 1..];
                    }
                }
            }
        }
    }
    assert!(unfilled.is_empty(), "placeholders no params fill:\n{}", unfilled.join("\n"));
}

/// Issue 2 §5: a diagnostic is `{code, severity, path, ruleId, message, params, help}`. Under the
/// embedded packs every diagnostic of every golden case carries a `help` in every locale: what to
/// do about it, not the message again (acceptance replay, eighteenth session: 64 codes had none).
/// `field.required` too (thirty-sixth session): its help is the field's hint (口罩数量: 现有库存，
/// 填写只数), else how to write a value of its type; the batch's answers may now be 128 MiB, so a
/// district's 13,378 empty filings still fit (BENCHMARKS.md, thirty-sixth session).
#[test]
fn every_diagnostic_of_the_embedded_packs_says_what_to_do() {
    let (mut seen, mut without) = (BTreeSet::new(), BTreeSet::new());
    each_golden_answer(&common::load_cases(), |_, locale, a| {
        for d in a["diagnostics"].as_array().unwrap() {
            let code = d["code"].as_str().unwrap().to_owned();
            let (help, message) = (d["help"].as_str().unwrap_or_default(), d["message"].as_str().unwrap());
            if code == "field.required" {
                assert!(message.contains('：') || message.starts_with("required: "), "{message}");
            }
            if help.trim().is_empty() || help == message {
                without.insert(format!("{} {code}", locale.tag()));
            }
            seen.insert(code);
        }
    });
    assert!(seen.len() > 90, "only {} codes seen", seen.len());
    assert!(
        without.is_empty(),
        "diagnostics with no help of their own:\n{}",
        without.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// What `describe` says a form requires, and its limits, are what the engine then asks for: the
/// counts the engine checks itself (INS-K5's knowledge sample) and an indicator report's units.
#[test]
fn describe_requires_and_limits_what_the_engine_checks_itself() {
    let engine = Engine::with_default_pack().unwrap();
    let field = |d: &Value, id: &str| d["fields"].as_array().unwrap().iter().find(|f| f["id"] == id).cloned().unwrap();
    let now = parse_now("2020-02-12T10:00:00+08:00").unwrap();
    let o = Options::at(now);
    let codes_at = |a: Value, path: &str| -> Vec<String> {
        a["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"] == path)
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };

    let d = engine.describe(Subject::Inspection, Locale::ZhCn, None, None).unwrap();
    let base: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("examples/inspections/factory-all-pass.json")).unwrap(),
    )
    .unwrap();
    for name in ["sampled", "correct"] {
        let f = field(&d, &format!("facts.knowledge.{name}"));
        assert_eq!((&f["required"], &f["integer"], &f["min"]), (&json!(true), &json!(true), &json!(0)), "{f}");
        assert_eq!(f["inputMode"], "numeric");
        let path = format!("/facts/knowledge/{name}");
        let mut x = base.clone();
        x["facts"]["knowledge"].as_object_mut().unwrap().remove(name);
        let a = serde_json::to_value(engine.score_inspection_json(&x.to_string(), &o)).unwrap();
        assert_eq!(a["decision"], "incomplete");
        assert_eq!(codes_at(a, &path), ["field.required"]);
        for (bad, code) in [(json!(3.5), "count.fraction"), (json!(-3), "count.negative")] {
            let mut x = base.clone();
            x["facts"]["knowledge"][name] = bad;
            let a = serde_json::to_value(engine.score_inspection_json(&x.to_string(), &o)).unwrap();
            assert_eq!(codes_at(a, &path), [code]);
        }
    }

    let d = engine.describe(Subject::Indicators, Locale::ZhCn, None, None).unwrap();
    assert_eq!(field(&d, "units")["required"], true);
    for report in [json!({ "date": "2020-02-12" }), json!({ "date": "2020-02-12", "units": [] })] {
        let a = serde_json::to_value(engine.evaluate_indicators_json(&report.to_string(), &o)).unwrap();
        assert_eq!(a["decision"], "incomplete", "{report}");
        assert_eq!(codes_at(a, "/units"), ["field.required"], "{report}");
    }
}

#[test]
fn kinds_by_name() {
    for k in KINDS {
        assert_eq!(kind(k.name()), Some(k));
    }
    assert_eq!(kind("filings"), None);
}

/// The canteen's `present` is read by RTW-P9's condition, and asked for while the canteen's
/// answers do not hold without it: an empty canteen asks for it (third audit: a form built from
/// `describe` left it unmarked, and the filing stayed incomplete), a canteen staggered with boxed
/// meals does not (sixteenth session audit: `describe` said `required: true` — "needed whatever
/// else is given" — and a form marked required what the engine approved without). So it is
/// `requiredWhen` RTW-P9, on the canteen's answers.
#[test]
fn describe_requires_a_condition_field_as_the_engine_asks_for_it() {
    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Filing, Locale::ZhCn, None, None).unwrap();
    let f = d["fields"].as_array().unwrap().iter().find(|f| f["id"] == "measures.canteen.present").cloned().unwrap();
    assert_eq!(f["required"], json!(false), "{f}");
    assert_eq!(f["requiredWhen"][0]["rule"], "RTW-P9", "{f}");
    let o = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
    let check = |canteen: Option<Value>| {
        let mut x = workshop();
        match canteen {
            Some(c) => x["measures"]["canteen"] = c,
            None => drop(x["measures"].as_object_mut().unwrap().remove("canteen")),
        }
        serde_json::to_value(engine.check_filing_json(&x.to_string(), &o)).unwrap()
    };
    let a = check(None);
    assert_eq!(a["decision"], "incomplete");
    assert_eq!(common::paths_of(&a, "field.required"), ["/measures/canteen/present"]);
    let a = check(Some(json!({ "staggered": true, "boxedMeals": true })));
    assert!(common::paths_of(&a, "field.required").is_empty(), "{a}");
    let a = check(Some(json!({ "staggered": false, "boxedMeals": true })));
    assert_eq!(common::paths_of(&a, "field.required"), ["/measures/canteen/present"]);
}

/// Third audit: `describe('filing')` said `roster[].returning` was optional, while the engine asks
/// for it in every roster entry (RTW-C6 counts `returning == true` under `present(roster)`).
/// For each field of a roster entry: describe marks it required exactly when removing it from an
/// entry of the 1,000-person factory (no key-area history) makes the engine ask for it there.
#[test]
fn describe_marks_a_roster_field_required_exactly_when_the_engine_asks_for_it() {
    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Filing, Locale::ZhCn, None, None).unwrap();
    let fields: Vec<(String, bool)> = d["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| Some((f["id"].as_str()?.strip_prefix("roster[].")?.to_owned(), f["required"] == json!(true))))
        .collect();
    assert!(fields.len() >= 6, "{fields:?}");
    let x: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("examples/filings/factory-1000.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(x["roster"][0]["keyAreaHistory"], json!(false));
    let o = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
    for (key, required) in &fields {
        let mut y = x.clone();
        y["roster"][0].as_object_mut().unwrap().remove(key);
        let a = serde_json::to_value(engine.check_filing_json(&y.to_string(), &o)).unwrap();
        let asked = common::paths_of(&a, "field.required").contains(&format!("/roster/0/{key}"));
        assert_eq!(asked, *required, "roster[].{key}: describe says required = {required}, the engine asks = {asked}");
    }
    assert!(fields.iter().any(|(k, r)| k == "returning" && *r), "{fields:?}");
}

/// Third audit: `describe` gave every inspection item, fact and indicator the severity `error`,
/// while the engine reports a failed ordinary item, a fact not recorded and a shortfall as
/// warnings. For each rule: make it not met on a complete input, and the severity the engine
/// reports for it is the one `describe` gives.
#[test]
fn describe_gives_each_inspection_and_indicator_rule_the_severity_the_engine_reports() {
    let engine = Engine::with_default_pack().unwrap();
    let read =
        |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(common::root().join(p)).unwrap()).unwrap() };
    let severity_of = |a: &Value, rule: &str, path: &str| -> Vec<String> {
        a["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["ruleId"] == rule && d["path"].as_str().unwrap().starts_with(path))
            .map(|d| d["severity"].as_str().unwrap().to_owned())
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect::<Vec<_>>()
    };
    let o = Options::at(parse_now("2020-02-12T20:00:00+08:00").unwrap());

    let d = engine.describe(Subject::Inspection, Locale::ZhCn, None, None).unwrap();
    let base = read("examples/inspections/factory-all-pass.json");
    let (mut items, mut facts, mut warnings, mut errors) = (0, 0, 0, 0);
    for r in d["rules"].as_array().unwrap() {
        let (id, said) = (r["id"].as_str().unwrap(), r["severity"].as_str().unwrap());
        let mut x = base.clone();
        let path = match r["kind"].as_str().unwrap() {
            "item" => {
                items += 1;
                x["answers"][id]["result"] = json!("fail");
                format!("/answers/{id}")
            }
            "fact" => {
                facts += 1;
                let key = r["reads"][0].as_str().unwrap().strip_prefix("facts.").unwrap().to_owned();
                x["facts"].as_object_mut().unwrap().remove(&key);
                format!("/facts/{key}")
            }
            _ => continue,
        };
        let a = serde_json::to_value(engine.score_inspection_json(&x.to_string(), &o)).unwrap();
        let got = severity_of(&a, id, &path);
        assert_eq!(got, [said], "{id}: describe says {said}, the engine reports {got:?}");
        if said == "error" { errors += 1 } else { warnings += 1 }
    }
    assert_eq!((items, facts), (27, 6));
    assert!(errors > 0 && warnings > 0, "both severities occur ({errors} errors, {warnings} warnings)");

    let d = engine.describe(Subject::Indicators, Locale::ZhCn, None, None).unwrap();
    let counts = json!({ "compounds": 4, "compoundsEnclosed": 4, "keyAreaArrivals": 4, "keyAreaHomeIsolated": 4,
        "closeContacts": 4, "closeContactsQuarantined": 4, "entrances": 4, "entrancesTwoWayChecked": 4,
        "rentalUnits": 4, "rentalUnitsRegistered": 4 });
    let mut indicators = 0;
    for r in d["rules"].as_array().unwrap().iter().filter(|r| r["kind"] == "indicator") {
        indicators += 1;
        let (id, said) = (r["id"].as_str().unwrap(), r["severity"].as_str().unwrap());
        let mut c = counts.clone();
        let numerator = r["reads"][0].as_str().unwrap().strip_prefix("units[].counts.").unwrap();
        c[numerator] = json!(3);
        let x = json!({ "date": "2020-02-12", "units": [ { "id": "G", "level": "grid", "name": "第1网格", "counts": c } ] });
        let a = serde_json::to_value(engine.evaluate_indicators_json(&x.to_string(), &o)).unwrap();
        let got = severity_of(&a, id, "/units/0");
        assert_eq!(got, [said], "{id}: describe says {said}, the engine reports {got:?}");
    }
    assert_eq!(indicators, 5);
}

/// describe's `decisions`: (value, label) pairs.
fn decision_words(engine: &Engine, subject: Subject, locale: Locale) -> Vec<(String, String)> {
    let d = engine.describe(subject, locale, None, None).unwrap();
    d["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["value"].as_str().unwrap().to_owned(), x["label"].as_str().unwrap().to_owned()))
        .collect()
}

/// Every district variant inherits the default pack's decision words.
fn every_variant_says(subject: Subject, word: &str) {
    for id in ["guangming-2020", "hangzhou-2020"] {
        let w = decision_words(&Engine::with_pack_id(id).unwrap(), subject, Locale::ZhCn);
        assert!(w.iter().any(|(_, l)| l == word), "{id}: {w:?}");
    }
}

/// Fourth audit: `describe('inspection').decisions` gave the filing's words (准予复工, 整改后复工),
/// so the inspection page wrote its own by hand. The pack's inspection words (domain.md §3.3:
/// 限期整改, 责令停工 / 暂缓复工) now come through describe, in every locale; filings keep theirs.
#[test]
fn an_inspection_describes_its_own_decision_words() {
    let engine = Engine::with_default_pack().unwrap();
    let words = |subject: Subject, locale: Locale| decision_words(&engine, subject, locale);
    let ins = words(Subject::Inspection, Locale::ZhCn);
    assert_eq!(
        ins,
        [
            ("incomplete", "待补充"),
            ("deferred", "责令停工（暂缓复工）"),
            ("conditional", "限期整改"),
            ("approved", "检查合格")
        ]
        .map(|(v, l)| (v.to_owned(), l.to_owned()))
    );
    assert!(words(Subject::Inspection, Locale::ZhTw).iter().any(|(_, l)| l == "責令停工（暫緩復工）"));
    assert!(words(Subject::Inspection, Locale::En).iter().any(|(_, l)| l == "Rectify by the deadlines"));
    let filing = words(Subject::Filing, Locale::ZhCn);
    assert!(filing.iter().any(|(v, l)| v == "approved" && l == "准予复工"), "{filing:?}");
    // Every variant inherits them.
    every_variant_says(Subject::Inspection, "限期整改");
}

/// Twelfth session: screening and indicators took the filing's decision words too — a screening
/// with nothing to act on read 准予复工 (approved to resume work), a district's indicators 整改后复工.
/// Each kind now has its own words in the pack (`value:screening.decision.*`,
/// `value:indicators.decision.*`), in every locale, and neither says 复工; zh-TW says
/// 待補正 for every kind's `incomplete` (the inspection's said 待補充).
#[test]
fn screening_and_indicators_describe_their_own_decision_words() {
    let engine = Engine::with_default_pack().unwrap();
    let words = |subject: Subject, locale: Locale| decision_words(&engine, subject, locale);
    let pairs = |p: [(&str, &str); 4]| p.map(|(v, l)| (v.to_owned(), l.to_owned())).to_vec();
    assert_eq!(
        words(Subject::Screening, Locale::ZhCn),
        pairs([("incomplete", "待补充"), ("deferred", "须处置"), ("conditional", "需关注"), ("approved", "未见异常")])
    );
    assert_eq!(
        words(Subject::Indicators, Locale::ZhCn),
        pairs([
            ("incomplete", "待补充"),
            ("deferred", "数据有误"),
            ("conditional", "未全部达标"),
            ("approved", "全部达标")
        ])
    );
    for subject in [Subject::Indicators, Subject::Screening] {
        for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
            let w = words(subject, locale);
            assert_eq!(w.len(), 4, "{subject:?} {locale:?}");
            assert!(!w.iter().any(|(_, l)| l.contains("复工") || l.contains("復工") || l.contains("resume")), "{w:?}");
        }
    }
    for subject in [Subject::Filing, Subject::Inspection, Subject::Indicators, Subject::Screening] {
        let w = words(subject, Locale::ZhTw);
        assert!(w.contains(&("incomplete".to_owned(), "待補正".to_owned())), "{subject:?}: {w:?}");
    }
    assert!(words(Subject::Screening, Locale::En).iter().any(|(v, l)| v == "approved" && l == "No concern"));
    every_variant_says(Subject::Screening, "未见异常");
}

/// describe's `requiredWhen` (twelfth session): the fields a rule needs only in some cases, with
/// the rule and the fields its condition reads. Each is shown to the engine: with its condition
/// false the field may be left out; with it true, leaving it out is `field.required` from that rule.
#[test]
fn required_when_names_the_rule_that_asks_and_the_engine_asks_then() {
    let engine = Engine::with_default_pack().unwrap();
    let on = chrono::NaiveDate::from_ymd_opt(2020, 2, 4);
    let d = engine.describe(Subject::Filing, Locale::ZhCn, None, on).unwrap();
    let when: BTreeMap<String, Value> = d["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.get("requiredWhen").map(|w| (f["id"].as_str().unwrap().to_owned(), w.clone())))
        .collect();
    // field → (the rule, a field its condition reads, a patch making the condition true).
    let cases: [(&str, &str, &str, Value); 11] = [
        ("enterprise.whitelisted", "RTW-T2", "plannedResumption", json!({ "plannedResumption": "2020-02-09" })),
        (
            "measures.canteen.present",
            "RTW-P9",
            "measures.canteen.staggered",
            json!({ "measures": { "canteen": { "staggered": false, "boxedMeals": true } } }),
        ),
        (
            "measures.canteen.boxedMeals",
            "RTW-P9",
            "measures.canteen.present",
            json!({ "measures": { "canteen": { "present": true, "staggered": true, "dispersedDining": false } } }),
        ),
        (
            "measures.isolationRooms",
            "RTW-P6",
            "staff.keyArea.returned",
            json!({ "staff": { "keyArea": { "returned": 1 } } }),
        ),
        (
            "measures.singleRoomIsolation",
            "RTW-P6",
            "staff.keyArea.returned",
            json!({ "staff": { "keyArea": { "returned": 1 } } }),
        ),
        (
            "measures.canteen.staggered",
            "RTW-P9",
            "measures.canteen.present",
            json!({ "measures": { "canteen": { "present": true, "boxedMeals": true } } }),
        ),
        (
            "measures.dormitory.rooms",
            "RTW-P8",
            "measures.dormitory",
            json!({ "measures": { "dormitory": { "residents": 10, "areaM2": 50 } } }),
        ),
        (
            "measures.dormitory.residents",
            "RTW-P8",
            "measures.dormitory",
            json!({ "measures": { "dormitory": { "rooms": 2, "areaM2": 50 } } }),
        ),
        (
            "measures.dormitory.areaM2",
            "RTW-P8",
            "measures.dormitory.residents",
            json!({ "measures": { "dormitory": { "rooms": 2, "residents": 10 } } }),
        ),
        (
            "openRectifications[].resolved",
            "RTW-G5",
            "openRectifications[].deadline",
            json!({ "openRectifications": [{ "itemId": "INS-S4-1", "deadline": "2020-02-01", "resolved": false }] }),
        ),
        (
            "roster[].arrivedOn",
            "RTW-T3",
            "roster[].keyAreaHistory",
            json!({ "roster": [{ "name": "王某", "returning": true, "keyAreaHistory": true, "closeContact": false }] }),
        ),
    ];
    assert_eq!(
        when.keys().collect::<BTreeSet<_>>(),
        cases.iter().map(|c| c.0.to_owned()).collect::<BTreeSet<_>>().iter().collect()
    );
    let merge = |base: &mut Value, patch: &Value| {
        fn go(b: &mut Value, p: &Value) {
            match (b, p) {
                (Value::Object(b), Value::Object(p)) => {
                    p.iter().for_each(|(k, v)| go(b.entry(k.clone()).or_insert(Value::Null), v))
                }
                (b, p) => *b = p.clone(),
            }
        }
        go(base, patch)
    };
    let remove = |v: &mut Value, id: &str| {
        let parts: Vec<&str> = id.split('.').collect();
        let (last, parents) = parts.split_last().unwrap();
        let mut at = v;
        for p in parents {
            at = if let Some(arr) = p.strip_suffix("[]") { &mut at[arr][0] } else { &mut at[*p] };
        }
        at.as_object_mut().unwrap().remove(*last);
    };
    let asked = |a: &Value, rule: &str| {
        a["diagnostics"].as_array().unwrap().iter().any(|x| x["code"] == "field.required" && x["ruleId"] == rule)
    };
    for (field, rule, reads, patch) in &cases {
        let w = &when[*field];
        assert!(
            w.as_array()
                .unwrap()
                .iter()
                .any(|e| e["rule"] == *rule && e["fields"].as_array().unwrap().contains(&json!(reads))),
            "{field}: {w}"
        );
        let pointer = format!("/{}", field.replace("[]", "/0").replace('.', "/"));
        let mut f = workshop();
        merge(&mut f, patch);
        remove(&mut f, field);
        let a = answer(&engine, &f, &opts(Locale::ZhCn));
        let at: Vec<&Value> =
            a["diagnostics"].as_array().unwrap().iter().filter(|x| x["path"] == pointer.as_str()).collect();
        assert!(at.iter().any(|x| x["code"] == "field.required" && x["ruleId"] == *rule), "{field}: {at:?}");
        // Without the condition (the workshop: no key-area staff, no canteen, dormitory or roster), never asked.
        let mut g = workshop();
        if *field == "measures.canteen.present" {
            // Its condition: the canteen's answers falling short without it.
            g["measures"]["canteen"] = json!({ "staggered": true, "boxedMeals": true });
        } else if !field.starts_with("roster") && g.pointer(&pointer).is_some() {
            remove(&mut g, field);
        }
        assert!(!asked(&answer(&engine, &g, &opts(Locale::ZhCn)), rule), "{field}");
    }
    // Always-required fields carry no requiredWhen.
    assert!(d["fields"].as_array().unwrap().iter().all(|f| f["required"] == false || f.get("requiredWhen").is_none()));
}

/// describe's `parameters`: the version's, so Hangzhou's 3 lead days reach a page (twelfth
/// session: nothing in describe told them from Shenzhen's 5).
#[test]
fn describe_gives_the_versions_parameters() {
    for (id, lead) in [("shenzhen-2020", 5), ("guangming-2020", 5), ("hangzhou-2020", 3)] {
        let e = Engine::with_pack_id(id).unwrap();
        let d = e.describe(Subject::Filing, Locale::En, None, None).unwrap();
        assert_eq!(d["parameters"]["leadDays"], lead, "{id}");
        assert_eq!(d["parameters"]["feverTemperature"], 37.3, "{id}");
        assert!(d["parameters"]["districts"].as_array().is_some_and(|a| !a.is_empty()), "{id}");
    }
}

/// A kind's date missing (absent, `null` or blank) is asked for once, at its path (domain.md §7),
/// never again by the rule that keeps it from being after today (twelfth session: INS-D1 and
/// IND-D1 asked for the date a second time, beside the engine's own `field.required`).
#[test]
fn a_missing_date_is_asked_for_once_in_every_kind() {
    let engine = Engine::with_default_pack().unwrap();
    let read =
        |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(common::root().join(p)).unwrap()).unwrap() };
    let o = opts(Locale::ZhCn);
    for blank in [Value::Null, json!(""), json!(" ")] {
        let cases: [(&str, &str, Value); 4] = [
            ("filing", "filedOn", read("examples/filings/workshop.json")),
            ("inspection", "inspectedOn", read("examples/inspections/factory-all-pass.json")),
            ("indicators", "date", read("examples/indicators/guangming-district.json")),
            ("screening", "declaredOn", read("examples/screening/normal.json")),
        ];
        for (kind, field, mut input) in cases {
            input[field] = blank.clone();
            let text = input.to_string();
            let a = match kind {
                "filing" => serde_json::to_value(engine.check_filing_json(&text, &o)),
                "inspection" => serde_json::to_value(engine.score_inspection_json(&text, &o)),
                "indicators" => serde_json::to_value(engine.evaluate_indicators_json(&text, &o)),
                _ => serde_json::to_value(engine.screen_person_json(&text, &o)),
            }
            .unwrap();
            let at: Vec<&Value> =
                a["diagnostics"].as_array().unwrap().iter().filter(|d| d["path"] == format!("/{field}")).collect();
            assert_eq!(at.len(), 1, "{kind} {blank}: {at:?}");
            assert_eq!(at[0]["code"], "field.required", "{kind}");
            assert_eq!(a["decision"], "incomplete", "{kind}");
        }
    }
}

/// Indicators: each count of a pair is `requiredWhen` its partner is given, and the engine asks
/// for it then (IND-1 … IND-5), from the rule describe names.
#[test]
fn each_count_of_a_pair_is_required_when_its_partner_is_given() {
    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Indicators, Locale::ZhCn, None, None).unwrap();
    let mut seen = 0;
    for f in d["fields"].as_array().unwrap() {
        let Some(w) = f.get("requiredWhen") else { continue };
        let (id, rule) = (f["id"].as_str().unwrap(), w[0]["rule"].as_str().unwrap());
        let partner = w[0]["fields"][0].as_str().unwrap();
        let (count, other) = (id.rsplit('.').next().unwrap(), partner.rsplit('.').next().unwrap());
        let report = json!({ "date": "2020-02-04", "units": [{ "id": "G1", "counts": { other: 3 } }] });
        let a =
            serde_json::to_value(engine.evaluate_indicators_json(&report.to_string(), &opts(Locale::ZhCn))).unwrap();
        let at = format!("/units/0/counts/{count}");
        assert!(
            a["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["path"] == at.as_str() && x["code"] == "field.required" && x["ruleId"] == rule),
            "{id} ({rule}) when {partner} is given: {a}"
        );
        seen += 1;
    }
    assert_eq!(seen, 10, "five pairs, both ways");
}

/// A community checklist item given is answered like an inspection's item: describe requires its
/// result, as the engine asks for it (twenty-first session: it was `required: false`, so a form
/// neither marked the question nor could place the item's message under its result).
#[test]
fn describe_indicators_requires_a_checklist_items_result_as_the_engine_asks() {
    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Indicators, Locale::ZhCn, None, None).unwrap();
    let field = |id: &str| d["fields"].as_array().unwrap().iter().find(|f| f["id"] == id).cloned().unwrap();
    assert_eq!(field("units[].checklist.*.result")["required"], true);
    for id in ["units[].checklist", "units[].checklist.*.evidence", "units[].checklist.*.note"] {
        assert_eq!(field(id)["required"], false, "{id}");
    }
    let counts: serde_json::Map<String, Value> =
        fangkong::schema::INDICATOR_COUNTS.iter().map(|c| ((*c).to_owned(), json!(2))).collect();
    let asked = |checklist: Value| -> Vec<String> {
        let report = json!({ "date": "2020-02-12", "units": [{ "id": "G1", "level": "grid", "name": "一网格", "counts": counts, "checklist": checklist }] });
        let a =
            serde_json::to_value(engine.evaluate_indicators_json(&report.to_string(), &opts(Locale::ZhCn))).unwrap();
        each_of(&a, "field.required", "path")
    };
    let all: serde_json::Map<String, Value> =
        (1..=10).map(|i| (format!("IND-R{i}"), json!({ "result": "pass" }))).collect();
    assert_eq!(asked(Value::Object(all.clone())), Vec::<String>::new());
    let mut noted = all;
    noted.insert("IND-R1".into(), json!({ "note": "出入口已设登记卡" }));
    assert_eq!(asked(Value::Object(noted)), ["/units/0/checklist/IND-R1/result"]);
}

/// An inspection's form says what the engine asks for (audit 1, thirteenth session: every item's
/// result, `keyAreaStaffReturned` and a carried-over rectification's item and deadline were
/// `required: false` with no hint, yet the answer asks for each).
#[test]
fn describe_inspection_requires_what_the_engine_asks_for() {
    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Inspection, Locale::ZhCn, None, None).unwrap();
    let field = |id: &str| d["fields"].as_array().unwrap().iter().find(|f| f["id"] == id).cloned().unwrap();
    for id in ["answers.*.result", "previous[].rectifications[].itemId", "previous[].rectifications[].deadline"] {
        assert_eq!(field(id)["required"], true, "{id}");
    }
    // Asked for however INS-S3-3 is answered, or while it is not (inspection audit, thirty-fourth
    // session: it was `requiredWhen` the item's result, as the engine then asked).
    assert_eq!(field("keyAreaStaffReturned")["required"], true);
    assert!(field("keyAreaStaffReturned").get("requiredWhen").is_none_or(Value::is_null));

    let o = Options::at(parse_now("2020-02-12T18:00:00+08:00").unwrap());
    let base: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("examples/inspections/factory-all-pass.json")).unwrap(),
    )
    .unwrap();
    let asked = |v: &Value| -> Vec<(String, String)> {
        let a = serde_json::to_value(engine.score_inspection_value(v, &o)).unwrap();
        a["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["code"] == "field.required")
            .map(|x| (x["ruleId"].as_str().unwrap().to_owned(), x["path"].as_str().unwrap().to_owned()))
            .collect()
    };
    // Every item's result: an item left out is asked for.
    let mut v = base.clone();
    v["answers"].as_object_mut().unwrap().remove("INS-S5-2");
    assert_eq!(asked(&v), [("INS-S5-2".to_owned(), "/answers/INS-S5-2".to_owned())]);
    // keyAreaStaffReturned, once INS-S3-3 is answered: whether it counts or is `na` is the flag's
    // (a `pass` too: scored as given, 90 was approved where the item is na at 89.47 without
    // key-area staff; sixteenth session audit). While INS-S3-3 is unanswered too, with it: the
    // flag is needed however the item is answered (thirty-fourth session).
    let mut v = base.clone();
    v.as_object_mut().unwrap().remove("keyAreaStaffReturned");
    for result in ["na", "pass", "fail"] {
        v["answers"]["INS-S3-3"] = json!({ "result": result });
        assert_eq!(asked(&v), [("INS-S3-3".to_owned(), "/keyAreaStaffReturned".to_owned())], "{result}");
    }
    v["answers"].as_object_mut().unwrap().remove("INS-S3-3");
    assert_eq!(
        asked(&v),
        [
            ("INS-S3-3".to_owned(), "/keyAreaStaffReturned".to_owned()),
            ("INS-S3-3".to_owned(), "/answers/INS-S3-3".to_owned())
        ]
    );
    // A carried-over rectification without its item, or its deadline.
    let mut v = base.clone();
    v["previous"] = json!([{ "inspectedOn": "2020-02-08", "rectifications": [{ "deadline": "2020-02-09" }, { "itemId": "INS-S2-1" }] }]);
    v["answers"]["INS-S2-1"] = json!({ "result": "fail" });
    assert_eq!(
        asked(&v).into_iter().map(|(_, p)| p).collect::<Vec<_>>(),
        ["/previous/0/rectifications/0/itemId", "/previous/0/rectifications/1/deadline"]
    );
}

/// A yes/no field's `enum` gives the values the input takes: JSON booleans (audit 1: the texts
/// "true" and "false", which the engine refuses as the wrong type).
#[test]
fn a_yes_no_fields_enum_values_are_what_the_engine_takes() {
    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Filing, Locale::ZhCn, None, None).unwrap();
    let f = d["fields"].as_array().unwrap().iter().find(|f| f["id"] == "enterprise.whitelisted").unwrap();
    assert_eq!(f["type"], "boolean");
    assert_eq!(f["enum"], json!([{ "value": true, "label": "是" }, { "value": false, "label": "否" }]));
    for o in f["enum"].as_array().unwrap() {
        let mut v = workshop();
        v["enterprise"]["whitelisted"] = o["value"].clone();
        let a = answer(&engine, &v, &opts(Locale::ZhCn));
        assert!(
            !a["diagnostics"].as_array().unwrap().iter().any(|x| x["path"] == "/enterprise/whitelisted"),
            "{o}: {a}"
        );
    }
}

/// A form's blank input is missing wherever it stands, as `null` is: in place of an object or a
/// list too (audit 1: `"staff": ""` was `input.invalid_type`, deferred, with its counts not asked).
#[test]
fn a_blank_object_or_list_is_missing_as_null_is() {
    let engine = Engine::with_default_pack().unwrap();
    let o = opts(Locale::ZhCn);
    for (key, blank) in [("staff", ""), ("roster", " "), ("supplies", "\u{3000}"), ("openRectifications", "")] {
        let (mut with_blank, mut with_null) = (workshop(), workshop());
        with_blank[key] = json!(blank);
        with_null[key] = Value::Null;
        let (a, b) = (answer(&engine, &with_blank, &o), answer(&engine, &with_null, &o));
        assert_eq!(a, b, "{key}: {blank:?}");
        assert!(!a["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "input.invalid_type"), "{a}");
    }
    // Not blank: still the wrong type.
    let mut v = workshop();
    v["staff"] = json!("12");
    let a = answer(&engine, &v, &o);
    assert!(
        a["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "input.invalid_type" && d["path"] == "/staff")
    );
    // The other kinds alike.
    let ins: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("examples/inspections/factory-all-pass.json")).unwrap(),
    )
    .unwrap();
    let io = Options::at(parse_now("2020-02-12T18:00:00+08:00").unwrap());
    let (mut with_blank, mut without) = (ins.clone(), ins);
    with_blank["previous"] = json!("");
    without.as_object_mut().unwrap().remove("previous");
    assert_eq!(
        serde_json::to_value(engine.score_inspection_value(&with_blank, &io)).unwrap(),
        serde_json::to_value(engine.score_inspection_value(&without, &io)).unwrap()
    );
}

/// English messages agree with their numbers without "(s)" (audit 1: "1 entrance(s) …"): a count
/// stands after a colon ("entrances without two-way temperature checks: 1").
#[test]
fn no_english_message_hedges_a_plural() {
    for id in ["shenzhen-2020", "guangming-2020", "hangzhou-2020"] {
        let engine = Engine::with_pack_id(id).unwrap();
        for p in engine.packs() {
            let en = &p.json["messages"]["en"];
            for (code, m) in en.as_object().into_iter().flatten() {
                for text in [&m["message"], &m["help"]] {
                    assert!(!text.as_str().unwrap_or_default().contains("(s)"), "{id} {code}: {text}");
                }
            }
        }
    }
}

/// Issue 7 §4: a field's limits (min, max) reach the page from the pack. The temperature's range
/// is SCR-D3's, from the pack's parameters: `describe` gives it as `min`/`max`, the values on
/// either side of each bound are accepted or refused by the engine exactly there, and a variant
/// that moves a bound moves the limit, the message's numbers and the rule's title with it (no
/// number copied into words). A one-sided requirement (RTW-P1's team of at least 2) is no limit.
#[test]
fn describe_limits_a_number_to_the_range_the_engine_checks() {
    let field = |d: &Value, id: &str| d["fields"].as_array().unwrap().iter().find(|f| f["id"] == id).cloned().unwrap();
    let o = Options::at(parse_now("2020-02-12T10:00:00+08:00").unwrap());
    let implausible = |engine: &Engine, t: f64| -> Vec<String> {
        let decl = json!({ "declaredOn": "2020-02-12", "symptoms": { "temperature": t } });
        let a = serde_json::to_value(engine.screen_person_json(&decl.to_string(), &o)).unwrap();
        each_of(&a, "screening.temperature_implausible", "message")
    };
    let title =
        |d: &Value| d["rules"].as_array().unwrap().iter().find(|r| r["id"] == "SCR-D3").unwrap()["title"].clone();

    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Screening, Locale::ZhCn, None, None).unwrap();
    let t = field(&d, "symptoms.temperature");
    assert_eq!((&t["min"], &t["max"]), (&json!(34), &json!(43)), "{t}");
    assert_eq!(title(&d), "体温读数在合理范围内（34–43℃）");
    for ok in [34.0, 36.5, 43.0] {
        assert!(implausible(&engine, ok).is_empty(), "{ok} is within the limits describe gives");
    }
    for bad in [33.9, 43.1, 99.5] {
        assert_eq!(implausible(&engine, bad), ["体温读数不合理（不在34–43℃之间），请重新测量"], "{bad}");
    }
    // A threshold is a requirement, not a limit: the team size has its count's range, 0 to
    // 2^53 − 1 (the most a count may be: describe audit, thirty-second session), not RTW-P1's 2.
    let f = engine.describe(Subject::Filing, Locale::ZhCn, None, None).unwrap();
    let team = field(&f, "measures.preventionTeamSize");
    assert_eq!((&team["min"], &team["max"]), (&json!(0), &json!(9_007_199_254_740_991_u64)), "{team}");
    for (count, refused) in [(9_007_199_254_740_991_u64, false), (9_007_199_254_740_992, true)] {
        let filing = json!({ "measures": { "preventionTeamSize": count } }).to_string();
        let a = serde_json::to_value(engine.check_filing_json(&filing, &o)).unwrap();
        let at_team = |d: &&Value| d["path"] == "/measures/preventionTeamSize" && d["code"] == "count.too_large";
        assert_eq!(a["diagnostics"].as_array().unwrap().iter().any(|d| at_team(&d)), refused, "{count}: {a}");
    }

    let variant = json!({ "id": "cold-north", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
                          "parameters": { "plausibleTemperatureMax": { "value": 42 } } });
    let north = Engine::from_pack_json(&variant.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let d = north.describe(Subject::Screening, Locale::En, None, None).unwrap();
    assert_eq!(field(&d, "symptoms.temperature")["max"], json!(42));
    assert_eq!(title(&d), "Temperature reading plausible (34–42 °C)");
    assert_eq!(implausible(&north, 42.5), ["体温读数不合理（不在34–42℃之间），请重新测量"]);
    assert!(implausible(&engine, 42.5).is_empty());
}

/// describe's `{value, label}` pairs of one list, as (value, label).
fn words_of(d: &Value, list: &str) -> Vec<(String, String)> {
    d[list]
        .as_array()
        .unwrap_or_else(|| panic!("describe has no {list}: {d}"))
        .iter()
        .map(|x| (x["value"].as_str().unwrap().to_owned(), x["label"].as_str().unwrap().to_owned()))
        .collect()
}

/// Twentieth session: the dashboard wrote 已达100% / 未达标 / 不适用 / 数据有误 / 缺报 by hand, and
/// no page could word a re-inspection's `resolved` / `overdue` / `open`, a severity or a gate's
/// `passed` from the engine: words of the answer that only the pack should hold (the pack had
/// the severities' and gates' words, which describe did not give). describe now gives
/// `statuses` (indicators), `reinspection` (inspections), `severities` (every kind) and
/// `gateStates` (filings) from the pack's labels, in every locale and variant; every value an
/// answer gives is among them, with a word that is not its value.
#[test]
fn describe_words_every_status_an_answer_gives() {
    let day = |d: &str| Options::at(parse_now(d).unwrap());
    // Indicators: one report with every status (met, short, not applicable, invalid, missing).
    let report = json!({ "date": "2020-02-12", "units": [
        { "id": "C", "level": "community", "name": "社区" },
        { "id": "G1", "parent": "C", "level": "grid", "name": "网格1", "counts": {
            "compounds": 12, "compoundsEnclosed": 12, "keyAreaArrivals": 5, "keyAreaHomeIsolated": 6,
            "closeContacts": 0, "closeContactsQuarantined": 0, "entrances": 4, "entrancesTwoWayChecked": 3,
            "rentalUnits": 160, "rentalUnitsRegistered": 157 } },
        { "id": "G2", "parent": "C", "level": "grid", "name": "网格2" } ] });
    // An inspection whose previous rectifications are resolved, overdue and open.
    let mut inspection: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("examples/inspections/factory-all-pass.json")).unwrap(),
    )
    .unwrap();
    inspection["inspectedOn"] = json!("2020-02-12");
    inspection["answers"]["INS-S4-2"]["result"] = json!("fail");
    inspection["answers"]["INS-S4-3"]["result"] = json!("partial");
    inspection["previous"] = json!([{ "inspectedOn": "2020-02-08", "rectifications": [
        { "itemId": "INS-S4-1", "deadline": "2020-02-09", "resolved": false },
        { "itemId": "INS-S4-2", "deadline": "2020-02-11", "resolved": false },
        { "itemId": "INS-S4-3", "deadline": "2020-02-20", "resolved": false } ] }]);
    for pack_id in ["shenzhen-2020", "guangming-2020", "hangzhou-2020"] {
        let engine = Engine::with_pack_id(pack_id).unwrap();
        for locale in LOCALES {
            let o = day("2020-02-12T20:00:00+08:00").locale(locale);
            let d = engine.describe(Subject::Indicators, locale, None, None).unwrap();
            let words = words_of(&d, "statuses");
            let a = serde_json::to_value(engine.evaluate_indicators_json(&report.to_string(), &o)).unwrap();
            let given: BTreeSet<String> = a["units"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|u| u["indicators"].as_array().unwrap())
                .map(|i| i["status"].as_str().unwrap().to_owned())
                .collect();
            assert_eq!(given.len(), 5, "{pack_id}: the report gives every status: {given:?}");
            for s in &given {
                let w = words.iter().find(|(v, _)| v == s);
                assert!(w.is_some_and(|(v, l)| l != v && !l.is_empty()), "{pack_id} {locale:?}: {s} in {words:?}");
            }
            let d = engine.describe(Subject::Inspection, locale, None, None).unwrap();
            let words = words_of(&d, "reinspection");
            let a = serde_json::to_value(engine.score_inspection_json(&inspection.to_string(), &o)).unwrap();
            let given: Vec<&str> =
                a["reinspection"].as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap()).collect();
            assert_eq!(given, ["resolved", "overdue", "open"], "{pack_id}: {a}");
            for s in given {
                let w = words.iter().find(|(v, _)| v == s);
                assert!(w.is_some_and(|(v, l)| l != v && !l.is_empty()), "{pack_id} {locale:?}: {s} in {words:?}");
            }
        }
    }
    // Every kind: the words of each severity an answer gives; filings: of a gate's `passed`.
    let engine = Engine::with_default_pack().unwrap();
    for locale in LOCALES {
        let o = opts(locale);
        let empty = answer(&engine, &json!({}), &o);
        let mut wrong = workshop();
        wrong["enterprise"]["creditCode"] = json!("91440311MA5G0K3P1X");
        wrong["supplies"]["masks"] = json!(1);
        let wrong = answer(&engine, &wrong, &o);
        for k in KINDS {
            let d = engine.describe(k, locale, None, None).unwrap();
            let words = words_of(&d, "severities");
            assert_eq!(words.iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>(), ["error", "warning", "info"]);
            assert!(words.iter().all(|(v, l)| !l.is_empty() && !l.eq(v)), "{locale:?} {k:?}: {words:?}");
        }
        let d = engine.describe(Subject::Filing, locale, None, None).unwrap();
        let states: Vec<(Value, String)> = d["gateStates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (x["value"].clone(), x["label"].as_str().unwrap().to_owned()))
            .collect();
        for a in [&empty, &wrong] {
            for g in a["gates"].as_array().unwrap() {
                let w = states.iter().find(|(v, _)| *v == g["passed"]);
                assert!(w.is_some_and(|(_, l)| !l.is_empty()), "{locale:?}: {g} in {states:?}");
            }
        }
        let seen: BTreeSet<String> = [&empty, &wrong]
            .iter()
            .flat_map(|a| a["gates"].as_array().unwrap().iter().map(|g| g["passed"].to_string()))
            .collect();
        assert_eq!(seen.len(), 3, "the two filings give every state: {seen:?}");
    }
    let zh = engine.describe(Subject::Indicators, Locale::ZhCn, None, None).unwrap();
    assert!(words_of(&zh, "statuses").contains(&("missing".to_owned(), "缺报".to_owned())));
    assert!(words_of(&zh, "severities").contains(&("info".to_owned(), "提示".to_owned())));
    let tw = engine.describe(Subject::Inspection, Locale::ZhTw, None, None).unwrap();
    assert!(words_of(&tw, "reinspection").contains(&("overdue".to_owned(), "逾期未改善".to_owned())));
}

/// Describe audit, thirty-second session: a rule's `reads` are the fields its diagnostics depend
/// on. 26 of the 27 inspection items read nothing by `describe`, though an item's result, its
/// evidence and the rectifications carried over for it decide what it reports; the checklist
/// items likewise; an indicator reads the unit (the roll-up) and every count (a unit that gives
/// any is asked for the others, which each count's `requiredWhen` now lists); a screen rule reads
/// what the rules tried before it read (a fever decides before a close contact). Each listed read
/// is shown to move the rule here.
#[test]
fn a_rules_reads_are_what_its_diagnostics_depend_on() {
    let engine = Engine::with_default_pack().unwrap();
    let o = Options::at(parse_now("2020-02-12T10:00:00+08:00").unwrap());
    let reads = |d: &Value, id: &str| -> Vec<String> {
        let r = d["rules"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap();
        r["reads"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_owned()).collect()
    };
    let by = |a: &Value, rule: &str| -> Vec<String> {
        let ds = a["diagnostics"].as_array().unwrap().iter().filter(|d| d["ruleId"] == rule);
        ds.map(|d| format!("{} {}", d["code"], d["path"])).collect()
    };

    let insp = engine.describe(Subject::Inspection, Locale::En, None, None).unwrap();
    for f in ["answers.*.result", "answers.*.evidence", "inspectedOn", "previous[].rectifications[].deadline"] {
        assert!(reads(&insp, "INS-S1-3").contains(&f.to_owned()), "INS-S1-3 reads {f}");
    }
    let mut i =
        serde_json::from_str::<Value>(&std::fs::read_to_string("examples/inspections/factory-all-pass.json").unwrap())
            .unwrap();
    let pass = answer_of(&engine, Subject::Inspection, &i, &o);
    i["answers"]["INS-S1-3"]["result"] = json!("fail");
    assert_ne!(by(&pass, "INS-S1-3"), by(&answer_of(&engine, Subject::Inspection, &i, &o), "INS-S1-3"));

    let scr = engine.describe(Subject::Screening, Locale::En, None, None).unwrap();
    for f in ["symptoms.temperature", "declaredOn", "contactWithConfirmed"] {
        assert!(reads(&scr, "SCR-3").contains(&f.to_owned()), "SCR-3 reads {f}");
    }
    let decl = json!({ "declaredOn": "2020-02-12", "visitedEpidemicArea": true, "leftAreaOn": "2020-02-10",
                       "contactWithAreaPeople": false, "contactWithConfirmed": false, "attendedGatherings": false,
                       "symptoms": { "temperature": 36.5, "dryCough": false, "fatigue": false } });
    let mut fever = decl.clone();
    fever["symptoms"]["temperature"] = json!(38.2);
    let (a, b) =
        (answer_of(&engine, Subject::Screening, &decl, &o), answer_of(&engine, Subject::Screening, &fever, &o));
    assert!(!by(&a, "SCR-3").is_empty() && by(&b, "SCR-3").is_empty(), "a fever decides before SCR-3: {b}");

    let ind = engine.describe(Subject::Indicators, Locale::En, None, None).unwrap();
    for f in ["units[].parent", "units[].counts.rentalUnits", "units[].id"] {
        assert!(reads(&ind, "IND-1").contains(&f.to_owned()), "IND-1 reads {f}");
    }
    let field = ind["fields"].as_array().unwrap().iter().find(|f| f["id"] == "units[].counts.compounds").unwrap();
    let when = field["requiredWhen"][0]["fields"].as_array().unwrap();
    assert!(when.contains(&json!("units[].counts.closeContacts")), "{field}");
    let report = json!({ "date": "2020-02-12", "units": [{ "id": "G", "counts": { "closeContacts": 1, "closeContactsQuarantined": 1 } }] });
    let a = answer_of(&engine, Subject::Indicators, &report, &o);
    assert!(
        by(&a, "IND-1").iter().any(|d| d.contains("field.required") && d.contains("/units/0/counts/compounds")),
        "{a}"
    );
}

fn answer_of(engine: &Engine, subject: Subject, input: &Value, o: &Options) -> Value {
    let text = input.to_string();
    match subject {
        Subject::Inspection => serde_json::to_value(engine.score_inspection_json(&text, o)),
        Subject::Indicators => serde_json::to_value(engine.evaluate_indicators_json(&text, o)),
        Subject::Screening => serde_json::to_value(engine.screen_person_json(&text, o)),
        Subject::Filing => serde_json::to_value(engine.check_filing_json(&text, o)),
    }
    .unwrap()
}

/// A value of the wrong type is told how to write one of the right type, in its words: a yes/no
/// is asked to choose yes or no, a date to give year-month-day, a group to fill in its fields, a
/// count to give digits (filings audit, thirty-fifth session: every type was told "a count, in
/// digits only", the help of `input.invalid_type` itself). The hints are the pack's
/// (`value:type.*`), so a pack words them.
#[test]
fn a_value_of_the_wrong_type_is_told_how_to_write_the_right_one() {
    let engine = Engine::with_default_pack().unwrap();
    let workshop: Value =
        serde_json::from_str(&std::fs::read_to_string(common::root().join("examples/filings/workshop.json")).unwrap())
            .unwrap();
    // (pointer, wrong value, expected type, a word its zh-CN help holds, its en help's)
    let cases = [
        ("/measures/emergencyPlan", json!("true"), "boolean", "是或否", "yes or no"),
        ("/plannedResumption", json!(20200210), "date", "年-月-日", "year-month-day"),
        ("/contacts", json!(7), "object", "各栏", "each of its fields"),
        ("/supplies/masks", json!(true), "number", "数字", "digits"),
        ("/roster", json!({}), "array", "逐条", "a list"),
    ];
    let mut helps = BTreeSet::new();
    for (pointer, wrong, expected, zh, en) in cases.clone() {
        let mut filing = workshop.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        filing.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_owned(), wrong);
        for (locale, word) in [(Locale::ZhCn, zh), (Locale::En, en)] {
            let a = answer(&engine, &filing, &opts(locale));
            let d = a["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["code"] == "input.invalid_type" && d["path"] == pointer)
                .unwrap_or_else(|| panic!("{pointer}: no input.invalid_type in {a}"));
            assert_eq!(d["params"]["expected"], expected, "{pointer}");
            let help = d["help"].as_str().unwrap();
            assert!(help.contains(word), "{pointer} ({locale:?}): the help {help:?} does not say {word:?}");
            helps.insert(help.to_owned());
        }
    }
    assert_eq!(helps.len(), 2 * cases.len(), "each type has its own help in each locale: {helps:?}");
}

/// Seeds audit, thirty-sixth session: the words of an inspection's own answer parts (日查日报,
/// the re-inspection date …) come from the pack, as every other word a page shows; a 十个一律
/// item's 不适用 is not told of veto items the checklist has none of; RTW-G6's title is the seed's
/// own wording (domain.md §2.5), as the other five gates' are.
#[test]
fn describe_gives_the_answers_own_words_and_the_seeds_gate_titles() {
    let engine = Engine::with_default_pack().unwrap();
    let words = |kind: Subject, locale: Locale, key: &str| -> Vec<(String, String, String)> {
        let d = engine.describe(kind, locale, None, None).unwrap();
        d[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} of {kind:?}"))
            .iter()
            .map(|o| {
                let s = |k: &str| o[k].as_str().unwrap_or_default().to_owned();
                (s("value"), s("label"), s("hint"))
            })
            .collect()
    };
    let answer = words(Subject::Inspection, Locale::ZhCn, "answer");
    let values: Vec<&str> = answer.iter().map(|(v, _, _)| v.as_str()).collect();
    assert_eq!(values, ["score", "sections", "rectifications", "reinspectBy", "dailyReporting", "support"]);
    let daily = answer.iter().find(|(v, _, _)| v == "dailyReporting").unwrap();
    assert_eq!((daily.1.as_str(), daily.2.as_str()), ("日查日报", "复查前，企业须每日自查并报告"));
    for locale in [Locale::ZhTw, Locale::En] {
        let other = words(Subject::Inspection, locale, "answer");
        assert!(other.iter().zip(&answer).all(|(o, a)| o.0 == a.0 && !o.1.is_empty() && o.1 != a.1), "{locale:?}");
    }
    for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
        let inspection = words(Subject::Inspection, locale, "results");
        let checklist = words(Subject::Indicators, locale, "results");
        let na = |w: &[(String, String, String)]| w.iter().find(|(v, _, _)| v == "na").unwrap().clone();
        assert_eq!(na(&checklist).1, na(&inspection).1, "the same word, {locale:?}");
        assert!(!na(&checklist).2.is_empty() && na(&checklist).2 != na(&inspection).2, "{locale:?}");
        assert!(
            !na(&checklist).2.contains("否决")
                && !na(&checklist).2.contains("否決")
                && !na(&checklist).2.contains("veto")
        );
    }
    let d = engine.describe(Subject::Filing, Locale::ZhCn, None, None).unwrap();
    let titles: Vec<&str> = d["gates"].as_array().unwrap().iter().map(|g| g["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "企业复工人数不清",
            "重点疫区从业人员不清",
            "物资保障不到位",
            "防疫机制落实不到位",
            "开工企业存在的问题没有得到整改",
            "无法联系到重点疫区的"
        ]
    );
}

/// Issue 10 point 7 names the address among personal fields: the site address is given back
/// normalised only with `personal`, and a pack may not put it into a message's params (messages
/// audit, thirty-sixth session: an individual business's site, 某某路8号 王五家, came back by
/// default, and a pack quoting it passed `lint-pack`).
#[test]
fn the_site_address_is_personal() {
    let engine = Engine::with_default_pack().unwrap();
    let text = std::fs::read_to_string(common::root().join("examples/filings/workshop.json")).unwrap();
    let mut f: Value = serde_json::from_str(&text).unwrap();
    f["enterprise"]["address"] = json!("深圳市光明区某某路８号");
    let paths = |personal: bool| -> Vec<String> {
        let mut o = opts(Locale::ZhCn);
        o.personal = personal;
        let a = answer(&engine, &f, &o);
        a["normalized"].as_array().unwrap().iter().map(|n| n["path"].as_str().unwrap().to_owned()).collect()
    };
    assert!(!paths(false).contains(&"/enterprise/address".to_owned()));
    assert!(paths(true).contains(&"/enterprise/address".to_owned()));
    assert!(fangkong::schema::PERSONAL_FIELDS.contains(&"enterprise.address"));
}

/// Describe audit, thirty-sixth session: INS-K5's diagnostics are at its two counts, which
/// `describe` lists as fields of their own; its `reads` names them, so a page links them to it.
#[test]
fn a_fact_of_counts_reads_its_counts() {
    let engine = Engine::with_default_pack().unwrap();
    let d = engine.describe(Subject::Inspection, Locale::ZhCn, None, None).unwrap();
    let k5 = d["rules"].as_array().unwrap().iter().find(|r| r["id"] == "INS-K5").unwrap();
    assert_eq!(k5["reads"], json!(["facts.knowledge", "facts.knowledge.sampled", "facts.knowledge.correct"]));
    let k1 = d["rules"].as_array().unwrap().iter().find(|r| r["id"] == "INS-K1").unwrap();
    assert_eq!(k1["reads"], json!(["facts.basics"]));
}
