//! Types that need a recipient (`events/dyadic.tsv`): aid, agreement, cooperation,
//! concession and sanction are acts on someone; coded with no target actor they say only who
//! acted, and an analyst would not keep them.

use std::collections::HashSet;

use crate::doc::Event;
use crate::lexicon::{LexiconError, Sources};

const FILE: &str = "events/dyadic.tsv";

#[derive(Debug, Clone, Default)]
pub struct Dyadic {
    types: HashSet<String>,
}

impl Dyadic {
    pub fn load(src: &Sources, known: impl Fn(&str) -> bool) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.col("plover").map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut types = HashSet::new();
        for r in &t.rows {
            let p = r.get(c);
            if known(p) {
                types.insert(p.to_string());
            } else {
                errors.push(t.error(r, format!("unknown PLOVER type `{p}`")));
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
        self.types.contains(e.plover) && e.target.as_ref().is_none_or(|t| t.actor.is_none())
    }
}
