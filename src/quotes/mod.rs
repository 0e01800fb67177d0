//! Quotations and their speakers.

use crate::document::Document;

/// Finds quotations and attributes them to speakers.
#[derive(Clone, Debug, Default)]
pub struct QuoteMiner {}

impl QuoteMiner {
    /// The quote miner with the bundled language data.
    pub fn new() -> QuoteMiner {
        QuoteMiner {}
    }

    pub(crate) fn run(&self, _doc: &mut Document) {}
}
