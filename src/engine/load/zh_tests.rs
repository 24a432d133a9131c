//! Every mistake of loading a pack (`engine/load.rs`, `load/size.rs`) and of resolving a variant
//! (`pack/family.rs`, its `place`) is told in Chinese as well as in English.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use serde_json::json;

use crate::engine::Engine;
use crate::pack::PackError;

use crate::pack::error_told::told;

/// The English of the one mistake at `path` (or the first, when `path` is `None`).
fn english(errors: &[PackError], path: &str) -> String {
    errors.iter().find(|e| e.path == path).map(|e| e.message.clone()).unwrap_or_else(|| format!("none at {path}"))
}

#[test]
fn every_mistake_of_loading_or_resolving_a_pack_is_told_in_chinese_too() {
    // family.rs: a variant over its parent.
    let parent = json!({ "id": "p", "parameters": { "a": { "type": "days", "value": 1 } },
        "rules": [{ "id": "R1", "kind": "assertion" }, { "id": "R2", "kind": "assertion" }] });
    let child = json!({ "id": "c", "extends": "p", "bogus": 1,
        "parameters": { "a": { "type": "count" }, "nope": { "value": 1 } },
        "rules": [1, { "kind": "assertion" }, { "id": "R1", "kind": "screen" }, { "id": "R9" }, { "id": "R1" }],
        "removeRules": [5, "R2", "R2", "R1", "Z"] });
    let e = told(crate::pack::resolve_extends(&child, &parent));
    assert_eq!(e.len(), 12, "{e:?}");
    assert!(english(&e, "/bogus").starts_with("unknown field `bogus`, expected one of id, "));
    assert_eq!(english(&e, "/rules/0"), "expected an object");
    assert_eq!(english(&e, "/rules/1/id"), "a rule needs an `id`");
    assert_eq!(english(&e, "/rules/3/id"), "overrides rule `R9`, which `p` does not have (a new rule needs a `kind`)");
    assert_eq!(english(&e, "/removeRules/0"), "expected a string");
    assert_eq!(english(&e, "/removeRules/4"), "removes rule \"Z\", which `p` does not have");
    let a = e.iter().find(|x| x.path == "/parameters/a/type").unwrap();
    assert!(a.zh.starts_with("参数 `a` 在所继承的规则包中的类型为 \"days\""), "{}", a.zh);
    let shapes = json!({ "parameters": [], "rules": {}, "removeRules": "R1" });
    let e = told(crate::pack::resolve_extends(&shapes, &parent));
    assert_eq!(e.iter().map(|x| x.zh.as_str()).collect::<Vec<_>>(), ["应为对象", "应为数组", "应为数组"]);
    told(crate::pack::resolve_extends(&json!(1), &parent));
    told(crate::pack::resolve_extends(&json!({}), &json!(1)));

    // load.rs: `extends` that names nothing, itself, or too long a chain.
    let v = |id: &str, ext: &str, version: &str, from: &str| json!({ "id": id, "extends": ext, "version": version, "effectiveFrom": from });
    let e = told(Engine::from_pack_value(v("dx", "dx", "1", "2020-02-01")));
    assert!(e[0].message.starts_with("`dx` extends itself") && e[0].zh.starts_with("`dx` 继承了自身"), "{e:?}");
    let e = told(Engine::from_pack_value(json!([
        v("dx", "shenzhen-2020", "1", "2020-02-01"),
        v("dx", "nowhere", "2", "2020-03-01")
    ])));
    assert_eq!((e[0].path.as_str(), e[0].message.as_str()), ("/1/extends", "no pack `nowhere` to extend"));
    let chain: Vec<_> = (0..10)
        .map(|i| {
            v(&format!("c{i}"), &if i == 0 { "shenzhen-2020".into() } else { format!("c{}", i - 1) }, "1", "2020-02-01")
        })
        .collect();
    let e = told(Engine::from_pack_value(json!(chain)));
    assert!(e[0].message.contains("is longer than 8 (a cycle?)"), "{e:?}");
    told(Engine::from_pack_value(json!(vec![json!(null); 65])));
    told(Engine::from_pack_value(json!([])));
    // Versions of one family: another family, a version twice, two versions from one day.
    let e = told(Engine::from_pack_value(json!([
        v("dx", "shenzhen-2020", "1", "2020-02-01"),
        v("dy", "shenzhen-2020", "2", "2020-02-02"),
        v("dx", "shenzhen-2020", "1", "2020-02-03"),
        v("dx", "shenzhen-2020", "3", "2020-02-01"),
    ])));
    assert_eq!(english(&e, "/1/id"), "one engine holds one pack family; `dy` is not `dx`");
    assert_eq!(english(&e, "/2/version"), "version `1` is given twice");
    assert!(english(&e, "/3/effectiveFrom").starts_with("versions `1` and `3` both take effect on 2020-02-01: "));
    // family.rs `place`: a mistake in what a variant inherits, told at `/extends`, its Chinese
    // (or English) inside "继承自 …".
    let rule = json!([{ "id": "RTW-T1", "checks": [{ "assert": "days(filedOn, plannedResumption) >= $leadDays",
        "path": "plannedResumption", "code": "filing.lead_time", "params": { "dayz": "days(filedOn, plannedResumption)" } }] }]);
    let mut variant = v("nanshan-2020", "shenzhen-2020", "2020-02-10", "2020-02-01");
    variant["rules"] = rule;
    for x in told(Engine::from_pack_value(variant)) {
        assert!(x.message.contains("inherited from `shenzhen-2020`"), "{x:?}");
        assert!(x.zh.contains("继承自 `shenzhen-2020` 的"), "{x:?}");
    }

    // The compact form (the runtime module's errors).
    told(Engine::precompiled("nope"));
    let e = told(Engine::from_compiled(&[1, 2, 3]));
    assert_eq!(e[0].message, "not a compiled pack, or a damaged one (its checksum does not match)");
    let mut forged = b"forged".to_vec();
    forged.extend_from_slice(&crate::pack::compact::checksum(&forged).to_le_bytes());
    let e = told(Engine::from_compiled(&forged));
    assert!(
        e[0].message.starts_with("not a compiled pack (")
            && e[0].zh.starts_with("不是已编译的规则包（文件头无法识别："),
        "{e:?}"
    );
    // A blob of another version of fangkong (what a district meets after an upgrade): its
    // reason in Chinese too, not the English inside a Chinese sentence (zh audit, A3).
    let magic = "fangkong compiled packs";
    let mut old = vec![magic.len() as u8];
    old.extend_from_slice(magic.as_bytes());
    old.push(5);
    old.extend_from_slice(b"0.0.1");
    old.extend_from_slice(&[0, 0]);
    old.extend_from_slice(&crate::pack::compact::checksum(&old).to_le_bytes());
    let e = told(Engine::from_compiled(&old));
    let now = env!("CARGO_PKG_VERSION");
    assert_eq!(e[0].message, format!("compiled by fangkong 0.0.1, not {now}: compile the pack again"));
    assert_eq!(e[0].zh, format!("该规则包由 fangkong 0.0.1 编译，当前为 {now}：请重新编译规则包"));
    let e = told(Engine::with_pack_id("nope"));
    assert!(e[0].zh.ends_with("内置：shenzhen-2020、guangming-2020、hangzhou-2020"), "{e:?}");
}
