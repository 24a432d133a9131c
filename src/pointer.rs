//! JSON Pointers (RFC 6901) into submissions and packs.

use std::fmt;
use std::fmt::Write as _;

/// A JSON Pointer being built while walking a document: one buffer, cut back on `pop`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer {
    buf: String,
    marks: Vec<usize>,
}

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Self {
        Self::default()
    }

    /// Go into an object member.
    pub fn push(&mut self, key: &str) {
        self.marks.push(self.buf.len());
        self.buf.push('/');
        // A byte scan: both are ASCII, so no UTF-8 byte of another character matches.
        if !key.bytes().any(|b| b == b'~' || b == b'/') {
            self.buf.push_str(key);
            return;
        }
        for c in key.chars() {
            match c {
                '~' => self.buf.push_str("~0"),
                '/' => self.buf.push_str("~1"),
                c => self.buf.push(c),
            }
        }
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
