//! Quotations and their speakers.
//!
//! The [`QuoteMiner`] pairs quotation marks (module `marks`), tells speech from titles and terms,
//! and attributes each quote to its speaker with the language's patterns:
//!
//! - `“…,” kata Patrick Cronin` (quote, cue, speaker: the common Indonesian order),
//! - `“…,” Cronin said` (quote, speaker, cue), `“…” Hal itu dikatakan X` (a sentence that
//!   points back at the quote),
//! - `Cronin said: “…”`, `Putin menegaskan bahwa “…”`, `menurut X, “…”` (cue before the quote),
//! - a partial quote inside a sentence whose subject is the speaker,
//! - a quote alone in its paragraph continues the previous speaker,
//! - pronouns (`ia`, `dia`, `he`, `she`), `-nya` cues (`katanya`) and descriptions
//!   (`pemimpin Rusia tersebut`, `the ministry`) resolved to the right earlier name.
//!
//! The words of each language (cues, roles, pronouns, title words, ...) are data, in
//! `src/quotes/data/*.txt`, and can be extended with [`QuoteMiner::builder`].

mod attrib;
mod lexicon;
mod marks;
mod mentions;
mod words;

use crate::document::Document;
use crate::{Error, Language};
use lexicon::Lexicon;
use std::sync::Arc;

/// Finds quotations and attributes them to speakers.
///
/// # Examples
///
/// ```
/// let doc = kutip::Pipeline::new().process("“Kami siap,” kata Patrick Cronin kepada wartawan.");
/// let q = &doc.quotes()[0];
/// assert_eq!(doc.slice(q.content), "Kami siap,");
/// let who = q.speaker.as_ref().and_then(|s| s.name.as_deref());
/// assert_eq!(who, Some("Patrick Cronin"));
/// ```
#[derive(Clone, Debug)]
pub struct QuoteMiner {
    id: Arc<Lexicon>,
    en: Arc<Lexicon>,
}

impl Default for QuoteMiner {
    fn default() -> QuoteMiner {
        QuoteMiner::new()
    }
}

impl QuoteMiner {
    /// The quote miner with the bundled language data.
    pub fn new() -> QuoteMiner {
        QuoteMiner {
            id: lexicon::bundled(Language::Indonesian),
            en: lexicon::bundled(Language::English),
        }
    }

    /// A builder to add words to the bundled data (new cues, roles, title words, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use kutip::{Language, Pipeline, QuoteMiner};
    ///
    /// let miner = QuoteMiner::builder()
    ///     .word(Language::Indonesian, "cue", "celetuk")
    ///     .build()
    ///     .unwrap();
    /// let pipeline = Pipeline::builder().quote_miner(miner).build().unwrap();
    /// let doc = pipeline.process("“Tidak mungkin,” celetuk Budi Santoso di Jakarta.");
    /// let q = &doc.quotes()[0];
    /// assert_eq!(q.speaker.as_ref().unwrap().name.as_deref(), Some("Budi Santoso"));
    /// ```
    pub fn builder() -> QuoteMinerBuilder {
        QuoteMinerBuilder::default()
    }

    fn lexicon(&self, lang: Language) -> &Lexicon {
        match lang {
            Language::English => &self.en,
            _ => &self.id,
        }
    }

    /// Fills `doc.quotes` (text order, never overlapping).
    pub(crate) fn run(&self, doc: &mut Document) {
        let lx = self.lexicon(doc.lang);
        let tokens = doc.tokens.take();
        let quotes = attrib::mine(
            doc,
            lx,
            tokens.as_ref().map(|(t, h)| (t.as_slice(), h.as_slice())),
        );
        doc.quotes = quotes;
    }
}

/// Builds a [`QuoteMiner`] from the bundled data and words or data files of your own.
#[derive(Clone, Debug, Default)]
pub struct QuoteMinerBuilder {
    additions: Vec<(Language, Addition)>,
}

#[derive(Clone, Debug)]
enum Addition {
    Word { section: String, word: String },
    Data { name: String, text: String },
}

impl QuoteMinerBuilder {
    /// Adds one entry to a section of a language's data: `cue` (a speech verb: "celetuk",
    /// "grumbled"), `cue_nya` (a verb whose `-nya` form is a cue too), `cue_prep`
    /// ("menurut", "according to"), `pronoun`, `role`, `unnamed`, `honorific`, `title_cue`,
    /// `affiliation`, `org_word`, `stop`, `adverb`, `not_name`, `determiner`, `indefinite`,
    /// `connector`, `intro`, `passive_agent`, `demonym`, `mouthpiece`, `principal_prep`,
    /// `passive_aux`, `noun_marker`, `person_suffix`, `state`, `origin_prep` ("dari", "of"),
    /// `sentence_opener` ("namun": a name after it and a comma still opens the sentence),
    /// `active_prefix` ("me": a name after "menilai" is its object), `name_prefix` ("kiagus",
    /// "gusti"), `subject_salient` (`yes`: a known person opening a sentence is salient for
    /// `-nya` cues), `subject_verb` ("yakin", "memastikan": its subject is the current source,
    /// as a cue's is), `title_link` ("sekaligus": joins two titles of one person). Errors (an unknown section) are reported by [`QuoteMinerBuilder::build`].
    pub fn word(&mut self, lang: Language, section: &str, word: &str) -> &mut QuoteMinerBuilder {
        self.additions.push((
            lang,
            Addition::Word {
                section: section.to_string(),
                word: word.to_lowercase(),
            },
        ));
        self
    }

    /// Adds a whole data file in the format of the bundled ones (`[section]` headers, one
    /// entry a line, `#` comments). `name` is used in error messages.
    pub fn data(&mut self, lang: Language, name: &str, text: &str) -> &mut QuoteMinerBuilder {
        self.additions.push((
            lang,
            Addition::Data {
                name: name.to_string(),
                text: text.to_string(),
            },
        ));
        self
    }

    /// Builds the miner.
    ///
    /// # Errors
    ///
    /// An error of kind [`crate::ErrorKind::Data`] naming the file (or `builder`) and line when
    /// an addition names an unknown section or is empty.
    pub fn build(&self) -> Result<QuoteMiner, Error> {
        let mut miner = QuoteMiner::new();
        for (lang, add) in &self.additions {
            let arc = match lang {
                Language::English => &mut miner.en,
                _ => &mut miner.id,
            };
            let lx = Arc::make_mut(arc);
            let nya = *lang != Language::English;
            match add {
                Addition::Word { section, word } => lx
                    .add(section, word, nya)
                    .map_err(|m| Error::data("builder", 1, m))?,
                Addition::Data { name, text } => lx.add_data(name, text, nya)?,
            }
        }
        Ok(miner)
    }
}
