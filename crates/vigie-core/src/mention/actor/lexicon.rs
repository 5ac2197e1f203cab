//! The actor lexicon's phrase table: every name, adjective, seat, group, organization and role
//! form of `lexicon/actors/*.tsv`, compiled into one [`PhraseMatcher`] whose payloads index
//! [`Entry`]s. Loading validates codes and columns and reports every bad row by file:line.

use crate::doc::EntityType;
use crate::lexicon::{LexiconError, PhraseMatcher, Row, Sources, Table};
use crate::normalize::fold;

/// What a phrase is, which decides how it composes with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A country's name (« Russie »): a LOC proper name.
    CountryName,
    /// A country adjective or demonym (« russe », "Russians"): nominal.
    CountryAdj,
    /// A capital or seat of power used as a government metonym (« Moscou », "White House").
    Seat,
    /// A group of states or region as a proper name (« Europe », « G7 »).
    GroupName,
    /// A group adjective or demonym (« occidentaux », « les Européens »): nominal.
    GroupAdj,
    /// An organization or armed group.
    Org,
    /// A role noun (« soldats », "foreign ministry").
    Role,
    /// A person of the people lexicon (index into `people`).
    Person,
}

/// How a form must be written in the text to match (the matcher itself ignores case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Case {
    /// Any case (lower-case forms: adjectives, role nouns).
    Any,
    /// The text must start with a capital (« Chine », not « chine »; "Turkey", not "turkey").
    Capital,
    /// The text must be written exactly so (acronyms: « UE », not « ue »; "UN", not « un »).
    Exact(String),
}

impl Case {
    fn of(form: &str) -> Case {
        let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() <= 6 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            Case::Exact(form.replace('’', "'"))
        } else if form.chars().next().is_some_and(char::is_uppercase) {
            Case::Capital
        } else {
            Case::Any
        }
    }

    /// True when `text` (the matched original text) is written as the form requires.
    pub(crate) fn accepts(&self, text: &str) -> bool {
        match self {
            Case::Any => true,
            Case::Capital => text.chars().next().is_some_and(char::is_uppercase),
            Case::Exact(f) => {
                text.len() == f.len()
                    && text
                        .chars()
                        .zip(f.chars())
                        .all(|(a, b)| a == b || (a == '’' && b == '\''))
                    || text.replace('’', "'") == *f
            }
        }
    }
}

/// A role's codes and behaviour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoleInfo {
    /// Agent code alone (`MIL`); empty for words that stand for the country itself (« pays »).
    pub role: String,
    /// Agent code once a country is attached (`REB` for jihadists of a country).
    pub country_role: String,
    /// A title that can stand beside a person's name (« ministre », "General").
    pub person: bool,
    /// With a country, the phrase names an institution (« ministère russe des Affaires
    /// étrangères ») and is written to `entities`.
    pub proper: bool,
    pub french: bool,
}

/// One lexicon entry (one form of one row).
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: Kind,
    /// The CAMEO code (country, seat, group, organization; empty for roles and people).
    pub code: String,
    /// Canonical name of the country, organization or person.
    pub name: String,
    pub etype: EntityType,
    pub case: Case,
    /// The form, lower-cased, when it has letters outside ASCII (accents): a title of the
    /// other language must be written with them (« général » is not "general strike").
    pub accented: Option<String>,
    pub role: Option<RoleInfo>,
    /// Index into the people table for [`Kind::Person`].
    pub person: usize,
    /// `file:line` of the row, for `vigie explain`.
    pub at: String,
}

/// A role form with a slot for a country adjective: head, then adjective, then tail.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// Folded head (« ministere »).
    pub head: String,
    /// Folded tail, starting with a word (« des affaires etrangeres »).
    pub tail: String,
    /// The role entry of the whole form.
    pub entry: u32,
}

/// Compiled tables.
#[derive(Debug)]
pub(crate) struct Tables {
    pub entries: Vec<Entry>,
    pub matcher: PhraseMatcher,
    pub slots: Vec<Slot>,
    /// Country codes known to the lexicon (to validate composed codes and people rows).
    pub countries: std::collections::HashSet<String, crate::lexicon::fnv::FnvBuild>,
}

fn columns(t: &Table, names: &[&str]) -> Result<Vec<usize>, LexiconError> {
    names.iter().map(|n| t.col(n)).collect()
}

fn forms(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|f| !f.is_empty())
}

/// CAMEO codes are upper-case ASCII letters and digits, in groups of three mostly.
pub(crate) fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 15
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn etype_of(t: &Table, row: &Row, s: &str) -> Result<EntityType, LexiconError> {
    match s {
        "PER" => Ok(EntityType::PER),
        "ORG" => Ok(EntityType::ORG),
        "LOC" => Ok(EntityType::LOC),
        "MISC" => Ok(EntityType::MISC),
        _ => Err(t.error(
            row,
            format!("type must be PER, ORG, LOC or MISC, not `{s}`"),
        )),
    }
}

fn yes_no(t: &Table, row: &Row, s: &str) -> Result<bool, LexiconError> {
    match s {
        "yes" => Ok(true),
        "no" | "" => Ok(false),
        _ => Err(t.error(row, format!("expected yes or no, not `{s}`"))),
    }
}

/// Builder collecting entries and keys while files are read.
#[derive(Default)]
pub(crate) struct Builder {
    entries: Vec<Entry>,
    keys: Vec<(String, u32)>,
    slots: Vec<Slot>,
    countries: std::collections::HashSet<String, crate::lexicon::fnv::FnvBuild>,
    errors: Vec<LexiconError>,
}

impl Builder {
    fn push(&mut self, form: &str, entry: Entry) {
        let id = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.keys.push((form.to_string(), id));
        self.entries.push(Entry {
            case: Case::of(form),
            accented: (!form.is_ascii()).then(|| form.to_lowercase().replace('’', "'")),
            ..entry
        });
    }

    fn table(&mut self, src: &Sources, path: &str, cols: &[&str]) -> Option<(Table, Vec<usize>)> {
        let t = match src.table(path) {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                return None;
            }
        };
        match columns(&t, cols) {
            Ok(c) => Some((t, c)),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    fn countries(&mut self, src: &Sources) {
        let path = "actors/countries.tsv";
        let Some((t, c)) = self.table(
            src,
            path,
            &["code", "alpha2", "name", "fr", "en", "adj_fr", "adj_en"],
        ) else {
            return;
        };
        for row in &t.rows {
            let code = row.get(c[0]);
            if code.len() != 3 || !valid_code(code) || row.get(c[1]).len() != 2 {
                self.errors
                    .push(t.error(row, "code must be 3 capitals, alpha2 2 letters"));
                continue;
            }
            self.countries.insert(code.to_string());
            let base = Entry {
                kind: Kind::CountryName,
                code: code.to_string(),
                name: row.get(c[2]).to_string(),
                etype: EntityType::LOC,
                case: Case::Any,
                accented: None,
                role: None,
                person: 0,
                at: t.at(row),
            };
            for f in forms(row.get(c[3])).chain(forms(row.get(c[4]))) {
                self.push(f, base.clone());
            }
            for f in forms(row.get(c[5])).chain(forms(row.get(c[6]))) {
                self.push(
                    f,
                    Entry {
                        kind: Kind::CountryAdj,
                        etype: EntityType::MISC,
                        ..base.clone()
                    },
                );
            }
        }
    }

    fn named(&mut self, src: &Sources, path: &str, kind: Kind) {
        let Some((t, c)) = self.table(src, path, &["code", "type", "name", "forms"]) else {
            return;
        };
        for row in &t.rows {
            let code = row.get(c[0]);
            if !valid_code(code) {
                self.errors
                    .push(t.error(row, format!("bad CAMEO code `{code}`")));
                continue;
            }
            let etype = match etype_of(&t, row, row.get(c[1])) {
                Ok(e) => e,
                Err(e) => {
                    self.errors.push(e);
                    continue;
                }
            };
            let base = Entry {
                kind,
                code: code.to_string(),
                name: row.get(c[2]).to_string(),
                etype,
                case: Case::Any,
                accented: None,
                role: None,
                person: 0,
                at: t.at(row),
            };
            for f in forms(row.get(c[3])) {
                self.push(f, base.clone());
            }
        }
    }

    fn groups(&mut self, src: &Sources) {
        let path = "actors/groups.tsv";
        let Some((t, c)) = self.table(src, path, &["code", "type", "nominal", "name", "forms"])
        else {
            return;
        };
        for row in &t.rows {
            let code = row.get(c[0]);
            let (etype, nominal) = match (
                etype_of(&t, row, row.get(c[1])),
                yes_no(&t, row, row.get(c[2])),
            ) {
                (Ok(e), Ok(n)) if valid_code(code) => (e, n),
                (Err(e), _) | (_, Err(e)) => {
                    self.errors.push(e);
                    continue;
                }
                _ => {
                    self.errors
                        .push(t.error(row, format!("bad CAMEO code `{code}`")));
                    continue;
                }
            };
            let base = Entry {
                kind: if nominal {
                    Kind::GroupAdj
                } else {
                    Kind::GroupName
                },
                code: code.to_string(),
                name: row.get(c[3]).to_string(),
                etype,
                case: Case::Any,
                accented: None,
                role: None,
                person: 0,
                at: t.at(row),
            };
            for f in forms(row.get(c[4])) {
                self.push(f, base.clone());
            }
        }
    }

    fn roles(&mut self, src: &Sources) {
        let path = "actors/roles.tsv";
        let Some((t, c)) = self.table(
            src,
            path,
            &["role", "country_role", "kind", "proper", "lang", "forms"],
        ) else {
            return;
        };
        for row in &t.rows {
            let role = row.get(c[0]);
            let country_role = match row.get(c[1]) {
                "" => role,
                r => r,
            };
            let code_ok = |r: &str| r.is_empty() || (r.len() == 3 && valid_code(r));
            if !code_ok(role) || !code_ok(country_role) {
                self.errors
                    .push(t.error(row, "role codes are 3 capitals (or empty)"));
                continue;
            }
            let person = match row.get(c[2]) {
                "person" => true,
                "body" => false,
                k => {
                    self.errors
                        .push(t.error(row, format!("kind must be person or body, not `{k}`")));
                    continue;
                }
            };
            let proper = match yes_no(&t, row, row.get(c[3])) {
                Ok(p) => p,
                Err(e) => {
                    self.errors.push(e);
                    continue;
                }
            };
            let french = match row.get(c[4]) {
                "fr" => true,
                "en" => false,
                l => {
                    self.errors
                        .push(t.error(row, format!("lang must be fr or en, not `{l}`")));
                    continue;
                }
            };
            let base = Entry {
                kind: Kind::Role,
                code: String::new(),
                name: String::new(),
                etype: if person {
                    EntityType::PER
                } else {
                    EntityType::ORG
                },
                case: Case::Any,
                accented: None,
                role: Some(RoleInfo {
                    role: role.to_string(),
                    country_role: country_role.to_string(),
                    person,
                    proper,
                    french,
                }),
                person: 0,
                at: t.at(row),
            };
            for f in forms(row.get(c[5])) {
                if let Some((head, tail)) = f.split_once('*') {
                    let (head, tail) = (fold(head.trim()), fold(tail.trim()));
                    if head.is_empty() || tail.is_empty() {
                        self.errors
                            .push(t.error(row, format!("`*` needs words on both sides: `{f}`")));
                        continue;
                    }
                    let id = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
                    self.entries.push(Entry {
                        name: f.replace(" * ", " "),
                        ..base.clone()
                    });
                    self.slots.push(Slot {
                        head,
                        tail,
                        entry: id,
                    });
                } else {
                    self.push(
                        f,
                        Entry {
                            name: f.to_string(),
                            ..base.clone()
                        },
                    );
                }
            }
        }
    }

    /// People rows are read by `people.rs`; their name forms join the same matcher.
    pub(crate) fn person_form(&mut self, form: &str, person: usize, at: String) {
        self.push(
            form,
            Entry {
                kind: Kind::Person,
                code: String::new(),
                name: String::new(),
                etype: EntityType::PER,
                case: Case::Any,
                accented: None,
                role: None,
                person,
                at,
            },
        );
    }

    pub(crate) fn error(&mut self, e: LexiconError) {
        self.errors.push(e);
    }

    pub(crate) fn knows_country(&self, code: &str) -> bool {
        self.countries.contains(code)
    }

    /// Read the country, seat, group, organization and role files.
    pub(crate) fn read(src: &Sources) -> Builder {
        let mut b = Builder::default();
        b.countries(src);
        b.named(src, "actors/seats.tsv", Kind::Seat);
        b.named(src, "actors/capitals.tsv", Kind::Seat);
        b.groups(src);
        b.named(src, "actors/organizations.tsv", Kind::Org);
        b.roles(src);
        b
    }

    pub(crate) fn finish(self) -> Result<Tables, Vec<LexiconError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let matcher = PhraseMatcher::new(self.keys);
        Ok(Tables {
            entries: self.entries,
            matcher,
            slots: self.slots,
            countries: self.countries,
        })
    }
}
