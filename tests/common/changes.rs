//! A draft's change list against the answers before and after it: shared by tests/draft.rs,
//! tests/whole_draft.rs and the fuzz target `draft` (fuzz/src/lib.rs includes this file).

use serde_json::Value;

/// Diagnostic keys (path, code, rule) of an answer, counted.
fn diagnostic_keys(answer: &Value) -> std::collections::BTreeMap<(String, String, String), usize> {
    let mut out = std::collections::BTreeMap::new();
    for d in answer["diagnostics"].as_array().into_iter().flatten() {
        let k = (
            d["path"].as_str().unwrap_or_default().into(),
            d["code"].as_str().unwrap_or_default().into(),
            d["ruleId"].as_str().unwrap_or_default().into(),
        );
        *out.entry(k).or_default() += 1;
    }
    out
}

/// A draft's change list takes answer `before` to answer `after` (tests/draft.rs,
/// tests/whole_draft.rs): what it removes was there, what it adds is in `after` as it is, and
/// the decision and the gates moved as it says (and only those).
pub fn changes_add_up(before: &Value, after: &Value, changes: &fangkong::draft::Changes) -> Result<(), String> {
    let mut k = diagnostic_keys(before);
    for g in &changes.removed {
        let key = (g.path.clone(), g.code.clone(), g.rule_id.clone());
        let n = k.get_mut(&key).ok_or_else(|| format!("removed {key:?} was not there"))?;
        *n -= 1;
    }
    for d in &changes.added {
        *k.entry((d.path.clone(), d.code.clone(), d.rule_id.clone())).or_default() += 1;
        let as_is = serde_json::to_value(d).map_err(|e| e.to_string())?;
        if !after["diagnostics"].as_array().into_iter().flatten().any(|a| *a == as_is) {
            return Err(format!("added {d:?} is not in the answer as it is"));
        }
    }
    k.retain(|_, n| *n > 0);
    if k != diagnostic_keys(after) {
        return Err(format!("the changes do not add up: {k:?} against {:?}", diagnostic_keys(after)));
    }
    let (from, to) = (before["decision"].clone(), after["decision"].clone());
    match &changes.decision {
        Some(m)
            if serde_json::to_value(m.from).ok() != Some(from.clone())
                || serde_json::to_value(m.to).ok() != Some(to.clone()) =>
        {
            return Err(format!("decision {m:?}, answers {from} → {to}"));
        }
        None if from != to => return Err(format!("decision moved {from} → {to} unreported")),
        _ => {}
    }
    let gates = |a: &Value| -> std::collections::BTreeMap<String, Value> {
        a["gates"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|g| (g["id"].as_str().unwrap_or_default().into(), g["passed"].clone()))
            .collect()
    };
    let (gb, ga) = (gates(before), gates(after));
    for (id, to) in &ga {
        let from = gb.get(id).cloned().unwrap_or(Value::Null);
        match changes.gates.iter().find(|m| m.id == *id) {
            Some(m) if serde_json::json!(m.from) != from || serde_json::json!(m.to) != *to => {
                return Err(format!("gate {id}: {m:?}, answers {from} → {to}"));
            }
            None if from != *to => return Err(format!("gate {id} moved unreported")),
            _ => {}
        }
    }
    if changes.gates.iter().any(|m| !ga.contains_key(&m.id)) {
        return Err("a gate moved that the answer does not have".into());
    }
    Ok(())
}
