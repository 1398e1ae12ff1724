#!/usr/bin/env python3
"""Writes seeds of the policy fuzz targets (fuzz/corpus/{pattern_parse,policy_build,policy_decide}/seed-*)
from the table inputs of cors-core/src/policy/tests/ and tests/property/policy.rs, in the byte
encoding of `arbitrary` 1.5 for the mirror types of fuzz/src/policy.rs."""

import pathlib
import re

ROOT = pathlib.Path("/work/main")
TESTS = ROOT / "cors-core/src/policy/tests"
PROPERTY = ROOT / "tests/property/policy.rs"
FUZZ = ROOT / "fuzz"

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
ESC = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"'}


def unescape(s):
    return re.sub(r"\\(.)", lambda m: ESC.get(m.group(1), m.group(1)), s)


def strings(text):
    # A raw match spanning lines is the regex losing track (a `'"'` char literal): skip it.
    return [unescape(m) for m in STRING.findall(text) if "\n" not in m and len(m) < 600]


# ---------------------------------------------------------------------------------------
# The encoder: fields in order, lengths of non-last &str taken from the end of the data.
# ---------------------------------------------------------------------------------------


class Enc:
    def __init__(self):
        self.tokens = []  # ("fixed", bytes) | ("str", bytes)

    def u8(self, v):
        self.tokens.append(("fixed", bytes([v & 0xFF])))

    def bool(self, v):
        self.u8(1 if v else 0)

    def u16(self, v):
        self.tokens.append(("fixed", (v & 0xFFFF).to_bytes(2, "little")))

    def i64(self, v):
        self.tokens.append(("fixed", (v % (1 << 64)).to_bytes(8, "little")))

    def opt_i64(self, v):
        self.bool(v is not None)
        if v is not None:
            self.i64(v)

    def str(self, s):
        self.tokens.append(("str", s.encode()))

    def rest_str(self, s):
        self.tokens.append(("fixed", s.encode()))

    def vec(self, items, each):
        for item in items:
            self.bool(True)
            each(item)
        self.bool(False)

    def rest_vec(self, items, each):
        for item in items:
            self.bool(True)
            each(item)

    def bytes(self):
        front = b"".join(t[1] for t in self.tokens)
        strs = [t[1] for t in self.tokens if t[0] == "str"]
        sizes = [1] * len(strs)
        for _ in range(10):
            total = len(front) + sum(sizes)
            remaining, k, ok = total, 0, True
            for kind, b in self.tokens:
                if kind == "fixed":
                    remaining -= len(b)
                    continue
                need = 1 if remaining <= 256 else 2 if remaining <= 65537 else None
                if need is None:
                    return None
                if need != sizes[k]:
                    sizes[k], ok = need, False
                    break
                remaining -= need
                if len(b) > remaining:
                    return None
                remaining -= len(b)
                k += 1
            if ok:
                break
        else:
            return None
        chunks = [len(b).to_bytes(size, "big") for b, size in zip(strs, sizes)]
        return front + b"".join(reversed(chunks))


def write(target, seeds):
    directory = FUZZ / "corpus" / target
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("seed-*"):
        old.unlink()
    unique = sorted({s for s in seeds if s is not None})
    for n, seed in enumerate(unique):
        (directory / f"seed-{n:04}").write_bytes(seed)
    print(f"{target}: {len(unique)} seeds")


# ---------------------------------------------------------------------------------------
# pattern_parse: every string of the pattern, config and matcher tables
# ---------------------------------------------------------------------------------------

table_strings = []
for name in ["pattern.rs", "config.rs", "matcher.rs", "decide.rs"]:
    table_strings += strings((TESTS / name).read_text())
table_strings += strings(PROPERTY.read_text())
pattern_seeds = [s.encode() for s in table_strings if "://" in s or s in ("*", "null")]
write("pattern_parse", pattern_seeds)

# ---------------------------------------------------------------------------------------
# policy_build: each case of config.rs, and each table origin alone
# ---------------------------------------------------------------------------------------


def field_list(block, name):
    m = re.search(name + r":\s*&\[(.*?)\]", block, re.S)
    return strings(m.group(1)) if m else []


def config_seed(origins, creds=False, tol_insecure=False, tol_ps=False, null=False,
                methods=(), headers=(), exposed=(), max_age=None, status=204, probe=""):
    e = Enc()
    e.u8((1 if creds else 0) | (2 if tol_insecure else 0) | (4 if tol_ps else 0) | (8 if null else 0))
    e.opt_i64(max_age)
    e.u16(status)
    e.vec(methods, e.str)
    e.vec(headers, e.str)
    e.vec(exposed, e.str)
    e.str(probe)
    e.rest_vec(origins, e.str)
    return e.bytes()


config_text = (TESTS / "config.rs").read_text()
build_seeds = []
for block in re.split(r"\n    Case \{", config_text)[1:]:
    block = block.split("\n    },")[0]
    if "DESIGN_EXAMPLE" in block:
        origins = ["https://app.example.com", "https://*.example.com", "http://localhost:*"]
        build_seeds.append(config_seed(origins, creds=True, methods=["GET", "POST", "PUT", "DELETE"],
                                       headers=["authorization", "content-type"],
                                       exposed=["x-request-id"], max_age=600,
                                       probe="https://app.example.com"))
        continue
    origins = []
    m = re.search(r"(?:origins|credentialed)\(&\[(.*?)\]\)", block, re.S)
    if m:
        origins = strings(m.group(1))
    elif "ONE" in block:
        origins = ["https://app.example.com"]
    origins = origins or field_list(block, "allowed_origins")
    age = re.search(r"max_age:\s*Some\((-?\d+)\)", block)
    status = re.search(r"preflight_success_status:\s*(\d+)", block)
    build_seeds.append(config_seed(
        origins,
        creds="credentialed(" in block or "allow_credentials: true" in block,
        tol_insecure="tolerate_insecure_origins: true" in block,
        tol_ps="tolerate_public_suffix_wildcards: true" in block,
        null="allow_null_origin: true" in block,
        methods=field_list(block, "allowed_methods"),
        headers=field_list(block, "allowed_request_headers"),
        exposed=field_list(block, "exposed_response_headers"),
        max_age=int(age.group(1)) if age else None,
        status=int(status.group(1)) if status else 204,
        probe=origins[0] if origins else "https://app.example.com",
    ))
matcher = strings((TESTS / "matcher.rs").read_text())
exact = [s for s in matcher if "://" in s and "*" not in s]
build_seeds.append(config_seed(exact[:10], probe="https://app.example.com.evil.net"))
for s in set(s.decode() for s in pattern_seeds):
    build_seeds.append(config_seed([s], probe=s))
    build_seeds.append(config_seed([s], creds=True, probe=s))
write("policy_build", build_seeds)

# ---------------------------------------------------------------------------------------
# policy_decide: the four policies of decide.rs with each of its requests
# ---------------------------------------------------------------------------------------

METHODS = ["PUT", "DELETE", "PATCH", "patch", "put", "X-CUSTOM", "GET", "*"]
REQUEST_HEADERS = ["x-custom", "X-Token", "authorization", "Content-Type", "DPR", "*"]
EXPOSED = ["x-request-id", "set-cookie", "content-type", "*"]
BROWSER_METHODS = ["GET", "POST", "HEAD", "PUT", "put", "DELETE", "PATCH", "patch", "OPTIONS", "X-CUSTOM"]

POLICIES = {
    "Credentialed": dict(flags=1, patterns=["https://app.example.com", "https://*.api.example.com", "http://localhost:*"],
                         methods=[0, 1], headers=[2, 3, 1], exposed=[0], max_age=2),
    "Any": dict(flags=0, patterns=["*"], methods=[7], headers=[5], exposed=[3], max_age=0),
    "AnyWithAuthorization": dict(flags=0, patterns=["*"], methods=[], headers=[5, 2], exposed=[], max_age=0),
    "Null": dict(flags=8, patterns=["null", "https://app.example.com"], methods=[], headers=[], exposed=[], max_age=0),
}
NAME_INDEX = {"origin": 0, "access-control-request-method": 1, "access-control-request-headers": 2}


def decide_seed(policy, raw_method, raw, origin_text, method, credentials, script, chromium):
    p = POLICIES[policy]
    e = Enc()
    e.u8(p["flags"] | (16 if chromium else 0))
    for v in (p["max_age"], 0, credentials, method):
        e.u8(v)
    e.vec(p["methods"], e.u8)
    e.vec(p["headers"], e.u8)
    e.vec(p["exposed"], e.u8)

    def pattern(text):
        for v in (7, 0, 0, 0):  # kind 7: the text as written
            e.u8(v)
        e.str(text)

    e.vec(p["patterns"], pattern)
    for v in (3, 0, 0, 0):  # choice 3: origin_text
        e.u8(v)
    e.str(origin_text)
    e.vec(script, e.u8)
    e.str(raw_method)

    def header(pair):
        name, value = pair
        e.u8(NAME_INDEX.get(name.lower(), 3))
        e.str(value)

    e.rest_vec(raw, header)
    return e.bytes()


decide_text = (TESTS / "decide.rs").read_text()
consts = {m.group(1): (unescape(m.group(2)), unescape(m.group(3)))
          for m in re.finditer(r'const (\w+): \(&str, &str\) = \("((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\);', decide_text)}
decide_seeds = []
for block in re.split(r"\n    Case \{", decide_text)[1:]:
    policy = re.search(r"policy: (\w+)", block)
    method = re.search(r'method: "([^"]*)"', block)
    request = re.search(r"request: &\[(.*?)\],\n\s*kind", block, re.S)
    if not (policy and method and request) or policy.group(1) not in POLICIES:
        continue
    raw = []
    for item in re.finditer(r'\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)",?\s*\)|\b([A-Z][A-Z0-9_]+)\b', request.group(1)):
        if item.group(3):
            if item.group(3) in consts:
                raw.append(consts[item.group(3)])
        else:
            raw.append((unescape(item.group(1)), unescape(item.group(2))))
    origin = next((v for n, v in raw if n.lower() == "origin"), "https://app.example.com")
    for credentials, script, chromium, m in [(0, [], False, 0), (2, [3, 5], True, 3), (1, [2], False, 7)]:
        decide_seeds.append(decide_seed(policy.group(1), method.group(1), raw, origin, m, credentials, script, chromium))
write("policy_decide", decide_seeds)
