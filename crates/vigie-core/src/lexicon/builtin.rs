//! The built-in lexicon files, embedded in the binary so that one file is the whole program.
//! Add a line here when you add a file under `lexicon/`; `vigie lexicon check` and the test
//! `every_lexicon_file_is_embedded` keep this list and the directory in step.

macro_rules! lexicon_files {
    ($($path:literal),* $(,)?) => {
        /// `(path relative to lexicon/, contents)`.
        pub static FILES: &[(&str, &[u8])] = &[
            $(($path, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicon/", $path)))),*
        ];
    };
}

lexicon_files!(
    "boilerplate/fr.tsv",
    "boilerplate/en.tsv",
    "segment/abbreviations.tsv",
    "lang/stopwords.tsv",
    "lang/iso639-1.tsv",
    "ontology/cameo.tsv",
    "ontology/plover.tsv",
    "ontology/plover-overrides.tsv",
    "events/fr.tsv",
    "events/en.tsv",
    "events/en-petrarch.tsv",
    "events/fr-conjugation.tsv",
    "events/en-irregular.tsv",
    "events/grammar.tsv",
    "events/status.tsv",
    "events/anaphora.tsv",
    "events/dating.tsv",
    "events/dating_cues.tsv",
    "events/roles.tsv",
    "events/embedding.tsv",
    "events/compose.tsv",
    "events/intent.tsv",
    "events/venue.tsv",
    "events/polarity.tsv",
    "events/domestic.tsv",
    "events/senses.tsv",
    "events/dyadic.tsv",
    "quotes/speech.tsv",
    "counts/words.tsv",
    "places/gazetteer.tsv.gz",
    "places/admin2.tsv.gz",
    "places/extra.tsv",
    "places/aliases.tsv",
    "places/stoplist.tsv",
    "places/cues.tsv",
    "actors/countries.tsv",
    "actors/seats.tsv",
    "actors/capitals.tsv",
    "actors/seat_uses.tsv",
    "actors/groups.tsv",
    "actors/organizations.tsv",
    "actors/roles.tsv",
    "actors/people.tsv",
    "actors/people_phoenix.tsv",
    "actors/ner.tsv",
    "ner/cues.tsv",
    "actors/first_names.tsv",
    "actors/name_genders.tsv",
    "actors/pronouns.tsv",
    "time/fr.tsv",
    "time/en.tsv",
    "html/tags.tsv",
    "html/names.tsv",
    "html/meta.tsv",
);

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("lexicon directory").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.') || n == "README.md")
            {
                out.push(
                    p.strip_prefix(root)
                        .expect("under root")
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }

    #[test]
    fn every_lexicon_file_is_embedded() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicon");
        let mut on_disk = Vec::new();
        walk(&root, &root, &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<String> =
            super::FILES.iter().map(|(p, _)| (*p).to_string()).collect();
        embedded.sort();
        assert_eq!(
            on_disk, embedded,
            "lexicon/ and lexicon/builtin.rs disagree"
        );
    }
}
