//! Integration tests: every export format read back by a real parser, hostile text, and
//! golden files for a small fixed session.

mod bluf;
mod browser;
mod csv;
mod edge;
mod fixture;
mod golden;
mod html;
mod json;
mod markdown;
mod memo;
mod reader;
