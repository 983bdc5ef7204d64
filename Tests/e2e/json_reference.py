#!/usr/bin/env python3
"""An independent reading of JSON, from Python's json module, for the Swift tests of the tape.

    json_reference.py FILE    FILE holds one document per line, hex-encoded

For each document, one line: `error`, or `ok VALUE SHA256` where VALUE is the document as an
unambiguous ASCII form (strings as JSON strings with ensure_ascii, numbers as {"n": lexeme},
objects as {"o": [[key, value], ...]} in source order, arrays as lists) and SHA256 is the hash of
the canonical form (keys sorted by code point, no whitespace, strings escaped as the program's
files escape them). The rules the program adds to RFC 8259 are applied here from the spec, not
from its code: a leading BOM accepted, duplicate keys refused (keys equal under canonical
equivalence, as Swift compares strings), lone surrogates refused, at most 128 nested containers.
"""
import hashlib
import json
import sys
import unicodedata

MAX_DEPTH = 128


class Refused(Exception):
    pass


class Number:
    def __init__(self, lexeme):
        self.lexeme = lexeme


class Object:
    def __init__(self, pairs):
        seen = set()
        for key, _ in pairs:
            form = unicodedata.normalize("NFC", key)
            if form in seen:
                raise Refused("duplicate key")
            seen.add(form)
        self.pairs = pairs


def refuse(_):
    raise Refused("not JSON")


def check(value, depth=0):
    """Lone surrogates and nesting depth, which Python's json allows."""
    if isinstance(value, str):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise Refused("lone surrogate")
    elif isinstance(value, list) or isinstance(value, Object):
        if depth >= MAX_DEPTH:
            raise Refused("too deep")
        items = value if isinstance(value, list) else [x for pair in value.pairs for x in pair]
        for item in items:
            check(item, depth + 1)


def parse(data: bytes):
    text = data.decode("utf-8")  # strict: invalid UTF-8 and encoded surrogates raise
    if text.startswith("\ufeff"):
        text = text[1:]
    value = json.loads(text, object_pairs_hook=Object, parse_int=Number, parse_float=Number,
                       parse_constant=refuse)
    check(value)
    return value


def tagged(value):
    if isinstance(value, Number):
        return {"n": value.lexeme}
    if isinstance(value, Object):
        return {"o": [[k, tagged(v)] for k, v in value.pairs]}
    if isinstance(value, list):
        return [tagged(v) for v in value]
    return value


def unsafe(code):
    """The scalars the program's files always escape: C0, DEL, C1, bidi and line separators."""
    return (code < 0x20 or 0x7F <= code <= 0x9F or code in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029)
            or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069)


SHORT = {0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0C: "\\f"}


def canonical_string(s):
    out = []
    for c in s:
        code = ord(c)
        if code in SHORT:
            out.append(SHORT[code])
        elif unsafe(code):
            out.append("\\u%04x" % code)
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def canonical(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Number):
        return value.lexeme
    if isinstance(value, str):
        return canonical_string(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    pairs = sorted(value.pairs, key=lambda pair: pair[0])
    return "{" + ",".join(canonical_string(k) + ":" + canonical(v) for k, v in pairs) + "}"


def main():
    sys.setrecursionlimit(10_000)
    with open(sys.argv[1], encoding="ascii") as f:
        for line in f:
            try:
                value = parse(bytes.fromhex(line.strip()))
            except (Refused, ValueError, RecursionError):
                print("error")
                continue
            digest = hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()
            print("ok", json.dumps(tagged(value), ensure_ascii=True, separators=(",", ":")), digest)


if __name__ == "__main__":
    main()
