//! Choosing the GeoNames record a toponym names. Each record gets a prior from its kind and
//! size (a country before a region before a city, a big city before a small one, a record's
//! own name before one of its alternate names), then two kinds of evidence from the document:
//! the countries it talks about (« Paris » in a text about Texas towns), and a place named
//! right after it that contains it (« Paris, Texas », « Paris (France) »). A name keeps one
//! reading through the document, so the evidence of every mention counts for all.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::doc::{Doc, Feature, Span};
use crate::normalize::fold_eq;

use super::candidates::{folded, Candidate};
use super::gazetteer::{Gazetteer, Record};

/// Prior of a country or continent name: above any city (« Mexico », « Singapour »).
const COUNTRY_PRIOR: f64 = 8.0;
/// Prior of a first-level region: above a town, below a city of a million (Washington, DC
/// and New York City before the states; Texas before any town named Texas).
const ADMIN1_PRIOR: f64 = 5.5;
/// Weight of a region's size (log10 of its towns' people) in its prior: a tie-breaker only.
const ADMIN1_SIZE_WEIGHT: f64 = 0.01;
/// Cost of matching a city through one of its alternate names rather than its own.
const ALTERNATE_COST: f64 = 1.0;
/// Further cost of an alternate name when another city has it as its own name (« Victoria »
/// is an old name of Hong Kong, and the own name of Victoria, British Columbia).
const SHADOWED_COST: f64 = 1.5;
/// Weight of the document's countries.
const DOC_COUNTRY_BONUS: f64 = 1.5;
/// Weight of a containing place named right after (« Paris, Texas »).
const CONTAINER_BONUS: f64 = 4.0;

/// A town smaller than this is taken for a place only with support in the document (its
/// country named, another place in its country, a container after it): alone, a small town's
/// name is more often a surname or a word (« Bush » is also a town in Egypt).
const UNSUPPORTED_MIN_POPULATION: u64 = 100_000;

/// The same for a first-level region, counted by the people of its towns of 15,000 or more.
const UNSUPPORTED_MIN_REGION_POPULATION: u64 = 500_000;

/// One reading of a name: a record and whether the name is one of its alternates.
#[derive(Debug, Clone, Copy)]
struct Option_ {
    record: usize,
    alternate: bool,
}

fn options(payloads: &[u32]) -> Vec<Option_> {
    let mut out: Vec<Option_> = Vec::with_capacity(payloads.len());
    for &p in payloads {
        let record = (p / 2) as usize;
        let alternate = p % 2 == 1;
        match out.iter_mut().find(|o| o.record == record) {
            Some(o) => o.alternate &= alternate,
            None => out.push(Option_ { record, alternate }),
        }
    }
    out
}

fn prior(gaz: &Gazetteer, o: Option_, shadowed: bool) -> f64 {
    let r = &gaz.records[o.record];
    match r.feature {
        // a second-level region ranks below a first-level one of its size
        Feature::Other if r.second_level => {
            let size = ((r.population.max(1)) as f64).log10() * ADMIN1_SIZE_WEIGHT;
            ADMIN1_PRIOR + size - ALTERNATE_COST
        }
        Feature::Country | Feature::Other => COUNTRY_PRIOR,
        // a region by one of its alternate names (most are its chief city's: « Zaporijjia »)
        // gives way to the city that has it too, unless the text says a region is meant
        Feature::Admin1 => {
            // the bigger of two regions of one name, by the people of its towns (Montana, US
            // before Montana, Bulgaria), without passing a city of another rank
            let size = ((r.population.max(1)) as f64).log10() * ADMIN1_SIZE_WEIGHT;
            // `shadowed` here: a city inside the region has the name on the same footing
            let mut p = ADMIN1_PRIOR + size;
            if o.alternate {
                p -= ALTERNATE_COST;
            }
            if shadowed {
                p -= ALTERNATE_COST;
            }
            p
        }
        Feature::City => {
            // a city-state: the city record carries the country's own name and most of its
            // people (Singapore, Hong Kong): the city is meant
            let city_state = gaz
                .country_of(r)
                .is_some_and(|c| fold_eq(&c.name, &r.name) && r.population * 2 >= c.population);
            if city_state {
                COUNTRY_PRIOR + 0.5
            } else {
                let size = ((r.population.max(1)) as f64).log10();
                match (o.alternate, shadowed) {
                    (false, _) => size,
                    (true, false) => size - ALTERNATE_COST,
                    (true, true) => size - ALTERNATE_COST - SHADOWED_COST,
                }
            }
        }
    }
}

/// Does `outer` contain `inner` (a country its places, a region its places)?
fn contains(outer: &Record, inner: &Record) -> bool {
    if outer.country.is_empty() || outer.country != inner.country || outer.feature == inner.feature
    {
        return false;
    }
    match outer.feature {
        Feature::Country => true,
        Feature::Admin1 => inner.feature == Feature::City && outer.admin1 == inner.admin1,
        Feature::City | Feature::Other => false,
    }
}

/// Is the name said to be a region: « New York state », « l'État de Washington », "the
/// province of Alberta"?
fn said_region(doc: &Doc, gaz: &Gazetteer, span: Span) -> bool {
    let is_region = |t: &crate::doc::Token| {
        gaz.cues.get(folded(doc, t.span).as_ref()) == Some(&super::gazetteer::Cue::Region)
    };
    let next = doc.token_at_or_after(span.end);
    if doc.tokens.get(next).is_some_and(|t| {
        is_region(t) && doc.text[t.span.start..].starts_with(|c: char| c.is_lowercase())
    }) {
        return true;
    }
    let first = doc.token_at_or_after(span.start);
    first >= 2
        && matches!(
            folded(doc, doc.tokens[first - 1].span).as_ref(),
            "of" | "de" | "du" | "d'"
        )
        && is_region(&doc.tokens[first - 2])
}

/// Does the name end in a region word (« Sokoto State »)? Then the region is meant, whatever
/// city shares its name.
fn region_in_name(doc: &Doc, gaz: &Gazetteer, span: Span) -> bool {
    let last = doc.token_at_or_after(span.end);
    last > 0
        && doc.tokens.get(last - 1).is_some_and(|t| {
            t.span.end == span.end
                && t.span.start > span.start
                && gaz.cues.get(folded(doc, t.span).as_ref())
                    == Some(&super::gazetteer::Cue::Region)
        })
}

/// Only a joining word (`and` cue: « et », "and", a comma) between two names.
fn joined_by_and(doc: &Doc, gaz: &Gazetteer, a: Span, b: Span) -> bool {
    let (from, to) = (doc.token_at_or_after(a.end), doc.token_at_or_after(b.start));
    to == from + 1
        && doc.tokens.get(from).is_some_and(|t| {
            gaz.cues.get(folded(doc, t.span).as_ref()) == Some(&super::gazetteer::Cue::And)
        })
}

/// Weight of a region word next to the name.
/// Is the span a place by the entity tagger's context cue (a preposition of place, a place
/// noun before it), not by a guess?
fn cued_place(doc: &Doc, span: Span) -> bool {
    // (entities are sorted by start: only those that start there are looked at)
    let k = doc.entities.partition_point(|e| e.span.start < span.start);
    doc.entities[k..]
        .iter()
        .take_while(|e| e.span.start == span.start)
        .any(|e| {
            e.span == span
                && e.etype == crate::doc::EntityType::LOC
                && !e.nominal
                && e.rule == "ner"
        })
}

const REGION_BONUS: f64 = 3.0;
/// Weight of a region word inside the name (« Sokoto State »): above any city's size.
const NAMED_REGION_BONUS: f64 = 10.0;

/// « X, Y » or « X (Y) »: Y right after X.
fn follows(doc: &Doc, a: Span, b: Span) -> bool {
    doc.text.get(a.end..b.start).is_some_and(|g| {
        let g = g.trim();
        g == "," || g == "("
    })
}

/// The chosen record index for every candidate, in order.
pub(crate) fn choose(doc: &Doc, gaz: &Gazetteer, cands: &[Candidate<'_>]) -> Vec<usize> {
    let opts: Vec<Vec<Option_>> = cands.iter().map(|c| options(c.payloads)).collect();
    let keys: Vec<Cow<'_, str>> = cands.iter().map(|c| folded(doc, c.span)).collect();
    // every mention of a name shares one reading: gather names and their mentions
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        groups.entry(k.as_ref()).or_default().push(i);
    }
    // names that are some city's own name
    let shadowed: Vec<bool> = opts
        .iter()
        .map(|os| {
            os.iter()
                .any(|o| !o.alternate && gaz.records[o.record].feature == Feature::City)
        })
        .collect();
    let best_prior = |i: usize| -> Option<Option_> {
        opts[i]
            .iter()
            .copied()
            .max_by(|a, b| prior(gaz, *a, shadowed[i]).total_cmp(&prior(gaz, *b, shadowed[i])))
    };
    // the document's countries, per name: a country named counts fully, a place in it half
    let mut per_name: HashMap<&str, (String, f64)> = HashMap::new();
    for (k, mentions) in &groups {
        if let Some(o) = best_prior(mentions[0]) {
            let r = &gaz.records[o.record];
            if r.country.is_empty() {
                continue;
            }
            let w = if r.feature == Feature::Country {
                mentions.len() as f64
            } else {
                0.5 * mentions.len() as f64
            };
            per_name.insert(k, (r.country.clone(), w));
        }
    }
    let mut countries: HashMap<&str, f64> = HashMap::new();
    for (c, w) in per_name.values() {
        *countries.entry(c.as_str()).or_default() += w;
    }
    // containers named right after a mention
    let mut container_bonus: HashMap<(&str, usize), f64> = HashMap::new();
    for i in 0..cands.len().saturating_sub(1) {
        if !follows(doc, cands[i].span, cands[i + 1].span) {
            continue;
        }
        for o in &opts[i] {
            let inner = &gaz.records[o.record];
            if opts[i + 1]
                .iter()
                .any(|q| contains(&gaz.records[q.record], inner))
            {
                *container_bonus
                    .entry((keys[i].as_ref(), o.record))
                    .or_default() += CONTAINER_BONUS;
            }
        }
    }
    // a name joined to one said to be a region is one too (« les régions de Donetsk et
    // Zaporijjia », "the provinces of Kandahar and Helmand")
    let mut said = vec![false; cands.len()];
    for i in 0..cands.len() {
        said[i] = said_region(doc, gaz, cands[i].span)
            || (i > 0 && said[i - 1] && joined_by_and(doc, gaz, cands[i - 1].span, cands[i].span));
    }
    let region_said: HashMap<&str, bool> = keys
        .iter()
        .zip(&said)
        .filter(|(_, s)| **s)
        .map(|(k, _)| (k.as_ref(), true))
        .collect();
    // names the entity tagger typed as places from their context (« à Vardonne », "in
    // Kelby") at half their mentions or more: the words around them support a small town as
    // its country would (a shop or a person of the name is named without such words)
    let cued: HashMap<&str, bool> = groups
        .iter()
        .filter(|(_, ms)| {
            ms.iter()
                .filter(|&&m| cued_place(doc, cands[m].span))
                .count()
                * 2
                >= ms.len()
        })
        .map(|(k, _)| (*k, true))
        .collect();
    let region_named: HashMap<&str, bool> = keys
        .iter()
        .zip(cands)
        .filter(|(_, c)| region_in_name(doc, gaz, c.span))
        .map(|(k, _)| (k.as_ref(), true))
        .collect();
    let mut chosen: HashMap<&str, usize> = HashMap::new();
    for (k, mentions) in &groups {
        let own = per_name.get(k);
        let mut best: Option<(f64, usize, bool)> = None;
        for o in &opts[mentions[0]] {
            let r = &gaz.records[o.record];
            // a region that shares the name with a city inside it, on the same footing (both
            // their own name: Idlib, Gabès; both another name: Daraa) gives way to the city,
            // even after a region word: the gold standards mean the city there
            let namesake = r.feature == Feature::Admin1
                && opts[mentions[0]].iter().any(|q| {
                    let c = &gaz.records[q.record];
                    q.alternate == o.alternate
                        && c.feature == Feature::City
                        && c.country == r.country
                        && c.admin1 == r.admin1
                });
            let mut score = if r.feature == Feature::Admin1 {
                prior(gaz, *o, namesake)
            } else {
                prior(gaz, *o, shadowed[mentions[0]])
            };
            let mut supported = false;
            if r.feature != Feature::Country && !r.country.is_empty() {
                // the countries named elsewhere in the document, not by this name itself
                let mut w = countries.get(r.country.as_str()).copied().unwrap_or(0.0);
                if let Some((c, ow)) = own {
                    if *c == r.country {
                        w -= ow;
                    }
                }
                supported = w > 0.0;
                if w >= 1.0 {
                    score += DOC_COUNTRY_BONUS;
                } else if w > 0.0 {
                    score += DOC_COUNTRY_BONUS / 2.0;
                }
            }
            // by its own name only: a region reached through another name (Donetsk for the
            // Donetsk oblast) stays a guess against the city, which news writers and the
            // gold standards mean even after « les régions de »
            if r.feature == Feature::Admin1
                && !o.alternate
                && !namesake
                && region_said.contains_key(k)
            {
                score += REGION_BONUS;
            }
            if r.feature == Feature::Admin1 && region_named.contains_key(k) {
                score += NAMED_REGION_BONUS;
            }
            let contained = container_bonus.get(&(*k, o.record)).copied().unwrap_or(0.0);
            score += contained;
            supported |= contained > 0.0;
            supported |= r.feature == Feature::City && cued.contains_key(k);
            // ties: the smaller GeoNames id, so that the choice never depends on hash order
            let better = best.is_none_or(|(s, b, _)| match score.total_cmp(&s) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Equal => gaz.records[o.record].id < gaz.records[b].id,
                std::cmp::Ordering::Less => false,
            });
            if better {
                best = Some((score, o.record, supported));
            }
        }
        if let Some((_, r, supported)) = best {
            let rec = &gaz.records[r];
            let small = rec.feature == Feature::City
                && rec.population < UNSUPPORTED_MIN_POPULATION
                && gaz
                    .country_of(rec)
                    .is_none_or(|c| c.population >= UNSUPPORTED_MIN_POPULATION);
            // a small region is known by its name alone less often than its name is a word
            // or a first name (Nelson, Mary, Paul): it is taken only with support, its
            // country in the document or a region word
            let region_unsupported = rec.feature == Feature::Admin1
                && rec.population < UNSUPPORTED_MIN_REGION_POPULATION
                && !supported
                && !region_said.contains_key(k);
            if (supported || !small) && !region_unsupported {
                chosen.insert(k, r);
            }
        }
    }
    keys.iter()
        .map(|k| chosen.get(k.as_ref()).copied().unwrap_or(usize::MAX))
        .collect()
}
