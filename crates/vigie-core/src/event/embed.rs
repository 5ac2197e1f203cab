//! Events named inside another event's complement. What a demand asks for, an offer or a
//! threat promises, a refusal turns down or a ban forbids has not happened: in "X demanded a
//! truce", "X threatened to attack Y", « X a refusé de signer », the truce, the attack and the
//! signing are the content of the governing event, not events of their own. They are folded
//! into it, and it takes their actor as its target when it has none ("threatened to attack Y"
//! is a threat against Y). The governing triggers are listed by CAMEO code in
//! `events/embedding.tsv`.
//!
//! The complement also recodes its governor, as CAMEO's verb patterns do
//! (`events/compose.tsv`): "suspended talks" halts negotiations, "vowed to attack" threatens
//! force, "withdrew its peacekeepers" withdraws peacekeepers.
//!
//! A verb also absorbs a noun of its own type in its complement ("provided aid", "hosted X
//! for a meeting": one happening), and an event in a condition (« si », "if", "unless") after
//! another event is that event's condition.

use super::grammar::{folded, is_word, Grammar, WordClass};
use super::ontology::Ontology;
use crate::doc::{Argument, Doc, Event, Token, TokenKind};
use crate::lexicon::{LexiconError, PhraseMatcher, Sources};

/// Where one event's trigger stands, kept beside the event until embedding is resolved.
#[derive(Debug, Clone, Copy)]
pub struct Occurrence {
    /// The trigger is a verb (or a fixed verbal expression), not a noun.
    pub verbal: bool,
    /// The trigger is a verb entry (a noun or fixed expression is not).
    pub verb: bool,
    /// Index in the sentence's tokens of the trigger's first token (auxiliaries included).
    pub first: usize,
    /// Index of the trigger's own first word (« agree » in "must agree").
    pub head: usize,
    /// Index just past the trigger.
    pub last: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Takes {
    All,
    Verb,
}

#[derive(Debug, Clone)]
enum Complement {
    /// An event whose CAMEO code starts with this (`@v`: a verb only, "vowed to attack" but
    /// not "agreed to postpone the demonstration").
    Event(String, bool),
    /// A word or phrase (index into the language's matcher payloads).
    Word,
}

#[derive(Debug, Clone)]
struct Compose {
    lang: String,
    governor: String,
    complement: Complement,
    result: String,
    at: String,
}

/// The compiled embedding rules.
#[derive(Debug, Clone)]
pub struct Embedding {
    governors: Vec<(String, Takes)>,
    compose: Vec<Compose>,
    words_fr: PhraseMatcher,
    words_en: PhraseMatcher,
}

const GOVERNORS: &str = "events/embedding.tsv";
const COMPOSE: &str = "events/compose.tsv";
/// How many tokens after a trigger its complement may run.
const WINDOW: usize = 16;
/// How many tokens of the complement a compose word may stand in.
const WORD_WINDOW: usize = 6;

impl Embedding {
    pub fn load(src: &Sources, ontology: &Ontology) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut governors = Vec::new();
        match src.table(GOVERNORS) {
            Err(e) => errors.push(e),
            Ok(t) => match t.cols(&["cameo", "takes"]) {
                Err(e) => errors.push(e),
                Ok(c) => {
                    for r in &t.rows {
                        let takes = match r.get(c[1]) {
                            "all" => Takes::All,
                            "verb" => Takes::Verb,
                            x => {
                                errors.push(t.error(r, format!("takes is all or verb, not `{x}`")));
                                continue;
                            }
                        };
                        let code = r.get(c[0]);
                        if ontology.get(code).is_none() {
                            errors.push(t.error(r, format!("unknown CAMEO code `{code}`")));
                            continue;
                        }
                        governors.push((code.to_string(), takes));
                    }
                }
            },
        }
        let mut compose = Vec::new();
        let mut fr = Vec::new();
        let mut en = Vec::new();
        match src.table(COMPOSE) {
            Err(e) => errors.push(e),
            Ok(t) => match t.cols(&["lang", "governor", "complement", "result"]) {
                Err(e) => errors.push(e),
                Ok(c) => {
                    for r in &t.rows {
                        let lang = r.get(c[0]);
                        let (governor, comp, result) = (r.get(c[1]), r.get(c[2]), r.get(c[3]));
                        for code in [governor, result] {
                            if ontology.get(code).is_none() {
                                errors.push(t.error(r, format!("unknown CAMEO code `{code}`")));
                            }
                        }
                        let complement = if let Some(p) = comp.strip_prefix('@') {
                            let (p, verb_only) =
                                p.strip_prefix('v').map_or((p, false), |q| (q, true));
                            if ontology.get(p).is_none() {
                                errors.push(t.error(r, format!("unknown CAMEO code `{p}`")));
                            }
                            Complement::Event(p.to_string(), verb_only)
                        } else {
                            let idx = compose.len() as u32;
                            match lang {
                                "fr" => fr.push((comp.to_string(), idx)),
                                "en" => en.push((comp.to_string(), idx)),
                                l => {
                                    errors.push(t.error(
                                        r,
                                        format!("a word needs its language (fr, en), not `{l}`"),
                                    ));
                                    continue;
                                }
                            }
                            Complement::Word
                        };
                        if !matches!(lang, "fr" | "en" | "*") {
                            errors.push(t.error(r, format!("unknown language `{lang}`")));
                            continue;
                        }
                        compose.push(Compose {
                            lang: lang.to_string(),
                            governor: governor.to_string(),
                            complement,
                            result: result.to_string(),
                            at: t.at(r),
                        });
                    }
                }
            },
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            governors,
            compose,
            words_fr: PhraseMatcher::new(fr),
            words_en: PhraseMatcher::new(en),
        })
    }

    fn governs(&self, cameo: &str, embedded_is_verb: bool) -> bool {
        self.governors
            .iter()
            .filter(|(p, _)| cameo.starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .is_some_and(|(_, t)| *t == Takes::All || embedded_is_verb)
    }

    /// Fold embedded events into their governors; keep each survivor with its occurrence.
    pub fn fold_in(
        &self,
        doc: &Doc,
        gram: &Grammar,
        ontology: &Ontology,
        events: Vec<Event>,
        occ: Vec<Occurrence>,
    ) -> Vec<(Event, Occurrence)> {
        let lang = doc.lang.as_str();
        let words = if lang == "fr" {
            &self.words_fr
        } else {
            &self.words_en
        };
        let found = words.find_all(&doc.norm);
        let mut events = events;
        let n = events.len().min(occ.len());
        let mut gone = vec![false; n];
        for g in 0..n {
            // an event that names no actor is not coded: it swallows nothing
            // (« Le Chili doit sanctionner le Pérou »: the sanction stays)
            if gone[g]
                || (prefix(events[g].source.as_ref()).is_none()
                    && prefix(events[g].target.as_ref()).is_none())
            {
                continue;
            }
            let tokens = doc.sentence_tokens(events[g].sentence);
            let o = occ[g];
            let end = complement_end(doc, gram, lang, tokens, o.last);
            if end <= o.last {
                continue;
            }
            // a listed word in the first words of the complement recodes the trigger
            let word_end = end.min(o.last + WORD_WINDOW);
            let (lo, hi) = (tokens[o.last].span.start, tokens[word_end - 1].span.end);
            let word = found.iter().find_map(|m| {
                (m.span.start >= lo && m.span.end <= hi)
                    .then(|| {
                        m.payloads.iter().find_map(|&p| {
                            self.compose.get(p as usize).filter(|c| {
                                c.lang == lang && events[g].cameo.starts_with(c.governor.as_str())
                            })
                        })
                    })
                    .flatten()
                    .map(|c| (c, m.span))
            });
            if let Some((c, span)) = word {
                recode(&mut events[g], ontology, &c.result, &c.at);
                word_target(doc, gram, lang, tokens, &mut events[g], span);
                for (e, flag) in gone.iter_mut().enumerate() {
                    if e != g && events[e].trigger.overlaps(span) {
                        *flag = true;
                    }
                }
            }
            for e in g + 1..n {
                if gone[e] || events[e].sentence != events[g].sentence {
                    continue;
                }
                let at = occ[e].head;
                if at < o.last || at >= end {
                    continue;
                }
                let same_type = o.verbal && events[e].plover == events[g].plover;
                let rule = if o.verbal {
                    self.compose.iter().find(|c| {
                        matches!(&c.complement, Complement::Event(p, verb_only)
                            if events[e].cameo.starts_with(p.as_str()) && (!verb_only || occ[e].verb))
                            && (c.lang == "*" || c.lang == lang)
                            && events[g].cameo.starts_with(c.governor.as_str())
                    })
                } else {
                    None
                };
                let governs = o.verbal && self.governs(&events[g].cameo, occ[e].verb);
                if !(same_type || governs || rule.is_some()) {
                    continue;
                }
                gone[e] = true;
                let inner = events[e].clone();
                if let Some(c) = rule {
                    recode(&mut events[g], ontology, &c.result, &c.at);
                }
                // "refused to deploy peacekeepers in Iraq": what follows an infinitive is the
                // embedded verb's, so its target is the governor's
                // (a verb coordinated after the governor, « arrêtés et placés en détention »,
                // is no infinitive of it)
                let infinitive = occ[e].verb
                    && at <= o.last + 1
                    && !tokens.get(o.last).is_some_and(|t| {
                        at > o.last && gram.is(lang, WordClass::Conj, folded(doc, t))
                    });
                if infinitive && prefix(inner.target.as_ref()).is_some() {
                    events[g].target = None;
                }
                // the recoding word's own complement first ("a visit to Haiti"), then what the
                // embedded event names
                if rule.is_some() {
                    word_target(doc, gram, lang, tokens, &mut events[g], inner.trigger);
                }
                // "urged them to release the prisoners": the one asked is the governor's
                // target, named or not; the prisoners are the release's
                let addressed =
                    occ[e].verb && addressee(doc, gram, lang, tokens, o.last, occ[e].first);
                inherit(&mut events[g], &inner, same_type, !addressed);
            }
        }
        // a condition after an event belongs to it: « boycottera … à moins que X accepte »
        for e in 0..n {
            if gone[e] {
                continue;
            }
            let tokens = doc.sentence_tokens(events[e].sentence);
            let Some(cond) = condition_before(doc, gram, lang, tokens, occ[e].first) else {
                continue;
            };
            let cond_at = tokens[cond].span.start;
            let governed = (0..e).any(|g| {
                !gone[g]
                    && events[g].sentence == events[e].sentence
                    && events[g].trigger.end <= cond_at
            });
            if governed {
                gone[e] = true;
            }
        }
        events
            .into_iter()
            .zip(occ)
            .zip(gone)
            .filter(|(_, g)| !*g)
            .map(|(x, _)| x)
            .collect()
    }
}

/// The index just past a trigger's complement: the complement ends at a comma, a relative
/// pronoun, a condition, a clause opener other than a complementizer, a conjunction before
/// an auxiliary ("… and has urged"), or after `WINDOW` tokens.
pub fn complement_end(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    tokens: &[Token],
    last: usize,
) -> usize {
    let limit = (last + WINDOW).min(tokens.len());
    for i in last..limit {
        let t = &tokens[i];
        let w = folded(doc, t);
        if t.kind == TokenKind::Punct && matches!(doc.slice(t.span), "," | ";" | ":" | "—" | "–")
        {
            return i;
        }
        let opener = gram.is(lang, WordClass::Clause, w) && !gram.is(lang, WordClass::Comp, w);
        if opener || gram.is(lang, WordClass::Relative, w) || gram.is(lang, WordClass::Cond, w) {
            return i;
        }
        if gram.is(lang, WordClass::Conj, w)
            && tokens
                .get(i + 1)
                .is_some_and(|n| gram.is(lang, WordClass::Aux, folded(doc, n)))
        {
            return i;
        }
    }
    limit
}

/// The condition word opening the clause the token at `first` stands in, if any (looking
/// back at most `WINDOW` tokens, not across a semicolon or another clause opener).
fn condition_before(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    tokens: &[Token],
    first: usize,
) -> Option<usize> {
    let lo = first.saturating_sub(WINDOW);
    for i in (lo..first.min(tokens.len())).rev() {
        let w = folded(doc, &tokens[i]);
        if gram.is(lang, WordClass::Cond, w) {
            return Some(i);
        }
        let opener = gram.is(lang, WordClass::Clause, w) || gram.is(lang, WordClass::Relative, w);
        if opener || matches!(doc.slice(tokens[i].span), ";" | ".") {
            return None;
        }
    }
    None
}

fn recode(e: &mut Event, ontology: &Ontology, code: &str, at: &str) {
    let Some(c) = ontology.get(code) else { return };
    let Some(plover) = c.plover else { return };
    e.plover = plover;
    // a target the old code alone gave (the own state of an easing, the place of a deed,
    // `venue.rs`) does not carry over to the new one: « a annulé sa visite » is no concession
    if e.target
        .as_ref()
        .is_some_and(|t| matches!(t.rule, "own-state" | "venue"))
    {
        e.target = None;
        e.explain.target_rule = None;
    }
    e.cameo = code.to_string();
    e.goldstein = c.goldstein;
    e.quad_class = c.quad_class;
    e.explain.trigger_entry = format!("{} → {code} ({at})", e.explain.trigger_entry);
}

/// "cancelled a visit to Haiti", « a suspendu les négociations avec l'Iran »: once a word
/// of the complement recodes the trigger, an actor the word's own preposition introduces is
/// the target, in place of one the old code alone gave (`own-state`, `venue`). Not a « de »
/// or "of" complement, which names the word's doer (« la visite du président »), nor an agent.
fn word_target(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    tokens: &[Token],
    e: &mut Event,
    word: crate::doc::Span,
) {
    if e.target
        .as_ref()
        .is_some_and(|t| t.actor.is_some() && !matches!(t.rule, "own-state" | "venue"))
    {
        return;
    }
    let at = tokens.partition_point(|t| t.span.start < word.end);
    let mut j = at;
    // the preposition right after the word, then determiners
    let Some(prep) = tokens.get(j).map(|t| folded(doc, t)) else {
        return;
    };
    let of = gram.is(lang, WordClass::Of, prep);
    if !gram.is(lang, WordClass::Prep, prep) || gram.is(lang, WordClass::Agent, prep) || of {
        return;
    }
    j += 1;
    while tokens
        .get(j)
        .is_some_and(|t| gram.is(lang, WordClass::Det, folded(doc, t)))
    {
        j += 1;
    }
    let Some(start) = tokens.get(j).map(|t| t.span.start) else {
        return;
    };
    let Some(x) = doc
        .entities
        .iter()
        .find(|x| x.span.start == start && x.actor.is_some())
    else {
        return;
    };
    if e.source.as_ref().is_some_and(|s| s.span == x.span) {
        return;
    }
    e.target = Some(Argument {
        span: x.span,
        actor: x.actor.clone(),
        rule: "recoding-word-complement",
    });
    e.explain.target_rule = Some("recoding-word-complement");
}

fn prefix(a: Option<&Argument>) -> Option<&str> {
    a.and_then(|x| x.actor.as_ref())
        .and_then(|x| x.code.get(..3))
}

/// Does a noun phrase the governor takes stand between it (ending at `last`) and an embedded
/// infinitive starting at `inner_first` ("urged them to release", "asked the two sides to
/// talk", « a exhorté les rebelles à libérer », « a demandé aux rebelles de libérer »)? That
/// phrase is the one asked, so the infinitive's actors are not the governor's target. A
/// preposition, an adverb or a date right after the governor opens no such phrase ("vowed on
/// Sunday to strike", "threatened again to strike"), except the French dative (« aux »).
fn addressee(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    tokens: &[Token],
    last: usize,
    inner_first: usize,
) -> bool {
    if inner_first <= last + 1 || inner_first > last + ADDRESSEE_WORDS + 1 {
        return false;
    }
    let Some(marker) = tokens.get(inner_first - 1) else {
        return false;
    };
    let m = folded(doc, marker);
    let infinitive_marker = if lang == "fr" {
        gram.is(lang, WordClass::Dative, m) || gram.is(lang, WordClass::Genitive, m)
    } else {
        gram.is(lang, WordClass::Inf, m)
    };
    let Some(first) = tokens.get(last) else {
        return false;
    };
    let w = folded(doc, first);
    let dative = lang == "fr" && gram.is(lang, WordClass::Dative, w);
    let opens_phrase = is_word(first)
        && (dative
            || !(gram.is(lang, WordClass::Prep, w)
                || gram.is(lang, WordClass::Adv, w)
                || gram.is(lang, WordClass::Inf, w)
                || gram.is(lang, WordClass::Conj, w)
                || gram.is(lang, WordClass::Clause, w)
                || doc.times.iter().any(|x| x.span.contains(first.span))));
    infinitive_marker && opens_phrase && tokens[last..inner_first - 1].iter().all(is_word)
}

/// Words an addressee may take between its governor and the infinitive ("the two sides").
const ADDRESSEE_WORDS: usize = 6;

/// The governor takes the embedded event's actor as its target when it has none ("threatened
/// to attack Y"): the embedded target, or its source when that is another actor ("rejected
/// an invitation to a meeting of the factions"). A noun of the verb's own type gives both.
fn inherit(g: &mut Event, inner: &Event, same_type: bool, take_target: bool) {
    // the complement's source is not taken when it is the governor's own target: in "a
    // bombing killed a soldier" the soldier is the victim of both, never the doer
    let own_target = match (&inner.source, &g.target) {
        (Some(a), Some(b)) => a.span == b.span,
        _ => false,
    };
    if same_type
        && !own_target
        && prefix(g.source.as_ref()).is_none()
        && prefix(inner.source.as_ref()).is_some()
    {
        g.source.clone_from(&inner.source);
        g.explain.source_rule = Some("same-type-complement");
    }
    if !take_target || prefix(g.target.as_ref()).is_some() {
        return;
    }
    let pick = if prefix(inner.target.as_ref()).is_some() {
        inner.target.clone()
    } else if !same_type
        && prefix(inner.source.as_ref()).is_some()
        && prefix(inner.source.as_ref()) != prefix(g.source.as_ref())
    {
        inner.source.clone()
    } else {
        None
    };
    if let Some(mut t) = pick {
        if g.source.as_ref().is_some_and(|s| s.span == t.span) {
            return;
        }
        t.rule = "embedded-event";
        g.target = Some(t);
        g.explain.target_rule = Some("embedded-event");
    }
}
