//! Documents back out as the contract's JSON Lines (schema vigie/1): every layer is rebuilt
//! from the items the store kept, in their original order, so a load-then-export round trip
//! gives back what was loaded (plus `outlet`, `lexicon_version` and `near_duplicate_of`).

use std::io::Write;

use rusqlite::params;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::{store_conn, Store};

fn layer(store: &Store, table: &str, doc: i64) -> Result<Vec<Value>> {
    // `table` is one of our own table names, never user input.
    let sql = format!("SELECT json FROM {table} WHERE doc = ?1 ORDER BY ord");
    let mut stmt = store_conn(store).prepare_cached(&sql)?;
    let rows = stmt.query_map([doc], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for j in rows {
        out.push(serde_json::from_str(&j?)?);
    }
    Ok(out)
}

/// One stored document as a contract object.
pub fn document(store: &Store, doc: i64) -> Result<Value> {
    let conn = store_conn(store);
    let mut stmt = conn.prepare_cached(
        "SELECT doc_id, url, outlet, date, lang, title, text, date_source, lexicon_version, \
         boilerplate, sentences, extra, dup_group FROM documents WHERE id = ?1",
    )?;
    let (mut obj, dup): (Map<String, Value>, Option<i64>) = stmt.query_row(params![doc], |r| {
        let mut m = Map::new();
        let text = |i: usize| -> rusqlite::Result<Value> {
            Ok(r.get::<_, Option<String>>(i)?
                .map_or(Value::Null, Value::String))
        };
        m.insert("id".into(), text(0)?);
        m.insert("url".into(), text(1)?);
        m.insert("outlet".into(), text(2)?);
        m.insert("date".into(), text(3)?);
        m.insert("lang".into(), text(4)?);
        m.insert("title".into(), text(5)?);
        m.insert("text".into(), text(6)?);
        m.insert("date_source".into(), text(7)?);
        m.insert("lexicon_version".into(), text(8)?);
        m.insert("boilerplate".into(), Value::String(r.get(9)?));
        m.insert("sentences".into(), Value::String(r.get(10)?));
        m.insert("extra".into(), Value::String(r.get(11)?));
        Ok((m, r.get(12)?))
    })?;
    for k in ["boilerplate", "sentences"] {
        let raw = obj[k].as_str().unwrap_or("[]").to_string();
        obj.insert(k.into(), serde_json::from_str(&raw)?);
    }
    let extra = obj.remove("extra");
    if let Some(Value::Object(extra)) = extra
        .as_ref()
        .and_then(Value::as_str)
        .map(serde_json::from_str::<Value>)
        .transpose()?
    {
        for (k, v) in extra {
            obj.entry(k).or_insert(v);
        }
    }
    obj.entry("schema")
        .or_insert(Value::String(vigie_core::output::SCHEMA.into()));
    for t in ["entities", "places", "times", "quotes", "counts"] {
        obj.insert(t.into(), Value::Array(layer(store, t, doc)?));
    }
    let mut stmt = conn.prepare_cached("SELECT json FROM events WHERE doc = ?1 ORDER BY ord")?;
    let events: Vec<String> = stmt
        .query_map([doc], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let events: Vec<Value> = events
        .iter()
        .map(|j| serde_json::from_str(j))
        .collect::<std::result::Result<_, _>>()?;
    obj.insert("events".into(), Value::Array(events));
    if let Some(g) = dup.filter(|&g| g != doc) {
        let first: Option<String> = conn
            .query_row("SELECT doc_id FROM documents WHERE id = ?1", [g], |r| {
                r.get(0)
            })
            .ok();
        obj.insert(
            "near_duplicate_of".into(),
            first.map_or(Value::Null, Value::String),
        );
    }
    Ok(Value::Object(obj))
}

/// Every document, one line each, in the order they were stored. Returns the count.
pub fn export(store: &Store, w: &mut impl Write) -> Result<usize> {
    let ids: Vec<i64> = {
        let mut stmt = store_conn(store).prepare("SELECT id FROM documents ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    for &id in &ids {
        serde_json::to_writer(&mut *w, &document(store, id)?)?;
        w.write_all(b"\n")?;
    }
    Ok(ids.len())
}
