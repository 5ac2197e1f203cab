//! What a page must not be before it is parsed: binary data served as HTML (an image, an
//! archive), or markup nested so deep that the HTML5 parser, whose scope checks walk the
//! stack of open elements, would take time quadratic in the depth. Both are refused with a
//! reason instead of producing garbage text or running for minutes.

/// How many bytes from the start are examined for binary data.
const SNIFF: usize = 1024;
/// One binary data byte in this many bytes of the sample makes it binary (text has none; a page
/// with stray NULs has a few; images and archives have about one byte in ten).
const BINARY_PER: usize = 16;
/// Refused beyond this many tags open at once, counting every start tag not closed by an end
/// tag (void elements included, so this overestimates the parser's real depth). The 181 pages
/// of the ScrapingHub benchmark peak at 571; html5ever takes about a second at 20,000.
pub const MAX_NESTING: usize = 10_000;

/// The WHATWG MIME sniffing standard's "binary data byte": a control byte that text never
/// holds (tab, line feed, form feed, carriage return and escape are text).
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0b | 0x0e..=0x1a | 0x1c..=0x1f)
}

/// Why `bytes` are not an HTML page, when their start is binary data. A byte-order mark
/// says the bytes are text (UTF-16 holds NULs).
pub fn binary(bytes: &[u8]) -> Option<String> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SNIFF)];
    let n = sample.iter().filter(|&&b| is_binary_byte(b)).count();
    (n > 0 && n * BINARY_PER > sample.len()).then(|| {
        format!(
            "binary content, not HTML ({n} of the first {} bytes are control bytes)",
            sample.len()
        )
    })
}

/// Why `html` is not parsed, when its tags nest deeper than [`MAX_NESTING`]. One pass over
/// the bytes: `<name` opens (unless it ends with `/>`), `</name` closes; comments and the
/// contents of `script` and `style` may hold `<` freely but only make the count larger,
/// which the limit's margin absorbs.
pub fn too_deep(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let i = at + i;
        at = i + 1;
        match b.get(i + 1) {
            Some(b'/') if b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) => {
                depth = depth.saturating_sub(1);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let Some(end) = memchr::memchr(b'>', &b[i..]) else {
                    break;
                };
                let end = i + end;
                if b[end - 1] != b'/' {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(format!(
                            "markup nested deeper than {MAX_NESTING} levels (at byte {i})"
                        ));
                    }
                }
                at = end + 1;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_and_archives_are_binary_and_pages_are_not() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06";
        assert!(binary(png).unwrap().contains("of the first 26 bytes"));
        assert!(binary(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03").is_some());
        assert!(binary("<p>Le maire a parlé.</p>\r\n\t\x0c".as_bytes()).is_none());
        // a stray NUL in a page is not enough
        let page = format!("<p>{}\u{0}</p>", "Les négociations ont repris. ".repeat(4));
        assert!(binary(page.as_bytes()).is_none());
        // UTF-16 with its byte-order mark is text
        assert!(binary(b"\xff\xfe<\x00p\x00>\x00").is_none());
        assert!(binary(b"").is_none());
    }

    #[test]
    fn nesting_counts_open_tags_and_ignores_the_rest() {
        assert!(too_deep("<div><p>a</p><br/><img src=x></div>").is_none());
        let deep = "<div>".repeat(MAX_NESTING + 1);
        let e = too_deep(&deep).unwrap();
        assert!(e.contains("deeper than 10000 levels"), "{e}");
        // as deep, but closed as it goes
        assert!(too_deep(&"<div></div>".repeat(MAX_NESTING * 2)).is_none());
        // self-closing tags, comparisons and stray brackets do not open anything
        let flat = "<br/> a < b <3 <> </> <".repeat(MAX_NESTING);
        assert!(too_deep(&flat).is_none());
        assert!(too_deep("<div").is_none());
    }
}
