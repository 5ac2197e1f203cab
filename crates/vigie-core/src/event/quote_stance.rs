//! Evaluative reported speech: a speaker quoted using a blame word (« des "mensonges"
//! dangereux », "a dastardly act") criticizes, whatever verb reports it. The event is an
//! ACCUSE (the blame word's code in `events/polarity.tsv`) by the quote's speaker, triggered
//! by the blame word inside the quotation, aimed at the first actor the quotation (else its
//! sentence) names that is not the speaker's own side once completed (a bare « autorités »
//! beside a minister's quote is his own state's). When the only actors named are the
//! speaker's own side, the blame is coded with no target ("he described the attacks as a
//! 'dastardly act' and urged the authorities…"); a blame where no actor is named at all is
//! not coded, since it says nothing of whom.

use super::polarity::Polarity;
use crate::doc::{Actor, Argument, Doc, Event, EventMention, Explanation, Quote, Span, Status};

fn prefix(a: &Actor) -> &str {
    a.code.get(..3).unwrap_or(a.code.as_str())
}

/// The blame word and its code in a quotation, first one found.
fn blame_word<'p>(doc: &Doc, pol: &'p Polarity, q: &Quote) -> Option<(Span, &'p str)> {
    let lo = doc.token_at_or_after(q.span.start);
    doc.tokens[lo..]
        .iter()
        .take_while(|t| t.span.end <= q.span.end)
        .find_map(|t| {
            let w = super::grammar::folded(doc, t);
            pol.blame_code(&doc.lang, w).map(|c| (t.span, c))
        })
}

/// Whom the quotation blames: the first actor it names that is not the speaker's side, else
/// the nearest such actor in the blame word's sentence, after the quotation first (« une
/// "ingérence" de responsables italiens »), never the speaker's own mention.
fn blamed(
    doc: &Doc,
    q: &Quote,
    speaker: Span,
    word: Span,
    own: &str,
    complete: &impl Fn(&mut Argument),
) -> Option<Argument> {
    let arg = |e: &crate::doc::Entity, rule: &'static str| {
        let mut a = Argument {
            span: e.span,
            actor: e.actor.clone(),
            rule,
        };
        complete(&mut a);
        a
    };
    // judged once completed: a bare role takes the speaker's own country
    let other = |e: &&crate::doc::Entity| {
        e.actor.is_some()
            && !e.span.overlaps(speaker)
            && arg(e, "").actor.as_ref().is_some_and(|a| prefix(a) != own)
    };
    if let Some(e) = doc
        .entities
        .iter()
        .filter(|e| q.span.contains(e.span))
        .find(other)
    {
        return Some(arg(e, "quote-actor"));
    }
    let sentence = doc.sentences.get(doc.sentence_at(word.start)?)?;
    let in_sentence = |e: &&crate::doc::Entity| sentence.contains(e.span);
    let after = doc
        .entities
        .iter()
        .filter(in_sentence)
        .filter(|e| e.span.start >= q.span.end)
        .find(other);
    let before = || {
        doc.entities
            .iter()
            .filter(in_sentence)
            .filter(|e| e.span.end <= q.span.start)
            .rev()
            .find(other)
    };
    after
        .or_else(before)
        .map(|e| arg(e, "quote-sentence-actor"))
}

/// Does the quotation or the blame word's sentence name an actor besides the speaker?
fn names_another_actor(doc: &Doc, q: &Quote, speaker: Span, word: Span) -> bool {
    let sentence = doc
        .sentence_at(word.start)
        .and_then(|i| doc.sentences.get(i))
        .copied()
        .unwrap_or(q.span);
    doc.entities.iter().any(|e| {
        e.actor.is_some()
            && !e.span.overlaps(speaker)
            && (q.span.contains(e.span) || sentence.contains(e.span))
    })
}

/// One event per quotation whose speaker is a coded actor and whose words blame.
pub fn events(
    doc: &Doc,
    lex: &super::EventLexicon,
    complete: impl Fn(&mut Argument),
) -> Vec<Event> {
    let mut out = Vec::new();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let (Some(speaker), Some(actor)) = (q.speaker, q.speaker_actor.as_ref()) else {
            continue;
        };
        if doc.in_boilerplate(q.span) {
            continue;
        }
        let Some((word, cameo)) = blame_word(doc, &lex.polarity, q) else {
            continue;
        };
        let Some(code) = lex.ontology.get(cameo) else {
            continue;
        };
        let Some(plover) = code.plover else { continue };
        let Some(si) = doc.sentence_at(word.start) else {
            continue;
        };
        let mut source = Argument {
            span: speaker,
            actor: Some(actor.clone()),
            rule: "quote-speaker",
        };
        complete(&mut source);
        let own = source
            .actor
            .as_ref()
            .map(prefix)
            .unwrap_or_default()
            .to_string();
        let target = blamed(doc, q, speaker, word, &own, &complete);
        if target.is_none() && !names_another_actor(doc, q, speaker, word) {
            continue;
        }
        let mut e = Event {
            plover,
            cameo: cameo.to_string(),
            goldstein: code.goldstein,
            quad_class: code.quad_class,
            status: Status::Actual,
            confidence: 0.6,
            explain: Explanation {
                trigger_entry: format!("events/polarity.tsv blame « {} »", doc.slice(word)),
                source_rule: Some("quote-speaker"),
                target_rule: target.as_ref().map(|t| t.rule),
                status_rule: Some("quoted words: actual".into()),
                date_rule: None,
                place_rule: None,
            },
            source: Some(source),
            target,
            date: None,
            date_basis: None,
            place: None,
            trigger: word,
            sentence: si,
            quote: Some(qi),
            mentions: vec![EventMention {
                sentence: si,
                span: word,
            }],
        };
        super::date::assign(doc, &lex.dating, &mut e, None);
        out.push(e);
    }
    out
}
