//! Dates and character offsets, the two conversions the store makes on the way in.

use chrono::{Datelike, NaiveDate};

/// The day of an ISO date or date-time (`2026-01-08`, `2026-01-08T10:00Z`) as a day number;
/// `None` for a month, a year or anything else (those do not pin a day).
pub fn day_number(date: &str) -> Option<i64> {
    let head = date.get(..10)?;
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    Some(i64::from(d.num_days_from_ce()))
}

/// The inverse of [`day_number`].
pub fn day_date(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

/// Character (Unicode scalar) offsets → byte offsets, for one text.
pub struct CharOffsets<'t> {
    text: &'t str,
    /// byte offset of each character, plus the text's length; `None` for ASCII.
    bytes: Option<Vec<usize>>,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = (!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        Self { text, bytes }
    }

    fn byte(&self, ch: usize) -> usize {
        match &self.bytes {
            None => ch.min(self.text.len()),
            Some(b) => b.get(ch).copied().unwrap_or(self.text.len()),
        }
    }

    /// The text of a `[start, end)` character span; empty when out of range.
    pub fn slice(&self, span: [usize; 2]) -> &'t str {
        let (s, e) = (self.byte(span[0]), self.byte(span[1]));
        self.text.get(s..e.max(s)).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_numbers_and_back() {
        let d = day_number("2019-11-18").unwrap();
        assert_eq!(day_number("2019-11-19T08:00:00Z"), Some(d + 1));
        assert_eq!(day_date(d).unwrap().to_string(), "2019-11-18");
        assert_eq!(day_number("2019-11"), None);
        assert_eq!(day_number("2019-13-45"), None);
        assert_eq!(day_number("é"), None);
    }

    #[test]
    fn character_spans_slice_bytes() {
        let t = "Élysée: « non ».";
        let c = CharOffsets::new(t);
        assert_eq!(c.slice([0, 6]), "Élysée");
        assert_eq!(c.slice([10, 13]), "non");
        assert_eq!(c.slice([10, 999]), "non ».");
        assert_eq!(c.slice([5, 2]), "");
        assert_eq!(CharOffsets::new("abc").slice([1, 2]), "b");
    }
}
