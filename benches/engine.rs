//! `make bench`: how fast the engine compiles packs and judges submissions (native).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use criterion::{Criterion, criterion_group, criterion_main};
use fangkong::time::parse_now;
use fangkong::{Engine, Options};
use std::hint::black_box;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn benches(c: &mut Criterion) {
    let engine = Engine::with_default_pack().unwrap();
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
    let workshop = read("examples/filings/workshop.json");
    let factory = read("examples/filings/factory-1000.json");
    let inspection = read("examples/inspections/factory-all-pass.json");
    let district = read("examples/indicators/guangming-district.json");
    let person = read("examples/screening/returned-from-area.json");

    c.bench_function("compile default pack family", |b| b.iter(|| Engine::with_default_pack().unwrap()));
    c.bench_function("check filing: workshop", |b| b.iter(|| engine.check_filing_json(black_box(&workshop), &opts)));
    c.bench_function("check filing: factory, 1,000-person roster", |b| {
        b.iter(|| engine.check_filing_json(black_box(&factory), &opts))
    });
    c.bench_function("score inspection: 27 items", |b| {
        b.iter(|| engine.score_inspection_json(black_box(&inspection), &opts))
    });
    c.bench_function("indicators: district of 19 units", |b| {
        b.iter(|| engine.evaluate_indicators_json(black_box(&district), &opts))
    });
    // The empty form: every missing value reported and named by its label.
    c.bench_function("check filing: empty form, every missing value named", |b| {
        b.iter(|| engine.check_filing_json(black_box("{}"), &opts))
    });
    // One keystroke while typing (issue 7): the filing as far as the person has come, with
    // `scope` the fields reached. Workshop: the measures not yet filled, typing the masks.
    let mut half: serde_json::Value = serde_json::from_str(&workshop).unwrap();
    half.as_object_mut().unwrap().remove("measures");
    half["supplies"]["masks"] = serde_json::json!("6");
    let half = half.to_string();
    let reached = ["/filedOn", "/plannedResumption", "/enterprise", "/contacts", "/staff", "/supplies"];
    let typing = opts.clone().scope(reached);
    c.bench_function("keystroke with scope: workshop, half filled", |b| {
        b.iter(|| engine.check_filing_json(black_box(&half), &typing))
    });
    // The 1,000-person factory, typing into the last roster row.
    let mut fac: serde_json::Value = serde_json::from_str(&factory).unwrap();
    if let Some(last) = fac["roster"].as_array_mut().and_then(|r| r.last_mut()) {
        last["phone"] = serde_json::json!("1380013");
    }
    let fac = fac.to_string();
    let typing_roster = opts.clone().scope(["/filedOn", "/plannedResumption", "/enterprise", "/staff", "/roster"]);
    c.bench_function("keystroke with scope: factory, 1,000-person roster", |b| {
        b.iter(|| engine.check_filing_json(black_box(&fac), &typing_roster))
    });
    // Hostile: one map of 100,000 keys that are no item (tests/hostile.rs; quadratic until the
    // eighteenth session: 20 s in the browser).
    let keys = |v: &str| (0..100_000).map(|i| format!("\"{i}\":{v}")).collect::<Vec<_>>().join(",");
    let answers = format!("{{\"answers\":{{{}}}}}", keys("0"));
    c.bench_function("score inspection: 100,000 unknown answers", |b| {
        b.iter(|| engine.score_inspection_json(black_box(&answers), &opts))
    });
    let checklist = format!(
        "{{\"date\":\"2020-02-12\",\"units\":[{{\"id\":\"d\",\"level\":\"district\",\"checklist\":{{{}}}}}]}}",
        keys("true")
    );
    c.bench_function("indicators: a checklist of 100,000 unknown keys", |b| {
        b.iter(|| engine.evaluate_indicators_json(black_box(&checklist), &opts))
    });
    c.bench_function("screen a person", |b| b.iter(|| engine.screen_person_json(black_box(&person), &opts)));
    // A draft (issue 9, point 3): one `set` per keystroke, alternating two values so that every
    // set changes the answer (workshop: the masks; factory: a phone in row 500, valid or not).
    let mut draft = engine.draft_filing(&opts);
    draft.set("", serde_json::from_str(&workshop).unwrap()).unwrap();
    let mut n = 0u32;
    c.bench_function("draft.set: workshop, typing the masks", |b| {
        b.iter(|| {
            n += 1;
            draft.set("/supplies/masks", serde_json::json!(if n.is_multiple_of(2) { "60" } else { "6000" })).unwrap()
        })
    });
    let mut draft = engine.draft_filing(&opts);
    draft.set("", serde_json::from_str(&factory).unwrap()).unwrap();
    c.bench_function("draft.set: factory, 1,000-person roster, a phone in row 500", |b| {
        b.iter(|| {
            n += 1;
            let phone = if n.is_multiple_of(2) { "1380013800" } else { "13800138000" };
            draft.set("/roster/500/phone", serde_json::json!(phone)).unwrap()
        })
    });
}

/// The float reader and printer (src/num/float.rs, shortest.rs) against core's parser and
/// serde_json's printer, on a filing's usual numbers and on ones that take the slow paths.
fn floats(c: &mut Criterion) {
    for text in ["12.5", "36.6", "0.30000000000000004", "1e-7"] {
        c.bench_function(&format!("float: read {text}"), |b| b.iter(|| fangkong::num::parse_f64(black_box(text))));
        c.bench_function(&format!("float: read {text}, core"), |b| b.iter(|| black_box(text).parse::<f64>()));
        let x: f64 = text.parse().unwrap();
        c.bench_function(&format!("float: print {text}"), |b| {
            b.iter(|| {
                let mut out = String::new();
                fangkong::num::push_f64(&mut out, black_box(x));
                out
            });
        });
        let n = serde_json::Number::from_f64(x).unwrap();
        c.bench_function(&format!("float: print {text}, serde_json"), |b| b.iter(|| black_box(&n).to_string()));
    }
}

criterion_group!(engine, benches, floats);
criterion_main!(engine);
