//! The alias index: a trie over case-folded word tokens, stored as one hash map from
//! (parent node, token hash, gap) to child node.
//!
//! Building is one hash-map insert per alias token; matching hashes only the tokens that
//! can start a name (capitalised words, digits) and walks at most [`MAX_TOKENS`] tokens
//! from each, so the time is linear in the text. Hash collisions (64-bit) can only add
//! candidates, never lose one: every candidate is checked against the alias's own text.

use super::token::{eq_exact, eq_title, eq_upper, token_hash, tokenize_into, Gap, Token};
use crate::hashbits::HashBits;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Aliases longer than this many tokens are not indexed.
pub(crate) const MAX_TOKENS: usize = 24;

/// A hasher for keys that are already well mixed `u64`s.
#[derive(Default, Clone, Copy)]
pub(crate) struct MixHasher(u64);

impl Hasher for MixHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A fast non-cryptographic hasher (the "Fx" scheme: rotate, xor, multiply, a word at a
/// time) for small per-document maps keyed by integers or short strings. Not resistant to
/// chosen collisions, which cost only time on maps whose size the text bounds.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const FX_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(FX_K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and the tag from the top 7: mix both.
        mix(self.0)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

type Map = HashMap<u64, u32, BuildHasherDefault<MixHasher>>;

#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The key of the edge from node `parent` by a token of [`token_hash`] `hash` (after a space
/// or not). The token hashes are mixed in their low and top bits already (the map takes its
/// buckets from the low bits and its tags from the top ones); the node and the space are
/// spread over all the bits by one multiply.
#[inline]
fn edge_key(parent: u32, hash: u64, spaced: bool) -> u64 {
    hash ^ ((parent as u64) << 1 | spaced as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// One indexed alias: which entry, which alias of it, and how its case is checked.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AliasRef {
    pub entry: u32,
    /// Index into the entry's aliases; `u32::MAX` for the canonical name.
    pub alias: u32,
    /// Written without lower-case letters (an acronym such as "AS"): the text must match exactly.
    pub exact: bool,
}

/// The token trie.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    edges: Map,
    /// Per node, the offset of its aliases in `terms` (one more than the number of nodes).
    term_off: Vec<u32>,
    terms: Vec<AliasRef>,
    nodes: u32,
    /// Hashes of the first tokens of aliases that start with a lower-case letter or a
    /// non-word char ("al-Sisi", "detikcom"): only those lower-case tokens start a walk.
    lower_first: HashSet<u64, BuildHasherDefault<MixHasher>>,
    /// [`Index::lower_first`] as a 4,096-bit filter: most lower-case tokens are ruled out by
    /// one bit test, without a hash-set probe.
    lower_bits: HashBits<12>,
    /// The first tokens' hashes of all the aliases as a bit filter sized to their number
    /// announced (about 8 bits each, 4 Kib to 2 Mib): a token that starts no alias is ruled
    /// out by one bit test, before the trie's hash map is probed.
    first_bits: Vec<u64>,
    /// `first_bits.len() * 64 - 1` (a power of two less one).
    first_mask: u64,
}

/// A match of the index: tokens `first..=last`, and the alias.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IndexMatch {
    pub first: usize,
    pub last: usize,
    pub alias: AliasRef,
}

/// Builds an [`Index`].
pub(crate) struct IndexBuilder {
    edges: Map,
    nodes: u32,
    pending: Vec<(u32, AliasRef)>,
    lower_first: HashSet<u64, BuildHasherDefault<MixHasher>>,
    /// [`Index::first_bits`], sized for the number of aliases announced.
    first_bits: Vec<u64>,
    scratch: Vec<Token>,
}

impl IndexBuilder {
    pub fn with_capacity(aliases: usize) -> IndexBuilder {
        let mut edges = Map::default();
        edges.reserve(aliases + aliases / 2);
        IndexBuilder {
            edges,
            nodes: 1,
            pending: Vec::with_capacity(aliases),
            lower_first: HashSet::default(),
            first_bits: vec![0; (aliases * 8).next_power_of_two().clamp(1 << 12, 1 << 21) / 64],
            scratch: Vec::new(),
        }
    }

    /// Adds one alias. Returns false when it has no token or too many.
    pub fn add(&mut self, surface: &str, r: AliasRef) -> bool {
        let mut toks = std::mem::take(&mut self.scratch);
        tokenize_into(surface, &mut toks);
        let ok = !toks.is_empty() && toks.len() <= MAX_TOKENS;
        if ok {
            let first = toks[0];
            let h0 = token_hash(first.text(surface));
            if !(first.cap || first.upper || first.digit) {
                self.lower_first.insert(h0);
            }
            let mask = self.first_bits.len() as u64 * 64 - 1;
            let b = first_bit(h0) & mask;
            self.first_bits[(b / 64) as usize] |= 1 << (b % 64);
            let mut node = 0u32;
            for (i, t) in toks.iter().enumerate() {
                let key = edge_key(
                    node,
                    token_hash(t.text(surface)),
                    i > 0 && t.gap != Gap::None,
                );
                let next = self.nodes;
                let child = *self.edges.entry(key).or_insert(next);
                if child == next {
                    self.nodes += 1;
                }
                node = child;
            }
            let exact = surface.chars().any(char::is_alphabetic)
                && !surface.chars().any(char::is_lowercase);
            self.pending.push((node, AliasRef { exact, ..r }));
        }
        self.scratch = toks;
        ok
    }

    pub fn build(self) -> Index {
        // A counting sort by node (the nodes are dense): linear, and it keeps insertion
        // order among the aliases of one node, so earlier entries win.
        let n = self.nodes as usize;
        let mut term_off = vec![0u32; n + 1];
        for &(node, _) in &self.pending {
            term_off[node as usize + 1] += 1;
        }
        for k in 0..n {
            term_off[k + 1] += term_off[k];
        }
        let mut next: Vec<u32> = term_off[..n].to_vec();
        let placeholder = AliasRef {
            entry: 0,
            alias: 0,
            exact: false,
        };
        let mut terms = vec![placeholder; self.pending.len()];
        for &(node, r) in &self.pending {
            let slot = &mut next[node as usize];
            terms[*slot as usize] = r;
            *slot += 1;
        }
        let mut lower_bits = HashBits::default();
        for &h in &self.lower_first {
            lower_bits.insert(h);
        }
        let first_mask = self.first_bits.len() as u64 * 64 - 1;
        Index {
            edges: self.edges,
            term_off,
            terms,
            nodes: self.nodes,
            lower_first: self.lower_first,
            lower_bits,
            first_bits: self.first_bits,
            first_mask,
        }
    }
}

/// The bit number of a first token's hash in [`Index::first_bits`] (before masking): its top
/// bits, the best mixed ones.
#[inline]
fn first_bit(h: u64) -> u64 {
    h >> 40
}

impl Index {
    /// Heap bytes used, approximately.
    pub fn memory_usage(&self) -> usize {
        // hashbrown: (key, value) padded to 16 bytes plus one control byte per bucket.
        self.edges.capacity() * 17
            + self.lower_first.capacity() * 9
            + self.lower_bits.heap_bytes()
            + self.first_bits.capacity() * 8
            + self.term_off.capacity() * 4
            + self.terms.capacity() * std::mem::size_of::<AliasRef>()
    }

    /// Number of trie nodes.
    #[allow(dead_code)]
    pub fn node_count(&self) -> usize {
        self.nodes as usize
    }

    /// The test of the tokens that may start an alias ([`StartFilter::may_start`]).
    #[inline]
    pub fn start_filter(&self) -> StartFilter<'_> {
        StartFilter {
            bits: &self.first_bits,
            mask: self.first_mask,
            index: self,
        }
    }

    /// True when an alias starts with a token of hash `h` that is no capitalised word.
    #[inline]
    fn lower_start(&self, h: u64) -> bool {
        !self.lower_first.is_empty()
            && self.lower_bits.may_contain(h)
            && self.lower_first.contains(&h)
    }

    /// Leftmost-longest matches over `tokens` of `text`, non-overlapping, in order.
    /// `surface(alias)` gives an alias's text for the case check. `hashes` are the tokens'
    /// [`token_hash`]es when the caller has them (one per token), else empty.
    pub fn find<'s, F>(
        &self,
        text: &str,
        tokens: &[Token],
        hashes: &[u64],
        surface: F,
        out: &mut Vec<IndexMatch>,
    ) where
        F: Fn(AliasRef) -> &'s str,
    {
        if self.terms.is_empty() {
            return;
        }
        let computed: Vec<u64>;
        let hashes = if hashes.len() == tokens.len() {
            hashes
        } else {
            computed = tokens.iter().map(|t| token_hash(t.text(text))).collect();
            &computed
        };
        let filter = self.start_filter();
        let starts = (0..tokens.len().min(hashes.len()))
            .filter(|&k| filter.may_start(&tokens[k], hashes[k]))
            .map(|k| k as u32);
        self.find_from(text, tokens, hashes, starts, surface, out);
    }

    /// [`Index::find`] with the tokens' hashes (one per token) and the tokens that
    /// [`StartFilter::may_start`] an alias, in order (the caller found them in a pass of its own).
    pub fn find_from<'s, F, S>(
        &self,
        text: &str,
        tokens: &[Token],
        hashes: &[u64],
        starts: S,
        surface: F,
        out: &mut Vec<IndexMatch>,
    ) where
        F: Fn(AliasRef) -> &'s str,
        S: IntoIterator<Item = u32>,
    {
        if self.terms.is_empty() || hashes.len() != tokens.len() {
            return;
        }
        let mut scratch: Vec<Token> = Vec::new();
        // (Last token, and the node's aliases as a range of `terms`.)
        let mut cands: Vec<(usize, u32, u32)> = Vec::with_capacity(MAX_TOKENS);
        let n = tokens.len();
        // The first token not yet inside a match.
        let mut next = 0;
        for st in starts {
            let i = st as usize;
            if i < next || i >= n {
                continue;
            }
            cands.clear();
            let end = n.min(i + MAX_TOKENS);
            // The first token (no gap before it counts), then the next ones while the trie
            // goes on. (Plain indexes: the walk's few steps pay no iterator set-up.)
            let mut node = match self.edges.get(&edge_key(0, hashes[i], false)) {
                Some(&c) => c,
                None => continue,
            };
            let mut j = i;
            loop {
                let (a, b) = (
                    self.term_off[node as usize],
                    self.term_off[node as usize + 1],
                );
                if a < b {
                    cands.push((j, a, b));
                }
                j += 1;
                if j >= end {
                    break;
                }
                let gap = tokens[j].gap;
                if gap == Gap::Break {
                    break;
                }
                match self.edges.get(&edge_key(node, hashes[j], gap != Gap::None)) {
                    Some(&c) => node = c,
                    None => break,
                }
            }
            let mut found = None;
            for &(j, a, b) in cands.iter().rev() {
                let mut upper_hit = None;
                for r in &self.terms[a as usize..b as usize] {
                    match check_case(text, &tokens[i..=j], surface(*r), r.exact, &mut scratch) {
                        CaseFit::Exact => {
                            found = Some((j, *r));
                            break;
                        }
                        CaseFit::Upper if upper_hit.is_none() => upper_hit = Some((j, *r)),
                        _ => {}
                    }
                }
                if found.is_none() {
                    found = upper_hit;
                }
                if found.is_some() {
                    break;
                }
            }
            if let Some((j, r)) = found {
                out.push(IndexMatch {
                    first: i,
                    last: j,
                    alias: r,
                });
                next = j + 1;
            }
        }
    }
}

/// Tells the tokens that may start an alias of an [`Index`] ([`Index::find_from`] walks
/// only from those).
#[derive(Clone, Copy)]
pub(crate) struct StartFilter<'a> {
    bits: &'a [u64],
    mask: u64,
    index: &'a Index,
}

impl StartFilter<'_> {
    /// True when token `t`, of [`token_hash`] `h`, may start an alias: its hash passes the
    /// first-token filter, and it is a capitalised word or a digit, or another token that
    /// starts an alias written so.
    #[inline]
    pub fn may_start(&self, t: &Token, h: u64) -> bool {
        self.passes(h) && (t.cap || t.upper || t.digit || self.lower_start(h))
    }

    /// True when a token of [`token_hash`] `h` passes the first-token filter (one bit test).
    #[inline]
    pub fn passes(&self, h: u64) -> bool {
        let b = first_bit(h) & self.mask;
        self.bits
            .get((b / 64) as usize)
            .is_some_and(|&w| w & (1 << (b % 64)) != 0)
    }

    /// True when an alias starts with a token of hash `h` that is no capitalised word or
    /// number.
    #[inline]
    pub fn lower_start(&self, h: u64) -> bool {
        self.index.lower_start(h)
    }
}

/// How the text's tokens fit an alias's case ([`check_case`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseFit {
    No,
    Exact,
    Upper,
}

/// Checks the case policy of an alias against the text tokens it matched.
#[inline]
pub(crate) fn check_case(
    text: &str,
    toks: &[Token],
    surface: &str,
    exact: bool,
    scratch: &mut Vec<Token>,
) -> CaseFit {
    // Written exactly as the alias: the same tokens, each equal (the common case, tested
    // where the caller is).
    if let (Some(f), Some(l)) = (toks.first(), toks.last()) {
        if text.get(f.start..l.end) == Some(surface) {
            return CaseFit::Exact;
        }
    }
    check_case_tokens(text, toks, surface, exact, scratch)
}

/// [`check_case`] of text not written exactly as the alias: token by token (out of line).
#[inline(never)]
fn check_case_tokens(
    text: &str,
    toks: &[Token],
    surface: &str,
    exact: bool,
    scratch: &mut Vec<Token>,
) -> CaseFit {
    tokenize_into(surface, scratch);
    if scratch.len() != toks.len() {
        return CaseFit::No;
    }
    let mut all_exact = true;
    let mut all_upper = !exact;
    for (t, a) in toks.iter().zip(scratch.iter()) {
        let ts = t.text(text);
        let as_ = a.text(surface);
        let e = eq_exact(ts, as_) || (!exact && a.lower && eq_title(ts, as_));
        if !e {
            all_exact = false;
        }
        if all_upper {
            let has_letters = ts.chars().any(char::is_alphabetic);
            let u = if has_letters {
                t.upper && eq_upper(ts, as_)
            } else {
                eq_exact(ts, as_)
            };
            if !u {
                all_upper = false;
            }
        }
        if !all_exact && !all_upper {
            return CaseFit::No;
        }
    }
    if all_exact {
        CaseFit::Exact
    } else if all_upper && toks.iter().any(|t| t.upper) {
        CaseFit::Upper
    } else {
        CaseFit::No
    }
}
