//! A `#![no_std]` staticlib that calls `cors-core`'s origin parser and serializer.
//!
//! It has no `std` and no `alloc`, and it defines its own `#[panic_handler]`: if `cors-core`
//! (or anything it depends on) pulled in `std` or `alloc`, this crate would fail to build
//! with a duplicate `panic_impl` lang item or an unresolved allocator. Build it with
//! `cargo build -p cors-nostd-check --profile nostd` (panic = "abort").
#![no_std]

use cors_core::{OpaqueId, OriginOrNull, parse_origin_or_null, url_origin};

/// Parses `len` bytes at `ptr`... no: takes a fixed buffer so no `unsafe` is needed.
/// Returns the length of the canonical serialization written back into `buf`, or 0 on error.
#[unsafe(no_mangle)]
pub extern "C" fn cors_check_origin_roundtrip(buf: &mut [u8; 512], len: usize) -> usize {
    let mut copy = [0u8; 512];
    let Some(input) = buf.get(..len) else { return 0 };
    let Some(target) = copy.get_mut(..len) else { return 0 };
    target.copy_from_slice(input);
    let Some(value) = copy.get(..len) else { return 0 };
    let origin = match parse_origin_or_null(value) {
        Ok(OriginOrNull::Origin(tuple)) => cors_core::Origin::Tuple(tuple),
        Ok(OriginOrNull::Null) => cors_core::Origin::Opaque(OpaqueId(0)),
        Err(_) => return 0,
    };
    origin.serialize_into(buf).map_or(0, str::len)
}

/// Computes the origin of an ASCII URL held in `buf` and writes its serialization back.
#[unsafe(no_mangle)]
pub extern "C" fn cors_check_url_origin(buf: &mut [u8; 512], len: usize) -> usize {
    let mut copy = [0u8; 512];
    let Some(input) = buf.get(..len) else { return 0 };
    let Some(target) = copy.get_mut(..len) else { return 0 };
    target.copy_from_slice(input);
    let Some(text) = copy.get(..len).and_then(|b| core::str::from_utf8(b).ok()) else {
        return 0;
    };
    match url_origin(text, None) {
        Ok(origin) => origin.as_origin(OpaqueId(0)).serialize_into(buf).map_or(0, str::len),
        Err(_) => 0,
    }
}

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}
