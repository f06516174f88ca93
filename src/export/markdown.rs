//! The Markdown decision record: MADR's sections (context, decision drivers, considered
//! options, outcome, consequences, pros and cons) plus the directive, framing, matrix,
//! ranking, robustness, kill criteria and log. CommonMark with GFM tables; every piece of
//! user text goes through [`escape::md_inline`] or [`escape::md_block`].

use super::escape::{md_block, md_inline};
use super::summary::{Summary, exact_meaning, judge, number, scale_words, sentence, total_text};
use crate::model::{Outcome, Session, SolutionOption};
use chrono::NaiveDate;

/// The decision record of `session` as CommonMark with GFM tables.
pub(super) fn render(session: &Session, today: NaiveDate) -> String {
    let summary = Summary::new(session, today);
    let mut doc = Doc::default();
    header(&mut doc, &summary);
    context(&mut doc, &summary);
    drivers(&mut doc, &summary);
    considered(&mut doc, &summary);
    outcome(&mut doc, &summary);
    matrix(&mut doc, &summary);
    ranking(&mut doc, &summary);
    pros_and_cons(&mut doc, &summary);
    kill_criteria(&mut doc, &summary);
    log(&mut doc, &summary);
    doc.0
}

/// The output being written, one line at a time.
#[derive(Default)]
struct Doc(String);

impl Doc {
    /// Adds `text` and a line break.
    fn line(&mut self, text: impl AsRef<str>) {
        self.0.push_str(text.as_ref());
        self.0.push('\n');
    }

    /// Ends the current block with a blank line, unless it already ends with one.
    fn blank(&mut self) {
        if !self.0.is_empty() && !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
    }

    /// Adds a heading of `level` with already escaped `text`, surrounded by blank lines.
    fn heading(&mut self, level: usize, text: &str) {
        self.blank();
        self.line(format!("{} {text}", "#".repeat(level)));
        self.0.push('\n');
    }

    /// Adds a bullet list of user texts, or `empty` in italics when there are none.
    fn bullets(&mut self, items: &[String], empty: &str) {
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

fn header(doc: &mut Doc, s: &Summary) {
    doc.heading(1, &md_inline(s.title()));
    doc.line(format!("- Status: {}", s.status()));
    doc.line(format!("- Date: {}", s.today));
    let d = &s.session.directive;
    if !d.given_by.trim().is_empty() {
        doc.line(format!("- Directive given by: {}", md_inline(&d.given_by)));
    }
    if let Some(received) = d.received {
        doc.line(format!("- Received: {received}"));
    }
    if let Some(deadline) = d.deadline {
        doc.line(format!("- Answer due: {deadline}"));
    }
    doc.line("");
}

fn context(doc: &mut Doc, s: &Summary) {
    let d = &s.session.directive;
    let f = &s.session.framing;
    doc.heading(2, "Context and problem statement");
    doc.line("The directive as given:");
    doc.line("");
    doc.line(format!("> {}", md_block(&d.ask, "> ")));
    doc.line("");
    if !d.business_goal.trim().is_empty() {
        doc.line(format!("Business goal: {}", md_block(&d.business_goal, "")));
        doc.line("");
    }
    doc.heading(3, "Problem statements");
    doc.bullets(&f.problem_statements, "None written down.");
    doc.heading(3, "Success metrics");
    doc.bullets(&f.success_metrics, "None written down.");
    doc.heading(3, "Constraints");
    doc.bullets(&f.constraints, "None written down.");
    doc.heading(3, "Non-goals");
    doc.bullets(&f.non_goals, "None written down.");
    doc.heading(3, "Assumptions");
    let assumptions: Vec<String> = f
        .assumptions
        .iter()
        .map(|a| format!("{} ({} % confident)", a.text, number(a.confidence)))
        .collect();
    doc.bullets(&assumptions, "None written down.");
    doc.heading(3, "Stakeholders");
    let stakeholders: Vec<String> = f
        .stakeholders
        .iter()
        .map(|p| match p.role.trim() {
            "" => format!("{}: {}", p.name, p.stance.label()),
            role => format!("{} ({role}): {}", p.name, p.stance.label()),
        })
        .collect();
    doc.bullets(&stakeholders, "None listed.");
    doc.heading(3, "Challenge questions");
    if f.questions.is_empty() {
        doc.line("None asked.");
        doc.line("");
    }
    for q in &f.questions {
        let answer = if q.answer.trim().is_empty() {
            "Unanswered.".to_owned()
        } else {
            md_block(&q.answer, "  ")
        };
        doc.line(format!("- **{}**\\", md_inline(&q.question)));
        doc.line(format!("  {answer}"));
    }
    doc.line("");
}

fn drivers(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Decision drivers");
    if s.session.weights_locked {
        doc.line("Weights were locked before scoring.");
        doc.line("");
    }
    doc.line("| Criterion | Weight | Share | Direction and scale | Veto |");
    doc.line("|---|---:|---:|---|---|");
    for c in &s.session.criteria {
        let veto = c.veto.map_or_else(|| "none".to_owned(), number);
        doc.line(format!(
            "| {} | {} | {} % | {} | {veto} |",
            md_inline(&c.name),
            number(c.weight),
            crate::analysis::number::fixed(s.weight_share(c), 0),
            scale_words(c)
        ));
    }
    doc.line("");
    for c in s
        .session
        .criteria
        .iter()
        .filter(|c| !c.description.trim().is_empty())
    {
        doc.line(format!(
            "- {}: {}",
            md_inline(&c.name),
            md_block(&c.description, "  ")
        ));
    }
    doc.line("");
}

fn considered(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Considered options");
    if s.session.options.is_empty() {
        doc.line("No options yet.");
    }
    for o in &s.session.options {
        doc.line(format!(
            "- {} ({})",
            md_inline(&o.title),
            md_inline(o.lens.label())
        ));
    }
    doc.line("");
}

fn outcome(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Decision outcome");
    doc.line(md_inline(&s.outcome_sentence()));
    doc.line("");
    let rationale = s.session.outcome.rationale();
    if !rationale.trim().is_empty() {
        doc.line(format!("Rationale: {}", md_block(rationale, "")));
        doc.line("");
    }
    doc.line(format!(
        "Recommendation from the scores: {}",
        md_inline(&sentence(&s.recommendation.plain(s.session)))
    ));
    doc.line("");
    doc.heading(3, "Consequences");
    match &s.session.outcome {
        Outcome::Chosen { option, .. } => match s.session.option(option) {
            Some(chosen) => {
                let lines = consequences(s, chosen);
                doc.bullets(&lines, "No scores to draw consequences from.");
            }
            None => doc.line("The chosen option is not in the list of options."),
        },
        Outcome::Killed { .. } => {
            doc.line("- The work stops; the people on it are free for higher-impact work.");
            doc.line("- The directive's business goal is not pursued through this project.");
        }
        Outcome::Undecided | Outcome::Deferred { .. } | Outcome::Reframe { .. } => {
            doc.line("None until an option is chosen or the project is killed.");
        }
    }
    if !s.session.kill_criteria.is_empty() && !matches!(s.session.outcome, Outcome::Killed { .. }) {
        doc.blank();
        doc.line("The kill criteria below stay in force: if one comes true, the project stops.");
    }
    doc.blank();
    robustness(doc, s);
}

/// MADR "Good, because …" lines for the chosen option, one per scored criterion.
fn consequences(s: &Summary, chosen: &SolutionOption) -> Vec<String> {
    s.session
        .criteria
        .iter()
        .filter_map(|c| {
            let judgement = judge(c, chosen)?;
            let likely = chosen.score(&c.id)?.likely;
            Some(format!(
                "{}, because {} scores {} ({})",
                judgement.word(),
                c.name,
                number(likely),
                scale_words(c)
            ))
        })
        .collect()
}

/// The robustness verdict: the one-line verdict and its reasons.
fn robustness(doc: &mut Doc, s: &Summary) {
    doc.heading(3, "Robustness");
    doc.line(md_block(&s.robustness.line, ""));
    doc.line("");
    let reasons = s.robustness_reasons();
    if !reasons.is_empty() {
        doc.bullets(&reasons, "");
    }
    doc.line(md_inline(&s.robustness_method()));
    doc.line("");
}

fn matrix(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Scoring matrix");
    if s.session.options.is_empty() {
        doc.line("No options to score.");
        doc.line("");
        return;
    }
    let mut head = String::from("| Option | Lens |");
    let mut rule = String::from("|---|---|");
    for c in &s.session.criteria {
        head.push_str(&format!(" {} |", md_inline(&c.name)));
        rule.push_str("---:|");
    }
    head.push_str(" Total | Rank | Flags |");
    rule.push_str("---:|---:|---|");
    doc.line(head);
    doc.line(rule);
    for (option_idx, o) in s.session.options.iter().enumerate() {
        let mut row = format!(
            "| {} | {} |",
            md_inline(&o.title),
            md_inline(o.lens.label())
        );
        for c in &s.session.criteria {
            let cell = o
                .score(&c.id)
                .map_or_else(|| "–".to_owned(), |sc| number(sc.likely));
            row.push_str(&format!(" {cell} |"));
        }
        let ranked = s.ranking.row_for(option_idx);
        let total = ranked
            .and_then(|r| r.total)
            .map_or_else(|| "–".to_owned(), total_text);
        let rank = ranked
            .and_then(|r| r.rank)
            .map_or_else(|| "–".to_owned(), |r| r.to_string());
        row.push_str(&format!(
            " {total} | {rank} | {} |",
            s.flags(option_idx).join(", ")
        ));
        doc.line(row);
    }
    doc.line("");
}

fn ranking(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Ranking");
    if s.ranking.rows.is_empty() {
        doc.line("Nothing to rank.");
    }
    for row in &s.ranking.rows {
        let o = &s.session.options[row.option_idx];
        let mut line = match (row.rank, row.total) {
            (Some(rank), Some(total)) => format!(
                "- No. {rank}: {} with {} of 100",
                md_inline(&o.title),
                total_text(total)
            ),
            _ if s.ranking.no_weight => format!("- Not ranked: {}", md_inline(&o.title)),
            _ => format!("- Unscored: {}", md_inline(&o.title)),
        };
        if row.is_vetoed() {
            let names: Vec<String> = row
                .vetoed_by
                .iter()
                .map(|c| md_inline(&s.criterion_name(c.as_str())))
                .collect();
            line.push_str(&format!(" (vetoed by {})", names.join(", ")));
        }
        if !row.missing.is_empty() {
            let names: Vec<String> = row
                .missing
                .iter()
                .map(|c| md_inline(&s.criterion_name(c.as_str())))
                .collect();
            line.push_str(&format!(" (no score for {})", names.join(", ")));
        }
        doc.line(line);
    }
    doc.line("");
}

fn pros_and_cons(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Pros and cons of the options");
    for o in &s.session.options {
        doc.heading(
            3,
            &format!("{} ({})", md_inline(&o.title), md_inline(o.lens.label())),
        );
        if !o.description.trim().is_empty() {
            doc.line(md_block(&o.description, ""));
            doc.line("");
        }
        let mut any = false;
        for c in &s.session.criteria {
            let (Some(verdict), Some(score)) = (judge(c, o), o.score(&c.id)) else {
                continue;
            };
            any = true;
            let mut line = format!(
                "- {}, because {} is {}",
                verdict.word(),
                md_inline(&c.name),
                number(score.likely)
            );
            if let Some(meaning) = exact_meaning(c, score.likely) {
                line.push_str(&format!(" ({})", md_inline(meaning)));
            }
            if !score.rationale.trim().is_empty() {
                line.push_str(&format!(": {}", md_block(&score.rationale, "  ")));
            }
            doc.line(line);
        }
        if !any {
            doc.line("Not scored yet.");
        }
        doc.line("");
    }
}

fn kill_criteria(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Kill criteria");
    if s.session.kill_criteria.is_empty() {
        doc.line("None written down.");
    }
    for k in &s.session.kill_criteria {
        let state = if k.tripped {
            "**Tripped**"
        } else {
            "Not tripped"
        };
        doc.line(format!("- {state}: {}", md_block(&k.condition, "  ")));
    }
    doc.line("");
}

fn log(doc: &mut Doc, s: &Summary) {
    doc.heading(2, "Decision log");
    if s.session.log.is_empty() {
        doc.line("Nothing logged.");
    }
    for entry in &s.session.log {
        doc.line(format!(
            "- {}: {}",
            entry.at.format("%Y-%m-%d %H:%M UTC"),
            md_block(&s.describe(&entry.event), "  ")
        ));
    }
}
