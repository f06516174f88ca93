//! Integration tests: one set of decision rules — ties, vetoes, flip points, the
//! recommendation and the robustness verdict — read the same by every surface.

mod examples;
mod generate;
mod properties;
mod surfaces;
