//! `verdict new`: a fresh session from a criteria set, with the challenge questions and the
//! options named; `--list-criteria` lists the sets.

use super::lens_name;
use crate::model::{CriteriaSet, Lens, Session};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The directive, word for word as it was given.
    #[arg(
        long,
        value_name = "TEXT",
        value_parser = non_blank,
        required_unless_present = "list_criteria"
    )]
    pub goal: Option<String>,
    /// The criteria to start from: default, cost-reduction, availability, build-vs-buy or
    /// platform-migration (see --list-criteria).
    #[arg(long, value_name = "NAME", value_parser = parse_criteria_set, default_value = "default")]
    pub criteria: &'static CriteriaSet,
    /// List the criteria sets with their criteria and units, then exit.
    #[arg(long, conflicts_with_all = ["goal", "title", "options", "output"])]
    pub list_criteria: bool,
    /// A short title for the session (exports fall back to the directive).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// An option to start with, as `TITLE` or `TITLE:LENS` (repeatable). LENS is one of
    /// re-architect, buy, reallocate, reframe, process, do-nothing, kill, custom; without it
    /// the lens is custom. Only a known lens after the last colon is taken as the lens, so
    /// colons and URLs stay in the title. A title starting with `-` is written
    /// `--option=-TITLE`.
    #[arg(long = "option", value_name = "TITLE[:LENS]", value_parser = parse_option_spec)]
    pub options: Vec<OptionSpec>,
    /// Write the session to FILE (atomically) instead of printing it; FILE must not exist.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// One `--option` argument, already checked.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSpec {
    /// The option's title.
    pub title: String,
    /// Its lens.
    pub lens: Lens,
}

fn non_blank(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("the directive must not be empty".to_owned())
    } else {
        Ok(text.to_owned())
    }
}

fn parse_criteria_set(name: &str) -> Result<&'static CriteriaSet, String> {
    CriteriaSet::named(name.trim()).ok_or_else(|| {
        format!(
            "unknown criteria set `{}`: use one of {} (verdict new --list-criteria shows them)",
            name.trim(),
            CriteriaSet::names()
        )
    })
}

/// Every shipped criteria set: its name and title, what it measures, and its criteria with
/// their units, directions and vetoes.
pub fn criteria_listing() -> String {
    let mut out = String::new();
    for set in CriteriaSet::shipped() {
        out.push_str(&format!(
            "{} — {}\n    {}\n",
            set.name, set.title, set.description
        ));
        for c in &set.criteria {
            let veto = c.veto.map(|v| format!(", veto {v}")).unwrap_or_default();
            out.push_str(&format!(
                "    - {}: {} to {}, {}{veto}\n",
                c.name_with_unit(),
                c.scale.lo,
                c.scale.hi,
                c.direction.label()
            ));
        }
    }
    out
}

/// Reads `TITLE` or `TITLE:LENS`.
///
/// The text after the last colon is the lens only when it names one (see
/// [`lens_name::parse`]); anything else after a colon belongs to the title, so
/// `Option A: cache it`, `Phase 2:rollout` and `https://status.example.com` are titles with
/// the custom lens.
fn parse_option_spec(text: &str) -> Result<OptionSpec, String> {
    let spec = match text
        .rsplit_once(':')
        .and_then(|(title, word)| Some((title, lens_name::parse(word)?)))
    {
        Some((title, lens)) => OptionSpec {
            title: title.trim().to_owned(),
            lens,
        },
        None => OptionSpec {
            title: text.trim().to_owned(),
            lens: Lens::Custom(String::new()),
        },
    };
    if spec.title.is_empty() {
        return Err("the option title must not be empty".to_owned());
    }
    Ok(spec)
}

/// A note for an option whose title ends in `:WORD` where WORD looks like a mistyped lens:
/// the title keeps it, but the user may have meant the lens.
fn near_miss_note(spec: &OptionSpec) -> Option<String> {
    let (_, word) = spec.title.rsplit_once(':')?;
    let meant = lens_name::near_miss(word)?;
    Some(format!(
        "“{}” keeps `{}` in its title: it is no lens (did you mean `{meant}`?)",
        spec.title,
        word.trim()
    ))
}

/// The session `args` describe: the directive, the criteria set and the options in order.
pub fn session_from(args: &NewArgs) -> Session {
    let goal = args.goal.as_deref().unwrap_or_default();
    let mut session = Session::with_criteria(goal.trim(), args.criteria);
    if let Some(title) = &args.title {
        session.title = title.trim().to_owned();
    }
    for spec in &args.options {
        session.add_option(&spec.title, spec.lens.clone());
    }
    session
}

/// Runs `verdict new`.
///
/// # Errors
/// When the output file exists or cannot be written.
pub fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    if args.list_criteria {
        super::io::emit(&criteria_listing())?;
        return Ok(ExitCode::SUCCESS);
    }
    for note in args.options.iter().filter_map(near_miss_note) {
        eprintln!("note: {note}");
    }
    let session = session_from(args);
    match &args.output {
        None => super::io::emit(&super::io::canonical_ron(&session)?)?,
        Some(path) => {
            super::io::create_new(path, &session)?;
            eprintln!("{}: new session written", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_spec_takes_its_lens_from_the_last_colon() {
        let spec = parse_option_spec("Buy a multi-CDN: buy").unwrap();
        assert_eq!(spec.title, "Buy a multi-CDN");
        assert_eq!(spec.lens, Lens::Buy);
        let spec = parse_option_spec("Do nothing:do-nothing").unwrap();
        assert_eq!(spec.lens, Lens::DoNothing);
    }

    #[test]
    fn an_option_spec_without_a_lens_is_custom() {
        let spec = parse_option_spec("Phase 2: shadow traffic").unwrap();
        assert_eq!(spec.title, "Phase 2: shadow traffic");
        assert_eq!(spec.lens, Lens::Custom(String::new()));
    }

    #[test]
    fn colons_that_name_no_lens_stay_in_the_title() {
        for title in [
            "Option A: cache it",
            "Phase 2:rollout",
            "https://status.example.com",
            "Ratio 3:1",
        ] {
            let spec = parse_option_spec(title).unwrap();
            assert_eq!(spec.title, title);
            assert_eq!(spec.lens, Lens::Custom(String::new()));
        }
        let spec = parse_option_spec("See https://example.com/a:b:buy").unwrap();
        assert_eq!(
            (spec.title.as_str(), spec.lens),
            ("See https://example.com/a:b", Lens::Buy)
        );
    }

    #[test]
    fn a_mistyped_lens_stays_in_the_title_with_a_note() {
        let spec = parse_option_spec("Buy a CDN:bye").unwrap();
        assert_eq!(spec.title, "Buy a CDN:bye");
        let note = near_miss_note(&spec).expect("a note");
        assert!(note.contains("did you mean `buy`"), "{note}");
        assert_eq!(
            near_miss_note(&parse_option_spec("Phase 2:rollout").unwrap()),
            None
        );
    }

    #[test]
    fn an_option_spec_needs_a_title() {
        assert!(parse_option_spec(":buy").is_err());
        assert!(parse_option_spec("  ").is_err());
    }

    #[test]
    fn options_keep_their_order_and_get_unique_ids() {
        let args = NewArgs {
            goal: Some(" make checkout faster ".into()),
            criteria: CriteriaSet::default_set(),
            list_criteria: false,
            title: None,
            options: vec![
                parse_option_spec("Cache:re-architect").unwrap(),
                parse_option_spec("Cache:buy").unwrap(),
            ],
            output: None,
        };
        let s = session_from(&args);
        assert_eq!(s.directive.ask, "make checkout faster");
        let ids: Vec<_> = s.options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["cache", "cache-2"]);
        assert!(crate::model::validate(&s).is_empty());
    }

    #[test]
    fn a_criteria_set_is_chosen_by_name_and_an_unknown_one_lists_the_names() {
        assert_eq!(
            parse_criteria_set(" availability ").unwrap().name,
            "availability"
        );
        let err = parse_criteria_set("cheap").unwrap_err();
        assert!(
            err.contains("unknown criteria set `cheap`: use one of default, cost-reduction"),
            "{err}"
        );
    }

    #[test]
    fn the_listing_shows_every_set_with_units_and_vetoes() {
        let listing = criteria_listing();
        for set in CriteriaSet::shipped() {
            assert!(listing.contains(&format!("{} — {}", set.name, set.title)));
        }
        assert!(listing.contains("    - Annual savings (k$ / year): 0 to 500, higher is better\n"));
        assert!(
            listing.contains(
                "    - Time to first saving (months): 0 to 18, lower is better, veto 12\n"
            )
        );
    }
}
