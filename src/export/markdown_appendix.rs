//! The appendix of the Markdown decision record: the framing (MADR's context), the decision
//! drivers, the matrix and ranking, each option in detail with its pros and cons, the
//! robustness evidence, the raters and the log.

use super::escape::{md_block, md_inline};
use super::markdown::Doc;
use super::precision;
use super::summary::{
    Summary, clause, exact_meaning, judge, number, scale_words, score_number, value_in_unit,
};
use crate::model::SolutionOption;

/// Writes the appendix after the `## Appendix` heading.
pub(super) fn render(doc: &mut Doc, s: &Summary) {
    context(doc, s);
    drivers(doc, s);
    matrix(doc, s);
    ranking(doc, s);
    robustness(doc, s);
    pros_and_cons(doc, s);
    raters(doc, s);
    log(doc, s);
}

fn context(doc: &mut Doc, s: &Summary) {
    let d = &s.session.directive;
    let f = &s.session.framing;
    doc.heading(3, "Context and problem statement");
    doc.line("The directive as given:");
    doc.line("");
    doc.line(format!("> {}", md_block(&d.ask, "> ")));
    doc.line("");
    if !d.business_goal.trim().is_empty() {
        doc.line(format!("Business goal: {}", md_block(&d.business_goal, "")));
        doc.line("");
    }
    doc.heading(4, "Problem statements");
    doc.bullets(&f.problem_statements, "None written down.");
    doc.heading(4, "Success metrics");
    doc.bullets(&f.success_metrics, "None written down.");
    doc.heading(4, "Constraints");
    doc.bullets(&f.constraints, "None written down.");
    doc.heading(4, "Non-goals");
    doc.bullets(&f.non_goals, "None written down.");
    doc.heading(4, "Assumptions");
    let assumptions: Vec<String> = f
        .assumptions
        .iter()
        .map(|a| format!("{} ({} % confident)", clause(&a.text), number(a.confidence)))
        .collect();
    doc.bullets(&assumptions, "None written down.");
    doc.heading(4, "Stakeholders");
    let stakeholders: Vec<String> = f
        .stakeholders
        .iter()
        .map(|p| match p.role.trim() {
            "" => format!("{}: {}", p.name, p.stance.label()),
            role => format!("{} ({role}): {}", p.name, p.stance.label()),
        })
        .collect();
    doc.bullets(&stakeholders, "None listed.");
    doc.heading(4, "Challenge questions");
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
    doc.heading(3, "Decision drivers");
    if s.session.weights_locked {
        doc.line("Weights were locked before scoring.");
        doc.line("");
    }
    doc.line("| Criterion | Weight | Share | Direction and scale | Veto |");
    doc.line("|---|---:|---:|---|---|");
    for c in &s.session.criteria {
        let veto = c
            .veto
            .map_or_else(|| "none".to_owned(), |v| md_inline(&value_in_unit(c, v)));
        doc.line(format!(
            "| {} | {} | {} % | {} | {veto} |",
            md_inline(&c.name),
            number(c.weight),
            crate::analysis::number::fixed(s.weight_share(c), 0),
            md_inline(&scale_words(c))
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

pub(super) fn matrix(doc: &mut Doc, s: &Summary) {
    doc.heading(3, "Scoring matrix");
    if s.session.options.is_empty() {
        doc.line("No options to score.");
        doc.line("");
        return;
    }
    let mut head = String::from("| Option | Lens |");
    let mut rule = String::from("|---|---|");
    for c in &s.session.criteria {
        head.push_str(&format!(" {} |", md_inline(&c.name_with_unit())));
        rule.push_str("---:|");
    }
    head.push_str(" Total | Rank | Flags |");
    rule.push_str("---:|---:|---|");
    let decimals = precision::total_decimals(&s.ranking);
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
                .map_or_else(|| "–".to_owned(), |sc| score_number(sc.likely));
            row.push_str(&format!(" {cell} |"));
        }
        let ranked = s.ranking.row_for(option_idx);
        let total = ranked
            .and_then(|r| r.total)
            .map_or_else(|| "–".to_owned(), |t| precision::total(t, decimals));
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
    if let Some(note) = s.matrix_note() {
        doc.line(md_inline(&note));
        doc.line("");
    }
}

pub(super) fn ranking(doc: &mut Doc, s: &Summary) {
    doc.heading(3, "Ranking");
    if s.ranking.rows.is_empty() {
        doc.line("Nothing to rank.");
    }
    let decimals = precision::total_decimals(&s.ranking);
    for row in &s.ranking.rows {
        let o = &s.session.options[row.option_idx];
        let mut line = match (row.rank, row.total) {
            (Some(rank), Some(total)) => format!(
                "- No. {rank}: {} with {} of 100",
                md_inline(&o.title),
                precision::total(total, decimals)
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

/// Every reason behind the robustness verdict.
fn robustness(doc: &mut Doc, s: &Summary) {
    doc.heading(3, "Robustness in detail");
    doc.line(md_block(&s.robustness.line, ""));
    doc.line("");
    let reasons = s.robustness_reasons();
    if !reasons.is_empty() {
        doc.bullets(&reasons, "");
    }
    doc.line(md_inline(&s.robustness_method()));
    doc.line("");
}

/// Owner, effort, time to a first result and expected results of one option.
fn details(doc: &mut Doc, o: &SolutionOption) {
    let mut facts = Vec::new();
    if !o.owner.trim().is_empty() {
        facts.push(format!("Owner: {}", md_inline(&o.owner)));
    }
    if let Some(e) = &o.effort {
        let range = match (e.low, e.high) {
            (None, None) => String::new(),
            _ => format!(
                " (range {}–{})",
                number(e.low_or_likely()),
                number(e.high_or_likely())
            ),
        };
        facts.push(format!("Effort: {} person-weeks{range}", number(e.likely)));
    }
    if let Some(weeks) = o.first_result_weeks {
        facts.push(format!(
            "First result after {}",
            super::summary::weeks(weeks)
        ));
    }
    if !facts.is_empty() {
        doc.line(format!("{}.", facts.join(" · ")));
        doc.line("");
    }
    for e in o.expected_results.iter().filter(|e| !e.is_blank()) {
        let reach = match e.reaches {
            Some(true) => " — reaches the target",
            Some(false) => " — does not reach the target",
            None => "",
        };
        let value = e
            .value
            .map(|v| format!(" ({})", number(v)))
            .unwrap_or_default();
        doc.line(format!(
            "- Expected on {}: {}{value}{reach}",
            md_inline(&clause(&e.metric)),
            md_inline(&e.result)
        ));
    }
    if !o.strongest_case.trim().is_empty() {
        doc.line(format!(
            "- Strongest case: {}",
            md_block(&o.strongest_case, "  ")
        ));
    }
    if !o.wrong_if.trim().is_empty() {
        doc.line(format!(
            "- Wrong choice if: {}",
            md_block(&o.wrong_if, "  ")
        ));
    }
    doc.blank();
}

fn pros_and_cons(doc: &mut Doc, s: &Summary) {
    doc.heading(3, "Pros and cons of the options");
    for o in &s.session.options {
        doc.heading(
            4,
            &format!("{} ({})", md_inline(&o.title), md_inline(o.lens.label())),
        );
        if !o.description.trim().is_empty() {
            doc.line(md_block(&o.description, ""));
            doc.line("");
        }
        details(doc, o);
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
                md_inline(&value_in_unit(c, score.likely))
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

/// Who scored, when several people did.
fn raters(doc: &mut Doc, s: &Summary) {
    if s.session.raters.is_empty() {
        return;
    }
    doc.heading(3, "Raters");
    doc.line(format!(
        "Scores are the {} of what these people gave independently:",
        s.session.aggregation.label()
    ));
    doc.line("");
    let names: Vec<String> = s
        .session
        .raters
        .iter()
        .map(|r| match r.role.trim() {
            "" => r.name.clone(),
            role => format!("{} ({role})", r.name),
        })
        .collect();
    doc.bullets(&names, "");
}

fn log(doc: &mut Doc, s: &Summary) {
    doc.heading(3, "Decision log");
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
