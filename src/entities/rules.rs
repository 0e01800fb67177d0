//! The recognizer's steps: gazetteer matches, names found by rules, linking, referents.
//!
//! Every step walks the tokens once, looking back or ahead by a bounded window, so the time
//! is linear in the text.

use super::data::{LanguageData, Opt, WordList as W, CLASS_FIRST, CLASS_LAST};
use crate::document::{
    Entity, EntityKind, EntitySource, EntryField, Referent, Sentence, SharedStr, Tokens,
};
use crate::gazetteer::token::{
    char_class, class_at, token_hash, tokenize_hashed, C_FOLD, C_LOWER, C_SPACE, C_UPPER,
};
use crate::gazetteer::{
    check_case, CaseFit, FxHasher, Gap, Gazetteer, RawMatch, Token, MAX_TOKENS,
};
use crate::Span;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The words of `s` joined by single spaces.
fn squeeze_spaces(s: &str) -> String {
    // Most names: ASCII words joined by single spaces, already squeezed.
    let b = s.as_bytes();
    if b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter()
            .all(|&c| c.is_ascii() && (c == b' ' || !(c as char).is_whitespace()))
        && !b.windows(2).any(|w| w == b"  ")
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A set of token hashes for one document: open addressing with linear probing in a table
/// at most half full (one multiply and usually one probe per operation), doubled as it fills;
/// reused from one document to the next without being cleared (a slot holds a hash of this
/// document only when it bears this document's stamp).
#[derive(Default)]
struct HashSet64 {
    /// (hash, stamp) per slot.
    slots: Vec<(u64, u32)>,
    /// `64 - log2(slots.len())`.
    shift: u32,
    /// Number of hashes held.
    len: usize,
    /// This document's stamp (never 0: a new slot's).
    stamp: u32,
}

impl HashSet64 {
    /// Empties the set and sizes it for about `n` hashes (it grows past them), reusing its
    /// table.
    fn reset(&mut self, n: usize) {
        let size = n.next_power_of_two().max(64);
        self.stamp = self.stamp.wrapping_add(1);
        if self.slots.len() < size || self.stamp == 0 {
            self.slots = vec![(0, 0); size.max(self.slots.len())];
            self.stamp = 1;
        }
        self.shift = 64 - self.slots.len().trailing_zeros();
        self.len = 0;
    }

    #[inline]
    fn slot(&self, h: u64) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Adds `h`.
    #[inline]
    fn insert(&mut self, h: u64) {
        self.insert_new(h);
    }

    /// Adds `h`; true when it was not in the set.
    #[inline]
    fn insert_new(&mut self, h: u64) -> bool {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.put(h)
    }

    /// Doubles the table.
    #[cold]
    fn grow(&mut self) {
        let size = self.slots.len().max(32) * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        self.shift = 64 - size.trailing_zeros();
        self.len = 0;
        for (x, st) in old {
            if st == self.stamp {
                self.put(x);
            }
        }
    }

    /// Adds `h` to a table with room; true when it was not in the set.
    #[inline]
    fn put(&mut self, h: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(h);
        loop {
            let x = &mut self.slots[i & mask];
            if x.1 != self.stamp {
                *x = (h, self.stamp);
                self.len += 1;
                return true;
            }
            if x.0 == h {
                return false;
            }
            i += 1;
        }
    }

    #[inline]
    fn contains(&self, h: u64) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(h);
        loop {
            let x = self.slots[i & mask];
            if x.1 != self.stamp {
                return false;
            }
            if x.0 == h {
                return true;
            }
            i += 1;
        }
    }
}

/// The last hash inserted per slot (a hash's top eight bits) in front of a [`HashSet64`]: a
/// hash inserted again while its slot still holds it skips the set's probe. (0 is an empty
/// slot: a hash of 0 always goes to the set.)
struct Recent([u64; 256]);

impl Recent {
    /// Adds `h` to `set`.
    #[inline]
    fn insert(&mut self, set: &mut HashSet64, h: u64) {
        let r = &mut self.0[(h >> 56) as usize];
        if *r != h || h == 0 {
            set.insert(h);
            *r = h;
        }
    }
}

/// The first value given for each 64-bit key of one document (finish's grouping: the first
/// mention of each gazetteer entry and of each written name): open addressing with linear
/// probing in a table at most half full, reused from one document to the next without being
/// cleared (a slot holds a key of this document only when it bears this document's stamp).
#[derive(Default)]
struct FirstSeen {
    /// (key, value, stamp) per slot.
    slots: Vec<(u64, u32, u32)>,
    /// `64 - log2(slots.len())`.
    shift: u32,
    /// Number of keys held.
    len: usize,
    /// This document's stamp (never 0: a new slot's).
    stamp: u32,
}

impl FirstSeen {
    /// Empties the map and sizes it for `n` keys (it grows past them).
    fn reset(&mut self, n: usize) {
        let size = (2 * n).next_power_of_two().max(64);
        self.stamp = self.stamp.wrapping_add(1);
        if self.slots.len() < size || self.stamp == 0 {
            self.slots = vec![(0, 0, 0); size.max(self.slots.len())];
            self.stamp = 1;
        }
        self.shift = 64 - self.slots.len().trailing_zeros();
        self.len = 0;
    }

    /// The value first given for `key`; `v` (kept) when `key` is new.
    #[inline]
    fn first(&mut self, key: u64, v: u32) -> u32 {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        loop {
            let slot = &mut self.slots[i & mask];
            if slot.2 != self.stamp {
                *slot = (key, v, self.stamp);
                self.len += 1;
                return v;
            }
            if slot.0 == key {
                return slot.1;
            }
            i += 1;
        }
    }

    /// Doubles the table.
    #[cold]
    fn grow(&mut self) {
        let size = self.slots.len().max(32) * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, 0, 0); size]);
        let stamp = self.stamp;
        self.shift = 64 - size.trailing_zeros();
        self.len = 0;
        for (k, v, st) in old {
            if st == stamp {
                self.first(k, v);
            }
        }
    }
}

/// A 64-bit hash of `squeeze_spaces(s)`, of its `to_lowercase()` when `lower`: the same for
/// the same resulting string; without allocating for ASCII text.
fn surface_key(s: &str, lower: bool) -> u64 {
    fn add(h: u64, b: u8) -> u64 {
        (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    }
    let mut h = 0x2545_f491_4f6c_dd1d_u64;
    let mut len = 0u64;
    if s.is_ascii() {
        let mut space = false;
        for &b in s.as_bytes() {
            if (b as char).is_whitespace() {
                space = true;
                continue;
            }
            if space && len > 0 {
                h = add(h, b' ');
                len += 1;
            }
            space = false;
            h = add(h, if lower { b.to_ascii_lowercase() } else { b });
            len += 1;
        }
    } else if lower && s.contains('Σ') {
        // (Its lower case depends on the chars around it: by the std function.)
        let t = squeeze_spaces(s).to_lowercase();
        for &b in t.as_bytes() {
            h = add(h, b);
        }
        len = t.len() as u64;
    } else {
        // As for ASCII, a char at a time: lowered only when it may change.
        let mut space = false;
        let mut buf = [0u8; 4];
        for c in s.chars() {
            let f = char_class(c);
            if f & C_SPACE != 0 {
                space = true;
                continue;
            }
            if space && len > 0 {
                h = add(h, b' ');
                len += 1;
            }
            space = false;
            if lower && f & C_FOLD != 0 {
                for l in c.to_lowercase() {
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        h = add(h, b);
                        len += 1;
                    }
                }
            } else {
                for &b in c.encode_utf8(&mut buf).as_bytes() {
                    h = add(h, b);
                    len += 1;
                }
            }
        }
    }
    add(h.rotate_left(7) ^ len, 0)
}

/// Whether `s.to_lowercase() == lower`, without allocating for ASCII `s`.
fn lower_eq(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len()
            && s.bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == lower
    }
}

/// How far back a title may stand before a name, in tokens.
const LOOKBACK: usize = 8;
/// At most this many roles and affiliations are kept per referent (bounds the work).
const MAX_ATTRS: usize = 16;
/// The longest name found by rules, in tokens.
const MAX_NAME: usize = 12;

/// The link pass's buffers ([`Ctx::link_pass`], [`Ctx::match_aliases`]).
#[derive(Default)]
struct LinkBufs {
    spans: Vec<(usize, usize)>,
    found: Vec<LinkMatch>,
    firsts: Vec<(u64, bool, bool)>,
    by_first: Vec<(u64, usize)>,
    cands: Vec<(usize, usize)>,
    scratch: Vec<Token>,
}

/// A match of the link pass: tokens `first..=last`, naming mention `entry`.
#[derive(Clone, Copy)]
struct LinkMatch {
    first: usize,
    last: usize,
    entry: usize,
}

#[derive(Clone, Copy, Debug)]
struct Mention {
    first: usize,
    last: usize,
    kind: EntityKind,
    source: EntitySource,
    entry: Option<u32>,
    alive: bool,
}

/// The recognizer's buffers for one document, kept per thread and reused from one document
/// to the next (taken at the start, cleared before use, given back at the end): no
/// allocation per document once they are large enough.
#[derive(Default)]
struct Scratch {
    /// The prologue's tables ([`Prologue`]), between documents.
    p: Prologue,
    /// The lexical pass's words of longer names, then the link pass's aliases.
    names_set: HashSet64,
    link: LinkBufs,
    gaz_starts: Vec<u32>,
    mentions: Vec<Mention>,
    unclassified: Vec<(usize, usize)>,
    caps: Vec<(u32, u32)>,
    sent_first: Vec<u32>,
    raw: Vec<RawMatch>,
    gflags: Vec<u8>,
    order: Vec<usize>,
    parent: Vec<usize>,
    pos_of: Vec<usize>,
    last_word: Vec<(u64, usize)>,
    nwords: Vec<usize>,
    group_ref: Vec<usize>,
    roots: Vec<usize>,
    group_size: Vec<usize>,
    best: Vec<(usize, usize)>,
    votes: Vec<[u32; 3]>,
    roles: Vec<(usize, usize)>,
    affs: Vec<usize>,
    /// Finish's first mention of each gazetteer entry and of each written name.
    first_of: FirstSeen,
    acr_group: FxMap<u64, usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Buffers of documents longer than this many tokens are not kept (a thread keeps at most a
/// few megabytes for the next document).
const MAX_KEPT_TOKENS: usize = 1 << 16;

impl Scratch {
    /// This thread's buffers (empty ones the first time).
    fn take() -> Scratch {
        SCRATCH
            .try_with(|c| c.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)).ok())
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Gives the buffers back to this thread.
    fn put(self) {
        if self.p.sent.capacity() > MAX_KEPT_TOKENS {
            return;
        }
        let _ = SCRATCH.try_with(|c| {
            if let Ok(mut s) = c.try_borrow_mut() {
                *s = self;
            }
        });
    }
}

/// `v` taken, emptied.
#[inline]
fn emptied<T>(v: &mut Vec<T>) -> Vec<T> {
    let mut v = std::mem::take(v);
    v.clear();
    v
}

/// `v` made at least `n` long (new entries `x`; none removed).
#[inline]
fn at_least<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    if v.len() < n {
        v.resize(n, x);
    }
}

/// `v` taken, holding `n` copies of `x`.
#[inline]
fn filled<T: Clone>(v: &mut Vec<T>, n: usize, x: T) -> Vec<T> {
    let mut v = emptied(v);
    v.resize(n, x);
    v
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    hashes: &'a [u64],
    /// What the prologue found of the tokens.
    p: Prologue,
    mentions: Vec<Mention>,
    unclassified: Vec<(usize, usize)>,
    data: &'a LanguageData,
    gaz: &'a Arc<Gazetteer>,
    /// The other reusable buffers.
    spare: Scratch,
}

const NONE: u32 = u32::MAX;
/// Marks a token's classes as looked up.
const CLASS_KNOWN: u64 = 1 << 63;

pub(crate) fn recognize(
    text: &str,
    sentences: &[Sentence],
    gaz: &Arc<Gazetteer>,
    data: &LanguageData,
    rules: bool,
) -> (Vec<Entity>, Vec<Referent>, Tokens) {
    let (toks, hashes) = tokenize_hashed(text);
    let (entities, referents) = recognize_tokens(text, sentences, gaz, data, rules, &toks, &hashes);
    (entities, referents, (toks, hashes))
}

/// What the prologue ([`prologue`]) finds of a text's tokens, held by the [`Ctx`] (and by the
/// [`Scratch`] between documents, for their buffers).
#[derive(Default)]
struct Prologue {
    /// Per token, its sentence.
    sent: Vec<u32>,
    /// Per sentence, its first word (`u32::MAX`: none).
    first_word: Vec<u32>,
    /// Per sentence, whether it is a title-case line (a headline).
    headline: Vec<bool>,
    /// The hashes of the text's lower-case words.
    lowerset: HashSet64,
    /// Per token, its word lists ([`LanguageData::classes`] with [`CLASS_KNOWN`] set), or 0
    /// while not looked up yet.
    cls: Vec<Cell<u64>>,
    /// Capitalised words ([`Ctx::is_cap_word`]), in order: where the rule pass may start a run.
    cap_words: Vec<u32>,
    /// Capitalised words and numbers (capital, no lower-case letter, or a digit first), in
    /// order: where a name of the text may start.
    starters: Vec<u32>,
    /// Hyphens ("-", U+2010, U+2011, U+2013) touching the token before them, in order.
    hyphens: Vec<u32>,
    /// Opening parentheses, in order.
    parens: Vec<u32>,
    /// Per token, the mention covering it ([`NONE`]: none).
    covered: Vec<u32>,
}

/// The one pass over the tokens before the rules: each token's sentence, the
/// sentence-initial words, the headlines, the text's lower-case words, the capitalised words,
/// hyphens and parentheses, the tokens that may start a gazetteer match (left in
/// `s.gaz_starts`); the classes' cache and the coverage cleared. (Out of line: a function of
/// its own, apart from the rules' code.)
#[inline(never)]
fn prologue(
    text: &str,
    sentences: &[Sentence],
    gaz: &Arc<Gazetteer>,
    data: &LanguageData,
    toks: &[Token],
    hashes: &[u64],
    s: &mut Scratch,
) -> Prologue {
    let n = toks.len();
    // Sentence of each token, sentence-initial words, title-case (headline) sentences.
    // (Every entry of the first `n` is written in the pass below: the last document's values
    // are not cleared first, and the tables only grow, never filled again for a shorter
    // document; nothing reads them past the `n` tokens.)
    let mut sent = std::mem::take(&mut s.p.sent);
    at_least(&mut sent, n, 0u32);
    // The same for the classes' cache, cleared in the pass.
    let mut cls = std::mem::take(&mut s.p.cls);
    at_least(&mut cls, n, Cell::new(0));
    // The same for the coverage.
    let mut covered = std::mem::take(&mut s.p.covered);
    at_least(&mut covered, n, NONE);
    let mut si = 0usize;
    let mut seen_word = false;
    let nsent = sentences.len().max(1);
    // Per sentence: capitalised words, lower-case words, the first token.
    let mut caps = filled(&mut s.caps, nsent, (0u32, 0u32));
    let mut sent_first = filled(&mut s.sent_first, nsent, u32::MAX);
    let mut first_word = filled(&mut s.p.first_word, nsent, u32::MAX);
    let mut cap_words = emptied(&mut s.p.cap_words);
    let mut hyphens = emptied(&mut s.p.hyphens);
    let mut parens = emptied(&mut s.p.parens);
    let mut starters = emptied(&mut s.p.starters);
    // The tokens that may start a gazetteer match, found in this same pass.
    let mut gaz_starts = emptied(&mut s.gaz_starts);
    let gaz_filter = gaz.start_filter();
    let mut lowerset = std::mem::take(&mut s.p.lowerset);
    lowerset.reset(n / 2);
    let mut recent = Recent([0; 256]);
    let bytes = text.as_bytes();
    let mut sent_end = sentences.first().map_or(usize::MAX, |s| s.span.end);
    if toks[0].start < sent_end || sentences.len() <= 1 {
        sent_first[0] = 0;
    }
    // The current sentence's counts of capitalised and lower-case words (added to `caps`
    // when the sentence changes).
    let (mut ncap, mut nlow) = (0u32, 0u32);
    for (k, ((((t, sk), &h), ck), ck2)) in toks
        .iter()
        .zip(sent.iter_mut())
        .zip(hashes.iter())
        .zip(cls.iter())
        .zip(covered.iter_mut())
        .enumerate()
    {
        ck.set(0);
        *ck2 = NONE;
        if t.start >= sent_end {
            caps[si].0 += ncap;
            caps[si].1 += nlow;
            (ncap, nlow) = (0, 0);
            while si + 1 < sentences.len() && t.start >= sentences[si].span.end {
                si += 1;
                seen_word = false;
            }
            sent_end = if si + 1 < sentences.len() {
                sentences[si].span.end
            } else {
                usize::MAX
            };
            if sent_first[si] == u32::MAX {
                sent_first[si] = k as u32;
            }
        }
        *sk = si as u32;
        if gaz_filter.may_start(t, h) {
            gaz_starts.push(k as u32);
        }
        if t.word {
            if !seen_word {
                first_word[si] = k as u32;
                seen_word = true;
            }
            if t.cap || t.upper || t.digit {
                starters.push(k as u32);
            }
            if t.cap || t.upper {
                ncap += 1;
                if t.cap || !t.digit {
                    cap_words.push(k as u32);
                }
            } else if t.lower {
                // (Most lower-case words repeat a recent one: no set probe for those.)
                recent.insert(&mut lowerset, h);
                nlow += 1;
            }
        } else {
            match bytes[t.start] {
                b'(' => parens.push(k as u32),
                b'-' if t.gap == Gap::None => hyphens.push(k as u32),
                0xE2 if t.gap == Gap::None
                    && matches!(&text[t.start..t.end], "\u{2010}" | "\u{2011}" | "\u{2013}") =>
                {
                    hyphens.push(k as u32)
                }
                _ => {}
            }
        }
    }
    caps[si].0 += ncap;
    caps[si].1 += nlow;
    // A title-case line: a paragraph of one sentence, mostly capitalised words (lower-case
    // words that are not names, "di", "dan", do not count), and no full stop at its end (a
    // list of names in a sentence is no headline).
    let mut headline = emptied(&mut s.p.headline);
    headline.extend(caps.iter().enumerate().map(|(i, &(c, l))| {
        // (The count first: most sentences have fewer capitalised words.)
        if c < 3 {
            return false;
        }
        let alone = sentences.get(i).is_some_and(|st| {
            let p = sentences[..].get(i).map(|x| x.paragraph);
            let prev_same = i > 0 && sentences[i - 1].paragraph == st.paragraph;
            let next_same = sentences.get(i + 1).map(|x| x.paragraph) == p;
            !prev_same && !next_same && !text[st.trimmed].ends_with('.')
        }) || sentences.is_empty();
        if !alone {
            return false;
        }
        if l * 8 <= c {
            return true;
        }
        // Only here are the lower-case words looked up.
        let mut l = 0;
        let mut k = sent_first[i] as usize;
        while k < n && sent[k] as usize == i {
            let t = &toks[k];
            if t.word && !(t.cap || t.upper) && t.lower && !data.has_hash(W::NotNames, hashes[k]) {
                l += 1;
            }
            k += 1;
        }
        l * 8 <= c
    }));
    s.caps = caps;
    s.sent_first = sent_first;
    s.gaz_starts = gaz_starts;
    Prologue {
        sent,
        first_word,
        headline,
        lowerset,
        cls,
        cap_words,
        starters,
        hyphens,
        parens,
        covered,
    }
}

/// [`recognize`] of the text's tokens and their hashes.
fn recognize_tokens(
    text: &str,
    sentences: &[Sentence],
    gaz: &Arc<Gazetteer>,
    data: &LanguageData,
    rules: bool,
    toks: &[Token],
    hashes: &[u64],
) -> (Vec<Entity>, Vec<Referent>) {
    let n = toks.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut s = Scratch::take();
    let p = prologue(text, sentences, gaz, data, toks, hashes, &mut s);
    let mut cx = Ctx {
        text,
        toks,
        hashes,
        p,
        mentions: emptied(&mut s.mentions),
        unclassified: emptied(&mut s.unclassified),
        data,
        gaz,
        spare: Scratch::default(),
    };
    // 1. Gazetteer.
    cx.gazetteer_pass(rules, &mut s);
    cx.spare = s;
    if rules {
        cx.merge_region_compounds();
        cx.merge_ticker_compounds();
        // 2. Rules.
        cx.rule_pass();
        cx.coordination_pass();
        cx.lexical_pass();
        // 3. Links: acronyms defined in the text, later and earlier short forms.
        cx.link_pass();
        if data.option(Opt::PlacesAsDemonyms) {
            cx.modifier_place_pass();
        }
    }
    cx.finish()
}

impl<'a> Ctx<'a> {
    /// The gazetteer's matches, found from the tokens the prologue noted, made mentions (a
    /// one-word name that the text also writes in lower case or that stands next to an unknown
    /// name word is left to the rules). (Out of line: apart from the rules' code.)
    #[inline(never)]
    fn gazetteer_pass(&mut self, rules: bool, s: &mut Scratch) {
        let n = self.toks.len();
        let mut raw = emptied(&mut s.raw);
        self.gaz
            .find_tokens_from(self.text, self.toks, self.hashes, &s.gaz_starts, &mut raw);
        // Per token: inside a match ([`IN_RAW`]), a one-word match of a town or smaller place
        // ([`MINOR_TOWN`]), the end of a match of an organization ([`ORG_END`]).
        const IN_RAW: u8 = 1;
        const MINOR_TOWN: u8 = 2;
        const ORG_END: u8 = 4;
        let mut gflags = filled(&mut s.gflags, n, 0u8);
        for m in &raw {
            if self
                .gaz
                .entry(m.alias.entry as usize)
                .is_some_and(|e| e.kind == EntityKind::Organization)
            {
                gflags[m.last] |= ORG_END;
            }
            for c in &mut gflags[m.first..=m.last] {
                *c |= IN_RAW;
            }
            if m.first == m.last {
                let town = self.gaz.entry(m.alias.entry as usize).is_some_and(|e| {
                    e.kind == EntityKind::Place
                        && !matches!(
                            e.entity_type.as_deref(),
                            Some("country" | "state" | "province" | "continent")
                        )
                });
                if town {
                    gflags[m.first] |= MINOR_TOWN;
                } else {
                    gflags[m.first] &= !MINOR_TOWN;
                }
            }
        }
        let in_raw = |k: usize| gflags[k] & IN_RAW != 0;
        let minor_town = |k: usize| gflags[k] & MINOR_TOWN != 0;
        let org_end = |k: usize| gflags[k] & ORG_END != 0;
        for m in &raw {
            let entry = self.gaz.entry(m.alias.entry as usize);
            let kind = entry.map_or(EntityKind::Organization, |e| e.kind);
            // A one-word alias that this very text also writes in lower case ("Bank", "Orang",
            // "Rumah"), or that is a function word, is a common word here, not a name; countries
            // and provinces keep their names.
            if rules && m.first == m.last && !self.toks[m.first].upper {
                let major = entry
                    .and_then(|e| e.entity_type.as_deref())
                    .is_some_and(|t| matches!(t, "country" | "state" | "province" | "continent"));
                // "Justin Timberlake", "Bukayo Saka", "Aris Maulana": a town's name next to
                // an unknown capitalised word is part of one longer name; "Bank Mega": after
                // an organization's head, it is part of the organization's name.
                let k = m.first;
                // Two towns' names in a row without a comma are one person's name: "Aprilia Maharani".
                let name_word = |j: usize| {
                    (!in_raw(j) || minor_town(j))
                        && !self.p.headline[self.p.sent[j] as usize]
                        && self.is_cap_word(j)
                        && self.same_sent(j, k)
                        && !self.common(j)
                        && !self.has(W::NotNames, j)
                        && !self.has(W::Titles, j)
                        && !self.has(W::Honorifics, j)
                        && !self.has(W::PlaceHeads, j)
                        && !self.is_reporting(j)
                };
                // "Lestari Widodo": a one-word alias of someone with a longer name, next to an
                // unknown name word, is another person's surname.
                let surname_alias =
                    kind == EntityKind::Person && entry.is_some_and(|e| two_words(&e.name));
                // "Aprilia Maharani", "Chelsea Islan": a one-word organization's name that is
                // also a given name, before an unknown name word, is a person's given name.
                let given_org = kind == EntityKind::Organization
                    && self.has(W::GivenNames, k)
                    && k + 1 < self.toks.len()
                    && self.toks[k + 1].gap == Gap::Space
                    && name_word(k + 1)
                    && !(k > 0 && self.toks[k].gap == Gap::Space && name_word(k - 1));
                // "Bupati Banyumas Achmad", "KPU Indramayu Nurhadi", "Dinas Kesehatan
                // Banyuwangi Widji": a town after a title, its complement or a known body is
                // where the person serves, not the start of the person's name.
                // "SAR Semarang", "DPMPPT Sleman": an acronym is no given name.
                let acronym = |j: usize| {
                    let t = &self.toks[j];
                    t.word && t.upper && !t.digit && t.end - t.start >= 2
                };
                let affiliation_before = |k: usize| {
                    k > 0
                        && self.same_sent(k - 1, k)
                        && self.toks[k].gap == Gap::Space
                        && (org_end(k - 1)
                            || self.phrase_ending(W::Titles, k - 1) > 0
                            || self.phrase_ending(W::TitleComplements, k - 1) > 0
                            || acronym(k - 1))
                };
                let after_given = given_org
                    || (kind == EntityKind::Place || surname_alias)
                        && ((k > 0
                            && self.toks[k].gap == Gap::Space
                            && ((name_word(k - 1) && !acronym(k - 1))
                                || (!in_raw(k - 1) && self.has(W::OrgHeads, k - 1)))
                            && (!self.is_initial(k - 1) || self.has(W::GivenNames, k - 1)))
                            || (k + 1 < self.toks.len()
                                && self.toks[k + 1].gap == Gap::Space
                                && name_word(k + 1)
                                && !affiliation_before(k)));
                if !major
                    && (after_given
                        || self.common(m.first)
                        || self.has(W::NotNames, m.first)
                        || self.has(W::OrgHeads, m.first))
                {
                    continue;
                }
            }
            // "Pak Jokowi", "Ir. H. Joko Widodo": forms of address are not part of the mention.
            let mut first = m.first;
            if kind == EntityKind::Person {
                while first < m.last {
                    let l = self.phrase_at(W::Honorifics, first, m.last);
                    if l == 0 || first + l > m.last {
                        break;
                    }
                    first += l;
                    if first < m.last && self.is_punct(first, ".") {
                        first += 1;
                    }
                }
            }
            self.push(
                first,
                m.last,
                kind,
                EntitySource::Gazetteer,
                Some(m.alias.entry),
            );
        }
        s.raw = raw;
        s.gflags = gflags;
    }

    fn push(
        &mut self,
        first: usize,
        last: usize,
        kind: EntityKind,
        source: EntitySource,
        entry: Option<u32>,
    ) -> usize {
        let id = self.mentions.len();
        for c in &mut self.p.covered[first..=last] {
            *c = id as u32;
        }
        self.mentions.push(Mention {
            first,
            last,
            kind,
            source,
            entry,
            alive: true,
        });
        id
    }

    fn remove(&mut self, id: usize) {
        let (a, b) = (self.mentions[id].first, self.mentions[id].last);
        for c in &mut self.p.covered[a..=b] {
            if *c == id as u32 {
                *c = NONE;
            }
        }
        self.mentions[id].alive = false;
    }

    #[inline(always)]
    fn t(&self, k: usize) -> &str {
        self.toks[k].text(self.text)
    }

    /// Whether token `k` is the first word of its sentence.
    #[inline(always)]
    fn is_initial(&self, k: usize) -> bool {
        self.p.first_word[self.p.sent[k] as usize] == k as u32
    }

    #[inline]
    fn is_cap_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.word && (t.cap || (t.upper && !t.digit))
    }

    /// The word lists of token `k` (see [`LanguageData::classes`]), looked up once.
    #[inline]
    fn cls(&self, k: usize) -> u64 {
        let c = self.p.cls[k].get();
        if c != 0 {
            return c;
        }
        let c = self.data.classes(self.hashes[k]) | CLASS_KNOWN;
        self.p.cls[k].set(c);
        c
    }

    #[inline]
    fn has(&self, l: W, k: usize) -> bool {
        self.cls(k) >> l.index() & 1 != 0
    }

    /// The longest phrase of `list` starting at token `k` and ending at token `b` at the
    /// latest: its length in tokens.
    #[inline]
    fn phrase_at(&self, list: W, k: usize, b: usize) -> usize {
        let b = b.min(self.toks.len() - 1);
        if k > b {
            return 0;
        }
        let c = self.cls(k);
        if c >> (CLASS_FIRST + list.index()) & 1 != 0 {
            return self.data.phrase_at(list, &self.hashes[..=b], k);
        }
        (c >> list.index() & 1) as usize
    }

    /// The longest phrase of `list` ending at token `j`: its length in tokens.
    #[inline]
    fn phrase_ending(&self, list: W, j: usize) -> usize {
        if j >= self.toks.len() {
            return 0;
        }
        let c = self.cls(j);
        if c & CLASS_LAST != 0 {
            return self.data.phrase_ending(list, self.hashes, j);
        }
        (c >> list.index() & 1) as usize
    }

    #[inline]
    fn common(&self, k: usize) -> bool {
        self.p.lowerset.contains(self.hashes[k])
    }

    fn same_sent(&self, a: usize, b: usize) -> bool {
        self.p.sent[a] == self.p.sent[b]
    }

    #[inline(always)]
    fn is_punct(&self, k: usize, s: &str) -> bool {
        let t = &self.toks[k];
        !t.word && self.text.as_bytes().get(t.start..t.end) == Some(s.as_bytes())
    }

    fn is_reporting(&self, k: usize) -> bool {
        self.has(W::ReportingBefore, k) || self.has(W::ReportingAfter, k)
    }

    /// "Asia-Pasifik", "Indo-Pasifik": two places joined by a hyphen, one of them a continent,
    /// region or sea, name one region.
    fn merge_region_compounds(&mut self) {
        let n = self.toks.len();
        // The next token that may join two places (past a merged compound).
        let mut from = 1;
        for x in 0..self.p.hyphens.len() {
            let k = self.p.hyphens[x] as usize;
            if k < from || k + 1 >= n {
                continue;
            }
            let (a, b) = (self.p.covered[k - 1], self.p.covered[k + 1]);
            if a != NONE
                && b != NONE
                && a != b
                && matches!(self.t(k), "-" | "\u{2010}" | "\u{2011}" | "\u{2013}")
                && self.toks[k].gap == Gap::None
                && self.toks[k + 1].gap == Gap::None
                && self.mentions[a as usize].last == k - 1
                && self.mentions[b as usize].first == k + 1
            {
                let region = |m: &Mention| {
                    m.kind == EntityKind::Place
                        && m.entry
                            .and_then(|e| self.gaz.entry(e as usize))
                            .and_then(|e| e.entity_type.as_deref())
                            .is_some_and(|t| matches!(t, "continent" | "region" | "sea"))
                };
                let (ma, mb) = (&self.mentions[a as usize], &self.mentions[b as usize]);
                let both_places = ma.kind == EntityKind::Place && mb.kind == EntityKind::Place;
                if both_places && (region(ma) || region(mb)) {
                    let (first, last) = (ma.first, mb.last);
                    self.remove(a as usize);
                    self.remove(b as usize);
                    self.push(first, last, EntityKind::Place, EntitySource::Rule, None);
                    from = last + 1;
                }
            }
        }
    }

    /// "TNK-BP": acronyms joined by hyphens, none of them a known place and at most one a
    /// known name, are one organization (a joint venture's or a company's ticker-like name).
    fn merge_ticker_compounds(&mut self) {
        let n = self.toks.len();
        let acr = |cx: &Ctx, k: usize| {
            let t = &cx.toks[k];
            t.word
                && t.upper
                && !t.digit
                && t.end - t.start <= 6
                && !cx.has(W::NotNames, k)
                && !cx.p.headline[cx.p.sent[k] as usize]
        };
        let hyphen = |cx: &Ctx, k: usize| {
            matches!(cx.t(k), "-" | "\u{2010}" | "\u{2011}")
                && cx.toks[k].gap == Gap::None
                && k + 1 < n
                && cx.toks[k + 1].gap == Gap::None
        };
        // A compound starts with an acronym right before a hyphen: the next start allowed.
        let mut from = 0;
        for x in 0..self.p.hyphens.len() {
            let h = self.p.hyphens[x] as usize;
            if h == 0 || h - 1 < from {
                continue;
            }
            let i = h - 1;
            let t = &self.toks[i];
            let starts = t.word && t.upper && !t.digit && acr(self, i);
            if !starts || (i > 0 && t.gap == Gap::None) {
                continue;
            }
            let mut j = i;
            while j + 2 < n && hyphen(self, j + 1) && acr(self, j + 2) && j + 2 - i < 8 {
                j += 2;
            }
            // Not glued to more text on the right ("TNK-BP's" is fine: the apostrophe stops).
            let glued = j + 1 < n && self.toks[j + 1].gap == Gap::None && self.toks[j + 1].word;
            if j == i || glued || (i..=j).all(|k| self.toks[k].end - self.toks[k].start < 2) {
                from = j + 1;
                continue;
            }
            // Mentions over the parts: each must lie inside the compound, none a place,
            // at most one.
            let mut ms: Vec<u32> = Vec::new();
            let mut ok = true;
            for k in (i..=j).step_by(2) {
                let m = self.p.covered[k];
                if m == NONE {
                    continue;
                }
                let mm = &self.mentions[m as usize];
                if mm.first < i || mm.last > j || mm.kind == EntityKind::Place {
                    ok = false;
                }
                if !ms.contains(&m) {
                    ms.push(m);
                }
            }
            if ok && ms.len() <= 1 {
                for m in ms {
                    self.remove(m as usize);
                }
                self.push(i, j, EntityKind::Organization, EntitySource::Rule, None);
            }
            from = j + 1;
        }
    }

    fn rule_pass(&mut self) {
        // The next token a run may start at (past the run classified last).
        let mut from = 0;
        for x in 0..self.p.cap_words.len() {
            let i = self.p.cap_words[x] as usize;
            if i < from || self.p.covered[i] != NONE || self.is_reporting(i) {
                continue;
            }
            let j = self.extend_run(i);
            self.classify(i, j);
            from = j + 1;
        }
    }

    /// The last token of the run of capitalised words starting at `i`.
    fn extend_run(&self, i: usize) -> usize {
        let n = self.toks.len();
        // The common case first: a lower-case word next, and no capitalised word after it
        // (only a particle or connector between two capitalised words joins them).
        if let Some(next) = self.toks.get(i + 1) {
            if next.word && next.lower && (i + 2 >= n || !self.is_cap_word(i + 2)) {
                return i;
            }
        }
        let mut j = i;
        while j + 1 < n && j + 1 - i < MAX_NAME * 2 {
            let k = j + 1;
            let tk = self.toks[k];
            if self.p.covered[k] != NONE || tk.gap == Gap::Break || !self.same_sent(i, k) {
                break;
            }
            if tk.word && tk.gap == Gap::Space && self.is_cap_word(k) && !self.is_reporting(k) {
                j = k;
                continue;
            }
            let next_ok = |m: usize| m < n && self.p.covered[m] == NONE && self.same_sent(i, m);
            if !tk.word
                && tk.gap == Gap::None
                && next_ok(k + 1)
                && self.toks[k + 1].gap == Gap::None
            {
                let s = self.t(k);
                let nx = self.toks[k + 1];
                let hyphen = matches!(s, "-" | "\u{2010}" | "\u{2011}" | "\u{2013}");
                let apos = matches!(s, "'" | "\u{2019}");
                if nx.word
                    && ((hyphen && (nx.cap || nx.upper || nx.end - nx.start <= 3))
                        || (apos && nx.cap))
                {
                    j = k + 1;
                    continue;
                }
                // An initial: "J. Smith", "H.M. Prasetyo".
                let tj = self.toks[j];
                if s == "."
                    && tj.word
                    && tj.upper
                    && tj.end - tj.start == 1
                    && self.is_cap_word(k + 1)
                {
                    j = k + 1;
                    continue;
                }
            }
            if !tk.word && tk.gap == Gap::None && self.is_punct(k, ".") {
                let tj = self.toks[j];
                if tj.word
                    && tj.upper
                    && tj.end - tj.start == 1
                    && next_ok(k + 1)
                    && self.is_cap_word(k + 1)
                    && self.toks[k + 1].gap == Gap::Space
                {
                    j = k + 1;
                    continue;
                }
            }
            let joiner = (tk.word && tk.lower) || self.is_punct(k, "&");
            // The word lists last: the checks of the token's neighbours are cheaper.
            if joiner
                && tk.gap == Gap::Space
                && next_ok(k + 1)
                && self.is_cap_word(k + 1)
                && self.toks[k + 1].gap == Gap::Space
                && (self.has(W::NameParticles, k) || self.has(W::Connectors, k))
                && !self.is_reporting(k + 1)
            {
                j = k + 1;
                continue;
            }
            break;
        }
        j
    }

    fn words(&self, a: usize, b: usize) -> usize {
        (a..=b).filter(|&k| self.toks[k].word).count()
    }

    /// Classifies the run `a..=b` of capitalised words.
    #[inline]
    fn classify(&mut self, a: usize, b: usize) {
        if a > b || (a == b && fast_paths() && self.settle_single(a)) {
            return;
        }
        self.classify_rules(a, b);
    }

    /// Settles the one-word run `a` at once when no rule can use it (see
    /// [`Ctx::not_name_single`], [`Ctx::plain_single`]): true when done. (A small function
    /// of its own: the many one-word runs do not pay for the frame of
    /// [`Ctx::classify_rules`].)
    #[inline(never)]
    fn settle_single(&mut self, a: usize) -> bool {
        if self.not_name_single(a) {
            return true;
        }
        if !self.plain_single(a) {
            return false;
        }
        // What the rules conclude for such a word: a common word opening the sentence is
        // passed over; a word in capitals after a number is a unit, else inside a
        // sentence, no common word and not quoted, an acronym names an organization where
        // the language says so; a word in camel case names an organization; any other is
        // left unclassified.
        if self.is_initial(a) && self.common(a) {
            return true;
        }
        let t = self.toks[a];
        if t.upper {
            if !self.unit_after_number(a)
                && !self.is_initial(a)
                && !self.common(a)
                && !self.quoted(a, a)
                && self.is_acronym(a)
                && self.data.option(Opt::AcronymsAreOrganizations)
            {
                self.push(a, a, EntityKind::Organization, EntitySource::Rule, None);
                return true;
            }
        } else if is_camel(self.t(a)) {
            self.push(a, a, EntityKind::Organization, EntitySource::Rule, None);
            return true;
        }
        self.unclassified.push((a, a));
        true
    }

    /// [`Ctx::classify`] by the rules, one after the other.
    #[inline(never)]
    fn classify_rules(&mut self, a: usize, b: usize) {
        // A dateline: "YAOUNDE, Cameroon (Reuters) -", "JAKARTA -" at a paragraph start.
        if (a == 0 || self.toks[a].gap == Gap::Break)
            && (a..=b).all(|k| !self.toks[k].word || self.toks[k].upper)
            && b + 1 < self.toks.len()
            && matches!(self.t(b + 1), "," | "(" | "-" | "\u{2013}" | "\u{2014}")
            && self.words(a, b) <= 4
            && !(a..=b).any(|k| self.has(W::NotNames, k))
        {
            self.push(a, b, EntityKind::Place, EntitySource::Rule, None);
            return;
        }
        let headline = self.p.headline[self.p.sent[a] as usize];
        if !headline && self.data.option(Opt::OrgNamesExtend) && self.org_part(a, b) {
            return;
        }
        if !headline {
            // "Menteri Perumahan Rakyat": a head inside a title's complement names no body.
            let chain = self.title_chain_end(a, b);
            // Organization and place heads anywhere in the run: "Politikus Partai Demokrat".
            for p in a..=b {
                if !self.toks[p].word
                    || (p > a && self.toks[p].gap != Gap::Space)
                    || (p < chain && p > a)
                {
                    continue;
                }
                // (No head of either list starts here: both look-ups answer 0.)
                if self.cls(p) & starts_of(&[W::OrgHeads, W::PlaceHeads]) == 0 {
                    continue;
                }
                for (list, kind) in [
                    (W::OrgHeads, EntityKind::Organization),
                    (W::PlaceHeads, EntityKind::Place),
                ] {
                    let len = self.phrase_at(list, p, b);
                    if len == 0 || !self.toks[p].cap {
                        continue;
                    }
                    let head_end = p + len - 1;
                    let mut end = b;
                    // The last token of a known place absorbed into the name, if any.
                    let mut place_end = None;
                    // Absorb a known place right after: "Universitas Indonesia", "Kementerian Pertahanan Rusia".
                    if kind == EntityKind::Organization && b + 1 < self.toks.len() {
                        let m = self.p.covered[b + 1];
                        if m != NONE && self.toks[b + 1].gap == Gap::Space {
                            let mm = &self.mentions[m as usize];
                            if mm.kind == EntityKind::Place
                                && mm.first == b + 1
                                && mm.last - mm.first < 4
                            {
                                end = mm.last;
                                place_end = Some(end);
                                self.remove(m as usize);
                                // ... and the words after it: "PT Indonesia Transport Tbk".
                                let k = end + 1;
                                if k < self.toks.len()
                                    && self.p.covered[k] == NONE
                                    && self.is_cap_word(k)
                                    && self.toks[k].gap == Gap::Space
                                    && self.same_sent(end, k)
                                    && !self.is_reporting(k)
                                {
                                    end = self.extend_run(k);
                                }
                            }
                        }
                    }
                    // A place's head right before a known name: "Kota Bandung" is Bandung,
                    // "Gedung DPR" and "Jalan Sudirman" are places of their own.
                    if kind == EntityKind::Place && end == head_end && b + 1 < self.toks.len() {
                        let m = self.p.covered[b + 1];
                        if m != NONE && self.toks[b + 1].gap == Gap::Space {
                            let mm = self.mentions[m as usize];
                            if mm.first == b + 1 && mm.last - mm.first < 4 {
                                if p > a {
                                    self.classify(a, p - 1);
                                }
                                self.remove(m as usize);
                                if mm.kind == EntityKind::Place {
                                    self.push(p, mm.last, EntityKind::Place, mm.source, mm.entry);
                                } else {
                                    self.push(
                                        p,
                                        mm.last,
                                        EntityKind::Place,
                                        EntitySource::Rule,
                                        None,
                                    );
                                }
                                return;
                            }
                        }
                    }
                    if end <= head_end {
                        continue; // the head alone is not a name
                    }
                    let end = self.trim_tail(head_end + 1, end);
                    if end <= head_end {
                        continue;
                    }
                    // "International Federation of ...": a head ending in "of"/"for" may have
                    // name words before it.
                    let mut p = p;
                    if len >= 2
                        && self.has(W::Connectors, head_end)
                        && kind == EntityKind::Organization
                    {
                        while p > a
                            && self.toks[p - 1].word
                            && self.toks[p - 1].cap
                            && !self.has(W::NotNames, p - 1)
                            && !self.has(W::Titles, p - 1)
                            && !self.common(p - 1)
                        {
                            p -= 1;
                        }
                    }
                    if p > a {
                        self.classify(a, p - 1);
                    }
                    // "Bank Mega Syariah Eva Dahlia Kusumawati": a person after the name.
                    let titled = chain > a || self.has_title_before(a);
                    if let Some((k, s)) = self.person_after_org(head_end, end, place_end, titled) {
                        self.push(p, k - 1, kind, EntitySource::Rule, None);
                        if s <= end {
                            self.push(s, end, EntityKind::Person, EntitySource::Rule, None);
                        }
                        return;
                    }
                    self.push(p, end, kind, EntitySource::Rule, None);
                    if end < b {
                        self.classify(end + 1, b);
                    }
                    return;
                }
            }
            // "Procter & Gamble", "Marks & Spencer": names joined by "&" name a company.
            if let Some(k) = (a + 1..b).find(|&k| self.is_punct(k, "&")) {
                let mut s0 = a;
                while s0 < k && (self.has(W::NotNames, s0) || !self.toks[s0].word) {
                    s0 += 1;
                }
                if s0 < k && self.toks[s0].cap && self.toks[b].cap {
                    self.push(s0, b, EntityKind::Organization, EntitySource::Rule, None);
                    return;
                }
            }
            // A sentence may open with a capitalised cue: "Miner Highland Gold said ...",
            // "Carmaker Fiat ...": the name after it is an organization's.
            if self.is_initial(a) {
                let l = self.phrase_at(W::OrgCues, a, b);
                let s0 = a + l;
                if l > 0
                    && s0 <= b
                    && self.toks[s0].word
                    && self.toks[s0].cap
                    && self.toks[s0].gap == Gap::Space
                    && !(s0..=b).any(|k| {
                        self.has(W::Titles, k)
                            || self.has(W::NotNames, k)
                            || self.has(W::Honorifics, k)
                    })
                {
                    let e = self.trim_tail(s0, b);
                    if e >= s0 && self.words(s0, e) <= 4 {
                        self.push(s0, e, EntityKind::Organization, EntitySource::Rule, None);
                        return;
                    }
                }
            }
            // "Hudson Institute Patrick Cronin", "Bank Central Asia Tbk Rully Setiawan": an
            // organization's tail inside the run ends its name; a person's name may follow.
            if let Some(t) = (a + 1..b).find(|&t| {
                self.toks[t].word
                    && self.toks[t].cap
                    && self.toks[t + 1].gap == Gap::Space
                    && self.phrase_ending(W::OrgTails, t) > 0
                    && self.name_words(t + 1, b)
                    && (self.has(W::GivenNames, t + 1)
                        || (self.words(t + 1, b) >= 2 && self.has(W::Surnames, b)))
            }) {
                self.classify(a, t);
                self.classify(t + 1, b);
                return;
            }
            // Tails: "Hudson Institute", "Freddie Mac Corp", "Jefferson County".
            // (Unless the last word ends a phrase of either list, both look-ups answer 0.)
            let tails = 1 << W::OrgTails.index() | 1 << W::PlaceTails.index() | CLASS_LAST;
            if self.cls(b) & tails != 0 {
                for (list, kind) in [
                    (W::OrgTails, EntityKind::Organization),
                    (W::PlaceTails, EntityKind::Place),
                ] {
                    let len = self.phrase_ending(list, b);
                    if len == 0 || b + 1 < a + len || !self.toks[b + 1 - len].cap {
                        continue;
                    }
                    let mut s = a;
                    while s <= b
                        && (self.has(W::NotNames, s) || self.has(W::Honorifics, s))
                        && !self.toks[s].upper
                    {
                        s += 1;
                    }
                    // "UK Film Council", "Kasablanka Hall": a known place right before belongs
                    // to the name.
                    let mut absorbed = None;
                    if s == a && a > 0 && self.toks[a].gap == Gap::Space && !self.is_initial(a) {
                        let m = self.p.covered[a - 1];
                        if m != NONE {
                            let mm = &self.mentions[m as usize];
                            if mm.kind == EntityKind::Place
                                && mm.last - mm.first < 3
                                && self.same_sent(mm.first, a)
                            {
                                absorbed = Some(m as usize);
                            }
                        }
                    }
                    if s + len <= b || absorbed.is_some() {
                        if let Some(m) = absorbed {
                            s = self.mentions[m].first;
                            self.remove(m);
                        }
                        self.push(s, b, kind, EntitySource::Rule, None);
                        return;
                    }
                }
            }
            // A title, then "of"/"for"/"at", then a name: the body the person serves
            // ("deputy chairman of Highland Gold", "chief executive of Fiat").
            if a >= 2 && self.toks[a - 1].lower && self.has(W::OrgPreps, a - 1) {
                let l = self.phrase_ending(W::Titles, a - 2);
                if l > 0 && self.toks[a - 2].lower {
                    let e = self.trim_tail(a, b);
                    if e >= a && !self.has(W::NotNames, a) && !self.has(W::Titles, a) {
                        self.push(a, e, EntityKind::Organization, EntitySource::Rule, None);
                        return;
                    }
                }
            }
            // A lower-case cue before: "kantor berita Yonhap", "the carmaker Fiat".
            if a > 0 && self.toks[a - 1].lower {
                let l = self.phrase_ending(W::OrgCues, a - 1);
                if l > 0 && self.toks[a - l].lower {
                    let e = self.trim_tail(a, b);
                    if e >= a && !self.has(W::NotNames, a) && !self.has(W::Titles, a) {
                        self.push(a, e, EntityKind::Organization, EntitySource::Rule, None);
                        return;
                    }
                }
            }
        }
        self.classify_person(a, b, headline);
    }

    /// True when the one-word run `a` is a capitalised word of the not-names or titles list
    /// (one word) that is no one-word head or tail (nor a connector written in lower case,
    /// nor, in capitals, a title that is no not-name word): no rule of [`Ctx::classify`]
    /// finds anything there. Step by step: no dateline (it wants a run without not-name
    /// words, in capitals), no part of an organization (it wants no title or not-name
    /// word), no head (one word: the look-ups ending at `a` read only the one-word bits),
    /// no cue opening the sentence with a name after it, no tail of one word, no name after
    /// a preposition or a cue before it (it wants no title, and `trim_tail` drops a
    /// not-name word); then [`Ctx::classify_person`] strips the word as a title (its
    /// complements start after the run), a common phrase or a form of address, and finds
    /// nothing left.
    fn not_name_single(&self, a: usize) -> bool {
        let t = &self.toks[a];
        if !self.is_cap_word(a) {
            return false;
        }
        let c = self.cls(a);
        let not_name = c & singles(&[W::NotNames]) != 0;
        (not_name || c & singles(&[W::Titles]) != 0)
            && c & NOT_NAME_BLOCK == 0
            && (t.cap || c & singles(&[W::Connectors]) == 0)
            && (not_name || !t.upper)
    }

    /// True when the one-word run `a` (capitalised, in no title-case line, and, in capitals,
    /// not at a paragraph's start) is a word that starts and ends no phrase of the lists
    /// [`Ctx::classify`] reads of it (titles, heads, cues, tails, connectors, particles,
    /// not-names, forms of address, given names), after no mention and no capitalised word,
    /// no hyphen or full stop, no word ending a title, cue, form of address, reporting verb
    /// or preposition of the rules, and before no comma and no lower-case reporting verb.
    /// Then no rule of [`Ctx::classify`] and [`Ctx::classify_person`] can use it but the
    /// last ones, step by step:
    /// - no dateline (a word not in capitals, or not at a paragraph's start), no part of an
    ///   organization (no mention before), no title chain, head, cue or tail of its own
    ///   ([`PLAIN_WORD`]);
    /// - no preposition or cue before it (`OrgPreps`, `OrgCues`, `PlacePreps`,
    ///   `PersonCues`), no reporting verb or form of address before it, no title found
    ///   by [`Ctx::title_span_before`] (its first step meets a lower-case word that ends
    ///   no title, or punctuation other than "-", and stops) ([`PLAIN_BEFORE`]);
    /// - no reporting verb after it and no title after a comma ([`PLAIN_AFTER`]);
    /// - no given name and one word: no surname rule, no "Apoteker Noel Wicks" rule, and
    ///   the last rules push only names of two words or acronyms.
    ///
    /// What is left (in [`Ctx::classify`]): a common word opening the sentence is stripped
    /// (nothing found); a unit after a number, an acronym, a word in camel case; any other
    /// is an unclassified run.
    fn plain_single(&self, a: usize) -> bool {
        let t = &self.toks[a];
        if !t.word || !t.cap || self.p.headline[self.p.sent[a] as usize] {
            return false;
        }
        // (A word in capitals at a paragraph's start may be a dateline.)
        if t.upper && (a == 0 || t.gap == Gap::Break) {
            return false;
        }
        if self.cls(a) & PLAIN_WORD != 0 {
            return false;
        }
        if a > 0 {
            let p = a - 1;
            if self.p.covered[p] != NONE {
                return false;
            }
            let tp = &self.toks[p];
            if tp.word {
                if tp.cap || self.cls(p) & PLAIN_BEFORE != 0 {
                    return false;
                }
            } else if self.t(p) == "." {
                // A form of address before the full stop: "Dr. Smith".
                if a >= 2
                    && self.toks[a - 2].word
                    && self.same_sent(a - 2, a)
                    && self.cls(a - 2) & PLAIN_BEFORE != 0
                {
                    return false;
                }
            } else if self.t(p) == "-" && tp.gap == Gap::None {
                return false;
            }
        }
        let q = a + 1;
        if q < self.toks.len() {
            let tq = &self.toks[q];
            if !tq.word && self.t(q) == "," {
                return false;
            }
            if tq.lower && self.cls(q) & PLAIN_AFTER != 0 {
                return false;
            }
        }
        true
    }

    /// "UBS Brunswick", "BBC Sport": one or two capitalised words right after an
    /// organization's name (no comma between) that are no common word, title, given name
    /// or reporting verb name a part of that organization. True when the run was taken.
    fn org_part(&mut self, a: usize, b: usize) -> bool {
        if a == 0 || self.toks[a].gap != Gap::Space || !self.same_sent(a - 1, a) {
            return false;
        }
        let m = self.p.covered[a - 1];
        if m == NONE {
            return false;
        }
        let mm = self.mentions[m as usize];
        if mm.kind != EntityKind::Organization || mm.last != a - 1 || mm.last - mm.first > 4 {
            return false;
        }
        let e = self.trim_tail(a, b);
        if e < a || e != b || self.words(a, e) > 2 {
            return false;
        }
        let plain = (a..=e).all(|k| {
            self.toks[k].word
                && self.toks[k].cap
                && !self.toks[k].upper
                && !self.common(k)
                && !self.has(W::GivenNames, k)
                && !self.has(W::Titles, k)
                && !self.has(W::NotNames, k)
                && !self.has(W::Honorifics, k)
                && !self.is_reporting(k)
        });
        if !plain {
            return false;
        }
        self.remove(m as usize);
        self.push(
            mm.first,
            e,
            EntityKind::Organization,
            EntitySource::Rule,
            None,
        );
        true
    }

    /// True when `s..=e` can be a person's name: one to six capitalised words that are
    /// no common word, title, place or organization word, and no mention yet.
    fn name_words(&self, s: usize, e: usize) -> bool {
        s <= e
            && self.toks[s].word
            && self.toks[e].word
            && (1..=6).contains(&self.words(s, e))
            && (s..=e).all(|x| {
                self.p.covered[x] == NONE
                    && (!self.toks[x].word
                        || (self.is_cap_word(x)
                            && !self.common(x)
                            && !self.has(W::NotNames, x)
                            && !self.has(W::Titles, x)
                            && !self.has(W::OrgHeads, x)
                            && !self.has(W::OrgTails, x)
                            && !self.has(W::PlaceHeads, x)
                            && !self.has(W::PlaceTails, x)))
            })
    }

    /// A person's name ending an organization's run `..=end` whose head ends at
    /// `head_end`: (first token after the organization, first token of the name; past
    /// `end` when the run ends with a title before a known person's name).
    /// "Polres Sleman Ajun Komisaris Budi Santoso": a rank or title inside the run ends
    /// the organization; "Unit Pengelola Monas M Isa Rahman", "PT Taman Wisata I Gusti
    /// Made Arsa": a single-letter initial before a given name starts the name; "Bank Mega
    /// Eva Dahlia Kusumawati": a given name starts it; "Kepala Dinas Kesehatan Kota Bekasi
    /// Enung Rahmat": after a title, the words after the place that ends the body's name
    /// are the person's.
    fn person_after_org(
        &self,
        head_end: usize,
        end: usize,
        place_end: Option<usize>,
        titled: bool,
    ) -> Option<(usize, usize)> {
        let after_place = |k: usize| place_end.map_or(true, |pe| k > pe);
        for k in head_end + 2..=end {
            if !self.toks[k].word || self.toks[k].gap != Gap::Space || !after_place(k) {
                continue;
            }
            // A title inside the run.
            if self.toks[k].cap && self.phrase_at(W::Titles, k, end) > 0 {
                let s = self.title_chain_end(k, end);
                // "... Polres Sleman Ajun Komisaris" before a known person's name.
                let person_next = s > end && end + 1 < self.toks.len() && {
                    let m = self.p.covered[end + 1];
                    m != NONE
                        && self.toks[end + 1].gap == Gap::Space
                        && self.mentions[m as usize].kind == EntityKind::Person
                        && self.mentions[m as usize].first == end + 1
                };
                if person_next || (s <= end && self.name_words(s, end) && self.words(s, end) <= 4) {
                    return Some((k, s));
                }
                continue;
            }
            // A single-letter initial before a given name.
            let t = self.toks[k];
            if t.upper
                && t.end - t.start == 1
                && k < end
                && self.toks[k + 1].gap == Gap::Space
                && self.has(W::GivenNames, k + 1)
                && self.name_words(k + 1, end)
            {
                return Some((k, k));
            }
            if self.has(W::GivenNames, k)
                && (2..=5).contains(&self.words(k, end))
                && self.name_words(k, end)
            {
                return Some((k, k));
            }
            // "PT Bank Central Asia Tbk Rully Setiawan": the name follows the tail.
            if self.phrase_ending(W::OrgTails, k - 1) > 0
                && self.toks[k - 1].cap
                && (2..=4).contains(&self.words(k, end))
                && self.name_words(k, end)
            {
                return Some((k, k));
            }
        }
        // After a title, the name follows the place that ends the body's name.
        if let Some(pe) = place_end {
            let k = pe + 1;
            if titled
                && k <= end
                && self.toks[k].gap == Gap::Space
                && self.words(k, end) <= 4
                && self.name_words(k, end)
            {
                return Some((k, k));
            }
        }
        None
    }

    /// The first token after the titles and their complements that open `a..=b`
    /// ("Menteri Perumahan Rakyat", "Jaksa Agung Muda"); `a` when no title opens it.
    #[inline]
    fn title_chain_end(&self, a: usize, b: usize) -> usize {
        // (The common case here, where the callers are: no title at `a`.)
        let lt = self.phrase_at(W::Titles, a, b);
        if lt == 0 {
            return a;
        }
        self.title_chain_on(a + lt, b)
    }

    /// [`Ctx::title_chain_end`] past a first title ending before `s` (out of line).
    #[inline(never)]
    fn title_chain_on(&self, s: usize, b: usize) -> usize {
        let mut s = self.complements_end(s, b);
        loop {
            let lt = self.phrase_at(W::Titles, s, b);
            if lt == 0 {
                return s;
            }
            s += lt;
            s = self.complements_end(s, b);
        }
    }

    /// The first token after the title complements starting at `s`.
    fn complements_end(&self, mut s: usize, b: usize) -> usize {
        loop {
            let lc = self.phrase_at(W::TitleComplements, s, b);
            if lc == 0 {
                return s;
            }
            s += lc;
        }
    }

    /// Drops trailing words that are not names (days, months, function words).
    fn trim_tail(&self, a: usize, mut b: usize) -> usize {
        while b >= a && (!self.toks[b].word || self.has(W::NotNames, b)) {
            if b == 0 {
                return 0;
            }
            b -= 1;
        }
        b
    }

    fn classify_person(&mut self, a: usize, b: usize, headline: bool) {
        // "Return on Equity", "Olympiad on Mathematics": a foreign title, no person.
        if (a..=b).any(|k| self.toks[k].lower && self.has(W::ForeignConnectors, k)) {
            self.unclassified.push((a, b));
            return;
        }
        // Connectors join words of organizations only: "Prabowo dan Gibran" is two names.
        if let Some(k) = (a..=b).find(|&k| {
            self.has(W::Connectors, k) && !self.has(W::NameParticles, k) && !self.toks[k].cap
        }) {
            if k > a {
                self.classify_person(a, k - 1, headline);
            }
            // "Direktur Pemasaran dan Niaga": a title's complements joined by a connector.
            let mut r = k + 1;
            if k > a && self.title_chain_end(a, k - 1) == k {
                r = self.complements_end(r, b);
            }
            if r <= b {
                self.classify(r, b);
            }
            return;
        }
        let mut s = a;
        let mut titled = false;
        let mut honor = false;
        let mut lead_common = false;
        // Strip titles, honorifics, and words that are not names at the start.
        while s <= b {
            // (A word that starts no title, common phrase or form of address skips the
            // three look-ups.)
            if self.cls(s) & starts_of(&[W::Titles, W::NotNames, W::Honorifics]) != 0 {
                let lt = self.phrase_at(W::Titles, s, b);
                if lt > 0 {
                    s += lt;
                    titled = true;
                    // "Menteri Keuangan Sri Mulyani": the title's complement is no name.
                    loop {
                        let lc = self.phrase_at(W::TitleComplements, s, b);
                        if lc == 0 {
                            break;
                        }
                        s += lc;
                    }
                    continue;
                }
                // "Ibu Kota", "Merah Putih": a common phrase written with capitals.
                let ln = self.phrase_at(W::NotNames, s, b);
                if ln > 1 {
                    s += ln;
                    continue;
                }
                let lh = self.phrase_at(W::Honorifics, s, b);
                if lh > 0 {
                    s += lh;
                    if s <= b && self.is_punct(s, ".") {
                        s += 1;
                    }
                    honor = true;
                    continue;
                }
            }
            // "PT Bank Central Asia Tbk Rully Setiawan": the tail of the organization
            // named right before.
            let tail_of_org = s == a
                && s < b
                && a > 0
                && ((self.p.covered[a - 1] != NONE
                    && self.mentions[self.p.covered[a - 1] as usize].kind
                        == EntityKind::Organization)
                    || self.is_punct(a - 1, ")"))
                && self.toks[s].cap
                && self.has(W::OrgTails, s);
            if tail_of_org
                || !self.toks[s].word
                || self.has(W::NotNames, s)
                || ((self.is_initial(s) || titled) && self.common(s))
            {
                if self.toks[s].word && !self.is_initial(s) && !titled {
                    // "Perang Dunia II": a name that starts with a common word is no person.
                    lead_common = true;
                }
                s += 1;
                continue;
            }
            break;
        }
        if s > b {
            return;
        }
        // "Rektor Unesa Prof Nurhasan": a form of address inside the run starts the name;
        // the words before it name where the person serves.
        if let Some(h) = (s + 1..=b).find(|&h| {
            self.toks[h].word
                && self.toks[h].cap
                && self.toks[h].end - self.toks[h].start > 1
                && self.toks[h].gap == Gap::Space
                && self.phrase_at(W::Honorifics, h, b) > 0
        }) {
            let mut r = h + self.phrase_at(W::Honorifics, h, b);
            if r <= b && self.is_punct(r, ".") {
                r += 1;
            }
            if r <= b && self.name_words(r, b) {
                self.unclassified.push((s, h - 1));
                s = r;
                honor = true;
            }
        }
        // A title before the name (asked again below unless the name still starts here:
        // nothing changes in between).
        let title_at = (!titled).then(|| (s, self.has_title_before(s)));
        let served = titled || title_at.is_some_and(|(_, t)| t);
        // "Kepala Bidang Pencegahan Penyakit Ani Suryani": after a title, words of the
        // lexicon, one of them a derived noun, name the title's unit, not the person.
        if served {
            let mut k = s;
            while k <= b && (!self.toks[k].word || self.lexical(k)) {
                k += 1;
            }
            if k <= b && self.toks[k].word && (s..k).any(|x| self.toks[x].word && self.derived(x)) {
                s = k;
            }
        }
        // "CEO SurveySensum Rajiv Lamba", "Koordinator Pantau Gambut Iola Abas", "Kepala
        // Pos SAR Wisnu Yuas": after a title, acronyms, brand names written in camel case
        // and words of the lexicon before a given name name the body, not the person; a
        // name in camel case or an acronym of three letters or more needs no given name
        // after it.
        if served {
            let brand = |x: usize| {
                self.toks[x].word
                    && ((self.toks[x].upper
                        && !self.toks[x].digit
                        && self.toks[x].end - self.toks[x].start >= 3)
                        || is_camel(self.t(x)))
            };
            let given = |k: usize| self.toks[k].word && self.has(W::GivenNames, k);
            let mut first = s;
            while first <= b && (!self.toks[first].word || brand(first)) {
                first += 1;
            }
            let anchor = if first > s && first <= b && !brand(first) {
                Some(first)
            } else {
                (s + 1..=b).find(|&k| given(k))
            };
            if let Some(k) = anchor {
                // Initials ("I Made", "FX") belong to the name.
                let body = (s..k).all(|x| {
                    !self.toks[x].word
                        || (!self.has(W::GivenNames, x)
                            && !self.has(W::Surnames, x)
                            && (brand(x) || self.lexical(x)))
                });
                let rest = self.trim_tail(k, b);
                if body && rest >= k && self.words(k, rest) >= 2 && self.name_words(k, rest) {
                    s = k;
                }
            }
        }
        let e = self.trim_tail(s, b);
        if e < s || !self.toks[s].word {
            return;
        }
        let nw = self.words(s, e);
        // "46 juta KL", "300 MW": an acronym after a number (and its scale word) is a unit.
        if nw == 1 && self.toks[s].upper && self.unit_after_number(s) {
            self.unclassified.push((s, e));
            return;
        }
        // "Pokok-Pokok": a reduplicated word is a plural noun, never a name.
        if (s + 2..=e).any(|k| {
            self.toks[k].word
                && self.toks[k].gap == Gap::None
                && self.is_punct(k - 1, "-")
                && self.hashes[k] == self.hashes[k - 2]
        }) {
            self.unclassified.push((s, e));
            return;
        }
        let mut has_common = false;
        for k in s..=e {
            if self.toks[k].word
                && (self.has(W::NotNames, k) || self.has(W::Titles, k))
                && !self.has(W::NameParticles, k)
            {
                return;
            }
            if self.toks[k].word && self.toks[k].cap && self.common(k) {
                has_common = true;
            }
        }
        let rep_after = e + 1 < self.toks.len() && self.same_sent(e, e + 1) && {
            let k = if self.is_punct(e + 1, ",") && e + 2 < self.toks.len() {
                e + 2
            } else {
                e + 1
            };
            self.phrase_at(W::ReportingAfter, k, usize::MAX) > 0 && (self.toks[k].lower || headline)
        };
        let rep_before = s > 0 && {
            let k = s - 1;
            self.same_sent(k, s)
                && self.toks[k].word
                && (self.toks[k].lower || self.is_initial(k))
                && self.phrase_ending(W::ReportingBefore, k) > 0
        };
        if headline {
            // Title-case lines give no case evidence: only a reporting verb next to a short name.
            if rep_after && nw <= 3 && !has_common {
                self.push(s, e, EntityKind::Person, EntitySource::Rule, None);
            } else {
                self.unclassified.push((a, b));
            }
            return;
        }
        let honor_before = s > 0 && {
            let k = if self.is_punct(s - 1, ".") && s > 1 {
                s - 2
            } else {
                s - 1
            };
            self.toks[k].word && self.same_sent(k, s) && self.phrase_ending(W::Honorifics, k) > 0
        };
        let title_after = self.title_after(e);
        let titled_before = match title_at {
            Some((s0, t)) if s0 == s => t,
            _ => self.has_title_before(s),
        };
        let cue_before = s > 0
            && self.same_sent(s - 1, s)
            && self.toks[s - 1].lower
            && self.phrase_ending(W::PersonCues, s - 1) > 0;
        let strong = titled
            || cue_before
            || honor
            || honor_before
            || rep_after
            || rep_before
            || title_after
            || titled_before;
        // Capitals inside a word mark brands and companies ("WorldCom", "SlimFast",
        // "PayPal"), unless it is a surname's prefix ("McDonald", "DeSantis", "LeBron").
        if nw == 1 && !titled && !honor && !honor_before && is_camel(self.t(s)) {
            self.push(s, e, EntityKind::Organization, EntitySource::Rule, None);
            return;
        }
        let given_at =
            (s..=e).find(|&k| self.toks[k].word && self.has(W::GivenNames, k) && !self.common(k));
        let given = given_at == Some(s);
        // "Andre 3000": a number closing a name that opens with a given name is part of it.
        let num = if given { self.name_number(e) } else { None };
        let sur = nw >= 2 && self.has(W::Surnames, e) && !self.common(e);
        let addressed =
            titled || honor || honor_before || title_after || cue_before || titled_before;
        // One word is a name only with a title or a form of address, or in languages that
        // name people with one word; a sentence-initial word needs more than a verb.
        let single_ok =
            nw >= 2 || num.is_some() || addressed || self.data.option(Opt::SingleWordNames);
        // "Fanshurullah menambahkan, ...": where one word may name a person, a sentence may
        // open with it before a reporting verb, unless the text writes it in lower case too.
        let reported_initial = rep_after && !has_common && self.data.option(Opt::SingleWordNames);
        let weak_initial =
            nw == 1 && self.is_initial(s) && !addressed && !given && !reported_initial;
        if nw <= 6 && single_ok && !weak_initial && (strong || ((given || sur) && !has_common)) {
            self.push(
                s,
                num.unwrap_or(e),
                EntityKind::Person,
                EntitySource::Rule,
                None,
            );
            return;
        }
        // "Apoteker Noel Wicks": the name starts at the given name.
        if let Some(k) = given_at {
            if k > s
                && (self.is_initial(s) || titled)
                && self.words(k, e) >= 2
                && (k..=e).all(|x| !self.toks[x].word || !self.common(x))
            {
                self.push(k, e, EntityKind::Person, EntitySource::Rule, None);
                return;
            }
        }
        // "di" + a capitalised name: a place.
        if s == a
            && a > 0
            && self.toks[a - 1].lower
            && self.has(W::PlacePreps, a - 1)
            && !has_common
            && !self.is_initial(s)
            && nw <= 4
        {
            self.push(s, e, EntityKind::Place, EntitySource::Rule, None);
            return;
        }
        // Capitalised words inside a sentence that no rule explains: in languages whose
        // writing capitalises little but names, a person; an acronym, an organization.
        // "Bahan Bakar Minyak (BBM)": a term defined with an acronym is no person.
        let quoted = self.quoted(s, e);
        // A sentence may open with a name: "Byeon Woo Seok berhasil ...", when no word of it
        // is a common word and a lower-case word follows.
        let opens = self.is_initial(s)
            && nw >= 2
            && e + 1 < self.toks.len()
            && self.toks[e + 1].lower
            && (s..=e).all(|k| !self.toks[k].word || !self.common(k));
        if (!self.is_initial(s) || opens) && !has_common && !lead_common && !quoted && nw <= 4 {
            let acronym = nw == 1 && self.is_acronym(s);
            if acronym && self.data.option(Opt::AcronymsAreOrganizations) {
                self.push(s, e, EntityKind::Organization, EntitySource::Rule, None);
                return;
            }
            let digits = (s..=e).any(|k| self.t(k).bytes().any(|c| c.is_ascii_digit()));
            if !acronym
                && nw >= 2
                && !digits
                && !self.toks[s].upper
                && self.data.option(Opt::UnknownNamesArePeople)
            {
                self.push(s, e, EntityKind::Person, EntitySource::Rule, None);
                return;
            }
        }
        self.unclassified.push((s, e));
    }

    /// "46 juta KL", "300 MW": token `s` follows a number (and its scale word).
    fn unit_after_number(&self, s: usize) -> bool {
        s > 0 && {
            let k = s - 1;
            self.toks[k].digit
                || (k > 0
                    && self.toks[k].lower
                    && self.has(W::NotNames, k)
                    && self.toks[k - 1].digit)
        }
    }

    /// "Bahan Bakar Minyak (BBM)", "\"Sang Pencerah\"": the words `s..=e` are defined with an
    /// acronym after them, or quoted.
    fn quoted(&self, s: usize, e: usize) -> bool {
        let defined = e + 3 < self.toks.len()
            && self.is_punct(e + 1, "(")
            && self.toks[e + 2].upper
            && self.is_punct(e + 3, ")");
        defined
            || (s > 0
                && e + 1 < self.toks.len()
                && is_quote(self.t(s - 1))
                && is_quote(self.t(e + 1)))
    }

    /// Token `s` (a word in capitals) is an acronym: two to six bytes, no digit.
    fn is_acronym(&self, s: usize) -> bool {
        self.toks[s].upper
            && !self.t(s).bytes().any(|c| c.is_ascii_digit())
            && (2..=6).contains(&(self.toks[s].end - self.toks[s].start))
    }

    /// The number token right after the name ending at `e` when it closes the name ("Andre
    /// 3000 said", "... by Andre 3000."): one to four digits, not a year, and followed by the
    /// sentence's end, punctuation that is not part of a number ("3,000", "3:16", "5%"), or a
    /// reporting verb; a count ("46 times") or a year ("Obama 2012") is no part of a name.
    fn name_number(&self, e: usize) -> Option<usize> {
        let n = self.toks.len();
        let k = e + 1;
        if k >= n || self.p.covered[k] != NONE || !self.same_sent(e, k) {
            return None;
        }
        let t = self.t(k);
        let tk = self.toks[k];
        if tk.gap != Gap::Space
            || !(1..=4).contains(&t.len())
            || !t.bytes().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        if t.parse::<u32>().is_ok_and(|y| (1800..=2099).contains(&y)) {
            return None; // a year
        }
        let m = k + 1;
        if m >= n || !self.same_sent(k, m) {
            return Some(k);
        }
        let tm = self.toks[m];
        // "3,000", "3.5": a number goes on after the punctuation.
        let number_goes_on = tm.gap == Gap::None
            && m + 1 < n
            && self.toks[m + 1].digit
            && self.toks[m + 1].gap == Gap::None;
        let ok = if tm.word {
            tm.lower && self.phrase_at(W::ReportingAfter, m, usize::MAX) > 0
        } else {
            !matches!(self.t(m), "%" | ":" | "/" | "-" | "+") && !number_goes_on
        };
        ok.then_some(k)
    }

    /// ", a journalist", ", seorang wartawan", ", ketua ...": a title right after the name.
    fn title_after(&self, e: usize) -> bool {
        let n = self.toks.len();
        if e + 2 >= n || !self.is_punct(e + 1, ",") || !self.same_sent(e, e + 2) {
            return false;
        }
        let mut k = e + 2;
        if self.toks[k].lower && self.has(W::Articles, k) && k + 1 < n {
            k += 1;
        }
        self.toks[k].lower && self.phrase_at(W::Titles, k, usize::MAX) > 0
    }

    /// Names (one word inside a sentence, or more) joined by "dan", "and" or a comma to a
    /// person's name are people too:
    /// "Johnny Depp and Jude Law".
    fn coordination_pass(&mut self) {
        let runs = std::mem::take(&mut self.unclassified);
        let mut keep = Vec::with_capacity(runs.len());
        for &(s, e) in &runs {
            // One word joins only by a conjunction ("Jay-Z, Nelly and Robbie Williams"):
            // after a comma it may be the same person named again.
            let multi = self.words(s, e) >= 2;
            let ok = (multi || !self.is_initial(s))
                && !self.p.headline[self.p.sent[s] as usize]
                && (s..=e)
                    .all(|k| !self.toks[k].word || (!self.common(k) && !self.has(W::NotNames, k)))
                && (self.person_at(s.wrapping_sub(2), s.wrapping_sub(1), multi)
                    || self.person_at(e + 2, e + 1, multi));
            if ok && (s..=e).all(|k| self.p.covered[k] == NONE) {
                self.push(s, e, EntityKind::Person, EntitySource::Rule, None);
            } else {
                keep.push((s, e));
            }
        }
        self.unclassified = keep;
    }

    /// A word of the language's lexicon written with a capital: a root word ("Harus",
    /// "Mikro") or a noun derived from one ("Penelitian", "Pendapat"), and no known given
    /// name or surname.
    fn lexical(&self, k: usize) -> bool {
        let t = &self.toks[k];
        if !t.word || t.upper || t.digit || self.has(W::GivenNames, k) || self.has(W::Surnames, k) {
            return false;
        }
        if self.has(W::Roots, k) {
            return true;
        }
        self.derived(k)
    }

    /// A noun derived from a root word ("Pencegahan", "Penyakit").
    fn derived(&self, k: usize) -> bool {
        let w = self.t(k);
        // (Lower-cased on the stack: `is_derived` takes no word longer than 64 bytes.)
        let mut buf = [0u8; 64];
        let Some(lw) = buf.get_mut(..w.len()) else {
            return false;
        };
        lw.copy_from_slice(w.as_bytes());
        lw.make_ascii_lowercase();
        w.is_ascii() && w.len() >= 5 && self.data.is_derived(std::str::from_utf8(lw).unwrap_or(""))
    }

    /// A reporting verb before or after the one-word name at `k` ("kata Didik", "Agun
    /// menegaskan", "Angel, kata ..."), or a form of address before it ("Pak Agung").
    fn addressed_or_reported(&self, k: usize) -> bool {
        let n = self.toks.len();
        let before = k > 0 && self.same_sent(k - 1, k) && {
            let j = k - 1;
            (self.toks[j].lower || self.is_initial(j))
                && (self.phrase_ending(W::ReportingBefore, j) > 0
                    || self.phrase_ending(W::Honorifics, j) > 0)
        };
        let mut j = k + 1;
        if j < n && self.is_punct(j, ",") {
            j += 1;
        }
        let after = j < n
            && self.same_sent(k, j)
            && self.toks[j].lower
            && (self.phrase_at(W::ReportingAfter, j, usize::MAX) > 0
                || self.phrase_at(W::ReportingBefore, j, usize::MAX) > 0);
        before || after
    }

    /// "Penelitian", "Harus", "Pencegahan Penyakit", "Pos SAR": a person found by the rules
    /// whose one word is a word of the lexicon, or whose words all are (or are acronyms) and
    /// one is a derived noun (or an acronym), is no person, unless the text uses the one
    /// word inside a longer person's name.
    fn lexical_pass(&mut self) {
        let mut in_names = std::mem::take(&mut self.spare.names_set);
        in_names.reset(self.mentions.len());
        for m in &self.mentions {
            if m.alive && m.kind == EntityKind::Person && self.words(m.first, m.last) >= 2 {
                for k in m.first..=m.last {
                    in_names.insert(self.hashes[k]);
                }
            }
        }
        for id in 0..self.mentions.len() {
            let m = self.mentions[id];
            if !m.alive || m.kind != EntityKind::Person || m.source != EntitySource::Rule {
                continue;
            }
            let nw = self.words(m.first, m.last);
            let words = || (m.first..=m.last).filter(|&k| self.toks[k].word);
            let drop = if nw == 1 {
                // A root word next to a reporting verb or after a form of address may
                // still be a name ("kata Didik", "Pak Agung"); a derived noun never is.
                let k = m.first;
                self.lexical(k)
                    && !in_names.contains(self.hashes[k])
                    && (self.derived(k) || !self.addressed_or_reported(k))
            } else {
                // "Pos SAR", "Unit PPA": words of the lexicon and acronyms name a body.
                let acronym = |k: usize| {
                    let t = &self.toks[k];
                    t.upper && !t.digit && t.end - t.start >= 2
                };
                nw <= 4
                    && words().all(|k| self.lexical(k) || acronym(k))
                    && (words().any(|k| self.derived(k))
                        || (words().any(acronym) && words().any(|k| self.lexical(k))))
            };
            if drop {
                self.remove(id);
            }
        }
        self.spare.names_set = in_names;
    }

    /// True when token `m` belongs to a person mention and token `j` is "dan", "and", "&"
    /// (or a comma, when `comma`).
    fn person_at(&self, m: usize, j: usize, comma: bool) -> bool {
        if m >= self.toks.len() || j >= self.toks.len() {
            return false;
        }
        let joins = (comma && self.is_punct(j, ","))
            || (self.has(W::Connectors, j) && !self.toks[j].cap && self.t(j).len() <= 3);
        let c = self.p.covered[m];
        joins && c != NONE && self.mentions[c as usize].kind == EntityKind::Person
    }

    /// Whether a title stands before the name at `s` ([`Ctx::title_span_before`]).
    fn has_title_before(&self, s: usize) -> bool {
        self.title_span_before(s, None).is_some()
    }

    /// The tokens of the title before the name at `s`, looking back over known places and
    /// organizations (the affiliation) and role words: "Presiden Rusia Vladimir Putin",
    /// "ajudan Kremlin Yuri Ushakov", "Menteri Luar Negeri Rusia Sergei Lavrov". The
    /// affiliations passed over are added to `affs` when given (also when no title is found).
    fn title_span_before(
        &self,
        s: usize,
        mut affs: Option<&mut Vec<usize>>,
    ) -> Option<(usize, usize)> {
        let mut k = s;
        let mut steps = 0;
        while k > 0 && steps < LOOKBACK {
            k -= 1;
            steps += 1;
            if !self.same_sent(k, s) {
                break;
            }
            let m = self.p.covered[k];
            if m != NONE {
                let mm = &self.mentions[m as usize];
                if mm.kind == EntityKind::Person || !mm.alive {
                    break;
                }
                if let Some(a) = affs.as_deref_mut() {
                    a.push(m as usize);
                }
                k = mm.first;
                continue;
            }
            let t = self.toks[k];
            if !t.word {
                if self.t(k) == "-" && t.gap == Gap::None {
                    continue;
                }
                break;
            }
            let l = self.phrase_ending(W::Titles, k);
            if l > 0 {
                return Some((k + 1 - l, k));
            }
            if t.cap && (self.common(k) || self.has(W::NotNames, k)) {
                continue;
            }
            break;
        }
        None
    }

    fn link_pass(&mut self) {
        let n = self.toks.len();
        // Acronyms defined in parentheses: "Komisi Pemberantasan Korupsi (KPK)".
        // (The aliases are slices of the text, copied only when re-cased.)
        let text: &'a str = self.text;
        let mut aliases: Vec<(Cow<'a, str>, usize)> = Vec::with_capacity(self.mentions.len());
        let mut lb = std::mem::take(&mut self.spare.link);
        // The tokens each alias was read from (its text's tokens, up to case).
        let mut spans = emptied(&mut lb.spans);
        for x in 0..self.p.parens.len() {
            let k = self.p.parens[x] as usize;
            if k < 1 || k + 2 >= n {
                continue;
            }
            if self.is_punct(k, "(")
                && self.toks[k + 1].word
                && self.toks[k + 1].upper
                && self.is_punct(k + 2, ")")
            {
                let acr = self.toks[k + 1].text(text);
                let len = acr.chars().count();
                if (2..=10).contains(&len) {
                    let m = self.p.covered[k - 1];
                    let target = if m != NONE {
                        let mm = &self.mentions[m as usize];
                        let f = self.t(mm.first).chars().next();
                        if mm.kind != EntityKind::Person && f == acr.chars().next() {
                            Some(m as usize)
                        } else {
                            None
                        }
                    } else {
                        None
                    };
                    if let Some(t) = target {
                        if self.p.covered[k + 1] == NONE {
                            let kind = self.mentions[t].kind;
                            self.push(k + 1, k + 1, kind, EntitySource::Link, None);
                        }
                        aliases.push((Cow::Borrowed(acr), t));
                        spans.push((k + 1, k + 1));
                    }
                }
            }
        }
        // Names found by rules, and the surnames of people with two or more words.
        let mut alias_set = std::mem::take(&mut self.spare.names_set);
        alias_set.reset(self.mentions.len());
        for (id, m) in self.mentions.iter().enumerate() {
            if !m.alive || m.source == EntitySource::Link {
                continue;
            }
            if m.source == EntitySource::Rule {
                let mut s = Cow::Borrowed(&text[self.toks[m.first].start..self.toks[m.last].end]);
                if (m.first..=m.last).all(|k| !self.toks[k].word || self.toks[k].upper)
                    && s.len() > 3
                {
                    // "YAOUNDE" in a dateline is "Yaounde" in the text.
                    s = Cow::Owned(title_case(&s));
                }
                if alias_set.insert_new(token_hash(&s)) {
                    aliases.push((s, id));
                    spans.push((m.first, m.last));
                }
            }
            if m.kind == EntityKind::Person && self.words(m.first, m.last) >= 2 {
                let l = m.last;
                let t = self.toks[l];
                if t.word
                    && t.cap
                    && t.end - t.start >= 3
                    && !self.common(l)
                    && !self.has(W::NotNames, l)
                    && alias_set.insert_new(self.hashes[l])
                {
                    aliases.push((Cow::Borrowed(t.text(text)), id));
                    spans.push((l, l));
                }
            }
        }
        self.spare.names_set = alias_set;
        if aliases.is_empty() {
            lb.spans = spans;
            self.spare.link = lb;
            return;
        }
        let mut found = emptied(&mut lb.found);
        self.match_aliases(&aliases, &spans, &mut lb, &mut found);
        lb.spans = spans;
        for &f in &found {
            // A person's surname in this text names the person everywhere in it, not the
            // town of the same name ("Weingarten", "Timberlake").
            let src_person = self.mentions[f.entry].kind == EntityKind::Person;
            if src_person && f.first == f.last && self.p.covered[f.first] != NONE {
                let c = self.p.covered[f.first] as usize;
                let cm = &self.mentions[c];
                let minor_place = cm.kind == EntityKind::Place
                    && cm.first == cm.last
                    && cm.entry.is_some_and(|e| {
                        self.gaz.entry(e as usize).is_some_and(|e| {
                            !matches!(
                                e.entity_type.as_deref(),
                                Some("country" | "state" | "province" | "continent")
                            )
                        })
                    });
                if minor_place {
                    self.remove(c);
                }
            }
            if (f.first..=f.last).all(|x| self.p.covered[x] == NONE) {
                let kind = self.mentions[f.entry].kind;
                self.push(f.first, f.last, kind, EntitySource::Link, None);
            }
        }
        lb.found = found;
        self.spare.link = lb;
    }

    /// Leftmost-longest matches of the text's own names (`aliases`: text and mention, read
    /// from the tokens `spans`), non-overlapping, in order, into `out` (with the buffers
    /// `lb`): the gazetteer index's matching
    /// (same tokens up to case, the same case policy, earlier aliases first among equals),
    /// without building an index: the aliases' tokens are the text's.
    fn match_aliases(
        &self,
        aliases: &[(Cow<'_, str>, usize)],
        spans: &[(usize, usize)],
        lb: &mut LinkBufs,
        out: &mut Vec<LinkMatch>,
    ) {
        let n = self.toks.len();
        // Per alias: first token's hash, whether it starts without a capital, exact case.
        let firsts = &mut lb.firsts;
        firsts.clear();
        let mut bits = [0u64; 16];
        let mut lower_any = false;
        for (i, &(a, b)) in spans.iter().enumerate() {
            let ok = b - a < MAX_TOKENS;
            let t = &self.toks[a];
            let lower_first = !(t.cap || t.upper || t.digit);
            let surface: &str = &aliases[i].0;
            let exact = surface.chars().any(char::is_alphabetic)
                && !surface.chars().any(char::is_lowercase);
            let h = self.hashes[a];
            if ok {
                bits[(h >> 60) as usize] |= 1 << ((h >> 54) & 63);
                lower_any |= lower_first;
            }
            firsts.push((h, ok && lower_first, exact));
        }
        let may = |h: u64| bits[(h >> 60) as usize] & (1 << ((h >> 54) & 63)) != 0;
        // The aliases by first token's hash (then in order), for a binary search.
        let by_first = &mut lb.by_first;
        by_first.clear();
        by_first.extend(
            (0..spans.len())
                .filter(|&x| spans[x].1 - spans[x].0 < MAX_TOKENS)
                .map(|x| (firsts[x].0, x)),
        );
        by_first.sort_unstable();
        let scratch = &mut lb.scratch;
        // (length, alias) of the aliases matching at a position.
        let cands = &mut lb.cands;
        cands.clear();
        // Unless an alias starts without a capital, only capitalised words and numbers may
        // start a match.
        let all: Vec<u32>;
        let starts = if lower_any {
            all = (0..n as u32).collect();
            &all[..]
        } else {
            &self.p.starters[..]
        };
        let mut i = 0;
        for &st in starts {
            if (st as usize) < i {
                continue;
            }
            i = st as usize;
            let h0 = self.hashes[i];
            if !may(h0) {
                continue;
            }
            let t = &self.toks[i];
            let cap = t.cap || t.upper || t.digit;
            // (The aliases that start without a capital are looked at only for a token
            // without one.)
            if !(cap || (lower_any && firsts.iter().any(|f| f.1 && f.0 == h0))) {
                continue;
            }
            cands.clear();
            let from = by_first.partition_point(|&(h, _)| h < h0);
            for &(h, x) in &by_first[from..] {
                if h != h0 {
                    break;
                }
                let (a, b) = spans[x];
                let len = b - a + 1;
                if i + len > n {
                    continue;
                }
                let same = (1..len).all(|d| {
                    let (tj, ta) = (&self.toks[i + d], &self.toks[a + d]);
                    tj.gap != Gap::Break
                        && self.hashes[i + d] == self.hashes[a + d]
                        && (tj.gap != Gap::None) == (ta.gap != Gap::None)
                });
                if same {
                    cands.push((len, x));
                }
            }
            // Longest first; among aliases of one length, in order.
            cands.sort_unstable_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)));
            let mut found = None;
            let mut g = 0;
            while g < cands.len() && found.is_none() {
                let len = cands[g].0;
                let mut upper_hit = None;
                while g < cands.len() && cands[g].0 == len {
                    let x = cands[g].1;
                    g += 1;
                    if found.is_some() {
                        continue;
                    }
                    let toks = &self.toks[i..i + len];
                    match check_case(self.text, toks, &aliases[x].0, firsts[x].2, scratch) {
                        CaseFit::Exact => found = Some((len, x)),
                        CaseFit::Upper if upper_hit.is_none() => upper_hit = Some((len, x)),
                        _ => {}
                    }
                }
                if found.is_none() {
                    found = upper_hit;
                }
            }
            if let Some((len, x)) = found {
                out.push(LinkMatch {
                    first: i,
                    last: i + len - 1,
                    entry: aliases[x].1,
                });
                i += len;
            }
        }
    }

    /// "warga Palestina", "DPD Bali": in a language whose modifiers follow
    /// the noun, a place's name after a demonym head or an organization's name
    /// modifies that word ("Palestinian", "Syrian") and is no mention of the place.
    fn modifier_place_pass(&mut self) {
        for id in 0..self.mentions.len() {
            let m = &self.mentions[id];
            if !m.alive || m.kind != EntityKind::Place || m.first == 0 {
                continue;
            }
            let k = m.first - 1;
            let t = &self.toks[k];
            if !t.word || !self.same_sent(k, m.first) || self.toks[m.first].gap != Gap::Space {
                continue;
            }
            // A sentence may open with the head: "Kontingen Indonesia", "Agresi Israel".
            let modifier = if t.lower || (self.is_initial(k) && self.has(W::DemonymHeads, k)) {
                self.has(W::DemonymHeads, k)
            } else {
                // A title's country ("Presiden Rusia") stays: it is the person's affiliation.
                let prev = self.p.covered[k];
                prev != NONE && {
                    let p = &self.mentions[prev as usize];
                    p.alive && p.kind == EntityKind::Organization && p.last == k
                }
            };
            // "serangan udara Israel", "pejabat senior AS": a head and one word that
            // modifies it.
            let modifier = modifier
                || (t.lower
                    && k > 0
                    && self.same_sent(k - 1, k)
                    && self.toks[k].gap == Gap::Space
                    && (self.toks[k - 1].lower || self.is_initial(k - 1))
                    && self.has(W::DemonymHeads, k - 1)
                    && self.has(W::DemonymModifiers, k));
            if modifier {
                self.remove(id);
            }
        }
    }

    fn finish(mut self) -> (Vec<Entity>, Vec<Referent>) {
        let mut sp = std::mem::take(&mut self.spare);
        let mut order = emptied(&mut sp.order);
        order.extend(
            self.mentions
                .iter()
                .enumerate()
                .filter_map(|(i, m)| m.alive.then_some(i)),
        );
        order.sort_by_key(|&i| self.mentions[i].first);
        let nm = order.len();
        // Union-find over the mentions in text order.
        let mut parent = emptied(&mut sp.parent);
        parent.extend(0..nm);
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        let union = |p: &mut Vec<usize>, a: usize, b: usize| {
            let (ra, rb) = (find(p, a), find(p, b));
            if ra != rb {
                let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
                p[hi] = lo;
            }
        };
        // Position in `order` of each mention (usize::MAX: removed).
        let mut pos_of = filled(&mut sp.pos_of, self.mentions.len(), usize::MAX);
        for (p, &m) in order.iter().enumerate() {
            pos_of[m] = p;
        }
        let surface = |m: &Mention| -> String {
            squeeze_spaces(&self.text[self.toks[m.first].start..self.toks[m.last].end])
        };
        // A hash of `surface(m)` (lower-cased when `lower`), without building it.
        let surface_key = |m: &Mention, lower: bool| -> u64 {
            surface_key(
                &self.text[self.toks[m.first].start..self.toks[m.last].end],
                lower,
            )
        };
        // Same gazetteer entry, or same kind and same written name.
        // (Keyed by the entry with the top bit set, or by the name's hash with it clear.)
        let mut first_of = std::mem::take(&mut sp.first_of);
        first_of.reset(nm);
        // Links made in the link pass: to the mention whose alias matched.
        // (Recomputed here: a link mention joins the group of a mention with the same text,
        // or the person whose last word it is.)
        // (last word's hash, position) of the full names, by hash, then in text order.
        let mut last_word = emptied(&mut sp.last_word);
        // The number of words of each mention, by position.
        let mut nwords = emptied(&mut sp.nwords);
        for (p, &mi) in order.iter().enumerate() {
            let m = &self.mentions[mi];
            let q = match m.entry {
                Some(e) => first_of.first(u64::from(e) | 1 << 63, p as u32) as usize,
                // One name, one entity in a text, whatever kind each rule guessed.
                None => first_of.first(surface_key(m, true) & !(1 << 63), p as u32) as usize,
            };
            if q != p {
                union(&mut parent, p, q);
            }
            let nw = self.words(m.first, m.last);
            nwords.push(nw);
            if m.kind == EntityKind::Person && nw >= 2 {
                last_word.push((self.hashes[m.last], p));
            }
        }
        last_word.sort_unstable();
        for (p, &mi) in order.iter().enumerate() {
            if last_word.is_empty() {
                break;
            }
            let m = &self.mentions[mi];
            if m.kind != EntityKind::Person || nwords[p] != 1 {
                continue;
            }
            let h = self.hashes[m.first];
            let from = last_word.partition_point(|&(x, _)| x < h);
            let cands =
                &last_word[from..from + last_word[from..].partition_point(|&(x, _)| x == h)];
            if !cands.is_empty() {
                // The nearest full name before, else the first after (binary search: the
                // candidates are in text order).
                let before = cands.partition_point(|&(_, q)| q < p);
                let q = if before > 0 {
                    cands.get(before - 1)
                } else {
                    cands.first()
                };
                if let Some(&(_, q)) = q {
                    let full = &self.mentions[order[q]];
                    let conflict =
                        m.entry.is_some() && full.entry.is_some() && m.entry != full.entry;
                    if !conflict {
                        union(&mut parent, p, q);
                    }
                }
            }
        }
        // Acronyms: a link mention right after "(" joins the mention before it; an acronym
        // defined after a name: later uses of it join the same group (by text).
        let mut acr_group = std::mem::take(&mut sp.acr_group);
        acr_group.clear();
        for (p, &mi) in order.iter().enumerate() {
            let m = &self.mentions[mi];
            if m.source == EntitySource::Link && m.first >= 1 && self.is_punct(m.first - 1, "(") {
                if m.first >= 2 {
                    let c = self.p.covered[m.first - 2];
                    if c != NONE {
                        if let Some(&q) = pos_of.get(c as usize).filter(|&&q| q != usize::MAX) {
                            union(&mut parent, p, q);
                        }
                    }
                }
                acr_group.insert(surface_key(m, false), p);
            }
        }
        for (p, &mi) in order.iter().enumerate() {
            if acr_group.is_empty() {
                break;
            }
            let m = &self.mentions[mi];
            if let Some(&q) = acr_group.get(&surface_key(m, false)) {
                if m.entry.is_none() || self.mentions[order[q]].entry.is_none() {
                    union(&mut parent, p, q);
                }
            }
        }
        // Build referents in order of first mention.
        // Referent of each group, by the group's root position (usize::MAX: none yet).
        let mut group_ref = filled(&mut sp.group_ref, nm, usize::MAX);
        // Each mention's group, and the groups' sizes (the referents' lists are made to size).
        let mut roots = emptied(&mut sp.roots);
        let mut group_size = filled(&mut sp.group_size, nm, 0usize);
        let mut groups = 0;
        for p in 0..nm {
            let root = find(&mut parent, p);
            roots.push(root);
            groups += (group_size[root] == 0) as usize;
            group_size[root] += 1;
        }
        let mut entities = Vec::with_capacity(nm);
        let mut referents: Vec<Referent> = Vec::with_capacity(groups);
        // The kinds of each referent's rule-found mentions, counted.
        let mut votes = filled(&mut sp.votes, groups, [0u32; 3]);
        // (score, mention pos) per referent
        let mut best = emptied(&mut sp.best);
        for (p, &mi) in order.iter().enumerate() {
            let root = roots[p];
            let m = &self.mentions[mi];
            if group_ref[root] == usize::MAX {
                referents.push(Referent {
                    name: SharedStr::default(),
                    id: None,
                    kind: m.kind,
                    roles: Vec::new(),
                    affiliations: Vec::new(),
                    mentions: Vec::with_capacity(group_size[root]),
                });
                best.push((0, p));
                group_ref[root] = referents.len() - 1;
            }
            let r = group_ref[root];
            let score = if m.entry.is_some() { 1_000_000 } else { 0 }
                + match m.source {
                    EntitySource::Gazetteer => 0,
                    EntitySource::Rule => 1000,
                    _ => 0,
                }
                + nwords[p] * 100
                + (self.toks[m.last].end - self.toks[m.first].start).min(99);
            if score > best[r].0 {
                best[r] = (score, p);
            }
            if m.source == EntitySource::Rule {
                votes[r][kind_index(m.kind)] += 1;
            }
            referents[r].mentions.push(entities.len());
            entities.push(Entity {
                span: Span::new(self.toks[m.first].start, self.toks[m.last].end),
                kind: m.kind,
                referent: r,
                source: m.source,
            });
        }
        // The kind most of a referent's rule-found mentions have (ties: the best mention's).
        for (r, &(_, p)) in best.iter().enumerate() {
            let m = &self.mentions[order[p]];
            let rf = &mut referents[r];
            rf.kind = m.kind;
            if m.entry.is_none() {
                let v = votes[r];
                let top = *v.iter().max().unwrap_or(&0);
                if top > v[kind_index(m.kind)] {
                    if let Some(i) = v.iter().position(|&x| x == top) {
                        rf.kind = [
                            EntityKind::Person,
                            EntityKind::Place,
                            EntityKind::Organization,
                        ][i];
                    }
                }
            }
            // A gazetteer entry's strings are shared with the gazetteer, not copied.
            match m.entry.and_then(|i| Some((i, self.gaz.entry(i as usize)?))) {
                Some((i, e)) => {
                    let s = |f| SharedStr::entry(self.gaz, i, f);
                    rf.name = s(EntryField::Name);
                    rf.id = Some(s(EntryField::Id));
                    // (Allocated at once with room for the roles and affiliations the text
                    // adds below, as `extend` would, without its reserving path.)
                    let (nr, na) = (e.roles.len(), e.of.len());
                    if nr > 0 {
                        rf.roles = Vec::with_capacity(nr.max(4));
                        rf.roles
                            .extend((0..nr as u32).map(|k| s(EntryField::Role(k))));
                    }
                    if na > 0 {
                        rf.affiliations = Vec::with_capacity(na.max(4));
                        rf.affiliations
                            .extend((0..na as u32).map(|k| s(EntryField::Of(k))));
                    }
                }
                None => rf.name = surface(m).into(),
            }
        }
        // Mentions take their referent's kind.
        for e in &mut entities {
            e.kind = referents[e.referent].kind;
        }
        // Roles and affiliations the text gives people.
        let ent_of_mention = pos_of;
        // (One pair of lists for every mention.)
        let (mut roles, mut affs) = (emptied(&mut sp.roles), emptied(&mut sp.affs));
        for (p, &mi) in order.iter().enumerate() {
            let r = entities[p].referent;
            if referents[r].kind != EntityKind::Person {
                continue;
            }
            let m = self.mentions[mi];
            roles.clear();
            affs.clear();
            match self.title_span_before(m.first, Some(&mut affs)) {
                Some(span) => roles.push(span),
                // No title: the bodies passed over are no affiliation.
                None => affs.clear(),
            }
            self.appositive(m.last, &mut roles, &mut affs);
            for &(a, b) in &roles {
                // The role lower-cased, made only when it is new to the referent.
                let text = &self.text[self.toks[a].start..self.toks[b].end];
                let rs = &referents[r].roles;
                if rs.len() < MAX_ATTRS && !rs.iter().any(|x| lower_eq(text, x)) {
                    referents[r].roles.push(text.to_lowercase().into());
                }
            }
            for &a in &affs {
                if let Some(&q) = ent_of_mention.get(a).filter(|&&q| q != usize::MAX) {
                    let rq = entities[q].referent;
                    if rq != r
                        && referents[r].affiliations.len() < MAX_ATTRS
                        && !referents[r].affiliations.contains(&referents[rq].name)
                    {
                        let name = referents[rq].name.clone();
                        referents[r].affiliations.push(name);
                    }
                }
            }
        }
        // The buffers back to the thread, for the next document.
        sp.p = self.p;
        sp.mentions = self.mentions;
        sp.unclassified = self.unclassified;
        sp.order = order;
        sp.parent = parent;
        sp.pos_of = ent_of_mention;
        sp.last_word = last_word;
        sp.nwords = nwords;
        sp.group_ref = group_ref;
        sp.roots = roots;
        sp.group_size = group_size;
        sp.best = best;
        sp.votes = votes;
        sp.roles = roles;
        sp.affs = affs;
        sp.first_of = first_of;
        sp.acr_group = acr_group;
        sp.put();
        (entities, referents)
    }

    /// ", ketua keamanan Asia-Pasifik di Hudson Institute": a role and an affiliation after
    /// the name, up to the next comma or the sentence end.
    /// The roles go to `roles` as token spans.
    fn appositive(&self, last: usize, roles: &mut Vec<(usize, usize)>, affs: &mut Vec<usize>) {
        let n = self.toks.len();
        let mut k = last + 1;
        if k >= n || !self.is_punct(k, ",") {
            return;
        }
        k += 1;
        // Optional "mantan", "former": part of the title list when it matters.
        let start = k;
        let mut role_found = false;
        while k < n && k < start + 3 && self.same_sent(k, last) {
            let l = self.phrase_at(W::Titles, k, usize::MAX);
            if l > 0 && self.toks[k].word {
                roles.push((k, k + l - 1));
                role_found = true;
                k += l;
                break;
            }
            if !self.toks[k].word || self.toks[k].cap {
                break;
            }
            k += 1;
        }
        if !role_found {
            return;
        }
        let mut place = None;
        let end = (k + LOOKBACK * 2).min(n);
        while k < end && self.same_sent(k, last) {
            if !self.toks[k].word
                && matches!(
                    self.t(k),
                    "," | "." | ";" | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}"
                )
            {
                break;
            }
            let m = self.p.covered[k];
            if m != NONE {
                let mm = &self.mentions[m as usize];
                match mm.kind {
                    EntityKind::Organization => {
                        affs.push(m as usize);
                        return;
                    }
                    EntityKind::Place if place.is_none() => place = Some(m as usize),
                    EntityKind::Person => break,
                    _ => {}
                }
                k = mm.last + 1;
                continue;
            }
            if self.is_reporting(k) && self.toks[k].lower {
                break;
            }
            k += 1;
        }
        if let Some(p) = place {
            affs.push(p);
        }
    }
}

/// Whether `s` has two words or more (`s.split_whitespace().count() >= 2`), without
/// counting them: white space inside it once trimmed.
fn two_words(s: &str) -> bool {
    s.trim().contains(char::is_whitespace)
}

/// "WorldCom", "MotoGP": a lower-case letter followed by an upper-case one inside the word,
/// not after a surname prefix (Mc, Mac, De, Di, Da, Du, La, Le, Van, Von, Al, El).
fn is_camel(w: &str) -> bool {
    let mut at = None;
    if w.is_ascii() {
        // (ASCII: a byte scan, the same test.)
        at = w
            .as_bytes()
            .windows(2)
            .position(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
            .map(|p| p + 1);
    } else {
        // (By the tokenizer's char classes: the std tables' case, told without them for
        // the common scripts.)
        let b = w.as_bytes();
        let (mut prev, mut i) = (0u8, 0);
        while i < b.len() {
            let (f, len) = class_at(b, i);
            if f & C_UPPER != 0 && prev & C_LOWER != 0 {
                at = Some(i);
                break;
            }
            prev = f;
            i += len;
        }
    }
    let Some(i) = at else {
        return false;
    };
    let prefix = &w[..i];
    w.chars().next().is_some_and(char::is_uppercase)
        && !matches!(
            prefix,
            "Mc" | "Mac"
                | "De"
                | "Di"
                | "Da"
                | "Du"
                | "La"
                | "Le"
                | "Van"
                | "Von"
                | "Al"
                | "El"
                | "Fitz"
        )
}

/// Whether [`Ctx::classify`] settles the one-word runs that no rule can use at once (the
/// tests compare the output with the fast paths on and off).
#[cfg(not(test))]
#[inline(always)]
fn fast_paths() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    static FAST_PATHS: Cell<bool> = const { Cell::new(true) };
}

#[cfg(test)]
fn fast_paths() -> bool {
    FAST_PATHS.with(Cell::get)
}

/// The bits of [`Ctx::cls`] that tell a token is one word of one of `lists`.
const fn singles(lists: &[W]) -> u64 {
    let mut m = 0;
    let mut i = 0;
    while i < lists.len() {
        m |= 1 << lists[i].index();
        i += 1;
    }
    m
}

/// The bits of [`Ctx::cls`] that tell a phrase of one of `lists` may start at a token (one
/// word, or the first of several).
const fn firsts(lists: &[W]) -> u64 {
    let mut m = 0;
    let mut i = 0;
    while i < lists.len() {
        m |= 1 << lists[i].index() | 1 << (CLASS_FIRST + lists[i].index());
        i += 1;
    }
    m
}

/// [`Ctx::not_name_single`]: the lists a not-name word or title must not be in.
const NOT_NAME_BLOCK: u64 = singles(&[W::OrgHeads, W::PlaceHeads, W::OrgTails, W::PlaceTails]);
/// [`Ctx::plain_single`]: the word's own lists that a rule reads for a one-word run (one
/// word: a look-up of a phrase that starts or ends at it and stays inside the run reads
/// only its one-word bits; a longer tail ending at it starts before the run).
const PLAIN_WORD: u64 = singles(&[
    W::Titles,
    W::OrgHeads,
    W::PlaceHeads,
    W::OrgCues,
    W::NotNames,
    W::Honorifics,
    W::OrgTails,
    W::PlaceTails,
    W::Connectors,
    W::NameParticles,
    W::GivenNames,
    W::ForeignConnectors,
]);
/// [`Ctx::plain_single`]: the lists of the word before that a rule reads (one word, or
/// the last of a phrase).
const PLAIN_BEFORE: u64 = singles(&[
    W::OrgPreps,
    W::OrgCues,
    W::Titles,
    W::ReportingBefore,
    W::Honorifics,
    W::PersonCues,
    W::PlacePreps,
]) | CLASS_LAST;
/// [`Ctx::plain_single`]: the lists of the word after that a rule reads.
const PLAIN_AFTER: u64 = firsts(&[W::ReportingAfter]);

/// The bits of [`Ctx::cls`] that tell a phrase of one of `lists` may start at a token (one
/// word, or the first of several): with none of them, [`Ctx::phrase_at`] answers 0.
#[inline]
fn starts_of(lists: &[W]) -> u64 {
    lists.iter().fold(0, |m, l| {
        m | 1 << l.index() | 1 << (CLASS_FIRST + l.index())
    })
}

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        _ => 2,
    }
}

fn is_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'" | "\u{201c}" | "\u{201d}" | "\u{2018}" | "\u{2019}" | "\u{00ab}" | "\u{00bb}"
    )
}

/// "YAOUNDE CITY" -> "Yaounde City".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{
        is_camel, lower_eq, squeeze_spaces, surface_key, two_words, FirstSeen, HashSet64, Recent,
        FAST_PATHS,
    };
    use crate::{Language, Pipeline};

    /// The one-word fast paths of `Ctx::classify` (`not_name_single`, `plain_single`) give
    /// what the rules give: the same entities and referents with them on and off.
    #[test]
    fn one_word_fast_paths_find_what_the_rules_find() {
        let id = Pipeline::builder()
            .language(Some(Language::Indonesian))
            .build()
            .unwrap();
        let en = Pipeline::builder()
            .language(Some(Language::English))
            .build()
            .unwrap();
        for (name, p, text) in [
            (
                "not-name word opening a sentence",
                &id,
                "Namun Budi datang. Selasa lalu hujan.",
            ),
            ("title alone", &id, "Presiden datang ke Bandung kemarin."),
            (
                "title then name",
                &id,
                "Menteri Sri Mulyani berkata begitu.",
            ),
            ("camel case", &id, "Saham WorldCom turun tajam kemarin."),
            (
                "plain word in a sentence",
                &id,
                "Ia bertemu Sarwendah di pasar.",
            ),
            ("reporting verb after", &id, "Sarwendah mengatakan hal itu."),
            (
                "reporting verb before",
                &id,
                "Hal itu, kata Didik kepada wartawan.",
            ),
            (
                "comma after",
                &id,
                "Ia bertemu Sarwendah, seorang wartawan.",
            ),
            (
                "form of address before",
                &id,
                "Ia bertemu Pak Agung kemarin.",
            ),
            (
                "form of address with a stop",
                &id,
                "Ia bertemu Dr. Agung kemarin.",
            ),
            ("full stop before", &id, "Hujan turun. Agung pulang cepat."),
            ("hyphen before", &id, "Hal itu pro-Rusia sekali."),
            ("place preposition", &id, "Ia tinggal di Sleman sejak lama."),
            (
                "common word also lower case",
                &id,
                "Rumah itu besar. rumah kami kecil.",
            ),
            ("known place before", &id, "Warga Jakarta Agung datang."),
            (
                "headline",
                &id,
                "Agung Datang Ke Pasar\n\nIa datang kemarin.",
            ),
            ("acronym", &id, "Ia bekerja di KPK sejak lama."),
            (
                "acronym in a sentence",
                &id,
                "Laporan itu dibuat oleh BPK tahun ini.",
            ),
            (
                "acronym opening a sentence",
                &id,
                "Hujan turun. BPK membuat laporan.",
            ),
            (
                "acronym after a number",
                &id,
                "Harga naik 46 juta KL tahun ini.",
            ),
            (
                "acronym after a bare number",
                &id,
                "Pembangkit itu 300 MW saja.",
            ),
            ("acronym defined", &id, "Bahan bakar (BBM) naik lagi."),
            ("acronym quoted", &id, "Ia menyebut \"BPK\" lemah."),
            ("acronym with a digit", &id, "Ia membeli G20 kemarin."),
            (
                "long word in capitals",
                &id,
                "Ia menulis PENGUMUMAN kemarin.",
            ),
            ("dateline", &id, "JAKARTA - Hujan turun kemarin."),
            (
                "dateline after a blank line",
                &id,
                "Hujan.\n\nBANDUNG, Rabu - Hujan turun.",
            ),
            ("en title", &en, "The President said so on Monday."),
            (
                "en name after said",
                &en,
                "The plan works, said Cronin on Monday.",
            ),
            ("en camel case", &en, "Shares of PayPal fell on Monday."),
            ("en single word", &en, "He met Cronin in Washington."),
            ("en acronym", &en, "He works for NATO now."),
            (
                "en acronym in a sentence",
                &en,
                "The report by UNICEF came out on Monday.",
            ),
            (
                "en acronym opening a sentence",
                &en,
                "It rained. UNICEF sent aid.",
            ),
            (
                "seed article",
                &id,
                include_str!("../../tests/fixtures/id-tempo-putin-pyongyang.txt"),
            ),
        ] {
            let run = |fast: bool| {
                FAST_PATHS.with(|f| f.set(fast));
                let doc = p.process(text);
                format!("{:?} {:?}", doc.entities(), doc.referents())
            };
            let (on, off) = (run(true), run(false));
            FAST_PATHS.with(|f| f.set(true));
            assert_eq!(on, off, "{name}");
        }
    }

    #[test]
    fn camel_case_words() {
        for (w, want) in [
            ("WorldCom", true),
            ("PayPal", true),
            ("MotoGP", true),
            ("iPhone", false),
            ("McDonald", false),
            ("DeSantis", false),
            ("FitzGerald", false),
            ("NASA", false),
            ("Jakarta", false),
            ("", false),
            ("ÉcoleNormale", true),
            ("ZürichVersicherung", true),
            ("MacÉwan", false),
            ("Ütü", false),
            ("ГазПром", true),
            ("Газпром", false),
            ("中国Ab", false),
            ("ǅǅ", false),
        ] {
            assert_eq!(is_camel(w), want, "{w:?}");
        }
    }

    #[test]
    fn squeezed_names_are_the_words_joined_by_one_space() {
        for (name, s, want) in [
            ("already squeezed", "Joko Widodo", "Joko Widodo"),
            ("empty", "", ""),
            ("two spaces", "Joko  Widodo", "Joko Widodo"),
            ("line break", "Joko\nWidodo", "Joko Widodo"),
            ("tab", "Joko\tWidodo", "Joko Widodo"),
            ("vertical tab", "Joko\u{b}Widodo", "Joko Widodo"),
            ("no-break space", "Joko\u{a0}Widodo", "Joko Widodo"),
            ("outer spaces", " Joko Widodo ", "Joko Widodo"),
            ("non-ASCII word", "Zürich  Ost", "Zürich Ost"),
        ] {
            let slow: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(squeeze_spaces(s), want, "{name}");
            assert_eq!(squeeze_spaces(s), slow.join(" "), "{name}");
        }
    }

    #[test]
    fn hash_sets_hold_this_documents_hashes_only() {
        // (name, size announced, hashes inserted, hashes asked: in the set?)
        type Case<'a> = (&'a str, usize, &'a [u64], &'a [(u64, bool)]);
        let cases: [Case; 4] = [
            ("some", 4, &[7, 8, 7], &[(7, true), (8, true), (9, false)]),
            ("zero", 1, &[0], &[(0, true), (7, false), (8, false)]),
            (
                "same home slot",
                1,
                &[1 << 40, 2 << 40],
                &[(1 << 40, true), (3 << 40, false)],
            ),
            (
                "past the size announced",
                1,
                &[1, 2, 3, 4, 5],
                &[(5, true), (6, false), (0, false)],
            ),
        ];
        let mut set = HashSet64::default();
        assert!(!set.contains(0));
        for (name, n, hs, asked) in cases {
            // (One set for every case: the last document's hashes are forgotten.)
            set.reset(n);
            let new: Vec<bool> = hs.iter().map(|&h| set.insert_new(h)).collect();
            let want: Vec<bool> = hs
                .iter()
                .enumerate()
                .map(|(i, h)| !hs[..i].contains(h))
                .collect();
            assert_eq!(new, want, "{name}");
            for &(h, there) in asked {
                assert_eq!(set.contains(h), there, "{name}: {h}");
            }
        }
        // Many hashes: the table grows and keeps them all.
        set.reset(1);
        for k in 0..1000u64 {
            assert!(set.insert_new(k.wrapping_mul(0x2545_f491_4f6c_dd1d)));
        }
        assert!((0..1000u64).all(|k| set.contains(k.wrapping_mul(0x2545_f491_4f6c_dd1d))));
        assert!(!set.contains(1000u64.wrapping_mul(0x2545_f491_4f6c_dd1d)));
    }

    #[test]
    fn two_words_is_a_count_of_two_or_more() {
        let cases = [
            "",
            " ",
            "Jokowi",
            " Jokowi ",
            "Joko Widodo",
            "Joko  Widodo ",
            "\tJoko\u{a0}Widodo",
            "Widodo\u{2003}",
            "Sri Mulyani Indrawati",
            "Ma\u{2019}ruf Amin",
        ];
        for s in cases {
            assert_eq!(two_words(s), s.split_whitespace().count() >= 2, "{s:?}");
        }
    }

    #[test]
    fn recent_hashes_go_to_the_set_once() {
        // (name, hashes inserted through the recent table: the set then holds exactly them)
        let cases: [(&str, &[u64]); 5] = [
            ("repeats", &[7, 7, 8, 7, 8]),
            ("zero", &[0, 0, 5, 0]),
            (
                "one slot, alternating",
                &[1 << 56 | 1, 1 << 56 | 2, 1 << 56 | 1, 1 << 56 | 2],
            ),
            ("top slot", &[u64::MAX, u64::MAX - 1, u64::MAX]),
            ("slot holds a zero hash's slot", &[0, 1, 0, 2]),
        ];
        let mut set = HashSet64::default();
        for (name, hs) in cases {
            // (A new table and an emptied set per document, as the prologue makes them.)
            set.reset(1);
            let mut recent = Recent([0; 256]);
            for &h in hs {
                recent.insert(&mut set, h);
            }
            for &h in hs {
                assert!(set.contains(h), "{name}: {h}");
            }
            let distinct = (0..hs.len()).filter(|&i| !hs[..i].contains(&hs[i])).count();
            assert_eq!(set.len, distinct, "{name}");
            for other in [3u64, 1 << 56 | 3, u64::MAX - 2] {
                assert_eq!(set.contains(other), hs.contains(&other), "{name}: {other}");
            }
        }
    }

    #[test]
    fn first_seen_gives_each_keys_first_value_per_document() {
        // (name, size announced, keys given values 0, 1, 2, ... in order, firsts expected)
        let cases: [(&str, usize, &[u64], &[u32]); 5] = [
            ("new keys", 4, &[7, 8, 9], &[0, 1, 2]),
            ("repeats", 4, &[7, 8, 7, 8, 7], &[0, 1, 0, 1, 0]),
            (
                "zero and the top bit",
                2,
                &[0, 1 << 63, 0, 1 << 63],
                &[0, 1, 0, 1],
            ),
            (
                "same home slot",
                1,
                &[1 << 40, 2 << 40, 1 << 40],
                &[0, 1, 0],
            ),
            (
                "past the size announced",
                1,
                &[1, 2, 3, 4, 5, 1, 5],
                &[0, 1, 2, 3, 4, 0, 4],
            ),
        ];
        let mut m = FirstSeen::default();
        for (name, n, keys, want) in cases {
            // (One map for every case: the last document's keys are forgotten.)
            m.reset(n);
            let got: Vec<u32> = keys
                .iter()
                .enumerate()
                .map(|(v, &k)| m.first(k, v as u32))
                .collect();
            assert_eq!(got, want, "{name}");
        }
        // Many keys: the table grows, and keeps each key's first value.
        m.reset(1);
        for round in 0..2 {
            for k in 1..=1000u64 {
                let v = if round == 0 { k as u32 } else { 0 };
                assert_eq!(m.first(k.wrapping_mul(0x2545_f491_4f6c_dd1d), v), k as u32);
            }
        }
        m.reset(1);
        assert_eq!(m.first(1u64.wrapping_mul(0x2545_f491_4f6c_dd1d), 9), 9);
    }

    #[test]
    fn lower_eq_is_equality_after_lower_casing() {
        for (s, lower, want) in [
            ("Presiden", "presiden", true),
            ("Presiden", "Presiden", false),
            ("juru bicara", "juru bicara", true),
            ("Menteri Luar", "menteri", false),
            ("ÉTAT", "état", true),
            ("État", "etat", false),
        ] {
            assert_eq!(lower_eq(s, lower), want, "{s:?} {lower:?}");
        }
    }

    #[test]
    fn non_ascii_surface_keys_hash_the_squeezed_text() {
        fn reference(s: &str, lower: bool) -> u64 {
            fn add(h: u64, b: u8) -> u64 {
                (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
            }
            let mut t = squeeze_spaces(s);
            if lower {
                t = t.to_lowercase();
            }
            let h = t.bytes().fold(0x2545_f491_4f6c_dd1d_u64, add);
            add(h.rotate_left(7) ^ t.len() as u64, 0)
        }
        for s in [
            "Владимир Путин",
            "  ВЛАДИМИР\u{3000}ПУТИН ",
            "中国 外交部",
            "ΣΟΦΟΣ Σ",
            "İstanbul Ǆemal",
            "Müller\u{a0} José ẞ",
            "Đặng\u{2028}\u{85}Văn",
            "Ａｂ ＣＤ \u{10400}",
            "ʼAli’s  co\u{ad}op",
        ] {
            for lower in [false, true] {
                assert_eq!(surface_key(s, lower), reference(s, lower), "{s:?} {lower}");
            }
        }
    }

    #[test]
    fn surface_keys_are_keys_of_the_squeezed_text() {
        for (a, b, lower, same) in [
            ("Patrick  Cronin", "Patrick Cronin", false, true),
            ("Patrick\n Cronin", "patrick cronin", true, true),
            ("Patrick Cronin", "patrick cronin", false, false),
            ("Zürich  Nord", "zürich nord", true, true),
            ("ZÜRICH Nord", "Zürich Nord", false, false),
            ("Tempo.co", "tempo.co", true, true),
            ("A\u{b}B", "a b", true, true),
            ("A\u{2003}B", "a b", true, true),
            ("AB", "A B", false, false),
        ] {
            assert_eq!(
                surface_key(a, lower) == surface_key(b, lower),
                same,
                "{a:?} {b:?}"
            );
        }
    }
}
