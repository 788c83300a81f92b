"""Data files: lexicons, cue words, titles, units, boilerplate markers. Loaded once per process."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def path(name: str) -> Any:
    return resources.files(__name__).joinpath(name)


def as_file(name: str) -> Any:
    """A context manager giving a real file path for a packaged data file (a model, say)."""
    return resources.as_file(path(name))


def read_text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    return json.loads(read_text(name))


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated file; '#' lines and blank lines are skipped."""
    rows = []
    for line in read_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
