//! The state a place belongs to: the gazetteer gives each place an ISO 3166-1 alpha-2 country
//! code, actors speak CAMEO (`FR` → `FRA`); the table is `actors/countries.tsv`, so the two
//! document-level rules that turn places into states (`home.rs`, `venue.rs`) read one map.

use std::collections::HashMap;

use crate::lexicon::{LexiconError, Sources};

const COUNTRIES: &str = "actors/countries.tsv";

/// ISO 3166-1 alpha-2 (upper case) → CAMEO country code.
#[derive(Debug, Clone, Default)]
pub struct States(HashMap<String, String>);

impl States {
    pub fn load(src: &Sources) -> Result<Self, LexiconError> {
        let t = src.table(COUNTRIES)?;
        let c = t.cols(&["code", "alpha2"])?;
        let mut map = HashMap::new();
        for r in &t.rows {
            let (code, a2) = (r.get(c[0]), r.get(c[1]));
            if !code.is_empty() && !a2.is_empty() {
                map.insert(a2.to_ascii_uppercase(), code.to_string());
            }
        }
        Ok(Self(map))
    }

    /// The CAMEO code of the state with this alpha-2 code (any case).
    pub fn of(&self, alpha2: &str) -> Option<&str> {
        self.0.get(&alpha2.to_ascii_uppercase()).map(String::as_str)
    }
}
