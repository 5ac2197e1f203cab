//! Actors and named entities. (Scaffolding: the actors issue replaces this file.)

use crate::doc::{Doc, Entity};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Default)]
pub struct ActorLexicon {}

impl ActorLexicon {
    pub fn load(_src: &Sources) -> Result<Self, Vec<LexiconError>> {
        Ok(Self {})
    }
}

pub fn tag_entities(_doc: &Doc, _lex: &ActorLexicon) -> Vec<Entity> {
    Vec::new()
}
