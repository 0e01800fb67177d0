//! The document and its layers.

use crate::gazetteer::token::Token;
use crate::gazetteer::Gazetteer;
use crate::{Language, Span};
use once_cell::sync::OnceCell;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A paragraph: text between blank lines (a line holding only white space counts as blank).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Paragraph {
    /// The paragraph's text, without the surrounding blank lines.
    pub span: Span,
    /// Index of the first sentence of the paragraph in [`Document::sentences`].
    pub first_sentence: usize,
    /// One past the index of the last sentence of the paragraph.
    pub end_sentence: usize,
}

/// A sentence. Sentences tile the text: each starts where the previous one ends, the first at
/// 0 and the last at the end of the text. [`Sentence::trimmed`] drops the white space around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Sentence {
    /// The sentence with the white space that follows it (the tile).
    pub span: Span,
    /// The sentence without leading and trailing white space.
    pub trimmed: Span,
    /// Index of the paragraph the sentence starts in, in [`Document::paragraphs`].
    pub paragraph: usize,
}

/// The kind of a named entity.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: country, region, city, street, building.
    Place,
    /// An organization: company, agency, party, ministry, news outlet, team.
    Organization,
}

impl EntityKind {
    /// `person`, `place` or `organization`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
        }
    }

    /// Parses `person`/`per`, `place`/`loc`/`location`, `organization`/`organisation`/`org`.
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" | "people" => Some(EntityKind::Person),
            "place" | "loc" | "location" | "gpe" => Some(EntityKind::Place),
            "organization" | "organisation" | "org" => Some(EntityKind::Organization),
            _ => None,
        }
    }
}

/// How an entity mention was found.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntitySource {
    /// An alias of a gazetteer entry.
    Gazetteer,
    /// A rule of the language (a title before a name, a pattern such as `Universitas ...`,
    /// a name next to a reporting verb, a given-name list).
    Rule,
    /// A shorter form of a name seen earlier in the document ("Cronin" after "Patrick Cronin"),
    /// or an acronym defined in the text.
    Link,
}

impl EntitySource {
    /// `gazetteer`, `rule` or `link`, as it is serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            EntitySource::Gazetteer => "gazetteer",
            EntitySource::Rule => "rule",
            EntitySource::Link => "link",
        }
    }
}

/// One mention of a named entity in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Entity {
    /// Where the mention is.
    pub span: Span,
    /// What kind of entity it names.
    pub kind: EntityKind,
    /// Index of the entity this mention refers to, in [`Document::referents`].
    pub referent: usize,
    /// How it was found.
    pub source: EntitySource,
}

/// One entity of a document: what all its mentions refer to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Referent {
    /// The canonical name: the gazetteer's (its display name for the document's language
    /// where it has one: "South Korea" in English, "Korea Selatan" in Indonesian), or the
    /// longest name the document uses for it.
    pub name: SharedStr,
    /// The gazetteer id (a Wikidata QID or a slug), or `None` for entities found by rules.
    pub id: Option<SharedStr>,
    /// The kind of entity.
    pub kind: EntityKind,
    /// Roles the text gives it, lower-cased ("presiden", "ketua", "minister").
    pub roles: Vec<SharedStr>,
    /// Affiliations the text gives it, as canonical names ("Rusia", "Hudson Institute"; in
    /// the document's language where the gazetteer has a display name: "Russia").
    pub affiliations: Vec<SharedStr>,
    /// Indices of its mentions in [`Document::entities`], in text order.
    pub mentions: Vec<usize>,
}

/// A string of a [`Referent`] (its name, id, a role, an affiliation): either its own, or one
/// of a gazetteer entry's, shared with the gazetteer instead of copied, so that a referent
/// costs no allocation per string. It reads as a `&str` (`Deref`, [`SharedStr::as_str`]),
/// compares with strings, prints and serializes as its text.
///
/// # Examples
///
/// ```
/// let doc = kutip::Pipeline::new().process("Presiden Joko Widodo tiba di Jakarta.");
/// let r = doc.referent(&doc.entities()[0]);
/// assert_eq!(r.name, "Joko Widodo");
/// assert_eq!(r.name.as_str(), "Joko Widodo");
/// assert!(r.name.starts_with("Joko"));
/// ```
#[derive(Clone)]
pub struct SharedStr(Repr);

#[derive(Clone)]
enum Repr {
    Own(String),
    /// A string of entry `.1` of the gazetteer.
    Entry(Arc<Gazetteer>, u32, EntryField),
}

/// Which string of a gazetteer entry a [`SharedStr`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntryField {
    /// Its canonical name.
    Name,
    /// Its id.
    Id,
    /// Its role number `.0`.
    Role(u32),
    /// The name of the body it belongs to number `.0`.
    Of(u32),
}

impl SharedStr {
    /// The string `field` of entry `entry` of `gaz`, shared.
    pub(crate) fn entry(gaz: &Arc<Gazetteer>, entry: u32, field: EntryField) -> SharedStr {
        SharedStr(Repr::Entry(Arc::clone(gaz), entry, field))
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Own(s) => s,
            Repr::Entry(g, e, f) => g.entry_field(*e, *f),
        }
    }
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr(Repr::Own(String::new()))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(Repr::Own(s))
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(Repr::Own(s.to_string()))
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        match s.0 {
            Repr::Own(s) => s,
            Repr::Entry(..) => s.as_str().to_string(),
        }
    }
}

impl Deref for SharedStr {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The kind of a quotation.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// One or more sentences of speech.
    Direct,
    /// A fragment of speech inside the reporter's own sentence.
    Partial,
    /// A title, name, term or word used as a word: nobody said it.
    Title,
}

impl QuoteKind {
    /// `direct`, `partial` or `title`, as it is serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Title => "title",
        }
    }
}

/// The reporting word that ties a quote to its speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Cue {
    /// Where the cue is.
    pub span: Span,
    /// The cue's lemma-like form as written in the language data ("kata", "said", "menurut").
    pub word: String,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The mention that gave the attribution (for a continued quote, the earlier one; for a
    /// pronoun or a `-nya` cue, which name no one, the latest mention of the person they
    /// refer to before them).
    pub span: Span,
    /// The canonical name (as [`Referent::name`], in the document's language), or `None` for
    /// speakers that are not named ("para ahli", "a spokesman").
    pub name: Option<String>,
    /// The gazetteer id, where the speaker is a gazetteer entity.
    pub id: Option<String>,
    /// The speaker's kind, where known.
    pub kind: Option<EntityKind>,
    /// Index into [`Document::referents`], where the speaker is a known entity.
    pub referent: Option<usize>,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Quote {
    /// The quotation with its marks (where the closing mark is missing, up to the paragraph end).
    pub span: Span,
    /// The words inside the marks.
    pub content: Span,
    /// Direct, partial or title.
    pub kind: QuoteKind,
    /// Index of the paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
    /// Index of the first sentence the quote touches.
    pub first_sentence: usize,
    /// One past the index of the last sentence the quote touches.
    pub end_sentence: usize,
    /// The reporting word, where one ties the quote to its speaker.
    pub cue: Option<Cue>,
    /// The speaker, where one is found.
    pub speaker: Option<Speaker>,
    /// Name of the rule that attributed the quote ("quote-cue-speaker", "continuation", ...).
    pub rule: &'static str,
    /// Confidence in the attribution, from 0 to 1.
    pub confidence: f32,
}

/// The recognizer's tokens of a text and their [`crate::gazetteer::token::token_hash`]es.
pub(crate) type Tokens = (Vec<Token>, Vec<u64>);

/// A processed document: the original text and its layers.
///
/// Made by [`crate::Pipeline::process`]. All spans are byte offsets into [`Document::text`].
#[derive(Debug)]
pub struct Document {
    pub(crate) text: String,
    pub(crate) lang: Language,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) entities: Vec<Entity>,
    pub(crate) referents: Vec<Referent>,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) char_index: OnceCell<Vec<(usize, usize)>>,
    /// The recognizer's tokens of the text and their case-folded hashes, handed to the quote
    /// miner (which takes them) so that the text is tokenized once. Not part of the output.
    pub(crate) tokens: Option<Tokens>,
}

impl Document {
    pub(crate) fn new(text: String, lang: Language) -> Document {
        Document {
            text,
            lang,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            entities: Vec::new(),
            referents: Vec::new(),
            quotes: Vec::new(),
            char_index: OnceCell::new(),
            tokens: None,
        }
    }

    /// The original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The language the document was processed as.
    pub fn language(&self) -> Language {
        self.lang
    }

    /// Paragraphs, in text order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Sentences, in text order; they tile the text.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Entity mentions, in text order; they never overlap.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities the mentions refer to.
    pub fn referents(&self) -> &[Referent] {
        &self.referents
    }

    /// The referent of a mention.
    pub fn referent(&self, entity: &Entity) -> &Referent {
        &self.referents[entity.referent]
    }

    /// Quotations, in text order; they never overlap.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// The text of a span of this document.
    ///
    /// # Panics
    ///
    /// Panics when the span is not inside the text or not on char boundaries; spans
    /// that the document itself reports never are.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span]
    }

    /// The character (Unicode scalar value) offset of a byte offset, as Python or JavaScript
    /// count them (JavaScript counts UTF-16 units: see [`Document::utf16_offset`]).
    /// A byte offset inside a character counts that character; past the end, the
    /// number of characters.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.offset_in(byte).0
    }

    /// The UTF-16 code unit offset of a byte offset.
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.offset_in(byte).1
    }

    /// A span's character offsets.
    pub fn char_span(&self, span: Span) -> Span {
        Span::new(self.char_offset(span.start), self.char_offset(span.end))
    }

    fn offset_in(&self, byte: usize) -> (usize, usize) {
        // Sparse table: one checkpoint per 64 bytes: (chars before, utf16 units before).
        let table = self.char_index.get_or_init(|| {
            let mut t = Vec::with_capacity(self.text.len() / 64 + 1);
            let (mut chars, mut units) = (0usize, 0usize);
            let mut next = 0usize;
            for (i, c) in self.text.char_indices() {
                while i >= next {
                    t.push((chars, units));
                    next += 64;
                }
                chars += 1;
                units += c.len_utf16();
            }
            t.push((chars, units));
            t
        });
        let byte = byte.min(self.text.len());
        let block = byte / 64;
        if block >= table.len() - 1 && byte >= self.text.len() {
            return table[table.len() - 1];
        }
        let start = block * 64;
        let (mut chars, mut units) = table[block.min(table.len() - 1)];
        // The checkpoint for block b counts the chars that start before the first char
        // starting at or after b*64; walk from that char.
        let mut i = start;
        while i < self.text.len() && !self.text.is_char_boundary(i) {
            i += 1;
        }
        for c in self.text[i..].chars() {
            if i >= byte {
                break;
            }
            chars += 1;
            units += c.len_utf16();
            i += c.len_utf8();
        }
        (chars, units)
    }
}
