//! The HTML lexicon: what each tag is for (`html/tags.tsv`) and which class/id words mark
//! page furniture or article text (`html/names.tsv`). Loaded once and shared by all threads.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use vigie_core::lexicon::{LexiconError, Sources};

/// What main-text extraction does with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Drop,
    Para,
    Block,
    Heading,
    Item,
    Break,
    Link,
    Inline,
}

/// How the HTML5 parser treats an element (`parser` column of `html/tags.tsv`), for the
/// nesting guard that runs before parsing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParserKind {
    /// An end tag closes only this element, when it is in scope (the adoption agency).
    pub formatting: bool,
    /// An end tag of an ordinary element does not close past it.
    pub special: bool,
    /// No end tag closes past it (special too).
    pub boundary: bool,
    /// A start tag of the same name closes it when it is the current node.
    pub sibling: bool,
    /// Never open (`br`, `img`): the parser inserts it and moves on.
    pub void: bool,
    /// Raw text up to its end tag (`script`, `style`): what looks like markup inside is not.
    pub raw: bool,
}

/// What a class/id word says about an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Remove,
    Negative,
    Positive,
    Keep,
}

/// A metadata field a `<meta>` tag can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Title,
    Date,
    Site,
    Url,
    Lang,
}

/// One `<meta>` rule: the tag whose `attribute` is `value` fills `field`.
#[derive(Debug, Clone)]
pub struct MetaRule {
    pub attribute: String,
    pub value: String,
    pub field: MetaField,
}

/// The verdict on one element's class and id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameVerdict {
    pub remove: bool,
    pub negative: bool,
    pub positive: bool,
    pub keep: bool,
}

#[derive(Debug, Clone)]
pub struct HtmlLexicon {
    roles: HashMap<String, Role>,
    parser: HashMap<String, ParserKind>,
    /// Words matched inside a lowercased name.
    parts: Vec<(String, NameKind)>,
    /// Words matched against whole tokens of a name.
    tokens: HashMap<String, NameKind>,
    /// `<meta>` rules in order of trust.
    pub meta: Vec<MetaRule>,
    /// ISO 639-1 codes the core accepts (a page's declared language is kept only if known).
    langs: HashSet<String>,
}

const TAGS: &str = "html/tags.tsv";
const NAMES: &str = "html/names.tsv";
const META: &str = "html/meta.tsv";
const LANGS: &str = "lang/iso639-1.tsv";

impl HtmlLexicon {
    pub fn load(sources: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut roles = HashMap::new();
        let mut parser = HashMap::new();
        let mut parts = Vec::new();
        let mut tokens = HashMap::new();
        match sources.table(TAGS) {
            Err(e) => errors.push(e),
            Ok(t) => match (t.col("tag"), t.col("role"), t.col("parser")) {
                (Ok(tag), Ok(role), Ok(par)) => {
                    for row in &t.rows {
                        let mut kind = ParserKind::default();
                        for w in row.get(par).split_whitespace() {
                            match w {
                                "-" => {}
                                "formatting" => kind.formatting = true,
                                "special" => kind.special = true,
                                "boundary" => {
                                    kind.boundary = true;
                                    kind.special = true;
                                }
                                "sibling" => kind.sibling = true,
                                "void" => kind.void = true,
                                "raw" => kind.raw = true,
                                other => errors
                                    .push(t.error(row, format!("unknown parser kind `{other}`"))),
                            }
                        }
                        if kind != ParserKind::default() {
                            parser.insert(row.get(tag).to_ascii_lowercase(), kind);
                        }
                        let r = match row.get(role) {
                            "drop" => Role::Drop,
                            "para" => Role::Para,
                            "block" => Role::Block,
                            "heading" => Role::Heading,
                            "item" => Role::Item,
                            "break" => Role::Break,
                            "link" => Role::Link,
                            "inline" => Role::Inline,
                            other => {
                                errors.push(t.error(row, format!("unknown role `{other}`")));
                                continue;
                            }
                        };
                        let name = row.get(tag).to_ascii_lowercase();
                        if name.is_empty() {
                            errors.push(t.error(row, "empty tag"));
                        } else if roles.insert(name, r).is_some() {
                            errors.push(t.error(row, "tag listed twice"));
                        }
                    }
                }
                (a, b, c) => errors.extend(a.err().into_iter().chain(b.err()).chain(c.err())),
            },
        }
        match sources.table(NAMES) {
            Err(e) => errors.push(e),
            Ok(t) => match (t.col("word"), t.col("kind"), t.col("match")) {
                (Ok(word), Ok(kind), Ok(how)) => {
                    for row in &t.rows {
                        let k = match row.get(kind) {
                            "remove" => NameKind::Remove,
                            "negative" => NameKind::Negative,
                            "positive" => NameKind::Positive,
                            "keep" => NameKind::Keep,
                            other => {
                                errors.push(t.error(row, format!("unknown kind `{other}`")));
                                continue;
                            }
                        };
                        let w = row.get(word).to_lowercase();
                        if w.is_empty() {
                            errors.push(t.error(row, "empty word"));
                            continue;
                        }
                        match row.get(how) {
                            "part" => parts.push((w, k)),
                            "token" => {
                                if tokens.insert(w, k).is_some() {
                                    errors.push(t.error(row, "token listed twice"));
                                }
                            }
                            other => {
                                errors.push(t.error(row, format!("unknown match `{other}`")));
                            }
                        }
                    }
                }
                (a, b, c) => errors.extend(a.err().into_iter().chain(b.err()).chain(c.err())),
            },
        }
        let mut meta = Vec::new();
        match sources.table(META) {
            Err(e) => errors.push(e),
            Ok(t) => match (t.col("attribute"), t.col("value"), t.col("field")) {
                (Ok(attr), Ok(value), Ok(field)) => {
                    for row in &t.rows {
                        let f = match row.get(field) {
                            "title" => MetaField::Title,
                            "date" => MetaField::Date,
                            "site" => MetaField::Site,
                            "url" => MetaField::Url,
                            "lang" => MetaField::Lang,
                            other => {
                                errors.push(t.error(row, format!("unknown field `{other}`")));
                                continue;
                            }
                        };
                        if row.get(attr).is_empty() || row.get(value).is_empty() {
                            errors.push(t.error(row, "empty attribute or value"));
                            continue;
                        }
                        meta.push(MetaRule {
                            attribute: row.get(attr).to_ascii_lowercase(),
                            value: row.get(value).to_lowercase(),
                            field: f,
                        });
                    }
                }
                (a, b, c) => errors.extend(a.err().into_iter().chain(b.err()).chain(c.err())),
            },
        }
        let mut langs = HashSet::new();
        match sources.table(LANGS) {
            Err(e) => errors.push(e),
            Ok(t) => match t.col("code") {
                Ok(code) => langs.extend(t.rows.iter().map(|r| r.get(code).to_ascii_lowercase())),
                Err(e) => errors.push(e),
            },
        }
        if errors.is_empty() {
            Ok(Self {
                roles,
                parser,
                parts,
                tokens,
                meta,
                langs,
            })
        } else {
            Err(errors)
        }
    }

    /// The lexicon compiled from the built-in files, once per process (an error lists the
    /// problems of the built-in files, which a test keeps empty).
    pub fn builtin() -> Result<&'static Self, &'static str> {
        static LEX: OnceLock<Result<HtmlLexicon, String>> = OnceLock::new();
        LEX.get_or_init(|| {
            Self::load(&Sources::builtin()).map_err(|errs| {
                errs.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
        .as_ref()
        .map_err(String::as_str)
    }

    /// Whether the core knows this ISO 639-1 code.
    pub fn is_known_lang(&self, code: &str) -> bool {
        self.langs.contains(code)
    }

    /// How the parser treats a tag (lowercase name); ordinary when not listed.
    pub fn parser_kind(&self, tag: &str) -> ParserKind {
        self.parser.get(tag).copied().unwrap_or_default()
    }

    pub fn role(&self, tag: &str) -> Role {
        self.roles.get(tag).copied().unwrap_or(Role::Inline)
    }

    /// Judge an element by its class, id and itemprop attributes.
    pub fn judge(&self, names: &[&str]) -> NameVerdict {
        let mut v = NameVerdict::default();
        let mut mark = |k: NameKind| match k {
            NameKind::Remove => v.remove = true,
            NameKind::Negative => v.negative = true,
            NameKind::Positive => v.positive = true,
            NameKind::Keep => v.keep = true,
        };
        for &name in names {
            if name.is_empty() {
                continue;
            }
            let lower = name.to_lowercase();
            for (w, k) in &self.parts {
                if lower.contains(w.as_str()) {
                    mark(*k);
                }
            }
            for tok in tokens(name) {
                if let Some(k) = self.tokens.get(tok.to_lowercase().as_str()) {
                    mark(*k);
                }
            }
        }
        v
    }
}

/// Split a class or id into tokens at non-alphanumerics and lower-to-upper case changes.
fn tokens(name: &str) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev_lower = false;
    for (i, c) in name.char_indices() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower {
                if let Some(s) = start {
                    out.push(&name[s..i]);
                }
                start = Some(i);
            } else if start.is_none() {
                start = Some(i);
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        } else {
            if let Some(s) = start.take() {
                out.push(&name[s..i]);
            }
            prev_lower = false;
        }
    }
    if let Some(s) = start {
        out.push(&name[s..]);
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_load() {
        let lex = HtmlLexicon::load(&Sources::builtin()).unwrap();
        assert_eq!(lex.role("script"), Role::Drop);
        assert_eq!(lex.role("p"), Role::Para);
        assert_eq!(lex.role("span"), Role::Inline);
    }

    #[test]
    fn tokens_split_on_separators_and_case() {
        let t: Vec<&str> = tokens("ad-slot relatedStories top_nav").collect();
        assert_eq!(t, ["ad", "slot", "related", "Stories", "top", "nav"]);
    }

    #[test]
    fn token_words_do_not_match_inside_longer_words() {
        let lex = HtmlLexicon::builtin().unwrap();
        assert!(lex.judge(&["ad-slot", ""]).remove);
        assert!(!lex.judge(&["loader", ""]).remove);
        assert!(lex.judge(&["", "relatedStories"]).remove);
        let v = lex.judge(&["article-body", ""]);
        assert!(v.keep && !v.remove);
    }

    #[test]
    fn bad_rows_are_reported_with_file_and_line() {
        let mut s = Sources::builtin();
        s.insert(
            NAMES,
            b"word\tkind\tmatch\nfoo\tmaybe\tpart\nbar\tremove\tsomewhere\n".to_vec(),
        );
        let errs = HtmlLexicon::load(&s).unwrap_err();
        let msgs: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].contains("html/names.tsv:2"), "{msgs:?}");
        assert!(msgs[1].contains("html/names.tsv:3"), "{msgs:?}");
    }
}
