//! Whose actors: bare roles completed from a place or the document's places, titles glued to a
//! coded name, on sentences written for these tests, through the whole pipeline (actors and
//! places are real), asserting the argument spans and codes.

use crate::doc::{Doc, Event};

fn doc(lang: &str, date: &str, text: &str) -> Doc {
    crate::testing::analyze(lang, date, text)
}

/// (plover, source text, source code, source rule, target text, target code) of each event.
type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn rows(d: &Doc) -> Vec<Row> {
    let arg = |e: &Event, src: bool| {
        let a = if src { &e.source } else { &e.target };
        a.as_ref().map(|a| {
            (
                d.slice(a.span).to_string(),
                a.actor.as_ref().map(|x| x.code.clone()).unwrap_or_default(),
                a.rule.to_string(),
            )
        })
    };
    d.events
        .iter()
        .map(|e| {
            let s = arg(e, true);
            let t = arg(e, false);
            (
                e.plover.to_string(),
                s.as_ref().map(|x| x.0.clone()),
                s.as_ref().map(|x| x.1.clone()),
                s.map(|x| x.2),
                t.as_ref().map(|x| x.0.clone()),
                t.map(|x| x.1),
            )
        })
        .collect()
}

fn row(plover: &str, src: Option<(&str, &str, &str)>, tgt: Option<(&str, &str)>) -> Row {
    (
        plover.to_string(),
        src.map(|s| s.0.to_string()),
        src.map(|s| s.1.to_string()),
        src.map(|s| s.2.to_string()),
        tgt.map(|t| t.0.to_string()),
        tgt.map(|t| t.1.to_string()),
    )
}

#[test]
fn with_no_country_named_bare_roles_take_the_country_of_the_places() {
    let d = doc(
        "en",
        "2020-03-02",
        "In Algiers, the president threatened to resign.",
    );
    assert_eq!(
        rows(&d),
        [row(
            "THREATEN",
            Some(("president", "DZAGOV", "role+home-country")),
            None
        )]
    );
    let d = doc(
        "fr",
        "2020-03-02",
        "À Alger, le président a menacé de démissionner.",
    );
    assert_eq!(
        rows(&d),
        [row(
            "THREATEN",
            Some(("président", "DZAGOV", "role+home-country")),
            None
        )]
    );
}

#[test]
fn a_bare_role_placed_somewhere_takes_that_place_s_state() {
    // France is the only country named (the home country); the protesters are in Oran
    let d = doc("en", "2020-03-02", "Protesters in Oran denounced France.");
    assert_eq!(
        rows(&d),
        [
            // the protesters' noun names a protest of its own (event/mod.rs, doers)
            row(
                "PROTEST",
                Some(("Protesters", "DZAOPP", "role+place-country")),
                Some(("Oran", "DZA"))
            ),
            row(
                "ACCUSE",
                Some(("Protesters", "DZAOPP", "role+place-country")),
                Some(("France", "FRA"))
            )
        ]
    );
    let d = doc(
        "fr",
        "2020-03-02",
        "Les manifestants à Oran ont dénoncé la France.",
    );
    assert_eq!(
        rows(&d),
        [
            // the protesters' noun names a protest of its own (event/mod.rs, doers)
            row(
                "PROTEST",
                Some(("manifestants", "DZAOPP", "role+place-country")),
                Some(("Oran", "DZA"))
            ),
            row(
                "ACCUSE",
                Some(("manifestants", "DZAOPP", "role+place-country")),
                Some(("France", "FRA"))
            )
        ]
    );
}

#[test]
fn a_protest_with_no_target_and_no_place_is_aimed_at_the_own_state() {
    let d = doc(
        "en",
        "2020-03-02",
        "Algerian students demonstrated on Monday.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "PROTEST");
    assert_eq!(r[0].1.as_deref(), Some("Algerian students"));
    assert_eq!(r[0].4.as_deref(), Some("Algerian students"));
    assert_eq!(r[0].5.as_deref(), Some("DZA"));
    assert_eq!(d.events[0].explain.target_rule, Some("own-state"));
    let d = doc(
        "fr",
        "2020-03-02",
        "Des étudiants algériens ont manifesté lundi.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].4.as_deref(), Some("étudiants algériens"));
    assert_eq!(r[0].5.as_deref(), Some("DZA"));
    // a named target stays
    let d = doc(
        "en",
        "2020-03-02",
        "Algerian students protested against France.",
    );
    assert_eq!(rows(&d)[0].5.as_deref(), Some("FRA"));
}

#[test]
fn an_agentless_arrest_is_the_deed_of_the_state_where_it_happened() {
    let d = doc(
        "en",
        "2020-03-02",
        "Two French journalists were arrested in Tehran on Monday.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "COERCE");
    assert_eq!(r[0].1.as_deref(), Some("Tehran"));
    assert_eq!(r[0].2.as_deref(), Some("IRN"));
    assert_eq!(r[0].3.as_deref(), Some("venue-doer"));
    assert_eq!(r[0].5.as_deref().map(|c| &c[..3]), Some("FRA"));
    let d = doc(
        "fr",
        "2020-03-02",
        "Deux journalistes français ont été arrêtés à Téhéran lundi.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1.as_deref(), Some("Téhéran"));
    assert_eq!(r[0].2.as_deref(), Some("IRN"));
}

#[test]
fn a_title_glued_to_a_coded_name_carries_the_person_s_code() {
    let d = doc(
        "en",
        "2015-03-02",
        "Moroccan diplomats met President Barack Obama on Monday.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "CONSULT");
    assert_eq!(r[0].4.as_deref(), Some("President"));
    assert_eq!(r[0].5.as_deref(), Some("USAGOV"));
    let d = doc(
        "fr",
        "2015-03-02",
        "Des diplomates marocains ont rencontré le président Barack Obama lundi.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].4.as_deref(), Some("président"));
    assert_eq!(r[0].5.as_deref(), Some("USAGOV"));
}

#[test]
fn easing_a_restriction_at_home_is_a_concession_to_the_own_state() {
    let d = doc(
        "en",
        "2020-03-02",
        "The Malian government eased the curfew on Tuesday.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "CONCEDE");
    assert_eq!(r[0].1.as_deref(), Some("Malian government"));
    assert_eq!(r[0].2.as_deref(), Some("MLIGOV"));
    assert_eq!(r[0].4.as_deref(), Some("Malian government"));
    assert_eq!(r[0].5.as_deref(), Some("MLI"));
    assert_eq!(d.events[0].explain.target_rule, Some("own-state"));
    let d = doc(
        "fr",
        "2020-03-02",
        "Le gouvernement malien a assoupli le couvre-feu mardi.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "CONCEDE");
    assert_eq!(r[0].4.as_deref(), Some("gouvernement malien"));
    assert_eq!(r[0].5.as_deref(), Some("MLI"));
    // a resignation (083) is yielded to whoever demanded it, not to the own state
    let d = doc(
        "en",
        "2020-03-02",
        "The Malian prime minister resigned on Tuesday.",
    );
    let r = rows(&d);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "RETREAT");
    assert_eq!(r[0].5, None);
}

/// (plover, source (start, end, code), target (start, end, code)) of each event: the exact
/// byte spans of the arguments.
type Spanned = (
    String,
    Option<(usize, usize, String)>,
    Option<(usize, usize, String)>,
);

fn spanned(d: &Doc) -> Vec<Spanned> {
    let arg = |a: &Option<crate::doc::Argument>| {
        a.as_ref().map(|a| {
            (
                a.span.start,
                a.span.end,
                a.actor.as_ref().map(|x| x.code.clone()).unwrap_or_default(),
            )
        })
    };
    d.events
        .iter()
        .map(|e| (e.plover.to_string(), arg(&e.source), arg(&e.target)))
        .collect()
}

/// The byte span of the `n`-th occurrence (from 0) of `needle` in `text`, with a code.
fn at(text: &str, needle: &str, n: usize, code: &str) -> Option<(usize, usize, String)> {
    let start = text.match_indices(needle).nth(n).map(|(i, _)| i)?;
    Some((start, start + needle.len(), code.to_string()))
}

#[test]
fn a_compass_point_or_a_place_word_leaves_the_place_governed() {
    // "in northern Iraq": the place of a force posture is its target
    let t = "Turkish troops were on alert in northern Iraq on Monday.";
    let d = doc("en", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "MOBILIZE".to_string(),
            at(t, "Turkish troops", 0, "TURMIL"),
            at(t, "Iraq", 0, "IRQ")
        )]
    );
    // "near the town of Mosul": the state where an agentless killing happened did it
    let t = "A car bomb near the town of Mosul killed three Turkish soldiers.";
    let d = doc("en", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, at(t, "Mosul", 0, "IRQ"));
    assert_eq!(s[0].2, at(t, "Turkish soldiers", 0, "TURMIL"));
    // "the invasion of South Lebanon": the compass point does not hide the complement
    let t = "Syria launched the invasion of South Lebanon on Monday.";
    let d = doc("en", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "ASSAULT".to_string(),
            at(t, "Syria", 0, "SYR"),
            at(t, "Lebanon", 0, "LBN")
        )]
    );
    // French: « près de la ville de Mossoul », « dans le nord de l'Irak »
    let t = "Des soldats turcs ont été tués près de la ville de Mossoul.";
    let d = doc("fr", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, at(t, "Mossoul", 0, "IRQ"));
    assert_eq!(s[0].2, at(t, "soldats turcs", 0, "TURMIL"));
    let t = "Les troupes turques sont en alerte dans le nord de l'Irak.";
    let d = doc("fr", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, at(t, "troupes turques", 0, "TURMIL"));
    assert_eq!(s[0].2, at(t, "Irak", 0, "IRQ"));
}

#[test]
fn a_complement_both_slots_accept_is_the_target_of_the_deed() {
    // "the invasion of X": X is invaded, the doer is a possessive or a light verb's subject
    let t = "Syria's invasion of Lebanon began on Monday.";
    let d = doc("en", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "ASSAULT".to_string(),
            at(t, "Syria", 0, "SYR"),
            at(t, "Lebanon", 0, "LBN")
        )]
    );
    let t = "La Syrie a lancé l'invasion du Liban lundi.";
    let d = doc("fr", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "ASSAULT".to_string(),
            at(t, "Syrie", 0, "SYR"),
            at(t, "Liban", 0, "LBN")
        )]
    );
}

#[test]
fn a_counted_complement_is_the_object_of_the_verb_before_it() {
    // « trois soldats turcs »: the number is skipped, not the verb and its auxiliary
    let t = "La police a arrêté trois soldats turcs à Ankara.";
    let d = doc("fr", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].2, at(t, "soldats turcs", 0, "TURMIL"));
    let t = "The police arrested three Turkish soldiers in Ankara.";
    let d = doc("en", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].2, at(t, "Turkish soldiers", 0, "TURMIL"));
}

#[test]
fn an_institution_qualified_by_another_country_is_that_country_s() {
    let t = "The Libyan House of Representatives rejected the agreement with Turkey on Monday.";
    let d = doc("en", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        s[0].1,
        at(t, "Libyan House of Representatives", 0, "LBYLEG")
    );
    let t = "La Chambre des représentants tunisienne a rejeté l'accord avec la Libye lundi.";
    let d = doc("fr", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        s[0].1,
        at(t, "Chambre des représentants tunisienne", 0, "TUNLEG")
    );
    // its own country's adjective changes nothing
    let t = "The American House of Representatives rejected the agreement with Mexico on Monday.";
    let d = doc("en", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1.as_ref().map(|x| x.2.as_str()), Some("USALEG"));
}

#[test]
fn a_quantity_between_a_preposition_and_its_noun_leaves_it_governed() {
    let t = "The Egyptian minister held talks with 12 Israeli diplomats.";
    let d = doc("en", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "CONSULT".to_string(),
            at(t, "Egyptian minister", 0, "EGYGOV"),
            at(t, "Israeli diplomats", 0, "ISRGOV")
        )]
    );
    // a number word the count layer does not read ("five Panamanian officers")
    let t = "Peru has granted diplomatic asylum to five Panamanian officers.";
    let d = doc("en", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].2, at(t, "Panamanian officers", 0, "PANMIL"));
    let t = "Le ministre égyptien a discuté avec 12 diplomates israéliens.";
    let d = doc("fr", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "CONSULT".to_string(),
            at(t, "ministre égyptien", 0, "EGYGOV"),
            at(t, "diplomates israéliens", 0, "ISRGOV")
        )]
    );
}

#[test]
fn a_verb_after_a_conjunction_and_its_auxiliary_shares_the_first_subject() {
    let t = "Ghana opened its border, but was still refusing entry to Togolese traders.";
    let d = doc("en", "2018-11-19", t);
    let s = spanned(&d);
    let reject: Vec<_> = s.iter().filter(|e| e.0 == "REJECT").collect();
    assert_eq!(reject.len(), 1, "{s:?}");
    assert_eq!(reject[0].1, at(t, "Ghana", 0, "GHA"));
    let t =
        "Le Ghana a ouvert sa frontière mais a toujours refusé l'entrée aux commerçants du Togo.";
    let d = doc("fr", "2018-11-19", t);
    let s = spanned(&d);
    let reject: Vec<_> = s.iter().filter(|e| e.0 == "REJECT").collect();
    assert_eq!(reject.len(), 1, "{s:?}");
    assert_eq!(reject[0].1, at(t, "Ghana", 0, "GHA"));
}

#[test]
fn a_cancelled_visit_is_aimed_at_the_visited_not_the_own_state() {
    // "cancel" alone eases a restriction (081, own state); with a visit it reduces relations
    // with the visited country (164)
    let t = "A Spanish minister has cancelled a planned visit to Cuba after the riots.";
    let d = doc("en", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "SANCTION".to_string(),
            at(t, "Spanish minister", 0, "ESPGOV"),
            at(t, "Cuba", 0, "CUB")
        )]
    );
    assert_eq!(d.events[0].cameo, "164");
    let t = "Le ministre espagnol a suspendu sa visite à Cuba après les émeutes.";
    let d = doc("fr", "2018-11-19", t);
    assert_eq!(
        spanned(&d),
        [(
            "SANCTION".to_string(),
            at(t, "ministre espagnol", 0, "ESPGOV"),
            at(t, "Cuba", 0, "CUB")
        )]
    );
}

#[test]
fn an_agentless_investigation_is_opened_by_the_state_where_it_is() {
    let t = "Two Chinese officials were investigated in France.";
    let d = doc("en", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, at(t, "France", 0, "FRA"));
    assert_eq!(s[0].2, at(t, "Chinese officials", 0, "CHNGOV"));
    let t = "Une enquête sur deux responsables chinois a été ouverte en France.";
    let d = doc("fr", "2018-11-19", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, at(t, "France", 0, "FRA"));
    assert_eq!(s[0].2, at(t, "responsables chinois", 0, "CHNGOV"));
}

#[test]
fn a_date_between_a_possessive_and_its_noun_leaves_the_modifier() {
    let t = "Biden's July 25 phone call with Ukrainian President Zelensky was cordial.";
    let d = doc("en", "2021-08-10", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1.as_ref().map(|x| (x.0, x.1)), Some((0, 5)));
    assert_eq!(s[0].2.as_ref().map(|x| &x.2[..3]), Some("UKR"));
}

#[test]
fn a_place_a_deed_is_aimed_at_gives_its_state_as_target() {
    let t = "Russian troops carried out strikes on Kharkiv overnight.";
    let d = doc("en", "2022-03-02", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, at(t, "Russian troops", 0, "RUSMIL"));
    assert_eq!(s[0].2, at(t, "Kharkiv", 0, "UKR"));
    assert_eq!(d.events[0].explain.target_rule, Some("venue"));
    let t = "Les forces russes ont mené des frappes sur Kharkiv dans la nuit.";
    let d = doc("fr", "2022-03-02", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, at(t, "forces russes", 0, "RUSMIL"));
    assert_eq!(s[0].2, at(t, "Kharkiv", 0, "UKR"));
}

#[test]
fn a_verb_after_a_quotation_is_the_speech_of_the_speaker_after_it() {
    let t = "« La Russie doit partir », a dénoncé le ministre ukrainien lundi.";
    let d = doc("fr", "2022-03-02", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "ACCUSE");
    assert_eq!(s[0].1, at(t, "ministre ukrainien", 0, "UKRGOV"));
    let t = "\"Russia must leave,\" warned the Ukrainian minister on Monday.";
    let d = doc("en", "2022-03-02", t);
    let s = spanned(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "THREATEN");
    assert_eq!(s[0].1, at(t, "Ukrainian minister", 0, "UKRGOV"));
}

/// The first event's (plover, source text, source code, source rule, target text, target
/// code), for sentences that may hold other events.
fn first(d: &Doc, plover: &str) -> Option<Row> {
    rows(d).into_iter().find(|r| r.0 == plover)
}

#[test]
fn rights_and_aid_groups_are_ngo_actors() {
    let d = doc(
        "en",
        "2020-03-02",
        "China was criticized by human rights groups.",
    );
    assert_eq!(
        first(&d, "ACCUSE"),
        Some(row(
            "ACCUSE",
            Some(("human rights groups", "NGO", "passive-agent")),
            Some(("China", "CHN"))
        ))
    );
    let d = doc(
        "fr",
        "2020-03-02",
        "La Chine a été critiquée par des organisations de défense des droits de l'Homme.",
    );
    assert_eq!(
        first(&d, "ACCUSE"),
        Some(row(
            "ACCUSE",
            Some((
                "organisations de défense des droits de l'Homme",
                "NGO",
                "passive-agent"
            )),
            Some(("Chine", "CHN"))
        ))
    );
    let d = doc(
        "fr",
        "2020-03-02",
        "L'ONG a demandé à l'Union africaine d'envoyer des observateurs.",
    );
    let r = first(&d, "REQUEST").expect("a request");
    assert_eq!(r.1.as_deref(), Some("ONG"));
    assert_eq!(r.2.as_deref(), Some("NGO"));
    assert_eq!(r.4.as_deref(), Some("Union africaine"));
}

#[test]
fn a_first_person_pronoun_in_a_quotation_is_its_speaker() {
    let d = doc(
        "en",
        "2020-03-02",
        "\"We warn Russia that our patience has limits,\" Ukrainian President Volodymyr Zelensky said.",
    );
    let r = first(&d, "THREATEN").expect("a threat");
    assert_eq!(r.1.as_deref(), Some("Volodymyr Zelensky"), "{r:?}");
    assert_eq!(r.2.as_deref().map(|c| &c[..3]), Some("UKR"));
    assert_eq!(r.3.as_deref(), Some("quote-speaker"));
    assert_eq!(r.4.as_deref(), Some("Russia"));
    let d = doc(
        "fr",
        "2020-03-02",
        "« Nous mettons en garde la Russie », a déclaré le président ukrainien Volodymyr Zelensky.",
    );
    let r = first(&d, "THREATEN").expect("a threat");
    assert_eq!(r.1.as_deref(), Some("président ukrainien"), "{r:?}");
    assert_eq!(r.2.as_deref(), Some("UKRGOV"));
    assert_eq!(r.3.as_deref(), Some("quote-speaker"));
    assert_eq!(r.4.as_deref(), Some("Russie"));
}

#[test]
fn a_plural_subject_pronoun_takes_the_subject_of_a_sentence_before() {
    let d = doc(
        "en",
        "2020-03-02",
        "Greek and Cypriot leaders held talks in Athens on Monday. They urged Turkey to stop drilling.",
    );
    let r = first(&d, "REQUEST").expect("a request");
    assert_eq!(r.1.as_deref(), Some("Greek"), "{r:?}");
    assert_eq!(r.2.as_deref(), Some("GRC"));
    assert_eq!(r.3.as_deref(), Some("pronoun-antecedent"));
    assert_eq!(r.4.as_deref(), Some("Turkey"));
    let d = doc(
        "fr",
        "2020-03-02",
        "Les dirigeants grecs se sont réunis lundi à Athènes. Ils ont demandé à la Turquie de cesser ses forages.",
    );
    let r = first(&d, "REQUEST").expect("a request");
    assert_eq!(r.1.as_deref(), Some("dirigeants grecs"), "{r:?}");
    assert_eq!(r.2.as_deref(), Some("GRCGOV"));
    assert_eq!(r.3.as_deref(), Some("pronoun-antecedent"));
    assert_eq!(r.4.as_deref(), Some("Turquie"));
}
#[test]
fn a_counterpart_with_a_country_codes_the_name_after_it() {
    // on this date von der Leyen was German defence minister: the lexicon has no code for her
    let d = doc(
        "fr",
        "2018-11-19",
        "La ministre française des Armées Florence Parly et son homologue allemande Ursula von der Leyen se sont rencontrées lundi à Paris.",
    );
    assert_eq!(
        first(&d, "CONSULT"),
        Some(row(
            "CONSULT",
            Some(("Ursula von der Leyen", "DEUGOV", "subject")),
            Some(("ministre française des Armées", "FRAGOV"))
        ))
    );
    let d = doc(
        "en",
        "2018-11-19",
        "Florence Parly met her German counterpart Ursula von der Leyen in Berlin.",
    );
    assert_eq!(
        first(&d, "CONSULT"),
        Some(row(
            "CONSULT",
            Some(("Florence Parly", "FRAGOV", "subject")),
            Some(("German counterpart", "DEUGOV"))
        ))
    );
    let v = d
        .entities
        .iter()
        .find(|e| d.slice(e.span) == "Ursula von der Leyen")
        .and_then(|e| e.actor.as_ref())
        .map(|a| a.code.as_str());
    assert_eq!(v, Some("DEUGOV"));
}

#[test]
fn a_pronoun_passes_over_a_sentence_opened_by_a_pronoun_and_must_fit() {
    let d = doc(
        "en",
        "2020-03-02",
        "Greece and Cyprus held talks in Athens. They concluded that the deal between Turkey and Libya was void. They urged Turkey to stop drilling.",
    );
    let r = first(&d, "REQUEST").expect("a request");
    assert_eq!(r.1.as_deref(), Some("Greece"), "{r:?}");
    assert_eq!(r.3.as_deref(), Some("pronoun-antecedent"));
    assert_eq!(r.4.as_deref(), Some("Turkey"));
    let d = doc(
        "fr",
        "2020-03-02",
        "La Grèce et Chypre ont tenu des discussions à Athènes. Elles ont conclu que l'accord entre la Turquie et la Libye était nul. Elles ont demandé à la Turquie de cesser ses forages.",
    );
    let r = first(&d, "REQUEST").expect("a request");
    assert_eq!(r.1.as_deref(), Some("Grèce"), "{r:?}");
    assert_eq!(r.3.as_deref(), Some("pronoun-antecedent"));
    assert_eq!(r.4.as_deref(), Some("Turquie"));
    // « il » stands for a person: a country before it is not its antecedent
    let d = doc(
        "fr",
        "2020-03-02",
        "La France a reçu la délégation. Il a demandé à la Turquie de cesser ses forages.",
    );
    // (a request by nobody known is not coded at all, dyadic.tsv)
    let r = first(&d, "REQUEST");
    assert!(r.as_ref().is_none_or(|r| r.1.is_none()), "{r:?}");
    // "it" stands for no person
    let d = doc(
        "en",
        "2020-03-02",
        "The Egyptian foreign ministry condemned the deal. It urged Turkey to stop drilling.",
    );
    let r = first(&d, "REQUEST").expect("a request");
    assert_eq!(r.2.as_deref().map(|c| &c[..3]), Some("EGY"), "{r:?}");
    assert_eq!(r.3.as_deref(), Some("pronoun-antecedent"));
}

#[test]
fn a_quoted_blame_never_targets_the_speaker_s_own_side_once_completed() {
    // the bare « autorités » take the home country, the speaker's own: the blame names no one
    let d = doc(
        "en",
        "2020-03-02",
        "\"This was a cowardly act,\" said the Kenyan interior minister, who urged the authorities to stay alert.",
    );
    let r = first(&d, "ACCUSE").expect("a blame");
    assert_eq!(r.1.as_deref(), Some("Kenyan interior minister"), "{r:?}");
    assert_eq!((r.4, r.5), (None, None));
    let d = doc(
        "fr",
        "2020-03-02",
        "« C'est une provocation », a déclaré le ministre kényan de l'Intérieur, qui a demandé aux autorités de rester vigilantes.",
    );
    let r = first(&d, "ACCUSE").expect("a blame");
    assert_eq!(r.2.as_deref(), Some("KENGOV"), "{r:?}");
    assert_eq!((r.4, r.5), (None, None));
    // another side named in the sentence is still the one blamed
    let d = doc(
        "en",
        "2020-03-02",
        "\"This was a cowardly act,\" said the Kenyan interior minister, who urged Somalia to stay alert.",
    );
    let r = first(&d, "ACCUSE").expect("a blame");
    assert_eq!(r.4.as_deref(), Some("Somalia"), "{r:?}");
    assert_eq!(r.5.as_deref(), Some("SOM"));
}

/// (plover, source (text, start, end, code, rule), target (text, start, end, code, rule)).
type Ruled = (
    String,
    Option<(String, usize, usize, Option<String>, String)>,
    Option<(String, usize, usize, Option<String>, String)>,
);

fn ruled(d: &Doc) -> Vec<Ruled> {
    let arg = |a: &Option<crate::doc::Argument>| {
        a.as_ref().map(|a| {
            (
                d.slice(a.span).to_string(),
                a.span.start,
                a.span.end,
                a.actor.as_ref().map(|x| x.code.clone()),
                a.rule.to_string(),
            )
        })
    };
    d.events
        .iter()
        .map(|e| (e.plover.to_string(), arg(&e.source), arg(&e.target)))
        .collect()
}

#[allow(clippy::unnecessary_wraps)] // compared with optional sides
fn side(
    text: &str,
    start: usize,
    end: usize,
    code: Option<&str>,
    rule: &str,
) -> Option<(String, usize, usize, Option<String>, String)> {
    Some((
        text.to_string(),
        start,
        end,
        code.map(str::to_string),
        rule.to_string(),
    ))
}

#[test]
fn bare_refugees_name_no_state_and_their_origin_codes_them() {
    // the host is not their state, nor is the document's home country; the refusal stays
    let d = doc("en", "2020-03-02", "Jordan will not accept more refugees.");
    assert_eq!(
        ruled(&d),
        [(
            "REJECT".to_string(),
            side("Jordan", 0, 6, Some("JOR"), "subject"),
            side("refugees", 28, 36, None, "stateless-role"),
        )]
    );
    let d = doc(
        "en",
        "2020-03-02",
        "Jordan will not accept more Syrian refugees.",
    );
    assert_eq!(
        ruled(&d)[0].2,
        side("Syrian refugees", 28, 43, Some("SYRREF"), "object")
    );
    let fr = "La Jordanie a expulsé des réfugiés syriens.";
    let d = doc("fr", "2020-03-02", fr);
    let e = d
        .entities
        .iter()
        .find(|e| d.slice(e.span) == "réfugiés syriens")
        .expect("the refugees");
    let at = fr.find("réfugiés").expect("in the text");
    assert_eq!((e.span.start, e.span.end), (at, fr.len() - 1));
    assert_eq!(e.actor.as_ref().map(|a| a.code.as_str()), Some("SYRREF"));
}

#[test]
fn a_country_adjective_qualifying_a_language_names_no_actor() {
    for (lang, text, word) in [
        (
            "en",
            "Ukraine banned the Russian language in schools.",
            "Russian",
        ),
        (
            "en",
            "Ukraine banned Russian-language broadcasts.",
            "Russian",
        ),
        (
            "fr",
            "L'Ukraine a interdit la langue russe à l'école.",
            "russe",
        ),
        (
            "fr",
            "Le festival de la cuisine française a ouvert.",
            "française",
        ),
    ] {
        let d = doc(lang, "2020-03-02", text);
        assert!(
            !d.entities
                .iter()
                .any(|e| d.slice(e.span) == word && e.actor.is_some()),
            "{text}: {:?}",
            d.entities
        );
    }
    // the adjective of a people still codes: "Russian troops"
    let d = doc("en", "2020-03-02", "Russian troops entered the town.");
    assert!(d
        .entities
        .iter()
        .any(|e| d.slice(e.span) == "Russian troops" && e.actor.is_some()));
}

#[test]
fn a_participle_coordinated_with_a_passive_is_passive() {
    let d = doc(
        "en",
        "2020-03-02",
        "The Russian diplomat was arrested in London and expelled by Britain.",
    );
    let r = ruled(&d);
    let expelled = r.iter().find(|x| x.0 == "SANCTION").expect("the expulsion");
    assert_eq!(
        expelled.1,
        side("Britain", 60, 67, Some("GBR"), "passive-agent")
    );
    assert_eq!(
        expelled.2,
        side("Russian diplomat", 4, 20, Some("RUSGOV"), "passive-subject")
    );
    let fr = "Le diplomate russe a été arrêté à Londres et expulsé par la Grande-Bretagne.";
    let d = doc("fr", "2020-03-02", fr);
    let r = ruled(&d);
    let expelled = r.iter().find(|x| x.0 == "SANCTION").expect("the expulsion");
    let at = fr.find("Grande-Bretagne").expect("in the text");
    assert_eq!(
        expelled.1,
        side("Grande-Bretagne", at, at + 15, Some("GBR"), "passive-agent")
    );
    assert_eq!(
        expelled.2,
        side("diplomate russe", 3, 18, Some("RUSGOV"), "passive-subject")
    );
    // a verb with an object after a passive stays active
    let text = "The envoys were received in Tehran and asked Iran for help.";
    let d = doc("en", "2020-03-02", text);
    let r = ruled(&d);
    let asked = r.iter().find(|x| x.0 == "REQUEST").expect("the request");
    assert_eq!(asked.2, side("Iran", 45, 49, Some("IRN"), "object"));
    // an active verb after an active clause keeps its object
    let d = doc(
        "en",
        "2020-03-02",
        "Britain arrested the spy and expelled the Russian diplomat.",
    );
    let r = ruled(&d);
    let expelled = r.iter().find(|x| x.0 == "SANCTION").expect("the expulsion");
    assert_eq!(expelled.1.as_ref().map(|x| x.0.as_str()), Some("Britain"));
    assert_eq!(
        expelled.2.as_ref().map(|x| (x.0.as_str(), x.1, x.2)),
        Some(("Russian diplomat", 42, 58))
    );
}

#[test]
fn the_one_urged_is_the_target_not_what_the_urged_act_names() {
    let d = doc(
        "en",
        "2020-03-02",
        "The British government urged them to release the prisoners.",
    );
    assert_eq!(
        ruled(&d),
        [(
            "REQUEST".to_string(),
            side("British government", 4, 22, Some("GBRGOV"), "subject"),
            None,
        )]
    );
    let d = doc(
        "en",
        "2020-03-02",
        "The British government urged Iran to release the prisoners.",
    );
    assert_eq!(ruled(&d)[0].2, side("Iran", 29, 33, Some("IRN"), "object"));
    // French: the one asked after « à » (« aux deux camps ») is the target, named or not
    let d = doc(
        "fr",
        "2020-03-02",
        "Le gouvernement britannique a demandé aux deux camps de libérer les otages iraniens.",
    );
    assert_eq!(
        ruled(&d),
        [(
            "REQUEST".to_string(),
            side("gouvernement britannique", 3, 27, Some("GBRGOV"), "subject"),
            None,
        )]
    );
    // with no one asked, the asked act's party is the demand's target
    let d = doc(
        "en",
        "2020-03-02",
        "The British government demanded the release of Iranian prisoners.",
    );
    assert_eq!(
        ruled(&d)[0]
            .2
            .as_ref()
            .map(|x| (x.0.as_str(), x.1, x.2, x.3.as_deref())),
        Some(("Iranian prisoners", 47, 64, Some("IRNCVL")))
    );
}

#[test]
fn an_extradition_is_done_to_the_extradited_not_the_destination() {
    let d = doc(
        "en",
        "2020-03-02",
        "Sweden approved the extradition of the Russian hacker to the United States.",
    );
    let r = ruled(&d);
    let ex = r.iter().find(|x| x.0 == "COERCE").expect("the extradition");
    assert_eq!(
        ex.2.as_ref()
            .map(|x| (x.0.as_str(), x.1, x.2, x.3.as_deref())),
        Some(("Russian", 39, 46, Some("RUS")))
    );
}

#[test]
fn refugees_take_the_state_they_come_from() {
    let text = "The United Nations delivered food to refugees fleeing the war in Liberia.";
    let d = doc("en", "2020-03-02", text);
    let r = ruled(&d);
    let aid = r.iter().find(|x| x.0 == "AID").expect("the aid");
    let at = text.find("refugees").expect("in the text");
    assert_eq!(
        aid.2,
        side(
            "refugees",
            at,
            at + 8,
            Some("LBRREF"),
            "role+origin-country"
        )
    );
    // the place where they are is not where they come from
    let text = "The United Nations delivered food to refugees in Jordan.";
    let d = doc("en", "2020-03-02", text);
    let r = ruled(&d);
    let aid = r.iter().find(|x| x.0 == "AID").expect("the aid");
    assert_eq!(
        aid.2.as_ref().map(|x| (x.0.as_str(), x.3.as_deref())),
        Some(("refugees", None))
    );
}

#[test]
fn a_deed_noun_after_fired_is_done_by_the_subject() {
    let text = "The police fired teargas at protesters in Oran.";
    let d = doc("en", "2020-03-02", text);
    let r = ruled(&d);
    let gas = r.iter().find(|x| x.0 == "ASSAULT").expect("the teargas");
    assert_eq!(
        gas.1,
        side("police", 4, 10, Some("DZACOP"), "role+home-country")
    );
}
