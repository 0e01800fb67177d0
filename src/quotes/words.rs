//! The miner's tokens: words and punctuation, as spans. The paragraphs' tokens are read from
//! the recognizer's ([`FromRecognizer`]: the text is tokenized once, and a word of ASCII
//! letters and digits keeps the recognizer's hash, by which its word-list classes are looked
//! up); a small tokenizer gives the same tokens where the recognizer's cannot tell, or where a
//! window leaves the paragraphs read.
//!
//! What the miner reads of its tokens, and why it keeps a list of its own:
//!
//! - the name reader (`mentions::collect`: capitalised runs, their roles, cues and
//!   institutions; `promote_subjects`) reads every token's `is_word` and `cap`, and around
//!   capitalised runs and noted verbs the neighbours' punctuation, classes, lower-case forms
//!   (role phrases, "dan"/"and", prepositions, nominalisations, the entity layer's lexicon)
//!   and keys (names by word); a word's classes are read two to three times on average
//!   (looked up where read instead of once per word: +17M instructions on /tmp/c2.txt), so
//!   they are looked up once, as the token is read;
//! - the attribution (`attrib`) reads windows around quotes through [`DocToks`]: spans,
//!   punctuation, `cap`, keys (classes and the verb filter by key) and `case` (lower-case
//!   forms), never `cls` or `form`;
//! - quotation marks are found over the recognizer's tokens directly (`marks`).
//!
//! The miner's tokens differ from the recognizer's where a word is joined across inner
//! joiners (`-`, `'`, `’`, `.`, `&`, `_`, a comma between digits: one word in 27 on
//! /tmp/c2.txt), where a vertical tab is white space, and where a word holds a non-ASCII
//! letter (the paragraph is tokenized here instead); the recognizer's list also spans the
//! text between paragraphs. So the token indices the name reader and the attribution use are
//! not the recognizer's, and a view over its tokens would map every index and rebuild every
//! token at each of its many reads; the list made here costs about 75 instructions a token
//! (the class look-up about 20, the push about 15).

use super::lexicon::{class, Lexicon, GENERAL_PUNCT};
use crate::gazetteer::token::{is_mark, Token, CASE_LOWER, CASE_NON_ASCII, CASE_UPPER};
use crate::swar::{eq_bytes, HI};
use crate::Span;

/// A token: a word (letters and digits, with inner `-`, `'`, `’`, `.` and `&`) or one
/// punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub span: Span,
    /// `None` for a word, the character for punctuation.
    pub punct: Option<char>,
    /// The word starts with an upper-case letter (or a digit and holds an upper-case letter);
    /// never set on punctuation.
    pub cap: bool,
    /// The kinds of the word's bytes ([`LOWER`], [`UPPER`], [`OTHER`]; `OTHER` for
    /// punctuation): a word of `LOWER` bytes only is its own lower-case form.
    pub case: u8,
    /// For a word of ASCII letters and digits whose recognizer token is known, the
    /// [`crate::gazetteer::token::token_hash`] of its lower-case form; 0 otherwise.
    pub key: u64,
    /// The word's classes (bits of [`super::lexicon::class`]) when its [`Tok::key`] is known
    /// and the tokens were read with a lexicon ([`FromRecognizer`]); [`UNKNOWN`] otherwise.
    pub cls: u32,
    /// Where the word's lower-case form is: [`IN_TEXT`] (the text with its ASCII letters in
    /// lower case, at `span`), else an index in the miner's list of forms made (see
    /// `mentions::Lows`).
    pub form: u32,
}

/// [`Tok::form`]: the form is in the text (its ASCII letters in lower case).
pub(crate) const IN_TEXT: u32 = u32::MAX;

/// [`Tok::cls`]: classes not looked up.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// [`Tok::case`]: ASCII lower-case letters or digits.
pub(crate) const LOWER: u8 = 1;
/// [`Tok::case`]: ASCII upper-case letters.
pub(crate) const UPPER: u8 = 2;
/// [`Tok::case`]: any other character (non-ASCII, joiners, commas).
pub(crate) const OTHER: u8 = 4;

/// The [`Tok::case`] bit of an ASCII letter or digit, 0 for any other byte, by table.
static ASCII_CASE: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            t[b] = LOWER;
        } else if c.is_ascii_uppercase() {
            t[b] = UPPER;
        }
        b += 1;
    }
    t
};

impl Tok {
    pub fn is_word(&self) -> bool {
        self.punct.is_none()
    }
    pub fn is(&self, c: char) -> bool {
        self.punct == Some(c)
    }
}

fn inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | '_')
}

/// Tokens of `text[start..end]` in `out` (cleared first).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    tokenize_append(text, start, end, out);
}

/// Tokens of `text[start..end]` appended to `out`. Bytes are scanned directly; only
/// non-ASCII characters are decoded.
pub(crate) fn tokenize_append(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // ASCII: the char tests below without decoding (`char::is_whitespace` of an ASCII
        // char is exactly these bytes; `char::is_alphanumeric`, `is_uppercase` and
        // `is_numeric` of an ASCII char are their ASCII versions).
        let k0 = ASCII_CASE[usize::from(b)];
        let (first_upper, first_digit, len) = if k0 != 0 {
            // (Digits are LOWER, below the letters.)
            (k0 == UPPER, k0 == LOWER && b <= b'9', 1)
        } else if b < 0x80 {
            if !matches!(b, b' ' | b'\t'..=b'\r') {
                out.push(Tok {
                    span: Span::new(i, i + 1),
                    punct: Some(char::from(b)),
                    cap: false,
                    case: OTHER,
                    key: 0,
                    cls: UNKNOWN,
                    form: IN_TEXT,
                });
            }
            i += 1;
            continue;
        } else {
            let (c, len) = char_at(text, bytes, i);
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !c.is_alphanumeric() {
                out.push(Tok {
                    span: Span::new(i, i + len),
                    punct: Some(c),
                    cap: false,
                    case: OTHER,
                    key: 0,
                    cls: UNKNOWN,
                    form: IN_TEXT,
                });
                i += len;
                continue;
            }
            (c.is_uppercase(), c.is_numeric(), len)
        };
        let mut case = if b < 0x80 { k0 } else { OTHER };
        let mut j = i + len;
        while j < end {
            // ASCII letters and digits: the common case, no decoding.
            while j < end {
                let k = ASCII_CASE[usize::from(bytes[j])];
                if k == 0 {
                    break;
                }
                case |= k;
                j += 1;
            }
            if j >= end {
                break;
            }
            // Other ASCII bytes end the word but for a joiner or a comma (one test for the
            // common space and punctuation).
            let b = bytes[j];
            if b < 0x80 && !matches!(b, b'-' | b'\'' | b'.' | b'&' | b'_' | b',') {
                break;
            }
            let (d, dl) = char_at(text, bytes, j);
            // (Whatever is taken below is no ASCII letter or digit: `OTHER`.)
            if d.is_alphanumeric() {
                case |= OTHER;
                j += dl;
            } else if inner_joiner(d)
                && j + dl < end
                && char_at(text, bytes, j + dl).0.is_alphanumeric()
            {
                // Only inside a word: a letter or digit must follow.
                case |= OTHER;
                j += dl;
            } else if d == ','
                && j + 1 < end
                && bytes[j - 1].is_ascii_digit()
                && bytes[j + 1].is_ascii_digit()
            {
                // A number's grouping or decimal comma: "1,200", "2,5".
                case |= OTHER;
                j += 1;
            } else {
                break;
            }
        }
        // (An upper-case letter after the first matters only for a word opening with a digit;
        // joiners and commas are not letters.)
        let cap = first_upper
            || (first_digit
                && text
                    .get(i..j)
                    .is_some_and(|w| w.chars().any(char::is_uppercase)));
        out.push(Tok {
            span: Span::new(i, j),
            punct: None,
            cap,
            case,
            key: 0,
            cls: UNKNOWN,
            form: IN_TEXT,
        });
        i = j;
        // (A space after a word, the common case: no token.)
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
}

/// What [`FromRecognizer::derive`] notes of the tokens it appends (their indices in its
/// output, in order).
#[derive(Default)]
pub(crate) struct Notes {
    /// The words of ASCII letters and digits in lower case that are cues or verbs of stance.
    pub verbs: Vec<usize>,
    /// The tokens whose lower-case form or classes the reader makes: non-ASCII punctuation
    /// that is not its own lower-case form, a hyphen alone, words without a key (with
    /// joiners).
    pub special: Vec<usize>,
}

/// The recognizer's tokens of the whole text (a maximal run of word characters, or one other
/// character that is no white space), read paragraph by paragraph in text order to give the
/// tokens [`tokenize_append`] would give without scanning the text again.
pub(crate) struct FromRecognizer<'a> {
    /// The lexicon the words' classes ([`Tok::cls`]) are looked up in.
    lx: &'a Lexicon,
    toks: &'a [Token],
    /// The tokens' [`crate::gazetteer::token::token_hash`]es.
    hashes: &'a [u64],
    /// The first token not read yet.
    next: usize,
    /// What [`rare_punct`] found of the last chars of punctuation it read, by the char's low
    /// bits (a text in another script repeats a few: "，", "。").
    memo: PunctMemo,
}

/// [`rare_punct`]'s memo: a char and what it is, by the char's low bits.
type PunctMemo = [(char, PunctKind); 16];

/// What [`rare_punct`] makes of a char of punctuation (by the char alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PunctKind {
    /// Not one of [`tokenize_append`]'s punctuation tokens.
    Reject,
    /// Noted: its form and classes are made by the reader.
    Special,
    /// Its classes.
    Cls(u32),
}

impl<'a> FromRecognizer<'a> {
    pub fn new(lx: &'a Lexicon, toks: &'a [Token], hashes: &'a [u64]) -> FromRecognizer<'a> {
        FromRecognizer {
            lx,
            toks,
            hashes,
            next: 0,
            // (The char 0 is ASCII: never read by `rare_punct`.)
            memo: [('\0', PunctKind::Reject); 16],
        }
    }

    /// Appends the tokens of `text[start..end]` to `out`, as [`tokenize_append`] gives them
    /// (calls in text order), with their [`Tok::key`]s. A word is a recognizer's word of ASCII
    /// letters and digits, joined to the next one across an inner joiner (or a comma between
    /// digits) that touches both; punctuation is the recognizer's one-character tokens. Where
    /// that reading is not sure (a non-ASCII letter, a token across the stretch's ends) the
    /// stretch is tokenized instead (keys 0).
    #[cfg(test)]
    pub fn append(&mut self, text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
        let n0 = out.len();
        if !self.derive(text, start, end, out, &mut Notes::default()) {
            out.truncate(n0);
            tokenize_append(text, start, end, out);
        }
    }

    /// [`FromRecognizer::derive`] from the recognizer's tokens, with the [`Notes`] of the
    /// tokens appended; `false` when they cannot tell (some tokens and notes may have been
    /// appended: the caller tokenizes the stretch instead).
    ///
    /// The stretch's recognizer tokens are found first (a binary search for the first one at
    /// or after `end`; one test of the last for a token across `end`), so the loop over them
    /// tests no bound; the common token (an ASCII word touching no joiner, ASCII punctuation)
    /// takes the short path, the rare ones (joiners, non-ASCII punctuation) are read apart.
    pub fn derive(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Vec<Tok>,
        notes: &mut Notes,
    ) -> bool {
        let toks = self.toks;
        let n = toks.len();
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        let mut k = self.next;
        while k < n && toks[k].start < start {
            k += 1;
        }
        if k > 0 && toks[k - 1].end > start {
            self.next = k;
            return false;
        }
        // The stretch's tokens: `k..m`.
        let rest = toks.get(k..).unwrap_or_default();
        let m = k + rest.partition_point(|t| t.start < end);
        if m > k && toks[m - 1].end > end {
            // A token across the stretch's end.
            self.next = m - 1;
            return false;
        }
        let par = toks.get(..m).unwrap_or_default();
        // (One hash a token: the same length as `par`, so reading both tests one bound.)
        let Some(hashes) = self.hashes.get(..par.len()) else {
            self.next = k;
            return false;
        };
        out.reserve(m - k);
        let lx = self.lx;
        let ok = loop {
            let Some(t) = par.get(k) else {
                break true;
            };
            k += 1;
            if !t.word {
                let b = bytes.get(t.start).copied().unwrap_or(0);
                if b < 0x80 && b != b'-' {
                    // (A vertical tab is white space here.)
                    if b == 0x0B {
                        continue;
                    }
                    out.push(Tok {
                        span: Span::new(t.start, t.end),
                        punct: Some(char::from(b)),
                        cap: false,
                        case: OTHER,
                        key: 0,
                        // (A one-char word of the lexicon, as "&" may be: by the char.)
                        cls: lx.classes_of_ascii(b),
                        form: IN_TEXT,
                    });
                } else if !rare_punct(lx, text, t, out, notes, &mut self.memo) {
                    break false;
                }
                continue;
            }
            let key = hashes[k - 1];
            // Inner joiners and digit grouping commas, touching a word on both sides.
            // (Only a touching token that is no word with a word touching it may join:
            // "Tempo.co", not "kata," nor "Jakarta. Lalu".)
            if may_join(par, t, k) {
                match joined(text, par, t, k) {
                    Some((e, case, next)) if case & NON_ASCII == 0 => {
                        if next > k {
                            k = next;
                            let cap = t.cap || (t.digit && case & UPPER != 0);
                            push_noted_word(out, notes, Span::new(t.start, e), cap, case);
                            continue;
                        }
                    }
                    // A word with a non-ASCII letter joined to others.
                    Some(_) => match other_script(text, par, t, k, out, notes) {
                        Some(next) => {
                            k = next;
                            continue;
                        }
                        None => break false,
                    },
                    None => break false,
                }
            }
            // (The recognizer's kinds of the word's bytes are these bits.)
            let case = t.case;
            if case & NON_ASCII != 0 {
                // A word with a non-ASCII letter (out of line: the hot loop keeps its registers).
                match other_script(text, par, t, k, out, notes) {
                    Some(next) => {
                        k = next;
                        continue;
                    }
                    None => break false,
                }
            }
            // (The recognizer's flags of an ASCII word: its first byte in upper case, a digit.)
            let cap = t.cap || (t.digit && case & UPPER != 0);
            let (key, cls) = if key != 0 {
                let cls = lx.classes_of_hash(key);
                if case == LOWER && cls & (class::CUE | class::SUBJECT_VERB) != 0 {
                    notes.verbs.push(out.len());
                }
                (key, cls)
            } else {
                notes.special.push(out.len());
                (0, UNKNOWN)
            };
            out.push(Tok {
                span: Span::new(t.start, t.end),
                punct: None,
                cap,
                case,
                key,
                cls,
                form: IN_TEXT,
            });
        };
        self.next = k;
        ok
    }
}

/// [`FromRecognizer::derive`] of punctuation that is no ASCII char but a hyphen: appended
/// (and noted when its form is to make), or `false` where the recognizer's token is not one
/// of [`tokenize_append`]'s.
#[cold]
#[inline(never)]
fn rare_punct(
    lx: &Lexicon,
    text: &str,
    t: &Token,
    out: &mut Vec<Tok>,
    notes: &mut Notes,
    memo: &mut PunctMemo,
) -> bool {
    let Some(c) = text.get(t.start..t.end).and_then(|c| c.chars().next()) else {
        return false;
    };
    // (Quotation marks and dashes, the common case: no look-up in the Unicode tables.)
    let kind = if GENERAL_PUNCT.contains(&c) {
        PunctKind::Cls(lx.classes_of_general_punct(c))
    } else {
        let slot = &mut memo[c as usize % 16];
        if slot.0 != c {
            *slot = (c, punct_kind(lx, c));
        }
        slot.1
    };
    // (Its classes are those of its form, made with it when it is noted.)
    let cls = match kind {
        PunctKind::Reject => return false,
        PunctKind::Special => {
            notes.special.push(out.len());
            UNKNOWN
        }
        PunctKind::Cls(cls) => cls,
    };
    out.push(Tok {
        span: Span::new(t.start, t.end),
        punct: Some(c),
        cap: false,
        case: OTHER,
        key: 0,
        cls,
        form: IN_TEXT,
    });
    true
}

/// What [`rare_punct`] makes of char `c` (no general punctuation).
fn punct_kind(lx: &Lexicon, c: char) -> PunctKind {
    if c == '-' {
        PunctKind::Special
    } else if c.is_alphanumeric() || c.is_whitespace() {
        PunctKind::Reject
    } else if !own_lower(c) {
        PunctKind::Special
    } else {
        PunctKind::Cls(lx.classes_of(c.encode_utf8(&mut [0; 4])))
    }
}

/// [`FromRecognizer::derive`] of word `t` whose next token `par[k]` touches it: the end, the
/// case bits and the index of the token after the word joined across inner joiners (and
/// digit grouping commas) that touch a word on both sides (`k` itself when none joins).
#[cold]
#[inline(never)]
fn joined(text: &str, par: &[Token], t: &Token, mut k: usize) -> Option<(usize, u8, usize)> {
    let bytes = text.as_bytes();
    let mut case = t.case;
    let mut e = t.end;
    while let (Some(j), Some(w)) = (par.get(k), par.get(k + 1)) {
        if j.start != e || j.word || !w.word || w.start != j.end {
            break;
        }
        let joins = match bytes.get(j.start).copied().unwrap_or(0) {
            b'-' | b'\'' | b'.' | b'&' | b'_' => true,
            b',' => {
                bytes.get(e - 1).is_some_and(u8::is_ascii_digit)
                    && bytes.get(w.start).is_some_and(u8::is_ascii_digit)
            }
            _ => text.get(j.start..j.end) == Some("’"),
        };
        if !joins {
            break;
        }
        case |= w.case | OTHER;
        e = w.end;
        k += 2;
    }
    Some((e, case, k))
}

/// [`FromRecognizer::derive`] of word `t` (the token before `par[k]`) that holds a non-ASCII
/// char or is joined to one that does: appended (noted: its form and classes are made by the
/// reader); the index of the token after it, or `None` where the tokenizer's word is not the
/// recognizer's.
#[cold]
#[inline(never)]
fn other_script(
    text: &str,
    par: &[Token],
    t: &Token,
    k: usize,
    out: &mut Vec<Tok>,
    notes: &mut Notes,
) -> Option<usize> {
    let (e, next) = if may_join(par, t, k) {
        let (e, _, next) = joined(text, par, t, k)?;
        (e, next)
    } else {
        (t.end, k)
    };
    let (cap, case) = other_script_word(text, t, e)?;
    push_noted_word(out, notes, Span::new(t.start, e), cap, case);
    Some(next)
}

/// Whether word `t` may be joined to the word after `par[k]` (the token right after it):
/// `par[k]` is punctuation touching both words. (The next two tokens, one bound test.)
#[inline]
fn may_join(par: &[Token], t: &Token, k: usize) -> bool {
    match par.get(k..k + 2) {
        Some([j, w]) => j.start == t.end && !j.word && w.word && w.start == j.end,
        _ => false,
    }
}

/// Appends the word at `span` whose form and classes the reader makes (noted as special).
#[inline]
fn push_noted_word(out: &mut Vec<Tok>, notes: &mut Notes, span: Span, cap: bool, case: u8) {
    notes.special.push(out.len());
    out.push(Tok {
        span,
        punct: None,
        cap,
        case,
        key: 0,
        cls: UNKNOWN,
        form: IN_TEXT,
    });
}

/// [`FromRecognizer::derive`] of a word of `text[t.start..end]` (recognizer word `t`, or words
/// joined to it) that holds a non-ASCII char: its [`Tok::cap`] and [`Tok::case`] as
/// [`tokenize_append`] gives them, or `None` where its word is not the recognizer's (a
/// combining mark that is no letter: the recognizer's words take it, the tokenizer's stop).
/// The bytes are read once by table; chars are decoded only in a word with a lead byte of a
/// combining mark's block (`0xCC`, `0xCD`, `0xE1`, `0xE2`, `0xEF`), and the first is looked up
/// in the Unicode tables only when the recognizer's `cap` (an upper-case or title-case letter,
/// or a letter of no case before a lower-case one) does not tell.
#[inline(never)]
fn other_script_word(text: &str, t: &Token, end: usize) -> Option<(bool, u8)> {
    let w = text.get(t.start..end)?;
    let mut case = OTHER;
    let mut marks = false;
    let mut blocks = w.as_bytes().chunks_exact(8);
    for c in &mut blocks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        if x & HI == HI {
            // (Eight bytes of non-ASCII chars, the common case in other scripts: no case bits;
            // a lead byte of a combining mark's block by flags, which miss none.)
            marks |= (eq_bytes(x, 0xCC)
                | eq_bytes(x, 0xCD)
                | eq_bytes(x, 0xE1)
                | eq_bytes(x, 0xE2)
                | eq_bytes(x, 0xEF))
                != 0;
            continue;
        }
        for &b in c {
            case |= ASCII_CASE[usize::from(b)];
            marks |= matches!(b, 0xCC | 0xCD | 0xE1 | 0xE2 | 0xEF);
        }
    }
    for &b in blocks.remainder() {
        case |= ASCII_CASE[usize::from(b)];
        marks |= matches!(b, 0xCC | 0xCD | 0xE1 | 0xE2 | 0xEF);
    }
    if marks && w.chars().any(|c| is_mark(c) && !c.is_alphanumeric()) {
        return None;
    }
    // (An upper-case first char is one the recognizer calls `cap`; an ASCII one is.)
    let first_upper = t.cap
        && (w.as_bytes().first().is_some_and(u8::is_ascii)
            || w.chars().next().is_some_and(char::is_uppercase));
    let cap = first_upper || (t.digit && w.chars().any(char::is_uppercase));
    Some((cap, case))
}

/// A bit of the recognizer's [`Token::case`]: a non-ASCII char in the word.
const NON_ASCII: u8 = CASE_NON_ASCII;

// (The recognizer's kinds of a word's bytes are the miner's [`Tok::case`] bits.)
const _: () = assert!(LOWER == CASE_LOWER && UPPER == CASE_UPPER && OTHER & NON_ASCII == 0);

/// The tokens of whole paragraphs (as [`tokenize_append`] gives them, in text order), so that
/// a window inside one of them is read without tokenizing it again.
#[derive(Default)]
pub(crate) struct DocToks {
    pub toks: Vec<Tok>,
    /// Per paragraph tokenized, in text order: its span and the stretch of `toks` it holds.
    pub pars: Vec<(Span, usize, usize)>,
}

impl DocToks {
    /// The tokens `tokenize(text, lo, hi)` gives, when known: the window lies inside a
    /// paragraph read, or inside paragraphs read one after the other with only white space
    /// between them, and cuts none of their tokens. (Bytes between tokens are white space, and
    /// a token depends on no byte before it: the paragraphs' tokens from a token's start or
    /// white space on are the window's, up to a token that would run past `hi`; white space
    /// between two paragraphs ends a token as their ends do.)
    pub fn window(&self, text: &str, lo: usize, hi: usize) -> Option<&[Tok]> {
        if lo >= hi {
            return Some(&[]);
        }
        let k = self.pars.partition_point(|p| p.0.start <= lo);
        let mut i = k.checked_sub(1)?;
        let &(par, a, mut b) = self.pars.get(i)?;
        let mut end = par.end;
        // (A window is short: a few paragraphs at most.)
        while hi > end {
            let &(next, na, nb) = self.pars.get(i + 1)?;
            let gap = text.get(end..next.start)?;
            if na != b || gap.is_empty() || !gap.chars().all(char::is_whitespace) {
                return None;
            }
            (end, b, i) = (next.end, nb, i + 1);
        }
        let p = self.toks.get(a..b)?;
        let s = p.partition_point(|t| t.span.start < lo);
        let e = p.partition_point(|t| t.span.start < hi);
        let cuts = |x: usize, k: usize| k > 0 && p[k - 1].span.end > x;
        if cuts(lo, s) || cuts(hi, e) {
            return None;
        }
        p.get(s..e)
    }

    /// [`DocToks::window`], or the window tokenized into `buf`.
    pub fn window_or<'x>(
        &'x self,
        text: &str,
        lo: usize,
        hi: usize,
        buf: &'x mut Vec<Tok>,
    ) -> &'x [Tok] {
        match self.window(text, lo, hi) {
            Some(t) => t,
            None => {
                tokenize(text, lo, hi, buf);
                buf
            }
        }
    }
}

/// Whether `c` is its own lower-case form ([`lower`] of such a punctuation char is the
/// char itself, where it is written).
#[inline]
pub(crate) fn own_lower(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// The character at byte `i` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, bytes: &[u8], i: usize) -> (char, usize) {
    let b = bytes[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Lower-cases `word` into `buf` (reused: no allocation once it is large enough) and returns it
/// (or `word` itself when it is in lower case already).
/// A possessive `'s` is dropped, and a reduplicated word ("badan-badan") gives its base.
pub(crate) fn lower<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    // (Most words are their own lower-case form.)
    if word.bytes().all(|c| ASCII_CASE[usize::from(c)] == LOWER) {
        return word;
    }
    buf.clear();
    lower_into(word, buf);
    buf.as_str()
}

/// Where the miner's lower-case forms are: the text with its ASCII letters in lower case, and
/// the forms made by the name reader (`mentions::Lows`) for the tokens whose [`Tok::form`]
/// indexes them (start and end in `arena`).
#[derive(Clone, Copy, Default)]
pub(crate) struct Forms<'a> {
    pub low_text: &'a str,
    pub arena: &'a str,
    pub forms: &'a [(usize, usize)],
}

/// [`lower`] of token `t` of `text`: a word of lower-case ASCII letters and digits is its own
/// form, a word of ASCII letters and digits is its own in `low.low_text` (`text` with its
/// ASCII letters in lower case, where it reaches), known from the token without reading its
/// bytes again, and a token whose form was made as its paragraph was read ([`Tok::form`])
/// reads it there (no second lower-casing of a non-ASCII word).
#[inline]
pub(crate) fn tok_lower<'a>(text: &'a str, low: Forms<'a>, t: Tok, buf: &'a mut String) -> &'a str {
    let w = text.get(t.span.start..t.span.end).unwrap_or("");
    if t.case == LOWER {
        return w;
    }
    if t.case & OTHER == 0 {
        if let Some(l) = low.low_text.get(t.span.start..t.span.end) {
            return l;
        }
    }
    if t.form != IN_TEXT {
        if let Some(f) = low
            .forms
            .get(t.form as usize)
            .and_then(|&(s, e)| low.arena.get(s..e))
        {
            return f;
        }
    }
    lower(w, buf)
}

/// [`lower`] appended to `out`.
pub(crate) fn lower_into(word: &str, out: &mut String) {
    let b = word.as_bytes();
    let w = if b.ends_with(b"'s") {
        &word[..word.len() - 2]
    } else if b.ends_with("’s".as_bytes()) {
        &word[..word.len() - "’s".len()]
    } else {
        word
    };
    // The first hyphen (a byte scan: words are short).
    let w = match w.bytes().position(|c| c == b'-') {
        Some(p) if w[..p].eq_ignore_ascii_case(&w[p + 1..]) => &w[..p],
        _ => w,
    };
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        if let Some(new) = out.get_mut(start..) {
            new.make_ascii_lowercase();
        }
    } else {
        for c in w.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punct() {
        let t = "“Ya,” kata Cronin's badan-badan Dr. X 4Cast.";
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        let words: Vec<&str> = v.iter().map(|k| &t[k.span.start..k.span.end]).collect();
        assert_eq!(
            words,
            vec![
                "“",
                "Ya",
                ",",
                "”",
                "kata",
                "Cronin's",
                "badan-badan",
                "Dr",
                ".",
                "X",
                "4Cast",
                "."
            ]
        );
        assert!(v[10].cap);
        let mut b = String::new();
        assert_eq!(lower("Badan-badan", &mut b), "badan");
        assert_eq!(lower("Cronin's", &mut b), "cronin");
    }

    #[test]
    fn own_lower_case_forms() {
        // (char, its own lower-case form, as `lower` gives it)
        let cases = [
            ('“', true),
            ('»', true),
            ('—', true),
            ('Ⓐ', false),
            ('İ', false),
        ];
        for (c, want) in cases {
            assert_eq!(own_lower(c), want, "{c:?}");
            let mut b = String::new();
            assert_eq!(
                lower(c.encode_utf8(&mut [0; 4]), &mut b) == c.to_string(),
                want,
                "{c:?}"
            );
        }
    }

    #[test]
    fn general_punctuation_is_read_by_the_char() {
        // Every char kept by the char: no letter, digit or white space, its own form, and its
        // classes (bundled, and with a one-char word added) those looked up by string.
        let mut added = crate::quotes::lexicon::bundled(crate::Language::Indonesian)
            .as_ref()
            .clone();
        added.add("stop", "—", true).unwrap();
        let lexicons = [
            crate::quotes::lexicon::bundled(crate::Language::Indonesian)
                .as_ref()
                .clone(),
            crate::quotes::lexicon::bundled(crate::Language::English)
                .as_ref()
                .clone(),
            added,
        ];
        for c in GENERAL_PUNCT {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
            assert!(own_lower(c), "{c:?}");
            for lx in &lexicons {
                let w = c.to_string();
                assert_eq!(lx.classes_of_general_punct(c), lx.classes_of(&w), "{c:?}");
            }
        }
        assert_ne!(lexicons[2].classes_of_general_punct('—'), 0);
    }

    #[test]
    fn tok_lower_reads_ascii_words_in_the_lower_cased_text() {
        let t = "Kata PRESIDEN Cronin's Badan-badan Über 4Cast";
        let low = t.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        // (token, its lower-case form, from the text itself or the lower-cased text)
        let cases = [
            ("Kata", "kata", true),
            ("PRESIDEN", "presiden", true),
            ("Cronin's", "cronin", false),
            ("Badan-badan", "badan", false),
            ("Über", "über", false),
            ("4Cast", "4cast", true),
        ];
        for ((word, want, in_low), tok) in cases.into_iter().zip(&v) {
            assert_eq!(&t[tok.span.start..tok.span.end], word);
            let mut buf = String::new();
            let forms = Forms {
                low_text: &low,
                ..Forms::default()
            };
            let got = tok_lower(t, forms, *tok, &mut buf);
            assert_eq!(got, want, "{word:?}");
            assert_eq!(
                std::ptr::eq(got.as_ptr(), low[tok.span.start..].as_ptr()),
                in_low,
                "{word:?}"
            );
            // Without the lower-cased text: the same form.
            let mut buf = String::new();
            assert_eq!(
                tok_lower(t, Forms::default(), *tok, &mut buf),
                want,
                "{word:?}"
            );
        }
    }
}

#[cfg(test)]
mod forms_tests {
    use super::*;

    #[test]
    fn tok_lower_reads_forms_made_once() {
        // (word, its form; a non-ASCII word and its ASCII twin: the non-ASCII one's form read
        // where it was made, the ASCII one's in the lower-cased text)
        let cases = [
            ("Über", "über"),
            ("Uber", "uber"),
            ("МОСКВА", "москва"),
            ("MOSKVA", "moskva"),
            ("Kata-kata", "kata"),
            ("José's", "josé"),
            ("Joses", "joses"),
            ("习近平", "习近平"),
        ];
        for (word, want) in cases {
            let mut toks = Vec::new();
            tokenize(word, 0, word.len(), &mut toks);
            assert_eq!(toks.len(), 1, "{word:?}");
            let mut t = toks[0];
            let low = word.to_ascii_lowercase();
            let mut arena = String::from("x");
            let forms = vec![(0, 0), (1, 1)];
            let made = t.case & OTHER != 0;
            let mut forms = forms;
            if made {
                let s = arena.len();
                lower_into(word, &mut arena);
                forms.push((s, arena.len()));
                t.form = 2;
            }
            let f = Forms {
                low_text: &low,
                arena: &arena,
                forms: &forms,
            };
            let mut buf = String::new();
            let got = tok_lower(word, f, t, &mut buf);
            assert_eq!(got, want, "{word:?}");
            if made {
                assert!(std::ptr::eq(got.as_ptr(), arena[1..].as_ptr()), "{word:?}");
            }
            // Without the forms: the same.
            let mut buf = String::new();
            assert_eq!(tok_lower(word, Forms::default(), toks[0], &mut buf), want);
        }
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn windows_read_from_the_paragraphs_are_their_tokenization() {
        // (text with paragraphs: every window known from the paragraphs' tokens is the
        // window tokenized)
        let cases = [
            "Satu paragraf. Kata-kata ini.\n\n“Dua,” kata Budi.\n\nTiga 1,5 persen.",
            "A b.\n \nC d\n\n\u{a0}\n\nE f",
            "ab\n\ncd",
        ];
        for text in cases {
            let mut doc = DocToks::default();
            let mut start = 0;
            for par in text.split("\n\n") {
                let (s, e) = (start, start + par.len());
                let a = doc.toks.len();
                tokenize_append(text, s, e, &mut doc.toks);
                doc.pars.push((Span::new(s, e), a, doc.toks.len()));
                start = e + 2;
            }
            // (Adjacent paragraphs without white space between: never read across.)
            let mut known = 0;
            for lo in 0..=text.len() {
                for hi in lo..=text.len() {
                    if !text.is_char_boundary(lo) || !text.is_char_boundary(hi) {
                        continue;
                    }
                    if let Some(w) = doc.window(text, lo, hi) {
                        let mut want = Vec::new();
                        tokenize(text, lo, hi, &mut want);
                        assert_eq!(w, want.as_slice(), "{text:?} {lo}..{hi}");
                        known += 1;
                    }
                }
            }
            assert!(known > 0, "{text:?}");
        }
        // Two paragraphs that touch: a window across them is tokenized instead.
        let text = "abcd";
        let mut doc = DocToks::default();
        tokenize_append(text, 0, 2, &mut doc.toks);
        doc.pars.push((Span::new(0, 2), 0, 1));
        tokenize_append(text, 2, 4, &mut doc.toks);
        doc.pars.push((Span::new(2, 4), 1, 2));
        assert!(doc.window(text, 0, 4).is_none());
        assert!(doc.window(text, 0, 2).is_some());
    }
}

#[cfg(test)]
mod from_recognizer_tests {
    use super::*;
    use crate::gazetteer::token::{token_hash, tokenize_hashed};

    /// The tokens of `text`'s paragraphs (blank-line separated), read from the recognizer's.
    fn derived(text: &str) -> Vec<Tok> {
        let (toks, hashes) = tokenize_hashed(text);
        let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
        let mut from = FromRecognizer::new(&lx, &toks, &hashes);
        let mut out = Vec::new();
        let mut start = 0;
        for par in text.split("\n\n") {
            from.append(text, start, start + par.len(), &mut out);
            start += par.len() + 2;
        }
        out
    }

    #[test]
    fn words_in_other_scripts_are_read_from_the_recognizers() {
        // (paragraph, read from the recognizer's tokens: a non-ASCII case and its ASCII twin;
        // a combining mark that is no letter is read by the tokenizer)
        let cases = [
            ("Президент России заявил, — сказал он.", true),
            ("Presiden Rusia berkata, — kata dia.", true),
            ("中国外交部发言人表示，双方将继续保持沟通。", true),
            (
                "Đặng Văn Lâm, Jean-Étienne l’Élysée Müller-Lüdenscheid",
                true,
            ),
            (
                "Dang Van Lam, Jean-Etienne l’Elysee Muller-Ludenscheid",
                true,
            ),
            ("1Ёж Жa-b a-Жb Ж.co Ж’s a\u{345}b", true),
            ("Cafe\u{301}", false),
            ("Ж\u{20DD}", false),
        ];
        for (text, want) in cases {
            let (toks, hashes) = tokenize_hashed(text);
            let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
            let mut from = FromRecognizer::new(&lx, &toks, &hashes);
            let mut out = Vec::new();
            let got = from.derive(text, 0, text.len(), &mut out, &mut Notes::default());
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn recognizer_tokens_give_the_tokenizers_tokens() {
        // (text: the same tokens either way, with keys only on ASCII words read as one
        // recognizer token)
        let cases = [
            "“Ya,” kata Cronin's badan-badan Dr. X 4Cast.",
            "Tempo.co, Rp 13.500 naik 14,5 persen: 1,200,000 orang (a.l. dr. Hartarto Sp.PD).",
            "Cronin’s U.S. R&D snake_case x-y- -z 'kutip' 12,a a,12",
            // Non-ASCII letters, combining marks, odd white space: tokenized instead.
            "Café Zürich e\u{301}t\u{b}x \u{2028} Ⅻ ٣ ǅ",
            "Satu paragraf.\n\nDua: “Kami siap,” kata Budi.\n\n\n",
            // Words in other scripts read from the recognizer's (and their ASCII twins).
            "Президент России заявил: «Мы готовы», — сказал он. Presiden Rusia berkata.",
            "中国外交部发言人表示，双方将继续保持沟通。他说：“我们欢迎。” Zhong guo.",
            "Đặng Văn Lâm, José Müller-Lüdenscheid, Jean-Étienne l’Élysée O’Neill Jean-Etienne",
            "1Ёж 1ёж 1Ab 2,5х 3,Ж ǅemal Ǆ ǆ Ⅻ ٣ 中a Жa-b a-Жb Ж.co Ж’s",
            "1ǅ 1Ж ١Ж ١ж ⅫЖ ǅ-Ж Ж-ǅ ǅ’s ꙊЖ ßЖ ŉx Ꭓ ꭰ 中Ж",
            "ab\u{301}c Жe\u{301} Ж\u{301}x \u{301}Ж a\u{345}b Ж\u{2060}x Ж\u{20DD}",
            // Long words (read eight bytes at a time), marks and ASCII letters in any block.
            "中国外交部发言人表示中国外交部发\u{301}言人 中国外交部发言人x中国外交部发言人Y中国",
            "Кириллица\u{20DD}текст ДлинноеСловоБезПробелов ДлинноеСловоzБезПробелов",
            // Joiners at a paragraph's ends, a word's last joiner before a non-ASCII word.
            "ab-\n\n-cd x.y\n\n1,5\n\nR&D-\n\nKo-Über\n\na'b'c'd a--b 'x' -",
            // Punctuation read again (its kind remembered by the char's low bits, where
            // "。", "¢" and "〒" share a slot), letters of no case among it.
            "。¢。¢〒。，、，、 ¤ ¤ × × Ⓐ。Ⓐ 〇，〇 ‐ ‐ - -\n\n。，¢〒",
            "",
            "   ",
        ];
        for text in cases {
            let mut want = Vec::new();
            let mut start = 0;
            for par in text.split("\n\n") {
                tokenize_append(text, start, start + par.len(), &mut want);
                start += par.len() + 2;
            }
            let got = derived(text);
            let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
            let strip = |v: &[Tok]| {
                v.iter()
                    .map(|t| Tok {
                        key: 0,
                        cls: UNKNOWN,
                        form: IN_TEXT,
                        ..*t
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(strip(&got), strip(&want), "{text:?}");
            for t in &got {
                let w = &text[t.span.start..t.span.end];
                if t.key != 0 {
                    assert!(t.is_word() && t.case & OTHER == 0, "{w:?}");
                    assert_eq!(t.key, token_hash(&w.to_ascii_lowercase()), "{w:?}");
                    // (The word's classes, looked up by its key.)
                    assert_eq!(t.cls, lx.classes_of(&w.to_ascii_lowercase()), "{w:?}");
                } else if t
                    .punct
                    .is_some_and(|c| c != '-' && (c.is_ascii() || own_lower(c)))
                {
                    // (Punctuation that is its own form: its classes by the char; in a
                    // stretch tokenized instead, left to the miner's reader, see `Lows::fill`.)
                    assert!(t.cls == lx.classes_of(w) || t.cls == UNKNOWN, "{w:?}");
                } else {
                    assert_eq!(t.cls, UNKNOWN, "{w:?}");
                }
            }
        }
    }
}
