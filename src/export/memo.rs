//! The narrative memo: the same session told as prose for a meeting that opens with silent
//! reading. The bottom line and a one-sentence summary head it, then one line saying which
//! sections were written by hand and which were drawn from the data; then the sections of
//! [`MemoSection::ALL`], each either the user's own prose or generated from the data (Tenets
//! only when written: generated, they would repeat the constraints); an appendix with the
//! matrix closes it.
//!
//! This module decides what the memo says, as [`Block`]s; `memo_markdown` and `memo_html`
//! only write it down.

use super::argument::{Argument, Labelled, vetoed_words};
use super::memo_sentence::one_sentence;
use super::precision;
use super::summary::{Summary, clause, number, score_number, sentence, value_in_unit};
use crate::analysis::raters::rater_summary;
use crate::analysis::robustness::RobustnessReport;
use crate::model::{Lens, MemoSection, Outcome, Session, Stance};
use chrono::NaiveDate;

/// Words per printed page the length meter counts with: a page of 11-point type with
/// headings and lists, as a six-page memo is usually printed.
pub const WORDS_PER_PAGE: usize = 500;
/// The page budget of a narrative memo, appendix excluded.
pub const PAGE_BUDGET: usize = 6;

/// One piece of the memo's body; every string may hold user text.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Block {
    /// A paragraph; line breaks in it are kept.
    Para(String),
    /// A paragraph that starts with a bold label of ours.
    Labelled(&'static str, String),
    /// A bullet list.
    Bullets(Vec<String>),
    /// A sub-heading.
    Sub(String),
    /// A question and its answer.
    Qa(String, String),
}

/// One section: its heading, and whether it was written by hand or generated.
pub(super) struct Part {
    /// The section.
    pub section: MemoSection,
    /// True when generated from the data (no prose was written for it).
    pub generated: bool,
    /// The content.
    pub blocks: Vec<Block>,
}

/// The whole memo, ready to be written down.
pub(super) struct Memo<'a> {
    /// The computed results.
    pub summary: Summary<'a>,
    /// The argument shared with the record.
    pub argument: Argument,
    /// Who asked about what, what we decided and why, in one sentence.
    pub one_sentence: String,
    /// Which sections were written by hand and which were drawn from the data.
    pub provenance: String,
    /// The sections in reading order.
    pub parts: Vec<Part>,
}

impl<'a> Memo<'a> {
    /// The memo of the session in `summary`.
    pub(super) fn from_summary(summary: Summary<'a>) -> Self {
        let session = summary.session;
        let argument = Argument::new(&summary);
        let parts: Vec<Part> = MemoSection::ALL
            .into_iter()
            .filter(|&section| {
                section != MemoSection::Tenets || !session.memo.get(section).trim().is_empty()
            })
            .map(|section| {
                let prose = session.memo.get(section);
                if prose.trim().is_empty() {
                    Part {
                        section,
                        generated: true,
                        blocks: generate(section, &summary, &argument),
                    }
                } else {
                    Part {
                        section,
                        generated: false,
                        blocks: prose
                            .split("\n\n")
                            .map(str::trim)
                            .filter(|p| !p.is_empty())
                            .map(|p| Block::Para(p.to_owned()))
                            .collect(),
                    }
                }
            })
            .collect();
        Self {
            one_sentence: one_sentence(&summary, &argument),
            provenance: provenance(&parts),
            summary,
            argument,
            parts,
        }
    }

    /// The bottom line, shared with the record.
    pub(super) fn bottom_line(&self) -> &[Labelled; 3] {
        &self.argument.bottom_line
    }
}

/// How long the memo is against its budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MemoLength {
    /// Words in the one-sentence summary, the bottom line and the sections (not the
    /// appendix).
    pub words: usize,
    /// `words` in pages of [`WORDS_PER_PAGE`].
    pub pages: f64,
    /// [`PAGE_BUDGET`].
    pub budget: usize,
}

impl MemoLength {
    /// True when the memo is longer than its budget.
    pub fn over_budget(&self) -> bool {
        self.pages > self.budget as f64
    }
}

/// The memo's length in words and pages, appendix excluded, given the session's
/// [`super::robustness_report`]: without the 10,000 draws it is cheap enough to count again
/// on every keystroke.
pub fn memo_length(session: &Session, report: &RobustnessReport) -> MemoLength {
    let scored = super::summary::scored(session);
    let summary = Summary::with_report(&scored, NaiveDate::MIN, report.clone());
    let memo = Memo::from_summary(summary);
    let mut words = count(&memo.one_sentence) + count(&memo.provenance);
    for line in memo.bottom_line() {
        words += count(line.label) + count(&line.text);
    }
    for part in &memo.parts {
        words += count(part.section.heading());
        for block in &part.blocks {
            words += match block {
                Block::Para(t) | Block::Sub(t) => count(t),
                Block::Labelled(l, t) => count(l) + count(t),
                Block::Bullets(items) => items.iter().map(|i| count(i)).sum(),
                Block::Qa(q, a) => count(q) + count(a),
            };
        }
    }
    MemoLength {
        words,
        pages: words as f64 / WORDS_PER_PAGE as f64,
        budget: PAGE_BUDGET,
    }
}

fn count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// `text` with its first letter in upper case, to start a sentence.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// One line for the top of the memo: which sections a person wrote and which the session's
/// data filled in, so no section needs its own note.
fn provenance(parts: &[Part]) -> String {
    let names = |generated: bool| -> Vec<String> {
        parts
            .iter()
            .filter(|p| p.generated == generated)
            .map(|p| p.section.heading().to_owned())
            .collect()
    };
    let (written, drawn) = (names(false), names(true));
    match (written.is_empty(), drawn.is_empty()) {
        (true, _) => "Every section below is drawn from the session's data; none was written \
                      by hand."
            .to_owned(),
        (false, true) => "Every section below was written by hand.".to_owned(),
        (false, false) => format!(
            "Written by hand: {}. Drawn from the session's data: {}.",
            written.join(", "),
            drawn.join(", ")
        ),
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn generate(section: MemoSection, s: &Summary, a: &Argument) -> Vec<Block> {
    match section {
        MemoSection::Introduction => introduction(s),
        MemoSection::Problem => problem(s),
        // Never generated: drawn from the data they would only repeat the constraints.
        MemoSection::Tenets => Vec::new(),
        MemoSection::Options => options(s),
        MemoSection::Recommendation => recommendation(a),
        MemoSection::Confidence => confidence(s, a),
        MemoSection::Risks => risks(a),
        MemoSection::Asks => asks(s, a),
        MemoSection::Faq => faq(s),
    }
}

fn introduction(s: &Summary) -> Vec<Block> {
    let d = &s.session.directive;
    let mut blocks = Vec::new();
    let mut who = String::from("We were asked");
    match clause(&d.given_by) {
        given if given.is_empty() => {}
        // "Kofi Mensah, Head of Data, asked": close the apposition the name opened.
        given if given.contains(',') => who = format!("{given}, asked"),
        given => who = format!("{given} asked"),
    }
    if let Some(received) = d.received {
        who.push_str(&format!(" on {received}"));
    }
    if d.ask.trim().is_empty() {
        blocks.push(Block::Para(format!(
            "{who} for a decision; the ask was not written down."
        )));
    } else {
        blocks.push(Block::Para(format!("{who}: “{}”", d.ask.trim())));
    }
    if !d.business_goal.trim().is_empty() {
        blocks.push(Block::Labelled(
            "The business goal behind it",
            sentence(d.business_goal.trim()),
        ));
    }
    if let Some(deadline) = d.deadline {
        blocks.push(Block::Para(format!("An answer is due by {deadline}.")));
    }
    blocks.extend(affected(s.session));
    blocks
}

/// Who is affected and where each stands, briefly: one line per stakeholder with their
/// stance (and whether they decide, were consulted or are kept informed), then the people
/// named only as consulted or informed.
fn affected(session: &Session) -> Vec<Block> {
    let people = &session.people;
    let named = |list: &[String], name: &str| list.iter().any(|p| p.trim() == name.trim());
    let stakeholders: Vec<String> = session
        .framing
        .stakeholders
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| {
            let who = match p.role.trim() {
                "" => p.name.trim().to_owned(),
                role => format!("{} ({role})", p.name.trim()),
            };
            let part = if named(&people.deciders, &p.name) {
                ", and is one of the deciders"
            } else if named(&people.consulted, &p.name) {
                ", and was consulted"
            } else if named(&people.informed, &p.name) {
                ", and is kept informed"
            } else {
                ""
            };
            format!("{who} {}{part}.", stance_words(p.stance))
        })
        .collect();
    let mut blocks = vec![Block::Sub("Who is affected".into())];
    if stakeholders.is_empty() {
        blocks.push(Block::Para(
            "Nobody affected is written down yet, nor where they stand.".into(),
        ));
    } else {
        blocks.push(Block::Bullets(stakeholders));
    }
    let listed = |list: &[String]| -> Vec<String> {
        list.iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .filter(|p| {
                !session
                    .framing
                    .stakeholders
                    .iter()
                    .any(|s| s.name.trim() == *p)
            })
            .map(str::to_owned)
            .collect()
    };
    let mut also = Vec::new();
    for (label, list) in [
        ("Also consulted", &people.consulted),
        ("kept informed", &people.informed),
    ] {
        let names = listed(list);
        if !names.is_empty() {
            also.push(format!("{label}: {}", join_and(&names)));
        }
    }
    if !also.is_empty() {
        let mut line = also.join("; ");
        if let Some(first) = line.get(..1) {
            line = first.to_uppercase() + &line[1..];
        }
        blocks.push(Block::Para(format!("{line}.")));
    }
    blocks
}

/// Where a stakeholder stands, as a verb phrase: "is sceptical".
fn stance_words(stance: Stance) -> &'static str {
    match stance {
        Stance::Champion => "champions it",
        Stance::Supporter => "supports it",
        Stance::Neutral => "has no view yet",
        Stance::Sceptic => "is sceptical",
        Stance::Blocker => "would stop it if they could",
    }
}

fn problem(s: &Summary) -> Vec<Block> {
    let f = &s.session.framing;
    let mut blocks = Vec::new();
    let listed = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .filter(|i| !i.trim().is_empty())
            .map(|i| sentence(i.trim()))
            .collect()
    };
    let statements = listed(&f.problem_statements);
    if statements.is_empty() {
        blocks.push(Block::Para(
            "No problem statement has been written yet.".into(),
        ));
    } else {
        blocks.push(Block::Para(statements.join(" ")));
    }
    for (heading, items, empty) in [
        (
            "How we will know it worked",
            &f.success_metrics,
            "No success metric yet.",
        ),
        ("Constraints", &f.constraints, "None."),
        ("Non-goals", &f.non_goals, "None."),
    ] {
        blocks.push(Block::Sub(heading.into()));
        let items = listed(items);
        if items.is_empty() {
            blocks.push(Block::Para(empty.into()));
        } else {
            blocks.push(Block::Bullets(items));
        }
    }
    blocks.push(Block::Sub("Is this the right problem?".into()));
    let right = f
        .questions
        .iter()
        .find(|q| q.question.to_lowercase().contains("right problem"));
    blocks.push(Block::Para(match right {
        Some(q) if !q.answer.trim().is_empty() => sentence(q.answer.trim()),
        Some(_) => "We asked, and have no answer yet.".into(),
        None => {
            "Nobody has asked yet whether this is the right problem for the business goal.".into()
        }
    }));
    blocks
}

fn options(s: &Summary) -> Vec<Block> {
    let session = s.session;
    let decimals = precision::total_decimals(&s.ranking);
    let mut lenses: Vec<Lens> = Lens::BUILT_IN.to_vec();
    for o in &session.options {
        if !lenses.contains(&o.lens) {
            lenses.push(o.lens.clone());
        }
    }
    let mut blocks = vec![Block::Para(format!(
        "We looked at the ask through every lens: {} options in all.",
        session.options.len()
    ))];
    for lens in lenses {
        blocks.push(Block::Sub(lens.label().to_owned()));
        let mut any = false;
        for (idx, o) in session
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.lens == lens)
        {
            any = true;
            let mut text = format!("“{}”.", clause(&o.title));
            if !o.description.trim().is_empty() {
                text.push(' ');
                text.push_str(&sentence(o.description.trim()));
            }
            if let Some(e) = &o.effort {
                text.push_str(&format!(" About {} person-weeks", number(e.likely)));
                if e.low.is_some() || e.high.is_some() {
                    text.push_str(&format!(
                        " ({} to {})",
                        number(e.low_or_likely()),
                        number(e.high_or_likely())
                    ));
                }
                text.push('.');
            }
            if let Some(weeks) = o.first_result_weeks {
                text.push_str(&format!(
                    " A first result after {}.",
                    super::summary::weeks(weeks)
                ));
            }
            for e in o.expected_results.iter().filter(|e| !e.is_blank()) {
                let reach = match e.reaches {
                    Some(true) => ", which reaches the target",
                    Some(false) => ", which does not reach the target",
                    None => "",
                };
                text.push_str(&format!(
                    " Expected against “{}”: {}{reach}.",
                    clause(&e.metric),
                    clause(&e.result)
                ));
            }
            match s.ranking.row_for(idx) {
                Some(row) if row.is_vetoed() => {
                    text.push_str(&format!(" {}.", upper_first(&vetoed_words(s, row))));
                }
                Some(row) => {
                    if let (Some(rank), Some(total)) = (row.rank, row.total) {
                        text.push_str(&format!(
                            " It ranks {rank} with {} of 100.",
                            precision::total(total, decimals)
                        ));
                    } else {
                        text.push_str(" Not fully scored.");
                    }
                }
                None => {}
            }
            blocks.push(Block::Para(text));
        }
        if !any {
            blocks.push(Block::Para(
                "Nobody put an option through this lens.".into(),
            ));
        }
    }
    blocks
}

fn recommendation(a: &Argument) -> Vec<Block> {
    let mut blocks = vec![Block::Labelled(
        a.bottom_line[0].label,
        a.bottom_line[0].text.clone(),
    )];
    if !a.rationale.is_empty() {
        blocks.push(Block::Labelled(
            "In the deciders' words",
            a.rationale.clone(),
        ));
    }
    if a.reasons.is_empty() {
        blocks.push(Block::Para(
            "No rival is scored on the same criteria, so nothing separates the options yet.".into(),
        ));
    } else {
        blocks.push(Block::Para(
            "What separates it from the closest rival:".into(),
        ));
        blocks.push(Block::Bullets(
            a.reasons
                .iter()
                .map(|r| format!("{}: {}", r.criterion, r.text))
                .collect(),
        ));
    }
    if !a.gives_up.is_empty() {
        blocks.push(Block::Para(a.gives_up.clone()));
    }
    blocks.push(Block::Labelled(
        a.bottom_line[1].label,
        a.bottom_line[1].text.clone(),
    ));
    blocks
}

fn confidence(s: &Summary, a: &Argument) -> Vec<Block> {
    let mut blocks = vec![Block::Labelled("How robust", a.robustness.clone())];
    let assumptions: Vec<String> = s
        .session
        .framing
        .assumptions
        .iter()
        .filter(|x| !x.text.trim().is_empty())
        .map(|x| format!("{} ({} % confident)", clause(&x.text), number(x.confidence)))
        .collect();
    blocks.push(Block::Sub("What we assume".into()));
    if assumptions.is_empty() {
        blocks.push(Block::Para("No assumption is written down.".into()));
    } else {
        blocks.push(Block::Bullets(assumptions));
    }
    blocks.push(Block::Sub("What would change our mind".into()));
    let mut change: Vec<String> = Vec::new();
    if !a.wrong_if.is_empty() {
        change.push(sentence(&a.wrong_if));
    }
    change.extend(
        a.kill_criteria
            .iter()
            .filter(|(tripped, _)| !tripped)
            .map(|(_, c)| format!("If this comes true, we stop: {}", sentence(c.trim()))),
    );
    if change.is_empty() {
        blocks.push(Block::Para("Nothing is written down yet.".into()));
    } else {
        blocks.push(Block::Bullets(change));
    }
    blocks
}

fn risks(a: &Argument) -> Vec<Block> {
    let mut blocks = Vec::new();
    let kills: Vec<String> = a
        .kill_criteria
        .iter()
        .map(|(tripped, c)| {
            format!(
                "{}: {}",
                if *tripped { "Tripped" } else { "Not tripped" },
                sentence(c.trim())
            )
        })
        .collect();
    blocks.push(Block::Sub("Kill criteria".into()));
    if kills.is_empty() {
        blocks.push(Block::Para("None written down.".into()));
    } else {
        blocks.push(Block::Bullets(kills));
    }
    blocks.push(Block::Sub("Weakest assumptions".into()));
    if a.weak_assumptions.is_empty() {
        blocks.push(Block::Para("None written down.".into()));
    } else {
        blocks.push(Block::Bullets(a.weak_assumptions.clone()));
    }
    blocks.push(Block::Sub("Open questions".into()));
    if a.open_questions.is_empty() {
        blocks.push(Block::Para(
            "None: every challenge question has an answer.".into(),
        ));
    } else {
        blocks.push(Block::Bullets(a.open_questions.clone()));
    }
    blocks
}

fn asks(s: &Summary, a: &Argument) -> Vec<Block> {
    let session = s.session;
    let mut blocks = Vec::new();
    if matches!(
        session.outcome,
        Outcome::Undecided | Outcome::Deferred { .. }
    ) {
        let deciders = &session.people.deciders;
        let who = if deciders.is_empty() {
            "the reader".to_owned()
        } else {
            deciders.join(", ")
        };
        blocks.push(Block::Labelled(
            "A decision",
            format!(
                "we ask {who} to decide: {}",
                lower_first(&a.bottom_line[0].text)
            ),
        ));
    }
    if let Some(w) = a.winner
        && let Some(e) = &session.options[w].effort
    {
        blocks.push(Block::Labelled(
            "People",
            format!(
                "about {} person-weeks for “{}”{}.",
                number(e.likely),
                clause(&session.options[w].title),
                match session.options[w].owner.trim() {
                    "" => String::new(),
                    owner => format!(", owned by {owner}"),
                }
            ),
        ));
    }
    let steps = a.next_steps.clone();
    blocks.push(Block::Sub("Next steps".into()));
    if steps.is_empty() {
        blocks.push(Block::Para("None written down yet.".into()));
    } else {
        blocks.push(Block::Bullets(steps));
    }
    blocks.push(Block::Para(match session.review_date {
        Some(date) => {
            format!("We will look at this again on {date} and re-check the kill criteria then.")
        }
        None => "No review date is set yet.".to_owned(),
    }));
    blocks
}

fn faq(s: &Summary) -> Vec<Block> {
    let session = s.session;
    let mut blocks: Vec<Block> = session
        .framing
        .questions
        .iter()
        .filter(|q| !q.question.trim().is_empty())
        .map(|q| {
            let answer = if q.answer.trim().is_empty() {
                "We have no answer yet.".to_owned()
            } else {
                q.answer.trim().to_owned()
            };
            Block::Qa(q.question.trim().to_owned(), answer)
        })
        .collect();
    if let Some(raters) = rater_summary(session) {
        for cell in raters.discuss_first {
            let option = s.option_title(cell.option.as_str());
            let criterion = s.criterion_name(cell.criterion.as_str());
            let value = |v: f64| {
                session
                    .criterion(&cell.criterion)
                    .map_or_else(|| score_number(v), |c| value_in_unit(c, v))
            };
            let spread: Vec<String> = cell
                .ratings
                .iter()
                .map(|(rater, score)| {
                    format!("{} gave {}", session.rater_name(rater), value(*score))
                })
                .collect();
            let why = session
                .option(&cell.option)
                .and_then(|o| o.score(&cell.criterion))
                .map(|sc| {
                    sc.rationale
                        .lines()
                        .map(clause)
                        .filter(|line| !line.is_empty())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .filter(|r| !r.is_empty())
                .map(|r| format!(" Their reasons: {r}."))
                .unwrap_or_default();
            blocks.push(Block::Qa(
                format!("Why did the raters disagree on {criterion} for “{option}”?"),
                format!(
                    "{}; the ranking uses the {} ({}).{why}",
                    spread.join(", "),
                    session.aggregation.label(),
                    value(cell.aggregate)
                ),
            ));
        }
    }
    if blocks.is_empty() {
        blocks.push(Block::Para("No challenge questions were asked.".into()));
    }
    blocks
}
