//! `list_elements`: the elements are trimmed, non-empty and free of `,`, and joined by `,`
//! they are the value with the whitespace around its commas and its empty elements removed.
//! `DecodeSplit`: one item more than the commas outside quoted strings, each item the
//! trimmed text between them (`TooLong` exactly when that is over the limit).
#![no_main]

use cors_core::http::list::list_elements;
use cors_core::http::split::{DecodeSplit, SplitItem};
use cors_core::limits::MAX_SPLIT_ITEM_LEN;
use cors_fuzz::browser::{reference_list_join, reference_split, trim_ows};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let elements: Vec<&[u8]> = list_elements(data).collect();
    for element in &elements {
        assert!(!element.is_empty() && trim_ows(element) == *element && !element.contains(&b','));
    }
    assert_eq!(elements.join(&b","[..]), reference_list_join(data));
    let want = reference_split(data);
    let mut split = DecodeSplit::new(data.iter().copied());
    for (index, item) in want.iter().enumerate() {
        match split.next_item() {
            Some(SplitItem::Item(got)) => assert_eq!(got, *item, "item {index}"),
            Some(SplitItem::TooLong) => assert!(item.len() > MAX_SPLIT_ITEM_LEN, "item {index}"),
            None => panic!("{} items, want {}", index, want.len()),
        }
    }
    assert_eq!(split.next_item(), None, "more than {} items", want.len());
});
