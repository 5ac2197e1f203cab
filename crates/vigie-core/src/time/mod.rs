//! Temporal expressions in French and English: recognition (`scan` cuts the text into atoms,
//! `grammar` reads expressions from them), normalization to ISO 8601 anchored on the
//! publication date (`resolve`), and inference of the publication date itself (`pubdate`).
//! Every word comes from `lexicon/time/<lang>.tsv`.

mod grammar;
pub(crate) mod iso;
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

/// The tense of the clause around atoms `start..end`. A word right before the expression
/// that points forward ("payable Dec. 15", « d'ici mars ») makes it future; otherwise the
/// nearest tense cue on either side decides: a future auxiliary (« va », "will") or a verb
/// with a future ending (« se tiendra ») against a past auxiliary ("was", « avait ») or a
/// past form ("said", "signed") — "he said Friday" is past even when "will" comes earlier
/// in the sentence; a present auxiliary ("is", "has") nearer than either leaves the tense
/// open. A past form after a form of "be" is a participle ("will be held"), no
/// cue. The clause ends at a sentence end, a line break, a quotation mark (a quotation has
/// its own tense), or a word that opens another clause (« que », "that").
fn tense_near(
    atoms: &[Atom],
    start: usize,
    end: usize,
    doc: &Doc,
    words: &lexicon::LangWords,
) -> Tense {
    use lexicon::Kind;
    let stop = |i: usize| {
        sentence_end(atoms, i, doc)
            || atoms[i].kind == AtomKind::Punct('"')
            || atoms[i].is(|k| k == Kind::ClauseMark)
    };
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
    // a cue and whether it is a listed word (strong) or only guessed from an ending (weak:
    // "untouched", "unspecified" are often adjectives, not verbs); right next to the
    // expression an ending is strong too ("arrived Thursday")
    let cue = |i: usize| -> Option<(Tense, bool)> {
        let a = &atoms[i];
        if a.is(|k| k == Kind::FutureCue) {
            return Some((Tense::Future, true));
        }
        if ends_with(a, &words.future_suffixes, 4) {
            return Some((Tense::Future, false));
        }
        if a.is(|k| k == Kind::PresentCue) {
            return Some((Tense::Unknown, true));
        }
        // « a signé »: the auxiliary of the compound past before a participle, across a
        // negation or an adverb (« n'a pas signé », « a déjà signé »)
        if a.is(|k| k == Kind::PastAux) {
            let mut p = i + 1;
            while atoms.get(p).is_some_and(|x| x.is(|k| k == Kind::AuxGap)) {
                p += 1;
            }
            if atoms
                .get(p)
                .is_some_and(|p| ends_with(p, &words.participle_suffixes, 2))
            {
                return Some((Tense::Past, true));
            }
        }
        let listed = a.is(|k| k == Kind::PastCue);
        let past = listed
            || (ends_with(a, &words.past_suffixes, 5)
                && !ends_with(a, &words.not_past_suffixes, 0));
        if !past {
            return None;
        }
        match i.checked_sub(1).map(|b| &atoms[b]) {
            // "has extended": a present perfect leaves the tense open
            Some(b) if b.is(|k| k == Kind::PresentCue) => Some((Tense::Unknown, true)),
            // "will be held": a participle, no cue
            Some(b) if b.is(|k| k == Kind::PassiveAux) => None,
            _ => Some((Tense::Past, listed)),
        }
    };
    // the forward word: right before, or before one short word or article ("payable on",
    // "effective as of", « à compter du »)
    let mut weak_forward = false;
    for back in 1..=2 {
        let Some(i) = start.checked_sub(back) else {
            break;
        };
        let a = &atoms[i];
        if a.is(|k| k == Kind::Forward) {
            return Tense::Future;
        }
        if a.is(|k| k == Kind::ForwardWeak) {
            weak_forward = true;
            break;
        }
        let short = a.kind == AtomKind::Word && a.folded.1 - a.folded.0 <= 3;
        if !(short || a.is(|k| k == Kind::Det)) {
            break;
        }
    }
    // on each side the nearest cue, except that before the expression a guessed ending does
    // not hide a listed word farther in the same clause ("would be paid on a still
    // unspecified date in January": "would" decides, not "unspecified"); after it, the
    // nearest verb is the clause's own ("In September, it announced plans to…")
    let keep = |found: &mut Option<(usize, (Tense, bool))>, d: usize, c: (Tense, bool)| {
        match found {
            None => *found = Some((d, c)),
            Some((_, (_, false))) if c.1 => *found = Some((d, c)),
            Some(_) => {}
        }
        found.is_some_and(|(_, (_, strong))| strong)
    };
    let mut before = None;
    let mut i = start;
    while i > 0 && start - i < TENSE_WINDOW {
        i -= 1;
        if stop(i) || atoms[i + 1].newline_before {
            break;
        }
        // "agreed to buy it in February": the date belongs to the infinitive, whose time no
        // verb around sets (a listed cue nearer the date still decides)
        let infinitive = atoms[i].is(|k| k == Kind::Infinitive)
            && i + 1 < start
            && atoms[i + 1].kind == AtomKind::Word
            && doc.text[atoms[i + 1].span.start..].starts_with(char::is_lowercase);
        if infinitive && before.is_none_or(|(_, (_, strong)): (usize, (Tense, bool))| !strong) {
            // "is scheduled to close Monday": a verb looking ahead governs the infinitive
            let governed = i
                .checked_sub(1)
                .and_then(&cue)
                .is_some_and(|(t, _)| t == Tense::Future);
            return if weak_forward || governed {
                Tense::Future
            } else {
                Tense::Unknown
            };
        }
        if let Some((t, strong)) = cue(i) {
            if keep(&mut before, start - i, (t, strong || start - i == 1)) {
                break;
            }
        }
    }
    let mut after = None;
    let mut j = end;
    // a listed cue before the expression is its clause's verb: a verb after a comma is then
    // another clause's ("will meet on Monday, officials said")
    let before_listed = before.is_some_and(|(_, (_, strong))| strong);
    while j < atoms.len() && j - end < TENSE_WINDOW {
        if stop(j) || atoms[j].newline_before {
            break;
        }
        if before_listed && atoms[j].kind == AtomKind::Punct(',') {
            break;
        }
        if let Some((t, strong)) = cue(j) {
            after = Some((j - end + 1, (t, strong || j == end)));
            break;
        }
        j += 1;
    }
    // the nearer cue decides, but a listed word beats a guessed ending on the other side
    // ("will double its flights by August in search of markets untouched by…")
    let nearest = match (before, after) {
        (Some((db, (tb, sb))), Some((da, (ta, sa)))) => Some(if sb != sa {
            if sb {
                tb
            } else {
                ta
            }
        } else if da < db {
            ta
        } else {
            tb
        }),
        (b, a) => b.or(a).map(|(_, (t, _))| t),
    };
    match nearest {
        Some(Tense::Past) => Tense::Past,
        Some(Tense::Future) => Tense::Future,
        Some(Tense::Unknown) | None if weak_forward => Tense::Future,
        Some(Tense::Unknown) | None => Tense::Unknown,
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
                    clock: None,
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
    let mut last_point = None;
    let mut quarter = None;
    // every day the text named, for a bare weekday that names one of them again
    let mut named: Vec<NaiveDate> = Vec::new();
    // every day or month the text named, for a bare month that names one of them again
    let mut months: Vec<NaiveDate> = Vec::new();
    // per expression kept: its atoms and, for a lone clock time, true
    let mut kept: Vec<(usize, usize, bool)> = Vec::new();
    for p in parses(&doc.text, &atoms, month_first) {
        let span = Span::new(atoms[p.start].span.start, atoms[p.end - 1].span.end);
        if doc.in_boilerplate(span) {
            continue;
        }
        // a range's first day takes the year of the second: resolve it the same way
        let owner = possessive(&atoms, p.end, doc);
        let tense = if owner {
            // "Wednesday's ruling": the day of a thing, whatever the verb of the clause
            // ("would appeal Wednesday's ruling")
            Tense::Unknown
        } else if matches!(
            p.sem,
            Sem::Weekday { dir: None, .. }
                | Sem::Month { dir: 0, .. }
                | Sem::Holiday {
                    dir: 0,
                    y: None,
                    ..
                }
                | Sem::DayMonth {
                    dir: 0,
                    wd: None,
                    ..
                }
                | Sem::WeekOf { y: None, .. }
        ) {
            tense_near(&atoms, p.start, p.end, doc, words)
        } else {
            Tense::Unknown
        };
        let anchor = Anchor {
            dct: doc.date,
            last_day,
            last_point,
            future: tense == Tense::Future,
            past: tense == Tense::Past,
            // a possessive keeps the past ("Thursday's closing price"), a complement with
            // « de » takes the nearest day (« le sommet de mardi »)
            nearest: matches!(p.sem, Sem::Weekday { dir: None, .. })
                && names_a_thing(&atoms, p.start, doc),
            quarter,
        };
        let sem = match p.sem {
            Sem::Weekday { wd, dir: None } => {
                renamed_day(&named, doc.date, wd, tense).map_or(p.sem, |d| Sem::Full {
                    y: d.year(),
                    m: d.month(),
                    d: d.day(),
                })
            }
            Sem::Month { m, dir: 0 } => renamed_month(&months, doc.date, m, tense)
                .map_or(p.sem, |y| Sem::MonthYear { y, m }),
            s => s,
        };
        if let Some(mut r) = resolve(sem, &anchor) {
            // "9 a.m. Tuesday": the day's value with the clock time
            if let (Some((h, min)), Some(d)) = (p.clock, r.day) {
                r.value = format!("{}T{h:02}:{min:02}", crate::time::iso::day(d));
                r.granularity = Granularity::Time;
            }
            if r.day.is_none() && r.granularity == Granularity::Month {
                months.extend(resolve::first_day(&r.value));
            }
            if let Some(d) = r.day {
                named.push(d);
                months.push(d);
                if !matches!(p.sem, Sem::Clock { .. }) && !attributive(&atoms, &p, doc) {
                    last_day = Some(d);
                }
            }
            if !r.is_duration {
                last_point = resolve::first_day(&r.value).or(last_point);
            }
            // the quarter in focus is one the text names, not a comparison with it
            let comparison = matches!(
                p.sem,
                Sem::YearsAgo { .. }
                    | Sem::QuarterOfYear { .. }
                    | Sem::QuarterInRelYear { .. }
                    | Sem::RelUnit {
                        unit: lexicon::Unit::Year,
                        ..
                    }
            );
            if r.granularity == Granularity::Quarter && !comparison {
                quarter = quarter_of_value(&r.value);
            }
            // a stretch of months ("the first nine months") takes the focus off the quarter:
            // "last year" after it is the year
            if matches!(
                p.sem,
                Sem::Duration {
                    unit: lexicon::Unit::Month,
                    ..
                }
            ) {
                quarter = None;
            }
            kept.push((p.start, p.end, matches!(p.sem, Sem::Clock { .. })));
            out.push(expr(&atoms, &p, r));
        }
    }
    clock_on_next_day(&atoms, &kept, &mut out);
    out
}

/// A lone clock time followed by a comma and a day (« Vers 0 h 40, jeudi, … »): two
/// expressions, as TimeBank spans them, but the clock time is on that day, not on the day
/// the text was at before.
fn clock_on_next_day(atoms: &[Atom], kept: &[(usize, usize, bool)], out: &mut [TimeExpr]) {
    for k in 1..out.len().min(kept.len()) {
        let ((_, end, clock), (next_start, _, _)) = (kept[k - 1], kept[k]);
        let comma = atoms
            .get(end)
            .is_some_and(|a| a.kind == AtomKind::Punct(','));
        let day = &out[k];
        let on_day = !day.is_duration
            && matches!(day.granularity, crate::doc::Granularity::Day)
            && day.value.len() == 10;
        if clock && comma && next_start == end + 1 && on_day {
            let day_value = day.value.clone();
            let t = &mut out[k - 1];
            if let Some(hm) = t.value.get(10..).map(str::to_string) {
                t.value = format!("{day_value}{hm}");
            }
        }
    }
}

/// A day the text already named that falls on weekday `wd` within a week of the document
/// date: « samedi 29 mai … samedi à 8 h » names the same Saturday twice — unless the tense
/// of the clause points the other way ("said Monday … will sign on Monday").
fn renamed_day(
    named: &[NaiveDate],
    dct: Option<NaiveDate>,
    wd: u32,
    tense: Tense,
) -> Option<NaiveDate> {
    let dct = dct?;
    named
        .iter()
        .rev()
        .find(|d| {
            let days = (**d - dct).num_days();
            let agrees = tense_agrees(tense, days);
            d.weekday().number_from_monday() == wd && days.abs() < 7 && agrees
        })
        .copied()
}

/// Whether a day `days` from the document date fits the tense of the clause: a future
/// clause points after it, a past one on or before it.
fn tense_agrees(tense: Tense, days: i64) -> bool {
    match tense {
        Tense::Future => days > 0,
        Tense::Past => days <= 0,
        Tense::Unknown => true,
    }
}

/// The year of a month the text already named within a year of the document date: "to
/// join in April … the summit in April" names the same April twice — unless the tense of
/// the clause points the other way.
fn renamed_month(named: &[NaiveDate], dct: Option<NaiveDate>, m: u32, tense: Tense) -> Option<i32> {
    let dct = dct?;
    named
        .iter()
        .rev()
        .find(|d| {
            let days = (**d - dct).num_days();
            let agrees = tense_agrees(tense, days);
            d.month() == m && days.abs() < 366 && agrees
        })
        .map(Datelike::year)
}

/// A date used as an adjective after an article or a possessive ("the November 27
/// agreement", "Trump's July 25 call") names a past reference, not the day the narrative
/// is at: « la veille », "the following day" do not count from it.
fn attributive(atoms: &[Atom], p: &Parse, doc: &Doc) -> bool {
    let before = doc.text[..atoms[p.start].span.start].trim_end();
    let possessive = ["'s", "’s", "s'", "s’"].iter().any(|e| before.ends_with(e));
    let det = atoms[p.start].is(|k| k == lexicon::Kind::Det) || possessive;
    det && atoms.get(p.end).is_some_and(|a| {
        a.kind == AtomKind::Word && doc.text[a.span.start..].starts_with(char::is_lowercase)
    })
}

/// A weekday after a noun and a linking word (« le sommet de mardi », "the vote of
/// Tuesday"): it names the day of a thing, not the time of a verb.
fn names_a_thing(atoms: &[Atom], start: usize, doc: &Doc) -> bool {
    start >= 2
        && atoms[start - 1].is(|k| k == lexicon::Kind::NounLink)
        && atoms[start - 2].kind == AtomKind::Word
        && doc.text[atoms[start - 2].span.start..].starts_with(char::is_lowercase)
}

/// The expression ending before atom `end` is a possessive: "Wednesday's ruling".
fn possessive(atoms: &[Atom], end: usize, doc: &Doc) -> bool {
    let (Some(apo), Some(s)) = (atoms.get(end), atoms.get(end + 1)) else {
        return false;
    };
    end > 0
        && apo.kind == AtomKind::Punct('\'')
        && apo.span.start == atoms[end - 1].span.end
        && s.span.start == apo.span.end
        && &doc.norm.folded[s.folded.0..s.folded.1] == "s"
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
