//! The HTML one-pager: one self-contained file with inline CSS and inline SVG charts, no
//! scripts and no external requests, guarded by a restrictive Content-Security-Policy. Every
//! piece of user text goes through [`escape::html`]; attributes are always double-quoted.

use super::escape::html;
use super::html_style::{CSP, CSS};
use super::summary::{Summary, exact_meaning, judge, number, sentence};
use super::svg;
use crate::model::{Outcome, Session};
use chrono::NaiveDate;
use std::fmt::Write;

/// The one-pager of `session` as a complete HTML document.
pub(super) fn render(session: &Session, today: NaiveDate) -> String {
    let s = Summary::new(session, today);
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — decision summary</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        html(&one_line(s.title()))
    );
    header(&mut out, &s);
    decision(&mut out, &s);
    charts(&mut out, &s);
    matrix(&mut out, &s);
    framing(&mut out, &s);
    options(&mut out, &s);
    kill_and_log(&mut out, &s);
    let _ = write!(
        out,
        "<footer>Decision summary exported by Verdict on {today}.</footer>\n</body>\n</html>\n"
    );
    out
}

/// `text` with its lines joined by spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` escaped, its line breaks kept as `<br>`.
fn lines(text: &str) -> String {
    html(text.trim())
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "<br>")
}

/// A `<ul>` of user texts, or a muted `empty` note.
fn list(out: &mut String, items: impl IntoIterator<Item = String>, empty: &str) {
    let items: Vec<String> = items.into_iter().filter(|i| !i.trim().is_empty()).collect();
    if items.is_empty() {
        if !empty.is_empty() {
            let _ = writeln!(out, "<p class=\"none\">{empty}</p>");
        }
        return;
    }
    out.push_str("<ul>");
    for item in items {
        let _ = write!(out, "<li dir=\"auto\">{}</li>", lines(&item));
    }
    out.push_str("</ul>\n");
}

fn header(out: &mut String, s: &Summary) {
    let d = &s.session.directive;
    let status_class = match s.session.outcome {
        Outcome::Undecided => "undecided",
        Outcome::Chosen { .. } => "chosen",
        Outcome::Killed { .. } => "killed",
        Outcome::Deferred { .. } => "deferred",
        Outcome::Reframe { .. } => "reframe",
    };
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">Decision summary · {}</p>\n<h1 dir=\"auto\">{}</h1>\n\
         <p><span class=\"status status-{status_class}\">{}</span></p>\n",
        s.today,
        html(&one_line(s.title())),
        html(&s.status())
    );
    if !d.ask.trim().is_empty() {
        let _ = writeln!(
            out,
            "<blockquote class=\"directive\" dir=\"auto\">{}</blockquote>",
            lines(&d.ask)
        );
    }
    let mut meta = Vec::new();
    if !d.given_by.trim().is_empty() {
        meta.push(format!("Given by {}", html(&one_line(&d.given_by))));
    }
    if let Some(received) = d.received {
        meta.push(format!("received {received}"));
    }
    if let Some(deadline) = d.deadline {
        meta.push(format!("answer due {deadline}"));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    }
    if !d.business_goal.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p dir=\"auto\"><strong>Business goal:</strong> {}</p>",
            lines(&d.business_goal)
        );
    }
    out.push_str("</header>\n");
}

fn decision(out: &mut String, s: &Summary) {
    let _ = write!(
        out,
        "<section class=\"decision\">\n<h2>Decision</h2>\n<p class=\"outcome\" dir=\"auto\">{}</p>\n",
        html(&s.outcome_sentence())
    );
    let rationale = s.session.outcome.rationale();
    if !rationale.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p dir=\"auto\"><strong>Rationale:</strong> {}</p>",
            lines(rationale)
        );
    }
    let advice = s.recommendation.plain(s.session);
    let differs = match (&s.session.outcome, &s.recommendation) {
        (
            Outcome::Chosen { option, .. },
            crate::analysis::Recommendation::Choose { option: best, .. },
        ) => option != best,
        (Outcome::Chosen { .. }, _) => true,
        _ => false,
    };
    let class = if differs { "advice differs" } else { "advice" };
    let _ = writeln!(
        out,
        "<p class=\"{class}\" dir=\"auto\">Recommendation from the scores: {}{}</p>",
        html(&sentence(&advice)),
        if differs {
            " The decision differs from it."
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "<p class=\"advice\" dir=\"auto\"><strong>Robustness:</strong> {}</p>",
        lines(&s.robustness.line)
    );
    list(out, s.robustness_reasons(), "");
    let _ = writeln!(
        out,
        "<p class=\"meta\" dir=\"auto\">{}</p>",
        html(&s.robustness_method())
    );
    out.push_str("</section>\n");
}

fn charts(out: &mut String, s: &Summary) {
    if s.session.options.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"charts\">\n<figure><figcaption>Ranking (weighted total of 100)</figcaption>{}\
         <p class=\"legend\">Hatched bars are vetoed: never recommended.</p></figure>\n",
        svg::ranking_chart(s)
    );
    if let Some(chart) = svg::impact_cost_chart(s) {
        let _ = writeln!(
            out,
            "<figure><figcaption>Impact against cost</figcaption>{chart}\
             <p class=\"legend\">Letters are the keys in the matrix; bigger circles carry more \
             trust risk; red circles are vetoed. The shaded quarter is best: high impact at low cost.</p></figure>"
        );
    }
    out.push_str("</section>\n");
}

fn matrix(out: &mut String, s: &Summary) {
    out.push_str("<section>\n<h2>Scoring matrix</h2>\n");
    if s.session.options.is_empty() {
        out.push_str("<p class=\"none\">No options yet.</p>\n</section>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr><th>Key</th><th>Option</th><th>Lens</th>");
    for c in &s.session.criteria {
        let _ = write!(
            out,
            "<th class=\"num\" dir=\"auto\">{}<br><small>weight {} {}</small></th>",
            html(&one_line(&c.name)),
            number(c.weight),
            arrow(c.direction)
        );
    }
    out.push_str("<th class=\"num\">Total</th><th class=\"num\">Rank</th><th>Flags</th></tr></thead>\n<tbody>\n");
    for (option_idx, o) in s.session.options.iter().enumerate() {
        let flags = s.flags(option_idx);
        let _ = write!(
            out,
            "<tr class=\"{}\"><td class=\"key\">{}</td><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td>",
            flags.join(" "),
            svg::key(option_idx),
            lines(&o.title),
            html(o.lens.label())
        );
        for c in &s.session.criteria {
            let cell = o
                .score(&c.id)
                .map_or_else(|| "–".to_owned(), |sc| number(sc.likely));
            let _ = write!(out, "<td class=\"num\">{cell}</td>");
        }
        let row = s.ranking.row_for(option_idx);
        let total = row
            .and_then(|r| r.total)
            .map_or_else(|| "–".to_owned(), super::summary::total_text);
        let rank = row
            .and_then(|r| r.rank)
            .map_or_else(|| "–".to_owned(), |r| r.to_string());
        let _ = writeln!(
            out,
            "<td class=\"num\">{total}</td><td class=\"num\">{rank}</td><td class=\"flags\">{}</td></tr>",
            flags.join(", ")
        );
    }
    out.push_str(
        "</tbody>\n</table>\n<p class=\"legend\">↑ higher is better · ↓ lower is better. \
         Totals are weighted means on each criterion's scale, out of 100.</p>\n</section>\n",
    );
}

/// An arrow for the direction: up when higher is better.
fn arrow(direction: crate::model::Direction) -> &'static str {
    match direction {
        crate::model::Direction::Benefit => "↑",
        crate::model::Direction::Cost => "↓",
    }
}

fn framing(out: &mut String, s: &Summary) {
    let f = &s.session.framing;
    out.push_str("<section>\n<h2>Problem framing</h2>\n<div class=\"grid\">\n<div>\n");
    for (heading, items) in [
        ("Problem statements", &f.problem_statements),
        ("Success metrics", &f.success_metrics),
        ("Constraints", &f.constraints),
        ("Non-goals", &f.non_goals),
    ] {
        let _ = writeln!(out, "<h3>{heading}</h3>");
        list(out, items.iter().cloned(), "None written down.");
    }
    out.push_str("</div>\n<div>\n<h3>Assumptions</h3>\n");
    list(
        out,
        f.assumptions
            .iter()
            .map(|a| format!("{} ({} % confident)", a.text, number(a.confidence))),
        "None written down.",
    );
    out.push_str("<h3>Stakeholders</h3>\n");
    list(
        out,
        f.stakeholders.iter().map(|p| match p.role.trim() {
            "" => format!("{}: {}", p.name, p.stance.label()),
            role => format!("{} ({role}): {}", p.name, p.stance.label()),
        }),
        "None listed.",
    );
    out.push_str("<h3>Challenge questions</h3>\n");
    if f.questions.is_empty() {
        out.push_str("<p class=\"none\">None asked.</p>\n");
    }
    for q in &f.questions {
        let answer = if q.answer.trim().is_empty() {
            "<span class=\"none\">Unanswered.</span>".to_owned()
        } else {
            lines(&q.answer)
        };
        let _ = writeln!(
            out,
            "<p dir=\"auto\"><strong>{}</strong><br>{answer}</p>",
            lines(&q.question)
        );
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

fn options(out: &mut String, s: &Summary) {
    if s.session.options.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>Options: pros and cons</h2>\n<div class=\"grid\">\n");
    for (option_idx, o) in s.session.options.iter().enumerate() {
        let _ = write!(
            out,
            "<div class=\"option\"><h3 dir=\"auto\"><span class=\"key\">{}</span> {} \
             <small>({})</small></h3>",
            svg::key(option_idx),
            lines(&o.title),
            html(o.lens.label())
        );
        if !o.description.trim().is_empty() {
            let _ = write!(out, "<p dir=\"auto\">{}</p>", lines(&o.description));
        }
        out.push_str("<ul>");
        for c in &s.session.criteria {
            let (Some(verdict), Some(score)) = (judge(c, o), o.score(&c.id)) else {
                continue;
            };
            let class = verdict.word().to_ascii_lowercase();
            let _ = write!(
                out,
                "<li dir=\"auto\"><span class=\"{class}\">{}</span>: {} is {}",
                verdict.word(),
                html(&one_line(&c.name)),
                number(score.likely)
            );
            if let Some(meaning) = exact_meaning(c, score.likely) {
                let _ = write!(out, " ({})", html(&one_line(meaning)));
            }
            if !score.rationale.trim().is_empty() {
                let _ = write!(out, " — {}", lines(&score.rationale));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("</div>\n</section>\n");
}

fn kill_and_log(out: &mut String, s: &Summary) {
    out.push_str("<section class=\"grid\">\n<div>\n<h2>Kill criteria</h2>\n");
    if s.session.kill_criteria.is_empty() {
        out.push_str("<p class=\"none\">None written down.</p>\n");
    } else {
        out.push_str("<ul>");
        for k in &s.session.kill_criteria {
            let state = if k.tripped {
                "<span class=\"tripped\">Tripped</span>"
            } else {
                "Not tripped"
            };
            let _ = write!(
                out,
                "<li dir=\"auto\">{state}: {}</li>",
                lines(&k.condition)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n<div>\n<h2>Decision log</h2>\n");
    if s.session.log.is_empty() {
        out.push_str("<p class=\"none\">Nothing logged.</p>\n");
    } else {
        out.push_str("<ul>");
        for entry in &s.session.log {
            let _ = write!(
                out,
                "<li dir=\"auto\"><time>{}</time>: {}</li>",
                entry.at.format("%Y-%m-%d %H:%M UTC"),
                lines(&s.describe(&entry.event))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n</section>\n");
}
