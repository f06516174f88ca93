//! A portfolio answer as Markdown, HTML or CSV: the funded set above the cut line, the
//! rest below it, the kill candidates, what would fund each unfunded session, the frontier
//! and today's plan. JSON is the report itself (`verdict portfolio --json`).
//!
//! Like the session exports, user text is escaped for the format and the output depends
//! only on its inputs.

use super::Format;
use super::escape::{csv_text, html, md_inline};
use crate::analysis::number::tenths as num;
use crate::portfolio::{Plan, Portfolio, PortfolioReport, SessionRow};
use std::fmt::Write;

/// `report` (made from `plan` of `portfolio`) in `format`.
pub fn render_portfolio(
    portfolio: &Portfolio,
    plan: &Plan,
    report: &PortfolioReport,
    format: Format,
) -> String {
    match format {
        // A portfolio has no memo of its own: the memo formats give its record.
        Format::Markdown | Format::Memo => markdown(portfolio, plan, report),
        Format::Html | Format::MemoHtml => html_page(portfolio, plan, report),
        Format::Csv => csv(report),
        Format::Json => serde_json::to_string_pretty(report).unwrap_or_default() + "\n",
    }
}

fn option_cell(row: &SessionRow) -> String {
    match (&row.option, row.reason.is_empty()) {
        (Some(o), _) => o.title.clone(),
        (None, true) => "—".to_owned(),
        (None, false) => format!("— ({})", row.reason),
    }
}

fn core_cell(row: &SessionRow) -> String {
    row.core_index
        .map_or_else(String::new, |c| format!("{:.0} %", 100.0 * c))
}

fn heading(report: &PortfolioReport) -> String {
    let mut line = format!(
        "Funded: {} {} with {} of {} person-weeks (everything would bring {})",
        num(report.value),
        report.value_unit,
        num(report.effort),
        num(report.capacity),
        num(report.frontier.last().map_or(0.0, |p| p.value)),
    );
    if !report.period.is_empty() {
        let _ = write!(line, " ({})", report.period);
    }
    line
}

fn today_line(report: &PortfolioReport) -> String {
    let t = &report.today;
    match t.gain_percent {
        Some(gain) => format!(
            "Today's plan (the sessions' own outcomes) takes {} person-weeks for {} {}; the \
             same people could bring {} ({} % more).",
            num(t.effort),
            num(t.value),
            report.value_unit,
            num(t.best_for_same_effort),
            num(gain)
        ),
        None => format!(
            "Today's plan takes {} person-weeks and brings no value yet; the same people \
             could bring {} {}.",
            num(t.effort),
            num(t.best_for_same_effort),
            report.value_unit
        ),
    }
}

fn markdown(portfolio: &Portfolio, plan: &Plan, report: &PortfolioReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Portfolio: {}\n", md_inline(&report.folder));
    if let Some(why) = &report.infeasible {
        let _ = writeln!(out, "**No plan fits:** {}\n", md_inline(why));
    } else {
        let _ = writeln!(out, "**{}.**\n", md_inline(&heading(report)));
    }
    let _ = writeln!(out, "{}\n", md_inline(&today_line(report)));
    let sentences = portfolio.sentences_with(plan, &|s| format!("*{}*", md_inline(s)), &|o| {
        format!("“{}”", md_inline(o))
    });
    if !sentences.is_empty() {
        let _ = writeln!(out, "## Where the portfolio disagrees\n");
        for s in &sentences {
            let _ = writeln!(out, "- The best plan {s}.");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Sessions\n");
    let _ = writeln!(
        out,
        "| directive | given by | status | funded option | effort | value | value / week | core index |"
    );
    let _ = writeln!(out, "|---|---|---|---|---:|---:|---:|---:|");
    for (i, row) in report.sessions.iter().enumerate() {
        if i == report.above_cut {
            let _ = writeln!(
                out,
                "| **— cut line: {} of {} person-weeks —** | | | | | | | |",
                num(report.effort),
                num(report.capacity)
            );
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            md_inline(&row.title),
            md_inline(&row.given_by),
            md_inline(&row.status),
            md_inline(&option_cell(row)),
            num(row.effort),
            num(row.value),
            row.value_per_week.map_or_else(String::new, num),
            core_cell(row)
        );
    }
    if report.above_cut == report.sessions.len() {
        let _ = writeln!(
            out,
            "| **— cut line: {} of {} person-weeks —** | | | | | | | |",
            num(report.effort),
            num(report.capacity)
        );
    }
    out.push('\n');
    let advice: Vec<&SessionRow> = report
        .sessions
        .iter()
        .filter(|r| r.to_fund_it.is_some())
        .collect();
    if !advice.is_empty() {
        let _ = writeln!(out, "## What to drop to fund the rest\n");
        for row in advice {
            if let Some(d) = &row.to_fund_it {
                let _ = write!(
                    out,
                    "- *{}* with “{}” costs {} {} overall",
                    md_inline(&row.title),
                    md_inline(&d.option.title),
                    num(d.loss),
                    md_inline(&report.value_unit)
                );
                if d.changes.is_empty() {
                    out.push_str(".\n");
                } else {
                    let _ = writeln!(out, ": {}.", md_inline(&d.changes.join("; ")));
                }
            }
        }
        out.push('\n');
    }
    frontier_md(&mut out, report);
    problems_md(&mut out, report);
    out
}

fn frontier_md(out: &mut String, report: &PortfolioReport) {
    let _ = writeln!(out, "## Frontier\n");
    let _ = writeln!(out, "| person-weeks | best value |");
    let _ = writeln!(out, "|---:|---:|");
    for p in &report.frontier {
        let _ = writeln!(out, "| {} | {} |", num(p.effort), num(p.value));
    }
    out.push('\n');
}

fn problems_md(out: &mut String, report: &PortfolioReport) {
    if report.problems.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Files left out\n");
    for p in &report.problems {
        for line in &p.lines {
            let _ = writeln!(out, "- `{}`", line.replace('`', "'"));
        }
    }
    out.push('\n');
}

fn html_page(portfolio: &Portfolio, plan: &Plan, report: &PortfolioReport) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <title>Portfolio — {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
        super::html_style::CSP,
        html(&report.folder),
        super::html_style::CSS
    );
    let _ = writeln!(out, "<h1>Portfolio: {}</h1>", html(&report.folder));
    match &report.infeasible {
        Some(why) => {
            let _ = writeln!(out, "<p><strong>No plan fits:</strong> {}</p>", html(why));
        }
        None => {
            let _ = writeln!(out, "<p><strong>{}.</strong></p>", html(&heading(report)));
        }
    }
    let _ = writeln!(out, "<p>{}</p>", html(&today_line(report)));
    let sentences = portfolio.sentences_with(plan, &|s| format!("<em>{}</em>", html(s)), &|o| {
        format!("“{}”", html(o))
    });
    if !sentences.is_empty() {
        let _ = writeln!(out, "<h2>Where the portfolio disagrees</h2>\n<ul>");
        for s in &sentences {
            let _ = writeln!(out, "<li>The best plan {s}.</li>");
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(
        out,
        "<h2>Sessions</h2>\n<table>\n<thead><tr><th>directive</th><th>given by</th>\
         <th>status</th><th>funded option</th><th>effort</th><th>value</th>\
         <th>value / week</th><th>core index</th></tr></thead>\n<tbody>"
    );
    let cut = format!(
        "<tr class=\"cut\"><td colspan=\"8\"><strong>cut line: {} of {} person-weeks</strong></td></tr>",
        num(report.effort),
        num(report.capacity)
    );
    for (i, row) in report.sessions.iter().enumerate() {
        if i == report.above_cut {
            let _ = writeln!(out, "{cut}");
        }
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html(&row.title),
            html(&row.given_by),
            html(&row.status),
            html(&option_cell(row)),
            num(row.effort),
            num(row.value),
            row.value_per_week.map_or_else(String::new, num),
            core_cell(row)
        );
    }
    if report.above_cut == report.sessions.len() {
        let _ = writeln!(out, "{cut}");
    }
    let _ = writeln!(out, "</tbody>\n</table>");
    let _ = writeln!(
        out,
        "<h2>Frontier</h2>\n<table>\n<thead><tr><th>person-weeks</th><th>best value</th></tr></thead>\n<tbody>"
    );
    for p in &report.frontier {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            num(p.effort),
            num(p.value)
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>");
    if !report.problems.is_empty() {
        let _ = writeln!(out, "<h2>Files left out</h2>\n<ul>");
        for line in report.problems.iter().flat_map(|p| &p.lines) {
            let _ = writeln!(out, "<li><code>{}</code></li>", html(line));
        }
        let _ = writeln!(out, "</ul>");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn csv(report: &PortfolioReport) -> String {
    let mut rows: Vec<Vec<String>> = vec![
        [
            "path",
            "directive",
            "given_by",
            "status",
            "standing",
            "funded",
            "option",
            "effort",
            "value",
            "value_per_week",
            "change",
            "core_index",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for row in &report.sessions {
        rows.push(vec![
            csv_text(&row.path),
            csv_text(&row.title),
            csv_text(&row.given_by),
            csv_text(&row.status),
            format!("{:?}", row.standing),
            row.funded.to_string(),
            row.option
                .as_ref()
                .map_or_else(String::new, |o| csv_text(o.id.as_str())),
            row.effort.to_string(),
            format!("{:.3}", row.value),
            row.value_per_week
                .map_or_else(String::new, |v| format!("{v:.3}")),
            row.change.map_or_else(String::new, |c| format!("{c:?}")),
            row.core_index
                .map_or_else(String::new, |c| format!("{c:.4}")),
        ]);
    }
    let mut out = Vec::new();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        for row in &rows {
            let _ = writer.write_record(row);
        }
        let _ = writer.flush();
    }
    String::from_utf8(out).unwrap_or_default()
}
