//! Languages and their detection from function words.

use once_cell::sync::Lazy;
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
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        let table = &*FUNCTION_WORDS;
        let mut i = 0;
        while i < end {
            match BYTE_CLASS[bytes[i] as usize] {
                ALNUM => {}
                NON_ASCII => {
                    let (word_char, len) = alnum_at(i);
                    if !word_char {
                        i += len;
                        continue;
                    }
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
            let start = i;
            let mut ascii = true;
            // Most words are ASCII: skip to the first byte of the next eight that is no ASCII
            // letter or digit at once; the loop below goes on from there (past a non-ASCII
            // character or a longer word) or stops at once.
            if let Some(eight) = bytes.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(eight);
                i += ascii_alnum_prefix(u64::from_le_bytes(word));
            }
            while i < end {
                match BYTE_CLASS[bytes[i] as usize] {
                    ALNUM => i += 1,
                    NON_ASCII => {
                        let (word_char, len) = alnum_at(i);
                        if !word_char {
                            break;
                        }
                        ascii = false;
                        i += len;
                    }
                    _ => break,
                }
            }
            let n = i - start;
            if !ascii || n > 8 {
                continue;
            }
            // The word, lower-cased, as one little-endian word of up to eight bytes: one
            // probe of the function-word table instead of comparisons with each entry.
            // Setting bit 5 lower-cases an ASCII letter and keeps a digit.
            let mut buf = [0u8; 8];
            let eight = match bytes.get(start..start + 8) {
                Some(b) => b,
                None => {
                    buf[..n].copy_from_slice(&bytes[start..i]);
                    &buf
                }
            };
            let mut word = [0u8; 8];
            word.copy_from_slice(eight);
            let mask = u64::MAX >> (8 * (8 - n));
            let key = (u64::from_le_bytes(word) | 0x2020_2020_2020_2020) & mask;
            let langs = table.get(key);
            id += usize::from(langs & ID);
            en += usize::from(langs >> 1);
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

/// How many of the eight bytes of `x` (little-endian: the first byte lowest), counted from
/// the first, are ASCII letters or digits: eight when all are.
///
/// Each byte is tested with its high bit set, so that no subtraction borrows from the next
/// byte: `(b | 0x80) - lo` keeps the high bit exactly when `b >= lo` (for `b < 0x80`).
#[inline]
fn ascii_alnum_prefix(x: u64) -> usize {
    const fn rep(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    const HIGH: u64 = rep(0x80);
    let y = x | HIGH;
    // Setting bit 5 folds upper-case ASCII letters onto lower-case ones.
    let folded = y | rep(0x20);
    let letter = folded.wrapping_sub(rep(b'a')) & !folded.wrapping_sub(rep(b'z' + 1));
    let digit = y.wrapping_sub(rep(b'0')) & !y.wrapping_sub(rep(b'9' + 1));
    let alnum = (letter | digit) & !x & HIGH;
    let other = !alnum & HIGH;
    (other.trailing_zeros() / 8) as usize
}

/// Function words counted before [`Language::detect`] may stop at a lead of more than four to
/// one: a news article's first paragraph or two.
const DECISIVE: usize = 32;

/// [`BYTE_CLASS`]: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`]: a byte of a non-ASCII character.
const NON_ASCII: u8 = 2;

/// The class of each byte for [`Language::detect`]'s word scan (0: an ASCII byte that is no
/// letter or digit).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`FunctionWords::get`]: an Indonesian function word.
const ID: u8 = 1;
/// [`FunctionWords::get`]: an English function word.
const EN: u8 = 2;

/// The function words of `src/lang/function-words.txt`: an open-addressing table keyed by the
/// word's bytes as one little-endian `u64` (words of one to eight lower-case ASCII letters).
struct FunctionWords {
    keys: [u64; FW_SLOTS],
    langs: [u8; FW_SLOTS],
}

/// Slots of [`FunctionWords`] (a power of two, at most half full).
const FW_SLOTS: usize = 256;

impl FunctionWords {
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % FW_SLOTS
    }

    /// [`ID`] and/or [`EN`] for a function word, 0 for any other word.
    #[inline]
    fn get(&self, key: u64) -> u8 {
        let mut s = FunctionWords::slot(key);
        loop {
            match self.keys[s] {
                0 => return 0,
                k if k == key => return self.langs[s],
                _ => s = (s + 1) % FW_SLOTS,
            }
        }
    }

    fn insert(&mut self, word: &str, lang: u8) {
        let b = word.as_bytes();
        assert!(
            !b.is_empty() && b.len() <= 8 && b.iter().all(u8::is_ascii_lowercase),
            "function word {word:?}: one to eight lower-case ASCII letters"
        );
        let key = b
            .iter()
            .enumerate()
            .fold(0u64, |k, (i, &c)| k | u64::from(c) << (8 * i));
        let mut s = FunctionWords::slot(key);
        while self.keys[s] != 0 && self.keys[s] != key {
            s = (s + 1) % FW_SLOTS;
        }
        self.keys[s] = key;
        self.langs[s] |= lang;
    }

    /// Parses the bundled list: `[id]` and `[en]` section lines, one word per line, `#`
    /// comments.
    fn bundled() -> FunctionWords {
        let mut t = FunctionWords {
            keys: [0; FW_SLOTS],
            langs: [0; FW_SLOTS],
        };
        let mut lang = 0;
        let mut n = 0;
        for line in include_str!("lang/function-words.txt").lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            match line {
                "" => {}
                "[id]" => lang = ID,
                "[en]" => lang = EN,
                w => {
                    assert!(lang != 0, "function word {w:?} before a section");
                    n += 1;
                    t.insert(w, lang);
                }
            }
        }
        assert!(2 * n <= FW_SLOTS, "too many function words for the table");
        t
    }
}

/// The bundled function words, parsed on first use (the data is part of the crate: a unit
/// test checks it parses).
static FUNCTION_WORDS: Lazy<FunctionWords> = Lazy::new(FunctionWords::bundled);

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
    use super::{Language, EN, FUNCTION_WORDS, ID};

    fn key(w: &str) -> u64 {
        w.bytes()
            .enumerate()
            .fold(0, |k, (i, c)| k | u64::from(c) << (8 * i))
    }

    #[test]
    fn the_bundled_function_words_parse_into_the_table() {
        for (word, want) in [
            ("yang", ID),
            ("tersebut", ID),
            ("di", ID),
            ("the", EN),
            ("said", EN),
            ("in", EN),
            ("jakarta", 0),
            ("tersebu", 0),
            ("thee", 0),
        ] {
            assert_eq!(FUNCTION_WORDS.get(key(word)), want, "{word}");
        }
    }

    #[test]
    fn the_eight_byte_scan_agrees_with_a_byte_at_a_time_scan() {
        // Every byte value in every position, among letters of both cases and digits.
        let fill = b"aZ9mQ0zA";
        for pos in 0..8 {
            for b in 0..=255u8 {
                let mut w = *fill;
                w[pos] = b;
                let want = w
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(8);
                let got = super::ascii_alnum_prefix(u64::from_le_bytes(w));
                assert_eq!(got, want, "byte {b:#04x} at {pos} in {w:?}");
            }
        }
    }

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
