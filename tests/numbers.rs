//! The runtime module's JSON reader for numbers serde_json's default parser might round
//! otherwise (`fangkong::num::read_exact`, used in the `.wasm` built without
//! `float_roundtrip`: src/num/read.rs) against serde_json with `float_roundtrip` (as natively):
//! the same `Value`, byte for byte, on every example and golden input, and on random numbers
//! in every spelling; and every number that is not flagged as needing it reads exactly with the
//! default parser's method (digits times a power of ten, one rounding).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use fangkong::num::{has_inexact_number, read_exact};
use proptest::prelude::*;
use serde_json::Value;

#[test]
fn every_example_and_golden_input_reads_as_serde_json_reads_it() {
    let texts = common::json_texts();
    for t in &texts {
        let theirs: Option<Value> = serde_json::from_str(t).ok();
        assert_eq!(read_exact(t).map(|v| v.to_string()), theirs.map(|v| v.to_string()), "{}", &t[..t.len().min(200)]);
    }
}

/// The default parser's method for a float token: the digits as an integer times (or divided
/// by) a power of ten: exact when both are exact and so only the product is rounded.
fn default_method(token: &str) -> Option<f64> {
    let (mantissa, exp) = token.split_once(['e', 'E']).map_or((token, 0i64), |(m, e)| (m, e.parse().unwrap()));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: u64 = format!("{int}{frac}").trim_start_matches('-').parse().ok()?;
    let power = exp - i64::try_from(frac.len()).unwrap();
    let pow = 10f64.powi(i32::try_from(power.abs()).ok()?);
    let x = if power >= 0 { digits as f64 * pow } else { digits as f64 / pow };
    Some(if int.starts_with('-') { -x } else { x })
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
        prop_assert_eq!(read_exact(&text).map(|v| v.to_string()), Some(theirs.to_string()), "{}", text);
        if !has_inexact_number(&text) && (token.contains('.') || token.contains('e')) {
            let exact: f64 = token.parse().unwrap();
            prop_assert_eq!(default_method(&token), Some(exact), "{}", token);
        }
    }
}

#[test]
fn the_fuzz_finding_is_flagged_and_read_correctly_rounded() {
    let text = r#"{"staff":{"fromOutside":7.280749531897376e59}}"#;
    assert!(has_inexact_number(text));
    assert_eq!(read_exact(text).unwrap()["staff"]["fromOutside"].as_f64(), Some(7.280749531897376e59));
}
