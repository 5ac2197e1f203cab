//! ISO 8601 calendar dates written digit by digit: `NaiveDate::format("%Y-%m-%d")` parses its
//! format string on every call, and dates are formatted for every document and every time
//! expression, so this was a measurable share of the pipeline. Years outside 0–9999 (which
//! chrono writes with a sign) go through chrono, so the text is always chrono's.

use chrono::{Datelike, NaiveDate};

/// `YYYY-MM-DD`, the same text as `d.format("%Y-%m-%d")`.
pub(crate) fn day(d: NaiveDate) -> String {
    let mut s = String::with_capacity(16);
    push_day(&mut s, d);
    s
}

/// `YYYY-MM`, the same text as `d.format("%Y-%m")`.
pub(crate) fn month(d: NaiveDate) -> String {
    let mut s = String::with_capacity(8);
    if !push_year(&mut s, d) {
        return d.format("%Y-%m").to_string();
    }
    s.push('-');
    push2(&mut s, d.month());
    s
}

/// Appends `YYYY-MM-DD` to `s`.
pub(crate) fn push_day(s: &mut String, d: NaiveDate) {
    if !push_year(s, d) {
        use std::fmt::Write as _;
        // Writing into a String cannot fail.
        let _ = write!(s, "{}", d.format("%Y-%m-%d"));
        return;
    }
    s.push('-');
    push2(s, d.month());
    s.push('-');
    push2(s, d.day());
}

/// Four-digit year; false (nothing written) when the year needs chrono's signed form.
fn push_year(s: &mut String, d: NaiveDate) -> bool {
    let Ok(y) = u32::try_from(d.year()) else {
        return false;
    };
    if y > 9999 {
        return false;
    }
    push2(s, y / 100);
    push2(s, y % 100);
    true
}

fn push2(s: &mut String, n: u32) {
    s.push(digit(n / 10));
    s.push(digit(n % 10));
}

fn digit(n: u32) -> char {
    char::from_digit(n % 10, 10).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_as_chrono() {
        for (y, m, dd) in [
            (2026, 1, 8),
            (1999, 12, 31),
            (5, 3, 4),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-12345, 2, 28),
        ] {
            let d = NaiveDate::from_ymd_opt(y, m, dd).expect("valid date");
            assert_eq!(day(d), d.format("%Y-%m-%d").to_string());
            assert_eq!(month(d), d.format("%Y-%m").to_string());
        }
    }
}
