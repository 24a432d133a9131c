//! Every mistake of an expression or a check (`checks.rs`, `expr/parse.rs`, `expr/lex.rs`) is told in
//! Chinese as well as in English.

use std::collections::BTreeMap;

use super::*;
use crate::pack::doc::PackDoc;
use crate::schema::{FILING, INSPECTION, ROSTER_ENTRY};

fn compiler<'a>(shape: &'static Shape, params: &'a ParamTable) -> Compiler<'a> {
    Compiler { shape, params, errors: Vec::new(), codes: BTreeSet::new() }
}

#[test]
fn every_mistake_of_an_expression_or_a_check_is_told_in_chinese_too() {
    let strs = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let params = ParamTable(BTreeMap::from([
        ("lead".to_owned(), ParamValue::Num(3.0)),
        ("districts".to_owned(), ParamValue::StrList(strs(&["44031"]))),
    ]));
    let mut c = compiler(&FILING, &params);
    let long = "1".repeat(2001);
    let deep = format!("{}true{}", "(".repeat(40), ")".repeat(40));
    let many = format!("1{} > 0", "+1".repeat(401));
    let exprs = [
        "1.2.3 > 0",
        "\"abc",
        "\"ab\\",
        "$ == 1",
        "staff. > 1",
        "staff.total # 1",
        &long,
        "true false",
        "staff",
        "(true",
        "(true true",
        &deep,
        &many,
        "staff.total || true",
        "staff.total + true > 1",
        "filedOn < 5",
        "enterprise.name < \"a\"",
        "$districts == $districts",
        "(staff.total ?? true) > 1",
        "true &&",
        ") > 1",
        "$nope",
        "staff.totl > 1",
        "date(filedOn) == filedOn",
        "date(\"2020-13-01\") == filedOn",
        "count(roster, count(roster, true) > 0) > 0",
        "count(staff.total, true) > 0",
        "size(staff.total) > 0",
        "frob(1)",
        "staff.total",
        "days(filedOn, 1) > 0",
        "count(roster, filedOn) > 0",
        "if(1, 2, 3) > 0",
    ];
    for (i, src) in exprs.iter().enumerate() {
        assert!(c.expr(src, None, Some(ExprTy::Bool), &format!("/e/{i}")).is_none(), "{src}");
    }
    assert_eq!(c.errors.len(), exprs.len());
    c.expr("count(roster, true) > 0", Some(&ROSTER_ENTRY), None, "/cost/each");
    let mut ci = compiler(&INSPECTION, &params);
    ci.expr("count(previous, in(\"x\", facts.needs)) > 0", None, None, "/cost");
    c.errors.append(&mut ci.errors);
    let fields = strs(&["staff.totl", "roster.name", "staff[].total", "enterprise.name", "staff", "enterprise.name.x"]);
    let dc = |allowed: &str| CheckDoc {
        check: Some(FieldCheckKind::DistrictCode),
        fields: Some(strs(&["enterprise.districtCode"])),
        allowed: Some(allowed.to_owned()),
        ..Default::default()
    };
    for (i, d) in [
        CheckDoc { assert: Some("true".to_owned()), ..Default::default() },
        CheckDoc {
            check: Some(FieldCheckKind::Count),
            fields: Some(fields),
            checksum_severity: Some(Severity::Warning),
            when: Some("true".to_owned()),
            ..Default::default()
        },
        CheckDoc { check: Some(FieldCheckKind::Count), allowed: Some("$districts".to_owned()), ..Default::default() },
        dc("$districts"),
        dc("$lead"),
        dc("$nope"),
    ]
    .iter()
    .enumerate()
    {
        c.field_check(d, Severity::Error, &format!("/f/{i}"));
    }
    for (i, d) in [
        CheckDoc { check: Some(FieldCheckKind::Text), ..Default::default() },
        CheckDoc { each: Some("staff.total".to_owned()), assert: Some("true".to_owned()), ..Default::default() },
        CheckDoc { each: Some("nope".to_owned()), assert: Some("true".to_owned()), ..Default::default() },
        CheckDoc {
            assert: Some("true".to_owned()),
            path: Some("nope".to_owned()),
            params: vec![("1x".to_owned(), "1".to_owned())],
            ..Default::default()
        },
    ]
    .iter()
    .enumerate()
    {
        c.assert_check(d, Severity::Error, &format!("/a/{i}"));
    }
    c.unused("/u", &[("each", true), ("when", false)], "screen");
    let pack = serde_json::json!({ "id": "t", "version": "1", "effectiveFrom": "2020-02-10", "rules": [
        { "id": "S1", "kind": "screen", "when": "true", "outcome": "maybe", "from": "filedOn" },
        { "id": "S2", "kind": "screen" },
        { "id": "I1", "kind": "isolation", "each": "roster" },
        { "id": "I2", "kind": "isolation", "each": "roster", "when": "true", "start": "filedOn", "days": "14",
          "by": "plannedResumption", "code": "c", "checks": [{}] },
    ]});
    let rules = PackDoc::read(&pack).map(|d| d.rules).unwrap_or_default();
    assert_eq!(rules.len(), 4);
    for (i, r) in rules.iter().enumerate() {
        let at = format!("/rules/{i}");
        if r.kind == crate::pack::doc::RuleKind::Screen {
            c.screen(r, &at);
        } else {
            c.isolation(r, Severity::Error, &at);
        }
    }
    // I2's `checks` is told by `unused`, in `compile` (once: zh audit, A5), not here.
    assert_eq!(c.errors.len(), exprs.len() + 2 + 14 + 7 + 10, "{:#?}", c.errors);
    for e in &c.errors {
        assert!(!e.message.is_empty() && e.zh.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "{e:?}");
    }
    let msgs: Vec<(&str, &str)> = c.errors.iter().map(|e| (e.message.as_str(), e.zh.as_str())).collect();
    assert_eq!(msgs.first(), Some(&("bad number `1.2.3` (column 1)", "数字 `1.2.3` 无效（第 1 列）")));
    assert!(
        msgs.contains(&("expected `)`, found end of expression (column 6)", "应为 `)`，实际为表达式结尾（第 6 列）"))
    );
    assert!(msgs.contains(&("cannot compare a date with a number (column 1)", "日期不能与数字比较（第 1 列）")));
    assert!(msgs.contains(&(
        "expression is a number, expected a boolean (column 1)",
        "表达式的结果是数字，此处应为是/否值（第 1 列）"
    )));
    assert!(msgs.contains(&(
        "`??` needs the same type on both sides, found a number and a boolean (column 17)",
        "`??` 两侧类型须相同，实际为数字和是/否值（第 17 列）"
    )));
    assert!(msgs.contains(&(
        "`enterprise.name` is a text field; this check needs a number field",
        "`enterprise.name` 是文本字段；此检查需要数字字段"
    )));
    assert!(msgs.contains(&("`when` is not used by a field check", "字段检查不使用 `when`")));
    assert!(msgs.contains(&("`each` is not used by a screen", "排查规则（`screen`）不使用 `each`")));
    assert!(msgs.contains(&("a screen rule needs `when`", "排查规则（`screen`）缺少 `when`")));
    assert!(msgs.contains(&("an isolation rule needs `when`", "隔离规则（`isolation`）缺少 `when`")));
    // A function as code, and which of its parts is meant (zh audit, A4).
    assert!(msgs.contains(&(
        "days needs a date, found a number (column 15)",
        "`days()` 的第二个参数应为日期，实际为数字（第 15 列）"
    )));
    assert!(msgs.contains(&(
        "count needs a boolean, found a date (column 15)",
        "`count()` 的条件应为是/否值，实际为日期（第 15 列）"
    )));
    assert!(msgs.contains(&(
        "if() needs a boolean, found a number (column 4)",
        "`if()` 的条件应为是/否值，实际为数字（第 4 列）"
    )));
    // A message's param is a 消息参数; 参数 alone is a version's parameter (zh audit, A8).
    assert!(msgs.contains(&("`1x` is not a parameter name", "`1x` 不是有效的消息参数名")));
    assert!(msgs.contains(&(
        "arithmetic needs a number, found a boolean (column 15)",
        "算术运算需要数字，实际为是/否值（第 15 列）"
    )));
    assert!(
        msgs.contains(&("`||` needs a boolean, found a number (column 1)", "`||` 需要是/否值，实际为数字（第 1 列）"))
    );
}

#[test]
fn a_rule_kind_is_named_with_its_article_in_english() {
    let params = ParamTable(BTreeMap::new());
    let mut c = compiler(&FILING, &params);
    for kind in ["assert", "isolation", "indicator", "screen", "field check"] {
        c.unused("/rules/0", &[("each", true), ("when", false)], kind);
    }
    let told: Vec<&str> = c.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        told,
        [
            "`each` is not used by an assert",
            "`each` is not used by an isolation",
            "`each` is not used by an indicator",
            "`each` is not used by a screen",
            "`each` is not used by a field check",
        ]
    );
    assert!(c.errors.iter().all(|e| e.path == "/rules/0/each"));
}
