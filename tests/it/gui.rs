//! The window, tested through its real state: kittest flows that click by label, and a
//! smoke test of the real binary under a virtual X server.

mod flow;
mod presenting;
mod round;
mod smoke;
