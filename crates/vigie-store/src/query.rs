//! Asking the store for events: filters that map onto the indexes of schema version 3, a sort,
//! a limit. Every value is a bound parameter; only column names chosen here enter the SQL.

use rusqlite::types::Value as SqlValue;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::store_conn;
use crate::text::{day_date, day_number};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first (the default).
    #[default]
    DateDesc,
    DateAsc,
    /// Most sources (outlets) reporting the same happening first.
    Sources,
    /// Most mentions first.
    Mentions,
    Confidence,
}

/// A bounding box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

/// Filters; `None` means "any". Actor filters take a code (`RUSGOV`) or a prefix (`RUS`).
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Source or target.
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub plover: Option<String>,
    /// A CAMEO code or prefix (`13` is every threat).
    pub cameo: Option<String>,
    pub status: Option<String>,
    /// First day, inclusive (ISO date).
    pub from: Option<String>,
    /// Last day, inclusive (ISO date).
    pub to: Option<String>,
    /// Place name (case-insensitive, exact).
    pub place: Option<String>,
    pub geonameid: Option<i64>,
    pub bbox: Option<BBox>,
    pub outlet: Option<String>,
    /// Words searched in titles and texts (FTS5 syntax).
    pub text: Option<String>,
    pub sort: Sort,
    /// `None`: every match (exports).
    pub limit: Option<usize>,
}

/// One event as a query answers it, with its document and its cluster's counts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    /// The store's id of the event.
    pub rowid: i64,
    pub doc_id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub doc_date: Option<String>,
    pub event_id: String,
    pub plover: String,
    pub cameo: String,
    pub goldstein: f64,
    pub quad_class: i64,
    pub status: String,
    pub source_code: Option<String>,
    pub source_text: Option<String>,
    pub target_code: Option<String>,
    pub target_text: Option<String>,
    /// The event's day (its own date, else the document's).
    pub date: Option<String>,
    pub place: Option<String>,
    pub geonameid: Option<i64>,
    pub place_country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub trigger: String,
    pub trigger_span: [i64; 2],
    pub sentence: i64,
    pub evidence: String,
    pub confidence: f64,
    pub cluster: Option<i64>,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    pub dup_group: Option<i64>,
    pub lang: Option<String>,
    /// When the document was written to the store (UTC, ISO 8601).
    pub loaded_at: String,
}

/// `[lo, hi)` of the codes starting with `prefix` (codes are ASCII letters and digits, and
/// `~` sorts after them), so the comparison runs on the index.
fn prefix_range(prefix: &str) -> Result<(String, String)> {
    if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(StoreError::Invalid(format!(
            "an actor or CAMEO code has letters and digits only: {prefix:?}"
        )));
    }
    Ok((prefix.to_string(), format!("{prefix}~")))
}

fn day_of(date: &str, what: &str) -> Result<i64> {
    day_number(date)
        .ok_or_else(|| StoreError::Invalid(format!("{what}: not an ISO date: {date:?}")))
}

const COLUMNS: &str = "e.id, d.doc_id, d.url, e.outlet, d.title, d.date, e.event_id, e.plover, \
    e.cameo, e.goldstein, e.quad_class, e.status, e.src_code, e.src_text, e.tgt_code, e.tgt_text, \
    e.day, e.place_name, e.geonameid, e.place_country, e.lat, e.lon, e.trigger_text, \
    e.trigger_start, e.trigger_end, e.sentence, e.evidence, e.confidence, e.cluster, \
    e.cluster_mentions, e.cluster_sources, COALESCE(c.num_articles, 1), \
    d.dup_group, d.lang, d.loaded_at";

/// Bound parameters, numbered in order (`?1`, `?2`, …); a number may be used twice.
#[derive(Default)]
struct Params(Vec<SqlValue>);

impl Params {
    fn bind(&mut self, v: SqlValue) -> String {
        self.0.push(v);
        format!("?{}", self.0.len())
    }
    fn text(&mut self, s: &str) -> String {
        self.bind(SqlValue::Text(s.to_string()))
    }
}

/// An actor code or prefix on one side. A prefix of three characters or more goes through the
/// `(src3, day)` / `(tgt3, day)` indexes, which read matches newest first and stop at the limit;
/// a shorter one is a range on the code.
fn actor_cond(p: &mut Params, code_col: &str, col3: &str, prefix: &str) -> Result<String> {
    let (lo, hi) = prefix_range(prefix)?;
    if prefix.len() < 3 {
        let (lo, hi) = (p.text(&lo), p.text(&hi));
        return Ok(format!("({code_col} >= {lo} AND {code_col} < {hi})"));
    }
    let p3 = p.text(&prefix[..3]);
    if prefix.len() == 3 {
        return Ok(format!("{col3} = {p3}"));
    }
    let (lo, hi) = (p.text(&lo), p.text(&hi));
    Ok(format!(
        "({col3} = {p3} AND {code_col} >= {lo} AND {code_col} < {hi})"
    ))
}

/// A CAMEO code or prefix: the two-digit root through the `(root, day)` index, the rest as a
/// range on the code.
fn cameo_cond(p: &mut Params, prefix: &str) -> Result<String> {
    let (lo, hi) = prefix_range(prefix)?;
    let mut parts = Vec::new();
    if prefix.len() >= 2 {
        let root = p.text(&prefix[..2]);
        parts.push(format!("substr(e.cameo, 1, 2) = {root}"));
    }
    if prefix.len() != 2 {
        let (lo, hi) = (p.text(&lo), p.text(&hi));
        parts.push(format!("e.cameo >= {lo} AND e.cameo < {hi}"));
    }
    Ok(format!("({})", parts.join(" AND ")))
}

/// The conditions of a query: those every event must meet, and the either-side actor filter
/// kept apart so that a limited query can run it as two index scans.
struct Conds {
    all: Vec<String>,
    either: Option<(String, String)>,
}

fn conditions(q: &EventQuery, p: &mut Params) -> Result<Conds> {
    let mut all: Vec<String> = Vec::new();
    let either = match &q.actor {
        Some(a) => Some((
            actor_cond(p, "e.src_code", "e.src3", a)?,
            actor_cond(p, "e.tgt_code", "e.tgt3", a)?,
        )),
        None => None,
    };
    if let Some(a) = &q.source {
        all.push(actor_cond(p, "e.src_code", "e.src3", a)?);
    }
    if let Some(a) = &q.target {
        all.push(actor_cond(p, "e.tgt_code", "e.tgt3", a)?);
    }
    if let Some(c) = &q.cameo {
        all.push(cameo_cond(p, c)?);
    }
    if let Some(v) = &q.plover {
        let v = p.text(&v.to_ascii_uppercase());
        all.push(format!("e.plover = {v}"));
    }
    if let Some(s) = &q.status {
        let s = p.text(&s.to_ascii_lowercase());
        all.push(format!("e.status = {s}"));
    }
    if let Some(f) = &q.from {
        let f = p.bind(SqlValue::Integer(day_of(f, "--from")?));
        all.push(format!("e.day >= {f}"));
    }
    if let Some(t) = &q.to {
        let t = p.bind(SqlValue::Integer(day_of(t, "--to")?));
        all.push(format!("e.day <= {t}"));
    }
    if let Some(v) = &q.place {
        let v = p.text(v);
        all.push(format!("e.place_name = {v} COLLATE NOCASE"));
    }
    if let Some(g) = q.geonameid {
        let g = p.bind(SqlValue::Integer(g));
        all.push(format!("e.geonameid = {g}"));
    }
    if let Some(b) = q.bbox {
        if !(b.min_lat <= b.max_lat && b.min_lon <= b.max_lon) {
            return Err(StoreError::Invalid(
                "a bounding box is min_lon,min_lat,max_lon,max_lat with min <= max".into(),
            ));
        }
        let v: Vec<String> = [b.min_lat, b.max_lat, b.min_lon, b.max_lon]
            .into_iter()
            .map(|x| p.bind(SqlValue::Real(x)))
            .collect();
        // the R*Tree finds the candidates (it stores 32-bit floats, rounded outwards); the
        // exact comparison keeps only the events inside
        all.push(format!(
            "e.id IN (SELECT id FROM events_box WHERE max_lat >= {0} AND min_lat <= {1} \
             AND max_lon >= {2} AND min_lon <= {3}) \
             AND e.lat BETWEEN {0} AND {1} AND e.lon BETWEEN {2} AND {3}",
            v[0], v[1], v[2], v[3]
        ));
    }
    if let Some(o) = &q.outlet {
        let o = p.text(o);
        all.push(format!("e.outlet = {o}"));
    }
    if let Some(t) = &q.text {
        let t = p.text(t);
        all.push(format!(
            "e.doc IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH {t})"
        ));
    }
    Ok(Conds { all, either })
}

fn where_clause(parts: &[&str]) -> String {
    let parts: Vec<&str> = parts.iter().copied().filter(|s| !s.is_empty()).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", parts.join(" AND "))
    }
}

/// The SQL and parameters of a query. A limited query first picks the ids of its events from
/// `events` alone (so covering indexes answer it and the sort never joins), then reads the
/// rows of those few; an either-side actor filter is the union of the two sides' scans, each
/// limited. An unlimited query (exports) is one streaming scan.
fn build(query: &EventQuery) -> Result<(String, Vec<SqlValue>)> {
    let mut params = Params::default();
    let conds = conditions(query, &mut params)?;
    let order = match query.sort {
        Sort::DateDesc => "e.day DESC, e.id DESC",
        Sort::DateAsc => "e.day ASC, e.id ASC",
        Sort::Sources => "e.cluster_sources DESC, e.cluster_mentions DESC, e.id DESC",
        Sort::Mentions => "e.cluster_mentions DESC, e.id DESC",
        Sort::Confidence => "e.confidence DESC, e.id DESC",
    };
    let rest = conds.all.join(" AND ");
    let from = "FROM events e JOIN documents d ON d.id = e.doc \
                LEFT JOIN clusters c ON c.id = e.cluster";
    let sql = match query.limit {
        None => {
            let either = conds
                .either
                .as_ref()
                .map(|(src, tgt)| format!("({src} OR {tgt})"))
                .unwrap_or_default();
            format!(
                "SELECT {COLUMNS} {from}{} ORDER BY {order}",
                where_clause(&[&either, &rest])
            )
        }
        Some(limit) => {
            let inner = |side: &str| {
                format!(
                    "SELECT e.id FROM events e{} ORDER BY {order} LIMIT {limit}",
                    where_clause(&[side, &rest])
                )
            };
            let ids = match &conds.either {
                Some((src, tgt)) => format!(
                    "SELECT id FROM ({}) UNION SELECT id FROM ({})",
                    inner(src),
                    inner(tgt)
                ),
                None => inner(""),
            };
            format!("SELECT {COLUMNS} {from} WHERE e.id IN ({ids}) ORDER BY {order} LIMIT {limit}")
        }
    };
    Ok((sql, params.0))
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let day: Option<i64> = r.get(16)?;
    Ok(EventRow {
        rowid: r.get(0)?,
        doc_id: r.get(1)?,
        url: r.get(2)?,
        outlet: r.get(3)?,
        title: r.get(4)?,
        doc_date: r.get(5)?,
        event_id: r.get(6)?,
        plover: r.get(7)?,
        cameo: r.get(8)?,
        goldstein: r.get(9)?,
        quad_class: r.get(10)?,
        status: r.get(11)?,
        source_code: r.get(12)?,
        source_text: r.get(13)?,
        target_code: r.get(14)?,
        target_text: r.get(15)?,
        date: day.and_then(day_date).map(|d| d.to_string()),
        place: r.get(17)?,
        geonameid: r.get(18)?,
        place_country: r.get(19)?,
        lat: r.get(20)?,
        lon: r.get(21)?,
        trigger: r.get(22)?,
        trigger_span: [r.get(23)?, r.get(24)?],
        sentence: r.get(25)?,
        evidence: r.get(26)?,
        confidence: r.get(27)?,
        cluster: r.get(28)?,
        num_mentions: r.get(29)?,
        num_sources: r.get(30)?,
        num_articles: r.get(31)?,
        dup_group: r.get(32)?,
        lang: r.get(33)?,
        loaded_at: r.get(34)?,
    })
}

impl crate::Store {
    /// The events matching a query.
    pub fn query(&self, q: &EventQuery) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.for_each_event(q, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// Stream the matching events (exports of any size).
    pub fn for_each_event(
        &self,
        q: &EventQuery,
        mut f: impl FnMut(EventRow) -> Result<()>,
    ) -> Result<()> {
        let (sql, args) = build(q)?;
        let conn = store_conn(self);
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            f(row(r)?)?;
        }
        Ok(())
    }

    /// One row per event cluster (the store's deduplicated events), represented by its most
    /// confident event, in cluster order.
    pub fn for_each_cluster(&self, mut f: impl FnMut(EventRow) -> Result<()>) -> Result<()> {
        let sql = format!(
            "SELECT {COLUMNS} FROM clusters c JOIN events e ON e.id = \
             (SELECT id FROM events WHERE cluster = c.id ORDER BY confidence DESC, id LIMIT 1) \
             JOIN documents d ON d.id = e.doc ORDER BY c.id"
        );
        let conn = store_conn(self);
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(row(r)?)?;
        }
        Ok(())
    }

    /// The query plan SQLite chose (to check that filters use the indexes).
    pub fn query_plan(&self, q: &EventQuery) -> Result<Vec<String>> {
        let (sql, args) = build(q)?;
        let conn = store_conn(self);
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_code_characters_only() {
        assert_eq!(prefix_range("RUS").unwrap(), ("RUS".into(), "RUS~".into()));
        assert!(prefix_range("R'; DROP").is_err());
        assert!(prefix_range("").is_err());
    }

    #[test]
    fn filters_become_bound_parameters() {
        let q = EventQuery {
            actor: Some("RUS".into()),
            plover: Some("threaten".into()),
            from: Some("2026-01-01".into()),
            limit: Some(10),
            ..EventQuery::default()
        };
        let (sql, args) = build(&q).unwrap();
        // RUS on either side binds the prefix twice (one scan a side), then the type and day
        assert!(
            sql.contains("e.src3 = ?1") && sql.contains("e.tgt3 = ?2"),
            "{sql}"
        );
        assert!(sql.contains("e.plover = ?3"), "{sql}");
        assert_eq!(args.len(), 4);
        assert!(sql.ends_with("LIMIT 10"));
        let bad = EventQuery {
            from: Some("last week".into()),
            ..EventQuery::default()
        };
        assert!(build(&bad).is_err());
    }
}
