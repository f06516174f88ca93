//! Exports of the decision summary as strings; no I/O.
