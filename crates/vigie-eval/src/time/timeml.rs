//! TimeML reader: the text inside `<TEXT>` with tags removed and entities decoded, the
//! in-text `TIMEX3` elements as gold, the `CREATION_TIME` timex as the anchor.

use super::{GoldDoc, Timex};

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before_ok = rest[..p].ends_with(char::is_whitespace);
        let after = &rest[p + name.len()..];
        let after = after.trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let body = &v[1..];
                    return body.find(q).map(|e| &body[..e]);
                }
            }
        }
        rest = &rest[p + name.len()..];
    }
    None
}

/// Decode the five XML entities and numeric references.
fn decode(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let Some(semi) = tail.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        if let Some(c) = c {
            out.push(c);
            rest = &tail[semi + 1..];
        } else {
            out.push('&');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
}

/// Read one TimeML document.
pub fn read_tml(id: &str, xml: &str, lang: Option<&str>) -> Result<GoldDoc, String> {
    let dct = xml.find("<DCT>").and_then(|p| {
        let tail = &xml[p..];
        let end = tail.find("</DCT>")?;
        attr(&tail[..end], "value").map(|v| v.chars().take(10).collect::<String>())
    });
    let start = xml
        .find("<TEXT>")
        .ok_or_else(|| format!("{id}: no <TEXT>"))?
        + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .map(|e| start + e)
        .ok_or_else(|| format!("{id}: no </TEXT>"))?;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut timexes = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let before = text.len();
        decode(&rest[..lt], &mut text);
        chars += text[before..].chars().count();
        let gt = rest[lt..]
            .find('>')
            .ok_or_else(|| format!("{id}: unclosed tag"))?
            + lt;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            let ttype = attr(tag, "type").unwrap_or("DATE").to_string();
            let value = attr(tag, "value").unwrap_or("").to_string();
            if tag.ends_with('/') {
                // an empty timex (an implicit one) has no span: it is not scored
            } else {
                open.push((chars, ttype, value));
            }
        } else if tag == "/TIMEX3" {
            if let Some((s, ttype, value)) = open.pop() {
                timexes.push(Timex {
                    start: s,
                    end: chars,
                    ttype,
                    values: vec![value],
                });
            }
        }
        rest = &rest[gt + 1..];
    }
    decode(rest, &mut text);
    Ok(GoldDoc {
        id: id.to_string(),
        text,
        lang: lang.map(str::to_string),
        dct,
        timexes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_timexes_and_dct() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2026-01-08" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>Le <EVENT eid="e1">vote</EVENT> a eu lieu &quot;<TIMEX3 tid="t1" type="DATE" value="2026-01-07">hier</TIMEX3>&quot;.</TEXT></TimeML>"#;
        let d = read_tml("d", xml, Some("fr")).unwrap();
        assert_eq!(d.dct.as_deref(), Some("2026-01-08"));
        assert_eq!(d.text, "Le vote a eu lieu \"hier\".");
        let t = &d.timexes[0];
        assert_eq!(
            (t.start, t.end, t.values[0].as_str()),
            (19, 23, "2026-01-07")
        );
        assert!(read_tml("d", "<TimeML>", None).is_err());
    }
}
