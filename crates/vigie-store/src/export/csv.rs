//! Events as CSV (RFC 4180: fields quoted when they hold a comma, a quote or a line break).

use std::io::Write;

use crate::error::Result;
use crate::query::{EventQuery, EventRow};
use crate::Store;

pub const HEADER: &[&str] = &[
    "doc_id",
    "event_id",
    "date",
    "plover",
    "cameo",
    "goldstein",
    "quad_class",
    "status",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "place",
    "geonameid",
    "place_country",
    "lat",
    "lon",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    "confidence",
    "cluster",
    "num_mentions",
    "num_sources",
    "num_articles",
    "outlet",
    "url",
    "title",
    "evidence",
];

/// One CSV field, quoted when needed.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: Option<&T>) -> String {
    v.map(ToString::to_string).unwrap_or_default()
}

/// The fields of one event, in [`HEADER`] order.
pub fn fields(r: &EventRow) -> Vec<String> {
    vec![
        r.doc_id.clone(),
        r.event_id.clone(),
        opt(r.date.as_ref()),
        r.plover.clone(),
        r.cameo.clone(),
        r.goldstein.to_string(),
        r.quad_class.to_string(),
        r.status.clone(),
        opt(r.source_code.as_ref()),
        opt(r.source_text.as_ref()),
        opt(r.target_code.as_ref()),
        opt(r.target_text.as_ref()),
        opt(r.place.as_ref()),
        opt(r.geonameid.as_ref()),
        opt(r.place_country.as_ref()),
        opt(r.lat.as_ref()),
        opt(r.lon.as_ref()),
        r.trigger.clone(),
        r.trigger_span[0].to_string(),
        r.trigger_span[1].to_string(),
        r.sentence.to_string(),
        r.confidence.to_string(),
        opt(r.cluster.as_ref()),
        r.num_mentions.to_string(),
        r.num_sources.to_string(),
        r.num_articles.to_string(),
        opt(r.outlet.as_ref()),
        opt(r.url.as_ref()),
        opt(r.title.as_ref()),
        r.evidence.clone(),
    ]
}

pub fn write_header(w: &mut impl Write) -> Result<()> {
    writeln!(w, "{}", HEADER.join(","))?;
    Ok(())
}

pub fn write_row(w: &mut impl Write, r: &EventRow) -> Result<()> {
    let line: Vec<String> = fields(r).iter().map(|f| field(f)).collect();
    writeln!(w, "{}", line.join(","))?;
    Ok(())
}

/// Every event matching `q`, with a header line. Returns the number of events.
pub fn export(store: &Store, q: &EventQuery, w: &mut impl Write) -> Result<usize> {
    write_header(w)?;
    let mut n = 0;
    store.for_each_event(q, |r| {
        n += 1;
        write_row(w, &r)
    })?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(
            field("il a dit « non » \"net\""),
            "\"il a dit « non » \"\"net\"\"\""
        );
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn header_and_fields_agree() {
        assert_eq!(HEADER.len(), 30);
    }
}
