//! Dates and character offsets, the two conversions the store makes on the way in.

use chrono::{Datelike, NaiveDate};

/// The day of an ISO date or date-time (`2026-01-08`, `2026-01-08T10:00Z`) as a day number;
/// `None` for a month, a year or anything else (those do not pin a day).
pub fn day_number(date: &str) -> Option<i64> {
    let head = date.get(..10)?;
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    Some(i64::from(d.num_days_from_ce()))
}

/// The days an ISO date covers, first and last: one day for `2019-07-25`, the month for
/// `2019-07`, the year for `2019`; `None` for anything else.
pub fn day_interval(date: &str) -> Option<(i64, i64)> {
    if let Some(d) = day_number(date) {
        return Some((d, d));
    }
    let day =
        |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).map(|d| i64::from(d.num_days_from_ce()));
    let date = date.trim();
    let year: i32 = date.get(..4)?.parse().ok()?;
    match date.len() {
        4 => Some((day(year, 1)?, day(year + 1, 1)? - 1)),
        7 if date.as_bytes().get(4) == Some(&b'-') => {
            let month: u32 = date.get(5..7)?.parse().ok()?;
            let next = if month == 12 {
                day(year + 1, 1)?
            } else {
                day(year, month + 1)?
            };
            Some((day(year, month)?, next - 1))
        }
        _ => None,
    }
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
    fn dates_cover_their_days() {
        let d = |s: &str| day_number(s).unwrap();
        assert_eq!(
            day_interval("2019-07-25"),
            Some((d("2019-07-25"), d("2019-07-25")))
        );
        assert_eq!(
            day_interval("2019-07"),
            Some((d("2019-07-01"), d("2019-07-31")))
        );
        assert_eq!(
            day_interval("2019-12"),
            Some((d("2019-12-01"), d("2019-12-31")))
        );
        assert_eq!(
            day_interval("2020"),
            Some((d("2020-01-01"), d("2020-12-31")))
        );
        assert_eq!(day_interval("2019-13"), None);
        assert_eq!(day_interval("summer"), None);
    }

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
