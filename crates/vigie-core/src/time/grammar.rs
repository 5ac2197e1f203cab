//! The grammar of temporal expressions over atoms: which atom sequences make an expression
//! and what they mean ([`Sem`]), before any anchoring to the document date (`resolve.rs`).
//! Word order rules accept both French and English orders; the words come from the lexicon.

// Parsers thread atom indexes through many small steps: `i` the start, `j`, `k` the next
// positions, `e` an end, as in any hand-written parser.
#![allow(clippy::many_single_char_names)]

use super::lexicon::{Holiday, Kind, Unit};
use super::scan::{Atom, AtomKind};

/// The meaning of an expression, unanchored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sem {
    /// A calendar day with its year.
    Full {
        y: i32,
        m: u32,
        d: u32,
    },
    /// Day and month, the year to infer; `wd` a weekday the text gives with it; `dir` -1
    /// for « dernier », +1 for « prochain », 0 when neither.
    DayMonth {
        m: u32,
        d: u32,
        wd: Option<u32>,
        dir: i32,
    },
    /// "the 6th": a day of a month to infer.
    DayOnly {
        d: u32,
    },
    MonthYear {
        y: i32,
        m: u32,
    },
    /// A month without year; `dir` as in `DayMonth`.
    Month {
        m: u32,
        dir: i32,
    },
    /// « ce mois de mai », "this September": the month of the document's year.
    MonthThisYear {
        m: u32,
    },
    Year(i32),
    /// The first three digits of the decade's years (`199`).
    Decade(i32),
    /// The first two digits of the century's years (`19` for the 20th century).
    Century(i32),
    Season {
        s: &'static str,
        y: Option<i32>,
        dir: i32,
    },
    /// A holiday: "Thanksgiving", « Pâques 2024 », "last Christmas"; `dir` as in `DayMonth`.
    Holiday {
        h: Holiday,
        y: Option<i32>,
        dir: i32,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
    },
    /// "the 1988 quarter", "the 1989 period": the quarter in focus taken in year `y` (the
    /// comparison period of a report); the year when no quarter was named.
    QuarterOfYear {
        y: i32,
    },
    /// Days from the document date (« hier »).
    RelDay(i32),
    /// A weekday; `dir` None when bare, Some(0) for « ce », Some(±1) for last/next.
    Weekday {
        wd: u32,
        dir: Option<i32>,
    },
    /// `n` units from the document date's unit (« la semaine dernière » = -1 week).
    RelUnit {
        unit: Unit,
        n: i32,
    },
    /// `n` years from the period in focus: "a year earlier", "year-ago", « il y a un an ».
    /// After a quarter was named, the same quarter `n` years away (the comparison period of
    /// a report); otherwise the year.
    YearsAgo {
        n: i32,
        /// The quarter the adjective qualifies: "the year-ago third quarter".
        q: Option<u32>,
    },
    /// A quarter of the year `n` years from the document's: "next year's first quarter",
    /// "the third quarter of last year", « le premier trimestre de l'an prochain ».
    QuarterInRelYear {
        q: u32,
        n: i32,
    },
    /// A day and month in the year `n` years from the document's: "March 20 last year",
    /// « le 20 mars de l'an dernier »; `d` None for a whole month ("January this year").
    InRelYear {
        m: u32,
        d: Option<u32>,
        n: i32,
    },
    /// A recurring time: "daily", "every week", « chaque année » (a unit), "each Thursday"
    /// (a weekday), "each July" (a month).
    Every {
        unit: Option<Unit>,
        wd: Option<u32>,
        m: Option<u32>,
    },
    /// A weekday counted from the last day the text named: "the previous Friday", « le
    /// vendredi suivant » (`n` -1 or 1: the nearest such weekday before or after that day).
    AnaWeekday {
        wd: u32,
        n: i32,
    },
    /// A length of time; `n` None when vague (« plusieurs années »).
    Duration {
        n: Option<u32>,
        unit: Unit,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Special(&'static str),
    /// Days from the last day the text named (« la veille »).
    Anaphoric(i32),
    /// `n` units from the last time the text named: "the following year", « le mois
    /// précédent ».
    AnaUnit {
        unit: Unit,
        n: i32,
    },
    /// The week holding a day: "the week of March 6", « la semaine du 6 mars »; the year
    /// to infer when `y` is None.
    WeekOf {
        m: u32,
        d: u32,
        y: Option<i32>,
    },
    /// A clock time on the last day the text named.
    Clock {
        h: u32,
        min: u32,
    },
}

/// A parsed expression: atoms `start..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parse {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) sem: Sem,
    pub(crate) pod: Option<&'static str>,
    /// The text marks the expression as the day of writing (« ce jeudi 8 janvier »).
    pub(crate) today_marked: bool,
    /// A clock time given with the day: "9 a.m. EST Tuesday", « mardi à 9 h » (hours,
    /// minutes); the expression is then a TIME on that day.
    pub(crate) clock: Option<(u32, u32)>,
}

pub(crate) struct Grammar<'a> {
    pub(crate) a: &'a [Atom],
    /// The original text the atoms' spans point into.
    pub(crate) text: &'a str,
    /// The first atom of the expression being parsed.
    pub(crate) start: std::cell::Cell<usize>,
}

type At<T> = Option<(T, usize)>;

fn pod_of(k: Kind) -> Option<&'static str> {
    match k {
        Kind::Pod(p) => Some(p),
        _ => None,
    }
}

impl Grammar<'_> {
    /// Atom `i` when it starts or continues the expression: no line break before it, unless
    /// it is the first atom.
    fn at(&self, i: usize) -> Option<&Atom> {
        self.a
            .get(i)
            .filter(|x| !x.newline_before || i == self.start.get())
    }

    fn lex<T>(&self, i: usize, f: impl Fn(Kind) -> Option<T>) -> At<T> {
        let x = self.at(i)?;
        (x.kind == AtomKind::Lex)
            .then(|| x.find(f))
            .flatten()
            .map(|v| (v, i + 1))
    }

    fn has(&self, i: usize, f: impl Fn(Kind) -> bool) -> Option<usize> {
        self.lex(i, |k| f(k).then_some(())).map(|((), j)| j)
    }

    /// The punctuation character of atom `i` (a lexicon phrase may be one, as « - » is).
    fn sym(&self, i: usize) -> Option<char> {
        let x = self.at(i)?;
        match x.kind {
            AtomKind::Punct(c) => Some(c),
            AtomKind::Lex if x.span.len() == 1 => Some(char::from(*self.text_byte(x)?)),
            _ => None,
        }
    }

    fn text_byte(&self, x: &Atom) -> Option<&u8> {
        self.text
            .as_bytes()
            .get(x.span.start)
            .filter(|b| !b.is_ascii_alphanumeric())
    }

    fn punct(&self, i: usize, c: char) -> Option<usize> {
        (self.sym(i)? == c).then_some(i + 1)
    }

    /// Skip an optional comma.
    fn comma(&self, i: usize) -> usize {
        self.punct(i, ',').unwrap_or(i)
    }

    fn num(&self, i: usize) -> At<(u32, u8)> {
        match self.at(i)?.kind {
            AtomKind::Num(v, d) => Some(((v, d), i + 1)),
            _ => None,
        }
    }

    /// A day of the month: « 6 », « 1er », "6th", "eighth".
    fn day(&self, i: usize) -> At<u32> {
        let (d, j) = match self.at(i)?.kind {
            AtomKind::Num(v, digits) if digits <= 2 => (v, i + 1),
            AtomKind::OrdNum(v) => (v, i + 1),
            AtomKind::Lex => self.lex(i, |k| match k {
                Kind::Ordinal(v) => Some(v),
                _ => None,
            })?,
            _ => return None,
        };
        (1..=31).contains(&d).then_some((d, j))
    }

    /// A month name, with the period of an abbreviation when a number follows.
    fn month(&self, i: usize) -> At<u32> {
        let (m, j) = self.lex(i, |k| match k {
            Kind::Month(m) => Some(m),
            _ => None,
        })?;
        match self.punct(j, '.') {
            Some(k) if self.num(k).is_some() => Some((m, k)),
            _ => Some((m, j)),
        }
    }

    fn weekday(&self, i: usize) -> At<u32> {
        self.lex(i, |k| match k {
            Kind::Weekday(w) => Some(w),
            _ => None,
        })
    }

    /// A day number for ranges (« du 6 au 8 janvier »).
    pub(crate) fn range_day(&self, i: usize) -> At<u32> {
        self.day(i)
    }

    /// A range joiner (« au », « et », "to", "-").
    pub(crate) fn join(&self, i: usize) -> Option<usize> {
        self.has(i, |k| k == Kind::RangeJoin)
    }

    /// A four-digit year in a plausible range, or a year in words ("nineteen ninety-six").
    fn year(&self, i: usize) -> At<i32> {
        let Some(((v, digits), j)) = self.num(i) else {
            return self.word_year(i);
        };
        (digits == 4 && (1000..=2199).contains(&v)).then_some((v as i32, j))
    }

    /// A year in two digits right after a month (« octobre 98 »): only a number no day can
    /// be (above 31), read as numeric dates read it (above 50 in the 1900s).
    fn short_year(&self, i: usize) -> At<i32> {
        let ((v, digits), e) = self.num(i)?;
        (digits == 2 && v > 31).then(|| (if v > 50 { 1900 } else { 2000 } + v as i32, e))
    }

    /// A number word, with a tens word joined to a unit word by a hyphen ("ninety-six").
    fn word_number(&self, i: usize) -> At<u32> {
        let (t, j) = self.lex(i, |k| match k {
            Kind::Number(v) => Some(v),
            _ => None,
        })?;
        if t % 10 == 0 && (20..=90).contains(&t) {
            if let Some(k) = self.punct(j, '-') {
                let glued = self.a[j].span.start == self.a[j - 1].span.end;
                if let Some((u, e)) = self.lex(k, |k| match k {
                    Kind::Number(u) if (1..=9).contains(&u) => Some(u),
                    _ => None,
                }) {
                    if glued {
                        return Some((t + u, e));
                    }
                }
            }
        }
        Some((t, j))
    }

    /// A year said in words: the hundreds then two digits ("nineteen ninety-six" = 1996).
    fn word_year(&self, i: usize) -> At<i32> {
        let (h, j) = self.word_number(i)?;
        let (r, e) = self.word_number(j)?;
        ((11..=20).contains(&h) && (10..=99).contains(&r)).then_some(((h * 100 + r) as i32, e))
    }

    /// A count before a unit: digits or a number word (0 = vague: « plusieurs »).
    fn count(&self, i: usize) -> At<u32> {
        match self.at(i)?.kind {
            AtomKind::Num(v, digits) if digits <= 4 => Some((v, i + 1)),
            AtomKind::Lex => self.lex(i, |k| match k {
                Kind::Number(v) => Some(v),
                _ => None,
            }),
            _ => None,
        }
    }

    fn unit(&self, i: usize) -> At<Unit> {
        self.lex(i, |k| match k {
            Kind::Unit(u) => Some(u),
            _ => None,
        })
    }

    /// -1 / 0 / +1 for last / this / next.
    fn direction(&self, i: usize) -> At<i32> {
        self.lex(i, |k| match k {
            Kind::Last => Some(-1),
            Kind::Next => Some(1),
            Kind::This => Some(0),
            _ => None,
        })
    }

    /// « dernier », « prochain » after the noun, with "week" when it follows ("Friday next
    /// week"); not a direction that another unit follows, which is that unit's ("prices
    /// will fall next year": "next year", not "fall next").
    fn post_direction(&self, i: usize) -> At<i32> {
        let (d, e) = self.lex(i, |k| match k {
            Kind::Last => Some(-1),
            Kind::Next => Some(1),
            _ => None,
        })?;
        match self.unit(e) {
            None => Some((d, e)),
            Some((Unit::Week, e2)) if !self.plural(e) => Some((d, e2)),
            Some(_) => None,
        }
    }

    /// A direction right after a name (season, holiday) with no unit after it.
    fn bare_post_direction(&self, i: usize) -> At<i32> {
        self.post_direction(i).filter(|(_, e)| *e == i + 1)
    }

    /// A holiday name, not the first name of a person (« Noël Mamère »: a capitalized word
    /// follows).
    fn holiday(&self, i: usize) -> At<Holiday> {
        let (h, e) = self.lex(i, |k| match k {
            Kind::Holiday(h) => Some(h),
            _ => None,
        })?;
        let name_follows = self.at(e).is_some_and(|x| {
            matches!(x.kind, AtomKind::Word | AtomKind::Lex)
                && self.text[x.span.start..].starts_with(char::is_uppercase)
        });
        (!name_follows).then_some((h, e))
    }

    fn pod(&self, i: usize) -> At<&'static str> {
        self.lex(i, pod_of)
    }

    /// A part of day in the plural ("mornings").
    fn pods(&self, i: usize) -> At<&'static str> {
        self.lex(i, |k| match k {
            Kind::Pods(p) => Some(p),
            _ => None,
        })
    }

    /// Day, month and optional year after a day: « 6 janvier 2026 », "6th of January".
    fn day_month(&self, i: usize) -> At<(u32, u32, Option<i32>)> {
        let (d, j) = self.day(i)?;
        let j = self
            .has(j, |k| k == Kind::YearPrep)
            .filter(|_| {
                // "6th of January": only the ordinal forms take "of"
                !matches!(self.a[i].kind, AtomKind::Num(..))
            })
            .unwrap_or(j);
        let (m, j) = self.month(j)?;
        let k = self.comma(j);
        match self.year(k) {
            Some((y, e)) => Some(((d, m, Some(y)), e)),
            None => Some(((d, m, None), j)),
        }
    }

    /// Month, day and optional year: "January 6, 2026", "March eighth"; returned as
    /// (day, month, year) like `day_month`.
    fn month_day(&self, i: usize) -> At<(u32, u32, Option<i32>)> {
        let (m, j) = self.month(i)?;
        let j = self.has(j, |k| k == Kind::Det).unwrap_or(j);
        let (d, j) = self.day(j)?;
        // "May 2019" is a month and a year, not day 20…: the day must not be a year
        if let Some(((_, digits), _)) = self.num(j - 1) {
            if digits > 2 {
                return None;
            }
        }
        let k = self.comma(j);
        match self.year(k) {
            Some((y, e)) => Some(((d, m, Some(y)), e)),
            None => Some(((d, m, None), j)),
        }
    }

    /// A date given as day and month in either order, with its year if written.
    fn calendar_day(&self, i: usize) -> At<(u32, u32, Option<i32>)> {
        let a = self.day_month(i);
        let b = self.month_day(i);
        match (a, b) {
            (Some(x), Some(y)) => Some(if y.1 > x.1 { y } else { x }),
            (x, y) => x.or(y),
        }
    }

    /// Dates in digits: 06/01/2026, 2026-01-06, 6.1.2026; `month_first` for English.
    fn numeric_date(&self, i: usize, month_first: bool) -> At<Sem> {
        let ((a, da), j) = self.num(i)?;
        let Some(sep @ ('/' | '-' | '.')) = self.sym(j) else {
            return None;
        };
        let glued = |k: usize| {
            self.a.get(k).is_some_and(|x| !x.newline_before)
                && self.a[k - 1].span.end == self.a[k].span.start
        };
        if !glued(j) || !glued(j + 1) {
            return None;
        }
        let ((b, _), k) = self.num(j + 1)?;
        let k2 = self.punct(k, sep).filter(|_| glued(k) && glued(k + 1));
        let third = k2.and_then(|k2| self.num(k2));
        if da == 4 {
            // ISO: 2026-01-06 or 2026-01
            let y = a as i32;
            return match third {
                // 2026-01-06, and the year-first forms 2026/1/6, 2026.1.6
                Some(((c, _), e)) => valid(y, b, c).map(|s| (s, e)),
                None if sep == '-' && (1..=12).contains(&b) && (1000..=2199).contains(&a) => {
                    Some((Sem::MonthYear { y, m: b }, k))
                }
                _ => None,
            };
        }
        let ((c, dc), e) = third?;
        let y = match dc {
            4 => c as i32,
            2 => 2000 + c as i32 - if c > 50 { 100 } else { 0 },
            _ => return None,
        };
        let (d, m) = if (month_first && a <= 12) || b > 12 {
            (b, a)
        } else {
            (a, b)
        };
        valid(y, m, d).map(|s| (s, e))
    }

    /// A clock time: « 11h15 », « 20 h 30 », "10:35 a.m.", "6 p.m.".
    fn clock(&self, i: usize) -> At<Sem> {
        if let AtomKind::Clock(h, min) = self.at(i)?.kind {
            return Some((Sem::Clock { h, min }, i + 1));
        }
        if let Some(((h, min), e)) = self.lex(i, |k| match k {
            Kind::ClockWord(h, m) => Some((h, m)),
            _ => None,
        }) {
            return Some((Sem::Clock { h, min }, e));
        }
        let ((h, dh), j) = self.num(i)?;
        if dh > 2 || h > 24 {
            return None;
        }
        if let Some(k) = self.has(j, |k| k == Kind::HourMark) {
            let word_hours = self.a[j].folded.1 - self.a[j].folded.0 > 1;
            // « 20 heures » is a clock time after « à », « vers »; otherwise a duration
            let after_prep = i > 0
                && self
                    .lex(i - 1, |k| {
                        matches!(k, Kind::YearPrep | Kind::ClockPrep).then_some(())
                    })
                    .is_some();
            if word_hours && !after_prep {
                return None;
            }
            return match self.num(k) {
                Some(((min, 2), e)) if min < 60 => Some((Sem::Clock { h, min }, e)),
                _ => Some((Sem::Clock { h, min: 0 }, k)),
            };
        }
        let (min, j) = match self.punct(j, ':') {
            Some(k) => match self.num(k)? {
                ((min, 2), e) if min < 60 => (min, e),
                _ => return None,
            },
            None => (0, j),
        };
        let (mer, e) = self.lex(j, |k| match k {
            Kind::Meridiem(m) => Some(m),
            _ => None,
        })?;
        let h = match (mer, h) {
            ("PM", h) if h < 12 => h + 12,
            ("AM", 12) => 0,
            (_, h) => h,
        };
        Some((Sem::Clock { h, min }, e))
    }

    /// Expressions led by a weekday: « mardi 6 janvier », "Sunday, September 29, 2019",
    /// « jeudi dernier », « jeudi soir ».
    fn weekday_led(&self, i: usize, dir: Option<i32>) -> At<(Sem, Option<&'static str>)> {
        let (wd, j) = self.weekday(i)?;
        let k = self.comma(j);
        let k = self.has(k, |k| k == Kind::Det).unwrap_or(k);
        if let Some(((d, m, y), e)) = self.calendar_day(k) {
            let (dir2, e) = self.post_direction(e).map_or((0, e), |(d, e)| (d, e));
            let sem = match y {
                Some(y) => valid(y, m, d)?,
                None => Sem::DayMonth {
                    m,
                    d,
                    wd: Some(wd),
                    dir: dir2,
                },
            };
            return Some(((sem, None), e));
        }
        // « le vendredi précédent »: counted from the day the text is at
        let ana_after = dir.is_none() && self.has(j, |k| matches!(k, Kind::AnaDir(_))).is_some();
        let (dir, j) = match (dir, self.post_direction(j)) {
            (None, Some((d, e))) => (Some(d), e),
            (d, _) => (d, j),
        };
        if let (true, Some(n @ (-1 | 1))) = (ana_after, dir) {
            return Some(((Sem::AnaWeekday { wd, n }, None), j));
        }
        // "Tuesday nights": the part of day in the plural makes the weekday recur (TimeML:
        // a SET, `XXXX-WXX-2TNI`)
        if let (None, Some((p, e))) = (dir, self.pods(j)) {
            let every = Sem::Every {
                unit: None,
                wd: Some(wd),
                m: None,
            };
            return Some(((every, Some(p)), e));
        }
        let (pod, j) = match self.pod(j) {
            Some((p, e)) => (Some(p), e),
            None => (None, j),
        };
        Some(((Sem::Weekday { wd, dir }, pod), j))
    }

    /// The core expressions at `i` (after any leading part-of-period word or determiner).
    fn core(&self, i: usize, month_first: bool) -> Option<Parse> {
        let mut best: Option<Parse> = None;
        let mut offer = |sem: Sem, end: usize, pod: Option<&'static str>| {
            if best.is_none_or(|b| end > b.end) {
                best = Some(Parse {
                    start: i,
                    end,
                    sem,
                    pod,
                    today_marked: false,
                    clock: None,
                });
            }
        };
        let first = self.a.get(i)?;
        // direction words before: « ce jeudi », "last May", "next week"
        if let Some((dir, j)) = self.direction(i) {
            if let Some(((sem, pod), e)) = self.weekday_led(j, Some(dir)) {
                // "the previous Friday": the Friday before the day the text is at; without
                // the article it counts from the report ("next Monday or previous Monday")
                let ana = self.has(i, |k| matches!(k, Kind::AnaDir(_))).is_some()
                    && i > 0
                    && self.has(i - 1, |k| k == Kind::Det).is_some();
                match sem {
                    Sem::Weekday { wd, .. } if ana && dir != 0 => {
                        offer(
                            Sem::AnaWeekday {
                                wd,
                                n: dir.signum(),
                            },
                            e,
                            pod,
                        );
                    }
                    _ => offer(sem, e, pod),
                }
            }
            if let Some((m, e)) = self.month(j) {
                // "this September" is the document year's, whatever the tense
                let sem = if dir == 0 {
                    Sem::MonthThisYear { m }
                } else {
                    Sem::Month { m, dir }
                };
                offer(sem, e, None);
            }
            if let Some((u, e)) = self.unit(j) {
                // « ces derniers jours », "the coming weeks": a vague stretch, no one unit
                if dir != 0 && self.plural(j) {
                    offer(Sem::Duration { n: None, unit: u }, e, None);
                } else if self.has(i, |k| matches!(k, Kind::AnaDir(_))).is_some() {
                    offer(Sem::AnaUnit { unit: u, n: dir }, e, None);
                } else {
                    offer(Sem::RelUnit { unit: u, n: dir }, e, None);
                    // "next year's first quarter": that year's quarter
                    if let Some((q, e2)) = self
                        .possessive(e)
                        .filter(|_| u == Unit::Year && !self.plural(j))
                        .and_then(|k| self.ordinal_quarter(k))
                    {
                        offer(Sem::QuarterInRelYear { q, n: dir }, e2, None);
                    }
                }
            }
            if let Some((s, e)) = self.lex(j, |k| match k {
                Kind::Season(s) => Some(s),
                _ => None,
            }) {
                offer(Sem::Season { s, y: None, dir }, e, None);
            }
            if let Some((h, e)) = self.holiday(j) {
                offer(Sem::Holiday { h, y: None, dir }, e, None);
            }
            if let Some((p, e)) = self.pod(j) {
                // « ce soir », "this morning", "last night"
                offer(Sem::RelDay(dir.min(0)), e, Some(p));
            }
            // "the past two weeks", "last 10 days": a duration; a count of one said with an
            // article needs an article before ("the last one year"), else it is the verb "to
            // last a week"
            let det_before = i > 0 && self.has(i - 1, |k| k == Kind::Det).is_some();
            let digits = matches!(self.at(j).map(|x| x.kind), Some(AtomKind::Num(..)));
            if dir == -1 {
                if let Some((n, k)) = self
                    .count(j)
                    .filter(|(n, _)| *n != 1 || det_before || digits)
                {
                    if let Some((u, e)) = self.unit(k) {
                        offer(
                            Sem::Duration {
                                n: (n > 0).then_some(n),
                                unit: u,
                            },
                            e,
                            None,
                        );
                    }
                }
            }
        }
        if let Some(((sem, pod), e)) = self.weekday_led(i, None) {
            offer(sem, e, pod);
        }
        if let Some(((d, m, y), e)) = self.calendar_day(i) {
            if let (None, Some((n, e2))) = (y, self.rel_year(e)) {
                offer(Sem::InRelYear { m, d: Some(d), n }, e2, None);
            }
            let (dir, e) = self.post_direction(e).map_or((0, e), |(d, e)| (d, e));
            let sem = match y {
                Some(y) => valid(y, m, d),
                None => Some(Sem::DayMonth {
                    m,
                    d,
                    wd: None,
                    dir,
                }),
            };
            if let Some(sem) = sem {
                offer(sem, e, None);
            }
        }
        if let Some((m, j)) = self.month(i) {
            let k = self.has(j, |k| k == Kind::YearPrep).unwrap_or(j);
            let k = self.comma(k);
            if let Some((y, e)) = self.year(k).or_else(|| self.short_year(j)) {
                offer(Sem::MonthYear { y, m }, e, None);
            } else if let Some((n, e)) = self.rel_year(j) {
                offer(Sem::InRelYear { m, d: None, n }, e, None);
            } else if let Some((dir, e)) = self.post_direction(j) {
                offer(Sem::Month { m, dir }, e, None);
            } else {
                offer(Sem::Month { m, dir: 0 }, j, None);
            }
        }
        if let Some((sem, e)) = self.numeric_date(i, month_first) {
            offer(sem, e, None);
        }
        if let Some((sem, e)) = self.clock(i) {
            offer(sem, e, None);
        }
        if let Some((y, e)) = self.year(i) {
            if self.lone_year_ok(i, e) {
                offer(Sem::Year(y), e, None);
            }
        }
        // decades: « les années 1990 », « années 90 », "the 1990s"
        if let Some(j) = self.has(i, |k| k == Kind::Decade) {
            if let Some(((v, digits), e)) = self.num(j) {
                match digits {
                    4 if v % 10 == 0 => offer(Sem::Decade((v / 10) as i32), e, None),
                    2 if v % 10 == 0 => offer(Sem::Decade(190 + (v / 10) as i32), e, None),
                    _ => {}
                }
            }
            // « les années quatre-vingt-dix »: a tens number in words, of the 1900s as « 90 »
            if let Some((v, e)) = self.lex(j, |k| match k {
                Kind::Number(v) if (20..=90).contains(&v) && v % 10 == 0 => Some(v),
                _ => None,
            }) {
                offer(Sem::Decade(190 + (v / 10) as i32), e, None);
            }
        }
        // "the nineties": a decade in a word (value: its first three digits), after an
        // article ("in his sixties" is an age)
        if let Some((v, e)) = self
            .lex(i, |k| match k {
                Kind::DecadeWord(v) => Some(v),
                _ => None,
            })
            .filter(|_| i > 0 && self.has(i - 1, |k| k == Kind::Det).is_some())
        {
            offer(Sem::Decade(v as i32), e, None);
        }
        // "the 6th": a day of a month the context gives
        if let AtomKind::OrdNum(d) = first.kind {
            let after_det = i > 0 && self.has(i - 1, |k| k == Kind::Det).is_some();
            let noun_follows = self
                .at(i + 1)
                .is_some_and(|x| x.kind == AtomKind::Word || x.is(|k| matches!(k, Kind::Unit(_))));
            if after_det && !noun_follows && (1..=31).contains(&d) {
                offer(Sem::DayOnly { d }, i + 1, None);
            }
        }
        // "the 20th century", « le 19e siècle »: an ordinal before a singular century word
        let ordinal = match first.kind {
            AtomKind::OrdNum(n) => Some((n, i + 1)),
            AtomKind::Lex => self.lex(i, |k| match k {
                Kind::Ordinal(n) => Some(n),
                _ => None,
            }),
            _ => None,
        };
        if let Some((n, j)) = ordinal.filter(|(n, _)| (1..=30).contains(n)) {
            if let Some((Unit::Century, e)) = self.unit(j).filter(|_| !self.plural(j)) {
                offer(Sem::Century(n as i32 - 1), e, None);
            }
        }
        if let AtomKind::Decade(dv) = first.kind {
            // a decade in two digits after a plain word is a decade of life, as with the
            // decade words: "in his 30s", "women in their 20s" (the 1930s, "the 30s" stay)
            let of_life = first.span.len() <= 3
                && i > 0
                && self.a.get(i - 1).is_some_and(|x| x.kind == AtomKind::Word);
            if !of_life {
                offer(Sem::Decade(dv as i32), i + 1, None);
            }
        }
        // seasons: « l'automne 2021 », "summer of 2010", « l'été dernier »
        if let Some((s, j)) = self.lex(i, |k| match k {
            Kind::Season(s) => Some(s),
            _ => None,
        }) {
            let k = self.has(j, |k| k == Kind::YearPrep).unwrap_or(j);
            if let Some((y, e)) = self.year(k) {
                offer(
                    Sem::Season {
                        s,
                        y: Some(y),
                        dir: 0,
                    },
                    e,
                    None,
                );
            } else if let Some((dir, e)) = self.bare_post_direction(j) {
                offer(Sem::Season { s, y: None, dir }, e, None);
            } else if i > 0
                && self
                    .has(i - 1, |k| matches!(k, Kind::Det | Kind::YearPrep))
                    .is_some()
            {
                // a bare season word needs an article or a preposition: « a été » is a verb;
                // after the mark of an infinitive, a word going on makes it the verb ("to
                // fall apart", "to fall below"), not the end of a range ("from spring to fall.")
                let verb = self.has(i - 1, |k| k == Kind::Infinitive).is_some()
                    && self.at(j).is_some_and(|x| x.kind == AtomKind::Word);
                if !verb {
                    offer(Sem::Season { s, y: None, dir: 0 }, j, None);
                }
            } else if i > 0 && self.has(i - 1, |k| k == Kind::Part) == Some(i) {
                // a part of the season right before it: "in early summer", "late spring"
                // (the part itself is read by the caller); a preposition going on makes the
                // season word a noun ("an early fall in prices", "a late fall of 3%")
                if self.has(j, |k| k == Kind::YearPrep).is_none() {
                    offer(Sem::Season { s, y: None, dir: 0 }, j, None);
                }
            }
        }
        // holidays: "Thanksgiving Day", « Pâques 2024 », "Christmas last year"
        if let Some((h, j)) = self.holiday(i) {
            let k = self.has(j, |k| k == Kind::YearPrep).unwrap_or(j);
            if let Some((y, e)) = self.year(k) {
                offer(
                    Sem::Holiday {
                        h,
                        y: Some(y),
                        dir: 0,
                    },
                    e,
                    None,
                );
            } else if let Some((dir, e)) = self.bare_post_direction(j) {
                offer(Sem::Holiday { h, y: None, dir }, e, None);
            } else {
                offer(Sem::Holiday { h, y: None, dir: 0 }, j, None);
            }
        }
        // quarters: "the third quarter", "the 1988 third quarter", "third-quarter"
        {
            let (y, j) = match self.year(i) {
                Some((y, j)) => (Some(y), j),
                None => (None, i),
            };
            // "the 1988 quarter", "the 1989 period": a year before a singular quarter or
            // period noun (not a count of 1988 quarters)
            if let Some(y) = y {
                let noun = match self.unit(j) {
                    Some((Unit::Quarter, e)) if !self.plural(j) => Some(e),
                    Some(_) => None,
                    None => self.has(j, |k| k == Kind::PeriodNoun),
                };
                if let Some(e) = noun {
                    offer(Sem::QuarterOfYear { y }, e, None);
                }
            }
            // « le trimestre de 2025 », « la même période de 2025 »: the noun, then the year
            let noun = match self.unit(i) {
                Some((Unit::Quarter, e)) if !self.plural(i) => Some(e),
                Some(_) => None,
                None => self.has(i, |k| k == Kind::PeriodNoun),
            };
            if let Some(k) = noun.and_then(|e| self.has(e, |k| k == Kind::YearPrep)) {
                if let Some((y2, e)) = self.year(k) {
                    offer(Sem::QuarterOfYear { y: y2 }, e, None);
                }
            }
            if let Some((q, e)) = self.ordinal_quarter(j) {
                let k = self.has(e, |k| k == Kind::YearPrep).unwrap_or(e);
                match (y, self.year(k)) {
                    (None, Some((y2, e2))) => offer(Sem::Quarter { q, y: Some(y2) }, e2, None),
                    _ => offer(Sem::Quarter { q, y }, e, None),
                }
                // "the first quarter of next year", « le 1er trimestre de l'an prochain »
                if let (None, Some((n, e2))) = (y, self.rel_year(e)) {
                    offer(Sem::QuarterInRelYear { q, n }, e2, None);
                }
            }
        }
        // "the quarter", "the week", "the weekend" after an article: the reported quarter
        // (the one before the document's), this week
        if i > 0 && self.has(i - 1, |k| k == Kind::Det).is_some() {
            match self.unit(i) {
                // singular only: "the weeks" is no week in particular
                Some((u @ (Unit::Week | Unit::Weekend), e))
                    if self.post_direction(e).is_none() && !self.plural(i) =>
                {
                    // "the week of March 6", « la semaine du 6 mars »: the week holding that day
                    if let Some(k) = self
                        .has(e, |k| k == Kind::UnitOf)
                        .filter(|_| u == Unit::Week)
                    {
                        if let Some(((d, m, y), e2)) = self.calendar_day(k) {
                            offer(Sem::WeekOf { m, d, y }, e2, None);
                        }
                    }
                    offer(Sem::RelUnit { unit: u, n: 0 }, e, None);
                }
                Some((Unit::Quarter, e)) if !self.plural(i) => offer(
                    Sem::RelUnit {
                        unit: Unit::Quarter,
                        n: -1,
                    },
                    e,
                    None,
                ),
                _ => {}
            }
        }
        // recurrences: "daily", « chaque année », "every Thursday", "each July"
        if let Some((u, e)) = self.lex(i, |k| match k {
            Kind::Every(u) => Some(u),
            _ => None,
        }) {
            offer(
                Sem::Every {
                    unit: Some(u),
                    wd: None,
                    m: None,
                },
                e,
                None,
            );
        }
        if let Some(j) = self.has(i, |k| k == Kind::EveryBefore) {
            let sem = |unit, wd, m| Sem::Every { unit, wd, m };
            if let Some((u, e)) = self.unit(j) {
                offer(sem(Some(u), None, None), e, None);
            } else if let Some((w, e)) = self.weekday(j) {
                // "every Tuesday night": each of those nights
                match self.pod(e) {
                    Some((p, e2)) => offer(sem(None, Some(w), None), e2, Some(p)),
                    None => offer(sem(None, Some(w), None), e, None),
                }
            } else if let Some((m, e)) = self.month(j) {
                offer(sem(None, None, Some(m)), e, None);
            }
        }
        if let Some(((n, q), e)) = self.year_ago_adjective(i) {
            offer(Sem::YearsAgo { n, q }, e, None);
        }
        // units with a direction after them: « la semaine dernière », « l'an prochain »
        if let Some((u, j)) = self.unit(i) {
            if let Some((dir, e)) = self.post_direction(j) {
                if self.has(j, |k| matches!(k, Kind::AnaDir(_))).is_some() {
                    offer(Sem::AnaUnit { unit: u, n: dir }, e, None);
                } else {
                    offer(Sem::RelUnit { unit: u, n: dir }, e, None);
                }
            }
        }
        // relative days: « hier », « avant-hier soir », "tonight"
        if let Some((n, j)) = self.lex(i, |k| match k {
            Kind::RelDay(n) => Some(n),
            _ => None,
        }) {
            let own_pod = first.find(pod_of);
            match self.pod(j) {
                Some((p, e)) => offer(Sem::RelDay(n), e, Some(p)),
                None => offer(Sem::RelDay(n), j, own_pod),
            }
        }
        if let Some((n, e)) = self.lex(i, |k| match k {
            Kind::Anaphoric(n) => Some(n),
            _ => None,
        }) {
            offer(Sem::Anaphoric(n), e, None);
        }
        // "that year", « cette année-là »: the unit holding the last time the text named —
        // not the first part of a compound ("that year-end figure")
        if let Some((unit, e)) = self.lex(i, |k| match k {
            Kind::AnaUnit(u) => Some(u),
            _ => None,
        }) {
            let compound = self.punct(e, '-').is_some()
                && self
                    .a
                    .get(e)
                    .is_some_and(|x| x.span.start == self.a[e - 1].span.end);
            if !compound {
                offer(Sem::AnaUnit { unit, n: 0 }, e, None);
            }
        }
        if let Some((s, e)) = self.lex(i, |k| match k {
            Kind::Present(s) | Kind::Ref(s) => Some(s),
            _ => None,
        }) {
            offer(Sem::Special(s), e, None);
        }
        // « il y a trois jours », « dans deux semaines »
        if let Some((sign, j)) = self.lex(i, |k| match k {
            Kind::AgoBefore => Some(-1),
            Kind::LaterBefore => Some(1),
            _ => None,
        }) {
            let j = self.has(j, |k| k == Kind::Approx).unwrap_or(j);
            if let Some((n, k)) = self.count(j) {
                if let Some((u, e)) = self.unit(k) {
                    if n > 0 {
                        offer(shifted(u, sign * n as i32), e, None);
                    }
                }
            }
        }
        // "a two-year term", "the 30-day window": a count glued to a singular unit by a hyphen
        if let Some((n, k)) = self.count(i) {
            if let Some(h) = self.punct(k, '-') {
                let glued = self.a[k].span.start == self.a[k - 1].span.end
                    && self
                        .a
                        .get(h)
                        .is_some_and(|x| x.span.start == self.a[k].span.end);
                if let Some((u, e)) = self.unit(h).filter(|_| glued && !self.plural(h)) {
                    // "a 6-year-old boy", "a 6-month-old son": an age, not a duration
                    let age = self
                        .punct(e, '-')
                        .is_some_and(|o| self.has(o, |k| k == Kind::AgeAfter).is_some());
                    if n > 0 && u != Unit::Weekend && !age {
                        offer(
                            Sem::Duration {
                                n: Some(n),
                                unit: u,
                            },
                            e,
                            None,
                        );
                    }
                }
            }
        }
        // "two days ago", « trois ans », "a few weeks"
        {
            let j = self.has(i, |k| k == Kind::Approx).unwrap_or(i);
            if let Some((n, k)) = self.count(j) {
                if let Some((u, e)) = self.unit(k) {
                    match self.lex(e, |k| match k {
                        Kind::AgoAfter => Some(-1),
                        Kind::LaterAfter => Some(1),
                        _ => None,
                    }) {
                        Some((sign, e2)) if n > 0 => {
                            offer(shifted(u, sign * n as i32), e2, None);
                        }
                        _ if u != Unit::Weekend && !self.is_age(j, e, u) => {
                            offer(
                                Sem::Duration {
                                    n: (n > 0).then_some(n),
                                    unit: u,
                                },
                                e,
                                None,
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
        best
    }

    /// "first quarter", "1st quarter", "third-quarter", « 3e trimestre »: the quarter.
    fn ordinal_quarter(&self, j: usize) -> At<u32> {
        let ordinal = match self.at(j).map(|x| x.kind) {
            Some(AtomKind::OrdNum(q)) => Some((q, j + 1)),
            _ => self.lex(j, |k| match k {
                Kind::Ordinal(q) => Some(q),
                _ => None,
            }),
        };
        let (q, k) = ordinal.filter(|(q, _)| (1..=4).contains(q))?;
        let k = self.punct(k, '-').unwrap_or(k);
        match self.unit(k) {
            Some((Unit::Quarter, e)) => Some((q, e)),
            _ => None,
        }
    }

    /// The atom after a possessive "'s" glued to atom `e - 1` ("next year's").
    fn possessive(&self, e: usize) -> Option<usize> {
        let k = self.punct(e, '\'').or_else(|| self.punct(e, '’'))?;
        let x = self.at(k)?;
        let glued = self.a[k - 1].span.start == self.a[e - 1].span.end
            && x.span.start == self.a[k - 1].span.end;
        (glued && matches!(&self.text[x.span.start..x.span.end], "s" | "S")).then_some(k + 1)
    }

    /// A year given relative to the document's after a day or month: "last year", "this
    /// year", « de l'an dernier », « l'année prochaine ». Returns the offset in years.
    fn rel_year(&self, i: usize) -> At<i32> {
        let k = self.has(i, |k| k == Kind::YearPrep).unwrap_or(i);
        let k = self.has(k, |k| k == Kind::Det).unwrap_or(k);
        if let Some((dir, j)) = self.direction(k) {
            if let Some((Unit::Year, e)) = self.unit(j) {
                return Some((dir, e));
            }
        }
        match self.unit(k) {
            Some((Unit::Year, j)) => self.post_direction(j),
            _ => None,
        }
    }

    /// "year-earlier", "year-ago" used as an adjective, with the period noun it qualifies
    /// when there is one ("the year-ago quarter", "the year-earlier period").
    fn year_ago_adjective(&self, i: usize) -> At<(i32, Option<u32>)> {
        let (Unit::Year, j) = self.unit(i)? else {
            return None;
        };
        let k = self.punct(j, '-')?;
        let glued = self.a[j].span.start == self.a[j - 1].span.end
            && self.a[k].span.start == self.a[j].span.end;
        let (sign, e) = self.lex(k, |k| match k {
            Kind::AgoAfter => Some(-1),
            Kind::LaterAfter => Some(1),
            _ => None,
        })?;
        if !glued {
            return None;
        }
        // "the year-ago third quarter"
        if let Some((q, k)) = self.lex(e, |k| match k {
            Kind::Ordinal(q) if (1..=4).contains(&q) => Some(q),
            _ => None,
        }) {
            if let Some((Unit::Quarter, e2)) = self.unit(k) {
                return Some(((sign, Some(q)), e2));
            }
        }
        let e = match self.unit(e) {
            Some((Unit::Quarter, e2)) if !self.plural(e) => e2,
            _ => self.has(e, |k| k == Kind::PeriodNoun).unwrap_or(e),
        };
        Some(((sign, None), e))
    }

    /// A unit word in the plural (ends in s: "weeks", « semaines »).
    fn plural(&self, i: usize) -> bool {
        self.a
            .get(i)
            .is_some_and(|x| self.text[x.span.start..x.span.end].ends_with(['s', 'S']))
    }

    /// A count of years at atoms `start..end` that is someone's age (« un homme de 87 ans »,
    /// "87 years old"), not a duration.
    fn is_age(&self, start: usize, end: usize, unit: Unit) -> bool {
        unit == Unit::Year
            && ((start > 0 && self.has(start - 1, |k| k == Kind::AgeBefore).is_some())
                || self.has(end, |k| k == Kind::AgeAfter).is_some()
                || self.apposition(start, end))
    }

    /// Atoms `start..end` stand between commas after a name: « Jean Dupont, 87 ans, a
    /// été… », "Jane Doe, 40 years, …" — an age in apposition.
    fn apposition(&self, start: usize, end: usize) -> bool {
        let name_before = start >= 2 && self.a[start - 1].kind == AtomKind::Punct(',') && {
            let x = &self.a[start - 2];
            x.kind == AtomKind::Word && self.text[x.span.start..].starts_with(char::is_uppercase)
        };
        let closed = self
            .a
            .get(end)
            .is_none_or(|x| matches!(x.kind, AtomKind::Punct(',' | '.' | ')' | ';')));
        name_before && closed
    }

    /// A number that looks like a year stands alone as a year after a preposition, or when
    /// no lower-case word follows it (« 2000 manifestants » is a count).
    fn lone_year_ok(&self, i: usize, e: usize) -> bool {
        // "closed at 1462.93", « 2 082,1 points »: the integer part of a decimal number
        let glued = |k: usize| {
            self.a
                .get(k)
                .is_some_and(|x| k > 0 && self.a[k - 1].span.end == x.span.start)
        };
        if matches!(self.sym(e), Some('.' | ',')) && glued(e) && glued(e + 1) {
            if let Some(x) = self.a.get(e + 1) {
                if matches!(x.kind, AtomKind::Num(..)) {
                    return false;
                }
            }
        }
        let after_prep = i > 0
            && self
                .lex(i - 1, |k| {
                    matches!(k, Kind::YearPrep | Kind::Part).then_some(())
                })
                .is_some();
        if after_prep {
            return true;
        }
        let Some(((v, _), _)) = self.num(i) else {
            // a year in words is never a count
            return self.word_year(i).is_some();
        };
        if !(1900..=2099).contains(&v) {
            return false;
        }
        // before a lower-case word a round number is a count (« 2000 manifestants »), any
        // other is a year used as an adjective ("the 2020 election")
        match self.at(e) {
            Some(x) if x.kind == AtomKind::Word => {
                v % 100 != 0 && !self.text[x.span.start..].starts_with(char::is_numeric)
            }
            Some(x) => !matches!(x.kind, AtomKind::Num(..)),
            None => true,
        }
    }

    /// The expression starting at atom `i`, if any: optional determiner and part-of-period
    /// word (« la fin de », "early"), then a core expression, then an optional part of day.
    pub(crate) fn parse_at(&self, i: usize, month_first: bool) -> Option<Parse> {
        self.start.set(i);
        let first = self.a.get(i)?;
        if first.kind != AtomKind::Lex
            && !matches!(
                first.kind,
                AtomKind::Num(..) | AtomKind::OrdNum(_) | AtomKind::Clock(..) | AtomKind::Decade(_)
            )
        {
            return None;
        }
        let mut best = self.core(i, month_first);
        let mut consider = |p: Option<Parse>| {
            if let Some(mut p) = p {
                if best.is_none_or(|b| p.end > b.end) {
                    p.start = i;
                    best = Some(p);
                }
            }
        };
        // a leading determiner: « le 7 novembre », "the third quarter", « l'automne »
        if self.has(i, |k| k == Kind::Det).is_some() {
            consider(self.core(i + 1, month_first).filter(|p| {
                !matches!(p.sem, Sem::Year(_) | Sem::Duration { .. } | Sem::Special(_))
            }));
        }
        // a part of a period: « début janvier », « fin 2025 », « la fin de l'année », "late Tuesday"
        if let Some(j) = self.has(i, |k| k == Kind::Part) {
            let j = self.punct(j, '-').unwrap_or(j);
            let (k, det) = match self.has(j, |k| k == Kind::Det) {
                Some(k) => (k, true),
                None => (j, false),
            };
            let mut p = self.core(k, month_first);
            if p.is_none() && det {
                // « la fin de l'année », "the end of the month": this unit
                p = self.unit(k).map(|(u, e)| Parse {
                    start: k,
                    end: e,
                    sem: Sem::RelUnit { unit: u, n: 0 },
                    pod: None,
                    today_marked: false,
                    clock: None,
                });
            }
            consider(p.filter(|p| !matches!(p.sem, Sem::Duration { .. } | Sem::Special(_))));
            // "mid-afternoon", « en début d'après-midi »: a part of the day the text is at
            // (« hier en début d'après-midi » is yesterday's), else of today
            // "early-morning Tuesday": the part of the day named right after it
            if let Some((pod, e)) = self.pod(j) {
                let day_after = self.core(e, month_first).filter(|p| {
                    matches!(
                        p.sem,
                        Sem::Weekday { .. }
                            | Sem::DayMonth { .. }
                            | Sem::Full { .. }
                            | Sem::RelDay(_)
                    )
                });
                consider(Some(match day_after {
                    Some(d) => Parse {
                        start: i,
                        pod: Some(pod),
                        ..d
                    },
                    None => Parse {
                        start: i,
                        end: e,
                        sem: Sem::Anaphoric(0),
                        pod: Some(pod),
                        today_marked: false,
                        clock: None,
                    },
                }));
            }
        }
        // « aujourd'hui jeudi 8 janvier », « ce jeudi 8 janvier »: the day of writing
        let mut best = best?;
        if best.end > i + 1 && self.has(i, |k| k == Kind::TodayMark).is_some() {
            if let Sem::Weekday { .. } | Sem::DayMonth { .. } | Sem::Full { .. } | Sem::RelDay(0) =
                best.sem
            {
                best.today_marked = matches!(best.sem, Sem::DayMonth { .. } | Sem::Full { .. })
                    || matches!(best.sem, Sem::RelDay(0));
            }
        }
        if let Sem::RelDay(0) = best.sem {
            // « aujourd'hui vendredi »: the weekday names the same day
            if let Some((_, e)) = self.weekday(best.end) {
                best.end = e;
            }
        }
        self.attach_clock(&mut best, month_first);
        // a part of day after the expression: « jeudi soir », "Thursday morning"
        if best.pod.is_none() && best.clock.is_none() {
            if let Sem::Weekday { .. }
            | Sem::AnaWeekday { .. }
            | Sem::DayMonth { .. }
            | Sem::Full { .. }
            | Sem::RelDay(_) = best.sem
            {
                if let Some((p, e)) = self.pod(best.end) {
                    best.pod = Some(p);
                    best.end = e;
                }
            }
        }
        Some(best)
    }

    /// Skip a time zone after a clock time ("EDT", « heure de Paris »).
    fn zone(&self, i: usize) -> usize {
        self.has(i, |k| k == Kind::Zone).unwrap_or(i)
    }

    /// A clock time right before a day makes one TIME on that day ("9 a.m. EST Tuesday",
    /// "noon Thursday", "5 p.m. EST, Nov. 6"): TimeBank's one expression. A comma ends the
    /// clock phrase unless a time zone closed it (« 0 h 40, jeudi » are two expressions),
    /// and a preposition keeps them apart (« jeudi 16 septembre, à 18 h »: the clock time
    /// takes the day from the text before it). A lone clock time takes its time zone.
    fn attach_clock(&self, best: &mut Parse, month_first: bool) {
        let is_day = |s: Sem| {
            matches!(
                s,
                Sem::Weekday { .. }
                    | Sem::DayMonth { .. }
                    | Sem::Full { .. }
                    | Sem::RelDay(_)
                    | Sem::Holiday { .. }
            )
        };
        let Sem::Clock { h, min } = best.sem else {
            return;
        };
        let j = self.zone(best.end);
        let k = if j > best.end { self.comma(j) } else { j };
        best.end = j;
        if let Some(day) = self.core(k, month_first).filter(|p| is_day(p.sem)) {
            best.sem = day.sem;
            best.end = day.end;
            best.pod = None;
            best.clock = Some((h, min));
        }
    }
}

/// `n` units from the document date; years go through the period in focus, and decades
/// count in years ("a decade ago" written in 1999 is 1989, as TimeBank values it).
fn shifted(unit: Unit, n: i32) -> Sem {
    match unit {
        Unit::Year => Sem::YearsAgo { n, q: None },
        Unit::Decade => Sem::YearsAgo { n: n * 10, q: None },
        _ => Sem::RelUnit { unit, n },
    }
}

/// A `Full` date when the calendar has it.
fn valid(y: i32, m: u32, d: u32) -> Option<Sem> {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| Sem::Full { y, m, d })
}
