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

The browser model's targets (fuzz/src/browser.rs) take their seeds from the browser
unit tests' tables, in the `arbitrary` encoding of their input types (class Arbitrary):

  classify:           a FetchCase: every (name, value) byte-string pair of the request-side
                      tests (classify.rs, unsafe_names.rs, safelist.rs) alone in a GET, the
                      multi-header lists of those tests, methods and modes.
  cors_check:         a CorsCheckCase: the CORS check tables (cors_check_tests.rs).
  preflight_validate: a PreflightCase: the web-platform-tests preflight-star table
                      (preflight_tests.rs), in both profiles, and redirects and statuses.
  header_list:        raw bytes: the list and split tests' values (list.rs, split.rs) and the
                      preflight-star table's Allow-Methods / Allow-Headers values.

Usage: python3 fuzz/seed-corpus.py [--urltestdata FILE] [--targets NAME ...]   (stdlib
only; rerun after the tables change; it replaces every seed-* file of the targets it writes
and leaves other corpus files alone)
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


BROWSER = ROOT / "cors-core/src/browser"
CLASSIFY_TESTS = BROWSER / "request/classify.rs"
UNSAFE_NAMES_TESTS = BROWSER / "request/unsafe_names.rs"
SAFELIST_TESTS = BROWSER / "request/safelist.rs"
CORS_CHECK_TESTS = BROWSER / "response/cors_check_tests.rs"
PREFLIGHT_TESTS = BROWSER / "response/preflight_tests.rs"
LIST_TESTS = ROOT / "cors-core/src/http/list.rs"
SPLIT_TESTS = ROOT / "cors-core/src/http/split.rs"

# The unit tests' requesting origin (response/test_support.rs ORIGIN), which
# fuzz/src/browser.rs PREFLIGHT_ORIGIN repeats.
TEST_ORIGIN = "http://127.0.0.1:8001"


class Arbitrary:
    """The bytes `arbitrary` 1.x (Unstructured, derived types) decodes as a value, built one
    field at a time, in declaration order:

    - an integer: its little-endian bytes from the front; a bool: one byte, low bit;
    - an enum (derived): a u32 from the front, variant (u32 * count) >> 32;
    - &[u8] (not the last field): its length read from the END of the data (1 byte while at
      most 256 bytes remain, else 2, big-endian, reduced modulo the room left), then that
      many bytes from the front;
    - Vec<T>: a byte whose low bit is 1 before each element and a 0 byte after the last,
      which the last field (take_rest) may leave out.
    """

    def __init__(self):
        self.ops = []  # ("front", bytes) or ("len", n)

    def int(self, value, size):
        self.ops.append(("front", value.to_bytes(size, "little")))
        return self

    def bool(self, value):
        return self.int(1 if value else 0, 1)

    def enum(self, index, count):
        return self.int(-(-(index << 32) // count), 4)

    def slice(self, data):
        self.ops += [("len", len(data)), ("front", bytes(data))]
        return self

    def vec(self, items, element, last=False):
        for item in items:
            self.int(1, 1)
            element(self, item)
        return self if last else self.int(0, 1)

    def finish(self):
        """The bytes, or None when a length does not fit the encoding."""
        count = sum(1 for kind, _ in self.ops if kind == "len")
        sizes = [1] * count
        # How many bytes each length takes depends on how many remain when it is read, which
        # depends on the sizes of the lengths: start from 1 each until nothing changes.
        for _ in range(count + 2):
            layout = self.layout(sizes)
            new_sizes = [size for size, _, _ in layout]
            if new_sizes == sizes:
                break
            sizes = new_sizes
        else:
            return None
        lengths = []
        for size, room, value in layout:
            if size is None or value > room:
                return None
            if size == 2:
                # With a range of 255 the u16 is read from its first byte only.
                lengths.append(bytes([value, 0]) if room == 255 else value.to_bytes(2, "big"))
            else:
                lengths.append(bytes([value])[:size])
        front = b"".join(v for k, v in self.ops if k == "front")
        return front + b"".join(reversed(lengths))

    def layout(self, sizes):
        """(size, room, length) of each length, given the sizes of all of them: a length is
        read from 1 byte while at most 256 bytes remain (0 when none remains), else 2."""
        remaining = sum(len(v) for k, v in self.ops if k == "front") + sum(s or 0 for s in sizes)
        result = []
        for kind, value in self.ops:
            if kind == "front":
                remaining -= len(value)
                continue
            size = 0 if remaining <= 0 else 1 if remaining <= 256 else 2 if remaining <= 65538 else None
            result.append((size, max(remaining - (size or 0), 0), value))
            remaining -= size or 0
        return result


def byte_string(literal):
    """The value of the body of a Rust byte-string literal."""
    return unescape(literal).encode("latin-1")


def byte_pairs(path):
    """Every (b"name", b"value") pair of a Rust file."""
    pattern = re.compile(r'\(\s*b' + STRING + r'\s*,\s*b' + STRING + r'\s*\)')
    return [(byte_string(m.group(1)), byte_string(m.group(2))) for m in pattern.finditer(path.read_text())]


def safelist_pairs(path):
    """The (name, value) of the safelist's cases written as literals: ok/no("desc", "name", b"value"),
    and the profile cases ("name", b"value", ...)."""
    text = path.read_text()
    cases = re.finditer(r'(?:ok|no)\(\s*' + STRING + r'\s*,\s*' + STRING + r'\s*,\s*b' + STRING, text)
    profile = re.finditer(r'\(\s*' + STRING + r'\s*,\s*b' + STRING + r'\s*,\s*(?:Ok|Err)', text)
    return [(m.group(2).encode(), byte_string(m.group(3))) for m in cases] + [
        (m.group(1).encode(), byte_string(m.group(2))) for m in profile
    ]


CREDENTIALS = {"Omit": 0, "SameOrigin": 1, "Include": 2}
MODES = {"same-origin": 0, "no-cors": 1, "cors": 2}


def fetch_case(method, headers, credentials=0, mode=2, profile=0, seed=0x9E3779B97F4A7C15):
    """A FetchCase (fuzz/src/browser.rs)."""
    value = Arbitrary().enum(credentials, 3).enum(mode, 3).enum(profile, 2).int(seed, 8)
    value.slice(method)
    return value.vec(headers, lambda a, pair: a.slice(pair[0]).slice(pair[1]), last=True).finish()


def classify_seeds():
    pairs = byte_pairs(CLASSIFY_TESTS) + byte_pairs(UNSAFE_NAMES_TESTS) + safelist_pairs(SAFELIST_TESTS)
    if not pairs:
        sys.exit("seed-corpus.py: found no header pair in the request-side tests")
    seeds = [fetch_case(b"GET", [pair], credentials=i % 3, profile=i % 2) for i, pair in enumerate(pairs)]
    lists = [
        [(b"x-test-header1", b"test1"), (b"X-test-header3", b"test3"), (b"x-test-header-b", b"test"),
         (b"Content-Type", b"allowedOrRefused"), (b"Accept", b"*/*"), (b"Accept-Language", b"fr")],
        [(b"Cookie", b"a=b"), (b"X-B", b"1"), (b"Content-Type", b"application/json"), (b"Accept", b"*/*")],
        [(b"X-Z", b"1"), (b"accept", b"*/*"), (b"x-a", b"2"), (b"X-z", b"3")],
        [(b"accept", b"a" * 128)] * 8,
        [(b"accept", b"a" * 128)] * 4 + [(b"accept-language", b"a" * 128)] * 4 + [(b"Content-Type", b"text/plain")],
        [(b"Accept", b"a" * 64), (b"accept", b"a" * 64)],
        [(b"Content-Type", b"text/plain;a"), (b"content-type", b"b")],
        [(b"X-HTTP-Method-Override", b"put, trace"), (b"Authorization", b"basics"), (b"Range", b"bytes=0-1")],
        [(b"X-A", b"1"), (b"X B", b"2")],
    ]
    for i, headers in enumerate(lists):
        for profile in (0, 1):
            seeds.append(fetch_case(b"POST", headers, credentials=i % 3, profile=profile))
    for method in [b"GET", b"post", b"put", b"patch", b"DELETE", b"CONNECT", b"GE T", b"", b"*"]:
        seeds.append(fetch_case(method, [(b"Accept", b"*/*")]))
    for mode in (0, 1):
        seeds.append(fetch_case(b"GET", [(b"X-A", b"1"), (b"Accept", b"*/*")], mode=mode))
    return seeds


CORS_HEADER_NAMES = {"Access-Control-Allow-Origin": 0, "Access-Control-Allow-Credentials": 2, "Content-Type": 4}


def cors_check_case(credentials, origin, headers):
    """A CorsCheckCase: headers are (name, value) with a name of CORS_HEADER_NAMES."""
    value = Arbitrary().enum(credentials, 3).slice(origin.encode())
    element = lambda a, h: a.enum(CORS_HEADER_NAMES[h[0]], 5).slice(h[1].encode())
    return value.vec(headers, element, last=True).finish()


def cors_check_seeds():
    text = CORS_CHECK_TESTS.read_text()
    table = re.findall(r'\((Omit|Include|SameOrigin), "([^"]*)", (None|Some\("([^"]*)"\)), (?:true|false)\)', text)
    if not table:
        sys.exit("seed-corpus.py: found no table in cors_check_tests.rs")
    seeds = []
    for credentials, acao, acac, acac_value in table:
        headers = [("Access-Control-Allow-Origin", acao)]
        if acac != "None":
            headers.append(("Access-Control-Allow-Credentials", acac_value))
        seeds.append(cors_check_case(CREDENTIALS[credentials], "https://rabbit.invalid", headers))
    requester, target = "http://www1.web-platform.test:8000", "http://www.web-platform.test:8000"
    for acao in (requester, target, "", requester + "/", " " + requester + "\t"):
        seeds.append(cors_check_case(1, requester, [("Access-Control-Allow-Origin", acao)]))
    seeds += [
        cors_check_case(0, "null", [("Access-Control-Allow-Origin", "null")]),
        cors_check_case(0, "null", [("Content-Type", "text/plain")]),
        cors_check_case(1, TEST_ORIGIN, [("Access-Control-Allow-Origin", TEST_ORIGIN)] * 2),
        cors_check_case(2, TEST_ORIGIN, [("Access-Control-Allow-Origin", TEST_ORIGIN),
                                         ("Access-Control-Allow-Credentials", "true"),
                                         ("Access-Control-Allow-Credentials", "true")]),
        cors_check_case(2, TEST_ORIGIN, [("Access-Control-Allow-Origin", "*"),
                                         ("Access-Control-Allow-Credentials", "true")]),
    ]
    # Each host kind, then near misses: case, trailing slash, default port, other port.
    for origin in ("https://[::1]:8443", "http://xn--nxasmq6b.example", "https://page.example"):
        for acao in (origin, origin.upper(), origin + "/", origin + ":443", origin.replace("s:", ":")):
            seeds.append(cors_check_case(2, origin, [("Access-Control-Allow-Origin", acao),
                                                     ("Access-Control-Allow-Credentials", "true")]))
    return seeds


PREFLIGHT_HEADER_NAMES = {"ACAO": 0, "ACAC": 1, "ACAM": 2, "ACAH": 3, "MaxAge": 4, "Location": 5}


def preflight_case(status, credentials, profile, method, names, headers, use_cors_preflight=False):
    """A PreflightCase: headers are (name, value), the name a key of PREFLIGHT_HEADER_NAMES or
    any other name (the Other variant)."""
    value = Arbitrary().int(status, 2).enum(credentials, 3).enum(profile, 2).bool(use_cors_preflight)
    value.slice(method.encode()).vec(names, lambda a, n: a.slice(n.encode()))

    def element(a, header):
        name, text = header
        if name in PREFLIGHT_HEADER_NAMES:
            a.enum(PREFLIGHT_HEADER_NAMES[name], 7)
        else:
            a.enum(6, 7).slice(name.encode())
        a.slice(text.encode())

    return value.vec(headers, element, last=True).finish()


def preflight_star_table():
    """The rows of PREFLIGHT_STAR (preflight_tests.rs): method, credentials, names, Allow-Methods,
    Allow-Headers, Allow-Origin, Allow-Credentials (or None)."""
    row = re.compile(
        r'\("([^"]*)", (Omit|Include|SameOrigin), &\[([^\]]*)\], "([^"]*)", "([^"]*)", '
        r'(ORIGIN|"[^"]*"), (None|Some\("([^"]*)"\)), (?:true|false)\)'
    )
    table = []
    for m in row.finditer(PREFLIGHT_TESTS.read_text()):
        names = re.findall(STRING, m.group(3))
        origin = TEST_ORIGIN if m.group(6) == "ORIGIN" else m.group(6).strip('"')
        acac = None if m.group(7) == "None" else m.group(8)
        table.append((m.group(1), m.group(2), names, m.group(4), m.group(5), origin, acac))
    if not table:
        sys.exit("seed-corpus.py: found no PREFLIGHT_STAR table in preflight_tests.rs")
    return table


def preflight_seeds():
    seeds = []
    for method, credentials, names, acam, acah, acao, acac in preflight_star_table():
        headers = [("ACAO", acao), ("ACAM", acam), ("ACAH", acah)]
        if acac is not None:
            headers.append(("ACAC", acac))
        for profile in (0, 1):
            seeds.append(preflight_case(204, CREDENTIALS[credentials], profile, method, names, headers))
    ok = [("ACAO", TEST_ORIGIN), ("ACAM", "PUT, patch"), ("ACAH", "x-test, Authorization"), ("MaxAge", "600")]
    seeds += [
        preflight_case(200, 0, 0, "PUT", ["x-test", "authorization"], ok),
        preflight_case(301, 0, 1, "PUT", ["x-test"], ok + [("Location", "/elsewhere")]),
        preflight_case(500, 2, 0, "PUT", [], ok + [("ACAC", "true")]),
        preflight_case(204, 0, 0, "DELETE", [], [("ACAO", "*")], use_cors_preflight=True),
        preflight_case(204, 0, 1, "PUT", ["x-a"], [("ACAO", "*"), ("access-control-allow-methods", "*"),
                                                   ("Access-Control-Allow-Headers", "*")]),
    ]
    return seeds


def header_list_seeds():
    split_values = [unescape(m.group(1)) for m in re.finditer(r'split\(' + STRING + r'\)', SPLIT_TESTS.read_text())]
    list_values = [unescape(m.group(1)) for m in re.finditer(r'\(\s*"[Xx]"\s*,\s*' + STRING + r'\s*\)', LIST_TESTS.read_text())]
    if not split_values or not list_values:
        sys.exit("seed-corpus.py: found no value in the list and split tests")
    star = [row[i] for row in preflight_star_table() for i in (3, 4)]
    extra = ['"unterminated, a', '"a\\', 'a\t,\t,b', "\\,\"\\\"\",x", " , "]
    return [text.encode("latin-1") for text in split_values + list_values + star + extra]


MIME_TESTS = ROOT / "cors-core/src/http/mime_tests.rs"
RANGE_TESTS = ROOT / "cors-core/src/http/range.rs"
CACHE_TESTS = BROWSER / "response/cache_tests.rs"


def mime_seeds():
    """Every byte-string and string literal of the MIME tests (inputs and serializations),
    and the Content-Type values of the safelist tests."""
    text = MIME_TESTS.read_text()
    values = [byte_string(m.group(1)) for m in re.finditer(r'b' + STRING, text)]
    values += [unescape(m.group(1)).encode("latin-1", "replace") for m in re.finditer(r'Some\(\s*' + STRING, text)]
    values += [v for n, v in safelist_pairs(SAFELIST_TESTS) if n.lower() == b"content-type"]
    if len(values) < 20:
        sys.exit("seed-corpus.py: found too few values in mime_tests.rs")
    return values


def range_seeds():
    """The values of the range parser's tests, and the Range values of the safelist tests."""
    values = [unescape(m.group(1)).encode("latin-1") for m in re.finditer(r'parse\(\s*' + STRING, RANGE_TESTS.read_text())]
    values += [v for n, v in safelist_pairs(SAFELIST_TESTS) if n.lower() == b"range"]
    if len(values) < 10:
        sys.exit("seed-corpus.py: found too few values in range.rs")
    return values


# origin_serialize: OriginCase (fuzz/src/origin.rs).
SPECIAL_SCHEMES = ["http", "https", "ws", "wss", "ftp"]
LDH = "abcdefghijklmnopqrstuvwxyz0123456789-"
SCHEME_REST = "abcdefghijklmnopqrstuvwxyz0123456789+-."
ORIGIN_RE = re.compile(r"^([a-z][a-z0-9+.-]*)://(\[[0-9a-f:.]*\]|[a-z0-9.-]+)(?::(\d+))?$")


def origin_case(origin):
    """The OriginCase for a serialized origin, or None when it is not one the mirror builds:
    scheme (6 variants, Other mapped after a leading x), port (Option<u16>), host (Ipv4 u32,
    Ipv6 [u16; 8], Domain of labels, each byte an index into the LDH alphabet)."""
    import ipaddress

    m = ORIGIN_RE.match(origin)
    if not m:
        return None
    scheme, host, port = m.group(1), m.group(2), m.group(3)
    value = Arbitrary()
    if scheme in SPECIAL_SCHEMES:
        value.enum(SPECIAL_SCHEMES.index(scheme), 6)
    elif scheme.startswith("x") and scheme != "x":
        value.enum(5, 6).slice(bytes(SCHEME_REST.index(c) for c in scheme[1:]))
    else:
        value.enum(5, 6).slice(bytes(SCHEME_REST.index(c) for c in scheme if c in SCHEME_REST))
    value.bool(port is not None)
    if port is not None:
        if int(port) > 65535:
            return None
        value.int(int(port), 2)
    if host.startswith("["):
        try:
            address = ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return None
        value.enum(1, 3)
        for i in range(8):
            value.int(int.from_bytes(address.packed[2 * i:2 * i + 2], "big"), 2)
        return value.finish()
    try:
        address = ipaddress.IPv4Address(host)
        return value.enum(0, 3).int(int(address), 4).finish()
    except ValueError:
        pass
    labels = host.split(".")
    if any(not label or any(c not in LDH for c in label) for label in labels):
        return None
    return value.enum(2, 3).vec(labels, lambda a, l: a.slice(bytes(LDH.index(c) for c in l)), last=True).finish()


def origin_serialize_seeds(origins, hosts_list):
    seeds = [origin_case(o) for o in origins]
    for host in hosts_list:
        for scheme, port in [("http", ""), ("https", ":8443"), ("wss", ""), ("xsc", ":1")]:
            seeds.append(origin_case(f"{scheme}://{host}{port}"))
    seeds += [origin_case(o) for o in ["http://0x1a", "http://a.123", "xsc://1.2.3.4", "ftp://h:21"]]
    return seeds


# preflight_cache: Vec<CacheOp> (fuzz/src/cache.rs).
CACHE_NAMES = [b"PUT", b"put", b"DELETE", b"GET", b"*", b"x-a", b"X-A", b"Authorization"]
OP_STORE, OP_METHOD, OP_HEADER, OP_NEEDS, OP_ADVANCE, OP_CLEAR, OP_REMOVE = range(7)


def cache_name(a, name):
    if name in CACHE_NAMES:
        a.enum(CACHE_NAMES.index(name), 9)
    else:
        a.enum(8, 9).slice(name)


def cache_op(a, op):
    kind = op[0]
    a.int(1, 1)  # the continuation byte of Vec<CacheOp> (take_rest)
    a.enum(kind, 7)
    if kind == OP_STORE:
        _, key, credentials, profile, methods, headers, max_age = op
        a.int(key, 1).enum(credentials, 3).enum(profile, 2).bool(False).bool(False)
        if max_age is None:
            a.enum(0, 4)
        elif max_age.isdigit() and int(max_age) < 65536:
            a.enum(1, 4).int(int(max_age), 2)
        else:
            a.enum(3, 4).slice(max_age.encode())
        for names in (methods, headers):
            a.bool(names is not None)
            if names is not None:
                a.vec([n.strip().encode() for n in names.split(",")], cache_name)
    elif kind == OP_METHOD:
        _, key, credentials, name = op
        a.int(key, 1).enum(credentials, 3)
        cache_name(a, name)
    elif kind == OP_HEADER:
        _, key, credentials, profile, name = op
        a.int(key, 1).enum(credentials, 3).enum(profile, 2)
        cache_name(a, name)
    elif kind == OP_NEEDS:
        _, key, credentials, profile, method, names = op
        a.int(key, 1).enum(credentials, 3).enum(profile, 2)
        cache_name(a, method)
        a.bool(False).vec(names, cache_name)
    elif kind == OP_ADVANCE:
        a.int(op[1], 4)
    elif kind == OP_CLEAR:
        a.int(op[1], 1)


def cache_seeds():
    """One sequence per test of cache_tests.rs: its preflights (the answer arrays, stored at
    their time), then its lookups and needs_preflight calls, in source order, the clock moved
    to each one's time."""
    text = CACHE_TESTS.read_text()
    seeds = []
    for body in re.split(r"#\[test\]", text)[1:]:
        answers = {}
        for m in re.finditer(r"let (\w+) = \[(.*?)\];", body, re.S):
            pairs = re.findall(r'\(\s*"(Access-Control-[\w-]+)",\s*' + STRING + r"\s*\)", m.group(2))
            answers[m.group(1)] = {name: unescape(value) for name, value in pairs}
        ops, now = [], 0

        def at(time):
            nonlocal now
            if time > now:
                ops.append((OP_ADVANCE, time - now))
                now = time

        event = re.compile(
            r"preflight_and_store\(\s*&mut cache,\s*(\w+),\s*&request\(\s*\"([^\"]*)\",\s*&\[([^\]]*)\],\s*(\w+)\s*\),\s*&(\w+),\s*(\d+),\s*Profile::(\w+)"
            r"|needs\(&cache, \"([^\"]*)\", &\[([^\]]*)\], (\w+), (\d+)\)"
            r"|method_match\(&(\w+), (\w+), b\"([^\"]*)\", Timestamp\((\d+)\)\)"
            r"|header_name_match\(\s*&(\w+),\s*(\w+),\s*b?\"?([^,\"]*)\"?[^,]*,\s*Timestamp\((\d+)\),\s*Profile::(\w+)"
            r"|cache\.clear\(&(\w+)\)", re.S)
        key = lambda name: 1 if name == "OTHER_KEY" else 0
        for m in event.finditer(body):
            g = m.groups()
            if g[0]:
                answer = answers.get(g[4], {})
                at(int(g[5]))
                ops.append((OP_STORE, key(g[0]), CREDENTIALS.get(g[3], 0), 1 if g[6] == "Chromium" else 0,
                            answer.get("Access-Control-Allow-Methods"), answer.get("Access-Control-Allow-Headers"),
                            answer.get("Access-Control-Max-Age")))
            elif g[7] is not None:
                at(int(g[10]))
                names = [n.encode() for n in re.findall(STRING, g[8])]
                ops.append((OP_NEEDS, 0, CREDENTIALS.get(g[9], 0), 0, g[7].encode(), names))
            elif g[11]:
                at(int(g[14]))
                ops.append((OP_METHOD, key(g[11]), CREDENTIALS.get(g[12], 0), g[13].encode()))
            elif g[15]:
                at(int(g[18]))
                ops.append((OP_HEADER, key(g[15]), CREDENTIALS.get(g[16], 0), 1 if g[19] == "Chromium" else 0, g[17].encode()))
            elif g[20]:
                ops.append((OP_CLEAR, key(g[20])))
        if ops:
            value = Arbitrary()
            for op in ops:
                cache_op(value, op)
            seeds.append(value.finish())
    if len(seeds) < 5:
        sys.exit("seed-corpus.py: found too few tests in cache_tests.rs")
    return seeds


BROWSER_TARGETS = {
    "classify": classify_seeds,
    "cors_check": cors_check_seeds,
    "preflight_validate": preflight_seeds,
    "header_list": header_list_seeds,
    "mime_parse": mime_seeds,
    "range_parse": range_seeds,
    "preflight_cache": cache_seeds,
}



def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urltestdata", type=pathlib.Path, help="urltestdata.json to read")
    parser.add_argument("--targets", nargs="+", metavar="NAME", help="write only these targets' seeds")
    args = parser.parse_args()
    targets = set(args.targets or ["origin_parse", "url_origin", "origin_serialize", *BROWSER_TARGETS])
    for target in sorted(targets & set(BROWSER_TARGETS)):
        write_corpus(target, BROWSER_TARGETS[target]())
    if not targets & {"origin_parse", "url_origin", "origin_serialize"}:
        return
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
    if "origin_parse" in targets:
        write_corpus("origin_parse", [seed for seed in origin_seeds if seed])

    url_seeds = []
    for input_text, base in pairs + [(c["input"], c.get("base")) for c in cases]:
        input_bytes, base_bytes = utf8(input_text), None if base is None else utf8(base)
        if input_bytes is not None and (base is None or base_bytes is not None):
            url_seeds.append(encode_case(input_bytes, base_bytes))
    for host in host_list:
        url_seeds += [encode_case(utf8(f"http://{host}/"), None), encode_case(utf8(f"sc://{host}/"), None)]
    if "url_origin" in targets:
        write_corpus("url_origin", url_seeds)
    if "origin_serialize" in targets:
        origins = [c["origin"] for c in cases if c.get("origin", "null") != "null"]
        origins += [text for text in strings(URL_TESTS) if "://" in text]
        write_corpus("origin_serialize", origin_serialize_seeds(origins, host_list))


if __name__ == "__main__":
    main()
