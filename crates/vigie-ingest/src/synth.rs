//! Synthetic news archives for tests and benchmarks: WARC files of HTML news pages with the
//! furniture real pages have (navigation, related links, comments, footer), generated from a
//! seed so runs repeat. Not a reader: tests and `bench/ingest/` use it to make inputs of any
//! size without shipping data.

use std::io::{self, Write};

const SUBJECTS: &[&str] = &[
    "The prime minister",
    "The city council",
    "Rebel forces",
    "The foreign ministry",
    "Union leaders",
    "The central bank",
    "Le gouvernement",
    "Les manifestants",
    "Le ministre de l'Intérieur",
    "L'armée",
];
const VERBS: &[&str] = &[
    "announced new measures against",
    "met representatives of",
    "criticised the decision of",
    "signed an agreement with",
    "a rencontré les représentants de",
    "a dénoncé l'attitude de",
    "a signé un accord avec",
];
const OBJECTS: &[&str] = &[
    "the opposition",
    "neighbouring countries",
    "the regional authorities",
    "local farmers",
    "la commission européenne",
    "les syndicats",
    "les autorités locales",
];
const PLACES: &[&str] = &[
    "in Geneva",
    "in Nairobi",
    "near the border",
    "à Lyon",
    "à Dakar",
    "on Monday",
    "lundi soir",
];

/// SplitMix64: small, fast, repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}, {} said.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(PLACES),
        rng.pick(&["officials", "witnesses", "a spokesman", "sources"])
    )
}

/// One news page: `paragraphs` paragraphs of article text inside page furniture.
pub fn page(n: u64, paragraphs: usize, rng_seed: u64) -> String {
    let mut rng = Rng(rng_seed ^ n);
    let mut body = String::new();
    for _ in 0..paragraphs {
        body.push_str("<p>");
        for _ in 0..3 {
            body.push_str(&sentence(&mut rng));
            body.push(' ');
        }
        body.push_str("</p>\n");
    }
    let day = 1 + n % 28;
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story {n}</title>\
<meta property=\"og:site_name\" content=\"Synthetic News\">\
<meta property=\"article:published_time\" content=\"2024-05-{day:02}T08:00:00Z\">\
<script>var tracking = {{ id: {n} }};</script><style>p {{ margin: 0 }}</style></head><body>\
<header><nav class=\"site-nav\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav></header>\
<main><article><h1>Story {n}</h1><div class=\"byline\">By a staff writer</div><div class=\"article-body\">\n{body}</div>\
<div class=\"share-tools\"><a href=\"#\">Share</a></div></article>\
<aside class=\"related\"><ul><li><a href=\"/a\">Another story</a></li><li><a href=\"/b\">More news</a></li></ul></aside>\
<section class=\"comments\"><p>First comment on story {n}, posted by a reader.</p></section></main>\
<footer>© Synthetic News. All rights reserved.</footer></body></html>"
    )
}

fn record(
    out: &mut impl Write,
    kind: &str,
    id: &str,
    uri: &str,
    ctype: &str,
    block: &[u8],
) -> io::Result<u64> {
    let head = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T00:00:00Z\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    );
    out.write_all(head.as_bytes())?;
    out.write_all(block)?;
    out.write_all(b"\r\n\r\n")?;
    Ok((head.len() + block.len() + 4) as u64)
}

/// Write an uncompressed WARC of about `bytes` bytes: for each page a request, a response
/// with the HTML, and every tenth page a metadata record and an image response (skipped by
/// readers). Returns the number of HTML pages written.
pub fn warc(out: &mut impl Write, bytes: u64, seed: u64) -> io::Result<u64> {
    let mut written = 0u64;
    let mut n = 0u64;
    while written < bytes {
        let uri = format!("https://news.example/2024/05/{:02}/story-{n}", 1 + n % 28);
        let req = format!("GET /story-{n} HTTP/1.1\r\nHost: news.example\r\n\r\n");
        written += record(
            out,
            "request",
            &format!("req-{n}"),
            &uri,
            "application/http; msgtype=request",
            req.as_bytes(),
        )?;
        let html = page(n, 4 + (n % 9) as usize, seed);
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
            html.len()
        );
        written += record(
            out,
            "response",
            &format!("page-{n}"),
            &uri,
            "application/http; msgtype=response",
            http.as_bytes(),
        )?;
        if n.is_multiple_of(10) {
            written += record(
                out,
                "metadata",
                &format!("meta-{n}"),
                &uri,
                "application/warc-fields",
                b"fetchTimeMs: 12\r\n",
            )?;
            let img = format!("https://news.example/img/{n}.jpg");
            written += record(
                out,
                "response",
                &format!("img-{n}"),
                &img,
                "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0",
            )?;
        }
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::ReadStats;

    #[test]
    fn a_small_synthetic_archive_reads_back_and_extracts() {
        let mut buf = Vec::new();
        let pages = warc(&mut buf, 200_000, 7).unwrap();
        let mut stats = ReadStats::default();
        let mut inputs = Vec::new();
        crate::warc::read("synth.warc", &buf[..], false, &mut stats, &mut |i| {
            inputs.push(i);
        });
        assert_eq!(inputs.len() as u64, pages);
        let tenth = pages.div_ceil(10) as usize;
        assert_eq!(stats.skipped.get("request record"), Some(&(pages as usize)));
        assert_eq!(stats.skipped.get("metadata record"), Some(&tenth));
        assert_eq!(stats.skipped.get("not HTML (image/jpeg)"), Some(&tenth));
        let lex = crate::html::HtmlLexicon::builtin().unwrap();
        let mut a = inputs[3].article.clone().unwrap();
        crate::html::complete_article(&mut a, lex).unwrap();
        let text = a.text.unwrap();
        assert_eq!(text.lines().count(), 4 + 3, "{text}");
        assert!(!text.contains("Share") && !text.contains("comment") && !text.contains("Home"));
        assert_eq!(a.date.as_deref(), Some("2024-05-04"));
        assert_eq!(a.source.as_deref(), Some("Synthetic News"));
    }
}
