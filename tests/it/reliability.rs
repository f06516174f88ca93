//! Integration tests: reliability.
