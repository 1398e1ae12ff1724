extern crate std;
use std::string::ToString;

use super::host::Host;
use super::*;

#[test]
fn roundtrip_serialize_into_exact_buffer_and_too_small_by_one() {
    let origin = Origin::tuple("https", Host::Domain("example.com"), Some(8443));
    let expected = "https://example.com:8443";
    assert_eq!(serialized_len(&origin), expected.len());
    let mut buf = [0u8; 24];
    assert_eq!(origin.serialize_into(&mut buf), Ok(expected));
    let mut small = [0u8; 23];
    assert_eq!(
        origin.serialize_into(&mut small),
        Err(CapacityError { needed: 24 })
    );
    assert_eq!(origin.to_string(), expected);
}

#[test]
fn opaque_serializes_as_null_and_is_only_same_origin_with_itself() {
    let a = Origin::Opaque(OpaqueId(1));
    let b = Origin::Opaque(OpaqueId(2));
    assert_eq!(a.to_string(), "null");
    assert!(a.is_same_origin(&a));
    assert!(!a.is_same_origin(&b));
    assert!(!a.is_same_origin(&Origin::tuple("https", Host::Domain("null"), None)));
}

#[test]
fn same_origin_ignores_domain_and_same_origin_domain_uses_it() {
    let plain = Origin::tuple("https", Host::Domain("example.org"), None);
    let with_domain = Origin::Tuple(TupleOrigin {
        domain: Some("example.org"),
        ..TupleOrigin::new("https", Host::Domain("example.org"), None)
    });
    assert!(plain.is_same_origin(&with_domain));
    assert!(!plain.is_same_origin_domain(&with_domain));
    assert_eq!(
        with_domain.effective_domain(),
        Some(Host::Domain("example.org"))
    );
}
