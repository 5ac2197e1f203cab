//! vigie's embedded event store: one SQLite file (WAL) holding documents, their extractions,
//! near-duplicate groups and cross-document event clusters, with queries and exports.
//!
//! ```no_run
//! # fn main() -> vigie_store::Result<()> {
//! use vigie_store::{DocRecord, Store};
//! let mut store = Store::open("vigie.db")?;
//! let line = r#"{"id":"a","text":"…","events":[]}"#;
//! store.write_batch(&[DocRecord::from_json_line(line)?])?;
//! # Ok(()) }
//! ```

pub mod cluster;
mod error;
pub mod eval;
pub mod export;
pub mod minhash;
pub mod query;
mod record;
pub mod report;
pub mod schema;
pub mod similar;
pub mod text;
mod write;

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

pub use error::{Result, StoreError};
pub use query::{EventQuery, EventRow, Sort};
pub use record::{
    lexicon_version, outlet_from_url, ArgRecord, DocMeta, DocRecord, EventPlaceRecord, EventRecord,
    MentionRecord, TriggerRecord,
};
pub use report::{ActorPair, Report};
pub use write::BatchReport;

/// Counts over the whole store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: i64,
    pub events: i64,
    pub clusters: i64,
    pub near_duplicate_groups: i64,
    pub documents_in_duplicate_groups: i64,
    pub outlets: i64,
}

/// One store file.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) and bring the schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::setup(Connection::open(path)?)
    }

    /// A store that lives in memory (tests, one-off evaluations).
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    /// Open an existing store stopped at schema `version` (migration tests).
    pub fn open_at_version(path: impl AsRef<Path>, version: i64) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        Self::pragmas(&conn)?;
        schema::migrate_to(&mut conn, version)?;
        Ok(Self { conn })
    }

    fn pragmas(conn: &Connection) -> Result<()> {
        // WAL: readers never block the writer; synchronous=NORMAL is durable against a killed
        // process (only an OS crash may lose the last commits, never corrupt the file).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(())
    }

    fn setup(mut conn: Connection) -> Result<Self> {
        Self::pragmas(&conn)?;
        schema::migrate_to(&mut conn, schema::VERSION)?;
        Ok(Self { conn })
    }

    /// The connection, for queries this API does not cover.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Write documents in one transaction: all of them or none.
    pub fn write_batch(&mut self, docs: &[DocRecord]) -> Result<BatchReport> {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let now = chrono::DateTime::from_timestamp(secs, 0)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let report = write::write_batch(&tx, docs, &now)?;
        tx.commit()?;
        Ok(report)
    }

    /// Rebuild every event cluster from scratch; returns the number of clusters.
    pub fn recluster(&mut self) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = cluster::recluster(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Refresh the statistics the query planner chooses indexes by (sampled: well under a
    /// second at a million events). Run after a load; a store never analyzed plans by guesses
    /// that treat every range as selective.
    pub fn optimize(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        Ok(())
    }

    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Stats {
            documents: one("SELECT COUNT(*) FROM documents")?,
            events: one("SELECT COUNT(*) FROM events")?,
            clusters: one("SELECT COUNT(*) FROM clusters")?,
            near_duplicate_groups: one(
                "SELECT COUNT(*) FROM (SELECT dup_group FROM documents GROUP BY dup_group HAVING COUNT(*) > 1)",
            )?,
            documents_in_duplicate_groups: one(
                "SELECT COUNT(*) FROM documents WHERE dup_group IN \
                 (SELECT dup_group FROM documents GROUP BY dup_group HAVING COUNT(*) > 1)",
            )?,
            outlets: one("SELECT COUNT(DISTINCT outlet) FROM documents")?,
        })
    }

    /// Every inconsistency found (empty when the store is sound): SQLite's own integrity and
    /// foreign-key checks, each document's event count, the full-text index, cluster counts.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            problems.push(format!("integrity_check: {integrity}"));
        }
        let fk: i64 =
            self.conn
                .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
        if fk > 0 {
            problems.push(format!("{fk} rows break a foreign key"));
        }
        let checks = [
            (
                "documents whose events are not all stored",
                "SELECT COUNT(*) FROM documents d WHERE n_events != (SELECT COUNT(*) FROM events e WHERE e.doc = d.id)",
            ),
            (
                "documents missing from the full-text index",
                "SELECT (SELECT COUNT(*) FROM documents) - (SELECT COUNT(*) FROM docs_fts_docsize)",
            ),
            (
                "events without a cluster",
                "SELECT COUNT(*) FROM events WHERE cluster IS NULL OR cluster NOT IN (SELECT id FROM clusters)",
            ),
            (
                "clusters whose counts are stale",
                "SELECT COUNT(*) FROM clusters c WHERE num_articles != (SELECT COUNT(DISTINCT doc) FROM events e WHERE e.cluster = c.id) \
                 OR num_mentions != (SELECT COALESCE(SUM(n_mentions), 0) FROM events e WHERE e.cluster = c.id) \
                 OR num_articles = 0",
            ),
            (
                "events whose copied cluster counts are stale",
                "SELECT COUNT(*) FROM events e JOIN clusters c ON c.id = e.cluster \
                 WHERE e.cluster_sources != c.num_sources OR e.cluster_mentions != c.num_mentions",
            ),
            (
                "located events missing from the bounding-box index (or extra entries)",
                "SELECT (SELECT COUNT(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL) \
                 - (SELECT COUNT(*) FROM events_box b JOIN events e ON e.id = b.id)",
            ),
            (
                "bounding-box entries without their event",
                "SELECT COUNT(*) FROM events_box b WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = b.id)",
            ),
            (
                "documents stored twice",
                "SELECT COUNT(*) - COUNT(DISTINCT ident) FROM documents",
            ),
        ];
        for (what, sql) in checks {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            if n != 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        let fts: std::result::Result<(), rusqlite::Error> = self
            .conn
            .execute(
                "INSERT INTO docs_fts(docs_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .map(|_| ());
        if let Err(e) = fts {
            problems.push(format!("full-text index: {e}"));
        }
        Ok(problems)
    }
}

/// The connection of a store, for the sibling modules.
pub(crate) fn store_conn(s: &Store) -> &Connection {
    &s.conn
}
