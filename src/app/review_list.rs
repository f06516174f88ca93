//! On start, the sessions due for review: those in the recent files' folders whose review
//! date has passed or whose next steps are overdue. They are found on a background thread
//! and listed in a small window, each with what was expected and a button to open it.

use crate::model::{Session, expectation};
use crate::store::sessions_due;
use crate::ui::command::Command;
use crate::ui::outbox::Outbox;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// One session due for review, as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct DueEntry {
    /// Where it is.
    pub path: PathBuf,
    /// Its title (or the ask).
    pub title: String,
    /// Why it is due, in a few words.
    pub why: String,
    /// What was expected when deciding.
    pub expected: String,
}

/// The list and the search that fills it.
#[derive(Debug, Default)]
pub struct ReviewList {
    pending: Option<Receiver<Vec<DueEntry>>>,
    found: Vec<DueEntry>,
    open: bool,
}

/// The folders of the recent files, each once, in the order the files were used.
pub fn review_folders(recent: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for folder in recent
        .iter()
        .filter_map(|p| p.parent())
        .map(Path::to_path_buf)
    {
        let folder = if folder.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            folder
        };
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    folders
}

impl ReviewList {
    /// Starts looking in `folders` for sessions due on `today`; `ctx` is asked to repaint when
    /// the search ends. Unreadable folders and files are skipped here: opening them says why.
    pub fn start(folders: Vec<PathBuf>, today: NaiveDate, ctx: Option<egui::Context>) -> Self {
        if folders.is_empty() {
            return Self::default();
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("review-list".into())
            .spawn(move || {
                let list = sessions_due(&folders, today);
                let entries = list
                    .due
                    .iter()
                    .map(|due| {
                        entry(
                            &due.path,
                            &due.session,
                            due.due.review_date,
                            due.due.overdue_steps.len(),
                        )
                    })
                    .collect();
                // The window may have closed meanwhile; then nobody needs the list.
                let _ = tx.send(entries);
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        Self {
            pending: spawned.ok().map(|_| rx),
            ..Self::default()
        }
    }

    /// The sessions found so far.
    pub fn entries(&self) -> &[DueEntry] {
        &self.found
    }

    /// Takes the search's result once it has ended; the list opens when it found anything.
    pub fn poll(&mut self) {
        let Some(rx) = &self.pending else { return };
        match rx.try_recv() {
            Ok(found) => {
                self.open = !found.is_empty();
                self.found = found;
                self.pending = None;
            }
            Err(TryRecvError::Disconnected) => self.pending = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Draws the list while it is open; "Open" puts the command to open that session in
    /// the frame's outbox.
    pub fn ui(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        self.poll();
        if !self.open {
            return;
        }
        let mut command = None;
        let mut open = self.open;
        egui::Window::new("Due for review")
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.weak("Decisions whose review date has passed or whose next steps are overdue.");
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (idx, e) in self.found.iter().enumerate() {
                            ui.push_id(idx, |ui| {
                                ui.separator();
                                ui.label(egui::RichText::new(&e.title).strong());
                                ui.weak(e.path.display().to_string());
                                ui.label(&e.why);
                                ui.label(format!("Expected: {}", e.expected));
                                if ui
                                    .button(format!("Open “{}” to review it", e.title))
                                    .clicked()
                                {
                                    command = Some(Command::OpenPath(e.path.clone()));
                                }
                            });
                        }
                    });
            });
        self.open = open && command.is_none();
        if let Some(command) = command {
            out.command(command);
        }
    }
}

fn entry(path: &Path, session: &Session, review: Option<NaiveDate>, overdue: usize) -> DueEntry {
    let title = if session.title.trim().is_empty() {
        session.directive.ask.trim()
    } else {
        session.title.trim()
    };
    let mut why = Vec::new();
    if let Some(date) = review {
        why.push(format!("review date {date} has passed"));
    }
    if overdue > 0 {
        why.push(format!("{overdue} next step(s) overdue"));
    }
    let expected = expectation(session);
    DueEntry {
        path: path.to_path_buf(),
        title: title.split_whitespace().collect::<Vec<_>>().join(" "),
        why: why.join("; "),
        expected: if expected.is_empty() {
            "nothing written down".to_owned()
        } else {
            expected
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_folders_are_the_recent_files_folders_once_each() {
        let recent = [
            PathBuf::from("/a/one.ron"),
            PathBuf::from("/b/two.ron"),
            PathBuf::from("/a/three.ron"),
            PathBuf::from("four.ron"),
        ];
        assert_eq!(
            review_folders(&recent),
            [PathBuf::from("/a"), PathBuf::from("/b"), PathBuf::from(".")]
        );
    }

    #[test]
    fn an_entry_says_why_it_is_due_and_what_was_expected() {
        let session = crate::app::startup::example_session();
        let date = NaiveDate::from_ymd_opt(2026, 6, 15);
        let e = entry(Path::new("streams.ron"), &session, date, 1);
        assert_eq!(e.title, "Live sports stream availability");
        assert_eq!(
            e.why,
            "review date 2026-06-15 has passed; 1 next step(s) overdue"
        );
        assert!(
            e.expected
                .starts_with("Stream availability during match minutes")
        );
    }

    #[test]
    fn no_recent_folders_means_no_search_and_no_window() {
        let mut list = ReviewList::start(Vec::new(), NaiveDate::MIN, None);
        list.poll();
        assert!(list.pending.is_none() && list.entries().is_empty() && !list.open);
    }
}
