//! What a page must not be before it is parsed: binary data served as HTML (an image, an
//! archive), or markup nested so deep that the HTML5 parser, whose scope checks walk the
//! stack of open elements, would take time quadratic in the depth. Both are refused with a
//! reason instead of producing garbage text or running for minutes.

use super::lexicon::{HtmlLexicon, ParserKind};

/// How many bytes from the start are examined for binary data.
const SNIFF: usize = 1024;
/// One binary data byte in this many bytes of the sample makes it binary (text has none; a page
/// with stray NULs has a few; images and archives have about one byte in ten).
const BINARY_PER: usize = 16;
/// Refused beyond this many elements open at once, as estimated by [`too_deep`] (an
/// overestimate of the parser's stack). html5ever's scope checks and its "Noah's Ark" search of
/// the active formatting elements walk that stack at each tag, so its time grows with the square
/// of the depth: 8,000 unclosed `<b class=…>` took 7 s. The 181 pages of the ScrapingHub
/// benchmark peak at 571 under the old, looser estimate.
pub const MAX_NESTING: usize = 3_000;
/// Refused beyond this many attributes in one tag: html5ever compares each new attribute's
/// name with every earlier one (duplicates are dropped), so one tag of 8,000 attributes took
/// 0.4 s and a megabyte of them minutes. Real tags have a few dozen.
pub const MAX_ATTRIBUTES: usize = 1_000;
/// How far down the stack an end tag looks for its element: a match further down counts as
/// closing nothing (an overestimate), so that the guard stays linear.
const MATCH_WINDOW: usize = 128;

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

/// One element the guard believes open: where its name is in the page, and how the parser
/// treats it.
#[derive(Clone, Copy)]
struct Open {
    name: (usize, usize),
    kind: ParserKind,
}

/// The tag name starting at `i` (ASCII letters, digits, `-`, `:`), as a byte range.
fn name_at(b: &[u8], i: usize) -> (usize, usize) {
    let len = b[i..]
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')))
        .unwrap_or(b.len() - i);
    (i, i + len)
}

/// The parser kind of a tag name (names longer than any listed tag are ordinary).
fn kind_of(b: &[u8], name: (usize, usize), lex: &HtmlLexicon) -> ParserKind {
    let mut buf = [0u8; 16];
    let n = name.1 - name.0;
    if n > buf.len() {
        return ParserKind::default();
    }
    for (d, s) in buf.iter_mut().zip(&b[name.0..name.1]) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..n]).map_or(ParserKind::default(), |t| lex.parser_kind(t))
}

/// The end of the tag whose name ends at `from` (the index of its `>`, or `None` when the page
/// ends first), and how many attributes it holds. Quoted values are skipped as the tokenizer
/// skips them: a quote opens a value only right after `=`.
fn tag_end(b: &[u8], from: usize) -> (Option<usize>, usize) {
    let mut i = from;
    let mut attrs = 0;
    let mut in_name = false;
    let mut after_eq = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b'>' => return (Some(i), attrs),
            b'"' | b'\'' if after_eq => {
                match memchr::memchr(c, &b[i + 1..]) {
                    Some(q) => i += q + 1,
                    None => return (None, attrs),
                }
                after_eq = false;
                in_name = false;
            }
            b'=' => {
                after_eq = true;
                in_name = false;
            }
            c if c.is_ascii_whitespace() || c == b'/' => {
                in_name = false;
            }
            _ => {
                if !in_name && !after_eq {
                    attrs += 1;
                }
                in_name = !after_eq;
                after_eq = false;
            }
        }
        i += 1;
    }
    (None, attrs)
}

/// Where the end tag `</name` of a raw text element starting at `from` begins.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(k) = memchr::memmem::find(&b[at..], b"</") {
        let s = at + k;
        let n = s + 2;
        if b.len() >= n + name.len() && b[n..n + name.len()].eq_ignore_ascii_case(name) {
            return Some(s);
        }
        at = s + 2;
    }
    None
}

/// Why `html` is not parsed, when its elements would nest deeper than [`MAX_NESTING`] in the
/// parser or a tag holds more than [`MAX_ATTRIBUTES`] attributes. One pass over the bytes
/// keeps a stack of the elements the parser may hold open, and errs on the side of keeping
/// them: a start tag opens (unless it ends with `/>` or names a void element), closing a same-named
/// `sibling` on top first; an end tag closes what the parser would close at most — an ordinary
/// one down to its element unless a special element lies between, a formatting one only its
/// element, a special one down to its element — and nothing past a scope boundary, beyond
/// [`MATCH_WINDOW`] elements, or when no such element is open (an end tag that closes nothing
/// does not hide the elements it names, as the parser ignores it). Comments and the contents of
/// raw text elements (`script`, `style`) are skipped as the tokenizer skips them.
pub fn too_deep(html: &str, lex: &HtmlLexicon) -> Option<String> {
    let b = html.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let eq = |x: (usize, usize), y: (usize, usize)| b[x.0..x.1].eq_ignore_ascii_case(&b[y.0..y.1]);
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let i = at + i;
        at = i + 1;
        match b.get(i + 1) {
            // a comment holds no markup
            Some(b'!') if b[i..].starts_with(b"<!--") => {
                match memchr::memmem::find(&b[i + 4..], b"-->") {
                    Some(e) => at = i + 4 + e + 3,
                    None => break,
                }
            }
            Some(b'/') if b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let name = name_at(b, i + 2);
                let kind = kind_of(b, name, lex);
                let low = stack.len().saturating_sub(MATCH_WINDOW);
                for k in (low..stack.len()).rev() {
                    let open = stack[k];
                    if eq(open.name, name) {
                        if kind.formatting {
                            stack.remove(k);
                        } else {
                            stack.truncate(k);
                        }
                        break;
                    }
                    if open.kind.boundary
                        || (open.kind.special && !kind.special && !kind.formatting)
                    {
                        break;
                    }
                }
                at = name.1;
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = name_at(b, i + 1);
                let (end, attrs) = tag_end(b, name.1);
                if attrs > MAX_ATTRIBUTES {
                    return Some(format!(
                        "a tag with more than {MAX_ATTRIBUTES} attributes (at byte {i})"
                    ));
                }
                let Some(end) = end else {
                    break;
                };
                let kind = kind_of(b, name, lex);
                if kind.sibling && stack.last().is_some_and(|top| eq(top.name, name)) {
                    stack.pop();
                }
                if b[end - 1] != b'/' && !kind.void {
                    stack.push(Open { name, kind });
                    if stack.len() > MAX_NESTING {
                        return Some(format!(
                            "markup nested deeper than {MAX_NESTING} levels (at byte {i})"
                        ));
                    }
                }
                at = end + 1;
                // a script or style runs to its end tag, whatever it holds
                if kind.raw {
                    match raw_end(b, at, &b[name.0..name.1]) {
                        Some(e) => at = e,
                        None => break,
                    }
                }
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

    fn deep(html: &str) -> Option<String> {
        too_deep(html, HtmlLexicon::builtin().unwrap())
    }

    #[test]
    fn nesting_counts_open_tags_and_ignores_the_rest() {
        assert!(deep("<div><p>a</p><br/><img src=x></div>").is_none());
        let e = deep(&"<div>".repeat(MAX_NESTING + 1)).unwrap();
        assert!(e.contains("deeper than 3000 levels"), "{e}");
        // as deep, but closed as it goes
        assert!(deep(&"<div></div>".repeat(MAX_NESTING * 2)).is_none());
        // self-closing tags, void elements, comparisons and stray brackets open nothing
        let flat = "<br/> a < b <3 <> </> <br><img src=a.png><".repeat(MAX_NESTING);
        assert!(deep(&flat).is_none());
        assert!(deep("<div").is_none());
        // what the parser closes implicitly or by an outer end tag: unclosed items and
        // paragraphs, a span around a line break
        let page = "<ul><li>a<li>b</ul><p>x<p>y<div><span>a<br>b</span></div>".repeat(MAX_NESTING);
        assert!(deep(&page).is_none());
    }

    #[test]
    fn end_tags_the_parser_ignores_do_not_close_anything() {
        let n = MAX_NESTING + 1;
        // an end tag naming nothing open
        assert!(deep(&"<b class=x></i>".repeat(n)).is_some());
        assert!(deep(&"<div></x>".repeat(n)).is_some());
        // an ordinary end tag does not close past a special element
        assert!(deep(&"<span><div></span>".repeat(n)).is_some());
        // a formatting end tag closes its element only: the block inside stays open
        assert!(deep(&"<b><div></b>".repeat(n)).is_some());
        // nothing closes past a scope boundary
        assert!(deep(&"<b><marquee></b></marquee>".repeat(n)).is_some());
        assert!(deep(&"<div><table></div></table>".repeat(n)).is_some());
    }

    #[test]
    fn a_tag_with_too_many_attributes_is_refused() {
        let attrs = (0..=MAX_ATTRIBUTES)
            .map(|i| format!(" a{i}=v"))
            .collect::<Vec<_>>()
            .concat();
        let e = deep(&format!("<div{attrs}>x</div>")).unwrap();
        assert!(e.contains("more than 1000 attributes"), "{e}");
        let fewer = (0..100)
            .map(|i| format!(" a{i}='x y z'"))
            .collect::<Vec<_>>()
            .concat();
        assert!(deep(&format!("<div{fewer}>x</div>")).is_none());
        // scripts and comments hold no tags, whatever they look like
        let code = format!(
            "<script>if (n<t.length {}) x()</SCRIPT><p>x</p>",
            " a".repeat(5000)
        );
        assert!(deep(&code).is_none());
        let comment = format!("<!-- <div {} --><p>x</p>", " a".repeat(5000));
        assert!(deep(&comment).is_none());
        // a quoted value is skipped: its spaces and `>` are not attributes or the tag's end
        let quoted = format!(
            "<div title=\"{}\">x</div>",
            " > a b".repeat(2 * MAX_ATTRIBUTES)
        );
        assert!(deep(&quoted).is_none());
    }
}
