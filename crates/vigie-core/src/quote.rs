//! Quotations and their speakers. (Placeholder during scaffolding.)

use crate::doc::{Doc, Quote};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Default)]
pub struct QuoteLexicon {}

impl QuoteLexicon {
    pub fn load(_src: &Sources) -> Result<Self, Vec<LexiconError>> {
        Ok(Self {})
    }
}

pub fn tag(_doc: &Doc, _lex: &QuoteLexicon) -> Vec<Quote> {
    Vec::new()
}
