"""Hypothesis strategies that damage files: byte-level mutations of a seed, structured
mutations of JSON values, of worksheet XML and of zip archives."""

from __future__ import annotations

import copy
import json
import math
import re
from typing import Any

from hypothesis import strategies as st

# --- Bytes ---------------------------------------------------------------------------------

_INTERESTING = [
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",  # a BOM
    b"\xc3\x28",  # invalid UTF-8
    b"\xed\xa0\x80",  # an encoded surrogate
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x01\x02",
    b"\x7f\xff\xff\xff",
    b"\xff\xff\xff\xff",
    b"\x00\x00\x00\x00",
    b"9" * 40,
    b"-1",
    b"NaN",
    b"Infinity",
    b"[" * 64,
    b"{",
    b'"',
    b"\\u0000",
    b"\\ud800",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"&a;",
    b"]]>",
    b"</",
]


@st.composite
def mutated_bytes(draw: st.DrawFn, seed: bytes, max_ops: int = 4) -> bytes:
    """``seed`` with a few byte-level edits: flip, overwrite, insert, delete, duplicate a run,
    truncate, splice in an interesting token."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        size = len(data)
        op = draw(
            st.sampled_from(
                ["flip", "set", "insert", "delete", "duplicate", "truncate", "token", "zero"]
            )
        )
        at = draw(st.integers(0, max(size - 1, 0)))
        if op == "flip" and size:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and size:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete" and size:
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "duplicate" and size:
            run = data[at : at + draw(st.integers(1, 256))]
            data[at:at] = run * draw(st.integers(1, 8))
        elif op == "truncate":
            del data[at:]
        elif op == "token":
            token = draw(st.sampled_from(_INTERESTING))
            if draw(st.booleans()):
                data[at:at] = token
            else:
                data[at : at + len(token)] = token
        elif op == "zero" and size:
            length = draw(st.integers(1, 32))
            data[at : at + length] = bytes(min(length, size - at))
    return bytes(data)


def random_or_mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """Half random bytes (short, then a few with a real header), half mutations of ``seed``."""
    return st.one_of(
        st.binary(max_size=512),
        st.binary(max_size=256).map(lambda tail: seed[:64] + tail),
        mutated_bytes(seed),
    )


# --- JSON values ---------------------------------------------------------------------------

_WEIRD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(math.nan),
    st.text(max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\ud800",  # a lone surrogate: json.dumps writes it escaped
            "9999-99-99",
            "0000-01-01",
            "2022-02-30",
            "2022-04-20T25:00:00",
            "+999999-01-01",
            "ab" * 32,
            "AB" * 32,
            "KY_THUAT",
            "../../x",
            "C:\\x",
            "con",
            "x" * 5000,
            "ạ" * 300,
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    out = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            out += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            out += _paths(inner, (*prefix, index))
    return out


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


def deep_text(levels: int) -> str:
    """JSON text nested ``levels`` deep (built as text: json.dumps itself would recurse)."""
    opening = "".join('{"a": ' if i % 2 else "[" for i in range(levels))
    closing = "".join("}" if i % 2 else "]" for i in reversed(range(levels)))
    return opening + "1" + closing


_DEEP = re.compile(r'"(?:\\u0000|\x00)DEEP(\d+)(?:\\u0000|\x00)"')


def dump_json(value: Any, *, ascii_only: bool = False, bom: bool = False) -> bytes:
    """``value`` as JSON bytes (NaN allowed); a string ``"\\x00DEEP<n>\\x00"`` becomes ``n``
    levels of nesting."""
    text = json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)
    text = _DEEP.sub(lambda m: deep_text(int(m[1])), text)
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate: invalid UTF-8, on purpose
    return (b"\xef\xbb\xbf" + data) if bom else data


@st.composite
def mutated_json(draw: st.DrawFn, seed: Any, max_ops: int = 3) -> bytes:
    """``seed`` (parsed JSON) with a few structured edits — a value replaced by one of the wrong
    type or shape, a key dropped or added, a list item duplicated or dropped, deep nesting — as
    JSON bytes (ASCII-escaped or not, with a BOM or not)."""
    value = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        paths = _paths(value)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "drop", "add", "duplicate", "deep", "swap"]))
        levels = draw(st.integers(1, 3000))
        if not path:
            if op in ("replace", "deep"):
                value = draw(_WEIRD_VALUES) if op == "replace" else f"\x00DEEP{levels}\x00"
            continue
        parent, key = _get(value, path[:-1]), path[-1]
        if op == "replace":
            parent[key] = draw(_WEIRD_VALUES)
        elif op == "drop":
            del parent[key]
        elif op == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(_WEIRD_VALUES)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif op == "deep":
            parent[key] = f"\x00DEEP{levels}\x00"
        elif op == "swap" and isinstance(parent, dict):
            other = draw(st.sampled_from(sorted(parent, key=str)))
            parent[key], parent[other] = parent[other], parent[key]
    return dump_json(value, ascii_only=draw(st.booleans()), bom=draw(st.booleans()))


# --- Worksheet XML -------------------------------------------------------------------------

_CELL = re.compile(rb"<c r=\"([A-Z]+)(\d+)\"[^>]*?(?:/>|>.*?</c>)", re.S)

_XML_EDITS: list[tuple[bytes, bytes]] = [
    (rb"<dimension ref=\"[^\"]*\"/>", b'<dimension ref="A1:XFD1048576"/>'),
    (rb"<dimension ref=\"[^\"]*\"/>", b'<dimension ref="A1:ZZZZZZ99999999999"/>'),
    (rb"<dimension ref=\"[^\"]*\"/>", b'<dimension ref="nonsense"/>'),
    (rb"<row r=\"(\d+)\"", b'<row r="99999999999"'),
    (rb"<row r=\"(\d+)\"", b'<row r="-3"'),
    (rb"<row r=\"(\d+)\"", b'<row r="abc"'),
    (rb"<c r=\"[A-Z]+(\d+)\"", b'<c r="ZZZZZZZZ1"'),
    (rb"<c r=\"[A-Z]+(\d+)\"", b'<c r="A"'),
    (rb"<c r=\"[A-Z]+(\d+)\"", b'<c r="1A"'),
    (rb"<c r=\"[A-Z]+(\d+)\"", b'<c r=""'),
    (rb" t=\"s\"", b' t="d"'),
    (rb" t=\"s\"", b' t="n"'),
    (rb" t=\"s\"", b' t="e"'),
    (rb" t=\"s\"", b' t="b"'),
    (rb" t=\"s\"", b' t="zz"'),
    (rb" t=\"n\"", b' t="s"'),
    (rb"<v>\d+</v>", b"<v>99999999</v>"),
    (rb"<v>\d+</v>", b"<v>-1</v>"),
    (rb"<v>\d+</v>", b"<v>NaN</v>"),
    (rb"<v>\d+</v>", b"<v>1e400</v>"),
    (rb"<v>\d+</v>", b"<v>2958466</v>"),
    (rb"<v>[^<]*</v>", b"<v>30/02/2023</v>"),
    (rb"<v>[^<]*</v>", b"<f>SUM(A1:A9)</f><v></v>"),
    (rb"<v>[^<]*</v>", b"<f>1/0</f><v>#DIV/0!</v>"),
    (rb"<v>[^<]*</v>", b"<is><t>" + "Ngày 01/01/2023".encode() + b"</t></is>"),
    (rb"<v>[^<]*</v>", b"<is><r><t>a</t></r><r><t>b</t></r></is>"),
    (rb" s=\"\d+\"", b' s="9999"'),
    (rb" s=\"\d+\"", b' s="-1"'),
    (rb"<sheetData>", b"<sheetData><row/><row><c/></row>"),
    (rb"</sheetData>", b'<row r="200000"><c r="B200000" t="inlineStr"><is><t>x</t></is></c></row>'
     b"</sheetData>"),
    (rb"<si>", b"<si><t>" + b"\xe1\xba\xa1" * 40_000 + b"</t></si><si>"),
    (rb"<sst [^>]*>", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'),
    (rb"<numFmts[^>]*>", b'<numFmts count="1"><numFmt numFmtId="300" formatCode="dd/mm/yyyy"/>'),
    (rb"numFmtId=\"\d+\"", b'numFmtId="99999"'),
    (rb"<\?xml[^>]*\?>", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
     b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'),
    (rb"<\?xml[^>]*\?>", b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd">'),
    (rb"<sheet ", b'<sheet state="hidden" '),
    (rb"<sheet name=\"[^\"]*\"", b'<sheet name=""'),
    (rb"r:id=\"rId\d+\"", b'r:id="rId999"'),
    (rb"Target=\"[^\"]*\"", b'Target="../../../../etc/passwd"'),
    (rb"Target=\"[^\"]*\"", b'Target="/xl/worksheets/sheet1.xml"'),
    (rb"<workbookPr[^>]*/>", b'<workbookPr date1904="1"/>'),
]  # fmt: skip


@st.composite
def mutated_xml(draw: st.DrawFn, seed: bytes, max_ops: int = 3) -> bytes:
    """``seed`` (an XML part) with a few edits a damaged or hostile workbook has."""
    data = seed
    for _ in range(draw(st.integers(1, max_ops))):
        if draw(st.integers(0, 3)) == 0:
            data = draw(mutated_bytes(data, max_ops=2))
            continue
        pattern, replacement = draw(st.sampled_from(_XML_EDITS))
        matches = list(re.finditer(pattern, data))
        if not matches:
            continue
        match = draw(st.sampled_from(matches))
        data = data[: match.start()] + replacement + data[match.end() :]
    return data


@st.composite
def nested_xml(draw: st.DrawFn) -> bytes:
    """A worksheet of deep nesting or of very many rows or cells (size limits, not content)."""
    ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shape = draw(st.sampled_from(["deep", "wide", "tall"]))
    if shape == "deep":
        depth = draw(st.integers(100, 5000))
        body = b"<row>" + b"<c>" * depth + b"</c>" * depth + b"</row>"
    elif shape == "wide":
        count = draw(st.integers(100, 20000))
        body = b'<row r="1">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * count + b"</row>"
    else:
        count = draw(st.integers(100, 20000))
        body = b"".join(
            b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, count)
        )
    return b'<worksheet xmlns="' + ns + b'"><sheetData>' + body + b"</sheetData></worksheet>"
