//! Gazetteers: lists of known entities with their aliases.
//!
//! A [`Gazetteer`] is built once by a [`GazetteerBuilder`], from the bundled default
//! (every `gazetteers/*.tsv` file of the crate, embedded in the library) and/or from your
//! own entries, TSV files and JSON files. It is `Send + Sync`; share it in an [`Arc`].
//!
//! # The TSV format
//!
//! UTF-8, first line exactly `#kutip-gazetteer 1`; lines starting with `#` are comments,
//! blank lines are ignored. Each data line is
//! `id<TAB>kind<TAB>name<TAB>aliases[<TAB>attrs]`:
//!
//! - `kind`: `person`, `place` or `organization`;
//! - `aliases`: `|`-separated, each `lang:text` with `lang` one of `id`, `en`, `xx`
//!   (any language); may be empty;
//! - `attrs`: `;`-separated `key=value[,value...]`; known keys are `roles` (lower-case role
//!   words), `of` (the canonical name of the country or body the entity belongs to),
//!   `country`, `type`, and `name_en` / `name_id` (the name to show for documents in that
//!   language where it is not `name`: one value, commas allowed; it is shown, not matched:
//!   give it as an alias too); other keys are kept in [`Entry::attrs`].
//!
//! ```text
//! #kutip-gazetteer 1
//! Q7747<TAB>person<TAB>Vladimir Putin<TAB>xx:Putin|en:Vladimir Vladimirovich Putin<TAB>roles=presiden,president;of=Rusia
//! Q884<TAB>place<TAB>Korea Selatan<TAB>en:South Korea|id:Korsel<TAB>type=country;name_en=South Korea
//! ```
//!
//! # Display names
//!
//! Entities and speakers are named by their entry's canonical `name`, or, where the entry has
//! a display name for the document's language (`name_en=`, `name_id=`, or
//! [`Entry::display`]), by that one: an English document shows "South Korea" where an
//! Indonesian one shows "Korea Selatan". The id is the same in both.
//!
//! # The JSON format
//!
//! An array of objects (or an object with an `entries` array), each with `id`, `kind`,
//! `name`, and optionally `aliases` (strings, `lang:text` strings, or `{"lang", "text"}`
//! objects), `roles`, `of`, `country`, `type`, `name_en`, `name_id`.
//!
//! # Matching
//!
//! Aliases match the original text on whole words, leftmost-longest ("Korea Utara" beats
//! "Korea"), with apostrophe and hyphen variants unified. An alias written without
//! lower-case letters (an acronym such as `AS`) matches only exactly; other aliases match as
//! written, with a capitalised first letter, or in ALL CAPS ("REUTERS"); lower-case text never
//! matches a capitalised alias ("rusia" is not "Rusia").

mod index;
pub(crate) mod token;

use crate::document::{Document, EntryField};
use crate::{EntityKind, Error, Language, Span};
pub(crate) use index::StartFilter;
use index::{AliasRef, Index, IndexBuilder, IndexMatch};
use once_cell::sync::Lazy;
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

pub(crate) use index::{
    check_case, CaseFit, FxHasher, IndexMatch as RawMatch, MixHasher, MAX_TOKENS,
};
#[allow(unused_imports)] // `tokenize` is kept for callers without hashes
pub(crate) use token::{tokenize, Gap, Token};

/// The header line of a TSV gazetteer file.
pub const TSV_HEADER: &str = "#kutip-gazetteer 1";

/// The bundled gazetteer files (name, contents). The list is fixed here.
pub(crate) const BUNDLED: &[(&str, &str)] = &[
    (
        "gazetteers/countries.tsv",
        include_str!("../../gazetteers/countries.tsv"),
    ),
    (
        "gazetteers/curated-indonesia-state.tsv",
        include_str!("../../gazetteers/curated-indonesia-state.tsv"),
    ),
    (
        "gazetteers/curated-international-orgs.tsv",
        include_str!("../../gazetteers/curated-international-orgs.tsv"),
    ),
    (
        "gazetteers/curated-media.tsv",
        include_str!("../../gazetteers/curated-media.tsv"),
    ),
    (
        "gazetteers/curated-organizations.tsv",
        include_str!("../../gazetteers/curated-organizations.tsv"),
    ),
    (
        "gazetteers/curated-parties.tsv",
        include_str!("../../gazetteers/curated-parties.tsv"),
    ),
    (
        "gazetteers/curated-people-indonesia.tsv",
        include_str!("../../gazetteers/curated-people-indonesia.tsv"),
    ),
    (
        "gazetteers/curated-people-world.tsv",
        include_str!("../../gazetteers/curated-people-world.tsv"),
    ),
    (
        "gazetteers/indonesia-regions.tsv",
        include_str!("../../gazetteers/indonesia-regions.tsv"),
    ),
    (
        "gazetteers/indonesia-villages.tsv",
        include_str!("../../gazetteers/indonesia-villages.tsv"),
    ),
    (
        "gazetteers/world-places.tsv",
        include_str!("../../gazetteers/world-places.tsv"),
    ),
];

static BUNDLED_ENTRIES: Lazy<Vec<Entry>> = Lazy::new(|| {
    // The bundled files are tested; a bad line would be a bug caught by the tests.
    parse_tsv_files(BUNDLED).unwrap_or_else(|e| {
        debug_assert!(false, "bundled gazetteer: {e}");
        Vec::new()
    })
});

static BUNDLED_GAZETTEER: Lazy<Arc<Gazetteer>> = Lazy::new(|| {
    // Parsed and built in one go: no copy of the entries.
    Arc::new(Gazetteer::load_bundled().unwrap_or_else(|_| Gazetteer::empty()))
});

/// An alias of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Alias {
    /// The language the alias is written in, where it is specific to one.
    pub lang: Option<Language>,
    /// The alias as written.
    pub text: String,
}

impl Alias {
    /// An alias for any language.
    pub fn new(text: impl Into<String>) -> Alias {
        Alias {
            lang: None,
            text: text.into(),
        }
    }

    /// Parses `lang:text` (`id`, `en`, `xx`); text without a known prefix is taken whole.
    pub fn parse(s: &str) -> Alias {
        if let Some((l, t)) = s.split_once(':') {
            match l {
                "id" => {
                    return Alias {
                        lang: Some(Language::Indonesian),
                        text: t.to_string(),
                    }
                }
                "en" => {
                    return Alias {
                        lang: Some(Language::English),
                        text: t.to_string(),
                    }
                }
                "xx" => return Alias::new(t),
                _ => {}
            }
        }
        Alias::new(s)
    }
}

/// A known entity.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// Its id (a Wikidata QID or a slug).
    pub id: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Its canonical name (also matched as an alias).
    pub name: String,
    /// Other names it goes by.
    pub aliases: Vec<Alias>,
    /// Roles it holds, lower-case ("presiden", "president").
    pub roles: Vec<String>,
    /// Canonical names of the countries or bodies it belongs to.
    pub of: Vec<String>,
    /// Its country, where given.
    pub country: Option<String>,
    /// Its type ("city", "news agency", ...), where given.
    pub entity_type: Option<String>,
    /// Other attributes, as `(key, values)`.
    pub attrs: Vec<(String, Vec<String>)>,
}

impl Entry {
    /// A new entry with no aliases or attributes.
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::{gazetteer::Entry, EntityKind};
    /// let e = Entry::new("Q7747", EntityKind::Person, "Vladimir Putin").alias("Putin");
    /// assert_eq!(e.aliases.len(), 1);
    /// ```
    pub fn new(id: impl Into<String>, kind: EntityKind, name: impl Into<String>) -> Entry {
        Entry {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            roles: Vec::new(),
            of: Vec::new(),
            country: None,
            entity_type: None,
            attrs: Vec::new(),
        }
    }

    /// Adds an alias (for any language).
    pub fn alias(mut self, text: impl Into<String>) -> Entry {
        self.aliases.push(Alias::new(text));
        self
    }

    /// Adds a role.
    pub fn role(mut self, role: impl Into<String>) -> Entry {
        self.roles.push(role.into());
        self
    }

    /// Adds the canonical name of a country or body the entity belongs to.
    pub fn of(mut self, of: impl Into<String>) -> Entry {
        self.of.push(of.into());
        self
    }

    /// Sets the name shown for documents in `lang` when it is not the canonical name
    /// (the `name_en` / `name_id` attribute). It is not matched: add it as an alias too.
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::{gazetteer::Entry, EntityKind, Language};
    /// let e = Entry::new("Q884", EntityKind::Place, "Korea Selatan")
    ///     .display(Language::English, "South Korea");
    /// assert_eq!(e.display_name(Language::English), "South Korea");
    /// assert_eq!(e.display_name(Language::Indonesian), "Korea Selatan");
    /// ```
    pub fn display(mut self, lang: Language, name: impl Into<String>) -> Entry {
        set_display(&mut self, lang, name.into());
        self
    }

    /// The name to show for a document in `lang`: the display name for `lang` where there
    /// is one, else the canonical name.
    pub fn display_name(&self, lang: Language) -> &str {
        self.display_for(lang).unwrap_or(&self.name)
    }

    /// The display name for `lang` (`name_<code>` attribute), where one is given.
    fn display_for(&self, lang: Language) -> Option<&str> {
        let key = display_key(lang);
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.first())
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    fn has_display(&self) -> bool {
        !self.attrs.is_empty() && Language::ALL.iter().any(|&l| self.display_for(l).is_some())
    }
}

/// The attribute key of the display name for `lang`: `name_id`, `name_en`.
fn display_key(lang: Language) -> &'static str {
    match lang {
        Language::Indonesian => "name_id",
        Language::English => "name_en",
    }
}

/// The language of a display-name attribute key.
fn display_lang(key: &str) -> Option<Language> {
    Language::ALL.into_iter().find(|&l| display_key(l) == key)
}

/// Sets the display name of `e` for `lang`, replacing an earlier one. It is not made an
/// alias: a display name may be the name of another entry ("Georgia" for the US state).
fn set_display(e: &mut Entry, lang: Language, name: String) {
    let name = name.trim();
    if name.is_empty() {
        return;
    }
    let key = display_key(lang);
    e.attrs.retain(|(k, _)| k != key);
    e.attrs.push((key.to_string(), vec![name.to_string()]));
}

/// A match of a gazetteer alias in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GazetteerMatch {
    /// Where the alias is, in bytes.
    pub span: Span,
    /// Index of the entry in [`Gazetteer::entries`].
    pub entry: usize,
}

/// A built gazetteer: entries and the index of their aliases. `Send + Sync`.
///
/// # Examples
///
/// ```
/// use kutip::gazetteer::{Entry, GazetteerBuilder};
/// use kutip::EntityKind;
///
/// let mut b = GazetteerBuilder::empty();
/// b.add(Entry::new("Q423", EntityKind::Place, "Korea Utara").alias("DPRK"));
/// b.add(Entry::new("Q884", EntityKind::Place, "Korea"));
/// let g = b.build().unwrap();
/// let text = "Pemimpin Korea Utara tiba.";
/// let m = g.find(text);
/// assert_eq!(&text[m[0].span], "Korea Utara");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    index: Index,
    aliases: usize,
    display: Displays,
}

type FxBuild = BuildHasherDefault<index::FxHasher>;

/// The few entries that have a display name, by id and by canonical name (`u32::MAX`: two
/// such entries share the name), to rename a document's referents and speakers.
#[derive(Clone, Debug, Default)]
struct Displays {
    by_id: HashMap<Box<str>, u32, FxBuild>,
    by_name: HashMap<Box<str>, u32, FxBuild>,
}

impl Displays {
    fn build(entries: &[Entry]) -> Displays {
        let mut d = Displays::default();
        for (i, e) in entries.iter().enumerate() {
            if !e.has_display() {
                continue;
            }
            d.by_id.entry(e.id.as_str().into()).or_insert(i as u32);
            d.by_name
                .entry(e.name.as_str().into())
                .and_modify(|j| *j = u32::MAX)
                .or_insert(i as u32);
        }
        d
    }

    fn memory_usage(&self) -> usize {
        let m = |h: &HashMap<Box<str>, u32, FxBuild>| {
            h.capacity() * (std::mem::size_of::<(Box<str>, u32)>() + 1)
                + h.keys().map(|k| k.len()).sum::<usize>()
        };
        m(&self.by_id) + m(&self.by_name)
    }
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn empty() -> Gazetteer {
        Gazetteer::default()
    }

    /// The bundled gazetteer, built once and shared.
    pub fn bundled() -> Arc<Gazetteer> {
        BUNDLED_GAZETTEER.clone()
    }

    /// Parses the bundled files and builds a new gazetteer from them, without the shared
    /// cache that [`Gazetteer::bundled`] uses (for measuring, or to own a private copy).
    ///
    /// # Errors
    ///
    /// None in practice: the bundled files are checked by the tests.
    pub fn load_bundled() -> Result<Gazetteer, Error> {
        let mut b = GazetteerBuilder::empty();
        b.entries = parse_tsv_files(BUNDLED)?;
        b.into_gazetteer()
    }

    /// A builder starting from the bundled entries.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at `index`.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The string `field` of entry `entry` ("" when there is none).
    pub(crate) fn entry_field(&self, entry: u32, field: EntryField) -> &str {
        let Some(e) = self.entries.get(entry as usize) else {
            return "";
        };
        match field {
            EntryField::Name => &e.name,
            EntryField::Id => &e.id,
            EntryField::Role(i) => e.roles.get(i as usize).map_or("", String::as_str),
            EntryField::Of(i) => e.of.get(i as usize).map_or("", String::as_str),
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of indexed aliases (names included).
    pub fn alias_count(&self) -> usize {
        self.aliases
    }

    /// Heap memory used by the entries and the index, in bytes (approximately).
    pub fn memory_usage(&self) -> usize {
        let s = |x: &String| x.capacity();
        let mut n = self.entries.capacity() * std::mem::size_of::<Entry>();
        for e in &self.entries {
            n += s(&e.id) + s(&e.name);
            n += e.aliases.capacity() * std::mem::size_of::<Alias>();
            n += e.aliases.iter().map(|a| a.text.capacity()).sum::<usize>();
            n += e.roles.iter().map(|r| r.capacity() + 24).sum::<usize>();
            n += e.of.iter().map(|r| r.capacity() + 24).sum::<usize>();
            n += e.country.as_ref().map_or(0, s) + e.entity_type.as_ref().map_or(0, s);
            for (k, v) in &e.attrs {
                n += k.capacity() + 48 + v.iter().map(|x| x.capacity() + 24).sum::<usize>();
            }
        }
        n + self.index.memory_usage() + self.display.memory_usage()
    }

    /// The name to show, in a document in `lang`, for the entry with id `id`: its display
    /// name for `lang`, or `None` when it has none (the canonical name stands).
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::{gazetteer::Gazetteer, Language};
    /// let g = Gazetteer::bundled();
    /// assert_eq!(g.display_name("Q884", Language::English), Some("South Korea"));
    /// assert_eq!(g.display_name("Q884", Language::Indonesian), None);
    /// ```
    pub fn display_name(&self, id: &str, lang: Language) -> Option<&str> {
        let &i = self.display.by_id.get(id)?;
        self.entries.get(i as usize)?.display_for(lang)
    }

    /// Renames the referents, their affiliations and the speakers of `doc` whose name is
    /// the canonical name of an entry with a display name for the document's language.
    /// Ids are left as they are.
    pub(crate) fn localize(&self, doc: &mut Document) {
        if self.display.by_id.is_empty() {
            return;
        }
        let lang = doc.lang;
        // The display name for an entity named `name` with id `id` (`None`: keep it).
        let by_id = |id: Option<&str>, name: &str| -> Option<String> {
            let e = self.entries.get(*self.display.by_id.get(id?)? as usize)?;
            (e.name == name)
                .then(|| e.display_for(lang))
                .flatten()
                .map(String::from)
        };
        let by_name = |name: &str| -> Option<String> {
            let e = self
                .entries
                .get(*self.display.by_name.get(name)? as usize)?;
            e.display_for(lang).map(String::from)
        };
        for r in &mut doc.referents {
            if let Some(n) = by_id(r.id.as_deref(), &r.name) {
                r.name = n.into();
            }
            for a in &mut r.affiliations {
                if let Some(n) = by_name(a) {
                    *a = n.into();
                }
            }
        }
        for q in &mut doc.quotes {
            if let Some(s) = &mut q.speaker {
                if let Some(n) = s
                    .name
                    .as_deref()
                    .and_then(|name| by_id(s.id.as_deref(), name))
                {
                    s.name = Some(n);
                }
            }
        }
    }

    fn surface(&self, r: AliasRef) -> &str {
        let e = &self.entries[r.entry as usize];
        if r.alias == u32::MAX {
            &e.name
        } else {
            e.aliases
                .get(r.alias as usize)
                .map_or(e.name.as_str(), |a| a.text.as_str())
        }
    }

    /// Finds aliases in `text`: leftmost-longest, whole words, never overlapping, in order.
    pub fn find(&self, text: &str) -> Vec<GazetteerMatch> {
        let (toks, hashes) = token::tokenize_hashed(text);
        let mut raw = Vec::new();
        self.find_tokens(text, &toks, &hashes, &mut raw);
        raw.iter()
            .map(|m| GazetteerMatch {
                span: Span::new(toks[m.first].start, toks[m.last].end),
                entry: m.alias.entry as usize,
            })
            .collect()
    }

    /// Matches over already tokenized text.
    /// `hashes`: the tokens' hashes when known (one per token), else empty.
    pub(crate) fn find_tokens(
        &self,
        text: &str,
        toks: &[Token],
        hashes: &[u64],
        out: &mut Vec<IndexMatch>,
    ) {
        self.index
            .find(text, toks, hashes, |r| self.surface(r), out);
    }

    /// The test of the tokens that may start a match ([`Gazetteer::find_tokens_from`]).
    #[inline]
    pub(crate) fn start_filter(&self) -> StartFilter<'_> {
        self.index.start_filter()
    }

    /// [`Gazetteer::find_tokens`] with the tokens' hashes (one per token) and, in order, the
    /// tokens that may start a match ([`StartFilter::may_start`]).
    pub(crate) fn find_tokens_from(
        &self,
        text: &str,
        toks: &[Token],
        hashes: &[u64],
        starts: &[u32],
        out: &mut Vec<IndexMatch>,
    ) {
        self.index.find_from(
            text,
            toks,
            hashes,
            starts.iter().copied(),
            |r| self.surface(r),
            out,
        );
    }
}

/// Builds a [`Gazetteer`] from the bundled entries or from nothing, adding entries in code
/// and from TSV or JSON sources.
///
/// # Examples
///
/// ```
/// use kutip::gazetteer::GazetteerBuilder;
///
/// let mut b = GazetteerBuilder::empty();
/// b.load_tsv_str("mine.tsv", "#kutip-gazetteer 1\nx1\tperson\tPatrick Cronin\txx:Cronin\n")?;
/// let g = b.build()?;
/// assert_eq!(g.len(), 1);
/// # Ok::<(), kutip::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    entries: Vec<Entry>,
}

impl GazetteerBuilder {
    /// A builder holding the bundled entries.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            entries: BUNDLED_ENTRIES.clone(),
        }
    }

    /// A builder holding no entry.
    pub fn empty() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Number of entries so far.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no entry was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds an entry.
    pub fn add(&mut self, entry: Entry) -> &mut GazetteerBuilder {
        self.entries.push(entry);
        self
    }

    /// Adds entries.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = Entry>) -> &mut GazetteerBuilder {
        self.entries.extend(entries);
        self
    }

    /// Loads a TSV or JSON file (chosen by the extension `.json`; anything else is TSV).
    ///
    /// # Errors
    ///
    /// I/O errors, invalid UTF-8, a wrong header or a malformed line (the error names the
    /// file and the line).
    pub fn load_path(&mut self, path: impl AsRef<Path>) -> Result<&mut GazetteerBuilder, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::from(e).with_file(path))?;
        let text = Error::check_utf8(bytes).map_err(|e| e.with_file(path))?;
        let name = path.display().to_string();
        if path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        {
            self.load_json_str(&name, &text)
        } else {
            self.load_tsv_str(&name, &text)
        }
    }

    /// Loads TSV from a reader; `name` is used in error messages.
    ///
    /// # Errors
    ///
    /// As [`GazetteerBuilder::load_tsv_str`], plus I/O errors and invalid UTF-8.
    pub fn load_tsv_reader(
        &mut self,
        name: &str,
        reader: impl Read,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let text = read_text(name, reader)?;
        self.load_tsv_str(name, &text)
    }

    /// Loads JSON from a reader; `name` is used in error messages.
    ///
    /// # Errors
    ///
    /// As [`GazetteerBuilder::load_json_str`], plus I/O errors and invalid UTF-8.
    pub fn load_json_reader(
        &mut self,
        name: &str,
        reader: impl Read,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let text = read_text(name, reader)?;
        self.load_json_str(name, &text)
    }

    /// Loads TSV text (the format in the [module docs](self)); `name` is used in errors.
    /// Nothing is added when an error is returned.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Data`] naming `name` and the 1-based line, for a missing or wrong
    /// header, or a malformed line (too few or too many fields, an empty id or name, an
    /// unknown kind, an attribute without `=`).
    pub fn load_tsv_str(&mut self, name: &str, text: &str) -> Result<&mut GazetteerBuilder, Error> {
        parse_tsv_into(name, text, &mut self.entries)?;
        Ok(self)
    }

    /// Loads JSON text (the format in the [module docs](self)); `name` is used in errors.
    /// Nothing is added when an error is returned.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Data`] naming `name` and the line, for invalid JSON, a missing
    /// field or an unknown kind.
    pub fn load_json_str(
        &mut self,
        name: &str,
        text: &str,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let entries = parse_json(name, text)?;
        self.entries.extend(entries);
        Ok(self)
    }

    /// Builds the gazetteer.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Config`] when there are more than `u32::MAX` entries.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        self.clone().into_gazetteer()
    }

    /// Builds the gazetteer, consuming the builder (no copy of the entries).
    ///
    /// # Errors
    ///
    /// As [`GazetteerBuilder::build`].
    pub fn into_gazetteer(self) -> Result<Gazetteer, Error> {
        if self.entries.len() >= u32::MAX as usize {
            return Err(Error::new(
                crate::ErrorKind::Config,
                "too many gazetteer entries",
            ));
        }
        let n: usize = self.entries.iter().map(|e| e.aliases.len() + 1).sum();
        let mut ib = IndexBuilder::with_capacity(n);
        let mut count = 0;
        for (ei, e) in self.entries.iter().enumerate() {
            let r = AliasRef {
                entry: ei as u32,
                alias: u32::MAX,
                exact: false,
            };
            count += ib.add(&e.name, r) as usize;
            for (ai, a) in e.aliases.iter().enumerate() {
                if a.text == e.name {
                    continue;
                }
                let r = AliasRef {
                    entry: ei as u32,
                    alias: ai as u32,
                    exact: false,
                };
                count += ib.add(&a.text, r) as usize;
            }
        }
        Ok(Gazetteer {
            display: Displays::build(&self.entries),
            entries: self.entries,
            index: ib.build(),
            aliases: count,
        })
    }
}

#[cfg(test)]
fn parse_tsv(name: &str, text: &str) -> Result<Vec<Entry>, Error> {
    let mut out = Vec::new();
    parse_tsv_into(name, text, &mut out)?;
    Ok(out)
}

/// Parses TSV text, appending its entries to `out`; on an error `out` is left as it was.
///
/// One pass over the bytes of each line (the separators are ASCII, so slicing at them is
/// always on a char boundary), no allocation but the entry's own strings, and `out` grown
/// once for the whole file.
fn parse_tsv_into(name: &str, text: &str, out: &mut Vec<Entry>) -> Result<(), Error> {
    let body = tsv_body(name, text)?;
    out.reserve(count_lines(body));
    parse_tsv_lines(name, body, 2, out)
}

/// The text after a TSV file's header line, or an error when the header is not ours.
fn tsv_body<'t>(name: &str, text: &'t str) -> Result<&'t str, Error> {
    let (header, body) = text.split_once('\n').unwrap_or((text, ""));
    let header = header.strip_prefix('\u{feff}').unwrap_or(header);
    if header.trim_end() != TSV_HEADER {
        return Err(Error::data(
            name,
            1,
            format!("expected the header line {TSV_HEADER:?}"),
        ));
    }
    Ok(body)
}

/// Number of line feeds in `text` (a loop the compiler vectorizes).
fn count_lines(text: &str) -> usize {
    text.as_bytes()
        .iter()
        .map(|&b| usize::from(b == b'\n'))
        .sum()
}

/// Parses the entry lines `body` of file `name`, whose first line is line `first` of the
/// file, appending the entries to `out`; on an error `out` is left as it was.
fn parse_tsv_lines(
    name: &str,
    body: &str,
    first: usize,
    out: &mut Vec<Entry>,
) -> Result<(), Error> {
    let before = out.len();
    for (i, line) in body.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('#') || trim(line).is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(e) => out.push(e),
            Err(m) => {
                out.truncate(before);
                return Err(Error::data(name, first + i, m));
            }
        }
    }
    Ok(())
}

/// A run of entry lines of one file: its name, the lines, and the file line of the first.
type TsvPiece<'t> = (&'t str, &'t str, usize);

/// Parses TSV files into one list of entries in file and line order (the error is the first
/// bad line in that order). Where the platform runs threads and there is enough text, the
/// lines are cut in two halves at a line end and the second half is parsed on a thread of its
/// own; without threads, it is all parsed on this one. (Measured on two cores: the bundled
/// gazetteer loads in ~105 ms instead of ~118 ms. A cut at a quarter, leaving this thread
/// free sooner for the index, was slower: ~123 ms. The index, built on this thread after the
/// parse, reads the other thread's strings from another core's cache.)
fn parse_tsv_files(files: &[(&str, &str)]) -> Result<Vec<Entry>, Error> {
    let mut pieces: Vec<TsvPiece> = Vec::with_capacity(files.len());
    for (name, text) in files {
        match tsv_body(name, text) {
            Ok(body) => pieces.push((name, body, 2)),
            Err(e) => {
                // (A bad line in an earlier file comes first.)
                parse_pieces(&pieces)?;
                return Err(e);
            }
        }
    }
    let total: usize = pieces.iter().map(|p| p.1.len()).sum();
    // (Below about a megabyte a thread does not pay.)
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || total < 1 << 20 {
        return parse_pieces(&pieces);
    }
    let (first, second) = split_pieces(&pieces, total / 2);
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new().spawn_scoped(s, || parse_pieces(&second));
        // (Room for all the entries at once: the second part's are moved in, not regrown.)
        let mut out = Vec::with_capacity(pieces.iter().map(|p| count_lines(p.1)).sum());
        parse_pieces_into(&first, &mut out)?;
        // (A thread that could not start, or a parse that panicked, which it never does: the
        // second part is parsed here.)
        let rest = match handle.map(|h| h.join()) {
            Ok(Ok(rest)) => rest?,
            _ => parse_pieces(&second)?,
        };
        out.extend(rest);
        Ok(out)
    })
}

/// The entries of `pieces`, in order.
fn parse_pieces(pieces: &[TsvPiece]) -> Result<Vec<Entry>, Error> {
    let mut out = Vec::with_capacity(pieces.iter().map(|p| count_lines(p.1)).sum());
    parse_pieces_into(pieces, &mut out)?;
    Ok(out)
}

/// Appends the entries of `pieces` to `out`, in order.
fn parse_pieces_into(pieces: &[TsvPiece], out: &mut Vec<Entry>) -> Result<(), Error> {
    for &(name, body, first) in pieces {
        parse_tsv_lines(name, body, first, out)?;
    }
    Ok(())
}

/// The pieces cut in two at the first line end at or after byte `at` of their text.
fn split_pieces<'t>(pieces: &[TsvPiece<'t>], at: usize) -> (Vec<TsvPiece<'t>>, Vec<TsvPiece<'t>>) {
    let mut first = Vec::new();
    let mut second = Vec::new();
    let mut seen = 0;
    for &(name, body, line) in pieces {
        if !second.is_empty() || seen + body.len() <= at {
            if second.is_empty() {
                first.push((name, body, line));
            } else {
                second.push((name, body, line));
            }
            seen += body.len();
            continue;
        }
        // The cut falls in this piece: after the line end at or after `at - seen`.
        let cut = body.as_bytes()[at - seen..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |k| at - seen + k + 1);
        let (a, b) = body.split_at(cut);
        first.push((name, a, line));
        second.push((name, b, line + count_lines(a)));
        seen += body.len();
    }
    (first, second)
}

/// `str::trim`, with a fast path for the usual field that starts and ends with a visible
/// ASCII char.
#[inline]
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Splits `s` at every ASCII byte `sep` (as `str::split` with a char, without the searcher).
#[inline]
fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(k) => {
                rest = Some(&r[k + 1..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `str::split_once` at an ASCII byte.
#[inline]
fn split_once_ascii(s: &str, sep: u8) -> Option<(&str, &str)> {
    let k = s.bytes().position(|b| b == sep)?;
    Some((&s[..k], &s[k + 1..]))
}

fn parse_line(line: &str) -> Result<Entry, String> {
    let mut f: [&str; 5] = [""; 5];
    let mut nf = 0;
    for part in split_ascii(line, b'\t') {
        if nf < 5 {
            f[nf] = part;
        }
        nf += 1;
    }
    if !(4..=5).contains(&nf) {
        return Err(format!(
            "expected 4 or 5 tab-separated fields (id, kind, name, aliases[, attrs]), found {nf}"
        ));
    }
    let id = trim(f[0]);
    if id.is_empty() {
        return Err("empty id".into());
    }
    let kind = match trim(f[1]) {
        "person" => EntityKind::Person,
        "place" => EntityKind::Place,
        "organization" => EntityKind::Organization,
        k => {
            return Err(format!(
                "unknown kind {k:?} (person, place or organization)"
            ))
        }
    };
    let name = trim(f[2]);
    if name.is_empty() {
        return Err("empty name".into());
    }
    let mut e = Entry::new(id, kind, name);
    if !f[3].is_empty() {
        e.aliases
            .reserve(f[3].bytes().filter(|&b| b == b'|').count() + 1);
    }
    for a in split_ascii(f[3], b'|') {
        let a = trim(a);
        if a.is_empty() {
            continue;
        }
        let (lang, text) = match split_once_ascii(a, b':') {
            Some(("id", t)) => (Some(Language::Indonesian), t),
            Some(("en", t)) => (Some(Language::English), t),
            Some(("xx", t)) => (None, t),
            _ => (None, a),
        };
        let text = trim(text);
        if text.is_empty() {
            return Err(format!("empty alias {a:?}"));
        }
        e.aliases.push(Alias {
            lang,
            text: text.to_string(),
        });
    }
    if nf == 5 {
        for kv in split_ascii(f[4], b';') {
            let kv = trim(kv);
            if kv.is_empty() {
                continue;
            }
            let (k, v) =
                split_once_ascii(kv, b'=').ok_or_else(|| format!("attribute {kv:?} has no '='"))?;
            let vals = split_ascii(v, b',').map(trim).filter(|x| !x.is_empty());
            match trim(k) {
                // One value: no list built.
                "country" => e.country = vals.into_iter().next().map(String::from),
                "type" => e.entity_type = vals.into_iter().next().map(String::from),
                k => match display_lang(k) {
                    // A name: one value, commas and all.
                    Some(l) => set_display(&mut e, l, v.to_string()),
                    None => set_attr(&mut e, k, vals.map(String::from).collect()),
                },
            }
        }
    }
    Ok(e)
}

fn set_attr(e: &mut Entry, k: &str, vals: Vec<String>) {
    match k {
        "roles" | "role" => e.roles.extend(vals.into_iter().map(|v| v.to_lowercase())),
        "of" => e.of.extend(vals),
        "country" => e.country = vals.into_iter().next(),
        "type" => e.entity_type = vals.into_iter().next(),
        _ => e.attrs.push((k.to_string(), vals)),
    }
}

#[derive(Deserialize)]
struct JsonWrapped {
    entries: Vec<JsonEntry>,
}

fn non_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        Err(serde::de::Error::custom("empty id or name"))
    } else {
        Ok(s.trim().to_string())
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonAlias {
    Text(String),
    Full { lang: Option<String>, text: String },
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => s
                .split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect(),
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Deserialize)]
struct JsonEntry {
    #[serde(deserialize_with = "non_empty")]
    id: String,
    kind: EntityKind,
    #[serde(deserialize_with = "non_empty")]
    name: String,
    #[serde(default)]
    aliases: Vec<JsonAlias>,
    roles: Option<OneOrMany>,
    of: Option<OneOrMany>,
    country: Option<String>,
    #[serde(rename = "type")]
    entity_type: Option<String>,
    name_en: Option<String>,
    name_id: Option<String>,
}

fn parse_json(name: &str, text: &str) -> Result<Vec<Entry>, Error> {
    let err =
        |e: serde_json::Error| Error::data(name, e.line(), format!("invalid gazetteer JSON: {e}"));
    let list: Vec<JsonEntry> = if text.trim_start().starts_with('{') {
        serde_json::from_str::<JsonWrapped>(text)
            .map_err(err)?
            .entries
    } else {
        serde_json::from_str(text).map_err(err)?
    };
    let mut out = Vec::with_capacity(list.len());
    for j in list {
        let mut e = Entry::new(j.id, j.kind, j.name);
        for a in j.aliases {
            let a = match a {
                JsonAlias::Text(t) => Alias::parse(&t),
                JsonAlias::Full { lang, text } => Alias {
                    lang: lang.as_deref().and_then(Language::from_code),
                    text,
                },
            };
            if !a.text.trim().is_empty() {
                e.aliases.push(a);
            }
        }
        if let Some(r) = j.roles {
            set_attr(&mut e, "roles", r.into_vec());
        }
        if let Some(r) = j.of {
            set_attr(&mut e, "of", r.into_vec());
        }
        e.country = j.country;
        e.entity_type = j.entity_type;
        for (l, n) in [
            (Language::English, j.name_en),
            (Language::Indonesian, j.name_id),
        ] {
            if let Some(n) = n {
                set_display(&mut e, l, n);
            }
        }
        out.push(e);
    }
    Ok(out)
}

/// Reads a whole reader as UTF-8 text; errors name `name`.
fn read_text(name: &str, mut reader: impl Read) -> Result<String, Error> {
    let mut buf = Vec::new();
    reader
        .read_to_end(&mut buf)
        .map_err(|e| Error::from(e).with_file(name))?;
    Error::check_utf8(buf).map_err(|e| e.with_file(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled files parsed in two parts give the entries of one serial parse, in order.
    #[test]
    fn parsing_in_two_parts_is_parsing_in_one() {
        let mut serial = Vec::new();
        for (name, text) in BUNDLED {
            parse_tsv_into(name, text, &mut serial).unwrap();
        }
        let split = parse_tsv_files(BUNDLED).unwrap();
        assert_eq!(split.len(), serial.len());
        assert!(split == serial, "the entries differ");
    }

    /// Where the parts are cut, and that a bad line is reported with its file and line,
    /// whichever part it falls in.
    #[test]
    fn parts_cut_at_line_ends_and_errors_keep_their_lines() {
        let line = |i: usize| format!("q{i}\tplace\tKota Nomor {i}\t\n");
        let body: String = (0..40_000).map(line).collect();
        let big = format!("{TSV_HEADER}\n# a comment\n{body}");
        let small = format!("{TSV_HEADER}\n{}", line(1));
        let files = [("a.tsv", small.as_str()), ("b.tsv", big.as_str())];
        let got = parse_tsv_files(&files).unwrap();
        assert_eq!(got.len(), 40_001);
        assert_eq!(got[1].id, "q0");
        assert_eq!(got[40_000].id, "q39999");
        // A cut at a line end.
        let pieces: Vec<TsvPiece> = files
            .iter()
            .map(|(n, t)| (*n, tsv_body(n, t).unwrap(), 2))
            .collect();
        let total: usize = pieces.iter().map(|p| p.1.len()).sum();
        let (first, second) = split_pieces(&pieces, total / 2);
        assert_eq!(first.len(), 2);
        assert!(first[1].1.ends_with('\n'));
        assert_eq!(second[0].0, "b.tsv");
        assert_eq!(second[0].2, 2 + count_lines(first[1].1));
        assert_eq!(first[1].1.len() + second[0].1.len(), pieces[1].1.len());
        // A bad line early (first part) and late (second part) of the big file: file line
        // = 3 (header, comment) + the entry's number.
        for bad in [5usize, 39_990] {
            let broken = big.replacen(&line(bad), "q\tnot-a-kind\tX\t\n", 1);
            let files = [("a.tsv", small.as_str()), ("b.tsv", broken.as_str())];
            let e = parse_tsv_files(&files).unwrap_err();
            assert_eq!(e.line(), Some(3 + bad), "{bad}: {e}");
            assert!(e.to_string().contains("b.tsv"), "{e}");
        }
        // A bad header in a later file, and a bad line in an earlier one: the line first.
        let broken = small.replacen("Kota", "\tKota\t\t\t", 1);
        let files = [("a.tsv", broken.as_str()), ("b.tsv", "no header\n")];
        assert_eq!(parse_tsv_files(&files).unwrap_err().line(), Some(2));
        let files = [("a.tsv", small.as_str()), ("b.tsv", "no header\n")];
        assert_eq!(parse_tsv_files(&files).unwrap_err().line(), Some(1));
    }

    #[test]
    fn every_bundled_file_is_listed_and_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tsv"))
            .map(|n| format!("gazetteers/{n}"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = BUNDLED.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(listed, on_disk, "BUNDLED must list every gazetteers/*.tsv");
        for (name, text) in BUNDLED {
            if let Err(e) = parse_tsv(name, text) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn display_names_take_little_memory() {
        let g = Gazetteer::bundled();
        let (d, all) = (g.display.memory_usage(), g.memory_usage());
        println!(
            "display names: {} entries, {d} bytes of {all}",
            g.display.by_id.len()
        );
        assert!(g.display.by_id.len() > 500);
        assert!(d * 100 < all, "{d} of {all}");
    }
}
