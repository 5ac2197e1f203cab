//! The trigger lexicon (`events/fr.tsv`, `events/en.tsv`): verbs, nouns and fixed expressions
//! with their CAMEO code and argument frame. Every inflected form of every entry goes into
//! one phrase matcher per language.

use std::collections::{HashMap, HashSet};

use super::gap::SplitPhrases;
use super::inflect::{plural, Form, Inflector};
use super::ontology::Ontology;
use crate::lexicon::fnv::FnvBuild;
use crate::lexicon::matcher::PhraseSets;
use crate::lexicon::{LexiconError, Sources, Table};
use crate::normalize::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
    Fixed,
    /// Not an event (kind `stop`): a longer phrase that keeps a trigger word from firing
    /// where it means something else ("free trade", "press release").
    Stop,
}

/// Where the source of an event is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceSlot {
    /// Verbs: the subject; nouns: an adjective, a possessive or a complement.
    Subject,
    /// A complement introduced by this (folded) preposition.
    Prep(String),
    /// The subject of the reporting clause before « que »/"that": « Moscou estime que Kiev
    /// doit… » is a demand by Moscou on Kiev (the trigger's own subject is then the target).
    Reporter,
    None,
}

/// One trigger entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub phrase: String,
    pub pos: Pos,
    pub cameo: String,
    pub source: SourceSlot,
    /// `obj` for a direct object, else folded prepositions.
    pub targets: Vec<String>,
    /// The verb takes « être » in compound tenses: être + participle is not a passive.
    pub etre: bool,
    /// A pronominal verb (« se réunir », « s'opposer »).
    pub reflexive: bool,
    /// Folded words after a gap `*` in the phrase (`cancel * planned visit`): the verb part
    /// matches alone and the rest must follow within a few words (see `gapped.rs`).
    pub tail: Vec<String>,
    /// `file:line`, for `vigie explain`.
    pub at: String,
    pub example: String,
}

impl Entry {
    pub fn takes_object(&self) -> bool {
        self.targets.iter().any(|t| t == "obj")
    }
}

/// A matched form: entry index and the grammatical form.
#[derive(Debug, Clone, Copy)]
pub struct FormRef {
    pub entry: u32,
    pub form: Form,
    /// Index into `Triggers::surfaces`: the exact (lower-case) spelling, since folding makes
    /// « exige » and « exigé » one key.
    pub surface: u32,
}

/// Entries and matcher of one language.
#[derive(Debug, Clone)]
pub struct Triggers {
    pub entries: Vec<Entry>,
    pub forms: Vec<FormRef>,
    pub surfaces: Vec<String>,
    /// Three lists searched in one walk, in this order: every form of every entry without a
    /// gap; the verb parts of gapped entries (a match is a trigger only with its tail after
    /// it, see `gapped.rs`); the verbs of multi-word verb phrases alone (see `gap.rs`).
    /// Payloads are indexes into `forms`.
    pub matchers: PhraseSets<3>,
    /// The rest of each multi-word verb phrase, for the third list.
    pub split: SplitPhrases,
    /// Per form, the first word of its entry's tail as a number from `tail_words` (0 when
    /// the entry has no tail): a verb part such as "take" carries hundreds of gapped entries,
    /// and comparing numbers rules most of them out without reading the entries.
    pub(crate) tail_heads: Vec<u32>,
    /// Folded first words of tails → their number (from 1).
    pub(crate) tail_words: HashMap<String, u32, FnvBuild>,
}

/// Strip a reflexive pronoun: « se réunir » → « réunir », « s'en prendre à » → « prendre à ».
pub(super) fn strip_reflexive(p: &str) -> &str {
    let p = p
        .strip_prefix("se ")
        .or_else(|| p.strip_prefix("s'"))
        .or_else(|| p.strip_prefix("s\u{2019}"))
        .unwrap_or(p);
    p.strip_prefix("en ").unwrap_or(p)
}

impl Triggers {
    pub fn load(
        src: &Sources,
        file: &str,
        lang: &str,
        inflector: &Inflector,
        ontology: &Ontology,
    ) -> Result<Self, Vec<LexiconError>> {
        Self::load_layered(src, &[file], lang, inflector, ontology)
    }

    /// Entries of several files, the first one (hand-written) taking precedence: a form of a
    /// later file (imported, such as `en-petrarch.tsv`) whose folded text a first-file entry
    /// already produces is left out, and so is an entry left with no form.
    pub fn load_layered(
        src: &Sources,
        files: &[&str],
        lang: &str,
        inflector: &Inflector,
        ontology: &Ontology,
    ) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut entries = Vec::new();
        let mut forms: Vec<FormRef> = Vec::new();
        let mut phrases: Vec<(String, u32)> = Vec::new();
        let mut gapped: Vec<(String, u32)> = Vec::new();
        let mut form_index: HashMap<(u32, Form, String), u32> = HashMap::new();
        let mut surfaces: Vec<String> = Vec::new();
        let mut first_file_keys: HashSet<String> = HashSet::new();
        for (n, file) in files.iter().enumerate() {
            let t = src.table(file).map_err(|e| vec![e])?;
            let cols: Result<Vec<usize>, _> =
                t.cols(&["phrase", "kind", "cameo", "source", "target", "example"]);
            let c = cols.map_err(|e| vec![e])?;
            for r in &t.rows {
                let (entry, kind) = match Self::entry(&t, r, &c, ontology) {
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                    Ok(x) => x,
                };
                let Some(mut generated) = Self::forms(&entry, &kind, lang, inflector) else {
                    errors.push(t.error(r, format!("cannot inflect with kind `{kind}`")));
                    continue;
                };
                // a gapped entry collides with a hand entry only on its whole phrase
                let tail = entry.tail.join(" ");
                let whole = |text: &str| {
                    if tail.is_empty() {
                        fold(text)
                    } else {
                        fold(&format!("{text} {tail}"))
                    }
                };
                if n == 0 {
                    first_file_keys.extend(generated.iter().map(|(text, _)| whole(text)));
                } else {
                    generated.retain(|(text, _)| !first_file_keys.contains(&whole(text)));
                    if generated.is_empty() {
                        continue;
                    }
                }
                {
                    let idx = entries.len() as u32;
                    for (text, form) in generated {
                        let lower = text.to_lowercase();
                        let k =
                            *form_index
                                .entry((idx, form, lower.clone()))
                                .or_insert_with(|| {
                                    surfaces.push(lower);
                                    forms.push(FormRef {
                                        entry: idx,
                                        form,
                                        surface: (surfaces.len() - 1) as u32,
                                    });
                                    (forms.len() - 1) as u32
                                });
                        if entry.tail.is_empty() {
                            phrases.push((text, k));
                        } else {
                            gapped.push((text, k));
                        }
                    }
                    entries.push(entry);
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let (split, heads) = SplitPhrases::new(&entries, &forms, &surfaces);
        let mut tail_words: HashMap<String, u32, FnvBuild> = HashMap::default();
        let tail_heads = forms
            .iter()
            .map(|f| {
                let Some(w) = entries.get(f.entry as usize).and_then(|e| e.tail.first()) else {
                    return 0;
                };
                let next = tail_words.len() as u32 + 1;
                *tail_words.entry(w.clone()).or_insert(next)
            })
            .collect();
        Ok(Self {
            tail_heads,
            tail_words,
            matchers: PhraseSets::new([phrases, gapped, heads]),
            split,
            entries,
            forms,
            surfaces,
        })
    }

    fn entry(
        t: &Table,
        r: &crate::lexicon::Row,
        c: &[usize],
        ontology: &Ontology,
    ) -> Result<(Entry, String), LexiconError> {
        let phrase = r.get(c[0]).to_string();
        let kind = r.get(c[1]).to_string();
        let cameo = r.get(c[2]).to_string();
        if phrase.is_empty() {
            return Err(t.error(r, "empty phrase"));
        }
        let stop = kind == "stop";
        if !stop && ontology.get(&cameo).is_none() {
            return Err(t.error(r, format!("unknown CAMEO code `{cameo}`")));
        }
        let pos = match kind.split(':').next().unwrap_or("") {
            "stop" => Pos::Stop,
            "v" => Pos::Verb,
            "n" => Pos::Noun,
            "x" => Pos::Fixed,
            k => return Err(t.error(r, format!("unknown kind `{k}` (v, n, x or stop)"))),
        };
        let source = match r.get(c[3]) {
            "subj" => SourceSlot::Subject,
            "reporter" => SourceSlot::Reporter,
            "-" | "" => SourceSlot::None,
            p => SourceSlot::Prep(fold(p)),
        };
        let targets = r
            .get(c[4])
            .split('|')
            .filter(|x| !x.is_empty() && *x != "-")
            .map(fold)
            .collect();
        let example = r.get(c[5]).to_string();
        if example.is_empty() {
            return Err(t.error(r, "every entry needs an example sentence"));
        }
        let etre = kind.ends_with(":être") || kind.ends_with(":etre");
        let tail: Vec<String> = match phrase.split_once(" * ") {
            None if phrase.split(' ').any(|w| w == "*") => {
                return Err(t.error(r, "a gap `*` stands between two words"));
            }
            None => Vec::new(),
            Some(_) if pos != Pos::Verb => {
                return Err(t.error(r, "a gap `*` is for verb entries (kind v)"));
            }
            Some((_, rest)) if rest.split(' ').any(|w| w == "*") => {
                return Err(t.error(r, "one gap `*` at most"));
            }
            Some((_, rest)) => rest.split_whitespace().map(fold).collect(),
        };
        Ok((
            Entry {
                phrase: phrase.clone(),
                pos,
                cameo,
                source,
                targets,
                tail,
                etre,
                reflexive: strip_reflexive(&phrase).len() < phrase.len(),
                at: t.at(r),
                example,
            },
            kind,
        ))
    }

    /// The surface forms of an entry.
    fn forms(e: &Entry, kind: &str, lang: &str, inf: &Inflector) -> Option<Vec<(String, Form)>> {
        let mut parts = kind.split(':');
        let _ = parts.next();
        let arg = parts.next().unwrap_or("");
        match e.pos {
            Pos::Fixed | Pos::Stop => Some(vec![(e.phrase.clone(), Form::Fixed)]),
            Pos::Noun => {
                let pl = if arg.is_empty() {
                    // the plural inflects the first word: « frappe aérienne » is listed as x
                    plural(&e.phrase, lang)
                } else {
                    arg.to_string()
                };
                Some(vec![(e.phrase.clone(), Form::Noun), (pl, Form::Noun)])
            }
            Pos::Verb => {
                // a gapped entry inflects the verb part before its gap
                let verb_part = e.phrase.split(" * ").next().unwrap_or(&e.phrase);
                let bare = strip_reflexive(verb_part);
                let (head, rest) = bare.split_once(' ').unwrap_or((bare, ""));
                let heads = if lang == "fr" {
                    inf.french(head, arg)?
                } else {
                    inf.english(head)
                };
                Some(
                    heads
                        .into_iter()
                        .map(|(h, f)| {
                            if rest.is_empty() {
                                (h, f)
                            } else {
                                (format!("{h} {rest}"), f)
                            }
                        })
                        .collect(),
                )
            }
        }
    }
}
