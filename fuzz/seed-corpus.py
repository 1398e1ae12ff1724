#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets: fuzz/corpus/<target>/seed-NNNN.

Seeds come from the inputs of cors-core's table tests (origin/url/tests.rs and
origin/host/tests.rs) and from web-platform-tests' urltestdata.json as the `url` crate's
package ships it (found with `cargo metadata`, or given with --urltestdata FILE).

  origin_parse: raw bytes of an `Origin` header value. Seeds: "null", every string of the
                url tests, every `origin` and `input` of urltestdata.json, and each host of
                the host tests as http://HOST and https://HOST:8080.
  url_origin:   a `UrlCase { base: Option<&str>, input: &str }` (fuzz/src/lib.rs) in the
                byte encoding of `arbitrary` 1.x (see encode_case). Seeds: every (input,
                base) pair of the url tests and of urltestdata.json, and each host of the
                host tests as http://HOST/ and sc://HOST/.

Usage: python3 fuzz/seed-corpus.py [--urltestdata FILE]   (stdlib only; rerun after the
tables change; it replaces every seed-* file and leaves other corpus files alone)
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
URL_TESTS = ROOT / "cors-core/src/origin/url/tests.rs"
HOST_TESTS = ROOT / "cors-core/src/origin/host/tests.rs"

# A Rust string literal (not raw) and its escapes.
STRING = r'"((?:[^"\\]|\\.)*)"'
ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)", re.S)
SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def unescape(literal):
    """The value of the body of a Rust string literal."""

    def one(match):
        escape = match.group(1)
        if escape.startswith("u{"):
            return chr(int(escape[2:-1], 16))
        if escape.startswith("x"):
            return chr(int(escape[1:], 16))
        return SIMPLE_ESCAPES[escape]

    # A line continuation (backslash, newline) drops the newline and the leading whitespace.
    return ESCAPE.sub(one, re.sub(r"\\\n\s*", "", literal))


def strings(path):
    """Every string literal in a Rust file."""
    return [unescape(m.group(1)) for m in re.finditer(STRING, path.read_text())]


def url_test_pairs(path):
    """The (input, base) pairs of the url tests' tables: ("input", None | Some("base"), ...)."""
    pattern = re.compile(r"\(\s*" + STRING + r"\s*,\s*(None|Some\(\s*" + STRING + r"\s*\))")
    return [
        (unescape(m.group(1)), unescape(m.group(3)) if m.group(3) is not None else None)
        for m in pattern.finditer(path.read_text())
    ]


def hosts(path):
    """The host-parser inputs of the host tests: their string literals that are not results."""
    result = []
    for text in strings(path):
        if not text or text.startswith("failure") or "{" in text:
            continue
        # IPv6 parser inputs become bracketed hosts.
        if ":" in text and not text.startswith("["):
            text = "[" + text + "]"
        result.append(text)
    return result


def find_urltestdata():
    """tests/urltestdata.json of the url crate the workspace resolves (cargo metadata)."""
    output = subprocess.run(
        ["cargo", "metadata", "--format-version", "1"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    for package in json.loads(output)["packages"]:
        if package["name"] == "url":
            candidate = pathlib.Path(package["manifest_path"]).parent / "tests/urltestdata.json"
            if candidate.exists():
                return candidate
    sys.exit("seed-corpus.py: no url package with tests/urltestdata.json; use --urltestdata")


def urltestdata_cases(path):
    """The test objects of urltestdata.json (the strings between them are comments)."""
    return [case for case in json.loads(path.read_text()) if isinstance(case, dict)]


def utf8(text):
    """`text` as UTF-8, or None when it holds a lone surrogate (JSON allows them, &str not)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def encode_case(input_bytes, base_bytes):
    """The bytes `UrlCase::arbitrary_take_rest` (arbitrary 1.x, derived) decodes as
    UrlCase { base, input }: fields in order, the last one taking the rest.

    - Option: one byte, `& 1` is Some.
    - &str (not last): its length is read from the END of the data, as 1 byte when at most
      256 bytes remain, else 2 bytes big-endian when at most 65538 remain, reduced modulo
      (remaining - size bytes + 1); then that many bytes from the front.
    - &str (last): all the bytes that remain.
    """
    if base_bytes is None:
        return b"\x00" + input_bytes
    body = base_bytes + input_bytes
    if len(body) + 1 <= 256:
        suffix = bytes([len(base_bytes)])
    elif len(body) + 2 <= 65538:
        # With 255 bytes of range the u16 is read from one byte only.
        suffix = bytes([len(base_bytes), 0]) if len(body) == 255 else len(base_bytes).to_bytes(2, "big")
    else:
        return None
    return b"\x01" + body + suffix


def write_corpus(target, seeds):
    """Replaces corpus/<target>/seed-* with `seeds` (deduplicated, in a stable order)."""
    directory = FUZZ / "corpus" / target
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("seed-*"):
        old.unlink()
    unique = sorted({seed for seed in seeds if seed is not None})
    for number, seed in enumerate(unique):
        (directory / f"seed-{number:04}").write_bytes(seed)
    print(f"{target}: {len(unique)} seeds in {directory.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urltestdata", type=pathlib.Path, help="urltestdata.json to read")
    args = parser.parse_args()
    cases = urltestdata_cases(args.urltestdata or find_urltestdata())
    host_list = hosts(HOST_TESTS)
    pairs = url_test_pairs(URL_TESTS)
    if not pairs or not host_list:
        sys.exit("seed-corpus.py: found no table in the unit tests; has their layout changed?")

    origin_seeds = [b"null"]
    origin_seeds += [utf8(text) for text in strings(URL_TESTS) if text]
    for case in cases:
        origin_seeds += [utf8(case["input"])] + ([utf8(case["origin"])] if "origin" in case else [])
    for host in host_list:
        origin_seeds += [utf8(f"http://{host}"), utf8(f"https://{host}:8080")]
    write_corpus("origin_parse", [seed for seed in origin_seeds if seed])

    url_seeds = []
    for input_text, base in pairs + [(c["input"], c.get("base")) for c in cases]:
        input_bytes, base_bytes = utf8(input_text), None if base is None else utf8(base)
        if input_bytes is not None and (base is None or base_bytes is not None):
            url_seeds.append(encode_case(input_bytes, base_bytes))
    for host in host_list:
        url_seeds += [encode_case(utf8(f"http://{host}/"), None), encode_case(utf8(f"sc://{host}/"), None)]
    write_corpus("url_origin", url_seeds)


if __name__ == "__main__":
    main()
