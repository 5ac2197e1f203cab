//! Evaluative reported speech: a speaker quoted using a blame word (« des "mensonges"
//! dangereux », "a dastardly act") criticizes, whatever verb reports it. The event is an
//! ACCUSE (the blame word's code in `events/polarity.tsv`) by the quote's speaker, triggered
//! by the blame word inside the quotation, aimed at the first actor the quotation names that
//! is not the speaker's own side, else at nobody named.

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
        let own = source.actor.as_ref().map(prefix).unwrap_or_default().to_string();
        let mut target = doc
            .entities
            .iter()
            .filter(|e| q.span.contains(e.span))
            .find_map(|e| {
                let a = e.actor.as_ref()?;
                (prefix(a) != own).then(|| Argument {
                    span: e.span,
                    actor: Some(a.clone()),
                    rule: "quote-actor",
                })
            });
        if let Some(t) = target.as_mut() {
            complete(t);
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
                target_rule: target.as_ref().map(|a| a.rule),
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
