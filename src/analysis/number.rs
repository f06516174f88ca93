//! How numbers are written for people: one rounding rule for every surface.
//!
//! Every total, share and probability that Verdict prints — in `verdict rank`, `verdict
//! analyze`, the window and every export — goes through [`fixed`], so the same number reads
//! the same everywhere. The rule:
//!
//! 1. the value is first read to nine decimals, the precision at which two totals count as
//!    tied ([`super::TIE_EPSILON`]), so `74.24999999999999` left by floating-point
//!    arithmetic reads as the `74.25` it stands for;
//! 2. then it is rounded to the wanted decimals **half away from zero**: 74.25 → 74.3,
//!    −0.05 → −0.1, 0.125 → 0.13 (Rust's own `{:.1}` rounds a half to even: 74.2);
//! 3. a result that rounds to zero has no minus sign.

/// Decimals of the first reading (see the module documentation).
const READ_DECIMALS: usize = 9;

/// `value` with exactly `decimals` decimals, rounded half away from zero.
///
/// Not-a-number and infinities are written as Rust writes them (`NaN`, `inf`, `-inf`).
///
/// # Example
/// ```
/// use verdict::analysis::number::fixed;
/// assert_eq!(fixed(74.25, 1), "74.3");
/// assert_eq!(fixed(68.75, 1), "68.8");
/// assert_eq!(fixed(-0.04, 1), "0.0");
/// assert_eq!(fixed(2.5, 0), "3");
/// ```
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let read = format!("{:.*}", READ_DECIMALS.max(decimals), value.abs());
    let (whole, fraction) = read.split_once('.').unwrap_or((&read, ""));
    // Digits of the result without the point, and the first digit dropped.
    let mut digits: Vec<u8> = whole
        .bytes()
        .chain(fraction.bytes().take(decimals))
        .map(|b| b - b'0')
        .collect();
    let first_dropped = fraction.as_bytes().get(decimals).map_or(0, |b| b - b'0');
    if first_dropped >= 5 {
        let mut pos = digits.len();
        loop {
            if pos == 0 {
                digits.insert(0, 1);
                break;
            }
            pos -= 1;
            if digits[pos] == 9 {
                digits[pos] = 0;
            } else {
                digits[pos] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let (int_part, frac_part) = text.split_at(split);
    let negative = value < 0.0 && digits.iter().any(|&d| d != 0);
    let sign = if negative { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{int_part}")
    } else {
        format!("{sign}{int_part}.{frac_part}")
    }
}

/// A total or score for a sentence: at most two decimals, trailing zeros dropped
/// (`25`, `20.83`, `3.5`).
pub fn short(value: f64) -> String {
    let text = fixed(value, 2);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A quantity at one decimal at most, trailing zero dropped (`57`, `24.9`): person-weeks and
/// portfolio values.
pub fn tenths(value: f64) -> String {
    let text = fixed(value, 1);
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// A value as it was typed, for exports of the data itself: up to nine decimals (no
/// arithmetic noise), trailing zeros dropped (`4`, `2.5`, `0.125`).
pub fn exact(value: f64) -> String {
    let text = fixed(value, READ_DECIMALS);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A probability or share 0..1 as a whole percentage, e.g. `"59 %"`.
pub fn percent(p: f64) -> String {
    format!("{} %", fixed(p * 100.0, 0))
}

/// Two probabilities as percentages with the fewest decimals (up to three) that keep them
/// as different as they are: 0.153 and 0.149 read `"15.3 %"` and `"14.9 %"`, not both
/// `"15 %"`.
pub fn percent_pair(a: f64, b: f64) -> (String, String) {
    let mut decimals = 0;
    let mut pair = (fixed(a * 100.0, 0), fixed(b * 100.0, 0));
    while decimals < 3 && a != b && pair.0 == pair.1 {
        decimals += 1;
        pair = (fixed(a * 100.0, decimals), fixed(b * 100.0, decimals));
    }
    (format!("{} %", pair.0), format!("{} %", pair.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(fixed(74.25, 1), "74.3");
        assert_eq!(fixed(74.35, 1), "74.4");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(43.75, 1), "43.8");
    }

    #[test]
    fn arithmetic_noise_below_nine_decimals_does_not_change_the_rounding() {
        assert_eq!(fixed(74.249_999_999_999_99, 1), "74.3");
        assert_eq!(fixed(0.1 + 0.2, 2), "0.30");
        assert_eq!(fixed(74.249_9, 1), "74.2");
    }

    #[test]
    fn carries_run_through_every_digit_and_zero_has_no_sign() {
        assert_eq!(fixed(99.95, 1), "100.0");
        assert_eq!(fixed(9.999_6, 3), "10.000");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(0.0, 0), "0");
        assert_eq!(fixed(1234.5, 0), "1235");
    }

    #[test]
    fn exact_numbers_keep_what_was_typed_and_drop_float_noise() {
        assert_eq!(exact(4.0), "4");
        assert_eq!(exact(0.125), "0.125");
        assert_eq!(exact(0.1 + 0.2), "0.3");
        assert_eq!(exact(-0.0), "0");
        assert_eq!(exact(1e20), "100000000000000000000");
    }

    #[test]
    fn short_numbers_drop_trailing_zeros() {
        assert_eq!(short(25.0), "25");
        assert_eq!(short(20.833_333), "20.83");
        assert_eq!(short(3.5), "3.5");
        assert_eq!(short(0.125), "0.13");
    }

    #[test]
    fn a_pair_of_percentages_shows_enough_digits_to_differ() {
        assert_eq!(
            percent_pair(0.153, 0.149),
            ("15.3 %".into(), "14.9 %".into())
        );
        assert_eq!(percent_pair(0.6, 0.2), ("60 %".into(), "20 %".into()));
        assert_eq!(percent_pair(0.15, 0.15), ("15 %".into(), "15 %".into()));
        assert_eq!(percent(0.595), "60 %");
    }
}
