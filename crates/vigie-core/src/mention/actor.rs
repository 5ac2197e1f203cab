//! Actors and named entities: who acts.
//!
//! Stages, each its own module:
//! 1. `lexicon` — every country name and adjective, seat of power, group of states,
//!    organization, role noun and person form of `lexicon/actors/` in one phrase matcher;
//!    matches are filtered by how they are written (acronyms exact, names capitalized) and the
//!    longest wins.
//! 2. `compose` — role nouns take a country from an adjective (« les forces russes »,
//!    "Russian troops"), a possessive ("Iran's foreign ministry") or a complement
//!    (« le porte-parole du ministère russe des Affaires étrangères »).
//! 3. `person` — people of the lexicon get the code valid on the document's date; unknown
//!    names take the code of a title or apposition beside them; later mentions of the surname
//!    and sentence-initial subject pronouns take the same actor.
//!    A seat of government acts only where no locative word makes it a place (`seat`).
//! 4. `ner` — other capitalized names become PER/ORG/LOC/MISC by their context.
//! 5. `org_country` — a named organization nobody coded takes the country a country word
//!    inside its name names ("Norwegian Fisheries Authority" → NOR).
//!
//! `Doc::entities` is sorted by start (longer first at equal starts). Nominal phrases (roles,
//! adjectives) may contain proper names (« le président de la Russie » contains « Russie »);
//! proper names never overlap one another.

mod compose;
mod gender;
mod lexicon;
mod ner;
mod org_country;
mod people;
mod person;
mod seat;

use crate::doc::{Actor, Doc, Entity, Span};
use crate::lexicon::{LexiconError, Sources};

use self::lexicon::{Kind, Tables};

/// The compiled actor lexicon. Built once, shared by all threads.
#[derive(Debug)]
pub struct ActorLexicon {
    tables: Tables,
    people: Vec<people::Person>,
    ner: ner::NerLexicon,
    gender: gender::GenderLexicon,
    seat_uses: seat::SeatUses,
}

impl ActorLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut b = lexicon::Builder::read(src);
        let people = people::read(src, &mut b);
        let ner = ner::NerLexicon::load(src);
        let gender = gender::GenderLexicon::load(src);
        let seat_uses = seat::SeatUses::load(src);
        let tables = b.finish();
        match (tables, ner, gender, seat_uses) {
            (Ok(tables), Ok(ner), Ok(gender), Ok(seat_uses)) => Ok(Self {
                tables,
                people,
                ner,
                gender,
                seat_uses,
            }),
            (a, b, c, d) => Err([a.err(), b.err(), c.err(), d.err()]
                .into_iter()
                .flatten()
                .flatten()
                .collect()),
        }
    }

    /// Number of phrase keys (for `vigie lexicon` statistics).
    pub fn len(&self) -> usize {
        self.tables.matcher.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tables.matcher.is_empty()
    }

    fn is_country(&self, code: &str) -> bool {
        self.tables.countries.contains(code)
    }

    /// An actor from a full code: the country is its first three letters when they name one;
    /// the role the next three.
    pub(crate) fn actor(&self, code: &str, name: Option<&str>) -> Actor {
        let country = code
            .get(..3)
            .filter(|c| self.is_country(c))
            .map(str::to_string);
        let role = if country.is_some() {
            code.get(3..6).map(str::to_string)
        } else {
            None
        };
        Actor {
            code: code.to_string(),
            country,
            role,
            name: name.filter(|n| !n.is_empty()).map(str::to_string),
        }
    }
}

/// A matched lexicon phrase.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub span: Span,
    /// Folded range, for looking at the words around it.
    pub fstart: usize,
    pub fend: usize,
    pub entry: u32,
}

/// Lexicon matches outside boilerplate, written as their forms require, longest first.
fn hits(doc: &Doc, lex: &ActorLexicon) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let french = doc.lang == "fr";
    for m in lex.tables.matcher.find_all(&doc.norm) {
        if out.last().is_some_and(|l| m.folded_start < l.fend) {
            continue;
        }
        if doc.in_boilerplate(m.span) {
            continue;
        }
        let text = doc.slice(m.span);
        // a title shared by both languages (« président », "President", "General") takes
        // the entry of the document's language, whose composition rules fit its word order
        // ("Israeli President" composes as English). Body nouns ("forces") keep the first
        // entry: measured, switching them too exposed event-stage errors (issue #4 notes).
        // A title of the other language matches only with its accents: « général » is not
        // the adjective of "general strike".
        let chosen = m
            .payloads
            .iter()
            .copied()
            .filter(|&p| {
                lex.tables.entries.get(p as usize).is_some_and(|e| {
                    e.case.accepts(text)
                        // a name written with accents matches only with them: « Libération »
                        // (the paper) is not the "Liberation" of "Moro Islamic Liberation Front"
                        && (e.kind != Kind::Org
                            || e.accented.as_ref().is_none_or(|a| {
                                text.to_lowercase().replace('\u{2019}', "'") == *a
                            }))
                        && (e
                            .role
                            .as_ref()
                            .is_none_or(|r| !r.person || r.french == french)
                            || e.accented
                                .as_ref()
                                .is_none_or(|a| text.to_lowercase().replace('\u{2019}', "'") == *a))
                })
            })
            .min_by_key(|&p| {
                lex.tables
                    .entries
                    .get(p as usize)
                    .and_then(|e| e.role.as_ref())
                    .is_some_and(|r| r.person && r.french != french)
            });
        // "West Darfur", "West African": a one-word group name before another capitalized
        // word is the start of a longer name, not the group
        let group = chosen
            .and_then(|p| lex.tables.entries.get(p as usize))
            .is_some_and(|e| e.kind == Kind::GroupName);
        if group && !text.contains(' ') && next_is_capitalized(&doc.text, m.span.end) {
            continue;
        }
        // "anti-Syria", « pro-russes »: the country is what the stance is about, not whose
        let national = chosen
            .and_then(|p| lex.tables.entries.get(p as usize))
            .is_some_and(|e| {
                matches!(
                    e.kind,
                    Kind::CountryName
                        | Kind::CountryAdj
                        | Kind::Seat
                        | Kind::GroupName
                        | Kind::GroupAdj
                )
            });
        if national && after_stance_prefix(doc, lex, m.span.start) {
            continue;
        }
        // "the Russian language", « la cuisine française »: an adjective qualifying a thing
        // names no actor
        let adjective = chosen
            .and_then(|p| lex.tables.entries.get(p as usize))
            .is_some_and(|e| matches!(e.kind, Kind::CountryAdj | Kind::GroupAdj));
        if adjective
            && lex
                .seat_uses
                .qualifies_thing(&doc.norm.folded, m.folded_start, m.folded_end, french)
        {
            continue;
        }
        // "Kevin King", « Jean Maire »: a capitalized title right after a first name is the
        // person's surname, not a title
        let title = chosen
            .and_then(|p| lex.tables.entries.get(p as usize))
            .and_then(|e| e.role.as_ref())
            .is_some_and(|r| r.person);
        if title
            && text.chars().next().is_some_and(char::is_uppercase)
            && after_first_name(doc, lex, m.span.start)
        {
            continue;
        }
        if let Some(entry) = chosen {
            out.push(Hit {
                span: m.span,
                fstart: m.folded_start,
                fend: m.folded_end,
                entry,
            });
        }
    }
    out
}

/// Is the text before the byte `at` a stance prefix and a hyphen ("anti-", « pro- »)?
fn after_stance_prefix(doc: &Doc, lex: &ActorLexicon, at: usize) -> bool {
    let Some(before) = doc.text.get(..at).and_then(|b| b.strip_suffix('-')) else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !word.is_empty()
        && lex
            .ner
            .stance_prefix
            .contains(&crate::normalize::fold(word))
}

/// Is the word before the byte `at` (one space between) a known first name?
fn after_first_name(doc: &Doc, lex: &ActorLexicon, at: usize) -> bool {
    let Some(before) = doc.text.get(..at).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    !word.is_empty() && lex.gender.is_first_name(word)
}

/// Does a capitalized word follow the byte `at`, after one space?
pub(crate) fn next_is_capitalized(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|r| r.strip_prefix(' '))
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Tag every actor-bearing phrase and named entity of the document.
pub fn tag_entities(doc: &Doc, lex: &ActorLexicon) -> Vec<Entity> {
    let hits = hits(doc, lex);
    let mut ents = compose::compose(doc, lex, &hits);
    person::resolve(doc, lex, &hits, &mut ents);
    ner::tag(doc, lex, &mut ents);
    org_country::code(lex, &mut ents);
    finish(ents)
}

/// Sort, and drop proper names that overlap a longer proper name.
fn finish(mut ents: Vec<Entity>) -> Vec<Entity> {
    ents.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    let mut last_proper: Option<Span> = None;
    for e in ents {
        if !e.nominal {
            if last_proper.is_some_and(|p| p.overlaps(e.span)) {
                continue;
            }
            last_proper = Some(e.span);
        }
        if out
            .iter()
            .rev()
            .take(4)
            .any(|o| o.span == e.span && o.nominal == e.nominal)
        {
            continue;
        }
        out.push(e);
    }
    out
}

/// The entity a lexicon hit stands for alone.
pub(crate) fn base_entity(lex: &ActorLexicon, h: &Hit) -> Option<Entity> {
    let e = lex.tables.entries.get(h.entry as usize)?;
    let (actor, nominal) = match e.kind {
        Kind::CountryName | Kind::Seat | Kind::GroupName | Kind::Org => {
            (Some(lex.actor(&e.code, Some(&e.name))), false)
        }
        Kind::CountryAdj | Kind::GroupAdj => (Some(lex.actor(&e.code, Some(&e.name))), true),
        Kind::Role => {
            let r = e.role.as_ref()?;
            if r.role.is_empty() {
                return None;
            }
            // an institution named without its country (« le ministère de la Défense ») is
            // still a proper name
            (
                Some(Actor {
                    code: r.role.clone(),
                    country: None,
                    role: Some(r.role.clone()),
                    name: None,
                }),
                !r.proper,
            )
        }
        // people are coded by `person`, which knows the date
        Kind::Person => return None,
    };
    Some(Entity {
        span: h.span,
        etype: e.etype,
        actor,
        rule: e.at.clone(),
        nominal,
    })
}

#[cfg(test)]
mod tests;
