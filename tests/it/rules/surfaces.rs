//! Every surface's reading of the ranks, parsed back from what it writes.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use verdict::analysis::robustness::quick;
use verdict::analysis::{Recommendation, rank, recommend};
use verdict::export::{Format, render};
use verdict::model::Session;

/// A rank as a surface shows it; `None` when it shows none.
pub type Standing = Option<usize>;

/// Option id by title (titles and ids differ in generated and shipped sessions).
fn ids_by_title(s: &Session) -> BTreeMap<String, String> {
    s.options
        .iter()
        .map(|o| (o.title.clone(), o.id.to_string()))
        .collect()
}

/// A title as `verdict analyze` fits it into its 40-column cell.
fn fitted(title: &str) -> String {
    if title.chars().count() <= 40 {
        title.to_owned()
    } else {
        title.chars().take(39).collect::<String>() + "…"
    }
}

fn number(cell: &str) -> Standing {
    cell.trim().parse().ok()
}

/// The ranks every surface shows, the window's ranking (the one `analysis::rank` gives the
/// app) first; a surface that leaves an option out says nothing about it.
pub fn ranks_everywhere(s: &Session) -> Vec<(&'static str, BTreeMap<String, Standing>)> {
    let ids = ids_by_title(s);
    let today = NaiveDate::from_ymd_opt(2026, 3, 17).expect("a date");
    let mut out = Vec::new();
    out.push((
        "the window's ranking",
        rank(s)
            .rows
            .iter()
            .map(|r| (r.id.to_string(), r.rank))
            .collect(),
    ));

    let report = verdict::cli::rank::report(s);
    out.push((
        "verdict rank --json",
        report
            .ranking
            .iter()
            .map(|r| (r.id.clone(), r.rank))
            .collect(),
    ));
    let text = verdict::cli::rank::to_text(&report);
    // Columns: rank (4), two spaces, total (5), two spaces, the title padded to the width of
    // the longest, two spaces, the lens.
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let header: String = lines.get(2).map(|l| l.iter().collect()).unwrap_or_default();
    let lens_at =
        header.chars().count() - header.split("lens").nth(1).map_or(0, |r| r.chars().count()) - 4;
    out.push((
        "verdict rank",
        lines
            .iter()
            .skip(3)
            .take(s.options.len())
            .filter_map(|line| {
                let cell = |from: usize, to: usize| -> String {
                    line.get(from..to.min(line.len()))
                        .map(|c| c.iter().collect::<String>().trim().to_owned())
                        .unwrap_or_default()
                };
                let title = cell(13, lens_at - 2);
                Some((ids.get(&title)?.clone(), number(&cell(0, 4))))
            })
            .collect(),
    ));

    let analysis = quick(s);
    out.push((
        "verdict analyze --json",
        analysis
            .totals
            .iter()
            .map(|t| (t.option.to_string(), Some(t.rank)))
            .collect(),
    ));
    let text = verdict::cli::analyze::to_text(s, &analysis);
    let by_fitted: BTreeMap<String, String> = s
        .options
        .iter()
        .map(|o| (fitted(&o.title), o.id.to_string()))
        .collect();
    out.push((
        "verdict analyze",
        text.lines()
            .skip_while(|l| !l.starts_with("Weighted totals"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .filter_map(|l| {
                // "  rank. title padded to 40 total"
                let (rank, rest) = l.trim_start().split_once(". ")?;
                let title: String = rest.chars().take(40).collect();
                Some((by_fitted.get(title.trim_end())?.clone(), number(rank)))
            })
            .collect(),
    ));

    let mut advised = BTreeMap::new();
    if let Recommendation::Choose {
        option,
        rank,
        tied_with,
        ..
    } = recommend(s)
    {
        for id in std::iter::once(&option).chain(&tied_with) {
            advised.insert(id.to_string(), Some(rank));
        }
    }
    out.push(("the recommendation", advised));

    let json: serde_json::Value =
        serde_json::from_str(&render(s, Format::Json, today)).expect("JSON export parses");
    out.push((
        "the JSON export",
        json["results"]["ranking"]
            .as_array()
            .expect("a ranking")
            .iter()
            .map(|r| {
                (
                    r["option"].as_str().unwrap_or_default().to_owned(),
                    r["rank"].as_u64().map(|n| n as usize),
                )
            })
            .collect(),
    ));

    let csv = render(s, Format::Csv, today);
    out.push((
        "the CSV export",
        csv.lines()
            .skip(1)
            .filter_map(|line| {
                let cells: Vec<&str> = line.split(',').collect();
                Some((
                    cells.first()?.to_string(),
                    number(cells.get(cells.len().checked_sub(2)?)?),
                ))
            })
            .collect(),
    ));

    let md = render(s, Format::Markdown, today);
    out.push((
        "the Markdown export",
        md.lines()
            .filter_map(|line| {
                let rest = line.strip_prefix("- No. ")?;
                let (rank, rest) = rest.split_once(": ")?;
                let (title, _) = rest.rsplit_once(" with ")?;
                Some((ids.get(title)?.clone(), number(rank)))
            })
            .collect(),
    ));

    let html = render(s, Format::Html, today);
    out.push((
        "the HTML export",
        html.lines()
            .filter(|l| l.starts_with("<tr class="))
            .filter_map(|line| {
                let title = line
                    .split("<td class=\"option-title\" dir=\"auto\">")
                    .nth(1)?
                    .split("</td>")
                    .next()?;
                let before_flags = line.split("<td class=\"flags\">").next()?;
                let rank = before_flags
                    .rsplit("<td class=\"num\">")
                    .next()?
                    .trim_end_matches("</td>");
                Some((ids.get(title)?.clone(), number(rank)))
            })
            .collect(),
    ));
    out
}
