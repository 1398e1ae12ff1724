//! Shared helpers of the cors workspace's tests: fixture loaders and table runners.
