//! Preferences kept between runs in eframe's storage, never in the document: theme, zoom,
//! recent files, the last place and the last session.

use crate::ui::nav::Place;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;
/// Smallest and largest zoom factor.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// The user's preferences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Dark theme (true) or light theme.
    pub dark: bool,
    /// Zoom factor, 1.0 is actual size.
    pub zoom: f32,
    /// Most recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The place shown when the window closed.
    pub last_place: Place,
    /// The session file open when the window closed.
    pub last_file: Option<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dark: true,
            zoom: 1.0,
            recent: Vec::new(),
            last_place: Place::Directive,
            last_file: None,
        }
    }
}

impl Prefs {
    /// The key under which eframe stores them.
    pub const STORAGE_KEY: &'static str = "verdict-prefs";

    /// Reads the preferences from eframe storage, or the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value::<Prefs>(s, Self::STORAGE_KEY))
            .unwrap_or_default()
            .sanitised()
    }

    /// Writes the preferences to eframe storage.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Self::STORAGE_KEY, self);
    }

    /// Puts `path` first in the recent files, without duplicates.
    pub fn add_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    /// Changes the zoom by `factor`, kept within [`ZOOM_RANGE`].
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
    }

    fn sanitised(mut self) -> Self {
        if !self.zoom.is_finite() {
            self.zoom = 1.0;
        }
        self.zoom = self.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        self.recent.truncate(MAX_RECENT);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reopening_a_recent_file_moves_it_to_the_top_once() {
        let mut prefs = Prefs::default();
        prefs.add_recent(Path::new("a.ron"));
        prefs.add_recent(Path::new("b.ron"));
        prefs.add_recent(Path::new("a.ron"));
        assert_eq!(
            prefs.recent,
            [PathBuf::from("a.ron"), PathBuf::from("b.ron")]
        );
    }

    #[test]
    fn zoom_stays_within_its_range() {
        let mut prefs = Prefs::default();
        for _ in 0..20 {
            prefs.zoom_by(1.25);
        }
        assert_eq!(prefs.zoom, ZOOM_RANGE.1);
    }

    #[test]
    fn preferences_survive_a_round_trip_through_storage_text() {
        let mut prefs = Prefs {
            dark: false,
            last_place: Place::Matrix,
            ..Prefs::default()
        };
        prefs.add_recent(Path::new("plan.ron"));
        let text = ron::to_string(&prefs).unwrap();
        assert_eq!(ron::from_str::<Prefs>(&text).unwrap(), prefs);
    }
}
