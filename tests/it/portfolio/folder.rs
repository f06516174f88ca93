//! Bad input in a portfolio folder: broken, newer-format, unreadable and locked files are
//! listed with their located error and the rest is optimised; a bad `portfolio.ron` gets a
//! located error.

use std::fs;
use std::path::Path;
use verdict::model::{Effort, Lens, OptionId, Outcome, Session, SolutionOption};
use verdict::portfolio::Portfolio;
use verdict::store::{self, DocumentLock, load_portfolio, to_canonical_ron};

/// A valid session worth `stakes`, with one option of `weeks` person-weeks, chosen.
pub fn session(title: &str, stakes: f64, weeks: f64) -> Session {
    let mut s = Session::new(&format!("{title} ask"));
    s.title = title.to_owned();
    s.stakes = Some(stakes);
    s.criteria[1].measures_effort = true;
    let mut option = SolutionOption::new("do-it", "Do it", Lens::ReArchitect)
        .with_score("impact", 5.0)
        .with_score("cost", 2.0)
        .with_score("trust-risk", 1.0);
    option.effort = Some(Effort::weeks(weeks));
    s.options.push(option);
    s.outcome = Outcome::Chosen {
        option: OptionId::new("do-it"),
        rationale: String::new(),
    };
    s
}

pub fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A folder with two good sessions, a broken one, a newer-format one and a folder where a
/// session file should be.
pub fn messy_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.ron",
        &to_canonical_ron(&session("Alpha", 100.0, 3.0)),
    );
    write(
        dir.path(),
        "team/b.ron",
        &to_canonical_ron(&session("Beta", 50.0, 2.0)),
    );
    let broken = to_canonical_ron(&session("Broken", 10.0, 1.0)).replacen("title:", "titel:", 1);
    write(dir.path(), "broken.ron", &broken);
    let newer =
        to_canonical_ron(&session("Newer", 10.0, 1.0)).replacen("format: 1", "format: 9", 1);
    write(dir.path(), "team/newer.ron", &newer);
    fs::create_dir_all(dir.path().join("not-a-file.ron")).unwrap();
    dir
}

#[test]
fn broken_and_newer_files_are_listed_with_their_located_error_and_the_rest_is_optimised() {
    let dir = messy_folder();
    let folder = load_portfolio(dir.path(), 2).unwrap();
    let paths: Vec<&str> = folder.members.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(paths, ["a.ron", "team/b.ron"]);
    let problems: Vec<(&str, &str)> = folder
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.lines[0].as_str()))
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].0, "broken.ron");
    let broken = dir.path().join("broken.ron").display().to_string();
    assert!(
        problems[0].1.starts_with(&format!("{broken}:3:")),
        "{problems:?}"
    );
    assert!(problems[0].1.contains("titel"), "{problems:?}");
    assert_eq!(problems[1].0, "team/newer.ron");
    assert!(
        problems[1].1.contains("newer Verdict (format 9)"),
        "{problems:?}"
    );
    let portfolio = Portfolio::new(folder.settings.clone(), &folder.members).unwrap();
    assert_eq!(portfolio.plan(5.0).value, 150.0);
}

#[test]
fn a_session_open_in_another_window_is_counted_and_named() {
    let dir = messy_folder();
    let lock = DocumentLock::acquire(&dir.path().join("a.ron")).unwrap();
    let folder = load_portfolio(dir.path(), 2).unwrap();
    assert_eq!(folder.in_use.len(), 1);
    assert_eq!(folder.in_use[0].0, "a.ron");
    assert!(folder.members.iter().any(|m| m.path == "a.ron"));
    drop(lock);
}

#[test]
fn an_unreadable_session_file_is_listed_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.ron",
        &to_canonical_ron(&session("Alpha", 100.0, 3.0)),
    );
    // A link to nowhere cannot be read by anyone, whatever their rights.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.ron"), dir.path().join("link.ron")).unwrap();
    let folder = load_portfolio(dir.path(), 1).unwrap();
    assert_eq!(folder.members.len(), 1);
    #[cfg(unix)]
    {
        assert_eq!(folder.problems.len(), 1);
        assert!(folder.problems[0].lines[0].contains("cannot read the file"));
    }
}

#[test]
fn a_negative_capacity_and_an_unknown_session_in_the_settings_are_located() {
    let dir = messy_folder();
    write(
        dir.path(),
        "portfolio.ron",
        "(\n    format: 1,\n    capacity: Some(-4.0),\n    must: [\"team/b.ron\", \"missing.ron\", \"broken.ron\"],\n)\n",
    );
    let folder = load_portfolio(dir.path(), 2).unwrap();
    let file = dir.path().join("portfolio.ron").display().to_string();
    assert_eq!(
        folder.settings_problems,
        [
            format!("{file}: capacity: capacity -4 person-weeks is negative; use 0 or more"),
            format!(
                "{file}: must[1]: no session \"missing.ron\" in the folder (name it by its path \
                 from the folder, with `/` between folders)"
            ),
            format!(
                "{file}: must[2]: no session \"broken.ron\" in the folder (name it by its path \
                 from the folder, with `/` between folders) (the file is there but did not load)"
            ),
        ]
    );
    assert_eq!(
        folder.settings,
        verdict::model::PortfolioSettings::default()
    );
}

#[test]
fn a_settings_file_from_a_newer_verdict_is_refused_by_version() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "portfolio.ron",
        "(format: 4, capacity: Some(3.0), wormholes: 2)",
    );
    let folder = load_portfolio(dir.path(), 1).unwrap();
    assert_eq!(folder.settings_problems.len(), 1);
    assert!(
        folder.settings_problems[0].contains("newer Verdict (format 4)"),
        "{:?}",
        folder.settings_problems
    );
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let err = store::load_portfolio(&missing, 1).unwrap_err();
    assert!(err.to_string().starts_with(&missing.display().to_string()));
}
