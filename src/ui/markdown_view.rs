//! The decision record drawn as a document rather than as Markdown source: headings,
//! lists, quotes and tables from the subset of Markdown the exporter writes.
//!
//! [`parse`] is pure and tested; [`markdown_ui`] draws its blocks. Anything the parser does
//! not recognise is shown as a plain paragraph, so no text is ever lost.

use egui::{RichText, Ui};

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text, without its Markdown marks.
    pub text: String,
    /// Between `**`.
    pub strong: bool,
    /// Between backticks.
    pub code: bool,
}

/// One block of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// `#` to `######`.
    Heading(usize, Vec<Span>),
    /// Consecutive lines of text.
    Paragraph(Vec<Span>),
    /// `- ` items; an item's continuation lines are joined with a line break.
    List(Vec<Vec<Span>>),
    /// `> ` lines.
    Quote(Vec<Span>),
    /// `|` rows: the header first; the `|---|` rule is dropped.
    Table(Vec<Vec<String>>),
}

/// Splits `markdown` into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let flush = |paragraph: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            let text = paragraph.join(" ").replace("\n ", "\n");
            blocks.push(Block::Paragraph(spans(&text)));
            paragraph.clear();
        }
    };
    let mut lines = markdown.lines().peekable();
    // Front matter (`---` … `---` at the very top, as MADR's status block) becomes a list.
    if lines.peek().is_some_and(|l| l.trim_end() == "---") {
        lines.next();
        let mut items = Vec::new();
        for line in lines.by_ref() {
            if line.trim_end() == "---" {
                break;
            }
            let text = match line.split_once(':') {
                Some((key, value)) => format!("{}: {}", key.trim(), value.trim().trim_matches('"')),
                None => line.trim().to_owned(),
            };
            items.push(spans(&text));
        }
        blocks.push(Block::List(items));
    }
    for line in lines {
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() {
            flush(&mut paragraph, &mut blocks);
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Heading(hashes, spans(trimmed[hashes..].trim())));
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            flush(&mut paragraph, &mut blocks);
            let text = spans(item.trim_end_matches('\\'));
            match blocks.last_mut() {
                Some(Block::List(items)) => items.push(text),
                _ => blocks.push(Block::List(vec![text])),
            }
        } else if line.starts_with("  ")
            && paragraph.is_empty()
            && let Some(Block::List(items)) = blocks.last_mut()
            && let Some(last) = items.last_mut()
        {
            last.push(Span {
                text: "\n".into(),
                strong: false,
                code: false,
            });
            last.extend(spans(trimmed.trim().trim_end_matches('\\')));
        } else if let Some(quote) = trimmed.strip_prefix('>') {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Quote(spans(quote.trim())));
        } else if trimmed.starts_with('|') {
            flush(&mut paragraph, &mut blocks);
            let cells: Vec<String> = trimmed
                .trim_matches('|')
                .split('|')
                .map(|c| plain(c.trim()))
                .collect();
            let rule = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')));
            if rule {
                continue;
            }
            match blocks.last_mut() {
                Some(Block::Table(rows)) => rows.push(cells),
                _ => blocks.push(Block::Table(vec![cells])),
            }
        } else {
            // A trailing backslash is a hard line break.
            let text = trimmed.trim_start();
            match text.strip_suffix('\\') {
                Some(line) => paragraph.push(format!("{line}\n")),
                None => paragraph.push(text.to_owned()),
            }
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

/// The styled runs of one line: `**strong**`, `` `code` ``, `[text](link)` as its text,
/// and `\` escapes undone.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut current = String::new();
    let (mut strong, mut code) = (false, false);
    let mut push = |current: &mut String, strong: bool, code: bool| {
        if !current.is_empty() {
            out.push(Span {
                text: std::mem::take(current),
                strong,
                code,
            });
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && !code && i + 1 < chars.len() {
            current.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '`' {
            push(&mut current, strong, code);
            code = !code;
        } else if c == '*' && !code && chars.get(i + 1) == Some(&'*') {
            push(&mut current, strong, code);
            strong = !strong;
            i += 1;
        } else if c == '[' && !code {
            // A link: keep its text, drop the address.
            let rest: String = chars[i + 1..].iter().collect();
            if let Some(close) = rest.find("](")
                && let Some(end) = rest[close..].find(')')
            {
                current.push_str(&rest[..close]);
                i += 1 + rest[..close + end + 1].chars().count();
                continue;
            }
            current.push(c);
        } else {
            current.push(c);
        }
        i += 1;
    }
    push(&mut current, strong, code);
    out
}

/// A table cell's text without marks.
fn plain(text: &str) -> String {
    spans(text).into_iter().map(|s| s.text).collect()
}

/// The blocks of `markdown`, parsed once per text and kept in egui's memory: the record
/// changes with the document, not with every frame.
fn parsed(ui: &Ui, markdown: &str) -> (u64, std::sync::Arc<Vec<Block>>) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    markdown.hash(&mut hasher);
    let key = hasher.finish();
    let id = egui::Id::unique("markdown-view-blocks");
    let kept = ui.data(|d| d.get_temp::<(u64, std::sync::Arc<Vec<Block>>)>(id));
    match kept {
        Some((kept_key, blocks)) if kept_key == key => (key, blocks),
        _ => {
            let blocks = std::sync::Arc::new(parse(markdown));
            ui.data_mut(|d| d.insert_temp(id, (key, std::sync::Arc::clone(&blocks))));
            (key, blocks)
        }
    }
}

/// Draws `markdown` as a document.
///
/// A long record (hundreds of options) is laid out in full once; after that only the blocks
/// inside the visible part of the scroll area are drawn, the others take the height they took
/// last time (kept per text and width).
pub fn markdown_ui(ui: &mut Ui, markdown: &str) {
    let (text_key, blocks) = parsed(ui, markdown);
    let width_key = ui.available_width().round() as i64;
    let heights_id = egui::Id::unique("markdown-view-heights");
    let key = (text_key, width_key);
    let mut heights: Vec<Option<f32>> = ui
        .data(|d| d.get_temp::<((u64, i64), Vec<Option<f32>>)>(heights_id))
        .filter(|(kept, h)| *kept == key && h.len() == blocks.len())
        .map_or_else(|| vec![None; blocks.len()], |(_, h)| h);
    // Left-aligned: a justified layout would stretch the letters of every wrapped line.
    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
        for (idx, block) in blocks.iter().enumerate() {
            let top = ui.cursor().top();
            if let Some(height) = heights[idx] {
                let rect = egui::Rect::from_min_size(
                    egui::pos2(ui.cursor().left(), top),
                    egui::vec2(ui.available_width(), height),
                );
                if !ui.is_rect_visible(rect) {
                    ui.add_space(height);
                    continue;
                }
            }
            block_ui(ui, idx, block);
            ui.add_space(super::theme::SPACE_XS);
            heights[idx] = Some(ui.cursor().top() - top);
        }
        // Space added for blocks left out at the end does not grow the area by itself; the
        // scroll area must still know the whole height.
        let end = egui::pos2(ui.min_rect().left(), ui.cursor().top());
        ui.expand_to_include_rect(egui::Rect::from_min_max(end, end));
    });
    ui.data_mut(|d| d.insert_temp(heights_id, (key, heights)));
}

fn block_ui(ui: &mut Ui, idx: usize, block: &Block) {
    let text = |ui: &mut Ui, spans: &[Span], italic: bool| {
        let job = job(ui, spans, italic);
        ui.add(egui::Label::new(job).wrap());
    };
    match block {
        Block::Heading(level, spans) => {
            ui.add_space(if *level <= 2 { 10.0 } else { 6.0 });
            let size = match level {
                1 => 1.6,
                2 => 1.3,
                _ => 1.1,
            };
            let body = ui.style().text_styles[&egui::TextStyle::Body].size;
            let title: String = spans.iter().map(|s| s.text.as_str()).collect();
            ui.add(egui::Label::new(RichText::new(title).size(body * size).strong()).wrap());
        }
        Block::Paragraph(spans) => text(ui, spans, false),
        Block::Quote(spans) => {
            ui.horizontal_top(|ui| {
                ui.add_space(super::theme::INDENT);
                text(ui, spans, true);
            });
        }
        Block::List(items) => {
            for item in items {
                let mut spans = vec![Span {
                    text: "• ".into(),
                    strong: false,
                    code: false,
                }];
                spans.extend(item.iter().cloned());
                text(ui, &spans, false);
            }
        }
        Block::Table(rows) => {
            egui::Grid::new(("record-table", idx))
                .striped(true)
                .num_columns(rows.first().map_or(0, Vec::len))
                .show(ui, |ui| {
                    for (r, row) in rows.iter().enumerate() {
                        for cell in row {
                            let text = RichText::new(cell);
                            ui.label(if r == 0 { text.strong() } else { text });
                        }
                        ui.end_row();
                    }
                });
        }
    }
}

/// The runs as one wrapped text with their styles.
fn job(ui: &Ui, text: &[Span], italic: bool) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    for span in text {
        let mut rich = RichText::new(&span.text);
        if span.strong {
            rich = rich.strong();
        }
        if span.code {
            rich = rich.code();
        }
        if italic {
            rich = rich.italics();
        }
        rich.append_to(
            &mut job,
            ui.style(),
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    }
    job.wrap.max_width = ui.available_width();
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn headings_lists_quotes_and_paragraphs_become_their_blocks() {
        let blocks = parse(
            "# Title\n\n- Status: accepted\n- Date: 2026-11-30\n\n> Improve availability\n\n\
             Business goal: renew\nthe rights.\n",
        );
        assert!(matches!(&blocks[0], Block::Heading(1, t) if texts(t) == "Title"));
        assert!(matches!(&blocks[1], Block::List(items) if items.len() == 2));
        assert!(matches!(&blocks[2], Block::Quote(t) if texts(t) == "Improve availability"));
        assert!(
            matches!(&blocks[3], Block::Paragraph(t) if texts(t) == "Business goal: renew the rights.")
        );
        assert_eq!(blocks.len(), 4);
    }

    #[test]
    fn a_table_keeps_its_rows_and_drops_the_rule() {
        let blocks =
            parse("| Criterion | Weight |\n|---|---:|\n| Impact | 50 |\n| **Cost** | 25 |\n");
        assert_eq!(
            blocks,
            [Block::Table(vec![
                vec!["Criterion".into(), "Weight".into()],
                vec!["Impact".into(), "50".into()],
                vec!["Cost".into(), "25".into()],
            ])]
        );
    }

    #[test]
    fn a_list_items_continuation_line_joins_it_after_a_break() {
        let blocks = parse("- **Is this the right problem?**\\\n  Yes, the clause names it.\n");
        let Block::List(items) = &blocks[0] else {
            panic!("a list: {blocks:?}")
        };
        assert_eq!(items.len(), 1);
        assert_eq!(
            texts(&items[0]),
            "Is this the right problem?\nYes, the clause names it."
        );
        assert!(items[0][0].strong);
    }

    #[test]
    fn inline_marks_become_styles_and_links_keep_their_text() {
        let s = spans("Chose **Buy** for `cdn`, see [the memo](memo.md) \\*now\\*");
        assert_eq!(texts(&s), "Chose Buy for cdn, see the memo *now*");
        assert!(s.iter().any(|x| x.strong && x.text == "Buy"));
        assert!(s.iter().any(|x| x.code && x.text == "cdn"));
    }

    #[test]
    fn front_matter_becomes_a_list_and_a_trailing_backslash_breaks_the_line() {
        let blocks = parse(
            "---\nstatus: \"accepted\"\ndate: 2026-03-17\n---\n\n**Decision:** buy.\\\n**Owner:** Priya\n",
        );
        let Block::List(items) = &blocks[0] else {
            panic!("a list first: {blocks:?}")
        };
        assert_eq!(texts(&items[0]), "status: accepted");
        assert_eq!(texts(&items[1]), "date: 2026-03-17");
        assert!(
            matches!(&blocks[1], Block::Paragraph(t) if texts(t) == "Decision: buy.\nOwner: Priya")
        );
    }

    #[test]
    fn text_the_parser_does_not_know_is_kept_as_a_paragraph() {
        let blocks = parse("1. first\n2. second\n");
        assert_eq!(blocks.len(), 1);
        assert!(matches!(&blocks[0], Block::Paragraph(t) if texts(t) == "1. first 2. second"));
    }
}
