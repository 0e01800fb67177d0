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
pub(crate) const fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
pub(crate) fn is_word_char(c: char) -> bool {
    // (Quotes and dashes first: no word chars, told without the Unicode tables.)
    !is_general_punct(c) && (c.is_alphanumeric() || is_mark(c))
}

/// Bits of [`char_class`]: a word char (a letter, a digit or a mark, not general punctuation).
pub(crate) const C_WORD: u8 = 1;
/// `char::is_alphabetic`.
pub(crate) const C_ALPHA: u8 = 2;
/// `char::is_lowercase`.
pub(crate) const C_LOWER: u8 = 4;
/// `char::is_uppercase`.
pub(crate) const C_UPPER: u8 = 8;
/// `char::is_numeric`.
pub(crate) const C_NUM: u8 = 16;
/// [`is_mark`].
pub(crate) const C_MARK: u8 = 32;
/// `char::is_whitespace`.
pub(crate) const C_SPACE: u8 = 64;
/// The char may hash as other bytes than its own: [`norm_punct`] or `char::to_lowercase`
/// may change it (when clear, neither does).
pub(crate) const C_FOLD: u8 = 128;

/// The alphabetic chars (`char::is_alphabetic`) from U+0080 to U+07FF, as ranges (a test
/// checks them against the std tables).
const ALPHA_2B: [(u32, u32); 46] = [
    (0xAA, 0xAA),
    (0xB5, 0xB5),
    (0xBA, 0xBA),
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0x2C1),
    (0x2C6, 0x2D1),
    (0x2E0, 0x2E4),
    (0x2EC, 0x2EC),
    (0x2EE, 0x2EE),
    (0x345, 0x345),
    (0x363, 0x374),
    (0x376, 0x377),
    (0x37A, 0x37D),
    (0x37F, 0x37F),
    (0x386, 0x386),
    (0x388, 0x38A),
    (0x38C, 0x38C),
    (0x38E, 0x3A1),
    (0x3A3, 0x3F5),
    (0x3F7, 0x481),
    (0x48A, 0x52F),
    (0x531, 0x556),
    (0x559, 0x559),
    (0x560, 0x588),
    (0x5B0, 0x5BD),
    (0x5BF, 0x5BF),
    (0x5C1, 0x5C2),
    (0x5C4, 0x5C5),
    (0x5C7, 0x5C7),
    (0x5D0, 0x5EA),
    (0x5EF, 0x5F2),
    (0x610, 0x61A),
    (0x620, 0x657),
    (0x659, 0x65F),
    (0x66E, 0x6D3),
    (0x6D5, 0x6DC),
    (0x6E1, 0x6E8),
    (0x6ED, 0x6EF),
    (0x6FA, 0x6FC),
    (0x6FF, 0x6FF),
    (0x710, 0x73F),
    (0x74D, 0x7B1),
    (0x7CA, 0x7EA),
    (0x7F4, 0x7F5),
    (0x7FA, 0x7FA),
];

/// The numeric chars (`char::is_numeric`) from U+0080 to U+07FF, as ranges.
const NUM_2B: [(u32, u32); 6] = [
    (0xB2, 0xB3),
    (0xB9, 0xB9),
    (0xBC, 0xBE),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
];

/// The case of each char from U+0080 to U+07FF (generated from the std tables; a test checks
/// it): `U` upper-case (`char::is_uppercase`), `l` lower-case, `t` neither but changed by
/// `char::to_lowercase` (title case), `.` uncased.
const CASE_2B: &[u8; 0x780] = b"\
    ..........................................l..........l....l.....\
    UUUUUUUUUUUUUUUUUUUUUUU.UUUUUUUllllllllllllllllllllllll.llllllll\
    UlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUllUlUlUlU\
    lUlUlUlUllUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUUlUlUll\
    lUUlUlUUlUUUllUUUUlUUlUUUlllUUlUUlUlUlUUlUllUlUUlUUUlUlUUll.Ulll\
    ....UtlUtlUtlUlUlUlUlUlUlUlUllUlUlUlUlUlUlUlUlUllUtlUlUUUlUlUlUl\
    UlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlllllllUUlUUl\
    lUlUUUUlUlUlUlUlllllllllllllllllllllllllllllllllllllllllllllllll\
    llllllllllllllllllll..lllllllllllllllllllllllllllllllllll.......\
    ll..............................lllll...........................\
    ................................................................\
    .....l..........................................UlUl..Ul..llll.U\
    ......U.UUU.U.UUlUUUUUUUUUUUUUUUUU.UUUUUUUUUllllllllllllllllllll\
    lllllllllllllllUllUUUlllUlUlUlUlUlUlUlUlUlUlUlUlllllUl.UlUUllUUU\
    UUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUllllllllllllllll\
    llllllllllllllllllllllllllllllllUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUl\
    Ul........UlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUl\
    UUlUlUlUlUlUlUllUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUl\
    UlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUl.UUUUUUUUUUUUUUU\
    UUUUUUUUUUUUUUUUUUUUUUU.........llllllllllllllllllllllllllllllll\
    lllllllll.......................................................\
    ................................................................\
    ................................................................\
    ................................................................\
    ................................................................\
    ................................................................\
    ................................................................\
    ................................................................\
    ................................................................\
    ................................................................";

const fn in_ranges(u: u32, r: &[(u32, u32)]) -> bool {
    let mut k = 0;
    while k < r.len() {
        if r[k].0 <= u && u <= r[k].1 {
            return true;
        }
        k += 1;
    }
    false
}

/// [`char_class`] of each char below U+0800 (the one- and two-byte chars).
static CLASS_2B: [u8; 0x800] = {
    let mut t = [0u8; 0x800];
    let mut u = 0u32;
    while u < 0x800 {
        let c = match char::from_u32(u) {
            Some(c) => c,
            None => ' ',
        };
        let alpha = if u < 0x80 {
            c.is_ascii_alphabetic()
        } else {
            in_ranges(u, &ALPHA_2B)
        };
        let num = if u < 0x80 {
            c.is_ascii_digit()
        } else {
            in_ranges(u, &NUM_2B)
        };
        let mark = is_mark(c);
        let case = if u < 0x80 {
            if c.is_ascii_uppercase() {
                b'U'
            } else if c.is_ascii_lowercase() {
                b'l'
            } else {
                b'.'
            }
        } else {
            CASE_2B[u as usize - 0x80]
        };
        let space = matches!(u, 0x09..=0x0D | 0x20 | 0x85 | 0xA0);
        let mut f = 0u8;
        if alpha || num || mark {
            f |= C_WORD;
        }
        if alpha {
            f |= C_ALPHA;
        }
        if case == b'l' {
            f |= C_LOWER;
        }
        if case == b'U' {
            f |= C_UPPER;
        }
        if num {
            f |= C_NUM;
        }
        if mark {
            f |= C_MARK;
        }
        if space {
            f |= C_SPACE;
        }
        if case == b'U' || case == b't' || norm_punct(c) as u32 != u {
            f |= C_FOLD;
        }
        t[u as usize] = f;
        u += 1;
    }
    t
};

/// The [`C_WORD`] .. [`C_FOLD`] bits of `c`: by table below U+0800; by range for general,
/// CJK and fullwidth punctuation, CJK ideographs, kana and Hangul syllables (alphabetic,
/// uncased); else by the std tables.
#[inline]
pub(crate) fn char_class(c: char) -> u8 {
    let u = c as u32;
    if let Some(&f) = CLASS_2B.get(u as usize) {
        return f;
    }
    match u {
        // General punctuation (after a word: "Putin’s").
        0x2010..=0x2027 | 0x2030..=0x205E => bit(norm_punct(c) != c, C_FOLD),
        // Format chars, CJK and fullwidth punctuation: nothing.
        0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x3001..=0x3004
        | 0x3008..=0x3020
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65 => 0,
        // Kana, CJK ideographs, Hangul syllables: uncased letters.
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => C_WORD | C_ALPHA,
        _ => char_class_slow(c),
    }
}

/// `f` when `b`, else 0.
#[inline]
const fn bit(b: bool, f: u8) -> u8 {
    if b {
        f
    } else {
        0
    }
}

/// [`char_class`] by the std tables.
#[inline(never)]
fn char_class_slow(c: char) -> u8 {
    let mut f = 0u8;
    let alpha = c.is_alphabetic();
    let num = c.is_numeric();
    let mark = is_mark(c);
    if !is_general_punct(c) && (alpha || num || mark) {
        f |= C_WORD;
    }
    f |= bit(alpha, C_ALPHA)
        | bit(c.is_lowercase(), C_LOWER)
        | bit(c.is_uppercase(), C_UPPER)
        | bit(num, C_NUM)
        | bit(mark, C_MARK)
        | bit(c.is_whitespace(), C_SPACE);
    let mut l = c.to_lowercase();
    if norm_punct(c) != c || l.len() != 1 || l.next() != Some(c) {
        f |= C_FOLD;
    }
    f
}

/// The char at byte `j` of `bytes` (valid UTF-8, `j` on a char boundary, the char not ASCII)
/// and its length.
#[inline]
fn decode_at(bytes: &[u8], j: usize) -> (char, usize) {
    let b = |k: usize| u32::from(bytes.get(j + k).copied().unwrap_or(0x80) & 0x3F);
    let b0 = u32::from(bytes.get(j).copied().unwrap_or(0));
    let (u, len) = if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | b(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (b(1) << 6) | b(2), 3)
    } else {
        (((b0 & 0x07) << 18) | (b(1) << 12) | (b(2) << 6) | b(3), 4)
    };
    (char::from_u32(u).unwrap_or(' '), len)
}

/// Maps apostrophe and hyphen variants to `'` and `-`.
#[inline]
pub(crate) const fn norm_punct(c: char) -> char {
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
/// all) is found by SWAR ([`plain_word`]) and hashed from the same block ([`token_hash`]
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
    let bytes = text.as_bytes();
    let (ch, len) = decode_at(bytes, i);
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
        return i + len;
    }
    let f = char_class(ch);
    if f & (C_WORD | C_MARK) == C_WORD {
        let start = i;
        let (mut has_lower, mut has_letter) = (f & C_LOWER != 0, f & C_ALPHA != 0);
        let mut fold = f & C_FOLD != 0;
        let j = scan_word(text, i + len, &mut has_lower, &mut has_letter, &mut fold);
        if H {
            let w = &bytes[start..j];
            // Without a char that folds, the hash is the bytes' own.
            hashes.push(if fold {
                token_hash_slow(&text[start..j])
            } else {
                raw_hash(w)
            });
        }
        out.push(Token {
            start,
            end: j,
            word: true,
            cap: f & C_UPPER != 0 || (f & (C_ALPHA | C_LOWER) == C_ALPHA && has_lower),
            upper: has_letter && !has_lower,
            lower: f & C_LOWER != 0,
            digit: f & C_NUM != 0,
            gap: gap(*spaced, *newlines),
            case: CASE_NON_ASCII,
        });
        *spaced = false;
        *newlines = 0;
        j
    } else if f & C_SPACE != 0 {
        *spaced = true;
        if ch == '\u{2028}' || ch == '\u{2029}' {
            *newlines += 2;
        }
        i + len
    } else {
        if H {
            hashes.push(if f & C_FOLD == 0 {
                raw_hash(&bytes[i..i + len])
            } else {
                token_hash_slow(&text[i..i + len])
            });
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
        let end = scan_word(text, j, &mut has_lower, &mut has_letter, &mut false);
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
    // The common case: a word of at most 64 bytes whose chars that fold keep their length in
    // lower case (ASCII, Latin-1, Greek and Cyrillic capitals): lowered in a copy, in place.
    let mut buf = [0u8; 64];
    let Some(w) = buf.get_mut(..s.len()) else {
        return hash_folding(s);
    };
    w.copy_from_slice(s.as_bytes());
    for (i, c) in s.char_indices() {
        if char_class(c) & C_FOLD == 0 {
            continue;
        }
        let Some(l) = lower_same_len(c) else {
            return hash_folding(s);
        };
        let mut tmp = [0u8; 4];
        let e = l.encode_utf8(&mut tmp).as_bytes();
        if let Some(at) = w.get_mut(i..i + e.len()) {
            at.copy_from_slice(e);
        }
    }
    raw_hash(w)
}

/// The lower case of `c` when it is an ASCII, Latin (Latin-1, Extended-A, Vietnamese), Greek
/// or Cyrillic capital whose lower case is one char of the same UTF-8 length (a test checks each against `char::to_lowercase`).
#[inline]
fn lower_same_len(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 0x20
        }
        0x400..=0x40F => u + 0x50,
        // Latin Extended-A and Additional (Vietnamese), Cyrillic beyond the basic letters:
        // pairs, the capital first.
        0x100..=0x12F
        | 0x132..=0x137
        | 0x14A..=0x177
        | 0x460..=0x481
        | 0x48A..=0x4BF
        | 0x4D0..=0x52F
        | 0x1E00..=0x1E95
        | 0x1EA0..=0x1EFF
            if u % 2 == 0 =>
        {
            u + 1
        }
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        _ => return None,
    };
    char::from_u32(l)
}

/// [`token_hash`] of any string: a char at a time, each folded.
fn hash_folding(s: &str) -> u64 {
    let mut h = ByteHasher::default();
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if char_class(c) & C_FOLD == 0 {
            // Neither lower case nor `norm_punct` changes it.
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h.push(b);
            }
            continue;
        }
        let c = norm_punct(c);
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                h.push(b);
            }
        }
    }
    h.finish()
}

/// The hash of bytes `b` as they are (no folding): as [`ByteHasher`] would give it.
#[inline]
fn raw_hash(b: &[u8]) -> u64 {
    let mut h = 0u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = add8(h, u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = add8(h, load_short(rest));
    }
    fin8(h, b.len())
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

/// [`char_class`] of the char at byte `j` of `bytes` (valid UTF-8, `j` on a char boundary
/// and in bounds) and its length, the common scripts told from their bytes without decoding.
#[inline]
pub(crate) fn class_at(bytes: &[u8], j: usize) -> (u8, usize) {
    let c = bytes.get(j).copied().unwrap_or(0);
    if c < 0x80 {
        (CLASS_2B[c as usize], 1)
    } else if c < 0xE0 {
        // A two-byte char (Latin, Greek, Cyrillic, ...): by the table.
        let u =
            (usize::from(c & 0x1F) << 6) | usize::from(bytes.get(j + 1).map_or(0, |&x| x & 0x3F));
        (CLASS_2B.get(u).copied().unwrap_or(0), 2)
    } else if matches!(c, 0xE5..=0xE9 | 0xEB | 0xEC)
        || (c == 0xE4 && bytes.get(j + 1).is_some_and(|&x| x >= 0xB8))
    {
        // U+4E00..=U+9FFF (CJK ideographs), U+B000..=U+CFFF (Hangul syllables): told by
        // the first bytes.
        (C_WORD | C_ALPHA, 3)
    } else {
        let (ch, len) = decode_at(bytes, j);
        (char_class(ch), len)
    }
}

/// Scans the word characters from byte `j` on, noting whether any is lower-case, whether any
/// is a letter and whether any may fold ([`C_FOLD`]); returns the end of the word.
#[inline]
fn scan_word(
    text: &str,
    mut j: usize,
    has_lower: &mut bool,
    has_letter: &mut bool,
    fold: &mut bool,
) -> usize {
    let bytes = text.as_bytes();
    let mut seen = 0u8;
    while j < bytes.len() {
        let (f, len) = class_at(bytes, j);
        if f & C_WORD == 0 {
            break;
        }
        seen |= f;
        j += len;
    }
    *has_lower |= seen & C_LOWER != 0;
    *has_letter |= seen & C_ALPHA != 0;
    *fold |= seen & C_FOLD != 0;
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
                    let end = ref_scan_word(text, j, &mut has_lower, &mut has_letter);
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
                let j = ref_scan_word(text, i + len, &mut has_lower, &mut has_letter);
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
            "a",
            "䷀",
            "㐀",
            "丁",
            "\u{4DFF}",
            "힣",
            "\u{D7A4}",
            "e",
            "z",
            "kata",
            "presiden",
            "A",
            "Z",
            "Jakarta",
            "0",
            "9",
            " ",
            " ",
            "  ",
            "\n",
            "\t",
            "\x0B",
            ".",
            ",",
            "-",
            "@",
            "`",
            "[",
            "{",
            "\0",
            "é",
            "É",
            "’",
            "—",
            "\u{301}",
            "\u{2028}",
            "\u{a0}",
            "ǅ",
            "٣",
            "Ⅻ",
            "\u{7f}",
            "Путин",
            "ПУТИН",
            "д",
            "Ё",
            "中国",
            "外",
            "한국",
            "ひ",
            "カ",
            "Đặng",
            "ß",
            "ẞ",
            "İ",
            "ϒ",
            "Σ",
            "ς",
            "ʼ",
            "\u{ad}",
            "´",
            "Ω",
            "\u{10428}",
            "\u{1F600}",
            "ᾈ",
            "ǈ",
            "½",
            "\u{3000}",
            "，",
            "。",
            "Ａ",
            "ｚ",
            "\u{200B}",
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
            let each: Vec<u64> = got.iter().map(|k| ref_hash(k.text(text))).collect();
            assert_eq!(hashes, each, "{text:?}");
        }
    }

    /// Scans the word characters from byte `j` on by the std tables, as the tokenizer did
    /// before [`char_class`].
    fn ref_scan_word(
        text: &str,
        mut j: usize,
        has_lower: &mut bool,
        has_letter: &mut bool,
    ) -> usize {
        for ch in text[j..].chars() {
            if !is_word_char(ch) {
                break;
            }
            *has_lower |= ch.is_lowercase();
            *has_letter |= ch.is_alphabetic();
            j += ch.len_utf8();
        }
        j
    }

    /// [`token_hash`] by its definition: the bytes of the lower-case form, the apostrophe and
    /// hyphen variants unified.
    fn ref_hash(s: &str) -> u64 {
        let mut h = ByteHasher::default();
        if s.is_ascii() {
            // (An ASCII string's backquote stays as it is.)
            for b in s.bytes() {
                h.push(b.to_ascii_lowercase());
            }
            return h.finish();
        }
        let mut buf = [0u8; 4];
        for c in s.chars() {
            for l in norm_punct(c).to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h.push(b);
                }
            }
        }
        h.finish()
    }

    #[test]
    fn char_classes_are_the_std_tables() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let f = char_class(c);
            let want = bit(is_word_char(c), C_WORD)
                | bit(c.is_alphabetic(), C_ALPHA)
                | bit(c.is_lowercase(), C_LOWER)
                | bit(c.is_uppercase(), C_UPPER)
                | bit(c.is_numeric(), C_NUM)
                | bit(is_mark(c), C_MARK)
                | bit(c.is_whitespace(), C_SPACE);
            assert_eq!(f & !C_FOLD, want, "{c:?} U+{:04X}", c as u32);
            // Without C_FOLD, neither lower case nor norm_punct changes it.
            if f & C_FOLD == 0 {
                assert_eq!(norm_punct(c), c, "{c:?}");
                assert!(c.to_lowercase().eq(std::iter::once(c)), "{c:?}");
            }
            // The table and ranges fold no more than the std tables ask, but for upper-case
            // letters without a lower case.
            if f & C_FOLD != 0 && !c.is_uppercase() {
                assert!(
                    norm_punct(c) != c || !c.to_lowercase().eq(std::iter::once(c)),
                    "{c:?}"
                );
            }
            if c as u32 >= 0x80 {
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf);
                assert_eq!(decode_at(s.as_bytes(), 0), (c, c.len_utf8()));
                assert_eq!(class_at(s.as_bytes(), 0), (f, c.len_utf8()), "{c:?}");
            }
        }
    }

    #[test]
    fn non_ascii_hashes_are_the_hashes_of_the_lower_case_bytes() {
        let alphabet = [
            "a",
            "Q",
            "é",
            "É",
            "Путин",
            "ПУТИН",
            "中国",
            "한",
            "’",
            "ʼ",
            "\u{ad}",
            "-",
            "ß",
            "ẞ",
            "İ",
            "ǅ",
            "ᾈ",
            "Σ",
            "ς",
            "ϒ",
            "\u{301}",
            "`",
            "Ⅻ",
            "\u{10428}",
            "\u{1F600}",
            "Ａ",
            "0",
            "Ѐ",
            "Ё",
            "Я",
            "Ω",
            "Ϋ",
            "Þ",
            "×",
            "À",
            "Z",
            "Владимир",
            "ĐẶNG",
            "Łódź",
            "Ŀ",
            "Ӂ",
        ];
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            if let Some(l) = lower_same_len(c) {
                assert!(c.to_lowercase().eq(std::iter::once(l)), "{c:?}");
                assert_eq!(l.len_utf8(), c.len_utf8(), "{c:?}");
            }
        }
        let long = "ВЛАДИМИР".repeat(5);
        assert_eq!(token_hash(&long), ref_hash(&long));
        for s in strings(&alphabet, 5_000, 12) {
            assert_eq!(token_hash(&s), ref_hash(&s), "{s:?}");
            if !s.is_ascii() {
                assert_eq!(token_hash_slow(&s), ref_hash(&s), "{s:?}");
            }
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
