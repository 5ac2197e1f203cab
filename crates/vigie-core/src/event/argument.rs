//! Source and target of an event, clause by clause: the subject (or, in the passive, the
//! « par »/"by" agent) and the object or prepositional complement named by the trigger's frame;
//! for nominal events, an actor adjective (« frappes russes », "Russian strikes"), a possessive
//! ("Russia's attack") or a complement (« l'attaque de X contre Y »).
//!
//! Actors come from `doc.entities` that carry an actor code. Clause boundaries (« que »,
//! "that", « ; ») keep reported speech apart: in « X a déclaré que Y a attaqué Z » the attack's
//! subject is sought after « que ».
// short names follow one convention here: s site, e entity, i/j token indexes, t token
#![allow(clippy::many_single_char_names)]

use super::grammar::{folded, is_word, Grammar, WordClass};
use super::trigger::{Entry, Pos, SourceSlot};
use crate::doc::{Argument, Doc, Entity, Span, Token, TokenKind};

/// What the argument rules know about one trigger occurrence.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    pub lang: &'a str,
    pub entry: &'a Entry,
    /// Tokens of the trigger's sentence.
    pub tokens: &'a [Token],
    /// Index in `tokens` of the first token of the trigger (auxiliaries included).
    pub first: usize,
    /// Index in `tokens` just past the trigger.
    pub last: usize,
    /// Passive voice (être/be + past participle).
    pub passive: bool,
    /// A bare past participle with no auxiliary (« l'aide fournie à »): no subject.
    pub bare_participle: bool,
}

/// Tokens that bound the trigger's clause: `[start, end)` indexes into `site.tokens`, and
/// whether the clause opens with a relative pronoun.
fn clause(doc: &Doc, gram: &Grammar, s: &Site) -> (usize, usize, Option<usize>) {
    let mut start = 0;
    let mut relative = None;
    for i in (0..s.first).rev() {
        let w = folded(doc, &s.tokens[i]);
        if gram.is(s.lang, WordClass::Clause, w) {
            start = i + 1;
            break;
        }
        if gram.is(s.lang, WordClass::Relative, w) {
            start = i + 1;
            relative = Some(i);
            break;
        }
    }
    let mut end = s.tokens.len();
    for i in s.last..s.tokens.len() {
        let w = folded(doc, &s.tokens[i]);
        if gram.is(s.lang, WordClass::Clause, w) || gram.is(s.lang, WordClass::Relative, w) {
            end = i;
            break;
        }
    }
    (start, end, relative)
}

/// Index of the token starting at byte `at`, if any.
fn token_index(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.span.start < at)
}

/// The preposition that governs the token at `i` (skipping determiners), if any.
fn governing_prep<'d>(doc: &'d Doc, gram: &Grammar, s: &Site, i: usize) -> Option<&'d str> {
    governing_prep_over(doc, gram, s, i, 0)
}

/// As [`governing_prep`], first skipping up to `nouns` other words: an actor adjective
/// (« les centrales ukrainiennes ») is governed through the noun it qualifies.
fn governing_prep_over<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    i: usize,
    nouns: usize,
) -> Option<&'d str> {
    let mut j = i;
    let mut skipped = 0;
    while j > 0 {
        j -= 1;
        let t = &s.tokens[j];
        if !is_word(t) {
            return None;
        }
        let w = folded(doc, t);
        if gram.is(s.lang, WordClass::Prep, w) {
            return Some(w);
        }
        if !gram.is(s.lang, WordClass::Det, w) {
            if skipped < nouns {
                skipped += 1;
                continue;
            }
            return None;
        }
    }
    None
}

fn argument(e: &Entity, rule: &'static str) -> Argument {
    Argument {
        span: e.span,
        actor: e.actor.clone(),
        rule,
    }
}

/// Actor-bearing entities in the byte range.
fn actors_in(doc: &Doc, range: Span) -> impl DoubleEndedIterator<Item = &Entity> {
    let lo = doc.entities.partition_point(|e| e.span.start < range.start);
    let hi = doc
        .entities
        .partition_point(|e| e.span.start < range.end)
        .max(lo);
    doc.entities[lo..hi]
        .iter()
        .filter(move |e| e.actor.is_some() && e.span.end <= range.end)
}

fn byte_range(s: &Site, a: usize, b: usize) -> Span {
    let start = s.tokens.get(a).map_or(usize::MAX, |t| t.span.start);
    let end = if b == 0 {
        start
    } else {
        s.tokens.get(b - 1).map_or(start, |t| t.span.end)
    };
    Span::new(start.min(end), end)
}

/// The subject: the nearest actor before the trigger in its clause that no preposition
/// governs; failing that, the nearest one; after a relative pronoun, its antecedent.
fn subject<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    cl: (usize, usize, Option<usize>),
) -> Option<(&'d Entity, &'static str)> {
    let (start, _, relative) = cl;
    if let Some(r) = relative {
        let before = byte_range(s, 0, r);
        return actors_in(doc, before)
            .next_back()
            .map(|e| (e, "relative-antecedent"));
    }
    let range = byte_range(s, start, s.first);
    let mut fallback = None;
    for e in actors_in(doc, range).rev() {
        let i = token_index(s.tokens, e.span.start);
        let over = if e.nominal && s.lang == "fr" { 2 } else { 0 };
        if governing_prep_over(doc, gram, s, i, over).is_none() {
            return Some((e, "subject"));
        }
        fallback.get_or_insert(e);
    }
    fallback.map(|e| (e, "subject-complement"))
}

/// The first actor after the trigger in its clause that the frame accepts: a direct object
/// (no preposition) when `obj` is listed, else one governed by a listed preposition.
fn complement<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    end: usize,
    accept: &[String],
    object: bool,
) -> Option<(&'d Entity, &'static str)> {
    let window_end = end.min(s.last + 14);
    let range = byte_range(s, s.last, window_end);
    for e in actors_in(doc, range) {
        let i = token_index(s.tokens, e.span.start);
        let over = if e.nominal && s.lang == "fr" { 2 } else { 0 };
        match governing_prep_over(doc, gram, s, i, over) {
            None if object => return Some((e, "object")),
            Some(p) if accept.iter().any(|a| prep_accepts(a, p)) => {
                return Some((e, "prep-complement"))
            }
            // « les déclarations des Européens »: the object's own complement, close by
            Some(p)
                if object
                    && (p == "de"
                        || p == "des"
                        || p == "du"
                        || p == "d'"
                        || p == "of"
                        || p == "by")
                    && i <= s.last + 8 =>
            {
                return Some((e, "object-complement"))
            }
            _ => {}
        }
    }
    None
}

/// Does the frame's preposition `a` accept the text's `p`? French contracts « à le » and
/// « de le » (« au Liban », « du Mali »), so a frame naming « à » or « de » takes them too.
fn prep_accepts(a: &str, p: &str) -> bool {
    a == p
        || (a == "a" && matches!(p, "au" | "aux"))
        || (a == "de" && matches!(p, "du" | "des" | "d'"))
}

/// The passive agent: the first actor after « par »/"by" in the clause, before any other
/// verb group (« arrêtés, soupçonnés d'avoir été recrutés par X »: X recruited, not arrested).
fn agent<'d>(doc: &'d Doc, gram: &Grammar, s: &Site, end: usize) -> Option<&'d Entity> {
    let end = (s.last..end)
        .find(|&i| gram.is(s.lang, WordClass::Be, folded(doc, &s.tokens[i])))
        .unwrap_or(end);
    let range = byte_range(s, s.last, end);
    actors_in(doc, range).find(|e| {
        let i = token_index(s.tokens, e.span.start);
        governing_prep(doc, gram, s, i).is_some_and(|p| gram.is(s.lang, WordClass::Agent, p))
    })
}

/// The actor of a nominal event: an adjective right after the noun (« frappes russes
/// massives »), an adjective or possessive right before it ("Russian strikes", "Russia's
/// attack"), or a « de »/"of"/"by" complement right after it.
fn nominal_source<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    end: usize,
) -> Option<(&'d Entity, &'static str)> {
    // English puts actor modifiers before the noun ("Russian strikes"), French after it
    if s.lang == "en" {
        nominal_before(doc, gram, s).or_else(|| nominal_after(doc, gram, s, end))
    } else {
        nominal_after(doc, gram, s, end).or_else(|| nominal_before(doc, gram, s))
    }
}

/// An adjective right after the noun (no preposition, no punctuation in between), or a
/// « de »/"of"/"by" complement.
fn nominal_after<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    end: usize,
) -> Option<(&'d Entity, &'static str)> {
    let mut stop = end.min(s.last + 3);
    if let Some(p) = (s.last..stop).find(|&i| s.tokens[i].kind == TokenKind::Punct) {
        stop = p;
    }
    let after = byte_range(s, s.last, stop);
    for e in actors_in(doc, after) {
        let i = token_index(s.tokens, e.span.start);
        match governing_prep(doc, gram, s, i) {
            None if e.nominal => return Some((e, "adjective")),
            Some("de" | "d'" | "du" | "des" | "of" | "by" | "par" | "from") => {
                return Some((e, "noun-complement"))
            }
            _ => {}
        }
    }
    None
}

/// The one or two words before the noun: an actor adjective or a possessive ("Russia's").
fn nominal_before<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
) -> Option<(&'d Entity, &'static str)> {
    let mut j = s.first;
    let mut steps = 0;
    while j > 0 && steps < 3 {
        j -= 1;
        steps += 1;
        let t = &s.tokens[j];
        if folded(doc, t) == "'s" {
            continue;
        }
        if t.kind == TokenKind::Punct {
            break;
        }
        if let Some(e) = doc
            .entities
            .iter()
            .find(|e| e.actor.is_some() && e.span.start <= t.span.start && t.span.end <= e.span.end)
        {
            let i = token_index(s.tokens, e.span.start);
            if governing_prep(doc, gram, s, i).is_none() || s.lang == "en" {
                return Some((e, "modifier"));
            }
            break;
        }
        if gram.is(s.lang, WordClass::Det, folded(doc, t)) {
            break;
        }
    }
    None
}

/// "demanded that Hamas renounce…", « exige que Moscou retire… », « appelle à ce que les
/// rebelles… »: with no object before it, the subject of the complement clause is what the
/// demand, warning or denial is about.
fn clause_subject<'d>(doc: &'d Doc, gram: &Grammar, s: &Site, end: usize) -> Option<&'d Entity> {
    let t = s.tokens.get(end)?;
    let w = folded(doc, t);
    if !matches!(w, "que" | "qu'" | "that") {
        return None;
    }
    // only when the verb has no object of its own before the clause; « à ce »/« de ce » only
    // carry the clause (« veiller à ce que »)
    let words_between = s.tokens[s.last..end]
        .iter()
        .filter(|t| {
            let w = folded(doc, t);
            t.kind != TokenKind::Punct
                && !gram.is(s.lang, WordClass::Adv, w)
                && !(s.lang == "fr" && matches!(w, "a" | "de" | "ce"))
        })
        .count();
    if words_between > 0 {
        return None;
    }
    let range = byte_range(s, end + 1, (end + 5).min(s.tokens.len()));
    actors_in(doc, range).find(|e| {
        let i = token_index(s.tokens, e.span.start);
        governing_prep(doc, gram, s, i).is_none()
    })
}

/// « X et Y se sont rencontrés », "X and Y clashed": with no complement, the other member
/// of a coordinated subject is the target.
fn coordinated<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    cl: (usize, usize, Option<usize>),
    subject: Span,
) -> Option<&'d Entity> {
    let (start, _, relative) = cl;
    if relative.is_some() {
        return None;
    }
    let range = byte_range(s, start, s.first);
    actors_in(doc, range).find(|e| {
        if e.span == subject || e.span.overlaps(subject) {
            return false;
        }
        let (a, b) = if e.span.end <= subject.start {
            (e.span.end, subject.start)
        } else {
            (subject.end, e.span.start)
        };
        // a conjunction between the two, and no verb-like gap: at most eight tokens
        let lo = token_index(s.tokens, a);
        let hi = token_index(s.tokens, b);
        hi > lo
            && hi - lo <= 8
            && s.tokens[lo..hi]
                .iter()
                .any(|t| gram.is(s.lang, WordClass::Conj, folded(doc, t)))
    })
}

/// « X a déclaré que Y doit… », "X said Y must…": a demand by X on Y, only when the
/// obligation stands in a que/that clause whose reporting subject is an actor.
fn reported_obligation(
    doc: &Doc,
    gram: &Grammar,
    s: &Site,
    cl: (usize, usize, Option<usize>),
) -> (Option<Argument>, Option<Argument>) {
    let (start, _, relative) = cl;
    if relative.is_some() || start == 0 {
        return (None, None);
    }
    let opener = folded(doc, &s.tokens[start - 1]);
    if !matches!(opener, "que" | "qu'" | "that") {
        return (None, None);
    }
    let target = subject(doc, gram, s, cl).map(|(a, _)| argument(a, "obligation-subject"));
    let before = byte_range(s, 0, start - 1);
    let source = actors_in(doc, before)
        .find(|e| {
            let i = token_index(s.tokens, e.span.start);
            governing_prep(doc, gram, s, i).is_none()
        })
        .map(|e| argument(e, "reporter"));
    match (source, target) {
        (Some(a), Some(b)) => (Some(a), Some(b)),
        _ => (None, None),
    }
}

/// Is the noun the object of a light verb (« mener des offensives », "launched an attack")?
fn after_light_verb(doc: &Doc, gram: &Grammar, s: &Site) -> bool {
    s.tokens[s.first.saturating_sub(3)..s.first]
        .iter()
        .any(|t| gram.is(s.lang, WordClass::Light, folded(doc, t)))
}

/// Source and target of the trigger at `site`.
pub fn assign(doc: &Doc, gram: &Grammar, s: &Site) -> (Option<Argument>, Option<Argument>) {
    let cl = clause(doc, gram, s);
    let (_, end, _) = cl;
    let e = s.entry;
    let mut source = None;
    let mut target = None;
    if e.source == SourceSlot::Reporter {
        return reported_obligation(doc, gram, s, cl);
    }
    match e.pos {
        Pos::Verb => {
            if s.passive {
                source = agent(doc, gram, s, end).map(|a| argument(a, "passive-agent"));
                if e.takes_object() {
                    target = subject(doc, gram, s, cl).map(|(a, _)| argument(a, "passive-subject"));
                }
                if target.is_none() {
                    target = complement(doc, gram, s, end, &e.targets, false)
                        .map(|(a, r)| argument(a, r));
                }
            } else {
                if e.source == SourceSlot::Subject && !s.bare_participle {
                    source = subject(doc, gram, s, cl).map(|(a, r)| argument(a, r));
                }
                if s.bare_participle {
                    source = agent(doc, gram, s, end).map(|a| argument(a, "passive-agent"));
                }
                target = complement(
                    doc,
                    gram,
                    s,
                    end,
                    &e.targets,
                    e.takes_object() && !s.bare_participle,
                )
                .map(|(a, r)| argument(a, r));
                if target.is_none() && e.takes_object() && !s.bare_participle {
                    target = clause_subject(doc, gram, s, end)
                        .map(|a| argument(a, "that-clause-subject"));
                }
                if target.is_none() {
                    target = source
                        .as_ref()
                        .and_then(|src| coordinated(doc, gram, s, cl, src.span))
                        .map(|a| argument(a, "coordinated-subject"));
                }
            }
        }
        Pos::Noun | Pos::Fixed => {
            if e.source != SourceSlot::None {
                source = nominal_source(doc, gram, s, end).map(|(a, r)| argument(a, r));
                if source.is_none() && after_light_verb(doc, gram, s) {
                    // « la Russie continue de mener des offensives »: the clause's subject
                    // acts through the noun its light verb takes
                    source =
                        subject(doc, gram, s, cl).map(|(a, _)| argument(a, "light-verb-subject"));
                }
            }
            let preps: Vec<String> = e.targets.iter().filter(|t| *t != "obj").cloned().collect();
            target = complement(doc, gram, s, end, &preps, false).map(|(a, r)| argument(a, r));
            if target.is_none() && e.takes_object() {
                // « opposition à X », "release of X": the complement right after
                target = complement(doc, gram, s, end.min(s.last + 4), &[], true)
                    .map(|(a, r)| argument(a, r));
            }
        }
    }
    if let (Some(a), Some(b)) = (&source, &target) {
        if a.span == b.span {
            target = None;
        }
    }
    (source, target)
}
