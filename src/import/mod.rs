//! Reading a decision's data from other tools: a scoring matrix from CSV shaped like the
//! CSV export, checked against the session before anything changes. Text in, checked data
//! out; no files (the command line and the app read them through [`crate::store`]).

mod csv_matrix;

pub use csv_matrix::{
    ImportError, ImportIssue, ImportRow, MatrixImport, apply_import, parse_matrix_csv,
};
