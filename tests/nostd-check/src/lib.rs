//! A `#![no_std]` staticlib that calls `cors-core`'s origin parser and serializer.
//!
//! It has no `std` and no `alloc`, and it defines its own `#[panic_handler]`: if `cors-core`
//! (or anything it depends on) pulled in `std` or `alloc`, this crate would fail to build
//! with a duplicate `panic_impl` lang item (E0152) or "no global memory allocator found".
//! Build it with `cargo build -p cors-nostd-check --profile nostd` (panic = "abort"), or run
//! `scripts/nostd-check`, which also checks the dependency tree and the exported symbols.
//!
//! It is `no_std` only when panics abort: the precompiled `core` cannot unwind without `std`
//! ("unwinding panics are not supported without std"), so in the unwinding profiles (`dev`,
//! `test`, `release`) it links `std` and uses its panic handler, and `cargo build
//! --workspace` and `cargo clippy --workspace` keep working. The proof is the `nostd`
//! profile.
#![cfg_attr(panic = "abort", no_std)]

use cors_core::{OpaqueId, parse_origin_or_null, url_origin};

/// Parses the first `len` bytes of `buf` as an `Origin` header value (`origin-or-null`) and
/// writes the origin's serialization back into `buf`.
///
/// Returns the length of the serialization written, or 0 when the value does not parse or
/// `len` exceeds the buffer. The buffer is fixed-size so that no raw pointer (and no `unsafe`
/// beyond the symbol export) is needed.
#[allow(unsafe_code, reason = "an unmangled symbol that C and `nm` can find")]
#[unsafe(no_mangle)]
pub extern "C" fn cors_check_origin_roundtrip(buf: &mut [u8; 512], len: usize) -> usize {
    let mut copy = [0u8; 512];
    let Some(input) = buf.get(..len) else {
        return 0;
    };
    let Some(target) = copy.get_mut(..len) else {
        return 0;
    };
    target.copy_from_slice(input);
    let Some(value) = copy.get(..len) else {
        return 0;
    };
    match parse_origin_or_null(value) {
        Ok(origin) => origin
            .to_origin(OpaqueId(0))
            .serialize_into(buf)
            .map_or(0, str::len),
        Err(_) => 0,
    }
}

/// Computes the origin of the URL held in the first `len` bytes of `buf` (UTF-8, ASCII hosts
/// only) and writes its serialization back into `buf`.
///
/// Returns the length of the serialization written, or 0 when the URL does not parse.
#[allow(unsafe_code, reason = "an unmangled symbol that C and `nm` can find")]
#[unsafe(no_mangle)]
pub extern "C" fn cors_check_url_origin(buf: &mut [u8; 512], len: usize) -> usize {
    let mut copy = [0u8; 512];
    let Some(input) = buf.get(..len) else {
        return 0;
    };
    let Some(target) = copy.get_mut(..len) else {
        return 0;
    };
    target.copy_from_slice(input);
    let Some(text) = copy.get(..len).and_then(|b| core::str::from_utf8(b).ok()) else {
        return 0;
    };
    match url_origin(text, None) {
        Ok(origin) => origin
            .as_origin(OpaqueId(0))
            .serialize_into(buf)
            .map_or(0, str::len),
        Err(_) => 0,
    }
}

/// Never runs: `cors-core` does not panic. Defining it is what makes `std` an error.
#[cfg(panic = "abort")]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}
