//! How dates are read, the same in the window and on the command line. (Numbers are
//! written by [`crate::analysis::number`].)

use chrono::NaiveDate;

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
    fn a_date_must_be_real_and_in_year_month_day_order() {
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("01/12/2026").is_err());
        let err = parse_date(" tomorrow ").unwrap_err();
        assert_eq!(err.text, "tomorrow");
        assert!(err.to_string().contains("YYYY-MM-DD"));
    }
}
