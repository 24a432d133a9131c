//! Integration tests for `fangkong::ids`.

// Test code may panic: the crate-wide deny lints target library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use chrono::NaiveDate;
use fangkong::ids::{
    IdError, Phone, PhoneKind, check_credit_code, check_district_code, check_id_number, check_phone, normalize_text,
    parse_date,
};

const CREDIT_CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Independent implementation of the GB 32100-2015 check character.
fn credit_check_char(first17: &str) -> char {
    let set: Vec<char> = CREDIT_CHARSET.chars().collect();
    let mut weight = 1u32;
    let mut sum = 0u32;
    for c in first17.chars() {
        let v = u32::try_from(set.iter().position(|&s| s == c).unwrap()).unwrap();
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    let check = (31 - sum % 31) % 31;
    set[check as usize]
}

fn with_credit_check(first17: &str) -> String {
    assert_eq!(first17.chars().count(), 17);
    format!("{first17}{}", credit_check_char(first17))
}

/// Independent implementation of the GB 11643-1999 check character.
fn id_check_char(first17: &str) -> char {
    let mut sum = 0u32;
    for (i, c) in first17.chars().enumerate() {
        let weight = (1u32 << (17 - i)) % 11;
        sum += c.to_digit(10).unwrap() * weight;
    }
    "10X98765432".chars().nth((sum % 11) as usize).unwrap()
}

fn with_id_check(first17: &str) -> String {
    format!("{first17}{}", id_check_char(first17))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 2, 10).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---------------------------------------------------------------- normalise

#[test]
fn normalize_maps_full_width_and_trims() {
    assert_eq!(normalize_text("１３８００１３８０００"), "13800138000");
    assert_eq!(normalize_text("ＡＢＣｘｙｚ！＃～"), "ABCxyz!#~");
    assert_eq!(normalize_text("\u{3000}深圳市\u{3000}南山区\u{3000}"), "深圳市 南山区");
    assert_eq!(normalize_text("  \t２０２０年\n"), "2020年");
    assert_eq!(normalize_text("13\u{200B}8\u{200C}0\u{200D}0\u{2060}1\u{FEFF}3\u{00AD}8000"), "13800138000");
    assert_eq!(normalize_text("\u{FEFF}\u{3000} abc \u{200B}"), "abc");
    assert_eq!(normalize_text("防控 复工"), "防控 复工");
    assert_eq!(normalize_text(""), "");
    assert_eq!(normalize_text("\u{3000}\u{200B} "), "");
    // U+FF5F and beyond are not in the mapped range.
    assert_eq!(normalize_text("\u{FF5F}"), "\u{FF5F}");
}

#[test]
fn normalize_is_idempotent() {
    let samples = [
        "",
        " ",
        "１３８００１３８０００",
        "\u{3000}\u{200B} ａ\u{3000}ｂ \u{FEFF}",
        "\u{200B} \u{200B}x\u{200B} \u{200B}",
        "\u{00AD}\u{3000}中文，测试。\u{3000}",
        "９１３５０１００Ｍ０００１００Ｙ４３",
        "（０７５５）１２３４５６７８",
        "\u{FF01}\u{FF5E}\u{FF00}\u{FF5F}",
        "\u{2003}em space\u{00A0}",
    ];
    for s in samples {
        let once = normalize_text(s);
        assert_eq!(normalize_text(&once), once, "not idempotent for {s:?}");
    }
    // Every character of the mapped range, alone and surrounded by noise.
    for cp in 0xFF00u32..=0xFF60 {
        let c = char::from_u32(cp).unwrap();
        let s = format!("\u{3000}{c}\u{200B}{c} ");
        let once = normalize_text(&s);
        assert_eq!(normalize_text(&once), once);
    }
}

// -------------------------------------------------------------- credit code

#[test]
fn credit_code_known_valid() {
    assert_eq!(check_credit_code("91350100M000100Y43").unwrap(), "91350100M000100Y43");
}

#[test]
fn credit_code_computed_valid() {
    let bodies = [
        "91110000600037341",
        "91440300MA5EXAMPL",
        "12100000400000123",
        "5131000050000000X",
        "91310115MA1K3YJ2T",
        "92440300L12345678",
        "Y1110108MA01ABCDE",
        "00000000000000000",
    ];
    for body in bodies {
        let code = with_credit_check(body);
        assert_eq!(check_credit_code(&code).unwrap(), code, "{code}");
    }
}

#[test]
fn credit_code_normalisation() {
    let code = with_credit_check("91440300MA5EXAMPL");
    let lower = code.to_lowercase();
    assert_eq!(check_credit_code(&lower).unwrap(), code);
    assert_eq!(check_credit_code("９１３５０１００Ｍ０００１００Ｙ４３").unwrap(), "91350100M000100Y43");
    assert_eq!(check_credit_code("９１３５０１００ｍ０００１００ｙ４３").unwrap(), "91350100M000100Y43");
    assert_eq!(check_credit_code(" 9135 0100 M000 100Y 43 ").unwrap(), "91350100M000100Y43");
    assert_eq!(check_credit_code("\u{3000}91350100M000100Y43\u{200B}").unwrap(), "91350100M000100Y43");
}

#[test]
fn credit_code_length_errors() {
    for s in ["", "91350100M000100Y4", "91350100M000100Y433", "   ", "中"] {
        assert_eq!(check_credit_code(s), Err(IdError::CreditCodeLength), "{s:?}");
    }
}

#[test]
fn credit_code_charset_errors() {
    for bad in ['I', 'O', 'Z', 'S', 'V', '-', '中', '*'] {
        let s: String = "91350100M000100Y43".chars().enumerate().map(|(i, c)| if i == 10 { bad } else { c }).collect();
        assert_eq!(check_credit_code(&s), Err(IdError::CreditCodeCharset), "{s}");
    }
    // Invalid check symbol itself.
    assert_eq!(check_credit_code("91350100M000100Y4I"), Err(IdError::CreditCodeCharset));
}

#[test]
fn credit_code_checksum_errors() {
    assert_eq!(check_credit_code("91350100M000100Y44"), Err(IdError::CreditCodeChecksum));
    assert_eq!(check_credit_code("91350100M000100Y34"), Err(IdError::CreditCodeChecksum));
}

#[test]
fn credit_code_detects_every_single_substitution() {
    let codes = ["91350100M000100Y43".to_string(), with_credit_check("91440300MA5EXAMPL")];
    for code in &codes {
        assert!(check_credit_code(code).is_ok());
        let chars: Vec<char> = code.chars().collect();
        for pos in 0..chars.len() {
            for sub in CREDIT_CHARSET.chars() {
                if sub == chars[pos] {
                    continue;
                }
                let mut changed = chars.clone();
                changed[pos] = sub;
                let changed: String = changed.into_iter().collect();
                assert_eq!(
                    check_credit_code(&changed),
                    Err(IdError::CreditCodeChecksum),
                    "substitution at {pos} to {sub} in {code} not detected"
                );
            }
        }
    }
}

// -------------------------------------------------------------- id number

#[test]
fn id_number_known_valid() {
    assert_eq!(check_id_number("11010519491231002X", today()).unwrap(), "11010519491231002X");
    assert_eq!(check_id_number("11010519491231002x", today()).unwrap(), "11010519491231002X");
    assert_eq!(check_id_number("１１０１０５１９４９１２３１００２ｘ", today()).unwrap(), "11010519491231002X");
    assert_eq!(check_id_number(" 110105 19491231 002X ", today()).unwrap(), "11010519491231002X");
}

#[test]
fn id_number_computed_valid() {
    for body in
        ["44030419900101123", "42010620000229001", "82000019000101000", "65010120200210987", "71000019991231555"]
    {
        let id = with_id_check(body);
        assert_eq!(check_id_number(&id, today()).unwrap(), id, "{id}");
    }
}

#[test]
fn id_number_length_errors() {
    for s in ["", "11010519491231002", "11010519491231002XX", "110105194912310"] {
        assert_eq!(check_id_number(s, today()), Err(IdError::IdNumberLength), "{s:?}");
    }
}

#[test]
fn id_number_charset_errors() {
    for s in [
        "1101051949123100XX",
        "X1010519491231002X",
        "11010519491231002Y",
        "110105194912310-2X",
        "11010519491231002中",
        "1101051949A231002X",
    ] {
        assert_eq!(check_id_number(s, today()), Err(IdError::IdNumberCharset), "{s:?}");
    }
}

#[test]
fn id_number_province_errors() {
    for p in ["00", "10", "16", "20", "24", "38", "47", "55", "60", "66", "70", "72", "80", "83", "91", "99"] {
        let id = with_id_check(&format!("{p}010519491231002"));
        assert_eq!(check_id_number(&id, today()), Err(IdError::IdNumberProvince), "{id}");
    }
    for p in ["11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"] {
        let id = with_id_check(&format!("{p}010519491231002"));
        assert!(check_id_number(&id, today()).is_ok(), "{id}");
    }
}

#[test]
fn id_number_birth_date_errors() {
    for birth in [
        "19490230", // impossible day
        "20190229", // not a leap year
        "19491301", // month 13
        "19490000", // zero month and day
        "00000101", // year 0: no year of the calendar
        "20200211", // day after `today`
        "20210101", // future
        "99991231",
    ] {
        let id = with_id_check(&format!("440304{birth}123"));
        assert_eq!(check_id_number(&id, today()), Err(IdError::IdNumberBirthDate), "{id}");
    }
    // A real date, however long ago (domain.md §6.2; audit: 1899-12-31 was refused); today inclusive.
    for old in ["44030418991231001", "44030419000101123", "44030400010101123"] {
        let id = with_id_check(old);
        assert!(check_id_number(&id, today()).is_ok(), "{id}");
    }
    let born_today = with_id_check("44030420200210123");
    assert!(check_id_number(&born_today, today()).is_ok());
    assert_eq!(check_id_number(&born_today, ymd(2020, 2, 9)), Err(IdError::IdNumberBirthDate));
    // A leap day exists in 2020.
    let leap = with_id_check("44030420200229123");
    assert!(check_id_number(&leap, ymd(2020, 3, 1)).is_ok());
}

#[test]
fn id_number_checksum_errors() {
    assert_eq!(check_id_number("110105194912310021", today()), Err(IdError::IdNumberChecksum));
    assert_eq!(check_id_number("110105194912310020", today()), Err(IdError::IdNumberChecksum));
}

#[test]
fn id_number_detects_every_single_substitution() {
    let ids = ["11010519491231002X".to_string(), with_id_check("44030419900101123")];
    // A far-future `today` so that date changes stay in range when possible.
    let today = ymd(2100, 1, 1);
    for id in &ids {
        assert!(check_id_number(id, today).is_ok());
        let chars: Vec<char> = id.chars().collect();
        for pos in 0..chars.len() {
            let allowed: &str = if pos == 17 { "0123456789X" } else { "0123456789" };
            for sub in allowed.chars() {
                if sub == chars[pos] {
                    continue;
                }
                let mut changed = chars.clone();
                changed[pos] = sub;
                let changed: String = changed.into_iter().collect();
                assert!(
                    check_id_number(&changed, today).is_err(),
                    "substitution at {pos} to {sub} in {id} not detected"
                );
            }
        }
    }
}

#[test]
fn id_number_checksum_alone_detects_substitutions() {
    // Substitutions that keep province and birth date valid must be caught by
    // the checksum itself.
    let id = with_id_check("44030419900101123");
    let chars: Vec<char> = id.chars().collect();
    for pos in [2usize, 3, 4, 5, 14, 15, 16, 17] {
        let allowed: &str = if pos == 17 { "0123456789X" } else { "0123456789" };
        for sub in allowed.chars().filter(|&c| c != chars[pos]) {
            let mut changed = chars.clone();
            changed[pos] = sub;
            let changed: String = changed.into_iter().collect();
            assert_eq!(check_id_number(&changed, today()), Err(IdError::IdNumberChecksum));
        }
    }
}

// -------------------------------------------------------------- phone

fn mobile(s: &str) -> Phone {
    Phone { normalized: s.to_string(), kind: PhoneKind::Mobile }
}

fn landline(s: &str) -> Phone {
    Phone { normalized: s.to_string(), kind: PhoneKind::Landline }
}

#[test]
fn phone_mobile_valid() {
    for (input, expected) in [
        ("13800138000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("138—0013—8000", "13800138000"),
        ("+8613800138000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("＋８６　１３８００１３８０００", "13800138000"),
        ("008613800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("(+86) 199-9999-9999", "19999999999"),
        ("\u{200B}15012345678\u{3000}", "15012345678"),
    ] {
        assert_eq!(check_phone(input).unwrap(), mobile(expected), "{input}");
    }
}

#[test]
fn phone_landline_valid() {
    for (input, expected) in [
        ("0755-12345678", "0755-12345678"),
        ("075512345678", "0755-12345678"),
        ("(0755)12345678", "0755-12345678"),
        ("（０７５５）１２３４５６７８", "0755-12345678"),
        ("0755 1234 5678", "0755-12345678"),
        ("0755-1234567", "0755-1234567"),
        ("07551234567", "0755-1234567"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010)12345678", "010-12345678"),
        ("021-1234567", "021-1234567"),
        ("0211234567", "021-1234567"),
        ("02912345678", "029-12345678"),
        ("0571-87654321", "0571-87654321"),
        ("０５７１－８７６５４３２１", "0571-87654321"),
        // `0` + 2–3 digits and 7–8 digits (domain.md §6.3), when the usual length does not fit.
        ("0446495660", "044-6495660"),
        ("010123456789", "0101-23456789"),
        // Dashes for the hyphen (a word processor's, an input method's `——`; thirty-ninth
        // session's filings audit).
        ("0755\u{2010}12345678", "0755-12345678"),
        ("0755–12345678", "0755-12345678"),
        ("0755—12345678", "0755-12345678"),
        ("0755——12345678", "0755-12345678"),
        ("0755 − 12345678", "0755-12345678"),
        ("0755﹣12345678", "0755-12345678"),
    ] {
        assert_eq!(check_phone(input).unwrap(), landline(expected), "{input}");
    }
}

#[test]
fn phone_format_errors() {
    for input in [
        "",
        "1380013800",   // 10 digits
        "138001380000", // 12 digits, not a landline
        "12800138000",  // second digit 2
        "10800138000",
        "23800138000",
        "+8612800138000",
        "+87 13800138000",
        "+86 0755 12345678", // prefix only for mobiles
        "86-0755-12345678",
        "0755-123456",    // subscriber too short
        "0755-123456789", // subscriber too long
        "075512345",
        "0755123456789",
        "010-123456",
        "1380013800a",
        "138.0013.8000",
        // A separator after other than 3 or 4 digits splits no area code (sixteenth session
        // audit: these were read as `071-2345678`, `010-12345678` …).
        "07-12345678",
        "(01)012345678",
        "00755-1234567",
        "0-755-12345678",
        "0—755—12345678",
        "0755~12345678",
        "13800138000 ext 1",
        "电话13800138000",
        "+",
        "86",
    ] {
        assert_eq!(check_phone(input), Err(IdError::PhoneFormat), "{input:?}");
    }
}

// -------------------------------------------------------------- district code

#[test]
fn district_code_valid() {
    for (input, expected) in [
        ("440305", "440305"),
        ("110105", "110105"),
        ("４４０３０５", "440305"),
        ("\u{3000}650102 ", "650102"),
        ("820000", "820000"),
        ("710000", "710000"),
    ] {
        assert_eq!(check_district_code(input).unwrap(), expected, "{input}");
    }
}

#[test]
fn district_code_errors() {
    for input in ["", "44030", "4403050", "44 0305", "44O305", "４４０３０", "44-305", "四四0305"] {
        assert_eq!(check_district_code(input), Err(IdError::DistrictCodeFormat), "{input:?}");
    }
    for input in ["000000", "100000", "160000", "390000", "700000", "830000", "990000"] {
        assert_eq!(check_district_code(input), Err(IdError::DistrictCodeProvince), "{input}");
    }
}

// -------------------------------------------------------------- dates

#[test]
fn date_valid_formats() {
    let expected = ymd(2020, 2, 4);
    for input in [
        "2020-02-04",
        "2020-2-4",
        "2020/2/4",
        "2020/02/04",
        "2020.2.4",
        "2020.02.04",
        "2020年2月4日",
        "2020年02月04日",
        "2020年2月4号",
        "２０２０－０２－０４",
        "２０２０年２月４日",
        "2020 年 2 月 4 日",
        "2020年 2月 4日",
        "２０２０年\u{3000}２月\u{3000}４日",
        "２０２０／２／４",
        "\u{3000}2020-02-04 ",
    ] {
        assert_eq!(parse_date(input), Ok(expected), "{input}");
    }
    assert_eq!(parse_date("2020-02-29"), Ok(ymd(2020, 2, 29)));
    assert_eq!(parse_date("2000-2-29"), Ok(ymd(2000, 2, 29)));
    assert_eq!(parse_date("2020-12-31"), Ok(ymd(2020, 12, 31)));
}

#[test]
fn date_impossible() {
    for input in [
        "2020-02-30",
        "2019-02-29",
        "1900-02-29",
        "2020-04-31",
        "2020-13-01",
        "2020-00-10",
        "2020-01-00",
        "2020/2/30",
        "2019年2月29日",
        "２０２０－０２－３０",
    ] {
        assert_eq!(parse_date(input), Err(IdError::DateImpossible), "{input}");
    }
}

#[test]
fn date_format_errors() {
    for input in [
        "",
        "2020",
        "2020-02",
        "20-02-04",
        "02020-02-04",
        "2020-002-04",
        "2020-02-004",
        "2020-02-04 10:00",
        "2020-02-04T10:00:00",
        "2020-02-04x",
        "2020-02/04",
        "2020/02-04",
        "2020.02-04",
        "2020--02-04",
        "2020年2月4",
        "2020年2月4日晚",
        "2020年2-4",
        "2020-2月4日",
        "20200204",
        "2020 02 04",
        "2020-+2-04",
        "02/04/2020",
        "二〇二〇年二月四日",
        "2020-٠٢-04",
        // A space inside a number, not around it: no date (it read 2020-12-04; differential
        // audit, thirty-first session).
        "2020年1 2月4日",
        "2020年2月1 0日",
        "20 20年2月4日",
        "2020年 1 2 月 4 日",
        "２０２０年１\u{3000}２月４日",
    ] {
        assert_eq!(parse_date(input), Err(IdError::DateFormat), "{input:?}");
    }
}

// -------------------------------------------------------------- errors

#[test]
fn error_codes_are_stable() {
    let all = [
        (IdError::CreditCodeLength, "credit_code.length"),
        (IdError::CreditCodeCharset, "credit_code.charset"),
        (IdError::CreditCodeChecksum, "credit_code.checksum"),
        (IdError::IdNumberLength, "id_number.length"),
        (IdError::IdNumberCharset, "id_number.charset"),
        (IdError::IdNumberProvince, "id_number.province"),
        (IdError::IdNumberBirthDate, "id_number.birth_date"),
        (IdError::IdNumberChecksum, "id_number.checksum"),
        (IdError::PhoneFormat, "phone.format"),
        (IdError::DistrictCodeFormat, "district_code.format"),
        (IdError::DistrictCodeProvince, "district_code.province"),
        (IdError::DateFormat, "date.format"),
        (IdError::DateImpossible, "date.impossible"),
    ];
    for (err, code) in all {
        assert_eq!(err.code(), code);
        let msg = err.to_string();
        assert!(!msg.is_empty());
        assert_eq!(msg, msg.to_lowercase(), "{code}");
        assert!(!msg.ends_with('.'), "{code}");
        assert!(!msg.contains('\n'), "{code}");
        let _: &dyn std::error::Error = &err;
    }
}

#[test]
fn errors_do_not_leak_input() {
    let secret_id = "44030419900101123Y";
    let err = check_id_number(secret_id, today()).unwrap_err();
    assert!(!format!("{err} {err:?}").contains("4403041990"));
    let err = check_phone("13800138").unwrap_err();
    assert!(!format!("{err} {err:?}").contains("13800138"));
}

/// The borrowing checks the rules use (`credit_code`, `district_code`, `id_number`, `phone`,
/// `iso_date`) give what the owning ones give, on valid, normalisable and invalid inputs.
#[test]
fn borrowing_checks_equal_the_owning_ones() {
    use fangkong::ids::{credit_code, district_code, id_number, iso_date, phone};
    let code = with_credit_check("91440300MA5DC8XR1");
    let id = with_id_check("44030119900101123");
    let lower = code.to_lowercase();
    let spaced = format!(" {code} ");
    let texts: Vec<&str> = vec![
        &code,
        &lower,
        &spaced,
        &id,
        "91440300MA5DC8XR1Z",
        "91440300MA5DC8XRIZ",
        "4403011990010112X",
        "44030119900101123x",
        "000000000000000000",
        "440300",
        "４４０３００",
        "000000",
        " 440300",
        "13800138000",
        "8613800138000",
        "+86 138 0013 8000",
        "0755-12345678",
        "010-1234567",
        "0755-123456",
        "07551-2345678",
        "0755-1234-5678",
        "(0755)12345678",
        "0086-13800138000",
        "12345678901",
        "",
        "-",
        "2020-02-04",
        "2020-2-4",
        "2020-02-30",
        "0000-01-01",
        "9999-12-31",
        "+020-02-04",
        "2020/02/04",
        "２０２０-０２-０４",
        "2020-02-04 ",
    ];
    for s in texts {
        assert_eq!(credit_code(s).map(|c| c.into_owned()), check_credit_code(s), "{s}");
        assert_eq!(district_code(s).map(|c| c.into_owned()), check_district_code(s), "{s}");
        assert_eq!(id_number(s, today()).map(|c| c.into_owned()), check_id_number(s, today()), "{s}");
        assert_eq!(phone(s).map(|c| c.into_owned()), check_phone(s).map(|p| p.normalized), "{s}");
        if let Some(d) = iso_date(s) {
            assert_eq!(parse_date(s), Ok(d), "{s}");
            assert_eq!(fangkong::time::fmt_date(d), s);
        }
    }
    for y in ["0000", "1900", "2020", "2021", "9999"] {
        for m in 0..=13 {
            for d in 0..=32 {
                let s = format!("{y}-{m:02}-{d:02}");
                assert_eq!(iso_date(&s), parse_date(&s).ok(), "{s}");
            }
        }
    }
}
