//! The pipeline: one value, built once, that processes many documents.

use crate::document::Document;
use crate::entities::Recognizer;
use crate::quotes::QuoteMiner;
use crate::segment::Segmenter;
use crate::{Error, Language};

/// Processes documents: segments them into paragraphs and sentences, finds entities and
/// their names, finds quotations and attributes them to speakers.
///
/// A pipeline is `Send + Sync`: build it once and share it between threads.
///
/// # Examples
///
/// ```
/// let pipeline = kutip::Pipeline::new();
/// let doc = pipeline.process("Ini kalimat pertama. Ini kalimat kedua.");
/// assert_eq!(doc.sentences().len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Pipeline {
    language: Option<Language>,
    segmenter: Segmenter,
    recognizer: Recognizer,
    quotes: QuoteMiner,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline with the bundled language data and gazetteer, detecting the language of
    /// each document.
    pub fn new() -> Pipeline {
        Pipeline {
            language: None,
            segmenter: Segmenter::new(),
            recognizer: Recognizer::new(),
            quotes: QuoteMiner::new(),
        }
    }

    /// A builder to choose the language and replace or extend the stages' data.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::new()
    }

    /// The segmenter in use.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The entity recognizer in use.
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// The quote miner in use.
    pub fn quote_miner(&self) -> &QuoteMiner {
        &self.quotes
    }

    /// Processes one document in the pipeline's language (or the detected one).
    /// Never fails and never panics, whatever the text.
    pub fn process(&self, text: impl Into<String>) -> Document {
        let text = text.into();
        let lang = self.language.unwrap_or_else(|| Language::detect(&text));
        self.process_as(text, lang)
    }

    /// Processes one document as the given language.
    pub fn process_as(&self, text: impl Into<String>, lang: Language) -> Document {
        let mut doc = Document::new(text.into(), lang);
        self.segmenter.run(&mut doc);
        self.recognizer.run(&mut doc);
        self.quotes.run(&mut doc);
        self.recognizer.gazetteer().localize(&mut doc);
        doc
    }

    /// Runs only the first `stages` stages of [`Pipeline::process_as`] (1: segment,
    /// 2: and entities, 3 or more: and quotes). For benches and profiling of one stage at a
    /// time; not part of the stable API.
    #[doc(hidden)]
    pub fn process_stages(
        &self,
        text: impl Into<String>,
        lang: Language,
        stages: usize,
    ) -> Document {
        let mut doc = Document::new(text.into(), lang);
        if stages >= 1 {
            self.segmenter.run(&mut doc);
        }
        if stages >= 2 {
            self.recognizer.run(&mut doc);
        }
        if stages >= 3 {
            self.quotes.run(&mut doc);
        }
        if stages >= 2 {
            self.recognizer.gazetteer().localize(&mut doc);
        }
        // The recognizer's tokens are for the quote miner only: do not keep them when it did
        // not run.
        doc.tokens = None;
        doc
    }
}

/// Builds a [`Pipeline`]. Setters take `&mut self` so one builder can build several pipelines.
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    language: Option<Language>,
    segmenter: Option<Segmenter>,
    recognizer: Option<Recognizer>,
    quotes: Option<QuoteMiner>,
}

impl PipelineBuilder {
    /// A builder with the defaults of [`Pipeline::new`].
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Process every document as `lang` (`None`: detect each document's language).
    pub fn language(&mut self, lang: Option<Language>) -> &mut PipelineBuilder {
        self.language = lang;
        self
    }

    /// Use this segmenter.
    pub fn segmenter(&mut self, segmenter: Segmenter) -> &mut PipelineBuilder {
        self.segmenter = Some(segmenter);
        self
    }

    /// Use this entity recognizer (for example one with your own gazetteer).
    pub fn recognizer(&mut self, recognizer: Recognizer) -> &mut PipelineBuilder {
        self.recognizer = Some(recognizer);
        self
    }

    /// Use this quote miner.
    pub fn quote_miner(&mut self, quotes: QuoteMiner) -> &mut PipelineBuilder {
        self.quotes = Some(quotes);
        self
    }

    /// Builds the pipeline.
    ///
    /// # Errors
    ///
    /// None today with the bundled data; kept fallible so that checks of user data
    /// can be added without breaking callers.
    pub fn build(&self) -> Result<Pipeline, Error> {
        Ok(Pipeline {
            language: self.language,
            segmenter: self.segmenter.clone().unwrap_or_default(),
            recognizer: self.recognizer.clone().unwrap_or_default(),
            quotes: self.quotes.clone().unwrap_or_default(),
        })
    }
}
