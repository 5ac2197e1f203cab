//! Temporal expressions in French and English: recognition (`scan` cuts the text into atoms,
//! `grammar` reads expressions from them), normalization to ISO 8601 anchored on the
//! publication date (`resolve`), and inference of the publication date itself (`pubdate`).
//! Every word comes from `lexicon/time/<lang>.tsv`.

mod grammar;
mod lexicon;
mod pubdate;
mod resolve;
mod scan;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::doc::{DateSource, Doc, Span, TimeExpr};
use grammar::{Grammar, Parse, Sem};
pub use lexicon::TimeLexicon;
use resolve::{resolve, Anchor};
use scan::{Atom, AtomKind};

/// How many atoms around an expression are searched for a future-tense cue.
const TENSE_WINDOW: usize = 16;

fn part_of_day(code: &str) -> Option<&'static str> {
    match code {
        "MO" => Some("morning"),
        "AF" => Some("afternoon"),
        "EV" => Some("evening"),
        "NI" => Some("night"),
        _ => None,
    }
}

/// True when the clause around atoms `start..end` speaks of the future: a future auxiliary
/// (« va », "will") or a verb with a future ending (« se tiendra »).
fn future_near(
    atoms: &[Atom],
    start: usize,
    end: usize,
    doc: &Doc,
    words: &lexicon::LangWords,
) -> bool {
    let stop = |a: &Atom| matches!(a.kind, AtomKind::Punct('.' | '!' | '?' | ';'));
    let is_cue = |a: &Atom| {
        if a.is(|k| k == lexicon::Kind::FutureCue) {
            return true;
        }
        if a.kind != AtomKind::Word {
            return false;
        }
        // a lower-case verb with a future ending (« sera », « partira »), not a name (« Vera »)
        let w = &doc.norm.folded[a.folded.0..a.folded.1];
        let lower = doc.text[a.span.start..].starts_with(char::is_lowercase);
        lower
            && w.len() >= 4
            && words
                .future_suffixes
                .iter()
                .any(|s| w.ends_with(s.as_str()))
    };
    let mut i = start;
    while i > 0 && start - i < TENSE_WINDOW {
        i -= 1;
        if stop(&atoms[i]) || atoms[i + 1].newline_before {
            break;
        }
        if is_cue(&atoms[i]) {
            return true;
        }
    }
    let mut j = end;
    while j < atoms.len() && j - end < TENSE_WINDOW {
        if stop(&atoms[j]) || atoms[j].newline_before {
            break;
        }
        if is_cue(&atoms[j]) {
            return true;
        }
        j += 1;
    }
    false
}

/// A day number before a range joiner and a full date: « du 6 au 8 janvier », « les 10 et
/// 11 décembre ». Returns the day, the atom after it, and where the second date starts.
fn range_first(g: &Grammar<'_>, at: usize, month_first: bool) -> Option<(u32, usize, Parse)> {
    let (day, after) = g.range_day(at)?;
    let next = g.join(after)?;
    let second = g.parse_at(next, month_first)?;
    matches!(second.sem, Sem::Full { .. } | Sem::DayMonth { .. }).then_some((day, after, second))
}

fn expr(atoms: &[Atom], p: &Parse, r: resolve::Resolved) -> TimeExpr {
    TimeExpr {
        span: Span::new(atoms[p.start].span.start, atoms[p.end - 1].span.end),
        value: r.value,
        granularity: r.granularity,
        part_of_day: p.pod.and_then(part_of_day),
        is_duration: r.is_duration,
    }
}

/// Every parse in the document, in order, non-overlapping, with the first day of a range
/// given the month and year of the second.
fn parses(text: &str, atoms: &[Atom], month_first: bool) -> Vec<Parse> {
    let g = Grammar {
        a: atoms,
        text,
        start: std::cell::Cell::new(0),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        if let Some(p) = g.parse_at(i, month_first) {
            out.push(p);
            i = p.end.max(i + 1);
            continue;
        }
        if let Some((d, j, second)) = range_first(&g, i, month_first) {
            let sem = match second.sem {
                Sem::Full { y, m, .. } if NaiveDate::from_ymd_opt(y, m, d).is_some() => {
                    Some(Sem::Full { y, m, d })
                }
                Sem::DayMonth { m, dir, .. } => Some(Sem::DayMonth {
                    m,
                    d,
                    wd: None,
                    dir,
                }),
                _ => None,
            };
            if let Some(sem) = sem {
                out.push(Parse {
                    start: i,
                    end: j,
                    sem,
                    pod: None,
                    today_marked: false,
                });
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Tag and normalize the temporal expressions of a document. Without a document date only
/// the expressions that carry their own year are kept.
pub fn tag(doc: &Doc, lex: &TimeLexicon) -> Vec<TimeExpr> {
    let Some(words) = lex.langs.get(doc.lang.as_str()) else {
        return Vec::new();
    };
    let atoms = scan::atoms(doc, words);
    let month_first = doc.lang == "en";
    let mut out = Vec::new();
    let mut last_day = None;
    for p in parses(&doc.text, &atoms, month_first) {
        let span = Span::new(atoms[p.start].span.start, atoms[p.end - 1].span.end);
        if doc.in_boilerplate(span) {
            continue;
        }
        // a range's first day takes the year of the second: resolve it the same way
        let future = matches!(
            p.sem,
            Sem::Weekday { dir: None, .. }
                | Sem::Month { dir: 0, .. }
                | Sem::DayMonth {
                    dir: 0,
                    wd: None,
                    ..
                }
        ) && future_near(&atoms, p.start, p.end, doc, words);
        let anchor = Anchor {
            dct: doc.date,
            last_day,
            future,
        };
        if let Some(r) = resolve(p.sem, &anchor) {
            if r.day.is_some() && !matches!(p.sem, Sem::Clock { .. }) {
                last_day = r.day;
            }
            out.push(expr(&atoms, &p, r));
        }
    }
    out
}

/// The publication date when the input has none: a dateline (« 5 juillet 2012. - »,
/// "Sunday, September 29, 2019"), an expression the text marks as today (« ce jeudi 8
/// janvier »), or a date in the URL.
pub fn infer_publication_date(doc: &Doc, lex: &TimeLexicon) -> Option<(NaiveDate, DateSource)> {
    pubdate::infer(doc, lex)
}
