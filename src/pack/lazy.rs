//! Parts of a pack read from the embedded compact form only when first used (issue 9, point 4:
//! start-up). `Engine::precompiled` then reads no rule and no message: a version's rules are
//! decoded the first time they are used ([`Rules`]), and a catalogue entry is read in place,
//! without a copy, when it is looked up ([`Entries`]). Only the embedded blob (`'static`, written
//! by build.rs of this very build, and read back whole by `tests/precompiled.rs`) is read so;
//! a compact form given at run time (`Engine::from_compiled`) is decoded and checked at once.

use std::fmt;
use std::ops::Deref;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use super::Rule;
use super::doc::MessageDoc;
use crate::schema::Subject;
use crate::wire::Reader;

/// The bytes of a blob: the embedded one, or a copy of one given at run time (shared).
#[derive(Debug, Clone)]
pub(super) enum Blob {
    Embedded(&'static [u8]),
    Given(Arc<[u8]>),
}

/// The chunks of a blob: where they start in it, and where the end of each chunk is written,
/// as a little-endian `u32` (read in place: a table of a thousand ends costs nothing to load).
#[derive(Debug)]
pub(super) struct Table {
    blob: Blob,
    data: usize,
    ends: Range<usize>,
}

impl Table {
    pub(super) fn new(blob: Blob, data: usize, ends: Range<usize>) -> Self {
        Self { blob, data, ends }
    }

    fn bytes(&self) -> &[u8] {
        match &self.blob {
            Blob::Embedded(b) => b,
            Blob::Given(b) => b,
        }
    }

    /// How many chunks.
    pub(super) fn len(&self) -> usize {
        self.ends.len() / 4
    }

    fn end(&self, i: usize) -> Option<usize> {
        let at = self.ends.start.checked_add(i.checked_mul(4)?)?;
        let b = self.bytes().get(at..at.checked_add(4)?)?;
        usize::try_from(u32::from_le_bytes(b.try_into().ok()?)).ok()
    }

    /// Chunk `i`, or `None` outside the blob.
    pub(super) fn chunk(&self, i: u32) -> Option<&[u8]> {
        let i = usize::try_from(i).ok()?;
        if i >= self.len() {
            return None;
        }
        let start = match i.checked_sub(1) {
            Some(before) => self.end(before)?,
            None => 0,
        };
        let data = self.bytes().get(self.data..)?;
        data.get(start..self.end(i)?)
    }

    /// Rules `ids`, decoded.
    pub(super) fn rules(&self, ids: &[u32]) -> Result<Vec<Rule>, String> {
        let rule = |i: u32| -> Result<Rule, String> {
            let bytes = self.chunk(i).ok_or_else(|| format!("compiled pack: no chunk {i}"))?;
            super::read::rule(bytes).map_err(|e| format!("compiled pack: rule {i}: {e}"))
        };
        ids.iter().map(|&i| rule(i)).collect()
    }
}

/// A pack's rules, in evaluation order: a slice to every reader (`pack.rules.iter()`).
#[derive(Clone, Default)]
pub struct Rules {
    rules: OnceLock<Vec<Rule>>,
    /// Where they are, while not yet decoded.
    stored: Option<(Arc<Table>, Vec<u32>)>,
    /// For each subject, the span from its first rule to its last ([`Rules::span`]).
    spans: OnceLock<[Range<usize>; 4]>,
}

impl Rules {
    /// Rules of the embedded blob: chunks `ids` of `table`, decoded when first used.
    pub(super) fn stored(table: Arc<Table>, ids: Vec<u32>) -> Self {
        Self { rules: OnceLock::new(), stored: Some((table, ids)), spans: OnceLock::new() }
    }
}

impl From<Vec<Rule>> for Rules {
    fn from(rules: Vec<Rule>) -> Self {
        Self { rules: OnceLock::from(rules), stored: None, spans: OnceLock::new() }
    }
}

impl Rules {
    /// Decoded the first time (not inlined into every reader of `pack.rules`).
    #[inline(never)]
    fn decode(&self) -> &[Rule] {
        self.rules.get_or_init(|| {
            // Only the embedded blob comes here, and it is read whole when it is made
            // (`tests/precompiled.rs`): rules that do not decode cannot occur; they would be
            // none, not a panic.
            let Some((table, ids)) = &self.stored else { return Vec::new() };
            table.rules(ids).unwrap_or_default()
        })
    }
}

impl Rules {
    /// The rules from the first of `subject`'s to the last (rules of other subjects may lie
    /// between: a reader still tests each rule's subject), found once: a filing's check does
    /// not walk the inspection, indicator and screening rules that follow its own.
    pub fn span(&self, subject: Subject) -> &[Rule] {
        let index = |s: Subject| match s {
            Subject::Filing => 0,
            Subject::Inspection => 1,
            Subject::Indicators => 2,
            Subject::Screening => 3,
        };
        let spans = self.spans.get_or_init(|| {
            let mut spans: [Option<(usize, usize)>; 4] = [None; 4];
            for (i, r) in self.iter().enumerate() {
                if let Some(s) = spans.get_mut(index(r.subject)) {
                    *s = Some((s.map_or(i, |(from, _)| from), i + 1));
                }
            }
            spans.map(|s| s.map_or(0..0, |(from, to)| from..to))
        });
        spans.get(index(subject)).and_then(|r| self.get(r.clone())).unwrap_or_default()
    }
}

impl Deref for Rules {
    type Target = [Rule];

    fn deref(&self) -> &[Rule] {
        match self.rules.get() {
            Some(rules) => rules,
            None => self.decode(),
        }
    }
}

impl<'a> IntoIterator for &'a Rules {
    type Item = &'a Rule;
    type IntoIter = std::slice::Iter<'a, Rule>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// As a `Vec<Rule>` shows itself (the compiled model is compared as text).
impl fmt::Debug for Rules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// The entries of one locale of a catalogue, sorted by key, keys unique.
#[derive(Clone)]
pub(super) enum Entries {
    /// Decoded.
    Owned(Vec<(String, MessageDoc)>),
    /// Chunks of a blob: the keys (each a string, stored once for every locale and version
    /// that has it) and their messages, read in place when looked up.
    Stored(Arc<Table>, Vec<u32>, Vec<u32>),
}

impl Entries {
    fn key(table: &Table, i: u32) -> Option<&str> {
        Reader(table.chunk(i)?).str().ok()
    }

    /// The bytes of key `i` as they are stored (postcard: a varint length, then the text),
    /// without reading them as a string: the lookup's binary search compares bytes, as `str`'s
    /// order does (decoding each probed key was ~400 instructions, ~1.5 k per filing).
    fn key_bytes(table: &Table, i: u32) -> &[u8] {
        let chunk = table.chunk(i).unwrap_or_default();
        let len = chunk.iter().position(|b| b & 0x80 == 0).map_or(chunk.len(), |p| p + 1);
        chunk.get(len..).unwrap_or_default()
    }

    /// A message read in place: a [`MessageDoc`] as serde wrote it (its message and help), borrowed.
    fn message(table: &Table, i: u32) -> Option<(&str, Option<&str>)> {
        let r = &mut Reader(table.chunk(i)?);
        Some((r.str().ok()?, r.option(Reader::str).ok()?))
    }

    /// The message and help of `key`.
    pub(super) fn get(&self, key: &str) -> Option<(&str, Option<&str>)> {
        match self {
            Entries::Owned(v) => {
                let i = v.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
                v.get(i).map(|(_, m)| (m.message.as_str(), m.help.as_deref()))
            }
            Entries::Stored(table, keys, messages) => {
                let i = keys.binary_search_by(|&i| Self::key_bytes(table, i).cmp(key.as_bytes())).ok()?;
                Self::message(table, *messages.get(i)?)
            }
        }
    }

    /// Whether every entry is there and reads (a blob given at run time is checked so).
    /// Out of line: the embedded blob is never checked here, and V8 compiles the loader whole
    /// for the first engine.
    #[inline(never)]
    pub(super) fn check(&self) -> Result<(), String> {
        let Entries::Stored(table, keys, messages) = self else { return Ok(()) };
        if keys.len() != messages.len() {
            return Err("compiled pack: keys without messages".into());
        }
        let bad = keys.iter().find(|&&i| Self::key(table, i).is_none());
        match bad.or_else(|| messages.iter().find(|&&i| Self::message(table, i).is_none())) {
            Some(i) => Err(format!("compiled pack: entry {i}")),
            None => Ok(()),
        }
    }

    /// Every entry, decoded.
    pub(super) fn to_vec(&self) -> Vec<(String, MessageDoc)> {
        match self {
            Entries::Owned(v) => v.clone(),
            Entries::Stored(table, keys, messages) => keys
                .iter()
                .zip(messages)
                .filter_map(|(&k, &m)| Some((Self::key(table, k)?, Self::message(table, m)?)))
                .map(|(k, m)| (k.to_owned(), MessageDoc { message: m.0.to_owned(), help: m.1.map(str::to_owned) }))
                .collect(),
        }
    }
}
