//! Events from different documents that are the same happening become one cluster, the
//! store's counterpart of a GDELT event record: same PLOVER type, same actors at the country or
//! group level (the three-letter prefix of the CAMEO code), days at most one apart, and the
//! same place when both events have one. Each cluster counts its mentions, sources (outlets)
//! and articles like GDELT's NumMentions / NumSources / NumArticles; the events keep their
//! documents, so every mention's provenance stays one join away.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;

/// Days apart that still count as the same happening (reports dated by publication lag a day).
pub const DAY_WINDOW: i64 = 1;

/// What an event is matched on.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterKey {
    pub plover: String,
    pub src3: Option<String>,
    pub tgt3: Option<String>,
    pub day: Option<i64>,
    pub geonameid: Option<i64>,
    pub country: Option<String>,
}

/// The country-or-group prefix of a CAMEO actor code (`RUSGOV` → `RUS`).
pub fn prefix3(code: Option<&str>) -> Option<String> {
    let code = code?;
    let p: String = code.chars().take(3).collect();
    (p.chars().count() == 3).then_some(p)
}

/// Places agree when either is unknown, when they are the same GeoNames entry, or when they
/// lie in the same country (a city and its country name the same location at GDELT's grain).
fn places_agree(a: (Option<i64>, Option<&str>), b: (Option<i64>, Option<&str>)) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) if x == y => true,
        (Some(_), Some(_)) => matches!((a.1, b.1), (Some(x), Some(y)) if !x.is_empty() && x == y),
        _ => true,
    }
}

/// The cluster an event joins, created when none matches. Events without a day stay alone:
/// nothing says two undated reports are the same happening.
pub fn assign(tx: &Transaction<'_>, key: &ClusterKey) -> Result<i64> {
    if let Some(day) = key.day {
        let mut stmt = tx.prepare_cached(
            "SELECT id, day, geonameid, country FROM clusters \
             WHERE plover = ?1 AND src3 IS ?2 AND tgt3 IS ?3 AND day BETWEEN ?4 AND ?5",
        )?;
        let rows = stmt.query_map(
            params![
                key.plover,
                key.src3,
                key.tgt3,
                day - DAY_WINDOW,
                day + DAY_WINDOW
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            },
        )?;
        let mut best: Option<(i64, i64, Option<i64>)> = None;
        for row in rows {
            let (id, cday, gid, country) = row?;
            if !places_agree(
                (key.geonameid, key.country.as_deref()),
                (gid, country.as_deref()),
            ) {
                continue;
            }
            // nearest day first, then the oldest cluster: deterministic for a given order
            let dist = (cday - day).abs();
            if best.is_none_or(|(_, d, _)| dist < d) {
                best = Some((id, dist, gid));
            }
        }
        if let Some((id, _, gid)) = best {
            if gid.is_none() && key.geonameid.is_some() {
                tx.prepare_cached(
                    "UPDATE clusters SET geonameid = ?2, country = ?3 WHERE id = ?1",
                )?
                .execute(params![id, key.geonameid, key.country])?;
            }
            return Ok(id);
        }
    }
    tx.prepare_cached(
        "INSERT INTO clusters (plover, src3, tgt3, day, geonameid, country) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        key.plover,
        key.src3,
        key.tgt3,
        key.day,
        key.geonameid,
        key.country
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Recount the clusters touched by a batch; drop those left without events.
pub fn recount(tx: &Transaction<'_>, touched: &BTreeSet<i64>) -> Result<()> {
    let mut update = tx.prepare_cached(
        "UPDATE clusters SET \
           num_mentions = (SELECT COALESCE(SUM(n_mentions), 0) FROM events WHERE cluster = ?1), \
           num_articles = (SELECT COUNT(DISTINCT doc) FROM events WHERE cluster = ?1), \
           num_sources = (SELECT COUNT(DISTINCT COALESCE(outlet, '')) FROM events WHERE cluster = ?1) \
         WHERE id = ?1",
    )?;
    let mut drop = tx.prepare_cached(
        "DELETE FROM clusters WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM events WHERE cluster = ?1)",
    )?;
    // the counts copied onto the events, which the sorts by sources and mentions read
    let mut copy = tx.prepare_cached(
        "UPDATE events SET cluster_sources = c.num_sources, cluster_mentions = c.num_mentions \
         FROM clusters c WHERE c.id = ?1 AND events.cluster = ?1 \
         AND (events.cluster_sources != c.num_sources OR events.cluster_mentions != c.num_mentions)",
    )?;
    for &id in touched {
        drop.execute([id])?;
        update.execute([id])?;
        copy.execute([id])?;
    }
    Ok(())
}

/// Rebuild every cluster from the events, in date order (an incremental store clusters in
/// arrival order; this gives the order-independent answer, and applies a changed rule).
pub fn recluster(tx: &Transaction<'_>) -> Result<usize> {
    tx.execute_batch("UPDATE events SET cluster = NULL; DELETE FROM clusters;")?;
    let keys: Vec<(i64, ClusterKey)> = {
        let mut stmt = tx.prepare(
            "SELECT id, plover, src3, tgt3, day, geonameid, place_country FROM events \
             ORDER BY day IS NULL, day, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                ClusterKey {
                    plover: r.get(1)?,
                    src3: r.get(2)?,
                    tgt3: r.get(3)?,
                    day: r.get(4)?,
                    geonameid: r.get(5)?,
                    country: r.get(6)?,
                },
            ))
        })?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    let mut touched = BTreeSet::new();
    for (id, key) in &keys {
        let c = assign(tx, key)?;
        tx.prepare_cached("UPDATE events SET cluster = ?2 WHERE id = ?1")?
            .execute(params![id, c])?;
        touched.insert(c);
    }
    recount(tx, &touched)?;
    Ok(touched.len())
}

/// The cluster of one stored event, if any.
pub fn of_event(tx: &rusqlite::Connection, event: i64) -> Result<Option<i64>> {
    Ok(tx
        .query_row("SELECT cluster FROM events WHERE id = ?1", [event], |r| {
            r.get(0)
        })
        .optional()?
        .flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_is_three_letters_or_nothing() {
        assert_eq!(prefix3(Some("RUSGOV")).as_deref(), Some("RUS"));
        assert_eq!(prefix3(Some("US")), None);
        assert_eq!(prefix3(None), None);
    }

    #[test]
    fn places_agree_by_id_or_country_or_absence() {
        assert!(places_agree((Some(1), Some("FR")), (Some(1), Some("FR"))));
        assert!(places_agree((Some(1), Some("FR")), (Some(2), Some("FR"))));
        assert!(!places_agree((Some(1), Some("FR")), (Some(2), Some("IT"))));
        assert!(places_agree((None, None), (Some(2), Some("IT"))));
        assert!(!places_agree((Some(1), Some("")), (Some(2), Some(""))));
    }
}
