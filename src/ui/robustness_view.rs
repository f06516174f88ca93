//! The Robustness view: how robust the winner is, in pictures and one plain line.
