//! What the tests that run the `cors` binary share.

use std::path::PathBuf;
use std::process::Command;

/// The exit code, stdout and stderr of `cors ARGS`.
pub(crate) fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = match Command::new(env!("CARGO_BIN_EXE_cors")).args(args).output() {
        Ok(output) => output,
        Err(error) => panic!("cannot run cors: {error}"),
    };
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    (
        output.status.code(),
        text(output.stdout),
        text(output.stderr),
    )
}

/// A temporary file holding `text`, named for the test binary and `name`.
pub(crate) fn temp_file(name: &str, text: &str) -> PathBuf {
    let test = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let path = std::env::temp_dir().join(format!("cors-{test}-{}-{name}", std::process::id()));
    if let Err(error) = std::fs::write(&path, text) {
        panic!("cannot write {}: {error}", path.display());
    }
    path
}
