//! `cors origin`: the origin of a URL.
//!
//! <https://url.spec.whatwg.org/#concept-url-origin>

use std::io::{self, BufRead, Write};

use serde::{Deserialize, Serialize};

use super::{CliError, Io, Status};

/// The longest JSON Lines input line read, in bytes; a longer line is answered with an error
/// and skipped.
const MAX_LINE_LEN: usize = 1 << 20;

/// Arguments of `cors origin`.
#[derive(Debug, clap::Args)]
pub(crate) struct OriginArgs {
    /// The URL whose origin to print.
    #[arg(
        value_name = "URL",
        required_unless_present = "jsonl",
        conflicts_with = "jsonl"
    )]
    url: Option<String>,
    /// The base URL to parse URL against.
    #[arg(long, value_name = "URL", conflicts_with = "jsonl")]
    base: Option<String>,
    /// Read JSON Lines {"input": "...", "base": "..." | null} on standard input and write
    /// one line per input line: {"origin": "..."} or {"error": "..."}.
    #[arg(long)]
    jsonl: bool,
}

/// One input line of `--jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    /// The URL.
    input: String,
    /// The base URL, or null.
    #[serde(default)]
    base: Option<String>,
}

/// An answer, serialized as `{"origin": "..."}` or `{"error": "..."}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
enum Answer {
    /// The ASCII serialization of the origin (`null` when opaque).
    Origin(String),
    /// Why the URL, its base, or the input line was rejected.
    Error(String),
}

impl Answer {
    /// The origin of `input` against `base`.
    fn of(input: &str, base: Option<&str>) -> Self {
        match cors_std::url_origin(input, base) {
            Ok(origin) => Self::Origin(origin.to_string()),
            Err(error) => Self::Error(error.to_string()),
        }
    }

    /// Writes this answer as one JSON line.
    fn write_json(&self, out: &mut dyn Write) -> Result<(), CliError> {
        let mut line = serde_json::to_vec(self).map_err(|error| CliError::Write(error.into()))?;
        line.push(b'\n');
        out.write_all(&line).map_err(CliError::Write)
    }
}

/// Runs `cors origin`.
pub(super) fn run(args: &OriginArgs, json: bool, io: &mut Io<'_>) -> Result<Status, CliError> {
    if args.jsonl {
        return run_jsonl(io);
    }
    // clap requires URL unless --jsonl is given.
    let Some(url) = args.url.as_deref() else {
        return Ok(Status::Failure);
    };
    let answer = Answer::of(url, args.base.as_deref());
    if json {
        answer.write_json(io.stdout)?;
    } else {
        match &answer {
            Answer::Origin(origin) => writeln!(io.stdout, "{origin}").map_err(CliError::Write)?,
            Answer::Error(error) => {
                writeln!(io.stderr, "error: {error}").map_err(CliError::Write)?
            }
        }
    }
    Ok(match answer {
        Answer::Origin(_) => Status::Success,
        Answer::Error(_) => Status::Failure,
    })
}

/// `cors origin --jsonl`: one answer per input line, until the end of standard input.
fn run_jsonl(io: &mut Io<'_>) -> Result<Status, CliError> {
    let mut line = Vec::new();
    while let Some(fits) = read_line(io.stdin, &mut line).map_err(CliError::Read)? {
        let answer = if fits {
            match serde_json::from_slice::<Request>(&line) {
                Ok(request) => Answer::of(&request.input, request.base.as_deref()),
                Err(error) => Answer::Error(format!("invalid JSON line: {error}")),
            }
        } else {
            Answer::Error(format!(
                "invalid JSON line: longer than {MAX_LINE_LEN} bytes"
            ))
        };
        answer.write_json(io.stdout)?;
    }
    Ok(Status::Success)
}

/// Reads one line (without its `\n`) into `line`. Returns `None` at the end of the input,
/// `Some(true)` for a line, and `Some(false)` for a line longer than [`MAX_LINE_LEN`], which
/// is consumed but not kept.
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    line.clear();
    let (mut read_any, mut fits) = (false, true);
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buf.is_empty() {
            return Ok(read_any.then_some(fits));
        }
        read_any = true;
        let newline = buf.iter().position(|&byte| byte == b'\n');
        let chunk = newline.and_then(|at| buf.get(..at)).unwrap_or(buf);
        if fits && line.len() + chunk.len() <= MAX_LINE_LEN {
            line.extend_from_slice(chunk);
        } else {
            fits = false;
            line.clear();
        }
        let consumed = newline.map_or(buf.len(), |at| at + 1);
        reader.consume(consumed);
        if newline.is_some() {
            return Ok(Some(fits));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run_args;
    use super::*;

    #[test]
    fn prints_the_origin() {
        let (status, stdout, stderr) = run_args(&["origin", "https://EXAMPLE.com:443/x"], b"");
        assert_eq!(
            (status, stdout.as_str(), stderr.as_str()),
            (Status::Success, "https://example.com\n", "")
        );
        let (status, stdout, _) = run_args(&["origin", "about:blank"], b"");
        assert_eq!((status, stdout.as_str()), (Status::Success, "null\n"));
    }

    #[test]
    fn resolves_against_the_base() {
        let (status, stdout, _) =
            run_args(&["origin", "//b.example:81/", "--base", "http://a/"], b"");
        assert_eq!(
            (status, stdout.as_str()),
            (Status::Success, "http://b.example:81\n")
        );
    }

    #[test]
    fn reports_the_reason() {
        let (status, stdout, stderr) = run_args(&["origin", "http://a b/"], b"");
        assert_eq!(status, Status::Failure);
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            "error: invalid URL \"http://a b/\": host contains a forbidden domain code point\n"
        );
        let (status, stdout, stderr) = run_args(&["origin", "--json", "http://a b/"], b"");
        assert_eq!(status, Status::Failure);
        assert_eq!(
            stdout,
            "{\"error\":\"invalid URL \\\"http://a b/\\\": host contains a forbidden domain code point\"}\n"
        );
        assert_eq!(stderr, "");
    }

    #[test]
    fn jsonl() {
        let input = concat!(
            "{\"input\": \"https://a.example/\"}\n",
            "{\"input\": \"/x\", \"base\": \"http://b.example:8080/y\"}\n",
            "{\"input\": \"https://a\\u0000b/\", \"base\": null}\n",
            "not json\n",
            "{\"input\": \"https://c/\", \"extra\": 1}\n",
            "\n",
            "{\"input\": \"https://d.example/\"}",
        );
        let (status, stdout, stderr) = run_args(&["origin", "--jsonl"], input.as_bytes());
        assert_eq!((status, stderr.as_str()), (Status::Success, ""));
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 7, "{stdout}");
        assert_eq!(lines[0], "{\"origin\":\"https://a.example\"}");
        assert_eq!(lines[1], "{\"origin\":\"http://b.example:8080\"}");
        assert!(
            lines[2].starts_with("{\"error\":\"invalid URL"),
            "{}",
            lines[2]
        );
        assert!(
            lines[3].starts_with("{\"error\":\"invalid JSON line: "),
            "{}",
            lines[3]
        );
        assert!(lines[4].contains("unknown field"), "{}", lines[4]);
        assert!(
            lines[5].starts_with("{\"error\":\"invalid JSON line: "),
            "{}",
            lines[5]
        );
        assert_eq!(lines[6], "{\"origin\":\"https://d.example\"}");
    }

    #[test]
    fn long_lines_are_skipped() {
        let mut input = vec![b'x'; MAX_LINE_LEN + 10];
        input.extend_from_slice(b"\n{\"input\": \"https://a/\"}\n");
        let (status, stdout, _) = run_args(&["origin", "--jsonl"], &input);
        assert_eq!(status, Status::Success);
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(
            lines,
            [
                "{\"error\":\"invalid JSON line: longer than 1048576 bytes\"}",
                "{\"origin\":\"https://a\"}",
            ]
        );
    }

    #[test]
    fn read_line_splits_across_buffers() {
        let data: &[u8] = b"ab\ncd\n\nef";
        let mut reader = io::BufReader::with_capacity(1, data);
        let mut line = Vec::new();
        let mut lines = Vec::new();
        while let Ok(Some(fits)) = read_line(&mut reader, &mut line) {
            assert!(fits);
            lines.push(String::from_utf8_lossy(&line).into_owned());
        }
        assert_eq!(lines, ["ab", "cd", "", "ef"]);
    }
}
