//! Numbers of people, casualties, percentages, amounts. (Placeholder during scaffolding.)

use crate::doc::{Count, Doc};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Default)]
pub struct CountLexicon {}

impl CountLexicon {
    pub fn load(_src: &Sources) -> Result<Self, Vec<LexiconError>> {
        Ok(Self {})
    }
}

pub fn tag(_doc: &Doc, _lex: &CountLexicon) -> Vec<Count> {
    Vec::new()
}
