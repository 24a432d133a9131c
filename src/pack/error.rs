//! What is wrong with a pack: [`PackError`]s, each at a JSON Pointer inside the pack.

/// What is wrong with a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackErrorKind {
    /// Not JSON, or not of the pack's shape.
    Syntax,
    /// A field, parameter, rule or function that does not exist.
    UnknownReference,
    /// A value or expression of the wrong type.
    TypeMismatch,
    /// Two rules with the same id.
    DuplicateId,
    /// A parameter value outside what its type allows.
    BadParameter,
    /// A code without a message in a required locale.
    MissingMessage,
    /// Something the rule kind needs is missing, or something it cannot use is given.
    BadRule,
    /// A rule whose cost is not bounded linearly by the submission (a loop over a whole
    /// collection inside a loop), a family over its limits, or a message template too long.
    Unbounded,
}

impl PackErrorKind {
    /// Stable code, e.g. for a JS `Error.code`.
    pub fn code(self) -> &'static str {
        match self {
            PackErrorKind::Syntax => "pack.syntax",
            PackErrorKind::UnknownReference => "pack.unknown_reference",
            PackErrorKind::TypeMismatch => "pack.type_mismatch",
            PackErrorKind::DuplicateId => "pack.duplicate_id",
            PackErrorKind::BadParameter => "pack.bad_parameter",
            PackErrorKind::MissingMessage => "pack.missing_message",
            PackErrorKind::BadRule => "pack.bad_rule",
            PackErrorKind::Unbounded => "pack.unbounded",
        }
    }
}

/// One mistake in a pack, at a JSON Pointer inside the pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", if path.is_empty() { message.clone() } else { format!("`{path}`: {message}") })]
pub struct PackError {
    /// JSON Pointer into the pack document.
    pub path: String,
    /// What kind of mistake.
    pub kind: PackErrorKind,
    /// What is wrong (lower-case, one line).
    pub message: String,
}

/// All mistakes found in a pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct PackErrors(pub Vec<PackError>);

/// "rule pack has 1 error: …", or "rule pack has 3 errors; first: …" (a count without "(s)",
/// as the English messages are written).
impl std::fmt::Display for PackErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.as_slice() {
            [] => f.write_str("rule pack has no error"),
            [one] => write!(f, "rule pack has 1 error: {one}"),
            [first, ..] => write!(f, "rule pack has {} errors; first: {first}", self.0.len()),
        }
    }
}

pub(super) fn perr(path: impl Into<String>, kind: PackErrorKind, message: impl Into<String>) -> PackError {
    PackError { path: path.into(), kind, message: message.into() }
}

/// A pack shape problem in words.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub(super) fn shape_message(code: &str, params: &serde_json::Value) -> String {
    use serde_json::Value;
    let p =
        |k: &str| params.get(k).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).unwrap_or_default();
    match code {
        "input.invalid_type" => {
            let t = p("expected");
            let article = if t.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            format!("expected {article} {t}")
        }
        "input.unknown_field" => format!("unknown field `{}`", p("field")),
        "input.missing_field" => format!("missing field `{}`", p("field")),
        "input.invalid_value" => {
            let allowed: Vec<&str> = params
                .get("allowed")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            format!("unknown value `{}`, expected one of {}", p("value"), allowed.join(", "))
        }
        other => other.to_owned(),
    }
}
