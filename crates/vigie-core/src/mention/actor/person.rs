//! People: lexicon people coded on the document's date; unknown people coded by the title or
//! apposition beside their name; later mentions and subject pronouns.
//!
//! - Title before the name: « le ministre russe des Affaires étrangères Sergueï Lavrov »,
//!   "Iran's foreign minister Abbas Araghchi", « le général Diarra » (then only `MIL`).
//! - Apposition before: « la porte-parole du ministère russe des Affaires étrangères, Maria
//!   Zakharova »; after: « X, chef d'état-major de l'armée malienne », "X, Iran's foreign
//!   minister". An apposition with a country wins over a bare title.
//! - Later mentions: the last word of a coded name (« Zakharova », « Mme Zakharova ») takes the
//!   same actor, rule `coref`.
//! - Pronouns: a subject pronoun opening one of the next two sentences (« Elle a ajouté »,
//!   "He said") takes the actor of the last coded person before it, rule `pronoun`; it is a
//!   nominal entity.

use super::gender::Gender;
use super::lexicon::Kind;
use super::ner::{capitalized, name_run};
use super::people::code_on;
use super::{ActorLexicon, Hit};
use crate::doc::{Actor, Doc, Entity, EntityType, Span, TokenKind};
use crate::normalize::fold;

/// People of the lexicon, coded on the document's date.
///
/// Returns the names whose first name is another person's ("Tim Morrison" beside Scott
/// Morrison's "Morrison"): from each on, the surname is that other person's (see `coref`).
fn lexicon_people(
    doc: &Doc,
    lex: &ActorLexicon,
    hits: &[Hit],
    ents: &mut Vec<Entity>,
) -> Vec<Span> {
    let is_country = |c: &str| lex.is_country(c);
    // people whose lone surname was met with another person's first name before it ("Tim
    // Morrison" is not Scott Morrison): their later lone surnames are that other person too
    let mut others: Vec<usize> = Vec::new();
    let mut other_names: Vec<Span> = Vec::new();
    for h in hits {
        let Some(e) = lex.tables.entries.get(h.entry as usize) else {
            continue;
        };
        if e.kind != Kind::Person {
            continue;
        }
        let Some(p) = lex.people.get(e.person) else {
            continue;
        };
        let coded = code_on(p, doc.date, &is_country);
        let (actor, rule) = match coded {
            Some((code, at)) => (Some(lex.actor(&code, Some(&p.name))), at),
            None => (None, e.at.clone()),
        };
        let actor = actor
            .or_else(|| {
                Some(Actor {
                    name: Some(p.name.clone()),
                    ..Actor::default()
                })
            })
            .filter(|a| !a.code.is_empty() || a.name.is_some());
        // a full name matched as written needs no first names; a lone surname may take them,
        // but never a word another lexicon phrase covers (« la Britannique Theresa May »,
        // "Secretary of State Mike Pompeo")
        let lone = !doc.slice(h.span).contains(char::is_whitespace);
        if lone && others.contains(&e.person) {
            continue;
        }
        let span = if lone {
            let floor = hits
                .iter()
                .filter(|o| o.span.end <= h.span.start)
                .map(|o| o.span.end)
                .max()
                .unwrap_or(0);
            let s = with_first_names(doc, lex, h.span);
            if s.start < floor {
                h.span
            } else {
                s
            }
        } else {
            h.span
        };
        // the named-entity stage reads a name whose first name is another person's
        if span.start < h.span.start && other_first_name(doc, lex, p, span, h.span) {
            others.push(e.person);
            other_names.push(span);
            continue;
        }
        ents.push(Entity {
            span,
            etype: EntityType::PER,
            actor,
            rule,
            nominal: false,
        });
    }
    other_names
}

/// Do the words taken before a lone surname (`name` minus `surname`) hold a known first name
/// that no form of the person's name holds ("Tim" before Scott Morrison's "Morrison")?
fn other_first_name(
    doc: &Doc,
    lex: &ActorLexicon,
    p: &super::people::Person,
    name: Span,
    surname: Span,
) -> bool {
    doc.text
        .get(name.start..surname.start)
        .unwrap_or("")
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .any(|w| known_first_name(lex, w) && !p.has_word(&fold(w)))
}

/// A known surname takes the capitalized words just before it as first names (« Bashar
/// Assad », "Abdel Fattah el-Sisi"), up to three, when they are not sentence words.
fn with_first_names(doc: &Doc, lex: &ActorLexicon, span: Span) -> Span {
    let nl = &lex.ner;
    let mut i = doc.token_at_or_after(span.start);
    let Some(sentence) = doc.tokens.get(i).map(|t| t.sentence) else {
        return span;
    };
    let mut start = span.start;
    let mut taken = 0;
    while i > 0 && taken < 3 {
        let t = &doc.tokens[i - 1];
        let w = doc.slice(t.span);
        let glued = doc.text.get(t.span.end..start).is_some_and(|g| g == " ");
        if t.sentence != sentence || t.kind != TokenKind::Word || !glued {
            break;
        }
        let particle = nl.is_particle(&fold(w)) && taken > 0;
        let first_name = capitalized(w) && !nl.is_common(w) && !nl.is_title(w);
        if !first_name && !particle {
            break;
        }
        start = t.span.start;
        taken += 1;
        i -= 1;
    }
    // a particle cannot open the name
    while start < span.start {
        let Some(t) = doc.tokens.get(doc.token_at_or_after(start)) else {
            return span;
        };
        if capitalized(doc.slice(t.span)) {
            break;
        }
        match doc.tokens.get(doc.token_at_or_after(t.span.end)) {
            Some(n) if n.span.start <= span.start => start = n.span.start,
            _ => return span,
        }
    }
    Span::new(start, span.end)
}

/// Is `s` a coded actor phrase that can describe a person (a role with a code)?
fn describes(e: &Entity) -> bool {
    e.nominal
        && e.actor
            .as_ref()
            .is_some_and(|a| a.role.is_some() || a.country.is_none())
        && matches!(e.etype, EntityType::PER | EntityType::ORG)
}

/// Longest separator between a description and its name: ", l'" plus spaces.
const MAX_GAP: usize = 12;

/// Spans with a quick overlap test: sorted by start, with the largest end up to each one, so
/// the test is one binary search instead of a pass over every span (which made the name runs
/// and later mentions of a long document quadratic).
struct SpanSet {
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the first `i + 1` spans by start.
    max_end: Vec<usize>,
}

impl SpanSet {
    fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable_by_key(|s| s.start);
        let mut end = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                end = end.max(s.end);
                end
            })
            .collect();
        Self {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// Does a span of the set overlap `s` (as [`Span::overlaps`])?
    fn overlaps(&self, s: Span) -> bool {
        // the spans starting before `s` ends; one of them overlaps iff one ends after its start
        let n = self.starts.partition_point(|&x| x < s.end);
        n.checked_sub(1)
            .and_then(|i| self.max_end.get(i))
            .is_some_and(|&e| s.start < e)
    }
}

/// The entities of a document by start and by end, to find those just before or after a name
/// without reading them all.
struct Around<'e> {
    ents: &'e [Entity],
    /// Indexes of `ents`, by start.
    by_start: Vec<usize>,
    /// Indexes of the describing entities ([`describes`]), by end, then length, then index.
    describing: Vec<usize>,
}

impl<'e> Around<'e> {
    fn new(ents: &'e [Entity]) -> Self {
        let mut by_start: Vec<usize> = (0..ents.len()).collect();
        by_start.sort_by_key(|&i| (ents[i].span.start, i));
        let mut describing: Vec<usize> = (0..ents.len()).filter(|&i| describes(&ents[i])).collect();
        describing.sort_by_key(|&i| (ents[i].span.end, ents[i].span.len(), i));
        Self {
            ents,
            by_start,
            describing,
        }
    }

    /// The first entity starting at or after `at` within `MAX_GAP` bytes of separators.
    fn after(&self, doc: &Doc, at: usize, allow_comma: bool) -> Option<&'e Entity> {
        // the separators accepted below are a few bytes long: only entities starting within
        // `MAX_GAP` bytes are read, in the entities' order (the first of equals wins)
        let lo = self
            .by_start
            .partition_point(|&i| self.ents[i].span.start < at);
        let hi = self
            .by_start
            .partition_point(|&i| self.ents[i].span.start <= at + MAX_GAP);
        let mut near: Vec<usize> = self.by_start.get(lo..hi)?.to_vec();
        near.sort_unstable();
        let mut best: Option<&Entity> = None;
        for e in near.into_iter().filter_map(|i| self.ents.get(i)) {
            let gap = doc.text.get(at..e.span.start)?;
            let gap = gap.trim();
            let gap_ok = gap.is_empty()
                || (allow_comma
                    && matches!(
                        fold(gap).as_str(),
                        "," | ", le"
                            | ", la"
                            | ", l'"
                            | ", the"
                            | ", un"
                            | ", une"
                            | ", a"
                            | ", an"
                    ));
            if gap_ok
                && best.is_none_or(|b| e.span.len() > b.span.len() || b.span.start > e.span.start)
            {
                best = Some(e);
            }
        }
        best
    }

    /// The longest descriptive entity ending right before `at` (only spaces, or a comma,
    /// between), the last of equals.
    fn before(&self, doc: &Doc, at: usize) -> Option<(Entity, bool)> {
        // by end, length and index, the last one whose gap passes is the answer; a gap that
        // fails fails for every entity ending before it too (its gap holds that one)
        let n = self
            .describing
            .partition_point(|&i| self.ents[i].span.end <= at);
        for &i in self.describing[..n].iter().rev() {
            let e = &self.ents[i];
            let Some(gap) = doc.text.get(e.span.end..at) else {
                continue;
            };
            let gap = gap.trim();
            if gap.is_empty() || gap == "," {
                return Some((e.clone(), gap == ","));
            }
            return None;
        }
        None
    }
}

/// True when a name follows (after an optional comma): the description before it is that
/// name's.
fn names_follow(rest: &str) -> bool {
    let r = rest.trim_start();
    let r = r.strip_prefix(',').unwrap_or(r).trim_start();
    capitalized(r)
}

/// Unknown people named beside a title or apposition.
fn appositions(doc: &Doc, lex: &ActorLexicon, ents: &mut Vec<Entity>) {
    let nl = &lex.ner;
    let mut new = Vec::new();
    let proper = SpanSet::new(ents.iter().filter(|e| !e.nominal).map(|e| e.span));
    let around = Around::new(ents);
    let adjectives = nationalities(ents);
    for (si, sent) in doc.sentences.iter().enumerate() {
        if doc.in_boilerplate(*sent) {
            continue;
        }
        let toks = doc.sentence_tokens(si);
        let mut i = 0;
        while i < toks.len() {
            let Some(end) = name_run(doc, nl, toks, i) else {
                i += 1;
                continue;
            };
            // « le procureur de Paris François Molins »: a run whose later word is a known
            // first name starts there
            let from = (i + 1..end.saturating_sub(1))
                .find(|&k| {
                    !lex.gender.is_first_name(doc.slice(toks[k - 1].span))
                        && lex.gender.is_first_name(doc.slice(toks[k].span))
                })
                .unwrap_or(i);
            // "Representative Lola Prentiss": a title opening the run is the description
            // before the name, not part of it, whether or not the first name is known
            let from = (from..end.saturating_sub(1))
                .find(|&k| !nl.is_title(doc.slice(toks[k].span)))
                .unwrap_or(from);
            let span = Span::new(toks[from].span.start, toks[end - 1].span.end);
            let first = doc.slice(toks[from].span);
            if proper.overlaps(span) || nl.is_common(first) || end - i > 5 {
                i = end;
                continue;
            }
            // a title or apposition before, or an apposition after
            // with no comma, a role word typed as a body of people (ORG) describes the name
            // after it only when a first name opens it ("journalist Jamal Khashoggi", not
            // "the ruling party Ingsoc")
            let first_name = known_first_name(lex, first);
            let before = around.before(doc, span.start).filter(|(e, comma)| {
                *comma
                    || e.etype == EntityType::PER
                    || (e.rule.contains("role") && (e.etype != EntityType::ORG || first_name))
            });
            // « l'accord de Paris, la porte-parole …, Maria Zakharova »: a name after a place
            // preposition is not a person, and a description followed by its own name
            // belongs to that name
            let after_place = from == i
                && i > 0
                && toks[i - 1].kind == TokenKind::Word
                && nl.is_loc_prep(&fold(doc.slice(toks[i - 1].span)));
            let after = around
                .after(doc, span.end, true)
                .filter(|e| {
                    describes(e)
                        && !after_place
                        && doc.text[span.end..e.span.start].contains(',')
                        && !names_follow(&doc.text[e.span.end..])
                })
                .cloned();
            let pick = match (before, after) {
                // a country-bearing description wins over a bare title (« le général X, chef
                // d'état-major de l'armée malienne »)
                (Some((b, _)), Some(a)) => {
                    if b.actor.as_ref().is_some_and(|x| x.country.is_some()) {
                        Some(b)
                    } else {
                        Some(a)
                    }
                }
                (Some((b, _)), None) => Some(b),
                (None, Some(a)) => Some(a),
                (None, None) => None,
            };
            if pick.is_none() && known_first_name(lex, first) {
                if let Some(n) = nationality_before(doc, ents, &adjectives, span) {
                    new.push(n);
                    i = end;
                    continue;
                }
            }
            if let Some(d) = pick {
                let actor = d.actor.clone().map(|mut a| {
                    a.name = Some(doc.slice(span).to_string());
                    a
                });
                new.push(Entity {
                    span,
                    etype: EntityType::PER,
                    actor,
                    rule: format!("apposition ({})", d.rule),
                    nominal: false,
                });
            }
            i = end;
        }
    }
    ents.extend(new);
}

/// A first name of either list: the gendered ones (`name_genders.tsv`) or the others
/// (`first_names.tsv`).
fn known_first_name(lex: &ActorLexicon, word: &str) -> bool {
    lex.gender.is_first_name(word) || lex.ner.first_names.contains(word)
}

/// Indexes of the capitalized country adjectives of `ents` (« Américain », "American": a
/// nationality, nominal, with a country and no role), by end.
fn nationalities(ents: &[Entity]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..ents.len())
        .filter(|&k| {
            let e = &ents[k];
            e.nominal
                && e.etype == EntityType::MISC
                && e.actor
                    .as_ref()
                    .is_some_and(|a| a.country.is_some() && a.role.is_none())
        })
        .collect();
    out.sort_by_key(|&k| ents[k].span.end);
    out
}

/// "American Kevin King", « l'Australien Tim Weeks »: an unknown person whose name (opening
/// on a known first name) follows a capitalized nationality, one space between, is of that
/// country: coded with the country alone (CAMEO codes a private citizen by nationality).
fn nationality_before(
    doc: &Doc,
    ents: &[Entity],
    adjectives: &[usize],
    span: Span,
) -> Option<Entity> {
    let at = span.start.checked_sub(1)?;
    if doc.text.get(at..span.start) != Some(" ") {
        return None;
    }
    let k = adjectives.partition_point(|&k| ents[k].span.end < at);
    let adj = &ents[*adjectives.get(k)?];
    if adj.span.end != at || !capitalized(doc.slice(adj.span)) {
        return None;
    }
    let country = adj.actor.as_ref()?.country.clone()?;
    Some(Entity {
        span,
        etype: EntityType::PER,
        actor: Some(Actor {
            code: country.clone(),
            country: Some(country),
            role: None,
            name: Some(doc.slice(span).to_string()),
        }),
        rule: format!("nationality-before-name ({})", adj.rule),
        nominal: false,
    })
}

/// Later mentions of a coded person's surname, and subject pronouns. A surname inside or
/// after a name of `others` ("Tim Morrison") met since the person was named is that other
/// person's.
fn coref(doc: &Doc, ents: &mut Vec<Entity>, others: &[Span]) {
    let mut people: Vec<(String, Actor, usize)> = ents
        .iter()
        .filter(|e| e.etype == EntityType::PER && !e.nominal)
        .filter_map(|e| {
            let a = e.actor.clone()?;
            let last = doc.slice(e.span).split_whitespace().last()?;
            (capitalized(last) && last.chars().count() > 2)
                .then(|| (last.to_string(), a, e.span.end))
        })
        .collect();
    people.sort_by_key(|p| p.2);
    // "King and Weeks were abducted" after "American Kevin King": a capitalized bare title
    // that is the surname of a person named before is that person, not the title
    let covered = SpanSet::new(ents.iter().filter(|e| !bare_title(doc, e)).map(|e| e.span));
    let mut new = Vec::new();
    for t in &doc.tokens {
        if t.kind != TokenKind::Word || doc.in_boilerplate(t.span) {
            continue;
        }
        let w = doc.slice(t.span);
        if !capitalized(w) || covered.overlaps(t.span) {
            continue;
        }
        if let Some((_, a, _)) = people
            .iter()
            .rev()
            .find(|(s, _, end)| *end <= t.span.start && s == w)
            .filter(|(s, _, end)| {
                !others.iter().any(|o| {
                    *end <= o.start
                        && o.start <= t.span.start
                        && doc.slice(*o).split_whitespace().last() == Some(s.as_str())
                })
            })
        {
            new.push(Entity {
                span: t.span,
                etype: EntityType::PER,
                actor: Some(a.clone()),
                rule: "coref".into(),
                nominal: false,
            });
        }
    }
    if !new.is_empty() {
        let named = SpanSet::new(new.iter().map(|e| e.span));
        ents.retain(|e| !(bare_title(doc, e) && named.overlaps(e.span)));
    }
    ents.extend(new);
}

/// A one-word capitalized title with no country of its own (« Maire », "King").
fn bare_title(doc: &Doc, e: &Entity) -> bool {
    e.nominal
        && e.etype == EntityType::PER
        && e.actor
            .as_ref()
            .is_some_and(|a| a.country.is_none() && a.role.is_some())
        && {
            let w = doc.slice(e.span);
            capitalized(w) && !w.contains(' ')
        }
}

/// A coded person the pronouns and bare titles after it may refer to.
struct Antecedent {
    start: usize,
    actor: Actor,
    gender: Option<Gender>,
    /// Named after a preposition: less likely the subject a pronoun refers to.
    complement: bool,
}

/// Coded people of the document, in text order, with the gender their first name shows.
fn antecedents(doc: &Doc, lex: &ActorLexicon, ents: &[Entity]) -> Vec<Antecedent> {
    let mut out: Vec<Antecedent> = ents
        .iter()
        .filter(|e| e.etype == EntityType::PER && (!e.nominal || e.rule.starts_with("title-coref")))
        .filter_map(|e| {
            let actor = e.actor.clone().filter(|a| !a.code.is_empty())?;
            let name = actor
                .name
                .clone()
                .unwrap_or_else(|| doc.slice(e.span).into());
            let before = doc.text.get(..e.span.start).unwrap_or("").trim_end();
            let prev = before.rsplit(char::is_whitespace).next().map(fold);
            Some(Antecedent {
                start: e.span.start,
                gender: lex.gender.of_name(&name),
                // « les critiques d'Emmanuel Macron »: a complement, not a subject
                complement: prev.is_some_and(|w| lex.gender.is_preposition(&w)),
                actor,
            })
        })
        .collect();
    out.sort_by_key(|p| p.start);
    out
}

/// The person a pronoun or title at `at` refers to: among the people named at most `back`
/// sentences before whose gender agrees (a known one first, then one whose gender is
/// unknown), the last one; for a pronoun (`subject_first`), the first of the latest sentence
/// that has any, not named after a preposition: its likely subject (« Moshe Levi a refusé de
/// voir le roi Hassan, disant qu'il … » → Levi).
fn antecedent<'a>(
    doc: &Doc,
    people: &'a [Antecedent],
    at: usize,
    gender: Option<Gender>,
    back: usize,
    subject_first: bool,
    fits: impl Fn(&Antecedent) -> bool,
) -> Option<&'a Antecedent> {
    let si = doc.sentence_at(at)?;
    let min_start = doc.sentences[si.saturating_sub(back)].start;
    let fits = &fits;
    let near = |want: Option<Gender>| {
        people
            .iter()
            .filter(move |p| p.start < at && p.start >= min_start && fits(p) && p.gender == want)
    };
    let pick = |want: Option<Gender>| {
        let last = near(want).last()?;
        let sentence = doc.sentence_at(last.start);
        if !subject_first {
            return Some(last);
        }
        let mut same = near(want).filter(|p| doc.sentence_at(p.start) == sentence);
        let first = same.clone().next();
        same.find(|p| !p.complement).or(first)
    };
    if let Some(g) = gender {
        pick(Some(g)).or_else(|| pick(None))
    } else {
        let last = people
            .iter()
            .filter(|p| p.start < at && p.start >= min_start && fits(p))
            .last()?;
        if !subject_first {
            return Some(last);
        }
        let sentence = doc.sentence_at(last.start);
        people
            .iter()
            .find(|p| p.start < at && fits(p) && doc.sentence_at(p.start) == sentence)
    }
}

/// True when a person nobody coded opens the antecedent's sentence before it (« Israeli
/// President Moshe Levi refused to meet King Hassan, saying he … »): the pronoun more likely
/// means that subject, so it is left unresolved rather than given to the wrong person. A
/// title glued to the antecedent's name is its own. A bare title counts only where a subject
/// stands, at the start of the sentence (an article at most before it): « C'est en dirigeant
/// affaibli qu'il … » names no one new.
fn unknown_subject_before(doc: &Doc, ents: &[Entity], at: usize) -> bool {
    let sentence = doc.sentence_at(at);
    let opens = |e: &Entity| {
        sentence
            .and_then(|i| doc.sentences.get(i))
            .and_then(|s| doc.text.get(s.start..e.span.start))
            .is_some_and(|g| g.split_whitespace().count() <= 1)
    };
    ents.iter().any(|e| {
        e.etype == EntityType::PER
            && e.rule != "pronoun"
            && e.span.end <= at
            && doc.sentence_at(e.span.start) == sentence
            && (!e.nominal || opens(e))
            && e.actor.as_ref().is_none_or(|a| a.country.is_none())
            && !doc
                .text
                .get(e.span.end..at)
                .is_some_and(|g| g.chars().all(char::is_whitespace))
    })
}

/// How far back a pronoun looks for its person, in sentences.
const PRONOUN_BACK: usize = 3;

/// How far back a bare title (« le Premier ministre ») looks: a title names someone the
/// article is about, often introduced many paragraphs before.
const TITLE_BACK: usize = 30;

/// Subject pronouns (« elle a ajouté », « a-t-il dit », "he said") take the actor of the last
/// person of their gender named in the three sentences before; a resolved pronoun is itself
/// an antecedent for the next one.
fn pronouns(doc: &Doc, lex: &ActorLexicon, ents: &mut Vec<Entity>) {
    let mut people = antecedents(doc, lex, ents);
    let mut new = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        if doc.in_boilerplate(*sent) {
            continue;
        }
        let toks = doc.sentence_tokens(si);
        for (k, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            // the words around only rule a pronoun out, so a word that is no pronoun without
            // them is none with them: fold them only for a pronoun, not for every word
            let word = doc.slice(t.span);
            // the word's fold is read from the folded text rather than built
            let folded = doc.norm.folded_span(t.span);
            let pronoun = |prev: Option<&str>, next: Option<&str>| match folded {
                Some(f) => lex
                    .gender
                    .pronoun_folded(&doc.lang, word, f, t.span.start, prev, next),
                None => lex
                    .gender
                    .pronoun(&doc.lang, word, t.span.start, prev, next),
            };
            if pronoun(None, None).is_none() {
                continue;
            }
            let word_at = |j: usize| {
                toks.get(j)
                    .filter(|x| x.kind == TokenKind::Word)
                    .map(|x| fold(doc.slice(x.span)))
            };
            let prev = k.checked_sub(1).and_then(word_at);
            let next = word_at(k + 1);
            let Some(p) = pronoun(prev.as_deref(), next.as_deref()) else {
                continue;
            };
            let Some(a) = antecedent(
                doc,
                &people,
                p.start,
                Some(p.gender),
                PRONOUN_BACK,
                true,
                |_| true,
            ) else {
                continue;
            };
            if unknown_subject_before(doc, ents, a.start) {
                continue;
            }
            let actor = a.actor.clone();
            new.push(Entity {
                span: Span::new(p.start, p.end),
                etype: EntityType::PER,
                actor: Some(actor.clone()),
                rule: "pronoun".into(),
                nominal: true,
            });
            let at = people.partition_point(|x| x.start <= p.start);
            people.insert(
                at,
                Antecedent {
                    start: p.start,
                    actor,
                    gender: Some(p.gender),
                    complement: false,
                },
            );
        }
    }
    ents.extend(new);
}

/// A title with no country after a definite article (« le Premier ministre », « la
/// ministre », "the president") names a person met before: it takes the actor of the last
/// person of that role (and of the article's gender in French) named in the three sentences
/// before. Titles that say whose they are were coded by `compose` and are left alone.
fn titles(doc: &Doc, lex: &ActorLexicon, ents: &mut [Entity]) {
    let people = antecedents(doc, lex, ents);
    for e in ents.iter_mut() {
        let Some(role) = e
            .actor
            .as_ref()
            .filter(|a| a.country.is_none() && a.code.len() == 3)
            .map(|a| a.code.clone())
        else {
            continue;
        };
        // « le président Emmanuel Macron »: the title belongs to the name after it
        if !e.nominal
            || e.etype != EntityType::PER
            || e.rule == "pronoun"
            || names_follow(doc.text.get(e.span.end..).unwrap_or(""))
        {
            continue;
        }
        let before = doc.text.get(..e.span.start).unwrap_or("").trim_end();
        let article = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .map(fold)
            .unwrap_or_default();
        let gender = match article.as_str() {
            "le" => Some(Gender::Male),
            "la" => Some(Gender::Female),
            "l'" | "the" => None,
            _ => continue,
        };
        let fits = |p: &Antecedent| p.actor.role.as_deref() == Some(role.as_str());
        if let Some(a) = antecedent(doc, &people, e.span.start, gender, TITLE_BACK, false, fits) {
            e.actor = Some(a.actor.clone());
            e.rule = format!("title-coref ({})", e.rule);
        }
    }
}

/// « le président Emmanuel Macron », "President Obama": a title with no country of its own
/// glued to a coded name is that person's title and takes the person's actor, so that an event
/// whose argument rules meet the title first (it starts first) reads the person's code, not
/// the bare role (which would take the document's home country).
fn titles_of_names(doc: &Doc, ents: &mut [Entity]) {
    let named: Vec<(Span, Actor)> = ents
        .iter()
        .filter(|e| e.etype == EntityType::PER && !e.nominal)
        .filter_map(|e| {
            let a = e.actor.clone()?;
            (!a.code.is_empty() && a.country.is_some()).then_some((e.span, a))
        })
        .collect();
    for e in ents.iter_mut() {
        let bare = e
            .actor
            .as_ref()
            .is_some_and(|a| a.country.is_none() && a.role.is_some());
        if !e.nominal || e.etype != EntityType::PER || e.rule == "pronoun" || !bare {
            continue;
        }
        let Some((_, actor)) = named.iter().find(|(s, _)| {
            s.start >= e.span.end
                && doc
                    .text
                    .get(e.span.end..s.start)
                    .is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace))
        }) else {
            continue;
        };
        e.actor = Some(actor.clone());
        e.rule = format!("title-of-name ({})", e.rule);
    }
}

/// « son homologue allemande Ursula von der Leyen », "his German counterpart X": a person of
/// the lexicon with no code on the document's date, or coded outside every term ("Bulgarian
/// President Todor Zhivkov" in a story the dictionary's terms do not reach), takes the code of
/// a title with a country glued before the name (the title says what the person was then),
/// keeping the name.
fn uncoded_people_take_their_title(doc: &Doc, ents: &mut [Entity]) {
    let titles: Vec<(Span, Actor)> = ents
        .iter()
        .filter(|e| e.etype == EntityType::PER && e.nominal)
        .filter_map(|e| {
            let a = e.actor.clone()?;
            (!a.code.is_empty() && a.country.is_some()).then_some((e.span, a))
        })
        .collect();
    for e in ents.iter_mut() {
        if e.nominal || e.etype != EntityType::PER {
            continue;
        }
        let out = out_of_term(e);
        let Some(a) = e.actor.as_mut().filter(|a| a.code.is_empty() || out) else {
            continue;
        };
        let Some((_, title)) = titles.iter().find(|(s, _)| {
            s.end <= e.span.start
                && doc
                    .text
                    .get(s.end..e.span.start)
                    .is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace))
        }) else {
            continue;
        };
        a.code.clone_from(&title.code);
        a.country.clone_from(&title.country);
        a.role.clone_from(&title.role);
        e.rule = format!("title-before-name ({})", e.rule);
    }
}

/// Is this person of the lexicon coded outside their terms (a former or future official)?
fn out_of_term(e: &Entity) -> bool {
    !e.nominal
        && e.etype == EntityType::PER
        && (e.rule.ends_with("(former)") || e.rule.ends_with("(before term)"))
}

/// "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded": a person of the
/// lexicon coded outside every term (the terms say what they did before or after the
/// document's date, not now) takes the code of an apposition after the name, which says what
/// they are on that day: a coded description with a country, or an international or
/// non-governmental body named right after the comma.
fn out_of_term_people_take_their_apposition(doc: &Doc, ents: &mut [Entity]) {
    let around = Around::new(ents);
    let mut found: Vec<(usize, Actor, String)> = Vec::new();
    for (k, e) in ents.iter().enumerate() {
        if !out_of_term(e) {
            continue;
        }
        let Some(d) = around.after(doc, e.span.end, true) else {
            continue;
        };
        let Some(gap) = doc.text.get(e.span.end..d.span.start) else {
            continue;
        };
        let Some(a) = d.actor.as_ref().filter(|a| !a.code.is_empty()) else {
            continue;
        };
        let body = !d.nominal
            && d.etype == EntityType::ORG
            && ["IGO", "NGO"].iter().any(|p| a.code.starts_with(p));
        // a description followed by a name is that name's (« …, la porte-parole, Maria
        // Zakharova »); a body's name may go on with a title ("United Nations Emergency
        // Relief Coordinator")
        let own = describes(d)
            && a.country.is_some()
            && !names_follow(doc.text.get(d.span.end..).unwrap_or(""));
        if !(own || body) || !gap.contains(',') {
            continue;
        }
        let mut a = a.clone();
        a.name = e.actor.as_ref().and_then(|x| x.name.clone());
        found.push((k, a, format!("apposition ({})", d.rule)));
    }
    for (k, a, rule) in found {
        if let Some(e) = ents.get_mut(k) {
            e.actor = Some(a);
            e.rule = rule;
        }
    }
}

pub(super) fn resolve(doc: &Doc, lex: &ActorLexicon, hits: &[Hit], ents: &mut Vec<Entity>) {
    let others = lexicon_people(doc, lex, hits, ents);
    appositions(doc, lex, ents);
    out_of_term_people_take_their_apposition(doc, ents);
    coref(doc, ents, &others);
    titles_of_names(doc, ents);
    uncoded_people_take_their_title(doc, ents);
    titles(doc, lex, ents);
    pronouns(doc, lex, ents);
}

#[cfg(test)]
mod tests {
    use crate::doc::Span;

    #[test]
    fn a_title_that_opens_no_sentence_leaves_the_pronoun_resolved() {
        // « en dirigeant affaibli »: a title after a preposition names no new subject, so the
        // pronouns after it still go to the last man named
        let text = "Emmanuel Macron est arrivé jeudi à Bruxelles. C'est en dirigeant affaibli \
                    qu'il s'est présenté. « Je dirai mes choix », a-t-il déclaré.";
        let d = crate::testing::analyze("fr", "2018-12-13", text);
        let found: Vec<(Span, String)> = d
            .entities
            .iter()
            .filter(|e| e.rule == "pronoun")
            .map(|e| {
                (
                    e.span,
                    e.actor.as_ref().map(|a| a.code.clone()).unwrap_or_default(),
                )
            })
            .collect();
        let first = text.find("qu'il").unwrap() + 3;
        let second = text.find("t-il").unwrap() + 2;
        assert_eq!(
            found,
            [
                (Span::new(first, first + 2), "FRAGOV".to_string()),
                (Span::new(second, second + 2), "FRAGOV".to_string())
            ]
        );
    }
}
