//! Language data for the entity rules: word lists per language, bundled as text files with
//! `[section]` headers (one word or phrase a line, `#` comments), extendable by users.

use crate::gazetteer::token::{token_hash, tokenize_into, Token};
use crate::Language;
use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use crate::gazetteer::MixHasher;
use crate::hashbits::HashBits;

const ID_DATA: &str = include_str!("data/id.txt");
const EN_DATA: &str = include_str!("data/en.txt");
const GIVEN_NAMES: &str = include_str!("../../gazetteers/given-names.txt");
const SURNAMES: &str = include_str!("../../gazetteers/surnames.txt");
const ID_ROOTS: &str = include_str!("data/id-roots.txt");

/// The word lists the entity rules use.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordList {
    /// `titles`: titles and roles written before a name ("presiden", "juru bicara", "minister").
    Titles,
    /// `honorifics`: forms of address right before a name ("Bapak", "Pak", "Mr", "Dr").
    Honorifics,
    /// `reporting-before`: reporting words that come right before the speaker ("kata", "ujar").
    ReportingBefore,
    /// `reporting-after`: reporting words that come right after the speaker ("mengatakan", "said").
    ReportingAfter,
    /// `person-cues`: lower-case words right before a name that make it a person's
    /// ("kepada", "bernama", "named").
    PersonCues,
    /// `not-names`: words written with a capital that are not names (function words, days,
    /// months, sentence openers).
    NotNames,
    /// `org-heads`: words that start an organization's name ("Universitas", "Partai", "PT").
    OrgHeads,
    /// `org-tails`: words that end an organization's name ("Institute", "Tbk", "University").
    OrgTails,
    /// `org-preps`: prepositions between a title and the body it serves ("chairman *of*").
    OrgPreps,
    /// `org-cues`: lower-case words before a name that make it an organization ("kantor berita").
    OrgCues,
    /// `place-heads`: words that start a place's name ("Jalan", "Kabupaten", "Kota").
    PlaceHeads,
    /// `place-tails`: words that end a place's name ("City", "Province", "Street").
    PlaceTails,
    /// `place-preps`: prepositions before a place ("di", "in").
    PlacePreps,
    /// `name-particles`: lower-case words inside people's names ("bin", "van", "al").
    NameParticles,
    /// `connectors`: lower-case words inside organizations' names ("dan", "of", "and").
    Connectors,
    /// `title-complements`: words after a title that belong to it ("Menteri *Keuangan*",
    /// "*Foreign* Minister").
    TitleComplements,
    /// `articles`: articles before a title in an apposition ("a", "the", "seorang").
    Articles,
    /// `given-names`: given names that mark a person.
    GivenNames,
    /// `surnames`: family names that mark a person.
    Surnames,
    /// `demonym-heads`: lower-case nouns after which, in a language whose modifiers follow
    /// the noun, a place's name only says whose the thing is, like a demonym ("rakyat
    /// Indonesia" = "the Indonesian people", "bahasa Inggris"). Used with the
    /// `places-as-demonyms` option.
    DemonymHeads,
    /// `demonym-modifiers`: lower-case words that may stand between a demonym head and the
    /// place's name, modifying the head ("serangan *udara* Israel", "pejabat *senior* AS").
    DemonymModifiers,
    /// `foreign-connectors`: lower-case words of another language that join capitalised
    /// words into a foreign title or term, never a person's name ("Return *on* Equity",
    /// "Olympiad *on* Mathematics" in Indonesian text).
    ForeignConnectors,
    /// `roots`: the language's root words that are no person's name (Indonesian: the
    /// Sastrawi stemmer's root-word list without given names); with the derivations the
    /// rules know ("Penelitian" from "teliti"), a word written with a capital that is one
    /// of them alone is no person's name.
    Roots,
}

const LISTS: [(&str, WordList); 23] = [
    ("titles", WordList::Titles),
    ("honorifics", WordList::Honorifics),
    ("reporting-before", WordList::ReportingBefore),
    ("reporting-after", WordList::ReportingAfter),
    ("person-cues", WordList::PersonCues),
    ("not-names", WordList::NotNames),
    ("org-heads", WordList::OrgHeads),
    ("org-tails", WordList::OrgTails),
    ("org-preps", WordList::OrgPreps),
    ("org-cues", WordList::OrgCues),
    ("place-heads", WordList::PlaceHeads),
    ("place-tails", WordList::PlaceTails),
    ("place-preps", WordList::PlacePreps),
    ("name-particles", WordList::NameParticles),
    ("connectors", WordList::Connectors),
    ("title-complements", WordList::TitleComplements),
    ("articles", WordList::Articles),
    ("given-names", WordList::GivenNames),
    ("surnames", WordList::Surnames),
    ("demonym-heads", WordList::DemonymHeads),
    ("demonym-modifiers", WordList::DemonymModifiers),
    ("foreign-connectors", WordList::ForeignConnectors),
    ("roots", WordList::Roots),
];

impl WordList {
    /// Parses a list name (`titles`, `reporting-before`, ...).
    pub fn parse(name: &str) -> Option<WordList> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        LISTS.iter().find(|(s, _)| *s == n).map(|(_, l)| *l)
    }

    /// The list's name.
    pub fn name(self) -> &'static str {
        LISTS
            .iter()
            .find(|(_, l)| *l == self)
            .map_or("", |(s, _)| s)
    }

    /// The list's position in [`LISTS`] (the declaration order).
    #[inline]
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

type Set = HashSet<u64, BuildHasherDefault<MixHasher>>;

#[derive(Clone, Default)]
struct PhraseSet {
    set: Set,
    /// Hashes of the proper prefixes of the phrases: a walk stops where none continues.
    prefixes: Set,
    max_len: usize,
    /// The first-token hashes of the phrases ([`phrase_step`] from the seed) as a 16,384-bit
    /// filter (no storage while the list is empty): a token that starts no phrase is ruled out
    /// by one bit test, without probing the hash sets.
    first: HashBits<14>,
    /// The last tokens' hashes ([`token_hash`]) of the phrases, the same way: for
    /// [`LanguageData::phrase_ending`].
    last: HashBits<14>,
}

impl PhraseSet {
    /// Whether some phrase may start with the token whose first-step hash is `h1`.
    #[inline]
    fn may_start(&self, h1: u64) -> bool {
        self.first.may_contain(h1)
    }

    /// Whether some phrase may end with the token whose [`token_hash`] is `t`.
    #[inline]
    fn may_end(&self, t: u64) -> bool {
        self.last.may_contain(t)
    }
}

/// Hash of a phrase of tokens (each case-folded).
#[inline]
pub(crate) fn phrase_hash(hashes: impl Iterator<Item = u64>) -> u64 {
    hashes.fold(PHRASE_SEED, phrase_step)
}

/// See [`LanguageData::classes`].
pub(crate) const CLASS_FIRST: usize = 24;
/// See [`LanguageData::classes`].
pub(crate) const CLASS_LAST: u64 = 1 << 62;

const PHRASE_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// One token more of a phrase hash.
#[inline]
fn phrase_step(h: u64, t: u64) -> u64 {
    (h.rotate_left(23) ^ t).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The word lists of one language. Words and phrases match case-insensitively, token by token.
#[derive(Clone)]
pub struct LanguageData {
    lists: Vec<PhraseSet>,
    /// Per token (keyed by its one-token phrase hash), the lists it belongs to, as
    /// [`LanguageData::classes`] returns them.
    classes: HashMap<u64, u64, BuildHasherDefault<MixHasher>>,
    options: [bool; 5],
    derivations: Vec<Derivation>,
}

/// A derivation from a root word: prefix, the letter the prefix's nasal replaced in the
/// root (or none), suffix ("pen>t -an": "penelitian" from "teliti").
#[derive(Clone, Debug)]
struct Derivation {
    prefix: String,
    restore: String,
    suffix: String,
}

/// Options of a language's data, set in the `[options]` section of its file.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opt {
    /// `single-word-names`: one capitalised word may name a person on a reporting verb alone
    /// (Indonesian: "Sarwendah", "Jokowi").
    SingleWordNames,
    /// `unknown-names-are-people`: capitalised words inside a sentence that no rule explains
    /// are taken for a person's name.
    UnknownNamesArePeople,
    /// `acronyms-are-organizations`: an unknown acronym inside a sentence is an organization.
    AcronymsAreOrganizations,
    /// `places-as-demonyms`: a place's name right after a demonym head (see
    /// [`WordList::DemonymHeads`]) or an organization's name modifies what comes before it
    /// and is no place mention ("warga Palestina", "DPD Bali").
    PlacesAsDemonyms,
    /// `org-names-extend`: capitalised words right after a known organization's name,
    /// without a comma, name a part of it ("UBS Brunswick", "BBC Sport"); off where names
    /// of people commonly follow an organization's name ("Partai Golkar Bahlil Lahadalia").
    OrgNamesExtend,
}

const OPTS: [(&str, Opt); 5] = [
    ("single-word-names", Opt::SingleWordNames),
    ("unknown-names-are-people", Opt::UnknownNamesArePeople),
    ("acronyms-are-organizations", Opt::AcronymsAreOrganizations),
    ("places-as-demonyms", Opt::PlacesAsDemonyms),
    ("org-names-extend", Opt::OrgNamesExtend),
];

impl fmt::Debug for LanguageData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("LanguageData");
        for (name, l) in LISTS.iter() {
            d.field(name, &self.lists[l.index()].set.len());
        }
        d.finish()
    }
}

static ID: Lazy<Arc<LanguageData>> = Lazy::new(|| {
    let mut d = LanguageData::empty();
    d.load_sections(ID_DATA);
    // Indonesian news quotes English names of organizations and places as they are.
    d.load_sections_only(
        EN_DATA,
        &[
            WordList::OrgTails,
            WordList::PlaceTails,
            WordList::Connectors,
        ],
    );
    d.extend(WordList::GivenNames, GIVEN_NAMES);
    d.extend(WordList::Surnames, SURNAMES);
    d.extend(WordList::Roots, ID_ROOTS);
    Arc::new(d)
});

static EN: Lazy<Arc<LanguageData>> = Lazy::new(|| {
    let mut d = LanguageData::empty();
    d.load_sections(EN_DATA);
    d.extend(WordList::GivenNames, GIVEN_NAMES);
    d.extend(WordList::Surnames, SURNAMES);
    Arc::new(d)
});

impl LanguageData {
    /// No words at all.
    pub fn empty() -> LanguageData {
        LanguageData {
            lists: vec![PhraseSet::default(); LISTS.len()],
            classes: HashMap::default(),
            options: [false; 5],
            derivations: Vec::new(),
        }
    }

    /// The bundled data of a language, shared.
    pub fn bundled(lang: Language) -> Arc<LanguageData> {
        match lang {
            Language::English => EN.clone(),
            _ => ID.clone(),
        }
    }

    /// Adds the words of `text` (one word or phrase a line, `#` comments) to a list.
    pub fn extend(&mut self, list: WordList, text: &str) {
        let mut toks = Vec::new();
        for line in text.lines() {
            self.add_line(list, line, &mut toks);
        }
    }

    fn add_line(&mut self, list: WordList, line: &str, toks: &mut Vec<Token>) {
        let line = match line.find(" #") {
            Some(i) => &line[..i],
            None => line,
        };
        let line = line.split('\t').next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            return;
        }
        tokenize_into(line, toks);
        if toks.is_empty() {
            return;
        }
        let s = &mut self.lists[list.index()];
        let mut h = PHRASE_SEED;
        for (k, t) in toks.iter().enumerate() {
            if k > 0 {
                s.prefixes.insert(h);
            }
            let th = token_hash(t.text(line));
            h = phrase_step(h, th);
            if k + 1 == toks.len() {
                s.last.insert(th);
            }
            if k == 0 {
                s.first.insert(h);
            }
        }
        s.set.insert(h);
        s.max_len = s.max_len.max(toks.len());
        let li = list.index();
        let key = |t: &Token| phrase_step(PHRASE_SEED, token_hash(t.text(line)));
        if toks.len() == 1 {
            *self.classes.entry(key(&toks[0])).or_default() |= 1 << li;
        } else {
            *self.classes.entry(key(&toks[0])).or_default() |= 1 << (CLASS_FIRST + li);
            *self.classes.entry(key(&toks[toks.len() - 1])).or_default() |= CLASS_LAST;
        }
    }

    /// Adds a derivation line: `prefix[>letter] [-suffix]` ("pen>t -an", "ke -an", "peng")
    /// or `-suffix` alone ("-an").
    fn add_derivation(&mut self, line: &str) {
        let line = line.split('#').next().unwrap_or("").trim();
        let mut parts = line.split_whitespace();
        let Some(pre) = parts.next() else {
            return;
        };
        // "-an" alone: a suffix without a prefix.
        let (pre, suffix) = match pre.strip_prefix('-') {
            Some(suf) => ("", suf),
            None => (pre, parts.next().map_or("", |x| x.trim_start_matches('-'))),
        };
        let (prefix, restore) = pre.split_once('>').unwrap_or((pre, ""));
        self.derivations.push(Derivation {
            prefix: prefix.to_lowercase(),
            restore: restore.to_lowercase(),
            suffix: suffix.to_lowercase(),
        });
    }

    /// True when the lower-case `word` is derived from one of the `roots` by one of the
    /// language's derivations ("penelitian": "pen>t -an" + "teliti"); the root must have
    /// three letters or more.
    pub fn is_derived(&self, word: &str) -> bool {
        let roots = &self.lists[WordList::Roots.index()];
        if roots.set.is_empty() || word.len() > 64 {
            return false;
        }
        // The candidate root, on the stack (no allocation): the restored letter and the rest.
        let mut buf = [0u8; 128];
        let (w0, wn) = (
            word.as_bytes().first().copied(),
            word.as_bytes().last().copied(),
        );
        for d in &self.derivations {
            // (A first and last byte test rules most derivations out without comparing.)
            if d.prefix.as_bytes().first().is_some_and(|&c| Some(c) != w0)
                || d.suffix.as_bytes().last().is_some_and(|&c| Some(c) != wn)
            {
                continue;
            }
            let Some(rest) = word
                .strip_prefix(d.prefix.as_str())
                .and_then(|r| r.strip_suffix(d.suffix.as_str()))
            else {
                continue;
            };
            // The nasal replaced a consonant: the root starts with a vowel after it.
            if !d.restore.is_empty()
                && !rest
                    .chars()
                    .next()
                    .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
            {
                continue;
            }
            let root = if d.restore.is_empty() {
                rest
            } else {
                let (r, n) = (d.restore.as_bytes(), d.restore.len() + rest.len());
                let Some(out) = buf.get_mut(..n) else {
                    continue;
                };
                out[..r.len()].copy_from_slice(r);
                out[r.len()..].copy_from_slice(rest.as_bytes());
                // (Two strings joined: always UTF-8.)
                std::str::from_utf8(out).unwrap_or("")
            };
            if root.chars().count() >= 3 {
                // (The filter of first tokens rules most candidates out without a lookup.)
                let h = phrase_hash(std::iter::once(token_hash(root)));
                if roots.may_start(h) && roots.set.contains(&h) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the lower-case `word` is a word of the language's lexicon that is no known
    /// given name or surname: `Some(false)` for a root word ("harus", "raya"), `Some(true)`
    /// for a noun derived from one ("penelitian", "pendapat"), `None` otherwise. The quote
    /// miner's reading of names asks it, so that both layers share one lexicon.
    pub(crate) fn lexical_word(&self, word: &str) -> Option<bool> {
        if self.lists[WordList::Roots.index()].set.is_empty()
            || word.is_empty()
            || word.bytes().any(|b| b.is_ascii_digit())
        {
            return None;
        }
        let h = token_hash(word);
        if self.has_hash(WordList::GivenNames, h) || self.has_hash(WordList::Surnames, h) {
            return None;
        }
        if self.has_hash(WordList::Roots, h) {
            return Some(false);
        }
        (word.is_ascii() && word.len() >= 5 && self.is_derived(word)).then_some(true)
    }

    /// The value of an option.
    pub fn option(&self, opt: Opt) -> bool {
        self.options[opt as usize]
    }

    /// Sets an option.
    pub fn set_option(&mut self, opt: Opt, on: bool) {
        self.options[opt as usize] = on;
    }

    /// Loads a file with `[list-name]` section headers (unknown sections are skipped);
    /// the `[options]` section takes `single-word-names`.
    pub(crate) fn load_sections(&mut self, text: &str) {
        self.load_sections_filtered(text, None);
    }

    /// Loads only some lists of a sectioned file.
    pub(crate) fn load_sections_only(&mut self, text: &str, only: &[WordList]) {
        self.load_sections_filtered(text, Some(only));
    }

    fn load_sections_filtered(&mut self, text: &str, only: Option<&[WordList]>) {
        let mut cur: Option<WordList> = None;
        let mut options = false;
        let mut derivations = false;
        let mut toks = Vec::new();
        for line in text.lines() {
            let t = line.trim();
            if let Some(name) = t.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                options = name == "options" && only.is_none();
                derivations = name == "derivations" && only.is_none();
                cur = WordList::parse(name).filter(|l| only.map_or(true, |o| o.contains(l)));
                continue;
            }
            if options {
                if let Some((_, o)) = OPTS.iter().find(|(n, _)| *n == t) {
                    self.options[*o as usize] = true;
                }
            }
            if derivations {
                self.add_derivation(t);
            }
            if let Some(l) = cur {
                self.add_line(l, line, &mut toks);
            }
        }
    }

    /// True when the word or phrase is in the list.
    pub fn contains(&self, list: WordList, phrase: &str) -> bool {
        let mut toks = Vec::new();
        tokenize_into(phrase, &mut toks);
        let h = phrase_hash(toks.iter().map(|t| token_hash(t.text(phrase))));
        self.lists[list.index()].set.contains(&h)
    }

    /// The lists of the token whose [`token_hash`] is `token_hash`, as bits: bit `l` (a
    /// list's [`WordList::index`]) when the token alone is a phrase of list `l`; bit
    /// [`CLASS_FIRST`]` + l` when a phrase of two tokens or more of list `l` starts with it;
    /// [`CLASS_LAST`] when a phrase of two tokens or more of some list ends with it.
    #[inline]
    pub(crate) fn classes(&self, token_hash: u64) -> u64 {
        if self.classes.is_empty() {
            return 0;
        }
        let h = phrase_step(PHRASE_SEED, token_hash);
        self.classes.get(&h).copied().unwrap_or(0)
    }

    #[inline]
    pub(crate) fn has_hash(&self, list: WordList, token_hash: u64) -> bool {
        let s = &self.lists[list.index()];
        if s.set.is_empty() {
            return false;
        }
        let h = phrase_hash(std::iter::once(token_hash));
        s.may_start(h) && s.set.contains(&h)
    }

    /// The longest phrase of `list` starting at token `i` (token hashes given): its length.
    pub(crate) fn phrase_at(&self, list: WordList, hashes: &[u64], i: usize) -> usize {
        let s = &self.lists[list.index()];
        if s.set.is_empty() {
            return 0;
        }
        let max = s.max_len.min(hashes.len().saturating_sub(i));
        if max == 0 || !s.may_start(phrase_step(PHRASE_SEED, hashes[i])) {
            return 0;
        }
        // Walk forward while some phrase goes on; remember the longest whole one.
        let mut best = 0;
        let mut h = PHRASE_SEED;
        for (k, &t) in hashes[i..i + max].iter().enumerate() {
            h = phrase_step(h, t);
            if s.set.contains(&h) {
                best = k + 1;
            }
            if !s.prefixes.contains(&h) {
                break;
            }
        }
        best
    }

    /// The longest phrase of `list` ending at token `j` (inclusive): its length.
    pub(crate) fn phrase_ending(&self, list: WordList, hashes: &[u64], j: usize) -> usize {
        let s = &self.lists[list.index()];
        if s.set.is_empty() || j >= hashes.len() || !s.may_end(hashes[j]) {
            return 0;
        }
        let max = s.max_len.min(j + 1);
        for len in (1..=max).rev() {
            if s.set
                .contains(&phrase_hash(hashes[j + 1 - len..=j].iter().copied()))
            {
                return len;
            }
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_index_is_position_in_lists() {
        for (i, (_, l)) in LISTS.iter().enumerate() {
            assert_eq!(l.index(), i, "{l:?}");
        }
        assert!(LISTS.len() <= CLASS_FIRST);
    }

    #[test]
    fn classes_of_tokens() {
        let mut d = LanguageData::empty();
        d.extend(
            WordList::Titles,
            "presiden\njuru bicara\nmenteri luar negeri",
        );
        d.extend(WordList::NotNames, "bicara");
        let c = |w: &str| d.classes(token_hash(w));
        let t = WordList::Titles.index();
        let nn = WordList::NotNames.index();
        assert_eq!(c("Presiden"), 1 << t);
        assert_eq!(c("juru"), 1 << (CLASS_FIRST + t));
        assert_eq!(c("bicara"), CLASS_LAST | 1 << nn);
        assert_eq!(c("menteri"), 1 << (CLASS_FIRST + t));
        assert_eq!(c("luar"), 0);
        assert_eq!(c("negeri"), CLASS_LAST);
    }
}
