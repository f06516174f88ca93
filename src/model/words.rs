//! How numbers and dates are written and read, the same in the window, the command line
//! and the exports.

use chrono::NaiveDate;

/// `value` with at most `max_decimals` decimals and no trailing zeros: `4`, `2.5`,
/// `0.125`; minus zero is written `0`, and values that are not finite as Rust writes them.
///
/// # Example
/// ```
/// use verdict::model::format_number;
/// assert_eq!(format_number(4.0, 2), "4");
/// assert_eq!(format_number(2.0 / 3.0, 2), "0.67");
/// assert_eq!(format_number(0.125, 6), "0.125");
/// ```
pub fn format_number(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.max_decimals$}");
    let trimmed = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text.as_str()
    };
    if trimmed == "-0" {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A date that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{text}” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01")]
pub struct DateError {
    /// The text as given, trimmed.
    pub text: String,
}

/// Reads a `YYYY-MM-DD` date, ignoring spaces around it.
///
/// # Errors
/// [`DateError`] naming the text when it is not a real date in that form.
///
/// # Example
/// ```
/// use verdict::model::parse_date;
/// assert_eq!(parse_date(" 2026-12-01 ").unwrap().to_string(), "2026-12-01");
/// assert!(parse_date("2026-13-01").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| DateError {
        text: text.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_trailing_zeros_and_keep_what_the_precision_allows() {
        assert_eq!(format_number(3.0, 2), "3");
        assert_eq!(format_number(3.10, 2), "3.1");
        assert_eq!(format_number(1.23456, 2), "1.23");
        assert_eq!(format_number(1e20, 6), "100000000000000000000");
        assert_eq!(format_number(-0.0, 2), "0");
        assert_eq!(format_number(-0.001, 2), "0");
        assert_eq!(format_number(f64::NAN, 2), "NaN");
    }

    #[test]
    fn a_date_must_be_real_and_in_year_month_day_order() {
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("01/12/2026").is_err());
        let err = parse_date(" tomorrow ").unwrap_err();
        assert_eq!(err.text, "tomorrow");
        assert!(err.to_string().contains("YYYY-MM-DD"));
    }
}
