//! HTML pages to articles: decode the bytes, parse with a real HTML5 parser (html5ever via
//! scraper), read the metadata and find the article body, kept one paragraph a line so that
//! sentence splitting and boilerplate marking downstream see the paragraph breaks.

mod body;
mod dom;
pub mod encoding;
pub mod guard;
pub mod lexicon;
pub mod meta;

use scraper::Html;
use vigie_core::doc::DateSource;
use vigie_core::Article;

pub use lexicon::HtmlLexicon;
pub use meta::{DateFrom, Meta};

/// An extracted page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article body, one paragraph a line; empty when none was found.
    pub text: String,
    pub meta: Meta,
    /// Why the page was not read at all (binary data, markup nested beyond what the parser
    /// handles in reasonable time); `text` is then empty.
    pub refused: Option<String>,
}

/// Decode the bytes of a page, refusing binary data served as HTML.
pub fn decode_page(bytes: &[u8], charset: Option<&str>) -> Result<String, String> {
    if let Some(why) = guard::binary(bytes) {
        return Err(why);
    }
    Ok(encoding::decode(bytes, charset).0)
}

/// Extract a page from raw bytes. `charset` is the transport's declaration (HTTP
/// `Content-Type`), `url` where the page was fetched from.
pub fn read_bytes(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
    lex: &HtmlLexicon,
) -> Page {
    match decode_page(bytes, charset) {
        Ok(text) => read_str(&text, url, lex),
        Err(why) => Page {
            refused: Some(why),
            ..Page::default()
        },
    }
}

/// Extract a page from decoded text.
pub fn read_str(html: &str, url: Option<&str>, lex: &HtmlLexicon) -> Page {
    match parse(html, lex) {
        Ok(doc) => read_parsed(doc, url, lex),
        Err(why) => Page {
            refused: Some(why),
            ..Page::default()
        },
    }
}

/// [`read_str`] that frees the text once it is parsed (the parser keeps its own copy), so
/// that a large page is not held three times over.
fn read_string(html: String, url: Option<&str>, lex: &HtmlLexicon) -> Page {
    let parsed = parse(&html, lex);
    drop(html);
    match parsed {
        Ok(doc) => read_parsed(doc, url, lex),
        Err(why) => Page {
            refused: Some(why),
            ..Page::default()
        },
    }
}

/// Parse a page, or refuse it when its markup nests too deep for the parser.
fn parse(html: &str, lex: &HtmlLexicon) -> Result<Html, String> {
    if let Some(why) = guard::too_deep(html, lex) {
        return Err(why);
    }
    Ok(Html::parse_document(html))
}

/// Metadata and body of a parsed page; the parser's tree is freed once copied into the
/// compact [`dom::Dom`].
fn read_parsed(doc: Html, url: Option<&str>, lex: &HtmlLexicon) -> Page {
    let meta = meta::read(&doc, lex, url);
    let dom = dom::Dom::build(&doc, lex);
    drop(doc);
    Page {
        text: body::extract(&dom),
        meta,
        refused: None,
    }
}

/// Fill an article that has `html` and no `text`: the body becomes `text`, and the title,
/// URL, date (with its source), language and outlet fill the fields the input left empty.
/// The HTML is dropped once read. An article whose page holds no text is an error.
pub fn complete_article(a: &mut Article, lex: &HtmlLexicon) -> Result<(), String> {
    if a.text.is_some() {
        return Ok(());
    }
    let Some(html) = a.html.take() else {
        return Ok(());
    };
    let page = read_string(html, a.url.as_deref(), lex);
    apply(a, page)
}

/// Fill an article's fields from an extracted page.
pub fn apply(a: &mut Article, page: Page) -> Result<(), String> {
    if let Some(why) = page.refused {
        return Err(why);
    }
    if page.text.trim().is_empty() {
        return Err("no article text found in the HTML".into());
    }
    a.text = Some(page.text);
    let m = page.meta;
    if a.title.is_none() {
        a.title = m.title;
    }
    if a.url.is_none() {
        a.url = m.url;
    }
    if a.lang.is_none() {
        a.lang = m.lang;
    }
    if a.source.is_none() {
        a.source = m.site;
    }
    if a.date.is_none() {
        if let Some((d, from)) = m.date {
            a.date = Some(d.format("%Y-%m-%d").to_string());
            a.date_source = Some(match from {
                DateFrom::Html => DateSource::HtmlMeta,
                DateFrom::Url => DateSource::Url,
            });
        }
    }
    Ok(())
}
