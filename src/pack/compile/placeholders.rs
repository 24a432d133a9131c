//! Message placeholders checked at load (audit 3, F5): a `{name}` in a message or help that no
//! diagnostic of its code can fill reached people as the literal text `{nope}`.
//!
//! Checked exactly where the pack alone decides a code's params: the codes of its assertions
//! and gate checks (the keys of their `params`), and the codes it names for isolation, screen
//! and indicator rules (whose params the engine sets: [`ISOLATION_PARAMS`], [`SCREEN_PARAMS`],
//! [`INDICATOR_PARAMS`]). A code the engine emits itself (`field.required`, `input.*`,
//! `inspection.*`, a field check's codes, …) is not checked: its params are the engine's, and a
//! pack overriding its message is trusted to use them. A message for a code no rule emits is
//! not refused either (a variant may keep its parent's messages for rules it removed).

use std::collections::{BTreeMap, BTreeSet};

use crate::pack::doc::MessageDoc;
use crate::pack::error::pe;
use crate::pack::{
    CHECKLIST_CODES, ENGINE_CODES, INDICATOR_CODES, ITEM_CODES, PackError, PackErrorKind, Rule, RuleBody,
    field_check_codes,
};
use crate::pointer::Pointer;

/// The params of an isolation rule's diagnostic (src/rules.rs, `isolation`).
pub const ISOLATION_PARAMS: &[&str] = &["earliestStart", "isolationDays"];
/// The params of a screen rule's diagnostic (src/screening.rs).
pub const SCREEN_PARAMS: &[&str] = &["outcome", "until", "lastDay"];
/// The params of a screen rule's diagnostic while the start of its period is not known.
pub const SCREEN_UNDATED_PARAMS: &[&str] = &["outcome", "days"];
/// The params of an indicator's shortfall diagnostic (src/indicators.rs).
pub const INDICATOR_PARAMS: &[&str] = &["unit", "shortfall", "numerator", "denominator"];

/// Whether the engine emits `code` itself, whatever the pack's rules say its params are.
fn engine_code(code: &str) -> bool {
    [
        ENGINE_CODES,
        ITEM_CODES,
        INDICATOR_CODES,
        CHECKLIST_CODES,
        crate::pack::LATER_CODES,
        &["screening.date_missing", crate::pack::NA_NOT_ALLOWED],
    ]
    .iter()
    .any(|list| list.contains(&code))
        || crate::pack::doc::FieldCheckKind::ALL.iter().any(|k| field_check_codes(*k).contains(&code))
        || ["input.", "engine.", "answer."].iter().any(|p| code.starts_with(p))
}

/// The names a diagnostic of each checked code can carry: the union over the rules emitting it.
fn providable(rules: &[Rule]) -> BTreeMap<String, BTreeSet<&str>> {
    let mut out: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for r in rules {
        match &r.body {
            RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => {
                for c in checks {
                    out.entry(c.code.clone()).or_default().extend(c.params.iter().map(|(n, _)| n.as_str()));
                }
            }
            RuleBody::Isolation(iso) => {
                out.entry(iso.code.clone()).or_default().extend(ISOLATION_PARAMS.iter().copied())
            }
            RuleBody::Screen(sc) => {
                out.entry(sc.code.clone()).or_default().extend(SCREEN_PARAMS.iter().copied());
                if sc.from.is_some() {
                    let undated = crate::pack::undated_code(&sc.code);
                    out.entry(undated).or_default().extend(SCREEN_UNDATED_PARAMS.iter().copied());
                }
            }
            RuleBody::Indicator { code, .. } => {
                out.entry(code.clone()).or_default().extend(INDICATOR_PARAMS.iter().copied())
            }
            _ => {}
        }
    }
    out.retain(|code, _| !engine_code(code));
    out
}

/// The placeholders of a template as the catalogue fills them in (`fill_in` in messages.rs):
/// from each `{` to the next `}`; a `{` with no `}` after it is text.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = template;
    std::iter::from_fn(move || {
        let (_, after) = rest.split_once('{')?;
        let (name, tail) = after.split_once('}')?;
        rest = tail;
        Some(name)
    })
}

/// Every `{name}` of a checked code's message or help that no diagnostic of the code carries:
/// `pack.unknown_reference` at `/messages/<locale>/<code>/message` (or `/help`).
pub(super) fn check(rules: &[Rule], messages: &[(String, Vec<(String, MessageDoc)>)], errors: &mut Vec<PackError>) {
    let providable = providable(rules);
    for (tag, entries) in messages {
        for (code, m) in entries {
            let Some(names) = providable.get(code.as_str()) else { continue };
            for (part, text) in [("message", Some(&m.message)), ("help", m.help.as_ref())] {
                for name in placeholders(text.map_or("", String::as_str)) {
                    // `{item}`: the title of the item a diagnostic's `itemId` names (engine.rs `render`).
                    // `{$name}`: a parameter, filled in (or refused) by `labels::fill`, once
                    // (packs audit, thirty-first session: a typo in one was refused twice).
                    if names.contains(name) || (name == "item" && names.contains("itemId")) || name.starts_with('$') {
                        continue;
                    }
                    let carried: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
                    let zh = match carried.as_slice() {
                        [] => format!("`{{{name}}}` 不是代码 `{code}` 的消息参数；其诊断不带任何消息参数"),
                        _ => format!("`{{{name}}}` 不是代码 `{code}` 的消息参数；其诊断带有 {}", carried.join("、")),
                    };
                    errors.push(pe(
                        Pointer::from_segments(["messages", tag.as_str(), code.as_str(), part]).to_string(),
                        PackErrorKind::UnknownReference,
                        zh,
                        format!(
                            "`{{{name}}}` is no param of `{code}`; its diagnostics carry {}",
                            if carried.is_empty() { "none".to_owned() } else { carried.join(", ") }
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_are_read_as_the_catalogue_fills_them_in() {
        fn all(t: &str) -> Vec<&str> {
            placeholders(t).collect()
        }
        assert_eq!(all("至少{min}天（现为{days}天）"), ["min", "days"]);
        assert_eq!(all("{nope} / {returning}"), ["nope", "returning"]);
        assert_eq!(all("{$leadDays}"), ["$leadDays"]);
        assert_eq!(all("{}"), [""]);
        assert_eq!(all("{returning"), Vec::<&str>::new(), "a `{{` with no `}}` is text");
        assert_eq!(all("{{{ {returning} }{"), ["{{ {returning"]);
    }
}
