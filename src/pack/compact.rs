//! The compact form of compiled packs: what build.rs makes of the embedded packs, and what the
//! runtime (the npm package's main module, built without the `compiler` feature) loads instead
//! of parsing and compiling JSON (issue 9, point 4).
//!
//! A blob is [postcard](https://docs.rs/postcard) (a compact binary serde format) of the
//! compiled model: a header naming the families (one engine each), their
//! versions with stamp, date, parameters and work bounds, and for each version the chunks of its
//! rules and of its message and label entries, as runs of consecutive chunk numbers; then the
//! rules and entries themselves, each stored once.
//! A family's versions and a district's variants share almost every rule and message, so the
//! four embedded packs (six versions) cost little more than one. The hash in each stamp is the
//! one computed from the pack's JSON when it was compiled: a precompiled pack answers with the
//! same `pack.hash`, and `tests/precompiled.rs` shows it equal to the pack compiled at run time.
//!
//! The embedded blob is read lazily ([`decode_embedded`]: rules when first used, entries in
//! place when looked up; `super::lazy`); a blob given at run time is read and checked whole
//! ([`decode`]), its work bounds computed again from its rules rather than believed.
//! Written with serde (postcard), read back by hand (`crate::wire`; the rules by `super::read`),
//! with postcard's checks and errors.
//!
//! The blob carries the crate version: it is read only by the build that wrote it.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::lazy::{Blob, Entries, Rules, Table};
use super::{Catalogue, Pack, ParamMap, WorkBounds};
use crate::answer::PackStamp;
use crate::expr::ParamValue;
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
use crate::expr::stored::date;
use crate::locale::Locale;
use crate::schema::Subject;
use crate::wire::{Bad, Reader};

words_serde!(Subject);

/// The first field of every blob.
const MAGIC: &str = "fangkong compiled packs";

/// A blob: what comes before its chunks. Each family's versions are postcard of their own
/// (`Vec<Version>`), so that loading one family reads nothing of the others. Written with
/// serde, read back by hand ([`header`]).
#[derive(Serialize)]
struct Header<'a> {
    magic: &'a str,
    /// The crate version that wrote it (`CARGO_PKG_VERSION`).
    version: &'a str,
    /// End offset of each chunk in the bytes after the header, a little-endian `u32` each.
    ends: &'a [u8],
    /// Each family's id and versions.
    families: Vec<(&'a str, &'a [u8])>,
}

/// One compiled version; rules and entries are chunk numbers. Read straight into a [`Pack`]
/// ([`pack`]).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
#[derive(Serialize)]
struct Version {
    stamp: PackStamp,
    #[serde(with = "date")]
    effective_from: NaiveDate,
    params: ParamMap,
    /// Its rules' work bounds (believed only from the embedded blob).
    work_bounds: WorkBounds,
    rules: Runs,
    /// Locale tag → entries sorted by key: their keys (strings) and their messages
    /// ([`MessageDoc`](super::doc::MessageDoc)s). A key is stored once for all locales.
    messages: Vec<(String, Runs, Runs)>,
    labels: Vec<(String, Runs, Runs)>,
}

/// Chunk numbers as runs `(first, count)` of consecutive ones: the chunks are numbered in order
/// of first use, so a version's list is a few runs (the first version's, one).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
#[derive(Serialize)]
struct Runs(Vec<(u32, u32)>);

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
impl Runs {
    fn of(ids: &[u32]) -> Runs {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for &i in ids {
            match runs.last_mut() {
                Some((first, count)) if first.checked_add(*count) == Some(i) => *count += 1,
                _ => runs.push((i, 1)),
            }
        }
        Runs(runs)
    }
}

/// Chunks stored once each, in order of first use.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
#[derive(Default)]
struct Chunks {
    data: Vec<u8>,
    ends: Vec<u32>,
    index: std::collections::BTreeMap<Vec<u8>, u32>,
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

    fn catalogue(&mut self, c: &Catalogue) -> Result<Vec<(String, Runs, Runs)>, String> {
        let mut out = Vec::new();
        for (locale, entries) in c.parts() {
            let keys = entries.iter().map(|(k, _)| self.add(k)).collect::<Result<Vec<u32>, String>>()?;
            let messages = entries.iter().map(|(_, m)| self.add(m)).collect::<Result<Vec<u32>, String>>()?;
            out.push((locale.tag().to_owned(), Runs::of(&keys), Runs::of(&messages)));
        }
        Ok(out)
    }
}

/// The compact form of one or more pack families (an engine's versions each:
/// `engine.packs().collect()`).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub fn encode(families_of_packs: &[Vec<&Pack>]) -> Result<Vec<u8>, String> {
    let mut chunks = Chunks::default();
    let mut families: Vec<(String, Vec<u8>)> = Vec::new();
    for packs in families_of_packs {
        let mut versions = Vec::new();
        for p in packs {
            let rules = p.rules.iter().map(|r| chunks.add(r)).collect::<Result<Vec<u32>, _>>()?;
            versions.push(Version {
                stamp: PackStamp::clone(&p.stamp),
                effective_from: p.effective_from,
                params: p.params.clone(),
                work_bounds: p.work_bounds.clone(),
                rules: Runs::of(&rules),
                messages: chunks.catalogue(&p.messages)?,
                labels: chunks.catalogue(&p.labels)?,
            });
        }
        let id = packs.first().map(|p| p.stamp.id.clone()).unwrap_or_default();
        families.push((id, postcard::to_allocvec(&versions).map_err(|e| e.to_string())?));
    }
    let ends: Vec<u8> = chunks.ends.iter().flat_map(|e| e.to_le_bytes()).collect();
    let header = Header {
        magic: MAGIC,
        version: env!("CARGO_PKG_VERSION"),
        ends: &ends,
        families: families.iter().map(|(id, v)| (id.as_str(), v.as_slice())).collect(),
    };
    let mut out = postcard::to_allocvec(&header).map_err(|e| e.to_string())?;
    out.extend_from_slice(&chunks.data);
    Ok(out)
}

/// FNV-1a (64 bits) of `bytes`: the checksum a blob for `Engine::from_compiled` ends with.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn read_header(bytes: &[u8]) -> Result<(Header<'_>, &[u8]), String> {
    let mut r = Reader(bytes);
    let header = header(&mut r).map_err(|e| format!("not a compiled pack ({e})"))?;
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
    Ok((header, r.0))
}

/// A reason of [`decode`]'s in Chinese (the one a district meets after each upgrade, a blob of
/// another version, in words); a reason of a damaged blob keeps its English detail.
pub fn reason_zh(reason: &str) -> String {
    let version = reason.strip_prefix("compiled by fangkong ").and_then(|r| r.strip_suffix(": compile the pack again"));
    // A char, not a `&str`, to split on: a text pattern's searcher is 3 KB of the runtime.
    let split = version.and_then(|r| r.split_once(',')).and_then(|(by, r)| Some((by, r.strip_prefix(" not ")?)));
    if let Some((by, now)) = split {
        return format!("该规则包由 fangkong {by} 编译，当前为 {now}：请重新编译规则包");
    }
    if let Some(why) = reason.strip_prefix("not a compiled pack") {
        let why = why.strip_prefix(" (").and_then(|w| w.strip_suffix(')'));
        return why
            .map_or_else(|| "不是已编译的规则包".into(), |w| format!("不是已编译的规则包（文件头无法识别：{w}）"));
    }
    match reason.strip_prefix("compiled pack: ") {
        Some(detail) => format!("已编译的规则包已损坏（{detail}）"),
        None => format!("无法读取已编译的规则包：{reason}"),
    }
}

// What follows reads back the postcard that [`encode`] wrote for the header and a family's
// versions: what every engine reads when it is made. By hand (`crate::wire`), not with serde's
// derived readers: V8 compiles a wasm function, whole, on the main thread when it is first
// called, and the first engine compiled 35.1 KB of function bodies with serde's readers, 30.8 KB
// with this one (issue 9, BENCHMARKS.md, "Ready: start-up of the runtime").

fn header<'a>(r: &mut Reader<'a>) -> Result<Header<'a>, Bad> {
    Ok(Header {
        magic: r.str()?,
        version: r.str()?,
        ends: r.bytes()?,
        families: r.seq(|r| Ok::<_, Bad>((r.str()?, r.bytes()?)))?,
    })
}

fn date(r: &mut Reader<'_>) -> Result<NaiveDate, String> {
    let n = r.i32()?;
    NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| format!("no day {n}"))
}

/// A list of chunk numbers, stored as runs `(first, count)` of consecutive ones: each must be
/// below the blob's count of chunks, and there may be no more of them than chunks (rules and
/// keys are distinct chunks, and a catalogue has one message per key), so a forged count cannot
/// make a list larger than the blob. A run that breaks this is recorded in `l` and the list
/// read on.
fn ids(r: &mut Reader<'_>, l: &mut Loading) -> Result<Vec<u32>, String> {
    let n = r.len()?;
    let mut out = Vec::new();
    for _ in 0..n {
        let (first, count) = (r.u32()?, r.u32()?);
        if l.failed.is_some() {
            continue;
        }
        let Some(end) = first.checked_add(count) else {
            l.failed = Some("compiled pack: a run past the end".into());
            continue;
        };
        if usize::try_from(end).map_or(true, |e| e > l.chunks) || out.len().saturating_add(count as usize) > l.chunks {
            l.failed = Some(format!("compiled pack: no chunk {}", end.saturating_sub(1)));
            continue;
        }
        out.extend(first..end);
    }
    Ok(out)
}

/// A catalogue: for each locale its tag, the chunks of its keys and of their messages.
fn catalogue(r: &mut Reader<'_>, l: &mut Loading) -> Result<Catalogue, String> {
    let n = r.len()?;
    let mut by_locale = Vec::new();
    for _ in 0..n {
        let tag = r.str()?;
        let keys = ids(r, l)?;
        let messages = ids(r, l)?;
        if l.failed.is_none() {
            match l.entries(tag, keys, messages) {
                Ok(entries) => by_locale.push(entries),
                Err(e) => l.failed = Some(e),
            }
        }
    }
    Ok(Catalogue::stored(by_locale))
}

fn param(r: &mut Reader<'_>) -> Result<ParamValue, String> {
    Ok(match r.variant()? {
        0 => ParamValue::Num(r.f64()?),
        1 => ParamValue::Bool(r.bool()?),
        2 => ParamValue::Date(date(r)?),
        3 => ParamValue::Str(r.string()?),
        4 => ParamValue::StrList(r.strings()?),
        v => return Err(format!("no parameter type {v}")),
    })
}

/// Inserted one by one, as serde's reader of a map did (a later equal key wins): collected from
/// a list, the map would sort it, and bring a stable sort into the runtime.
fn params(r: &mut Reader<'_>) -> Result<ParamMap, String> {
    let mut params = ParamMap::default();
    for _ in 0..r.len()? {
        let name = r.string()?;
        params.insert(name, param(r)?);
    }
    Ok(params)
}

/// One version, read straight into its pack: what [`encode`] wrote as a [`Version`].
fn pack(r: &mut Reader<'_>, l: &mut Loading) -> Result<Pack, String> {
    let stamp = PackStamp { id: r.string()?, version: r.string()?, hash: r.string()? };
    let effective_from = date(r)?;
    let params = params(r)?;
    let work_bounds = WorkBounds::from(r.seq(|r| {
        let word = r.str()?;
        Ok::<_, String>((Subject::parse(word).ok_or_else(|| format!("no subject `{word}`"))?, r.u64()?))
    })?);
    let ids = ids(r, l)?;
    let (rules, work_bounds) = l.rules(ids, work_bounds);
    Ok(Pack {
        stamp: Arc::new(stamp),
        effective_from,
        rules,
        messages: catalogue(r, l)?,
        labels: catalogue(r, l)?,
        params,
        json: serde_json::Value::Null,
        work_bounds,
    })
}

/// The ids of the families in a blob, in order.
pub fn family_ids(bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(read_header(bytes)?.0.families.into_iter().map(|(id, _)| id.to_owned()).collect())
}

fn locale(tag: &str) -> Result<Locale, String> {
    // The tags the encoder writes (`Locale::tag`), without the parser's normalising.
    for l in [Locale::ZhCn, Locale::En, Locale::ZhTw] {
        if tag == l.tag() {
            return Ok(l);
        }
    }
    Locale::parse(tag).ok_or_else(|| format!("compiled pack: locale `{tag}`"))
}

/// The versions of family `id` in a blob given at run time (the first family when `id` is
/// `None`), or why not; `Ok(None)` when the blob has no such family. Everything is read and
/// checked here (entries are then read in place in a copy of the blob), and the work bounds
/// are computed from the rules, not believed.
pub fn decode(bytes: &[u8], id: Option<&str>) -> Result<Option<Vec<Pack>>, String> {
    load(Blob::Given(Arc::from(bytes)), id)
}

/// As [`decode`], for the embedded blob: only the header is read here; rules are decoded when
/// first used and entries read in place when looked up (`super::lazy`).
pub fn decode_embedded(bytes: &'static [u8], id: Option<&str>) -> Result<Option<Vec<Pack>>, String> {
    load(Blob::Embedded(bytes), id)
}

/// The rules `ids` of a blob given at run time, decoded now, and their work bounds computed.
/// Out of line: the embedded packs never come here, and V8 compiles a function whole when it
/// is first called, so this code is not compiled before the first engine is ready.
#[inline(never)]
fn read_and_bound(table: &Table, ids: &[u32]) -> Result<(Rules, WorkBounds), String> {
    let rules = table.rules(ids)?;
    let bounds = WorkBounds::of(&rules);
    Ok((Rules::from(rules), bounds))
}

/// A family being read into packs: its blob's chunks, and the first check that failed.
struct Loading {
    table: Arc<Table>,
    chunks: usize,
    /// A blob given at run time: every rule and entry is read now, and the work bounds are
    /// computed from the rules.
    checked: bool,
    /// The first check that failed, in the order of the blob. Reported when the whole family
    /// has been read: an error of reading comes first (the order of the loader that read every
    /// version first, then checked them).
    failed: Option<String>,
}

impl Loading {
    /// A version's rules (chunks `ids`), and its work bounds: as stored (embedded), or read
    /// now and bounded again (given; nothing more is read after a failed check).
    fn rules(&mut self, ids: Vec<u32>, stored: WorkBounds) -> (Rules, WorkBounds) {
        if !self.checked {
            return (Rules::stored(Arc::clone(&self.table), ids), stored);
        }
        if self.failed.is_none() {
            match read_and_bound(&self.table, &ids) {
                Ok(read) => return read,
                Err(e) => self.failed = Some(e),
            }
        }
        (Rules::default(), stored)
    }

    /// The entries of one locale.
    fn entries(&self, tag: &str, keys: Vec<u32>, messages: Vec<u32>) -> Result<(Locale, Entries), String> {
        let entries = Entries::Stored(Arc::clone(&self.table), keys, messages);
        if self.checked {
            entries.check()?;
        }
        Ok((locale(tag)?, entries))
    }
}

fn load(blob: Blob, id: Option<&str>) -> Result<Option<Vec<Pack>>, String> {
    let bytes = match &blob {
        Blob::Embedded(b) => *b,
        Blob::Given(b) => b,
    };
    let (header, data) = read_header(bytes)?;
    let Some((_, versions)) = header.families.iter().find(|(f, _)| id.is_none_or(|id| *f == id)) else {
        return Ok(None);
    };
    // Offsets of slices of `bytes` in it.
    let at = |s: &[u8]| (s.as_ptr() as usize).saturating_sub(bytes.as_ptr() as usize);
    let ends = at(header.ends)..at(header.ends).saturating_add(header.ends.len());
    let checked = matches!(blob, Blob::Given(_));
    let table = Arc::new(Table::new(blob.clone(), at(data), ends));
    let mut l = Loading { chunks: table.len(), table, checked, failed: None };
    let packs = Reader(versions).seq(|r| pack(r, &mut l)).map_err(|e| format!("compiled pack: versions: {e}"))?;
    match l.failed {
        Some(e) => Err(e),
        None => Ok(Some(packs)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_of_another_kind_or_version_is_refused_not_misread() {
        assert!(decode(b"", None).is_err());
        assert!(decode(b"{\"id\": \"shenzhen-2020\"}", None).is_err());
        let other = Header { magic: MAGIC, version: "0.0.0-other", ends: &[], families: vec![] };
        let bytes = postcard::to_allocvec(&other).unwrap_or_default();
        assert!(decode(&bytes, None).is_err_and(|e| e.contains("0.0.0-other")));
    }

    /// Each reason of the reader, in Chinese: the version mismatch whole, the others around
    /// their English detail.
    #[test]
    fn the_reasons_of_the_reader_are_told_in_chinese() {
        let other = Header { magic: MAGIC, version: "0.0.0-other", ends: &[], families: vec![] };
        let reason = |bytes: &[u8]| decode(bytes, None).err().map(|e| reason_zh(&e)).unwrap_or_default();
        let now = env!("CARGO_PKG_VERSION");
        assert_eq!(
            reason(&postcard::to_allocvec(&other).unwrap_or_default()),
            format!("该规则包由 fangkong 0.0.0-other 编译，当前为 {now}：请重新编译规则包")
        );
        assert_eq!(reason(b""), "不是已编译的规则包（文件头无法识别：Hit the end of buffer, expected more data）");
        let wrong = Header { magic: "other", version: now, ends: &[], families: vec![] };
        assert_eq!(reason(&postcard::to_allocvec(&wrong).unwrap_or_default()), "不是已编译的规则包");
        assert_eq!(
            reason(&blob_of(&[9])),
            "已编译的规则包已损坏（versions: Hit the end of buffer, expected more data）"
        );
        assert_eq!(reason_zh("something else"), "无法读取已编译的规则包：something else");
    }

    /// A blob of one family whose versions are `versions`, two chunks (`abc`, `de`).
    fn blob_of(versions: &[u8]) -> Vec<u8> {
        let ends = [3u32, 5].iter().flat_map(|e| e.to_le_bytes()).collect::<Vec<u8>>();
        let h =
            Header { magic: MAGIC, version: env!("CARGO_PKG_VERSION"), ends: &ends, families: vec![("x", versions)] };
        let mut bytes = postcard::to_allocvec(&h).unwrap_or_default();
        bytes.extend_from_slice(b"abcde");
        bytes
    }

    /// The hand reader reads what serde wrote: every kind of parameter, bounds, catalogues, a
    /// date before the era, into the packs. Cut anywhere, an error.
    #[test]
    fn the_reader_reads_back_what_the_encoder_wrote() {
        let params = [
            ("n", ParamValue::Num(-14.5)),
            ("b", ParamValue::Bool(true)),
            ("f", ParamValue::Bool(false)),
            ("d", ParamValue::Date(NaiveDate::from_ymd_opt(2020, 2, 10).unwrap_or_default())),
            ("old", ParamValue::Date(NaiveDate::MIN)),
            ("s", ParamValue::Str("湖北".into())),
            ("l", ParamValue::StrList(vec!["a".into(), String::new(), "武汉".into()])),
        ];
        let params: ParamMap = params.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let bounds = WorkBounds::from(vec![(Subject::Filing, 3), (Subject::Inspection, u64::MAX)]);
        let stamp = PackStamp { id: "x".into(), version: "2".into(), hash: "sha256:ab".into() };
        let v = Version {
            stamp: stamp.clone(),
            effective_from: NaiveDate::MAX,
            params: params.clone(),
            work_bounds: bounds.clone(),
            rules: Runs(vec![(0, 1), (1, 1)]),
            messages: vec![
                ("zh-CN".into(), Runs(vec![(0, 1)]), Runs(vec![(1, 1)])),
                ("en".into(), Runs(vec![]), Runs(vec![])),
            ],
            labels: vec![],
        };
        let versions = postcard::to_allocvec(&vec![v]).unwrap_or_default();
        let embedded: &'static [u8] = blob_of(&versions).leak();
        let packs = decode_embedded(embedded, Some("x")).unwrap_or_default().unwrap_or_default();
        let [p] = packs.as_slice() else { unreachable!("one version") };
        assert_eq!(*p.stamp, stamp);
        assert_eq!(p.effective_from, NaiveDate::MAX);
        assert_eq!(p.params, params);
        assert_eq!(p.work_bounds, bounds);
        for cut in 0..versions.len() {
            let embedded: &'static [u8] = blob_of(versions.get(..cut).unwrap_or_default()).leak();
            assert!(decode_embedded(embedded, None).is_err_and(|e| e.contains("versions")), "cut at {cut}");
        }
        let h = Header { magic: MAGIC, version: "1.2.3", ends: &[1, 2, 3, 4], families: vec![("x", &versions)] };
        let hb = postcard::to_allocvec(&h).unwrap_or_default();
        let hback = header(&mut Reader(&hb)).map(|h| postcard::to_allocvec(&h).unwrap_or_default());
        assert_eq!(hback, Ok(hb));
    }

    /// A forged count of chunks is an error of the blob, reported after a reading error.
    #[test]
    fn a_reading_error_comes_before_a_failed_check() {
        let v = |rules: Runs, hash: &str| Version {
            stamp: PackStamp { id: "x".into(), version: "1".into(), hash: hash.into() },
            effective_from: NaiveDate::MIN,
            params: ParamMap::default(),
            work_bounds: WorkBounds::default(),
            rules,
            messages: vec![],
            labels: vec![],
        };
        let bad_chunk = postcard::to_allocvec(&vec![v(Runs(vec![(7, 1)]), "")]).unwrap_or_default();
        let embedded: &'static [u8] = blob_of(&bad_chunk).leak();
        assert!(decode_embedded(embedded, None).is_err_and(|e| e == "compiled pack: no chunk 7"));
        let past = postcard::to_allocvec(&vec![v(Runs(vec![(1, u32::MAX)]), "")]).unwrap_or_default();
        let embedded: &'static [u8] = blob_of(&past).leak();
        assert!(decode_embedded(embedded, None).is_err_and(|e| e == "compiled pack: a run past the end"));
        let mut both = postcard::to_allocvec(&vec![v(Runs(vec![(7, 1)]), ""), v(Runs(vec![]), "")]).unwrap_or_default();
        both.pop();
        let embedded: &'static [u8] = blob_of(&both).leak();
        assert!(decode_embedded(embedded, None).is_err_and(|e| e == format!("compiled pack: versions: {}", Bad::End)));
    }

    #[test]
    fn a_chunk_index_outside_the_blob_is_an_error() {
        let v = Version {
            stamp: PackStamp { id: "x".into(), version: "1".into(), hash: String::new() },
            effective_from: NaiveDate::MIN,
            params: ParamMap::default(),
            work_bounds: WorkBounds::default(),
            rules: Runs(vec![(7, 1)]),
            messages: vec![],
            labels: vec![],
        };
        let versions = postcard::to_allocvec(&vec![v]).unwrap_or_default();
        let ends = [3u32, 5].iter().flat_map(|e| e.to_le_bytes()).collect::<Vec<u8>>();
        let h =
            Header { magic: MAGIC, version: env!("CARGO_PKG_VERSION"), ends: &ends, families: vec![("x", &versions)] };
        let mut bytes = postcard::to_allocvec(&h).unwrap_or_default();
        bytes.extend_from_slice(b"abcde");
        assert_eq!(family_ids(&bytes), Ok(vec!["x".to_owned()]));
        assert!(decode(&bytes, Some("x")).is_err_and(|e| e.contains("no chunk 7")));
        assert!(matches!(decode(&bytes, Some("y")), Ok(None)));
        let embedded: &'static [u8] = bytes.leak();
        assert!(decode_embedded(embedded, Some("x")).is_err_and(|e| e.contains("no chunk 7")));
        assert!(matches!(decode_embedded(embedded, Some("y")), Ok(None)));
    }
}
