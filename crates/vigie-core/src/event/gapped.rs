//! Verb patterns with room for determiners between the verb and its object. PETRARCH's
//! dictionary codes "cancel" by what is cancelled (`- * PLANNED VISIT [161]`), and news puts
//! determiners in between: "cancelled all its planned visits". An entry
//! `cancel * planned visit` matches its verb part, then its tail after at most [`MAX_GAP`]
//! determiners; the trigger covers the verb, the gap and the tail. Other words are not let
//! into the gap: measured on news, "launched a rescue mission" is not `launch * mission`
//! (mediation), nor "approved an extradition request" `approve * request`.

use super::grammar::{folded, is_word, Grammar, WordClass};
use super::trigger::Triggers;
use crate::doc::{Doc, Span};
use crate::lexicon::PhraseMatch;

/// At most this many determiners between the verb part and the tail ("all their own").
pub const MAX_GAP: usize = 3;

/// The trigger matches of `tr` in `doc`: the contiguous ones (`contiguous`, non-overlapping),
/// and the gapped ones, which refine the bare verb they start with but yield to any other
/// match they overlap (a hand phrase such as "reach a deal", a noun trigger in the tail such
/// as "joint exercises"). `verbs` are every match of the gapped entries' verb parts. In text
/// order.
pub fn find<'m>(
    tr: &'m Triggers,
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    contiguous: Vec<PhraseMatch<'m>>,
    verbs: Vec<PhraseMatch<'m>>,
) -> Vec<PhraseMatch<'m>> {
    let mut out = contiguous;
    if verbs.is_empty() {
        return out;
    }
    let mut hits: Vec<(PhraseMatch<'m>, Span)> = Vec::new();
    for h in verbs {
        if hits.iter().any(|(g, _)| g.span.overlaps(h.span)) {
            continue;
        }
        if let Some(g) = complete(tr, doc, gram, lang, h) {
            hits.push((g, h.span));
        }
    }
    for (g, verb) in hits {
        let other = out
            .iter()
            .any(|m| m.span.overlaps(g.span) && !verb.contains(m.span));
        if other {
            continue;
        }
        out.retain(|m| !verb.contains(m.span));
        out.push(g);
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// The verb-part match `h` extended over its gap and tail, for the entry whose tail follows
/// and reaches farthest ("take part in protest" over "take part"); the gap holds only
/// determiners (`det` in `events/grammar.tsv`).
fn complete<'m>(
    tr: &'m Triggers,
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    h: PhraseMatch<'m>,
) -> Option<PhraseMatch<'m>> {
    let si = doc.sentence_at(h.span.start)?;
    let tokens = doc.sentence_tokens(si);
    let after = tokens.partition_point(|t| t.span.start < h.span.end);
    // the determiners after the verb part, read once for every entry
    let dets = (0..MAX_GAP)
        .take_while(|&g| {
            tokens
                .get(after + g)
                .is_some_and(|t| is_word(t) && gram.is(lang, WordClass::Det, folded(doc, t)))
        })
        .count();
    // the numbers of the words a tail may start with, after 0 to `dets` determiners
    let mut starts = [0u32; MAX_GAP + 1];
    for (s, t) in starts
        .iter_mut()
        .zip(tokens.get(after..).unwrap_or_default())
    {
        *s = tr.tail_words.get(folded(doc, t)).copied().unwrap_or(0);
    }
    let starts = starts.get(..=dets).unwrap_or_default();
    let mut best: Option<PhraseMatch<'m>> = None;
    for (i, p) in h.payloads.iter().enumerate() {
        // a tail whose first word stands at none of those places cannot follow
        let head = tr.tail_heads.get(*p as usize).copied().unwrap_or(0);
        if head == 0 || !starts.contains(&head) {
            continue;
        }
        let Some(entry) = tr
            .forms
            .get(*p as usize)
            .and_then(|f| tr.entries.get(f.entry as usize))
        else {
            continue;
        };
        let tail = &entry.tail;
        if tail.is_empty() {
            continue;
        }
        for gap in 0..=dets {
            let start = after + gap;
            let Some(words) = tokens.get(start..start + tail.len()) else {
                break;
            };
            if words.iter().zip(tail).all(|(t, w)| folded(doc, t) == w) {
                let (Some(last), Some(payloads)) = (words.last(), h.payloads.get(i..=i)) else {
                    break;
                };
                let span = Span::new(h.span.start, last.span.end);
                if best.is_none_or(|b| b.span.end < span.end) {
                    let (_, folded_end) = doc.norm.folded_range(span);
                    best = Some(PhraseMatch {
                        folded_start: h.folded_start,
                        folded_end,
                        span,
                        payloads,
                    });
                }
                break;
            }
        }
    }
    best
}
