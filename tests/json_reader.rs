//! The runtime module's JSON reader (`fangkong::num::read_json`: src/num/read.rs, the `.wasm`
//! built without serde_json's deserializer) against serde_json (`from_str`, as natively): the
//! same `Value` byte for byte when the text is JSON, and the same error — message, line and
//! column — when it is not, on every example, golden input and pack, on each of them damaged
//! at many places (cut short, a byte left out, a byte put in), and on random JSON-like text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use proptest::prelude::*;

use common::both_readers as both;

fn same(text: &str) {
    let (ours, theirs) = both(text);
    assert_eq!(ours, theirs, "{:?}", &text.chars().take(300).collect::<String>());
}

/// Bytes that change what a JSON text means.
const DAMAGE: &[&str] =
    &["\"", "\\", "]", "}", "[", "{", ",", ":", "0", "-", "e", ".", "u", " ", "\n", "\u{1}", "x", "1", "n", "+"];

#[test]
fn every_example_and_golden_input_damaged_reads_as_serde_json_reads_it() {
    let texts = common::json_texts();
    let mut n = 0usize;
    for t in &texts {
        same(t);
        // Every char boundary of a short text, about 60 of a long one.
        let cuts: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
        let step = (cuts.len() / 60).max(1);
        for (k, &at) in cuts.iter().enumerate().filter(|(k, _)| k % step == 0) {
            same(&t[..at]);
            let next = cuts.get(k + 1).copied().unwrap_or(t.len());
            same(&format!("{}{}", &t[..at], &t[next..]));
            let d = DAMAGE[(k / step) % DAMAGE.len()];
            same(&format!("{}{d}{}", &t[..at], &t[at..]));
            n += 3;
        }
    }
    assert!(n > 10_000, "{n}");
}

#[test]
fn odd_texts_read_as_serde_json_reads_them() {
    for t in [
        "",
        " ",
        "\n\n  ",
        "n",
        "nul",
        "nulx",
        "tru",
        "fals",
        "falsy",
        "[",
        "]",
        "{",
        "}",
        "[1",
        "[1,",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{,}",
        "{\"a\":1 \"b\":2}",
        "-",
        "-x",
        "01",
        "-01",
        "00",
        "1.",
        "1.x",
        "1.e5",
        ".5",
        "1e",
        "1e+",
        "1e-",
        "1ex",
        "1E5",
        "1e999",
        "-1e999",
        "1e-999",
        "0e99999999999999",
        "1e99999999999999",
        "1e-99999999999999",
        "-0",
        "-0.0",
        "0.0e0",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "123456789012345678901234567890e400",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "2.2250738585072011e-308",
        "5e-324",
        "2e-324",
        "0.1e-99999999999",
        "\"",
        "\"abc",
        "\"a\\",
        "\"a\\x\"",
        "\"\\u\"",
        "\"\\u12\"",
        "\"\\u12",
        "\"\\u00e9\"",
        "\"\\uD83D\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\uDE00\"",
        "\"\\uD83D\\u0041\"",
        "\"\\uD83Dx\"",
        "\"\\uD83D\\x\"",
        "\"\\uD83D\\",
        "\"\\uD83D",
        "\"\\uD83D\\u",
        "\"\\uD83D\\uD83D\"",
        "\"\\uzzzz\"",
        "\"\u{1}\"",
        "\"\t\"",
        "\"é\u{2028}\"",
        "[1]x",
        "[1] ",
        "{} {}",
        "1 2",
        "\u{feff}1",
        "[[[]]]",
        "{\"a\":{\"b\":[{}]}}",
        "{\"a\":1,\"a\":2}",
        "\n\n   [1,\n  2,\n  x]",
        "\n\"\u{1}\"",
        "é",
        "[é]",
        "{\"é\":é}",
    ] {
        same(t);
    }
    for depth in [126, 127, 128, 129] {
        same(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        same(&format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
        same(&format!("{}1{}", "[".repeat(depth), "]".repeat(depth)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn random_json_like_text_reads_as_serde_json_reads_it(
        parts in prop::collection::vec(prop::sample::select(vec![
            "[", "]", "{", "}", ",", ":", "\"", "\\", "\\u", "D83D", "DE00", "00e9", "0", "1", "9", "-", "+", ".", "e",
            "E", " ", "\n", "null", "true", "fals", "\"a\"", "é", "\u{1}", "x", "12345678901234567890", "e400",
        ]), 0..24)
    ) {
        let text: String = parts.concat();
        let (ours, theirs) = both(&text);
        prop_assert_eq!(ours, theirs, "{:?}", text);
    }
}
