//! Protest at home: people who march, strike, riot or block roads without saying against whom
//! are protesting to their own state ("young Algerians blocked roads" is Algerians against
//! Algeria, « les enseignants font grève » French teachers against France). An event of a
//! code listed in `events/own-state.tsv`, with a source from a country and no target actor
//! (after the place rule of `venue.rs` has had its say), takes the source's country as target.
//! The target's span is the source's: those words name the people, and so their state.

use crate::doc::{Actor, Argument, Event};
use crate::lexicon::{LexiconError, Sources};

const FILE: &str = "events/own-state.tsv";

#[derive(Debug, Clone, Default)]
pub struct OwnState {
    /// CAMEO code prefixes whose events are directed at home when no target is named.
    prefixes: Vec<String>,
}

impl OwnState {
    pub fn load(src: &Sources, known: impl Fn(&str) -> bool) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.col("cameo").map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut prefixes = Vec::new();
        for r in &t.rows {
            let p = r.get(c);
            if known(p) {
                prefixes.push(p.to_string());
            } else {
                errors.push(t.error(r, format!("unknown CAMEO code `{p}`")));
            }
        }
        if errors.is_empty() {
            Ok(Self { prefixes })
        } else {
            Err(errors)
        }
    }

    /// Give a protest with a source from a country and no target actor that country.
    pub fn assign(&self, e: &mut Event) {
        if e.target.as_ref().is_some_and(|t| t.actor.is_some())
            || !self
                .prefixes
                .iter()
                .any(|p| e.cameo.starts_with(p.as_str()))
        {
            return;
        }
        let Some(source) = e.source.as_ref() else {
            return;
        };
        let Some(country) = source.actor.as_ref().and_then(|a| a.country.clone()) else {
            return;
        };
        e.target = Some(Argument {
            span: source.span,
            actor: Some(Actor {
                code: country.clone(),
                country: Some(country),
                role: None,
                name: None,
            }),
            rule: "own-state",
        });
        e.explain.target_rule = Some("own-state");
    }
}
