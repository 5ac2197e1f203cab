//! Toponym candidates: gazetteer names found in the folded text that stand as a name in the
//! original text — on whole tokens, capitalized, not a function word, not a common word that is
//! capitalized only because it opens a sentence, not part of a longer capitalized name
//! (« Paris Saint-Germain », "New York Times", "Paris Hilton"), not after a person's title, and
//! not inside a person or organization entity when the entity tagger found one.

use std::borrow::Cow;

use crate::doc::{Doc, EntityType, Feature, Span, TokenKind};
use crate::normalize::{fold, is_word_byte};

use super::gazetteer::{Cue, Gazetteer, StopWhen};

/// A name that may be a place, with the gazetteer entries it can be.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'g> {
    pub span: Span,
    /// Matcher payloads: record index × 2 (+1 for an alternate name).
    pub payloads: &'g [u32],
}

/// The folded text of `span`, read from the document's folded text: these checks run for
/// every capitalized run, and folding each word anew allocated a string each time.
pub(super) fn folded(doc: &Doc, span: Span) -> Cow<'_, str> {
    doc.norm
        .folded_span(span)
        .map_or_else(|| Cow::Owned(fold(doc.slice(span))), Cow::Borrowed)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_word(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

/// Only horizontal spaces between two byte offsets: the two tokens are one phrase.
fn joined(doc: &Doc, a: usize, b: usize) -> bool {
    a <= b
        && doc.text.get(a..b).is_some_and(|g| {
            !g.is_empty()
                && g.chars()
                    .all(|c| c.is_whitespace() && c != '\n' && c != '\r')
        })
}

/// The rest of a word around a name joined by a hyphen to a lower-case word: « pro-Moscou »,
/// "Washington-based", "Kyiv-backed" name the place; « Saint-Denis » does not name Denis.
fn hyphen_compound(rest: &str, before: bool) -> bool {
    let word = if before {
        rest.strip_suffix('-')
    } else {
        rest.strip_prefix('-')
    };
    word.is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase()))
}

/// The rest of a word around a name joined by a hyphen to another place's name: both are
/// places ("Amsterdam-London", « DPRK-South Korea »).
fn hyphen_place(gaz: &Gazetteer, rest: &str, before: bool) -> bool {
    let word = if before {
        rest.strip_suffix('-')
    } else {
        rest.strip_prefix('-')
    };
    word.is_some_and(|w| {
        starts_upper(w) && !w.contains('-') && gaz.names.contains_key(fold(w).as_str())
    })
}

/// A word that no person's name holds: it has a digit (the road in "A429 Cirencester").
fn no_name_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// Index of the first word token of sentence `s`.
fn first_word_of_sentence(doc: &Doc, s: u32) -> Option<usize> {
    let lo = doc.tokens.partition_point(|t| t.sentence < s);
    doc.tokens[lo..]
        .iter()
        .take_while(|t| t.sentence == s)
        .position(|t| t.kind == TokenKind::Word)
        .map(|p| lo + p)
}

/// Does the folded word occur in lower case somewhere in the document (a common word here)?
fn lowercase_elsewhere(doc: &Doc, word: &str) -> bool {
    let word = fold(word);
    doc.tokens.iter().any(|t| {
        t.kind == TokenKind::Word
            && t.span.len() == word.len()
            && doc
                .text
                .get(t.span.start..t.span.end)
                .is_some_and(|w| !starts_upper(w) && folded(doc, t.span) == word)
    })
}

/// The title token before `i`, skipping an abbreviation's period (« M. », "Mr.").
fn title_before(doc: &Doc, gaz: &Gazetteer, i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = doc.tokens[k];
        if t.sentence != doc.tokens[i].sentence && doc.slice(t.span) != "." {
            return false;
        }
        match t.kind {
            TokenKind::Punct if doc.slice(t.span) == "." => {}
            TokenKind::Word => {
                return gaz.cues.get(folded(doc, t.span).as_ref()) == Some(&Cue::PersonTitle);
            }
            _ => return false,
        }
    }
    false
}

/// A name in capitals next to a word that is not (« LONDON Pope Francis said », a dateline
/// glued to its sentence): the two are not one name. Short capitals are acronyms and may
/// open a name ("BBC News"), so four letters at least.
fn dateline_case(name: &str, neighbour: &str) -> bool {
    let caps = |w: &str| w.chars().all(|c| !c.is_lowercase());
    name.chars().filter(|c| c.is_alphabetic()).count() >= 4 && caps(name) && !caps(neighbour)
}

/// How a name sits in a longer capitalized name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Longer {
    /// Last word ("George Bush").
    Surname,
    /// First word ("Keith Urban").
    FirstName,
}

/// What one gazetteer match is.
enum Verdict<'g> {
    Place(Candidate<'g>),
    /// The last or first word of a longer capitalized name (« George Bush », "Keith Urban"):
    /// the same word alone elsewhere in the text names the same person.
    Surname,
    /// A name of several words inside a longer capitalized name ("New Mexico GOP"): no
    /// shorter name inside it is a place either (« Mexico »).
    Longer,
    No,
}

fn verdict<'g>(doc: &Doc, gaz: &Gazetteer, span: Span, payloads: &'g [u32]) -> Verdict<'g> {
    let one_word = !doc.slice(span).contains(char::is_whitespace);
    match accept(doc, gaz, span, payloads) {
        Ok(c) => Verdict::Place(c),
        Err(Some(_)) if !one_word => Verdict::Longer,
        Err(Some(Longer::Surname))
            if !big_city(gaz, payloads, 1_000_000) && !region(gaz, payloads) =>
        {
            Verdict::Surname
        }
        // a town's name opens many a club, paper or firm name ("Liverpool Echo"): only a
        // small town's is taken for a first name
        Err(Some(Longer::FirstName))
            if !big_city(gaz, payloads, 200_000) && !region(gaz, payloads) =>
        {
            Verdict::Surname
        }
        Err(_) => Verdict::No,
    }
}

/// A first-level region among the readings, by its own name (« Washington » the state is no
/// person's name when "George Washington" is).
fn region(gaz: &Gazetteer, payloads: &[u32]) -> bool {
    payloads.iter().any(|&p| {
        p % 2 == 0
            && gaz
                .records
                .get((p / 2) as usize)
                .is_some_and(|r| r.feature == Feature::Admin1)
    })
}

/// A first-level region among the readings, by its own name, in none of the `countries`
/// (where « X State » names a university: "Ohio State").
fn region_outside(
    gaz: &Gazetteer,
    payloads: &[u32],
    countries: &std::collections::HashSet<String>,
) -> bool {
    payloads.iter().any(|&p| {
        p % 2 == 0
            && gaz.records.get((p / 2) as usize).is_some_and(|r| {
                r.feature == Feature::Admin1 && !countries.contains(r.country.as_str())
            })
    })
}

/// A city of `min` people or more among the readings, by its own name.
fn big_city(gaz: &Gazetteer, payloads: &[u32], min: u64) -> bool {
    payloads.iter().any(|&p| {
        p % 2 == 0
            && gaz
                .records
                .get((p / 2) as usize)
                .is_some_and(|r| r.feature == Feature::City && r.population >= min)
    })
}

/// Check one gazetteer match: `Ok` when it stands as a place name, `Err(Some(_))` when it
/// is one word of a longer capitalized name, `Err(None)` otherwise.
fn accept<'g>(
    doc: &Doc,
    gaz: &Gazetteer,
    span: Span,
    payloads: &'g [u32],
) -> Result<Candidate<'g>, Option<Longer>> {
    if span.is_empty() || doc.in_boilerplate(span) {
        return Err(None);
    }
    // whole tokens only (or the part of a hyphenated word): the token holding the first
    // byte, and the one holding the last
    let i = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let first = doc.tokens.get(i).ok_or(None)?;
    let mut j = i;
    while doc.tokens.get(j).ok_or(None)?.span.end < span.end {
        j += 1;
    }
    let last = doc.tokens[j];
    if first.span.start > span.start || last.sentence != first.sentence {
        return Err(None);
    }
    let before = doc.text.get(first.span.start..span.start).ok_or(None)?;
    let after = doc.text.get(span.end..last.span.end).ok_or(None)?;
    if (!before.is_empty() && !hyphen_compound(before, true) && !hyphen_place(gaz, before, true))
        || (!after.is_empty() && !hyphen_compound(after, false) && !hyphen_place(gaz, after, false))
    {
        return Err(None);
    }
    let text = doc.slice(span);
    // the last word of the name (not an abbreviation's period: « Calif. »)
    let last_word = doc.tokens[i..=j]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word)
        .and_then(|t| {
            doc.text
                .get(t.span.start.max(span.start)..t.span.end.min(span.end))
        })
        .unwrap_or("");
    if !starts_upper(text) || !starts_upper(last_word) {
        return Err(None);
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = text.chars().all(|c| !c.is_lowercase());
    // short names (« Ufa », "US") are words too often: a hand alias or the record's own name,
    // and in capitals when two letters
    if letters <= 3 && !payloads.iter().any(|p| p % 2 == 0) {
        return Err(None);
    }
    // (an abbreviation written with its period, « Md. », "Va.", is the alias itself)
    if letters <= 2 && !all_caps && !text.ends_with('.') {
        return Err(None);
    }
    let key = folded(doc, span);
    if i == j && gaz.function_words.contains(key.as_ref()) {
        return Err(None);
    }
    // part of a longer capitalized name? A country's name is a place even then: « Ukraine
    // Ambassador », "US District Judge" (a name that contains one, "China Daily", is an
    // organization the entity tagger knows)
    let country = payloads.iter().any(|&p| {
        p % 2 == 0
            && gaz.records.get((p / 2) as usize).is_some_and(|r| {
                matches!(r.feature, Feature::Country | Feature::Other) && !r.second_level
            })
    });
    let sentence_start =
        first_word_of_sentence(doc, first.sentence) == Some(i) && first.span.start == span.start;
    match gaz.stop.get(key.as_ref()) {
        Some(StopWhen::Always) => return Err(None),
        Some(StopWhen::SentenceStart) if sentence_start => return Err(None),
        _ => {}
    }
    // (a country's name in lower case is a URL or a slip, not a common word)
    if sentence_start && i == j && !all_caps && !country && lowercase_elsewhere(doc, text) {
        return Err(None);
    }
    if title_before(doc, gaz, i) {
        return Err(None);
    }
    if i > 0 && first.span.start == span.start && is_word(doc, i - 1) {
        let prev = doc.tokens[i - 1];
        if prev.sentence == first.sentence
            && joined(doc, prev.span.end, span.start)
            && starts_upper(doc.slice(prev.span))
            && gaz.cues.get(folded(doc, prev.span).as_ref()) == Some(&Cue::Part)
        {
            return Err(None);
        }
    }
    if !country && i > 0 && first.span.start == span.start && is_word(doc, i - 1) {
        let prev = doc.tokens[i - 1];
        let pw = doc.slice(prev.span);
        if prev.sentence == first.sentence
            && joined(doc, prev.span.end, span.start)
            && starts_upper(pw)
        {
            let pk = folded(doc, prev.span);
            // a short capitalized sentence opener (« A Bruxelles ») says nothing; a longer one
            // may be a first name ("Abraham Lincoln")
            let opener = first_word_of_sentence(doc, first.sentence) == Some(i - 1)
                && pw.chars().count() <= 2;
            let ok = opener
                || gaz.function_words.contains(pk.as_ref())
                || gaz.cues.get(pk.as_ref()) == Some(&Cue::Before)
                || dateline_case(text, pw)
                || no_name_word(pw);
            if !ok {
                return Err(Some(Longer::Surname));
            }
        }
    }
    if !country && last.span.end == span.end && is_word(doc, j + 1) {
        let next = doc.tokens[j + 1];
        let nw = doc.slice(next.span);
        if next.sentence == last.sentence
            && joined(doc, span.end, next.span.start)
            && starts_upper(nw)
        {
            let nk = folded(doc, next.span);
            let ok = gaz.cues.get(nk.as_ref()) == Some(&Cue::After)
                || gaz.function_words.contains(nk.as_ref())
                || dateline_case(text, nw)
                || no_name_word(nw);
            // a region's name and its capitalized region word are one name (« Sokoto
            // State »), unless a longer name goes on ("Ohio State University")
            if !ok
                && gaz.cues.get(nk.as_ref()) == Some(&Cue::Region)
                && region_outside(gaz, payloads, &gaz.university_states)
            {
                let longer = doc.tokens.get(j + 2).is_some_and(|t| {
                    t.sentence == next.sentence
                        && t.kind == TokenKind::Word
                        && joined(doc, next.span.end, t.span.start)
                        && starts_upper(doc.slice(t.span))
                        && gaz.cues.get(folded(doc, t.span).as_ref()) != Some(&Cue::After)
                });
                if longer {
                    return Err(Some(Longer::FirstName));
                }
                return Ok(Candidate {
                    span: Span::new(span.start, next.span.end),
                    payloads,
                });
            }
            if !ok {
                // a one-word name before another capitalized word may be a first name
                // ("Keith Urban"): counted with the surnames
                return Err(Some(Longer::FirstName));
            }
        }
    }
    // the entity tagger, when it ran, knows people and organizations (not those it typed by
    // default: the checks above judge longer names for them)
    let named_otherwise = doc.entities.iter().any(|e| {
        !e.nominal
            && e.rule != crate::mention::NER_GUESS
            && match e.etype {
                EntityType::PER => e.span.overlaps(span),
                EntityType::ORG | EntityType::MISC => e.span.contains(span) && e.span != span,
                EntityType::LOC => false,
            }
    });
    if named_otherwise {
        return Err(None);
    }
    Ok(Candidate { span, payloads })
}

/// What the gazetteer says of a run of tokens.
enum Lookup<'g> {
    /// A name, with its payloads.
    Name(&'g [u32]),
    /// No name; a longer run from the same start may be one.
    Miss,
    /// No name, and no longer run from the same start is one: the run's folded text is no
    /// name's prefix, and it ends where a name's prefix would have been put in the filter.
    Dead,
}

fn lookup<'g>(doc: &Doc, gaz: &'g Gazetteer, span: Span) -> Lookup<'g> {
    let (a, b) = doc.norm.folded_range(span);
    let folded = doc.norm.folded.as_bytes();
    let Some(key) = doc.norm.folded.get(a..b).filter(|k| !k.is_empty()) else {
        return Lookup::Miss;
    };
    // most runs name no place: the filter rules them out without touching the table
    if !gaz.name_filter.may_contain(key) {
        let inside_word =
            is_word_byte(folded[b - 1]) && folded.get(b).is_some_and(|&c| is_word_byte(c));
        return if inside_word {
            Lookup::Miss
        } else {
            Lookup::Dead
        };
    }
    gaz.names
        .get(key)
        .map_or(Lookup::Miss, |p| Lookup::Name(p.as_slice()))
}

/// The names among the runs to look up, in order, each with its payloads: runs of up to
/// `max_tokens` tokens from each token that starts with a capital, and the parts of
/// hyphenated words (« pro-Moscou », "Kyiv-backed"). A run stops growing when the filter
/// says no longer one is a name (most capitalized words open no place name).
fn lookups<'g>(doc: &Doc, gaz: &'g Gazetteer) -> Vec<(Span, &'g [u32])> {
    let mut out = Vec::new();
    // looks `span` up, adding a name to `out`; false when no longer run can be a name
    let mut probe = |span: Span| match lookup(doc, gaz, span) {
        Lookup::Name(p) => {
            out.push((span, p));
            true
        }
        Lookup::Miss => true,
        Lookup::Dead => false,
    };
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let word = doc.slice(t.span);
        if starts_upper(word) {
            for u in &doc.tokens[i..(i + gaz.max_tokens).min(doc.tokens.len())] {
                if u.sentence != t.sentence || u.span.end - t.span.start > gaz.max_key_len * 2 {
                    break;
                }
                if !probe(Span::new(t.span.start, u.span.end)) {
                    break;
                }
            }
        }
        if word.contains('-') {
            for (k, _) in word.match_indices('-') {
                probe(Span::new(t.span.start, t.span.start + k));
                let tail = t.span.start + k + 1;
                // a name that goes on past the word (« DPRK-South Korea »)
                if probe(Span::new(tail, t.span.end))
                    && word[k + 1..].starts_with(char::is_uppercase)
                {
                    for u in &doc.tokens[i + 1..(i + gaz.max_tokens).min(doc.tokens.len())] {
                        if u.sentence != t.sentence || u.span.end - tail > gaz.max_key_len * 2 {
                            break;
                        }
                        if !probe(Span::new(tail, u.span.end)) {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}

/// Non-overlapping candidates in text order, the longest at each place.
pub(crate) fn find<'g>(doc: &Doc, gaz: &'g Gazetteer) -> Vec<Candidate<'g>> {
    let mut found: Vec<Candidate<'g>> = Vec::new();
    let mut surnames: Vec<Span> = Vec::new();
    let mut longer: Vec<Span> = Vec::new();
    for (span, payloads) in lookups(doc, gaz) {
        match verdict(doc, gaz, span, payloads) {
            Verdict::Place(c) => found.push(c),
            Verdict::Surname => surnames.push(span),
            Verdict::Longer => longer.push(span),
            Verdict::No => {}
        }
    }
    found.retain(|c| !longer.iter().any(|l| l.contains(c.span) && *l != c.span));
    // a surname inside a longer place name (« Mexico » in "New Mexico") is no surname
    surnames.retain(|s| !found.iter().any(|c| c.span.contains(*s) && c.span != *s));
    if !surnames.is_empty() {
        let names: Vec<Cow<'_, str>> = surnames.iter().map(|s| folded(doc, *s)).collect();
        found.retain(|c| {
            let name = folded(doc, c.span);
            !names.contains(&name)
        });
    }
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut out: Vec<Candidate<'g>> = Vec::with_capacity(found.len());
    for c in found {
        if out.last().is_none_or(|l| c.span.start >= l.span.end) {
            out.push(c);
        }
    }
    out
}
