//! The window, tested through its real state: kittest flows that click by label, and a
//! smoke test of the real binary under a virtual X server.

mod blind;
mod criteria;
mod dates;
mod drafts;
mod flow;
mod import;
mod keyboard;
mod layout;
mod notice;
mod presenting;
mod reach;
mod round;
mod smoke;
