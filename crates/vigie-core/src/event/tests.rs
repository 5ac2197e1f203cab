//! Event coding tests on sentences written for them: every trigger entry's example, French
//! conjugations, passive voice, nominal events, reported speech, each status, merging.

use super::*;
use crate::doc::{Actor, Entity, EntityType};
use crate::lexicon::Sources;

pub(super) fn lex() -> &'static EventLexicon {
    static LEX: std::sync::OnceLock<EventLexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| EventLexicon::load(&Sources::builtin()).expect("builtin event lexicon"))
}

fn seg() -> &'static crate::segment::SegmentLexicon {
    static SEG: std::sync::OnceLock<crate::segment::SegmentLexicon> = std::sync::OnceLock::new();
    SEG.get_or_init(|| crate::segment::SegmentLexicon::load(&Sources::builtin()).expect("segment"))
}

/// A document with actors at the given phrases: `(phrase, code, nominal)`.
pub(super) fn doc(lang: &str, text: &str, actors: &[(&str, &str, bool)]) -> Doc {
    let mut d = Doc::new("t", text);
    d.lang = lang.into();
    crate::segment::segment(&mut d, seg());
    for (p, code, nominal) in actors {
        let mut from = 0;
        while let Some(i) = text[from..].find(p) {
            let s = from + i;
            d.entities.push(Entity {
                span: Span::new(s, s + p.len()),
                etype: EntityType::LOC,
                actor: Some(Actor {
                    code: (*code).to_string(),
                    country: Some(code[..3].to_string()),
                    role: None,
                    name: None,
                }),
                rule: "test".into(),
                nominal: *nominal,
            });
            from = s + p.len();
        }
    }
    d.entities.sort_by_key(|e| e.span.start);
    let quotes = crate::quote::QuoteLexicon::load(&Sources::builtin()).expect("quote lexicon");
    d.quotes = crate::quote::tag(&d, &quotes, lex());
    d
}

pub(super) fn key(e: &Event) -> (String, Option<String>, Option<String>, Status) {
    let p = |a: &Option<crate::doc::Argument>| {
        a.as_ref()
            .and_then(|x| x.actor.as_ref())
            .map(|x| x.code[..3].to_string())
    };
    (e.plover.to_string(), p(&e.source), p(&e.target), e.status)
}

pub(super) fn keys(
    lang: &str,
    text: &str,
    actors: &[(&str, &str, bool)],
) -> Vec<(String, Option<String>, Option<String>, Status)> {
    code(&doc(lang, text, actors), lex())
        .iter()
        .map(key)
        .collect()
}

pub(super) fn k(
    p: &str,
    s: Option<&str>,
    t: Option<&str>,
    st: Status,
) -> (String, Option<String>, Option<String>, Status) {
    (p.into(), s.map(Into::into), t.map(Into::into), st)
}

#[test]
fn every_trigger_example_fires_its_entry_with_the_bracketed_span() {
    let mut failures = Vec::new();
    for (lang, tr) in [("fr", &lex().fr), ("en", &lex().en)] {
        for e in &tr.entries {
            let raw = &e.example;
            let (Some(a), Some(b)) = (raw.find('['), raw.find(']')) else {
                failures.push(format!("{}: no [trigger] in example", e.at));
                continue;
            };
            let text = raw.replace(['[', ']'], "");
            let want = Span::new(a, b - 1);
            let d = doc(lang, &text, &[]);
            let evs = detect(&d, lex());
            if e.pos == trigger::Pos::Stop {
                // a stop phrase keeps every trigger inside it from firing
                if let Some(ev) = evs.iter().find(|ev| ev.trigger.overlaps(want)) {
                    failures.push(format!(
                        "{}: stop phrase fired {:?}",
                        e.at,
                        d.slice(ev.trigger)
                    ));
                }
                continue;
            }
            let hit = evs.iter().any(|ev| {
                ev.explain.trigger_entry.starts_with(&format!("{} ", e.at)) && ev.trigger == want
            });
            if !hit {
                let got: Vec<_> = evs
                    .iter()
                    .map(|ev| {
                        (
                            d.slice(ev.trigger).to_string(),
                            ev.explain.trigger_entry.clone(),
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{}: « {} » wanted « {} », got {:?}",
                    e.at,
                    text,
                    &text[want.start..want.end],
                    got
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn french_compound_tenses_and_reflexives() {
    let d = doc("fr", "Les ministres se sont réunis à Rome.", &[]);
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "se sont réunis");
    assert_eq!(e[0].plover, "CONSULT");
    assert_eq!(
        keys(
            "fr",
            "La Russie menaçait l'Ukraine.",
            &[("La Russie", "RUS", false), ("l'Ukraine", "UKR", false)]
        ),
        [k("THREATEN", Some("RUS"), Some("UKR"), Status::Actual)]
    );
}

#[test]
fn french_passive_with_par() {
    assert_eq!(
        keys(
            "fr",
            "Deux soldats maliens ont été tués par les jihadistes.",
            &[("maliens", "MLI", true), ("jihadistes", "IMGREB", true)]
        ),
        [k("ASSAULT", Some("IMG"), Some("MLI"), Status::Actual)]
    );
}

#[test]
fn english_passive_with_by() {
    assert_eq!(
        keys(
            "en",
            "The embassy was attacked by Iranian militias.",
            &[("Iranian", "IRN", true), ("embassy", "USAGOV", true)]
        ),
        [k("ASSAULT", Some("IRN"), Some("USA"), Status::Actual)]
    );
}

#[test]
fn nominal_events_with_adjective_and_complement() {
    assert_eq!(
        keys(
            "fr",
            "Des frappes russes ont visé la ville.",
            &[("russes", "RUS", true)]
        ),
        [k("ASSAULT", Some("RUS"), None, Status::Actual)]
    );
    assert_eq!(
        keys(
            "fr",
            "Les attaques contre les centrales ukrainiennes se multiplient.",
            &[("ukrainiennes", "UKR", true)]
        ),
        [k("ASSAULT", None, Some("UKR"), Status::Actual)]
    );
    assert_eq!(
        keys(
            "en",
            "Russia's attack on Georgia shocked Europe.",
            &[
                ("Russia", "RUS", false),
                ("Georgia", "GEO", false),
                ("Europe", "EUR", false)
            ]
        ),
        [k("ASSAULT", Some("RUS"), Some("GEO"), Status::Actual)]
    );
}

#[test]
fn reported_speech_codes_the_reported_event() {
    assert_eq!(
        keys(
            "fr",
            "Le Tchad a déclaré que le Soudan a attaqué le Niger.",
            &[
                ("Le Tchad", "TCD", false),
                ("le Soudan", "SDN", false),
                ("le Niger", "NER", false)
            ]
        ),
        [k("ASSAULT", Some("SDN"), Some("NER"), Status::Actual)]
    );
    assert_eq!(
        keys(
            "fr",
            "Le Brésil a qualifié les propos de l'Argentine de « mensongers ».",
            &[("Le Brésil", "BRA", false), ("l'Argentine", "ARG", false)]
        ),
        [k("ACCUSE", Some("BRA"), Some("ARG"), Status::Actual)]
    );
}

#[test]
fn forecasts_are_hypothetical() {
    let b = [("Chile", "CHL", false), ("Peru", "PER", false)];
    for text in [
        "Chile is likely to sanction Peru.",
        "Chile is unlikely to sanction Peru.",
        "Chile will probably sanction Peru.",
        "Chile will perhaps sanction Peru.",
        "Chile will possibly sanction Peru.",
    ] {
        assert_eq!(
            keys("en", text, &b).first().map(|x| x.3),
            Some(Status::Hypothetical),
            "{text}"
        );
    }
    let a = [("La Chine", "CHN", false), ("le Japon", "JPN", false)];
    for text in [
        "La Chine va probablement attaquer le Japon.",
        "La Chine va peut-être attaquer le Japon.",
        "La Chine attaquera sans doute le Japon.",
        "La Chine attaquera probablement le Japon.",
        "La Chine attaquera peut-être le Japon.",
    ] {
        assert_eq!(
            keys("fr", text, &a).first().map(|x| x.3),
            Some(Status::Hypothetical),
            "{text}"
        );
    }
}

#[test]
fn each_status() {
    let a = [("La Chine", "CHN", false), ("le Japon", "JPN", false)];
    assert_eq!(
        keys("fr", "La Chine va attaquer le Japon.", &a)[0].3,
        Status::Intended
    );
    assert_eq!(
        keys("fr", "La Chine attaquera le Japon.", &a)[0].3,
        Status::Intended
    );
    assert_eq!(
        keys("fr", "La Chine n'a pas attaqué le Japon.", &a)[0].3,
        Status::Negated
    );
    assert_eq!(
        keys("fr", "La Chine pourrait attaquer le Japon.", &a)[0].3,
        Status::Hypothetical
    );
    assert_eq!(
        keys("fr", "La Chine attaquerait le Japon.", &a)[0].3,
        Status::Hypothetical
    );
    assert_eq!(
        keys("fr", "La Chine a attaqué le Japon.", &a)[0].3,
        Status::Actual
    );
    let b = [("Chile", "CHL", false), ("Peru", "PER", false)];
    assert_eq!(
        keys("en", "Chile will sanction Peru.", &b)[0].3,
        Status::Intended
    );
    assert_eq!(
        keys("en", "Chile did not sanction Peru.", &b)[0].3,
        Status::Negated
    );
    assert_eq!(
        keys("en", "Chile could sanction Peru.", &b)[0].3,
        Status::Hypothetical
    );
    assert_eq!(
        keys("en", "Chile sanctioned Peru.", &b)[0],
        k("SANCTION", Some("CHL"), Some("PER"), Status::Actual)
    );
}

#[test]
fn mentions_of_one_happening_merge() {
    let text = "La Norvège et la Suède ont signé un accord à Oslo. L'accord signé lors de cette rencontre est historique.";
    let d = doc(
        "fr",
        text,
        &[("La Norvège", "NOR", false), ("la Suède", "SWE", false)],
    );
    let e = code(&d, lex());
    let support: Vec<_> = e.iter().filter(|x| x.plover == "SUPPORT").collect();
    assert_eq!(support.len(), 1, "{e:?}");
    assert!(support[0].mentions.len() >= 2);
}

#[test]
fn adverbs_between_auxiliary_and_verb() {
    let a = [("Le Mali", "MLI", false), ("la France", "FRA", false)];
    let d = doc("fr", "Le Mali a clairement condamné la France.", &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "condamné");
    assert_eq!(
        key(&e[0]),
        k("ACCUSE", Some("MLI"), Some("FRA"), Status::Actual)
    );
}

#[test]
fn events_without_any_actor_are_not_coded() {
    let d = doc("fr", "Un cessez-le-feu est attendu.", &[]);
    assert_eq!(detect(&d, lex()).len(), 1);
    assert!(code(&d, lex()).is_empty());
}

#[test]
fn nouns_inside_a_quoted_label_are_not_triggers() {
    let a = [("Le Mali", "MLI", false)];
    assert!(keys("fr", "Le Mali parle d'un « axe des attaques ».", &a).is_empty());
}

#[test]
fn boilerplate_is_skipped() {
    let text = "Lire aussi : la Chine menace le Japon";
    let mut d = doc("fr", text, &[]);
    d.boilerplate = vec![Span::new(0, text.len())];
    assert!(code(&d, lex()).is_empty());
}

#[test]
fn statements_take_the_publication_date() {
    let mut d = doc(
        "en",
        "Chile condemned Peru.",
        &[("Chile", "CHL", false), ("Peru", "PER", false)],
    );
    d.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1);
    let e = code(&d, lex());
    assert_eq!(e[0].date.as_deref(), Some("2024-03-01"));
    assert_eq!(e[0].date_basis, Some(crate::doc::DateBasis::Publication));
    let mut d = doc(
        "en",
        "Chile shelled Peru.",
        &[("Chile", "CHL", false), ("Peru", "PER", false)],
    );
    d.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1);
    assert_eq!(code(&d, lex())[0].date, None);
}

#[test]
fn the_subject_of_a_that_clause_is_the_target_of_a_demand() {
    let a = [
        ("Norway", "NOR", false),
        ("Iran", "IRN", false),
        ("Iraq", "IRQ", false),
    ];
    assert_eq!(
        keys("en", "Norway demanded that Iran free the sailors.", &a)[0],
        k("REQUEST", Some("NOR"), Some("IRN"), Status::Actual)
    );
    let b = [("Le Gabon", "GAB", false), ("le Congo", "COG", false)];
    assert_eq!(
        keys("fr", "Le Gabon exige que le Congo retire ses soldats.", &b)[0],
        k("REQUEST", Some("GAB"), Some("COG"), Status::Actual)
    );
}

#[test]
fn accents_tell_a_present_from_a_participle() {
    let a = [("Le Gabon", "GAB", false), ("le Congo", "COG", false)];
    assert_eq!(
        keys(
            "fr",
            "Le Gabon exige des excuses du Congo.",
            &[("Le Gabon", "GAB", false)]
        )[0]
        .1
        .as_deref(),
        Some("GAB")
    );
    assert_eq!(
        keys("fr", "Le Gabon accuse le Congo.", &a)[0],
        k("ACCUSE", Some("GAB"), Some("COG"), Status::Actual)
    );
}

#[test]
fn a_pronominal_use_is_another_verb() {
    let a = [
        ("Le suspect", "FRACRM", false),
        ("la police", "FRACOP", false),
    ];
    // « se livrer » (to surrender) is not « livrer » (to deliver)
    assert!(keys("fr", "Le suspect s'est livré à la police.", &a).is_empty());
    let b = [("La Grèce", "GRC", false), ("la Turquie", "TUR", false)];
    assert_eq!(
        keys(
            "fr",
            "La Grèce et la Turquie se sont rencontrées à Genève.",
            &b
        )[0]
        .0,
        "CONSULT"
    );
}

#[test]
fn a_gerund_keeps_its_subject() {
    let a = [("Les Européens", "EUR", true)];
    assert_eq!(
        keys(
            "fr",
            "Les Européens, en signant l'accord, ont fait un choix.",
            &a
        )[0],
        k("SUPPORT", Some("EUR"), None, Status::Actual)
    );
}

#[test]
fn an_english_participle_after_a_determiner_is_an_adjective() {
    let a = [
        ("Israeli", "ISR", true),
        ("the occupied territories", "PSE", false),
    ];
    assert!(keys(
        "en",
        "Israeli troops patrolled the occupied territories.",
        &a
    )
    .is_empty());
}

#[test]
fn a_french_infinitive_is_not_reported_as_done() {
    let a = [("Le Chili", "CHL", false), ("le Pérou", "PER", false)];
    assert_eq!(
        keys("fr", "Le Chili veut sanctionner le Pérou.", &a)[0].3,
        Status::Intended
    );
    assert_eq!(
        keys("fr", "Le Chili doit sanctionner le Pérou.", &a)[0].3,
        Status::Intended
    );
}

#[test]
fn a_reported_obligation_is_a_demand() {
    let a = [("Russia", "RUS", false), ("Sudan", "SDN", false)];
    assert_eq!(
        keys(
            "en",
            "Russia said on Tuesday that Sudan must return the aircraft.",
            &a
        ),
        [k("REQUEST", Some("RUS"), Some("SDN"), Status::Actual)]
    );
    // no reporter: a plain obligation is not coded
    assert!(keys("en", "Sudan must return the aircraft.", &a).is_empty());
    let b = [("Le Pérou", "PER", false), ("le Chili", "CHL", false)];
    assert_eq!(
        keys("fr", "Le Pérou estime que le Chili doit payer.", &b),
        [k("REQUEST", Some("PER"), Some("CHL"), Status::Actual)]
    );
}

#[test]
fn a_coordinated_subject_gives_the_target() {
    let a = [("Le Chili", "CHL", false), ("le Pérou", "PER", false)];
    assert_eq!(
        keys("fr", "Le Chili et le Pérou se sont rencontrés à Lima.", &a),
        [k("CONSULT", Some("PER"), Some("CHL"), Status::Actual)]
    );
    let b = [("Chile", "CHL", false), ("Peru", "PER", false)];
    assert_eq!(
        keys("en", "Chile and Peru clashed at the border.", &b),
        [k("ASSAULT", Some("PER"), Some("CHL"), Status::Actual)]
    );
}
