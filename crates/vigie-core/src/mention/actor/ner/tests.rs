//! The named-entity tagger on sentences written for these tests, French and English: exact
//! spans and types.

use crate::doc::EntityType;
use crate::testing::analyze;

use EntityType::{LOC, MISC, ORG, PER};

/// (text, type, byte start) of every proper-name entity.
fn names(lang: &str, text: &str) -> Vec<(String, EntityType, usize)> {
    let d = analyze(lang, "2024-05-02", text);
    d.entities
        .iter()
        .filter(|e| !e.nominal)
        .map(|e| (d.slice(e.span).to_string(), e.etype, e.span.start))
        .collect()
}

fn has(got: &[(String, EntityType, usize)], text: &str, et: EntityType, start: usize) {
    assert!(
        got.iter()
            .any(|(t, e, s)| t == text && *e == et && *s == start),
        "missing ({text}, {et:?}, {start}) in {got:?}"
    );
}

#[test]
fn a_first_name_makes_a_person_after_a_place_preposition() {
    let got = names("fr", "Le rôle a été confié à Javier Pardo en mars.");
    has(&got, "Javier Pardo", PER, 28);
    let got = names("en", "The prize went to Helen Marwick last year.");
    has(&got, "Helen Marwick", PER, 18);
    // a lone first name is a person
    let got = names(
        "fr",
        "Le tableau fut offert par la reine à son neveu Alexandre hier.",
    );
    has(&got, "Alexandre", PER, 48);
}

#[test]
fn lone_names_typed_by_the_word_before() {
    // « selon », « par »: a person; an article: a place
    let got = names("fr", "Le texte, selon Plaverne, date du règne de Clovis.");
    has(&got, "Plaverne", PER, 16);
    let got = names("fr", "Les péniches descendent le Vardonne jusqu'au port.");
    has(&got, "Vardonne", LOC, 28);
    let got = names(
        "fr",
        "Les vignes couvrent les coteaux de l'Ardaine depuis longtemps.",
    );
    has(&got, "Ardaine", LOC, 37);
    let got = names("en", "The castle of Brennock was built by monks.");
    has(&got, "Brennock", LOC, 14);
}

#[test]
fn a_place_noun_opens_the_place_name() {
    let got = names("fr", "Le navire a coulé dans la mer de Varossa au large.");
    has(&got, "mer de Varossa", LOC, 27);
    let got = names(
        "fr",
        "Le tableau est exposé au musée du Trelain depuis 1990.",
    );
    has(&got, "musée du Trelain", LOC, 26);
    let got = names("fr", "Les îles Kerlo ferment la baie.");
    has(&got, "îles Kerlo", LOC, 4);
}

#[test]
fn mid_sentence_common_words_open_longer_names() {
    // "New" and « La » are dropped only where any word takes a capital
    let got = names("en", "She moved from Boston to New Farwick City in May.");
    has(&got, "New Farwick City", LOC, 25);
    let got = names(
        "fr",
        "Il a longtemps écrit pour La Gazette Rimbaude à Lille.",
    );
    has(&got, "La Gazette Rimbaude", ORG, 27);
    let got = names("en", "New Farwick City voted on Tuesday.");
    assert!(
        got.iter().any(|(t, _, s)| t == "Farwick City" && *s == 4),
        "{got:?}"
    );
}

#[test]
fn runs_in_capitals_are_not_people() {
    let got = names("en", "BRENNOCK FALLS (Reuters) - Floods closed two roads.");
    assert!(got.iter().all(|(_, e, _)| *e != PER), "{got:?}");
}

#[test]
fn runs_stop_at_titles_datelines_compounds_and_trailing_common_words() {
    let got = names("en", "Ohio Governor Dana Whitlock signed the bill.");
    has(&got, "Dana Whitlock", PER, 14);
    assert!(
        got.iter().all(|(t, _, _)| !t.contains("Governor")),
        "{got:?}"
    );
    let got = names(
        "en",
        "BRENNOCK Heavy rain closed the Farlow Bridge on Monday.",
    );
    assert!(got.iter().all(|(t, _, _)| !t.contains("Heavy")), "{got:?}");
    let got = names("en", "He joined Dorland-based Kelvey Mining last year.");
    assert!(got.iter().all(|(t, _, _)| !t.contains("based")), "{got:?}");
    let got = names(
        "fr",
        "Lors du match, Jean Vardel Il avait marqué deux buts.",
    );
    has(&got, "Jean Vardel", PER, 15);
}

#[test]
fn initials_stay_inside_a_name_and_first_names_keep_country_names() {
    let got = names("en", "The novel by J. R. Tolvane sold well.");
    has(&got, "J. R. Tolvane", PER, 13);
    let got = names("en", "Fans cheered Michael Jordan at the arena.");
    has(&got, "Michael Jordan", PER, 13);
}

#[test]
fn an_organization_word_takes_an_elided_complement() {
    let got = names("fr", "Hier, la Fondation d'Ardelle a ouvert ses portes.");
    has(&got, "Fondation d'Ardelle", ORG, 9);
}

#[test]
fn event_words_take_french_adjectives_and_possessives_make_guesses() {
    let got = names(
        "fr",
        "Il a combattu pendant la Grande Guerre mondiale en Artois.",
    );
    has(&got, "Grande Guerre mondiale", MISC, 25);
    let got = names("en", "Voters liked Kessler's plan.");
    has(&got, "Kessler", PER, 13);
}

#[test]
fn complements_adjectives_and_compass_points_close_names() {
    let got = names(
        "fr",
        "Il a joué dans la Ligue nationale de curling pendant dix ans.",
    );
    has(&got, "Ligue nationale de curling", ORG, 19);
    let got = names("fr", "La chute de l'Empire valdain a suivi.");
    has(&got, "Empire valdain", LOC, 14);
    let got = names(
        "fr",
        "Ces oiseaux vivent en Varnie du Nord et en Ostrie centrale.",
    );
    has(&got, "Varnie du Nord", LOC, 22);
    has(&got, "Ostrie centrale", LOC, 43);
    let got = names(
        "fr",
        "Le fleuve arrose l'Ostrie de l'Est depuis des siècles.",
    );
    has(&got, "Ostrie de l'Est", LOC, 19);
}

#[test]
fn a_place_on_a_guessed_name_takes_it_over() {
    // no cue makes "North Carolina" a person: the gazetteer's place wins
    let got = names("en", "The storm hit North Carolina hard.");
    has(&got, "North Carolina", LOC, 14);
}
#[test]
fn a_noun_before_the_name_gives_its_type() {
    let got = names("fr", "Le disque est sorti sur le label Talvex en 2019.");
    has(&got, "Talvex", ORG, 33);
    let got = names("fr", "Le poète Arvenne écrivait la nuit.");
    has(&got, "Arvenne", PER, 10);
    let got = names("fr", "Elle a enregistré l'album Grey Harbour à Lyon.");
    has(&got, "Grey Harbour", MISC, 27);
    let got = names("en", "She signed with the band Silver Mole in May.");
    has(&got, "Silver Mole", ORG, 25);
}

#[test]
fn clubs_acronyms_and_roman_numerals() {
    let got = names("fr", "Il a signé avec les Faucons de Montréal en mai.");
    has(&got, "Faucons de Montréal", ORG, 21);
    let got = names("en", "He played for Dorvik FK last season.");
    has(&got, "Dorvik FK", ORG, 14);
    // a king's numeral is no acronym
    let got = names("fr", "Le règne de Dagobert II fut bref.");
    has(&got, "Dagobert II", PER, 13);
    // common capitals are no organization
    let got = names("en", "The DNA sample was tested.");
    assert!(got.iter().all(|(t, _, _)| t != "DNA"), "{got:?}");
}

#[test]
fn a_plural_before_de_and_a_place_is_a_club() {
    let got = names("fr", "Il a joué face aux Corsaires du Vermont hier.");
    has(&got, "Corsaires du Vermont", ORG, 20);
    // not after a place noun, nor a hyphenated saint's name
    let got = names("fr", "Le train part de la gare Saint-Charles de Vardonne.");
    has(&got, "gare Saint-Charles de Vardonne", LOC, 20);
}

#[test]
fn a_kinship_noun_before_de_makes_a_person() {
    let got = names("fr", "Le neveu de Tirvalo a hérité du domaine.");
    has(&got, "Tirvalo", PER, 12);
    let got = names("en", "The son of Marrick ruled the valley.");
    has(&got, "Marrick", PER, 11);
    // a place noun there makes a place
    let got = names("fr", "Les habitants de Tirvalo fêtent la moisson.");
    has(&got, "Tirvalo", LOC, 17);
}

#[test]
fn two_words_after_a_bare_preposition_of_place_are_a_guessed_person() {
    let got = names("fr", "Elle a perdu la finale face à Jana Velkorová hier.");
    has(&got, "Jana Velkorová", PER, 31);
    let got = names("en", "He lost the final to Tomas Rydelko on Sunday.");
    has(&got, "Tomas Rydelko", PER, 21);
    // a word that opens places' names keeps the place, and so does « au »
    let got = names("en", "She was born in East Varnley in 1950.");
    has(&got, "East Varnley", LOC, 16);
    let got = names("fr", "Il vit à Port Kerlovan depuis 1990.");
    has(&got, "Port Kerlovan", LOC, 10);
    let got = names("fr", "Le concert a eu lieu au Varnel Arena hier.");
    has(&got, "Varnel Arena", LOC, 24);
}

#[test]
fn a_plural_after_the_article_closes_a_team_name() {
    let got = names("en", "He was traded to the Dorvale Herons in May.");
    has(&got, "Dorvale Herons", ORG, 21);
    // a place word is no team
    let got = names("en", "They sailed to the Varnish Islands in May.");
    has(&got, "Varnish Islands", LOC, 19);
}

#[test]
fn words_of_peoples_religions_and_languages_are_misc() {
    let got = names(
        "en",
        "The scroll was written in Aramaic by a Byzantine monk.",
    );
    has(&got, "Aramaic", MISC, 26);
    has(&got, "Byzantine", MISC, 39);
}

#[test]
fn a_country_adjective_closes_a_french_name() {
    let got = names("fr", "La chute de l'Empire russe a suivi la guerre.");
    has(&got, "Empire russe", LOC, 14);
    let got = names("fr", "Il a rejoint le Parti communiste chinois en 1950.");
    has(&got, "Parti communiste chinois", ORG, 16);
}

#[test]
fn a_club_named_after_its_town_before_place_words() {
    // « Détroit » is also a place word (a strait): the club wins
    let got = names("fr", "Il a joué pour les Faucons de Détroit en 2010.");
    has(&got, "Faucons de Détroit", ORG, 20);
}

#[test]
fn coordinated_names_take_the_type_of_a_typed_one() {
    // untyped lone names before a known place take its type
    let got = names("fr", "Il aime Varnel, Dorvale et Berlin depuis toujours.");
    has(&got, "Varnel", LOC, 8);
    has(&got, "Dorvale", LOC, 16);
    let got = names("en", "She admired Varnel, Dorvale and Berlin as a child.");
    has(&got, "Varnel", LOC, 12);
    has(&got, "Dorvale", LOC, 20);
    // and a name after a known one takes it too
    let got = names("en", "She admired Berlin and Dorvale as a child.");
    has(&got, "Dorvale", LOC, 23);
}

#[test]
fn well_known_one_word_names_of_companies_and_people() {
    let got = names("fr", "Le jeu a été édité par Nintendo en 1990.");
    has(&got, "Nintendo", ORG, 27);
    let got = names("en", "The console was sold by Sega in Europe.");
    has(&got, "Sega", ORG, 24);
    let got = names("fr", "Il cite souvent Aristote dans ses cours.");
    has(&got, "Aristote", PER, 16);
    let got = names("en", "She often quoted Aristotle in class.");
    has(&got, "Aristotle", PER, 17);
}

#[test]
fn a_known_place_takes_a_compass_point_or_region_adjective() {
    let got = names(
        "fr",
        "Le Gabon est situé en Afrique centrale depuis toujours.",
    );
    has(&got, "Afrique centrale", LOC, 23);
    let got = names("fr", "Ces arbustes viennent d'Asie de l'Est et du Japon.");
    has(&got, "Asie de l'Est", LOC, 24);
}

#[test]
fn an_organization_word_takes_its_complement_through_an_article() {
    let got = names(
        "fr",
        "Il a quitté la Banque de l'Orvanie pour la Ligue de hockey de l'Ostrie en mai.",
    );
    has(&got, "Banque de l'Orvanie", ORG, 16);
    // a lower-case complement, then a named one
    has(&got, "Ligue de hockey de l'Ostrie", ORG, 44);
    // an article before a lower-case word is no complement
    let got = names("fr", "Elle préside la Ligue pour le maintien des haies.");
    has(&got, "Ligue", ORG, 17);
    assert!(!got.iter().any(|(t, _, _)| t.contains("pour")), "{got:?}");
}

#[test]
fn a_known_place_takes_a_point_of_the_compass() {
    let got = names("fr", "Il a voyagé en Amérique du Nord puis en Asie.");
    has(&got, "Amérique du Nord", LOC, 16);
}

#[test]
fn a_country_inside_a_name_after_an_article_stays_in_it() {
    let got = names("fr", "Elle a chanté avec les Blue Chili Rockets à Lyon.");
    has(&got, "Blue Chili Rockets", ORG, 24);
    let got = names("en", "She toured with the Blue China Rockets last year.");
    has(&got, "Blue China Rockets", ORG, 20);
}

#[test]
fn a_company_before_a_model_or_a_town() {
    let got = names(
        "fr",
        "Le jeu est sorti sur Sega Saturn puis sur Atari 2600.",
    );
    has(&got, "Sega Saturn", MISC, 21);
    has(&got, "Atari 2600", MISC, 42);
    let got = names("fr", "Il a signé à l'Ajax Amsterdam pour trois ans.");
    has(&got, "Ajax Amsterdam", ORG, 17);
}

#[test]
fn a_nationality_before_a_name_makes_a_person() {
    let got = names(
        "fr",
        "Plus tard, l'Autrichien Tobias Renner a gagné la descente.",
    );
    has(&got, "Tobias Renner", PER, 24);
}

#[test]
fn a_lone_plural_after_the_is_a_team() {
    let got = names(
        "en",
        "Last night the Marlwood fans cheered as the Ospreys won.",
    );
    has(&got, "Ospreys", ORG, 44);
}

#[test]
fn a_year_opens_an_event_name() {
    let got = names("en", "He won gold at the 1988 Summer Olympics in Seoul.");
    has(&got, "1988 Summer Olympics", MISC, 19);
}

#[test]
fn plural_french_adjectives_close_an_event_name() {
    let got = names("fr", "Ils ont participé aux Jeux olympiques à Rome.");
    has(&got, "Jeux olympiques", MISC, 23);
}

#[test]
fn roman_numerals_and_common_acronyms_alone_are_no_organizations() {
    let got = names("en", "He wrote volume II of the book.");
    assert!(!got.iter().any(|(t, _, _)| t == "II"), "{got:?}");
    let got = names("fr", "Le groupe a sorti un EP en mai.");
    assert!(!got.iter().any(|(t, _, _)| t == "EP"), "{got:?}");
}

#[test]
fn an_english_name_closing_on_a_plural_is_an_organization() {
    let got = names("en", "He signed with Dorvale Herons in May.");
    has(&got, "Dorvale Herons", ORG, 15);
    // (not a surname in -ides: a person's)
    let got = names("en", "She met Petros Kallides in Athens.");
    has(&got, "Petros Kallides", PER, 8);
}

#[test]
fn a_known_town_after_an_organization_is_part_of_it() {
    let got = names("fr", "Il a joué au Dinamo Zagreb avant 2010.");
    has(&got, "Dinamo Zagreb", ORG, 14);
}
