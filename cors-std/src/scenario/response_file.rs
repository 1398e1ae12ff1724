//! Reading a server's response from a file: the head of an HTTP/1.1 response as a server
//! wrote it (status line, `Name: value` lines, then a blank line or the end), or JSON
//! `{"status": 200, "headers": [["Name", "value"], ...]}` as in a scenario.

use super::{ScenarioResponse, read::ScenarioFileError};

/// Reads a response from `text`: JSON when it starts with `{`, else an HTTP response head.
/// Header values keep their bytes (read as Latin-1 text); leading and trailing SP/HT are
/// removed as HTTP parsing removes them. Anything after the blank line (a body) is ignored.
pub fn read_response(text: &str) -> Result<ScenarioResponse, ScenarioFileError> {
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text.trim()).map_err(|e| ScenarioFileError {
            line: e.line(),
            message: format!("not a response: {e}"),
        });
    }
    let mut lines = text.lines().enumerate();
    let status = lines
        .by_ref()
        .find(|(_, line)| !line.trim().is_empty())
        .ok_or_else(|| error(1, "empty: expected a status line such as `HTTP/1.1 200 OK`"))
        .and_then(|(i, line)| {
            status_code(line)
                .ok_or_else(|| error(i + 1, "not a status line such as `HTTP/1.1 200 OK`"))
        })?;
    let mut headers = Vec::new();
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| error(i + 1, "not a header line `Name: value`"))?;
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(error(
                i + 1,
                "the header name is empty or contains whitespace",
            ));
        }
        headers.push((name.to_owned(), value.trim_matches([' ', '\t']).to_owned()));
    }
    Ok(ScenarioResponse { status, headers })
}

/// The status code of `HTTP/x.y NNN reason`.
fn status_code(line: &str) -> Option<u16> {
    let mut parts = line.split_whitespace();
    let version = parts.next()?;
    let code = parts.next()?;
    (version.starts_with("HTTP/") && code.len() == 3)
        .then(|| code.parse().ok())
        .flatten()
}

fn error(line: usize, message: &str) -> ScenarioFileError {
    ScenarioFileError {
        line,
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_http_head() {
        let text = "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin:  https://a \r\nVary: Origin\r\n\r\nbody";
        let response = read_response(text).unwrap();
        assert_eq!(response.status, 204);
        assert_eq!(
            response.headers,
            [
                (
                    "Access-Control-Allow-Origin".to_owned(),
                    "https://a".to_owned()
                ),
                ("Vary".to_owned(), "Origin".to_owned())
            ]
        );
    }

    #[test]
    fn reads_json() {
        let response = read_response(r#"{"status": 200, "headers": [["A", "b"]]}"#).unwrap();
        assert_eq!((response.status, response.headers.len()), (200, 1));
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            read_response("HTTP/1.1 200 OK\nbroken\n").unwrap_err().line,
            2
        );
        assert_eq!(read_response("200\n").unwrap_err().line, 1);
        assert_eq!(read_response("").unwrap_err().line, 1);
        assert_eq!(read_response("HTTP/1.1 200\n: x\n").unwrap_err().line, 2);
    }
}
