//! The document model: the input [`Article`], the [`Doc`] that every stage reads and adds a
//! layer to, and the layer types. Spans here are byte ranges into `Doc::text`; they become
//! Unicode-scalar offsets only in `output.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::normalize::Normalized;

/// One input document, as the contract's JSON Lines input describes it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// Where `date` came from when a reader filled it (an HTML page's metadata or its URL);
    /// `None` means the user gave it (`DateSource::Input`). Never read from or written to JSON.
    #[serde(skip)]
    pub date_source: Option<DateSource>,
}

/// A half-open byte range `[start, end)` into `Doc::text`, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub const fn len(self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Where the publication date came from (contract field `date_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    Input,
    HtmlMeta,
    Url,
    Text,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token: a word (letters, digits, inner apostrophes and hyphens), a number (with its
/// decimal and thousands separators), or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Index into `Doc::sentences`.
    pub sentence: u32,
}

/// Granularity of a temporal value (TIMEX3-like).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Time,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Century,
    Duration,
    Set,
}

/// A temporal expression with its normalized ISO 8601 value.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    pub span: Span,
    /// `2026-01-08`, `2026-01`, `2026`, `2026-W02`, `2025-SU`, `199`, `P3Y`, `PRESENT_REF`…
    pub value: String,
    pub granularity: Granularity,
    /// `morning`, `afternoon`, `evening`, `night` when the expression names a part of day.
    pub part_of_day: Option<&'static str>,
    /// True when the expression is a duration (`P3Y`), not a point in time.
    pub is_duration: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    PER,
    ORG,
    LOC,
    MISC,
}

/// A CAMEO actor code and its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actor {
    /// Full CAMEO code, e.g. `RUSGOV`, `IGOEUREEC`, `UKR`.
    pub code: String,
    /// ISO 3166-1 alpha-3 country when the actor belongs to one.
    pub country: Option<String>,
    /// First role code after the country or group (`GOV`, `MIL`…).
    pub role: Option<String>,
    /// Canonical name of the actor when known (a person, an organization, a country).
    pub name: Option<String>,
}

/// A mention of a named entity or an actor-bearing phrase (« les Européens », « l'armée »).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub etype: EntityType,
    pub actor: Option<Actor>,
    /// The lexicon entry or rule that produced it, for `vigie explain`.
    pub rule: String,
    /// True when the phrase is a common noun or adjective (« russe », « les soldats ») rather
    /// than a proper name: it codes actors but is not written to the `entities` layer.
    pub nominal: bool,
}

/// A GeoNames feature class, reduced to what event data needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Feature {
    Country,
    Admin1,
    City,
    Other,
}

/// A toponym resolved to a GeoNames record.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub span: Span,
    pub geonameid: u32,
    pub name: String,
    /// ISO 3166-1 alpha-2 country code of the place.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub feature: Feature,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The speaker phrase in the text, when found.
    pub speaker: Option<Span>,
    pub speaker_actor: Option<Actor>,
    /// Lemma of the speech verb (`déclarer`, `say`, `selon`).
    pub verb: Option<String>,
}

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub span: Span,
    pub value: f64,
    /// `more_than`, `less_than`, `about`, `at_least`, `at_most`, `exactly`, `up_to`.
    pub qualifier: Option<&'static str>,
    /// `person`, `percent`, `country`, `money:EUR`, …
    pub unit: Option<String>,
    /// The phrase naming what is counted.
    pub object: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Actual,
    Intended,
    Negated,
    Hypothetical,
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    Text,
    Publication,
}

/// An event argument (source or target).
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    pub span: Span,
    pub actor: Option<Actor>,
    /// The argument rule that chose it (`subject`, `object`, `par-agent`, `adjective`…).
    pub rule: &'static str,
}

/// Another mention of the same happening in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMention {
    pub sentence: usize,
    pub span: Span,
}

/// A coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub plover: &'static str,
    pub cameo: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub status: Status,
    pub source: Option<Argument>,
    pub target: Option<Argument>,
    pub date: Option<String>,
    pub date_basis: Option<DateBasis>,
    /// Index into `Doc::places`.
    pub place: Option<usize>,
    pub trigger: Span,
    pub sentence: usize,
    /// Index into `Doc::quotes` of a quotation the event carries.
    pub quote: Option<usize>,
    pub mentions: Vec<EventMention>,
    pub confidence: f64,
    /// Why: the trigger entry (file:line), the argument and status rules.
    pub explain: Explanation,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    pub trigger_entry: String,
    pub source_rule: Option<&'static str>,
    pub target_rule: Option<&'static str>,
    pub status_rule: Option<String>,
    pub date_rule: Option<String>,
    pub place_rule: Option<String>,
}

/// A document under analysis: the text and every layer the stages add.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub text: String,
    /// ISO 639-1 code (`fr`, `en`, or another language reported by detection).
    pub lang: String,
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Folded text for matching, with its offset map back to `text`.
    pub norm: Normalized,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    pub boilerplate: Vec<Span>,
    pub times: Vec<TimeExpr>,
    pub entities: Vec<Entity>,
    pub places: Vec<Place>,
    pub quotes: Vec<Quote>,
    pub counts: Vec<Count>,
    pub events: Vec<Event>,
}

impl Doc {
    /// A document with its text and normalization, no layers yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let norm = Normalized::new(&text);
        Self {
            id: id.into(),
            text,
            lang: String::new(),
            date: None,
            date_source: DateSource::Unknown,
            title: None,
            url: None,
            source: None,
            norm,
            sentences: Vec::new(),
            tokens: Vec::new(),
            boilerplate: Vec::new(),
            times: Vec::new(),
            entities: Vec::new(),
            places: Vec::new(),
            quotes: Vec::new(),
            counts: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// `fold(self.slice(span))`, read from the folded text rather than built (folding goes
    /// character by character, so a span's fold is its part of the folded text): the
    /// rules that look a word up folded do it for most words, and each fold allocated.
    pub fn folded_slice(&self, span: Span) -> std::borrow::Cow<'_, str> {
        match self.norm.folded_span(span) {
            Some(f) => std::borrow::Cow::Borrowed(f),
            None => std::borrow::Cow::Owned(crate::normalize::fold(self.slice(span))),
        }
    }

    /// True when the span lies (even partly) in a boilerplate region.
    pub fn in_boilerplate(&self, span: Span) -> bool {
        self.boilerplate.iter().any(|b| b.overlaps(span))
    }

    /// Index of the sentence containing byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// Tokens of sentence `i` (tokens are sorted by position).
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        let s = i as u32;
        let lo = self.tokens.partition_point(|t| t.sentence < s);
        let hi = self.tokens.partition_point(|t| t.sentence <= s);
        &self.tokens[lo..hi]
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_at_or_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }
}
