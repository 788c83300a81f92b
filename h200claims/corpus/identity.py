"""One identity for an actor across the corpus.

A lexicon entity keeps its id. Any other entity gets the key ``label:folded id`` (its article id
folded to Simplified script, half-width, lower case), so 華倫 in one article and 华伦 in another
share ``person:华伦``. Keys whose entities share a folded name (a name or alias an article gives:
華倫（Elizabeth Warren）) are one actor: the connected components of keys and names, per label.
A component that reaches a lexicon entity takes its id; two lexicon ids are never joined; else the
smallest key names the actor.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from h200claims.text.script import simplified_view

_DOTS = str.maketrans({"．": "·", "・": "·", "•": "·", "‧": "·", "-": " ", "_": " "})


def fold(name: str) -> str:
    """A name as the corpus compares it: NFKC, Simplified script, lower case, one kind of dot,
    single spaces.

    >>> fold("華倫"), fold("Elizabeth  WARREN"), fold("唐納．川普"), fold("elizabeth_warren")
    ('华伦', 'elizabeth warren', '唐纳·川普', 'elizabeth warren')
    """
    s = simplified_view(unicodedata.normalize("NFKC", name.translate(_DOTS))).lower()
    return " ".join(s.split())


def actor_key(entity_id: str, label: str, in_lexicon: bool) -> str:
    """The corpus key of an article's entity.

    >>> actor_key("nvidia", "ORG", True), actor_key("陳大文", "PERSON", False)
    ('nvidia', 'person:陈大文')
    """
    return entity_id if in_lexicon else f"{label.lower()}:{fold(entity_id)}"


def joinable(folded: str) -> bool:
    """Whether a folded name is specific enough to join two keys (two characters or more, not a
    bare number).

    >>> joinable("华伦"), joinable("美"), joinable("2025")
    (True, False, False)
    """
    return len(folded) >= 2 and not folded.replace(".", "").isdigit()


def resolve(rows: Iterable[tuple[str, str, bool, list[str]]]) -> dict[str, str]:
    """``(actor_key, label, from_lexicon, folded names)`` rows in, ``actor_key -> actor`` out.

    >>> resolve([("person:华伦", "PERSON", False, ["华伦"]),
    ...          ("person:沃伦", "PERSON", False, ["沃伦", "elizabeth warren"]),
    ...          ("person:elizabeth warren", "PERSON", False, ["elizabeth warren", "华伦"]),
    ...          ("person:王", "PERSON", False, ["王"])])  # doctest: +NORMALIZE_WHITESPACE
    {'person:elizabeth warren': 'person:elizabeth warren', 'person:华伦': 'person:elizabeth warren',
     'person:沃伦': 'person:elizabeth warren', 'person:王': 'person:王'}
    """
    parent: dict[str, str] = {}
    lexicon: set[str] = set()

    def rank(x: str) -> tuple[int, str]:  # the root a component keeps: a lexicon id, else the smallest key
        return (0 if x in lexicon else 2 if x.startswith("\x00") else 1), x

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    edges: list[tuple[str, str]] = []
    for key, label, from_lexicon, names in rows:
        parent.setdefault(key, key)
        if from_lexicon:
            lexicon.add(key)
        edges.extend((key, f"\x00{label}:{n}") for n in names if joinable(n))
    for key, name in sorted(set(edges)):
        parent.setdefault(name, name)
        ra, rb = find(key), find(name)
        if ra != rb and not (ra in lexicon and rb in lexicon):
            lo, hi = sorted((ra, rb), key=rank)
            parent[hi] = lo
    return {k: find(k) for k in sorted(parent) if not k.startswith("\x00")}
