//! vigie-core: the analysis engine. Pure: no I/O, no async, no global state.
//!
//! **Architecture invariant**: given an [`Article`] and a [`Lexicon`], [`Extractor::extract`]
//! returns the same [`Extraction`] byte for byte, never panics, and every span in it lies on
//! char boundaries inside its `text`.
//!
//! **API boundary**: [`Article`] in, [`output::Extraction`] out; [`Lexicon`] built once from
//! [`lexicon::Sources`]; the layers of [`Doc`] for code that wants them typed.

pub mod boilerplate;
pub mod count;
pub mod doc;
pub mod error;
pub mod event;
pub mod lang;
pub mod lexicon;
pub mod mention;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod quote;
pub mod segment;
pub mod time;

#[cfg(test)]
mod testing;

pub use doc::{Article, Doc, Span};
pub use error::ExtractError;
pub use output::Extraction;
pub use pipeline::{Extractor, Lexicon, Stage};
