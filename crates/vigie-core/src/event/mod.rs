//! Event coding. (Placeholder during scaffolding: the event-coding issue owns this module.)

use crate::doc::{Doc, Event};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Default)]
pub struct EventLexicon {}

impl EventLexicon {
    pub fn load(_src: &Sources) -> Result<Self, Vec<LexiconError>> {
        Ok(Self {})
    }
}

pub fn code(_doc: &Doc, _lex: &EventLexicon) -> Vec<Event> {
    Vec::new()
}
