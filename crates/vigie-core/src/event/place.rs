//! The place of an event: a resolved place (`doc.places`) governed by a locative preposition
//! (« à Paris », "in Aleppo", through place words: "in northern Israel", "near the town of
//! Samarra") in the trigger's clause, nearest after the trigger first, else
//! anywhere in the sentence.
// short names follow one convention here: s site, e entity, i/j token indexes, t token
#![allow(clippy::many_single_char_names)]

use super::grammar::{folded, Grammar, WordClass};
use crate::doc::{Doc, Event, Token};

pub fn assign(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    e: &mut Event,
    tokens: &[Token],
    first: usize,
    last: usize,
) {
    let Some(sentence) = doc.sentences.get(e.sentence).copied() else {
        return;
    };
    let located = |i: usize| {
        let p = &doc.places[i];
        let k = tokens.partition_point(|t| t.span.start < p.span.start);
        // skip determiners and place words: « dans la région de », "in northern Israel",
        // "near the town of Samarra" (a « de »/"of" only after a place word)
        let mut j = k;
        while j > 0 {
            j -= 1;
            let w = folded(doc, &tokens[j]);
            if gram.is(lang, WordClass::Loc, w) {
                return true;
            }
            // « près de », "the town of": a preposition after a place word or a locative
            let geo_of = gram.is(lang, WordClass::Prep, w)
                && j > 0
                && [WordClass::Geo, WordClass::Loc]
                    .into_iter()
                    .any(|c| gram.is(lang, c, folded(doc, &tokens[j - 1])));
            if !(gram.is(lang, WordClass::Det, w) || gram.is(lang, WordClass::Geo, w) || geo_of) {
                return false;
            }
        }
        false
    };
    let in_sentence: Vec<usize> = (0..doc.places.len())
        .filter(|&i| {
            sentence.contains(doc.places[i].span) && !e.trigger.overlaps(doc.places[i].span)
        })
        .collect();
    let end_of_trigger = tokens
        .get(last.saturating_sub(1))
        .map_or(e.trigger.end, |t| t.span.end);
    let start_of_trigger = tokens.get(first).map_or(e.trigger.start, |t| t.span.start);
    let after = in_sentence
        .iter()
        .copied()
        .find(|&i| doc.places[i].span.start >= end_of_trigger && located(i));
    if let Some(i) = after {
        e.place = Some(i);
        e.explain.place_rule = Some(format!(
            "locative « {} » after the trigger",
            doc.slice(doc.places[i].span)
        ));
        return;
    }
    let before = in_sentence
        .iter()
        .rev()
        .copied()
        .find(|&i| doc.places[i].span.end <= start_of_trigger && located(i));
    if let Some(i) = before {
        e.place = Some(i);
        e.explain.place_rule = Some(format!(
            "locative « {} » in the sentence",
            doc.slice(doc.places[i].span)
        ));
    }
}
