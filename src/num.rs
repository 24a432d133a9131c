//! The one number formatter: numbers print as JavaScript's `JSON.stringify` prints them —
//! whole numbers without a fraction (`100`, not `100.0`), others as the shortest text that
//! reads back the same (`2.5`) — so the CLI, the Rust API and the npm package give the same
//! bytes. Outside 10^-5 to 2^63 the exponent form is serde_json's (`1e+20`, `1e-6`, where
//! JavaScript writes `100000000000000000000`, `0.000001`): the same digits and value, and no
//! count a rule accepts gets there. Without core's float formatting in the wasm, nor
//! serde_json's (zmij): floats print by [`push_f64`] (src/num/shortest.rs) and read by
//! [`parse_f64`] (src/num/float.rs).

use serde_json::{Number, Value};

/// 2^53 − 1: the largest whole number JSON carries exactly in every reader (JavaScript's
/// `Number.MAX_SAFE_INTEGER`). Counts and amounts above it are refused (`count.too_large`).
pub const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// `x` as a whole number of `10^-k`, when it is a decimal of at most `k` places (`0.7` at `k = 1`
/// is `7`): the inspection's exact sums and a message's "shown as it is" both ask this.
pub fn decimal_units(x: f64, k: u32) -> Option<i64> {
    let scale = 10f64.powi(i32::try_from(k).ok()?);
    let r = (x * scale).round();
    // Both exact below 2^53, so the division is correctly rounded: it gives `x` back exactly when
    // `x` is the double nearest the decimal `r / 10^k`, as a pack's decimal or a typed value is.
    (r.abs() <= MAX_EXACT && r / scale == x).then_some(r as i64)
}

// The float reader and printer everywhere but in the compiler module, which links core's parser
// (expressions, serde_json's `float_roundtrip`) and serde_json's printer (its serializer) anyway:
// there those, not second copies (the same answers: tests/floats.rs).
#[cfg(not(all(target_arch = "wasm32", feature = "compiler")))]
mod big;
#[cfg(not(all(target_arch = "wasm32", feature = "compiler")))]
mod float;
mod read;
#[cfg(not(all(target_arch = "wasm32", feature = "compiler")))]
mod shortest;
mod surrogates;
#[cfg(all(target_arch = "wasm32", feature = "compiler"))]
pub use linked::{parse_f64, push_f64};
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub use read::{DuplicateKey, read_pack};
pub use read::{JsonError, json_space, parse_json, read_json, read_submission};
pub use surrogates::lone_surrogates_replaced;
#[cfg(not(all(target_arch = "wasm32", feature = "compiler")))]
pub use {float::parse_f64, shortest::push_f64};

/// The compiler module's float reader and printer: core's and serde_json's, linked there anyway.
#[cfg(all(target_arch = "wasm32", feature = "compiler"))]
mod linked {
    /// Decimal text to the nearest `f64`.
    pub fn parse_f64(text: &str) -> Option<f64> {
        text.parse().ok()
    }

    /// Append a finite `f64` as serde_json prints it.
    pub fn push_f64(out: &mut String, x: f64) {
        if let Some(n) = serde_json::Number::from_f64(x) {
            out.push_str(&n.to_string());
        }
    }
}

/// Below this size every whole `f64` converts to `i64` exactly (2^63). JavaScript prints
/// whole numbers without a fraction up to 1e21, so up to here they print alike: in the CLI,
/// the Rust API and the npm package, every integer up to 2^53 has the same digits, however it
/// was spelt (`1`, `1.0`, `1e0`).
const WHOLE_BELOW: f64 = 9_223_372_036_854_775_808.0;

/// `x` as an integer when it is a whole number that prints as one.
fn whole(x: f64) -> Option<i64> {
    (x.fract() == 0.0 && x.abs() < WHOLE_BELOW).then_some(x as i64)
}

/// A JSON number as JavaScript's `String(n)` spells it: `13800138000.0` is `13800138000`, as
/// `13800138000` is. A number given where text is expected (a phone, an ID number, a code) is
/// judged by this spelling, so the same value is judged the same however it was written.
pub fn js_text(n: &Number) -> String {
    match n.as_f64() {
        Some(x) if n.is_f64() => text(x),
        _ => number_text(n),
    }
}

/// Append a JSON number as serde_json writes it (`Number`'s `Display`), its floats by
/// [`push_f64`]: serde_json's float printer (zmij, with its tables) is not in the `.wasm`.
pub fn push_number(out: &mut String, n: &Number) {
    if let Some(u) = n.as_u64() {
        out.push_str(itoa::Buffer::new().format(u));
    } else if let Some(i) = n.as_i64() {
        out.push_str(itoa::Buffer::new().format(i));
    } else if let Some(x) = n.as_f64() {
        push_f64(out, x);
    }
}

/// A JSON number's text ([`push_number`]).
pub fn number_text(n: &Number) -> String {
    let mut out = String::new();
    push_number(&mut out, n);
    out
}

/// A number as JSON: whole numbers as integers, others as they are (`null` when not finite).
pub fn json(x: f64) -> Value {
    match whole(x) {
        Some(i) => Value::from(i),
        None => Number::from_f64(x).map_or(Value::Null, Value::Number),
    }
}

/// A number as text, the way JSON prints it (`5`, `2.5`); not finite, as JavaScript spells it
/// (`NaN`, `Infinity`, `-Infinity`; audit: infinities were `NaN`).
pub fn text(x: f64) -> String {
    match json(x) {
        Value::Number(n) => number_text(&n),
        _ if x.is_nan() => String::from("NaN"),
        _ => String::from(if x > 0.0 { "Infinity" } else { "-Infinity" }),
    }
}

/// A JSON number with a whole value as an integer (`12.0` → `12`).
pub fn number(n: Number) -> Number {
    match n.as_f64().and_then(whole) {
        Some(i) => Number::from(i),
        None => n,
    }
}

/// Every whole floating-point number inside `v` as an integer (`6`, not `6.0`).
pub fn whole_numbers(v: &mut Value) {
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(x) = n.as_f64() {
                *v = json(x);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(m) => m.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// Serialise a number as [`json`] prints it (for `#[serde(serialize_with)]`).
pub fn ser<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    match whole(*x) {
        Some(i) => s.serialize_i64(i),
        None => s.serialize_f64(*x),
    }
}

/// [`ser`] for optional numbers (`null` when absent).
pub fn ser_opt<S: serde::Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(v) => ser(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_javascript_prints_them() {
        assert_eq!(text(100.0), "100");
        assert_eq!(text(-3.0), "-3");
        assert_eq!(text(2.5), "2.5");
        assert_eq!(text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(text(1.0e16), "10000000000000000", "JavaScript prints it without an exponent");
        assert_eq!(text(9_007_199_254_740_992.0), "9007199254740992");
        assert_eq!(js_text(&Number::from_f64(13_800_138_000.0).unwrap_or_else(|| Number::from(0))), "13800138000");
        assert_eq!(js_text(&Number::from(13_800_138_000_u64)), "13800138000");
        assert_eq!(text(f64::NAN), "NaN");
        assert_eq!(json(6.0), Value::from(6));
        assert_eq!(json(f64::INFINITY), Value::Null);
        assert_eq!(number(Number::from_f64(12.0).unwrap_or_else(|| Number::from(0))), Number::from(12));
        let mut v = serde_json::json!({ "a": [1.0, 2.5], "b": { "c": 7.0 }, "d": 3 });
        whole_numbers(&mut v);
        assert_eq!(v.to_string(), r#"{"a":[1,2.5],"b":{"c":7},"d":3}"#);
    }
}
