//! WARC archives (`.warc`, `.warc.gz` with one gzip member a record or one for the whole
//! file, as Common Crawl's CC-NEWS writes them). `response` records whose HTTP payload is
//! HTML become articles with the record's id and target URI; every other record is skipped
//! and counted by reason. A record's offset is kept for provenance: its byte offset in a
//! plain file, the offset of the gzip member holding it in a compressed one (what CC indexes
//! give). A damaged record is one error; reading goes on when the framing allows it.

use std::io::{self, BufRead, BufReader, Read};

use vigie_core::Article;

use crate::error::InputError;
use crate::source::{Input, Origin, ReadStats};

/// Records larger than this are skipped unread (a page is never this large; a video is).
pub const MAX_RECORD: u64 = 32 << 20;
/// Header blocks longer than this are damage, not headers.
const MAX_HEADER: usize = 64 << 10;

/// A `BufRead` that counts the bytes consumed from it.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// Read a WARC stream. `gz` says whether it is gzip-compressed.
pub fn read(
    name: &str,
    reader: impl Read,
    gz: bool,
    stats: &mut ReadStats,
    emit: &mut dyn FnMut(Input),
) {
    let mut src = Counting {
        inner: BufReader::with_capacity(1 << 16, reader),
        pos: 0,
    };
    if !gz {
        read_records(name, &mut src, None, stats, emit);
        return;
    }
    loop {
        let member = src.pos;
        match src.fill_buf() {
            Ok([]) => break,
            Ok(_) => {}
            Err(e) => {
                emit(error(name, member, None, format!("read error: {e}")));
                break;
            }
        }
        let mut dec = BufReader::new(flate2::bufread::GzDecoder::new(&mut src));
        let ok = read_records(name, &mut dec, Some(member), stats, emit);
        if !ok {
            // the member is damaged: the rest of the stream cannot be framed again
            break;
        }
        // a member must consume input, or the loop would never end
        if src.pos == member {
            break;
        }
    }
}

fn error(name: &str, offset: u64, id: Option<String>, message: String) -> Input {
    let origin = Origin {
        file: name.to_string(),
        line: None,
        offset: Some(offset),
    };
    Input {
        origin: origin.clone(),
        article: Err(InputError {
            origin,
            id,
            message,
        }),
    }
}

/// Read the records of one (decompressed) stream; `member` is the gzip member offset when
/// compressed. Returns false when the stream is damaged beyond recovery.
fn read_records(
    name: &str,
    r: &mut impl BufRead,
    member: Option<u64>,
    stats: &mut ReadStats,
    emit: &mut dyn FnMut(Input),
) -> bool {
    let mut pos: u64 = 0;
    let mut line = Vec::new();
    loop {
        // skip the blank lines between records
        let start = loop {
            line.clear();
            match read_line(r, &mut line) {
                Ok(0) => return true,
                Ok(n) => {
                    if line.trim_ascii().is_empty() {
                        pos += n as u64;
                        continue;
                    }
                    let at = pos;
                    pos += n as u64;
                    break at;
                }
                Err(e) => {
                    emit(error(
                        name,
                        member.unwrap_or(pos),
                        None,
                        format!("read error: {e}"),
                    ));
                    return false;
                }
            }
        };
        let offset = member.unwrap_or(start);
        if !line.starts_with(b"WARC/") {
            emit(error(
                name,
                offset,
                None,
                "not a WARC record (no `WARC/` version line)".into(),
            ));
            return false;
        }
        let headers = match read_headers(r, &mut pos) {
            Ok(h) => h,
            Err(e) => {
                emit(error(name, offset, None, e));
                return false;
            }
        };
        let get = |k: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.as_str())
        };
        let id = get("WARC-Record-ID").map(|s| {
            s.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        });
        let Some(len) = get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            emit(error(
                name,
                offset,
                id,
                "record without a valid Content-Length".into(),
            ));
            return false;
        };
        let kind = get("WARC-Type").unwrap_or("").trim().to_ascii_lowercase();
        let uri = get("WARC-Target-URI").map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        });
        let wanted = kind == "response"
            && get("Content-Type")
                .is_some_and(|c| c.to_ascii_lowercase().contains("application/http"));
        if !wanted || len > MAX_RECORD {
            let reason = if wanted {
                "response larger than the record limit".to_string()
            } else {
                format!("{} record", if kind.is_empty() { "untyped" } else { &kind })
            };
            match io::copy(&mut r.by_ref().take(len), &mut io::sink()) {
                Ok(n) if n == len => {}
                Ok(_) => {
                    emit(error(name, offset, id, "truncated record".into()));
                    return false;
                }
                Err(e) => {
                    emit(error(name, offset, id, format!("read error: {e}")));
                    return false;
                }
            }
            pos += len;
            stats.skip(&reason);
            continue;
        }
        let mut block = Vec::with_capacity(len as usize);
        match r.by_ref().take(len).read_to_end(&mut block) {
            Ok(n) if n as u64 == len => {}
            Ok(_) => {
                emit(error(name, offset, id, "truncated record".into()));
                return false;
            }
            Err(e) => {
                emit(error(name, offset, id, format!("read error: {e}")));
                return false;
            }
        }
        pos += len;
        let origin = Origin {
            file: name.to_string(),
            line: None,
            offset: Some(offset),
        };
        match http_html(&block) {
            Err(Skip(reason)) => stats.skip(&reason),
            Ok(Err(message)) => emit(Input {
                origin: origin.clone(),
                article: Err(InputError {
                    origin,
                    id,
                    message,
                }),
            }),
            Ok(Ok(html)) => {
                let article = Article {
                    id: id.unwrap_or_else(|| format!("{name}@{offset}")),
                    html: Some(html),
                    url: uri,
                    ..Article::default()
                };
                emit(Input {
                    origin,
                    article: Ok(article),
                });
            }
        }
    }
}

/// Read one line (up to and including `\n`), refusing endless lines.
fn read_line(r: &mut impl BufRead, out: &mut Vec<u8>) -> io::Result<usize> {
    let n = r.by_ref().take(MAX_HEADER as u64).read_until(b'\n', out)?;
    if n == MAX_HEADER && !out.ends_with(b"\n") {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "header line too long",
        ));
    }
    Ok(n)
}

fn read_headers(r: &mut impl BufRead, pos: &mut u64) -> Result<Vec<(String, String)>, String> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    let mut total = 0usize;
    loop {
        line.clear();
        let n = read_line(r, &mut line).map_err(|e| format!("read error in headers: {e}"))?;
        if n == 0 {
            return Err("truncated record headers".into());
        }
        *pos += n as u64;
        total += n;
        if total > MAX_HEADER {
            return Err("record headers too long".into());
        }
        let l = line.trim_ascii_end();
        if l.is_empty() {
            return Ok(headers);
        }
        let text = String::from_utf8_lossy(l);
        if text.starts_with([' ', '\t']) {
            // a continuation line belongs to the previous header
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(text.trim());
            }
            continue;
        }
        if let Some((k, v)) = text.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
}

/// Why a response is not an article.
struct Skip(String);

/// The HTML of an HTTP response: `Err(Skip)` when it is not an HTML page with status 200,
/// `Ok(Err)` when it is broken.
fn http_html(block: &[u8]) -> Result<Result<String, String>, Skip> {
    let Some(head_end) = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Ok(Err("HTTP response without a header block".into()));
    };
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok());
    let Some(code) = code else {
        return Ok(Err(format!(
            "bad HTTP status line `{}`",
            status.chars().take(80).collect::<String>()
        )));
    };
    if code != 200 {
        return Err(Skip(format!("HTTP status {code}")));
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut coding = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim();
            if k.eq_ignore_ascii_case("content-type") {
                content_type = v.trim().to_ascii_lowercase();
            } else if k.eq_ignore_ascii_case("transfer-encoding") {
                chunked = v.to_ascii_lowercase().contains("chunked");
            } else if k.eq_ignore_ascii_case("content-encoding") {
                coding = v.trim().to_ascii_lowercase();
            }
        }
    }
    if !(content_type.is_empty()
        || content_type.contains("text/html")
        || content_type.contains("application/xhtml"))
    {
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        return Err(Skip(format!("not HTML ({mime})")));
    }
    let mut body = block[head_end.1..].to_vec();
    if chunked {
        match dechunk(&body) {
            Some(b) => body = b,
            None => return Ok(Err("broken chunked transfer encoding".into())),
        }
    }
    match coding.as_str() {
        "" | "identity" => {}
        "gzip" | "x-gzip" | "deflate" => {
            let mut out = Vec::new();
            let res = if coding == "deflate" {
                flate2::read::ZlibDecoder::new(&body[..])
                    .take(MAX_RECORD)
                    .read_to_end(&mut out)
            } else {
                flate2::read::MultiGzDecoder::new(&body[..])
                    .take(MAX_RECORD)
                    .read_to_end(&mut out)
            };
            if let Err(e) = res {
                return Ok(Err(format!("bad {coding} content encoding: {e}")));
            }
            body = out;
        }
        other => return Err(Skip(format!("unsupported content encoding {other}"))),
    }
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']))
        .next();
    Ok(crate::html::decode_page(&body, charset))
}

/// Undo HTTP chunked transfer encoding.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = memchr::memmem::find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A WARC record with an HTTP response around `body`.
    pub(crate) fn record(id: &str, uri: &str, http: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        r.extend_from_slice(http);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    pub(crate) fn http(ct: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n{body}").into_bytes()
    }

    fn info() -> Vec<u8> {
        let body = "software: test\r\n";
        format!(
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:info>\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
            body.len()
        )
        .into_bytes()
    }

    fn gz(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: &[u8], gz: bool) -> (Vec<Input>, ReadStats) {
        let mut v = Vec::new();
        let mut stats = ReadStats::default();
        read("t.warc", bytes, gz, &mut stats, &mut |i| v.push(i));
        (v, stats)
    }

    fn sample() -> Vec<Vec<u8>> {
        vec![
            info(),
            record(
                "a",
                "https://news.example/a",
                &http("text/html; charset=utf-8", "<p>Le maire a parlé.</p>"),
            ),
            record("b", "https://news.example/b.png", &http("image/png", "PNG")),
            record(
                "c",
                "https://news.example/c",
                b"HTTP/1.1 301 Moved\r\nLocation: /d\r\n\r\n",
            ),
            record(
                "d",
                "https://news.example/d",
                &http("text/html; charset=iso-8859-1", "<p>d\u{e9}j\u{e0}</p>"),
            ),
        ]
    }

    #[test]
    fn plain_warc_keeps_html_responses_and_counts_the_rest() {
        let recs = sample();
        let all: Vec<u8> = recs.concat();
        let (v, stats) = read_all(&all, false);
        assert_eq!(v.len(), 2, "{v:?}");
        let a = v[0].article.as_ref().unwrap();
        assert_eq!(a.id, "urn:uuid:a");
        assert_eq!(a.url.as_deref(), Some("https://news.example/a"));
        assert!(a.html.as_deref().unwrap().contains("Le maire a parlé."));
        let first = recs[0].len() as u64;
        assert_eq!(v[0].origin.offset, Some(first));
        assert_eq!(stats.skipped_total(), 3);
        assert_eq!(stats.skipped.get("warcinfo record"), Some(&1));
        assert_eq!(stats.skipped.get("HTTP status 301"), Some(&1));
    }

    #[test]
    fn gzip_members_give_member_offsets() {
        let recs = sample();
        let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
        let all = members.concat();
        let (v, _) = read_all(&all, true);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].origin.offset, Some(members[0].len() as u64));
        let d_offset: usize = members[..4].iter().map(Vec::len).sum();
        assert_eq!(v[1].origin.offset, Some(d_offset as u64));
        // one member for the whole file works too
        let (v, _) = read_all(&gz(&recs.concat()), true);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn chunked_and_gzip_encoded_payloads_are_decoded() {
        let mut body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        let z = gz(b"<p>Talks resumed in Geneva.</p>");
        body.extend_from_slice(format!("{:x}\r\n", z.len()).as_bytes());
        body.extend_from_slice(&z);
        body.extend_from_slice(b"\r\n0\r\n\r\n");
        let (v, _) = read_all(&record("z", "https://x.example/", &body), false);
        assert!(v[0]
            .article
            .as_ref()
            .unwrap()
            .html
            .as_deref()
            .unwrap()
            .contains("Talks resumed"));
    }

    #[test]
    fn truncated_gzip_is_one_error_after_the_good_records() {
        let recs = sample();
        let mut all: Vec<u8> = recs[..2].iter().flat_map(|r| gz(r)).collect();
        let last = gz(&recs[4]);
        all.extend_from_slice(&last[..last.len() / 2]);
        let (v, _) = read_all(&all, true);
        assert!(v[0].article.is_ok());
        assert!(v.last().unwrap().article.is_err(), "{v:?}");
    }

    #[test]
    fn truncated_plain_record_is_an_error() {
        let r = &sample()[1];
        let (v, _) = read_all(&r[..r.len() - 20], false);
        assert_eq!(v.len(), 1);
        assert!(v[0]
            .article
            .as_ref()
            .unwrap_err()
            .message
            .contains("truncated"));
    }

    #[test]
    fn not_a_warc_is_one_error() {
        let (v, _) = read_all(b"<html>not a warc</html>\n", false);
        assert_eq!(v.len(), 1);
        assert!(v[0].article.is_err());
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let _ = read_all(&bytes, false);
            let _ = read_all(&bytes, true);
        }

        #[test]
        fn damaged_records_never_panic(cut in 0usize..400, flip in 0usize..400) {
            let mut all = sample().concat();
            if let Some(b) = all.get_mut(flip) { *b ^= 0x55; }
            all.truncate(all.len().saturating_sub(cut));
            let _ = read_all(&all, false);
        }
    }
}
