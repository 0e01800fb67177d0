//! A bit set over the top bits of 64-bit hashes: one bit test that rules out most misses before
//! a hash-set probe.

/// A set of hashes kept as one bit each, the bit chosen by the top `LOG2` bits of the hash
/// (`LOG2` from 6 to 63). A hash that was inserted always tests true; most others test false.
/// Storage is made on the first insert; while empty, the filter rules nothing out.
#[derive(Clone, Debug, Default)]
pub(crate) struct HashBits<const LOG2: u32> {
    words: Vec<u64>,
}

impl<const LOG2: u32> HashBits<LOG2> {
    /// The word and bit of `h`.
    #[inline]
    fn slot(h: u64) -> (usize, u64) {
        let top = (h >> (64 - LOG2)) as usize;
        (top / 64, 1u64 << (top % 64))
    }

    /// Adds `h`.
    pub(crate) fn insert(&mut self, h: u64) {
        if self.words.is_empty() {
            self.words = vec![0; (1usize << LOG2) / 64];
        }
        let (w, b) = Self::slot(h);
        if let Some(x) = self.words.get_mut(w) {
            *x |= b;
        }
    }

    /// Whether `h` may have been inserted (always true while nothing was).
    #[inline]
    pub(crate) fn may_contain(&self, h: u64) -> bool {
        let (w, b) = Self::slot(h);
        self.words.get(w).map_or(true, |&x| x & b != 0)
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::HashBits;

    #[test]
    fn inserted_hashes_test_true_and_an_empty_filter_rules_nothing_out() {
        let mut f = HashBits::<12>::default();
        assert!(f.may_contain(0xdead_beef));
        assert_eq!(f.heap_bytes(), 0);
        let hs = [0u64, 1 << 63, u64::MAX, 0x1234_5678_9abc_def0];
        for &h in &hs {
            f.insert(h);
        }
        assert!(hs.iter().all(|&h| f.may_contain(h)));
        assert_eq!(f.heap_bytes(), 4096 / 8);
        // A hash whose top 12 bits differ from every inserted one is ruled out.
        assert!(!f.may_contain(0x0010_0000_0000_0000));
    }
}
