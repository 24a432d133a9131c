//! The one-pass reader of clean filings (issue 9, point 1; `schema::read_clean`) against the
//! reference path (parse into a `Value`, then walk): whenever it reads a text, its canonical
//! document is the walker's and the walker has nothing to report or normalise; and the answer
//! of `check_filing_json` (which uses it) equals that of `check_filing_value` of the parsed
//! text, byte for byte. On every golden and example filing, unchanged and after random edits:
//! values swapped for blanks, nulls, wrong types, numbers as text, full-width text, dates to
//! normalise, over-long text; unknown, duplicate and escaped keys.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::sync::OnceLock;

use common::{CaseKind, Input, load_cases, root};
use fangkong::schema::{FILING, read_clean, walk};
use fangkong::time::parse_now;
use fangkong::{Engine, Options};
use proptest::prelude::*;
use serde_json::{Value, json};

fn filings() -> &'static Vec<Value> {
    static S: OnceLock<Vec<Value>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out: Vec<Value> = load_cases()
            .into_iter()
            .filter(|c| c.kind == CaseKind::Filing)
            .filter_map(|c| match c.input {
                Input::Json(v) => Some(v),
                _ => None,
            })
            .collect();
        let mut files: Vec<_> =
            std::fs::read_dir(root().join("examples/filings")).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            out.push(serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap());
        }
        assert!(out.len() > 100, "only {} filings", out.len());
        out
    })
}

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::with_default_pack().unwrap())
}

/// Read clean or not, the same canonical document and the same answer as the reference path.
/// Returns whether the text was read clean.
fn agrees(text: &str) -> bool {
    let parsed: Result<Value, _> = serde_json::from_str(text);
    let clean = read_clean(text, &FILING);
    if let Some(doc) = &clean {
        let w = walk(parsed.as_ref().expect("read clean, so it parses"), &FILING);
        assert_eq!(&w.doc, doc, "{text}");
        assert!(w.diagnostics.is_empty(), "{text}: {:?}", w.diagnostics);
        assert!(w.normalized.is_empty(), "{text}: {:?}", w.normalized);
    }
    if let Ok(v) = parsed {
        let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap());
        let got = serde_json::to_string(&engine().check_filing_json(text, &opts)).unwrap();
        if fangkong::num::read_submission(text).is_err_and(|e| e.is_duplicate_key()) {
            // A key given twice is refused as text (fourth audit); a `Value` has merged it already.
            assert!(got.contains(r#""code":"input.duplicate_key""#), "{text}: {got}");
        } else {
            let want = serde_json::to_string(&engine().check_filing_value(&v, &opts)).unwrap();
            assert_eq!(got, want, "{text}");
        }
    }
    // Written straight as JSON text, the same bytes (unusable answers too), in every locale.
    for locale in [fangkong::Locale::ZhCn, fangkong::Locale::ZhTw, fangkong::Locale::En] {
        let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").unwrap()).locale(locale);
        let answer = engine().check_filing_json(text, &opts);
        let mut direct = String::new();
        answer.write_json(&mut direct);
        assert_eq!(direct, serde_json::to_string(&answer).unwrap(), "{text}");
    }
    clean.is_some()
}

#[test]
fn golden_and_example_filings_read_clean_agree() {
    let mut clean = 0;
    for f in filings() {
        clean += usize::from(agrees(&serde_json::to_string(f).unwrap()));
        clean += usize::from(agrees(&serde_json::to_string_pretty(f).unwrap()));
    }
    // The fast path is taken, not only the reference path.
    assert!(clean >= filings().len() / 2, "only {clean} of {} read clean", 2 * filings().len());
}

#[test]
fn texts_the_reader_must_give_up_on() {
    let cases = [
        r#"{"filedOn":"2020-02-04","filedOn":"2020-02-05"}"#,
        r#"{"filedOn":null,"filedOn":"2020-02-05"}"#,
        r#"{"filedon":"2020-02-04"}"#,
        r#"{"filedOn":"2020/2/4"}"#,
        r#"{"staff":{"total":"12"}}"#,
        r#"{"enterprise":{"name":" 某某 "}}"#,
        r#"{"enterprise":{"name":12}}"#,
        r#"{"roster":{}}"#,
        r#"{"staff":[]}"#,
        r#"[]"#,
        r#"null"#,
        r#"{"filedOn":"2020-02-04"} x"#,
        r#"{"filedOn":"\ud83d"}"#,
    ];
    for t in cases {
        assert!(read_clean(t, &FILING).is_none(), "{t}");
        agrees(t);
    }
    let long = format!(r#"{{"enterprise":{{"name":"{}"}}}}"#, "某".repeat(1001));
    assert!(read_clean(&long, &FILING).is_none());
    agrees(&long);
    // Clean: blanks and nulls are absent, escapes read, numbers by value.
    for t in [
        r#"{"filedOn":"","staff":{"total":8.0,"local":null},"roster":[null,{"name":" "}]}"#,
        r#"{"\u0066iledOn":"2020-02-04","enterprise":{"name":"\u67d0\u516c\u53f8"}}"#,
        r#"{"staff":{"total":-0,"returning":1e2,"local":18446744073709551615}}"#,
    ] {
        assert!(read_clean(t, &FILING).is_some(), "{t}");
        agrees(t);
    }
}

/// Pointers to every value inside `v` (objects and arrays included), root excluded.
fn places(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                places(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                places(x, p, out);
            }
        }
        _ => {}
    }
}

fn pool() -> Vec<Value> {
    vec![
        Value::Null,
        json!(""),
        json!(" \u{3000}"),
        json!("１２"),
        json!("12"),
        json!(12),
        json!(12.0),
        json!(-3),
        json!(0.5),
        json!(true),
        json!(false),
        json!("2020/2/4"),
        json!("2020-02-04"),
        json!("2020年2月4日"),
        json!("ＡＢＣ"),
        json!("a\u{200B}b"),
        json!("某某公司"),
        json!("x".repeat(1001)),
        json!({}),
        json!([]),
        json!({ "bogus": 1 }),
        json!([null, {}]),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    /// Set the place picked by the first number to the pool value picked by the second.
    Set(usize, usize),
    /// Add an unknown (or look-alike) key to the object picked.
    Unknown(usize, usize),
    /// Repeat the first key of the text (a duplicate the walker resolves: the last wins).
    Duplicate,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Set(a, b)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Unknown(a, b)),
        1 => Just(Edit::Duplicate),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn edited_filings_agree(start in any::<usize>(), edits in proptest::collection::vec(edit(), 0..4)) {
        let fs = filings();
        let mut v = fs[start % fs.len()].clone();
        let mut duplicate = false;
        for e in &edits {
            let mut ps = Vec::new();
            places(&v, String::new(), &mut ps);
            match *e {
                Edit::Set(a, b) if !ps.is_empty() => {
                    let p = &ps[a % ps.len()];
                    let pool = pool();
                    *v.pointer_mut(p).unwrap() = pool[b % pool.len()].clone();
                }
                Edit::Unknown(a, b) => {
                    let objects: Vec<&String> =
                        ps.iter().filter(|p| v.pointer(p).is_some_and(Value::is_object)).collect();
                    let key = ["bogus", "ｆｉｌｅｄＯｎ", "total", "a/b~c"][b % 4];
                    let target = if objects.is_empty() { String::new() } else { objects[a % objects.len()].clone() };
                    if let Some(Value::Object(m)) = v.pointer_mut(&target) {
                        m.insert(key.to_owned(), json!(1));
                    }
                }
                Edit::Duplicate => duplicate = true,
                Edit::Set(..) => {}
            }
        }
        let mut text = serde_json::to_string(&v).unwrap();
        if duplicate && let Some(Value::Object(m)) = Some(&v) && let Some((k, x)) = m.iter().next() {
            // The first key again, at the end, with another value.
            let other = if x.is_string() { json!(null) } else { json!("2020-02-04") };
            text.pop();
            text.push_str(&format!(",{}:{}}}", serde_json::to_string(k).unwrap(), other));
        }
        agrees(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    /// The reader scans the text itself: it must read exactly what JSON is (a text it reads
    /// clean parses) and read it as `serde_json` does. Random characters deleted, inserted or
    /// replaced in golden filings, compact and pretty.
    #[test]
    fn texts_edited_by_character_agree(
        start in any::<usize>(),
        pretty in any::<bool>(),
        edits in proptest::collection::vec((any::<usize>(), 0usize..3, any::<usize>()), 1..4),
    ) {
        let fs = filings();
        let v = &fs[start % fs.len()];
        let text = if pretty { serde_json::to_string_pretty(v) } else { serde_json::to_string(v) }.unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        let pool = [
            ',', '}', ']', '{', '[', ':', '"', ' ', '\n', '\t', '\\', '0', '1', '-', '+', '.', 'e', 'E', 'n', 't', 'f',
            'u', '\u{1}', '\u{7f}', '某', '\u{3000}',
        ];
        for (at, how, c) in edits {
            let at = at % (chars.len() + 1);
            let c = pool[c % pool.len()];
            match how {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => chars.insert(at, c),
                _ if at < chars.len() => chars[at] = c,
                _ => {}
            }
        }
        agrees(&chars.into_iter().collect::<String>());
    }
}

#[test]
fn numbers_and_escapes_read_as_serde_json_reads_them() {
    for n in [
        "0",
        "-0",
        "-0.0",
        "7",
        "-7",
        "1.5",
        "1e2",
        "1E-2",
        "2.50",
        "12345678901234567890",
        "18446744073709551616",
        "-9223372036854775809",
        "1e400",
        "01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "0x1",
    ] {
        for t in [
            format!(r#"{{"staff":{{"total":{n}}}}}"#),
            format!(r#"{{"roster":[{{"returning":true}}],"staff":{{"returning":{n} }}}}"#),
        ] {
            agrees(&t);
        }
    }
    for s in
        [r#""\"""#, r#""a\\b""#, r#""\u4e00""#, r#""\ud83d\ude00""#, r#""\ud83d""#, r#""\x""#, "\"\u{1}\"", r#""\/""#]
    {
        agrees(&format!(r#"{{"enterprise":{{"name":{s}}}}}"#));
    }
}
