//! The simple range header value (placeholder, being written).
