//! The place as target. A deed done somewhere by a named actor, with no one named as its
//! target, is done to that place's state: "protesters rioted at a jail in northern Israel", "troops remained on
//! alert in the West Bank", « l'aide livrée à Goma ». Statements (demands, accusations,
//! threats, meetings) are not: where one speaks says nothing of whom one speaks to. The
//! CAMEO roots that take their place as target are listed in `events/venue.tsv`.

use crate::doc::{Actor, Argument, Doc, Event};
use crate::lexicon::{LexiconError, Sources};

/// CAMEO code prefixes whose events take their place's state as target.
#[derive(Debug, Clone)]
pub struct Venues {
    prefixes: Vec<String>,
}

const FILE: &str = "events/venue.tsv";

impl Venues {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.col("cameo").map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut prefixes = Vec::new();
        for r in &t.rows {
            let p = r.get(c);
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                errors.push(t.error(r, format!("a CAMEO prefix is digits, not `{p}`")));
                continue;
            }
            prefixes.push(p.to_string());
        }
        if errors.is_empty() {
            Ok(Self { prefixes })
        } else {
            Err(errors)
        }
    }

    /// Give an event with no target actor the state of its place.
    pub fn assign(&self, doc: &Doc, e: &mut Event) {
        // only a named doer's deed: an event naming no actor at all is not coded, and a place
        // alone does not make it one
        if e.target.as_ref().is_some_and(|t| t.actor.is_some())
            || e.source.as_ref().is_none_or(|s| s.actor.is_none())
        {
            return;
        }
        if !self
            .prefixes
            .iter()
            .any(|p| e.cameo.starts_with(p.as_str()))
        {
            return;
        }
        let Some(place) = e.place.and_then(|i| doc.places.get(i)) else {
            return;
        };
        let Some(actor) = doc
            .entities
            .iter()
            .find(|x| x.span == place.span)
            .and_then(|x| x.actor.as_ref())
        else {
            return;
        };
        let code = actor.country.clone().unwrap_or_else(|| actor.code.clone());
        if e.source
            .as_ref()
            .and_then(|s| s.actor.as_ref())
            .is_some_and(|s| s.code == actor.code)
        {
            return;
        }
        e.target = Some(Argument {
            span: place.span,
            actor: Some(Actor {
                country: Some(code.clone()),
                code,
                role: None,
                name: actor.name.clone(),
            }),
            rule: "venue",
        });
        e.explain.target_rule = Some("venue");
    }
}
