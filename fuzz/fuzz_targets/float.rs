//! The crate's own float reader and printer (`fangkong::num`, src/num/: core's parser and
//! serde_json's printer are not in the `.wasm`), coverage-guided: any text is read to the same
//! bits as core's `str::parse::<f64>` reads it (or refused by both), and any finite `f64` is
//! printed as serde_json prints it and reads back to itself. The reader takes
//! `[+-]?digits[.digits][(e|E)[+-]?digits]` (JSON's number, a `+` allowed); core takes more
//! (`.5`, `5.`, `inf`, `NaN`), which the reader refuses. tests/floats.rs checks the same on
//! random and hard-coded cases; this looks for the ones nobody thought of.
#![no_main]
use fangkong::num::{parse_f64, push_f64};
use libfuzzer_sys::fuzz_target;

/// Whether `text` is `[+-]?digits[.digits][(e|E)[+-]?digits]`.
fn in_form(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > from
    };
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if !digits(&mut i) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let ours = parse_f64(text).map(f64::to_bits);
        if in_form(text) {
            assert_eq!(ours, text.parse::<f64>().ok().map(f64::to_bits), "read {text:?}");
        } else {
            assert_eq!(ours, None, "{text:?} is not a number in the reader's form");
        }
    }
    // The first 8 bytes as an f64's bits.
    if let Some(bits) = data.get(..8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        let x = f64::from_bits(u64::from_le_bytes(bits));
        if let Some(n) = serde_json::Number::from_f64(x) {
            let mut ours = String::new();
            push_f64(&mut ours, x);
            assert_eq!(ours, n.to_string(), "printed {x:e} ({:#x})", x.to_bits());
            assert_eq!(parse_f64(&ours).map(f64::to_bits), Some(x.to_bits()), "read back {ours}");
        }
    }
});
