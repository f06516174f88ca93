//! The open portfolio in the window: the folder as read, the solved portfolio, the plan at
//! the slider's capacity (cached, so moving the slider only walks the solved table), the
//! core-index worker, and the folder watch.
//!
//! The folder is watched by comparing every session file's modification time and size about
//! once a second: a save in another window or a `git pull` reloads the view. Polling needs
//! no extra dependency and also works on network and synced folders, where change
//! notifications are unreliable; 1,000 files cost well under a millisecond per look.

use crate::analysis::uncertainty::Control;
use crate::portfolio::core_index::{CoreConfig, CoreReport, core_indexes};
use crate::portfolio::{Plan, Portfolio, PortfolioError, SessionRow, capacity_units};
use crate::store::{self, FolderError, PortfolioFolder, portfolio_stamps};
use crate::ui::portfolio::{PortfolioScreen, PortfolioViewState};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// How often the folder is looked at for changes.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);

type Stamps = Vec<(String, Option<SystemTime>, u64)>;

/// A core-index run on a worker thread.
struct CoreJob {
    control: Arc<Control>,
    samples: u32,
    handle: JoinHandle<Option<CoreReport>>,
}

/// The plan at one capacity and its rows.
struct PlanCache {
    units: u64,
    plan: Plan,
    rows: Vec<SessionRow>,
    above: usize,
}

fn plan_cache(portfolio: &Portfolio, capacity: f64, core: Option<&CoreReport>) -> PlanCache {
    let plan = portfolio.plan(capacity);
    let (rows, above) = portfolio.rows(&plan, core, false);
    PlanCache {
        units: capacity_units(capacity),
        plan,
        rows,
        above,
    }
}

/// Why a portfolio could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenPortfolioError {
    /// The folder could not be listed.
    #[error(transparent)]
    Folder(#[from] FolderError),
    /// The portfolio could not be solved.
    #[error("{0}")]
    Solve(#[from] PortfolioError),
}

/// A folder being read and solved on a worker, so a large portfolio never freezes the
/// window; `keep` carries the view of the portfolio it replaces (a reload).
pub struct PortfolioLoad {
    handle: JoinHandle<Result<PortfolioWindow, OpenPortfolioError>>,
    keep: Option<(PortfolioViewState, bool)>,
}

impl PortfolioLoad {
    /// Starts reading `root`; `keep` is the view to carry over.
    pub fn start(
        root: PathBuf,
        ctx: &egui::Context,
        keep: Option<(PortfolioViewState, bool)>,
    ) -> Self {
        let ctx = ctx.clone();
        let handle = std::thread::spawn(move || {
            let opened = PortfolioWindow::open(&root);
            ctx.request_repaint();
            opened
        });
        Self { handle, keep }
    }

    /// True when the worker is done.
    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// The portfolio read (waiting for the worker if needed), with the kept view applied.
    ///
    /// # Errors
    /// As [`PortfolioWindow::open`].
    pub fn finish(self) -> Result<PortfolioWindow, String> {
        let mut window = self
            .handle
            .join()
            .map_err(|_| "reading the folder stopped unexpectedly".to_owned())?
            .map_err(|e| e.to_string())?;
        if let Some((view, visible)) = self.keep {
            window.view = view;
            window.visible = visible;
        }
        Ok(window)
    }

    /// True when this load replaces an open portfolio (a reload).
    pub fn is_reload(&self) -> bool {
        self.keep.is_some()
    }
}

/// The portfolio shown in the window.
pub struct PortfolioWindow {
    /// The folder as read.
    pub folder: PortfolioFolder,
    /// The sessions, solved for every capacity.
    pub portfolio: Portfolio,
    /// The view's own state (slider, selection).
    pub view: PortfolioViewState,
    /// Shown instead of the session; hidden while a session from it is edited.
    pub visible: bool,
    /// "Reload" was clicked: the app reads the folder again on the next frame.
    pub reload_requested: bool,
    plan: Option<PlanCache>,
    drop_text: Option<((u64, usize), Option<String>)>,
    core: Option<CoreReport>,
    job: Option<CoreJob>,
    stamps: Stamps,
    last_look: Instant,
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

impl PortfolioWindow {
    /// Reads and solves the folder at `root`; the slider starts at the capacity of
    /// `portfolio.ron`, or at today's commitments when none is set.
    ///
    /// # Errors
    /// When the folder cannot be listed or solved.
    pub fn open(root: &Path) -> Result<Self, OpenPortfolioError> {
        let stamps = portfolio_stamps(root);
        let folder = store::load_portfolio(root, threads())?;
        let portfolio = Portfolio::new(folder.settings.clone(), &folder.members)?;
        let capacity = portfolio
            .capacity()
            .unwrap_or_else(|| portfolio.today().effort);
        Ok(Self {
            folder,
            portfolio,
            view: PortfolioViewState {
                capacity,
                ..PortfolioViewState::default()
            },
            visible: true,
            reload_requested: false,
            plan: None,
            drop_text: None,
            core: None,
            job: None,
            stamps,
            last_look: Instant::now(),
        })
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.folder.root
    }

    /// The view to carry over to a reload of this portfolio; stops its core-index run.
    pub fn keep_for_reload(&mut self) -> (PortfolioViewState, bool) {
        self.cancel_core();
        (self.view.clone(), self.visible)
    }

    /// Looks at the folder when [`WATCH_EVERY`] has passed; true when something changed.
    pub fn folder_changed(&mut self, now: Instant) -> bool {
        if now.duration_since(self.last_look) < WATCH_EVERY {
            return false;
        }
        self.last_look = now;
        let stamps = portfolio_stamps(&self.folder.root);
        if stamps == self.stamps {
            return false;
        }
        self.stamps = stamps;
        true
    }

    /// The full path of the session at `relative`.
    pub fn path_of(&self, relative: &str) -> PathBuf {
        self.folder.path_of(relative)
    }

    /// The plan at the slider's capacity, solved again only when the capacity (in tenths of
    /// a week) changed.
    fn refresh_plan(&mut self) {
        let units = capacity_units(self.view.capacity);
        if self.plan.as_ref().is_none_or(|c| c.units != units) {
            self.plan = Some(plan_cache(
                &self.portfolio,
                self.view.capacity,
                self.core.as_ref(),
            ));
        }
    }

    /// The plan at the slider's capacity.
    pub fn plan(&mut self) -> Option<&Plan> {
        self.refresh_plan();
        self.plan.as_ref().map(|c| &c.plan)
    }

    fn drop_advice_text(&mut self) -> Option<String> {
        let entry = self.view.selected?;
        let units = capacity_units(self.view.capacity);
        if let Some((key, text)) = &self.drop_text
            && *key == (units, entry)
        {
            return text.clone();
        }
        self.refresh_plan();
        let plan = &self.plan.as_ref()?.plan;
        let e = &self.portfolio.entries[entry];
        let unit = &self.portfolio.settings.value_unit;
        let text = Some(match self.portfolio.what_to_drop(plan, entry) {
            None => format!("{} cannot be funded within this capacity.", e.title),
            Some(advice) => {
                let changes: Vec<String> = advice
                    .changes
                    .iter()
                    .map(|c| {
                        let other = &self.portfolio.entries[c.entry];
                        let name = |k: Option<usize>| {
                            k.map_or("nothing".to_owned(), |k| {
                                format!("“{}”", other.candidates[k].title)
                            })
                        };
                        format!("{}: from {} to {}", other.title, name(c.from), name(c.to))
                    })
                    .collect();
                format!(
                    "To fund {} with “{}”: {} {unit} of value lost overall{}",
                    e.title,
                    e.candidates[advice.candidate].title,
                    crate::analysis::number::tenths(advice.loss),
                    if changes.is_empty() {
                        ".".to_owned()
                    } else {
                        format!(" — {}.", changes.join("; "))
                    }
                )
            }
        });
        self.drop_text = Some(((units, entry), text.clone()));
        text
    }

    /// Starts a core-index run at the slider's capacity (cancelling one in progress).
    pub fn start_core(&mut self, ctx: &egui::Context) {
        self.cancel_core();
        let control = Arc::new(Control::default());
        let portfolio = self.portfolio.clone();
        let config = CoreConfig {
            samples: self.view.samples,
            seed: 1,
            capacity: self.view.capacity,
            threads: threads(),
        };
        let samples = config.samples;
        let worker_control = Arc::clone(&control);
        let ctx = ctx.clone();
        let handle = std::thread::spawn(move || {
            let report = core_indexes(&portfolio, &config, &worker_control);
            ctx.request_repaint();
            report
        });
        self.job = Some(CoreJob {
            control,
            samples,
            handle,
        });
    }

    /// Stops the run in progress, if any.
    pub fn cancel_core(&mut self) {
        if let Some(job) = self.job.take() {
            job.control.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Collects a finished run; the share done of one still running.
    pub fn poll_core(&mut self, ctx: &egui::Context) -> Option<f32> {
        let finished = self.job.as_ref()?.handle.is_finished();
        if finished {
            let job = self.job.take()?;
            if let Ok(Some(report)) = job.handle.join() {
                self.core = Some(report);
                self.plan = None;
            }
            return None;
        }
        let job = self.job.as_ref()?;
        ctx.request_repaint_after(Duration::from_millis(100));
        let done = job.control.done.load(Ordering::Relaxed);
        Some(done as f32 / job.samples.max(1) as f32)
    }

    /// Waits for a core-index run to finish (tests).
    pub fn wait_for_core(&mut self) {
        if let Some(job) = self.job.take() {
            if let Ok(Some(report)) = job.handle.join() {
                self.core = Some(report);
            }
            self.plan = None;
        }
    }

    /// Everything the view draws this frame.
    pub fn screen(&mut self, progress: Option<f32>) -> Option<PortfolioScreen<'_>> {
        self.refresh_plan();
        let to_fund_selected = self.drop_advice_text();
        let cache = self.plan.as_ref()?;
        let mut problems: Vec<String> = self.folder.settings_problems.clone();
        problems.extend(self.folder.problems.iter().flat_map(|p| p.lines.clone()));
        Some(PortfolioScreen {
            folder: self.folder.root.display().to_string(),
            portfolio: &self.portfolio,
            plan: &cache.plan,
            rows: &cache.rows,
            above_cut: cache.above,
            to_fund_selected,
            problems,
            in_use: self.folder.in_use.iter().map(|(p, _)| p.clone()).collect(),
            core: self.core.as_ref(),
            progress,
        })
    }
}
