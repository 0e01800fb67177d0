//! Paragraphs and sentences.
//!
//! The [`Segmenter`] splits a text into paragraphs (runs of lines between blank lines) and
//! sentences. It is rule-based and fast (a byte scan; the only lookups are one hash probe
//! for the word before a full stop and one for the word after it), deterministic, and linear
//! in the size of the input.
//!
//! What it knows about a language is data: a profile per language (bundled for Indonesian
//! and English, in `src/segment/data/*.txt`) lists abbreviations by [`AbbreviationKind`] and
//! the words that typically open a sentence. Add your own with [`Segmenter::builder`].
//!
//! The rules, in short:
//!
//! - `.`, `!`, `?`, `…` and runs of them end a sentence when white space follows and then a
//!   capitalised word or an opening quotation mark. A closing quotation mark or bracket
//!   right after the stop stays with the sentence (`... pertahanan.”`). Before a lower-case
//!   word no sentence ends (`“Ya!” kata dia`, `Yahoo! in`, `“Siapa?” tanya dia`), except
//!   after a bare full stop or question mark that follows a plain word (a sentence whose
//!   writer forgot the capital).
//! - The word before a full stop decides what the stop means: an abbreviation of the
//!   profile ([`AbbreviationKind`]), an initial (`Jonas E. Smith`), a dotted abbreviation
//!   (`U.S.`, `a.n.`), a short word without vowels (`dgn.`, `Kpt.`, but not a unit after
//!   a number: `40 km.`), a list marker (`1.`, `a.`, `2)`), or a plain word. After an
//!   ordinary abbreviation, an initial or a dotted abbreviation, the sentence ends only
//!   before a typical sentence opener of the language ("Ia", "Namun", "The", "He").
//! - Full stops inside a token (`17.06`, `1.000.000`, `3.5%`, `detik.com`, `TEMPO.CO,`,
//!   e-mail addresses, URLs) never end a sentence. A number rarely opens a sentence (style
//!   guides spell it out), so a stop before one ends a sentence only if it is a year or a
//!   list marker.
//! - An ellipsis between words (`...`, `. . .`) or in brackets (`[...]`) does not end a
//!   sentence; attached to a word and followed by a capital it does; four dots do.
//! - A line break inside a paragraph ends a sentence when the line has no final
//!   punctuation (titles, bylines, captions, "Advertising") unless the line ends with `,`
//!   `;` `:` or a dash, or the next line starts in lower case (a wrapped line). A bullet
//!   (`•`) after white space starts a sentence.
//! - A sentence never crosses a paragraph boundary (a blank line), so an unclosed
//!   quotation mark cannot swallow the rest of the text, and sentences inside a long quote
//!   are sentences of their own.
//!
//! # Examples
//!
//! ```
//! use kutip::{Language, Segmenter};
//!
//! let text = "TEMPO.CO, Jakarta - Rapat dimulai pukul 17.06 WIB di Jl. Sudirman No. 5. \
//!             Ia datang bersama Prof. Dr. Budi, S.H., M.H. dan rekan-rekannya.";
//! let seg = Segmenter::new();
//! let (paragraphs, sentences) = seg.segment(text, Language::Indonesian);
//! assert_eq!(paragraphs.len(), 1);
//! let got: Vec<&str> = sentences.iter().map(|s| &text[s.trimmed]).collect();
//! assert_eq!(got, [
//!     "TEMPO.CO, Jakarta - Rapat dimulai pukul 17.06 WIB di Jl. Sudirman No. 5.",
//!     "Ia datang bersama Prof. Dr. Budi, S.H., M.H. dan rekan-rekannya.",
//! ]);
//!
//! // Teach it an abbreviation of your own.
//! let seg = Segmenter::builder()
//!     .add_prefixes(Language::Indonesian, ["Kapt."])
//!     .build();
//! let (_, sentences) = seg.segment("Kapal dipimpin Kapt. Andi. Ia berlayar.", Language::Indonesian);
//! assert_eq!(sentences.len(), 2);
//! ```

mod profile;

pub use self::profile::AbbreviationKind;
use self::profile::{normalize_entry, Profiles};
use crate::document::{Document, Paragraph, Sentence};
use crate::swar::{self, eq_bytes};
use crate::{Error, Language, Span};
use once_cell::sync::Lazy;
use std::sync::Arc;

static BUNDLED: Lazy<Arc<Profiles>> = Lazy::new(|| {
    // The bundled files are checked by a unit test; should they ever fail to parse, fall
    // back to empty profiles rather than panic.
    Arc::new(Profiles::bundled().unwrap_or_default())
});

/// Splits text into paragraphs and sentences.
///
/// Cheap to clone (the language data is shared), `Send + Sync`. See the [module
/// documentation](self) for the rules and an example.
#[derive(Clone)]
pub struct Segmenter {
    profiles: Arc<Profiles>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("id", &self.profiles.id)
            .field("en", &self.profiles.en)
            .finish()
    }
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// The segmenter with the bundled language data.
    pub fn new() -> Segmenter {
        Segmenter {
            profiles: Arc::clone(&BUNDLED),
        }
    }

    /// A builder that starts from the bundled language data.
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::{Language, Segmenter};
    ///
    /// let seg = Segmenter::builder()
    ///     .add_abbreviations(Language::Indonesian, ["Ktr.", "Perwkl."])
    ///     .add_sentence_starters(Language::Indonesian, ["syukurlah"])
    ///     .build();
    /// let (_, s) = seg.segment("Ia bekerja di Ktr. Pajak. Syukurlah gajinya naik.", Language::Indonesian);
    /// assert_eq!(s.len(), 2);
    /// ```
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder {
            profiles: (*BUNDLED.as_ref()).clone(),
        }
    }

    /// What `token` (with or without its final full stop) is in the profile of `lang`, if it
    /// is a listed abbreviation.
    pub fn abbreviation(&self, lang: Language, token: &str) -> Option<AbbreviationKind> {
        self.profiles.get(lang).kind_of(normalize_entry(token))
    }

    /// Splits `text` into paragraphs and sentences by the rules of `lang`.
    ///
    /// The sentences tile the text: the first starts at 0, each starts where the previous one
    /// ends, the last ends at `text.len()`; [`Sentence::trimmed`] is the sentence without
    /// the white space around it. A text of white space only has no paragraph and no
    /// sentence.
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::{Language, Segmenter};
    ///
    /// let text = "Headline\n\nMr. Smith arrived at 5 p.m. on Monday. He left.";
    /// let (paragraphs, sentences) = Segmenter::new().segment(text, Language::English);
    /// assert_eq!(paragraphs.len(), 2);
    /// let got: Vec<&str> = sentences.iter().map(|s| &text[s.trimmed]).collect();
    /// assert_eq!(got, ["Headline", "Mr. Smith arrived at 5 p.m. on Monday.", "He left."]);
    /// assert_eq!(sentences[0].span.start, 0);
    /// assert_eq!(sentences[2].span.end, text.len());
    /// ```
    pub fn segment(&self, text: &str, lang: Language) -> (Vec<Paragraph>, Vec<Sentence>) {
        // One scan of the text finds the bytes the scanner stops at and, from its line
        // feeds, the paragraphs.
        let (pars, events) = scan(text);
        // Reserve once rather than grow: every sentence but a paragraph's last ends at an
        // event, and news runs at about one sentence per 120 bytes (the bound keeps the
        // reservation small for a text full of stops).
        let cap = (events.len() + pars.len()).min(text.len() / 64 + 8);
        let mut sentences: Vec<Sentence> = Vec::with_capacity(cap);
        let mut paragraphs = Vec::with_capacity(pars.len());
        let mut scanner = Scanner {
            text,
            bytes: text.as_bytes(),
            profile: self.profiles.get(lang),
            end: 0,
            sent_start: 0,
            last_marker: None,
        };
        let mut ev = 0;
        for (pi, p) in pars.iter().enumerate() {
            let first = sentences.len();
            ev = scanner.paragraph(*p, pi, &events, ev, &mut sentences);
            paragraphs.push(Paragraph {
                span: *p,
                first_sentence: first,
                end_sentence: sentences.len(),
            });
        }
        if let Some(last) = sentences.last_mut() {
            last.span.end = text.len();
        }
        (paragraphs, sentences)
    }

    pub(crate) fn run(&self, doc: &mut Document) {
        let (paragraphs, sentences) = self.segment(&doc.text, doc.lang);
        doc.paragraphs = paragraphs;
        doc.sentences = sentences;
    }
}

/// Builds a [`Segmenter`] with language data of your own added to (or removed from) the
/// bundled data. Made by [`Segmenter::builder`].
///
/// Entries are single tokens written as in text; one trailing full stop is optional
/// (`"Jl."` and `"Jl"` are the same entry). Entries are case-sensitive, except that an
/// all-capitals token in the text also matches its lower-case or capitalised entry.
/// Entries holding white space are ignored (only the token right before a full stop is
/// looked up).
#[derive(Clone, Debug)]
pub struct SegmenterBuilder {
    profiles: Profiles,
}

impl SegmenterBuilder {
    /// A builder with no language data at all (no abbreviations, no sentence openers).
    pub fn empty() -> SegmenterBuilder {
        SegmenterBuilder {
            profiles: Profiles::default(),
        }
    }

    /// Adds abbreviations of a given kind.
    pub fn add<I, S>(mut self, lang: Language, kind: AbbreviationKind, entries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let p = self.profiles.get_mut(lang);
        for e in entries {
            p.insert_abbreviation(e.as_ref(), kind);
        }
        self
    }

    /// Adds ordinary abbreviations ([`AbbreviationKind::Ordinary`]): they may end a sentence,
    /// but only before a typical sentence opener.
    pub fn add_abbreviations<I, S>(self, lang: Language, entries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.add(lang, AbbreviationKind::Ordinary, entries)
    }

    /// Adds titles, ranks and other abbreviations that stand before a name or number
    /// ([`AbbreviationKind::Prefix`]): their full stop never ends a sentence before a word.
    pub fn add_prefixes<I, S>(self, lang: Language, entries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.add(lang, AbbreviationKind::Prefix, entries)
    }

    /// Adds abbreviations that usually close a list or a sentence
    /// ([`AbbreviationKind::Final`], like `dll.` and `etc.`).
    pub fn add_final_abbreviations<I, S>(self, lang: Language, entries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.add(lang, AbbreviationKind::Final, entries)
    }

    /// Removes abbreviations (of any kind), so that a full stop after them is judged like one
    /// after a plain word.
    pub fn remove_abbreviations<I, S>(mut self, lang: Language, entries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let p = self.profiles.get_mut(lang);
        for e in entries {
            p.remove_abbreviation(e.as_ref());
        }
        self
    }

    /// Adds words that look like abbreviations but are not, such as units written without
    /// vowels (`kg`, `MHz`): a full stop after them is judged like one after a plain word.
    pub fn add_plain_words<I, S>(mut self, lang: Language, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let p = self.profiles.get_mut(lang);
        for w in words {
            p.insert_plain(w.as_ref());
        }
        self
    }

    /// Adds words that typically open a sentence (matched case-insensitively). After an
    /// ordinary abbreviation, a sentence ends only before one of these.
    pub fn add_sentence_starters<I, S>(mut self, lang: Language, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let p = self.profiles.get_mut(lang);
        for w in words {
            p.insert_starter(w.as_ref());
        }
        self
    }

    /// Adds the entries of a profile file in the bundled format: `[prefix]`, `[abbr]`,
    /// `[final]`, `[plain]` and `[starters]` section lines, one token per line, `#` comments.
    /// `source` names the data in error messages.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Data`](crate::ErrorKind::Data) error naming `source` and the line
    /// when a section is unknown, an entry comes before any section, or an entry holds
    /// white space.
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::{Language, Segmenter};
    ///
    /// let data = "[prefix]\nKapt.\n[final]\ndstnya.\n";
    /// let seg = Segmenter::builder().load(Language::Indonesian, "mine.txt", data)?.build();
    /// assert!(seg.abbreviation(Language::Indonesian, "dstnya").is_some());
    ///
    /// let err = Segmenter::builder().load(Language::Indonesian, "bad.txt", "[nouns]\n").unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// # Ok::<(), kutip::Error>(())
    /// ```
    pub fn load(mut self, lang: Language, source: &str, data: &str) -> Result<Self, Error> {
        self.profiles.get_mut(lang).load(source, data)?;
        Ok(self)
    }

    /// The segmenter.
    pub fn build(self) -> Segmenter {
        Segmenter {
            profiles: Arc::new(self.profiles),
        }
    }
}

/// Paragraph spans (maximal runs of lines separated by blank lines, trimmed of white space) and the positions of the bytes the
/// scanner stops at (see [`CLASS`]), in order, from one scan of the text.
fn scan(text: &str) -> (Vec<Span>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut events = Vec::with_capacity(text.len() / 24 + 1);
    let mut lines = Lines::new(text.len());
    let mut event = |at: usize| {
        if CLASS[bytes[at] as usize] != 0 {
            // The line feed of a blank line is in no paragraph: not kept, so that a text of
            // blank lines keeps no list as long as itself.
            if bytes[at] != b'\n' || lines.line(text, at) {
                events.push(at);
            }
        }
    };
    // Eight bytes at a time: every flagged byte of a block is looked at in turn (a flag
    // may also be a borrow above a true one; the class table tells).
    // Sixteen bytes a step: most steps have no flag at all.
    let blocks = bytes.chunks_exact(32);
    let tail = bytes.len() - blocks.remainder().len();
    for (n, block) in blocks.enumerate() {
        let word = |k: usize| {
            let mut a = [0u8; 8];
            a.copy_from_slice(&block[k..k + 8]);
            interesting(u64::from_le_bytes(a))
        };
        let (h0, h1, h2, h3) = (word(0), word(8), word(16), word(24));
        if h0 | h1 | h2 | h3 == 0 {
            continue;
        }
        let base = n * 32;
        for (base, mut hit) in [(base, h0), (base + 8, h1), (base + 16, h2), (base + 24, h3)] {
            while hit != 0 {
                event(base + (hit.trailing_zeros() / 8) as usize);
                hit &= hit - 1;
            }
        }
    }
    for at in tail..bytes.len() {
        event(at);
    }
    lines.line(text, text.len());
    (lines.finish(), events)
}

/// Paragraph spans built a line at a time.
struct Lines {
    out: Vec<Span>,
    start: Option<usize>,
    end: usize,
    /// Start of the next line.
    ls: usize,
}

impl Lines {
    fn new(len: usize) -> Lines {
        // About one paragraph per 300 bytes of news: reserve once rather than grow.
        Lines {
            out: Vec::with_capacity(len / 256 + 1),
            start: None,
            end: 0,
            ls: 0,
        }
    }

    /// The line from the end of the last one to `le` (a line feed or the end of the text).
    /// Returns whether it holds anything but white space.
    #[inline]
    fn line(&mut self, text: &str, le: usize) -> bool {
        let ls = self.ls;
        if ls >= text.len() {
            return false;
        }
        // Mostly a line starts and ends with printable ASCII: nothing to trim.
        let bytes = text.as_bytes();
        let printable = |c: u8| (0x21..0x80).contains(&c);
        let (a, b) = if ls < le && printable(bytes[ls]) && printable(bytes[le - 1]) {
            (0, le - ls)
        } else {
            content_bounds(&text[ls..le])
        };
        self.ls = le + 1;
        if a == b {
            if let Some(s) = self.start.take() {
                self.out.push(Span::new(s, self.end));
            }
            false
        } else {
            if self.start.is_none() {
                self.start = Some(ls + a);
            }
            self.end = ls + b;
            true
        }
    }

    fn finish(mut self) -> Vec<Span> {
        if let Some(s) = self.start {
            self.out.push(Span::new(s, self.end));
        }
        self.out
    }
}

/// Paragraph spans: maximal runs of lines separated by blank lines (lines of white space
/// only), trimmed of white space.
#[cfg(test)]
pub(crate) fn paragraph_spans(text: &str) -> Vec<Span> {
    scan(text).0
}

/// Flags (high bit of their byte) the bytes of `x` the scan stops at (see [`CLASS`]), and
/// maybe a few more.
#[inline]
fn interesting(x: u64) -> u64 {
    eq_bytes(x, b'.')
        | eq_bytes(x, b'!')
        | eq_bytes(x, b'?')
        | eq_bytes(x, b'\n')
        | eq_bytes(x, b')')
        // The lead byte 0xE2 of `…`, the curly quotation marks and bullets.
        | eq_bytes(x, 0xE2)
}

fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The bounds of `line` without the white space around it (`(n, n)` for a blank line).
fn content_bounds(line: &str) -> (usize, usize) {
    let b = line.as_bytes();
    let mut a = 0;
    while a < b.len() && is_ascii_ws(b[a]) {
        a += 1;
    }
    if a < b.len() && b[a] >= 0x80 {
        a = line.len() - line.trim_start().len();
    }
    if a == b.len() {
        return (a, a);
    }
    let mut e = b.len();
    while e > a && is_ascii_ws(b[e - 1]) {
        e -= 1;
    }
    if b[e - 1] >= 0x80 {
        e = a + line[a..e].trim_end().len();
    }
    (a, e)
}

// ---------------------------------------------------------------------------------------
// The scanner.

/// Byte classes of the scan: 0 = nothing to do.
const C_STOP: u8 = 1; // . ! ?
const C_NL: u8 = 2; // \n
const C_E2: u8 = 3; // first byte of … and of bullets
const C_PAREN: u8 = 4; // ) of a list marker "1)"

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'.' as usize] = C_STOP;
    t[b'!' as usize] = C_STOP;
    t[b'?' as usize] = C_STOP;
    t[b'\n' as usize] = C_NL;
    t[0xE2] = C_E2;
    t[b')' as usize] = C_PAREN;
    t
};

/// How far back the word before a full stop is looked at.
const TOKEN_WINDOW: usize = 64;

#[derive(Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    Dot,      // 1.
    DotParen, // 1.)
    Paren,    // 1)
}

/// What follows a candidate sentence end.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Next {
    End,
    Upper,
    Lower,
    Digit,
    Other,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    profile: &'a profile::Profile,
    /// End of the current paragraph.
    end: usize,
    /// Start of the content of the current sentence.
    sent_start: usize,
    /// The last list marker of the paragraph: its style and number.
    last_marker: Option<(MarkerStyle, u32)>,
}

/// `"` `'` `(` `[` `{` and the typographic opening marks (and `”`, which Kompas opens with).
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '”' | '¿' | '¡'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '“'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '▪' | '●' | '◦' | '■' | '►')
}

impl<'a> Scanner<'a> {
    fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        let b = self.bytes[pos];
        if b < 0x80 {
            return Some(b as char);
        }
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, pos: usize, floor: usize) -> Option<char> {
        if pos <= floor {
            return None;
        }
        let b = self.bytes[pos - 1];
        if b < 0x80 {
            return Some(b as char);
        }
        let mut s = pos - 1;
        while s > floor && !self.text.is_char_boundary(s) {
            s -= 1;
        }
        self.text.get(s..pos).and_then(|t| t.chars().next())
    }

    /// Skips white space from `pos` (up to the paragraph end).
    #[inline]
    fn skip_ws(&self, mut pos: usize) -> usize {
        while pos < self.end {
            let b = self.bytes[pos];
            if b < 0x80 {
                if b.is_ascii_whitespace() || b == 0x0b {
                    pos += 1;
                    continue;
                }
                break;
            }
            match self.char_at(pos) {
                Some(c) if c.is_whitespace() => pos += c.len_utf8(),
                _ => break,
            }
        }
        pos
    }

    /// Moves back over white space from `pos` (not below `floor`).
    fn trim_back(&self, mut pos: usize, floor: usize) -> usize {
        while let Some(c) = self.char_before(pos, floor) {
            if c.is_whitespace() {
                pos -= c.len_utf8();
            } else {
                break;
            }
        }
        pos
    }

    /// Ends the current sentence at `end` (exclusive end of its content).
    fn cut(&mut self, end: usize, par: usize, out: &mut Vec<Sentence>) {
        if end <= self.sent_start || end > self.end {
            return;
        }
        let start = self.sent_start;
        // The tiles: each sentence reaches to the start of the next one.
        let tile_start = match out.last_mut() {
            Some(prev) => {
                prev.span.end = start;
                start
            }
            None => 0,
        };
        out.push(Sentence {
            span: Span::new(tile_start, end),
            trimmed: Span::new(start, end),
            paragraph: par,
        });
        self.sent_start = self.skip_ws(end);
    }

    /// Splits the paragraph `p` into sentences; `events` are the positions of the bytes to
    /// stop at, those of this paragraph from `ev` on. Returns the index of the first event
    /// after the paragraph.
    fn paragraph(
        &mut self,
        p: Span,
        par: usize,
        events: &[usize],
        mut ev: usize,
        out: &mut Vec<Sentence>,
    ) -> usize {
        self.end = p.end;
        self.sent_start = p.start;
        self.last_marker = None;
        let bytes = self.bytes;
        let mut i = p.start;
        while i < p.end {
            // The next byte that needs attention.
            while ev < events.len() && events[ev] < i {
                ev += 1;
            }
            match events.get(ev) {
                Some(&at) if at < p.end => i = at,
                _ => break,
            }
            i = match CLASS[bytes[i] as usize] {
                C_STOP => self.stop(i, par, out),
                C_NL => {
                    self.newline(i, par, out);
                    i + 1
                }
                C_E2 => match self.char_at(i) {
                    Some('…') => self.stop(i, par, out),
                    Some(c) if is_bullet(c) => {
                        self.bullet(i, par, out);
                        i + c.len_utf8()
                    }
                    _ => i + 1,
                },
                _ => {
                    self.paren(i, par, out);
                    i + 1
                }
            };
        }
        if self.sent_start < p.end {
            let end = p.end;
            self.cut(end, par, out);
        }
        ev
    }

    /// Classifies what follows position `k` (after a stop and its closing marks): the first
    /// character of the next word, whether an opening mark came first, and the next word.
    fn next_word(&self, k: usize) -> (Next, bool, usize) {
        // The common case: one space, then an ASCII letter or digit.
        if k + 1 < self.end && self.bytes[k] == b' ' {
            let b = self.bytes[k + 1];
            if b.is_ascii_alphanumeric() {
                return (ascii_next(b), false, k + 1);
            }
        }
        let mut w = self.skip_ws(k);
        if w >= self.end {
            return (Next::End, false, w);
        }
        // The common case: an ASCII letter or digit right away.
        let b = self.bytes[w];
        if b.is_ascii_alphanumeric() {
            return (ascii_next(b), false, w);
        }
        let mut opened = false;
        // At most a few opening marks: "(“
        for _ in 0..4 {
            match self.char_at(w) {
                Some(c) if is_opener(c) => {
                    opened = true;
                    w += c.len_utf8();
                }
                _ => break,
            }
        }
        // A dash closing a parenthesis ("... Love? - picked up ..."): judge the word after it.
        if let Some('-' | '–' | '—') = self.char_at(w) {
            let after = w + self.char_at(w).map_or(1, char::len_utf8);
            if matches!(self.char_at(after), Some(c) if c.is_whitespace()) {
                let w2 = self.skip_ws(after);
                if matches!(self.char_at(w2), Some(c) if c.is_lowercase()) {
                    return (Next::Lower, opened, w2);
                }
            }
        }
        let next = match self.char_at(w) {
            None => Next::Other,
            Some(c) if c.is_uppercase() => Next::Upper,
            Some(c) if c.is_lowercase() => Next::Lower,
            Some(c) if c.is_ascii_digit() => Next::Digit,
            Some(c) if c.is_alphabetic() => Next::Upper, // caseless scripts
            Some(_) => Next::Other,
        };
        (next, opened, w)
    }

    /// The word starting at `w` (letters, digits, apostrophes), bounded.
    fn word_at(&self, w: usize) -> &'a str {
        let mut e = w;
        while e < self.end && e - w < TOKEN_WINDOW {
            match self.char_at(e) {
                Some(c) if c.is_alphanumeric() || c == '-' => e += c.len_utf8(),
                _ => break,
            }
        }
        self.text.get(w..e).unwrap_or("")
    }

    /// The token that ends at `pos` (exclusive): back to white space or an opening mark,
    /// at most [`TOKEN_WINDOW`] bytes. `None` when it is longer.
    fn token_before(&self, pos: usize) -> Option<(usize, &'a str)> {
        let hard = self.sent_start.min(pos);
        let floor = hard.max(pos.saturating_sub(TOKEN_WINDOW));
        let mut s = pos;
        // Eight bytes at a time back over printable ASCII (0x21..=0x7E and DEL): the bytes
        // after the last byte of a block below 0x21 or above 0x7F are all in the token.
        while s >= floor + 8 {
            let Some(x) = swar::block(self.bytes, s - 8) else {
                break;
            };
            let printable = ((x & !swar::HI) + swar::LO * 0x5F) & swar::HI;
            let stop = (!printable | x) & swar::HI;
            if stop == 0 {
                s -= 8;
                continue;
            }
            s = s - 8 + (63 - stop.leading_zeros() as usize) / 8 + 1;
            break;
        }
        loop {
            if s > floor {
                let b = self.bytes[s - 1];
                if b < 0x80 {
                    if is_ascii_ws(b) {
                        break;
                    }
                    s -= 1;
                    continue;
                }
            }
            match self.char_before(s, floor) {
                None => {
                    if floor > hard {
                        return None;
                    }
                    break;
                }
                Some(c) if c.is_whitespace() || is_bullet(c) => break,
                Some(c) => s -= c.len_utf8(),
            }
        }
        let tok = self.text.get(s..pos)?;
        // Drop leading punctuation and opening marks ("—Dr", "(Purn", "“Dr"): mostly the
        // token starts with an ASCII letter or digit, and there is nothing to drop.
        if tok
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            return Some((s, tok));
        }
        let trimmed = tok.trim_start_matches(|c: char| {
            is_opener(c) || matches!(c, '-' | '–' | '—' | '/' | '*' | '_' | '<' | '>')
        });
        Some((pos - trimmed.len(), trimmed))
    }

    /// Whether the word before the token at `m` is a number (then the token is a unit:
    /// "450 MHz.", "5 km.").
    fn after_number(&self, m: usize) -> bool {
        let e = self.trim_back(m, self.sent_start.min(m));
        e < m
            && matches!(self.char_before(e, self.sent_start.min(e)), Some(c) if c.is_ascii_digit())
    }

    /// Whether the number at `w` can open a sentence. Style guides of both languages spell
    /// out a number that opens a sentence, so only a list marker (`2.`, `3)`) or a year
    /// does ("2.904. 678" is a broken thousands separator, not two sentences).
    fn number_opens_sentence(&self, w: usize) -> bool {
        let mut e = w;
        while e < self.end && self.bytes[e].is_ascii_digit() && e - w < 8 {
            e += 1;
        }
        let after = self.bytes.get(e).copied();
        let after2 = self.bytes.get(e + 1).copied();
        match e - w {
            1 | 2 => matches!(after, Some(b'.' | b')')),
            4 => {
                !(matches!(after, Some(b'.' | b',')) && after2.is_some_and(|b| b.is_ascii_digit()))
            }
            _ => false,
        }
    }

    /// Whether the current sentence has no content before `pos` but bullets.
    fn sentence_initial(&self, pos: usize) -> bool {
        let mut q = self.sent_start;
        if pos.saturating_sub(q) > TOKEN_WINDOW {
            return false;
        }
        while q < pos {
            match self.char_at(q) {
                Some(c) if c.is_whitespace() || is_bullet(c) => q += c.len_utf8(),
                _ => return false,
            }
        }
        true
    }

    /// Handles a list marker of `style` with value `v` starting at `m`. Returns whether it
    /// was taken as a list marker.
    fn marker(
        &mut self,
        m: usize,
        style: MarkerStyle,
        v: u32,
        par: usize,
        out: &mut Vec<Sentence>,
    ) -> bool {
        let after_colon = {
            let e = self.trim_back(m, self.sent_start.min(m));
            self.char_before(e, self.sent_start.min(e)) == Some(':')
        };
        if self.sentence_initial(m) || (after_colon && v == 1) {
            self.last_marker = Some((style, v));
            return true;
        }
        if self.last_marker == Some((style, v.wrapping_sub(1))) {
            let e = self.trim_back(m, self.sent_start);
            self.cut(e, par, out);
            self.last_marker = Some((style, v));
            return true;
        }
        false
    }

    /// A `)`: the end of a list marker `1)` or `a)`?
    fn paren(&mut self, i: usize, par: usize, out: &mut Vec<Sentence>) {
        if !matches!(self.char_at(i + 1), None | Some(' ' | '\t' | '\n' | '\r')) {
            return;
        }
        if let Some((m, tok)) = self.token_before(i) {
            if let Some(v) = marker_value(tok) {
                if self.marker_context(m) {
                    self.marker(m, MarkerStyle::Paren, v, par, out);
                }
            }
        }
    }

    /// A marker must start a line, a sentence, or follow white space or a bullet.
    fn marker_context(&self, m: usize) -> bool {
        match self.char_before(m, 0) {
            None => true,
            Some(c) => c.is_whitespace() || is_bullet(c),
        }
    }

    fn bullet(&mut self, i: usize, par: usize, out: &mut Vec<Sentence>) {
        if i <= self.sent_start {
            return;
        }
        match self.char_before(i, self.sent_start) {
            Some(c) if c.is_whitespace() => {
                let e = self.trim_back(i, self.sent_start);
                self.cut(e, par, out);
            }
            _ => {}
        }
    }

    fn newline(&mut self, i: usize, par: usize, out: &mut Vec<Sentence>) {
        let le = self.trim_back(i, self.sent_start);
        if le <= self.sent_start {
            return;
        }
        // The last character of the line, past closing marks: a stop there was judged
        // by its own rules.
        let mut q = le;
        let mut last = None;
        for _ in 0..4 {
            match self.char_before(q, self.sent_start) {
                Some(c) if is_closer(c) => q -= c.len_utf8(),
                c => {
                    last = c;
                    break;
                }
            }
        }
        match last {
            None => return,
            Some('.' | '!' | '?' | '…' | ',' | ';' | ':' | '-' | '–' | '—' | '/' | '&' | '+') => {
                return
            }
            Some(_) => {}
        }
        let (next, _, _) = self.next_word(i + 1);
        if next == Next::Lower {
            return;
        }
        self.cut(le, par, out);
    }

    /// A run of stops starting at `i`. Returns where to continue the scan.
    fn stop(&mut self, i: usize, par: usize, out: &mut Vec<Sentence>) -> usize {
        let bytes = self.bytes;
        let end = self.end;
        let mut j = i;
        let mut dots = 0usize;
        let mut qe = false;
        let mut ell = false;
        let mut spaced = false;
        while j < end {
            match bytes[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'!' | b'?' => {
                    qe = true;
                    j += 1;
                }
                0xE2 if bytes[j..].starts_with("…".as_bytes()) => {
                    ell = true;
                    j += 3;
                }
                b' ' if (dots > 0 || ell)
                    && j + 1 < end
                    && bytes[j + 1] == b'.'
                    && (j + 2 >= end || !bytes[j + 2].is_ascii_alphanumeric()) =>
                {
                    spaced = true;
                    j += 1;
                }
                _ => break,
            }
        }
        // A list marker "1.)" is handled here, before its ")" is taken for a closing mark.
        if dots == 1 && !qe && !ell && j == i + 1 && bytes.get(j) == Some(&b')') {
            if let Some((m, tok)) = self.token_before(i) {
                if let Some(v) = marker_value(tok) {
                    if self.marker_context(m)
                        && matches!(self.char_at(j + 1), None | Some(' ' | '\t' | '\n'))
                        && self.marker(m, MarkerStyle::DotParen, v, par, out)
                    {
                        return j + 1;
                    }
                }
            }
        }
        // Closing marks that stay with the sentence.
        let mut k = j;
        for _ in 0..4 {
            match self.char_at(k) {
                Some(c) if is_closer(c) => k += c.len_utf8(),
                _ => break,
            }
        }
        match self.char_at(k) {
            None => {}
            Some(c) if c.is_whitespace() => {}
            _ => {
                // "3.5", "Jr.'s", "U.S.-based", "mean...see": not an end.
                return j.max(i + 1);
            }
        }
        let prev = self.char_before(i, self.sent_start.min(i));
        let attached = match prev {
            None => false,
            Some(c) => !(c.is_whitespace() || is_opener(c)),
        };
        let (next, opened, w) = self.next_word(k);
        let upperish = next == Next::Upper || opened;

        if ell || dots >= 2 {
            if !attached {
                // A spaced ellipsis ". . ." or "..." between words marks an omission;
                // four dots close a sentence.
                if matches!(prev, Some('[' | '(')) {
                    return k;
                }
                if dots >= 4 && upperish {
                    self.cut(k, par, out);
                }
                return k;
            }
            if spaced && dots >= 2 && bytes.get(i + 1) == Some(&b' ') {
                // "word. . . ." : the sentence ends with its full stop; the ellipsis opens
                // the next one.
                if upperish {
                    self.cut(i + 1, par, out);
                    return i + 1;
                }
                return k;
            }
            if upperish || next == Next::End {
                self.cut(k, par, out);
            }
            return k;
        }
        if qe {
            // "Yahoo! in", "“Siapa?” tanya dia": not an end. A bare question mark before a
            // lower-case word still ends a question.
            let bare_question = k == j && bytes[j - 1] == b'?' && attached;
            if next != Next::Lower || bare_question {
                self.cut(k, par, out);
            }
            return k;
        }
        // A single full stop.
        if next == Next::End || !attached {
            if next != Next::Lower {
                self.cut(k, par, out);
            }
            return k;
        }
        let Some((m, tok)) = self.token_before(i) else {
            self.cut(k, par, out);
            return k;
        };
        if j == k && next != Next::Digit {
            if let Some(v) = marker_value(tok) {
                if self.marker_context(m) && self.marker(m, MarkerStyle::Dot, v, par, out) {
                    return k;
                }
            }
        }
        let kind = self.profile.kind_of(tok).or_else(|| {
            if is_initial(tok)
                || (is_vowelless(tok) && !self.after_number(m) && !self.profile.is_plain(tok))
                || is_dotted(tok)
            {
                Some(AbbreviationKind::Ordinary)
            } else {
                None
            }
        });
        if next == Next::Lower {
            // After a plain word, a full stop with nothing after it ends the sentence even
            // when the next one (wrongly) starts in lower case; after an abbreviation, or a
            // stop inside quotation marks or brackets ("great.' she said"), it does not.
            if kind.is_none() && k == j && tok.chars().count() >= 2 {
                self.cut(k, par, out);
            }
            return k;
        }
        let boundary = match kind {
            Some(AbbreviationKind::Prefix) => false,
            Some(AbbreviationKind::Ordinary) => {
                opened || (next == Next::Upper && self.profile.is_starter(self.word_at(w)))
            }
            Some(AbbreviationKind::Final) => upperish,
            None => next != Next::Digit || self.number_opens_sentence(w),
        };
        if boundary {
            self.cut(k, par, out);
        }
        k
    }
}

/// What an ASCII letter or digit starting the next word is.
#[inline]
fn ascii_next(b: u8) -> Next {
    if b.is_ascii_uppercase() {
        Next::Upper
    } else if b.is_ascii_lowercase() {
        Next::Lower
    } else {
        Next::Digit
    }
}

/// The value of a list marker token: 1 or 2 digits, or one lower-case ASCII letter.
fn marker_value(tok: &str) -> Option<u32> {
    let b = tok.as_bytes();
    match b {
        [d @ b'0'..=b'9'] => Some(u32::from(d - b'0')),
        [d1 @ b'0'..=b'9', d2 @ b'0'..=b'9'] => {
            Some(u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0'))
        }
        [l @ b'a'..=b'z'] => Some(u32::from(l - b'a') + 1),
        _ => None,
    }
}

/// One letter: an initial (`E.` in `Jonas E. Smith`) or a one-letter abbreviation (`p.`).
fn is_initial(tok: &str) -> bool {
    let mut it = tok.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => c.is_uppercase() || c.is_ascii_lowercase(),
        _ => false,
    }
}

/// A short word of letters with a lower-case letter and no vowel (`dgn`, `tdk`, `Sdr`,
/// `Kpt`): an abbreviation. A final `y` counts as a vowel (`my`, `try`).
fn is_vowelless(tok: &str) -> bool {
    let b = tok.as_bytes();
    (2..=5).contains(&b.len())
        && b.iter().all(u8::is_ascii_alphabetic)
        && b.iter().any(u8::is_ascii_lowercase)
        && !b
            .iter()
            .any(|c| matches!(c.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u'))
        && !matches!(b[b.len() - 1], b'y' | b'Y')
}

/// Letters separated by full stops, one or two letters each: `U.S`, `a.n`, `Ph.D`, `K.H`.
fn is_dotted(tok: &str) -> bool {
    if !tok.as_bytes().contains(&b'.') {
        return false;
    }
    let mut parts = 0;
    for part in tok.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 2 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_scan_flags_every_byte_the_class_table_stops_at() {
        // Every byte value at every position, among fillers of ASCII letters, stop bytes and
        // the bytes of two- and three-byte characters: no byte the scan must stop at is missed.
        let fillers: [&[u8; 8]; 4] = [
            b"abcdefgh",
            b"a.b!c?\n)",
            &[0xC3, 0xA9, 0xD0, 0x9F, 0xE2, 0x80, 0x9C, b'x'],
            &[0xE4, 0xB8, 0xAD, 0xE2, 0x80, 0xA6, 0xFF, 0x80],
        ];
        for fill in fillers {
            for pos in 0..8 {
                for b in 0..=255u8 {
                    let mut w = *fill;
                    w[pos] = b;
                    let flags = super::interesting(u64::from_le_bytes(w));
                    for (j, &c) in w.iter().enumerate() {
                        if super::CLASS[c as usize] != 0 {
                            assert_ne!(flags >> (8 * j + 7) & 1, 0, "{c:#04x} at {j} in {w:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn bundled_data_parses() {
        let p = Profiles::bundled().expect("bundled segmentation data");
        assert!(p.id.kind_of("Jl").is_some());
        assert!(p.en.kind_of("Mr").is_some());
        let dbg = format!("{:?}", Segmenter::new());
        assert!(dbg.contains("abbreviations"), "{dbg}");
        assert!(p.id.abbrevs_len() > 500, "{dbg}");
        assert!(p.en.abbrevs_len() > 300, "{dbg}");
    }

    #[test]
    fn all_caps_matches_entry() {
        let seg = Segmenter::new();
        assert_eq!(
            seg.abbreviation(Language::Indonesian, "DLL."),
            Some(AbbreviationKind::Final)
        );
        assert_eq!(
            seg.abbreviation(Language::Indonesian, "PROF."),
            Some(AbbreviationKind::Prefix)
        );
        assert_eq!(seg.abbreviation(Language::Indonesian, "KEL."), None);
        assert_eq!(seg.abbreviation(Language::Indonesian, "Jakarta"), None);
    }

    #[test]
    fn dotted_and_initials() {
        assert!(is_dotted("U.S"));
        assert!(is_dotted("a.n"));
        assert!(!is_dotted("detik.com"));
        assert!(!is_dotted("1.000"));
        assert!(is_initial("E"));
        assert!(!is_initial("Ed"));
        assert_eq!(marker_value("12"), Some(12));
        assert_eq!(marker_value("b"), Some(2));
        assert_eq!(marker_value("123"), None);
    }
}
