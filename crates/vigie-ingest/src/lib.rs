//! vigie-ingest: turn files and streams into [`Article`]s, and drive extraction over them on
//! all cores in input order with bounded memory.
//!
//! **Architecture invariant**: one bad document yields one [`InputError`] naming its file,
//! line and id; it never stops the stream or loses another document.

pub mod batch;
pub mod error;
pub mod feed;
pub mod fetch;
pub mod html;
pub mod jsonl;
pub mod source;
#[doc(hidden)]
pub mod synth;
pub mod text;
pub mod warc;

pub use batch::{run_ordered, BatchOptions};
pub use error::InputError;
pub use source::{
    read_source, read_source_counted, read_source_with, FileKind, Input, Origin, PlainOptions,
    ReadStats, SourceSpec,
};

pub use vigie_core::Article;
