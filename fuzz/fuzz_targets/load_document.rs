//! Any bytes given to the loader give a session or an error, never a panic, a hang or a
//! stack overflow; a session that loads also saves and loads back equal.

#![no_main]

use libfuzzer_sys::fuzz_target;
use verdict::store;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(session) = store::load_document(bytes) {
        let text = store::to_canonical_ron(&session);
        let again = store::load_document(text.as_bytes()).expect("canonical text loads");
        assert_eq!(again, session, "canonical text loads back equal");
        assert_eq!(
            store::to_canonical_ron(&again),
            text,
            "canonical text is a fixed point"
        );
    }
});
