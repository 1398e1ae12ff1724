//! cors-std
