//! Lexicon files: the built-in set embedded in the binary, an optional user directory laid
//! over it, a TSV reader that keeps file and line for every row, and validation errors that
//! name them.
//!
//! Each stage owns the parsing of its own files (`time::TimeLexicon::load`, …) and reports
//! problems as [`LexiconError`]s; [`Lexicon`] gathers the compiled parts.

pub(crate) mod bloom;
pub mod builtin;
mod first_word;
pub(crate) mod fnv;
pub mod matcher;
pub mod tsv;

use std::collections::BTreeMap;
use std::fmt;

pub use matcher::{PhraseMatch, PhraseMatcher};
pub use tsv::{Row, Table};

/// A problem in a lexicon file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for LexiconError {}

/// The raw lexicon files: path relative to `lexicon/` → contents. Built-in files first; a
/// user directory adds files or replaces built-in ones with the same path.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: BTreeMap<String, std::borrow::Cow<'static, [u8]>>,
}

impl Sources {
    /// The files embedded in the binary.
    pub fn builtin() -> Self {
        let mut files = BTreeMap::new();
        for (path, bytes) in builtin::FILES {
            files.insert((*path).to_string(), std::borrow::Cow::Borrowed(*bytes));
        }
        Self { files }
    }

    /// Add or replace a file (from a user lexicon directory).
    pub fn insert(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        self.files
            .insert(path.into(), std::borrow::Cow::Owned(bytes));
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(AsRef::as_ref)
    }

    /// Files whose path starts with `prefix`, in path order.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
        self.files
            .iter()
            .filter(move |(p, _)| p.starts_with(prefix))
            .map(|(p, b)| (p.as_str(), b.as_ref()))
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// A text file parsed as a TSV table; errors name the file.
    pub fn table(&self, path: &str) -> Result<Table, LexiconError> {
        let bytes = self.get(path).ok_or_else(|| LexiconError {
            file: path.to_string(),
            line: 0,
            message: "file missing".into(),
        })?;
        Table::parse(path, bytes)
    }
}
