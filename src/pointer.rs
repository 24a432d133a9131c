//! JSON Pointers (RFC 6901) into submissions and packs.

use std::fmt;

/// A JSON Pointer being built while walking a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer {
    segments: Vec<String>,
}

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Self {
        Self::default()
    }

    /// Go into an object member.
    pub fn push(&mut self, key: &str) {
        self.segments.push(key.to_owned());
    }

    /// Go into an array element.
    pub fn push_index(&mut self, i: usize) {
        self.segments.push(i.to_string());
    }

    /// Come back out one level.
    pub fn pop(&mut self) {
        self.segments.pop();
    }

    /// A child pointer.
    pub fn child(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.push(key);
        p
    }

    /// A pointer from dotted field segments.
    pub fn from_segments<'a>(segs: impl IntoIterator<Item = &'a str>) -> Self {
        Self { segments: segs.into_iter().map(str::to_owned).collect() }
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.segments {
            f.write_str("/")?;
            f.write_str(&s.replace('~', "~0").replace('/', "~1"))?;
        }
        Ok(())
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
    }
}
