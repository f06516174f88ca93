//! The worked example of `docs/PORTFOLIO.md`, built from its own table and checked number by
//! number, and the example portfolio shipped in `saves/portfolio/`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use verdict::model::{
    Effort, Lens, OptionId, Outcome, PortfolioMember as Member, PortfolioSettings, Session,
    SolutionOption, slugify,
};
use verdict::portfolio::{ChangeKind, Portfolio, Standing};

fn doc() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/PORTFOLIO.md")).unwrap()
}

/// The rows of the first table after `heading`, as cells (header and rule left out).
fn table(doc: &str, heading: &str) -> Vec<Vec<String>> {
    let start = doc
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?}"));
    doc[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

fn number(cell: &str) -> f64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("{cell:?} is not a number"))
}

fn lens(name: &str) -> Lens {
    match name {
        "Buy" => Lens::Buy,
        "Process" => Lens::Process,
        "DoNothing" => Lens::DoNothing,
        _ => Lens::ReArchitect,
    }
}

/// The sessions of the worked example, from the doc's own table.
pub fn worked_example() -> Portfolio {
    let doc = doc();
    let mut sessions: BTreeMap<String, Session> = BTreeMap::new();
    for row in table(&doc, "### The sessions") {
        let s = sessions.entry(row[0].clone()).or_insert_with(|| {
            let mut s = Session::new(&format!("{} directive", row[0]));
            s.title = row[0].clone();
            s.criteria[1].measures_effort = true;
            s.stakes = (row[1] != "—").then(|| number(&row[1]));
            s
        });
        let id = slugify(&row[2]);
        let mut option = SolutionOption::new(&id, &row[2], lens(&row[3]))
            .with_score("impact", number(&row[4]))
            .with_score("cost", 3.0)
            .with_score("trust-risk", number(&row[5]));
        option.effort = Some(Effort::weeks(number(&row[6])));
        s.options.push(option);
        if row[7] == "yes" {
            s.outcome = Outcome::Chosen {
                option: OptionId::new(id),
                rationale: String::new(),
            };
        }
    }
    let members: Vec<Member> = sessions
        .into_iter()
        .map(|(title, session)| Member {
            path: format!("{}.ron", title.to_lowercase()),
            session,
        })
        .collect();
    let settings = PortfolioSettings {
        capacity: Some(12.0),
        ..PortfolioSettings::default()
    };
    Portfolio::new(settings, &members).unwrap()
}

fn entry(p: &Portfolio, title: &str) -> usize {
    p.entries.iter().position(|e| e.title == title).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.0005
}

#[test]
fn the_worked_example_values_are_those_in_the_doc() {
    let p = worked_example();
    for row in table(&doc(), "### The values") {
        let e = &p.entries[entry(&p, &row[0])];
        let c = e
            .candidates
            .iter()
            .find(|c| c.title == row[1])
            .unwrap_or_else(|| panic!("{row:?}"));
        assert!(close(c.value, number(&row[4])), "{row:?}: {}", c.value);
    }
    assert_eq!(p.entries[entry(&p, "Portal")].standing, Standing::NoStakes);
}

#[test]
fn the_worked_example_plan_kill_candidate_and_frontier_are_those_in_the_doc() {
    let p = worked_example();
    let doc = doc();
    let plan = p.plan(12.0);
    for row in table(&doc, "### The best plan at 12 person-weeks") {
        let e = entry(&p, &row[0]);
        let funded = plan
            .funded(e)
            .map(|c| p.entries[e].candidates[c].title.clone());
        assert_eq!(funded.as_deref().unwrap_or("—"), row[1], "{row:?}");
        let change = plan.changes.iter().find(|c| c.entry == e).map(|c| c.kind);
        let expected = match row[4].as_str() {
            "Shrink" => Some(ChangeKind::Shrink),
            "Fund" => Some(ChangeKind::Fund),
            "Kill" => Some(ChangeKind::Kill),
            _ => None,
        };
        assert_eq!(change, expected, "{row:?}");
    }
    assert!(doc.contains(&format!(
        "Total value: {} for {} person-weeks",
        plan.value, plan.effort
    )));
    let kill: Vec<_> = plan.kill_candidates().collect();
    assert_eq!(kill.len(), 1);
    assert_eq!(p.entries[kill[0].entry].title, "Mobile");
    assert!(doc.contains(&format!(
        "Mobile frees {} person-weeks and gives up {}",
        kill[0].frees_weeks, kill[0].gives_up
    )));
    let today = p.today();
    assert!(doc.contains(&format!(
        "Today's plan: {} person-weeks for {}; the best plan for {} person-weeks brings {},\n  {:.1} % more",
        today.effort,
        today.value,
        today.effort,
        today.best_for_same_effort,
        today.gain_percent().unwrap()
    )));
    let advice = p.what_to_drop(&plan, entry(&p, "Mobile")).unwrap();
    assert!(doc.contains(&format!("To fund Mobile: {} of value lost", advice.loss)));
    let frontier: Vec<(f64, f64)> = table(&doc, "### The frontier")
        .iter()
        .map(|r| (number(&r[0]), number(&r[1])))
        .collect();
    let computed = p.frontier();
    assert_eq!(computed.len(), frontier.len(), "{computed:?}");
    for (a, b) in computed.iter().zip(&frontier) {
        assert!(close(a.0, b.0) && close(a.1, b.1), "{computed:?}");
    }
}

#[test]
fn the_shipped_portfolio_kills_one_chosen_project_and_shrinks_another() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/portfolio");
    let folder = verdict::store::load_portfolio(&root, 2).unwrap();
    assert!(folder.problems.is_empty(), "{:?}", folder.problems);
    assert!(
        folder.settings_problems.is_empty(),
        "{:?}",
        folder.settings_problems
    );
    assert!((6..=8).contains(&folder.members.len()));
    let p = Portfolio::new(folder.settings.clone(), &folder.members).unwrap();
    let plan = p.plan(folder.settings.capacity.unwrap());
    assert!(plan.infeasible.is_none());
    let kinds: Vec<ChangeKind> = plan.changes.iter().map(|c| c.kind).collect();
    assert!(kinds.contains(&ChangeKind::Kill), "{kinds:?}");
    assert!(kinds.contains(&ChangeKind::Shrink), "{kinds:?}");
    let givers: std::collections::BTreeSet<&str> = folder
        .members
        .iter()
        .map(|m| m.session.directive.given_by.as_str())
        .collect();
    assert_eq!(
        givers.len(),
        folder.members.len(),
        "one directive per person"
    );
    let today = p.today();
    assert!(
        today.effort > plan.capacity,
        "the sessions ask for more than there is"
    );
    assert!(plan.value > today.value);
}
