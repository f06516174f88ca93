//! Runs heavy analysis (Monte Carlo) off the UI thread, cached by document revision.
