//! Places and GeoNames resolution. (Scaffolding: the places issue replaces this file.)

use crate::doc::{Doc, Place};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    pub fn load(_src: &Sources) -> Result<Self, Vec<LexiconError>> {
        Ok(Self {})
    }
}

pub fn resolve_places(_doc: &Doc, _gaz: &Gazetteer) -> Vec<Place> {
    Vec::new()
}
