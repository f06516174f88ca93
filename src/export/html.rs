//! The HTML one-pager: one self-contained file with inline CSS and inline SVG charts, no
//! scripts and no external requests, guarded by a restrictive Content-Security-Policy. Every
//! piece of user text goes through [`escape::html`]; attributes are always double-quoted.

use super::argument::{Argument, Labelled, SHORT_OF_TARGET};
use super::escape::html;
use super::html_style::{CSP, CSS};
use super::precision;
use super::summary::{Summary, clause, exact_meaning, judge, number, score_number, value_in_unit};
use super::svg;
use crate::model::Outcome;
use std::fmt::Write;

/// The one-pager of `session` as a complete HTML document.
pub(super) fn render(s: Summary) -> String {
    let today = s.today;
    let mut out = page_start(s.title(), "decision record");
    let argument = Argument::new(&s);
    header(&mut out, &s);
    bottom_line(&mut out, &argument.bottom_line);
    changed_since(&mut out, &argument);
    why(&mut out, &s, &argument);
    rejected(&mut out, &argument);
    risks(&mut out, &argument);
    next_steps(&mut out, &argument);
    out.push_str("<h2 class=\"appendix\">Appendix</h2>\n");
    charts(&mut out, &s);
    matrix(&mut out, &s);
    framing(&mut out, &s);
    options(&mut out, &s);
    log(&mut out, &s);
    let _ = write!(
        out,
        "<footer>Decision record exported by Verdict on {today}.</footer>\n</body>\n</html>\n"
    );
    out
}

/// The document up to and including `<body>`: the policy, the stylesheet and the title.
pub(super) fn page_start(title: &str, kind: &str) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {kind}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        html(&one_line(title))
    );
    out
}

/// `text` with its lines joined by spaces.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` escaped, its line breaks kept as `<br>`.
pub(super) fn lines(text: &str) -> String {
    html(text.trim())
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "<br>")
}

/// A `<ul>` of user texts, or a muted `empty` note.
pub(super) fn list(out: &mut String, items: impl IntoIterator<Item = String>, empty: &str) {
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
    let status_class = match s.session.outcome {
        Outcome::Undecided => "undecided",
        Outcome::Chosen { .. } => "chosen",
        Outcome::Killed { .. } => "killed",
        Outcome::Deferred { .. } => "deferred",
        Outcome::Reframe { .. } => "reframe",
    };
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">Decision record · {} · exported {}</p>\n\
         <h1 dir=\"auto\">{} <span class=\"status status-{status_class}\">{}</span></h1>\n{}</header>\n",
        s.record_date(),
        s.today,
        html(&one_line(s.title())),
        html(&s.status()),
        asked(s)
    );
}

/// Who asked and when, for the header: "Asked by Kofi Mensah, Head of Data, received
/// 2026-11-30, answer due 2027-01-15"; empty when none of it is written down.
fn asked(s: &Summary) -> String {
    let d = &s.session.directive;
    let mut parts = Vec::new();
    match one_line(d.given_by.trim()) {
        who if who.is_empty() => {}
        who => parts.push(format!("Asked by {}", html(&who))),
    }
    if let Some(received) = d.received {
        parts.push(if parts.is_empty() {
            format!("Received {received}")
        } else {
            format!("received {received}")
        });
    }
    if let Some(deadline) = d.deadline {
        parts.push(if parts.is_empty() {
            format!("Answer due {deadline}")
        } else {
            format!("answer due {deadline}")
        });
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(
            "<p class=\"meta asked\" dir=\"auto\">{}</p>\n",
            parts.join(", ")
        )
    }
}

/// The three lines a reader sees first.
pub(super) fn bottom_line(out: &mut String, lines: &[Labelled; 3]) {
    out.push_str("<section class=\"bluf\">\n");
    for (idx, line) in lines.iter().enumerate() {
        // Falling short of the target is what a reader must not miss.
        let text = html(&one_line(&line.text)).replace(
            SHORT_OF_TARGET,
            &format!("<strong class=\"short\">{SHORT_OF_TARGET}</strong>"),
        );
        let _ = writeln!(
            out,
            "<p class=\"bluf-{idx}\" dir=\"auto\"><strong>{}:</strong> {text}</p>",
            line.label
        );
    }
    out.push_str("</section>\n");
}

/// The warning that scores or weights moved after the decision, right under the bottom line.
pub(super) fn changed_since(out: &mut String, a: &Argument) {
    if let Some(changed) = &a.changed_since {
        let _ = writeln!(
            out,
            "<p class=\"changed\" dir=\"auto\"><strong>Note:</strong> {}</p>",
            html(&one_line(changed))
        );
    }
}

/// Every next step, done ones marked.
fn next_steps(out: &mut String, a: &Argument) {
    out.push_str("<section>\n<h2>Next steps</h2>\n");
    list(out, a.next_steps.iter().cloned(), "None written down.");
    out.push_str("</section>\n");
}

fn why(out: &mut String, s: &Summary, a: &Argument) {
    out.push_str("<section>\n<h2>Why</h2>\n");
    if !a.rationale.is_empty() {
        let _ = writeln!(
            out,
            "<p dir=\"auto\"><strong>In the deciders' words:</strong> {}</p>",
            lines(&a.rationale)
        );
    }
    if a.reasons.is_empty() {
        out.push_str(
            "<p class=\"none\">No rival is scored on the same criteria, so there is nothing to separate.</p>\n",
        );
    } else {
        out.push_str("<ul>");
        for r in &a.reasons {
            let _ = write!(
                out,
                "<li dir=\"auto\"><strong>{}:</strong> {}</li>",
                html(&one_line(&r.criterion)),
                lines(&r.text)
            );
        }
        out.push_str("</ul>\n");
    }
    if !a.gives_up.is_empty() {
        let _ = writeln!(out, "<p dir=\"auto\">{}</p>", html(&one_line(&a.gives_up)));
    }
    let _ = writeln!(
        out,
        "<p class=\"robust\" dir=\"auto\"><strong>How robust:</strong> {}</p>\n\
         <p class=\"meta\" dir=\"auto\">{}</p>\n</section>",
        html(&one_line(&a.robustness)),
        html(&s.robustness_method())
    );
}

fn rejected(out: &mut String, a: &Argument) {
    out.push_str("<section>\n<h2>What we rejected and why</h2>\n");
    if a.rejected.is_empty() {
        out.push_str("<p class=\"none\">Nothing else was on the menu.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul class=\"rejected\">");
    for r in &a.rejected {
        let name = if r.title == r.lens {
            format!("<strong>{}</strong>", html(&one_line(&r.title)))
        } else {
            format!(
                "<strong>{}</strong> <small>({})</small>",
                html(&one_line(&r.title)),
                html(&r.lens)
            )
        };
        let _ = write!(out, "<li dir=\"auto\">{name}: {}.", html(&one_line(&r.why)));
        if !r.strongest_case.is_empty() {
            let _ = write!(
                out,
                " <span class=\"steelman\">Its strongest case: {}</span>",
                lines(&r.strongest_case)
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>\n</section>\n");
}

fn risks(out: &mut String, a: &Argument) {
    out.push_str("<section>\n<h2>Risks and tripwires</h2>\n<div class=\"grid\">\n<div>\n<h3>Kill criteria</h3>\n");
    if a.kill_criteria.is_empty() {
        out.push_str("<p class=\"none\">None written down.</p>\n");
    } else {
        out.push_str("<ul>");
        for (tripped, condition) in &a.kill_criteria {
            let state = if *tripped {
                "<span class=\"tripped\">Tripped</span>"
            } else {
                "Not tripped"
            };
            let _ = write!(out, "<li dir=\"auto\">{state}: {}</li>", lines(condition));
        }
        out.push_str("</ul>\n");
    }
    if !a.wrong_if.is_empty() {
        let _ = writeln!(
            out,
            "<h3>What would make this the wrong choice</h3>\n<p dir=\"auto\">{}</p>",
            lines(&a.wrong_if)
        );
    }
    out.push_str("</div>\n<div>\n<h3>Weakest assumptions</h3>\n");
    list(
        out,
        a.weak_assumptions.iter().cloned(),
        "None written down.",
    );
    out.push_str("<h3>Open questions</h3>\n");
    list(
        out,
        a.open_questions.iter().cloned(),
        "None: every challenge question has an answer.",
    );
    out.push_str("</div>\n</div>\n</section>\n");
}

pub(super) fn charts(out: &mut String, s: &Summary) {
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
        let shared: Vec<String> = svg::shared_spots(s)
            .iter()
            .map(|keys| keys.join(" and "))
            .collect();
        let shared = if shared.is_empty() {
            String::new()
        } else {
            format!(
                " Options whose circles overlap are labelled together beside them: {}.",
                shared.join("; ")
            )
        };
        let _ = writeln!(
            out,
            "<figure><figcaption>Impact against cost</figcaption>{chart}\
             <p class=\"legend\">Letters are the keys in the matrix; bigger circles carry more \
             trust risk; red circles are vetoed. The shaded quarter is best: high impact at low \
             cost.{shared}</p></figure>"
        );
    }
    out.push_str("</section>\n");
}

pub(super) fn matrix(out: &mut String, s: &Summary) {
    out.push_str("<section>\n<h2>Scoring matrix</h2>\n");
    if s.session.options.is_empty() {
        out.push_str("<p class=\"none\">No options yet.</p>\n</section>\n");
        return;
    }
    let decimals = precision::total_decimals(&s.ranking);
    // The table scrolls sideways on a narrow page rather than squeezing the option titles.
    out.push_str(
        "<div class=\"table-scroll\"><table class=\"matrix\">\n<thead><tr><th>Key</th>\
         <th class=\"option-title\">Option</th><th>Lens</th>",
    );
    for c in &s.session.criteria {
        let unit = match c.unit.trim() {
            "" => String::new(),
            unit => format!("<br><small>{}</small>", html(unit)),
        };
        let _ = write!(
            out,
            "<th class=\"num\" dir=\"auto\">{}{unit}<br><small>weight {} {}</small></th>",
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
            "<tr class=\"{}\"><td class=\"key\">{}</td><td class=\"option-title\" dir=\"auto\">{}</td>\
             <td dir=\"auto\">{}</td>",
            flags.join(" "),
            svg::key(option_idx),
            lines(&o.title),
            html(o.lens.label())
        );
        for c in &s.session.criteria {
            let cell = o
                .score(&c.id)
                .map_or_else(|| "–".to_owned(), |sc| score_number(sc.likely));
            let _ = write!(out, "<td class=\"num\">{cell}</td>");
        }
        let row = s.ranking.row_for(option_idx);
        let total = row
            .and_then(|r| r.total)
            .map_or_else(|| "–".to_owned(), |t| precision::total(t, decimals));
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
        "</tbody>\n</table></div>\n<p class=\"legend\">↑ higher is better · ↓ lower is better. \
         Totals are weighted means on each criterion's scale, out of 100.</p>\n",
    );
    if let Some(note) = s.matrix_note() {
        let _ = writeln!(out, "<p class=\"legend\">{}</p>", html(&note));
    }
    out.push_str("</section>\n");
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
    let d = &s.session.directive;
    out.push_str("<section>\n<h2>The ask and how we framed it</h2>\n");
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
    out.push_str("<div class=\"grid\">\n<div>\n");
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
            .map(|a| format!("{} ({} % confident)", clause(&a.text), number(a.confidence))),
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
        details(out, o);
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
                html(&value_in_unit(c, score.likely))
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

/// Owner, effort, time to a first result, expected results, strongest case and tripwire.
fn details(out: &mut String, o: &crate::model::SolutionOption) {
    let mut facts = Vec::new();
    if !o.owner.trim().is_empty() {
        facts.push(format!("Owner: {}", html(&one_line(&o.owner))));
    }
    if let Some(e) = &o.effort {
        let range = match (e.low, e.high) {
            (None, None) => String::new(),
            _ => format!(
                " ({}–{})",
                number(e.low_or_likely()),
                number(e.high_or_likely())
            ),
        };
        facts.push(format!("{} person-weeks{range}", number(e.likely)));
    }
    if let Some(weeks) = o.first_result_weeks {
        facts.push(format!(
            "first result after {}",
            super::summary::weeks(weeks)
        ));
    }
    if !facts.is_empty() {
        let _ = write!(
            out,
            "<p class=\"meta\" dir=\"auto\">{}</p>",
            facts.join(" · ")
        );
    }
    let mut items = Vec::new();
    for e in o.expected_results.iter().filter(|e| !e.is_blank()) {
        let reach = match e.reaches {
            Some(true) => " — <span class=\"good\">reaches the target</span>",
            Some(false) => " — <span class=\"bad\">does not reach the target</span>",
            None => "",
        };
        let value = e
            .value
            .map(|v| format!(" ({})", number(v)))
            .unwrap_or_default();
        items.push(format!(
            "<li dir=\"auto\">Expected on {}: {}{value}{reach}</li>",
            html(&one_line(&clause(&e.metric))),
            html(&one_line(&e.result))
        ));
    }
    if !o.strongest_case.trim().is_empty() {
        items.push(format!(
            "<li dir=\"auto\">Strongest case: {}</li>",
            lines(&o.strongest_case)
        ));
    }
    if !o.wrong_if.trim().is_empty() {
        items.push(format!(
            "<li dir=\"auto\">Wrong choice if: {}</li>",
            lines(&o.wrong_if)
        ));
    }
    if !items.is_empty() {
        let _ = write!(out, "<ul class=\"details\">{}</ul>", items.concat());
    }
}

fn log(out: &mut String, s: &Summary) {
    out.push_str("<section>\n<h2>Decision log</h2>\n");
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
    out.push_str("</section>\n");
}
