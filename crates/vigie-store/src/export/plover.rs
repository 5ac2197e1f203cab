//! Events as PLOVER JSON records, the shape of the PLOVER project's gold-standard records
//! (`PLOVER_GSR_CAMEO`): `id`, `date`, `source`/`target` as lists of
//! `{actorText, code, sector}`, `event`, `eventText`, `text`, `language`, `eventLoc`,
//! `publication`, `coder`, `dateCoded`. PLOVER's `mode` and `context` are left out: vigie does
//! not code them yet. `cameo`, `status`, `confidence` and the cluster counts are added.

use std::io::Write;

use serde_json::{json, Map, Value};

use crate::error::Result;
use crate::query::{EventQuery, EventRow};
use crate::Store;

/// `RUSGOV` → code `RUS`, sector `GOV` (sector absent for a bare country or group).
fn actor(text: Option<&String>, code: Option<&String>) -> Value {
    let Some(code) = code else {
        return match text {
            Some(t) => json!([{ "actorText": t }]),
            None => json!([]),
        };
    };
    let mut a = Map::new();
    if let Some(t) = text {
        a.insert("actorText".into(), json!(t));
    }
    let (country, sector) = code.split_at(code.len().min(3));
    a.insert("code".into(), json!(country));
    if !sector.is_empty() {
        a.insert("sector".into(), json!(sector));
    }
    Value::Array(vec![Value::Object(a)])
}

/// One PLOVER record.
pub fn record(r: &EventRow) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(format!("{}-{}", r.doc_id, r.event_id)));
    if let Some(d) = &r.date {
        m.insert("date".into(), json!(d));
    }
    m.insert(
        "source".into(),
        actor(r.source_text.as_ref(), r.source_code.as_ref()),
    );
    m.insert(
        "target".into(),
        actor(r.target_text.as_ref(), r.target_code.as_ref()),
    );
    m.insert("event".into(), json!(r.plover));
    m.insert("eventText".into(), json!(r.trigger));
    m.insert("text".into(), json!(r.evidence));
    if let Some(l) = &r.lang {
        m.insert("language".into(), json!(l));
    }
    if let Some(p) = &r.place {
        m.insert(
            "eventLoc".into(),
            json!({"name": p, "country code": r.place_country, "geonameid": r.geonameid,
                   "lat": r.lat, "lon": r.lon}),
        );
    }
    if let Some(o) = &r.outlet {
        m.insert("publication".into(), json!(o));
    }
    if let Some(u) = &r.url {
        m.insert("url".into(), json!(u));
    }
    m.insert("coder".into(), json!("vigie"));
    m.insert(
        "dateCoded".into(),
        json!(r.loaded_at.get(..10).unwrap_or("")),
    );
    m.insert("cameo".into(), json!(r.cameo));
    m.insert("status".into(), json!(r.status));
    m.insert("confidence".into(), json!(r.confidence));
    m.insert("numMentions".into(), json!(r.num_mentions));
    m.insert("numSources".into(), json!(r.num_sources));
    m.insert("numArticles".into(), json!(r.num_articles));
    Value::Object(m)
}

/// Every event matching `q` as a JSON array of PLOVER records (as the gold-standard file).
pub fn export(store: &Store, q: &EventQuery, w: &mut impl Write) -> Result<usize> {
    let mut n = 0;
    w.write_all(b"[")?;
    store.for_each_event(q, |r| {
        w.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *w, &record(&r))?;
        n += 1;
        Ok(())
    })?;
    w.write_all(b"\n]\n")?;
    Ok(n)
}
