//! The `verdict` binary.

fn main() {
    let _ = verdict::app::run(None);
}
