//! Verb phrases split by a date, an adverb or an inserted phrase: « a appelé lundi à »,
//! « a rappelé mardi son ambassadeur », "called on Monday for". The trigger lexicon lists
//! « appeler à » as one phrase and its matcher finds it only when the words touch; here the
//! inflected verb alone is matched, the gap read past, and the rest of the phrase compared
//! with the words after it. French contracts « à le » and « de le », so a phrase ending in
//! « à » or « de » also takes « au(x) », « du », « des » (« a appelé au rejet »), gap or not.
//!
//! An inserted phrase between an auxiliary and its verb (« a, selon lui, menacé ») is read
//! past by [`incise_before`].

use super::argument::prep_accepts;
use super::grammar::{folded, Grammar, WordClass};
#[cfg(doc)]
use super::trigger::Triggers;
use super::trigger::{strip_reflexive, Entry, FormRef, Pos};
use crate::doc::{Doc, Span, Token};
use crate::lexicon::PhraseMatch;
use crate::normalize::fold;

/// At most this many tokens between the verb and the rest of its phrase.
const MAX_GAP: usize = 8;
/// At most this many tokens inside an inserted phrase between commas.
const MAX_INCISE: usize = 6;

/// The rest of each multi-word verb phrase after its verb. The inflected verbs alone are
/// the third list of the trigger matcher ([`Triggers::matchers`], see [`SplitPhrases::new`]),
/// searched in the same walk as the phrases themselves.
#[derive(Debug, Clone, Default)]
pub struct SplitPhrases {
    /// Per form index: the folded words after the verb (empty for one-word entries).
    tails: Vec<Vec<String>>,
    /// Per form index: the rest of the phrase as written, for the exact-spelling check.
    written: Vec<String>,
}

/// A phrase found across a gap or through a contraction.
#[derive(Debug, Clone)]
pub struct GapMatch {
    pub span: Span,
    pub payloads: Vec<u32>,
    /// The verb as written, lower-case, and the rest as listed: what `pick_form` compares with
    /// the listed spellings.
    pub original: String,
}

impl SplitPhrases {
    /// The rests of the phrases of `forms`, and the inflected verbs alone (→ form index of
    /// the full phrase) for the matcher.
    pub fn new(
        entries: &[Entry],
        forms: &[FormRef],
        surfaces: &[String],
    ) -> (Self, Vec<(String, u32)>) {
        let mut heads = Vec::new();
        let mut tails = Vec::with_capacity(forms.len());
        let mut written = Vec::with_capacity(forms.len());
        for (k, f) in forms.iter().enumerate() {
            let entry = entries.get(f.entry as usize);
            let surface = surfaces.get(f.surface as usize).map_or("", String::as_str);
            let rest_words = entry
                .filter(|e| e.pos == Pos::Verb)
                .map_or(0, |e| strip_reflexive(&e.phrase).split(' ').count() - 1);
            let words: Vec<&str> = surface.split(' ').collect();
            if rest_words == 0 || words.len() <= rest_words {
                tails.push(Vec::new());
                written.push(String::new());
                continue;
            }
            let cut = words.len() - rest_words;
            heads.push((words[..cut].join(" "), k as u32));
            tails.push(words[cut..].iter().map(|w| fold(w)).collect());
            written.push(words[cut..].join(" "));
        }
        (Self { tails, written }, heads)
    }

    /// Phrases whose verb and rest stand apart (or whose last preposition is contracted), not
    /// overlapping `taken` (the spans the contiguous matcher found).
    /// `heads` are the non-overlapping matches of the verbs alone.
    pub fn find(
        &self,
        doc: &Doc,
        gram: &Grammar,
        lang: &str,
        taken: &[Span],
        heads: &[PhraseMatch<'_>],
    ) -> Vec<GapMatch> {
        let mut out: Vec<GapMatch> = Vec::new();
        for hm in heads {
            if taken.iter().any(|t| t.overlaps(hm.span)) {
                continue;
            }
            let Some(si) = doc.sentence_at(hm.span.start) else {
                continue;
            };
            let tokens = doc.sentence_tokens(si);
            let after = tokens.partition_point(|t| t.span.start < hm.span.end);
            let rest = skip_gap(doc, gram, lang, tokens, after);
            let Some(at) = tokens.get(rest).map(|t| doc.norm.to_folded(t.span.start)) else {
                continue;
            };
            let gap = rest > after;
            let mut best: Option<(usize, Vec<u32>)> = None;
            for &k in hm.payloads {
                let Some(tail) = self.tails.get(k as usize).filter(|t| !t.is_empty()) else {
                    continue;
                };
                let Some(len) = tail_len(gram, lang, &doc.norm.folded, at, tail, gap) else {
                    continue;
                };
                match &mut best {
                    Some((l, ks)) if *l == len => ks.push(k),
                    Some((l, _)) if *l > len => {}
                    _ => best = Some((len, vec![k])),
                }
            }
            let Some((len, payloads)) = best else {
                continue;
            };
            let end = doc.norm.to_original(at, at + len).end;
            let span = Span::new(hm.span.start, end);
            if taken.iter().any(|t| t.overlaps(span)) || out.iter().any(|g| g.span.overlaps(span)) {
                continue;
            }
            let written = payloads
                .first()
                .and_then(|&k| self.written.get(k as usize))
                .map_or("", String::as_str);
            let original = format!(
                "{} {written}",
                doc.slice(hm.span).to_lowercase().replace('\u{2019}', "'")
            );
            out.push(GapMatch {
                span,
                payloads,
                original,
            });
        }
        out
    }
}

/// Index of the first token after a gap of dates, adverbs and inserted phrases starting at
/// `i` (`i` itself when there is none).
fn skip_gap(doc: &Doc, gram: &Grammar, lang: &str, tokens: &[Token], i: usize) -> usize {
    let mut j = i;
    while j < tokens.len() && j - i < MAX_GAP {
        let t = &tokens[j];
        if doc.times.iter().any(|x| x.span.contains(t.span))
            || gram.is(lang, WordClass::Adv, folded(doc, t))
        {
            j += 1;
        } else if let Some(close) = incise_after(doc, gram, lang, tokens, j) {
            j = close + 1;
        } else {
            break;
        }
    }
    j
}

/// A comma at `i` that opens an inserted phrase closed by another comma within
/// [`MAX_INCISE`] tokens, with no clause opener inside: the index of the closing comma.
fn incise_after(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    tokens: &[Token],
    i: usize,
) -> Option<usize> {
    if doc.slice(tokens.get(i)?.span) != "," {
        return None;
    }
    let end = (i + 2 + MAX_INCISE).min(tokens.len());
    for j in i + 2..end {
        let w = folded(doc, &tokens[j - 1]);
        if gram.is(lang, WordClass::Clause, w) || gram.is(lang, WordClass::Relative, w) {
            return None;
        }
        if doc.slice(tokens[j].span) == "," {
            return Some(j);
        }
    }
    None
}

/// A comma just before token `j` that closes an inserted phrase (« a, selon lui, menacé »):
/// the index of the comma that opens it.
pub fn incise_before(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    tokens: &[Token],
    j: usize,
) -> Option<usize> {
    let close = j.checked_sub(1)?;
    if doc.slice(tokens.get(close)?.span) != "," {
        return None;
    }
    let lo = close.saturating_sub(MAX_INCISE + 1);
    for k in (lo..close.saturating_sub(1)).rev() {
        if doc.slice(tokens[k].span) == "," {
            return Some(k);
        }
        let w = folded(doc, &tokens[k]);
        if gram.is(lang, WordClass::Clause, w) || gram.is(lang, WordClass::Relative, w) {
            return None;
        }
    }
    None
}

/// Length in folded bytes of `tail` read at `at` in the folded text, on a word boundary: the
/// words as listed when there was a gap, and a last « a »/« de » as its contraction (« au »,
/// « aux », « du », « des », « d' ») with or without one.
fn tail_len(
    gram: &Grammar,
    lang: &str,
    folded: &str,
    at: usize,
    tail: &[String],
    gap: bool,
) -> Option<usize> {
    let text = folded.get(at..)?;
    let (last, init) = tail.split_last()?;
    let mut pos = 0;
    for w in init {
        pos = word_at(text, pos, w)?;
        pos = spaces(text, pos);
    }
    if gap {
        if let Some(end) = word_at(text, pos, last) {
            return Some(end);
        }
    }
    let (word, end) = next_word(text, pos)?;
    (word != last.as_str() && prep_accepts(gram, lang, last, word)).then_some(end)
}

/// The word starting at `pos` (with its elision apostrophe) and its end.
fn next_word(text: &str, pos: usize) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    let mut end = pos;
    while bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
    {
        end += 1;
    }
    if bytes.get(end) == Some(&b'\'') {
        end += 1;
    }
    (end > pos).then(|| (text.get(pos..end).unwrap_or(""), end))
}

/// End of `w` read at `pos` in `text`, when it stands there as a whole word.
fn word_at(text: &str, pos: usize, w: &str) -> Option<usize> {
    let end = pos + w.len();
    if text.get(pos..end)? != w {
        return None;
    }
    let boundary = w.ends_with('\'')
        || text
            .as_bytes()
            .get(end)
            .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b >= 0x80));
    boundary.then_some(end)
}

fn spaces(text: &str, mut pos: usize) -> usize {
    while text.as_bytes().get(pos) == Some(&b' ') {
        pos += 1;
    }
    pos
}
