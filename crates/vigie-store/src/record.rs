//! What the store writes: one document's extraction (the contract, owned and readable back from
//! JSON Lines) plus the metadata the extractor does not know (outlet, lexicon version).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::Hasher;
use vigie_core::output::Extraction;

use crate::error::Result;

/// One argument (source or target) of an event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArgRecord {
    pub text: String,
    pub span: [usize; 2],
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// The place an event happened.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventPlaceRecord {
    pub text: String,
    pub geonameid: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TriggerRecord {
    pub text: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MentionRecord {
    pub sentence: usize,
    pub span: [usize; 2],
}

/// One event of the contract. Unknown fields are kept in `extra` so nothing is lost on the
/// way through the store (the contract allows fields to be added).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventRecord {
    pub id: String,
    pub plover: String,
    pub cameo: String,
    #[serde(default)]
    pub goldstein: f64,
    #[serde(default)]
    pub quad_class: u8,
    pub status: String,
    #[serde(default)]
    pub source: Option<ArgRecord>,
    #[serde(default)]
    pub target: Option<ArgRecord>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: Option<EventPlaceRecord>,
    pub trigger: TriggerRecord,
    pub sentence: usize,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub mentions: Vec<MentionRecord>,
    #[serde(default)]
    pub confidence: f64,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One document with its extraction, as the store takes it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DocRecord {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    /// The publishing outlet; `None` falls back to the URL's host (see [`DocRecord::outlet`]).
    #[serde(default, alias = "source")]
    pub outlet: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub lang: String,
    pub text: String,
    #[serde(default)]
    pub date_source: Option<String>,
    /// Which lexicon produced the extraction (see [`lexicon_version`]).
    #[serde(default)]
    pub lexicon_version: Option<String>,
    #[serde(default)]
    pub boilerplate: Vec<[usize; 2]>,
    #[serde(default)]
    pub sentences: Vec<[usize; 2]>,
    #[serde(default)]
    pub entities: Vec<Value>,
    #[serde(default)]
    pub places: Vec<Value>,
    #[serde(default)]
    pub times: Vec<Value>,
    #[serde(default)]
    pub quotes: Vec<Value>,
    #[serde(default)]
    pub counts: Vec<Value>,
    #[serde(default)]
    pub events: Vec<EventRecord>,
    /// Top-level fields the store has no column for (`schema` among them).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Metadata that travels with a document but is not part of its extraction.
#[derive(Debug, Clone, Default)]
pub struct DocMeta {
    pub outlet: Option<String>,
    pub lexicon_version: Option<String>,
}

impl DocRecord {
    /// The store's record of an extraction made in this process.
    pub fn from_extraction(ex: &Extraction, meta: DocMeta) -> Result<Self> {
        // The contract types serialize only; going through JSON keeps one definition of it.
        let mut rec: DocRecord = serde_json::from_value(serde_json::to_value(ex)?)?;
        if meta.outlet.is_some() {
            rec.outlet = meta.outlet;
        }
        if meta.lexicon_version.is_some() {
            rec.lexicon_version = meta.lexicon_version;
        }
        Ok(rec)
    }

    /// One line of `vigie extract` output (optionally with `outlet`/`source`, `lexicon_version`).
    pub fn from_json_line(line: &str) -> Result<Self> {
        Ok(serde_json::from_str(line)?)
    }

    /// What makes two records the same article: its URL, else its id.
    pub fn ident(&self) -> String {
        match &self.url {
            Some(u) if !u.is_empty() => u.clone(),
            _ => format!("id:{}", self.id),
        }
    }

    /// The outlet given, else the URL's host without `www.`.
    pub fn outlet(&self) -> Option<String> {
        self.outlet
            .clone()
            .filter(|o| !o.is_empty())
            .or_else(|| self.url.as_deref().and_then(outlet_from_url))
    }

    /// Hash of what the reader sees (title and text): equal hashes mean the same article.
    pub fn content_hash(&self) -> String {
        let mut h = SipHasher13::new();
        h.write(self.title.as_deref().unwrap_or("").as_bytes());
        h.write_u8(0);
        h.write(self.text.as_bytes());
        format!("{:032x}", h.finish128().as_u128())
    }
}

/// `https://www.lemonde.fr/x` → `lemonde.fr`.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// A stable name for a lexicon: a hash over its files' paths and bytes, in path order.
pub fn lexicon_version<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    let mut files: Vec<_> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut h = SipHasher13::new();
    for (path, bytes) in files {
        h.write(path.as_bytes());
        h.write_u8(0);
        h.write_usize(bytes.len());
        h.write(bytes);
    }
    format!("lex-{:016x}", h.finish128().h1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_is_the_host_without_www() {
        assert_eq!(
            outlet_from_url("https://www.lemonde.fr/international/x.html").as_deref(),
            Some("lemonde.fr")
        );
        assert_eq!(
            outlet_from_url("http://user@News.Example.org:8080/a?b").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(outlet_from_url("not a url"), None);
        assert_eq!(outlet_from_url(""), None);
    }

    #[test]
    fn ident_prefers_the_url() {
        let mut r = DocRecord::from_json_line(r#"{"id":"a","text":"t"}"#).unwrap();
        assert_eq!(r.ident(), "id:a");
        r.url = Some("https://x.org/1".into());
        assert_eq!(r.ident(), "https://x.org/1");
    }

    #[test]
    fn content_hash_follows_title_and_text() {
        let a = DocRecord::from_json_line(r#"{"id":"a","text":"Le texte.","title":"T"}"#).unwrap();
        let mut b = a.clone();
        b.id = "other".into();
        assert_eq!(a.content_hash(), b.content_hash());
        b.text.push('!');
        assert_ne!(a.content_hash(), b.content_hash());
    }

    #[test]
    fn lexicon_version_ignores_order_but_not_bytes() {
        let a = lexicon_version([("x.tsv", &b"1"[..]), ("y.tsv", &b"2"[..])]);
        let b = lexicon_version([("y.tsv", &b"2"[..]), ("x.tsv", &b"1"[..])]);
        let c = lexicon_version([("y.tsv", &b"3"[..]), ("x.tsv", &b"1"[..])]);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let line = r#"{"schema":"vigie/1","id":"a","text":"t","future":{"k":1},"events":[{"id":"e1","plover":"ACCUSE","cameo":"112","status":"actual","trigger":{"text":"t","span":[0,1]},"sentence":0,"new_field":2}]}"#;
        let r = DocRecord::from_json_line(line).unwrap();
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["future"]["k"], 1);
        assert_eq!(v["schema"], "vigie/1");
        assert_eq!(v["events"][0]["new_field"], 2);
    }
}
