//! The runtime module's JSON reader (`fangkong::num::read_json`, the `.wasm`'s `parse_json`:
//! src/num/read.rs) on numbers, against serde_json with `float_roundtrip` (as natively): the
//! same `Value`, byte for byte, on every example and golden input, and on random numbers in
//! every spelling, correctly rounded where serde_json's default parser might not be.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use fangkong::num::read_json;
use proptest::prelude::*;
use serde_json::Value;

#[test]
fn every_example_and_golden_input_reads_as_serde_json_reads_it() {
    let texts = common::json_texts();
    for t in &texts {
        let theirs: Option<Value> = serde_json::from_str(t).ok();
        assert_eq!(
            read_json(t).ok().map(|v| v.to_string()),
            theirs.map(|v| v.to_string()),
            "{}",
            &t[..t.len().min(200)]
        );
    }
}

proptest! {
    #[test]
    fn random_numbers_read_correctly_rounded(bits in any::<u64>(), digits in 1usize..18, spelling in 0u8..3) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let token = match spelling {
            0 => serde_json::to_string(&x).unwrap(),
            1 => format!("{:.*e}", digits - 1, x),
            _ => format!("{:.*}", digits.min(8), x.clamp(-1e12, 1e12)),
        };
        let text = format!("{{\"a\":[{token},\"{token}\"]}}");
        let theirs: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(read_json(&text).ok().map(|v| v.to_string()), Some(theirs.to_string()), "{}", text);
    }
}

#[test]
fn the_fuzz_finding_is_read_correctly_rounded() {
    let text = r#"{"staff":{"fromOutside":7.280749531897376e59}}"#;
    assert_eq!(read_json(text).unwrap()["staff"]["fromOutside"].as_f64(), Some(7.280749531897376e59));
}

/// `num::text` spells numbers as JSON prints them, and the ones JSON cannot hold as JavaScript
/// does (audit: both infinities were "NaN").
#[test]
fn text_spells_numbers_as_javascript_does() {
    use fangkong::num::text;
    assert_eq!(text(5.0), "5");
    assert_eq!(text(2.5), "2.5");
    assert_eq!(text(f64::NAN), "NaN");
    assert_eq!(text(f64::INFINITY), "Infinity");
    assert_eq!(text(f64::NEG_INFINITY), "-Infinity");
    // Outside 10^-5 to 2^63 the exponent form is serde_json's, where JavaScript writes the
    // digits out (`String(1e20)` is `100000000000000000000`): the same value, spelt as the
    // JSON of the answer spells it (src/num.rs; no count a rule accepts gets there).
    for (x, spelt) in [
        (1e20, "1e+20"),
        (1e21, "1e+21"),
        (1e-6, "1e-6"),
        (1e-5, "0.00001"),
        (1e16, "10000000000000000"),
        (9.223372036854776e18, "9.223372036854776e+18"),
        (-1e-7, "-1e-7"),
        (123.456, "123.456"),
    ] {
        assert_eq!(text(x), spelt, "{x:e}");
    }
}
