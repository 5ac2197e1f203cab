//! Who and where: actor-bearing mentions (countries, capitals, organizations, roles, people,
//! named entities) and places resolved to GeoNames.

pub mod actor;
pub mod place;

pub use actor::{tag_entities, ActorLexicon};
pub use place::{resolve_places, Gazetteer};
