//! The work budget's fast path (issue 9, point 1): a pack's `WorkBounds` are trusted to skip
//! counting the steps, so the bound must be at least the exact count on documents of every
//! size, and `budget::over` must say what counting would.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use fangkong::Engine;
use fangkong::budget::{WORK_BUDGET, over, work};
use fangkong::schema::Subject;
use serde_json::{Value, json};

fn longest_array(v: &Value) -> u64 {
    match v {
        Value::Array(items) => items.iter().map(longest_array).fold(items.len() as u64, u64::max),
        Value::Object(map) => map.values().map(longest_array).fold(0, u64::max),
        _ => 0,
    }
}

#[test]
fn bounds_are_above_the_work() {
    let docs = [
        json!({}),
        json!({ "staff": { "total": 3 }, "roster": [ {}, { "name": "x" } ] }),
        json!({ "roster": vec![json!({ "returning": true, "keyAreaHistory": true }); 1000],
            "openRectifications": vec![json!({ "veto": true }); 30] }),
        json!({ "items": { "a": 1 }, "units": [ { "counts": { "x": 1 } } ], "facts": { "needs": ["a", "b"] } }),
        json!({ "units": vec![json!({ "counts": { "x": 1 } }); 300], "previous": vec![json!({}); 50] }),
    ];
    for id in ["shenzhen-2020", "guangming-2020", "hangzhou-2020"] {
        let engine = Engine::with_pack_id(id).unwrap();
        for pack in engine.packs() {
            for subject in Subject::ALL {
                for doc in &docs {
                    let l = longest_array(doc).max(1);
                    let exact = work(pack, subject, doc);
                    assert!(exact <= fangkong::pack::work::bound(&pack.rules, subject, l), "{id} {subject:?}");
                    if l <= pack.work_bounds.longest(subject) {
                        assert!(exact <= WORK_BUDGET);
                    }
                    assert_eq!(over(pack, subject, doc, 0), (exact > 0).then_some(exact));
                    assert_eq!(over(pack, subject, doc, exact), None);
                    assert_eq!(over(pack, subject, doc, WORK_BUDGET), None);
                }
            }
        }
        // The fast path covers ordinary submissions: a 1,000-person roster is not counted.
        assert!(engine.pack().work_bounds.longest(Subject::Filing) >= 1000, "{id}");
    }
}
