//! Mentions of one happening in a document become one event: same PLOVER type and
//! compatible actors (the same three-letter prefix, or one side unknown). « la signature
//! d'un accord … L'accord signé lors de cette rencontre … en signant l'accord de Paris » is
//! one SUPPORT event with three mentions; the merged event keeps the most specific actors,
//! date and place found in any mention.

use crate::doc::{Argument, DateBasis, Event, EventMention};

fn prefix(a: Option<&Argument>) -> Option<&str> {
    a.and_then(|x| x.actor.as_ref())
        .map(|x| x.code.get(..3).unwrap_or(x.code.as_str()))
}

fn compatible(a: Option<&Argument>, b: Option<&Argument>) -> bool {
    match (prefix(a), prefix(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Merge events (in text order) that mention the same happening.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let same = out.iter().rposition(|o| {
            o.plover == e.plover
                && o.status == e.status
                && compatible(o.source.as_ref(), e.source.as_ref())
                && compatible(o.target.as_ref(), e.target.as_ref())
        });
        let Some(k) = same else {
            out.push(e);
            continue;
        };
        let o = &mut out[k];
        o.mentions.push(EventMention {
            sentence: e.sentence,
            span: e.trigger,
        });
        if prefix(o.source.as_ref()).is_none()
            && e.source.as_ref().is_some_and(|a| a.actor.is_some())
        {
            o.source = e.source;
            o.explain.source_rule = e.explain.source_rule;
        }
        if prefix(o.target.as_ref()).is_none()
            && e.target.as_ref().is_some_and(|a| a.actor.is_some())
        {
            o.target = e.target;
            o.explain.target_rule = e.explain.target_rule;
        }
        // a date read in the text beats one taken from the publication date
        let better_date = matches!(
            (o.date_basis, e.date_basis),
            (None, Some(_)) | (Some(DateBasis::Publication), Some(DateBasis::Text))
        );
        if better_date {
            o.date = e.date;
            o.date_basis = e.date_basis;
            o.explain.date_rule = e.explain.date_rule;
        }
        if o.place.is_none() && e.place.is_some() {
            o.place = e.place;
            o.explain.place_rule = e.explain.place_rule;
        }
        if o.quote.is_none() {
            o.quote = e.quote;
        }
        o.confidence = o.confidence.max(e.confidence);
    }
    out
}
