//! The place as target. A deed done somewhere by a named actor, with no one named as its
//! target, is done to that place's state: "protesters rioted at a jail in northern Israel", "troops remained on
//! alert in the West Bank", « l'aide livrée à Goma ». Statements (demands, accusations,
//! threats, meetings) are not: where one speaks says nothing of whom one speaks to. The
//! CAMEO roots that take their place as target are listed in `events/venue.tsv`. A place that
//! names no state itself (a town, a region) stands for the state the gazetteer puts it in
//! ("clashes in Aleppo" → SYR), read through the country table `actors/countries.tsv`.

use std::collections::HashMap;

use crate::doc::{Actor, Argument, Doc, Event};
use crate::lexicon::{LexiconError, Sources};

/// CAMEO code prefixes whose events take their place's state as target.
#[derive(Debug, Clone)]
pub struct Venues {
    /// (CAMEO prefix, whether a place in the doer's own country gives that country)
    prefixes: Vec<(String, bool)>,
    /// ISO 3166-1 alpha-2 → CAMEO country code, for places that are not countries.
    states: HashMap<String, String>,
}

const FILE: &str = "events/venue.tsv";
const COUNTRIES: &str = "actors/countries.tsv";

impl Venues {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.col("cameo").map_err(|e| vec![e])?;
        let home_col = t.col("home").map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut prefixes = Vec::new();
        for r in &t.rows {
            let p = r.get(c);
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                errors.push(t.error(r, format!("a CAMEO prefix is digits, not `{p}`")));
                continue;
            }
            let home = match r.get(home_col) {
                "yes" => true,
                "no" => false,
                other => {
                    errors.push(t.error(r, format!("`home` is yes or no, not `{other}`")));
                    continue;
                }
            };
            prefixes.push((p.to_string(), home));
        }
        let mut states = HashMap::new();
        match src
            .table(COUNTRIES)
            .and_then(|t| t.cols(&["code", "alpha2"]).map(|c| (t, c)))
        {
            Ok((t, c)) => {
                for r in &t.rows {
                    let (code, a2) = (r.get(c[0]), r.get(c[1]));
                    if !code.is_empty() && !a2.is_empty() {
                        states.insert(a2.to_ascii_uppercase(), code.to_string());
                    }
                }
            }
            Err(e) => errors.push(e),
        }
        if errors.is_empty() {
            Ok(Self { prefixes, states })
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
        let Some(&(_, at_home)) = self
            .prefixes
            .iter()
            .find(|(p, _)| e.cameo.starts_with(p.as_str()))
        else {
            return;
        };
        let Some(place) = e.place.and_then(|i| doc.places.get(i)) else {
            return;
        };
        let named = doc
            .entities
            .iter()
            .find(|x| x.span == place.span)
            .and_then(|x| x.actor.as_ref());
        let (code, whole, name) = if let Some(actor) = named {
            (
                actor.country.clone().unwrap_or_else(|| actor.code.clone()),
                actor.code.clone(),
                actor.name.clone(),
            )
        } else {
            let Some(state) = self.states.get(&place.country.to_ascii_uppercase()) else {
                return;
            };
            // at home, a town or region stands for the doer's own state only for the
            // codes marked `home` (an attack in a town at home, not a promise made there)
            if !at_home
                && e.source
                    .as_ref()
                    .and_then(|s| s.actor.as_ref())
                    .is_some_and(|s| {
                        s.country
                            .as_deref()
                            .unwrap_or_else(|| s.code.get(..3).unwrap_or(&s.code))
                            == state
                    })
            {
                return;
            }
            (state.clone(), state.clone(), Some(place.name.clone()))
        };
        if e.source
            .as_ref()
            .and_then(|s| s.actor.as_ref())
            .is_some_and(|s| s.code == whole)
        {
            return;
        }
        e.target = Some(Argument {
            span: place.span,
            actor: Some(Actor {
                country: Some(code.clone()),
                code,
                role: None,
                name,
            }),
            rule: "venue",
        });
        e.explain.target_rule = Some("venue");
    }
}
