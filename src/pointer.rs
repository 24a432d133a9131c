//! JSON Pointers (RFC 6901) into submissions and packs.

use std::fmt;
use std::fmt::Write as _;

mod scope;
pub(crate) use scope::retain_in_scope;

/// Whether the scope prefix `prefix` covers `path`: `path` is inside it, or (`above`) holds it
/// (see [`crate::Options::in_scope`]).
pub(crate) fn covers(prefix: &str, path: &str, above: bool) -> bool {
    let prefix = prefix.strip_suffix('/').unwrap_or(prefix);
    if !prefix.contains('*') {
        let below = |a: &str, b: &str| a.strip_prefix(b).is_some_and(|rest| rest.starts_with('/'));
        return path == prefix || below(path, prefix) || (above && below(prefix, path));
    }
    // Segment by segment, as far as the shorter of the two goes.
    let (mut wanted, mut segments) = (prefix.split('/'), path.split('/'));
    loop {
        match (wanted.next(), segments.next()) {
            (Some(p), Some(s)) if p == "*" || p == s => {}
            (None, _) => return true,
            (Some(_), None) => return above,
            (Some(_), Some(_)) => return false,
        }
    }
}

/// Whether `path` or a pointer above it, up to the document's own (`""`), is in `set`: a value
/// under a parent of the wrong type is not missing, the parent's type is the problem (used for
/// every `field.required`: a submission `42` is of the wrong type, not thirty values missing).
pub fn at_or_under(set: &std::collections::BTreeSet<String>, path: &str) -> bool {
    let mut at = path;
    loop {
        if set.contains(at) {
            return true;
        }
        match at.rfind('/') {
            Some(i) => at = at.get(..i).unwrap_or_default(),
            None => return false,
        }
    }
}

/// One reference token of a pointer, unescaped as RFC 6901 §4 says: `~1` to `/`, then `~0` to `~`.
pub fn unescape(token: &str) -> String {
    if !token.contains('~') {
        return token.to_owned();
    }
    // One pass, as `token.replace("~1", "/").replace("~0", "~")` reads it (neither pattern
    // can make or break the other's): without `str::replace`'s substring searcher, whose
    // empty-needle path brings core's slice-panic message and Unicode tables into the .wasm.
    let mut out = String::with_capacity(token.len());
    let mut rest = token;
    while let Some((before, after)) = rest.split_once('~') {
        out.push_str(before);
        rest = match after.as_bytes().first() {
            Some(b'1') => {
                out.push('/');
                after.get(1..).unwrap_or_default()
            }
            Some(b'0') => {
                out.push('~');
                after.get(1..).unwrap_or_default()
            }
            _ => {
                out.push('~');
                after
            }
        };
    }
    out.push_str(rest);
    out
}

/// Text a caller gave (a pointer, a pack id, an option) as an error message shows it: its first
/// 100 characters, then `…` when there were more (third npm audit: a 10-million-character
/// option was echoed whole). The JS layer cuts what it echoes the same way (src/wasm/api.js).
pub fn shown(text: &str) -> String {
    cut(text, 100)
}

/// `text`'s first `chars` characters, then `…` when there were more.
pub fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((end, _)) => {
            let mut out = text.get(..end).unwrap_or_default().to_owned();
            out.push('…');
            out
        }
        None => text.to_owned(),
    }
}

/// A JSON Pointer being built while walking a document: one buffer, cut back on `pop`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer {
    buf: String,
    marks: Vec<usize>,
}

/// `/` and a member's name, escaped, appended to a pointer's text.
pub(crate) fn push_key(buf: &mut String, key: &str) {
    buf.push('/');
    // A byte scan: both are ASCII, so no UTF-8 byte of another character matches.
    if !key.bytes().any(|b| b == b'~' || b == b'/') {
        buf.push_str(key);
        return;
    }
    for c in key.chars() {
        match c {
            '~' => buf.push_str("~0"),
            '/' => buf.push_str("~1"),
            c => buf.push(c),
        }
    }
}

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Self {
        Self::default()
    }

    /// Go into an object member.
    pub fn push(&mut self, key: &str) {
        self.marks.push(self.buf.len());
        push_key(&mut self.buf, key);
    }

    /// Go into an array element.
    pub fn push_index(&mut self, i: usize) {
        self.marks.push(self.buf.len());
        self.buf.push('/');
        // Written in place: no temporary string.
        let _ = write!(self.buf, "{i}");
    }

    /// Come back out one level.
    pub fn pop(&mut self) {
        if let Some(m) = self.marks.pop() {
            self.buf.truncate(m);
        }
    }

    /// A child pointer.
    pub fn child(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.push(key);
        p
    }

    /// A pointer from dotted field segments.
    pub fn from_segments<'a>(segs: impl IntoIterator<Item = &'a str>) -> Self {
        let mut p = Self::root();
        for s in segs {
            p.push(s);
        }
        p
    }

    /// The pointer text.
    pub fn as_str(&self) -> &str {
        &self.buf
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Caller text in a message: 100 characters at most, then `…`; counted in characters.
    #[test]
    fn shows_at_most_100_characters() {
        assert_eq!(shown("short"), "short");
        assert_eq!(shown(&"a".repeat(100)), "a".repeat(100));
        assert_eq!(shown(&"中".repeat(10_000_000)), format!("{}…", "中".repeat(100)));
    }

    /// `~01` is `~1`, not `/`: `~1` is read first (RFC 6901 §4); and `push` is undone.
    #[test]
    fn unescapes_per_rfc6901() {
        for (token, key) in [("a~1b~0c", "a/b~c"), ("~01", "~1"), ("plain", "plain"), ("~0~0", "~~"), ("", "")] {
            assert_eq!(unescape(token), key);
            let mut p = Pointer::root();
            p.push(key);
            assert_eq!(unescape(p.as_str().strip_prefix('/').unwrap_or_default()), key);
        }
    }

    /// The one pass reads every short token as the two `replace`s did.
    #[test]
    fn unescape_is_the_two_replaces() {
        let mut tokens = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                tokens.iter().flat_map(|t| ["~", "0", "1", "a", "中"].map(|c| format!("{t}{c}"))).collect();
            tokens.extend(longer);
        }
        for t in &tokens {
            assert_eq!(unescape(t), t.replace("~1", "/").replace("~0", "~"), "{t:?}");
        }
    }

    #[test]
    fn escapes_per_rfc6901() {
        let mut p = Pointer::root();
        assert_eq!(p.to_string(), "");
        p.push("a/b");
        p.push("m~n");
        p.push_index(3);
        assert_eq!(p.to_string(), "/a~1b/m~0n/3");
        p.pop();
        p.pop();
        assert_eq!(p.as_str(), "/a~1b");
        assert_eq!(Pointer::from_segments(["staff", "keyArea"]).as_str(), "/staff/keyArea");
    }
}
