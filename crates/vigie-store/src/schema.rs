//! Versioned schema migrations. `PRAGMA user_version` records how many have run; each runs in
//! its own transaction, so a crash mid-migration leaves the previous version intact.

use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only; never edit one
/// that has shipped.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, their layers, events and mentions, near-duplicate bands, event clusters.
    r"
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  ident TEXT NOT NULL UNIQUE,          -- the URL, or 'id:' || doc_id without one
  doc_id TEXT NOT NULL,
  url TEXT, outlet TEXT, date TEXT, day INTEGER, lang TEXT, title TEXT,
  text TEXT NOT NULL,
  date_source TEXT,
  content_hash TEXT NOT NULL,
  lexicon_version TEXT,
  boilerplate TEXT NOT NULL,           -- JSON [[start, end], ...] in characters
  sentences TEXT NOT NULL,
  extra TEXT NOT NULL,                 -- JSON object of fields without a column
  n_events INTEGER NOT NULL,           -- written with the events: a consistency check
  dup_group INTEGER,                   -- near-duplicate group: the first document's id
  minhash BLOB,
  loaded_at TEXT NOT NULL
);
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_dup ON documents(dup_group);
CREATE INDEX documents_day ON documents(day);

CREATE TABLE doc_bands (
  band INTEGER NOT NULL,
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX doc_bands_band ON doc_bands(band);
CREATE INDEX doc_bands_doc ON doc_bands(doc);

CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  plover TEXT NOT NULL, src3 TEXT, tgt3 TEXT, day INTEGER,
  geonameid INTEGER, country TEXT,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_key ON clusters(plover, src3, tgt3, day);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  plover TEXT NOT NULL, cameo TEXT NOT NULL, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
  status TEXT NOT NULL,
  src_code TEXT, src3 TEXT, src_text TEXT,
  tgt_code TEXT, tgt3 TEXT, tgt_text TEXT,
  date TEXT, day INTEGER,              -- the event's day, else the document's
  geonameid INTEGER, place_name TEXT, place_country TEXT, lat REAL, lon REAL,
  trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  evidence TEXT NOT NULL,              -- the sentence's text
  confidence REAL NOT NULL,
  n_mentions INTEGER NOT NULL,         -- 1 + further mentions in the document
  outlet TEXT,                         -- copied from the document: filters need no join
  cluster INTEGER REFERENCES clusters(id),
  json TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_plover_day ON events(plover, day);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_src ON events(src_code, day);
CREATE INDEX events_tgt ON events(tgt_code, day);
CREATE INDEX events_geonameid ON events(geonameid);
CREATE INDEX events_place_name ON events(place_name COLLATE NOCASE);
CREATE INDEX events_lat ON events(lat);
CREATE INDEX events_outlet_day ON events(outlet, day);
CREATE INDEX events_cluster ON events(cluster);

CREATE TABLE mentions (
  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE INDEX mentions_event ON mentions(event);

CREATE TABLE entities (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT, type TEXT, start INTEGER, end INTEGER, actor_code TEXT,
  json TEXT NOT NULL
);
CREATE INDEX entities_doc ON entities(doc);
CREATE INDEX entities_actor ON entities(actor_code);

CREATE TABLE places (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT, start INTEGER, end INTEGER, geonameid INTEGER, name TEXT,
  country TEXT, lat REAL, lon REAL, feature TEXT,
  json TEXT NOT NULL
);
CREATE INDEX places_doc ON places(doc);
CREATE INDEX places_geonameid ON places(geonameid);

CREATE TABLE times (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT, start INTEGER, end INTEGER, value TEXT, granularity TEXT,
  json TEXT NOT NULL
);
CREATE INDEX times_doc ON times(doc);

CREATE TABLE quotes (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT, start INTEGER, end INTEGER, speaker TEXT, speaker_code TEXT,
  verb TEXT,
  json TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);

CREATE TABLE counts (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT, start INTEGER, end INTEGER, value REAL, qualifier TEXT,
  unit TEXT, object TEXT,
  json TEXT NOT NULL
);
CREATE INDEX counts_doc ON counts(doc);
",
    // 2: full-text search over titles and texts, kept in step by triggers; documents written
    // before this version are indexed by the rebuild.
    r"
CREATE VIRTUAL TABLE docs_fts USING fts5(
  title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO docs_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO docs_fts(docs_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO docs_fts(docs_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO docs_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');
",
    // 3: indexes that answer the broad filters and the sorts of `vigie query` at a million
    // events without reading every match: (actor prefix, day) for either side, (CAMEO root, day),
    // (document, day) covering the full-text join, an R*Tree for bounding boxes, and the
    // cluster counts copied onto each event so that sorting by sources or mentions is an index
    // scan instead of a join sorted in full. The copies are kept by `cluster::recount`.
    r"
ALTER TABLE events ADD COLUMN cluster_sources INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN cluster_mentions INTEGER NOT NULL DEFAULT 1;
UPDATE events SET cluster_sources = c.num_sources, cluster_mentions = c.num_mentions
  FROM clusters c WHERE c.id = events.cluster;
UPDATE events SET cluster_mentions = n_mentions WHERE cluster IS NULL;
-- each side's index carries the other side's code, so a dyad (--source X --target Y) is
-- filtered inside the index, without reading the rows it rejects
CREATE INDEX events_src3_day ON events(src3, day, tgt3, tgt_code);
CREATE INDEX events_tgt3_day ON events(tgt3, day, src3, src_code);
CREATE INDEX events_cameo_root_day ON events(substr(cameo, 1, 2), day);
CREATE INDEX events_doc_day ON events(doc, day);
DROP INDEX events_doc;
CREATE INDEX events_sources ON events(cluster_sources, cluster_mentions);
CREATE INDEX events_plover_sources ON events(plover, cluster_sources, cluster_mentions);
CREATE INDEX events_mentions ON events(cluster_mentions);
CREATE VIRTUAL TABLE events_box USING rtree(id, min_lat, max_lat, min_lon, max_lon);
INSERT INTO events_box SELECT id, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE TRIGGER events_box_insert AFTER INSERT ON events
  WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
  INSERT INTO events_box VALUES (new.id, new.lat, new.lat, new.lon, new.lon);
END;
CREATE TRIGGER events_box_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_box WHERE id = old.id;
END;
DROP INDEX events_lat;
",
];

/// The schema version this code writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version of a database (0 when empty).
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Run the migrations a database lacks, up to `target` (normally [`VERSION`]).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let found = version(conn)?;
    if found > VERSION {
        return Err(StoreError::TooNew {
            found,
            known: VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let to = i as i64 + 1;
        if to <= found || to > target {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        // user_version cannot take a bound parameter; `to` is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {to}"))?;
        tx.commit()?;
    }
    Ok(())
}
