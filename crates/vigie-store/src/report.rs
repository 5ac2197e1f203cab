//! A short summary of what a store holds, the first thing an analyst asks after a load: how
//! many documents and events, events by PLOVER type, the most active actor pairs, and a few
//! events with their evidence (those the most outlets reported first, one per happening).

use rusqlite::params;

use crate::error::Result;
use crate::query::{EventQuery, EventRow, Sort};
use crate::{store_conn, Stats, Store};

/// One source → target pair of actor codes and what it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorPair {
    pub source: String,
    pub target: String,
    /// The words the source was named with most often (one example).
    pub source_text: String,
    pub target_text: String,
    pub events: i64,
    pub documents: i64,
    /// Its PLOVER types, most frequent first, with their counts.
    pub types: Vec<(String, i64)>,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub stats: Stats,
    /// Languages of the documents, most frequent first.
    pub languages: Vec<(String, i64)>,
    /// Events by PLOVER type, most frequent first.
    pub by_type: Vec<(String, i64)>,
    pub pairs: Vec<ActorPair>,
    /// A few events, one per cluster, most sources first, then the most confident.
    pub examples: Vec<EventRow>,
}

/// How many examples are looked through to find distinct happenings.
const EXAMPLE_POOL: usize = 200;

impl Store {
    /// The summary, with at most `top` actor pairs and `examples` events.
    pub fn report(&self, top: usize, examples: usize) -> Result<Report> {
        let conn = store_conn(self);
        let counted = |sql: &str| -> Result<Vec<(String, i64)>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<std::result::Result<_, _>>()?)
        };
        let languages = counted(
            "SELECT COALESCE(lang, '?'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
        )?;
        let by_type =
            counted("SELECT plover, COUNT(*) FROM events GROUP BY plover ORDER BY 2 DESC, 1")?;
        let mut pairs: Vec<ActorPair> = {
            let mut stmt = conn.prepare(
                "SELECT src_code, tgt_code, COUNT(*), COUNT(DISTINCT doc), MIN(src_text), MIN(tgt_text) \
                 FROM events WHERE src_code IS NOT NULL AND tgt_code IS NOT NULL \
                 GROUP BY src_code, tgt_code ORDER BY 3 DESC, 4 DESC, 1, 2 LIMIT ?1",
            )?;
            let rows = stmt.query_map([top as i64], |r| {
                Ok(ActorPair {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    events: r.get(2)?,
                    documents: r.get(3)?,
                    source_text: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    target_text: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    types: Vec::new(),
                })
            })?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        let mut stmt = conn.prepare(
            "SELECT plover, COUNT(*) FROM events WHERE src_code = ?1 AND tgt_code = ?2 \
             GROUP BY plover ORDER BY 2 DESC, 1",
        )?;
        for p in &mut pairs {
            let rows =
                stmt.query_map(params![p.source, p.target], |r| Ok((r.get(0)?, r.get(1)?)))?;
            p.types = rows.collect::<std::result::Result<_, _>>()?;
        }
        let pool = self.query(&EventQuery {
            sort: Sort::Sources,
            limit: Some(EXAMPLE_POOL),
            ..EventQuery::default()
        })?;
        let mut seen = std::collections::HashSet::new();
        let mut picked: Vec<EventRow> = pool
            .into_iter()
            .filter(|r| r.cluster.is_none_or(|c| seen.insert(c)))
            .collect();
        // among happenings reported equally widely, the most confident codings first
        picked.sort_by(|a, b| {
            b.num_sources
                .cmp(&a.num_sources)
                .then(b.confidence.total_cmp(&a.confidence))
                .then(a.rowid.cmp(&b.rowid))
        });
        picked.truncate(examples);
        Ok(Report {
            stats: self.stats()?,
            languages,
            by_type,
            pairs,
            examples: picked,
        })
    }
}
