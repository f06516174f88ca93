//! Runs heavy analysis (Monte Carlo) off the UI thread, cached by document revision.
//!
//! Call [`AnalysisWorker::update`] once per frame with the document and its revision. When
//! the revision or the settings change, the running job is cancelled and a new one starts
//! on a background thread: it first sends the cheap report (flip points, TOPSIS,
//! dominance, verdict without Monte Carlo), then the full one, asking egui to repaint after
//! each. Until the new results arrive the previous report stays on screen. Nothing here
//! waits for the thread.

use crate::analysis::robustness::{
    RobustnessConfig, RobustnessReport, analyze_with_control, quick,
};
use crate::analysis::uncertainty::Control;
use crate::model::Session;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

/// How often the window redraws while Monte Carlo runs, to move the progress bar.
const PROGRESS_REPAINT: Duration = Duration::from_millis(100);

/// One message from the background thread.
enum Message {
    /// Everything but Monte Carlo.
    Quick(RobustnessReport),
    /// The full report.
    Full(RobustnessReport),
}

/// A job in flight.
struct Job {
    control: Arc<Control>,
    samples: u32,
    results: Receiver<Message>,
}

/// Keeps the robustness report of the current document revision up to date.
#[derive(Default)]
pub struct AnalysisWorker {
    /// The revision and settings the latest job was started for.
    key: Option<(u64, RobustnessConfig)>,
    /// The running job, if any.
    job: Option<Job>,
    /// The newest report received, and whether it is the full one for `key`.
    report: Option<RobustnessReport>,
    complete: bool,
}

impl AnalysisWorker {
    /// A worker with nothing computed yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Collects finished results and, when `revision` or `config` changed since the last
    /// call, cancels the running job and starts one for `session`. Never blocks.
    pub fn update(
        &mut self,
        session: &Session,
        revision: u64,
        config: &RobustnessConfig,
        ctx: &egui::Context,
    ) {
        let stale = self
            .key
            .as_ref()
            .is_none_or(|(r, c)| *r != revision || c != config);
        if stale {
            self.start(session, revision, config, ctx);
        }
        self.collect();
        if self.job.is_some() {
            ctx.request_repaint_after(PROGRESS_REPAINT);
        }
    }

    fn start(
        &mut self,
        session: &Session,
        revision: u64,
        config: &RobustnessConfig,
        ctx: &egui::Context,
    ) {
        self.cancel();
        self.key = Some((revision, config.clone()));
        self.complete = false;
        let control = Arc::new(Control::default());
        let (sender, results) = mpsc::channel();
        let job_control = Arc::clone(&control);
        let session = session.clone();
        let job_config = config.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // A closed channel means the job was replaced; stop quietly.
            if sender.send(Message::Quick(quick(&session))).is_err() {
                return;
            }
            ctx.request_repaint();
            if job_config.monte_carlo.is_none() {
                return;
            }
            if let Some(full) = analyze_with_control(&session, &job_config, &job_control)
                && sender.send(Message::Full(full)).is_ok()
            {
                ctx.request_repaint();
            }
        });
        self.job = Some(Job {
            control,
            samples: config.monte_carlo.as_ref().map_or(0, |m| m.samples.max(1)),
            results,
        });
    }

    fn collect(&mut self) {
        let Some(job) = &self.job else { return };
        loop {
            match job.results.try_recv() {
                Ok(Message::Quick(report)) => {
                    self.report = Some(report);
                    if job.samples == 0 {
                        self.complete = true;
                    }
                }
                Ok(Message::Full(report)) => {
                    self.report = Some(report);
                    self.complete = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    break;
                }
            }
        }
        if self.complete {
            self.job = None;
        }
    }

    /// Stops the running job and drops its report: the document it was about is closed.
    pub fn forget(&mut self) {
        self.cancel();
        self.key = None;
        self.report = None;
        self.complete = false;
    }

    /// Stops the running job, if any; the last report stays.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.control.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The newest report: the full one when done, otherwise the cheap one or the previous
    /// revision's until that arrives.
    pub fn report(&self) -> Option<&RobustnessReport> {
        self.report.as_ref()
    }

    /// True when [`Self::report`] is the full report for the latest revision and settings.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Monte Carlo progress 0..1 while a job runs; `None` when idle.
    pub fn progress(&self) -> Option<f32> {
        let job = self.job.as_ref()?;
        if job.samples == 0 {
            return Some(0.0);
        }
        let done = job.control.done.load(Ordering::Relaxed);
        Some((f64::from(done) / f64::from(job.samples)).min(1.0) as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, SolutionOption};
    use std::time::Instant;

    fn session(impact: f64) -> Session {
        let mut s = Session::new("x");
        for (id, i) in [("a", impact), ("b", 3.0)] {
            s.options.push(
                SolutionOption::new(id, id, Lens::Buy)
                    .with_score("impact", i)
                    .with_score("cost", 3.0)
                    .with_score("trust-risk", 3.0),
            );
        }
        s
    }

    fn wait_until_complete(worker: &mut AnalysisWorker, s: &Session, revision: u64) {
        let ctx = egui::Context::default();
        let config = RobustnessConfig::default();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            worker.update(s, revision, &config, &ctx);
            if worker.is_complete() {
                return;
            }
            assert!(Instant::now() < deadline, "the worker never finished");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_full_report_arrives_and_follows_the_revision() {
        let mut worker = AnalysisWorker::new();
        let first = session(5.0);
        wait_until_complete(&mut worker, &first, 1);
        let report = worker.report().expect("a report");
        assert!(report.monte_carlo.is_some());
        assert_eq!(report.leader.as_ref().map(|id| id.as_str()), Some("a"));
        assert_eq!(worker.progress(), None);

        let second = session(1.0);
        wait_until_complete(&mut worker, &second, 2);
        let report = worker.report().expect("a report");
        assert_eq!(report.leader.as_ref().map(|id| id.as_str()), Some("b"));
    }

    #[test]
    fn update_returns_at_once_while_the_job_runs() {
        let mut worker = AnalysisWorker::new();
        let ctx = egui::Context::default();
        let config = RobustnessConfig {
            monte_carlo: Some(crate::analysis::uncertainty::SmaaConfig {
                samples: 2_000_000,
                ..Default::default()
            }),
        };
        worker.update(&session(5.0), 1, &config, &ctx);
        assert!(worker.progress().is_some());
        assert!(!worker.is_complete());
        worker.cancel();
        assert_eq!(worker.progress(), None);
    }
}
