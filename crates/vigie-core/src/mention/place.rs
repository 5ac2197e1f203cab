//! Places: toponyms found in the text and resolved to GeoNames records.
//!
//! [`Gazetteer`] holds the records and their names (`gazetteer`); `candidates` finds the
//! names that stand as place names in the text; `resolve` chooses the record each one names.

mod candidates;
mod gazetteer;
mod resolve;

pub use gazetteer::{Gazetteer, Record};

use crate::doc::{Doc, Place};

/// The places of a document: non-overlapping, in text order, none in boilerplate.
pub fn resolve_places(doc: &Doc, gaz: &Gazetteer) -> Vec<Place> {
    let cands = candidates::find(doc, gaz);
    let chosen = resolve::choose(doc, gaz, &cands);
    cands
        .iter()
        .zip(chosen)
        .filter_map(|(c, r)| {
            let rec = gaz.records.get(r)?;
            Some(Place {
                span: c.span,
                geonameid: rec.id,
                name: rec.name.clone(),
                country: rec.country.clone(),
                lat: rec.lat,
                lon: rec.lon,
                feature: rec.feature,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
