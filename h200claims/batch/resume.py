"""What a resumed run finds in its output, read with the format's own parser.

Each reader returns the keys of the articles already written and the byte length of the output's
whole records. Only a torn final record (a run killed while writing it) is cut off, with a warning
naming it; an unreadable record anywhere else stops the run with an error and changes nothing.
A key is ``resolved path|article id`` (``article_key``; the id is the first 16 hex digits of the
sha256 of the text, as in the corpus): the same file by any spelling of its path, unchanged since.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from h200claims.errors import H200ClaimsError

Warn = Callable[[str], None]


@dataclass
class Found:
    """What an output holds: article keys, and where its whole records end (bytes)."""

    keys: set[str] = field(default_factory=set)
    good: int = 0


def resolved(path: str) -> str:
    """The path as the resume check compares it: absolute, symlinks resolved."""
    return str(Path(path).resolve())


def text_id(text: str) -> str:
    """The article id of a text (``corpus/rows.py: article_id``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_key(source: str, aid: str) -> str:
    return resolved(source) + "|" + aid


def _refuse(out: Path, where: str, why: str) -> H200ClaimsError:
    return H200ClaimsError(f"{out}: {where} {why}; nothing was changed: fix or remove it, or write to a new file")


def _decoded(out: Path, data: bytes) -> tuple[str, int]:
    """The output as text, and its length in bytes once a final character cut in two is left off."""
    try:
        return data.decode("utf-8"), len(data)
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.end == len(data):  # cut inside the last character
            return data[:e.start].decode("utf-8"), e.start
        line = data[:e.start].count(b"\n") + 1
        raise _refuse(out, f"line {line}", "is not UTF-8") from None


def read_jsonl(out: Path, warn: Warn) -> Found:
    """Keys of the JSON records of a JSONL output; a torn last line (no newline after it) is left
    out of ``good``."""
    found = Found()
    if not out.exists():
        return found
    *lines, tail = out.read_bytes().split(b"\n")
    for n, raw in enumerate(lines, 1):
        try:
            record = json.loads(raw)
            found.keys.add(article_key(record["source"], text_id(record["text"])))
        except (ValueError, KeyError, TypeError):
            raise _refuse(out, f"line {n}", "is not a whole JSON record") from None
        found.good += len(raw) + 1
    if tail:  # the run was killed while writing it
        warn(f"{out}: line {len(lines) + 1} is torn (the run was cut short while writing it); dropped, it is redone")
    return found


def _records(text: str) -> tuple[list[tuple[list[str], int]], bool]:
    """CSV records, each with the offset (characters) where it ends, and whether the text ends
    inside a record (a torn one); an error before the end is refused by the caller."""
    pos = 0
    ends: list[int] = []

    def feed() -> Iterator[str]:
        nonlocal pos
        for m in re.finditer(r"[^\n]*\n|[^\n]+\Z", text):
            pos += len(m.group(0))
            ends.append(pos)
            yield m.group(0)

    out: list[tuple[list[str], int]] = []
    try:
        for row in csv.reader(feed(), strict=True):
            out.append((row, ends[-1]))
    except csv.Error:
        if pos < len(text):
            raise
        return out, True
    return out, not text.endswith("\n")


def read_csv(out: Path, fields: list[str], warn: Warn) -> Found:
    """Keys of the articles of a CSV output whose rows are all there (each row carries
    ``article_id`` and the article's ``claims``); the rows of a torn last article are left out
    of ``good``."""
    found = Found()
    if not out.exists() or not out.stat().st_size:
        return found
    text, _ = _decoded(out, out.read_bytes())
    try:
        records, torn = _records(text)
    except csv.Error as e:
        raise _refuse(out, "a row", f"is not CSV ({e})") from None
    if torn:
        warn(f"{out}: its last row is torn (the run was cut short while writing it); dropped, its article is redone")
        if records and records[-1][1] == len(text):
            records.pop()
    if not records:
        return found
    if records[0][0] != fields:
        raise _refuse(out, "line 1", f"is not this version's CSV header ({','.join(fields)})")
    for n, (r, _) in enumerate(records[1:], 2):
        if len(r) != len(fields):
            raise _refuse(out, f"row {n}", f"has {len(r)} fields, not {len(fields)}")
    rows = [dict(zip(fields, r)) for r, _ in records[1:]]
    end = records[-1][1]
    if rows:
        last = (rows[-1]["source"], rows[-1]["article_id"])
        i = len(rows)
        while i and (rows[i - 1]["source"], rows[i - 1]["article_id"]) == last:
            i -= 1
        if int(rows[-1]["claims"] or 0) != len(rows) - i:  # the last article's rows are not all there
            warn(f"{out}: the rows of {last[0]} are torn (the run was cut short while writing them); "
                 "dropped, it is redone")
            end, rows = records[i][1], rows[:i]
    found.keys = {article_key(r["source"], r["article_id"]) for r in rows}
    found.good = len(text[:end].encode("utf-8"))
    return found


def read_gold(out: Path, names: dict[str, str]) -> set[str]:
    """Gold files already written: ``names`` maps an input's resolved path to its gold file's
    name; a file counts when it exists and holds the sha256 of the input's text (the key)."""
    done = set()
    for source, name in names.items():
        target = out / name
        try:
            sha = json.loads(target.read_text(encoding="utf-8"))["sha256"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        done.add(article_key(source, sha[:16]))
    return done


def csv_text(rows: list[dict[str, object]], fields: list[str], header: bool = False) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields)
    if header:
        w.writeheader()
    w.writerows(rows)
    return buf.getvalue()
