//! Publication date inference for articles that come without one. Never the clock: a date
//! the text or the URL gives, or nothing.

use chrono::{Datelike, NaiveDate};

use super::grammar::Sem;
use super::lexicon::{Kind, TimeLexicon};
use super::scan;
use crate::doc::{DateSource, Doc};
use crate::normalize::fold;

/// A dateline lies in the first bytes of the text.
const DATELINE_REACH: usize = 200;

/// Dates in a URL path: /2018/12/12/, /2019/nov/18/, 2016-12-11, 20161211.
fn url_date(url: &str, lex: &TimeLexicon) -> Option<NaiveDate> {
    let months = |w: &str| -> Option<u32> {
        let w = fold(w);
        lex.langs.values().find_map(|words| {
            words
                .entries
                .iter()
                .zip(0u32..)
                .find_map(|(e, idx)| match e.kind {
                    Kind::Month(m) if words.matcher_key_is(idx, &w) => Some(m),
                    _ => None,
                })
        })
    };
    let parts: Vec<&str> = url.split(['/', '-', '_', '.', '?', '&', '=']).collect();
    for (i, p) in parts.iter().enumerate() {
        if p.len() == 8 && p.bytes().all(|b| b.is_ascii_digit()) {
            let (y, m, d) = (
                p[..4].parse().ok()?,
                p[4..6].parse().ok()?,
                p[6..].parse().ok()?,
            );
            if (1990..=2100).contains(&y) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(date);
                }
            }
        }
        let num = |q: Option<&&str>| {
            q.filter(|q| (1..=2).contains(&q.len()) && q.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|q| q.parse::<u32>().ok())
        };
        // /201805/25/: year and month glued, then the day
        if p.len() == 6 && p.bytes().all(|b| b.is_ascii_digit()) {
            if let (Ok(y), Ok(m), Some(d)) = (
                p[..4].parse::<i32>(),
                p[4..].parse::<u32>(),
                num(parts.get(i + 1)),
            ) {
                if (1990..=2100).contains(&y) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
        if p.len() != 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // …-22-01-2019-…: day, month, year
        if i >= 2 {
            if let (Ok(y), Some(m), Some(d)) = (
                p.parse::<i32>(),
                num(parts.get(i - 1)),
                num(parts.get(i - 2)),
            ) {
                if (1990..=2100).contains(&y) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
        let Ok(y) = p.parse::<i32>() else { continue };
        if !(1990..=2100).contains(&y) {
            continue;
        }
        let m = parts.get(i + 1).and_then(|m| {
            if m.bytes().all(|b| b.is_ascii_digit()) && m.len() <= 2 {
                m.parse::<u32>().ok()
            } else {
                months(m)
            }
        });
        let d = parts
            .get(i + 2)
            .filter(|d| d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u32>().ok());
        if let (Some(m), Some(d)) = (m, d) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(date);
            }
        }
    }
    None
}

/// The year of a day and month whose weekday is known: the latest one not after `limit`.
fn year_for_weekday(m: u32, d: u32, wd: u32, limit: i32) -> Option<NaiveDate> {
    (limit - 27..=limit)
        .rev()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|date| date.weekday().number_from_monday() == wd)
}

/// The current year from the system clock, used only to bound a weekday search.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_days(chrono::Days::new(secs / 86_400)))
        .map_or(2100, |d| d.year())
}

pub(super) fn infer(doc: &Doc, lex: &TimeLexicon) -> Option<(NaiveDate, DateSource)> {
    let from_url = doc.url.as_deref().and_then(|u| url_date(u, lex));
    if let Some(words) = lex.langs.get(doc.lang.as_str()) {
        let atoms = scan::atoms(doc, words);
        let parses = super::parses(&doc.text, &atoms, doc.lang == "en");
        for p in &parses {
            let start = atoms[p.start].span.start;
            if doc.in_boilerplate(crate::doc::Span::new(start, atoms[p.end - 1].span.end)) {
                continue;
            }
            match p.sem {
                Sem::Full { y, m, d } if start < DATELINE_REACH || p.today_marked => {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        return Some((date, DateSource::Text));
                    }
                }
                Sem::DayMonth {
                    m, d, wd: Some(wd), ..
                } if p.today_marked => {
                    let limit = from_url.map_or_else(this_year, |u| u.year());
                    if let Some(date) = year_for_weekday(m, d, wd, limit) {
                        return Some((date, DateSource::Text));
                    }
                }
                _ => {}
            }
        }
    }
    from_url.map(|d| (d, DateSource::Url))
}
