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

/// The rule of a noun's complement that both its slots accept, read as the target until
/// `venue.rs` knows whether the code takes it as the patient.
pub const PATIENT: &str = "patient-complement";

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
    /// A French gerund (« en signant »): its subject is the main clause's.
    pub gerund: bool,
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
            // « L'Iran, qui soutient le Hezbollah, a condamné… »: a comma after the relative
            // clause's own words closed it; the trigger stands in the clause around it
            if closed_relative(doc, s, i) {
                continue;
            }
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

/// Is the relative clause the pronoun at `r` opens closed before the trigger: a comma after
/// at least one word of its own (not « qui, selon la police, a attaqué », where the comma
/// opens an insert inside the relative clause)?
fn closed_relative(doc: &Doc, s: &Site, r: usize) -> bool {
    (r + 1..s.first)
        .find(|&k| doc.slice(s.tokens[k].span) == ",")
        .is_some_and(|k| k > r + 1)
}

/// Where the search for a main clause's subject stops: at the first relative pronoun of the
/// clause whose relative clause a comma closed before the trigger (« L'Iran, qui soutient le
/// Hezbollah, a condamné »: the Hezbollah is the relative clause's, the Iran the trigger's).
fn main_subject_end(doc: &Doc, gram: &Grammar, s: &Site, start: usize) -> usize {
    (start..s.first)
        .find(|&i| gram.is(s.lang, WordClass::Relative, folded(doc, &s.tokens[i])))
        .unwrap_or(s.first)
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
    governing_prep_from(doc, gram, s, i, nouns, 0)
}

/// As [`governing_prep_over`], looking no further back than token `floor`: a complement's
/// preposition stands after its verb (« a arrêté trois soldats turcs »: the auxiliary « a »
/// is not « à »).
fn governing_prep_from<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    i: usize,
    nouns: usize,
    floor: usize,
) -> Option<&'d str> {
    let mut j = i;
    let mut skipped = 0;
    while j > floor {
        j -= 1;
        let t = &s.tokens[j];
        // "of two Israelis", « à trois soldats », "up to 16 advisers": the quantity before
        // what a count counts stands between the preposition and its noun
        if t.kind == TokenKind::Number
            || in_quantity(doc, t)
            || gram.is(s.lang, WordClass::Num, folded(doc, t))
        {
            continue;
        }
        if !is_word(t) {
            return None;
        }
        let w = folded(doc, t);
        // "some of the rebel groups", « des dizaines de soldats »: the quantifier and its
        // « de »/"of" stand between the group and what governs it (nothing, for a subject)
        if gram.is(s.lang, WordClass::PartOf, w)
            && j > floor
            && s.tokens.get(j - 1).is_some_and(|q| {
                let qw = folded(doc, q);
                q.kind == TokenKind::Number
                    || gram.is(s.lang, WordClass::Num, qw)
                    || gram.is(s.lang, WordClass::Partitive, qw)
            })
        {
            j -= 1;
            continue;
        }
        if gram.is(s.lang, WordClass::Prep, w) {
            // « par des ONG », « contre des civils »: a partitive « des »/« du » after a
            // preposition is the article; the preposition before it governs
            if s.lang == "fr" && j > floor {
                let p = folded(doc, &s.tokens[j - 1]);
                if gram.is(s.lang, WordClass::Prep, p) && is_word(&s.tokens[j - 1]) {
                    return Some(p);
                }
            }
            return Some(w);
        }
        // "the invasion of South Lebanon", "in northern Syria": a compass point or a place
        // word between the preposition and the name leaves it governed
        if !gram.is(s.lang, WordClass::Det, w) && !gram.is(s.lang, WordClass::Geo, w) {
            if skipped < nouns {
                skipped += 1;
                continue;
            }
            return None;
        }
    }
    None
}

/// Is the token part of a count's quantity, before the phrase it counts?
fn in_quantity(doc: &Doc, t: &Token) -> bool {
    doc.counts
        .iter()
        .any(|c| c.span.contains(t.span) && c.object.is_none_or(|o| t.span.end <= o.start))
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
        // « les tweets dans lesquels il s'est désolidarisé », "the deal which Russia signed":
        // an actor standing free between the pronoun and the verb is the clause's own subject
        let inside = byte_range(s, r + 1, s.first);
        if let Some(e) = actors_in(doc, inside).next_back().filter(|e| {
            let i = token_index(s.tokens, e.span.start);
            governing_prep(doc, gram, s, i).is_none()
        }) {
            return Some((e, "relative-clause-subject"));
        }
        // « dans lesquels il s'est désolidarisé »: a subject pronoun that names no actor here
        // still keeps the antecedent from being the subject
        if s.tokens[r + 1..s.first]
            .iter()
            .any(|t| gram.is(s.lang, WordClass::Pron, folded(doc, t)))
        {
            return None;
        }
        let before = byte_range(s, 0, r);
        return actors_in(doc, before)
            .next_back()
            .map(|e| (e, "relative-antecedent"));
    }
    if s.gerund {
        // « X et Y ont proclamé…, en signant un traité »: the main clause's subject signs
        return first_subject(doc, gram, s, s.first).map(|e| (e, "gerund-main-subject"));
    }
    if let Some(e) = coordinated_verb_subject(doc, gram, s) {
        return Some((e, "coordinated-verb"));
    }
    if let Some(e) = inverted_speaker(doc, gram, s) {
        return Some((e, "inverted-speaker"));
    }
    match comma_subject(doc, gram, s, start) {
        CommaSubject::NotApplicable => {}
        CommaSubject::Unnamed => return None,
        CommaSubject::Head(e) => return Some((e, "apposition-head")),
    }
    if let Some(e) = pronoun_reporter(doc, gram, s, start) {
        return Some((e, "pronoun-reporter"));
    }
    let range = byte_range(s, start, main_subject_end(doc, gram, s, start));
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

/// « "…", a regretté une source européenne », '"…," warned the minister': a verb right
/// after a quotation and a comma is the speech act of the speaker named after it (the quote
/// layer's speaker), not of an actor inside the quotation.
fn inverted_speaker<'d>(doc: &'d Doc, gram: &Grammar, s: &Site) -> Option<&'d Entity> {
    let trigger_at = s.tokens.get(s.first)?.span.start;
    // only punctuation (the closing mark, a comma) between the quotation's last word and
    // the verb
    let mut j = s.first;
    while j > 0 && s.first - j < 3 && s.tokens[j - 1].kind == TokenKind::Punct {
        j -= 1;
    }
    if j == s.first {
        return None;
    }
    let lo = s.tokens.get(j.checked_sub(1)?)?.span.start;
    let q = doc
        .quotes
        .iter()
        .find(|q| q.span.end >= lo && q.span.end <= trigger_at)?;
    if let Some(speaker) = q.speaker.filter(|sp| sp.start >= trigger_at) {
        return actors_in(doc, speaker).next();
    }
    // a speech verb the quote layer does not list: the actor standing free right after
    let mut end = (s.last + 5).min(s.tokens.len());
    if let Some(p) = (s.last..end).find(|&i| s.tokens[i].kind == TokenKind::Punct) {
        end = p;
    }
    actors_in(doc, byte_range(s, s.last, end)).find(|e| {
        let i = token_index(s.tokens, e.span.start);
        let over = if e.nominal && s.lang == "fr" { 2 } else { 0 };
        governing_prep_from(doc, gram, s, i, over, s.last).is_none()
    })
}

/// The first actor of the sentence before token `before` that no preposition governs: the
/// subject of the sentence's first clause.
fn first_subject<'d>(doc: &'d Doc, gram: &Grammar, s: &Site, before: usize) -> Option<&'d Entity> {
    actors_in(doc, byte_range(s, 0, before)).find(|e| {
        let i = token_index(s.tokens, e.span.start);
        let over = if e.nominal && s.lang == "fr" { 2 } else { 0 };
        governing_prep_over(doc, gram, s, i, over).is_none()
    })
}

/// "Benin opened its borders but was refusing…", "X has refused … and has urged…": a verb
/// right after a conjunction or a clause opener, with no subject of its own, shares the
/// subject of the sentence's first clause.
fn coordinated_verb_subject<'d>(doc: &'d Doc, gram: &Grammar, s: &Site) -> Option<&'d Entity> {
    // "but was still refusing": auxiliaries and adverbs the trigger's span left out
    let mut j = s.first;
    while j > 0 && {
        let w = folded(doc, &s.tokens[j - 1]);
        gram.is(s.lang, WordClass::Adv, w) || gram.is(s.lang, WordClass::Aux, w)
    } {
        j -= 1;
    }
    let w = folded(doc, s.tokens.get(j.checked_sub(1)?)?);
    let opener = gram.is(s.lang, WordClass::Conj, w)
        || (gram.is(s.lang, WordClass::Clause, w)
            && !gram.is(s.lang, WordClass::Comp, w)
            && !gram.is(s.lang, WordClass::Cond, w)
            && w.chars().any(char::is_alphabetic));
    if !opener {
        return None;
    }
    first_subject(doc, gram, s, j - 1)
}

/// "The envoy was detained in April and expelled in May": an English participle right after
/// a conjunction, whose clause before it is passive (a form of "be" and a participle, no
/// subject of its own between), shares that passive: its subject is the one it was done to.
/// A past unlike the participle ("was arrested and gave a statement") stays active, and so
/// does one with a direct object ("were treated well and asked their governments"); the
/// caller has checked that the word may be read as a participle.
pub(super) fn passive_conjunct(
    doc: &Doc,
    gram: &Grammar,
    tokens: &[Token],
    (first, last): (usize, usize),
) -> bool {
    let Some(conj) = first.checked_sub(1) else {
        return false;
    };
    if !gram.is("en", WordClass::Conj, folded(doc, &tokens[conj])) {
        return false;
    }
    let object = tokens.get(last).is_some_and(|t| {
        let w = folded(doc, t);
        [WordClass::Det, WordClass::Num, WordClass::Pron]
            .into_iter()
            .any(|c| gram.is("en", c, w))
            || t.kind == TokenKind::Number
            || doc.entities.iter().any(|e| e.span.start == t.span.start)
    });
    !object && passive_before(doc, gram, "en", tokens, conj)
}

/// Does the clause before the conjunction at `conj` hold a passive: a form of « être »/"be"
/// followed (past adverbs) by a word of no function class, which in English ends as
/// participles do ("was detained", « a été arrêté »)? Looks back to the clause's start.
fn passive_before(doc: &Doc, gram: &Grammar, lang: &str, tokens: &[Token], conj: usize) -> bool {
    for i in (conj.saturating_sub(PASSIVE_CONJUNCT_BACK)..conj).rev() {
        let t = &tokens[i];
        let w = folded(doc, t);
        if !is_word(t)
            || gram.is(lang, WordClass::Clause, w)
            || gram.is(lang, WordClass::Relative, w)
            || gram.is(lang, WordClass::Conj, w)
        {
            return false;
        }
        if gram.is(lang, WordClass::Be, w) {
            let mut j = i + 1;
            while tokens
                .get(j)
                .is_some_and(|n| gram.is(lang, WordClass::Adv, folded(doc, n)))
            {
                j += 1;
            }
            return tokens.get(j).is_some_and(|n| {
                let v = folded(doc, n);
                j < conj
                    && is_word(n)
                    && (lang != "en" || v.ends_with("ed") || v.ends_with("en") || v.ends_with('t'))
                    && ![
                        WordClass::Det,
                        WordClass::Prep,
                        WordClass::Num,
                        WordClass::Pron,
                    ]
                    .into_iter()
                    .any(|c| gram.is(lang, c, v))
            });
        }
    }
    false
}

/// « Le diplomate a été arrêté à Londres et expulsé par la Grande-Bretagne »: a French
/// participle with no auxiliary right after a conjunction whose clause is passive shares
/// that passive's subject as the one the deed is done to.
fn coordinated_participle(doc: &Doc, gram: &Grammar, s: &Site) -> bool {
    s.first.checked_sub(1).is_some_and(|conj| {
        gram.is(s.lang, WordClass::Conj, folded(doc, &s.tokens[conj]))
            && passive_before(doc, gram, s.lang, s.tokens, conj)
    })
}

/// How many tokens back from the conjunction [`passive_conjunct`] looks for the passive.
const PASSIVE_CONJUNCT_BACK: usize = 12;

/// Commas before the trigger. "…, a rights group charged": words after the last comma with no
/// actor among them are the verb's own subject, which names no actor (nothing before the
/// comma is the subject). "Pakistan, a key ally, has refused", "…, killing three": a trigger
/// right after a comma takes the clause's first free actor.
fn comma_subject<'d>(doc: &'d Doc, gram: &Grammar, s: &Site, start: usize) -> CommaSubject<'d> {
    if !gram.is(s.lang, WordClass::CommaStop, ",") {
        return CommaSubject::NotApplicable;
    }
    let commas: Vec<usize> = (start..s.first)
        .filter(|&i| doc.slice(s.tokens[i].span) == ",")
        .collect();
    let Some(&last) = commas.last() else {
        return CommaSubject::NotApplicable;
    };
    let words = s.tokens[last + 1..s.first]
        .iter()
        .filter(|t| is_word(t) && !gram.is(s.lang, WordClass::Adv, folded(doc, t)))
        .count();
    if words > 0 {
        let after = byte_range(s, last + 1, s.first);
        return if actors_in(doc, after).next().is_none() {
            CommaSubject::Unnamed
        } else {
            CommaSubject::NotApplicable
        };
    }
    // "Pakistan, a close ally of China, refused…", "Russia shelled the port, killing…": a
    // verb right after a comma, with no subject of its own, is an apposition's head's or
    // a participle sharing the clause's subject: the first actor of the clause no
    // preposition governs (a participle's nearest actor is most often its verb's object)
    if let Some(e) = actors_in(doc, byte_range(s, start, last)).find(|e| {
        let i = token_index(s.tokens, e.span.start);
        governing_prep(doc, gram, s, i).is_none()
    }) {
        return CommaSubject::Head(e);
    }
    CommaSubject::NotApplicable
}

/// What the commas before a trigger say of its subject.
enum CommaSubject<'d> {
    /// No comma rule applies.
    NotApplicable,
    /// The subject is the words after the last comma, and they name no actor.
    Unnamed,
    /// The clause's first free actor, before an apposition or a participial phrase.
    Head(&'d Entity),
}

/// « X a annoncé qu'il retirera… », "X announced that it will withdraw…": a pronoun subject
/// right after the complementizer is the reporting clause's subject.
fn pronoun_reporter<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    start: usize,
) -> Option<&'d Entity> {
    let opener = folded(doc, s.tokens.get(start.checked_sub(1)?)?);
    if !gram.is(s.lang, WordClass::Comp, opener) {
        return None;
    }
    let segment = &s.tokens[start..s.first];
    let pronoun = segment
        .iter()
        .any(|t| gram.is(s.lang, WordClass::Pron, folded(doc, t)));
    if !pronoun
        || actors_in(doc, byte_range(s, start, s.first))
            .next()
            .is_some()
    {
        return None;
    }
    first_subject(doc, gram, s, start - 1)
}

/// The subject pronoun right before the verb, past the adverbs, negation and auxiliaries the
/// trigger's span left out and, in French, object clitics (« ils l'ont accusé »): its token
/// index, when no entity already stands on it (a person the mention layer resolved).
fn bare_pronoun(doc: &Doc, gram: &Grammar, s: &Site) -> Option<usize> {
    let mut j = s.first;
    while j > 0 && {
        let w = folded(doc, &s.tokens[j - 1]);
        gram.is(s.lang, WordClass::Adv, w)
            || (gram.is(s.lang, WordClass::Aux, w) && !gram.is(s.lang, WordClass::First, w))
            || (s.lang == "fr" && gram.is(s.lang, WordClass::Det, w))
    } {
        j -= 1;
    }
    let i = j.checked_sub(1)?;
    let t = &s.tokens[i];
    let w = folded(doc, t);
    let pronoun = [
        WordClass::First,
        WordClass::Anaphor,
        WordClass::Personal,
        WordClass::Neuter,
    ]
    .into_iter()
    .any(|c| gram.is(s.lang, c, w));
    let resolved = doc
        .entities
        .iter()
        .any(|e| e.actor.is_some() && e.span.contains(t.span));
    (pronoun && !resolved).then_some(i)
}

/// Whom an unresolved subject pronoun stands for. « nous »/"we" inside a quotation: its
/// speaker ('"We warn them," the spokesman said'). « ils », "they", "it", « il », "he": the
/// subject of the first clause of the nearest of the sentences before that has one
/// (« Les ministres se sont réunis. Ils ont demandé… »), a person for « il »/"he"/"she"
/// (whom person coreference did not find), anything but a person for "it"; a sentence that
/// itself opens with an unresolved pronoun is passed over to the one before.
fn pronoun_subject(doc: &Doc, gram: &Grammar, s: &Site) -> Option<Argument> {
    let i = bare_pronoun(doc, gram, s)?;
    let t = &s.tokens[i];
    let w = folded(doc, t);
    if gram.is(s.lang, WordClass::First, w) {
        let q = doc.quotes.iter().find(|q| q.span.contains(t.span))?;
        let speaker = q.speaker?;
        if let Some(e) = actors_in(doc, speaker).next() {
            return Some(argument(e, "quote-speaker"));
        }
        return q.speaker_actor.clone().map(|actor| Argument {
            span: speaker,
            actor: Some(actor),
            rule: "quote-speaker",
        });
    }
    let person = gram.is(s.lang, WordClass::Personal, w);
    let thing = gram.is(s.lang, WordClass::Neuter, w);
    let plural = gram.is(s.lang, WordClass::Anaphor, w);
    if !person && !thing && !plural {
        return None;
    }
    let fits = |e: &Entity| {
        let per = e.etype == crate::doc::EntityType::PER;
        (!person || per) && (!thing || !per)
    };
    let si = doc.sentence_at(t.span.start)?;
    let mut k = si;
    let mut back = 0;
    while k > 0 && back < PRONOUN_BACK {
        k -= 1;
        back += 1;
        if doc.in_boilerplate(doc.sentences[k]) {
            continue;
        }
        let tokens = doc.sentence_tokens(k);
        let before = Site { tokens, ..*s };
        // the first clause: up to its first clause opener or complementizer
        let end = tokens
            .iter()
            .position(|x| {
                let w = folded(doc, x);
                gram.is(s.lang, WordClass::Clause, w)
                    || gram.is(s.lang, WordClass::Relative, w)
                    || gram.is(s.lang, WordClass::Comp, w)
            })
            .unwrap_or(tokens.len());
        let found = actors_in(doc, byte_range(&before, 0, end)).find(|e| {
            let j = token_index(tokens, e.span.start);
            let over = if e.nominal && s.lang == "fr" { 2 } else { 0 };
            governing_prep_over(doc, gram, &before, j, over).is_none()
        });
        if let Some(e) = found {
            // « Ils ont appelé… », "They called on…": a plural pronoun stands for a group,
            // not for one person named alone (an observer who "joined the talks"): the
            // search goes on to the sentence before
            if plural && lone_person(doc, gram, s.lang, tokens, e) {
                continue;
            }
            return fits(e).then(|| argument(e, "pronoun-antecedent"));
        }
        // « Ils ont conclu que… »: a sentence whose subject is itself a pronoun passes
        // the search on to the sentence before; any other subject that names no actor stops it
        let opener = tokens.iter().find(|x| is_word(x));
        let pronoun_opens = opener.is_some_and(|x| {
            let w = folded(doc, x);
            gram.is(s.lang, WordClass::Anaphor, w)
                || gram.is(s.lang, WordClass::Personal, w)
                || gram.is(s.lang, WordClass::Neuter, w)
        });
        if !pronoun_opens {
            return None;
        }
    }
    None
}

/// Is `e` one person named alone: a person with no conjunction joining another name to it
/// (« X et ses homologues », "X, Y and Z" are a group a plural pronoun may stand for)?
fn lone_person(doc: &Doc, gram: &Grammar, lang: &str, tokens: &[Token], e: &Entity) -> bool {
    // a common noun in the plural (« les dirigeants grecs », "the leaders") is a group
    let plural_noun = e.nominal && doc.slice(e.span).ends_with(['s', 'x']);
    if e.etype != crate::doc::EntityType::PER || plural_noun {
        return false;
    }
    let after = token_index(tokens, e.span.end);
    let before = token_index(tokens, e.span.start);
    let conj = |t: &Token| gram.is(lang, WordClass::Conj, folded(doc, t));
    let joined_after = tokens[after.min(tokens.len())..(after + 4).min(tokens.len())]
        .iter()
        .take_while(|t| is_word(t) || doc.slice(t.span) == ",")
        .any(conj);
    let joined_before = tokens[before.saturating_sub(2)..before.min(tokens.len())]
        .iter()
        .any(conj);
    !joined_after && !joined_before
}

/// How many sentences back an unresolved subject pronoun looks for its actor.
const PRONOUN_BACK: usize = 3;

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
    let mut window_end = end.min(s.last + 14);
    // "confiscated weapons from the groups, the army said": a comma after the complement
    // ends it; one after the verb and a date or adverb only closes an inserted phrase
    // (« a qualifié ce jeudi, les déclarations »)
    if let Some(p) = (s.last..window_end).find(|&i| {
        gram.is(s.lang, WordClass::CommaStop, doc.slice(s.tokens[i].span))
            && s.tokens[s.last..i].iter().any(|t| {
                is_word(t)
                    && !gram.is(s.lang, WordClass::Adv, folded(doc, t))
                    && !doc.times.iter().any(|x| x.span.contains(t.span))
            })
    }) {
        window_end = p;
    }
    // « accusent X d'être responsables »: an auxiliary after a preposition opens an
    // infinitive clause; the verb's complements stand before it (French only for now: the
    // English side is tuned separately)
    if let Some(p) = (s.last + 1..window_end)
        .filter(|_| s.lang == "fr")
        .find(|&i| {
            let w = folded(doc, &s.tokens[i]);
            let prev = folded(doc, &s.tokens[i - 1]);
            (gram.is(s.lang, WordClass::Be, w)
                || (gram.is(s.lang, WordClass::Aux, w) && !gram.is(s.lang, WordClass::Prep, w)))
                && (gram.is(s.lang, WordClass::Prep, prev) || gram.is(s.lang, WordClass::Inf, prev))
        })
    {
        window_end = p;
    }
    // "met envoys and has accused Hamas…", « a rencontré des émissaires et a accusé le
    // Hamas »: a conjunction followed by an auxiliary, an adverb or a subject pronoun
    // coordinates another verb, whose complements are its own
    if let Some(p) = (s.last + 1..window_end).find(|&i| {
        gram.is(s.lang, WordClass::Conj, folded(doc, &s.tokens[i]))
            && opens_verb(doc, gram, s, i + 1)
    }) {
        window_end = p;
    }
    // "urged them to release the prisoners": after a word of the verb's own, an infinitive
    // opens another verb whose complements are its own; the embedded event's actors are
    // weighed in `embed.rs`
    if let Some(p) = (s.last + 1..window_end)
        .find(|&i| infinitive_at(doc, gram, s, i) && addressee_before(doc, gram, s, i))
    {
        window_end = p;
    }
    let range = byte_range(s, s.last, window_end);
    for e in actors_in(doc, range) {
        let i = token_index(s.tokens, e.span.start);
        let over = if e.nominal && s.lang == "fr" { 2 } else { 0 };
        let governed = governing_prep_from(doc, gram, s, i, over, s.last)
            .or_else(|| phrase_prep(doc, gram, s, i));
        match governed {
            None if object => return Some((e, "object")),
            Some(p) if accept.iter().any(|a| prep_accepts(gram, s.lang, a, p)) => {
                return Some((e, "prep-complement"))
            }
            // « les déclarations des Européens »: the object's own complement, close by
            Some(p)
                if object
                    && (gram.is(s.lang, WordClass::Of, p)
                        || gram.is(s.lang, WordClass::Agent, p))
                    && i <= s.last + 8 =>
            {
                return Some((e, "object-complement"))
            }
            // "threatened further action against Russia", « a menacé de représailles contre
            // Moscou »: a deed the object names is aimed at whom its aiming preposition names
            Some(p) if object && gram.is(s.lang, WordClass::Aim, p) && i <= s.last + 8 => {
                return Some((e, "object-aim"))
            }
            // "denounced the deal between Turkey and Libya": its first party (the other one
            // when the first is the source's own, `assign`)
            Some(p) if object && gram.is(s.lang, WordClass::Between, p) && i <= s.last + 8 => {
                return Some((e, BETWEEN_FIRST))
            }
            _ => {}
        }
    }
    None
}

/// Do the words between the verb and token `i` hold one of the verb's own ("urged them to",
/// "asked the two sides to"), not only a date or an adverb ("threatened today to", "vowed
/// not to")?
fn addressee_before(doc: &Doc, gram: &Grammar, s: &Site, i: usize) -> bool {
    s.tokens[s.last..i].iter().any(|t| {
        let w = folded(doc, t);
        is_word(t)
            && !gram.is(s.lang, WordClass::Adv, w)
            && !gram.is(s.lang, WordClass::Prep, w)
            && !doc.times.iter().any(|x| x.span.contains(t.span))
    })
}

/// Is token `i` an English infinitive marker ("to release"), not the preposition of a noun
/// phrase ("to the rebels", "to US forces", "to five officers", "to protesters")? The word
/// after it is a lower-case word of no function class that opens no actor and no date.
fn infinitive_at(doc: &Doc, gram: &Grammar, s: &Site, i: usize) -> bool {
    if s.lang != "en" || !gram.is(s.lang, WordClass::Inf, folded(doc, &s.tokens[i])) {
        return false;
    }
    let Some(next) = s.tokens.get(i + 1) else {
        return false;
    };
    let w = folded(doc, next);
    is_word(next)
        && next.kind != TokenKind::Number
        && doc.slice(next.span).starts_with(|c: char| c.is_lowercase())
        && ![
            WordClass::Det,
            WordClass::Num,
            WordClass::Prep,
            WordClass::Pron,
            WordClass::Geo,
            WordClass::Partitive,
        ]
        .into_iter()
        .any(|c| gram.is(s.lang, c, w))
        && !doc.entities.iter().any(|e| e.span.start == next.span.start)
        && !doc.times.iter().any(|x| x.span.contains(next.span))
}

/// "threatened action against Russia in an international television program": in English
/// an object stands before the verb's prepositional phrases, so an actor word after one,
/// inside a longer noun phrase, belongs to that phrase: the nearest preposition between the
/// verb and it. French puts objects after inserted phrases (« a condamné lundi à Paris les
/// frappes »): not there. A noun's complements keep their own bounded window.
fn phrase_prep<'d>(doc: &'d Doc, gram: &Grammar, s: &Site, i: usize) -> Option<&'d str> {
    if s.lang != "en" || s.entry.pos != Pos::Verb {
        return None;
    }
    // a quantity's words ("at least 20 soldiers") and a date's preposition ("expelled on
    // Tuesday two envoys") open no phrase
    let dated = |j: usize| {
        s.tokens
            .get(j + 1)
            .is_some_and(|n| doc.times.iter().any(|x| x.span.contains(n.span)))
    };
    (s.last..i).rev().find_map(|j| {
        let t = &s.tokens[j];
        let w = folded(doc, t);
        (gram.is(s.lang, WordClass::Prep, w)
            && !gram.is(s.lang, WordClass::Inf, w)
            && !in_quantity(doc, t)
            && !dated(j))
        .then_some(w)
    })
}

/// Does a verb group start at token `i`: a subject pronoun, or an auxiliary or adverb not
/// followed by a noun phrase (« et a accusé », not « et à la frontière », where the folded
/// « à » reads as the auxiliary)? Bare nouns coordinate too ("weapons and explosives"), so
/// only these words tell a second verb.
fn opens_verb(doc: &Doc, gram: &Grammar, s: &Site, i: usize) -> bool {
    let Some(t) = s.tokens.get(i) else {
        return false;
    };
    let w = folded(doc, t);
    if gram.is(s.lang, WordClass::Pron, w) {
        return true;
    }
    if !(gram.is(s.lang, WordClass::Aux, w) || gram.is(s.lang, WordClass::Adv, w)) {
        return false;
    }
    let Some(next) = s.tokens.get(i + 1) else {
        return false;
    };
    let n = folded(doc, next);
    let noun_phrase = next.kind == TokenKind::Number
        || [WordClass::Det, WordClass::Prep, WordClass::Num]
            .into_iter()
            .any(|c| gram.is(s.lang, c, n))
        || actors_in(doc, byte_range(s, i + 1, s.tokens.len()))
            .next()
            .is_some_and(|e| e.span.start == next.span.start);
    is_word(next) && !noun_phrase
}

/// Does the frame's preposition `a` accept the text's `p`? French contracts « à le » and
/// « de le » (« au Liban », « du Mali »), so a frame naming « à » or « de » takes them too
/// (the `dative` and `genitive` classes of `grammar.tsv`).
pub(super) fn prep_accepts(gram: &Grammar, lang: &str, a: &str, p: &str) -> bool {
    a == p
        || [WordClass::Dative, WordClass::Genitive]
            .into_iter()
            .any(|c| gram.is(lang, c, a) && gram.is(lang, c, p))
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
    // « les attaques de l'armée chilienne »: a phrase starting within the window may end
    // past it
    let after = byte_range(s, s.last, stop);
    let reach = byte_range(s, s.last, end.min(s.last + 8));
    for e in actors_in(doc, reach).filter(|e| e.span.start < after.end) {
        let i = token_index(s.tokens, e.span.start);
        match governing_prep(doc, gram, s, i) {
            None if e.nominal && e.span.end <= after.end => return Some((e, "adjective")),
            Some(p)
                if gram.is(s.lang, WordClass::Of, p) || gram.is(s.lang, WordClass::Agent, p) =>
            {
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
        let t = &s.tokens[j];
        // "Trump's July 25 phone call": a date between the possessive and the noun
        if doc.times.iter().any(|x| x.span.contains(t.span)) {
            continue;
        }
        steps += 1;
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
    if !gram.is(s.lang, WordClass::Comp, folded(doc, t)) {
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
                && !gram.is(s.lang, WordClass::Carrier, w)
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

/// "Cyprus, which Turkey does not recognize": a relative clause with a subject of its own
/// and no object after its verb has the pronoun as object, and so the antecedent; not when
/// a preposition governs the pronoun ("the talks in which Turkey took part").
fn relative_object<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    cl: (usize, usize, Option<usize>),
) -> Option<&'d Entity> {
    let r = cl.2?;
    if r > 0 && gram.is(s.lang, WordClass::Prep, folded(doc, &s.tokens[r - 1])) {
        return None;
    }
    actors_in(doc, byte_range(s, 0, r)).next_back()
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
    let range = byte_range(s, start, main_subject_end(doc, gram, s, start));
    actors_in(doc, range).find(|e| {
        if e.span == subject || e.span.overlaps(subject) {
            return false;
        }
        let (a, b) = if e.span.end <= subject.start {
            (e.span.end, subject.start)
        } else {
            (subject.end, e.span.start)
        };
        // a conjunction between the two, and no verb-like gap: at most eight tokens and no
        // auxiliary ("The UN has sent military and civilian staff": the staff are the
        // UN's object, not its partner)
        let lo = token_index(s.tokens, a);
        let hi = token_index(s.tokens, b);
        let between = s.tokens.get(lo..hi).unwrap_or_default();
        hi > lo
            && hi - lo <= 8
            && between
                .iter()
                .any(|t| gram.is(s.lang, WordClass::Conj, folded(doc, t)))
            && !between.iter().any(|t| {
                let w = folded(doc, t);
                (gram.is(s.lang, WordClass::Aux, w) && !gram.is(s.lang, WordClass::Prep, w))
                    || gram.is(s.lang, WordClass::Be, w)
            })
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
    if !gram.is(s.lang, WordClass::Comp, opener) {
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

/// « Le Pérou, attaqué par le Chili, a riposté », « les soldats tués lundi »: a participle
/// with no auxiliary qualifies the actor right before it (past one comma), the one the deed
/// is done to.
fn participle_head<'d>(doc: &'d Doc, s: &Site) -> Option<&'d Entity> {
    let mut j = s.first.checked_sub(1)?;
    if doc.slice(s.tokens[j].span) == "," {
        j = j.checked_sub(1)?;
    }
    let t = s.tokens[j].span;
    actors_in(doc, byte_range(s, 0, j + 1))
        .rev()
        .find(|e| e.span.end == t.end)
}

/// Is the noun the object of a light verb (« mener des offensives », "launched an attack")?
fn after_light_verb(doc: &Doc, gram: &Grammar, s: &Site) -> bool {
    s.tokens[s.first.saturating_sub(3)..s.first]
        .iter()
        .any(|t| gram.is(s.lang, WordClass::Light, folded(doc, t)))
}

/// The index of an `undergo` word (« fait l'objet d' », "faces", "under") standing before
/// the trigger with only a noun phrase's opening words between: the event is one the
/// clause's subject undergoes. A verb reading is accepted only with no preposition, comma or
/// auxiliary between ("faces 18 criminal charges": the noun "charges" looks like the verb).
fn undergo_word(doc: &Doc, gram: &Grammar, s: &Site) -> Option<usize> {
    let lo = s.first.saturating_sub(5);
    let u = (lo..s.first)
        .rev()
        .find(|&i| gram.is(s.lang, WordClass::Undergo, folded(doc, &s.tokens[i])))?;
    // "came under an Iranian attack", "the target of a drone strike": a determiner between
    // the two makes a verb entry's word the noun it spells
    let determined = s.tokens[u + 1..s.first]
        .iter()
        .any(|t| gram.is(s.lang, WordClass::Det, folded(doc, t)));
    let verb = s.entry.pos == Pos::Verb && !determined;
    if verb && gram.is(s.lang, WordClass::Prep, folded(doc, &s.tokens[u])) {
        return None;
    }
    let clean = s.tokens[u + 1..s.first].iter().all(|t| {
        let w = folded(doc, t);
        let prep = gram.is(s.lang, WordClass::Prep, w);
        // a verb group, a clause or a preposition other than « de »/"of" (any, after a
        // verb) ends the noun phrase
        let breaks = gram.is(s.lang, WordClass::Aux, w)
            || gram.is(s.lang, WordClass::Clause, w)
            || gram.is(s.lang, WordClass::Relative, w)
            || (prep && (verb || !gram.is(s.lang, WordClass::Of, w)));
        (is_word(t) || t.kind == TokenKind::Number) && !breaks
    });
    // the words between name no actor of their own but a doer's adjective ("faces Russian
    // attacks"), which [`undergone`] reads
    clean.then_some(u)
}

/// "X faces charges in the US", « X fait l'objet d'une enquête en Chine », "X came under
/// Russian attack": the clause's subject is the target; the doer is an actor word between
/// the `undergo` word and the noun, else a « de »/"of"/"by" complement after it, else the
/// state named by a place complement right after it (charges are brought, an inquiry opened,
/// by the state where it happens).
fn undergone(
    doc: &Doc,
    gram: &Grammar,
    s: &Site,
    u: usize,
    end: usize,
) -> (Option<Argument>, Option<Argument>) {
    let at = Site { first: u, ..*s };
    // the subject stands right before its verb: one before a comma belongs to a clause of its
    // own (« Selon le Post, qui cite une source, M. X fait l'objet… »: not the Post)
    let target = subject(doc, gram, &at, clause(doc, gram, &at))
        .filter(|(a, _)| {
            let i = token_index(s.tokens, a.span.end);
            !s.tokens[i.min(u)..u]
                .iter()
                .any(|t| doc.slice(t.span) == ",")
        })
        .map(|(a, _)| argument(a, "undergoer"));
    let between = byte_range(s, u + 1, s.first);
    let source = actors_in(doc, between)
        .next_back()
        .map(|a| argument(a, "modifier"))
        .or_else(|| nominal_after(doc, gram, s, end).map(|(a, r)| argument(a, r)))
        .or_else(|| {
            let stop = end.min(s.last + 4);
            actors_in(doc, byte_range(s, s.last, stop))
                .find(|a| {
                    let i = token_index(s.tokens, a.span.start);
                    governing_prep(doc, gram, s, i)
                        .is_some_and(|p| gram.is(s.lang, WordClass::Loc, p))
                })
                .map(|a| argument(a, "undergo-venue"))
        });
    match (source, target) {
        (Some(a), Some(b)) if a.span == b.span => (None, Some(b)),
        pair => pair,
    }
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
    if !s.passive {
        // with no undergoer found the construction is not sure: the ordinary rules read it
        if let Some(pair @ (_, Some(_))) =
            undergo_word(doc, gram, s).map(|u| undergone(doc, gram, s, u, end))
        {
            return pair;
        }
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
                    // a subject pronoun before the verb is its subject: what it stands for
                    // wins over an actor a preposition governs
                    if source
                        .as_ref()
                        .is_none_or(|a| a.rule == "subject-complement")
                    {
                        if let Some(a) = pronoun_subject(doc, gram, s) {
                            source = Some(a);
                        }
                    }
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
                if target.is_none()
                    && e.takes_object()
                    && s.bare_participle
                    && coordinated_participle(doc, gram, s)
                {
                    target = subject(doc, gram, s, cl).map(|(a, _)| argument(a, "passive-subject"));
                }
                if target.is_none() && e.takes_object() && s.bare_participle {
                    target = participle_head(doc, s).map(|a| argument(a, "participle-head"));
                }
                if target.is_none() && e.takes_object() && !s.bare_participle {
                    target = clause_subject(doc, gram, s, end)
                        .map(|a| argument(a, "that-clause-subject"));
                }
                if target.is_none()
                    && e.takes_object()
                    && source
                        .as_ref()
                        .is_some_and(|a| a.rule == "relative-clause-subject")
                {
                    target = relative_object(doc, gram, s, cl)
                        .map(|a| argument(a, "relative-object-antecedent"));
                }
                if target.is_none() {
                    target = source
                        .as_ref()
                        .and_then(|src| coordinated(doc, gram, s, cl, src.span))
                        .map(|a| argument(a, "coordinated-subject"));
                }
            }
        }
        Pos::Noun | Pos::Fixed | Pos::Stop => {
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
            // "the invasion of Lebanon", « l'invasion du Liban »: a complement that both
            // slots of a noun accept may be the one the deed is done to (the codes marked
            // `patient` in venue.tsv decide, `venue.rs`); the doer is then a modifier
            // ("Syria's invasion of Lebanon") or a light verb's subject
            if let (Some(a), Some(b)) = (&source, &mut target) {
                if a.span == b.span && a.rule == "noun-complement" && e.pos == Pos::Noun {
                    b.rule = PATIENT;
                    source = nominal_before(doc, gram, s).map(|(a, r)| argument(a, r));
                    if source.is_none() && after_light_verb(doc, gram, s) {
                        source = subject(doc, gram, s, cl)
                            .map(|(a, _)| argument(a, "light-verb-subject"));
                    }
                }
            }
        }
    }
    if target.is_none() {
        if let Some((a, b)) = between(doc, gram, s, end) {
            if source.is_none() {
                source = Some(argument(a, BETWEEN_FIRST));
                target = Some(argument(b, "between-second"));
            } else {
                target = Some(argument(a, BETWEEN_FIRST));
            }
        }
    }
    // « Macron appelle à renforcer les liens entre la France et la Belgique »: a source that
    // is the first party's own state deals with the second
    if let (Some(src), Some(tgt)) = (&source, &mut target) {
        if tgt.rule == BETWEEN_FIRST && same_state(src, tgt) {
            if let Some(b) = second_party(doc, gram, s, tgt.span) {
                *tgt = argument(b, "between-second");
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

/// The rule of the first party a `between` preposition names.
const BETWEEN_FIRST: &str = "between-first";

/// Do two arguments name the same state (the first three letters of their codes)?
fn same_state(a: &Argument, b: &Argument) -> bool {
    let state = |x: &Argument| {
        x.actor
            .as_ref()
            .and_then(|c| c.code.get(..3))
            .map(str::to_string)
    };
    state(a).is_some() && state(a) == state(b)
}

/// The actor a conjunction joins right after the one at `first` ("Turkey and Libya").
fn second_party<'d>(doc: &'d Doc, gram: &Grammar, s: &Site, first: Span) -> Option<&'d Entity> {
    let lo = token_index(s.tokens, first.end);
    let hi = (lo + 4).min(s.tokens.len());
    let b = actors_in(doc, byte_range(s, lo, hi)).next()?;
    joined(doc, gram, s, lo, token_index(s.tokens, b.span.start)).then_some(b)
}

/// Do tokens `lo..hi` join two actors: a conjunction, with nothing but conjunctions and
/// determiners ("and the", « et l' »)?
fn joined(doc: &Doc, gram: &Grammar, s: &Site, lo: usize, hi: usize) -> bool {
    let words = s.tokens.get(lo..hi).unwrap_or_default();
    words
        .iter()
        .any(|t| gram.is(s.lang, WordClass::Conj, folded(doc, t)))
        && words.iter().all(|t| {
            let w = folded(doc, t);
            gram.is(s.lang, WordClass::Conj, w) || gram.is(s.lang, WordClass::Det, w)
        })
}

/// "a meeting between Russia and Turkey", « la médiation entre Alger et Rabat »: the two
/// parties a `between` preposition right after the trigger (past a date) names, joined by a
/// conjunction. With no subject they are source and target; a mediator who is the subject
/// ("launched a mediation between A and B") takes the first as target.
fn between<'d>(
    doc: &'d Doc,
    gram: &Grammar,
    s: &Site,
    end: usize,
) -> Option<(&'d Entity, &'d Entity)> {
    let mut j = s.last;
    while s.tokens.get(j).is_some_and(|t| {
        doc.times.iter().any(|x| x.span.contains(t.span))
            || gram.is(s.lang, WordClass::Adv, folded(doc, t))
    }) {
        j += 1;
    }
    if !gram.is(s.lang, WordClass::Between, folded(doc, s.tokens.get(j)?)) {
        return None;
    }
    let stop = end.min(j + 12);
    let mut parties = actors_in(doc, byte_range(s, j + 1, stop));
    let a = parties.next()?;
    let b = parties.next()?;
    let lo = token_index(s.tokens, a.span.end);
    let hi = token_index(s.tokens, b.span.start);
    // nothing but a conjunction and determiners between the two ("between the Emirates and
    // Saudi Arabia"), and the first right after the preposition
    let opens = s.tokens[j + 1..token_index(s.tokens, a.span.start)]
        .iter()
        .all(|t| {
            let w = folded(doc, t);
            gram.is(s.lang, WordClass::Det, w) || gram.is(s.lang, WordClass::Geo, w)
        });
    (opens && hi > lo && hi - lo <= 3 && joined(doc, gram, s, lo, hi)).then_some((a, b))
}
