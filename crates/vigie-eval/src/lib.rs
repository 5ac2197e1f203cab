//! vigie-eval: read public gold standards and score vigie against them. Each module reads
//! one format and computes the figures its benchmark defines; the `vigie eval` subcommands
//! print them.

pub mod geo;
pub mod html;
pub mod ner;
pub mod time;
