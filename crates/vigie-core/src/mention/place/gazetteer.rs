//! The gazetteer: GeoNames records (countries, first-level regions, populated places of
//! 15,000 people or more, continents) with every name they go by, and the word lists that
//! keep common words and person names from being read as places.
//!
//! Files (all under `lexicon/places/`):
//! - `gazetteer.tsv.gz`: built by `scripts/build_gazetteer.sh` from GeoNames data;
//! - `admin2.tsv.gz`: second-level regions, built by `scripts/places_admin2.sh`;
//! - `extra.tsv`: records the built data lacks, same columns;
//! - `aliases.tsv`: names the data lacks for a record (`geonameid`, `name`);
//! - `stoplist.tsv`: names that are common words first (`name`, `when`);
//! - `cues.tsv`: capitalized words next to a place that do not make it part of a longer name,
//!   and titles that make the next name a person's (`word`, `kind`).

use std::collections::{HashMap, HashSet};
use std::io::Read;

use crate::doc::Feature;
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::{fold, is_word_byte};

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
    /// A second-level region (GeoNames ADM2: "Orange County", « Hampshire »), written as
    /// feature `other`: ranked below first-level regions when names compete.
    pub second_level: bool,
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
    /// Before a place, names a part of it that is a place of its own ("North Africa",
    /// "Western US"): the name alone is not the place meant.
    Part,
    /// A region word: after a name (« New York state ») or before « de »/"of" and a name
    /// (« l'État de Washington », "the province of Alberta"), the region is meant, not its
    /// city.
    Region,
    /// Joins two names of the same kind (« Donetsk et Zaporijjia », "Kent and Essex").
    And,
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
    pub(crate) names: HashMap<Box<str>, Payloads, NameHasher>,
    /// The keys of `names` and their prefixes that end where a token may end (see
    /// [`name_prefixes`]), as a filter that stays in the cache: most lookups are misses, and
    /// a run of tokens the filter rejects, ending there, goes on into no name either, so
    /// `candidates` stops lengthening it.
    pub(crate) name_filter: crate::lexicon::bloom::Bloom,
    /// Most tokens a name can span (bounds the lookups per capitalized token).
    pub(crate) max_tokens: usize,
    /// Longest folded name in bytes.
    pub(crate) max_key_len: usize,
    pub(crate) by_id: HashMap<u32, usize, NameHasher>,
    /// Country record of each ISO alpha-2 code (asked for every reading of every toponym
    /// while ranking them: FNV, not SipHash).
    pub(crate) by_country: HashMap<String, usize, NameHasher>,
    pub(crate) stop: HashMap<String, StopWhen>,
    pub(crate) cues: HashMap<String, Cue>,
    /// Function words of every language (`lang/stopwords.tsv`), folded.
    pub(crate) function_words: HashSet<String>,
    /// Countries (ISO alpha-2) where « X State » names a university ("Ohio State") more
    /// often than the state: the region word does not join the name there.
    pub(crate) university_states: HashSet<String>,
}

/// A name as the text shows it once folded (folded, single spaces), written into `out`.
pub(crate) fn name_key_into(name: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for c in name.chars() {
        let before = out.len();
        crate::normalize::fold_char(c, out);
        if out.len() == before {
            continue;
        }
        if out.as_bytes()[before..].iter().all(|&b| b == b' ') {
            // a space: one between words, none at the ends
            out.truncate(before);
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.insert(before, ' ');
            pending_space = false;
        }
    }
}

/// The proper prefixes of a folded name that do not end between two word bytes: where a run
/// of tokens ends so in the text, `candidates` asks the filter whether a longer run may be a
/// name. Each ends on a character boundary: a non-word byte is ASCII.
pub(crate) fn name_prefixes(key: &str) -> impl Iterator<Item = &str> {
    let b = key.as_bytes();
    (1..b.len())
        .filter(move |&p| !(is_word_byte(b[p - 1]) && is_word_byte(b[p])))
        .filter_map(move |p| key.get(..p))
}

const GAZETTEER: &str = "places/gazetteer.tsv.gz";
const ADMIN2: &str = "places/admin2.tsv.gz";
const EXTRA: &str = "places/extra.tsv";
const ALIASES: &str = "places/aliases.tsv";
const STOPLIST: &str = "places/stoplist.tsv";
const CUES: &str = "places/cues.tsv";

fn decompress(src: &Sources, path: &str) -> Result<String, LexiconError> {
    let err = |message: String| LexiconError {
        file: path.to_string(),
        line: 0,
        message,
    };
    let bytes = src.get(path).ok_or_else(|| err("file missing".into()))?;
    let mut text = String::with_capacity(bytes.len() * 3);
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| err(format!("not a UTF-8 gzip file: {e}")))?;
    Ok(text)
}

/// The name table's hasher: FNV-1a (see `lexicon::fnv` for why).
pub(crate) type NameHasher = crate::lexicon::fnv::FnvBuild;

/// The payloads of one name: most names name one record.
#[derive(Debug, Clone)]
pub(crate) enum Payloads {
    One(u32),
    Many(Vec<u32>),
}

impl Payloads {
    pub(crate) fn as_slice(&self) -> &[u32] {
        match self {
            Payloads::One(p) => std::slice::from_ref(p),
            Payloads::Many(v) => v,
        }
    }
}

/// Folded names → payloads, built without an allocation per name already seen.
#[derive(Debug, Default)]
struct NameIndex {
    map: HashMap<Box<str>, Payloads, NameHasher>,
    key: String,
    max_tokens: usize,
    max_key_len: usize,
}

impl NameIndex {
    fn add(&mut self, name: &str, payload: u32) {
        name_key_into(name, &mut self.key);
        if self.key.is_empty() {
            return;
        }
        if let Some(slot) = self.map.get_mut(self.key.as_str()) {
            match slot {
                Payloads::One(p) if *p != payload => *slot = Payloads::Many(vec![*p, payload]),
                Payloads::Many(v) if !v.contains(&payload) => v.push(payload),
                _ => {}
            }
            return;
        }
        // words, and punctuation the tokenizer splits off (« U.S. », "St. Louis")
        let tokens = self.key.split(' ').count() + self.key.matches(['.', ',', '(', ')']).count();
        self.max_tokens = self.max_tokens.max(tokens);
        self.max_key_len = self.max_key_len.max(self.key.len());
        self.map
            .insert(self.key.as_str().into(), Payloads::One(payload));
    }
}

/// The feature letter: C country, A first-level region, P populated place, K continent, sea
/// or macro-region (no country), S second-level region (feature `other`, with a country).
fn parse_feature(s: &str) -> Option<(Feature, bool)> {
    match s {
        "C" => Some((Feature::Country, false)),
        "A" => Some((Feature::Admin1, false)),
        "P" => Some((Feature::City, false)),
        "K" => Some((Feature::Other, false)),
        "S" => Some((Feature::Other, true)),
        _ => None,
    }
}

const COLUMNS: [&str; 9] = [
    "geonameid",
    "feature",
    "country",
    "admin1",
    "lat",
    "lon",
    "population",
    "name",
    "names",
];

/// Records and their names from a file with the gazetteer's columns (the lexicon TSV dialect:
/// a header line, `#` comments, one tab between fields), read without copying each field: the
/// built file has some 35,000 rows.
fn read_records(
    file: &str,
    text: &str,
    records: &mut Vec<Record>,
    names: &mut NameIndex,
    errors: &mut Vec<LexiconError>,
) {
    let err = |line: usize, message: String| LexiconError {
        file: file.to_string(),
        line,
        message,
    };
    let mut cols: Option<[usize; 9]> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let Some(cols) = cols else {
            let header: Vec<&str> = raw.split('\t').map(str::trim).collect();
            let mut found = [0; 9];
            for (k, c) in COLUMNS.iter().enumerate() {
                let Some(at) = header.iter().position(|h| h == c) else {
                    errors.push(err(line, format!("missing column `{c}`")));
                    return;
                };
                found[k] = at;
            }
            cols = Some(found);
            continue;
        };
        let mut fields = [""; 16];
        let mut count = 0;
        for f in raw.split('\t') {
            if count < fields.len() {
                fields[count] = f.trim();
            }
            count += 1;
        }
        if count > fields.len() {
            errors.push(err(line, format!("{count} fields, too many")));
            continue;
        }
        let f = |i: usize| fields[cols[i]];
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
        let (Ok(id), Some((feature, second_level)), Ok(lat), Ok(lon), Ok(population)) =
            (id, feature, lat, lon, pop)
        else {
            errors.push(err(
                line,
                "bad record: geonameid, feature (C/A/P/K/S), lat, lon and population must parse"
                    .into(),
            ));
            continue;
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            errors.push(err(line, format!("coordinates out of range: {lat}, {lon}")));
            continue;
        }
        if name.is_empty()
            || !(country.is_empty() || country.len() == 2)
            || (country.is_empty() != (feature == Feature::Other && !second_level))
        {
            errors.push(err(
                line,
                "a record needs a name and a two-letter country (none only for a continent)".into(),
            ));
            continue;
        }
        let index = records.len() as u32;
        names.add(name, index * 2);
        for alt in f(8).split('|').map(str::trim).filter(|a| !a.is_empty()) {
            names.add(alt, index * 2 + 1);
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
            second_level,
        });
    }
    if cols.is_none() {
        errors.push(err(0, "no header line".into()));
    }
}

impl Gazetteer {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut records = Vec::new();
        let mut names = NameIndex::default();
        match decompress(src, GAZETTEER) {
            Ok(text) => {
                // one name a line and one per `|`: sized once, never rehashed
                let bytes = text.as_bytes();
                names
                    .map
                    .reserve(memchr::memchr2_iter(b'|', b'\n', bytes).count());
                records.reserve(memchr::memchr_iter(b'\n', bytes).count());
                read_records(GAZETTEER, &text, &mut records, &mut names, &mut errors);
            }
            Err(e) => errors.push(e),
        }
        match decompress(src, ADMIN2) {
            Ok(text) => read_records(ADMIN2, &text, &mut records, &mut names, &mut errors),
            Err(e) => errors.push(e),
        }
        match src.get(EXTRA).map(std::str::from_utf8) {
            Some(Ok(text)) => read_records(EXTRA, text, &mut records, &mut names, &mut errors),
            Some(Err(e)) => errors.push(LexiconError {
                file: EXTRA.into(),
                line: 0,
                message: format!("not UTF-8: {e}"),
            }),
            None => errors.push(LexiconError {
                file: EXTRA.into(),
                line: 0,
                message: "file missing".into(),
            }),
        }
        let mut by_id: HashMap<u32, usize, NameHasher> =
            HashMap::with_capacity_and_hasher(records.len(), NameHasher::default());
        let mut by_country: HashMap<String, usize, NameHasher> = HashMap::default();
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
                                names.add(row.get(cn), i as u32 * 2);
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
        let mut university_states = HashSet::new();
        match src.table(CUES) {
            Ok(t) => match (t.col("word"), t.col("kind")) {
                (Ok(cw), Ok(ck)) => {
                    for row in &t.rows {
                        if row.get(ck) == "university-state" {
                            university_states.insert(row.get(cw).trim().to_string());
                            continue;
                        }
                        let kind = match row.get(ck) {
                            "after" => Cue::After,
                            "before" => Cue::Before,
                            "person-title" => Cue::PersonTitle,
                            "part" => Cue::Part,
                            "region" => Cue::Region,
                            "and" => Cue::And,
                            other => {
                                errors.push(t.error(
                                    row,
                                    format!(
                                        "kind must be after, before, part, region, and, person-title or university-state, not `{other}`"
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
        // (a prefix many names share comes once per name: setting its bits again is cheaper
        // than a set that keeps one copy, which cost a tenth of the lexicon's compile time)
        let filtered: Vec<&str> = names
            .map
            .keys()
            .flat_map(|k| std::iter::once(&**k).chain(name_prefixes(k)))
            .collect();
        let name_filter = crate::lexicon::bloom::Bloom::new(filtered.iter().copied());
        Ok(Self {
            records,
            names: names.map,
            name_filter,
            max_tokens: names.max_tokens.max(1),
            max_key_len: names.max_key_len,
            by_id,
            by_country,
            stop,
            cues,
            function_words,
            university_states,
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
