//! The language knowledge of the quote miner: word lists parsed from `data/*.txt`.
//!
//! A data file has sections (`[cue]`, `[role]`, ...) holding one lower-case entry a line;
//! `#` starts a comment. Multi-word entries are words separated by single spaces.

use crate::entities::{LanguageData, WordList};
use crate::gazetteer::token::token_hash;
use crate::hashbits::HashBits;
use crate::{Error, Language};
use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// What a cue word tells about where the speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// A speech verb: the speaker is next to it ("kata Cronin", "Cronin said").
    Verb,
    /// A speech verb with the `-nya` clitic: the speaker is the person last named.
    VerbNya,
    /// A preposition: the speaker follows ("menurut Cronin", "according to Cronin").
    Prep,
    /// A preposition with the `-nya` clitic ("menurutnya").
    PrepNya,
}

/// One cue: its class, its lemma as written in the data, and the words that must follow the
/// first one for a phrase ("according to").
#[derive(Clone, Debug)]
pub(crate) struct CueEntry {
    pub class: CueClass,
    pub lemma: Arc<str>,
    pub rest: Vec<String>,
}

/// What a pronoun refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounKind {
    /// One person (ia, dia, he, she).
    Person,
    /// Several people or an organisation (mereka, they).
    Plural,
    /// A thing: an organisation or a country (it).
    Thing,
}

/// The word lists of one language.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    pub cues: HashMap<String, Vec<CueEntry>, FxBuild>,
    pub pronouns: HashMap<String, PronounKind, FxBuild>,
    pub passive_agent: WordSet,
    pub intro: WordSet,
    pub determiner: WordSet,
    pub indefinite: WordSet,
    pub unnamed: WordSet,
    pub role: WordSet,
    pub honorific: WordSet,
    pub stop: WordSet,
    pub adverb: WordSet,
    pub connector: WordSet,
    pub title_cue: WordSet,
    pub not_name: WordSet,
    pub affiliation: WordSet,
    pub org_word: WordSet,
    pub place_word: WordSet,
    pub place_role: WordSet,
    pub role_qualifier: WordSet,
    /// The classes (bits of [`class`]) of every word listed in a set looked up word by word,
    /// so that one look-up answers for all of them.
    pub classes: HashMap<String, u32, FxBuild>,
    /// Adjectives of nationality ("German", "Dutch"): they modify a noun, never name a speaker.
    pub demonym: WordSet,
    /// Nouns through which another speaks ("report", "statement", "spokesman"): the speaker
    /// is its author or principal ("a report by X", "X's spokesman").
    pub mouthpiece: WordSet,
    /// Nouns of a country's state ("government", "authorities"): with no organisation named
    /// before, they refer to the country last named.
    pub state: WordSet,
    /// Prepositions that name a mouthpiece's principal ("by", "for", "from").
    pub principal_prep: WordSet,
    /// Auxiliaries of the passive ("was said", "are accused"): the subject is not the speaker.
    pub passive_aux: WordSet,
    /// Words after which a cue's form is a noun ("its brands", "the claims"), not a verb.
    pub noun_marker: WordSet,
    /// Prefixes of active transitive verbs: a name right after such a cue is its object
    /// ("menilai Amdal"), not its speaker.
    pub active_prefix: Vec<String>,
    /// Prefixes of passive verbs ("di-"): a word right before such a cue is what is said
    /// ("Harus diakui"), not its speaker.
    pub passive_prefix: Vec<String>,
    /// Prepositions of origin between a name and its organisation ("dari", "from").
    pub origin_prep: WordSet,
    /// Sentence-opening connectives before a subject ("namun", "sementara").
    pub sentence_opener: WordSet,
    /// Whether a known person opening a sentence is as salient as a speaker (`-nya` cues
    /// refer to the subject of the sentence before).
    pub subject_salient: bool,
    /// Verbs of stance and statement besides the cues ("yakin", "memastikan", "berpesan"):
    /// a person who is their subject is the story's current source, the one a later `-nya`
    /// cue or "ia" refers to, though they never tie a quotation to a speaker themselves.
    pub subject_verb: WordSet,
    /// Words that join two titles of one person ("Kepala BNPB yang juga Ketua Satgas",
    /// "Co-Founder sekaligus Pembina"): the name after them is still the clause's subject.
    pub title_link: WordSet,
    /// Hereditary and regional name prefixes that belong to a person's name ("Kiagus",
    /// "Gusti").
    pub name_prefix: WordSet,
    /// Endings of words that name a person ("-year-old": "the 54-year-old").
    pub person_suffix: Vec<String>,
    /// The most chars of a connector or determiner: a longer word is neither (its lower-case
    /// form has at least as many chars), whatever its case.
    pub title_word_chars: usize,
    /// The entity layer's word lists of the language (its root words and derivations), shared:
    /// a capitalised word of the lexicon alone is no name.
    pub words: Words,
    /// The [`verb_key`]s of the cues and verbs of stance: most words are ruled out by one bit
    /// test before any look-up.
    pub verb_keys: HashBits<14>,
    /// The lengths (up to 63 bytes; 63 for longer) of the cues and verbs of stance, as bits.
    pub verb_lens: u64,
    /// The [`verb_key`]s of every word of [`Lexicon::classes`]: most names are ruled out by
    /// one bit test before the look-up.
    pub class_keys: HashBits<15>,
    /// [`Lexicon::classes`] keyed by the words' [`token_hash`]es (the recognizer's hashes of
    /// its tokens): a token's classes with no lower-case string made.
    pub class_hash: HashTable,
    /// The [`token_hash`]es of the cues and verbs of stance: most words are ruled out by one
    /// bit test.
    pub verb_hash: HashBits<14>,
    /// [`Lexicon::classes`] of the words of one ASCII char ("&"), by the char (empty, or 128
    /// entries): a punctuation token's classes with no look-up.
    pub ascii_classes: Vec<u32>,
    /// [`Lexicon::classes`] of the one-char words of [`GENERAL_PUNCT`] (dashes, quotation
    /// marks, bullets, the ellipsis), by the char (empty, or one entry a char).
    pub punct_classes: Vec<u32>,
}

/// The general punctuation chars whose classes [`Lexicon::classes_of_general_punct`] keeps by
/// the char: none is a letter, a digit or white space, and each is its own lower-case form.
pub(crate) const GENERAL_PUNCT: std::ops::RangeInclusive<char> = '\u{2010}'..='\u{2027}';

/// A cheap key of a word (its length and first and last two bytes), spread over 64 bits: a
/// prefilter of look-ups.
#[inline]
pub(crate) fn verb_key(w: &str) -> u64 {
    key_of(w.as_bytes())
}

/// [`verb_key`] of a word's bytes.
#[inline]
fn key_of(b: &[u8]) -> u64 {
    let n = b.len();
    let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    let key = n as u64
        | at(0) << 8
        | at(1) << 16
        | at(n.wrapping_sub(1)) << 24
        | at(n.wrapping_sub(2)) << 32;
    key.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The entity layer's language data, when the language has a lexicon of root words.
#[derive(Clone, Default)]
pub(crate) struct Words(pub Option<Arc<LanguageData>>);

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Words(..)"
        } else {
            "Words(None)"
        })
    }
}

impl Words {
    /// [`LanguageData::lexical_word`] of a lower-case word: `Some(derived)` for a word of
    /// the lexicon.
    pub(crate) fn lexical(&self, w: &str) -> Option<bool> {
        self.0.as_ref().and_then(|d| d.lexical_word(w))
    }

    /// [`Words::lexical`] of a lower-case word whose [`token_hash`] `h` is known (a word of
    /// ASCII letters and digits read from the recognizer's tokens): the lists looked up by
    /// it, the word not hashed again, its lists read at once. (Where the lexicon has no root
    /// words no word is in it: no list of roots answers, nor any derivation.)
    pub(crate) fn lexical_hashed(&self, w: &str, h: u64) -> Option<bool> {
        let d = self.0.as_ref()?;
        if w.is_empty() || w.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        // (The lists a word alone is in, by one look-up of its hash: the bits of
        // `LanguageData::classes`.)
        let c = d.classes(h);
        let listed = |l: WordList| c & (1u64 << l.index()) != 0;
        if listed(WordList::GivenNames) || listed(WordList::Surnames) {
            return None;
        }
        if listed(WordList::Roots) {
            return Some(false);
        }
        (w.is_ascii() && w.len() >= 5 && d.is_derived(w)).then_some(true)
    }
}

/// Bits of [`Lexicon::classes`]: the word lists a word belongs to.
pub(crate) mod class {
    pub const CUE: u32 = 1;
    pub const PRONOUN: u32 = 1 << 1;
    pub const ROLE: u32 = 1 << 2;
    pub const UNNAMED: u32 = 1 << 3;
    pub const HONORIFIC: u32 = 1 << 4;
    pub const DETERMINER: u32 = 1 << 5;
    pub const ADVERB: u32 = 1 << 6;
    pub const CONNECTOR: u32 = 1 << 7;
    pub const NOT_NAME: u32 = 1 << 8;
    pub const AFFILIATION: u32 = 1 << 9;
    pub const ORG_WORD: u32 = 1 << 10;
    pub const PLACE_WORD: u32 = 1 << 11;
    pub const PLACE_ROLE: u32 = 1 << 12;
    pub const ORIGIN_PREP: u32 = 1 << 13;
    pub const SENTENCE_OPENER: u32 = 1 << 14;
    pub const DEMONYM: u32 = 1 << 15;
    pub const INDEFINITE: u32 = 1 << 16;
    pub const STOP: u32 = 1 << 17;
    pub const SUBJECT_VERB: u32 = 1 << 18;
    pub const PASSIVE_AUX: u32 = 1 << 19;
    pub const NOUN_MARKER: u32 = 1 << 20;
    /// A cue whose every entry is a verb's ([`super::CueClass::Verb`]: no preposition, no
    /// `-nya` form), as [`super::Lexicon::active_verb_with`] asks.
    pub const VERB_CUE: u32 = 1 << 21;
    pub const TITLE_CUE: u32 = 1 << 22;
    pub const TITLE_LINK: u32 = 1 << 23;
}

/// A fast hash for the short words the miner looks up (FxHash's multiply-rotate): the
/// default SipHash is made to resist collision attacks, which word lists of our own need not.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Values by 64-bit hash (0 for a hash not in it): open addressing with linear probing in a
/// table at most a quarter full, the slot taken from the hash's top bits; a few instructions per
/// look-up. The hash 0 marks an empty slot, and is never a key.
#[derive(Clone, Debug, Default)]
pub(crate) struct HashTable {
    slots: Vec<(u64, u32)>,
    len: usize,
    /// `64 - log2(slots.len())`: the shift that leaves a hash's top bits, its home slot
    /// (kept with the table, not computed per look-up).
    shift: u32,
}

impl HashTable {
    /// The slot where `h`'s probe starts.
    #[inline]
    fn home(&self, h: u64) -> usize {
        // (The table's size is a power of two, at least 64: a shift below 64.)
        (h >> (self.shift % 64)) as usize
    }

    /// The value of `h` (0 when it is not in the table).
    #[inline]
    pub(crate) fn get(&self, h: u64) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.home(h);
        // (An empty table: no slot. The hash 0 is never a key: its probe ends at an empty
        // slot, whose value is 0.)
        loop {
            match self.slots.get(i & mask) {
                Some(&(k, v)) if k == h => return v,
                Some(&(k, _)) if k != 0 => i += 1,
                _ => return 0,
            }
        }
    }

    /// Sets the value of `h` (a hash of 0 is not kept).
    pub(crate) fn insert(&mut self, h: u64, v: u32) {
        if h == 0 {
            return;
        }
        if (self.len + 1) * 4 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(0, 0); (old.len() * 2).max(64)];
            self.shift = 64 - self.slots.len().trailing_zeros();
            self.len = 0;
            for (k, v) in old {
                if k != 0 {
                    self.insert(k, v);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        while let Some(slot) = self.slots.get_mut(i & mask) {
            if slot.0 == h {
                slot.1 = v;
                return;
            }
            if slot.0 == 0 {
                *slot = (h, v);
                self.len += 1;
                return;
            }
            i += 1;
        }
    }
}

/// The hasher builder of the miner's maps and sets.
pub(crate) type FxBuild = BuildHasherDefault<Fx>;
/// A set of lower-case words.
pub(crate) type WordSet = HashSet<String, FxBuild>;

/// The bundled data files.
pub(crate) const ID_DATA: &str = include_str!("data/id.txt");
/// The bundled English data.
pub(crate) const EN_DATA: &str = include_str!("data/en.txt");

pub(crate) static ID: Lazy<Arc<Lexicon>> = Lazy::new(|| {
    let mut lx = Lexicon::default();
    lx.add_data("quotes/data/id.txt", ID_DATA, true)
        .expect("bundled Indonesian quote data parses");
    lx.words = Words(Some(LanguageData::bundled(Language::Indonesian)));
    Arc::new(lx)
});

pub(crate) static EN: Lazy<Arc<Lexicon>> = Lazy::new(|| {
    let mut lx = Lexicon::default();
    lx.add_data("quotes/data/en.txt", EN_DATA, false)
        .expect("bundled English quote data parses");
    Arc::new(lx)
});

/// The bundled lexicon of a language.
pub(crate) fn bundled(lang: Language) -> Arc<Lexicon> {
    match lang {
        Language::English => EN.clone(),
        _ => ID.clone(),
    }
}

impl Lexicon {
    /// Adds the entries of a data file (format above). `nya` adds the `-nya` forms of
    /// `[cue_nya]` entries.
    pub(crate) fn add_data(&mut self, file: &str, data: &str, nya: bool) -> Result<(), Error> {
        let mut section = String::new();
        for (n, raw) in data.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let name = rest
                    .strip_suffix(']')
                    .ok_or_else(|| Error::data(file, n + 1, "unclosed section header"))?;
                section = name.trim().to_string();
                continue;
            }
            let entry = line.to_lowercase();
            self.add(&section, &entry, nya)
                .map_err(|msg| Error::data(file, n + 1, &msg))?;
        }
        Ok(())
    }

    /// Adds one entry to a section.
    pub(crate) fn add(&mut self, section: &str, entry: &str, nya: bool) -> Result<(), String> {
        let entry = entry.split_whitespace().collect::<Vec<_>>().join(" ");
        if entry.is_empty() {
            return Err("empty entry".into());
        }
        match section {
            "cue" => self.add_cue(&entry, CueClass::Verb),
            "cue_nya" => {
                self.add_cue(&entry, CueClass::Verb);
                if nya {
                    self.add_cue(&format!("{entry}nya"), CueClass::VerbNya);
                }
            }
            "cue_prep" => self.add_cue(&entry, CueClass::Prep),
            "cue_prep_nya" => self.add_cue(&entry, CueClass::PrepNya),
            "pronoun" => {
                let mut it = entry.split(' ');
                let word = it.next().unwrap_or_default().to_string();
                let kind = match it.next() {
                    Some("plural") => PronounKind::Plural,
                    Some("thing") => PronounKind::Thing,
                    Some("person") | None => PronounKind::Person,
                    Some(other) => return Err(format!("unknown pronoun kind `{other}`")),
                };
                self.pronouns.insert(word, kind);
            }
            "passive_agent" => set_add(&mut self.passive_agent, &entry),
            "intro" => set_add(&mut self.intro, &entry),
            "determiner" => set_add(&mut self.determiner, &entry),
            "indefinite" => set_add(&mut self.indefinite, &entry),
            "unnamed" => set_add(&mut self.unnamed, &entry),
            "role" => set_add(&mut self.role, &entry),
            "honorific" => set_add(&mut self.honorific, &entry),
            "stop" => set_add(&mut self.stop, &entry),
            "adverb" => set_add(&mut self.adverb, &entry),
            "connector" => set_add(&mut self.connector, &entry),
            "title_cue" => set_add(&mut self.title_cue, &entry),
            "not_name" => set_add(&mut self.not_name, &entry),
            "affiliation" => set_add(&mut self.affiliation, &entry),
            "org_word" => set_add(&mut self.org_word, &entry),
            "place_word" => set_add(&mut self.place_word, &entry),
            "place_role" => set_add(&mut self.place_role, &entry),
            "role_qualifier" => set_add(&mut self.role_qualifier, &entry),
            "demonym" => set_add(&mut self.demonym, &entry),
            "mouthpiece" => set_add(&mut self.mouthpiece, &entry),
            "state" => set_add(&mut self.state, &entry),
            "principal_prep" => set_add(&mut self.principal_prep, &entry),
            "passive_aux" => set_add(&mut self.passive_aux, &entry),
            "noun_marker" => set_add(&mut self.noun_marker, &entry),
            "origin_prep" => set_add(&mut self.origin_prep, &entry),
            "sentence_opener" => set_add(&mut self.sentence_opener, &entry),
            "subject_salient" => self.subject_salient = entry == "yes",
            "subject_verb" => set_add(&mut self.subject_verb, &entry),
            "title_link" => set_add(&mut self.title_link, &entry),
            "name_prefix" => set_add(&mut self.name_prefix, &entry),
            "active_prefix" => self.active_prefix.push(entry.to_string()),
            "passive_prefix" => self.passive_prefix.push(entry.to_string()),
            "person_suffix" => self.person_suffix.push(entry.clone()),
            "" => return Err("entry before any [section]".into()),
            other => return Err(format!("unknown section [{other}]")),
        }
        if matches!(section, "connector" | "determiner") {
            for w in entry.split(' ') {
                self.title_word_chars = self.title_word_chars.max(w.chars().count());
            }
        }
        // Every word whose membership may have changed (with its `-nya` form for cues).
        for w in entry.split(' ') {
            self.refresh_class(w);
            if section == "cue_nya" && nya {
                self.refresh_class(&format!("{w}nya"));
            }
        }
        Ok(())
    }

    /// Recomputes the classes of `w` from the lists.
    fn refresh_class(&mut self, w: &str) {
        let lists: [(bool, u32); 24] = [
            (self.cues.contains_key(w), class::CUE),
            (
                self.cues
                    .get(w)
                    .is_some_and(|es| es.iter().all(|e| e.class == CueClass::Verb)),
                class::VERB_CUE,
            ),
            (self.pronouns.contains_key(w), class::PRONOUN),
            (self.role.contains(w), class::ROLE),
            (self.unnamed.contains(w), class::UNNAMED),
            (self.honorific.contains(w), class::HONORIFIC),
            (self.determiner.contains(w), class::DETERMINER),
            (self.adverb.contains(w), class::ADVERB),
            (self.connector.contains(w), class::CONNECTOR),
            (self.not_name.contains(w), class::NOT_NAME),
            (self.affiliation.contains(w), class::AFFILIATION),
            (self.org_word.contains(w), class::ORG_WORD),
            (self.place_word.contains(w), class::PLACE_WORD),
            (self.place_role.contains(w), class::PLACE_ROLE),
            (self.origin_prep.contains(w), class::ORIGIN_PREP),
            (self.sentence_opener.contains(w), class::SENTENCE_OPENER),
            (self.demonym.contains(w), class::DEMONYM),
            (self.indefinite.contains(w), class::INDEFINITE),
            (self.stop.contains(w), class::STOP),
            (self.subject_verb.contains(w), class::SUBJECT_VERB),
            (self.passive_aux.contains(w), class::PASSIVE_AUX),
            (self.noun_marker.contains(w), class::NOUN_MARKER),
            (self.title_cue.contains(w), class::TITLE_CUE),
            (self.title_link.contains(w), class::TITLE_LINK),
        ];
        let bits = lists
            .iter()
            .filter(|(is, _)| *is)
            .fold(0, |acc, (_, bit)| acc | bit);
        if bits & (class::CUE | class::SUBJECT_VERB) != 0 {
            // (Never removed: a stale key only lets a word through to the look-up.)
            self.verb_keys.insert(verb_key(w));
            self.verb_hash.insert(token_hash(w));
            self.verb_lens |= 1 << w.len().min(63);
        }
        if let &[b] = w.as_bytes() {
            if b.is_ascii() {
                self.ascii_classes.resize(128, 0);
                if let Some(c) = self.ascii_classes.get_mut(usize::from(b)) {
                    *c = bits;
                }
            }
        }
        let mut cs = w.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if GENERAL_PUNCT.contains(&c) {
                self.punct_classes.resize(GENERAL_PUNCT.count(), 0);
                let i = (c as usize).wrapping_sub(*GENERAL_PUNCT.start() as usize);
                if let Some(x) = self.punct_classes.get_mut(i) {
                    *x = bits;
                }
            }
        }
        let h = token_hash(w);
        if bits == 0 {
            self.classes.remove(w);
            self.class_hash.insert(h, 0);
        } else {
            self.class_keys.insert(verb_key(w));
            self.classes.insert(w.to_string(), bits);
            self.class_hash.insert(h, bits);
        }
    }

    /// Whether a lower-case word may be a cue or a verb of stance (`false`: it is neither).
    #[inline]
    pub(crate) fn may_be_verb(&self, w: &str) -> bool {
        self.may_be_verb_bytes(w.as_bytes())
    }

    /// [`Lexicon::may_be_verb`] of a word's bytes.
    #[inline]
    pub(crate) fn may_be_verb_bytes(&self, w: &[u8]) -> bool {
        self.verb_lens & (1 << w.len().min(63)) != 0 && self.verb_keys.may_contain(key_of(w))
    }

    /// The classes (bits of [`class`]) of a lower-case word.
    #[inline]
    pub(crate) fn classes_of(&self, w: &str) -> u32 {
        if !self.class_keys.may_contain(verb_key(w)) {
            return 0;
        }
        self.classes.get(w).copied().unwrap_or(0)
    }

    /// Whether the word whose [`token_hash`] is `h` may be a cue or a verb of stance (`false`:
    /// it is neither).
    #[inline]
    pub(crate) fn may_be_verb_hash(&self, h: u64) -> bool {
        self.verb_hash.may_contain(h)
    }

    /// [`Lexicon::classes_of`] of the one-char word `b` (ASCII).
    #[inline]
    pub(crate) fn classes_of_ascii(&self, b: u8) -> u32 {
        self.ascii_classes.get(usize::from(b)).copied().unwrap_or(0)
    }

    /// [`Lexicon::classes_of`] of the one-char word `c` of [`GENERAL_PUNCT`].
    #[inline]
    pub(crate) fn classes_of_general_punct(&self, c: char) -> u32 {
        let i = (c as usize).wrapping_sub(*GENERAL_PUNCT.start() as usize);
        self.punct_classes.get(i).copied().unwrap_or(0)
    }

    /// [`Lexicon::classes_of`] of the word whose [`token_hash`] is `h`.
    #[inline]
    pub(crate) fn classes_of_hash(&self, h: u64) -> u32 {
        self.class_hash.get(h)
    }

    /// A word of an institution's or a place's name: listed, or an Indonesian nominalisation
    /// (`pe-...-an`, `ke-...-an`: "Pengelolaan", "Kesehatan"), which personal names are not.
    #[allow(dead_code)] // the miner looks up classes once per token and calls `is_inst_with`
    pub(crate) fn is_inst(&self, w: &str) -> bool {
        Self::is_inst_with(w, self.classes_of(w))
    }

    /// [`Lexicon::is_inst`] of a word whose classes are known.
    #[inline]
    pub(crate) fn is_inst_with(w: &str, classes: u32) -> bool {
        if classes & (class::ORG_WORD | class::AFFILIATION | class::PLACE_WORD) != 0 {
            return true;
        }
        let n = w.len();
        (n >= 7
            && w.is_ascii()
            && (w.starts_with("pe") || w.starts_with("ke"))
            && w.ends_with("an")
            && !w.ends_with("wan")
            && !w.ends_with("man"))
            || (n >= 7 && w.ends_with("isasi"))
    }

    /// Whether a cue word is an active transitive verb ("menilai", "meminta"): what follows
    /// it is its object, never its speaker. (The miner asks [`Lexicon::active_verb_with`].)
    #[cfg(test)]
    pub(crate) fn active_verb(&self, w: &str) -> bool {
        self.active_prefixed(w)
            && self
                .cues
                .get(w)
                .is_some_and(|es| es.iter().all(|e| e.class == CueClass::Verb))
    }

    /// [`Lexicon::active_verb`] of a word whose classes `cls` are known: the
    /// [`class::VERB_CUE`] bit tells what the cues hold, no look-up.
    #[inline]
    pub(crate) fn active_verb_with(&self, w: &str, cls: u32) -> bool {
        cls & class::VERB_CUE != 0 && self.active_prefixed(w)
    }

    /// Whether `w` starts with an active prefix (compared byte by byte: the prefixes are a
    /// letter or two).
    #[inline]
    fn active_prefixed(&self, w: &str) -> bool {
        let w = w.as_bytes();
        self.active_prefix.iter().any(|p| {
            let p = p.as_bytes();
            p.len() <= w.len() && p.iter().zip(w).all(|(a, b)| a == b)
        })
    }

    /// Whether a cue word is in the passive ("diakui", "dikatakan").
    pub(crate) fn passive_verb(&self, w: &str) -> bool {
        self.passive_prefix
            .iter()
            .any(|p| w.len() > p.len() + 2 && w.starts_with(p.as_str()))
    }

    fn add_cue(&mut self, entry: &str, class: CueClass) {
        let mut words = entry.split(' ');
        let first = words.next().unwrap_or_default().to_string();
        let rest: Vec<String> = words.map(str::to_string).collect();
        let list = self.cues.entry(first).or_default();
        if list.iter().any(|c| c.rest == rest) {
            return;
        }
        list.push(CueEntry {
            class,
            lemma: Arc::from(entry),
            rest,
        });
        // Longer phrases first, so that "according to" wins over a one-word entry.
        list.sort_by_key(|b| std::cmp::Reverse(b.rest.len()));
    }
}

/// Adds a (possibly multi-word) entry; every word of a phrase is added as well for sets that
/// are looked up word by word, which is what the miner does.
fn set_add(set: &mut WordSet, entry: &str) {
    for w in entry.split(' ') {
        set.insert(w.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_bits_are_the_lists() {
        // (language: for every word of every list, and the cues and pronouns, each class bit
        // is its membership of the bit's list, as the miner reads a token's classes for the
        // lists)
        for lang in [Language::Indonesian, Language::English] {
            let lx = bundled(lang);
            let sets: [(&WordSet, u32); 21] = [
                (&lx.role, class::ROLE),
                (&lx.unnamed, class::UNNAMED),
                (&lx.honorific, class::HONORIFIC),
                (&lx.determiner, class::DETERMINER),
                (&lx.adverb, class::ADVERB),
                (&lx.connector, class::CONNECTOR),
                (&lx.not_name, class::NOT_NAME),
                (&lx.affiliation, class::AFFILIATION),
                (&lx.org_word, class::ORG_WORD),
                (&lx.place_word, class::PLACE_WORD),
                (&lx.place_role, class::PLACE_ROLE),
                (&lx.origin_prep, class::ORIGIN_PREP),
                (&lx.sentence_opener, class::SENTENCE_OPENER),
                (&lx.demonym, class::DEMONYM),
                (&lx.indefinite, class::INDEFINITE),
                (&lx.stop, class::STOP),
                (&lx.subject_verb, class::SUBJECT_VERB),
                (&lx.passive_aux, class::PASSIVE_AUX),
                (&lx.noun_marker, class::NOUN_MARKER),
                (&lx.title_cue, class::TITLE_CUE),
                (&lx.title_link, class::TITLE_LINK),
            ];
            let mut words: Vec<&str> = sets
                .iter()
                .flat_map(|(set, _)| set.iter().map(String::as_str))
                .chain(lx.cues.keys().map(String::as_str))
                .chain(lx.pronouns.keys().map(String::as_str))
                .chain(["budi", "jakarta", "the", "x", ""])
                .collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                let c = lx.classes_of(w);
                assert_eq!(
                    c & class::CUE != 0,
                    lx.cues.contains_key(w),
                    "{lang:?} {w:?}"
                );
                assert_eq!(
                    c & class::PRONOUN != 0,
                    lx.pronouns.contains_key(w),
                    "{lang:?} {w:?}"
                );
                for (set, bit) in &sets {
                    assert_eq!(c & bit != 0, set.contains(w), "{lang:?} {w:?} {bit:#x}");
                }
                assert_eq!(lx.classes_of_hash(token_hash(w)), c, "{lang:?} {w:?}");
            }
        }
    }

    #[test]
    fn active_verbs_told_by_their_classes_are_the_cues() {
        // (language: every cue word, its `-nya` form and a few other words are active verbs
        // by their classes as by the cues, also after a cue of another class is added)
        for lang in [Language::Indonesian, Language::English] {
            let mut lx = Lexicon::clone(&bundled(lang));
            lx.add("cue_prep", "menurutkan", false).unwrap();
            lx.add("cue", "menurutkan", false).unwrap();
            lx.add("cue_nya", "mengaku", true).unwrap();
            let mut words: Vec<String> = lx.cues.keys().cloned().collect();
            words.extend(
                [
                    "me",
                    "m",
                    "",
                    "menilai",
                    "dikatakan",
                    "kata",
                    "said",
                    "menurutkan",
                    "mengakunya",
                ]
                .map(String::from),
            );
            for w in &words {
                assert_eq!(
                    lx.active_verb_with(w, lx.classes_of(w)),
                    lx.active_verb(w),
                    "{lang:?} {w:?}"
                );
            }
        }
    }

    #[test]
    fn hash_table_keeps_values_by_hash() {
        let mut t = HashTable::default();
        assert_eq!(t.get(7), 0);
        // Keys spread over the top bits and crowded in one slot; 0 is never kept.
        let keys: Vec<u64> = (1..500u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .chain(1..40u64)
            .collect();
        for (n, &k) in keys.iter().enumerate() {
            t.insert(k, n as u32 + 1);
        }
        t.insert(0, 9);
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(t.get(k), n as u32 + 1, "{k}");
        }
        assert_eq!(t.get(0), 0);
        assert_eq!(t.get(1 << 40), 0);
        // A new value replaces the old; 0 reads as absent.
        t.insert(keys[3], 0);
        assert_eq!(t.get(keys[3]), 0);
        assert_eq!(t.get(keys[4]), 5);
    }

    #[test]
    fn classes_by_hash_are_the_classes_by_word() {
        for lang in [Language::Indonesian, Language::English] {
            let mut lx = (*bundled(lang)).clone();
            lx.add("cue", "celetuk", true).unwrap();
            for (w, &c) in &lx.classes {
                assert_eq!(lx.classes_of_hash(token_hash(w)), c, "{w:?}");
                // (Every cue and verb of stance passes the filter by hash.)
                if c & (class::CUE | class::SUBJECT_VERB) != 0 {
                    assert!(lx.may_be_verb_hash(token_hash(w)), "{w:?}");
                }
            }
            // (word, its classes by hash are its classes by word)
            for w in ["celetuk", "kata", "presiden", "budi", "x", "", "namun"] {
                assert_eq!(lx.classes_of_hash(token_hash(w)), lx.classes_of(w), "{w:?}");
            }
        }
    }

    #[test]
    fn one_char_words_have_their_classes_by_the_char() {
        // (one-char word added to a section: its classes by the char are its classes)
        let mut lx = (*bundled(Language::Indonesian)).clone();
        for (section, w) in [("connector", "&"), ("stop", "+"), ("connector", "x")] {
            lx.add(section, w, true).unwrap();
            let b = w.as_bytes()[0];
            assert_ne!(lx.classes_of(w), 0, "{w:?}");
            assert_eq!(lx.classes_of_ascii(b), lx.classes_of(w), "{w:?}");
        }
        for b in 0..128u8 {
            let w = char::from(b).to_string();
            assert_eq!(lx.classes_of_ascii(b), lx.classes_of(&w), "{w:?}");
        }
    }

    #[test]
    fn bundled_data_parses() {
        assert!(ID.cues.contains_key("kata"));
        assert!(ID.cues.contains_key("katanya"));
        assert_eq!(ID.cues["katanya"][0].class, CueClass::VerbNya);
        assert!(EN.cues.contains_key("according"));
        assert_eq!(EN.cues["according"][0].rest, vec!["to".to_string()]);
    }

    #[test]
    fn every_cue_and_verb_of_stance_passes_the_verb_filter() {
        for lx in [&*ID, &*EN] {
            for w in lx.cues.keys().chain(lx.subject_verb.iter()) {
                assert!(lx.may_be_verb(w), "{w}");
            }
        }
        for lx in [&*ID, &*EN] {
            for (w, &c) in &lx.classes {
                assert_eq!(lx.classes_of(w), c, "{w}");
            }
        }
        // The filter rules most other words out.
        let words = [
            "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "the", "of", "and",
        ];
        assert!(words.iter().filter(|w| ID.may_be_verb(w)).count() <= 3);
    }

    #[test]
    fn unknown_section_is_an_error_with_line() {
        let mut lx = Lexicon::default();
        let err = lx.add_data("x.txt", "[cue]\nkata\n[nope]\nfoo\n", true);
        assert!(err.is_err());
        let msg = err.unwrap_err().to_string();
        assert!(msg.contains("x.txt") && msg.contains('4'), "{msg}");
    }
}
