//! RSS 2.0, RSS 1.0 and Atom feeds (feed-rs): each item becomes an article. With a
//! [`Fetcher`], the item's page is fetched (limits, redirects, conditional GET: an unchanged
//! page is skipped and counted); without one, the item's own content or summary is the page.
//! Items older than `since` are skipped and counted.

use chrono::{DateTime, Utc};
use vigie_core::doc::DateSource;
use vigie_core::Article;

use crate::error::InputError;
use crate::fetch::{FetchResult, Fetcher};
use crate::html::decode_page;
use crate::source::{Input, Origin, ReadStats};

/// What feed reading needs besides the feed.
pub struct FeedContext {
    /// Fetches item pages; `None` uses the items' own content.
    pub fetcher: Option<Fetcher>,
    /// Items published before this are skipped.
    pub since: Option<DateTime<Utc>>,
}

fn origin(file: &str) -> Origin {
    Origin {
        file: file.to_string(),
        line: None,
        offset: None,
    }
}

fn fail(file: &str, id: Option<String>, message: String) -> Input {
    Input {
        origin: origin(file),
        article: Err(InputError {
            origin: origin(file),
            id,
            message,
        }),
    }
}

/// Fetch a feed from a URL and read it.
pub fn read_url(
    url: &str,
    ctx: &mut FeedContext,
    stats: &mut ReadStats,
    emit: &mut dyn FnMut(Input),
) {
    let Some(fetcher) = ctx.fetcher.as_mut() else {
        return emit(fail(url, None, "no HTTP client for feed URLs".into()));
    };
    match fetcher.get(url) {
        Err(e) => emit(fail(url, None, e)),
        Ok(FetchResult::NotModified) => stats.skip("feed not modified"),
        Ok(FetchResult::Page(p)) => read(url, &p.body, ctx, stats, emit),
    }
}

/// Read a feed's bytes; `name` is its file or URL.
pub fn read(
    name: &str,
    bytes: &[u8],
    ctx: &mut FeedContext,
    stats: &mut ReadStats,
    emit: &mut dyn FnMut(Input),
) {
    let broken = xml_error(bytes);
    let entries = match feed_rs::parser::parse(bytes) {
        Ok(f) => f.entries,
        Err(e) => match broken.as_ref().and_then(|b| salvage(bytes, b)) {
            // the items before the break, from the feed cut there and closed
            Some(entries) if !entries.is_empty() => entries,
            _ => return emit(fail(name, None, format!("not a feed: {e}"))),
        },
    };
    let read = entries.len();
    read_entries(name, entries, ctx, stats, emit);
    // feed-rs may also stop silently at an XML error, as if the feed ended there: the break
    // is reported whenever there is one
    if let Some(b) = broken {
        emit(fail(
            name,
            None,
            format!(
                "malformed feed XML: {} at byte {}; {read} items read before it, any after it are lost",
                b.message, b.at
            ),
        ));
    }
}

/// Where and how an XML feed stops being well-formed, with the elements open there (name
/// and the byte where its start tag begins), outermost first.
struct XmlBreak {
    message: String,
    at: u64,
    open: Vec<(Vec<u8>, usize)>,
}

/// The most elements looked at when salvaging a broken feed (each try parses the feed again).
const SALVAGE_TRIES: usize = 6;

/// The first well-formedness error of an XML feed (mismatched or unclosed elements, bad
/// syntax); `None` for well-formed XML and for JSON feeds.
fn xml_error(bytes: &[u8]) -> Option<XmlBreak> {
    use quick_xml::events::Event;
    // (a feed behind a byte-order mark may be UTF-16, which this byte-level check cannot read)
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
        return None;
    }
    let mut reader = quick_xml::Reader::from_reader(bytes);
    // as feed-rs reads: `</title >` closes `title`
    reader.config_mut().trim_markup_names_in_closing_tags = true;
    let mut open: Vec<(Vec<u8>, usize)> = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event() {
            // text is an event of its own, so `before` is where the start tag's `<` is
            Ok(Event::Start(t)) => open.push((t.name().as_ref().to_vec(), before)),
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Eof) if !open.is_empty() => {
                return Some(XmlBreak {
                    message: format!("{} elements left open at the end", open.len()),
                    at: bytes.len() as u64,
                    open,
                })
            }
            Ok(Event::Eof) => return None,
            Ok(_) => {}
            Err(e) => {
                return Some(XmlBreak {
                    message: e.to_string(),
                    at: reader.error_position(),
                    open,
                })
            }
        }
    }
}

/// The items of a feed that breaks: the feed is cut where one of the elements open at the
/// break starts, the elements around it are closed, and the cut that yields the most items
/// wins (cutting at the item that holds the break keeps every item before it; which element
/// is the item is not known by name, so each enclosing one is tried).
fn salvage(bytes: &[u8], b: &XmlBreak) -> Option<Vec<feed_rs::model::Entry>> {
    let mut best: Option<Vec<feed_rs::model::Entry>> = None;
    for k in 1..b.open.len().min(SALVAGE_TRIES + 1) {
        let mut cut = bytes[..b.open[k].1].to_vec();
        for (name, _) in b.open[..k].iter().rev() {
            cut.extend_from_slice(b"</");
            cut.extend_from_slice(name);
            cut.push(b'>');
        }
        if let Ok(f) = feed_rs::parser::parse(&cut[..]) {
            match &best {
                Some(e) if e.len() >= f.entries.len() => {}
                _ => best = Some(f.entries),
            }
        }
    }
    best
}

fn read_entries(
    name: &str,
    entries: Vec<feed_rs::model::Entry>,
    ctx: &mut FeedContext,
    stats: &mut ReadStats,
    emit: &mut dyn FnMut(Input),
) {
    for entry in entries {
        let date = entry.published.or(entry.updated);
        if let (Some(since), Some(d)) = (ctx.since, date) {
            if d < since {
                stats.skip("feed item older than --since");
                continue;
            }
        }
        let link = entry
            .links
            .iter()
            .find(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let id = if entry.id.is_empty() {
            link.clone()
                .unwrap_or_else(|| format!("{name}#{}", stats.skipped_total()))
        } else {
            entry.id.clone()
        };
        let title = entry.title.as_ref().map(|t| t.content.clone());
        let inline = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
        let (html, url) = match (&link, ctx.fetcher.as_mut()) {
            (Some(l), Some(f)) => match f.get(l) {
                Err(e) => {
                    emit(fail(l, Some(id), e));
                    continue;
                }
                Ok(FetchResult::NotModified) => {
                    stats.skip("page not modified");
                    continue;
                }
                Ok(FetchResult::Page(p)) => match decode_page(&p.body, p.charset.as_deref()) {
                    Ok(html) => (html, Some(p.url)),
                    Err(e) => {
                        emit(fail(l, Some(id), e));
                        continue;
                    }
                },
            },
            _ => {
                if let Some(h) = inline {
                    (h, link.clone())
                } else {
                    emit(fail(
                        name,
                        Some(id),
                        "feed item without a link or content".into(),
                    ));
                    continue;
                }
            }
        };
        let article = Article {
            id,
            html: Some(html),
            url,
            title,
            date: date.map(|d| d.format("%Y-%m-%d").to_string()),
            date_source: date.map(|_| DateSource::HtmlMeta),
            ..Article::default()
        };
        emit(Input {
            origin: origin(link.as_deref().unwrap_or(name)),
            article: Ok(article),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::tests::{ok, serve, Answer};
    use crate::fetch::{FetchOptions, ValidatorCache};
    use std::sync::Arc;
    use std::time::Duration;

    fn rss2(base: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Le Fil</title>
<item><title>Accord signé</title><link>{base}/a</link><guid>a</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Vieille nouvelle</title><link>{base}/old</link><guid>old</guid><pubDate>Mon, 01 Jan 2018 08:00:00 GMT</pubDate></item>
<item><title>Page absente</title><link>{base}/gone</link><guid>gone</guid><pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>"#
        )
    }

    fn atom() -> &'static str {
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Ceasefire talks</title><id>urn:e1</id><updated>2024-03-05T10:00:00Z</updated><content type="html">&lt;p&gt;Negotiators met in Doha on Tuesday, officials said.&lt;/p&gt;</content></entry></feed>"#
    }

    fn rss1() -> &'static str {
        r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://x.example/"><title>R</title><link>http://x.example/</link><description>d</description></channel>
<item rdf:about="http://x.example/1"><title>One</title><link>http://x.example/1</link><description>Le conseil a voté le budget.</description></item></rdf:RDF>"#
    }

    fn collect(name: &str, bytes: &[u8], ctx: &mut FeedContext) -> (Vec<Input>, ReadStats) {
        let mut v = Vec::new();
        let mut stats = ReadStats::default();
        read(name, bytes, ctx, &mut stats, &mut |i| v.push(i));
        (v, stats)
    }

    #[test]
    fn atom_and_rss1_items_use_their_content_without_a_fetcher() {
        let mut ctx = FeedContext {
            fetcher: None,
            since: None,
        };
        let (v, _) = collect("w.atom", atom().as_bytes(), &mut ctx);
        let a = v[0].article.as_ref().unwrap();
        assert_eq!(a.id, "urn:e1");
        assert_eq!(a.date.as_deref(), Some("2024-03-05"));
        assert!(a
            .html
            .as_deref()
            .unwrap()
            .contains("Negotiators met in Doha"));
        let (v, _) = collect("r.rdf", rss1().as_bytes(), &mut ctx);
        let a = v[0].article.as_ref().unwrap();
        assert_eq!(a.url.as_deref(), Some("http://x.example/1"));
        assert!(a
            .html
            .as_deref()
            .unwrap()
            .contains("Le conseil a voté le budget."));
    }

    #[test]
    fn rss2_items_are_fetched_filtered_by_date_and_failures_reported() {
        let script: crate::fetch::tests::Script = Arc::new(
            |path: &str, _: &[(String, String)]| -> Answer {
                match path {
                "/a" => ok("text/html", "<article><p>Les deux pays ont signé un accord commercial mardi, a annoncé le ministère.</p></article>"),
                _ => (404, vec![], vec![], Duration::ZERO),
            }
            },
        );
        let base = serve(script, 10);
        let fetcher = Fetcher::new(FetchOptions::default(), ValidatorCache::default());
        let since = DateTime::parse_from_rfc3339("2020-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut ctx = FeedContext {
            fetcher: Some(fetcher),
            since: Some(since),
        };
        let (v, stats) = collect("fil.rss", rss2(&base).as_bytes(), &mut ctx);
        assert_eq!(v.len(), 2);
        let a = v[0].article.as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.title.as_deref()),
            ("a", Some("Accord signé"))
        );
        assert_eq!(a.url, Some(format!("{base}/a")));
        assert!(a.html.as_deref().unwrap().contains("accord commercial"));
        let e = v[1].article.as_ref().unwrap_err();
        assert_eq!(e.origin.file, format!("{base}/gone"));
        assert!(e.message.contains("404"), "{e}");
        assert_eq!(stats.skipped.get("feed item older than --since"), Some(&1));
    }

    #[test]
    fn garbage_is_one_error() {
        let mut ctx = FeedContext {
            fetcher: None,
            since: None,
        };
        let (v, _) = collect("x.rss", b"\x00\x01not xml", &mut ctx);
        assert_eq!(v.len(), 1);
        assert!(v[0].article.is_err());
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let mut ctx = FeedContext { fetcher: None, since: None };
            let _ = collect("x", &bytes, &mut ctx);
        }
    }
}
