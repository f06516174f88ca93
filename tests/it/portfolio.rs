//! Integration tests: the portfolio — brute force and properties, the worked example, the
//! shipped folder, bad input, the command line and the window.

mod cli;
mod example;
mod folder;
mod properties;
mod view;
