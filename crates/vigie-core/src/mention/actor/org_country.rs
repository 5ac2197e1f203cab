//! A named organization nobody coded takes the code its own words give: "Norwegian Fisheries
//! Authority" → `NOR`, « l'Agence norvégienne de l'Énergie » → `NOR`, "Chilean Navy" → `CHLMIL`,
//! "Hong Kong Polytechnic University" → `HKGEDU` (the country and a role word inside).
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
    let mut coded = Vec::new();
    for (k, e) in ents.iter().enumerate() {
        if e.nominal || e.etype != EntityType::ORG || e.actor.is_some() {
            continue;
        }
        let inner: Vec<(&str, &str)> = ents
            .iter()
            .filter(|x| !std::ptr::eq(*x, e) && e.span.contains(x.span))
            .filter_map(inner_code)
            .collect();
        let Some(&(country, _)) = inner.first() else {
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
        let role = ents
            .iter()
            .filter(|x| e.span.contains(x.span) && x.nominal)
            .filter_map(|x| x.actor.as_ref())
            .find(|a| a.country.is_none() && a.code.len() == 3)
            .map(|a| a.code.as_str());
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
