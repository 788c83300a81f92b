"""The domain lexicon: entities with their names in every script and language.

Files: data/lexicon/*.tsv, one entity a line:
    id <TAB> label <TAB> canonical <TAB> name|name|... [<TAB> affiliation id]
Names may be written in either script; they are matched through the Simplified view.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from h200claims.text.script import simplified_view

LABELS = ("PERSON", "ORG", "GPE", "PRODUCT")


@dataclass(frozen=True)
class LexEntry:
    id: str
    label: str
    canonical: str
    names: tuple[str, ...]
    affiliation: str | None = None
    source: str = field(default="", compare=False)


@lru_cache(maxsize=1)
def entries() -> tuple[LexEntry, ...]:
    out: list[LexEntry] = []
    seen: dict[str, str] = {}
    folder = resources.files("h200claims.data").joinpath("lexicon")
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".tsv"):
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or cols[1] not in LABELS:
                raise ValueError(f"lexicon/{f.name}:{n}: expected id, label, canonical, names[, affiliation]")
            eid = cols[0]
            if eid in seen:
                raise ValueError(f"lexicon/{f.name}:{n}: id {eid!r} already defined in {seen[eid]}")
            seen[eid] = f.name
            names = tuple(x.strip() for x in cols[3].split("|") if x.strip())
            aff = cols[4].strip() if len(cols) > 4 and cols[4].strip() else None
            out.append(LexEntry(eid, cols[1], cols[2], names, aff, f.name))
    return tuple(out)


@lru_cache(maxsize=1)
def by_id() -> dict[str, LexEntry]:
    return {e.id: e for e in entries()}


@lru_cache(maxsize=1)
def view_names() -> dict[str, tuple[str, ...]]:
    """Matching-view form of every name -> ids of the entries that carry it."""
    table: dict[str, list[str]] = {}
    for e in entries():
        for name in e.names:
            key = simplified_view(name)
            if e.id not in table.setdefault(key, []):
                table[key].append(e.id)
    return {k: tuple(v) for k, v in table.items()}
