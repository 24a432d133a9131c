//! The [`Engine`]: a compiled pack family (one or more versions) and the entry points.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value};

use crate::answer::{Answer, Diagnostic, PackStamp, Severity};
use crate::pack::{Locale, Pack};
use crate::rules::{evaluate, merge_normalized};
use crate::schema::{Subject, Walked, shape_for, walk_input};
use crate::time::today_cst;

// Loading an engine: the embedded packs precompiled by build.rs, a compact form, or pack JSON
// compiled here (with `extends` resolved).
mod asking;
mod cap;
mod load;

pub(crate) use asking::{ask, ask_needs, drop_under_unknown_keys};
pub(crate) use cap::cap_per_code;
pub use cap::{MAX_DIAGNOSTICS_PER_ANSWER, MAX_DIAGNOSTICS_PER_CODE};
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub use load::MAX_FAMILY_RESOLVED_BYTES;
pub use load::{MAX_COMPILED_BYTES, PRECOMPILED};

/// The default pack, `shenzhen-2020` (first version), embedded in the library.
pub const DEFAULT_PACK: &str = include_str!("../packs/shenzhen-2020.json");

/// Every pack embedded in the library: the `shenzhen-2020` family (two versions) and its
/// district variants.
pub const EMBEDDED_PACKS: &[&str] = &[
    DEFAULT_PACK,
    include_str!("../packs/shenzhen-2020@2020-04-07.json"),
    include_str!("../packs/guangming-2020.json"),
    include_str!("../packs/hangzhou-2020.json"),
];

/// The embedded pack families (`withPackId` / `--pack-id`), the default first
/// (`tests/variants.rs` holds it to [`EMBEDDED_PACKS`]).
pub const EMBEDDED_PACK_IDS: &[&str] = &["shenzhen-2020", "guangming-2020", "hangzhou-2020"];

/// Most versions in one pack family (given, or resolved with a parent family's versions).
pub const MAX_PACK_VERSIONS: usize = 64;

/// Largest submission accepted as JSON text, in bytes.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// How to answer: the explicit `now`, the message locale, and optionally a pack version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The moment of checking; "today" is its calendar day in China Standard Time.
    pub now: DateTime<FixedOffset>,
    /// Language of messages.
    pub locale: Locale,
    /// Use this pack version instead of the one in force on the submission's date.
    pub pack_version: Option<String>,
    /// Progressive checking: JSON Pointer prefixes of what the person has reached. Missing
    /// values outside every prefix are held back (counted in `pending`); `None` reports all.
    pub scope: Option<Vec<String>>,
    /// Give back the normalised values of personal fields (names, phones, ID numbers) in
    /// `normalized[]` too. Off by default: an answer carries no personal data the caller did
    /// not ask for (a form showing a person their own input may turn it on).
    pub personal: bool,
    /// The work budget of one evaluation, in steps ([`crate::budget::WORK_BUDGET`] by default):
    /// over it, the answer is `engine.budget_exhausted` with the decision `incomplete`.
    pub budget: u64,
}

impl Options {
    /// Options at `now` in the default locale (zh-CN), with the pack version in force.
    pub fn at(now: DateTime<FixedOffset>) -> Self {
        Self {
            now,
            locale: Locale::ZhCn,
            pack_version: None,
            scope: None,
            personal: false,
            budget: crate::budget::WORK_BUDGET,
        }
    }

    /// The same options in another locale.
    pub fn locale(self, locale: Locale) -> Self {
        Self { locale, ..self }
    }

    /// The same options with a scope (JSON Pointer prefixes of the fields reached).
    pub fn scope<S: Into<String>>(self, prefixes: impl IntoIterator<Item = S>) -> Self {
        Self { scope: Some(prefixes.into_iter().map(Into::into).collect()), ..self }
    }

    /// Whether `path` lies inside the scope (on a segment boundary); everything does without one.
    /// A segment `*` of a prefix stands for any one segment, as in `describe`'s pointers
    /// (`/roster/*/phone`: every row's phone). A path that holds a pointer of the scope is in it
    /// too: a missing value that contains what the person reached (an unanswered item
    /// `/answers/INS-S1-1`, reported there, when its `/answers/INS-S1-1/result` was reached and
    /// left blank) is theirs to fill in (missing audit, twenty-eighth session: it was held back,
    /// and the inspector saw nothing).
    pub fn in_scope(&self, path: &str) -> bool {
        self.scope.as_ref().is_none_or(|prefixes| prefixes.iter().any(|p| crate::pointer::covers(p, path, true)))
    }

    /// Whether `path` itself was reached: it lies inside the scope, on a segment boundary (not
    /// only above a pointer of it, as [`Self::in_scope`] also counts).
    pub fn reached(&self, path: &str) -> bool {
        self.scope.as_ref().is_none_or(|prefixes| prefixes.iter().any(|p| crate::pointer::covers(p, path, false)))
    }
    /// The same options, giving back the normalised values of personal fields too.
    pub fn personal(self, personal: bool) -> Self {
        Self { personal, ..self }
    }

    /// The same options with another work budget (steps; see [`crate::budget`]).
    pub fn budget(self, budget: u64) -> Self {
        Self { budget, ..self }
    }

    /// The same options with a fixed pack version.
    pub fn pack_version(self, version: impl Into<String>) -> Self {
        Self { pack_version: Some(version.into()), ..self }
    }
}

/// A compiled pack family, ready to judge many submissions. Versions are kept in order of
/// `effectiveFrom`; each submission is judged by the version in force on its own date
/// (`filedOn`, `inspectedOn`, `date`, `declaredOn`; today when it has none).
#[derive(Debug, Clone)]
pub struct Engine {
    /// The earliest version.
    first: Pack,
    /// Later versions, in order of `effectiveFrom`.
    later: Vec<Pack>,
}

impl Engine {
    /// Every version, in order of `effectiveFrom`.
    pub fn packs(&self) -> impl DoubleEndedIterator<Item = &Pack> {
        std::iter::once(&self.first).chain(self.later.iter())
    }

    /// The latest version.
    pub fn pack(&self) -> &Pack {
        self.later.last().unwrap_or(&self.first)
    }

    /// Which pack answers by default: id, version and hash of the latest version.
    pub fn pack_info(&self) -> PackStamp {
        PackStamp::clone(&self.pack().stamp)
    }

    /// The version in force on `on` (the earliest version before any is in force), or
    /// the version asked for.
    pub fn pack_for(&self, on: NaiveDate, version: Option<&str>) -> Result<&Pack, String> {
        if let Some(v) = version {
            return self.packs().find(|p| p.stamp.version == v).ok_or_else(|| {
                let have: Vec<&str> = self.packs().map(|p| p.stamp.version.as_str()).collect();
                let v = crate::pointer::shown(v);
                format!("no version `{v}` of `{}`; versions: {}", self.pack().stamp.id, have.join(", "))
            });
        }
        Ok(self.packs().rev().find(|p| p.effective_from <= on).unwrap_or(&self.first))
    }

    /// The version in force on `on` (a date `YYYY-MM-DD`; the latest version without one):
    /// its id, version and hash — the hash an answer for a submission of that date carries.
    pub fn pack_info_on(&self, on: Option<NaiveDate>) -> PackStamp {
        match on {
            Some(d) => self.pack_for(d, None).map_or_else(|_| self.pack_info(), |p| PackStamp::clone(&p.stamp)),
            None => self.pack_info(),
        }
    }

    /// The stamp of the version `version` names (else the one in force on `on`, else the latest),
    /// or why there is none.
    pub fn pack_info_of(&self, version: Option<&str>, on: Option<NaiveDate>) -> Result<PackStamp, String> {
        self.pack_to_describe(version, on).map(|p| PackStamp::clone(&p.stamp))
    }

    /// The version a description is of: `version` if given, else the one in force on `on`,
    /// else the latest.
    fn pack_to_describe(&self, version: Option<&str>, on: Option<NaiveDate>) -> Result<&Pack, String> {
        match (version, on) {
            (Some(_), _) | (None, Some(_)) => self.pack_for(on.unwrap_or(NaiveDate::MAX), version),
            (None, None) => Ok(self.pack()),
        }
    }

    /// The form of a kind of submission as the pack describes it (fields, rules, gates,
    /// checklist …), in `locale` — see [`crate::describe`].
    pub fn describe(
        &self,
        subject: Subject,
        locale: Locale,
        version: Option<&str>,
        on: Option<NaiveDate>,
    ) -> Result<Value, String> {
        Ok(crate::describe::describe(self.pack_to_describe(version, on)?, subject, locale))
    }

    /// A JSON Schema (2020-12) of a kind's input, titled from the pack's labels in `locale`.
    pub fn input_schema(
        &self,
        subject: Subject,
        locale: Locale,
        version: Option<&str>,
        on: Option<NaiveDate>,
    ) -> Result<Value, String> {
        let pack = self.pack_to_describe(version, on)?;
        let label = |key: &str| pack.labels.lookup(locale, key).map(|(l, h)| (l.to_owned(), h.map(str::to_owned)));
        let (mut counts, mut checklist, mut items) = (Vec::new(), Vec::new(), Vec::new());
        for r in &pack.rules {
            match &r.body {
                crate::pack::RuleBody::Indicator { numerator, denominator, .. } => {
                    counts.extend([numerator.as_str(), denominator.as_str()]);
                }
                crate::pack::RuleBody::ChecklistItem => checklist.push(r.id.as_str()),
                crate::pack::RuleBody::Item { .. } => items.push(r.id.as_str()),
                _ => {}
            }
        }
        let keys = crate::json_schema::PackKeys { counts: &counts, checklist: &checklist, items: &items };
        Ok(crate::json_schema::input_schema_of(subject, &label, Some(keys)))
    }

    /// The common start of every entry point: walk the input against its shape, choose the
    /// pack version in force on `date_field` (today when absent), and evaluate the pack's
    /// field, assert, isolation and gate rules on `subject`. With `require_date`, a missing or
    /// invalid `date_field` is reported here (inspections and indicator reports; filings and
    /// declarations have pack rules for it). An unknown pack version is an unusable answer.
    pub(crate) fn prepare<A: Answer>(
        &self,
        input: std::borrow::Cow<'_, Value>,
        subject: Subject,
        date_field: &str,
        require_date: bool,
        opts: &Options,
    ) -> Result<Prepared<'_>, A> {
        self.prepare_walked(walk_input(input, shape_for(subject)), subject, date_field, require_date, opts)
    }

    /// [`Self::prepare`] of an input already walked.
    pub(crate) fn prepare_walked<A: Answer>(
        &self,
        walked: Walked,
        subject: Subject,
        date_field: &str,
        require_date: bool,
        opts: &Options,
    ) -> Result<Prepared<'_>, A> {
        self.prepare_any(walked, subject, date_field, require_date, opts).map_err(|u| {
            let mut a = self.unusable::<A>(u.code, u.params, opts);
            if u.incomplete {
                a.set_decision(crate::answer::Decision::Incomplete);
            }
            a
        })
    }

    /// [`Self::prepare_walked`] for every kind of answer: compiled once, not once per answer
    /// type (it was inlined into each `*_json` entry point of the .wasm; BENCHMARKS.md, "The
    /// runtime, smaller"). The error is what the unusable answer says.
    #[inline(never)]
    fn prepare_any(
        &self,
        walked: Walked,
        subject: Subject,
        date_field: &str,
        require_date: bool,
        opts: &Options,
    ) -> Result<Prepared<'_>, Unusable> {
        let today = today_cst(&opts.now);
        let date = walked.doc.get(date_field).and_then(Value::as_str).and_then(crate::time::parse_iso_date);
        let pack = self.pack_for(date.unwrap_or(today), opts.pack_version.as_deref()).map_err(|e| Unusable {
            code: "input.unknown_pack_version",
            params: self.no_such_version(opts, e),
            incomplete: false,
        })?;
        if let Some(work) = crate::budget::over(pack, subject, &walked.doc, opts.budget) {
            return Err(Unusable {
                code: "engine.budget_exhausted",
                params: crate::answer::params([("steps", Value::from(work)), ("budget", Value::from(opts.budget))]),
                incomplete: true,
            });
        }
        let mut shape_errors = BTreeSet::new();
        for d in &walked.diagnostics {
            shape_errors.insert(d.path.clone());
        }
        let outcome = evaluate(pack, subject, (&walked.doc).into(), today, &shape_errors);
        let mut diagnostics = walked.diagnostics;
        diagnostics.extend(outcome.diagnostics);
        let at = format!("/{date_field}");
        // Asked once: not again when a pack's rule already asked for the date (§7).
        let asked = diagnostics.iter().any(|d| d.missing && d.path == at);
        if require_date && date.is_none() && !crate::pointer::at_or_under(&shape_errors, &at) && !asked {
            if let Some(given) = walked.doc.get(date_field) {
                // A date that does not exist (`2020-02-30`) is `date.impossible`, as everywhere
                // else; only text that is no date at all is `date.format` (third audit).
                let code =
                    given.as_str().and_then(|t| crate::ids::parse_date(t).err()).map_or("date.format", |e| e.code());
                diagnostics.push(Diagnostic::engine(code, Severity::Error, at, Value::Object(Map::new())));
            } else {
                diagnostics.push(Diagnostic::required(at, date_field, crate::answer::INPUT_RULE, Severity::Error));
            }
        }
        Ok(Prepared {
            pack,
            doc: walked.doc,
            today,
            date,
            shape_errors,
            diagnostics,
            normalized: {
                // Kept by `retain`, not a `filter` adapter: one iterator's `next` less in the .wasm.
                let mut all = walked.normalized;
                all.extend(outcome.normalized);
                all.retain(|n| opts.personal || !crate::schema::is_personal(shape_for(subject), &n.path));
                merge_normalized(all)
            },
            gates: outcome.gates,
            earliest_start: outcome.earliest_start,
        })
    }

    /// Judge JSON text with `judge` (given the parsed value to take apart), or answer that it is unusable.
    pub(crate) fn judge_json<A: Answer>(&self, text: &str, opts: &Options, judge: impl FnOnce(Value) -> A) -> A {
        match parse_input(text) {
            Ok(v) => judge(v),
            Err((code, params)) => self.unusable(code, params, opts),
        }
    }

    /// The answer for unusable input: one diagnostic, decision `deferred`, by the version a
    /// submission with no date of its own would get: `packVersion`, else the one in force today
    /// (fourth audit: it was the latest, so text that could not be read carried another hash
    /// than readable input of the same day and `packInfo({ on: today })`).
    pub fn unusable<A: Answer>(&self, code: &str, params: Value, opts: &Options) -> A {
        A::unusable(
            std::sync::Arc::clone(&self.unusable_pack(opts).stamp),
            crate::time::fmt_date(today_cst(&opts.now)),
            opts.locale,
            self.unusable_diagnostics(code, params, opts),
        )
    }

    /// The params of `input.unknown_pack_version`: the version asked for, the pack and the
    /// versions it has, for a message in the locale (twentieth session: the Chinese message held
    /// the engine's English `reason`, which is kept for callers that read it).
    pub(crate) fn no_such_version(&self, opts: &Options, reason: String) -> Value {
        let versions: Vec<&str> = self.packs().map(|p| p.stamp.version.as_str()).collect();
        crate::answer::params([
            ("reason", Value::from(reason)),
            ("pack", Value::from(self.pack().stamp.id.as_str())),
            ("version", Value::from(opts.pack_version.as_deref().unwrap_or_default())),
            ("versions", Value::from(versions)),
        ])
    }

    /// An unusable-input diagnostic, rendered by [`Self::unusable`]'s version.
    pub(crate) fn unusable_diagnostics(&self, code: &str, params: Value, opts: &Options) -> Vec<Diagnostic> {
        let mut diagnostics = vec![Diagnostic::engine(code, Severity::Error, String::new(), params)];
        render(self.unusable_pack(opts), &mut diagnostics, opts);
        diagnostics
    }

    fn unusable_pack(&self, opts: &Options) -> &Pack {
        self.pack_for(today_cst(&opts.now), opts.pack_version.as_deref()).unwrap_or_else(|_| self.pack())
    }
}

/// Why a submission cannot be judged: the one diagnostic of its unusable answer, and whether
/// that answer is `incomplete` (the work budget) rather than `deferred`.
struct Unusable {
    code: &'static str,
    params: Value,
    incomplete: bool,
}

/// A walked submission with the pack that judges it and what its generic rules found.
pub(crate) struct Prepared<'e> {
    pub pack: &'e Pack,
    /// The canonical document.
    pub doc: Value,
    pub today: NaiveDate,
    /// The submission's own date (`filedOn`, `inspectedOn`, `date`, `declaredOn`), when valid.
    pub date: Option<NaiveDate>,
    pub shape_errors: BTreeSet<String>,
    /// Shape diagnostics, then those of the field, assert, isolation and gate rules.
    pub diagnostics: Vec<Diagnostic>,
    pub normalized: Vec<crate::answer::Normalized>,
    pub gates: Vec<crate::answer::GateResult>,
    pub earliest_start: Vec<crate::answer::EarliestStart>,
}

/// Parse submission text, or say why it is unusable. Text is read as `JSON.parse` reads it
/// and a JS string crosses into Rust: a lone surrogate escape (`"\ud83d"`) is U+FFFD.
pub(crate) fn parse_input(text: &str) -> Result<Value, (&'static str, Value)> {
    // Byte-order marks at the start (a file read as UTF-8 text keeps one) are skipped, as the
    // command line skips them: the same file, the same answer (fourth audit); the first is not
    // counted in the limit, as the command line counts none of a file's (differential fuzz,
    // nineteenth session: a BOM and 4 MiB were answered by the CLI and refused by npm).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_INPUT_BYTES {
        return Err(("input.too_large", crate::answer::params([("maxBytes", Value::from(MAX_INPUT_BYTES))])));
    }
    let text = text.trim_start_matches('\u{feff}');
    crate::num::read_submission(&crate::num::lone_surrogates_replaced(text)).map_err(|e| {
        (
            if e.is_duplicate_key() { "input.duplicate_key" } else { "input.not_json" },
            crate::answer::params([("line", Value::from(e.line())), ("column", Value::from(e.column()))]),
        )
    })
}

/// Hold back the missing values outside `scope`, and fill in messages and help in the
/// requested locale. Returns how many were held back (`pending`). Call it after deciding:
/// the decision does not depend on the scope.
pub(crate) fn render(pack: &Pack, diagnostics: &mut Vec<Diagnostic>, opts: &Options) -> usize {
    let before = diagnostics.len();
    crate::pointer::retain_in_scope(opts.scope.as_deref(), diagnostics, |d| !d.missing, |d| &d.path);
    let pending = before - diagnostics.len();
    cap_per_code(diagnostics);
    // A value the submission does not hold (a param `null`, an `itemId` not given) is told as
    // not given, never as `null` or `{item}` (audit: a rectification without `itemId`). Looked
    // up when a diagnostic needs it (a keystroke's change list renders one diagnostic, or none).
    let not_given = || pack.labels.lookup(opts.locale, "value:not_given").map_or("—", |(l, _)| l);
    for d in diagnostics.iter_mut() {
        crate::num::whole_numbers(&mut d.params);
        // A missing value's field is named by its label, in the locale (not kept in `params`).
        let label = d.params.get("field").and_then(Value::as_str).filter(|_| d.missing).map(|field| {
            let entry = pack.labels.lookup(opts.locale, "value:entry").map(|(f, _)| f);
            let label =
                crate::pack::entry_label(entry, crate::describe::field_label(pack, opts.locale, field), &d.path);
            crate::pack::unit_label(pack.labels.lookup(opts.locale, "value:of_unit"), label, &d.params)
        });
        // A type a value should have, in the locale's words (value:type.number → 数字; fourth
        // audit: zh-CN read 应为boolean), and its hint, how to write a value of that type, as
        // the help (filings audit, thirty-fifth session: a yes/no was told to give digits).
        let expected_type = d
            .params
            .get("expected")
            .and_then(Value::as_str)
            .and_then(|t| pack.labels.lookup(opts.locale, &format!("value:type.{t}")));
        let expected = expected_type.map(|(l, _)| ("expected", l));
        // A checklist item a rectification names, by its title in the locale (portal audit: the
        // overdue message named `INS-S4-1`, not 口罩储备不少于3天用量).
        // A 十个一律 item failed or partial, by its title too (portal audit, twenty-sixth session:
        // the dashboard's list read “十个一律”此项未落实, naming no item).
        let item = match d.params.get("itemId") {
            Some(id) => Some(match id.as_str() {
                // Named by its title also where written in another case or width (`ins-s4-1`).
                Some(id) => {
                    let known = crate::describe::item_id(pack.rules.iter().map(|r| r.id.as_str()), id);
                    crate::describe::rule_title(pack, opts.locale, known.unwrap_or(id))
                }
                None => not_given().to_owned(),
            }),
            None if matches!(d.code.as_str(), "checklist.failed" | "checklist.partial") => {
                Some(crate::describe::rule_title(pack, opts.locale, &d.rule_id))
            }
            None => None,
        };
        let choices = crate::describe::choices(pack, opts.locale, &d.path, &d.params);
        // A unit with neither name nor id, by its place in the report: 填报单位（第2条）, not
        // 未填写 as the subject of its sentence (indicators audit, thirty-fifth session).
        let unit = d.params.get("unit").filter(|u| u.is_null()).and_then(|_| {
            let entry = d.path.strip_prefix("/units/")?.split('/').next()?;
            let form = pack.labels.lookup(opts.locale, "value:entry").map(|(f, _)| f);
            let units = crate::describe::field_label(pack, opts.locale, "units");
            Some(crate::pack::entry_label(form, units, &format!("/units/{entry}")))
        });
        let extra = label
            .as_deref()
            .map(|l| ("label", l))
            .or(expected)
            .or(item.as_deref().map(|t| ("item", t)))
            .or(choices.as_deref().map(|c| ("allowed", c)));
        // The unit's place fills `{unit}` beside any other placeholder (the item's title of a
        // 十个一律 item failed): in the text only, `params.unit` stays `null` (messages audit,
        // thirty-eighth session: 未填写：“十个一律”此项未落实 beside 填报单位（第1条）：数据有误).
        let placed;
        let params = match unit {
            Some(u) => {
                let mut p = d.params.clone();
                if let Value::Object(m) = &mut p {
                    m.insert("unit".into(), Value::from(u));
                }
                placed = p;
                &placed
            }
            None => &d.params,
        };
        let nothing = |v: &Value| match v {
            Value::Object(m) => m.values().any(Value::is_null),
            _ => false,
        };
        let not_given = if nothing(params) { not_given() } else { "—" };
        let (message, mut help) = pack.messages.render(opts.locale, &d.code, params, extra, not_given);
        if let Some(hint) = expected_type.and_then(|(_, hint)| hint) {
            help = Some(hint.to_owned());
        }
        // A value not given, told what to fill in: the field's hint (口罩数量: 现有库存，填写只数).
        if help.is_none() && d.missing {
            let field = d.params.get("field").and_then(Value::as_str);
            help = field.and_then(|f| crate::describe::required_help(pack, opts.locale, &d.rule_id, f));
        }
        // A look-alike of a known key: the help names the known one, and says what differs
        // (third audit: every look-alike was told to use half-width characters): full-width
        // characters (`ＩＮＳ-S4-1`), only the case of letters (`IND-r1`), or else spaces and
        // invisible characters (`mas\u{200b}ks`, `masks `).
        if let Some(known) = d.params.get("suggestion").and_then(Value::as_str) {
            // What looks like the known name: the key at the path, the unit a parent names, or
            // the item a rectification names.
            let key = match d.params.get("parent").or_else(|| d.params.get("itemId")).and_then(Value::as_str) {
                Some(parent) => parent.to_owned(),
                None => crate::pointer::unescape(d.path.rsplit('/').next().unwrap_or_default()),
            };
            let code = if key.chars().any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c) || c == '\u{3000}') {
                "input.lookalike"
            } else if key.eq_ignore_ascii_case(known) {
                "input.lookalike_case"
            } else {
                "input.lookalike_space"
            };
            help = Some(pack.messages.render(opts.locale, code, &d.params, None, not_given).0);
        }
        d.message = message;
        d.help = help;
    }
    pending
}
