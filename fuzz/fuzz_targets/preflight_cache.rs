//! `PreflightCache`: over any sequence of stores (a validated preflight response's grant),
//! lookups, `needs_preflight`, clock advances and clears, every answer is the naive model's
//! (fuzz/src/cache.rs, written from the Fetch Standard), and after every operation the
//! cache's entries are a state the standard allows.
#![no_main]

use cors_fuzz::cache::{CacheOp, MAX_OPS, Model, Subject};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|ops: Vec<CacheOp<'_>>| {
    let (mut cache, mut model) = (Subject::default(), Model::default());
    for op in ops.iter().take(MAX_OPS) {
        assert_eq!(cache.run(op), model.run(op), "{op:?}; model {model:?}");
        let entries = cache.entries();
        assert!(
            model.allows(&entries),
            "{op:?}: {entries:?}; model {model:?}"
        );
        model.settle(entries);
    }
});
