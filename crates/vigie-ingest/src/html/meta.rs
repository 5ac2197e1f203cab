//! Page metadata: title, canonical URL, publication date, language and outlet name, from
//! `<meta>` tags (the rules are in `html/meta.tsv`), JSON-LD, `<time datetime>`, `<link
//! rel=canonical>`, `<html lang>`, `<title>` and, for the date, the URL itself.

use std::sync::LazyLock;

use chrono::NaiveDate;
use scraper::{Html, Selector};
use serde_json::Value;

use super::lexicon::{HtmlLexicon, MetaField};

/// Where a page's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFrom {
    /// A `<meta>` tag, JSON-LD or a `<time>` element.
    Html,
    /// The page's URL.
    Url,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<(NaiveDate, DateFrom)>,
    pub lang: Option<String>,
    pub site: Option<String>,
}

fn sel(s: &str) -> Selector {
    // the selectors below are constants checked by the tests
    Selector::parse(s).unwrap_or_else(|_| unreachable!("invalid built-in selector {s}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel][href]"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel("script[type]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| sel("html[lang]"));

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

pub(super) fn read(html: &Html, lex: &HtmlLexicon, page_url: Option<&str>) -> Meta {
    let mut m = Meta::default();
    // <meta>: the first rule (in lexicon order) present on the page wins for each field
    let metas: Vec<(String, String, &str)> = html
        .select(&META)
        .flat_map(|el| {
            let content = el.value().attr("content").unwrap_or("");
            ["property", "name", "itemprop", "http-equiv"]
                .into_iter()
                .filter_map(move |a| {
                    el.value()
                        .attr(a)
                        .map(|v| (a.to_string(), v.trim().to_lowercase(), content))
                })
        })
        .collect();
    let mut meta_date = None;
    for rule in &lex.meta {
        let Some(content) = metas
            .iter()
            .find(|(a, v, c)| *a == rule.attribute && *v == rule.value && !c.trim().is_empty())
            .map(|t| t.2)
        else {
            continue;
        };
        match rule.field {
            MetaField::Title if m.title.is_none() => m.title = clean(content),
            MetaField::Site if m.site.is_none() => m.site = clean(content),
            MetaField::Url if m.url.is_none() => m.url = clean(content),
            MetaField::Lang if m.lang.is_none() => m.lang = lang_code(content, lex),
            MetaField::Date if meta_date.is_none() => meta_date = parse_date(content),
            _ => {}
        }
    }
    // JSON-LD
    let mut ld_date = None;
    for el in html.select(&LD_JSON) {
        if !el
            .value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let raw: String = el.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        if ld_date.is_none() {
            ld_date = find_key(&v, "datePublished").and_then(parse_date);
        }
        if m.title.is_none() {
            m.title = find_key(&v, "headline").and_then(clean);
        }
    }
    let time_date = html
        .select(&TIME)
        .find_map(|t| t.value().attr("datetime").and_then(parse_date));
    let url_date = page_url.or(m.url.as_deref()).and_then(date_in_url);
    m.date = meta_date
        .or(ld_date)
        .or(time_date)
        .map(|d| (d, DateFrom::Html))
        .or(url_date.map(|d| (d, DateFrom::Url)));
    if m.title.is_none() {
        m.title = html
            .select(&TITLE)
            .next()
            .and_then(|t| clean(&t.text().collect::<String>()))
            .or_else(|| {
                html.select(&H1)
                    .next()
                    .and_then(|t| clean(&t.text().collect::<String>()))
            });
    }
    if let Some(href) = html.select(&CANONICAL).find_map(|l| {
        let rel = l.value().attr("rel")?;
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
            .then(|| l.value().attr("href"))
            .flatten()
    }) {
        m.url = clean(href).or(m.url);
    }
    if let Some(l) = html
        .select(&HTML_LANG)
        .next()
        .and_then(|h| h.value().attr("lang"))
        .and_then(|l| lang_code(l, lex))
    {
        m.lang = Some(l);
    }
    m
}

/// The primary subtag of a language tag (`en-GB`, `fr_FR`), if the core knows it.
fn lang_code(tag: &str, lex: &HtmlLexicon) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';'])
        .next()?
        .trim()
        .to_ascii_lowercase();
    lex.is_known_lang(&primary).then_some(primary)
}

/// The first value of `key` anywhere in a JSON value (JSON-LD nests articles in `@graph`).
fn find_key<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(s)) = map.get(key) {
                    return Some(s);
                }
                stack.extend(map.values().rev());
            }
            Value::Array(a) => stack.extend(a.iter().rev()),
            _ => {}
        }
    }
    None
}

/// An ISO 8601 date or date-time, or an RFC 2822 date, as a calendar date.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(head) = s.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Some(head) = s.get(..8) {
        if head.bytes().all(|b| b.is_ascii_digit()) && s.len() == 8 {
            return NaiveDate::parse_from_str(head, "%Y%m%d").ok();
        }
    }
    chrono::DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|d| d.date_naive())
}

/// A date written in a URL path: `/2019/11/19/`, `/2019-11-19/`, `/20191119/`.
pub(super) fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split(['?', '#']).next()?;
    let segs: Vec<&str> = path.split('/').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let plausible = |y: u32| (1990..=2100).contains(&y);
    for w in segs.windows(3) {
        if let (Some(y), Some(mo), Some(d)) = (num(w[0], 4), num(w[1], 2), num(w[2], 2)) {
            if plausible(y) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d) {
                    return Some(date);
                }
            }
        }
    }
    for s in &segs {
        let head = s.get(..10).unwrap_or(s);
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            if plausible(d.format("%Y").to_string().parse().unwrap_or(0)) {
                return Some(d);
            }
        }
        if let Some(y) = num(s, 8).map(|n| n / 10000) {
            if plausible(y) {
                if let Ok(d) = NaiveDate::parse_from_str(s, "%Y%m%d") {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(page: &str, url: Option<&str>) -> Meta {
        read(
            &Html::parse_document(page),
            HtmlLexicon::builtin().unwrap(),
            url,
        )
    }

    #[test]
    fn open_graph_and_canonical() {
        let m = meta(
            r#"<html lang="fr-FR"><head><title>Ignored | Site</title>
            <meta property="og:title" content="Le sommet s'ouvre à Genève">
            <meta property="og:site_name" content="Le Quotidien">
            <meta property="article:published_time" content="2024-03-05T08:00:00+01:00">
            <link rel="canonical" href="https://example.org/monde/sommet"></head><body></body></html>"#,
            None,
        );
        assert_eq!(m.title.as_deref(), Some("Le sommet s'ouvre à Genève"));
        assert_eq!(m.site.as_deref(), Some("Le Quotidien"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/monde/sommet"));
        assert_eq!(m.lang.as_deref(), Some("fr"));
        assert_eq!(
            m.date,
            Some((NaiveDate::from_ymd_opt(2024, 3, 5).unwrap(), DateFrom::Html))
        );
    }

    #[test]
    fn json_ld_date_in_a_graph() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Talks resume","datePublished":"2023-11-02"}]}</script>"#,
            None,
        );
        assert_eq!(m.title.as_deref(), Some("Talks resume"));
        assert_eq!(
            m.date.map(|d| d.0.to_string()).as_deref(),
            Some("2023-11-02")
        );
    }

    #[test]
    fn time_element_then_url() {
        let m = meta(
            r#"<p><time datetime="2022-01-09T10:00">Sunday</time></p>"#,
            None,
        );
        assert_eq!(
            m.date.map(|d| d.0.to_string()).as_deref(),
            Some("2022-01-09")
        );
        let m = meta(
            "<p>x</p>",
            Some("https://news.example.com/2019/11/19/world/talks.html"),
        );
        assert_eq!(
            m.date,
            Some((
                NaiveDate::from_ymd_opt(2019, 11, 19).unwrap(),
                DateFrom::Url
            ))
        );
    }

    #[test]
    fn url_dates_in_other_shapes() {
        assert_eq!(
            date_in_url("https://x.example/a/2021-06-30-story").map(|d| d.to_string()),
            Some("2021-06-30".into())
        );
        assert_eq!(
            date_in_url("https://x.example/20200102/story").map(|d| d.to_string()),
            Some("2020-01-02".into())
        );
        assert_eq!(date_in_url("https://x.example/1234/56/78/"), None);
    }

    #[test]
    fn unknown_language_tags_are_ignored() {
        assert_eq!(
            meta(r#"<html lang="x-default"><p>x</p></html>"#, None).lang,
            None
        );
        assert_eq!(
            meta(r#"<html lang="EN-us"><p>x</p></html>"#, None)
                .lang
                .as_deref(),
            Some("en")
        );
    }
}
