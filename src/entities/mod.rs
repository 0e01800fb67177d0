//! Named entities: gazetteer matching, names found by rules, and linking mentions.
//!
//! The [`Recognizer`] runs in three steps over the original text:
//!
//! 1. **Gazetteer**: aliases of known entities, leftmost-longest on whole words (see
//!    [`crate::gazetteer`]).
//! 2. **Rules** for names the gazetteer does not know: a title or role before a name
//!    ("Presiden", "juru bicara", "Mr"), a reporting verb next to it ("kata Patrick Cronin",
//!    "Yuri Ushakov said"), given names, organization and place patterns ("PT ... Tbk",
//!    "Universitas ...", "... Institute", "Kabupaten ...", "di" + a capitalised name).
//! 3. **Linking**: one referent per entity in a document ("Cronin" after "Patrick Cronin",
//!    an acronym defined in parentheses, "Mr Trutnev"), with the roles and affiliations the
//!    text gives each person.
//!
//! All the language knowledge is data ([`LanguageData`]), bundled per language under
//! `src/entities/data/` and extendable through [`RecognizerBuilder`].

mod data;
mod rules;

pub use data::{LanguageData, Opt, WordList};

use crate::document::Document;
use crate::gazetteer::Gazetteer;
use crate::{Error, Language};
use std::sync::Arc;

/// Finds people, places and organizations, and links their mentions.
///
/// # Examples
///
/// ```
/// let doc = kutip::Pipeline::new().process("kata Patrick Cronin kepada wartawan. Cronin menambahkan.");
/// let names: Vec<&str> = doc.entities().iter().map(|e| doc.referent(e).name.as_str()).collect();
/// assert_eq!(names, ["Patrick Cronin", "Patrick Cronin"]);
/// ```
#[derive(Clone, Debug)]
pub struct Recognizer {
    gazetteer: Arc<Gazetteer>,
    id: Arc<LanguageData>,
    en: Arc<LanguageData>,
    rules: bool,
}

impl Default for Recognizer {
    fn default() -> Recognizer {
        Recognizer::new()
    }
}

impl Recognizer {
    /// The recognizer with the bundled gazetteer and language data.
    pub fn new() -> Recognizer {
        Recognizer {
            gazetteer: Gazetteer::bundled(),
            id: LanguageData::bundled(Language::Indonesian),
            en: LanguageData::bundled(Language::English),
            rules: true,
        }
    }

    /// A builder to use another gazetteer or extend the language data.
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::gazetteer::{Entry, GazetteerBuilder};
    /// use kutip::{EntityKind, Recognizer};
    /// use std::sync::Arc;
    ///
    /// let mut g = GazetteerBuilder::empty();
    /// g.add(Entry::new("acme", EntityKind::Organization, "Acme Widget"));
    /// let recognizer = Recognizer::builder().gazetteer(Arc::new(g.build()?)).build()?;
    /// let pipeline = kutip::Pipeline::builder().recognizer(recognizer).build()?;
    /// let doc = pipeline.process("Saham Acme Widget naik.");
    /// assert_eq!(doc.entities().len(), 1);
    /// # Ok::<(), kutip::Error>(())
    /// ```
    pub fn builder() -> RecognizerBuilder {
        RecognizerBuilder::default()
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// The language data in use for a language.
    pub fn language_data(&self, lang: Language) -> &LanguageData {
        match lang {
            Language::English => &self.en,
            _ => &self.id,
        }
    }

    pub(crate) fn run(&self, doc: &mut Document) {
        let data = self.language_data(doc.lang);
        let (entities, referents, tokens) =
            rules::recognize(&doc.text, &doc.sentences, &self.gazetteer, data, self.rules);
        doc.entities = entities;
        doc.referents = referents;
        doc.tokens = Some(tokens);
    }
}

/// Builds a [`Recognizer`].
#[derive(Clone, Debug, Default)]
pub struct RecognizerBuilder {
    gazetteer: Option<Arc<Gazetteer>>,
    extra: Vec<(Language, String, String)>,
    no_rules: bool,
}

impl RecognizerBuilder {
    /// Uses this gazetteer instead of the bundled one.
    pub fn gazetteer(&mut self, gazetteer: Arc<Gazetteer>) -> &mut RecognizerBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Adds words to one of the language's word lists (see [`WordList`] for the names:
    /// `titles`, `honorifics`, `reporting-before`, `reporting-after`, `not-names`,
    /// `org-heads`, `org-tails`, `place-heads`, `place-tails`, `place-preps`, `connectors`,
    /// `given-names`). Each line of `words` is one word or phrase; `#` starts a comment.
    pub fn words(&mut self, lang: Language, list: &str, words: &str) -> &mut RecognizerBuilder {
        self.extra.push((lang, list.to_string(), words.to_string()));
        self
    }

    /// Turns the rules for names the gazetteer does not know on or off (on by default).
    pub fn rules(&mut self, on: bool) -> &mut RecognizerBuilder {
        self.no_rules = !on;
        self
    }

    /// Builds the recognizer.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Config`] for an unknown word-list name.
    pub fn build(&self) -> Result<Recognizer, Error> {
        let mut r = Recognizer::new();
        if let Some(g) = &self.gazetteer {
            r.gazetteer = g.clone();
        }
        r.rules = !self.no_rules;
        for (lang, list, words) in &self.extra {
            let target = match lang {
                Language::English => &mut r.en,
                _ => &mut r.id,
            };
            let list = WordList::parse(list).ok_or_else(|| {
                Error::new(
                    crate::ErrorKind::Config,
                    format!("unknown word list {list:?}"),
                )
            })?;
            Arc::make_mut(target).extend(list, words);
        }
        Ok(r)
    }
}
