//! Who and where: actor-bearing mentions (countries, capitals, organizations, roles, people,
//! named entities) and places resolved to GeoNames.

pub mod actor;
pub mod place;

pub use actor::{tag_entities, ActorLexicon};
pub use place::{resolve_places, Gazetteer};

use crate::doc::{Doc, Entity, EntityType};

/// The rule of a named entity typed by default (a run of names with no cue, a lone first
/// name): a place the gazetteer finds on the same span takes it over.
pub(crate) const NER_GUESS: &str = "ner/guess";

/// Every resolved place is a LOC entity: add those the entity tagger did not already cover,
/// keeping `doc.entities` sorted by position. An entity the tagger only guessed the type of,
/// on the place's very span, becomes a LOC.
pub fn add_place_entities(doc: &mut Doc) {
    let mut added = false;
    for p in &doc.places {
        if let Some(e) = doc
            .entities
            .iter_mut()
            .find(|e| e.span == p.span && e.rule == NER_GUESS)
        {
            e.etype = EntityType::LOC;
            e.rule = "place".into();
            continue;
        }
        if doc.entities.iter().any(|e| e.span.overlaps(p.span)) {
            continue;
        }
        doc.entities.push(Entity {
            span: p.span,
            etype: EntityType::LOC,
            actor: None,
            rule: "place".into(),
            nominal: false,
        });
        added = true;
    }
    if added {
        doc.entities
            .sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Feature, Place, Span};

    #[test]
    fn places_become_loc_entities_unless_covered() {
        let mut d = Doc::new("t", "Paris et Dakar");
        let place = |s, e, id| Place {
            span: Span::new(s, e),
            geonameid: id,
            name: String::new(),
            country: String::new(),
            lat: 0.0,
            lon: 0.0,
            feature: Feature::City,
        };
        d.places = vec![place(0, 5, 1), place(9, 14, 2)];
        d.entities = vec![Entity {
            span: Span::new(9, 14),
            etype: EntityType::LOC,
            actor: None,
            rule: "x".into(),
            nominal: false,
        }];
        add_place_entities(&mut d);
        let got: Vec<(&str, &str)> = d
            .entities
            .iter()
            .map(|e| (d.slice(e.span), e.rule.as_str()))
            .collect();
        assert_eq!(got, [("Paris", "place"), ("Dakar", "x")]);
    }
}
