//! Events from different documents that are the same happening become one cluster, the
//! store's counterpart of a GDELT event record. Two rules join an event to a cluster:
//!
//! - the same day: same PLOVER type, same actors at the country or group level (the
//!   three-letter prefix of the CAMEO code), days at most one apart (an event's own date, else
//!   its document's), and the same place when both events have one;
//! - a report of an earlier happening: same type and both actors known and the same, dates
//!   compatible though far apart (an event the text dates must fall no later than the day the
//!   other was reported; two undated reports may be weeks apart), the same place when both
//!   have one, and evidence sentences that share their content words (see [`crate::similar`]),
//!   not counting the words that name the actors (the codes already matched them).
//!   Later coverage recalls a happening (a phone call in July, in September's and November's
//!   articles) without restating its date; the words it is told with carry the identity;
//! - a report anchored by a date: the same as the last rule, with fewer shared words (one is
//!   enough), when one event is dated by its text and the other is not, and each is the only
//!   event of its type between its actors in its article. A later article that mentions the
//!   one attack, or the one set of measures, of the dated report without its date tells it in
//!   its own words ("drone strikes" then "the attack"); being alone of its kind on both sides
//!   is what ties them, and a second event of the kind in either article leaves it undecided.
//!
//! Each cluster counts its mentions, sources (outlets) and articles like GDELT's NumMentions /
//! NumSources / NumArticles; the events keep their documents, so every mention's provenance
//! stays one join away.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;
use crate::similar;
use crate::text::day_interval;

/// Days apart that still count as the same happening (reports dated by publication lag a day).
pub const DAY_WINDOW: i64 = 1;

/// How far apart (days) a later report of a happening is looked for.
pub const RECALL_WINDOW: i64 = 180;

/// Candidates compared for a later report on each side in time (the nearest).
const RECALL_CANDIDATES: i64 = 32;

/// Evidence overlap (shared content words over the smaller sentence's) from which two reports
/// far apart are one happening.
pub const MIN_OVERLAP: f64 = 0.3;

/// What an event is matched on.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterKey {
    pub plover: String,
    pub src3: Option<String>,
    pub tgt3: Option<String>,
    /// The event's own day, else its document's.
    pub day: Option<i64>,
    pub geonameid: Option<i64>,
    pub country: Option<String>,
    /// The days the text dates the event to (`None`: the text gives no date, or the date is
    /// the publication's).
    pub own: Option<(i64, i64)>,
    /// The day its document was published.
    pub reported: Option<i64>,
    /// Its evidence sentence.
    pub evidence: String,
    /// The only event of its type between its actors (by prefix) in its document.
    pub alone: bool,
    /// The words naming its actors (the source's and target's text), which the rules for later
    /// reports do not count as shared: the codes already matched them.
    pub actors: String,
}

/// The days an event's own date covers: its date unless the extractor took it from the
/// publication (`date_basis: publication`).
pub fn own_days(date: Option<&str>, date_basis: Option<&str>) -> Option<(i64, i64)> {
    if date_basis == Some("publication") {
        return None;
    }
    day_interval(date?)
}

/// Whether two events may be one happening by their dates alone, however far apart: dated
/// events overlap (give or take [`DAY_WINDOW`]); a dated event happened no later than an
/// undated one was reported; two undated reports may be anything.
fn dates_compatible(
    a: (Option<(i64, i64)>, Option<i64>),
    b: (Option<(i64, i64)>, Option<i64>),
) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) => x.0 - DAY_WINDOW <= y.1 && y.0 - DAY_WINDOW <= x.1,
        (Some(x), None) => b.1.is_none_or(|r| x.0 <= r + DAY_WINDOW),
        (None, Some(y)) => a.1.is_none_or(|r| y.0 <= r + DAY_WINDOW),
        (None, None) => true,
    }
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
        // any member within the window, not only the cluster's first event: a happening
        // reported over several days stays one (single link)
        let mut stmt = tx.prepare_cached(
            "SELECT cluster, day, geonameid, place_country FROM events \
             WHERE src3 IS ?2 AND day BETWEEN ?4 AND ?5 AND tgt3 IS ?3 AND plover = ?1 \
             AND cluster IS NOT NULL ORDER BY id",
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
        let mut best: Option<(i64, i64)> = None;
        for row in rows {
            let (id, cday, gid, country) = row?;
            if !places_agree(
                (key.geonameid, key.country.as_deref()),
                (gid, country.as_deref()),
            ) {
                continue;
            }
            // nearest day first, then the earliest event: deterministic for a given order
            let dist = (cday - day).abs();
            if best.is_none_or(|(_, d)| dist < d) {
                best = Some((id, dist));
            }
        }
        if let Some((id, _)) = best {
            return Ok(id);
        }
    }
    if let Some(id) = recalled(tx, key)? {
        return Ok(id);
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

/// The cluster of an earlier report of the same happening, far apart in time: same type,
/// both actors known and equal, compatible dates and places, evidence that shares its words.
fn recalled(tx: &Transaction<'_>, key: &ClusterKey) -> Result<Option<i64>> {
    let (Some(src3), Some(tgt3), Some(day)) = (&key.src3, &key.tgt3, key.day) else {
        return Ok(None);
    };
    // the words of the act: the evidence without the words naming its actors
    let key_actors = similar::content_words(&key.actors);
    let act = similar::content_words(&key.evidence).without(&key_actors);
    if act.is_empty() {
        return Ok(None);
    }
    // the nearest candidates before and after, each side read in day order on the
    // (src3, day, tgt3) index and stopped at the limit
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT * FROM (SELECT e.cluster, e.date, json_extract(e.json, '$.date_basis'), d.day, \
         e.geonameid, e.place_country, e.evidence, {ALONE}, {ACTORS} FROM events e \
         JOIN documents d ON d.id = e.doc \
         WHERE e.src3 = ?1 AND e.tgt3 = ?2 AND e.plover = ?3 AND e.day BETWEEN ?4 AND ?6 \
         AND e.cluster IS NOT NULL ORDER BY e.day DESC LIMIT ?7) \
         UNION ALL SELECT * FROM (SELECT e.cluster, e.date, json_extract(e.json, '$.date_basis'), \
         d.day, e.geonameid, e.place_country, e.evidence, {ALONE}, {ACTORS} FROM events e \
         JOIN documents d ON d.id = e.doc \
         WHERE e.src3 = ?1 AND e.tgt3 = ?2 AND e.plover = ?3 AND e.day > ?6 AND e.day <= ?5 \
         AND e.cluster IS NOT NULL ORDER BY e.day ASC LIMIT ?7)"
    ))?;
    let rows = stmt.query_map(
        params![
            src3,
            tgt3,
            key.plover,
            day - RECALL_WINDOW,
            day + RECALL_WINDOW,
            day,
            RECALL_CANDIDATES
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, bool>(7)?,
                r.get::<_, String>(8)?,
            ))
        },
    )?;
    let mut best: Option<(f64, i64)> = None;
    for row in rows {
        let (cluster, date, basis, reported, gid, country, evidence, alone, actors) = row?;
        let own = own_days(date.as_deref(), basis.as_deref());
        if !dates_compatible((key.own, key.reported), (own, reported))
            || !places_agree(
                (key.geonameid, key.country.as_deref()),
                (gid, country.as_deref()),
            )
        {
            continue;
        }
        // the words of the two acts, without the words naming either side's actors
        let other = similar::content_words(&evidence)
            .without(&key_actors)
            .without(&similar::content_words(&actors));
        let mine = act.without(&similar::content_words(&actors));
        let score = similar::overlap(&mine, &other);
        // one side dated, the other not, each alone of its kind: a shared word is enough
        let anchored = key.alone
            && alone
            && key.own.is_some() != own.is_some()
            && similar::shared(&mine, &other) >= 1;
        if (score >= MIN_OVERLAP || anchored) && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, cluster));
        }
    }
    Ok(best.map(|(_, c)| c))
}

/// SQL for "event `e` is the only one of its type and actors (by prefix) in its document".
/// SQL for the words naming event `e`'s actors.
const ACTORS: &str = "COALESCE(e.src_text, '') || ' ' || COALESCE(e.tgt_text, '')";

const ALONE: &str = "(SELECT COUNT(*) FROM events x WHERE x.doc = e.doc AND x.plover = e.plover \
     AND x.src3 IS e.src3 AND x.tgt3 IS e.tgt3) = 1";

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
        let mut stmt = tx.prepare(&format!(
            "SELECT e.id, e.plover, e.src3, e.tgt3, e.day, e.geonameid, e.place_country, e.date, \
             json_extract(e.json, '$.date_basis'), d.day, e.evidence, {ALONE}, {ACTORS} \
             FROM events e JOIN documents d ON d.id = e.doc ORDER BY e.day IS NULL, e.day, e.id"
        ))?;
        let rows = stmt.query_map([], |r| {
            let date: Option<String> = r.get(7)?;
            let basis: Option<String> = r.get(8)?;
            Ok((
                r.get(0)?,
                ClusterKey {
                    plover: r.get(1)?,
                    src3: r.get(2)?,
                    tgt3: r.get(3)?,
                    day: r.get(4)?,
                    geonameid: r.get(5)?,
                    country: r.get(6)?,
                    own: own_days(date.as_deref(), basis.as_deref()),
                    reported: r.get(9)?,
                    evidence: r.get(10)?,
                    alone: r.get(11)?,
                    actors: r.get(12)?,
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
    fn far_dates_are_compatible_only_in_the_past_of_a_report() {
        let july25 = Some((100, 100));
        // a dated happening recalled by a report months later
        assert!(dates_compatible((july25, Some(120)), (None, Some(166))));
        assert!(dates_compatible((None, Some(166)), (july25, Some(120))));
        // a happening dated after the other article was published cannot be what it reported
        assert!(!dates_compatible(
            (Some((200, 200)), Some(200)),
            (None, Some(166))
        ));
        // two dated happenings: a day apart at most, or overlapping (a month and a day in it)
        assert!(dates_compatible((july25, None), (Some((101, 101)), None)));
        assert!(!dates_compatible((july25, None), (Some((103, 103)), None)));
        assert!(dates_compatible((Some((90, 120)), None), (july25, None)));
        // a date the extractor took from the publication is no date of the text's
        assert_eq!(own_days(Some("2019-07-25"), Some("publication")), None);
        assert!(own_days(Some("2019-07"), Some("text")).is_some());
        assert!(own_days(Some("2019-07-25"), None).is_some());
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
