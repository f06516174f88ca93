//! Integration tests: the portfolio — brute force and properties, the worked example, the
//! shipped folder, bad input and the command line.

mod cli;
mod example;
mod folder;
mod properties;
