//! The cue sets of the named-entity tagger, read from `lexicon/actors/ner.tsv` and
//! `lexicon/ner/cues.tsv` (one row a kind, words separated by `|`) and from the first names
//! of `lexicon/actors/first_names.tsv`.

use std::collections::HashSet;

use super::capitalized;
use crate::lexicon::fnv::FnvBuild;
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

/// A set of cue words: hashed with FNV, as every lexicon table looked up per token (see
/// `lexicon::fnv`).
type Words = HashSet<String, FnvBuild>;

/// The cue sets. Capitalized cues (titles, organization and event words, sentence-initial
/// common words) are matched as written; lower-case ones folded.
#[derive(Debug, Default)]
pub(crate) struct NerLexicon {
    pub(super) titles: Words,
    pub(super) particles: Words,
    pub(super) joiners: Words,
    pub(super) org: Words,
    pub(super) misc: Words,
    pub(super) loc_prep: Words,
    pub(super) loc_prep_weak: Words,
    pub(super) loc_head: Words,
    pub(super) loc_word: Words,
    pub(super) connectors: Words,
    pub(crate) pronouns: Words,
    pub(crate) possessives: Words,
    pub(super) articles: Words,
    pub(super) common: Words,
    /// Words before a lone name that make it a person's (« selon Dupont », « par Colbert »).
    pub(super) per_prep: Words,
    /// Clitics after a lone name that make it a person's, as a guess ("Kessler's").
    pub(super) per_clitic: Words,
    /// Articles before a lone name that make it a place (« le Danube », « l'Anjou »).
    pub(super) loc_article: Words,
    /// Lower-case nouns that open a place's name before a capitalized word (« l'océan
    /// Indien », « la mer de Banda », « le musée du Louvre »).
    pub(super) loc_feature: Words,
    /// Words between such a noun and the name (« de », « du »).
    pub(super) feature_link: Words,
    /// Titles that also open place names (« Saint », "St."): the person they make is a guess.
    pub(super) title_guess: Words,
    /// Points of the compass, as written, that close a place's name (« du Nord »).
    pub(super) compass: Words,
    /// Adjectives that close a place's name (« subsaharienne »).
    pub(super) region_adj: Words,
    /// Lower-case words between « de »/"of" and a country's name that narrow it to a part
    /// ("the Serbs of southern Croatia"): the people are still that country's.
    pub(crate) region_before: Words,
    /// First names, as written (`lexicon/actors/first_names.tsv`).
    pub(crate) first_names: Words,
    /// Endings of French adjectives that may follow an organization word.
    pub(super) adj_suffixes: Vec<String>,
    /// Lower-case nouns before a name that make it an organization's (« la firme X »).
    pub(super) org_noun: Words,
    /// Lower-case nouns before a name that make it a person's (« le poète X »).
    pub(super) per_noun: Words,
    /// Lower-case nouns before a name that make it a work's or event's (« l'album X »).
    pub(super) misc_noun: Words,
    /// Lower-case nouns before « de »/"of" and a lone name that make it a person's, as a
    /// guess (« le neveu de X »).
    pub(super) per_of: Words,
    /// Endings of a capitalized plural that opens a club's name before « de » and a place.
    pub(super) team_plural: Vec<String>,
    /// Prepositions of place after which two capitalized words or more with no other cue
    /// are a person's name as often as a place's (« face à Jana Novak », "lost to Tom Reed").
    pub(super) name_prep: Words,
    /// Capitalized words, as written, that open places' names ("East", "Fort", « Port »).
    pub(super) loc_opener: Words,
    /// Capitalized words, as written, that are a nationality, people, religion, language or
    /// era when alone ("Christian", "Sanskrit", "Byzantine"): MISC.
    pub(super) misc_word: Words,
    /// Names, as written, of well-known companies, brands, media and clubs that are
    /// organizations when they stand alone ("Nintendo", « Renault »).
    pub(super) org_name: Words,
    /// Words after an organization word that open its complement (« Banque de France »,
    /// "Union for …"), folded.
    pub(super) org_link: Words,
    /// Articles before a lone capitalized plural that make it a team's or a band's ("the
    /// Herons"), folded.
    pub(super) plural_article: Words,
    /// Endings of capitalized words ending in s that are no plurals ("Davis", "Marcus",
    /// "Christodoulides"), folded.
    pub(super) singular_endings: Vec<String>,
    /// Single names, as written, of well-known people known by one name (« Voltaire »,
    /// "Aristotle").
    pub(super) per_name: Words,
    /// Words glued by a hyphen before a country or group word that make it the object of a
    /// stance, not the actor's nationality ("an anti-Syria journalist", « pro-russes »),
    /// folded.
    pub(crate) stance_prefix: Words,
    /// English titles that belong to the body a bare role noun before them names ("rebel
    /// spokesman", "opposition leader", "police chief"), folded; ministers are not among
    /// them ("police minister" is the government's).
    pub(crate) owned_title: Words,
}

/// The cue files, read in this order into the same sets.
const CUE_FILES: [&str; 2] = ["actors/ner.tsv", "ner/cues.tsv"];

impl NerLexicon {
    pub(crate) fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut lex = NerLexicon::default();
        let mut errors = Vec::new();
        for file in CUE_FILES {
            match src.table(file) {
                Ok(t) => lex.read_cues(&t, &mut errors),
                Err(e) => errors.push(e),
            }
        }
        read_first_names(src, &mut lex.first_names, &mut errors);
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }

    /// The rows of one cue file (`kind`, `words`) into their sets.
    fn read_cues(&mut self, t: &crate::lexicon::tsv::Table, errors: &mut Vec<LexiconError>) {
        let (ck, cw) = match (t.col("kind"), t.col("words")) {
            (Ok(k), Ok(w)) => (k, w),
            (Err(e), _) | (_, Err(e)) => {
                errors.push(e);
                return;
            }
        };
        for row in &t.rows {
            let (set, folded) = match row.get(ck) {
                "title" => (&mut self.titles, false),
                "particle" => (&mut self.particles, true),
                "joiner" => (&mut self.joiners, true),
                "org" => (&mut self.org, false),
                "misc" => (&mut self.misc, false),
                "loc-prep" => (&mut self.loc_prep, true),
                "loc-prep-weak" => (&mut self.loc_prep_weak, true),
                "loc-head" => (&mut self.loc_head, true),
                "loc-word" => (&mut self.loc_word, false),
                "connector" => (&mut self.connectors, true),
                "pronoun" => (&mut self.pronouns, true),
                "possessive" => (&mut self.possessives, true),
                "article" => (&mut self.articles, true),
                "common" => (&mut self.common, false),
                "per-prep" => (&mut self.per_prep, true),
                "compass" => (&mut self.compass, false),
                "region-adj" => (&mut self.region_adj, true),
                "region-before" => (&mut self.region_before, true),
                "per-clitic" => (&mut self.per_clitic, true),
                "title-guess" => (&mut self.title_guess, false),
                "loc-article" => (&mut self.loc_article, true),
                "loc-feature" => (&mut self.loc_feature, true),
                "feature-link" => (&mut self.feature_link, true),
                "org-noun" => (&mut self.org_noun, true),
                "per-noun" => (&mut self.per_noun, true),
                "misc-noun" => (&mut self.misc_noun, true),
                "per-of" => (&mut self.per_of, true),
                "name-prep" => (&mut self.name_prep, true),
                "loc-opener" => (&mut self.loc_opener, false),
                "misc-word" => (&mut self.misc_word, false),
                "org-name" => (&mut self.org_name, false),
                "org-link" => (&mut self.org_link, true),
                "plural-article" => (&mut self.plural_article, true),
                "per-name" => (&mut self.per_name, false),
                "stance-prefix" => (&mut self.stance_prefix, true),
                "owned-title" => (&mut self.owned_title, true),
                kind @ ("adj-suffix" | "team-plural" | "singular-ending") => {
                    let out = match kind {
                        "adj-suffix" => &mut self.adj_suffixes,
                        "team-plural" => &mut self.team_plural,
                        _ => &mut self.singular_endings,
                    };
                    out.extend(
                        row.get(cw)
                            .split('|')
                            .map(|w| fold(w.trim()))
                            .filter(|w| !w.is_empty()),
                    );
                    continue;
                }
                k => {
                    errors.push(t.error(row, format!("unknown kind `{k}`")));
                    continue;
                }
            };
            for w in t.single_words(row, cw, errors) {
                let w = w.replace('’', "'");
                set.insert(if folded {
                    fold(&w)
                } else {
                    w.trim_end_matches('.').to_string()
                });
            }
        }
    }

    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word.trim_end_matches('.'))
    }
    pub(crate) fn is_particle(&self, folded: &str) -> bool {
        self.particles.contains(folded)
    }
    pub(crate) fn is_loc_prep(&self, folded: &str) -> bool {
        self.loc_prep.contains(folded)
    }
    pub(crate) fn is_common(&self, word: &str) -> bool {
        self.common.contains(word.trim_end_matches('.'))
    }
}

/// The first names of `actors/first_names.tsv`: one capitalized word a row (hyphens allowed).
fn read_first_names(src: &Sources, out: &mut Words, errors: &mut Vec<LexiconError>) {
    let t = match src.table("actors/first_names.tsv") {
        Ok(t) => t,
        Err(e) => {
            errors.push(e);
            return;
        }
    };
    let cn = match t.col("name") {
        Ok(c) => c,
        Err(e) => {
            errors.push(e);
            return;
        }
    };
    for row in &t.rows {
        let name = row.get(cn).trim();
        if !capitalized(name) || !name.chars().all(|c| c.is_alphabetic() || c == '-') {
            errors.push(t.error(
                row,
                format!("a first name is one capitalized word: `{name}`"),
            ));
            continue;
        }
        out.insert(name.to_string());
    }
}
