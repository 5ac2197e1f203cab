//! Input errors: where (file, line) and which document, then what is wrong.

use std::fmt;

use crate::source::Origin;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub origin: Origin,
    /// The document id when it could be read.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(id) = &self.id {
            write!(f, ": document {id}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for InputError {}
