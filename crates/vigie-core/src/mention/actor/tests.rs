//! Tests on team-written sentences: exact spans, types, codes and nominal flags.

use std::sync::OnceLock;

use crate::doc::{Article, Doc, EntityType};
use crate::pipeline::{Extractor, Lexicon};

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("builtin lexicon loads")))
}

fn doc(lang: &str, date: &str, text: &str) -> Doc {
    extractor()
        .analyze(&Article {
            id: "t".into(),
            text: Some(text.into()),
            lang: Some(lang.into()),
            date: Some(date.into()),
            ..Article::default()
        })
        .expect("analyzes")
}

/// (text, type, code, nominal) of every entity.
fn ents(d: &Doc) -> Vec<(String, EntityType, String, bool)> {
    d.entities
        .iter()
        .map(|e| {
            (
                d.slice(e.span).to_string(),
                e.etype,
                e.actor.as_ref().map(|a| a.code.clone()).unwrap_or_default(),
                e.nominal,
            )
        })
        .collect()
}

fn has(d: &Doc, text: &str, et: EntityType, code: &str, nominal: bool) {
    let all = ents(d);
    assert!(
        all.iter()
            .any(|(t, e, c, n)| t == text && *e == et && c == code && *n == nominal),
        "missing ({text}, {et:?}, {code}, nominal={nominal}) in {all:?}"
    );
}

use EntityType::{LOC, MISC, ORG, PER};

#[test]
fn countries_names_and_adjectives() {
    let d = doc(
        "fr",
        "2025-03-01",
        "La Russie et les États-Unis ont parlé aux dirigeants ukrainiens.",
    );
    has(&d, "Russie", LOC, "RUS", false);
    has(&d, "États-Unis", LOC, "USA", false);
    has(&d, "dirigeants ukrainiens", PER, "UKRGOV", true);
    let d = doc(
        "en",
        "2025-03-01",
        "Russian troops entered Ukraine while US officials met Chinese diplomats.",
    );
    has(&d, "Russian troops", ORG, "RUSMIL", true);
    has(&d, "Ukraine", LOC, "UKR", false);
    has(&d, "US officials", PER, "USAGOV", true);
    has(&d, "Chinese diplomats", PER, "CHNGOV", true);
}

#[test]
fn acronyms_match_only_in_capitals() {
    let d = doc(
        "fr",
        "2025-03-01",
        "Un diplomate de l'UE a rencontré un responsable de l'ONU.",
    );
    has(&d, "UE", ORG, "IGOEU", false);
    has(&d, "ONU", ORG, "IGOUNO", false);
    assert!(!ents(&d).iter().any(|(t, ..)| t == "Un" || t == "un"));
}

#[test]
fn seats_of_power_are_government_metonyms() {
    let d = doc(
        "fr",
        "2025-03-01",
        "Moscou a répondu à Kiev, et la Maison-Blanche se tait.",
    );
    has(&d, "Moscou", LOC, "RUSGOV", false);
    has(&d, "Kiev", LOC, "UKRGOV", false);
    has(&d, "Maison-Blanche", LOC, "USAGOV", false);
    let d = doc(
        "en",
        "2025-03-01",
        "The Pentagon and the Kremlin disagreed.",
    );
    has(&d, "Pentagon", LOC, "USAMIL", false);
    has(&d, "Kremlin", LOC, "RUSGOV", false);
}

#[test]
fn groups_of_states() {
    let d = doc("fr", "2025-03-01", "Les Européens refusent toute présence militaire occidentale, disent 35 pays européens et les gouvernements européens.");
    has(&d, "Européens", MISC, "EUR", true);
    has(&d, "présence militaire occidentale", ORG, "WSTMIL", true);
    has(&d, "pays européens", ORG, "EUR", true);
    has(&d, "gouvernements européens", ORG, "EURGOV", true);
}

#[test]
fn role_with_country_complement() {
    let d = doc(
        "fr",
        "2025-03-01",
        "Le président de la Russie a salué la police de Hong Kong et l'armée malienne.",
    );
    has(&d, "président de la Russie", PER, "RUSGOV", true);
    has(&d, "Russie", LOC, "RUS", false);
    has(&d, "police de Hong Kong", ORG, "HKGCOP", true);
    has(&d, "armée malienne", ORG, "MLIMIL", true);
}

#[test]
fn ministry_with_adjective_slot_is_an_organization() {
    let d = doc(
        "fr",
        "2025-03-01",
        "Selon le ministère russe des Affaires étrangères, rien n'a changé.",
    );
    has(
        &d,
        "ministère russe des Affaires étrangères",
        ORG,
        "RUSGOV",
        false,
    );
    let d = doc(
        "en",
        "2025-03-01",
        "Iran's foreign ministry and the Russian Defence Ministry replied.",
    );
    has(&d, "Iran's foreign ministry", ORG, "IRNGOV", false);
    has(&d, "Russian Defence Ministry", ORG, "RUSGOV", false);
}

#[test]
fn apposition_codes_unknown_person_and_later_mentions() {
    let d = doc(
        "fr",
        "2025-03-01",
        "La porte-parole du ministère lituanien des Affaires étrangères, Ona Petraitytė, a protesté. Mme Petraitytė a ensuite quitté la salle. Elle a refusé de répondre.",
    );
    has(&d, "Ona Petraitytė", PER, "LTUGOV", false);
    has(
        &d,
        "ministère lituanien des Affaires étrangères",
        ORG,
        "LTUGOV",
        false,
    );
    has(&d, "Petraitytė", PER, "LTUGOV", false);
    has(&d, "Elle", PER, "LTUGOV", true);
}

#[test]
fn title_and_apposition_after_the_name() {
    let d = doc(
        "fr",
        "2025-03-01",
        "Le général Oumar Traoré, chef d'état-major de l'armée malienne, est arrivé.",
    );
    has(&d, "Oumar Traoré", PER, "MLIMIL", false);
    let d = doc(
        "en",
        "2025-03-01",
        "Latvia's foreign minister Janis Ozols said so. He left on Monday.",
    );
    has(&d, "Janis Ozols", PER, "LVAGOV", false);
    has(&d, "He", PER, "LVAGOV", true);
}

#[test]
fn people_take_the_code_valid_on_the_date() {
    let d = doc("en", "2012-06-01", "Obama met Putin.");
    has(&d, "Obama", PER, "USAGOV", false);
    has(&d, "Putin", PER, "RUSGOV", false);
    let d = doc("en", "2020-06-01", "Obama spoke.");
    has(&d, "Obama", PER, "USAELI", false);
    let d = doc(
        "fr",
        "2025-06-01",
        "Vladimir Poutine a reçu Volodymyr Zelensky.",
    );
    has(&d, "Vladimir Poutine", PER, "RUSGOV", false);
    has(&d, "Volodymyr Zelensky", PER, "UKRGOV", false);
}

#[test]
fn named_entities_from_context() {
    let d = doc("fr", "2025-03-01", "La Coalition des volontaires s'est réunie à Paris, puis dans les régions de Donetsk et Zaporijjia, avec M. Dupont.");
    has(&d, "Coalition des volontaires", ORG, "", false);
    has(&d, "Paris", LOC, "", false);
    has(&d, "Donetsk", LOC, "", false);
    has(&d, "Zaporijjia", LOC, "", false);
    has(&d, "Dupont", PER, "", false);
    let d = doc(
        "en",
        "2025-03-01",
        "John Smith of the Labour Party travelled to Glasgow.",
    );
    has(&d, "John Smith", PER, "", false);
    has(&d, "Labour Party", ORG, "", false);
    has(&d, "Glasgow", LOC, "", false);
}

#[test]
fn proper_names_never_overlap_and_entities_are_sorted() {
    let d = doc(
        "fr",
        "2025-03-01",
        "Le ministère russe des Affaires étrangères et la Russie, Moscou, l'OTAN.",
    );
    let proper: Vec<_> = d.entities.iter().filter(|e| !e.nominal).collect();
    for w in proper.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{:?}", ents(&d));
    }
    for w in d.entities.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
}
