//! Sessions built in code for the export tests: a small fixed one for golden files and a
//! hostile one whose every text field tries to break out of its format.

use chrono::{NaiveDate, TimeZone, Utc};
use verdict::model::{
    Assumption, ExpectedResult, KillCriterion, Lens, LogEntry, LogEvent, MemoSection, NextStep,
    Outcome, Rating, Score, Session, SolutionOption, Stakeholder, Stance,
};

/// The shipped example `saves/NAME.ron`.
pub fn shipped(name: &str) -> Session {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(format!("{name}.ron"));
    verdict::store::load_file(&path).expect("a shipped example loads")
}

/// The date every export in these tests is made on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).expect("valid date")
}

/// Titles that try to become markup, formulas, table cells or reordered text.
pub const HOSTILE: [&str; 9] = [
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://x\")",
    "a|b",
    "first line\nsecond line",
    "Ship it 🚀🔥",
    "שיפור הזמינות",
    "evil\u{202E}gnp.exe",
    "<img src=x onerror=alert(1)>",
    "*bold* `code` [link](http://x) &amp; # -",
];

fn scored(id: &str, title: &str, lens: Lens, scores: [f64; 3]) -> SolutionOption {
    SolutionOption::new(id, title, lens)
        .with_score("impact", scores[0])
        .with_score("cost", scores[1])
        .with_score("trust-risk", scores[2])
}

/// A small, fully specified session: four options across lenses, one vetoed, one unscored,
/// a chosen outcome, kill criteria and a log. Private notes are set so tests can check they
/// never leak.
pub fn small_session() -> Session {
    let mut s = Session::new("Improve availability for our live sports streams");
    s.title = "Live stream availability".into();
    s.directive.given_by = "VP Streaming".into();
    s.directive.received = NaiveDate::from_ymd_opt(2026, 3, 2);
    s.directive.deadline = NaiveDate::from_ymd_opt(2026, 4, 1);
    s.directive.business_goal = "Keep subscribers through the playoffs".into();
    s.framing.problem_statements =
        vec!["Viewers lose the stream during regional CDN outages".into()];
    s.framing.success_metrics = vec!["Stream availability of 99.95 % per match".into()];
    s.framing.constraints = vec!["No new headcount this quarter".into()];
    s.framing.assumptions = vec![Assumption {
        text: "Most outages come from the single CDN".into(),
        confidence: 70.0,
    }];
    s.framing.stakeholders = vec![Stakeholder {
        name: "Dana".into(),
        role: "VP Streaming".into(),
        stance: Stance::Champion,
    }];
    if let Some(q) = s.framing.questions.first_mut() {
        q.answer = "Yes: churn follows outages within a week".into();
    }
    s.criteria[2].veto = Some(4.0);
    s.criteria[0].scale.levels = vec![verdict::model::ScaleLevel {
        value: 5.0,
        meaning: "every viewer notices".into(),
    }];
    let mut cdn = scored("multi-cdn", "Buy a second CDN", Lens::Buy, [4.0, 3.0, 2.0]);
    cdn.description = "Contract a second CDN and fail over by DNS".into();
    if let Some(score) = cdn
        .scores
        .get_mut(&verdict::model::CriterionId::new("impact"))
    {
        score.rationale = "Covers the outages we saw last season".into();
    }
    cdn.notes = "PRIVATE-OPTION-NOTE".into();
    s.options.push(cdn);
    s.options.push(scored(
        "rewrite",
        "Rewrite the origin",
        Lens::ReArchitect,
        [5.0, 5.0, 5.0],
    ));
    s.options.push(scored(
        "wait",
        "Do nothing",
        Lens::DoNothing,
        [1.0, 1.0, 3.0],
    ));
    let mut unscored = SolutionOption::new("reframe", "Offer replays instead", Lens::Reframe);
    unscored.scores.insert(
        verdict::model::CriterionId::new("impact"),
        Score::point(2.0),
    );
    s.options.push(unscored);
    s.kill_criteria = vec![
        KillCriterion {
            condition: "The second CDN cannot show 99.95 % in a trial month".into(),
            tripped: false,
        },
        KillCriterion {
            condition: "Budget frozen".into(),
            tripped: false,
        },
    ];
    let at = Utc.with_ymd_and_hms(2026, 3, 10, 15, 30, 0).unwrap();
    s.set_outcome(
        Outcome::Chosen {
            option: "multi-cdn".into(),
            rationale: "Best impact for the money, and reversible".into(),
        },
        at,
    );
    s.log.push(LogEntry {
        at,
        event: LogEvent::Note {
            text: "Agreed in the planning meeting".into(),
        },
    });
    s.notes = "PRIVATE-SESSION-NOTE".into();
    s
}

/// A session whose title, directive, framing, option titles, descriptions, rationales, kill
/// criteria and log all carry hostile text.
pub fn hostile_session() -> Session {
    let mut s = small_session();
    s.title = HOSTILE[0].into();
    s.directive.ask = HOSTILE.join("\n");
    s.directive.given_by = HOSTILE[1].into();
    s.framing.problem_statements = HOSTILE.iter().map(|t| t.to_string()).collect();
    s.criteria[0].name = "Impact | <b>".into();
    s.options.clear();
    for (i, title) in HOSTILE.iter().enumerate() {
        let v = 1.0 + (i % 5) as f64;
        let mut o = scored(
            &format!("o{i}"),
            title,
            Lens::Custom(title.to_string()),
            [v, 6.0 - v, 2.0],
        );
        o.description = title.to_string();
        s.options.push(o);
    }
    s.framing.success_metrics = HOSTILE.iter().map(|t| t.to_string()).collect();
    for (i, o) in s.options.iter_mut().enumerate() {
        let text = HOSTILE[(i + 1) % HOSTILE.len()];
        o.owner = text.into();
        o.strongest_case = text.into();
        o.wrong_if = text.into();
        o.first_result_weeks = Some(2.0);
        o.expected_results.push(ExpectedResult {
            result: text.into(),
            value: Some(-1.5),
            reaches: Some(i % 2 == 0),
            ..ExpectedResult::on(HOSTILE[i])
        });
    }
    s.next_steps = HOSTILE
        .iter()
        .map(|t| NextStep {
            text: t.to_string(),
            owner: t.to_string(),
            due: Some(today()),
            done: false,
        })
        .collect();
    s.review_date = Some(today());
    s.people.deciders = HOSTILE.iter().map(|t| t.to_string()).collect();
    s.people.informed = vec![HOSTILE[3].into()];
    for section in MemoSection::ALL.into_iter().step_by(2) {
        *s.memo.get_mut(section) = HOSTILE.join("\n\n");
    }
    s.log.push(LogEntry {
        at: Utc.with_ymd_and_hms(2026, 3, 13, 9, 0, 0).unwrap(),
        event: LogEvent::Reviewed {
            expected: HOSTILE[4].into(),
            happened: HOSTILE[0].into(),
            decision: Rating::Good,
            outcome: Rating::Poor,
        },
    });
    s.kill_criteria[0].condition = HOSTILE[7].into();
    s.kill_criteria[0].tripped = true;
    s.outcome = Outcome::Killed {
        rationale: HOSTILE[3].into(),
    };
    s
}
