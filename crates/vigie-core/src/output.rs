//! The serialized contract (schema `vigie/1`). The one place where byte spans become
//! Unicode-scalar offsets.

use serde::Serialize;

mod json;

use crate::doc::{
    Actor, DateBasis, DateSource, Doc, EntityType, Feature, Granularity, Span, Status,
};

pub const SCHEMA: &str = "vigie/1";

/// Byte offset → Unicode scalar offset, for one text.
struct CharIndex {
    /// `None` for ASCII text, where the two are equal.
    table: Option<Vec<u32>>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self { table: None };
        }
        // each byte maps to the index of the character it belongs to: the number of
        // characters begun up to it (itself included) less one. Counted byte by byte (a
        // byte begins a character unless it is a continuation byte, 0b10xx_xxxx), in one
        // pass without decoding: four times fewer instructions than a walk by character.
        let mut begun = 0u32;
        let mut table: Vec<u32> = Vec::with_capacity(text.len() + 1);
        table.extend(text.bytes().map(|b| {
            begun += u32::from(b & 0xC0 != 0x80);
            begun.wrapping_sub(1)
        }));
        table.push(begun);
        Self { table: Some(table) }
    }
    fn at(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(t) => t[byte.min(t.len() - 1)] as usize,
        }
    }
    fn span(&self, s: Span) -> [usize; 2] {
        [self.at(s.start), self.at(s.end)]
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutActor {
    pub code: String,
    pub country: Option<String>,
    pub role: Option<String>,
    pub name: Option<String>,
}

impl From<&Actor> for OutActor {
    fn from(a: &Actor) -> Self {
        Self {
            code: a.code.clone(),
            country: a.country.clone(),
            role: a.role.clone(),
            name: a.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutEntity {
    pub text: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    pub span: [usize; 2],
    pub actor: Option<OutActor>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutPlace {
    pub text: String,
    pub span: [usize; 2],
    pub geonameid: u32,
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub feature: Feature,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutTime {
    pub text: String,
    pub span: [usize; 2],
    pub value: String,
    pub granularity: Granularity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutSpeaker {
    pub text: String,
    pub span: Option<[usize; 2]>,
    pub code: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutQuote {
    pub text: String,
    pub span: [usize; 2],
    pub speaker: Option<OutSpeaker>,
    pub verb: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutCount {
    pub text: String,
    pub span: [usize; 2],
    pub value: f64,
    pub qualifier: Option<&'static str>,
    pub unit: Option<String>,
    pub object: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutArg {
    pub text: String,
    pub span: [usize; 2],
    pub code: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutEventPlace {
    pub text: String,
    pub geonameid: u32,
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutTrigger {
    pub text: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutMention {
    pub sentence: usize,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutExplain {
    pub trigger_entry: String,
    pub source_rule: Option<&'static str>,
    pub target_rule: Option<&'static str>,
    pub status_rule: Option<String>,
    pub date_rule: Option<String>,
    pub place_rule: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutEvent {
    pub id: String,
    pub plover: &'static str,
    pub cameo: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub status: Status,
    pub source: Option<OutArg>,
    pub target: Option<OutArg>,
    pub date: Option<String>,
    pub date_basis: Option<DateBasis>,
    pub place: Option<OutEventPlace>,
    pub trigger: OutTrigger,
    pub sentence: usize,
    pub quote: Option<String>,
    pub mentions: Vec<OutMention>,
    pub confidence: f64,
    pub explain: OutExplain,
}

/// One document's output line.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Extraction {
    pub schema: &'static str,
    pub id: String,
    pub lang: String,
    pub date: Option<String>,
    pub date_source: DateSource,
    pub title: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub boilerplate: Vec<[usize; 2]>,
    pub sentences: Vec<[usize; 2]>,
    pub entities: Vec<OutEntity>,
    pub places: Vec<OutPlace>,
    pub times: Vec<OutTime>,
    pub quotes: Vec<OutQuote>,
    pub counts: Vec<OutCount>,
    pub events: Vec<OutEvent>,
}

impl Extraction {
    pub fn from_doc(doc: &Doc) -> Self {
        let ci = CharIndex::new(&doc.text);
        let text = |s: Span| doc.slice(s).to_string();
        let arg = |a: &crate::doc::Argument| OutArg {
            text: text(a.span),
            span: ci.span(a.span),
            code: a.actor.as_ref().map(|x| x.code.clone()),
            country: a.actor.as_ref().and_then(|x| x.country.clone()),
        };
        Self {
            schema: SCHEMA,
            id: doc.id.clone(),
            lang: doc.lang.clone(),
            date: doc.date.map(crate::time::iso::day),
            date_source: doc.date_source,
            title: doc.title.clone(),
            url: doc.url.clone(),
            text: doc.text.clone(),
            boilerplate: doc.boilerplate.iter().map(|&s| ci.span(s)).collect(),
            sentences: doc.sentences.iter().map(|&s| ci.span(s)).collect(),
            entities: doc
                .entities
                .iter()
                .filter(|e| !e.nominal)
                .map(|e| OutEntity {
                    text: text(e.span),
                    etype: e.etype,
                    span: ci.span(e.span),
                    actor: e.actor.as_ref().map(OutActor::from),
                })
                .collect(),
            places: doc
                .places
                .iter()
                .map(|p| OutPlace {
                    text: text(p.span),
                    span: ci.span(p.span),
                    geonameid: p.geonameid,
                    name: p.name.clone(),
                    country: p.country.clone(),
                    lat: p.lat,
                    lon: p.lon,
                    feature: p.feature,
                })
                .collect(),
            times: doc
                .times
                .iter()
                .map(|t| OutTime {
                    text: text(t.span),
                    span: ci.span(t.span),
                    value: t.value.clone(),
                    granularity: t.granularity,
                    part_of_day: t.part_of_day,
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| OutQuote {
                    text: text(q.span),
                    span: ci.span(q.span),
                    speaker: (q.speaker.is_some() || q.speaker_actor.is_some()).then(|| {
                        OutSpeaker {
                            text: q.speaker.map_or_else(
                                || {
                                    q.speaker_actor
                                        .as_ref()
                                        .and_then(|a| a.name.clone())
                                        .unwrap_or_default()
                                },
                                text,
                            ),
                            span: q.speaker.map(|s| ci.span(s)),
                            code: q.speaker_actor.as_ref().map(|a| a.code.clone()),
                        }
                    }),
                    verb: q.verb.clone(),
                })
                .collect(),
            counts: doc
                .counts
                .iter()
                .map(|c| OutCount {
                    text: text(c.span),
                    span: ci.span(c.span),
                    value: c.value,
                    qualifier: c.qualifier,
                    unit: c.unit.clone(),
                    object: c.object.map(text),
                })
                .collect(),
            events: doc
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| OutEvent {
                    id: format!("e{}", i + 1),
                    plover: e.plover,
                    cameo: e.cameo.clone(),
                    goldstein: e.goldstein,
                    quad_class: e.quad_class,
                    status: e.status,
                    source: e.source.as_ref().map(arg),
                    target: e.target.as_ref().map(arg),
                    date: e.date.clone(),
                    date_basis: e.date_basis,
                    place: e
                        .place
                        .and_then(|p| doc.places.get(p))
                        .map(|p| OutEventPlace {
                            text: text(p.span),
                            geonameid: p.geonameid,
                            name: p.name.clone(),
                            country: p.country.clone(),
                            lat: p.lat,
                            lon: p.lon,
                        }),
                    trigger: OutTrigger {
                        text: text(e.trigger),
                        span: ci.span(e.trigger),
                    },
                    sentence: e.sentence,
                    quote: e
                        .quote
                        .and_then(|q| doc.quotes.get(q))
                        .map(|q| text(q.span)),
                    mentions: e
                        .mentions
                        .iter()
                        .map(|m| OutMention {
                            sentence: m.sentence,
                            span: ci.span(m.span),
                        })
                        .collect(),
                    confidence: e.confidence,
                    explain: OutExplain {
                        trigger_entry: e.explain.trigger_entry.clone(),
                        source_rule: e.explain.source_rule,
                        target_rule: e.explain.target_rule,
                        status_rule: e.explain.status_rule.clone(),
                        date_rule: e.explain.date_rule.clone(),
                        place_rule: e.explain.place_rule.clone(),
                    },
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_maps_to_its_character() {
        let text = "a€é«😀 b’";
        let ci = CharIndex::new(text);
        for (n, (i, c)) in text.char_indices().enumerate() {
            for b in i..i + c.len_utf8() {
                assert_eq!(ci.at(b), n, "byte {b}");
            }
        }
        assert_eq!(ci.at(text.len()), text.chars().count());
    }

    #[test]
    fn byte_spans_become_scalar_offsets() {
        let ci = CharIndex::new("é« x");
        // 'é' is 2 bytes, '«' is 2 bytes
        assert_eq!(ci.span(Span::new(2, 4)), [1, 2]);
        assert_eq!(ci.at(6), 4);
    }
}
