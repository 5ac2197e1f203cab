//! Malformed and adversarial inputs through the real readers and the batch driver: each one
//! is a sane result or one error naming its file (and record offset), never a panic, and the
//! documents after it are still read.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use vigie_ingest::{
    read_source_counted, run_ordered, Article, BatchOptions, InputError, PlainOptions, ReadStats,
    SourceSpec,
};

/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vigie-adv-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

/// Every source through the batch driver as `vigie ingest` runs it: readers on one thread,
/// HTML turned into text on the workers, results in input order.
fn ingest(paths: &[&Path]) -> (Vec<Result<Article, InputError>>, ReadStats) {
    let mut out = Vec::new();
    let mut stats = ReadStats::default();
    let opts = BatchOptions {
        chunk_docs: 2,
        ..BatchOptions::default()
    };
    let specs: Vec<SourceSpec> = paths
        .iter()
        .map(|p| SourceSpec::File(p.to_path_buf()))
        .collect();
    let stats_ref = &mut stats;
    run_ordered(
        opts,
        move |emit| {
            for s in &specs {
                read_source_counted(s, &PlainOptions::default(), stats_ref, emit);
            }
        },
        |input| input.article,
        |r| out.push(r),
    );
    (out, stats)
}

const PARA_FR: &str = "Le conseil municipal a adopté le budget lundi soir, après un long débat, par douze voix contre neuf.";
const PARA_EN: &str =
    "The ministry said on Tuesday that the talks, suspended since March, would resume in Geneva.";

fn page(body: &str) -> String {
    format!("<html><head><title>T</title></head><body><nav><a href=\"/\">Home</a></nav><article>{body}</article></body></html>")
}

fn warc_record(id: &str, uri: &str, http: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut h = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    h.extend_from_slice(body);
    h
}

fn html_record(id: &str, text: &str) -> Vec<u8> {
    warc_record(
        id,
        &format!("https://news.example/{id}"),
        &http(
            "text/html; charset=utf-8",
            page(&format!("<p>{text}</p>")).as_bytes(),
        ),
    )
}

fn ok_text(r: &Result<Article, InputError>) -> &str {
    match r {
        Ok(a) => a.text.as_deref().unwrap_or(""),
        Err(e) => panic!("expected a document, got error: {e}"),
    }
}

fn err(r: &Result<Article, InputError>) -> &InputError {
    match r {
        Ok(a) => panic!("expected an error, got document {}", a.id),
        Err(e) => e,
    }
}

/// The 8-byte PNG signature and the start of an IHDR chunk, then binary noise with NULs.
fn png_bytes() -> Vec<u8> {
    let mut b = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    b.extend_from_slice(&[
        0, 0, 0, 0x0d, b'I', b'H', b'D', b'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6,
    ]);
    let mut x: u32 = 0x1234_5678;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b.push((x >> 24) as u8);
    }
    b
}

#[test]
fn a_warc_gz_cut_in_the_middle_keeps_the_records_before_and_names_the_member() {
    let d = dir("cut-gz");
    let recs = [
        html_record("a", PARA_FR),
        html_record("b", PARA_EN),
        html_record("c", PARA_FR),
    ];
    // one gzip member a record, as CC-NEWS writes them; the third member is cut in half
    let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
    let mut cut = members[0].clone();
    cut.extend_from_slice(&members[1]);
    cut.extend_from_slice(&members[2][..members[2].len() / 2]);
    let cut_path = write(&d, "cut.warc.gz", &cut);
    // one member for the whole file, cut in the middle of the second record
    let whole = gz(&recs.concat());
    let whole_path = write(&d, "whole.warc.gz", &whole[..whole.len() / 2]);
    let after = write(
        &d,
        "after.html",
        page(&format!("<p>{PARA_EN}</p>")).as_bytes(),
    );

    let (v, _) = ingest(&[&cut_path, &whole_path, &after]);
    assert_eq!(ok_text(&v[0]), PARA_FR);
    assert_eq!(ok_text(&v[1]), PARA_EN);
    let e = err(&v[2]);
    let member = (members[0].len() + members[1].len()) as u64;
    assert_eq!(e.origin.file, cut_path.display().to_string());
    assert_eq!(e.origin.offset, Some(member), "{e}");
    assert!(
        e.to_string().contains(&format!("cut.warc.gz@{member}")),
        "{e}"
    );
    // the whole-file member: what was decompressed before the cut is read, then one error
    let whole_errors: Vec<&InputError> = v[3..v.len() - 1]
        .iter()
        .filter_map(|r| r.as_ref().err())
        .collect();
    assert_eq!(whole_errors.len(), 1, "{v:?}");
    assert_eq!(
        whole_errors[0].origin.file,
        whole_path.display().to_string()
    );
    assert_eq!(whole_errors[0].origin.offset, Some(0));
    // and the batch goes on
    assert_eq!(ok_text(v.last().unwrap()), PARA_EN);
}

#[test]
fn a_truncated_html_gz_file_is_one_error_naming_it() {
    let d = dir("cut-html-gz");
    let z = gz(page(&format!("<p>{PARA_FR}</p>")).as_bytes());
    let cut = write(&d, "page.html.gz", &z[..z.len() - 12]);
    let good = write(&d, "good.html.gz", &z);
    let (v, _) = ingest(&[&cut, &good]);
    let e = err(&v[0]);
    assert_eq!(e.origin.file, cut.display().to_string());
    assert_eq!(e.id.as_deref(), Some("page"));
    assert!(e.message.starts_with("cannot read"), "{e}");
    assert_eq!(ok_text(&v[1]), PARA_FR);
}

#[test]
fn tags_nested_100_000_deep_are_refused_quickly_and_2_900_deep_are_read() {
    let d = dir("deep");
    let depth = 100_000;
    // the HTML5 parser's scope checks walk the stack of open elements: 100,000 nested blocks
    // would take it minutes, so such a page is refused before parsing
    let divs = format!(
        "{}<p>{PARA_FR}</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // unclosed inline formatting, and nested tables and lists
    let inline = format!("<p>{}{PARA_EN}</p>", "<b><i>".repeat(depth / 2));
    let tables = format!(
        "{}<p>{PARA_FR}</p>",
        "<table><tr><td><ul><li>".repeat(depth / 5)
    );
    // under the limit: 2,900 nested blocks holding the article and 9,000 images (counted on
    // every ancestor, which once cost depth × images steps)
    let under = format!(
        "{}<p>{PARA_FR}</p>{}{}",
        "<div>".repeat(2_900),
        "<img src=a.jpg />".repeat(9_000),
        "</div>".repeat(2_900)
    );
    // four equally strong branches 2,000 levels deep: their common ancestor is the article
    let mut branches = String::new();
    for p in [PARA_FR, PARA_EN, PARA_FR, PARA_EN] {
        branches.push_str(&"<section>".repeat(2_000));
        branches.push_str("<p>");
        branches.push_str(p);
        branches.push_str("</p>");
        branches.push_str(&"</section>".repeat(2_000));
    }
    let paths = [
        write(&d, "divs.html", page(&divs).as_bytes()),
        write(&d, "inline.html", page(&inline).as_bytes()),
        write(&d, "tables.html", page(&tables).as_bytes()),
        write(&d, "under.html", page(&under).as_bytes()),
        write(&d, "branches.html", page(&branches).as_bytes()),
        write(
            &d,
            "after.html",
            page(&format!("<p>{PARA_EN}</p>")).as_bytes(),
        ),
    ];
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (v, _) = ingest(&refs);
    assert_eq!(v.len(), 6);
    for (r, p) in v[..3].iter().zip(&paths) {
        let e = err(r);
        assert_eq!(e.origin.file, p.display().to_string());
        assert!(
            e.message
                .starts_with("markup nested deeper than 3000 levels"),
            "{e}"
        );
    }
    assert_eq!(ok_text(&v[3]), PARA_FR);
    assert_eq!(
        ok_text(&v[4]),
        [PARA_FR, PARA_EN, PARA_FR, PARA_EN].join("\n")
    );
    assert_eq!(ok_text(&v[5]), PARA_EN);
}

/// Shapes that kept the parser's stack deep while the old guard, which let any end tag close
/// something, saw them flat: html5ever's time grows with the square of its stack, and 8,000
/// unclosed `<b class=…>` took it 7 s (release build). One tag with 100,000 attributes costs
/// it a comparison per pair of attributes.
#[test]
fn end_tags_that_close_nothing_and_attribute_floods_are_refused_quickly() {
    let folder = dir("bypass");
    let reps = 60_000;
    let shapes = [
        // end tags naming nothing open
        (0..reps)
            .map(|i| format!("<b class=c{i}></i>"))
            .collect::<Vec<_>>()
            .concat(),
        "<div></x>".repeat(reps),
        // an ordinary end tag stops at a block, a formatting one closes only itself, and
        // nothing closes past a table or a marquee
        "<span><div></span>".repeat(reps),
        "<b><div></b>".repeat(reps),
        "<div><table></div></table>".repeat(reps),
        "<b><marquee></b></marquee>".repeat(reps),
    ];
    let attrs = (0..100_000)
        .map(|i| format!(" data-a{i}=v"))
        .collect::<Vec<_>>()
        .concat();
    let mut paths: Vec<PathBuf> = shapes
        .iter()
        .enumerate()
        .map(|(k, s)| {
            write(
                &folder,
                &format!("shape{k}.html"),
                page(&format!("{s}<p>{PARA_EN}</p>")).as_bytes(),
            )
        })
        .collect();
    paths.push(write(
        &folder,
        "attrs.html",
        page(&format!("<div{attrs}><p>{PARA_FR}</p></div>")).as_bytes(),
    ));
    paths.push(write(
        &folder,
        "after.html",
        page(&format!("<p>{PARA_EN}</p>")).as_bytes(),
    ));
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (v, _) = ingest(&refs);
    assert_eq!(v.len(), 8);
    for r in &v[..6] {
        let e = err(r);
        assert!(
            e.message
                .starts_with("markup nested deeper than 3000 levels"),
            "{e}"
        );
    }
    assert!(
        err(&v[6])
            .message
            .starts_with("a tag with more than 1000 attributes"),
        "{}",
        err(&v[6])
    );
    assert_eq!(ok_text(&v[7]), PARA_EN);
}

#[test]
fn wrong_charset_declarations_are_overridden_by_the_bytes() {
    let d = dir("charset");
    // windows-1252 bytes (é, ’ and € have no Latin-1 meaning) under a UTF-8 declaration
    let text_1252 =
        "Le prix de l’énergie a augmenté de 12 € en un mois, a déclaré le ministre de l’Économie.";
    let bytes_1252 = encoding_rs::WINDOWS_1252.encode(text_1252).0;
    let mut lying_utf8 = b"<html><head><meta charset=\"utf-8\"></head><body><article><p>".to_vec();
    lying_utf8.extend_from_slice(&bytes_1252);
    lying_utf8.extend_from_slice(b"</p></article></body></html>");
    // UTF-8 bytes under a windows-1252 declaration
    let lying_1252 = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><article><p>{text_1252}</p></article></body></html>"
    );
    // the same two lies told by the HTTP header of WARC records
    let mut warc = warc_record(
        "h1",
        "https://news.example/h1",
        &http("text/html; charset=utf-8", &lying_utf8),
    );
    warc.extend(warc_record(
        "h2",
        "https://news.example/h2",
        &http("text/html; charset=iso-8859-1", lying_1252.as_bytes()),
    ));
    let paths = [
        write(&d, "utf8-lie.html", &lying_utf8),
        write(&d, "cp1252-lie.html", lying_1252.as_bytes()),
        write(&d, "lies.warc", &warc),
    ];
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (v, _) = ingest(&refs);
    assert_eq!(v.len(), 4);
    for r in &v {
        assert_eq!(ok_text(r), text_1252);
    }
}

#[test]
fn binary_content_served_as_html_is_one_error_and_nuls_are_dropped() {
    let d = dir("binary");
    let png = png_bytes();
    let png_file = write(&d, "photo.html", &png);
    let mut warc = warc_record("img", "https://news.example/img", &http("text/html", &png));
    warc.extend(html_record("next", PARA_EN));
    let warc_file = write(&d, "mixed.warc", &warc);
    // a few stray NULs and control bytes in a page are dropped by the parser
    let with_nuls = page(&format!("<p>{PARA_FR}</p>"))
        .replacen(' ', " \0", 3)
        .replace("<p>", "\u{1}<p>\0");
    let nul_file = write(&d, "nuls.html", with_nuls.as_bytes());
    // a page that is mostly NULs is binary
    let mostly_nul = page(&format!("<p>{PARA_FR}</p>")).replace(' ', "\0\0\0");
    let mostly_nul_file = write(&d, "mostly-nul.html", mostly_nul.as_bytes());
    let (v, _) = ingest(&[&png_file, &warc_file, &nul_file, &mostly_nul_file]);
    assert_eq!(v.len(), 5, "{v:?}");
    let e = err(&v[0]);
    assert_eq!(e.origin.file, png_file.display().to_string());
    assert_eq!(e.id.as_deref(), Some("photo"));
    assert!(e.message.starts_with("binary content"), "{e}");
    let e = err(&v[1]);
    assert!(e.message.starts_with("binary content"), "{e}");
    assert_eq!(e.origin.offset, Some(0));
    assert_eq!(e.id.as_deref(), Some("urn:uuid:img"));
    assert_eq!(ok_text(&v[2]), PARA_EN);
    let t = ok_text(&v[3]);
    assert!(!t.contains('\0'), "{t:?}");
    assert_eq!(t, PARA_FR);
    assert!(
        err(&v[4]).message.starts_with("binary content"),
        "{}",
        err(&v[4])
    );
}

#[test]
fn malformed_feeds_are_one_error_each_and_the_next_feed_is_read() {
    let d = dir("feeds");
    let good = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fil</title><item><title>Accord</title><guid>g1</guid><description>&lt;p&gt;{PARA_FR}&lt;/p&gt;</description></item></channel></rss>"
    );
    let cut = &good[..good.len() / 2];
    let mismatched = good.replace("</title><item>", "</titel><item>");
    let not_xml = "{\"this\": is not a feed";
    let paths = [
        write(&d, "cut.rss", cut.as_bytes()),
        write(&d, "mismatched.rss", mismatched.as_bytes()),
        write(&d, "notxml.xml", not_xml.as_bytes()),
        write(&d, "binary.atom", &png_bytes()),
        write(&d, "good.rss", good.as_bytes()),
    ];
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (v, _) = ingest(&refs);
    // every broken feed gives errors naming it and no document; then the good feed is read
    let (last, broken) = v.split_last().unwrap();
    for p in &paths[..4] {
        let name = p.display().to_string();
        let errors: Vec<&InputError> = broken
            .iter()
            .map(err)
            .filter(|e| e.origin.file == name)
            .collect();
        assert!(!errors.is_empty(), "no error for {name}: {v:?}");
    }
    assert_eq!(broken.len(), 5, "{v:?}");
    // the feed cut inside its only item: that item is kept as far as it goes (a title, no
    // content), and the break is reported
    let cut = err(&broken[1]);
    assert!(
        cut.message
            .starts_with("malformed feed XML: 4 elements left open"),
        "{cut}"
    );
    assert!(err(&broken[0])
        .message
        .contains("without a link or content"));
    // the mismatched end tag is named with its place (feed-rs alone returned no item and no error)
    let mismatched = err(&broken[2]);
    assert!(
        mismatched
            .message
            .contains("`</titel>` was found at byte 59"),
        "{mismatched}"
    );
    assert!(err(&broken[3]).message.starts_with("not a feed"));
    assert!(err(&broken[4]).message.starts_with("not a feed"));
    let a = last.as_ref().unwrap();
    assert_eq!(a.id, "g1");
    assert_eq!(a.text.as_deref(), Some(PARA_FR));
}

#[test]
fn a_feed_broken_after_its_first_items_keeps_them_and_reports_the_break() {
    let d = dir("feed-broken");
    let item = |i: usize, text: &str| {
        format!(
            "<item><guid>i{i}</guid><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"
        )
    };
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fil</title>{}{}<item><guid>i3</guid><description>unescaped <p>markup</description></item>{}</channel></rss>",
        item(1, PARA_FR),
        item(2, PARA_EN),
        item(4, PARA_FR)
    );
    let p = write(&d, "broken.rss", feed.as_bytes());
    let (v, _) = ingest(&[&p]);
    let ids: Vec<&str> = v
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids[..2], ["i1", "i2"], "{v:?}");
    let e = err(v.last().unwrap());
    assert_eq!(e.origin.file, p.display().to_string());
    assert!(e.message.starts_with("malformed feed XML"), "{e}");
    assert!(e.message.contains("byte "), "{e}");
}

#[test]
fn feeds_with_huge_items_and_many_items_are_read_whole() {
    let d = dir("feed-huge");
    // one item of 8 MB of text in many paragraphs, then 20,000 small items
    let big_body: String = (0..80_000).fold(String::new(), |mut s, i| {
        let _ = write!(s, "&lt;p&gt;{PARA_EN} ({i})&lt;/p&gt;");
        s
    });
    let mut feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title><item><guid>big</guid><description>{big_body}</description></item>"
    );
    for i in 0..20_000 {
        let _ = write!(
            feed,
            "<item><guid>i{i}</guid><description>{PARA_FR}</description></item>"
        );
    }
    feed.push_str("</channel></rss>");
    let p = write(&d, "big.rss", feed.as_bytes());
    let (v, _) = ingest(&[&p]);
    assert_eq!(v.len(), 20_001);
    let big = ok_text(&v[0]);
    assert_eq!(big.lines().count(), 80_000);
    assert!(big.ends_with(&format!("{PARA_EN} (79999)")));
    let last = v.last().unwrap().as_ref().unwrap();
    assert_eq!(last.id, "i19999");
    assert_eq!(last.text.as_deref(), Some(PARA_FR));
}
