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

/// Tokens of `text[start..end]` appended to `out` (cleared first).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let s = &text[start..end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let first_upper = c.is_uppercase();
            let first_digit = c.is_numeric();
            let mut any_upper = first_upper;
            let mut j = i + c.len_utf8();
            loop {
                match it.peek().copied() {
                    Some((k, d)) if d.is_alphanumeric() => {
                        any_upper |= d.is_uppercase();
                        j = k + d.len_utf8();
                        it.next();
                    }
                    Some((k, d)) if inner_joiner(d) => {
                        // Only inside a word: a letter or digit must follow.
                        let after = s[k + d.len_utf8()..].chars().next();
                        if after.is_some_and(char::is_alphanumeric) {
                            it.next();
                            j = k + d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            out.push(Tok {
                span: Span::new(start + i, start + j),
                punct: None,
                cap: first_upper || (first_digit && any_upper),
            });
        } else {
            out.push(Tok {
                span: Span::new(start + i, start + i + c.len_utf8()),
                punct: Some(c),
                cap: false,
            });
        }
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
