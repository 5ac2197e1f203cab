//! Errors of the store, as values.

/// Everything that can go wrong opening, writing or reading a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("the database has schema version {found}, newer than this vigie knows ({known}); upgrade vigie")]
    TooNew { found: i64, known: i64 },
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;
