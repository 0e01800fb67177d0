//! A small tokenizer for the windows the miner looks at: words and punctuation, as spans.

use crate::Span;

/// A token: a word (letters and digits, with inner `-`, `'`, `’`, `.` and `&`) or one
/// punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub span: Span,
    /// `None` for a word, the character for punctuation.
    pub punct: Option<char>,
    /// The word starts with an upper-case letter (or a digit and holds an upper-case letter).
    pub cap: bool,
}

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

/// Tokens of `text[start..end]` appended to `out` (cleared first). Bytes are scanned
/// directly; only non-ASCII characters are decoded.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let (c, len) = char_at(text, bytes, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            let first_upper = c.is_uppercase();
            let first_digit = c.is_numeric();
            let mut any_upper = first_upper;
            let mut j = i + len;
            while j < end {
                let (d, dl) = char_at(text, bytes, j);
                if d.is_alphanumeric() {
                    any_upper |= d.is_uppercase();
                    j += dl;
                } else if inner_joiner(d)
                    && j + dl < end
                    && char_at(text, bytes, j + dl).0.is_alphanumeric()
                {
                    // Only inside a word: a letter or digit must follow.
                    j += dl;
                } else {
                    break;
                }
            }
            out.push(Tok {
                span: Span::new(i, j),
                punct: None,
                cap: first_upper || (first_digit && any_upper),
            });
            i = j;
        } else {
            out.push(Tok {
                span: Span::new(i, i + len),
                punct: Some(c),
                cap: false,
            });
            i += len;
        }
    }
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

/// Lower-cases `word` into `buf` (reused: no allocation once it is large enough) and returns it.
/// A possessive `'s` is dropped, and a reduplicated word ("badan-badan") gives its base.
pub(crate) fn lower<'a>(word: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let w = match w.split_once('-') {
        Some((a, b)) if a.eq_ignore_ascii_case(b) => a,
        _ => w,
    };
    if w.is_ascii() {
        for b in w.bytes() {
            buf.push(b.to_ascii_lowercase() as char);
        }
    } else {
        for c in w.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
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
}
