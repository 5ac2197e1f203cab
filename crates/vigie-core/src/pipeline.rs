//! The Extractor: built once from a [`Lexicon`], shared by all threads, runs the stages in
//! order on one article. Each stage reads the layers before it and adds its own.

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::doc::{Article, DateSource, Doc};
use crate::error::ExtractError;
use crate::lexicon::{LexiconError, Sources};
use crate::output::Extraction;
use crate::{boilerplate, count, event, lang, mention, quote, segment, time};

/// Every compiled lexicon part.
#[derive(Debug)]
pub struct Lexicon {
    pub lang: lang::LangLexicon,
    pub segment: segment::SegmentLexicon,
    pub boilerplate: boilerplate::BoilerplateLexicon,
    pub time: time::TimeLexicon,
    pub actors: mention::ActorLexicon,
    pub gazetteer: mention::Gazetteer,
    pub quotes: quote::QuoteLexicon,
    pub counts: count::CountLexicon,
    pub events: event::EventLexicon,
}

impl Lexicon {
    /// Compile every part; all problems of all files are reported together.
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut take = |r: Result<(), Vec<LexiconError>>| {
            if let Err(e) = r {
                errors.extend(e);
            }
        };
        let lang = lang::LangLexicon::load(src);
        let segment = segment::SegmentLexicon::load(src);
        let boilerplate = boilerplate::BoilerplateLexicon::load(src);
        let time = time::TimeLexicon::load(src);
        let actors = mention::ActorLexicon::load(src);
        let gazetteer = mention::Gazetteer::load(src);
        let quotes = quote::QuoteLexicon::load(src);
        let counts = count::CountLexicon::load(src);
        let events = event::EventLexicon::load(src);
        take(lang.as_ref().map(|_| ()).map_err(Clone::clone));
        take(segment.as_ref().map(|_| ()).map_err(Clone::clone));
        take(boilerplate.as_ref().map(|_| ()).map_err(Clone::clone));
        take(time.as_ref().map(|_| ()).map_err(Clone::clone));
        take(actors.as_ref().map(|_| ()).map_err(Clone::clone));
        take(gazetteer.as_ref().map(|_| ()).map_err(Clone::clone));
        take(quotes.as_ref().map(|_| ()).map_err(Clone::clone));
        take(counts.as_ref().map(|_| ()).map_err(Clone::clone));
        take(events.as_ref().map(|_| ()).map_err(Clone::clone));
        if !errors.is_empty() {
            return Err(errors);
        }
        // every part is Ok here: the errors above would have returned
        Ok(Self {
            lang: lang.unwrap_or_else(|_| unreachable!()),
            segment: segment.unwrap_or_else(|_| unreachable!()),
            boilerplate: boilerplate.unwrap_or_else(|_| unreachable!()),
            time: time.unwrap_or_else(|_| unreachable!()),
            actors: actors.unwrap_or_else(|_| unreachable!()),
            gazetteer: gazetteer.unwrap_or_else(|_| unreachable!()),
            quotes: quotes.unwrap_or_else(|_| unreachable!()),
            counts: counts.unwrap_or_else(|_| unreachable!()),
            events: events.unwrap_or_else(|_| unreachable!()),
        })
    }

    /// The built-in lexicon.
    pub fn builtin() -> Result<Self, Vec<LexiconError>> {
        Self::load(&Sources::builtin())
    }
}

/// The stages, in pipeline order (for per-stage timing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Normalize,
    Lang,
    Segment,
    Boilerplate,
    Time,
    Mentions,
    Places,
    Quotes,
    Counts,
    Events,
    Output,
}

impl Stage {
    pub const ALL: [Stage; 11] = [
        Stage::Normalize,
        Stage::Lang,
        Stage::Segment,
        Stage::Boilerplate,
        Stage::Time,
        Stage::Mentions,
        Stage::Places,
        Stage::Quotes,
        Stage::Counts,
        Stage::Events,
        Stage::Output,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Stage::Normalize => "normalize",
            Stage::Lang => "lang",
            Stage::Segment => "segment",
            Stage::Boilerplate => "boilerplate",
            Stage::Time => "time",
            Stage::Mentions => "mentions",
            Stage::Places => "places",
            Stage::Quotes => "quotes",
            Stage::Counts => "counts",
            Stage::Events => "events",
            Stage::Output => "output",
        }
    }
}

/// Time spent per stage, summed over documents.
#[derive(Debug, Clone, Default)]
pub struct StageTimes(pub [Duration; Stage::ALL.len()]);

impl StageTimes {
    pub fn add(&mut self, other: &StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a += *b;
        }
    }
}

/// The extraction engine. `Sync`: build once, share across threads.
#[derive(Debug)]
pub struct Extractor {
    lex: Lexicon,
}

/// Parse the contract's `date`: an ISO 8601 date or date-time (only the date is kept).
pub fn parse_input_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    let rest = &s[10..];
    // a date-time continues with 'T' or a space; anything else is not ISO 8601
    (rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')).then_some(date)
}

impl Extractor {
    pub fn new(lex: Lexicon) -> Self {
        Self { lex }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Check an article's fields and build the bare document.
    fn prepare(&self, a: &Article) -> Result<Doc, ExtractError> {
        let id = a.id.clone();
        let text = match (&a.text, &a.html) {
            (Some(t), _) => t.clone(),
            (None, Some(_)) => return Err(ExtractError::HtmlNotConverted { id }),
            (None, None) => return Err(ExtractError::NoText { id }),
        };
        if let Some(l) = a.lang.as_deref().filter(|l| !l.is_empty()) {
            if !self.lex.lang.is_known_code(l) {
                return Err(ExtractError::UnknownLang {
                    id,
                    lang: l.to_string(),
                });
            }
        }
        let date = match a.date.as_deref().filter(|d| !d.trim().is_empty()) {
            Some(d) => Some(parse_input_date(d).ok_or_else(|| ExtractError::BadDate {
                id: id.clone(),
                date: d.to_string(),
            })?),
            None => None,
        };
        let mut doc = Doc::new(id, text);
        doc.lang = a.lang.clone().unwrap_or_default().to_ascii_lowercase();
        doc.date = date;
        doc.date_source = if date.is_some() {
            a.date_source.unwrap_or(DateSource::Input)
        } else {
            DateSource::Unknown
        };
        doc.title.clone_from(&a.title);
        doc.url.clone_from(&a.url);
        doc.source.clone_from(&a.source);
        Ok(doc)
    }

    /// Run every stage on a document.
    pub fn analyze(&self, a: &Article) -> Result<Doc, ExtractError> {
        let mut times = StageTimes::default();
        self.analyze_timed(a, &mut times)
    }

    /// Run every stage, adding the time each took to `times`.
    pub fn analyze_timed(&self, a: &Article, times: &mut StageTimes) -> Result<Doc, ExtractError> {
        let lex = &self.lex;
        let mut clock = Instant::now();
        let mut lap = |stage: Stage| {
            let now = Instant::now();
            times.0[stage as usize] += now - clock;
            clock = now;
        };
        let mut doc = self.prepare(a)?;
        lap(Stage::Normalize);
        if doc.lang.is_empty() {
            doc.lang = lang::detect(&doc, &lex.lang).to_string();
        }
        lap(Stage::Lang);
        segment::segment(&mut doc, &lex.segment);
        lap(Stage::Segment);
        doc.boilerplate = boilerplate::mark(&doc, &lex.boilerplate);
        lap(Stage::Boilerplate);
        // the remaining stages are language-specific: other languages keep only the layers above
        if !lex.lang.is_analyzed(&doc.lang) {
            return Ok(doc);
        }
        if doc.date.is_none() {
            if let Some((d, src)) = time::infer_publication_date(&doc, &lex.time) {
                doc.date = Some(d);
                doc.date_source = src;
            }
        }
        doc.times = time::tag(&doc, &lex.time);
        lap(Stage::Time);
        doc.entities = mention::tag_entities(&doc, &lex.actors);
        lap(Stage::Mentions);
        doc.places = mention::resolve_places(&doc, &lex.gazetteer);
        mention::add_place_entities(&mut doc);
        lap(Stage::Places);
        doc.quotes = quote::tag(&doc, &lex.quotes, &lex.events);
        lap(Stage::Quotes);
        doc.counts = count::tag(&doc, &lex.counts);
        lap(Stage::Counts);
        doc.events = event::code(&doc, &lex.events);
        lap(Stage::Events);
        Ok(doc)
    }

    /// Run every stage and produce the contract's output.
    pub fn extract(&self, a: &Article) -> Result<Extraction, ExtractError> {
        let doc = self.analyze(a)?;
        Ok(Extraction::from_doc(&doc))
    }

    /// As [`Extractor::extract`], adding per-stage times.
    pub fn extract_timed(
        &self,
        a: &Article,
        times: &mut StageTimes,
    ) -> Result<Extraction, ExtractError> {
        let doc = self.analyze_timed(a, times)?;
        let t = Instant::now();
        let out = Extraction::from_doc(&doc);
        times.0[Stage::Output as usize] += t.elapsed();
        Ok(out)
    }
}
