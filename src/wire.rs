//! [Postcard](https://docs.rs/postcard), read by hand: the compact form of packs
//! (`crate::pack::compact`) is written with serde at build time and read back with this reader,
//! not with serde's derived readers. V8 compiles a wasm function whole when it is first called:
//! the derived readers of the rules were ~26 KB of code, the runtime 5.3 KB larger gzipped
//! (issue 9; BENCHMARKS.md, "The pack rule decoder by hand").
//!
//! The format, as postcard 1 writes it: unsigned integers and lengths as varints (seven bits a
//! byte, low first; at most 5 bytes for a `u32`, 10 for a `u64`; a length is a `usize`), `i32`
//! zigzagged into a `u32`, `u8` as one byte, `f64` as eight little-endian bytes, `bool` as one
//! byte (0 or 1), `Option` as one byte (0 or 1) then the value, strings and byte strings length
//! first, a sequence its length then its items, a struct or tuple its fields in order, an enum
//! its variant's index (a `u32`) then its fields. The checks and their errors are postcard's, in
//! the same order: a blob that postcard refused is refused here with the same words.
//! No more is allocated for a length read from the blob than bytes are left: each item takes at
//! least one byte, so a forged length runs into the end of the bytes.

use std::fmt;

/// Why bytes do not read: postcard's errors (`postcard::Error`), with its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bad {
    /// The bytes end before the value.
    End,
    /// A varint longer than its type allows.
    Varint,
    /// A `bool` neither 0 nor 1.
    Bool,
    /// A string that is not UTF-8.
    Utf8,
    /// An `Option` neither 0 nor 1.
    Option,
    /// A value its type refuses (an enum's index out of range, a word or day that is none):
    /// what serde's readers report through postcard as a custom error.
    Value,
}

impl fmt::Display for Bad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bad::End => "Hit the end of buffer, expected more data",
            Bad::Varint => "Found a varint that didn't terminate. Is the usize too big for this platform?",
            Bad::Bool => "Found a bool that wasn't 0 or 1",
            Bad::Utf8 => "Tried to parse invalid utf-8",
            Bad::Option => "Found an Option discriminant that wasn't 0 or 1",
            Bad::Value => "Serde Deserialization Error",
        })
    }
}

/// Out of line, as [`Reader`]'s varints and strings: inlined into every reader, these three were
/// 9.5 KB more code in the runtime.
impl From<Bad> for String {
    #[inline(never)]
    fn from(bad: Bad) -> String {
        bad.to_string()
    }
}

/// Bytes being read, from the front. Bytes after the value are left unread (as
/// `postcard::from_bytes` leaves them).
pub(crate) struct Reader<'a>(pub(crate) &'a [u8]);

impl<'a> Reader<'a> {
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Bad> {
        let (head, rest) = self.0.split_at_checked(n).ok_or(Bad::End)?;
        self.0 = rest;
        Ok(head)
    }

    pub(crate) fn byte(&mut self) -> Result<u8, Bad> {
        let (&b, rest) = self.0.split_first().ok_or(Bad::End)?;
        self.0 = rest;
        Ok(b)
    }

    /// A varint of at most `max` bytes, whose last byte is at most `last` (what is left of the
    /// type's bits). Out of line (see `From<Bad> for String`).
    #[inline(never)]
    fn varint(&mut self, max: u32, last: u8) -> Result<u64, Bad> {
        let mut v = 0u64;
        for i in 0..max {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return if i + 1 == max && b > last { Err(Bad::Varint) } else { Ok(v) };
            }
        }
        Err(Bad::Varint)
    }

    pub(crate) fn u32(&mut self) -> Result<u32, Bad> {
        u32::try_from(self.varint(5, 0x0f)?).map_err(|_| Bad::Varint)
    }

    pub(crate) fn u64(&mut self) -> Result<u64, Bad> {
        self.varint(10, 0x01)
    }

    /// A length (a `usize`: as wide as the platform's, as postcard reads it).
    pub(crate) fn len(&mut self) -> Result<usize, Bad> {
        let v = if usize::BITS == 32 { self.varint(5, 0x0f)? } else { self.varint(10, 0x01)? };
        usize::try_from(v).map_err(|_| Bad::Varint)
    }

    pub(crate) fn i32(&mut self) -> Result<i32, Bad> {
        let z = self.u32()?;
        Ok(((z >> 1) as i32) ^ -((z & 1) as i32))
    }

    pub(crate) fn f64(&mut self) -> Result<f64, Bad> {
        let b = self.take(8)?;
        Ok(f64::from_le_bytes(b.try_into().map_err(|_| Bad::End)?))
    }

    pub(crate) fn bool(&mut self) -> Result<bool, Bad> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Bad::Bool),
        }
    }

    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], Bad> {
        let n = self.len()?;
        self.take(n)
    }

    /// Out of line (see `From<Bad> for String`).
    #[inline(never)]
    pub(crate) fn str(&mut self) -> Result<&'a str, Bad> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Bad::Utf8)
    }

    pub(crate) fn string(&mut self) -> Result<String, Bad> {
        self.str().map(str::to_owned)
    }

    /// An enum's variant index.
    pub(crate) fn variant(&mut self) -> Result<u32, Bad> {
        self.u32()
    }

    /// A value read by `item`, if there is one.
    pub(crate) fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> Result<T, Bad>) -> Result<Option<T>, Bad> {
        match self.byte()? {
            0 => Ok(None),
            1 => item(self).map(Some),
            _ => Err(Bad::Option),
        }
    }

    /// A sequence: its length, then as many items read by `item`. Allocated once, as serde's
    /// reader of a `Vec` did (an engine's memory is its own and counted), for at most as many
    /// items as bytes are left and 1 MiB (serde's bound: `size_hint::cautious`).
    pub(crate) fn seq<T, E: From<Bad>>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, E>,
    ) -> Result<Vec<T>, E> {
        let n = self.len()?;
        let most = (1 << 20) / std::mem::size_of::<T>().max(1);
        let mut out = Vec::with_capacity(n.min(self.0.len()).min(most));
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }

    /// A sequence of strings.
    pub(crate) fn strings(&mut self) -> Result<Vec<String>, Bad> {
        self.seq(Self::string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Values = (u32, u64, i32, f64, bool, String, Option<String>, Vec<String>);

    fn values(r: &mut Reader<'_>) -> Result<Values, Bad> {
        Ok((r.u32()?, r.u64()?, r.i32()?, r.f64()?, r.bool()?, r.string()?, r.option(Reader::string)?, r.strings()?))
    }

    /// Our error and postcard's for the same bytes: the same words.
    fn same<T: serde::de::DeserializeOwned>(bytes: &[u8], ours: fn(&mut Reader<'_>) -> Result<T, Bad>) {
        let theirs = postcard::from_bytes::<T>(bytes).err().map(|e| e.to_string());
        assert_eq!(ours(&mut Reader(bytes)).err().map(|e| e.to_string()), theirs, "{bytes:?}");
        assert!(theirs.is_some(), "{bytes:?}");
    }

    /// What postcard writes, read back; what postcard refuses, refused with its words.
    #[test]
    fn the_reader_reads_what_postcard_writes_and_refuses_what_it_refuses() {
        let v: Values = (u32::MAX, u64::MAX, i32::MIN, -0.5, true, "防控".into(), Some("x".into()), vec!["a".into()]);
        let bytes = postcard::to_allocvec(&v).unwrap_or_default();
        let mut r = Reader(&bytes);
        assert_eq!(values(&mut r), Ok(v));
        assert!(r.0.is_empty());
        for cut in 0..bytes.len() {
            same(bytes.get(..cut).unwrap_or_default(), values);
        }
        same(&[0x80, 0x80, 0x80, 0x80, 0x10], |r| r.u32());
        same(&[0xff; 5], |r| r.u32());
        same(&[0x80; 6], |r| r.u32());
        same(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02], |r| r.u64());
        same(&[0x80; 11], |r| r.u64());
        same(&[0x80; 11], |r| r.bytes().map(<[u8]>::to_vec));
        same(&[2], |r| r.bool());
        same(&[1, 0xff], |r| r.string());
        same(&[2], |r| r.option(Reader::bool));
    }
}
