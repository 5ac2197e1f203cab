//! Anchoring: turn a [`Sem`] into an ISO 8601 value and a granularity, given the document
//! date, the last day the text named, and whether the clause speaks of the future.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::grammar::Sem;
use super::lexicon::{Holiday, Unit};
use crate::doc::Granularity;

/// What an expression is anchored to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor {
    /// The document (publication) date.
    pub(crate) dct: Option<NaiveDate>,
    /// The last day the text named, for « la veille » and clock times.
    pub(crate) last_day: Option<NaiveDate>,
    /// The first day of the last period the text named (a day, month or year), for "the
    /// following year", « le mois précédent ».
    pub(crate) last_point: Option<NaiveDate>,
    /// The clause is in the future tense: bare weekdays and months look forward.
    pub(crate) future: bool,
    /// The clause is in a past tense: bare weekdays and months look back, however near the
    /// next one is.
    pub(crate) past: bool,
    /// A bare weekday names a thing without a tense (« le sommet de mardi »): the nearest
    /// such day, past or next.
    pub(crate) nearest: bool,
    /// The last quarter the text named (year, quarter): "a year earlier" in a report on a
    /// quarter compares with the same quarter a year before.
    pub(crate) quarter: Option<(i32, u32)>,
}

/// A resolved value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub(crate) value: String,
    pub(crate) granularity: Granularity,
    pub(crate) is_duration: bool,
    /// The day the expression names, when it names one.
    pub(crate) day: Option<NaiveDate>,
}

fn day(d: NaiveDate) -> Resolved {
    Resolved {
        value: crate::time::iso::day(d),
        granularity: Granularity::Day,
        is_duration: false,
        day: Some(d),
    }
}

fn plain(value: String, granularity: Granularity) -> Resolved {
    Resolved {
        value,
        granularity,
        is_duration: false,
        day: None,
    }
}

fn month_value(y: i32, m: u32) -> Resolved {
    plain(format!("{y:04}-{m:02}"), Granularity::Month)
}

fn week_value(d: NaiveDate) -> Resolved {
    let w = d.iso_week();
    plain(
        format!("{:04}-W{:02}", w.year(), w.week()),
        Granularity::Week,
    )
}

fn weekday_from(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The day of week `wd` in the ISO week of `d` shifted by `weeks`.
fn weekday_in_week(d: NaiveDate, wd: u32, weeks: i64) -> NaiveDate {
    let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    monday + Duration::days(weeks * 7 + i64::from(wd) - 1)
}

/// Months between (y1, m1) and (y2, m2).
fn month_index(y: i32, m: u32) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let i = month_index(y, m) + n;
    (i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
}

/// The year for a day and month. A weekday the text gives picks the year whose calendar
/// agrees; otherwise news speaks of the past: the latest such day up to the document date,
/// unless the next one is much nearer (a third of the distance: « le 7 novembre » written on
/// 7 September is two months ahead), or not much farther in a future-tense clause.
fn infer_year(
    dct: NaiveDate,
    m: u32,
    d: u32,
    wd: Option<u32>,
    dir: i32,
    future: bool,
    past_tense: bool,
) -> Option<NaiveDate> {
    let cands: Vec<NaiveDate> = (dct.year() - 1..=dct.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .filter(|date| {
            let delta = (*date - dct).num_days();
            !((dir < 0 && delta > 0) || (dir > 0 && delta < 0))
        })
        .collect();
    if let Some(w) = wd {
        let matching: Vec<NaiveDate> = cands
            .iter()
            .copied()
            .filter(|c| c.weekday() == weekday_from(w))
            .collect();
        if let Some(best) = matching.iter().min_by_key(|c| (**c - dct).num_days().abs()) {
            return Some(*best);
        }
    }
    nearest_in_time(dct, &cands, future, past_tense)
}

/// Among candidate days in neighbouring years, the one news means: the latest up to the
/// document date, unless the next one is much nearer (a third of the distance, a tenth in a
/// past-tense clause), or not much farther in a future-tense clause.
fn nearest_in_time(
    dct: NaiveDate,
    cands: &[NaiveDate],
    future: bool,
    past_tense: bool,
) -> Option<NaiveDate> {
    let past = cands.iter().filter(|c| **c <= dct).max().copied();
    let next = cands.iter().filter(|c| **c > dct).min().copied();
    match (past, next) {
        (Some(p), Some(n)) => {
            let (dp, dn) = ((dct - p).num_days(), (n - dct).num_days());
            // a past-tense clause wants the next one far nearer (days against a year)
            let nearer = if past_tense {
                dn * 10 < dp
            } else {
                dn * 3 < dp
            };
            Some(if (future && dn < dp * 4) || nearer {
                n
            } else {
                p
            })
        }
        (p, n) => p.or(n),
    }
}

/// Easter Sunday of year `y` (the anonymous Gregorian computus, whose published form names
/// its steps with single letters).
#[allow(clippy::many_single_char_names)]
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c.div_euclid(4), c.rem_euclid(4));
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The day holiday `h` falls on in year `y`.
fn holiday_in(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed { m, d } => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::OnOrAfter { m, d, wd } => {
            let base = NaiveDate::from_ymd_opt(y, m, d)?;
            let ahead = (7 + i64::from(wd) - i64::from(base.weekday().number_from_monday())) % 7;
            Some(base + Duration::days(ahead))
        }
        Holiday::Easter(n) => Some(easter(y)? + Duration::days(i64::from(n))),
    }
}

fn duration_value(n: Option<u32>, unit: Unit) -> String {
    let n = n.map_or_else(|| "X".to_string(), |n| n.to_string());
    match unit {
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::HalfYear => format!(
            "P{}M",
            n.parse::<u32>().map_or("X".into(), |v| (v * 6).to_string())
        ),
        Unit::Hour => format!("PT{n}H"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Second => format!("PT{n}S"),
        Unit::Weekend => format!("P{n}WE"),
    }
}

fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

/// `n` units from the document date, at that unit's granularity.
fn rel_unit(dct: NaiveDate, unit: Unit, n: i32) -> Resolved {
    let n64 = i64::from(n);
    match unit {
        Unit::Day => day(dct + Duration::days(n64)),
        Unit::Week => week_value(dct + Duration::days(7 * n64)),
        Unit::Weekend => {
            // "the weekend" written early in the week is the one just past
            let back = i64::from(n == 0 && dct.weekday().num_days_from_monday() < 3);
            let w = week_value(dct + Duration::days(7 * (n64 - back)));
            plain(format!("{}-WE", w.value), Granularity::Week)
        }
        Unit::Month => {
            let (y, m) = add_months(dct.year(), dct.month(), n64);
            month_value(y, m)
        }
        Unit::Quarter => {
            let (y, m) = add_months(dct.year(), dct.month(), 3 * n64);
            plain(format!("{y:04}-Q{}", quarter_of(m)), Granularity::Quarter)
        }
        Unit::HalfYear => {
            let (y, m) = add_months(dct.year(), dct.month(), 6 * n64);
            plain(
                format!("{y:04}-H{}", if m <= 6 { 1 } else { 2 }),
                Granularity::Month,
            )
        }
        Unit::Year => plain(format!("{:04}", dct.year() + n), Granularity::Year),
        Unit::Decade => plain(
            format!("{:03}", dct.year().div_euclid(10) + n),
            Granularity::Decade,
        ),
        Unit::Century => plain(
            format!("{:02}", dct.year().div_euclid(100) + n),
            Granularity::Century,
        ),
        // hours and minutes ago fall on the document date
        Unit::Hour | Unit::Minute | Unit::Second => day(dct),
    }
}

/// The first day of the period an ISO value names: `2024`, `2024-03`, `2024-03-05`,
/// `2024-03-05T10:00`; None for weeks, seasons, quarters, durations and references.
pub(crate) fn first_day(value: &str) -> Option<NaiveDate> {
    let y: i32 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    let (m, d) = match rest.len() {
        0 => (1, 1),
        3 => (rest.strip_prefix('-')?.parse().ok()?, 1),
        _ if rest.len() >= 6 => (rest.get(1..3)?.parse().ok()?, rest.get(4..6)?.parse().ok()?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Anchor a meaning. None when it needs a document date that is missing.
pub(crate) fn resolve(sem: Sem, an: &Anchor) -> Option<Resolved> {
    // absolute forms first: they need no anchor
    match sem {
        Sem::Full { y, m, d } => return NaiveDate::from_ymd_opt(y, m, d).map(day),
        Sem::MonthYear { y, m } => return Some(month_value(y, m)),
        Sem::Year(y) => return Some(plain(format!("{y:04}"), Granularity::Year)),
        Sem::Decade(d) => return Some(plain(format!("{d:03}"), Granularity::Decade)),
        Sem::Century(c) => return Some(plain(format!("{c:02}"), Granularity::Century)),
        Sem::Season { s, y: Some(y), .. } => {
            return Some(plain(format!("{y:04}-{s}"), Granularity::Season));
        }
        Sem::Quarter { q, y: Some(y) } => {
            return Some(plain(format!("{y:04}-Q{q}"), Granularity::Quarter));
        }
        Sem::Holiday { h, y: Some(y), .. } => return holiday_in(h, y).map(day),
        Sem::Duration { n, unit } => {
            return Some(Resolved {
                value: duration_value(n, unit),
                granularity: Granularity::Duration,
                is_duration: true,
                day: None,
            });
        }
        Sem::Special(s) => return Some(plain(s.to_string(), Granularity::Day)),
        Sem::Every { unit, wd, m } => {
            let value = match (unit, wd, m) {
                (Some(u), _, _) => duration_value(Some(1), u),
                (None, Some(w), _) => format!("XXXX-WXX-{w}"),
                (None, None, Some(m)) => format!("XXXX-{m:02}"),
                (None, None, None) => return None,
            };
            return Some(plain(value, Granularity::Set));
        }
        Sem::Clock { h, min } => {
            let d = an.last_day.or(an.dct)?;
            return Some(Resolved {
                value: format!("{}T{h:02}:{min:02}", crate::time::iso::day(d)),
                granularity: Granularity::Time,
                is_duration: false,
                day: Some(d),
            });
        }
        Sem::WeekOf { m, d, y: Some(y) } => {
            return NaiveDate::from_ymd_opt(y, m, d).map(week_value);
        }
        Sem::AnaWeekday { wd, n } => {
            // counted from the report, "the previous Friday" is last week's Friday
            let Some(d) = an.last_day else {
                return Some(day(weekday_in_week(an.dct?, wd, i64::from(n))));
            };
            let from = i64::from(d.weekday().num_days_from_monday());
            let to = i64::from(weekday_from(wd).num_days_from_monday());
            // strictly before or after that day: a week away when it is the same weekday
            let days = if n < 0 {
                -((from - to - 1).rem_euclid(7) + 1)
            } else {
                (to - from - 1).rem_euclid(7) + 1
            };
            return Some(day(d + Duration::days(days)));
        }
        Sem::Anaphoric(n) => {
            let d = an.last_day.or(an.dct)?;
            return Some(day(d + Duration::days(i64::from(n))));
        }
        _ => {}
    }
    let dct = an.dct?;
    Some(match sem {
        Sem::DayMonth { m, d, wd, dir } => day(infer_year(dct, m, d, wd, dir, an.future, an.past)?),
        Sem::WeekOf { m, d, .. } => week_value(infer_year(dct, m, d, None, 0, an.future, an.past)?),
        Sem::Holiday { h, dir, .. } => {
            let cands: Vec<NaiveDate> = (dct.year() - 1..=dct.year() + 1)
                .filter_map(|y| holiday_in(h, y))
                .filter(|date| {
                    let delta = (*date - dct).num_days();
                    !((dir < 0 && delta > 0) || (dir > 0 && delta < 0))
                })
                .collect();
            day(nearest_in_time(dct, &cands, an.future, an.past)?)
        }
        Sem::DayOnly { d } => {
            let mut best: Option<NaiveDate> = None;
            for k in -1..=1 {
                let (y, m) = add_months(dct.year(), dct.month(), k);
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    if best
                        .is_none_or(|b| (date - dct).num_days().abs() < (b - dct).num_days().abs())
                    {
                        best = Some(date);
                    }
                }
            }
            day(best?)
        }
        Sem::Month { m, dir } => {
            let now = month_index(dct.year(), dct.month());
            let year = match dir {
                // news speaks of the past: the latest such month up to this one, unless the
                // clause is in the future tense or the next one is more than six months
                // nearer than the last (« mai » written in March)
                0 => {
                    let past = if month_index(dct.year(), m) <= now {
                        dct.year()
                    } else {
                        dct.year() - 1
                    };
                    let next = if month_index(dct.year(), m) > now {
                        dct.year()
                    } else {
                        dct.year() + 1
                    };
                    let (dp, dn) = (now - month_index(past, m), month_index(next, m) - now);
                    if dp > 0 && (an.future || (!an.past && dn + 6 < dp)) {
                        next
                    } else {
                        past
                    }
                }
                d if d < 0 => {
                    if month_index(dct.year(), m) < now {
                        dct.year()
                    } else {
                        dct.year() - 1
                    }
                }
                _ => {
                    if month_index(dct.year(), m) > now {
                        dct.year()
                    } else {
                        dct.year() + 1
                    }
                }
            };
            month_value(year, m)
        }
        Sem::Season { s, dir, .. } => {
            // "last spring" is the latest spring begun before the document date, "next
            // spring" the first one after it
            let start = match s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let y = match dir {
                d if d < 0 => dct.year() - i32::from(start >= dct.month()),
                d if d > 0 => dct.year() + i32::from(start <= dct.month()),
                _ => dct.year(),
            };
            plain(format!("{y:04}-{s}"), Granularity::Season)
        }
        Sem::MonthThisYear { m } => month_value(dct.year(), m),
        Sem::Quarter { q, .. } => {
            let y = if q <= quarter_of(dct.month()) {
                dct.year()
            } else {
                dct.year() - 1
            };
            plain(format!("{y:04}-Q{q}"), Granularity::Quarter)
        }
        Sem::RelDay(n) => day(dct + Duration::days(i64::from(n))),
        Sem::Weekday { wd, dir } => {
            let target = weekday_from(wd);
            let date = match dir {
                Some(w) if w != 0 => weekday_in_week(dct, wd, i64::from(w)),
                Some(_) => weekday_in_week(dct, wd, 0),
                None => {
                    let back = (7 + i64::from(dct.weekday().num_days_from_monday())
                        - i64::from(target.num_days_from_monday()))
                        % 7;
                    // the day after the document date is named for what comes next: news
                    // would say "last Monday" for six days back (even in a past clause: the
                    // story is often dated the day before it was written)
                    let next_nearer = back > 3 && an.nearest && !an.past;
                    if back != 0 && (an.future || back == 6 || next_nearer) {
                        dct + Duration::days(7 - back)
                    } else {
                        dct - Duration::days(back)
                    }
                }
            };
            day(date)
        }
        Sem::RelUnit { unit, n } => rel_unit(dct, unit, n),
        Sem::AnaUnit { unit, n } => rel_unit(an.last_point.unwrap_or(dct), unit, n),
        Sem::YearsAgo { n, q: Some(q) } => {
            let y = an.quarter.map_or(dct.year(), |(y, _)| y);
            plain(format!("{:04}-Q{q}", y + n), Granularity::Quarter)
        }
        Sem::QuarterOfYear { y } => match an.quarter {
            Some((_, q)) => plain(format!("{y:04}-Q{q}"), Granularity::Quarter),
            None => plain(format!("{y:04}"), Granularity::Year),
        },
        Sem::YearsAgo { n, q: None } => match an.quarter {
            Some((y, q)) if n.abs() == 1 => {
                plain(format!("{:04}-Q{q}", y + n), Granularity::Quarter)
            }
            _ => rel_unit(dct, Unit::Year, n),
        },
        Sem::QuarterInRelYear { q, n } => {
            plain(format!("{:04}-Q{q}", dct.year() + n), Granularity::Quarter)
        }
        Sem::InRelYear { m, d, n } => {
            let y = dct.year() + n;
            match d {
                Some(d) => day(NaiveDate::from_ymd_opt(y, m, d)?),
                None => month_value(y, m),
            }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn year_inference_prefers_the_nearest_and_checks_the_weekday() {
        assert_eq!(
            infer_year(d("2026-01-08"), 12, 28, None, 0, false, false),
            Some(d("2025-12-28"))
        );
        assert_eq!(
            infer_year(d("2026-01-08"), 1, 6, None, 0, false, false),
            Some(d("2026-01-06"))
        );
        // 8 January is a Thursday in 2026
        assert_eq!(
            infer_year(d("2026-06-30"), 1, 8, Some(4), 0, false, false),
            Some(d("2026-01-08"))
        );
        assert_eq!(
            infer_year(d("2026-03-01"), 3, 8, None, -1, false, false),
            Some(d("2025-03-08"))
        );
        // the past unless the future is much nearer or the clause is future
        assert_eq!(
            infer_year(d("2026-05-05"), 10, 23, None, 0, false, false),
            Some(d("2025-10-23"))
        );
        assert_eq!(
            infer_year(d("2026-09-07"), 11, 7, None, 0, false, false),
            Some(d("2026-11-07"))
        );
        assert_eq!(
            infer_year(d("2026-05-05"), 10, 23, None, 0, true, false),
            Some(d("2026-10-23"))
        );
    }

    #[test]
    fn weekdays_take_the_past_by_default_and_the_week_with_a_direction() {
        let an = Anchor {
            dct: Some(d("2026-01-08")),
            last_day: None,
            last_point: None,
            nearest: false,
            future: false,
            past: false,
            quarter: None,
        };
        let v = |sem| resolve(sem, &an).unwrap().value;
        assert_eq!(v(Sem::Weekday { wd: 2, dir: None }), "2026-01-06");
        assert_eq!(v(Sem::Weekday { wd: 4, dir: None }), "2026-01-08");
        assert_eq!(
            v(Sem::Weekday {
                wd: 4,
                dir: Some(0)
            }),
            "2026-01-08"
        );
        assert_eq!(
            v(Sem::Weekday {
                wd: 4,
                dir: Some(-1)
            }),
            "2026-01-01"
        );
        assert_eq!(
            v(Sem::Weekday {
                wd: 1,
                dir: Some(1)
            }),
            "2026-01-12"
        );
        let fut = Anchor { future: true, ..an };
        assert_eq!(
            resolve(Sem::Weekday { wd: 2, dir: None }, &fut)
                .unwrap()
                .value,
            "2026-01-13"
        );
    }
}
