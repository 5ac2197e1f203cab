//! A named organization nobody coded takes the code its own words give: "Norwegian Fisheries
//! Authority" → `NOR`, « l'Agence norvégienne de l'Énergie » → `NOR`, "Chilean Navy" → `CHLMIL`,
//! "Hong Kong Polytechnic University" → `HKGEDU` (the country and a role word inside); with no
//! country word, the role word alone: "Popular Renewal Party" → `PTY`, a bare role.
//! A country word inside an organization's name says whose the organization is, as it does
//! before a role (« les forces russes »); the name is the organization's own, so a role
//! composed inside it ("Chilean Navy") gives its full code.
//!
//! Only names with one country: « le Conseil franco-allemand », "the Chilean-Peruvian
//! Council" belong to neither alone and stay uncoded.

use crate::doc::{Entity, EntityType};

use super::ActorLexicon;

/// Is `e` a nominal phrase of the country table (a country adjective or name inside a longer
/// name), or a role that a country word composed (« marine chilienne »)?
fn inner_code(e: &Entity) -> Option<(&str, &str)> {
    let a = e.actor.as_ref()?;
    let country = a.country.as_deref()?;
    (e.nominal || e.rule.starts_with("actors/countries.tsv")).then_some((country, a.code.as_str()))
}

pub(super) fn code(lex: &ActorLexicon, ents: &mut [Entity]) {
    // entities by start, so that those inside a name are found by a binary search, not by a
    // walk over the whole document for each name
    let mut by_start: Vec<usize> = (0..ents.len()).collect();
    by_start.sort_unstable_by_key(|&k| ents[k].span.start);
    let mut coded = Vec::new();
    for (k, e) in ents.iter().enumerate() {
        if e.nominal || e.etype != EntityType::ORG || e.actor.is_some() {
            continue;
        }
        let from = by_start.partition_point(|&j| ents[j].span.start < e.span.start);
        let inside: Vec<&Entity> = by_start[from..]
            .iter()
            .take_while(|&&j| ents[j].span.start < e.span.end)
            .filter(|&&j| j != k && e.span.contains(ents[j].span))
            .map(|&j| &ents[j])
            .collect();
        let inner: Vec<(&str, &str)> = inside.iter().filter_map(|x| inner_code(x)).collect();
        let role = inside
            .iter()
            .filter(|x| x.nominal)
            .filter_map(|x| x.actor.as_ref())
            .find(|a| a.country.is_none() && a.code.len() == 3)
            .map(|a| a.code.as_str());
        let Some(&(country, _)) = inner.first() else {
            // no country inside: the role word alone ("Popular Renewal Party" → PTY), which
            // the event stage completes like any bare role (the place named after it, else
            // the home country)
            if let Some(r) = role {
                coded.push((k, r.to_string()));
            }
            continue;
        };
        if inner.iter().any(|(c, _)| *c != country) {
            continue;
        }
        // the longest code: a role composed with the country ("Chilean Navy" → CHLMIL) over
        // the country alone; else the country and a bare role inside the name ("Hong Kong
        // Polytechnic University" → HKG + EDU)
        let longest = inner
            .iter()
            .map(|(_, code)| *code)
            .max_by_key(|c| c.len())
            .unwrap_or(country);
        let code = match role {
            Some(r) if longest.len() == country.len() => format!("{country}{r}"),
            _ => longest.to_string(),
        };
        coded.push((k, code));
    }
    for (k, code) in coded {
        if let Some(e) = ents.get_mut(k) {
            e.actor = Some(lex.actor(&code, None));
            e.rule = format!("{} + inner country", e.rule);
        }
    }
}
