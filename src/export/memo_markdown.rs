//! The narrative memo as CommonMark: the bottom line, the one-sentence summary, one line on
//! which sections were written by hand, the sections, and the matrix and ranking as an
//! appendix.

use super::escape::{md_block, md_inline};
use super::markdown::Doc;
use super::markdown_appendix;
use super::memo::{Block, Memo};
use super::summary::Summary;

/// The memo of `session` as CommonMark with GFM tables.
pub(super) fn render(summary: Summary) -> String {
    let memo = Memo::from_summary(summary);
    let s = &memo.summary;
    let mut doc = Doc::default();
    doc.heading(1, &md_inline(s.title()));
    let bluf: Vec<String> = memo
        .bottom_line()
        .iter()
        .map(|l| format!("**{}:** {}", l.label, md_inline(&l.text)))
        .collect();
    doc.line(bluf.join("\\\n"));
    doc.line("");
    if let Some(changed) = &memo.argument.changed_since {
        doc.line(format!("**Note:** {}", md_inline(changed)));
        doc.line("");
    }
    doc.line(format!(
        "> **In one sentence:** {}",
        md_inline(&memo.one_sentence)
    ));
    doc.line("");
    doc.line(format!(
        "A narrative memo for silent reading. Status: {}. Exported on {} by Verdict.",
        s.status(),
        s.today
    ));
    doc.line("");
    doc.line(format!("*{}*", memo.provenance));
    doc.line("");
    for part in &memo.parts {
        doc.heading(2, part.section.heading());
        for block in &part.blocks {
            write_block(&mut doc, block);
        }
    }
    doc.heading(2, "Appendix");
    markdown_appendix::matrix(&mut doc, s);
    markdown_appendix::ranking(&mut doc, s);
    doc.0
}

fn write_block(doc: &mut Doc, block: &Block) {
    match block {
        Block::Para(text) => {
            // Paragraph breaks in the user's prose were split into blocks already.
            doc.line(md_block(text, ""));
            doc.line("");
        }
        Block::Labelled(label, text) => {
            doc.line(format!("**{label}:** {}", md_block(text, "")));
            doc.line("");
        }
        Block::Bullets(items) => doc.bullets(items, ""),
        Block::Sub(text) => doc.heading(3, &md_inline(text)),
        Block::Qa(question, answer) => {
            doc.line(format!("**{}**\\", md_inline(question)));
            doc.line(md_block(answer, ""));
            doc.line("");
        }
    }
}
