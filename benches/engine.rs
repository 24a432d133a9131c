//! `make bench`: how fast the engine compiles packs and judges submissions (native).

#![allow(clippy::unwrap_used, clippy::expect_used)]

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
    c.bench_function("screen a person", |b| b.iter(|| engine.screen_person_json(black_box(&person), &opts)));
}

criterion_group!(engine, benches);
criterion_main!(engine);
