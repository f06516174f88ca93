//! A mistyped subcommand (`verdict rnak FILE`) would otherwise be taken for a session file
//! to open in the window; this spots it and names the subcommand that was meant.

/// The subcommand names a bare first argument is compared with.
const SUBCOMMANDS: [&str; 10] = [
    "new",
    "check",
    "fmt",
    "rank",
    "export",
    "analyze",
    "merge",
    "import",
    "review",
    "portfolio",
];

/// The subcommand `word` is most likely a typo of, if any.
///
/// Only a bare word can be a typo: anything with a dot or a path separator is a file name.
/// A word within two edits of a subcommand (one edit for words of three letters or fewer)
/// counts as a typo.
pub fn meant_subcommand(word: &str) -> Option<&'static str> {
    if word.is_empty() || word.contains(['.', '/', '\\']) {
        return None;
    }
    let lower = word.to_lowercase();
    if SUBCOMMANDS.contains(&word) {
        // A real subcommand (`export`) is never a typo of a near one (`import`).
        return None;
    }
    SUBCOMMANDS
        .iter()
        .map(|name| (edit_distance(&lower, name), *name))
        .filter(|&(distance, name)| distance <= if name.len() <= 3 { 1 } else { 2 })
        .min()
        .map(|(_, name)| name)
}

/// Levenshtein distance in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_of_subcommands_are_recognised() {
        assert_eq!(meant_subcommand("rnak"), Some("rank"));
        assert_eq!(meant_subcommand("chek"), Some("check"));
        assert_eq!(meant_subcommand("Export"), Some("export"));
        assert_eq!(meant_subcommand("fnt"), Some("fmt"));
    }

    #[test]
    fn file_names_and_unrelated_words_are_left_alone() {
        assert_eq!(meant_subcommand("rank.ron"), None);
        assert_eq!(meant_subcommand("saves/rnak"), None);
        assert_eq!(meant_subcommand("budget"), None);
        assert_eq!(meant_subcommand("rank"), None);
        assert_eq!(meant_subcommand("export"), None, "not a typo of import");
        assert_eq!(meant_subcommand("imprt"), Some("import"));
        assert_eq!(meant_subcommand(""), None);
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("rank", "rank"), 0);
        assert_eq!(edit_distance("rnak", "rank"), 2);
        assert_eq!(edit_distance("chek", "check"), 1);
        assert_eq!(edit_distance("", "fmt"), 3);
    }
}
