//! Writing documents: one transaction a batch, so a crash loses at most the batch in flight.
//! The same article again (same identity, content hash and lexicon) changes nothing; a new
//! version (same URL, other text) or a new extraction replaces the old one inside the same
//! transaction, so readers see either the old extraction or the new one, never a mix.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;

use crate::cluster::{self, prefix3, ClusterKey};
use crate::error::Result;
use crate::minhash;
use crate::record::{DocRecord, EventRecord};
use crate::text::{day_number, CharOffsets};

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    pub inserted: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

impl BatchReport {
    pub fn add(&mut self, other: BatchReport) {
        self.inserted += other.inserted;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
    }
}

enum Outcome {
    Inserted,
    Replaced,
    Unchanged,
}

pub(crate) fn write_batch(
    tx: &Transaction<'_>,
    docs: &[DocRecord],
    now: &str,
) -> Result<BatchReport> {
    let mut report = BatchReport::default();
    let mut touched = BTreeSet::new();
    for doc in docs {
        match write_doc(tx, doc, now, &mut touched)? {
            Outcome::Inserted => report.inserted += 1,
            Outcome::Replaced => report.replaced += 1,
            Outcome::Unchanged => report.unchanged += 1,
        }
    }
    cluster::recount(tx, &touched)?;
    Ok(report)
}

fn write_doc(
    tx: &Transaction<'_>,
    doc: &DocRecord,
    now: &str,
    touched: &mut BTreeSet<i64>,
) -> Result<Outcome> {
    let ident = doc.ident();
    let hash = doc.content_hash();
    let old: Option<(i64, String, Option<String>)> = tx
        .prepare_cached("SELECT id, content_hash, lexicon_version FROM documents WHERE ident = ?1")?
        .query_row([&ident], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let outcome = match &old {
        Some((_, h, lex)) if *h == hash && *lex == doc.lexicon_version => {
            return Ok(Outcome::Unchanged)
        }
        Some((id, _, _)) => {
            let mut stmt = tx.prepare_cached(
                "SELECT DISTINCT cluster FROM events WHERE doc = ?1 AND cluster IS NOT NULL",
            )?;
            for c in stmt.query_map([id], |r| r.get::<_, i64>(0))? {
                touched.insert(c?);
            }
            tx.prepare_cached("DELETE FROM documents WHERE id = ?1")?
                .execute([id])?;
            Outcome::Replaced
        }
        None => Outcome::Inserted,
    };
    let outlet = doc.outlet();
    let doc_day = doc.date.as_deref().and_then(day_number);
    let sig = minhash::signature(&doc.text);
    tx.prepare_cached(
        "INSERT INTO documents (ident, doc_id, url, outlet, date, day, lang, title, text, date_source, \
         content_hash, lexicon_version, boilerplate, sentences, extra, n_events, minhash, loaded_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        ident,
        doc.id,
        doc.url,
        outlet,
        doc.date,
        doc_day,
        doc.lang,
        doc.title,
        doc.text,
        doc.date_source,
        hash,
        doc.lexicon_version,
        serde_json::to_string(&doc.boilerplate)?,
        serde_json::to_string(&doc.sentences)?,
        serde_json::to_string(&doc.extra)?,
        doc.events.len() as i64,
        sig.as_ref().map(minhash::to_bytes),
        now,
    ])?;
    let id = tx.last_insert_rowid();
    let group = match &sig {
        Some(sig) => near_duplicate_group(tx, id, sig)?,
        None => id,
    };
    tx.prepare_cached("UPDATE documents SET dup_group = ?2 WHERE id = ?1")?
        .execute(params![id, group])?;
    write_layers(tx, id, doc)?;
    let chars = CharOffsets::new(&doc.text);
    // how many events of each type and pair of actors (by prefix) the document holds
    let mut kinds: std::collections::HashMap<(&str, Option<String>, Option<String>), usize> =
        std::collections::HashMap::new();
    for ev in &doc.events {
        *kinds.entry(kind_of(ev)).or_default() += 1;
    }
    for (ord, ev) in doc.events.iter().enumerate() {
        let alone = kinds.get(&kind_of(ev)) == Some(&1);
        let evidence = doc
            .sentences
            .get(ev.sentence)
            .map_or("", |&s| chars.slice(s));
        let c = write_event(tx, id, ord, ev, evidence, outlet.as_deref(), doc_day, alone)?;
        touched.insert(c);
    }
    Ok(outcome)
}

/// The group of the most similar earlier document sharing a band, or this document's own id.
fn near_duplicate_group(tx: &Transaction<'_>, id: i64, sig: &minhash::Signature) -> Result<i64> {
    let keys = minhash::band_keys(sig);
    let mut candidates = BTreeSet::new();
    {
        // The most recent documents sharing a band: a phrase common to a whole outlet must
        // not make every later article compare against every earlier one.
        let mut stmt = tx.prepare_cached(
            "SELECT doc FROM doc_bands WHERE band = ?1 ORDER BY rowid DESC LIMIT 32",
        )?;
        for k in keys {
            for d in stmt.query_map([k], |r| r.get::<_, i64>(0))? {
                candidates.insert(d?);
            }
        }
    }
    let mut best: Option<(f64, i64)> = None;
    let mut stmt = tx.prepare_cached("SELECT minhash, dup_group FROM documents WHERE id = ?1")?;
    for cand in candidates {
        let (blob, group): (Option<Vec<u8>>, Option<i64>) =
            stmt.query_row([cand], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let Some(other) = blob.as_deref().and_then(minhash::from_bytes) else {
            continue;
        };
        let s = minhash::similarity(sig, &other);
        if s >= minhash::THRESHOLD && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, group.unwrap_or(cand)));
        }
    }
    let mut ins = tx.prepare_cached("INSERT INTO doc_bands (band, doc) VALUES (?1, ?2)")?;
    for k in keys {
        ins.execute(params![k, id])?;
    }
    Ok(best.map_or(id, |(_, g)| g))
}

fn span(v: &Value) -> (Option<i64>, Option<i64>) {
    let s = &v["span"];
    (s[0].as_i64(), s[1].as_i64())
}

fn str_at<'v>(v: &'v Value, path: &[&str]) -> Option<&'v str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}

fn write_layers(tx: &Transaction<'_>, doc: i64, rec: &DocRecord) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities (doc, ord, text, type, start, end, actor_code, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, e) in rec.entities.iter().enumerate() {
        let (s, en) = span(e);
        stmt.execute(params![
            doc,
            i as i64,
            str_at(e, &["text"]),
            str_at(e, &["type"]),
            s,
            en,
            str_at(e, &["actor", "code"]),
            e.to_string()
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO places (doc, ord, text, start, end, geonameid, name, country, lat, lon, feature, json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (i, p) in rec.places.iter().enumerate() {
        let (s, en) = span(p);
        stmt.execute(params![
            doc,
            i as i64,
            str_at(p, &["text"]),
            s,
            en,
            p["geonameid"].as_i64(),
            str_at(p, &["name"]),
            str_at(p, &["country"]),
            p["lat"].as_f64(),
            p["lon"].as_f64(),
            str_at(p, &["feature"]),
            p.to_string()
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO times (doc, ord, text, start, end, value, granularity, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, t) in rec.times.iter().enumerate() {
        let (s, en) = span(t);
        stmt.execute(params![
            doc,
            i as i64,
            str_at(t, &["text"]),
            s,
            en,
            str_at(t, &["value"]),
            str_at(t, &["granularity"]),
            t.to_string()
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes (doc, ord, text, start, end, speaker, speaker_code, verb, json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, q) in rec.quotes.iter().enumerate() {
        let (s, en) = span(q);
        stmt.execute(params![
            doc,
            i as i64,
            str_at(q, &["text"]),
            s,
            en,
            str_at(q, &["speaker", "text"]),
            str_at(q, &["speaker", "code"]),
            str_at(q, &["verb"]),
            q.to_string()
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO counts (doc, ord, text, start, end, value, qualifier, unit, object, json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, c) in rec.counts.iter().enumerate() {
        let (s, en) = span(c);
        stmt.execute(params![
            doc,
            i as i64,
            str_at(c, &["text"]),
            s,
            en,
            c["value"].as_f64(),
            str_at(c, &["qualifier"]),
            str_at(c, &["unit"]),
            str_at(c, &["object"]),
            c.to_string()
        ])?;
    }
    Ok(())
}

/// An event's type and actors at the level clusters match them.
fn kind_of(ev: &EventRecord) -> (&str, Option<String>, Option<String>) {
    (
        ev.plover.as_str(),
        prefix3(ev.source.as_ref().and_then(|a| a.code.as_deref())),
        prefix3(ev.target.as_ref().and_then(|a| a.code.as_deref())),
    )
}

#[allow(clippy::too_many_arguments)]
fn write_event(
    tx: &Transaction<'_>,
    doc: i64,
    ord: usize,
    ev: &EventRecord,
    evidence: &str,
    outlet: Option<&str>,
    doc_day: Option<i64>,
    alone: bool,
) -> Result<i64> {
    let src = ev.source.as_ref();
    let tgt = ev.target.as_ref();
    let src_code = src.and_then(|a| a.code.as_deref());
    let tgt_code = tgt.and_then(|a| a.code.as_deref());
    let day = ev.date.as_deref().and_then(day_number).or(doc_day);
    let place = ev.place.as_ref();
    let key = ClusterKey {
        plover: ev.plover.clone(),
        src3: prefix3(src_code),
        tgt3: prefix3(tgt_code),
        day,
        geonameid: place.map(|p| i64::from(p.geonameid)),
        country: place.map(|p| p.country.clone()),
        own: cluster::own_days(
            ev.date.as_deref(),
            ev.extra.get("date_basis").and_then(Value::as_str),
        ),
        reported: doc_day,
        evidence: evidence.to_string(),
        alone,
        actors: format!(
            "{} {}",
            src.map_or("", |a| a.text.as_str()),
            tgt.map_or("", |a| a.text.as_str())
        ),
    };
    let cluster = cluster::assign(tx, &key)?;
    tx.prepare_cached(
        "INSERT INTO events (doc, ord, event_id, plover, cameo, goldstein, quad_class, status, \
         src_code, src3, src_text, tgt_code, tgt3, tgt_text, date, day, geonameid, place_name, \
         place_country, lat, lon, trigger_text, trigger_start, trigger_end, sentence, evidence, \
         confidence, n_mentions, outlet, cluster, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, \
         ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, \
         ?27, ?28, ?29, ?30, ?31)",
    )?
    .execute(params![
        doc,
        ord as i64,
        ev.id,
        ev.plover,
        ev.cameo,
        ev.goldstein,
        i64::from(ev.quad_class),
        ev.status,
        src_code,
        key.src3,
        src.map(|a| a.text.as_str()),
        tgt_code,
        key.tgt3,
        tgt.map(|a| a.text.as_str()),
        ev.date,
        day,
        key.geonameid,
        place.map(|p| p.name.as_str()),
        place.map(|p| p.country.as_str()),
        place.map(|p| p.lat),
        place.map(|p| p.lon),
        ev.trigger.text,
        ev.trigger.span[0] as i64,
        ev.trigger.span[1] as i64,
        ev.sentence as i64,
        evidence,
        ev.confidence,
        1 + ev.mentions.len() as i64,
        outlet,
        cluster,
        serde_json::to_string(ev)?,
    ])?;
    let event = tx.last_insert_rowid();
    let mut stmt = tx.prepare_cached(
        "INSERT INTO mentions (event, ord, sentence, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, m) in ev.mentions.iter().enumerate() {
        stmt.execute(params![
            event,
            i as i64,
            m.sentence as i64,
            m.span[0] as i64,
            m.span[1] as i64
        ])?;
    }
    Ok(cluster)
}
