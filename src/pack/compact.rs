//! The compact form of compiled packs: what build.rs makes of the embedded packs, and what the
//! runtime (the npm package's main module, built without the `compiler` feature) loads instead
//! of parsing and compiling JSON (issue 9, point 4).
//!
//! A blob is [postcard](https://docs.rs/postcard) (a compact binary serde format) of the
//! compiled model: a header naming the families (one engine each), their
//! versions with stamp, date and parameters, and for each version the indices of its rules and
//! of its message and label entries; then the rules and entries themselves, each stored once.
//! A family's versions and a district's variants share almost every rule and message, so the
//! four embedded packs (six versions) cost little more than one. The hash in each stamp is the
//! one computed from the pack's JSON when it was compiled: a precompiled pack answers with the
//! same `pack.hash`, and `tests/precompiled.rs` shows it equal to the pack compiled at run time.
//!
//! The blob carries the crate version: it is read only by the build that wrote it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::doc::MessageDoc;
use super::{Catalogue, Pack, Rule};
use crate::answer::PackStamp;
use crate::expr::ParamValue;
use crate::expr::stored::date;
use crate::locale::Locale;
use crate::schema::Subject;

words_serde!(Subject);

/// The first field of every blob.
const MAGIC: &str = "fangkong compiled packs";

/// A blob: what comes before its chunks.
#[derive(Serialize, Deserialize)]
struct Header {
    magic: String,
    /// The crate version that wrote it (`CARGO_PKG_VERSION`).
    version: String,
    /// End offset of each chunk in the bytes after the header.
    ends: Vec<u32>,
    families: Vec<Family>,
}

/// One pack family: the versions of one engine.
#[derive(Serialize, Deserialize)]
struct Family {
    id: String,
    versions: Vec<Version>,
}

/// One compiled version; rules and entries are chunk indices.
#[derive(Serialize, Deserialize)]
struct Version {
    stamp: PackStamp,
    #[serde(with = "date")]
    effective_from: NaiveDate,
    params: BTreeMap<String, ParamValue>,
    rules: Vec<u32>,
    /// Locale tag → entries `(key, message)`, sorted by key.
    messages: Vec<(String, Vec<u32>)>,
    labels: Vec<(String, Vec<u32>)>,
}

/// Chunks stored once each, in order of first use.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
#[derive(Default)]
struct Chunks {
    data: Vec<u8>,
    ends: Vec<u32>,
    index: BTreeMap<Vec<u8>, u32>,
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
impl Chunks {
    fn add<T: Serialize>(&mut self, value: &T) -> Result<u32, String> {
        let bytes = postcard::to_allocvec(value).map_err(|e| e.to_string())?;
        if let Some(i) = self.index.get(&bytes) {
            return Ok(*i);
        }
        let i = u32::try_from(self.ends.len()).map_err(|e| e.to_string())?;
        self.data.extend_from_slice(&bytes);
        self.ends.push(u32::try_from(self.data.len()).map_err(|e| e.to_string())?);
        self.index.insert(bytes, i);
        Ok(i)
    }

    fn catalogue(&mut self, c: &Catalogue) -> Result<Vec<(String, Vec<u32>)>, String> {
        c.parts()
            .iter()
            .map(|(locale, entries)| {
                let ids = entries.iter().map(|e| self.add(e)).collect::<Result<Vec<u32>, String>>()?;
                Ok((locale.tag().to_owned(), ids))
            })
            .collect()
    }
}

/// The compact form of one or more pack families (an engine's versions each:
/// `engine.packs().collect()`).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub fn encode(families_of_packs: &[Vec<&Pack>]) -> Result<Vec<u8>, String> {
    let mut chunks = Chunks::default();
    let mut families = Vec::new();
    for packs in families_of_packs {
        let mut versions = Vec::new();
        for p in packs {
            versions.push(Version {
                stamp: p.stamp.clone(),
                effective_from: p.effective_from,
                params: p.params.clone(),
                rules: p.rules.iter().map(|r| chunks.add(r)).collect::<Result<_, _>>()?,
                messages: chunks.catalogue(&p.messages)?,
                labels: chunks.catalogue(&p.labels)?,
            });
        }
        let id = packs.first().map(|p| p.stamp.id.clone()).unwrap_or_default();
        families.push(Family { id, versions });
    }
    let header = Header { magic: MAGIC.into(), version: env!("CARGO_PKG_VERSION").into(), ends: chunks.ends, families };
    let mut out = postcard::to_allocvec(&header).map_err(|e| e.to_string())?;
    out.extend_from_slice(&chunks.data);
    Ok(out)
}

fn read_header(bytes: &[u8]) -> Result<(Header, &[u8]), String> {
    let (header, data) =
        postcard::take_from_bytes::<Header>(bytes).map_err(|e| format!("not a compiled pack ({e})"))?;
    if header.magic != MAGIC {
        return Err("not a compiled pack".into());
    }
    if header.version != env!("CARGO_PKG_VERSION") {
        return Err(format!(
            "compiled by fangkong {}, not {}: compile the pack again",
            header.version,
            env!("CARGO_PKG_VERSION")
        ));
    }
    Ok((header, data))
}

/// The ids of the families in a blob, in order.
pub fn family_ids(bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(read_header(bytes)?.0.families.into_iter().map(|f| f.id).collect())
}

/// The versions of family `id` in a blob (the first family when `id` is `None`), or why not;
/// `Ok(None)` when the blob has no such family.
pub fn decode(bytes: &[u8], id: Option<&str>) -> Result<Option<Vec<Pack>>, String> {
    let (header, data) = read_header(bytes)?;
    let Some(family) = header.families.into_iter().find(|f| id.is_none_or(|id| f.id == id)) else {
        return Ok(None);
    };
    let chunk = |i: u32| -> Result<&[u8], String> {
        let i = usize::try_from(i).map_err(|e| e.to_string())?;
        let start = match i.checked_sub(1) {
            Some(before) => header.ends.get(before).copied().unwrap_or(u32::MAX),
            None => 0,
        };
        let end = header.ends.get(i).copied().unwrap_or(u32::MAX);
        data.get(start as usize..end as usize).ok_or_else(|| format!("compiled pack: no chunk {i}"))
    };
    let read = |i: u32| -> Result<(String, MessageDoc), String> {
        postcard::from_bytes(chunk(i)?).map_err(|e| format!("compiled pack: entry {i}: {e}"))
    };
    let catalogue = |parts: Vec<(String, Vec<u32>)>| -> Result<Catalogue, String> {
        let mut by_locale = Vec::new();
        for (tag, ids) in parts {
            let locale = Locale::parse(&tag).ok_or_else(|| format!("compiled pack: locale `{tag}`"))?;
            by_locale.push((locale, ids.into_iter().map(read).collect::<Result<Vec<_>, _>>()?));
        }
        Ok(Catalogue::from_parts(by_locale))
    };
    let mut packs = Vec::new();
    for v in family.versions {
        let rules = v
            .rules
            .iter()
            .map(|i| postcard::from_bytes::<Rule>(chunk(*i)?).map_err(|e| format!("compiled pack: rule {i}: {e}")))
            .collect::<Result<Vec<Rule>, String>>()?;
        let work_bounds = crate::pack::WorkBounds::of(&rules);
        packs.push(Pack {
            stamp: v.stamp,
            effective_from: v.effective_from,
            rules,
            messages: catalogue(v.messages)?,
            labels: catalogue(v.labels)?,
            params: v.params,
            json: serde_json::Value::Null,
            work_bounds,
        });
    }
    Ok(Some(packs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_of_another_kind_or_version_is_refused_not_misread() {
        assert!(decode(b"", None).is_err());
        assert!(decode(b"{\"id\": \"shenzhen-2020\"}", None).is_err());
        let other = Header { magic: MAGIC.into(), version: "0.0.0-other".into(), ends: vec![], families: vec![] };
        let bytes = postcard::to_allocvec(&other).unwrap_or_default();
        assert!(decode(&bytes, None).is_err_and(|e| e.contains("0.0.0-other")));
    }

    #[test]
    fn a_chunk_index_outside_the_blob_is_an_error() {
        let v = Version {
            stamp: PackStamp { id: "x".into(), version: "1".into(), hash: String::new() },
            effective_from: NaiveDate::MIN,
            params: BTreeMap::new(),
            rules: vec![7],
            messages: vec![],
            labels: vec![],
        };
        let h = Header {
            magic: MAGIC.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            ends: vec![],
            families: vec![Family { id: "x".into(), versions: vec![v] }],
        };
        let bytes = postcard::to_allocvec(&h).unwrap_or_default();
        assert_eq!(family_ids(&bytes), Ok(vec!["x".to_owned()]));
        assert!(decode(&bytes, Some("x")).is_err_and(|e| e.contains("no chunk 7")));
        assert!(matches!(decode(&bytes, Some("y")), Ok(None)));
    }
}
