//! Finds the top-level `format: N` field without parsing the document, so a file from a
//! newer Verdict is refused by version before any of it is read as a session.
//!
//! The scan understands just enough RON to skip strings, raw strings, characters and
//! comments; it runs in one pass over the bytes and never fails: a file it cannot make
//! sense of gives `None` and the full parser then reports the real problem.

/// The value of the first `format` field directly inside the outermost parentheses, if any.
/// Values too big for `u64` saturate.
pub(crate) fn peek_format(text: &[u8]) -> Option<u64> {
    let mut scan = Scan { text, at: 0 };
    let mut depth = 0usize;
    let mut outer_is_paren = false;
    while let Some(b) = scan.next_significant() {
        match b {
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    outer_is_paren = b == b'(';
                }
                depth += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && outer_is_paren {
                    return None;
                }
            }
            b'"' => scan.skip_string(),
            b'\'' => scan.skip_char(),
            b'r' if matches!(scan.peek(), Some(b'#' | b'"')) => scan.skip_raw_string(),
            b'b' if scan.peek() == Some(b'"') => {
                scan.at += 1;
                scan.skip_string();
            }
            _ if is_ident_start(b) => {
                let start = scan.at - 1;
                while scan.peek().is_some_and(is_ident_continue) {
                    scan.at += 1;
                }
                let word = &text[start..scan.at];
                if depth == 1 && outer_is_paren && word == b"format" {
                    return scan.colon_and_integer();
                }
            }
            _ => {}
        }
    }
    None
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

struct Scan<'a> {
    text: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// The next byte that is not whitespace or inside a comment.
    fn next_significant(&mut self) -> Option<u8> {
        loop {
            let b = self.bump()?;
            match b {
                b' ' | b'\t' | b'\r' | b'\n' => {}
                b'/' if self.peek() == Some(b'/') => {
                    while self.bump().is_some_and(|c| c != b'\n') {}
                }
                b'/' if self.peek() == Some(b'*') => {
                    self.at += 1;
                    self.skip_block_comment();
                }
                _ => return Some(b),
            }
        }
    }

    fn skip_block_comment(&mut self) {
        let mut nesting = 1usize;
        while nesting > 0 {
            match self.bump() {
                None => return,
                Some(b'*') if self.peek() == Some(b'/') => {
                    self.at += 1;
                    nesting -= 1;
                }
                Some(b'/') if self.peek() == Some(b'*') => {
                    self.at += 1;
                    nesting += 1;
                }
                Some(_) => {}
            }
        }
    }

    /// Skips to just after the closing quote of a string whose opening quote was consumed.
    fn skip_string(&mut self) {
        while let Some(b) = self.bump() {
            match b {
                b'\\' => {
                    self.bump();
                }
                b'"' => return,
                _ => {}
            }
        }
    }

    fn skip_char(&mut self) {
        if self.bump() == Some(b'\\') {
            self.bump();
        }
        while let Some(b) = self.bump() {
            if b == b'\'' || b == b'\n' {
                return;
            }
        }
    }

    /// Skips `r##"…"##`; the `r` was consumed.
    fn skip_raw_string(&mut self) {
        let mut hashes = 0usize;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.at += 1;
        }
        if self.bump() != Some(b'"') {
            return;
        }
        while let Some(b) = self.bump() {
            if b == b'"' {
                let run = self.text[self.at..]
                    .iter()
                    .take(hashes)
                    .take_while(|&&c| c == b'#')
                    .count();
                if run == hashes {
                    self.at += hashes;
                    return;
                }
            }
        }
    }

    fn colon_and_integer(&mut self) -> Option<u64> {
        if self.next_significant()? != b':' {
            return None;
        }
        let first = self.next_significant()?;
        if !first.is_ascii_digit() {
            return None;
        }
        let mut value = u64::from(first - b'0');
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' => value = value.saturating_mul(10).saturating_add(u64::from(b - b'0')),
                b'_' => {}
                _ => break,
            }
            self.at += 1;
        }
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::peek_format;

    #[test]
    fn the_top_level_format_is_found_wherever_it_is() {
        assert_eq!(peek_format(b"(format: 1, title: \"x\")"), Some(1));
        assert_eq!(peek_format(b"Session(title: \"a\", format: 7)"), Some(7));
        assert_eq!(
            peek_format(b"#![enable(implicit_some)]\n// format: 3\n(format: 12_0)"),
            Some(120)
        );
    }

    #[test]
    fn format_inside_strings_comments_or_nested_values_is_ignored() {
        let text = br##"( title: "format: 9", notes: r#"format: 8 "# , /* format: 7 */
            directive: (format: 6), format: 2 )"##;
        assert_eq!(peek_format(text), Some(2));
        assert_eq!(peek_format(b"(directive: (format: 6))"), None);
        assert_eq!(peek_format(b"[format: 1]"), None);
    }

    #[test]
    fn garbage_gives_none_and_huge_versions_saturate() {
        assert_eq!(peek_format(b""), None);
        assert_eq!(peek_format(b"(format: \"1\")"), None);
        assert_eq!(peek_format(b"(\"unterminated"), None);
        assert_eq!(
            peek_format(b"(format: 99999999999999999999999)"),
            Some(u64::MAX)
        );
    }
}
