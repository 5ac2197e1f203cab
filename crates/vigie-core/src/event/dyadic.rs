//! Types that need a recipient (`events/dyadic.tsv`): aid, agreement, cooperation, concession
//! and sanction are acts on someone; coded with no target actor they say only who acted, and
//! an analyst would not keep them. Some codes of such a type stand with the one who acts
//! (`alone`): yielding — dropping a case, calling off a strike — is the event itself.

use std::collections::HashMap;

use crate::doc::Event;
use crate::lexicon::{LexiconError, Sources};

const FILE: &str = "events/dyadic.tsv";

#[derive(Debug, Clone, Default)]
pub struct Dyadic {
    /// PLOVER type → CAMEO prefixes of that type that need no recipient.
    types: HashMap<String, Vec<String>>,
}

impl Dyadic {
    pub fn load(src: &Sources, known: impl Fn(&str) -> bool) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.cols(&["plover", "alone"]).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut types = HashMap::new();
        for r in &t.rows {
            let p = r.get(c[0]);
            let alone: Vec<String> = r
                .get(c[1])
                .split('|')
                .filter(|x| !x.is_empty() && *x != "-")
                .map(str::to_string)
                .collect();
            if !known(p) {
                errors.push(t.error(r, format!("unknown PLOVER type `{p}`")));
            } else if let Some(bad) = alone.iter().find(|x| !x.bytes().all(|b| b.is_ascii_digit())) {
                errors.push(t.error(r, format!("`{bad}` is no CAMEO code prefix")));
            } else {
                types.insert(p.to_string(), alone);
            }
        }
        if errors.is_empty() {
            Ok(Self { types })
        } else {
            Err(errors)
        }
    }

    /// Does the event lack the recipient its type needs?
    pub fn lacks_recipient(&self, e: &Event) -> bool {
        self.types.get(e.plover).is_some_and(|alone| {
            !alone.iter().any(|p| e.cameo.starts_with(p.as_str()))
                && e.target.as_ref().is_none_or(|t| t.actor.is_none())
        })
    }
}
