//! Event coding: triggers from the per-language lexicon, arguments from the clause, status
//! from cue words and tense, then dates, places and merging within the document. Every event
//! is coded in CAMEO, with PLOVER type, Goldstein value and quad class from the ontology.

pub mod argument;
pub mod date;
pub mod domestic;
pub mod dyadic;
pub mod embed;
pub mod gap;
pub mod gapped;
pub mod grammar;
pub mod home;
pub mod inflect;
pub mod intent;
pub mod merge;
pub mod name;
pub mod object_event;
pub mod ontology;
pub mod place;
pub mod polarity;
pub mod quote_stance;
pub mod sense;
pub mod states;
pub mod status;
pub mod trigger;
pub mod venue;

use crate::doc::{Doc, Event, Explanation, Span, Status};
use crate::lexicon::matcher::longest;
use crate::lexicon::{LexiconError, PhraseMatcher, Sources};

use argument::Site;
use grammar::{folded, Grammar, WordClass};
use inflect::{Form, Inflector};
pub use ontology::Ontology;
use status::StatusCues;
use trigger::{Pos, Triggers};

/// The compiled event lexicon.
#[derive(Debug)]
pub struct EventLexicon {
    pub ontology: Ontology,
    pub fr: Triggers,
    pub en: Triggers,
    grammar: Grammar,
    status: StatusCues,
    anaphora_fr: PhraseMatcher,
    anaphora_en: PhraseMatcher,
    dating: date::Dating,
    roles: home::Roles,
    embedding: embed::Embedding,
    intents: intent::Intents,
    venues: venue::Venues,
    polarity: polarity::Polarity,
    domestic: domestic::DomesticAgents,
    senses: sense::Senses,
    dyadic: dyadic::Dyadic,
}

const ANAPHORA: &str = "events/anaphora.tsv";

impl EventLexicon {
    /// The role words and home-country rules, shared with the quote stage's speakers.
    pub(crate) fn roles(&self) -> &home::Roles {
        &self.roles
    }

    /// The function-word classes, shared with the quote stage.
    pub(crate) fn grammar(&self) -> &Grammar {
        &self.grammar
    }

    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let ontology = Ontology::load(src)?;
        let inflector = Inflector::load(src)?;
        let mut errors = Vec::new();
        let fr = Triggers::load(src, "events/fr.tsv", "fr", &inflector, &ontology);
        // hand entries first: they take precedence over the PETRARCH import
        let en = Triggers::load_layered(
            src,
            &["events/en.tsv", "events/en-petrarch.tsv"],
            "en",
            &inflector,
            &ontology,
        );
        let grammar = Grammar::load(src);
        let status = StatusCues::load(src);
        let dating = date::Dating::load(src);
        let roles = home::Roles::load(src);
        if let Err(e) = &roles {
            errors.extend(e.iter().cloned());
        }
        let embedding = embed::Embedding::load(src, &ontology);
        if let Err(e) = &embedding {
            errors.extend(e.iter().cloned());
        }
        let intents = intent::Intents::load(src, &ontology);
        if let Err(e) = &intents {
            errors.extend(e.iter().cloned());
        }
        let venues = venue::Venues::load(src);
        if let Err(e) = &venues {
            errors.extend(e.iter().cloned());
        }
        let known = |c: &str| ontology.get(c).is_some();
        let polarity = polarity::Polarity::load(src, known).unwrap_or_else(|e| {
            errors.extend(e);
            polarity::Polarity::default()
        });
        let domestic = domestic::DomesticAgents::load(src, known).unwrap_or_else(|e| {
            errors.extend(e);
            domestic::DomesticAgents::default()
        });
        let senses = sense::Senses::load(src).unwrap_or_else(|e| {
            errors.extend(e);
            sense::Senses::default()
        });
        let dyadic = dyadic::Dyadic::load(src, |p| ontology.plover_definition(p).is_some())
            .unwrap_or_else(|e| {
                errors.extend(e);
                dyadic::Dyadic::default()
            });
        let mut afr = Vec::new();
        let mut aen = Vec::new();
        match src.table(ANAPHORA) {
            Err(e) => errors.push(e),
            Ok(t) => match (t.col("lang"), t.col("phrase")) {
                (Ok(l), Ok(p)) => {
                    for r in &t.rows {
                        match r.get(l) {
                            "fr" => afr.push((r.get(p).to_string(), 0)),
                            "en" => aen.push((r.get(p).to_string(), 0)),
                            x => errors.push(t.error(r, format!("unknown language `{x}`"))),
                        }
                    }
                }
                (a, b) => errors.extend(a.err().into_iter().chain(b.err())),
            },
        }
        for e in [
            fr.as_ref().err(),
            en.as_ref().err(),
            grammar.as_ref().err(),
            status.as_ref().err(),
            dating.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        {
            errors.extend(e.iter().cloned());
        }
        match (
            fr, en, grammar, status, dating, roles, embedding, intents, venues,
        ) {
            (
                Ok(fr),
                Ok(en),
                Ok(grammar),
                Ok(status),
                Ok(dating),
                Ok(roles),
                Ok(embedding),
                Ok(intents),
                Ok(venues),
            ) if errors.is_empty() => Ok(Self {
                dating,
                roles,
                embedding,
                intents,
                venues,
                polarity,
                domestic,
                senses,
                dyadic,
                ontology,
                fr,
                en,
                grammar,
                status,
                anaphora_fr: PhraseMatcher::new(afr),
                anaphora_en: PhraseMatcher::new(aen),
            }),
            _ => Err(errors),
        }
    }

    fn triggers(&self, lang: &str) -> Option<&Triggers> {
        match lang {
            "fr" => Some(&self.fr),
            "en" => Some(&self.en),
            _ => None,
        }
    }
}

/// Which of a match's forms to read: after a determiner or preposition a noun or fixed
/// expression; otherwise a verb, a finite past before a participle when no auxiliary precedes.
/// What the words around a match say about its form.
#[derive(Debug, Clone, Copy)]
struct FormContext<'a> {
    lang: &'a str,
    /// The match's text, lower-cased, with straight apostrophes.
    original: &'a str,
    /// After a determiner or a preposition, with no auxiliary.
    nominal_context: bool,
    after_det: bool,
    has_aux: bool,
    reflexive: bool,
    /// English, after a preposition and before a word that is neither a preposition nor
    /// punctuation: an -ing form there is a gerund, a verb with its object ("accused of
    /// arming the rebels", "responded by expelling the envoy"), not a noun.
    gerund_context: bool,
}

fn pick_form(tr: &Triggers, payloads: &[u32], cx: FormContext) -> Option<trigger::FormRef> {
    let FormContext {
        lang,
        original,
        nominal_context,
        after_det,
        has_aux,
        reflexive,
        gerund_context,
    } = cx;
    let refs = payloads
        .iter()
        .filter_map(|&p| tr.forms.get(p as usize).copied());
    let refs = refs.filter(|f| {
        let Some(e) = tr.entries.get(f.entry as usize) else {
            return false;
        };
        // a finite form of a reflexive verb needs its pronoun: « s'opposent » but not
        // « opposent l'armée aux rebelles »; after a determiner a verb form is a noun
        // (« l'opposant ») unless it is a participle
        let finite = !matches!(
            f.form,
            Form::PastParticiple | Form::PresentParticiple | Form::Infinitive
        );
        let exact = tr
            .surfaces
            .get(f.surface as usize)
            .is_some_and(|x| *x == original);
        // a participle right after a determiner is a noun in both languages: « son invité »,
        // « les blessés », « l'accusé », "the wounded"; after a preposition it may still be
        // a verb (« des civils tués par »)
        // a pronominal use is another verb: « s'est livré » (surrendered) is not « a livré »
        let reflexive_mismatch = e.pos == Pos::Verb && !e.reflexive && reflexive && lang == "fr";
        let missing_pronoun = e.pos == Pos::Verb && e.reflexive && finite && !reflexive;
        let gerund = gerund_context && f.form == Form::PresentParticiple;
        !missing_pronoun
            && !reflexive_mismatch
            && !(e.pos == Pos::Verb
                && !gerund
                && nominal_context
                && !has_aux
                && (f.form != Form::PastParticiple || !exact || after_det))
    });
    let score = |f: &trigger::FormRef| {
        let entry = tr.entries.get(f.entry as usize);
        let pos = entry.map_or(Pos::Fixed, |e| e.pos);
        let same_reflexive = u8::from(entry.is_some_and(|e| e.reflexive == reflexive));
        let mut s = match (pos, nominal_context) {
            // a gerund with its object outranks the noun spelled alike ("after meeting the
            // envoy" is the verb, "after the meeting" the noun)
            (Pos::Verb, true) if gerund_context && f.form == Form::PresentParticiple => 5,
            (Pos::Noun | Pos::Fixed, true) | (Pos::Verb, false) => 4,
            _ => 0,
        };
        if pos == Pos::Verb {
            s += match (f.form, has_aux) {
                (Form::PastParticiple, true) | (Form::Past, false) => 2,
                (Form::PastParticiple, false) => 1,
                _ => 0,
            };
            s += same_reflexive;
        }
        // the exact spelling, accents included, decides between « exige » and « exigé »
        if tr
            .surfaces
            .get(f.surface as usize)
            .is_some_and(|x| *x == original)
        {
            s += 3;
        }
        s
    };
    refs.max_by_key(score)
}

/// Code the events of a document.
pub fn code(doc: &Doc, lex: &EventLexicon) -> Vec<Event> {
    // the country most named: role-only actors default to it (computed once per document)
    let home = lex.roles.home_country(doc);
    let (mut events, occurrences) = detect_all(doc, lex, home.as_deref());
    for e in &mut events {
        lex.venues.assign(doc, e);
    }
    // what a demand asks for or a threat promises is not a happening of its own
    let mut kept = lex
        .embedding
        .fold_in(doc, &lex.grammar, &lex.ontology, events, occurrences);
    lex.intents
        .recode(doc, &lex.grammar, &lex.ontology, &mut kept);
    let events = with_quoted_blame(
        doc,
        lex,
        home.as_deref(),
        kept.into_iter().map(|(e, _)| e).collect(),
    );
    // an event with neither a source nor a target actor says nothing of who did what to
    // whom (« après un cessez-le-feu »): it is not coded
    let mut merged = merge::merge(events);
    lex.dating.carry(doc, &mut merged);
    lex.dating.continue_speech(doc, &mut merged);
    merged
        .into_iter()
        .filter(|e| has_actor(e.source.as_ref()) || has_actor(e.target.as_ref()))
        .filter(|e| !lex.dyadic.lacks_party(e))
        .collect()
}

/// A noun with no source slot names its own doers (« les manifestants », "protesters"): the
/// actor mention it is (a role, completed with the home country like any bare role) acts.
fn doers_named(doc: &Doc, trigger: Span) -> Option<crate::doc::Argument> {
    doc.entities
        .iter()
        .find(|e| e.actor.is_some() && e.span.overlaps(trigger))
        .map(|e| crate::doc::Argument {
            span: e.span,
            actor: e.actor.clone(),
            rule: "trigger-doers",
        })
}

fn has_actor(a: Option<&crate::doc::Argument>) -> bool {
    a.is_some_and(|a| a.actor.is_some())
}

/// A short quoted fragment (a label such as « axe de la guerre ») names no happening: nouns
/// inside it are not triggers. Fixed expressions are, when listed (« cible légitime »).
fn in_short_quote(doc: &Doc, span: Span) -> bool {
    doc.quotes
        .iter()
        .any(|q| q.span.contains(span) && doc.slice(q.span).split_whitespace().count() <= 5)
}

/// Every trigger occurrence coded as an event, one mention each, before merging.
pub fn detect(doc: &Doc, lex: &EventLexicon) -> Vec<Event> {
    let home = lex.roles.home_country(doc);
    let events = detect_all(doc, lex, home.as_deref()).0;
    with_quoted_blame(doc, lex, home.as_deref(), events)
}

/// Adds the accusations that quoted speakers make with blame words, in text order. They come
/// after embedding and intent recoding, which work on trigger occurrences these lack.
fn with_quoted_blame(
    doc: &Doc,
    lex: &EventLexicon,
    home: Option<&str>,
    mut events: Vec<Event>,
) -> Vec<Event> {
    let mut quoted = quote_stance::events(doc, lex, |a| {
        lex.roles.complete(doc, &lex.grammar, a, home);
    });
    if !quoted.is_empty() {
        events.append(&mut quoted);
        events.sort_by_key(|e| e.trigger.start);
    }
    events
}

/// As [`detect`], with where each trigger stands in its sentence.
fn detect_all(
    doc: &Doc,
    lex: &EventLexicon,
    home: Option<&str>,
) -> (Vec<Event>, Vec<embed::Occurrence>) {
    let mut occurrences = Vec::new();
    let Some(tr) = lex.triggers(&doc.lang) else {
        return (Vec::new(), occurrences);
    };
    let lang = doc.lang.as_str();
    let gram = &lex.grammar;
    let cues = lex.status.find(doc);
    let anaphora = if lang == "fr" {
        &lex.anaphora_fr
    } else {
        &lex.anaphora_en
    };
    let anaphors: Vec<Span> = anaphora
        .find_all(&doc.norm)
        .iter()
        .map(|m| m.span)
        .collect();
    let mut events: Vec<Event> = Vec::new();
    let mut pending: Vec<object_event::Pending> = Vec::new();
    // hand and PETRARCH entries, contiguous or with determiners between verb and object,
    // and verbs split from the rest of their phrase: one walk finds all three
    let [phrases, verbs, heads] = tr.matchers.find_all(&doc.norm);
    let contiguous = gapped::find(tr, doc, gram, lang, longest(phrases), verbs);
    let taken: Vec<Span> = contiguous.iter().map(|m| m.span).collect();
    let split = tr.split.find(doc, gram, lang, &taken, &longest(heads));
    // (span, payloads, spelling to compare when not the span's own text), in text order
    let mut found: Vec<(Span, &[u32], Option<&str>)> = contiguous
        .iter()
        .map(|m| (m.span, m.payloads, None))
        .chain(
            split
                .iter()
                .map(|g| (g.span, g.payloads.as_slice(), Some(g.original.as_str()))),
        )
        .collect();
    found.sort_by_key(|f| f.0.start);
    for (span, payloads, spelled) in found {
        let m = crate::lexicon::PhraseMatch {
            folded_start: 0,
            folded_end: 0,
            span,
            payloads,
        };
        if doc.in_boilerplate(m.span) {
            continue;
        }
        let Some(si) = doc.sentence_at(m.span.start) else {
            continue;
        };
        let tokens = doc.sentence_tokens(si);
        let head = tokens.partition_point(|t| t.span.start < m.span.start);
        let last = tokens.partition_point(|t| t.span.start < m.span.end);
        if head >= tokens.len() || last <= head {
            continue;
        }
        if name::in_name(doc, tokens, head, last) {
            continue;
        }
        // auxiliaries and reflexive pronouns just before the trigger belong to it; adverbs
        // and negation may stand between (« n'a pas attaqué », « a clairement exprimé »),
        // the span then covers only the auxiliaries next to the verb
        let mut first = head;
        let mut j = head;
        let mut be = false;
        let mut reflexive = false;
        let mut aux_seen = false;
        let mut adverbs = 0;
        while j > 0 {
            let w = folded(doc, &tokens[j - 1]);
            if gram.is(lang, WordClass::Aux, w) {
                be |= gram.is(lang, WordClass::Be, w);
                reflexive |= matches!(w, "se" | "s'" | "s'en");
                aux_seen = true;
                if adverbs == 0 {
                    first = j - 1;
                }
            } else if gram.is(lang, WordClass::Adv, w) && adverbs < 3 {
                adverbs += 1;
            } else if let Some(open) = gap::incise_before(doc, gram, lang, tokens, j) {
                // « a, selon lui, menacé »: read on to the auxiliary before the commas
                adverbs += 1;
                j = open;
                continue;
            } else {
                break;
            }
            j -= 1;
        }
        let has_aux = aux_seen;
        let prev = if head > 0 {
            folded(doc, &tokens[head - 1])
        } else {
            ""
        };
        let nominal_context = !has_aux
            && (gram.is(lang, WordClass::Det, prev)
                || (gram.is(lang, WordClass::Prep, prev) && !gram.is(lang, WordClass::Inf, prev)));
        let gerund_context = lang == "en"
            && nominal_context
            && !gram.is(lang, WordClass::Det, prev)
            && !lex.senses.activity_after(lang, prev)
            && tokens.get(last).is_some_and(|t| {
                t.kind != crate::doc::TokenKind::Punct
                    && !gram.is(lang, WordClass::Prep, folded(doc, t))
            });
        let original = spelled.map_or_else(
            || doc.slice(m.span).to_lowercase().replace('\u{2019}', "'"),
            str::to_string,
        );
        let Some(fref) = pick_form(
            tr,
            m.payloads,
            FormContext {
                lang,
                original: &original,
                nominal_context,
                after_det: gram.is(lang, WordClass::Det, prev),
                has_aux,
                reflexive,
                gerund_context,
            },
        ) else {
            continue;
        };
        let Some(entry) = tr.entries.get(fref.entry as usize) else {
            continue;
        };
        if entry.pos == Pos::Stop {
            continue;
        }
        // an evaluative verb praising (« qualifié de "bon texte" ») takes the praising code
        let cameo = lex
            .polarity
            .praise_code(doc, gram, lang, &entry.phrase, tokens, last)
            .unwrap_or(&entry.cameo);
        let Some(code) = lex.ontology.get(cameo) else {
            continue;
        };
        let Some(plover) = code.plover else { continue };
        let verb = entry.pos == Pos::Verb;
        if entry.pos == Pos::Noun && in_short_quote(doc, m.span) {
            continue;
        }
        let (first, has_aux) = if verb {
            (first, has_aux)
        } else {
            (head, false)
        };
        if lex
            .senses
            .cancels(doc, gram, lang, &entry.phrase, tokens, head, last)
        {
            continue;
        }
        // an English bare form that may be read as a past participle: "arrested by police",
        // "was detained and expelled"
        let en_participle =
            verb && lang == "en" && !has_aux && participle_reading(tr, m.payloads, fref);
        let passive = verb
            && !entry.etre
            && !reflexive
            && ((fref.form == Form::PastParticiple && be)
                || (en_participle && reduced_passive(doc, gram, tokens, last))
                || (en_participle && argument::passive_conjunct(doc, gram, tokens, (first, last))));
        // a French participle with no auxiliary is adjectival (« l'aide fournie à »); in English
        // the past and the participle look alike, and a bare one is read as a past
        let bare_participle = verb && fref.form == Form::PastParticiple && !has_aux && lang == "fr";
        let trigger = Span::new(tokens[first].span.start, m.span.end);
        // « en signant », « …, demandant », "by expelling": a gerund or a participle after a
        // comma shares the main clause's subject
        let gerund = (lang == "fr"
            && verb
            && fref.form == Form::PresentParticiple
            && tokens[first.saturating_sub(1)..head]
                .iter()
                .any(|t| matches!(folded(doc, t), "en" | ",")))
            || (verb && gerund_context && fref.form == Form::PresentParticiple);
        let site = Site {
            lang,
            entry,
            tokens,
            first,
            last,
            passive,
            bare_participle,
            gerund,
        };
        let (mut source, mut target) = argument::assign(doc, gram, &site);
        if source.is_none() && entry.pos == Pos::Noun && entry.source == trigger::SourceSlot::None {
            source = doers_named(doc, trigger);
        }
        for a in [&mut source, &mut target].into_iter().flatten() {
            lex.roles.complete(doc, gram, a, home);
        }
        if source.is_none() && (passive || bare_participle || !verb) {
            source = lex
                .domestic
                .infer(doc, cameo, target.as_ref(), home, trigger);
        }
        if target.is_none() && verb && !passive && entry.takes_object() {
            // « a condamné ces attaques »: the object may itself be an event
            let mut j = last;
            while tokens.get(j).is_some_and(|t| {
                let w = folded(doc, t);
                gram.is(lang, WordClass::Det, w) || gram.is(lang, WordClass::Adv, w)
            }) {
                j += 1;
            }
            if let Some(t) = tokens.get(j) {
                pending.push(object_event::Pending {
                    event: events.len(),
                    object_at: t.span.start,
                });
            }
        }
        let sentence = doc.sentences[si];
        let clause_start = clause_start(doc, gram, lang, tokens, first);
        let bare_past = lang == "en"
            && verb
            && !has_aux
            && matches!(fref.form, Form::Past | Form::PastParticiple);
        let (status, status_rule) = lex.status.status(
            lang,
            &doc.text,
            &cues,
            sentence,
            clause_start,
            trigger,
            &[fref.form],
            bare_past,
        );
        let mut e = Event {
            plover,
            cameo: cameo.to_string(),
            goldstein: code.goldstein,
            quad_class: code.quad_class,
            status,
            confidence: 0.5
                + if source.is_some() { 0.25 } else { 0.0 }
                + if target.is_some() { 0.2 } else { 0.0 },
            explain: Explanation {
                trigger_entry: format!("{} « {} »", entry.at, entry.phrase),
                source_rule: source.as_ref().map(|a| a.rule),
                target_rule: target.as_ref().map(|a| a.rule),
                status_rule: Some(status_rule.unwrap_or_else(|| match status {
                    Status::Actual => "no status cue: actual".into(),
                    _ => String::new(),
                })),
                date_rule: None,
                place_rule: None,
            },
            source,
            target,
            date: None,
            date_basis: None,
            place: None,
            trigger,
            sentence: si,
            quote: doc
                .quotes
                .iter()
                .position(|q| sentence.contains(q.span) && q.span.start >= trigger.end),
            mentions: Vec::new(),
        };
        let anaphor = anaphors.iter().any(|a| sentence.contains(*a));
        let meeting_date = if anaphor {
            events
                .iter()
                .rev()
                .find(|o| {
                    o.plover == "CONSULT" && o.date_basis == Some(crate::doc::DateBasis::Text)
                })
                .and_then(|o| o.date.clone())
        } else {
            None
        };
        date::assign(doc, &lex.dating, &mut e, meeting_date.as_deref());
        place::assign(doc, gram, lang, &mut e, tokens, first, last);
        e.mentions.push(crate::doc::EventMention {
            sentence: si,
            span: trigger,
        });
        events.push(e);
        occurrences.push(embed::Occurrence {
            head,
            // a fixed expression with a subject or a reporter is verbal ("spoke by phone",
            // « doit »); one with a complement is a noun ("air strike")
            verbal: verb
                || (entry.pos == Pos::Fixed
                    && matches!(
                        entry.source,
                        trigger::SourceSlot::Subject | trigger::SourceSlot::Reporter
                    )),
            verb,
            first,
            last,
        });
    }
    object_event::resolve(&mut events, &pending);
    (events, occurrences)
}

/// An English participle with no auxiliary right before its agent heads a reduced passive
/// relative ("the forces, backed by Russia", "civilians killed by the strikes"): the past and
/// the participle of a regular verb look alike, "by" and a noun after it decide. "by" and a
/// gerund is a means ("responded by shelling"), and a past unlike the participle ("took by")
/// stays active.
fn reduced_passive(doc: &Doc, gram: &Grammar, tokens: &[crate::doc::Token], last: usize) -> bool {
    let by = tokens
        .get(last)
        .is_some_and(|t| gram.is("en", WordClass::Agent, folded(doc, t)));
    let means = tokens
        .get(last + 1)
        .is_none_or(|t| folded(doc, t).ends_with("ing"));
    by && !means
}

/// Is a past participle of the matched entry among the forms the match's words can be?
fn participle_reading(tr: &Triggers, payloads: &[u32], fref: trigger::FormRef) -> bool {
    payloads.iter().any(|&p| {
        tr.forms
            .get(p as usize)
            .is_some_and(|f| f.entry == fref.entry && f.form == Form::PastParticiple)
    })
}

/// Byte offset where the trigger's clause starts (after « que », "that", « ; »…).
fn clause_start(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    tokens: &[crate::doc::Token],
    first: usize,
) -> usize {
    for i in (0..first).rev() {
        let w = folded(doc, &tokens[i]);
        if gram.is(lang, WordClass::Clause, w) || gram.is(lang, WordClass::Relative, w) {
            return tokens[i].span.end;
        }
    }
    tokens.first().map_or(0, |t| t.span.start)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_actors;
#[cfg(test)]
mod tests_args;
#[cfg(test)]
mod tests_document;
#[cfg(test)]
mod tests_embed;
#[cfg(test)]
mod tests_en;
#[cfg(test)]
mod tests_gap;
#[cfg(test)]
mod tests_triggers;
