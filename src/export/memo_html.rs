//! The narrative memo as one self-contained HTML page, under the same policy and stylesheet
//! as the record: the bottom line, the one-sentence summary, one line on which sections were
//! written by hand, the sections, and the charts and matrix as an appendix. User text goes through
//! [`escape::html`](super::escape::html) only.

use super::escape::html;
use super::html::{bottom_line, changed_since, charts, lines, list, matrix, one_line, page_start};
use super::memo::{Block, Memo};
use super::summary::Summary;
use std::fmt::Write;

/// The memo of `session` as a complete HTML document.
pub(super) fn render(summary: Summary) -> String {
    let memo = Memo::from_summary(summary);
    let s = &memo.summary;
    let today = s.today;
    let mut out = page_start(s.title(), "narrative memo");
    let _ = writeln!(
        out,
        "<header>\n<p class=\"kicker\">Narrative memo · {} · exported {}</p>\n\
         <h1 dir=\"auto\">{}</h1>\n</header>",
        html(&s.status()),
        s.today,
        html(&one_line(s.title()))
    );
    bottom_line(&mut out, memo.bottom_line());
    changed_since(&mut out, &memo.argument);
    let _ = writeln!(
        out,
        "<p class=\"y-statement\" dir=\"auto\"><strong>In one sentence:</strong> {}</p>",
        html(&one_line(&memo.one_sentence))
    );
    let _ = writeln!(out, "<p class=\"generated\">{}</p>", html(&memo.provenance));
    for part in &memo.parts {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", part.section.heading());
        for block in &part.blocks {
            write_block(&mut out, block);
        }
        out.push_str("</section>\n");
    }
    out.push_str("<h2 class=\"appendix\">Appendix</h2>\n");
    charts(&mut out, s);
    matrix(&mut out, s);
    let _ = write!(
        out,
        "<footer>Narrative memo exported by Verdict on {today}.</footer>\n</body>\n</html>\n"
    );
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Para(text) => {
            let _ = writeln!(out, "<p dir=\"auto\">{}</p>", lines(text));
        }
        Block::Labelled(label, text) => {
            let _ = writeln!(
                out,
                "<p dir=\"auto\"><strong>{label}:</strong> {}</p>",
                lines(text)
            );
        }
        Block::Bullets(items) => list(out, items.iter().cloned(), ""),
        Block::Sub(text) => {
            let _ = writeln!(out, "<h3 dir=\"auto\">{}</h3>", html(&one_line(text)));
        }
        Block::Qa(question, answer) => {
            let _ = writeln!(
                out,
                "<p class=\"qa\" dir=\"auto\"><strong>{}</strong><br>{}</p>",
                lines(question),
                lines(answer)
            );
        }
    }
}
