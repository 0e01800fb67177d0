//! Finding quotations: pairing quotation marks, paragraph by paragraph.
//!
//! Every style news uses: `“…”`, `”…”` (one mark to open and close), `"…"`, `‘…’`, `'…'`,
//! `«…»`, `„…“`, `‚…‘`, `「…」`, `『…』`. Marks are told apart from apostrophes by their
//! neighbours; a quote nested in another belongs to the outer one; a mark that never closes
//! ends its quote at the end of the paragraph (when it opens the paragraph: a quote running
//! over several paragraphs) or at the end of its sentence, so that no text is swallowed.

use crate::gazetteer::token::Token;
use crate::swar::{eq_bytes, skip_until, HI};
use crate::Span;

/// A quotation found by its marks, before attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// With the marks (to the end of the text taken when the mark never closes).
    pub span: Span,
    /// Inside the marks, trimmed of white space.
    pub content: Span,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Index of the paragraph.
    pub paragraph: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Opens or closes, by its neighbours.
    Either,
}

fn classify(c: char) -> Option<(Family, Role)> {
    Some(match c {
        '"' | '”' => (Family::Double, Role::Either),
        '“' | '„' | '‟' => (Family::Double, Role::Open),
        '\'' | '’' => (Family::Single, Role::Either),
        '‘' | '‚' | '‛' => (Family::Single, Role::Open),
        '«' => (Family::Guillemet, Role::Open),
        '»' => (Family::Guillemet, Role::Close),
        '‹' => (Family::SingleGuillemet, Role::Open),
        '›' => (Family::SingleGuillemet, Role::Close),
        '「' => (Family::Corner, Role::Open),
        '」' => (Family::Corner, Role::Close),
        '『' => (Family::WhiteCorner, Role::Open),
        '』' => (Family::WhiteCorner, Role::Close),
        _ => return None,
    })
}

/// Whether `close` may close a quote opened by `open` (same family assumed).
fn closes(open: char, close: char) -> bool {
    match open {
        // German and Polish „…“ / „…”, ‚…‘
        '„' => matches!(close, '“' | '”' | '"'),
        '‚' => matches!(close, '‘' | '’' | '\''),
        '“' | '‟' => matches!(close, '”' | '"' | '“'),
        '"' => matches!(close, '"' | '”' | '“'),
        '”' => matches!(close, '”' | '"' | '“'),
        '‘' | '‛' => matches!(close, '’' | '\'' | '‘'),
        '\'' | '’' => matches!(close, '\'' | '’'),
        '«' => close == '»',
        '‹' => close == '›',
        '「' => close == '」',
        '『' => close == '』',
        _ => false,
    }
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '\u{2026}' | '“' | '‘' | '"' | '\'' | '«'
    ) || c.is_whitespace()
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '—'
            | '–'
            | '-'
            | '/'
            | '\u{2026}'
            | '”'
            | '’'
            | '"'
            | '\''
            | '»'
    ) || c.is_whitespace()
}

#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    mark: char,
    start: usize,
    inner: usize,
}

/// Most open marks kept at once; deeper nesting is ignored (no quote nests five deep).
const MAX_DEPTH: usize = 4;

/// The quotations of a text, given its paragraphs, in text order, never overlapping.
/// `tokens`: the recognizer's tokens of the text, when it ran: every quotation mark is one
/// of them (a mark is no word char: one token of its own), so only its tokens that are no
/// word are looked at, not every byte.
pub(crate) fn find(text: &str, paragraphs: &[Span], tokens: Option<&[Token]>) -> Vec<RawQuote> {
    // (A quotation in a few hundred bytes of news.)
    let mut out = Vec::with_capacity(text.len() / 256 + 4);
    // The open marks (reused from paragraph to paragraph: one allocation).
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    for (pi, p) in paragraphs.iter().enumerate() {
        if p.end > text.len() || p.start > p.end || !text.is_char_boundary(p.start) {
            continue;
        }
        if !text.is_char_boundary(p.end) {
            continue;
        }
        find_in(text, *p, pi, tokens, &mut stack, &mut out);
    }
    out
}

/// The first position from `i` on of a `"`, a `'` or a non-ASCII byte (the bytes a quotation
/// mark can start with) found eight bytes at a time, or the start of the last block shorter
/// than eight bytes before `end`: the bytes before it are plain ASCII without marks.
fn skip_plain(bytes: &[u8], i: usize, end: usize) -> usize {
    skip_until(bytes, i, end, |w| {
        eq_bytes(w, b'"') | eq_bytes(w, b'\'') | (w & HI)
    })
}

/// The bytes a quotation mark can start with (`may_mark` of [`find_in`]), by table.
static MARK_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

fn find_in(
    text: &str,
    par: Span,
    pi: usize,
    tokens: Option<&[Token]>,
    stack: &mut Vec<Open>,
    out: &mut Vec<RawQuote>,
) {
    let bytes = text.as_bytes();
    stack.clear();
    // Every mark starts with one of these bytes.
    let may_mark = |b: u8| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3);
    if let Some(toks) = tokens {
        // The tokens that are no word, in the paragraph.
        let from = toks.partition_point(|t| t.start < par.start);
        let rest = toks.get(from..).unwrap_or_default();
        // (The paragraph's tokens, found by a binary search: no test of its end per token.)
        let upto = rest.partition_point(|t| t.start < par.end);
        for t in rest.get(..upto).unwrap_or_default() {
            if t.word
                || !bytes
                    .get(t.start)
                    .is_some_and(|&b| MARK_BYTE[usize::from(b)])
            {
                continue;
            }
            if mark_at(text, par, t.start, stack, out, pi).is_none() {
                break;
            }
        }
    } else {
        let mut i = par.start;
        while i < par.end {
            i = skip_plain(bytes, i, par.end);
            if i >= par.end {
                break;
            }
            // Skip the rest fast.
            if !may_mark(bytes[i]) {
                i += 1;
                continue;
            }
            match mark_at(text, par, i, stack, out, pi) {
                Some(len) => i += len,
                None => break,
            }
        }
    }
    unclosed(text, par, pi, stack, out);
}

/// Reads the char at `i` (a char boundary of the paragraph `par`): a quotation mark opens or
/// closes a quote. The char's length (`None` at the text's end).
fn mark_at(
    text: &str,
    par: Span,
    i: usize,
    stack: &mut Vec<Open>,
    out: &mut Vec<RawQuote>,
    pi: usize,
) -> Option<usize> {
    let c = char_after(text, i, text.len())?;
    let len = c.len_utf8();
    let Some((family, role)) = classify(c) else {
        return Some(len);
    };
    // “ and ‘ close the German and Polish „…“ and ‚…‘.
    let role = match (c, stack.last().map(|o| o.mark)) {
        ('“', Some('„')) | ('‘', Some('‚')) => Role::Close,
        _ => role,
    };
    let prev = char_before(text, par.start, i);
    let next = char_after(text, i + len, par.end);
    let at = i;

    // Apostrophes: between letters (don't, Cronin's, Ma’ruf), before a year ('90s),
    // after a plural s (the Joneses') when nothing single is open.
    if family == Family::Single {
        let pa = prev.is_some_and(char::is_alphanumeric);
        let na = next.is_some_and(char::is_alphanumeric);
        if pa && na {
            return Some(len);
        }
        if next.is_some_and(|c| c.is_ascii_digit()) && role != Role::Open {
            return Some(len);
        }
    }
    let left = next.is_some_and(|n| !n.is_whitespace()) && prev.map_or(true, is_open_punct);
    let right = prev.is_some_and(|p| !p.is_whitespace()) && next.map_or(true, is_close_punct);

    // A mark that looks like an opener (space before, word after) while a double quote is
    // open at the top level: the open one never closed.
    if role == Role::Either
        && family == Family::Double
        && left
        && !right
        && stack.first().is_some_and(|o| o.family == family)
    {
        let o = stack[0];
        emit_unclosed(text, o, trim_end(text, o.inner, at), pi, out);
        stack.clear();
        stack.push(Open {
            family,
            mark: c,
            start: at,
            inner: at + len,
        });
        return Some(len);
    }
    // Try to close: the innermost open quote this mark can close.
    let can_close = match role {
        Role::Close => true,
        Role::Open => false,
        Role::Either => right || !left,
    };
    if can_close {
        if let Some(k) = stack
            .iter()
            .rposition(|o| o.family == family && closes(o.mark, c))
        {
            let o = stack[k];
            stack.truncate(k);
            if k == 0 {
                let content = trim(text, o.inner, at);
                // 'n' in rock 'n' roll, single letters: not quotes.
                let short_single = family == Family::Single
                    && text[content.start..content.end].chars().count() < 2;
                if !content.is_empty() && !short_single {
                    out.push(RawQuote {
                        span: Span::new(o.start, at + len),
                        content,
                        closed: true,
                        paragraph: pi,
                    });
                }
            }
            return Some(len);
        }
    }
    let can_open = match role {
        Role::Open => true,
        Role::Close => false,
        Role::Either => left || (!right && next.is_some_and(|n| !n.is_whitespace())),
    };
    if can_open && stack.len() < MAX_DEPTH {
        // A single mark opens only where a word starts after a non-letter.
        if family == Family::Single && prev.is_some_and(char::is_alphanumeric) {
            return Some(len);
        }
        stack.push(Open {
            family,
            mark: c,
            start: at,
            inner: at + len,
        });
    }
    Some(len)
}

/// The char of `text[i..end]` at `i` (a char boundary), if any; an ASCII byte is read
/// without decoding.
#[inline]
fn char_after(text: &str, i: usize, end: usize) -> Option<char> {
    if i >= end {
        return None;
    }
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(i..end)?.chars().next(),
    }
}

/// The char of `text[lo..i]` before `i` (a char boundary), if any; an ASCII byte is read
/// without decoding.
#[inline]
fn char_before(text: &str, lo: usize, i: usize) -> Option<char> {
    if i <= lo {
        return None;
    }
    match text.as_bytes().get(i - 1) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(lo..i)?.chars().next_back(),
    }
}

/// Marks that never closed, at the end of paragraph `par`.
fn unclosed(text: &str, par: Span, pi: usize, stack: &[Open], out: &mut Vec<RawQuote>) {
    // Marks that never closed: the outermost non-single one runs to the paragraph end when
    // it opens the paragraph, else to the end of its sentence.
    if let Some(o) = stack.iter().find(|o| o.family != Family::Single).copied() {
        let end = if text[par.start..o.start].trim().is_empty() {
            par.end
        } else {
            sentence_end(text, o.inner, par.end)
        };
        emit_unclosed(text, o, trim_end(text, o.inner, end), pi, out);
    }
}

fn emit_unclosed(text: &str, o: Open, end: usize, pi: usize, out: &mut Vec<RawQuote>) {
    let content = trim(text, o.inner, end);
    if content.is_empty() {
        return;
    }
    out.push(RawQuote {
        span: Span::new(o.start, content.end),
        content,
        closed: false,
        paragraph: pi,
    });
}

/// End of the sentence that `from` is in: after the first `.`, `!` or `?` followed by white
/// space, or `end`.
fn sentence_end(text: &str, from: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < end {
        if matches!(b[i], b'.' | b'!' | b'?') && (i + 1 == end || b[i + 1].is_ascii_whitespace()) {
            return i + 1;
        }
        i += 1;
    }
    end
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn trim(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(start + lead, start + lead + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_around_a_position_are_the_decoded_ones() {
        // (text, the stretch's start, position, its end)
        let cases = [
            ("kata \"Ya\"", 0, 5, 9),
            ("“Ya”", 0, 0, 8),
            ("“Ya”", 0, 5, 8),
            ("“Ya”", 3, 3, 5),
            ("é\"ü", 0, 2, 5),
            ("a\u{a0}\"b", 0, 3, 5),
            ("«Да»", 0, 2, 8),
            ("「是」", 0, 3, 9),
            ("", 0, 0, 0),
            ("abc", 1, 1, 1),
            ("abc", 0, 3, 3),
        ];
        for (text, lo, i, end) in cases {
            assert_eq!(
                char_after(text, i, end),
                text[i..end].chars().next(),
                "{text:?} {i}"
            );
            assert_eq!(
                char_before(text, lo, i),
                text[lo..i].chars().next_back(),
                "{text:?} {i}"
            );
            assert!(MARK_BYTE
                .iter()
                .enumerate()
                .all(|(b, &m)| m == matches!(b, 0x22 | 0x27 | 0xC2 | 0xE2 | 0xE3)));
        }
    }

    /// The quotes of `text`, found byte by byte and over the recognizer's tokens (the same).
    fn q(text: &str) -> Vec<&str> {
        let pars = crate::segment::paragraph_spans(text);
        let toks = crate::gazetteer::token::tokenize(text);
        let by_tokens = find(text, &pars, Some(&toks));
        let by_bytes = find(text, &pars, None);
        assert_eq!(
            format!("{by_tokens:?}"),
            format!("{by_bytes:?}"),
            "{text:?}"
        );
        by_bytes
            .iter()
            .map(|r| &text[r.content.start..r.content.end])
            .collect()
    }

    #[test]
    fn every_style_found_over_the_tokens_as_byte_by_byte() {
        // (text: the same quotes either way)
        let cases = [
            "„Ja“, sagte er. ‚So‘ — «oui» ‹non› 「はい」『いいえ』 ‟x” ‛y’",
            "Cronin’s ’90s 'n' roll: \"open\n\nstill open. Dia \u{a0}“kata” ª ℕ Ⅻ “a\u{301}”",
            "“never closed, it runs. “Two” and ‘one",
            "",
        ];
        for text in cases {
            q(text);
        }
    }

    #[test]
    fn skip_plain_stops_at_marks() {
        for (name, text, want) in [
            ("none", "abcdefghijklmnopq", 16),
            ("double", "abcdefghij\"klmnopqrstu", 10),
            ("single", "abcdefgh'ijklmnopqrst", 8),
            ("non-ascii", "abcdefghijklmno“pqrstuvwxyz", 15),
            ("first block", "\"abcdefghijk", 0),
            ("third byte", "ab'cdefghijk", 2),
            ("short", "abc", 0),
        ] {
            assert_eq!(skip_plain(text.as_bytes(), 0, text.len()), want, "{name}");
        }
    }

    #[test]
    fn basic_styles() {
        assert_eq!(q("a “b c” d"), vec!["b c"]);
        assert_eq!(q("a ”b c,” kata d"), vec!["b c,"]);
        assert_eq!(q("a \"b\" c \"d\""), vec!["b", "d"]);
        assert_eq!(q("Cronin's 'big idea' isn't new"), vec!["big idea"]);
    }
}
