//! Byte scans eight bytes at a time (SWAR: SIMD within a register), shared by the segmenter
//! and the quotes stage.

/// A one in every byte.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// A word with the high bit set in each byte of `x` that equals `b`. A set bit may also
/// appear above a true match (a borrow), never in a word without one, so the lowest set bit
/// is exact.
#[inline]
pub(crate) fn eq_bytes(x: u64, b: u8) -> u64 {
    let y = x ^ (LO * u64::from(b));
    y.wrapping_sub(LO) & !y & HI
}

/// A word with the high bit set in each byte of `x` below `n` (`n` at most 128). As with
/// [`eq_bytes`], a set bit may also appear above a true match, so the lowest set bit is exact.
#[inline]
pub(crate) fn lt_bytes(x: u64, n: u8) -> u64 {
    x.wrapping_sub(LO * u64::from(n)) & !x & HI
}

/// The eight bytes at `at` as one little-endian word (`None` past the end).
#[inline]
pub(crate) fn block(bytes: &[u8], at: usize) -> Option<u64> {
    let mut a = [0u8; 8];
    a.copy_from_slice(bytes.get(at..at.checked_add(8)?)?);
    Some(u64::from_le_bytes(a))
}

/// The first position from `i` on of a byte that `hits` flags (high bit set in its byte of
/// the word; the lowest flag must be exact, as [`eq_bytes`] gives it), or the start of the
/// last block shorter than eight bytes before `end` (clamped to the slice): the bytes before
/// the result hold no flagged byte.
#[inline]
pub(crate) fn skip_until(
    bytes: &[u8],
    mut i: usize,
    end: usize,
    hits: impl Fn(u64) -> u64,
) -> usize {
    let end = end.min(bytes.len());
    while i + 8 <= end {
        let Some(w) = block(bytes, i) else { break };
        let hit = hits(w);
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::{block, eq_bytes, lt_bytes, skip_until};

    #[test]
    fn the_lowest_flag_is_the_first_match() {
        for (name, text, want) in [
            ("none", "abcdefghijklmnopq", 16),
            ("first", ".bcdefghijk", 0),
            ("second block", "abcdefgh.ijklmnop", 8),
            ("two in a block", "ab.d.fghijk", 2),
            ("after a byte one below", "abc-.fghijk", 4),
            ("short", "a.c", 0),
        ] {
            let got = skip_until(text.as_bytes(), 0, text.len(), |w| eq_bytes(w, b'.'));
            assert_eq!(got, want, "{name}");
        }
        for (name, text, want) in [
            ("none", "abcdefghijklmnopq", 16),
            ("tab", "abcdefghij\tklmnop", 10),
            ("nul first", "\0bcdefghijk", 0),
            ("after non-ASCII", "ééé\u{1f}abcdefgh", 6),
            ("space is not below", "a b c d e f g h ", 16),
        ] {
            let got = skip_until(text.as_bytes(), 0, text.len(), |w| lt_bytes(w, 0x20));
            assert_eq!(got, want, "{name}");
        }
        assert_eq!(block(b"abcdefg", 0), None);
        assert_eq!(
            block(b"abcdefgh", 0),
            Some(u64::from_le_bytes(*b"abcdefgh"))
        );
        assert_eq!(block(b"abcdefgh", usize::MAX), None);
    }
}
