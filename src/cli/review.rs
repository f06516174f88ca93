//! `verdict review`: list the sessions whose review date has passed or whose next steps are
//! overdue, with what was expected when deciding; or, with `--happened`, record a review of
//! one session in its log, keeping decision quality apart from outcome quality.

use crate::model::{Outcome, Rating, Session, expectation};
use crate::store::{self, DocumentLock, DueSession, LoadError};
use chrono::NaiveDate;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `verdict review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Folders to search (with their sub-folders) or session files. To record a review,
    /// exactly one session file.
    #[arg(value_name = "DIR|FILE", required = true)]
    pub paths: Vec<PathBuf>,
    /// Record a review of FILE: what happened, against the expected result.
    #[arg(long, value_name = "TEXT", requires_all = ["decision", "outcome"])]
    pub happened: Option<String>,
    /// With --happened: was it a good call with what we knew then? good, mixed or poor.
    #[arg(long, value_name = "RATING", value_parser = parse_rating, requires = "happened")]
    pub decision: Option<Rating>,
    /// With --happened: did it turn out well? good, mixed or poor.
    #[arg(long, value_name = "RATING", value_parser = parse_rating, requires = "happened")]
    pub outcome: Option<Rating>,
    /// With --happened: when to look again (default: no further review date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "happened")]
    pub next_review: Option<NaiveDate>,
    /// With --happened: mark the overdue next steps done.
    #[arg(long, requires = "happened")]
    pub steps_done: bool,
    /// The day to list for (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, conflicts_with = "happened")]
    pub date: Option<NaiveDate>,
}

fn parse_rating(text: &str) -> Result<Rating, String> {
    Rating::ALL
        .into_iter()
        .find(|r| r.label().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| format!("`{text}` is not a rating: use good, mixed or poor"))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|e| format!("`{text}` is not a date like 2026-03-31: {e}"))
}

/// Runs `verdict review`.
///
/// # Errors
/// A usage mistake when recording a review of anything but one file; otherwise when the
/// session cannot be read, is open in the window, or cannot be saved.
pub fn run(args: &ReviewArgs, context: &super::Context) -> anyhow::Result<ExitCode> {
    match &args.happened {
        Some(happened) => record(args, happened, context),
        None => list(args, args.date.unwrap_or(context.today)),
    }
}

fn list(args: &ReviewArgs, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let found = store::sessions_due(&args.paths, today);
    // A folder may hold other RON files (the app's own settings, say): they are named once,
    // not reported as broken sessions. A file named on the command line is always checked.
    let (skipped, problems): (Vec<&LoadError>, Vec<&LoadError>) = found
        .problems
        .iter()
        .partition(|p| !named_on_command_line(args, p) && not_a_session(p));
    for problem in &problems {
        eprintln!("{problem}");
    }
    super::io::emit(&to_text(&found.due, today))?;
    if !skipped.is_empty() {
        let files: Vec<&str> = skipped.iter().map(|p| p.file()).collect();
        eprintln!("not sessions, skipped: {}", files.join(", "));
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn named_on_command_line(args: &ReviewArgs, problem: &LoadError) -> bool {
    args.paths
        .iter()
        .any(|p| p.display().to_string() == problem.file())
}

/// True when `problem` is a file that does not even start like a session: its outermost
/// value is a map, a list, a string or a number rather than a session's `( … )`. A session
/// with a mistake inside still starts with `(` and stays a problem to report.
fn not_a_session(problem: &LoadError) -> bool {
    let LoadError::Syntax { file, .. } = problem else {
        return false;
    };
    let Ok(text) = store::read_text(Path::new(file)) else {
        return false;
    };
    first_value_char(&text).is_some_and(|c| !(c == '(' || c.is_alphabetic() || c == '_'))
}

/// The first character of RON `text` that is not space, a comment or an attribute such as
/// `#![enable(implicit_some)]`.
fn first_value_char(text: &str) -> Option<char> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("#!") {
            rest = after.split_once(']').map_or("", |(_, next)| next);
        } else {
            return rest.chars().next();
        }
    }
}

/// The due list as text: per session, why it is due, what was decided and expected.
pub fn to_text(due: &[DueSession], today: NaiveDate) -> String {
    let mut out = String::new();
    if due.is_empty() {
        let _ = writeln!(out, "Nothing is due for review on {today}.");
        return out;
    }
    let _ = writeln!(out, "Due for review on {today}:");
    for item in due {
        let s = &item.session;
        let _ = writeln!(out, "\n{}: {}", item.path.display(), title(s));
        if let Some(date) = item.due.review_date {
            let _ = writeln!(out, "  review date {date} has passed");
        }
        for &idx in &item.due.overdue_steps {
            let step = &s.next_steps[idx];
            let mut who = String::new();
            if !step.owner.trim().is_empty() {
                who = format!(", {}", step.owner.trim());
            }
            if let Some(due) = step.due {
                let _ = writeln!(out, "  overdue since {due}: {}{who}", step.text.trim());
            }
        }
        let _ = writeln!(out, "  decided: {}", decided(s));
        let expected = expectation(s);
        let _ = writeln!(
            out,
            "  expected: {}",
            if expected.is_empty() {
                "nothing written down"
            } else {
                &expected
            }
        );
    }
    let _ = writeln!(
        out,
        "\nRecord what happened with: verdict review FILE --happened TEXT --decision RATING \
         --outcome RATING"
    );
    out
}

fn title(s: &Session) -> String {
    let t = if s.title.trim().is_empty() {
        &s.directive.ask
    } else {
        &s.title
    };
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decided(s: &Session) -> String {
    let on = s
        .decided_on()
        .map(|d| format!(" on {d}"))
        .unwrap_or_default();
    match &s.outcome {
        Outcome::Chosen { option, .. } => {
            let name = s
                .option(option)
                .map_or_else(|| option.to_string(), |o| o.title.clone());
            format!("chose “{name}”{on}")
        }
        Outcome::Killed { .. } => format!("killed the project{on}"),
        Outcome::Deferred { until, .. } => format!("deferred until {until}{on}"),
        Outcome::Reframe { .. } => format!("sent back to be reframed{on}"),
        Outcome::Undecided => "nothing yet".to_owned(),
    }
}

fn record(args: &ReviewArgs, happened: &str, context: &super::Context) -> anyhow::Result<ExitCode> {
    let [path] = args.paths.as_slice() else {
        return Err(super::UsageError(
            "to record a review, give exactly one session file".to_owned(),
        )
        .into());
    };
    if happened.trim().is_empty() {
        return Err(
            super::UsageError("--happened needs a few words on what happened".into()).into(),
        );
    }
    // Read once before locking, so a folder or a broken file is refused before a lock file
    // is made next to it; then again under the lock, which is held until the file is saved
    // so the window cannot be editing it at the same time.
    super::io::load(path)?;
    let _lock = DocumentLock::acquire(path)?;
    let (read, loaded) = super::io::load_with_bytes(path)?;
    let mut session = loaded.session;
    let (Some(decision), Some(outcome)) = (args.decision, args.outcome) else {
        unreachable!("clap requires --decision and --outcome with --happened")
    };
    session.record_review(happened.trim().to_owned(), decision, outcome, context.now);
    if args.steps_done {
        for step in &mut session.next_steps {
            if step.is_overdue(context.today) {
                step.done = true;
            }
        }
    }
    if args.next_review.is_some() {
        session.review_date = args.next_review;
    }
    // Saved only over the bytes read under the lock: a change made meanwhile is refused.
    super::io::save_with_backup_over(path, &session, &read)?;
    let mut out = format!(
        "{}: review recorded (decision {}, outcome {})",
        path.display(),
        decision.label(),
        outcome.label()
    );
    if let Some(next) = args.next_review {
        let _ = write!(out, "; next review {next}");
    }
    out.push('\n');
    super::io::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::first_value_char;

    #[test]
    fn the_first_value_skips_space_comments_and_attributes() {
        assert_eq!(first_value_char("  (format: 1)"), Some('('));
        assert_eq!(
            first_value_char("// settings\n/* kept */\n#![enable(implicit_some)]\n{\"a\": 1}"),
            Some('{')
        );
        assert_eq!(first_value_char("Session(format: 1)"), Some('S'));
        assert_eq!(first_value_char("// only a comment"), None);
    }
}
