//! Bytes to text: the byte-order mark, then the charset the transport declared (HTTP
//! `Content-Type`), then the page's own `<meta charset>`, then detection. A declaration that
//! the bytes contradict is not trusted: bytes that are valid UTF-8 with multi-byte sequences
//! are UTF-8 whatever a legacy single-byte declaration says, and a UTF-8 declaration over
//! bytes that are not UTF-8 falls back to detection.

use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta charset>` is looked for (the HTML standard says 1024
/// bytes; real pages put long `<head>`s first, so look further).
const PRESCAN: usize = 8192;

/// Decode `bytes`, with `declared` the charset label from a transport header if any.
/// Returns the text and the encoding's name.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> (String, &'static str) {
    let enc = choose(bytes, declared);
    // BOM-aware decode: a BOM, when present, wins and is removed
    let (text, used, _) = enc.decode(bytes);
    (text.into_owned(), used.name())
}

fn choose(bytes: &[u8], declared: Option<&str>) -> &'static Encoding {
    if let Some((bom, _)) = Encoding::for_bom(bytes) {
        return bom;
    }
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]));
    let utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        // UTF-16 declared in a meta tag is a lie the standard also ignores (the tag was read
        // as ASCII, so the page is not UTF-16)
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
        Some(e) if e == UTF_8 => {
            if utf8 {
                UTF_8
            } else {
                detect(bytes)
            }
        }
        Some(e) => {
            if utf8 && !bytes.is_ascii() && e.is_single_byte() {
                UTF_8
            } else {
                e
            }
        }
        None if utf8 => UTF_8,
        None => detect(bytes),
    }
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    det.guess(None, true)
}

/// The charset of a `<meta charset=…>` or `<meta http-equiv=content-type content="…;
/// charset=…">` in the first bytes of a page.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(j) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[j + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest
                    .trim_ascii_start()
                    .strip_prefix(b"\"")
                    .or_else(|| rest.trim_ascii_start().strip_prefix(b"'"))
                    .unwrap_or(rest.trim_ascii_start());
                let len = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..len]) {
                    return Some(e);
                }
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_read() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        let (text, enc) = decode(page, None);
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("café"));
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>d\xe9j\xe0</p>";
        let (text, _) = decode(page, None);
        assert!(text.contains("déjà"));
    }

    #[test]
    fn header_charset_wins_over_meta() {
        let page = "<meta charset=utf-8><p>\u{0436}</p>".as_bytes();
        let koi8 = encoding_rs::KOI8_R
            .encode("<meta charset=utf-8><p>жизнь</p>")
            .0;
        let (text, enc) = decode(&koi8, Some("koi8-r"));
        assert_eq!(enc, "KOI8-R");
        assert!(text.contains("жизнь"));
        assert_eq!(decode(page, None).1, "UTF-8");
    }

    #[test]
    fn a_wrong_latin1_declaration_over_utf8_bytes_is_overridden() {
        let page = "<meta charset=iso-8859-1><p>Élysée, négociations</p>".as_bytes();
        let (text, enc) = decode(page, None);
        assert_eq!(enc, "UTF-8");
        assert!(text.contains("Élysée, négociations"));
    }

    #[test]
    fn a_wrong_utf8_declaration_over_latin1_bytes_is_detected() {
        let page = b"<meta charset=utf-8><p>Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9forme \xe9tait termin\xe9e.</p>";
        let (text, _) = decode(page, None);
        assert!(text.contains("président a déclaré"), "{text}");
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let page = b"<p>Les n\xe9gociations ont repris \xe0 Gen\xe8ve apr\xe8s l'\xe9chec de la r\xe9union.</p>";
        let (text, _) = decode(page, None);
        assert!(text.contains("négociations ont repris à Genève"), "{text}");
    }

    #[test]
    fn bom_wins() {
        let mut page = vec![0xef, 0xbb, 0xbf];
        page.extend_from_slice(b"<meta charset=windows-1252><p>ok</p>");
        let (text, enc) = decode(&page, None);
        assert_eq!(enc, "UTF-8");
        assert!(text.starts_with("<meta"));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = decode(&bytes, None);
            let _ = decode(&bytes, Some("nonsense"));
        }
    }
}
