//! Scanning JSON text eight bytes at a time (SWAR: SIMD within a register), shared by the
//! clean reader (src/schema/clean.rs) and the answer writer (src/answer/json.rs).

/// From `from`, the index of the first `"`, `\` or control character (below U+0020): the
/// bytes a JSON string cannot hold as they are. Eight bytes at a time; it stops early, at
/// the last fewer than eight bytes, and the caller goes on byte by byte from there.
#[inline]
pub(crate) fn skip_plain(bytes: &[u8], mut from: usize) -> usize {
    while let Some(chunk) = bytes.get(from..).and_then(<[u8]>::first_chunk::<8>) {
        let found = special(u64::from_le_bytes(*chunk));
        if found != 0 {
            return from + (found.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    from
}

/// From `from`, the index of the first `"`, `\` or control character, or the length when
/// there is none: [`skip_plain`], then the last fewer than eight bytes as one word padded with
/// spaces (short strings, such as most of an answer's, are one test).
#[inline]
pub(crate) fn first_special(bytes: &[u8], from: usize) -> usize {
    let from = skip_plain(bytes, from);
    let rest = bytes.get(from..).unwrap_or_default();
    let mut word = [b' '; 8];
    word.iter_mut().zip(rest).for_each(|(w, b)| *w = *b);
    let found = special(u64::from_le_bytes(word));
    if found == 0 { bytes.len() } else { from + (found.trailing_zeros() / 8) as usize }
}

/// The high bit set in each byte of `x` that is `"`, `\` or below 0x20 (the lowest such bit
/// exact; a higher one may be set falsely after it, so only `trailing_zeros` is used).
#[inline]
fn special(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGH;
    let below = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
    zero(x ^ (u64::from(b'"') * ONES)) | zero(x ^ (u64::from(b'\\') * ONES)) | below
}

/// Whether two byte strings are equal (their lengths first), eight bytes at a time (the last
/// eight overlapping), without a call to
/// `memcmp` (keys in the clean reader, a district code against the pack's list).
pub(crate) fn eq_bytes(a: &[u8], b: &[u8]) -> bool {
    let word = |s: &[u8], i: usize| s.get(i..).and_then(<[u8]>::first_chunk::<8>).map(|c| u64::from_le_bytes(*c));
    let half = |s: &[u8], i: usize| s.get(i..).and_then(<[u8]>::first_chunk::<4>).map(|c| u32::from_le_bytes(*c));
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word(a, i) != word(b, i) {
                return false;
            }
            i += 8;
        }
        word(a, n - 8) == word(b, n - 8)
    } else if n >= 4 {
        half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

#[cfg(test)]
mod tests {
    use super::skip_plain;

    #[test]
    fn stops_at_the_first_quote_backslash_or_control_character_at_any_offset() {
        for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
            for len in 0..24 {
                for at in 0..len {
                    let mut text = vec![b'a'; len];
                    if let Some(b) = text.get_mut(at) {
                        *b = special;
                    }
                    // Exactly there when its eight bytes are whole; else at the tail's start.
                    let chunk = at / 8 * 8;
                    let expected = if chunk + 8 <= len { at } else { chunk };
                    assert_eq!(skip_plain(&text, 0), expected, "byte {special:#x} at {at} of {len}");
                }
            }
        }
        // `first_special`: exactly there, at any offset, and the length when there is none.
        for len in 0..24 {
            assert_eq!(super::first_special(&vec![b'a'; len], 0), len);
            for at in 0..len {
                let mut text = vec![b'a'; len];
                if let Some(b) = text.get_mut(at) {
                    *b = b'"';
                }
                assert_eq!(super::first_special(&text, 0), at, "at {at} of {len}");
            }
        }
        // Bytes past ASCII (UTF-8 of 某, 😀) and 0x20, 0x7f are plain.
        let plain = "某😀 \u{7f}abcdefghij".as_bytes();
        assert_eq!(skip_plain(plain, 0), plain.len() / 8 * 8);
        assert_eq!(skip_plain(plain, 3), 3 + (plain.len() - 3) / 8 * 8);
    }
}
