"""User vocabulary: units, cue words, titles and boilerplate markers added to the package's data
files without editing them (beside the user lexicon, which adds names).

A vocabulary is a JSON file naming the package data files it adds to (``data/vocabulary.json``
lists them), each part in that file's own format; or a folder holding files of those names::

    {"quantities.json": {"classifiers": ["票"], "measure_units": {"海浬": "nmi"}},
     "quote_cues.tsv": ["嗆聲\\tstrong\\tafter,direct"],
     "entity_rules.json": {"titles": ["村長"]},
     "boilerplate.json": {"end_markers": ["^（本文完）$"]}}

Lists are extended (an item the package has is not repeated), tables (JSON objects) get entries
(the user's value wins); numbers and single strings cannot be changed. Words may be written in
either script (they are matched through the Simplified view). Everything is checked when the
vocabulary is read: an unknown file or key, a wrong type, a bad pattern or cue line is an
``H200ClaimsConfigError`` naming the file and the key.

``Extractor(vocabulary="my_vocab.json")`` or ``h200claims extract --vocabulary my_vocab.json``.
The data loaders (``data.load_json``, ``data.read_tsv``) give the vocabulary in force; an
Extractor puts its own in force before it reads an article, so Extractors with different
vocabularies can take turns in one process (each switch rebuilds the compiled word lists once).

>>> voc = load([{"quantities.json": {"classifiers": ["張"]}}])
>>> "张" in merge_json(package_json("quantities.json"), voc.added["quantities.json"])["classifiers"]
True
>>> load([{"quantities.json": {"clasifiers": ["票"]}}])
Traceback (most recent call last):
h200claims.errors.H200ClaimsConfigError: vocabulary <dict>: quantities.json: unknown key 'clasifiers' (did you mean 'classifiers'?)
"""
from __future__ import annotations

import copy
import difflib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from h200claims import data
from h200claims.errors import H200ClaimsConfigError

Source = str | Path | dict[str, Any]


@dataclass
class Vocabulary:
    """What one or more vocabulary files add: data file name -> additions (a dict for a JSON file,
    TSV lines for a TSV file). ``sources``: the paths (as str) and dicts it was read from, which
    rebuild it in a worker; ``key`` identifies the content (two equal vocabularies share it)."""

    sources: list[Any]
    added: dict[str, Any] = field(default_factory=dict)
    key: str = ""


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    return data.load_json("vocabulary.json")  # type: ignore[no-any-return]


def package_json(name: str) -> Any:
    return data.package_json(name)


def load(sources: Source | Iterable[Source] | None) -> Vocabulary | None:
    """Read and check vocabulary files (or folders, or dicts in the file format), in order; None
    when there are none."""
    if sources is None:
        return None
    if isinstance(sources, (str, Path, dict)):
        sources = [sources]
    added: dict[str, Any] = {}
    kept: list[Any] = []
    for src in sources:
        label = "<dict>" if isinstance(src, dict) else str(src)
        for name, part in _parts(src, label).items():
            _add(added, name, _check(name, part, f"vocabulary {label}: {name}"))
        kept.append(src if isinstance(src, dict) else str(src))
    if not added:
        return None
    return Vocabulary(kept, added, json.dumps(added, ensure_ascii=False, sort_keys=True))


def _parts(src: Source, label: str) -> dict[str, Any]:
    """The file's (or folder's) parts by data file name."""
    known = spec()["files"]
    if isinstance(src, dict):
        parts = src
    else:
        path = Path(src)
        if path.is_dir():
            parts = {}
            for name in known:
                if (path / name).is_file():
                    text = path.joinpath(name).read_text(encoding="utf-8-sig")
                    parts[name] = text.splitlines() if name.endswith(".tsv") else _json(text, f"{path / name}")
            if not parts:
                raise H200ClaimsConfigError(f"vocabulary {label}: a folder holding none of {', '.join(known)}")
        elif path.is_file():
            parts = _json(path.read_text(encoding="utf-8-sig"), label)
        else:
            raise H200ClaimsConfigError(f"vocabulary {label}: no such file or folder")
    if not isinstance(parts, dict):
        raise H200ClaimsConfigError(f"vocabulary {label}: expected a JSON object naming data files ({', '.join(known)})")
    for name in parts:
        if name not in known and not name.startswith("_"):
            raise H200ClaimsConfigError(f"vocabulary {label}: unknown data file {name!r}{_near(name, known)}; "
                                        f"a vocabulary adds to {', '.join(known)}")
    return {k: v for k, v in parts.items() if not k.startswith("_")}


def _json(text: str, label: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise H200ClaimsConfigError(f"vocabulary {label}: not JSON: {e}") from None


def _near(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _view(x: Any) -> Any:
    from h200claims.text.script import simplified_view

    return simplified_view(x) if isinstance(x, str) else x


def _check(name: str, part: Any, where: str) -> Any:
    """One file's additions, checked against the package's file and put in the Simplified view."""
    if name.endswith(".tsv"):
        return _check_tsv(name, part, where)
    if not isinstance(part, dict):
        raise H200ClaimsConfigError(f"{where}: expected a JSON object of keys to add to")
    base = package_json(name)
    patterns = set(spec()["patterns"].get(name, []))
    out: dict[str, Any] = {}
    for key, val in part.items():
        if key.startswith("_"):
            continue
        if key not in base:
            raise H200ClaimsConfigError(f"{where}: unknown key {key!r}{_near(key, [k for k in base if k[0] != '_'])}")
        have = base[key]
        if isinstance(have, list):
            if not isinstance(val, list):
                raise H200ClaimsConfigError(f"{where}: {key} is a list; give a list of items to add")
            kinds = {type(x) for x in have} or {str}
            for i, item in enumerate(val):
                if type(item) not in kinds or (isinstance(item, str) and not item.strip()):
                    raise H200ClaimsConfigError(f"{where}: {key}[{i}]: {item!r} is not a "
                                                f"{' or '.join(sorted(k.__name__ for k in kinds))} (or is blank)")
                if key in patterns:
                    _check_pattern(item, f"{where}: {key}[{i}]")
            out[key] = [_view(x) for x in val]
        elif isinstance(have, dict):
            if not isinstance(val, dict):
                raise H200ClaimsConfigError(f"{where}: {key} is a table; give a JSON object of entries to add")
            kinds = {type(x) for k, x in have.items() if not k.startswith("_")}
            for k, x in val.items():
                if type(x) not in kinds:
                    raise H200ClaimsConfigError(f"{where}: {key}[{k!r}]: {x!r} is not a "
                                                f"{' or '.join(sorted(t.__name__ for t in kinds))}")
            out[key] = {_view(k): x for k, x in val.items()}
        else:
            raise H200ClaimsConfigError(f"{where}: {key} is a single {type(have).__name__}, which a vocabulary "
                                        "cannot change (only lists and tables are extended)")
    return out


def _check_pattern(item: str, where: str) -> None:
    import regex

    try:
        regex.compile(item)
    except regex.error as e:
        raise H200ClaimsConfigError(f"{where}: not a valid pattern: {e}") from None


def _check_tsv(name: str, part: Any, where: str) -> list[str]:
    from h200claims.tags.quote_words import FRAMES, STRENGTHS

    if isinstance(part, str):
        part = part.splitlines()
    if not isinstance(part, list) or not all(isinstance(x, str) for x in part):
        raise H200ClaimsConfigError(f"{where}: expected lines ({spec()['tsv_columns'][name]})")
    out = []
    for n, line in enumerate(part, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 3 or not cols[0].strip() or cols[1] not in STRENGTHS \
                or not set(cols[2].split(",")) <= set(FRAMES):
            raise H200ClaimsConfigError(f"{where}: line {n}: {line!r}: expected {spec()['tsv_columns'][name]}, "
                                        f"strength one of {', '.join(STRENGTHS)}, frames a comma list of "
                                        f"{', '.join(FRAMES)}")
        out.append("\t".join([cols[0].strip(), *cols[1:]]))
    return out


def _add(added: dict[str, Any], name: str, part: Any) -> None:
    if name.endswith(".tsv"):
        added.setdefault(name, []).extend(part)
        return
    mine = added.setdefault(name, {})
    for key, val in part.items():
        if isinstance(val, list):
            mine[key] = mine.get(key, []) + val
        else:
            mine[key] = {**mine.get(key, {}), **val}


def merge_json(base: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The package's file with a vocabulary's additions (a new dict; ``base`` is left alone)."""
    out = copy.deepcopy(base)
    for key, val in part.items():
        if isinstance(val, list):
            out[key] = out[key] + [x for x in val if x not in out[key]]
        else:
            out[key] = {**out[key], **val}
    return out


def activate(vocabulary: Vocabulary | None) -> None:
    """Put a vocabulary (None: the package's data alone) in force for this process. Nothing
    happens when it is in force already; else the package's cached word lists are rebuilt on
    their next use."""
    key = vocabulary.key if vocabulary else ""
    if data.vocabulary_key() == key:
        return
    data.set_vocabulary(vocabulary.added if vocabulary else {}, key)
    clear_caches()


#: caches that hold no data a vocabulary changes (the lexicon, the tokenizers)
KEEP = ("h200claims.data.lexicon", "h200claims.tokens")


def clear_caches() -> None:
    """Empty every argument-less cached loader of the package (word lists and the patterns built
    from them), so that they read the data in force again."""
    import functools
    import inspect

    for name, mod in list(sys.modules.items()):
        if not name.startswith("h200claims.") or name.startswith(KEEP) or mod is None:
            continue
        for obj in list(vars(mod).values()):
            if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", None) == name \
                    and not inspect.signature(obj).parameters and obj is not spec:
                obj.cache_clear()
