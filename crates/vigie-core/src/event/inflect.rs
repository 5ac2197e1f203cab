//! Inflected forms of trigger lemmas: French verbs from a conjugation class
//! (`events/fr-conjugation.tsv`), English verbs by the regular rules or the irregular table
//! (`events/en-irregular.tsv`), and noun plurals.
// short names follow one convention here: s site, e entity, i/j token indexes, t token
#![allow(clippy::many_single_char_names)]

use std::collections::HashMap;

use crate::lexicon::{LexiconError, Sources, Table};

/// The grammatical form a trigger matched in; it carries tense for the status rules and
/// tells participles (passive voice) from finite forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Infinitive,
    Present,
    Past,
    Future,
    Conditional,
    Subjunctive,
    PresentParticiple,
    PastParticiple,
    Noun,
    Fixed,
}

impl Form {
    fn from_code(s: &str) -> Option<Self> {
        Some(match s {
            "inf" => Self::Infinitive,
            "pres" => Self::Present,
            "imp" | "ps" => Self::Past,
            "fut" => Self::Future,
            "cond" => Self::Conditional,
            "subj" => Self::Subjunctive,
            "ppr" => Self::PresentParticiple,
            "pp" => Self::PastParticiple,
            _ => return None,
        })
    }

    /// The tense code status cues name (`tense:fut`).
    pub fn tense_code(self) -> &'static str {
        match self {
            Self::Infinitive => "inf",
            Self::Present => "pres",
            Self::Past => "past",
            Self::Future => "fut",
            Self::Conditional => "cond",
            Self::Subjunctive => "subj",
            Self::PresentParticiple => "ppr",
            Self::PastParticiple => "pp",
            Self::Noun => "noun",
            Self::Fixed => "fixed",
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Class {
    suffix: String,
    endings: Vec<(Form, Vec<String>)>,
}

/// French conjugation classes and English irregular verbs.
#[derive(Debug, Clone, Default)]
pub struct Inflector {
    fr: HashMap<String, Class>,
    en: HashMap<String, [Vec<String>; 4]>,
}

const FR: &str = "events/fr-conjugation.tsv";
const EN: &str = "events/en-irregular.tsv";

fn alternatives(s: &str) -> Vec<String> {
    s.split('/')
        .map(|x| {
            if x == "0" {
                String::new()
            } else {
                x.trim().to_string()
            }
        })
        .collect()
}

impl Inflector {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut fr: HashMap<String, Class> = HashMap::new();
        match src.table(FR) {
            Err(e) => errors.push(e),
            Ok(t) => Self::load_fr(&t, &mut fr, &mut errors),
        }
        let mut en = HashMap::new();
        match src.table(EN) {
            Err(e) => errors.push(e),
            Ok(t) => {
                let cols: Result<Vec<usize>, _> =
                    t.cols(&["lemma", "third", "past", "participle", "ing"]);
                match cols {
                    Err(e) => errors.push(e),
                    Ok(c) => {
                        for r in &t.rows {
                            if c.iter().any(|&i| r.get(i).is_empty()) {
                                errors.push(t.error(r, "every column is required"));
                                continue;
                            }
                            en.insert(
                                r.get(c[0]).to_string(),
                                [
                                    alternatives(r.get(c[1])),
                                    alternatives(r.get(c[2])),
                                    alternatives(r.get(c[3])),
                                    alternatives(r.get(c[4])),
                                ],
                            );
                        }
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(Self { fr, en })
        } else {
            Err(errors)
        }
    }

    fn load_fr(t: &Table, fr: &mut HashMap<String, Class>, errors: &mut Vec<LexiconError>) {
        let cols: Result<Vec<usize>, _> = t.cols(&["class", "suffix", "tense", "endings"]);
        let c = match cols {
            Ok(c) => c,
            Err(e) => return errors.push(e),
        };
        for r in &t.rows {
            let Some(form) = Form::from_code(r.get(c[2])) else {
                errors.push(t.error(r, format!("unknown tense `{}`", r.get(c[2]))));
                continue;
            };
            let want = match form {
                Form::Infinitive | Form::PresentParticiple => 1,
                Form::PastParticiple => 4,
                _ => 6,
            };
            let endings: Vec<&str> = r.get(c[3]).split(',').collect();
            if endings.len() != want {
                errors.push(t.error(r, format!("{} endings, tense needs {want}", endings.len())));
                continue;
            }
            let class = fr.entry(r.get(c[0]).to_string()).or_default();
            let suffix = r.get(c[1]);
            if !class.suffix.is_empty() && class.suffix != suffix {
                errors.push(t.error(r, "suffix differs from the class's other rows"));
                continue;
            }
            class.suffix = suffix.to_string();
            let all = endings.iter().flat_map(|e| alternatives(e)).collect();
            class.endings.push((form, all));
        }
    }

    /// Every form of a French verb of `class`, or `None` when the class is unknown or the
    /// lemma does not end in the class's suffix.
    pub fn french(&self, lemma: &str, class: &str) -> Option<Vec<(String, Form)>> {
        let c = self.fr.get(class)?;
        let stem = lemma.strip_suffix(c.suffix.as_str())?;
        let mut out = Vec::new();
        for (form, endings) in &c.endings {
            for e in endings {
                let f = format!("{stem}{e}");
                if !out.iter().any(|(x, y)| *x == f && y == form) {
                    out.push((f, *form));
                }
            }
        }
        Some(out)
    }

    /// Every form of an English verb: the irregular table, else the regular rules.
    pub fn english(&self, lemma: &str) -> Vec<(String, Form)> {
        let mut out = vec![(lemma.to_string(), Form::Present)];
        if let Some([third, past, pp, ing]) = self.en.get(lemma) {
            out.extend(third.iter().map(|f| (f.clone(), Form::Present)));
            out.extend(past.iter().map(|f| (f.clone(), Form::Past)));
            out.extend(pp.iter().map(|f| (f.clone(), Form::PastParticiple)));
            out.extend(ing.iter().map(|f| (f.clone(), Form::PresentParticiple)));
            return out;
        }
        let b = lemma.as_bytes();
        let last = b.last().copied().unwrap_or(b'x');
        let before = if b.len() >= 2 { b[b.len() - 2] } else { b'x' };
        let vowel = |c: u8| b"aeiou".contains(&c);
        let third = if last == b'y' && !vowel(before) {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else if lemma.ends_with('s')
            || lemma.ends_with('x')
            || lemma.ends_with('z')
            || lemma.ends_with("sh")
            || lemma.ends_with("ch")
            || lemma.ends_with('o')
        {
            format!("{lemma}es")
        } else {
            format!("{lemma}s")
        };
        let past = if last == b'e' {
            format!("{lemma}d")
        } else if last == b'y' && !vowel(before) {
            format!("{}ied", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}ed")
        };
        let ing = if last == b'e' && !lemma.ends_with("ee") {
            format!("{}ing", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}ing")
        };
        out.push((third, Form::Present));
        out.push((past.clone(), Form::Past));
        out.push((past, Form::PastParticiple));
        out.push((ing, Form::PresentParticiple));
        out
    }
}

/// The plural of a noun: `s` added unless it already ends in s, x or z (French and English);
/// English -y after a consonant gives -ies.
pub fn plural(noun: &str, lang: &str) -> String {
    let b = noun.as_bytes();
    match b.last() {
        Some(b's' | b'x' | b'z') => noun.to_string(),
        Some(b'y') if lang == "en" && b.len() >= 2 && !b"aeiou".contains(&b[b.len() - 2]) => {
            format!("{}ies", &noun[..noun.len() - 1])
        }
        _ => format!("{noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inf() -> Inflector {
        Inflector::load(&Sources::builtin()).unwrap()
    }

    fn has(forms: &[(String, Form)], f: &str, form: Form) -> bool {
        forms.iter().any(|(x, y)| x == f && *y == form)
    }

    #[test]
    fn french_verbs_conjugate_in_every_tense_and_person() {
        let i = inf();
        let m = i.french("menacer", "er").unwrap();
        for (f, t) in [
            ("menace", Form::Present),
            ("menacent", Form::Present),
            ("menaçons", Form::Present),
            ("menaçait", Form::Past),
            ("menacèrent", Form::Past),
            ("menacera", Form::Future),
            ("menaceraient", Form::Conditional),
            ("menacé", Form::PastParticiple),
            ("menacées", Form::PastParticiple),
            ("menaçant", Form::PresentParticiple),
        ] {
            // accents are folded away at matching time; the generated form keeps the class's
            // endings on the plain stem
            let want = crate::normalize::fold(f);
            assert!(
                m.iter()
                    .any(|(x, y)| crate::normalize::fold(x) == want && *y == t),
                "{f}"
            );
        }
        let s = i.french("soutenir", "tenir").unwrap();
        assert!(has(&s, "soutiennent", Form::Present));
        assert!(has(&s, "soutiendra", Form::Future));
        assert!(has(&s, "soutenu", Form::PastParticiple));
        let r = i.french("rejeter", "eter").unwrap();
        assert!(has(&r, "rejette", Form::Present));
        assert!(has(&r, "rejetons", Form::Present));
        let d = i.french("interdire", "dire").unwrap();
        assert!(has(&d, "interdisez", Form::Present));
        assert!(has(&d, "interdit", Form::PastParticiple));
        let a = i.french("abattre", "battre").unwrap();
        assert!(has(&a, "abattu", Form::PastParticiple));
        assert!(has(&a, "abat", Form::Present));
        let e = i.french("exiger", "ger").unwrap();
        assert!(has(&e, "exigeons", Form::Present));
        assert!(has(
            &i.french("déployer", "yer").unwrap(),
            "déploient",
            Form::Present
        ));
        assert!(has(
            &i.french("conclure", "clure").unwrap(),
            "conclu",
            Form::PastParticiple
        ));
        assert!(has(
            &i.french("détruire", "uire").unwrap(),
            "détruit",
            Form::PastParticiple
        ));
        assert!(has(
            &i.french("recevoir", "cevoir").unwrap(),
            "reçu",
            Form::PastParticiple
        ));
        assert!(i.french("menacer", "ir").is_none());
        assert!(i.french("menacer", "nope").is_none());
    }

    #[test]
    fn english_verbs_regular_and_irregular() {
        let i = inf();
        let k = i.english("kill");
        assert!(has(&k, "kills", Form::Present));
        assert!(has(&k, "killed", Form::PastParticiple));
        assert!(has(&k, "killing", Form::PresentParticiple));
        let a = i.english("accuse");
        assert!(has(&a, "accused", Form::Past));
        assert!(has(&a, "accusing", Form::PresentParticiple));
        let c = i.english("deny");
        assert!(has(&c, "denies", Form::Present));
        assert!(has(&c, "denied", Form::Past));
        assert!(has(&i.english("reach"), "reaches", Form::Present));
        let m = i.english("meet");
        assert!(has(&m, "met", Form::Past));
        let s = i.english("strike");
        assert!(has(&s, "struck", Form::Past));
        assert!(has(&s, "stricken", Form::PastParticiple));
        assert!(has(&i.english("ban"), "banned", Form::Past));
    }

    #[test]
    fn noun_plurals() {
        assert_eq!(plural("frappe", "fr"), "frappes");
        assert_eq!(plural("refus", "fr"), "refus");
        assert_eq!(plural("treaty", "en"), "treaties");
        assert_eq!(plural("attack", "en"), "attacks");
    }

    #[test]
    fn a_wrong_number_of_endings_is_reported_with_its_line() {
        let mut s = Sources::builtin();
        s.insert(
            FR,
            b"class\tsuffix\ttense\tendings\ner\ter\tpres\te,es\n".to_vec(),
        );
        let e = Inflector::load(&s).unwrap_err();
        assert_eq!((e[0].file.as_str(), e[0].line), (FR, 2));
    }
}
