//! Integration tests: gui.
