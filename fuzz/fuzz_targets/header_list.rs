//! `list_elements`: the elements are trimmed, non-empty and free of `,`, and joined by `,`
//! they are the value with the whitespace around its commas and its empty elements removed.
//! `DecodeSplit`: one item more than the commas outside quoted strings, each item the
//! trimmed text between them, reported too long exactly when it is over the limit.
#![no_main]

use cors_core::http::list::list_elements;
use cors_core::limits::MAX_SPLIT_ITEM_LEN;
use cors_fuzz::browser::{decode_split, reference_list_join, reference_split, trim_ows};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let elements: Vec<&[u8]> = list_elements(data).collect();
    for element in &elements {
        assert!(!element.is_empty() && trim_ows(element) == *element && !element.contains(&b','));
    }
    assert_eq!(elements.join(&b","[..]), reference_list_join(data));
    let items = reference_split(data).into_iter();
    let want = items.map(|item| (item.len() <= MAX_SPLIT_ITEM_LEN).then(|| item.to_vec()));
    assert_eq!(decode_split(data), want.collect::<Vec<_>>());
});
