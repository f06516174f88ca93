//! Reading a portfolio folder: every session file under it, in parallel, and its
//! `portfolio.ron`.
//!
//! A file that cannot be used — unreadable, broken, from a newer Verdict — is listed with
//! its located error and the rest are loaded. A session open in another window (its edit
//! lock is held) is loaded as it is on disk and named, so the view can say it may change.
//! Hidden files and folders (`.NAME`) and backups (`NAME.ron.bak`) are skipped, and so are
//! folders reached through a symbolic link (they could loop).

use super::error::LoadError;
use super::load::{load_named, read_bytes};
use super::lock::lock_holder;
use super::migrate::syntax_error;
use super::peek::peek_format;
use crate::model::{
    PORTFOLIO_FILE_NAME, PORTFOLIO_FORMAT_VERSION, PortfolioMember as Member, PortfolioSettings,
    Session, validate_portfolio_settings,
};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

/// A file of the folder that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderProblem {
    /// The file's path from the folder, with `/`.
    pub path: String,
    /// The error, one line per problem, each starting with the file as given.
    pub lines: Vec<String>,
}

/// Everything read from a portfolio folder.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioFolder {
    /// The folder as given.
    pub root: PathBuf,
    /// The settings: `portfolio.ron`, or the defaults when it is missing or broken.
    pub settings: PortfolioSettings,
    /// True when the folder has a `portfolio.ron` (broken or not).
    pub has_settings_file: bool,
    /// Problems with `portfolio.ron`, located; the defaults are used when there are any.
    pub settings_problems: Vec<String>,
    /// The sessions that loaded, sorted by path.
    pub members: Vec<Member>,
    /// Files that did not load, sorted by path.
    pub problems: Vec<FolderProblem>,
    /// Sessions open for editing in another window, with the process when known.
    pub in_use: Vec<(String, Option<u32>)>,
}

impl PortfolioFolder {
    /// The full path of the member or file at `relative`.
    pub fn path_of(&self, relative: &str) -> PathBuf {
        relative
            .split('/')
            .fold(self.root.clone(), |path, part| path.join(part))
    }
}

/// Why a folder could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{folder}: cannot read the folder: {source}")]
pub struct FolderError {
    /// The folder as given.
    pub folder: String,
    /// What the operating system said.
    pub source: std::io::Error,
}

/// True when `path` is a folder (so the window opens it as a portfolio, not as a session).
pub fn is_folder(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// The session files under `root`, as paths from it with `/`, sorted.
///
/// # Errors
/// When `root` itself cannot be listed; unreadable subfolders are skipped.
pub fn portfolio_files(root: &Path) -> Result<Vec<String>, FolderError> {
    let mut found = Vec::new();
    let entries = fs::read_dir(root).map_err(|source| FolderError {
        folder: root.display().to_string(),
        source,
    })?;
    let mut pending: Vec<(String, fs::ReadDir)> = vec![(String::new(), entries)];
    while let Some((prefix, entries)) = pending.pop() {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let relative = format!("{prefix}{name}");
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if let Ok(inner) = fs::read_dir(entry.path()) {
                    pending.push((format!("{relative}/"), inner));
                }
            } else if name.ends_with(".ron") && relative != PORTFOLIO_FILE_NAME {
                found.push(relative);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// When each session file and `portfolio.ron` under `root` last changed: compare two of
/// these to notice a save in another window or a `git pull`.
pub fn portfolio_stamps(root: &Path) -> Vec<(String, Option<SystemTime>, u64)> {
    let mut files = portfolio_files(root).unwrap_or_default();
    files.push(PORTFOLIO_FILE_NAME.to_owned());
    files
        .into_iter()
        .map(|relative| {
            let meta = fs::metadata(root.join(&relative)).ok();
            let modified = meta.as_ref().and_then(|m| m.modified().ok());
            let len = meta.map_or(0, |m| m.len());
            (relative, modified, len)
        })
        .collect()
}

fn display(root: &Path, relative: &str) -> String {
    root.join(relative).display().to_string()
}

/// Reads `portfolio.ron`: `Ok(None)` when there is none.
fn read_settings(root: &Path) -> Result<Option<PortfolioSettings>, LoadError> {
    let path = root.join(PORTFOLIO_FILE_NAME);
    if !path.exists() {
        return Ok(None);
    }
    let file = path.display().to_string();
    let bytes = read_bytes(&path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    if let Some(found) = peek_format(text.as_bytes())
        && found > u64::from(PORTFOLIO_FORMAT_VERSION)
    {
        return Err(LoadError::NewerFormat {
            file,
            found,
            supported: PORTFOLIO_FORMAT_VERSION,
        });
    }
    ron::Options::default()
        .from_str(&text)
        .map(Some)
        .map_err(|e| syntax_error(&e, &file))
}

/// One file read by a worker: its position in the list, the session or the error, and the
/// holder of its edit lock when another window has it open.
type FileResult = (usize, Result<Session, LoadError>, Option<Option<u32>>);

/// Reads every session under `root` on up to `threads` threads, then `portfolio.ron`.
///
/// # Errors
/// Only when `root` cannot be listed; every other problem is in the result.
pub fn load_portfolio(root: &Path, threads: usize) -> Result<PortfolioFolder, FolderError> {
    let files = portfolio_files(root)?;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<FileResult>> = Mutex::new(Vec::with_capacity(files.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, 16) {
            scope.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(relative) = files.get(i) else { break };
                    let path = root.join(relative);
                    let loaded = read_bytes(&path)
                        .and_then(|bytes| load_named(&bytes, &display(root, relative)))
                        .map(|loaded| loaded.session);
                    mine.push((i, loaded, lock_holder(&path)));
                }
                if let Ok(mut all) = results.lock() {
                    all.extend(mine);
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, ..)| *i);
    let mut folder = PortfolioFolder {
        root: root.to_path_buf(),
        settings: PortfolioSettings::default(),
        has_settings_file: false,
        settings_problems: Vec::new(),
        members: Vec::new(),
        problems: Vec::new(),
        in_use: Vec::new(),
    };
    for (i, loaded, holder) in results {
        let path = files[i].clone();
        match loaded {
            Ok(session) => {
                if let Some(pid) = holder {
                    folder.in_use.push((path.clone(), pid));
                }
                folder.members.push(Member { path, session });
            }
            Err(err) => folder.problems.push(FolderProblem {
                path,
                lines: err.lines(),
            }),
        }
    }
    match read_settings(root) {
        Ok(None) => {}
        Ok(Some(settings)) => {
            folder.has_settings_file = true;
            let by_path: HashMap<&str, &Session> = folder
                .members
                .iter()
                .map(|m| (m.path.as_str(), &m.session))
                .collect();
            let file = root.join(PORTFOLIO_FILE_NAME).display().to_string();
            let issues = validate_portfolio_settings(&settings, |p| by_path.get(p).copied());
            folder.settings_problems = issues
                .iter()
                .map(|issue| {
                    let broken = folder.problems.iter().any(|b| {
                        issue.message.contains(&format!("{:?}", b.path))
                            && issue.message.starts_with("no session")
                    });
                    if broken {
                        format!("{file}: {issue} (the file is there but did not load)")
                    } else {
                        format!("{file}: {issue}")
                    }
                })
                .collect();
            if folder.settings_problems.is_empty() {
                folder.settings = settings;
            }
        }
        Err(err) => {
            folder.has_settings_file = true;
            folder.settings_problems = err.lines();
        }
    }
    Ok(folder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::to_canonical_ron;

    fn write(dir: &Path, relative: &str, text: &str) {
        let path = dir.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn subfolders_are_read_and_hidden_files_backups_and_settings_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let session = to_canonical_ron(&Session::new("x"));
        for name in ["b.ron", "a/c.ron", ".hidden.ron", "b.ron.bak", ".git/x.ron"] {
            write(dir.path(), name, &session);
        }
        write(
            dir.path(),
            "portfolio.ron",
            "(format: 1, capacity: Some(3.0))",
        );
        assert_eq!(portfolio_files(dir.path()).unwrap(), ["a/c.ron", "b.ron"]);
        let folder = load_portfolio(dir.path(), 2).unwrap();
        assert_eq!(folder.members.len(), 2);
        assert_eq!(folder.settings.capacity, Some(3.0));
        assert!(folder.problems.is_empty() && folder.settings_problems.is_empty());
    }

    #[test]
    fn a_broken_settings_file_is_located_and_the_defaults_are_used() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "portfolio.ron",
            "(format: 1,\n  capacty: Some(3.0))",
        );
        let folder = load_portfolio(dir.path(), 1).unwrap();
        assert_eq!(folder.settings, PortfolioSettings::default());
        assert_eq!(folder.settings_problems.len(), 1);
        assert!(
            folder.settings_problems[0].contains("portfolio.ron:2:3:"),
            "{:?}",
            folder.settings_problems
        );
    }
}
