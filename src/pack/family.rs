//! Pack variants: `extends` resolved at the JSON level (RFC 7386 merge patches).

use serde_json::Value;

use super::error::perr;
use super::{PackErrorKind, PackErrors};

/// RFC 7386 JSON merge patch: `patch` over `target`.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(serde_json::Map::new());
            }
            if let Value::Object(t) = target {
                for (k, v) in p {
                    if v.is_null() {
                        t.remove(k);
                    } else {
                        merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                    }
                }
            }
        }
        other => *target = other.clone(),
    }
}

const PACK_KEYS: &[&str] = &[
    "id",
    "extends",
    "removeRules",
    "version",
    "effectiveFrom",
    "title",
    "source",
    "parameters",
    "rules",
    "messages",
    "labels",
];

/// Resolve a variant pack (`extends`) over its parent, at the JSON level: parameters and
/// rules (by id) are merge-patched over the parent's, `removeRules` drops rules, messages
/// are merged per locale and code. An override of a parameter or rule the parent does not
/// have is an error (a new rule must say its `kind`, a new parameter its `type`).
pub fn resolve_extends(child: &Value, parent: &Value) -> Result<Value, PackErrors> {
    let mut errors = Vec::new();
    let Some(c) = child.as_object() else {
        return Err(PackErrors(vec![perr("", PackErrorKind::Syntax, "a pack is a JSON object")]));
    };
    let parent_name = parent.get("id").and_then(Value::as_str).unwrap_or("the parent").to_owned();
    let mut out = parent.clone();
    let Some(o) = out.as_object_mut() else {
        return Err(PackErrors(vec![perr("/extends", PackErrorKind::Syntax, "the parent pack is not a JSON object")]));
    };
    for (k, v) in c {
        match k.as_str() {
            "id" | "extends" | "version" | "effectiveFrom" | "title" | "source" => {
                o.insert(k.clone(), v.clone());
            }
            "parameters" | "rules" | "messages" | "labels" | "removeRules" => {}
            other => errors.push(perr(
                format!("/{other}"),
                PackErrorKind::Syntax,
                format!("unknown field `{other}`, expected one of {}", PACK_KEYS.join(", ")),
            )),
        }
    }
    o.remove("removeRules");
    if let Some(params) = c.get("parameters").and_then(Value::as_object) {
        let target = o.entry("parameters").or_insert_with(|| Value::Object(serde_json::Map::new()));
        for (name, p) in params {
            match target.get_mut(name.as_str()) {
                Some(existing) => merge_patch(existing, p),
                None if p.get("type").is_some() => {
                    if let Some(t) = target.as_object_mut() {
                        t.insert(name.clone(), p.clone());
                    }
                }
                None => errors.push(perr(
                    format!("/parameters/{name}"),
                    PackErrorKind::UnknownReference,
                    format!("overrides parameter `{name}`, which `{parent_name}` does not have (a new parameter needs a `type`)"),
                )),
            }
        }
    }
    let rules = o.entry("rules").or_insert_with(|| Value::Array(Vec::new()));
    if let (Some(child_rules), Some(list)) = (c.get("rules").and_then(Value::as_array), rules.as_array_mut()) {
        for (i, r) in child_rules.iter().enumerate() {
            let Some(id) = r.get("id").and_then(Value::as_str) else {
                errors.push(perr(format!("/rules/{i}/id"), PackErrorKind::Syntax, "a rule needs an `id`"));
                continue;
            };
            match list.iter_mut().find(|x| x.get("id").and_then(Value::as_str) == Some(id)) {
                Some(existing) => merge_patch(existing, r),
                None if r.get("kind").is_some() => list.push(r.clone()),
                None => errors.push(perr(
                    format!("/rules/{i}/id"),
                    PackErrorKind::UnknownReference,
                    format!("overrides rule `{id}`, which `{parent_name}` does not have (a new rule needs a `kind`)"),
                )),
            }
        }
    }
    if let (Some(remove), Some(list)) = (c.get("removeRules").and_then(Value::as_array), rules.as_array_mut()) {
        for (j, id) in remove.iter().enumerate() {
            let before = list.len();
            list.retain(|x| x.get("id") != Some(id));
            if list.len() == before {
                errors.push(perr(
                    format!("/removeRules/{j}"),
                    PackErrorKind::UnknownReference,
                    format!("removes rule {id}, which `{parent_name}` does not have"),
                ));
            }
            for x in list.iter_mut() {
                if let Some(causes) = x.get_mut("causes").and_then(Value::as_array_mut) {
                    causes.retain(|c| c != id);
                }
            }
        }
    }
    for key in ["messages", "labels"] {
        if let Some(msgs) = c.get(key) {
            let target = o.entry(key).or_insert_with(|| Value::Object(serde_json::Map::new()));
            merge_patch(target, msgs);
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(PackErrors(errors)) }
}
