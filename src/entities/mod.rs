//! Named entities: gazetteer matching, names found by rules, and linking mentions.

use crate::document::Document;

/// Finds people, places and organizations.
#[derive(Clone, Debug, Default)]
pub struct Recognizer {}

impl Recognizer {
    /// The recognizer with the bundled gazetteer and language data.
    pub fn new() -> Recognizer {
        Recognizer {}
    }

    pub(crate) fn run(&self, _doc: &mut Document) {}
}
