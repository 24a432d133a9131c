//! Pack variants (`extends`) and versions (`effectiveFrom`), domain.md §2–§5 and issue 3 §4:
//! `guangming-2020` and `hangzhou-2020` override only what they change, `lint-pack` catches
//! an override of a rule or parameter the parent does not have, and the same submission
//! judged under the two `shenzhen-2020` versions gets two verdicts, each stamped with its
//! own version and hash.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::process::{Command, Output};

use fangkong::pack::doc::Subject;
use fangkong::pack::{PackErrorKind, merge_patch};
use fangkong::time::parse_now;
use fangkong::{Decision, Engine, Locale, Options};
use serde_json::{Value, json};

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn read_json(rel: &str) -> Value {
    serde_json::from_str(&read(rel)).unwrap()
}

fn fangkong(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fangkong")).args(args).current_dir(root()).output().unwrap()
}

fn stdout_json(out: &Output) -> Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn tmp(name: &str, text: &str) -> common::Tmp {
    common::tmp("fangkong-variants", name, text)
}

fn workshop(p: Value) -> Value {
    let mut v = read_json("examples/filings/workshop.json");
    merge_patch(&mut v, &p);
    v
}

/// A firm with one key-area employee who arrived 2020-04-05 (earliest start 2020-04-19),
/// planning to resume 2020-04-13.
fn april_filing(filed_on: &str) -> Value {
    workshop(json!({
        "filedOn": filed_on,
        "plannedResumption": "2020-04-13",
        "staff": { "total": 3, "returning": 2, "local": 1, "fromOutside": 1,
                   "keyArea": { "returned": 1, "isolationComplete": 0, "stillThere": 0, "unreachable": 0 } },
        "roster": [
            { "name": "张某某", "idNumber": "440306199203150015", "phone": "13912345678", "returning": true, "keyAreaHistory": false, "closeContact": false },
            { "name": "王某某", "idNumber": "420106199501010016", "phone": "13712345678", "returning": true, "keyAreaHistory": true, "closeContact": false, "arrivedOn": "2020-04-05" },
            { "name": "赵某某", "idNumber": "44030619900725102X", "phone": "15012345678", "returning": false, "keyAreaHistory": false, "closeContact": false }
        ]
    }))
}

fn opts(now: &str) -> Options {
    Options::at(parse_now(now).unwrap())
}

fn rule_ids(engine: &Engine, version: &str) -> Vec<String> {
    let p = engine.packs().find(|p| p.stamp.version == version).unwrap();
    p.rules.iter().map(|r| r.id.clone()).collect()
}

// ---------------------------------------------------------------- versions

#[test]
fn the_same_filing_under_two_versions_gets_two_verdicts_each_stamped() {
    let engine = Engine::with_default_pack().unwrap();
    let versions: Vec<(String, String)> =
        engine.packs().map(|p| (p.stamp.version.clone(), p.stamp.hash.clone())).collect();
    assert_eq!(
        versions.iter().map(|v| v.0.as_str()).collect::<Vec<_>>(),
        ["2020-02-10", "2020-04-07"],
        "shenzhen-2020 holds two versions"
    );
    let filing = april_filing("2020-04-07").to_string();
    let now = "2020-04-07T10:00:00+08:00";

    let old = engine.check_filing_json(&filing, &opts(now).pack_version("2020-02-10"));
    let new = engine.check_filing_json(&filing, &opts(now).pack_version("2020-04-07"));
    assert_eq!(old.decision, Decision::Conditional, "{:?}", old.diagnostics);
    assert!(old.diagnostics.iter().all(|d| d.rule_id == "RTW-T3"));
    assert_eq!(old.earliest_start.len(), 1);
    assert_eq!(old.earliest_start[0].earliest_start, "2020-04-19");
    assert_eq!(new.decision, Decision::Approved, "{:?}", new.diagnostics);
    assert!(new.diagnostics.is_empty() && new.earliest_start.is_empty());

    assert_eq!((old.pack.id.as_str(), old.pack.version.as_str()), ("shenzhen-2020", "2020-02-10"));
    assert_eq!((new.pack.id.as_str(), new.pack.version.as_str()), ("shenzhen-2020", "2020-04-07"));
    assert_eq!(old.pack.hash, versions[0].1);
    assert_eq!(new.pack.hash, versions[1].1);
    assert_ne!(old.pack.hash, new.pack.hash, "different rules, different hashes");
    for h in [&old.pack.hash, &new.pack.hash] {
        assert!(h.starts_with("sha256:") && h.len() == "sha256:".len() + 64, "{h}");
    }

    // Without forcing, the version in force on filedOn decides: 2020-04-06 vs 2020-04-07.
    let before = engine.check_filing_json(&april_filing("2020-04-06").to_string(), &opts("2020-04-06T10:00:00+08:00"));
    let after = engine.check_filing_json(&filing, &opts(now));
    assert_eq!((before.decision, before.pack.version.as_str()), (Decision::Conditional, "2020-02-10"));
    assert_eq!((after.decision, after.pack.version.as_str()), (Decision::Approved, "2020-04-07"));
    assert_eq!(after.pack.hash, new.pack.hash);
}

#[test]
fn the_cli_stamps_the_forced_version_and_its_hash() {
    let file = tmp("april.json", &april_filing("2020-04-07").to_string());
    let file = file.to_str().unwrap();
    let now = "2020-04-07T10:00:00+08:00";
    let old = stdout_json(&fangkong(&["check-filing", file, "--now", now, "--pack-version", "2020-02-10"]));
    let new = stdout_json(&fangkong(&["check-filing", file, "--now", now]));
    assert_eq!(old["decision"], "conditional");
    assert_eq!(old["pack"]["version"], "2020-02-10");
    assert_eq!(new["decision"], "approved");
    assert_eq!(new["pack"]["version"], "2020-04-07");
    assert_ne!(old["pack"]["hash"], new["pack"]["hash"]);
    let engine = Engine::with_default_pack().unwrap();
    for a in [&old, &new] {
        let v = a["pack"]["version"].as_str().unwrap();
        let p = engine.packs().find(|p| p.stamp.version == v).unwrap();
        assert_eq!(a["pack"]["hash"], p.stamp.hash.as_str(), "the CLI and the library agree on the hash");
    }
}

#[test]
fn version_2020_04_07_drops_only_rtw_t3() {
    let doc = read_json("packs/shenzhen-2020@2020-04-07.json");
    assert_eq!(doc["extends"], "shenzhen-2020@2020-02-10");
    assert_eq!(doc["removeRules"], json!(["RTW-T3"]));
    assert!(doc.get("rules").is_none() && doc.get("parameters").is_none(), "the new version restates nothing");
    let engine = Engine::with_default_pack().unwrap();
    let mut old = rule_ids(&engine, "2020-02-10");
    let new = rule_ids(&engine, "2020-04-07");
    old.retain(|r| r != "RTW-T3");
    assert_eq!(old, new);
    let (a, b) = (engine.packs().next().unwrap(), engine.packs().nth(1).unwrap());
    assert_eq!(a.params, b.params, "parameters unchanged");
    assert_eq!(b.effective_from.to_string(), "2020-04-07");
}

#[test]
fn every_subject_picks_the_version_in_force_on_its_own_date() {
    let engine = Engine::with_default_pack().unwrap();
    let o = opts("2020-04-20T10:00:00+08:00");
    let mut inspection = read_json("examples/inspections/factory-all-pass.json");
    let mut report = read_json("examples/indicators/guangming-district.json");
    let mut person = read_json("examples/screening/returned-from-area.json");
    for (day, version) in [("2020-04-06", "2020-02-10"), ("2020-04-07", "2020-04-07")] {
        inspection["inspectedOn"] = json!(day);
        report["date"] = json!(day);
        person["declaredOn"] = json!(day);
        person["leftAreaOn"] = json!(day);
        let i = engine.score_inspection_value(&inspection, &o);
        let r = engine.evaluate_indicators_value(&report, &o);
        let s = engine.screen_person_value(&person, &o);
        assert_eq!(i.pack.version, version, "inspection of {day}");
        assert_eq!(r.pack.version, version, "report of {day}");
        assert_eq!(s.pack.version, version, "declaration of {day}");
        assert_eq!(i.decision, Decision::Approved);
        // 14 calendar days from leaving the area.
        let until = if day == "2020-04-06" { "2020-04-20" } else { "2020-04-21" };
        assert_eq!(s.until.as_deref(), Some(until));
    }
    // Forcing a version that does not exist is answered, not a crash.
    let bad = engine.score_inspection_value(&inspection, &o.clone().pack_version("2019-12-31"));
    assert!(bad.diagnostics.iter().any(|d| d.code == "input.unknown_pack_version"), "{:?}", bad.diagnostics);
    // In the locale's words, naming what was asked for and what there is (twentieth session: the
    // Chinese message held the engine's English reason); `reason` is kept for callers.
    let d = bad.diagnostics.iter().find(|d| d.code == "input.unknown_pack_version").unwrap();
    assert_eq!(d.message, "规则包shenzhen-2020没有版本“2019-12-31”（现有版本：2020-02-10、2020-04-07）");
    assert!(d.params["reason"].as_str().is_some_and(|r| r.contains("2019-12-31")), "{:?}", d.params);
    let en = engine.score_inspection_value(&inspection, &o.clone().pack_version("2019-12-31").locale(Locale::En));
    let d = en.diagnostics.iter().find(|d| d.code == "input.unknown_pack_version").unwrap();
    assert_eq!(d.message, r#"pack shenzhen-2020 has no version "2019-12-31" (versions: 2020-02-10, 2020-04-07)"#);
}

// ---------------------------------------------------------------- variants

#[test]
fn guangming_refuses_a_futian_firm_that_shenzhen_accepts() {
    let futian = workshop(json!({ "enterprise": { "districtCode": "440304", "name": "深圳市福田某某贸易有限公司" } }))
        .to_string();
    let o = opts("2020-02-04T10:00:00+08:00");
    let sz = Engine::with_default_pack().unwrap().check_filing_json(&futian, &o);
    assert_eq!(sz.decision, Decision::Approved, "{:?}", sz.diagnostics);
    assert_eq!(sz.pack.id, "shenzhen-2020");

    let gm = Engine::with_pack_id("guangming-2020").unwrap();
    let a = gm.check_filing_json(&futian, &o);
    assert_eq!(a.decision, Decision::Deferred);
    assert_eq!(a.pack.id, "guangming-2020");
    assert_eq!(a.diagnostics.len(), 1, "{:?}", a.diagnostics);
    let d = &a.diagnostics[0];
    assert_eq!(
        (d.rule_id.as_str(), d.path.as_str(), d.code.as_str()),
        ("RTW-F2", "/enterprise/districtCode", "district_code.not_allowed")
    );
    assert_eq!(d.message, "本平台只受理光明区（440311）企业的备案");
    assert_ne!(d.message, "本平台只受理深圳市各区的备案", "Guangming's own message, not Shenzhen's");
    let en = gm.check_filing_json(&futian, &o.clone().locale(Locale::parse("en").unwrap()));
    assert_eq!(en.diagnostics[0].message, "this portal only accepts filings from Guangming district (440311)");
    let tw = gm.check_filing_json(&futian, &o.clone().locale(Locale::parse("zh-TW").unwrap()));
    assert_eq!(tw.diagnostics[0].message, "本平臺只受理光明區（440311）企業的備案");

    // A Guangming firm is accepted by both.
    let own = workshop(json!({})).to_string();
    assert_eq!(gm.check_filing_json(&own, &o).decision, Decision::Approved);

    // And through the CLI.
    let file = tmp("futian.json", &futian);
    let cli = stdout_json(&fangkong(&[
        "check-filing",
        file.to_str().unwrap(),
        "--now",
        "2020-02-04T10:00:00+08:00",
        "--pack-id",
        "guangming-2020",
    ]));
    assert_eq!(cli["decision"], "deferred");
    assert_eq!(cli["pack"]["id"], "guangming-2020");
    assert_eq!(cli["diagnostics"][0]["message"], "本平台只受理光明区（440311）企业的备案");
}

#[test]
fn hangzhou_accepts_three_days_lead_time_where_shenzhen_refuses() {
    let hz_firm = json!({ "enterprise": { "districtCode": "330106" }, "filedOn": "2020-02-07" });
    let sz_firm = json!({ "filedOn": "2020-02-07" });
    let o = opts("2020-02-07T10:00:00+08:00");
    let hz = Engine::with_pack_id("hangzhou-2020").unwrap().check_filing_json(&workshop(hz_firm).to_string(), &o);
    assert_eq!(hz.decision, Decision::Approved, "{:?}", hz.diagnostics);
    assert_eq!(hz.pack.id, "hangzhou-2020");
    let sz = Engine::with_default_pack().unwrap().check_filing_json(&workshop(sz_firm).to_string(), &o);
    assert_eq!(sz.decision, Decision::Deferred);
    let t1: Vec<_> = sz.diagnostics.iter().filter(|d| d.rule_id == "RTW-T1").collect();
    assert_eq!(t1.len(), 1, "{:?}", sz.diagnostics);
    assert_eq!(t1[0].params["days"], 3);
    assert_eq!(t1[0].params["min"], 5);
    assert_eq!(sz.diagnostics.len(), 1);
    // Two days is too short even in Hangzhou.
    let late = workshop(json!({ "enterprise": { "districtCode": "330106" }, "filedOn": "2020-02-08" })).to_string();
    let hz2 =
        Engine::with_pack_id("hangzhou-2020").unwrap().check_filing_json(&late, &opts("2020-02-08T10:00:00+08:00"));
    assert_eq!(hz2.decision, Decision::Deferred);
    assert_eq!(hz2.diagnostics[0].params["min"], 3);
}

/// The resolved pack documents of a variant and of the parent version it extends.
fn resolved_docs(variant: &str) -> (Value, Value) {
    let child = Engine::with_pack_id(variant).unwrap();
    let parent = Engine::with_default_pack().unwrap();
    let c = child.packs().next().unwrap();
    let p = parent
        .packs()
        .rev()
        .find(|p| p.effective_from <= c.effective_from)
        .unwrap_or_else(|| parent.packs().next().unwrap());
    (c.json.clone(), p.json.clone())
}

/// Keys of two JSON objects whose values differ.
fn differing_keys(a: &Value, b: &Value) -> Vec<String> {
    let (a, b) = (a.as_object().unwrap(), b.as_object().unwrap());
    let mut keys: Vec<String> = a.keys().chain(b.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    keys.into_iter().filter(|k| a.get(k) != b.get(k)).collect()
}

#[test]
fn guangming_pack_file_is_small_and_overrides_only_what_it_changes() {
    let text = read("packs/guangming-2020.json");
    let parent_text = read("packs/shenzhen-2020.json");
    assert!(
        text.len() * 20 < parent_text.len(),
        "guangming-2020.json is {} bytes, shenzhen's {}",
        text.len(),
        parent_text.len()
    );
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["extends"], "shenzhen-2020");
    assert!(doc.get("rules").is_none(), "guangming-2020 restates no rule");
    assert!(doc.get("removeRules").is_none(), "guangming-2020 removes no rule");
    assert_eq!(doc["parameters"].as_object().unwrap().keys().collect::<Vec<_>>(), ["districts"]);
    assert!(doc["parameters"]["districts"].get("type").is_none(), "an override, not a new parameter");
    for (_, catalogue) in doc["messages"].as_object().unwrap() {
        assert_eq!(catalogue.as_object().unwrap().keys().collect::<Vec<_>>(), ["district_code.not_allowed"]);
    }

    let (gm, sz) = resolved_docs("guangming-2020");
    assert_eq!(gm["rules"], sz["rules"], "resolved rules are the parent's");
    assert_eq!(differing_keys(&gm["parameters"], &sz["parameters"]), ["districts"]);
    assert_eq!(gm["parameters"]["districts"]["value"], json!(["440311"]));
    assert_eq!(gm["parameters"]["districts"]["type"], sz["parameters"]["districts"]["type"]);
    for loc in ["zh-CN", "zh-TW", "en"] {
        assert_eq!(differing_keys(&gm["messages"][loc], &sz["messages"][loc]), ["district_code.not_allowed"], "{loc}");
    }
    let gm_engine = Engine::with_pack_id("guangming-2020").unwrap();
    let sz_engine = Engine::with_default_pack().unwrap();
    assert_eq!(rule_ids(&gm_engine, "2020-02-10"), rule_ids(&sz_engine, "2020-02-10"));
    assert_ne!(gm_engine.pack_info().hash, sz_engine.packs().next().unwrap().stamp.hash);
}

/// Hangzhou changes the lead days and the districts, and drops Shenzhen's community checklist
/// 十个一律 (IND-R1 … IND-R10: Shenzhen's notice, which says 返深; domain.md §4 forbids
/// inventing wording; fourteenth session): every other rule is the parent's.
#[test]
fn hangzhou_overrides_only_lead_days_and_districts_and_drops_shenzhens_checklist() {
    let doc = read_json("packs/hangzhou-2020.json");
    assert!(doc.get("rules").is_none());
    let (hz, sz) = resolved_docs("hangzhou-2020");
    let checklist = |id: &Value| id.as_str().unwrap().starts_with("IND-R");
    let sz_rules: Vec<&Value> = sz["rules"].as_array().unwrap().iter().filter(|r| !checklist(&r["id"])).collect();
    assert_eq!(hz["rules"].as_array().unwrap().iter().collect::<Vec<_>>(), sz_rules);
    assert_eq!(sz["rules"].as_array().unwrap().iter().filter(|r| checklist(&r["id"])).count(), 10);
    let hz_engine = Engine::with_pack_id("hangzhou-2020").unwrap();
    let d = hz_engine.describe(fangkong::schema::Subject::Indicators, fangkong::Locale::ZhCn, None, None).unwrap();
    assert_eq!(d["checklist"], json!([]));
    assert!(!d.to_string().contains("返深"), "no Shenzhen wording left in Hangzhou's indicators");
    // Nor the checklist's fields, nor an answer item by item "not one of the ten" (variants audit).
    let ids: Vec<&str> = d["fields"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert!(!ids.iter().any(|i| i.contains("checklist")), "{ids:?}");
    assert!(ids.contains(&"units[].counts.compounds"), "{ids:?}");
    let report = std::fs::read_to_string("examples/indicators/tangjia-community-checklist.json").unwrap();
    let a = hz_engine.evaluate_indicators_json(
        &report,
        &fangkong::Options::at(fangkong::time::parse_now("2020-02-12T20:00:00+08:00").unwrap()),
    );
    let a = serde_json::to_value(&a).unwrap();
    let codes: Vec<&str> = a["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"checklist.not_in_pack") && !codes.contains(&"checklist.unknown_item"), "{codes:?}");
    assert!(a["units"].as_array().unwrap().iter().all(|u| u["checklist"].is_null()), "{}", a["units"]);
    let sz_answer = Engine::with_pack_id("shenzhen-2020").unwrap().evaluate_indicators_json(
        &report,
        &fangkong::Options::at(fangkong::time::parse_now("2020-02-12T20:00:00+08:00").unwrap()),
    );
    assert!(serde_json::to_value(&sz_answer).unwrap()["units"][0]["checklist"].is_object(), "Shenzhen still scores it");
    // provinceResumeDate: Zhejiang's own description (wording audit, twenty-sixth session: it
    // named Guangdong's notice), the same date.
    assert_eq!(differing_keys(&hz["parameters"], &sz["parameters"]), ["districts", "leadDays", "provinceResumeDate"]);
    assert_eq!(hz["parameters"]["provinceResumeDate"]["value"], sz["parameters"]["provinceResumeDate"]["value"]);
    assert!(hz["parameters"]["provinceResumeDate"]["description"].as_str().unwrap().contains("浙江"));
    assert_eq!(hz["parameters"]["leadDays"]["value"], 3);
    assert_eq!(hz["parameters"]["leadDays"]["type"], "days");
}

// ---------------------------------------------------------------- lint-pack

/// A Guangming-like variant that also "overrides" RTW-P11, which Shenzhen does not have.
fn bad_variant() -> Value {
    json!({
        "id": "guangming-typo",
        "extends": "shenzhen-2020",
        "version": "2020-02-10",
        "effectiveFrom": "2020-02-01",
        "parameters": { "districts": { "value": ["440311"] } },
        "rules": [
            { "id": "RTW-T1", "severity": "warning" },
            { "id": "RTW-P11", "severity": "warning" }
        ]
    })
}

#[test]
fn from_pack_json_rejects_an_override_of_a_rule_the_parent_lacks() {
    let err = Engine::from_pack_json(&bad_variant().to_string()).unwrap_err();
    let e =
        err.0.iter().find(|e| e.path == "/rules/1/id").unwrap_or_else(|| panic!("no error at /rules/1/id: {err:?}"));
    assert_eq!(e.kind, PackErrorKind::UnknownReference);
    assert!(e.message.contains("RTW-P11"), "{}", e.message);
    assert!(!err.0.iter().any(|e| e.path == "/rules/0/id"), "RTW-T1 exists in the parent: a valid override");

    // The same rule with a `kind` is a new rule, not a typo: accepted.
    let mut ok = bad_variant();
    ok["rules"][1] = json!({ "id": "GM-X1", "kind": "assert", "on": "filing", "severity": "warning", "title": "光明区补充规则",
        "checks": [ { "assert": "measures.disinfectionLog ?? false", "path": "measures.disinfectionLog", "code": "filing.site_not_closed" } ] });
    let engine = Engine::from_pack_json(&ok.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(engine.pack().rules.iter().any(|r| r.id == "GM-X1"));
}

#[test]
fn from_pack_json_rejects_an_override_of_a_parameter_the_parent_lacks() {
    let mut v = bad_variant();
    v["rules"] = json!([]);
    v["parameters"]["leadDay"] = json!({ "value": 3 });
    let err = Engine::from_pack_json(&v.to_string()).unwrap_err();
    let e = err.0.iter().find(|e| e.path == "/parameters/leadDay").unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(e.kind, PackErrorKind::UnknownReference);
    // With a `type` it is a new parameter.
    v["parameters"]["leadDay"] = json!({ "type": "days", "value": 3 });
    assert!(Engine::from_pack_json(&v.to_string()).is_ok());
}

/// One mistake, one error: a variant of the whole family (compiled once per version of its
/// parent) with a parameter of the wrong type is told so once, at the parameter, and not again
/// as an unknown parameter at every parent rule that reads it (the workbench showed 8 errors).
#[test]
fn a_bad_parameter_in_a_family_variant_is_one_error_at_its_value() {
    let mut v = bad_variant();
    v["rules"] = json!([]);
    v["parameters"] = json!({ "leadDays": { "value": "three" } });
    let err = Engine::from_pack_json(&v.to_string()).unwrap_err();
    let got: Vec<(&str, &str)> = err.0.iter().map(|e| (e.path.as_str(), e.kind.code())).collect();
    assert_eq!(got, [("/parameters/leadDays/value", "pack.bad_parameter")], "{err:?}");

    // Each mistake once, in order, however many versions the parent family has.
    v["parameters"] = json!({ "leadDays": { "value": -1 }, "districts": { "value": 5 } });
    let err = Engine::from_pack_json(&v.to_string()).unwrap_err();
    let mut paths: Vec<&str> = err.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths.len(), 2, "{err:?}");
    paths.dedup();
    assert_eq!(paths.len(), 2, "{err:?}");

    // A shape error in words: "an object", not "a object".
    v["parameters"] = json!({});
    v["title"] = json!("光明");
    let err = Engine::from_pack_json(&v.to_string()).unwrap_err();
    assert_eq!(err.0.len(), 1, "{err:?}");
    assert_eq!(err.0[0].to_string(), "`/title`: expected an object");
}

#[test]
fn lint_pack_reports_the_path_of_the_bad_override() {
    let file = tmp("guangming-typo.json", &serde_json::to_string_pretty(&bad_variant()).unwrap());
    let out = fangkong(&["lint-pack", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "stdout: {}", String::from_utf8_lossy(&out.stdout));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/rules/1/id"), "{err}");
    assert!(err.contains("RTW-P11"), "{err}");
    assert!(err.contains("pack.unknown_reference"), "{err}");
    assert!(!err.contains("/rules/0/id"), "{err}");
}

#[test]
fn lint_pack_accepts_the_shipped_variants_and_versions() {
    for (file, id) in [
        ("packs/guangming-2020.json", "guangming-2020"),
        ("packs/hangzhou-2020.json", "hangzhou-2020"),
        ("packs/shenzhen-2020@2020-04-07.json", "shenzhen-2020"),
        ("packs/shenzhen-2020.json", "shenzhen-2020"),
    ] {
        let out = fangkong(&["lint-pack", file]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(text.starts_with(&format!("ok: {id} ")), "{file}: {text}");
        assert!(text.contains("sha256:"), "{text}");
    }
}

// ---------------------------------------------------------------- the other entry points take --pack-id

#[test]
fn score_inspection_indicators_and_screen_take_pack_id_and_version() {
    let cases = [
        ("score-inspection", "examples/inspections/factory-worked.json", "2020-02-12T18:00:00+08:00", "deferred"),
        ("indicators", "examples/indicators/guangming-district.json", "2020-02-12T20:00:00+08:00", "conditional"),
        ("screen", "examples/screening/returned-from-area.json", "2020-02-01T18:00:00+08:00", "conditional"),
    ];
    for (cmd, file, now, decision) in cases {
        let sz = stdout_json(&fangkong(&[cmd, file, "--now", now]));
        let gm = stdout_json(&fangkong(&[cmd, file, "--now", now, "--pack-id", "guangming-2020"]));
        let forced = stdout_json(&fangkong(&[cmd, file, "--now", now, "--pack-version", "2020-04-07"]));
        assert_eq!(sz["pack"]["id"], "shenzhen-2020", "{cmd}");
        assert_eq!(sz["pack"]["version"], "2020-02-10", "{cmd}");
        assert_eq!(gm["pack"]["id"], "guangming-2020", "{cmd}");
        assert_eq!(forced["pack"]["version"], "2020-04-07", "{cmd}");
        for a in [&sz, &gm, &forced] {
            assert_eq!(a["decision"], decision, "{cmd}");
        }
        // Inspections, indicators and screening do not depend on the districts Guangming changes.
        assert_eq!(sz["diagnostics"].as_array().unwrap().len(), gm["diagnostics"].as_array().unwrap().len(), "{cmd}");
        assert_ne!(sz["pack"]["hash"], gm["pack"]["hash"]);
    }
    let worked = stdout_json(&fangkong(&[
        "score-inspection",
        "examples/inspections/factory-worked.json",
        "--now",
        "2020-02-12T18:00:00+08:00",
    ]));
    assert_eq!(worked["score"], 79.5);
    assert_eq!(worked["reinspectBy"], "2020-02-15");
}

#[test]
fn a_variant_overrides_an_item_weight_and_the_score_follows() {
    // A district that weighs 防控宣传 "every employee briefed" (INS-S6-1) at 14 instead of 4.
    let variant = json!({
        "id": "weighted-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "rules": [ { "id": "INS-S6-1", "weight": 14 } ],
        "messages": { "zh-CN": { "inspection.item_failed": { "message": "该项不合格（本区权重加倍）" } } }
    });
    let engine = Engine::from_pack_json(&variant.to_string()).unwrap();
    let base = Engine::with_default_pack().unwrap();
    let mut inspection = read_json("examples/inspections/factory-all-pass.json");
    merge_patch(&mut inspection, &json!({ "answers": { "INS-S6-1": { "result": "fail" } } }));
    let o = opts("2020-02-12T10:00:00+08:00");
    let a = base.score_inspection_value(&inspection, &o);
    let b = engine.score_inspection_value(&inspection, &o);
    // Base: 96 / 100 = 96 → approved. Variant: (110 − 14) / 110 = 87.27… → conditional.
    assert!((a.score.unwrap() - 96.0).abs() < 1e-9, "{:?}", a.score);
    assert_eq!(a.decision, Decision::Approved);
    assert!((b.score.unwrap() - 9600.0 / 110.0).abs() < 1e-9, "{:?}", b.score);
    assert_eq!(b.decision, Decision::Conditional);
    assert_eq!(b.rectifications.len(), 1);
    assert_eq!(b.diagnostics[0].message, "该项不合格（本区权重加倍）");
    assert_ne!(a.pack.hash, b.pack.hash);
    // Only the weight changed: the item keeps its section, veto flag and title.
    let item = b.pack.id.clone();
    assert_eq!(item, "weighted-2020");
    let rule = engine.pack().json["rules"].as_array().unwrap().iter().find(|r| r["id"] == "INS-S6-1").unwrap().clone();
    assert_eq!(rule["section"], "INS-S6");
    assert_eq!(rule["veto"], false);
    assert_eq!(rule["weight"], 14);
}

#[test]
fn extends_mistakes_are_load_errors_with_their_path() {
    let bad = |pack: Value| Engine::from_pack_json(&pack.to_string()).unwrap_err().0;
    // Removing a rule the parent does not have.
    let e = bad(
        json!({ "id": "x", "extends": "shenzhen-2020", "version": "1", "effectiveFrom": "2020-02-01", "removeRules": ["RTW-Z9"] }),
    );
    assert_eq!(e[0].path, "/removeRules/0", "{e:?}");
    assert_eq!(e[0].kind, PackErrorKind::UnknownReference);
    // Removing every cause of a gate (RTW-G3: RTW-P4, RTW-P5): the gate could never fail, and a
    // firm with no masks passed it (pack audit, twenty-fifth session). One cause left is fine.
    let e = bad(json!({ "id": "x", "extends": "shenzhen-2020", "version": "1", "effectiveFrom": "2020-02-01",
        "removeRules": ["RTW-P4", "RTW-P5"] }));
    assert!(
        e.iter().any(|x| x.kind == PackErrorKind::BadRule && x.message.contains("gate `RTW-G3` has no causes")),
        "{e:?}"
    );
    let one = json!({ "id": "x", "extends": "shenzhen-2020", "version": "1", "effectiveFrom": "2020-02-01", "removeRules": ["RTW-P4"] });
    assert!(Engine::from_pack_json(&one.to_string()).is_ok());
    // A parent that does not exist.
    let e = bad(json!({ "id": "x", "extends": "nowhere-2020", "version": "1", "effectiveFrom": "2020-02-01" }));
    assert_eq!(e[0].path, "/extends");
    assert!(e[0].message.contains("no pack `nowhere-2020`"), "{e:?}");
    // Two versions that extend each other: a cycle, refused rather than looping.
    let e = bad(json!([
        { "id": "loop", "extends": "loop@2", "version": "1", "effectiveFrom": "2020-02-01" },
        { "id": "loop", "extends": "loop@1", "version": "2", "effectiveFrom": "2020-03-01" }
    ]));
    assert!(e.iter().any(|x| x.path.starts_with("/0") && x.message.contains("longer than 8")), "{e:?}");
    // A new rule in a variant is checked like any rule: a misspelt field names its path.
    let e = bad(json!({ "id": "x", "extends": "shenzhen-2020", "version": "1", "effectiveFrom": "2020-02-01",
        "rules": [ { "id": "X-1", "kind": "assert", "severity": "warning",
                     "checks": [ { "assert": "staff.totl > 0", "code": "x.code" } ] } ],
        "messages": { "zh-CN": { "x.code": { "message": "x" } }, "en": { "x.code": { "message": "x" } } } }));
    assert!(
        e.iter().any(|x| x.path.ends_with("/checks/0/assert") && x.message.contains("unknown field `staff.totl`")),
        "{e:?}"
    );
}

#[test]
fn every_pack_shape_mistake_is_reported_at_once() {
    let mut pack: Value = serde_json::from_str(fangkong::DEFAULT_PACK).unwrap();
    pack["rules"][0]["kind"] = json!("feild");
    pack["rules"][1]["sevrity"] = json!("error");
    pack["parameters"]["leadDays"]["type"] = json!(5);
    pack.as_object_mut().unwrap().remove("version");
    let e = Engine::from_pack_json(&pack.to_string()).unwrap_err().0;
    let at: Vec<&str> = e.iter().map(|x| x.path.as_str()).collect();
    for want in ["/rules/0/kind", "/rules/1/sevrity", "/parameters/leadDays/type", "/version"] {
        assert!(at.contains(&want), "{want} missing from {at:?}");
    }
    assert!(e.iter().any(|x| x.message.contains("unknown value `feild`, expected one of field, assert")), "{e:?}");
}

/// A variant's form speaks of its own districts (third audit: hangzhou-2020's and guangming-2020's
/// RTW-F2 title said 限深圳市辖区 / "Shenzhen districts only", and Hangzhou's district-code hint
/// gave Guangming's 440311 as the example, which that pack refuses).
#[test]
fn a_variant_describes_its_own_districts() {
    for (id, place) in
        [("hangzhou-2020", ["杭州", "杭州", "Hangzhou"]), ("guangming-2020", ["光明", "光明", "Guangming"])]
    {
        let engine = Engine::with_pack_id(id).unwrap();
        for (locale, place) in [Locale::ZhCn, Locale::ZhTw, Locale::En].into_iter().zip(place) {
            let d = engine.describe(fangkong::pack::doc::Subject::Filing, locale, None, None).unwrap();
            let rule = d["rules"].as_array().unwrap().iter().find(|r| r["id"] == "RTW-F2").unwrap();
            let field = d["fields"].as_array().unwrap().iter().find(|f| f["id"] == "enterprise.districtCode").unwrap();
            for text in [&rule["title"], &field["hint"]] {
                let text = text.as_str().unwrap();
                assert!(text.contains(place), "{id} {locale:?}: {text}");
                assert!(!text.contains("深圳") && !text.contains("Shenzhen"), "{id} {locale:?}: {text}");
            }
        }
    }
}

/// The pack is the single source: a title that states a parameter's value (口罩储备…至少3天) is
/// filled in from the version's own parameters (`{$stockDays}` in the label), so a variant that
/// asks for 7 days is titled 7 days in every locale, for the filing rule and the inspection item
/// alike, without copying the label.
#[test]
fn a_variant_that_changes_a_parameter_is_titled_with_its_own_value() {
    let variant = json!({
        "id": "strict-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "parameters": { "stockDays": { "value": 7 }, "temperatureChecksPerDay": { "value": 3 },
                        "minAreaPerResidentM2": { "value": 4 }, "feverTemperature": { "value": 37.5 },
                        "observationDays": { "value": 21 }, "teamSize": { "value": 5 } }
    });
    // A rule's title in `rules`, and an item's also in its section (the inspector's checklist).
    let title = |engine: &Engine, subject: Subject, locale: Locale, id: &str| -> String {
        let d = engine.describe(subject, locale, None, None).unwrap();
        let rules = d["rules"].as_array().unwrap_or_else(|| panic!("{d}"));
        let t = rules.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id}"))["title"].as_str().unwrap();
        if subject == Subject::Inspection {
            let items = d["sections"].as_array().unwrap().iter().flat_map(|s| s["items"].as_array().unwrap().iter());
            let item = items.clone().find(|i| i["id"] == id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(item["title"], t, "{id}: the checklist item and its rule say the same");
        }
        t.to_owned()
    };
    let strict = Engine::from_pack_json(&variant.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let default = Engine::with_pack_id("shenzhen-2020").unwrap();
    use Subject::{Filing, Inspection, Screening};
    for (subject, id, locale, shenzhen, strict_title) in [
        (Filing, "RTW-P4", Locale::ZhCn, "口罩储备满足复工人员至少3天用量", "口罩储备满足复工人员至少7天用量"),
        (
            Filing,
            "RTW-P4",
            Locale::En,
            "Masks for returning staff for at least 3 days",
            "Masks for returning staff for at least 7 days",
        ),
        (Filing, "RTW-P7", Locale::ZhTw, "每日量測體溫至少2次", "每日量測體溫至少3次"),
        (
            Filing,
            "RTW-P8",
            Locale::ZhCn,
            "宿舍每间不超过6人、人均不少于2.5平方米",
            "宿舍每间不超过6人、人均不少于4平方米",
        ),
        (Inspection, "INS-S4-1", Locale::ZhCn, "防控物资：口罩储备不少于3天用量", "防控物资：口罩储备不少于7天用量"),
        (
            Inspection,
            "INS-S1-1",
            Locale::En,
            "Prevention mechanism: team of at least 2 set up and trained",
            "Prevention mechanism: team of at least 5 set up and trained",
        ),
        (
            Screening,
            "SCR-1",
            Locale::ZhCn,
            "有发热（≥37.3℃）、干咳、乏力等症状：立即报告社区并送发热门诊",
            "有发热（≥37.5℃）、干咳、乏力等症状：立即报告社区并送发热门诊",
        ),
    ] {
        assert_eq!(title(&default, subject, locale, id), shenzhen, "{id} {locale:?}");
        assert_eq!(title(&strict, subject, locale, id), strict_title, "{id} {locale:?}");
    }
    let scr3 = title(&strict, Screening, Locale::ZhCn, "SCR-3");
    assert!(scr3.contains("居家观察21天"), "{scr3}");
    assert!(!scr3.contains('$'), "{scr3}");

    // A label naming no parameter of the version is refused at its pointer.
    let mut bad = variant.clone();
    bad["labels"] = json!({ "zh-CN": { "RTW-P4": { "label": "口罩储备至少{$stockDay}天" } } });
    let err = Engine::from_pack_json(&bad.to_string()).unwrap_err();
    let e = err.0.iter().find(|e| e.path == "/labels/zh-CN/RTW-P4/label").unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(e.kind, PackErrorKind::UnknownReference);
    assert!(e.message.contains("stockDay"), "{}", e.message);
}

/// A message states the version's parameters as a label does: `{$stockDays}` in a message or
/// its help is the version's value, filled in when the pack is compiled, for a rule's code and
/// for a code the engine emits itself (it was shown to people as the text `{$stockDays}`); a name
/// that is no parameter is refused at the message's pointer.
#[test]
fn a_message_states_the_versions_parameters() {
    let variant = json!({
        "id": "strict-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "parameters": { "stockDays": { "value": 7 } },
        "messages": {
            "zh-CN": {
                "filing.masks_short": { "message": "口罩不足{$stockDays}天用量：至少需要{required}只", "help": "按{$stockDays}天备足" },
                "field.required": { "message": "请填写（{$stockDays}天内）：{label}" }
            },
            "en": { "filing.masks_short": { "message": "Masks short of {$stockDays} days: {required} needed" } }
        }
    });
    let engine = Engine::from_pack_json(&variant.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut filing = workshop(json!({ "supplies": { "masks": 6 } }));
    if let Some(o) = filing.as_object_mut() {
        o.remove("filedOn");
    }
    let text = filing.to_string();
    let a = serde_json::to_value(engine.check_filing_json(&text, &opts("2020-02-04T10:00:00+08:00"))).unwrap();
    let diags = a["diagnostics"].as_array().unwrap();
    let by = |code: &str| diags.iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("{code}: {a}"));
    let required = a["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "filing.masks_short").unwrap()["params"]["required"].clone();
    assert_eq!(by("filing.masks_short")["message"], format!("口罩不足7天用量：至少需要{required}只"));
    assert_eq!(by("filing.masks_short")["help"], "按7天备足");
    assert_eq!(by("field.required")["message"], "请填写（7天内）：备案日期");
    let en = engine.check_filing_json(&text, &opts("2020-02-04T10:00:00+08:00").locale(Locale::En));
    let en = serde_json::to_value(en).unwrap();
    let short = en["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "filing.masks_short").unwrap();
    assert_eq!(short["message"], format!("Masks short of 7 days: {required} needed"));

    let mut bad = variant.clone();
    bad["messages"]["zh-CN"]["field.required"]["message"] = json!("请填写（{$stockDay}）：{label}");
    let err = Engine::from_pack_json(&bad.to_string()).unwrap_err();
    let e =
        err.0.iter().find(|e| e.path == "/messages/zh-CN/field.required/message").unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(e.kind, PackErrorKind::UnknownReference);
    assert!(e.message.contains("stockDay"), "{}", e.message);
}

/// A pack author's typo is told with the name meant, when one is near: a field, a parameter, a
/// function, a rule a gate names (the twenty-seventh session left "no did-you-mean" alone).
#[test]
fn a_typo_in_a_pack_is_told_with_the_name_meant() {
    let rule = |assert: &str| {
        json!({ "id": "D-1", "kind": "assert", "severity": "warning",
                "checks": [{ "assert": assert, "path": "supplies.masks", "code": "d.x" }] })
    };
    let pack = |rules: Value| {
        json!({ "id": "d-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
                "rules": rules, "messages": { "zh-CN": { "d.x": { "message": "x" } }, "en": { "d.x": { "message": "x" } } } })
    };
    let gate = json!({ "id": "D-G", "kind": "gate", "severity": "error", "causes": ["RTW-P44"] });
    for (rules, said) in [
        (
            json!([rule("supplies.mask >= 10")]),
            "unknown field `supplies.mask` (column 1); did you mean `supplies.masks`?",
        ),
        (json!([rule("supplies.masks >= $stockDay")]), "did you mean `$stockDays`?"),
        (json!([rule("present2(supplies.masks)")]), "did you mean `present`?"),
        (json!([gate]), "unknown rule `RTW-P44`; did you mean `RTW-P4`?"),
    ] {
        let err = Engine::from_pack_json(&pack(rules).to_string()).unwrap_err();
        assert!(err.0.iter().any(|e| e.message.ends_with(said)), "{said}: {err:?}");
    }
    // Nothing near: no guess.
    let err = Engine::from_pack_json(&pack(json!([rule("dormitoryBuilding >= 1")])).to_string()).unwrap_err();
    assert!(err.0.iter().all(|e| !e.message.contains("did you mean")), "{err:?}");
}

/// Deploy audit, twenty-eighth session: a variant whose rule renames its code's params was refused
/// at its parent's messages (`/messages/en/filing.lead_time/message`), a place not in the file the
/// district wrote. A message the variant does not give is told at `/extends`, inherited; one it
/// gives stays at its own pointer.
#[test]
fn a_parents_message_a_variant_breaks_is_told_at_extends() {
    let rule = json!([{ "id": "RTW-T1", "checks": [{ "assert": "days(filedOn, plannedResumption) >= $leadDays",
        "path": "plannedResumption", "code": "filing.lead_time", "params": { "dayz": "days(filedOn, plannedResumption)" } }] }]);
    let variant = json!({ "id": "nanshan-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01", "rules": rule });
    let err = Engine::from_pack_json(&variant.to_string()).unwrap_err();
    assert!(!err.0.is_empty());
    for e in &err.0 {
        assert_eq!(e.path, "/extends", "{e:?}");
        assert!(
            e.message.contains("inherited from `shenzhen-2020`") && e.message.contains("filing.lead_time"),
            "{}",
            e.message
        );
    }
    // Its own message, given with the old placeholder: at its own pointer.
    let mut own = variant.clone();
    own["messages"] = json!({ "en": { "filing.lead_time": { "message": "{min} days ahead" } } });
    let err = Engine::from_pack_json(&own.to_string()).unwrap_err();
    assert!(err.0.iter().any(|e| e.path == "/messages/en/filing.lead_time/message"), "{err:?}");
}

/// `Engine.packIds()` (and the error for an unknown id) name exactly the embedded families, the
/// default first: a page lists its packs from the package, never from a copy (portal audit).
#[test]
fn the_embedded_pack_ids_are_the_embedded_families() {
    let mut ids: Vec<String> = Vec::new();
    for text in fangkong::engine::EMBEDDED_PACKS {
        let v: Value = serde_json::from_str(text).unwrap();
        let id = v["id"].as_str().unwrap().to_owned();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    assert_eq!(fangkong::engine::EMBEDDED_PACK_IDS, ids.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(ids.first().map(String::as_str), Some(Engine::with_default_pack().unwrap().pack().stamp.id.as_str()));
    for id in &ids {
        assert_eq!(Engine::with_pack_id(id).unwrap().pack().stamp.id, *id);
    }
    let err = Engine::with_pack_id("nope").unwrap_err();
    assert!(err.0[0].message.ends_with(&format!("embedded: {}", ids.join(", "))), "{err:?}");
}

// ---------------------------------------------------------------- extends, audited (session 15)

/// A variant of the whole `shenzhen-2020` family, with `more` merged in.
fn family_variant(more: Value) -> Value {
    let mut v = json!({ "id": "x-2020", "extends": "shenzhen-2020", "version": "1", "effectiveFrom": "2020-02-01" });
    merge_patch(&mut v, &more);
    v
}

/// The errors of a pack that must be refused, as (pointer, code).
fn refused(pack: &Value) -> Vec<(String, &'static str)> {
    let err = Engine::from_pack_json(&pack.to_string()).map(|_| ()).unwrap_err();
    err.0.iter().map(|e| (e.path.clone(), e.kind.code())).collect()
}

/// D1: `removeRules`, `rules` or `parameters` of the wrong JSON type were skipped, silently (a
/// string `removeRules` removed nothing, a `rules` object overrode nothing, a `parameters` array
/// changed no parameter), and `removeRules` in a pack that extends nothing removed nothing.
#[test]
fn a_variants_keys_of_the_wrong_type_are_errors_at_their_pointer() {
    let syntax = |more: Value, at: &str| {
        let got = refused(&family_variant(more.clone()));
        assert_eq!(got, [(at.to_owned(), "pack.syntax")], "{more}");
    };
    syntax(json!({ "removeRules": "RTW-T3" }), "/removeRules");
    syntax(json!({ "removeRules": { "RTW-T3": true } }), "/removeRules");
    syntax(json!({ "removeRules": ["RTW-T2", 3] }), "/removeRules/1");
    syntax(json!({ "rules": { "id": "RTW-T1", "severity": "warning" } }), "/rules");
    syntax(json!({ "rules": [{ "id": "RTW-T1", "severity": "warning" }, "RTW-T2"] }), "/rules/1");
    syntax(json!({ "parameters": [{ "leadDays": 3 }] }), "/parameters");
    syntax(json!({ "parameters": "leadDays" }), "/parameters");
    // Each said in words.
    let err = Engine::from_pack_json(&family_variant(json!({ "removeRules": "RTW-T3" })).to_string()).unwrap_err();
    assert_eq!(err.0[0].to_string(), "`/removeRules`: expected an array");
    // Given in a version of one family (an array), the pointer starts with the version's index.
    let two = json!([
        family_variant(json!({})),
        family_variant(json!({ "version": "2", "effectiveFrom": "2020-03-01", "rules": {} }))
    ]);
    assert_eq!(refused(&two), [("/1/rules".to_owned(), "pack.syntax")]);

    // `removeRules` without `extends`: there is nothing to remove from.
    let mut base: Value = serde_json::from_str(fangkong::DEFAULT_PACK).unwrap();
    base["removeRules"] = json!(["RTW-T3"]);
    assert_eq!(refused(&base), [("/removeRules".to_owned(), "pack.syntax")]);
}

/// D2: two entries for one rule id in a variant's `rules` were merged one over the other (the
/// second override of RTW-P1 with `"checks": []` left it checking nothing), where the same in a
/// pack without `extends` is `pack.duplicate_id`.
#[test]
fn a_duplicate_rule_id_in_a_variant_is_an_error_at_its_own_pointer() {
    let new_rule = json!({ "id": "X-1", "kind": "assert", "severity": "warning",
        "checks": [ { "assert": "staff.total > 0", "code": "filing.site_not_closed" } ] });
    for rules in [
        json!([{ "id": "RTW-P1", "severity": "warning" }, { "id": "RTW-P1", "checks": [] }]),
        json!([new_rule.clone(), new_rule]),
    ] {
        let err = Engine::from_pack_json(&family_variant(json!({ "rules": rules })).to_string()).unwrap_err();
        let got: Vec<(&str, &str)> = err.0.iter().map(|e| (e.path.as_str(), e.kind.code())).collect();
        assert_eq!(got, [("/rules/1/id", "pack.duplicate_id")], "{err:?}");
        assert!(err.0[0].message.contains("already used by /rules/0"), "{}", err.0[0].message);
    }
    // One rule removed twice: said so, not "which no version has" (nor, in a variant of the
    // whole family, let through because some version has it).
    let twice = family_variant(json!({ "removeRules": ["RTW-T3", "RTW-T3"] }));
    assert_eq!(refused(&twice), [("/removeRules/1".to_owned(), "pack.duplicate_id")]);
}

/// D3: a variant of the whole family follows each version of it, and the 2020-04-07 version of
/// `shenzhen-2020` drops RTW-T3: removing (or overriding) RTW-T3 is right for the 2020-02-10
/// version, and nothing to do for the 2020-04-07 one. It was refused ("which shenzhen-2020 does
/// not have"). A rule that no version has is still an error.
#[test]
fn a_family_variant_may_name_a_rule_a_later_parent_version_dropped() {
    let engine = Engine::from_pack_json(&family_variant(json!({ "removeRules": ["RTW-T3"] })).to_string())
        .unwrap_or_else(|e| panic!("{e:?}"));
    for version in ["1", "2020-04-07"] {
        let ids = rule_ids(&engine, version);
        assert!(!ids.contains(&"RTW-T3".to_owned()) && ids.contains(&"RTW-T2".to_owned()), "{version}: {ids:?}");
    }
    let engine = Engine::from_pack_json(
        &family_variant(json!({ "rules": [{ "id": "RTW-T3", "severity": "error" }] })).to_string(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(rule_ids(&engine, "1").contains(&"RTW-T3".to_owned()));
    assert!(!rule_ids(&engine, "2020-04-07").contains(&"RTW-T3".to_owned()));
    // A variant that starts after 2020-04-07 extends that version, and still may name RTW-T3.
    let late = family_variant(json!({ "effectiveFrom": "2020-05-01", "removeRules": ["RTW-T3"] }));
    assert!(Engine::from_pack_json(&late.to_string()).is_ok());

    // No version has RTW-Z9: an error, once, saying so.
    let err = Engine::from_pack_json(&family_variant(json!({ "removeRules": ["RTW-T3", "RTW-Z9"] })).to_string())
        .unwrap_err();
    let got: Vec<(&str, &str)> = err.0.iter().map(|e| (e.path.as_str(), e.kind.code())).collect();
    assert_eq!(got, [("/removeRules/1", "pack.unknown_reference")], "{err:?}");
    assert!(err.0[0].message.contains("no version of `shenzhen-2020`"), "{}", err.0[0].message);
    // A variant of one version (`@`) is judged against that version alone.
    let one = family_variant(json!({ "extends": "shenzhen-2020@2020-04-07", "removeRules": ["RTW-T3"] }));
    assert_eq!(refused(&one), [("/removeRules/0".to_owned(), "pack.unknown_reference")]);
}

/// D6: the `extends` limit (8 parents, SECURITY.md) is the length of the chain, whatever the
/// order of the versions in the array. A chain of 11 was accepted in ascending order (each
/// parent already resolved, its depth forgotten) and refused reversed.
#[test]
fn the_extends_limit_is_the_chains_length_in_any_order() {
    // z@1 extends the embedded family; z@k extends z@(k-1): z@n has n parents.
    let chain = |n: usize| -> Vec<Value> {
        (1..=n)
            .map(|k| {
                let parent = if k == 1 { "shenzhen-2020".to_owned() } else { format!("z-2020@{}", k - 1) };
                json!({ "id": "z-2020", "extends": parent, "version": k.to_string(),
                        "effectiveFrom": format!("2020-02-{:02}", k + 1) })
            })
            .collect()
    };
    for n in [4, 8, 9, 11] {
        for reversed in [false, true] {
            let mut versions = chain(n);
            if reversed {
                versions.reverse();
            }
            let got = Engine::from_pack_json(&Value::Array(versions).to_string());
            if n <= 8 {
                assert!(got.is_ok(), "{n} parents, reversed {reversed}: {:?}", got.err());
            } else {
                let err = got.map(|_| ()).unwrap_err();
                assert!(
                    err.0.iter().all(|e| e.path.ends_with("/extends") && e.message.contains("longer than 8")),
                    "{n} parents, reversed {reversed}: {err:?}"
                );
            }
        }
    }
}

/// D9: a variant's mistakes are told in the variant as written. A key of a rule it gives was
/// reported at the rule's index in the merged pack (`/rules/13/severty` of a file with one
/// rule), and once per version of the parent family it follows (`/rules/26/causes/1` and
/// `/rules/25/causes/1`); a mistake in a rule it inherits pointed at a rule it does not have.
#[test]
fn a_variants_mistakes_point_into_the_variant_as_written() {
    let errors = |more: Value| -> Vec<(String, &'static str, String)> {
        let err = Engine::from_pack_json(&family_variant(more).to_string()).map(|_| ()).unwrap_err();
        err.0.iter().map(|e| (e.path.clone(), e.kind.code(), e.message.clone())).collect()
    };
    let got = errors(json!({ "rules": [{ "id": "RTW-T1", "severty": "warning" }] }));
    assert_eq!(got, [("/rules/0/severty".to_owned(), "pack.syntax", "unknown field `severty`".to_owned())]);
    // Once, though the variant is compiled for both versions of shenzhen-2020 (RTW-G1 sits at
    // another index in each: 2020-04-07 has no RTW-T3).
    let got = errors(
        json!({ "rules": [{ "id": "RTW-P2", "severity": "warning" }, { "id": "RTW-G1", "causes": ["RTW-C1", "RTW-T9"] }] }),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0.as_str(), got[0].1), ("/rules/1/causes/1", "pack.unknown_reference"));
    // A new rule's mistake at its own pointer.
    let got = errors(json!({ "rules": [{ "id": "X-1", "kind": "assert", "severity": "warning",
        "checks": [ { "assert": "staff.totl > 0", "code": "filing.site_not_closed" } ] }] }));
    assert!(got.iter().any(|(at, ..)| at == "/rules/0/checks/0/assert"), "{got:?}");
    // What once broke the rules it inherits (leadDays made a text, breaking RTW-T1 at
    // `/extends`) is refused where the variant wrote it, once: a variant changes a parameter's
    // value, not its type (seventeenth session's packs audit).
    for more in [
        json!({ "parameters": { "leadDays": { "type": "text", "value": "x" } } }),
        json!({ "parameters": { "leadDays": { "type": "text", "value": "x" } }, "rules": [{ "id": "RTW-T1", "severity": "warning" }] }),
    ] {
        let got = errors(more);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("/parameters/leadDays/type", "pack.bad_parameter"), "{got:?}");
    }
}

/// `pack.hash` is of the pack's value, not its spelling: a whole number written `3.0`, `3`,
/// `3e0` or `30e-1`, and `-0` for `0`, give one hash (packs audit: `3.0` read as text and the
/// same pack as a JS object had two hashes, and the server answered 409). Another value, another.
#[test]
fn a_pack_hash_does_not_depend_on_how_a_number_is_written() {
    let text = std::fs::read_to_string("packs/hangzhou-2020.json").unwrap();
    assert!(text.contains("\"value\": 3,"), "the lead-days parameter this test respells");
    let hash = |t: &str| {
        let e = fangkong::Engine::from_pack_json(t).unwrap_or_else(|e| panic!("{e:?}"));
        let h: Vec<String> = e.packs().map(|p| p.stamp.hash.clone()).collect();
        h
    };
    let base = hash(&text);
    for spelt in ["3.0", "3e0", "30e-1", "3.000"] {
        assert_eq!(hash(&text.replacen("\"value\": 3,", &format!("\"value\": {spelt},"), 1)), base, "{spelt}");
    }
    assert_ne!(hash(&text.replacen("\"value\": 3,", "\"value\": 4,", 1)), base, "another value, another hash");
}

/// A variant changes a parameter's value, never its type (packs audit: `isolationDays`
/// re-declared `{"type": "count", "value": 100000000}` escaped the 3,650-day bound of a `days`
/// parameter and switched RTW-T3 off; `{"type": "number", "value": -5}` likewise). The same
/// type, or none, is a value change as before.
#[test]
fn a_variant_may_not_change_a_parameters_type() {
    let variant = |param: serde_json::Value| {
        serde_json::json!({
            "id": "iso-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
            "parameters": { "isolationDays": param }
        })
        .to_string()
    };
    for bad in [
        serde_json::json!({ "type": "count", "value": 100_000_000 }),
        serde_json::json!({ "type": "number", "value": -5 }),
    ] {
        let errors = refused_with(fangkong::Engine::from_pack_json(&variant(bad.clone())), "a type change is refused");
        let e = errors.0.first().unwrap_or_else(|| panic!("{errors:?}"));
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("/parameters/isolationDays/type", PackErrorKind::BadParameter),
            "{bad}: {errors:?}"
        );
    }
    for good in [serde_json::json!({ "type": "days", "value": 21 }), serde_json::json!({ "value": 21 })] {
        fangkong::Engine::from_pack_json(&variant(good.clone())).unwrap_or_else(|e| panic!("{good}: {e:?}"));
    }
}

/// A variant that rewrites a message in zh-CN and en only: in zh-TW it says what the variant
/// says (its zh-CN words), never the parent's zh-TW, which contradicts it (packs audit: "Bao'an
/// only" in zh-CN and en, and the parent's 只受理深圳市各區 in zh-TW). One it rewrites in every
/// locale keeps its own zh-TW.
#[test]
fn a_message_rewritten_in_some_locales_is_not_the_parents_in_the_others() {
    let variant = |zh_tw: bool| {
        let mut messages = json!({
            "zh-CN": { "district_code.not_allowed": { "message": "本平台只受理宝安区企业的备案" } },
            "en": { "district_code.not_allowed": { "message": "this portal only accepts Bao'an firms" } }
        });
        if zh_tw {
            messages["zh-TW"] = json!({ "district_code.not_allowed": { "message": "本平台只受理寶安區企業的備案" } });
        }
        json!({ "id": "dy-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
                "parameters": { "districts": { "value": ["440306"] } }, "messages": messages })
        .to_string()
    };
    let said = |pack: &str| {
        let e = Engine::from_pack_json(pack).unwrap_or_else(|e| panic!("{e:?}"));
        let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap()).locale(Locale::parse("zh-TW").unwrap());
        let a = e.check_filing_value(&json!({ "enterprise": { "districtCode": "440311" } }), &opts);
        let d = a.diagnostics.iter().find(|d| d.code == "district_code.not_allowed").unwrap_or_else(|| panic!("{a:?}"));
        d.message.clone()
    };
    assert_eq!(said(&variant(false)), "本平台只受理宝安区企业的备案");
    assert_eq!(said(&variant(true)), "本平台只受理寶安區企業的備案");
}

/// A pack that extends itself is told so (packs audit: it was "no pack `dx` to extend").
#[test]
fn a_pack_that_extends_itself_is_told_so() {
    let pack = json!({ "id": "dx", "extends": "dx", "version": "2020-02-15", "effectiveFrom": "2020-02-01" });
    let errors = refused_with(Engine::from_pack_json(&pack.to_string()), "refused");
    assert_eq!(errors.0.len(), 1, "{errors:?}");
    assert_eq!(errors.0[0].path, "/extends");
    assert!(errors.0[0].message.starts_with("`dx` extends itself"), "{errors:?}");
}

/// A rule a variant both removes and gives is refused: the removal won, silently (packs audit).
#[test]
fn a_rule_removed_and_given_at_once_is_refused() {
    let pack = json!({ "id": "dx", "extends": "shenzhen-2020", "version": "2020-02-15", "effectiveFrom": "2020-02-01",
        "removeRules": ["RTW-P7"], "rules": [{ "id": "RTW-P7", "severity": "error" }] });
    let errors = refused_with(Engine::from_pack_json(&pack.to_string()), "refused");
    assert_eq!(errors.0.len(), 1, "{errors:?}");
    assert_eq!((errors.0[0].path.as_str(), errors.0[0].kind), ("/removeRules/0", PackErrorKind::DuplicateId));
    assert!(errors.0[0].message.contains("/rules/0"), "{errors:?}");
}

/// A rule left with no checks decides nothing, and is refused: `"checks": null` in a variant
/// removes an inherited rule's checks (merge patch), and it loaded silently (packs audit).
#[test]
fn a_rule_with_no_checks_is_refused() {
    for rules in [
        json!([{ "id": "RTW-P7", "checks": null }]),
        json!([{ "id": "X-1", "kind": "assert", "severity": "warning", "checks": [] }]),
    ] {
        let pack = json!({ "id": "dx", "extends": "shenzhen-2020", "version": "2020-02-15", "effectiveFrom": "2020-02-01", "rules": rules });
        let errors = refused_with(Engine::from_pack_json(&pack.to_string()), "refused");
        assert!(
            errors.0.iter().any(|e| e.path == "/rules/0/checks" && e.kind == PackErrorKind::BadRule),
            "{rules}: {errors:?}"
        );
    }
}

/// The errors of a pack that must be refused (the engine is not printed when it is accepted).
fn refused_with(r: Result<fangkong::Engine, fangkong::pack::PackErrors>, what: &str) -> fangkong::pack::PackErrors {
    match r {
        Ok(_) => panic!("accepted, but {what}"),
        Err(e) => e,
    }
}

/// A pack written before `count.too_large` / `amount.too_large` existed still loads, and their
/// diagnostics speak the engine's own words in each locale (a pack's own words win: the
/// embedded pack's are tested by the golden cases).
#[test]
fn a_pack_without_the_later_codes_loads_and_speaks_the_engines_words() {
    let mut pack: Value = serde_json::from_str(fangkong::engine::DEFAULT_PACK).unwrap();
    pack["id"] = json!("older-2020");
    for (_, m) in pack["messages"].as_object_mut().unwrap().iter_mut() {
        let m = m.as_object_mut().unwrap();
        assert!(m.remove("count.too_large").is_some() && m.remove("amount.too_large").is_some());
    }
    let engine = Engine::from_pack_json(&pack.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let filing = json!({ "staff": { "total": 1e300 }, "supplies": { "disinfectantLiters": 1e300 } });
    for (tag, count, amount) in [
        ("zh-CN", "人数或数量不能超过9007199254740991", "数量不能超过9007199254740991"),
        ("zh-TW", "人數或數量不能超過9007199254740991", "數量不能超過9007199254740991"),
        ("en", "a count cannot exceed 9007199254740991", "an amount cannot exceed 9007199254740991"),
    ] {
        let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap()).locale(Locale::parse(tag).unwrap());
        let a = engine.check_filing_value(&filing, &opts);
        let said = |code: &str| a.diagnostics.iter().find(|d| d.code == code).map(|d| d.message.clone());
        assert_eq!(said("count.too_large").as_deref(), Some(count), "{tag}");
        assert_eq!(said("amount.too_large").as_deref(), Some(amount), "{tag}");
    }
}

/// domain.md §6.1: "a few real codes fail the check; a pack may downgrade the check failure to a
/// warning". `checksumSeverity` does exactly that (README, "Field checks"): a wrong check
/// character becomes a warning and the filing is conditional, not deferred, while a code of the wrong
/// length stays an error. Without it the same filing is deferred.
#[test]
fn checksum_severity_downgrades_only_the_check_character() {
    let variant = json!({
        "id": "checksum-warning", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "rules": [{ "id": "RTW-F1", "checks": [{ "check": "creditCode", "fields": ["enterprise.creditCode"],
                    "required": ["enterprise.creditCode"], "checksumSeverity": "warning" }] }]
    });
    let lenient = Engine::from_pack_json(&variant.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let strict = Engine::with_default_pack().unwrap();
    let o = opts("2020-02-04T10:00:00+08:00");
    let code_at = |engine: &Engine, code: &str| {
        let a = engine.check_filing_json(&workshop(json!({ "enterprise": { "creditCode": code } })).to_string(), &o);
        let d: Vec<(String, String)> = a
            .diagnostics
            .iter()
            .filter(|d| d.path == "/enterprise/creditCode")
            .map(|d| (d.code.clone(), d.severity.name().to_string()))
            .collect();
        (a.decision, d)
    };
    // The example's right code with its check character changed (W → X).
    let (decision, d) = code_at(&lenient, "91440311MA5G0K3P1X");
    assert_eq!(d, [("credit_code.checksum".to_string(), "warning".to_string())]);
    assert_eq!(decision, Decision::Conditional, "a warning does not defer (domain.md §2.6)");
    let (decision, d) = code_at(&strict, "91440311MA5G0K3P1X");
    assert_eq!(d, [("credit_code.checksum".to_string(), "error".to_string())]);
    assert_eq!(decision, Decision::Deferred);
    // Seventeen characters: an error under both.
    let (decision, d) = code_at(&lenient, "91440311MA5G0K3P1");
    assert_eq!(d, [("credit_code.length".to_string(), "error".to_string())]);
    assert_eq!(decision, Decision::Deferred);
}

/// A variant of guangming-2020 (itself a variant of the whole shenzhen-2020) follows its
/// versions, 2020-04-07 included, and that version can be named (packs audit, twenty-seventh
/// session: the variant had 2020-02-10 only, so an April filing with a key-area employee still
/// isolating was `conditional` under it and `approved` under guangming-2020 itself).
#[test]
fn a_variant_of_a_variant_follows_the_later_versions_of_the_whole_family() {
    let variant = json!({ "id": "gm-street", "extends": "guangming-2020", "version": "2020-02-10",
        "effectiveFrom": "2020-02-01", "title": { "zh-CN": "某街道", "zh-TW": "某街道", "en": "A street" },
        "parameters": { "leadDays": { "value": 3 } } });
    let engine = Engine::from_pack_json(&variant.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let versions: Vec<&str> = engine.packs().map(|p| p.stamp.version.as_str()).collect();
    assert_eq!(versions, ["2020-02-10", "2020-04-07"]);
    assert!(rule_ids(&engine, "2020-02-10").iter().any(|r| r == "RTW-T3"));
    assert!(!rule_ids(&engine, "2020-04-07").iter().any(|r| r == "RTW-T3"), "April drops the isolation rule");

    let mut filing = april_filing("2020-04-07");
    filing["enterprise"]["districtCode"] = json!("440311");
    let now = "2020-04-07T10:00:00+08:00";
    let gm = Engine::with_pack_id("guangming-2020").unwrap().check_filing_json(&filing.to_string(), &opts(now));
    let mine = engine.check_filing_json(&filing.to_string(), &opts(now));
    assert_eq!((gm.decision, gm.pack.version.as_str()), (Decision::Approved, "2020-04-07"), "{:?}", gm.diagnostics);
    assert_eq!(
        (mine.decision, mine.pack.version.as_str()),
        (Decision::Approved, "2020-04-07"),
        "{:?}",
        mine.diagnostics
    );

    // The version by name, as `--pack-id guangming-2020 --pack-version 2020-04-07` has it.
    let pinned = json!({ "id": "gm-april", "extends": "guangming-2020@2020-04-07", "version": "2020-04-07",
        "effectiveFrom": "2020-04-07", "title": { "zh-CN": "四月", "zh-TW": "四月", "en": "April" } });
    let april = Engine::from_pack_json(&pinned.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let a = april.check_filing_json(&filing.to_string(), &opts(now));
    assert_eq!(a.decision, Decision::Approved, "{:?}", a.diagnostics);
}

/// The screening questions name the observation period the pack sets, in every locale (packs
/// audit, twenty-seventh session: with 21 days a resident was asked about 14 days, then told the
/// answer was not within "近21天").
#[test]
fn the_screening_questions_follow_the_observation_period() {
    let variant = json!({ "id": "obs21", "extends": "shenzhen-2020", "version": "2020-02-10",
        "effectiveFrom": "2020-02-01", "title": { "zh-CN": "21天", "zh-TW": "21天", "en": "21 days" },
        "parameters": { "observationDays": { "value": 21 } } });
    let engine = Engine::from_pack_json(&variant.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    for (locale, want) in
        [(fangkong::Locale::ZhCn, "21天"), (fangkong::Locale::ZhTw, "21天"), (fangkong::Locale::En, "21 days")]
    {
        for (e, n) in [(&engine, want), (&Engine::with_default_pack().unwrap(), &*want.replace("21", "14"))] {
            let d = e.describe(fangkong::schema::Subject::Screening, locale, None, None).unwrap();
            let field = |id: &str| d["fields"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap().clone();
            let visit = field("visitedEpidemicArea");
            let text = format!("{} {}", visit["label"], visit["hint"]);
            assert!(text.contains(n) && !text.contains('{'), "{locale:?}: {text}");
            for id in ["contactWithAreaPeople", "contactWithConfirmed", "attendedGatherings"] {
                assert!(field(id)["hint"].as_str().unwrap().contains(n), "{locale:?} {id}");
            }
        }
    }
}

/// A district list a rule checks firms against holds six-digit codes: one pasted with a space,
/// in full-width digits or cut short is a load error at its own pointer, not a district whose
/// every firm is refused (packs audit, twenty-seventh session).
#[test]
fn a_district_list_of_codes_that_are_not_six_digits_is_refused_at_each() {
    let v = json!({ "id": "dx", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "title": { "zh-CN": "区", "zh-TW": "區", "en": "D" },
        "parameters": { "districts": { "value": ["440306", "440307 ", "４４０３０８", "44030"] } } });
    let err = Engine::from_pack_json(&v.to_string()).unwrap_err();
    let at: Vec<&str> = err.0.iter().map(|e| e.path.as_str()).collect();
    for i in 1..=3 {
        let p = format!("/parameters/districts/value/{i}");
        let e = err.0.iter().find(|e| e.path == p).unwrap_or_else(|| panic!("no error at {p}: {at:?}"));
        assert_eq!(e.kind, PackErrorKind::BadParameter);
    }
    assert!(!at.contains(&"/parameters/districts/value/0"), "440306 is a district code");
    let mut ok = v.clone();
    ok["parameters"]["districts"]["value"] = json!(["440306", "440307"]);
    Engine::from_pack_json(&ok.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
}

/// Spec audit, thirtieth session (domain.md §2: "districts changed them, and a pack must be
/// able to"): a district's decimal parameters are met exactly at their bound. With 1.1 masks
/// a person a day, 50 returning staff for 3 days need 165 masks, and 165 were told too few
/// ("至少需要165.00000000000003只", gate RTW-G3 failed); 6.6 m² for 3 residents is the 2.2 m²
/// a person a pack asks, and was told "现为2.199999平方米".
#[test]
fn a_districts_decimal_parameters_are_met_exactly_at_their_bound() {
    let pack = json!({ "id": "decimal-2020", "extends": "shenzhen-2020", "version": "2020-02-10",
        "effectiveFrom": "2020-02-01", "parameters": {
            "masksPerPersonPerDay": { "value": 1.1, "description": "1.1 masks a person a day" },
            "minAreaPerResidentM2": { "value": 2.2, "description": "2.2 m² a resident" } } });
    let engine = Engine::from_pack_json(&pack.to_string()).unwrap();
    let filing = |masks: u32| {
        workshop(json!({ "staff": { "total": 60, "returning": 50, "local": 48 }, "supplies": { "masks": masks },
                         "measures": { "dormitory": { "rooms": 1, "residents": 3, "areaM2": 6.6 } } }))
    };
    let at = |masks| {
        serde_json::to_value(engine.check_filing_value(&filing(masks), &opts("2020-02-04T10:00:00+08:00"))).unwrap()
    };
    let a = at(165);
    let rules: Vec<&str> = a["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["ruleId"].as_str()).collect();
    assert!(!rules.contains(&"RTW-P4") && !rules.contains(&"RTW-P8"), "{}", a["diagnostics"]);
    assert_eq!(a["gates"].as_array().unwrap().iter().find(|g| g["id"] == "RTW-G3").unwrap()["passed"], true);
    // One short: told in whole masks.
    let a = at(164);
    let d = a["diagnostics"].as_array().unwrap().iter().find(|d| d["ruleId"] == "RTW-P4").unwrap();
    assert_eq!(d["params"]["required"], json!(165), "{d}");
    assert_eq!(d["params"]["missing"], json!(1), "{d}");
    assert!(d["message"].as_str().unwrap().contains("165只"), "{d}");
}

/// README, "Field checks": `checksumSeverity` downgrades the check character alone "(credit
/// codes and ID numbers)"; on an ID number it was accepted and ignored, and on a check with no
/// check character (a phone) accepted and meaningless (spec audit, thirtieth session).
#[test]
fn an_id_numbers_check_character_may_be_downgraded_and_only_such_checks_take_it() {
    let with = |check: &str, fields: Value| {
        json!({ "id": "ids-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
                "rules": [{ "id": "RTW-F4", "kind": "field", "severity": "error",
                            "checks": [{ "check": check, "fields": fields, "checksumSeverity": "warning" }] }] })
    };
    let ids = json!(["contacts.firstResponsible.idNumber", "contacts.healthLiaison.idNumber", "roster[].idNumber"]);
    let engine = Engine::from_pack_json(&with("idNumber", ids).to_string()).unwrap();
    let o = opts("2020-02-04T10:00:00+08:00");
    let severity = |id: &str| {
        let f = workshop(json!({ "contacts": { "firstResponsible": { "idNumber": id } } }));
        let a = serde_json::to_value(engine.check_filing_value(&f, &o)).unwrap();
        a["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == "/contacts/firstResponsible/idNumber")
            .map(|d| (d["code"].as_str().unwrap().to_owned(), d["severity"].as_str().unwrap().to_owned()))
    };
    // A wrong check character: a warning; a number of the wrong length stays an error.
    assert_eq!(severity("440306198503122135"), Some(("id_number.checksum".into(), "warning".into())));
    assert_eq!(severity("44030619850312213").map(|d| d.1), Some("error".into()));
    let err =
        Engine::from_pack_json(&with("phone", json!(["contacts.firstResponsible.phone"])).to_string()).unwrap_err();
    assert!(err.0.iter().any(|e| e.path == "/rules/0/checks/0/checksumSeverity"), "{err:?}");
}

/// npm audit, thirtieth session: a blank label was accepted by the compiler and by `lint`, and a
/// missing value's message then named nothing ("required: "); a blank message said nothing. A
/// blank label is left out (the field is named in zh-CN, and `lint` lists the label missing); a
/// blank message is refused at its pointer, once.
#[test]
fn a_blank_label_is_missing_and_a_blank_message_is_refused() {
    let pack = |extra: Value| {
        let mut p = json!({ "id": "blank-2020", "extends": "shenzhen-2020", "version": "2020-02-10",
            "effectiveFrom": "2020-02-01", "labels": { "en": { "filing:enterprise.districtCode": { "label": "  " } } } });
        merge_patch(&mut p, &extra);
        p.to_string()
    };
    let engine = Engine::from_pack_json(&pack(json!({}))).unwrap();
    let a = engine.check_filing_value(&json!({}), &opts("2020-02-04T10:00:00+08:00").locale(Locale::En));
    let d = a.diagnostics.iter().find(|d| d.path == "/enterprise/districtCode").unwrap();
    assert_eq!(d.message, "required: 行政区划代码");
    for p in engine.packs() {
        assert!(
            fangkong::describe::missing_labels(p).contains(&(Locale::En, "filing:enterprise.districtCode".to_owned())),
            "{}",
            p.stamp.version
        );
    }
    let err =
        Engine::from_pack_json(&pack(json!({ "messages": { "en": { "filing.lead_time": { "message": " " } } } })))
            .unwrap_err();
    let at: Vec<&str> = err.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(at, ["/messages/en/filing.lead_time/message"], "{err:?}");
}

// ------------------------------------------- packs audit, thirty-first session

/// A district copies RTW-T3 whole from shenzhen-2020 (its `kind` kept) to give it 21 days: the
/// family's `2020-04-07`, which dropped RTW-T3, stays without it. Before, the copy was taken as
/// a new rule there, and April filings with a key-area employee were `conditional`, lint ok.
#[test]
fn a_rule_copied_whole_stays_out_of_the_version_that_dropped_it() {
    let t3 = json!({ "id": "RTW-T3", "kind": "isolation", "severity": "warning", "each": "roster",
        "when": "keyAreaHistory == true && returning == true", "start": "arrivedOn", "days": "21",
        "by": "plannedResumption", "code": "filing.isolation_not_complete", "path": "arrivedOn" });
    let variant = json!({ "id": "copyt3-2020", "extends": "shenzhen-2020", "version": "2020-02-10",
        "effectiveFrom": "2020-02-01", "rules": [t3] });
    let engine = Engine::from_pack_json(&variant.to_string()).unwrap();
    assert!(rule_ids(&engine, "2020-02-10").contains(&"RTW-T3".to_owned()));
    assert!(!rule_ids(&engine, "2020-04-07").contains(&"RTW-T3".to_owned()));
    let now = "2020-04-07T10:00:00+08:00";
    let april = engine.check_filing_json(&april_filing("2020-04-07").to_string(), &opts(now));
    assert_eq!(
        (april.decision, april.pack.version.as_str()),
        (Decision::Approved, "2020-04-07"),
        "{:?}",
        april.diagnostics
    );
    // In February the copy judges, with its own 21 days (arrived 2020-04-05: 04-26).
    let feb = engine.check_filing_json(&april_filing("2020-04-06").to_string(), &opts("2020-04-06T10:00:00+08:00"));
    assert_eq!(feb.earliest_start.first().map(|e| e.earliest_start.as_str()), Some("2020-04-26"));
}

/// A rule of the parent given again with another `kind` would replace it silently (a district's
/// own "RTW-P4" as a `field` rule took the mask check out of gate RTW-G3): refused at its kind.
#[test]
fn a_variant_may_not_change_a_rules_kind() {
    let variant = json!({ "id": "kind-2020", "extends": "shenzhen-2020@2020-02-10", "version": "2020-02-10",
        "effectiveFrom": "2020-02-01", "rules": [{ "id": "RTW-P4", "kind": "field", "severity": "error",
        "checks": [{ "check": "text", "fields": ["enterprise.name"] }] }] });
    let err = Engine::from_pack_json(&variant.to_string()).unwrap_err();
    assert!(
        err.0
            .iter()
            .any(|e| e.path == "/rules/0/kind" && e.kind == PackErrorKind::BadRule && e.message.contains("assert")),
        "{err:?}"
    );
    // The same kind is an override, as before.
    let mut same = variant.clone();
    same["rules"][0]["kind"] = json!("assert");
    same["rules"][0]["checks"] =
        json!([{ "assert": "supplies.masks >= 1", "path": "supplies.masks", "code": "kind.masks" }]);
    same["messages"] = json!({ "zh-CN": { "kind.masks": { "message": "请储备口罩" } }, "en": { "kind.masks": { "message": "keep masks" } } });
    let same = Engine::from_pack_json(&same.to_string());
    assert!(same.is_ok(), "{:?}", same.err());
}

/// Two versions in force from the same day: the later in the array judged everything, the
/// other nothing. Refused at the second one's `effectiveFrom`.
#[test]
fn two_versions_may_not_take_effect_on_one_day() {
    let v = |version: &str| json!({ "id": "same-2020", "extends": "shenzhen-2020@2020-02-10", "version": version, "effectiveFrom": "2020-02-01" });
    let err = Engine::from_pack_json(&json!([v("2020-02-10"), v("2020-03-01")]).to_string()).unwrap_err();
    assert!(
        err.0.iter().any(|e| e.path == "/1/effectiveFrom"
            && e.message.contains("2020-02-10")
            && e.message.contains("2020-03-01")),
        "{err:?}"
    );
    let mut later = v("2020-03-01");
    later["effectiveFrom"] = json!("2020-03-01");
    assert!(Engine::from_pack_json(&json!([v("2020-02-10"), later]).to_string()).is_ok());
}

/// A variant of the whole family may name in a gate's causes a rule only some versions have
/// (README: "an error only when no version has it"): RTW-T3 fails RTW-G2 in `2020-02-10` and is
/// left out of `2020-04-07`'s causes. Before, the pack was refused ("did you mean RTW-F3?").
#[test]
fn a_gate_may_name_a_rule_of_some_versions_only() {
    let variant = json!({ "id": "t3gate-2020", "extends": "shenzhen-2020", "version": "2020-02-10",
        "effectiveFrom": "2020-02-01", "rules": [{ "id": "RTW-G2", "causes": ["RTW-C3", "RTW-C4", "RTW-T3"] }] });
    let engine = Engine::from_pack_json(&variant.to_string()).unwrap();
    let feb = engine.check_filing_json(&april_filing("2020-04-06").to_string(), &opts("2020-04-06T10:00:00+08:00"));
    let g2 = feb.gates.iter().find(|g| g.id == "RTW-G2").unwrap();
    assert_eq!(g2.passed, Some(false), "{g2:?}");
    assert!(g2.causes.iter().any(|c| c.rule_id == "RTW-T3"), "{g2:?}");
    let apr = engine.check_filing_json(&april_filing("2020-04-07").to_string(), &opts("2020-04-07T10:00:00+08:00"));
    assert_eq!(apr.decision, Decision::Approved, "{:?}", apr.gates);
    // A cause no version has is still refused.
    let mut typo = variant.clone();
    typo["rules"][0]["causes"] = json!(["RTW-C3", "RTW-T33"]);
    let err = Engine::from_pack_json(&typo.to_string()).unwrap_err();
    assert!(err.0.iter().any(|e| e.message.contains("RTW-T33")), "{err:?}");
}

/// A message missing for a code of the variant's own rule is told at the variant's `/messages`,
/// not at `/extends` as "inherited from shenzhen-2020"; a screen rule's `_undated` code says
/// what it is for.
#[test]
fn a_message_missing_for_the_variants_own_code_is_told_in_its_messages() {
    let variant = json!({ "id": "own-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "rules": [{ "id": "T-1", "kind": "assert", "severity": "warning",
            "checks": [{ "assert": "supplies.gloves >= 1", "path": "supplies.gloves", "code": "test.x" }] }],
        "messages": { "zh-CN": { "test.x": { "message": "手套不足" } } } });
    let err = Engine::from_pack_json(&variant.to_string()).unwrap_err();
    assert!(!err.0.is_empty());
    for e in &err.0 {
        assert_eq!((e.path.as_str(), e.kind), ("/messages/en", PackErrorKind::MissingMessage), "{e:?}");
        assert!(e.message.contains("test.x") && !e.message.contains("inherited"), "{}", e.message);
    }
    let screen = json!({ "id": "scr-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "rules": [{ "id": "LH-S1", "kind": "screen", "on": "screening", "when": "attendedGatherings == true",
            "outcome": "home_observation", "from": "declaredOn", "days": "7", "code": "luohu.gathering", "path": "attendedGatherings" }],
        "messages": { "zh-CN": { "luohu.gathering": { "message": "居家观察至{until}" } }, "en": { "luohu.gathering": { "message": "home until {until}" } } } });
    let err = Engine::from_pack_json(&screen.to_string()).unwrap_err();
    assert!(
        err.0.iter().any(|e| e.path == "/messages/en"
            && e.message.contains("luohu.gathering_undated")
            && e.message.contains("{days}")),
        "{err:?}"
    );
}

/// ids audit, thirty-first session: a credit code or ID number refused for its check character
/// alone is well formed, and is given back normalised (upper-cased, domain.md §6.1, §6.2) as a
/// valid one is: under a pack that accepts it with a warning it stood in the filing in lower
/// case, with nothing in `normalized`.
#[test]
fn a_code_refused_for_its_check_character_alone_is_given_back_normalised() {
    let pack = json!({ "id": "lenient-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "rules": [
            { "id": "RTW-F1", "checks": [{ "check": "creditCode", "fields": ["enterprise.creditCode"], "required": ["enterprise.creditCode"], "checksumSeverity": "warning" }] },
            { "id": "RTW-F4", "kind": "field", "severity": "error", "checks": [{ "check": "idNumber", "fields": ["contacts.firstResponsible.idNumber"], "checksumSeverity": "warning" }] }
        ] });
    let f = workshop(json!({ "enterprise": { "creditCode": "91440311ma5g0k3p1x" },
        "contacts": { "firstResponsible": { "idNumber": "11010519491231003x" } } }));
    for engine in [Engine::from_pack_json(&pack.to_string()).unwrap(), Engine::with_default_pack().unwrap()] {
        let a = serde_json::to_value(engine.check_filing_value(&f, &opts("2020-02-04T10:00:00+08:00").personal(true)))
            .unwrap();
        let norm = |path: &str| {
            a["normalized"].as_array().unwrap().iter().find(|n| n["path"] == path).map(|n| n["value"].clone())
        };
        assert_eq!(norm("/enterprise/creditCode"), Some(json!("91440311MA5G0K3P1X")), "{a}");
        assert_eq!(norm("/contacts/firstResponsible/idNumber"), Some(json!("11010519491231003X")), "{a}");
        assert!(a["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "credit_code.checksum"), "{a}");
    }
    // Refused for other reasons, an identifier is given back as §6 normalises it too: a code of
    // the wrong length upper-cased, a phone's full-width `＋` and digits in ASCII (it came back
    // `＋86 138…`, half converted); one typed in ASCII as it is normalised gets no entry.
    let refused = workshop(json!({ "enterprise": { "creditCode": "91440311ma5g0k3p1" },
        "contacts": { "firstResponsible": { "phone": "＋８６　１３８　００１３　８０００１" }, "healthLiaison": { "phone": "1380013800" } } }));
    let a = serde_json::to_value(
        Engine::with_default_pack()
            .unwrap()
            .check_filing_value(&refused, &opts("2020-02-04T10:00:00+08:00").personal(true)),
    )
    .unwrap();
    let norm =
        |path: &str| a["normalized"].as_array().unwrap().iter().find(|n| n["path"] == path).map(|n| n["value"].clone());
    assert_eq!(norm("/enterprise/creditCode"), Some(json!("91440311MA5G0K3P1")), "{a}");
    assert_eq!(norm("/contacts/firstResponsible/phone"), Some(json!("+86 138 0013 80001")), "{a}");
    assert_eq!(norm("/contacts/healthLiaison/phone"), None, "{a}");
    for path in ["/enterprise/creditCode", "/contacts/firstResponsible/phone", "/contacts/healthLiaison/phone"] {
        assert!(
            a["diagnostics"].as_array().unwrap().iter().any(|d| d["path"] == path && d["severity"] == "error"),
            "{path}: {a}"
        );
    }
}

/// A variant that rewrites only the zh-CN hint of a label keeps the parent's zh-TW label, shown
/// with its own hint; `lint-pack` finds nothing missing (packs audit, thirty-first session: the
/// whole zh-TW entry was dropped, zh-TW showed the simplified 手套数量, and lint said "no label").
#[test]
fn a_hint_rewritten_in_zh_cn_only_keeps_the_parents_zh_tw_label() {
    let variant = json!({ "id": "hint-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "labels": { "zh-CN": { "filing:supplies.gloves": { "hint": "每人至少1.5双" } } } });
    let engine = Engine::from_pack_json(&variant.to_string()).unwrap();
    let parent = Engine::with_default_pack().unwrap();
    let gloves = |e: &Engine, l: Locale| {
        let d = e.describe(Subject::Filing, l, None, None).unwrap();
        d["fields"].as_array().unwrap().iter().find(|f| f["id"] == "supplies.gloves").unwrap().clone()
    };
    let (tw, parent_tw) = (gloves(&engine, Locale::ZhTw), gloves(&parent, Locale::ZhTw));
    assert_eq!(tw["label"], parent_tw["label"], "{tw}");
    assert_eq!(tw["hint"], "每人至少1.5双", "{tw}");
    assert_eq!(gloves(&engine, Locale::ZhCn)["hint"], "每人至少1.5双");
    for p in engine.packs() {
        assert!(fangkong::describe::missing_labels(p).is_empty(), "{:?}", fangkong::describe::missing_labels(p));
    }
}

/// A typo in a `{$parameter}` of a variant's zh-CN message is told once, at the message, with
/// the parameter it was meant to be (packs audit, thirty-first session: twice, the second as
/// "no param of `filing.lead_time`"); so is one in a zh-CN hint, which zh-TW shows too.
#[test]
fn a_parameter_typo_in_a_message_is_told_once_with_a_suggestion() {
    let variant = json!({ "id": "typo-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "messages": { "zh-CN": { "filing.lead_time": { "message": "须提前{$leadDay}天备案（现为{days}天）" } } },
        "labels": { "zh-CN": { "filing:supplies.gloves": { "hint": "至少{$stockDay}天" } } } });
    let err = Engine::from_pack_json(&variant.to_string()).unwrap_err();
    let told: Vec<(&str, &str)> = err.0.iter().map(|e| (e.path.as_str(), e.message.as_str())).collect();
    assert_eq!(told.len(), 2, "{told:#?}");
    assert!(
        told.iter()
            .any(|(p, m)| *p == "/messages/zh-CN/filing.lead_time/message" && m.contains("did you mean `$leadDays`")),
        "{told:#?}"
    );
    assert!(
        told.iter()
            .any(|(p, m)| *p == "/labels/zh-CN/filing:supplies.gloves/hint" && m.contains("did you mean `$stockDays`")),
        "{told:#?}"
    );
}

/// A variant that removes every inspection item has nothing to score an inspection on: each
/// one is `incomplete` (`inspection.nothing_applicable`), never `approved` with no score (packs
/// audit, thirty-fourth session: both examples, one `deferred` by the default pack, were approved).
#[test]
fn a_variant_without_inspection_items_approves_no_inspection() {
    let items: Vec<Value> = read_json("packs/shenzhen-2020.json")["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "item")
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(items.len(), 27);
    let v = json!({ "id": "v", "version": "2020-02-10", "effectiveFrom": "2020-02-01", "extends": "shenzhen-2020", "removeRules": items });
    let engine = Engine::from_pack_json(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let default = Engine::with_default_pack().unwrap();
    for file in ["examples/inspections/factory-all-pass.json", "examples/inspections/factory-worked.json"] {
        let text = read(file);
        let a = engine.score_inspection_json(&text, &opts("2020-02-12T18:00:00+08:00"));
        assert_eq!(a.decision, Decision::Incomplete, "{file}");
        assert_eq!(a.score, None, "{file}");
        assert!(a.diagnostics.iter().any(|d| d.code == "inspection.nothing_applicable"), "{file}: {:?}", a.diagnostics);
        // The default pack scores it.
        assert!(default.score_inspection_json(&text, &opts("2020-02-12T18:00:00+08:00")).score.is_some(), "{file}");
    }
}

/// Packs audit, thirty-fourth session: each mistake told once, at a pointer in the pack as
/// written, in words that say what is wrong.
#[test]
fn a_packs_mistakes_are_told_where_they_are_written() {
    let told = |pack: Value| -> Vec<(String, String, String)> {
        let err = Engine::from_pack_json(&pack.to_string()).unwrap_err();
        err.0.iter().map(|e| (e.path.clone(), e.kind.code().to_owned(), e.message.clone())).collect()
    };
    let head = json!({ "id": "v", "version": "2020-02-10", "effectiveFrom": "2020-02-01", "extends": "shenzhen-2020" });
    let with = |extra: Value| {
        let mut p = head.clone();
        merge_patch(&mut p, &extra);
        p
    };
    // A variant's own new item without `section` or `weight`: its own mistakes, at those keys,
    // not "inherited from `shenzhen-2020`" at the rule.
    let got = told(with(json!({ "rules": [{ "id": "X", "kind": "item" }] })));
    let at: Vec<&str> = got.iter().map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(at, ["/rules/0/section", "/rules/0/weight"], "{got:?}");
    assert!(got.iter().all(|(_, _, m)| !m.contains("inherited")), "{got:?}");
    assert_eq!(got[0].2, "an item needs a `section` (the id of its section)");
    // A parameter's name is escaped in its pointer (`a/b~c` is `a~1b~0c`).
    let got = told(with(json!({ "parameters": { "a/b~c": { "type": "count", "value": 1 } } })));
    assert_eq!(got.iter().map(|(p, _, _)| p.as_str()).collect::<Vec<_>>(), ["/parameters/a~1b~0c"], "{got:?}");
    // `{$}` and `{$ leadDays}` name no parameter: refused, not shown as they are.
    for text in ["提前{$}天", "提前{$ leadDays}天"] {
        let got = told(with(json!({ "messages": { "zh-CN": { "filing.lead_time": { "message": text } } } })));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("/messages/zh-CN/filing.lead_time/message", "pack.unknown_reference")
        );
    }
    // `null` is no pack: one mistake, as `5` is.
    for pack in [json!(null), json!(5)] {
        assert_eq!(
            told(pack.clone()),
            [(String::new(), "pack.syntax".to_owned(), "expected an object".to_owned())],
            "{pack}"
        );
    }
    assert_eq!(told(json!([null])), [("/0".to_owned(), "pack.syntax".to_owned(), "expected an object".to_owned())]);
    // A pack's identity, printed in every answer: no blank version, no control or text-direction
    // character (U+202E reversed the command line's `ok:` line).
    let got = told(with(json!({ "id": "v\u{202e}x", "version": " " })));
    let at: Vec<(&str, &str)> = got.iter().map(|(p, _, m)| (p.as_str(), m.as_str())).collect();
    assert_eq!(
        at,
        [("/id", "the pack id holds a control or text-direction character"), ("/version", "pack version is empty")],
        "{got:?}"
    );
    // A version extending a sibling version of the same file: the sibling's mistake is its own,
    // at its pointer; the later version is told it inherits it, at its `/extends` (it has no
    // `/1/parameters`).
    let family = json!([
        with(json!({ "id": "f", "parameters": { "leadDays": { "value": -1 } } })),
        { "id": "f", "version": "2020-03-01", "effectiveFrom": "2020-03-01", "extends": "f@2020-02-10" }
    ]);
    let got = told(family);
    let at: Vec<&str> = got.iter().map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(at, ["/0/parameters/leadDays/value", "/1/extends"], "{got:?}");
    assert!(got[1].2.starts_with("parameter /leadDays/value inherited from `f@2020-02-10`: "), "{got:?}");
}

/// A variant's messages and labels under another spelling of a locale (`zh-Hant`, `zh_TW`,
/// `zh-HK`, `zh`, `EN`, `en-GB`) override its parent's in that locale, as under `zh-TW`,
/// `zh-CN` or `en` (client audit, thirty-fifth session: `zh-Hant`, `zh`, `zh-HK` and `EN` were
/// accepted, `lint` said ok, and the words showed in no locale: merged as another locale, they
/// lost to the parent's by how the two tags sorted). A locale that is none is refused at its own
/// place in the variant, `/messages/fr`, not at `/extends` as "inherited".
#[test]
fn a_variants_words_under_any_spelling_of_a_locale_override_its_parents() {
    let filing = json!({ "filedOn": "2020-02-04", "plannedResumption": "2020-02-07" });
    let head = json!({ "id": "v", "version": "2020-02-10", "effectiveFrom": "2020-02-01", "extends": "shenzhen-2020" });
    for (tag, locale) in [
        ("zh-Hant", Locale::ZhTw),
        ("zh_TW", Locale::ZhTw),
        ("zh-HK", Locale::ZhTw),
        ("zh", Locale::ZhCn),
        ("zh-Hans", Locale::ZhCn),
        ("EN", Locale::En),
        ("en-GB", Locale::En),
    ] {
        let mut pack = head.clone();
        merge_patch(
            &mut pack,
            &json!({
                "messages": { tag: { "filing.lead_time": { "message": format!("[{tag}] {{min}}") } } },
                "labels": { tag: { "RTW-T1": { "label": format!("[{tag}] T1") } } }
            }),
        );
        let engine = Engine::from_pack_json(&pack.to_string()).unwrap_or_else(|e| panic!("{tag}: {e:?}"));
        let o = opts("2020-02-04T10:00:00+08:00").locale(locale);
        let a = serde_json::to_value(engine.check_filing_json(&filing.to_string(), &o)).unwrap();
        let d = a["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "filing.lead_time").unwrap();
        assert_eq!(d["message"], format!("[{tag}] 5"), "{tag} in {locale:?}");
        let described = engine.describe(Subject::Filing, locale, None, None).unwrap();
        let rules = described["rules"].as_array().unwrap();
        let t1 = rules.iter().find(|r| r["id"] == "RTW-T1").unwrap();
        assert_eq!(t1["title"], format!("[{tag}] T1"), "{tag} in {locale:?}");
    }
    let mut pack = head.clone();
    merge_patch(&mut pack, &json!({ "messages": { "fr": { "filing.lead_time": { "message": "{min}" } } } }));
    let err = Engine::from_pack_json(&pack.to_string()).unwrap_err();
    let at: Vec<&str> = err.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(at, ["/messages/fr"], "{err:?}");
}

/// Two spellings of one locale in one pack (`en` and `en-GB`, `zh-TW` and `zh-HK`) are an error
/// at the other spelling, in a variant and in a pack of its own alike (pack author audit,
/// thirty-ninth session: lint said ok, and the one that sorted last won unseen: `en-GB`'s "B"
/// over `en`'s "A").
#[test]
fn two_spellings_of_one_locale_in_one_pack_are_an_error_at_the_other_spelling() {
    let head = json!({ "id": "v", "version": "2020-02-10", "effectiveFrom": "2020-02-01", "extends": "shenzhen-2020" });
    let own = read_json("packs/shenzhen-2020.json");
    for (base, root, first, second) in
        [(&head, "messages", "en", "en-GB"), (&head, "labels", "zh-TW", "zh-HK"), (&own, "labels", "zh-Hant", "zh-TW")]
    {
        let mut pack = base.clone();
        let words = |x: &str| match root {
            "messages" => json!({ "filing.lead_time": { "message": format!("{x} {{min}}") } }),
            _ => json!({ "RTW-T1": { "label": format!("{x} T1") } }),
        };
        merge_patch(&mut pack, &json!({ root: { first: words("A"), second: words("B") } }));
        let err = Engine::from_pack_json(&pack.to_string()).unwrap_err();
        let told: Vec<(&str, &str)> = err.0.iter().map(|e| (e.path.as_str(), e.kind.code())).collect();
        let other = if first == "zh-TW" || first == "en" { second } else { first };
        assert_eq!(told, [(format!("/{root}/{other}").as_str(), "pack.syntax")], "{err:?}");
        assert!(err.0[0].zh.contains("同一种语言"), "{err:?}");
    }
}

/// Versions audit, thirty-sixth session: Hangzhou's pack removes 十个一律 (Shenzhen's notice),
/// and `describe` offers no checklist; its JSON Schema offered one still, titled 十个一律. A
/// checklist given anyway is accepted as the engine accepts it (told as not scored), untitled.
#[test]
fn hangzhous_schema_offers_no_checklist_as_its_form_has_none() {
    for (id, titled) in [("hangzhou-2020", false), ("shenzhen-2020", true)] {
        let e = Engine::with_pack_id(id).unwrap();
        let s = e.input_schema(Subject::Indicators, Locale::ZhCn, None, None).unwrap();
        let checklist = &s["properties"]["units"]["items"]["properties"]["checklist"];
        assert!(checklist.is_object(), "{id}: a checklist is accepted");
        assert_eq!(checklist.get("title").is_some(), titled, "{id}: {checklist}");
        let d = e.describe(Subject::Indicators, Locale::ZhCn, None, None).unwrap();
        let field = d["fields"].as_array().unwrap().iter().any(|f| f["pointer"] == "/units/*/checklist");
        assert_eq!(field, titled, "{id}: describe and the schema agree");
    }
}

/// Versions audit, thirty-sixth session: a filing dated `2020/4/7` is judged by 2020-04-07, and
/// `describe`'s `on` (npm `on`, the CLI's `--on`) takes the date as the filing wrote it.
#[test]
fn describe_on_takes_a_date_as_forms_write_it() {
    let e = Engine::with_default_pack().unwrap();
    for (on, version) in
        [("2020/4/7", "2020-04-07"), ("2020年4月6日", "2020-02-10"), ("２０２０-０４-０７", "2020-04-07")]
    {
        let day = fangkong::time::parse_day(on).unwrap_or_else(|| panic!("{on}"));
        let d = e.describe(Subject::Filing, Locale::ZhCn, None, Some(day)).unwrap();
        assert_eq!(d["pack"]["version"], version, "{on}");
    }
    assert!(fangkong::time::parse_day("2020/2/30").is_none() && fangkong::time::parse_day("xyz").is_none());
}

/// An inspection of the factory example with `fail` and `partial` at the given items.
fn inspection_with(fail: &[&str], partial: &[&str]) -> Value {
    let mut doc = read_json("examples/inspections/factory-all-pass.json");
    for (ids, result) in [(fail, "fail"), (partial, "partial")] {
        for id in ids {
            doc["answers"][*id] = json!({ "result": result });
        }
    }
    doc
}

/// A pack extending `shenzhen-2020` with other scoring parameters.
fn scoring_pack(params: Value) -> Engine {
    let pack = json!({
        "id": "scoring-2020", "extends": "shenzhen-2020", "version": "2020-02-10",
        "effectiveFrom": "2020-02-01", "title": { "zh-CN": "评分", "zh-TW": "評分", "en": "scoring" },
        "source": "test", "parameters": params,
    });
    Engine::from_pack_json(&pack.to_string()).unwrap()
}

/// domain.md §3.1: "Round only for display, never before a comparison"; the partial credit and
/// the thresholds are parameters a pack may change (domain.md's preamble). Summed in binary
/// floating point, 100 − 17 − 0.3 × 10 came out 79.99999999999999 and a firm at exactly the
/// approval score was told to rectify (inspection audit, thirty-seventh session).
#[test]
fn a_score_exactly_at_a_packs_threshold_reaches_it_whatever_the_partial_credit() {
    let opts = opts("2020-02-12T10:00:00+08:00");
    // Failed: 4 + 5 + 5 + 3 = 17; partial: 3 + 3 + 4 = 10 at 0.7 → 80 exactly.
    let engine = scoring_pack(json!({ "partialCredit": { "value": 0.7 }, "approvedScore": { "value": 80 } }));
    let doc = inspection_with(&["INS-S1-4", "INS-S2-2", "INS-S2-3", "INS-S5-2"], &["INS-S3-6", "INS-S5-1", "INS-S6-1"]);
    let a = serde_json::to_value(engine.score_inspection_json(&doc.to_string(), &opts)).unwrap();
    assert_eq!(a["score"].as_f64(), Some(80.0), "{a:#}");
    assert_eq!(a["decision"], "approved", "{a:#}");
    assert_eq!(a["rectifications"], json!([]));
    // Failed: 4 + 5 + 5 + 4 + 3 = 21; partial 10 at 0.1 → 70 exactly: at the stop-work score, so
    // conditional, not deferred.
    let engine = scoring_pack(json!({ "partialCredit": { "value": 0.1 }, "conditionalScore": { "value": 70 } }));
    let doc = inspection_with(
        &["INS-S1-4", "INS-S2-2", "INS-S2-3", "INS-S2-4", "INS-S3-4"],
        &["INS-S3-6", "INS-S5-1", "INS-S6-1"],
    );
    let a = serde_json::to_value(engine.score_inspection_json(&doc.to_string(), &opts)).unwrap();
    assert_eq!(a["score"].as_f64(), Some(70.0), "{a:#}");
    assert_eq!(a["decision"], "conditional", "{a:#}");
    // A section's sums are exact too: S6 is 4 × 0.1 + 2 + 2 = 4.4 of 8, 55 %.
    let s6 = a["sections"].as_array().unwrap().iter().find(|s| s["id"] == "INS-S6").unwrap().clone();
    let sums = [&s6["earned"], &s6["applicable"], &s6["score"]].map(Value::as_f64);
    assert_eq!(sums, [Some(4.4), Some(8.0), Some(55.0)], "{s6:#}");
}

/// A variant pack over `shenzhen-2020` with `body`'s keys, as the CLI reads it.
fn variant(name: &str, body: Value) -> common::Tmp {
    let mut pack = json!({
        "id": "variant-2020", "extends": "shenzhen-2020", "version": "2020-02-10", "effectiveFrom": "2020-02-01",
        "title": { "zh-CN": "变体", "zh-TW": "變體", "en": "variant" },
    });
    for (k, v) in body.as_object().unwrap() {
        pack[k] = v.clone();
    }
    tmp(name, &pack.to_string())
}

/// A variant changes a parameter's value within its parent's bounds: it may narrow `min`/`max`,
/// never widen or remove them (pack author audit, thirty-seventh session: `{"max": 2, "value":
/// 1.5}` passed lint, and a checklist scored 102 with a section at 125).
#[test]
fn a_variant_may_not_widen_a_parameters_bounds() {
    for (name, param, pointer) in [
        ("wide-credit.json", json!({ "partialCredit": { "max": 2, "value": 1.5 } }), "/parameters/partialCredit/max"),
        (
            "low-fever.json",
            json!({ "feverTemperature": { "min": 30, "value": 32 } }),
            "/parameters/feverTemperature/min",
        ),
        ("no-max.json", json!({ "approvedScore": { "max": null, "value": 150 } }), "/parameters/approvedScore/max"),
    ] {
        let pack = variant(name, json!({ "parameters": param }));
        let out = fangkong(&["lint-pack", pack.to_str().unwrap(), "--locale", "en"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(pointer) && err.contains("may narrow it, not widen or remove it"), "{name}: {err}");
    }
    // Narrowed, it is the variant's own choice.
    let pack = variant("narrow.json", json!({ "parameters": { "partialCredit": { "max": 0.5, "value": 0.25 } } }));
    let out = fangkong(&["lint-pack", pack.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A variant's zh-TW entry that gives only some of the parts it rewrote in zh-CN shows its zh-CN
/// words for the others, never the parent's zh-TW (README, "Pack variants": "by part"; pack
/// author audit, thirty-seventh session: the parent's zh-TW help and hint stayed).
#[test]
fn a_partial_zh_tw_entry_takes_the_variants_zh_cn_for_the_parts_it_leaves_out() {
    let pack = variant(
        "tw-by-part.json",
        json!({
            "messages": {
                "zh-CN": { "filing.lead_time": { "message": "须提前{min}个自然日备案", "help": "最早可于{earliest}复工（本区规定）" } },
                "zh-TW": { "filing.lead_time": { "message": "須提前{min}個自然日備案" } },
                "en": { "filing.lead_time": { "message": "file {min} calendar days ahead", "help": "earliest {earliest} (district rule)" } } },
            "labels": {
                "zh-CN": { "filing:staff.total": { "label": "职工总人数", "hint": "含全部在册职工" } },
                "zh-TW": { "filing:staff.total": { "label": "職工總人數" } } } }),
    );
    let filing = tmp(
        "tw-by-part-filing.json",
        &workshop(json!({ "filedOn": "2020-02-07", "staff": { "total": null } })).to_string(),
    );
    let a = stdout_json(&fangkong(&[
        "check-filing",
        filing.to_str().unwrap(),
        "--pack",
        pack.to_str().unwrap(),
        "--now",
        "2020-02-07T10:00:00+08:00",
        "--locale",
        "zh-TW",
    ]));
    let by_code = |code: &str| a["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == code).unwrap().clone();
    let lead = by_code("filing.lead_time");
    assert_eq!(
        (lead["message"].as_str(), lead["help"].as_str()),
        (Some("須提前5個自然日備案"), Some("最早可于2020-02-12复工（本区规定）"))
    );
    let total = by_code("field.required");
    assert_eq!(
        (total["message"].as_str(), total["help"].as_str()),
        (Some("請填寫：職工總人數"), Some("含全部在册职工"))
    );
}

/// A message states the pack's number as it is: rounded to two decimals, a plausible range of
/// 33.125–42.875 ℃ read "33.13–42.88", and 42.876 looked inside it (pack author audit,
/// thirty-seventh session; domain.md §3.1 round only for display).
#[test]
fn messages_state_a_packs_bounds_as_they_are() {
    let pack = variant(
        "bounds.json",
        json!({ "parameters": { "plausibleTemperatureMin": { "value": 33.125 }, "plausibleTemperatureMax": { "value": 42.875 } } }),
    );
    let decl = tmp(
        "bounds-decl.json",
        &json!({ "declaredOn": "2020-02-01", "visitedEpidemicArea": false, "contactWithAreaPeople": false,
            "contactWithConfirmed": false, "attendedGatherings": false,
            "symptoms": { "temperature": 42.876, "dryCough": false, "fatigue": false } })
        .to_string(),
    );
    let a = stdout_json(&fangkong(&[
        "screen",
        decl.to_str().unwrap(),
        "--pack",
        pack.to_str().unwrap(),
        "--now",
        "2020-02-01T10:00:00+08:00",
    ]));
    let told =
        a["diagnostics"].as_array().unwrap().iter().find(|d| d["path"] == "/symptoms/temperature").unwrap().clone();
    assert!(told["message"].as_str().unwrap().contains("33.125–42.875"), "{told}");
}

/// The screening form's own description follows `observationDays`, as its questions do (pack
/// author audit, thirty-seventh session: "个人近14天…" above "是否近21天到过疫区").
#[test]
fn the_screening_forms_description_follows_observation_days() {
    let pack = variant("days.json", json!({ "parameters": { "observationDays": { "value": 21 } } }));
    for (locale, words) in [("zh-CN", "近21天"), ("zh-TW", "近21天"), ("en", "last 21 days")] {
        let schema = stdout_json(&fangkong(&[
            "describe",
            "screening",
            "--json-schema",
            "--pack",
            pack.to_str().unwrap(),
            "--locale",
            locale,
        ]));
        assert!(schema["description"].as_str().unwrap().contains(words), "{locale}: {}", schema["description"]);
    }
}

/// A fever bound outside the plausible readings is refused, as a ladder out of order is (pack
/// author audit, thirty-seventh session: above the plausible maximum no reading was ever a fever,
/// below the minimum every one was).
#[test]
fn a_fever_bound_outside_the_plausible_readings_is_refused() {
    for (name, params, told) in [
        (
            "fever-high.json",
            json!({ "feverTemperature": { "value": 39 }, "plausibleTemperatureMax": { "value": 38 } }),
            "`feverTemperature` (39) must not be above `plausibleTemperatureMax` (38)",
        ),
        (
            "fever-low.json",
            json!({ "feverTemperature": { "value": 35 }, "plausibleTemperatureMin": { "value": 36 } }),
            "`plausibleTemperatureMin` (36) must not be above `feverTemperature` (35)",
        ),
    ] {
        let pack = variant(name, json!({ "parameters": params }));
        let out = fangkong(&["lint-pack", pack.to_str().unwrap(), "--locale", "en"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(told), "{name}: {err}");
    }
}

/// A variant gives its own `id`, `version` and `effectiveFrom`: one left out is an error at its
/// own place, never the parent's taken (pack author audit, thirty-ninth session: a variant
/// without `id` passed lint and stamped its answers `shenzhen-2020`; one without `version` was
/// told of a version `2020-02-10` it never wrote). A version of another family is told once.
#[test]
fn a_variant_names_itself_and_a_second_family_is_told_once() {
    let full =
        json!({ "id": "lg", "version": "2020-02-17", "effectiveFrom": "2020-02-17", "extends": "shenzhen-2020" });
    assert!(Engine::from_pack_json(&full.to_string()).is_ok());
    for key in ["id", "version", "effectiveFrom"] {
        let mut pack = full.clone();
        pack.as_object_mut().unwrap().remove(key);
        let err = Engine::from_pack_json(&pack.to_string()).unwrap_err();
        let told: Vec<(&str, &str)> = err.0.iter().map(|e| (e.path.as_str(), e.kind.code())).collect();
        assert_eq!(told, [(format!("/{key}").as_str(), "pack.syntax")], "{err:?}");
        assert!(err.0[0].zh.starts_with(&format!("缺少字段 `{key}`")), "{err:?}");
    }
    // In a family's array, at the version's place.
    let family = json!([full, { "id": "lg", "version": "2020-03-01", "extends": "shenzhen-2020" }]);
    let err = Engine::from_pack_json(&family.to_string()).unwrap_err();
    let at: Vec<&str> = err.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(at, ["/1/effectiveFrom"], "{err:?}");
    // Two families: one mistake, at the second's id (it was told twice, then as a duplicate
    // `/1/version` 2020-04-07, a version gained by following the parent).
    let two = json!([full, { "id": "lg2", "version": "2020-03-01", "effectiveFrom": "2020-03-01", "extends": "shenzhen-2020" }]);
    let err = Engine::from_pack_json(&two.to_string()).unwrap_err();
    let told: Vec<(&str, &str)> = err.0.iter().map(|e| (e.path.as_str(), e.kind.code())).collect();
    assert_eq!(told, [("/1/id", "pack.bad_rule")], "{err:?}");
}
