//! Languages and their detection from function words.

use serde::{Deserialize, Serialize};

/// A language kutip knows.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Language {
    /// Bahasa Indonesia (`id`).
    #[serde(rename = "id")]
    Indonesian,
    /// English (`en`).
    #[serde(rename = "en")]
    English,
}

impl Language {
    /// Every language kutip knows.
    pub const ALL: [Language; 2] = [Language::Indonesian, Language::English];

    /// The ISO 639-1 code: `id` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Indonesian => "id",
            Language::English => "en",
        }
    }

    /// Parses an ISO 639-1 code or an English name (`id`, `ind`, `indonesian`, `en`, `eng`, `english`).
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "id" | "ind" | "indonesian" | "bahasa" | "in" => Some(Language::Indonesian),
            "en" | "eng" | "english" => Some(Language::English),
            _ => None,
        }
    }

    /// Guesses the language of `text` by counting frequent function words of each language
    /// in (at most) its first 64 KiB, or until one language leads by more than four to one
    /// after 32 function words. Ties, and text with no function word at all, go to
    /// Indonesian.
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::Language;
    /// assert_eq!(Language::detect("Dia mengatakan bahwa rapat itu akan digelar di Jakarta."), Language::Indonesian);
    /// assert_eq!(Language::detect("He said that the meeting would be held in London."), Language::English);
    /// ```
    pub fn detect(text: &str) -> Language {
        let mut end = text.len().min(64 * 1024);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let (mut id, mut en) = (0usize, 0usize);
        // Words are maximal runs of alphanumeric characters; bytes are scanned directly and
        // only non-ASCII characters decoded.
        let text = &text[..end];
        let bytes = text.as_bytes();
        let alnum_at = |i: usize| -> (bool, usize) {
            let b = bytes[i];
            if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        let mut i = 0;
        while i < end {
            let (word_char, len) = alnum_at(i);
            if !word_char {
                i += len;
                continue;
            }
            let start = i;
            let mut ascii = true;
            let mut upper = false;
            while i < end {
                let b = bytes[i];
                if b.is_ascii_lowercase() {
                    i += 1;
                    continue;
                }
                if b.is_ascii_alphanumeric() {
                    upper |= b.is_ascii_uppercase();
                    i += 1;
                    continue;
                }
                if b < 0x80 {
                    break;
                }
                let (word_char, len) = alnum_at(i);
                if !word_char {
                    break;
                }
                ascii = false;
                i += len;
            }
            let n = i - start;
            if !ascii || n > 9 {
                continue;
            }
            let mut buf = [0u8; 9];
            let w = if upper {
                for (d, s) in buf.iter_mut().zip(&bytes[start..i]) {
                    *d = s.to_ascii_lowercase();
                }
                &buf[..n]
            } else {
                &bytes[start..i]
            };
            // A `match` on byte strings compiles to a dispatch on length and bytes: far faster
            // than comparing each word with every list entry.
            if is_id_function_word(w) {
                id += 1;
            }
            if is_en_function_word(w) {
                en += 1;
            }
            // Enough evidence: the rest of the text will not turn it.
            if id + en >= DECISIVE && (id > 4 * en || en > 4 * id) {
                break;
            }
        }
        if en > id {
            Language::English
        } else {
            Language::Indonesian
        }
    }
}

/// Function words counted before [`Language::detect`] may stop at a lead of more than four to
/// one: a news article's first paragraph or two.
const DECISIVE: usize = 32;

/// Frequent Indonesian function words (lower-case ASCII).
fn is_id_function_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"yang"
            | b"dan"
            | b"di"
            | b"ini"
            | b"itu"
            | b"dengan"
            | b"untuk"
            | b"dari"
            | b"tidak"
            | b"akan"
            | b"pada"
            | b"ke"
            | b"dalam"
            | b"adalah"
            | b"juga"
            | b"kata"
            | b"bahwa"
            | b"tersebut"
            | b"oleh"
            | b"karena"
            | b"sudah"
            | b"telah"
            | b"ada"
            | b"saya"
            | b"kami"
            | b"mereka"
            | b"ia"
            | b"dia"
            | b"atau"
            | b"bisa"
    )
}

/// Frequent English function words (lower-case ASCII).
fn is_en_function_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"and"
            | b"of"
            | b"to"
            | b"in"
            | b"is"
            | b"that"
            | b"for"
            | b"was"
            | b"with"
            | b"said"
            | b"on"
            | b"it"
            | b"he"
            | b"she"
            | b"they"
            | b"by"
            | b"are"
            | b"were"
            | b"has"
            | b"have"
            | b"be"
            | b"from"
            | b"at"
            | b"this"
            | b"but"
            | b"not"
            | b"an"
            | b"his"
            | b"her"
    )
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Language {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Language, crate::Error> {
        Language::from_code(s).ok_or_else(|| {
            crate::Error::new(
                crate::ErrorKind::Config,
                format!("unknown language {s:?} (expected id or en)"),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn detection_reads_on_until_the_evidence_is_decisive() {
        let en = "He said that the plan was on the table and that it is not over. ";
        let id = "Dia mengatakan bahwa rencana itu sudah ada di meja dan belum selesai. ";
        // A lead of more than four to one after 32 function words decides.
        let text = format!("{}{}", en.repeat(3), id.repeat(20));
        assert_eq!(Language::detect(&text), Language::English);
        // A close count reads on: a mixed opening does not decide.
        let text = format!("{}{}{}", en, id, id.repeat(20));
        assert_eq!(Language::detect(&text), Language::Indonesian);
        let text = format!("{}{}{}", id, en, en.repeat(20));
        assert_eq!(Language::detect(&text), Language::English);
        // Ties and text without function words go to Indonesian.
        assert_eq!(Language::detect(""), Language::Indonesian);
        assert_eq!(Language::detect("Jakarta, 12 Juni"), Language::Indonesian);
    }
}
