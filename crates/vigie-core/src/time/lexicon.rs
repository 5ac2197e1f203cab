//! The time lexicon: `lexicon/time/<lang>.tsv`, one row per word or phrase with its kind and
//! value, compiled into one phrase matcher per language.

use std::collections::HashMap;

use crate::lexicon::{LexiconError, PhraseMatcher, Sources};
use crate::normalize::fold;

/// What a time word is. The value column of the file gives the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Month(u32),
    Weekday(u32),
    Number(u32),
    Ordinal(u32),
    Unit(Unit),
    RelDay(i32),
    Present(&'static str),
    Ref(&'static str),
    Last,
    Next,
    This,
    AgoBefore,
    AgoAfter,
    LaterBefore,
    LaterAfter,
    Part,
    Season(&'static str),
    Pod(&'static str),
    /// A part of day in the plural ("nights"): after a weekday it recurs ("Tuesday nights").
    Pods(&'static str),
    Det,
    Anaphoric(i32),
    Decade,
    FutureCue,
    YearPrep,
    RangeJoin,
    TodayMark,
    Approx,
    HourMark,
    /// `AM` or `PM` after a clock time.
    Meridiem(&'static str),
    AgeBefore,
    AgeAfter,
    /// A noun for a reporting period ("period", « période »), after "year-ago".
    PeriodNoun,
    /// A word that opens a subordinate clause (« que », "that"): the tense of one clause
    /// does not reach past it.
    ClauseMark,
    /// A past auxiliary ("was", « avait »).
    PastCue,
    /// A form of the auxiliary of the compound past (« a »): right before a past participle
    /// it marks a past tense (« a signé »); alone it is no cue (« a lieu », « à »).
    PastAux,
    /// A word for a recurrence of its unit: "daily", « annuel ».
    Every(Unit),
    /// A word that makes the unit, weekday or month after it recur: "every", « chaque ».
    EveryBefore,
    /// A word right before a date that points to a time to come whatever the tense of the
    /// clause: "payable Dec. 15", "effective Feb. 1", « d'ici mars ».
    Forward,
    /// A word right before a date that points forward unless the clause is in a past tense:
    /// "until January", "by February", « jusqu'au 3 mars ».
    ForwardWeak,
    /// A present auxiliary ("is", "has"): the nearest tense cue is the present, so a past
    /// verb beyond it ("said it is calling for a vote on Dec. 7") does not decide.
    PresentCue,
    /// A form of "be" before a participle ("will be held", « sera signé »): the participle
    /// after it is no past-tense cue.
    PassiveAux,
    /// The word that links a noun to a weekday naming it (« le sommet de mardi »): without a
    /// tense, the nearest such day is meant.
    NounLink,
    /// A direction counted from the last time the text named, not from the document date:
    /// "the following year", « le mois précédent ».
    AnaDir(i32),
    /// A holiday: a day of the year by a rule (`lexicon/time/*.tsv` value column).
    Holiday(Holiday),
    /// A time zone after a clock time ("EST", « heure de Paris »): part of the expression,
    /// no change to the value (TimeML keeps the local time).
    Zone,
    /// A clock time said in a word: "noon" (12:00), « minuit » (24:00).
    ClockWord(u32, u32),
    /// A preposition between a day and a clock time: "Tuesday at 9 a.m.", « mardi à 9 h ».
    ClockPrep,
    /// The unit that holds the last time the text named: "that year", « cette année-là »
    /// (value: the unit).
    AnaUnit(Unit),
    /// A decade in a word: "the nineties" (value: its first three digits, 199).
    DecadeWord(u32),
    /// The word between a week and the day that fixes it: "the week of March 6", « la
    /// semaine du 6 mars ».
    UnitOf,
    /// A word that may stand between the auxiliary of the compound past and its participle
    /// (« n'a pas signé », « a déjà signé »): the tense cue reads past it.
    AuxGap,
    /// The mark of an infinitive ("to" before a verb): a date after it belongs to the
    /// infinitive's act, whose time the verb before does not set ("agreed to buy it in
    /// February").
    Infinitive,
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// Every year on this month and day: `12-25` (Christmas, « Noël »).
    Fixed { m: u32, d: u32 },
    /// The first weekday `wd` (1 = Monday) on or after this month and day: `11-22+4`
    /// (Thanksgiving, the fourth Thursday of November).
    OnOrAfter { m: u32, d: u32, wd: u32 },
    /// Days from Easter Sunday: `E+1` (Easter Monday, « lundi de Pâques »), `E+49`.
    Easter(i32),
}

impl Holiday {
    /// `MM-DD`, `MM-DD+W` or `E±N`.
    fn parse(v: &str) -> Option<Self> {
        if let Some(off) = v.strip_prefix('E') {
            let n: i32 = off.strip_prefix('+').unwrap_or(off).parse().ok()?;
            return (-100..=100).contains(&n).then_some(Holiday::Easter(n));
        }
        let (md, wd) = match v.split_once('+') {
            Some((md, w)) => (md, Some(w.parse::<u32>().ok()?)),
            None => (v, None),
        };
        let (m, d) = md.split_once('-')?;
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        // 2000 is a leap year: February 29 is accepted
        chrono::NaiveDate::from_ymd_opt(2000, m, d)?;
        Some(match wd {
            Some(wd) if (1..=7).contains(&wd) => Holiday::OnOrAfter { m, d, wd },
            Some(_) => return None,
            None => Holiday::Fixed { m, d },
        })
    }
}

/// A unit of a duration or a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
    Quarter,
    HalfYear,
    Hour,
    Minute,
    Second,
    Weekend,
}

impl Unit {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "Q" => Unit::Quarter,
            "H6" => Unit::HalfYear,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "WE" => Unit::Weekend,
            _ => return None,
        })
    }
}

/// One lexicon row.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) kind: Kind,
    /// Only when the text capitalizes the word.
    pub(crate) cap: bool,
    /// An abbreviation: only before a period or a number.
    pub(crate) abbr: bool,
    /// Only when the text does not capitalize the word (« midi », not « le Midi »).
    pub(crate) lower: bool,
    /// Only when written with these very letters, accents included (« a », not « à »): the
    /// lower-cased phrase.
    pub(crate) exact: Option<String>,
}

/// The words of one language.
#[derive(Debug)]
pub(crate) struct LangWords {
    pub(crate) entries: Vec<Entry>,
    pub(crate) matcher: PhraseMatcher,
    /// Folded endings of ordinals written in digits (« 1er », "6th").
    pub(crate) ordinal_suffixes: Vec<String>,
    /// Folded verb endings that mark the future (« -ra », « -ront »).
    pub(crate) future_suffixes: Vec<String>,
    /// Folded verb endings that mark a past tense ("-ed").
    pub(crate) past_suffixes: Vec<String>,
    /// Folded endings that look past but are not ("succeed", "proceed": `-eed`).
    pub(crate) not_past_suffixes: Vec<String>,
    /// Folded endings of past participles (« -é », « -is »), a past tense after a `past_aux`.
    pub(crate) participle_suffixes: Vec<String>,
    /// Folded phrase of each entry, for single-word lookups outside running text (URLs).
    pub(crate) phrases: Vec<String>,
}

/// The compiled time lexicon.
#[derive(Debug, Default)]
pub struct TimeLexicon {
    pub(crate) langs: HashMap<String, LangWords>,
}

fn intern(s: &str) -> Option<&'static str> {
    const CODES: [&str; 17] = [
        "AM",
        "PM",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "SP",
        "SU",
        "FA",
        "WI",
        "MO",
        "AF",
        "EV",
        "NI",
        "START",
        "MID",
        "END",
        "0",
    ];
    CODES.iter().copied().find(|c| *c == s)
}

fn parse_kind(kind: &str, value: &str) -> Result<Option<Kind>, String> {
    let int = || {
        value
            .parse::<i32>()
            .map_err(|_| format!("kind `{kind}` needs an integer value, not `{value}`"))
    };
    let code = |allowed: &[&str]| {
        allowed
            .iter()
            .find(|a| **a == value)
            .and_then(|a| intern(a))
            .ok_or_else(|| format!("kind `{kind}` needs one of {allowed:?}, not `{value}`"))
    };
    let ranged = |lo: i32, hi: i32| {
        let v = int()?;
        if (lo..=hi).contains(&v) {
            Ok(v as u32)
        } else {
            Err(format!(
                "kind `{kind}` needs a value in {lo}..={hi}, not {v}"
            ))
        }
    };
    Ok(Some(match kind {
        "month" => Kind::Month(ranged(1, 12)?),
        "weekday" => Kind::Weekday(ranged(1, 7)?),
        "number" => Kind::Number(ranged(0, 1_000_000)?),
        "ordinal" => Kind::Ordinal(ranged(1, 1000)?),
        "unit" => Kind::Unit(Unit::parse(value).ok_or_else(|| format!("unknown unit `{value}`"))?),
        "relday" => Kind::RelDay(int()?),
        "present" => Kind::Present(code(&["PRESENT_REF"])?),
        "ref" => Kind::Ref(code(&["PAST_REF", "FUTURE_REF", "PRESENT_REF"])?),
        "last" => Kind::Last,
        "next" => Kind::Next,
        "this" => Kind::This,
        "ago_before" => Kind::AgoBefore,
        "ago_after" => Kind::AgoAfter,
        "later_before" => Kind::LaterBefore,
        "later_after" => Kind::LaterAfter,
        "part" => {
            code(&["START", "MID", "END"])?;
            Kind::Part
        }
        "season" => Kind::Season(code(&["SP", "SU", "FA", "WI"])?),
        "pod" => Kind::Pod(code(&["MO", "AF", "EV", "NI"])?),
        "pods" => Kind::Pods(code(&["MO", "AF", "EV", "NI"])?),
        "det" => Kind::Det,
        "anaphoric" => Kind::Anaphoric(int()?),
        "decade" => Kind::Decade,
        "future_cue" => Kind::FutureCue,
        "year_prep" => Kind::YearPrep,
        "range_join" => Kind::RangeJoin,
        "today_mark" => Kind::TodayMark,
        "approx" => Kind::Approx,
        "hour_mark" => Kind::HourMark,
        "age_before" => Kind::AgeBefore,
        "age_after" => Kind::AgeAfter,
        "period_noun" => Kind::PeriodNoun,
        "clause_mark" => Kind::ClauseMark,
        "past_cue" => Kind::PastCue,
        "past_aux" => Kind::PastAux,
        "every" => {
            Kind::Every(Unit::parse(value).ok_or_else(|| format!("unknown unit `{value}`"))?)
        }
        "every_before" => Kind::EveryBefore,
        "forward" => Kind::Forward,
        "forward_weak" => Kind::ForwardWeak,
        "passive_aux" => Kind::PassiveAux,
        "present_cue" => Kind::PresentCue,
        "noun_link" => Kind::NounLink,
        "ana_dir" => Kind::AnaDir(int()?.signum()),
        "holiday" => Kind::Holiday(Holiday::parse(value).ok_or_else(|| {
            format!("kind `holiday` needs `MM-DD`, `MM-DD+W` or `E±N`, not `{value}`")
        })?),
        "meridiem" => Kind::Meridiem(code(&["AM", "PM"])?),
        "zone" => Kind::Zone,
        "clock_prep" => Kind::ClockPrep,
        "ana_unit" => {
            Kind::AnaUnit(Unit::parse(value).ok_or_else(|| format!("unknown unit `{value}`"))?)
        }
        "unit_of" => Kind::UnitOf,
        "decade_word" => Kind::DecadeWord(ranged(100, 999)?),
        "aux_gap" => Kind::AuxGap,
        "infinitive" => Kind::Infinitive,
        "clock_word" => {
            let hm = value
                .split_once(':')
                .and_then(|(h, m)| Some((h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)))
                .filter(|(h, m)| *h <= 24 && *m < 60);
            let (h, m) = hm.ok_or_else(|| {
                format!("kind `clock_word` needs `HH:MM` (00:00 to 24:00), not `{value}`")
            })?;
            Kind::ClockWord(h, m)
        }
        // endings, not phrases: kept apart by the loader
        "ordinal_suffix" | "future_suffix" | "past_suffix" | "not_past_suffix"
        | "participle_suffix" => return Ok(None),
        k => return Err(format!("unknown kind `{k}`")),
    }))
}

impl LangWords {
    /// True when lexicon entry `idx` was written as the folded word `w`.
    pub(crate) fn matcher_key_is(&self, idx: u32, w: &str) -> bool {
        self.phrases.get(idx as usize).is_some_and(|p| p == w)
    }
}

impl TimeLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut langs = HashMap::new();
        for (path, _) in src.under("time/") {
            let Some(lang) = path
                .strip_prefix("time/")
                .and_then(|p| p.strip_suffix(".tsv"))
            else {
                continue;
            };
            let t = match src.table(path) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let (cp, ck, cv) = match (t.col("phrase"), t.col("kind"), t.col("value")) {
                (Ok(p), Ok(k), Ok(v)) => (p, k, v),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                    errors.push(e);
                    continue;
                }
            };
            let cf = t.col("flags").ok();
            let mut entries = Vec::new();
            let mut phrases = Vec::new();
            let mut ordinal_suffixes = Vec::new();
            let mut future_suffixes = Vec::new();
            let mut past_suffixes = Vec::new();
            let mut not_past_suffixes = Vec::new();
            let mut participle_suffixes = Vec::new();
            let mut folded_phrases = Vec::new();
            for row in &t.rows {
                let phrase = row.get(cp);
                if phrase.is_empty() {
                    errors.push(t.error(row, "empty phrase"));
                    continue;
                }
                let flags = cf.map_or("", |c| row.get(c));
                let (mut cap, mut abbr, mut lower, mut exact) = (false, false, false, false);
                let mut bad = None;
                for f in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    match f {
                        "cap" => cap = true,
                        "abbr" => abbr = true,
                        "lower" => lower = true,
                        "exact" => exact = true,
                        other => bad = Some(other.to_string()),
                    }
                }
                if let Some(f) = bad {
                    errors.push(
                        t.error(row, format!("unknown flag `{f}` (cap, abbr, lower, exact)")),
                    );
                    continue;
                }
                match parse_kind(row.get(ck), row.get(cv)) {
                    Ok(Some(kind)) => {
                        phrases.push((phrase.to_string(), entries.len() as u32));
                        folded_phrases.push(fold(phrase));
                        entries.push(Entry {
                            kind,
                            cap,
                            abbr,
                            lower,
                            exact: exact.then(|| phrase.to_lowercase()),
                        });
                    }
                    Ok(None) if row.get(ck) == "ordinal_suffix" => {
                        ordinal_suffixes.push(fold(phrase));
                    }
                    Ok(None) if row.get(ck) == "past_suffix" => past_suffixes.push(fold(phrase)),
                    Ok(None) if row.get(ck) == "not_past_suffix" => {
                        not_past_suffixes.push(fold(phrase));
                    }
                    Ok(None) if row.get(ck) == "participle_suffix" => {
                        participle_suffixes.push(fold(phrase));
                    }
                    Ok(None) => future_suffixes.push(fold(phrase)),
                    Err(m) => errors.push(t.error(row, m)),
                }
            }
            let matcher = PhraseMatcher::new(phrases);
            langs.insert(
                lang.to_string(),
                LangWords {
                    entries,
                    matcher,
                    ordinal_suffixes,
                    future_suffixes,
                    past_suffixes,
                    not_past_suffixes,
                    participle_suffixes,
                    phrases: folded_phrases,
                },
            );
        }
        if errors.is_empty() {
            Ok(Self { langs })
        } else {
            Err(errors)
        }
    }
}
