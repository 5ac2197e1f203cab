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

use chrono::{Datelike, NaiveDate};

use crate::doc::{DateSource, Doc, Granularity, Span, TimeExpr};
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

/// The tense of a clause, as far as its cues show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Future,
    Past,
    Unknown,
}

/// A period that ends a sentence: not the one of an initial or a short abbreviation
/// ("Daniel P. Davison", "Mr. Smith", "Corp.").
fn sentence_end(atoms: &[Atom], i: usize, doc: &Doc) -> bool {
    match atoms[i].kind {
        AtomKind::Punct('!' | '?' | ';') => true,
        AtomKind::Punct('.') => {
            !(i > 0 && {
                let w = &doc.text[atoms[i - 1].span.start..atoms[i - 1].span.end];
                atoms[i - 1].kind == AtomKind::Word
                    && w.len() <= 3
                    && w.starts_with(char::is_uppercase)
            })
        }
        _ => false,
    }
}

/// The tense of the clause around atoms `start..end`: future when a future auxiliary
/// (« va », "will") or a verb with a future ending (« se tiendra ») is near, else past when
/// a past auxiliary ("was", « avait ») or a verb with a past ending ("signed") is, else
/// unknown. The clause ends at a sentence end, a line break, or a word that opens another
/// clause (« que », "that").
fn tense_near(
    atoms: &[Atom],
    start: usize,
    end: usize,
    doc: &Doc,
    words: &lexicon::LangWords,
) -> Tense {
    let stop =
        |i: usize| sentence_end(atoms, i, doc) || atoms[i].is(|k| k == lexicon::Kind::ClauseMark);
    // a lower-case verb (« sera », "signed"), or a whole word in capitals (a headline: « LE
    // VILLAGE FERA LA FÊTE »), not a name (« Vera », "Ted")
    let ends_with = |a: &Atom, suffixes: &[String], min: usize| {
        if a.kind != AtomKind::Word {
            return false;
        }
        let w = &doc.norm.folded[a.folded.0..a.folded.1];
        let original = &doc.text[a.span.start..a.span.end];
        let verb_like = original.starts_with(char::is_lowercase)
            || (original.chars().count() > 1 && !original.chars().any(char::is_lowercase));
        verb_like && w.len() >= min && suffixes.iter().any(|s| w.ends_with(s.as_str()))
    };
    let mut past = false;
    let mut look = |a: &Atom| {
        if a.is(|k| k == lexicon::Kind::FutureCue) || ends_with(a, &words.future_suffixes, 4) {
            return true;
        }
        past |= a.is(|k| k == lexicon::Kind::PastCue) || ends_with(a, &words.past_suffixes, 5);
        false
    };
    let mut i = start;
    while i > 0 && start - i < TENSE_WINDOW {
        i -= 1;
        if stop(i) || atoms[i + 1].newline_before {
            break;
        }
        if look(&atoms[i]) {
            return Tense::Future;
        }
    }
    let mut j = end;
    while j < atoms.len() && j - end < TENSE_WINDOW {
        if stop(j) || atoms[j].newline_before {
            break;
        }
        if look(&atoms[j]) {
            return Tense::Future;
        }
        j += 1;
    }
    if past {
        Tense::Past
    } else {
        Tense::Unknown
    }
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
    let mut quarter = None;
    // every day the text named, for a bare weekday that names one of them again
    let mut named: Vec<NaiveDate> = Vec::new();
    for p in parses(&doc.text, &atoms, month_first) {
        let span = Span::new(atoms[p.start].span.start, atoms[p.end - 1].span.end);
        if doc.in_boilerplate(span) {
            continue;
        }
        // a range's first day takes the year of the second: resolve it the same way
        let tense = if matches!(
            p.sem,
            Sem::Weekday { dir: None, .. }
                | Sem::Month { dir: 0, .. }
                | Sem::DayMonth {
                    dir: 0,
                    wd: None,
                    ..
                }
        ) {
            tense_near(&atoms, p.start, p.end, doc, words)
        } else {
            Tense::Unknown
        };
        let anchor = Anchor {
            dct: doc.date,
            last_day,
            future: tense == Tense::Future,
            past: tense == Tense::Past,
            quarter,
        };
        let sem = match p.sem {
            Sem::Weekday { wd, dir: None } => {
                renamed_day(&named, doc.date, wd).map_or(p.sem, |d| Sem::Full {
                    y: d.year(),
                    m: d.month(),
                    d: d.day(),
                })
            }
            s => s,
        };
        if let Some(r) = resolve(sem, &anchor) {
            if let Some(d) = r.day {
                named.push(d);
                if !matches!(p.sem, Sem::Clock { .. }) && !attributive(&atoms, &p, doc) {
                    last_day = Some(d);
                }
            }
            // the quarter in focus is one the text names, not a comparison with it
            if r.granularity == Granularity::Quarter && !matches!(p.sem, Sem::YearsAgo { .. }) {
                quarter = quarter_of_value(&r.value);
            }
            out.push(expr(&atoms, &p, r));
        }
    }
    out
}

/// A day the text already named that falls on weekday `wd` within a week of the document
/// date: « samedi 29 mai … samedi à 8 h » names the same Saturday twice.
fn renamed_day(named: &[NaiveDate], dct: Option<NaiveDate>, wd: u32) -> Option<NaiveDate> {
    let dct = dct?;
    named
        .iter()
        .rev()
        .find(|d| d.weekday().number_from_monday() == wd && (**d - dct).num_days().abs() < 7)
        .copied()
}

/// A date used as an adjective after an article ("the November 27 agreement") names a
/// past reference, not the day the narrative is at: « la veille », "the following day"
/// do not count from it.
fn attributive(atoms: &[Atom], p: &Parse, doc: &Doc) -> bool {
    let det = atoms[p.start].is(|k| k == lexicon::Kind::Det);
    det && atoms.get(p.end).is_some_and(|a| {
        a.kind == AtomKind::Word && doc.text[a.span.start..].starts_with(char::is_lowercase)
    })
}

/// `(year, quarter)` of a value `YYYY-Qn`.
fn quarter_of_value(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

/// The publication date when the input has none: a dateline (« 5 juillet 2012. - »,
/// "Sunday, September 29, 2019"), an expression the text marks as today (« ce jeudi 8
/// janvier »), or a date in the URL.
pub fn infer_publication_date(doc: &Doc, lex: &TimeLexicon) -> Option<(NaiveDate, DateSource)> {
    pubdate::infer(doc, lex)
}
