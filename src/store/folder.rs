//! Finding the session files in a folder, for listing what is due for review.

use super::error::LoadError;
use super::load::load_file;
use crate::model::{ReviewDue, Session, review_due};
use chrono::NaiveDate;
use std::fs;
use std::path::{Path, PathBuf};

/// A session whose review date has passed or whose next steps are overdue.
#[derive(Debug)]
pub struct DueSession {
    /// Where it is.
    pub path: PathBuf,
    /// The document.
    pub session: Session,
    /// Why it is due.
    pub due: ReviewDue,
}

/// What [`sessions_due`] found.
#[derive(Debug, Default)]
pub struct DueList {
    /// Sessions due for review, by path.
    pub due: Vec<DueSession>,
    /// Folders or files that could not be read, each error naming its file.
    pub problems: Vec<LoadError>,
}

/// The sessions in `folders` (searched as [`session_files`] does; a file given directly is
/// taken as it is) that are due for review on `today`. Each file is read once even when
/// folders overlap; unreadable ones are listed in [`DueList::problems`].
pub fn sessions_due(folders: &[PathBuf], today: NaiveDate) -> DueList {
    let mut list = DueList::default();
    let mut files = Vec::new();
    for folder in folders {
        if folder.is_file() {
            files.push(folder.clone());
            continue;
        }
        match session_files(folder) {
            Ok(found) => files.extend(found),
            Err(err) => list.problems.push(err),
        }
    }
    files.sort();
    files.dedup();
    for path in files {
        match load_file(&path) {
            Ok(session) => {
                if let Some(due) = review_due(&session, today) {
                    list.due.push(DueSession { path, session, due });
                }
            }
            Err(err) => list.problems.push(err),
        }
    }
    list
}

/// How many folder levels below the given one are searched.
pub const MAX_DEPTH: usize = 3;

/// The session files (`*.ron`, not hidden) in `dir` and its sub-folders down to
/// [`MAX_DEPTH`] levels, sorted by path. Hidden folders are skipped, and so are lock,
/// temporary and backup files, which never end in `.ron`. Sub-folders that cannot be read
/// are skipped; only `dir` itself must be readable.
///
/// # Errors
/// [`LoadError::Io`] naming `dir` when it cannot be read (missing, not a folder, no
/// permission).
pub fn session_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    let top = fs::read_dir(dir).map_err(|source| LoadError::Io {
        file: dir.display().to_string(),
        source,
    })?;
    let mut pending: Vec<(usize, fs::ReadDir)> = vec![(0, top)];
    while let Some((depth, entries)) = pending.pop() {
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if hidden {
                continue;
            }
            if kind.is_dir() {
                if depth < MAX_DEPTH
                    && let Ok(inner) = fs::read_dir(&path)
                {
                    pending.push((depth + 1, inner));
                }
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_files_are_found_in_sub_folders_without_hidden_or_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("team/q3")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "a.ron",
            "team/b.ron",
            "team/q3/c.RON",
            ".a.ron.lock",
            "a.ron.bak",
            ".git/x.ron",
            "notes.md",
        ] {
            fs::write(root.join(name), "").unwrap();
        }
        let found: Vec<String> = session_files(root)
            .unwrap()
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(found, ["a.ron", "team/b.ron", "team/q3/c.RON"]);
        assert!(session_files(&root.join("missing")).is_err());
    }

    #[test]
    fn sessions_past_their_review_date_are_due_and_broken_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let saves = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
        fs::copy(
            saves.join("live-streams.ron"),
            dir.path().join("streams.ron"),
        )
        .unwrap();
        fs::copy(
            saves.join("checkout-rewrite-kill.ron"),
            dir.path().join("kill.ron"),
        )
        .unwrap();
        fs::write(dir.path().join("broken.ron"), "(format: 1,").unwrap();
        let june = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
        let list = sessions_due(
            &[dir.path().to_path_buf(), dir.path().join("streams.ron")],
            june,
        );
        let due: Vec<_> = list
            .due
            .iter()
            .map(|d| d.path.file_name().unwrap())
            .collect();
        assert_eq!(
            due,
            ["streams.ron"],
            "listed once, and the kill is not due in June"
        );
        assert_eq!(
            list.due[0].due.review_date,
            NaiveDate::from_ymd_opt(2026, 6, 15)
        );
        assert_eq!(list.problems.len(), 1);
        assert!(list.problems[0].to_string().contains("broken.ron"));
    }
}
