//! Every mistake of reading a pack (`pack.rs`, its shape: `error.rs`) and of compiling it
//! (`compile.rs`, `compile/labels.rs`, `compile/placeholders.rs`) is told in Chinese as well as
//! in English.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use serde_json::json;

use super::{Pack, PackError, too_large};

use super::error::told::{cjk, told};

/// The (English, Chinese) of the mistakes at `path`.
fn at(errors: &[PackError], path: &str) -> Vec<(String, String)> {
    errors.iter().filter(|e| e.path == path).map(|e| (e.message.clone(), e.zh.clone())).collect()
}

fn has(errors: &[PackError], path: &str, en: &str) {
    assert!(at(errors, path).iter().any(|(m, _)| m == en), "no `{en}` at {path}: {:?}", at(errors, path));
}

#[test]
fn every_mistake_of_reading_or_compiling_a_pack_is_told_in_chinese_too() {
    // pack.rs: size, JSON, a key twice, a pack too large once resolved.
    let e = too_large().0;
    assert!(cjk(&e[0].zh) && e[0].message == "pack larger than 2097152 bytes", "{e:?}");
    let e = told(Pack::from_json("{"));
    assert!(e[0].message.starts_with("not valid JSON: ") && e[0].zh.starts_with("不是有效的 JSON："), "{e:?}");
    let e = told(Pack::from_json(r#"{"a": 1, "a": 2}"#));
    assert!(e[0].message.starts_with("key `a` is given twice in this object (line 1, column "), "{e:?}");
    let e = told(Pack::from_value(json!({ "id": "x".repeat(super::MAX_RESOLVED_BYTES) })));
    assert!(e[0].message.starts_with("a pack of "), "{e:?}");

    // error.rs: the pack's shape.
    let e = told(Pack::from_value(json!({ "id": 1, "bogus": 1, "version": "1",
        "parameters": { "p": { "type": "days" } }, "rules": [{ "id": "R", "kind": "frob" }] })));
    has(&e, "/id", "expected a text");
    has(&e, "/bogus", "unknown field `bogus`");
    has(&e, "/effectiveFrom", "missing field `effectiveFrom`");
    has(&e, "/parameters/p/value", "missing field `value`");
    let kind = at(&e, "/rules/0/kind");
    assert!(kind[0].0.starts_with("unknown value `frob`, expected one of field, assert, "), "{kind:?}");
    assert!(kind[0].1.starts_with("未知的值 `frob`，应为以下之一：field、assert、"), "{kind:?}");
    assert_eq!(at(&e, "/id")[0].1, "应为文本");

    // compile.rs, labels.rs, placeholders.rs: one pack of many mistakes.
    let long = "长".repeat(501);
    let e = told(Pack::from_value(json!({
        "id": " ", "version": "1", "effectiveFrom": "2020-13-01", "removeRules": ["X"],
        "parameters": {
            "bad-name": { "type": "days", "value": 1 },
            "d1": { "type": "days", "value": 1.5 },
            "d2": { "type": "days", "value": 4000 },
            "n1": { "type": "number", "value": "x" },
            "n2": { "type": "number", "value": 2e9 },
            "dt1": { "type": "date", "value": 1 },
            "dt2": { "type": "date", "value": "2020-02-30" },
            "t1": { "type": "text", "value": 1 },
            "ts1": { "type": "texts", "value": [1] },
            "b1": { "type": "bool", "value": 1 },
            "m1": { "type": "number", "value": 1, "min": 2 },
            "m2": { "type": "number", "value": 3, "max": 2 },
            "tl": { "type": "texts", "value": ["一二三四五六七八九十"] },
            "conditionalScore": { "type": "number", "value": 90 },
            "approvedScore": { "type": "number", "value": 80 }
        },
        "rules": [
            { "id": "A", "kind": "assert" },
            { "id": "A", "kind": "section", "on": "filing" },
            { "id": "", "kind": "section" },
            { "id": "G", "kind": "gate", "severity": "error", "causes": ["nope", "G2"] },
            { "id": "G2", "kind": "gate", "severity": "error" },
            { "id": "I", "kind": "item", "section": "nosuch", "weight": -1 },
            { "id": "F", "kind": "fact" },
            { "id": "N", "kind": "indicator" },
            { "id": "N2", "kind": "indicator", "numerator": "a b", "denominator": "c", "code": "ind.x" },
            { "id": "P", "kind": "assert", "severity": "error", "checks": [{ "assert": "true", "code": "x.p",
                "params": { "who": "contacts.firstResponsible.name" } }] },
            { "id": "S", "kind": "screen", "when": "contactWithConfirmed == true", "outcome": "central_quarantine",
                "from": "lastContactOn", "days": "14", "code": "scr.x", "path": "contactWithConfirmed" }
        ],
        "messages": { "xx": {}, "zh-CN": {
            "x.p": { "message": "{nope}{$nope}", "help": long },
            "blank": { "message": " " }
        } },
        "labels": { "yy": {}, "zh-CN": { "A": { "label": "{$tl}".repeat(60) } } }
    })));
    has(&e, "/id", "pack id is empty");
    has(&e, "/effectiveFrom", "`2020-13-01` is not a date `YYYY-MM-DD`");
    has(&e, "/removeRules", "`removeRules` removes rules of the pack this one extends, and it has no `extends`");
    has(&e, "/parameters/bad-name", "`bad-name` is not a parameter name");
    has(&e, "/parameters/d1/value", "`d1` must be a whole number ≥ 0, found `1.5`");
    has(&e, "/parameters/d2/value", "`d2` must be at most 3650 days (ten years), found `4000`");
    has(&e, "/parameters/n1/value", "must be a number");
    has(&e, "/parameters/n2/value", "`n2` must be from -1000000000 to 1000000000, found `2000000000`");
    has(&e, "/parameters/dt1/value", "must be a date `YYYY-MM-DD`");
    has(&e, "/parameters/dt2/value", "`2020-02-30` is not a date `YYYY-MM-DD`");
    has(&e, "/parameters/t1/value", "must be a text");
    has(&e, "/parameters/ts1/value", "must be a list of texts");
    has(&e, "/parameters/b1/value", "must be true or false");
    has(&e, "/parameters/m1/value", "`m1` must be at least 2, found `1`");
    has(&e, "/parameters/m2/value", "`m2` must be at most 2, found `3`");
    has(&e, "/parameters/conditionalScore/value", "`conditionalScore` (90) must not be above `approvedScore` (80)");
    has(&e, "/parameters/rectifyDays", "a pack with inspection items needs the number parameter `rectifyDays`");
    has(&e, "/rules/1/id", "rule id `A` is already used by /rules/0");
    has(&e, "/rules/1/on", "a `section` rule judges inspection");
    has(&e, "/rules/2/id", "rule id is empty");
    has(&e, "/rules/0/severity", "a rule needs a `severity`");
    has(&e, "/rules/0/checks", "a rule needs at least one check (to drop a rule, name it in `removeRules`)");
    has(&e, "/rules/3/causes/0", "unknown rule `nope`");
    has(&e, "/rules/3/causes/1", "`G2` is a gate; a gate's causes are rules");
    assert!(at(&e, "/rules/4/causes")[0].1.starts_with("关口 `G2` 既没有原因也没有自己的检查"), "{e:?}");
    has(&e, "/rules/5/section", "unknown section `nosuch`");
    has(&e, "/rules/5/weight", "an item needs a `weight` from 0 to 1000000000");
    has(&e, "/rules/6/field", "a fact needs a `field`");
    has(&e, "/rules/7", "an indicator needs `numerator`, `denominator` and `code`");
    has(&e, "/rules/8/numerator", "`a b` is not a count name");
    assert!(at(&e, "/rules/9/checks/0/params/who")[0].0.starts_with("message param `who` shows"), "{e:?}");
    has(&e, "/labels/yy", "unknown locale `yy`; use zh-CN, zh-TW or en");
    has(&e, "/messages/xx", "unknown locale `xx`; use zh-CN, zh-TW or en");
    has(&e, "/messages/en", "no `en` message for code `x.p`");
    assert_eq!(at(&e, "/messages/en").iter().filter(|(m, _)| m == "no `en` message for code `x.p`").count(), 1);
    let undated = at(&e, "/messages/zh-CN")
        .into_iter()
        .find(|(m, _)| m.starts_with("no `zh-CN` message for code `scr.x_undated` (how `scr.x` is told"));
    assert!(
        undated.is_some_and(|(_, zh)| zh.starts_with("缺少代码 `scr.x_undated` 的 `zh-CN` 消息（`scr.x` 在")),
        "{e:?}"
    );
    has(&e, "/messages/zh-CN/x.p/help", "a help of 501 characters: at most 500");
    has(&e, "/messages/zh-CN/blank/message", "the message is blank: it would say nothing");
    has(&e, "/messages/zh-CN/x.p/message", "`{$nope}`: unknown parameter `$nope` of this version");
    has(&e, "/messages/zh-CN/x.p/message", "`{nope}` is no param of `x.p`; its diagnostics carry {who}");
    has(&e, "/labels/zh-CN/A/label", "a label of 600 characters once its parameters are filled in: at most 500");
    let zh = at(&e, "/labels/zh-CN/A/label");
    assert_eq!(zh[0].1, "标签填入参数后共 600 个字符：最多 500 个");

    // The Chinese the zh audit asked for: kinds named in Chinese with their word, one verb
    // (移除) for `removeRules`, 分项 for a section (部分 is a `partial` answer).
    let zh = |path: &str| at(&e, path).into_iter().map(|(_, zh)| zh).collect::<Vec<_>>();
    assert_eq!(zh("/rules/1/on"), ["检查分项规则（`section`）判定的是复工检查（`inspection`）"]);
    assert_eq!(zh("/rules/0/checks"), ["规则的 `checks` 至少要有一项（要移除规则，请将其列入 `removeRules`）"]);
    assert_eq!(zh("/removeRules"), ["`removeRules` 用于移除父规则包的规则，但此规则包没有 `extends`"]);
    assert!(zh("/rules/4/causes")[0].ends_with("永远不会判为不通过：请在 `causes` 中列出使其不通过的规则、为其添加 `checks`，或将其一并移除（列入 `removeRules`）"));
    assert_eq!(zh("/rules/5/section"), ["未知的检查分项 `nosuch`"]);
    assert_eq!(zh("/rules/5/weight"), ["检查项规则（`item`）需要 0 到 1000000000 之间的 `weight`"]);
    assert_eq!(zh("/rules/6/field"), ["必须明确事项规则（`fact`）缺少 `field`"]);
    assert_eq!(zh("/parameters/bad-name"), ["`bad-name` 不是有效的参数名"]);
    assert_eq!(zh("/parameters/m2/value"), ["`m2` 应不大于 2，实际为 `3`"]);
    let placeholder = zh("/messages/zh-CN/x.p/message");
    assert!(
        placeholder.contains(&"`{nope}` 不是代码 `x.p` 的消息参数；其诊断带有 {who}".to_owned()),
        "{placeholder:?}"
    );
}

/// The embedded `shenzhen-2020` with `approvedScore` set to `value`.
fn shenzhen_with_approved_score(value: serde_json::Value) -> serde_json::Value {
    let mut pack: serde_json::Value = serde_json::from_str(include_str!("../../packs/shenzhen-2020.json")).unwrap();
    pack["parameters"]["approvedScore"]["value"] = value;
    pack
}

/// A refused `approvedScore` is one mistake: its stand-in (0) is not compared with
/// `conditionalScore` as if the pack had said 0 (zh audit, B1).
#[test]
fn a_refused_approved_score_is_one_error_not_two() {
    assert!(Pack::from_value(shenzhen_with_approved_score(json!(90))).is_ok());
    for (value, en, zh) in [
        (json!(120), "`approvedScore` must be at most 100, found `120`", "`approvedScore` 应不大于 100，实际为 `120`"),
        (json!("ninety"), "must be a number", "应为数字"),
    ] {
        let e = told(Pack::from_value(shenzhen_with_approved_score(value)));
        assert_eq!(at(&e, "/parameters/approvedScore/value"), [(en.to_owned(), zh.to_owned())]);
        assert_eq!(e.len(), 1, "{e:?}");
    }
    // Not refused, and below `conditionalScore`: still told.
    let e = told(Pack::from_value(shenzhen_with_approved_score(json!(50))));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].message.starts_with("`conditionalScore` (60) must not be above `approvedScore` (50)"), "{e:?}");
}

/// A list or a text over the reader's limit is told in words in English too, not as its code
/// (zh audit, B2).
#[test]
fn too_many_items_is_told_in_words() {
    let fields = vec![json!("enterprise.name"); crate::schema::MAX_ARRAY_LEN + 1];
    let e = told(Pack::from_value(json!({ "id": "t", "version": "1", "effectiveFrom": "2020-02-10",
        "rules": [{ "id": "R", "kind": "field", "severity": "error", "checks": [{ "check": "text", "fields": fields }] }] })));
    let limit = crate::schema::MAX_ARRAY_LEN;
    assert_eq!(
        at(&e, "/rules/0/checks/0/fields"),
        [(format!("too many items: at most {limit}"), format!("项数过多：最多 {limit} 项"))]
    );
}
