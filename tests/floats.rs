//! The crate's own float reader and printer (`fangkong::num::parse_f64` and `push_f64`,
//! src/num/float.rs and shortest.rs: core's parser and serde_json's printer are not in the
//! `.wasm`) against core's `str::parse::<f64>` and serde_json's `Number` text: the same bits and
//! the same bytes on random `f64`s, random decimal texts, and the exact halfway points between
//! neighbouring `f64`s with texts just above and below them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// The hard cases are spelt as they are known (`2.2250738585072011e-308`, not its nearest).
#![allow(clippy::excessive_precision, clippy::unreadable_literal)]

use fangkong::num::{parse_f64, push_f64};
use proptest::prelude::*;

fn ours(x: f64) -> String {
    let mut out = String::new();
    push_f64(&mut out, x);
    out
}

fn theirs(x: f64) -> String {
    serde_json::Number::from_f64(x).unwrap().to_string()
}

fn same_reading(text: &str) {
    let core = text.parse::<f64>().ok().map(f64::to_bits);
    assert_eq!(parse_f64(text).map(f64::to_bits), core, "{}", &text[..text.len().min(120)]);
}

/// The exact decimal digits of `(2f + 1) × 2^(e - 1)`, halfway between `f × 2^e` and the next
/// `f64` up, with the power of ten they are scaled by.
fn halfway(f: u64, e: i32) -> (Vec<u8>, i32) {
    // digits, most significant first, of an integer
    fn times(digits: &mut Vec<u8>, m: u64, n: i32) {
        for _ in 0..n {
            times_once(digits, m);
        }
    }
    fn times_once(digits: &mut Vec<u8>, m: u64) {
        let mut carry = 0;
        for d in digits.iter_mut().rev() {
            let t = u64::from(*d) * m + carry;
            *d = (t % 10) as u8;
            carry = t / 10;
        }
        while carry > 0 {
            digits.insert(0, (carry % 10) as u8);
            carry /= 10;
        }
    }
    let mut digits: Vec<u8> = (2 * f + 1).to_string().bytes().map(|b| b - b'0').collect();
    let p = e - 1;
    let (m, n): (u64, i32) = if p >= 0 { (2, p) } else { (5, -p) };
    times(&mut digits, m.pow(13), n / 13);
    times(&mut digits, m.pow((n % 13) as u32), 1);
    (digits, p.min(0))
}

fn decimal(digits: &[u8], exp: i32) -> String {
    let s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    format!("{}.{}e{}", &s[..1], &s[1..], exp + digits.len() as i32 - 1)
}

/// Text outside `[+-]?digits[.digits][(e|E)[+-]?digits]` is not read, though core reads some
/// of it (`.5`, `5.`, `inf`): the fuzz target `float` found `00.` read as 0.
#[test]
fn text_outside_the_form_is_not_read() {
    for text in [
        "00.", "5.", ".5", "-.5", "+.5", "1.e5", ".e1", "inf", "NaN", "infinity", "1e", "1e+", "+", "-", "", ".",
        "1.2.3", "0x10", " 1", "1 ", "--1", "1_000",
    ] {
        assert_eq!(parse_f64(text), None, "{text:?}");
    }
    for (text, x) in [
        ("0", 0.0),
        ("00", 0.0),
        ("00.0", 0.0),
        ("+5", 5.0),
        ("-0.5", -0.5),
        ("1E2", 100.0),
        ("1e-0", 1.0),
        ("007.50e+1", 75.0),
    ] {
        assert_eq!(parse_f64(text), Some(x), "{text:?}");
    }
}

#[test]
fn hard_cases() {
    for x in [
        0.1,
        0.2,
        0.3,
        0.1 + 0.2,
        1e23,
        9007199254740993.0,
        9007199254740992.0,
        9007199254740991.0,
        8.98846567431158e307,
        f64::MAX,
        f64::MIN_POSITIVE,
        2.2250738585072011e-308,
        5e-324,
        1e-323,
        4.4501477170144023e-308,
        1e21,
        1e-7,
        -0.0,
        123.456,
        1e300,
        1.5e-300,
    ] {
        assert_eq!(ours(x), theirs(x), "{x:e}");
        assert_eq!(parse_f64(&ours(x)).map(f64::to_bits), Some(x.to_bits()), "{x:e}");
        same_reading(&format!("{x:e}"));
        same_reading(&format!("{:.40e}", x));
    }
    for t in [
        "9007199254740993",
        "9007199254740993.0000000000000000000001",
        "9007199254740992.9999999999999999999999",
        "1e400",
        "-1e400",
        "1e-400",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125001e-324",
    ] {
        same_reading(t);
    }
    let eight_hundred: String = (0..800).map(|i| char::from(b'1' + (i % 9) as u8)).collect();
    for exp in [-1200, -1100, -800, -400, -324, -300, 0, -500, -490] {
        same_reading(&format!("{eight_hundred}e{exp}"));
        same_reading(&format!("0.{eight_hundred}e{}", exp + 400));
    }
}

/// Every neighbour of a power of two, where the gap below is half the gap above, and every
/// subnormal's first few.
#[test]
fn powers_of_two_and_subnormals() {
    for b in 0..2046u64 {
        for bits in [b << 52, (b << 52) + 1, (b << 52).saturating_sub(1), (b << 52) | 0x000F_FFFF_FFFF_FFFF] {
            let x = f64::from_bits(bits);
            assert_eq!(ours(x), theirs(x), "{x:e}");
            assert_eq!(parse_f64(&ours(x)).map(f64::to_bits), Some(bits), "{x:e}");
        }
    }
    for bits in 0..2000u64 {
        let x = f64::from_bits(bits);
        assert_eq!(ours(x), theirs(x), "{x:e}");
        assert_eq!(parse_f64(&ours(x)).map(f64::to_bits), Some(bits));
    }
}

/// Numbers halfway between `f64`s near the shortest decimals (`x.25` between two of one decimal):
/// the closer, and of two as close the even one.
#[test]
fn ties_between_shortest_candidates() {
    for base in [1u64 << 50, (1 << 50) + 12_345, 1 << 51, (1 << 52) - 3, 3 << 49] {
        for q in [0.25, 0.5, 0.75, 0.125, 0.375, 0.625, 0.875] {
            let x = base as f64 + q;
            assert_eq!(ours(x), theirs(x), "{x}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn random_f64s_print_as_serde_json_and_read_back(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let text = ours(x);
        prop_assert_eq!(&text, &theirs(x));
        prop_assert_eq!(parse_f64(&text).map(f64::to_bits), Some(bits));
    }

    #[test]
    fn random_decimals_read_as_core_reads_them(
        sign in prop::sample::select(vec!["", "-", "+"]),
        int in "[0-9]{1,25}",
        frac in prop::option::of("[0-9]{1,30}"),
        exp in prop::option::of(-400i32..400),
    ) {
        let mut t = format!("{sign}{int}");
        if let Some(f) = frac {
            t = format!("{t}.{f}");
        }
        if let Some(e) = exp {
            t = format!("{t}e{e}");
        }
        same_reading(&t);
    }

    #[test]
    fn short_decimals_read_as_core_reads_them(int in 0u64..100_000, frac in "[0-9]{0,6}") {
        let t = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
        same_reading(&t);
        let x = t.parse::<f64>().unwrap();
        prop_assert_eq!(ours(x), theirs(x));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn halfway_points_and_their_neighbours_read_as_core_reads_them(bits in 0u64..0x7FEF_FFFF_FFFF_FFFF) {
        let (biased, fraction) = (bits >> 52, bits & ((1 << 52) - 1));
        let (f, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased as i32 - 1075) };
        let (digits, exp) = halfway(f, e);
        same_reading(&decimal(&digits, exp));
        let mut above = digits.clone();
        above.extend([0, 0, 0, 1]);
        same_reading(&decimal(&above, exp - 4));
        // The halfway point ends in 5 (it is odd times a power of two below 1) or is an integer.
        let mut below = digits.clone();
        if let Some(last) = below.last_mut().filter(|d| **d > 0) {
            *last -= 1;
            below.extend([9, 9, 9]);
            same_reading(&decimal(&below, exp - 3));
        }
    }
}
