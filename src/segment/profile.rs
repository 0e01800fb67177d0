//! Language profiles: abbreviations and sentence openers, parsed from data files.

use crate::{Error, Language};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the keys are short and trusted (our data and the user's), so a fast hash is fine.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// What the full stop after an abbreviation means for the sentence.
///
/// # Examples
///
/// ```
/// use kutip::segment::AbbreviationKind;
/// use kutip::{Language, Segmenter};
///
/// let seg = Segmenter::new();
/// assert_eq!(seg.abbreviation(Language::Indonesian, "Jl."), Some(AbbreviationKind::Prefix));
/// assert_eq!(seg.abbreviation(Language::Indonesian, "dll."), Some(AbbreviationKind::Final));
/// assert_eq!(seg.abbreviation(Language::English, "Inc."), Some(AbbreviationKind::Ordinary));
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AbbreviationKind {
    /// Stands before a name, a place or a number (`Dr.`, `Jl.`, `No.`, `Brigjen.`): its full
    /// stop never ends a sentence when a word or a number follows.
    Prefix,
    /// May end a sentence (`Inc.`, `Tbk.`, `Jr.`, `S.H.`): its full stop ends a sentence only
    /// before a typical sentence opener ("Ia", "The") or an opening quotation mark.
    Ordinary,
    /// Usually closes a list or a sentence (`etc.`, `dll.`, `dsb.`): its full stop ends a
    /// sentence before any capitalised word.
    Final,
}

/// The segmentation knowledge of one language.
#[derive(Clone)]
pub(crate) struct Profile {
    abbrevs: FastMap<Box<str>, AbbreviationKind>,
    /// Lower-case words that typically open a sentence.
    starters: FastSet<Box<str>>,
    /// Words that look like abbreviations but are not (units: `kg`, `MHz`).
    plain: FastSet<Box<str>>,
    /// A filter in front of the abbreviation map: bit `n` of `lengths[b]` is set when an
    /// entry of `n` bytes (63 for longer ones) starts with byte `b` (its lower-case form
    /// too). Most words before a full stop are ruled out without hashing.
    lengths: Box<[u64; 256]>,
    /// A second filter: the bit of [`shape`] of every entry (case-folded, so that the
    /// all-capitals forms of a token find the bits of their entries).
    shapes: Box<[u64; SHAPE_WORDS]>,
}

/// Words of the shape filter (64 bits each).
const SHAPE_WORDS: usize = 128;

/// A bit index for a token from its length, its first two bytes and its last byte, ASCII
/// letters case-folded: cheap, and it tells most plain words from the abbreviations.
#[inline]
fn shape(b: &[u8]) -> usize {
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let f = |c: u8| u32::from(c.to_ascii_lowercase());
    let h = (n as u32)
        .wrapping_mul(0x9E37_79B9)
        .wrapping_add(f(b[0]).wrapping_mul(0x85EB_CA6B))
        .wrapping_add(f(b[1.min(n - 1)]).wrapping_mul(0xC2B2_AE35))
        .wrapping_add(f(b[n - 1]).wrapping_mul(0x27D4_EB2F));
    (h >> 19) as usize % (SHAPE_WORDS * 64)
}

impl Default for Profile {
    fn default() -> Profile {
        Profile {
            abbrevs: FastMap::default(),
            starters: FastSet::default(),
            plain: FastSet::default(),
            lengths: Box::new([0; 256]),
            shapes: Box::new([0; SHAPE_WORDS]),
        }
    }
}

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("abbreviations", &self.abbrevs.len())
            .field("starters", &self.starters.len())
            .field("plain", &self.plain.len())
            .finish()
    }
}

/// Strips white space and one trailing full stop: `"Jl."` and `"Jl"` are the same entry.
pub(crate) fn normalize_entry(s: &str) -> &str {
    let s = s.trim();
    s.strip_suffix('.').unwrap_or(s)
}

impl Profile {
    pub(crate) fn insert_abbreviation(&mut self, entry: &str, kind: AbbreviationKind) {
        let e = normalize_entry(entry);
        if !e.is_empty() && !e.contains(char::is_whitespace) {
            let bit = 1u64 << e.len().min(63);
            let first = e.as_bytes()[0];
            self.lengths[first as usize] |= bit;
            self.lengths[first.to_ascii_lowercase() as usize] |= bit;
            self.lengths[first.to_ascii_uppercase() as usize] |= bit;
            let sh = shape(e.as_bytes());
            self.shapes[sh / 64] |= 1 << (sh % 64);
            self.abbrevs.insert(e.into(), kind);
        }
    }

    /// Whether some entry may match `token` (no false negatives).
    #[inline]
    fn may_match(&self, token: &str) -> bool {
        match token.as_bytes().first() {
            Some(&b) => {
                self.lengths[b as usize] & (1u64 << token.len().min(63)) != 0 && {
                    let sh = shape(token.as_bytes());
                    self.shapes[sh / 64] & (1 << (sh % 64)) != 0
                }
            }
            None => false,
        }
    }

    pub(crate) fn remove_abbreviation(&mut self, entry: &str) {
        self.abbrevs.remove(normalize_entry(entry));
    }

    pub(crate) fn insert_starter(&mut self, word: &str) {
        let w = word.trim().to_lowercase();
        if !w.is_empty() && !w.contains(char::is_whitespace) {
            self.starters.insert(w.into());
        }
    }

    #[cfg(test)]
    pub(crate) fn abbrevs_len(&self) -> usize {
        self.abbrevs.len()
    }

    pub(crate) fn insert_plain(&mut self, word: &str) {
        let w = normalize_entry(word);
        if !w.is_empty() && !w.contains(char::is_whitespace) {
            self.plain.insert(w.into());
        }
    }

    /// Whether `token` is listed as a plain word (a unit such as `kg`).
    pub(crate) fn is_plain(&self, token: &str) -> bool {
        self.plain.contains(token)
    }

    /// The kind of the token before a full stop (without the stop). An all-capitals token
    /// of four letters or more (`PROF`, `KOMPOL`) also matches its lower-case or
    /// capitalised entry; a shorter one only a final entry (`DLL`).
    pub(crate) fn kind_of(&self, token: &str) -> Option<AbbreviationKind> {
        if !self.may_match(token) {
            return None;
        }
        if let Some(k) = self.abbrevs.get(token) {
            return Some(*k);
        }
        let b = token.as_bytes();
        if b.len() < 2
            || b.len() > 32
            || !token.is_ascii()
            || b.iter().any(|c| c.is_ascii_lowercase())
            || !b.iter().any(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        let mut buf = [0u8; 32];
        let buf = &mut buf[..b.len()];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        // Short all-capitals tokens are mostly acronyms ("KEL", "DPR"): for them, only a
        // final abbreviation ("DLL", "DSB") counts.
        let short = b.len() <= 3;
        if let Some(k) = std::str::from_utf8(buf)
            .ok()
            .and_then(|s| self.abbrevs.get(s))
        {
            if !short || *k == AbbreviationKind::Final {
                return Some(*k);
            }
        }
        if short {
            return None;
        }
        buf[0] = buf[0].to_ascii_uppercase();
        std::str::from_utf8(buf)
            .ok()
            .and_then(|s| self.abbrevs.get(s))
            .copied()
    }

    /// Whether `word` (as written) is a typical sentence opener.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.is_empty() {
            return false;
        }
        if b.len() <= 32 && word.is_ascii() {
            let mut buf = [0u8; 32];
            let buf = &mut buf[..b.len()];
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            return std::str::from_utf8(buf)
                .map(|s| self.starters.contains(s))
                .unwrap_or(false);
        }
        if b.len() > 64 {
            return false;
        }
        self.starters.contains(word.to_lowercase().as_str())
    }

    /// Reads a profile data file (see `src/segment/data/id.txt` for the format).
    pub(crate) fn load(&mut self, source: &str, data: &str) -> Result<(), Error> {
        #[derive(Clone, Copy)]
        enum Section {
            None,
            Abbr(AbbreviationKind),
            Starters,
            Plain,
        }
        let mut section = Section::None;
        for (n, raw) in data.lines().enumerate() {
            let line = match raw.find('#') {
                Some(p) => &raw[..p],
                None => raw,
            }
            .trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name.trim() {
                    "prefix" => Section::Abbr(AbbreviationKind::Prefix),
                    "abbr" => Section::Abbr(AbbreviationKind::Ordinary),
                    "final" => Section::Abbr(AbbreviationKind::Final),
                    "starters" => Section::Starters,
                    "plain" => Section::Plain,
                    other => {
                        return Err(Error::data(
                            source,
                            n + 1,
                            format!("unknown section [{other}] (expected prefix, abbr, final, plain or starters)"),
                        ))
                    }
                };
                continue;
            }
            if line.contains(char::is_whitespace) {
                return Err(Error::data(
                    source,
                    n + 1,
                    format!("entry {line:?} holds white space: one token per line"),
                ));
            }
            match section {
                Section::None => {
                    return Err(Error::data(
                        source,
                        n + 1,
                        "entry before any [section] line",
                    ))
                }
                Section::Abbr(kind) => self.insert_abbreviation(line, kind),
                Section::Starters => self.insert_starter(line),
                Section::Plain => self.insert_plain(line),
            }
        }
        Ok(())
    }
}

/// The profiles of every language.
#[derive(Clone, Debug, Default)]
pub(crate) struct Profiles {
    pub(crate) id: Profile,
    pub(crate) en: Profile,
}

impl Profiles {
    pub(crate) fn get(&self, lang: Language) -> &Profile {
        match lang {
            Language::English => &self.en,
            _ => &self.id,
        }
    }

    pub(crate) fn get_mut(&mut self, lang: Language) -> &mut Profile {
        match lang {
            Language::English => &mut self.en,
            _ => &mut self.id,
        }
    }

    pub(crate) fn bundled() -> Result<Profiles, Error> {
        let mut p = Profiles::default();
        p.id.load("src/segment/data/id.txt", include_str!("data/id.txt"))?;
        p.en.load("src/segment/data/en.txt", include_str!("data/en.txt"))?;
        Ok(p)
    }
}
