//! The Markdown decision record, bottom line up front: MADR front matter, then the decision,
//! the result expected against the success metric, owner / next step / review date; then
//! why, what was rejected, risks and tripwires; the detail (MADR's context, drivers and pros
//! and cons, the matrix, the log) follows in the appendix. CommonMark with GFM tables; every
//! piece of user text goes through [`md_inline`], [`md_block`] or [`yaml_string`].

use super::argument::{Argument, Labelled};
use super::escape::{md_block, md_inline, yaml_string};
use super::markdown_appendix;
use super::summary::Summary;
use crate::model::Role;

/// The decision record of `session` as CommonMark with GFM tables.
pub(super) fn render(summary: Summary) -> String {
    let argument = Argument::new(&summary);
    let mut doc = Doc::default();
    front_matter(&mut doc, &summary);
    doc.heading(1, &md_inline(summary.title()));
    bottom_line(&mut doc, &argument.bottom_line);
    if let Some(changed) = &argument.changed_since {
        doc.line(format!("**Note:** {}", md_inline(changed)));
        doc.line("");
    }
    provenance(&mut doc, &summary);
    why(&mut doc, &argument);
    rejected(&mut doc, &argument);
    risks(&mut doc, &argument);
    doc.heading(2, "Next steps");
    doc.bullets(&argument.next_steps, "None written down.");
    doc.heading(2, "Appendix");
    markdown_appendix::render(&mut doc, &summary);
    doc.0
}

/// The output being written, one line at a time.
#[derive(Default)]
pub(super) struct Doc(pub(super) String);

impl Doc {
    /// Adds `text` and a line break.
    pub(super) fn line(&mut self, text: impl AsRef<str>) {
        self.0.push_str(text.as_ref());
        self.0.push('\n');
    }

    /// Ends the current block with a blank line, unless it already ends with one.
    pub(super) fn blank(&mut self) {
        if !self.0.is_empty() && !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
    }

    /// Adds a heading of `level` with already escaped `text`, surrounded by blank lines.
    pub(super) fn heading(&mut self, level: usize, text: &str) {
        self.blank();
        self.line(format!("{} {text}", "#".repeat(level)));
        self.0.push('\n');
    }

    /// Adds a bullet list of user texts, or `empty` when there are none.
    pub(super) fn bullets(&mut self, items: &[String], empty: &str) {
        if items.iter().all(|i| i.trim().is_empty()) {
            self.line(empty);
            self.0.push('\n');
            return;
        }
        for item in items.iter().filter(|i| !i.trim().is_empty()) {
            self.line(format!("- {}", md_block(item, "  ")));
        }
        self.0.push('\n');
    }
}

/// MADR's front matter: status, date (of the decision), deciders, consulted, informed.
fn front_matter(doc: &mut Doc, s: &Summary) {
    doc.line("---");
    doc.line(format!("status: {}", yaml_string(&s.status())));
    doc.line(format!("date: {}", s.record_date()));
    for role in Role::ALL {
        let names = s.session.people.get(role);
        if !names.is_empty() {
            doc.line(format!(
                "{}: {}",
                role.label().to_lowercase(),
                yaml_string(&names.join(", "))
            ));
        }
    }
    doc.line("---");
    doc.line("");
}

/// The three lines a reader sees first, one paragraph with hard breaks between them.
fn bottom_line(doc: &mut Doc, lines: &[Labelled; 3]) {
    let rendered: Vec<String> = lines
        .iter()
        .map(|l| format!("**{}:** {}", l.label, md_inline(&l.text)))
        .collect();
    doc.line(rendered.join("\\\n"));
    doc.line("");
}

/// When the record was made and where the ask came from, apart from the decision's date.
fn provenance(doc: &mut Doc, s: &Summary) {
    let d = &s.session.directive;
    let mut parts = vec![format!("Exported on {} by Verdict", s.today)];
    if !d.given_by.trim().is_empty() {
        parts.push(format!("asked by {}", md_inline(&d.given_by)));
    }
    if let Some(received) = d.received {
        parts.push(format!("received {received}"));
    }
    if let Some(deadline) = d.deadline {
        parts.push(format!("answer due {deadline}"));
    }
    doc.line(format!("Status: {}. {}.", s.status(), parts.join(", ")));
    doc.line("");
}

fn why(doc: &mut Doc, a: &Argument) {
    doc.heading(2, "Why");
    if !a.rationale.is_empty() {
        doc.line(format!(
            "In the deciders' words: {}",
            md_block(&a.rationale, "")
        ));
        doc.line("");
    }
    if a.reasons.is_empty() {
        doc.line("No rival is scored on the same criteria, so there is nothing to separate.");
        doc.line("");
    } else {
        for reason in &a.reasons {
            doc.line(format!(
                "- **{}:** {}",
                md_inline(&reason.criterion),
                md_block(&reason.text, "  ")
            ));
        }
        doc.line("");
    }
    if !a.gives_up.is_empty() {
        doc.line(md_inline(&a.gives_up));
        doc.line("");
    }
    doc.line(format!("**How robust:** {}", md_inline(&a.robustness)));
    doc.line("");
}

fn rejected(doc: &mut Doc, a: &Argument) {
    doc.heading(2, "What we rejected and why");
    if a.rejected.is_empty() {
        doc.line("Nothing else was on the menu.");
        doc.line("");
        return;
    }
    for r in &a.rejected {
        let mut line = if r.title == r.lens {
            format!("- **{}:** {}.", md_inline(&r.title), md_inline(&r.why))
        } else {
            format!(
                "- **{}** ({}): {}.",
                md_inline(&r.title),
                md_inline(&r.lens),
                md_inline(&r.why)
            )
        };
        if !r.strongest_case.is_empty() {
            line.push_str(&format!(
                " Its strongest case: {}",
                md_block(&r.strongest_case, "  ")
            ));
        }
        doc.line(line);
    }
    doc.line("");
}

fn risks(doc: &mut Doc, a: &Argument) {
    doc.heading(2, "Risks and tripwires");
    doc.heading(3, "Kill criteria");
    let kills: Vec<String> = a
        .kill_criteria
        .iter()
        .map(|(tripped, condition)| {
            let state = if *tripped {
                "**Tripped**"
            } else {
                "Not tripped"
            };
            format!("{state}: {}", md_block(condition, "  "))
        })
        .collect();
    if kills.is_empty() {
        doc.line("None written down.");
        doc.line("");
    } else {
        for k in kills {
            doc.line(format!("- {k}"));
        }
        doc.line("");
    }
    if !a.wrong_if.is_empty() {
        doc.heading(3, "What would make this the wrong choice");
        doc.line(md_block(&a.wrong_if, ""));
        doc.line("");
    }
    doc.heading(3, "Weakest assumptions");
    doc.bullets(&a.weak_assumptions, "None written down.");
    doc.heading(3, "Open questions");
    doc.bullets(
        &a.open_questions,
        "None: every challenge question has an answer.",
    );
}
