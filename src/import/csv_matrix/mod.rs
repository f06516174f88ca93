//! Reading a scoring matrix from CSV shaped like the CSV export: one row per option with
//! `id`, `title`, `lens`, one column per criterion and the derived `total`, `rank` and
//! `flags` (ignored). Pure: text in, a checked [`MatrixImport`] or every problem out.
//!
//! A row whose `id` names an option updates it; any other row adds an option. Criterion
//! columns are matched by the criterion's name (as the export writes it), its name with the
//! unit, or its id. An empty cell leaves that score as it is. Every bad row is reported with
//! its line and column, and nothing is imported unless every row is good.

use crate::model::{
    CriterionId, Lens, OptionId, Score, Session, SolutionOption, is_valid_slug, validate,
};
use std::collections::HashSet;
use std::fmt;

/// One problem in the CSV text, located by 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportIssue {
    /// Line of the text, from 1.
    pub line: usize,
    /// Column (in characters) where the field starts, from 1.
    pub column: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// One option's row, checked against the session it was read for.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    /// The line it came from.
    pub line: usize,
    /// The option to update, or `None` to add one.
    pub existing: Option<OptionId>,
    /// The id asked for a new option (a free, valid slug), or `None` to derive one.
    pub new_id: Option<OptionId>,
    /// The title; empty keeps an existing option's title.
    pub title: String,
    /// The lens; `None` keeps an existing option's lens (a new one gets a custom lens).
    pub lens: Option<Lens>,
    /// The likely scores to set.
    pub scores: Vec<(CriterionId, f64)>,
}

/// A matrix read from CSV, ready to apply as one edit.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixImport {
    /// The rows, in file order.
    pub rows: Vec<ImportRow>,
}

impl MatrixImport {
    /// "2 options added, 5 updated, 21 scores set".
    pub fn summary(&self) -> String {
        let added = self.rows.iter().filter(|r| r.existing.is_none()).count();
        let updated = self.rows.len() - added;
        let scores: usize = self.rows.iter().map(|r| r.scores.len()).sum();
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{} added, {} updated, {} set",
            plural(added, "option", "options"),
            updated,
            plural(scores, "score", "scores")
        )
    }
}

/// Why a checked import no longer applies: the session changed since it was read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

/// Applies `import` to `session` as one change: updates named options, adds the others,
/// and sets their likely scores, keeping each score's range and rationale. The result is
/// validated, so an import read for an older state of the session fails whole.
///
/// # Errors
/// When an option it updates is gone, an id it adds is taken, or a value no longer fits;
/// `session` is then unchanged.
pub fn apply_import(session: &mut Session, import: &MatrixImport) -> Result<(), ImportError> {
    let mut next = session.clone();
    for row in &import.rows {
        let at = |message: String| ImportError(format!("line {}: {message}", row.line));
        let id = match (&row.existing, &row.new_id) {
            (Some(id), _) => {
                if next.option(id).is_none() {
                    return Err(at(format!("there is no option with id `{id}` any more")));
                }
                id.clone()
            }
            (None, Some(id)) if next.option(id).is_some() => {
                return Err(at(format!("option id `{id}` is already taken")));
            }
            (None, requested) => {
                let id = requested
                    .clone()
                    .unwrap_or_else(|| next.new_option_id(&row.title));
                let lens = row.lens.clone().unwrap_or(Lens::Custom(String::new()));
                next.options
                    .push(SolutionOption::new(id.as_str(), &row.title, lens));
                id
            }
        };
        let Some(option) = next.options.iter_mut().find(|o| o.id == id) else {
            return Err(at(format!("there is no option with id `{id}`")));
        };
        if !row.title.is_empty() {
            option.title = row.title.clone();
        }
        if let Some(lens) = &row.lens {
            option.lens = lens.clone();
        }
        for (criterion, likely) in &row.scores {
            let score = match option.scores.get(criterion) {
                Some(current) => Score {
                    likely: *likely,
                    ..current.clone()
                },
                None => Score::point(*likely),
            };
            option.scores.insert(criterion.clone(), score);
        }
    }
    if let Some(issue) = validate(&next).first() {
        return Err(ImportError(format!("the import would leave {issue}")));
    }
    *session = next;
    Ok(())
}

/// What a header column holds.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    Id,
    Title,
    Lens,
    Criterion(CriterionId),
    Derived,
}

/// Reads `text` against `session`: every criterion column must name a criterion, every
/// number must fit its scale (and the range of a score already there), every row must name
/// an option or give a title.
///
/// # Errors
/// Every problem found, in file order; nothing is read when there is any.
pub fn parse_matrix_csv(text: &str, session: &Session) -> Result<MatrixImport, Vec<ImportIssue>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut issues = Vec::new();
    let mut records = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => records.push(record),
            Err(err) => {
                let (line, column) = err
                    .position()
                    .map_or((1, 1), |p| line_col(text, p.byte() as usize));
                issues.push(ImportIssue {
                    line,
                    column,
                    message: format!("unreadable CSV: {err}"),
                });
                return Err(issues);
            }
        }
    }
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![ImportIssue {
            line: 1,
            column: 1,
            message: "the file is empty: expected a header row like the CSV export's \
                      (id,title,lens,criteria…)"
                .into(),
        }]);
    };
    let at = |record: &csv::StringRecord, field: usize| {
        let start = record.position().map_or(0, |p| p.byte() as usize);
        line_col(text, field_start(text, start, field))
    };
    let columns = read_header(header, session, &mut issues, &at);
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut seen_options = HashSet::new();
    let mut out = Vec::new();
    for record in rows {
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let issue = |field: usize, message: String| {
            let (line, column) = at(record, field);
            ImportIssue {
                line,
                column,
                message,
            }
        };
        if record.len() != columns.len() {
            issues.push(issue(
                0,
                format!(
                    "this row has {} fields but the header has {}",
                    record.len(),
                    columns.len()
                ),
            ));
            continue;
        }
        let line = at(record, 0).0;
        let mut row = ImportRow {
            line,
            existing: None,
            new_id: None,
            title: String::new(),
            lens: None,
            scores: Vec::new(),
        };
        let mut bad = false;
        let mut id_field = None;
        // Which option the row names decides which range its scores must fit, so the id
        // is read before any score, wherever its column is.
        for (idx, (column, raw)) in columns.iter().zip(record.iter()).enumerate() {
            let value = unneutralise(raw.trim());
            match column {
                Column::Id if !value.is_empty() => {
                    id_field = Some(idx);
                    let id = OptionId::new(value);
                    if session.option(&id).is_some() {
                        row.existing = Some(id);
                    } else if !is_valid_slug(value) {
                        bad = true;
                        issues.push(issue(
                            idx,
                            format!(
                                "id `{value}` names no option and is not a valid new id \
                                 (lowercase letters, digits and single hyphens); leave it \
                                 empty to add the option with an id made from its title"
                            ),
                        ));
                    } else {
                        row.new_id = Some(id);
                    }
                }
                Column::Title => row.title = value.to_owned(),
                Column::Lens if !value.is_empty() => row.lens = Some(lens_from(value)),
                _ => {}
            }
        }
        for (idx, (column, raw)) in columns.iter().zip(record.iter()).enumerate() {
            let value = raw.trim();
            if let Column::Criterion(criterion) = column
                && !value.is_empty()
            {
                match score_value(session, criterion, value, row.existing.as_ref()) {
                    Ok(v) => row.scores.push((criterion.clone(), v)),
                    Err(message) => {
                        bad = true;
                        issues.push(issue(idx, message));
                    }
                }
            }
        }
        let key = row
            .existing
            .clone()
            .or_else(|| row.new_id.clone())
            .map(|id| id.to_string());
        if let Some(key) = &key
            && !seen_options.insert(key.clone())
        {
            issues.push(issue(
                id_field.unwrap_or(0),
                format!("option `{key}` already has a row above; keep one row per option"),
            ));
            continue;
        }
        if bad {
            continue;
        }
        if row.existing.is_none() && row.title.is_empty() {
            issues.push(issue(
                0,
                "a new option needs a title (or an id of an option in the session)".into(),
            ));
            continue;
        }
        out.push(row);
    }
    if issues.is_empty() {
        Ok(MatrixImport { rows: out })
    } else {
        issues.sort_by_key(|issue| (issue.line, issue.column));
        Err(issues)
    }
}

/// The header's columns, every unknown or repeated one reported.
fn read_header(
    header: &csv::StringRecord,
    session: &Session,
    issues: &mut Vec<ImportIssue>,
    at: &dyn Fn(&csv::StringRecord, usize) -> (usize, usize),
) -> Vec<Column> {
    let mut columns = Vec::new();
    let mut seen = HashSet::new();
    for (idx, raw) in header.iter().enumerate() {
        let name = unneutralise(raw.trim());
        let column = match name.to_lowercase().as_str() {
            "id" => Some(Column::Id),
            "title" => Some(Column::Title),
            "lens" => Some(Column::Lens),
            "total" | "rank" | "flags" => Some(Column::Derived),
            _ => {
                // An id names one criterion; a name may be shared, and then says too little.
                let by_id = session.criteria.iter().find(|c| c.id.as_str() == name);
                let by_name: Vec<_> = session
                    .criteria
                    .iter()
                    .filter(|c| c.name == name || c.name_with_unit() == name)
                    .collect();
                match (by_id, by_name.as_slice()) {
                    (Some(c), _) => Some(Column::Criterion(c.id.clone())),
                    (None, [c]) => Some(Column::Criterion(c.id.clone())),
                    (None, []) => None,
                    (None, several) => {
                        let (line, column) = at(header, idx);
                        let ids: Vec<&str> = several.iter().map(|c| c.id.as_str()).collect();
                        issues.push(ImportIssue {
                            line,
                            column,
                            message: format!(
                                "column “{name}” could be any of the criteria {}; head it \
                                 with one of those ids instead",
                                ids.join(", ")
                            ),
                        });
                        Some(Column::Derived)
                    }
                }
            }
        };
        let (line, column_at) = at(header, idx);
        match column {
            None => {
                let names: Vec<&str> = session.criteria.iter().map(|c| c.name.as_str()).collect();
                issues.push(ImportIssue {
                    line,
                    column: column_at,
                    message: format!(
                        "column “{name}” names no criterion of this session ({}); rename it \
                         to one of them or add the criterion first",
                        names.join(", ")
                    ),
                });
                columns.push(Column::Derived);
            }
            Some(column) => {
                if column != Column::Derived && !seen.insert(format!("{column:?}")) {
                    issues.push(ImportIssue {
                        line,
                        column: column_at,
                        message: format!("column “{name}” appears twice"),
                    });
                }
                columns.push(column);
            }
        }
    }
    if !columns
        .iter()
        .any(|c| matches!(c, Column::Id | Column::Title))
        && issues.is_empty()
    {
        let (line, column) = at(header, 0);
        issues.push(ImportIssue {
            line,
            column,
            message: "the header needs an `id` or a `title` column to tell options apart".into(),
        });
    }
    columns
}

/// The number in `value` if it fits `criterion`'s scale and the range of the score the
/// option already has there.
fn score_value(
    session: &Session,
    criterion: &CriterionId,
    value: &str,
    existing: Option<&OptionId>,
) -> Result<f64, String> {
    // Present: the header only maps to criteria of this session.
    let Some(c) = session.criterion(criterion) else {
        return Err(format!("there is no criterion with id {criterion:?}"));
    };
    let number: f64 = value
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("`{value}` is not a number (use a dot for decimals)"))?;
    if !c.scale.contains(number) {
        return Err(format!(
            "{number} is outside the scale {}..{} of {}",
            c.scale.lo,
            c.scale.hi,
            c.name_with_unit()
        ));
    }
    let current = existing
        .and_then(|id| session.option(id))
        .and_then(|o| o.score(criterion));
    // A score with a range keeps it, so the new likely value must lie inside; a point score
    // simply takes the new value.
    if let Some(score) = current
        && !(score.low.is_none_or(|low| low <= number)
            && score.high.is_none_or(|high| number <= high))
    {
        return Err(format!(
            "{number} is outside the range {}..{} this score already has on {}; widen the \
             range in the window first, or leave the cell empty",
            score.low.unwrap_or(c.scale.lo),
            score.high.unwrap_or(c.scale.hi),
            c.name
        ));
    }
    Ok(number)
}

/// The lens a cell names: a built-in lens by its label or keyword, otherwise a custom lens
/// with that label.
fn lens_from(value: &str) -> Lens {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = squash(value);
    let keyword = |lens: &Lens| match lens {
        Lens::Reallocate => "reallocate",
        Lens::Process => "process",
        _ => "",
    };
    Lens::BUILT_IN
        .into_iter()
        .find(|lens| squash(lens.label()) == wanted || squash(keyword(lens)) == wanted)
        .unwrap_or_else(|| {
            if value.trim().eq_ignore_ascii_case("custom") {
                Lens::Custom(String::new())
            } else {
                Lens::Custom(value.to_owned())
            }
        })
}

/// Undoes the export's formula guard: `'=x` back to `=x` (only before `=`, `+`, `-`, `@`,
/// tab or carriage return, exactly where the export adds it).
fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// The byte offset where field `field` of the record starting at `start` begins.
fn field_start(text: &str, start: usize, field: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = start.min(bytes.len());
    // A record's reported start can be the line end left over from a CRLF before it.
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    let (mut idx, mut n, mut quoted) = (start, 0, false);
    while n < field && idx < bytes.len() {
        match bytes[idx] {
            b'"' => quoted = !quoted,
            b',' if !quoted => n += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
        idx += 1;
    }
    idx.min(text.len())
}

/// 1-based line and character column of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
