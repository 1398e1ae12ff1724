//! MIME types (placeholder, being written).
