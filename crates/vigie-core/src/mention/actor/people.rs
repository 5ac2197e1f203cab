//! Office holders with their terms (`lexicon/actors/people.tsv`): the code a person carries is
//! the one valid on the document's date.
//!
//! Rule for dates outside every term: after the last term the person is a former official,
//! coded country + `ELI` (CAMEO's elite sector: « l'ancien président Obama » in 2020 →
//! `USAELI`); before the first term, or with no known country (IGO leaders), the person is
//! coded by the country alone when there is one, else carries no actor code. A document
//! without a date uses the most recent term.

use chrono::NaiveDate;

use super::lexicon::{valid_code, Builder};
use crate::lexicon::Sources;
use crate::normalize::fold;

/// One term of office.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub code: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub at: String,
}

/// A person and their terms, sorted by start.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub terms: Vec<Term>,
    /// The folded words of every form of the name, to tell a first name of this person
    /// ("Scott" Morrison) from another person's sharing the surname ("Tim" Morrison).
    pub words: Vec<String>,
}

impl Person {
    /// Is `folded` a word of one of this person's name forms?
    pub(crate) fn has_word(&self, folded: &str) -> bool {
        self.words.iter().any(|w| w == folded)
    }
}

/// The code of a person on a date, and the `file:line` of the term that decided it.
pub(crate) fn code_on(
    p: &Person,
    date: Option<NaiveDate>,
    countries: &dyn Fn(&str) -> bool,
) -> Option<(String, String)> {
    let last = p.terms.last()?;
    let Some(d) = date else {
        return Some((last.code.clone(), last.at.clone()));
    };
    if let Some(t) = p
        .terms
        .iter()
        .rev()
        .find(|t| t.start.is_none_or(|s| s <= d) && t.end.is_none_or(|e| d <= e))
    {
        return Some((t.code.clone(), t.at.clone()));
    }
    // outside every term: a former official (after) or a future one (before)
    let after = p.terms.iter().rev().find(|t| t.end.is_some_and(|e| e < d));
    let country = |t: &Term| t.code.get(..3).filter(|c| countries(c)).map(str::to_string);
    match after {
        Some(t) => country(t).map(|c| (format!("{c}ELI"), format!("{} (former)", t.at))),
        None => country(&p.terms[0]).map(|c| (c, format!("{} (before term)", p.terms[0].at))),
    }
}

fn date(s: &str) -> Result<Option<NaiveDate>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    // a bare year or year-month stands for its first day (start) — precise enough for terms
    let full = match s.len() {
        4 => format!("{s}-01-01"),
        7 => format!("{s}-01"),
        _ => s.to_string(),
    };
    NaiveDate::parse_from_str(&full, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("bad date `{s}` (YYYY, YYYY-MM or YYYY-MM-DD)"))
}

/// The people files: the hand-checked list, then the one generated from the Phoenix
/// dictionary (which leaves out everyone of the first).
const FILES: [&str; 2] = ["actors/people.tsv", "actors/people_phoenix.tsv"];

/// Read every people file, adding every name form to the builder.
pub(crate) fn read(src: &Sources, b: &mut Builder) -> Vec<Person> {
    let mut people = Vec::new();
    let mut index = std::collections::HashMap::<String, usize>::new();
    for path in FILES {
        read_file(src, path, b, &mut people, &mut index);
    }
    for p in &mut people {
        p.terms.sort_by_key(|t| t.start);
    }
    people
}

/// Read one people file into `people`.
#[allow(clippy::many_single_char_names)] // t: table, c: columns, b: builder, s/e: dates
fn read_file(
    src: &Sources,
    path: &str,
    b: &mut Builder,
    people: &mut Vec<Person>,
    index: &mut std::collections::HashMap<String, usize>,
) {
    let t = match src.table(path) {
        Ok(t) => t,
        Err(e) => {
            b.error(e);
            return;
        }
    };
    let cols: Result<Vec<usize>, _> = t.cols(&["name", "code", "start", "end", "forms"]);
    let c = match cols {
        Ok(c) => c,
        Err(e) => {
            b.error(e);
            return;
        }
    };
    for row in &t.rows {
        let name = row.get(c[0]);
        let code = row.get(c[1]);
        let (start, end) = match (date(row.get(c[2])), date(row.get(c[3]))) {
            (Ok(s), Ok(e)) => (s, e),
            (Err(m), _) | (_, Err(m)) => {
                b.error(t.error(row, m));
                continue;
            }
        };
        if name.is_empty() || !valid_code(code) {
            b.error(t.error(row, "a person needs a name and a CAMEO code"));
            continue;
        }
        // international, non-governmental and transnational militant codes have no country
        let sector = ["IGO", "NGO", "IMG", "MNC"]
            .iter()
            .any(|p| code.starts_with(p));
        if code.len() >= 3 && !sector && !b.knows_country(&code[..3]) {
            b.error(t.error(row, format!("`{code}` does not start with a known country")));
            continue;
        }
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                b.error(t.error(row, "term ends before it starts"));
                continue;
            }
        }
        let i = *index.entry(name.to_string()).or_insert_with(|| {
            people.push(Person {
                name: name.to_string(),
                terms: Vec::new(),
                words: Vec::new(),
            });
            people.len() - 1
        });
        people[i].terms.push(Term {
            code: code.to_string(),
            start,
            end,
            at: t.at(row),
        });
        for f in std::iter::once(name).chain(row.get(c[4]).split('|').map(str::trim)) {
            if !f.is_empty() {
                b.person_form(f, i, t.at(row));
                for w in f.split(|c: char| c.is_whitespace() || c == '-') {
                    let w = fold(w);
                    if !w.is_empty() && !people[i].has_word(&w) {
                        people[i].words.push(w);
                    }
                }
            }
        }
    }
}
