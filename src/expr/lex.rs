//! The lexer of pack expressions: the source as tokens, each with its 1-based column.

use super::ExprError;
use super::ExprErrorKind::Syntax;
use super::parse::err2;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Num(f64),
    Str(String),
    Ident(String),
    Param(String),
    Op(&'static str),
}

pub(super) fn lex(src: &str) -> Result<Vec<(Tok, usize)>, ExprError> {
    const OPS: [&str; 19] =
        ["||", "&&", "==", "!=", "<=", ">=", "??", "<", ">", "+", "-", "*", "/", "!", "(", ")", ",", "[", "]"];
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
                i += 1;
            }
            let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let n = text
                .parse::<f64>()
                .map_err(|_| err2(col, Syntax, format!("数字 `{text}` 无效"), format!("bad number `{text}`")))?;
            out.push((Tok::Num(n), col));
        } else if c == '"' {
            i += 1;
            let mut s = String::new();
            loop {
                match chars.get(i) {
                    None => return Err(unterminated(col)),
                    Some('"') => break,
                    Some('\\') => {
                        i += 1;
                        match chars.get(i) {
                            Some(e) => s.push(*e),
                            None => return Err(unterminated(col)),
                        }
                    }
                    Some(ch) => s.push(*ch),
                }
                i += 1;
            }
            i += 1;
            out.push((Tok::Str(s), col));
        } else if c.is_ascii_alphabetic() || c == '_' || c == '$' {
            let start = i;
            i += 1;
            while chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.') {
                i += 1;
            }
            let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
            if let Some(name) = text.strip_prefix('$') {
                if name.is_empty() || name.contains('.') {
                    return Err(err2(
                        col,
                        Syntax,
                        format!("参数名 `{text}` 无效"),
                        format!("bad parameter name `{text}`"),
                    ));
                }
                out.push((Tok::Param(name.to_owned()), col));
            } else {
                if text.ends_with('.') || text.contains("..") {
                    return Err(err2(col, Syntax, format!("字段名 `{text}` 无效"), format!("bad field name `{text}`")));
                }
                out.push((Tok::Ident(text), col));
            }
        } else {
            let rest: String = chars.get(i..(i + 2).min(chars.len())).unwrap_or_default().iter().collect();
            match OPS.iter().find(|op| rest.starts_with(**op)) {
                Some(op) => {
                    i += op.chars().count();
                    out.push((Tok::Op(op), col));
                }
                None => {
                    return Err(err2(
                        col,
                        Syntax,
                        format!("此处不应出现字符 `{c}`"),
                        format!("unexpected character `{c}`"),
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// A token in words: (zh, en); an operator's zh starts with a space, to follow a Chinese word.
pub(super) fn describe(t: &Tok) -> (String, String) {
    let (zh, en, x) = match t {
        Tok::Num(n) => ("数字", "number", crate::num::text(*n)),
        Tok::Str(s) => ("文本", "text", format!("\"{s}\"")),
        Tok::Ident(s) => ("名称", "name", s.clone()),
        Tok::Param(s) => ("参数", "parameter", format!("${s}")),
        Tok::Op(o) => return (format!(" `{o}`"), format!("`{o}`")),
    };
    (format!("{zh} `{x}`"), format!("{en} `{x}`"))
}

fn unterminated(col: usize) -> ExprError {
    err2(col, Syntax, "文本缺少结尾的引号", "unterminated text")
}
