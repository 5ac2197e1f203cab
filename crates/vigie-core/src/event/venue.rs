//! The place as target. A deed done somewhere by a named actor, with no one named as its
//! target, is done to that place's state: "protesters rioted at a jail in northern Israel", "troops remained on
//! alert in the West Bank", « l'aide livrée à Goma ». Statements (demands, accusations,
//! threats, meetings) are not: where one speaks says nothing of whom one speaks to. The
//! CAMEO roots that take their place as target are listed in `events/venue.tsv`. A place that
//! names no state itself (a town, a region) stands for the state the gazetteer puts it in
//! ("clashes in Aleppo" → SYR), read through the country table `actors/countries.tsv`.
//!
//! The place as doer: coercion and violence done to a named target by no one named ("a
//! soldier was killed by a roadside bomb near Samarra", « deux Français ont été arrêtés à
//! Téhéran ») are the deeds of the state where they happen (`doer` in `events/venue.tsv`).

use super::argument::PATIENT;
use super::grammar::{folded, Grammar, WordClass};
use super::states::States;
use crate::doc::{Actor, Argument, Doc, Event, Place};
use crate::lexicon::{LexiconError, Sources};

/// One CAMEO prefix of `events/venue.tsv`.
#[derive(Debug, Clone)]
struct Row {
    prefix: String,
    /// A town or region in the doer's own country gives that country as target.
    home: bool,
    /// The place's state is the doer of an agentless deed on a named target.
    doer: bool,
    /// With no target and no place, the doer's own state is the target.
    own: bool,
    /// A noun's « de »/"of" complement that both its slots accept is the one the deed is
    /// done to ("the invasion of Lebanon"), not the doer ("the withdrawal of the troops").
    patient: bool,
}

/// CAMEO code prefixes whose events take their place's state as target.
#[derive(Debug, Clone)]
pub struct Venues {
    prefixes: Vec<Row>,
    /// The state each place's country code stands for.
    states: States,
    /// Function words: the prepositions that aim a deed at a place.
    grammar: Grammar,
}

const FILE: &str = "events/venue.tsv";

impl Venues {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.col("cameo").map_err(|e| vec![e])?;
        let home_col = t.col("home").map_err(|e| vec![e])?;
        let doer_col = t.col("doer").map_err(|e| vec![e])?;
        let own_col = t.col("own").map_err(|e| vec![e])?;
        let patient_col = t.col("patient").map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut prefixes = Vec::new();
        for r in &t.rows {
            let p = r.get(c);
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                errors.push(t.error(r, format!("a CAMEO prefix is digits, not `{p}`")));
                continue;
            }
            let mut flag = |col: usize| t.yes_no(r, col).map_err(|e| errors.push(e)).ok();
            let (Some(home), Some(doer), Some(own), Some(patient)) = (
                flag(home_col),
                flag(doer_col),
                flag(own_col),
                flag(patient_col),
            ) else {
                continue;
            };
            prefixes.push(Row {
                prefix: p.to_string(),
                home,
                doer,
                own,
                patient,
            });
        }
        // longest prefix first: a code's own row overrides its family's (081 over 08)
        prefixes.sort_by_key(|r| std::cmp::Reverse(r.prefix.len()));
        let states = States::load(src).unwrap_or_else(|e| {
            errors.push(e);
            States::default()
        });
        let grammar = Grammar::load(src).unwrap_or_else(|e| {
            errors.extend(e);
            Grammar::default()
        });
        if errors.is_empty() {
            Ok(Self {
                prefixes,
                states,
                grammar,
            })
        } else {
            Err(errors)
        }
    }

    /// The row of a CAMEO code: the prefixes are sorted longest first, so the first that
    /// matches is the most specific.
    fn row(&self, cameo: &str) -> Option<&Row> {
        self.prefixes
            .iter()
            .find(|r| cameo.starts_with(r.prefix.as_str()))
    }

    /// The state a place stands for: its own actor when it names one (a country), else the
    /// state the gazetteer puts it in. `(country, whole code, name)`.
    fn state_of(&self, doc: &Doc, place: &Place) -> Option<(String, String, Option<String>)> {
        let named = doc
            .entities
            .iter()
            .find(|x| x.span == place.span)
            .and_then(|x| x.actor.as_ref());
        if let Some(actor) = named {
            return Some((
                actor.country.clone().unwrap_or_else(|| actor.code.clone()),
                actor.code.clone(),
                actor.name.clone(),
            ));
        }
        let state = self.states.of(&place.country)?;
        Some((
            state.to_string(),
            state.to_string(),
            Some(place.name.clone()),
        ))
    }

    /// Give an agentless deed of coercion or violence on a named target the state of its
    /// place as doer.
    fn assign_doer(&self, doc: &Doc, e: &mut Event) {
        if !self.row(&e.cameo).is_some_and(|r| r.doer) {
            return;
        }
        let Some(place) = e.place.and_then(|i| doc.places.get(i)) else {
            return;
        };
        let Some((code, _, name)) = self.state_of(doc, place) else {
            return;
        };
        // the home agent inferred for the same state is the more precise code
        if e.source
            .as_ref()
            .and_then(|s| s.actor.as_ref())
            .is_some_and(|a| a.country.as_deref() == Some(code.as_str()))
        {
            return;
        }
        e.source = Some(Argument {
            span: place.span,
            actor: Some(Actor {
                country: Some(code.clone()),
                code,
                role: None,
                name,
            }),
            rule: "venue-doer",
        });
        e.explain.source_rule = Some("venue-doer");
    }

    /// Give an event with no target actor the state of its place; an agentless deed of
    /// force on a named target, the state of its place as doer.
    pub fn assign(&self, doc: &Doc, e: &mut Event) {
        self.settle_patient(e);
        let has = |a: Option<&Argument>| {
            a.is_some_and(|a| a.actor.is_some() || a.rule == super::home::STATELESS)
        };
        // a home agent inferred for want of any other (`domestic.rs`) gives way to the state
        // where the deed was done
        let doer =
            has(e.source.as_ref()) && e.source.as_ref().is_none_or(|s| s.rule != "domestic-agent");
        match (doer, has(e.target.as_ref())) {
            (false, true) => self.assign_doer(doc, e),
            // only a named doer's deed: an event naming no actor at all is not coded, and a
            // place alone does not make it one
            (true, false) => self.assign_target(doc, e),
            _ => {}
        }
    }

    /// A noun's complement read as its target by both slots (`argument::PATIENT`) stays the
    /// target for the codes marked `patient`; elsewhere it is the doer, as a noun's
    /// complement is by default (« le retrait des troupes »).
    fn settle_patient(&self, e: &mut Event) {
        if e.target.as_ref().is_none_or(|t| t.rule != PATIENT)
            || self.row(&e.cameo).is_some_and(|r| r.patient)
        {
            return;
        }
        if let Some(mut t) = e.target.take() {
            t.rule = "noun-complement";
            e.explain.source_rule = Some(t.rule);
            e.explain.target_rule = None;
            e.source = Some(t);
        }
    }

    /// The place right after the trigger that an aiming preposition governs ("strikes on
    /// Kharkiv", « frappes contre Alep »), over determiners and place words.
    fn aimed_place<'d>(&self, doc: &'d Doc, e: &Event) -> Option<&'d Place> {
        let tokens = doc.sentence_tokens(e.sentence);
        let lang = doc.lang.as_str();
        let mut j = tokens.partition_point(|t| t.span.start < e.trigger.end);
        if !self
            .grammar
            .is(lang, WordClass::Aim, folded(doc, tokens.get(j)?))
        {
            return None;
        }
        j += 1;
        while tokens.get(j).is_some_and(|t| {
            let w = folded(doc, t);
            self.grammar.is(lang, WordClass::Det, w) || self.grammar.is(lang, WordClass::Geo, w)
        }) {
            j += 1;
        }
        let at = tokens.get(j)?.span.start;
        doc.places.iter().find(|p| p.span.start == at)
    }

    /// Does the place stand in the trigger's clause: no clause opener, relative pronoun or
    /// complementizer between them ("offered concessions that could lead to cuts in
    /// Europe", "an activist based in Turkey who said civilians set fire…": the place is
    /// another clause's)? A place in another sentence (a dateline) is not judged here.
    fn in_clause(&self, doc: &Doc, e: &Event, place: &Place) -> bool {
        let tokens = doc.sentence_tokens(e.sentence);
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return true;
        };
        if place.span.start < first.span.start || place.span.end > last.span.end {
            return true;
        }
        let (lo, hi) = if place.span.end <= e.trigger.start {
            (place.span.end, e.trigger.start)
        } else {
            (e.trigger.end, place.span.start)
        };
        let lang = doc.lang.as_str();
        let a = tokens.partition_point(|t| t.span.start < lo);
        let b = tokens.partition_point(|t| t.span.start < hi);
        !tokens[a..b.max(a)].iter().any(|t| {
            let w = folded(doc, t);
            self.grammar.is(lang, WordClass::Clause, w)
                || self.grammar.is(lang, WordClass::Relative, w)
                || self.grammar.is(lang, WordClass::Comp, w)
        })
    }

    fn assign_target(&self, doc: &Doc, e: &mut Event) {
        let Some(row) = self.row(&e.cameo) else {
            return;
        };
        let Some(src) = e.source.as_ref().and_then(|s| s.actor.as_ref()) else {
            return;
        };
        let src_country = src
            .country
            .clone()
            .unwrap_or_else(|| src.code.get(..3).unwrap_or(&src.code).to_string());
        // "strikes on Kharkiv": a place the deed is aimed at, else the place where it is
        let place = self.aimed_place(doc, e).or_else(|| {
            e.place
                .and_then(|i| doc.places.get(i))
                .filter(|p| self.in_clause(doc, e, p))
        });
        let found = place.and_then(|p| self.state_of(doc, p).map(|s| (p, s)));
        let town = found.as_ref().is_some_and(|(p, _)| {
            !doc.entities
                .iter()
                .any(|x| x.span == p.span && x.actor.is_some())
        });
        let (span, (code, whole, name), rule) = match found {
            Some((p, st)) => (p.span, st, "venue"),
            // a protest that names neither whom nor where is aimed at the protesters' own
            // state (`own` in venue.tsv)
            None if row.own => {
                let Some(s) = e.source.as_ref() else { return };
                (
                    s.span,
                    (src_country.clone(), src_country.clone(), None),
                    "own-state",
                )
            }
            None => return,
        };
        // at home, a town or region stands for the doer's own state only for the codes marked
        // `home` (an attack in a town at home, not a promise made there)
        if town && !row.home && src_country == code {
            return;
        }
        // a doer is not its own target, save where the own state is the rule
        if src.code == whole && !row.own {
            return;
        }
        e.target = Some(Argument {
            span,
            actor: Some(Actor {
                country: Some(code.clone()),
                code,
                role: None,
                name,
            }),
            rule,
        });
        e.explain.target_rule = Some(rule);
    }
}
