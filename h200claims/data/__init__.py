"""Data files: lexicons, cue words, titles, units, boilerplate markers. Loaded once per process.

``load_json`` and ``read_tsv`` give a file as the package ships it plus what the user vocabulary
in force adds to it (``data/vocabulary.py``: ``Extractor(vocabulary=...)``, ``--vocabulary``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

#: the user vocabulary in force: data file name -> what it adds (set by ``vocabulary.activate``)
_ADDED: dict[str, Any] = {}
_KEY = ""


def path(name: str) -> Any:
    return resources.files(__name__).joinpath(name)


def as_file(name: str) -> Any:
    """A context manager giving a real file path for a packaged data file (a model, say)."""
    return resources.as_file(path(name))


def read_text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def package_json(name: str) -> Any:
    """A JSON data file as the package ships it."""
    return json.loads(read_text(name))


def load_json(name: str) -> Any:
    """A JSON data file, with what the user vocabulary in force adds to it."""
    if name not in _ADDED:
        return package_json(name)
    return _merged_json(name, _KEY)


@lru_cache(maxsize=32)
def _merged_json(name: str, key: str) -> Any:
    from h200claims.data.vocabulary import merge_json

    return merge_json(package_json(name), _ADDED[name])


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated file (and of the user vocabulary's lines for it); '#' lines and
    blank lines are skipped."""
    rows = []
    for line in read_text(name).splitlines() + list(_ADDED.get(name, [])):
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def vocabulary_key() -> str:
    return _KEY


def set_vocabulary(added: dict[str, Any], key: str) -> None:
    """Put a checked vocabulary's additions in force (``vocabulary.activate`` does this and clears
    the caches built from the data)."""
    global _ADDED, _KEY
    _ADDED, _KEY = added, key
