//! Integration tests: every export format read back by a real parser, hostile text, and
//! golden files for a small fixed session.

mod fixture;
mod golden;
mod markdown;
