//! The gazetteer: GeoNames records (countries, first-level regions, populated places of
//! 15,000 people or more, continents) with every name they go by, and the word lists that
//! keep common words and person names from being read as places.
//!
//! Files (all under `lexicon/places/`):
//! - `gazetteer.tsv.gz`: built by `scripts/build_gazetteer.sh` from GeoNames data;
//! - `extra.tsv`: records the built data lacks, same columns;
//! - `aliases.tsv`: names the data lacks for a record (`geonameid`, `name`);
//! - `stoplist.tsv`: names that are common words first (`name`, `when`);
//! - `cues.tsv`: capitalized words next to a place that do not make it part of a longer name,
//!   and titles that make the next name a person's (`word`, `kind`).

use std::collections::{HashMap, HashSet};
use std::io::Read;

use crate::doc::Feature;
use crate::lexicon::{LexiconError, Sources, Table};
use crate::normalize::fold;

/// One GeoNames record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: u32,
    pub feature: Feature,
    /// ISO 3166-1 alpha-2, empty for a continent.
    pub country: String,
    /// GeoNames first-level region code within the country (`TX`, `12`), may be empty.
    pub admin1: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub name: String,
}

/// When a stoplisted name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopWhen {
    /// Never a place for vigie (too often a common word).
    Always,
    /// Not a place when it opens a sentence (capitalized for that reason only).
    SentenceStart,
}

/// What a capitalized word next to a place name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// May follow a place without joining it into a longer name (« Texas Governor »).
    After,
    /// May precede a place without joining it (« Greater London » is not in the data, « President »).
    Before,
    /// Makes the next capitalized name a person's (« M. Paris », "Mr Washington").
    PersonTitle,
}

/// The compiled gazetteer. `Sync`: built once, shared by all threads.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub(crate) records: Vec<Record>,
    /// Folded name → payloads (record index × 2, + 1 when the name is an alternate one).
    ///
    /// A hash table, not the Aho-Corasick `PhraseMatcher`: with some 300,000 names the
    /// automaton took seconds to build at every start, while toponyms are runs of capitalized
    /// tokens that `candidates` can look up directly in a few microseconds each.
    pub(crate) names: HashMap<Box<str>, Vec<u32>>,
    /// Most tokens a name can span (bounds the lookups per capitalized token).
    pub(crate) max_tokens: usize,
    /// Longest folded name in bytes.
    pub(crate) max_key_len: usize,
    pub(crate) by_id: HashMap<u32, usize>,
    /// Country record of each ISO alpha-2 code.
    pub(crate) by_country: HashMap<String, usize>,
    pub(crate) stop: HashMap<String, StopWhen>,
    pub(crate) cues: HashMap<String, Cue>,
    /// Function words of every language (`lang/stopwords.tsv`), folded.
    pub(crate) function_words: HashSet<String>,
}

/// A name as the text shows it once folded: folded, single spaces.
pub(crate) fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

const GAZETTEER: &str = "places/gazetteer.tsv.gz";
const EXTRA: &str = "places/extra.tsv";
const ALIASES: &str = "places/aliases.tsv";
const STOPLIST: &str = "places/stoplist.tsv";
const CUES: &str = "places/cues.tsv";

fn decompress(src: &Sources, path: &str) -> Result<Table, LexiconError> {
    let err = |message: String| LexiconError {
        file: path.to_string(),
        line: 0,
        message,
    };
    let bytes = src.get(path).ok_or_else(|| err("file missing".into()))?;
    let mut text = Vec::with_capacity(bytes.len() * 3);
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut text)
        .map_err(|e| err(format!("not a gzip file: {e}")))?;
    Table::parse(path, &text)
}

fn parse_feature(s: &str) -> Option<Feature> {
    match s {
        "C" => Some(Feature::Country),
        "A" => Some(Feature::Admin1),
        "P" => Some(Feature::City),
        "K" => Some(Feature::Other),
        _ => None,
    }
}

/// Records and their names from a table with the gazetteer's columns.
fn read_records(
    t: &Table,
    records: &mut Vec<Record>,
    names: &mut Vec<(String, u32)>,
    errors: &mut Vec<LexiconError>,
) {
    let cols: Result<Vec<usize>, LexiconError> = [
        "geonameid",
        "feature",
        "country",
        "admin1",
        "lat",
        "lon",
        "population",
        "name",
        "names",
    ]
    .iter()
    .map(|c| t.col(c))
    .collect();
    let cols = match cols {
        Ok(c) => c,
        Err(e) => {
            errors.push(e);
            return;
        }
    };
    for row in &t.rows {
        let f = |i: usize| row.get(cols[i]);
        let id = f(0).parse::<u32>();
        let feature = parse_feature(f(1));
        let lat = f(4).parse::<f64>();
        let lon = f(5).parse::<f64>();
        let pop = if f(6).is_empty() {
            Ok(0)
        } else {
            f(6).parse::<u64>()
        };
        let country = f(2);
        let name = f(7);
        let (Ok(id), Some(feature), Ok(lat), Ok(lon), Ok(population)) =
            (id, feature, lat, lon, pop)
        else {
            errors.push(t.error(
                row,
                "bad record: geonameid, feature (C/A/P/K), lat, lon and population must parse",
            ));
            continue;
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            errors.push(t.error(row, format!("coordinates out of range: {lat}, {lon}")));
            continue;
        }
        if name.is_empty()
            || !(country.is_empty() || country.len() == 2)
            || (country.is_empty() != (feature == Feature::Other))
        {
            errors.push(t.error(
                row,
                "a record needs a name and a two-letter country (none only for a continent)",
            ));
            continue;
        }
        let index = records.len() as u32;
        names.push((name.to_string(), index * 2));
        for alt in f(8).split('|').filter(|a| !a.trim().is_empty()) {
            names.push((alt.trim().to_string(), index * 2 + 1));
        }
        records.push(Record {
            id,
            feature,
            country: country.to_string(),
            admin1: f(3).to_string(),
            lat,
            lon,
            population,
            name: name.to_string(),
        });
    }
}

impl Gazetteer {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut records = Vec::new();
        let mut names = Vec::new();
        match decompress(src, GAZETTEER) {
            Ok(t) => read_records(&t, &mut records, &mut names, &mut errors),
            Err(e) => errors.push(e),
        }
        match src.table(EXTRA) {
            Ok(t) => read_records(&t, &mut records, &mut names, &mut errors),
            Err(e) => errors.push(e),
        }
        let mut by_id = HashMap::with_capacity(records.len());
        let mut by_country = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            by_id.entry(r.id).or_insert(i);
            if r.feature == Feature::Country {
                by_country.entry(r.country.clone()).or_insert(i);
            }
        }
        match src.table(ALIASES) {
            Ok(t) => match (t.col("geonameid"), t.col("name")) {
                (Ok(ci), Ok(cn)) => {
                    for row in &t.rows {
                        let rec = row
                            .get(ci)
                            .parse::<u32>()
                            .ok()
                            .and_then(|id| by_id.get(&id));
                        match rec {
                            Some(&i) if !row.get(cn).is_empty() => {
                                // an alias is vouched for by hand: it counts as the record's own name
                                names.push((row.get(cn).to_string(), i as u32 * 2));
                            }
                            _ => errors.push(t.error(
                                row,
                                "alias needs a name and the geonameid of a gazetteer record",
                            )),
                        }
                    }
                }
                (Err(e), _) | (_, Err(e)) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
        let mut stop = HashMap::new();
        match src.table(STOPLIST) {
            Ok(t) => match (t.col("name"), t.col("when")) {
                (Ok(cn), Ok(cw)) => {
                    for row in &t.rows {
                        let when = match row.get(cw) {
                            "always" => StopWhen::Always,
                            "sentence-start" => StopWhen::SentenceStart,
                            other => {
                                errors.push(t.error(
                                    row,
                                    format!("when must be always or sentence-start, not `{other}`"),
                                ));
                                continue;
                            }
                        };
                        stop.insert(fold(row.get(cn)), when);
                    }
                }
                (Err(e), _) | (_, Err(e)) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
        let mut cues = HashMap::new();
        match src.table(CUES) {
            Ok(t) => match (t.col("word"), t.col("kind")) {
                (Ok(cw), Ok(ck)) => {
                    for row in &t.rows {
                        let kind = match row.get(ck) {
                            "after" => Cue::After,
                            "before" => Cue::Before,
                            "person-title" => Cue::PersonTitle,
                            other => {
                                errors.push(t.error(
                                    row,
                                    format!(
                                        "kind must be after, before or person-title, not `{other}`"
                                    ),
                                ));
                                continue;
                            }
                        };
                        cues.insert(fold(row.get(cw)), kind);
                    }
                }
                (Err(e), _) | (_, Err(e)) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
        let mut function_words = HashSet::new();
        match src.table("lang/stopwords.tsv") {
            Ok(t) => match t.col("words") {
                Ok(cw) => {
                    for row in &t.rows {
                        function_words.extend(row.get(cw).split_whitespace().map(fold));
                    }
                }
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut table: HashMap<Box<str>, Vec<u32>> = HashMap::with_capacity(names.len());
        let (mut max_tokens, mut max_key_len) = (1, 0);
        for (name, payload) in names {
            let key = name_key(&name);
            if key.is_empty() {
                continue;
            }
            // words, and punctuation the tokenizer splits off (« U.S. », "St. Louis")
            let tokens = key.split(' ').count() + key.matches(['.', ',', '(', ')']).count();
            max_tokens = max_tokens.max(tokens);
            max_key_len = max_key_len.max(key.len());
            let slot = table.entry(key.into_boxed_str()).or_default();
            if !slot.contains(&payload) {
                slot.push(payload);
            }
        }
        Ok(Self {
            records,
            names: table,
            max_tokens,
            max_key_len,
            by_id,
            by_country,
            stop,
            cues,
            function_words,
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The country record a record lies in.
    pub fn country_of(&self, r: &Record) -> Option<&Record> {
        self.by_country.get(&r.country).map(|&i| &self.records[i])
    }

    /// The record with this GeoNames id.
    pub fn get(&self, geonameid: u32) -> Option<&Record> {
        self.by_id.get(&geonameid).map(|&i| &self.records[i])
    }
}
