//! A draft's change list against the answers before and after it: shared by tests/draft.rs,
//! tests/whole_draft.rs and the fuzz target `draft` (fuzz/src/lib.rs includes this file).

use serde_json::Value;

/// A draft's change list takes answer `before` to answer `after` (tests/draft.rs,
/// tests/whole_draft.rs), and says no more: what it removes are exactly the diagnostics of
/// `before` that `after` does not show as they were, what it adds exactly those of `after` that
/// `before` did not (whole diagnostics compared, as many times as each is shown: one unchanged
/// is neither; drafts audit, thirty-second session), and the decision and the gates moved as it
/// says (and only those).
pub fn changes_add_up(before: &Value, after: &Value, changes: &fangkong::draft::Changes) -> Result<(), String> {
    let shown = |a: &Value| -> Vec<Value> { a["diagnostics"].as_array().cloned().unwrap_or_default() };
    // The multiset difference `a` − `b` of whole diagnostics.
    let minus = |a: &[Value], b: &[Value]| -> Vec<Value> {
        let mut rest = b.to_vec();
        let mut out = Vec::new();
        for d in a {
            match rest.iter().position(|x| x == d) {
                Some(i) => {
                    rest.swap_remove(i);
                }
                None => out.push(d.clone()),
            }
        }
        out
    };
    let (was, now) = (shown(before), shown(after));
    let key = |d: &Value| -> (String, String, String) {
        let t = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
        (t("path"), t("code"), t("ruleId"))
    };
    let mut gone: Vec<_> = minus(&was, &now).iter().map(key).collect();
    let mut removed: Vec<_> =
        changes.removed.iter().map(|g| (g.path.clone(), g.code.clone(), g.rule_id.clone())).collect();
    gone.sort();
    removed.sort();
    if gone != removed {
        return Err(format!("removed {removed:?}, but the answers lost {gone:?}"));
    }
    let came = minus(&now, &was);
    let added: Vec<Value> = changes.added.iter().map(|d| serde_json::to_value(d).unwrap_or_default()).collect();
    if !minus(&came, &added).is_empty() || !minus(&added, &came).is_empty() {
        return Err(format!("added {added:?}, but the answers gained {came:?}"));
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
