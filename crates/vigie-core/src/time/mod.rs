//! Temporal expressions. (Placeholder during scaffolding: the time issue owns this module.)

use chrono::NaiveDate;

use crate::doc::{DateSource, Doc, TimeExpr};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Default)]
pub struct TimeLexicon {}

impl TimeLexicon {
    pub fn load(_src: &Sources) -> Result<Self, Vec<LexiconError>> {
        Ok(Self {})
    }
}

pub fn infer_publication_date(_doc: &Doc, _lex: &TimeLexicon) -> Option<(NaiveDate, DateSource)> {
    None
}

pub fn tag(_doc: &Doc, _lex: &TimeLexicon) -> Vec<TimeExpr> {
    Vec::new()
}
