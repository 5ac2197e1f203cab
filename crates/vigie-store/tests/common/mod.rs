//! Documents written for the tests (our own sentences), built as `vigie extract` would emit.

#![allow(dead_code, unreachable_pub)]

use serde_json::json;
use vigie_store::DocRecord;

/// Character span of `needle` in `text`.
pub fn span(text: &str, needle: &str) -> [usize; 2] {
    let b = text.find(needle).expect("needle in text");
    let s = text[..b].chars().count();
    [s, s + needle.chars().count()]
}

pub struct Ev<'a> {
    pub plover: &'a str,
    pub cameo: &'a str,
    pub src: Option<(&'a str, &'a str)>,
    pub tgt: Option<(&'a str, &'a str)>,
    pub trigger: &'a str,
    pub date: Option<&'a str>,
    pub place: Option<(&'a str, u32, &'a str)>,
}

pub fn doc(id: &str, url: &str, date: &str, text: &str, events: &[Ev<'_>]) -> DocRecord {
    let sentences: Vec<[usize; 2]> = {
        let mut out = Vec::new();
        let mut start = 0usize;
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if *c == '.' {
                out.push([start, i + 1]);
                start = i + 2;
            }
        }
        if start < chars.len() {
            out.push([start, chars.len()]);
        }
        out
    };
    let evs: Vec<_> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let tr = span(text, e.trigger);
            let sentence = sentences.iter().position(|s| s[0] <= tr[0] && tr[1] <= s[1]).unwrap_or(0);
            let arg = |a: Option<(&str, &str)>| {
                a.map(|(t, c)| json!({"text": t, "span": span(text, t), "code": c, "country": c.get(..3)}))
            };
            json!({
                "id": format!("e{}", i + 1), "plover": e.plover, "cameo": e.cameo,
                "goldstein": -2.0, "quad_class": 3, "status": "actual",
                "source": arg(e.src), "target": arg(e.tgt), "date": e.date,
                "place": e.place.map(|(t, g, c)| json!({"text": t, "geonameid": g, "name": t, "country": c, "lat": 48.85, "lon": 2.35})),
                "trigger": {"text": e.trigger, "span": tr}, "sentence": sentence, "quote": null,
                "mentions": [], "confidence": 0.8,
                "explain": {"trigger_entry": "test", "source_rule": null, "target_rule": null,
                            "status_rule": null, "date_rule": null, "place_rule": null}
            })
        })
        .collect();
    let line = json!({
        "schema": "vigie/1", "id": id, "lang": "fr", "date": date, "date_source": "input",
        "title": format!("Titre {id}"), "url": url, "text": text, "boilerplate": [],
        "sentences": sentences, "entities": [], "places": [], "times": [], "quotes": [],
        "counts": [], "events": evs
    });
    DocRecord::from_json_line(&line.to_string()).expect("valid record")
}
