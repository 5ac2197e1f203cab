//! Human-readable rendering of extractions (the `table` format).

use std::fmt::Write;

use vigie_core::output::{OutArg, OutEvent};
use vigie_core::Extraction;

fn actor(a: Option<&OutArg>) -> String {
    match a {
        None => "—".into(),
        Some(a) => match &a.code {
            Some(c) => format!("{c} ({})", a.text),
            None => format!("? ({})", a.text),
        },
    }
}

/// The sentence an event was found in, as evidence.
fn evidence(x: &Extraction, e: &OutEvent) -> String {
    let [s, t] = x.sentences.get(e.sentence).copied().unwrap_or([0, 0]);
    let s: String = x.text.chars().skip(s).take(t - s).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn table(x: &Extraction) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}  [{}] {} ({})  — {} event(s), {} entit(ies), {} place(s), {} time(s), {} quote(s), {} count(s)",
        x.id,
        x.lang,
        x.date.as_deref().unwrap_or("date unknown"),
        serde_json::to_value(x.date_source).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
        x.events.len(),
        x.entities.len(),
        x.places.len(),
        x.times.len(),
        x.quotes.len(),
        x.counts.len()
    );
    for e in &x.events {
        let status = serde_json::to_value(e.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {:<4} {:<9} {:<5} {} → {}  {} {}{}",
            e.id,
            e.plover,
            e.cameo,
            actor(e.source.as_ref()),
            actor(e.target.as_ref()),
            e.date.as_deref().unwrap_or("—"),
            status,
            e.place
                .as_ref()
                .map(|p| format!(" @ {} ({})", p.name, p.geonameid))
                .unwrap_or_default()
        );
        let _ = writeln!(o, "       “{}” in: {}", e.trigger.text, evidence(x, e));
    }
    o
}
