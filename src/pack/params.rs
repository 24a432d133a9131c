//! A version's parameter values by name ([`ParamMap`]).

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::expr::ParamValue;

/// A version's parameter values, sorted by name: a `Vec` searched by halves, not a `BTreeMap`
/// (each B-tree instance brings its own insert, search and drop into the `.wasm`: about 1.5 KB
/// gzipped for this one; BENCHMARKS.md, "fourth pass"). Serialized as the map it stands for, so the
/// precompiled blob is unchanged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParamMap(Vec<(String, ParamValue)>);

impl ParamMap {
    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    /// The value of `name`, if the version has it.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.find(name).ok().and_then(|i| self.0.get(i)).map(|(_, v)| v)
    }

    /// Sets `name` to `value` (a later value of the same name wins, as in a map).
    pub fn insert(&mut self, name: String, value: ParamValue) {
        match self.find(&name) {
            Ok(i) => {
                if let Some(e) = self.0.get_mut(i) {
                    e.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (name, value)),
        }
    }

    /// The names and values, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &ParamValue)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// How many parameters.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No parameters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Inserted one by one (a later equal name wins).
impl FromIterator<(String, ParamValue)> for ParamMap {
    fn from_iter<I: IntoIterator<Item = (String, ParamValue)>>(iter: I) -> Self {
        let mut m = ParamMap::default();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

impl Serialize for ParamMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}
