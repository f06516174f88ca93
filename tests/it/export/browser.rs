//! The HTML one-pager and the HTML memo rendered by headless Chromium: neither screenshot may be blank.
//!
//! Without Chromium the test prints a skip note, unless the `CI` variable is set: then it
//! fails, because CI installs Chromium.

use super::fixture::{small_session, today};
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;
use verdict::export::{Format, render};

/// The first Chromium binary found on `PATH`.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|candidate| candidate.is_file())
}

#[test]
fn the_html_export_renders_in_headless_chromium_as_a_non_blank_page() {
    rendered_page_is_not_blank(Format::Html, "summary");
}

#[test]
fn the_html_memo_renders_in_headless_chromium_as_a_non_blank_page() {
    rendered_page_is_not_blank(Format::MemoHtml, "memo");
}

fn rendered_page_is_not_blank(format: Format, name: &str) {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is not installed, and CI is set: install the `chromium` package"
        );
        eprintln!("skipped: Chromium is not installed (set CI to make this a failure)");
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let page = dir.path().join(format!("{name}.html"));
    let png = dir.path().join(format!("{name}.png"));
    std::fs::write(&page, render(&small_session(), format, today())).expect("write page");
    let profile = dir.path().join(format!("profile-{name}"));
    let status = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,1600")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run Chromium");
    assert!(
        png.is_file(),
        "no screenshot from {}: {}",
        browser.display(),
        String::from_utf8_lossy(&status.stderr)
    );
    if let Some(keep) = std::env::var_os("VERDICT_SCREENSHOT") {
        std::fs::copy(&png, keep).expect("keep the screenshot");
    }
    let image = image::open(&png).expect("decode the screenshot").to_rgb8();
    assert_eq!((image.width(), image.height()), (1200, 1600));
    let colours: HashSet<[u8; 3]> = image.pixels().map(|p| p.0).collect();
    let non_white = image.pixels().filter(|p| p.0 != [255, 255, 255]).count();
    assert!(
        colours.len() > 50,
        "only {} colours: blank page?",
        colours.len()
    );
    let share = non_white as f64 / f64::from(image.width() * image.height());
    assert!(
        share > 0.03,
        "only {:.1} % of the page is drawn on",
        share * 100.0
    );
}
