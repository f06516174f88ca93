//! Preferences kept between runs in eframe's storage, never in the document: theme, zoom,
//! recent files, the place each recent file was left on, and the last session.

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
    /// The place each recent file was last shown on, so reopening it goes back there.
    pub places: Vec<(PathBuf, Place)>,
    /// The session file open when the window closed.
    pub last_file: Option<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dark: true,
            zoom: 1.0,
            recent: Vec::new(),
            places: Vec::new(),
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
        self.forget_places_not_recent();
    }

    /// Remembers that `path` is shown on `place` (kept while the file is a recent one).
    pub fn remember_place(&mut self, path: &Path, place: Place) {
        self.places.retain(|(p, _)| p != path);
        self.places.push((path.to_path_buf(), place));
        self.forget_places_not_recent();
    }

    /// The place `path` was left on, if it is a recent file.
    pub fn place_of(&self, path: &Path) -> Option<Place> {
        self.places
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, place)| *place)
    }

    fn forget_places_not_recent(&mut self) {
        let recent = &self.recent;
        self.places.retain(|(p, _)| recent.contains(p));
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
        self.forget_places_not_recent();
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
    fn a_recent_file_is_reopened_where_it_was_left_and_others_start_on_directive() {
        let mut prefs = Prefs::default();
        prefs.add_recent(Path::new("a.ron"));
        prefs.remember_place(Path::new("a.ron"), Place::Matrix);
        prefs.remember_place(Path::new("not-recent.ron"), Place::Log);
        assert_eq!(prefs.place_of(Path::new("a.ron")), Some(Place::Matrix));
        assert_eq!(prefs.place_of(Path::new("not-recent.ron")), None);
        for n in 0..MAX_RECENT {
            prefs.add_recent(Path::new(&format!("other-{n}.ron")));
        }
        assert_eq!(
            prefs.place_of(Path::new("a.ron")),
            None,
            "forgotten with the file"
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
            ..Prefs::default()
        };
        prefs.add_recent(Path::new("plan.ron"));
        prefs.remember_place(Path::new("plan.ron"), Place::Matrix);
        let text = ron::to_string(&prefs).unwrap();
        assert_eq!(ron::from_str::<Prefs>(&text).unwrap(), prefs);
    }
}
