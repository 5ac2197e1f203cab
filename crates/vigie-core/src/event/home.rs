//! Role-only actors (« la police », "the government", "rebels": CAMEO role codes with no
//! country, listed in `events/roles.tsv`) take the document's home country: the country
//! its actor mentions name most often (first named on a tie); when no actor names a country,
//! the country its places lie in most often (« le président a menacé d'imposer un couvre-feu à
//! Alger » → DZA), read through the country table `actors/countries.tsv`.

use std::collections::HashSet;

use super::grammar::{folded, Grammar, WordClass};
use super::states::States;
use crate::doc::{Actor, Argument, Doc, Entity, Span};
use crate::lexicon::{LexiconError, Sources};

/// The rule of an argument that names a party with no state (bare refugees): the party is
/// there, so the event keeps its side (`dyadic.rs`) and no place stands in for it (`venue.rs`).
pub const STATELESS: &str = "stateless-role";

/// How many words after an origin word the place of origin may stand ("fleeing the civil war
/// in Liberia").
const ORIGIN_WORDS: usize = 7;

#[derive(Debug, Clone, Default)]
pub struct Roles {
    codes: HashSet<String>,
    /// Roles whose bearers' state is their origin, not where they are (`home` = no).
    elsewhere: HashSet<String>,
    /// The state each place's country code stands for.
    states: States,
}

const FILE: &str = "events/roles.tsv";

/// The token right after `span`, in its sentence, when it is a word of `class`.
fn word_after(doc: &Doc, gram: &Grammar, span: Span, class: WordClass) -> Option<usize> {
    let i = doc.token_at_or_after(span.end);
    let word = doc.tokens.get(i)?;
    (word.sentence == doc.tokens.get(i.checked_sub(1)?)?.sentence
        && gram.is(doc.lang.as_str(), class, folded(doc, word)))
    .then_some(i)
}

impl Roles {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.col("role").map_err(|e| vec![e])?;
        let h = t.col("home").map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut codes = HashSet::new();
        let mut elsewhere = HashSet::new();
        for r in &t.rows {
            let code = r.get(c);
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                errors.push(t.error(r, format!("a role is three capital letters, not `{code}`")));
                continue;
            }
            match r.get(h) {
                "yes" => {}
                "no" => {
                    elsewhere.insert(code.to_string());
                }
                x => {
                    errors.push(t.error(r, format!("home is yes or no, not `{x}`")));
                    continue;
                }
            }
            codes.insert(code.to_string());
        }
        let states = States::load(src).unwrap_or_else(|e| {
            errors.push(e);
            States::default()
        });
        if errors.is_empty() {
            Ok(Self {
                codes,
                elsewhere,
                states,
            })
        } else {
            Err(errors)
        }
    }

    /// Is this actor a bare role (no country)?
    pub fn is_bare(&self, a: &Actor) -> bool {
        a.country.is_none() && a.code.get(..3).is_some_and(|p| self.codes.contains(p))
    }

    /// Give a bare-role argument a country: the state of the place it is said to be in
    /// (« les manifestants à Alger », "officials in Cairo"), else the document's home country.
    pub fn complete(&self, doc: &Doc, gram: &Grammar, arg: &mut Argument, home: Option<&str>) {
        let Some(a) = arg.actor.as_ref() else {
            return;
        };
        if !self.is_bare(a) {
            return;
        }
        // "Jordan will take in more refugees": bare refugees name no state, neither the
        // document's nor the place that hosts them
        let elsewhere = a.code.get(..3).is_some_and(|p| self.elsewhere.contains(p));
        let found = if elsewhere {
            self.origin_after(doc, gram, arg.span)
                .map(|c| (c, "role+origin-country"))
        } else {
            self.place_after(doc, gram, arg.span)
                .map(|c| (c, "role+place-country"))
        };
        if elsewhere && found.is_none() {
            arg.actor = None;
            arg.rule = STATELESS;
            return;
        }
        let (country, rule) = match found {
            Some(found) => found,
            None => match home {
                Some(h) => (h, "role+home-country"),
                None => return,
            },
        };
        let country = country.to_string();
        let Some(a) = arg.actor.as_mut() else {
            return;
        };
        a.role = a
            .role
            .clone()
            .or_else(|| a.code.get(..3).map(str::to_string));
        a.code = format!("{country}{}", a.code);
        a.country = Some(country);
        arg.rule = rule;
    }

    /// The state of a place named right after `span` behind a locative preposition and at
    /// most one article (« à Alger », "in the Gaza Strip").
    fn place_after(&self, doc: &Doc, gram: &Grammar, span: Span) -> Option<&str> {
        let lang = doc.lang.as_str();
        let i = word_after(doc, gram, span, WordClass::Loc)?;
        let mut j = i + 1;
        if doc
            .tokens
            .get(j)
            .is_some_and(|t| gram.is(lang, WordClass::Det, folded(doc, t)))
        {
            j += 1;
        }
        let at = doc.tokens.get(j)?.span.start;
        let place = doc.places.iter().find(|p| p.span.start == at)?;
        self.states.of(&place.country)
    }

    /// Where people who come from elsewhere come from: the state of the first place within
    /// a few words after an origin word right after them ("refugees fleeing the war in
    /// Liberia", « des réfugiés venus de Syrie »), in the same clause.
    fn origin_after(&self, doc: &Doc, gram: &Grammar, span: Span) -> Option<&str> {
        let lang = doc.lang.as_str();
        let i = word_after(doc, gram, span, WordClass::Origin)?;
        let word = doc.tokens[i];
        let place = doc.tokens[i + 1..]
            .iter()
            .take(ORIGIN_WORDS)
            .take_while(|t| {
                t.sentence == word.sentence
                    && !matches!(doc.slice(t.span), "," | ";" | ":")
                    && !gram.is(lang, WordClass::Clause, folded(doc, t))
                    && !gram.is(lang, WordClass::Relative, folded(doc, t))
            })
            .find_map(|t| doc.places.iter().find(|p| p.span.start == t.span.start))?;
        self.states.of(&place.country)
    }

    /// The document's home country: the one its actor mentions name most often, else the one
    /// its places lie in most often (first met on a tie).
    pub fn home_country(&self, doc: &Doc) -> Option<String> {
        home_country(doc).or_else(|| {
            most_common(doc.places.iter().filter_map(|p| {
                (!doc.in_boilerplate(p.span))
                    .then(|| self.states.of(&p.country))
                    .flatten()
            }))
        })
    }
}

/// The country most often named by the document's actor mentions, each mention counted once:
/// a phrase that holds a mention of the same country ("Swedish Prosecution Authority" around
/// "Swedish", « les forces russes » around « russes ») names it no more often than its words.
pub fn home_country(doc: &Doc) -> Option<String> {
    let ents = &doc.entities;
    most_common(ents.iter().enumerate().filter_map(|(i, e)| {
        let c = country_of(e)?;
        if doc.in_boilerplate(e.span) {
            return None;
        }
        // entities are sorted by start, longer first: those inside `e` follow it
        let holds_same = ents[i + 1..]
            .iter()
            .take_while(|x| x.span.start < e.span.end)
            .any(|x| x.span != e.span && e.span.contains(x.span) && country_of(x) == Some(c));
        (!holds_same).then_some(c)
    }))
}

fn country_of(e: &Entity) -> Option<&str> {
    e.actor.as_ref().and_then(|a| a.country.as_deref())
}

/// The code met most often, the first met on a tie.
fn most_common<'a>(codes: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, c) in codes.enumerate() {
        match counts.iter_mut().find(|(k, _, _)| *k == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c, 1, i)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(c, _, _)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Entity, EntityType, Span};

    #[test]
    fn a_name_holding_a_country_word_counts_it_once() {
        let text = "Swedish Agency, Chile and Chile";
        let mut d = Doc::new("t", text);
        let ent = |s: &str, at: usize, country: &str, nominal: bool| Entity {
            span: Span::new(at, at + s.len()),
            etype: EntityType::ORG,
            actor: Some(Actor {
                code: country.into(),
                country: Some(country.into()),
                ..Actor::default()
            }),
            rule: "t".into(),
            nominal,
        };
        d.entities = vec![
            ent("Swedish Agency", 0, "SWE", false),
            ent("Swedish", 0, "SWE", true),
            ent("Chile", 16, "CHL", false),
            ent("Chile", 26, "CHL", false),
        ];
        // « Swedish » once against Chile twice (counted twice, Sweden would win the tie)
        assert_eq!(home_country(&d).as_deref(), Some("CHL"));
    }

    #[test]
    fn bare_roles_take_the_most_named_country() {
        let mut d = Doc::new("t", "x");
        let ent = |code: &str, country: Option<&str>| Entity {
            span: Span::new(0, 1),
            etype: EntityType::ORG,
            actor: Some(Actor {
                code: code.into(),
                country: country.map(Into::into),
                ..Actor::default()
            }),
            rule: "t".into(),
            nominal: false,
        };
        d.entities = vec![
            ent("SYR", Some("SYR")),
            ent("TURGOV", Some("TUR")),
            ent("SYRGOV", Some("SYR")),
        ];
        assert_eq!(home_country(&d).as_deref(), Some("SYR"));
        let roles = Roles::load(&Sources::builtin()).unwrap();
        let mut a = Argument {
            span: Span::new(0, 1),
            actor: Some(Actor {
                code: "COP".into(),
                ..Actor::default()
            }),
            rule: "subject",
        };
        roles.complete(&d, &super::super::tests::lex().grammar, &mut a, Some("SYR"));
        assert_eq!(a.actor.as_ref().unwrap().code, "SYRCOP");
        let mut igo = Argument {
            span: Span::new(0, 1),
            actor: Some(Actor {
                code: "IGOUNO".into(),
                ..Actor::default()
            }),
            rule: "subject",
        };
        roles.complete(
            &d,
            &super::super::tests::lex().grammar,
            &mut igo,
            Some("SYR"),
        );
        assert_eq!(igo.actor.as_ref().unwrap().code, "IGOUNO");
    }
}
