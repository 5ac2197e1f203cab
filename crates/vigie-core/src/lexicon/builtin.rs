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
    "html/tags.tsv",
    "html/names.tsv",
    "html/meta.tsv",
);
