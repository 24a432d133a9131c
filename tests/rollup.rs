//! Issue 3: a district tree rolls up by *summing* numerators and denominators through the
//! five levels; averaging the grids' percentages would give a different (wrong) answer.
//! The expected numbers are computed here from the report itself, independently of the engine.
//! Issue 7: a unit with a silent grid below it shows those sums but the status `missing`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use fangkong::time::parse_now;
use fangkong::{Engine, Options};
use serde_json::Value;

const PAIRS: [(&str, &str, &str); 5] = [
    ("IND-1", "compoundsEnclosed", "compounds"),
    ("IND-2", "keyAreaHomeIsolated", "keyAreaArrivals"),
    ("IND-3", "closeContactsQuarantined", "closeContacts"),
    ("IND-4", "entrancesTwoWayChecked", "entrances"),
    ("IND-5", "rentalUnitsRegistered", "rentalUnits"),
];

#[test]
fn the_district_is_the_sum_of_its_grids_not_their_average() {
    let text =
        std::fs::read_to_string(format!("{}/examples/indicators/guangming-district.json", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let report: Value = serde_json::from_str(&text).unwrap();
    let units = report["units"].as_array().unwrap();
    let grids: Vec<&Value> = units.iter().filter(|u| u["level"] == "grid").collect();
    assert_eq!(grids.len(), 12, "district → 2 streets → 4 communities → 12 grids");
    let reporting: Vec<&Value> = grids.iter().copied().filter(|g| g.get("counts").is_some()).collect();
    assert_eq!(reporting.len(), 11, "one grid sent no report");

    let engine = Engine::with_default_pack().unwrap();
    let answer =
        engine.evaluate_indicators_value(&report, &Options::at(parse_now("2020-02-12T20:00:00+08:00").unwrap()));
    let unit = |id: &str| answer.units.iter().find(|u| u.id == id).unwrap();
    let district = answer.units.iter().find(|u| u.level.as_deref() == Some("district")).unwrap();
    let missing_grid = grids.iter().find(|g| g.get("counts").is_none()).unwrap()["id"].as_str().unwrap();
    assert_eq!(answer.missing, vec![missing_grid.to_owned()], "the silent grid is missing, not 0%");
    assert_eq!(district.missing, vec![missing_grid.to_owned()]);

    // Grids under a unit (at any depth).
    let under = |top: &str| -> Vec<&Value> {
        grids
            .iter()
            .copied()
            .filter(|g| {
                let mut at = g["id"].as_str().unwrap();
                loop {
                    if at == top {
                        return true;
                    }
                    match units.iter().find(|u| u["id"] == at).and_then(|u| u["parent"].as_str()) {
                        Some(p) => at = p,
                        None => return false,
                    }
                }
            })
            .collect()
    };

    // The district has a silent grid below it: the sums of what was reported, but `missing`,
    // never met/short worked out from part of its grids.
    for (id, num, den) in PAIRS {
        let n: u64 = reporting.iter().map(|g| g["counts"][num].as_u64().unwrap()).sum();
        let d: u64 = reporting.iter().map(|g| g["counts"][den].as_u64().unwrap()).sum();
        let got = district.indicators.iter().find(|i| i.id == id).unwrap();
        assert_eq!((got.numerator, got.denominator), (Some(n), Some(d)), "{id}: the district sums its reporting grids");
        assert_eq!(got.status, "missing", "{id}: a grid below the district did not report");
        assert_eq!((got.ratio, got.shortfall), (None, None), "{id}: no ratio or shortfall from part of the grids");
    }

    // A street whose grids all reported: the sum, not the average.
    let street = unit("GM-FH");
    let street_grids = under("GM-FH");
    assert_eq!(street_grids.len(), 6);
    assert!(street_grids.iter().all(|g| g.get("counts").is_some()), "every grid of GM-FH reported");
    let mut differs = 0;
    for (id, num, den) in PAIRS {
        let n: u64 = street_grids.iter().map(|g| g["counts"][num].as_u64().unwrap()).sum();
        let d: u64 = street_grids.iter().map(|g| g["counts"][den].as_u64().unwrap()).sum();
        let ratios: Vec<f64> = street_grids
            .iter()
            .filter(|g| g["counts"][den].as_u64().unwrap() > 0)
            .map(|g| g["counts"][num].as_f64().unwrap() / g["counts"][den].as_f64().unwrap())
            .collect();
        let average = ratios.iter().sum::<f64>() / ratios.len() as f64;
        let got = street.indicators.iter().find(|i| i.id == id).unwrap();
        assert_eq!((got.numerator, got.denominator), (Some(n), Some(d)), "{id}: the street sums its grids");
        assert_eq!(got.shortfall, Some(d - n), "{id}: shortfall as a count");
        let sum_ratio = n as f64 / d as f64;
        assert!((got.ratio.unwrap() - sum_ratio).abs() < 1e-12, "{id}: ratio is Σn/Σd");
        if (average - sum_ratio).abs() > 1e-9 {
            differs += 1;
            assert!((got.ratio.unwrap() - average).abs() > 1e-9, "{id}: not the average of grid ratios");
        }
        assert_eq!(got.status, if n == d { "met" } else { "short" });
    }
    assert!(differs >= 2, "the example must be one where averaging gives another answer ({differs} indicators differ)");
}

/// Past 2^53 the sums stay exact, and a short indicator's ratio is never 1 (100%): the quotient
/// of 18014398509481980 / 18014398509481981 rounds to 1.0 in a double (sixteenth session audit).
#[test]
fn a_short_indicator_is_never_a_ratio_of_one() {
    let pair = |n: u64, d: u64| {
        serde_json::json!({ "compounds": d, "compoundsEnclosed": n, "keyAreaArrivals": 0, "keyAreaHomeIsolated": 0,
            "closeContacts": 0, "closeContactsQuarantined": 0, "entrances": 0, "entrancesTwoWayChecked": 0,
            "rentalUnits": 0, "rentalUnitsRegistered": 0 })
    };
    let report = serde_json::json!({ "date": "2020-02-12", "units": [
        { "id": "C" },
        { "id": "G1", "parent": "C", "counts": pair(9_007_199_254_740_990, 9_007_199_254_740_990) },
        { "id": "G2", "parent": "C", "counts": pair(9_007_199_254_740_990, 9_007_199_254_740_991) },
    ] });
    let engine = Engine::with_default_pack().unwrap();
    let answer =
        engine.evaluate_indicators_value(&report, &Options::at(parse_now("2020-02-12T20:00:00+08:00").unwrap()));
    let c = answer.units.iter().find(|u| u.id == "C").unwrap();
    let ind = c.indicators.iter().find(|i| i.id == "IND-1").unwrap();
    assert_eq!(
        (ind.numerator, ind.denominator, ind.status.as_str()),
        (Some(18_014_398_509_481_980), Some(18_014_398_509_481_981), "short")
    );
    assert_eq!(ind.shortfall, Some(1));
    assert!(ind.ratio.unwrap() < 1.0, "{:?}", ind.ratio);
}

/// A unit with neither name nor id is named `null` in `params` — the same in every locale — and
/// told by its place in the report in each locale's words (sixteenth session audit: the param
/// was the word; thirty-fifth session's indicators audit: "未填写：1个小区…" read as if the
/// unit were a value not filled in).
#[test]
fn a_nameless_unit_is_null_in_params_in_every_locale() {
    let report: Value = serde_json::from_str(
        r#"{"date":"2020-02-12","units":[{"level":"grid","counts":{"compounds":2,"compoundsEnclosed":1}}]}"#,
    )
    .unwrap();
    let engine = Engine::with_default_pack().unwrap();
    let short = |locale: &str| {
        let mut opts = Options::at(parse_now("2020-02-12T20:00:00+08:00").unwrap());
        opts.locale = fangkong::Locale::parse(locale).unwrap();
        let a = engine.evaluate_indicators_value(&report, &opts);
        a.diagnostics.into_iter().find(|d| d.code == "indicators.compounds_not_enclosed").unwrap()
    };
    let (zh, en) = (short("zh-CN"), short("en"));
    assert_eq!(zh.params, en.params);
    assert_eq!(zh.params["unit"], Value::Null);
    assert!(zh.message.starts_with("填报单位（第1条）："), "{}", zh.message);
    assert!(en.message.starts_with("Reporting units (entry 1): "), "{}", en.message);
}

/// Sums past 2^64 − 1 (each count may be up to 2^53 − 1) are not counts: they used to stop
/// there, so a district of 2,049 grids of 2^53 − 1 compounds, one grid short by one, was `met`
/// with a numerator no unit sent (indicators audit, thirty-seventh session; domain.md §4 "met only
/// at exactly 100%", §7 no message states a value the input does not hold).
#[test]
fn sums_past_what_is_counted_exactly_are_invalid_not_met() {
    const MAX: u64 = (1 << 53) - 1;
    let mut units = vec![serde_json::json!({ "id": "D", "level": "district", "name": "区" })];
    for g in 0..2049 {
        let mut counts = serde_json::Map::new();
        for (_, n, d) in PAIRS {
            counts.insert(d.to_owned(), Value::from(if n == "compoundsEnclosed" { MAX } else { 1 }));
            counts
                .insert(n.to_owned(), Value::from(if n == "compoundsEnclosed" { MAX - u64::from(g == 0) } else { 1 }));
        }
        units.push(serde_json::json!({ "id": format!("G{g}"), "parent": "D", "level": "grid", "counts": counts }));
    }
    let report = serde_json::json!({ "date": "2020-02-12", "units": units });
    let engine = Engine::with_default_pack().unwrap();
    let answer = serde_json::to_value(
        engine.evaluate_indicators_value(&report, &Options::at(parse_now("2020-02-12T20:00:00+08:00").unwrap())),
    )
    .unwrap();
    let district = &answer["units"][0];
    assert_eq!(district["id"], "D");
    let ind1 = &district["indicators"][0];
    assert_eq!((&ind1["id"], &ind1["status"]), (&Value::from("IND-1"), &Value::from("invalid")), "{ind1}");
    assert_eq!((&ind1["numerator"], &ind1["denominator"]), (&Value::Null, &Value::Null), "no sum is stated");
    // IND-2, summed to 2,049, is counted as before.
    assert_eq!(district["indicators"][1]["status"], "met");
    assert_eq!(district["indicators"][1]["denominator"], 2049);
    let told: Vec<&Value> = answer["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "indicators.count_too_large")
        .collect();
    assert_eq!(told.len(), 1, "told once, where the sum passes 2^64 − 1: {told:?}");
    assert_eq!((&told[0]["path"], &told[0]["ruleId"]), (&Value::from("/units/0"), &Value::from("IND-1")));
    assert_eq!(answer["decision"], "deferred");
    // The grid short by one is still short by one.
    assert_eq!(answer["units"][1]["indicators"][0]["shortfall"], 1);
}
