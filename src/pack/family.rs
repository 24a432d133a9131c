//! Pack variants: `extends` resolved at the JSON level (RFC 7386 merge patches).

use serde_json::Value;

use super::error::pe;
use super::{PackError, PackErrorKind, PackErrors};

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

/// Rule ids and parameter names of every version of a parent family: a variant of a whole
/// family (`extends` without `@version`) may name a rule or parameter that only some of its
/// parent's versions have (the 2020-04-07 version of `shenzhen-2020` drops RTW-T3, which the
/// 2020-02-10 version has). Applied to a version without it, the override or removal is
/// skipped; it is an error only when no version of the family has it.
#[derive(Debug, Default)]
pub struct FamilyNames {
    /// Every rule id of some version.
    pub rules: std::collections::BTreeSet<String>,
    /// Every parameter name of some version.
    pub params: std::collections::BTreeSet<String>,
}

impl FamilyNames {
    /// Add the rule ids and parameter names of one resolved version.
    pub fn add(&mut self, version: &Value) {
        let rules = version.get("rules").and_then(Value::as_array).into_iter().flatten();
        self.rules.extend(rules.filter_map(|r| r.get("id").and_then(Value::as_str)).map(str::to_owned));
        self.params
            .extend(version.get("parameters").and_then(Value::as_object).into_iter().flatten().map(|(k, _)| k.clone()));
    }
}

/// Resolve a variant pack (`extends`) over its parent, at the JSON level: parameters and
/// rules (by id) are merge-patched over the parent's, `removeRules` drops rules, messages
/// are merged per locale and code. An override of a parameter or rule the parent does not
/// have is an error (a new rule must say its `kind`, a new parameter its `type`).
pub fn resolve_extends(child: &Value, parent: &Value) -> Result<Value, PackErrors> {
    resolve_in_family(child, parent, None)
}

/// A value of another JSON type than `en` (`zh` in Chinese) at `path`.
fn expected(path: impl Into<String>, zh: &str, en: &str) -> PackError {
    pe(path, PackErrorKind::Syntax, format!("应为{zh}"), format!("expected {en}"))
}

/// [`resolve_extends`] over one version of a parent family, whose versions together have
/// `family` (see [`FamilyNames`]); `None` when the child extends one version (`id@version`).
pub fn resolve_in_family(child: &Value, parent: &Value, family: Option<&FamilyNames>) -> Result<Value, PackErrors> {
    let mut errors = Vec::new();
    let Some(c) = child.as_object() else {
        return Err(PackErrors(vec![pe("", PackErrorKind::Syntax, "规则包应为 JSON 对象", "a pack is a JSON object")]));
    };
    let parent_name = parent.get("id").and_then(Value::as_str).unwrap_or("the parent").to_owned();
    // Who lacks a name: this version of the parent, or (a variant of a whole family) every one.
    let (lacks, lacks_zh) = if family.is_some() {
        (format!("no version of `{parent_name}` has"), format!("在 `{parent_name}` 的任何版本中都不存在"))
    } else {
        (format!("`{parent_name}` does not have"), format!("在 `{parent_name}` 中不存在"))
    };
    let mut out = parent.clone();
    let Some(o) = out.as_object_mut() else {
        return Err(PackErrors(vec![pe(
            "/extends",
            PackErrorKind::Syntax,
            "父规则包不是 JSON 对象",
            "the parent pack is not a JSON object",
        )]));
    };
    for (k, v) in c {
        match k.as_str() {
            "id" | "extends" | "version" | "effectiveFrom" | "title" | "source" => {
                o.insert(k.clone(), v.clone());
            }
            "parameters" | "rules" | "messages" | "labels" | "removeRules" => {}
            other => errors.push(pe(
                format!("/{other}"),
                PackErrorKind::Syntax,
                format!("未知的字段 `{other}`，应为以下之一：{}", PACK_KEYS.join("、")),
                format!("unknown field `{other}`, expected one of {}", PACK_KEYS.join(", ")),
            )),
        }
    }
    o.remove("removeRules");
    // The keys merged here are read by type below: a value of another type is an error at its
    // pointer, never skipped (it was: `"removeRules": "RTW-T3"` removed nothing, silently).
    let params = match c.get("parameters") {
        None => None,
        Some(Value::Object(p)) => Some(p),
        Some(_) => {
            errors.push(expected("/parameters", "对象", "an object"));
            None
        }
    };
    if let Some(params) = params {
        let target = o.entry("parameters").or_insert_with(|| Value::Object(serde_json::Map::new()));
        for (name, p) in params {
            match target.get_mut(name.as_str()) {
                // A parameter keeps the type its parent declared, and with it its bounds (packs
                // audit: `isolationDays` re-declared a `count` took 100,000,000 days, past the
                // 3,650 a `days` parameter allows, and switched RTW-T3 off).
                Some(existing) => match (existing.get("type"), p.get("type")) {
                    (Some(was), Some(now)) if was != now => errors.push(pe(
                        crate::pointer::Pointer::from_segments(["parameters", name.as_str(), "type"]).to_string(),
                        PackErrorKind::BadParameter,
                        format!("参数 `{name}` 在所继承的规则包中的类型为 {was}；变体只能修改它的值，不能修改类型"),
                        format!(
                            "parameter `{name}` is of type {was} in the pack it extends; a variant may change its value, not its type"
                        ),
                    )),
                    _ => match widened(existing, p) {
                        // Nor its bounds, except to narrow them (pack author audit, thirty-seventh
                        // session: `{"max": 2, "value": 1.5}` took a partial credit of 1.5 and
                        // scored 102).
                        Some(bound) => errors.push(pe(
                            crate::pointer::Pointer::from_segments(["parameters", name.as_str(), bound]).to_string(),
                            PackErrorKind::BadParameter,
                            format!("参数 `{name}` 的 `{bound}` 由所继承的规则包规定；变体只能收窄它，不能放宽或删除"),
                            format!(
                                "the `{bound}` of parameter `{name}` is set by the pack it extends; a variant may narrow it, not widen or remove it"
                            ),
                        )),
                        None => merge_patch(existing, p),
                    },
                },
                None if p.get("type").is_some() => {
                    if let Some(t) = target.as_object_mut() {
                        t.insert(name.clone(), p.clone());
                    }
                }
                None if family.is_some_and(|f| f.params.contains(name)) => {}
                None => errors.push(pe(
                    crate::pointer::Pointer::from_segments(["parameters", name.as_str()]).to_string(),
                    PackErrorKind::UnknownReference,
                    format!("覆盖的参数 `{name}` {lacks_zh}（新参数需要给出 `type`）"),
                    format!("overrides parameter `{name}`, which {lacks} (a new parameter needs a `type`)"),
                )),
            }
        }
    }
    let rules = o.entry("rules").or_insert_with(|| Value::Array(Vec::new()));
    let child_rules = match c.get("rules") {
        None => None,
        Some(Value::Array(r)) => Some(r),
        Some(_) => {
            errors.push(expected("/rules", "数组", "an array"));
            None
        }
    };
    if let (Some(child_rules), Some(list)) = (child_rules, rules.as_array_mut()) {
        let mut seen: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        // Each rule's place by id, kept as rules are added: a lookup along the list for each
        // rule the variant gives made 16,000 of them take a minute (packs audit, thirty-fourth
        // session). The first of an id, as `find` took it.
        let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (k, x) in list.iter().enumerate() {
            if let Some(id) = x.get("id").and_then(Value::as_str) {
                at.entry(id.to_owned()).or_insert(k);
            }
        }
        for (i, r) in child_rules.iter().enumerate() {
            if !r.is_object() {
                errors.push(expected(format!("/rules/{i}"), "对象", "an object"));
                continue;
            }
            let Some(id) = r.get("id").and_then(Value::as_str) else {
                errors.push(pe(
                    format!("/rules/{i}/id"),
                    PackErrorKind::Syntax,
                    "规则缺少 `id`",
                    "a rule needs an `id`",
                ));
                continue;
            };
            // Two entries for one rule: the second would be merged over the first, silently.
            if let Some(first) = seen.insert(id, i) {
                errors.push(pe(
                    format!("/rules/{i}/id"),
                    PackErrorKind::DuplicateId,
                    format!("规则 id `{id}` 已被 /rules/{first} 使用"),
                    format!("rule id `{id}` is already used by /rules/{first}"),
                ));
                continue;
            }
            match at.get(id).copied().and_then(|k| list.get_mut(k)) {
                // A rule keeps the kind its parent gave it: another kind under the same id would
                // replace the parent's rule silently (packs audit, thirty-first session: a
                // district's own `RTW-P4` took the mask check out of gate RTW-G3, lint said ok).
                Some(existing) => match (existing.get("kind"), r.get("kind")) {
                    (Some(was), Some(now)) if was != now => errors.push(pe(
                        format!("/rules/{i}/kind"),
                        PackErrorKind::BadRule,
                        format!(
                            "规则 `{id}` 在 `{parent_name}` 中的种类为 {was}；变体可以修改规则，不能修改其种类\
                             （自己的新规则须有自己的 id）"
                        ),
                        format!(
                            "rule `{id}` is of kind {was} in `{parent_name}`; a variant may change a rule, not its kind \
                             (a rule of your own needs an id of its own)"
                        ),
                    )),
                    _ => merge_patch(existing, r),
                },
                // A rule of another version of the family stays out of this one, even when the
                // variant gives it whole (with its `kind`): `2020-04-07` drops RTW-T3, and a copy
                // of RTW-T3 with other days brought it back there (packs audit, thirty-first session).
                None if family.is_some_and(|f| f.rules.contains(id)) => {}
                None if r.get("kind").is_some() => {
                    at.insert(id.to_owned(), list.len());
                    list.push(r.clone());
                }
                None => errors.push(pe(
                    format!("/rules/{i}/id"),
                    PackErrorKind::UnknownReference,
                    format!("覆盖的规则 `{id}` {lacks_zh}（新规则需要给出 `kind`）"),
                    format!("overrides rule `{id}`, which {lacks} (a new rule needs a `kind`)"),
                )),
            }
        }
    }
    // A gate's cause that is a rule of another version of the family only: left out of this
    // version's causes, as the rule itself is (packs audit, thirty-first session: a variant
    // naming RTW-T3 in a gate was refused for `2020-04-07`, which has no RTW-T3).
    if let (Some(f), Some(list)) = (family, rules.as_array_mut()) {
        let here: std::collections::BTreeSet<String> =
            list.iter().filter_map(|x| x.get("id").and_then(Value::as_str)).map(str::to_owned).collect();
        for x in list.iter_mut() {
            if let Some(causes) = x.get_mut("causes").and_then(Value::as_array_mut) {
                causes.retain(|c| c.as_str().is_none_or(|c| here.contains(c) || !f.rules.contains(c)));
            }
        }
    }
    let remove = match c.get("removeRules") {
        None => None,
        Some(Value::Array(r)) => Some(r),
        Some(_) => {
            errors.push(expected("/removeRules", "数组", "an array"));
            None
        }
    };
    if let (Some(remove), Some(list)) = (remove, rules.as_array_mut()) {
        let mut seen: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        // The ids here and those the variant gives, each looked up once; the rules and causes
        // removed in one pass at the end (a pass per id removed was quadratic: packs audit,
        // thirty-fourth session).
        let here: std::collections::HashSet<&str> =
            list.iter().filter_map(|x| x.get("id").and_then(Value::as_str)).collect();
        let mut given_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (k, r) in child_rules.into_iter().flatten().enumerate() {
            if let Some(id) = r.get("id").and_then(Value::as_str) {
                given_at.entry(id).or_insert(k);
            }
        }
        let mut gone: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (j, id) in remove.iter().enumerate() {
            let Some(name) = id.as_str() else {
                errors.push(expected(format!("/removeRules/{j}"), "文本", "a string"));
                continue;
            };
            if let Some(first) = seen.insert(name, j) {
                errors.push(pe(
                    format!("/removeRules/{j}"),
                    PackErrorKind::DuplicateId,
                    format!("规则 `{name}` 已由 /removeRules/{first} 移除"),
                    format!("rule `{name}` is already removed by /removeRules/{first}"),
                ));
                continue;
            }
            // Given and removed at once: which was meant? (packs audit: the removal won, silently)
            if let Some(&k) = given_at.get(name) {
                errors.push(pe(
                    format!("/removeRules/{j}"),
                    PackErrorKind::DuplicateId,
                    format!("规则 `{name}` 在此移除，又在 /rules/{k} 给出：请只保留一处"),
                    format!("rule `{name}` is removed here and given at /rules/{k}: keep one"),
                ));
                continue;
            }
            if !here.contains(name) && !family.is_some_and(|f| f.rules.contains(name)) {
                errors.push(pe(
                    format!("/removeRules/{j}"),
                    PackErrorKind::UnknownReference,
                    format!("移除的规则 {id} {lacks_zh}"),
                    format!("removes rule {id}, which {lacks}"),
                ));
            }
            gone.insert(name.to_owned());
        }
        let removed = |v: &Value| v.as_str().is_some_and(|c| gone.contains(c));
        list.retain(|x| !x.get("id").is_some_and(removed));
        for x in list.iter_mut() {
            if let Some(causes) = x.get_mut("causes").and_then(Value::as_array_mut) {
                causes.retain(|c| !removed(c));
            }
        }
    }
    for key in ["messages", "labels"] {
        if let Some(msgs) = c.get(key) {
            let tags = msgs.as_object().into_iter().flatten().map(|(t, _)| t.as_str());
            errors.extend(locale_given_twice(key, tags));
            let target = o.entry(key).or_insert_with(|| Value::Object(serde_json::Map::new()));
            if let std::borrow::Cow::Owned(c) = canonical_locales(target) {
                *target = c;
            }
            let msgs = canonical_locales(msgs);
            drop_parents_zh_tw(target, &msgs);
            merge_patch(target, &msgs);
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(PackErrors(errors)) }
}

/// Messages or labels by locale, each locale a pack may be written in under its own tag
/// (`zh-Hant`, `zh_TW`, `zh-HK` → `zh-TW`; `zh` → `zh-CN`; `EN`, `en-GB` → `en`); a tag that
/// is none is kept as written, to be refused. A variant's words under another spelling of its
/// parent's locale override them: before, they were merged as another locale and lost or won
/// by how the two tags sorted (client audit, thirty-fifth session: `zh-Hant`, `zh` and `EN`
/// were accepted and shown nowhere).
/// Borrowed when every tag is already its locale's (the embedded packs', most variants').
pub(crate) fn canonical_locales(by_tag: &Value) -> std::borrow::Cow<'_, Value> {
    let canonical = |t: &String| crate::locale::Locale::parse(t).is_none_or(|l| l.tag() == t);
    let Some(tags) = by_tag.as_object().filter(|m| !m.keys().all(canonical)) else {
        return std::borrow::Cow::Borrowed(by_tag);
    };
    let mut out = serde_json::Map::new();
    for (tag, entries) in tags {
        let key = crate::locale::Locale::parse(tag).map_or_else(|| tag.clone(), |l| l.tag().to_owned());
        // Entries as written (a `null` kept for the merge to read), the later tag's over the other's.
        match (out.get_mut(&key).and_then(Value::as_object_mut), entries.as_object()) {
            (Some(have), Some(more)) => have.extend(more.iter().map(|(k, v)| (k.clone(), v.clone()))),
            _ => drop(out.insert(key, entries.clone())),
        }
    }
    std::borrow::Cow::Owned(Value::Object(out))
}

/// Two tags of one pack's `messages` or `labels` (`root`) that name one locale (`en` and `en-GB`,
/// `zh-TW` and `zh-HK`): an error at the second, never merged, where the one that sorts last
/// would win unseen (pack author audit, thirty-ninth session).
pub(crate) fn locale_given_twice<'a>(root: &str, tags: impl IntoIterator<Item = &'a str>) -> Vec<PackError> {
    let mut seen: Vec<(crate::locale::Locale, &str)> = Vec::new();
    let mut errors = Vec::new();
    for tag in tags {
        let Some(locale) = crate::locale::Locale::parse(tag) else { continue };
        match seen.iter().find(|(l, _)| *l == locale) {
            Some(&(_, first)) => {
                // Told at the other spelling (`zh-HK`), not at the locale's own tag (`zh-TW`).
                let (at, other) = if tag == locale.tag() { (first, tag) } else { (tag, first) };
                errors.push(pe(
                    crate::pointer::Pointer::from_segments([root, at]).to_string(),
                    PackErrorKind::Syntax,
                    format!("`{at}` 与 `{other}` 是同一种语言（{}），其文字请只写在一处", locale.tag()),
                    format!(
                        "`{at}` and `{other}` name the same locale ({}): give its words under one of them",
                        locale.tag()
                    ),
                ));
            }
            None => seen.push((locale, tag)),
        }
    }
    errors
}

/// The bound (`min` or `max`) of a parent's parameter that a variant's override `p` widens or
/// removes, if any: a variant changes a parameter's value within its parent's bounds.
fn widened(existing: &Value, p: &Value) -> Option<&'static str> {
    ["min", "max"].into_iter().find(|bound| {
        let (Some(was), Some(now)) = (existing.get(*bound).and_then(Value::as_f64), p.get(*bound)) else {
            return false;
        };
        match now.as_f64() {
            Some(now) if *bound == "min" => now < was,
            Some(now) => now > was,
            None => true,
        }
    })
}

/// An entry a variant rewrites in zh-CN but not in zh-TW is dropped from its parent's zh-TW,
/// which then falls back to the variant's zh-CN words rather than keep the parent's (packs
/// audit: a variant saying "Bao'an only" in zh-CN and en kept the parent's zh-TW
/// 只受理深圳市各區). Other locales keep the parent's entry (English does not fall back to
/// Chinese: a renamed label keeps its English name).
///
/// By part: a variant that rewrites only a label's zh-CN `hint` keeps the parent's zh-TW label
/// and shows its own hint (packs audit, thirty-first session: the whole zh-TW entry went, so
/// zh-TW showed the parent's simplified label, and `lint-pack` said it had none); one that gives
/// a zh-TW entry with only some of the parts it rewrote in zh-CN shows its zh-CN words for the
/// others, never the parent's zh-TW.
fn drop_parents_zh_tw(parent: &mut Value, child: &Value) {
    let Some(rewritten) = child.get("zh-CN").and_then(Value::as_object) else { return };
    let given = child.get("zh-TW").and_then(Value::as_object);
    let Some(tw) = parent.get_mut("zh-TW").and_then(Value::as_object_mut) else { return };
    for (key, parts) in rewritten {
        // The parts the variant gives in zh-TW are its own; the others follow its zh-CN (pack
        // author audit, thirty-seventh session: a zh-TW entry giving the message but not the
        // help kept the parent's zh-TW help beside the variant's message).
        let given_parts = given.and_then(|g| g.get(key));
        if given_parts.is_some_and(|g| !g.is_object()) {
            continue;
        }
        let given_part = |part: &str| given_parts.and_then(Value::as_object).is_some_and(|g| g.contains_key(part));
        match (tw.get_mut(key).and_then(Value::as_object_mut), parts.as_object()) {
            (Some(entry), Some(parts)) => {
                for (part, words) in parts.iter().filter(|(part, _)| !given_part(part)) {
                    if words.is_null() {
                        entry.remove(part);
                    } else {
                        entry.insert(part.clone(), words.clone());
                    }
                }
            }
            _ if given_parts.is_none() => {
                tw.remove(key);
            }
            _ => {}
        }
    }
}

/// Where the rules a variant gives sit once it is resolved over its parent, so that a mistake
/// found in the resolved pack is told where it is in the variant as written: `/rules/0/severty`
/// of a variant with one rule, not `/rules/13/severty` of the merged pack (nor once at
/// `/rules/26/…` and again at `/rules/25/…`, one per version of the parent family it follows).
#[derive(Debug, Clone, Default)]
pub struct RuleOrigins {
    /// The family or version the variant extends, as it says.
    parent: String,
    /// The id of each rule of the resolved pack, by index.
    ids: Vec<String>,
    /// For each rule the variant gives, by its index in the resolved pack: its index in the
    /// variant, the keys it gives, and the keys the rule has once resolved.
    given: std::collections::BTreeMap<usize, (usize, Vec<String>, Vec<String>)>,
    /// The messages and labels the variant gives: `/messages/<locale>/<code>/<part>` and
    /// `/labels/<locale>/<key>/<part>` pointers.
    messages: std::collections::BTreeSet<String>,
    /// The parameters the variant gives, by name.
    params: std::collections::BTreeSet<String>,
}

impl RuleOrigins {
    /// The rules of `child` (a variant as written) in `resolved` (it over its parent).
    pub fn of(child: &Value, resolved: &Value) -> RuleOrigins {
        let id = |r: &Value| r.get("id").and_then(Value::as_str).map(str::to_owned);
        let rules = resolved.get("rules").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
        let ids: Vec<String> = rules.iter().map(|r| id(r).unwrap_or_default()).collect();
        // Each id's first place, looked up once per rule given (a search along the list for each
        // was quadratic: packs audit, thirty-fourth session).
        let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (m, x) in ids.iter().enumerate() {
            first.entry(x.as_str()).or_insert(m);
        }
        let mut given = std::collections::BTreeMap::new();
        for (i, r) in child.get("rules").and_then(Value::as_array).into_iter().flatten().enumerate() {
            if let (Some(rid), Some(keys)) = (id(r), r.as_object())
                && let Some(&m) = first.get(rid.as_str())
            {
                // A key the resolved rule lacks is not inherited: its mistake (a `weight` not
                // given) is the variant's, at that key of its rule (packs audit, thirty-fourth
                // session: a variant's own item without a weight was told "inherited").
                let has = rules.get(m).and_then(Value::as_object).into_iter().flatten().map(|(k, _)| k.clone());
                given.entry(m).or_insert((i, keys.keys().cloned().collect(), has.collect()));
            }
        }
        let parent = child.get("extends").and_then(Value::as_str).unwrap_or_default().to_owned();
        let mut messages = std::collections::BTreeSet::new();
        for root in ["messages", "labels"] {
            let by_tag = child.get(root).map(canonical_locales);
            for (locale, codes) in by_tag.iter().filter_map(|v| v.as_object()).flatten() {
                // The locale itself (an unknown one is refused at `/messages/fr`, its own place).
                messages.insert(crate::pointer::Pointer::from_segments([root, locale]).to_string());
                for (code, parts) in codes.as_object().into_iter().flatten() {
                    for part in parts.as_object().into_iter().flatten().map(|(k, _)| k) {
                        messages.insert(crate::pointer::Pointer::from_segments([root, locale, code, part]).to_string());
                    }
                }
            }
        }
        let params = child.get("parameters").and_then(Value::as_object).into_iter().flatten();
        let params = params.map(|(k, _)| k.clone()).collect();
        RuleOrigins { parent, ids, given, messages, params }
    }

    /// `e`, found in the resolved pack, told in the variant: a mistake in a key of a rule the
    /// variant gives at that rule's pointer in it; a mistake in what the variant inherits (a
    /// rule of its parent, or a key of it the variant does not give) at `/extends`, naming the
    /// rule and the pointer inside it.
    pub fn place(&self, e: PackError) -> PackError {
        let path = e.path.clone();
        let from = self.parent.split('@').next().unwrap_or_default();
        // Its Chinese, or (a mistake told in English only) its English, inside the Chinese.
        let zh = if e.zh.is_empty() { e.message.clone() } else { e.zh.clone() };
        // zh-TW words the variant gave in zh-CN only (`drop_parents_zh_tw`): told once, where
        // it wrote them.
        for root in ["/messages/", "/labels/"] {
            if let Some(rest) = path.strip_prefix(root).and_then(|r| r.strip_prefix("zh-TW/")) {
                let cn = format!("{root}zh-CN/{rest}");
                if !self.messages.contains(&path) && self.messages.contains(&cn) {
                    return PackError { path: cn, ..e };
                }
            }
        }
        // A message the variant does not give is its parent's (audit, twenty-eighth session: a
        // variant's rule that renamed a param was refused at its parent's message's pointer, a
        // place not in the district's file).
        // A message missing is never the parent's: the parent gave every message its rules need,
        // so the code is the variant's, and the place to add it is the variant's `/messages`
        // (packs audit, thirty-first session: a district's own code was told at `/extends`,
        // "inherited from `shenzhen-2020`").
        if let Some(inner) = path.strip_prefix("/messages/")
            && !self.parent.is_empty()
            && !self.messages.contains(&path)
            && e.kind != PackErrorKind::MissingMessage
        {
            let message = format!("message {inner} inherited from `{from}`: {}", e.message);
            let zh = format!("继承自 `{from}` 的消息 {inner}：{zh}");
            return PackError { path: "/extends".into(), message, zh, ..e };
        }
        // A parameter the variant does not give is its parent's: told at `/extends` (packs
        // audit, thirty-fourth session: a version extending a sibling version of the same file
        // was told its sibling's mistake at `/1/parameters/…`, where it has no parameters).
        if let Some(inner) = path.strip_prefix("/parameters/")
            && !self.parent.is_empty()
            && !self.params.contains(&crate::pointer::unescape(inner.split('/').next().unwrap_or_default()))
        {
            let message = format!("parameter /{inner} inherited from `{}`: {}", self.parent, e.message);
            let zh = format!("继承自 `{}` 的参数 /{inner}：{zh}", self.parent);
            return PackError { path: "/extends".into(), message, zh, ..e };
        }
        let Some(rest) = path.strip_prefix("/rules/") else { return e };
        let (index, inner) = rest.split_once('/').map_or((rest, ""), |(i, r)| (i, r));
        let Ok(m) = index.parse::<usize>() else { return e };
        let key = inner.split('/').next().map(crate::pointer::unescape).unwrap_or_default();
        let slash = if inner.is_empty() { "" } else { "/" };
        let given = self.given.get(&m);
        // A key the resolved rule lacks is not inherited: its mistake (a `weight` not given) is
        // the variant's, at that key (packs audit, thirty-fourth session: a variant's own item
        // without a weight was told "inherited", at the rule).
        if let Some((i, keys, has)) = given
            && (inner.is_empty() || key == "id" || keys.contains(&key) || !has.contains(&key))
        {
            return PackError { path: format!("/rules/{i}{slash}{inner}"), ..e };
        }
        if let Some((i, _, _)) = given {
            let message = format!("at /{inner}, inherited from `{from}`: {}", e.message);
            let zh = format!("继承自 `{from}` 的 /{inner}：{zh}");
            return PackError { path: format!("/rules/{i}"), message, zh, ..e };
        }
        let Some(rule) = self.ids.get(m) else { return e };
        let (at, at_zh) = if inner.is_empty() {
            (String::new(), String::new())
        } else {
            (format!(", at /{inner} in it"), format!(" 中的 /{inner}"))
        };
        PackError {
            path: "/extends".into(),
            message: format!("rule `{rule}` inherited from `{from}`{at}: {}", e.message),
            zh: format!("继承自 `{from}` 的规则 `{rule}`{at_zh}：{zh}"),
            ..e
        }
    }
}
