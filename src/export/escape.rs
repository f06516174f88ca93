//! Turning user text into data for each format: HTML escaping, Markdown escaping, CSV
//! formula neutralising, and making bidirectional-override characters visible.
//!
//! Every export passes every piece of user text through exactly one of these functions.

use std::fmt::Write;

/// True for the embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) that
/// can make text display in an order other than the one it is stored in.
pub fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with bidi controls replaced by a visible marker such as `⟦U+202E⟧`, and other
/// control characters except tab, line feed and carriage return replaced by U+FFFD.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if is_bidi_control(ch) {
            // Writing to a String cannot fail.
            let _ = write!(out, "⟦U+{:04X}⟧", u32::from(ch));
        } else if ch.is_control() && !matches!(ch, '\t' | '\n' | '\r') {
            out.push('\u{FFFD}');
        } else {
            out.push(ch);
        }
    }
    out
}

/// `text` made visible and escaped for HTML text or a double-quoted attribute value: `&`,
/// `<`, `>`, `"` and `'` become character references.
pub fn html(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Characters that mean something to CommonMark or GFM wherever they appear in a line.
/// `$` is not among them (CommonMark has no maths), so amounts such as "k$" stay as typed.
const MD_ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '|'];

/// Characters that start a block (heading, heading underline, list, quote, break) at a line
/// start.
const MD_LINE_START: &[char] = &['-', '+', '=', '>', '#'];

/// Whether the `~` at `i` could open or close GFM strikethrough. One that follows a space
/// (or starts the text, before a letter or digit) can never close a run, so nothing it opens
/// is ever closed: "~90 k$" stays as typed; every other `~` is escaped.
fn tilde_needs_escape(chars: &[char], i: usize) -> bool {
    let next = chars.get(i + 1).copied();
    let after_space = match i.checked_sub(1).map(|p| chars[p]) {
        Some(prev) => prev.is_whitespace() && next != Some('~'),
        None => next.is_some_and(char::is_alphanumeric),
    };
    !after_space
}

/// One line of user text as inert Markdown inline content: leading and trailing whitespace
/// is dropped (so it cannot become code or a hard break) and everything that could become
/// markup, raw HTML, an entity or a table cell boundary is backslash-escaped.
fn md_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 4);
    let chars: Vec<char> = line.chars().collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &ch) in chars.iter().enumerate() {
        let at_start = i == 0 && MD_LINE_START.contains(&ch);
        // "1. " starts a list; "3.5" does not.
        let ordered_list_marker = i == digits
            && digits > 0
            && matches!(ch, '.' | ')')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        let entity = ch == '&'
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#');
        let tilde = ch == '~' && tilde_needs_escape(&chars, i);
        // A run of `#` ending a heading line would be read as its closing sequence.
        let closing_hashes = ch == '#' && chars[i..].iter().all(|c| *c == '#');
        if MD_ALWAYS.contains(&ch)
            || at_start
            || ordered_list_marker
            || entity
            || tilde
            || closing_hashes
        {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `text` made visible and escaped as a single line of Markdown inline content, for headings
/// and table cells: line breaks (LF, CR or CRLF, as CommonMark counts them) become spaces.
pub fn md_inline(text: &str) -> String {
    let text = visible(text);
    let parts: Vec<String> = text
        .split(['\r', '\n'])
        .map(md_line)
        .filter(|l| !l.is_empty())
        .collect();
    parts.join(" ")
}

/// `text` made visible and escaped as Markdown inline content that keeps its line breaks as
/// hard breaks; blank lines are dropped so the text stays one paragraph or list item.
/// Continuation lines start with `continuation` (e.g. two spaces inside a list item, or `> `
/// inside a block quote).
pub fn md_block(text: &str, continuation: &str) -> String {
    let text = visible(text);
    let lines: Vec<String> = text
        .split(['\r', '\n'])
        .map(md_line)
        .filter(|l| !l.is_empty())
        .collect();
    let separator = format!("\\\n{continuation}");
    lines.join(&separator)
}

/// `text` made visible and written as a YAML double-quoted scalar, quotes included: `\`
/// and `"` are escaped, line breaks and tabs become `\n`, `\r` and `\t`, so the value
/// stays on one line of front matter whatever it holds, and `<`, `>` and `&` become `\u`
/// escapes, so no reader can take them for HTML.
pub fn yaml_string(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{FEFF}' => out.push_str("\\uFEFF"),
            // Never markup, even for a reader that shows front matter as Markdown.
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// `text` made visible and made safe for a spreadsheet cell: text that begins with `=`, `+`,
/// `-`, `@`, tab or carriage return is prefixed with `'` so it is never read as a formula.
pub fn csv_text(text: &str) -> String {
    let text = visible(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_and_isolates_become_visible_markers() {
        assert_eq!(visible("a\u{202E}b\u{2066}c"), "a⟦U+202E⟧b⟦U+2066⟧c");
        assert_eq!(visible("x\u{0}y\tz"), "x\u{FFFD}y\tz");
        assert_eq!(visible("שלום 👋"), "שלום 👋");
    }

    #[test]
    fn html_escapes_the_five_significant_characters() {
        assert_eq!(
            html(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn markdown_escapes_markup_but_leaves_plain_words_alone() {
        assert_eq!(md_inline("Buy a CDN"), "Buy a CDN");
        assert_eq!(md_inline("a|b"), r"a\|b");
        assert_eq!(md_inline("<script>"), r"\<script>");
        assert_eq!(md_inline("*bold* `code`"), r"\*bold\* \`code\`");
        assert_eq!(md_inline("- item\n# head"), r"\- item \# head");
        assert_eq!(md_inline("1. first"), r"1\. first");
        assert_eq!(md_inline("3.5 k$ / year"), "3.5 k$ / year");
        assert_eq!(md_inline("AT&T &amp;"), r"AT\&T \&amp;");
        assert_eq!(md_inline("5 - 3 = 2"), "5 - 3 = 2");
    }

    #[test]
    fn dollars_hashes_and_lone_tildes_inside_a_line_are_left_as_typed() {
        assert_eq!(
            md_inline("about ~90 k$ a year, ticket #42"),
            "about ~90 k$ a year, ticket #42"
        );
        assert_eq!(md_inline("~90 k$"), "~90 k$");
        assert_eq!(md_inline("# head"), r"\# head");
        assert_eq!(md_inline("Plan #"), r"Plan \#");
        // Tildes that could open and close strikethrough are escaped.
        assert_eq!(md_inline("~~gone~~"), r"\~\~gone\~\~");
        assert_eq!(md_inline("a~b~c"), r"a\~b\~c");
        assert_eq!(md_inline("x ~y~ z"), r"x ~y\~ z");
    }

    #[test]
    fn markdown_blocks_keep_line_breaks_as_hard_breaks() {
        assert_eq!(
            md_block("one\n\n  two  \n===", "  "),
            "one\\\n  two\\\n  \\==="
        );
    }

    #[test]
    fn csv_text_that_looks_like_a_formula_is_neutralised() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for start in ["+1", "-1", "@x", "\tx", "\rx"] {
            assert!(csv_text(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(csv_text("Buy a CDN"), "Buy a CDN");
    }
}
