//! The compact JSON line of an [`Extraction`], written by hand: byte for byte what
//! `serde_json::to_string` writes (a test holds the two equal), in a fifth of the
//! instructions. serde's generic serializer took a tenth of the whole pipeline: it escapes
//! strings one byte at a time and goes through a writer per fragment, while most of a line
//! is the article's text and spans of it, with nothing to escape; here eight bytes are
//! checked at once and copied in one run.

use std::io::Write as _;

use super::{
    Extraction, OutActor, OutArg, OutCount, OutEntity, OutEvent, OutEventPlace, OutExplain,
    OutMention, OutPlace, OutQuote, OutSpeaker, OutTime, OutTrigger,
};
use crate::doc::{DateBasis, DateSource, EntityType, Feature, Granularity, Status};

impl Extraction {
    /// The document as one line of compact JSON, equal to `serde_json::to_string(self)`.
    pub fn to_json(&self) -> String {
        let mut w = Writer(Vec::with_capacity(self.line_size()));
        w.extraction(self);
        String::from_utf8(w.0)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl Extraction {
    /// A little more than the line's size, so that it is written without a reallocation
    /// (each copying what was written so far): the text and its quotations, then a few
    /// hundred bytes a layer item and about a kilobyte an event (measured on the news-dev
    /// and GSR corpora, where a capacity of four times the text fell short for one line in two).
    fn line_size(&self) -> usize {
        let items = self.sentences.len()
            + self.entities.len()
            + self.places.len()
            + self.times.len()
            + self.quotes.len()
            + self.counts.len();
        let quoted: usize = self.quotes.iter().map(|q| q.text.len()).sum();
        self.text.len() * 6 / 5 + quoted + items * 120 + self.events.len() * 900 + 1024
    }
}

/// The line being written, as bytes: every piece is a whole `str` or ASCII, so it is UTF-8
/// throughout, and a byte vector takes a piece without the char encoding of `String::push`.
struct Writer(Vec<u8>);

/// `{"key":` before the first field of an object, `,"key":` before the others: one constant
/// copied in one go.
macro_rules! key {
    ($w:expr, first $k:literal) => {
        $w.0.extend_from_slice(concat!("{\"", $k, "\":").as_bytes())
    };
    ($w:expr, $k:literal) => {
        $w.0.extend_from_slice(concat!(",\"", $k, "\":").as_bytes())
    };
}

/// Bytes serde_json escapes: control characters, `"` and `\`; 0 for the others, else the
/// letter of the short escape (`n` for `\n`) or `u` for `\u00XX`.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// True when none of the eight bytes of `v` needs escaping (SWAR: a byte below 0x20, or
/// equal to `"` or `\`, sets its high bit in one of the three masks; no false negative).
#[inline]
fn clean(v: u64) -> bool {
    let below = v.wrapping_sub(ONES * 0x20) & !v;
    let q = v ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let b = v ^ (ONES * u64::from(b'\\'));
    let backslash = b.wrapping_sub(ONES) & !b;
    (below | quote | backslash) & HIGHS == 0
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    /// A JSON string, escaped as serde_json escapes it.
    fn str(&mut self, text: &str) {
        self.0.push(b'"');
        let bytes = text.as_bytes();
        // the bytes from `run` on are still to be copied; `at` is the next to check
        let (mut run, mut at) = (0, 0);
        while at < bytes.len() {
            if let Some(chunk) = bytes.get(at..at + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if clean(u64::from_le_bytes(word)) {
                    at += 8;
                    continue;
                }
            }
            let byte = bytes[at];
            let escape = ESCAPE[usize::from(byte)];
            if escape == 0 {
                at += 1;
                continue;
            }
            // the byte is ASCII, so both cuts fall on character boundaries
            self.0
                .extend_from_slice(bytes.get(run..at).unwrap_or_default());
            self.0.extend_from_slice(&[b'\\', escape]);
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.0.extend_from_slice(&[
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xf)],
                ]);
            }
            at += 1;
            run = at;
        }
        self.0
            .extend_from_slice(bytes.get(run..).unwrap_or_default());
        self.0.push(b'"');
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    fn uint(&mut self, n: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = n;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.0.extend_from_slice(buf.get(i..).unwrap_or_default());
    }

    fn usize(&mut self, n: usize) {
        self.uint(n as u64);
    }

    /// serde_json's float: its shortest round-trip digits, `null` when not finite.
    fn f64(&mut self, x: f64) {
        match serde_json::Number::from_f64(x) {
            Some(n) => {
                let _ = write!(self.0, "{n}");
            }
            None => self.raw("null"),
        }
    }

    fn span(&mut self, s: [usize; 2]) {
        self.0.push(b'[');
        self.usize(s[0]);
        self.0.push(b',');
        self.usize(s[1]);
        self.0.push(b']');
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.0.push(b'[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            each(self, x);
        }
        self.0.push(b']');
    }

    fn extraction(&mut self, x: &Extraction) {
        key!(self, first "schema");
        self.str(x.schema);
        key!(self, "id");
        self.str(&x.id);
        key!(self, "lang");
        self.str(&x.lang);
        key!(self, "date");
        self.opt_str(x.date.as_deref());
        key!(self, "date_source");
        self.str(date_source(x.date_source));
        key!(self, "title");
        self.opt_str(x.title.as_deref());
        key!(self, "url");
        self.opt_str(x.url.as_deref());
        key!(self, "text");
        self.str(&x.text);
        key!(self, "boilerplate");
        self.list(&x.boilerplate, |w, &s| w.span(s));
        key!(self, "sentences");
        self.list(&x.sentences, |w, &s| w.span(s));
        key!(self, "entities");
        self.list(&x.entities, Self::entity);
        key!(self, "places");
        self.list(&x.places, Self::place);
        key!(self, "times");
        self.list(&x.times, Self::time);
        key!(self, "quotes");
        self.list(&x.quotes, Self::quote);
        key!(self, "counts");
        self.list(&x.counts, Self::count);
        key!(self, "events");
        self.list(&x.events, Self::event);
        self.0.push(b'}');
    }

    fn actor(&mut self, a: &OutActor) {
        key!(self, first "code");
        self.str(&a.code);
        key!(self, "country");
        self.opt_str(a.country.as_deref());
        key!(self, "role");
        self.opt_str(a.role.as_deref());
        key!(self, "name");
        self.opt_str(a.name.as_deref());
        self.0.push(b'}');
    }

    fn entity(&mut self, e: &OutEntity) {
        key!(self, first "text");
        self.str(&e.text);
        key!(self, "type");
        self.str(entity_type(e.etype));
        key!(self, "span");
        self.span(e.span);
        key!(self, "actor");
        match &e.actor {
            Some(a) => self.actor(a),
            None => self.raw("null"),
        }
        self.0.push(b'}');
    }

    fn place(&mut self, p: &OutPlace) {
        key!(self, first "text");
        self.str(&p.text);
        key!(self, "span");
        self.span(p.span);
        key!(self, "geonameid");
        self.uint(u64::from(p.geonameid));
        key!(self, "name");
        self.str(&p.name);
        key!(self, "country");
        self.str(&p.country);
        key!(self, "lat");
        self.f64(p.lat);
        key!(self, "lon");
        self.f64(p.lon);
        key!(self, "feature");
        self.str(feature(p.feature));
        self.0.push(b'}');
    }

    fn time(&mut self, t: &OutTime) {
        key!(self, first "text");
        self.str(&t.text);
        key!(self, "span");
        self.span(t.span);
        key!(self, "value");
        self.str(&t.value);
        key!(self, "granularity");
        self.str(granularity(t.granularity));
        if let Some(p) = t.part_of_day {
            key!(self, "part_of_day");
            self.str(p);
        }
        self.0.push(b'}');
    }

    fn speaker(&mut self, s: &OutSpeaker) {
        key!(self, first "text");
        self.str(&s.text);
        key!(self, "span");
        match s.span {
            Some(x) => self.span(x),
            None => self.raw("null"),
        }
        key!(self, "code");
        self.opt_str(s.code.as_deref());
        self.0.push(b'}');
    }

    fn quote(&mut self, q: &OutQuote) {
        key!(self, first "text");
        self.str(&q.text);
        key!(self, "span");
        self.span(q.span);
        key!(self, "speaker");
        match &q.speaker {
            Some(s) => self.speaker(s),
            None => self.raw("null"),
        }
        key!(self, "verb");
        self.opt_str(q.verb.as_deref());
        self.0.push(b'}');
    }

    fn count(&mut self, c: &OutCount) {
        key!(self, first "text");
        self.str(&c.text);
        key!(self, "span");
        self.span(c.span);
        key!(self, "value");
        self.f64(c.value);
        key!(self, "qualifier");
        self.opt_str(c.qualifier);
        key!(self, "unit");
        self.opt_str(c.unit.as_deref());
        key!(self, "object");
        self.opt_str(c.object.as_deref());
        self.0.push(b'}');
    }

    fn arg(&mut self, a: Option<&OutArg>) {
        let Some(a) = a else {
            self.raw("null");
            return;
        };
        key!(self, first "text");
        self.str(&a.text);
        key!(self, "span");
        self.span(a.span);
        key!(self, "code");
        self.opt_str(a.code.as_deref());
        key!(self, "country");
        self.opt_str(a.country.as_deref());
        self.0.push(b'}');
    }

    fn event_place(&mut self, p: Option<&OutEventPlace>) {
        let Some(p) = p else {
            self.raw("null");
            return;
        };
        key!(self, first "text");
        self.str(&p.text);
        key!(self, "geonameid");
        self.uint(u64::from(p.geonameid));
        key!(self, "name");
        self.str(&p.name);
        key!(self, "country");
        self.str(&p.country);
        key!(self, "lat");
        self.f64(p.lat);
        key!(self, "lon");
        self.f64(p.lon);
        self.0.push(b'}');
    }

    fn trigger(&mut self, t: &OutTrigger) {
        key!(self, first "text");
        self.str(&t.text);
        key!(self, "span");
        self.span(t.span);
        self.0.push(b'}');
    }

    fn mention(&mut self, m: &OutMention) {
        key!(self, first "sentence");
        self.usize(m.sentence);
        key!(self, "span");
        self.span(m.span);
        self.0.push(b'}');
    }

    fn explain(&mut self, x: &OutExplain) {
        key!(self, first "trigger_entry");
        self.str(&x.trigger_entry);
        key!(self, "source_rule");
        self.opt_str(x.source_rule);
        key!(self, "target_rule");
        self.opt_str(x.target_rule);
        key!(self, "status_rule");
        self.opt_str(x.status_rule.as_deref());
        key!(self, "date_rule");
        self.opt_str(x.date_rule.as_deref());
        key!(self, "place_rule");
        self.opt_str(x.place_rule.as_deref());
        self.0.push(b'}');
    }

    fn event(&mut self, e: &OutEvent) {
        key!(self, first "id");
        self.str(&e.id);
        key!(self, "plover");
        self.str(e.plover);
        key!(self, "cameo");
        self.str(&e.cameo);
        key!(self, "goldstein");
        self.f64(e.goldstein);
        key!(self, "quad_class");
        self.uint(u64::from(e.quad_class));
        key!(self, "status");
        self.str(status(e.status));
        key!(self, "source");
        self.arg(e.source.as_ref());
        key!(self, "target");
        self.arg(e.target.as_ref());
        key!(self, "date");
        self.opt_str(e.date.as_deref());
        key!(self, "date_basis");
        self.opt_str(e.date_basis.map(date_basis));
        key!(self, "place");
        self.event_place(e.place.as_ref());
        key!(self, "trigger");
        self.trigger(&e.trigger);
        key!(self, "sentence");
        self.usize(e.sentence);
        key!(self, "quote");
        self.opt_str(e.quote.as_deref());
        key!(self, "mentions");
        self.list(&e.mentions, Self::mention);
        key!(self, "confidence");
        self.f64(e.confidence);
        key!(self, "explain");
        self.explain(&e.explain);
        self.0.push(b'}');
    }
}

// The enums' names as their serde derives spell them (the test below checks each).

fn date_source(x: DateSource) -> &'static str {
    match x {
        DateSource::Input => "input",
        DateSource::HtmlMeta => "html-meta",
        DateSource::Url => "url",
        DateSource::Text => "text",
        DateSource::Unknown => "unknown",
    }
}

fn entity_type(x: EntityType) -> &'static str {
    match x {
        EntityType::PER => "PER",
        EntityType::ORG => "ORG",
        EntityType::LOC => "LOC",
        EntityType::MISC => "MISC",
    }
}

fn feature(x: Feature) -> &'static str {
    match x {
        Feature::Country => "country",
        Feature::Admin1 => "admin1",
        Feature::City => "city",
        Feature::Other => "other",
    }
}

fn granularity(x: Granularity) -> &'static str {
    match x {
        Granularity::Time => "time",
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Season => "season",
        Granularity::Quarter => "quarter",
        Granularity::Year => "year",
        Granularity::Decade => "decade",
        Granularity::Century => "century",
        Granularity::Duration => "duration",
        Granularity::Set => "set",
    }
}

fn status(x: Status) -> &'static str {
    match x {
        Status::Actual => "actual",
        Status::Intended => "intended",
        Status::Negated => "negated",
        Status::Hypothetical => "hypothetical",
    }
}

fn date_basis(x: DateBasis) -> &'static str {
    match x {
        DateBasis::Text => "text",
        DateBasis::Publication => "publication",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::extractor;
    use crate::Article;

    fn serde_name<T: serde::Serialize>(x: T) -> String {
        serde_json::to_string(&x).unwrap_or_default()
    }

    #[test]
    fn enum_names_are_serde_names() {
        use DateSource as D;
        use EntityType as E;
        use Feature as F;
        use Granularity as G;
        use Status as S;
        for x in [D::Input, D::HtmlMeta, D::Url, D::Text, D::Unknown] {
            assert_eq!(serde_name(x), format!("\"{}\"", date_source(x)));
        }
        for x in [E::PER, E::ORG, E::LOC, E::MISC] {
            assert_eq!(serde_name(x), format!("\"{}\"", entity_type(x)));
        }
        for x in [F::Country, F::Admin1, F::City, F::Other] {
            assert_eq!(serde_name(x), format!("\"{}\"", feature(x)));
        }
        for x in [
            G::Time,
            G::Day,
            G::Week,
            G::Month,
            G::Season,
            G::Quarter,
            G::Year,
            G::Decade,
            G::Century,
            G::Duration,
            G::Set,
        ] {
            assert_eq!(serde_name(x), format!("\"{}\"", granularity(x)));
        }
        for x in [S::Actual, S::Intended, S::Negated, S::Hypothetical] {
            assert_eq!(serde_name(x), format!("\"{}\"", status(x)));
        }
        for x in [DateBasis::Text, DateBasis::Publication] {
            assert_eq!(serde_name(x), format!("\"{}\"", date_basis(x)));
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é«»’\u{2028}\u{7f}\u{fffd}😀");
        let cases = [
            "",
            "a",
            "\"",
            "\\",
            "plain ascii text longer than eight bytes",
            "12345678\"12345678\\1234567\n",
            "« Il a dit \"non\" »\t\r\u{8}\u{c}\u{1}\u{1f}",
            all.as_str(),
        ];
        for s in cases {
            let mut w = Writer(Vec::new());
            w.str(s);
            assert_eq!(
                String::from_utf8_lossy(&w.0),
                serde_json::to_string(s).unwrap_or_default(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers_are_written_as_serde_writes_them() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -7.5,
            0.1,
            48.856_613,
            2.352_222,
            1e21,
            1.5e-7,
            123_456_789.0,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut w = Writer(Vec::new());
            w.f64(x);
            assert_eq!(
                String::from_utf8_lossy(&w.0),
                serde_json::to_string(&x).unwrap_or_default()
            );
        }
        for n in [0u64, 7, 10, 99, 100, 4_294_967_295, u64::MAX] {
            let mut w = Writer(Vec::new());
            w.uint(n);
            assert_eq!(String::from_utf8_lossy(&w.0), n.to_string());
        }
    }

    #[test]
    fn lines_equal_serde_lines() {
        let ex = extractor();
        let texts = [
            (
                "fr",
                "Le président Paul Durand a rencontré mardi 3 mars 2025 à Lyon le ministre \
                 allemand des affaires étrangères. « Nous voulons la paix », a déclaré \
                 M. Durand. Trois manifestants ont été arrêtés à Marseille.",
            ),
            (
                "en",
                "Police arrested 12 protesters in Boston on Friday, the \"mayor\" said.\n\
                 The United Nations condemned the attack on the village near Homs.\t\
                 Officials said about 40 people were killed.",
            ),
        ];
        for (lang, text) in texts {
            let a = Article {
                id: "t\\1".into(),
                text: Some(text.into()),
                lang: Some(lang.into()),
                date: Some("2025-03-04".into()),
                title: Some("A \"title\"".into()),
                ..Article::default()
            };
            let Ok(x) = ex.extract(&a) else {
                panic!("extraction failed");
            };
            assert!(!x.events.is_empty() || !x.entities.is_empty());
            assert_eq!(x.to_json(), serde_json::to_string(&x).unwrap_or_default());
        }
    }
}
