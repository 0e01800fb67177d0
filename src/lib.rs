//! # kutip
//!
//! kutip ("to quote" in Indonesian) mines news text in Indonesian and English for **named
//! entities** (people, places, organizations) and **quotations with their speakers**, keeping
//! exact byte offsets into the original text.
//!
//! The types you meet, in order:
//!
//! - [`Pipeline`]: built once (with [`Pipeline::new`] or [`Pipeline::builder`]), `Send + Sync`,
//!   processes many documents. Processing never fails and never panics.
//! - [`Document`]: the original text and its layers: [`Paragraph`]s, [`Sentence`]s (which tile
//!   the text), [`Entity`] mentions with their [`Referent`]s, and [`Quote`]s with their
//!   [`Speaker`]s.
//! - [`Span`]: a half-open range of byte offsets, always on char boundaries: `&text[span]`.
//! - [`Language`]: Indonesian or English, given or detected from function words.
//! - [`Error`]: the one error type, for building and loading data; [`Error::kind`] tells what.
//!
//! ## Example
//!
//! ```
//! use kutip::Pipeline;
//!
//! let pipeline = Pipeline::new();
//! let doc = pipeline.process("Presiden tiba di Jakarta. Rapat digelar pukul 17.06 WIB.");
//! assert_eq!(doc.sentences().len(), 2);
//! for s in doc.sentences() {
//!     println!("{}", &doc.text()[s.trimmed]);
//! }
//! ```
//!
//! ## Offsets
//!
//! All offsets are byte offsets into the text as given, half-open. [`Document::char_offset`]
//! and [`Document::utf16_offset`] convert them for Python and JavaScript users.
//!
//! ## Stages
//!
//! Stages run in a fixed order: segment (paragraphs, sentences), match entities, find names the
//! gazetteer does not know, link mentions of the same entity, find quotes, attribute them.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod document;
pub mod entities;
mod error;
pub mod gazetteer;
mod hashbits;
mod lang;
mod output;
mod pipeline;
pub mod quotes;
pub mod segment;
mod span;
mod swar;

pub use crate::document::{
    Cue, Document, Entity, EntityKind, EntitySource, Paragraph, Quote, QuoteKind, Referent,
    Sentence, SharedStr, Speaker,
};
pub use crate::entities::Recognizer;
pub use crate::error::{Error, ErrorKind};
pub use crate::lang::Language;
pub use crate::pipeline::{Pipeline, PipelineBuilder};
pub use crate::quotes::QuoteMiner;
pub use crate::segment::Segmenter;
pub use crate::span::Span;

/// The seed article (Tempo.co, 18 June 2024), bundled for examples, tests and benches.
pub const SEED_ARTICLE: &str = include_str!("../tests/fixtures/id-tempo-putin-pyongyang.txt");

#[cfg(test)]
mod send_sync {
    #[test]
    fn pipeline_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<crate::Pipeline>();
        check::<crate::Document>();
    }
}

/// The README's examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
