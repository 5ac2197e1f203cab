//! The sides a type needs (`events/dyadic.tsv`). Aid, agreement, cooperation, concession,
//! sanction and rejection are acts on someone: coded with no target actor they say only who acted, and an
//! analyst would not keep them. Some codes of such a type stand with the one who acts
//! (`alone`): yielding — dropping a case, calling off a strike — is the event itself. Most
//! types are also told by their doer: a request, a visit or a criticism by nobody known says
//! only that someone was addressed; force and coercion are news with their victims alone
//! ("three civilians were killed"), so they are not listed for a source.

use std::collections::HashMap;

use crate::doc::{Argument, Event};
use crate::lexicon::{LexiconError, Sources};

const FILE: &str = "events/dyadic.tsv";

/// What a type needs.
#[derive(Debug, Clone, Default)]
struct Needs {
    source: bool,
    target: bool,
    /// CAMEO code prefixes of the type that need no target.
    alone: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Dyadic {
    /// PLOVER type → the sides it needs.
    types: HashMap<String, Needs>,
}

impl Dyadic {
    pub fn load(src: &Sources, known: impl Fn(&str) -> bool) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.cols(&["plover", "needs", "alone"]).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut types = HashMap::new();
        for r in &t.rows {
            let p = r.get(c[0]);
            let alone: Vec<String> = r
                .get(c[2])
                .split('|')
                .filter(|x| !x.is_empty() && *x != "-")
                .map(str::to_string)
                .collect();
            let (source, target) = match r.get(c[1]) {
                "source" => (true, false),
                "target" => (false, true),
                "both" => (true, true),
                n => {
                    errors.push(t.error(r, format!("unknown side `{n}` (source, target, both)")));
                    continue;
                }
            };
            if !known(p) {
                errors.push(t.error(r, format!("unknown PLOVER type `{p}`")));
            } else if let Some(bad) = alone
                .iter()
                .find(|x| !x.bytes().all(|b| b.is_ascii_digit()))
            {
                errors.push(t.error(r, format!("`{bad}` is no CAMEO code prefix")));
            } else {
                types.insert(
                    p.to_string(),
                    Needs {
                        source,
                        target,
                        alone,
                    },
                );
            }
        }
        if errors.is_empty() {
            Ok(Self { types })
        } else {
            Err(errors)
        }
    }

    /// Does the event lack a side its type needs (a source, or a target)?
    pub fn lacks_party(&self, e: &Event) -> bool {
        let Some(n) = self.types.get(e.plover) else {
            return false;
        };
        let none = |a: Option<&Argument>| {
            a.is_none_or(|a| a.actor.is_none() && a.rule != super::home::STATELESS)
        };
        (n.source && none(e.source.as_ref()))
            || (n.target
                && !n.alone.iter().any(|p| e.cameo.starts_with(p.as_str()))
                && none(e.target.as_ref()))
    }
}
