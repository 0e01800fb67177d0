//! Word tokens of the original text, shared by the gazetteer index and the entity rules.
//!
//! A token is a maximal run of word characters (letters, digits, combining marks) or one
//! other non-space character. White space only separates tokens; what lies between two
//! tokens is recorded as a [`Gap`].

use crate::swar;

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Nothing: the tokens touch ("Tempo" "." "co").
    None,
    /// Spaces or tabs, at most one line break.
    Space,
    /// Two or more line breaks (a blank line): names never run across it.
    Break,
}

/// One token of the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// The first char is an upper-case (or title-case) letter.
    pub cap: bool,
    /// It has letters and none is lower-case.
    pub upper: bool,
    /// The first char is a lower-case letter.
    pub lower: bool,
    /// The first char is a digit.
    pub digit: bool,
    pub gap: Gap,
    /// For the quote miner, the kinds of an ASCII word's bytes: [`CASE_LOWER`] (an ASCII
    /// lower-case letter or digit), [`CASE_UPPER`] (an ASCII capital); [`CASE_NON_ASCII`]
    /// for a word with a non-ASCII char (the other bits then say nothing); 0 for a token that
    /// is no word.
    pub case: u8,
}

/// [`Token::case`]: the word has an ASCII lower-case letter or digit.
pub(crate) const CASE_LOWER: u8 = 1;
/// [`Token::case`]: the word has an ASCII upper-case letter.
pub(crate) const CASE_UPPER: u8 = 2;
/// [`Token::case`]: the word has a non-ASCII char.
pub(crate) const CASE_NON_ASCII: u8 = 8;

impl Token {
    /// A token that is no word (punctuation, a symbol) from `start` to `end`.
    #[inline]
    const fn other(start: usize, end: usize, gap: Gap) -> Token {
        Token {
            start,
            end,
            word: false,
            cap: false,
            upper: false,
            lower: false,
            digit: false,
            gap,
            case: 0,
        }
    }

    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // (Quotes and dashes first: no word chars, told without the Unicode tables.)
    !is_general_punct(c) && (c.is_alphanumeric() || is_mark(c))
}

/// Maps apostrophe and hyphen variants to `'` and `-`.
#[inline]
pub(crate) fn norm_punct(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{00AD}' => '-',
        _ => c,
    }
}

/// Tokenizes `text`, appending to `out` (cleared first).
pub(crate) fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_core::<false>(text, out, &mut Vec::new());
}

/// Tokenizes `text` into `out` and the tokens' [`token_hash`]es into `hashes` (both cleared
/// first), hashing ASCII words while they are scanned.
pub(crate) fn tokenize_hashed_into(text: &str, out: &mut Vec<Token>, hashes: &mut Vec<u64>) {
    tokenize_core::<true>(text, out, hashes);
}

/// Tokenizes `text`, with the hashes when `H`.
///
/// The common ASCII word (a letter or digit, then lower-case letters, at most eight bytes in
/// all) is found by SWAR ([`lower_run`]) and hashed from the same block ([`token_hash`]
/// hashes the folded bytes eight at a time).
#[inline]
fn tokenize_core<const H: bool>(text: &str, out: &mut Vec<Token>, hashes: &mut Vec<u64>) {
    out.clear();
    hashes.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut newlines = 0u32;
    let mut spaced = false;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        let cl = ASCII_CLASS[b as usize];
        if cl & ALNUM != 0 {
            let start = i;
            let g = gap(spaced, newlines);
            newlines = 0;
            // The common word: an ASCII letter or digit, then lower-case ASCII letters (digits
            // after a digit), then a byte that is no ASCII letter or digit nor starts a
            // non-ASCII char, within sixteen bytes: found and hashed a block at a time,
            // flagged by its first byte.
            if let Some((len, after, h)) = plain_word(bytes, i, cl & DIGIT != 0) {
                if H {
                    hashes.push(h);
                }
                let mut t = PLAIN_WORD[usize::from(len > 1)][usize::from(b & 0x7F)];
                t.start = start;
                t.end = start + len;
                t.gap = g;
                out.push(t);
                // The one space after a word, the common case: stepped over here.
                spaced = after == b' ';
                i = t.end + spaced as usize;
                continue;
            }
            // Any other ASCII word (out of line: the hot loop keeps its registers).
            let j = ascii_word::<H>(text, i, cl, g, out, hashes);
            spaced = bytes.get(j) == Some(&b' ');
            i = j + spaced as usize;
            continue;
        }
        if cl & SPACE != 0 {
            spaced = true;
            newlines += (b == b'\n') as u32;
            i += 1;
            continue;
        }
        if b < 0x80 {
            if H {
                hashes.push(ASCII_HASH[b as usize]);
            }
            out.push(Token::other(i, i + 1, gap(spaced, newlines)));
            newlines = 0;
            // The one space after it (", "), stepped over here.
            spaced = bytes.get(i + 1) == Some(&b' ');
            i += 1 + spaced as usize;
            continue;
        }
        // A non-ASCII char (out of line).
        i = non_ascii::<H>(text, i, &mut spaced, &mut newlines, out, hashes);
    }
}

/// [`tokenize_core`]'s token or white space at `i`, which starts with a non-ASCII char: pushed
/// (with the gap before it) or noted as space; returns where the next one starts.
#[inline(never)]
fn non_ascii<const H: bool>(
    text: &str,
    i: usize,
    spaced: &mut bool,
    newlines: &mut u32,
    out: &mut Vec<Token>,
    hashes: &mut Vec<u64>,
) -> usize {
    let ch = text[i..].chars().next().unwrap_or(' ');
    let len = ch.len_utf8();
    if is_general_punct(ch) {
        // Quotes, dashes, ellipses: one-char tokens without case (fast path).
        if H {
            let mut buf = [0u8; 4];
            let mut hh = ByteHasher::default();
            for &x in norm_punct(ch).encode_utf8(&mut buf).as_bytes() {
                hh.push(x);
            }
            hashes.push(hh.finish());
        }
        out.push(Token::other(i, i + len, gap(*spaced, *newlines)));
        *spaced = false;
        *newlines = 0;
        i + len
    } else if is_word_char(ch) && !is_mark(ch) {
        let start = i;
        let (mut has_lower, mut has_letter) = (ch.is_lowercase(), ch.is_alphabetic());
        let j = scan_word(text, i + len, &mut has_lower, &mut has_letter);
        if H {
            hashes.push(token_hash(&text[start..j]));
        }
        out.push(Token {
            start,
            end: j,
            word: true,
            cap: ch.is_uppercase() || (ch.is_alphabetic() && !ch.is_lowercase() && has_lower),
            upper: has_letter && !has_lower,
            lower: ch.is_lowercase(),
            digit: ch.is_numeric(),
            gap: gap(*spaced, *newlines),
            case: CASE_NON_ASCII,
        });
        *spaced = false;
        *newlines = 0;
        j
    } else if ch.is_whitespace() {
        *spaced = true;
        if ch == '\u{2028}' || ch == '\u{2029}' {
            *newlines += 2;
        }
        i + len
    } else {
        if H {
            hashes.push(token_hash(&text[i..i + len]));
        }
        out.push(Token::other(i, i + len, gap(*spaced, *newlines)));
        *spaced = false;
        *newlines = 0;
        i + len
    }
}

/// [`tokenize_core`]'s ASCII word at `i` (first byte's class `cl`, gap `g`) that the block
/// path does not take: scanned a byte at a time, pushed; returns its end.
#[inline(never)]
fn ascii_word<const H: bool>(
    text: &str,
    i: usize,
    cl: u8,
    g: Gap,
    out: &mut Vec<Token>,
    hashes: &mut Vec<u64>,
) -> usize {
    let bytes = text.as_bytes();
    let start = i;
    // Any other ASCII word start: scan on, one table look-up per byte.
    let mut seen = cl;
    let rest = &bytes[i + 1..];
    let mut len = rest.len();
    let mut high = false;
    for (off, &c) in rest.iter().enumerate() {
        let k = ASCII_CLASS[c as usize];
        if k & ALNUM == 0 {
            len = off;
            high = c >= 0x80;
            break;
        }
        seen |= k;
    }
    let mut j = i + 1 + len;
    let mut has_lower = seen & LOWER != 0;
    let mut has_letter = seen & LETTER != 0;
    let mut case = (u8::from(seen & (LOWER | DIGIT) != 0) * CASE_LOWER)
        | (u8::from(seen & UPPER != 0) * CASE_UPPER);
    if high {
        // A non-ASCII char: the word may go on (slow path).
        let end = scan_word(text, j, &mut has_lower, &mut has_letter);
        if end != j {
            case |= CASE_NON_ASCII;
        }
        j = end;
    }
    if H {
        hashes.push(token_hash(&text[start..j]));
    }
    out.push(Token {
        start,
        end: j,
        word: true,
        cap: cl & UPPER != 0,
        upper: has_letter && !has_lower,
        lower: cl & LOWER != 0,
        digit: cl & DIGIT != 0,
        gap: g,
        case,
    });
    j
}

/// The word at `i` when it is an ASCII letter or digit (the caller knows it is) followed by
/// lower-case ASCII letters (by digits when `digits`: a number) and then by a byte that goes
/// on no word ([`GOES_ON`]), all within sixteen bytes: its length, the byte after it and its
/// [`token_hash`].
#[inline]
fn plain_word(bytes: &[u8], i: usize, digits: bool) -> Option<(usize, u8, u64)> {
    let stops = |w: u64| {
        if digits {
            digit_stops(w)
        } else {
            lower_stops(w)
        }
    };
    let w = swar::block(bytes, i)?;
    // (The first byte never stops the word.)
    let len = (stops(w) & !0x80).trailing_zeros() as usize / 8;
    // Only the first byte may be a capital (bit 5 set: in lower case; a digit has it).
    let first = w | 0x20;
    if len < 8 {
        let after = (w >> (len * 8)) as u8;
        if ASCII_CLASS[after as usize] & GOES_ON != 0 {
            return None;
        }
        let mask = (1u64 << (len * 8)) - 1;
        return Some((len, after, fin8(add8(0, first & mask), len)));
    }
    let w2 = swar::block(bytes, i + 8)?;
    let len2 = stops(w2).trailing_zeros() as usize / 8;
    if len2 == 8 {
        return None;
    }
    let after = (w2 >> (len2 * 8)) as u8;
    if ASCII_CLASS[after as usize] & GOES_ON != 0 {
        return None;
    }
    let mut h = add8(0, first);
    if len2 > 0 {
        h = add8(h, w2 & ((1u64 << (len2 * 8)) - 1));
    }
    Some((8 + len2, after, fin8(h, 8 + len2)))
}

/// The high bit of each byte of `w` (eight bytes) that is no lower-case ASCII letter.
#[inline]
fn lower_stops(w: u64) -> u64 {
    // Each byte's low seven bits plus (0x80 - n) sets the byte's high bit exactly when they
    // are at least n (no carry leaves the byte); an ASCII byte has its high bit clear.
    let y = w & !swar::HI;
    let lower = (y + swar::LO * 0x1F) & !(y + swar::LO * 0x05) & !w & swar::HI;
    !lower & swar::HI
}

/// The high bit of each byte of `w` (eight bytes) that is no ASCII digit.
#[inline]
fn digit_stops(w: u64) -> u64 {
    // (As in `lower_stops`.)
    let y = w & !swar::HI;
    let digit = (y + swar::LO * 0x50) & !(y + swar::LO * 0x46) & !w & swar::HI;
    !digit & swar::HI
}

/// The tokens of [`plain_word`]s but for their start, end and gap: `[more][first byte]`, where
/// `more` says the word has bytes after its first (lower-case letters, or digits after a
/// digit: no letter, so not [`Token::upper`] either way).
static PLAIN_WORD: [[Token; 128]; 2] = {
    let mut t = [[Token::other(0, 0, Gap::None); 128]; 2];
    let mut b = 0;
    while b < 128 {
        let cl = ASCII_CLASS[b];
        let mut more = 0;
        while more < 2 {
            t[more][b] = Token {
                start: 0,
                end: 0,
                word: true,
                cap: cl & UPPER != 0,
                upper: more == 0 && cl & UPPER != 0,
                lower: cl & LOWER != 0,
                digit: cl & DIGIT != 0,
                gap: Gap::None,
                case: (if more == 1 || cl & (LOWER | DIGIT) != 0 {
                    CASE_LOWER
                } else {
                    0
                }) | (if cl & UPPER != 0 { CASE_UPPER } else { 0 }),
            };
            more += 1;
        }
        b += 1;
    }
    t
};

/// `w`, eight ASCII bytes, with the capitals in lower case.
#[inline]
fn fold8(w: u64) -> u64 {
    let y = w & !swar::HI;
    let upper = (y + swar::LO * 0x3F) & !(y + swar::LO * 0x25) & !w & swar::HI;
    w | (upper >> 2)
}

/// Chars of the General Punctuation block that are neither word chars, nor white space, nor
/// cased: dashes, quotation marks, bullets, ellipses, primes (U+2010..=U+2027,
/// U+2030..=U+205E).
#[inline]
fn is_general_punct(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E)
}

#[inline]
fn gap(spaced: bool, newlines: u32) -> Gap {
    if newlines >= 2 {
        Gap::Break
    } else if spaced {
        Gap::Space
    } else {
        Gap::None
    }
}

/// Tokenizes `text`, with the tokens' [`token_hash`]es.
pub(crate) fn tokenize_hashed(text: &str) -> (Vec<Token>, Vec<u64>) {
    // News text has a token every 5 bytes or so; punctuation-heavy text more.
    let mut v = Vec::with_capacity(text.len() / 4 + 16);
    let mut h = Vec::with_capacity(text.len() / 4 + 16);
    tokenize_hashed_into(text, &mut v, &mut h);
    (v, h)
}

/// Tokenizes `text`.
#[allow(dead_code)] // the recognizer and `Gazetteer::find` use `tokenize_hashed`
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut v = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut v);
    v
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One block of eight folded bytes more of a hash.
#[inline]
fn add8(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(K)
}

/// The hash of `len` folded bytes whose blocks gave `h`.
#[inline]
fn fin8(h: u64, len: usize) -> u64 {
    let x = (h.rotate_left(5) ^ len as u64).wrapping_mul(K);
    // The top bits, the best mixed, into the low ones too (hash tables take either).
    x ^ (x >> 32)
}

/// Hashes a string of folded bytes given one at a time: blocks of eight little-endian bytes,
/// the last one padded with zero bytes, then the length ([`add8`], [`fin8`]).
#[derive(Default)]
struct ByteHasher {
    h: u64,
    block: u64,
    len: usize,
}

impl ByteHasher {
    #[inline]
    fn push(&mut self, b: u8) {
        self.block |= (b as u64) << ((self.len % 8) * 8);
        self.len += 1;
        if self.len % 8 == 0 {
            self.h = add8(self.h, self.block);
            self.block = 0;
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        let h = if self.len % 8 != 0 {
            add8(self.h, self.block)
        } else {
            self.h
        };
        fin8(h, self.len)
    }
}

/// [`token_hash`] of each one-byte ASCII token.
static ASCII_HASH: [u64; 128] = {
    let mut t = [0u64; 128];
    let mut b = 0;
    while b < 128 {
        let c = (b as u8).to_ascii_lowercase() as u64;
        let h = (0u64.rotate_left(5) ^ c).wrapping_mul(K);
        let x = (h.rotate_left(5) ^ 1).wrapping_mul(K);
        t[b] = x ^ (x >> 32);
        b += 1;
    }
    t
};

/// Hash of a token, case-folded, with apostrophe and hyphen variants unified: of the bytes of
/// its lower-case form (apostrophes and hyphens as `'` and `-`), eight at a time.
#[inline]
pub(crate) fn token_hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = 0u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0x80; 8]));
        if w & swar::HI != 0 {
            return token_hash_slow(s);
        }
        h = add8(h, fold8(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let w = load_short(rest);
        if w & swar::HI != 0 {
            return token_hash_slow(s);
        }
        h = add8(h, fold8(w));
    }
    fin8(h, b.len())
}

/// The bytes of `b` (at most seven) as a little-endian word, zero above them: by one load of
/// four bytes, two and one, as the length's bits say.
#[inline]
fn load_short(b: &[u8]) -> u64 {
    let mut w = 0u64;
    let mut at = 0;
    if b.len() & 4 != 0 {
        if let Some(x) = b.get(..4).and_then(|x| <[u8; 4]>::try_from(x).ok()) {
            w = u64::from(u32::from_le_bytes(x));
        }
        at = 4;
    }
    if b.len() & 2 != 0 {
        if let Some(x) = b.get(at..at + 2).and_then(|x| <[u8; 2]>::try_from(x).ok()) {
            w |= u64::from(u16::from_le_bytes(x)) << (at * 8);
        }
        at += 2;
    }
    if b.len() & 1 != 0 {
        if let Some(&x) = b.get(at) {
            w |= u64::from(x) << (at * 8);
        }
    }
    w
}

fn token_hash_slow(s: &str) -> u64 {
    let mut h = ByteHasher::default();
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let c = norm_punct(c);
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                h.push(b);
            }
        }
    }
    h.finish()
}

/// True when the two tokens are equal after unifying apostrophe and hyphen variants.
pub(crate) fn eq_exact(text: &str, alias: &str) -> bool {
    if text == alias {
        return true;
    }
    let mut a = text.chars().map(norm_punct);
    let mut b = alias.chars().map(norm_punct);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// True when `text` is `alias` written in capitals.
pub(crate) fn eq_upper(text: &str, alias: &str) -> bool {
    let mut a = text.chars().map(norm_punct);
    let mut b = alias.chars().map(norm_punct).flat_map(char::to_uppercase);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// True when `text` is `alias` with its first letter capitalised.
pub(crate) fn eq_title(text: &str, alias: &str) -> bool {
    let mut ac = alias.chars();
    let mut tc = text.chars();
    match (ac.next(), tc.next()) {
        (Some(a0), Some(t0)) => {
            let mut up = a0.to_uppercase();
            if up.len() != 1 || up.next() != Some(t0) {
                return false;
            }
            eq_exact(tc.as_str(), ac.as_str())
        }
        _ => false,
    }
}

/// Scans the word characters from byte `j` on, noting whether any is lower-case and whether any
/// is a letter; returns the end of the word.
#[inline]
fn scan_word(text: &str, mut j: usize, has_lower: &mut bool, has_letter: &mut bool) -> usize {
    let bytes = text.as_bytes();
    while j < bytes.len() {
        let c = bytes[j];
        if c < 0x80 {
            if !c.is_ascii_alphanumeric() {
                break;
            }
            *has_lower |= c.is_ascii_lowercase();
            *has_letter |= c.is_ascii_alphabetic();
            j += 1;
            continue;
        }
        let ch = text[j..].chars().next().unwrap_or(' ');
        if !is_word_char(ch) {
            break;
        }
        *has_lower |= ch.is_lowercase();
        *has_letter |= ch.is_alphabetic();
        j += ch.len_utf8();
    }
    j
}

/// Bits of [`ASCII_CLASS`].
const ALNUM: u8 = 1;
const LOWER: u8 = 2;
const LETTER: u8 = 4;
const UPPER: u8 = 8;
const DIGIT: u8 = 16;
/// ASCII white space (`u8::is_ascii_whitespace`).
const SPACE: u8 = 32;
/// A byte that goes on a word: an ASCII letter or digit, or the first byte of a non-ASCII
/// char (which may be a letter).
const GOES_ON: u8 = ALNUM | HIGH;
/// A byte of a non-ASCII char.
const HIGH: u8 = 64;

/// Per byte: [`ALNUM`], [`LOWER`], [`UPPER`], [`LETTER`] and [`DIGIT`] for ASCII letters and
/// digits, [`SPACE`] for ASCII white space, [`HIGH`] for the bytes of non-ASCII chars, 0
/// otherwise.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            ALNUM | LOWER | LETTER
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER | LETTER
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_whitespace() {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    while b < 256 {
        t[b] = HIGH;
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_gaps() {
        let t = "Tempo.co, Jakarta -  Putin’s\n\nKim";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            ["Tempo", ".", "co", ",", "Jakarta", "-", "Putin", "’", "s", "Kim"]
        );
        assert_eq!(toks[1].gap, Gap::None);
        assert_eq!(toks[4].gap, Gap::Space);
        assert_eq!(toks[9].gap, Gap::Break);
        assert!(toks[0].cap && !toks[0].upper);
        assert!(toks[2].lower);
    }

    #[test]
    fn case_gives_the_kinds_of_a_words_bytes() {
        // (text: every token's case is the kinds of its bytes)
        let cases = [
            "Tempo.co, Jakarta -  Putin’s\n\nKim",
            "4Cast iPhone USA x9 99 Café Über naïve e\u{301}t Ⅻ ٣ ǅ ab’cd",
            "a_b R&D “Ya,” kata",
        ];
        for text in cases {
            for t in tokenize(text) {
                let w = t.text(text);
                let want = if !t.word {
                    0
                } else {
                    w.bytes().fold(0, |c, b| {
                        c | if b.is_ascii_lowercase() || b.is_ascii_digit() {
                            CASE_LOWER
                        } else if b.is_ascii_uppercase() {
                            CASE_UPPER
                        } else {
                            CASE_NON_ASCII
                        }
                    })
                };
                if want & CASE_NON_ASCII != 0 {
                    assert!(t.case & CASE_NON_ASCII != 0, "{w:?} in {text:?}");
                } else {
                    assert_eq!(t.case, want, "{w:?} in {text:?}");
                }
            }
        }
    }

    /// The tokenizer before the block-at-a-time fast path: one table look-up per byte.
    fn reference(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut newlines = 0u32;
        let mut spaced = false;
        let n = bytes.len();
        while i < n {
            let b = bytes[i];
            let cl = ASCII_CLASS[b as usize];
            if cl & ALNUM != 0 {
                // An ASCII word start: scan on, one table look-up per byte.
                let start = i;
                let mut seen = cl;
                let rest = &bytes[i + 1..];
                let mut len = rest.len();
                let mut high = false;
                for (off, &c) in rest.iter().enumerate() {
                    let k = ASCII_CLASS[c as usize];
                    if k & ALNUM == 0 {
                        len = off;
                        high = c >= 0x80;
                        break;
                    }
                    seen |= k;
                }
                let mut j = i + 1 + len;
                let mut has_lower = seen & LOWER != 0;
                let mut has_letter = seen & LETTER != 0;
                let mut case = (u8::from(seen & (LOWER | DIGIT) != 0) * CASE_LOWER)
                    | (u8::from(seen & UPPER != 0) * CASE_UPPER);
                if high {
                    // A non-ASCII char: the word may go on (slow path).
                    let end = scan_word(text, j, &mut has_lower, &mut has_letter);
                    if end != j {
                        case |= CASE_NON_ASCII;
                    }
                    j = end;
                }
                out.push(Token {
                    start,
                    end: j,
                    word: true,
                    cap: cl & UPPER != 0,
                    upper: has_letter && !has_lower,
                    lower: cl & LOWER != 0,
                    digit: cl & DIGIT != 0,
                    gap: gap(spaced, newlines),
                    case,
                });
                newlines = 0;
                // The one space after a word, the common case: stepped over here.
                spaced = bytes.get(j) == Some(&b' ');
                i = j + spaced as usize;
                continue;
            }
            if cl & SPACE != 0 {
                spaced = true;
                newlines += (b == b'\n') as u32;
                i += 1;
                continue;
            }
            if b < 0x80 {
                out.push(Token::other(i, i + 1, gap(spaced, newlines)));
                spaced = false;
                newlines = 0;
                i += 1;
                continue;
            }
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if is_general_punct(ch) {
                // Quotes, dashes, ellipses: one-char tokens without case (fast path).
                out.push(Token::other(i, i + len, gap(spaced, newlines)));
                spaced = false;
                newlines = 0;
                i += len;
            } else if is_word_char(ch) && !is_mark(ch) {
                let start = i;
                let (mut has_lower, mut has_letter) = (ch.is_lowercase(), ch.is_alphabetic());
                let j = scan_word(text, i + len, &mut has_lower, &mut has_letter);
                out.push(Token {
                    start,
                    end: j,
                    word: true,
                    cap: ch.is_uppercase()
                        || (ch.is_alphabetic() && !ch.is_lowercase() && has_lower),
                    upper: has_letter && !has_lower,
                    lower: ch.is_lowercase(),
                    digit: ch.is_numeric(),
                    gap: gap(spaced, newlines),
                    case: CASE_NON_ASCII,
                });
                spaced = false;
                newlines = 0;
                i = j;
            } else if ch.is_whitespace() {
                spaced = true;
                if ch == '\u{2028}' || ch == '\u{2029}' {
                    newlines += 2;
                }
                i += len;
            } else {
                out.push(Token::other(i, i + len, gap(spaced, newlines)));
                spaced = false;
                newlines = 0;
                i += len;
            }
        }
        out
    }

    /// Strings of `len` chars drawn from `alphabet` by a fixed pseudo-random sequence.
    fn strings(alphabet: &[&str], count: usize, len: usize) -> Vec<String> {
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..count)
            .map(|_| {
                let n = (next() % len as u64) as usize;
                (0..n)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_fast_path_gives_the_tokens_of_the_byte_scan() {
        let alphabet = [
            "a", "e", "z", "kata", "presiden", "A", "Z", "Jakarta", "0", "9", " ", " ", "  ", "\n",
            "\t", "\x0B", ".", ",", "-", "@", "`", "[", "{", "\0", "é", "É", "’", "—", "\u{301}",
            "\u{2028}", "\u{a0}", "ǅ", "٣", "Ⅻ", "\u{7f}",
        ];
        let mut texts = strings(&alphabet, 20_000, 24);
        // Words and numbers of every length around the blocks' ends, at the end of the text
        // and not.
        let digits = "0123456789".repeat(4);
        for (len, base) in (1..=34).flat_map(|l| {
            [
                (l, "abcdefghijklmnopqrstuvwxyzabcdefghij"),
                (l, digits.as_str()),
            ]
        }) {
            let w: String = base[..len].to_string();
            for (pre, post) in [
                ("", ""),
                ("X", " y"),
                ("7", "é"),
                ("Q", "Z"),
                ("a", "1"),
                ("", "."),
                ("5", "x"),
                ("", ",5"),
            ] {
                texts.push(format!("{pre}{w}{post}"));
                texts.push(format!("{pre}{w}{post}   "));
                texts.push(format!("{pre}{w}{post} padding after it"));
            }
        }
        for text in &texts {
            let want = reference(text);
            let (got, hashes) = tokenize_hashed(text);
            let fields = |k: &Token| {
                (
                    k.start, k.end, k.word, k.cap, k.upper, k.lower, k.digit, k.gap, k.case,
                )
            };
            assert_eq!(got.len(), want.len(), "{text:?}");
            for (a, b) in got.iter().zip(&want) {
                assert_eq!(fields(a), fields(b), "{text:?}");
            }
            let plain = tokenize(text);
            assert_eq!(plain.len(), want.len(), "{text:?}");
            for (a, b) in plain.iter().zip(&want) {
                assert_eq!(fields(a), fields(b), "{text:?}");
            }
            let each: Vec<u64> = got.iter().map(|k| token_hash(k.text(text))).collect();
            assert_eq!(hashes, each, "{text:?}");
        }
    }

    #[test]
    fn ascii_hashes_are_the_hashes_of_the_bytes_folded() {
        let alphabet = [
            "a", "Q", "z", "A", "Z", "0", "9", "@", "[", "{", "-", "'", ".", " ", "\0",
        ];
        for s in strings(&alphabet, 5_000, 40) {
            let mut h = ByteHasher::default();
            for b in s.bytes() {
                h.push(b.to_ascii_lowercase());
            }
            assert_eq!(token_hash(&s), h.finish(), "{s:?}");
            // (No apostrophe or hyphen variant in ASCII but the backquote.)
            assert_eq!(token_hash(&s), token_hash_slow(&s), "{s:?}");
        }
        assert_ne!(token_hash("a"), token_hash("a\0"));
        assert_ne!(token_hash("abcdefgh"), token_hash("abcdefgh\0"));
    }

    #[test]
    fn hashed_tokens_are_token_hashes() {
        for t in [
            "Tempo.co, Jakarta -  Putin’s\n\nKim",
            "Ütü ütü Café-au-lait x\u{301}y 12ab ’ – \u{2028}",
            "NASA 12 B2B abcÉ ABCé x9 Zürich DKI Jakarta-Selatan",
            "",
            "a",
        ] {
            let (toks, hashes) = tokenize_hashed(t);
            let want: Vec<u64> = toks.iter().map(|k| token_hash(k.text(t))).collect();
            assert_eq!(hashes, want, "{t:?}");
            let plain = tokenize(t);
            assert_eq!(plain.len(), toks.len());
            for (a, b) in plain.iter().zip(&toks) {
                let flags = |k: &Token| (k.start, k.end, k.word, k.cap, k.upper, k.lower, k.digit);
                assert_eq!(flags(a), flags(b), "{t:?}");
            }
        }
    }

    #[test]
    fn hashes_fold_case_and_punct() {
        assert_eq!(token_hash("Rusia"), token_hash("RUSIA"));
        assert_eq!(token_hash("’"), token_hash("'"));
        assert_eq!(token_hash("Ütü"), token_hash("ütü"));
        assert_ne!(token_hash("Rusia"), token_hash("Russia"));
    }

    #[test]
    fn general_punctuation_is_no_word_space_or_case() {
        for c in (0x2010u32..=0x2027)
            .chain(0x2030..=0x205E)
            .filter_map(char::from_u32)
        {
            assert!(is_general_punct(c));
            assert!(
                !c.is_alphanumeric() && !is_word_char(c) && !is_mark(c) && !c.is_whitespace(),
                "{c:?}"
            );
            assert!(c.to_lowercase().eq(std::iter::once(c)), "{c:?}");
            assert_eq!(
                tokenize_hashed(&c.to_string()).1,
                [token_hash_slow(&c.to_string())]
            );
        }
    }

    #[test]
    fn case_comparisons() {
        assert!(eq_upper("REUTERS", "Reuters"));
        assert!(!eq_upper("Reuters", "Reuters"));
        assert!(eq_title("Un", "un"));
        assert!(!eq_title("un", "Un"));
        assert!(eq_exact("’", "'"));
    }
}
