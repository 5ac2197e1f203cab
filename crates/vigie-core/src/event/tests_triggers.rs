//! Trigger types, word senses and the protest-at-home rule, on sentences written for them,
//! French and English, with the exact trigger span of every event found.

use super::tests::{doc, k, key, keys, lex};
use super::*;
use crate::doc::Status::Actual;

/// (trigger text, CAMEO code) of each event detected in `text`.
fn triggers(lang: &str, text: &str, actors: &[(&str, &str, bool)]) -> Vec<(String, String)> {
    let d = doc(lang, text, actors);
    detect(&d, lex())
        .iter()
        .map(|e| (d.slice(e.trigger).to_string(), e.cameo.clone()))
        .collect()
}

fn t(text: &str, cameo: &str) -> (String, String) {
    (text.into(), cameo.into())
}

#[test]
fn stepping_down_is_a_retreat() {
    let a = [("Chile", "CHL", false), ("chilien", "CHL", true)];
    let d = doc(
        "en",
        "The defence minister of Chile resigned on Monday.",
        &a,
    );
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "resigned");
    assert_eq!((e[0].plover, e[0].cameo.as_str()), ("RETREAT", "0831"));
    let d = doc("fr", "Le ministre chilien a démissionné lundi soir.", &a);
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "a démissionné");
    assert_eq!(e[0].plover, "RETREAT");
    let d = doc("fr", "La démission du ministre chilien surprend.", &a);
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "démission");
    assert_eq!(e[0].plover, "RETREAT");
}

#[test]
fn withholding_aid_is_a_sanction() {
    let a = [("Chile", "CHL", false), ("Bolivia", "BOL", false)];
    let text = "Chile withheld aid to Bolivia.";
    assert_eq!(triggers("en", text, &a)[0], t("withheld", "160"));
    assert_eq!(
        keys("en", text, &a),
        [k("SANCTION", Some("CHL"), Some("BOL"), Actual)]
    );
    let d = doc(
        "en",
        "Chile has been withholding military aid from Bolivia.",
        &a,
    );
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "has been withholding");
    assert_eq!((e[0].plover, e[0].cameo.as_str()), ("SANCTION", "162"));
    // the noun after a verb is the noun: « suspended aid to » suspends aid
    let text = "Chile suspended aid to Bolivia.";
    assert_eq!(
        keys("en", text, &a),
        [k("SANCTION", Some("CHL"), Some("BOL"), Actual)]
    );
}

#[test]
fn asylum_granted_with_its_kind() {
    let a = [
        ("Chile", "CHL", false),
        ("Bolivian officers", "BOLMIL", true),
    ];
    for (text, trigger) in [
        (
            "Chile granted political asylum to Bolivian officers.",
            "granted political asylum",
        ),
        (
            "Chile has granted diplomatic asylum to Bolivian officers.",
            "has granted diplomatic asylum",
        ),
    ] {
        assert_eq!(triggers("en", text, &a), [t(trigger, "075")], "{text}");
        assert_eq!(
            keys("en", text, &a),
            [k("AID", Some("CHL"), Some("BOL"), Actual)],
            "{text}"
        );
    }
}

#[test]
fn word_senses_that_name_no_happening() {
    let a = [
        ("Chile", "CHL", false),
        ("Peru", "PER", false),
        ("Peruvian", "PER", true),
        ("Chili", "CHL", false),
        ("péruvien", "PER", true),
    ];
    for (lang, text) in [
        ("en", "The governor of Chile abused his office for years."),
        (
            "en",
            "Peruvian observers condemned human rights abuses in Chile.",
        ),
        ("en", "New evidence supported the claims of Peru."),
        ("en", "Chile accepted responsibility for the shooting."),
        (
            "en",
            "The treaty seeks to end the dispute between Chile and Peru.",
        ),
        ("en", "Chile defended its decision on Monday."),
        (
            "en",
            "Peru called the floods an existential threat to Chile.",
        ),
        ("en", "A letter handed over to Peru lists the demands."),
        ("en", "Chile handed over a letter to Peru."),
        ("en", "The party of Chile mobilized voters before the vote."),
        ("en", "Chile denied that its troops crossed into Peru."),
        ("en", "Chile denied any involvement in the attack on Peru."),
        ("en", "Chile came under pressure from Peru."),
        ("en", "Chile will host the tournament in Peru."),
        ("en", "Youths in Chile threw petrol bombs."),
        ("en", "Ceasefire monitors from Peru reached Chile."),
        ("fr", "Le parti du Chili a mobilisé ses électeurs."),
        (
            "fr",
            "Le candidat du Chili devrait enlever quasiment tous les sièges.",
        ),
        (
            "fr",
            "Le ministre du Chili a remis sa démission au président.",
        ),
        (
            "fr",
            "Le Chili a démenti avoir envoyé des troupes au Pérou.",
        ),
        ("fr", "Le Chili nie toute implication dans l'attaque."),
        (
            "fr",
            "Des pêcheurs péruviens se voient refuser l'accès au port du Chili.",
        ),
    ] {
        let d = doc(lang, text, &a);
        let found: Vec<_> = detect(&d, lex())
            .iter()
            .map(|e| d.slice(e.trigger).to_string())
            .collect();
        let cancelled = [
            "abused",
            "abuses",
            "supported",
            "accepted",
            "seeks",
            "defended",
            "threat",
            "handed over",
            "mobilized",
            "denied",
            "pressure",
            "host",
            "bombs",
            "Ceasefire",
            "a mobilisé",
            "enlever",
            "a remis",
            "a démenti",
            "nie",
            "refuser",
        ];
        assert!(
            !found.iter().any(|f| cancelled.contains(&f.as_str())),
            "{text}: {found:?}"
        );
    }
    // the same words in their event sense still fire, with their spans
    assert_eq!(
        triggers("en", "Guards abused the Peruvian detainees.", &a),
        [t("abused", "182")]
    );
    assert_eq!(
        triggers("en", "Chile handed over medicine to Peru.", &a),
        [t("handed over", "070")]
    );
    assert_eq!(
        triggers("en", "Chile denied the request of Peru.", &a)[0],
        t("denied", "120")
    );
    assert_eq!(
        triggers("en", "Chile hosted the president of Peru.", &a),
        [t("hosted", "043")]
    );
    assert_eq!(
        triggers("en", "Chile pressured Peru to act.", &a),
        [t("pressured", "020")]
    );
    assert_eq!(
        triggers("en", "Chile mobilized reservists against Peru.", &a),
        [t("mobilized", "154")]
    );
    assert_eq!(
        triggers(
            "fr",
            "Des hommes armés ont enlevé deux Péruviens au Chili.",
            &a
        )[0],
        t("ont enlevé", "181")
    );
    assert_eq!(
        triggers(
            "fr",
            "Le Chili a refusé l'accès au port aux pêcheurs péruviens.",
            &a
        )[0],
        t("a refusé", "120")
    );
}

#[test]
fn a_protest_with_no_target_is_made_to_the_protesters_own_state() {
    let a = [("Young Chileans", "CHL", true), ("Peru", "PER", false)];
    let text = "Young Chileans blocked roads on Sunday.";
    let d = doc("en", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "blocked");
    assert_eq!(e[0].plover, "PROTEST");
    let target = e[0].target.as_ref().expect("a target");
    assert_eq!(d.slice(target.span), "Young Chileans");
    assert_eq!(target.rule, "own-state");
    assert_eq!(
        keys("en", text, &a),
        [k("PROTEST", Some("CHL"), Some("CHL"), Actual)]
    );
    // a target named in the text stays
    let text = "Young Chileans protested against Peru.";
    assert_eq!(
        keys("en", text, &a),
        [k("PROTEST", Some("CHL"), Some("PER"), Actual)]
    );
    // an attack names no victim by its doer's nationality
    let a = [("Chilean troops", "CHLMIL", true)];
    assert_eq!(
        keys("en", "Chilean troops attacked at dawn.", &a),
        [k("ASSAULT", Some("CHL"), None, Actual)]
    );
    let a = [("Des enseignants chiliens", "CHL", true)];
    assert_eq!(
        keys("fr", "Des enseignants chiliens ont manifesté mardi.", &a),
        [k("PROTEST", Some("CHL"), Some("CHL"), Actual)]
    );
}

#[test]
fn a_participle_before_its_agent_is_a_reduced_passive() {
    let a = [("Peru", "PER", false), ("Chilean", "CHL", true)];
    // "backed by Peru": Peru backs the rebels, not the rebels Peru
    let d = doc("en", "The Chilean rebels, backed by Peru, advanced.", &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "backed");
    let src = e[0].source.as_ref().map(|x| d.slice(x.span));
    let tgt = e[0].target.as_ref().map(|x| d.slice(x.span));
    assert_eq!((src, tgt), (Some("Peru"), Some("Chilean")));
    // "by" and a gerund is a means: the subject still acts
    let d = doc("en", "Peru responded by attacking the Chilean rebels.", &a);
    let e = code(&d, lex());
    let backed: Vec<_> = e.iter().map(|x| d.slice(x.trigger)).collect();
    assert!(!backed.contains(&"responded"), "{backed:?}");
}

#[test]
fn a_sense_is_read_past_a_possessive_name_and_a_quantifier() {
    let a = [("Peru", "PER", false), ("Chile", "CHL", false)];
    // "defending Hong Kong's way of life" defends a value, not an actor
    let d = doc("en", "Peru is defending Santa Cruz's way of life.", &a);
    let found: Vec<_> = detect(&d, lex())
        .iter()
        .map(|e| d.slice(e.trigger).to_string())
        .collect();
    assert!(found.is_empty(), "{found:?}");
    // the same verb with a possessive actor after it keeps its sense
    assert_eq!(
        triggers("en", "Peru is defending Chile's army.", &a),
        [t("is defending", "052")]
    );
    // "abuse of his office" is misconduct; "abuse of prisoners" an assault
    let d = doc(
        "en",
        "Peru denounced the abuse of his office by the mayor of Chile.",
        &a,
    );
    let found: Vec<_> = detect(&d, lex())
        .iter()
        .map(|e| d.slice(e.trigger).to_string())
        .collect();
    assert_eq!(found, ["denounced"]);
    // « enlever tous les autres États » wins states in an election
    let d = doc(
        "fr",
        "Le Pérou va enlever tous les autres États du Chili.",
        &a,
    );
    let found: Vec<_> = detect(&d, lex())
        .iter()
        .map(|e| d.slice(e.trigger).to_string())
        .collect();
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(
        triggers(
            "fr",
            "Le Pérou va enlever tous les autres otages du Chili.",
            &a
        ),
        [t("enlever", "181")]
    );
}

#[test]
fn phone_talks_tear_gas_and_booing_in_both_languages() {
    let b = [("Peru", "PER", false), ("Chilean", "CHL", true)];
    let a = [
        ("Peru", "PER", false),
        ("Chile", "CHL", false),
        ("Pérou", "PER", false),
        ("Chili", "CHL", false),
    ];
    assert_eq!(
        triggers(
            "en",
            "The president of Peru has spoken by telephone with Chile.",
            &a
        ),
        [t("has spoken by telephone", "041")]
    );
    assert_eq!(
        keys(
            "en",
            "Police in Peru fired tear gas at Chilean students.",
            &b
        ),
        [k("ASSAULT", Some("PER"), Some("CHL"), Actual)]
    );
    assert_eq!(
        triggers(
            "fr",
            "La police du Pérou tirait des gaz lacrymogènes sur les élus du Chili.",
            &a
        ),
        [t("tirait des gaz lacrymogènes", "175")]
    );
    assert_eq!(
        triggers(
            "fr",
            "Les habitants du Pérou ont conspué le ministre du Chili.",
            &a
        ),
        [t("ont conspué", "140")]
    );
    assert_eq!(
        triggers("en", "Crowds in Peru were booing the envoy of Chile.", &a),
        [t("were booing", "140")]
    );
    assert_eq!(
        triggers(
            "en",
            "The consul of Chile was placed under investigation in Peru.",
            &a
        ),
        [t("was placed under investigation", "090")]
    );
}

#[test]
fn a_modal_governs_a_base_form_and_future_an_adjacent_trigger() {
    let a = [("Chile", "CHL", false), ("Peru", "PER", false)];
    // the seizure happened last year; only the return is intended
    let d = doc(
        "en",
        "Chile will return the boats seized by Peru last year.",
        &a,
    );
    let e = detect(&d, lex());
    let seized = e.iter().find(|x| d.slice(x.trigger) == "seized");
    assert_eq!(seized.map(|x| x.status), Some(Actual), "{e:?}");
    // a modal with its auxiliary still governs the participle
    let d = doc("en", "Chile would have seized the boats of Peru.", &a);
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "would have seized");
    assert_eq!(e[0].status, crate::doc::Status::Hypothetical);
    // « futur » on the trigger marks intent; « du futur » elsewhere in the clause does not
    let b = [("Chili", "CHL", false), ("Pérou", "PER", false)];
    let d = doc(
        "fr",
        "Le futur accord entre le Chili et le Pérou inquiète.",
        &b,
    );
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "accord");
    assert_eq!(e[0].status, crate::doc::Status::Intended);
    let d = doc(
        "fr",
        "Le Chili a présenté l'avion du futur, en saluant le Pérou.",
        &b,
    );
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "en saluant");
    assert_eq!(e[0].status, Actual);
    let d = doc(
        "en",
        "Chile discussed the future of the towns besieged by Peru.",
        &a,
    );
    let e = detect(&d, lex());
    let besieged = e.iter().find(|x| d.slice(x.trigger) == "besieged");
    assert_eq!(besieged.map(|x| x.status), Some(Actual), "{e:?}");
}

#[test]
fn braving_criticism_is_no_defiance_and_a_negation_stays_in_its_clause() {
    let a = [
        ("Chile", "CHL", false),
        ("Peru", "PER", false),
        ("Chili", "CHL", false),
        ("Pérou", "PER", false),
    ];
    let d = doc(
        "fr",
        "Défiant les critiques du Pérou, le Chili a signé.",
        &a,
    );
    let found: Vec<_> = detect(&d, lex())
        .iter()
        .map(|e| d.slice(e.trigger).to_string())
        .collect();
    assert!(!found.iter().any(|f| f == "Défiant"), "{found:?}");
    let d = doc("en", "Chile defied the critics in Peru.", &a);
    assert!(detect(&d, lex()).is_empty());
    assert_eq!(
        triggers("en", "Chile defied the ultimatum of Peru.", &a)[0],
        t("defied", "128")
    );
    // the negation of the participial clause does not reach the main verb
    let d = doc(
        "fr",
        "Le Chili n'ayant pas signé le traité, le Pérou a demandé des sanctions.",
        &a,
    );
    let e = detect(&d, lex());
    let asked = e.iter().find(|x| d.slice(x.trigger) == "a demandé");
    assert_eq!(asked.map(|x| x.status), Some(Actual), "{e:?}");
    // a year is read past: "host the 2030 tournament" hosts no meeting
    let d = doc("en", "Chile will host the 2030 tournament with Peru.", &a);
    let found: Vec<_> = detect(&d, lex())
        .iter()
        .map(|e| d.slice(e.trigger).to_string())
        .collect();
    assert!(found.is_empty(), "{found:?}");
    // "planned" on the trigger marks intent
    let d = doc(
        "en",
        "The planned visit of Chile to Peru was cancelled.",
        &a,
    );
    let e = detect(&d, lex());
    let visit = e.iter().find(|x| d.slice(x.trigger) == "visit");
    assert_eq!(
        visit.map(|x| x.status),
        Some(crate::doc::Status::Intended),
        "{e:?}"
    );
}

#[test]
fn signing_a_petition_or_releasing_a_text_to_the_public_is_no_event() {
    let a = [
        ("Chile", "CHL", false),
        ("Peru", "PER", false),
        ("Chili", "CHL", false),
        ("Pérou", "PER", false),
    ];
    for (lang, text) in [
        ("en", "Students in Chile signed a petition against Peru."),
        (
            "en",
            "The president of Chile signed an executive order on Peru.",
        ),
        ("en", "Chile released to the public the report on Peru."),
        (
            "fr",
            "Des étudiants du Chili ont signé une pétition contre le Pérou.",
        ),
        (
            "fr",
            "Le président du Chili a signé un décret sur le Pérou.",
        ),
    ] {
        let d = doc(lang, text, &a);
        let found: Vec<_> = detect(&d, lex())
            .iter()
            .map(|e| d.slice(e.trigger).to_string())
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // a letter of intent is a step towards a deal; prisoners released to a mediator are freed
    assert_eq!(
        triggers("en", "Chile signed a letter of intent with Peru.", &a),
        [t("signed", "057")]
    );
    assert_eq!(
        triggers("en", "Chile released to Peru the prisoners.", &a),
        [t("released", "0841")]
    );
    assert_eq!(
        keys(
            "fr",
            "Les étudiants du Chili descendent dans la rue contre le Pérou.",
            &a
        ),
        [k("PROTEST", Some("CHL"), Some("PER"), Actual)]
    );
}

#[test]
fn a_phone_call_takes_the_publication_date_a_meeting_does_not() {
    let a = [("Chile", "CHL", false), ("Peru", "PER", false)];
    let mut d = doc(
        "en",
        "The leaders of Chile and Peru spoke by telephone.",
        &a,
    );
    d.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "spoke by telephone");
    assert_eq!(e[0].date.as_deref(), Some("2024-03-01"));
    let mut d = doc("en", "The leaders of Chile and Peru met in Lima.", &a);
    d.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "met");
    assert_eq!(e[0].date, None);
}

#[test]
fn vandalism_evacuation_cuts_and_petitions_in_both_languages() {
    let a = [
        ("Chile", "CHL", false),
        ("Bolivia", "BOL", false),
        ("chilien", "CHL", true),
        ("Bolivie", "BOL", false),
        ("Le Chili", "CHL", false),
    ];
    // damaging property is coercion, in every form of the verb and the noun
    assert_eq!(
        triggers("en", "Chile has vandalized the embassy of Bolivia.", &a),
        [t("has vandalized", "170")]
    );
    assert_eq!(
        triggers("fr", "Des soldats chiliens ont saccagé l'ambassade.", &a),
        [t("ont saccagé", "170")]
    );
    assert_eq!(
        triggers(
            "fr",
            "Le vandalisme contre la mairie a choqué la Bolivie.",
            &a
        ),
        [t("vandalisme", "170")]
    );
    // evacuating held ground is a pullback, evacuating people is not
    assert_eq!(
        triggers("en", "Chile will evacuate all 12 outposts in Bolivia.", &a),
        [t("will evacuate", "0872")]
    );
    assert!(triggers("en", "Chile evacuated 300 residents from the coast.", &a).is_empty());
    assert_eq!(
        triggers("fr", "Le Chili évacue les colonies en Bolivie.", &a),
        [t("évacue", "0872")]
    );
    assert!(triggers("fr", "Le Chili a évacué les habitants.", &a).is_empty());
    // cutting what one gives reduces ties; cutting taxes is no event
    let e = code(
        &doc("en", "Chile cut food aid to Bolivia on Monday.", &a),
        lex(),
    );
    assert_eq!((e[0].plover, e[0].cameo.as_str()), ("SANCTION", "162"));
    assert!(triggers("en", "Chile cut taxes on Monday.", &a).is_empty());
    let d = doc("fr", "Le Chili a réduit les vivres à la Bolivie.", &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "a réduit");
    assert_eq!((e[0].plover, e[0].cameo.as_str()), ("SANCTION", "162"));
    assert!(triggers("fr", "Le Chili a réduit son déficit.", &a).is_empty());
    // a petition drive is dissent; a truce's agreement is the truce
    assert_eq!(
        triggers("en", "Unions in Chile began collecting signatures.", &a),
        [t("collecting signatures", "140")]
    );
    assert_eq!(
        triggers(
            "fr",
            "Les syndicats chiliens recueillent des signatures.",
            &a
        ),
        [t("recueillent des signatures", "140")]
    );
    assert_eq!(
        triggers(
            "en",
            "Chile violated the ceasefire agreement with Bolivia.",
            &a
        ),
        [t("violated the ceasefire agreement", "196")]
    );
    assert_eq!(
        triggers(
            "fr",
            "L'accord de cessez-le-feu entre le Chili et la Bolivie tient.",
            &a
        ),
        [t("accord de cessez-le-feu", "0871")]
    );
    assert_eq!(
        triggers("fr", "Le Chili a violé l'accord de cessez-le-feu.", &a),
        [t("a violé l'accord de cessez-le-feu", "196")]
    );
}

#[test]
fn curfews_offers_and_encouragement_in_both_languages() {
    let a = [
        ("Chile", "CHL", false),
        ("Bolivia", "BOL", false),
        ("Chili", "CHL", false),
        ("Bolivie", "BOL", false),
    ];
    // a curfew restricts freedoms by decree; threatening one threatens the town's state
    assert_eq!(
        triggers("en", "Chile imposed a curfew on the border towns.", &a),
        [t("imposed a curfew", "1723")]
    );
    assert_eq!(
        triggers("fr", "Le Chili a décrété un couvre-feu dans le nord.", &a),
        [t("a décrété un couvre-feu", "1723")]
    );
    assert_eq!(
        triggers("en", "Chile declared a state of emergency on Monday.", &a),
        [t("declared a state of emergency", "1724")]
    );
    assert_eq!(
        triggers("fr", "Le Chili a décrété l'état d'urgence lundi.", &a),
        [t("a décrété l'état d'urgence", "1724")]
    );
    // whoever turns an offer down turns down its maker
    assert_eq!(
        keys("en", "Chile rejected an offer from Bolivia.", &a),
        [k("REJECT", Some("CHL"), Some("BOL"), Actual)]
    );
    assert_eq!(
        keys("fr", "Le Chili a rejeté l'offre de la Bolivie.", &a),
        [k("REJECT", Some("CHL"), Some("BOL"), Actual)]
    );
    // encouraging someone to act asks them to; encouraging trade asks nobody
    let d = doc("en", "Chile encouraged Bolivia to reopen the border.", &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "encouraged");
    assert_eq!((e[0].plover, e[0].cameo.as_str()), ("REQUEST", "020"));
    assert!(triggers("en", "Chile wants to encourage trade with Bolivia.", &a).is_empty());
    let d = doc(
        "fr",
        "Le Chili a encouragé la Bolivie à rouvrir la frontière.",
        &a,
    );
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "a encouragé");
    assert_eq!((e[0].plover, e[0].cameo.as_str()), ("REQUEST", "020"));
    assert!(triggers(
        "fr",
        "Le Chili veut encourager le commerce avec la Bolivie.",
        &a
    )
    .is_empty());
}

#[test]
fn lifted_or_imposed_sanctions_are_one_event_in_both_languages() {
    let a = [
        ("Chile", "CHL", false),
        ("Bolivia", "BOL", false),
        ("Chili", "CHL", false),
        ("Bolivie", "BOL", false),
    ];
    assert_eq!(
        keys("en", "Chile lifted the sanctions on Bolivia.", &a),
        [k("RETREAT", Some("CHL"), Some("BOL"), Actual)]
    );
    assert_eq!(
        triggers("en", "Chile imposed new sanctions on Bolivia.", &a),
        [t("imposed new sanctions", "163")]
    );
    assert_eq!(
        keys(
            "fr",
            "Le Chili a levé toutes les sanctions contre la Bolivie.",
            &a
        ),
        [k("RETREAT", Some("CHL"), Some("BOL"), Actual)]
    );
    assert_eq!(
        triggers(
            "fr",
            "Le Chili a imposé de nouvelles sanctions à la Bolivie.",
            &a
        ),
        [t("a imposé de nouvelles sanctions", "163")]
    );
}

#[test]
fn allegations_and_calls_made_to_someone_in_both_languages() {
    let a = [
        ("Peru", "PER", false),
        ("Chile", "CHL", false),
        ("Pérou", "PER", false),
        ("Chili", "CHL", false),
    ];
    assert_eq!(
        triggers("en", "Peru has alleged fraud by Chile.", &a),
        [t("has alleged", "112")]
    );
    assert_eq!(
        triggers("fr", "Le Pérou dénonçait les allégations du Chili.", &a)[1],
        t("allégations", "112")
    );
    assert_eq!(
        keys(
            "en",
            "The leader of Peru made a phone call to Chile on Sunday.",
            &a
        ),
        [k("CONSULT", Some("PER"), Some("CHL"), Actual)]
    );
    assert_eq!(
        triggers(
            "en",
            "The leader of Peru made a phone call to Chile on Sunday.",
            &a
        ),
        [t("made a phone call", "041")]
    );
    assert_eq!(
        triggers(
            "fr",
            "Le Pérou passera un appel téléphonique au Chili demain.",
            &a
        ),
        [t("passera un appel téléphonique", "041")]
    );
    assert_eq!(
        keys("fr", "Un coup de fil du Pérou au Chili a suffi.", &a),
        [k("CONSULT", Some("PER"), Some("CHL"), Actual)]
    );
}

#[test]
fn observers_and_peacekeepers_received_allow_involvement() {
    let a = [
        ("Peru", "PER", false),
        ("the OAS", "IGOAMSOAS", false),
        ("Pérou", "PER", false),
        ("l'OEA", "IGOAMSOAS", false),
    ];
    // the complement decides the code after detection (events/compose.tsv)
    let coded = |lang: &str, text: &str| -> Vec<(String, String)> {
        let d = doc(lang, text, &a);
        code(&d, lex())
            .iter()
            .map(|e| (d.slice(e.trigger).to_string(), e.cameo.clone()))
            .collect()
    };
    let text = "Peru received a team of observers from the OAS.";
    assert_eq!(coded("en", text), [t("received", "0862")]);
    assert_eq!(
        keys("en", text, &a),
        [k("RETREAT", Some("PER"), Some("IGO"), Actual)]
    );
    assert_eq!(
        coded("en", "Peru has received peacekeepers from the OAS."),
        [t("has received", "0861")]
    );
    assert_eq!(
        coded("fr", "Le Pérou recevait des inspecteurs de l'OEA."),
        [t("recevait", "0862")]
    );
    // a prize or a letter received lets nobody in
    assert!(triggers("en", "Peru received a letter from the OAS.", &a)
        .iter()
        .all(|(_, c)| !c.starts_with("086")));
    assert!(triggers("fr", "Le Pérou a reçu un prix de l'OEA.", &a)
        .iter()
        .all(|(_, c)| !c.starts_with("086")));
}

#[test]
fn a_call_named_by_its_author_and_the_other_senses_of_appel() {
    let a = [
        ("Peru", "PER", false),
        ("Pérou", "PER", false),
        ("Chili", "CHL", false),
    ];
    assert_eq!(
        triggers("fr", "L'appel du Pérou au calme a été entendu.", &a),
        [t("appel", "020")]
    );
    assert_eq!(
        triggers("en", "Peru's call for calm was heard.", &a),
        [t("call for", "020")]
    );
    for text in [
        "La cour d'appel du Pérou a tranché.",
        "Le Pérou a fait appel à des experts du Chili.",
        "Le Pérou a fait l'appel nominal des élus.",
    ] {
        assert!(triggers("fr", text, &a).is_empty(), "{text}");
    }
    // a call for tenders names nobody asked: no actor, no event
    assert!(keys("fr", "Le Pérou a lancé un appel d'offres.", &a).is_empty());
}

#[test]
fn other_senses_of_strike_and_seek() {
    let a = [("Peru", "PER", false), ("Chile", "CHL", false)];
    assert!(triggers(
        "en",
        "The leader of Peru said the plan struck him as odd.",
        &a
    )
    .is_empty());
    assert!(triggers("en", "A rebel from Peru sought refuge in Chile.", &a).is_empty());
    assert_eq!(
        triggers("en", "Peru struck Chile's border posts.", &a),
        [t("struck", "195")]
    );
}

#[test]
fn tear_gas_without_a_verb_is_repression() {
    let a = [
        ("Peru", "PER", false),
        ("Pérou", "PER", false),
        ("Chilean", "CHL", true),
    ];
    assert_eq!(
        triggers(
            "en",
            "The teargas of the police of Peru hit Chilean students.",
            &a
        ),
        [t("teargas", "175")]
    );
    assert_eq!(
        triggers(
            "fr",
            "Les balles en caoutchouc de la police du Pérou visaient des élus.",
            &a
        ),
        [t("balles en caoutchouc", "175")]
    );
}

#[test]
fn an_english_gerund_after_a_preposition_is_a_verb() {
    let a = [("Peru", "PER", false), ("Chilean", "CHL", true)];
    let text = "Peru responded by expelling the Chilean ambassador.";
    assert_eq!(triggers("en", text, &a), [t("expelling", "166")]);
    assert_eq!(
        keys("en", text, &a),
        [k("SANCTION", Some("PER"), Some("CHL"), Actual)]
    );
    // after a determiner, or before a preposition, the -ing word stays the noun
    assert_eq!(
        triggers("en", "Peru left after the meeting with Chilean envoys.", &a),
        [t("meeting", "040")]
    );
    // after "in" it names the activity one takes part in (events/senses.tsv `activity`)
    assert!(triggers(
        "en",
        "Peru joined Chilean unions in demanding higher wages.",
        &a
    )
    .iter()
    .all(|(w, _)| w != "demanding"));
    assert_eq!(
        triggers("en", "Peru was accused of demanding Chilean land.", &a),
        [t("was accused", "112"), t("demanding", "100")]
    );
}

#[test]
fn keeping_a_country_s_people_out_is_a_sanction_in_both_languages() {
    let a = [
        ("Peru", "PER", false),
        ("Chilean officers", "CHLMIL", true),
        ("Pérou", "PER", false),
        ("officiers chiliens", "CHLMIL", true),
    ];
    let text = "Peru denied entry to Chilean officers.";
    assert_eq!(triggers("en", text, &a), [t("denied entry", "160")]);
    assert_eq!(
        keys("en", text, &a),
        [k("SANCTION", Some("PER"), Some("CHL"), Actual)]
    );
    assert_eq!(
        triggers("en", "The entry ban of Peru on Chilean officers holds.", &a),
        [t("entry ban", "160")]
    );
    assert_eq!(
        triggers(
            "fr",
            "Le Pérou interdisait l'entrée aux officiers chiliens.",
            &a
        ),
        [t("interdisait l'entrée", "160")]
    );
    assert_eq!(
        triggers(
            "fr",
            "L'interdiction de territoire du Pérou contre les officiers chiliens tient.",
            &a
        ),
        [t("interdiction de territoire", "160")]
    );
}

#[test]
fn an_act_ruled_illegal_or_a_party_found_guilty_in_both_languages() {
    let a = [
        ("Peru", "PER", false),
        ("the court of Chile", "CHLJUD", false),
        ("Pérou", "PER", false),
        ("la cour du Chili", "CHLJUD", false),
    ];
    let text = "The decree of Peru was ruled illegal by the court of Chile.";
    assert_eq!(triggers("en", text, &a), [t("was ruled illegal", "116")]);
    assert_eq!(
        keys("en", text, &a),
        [k("ACCUSE", Some("CHL"), Some("PER"), Actual)]
    );
    assert_eq!(
        triggers(
            "fr",
            "Le décret du Pérou a été jugé illégal par la cour du Chili.",
            &a
        ),
        [t("a été jugé illégal", "116")]
    );
}

#[test]
fn delayed_aid_is_a_sanction_a_delayed_vote_no_event() {
    let a = [("Pérou", "PER", false), ("Chili", "CHL", false)];
    assert_eq!(
        triggers("fr", "Le Pérou retardera les versements au Chili.", &a),
        [t("retardera", "160")]
    );
    assert!(triggers("fr", "Le Pérou a retardé le vote sur le Chili.", &a).is_empty());
}

#[test]
fn dropping_a_case_or_a_demand_is_a_concession_in_both_languages() {
    let a = [
        ("Peru", "PERJUD", false),
        ("Chilean", "CHL", true),
        ("Pérou", "PERJUD", false),
        ("Chilien", "CHL", true),
    ];
    let text = "The prosecutors of Peru dropped the charges against the Chilean.";
    let d = doc("en", text, &a);
    let e = code(&d, lex());
    assert_eq!(e.len(), 1, "the charges fold into the concession");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (24, 31));
    assert_eq!(d.slice(e[0].trigger), "dropped");
    assert_eq!(
        keys("en", text, &a),
        [k("CONCEDE", Some("PER"), Some("CHL"), Actual)]
    );
    // the one who yields is the event, with or without a named party
    assert_eq!(
        keys(
            "en",
            "The prosecutors of Peru have dropped the investigation.",
            &a
        ),
        [k("CONCEDE", Some("PER"), None, Actual)]
    );
    assert_eq!(
        triggers("en", "Peru abandoned its case against the Chilean.", &a),
        [t("abandoned", "080")]
    );
    // only a case, a charge or a demand dropped yields
    assert_eq!(
        triggers("en", "Oil prices in Peru dropped sharply on Monday.", &a),
        []
    );
    assert!(triggers("en", "The Chilean abandoned the car in Peru.", &a).is_empty());
    let text = "Le parquet du Pérou a abandonné les poursuites contre le Chilien.";
    let d = doc("fr", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "a abandonné");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (21, 33));
    assert_eq!(
        keys("fr", text, &a),
        [k("CONCEDE", Some("PER"), Some("CHL"), Actual)]
    );
    assert!(triggers("fr", "Le Chilien a abandonné sa voiture au Pérou.", &a).is_empty());
}

#[test]
fn a_sign_seen_or_a_freedom_named_is_no_event_in_both_languages() {
    let a = [
        ("Peru", "PER", false),
        ("Chile", "CHL", false),
        ("Chilean", "CHL", true),
        ("Pérou", "PER", false),
        ("Chiliens", "CHL", true),
    ];
    assert!(triggers("en", "Peru sees hopeful signs in Chile.", &a).is_empty());
    assert!(triggers("en", "Peru saw the first signs of Chilean fatigue.", &a).is_empty());
    let e = triggers("en", "Peru signs a treaty with Chile.", &a);
    assert_eq!(e[0], t("signs", "057"));
    // "allow for": makes possible, grants nothing
    assert!(triggers(
        "en",
        "The plan of Peru would allow for Chilean elections.",
        &a
    )
    .is_empty());
    assert_eq!(
        triggers("en", "Peru allowed the Chilean candidate to run.", &a),
        [t("allowed", "081")]
    );
    // a freedom or a right named is no gathering, no strike
    assert!(triggers(
        "fr",
        "Le Pérou garantit la liberté de rassemblement aux Chiliens.",
        &a
    )
    .is_empty());
    assert!(triggers(
        "fr",
        "Le Pérou reconnaît le droit de grève aux Chiliens.",
        &a
    )
    .is_empty());
    assert!(triggers(
        "en",
        "Peru guarantees freedom of assembly and the right to strike to Chilean workers.",
        &a
    )
    .is_empty());
    assert_eq!(
        triggers(
            "fr",
            "La manifestation des Chiliens a eu lieu au Pérou.",
            &a
        ),
        [t("manifestation", "141")]
    );
}

#[test]
fn a_negative_contraction_negates_the_trigger() {
    let a = [("Peru", "PER", false), ("Chile", "CHL", false)];
    let d = doc("en", "Peru doesn't seek help from Chile.", &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "seek");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (13, 17));
    assert_eq!(e[0].status, crate::doc::Status::Negated);
    assert_eq!(
        keys("en", "Peru didn’t threaten Chile.", &a),
        [k(
            "THREATEN",
            Some("PER"),
            Some("CHL"),
            crate::doc::Status::Negated
        )]
    );
    assert_eq!(
        keys("en", "Peru threatened Chile.", &a),
        [k(
            "THREATEN",
            Some("PER"),
            Some("CHL"),
            crate::doc::Status::Actual
        )]
    );
}

#[test]
fn a_request_by_nobody_known_is_not_coded_a_killing_is() {
    let a = [
        ("Chile", "CHL", false),
        ("Chilean", "CHL", true),
        ("Chili", "CHL", false),
        ("chiliens", "CHL", true),
    ];
    // the doer is the point of a request or a criticism: with none, nothing is coded
    assert_eq!(
        triggers("en", "Chile was urged to withdraw.", &a)[0],
        t("was urged", "020")
    );
    assert!(keys("en", "Chile was urged to withdraw.", &a).is_empty());
    assert!(keys("fr", "Le Chili a été critiqué lundi.", &a).is_empty());
    // force is news with its victims alone
    let text = "Three Chilean soldiers were killed on Monday.";
    let d = doc("en", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "were killed");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (23, 34));
    assert_eq!(
        keys("en", text, &a),
        [k("ASSAULT", None, Some("CHL"), Actual)]
    );
    assert_eq!(
        keys("fr", "Trois soldats chiliens ont été tués lundi.", &a),
        [k("ASSAULT", None, Some("CHL"), Actual)]
    );
}

#[test]
fn a_refusal_of_nobody_s_offer_is_not_coded() {
    let a = [
        ("Peru", "PER", false),
        ("Chile", "CHL", false),
        ("Le Pérou", "PER", false),
        ("Chili", "CHL", false),
    ];
    assert_eq!(
        triggers("en", "Peru rejected the plan on Monday.", &a),
        [t("rejected", "120")]
    );
    assert!(keys("en", "Peru rejected the plan on Monday.", &a).is_empty());
    let text = "Peru rejected the demands of Chile.";
    let d = doc("en", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "rejected");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (5, 13));
    assert_eq!(
        keys("en", text, &a),
        [k("REJECT", Some("PER"), Some("CHL"), Actual)]
    );
    let text = "Le Pérou a refusé le plan lundi.";
    assert_eq!(triggers("fr", text, &a), [t("a refusé", "120")]);
    assert!(keys("fr", text, &a).is_empty());
    let text = "Le Pérou a rejeté les demandes du Chili.";
    let d = doc("fr", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "a rejeté");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (10, 19));
    assert_eq!(
        keys("fr", text, &a),
        [k("REJECT", Some("PER"), Some("CHL"), Actual)]
    );
}

#[test]
fn a_phone_call_is_aimed_at_the_one_called() {
    let a = [
        ("Chile", "CHL", false),
        ("Peru", "PER", false),
        ("Pérou", "PER", false),
        ("Chili", "CHL", false),
    ];
    let text = "A phone call by Chile to Peru lasted an hour.";
    let d = doc("en", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "phone call");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (2, 12));
    let target = e[0].target.as_ref().map(|t| d.slice(t.span));
    assert_eq!(target, Some("Peru"));
    let text = "Un appel téléphonique du Chili au Pérou a duré une heure.";
    let d = doc("fr", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "appel téléphonique");
    assert_eq!(
        keys("fr", text, &a),
        [k("CONSULT", Some("CHL"), Some("PER"), Actual)]
    );
}

#[test]
fn a_case_dropped_takes_the_publication_date() {
    let a = [("Chile", "CHL", false), ("chiliens", "CHL", true)];
    let mut d = doc(
        "en",
        "Prosecutors in Chile have dropped the investigation into the senator.",
        &a,
    );
    d.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "have dropped");
    assert_eq!((e[0].plover, e[0].cameo.as_str()), ("CONCEDE", "080"));
    assert_eq!(e[0].date.as_deref(), Some("2024-03-01"));
    let mut d = doc(
        "fr",
        "Les procureurs chiliens ont abandonné les poursuites contre le sénateur.",
        &a,
    );
    d.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "ont abandonné");
    assert_eq!(e[0].date.as_deref(), Some("2024-03-01"));
}

#[test]
fn s_en_prendre_a_is_a_verbal_attack() {
    let a = [("Le Chili", "CHL", false), ("Pérou", "PER", false)];
    let text = "Le Chili s'en est pris au Pérou lundi.";
    let d = doc("fr", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "s'en est pris au");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (9, 25));
    assert_eq!(
        keys("fr", text, &a),
        [k("ACCUSE", Some("CHL"), Some("PER"), Actual)]
    );
    assert_eq!(
        triggers("fr", "Le Chili s'en prendra aux importateurs.", &a),
        [t("s'en prendra aux", "111")]
    );
}

#[test]
fn information_handed_over_is_shared_intelligence_not_aid() {
    let a = [
        ("Chile", "CHL", false),
        ("Peru", "PER", false),
        ("Le Chili", "CHL", false),
        ("Pérou", "PER", false),
    ];
    let text = "Chile provided the information to Peru.";
    assert_eq!(
        triggers("en", text, &a),
        [t("provided the information", "064")]
    );
    assert_eq!(
        keys("en", text, &a),
        [k("COOPERATE", Some("CHL"), Some("PER"), Actual)]
    );
    assert_eq!(
        triggers("en", "Chile has shared its information with Peru.", &a),
        [t("has shared its information", "064")]
    );
    // other goods handed over stay aid
    assert_eq!(
        triggers("en", "Chile provided food to Peru.", &a),
        [t("provided", "070")]
    );
    let text = "Le Chili a fourni des informations au Pérou.";
    let d = doc("fr", text, &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "a fourni des informations");
    assert_eq!((e[0].trigger.start, e[0].trigger.end), (9, 34));
    assert_eq!(
        keys("fr", text, &a),
        [k("COOPERATE", Some("CHL"), Some("PER"), Actual)]
    );
    assert_eq!(
        triggers("fr", "Le Chili transmet les renseignements au Pérou.", &a),
        [t("transmet les renseignements", "064")]
    );
}

#[test]
fn a_catenative_help_is_no_aid() {
    let a = [
        ("Canada", "CAN", false),
        ("Ghana", "GHA", false),
        ("Peru", "PER", false),
    ];
    // a bare verb with its object, or an infinitive, follows: the event is that verb's
    assert_eq!(
        triggers("en", "Canada helped arrange a visit to Peru.", &a),
        vec![t("visit", "042")]
    );
    assert_eq!(
        triggers("en", "Canada will help to rebuild schools in Peru.", &a),
        Vec::<(String, String)>::new()
    );
    // an object noun phrase, a name or a bare plural after it: aid
    assert_eq!(
        triggers("en", "Canada helped the farmers of Ghana.", &a),
        vec![t("helped", "070")]
    );
    assert_eq!(
        triggers("en", "Canada helped Ghana after the floods.", &a),
        vec![t("helped", "070")]
    );
    assert_eq!(
        triggers("en", "Canada helped farmers in Ghana.", &a),
        vec![t("helped", "070")]
    );
    let b = [("Canada", "CAN", false), ("Pérou", "PER", false)];
    assert_eq!(
        triggers("fr", "Le Canada a aidé à rebâtir les écoles du Pérou.", &b),
        Vec::<(String, String)>::new()
    );
    assert_eq!(
        triggers("fr", "Le Canada a aidé à la reconstruction du Pérou.", &b),
        vec![t("a aidé", "070")]
    );
}

#[test]
fn who_responds_with_a_call_makes_it() {
    // « répondre par », "respond with" are light verbs: their subject makes the call or the
    // threat named by the noun they take
    let a = [("Italie", "ITA", false), ("France", "FRA", false)];
    let d = doc("fr", "L'Italie a répondu par un appel au calme.", &a);
    let e = code(&d, lex());
    assert_eq!(e.len(), 1);
    assert_eq!(d.slice(e[0].trigger), "appel au");
    assert_eq!(key(&e[0]), k("REQUEST", Some("ITA"), None, Actual));
    assert_eq!(
        keys(
            "fr",
            "L'Italie répond par des menaces contre la France.",
            &a
        ),
        vec![k("THREATEN", Some("ITA"), Some("FRA"), Actual)]
    );
    let b = [("Italy", "ITA", false), ("France", "FRA", false)];
    let d = doc("en", "Italy responded with threats against France.", &b);
    let e = code(&d, lex());
    assert_eq!(e.len(), 1);
    assert_eq!(d.slice(e[0].trigger), "threats");
    assert_eq!(key(&e[0]), k("THREATEN", Some("ITA"), Some("FRA"), Actual));
}

#[test]
fn putting_in_question_is_an_accusation() {
    // « mettre en cause » in every form, an adverb inside it, and its passive
    let a = [("ONU", "IGO", false), ("armée syrienne", "SYR", false)];
    let d = doc("fr", "L'ONU met aussi en cause l'armée syrienne.", &a);
    let e = code(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "met aussi en cause");
    assert_eq!(key(&e[0]), k("ACCUSE", Some("IGO"), Some("SYR"), Actual));
    assert_eq!(
        keys("fr", "L'armée syrienne a été mise en cause par l'ONU.", &a),
        vec![k("ACCUSE", Some("IGO"), Some("SYR"), Actual)]
    );
    let b = [("UN", "IGO", false), ("Syrian army", "SYR", false)];
    assert_eq!(
        triggers(
            "en",
            "The UN implicated the Syrian army in the scandal.",
            &b
        ),
        vec![t("implicated", "112")]
    );
}
