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
    /// What is wrong, in English (lower-case, one line).
    pub message: String,
    /// What is wrong, in Chinese (zh-CN, one line): the words a pack's author reads first.
    pub zh: String,
}

impl PackError {
    /// What is wrong in `locale`: zh-CN (and zh-TW, which reads the simplified words) or en.
    pub fn message_in(&self, locale: crate::locale::Locale) -> &str {
        match locale {
            crate::locale::Locale::En => &self.message,
            _ if self.zh.is_empty() => &self.message,
            _ => &self.zh,
        }
    }

    /// "`/path`：…" (zh) or "`/path`: …" (en): the mistake with its place, as one line.
    pub fn line_in(&self, locale: crate::locale::Locale) -> String {
        let text = self.message_in(locale);
        match (self.path.is_empty(), locale) {
            (true, _) => text.to_owned(),
            (false, crate::locale::Locale::En) => format!("`{}`: {text}", self.path),
            (false, _) => format!("`{}`：{text}", self.path),
        }
    }
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

impl PackErrors {
    /// The one-line summary in `locale`: "规则包有 1 个错误：…" or, in English, as `Display`.
    pub fn summary_in(&self, locale: crate::locale::Locale) -> String {
        if locale == crate::locale::Locale::En {
            return self.to_string();
        }
        match self.0.as_slice() {
            [] => "规则包没有错误".to_owned(),
            [one] => format!("规则包有 1 个错误：{}", one.line_in(locale)),
            [first, ..] => format!("规则包有 {} 个错误，第一个：{}", self.0.len(), first.line_in(locale)),
        }
    }
}

/// A mistake at `path`, in Chinese (`zh`, zh-CN) and English (`en`).
pub(super) fn pe(
    path: impl Into<String>,
    kind: PackErrorKind,
    zh: impl Into<String>,
    en: impl Into<String>,
) -> PackError {
    PackError { path: path.into(), kind, message: en.into(), zh: zh.into() }
}

/// A pack shape problem in words: `(zh, en)`, the Chinese first. A code not worded here is
/// named as it is.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub(super) fn shape_messages(code: &str, params: &serde_json::Value) -> (String, String) {
    use serde_json::Value;
    let p =
        |k: &str| params.get(k).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).unwrap_or_default();
    let allowed = || -> Vec<&str> {
        params.get("allowed").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect()
    };
    match code {
        "input.invalid_type" => {
            let t = p("expected");
            let zh = match t.as_str() {
                "object" => "应为对象".to_owned(),
                "array" => "应为数组".to_owned(),
                "text" | "string" => "应为文本".to_owned(),
                "number" => "应为数字".to_owned(),
                "boolean" => "应为是/否值".to_owned(),
                "date" => "应为日期".to_owned(),
                t => format!("应为 {t}"),
            };
            let article = if t.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            (zh, format!("expected {article} {t}"))
        }
        "input.unknown_field" => (format!("未知的字段 `{}`", p("field")), format!("unknown field `{}`", p("field"))),
        "input.missing_field" => (format!("缺少字段 `{}`", p("field")), format!("missing field `{}`", p("field"))),
        "input.invalid_value" => (
            format!("未知的值 `{}`，应为以下之一：{}", p("value"), allowed().join("、")),
            format!("unknown value `{}`, expected one of {}", p("value"), allowed().join(", ")),
        ),
        "input.too_many" => {
            (format!("项数过多：最多 {} 项", p("max")), format!("too many items: at most {}", p("max")))
        }
        "input.too_long" => {
            (format!("文本过长：最多 {} 个字符", p("max")), format!("text too long: at most {} characters", p("max")))
        }
        other => (format!("规则包结构有误（{other}）"), other.to_owned()),
    }
}

/// Why a pack's text is not JSON, in Chinese: "第 3 行第 8 列：应为 `,` 或 `}`" from the
/// reader's (serde_json's) "expected `,` or `}` at line 3 column 8"; a reason not listed here
/// keeps its English words after the place.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub(super) fn json_error_zh(e: &crate::num::JsonError) -> String {
    let text = e.to_string();
    let why = text.rsplit_once(" at line ").map_or(text.as_str(), |(why, _)| why);
    let zh = match why {
        "EOF while parsing a value" => "缺少值，文本就结束了",
        "EOF while parsing a list" => "数组没有以 `]` 结束，文本就结束了",
        "EOF while parsing an object" => "对象没有以 `}` 结束，文本就结束了",
        "EOF while parsing a string" => "字符串没有以 `\"` 结束，文本就结束了",
        "expected ident" => "应为 `true`、`false` 或 `null`",
        "expected value" => "应为一个值",
        "expected `:`" => "键之后应为 `:`",
        "expected `,` or `]`" => "应为 `,` 或 `]`",
        "expected `,` or `}`" => "应为 `,` 或 `}`",
        "key must be a string" => "键必须是带双引号的字符串",
        "trailing comma" => "最后一项之后多了逗号",
        "trailing characters" => "JSON 之后还有多余的字符",
        "invalid number" => "数字写法无效",
        "number out of range" => "数字超出范围",
        "invalid escape" => "转义写法无效",
        "lone leading surrogate in hex escape" => "`\\u` 转义中有落单的代理项",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "字符串中有控制字符（\\u0000-\\u001F），须写成转义"
        }
        "recursion limit exceeded" => "数组和对象嵌套过深",
        other => other,
    };
    format!("第 {} 行第 {} 列：{zh}", e.line(), e.column())
}

/// For the tests of each module that tells a pack's mistakes: whether text has Chinese, and
/// the mistakes of a refused pack, each checked to have its Chinese and its English.
#[cfg(test)]
pub(crate) mod told {
    use super::{PackError, PackErrors};

    /// Whether `s` holds a CJK ideograph.
    pub(crate) fn cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// The mistakes of `r`, each with a Chinese text and an English one without Chinese.
    #[allow(clippy::panic)]
    pub(crate) fn told<T>(r: Result<T, PackErrors>) -> Vec<PackError> {
        let Err(e) = r else { panic!("accepted") };
        assert!(!e.0.is_empty());
        for m in &e.0 {
            assert!(cjk(&m.zh), "no Chinese: {m:?}");
            assert!(!m.message.is_empty() && !cjk(&m.message), "English: {m:?}");
        }
        e.0
    }
}
