"""One identity for an actor across the corpus.

A lexicon entity keeps its id. Any other entity gets the key ``label:folded id`` (its article id
folded to Simplified script, half-width, lower case). Identity is decided per **occurrence** (an
entity of one article: ``(article_id, key)``), joined only on evidence:

- organisations, places, products: occurrences sharing a folded name of two characters or more
  (a name, a mention, or an alias an article gives) are one actor;
- people with no lexicon id are joined only when they share the same full name as written (same
  script) *and* a title or an affiliation, or a name an article gives as an explicit alias pair
  (華倫（Elizabeth Warren）) or the lexicon lists; never on a short name alone (two 王明 in two
  articles stay two people).

A component that reaches a lexicon entity takes its id; two lexicon ids are never joined; else the
smallest key names the actor, with ``#<article id>`` added where two actors would share that name.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from h200claims.text.script import simplified_view

_DOTS = str.maketrans({"．": "·", "・": "·", "•": "·", "‧": "·", "-": " ", "_": " "})


def fold(name: str) -> str:
    """A name as the corpus compares it: NFKC, Simplified script, lower case, one kind of dot,
    single spaces.

    >>> fold("華倫"), fold("Elizabeth  WARREN"), fold("唐納．川普"), fold("elizabeth_warren")
    ('华伦', 'elizabeth warren', '唐纳·川普', 'elizabeth warren')
    """
    return " ".join(simplified_view(written(name)).split())


def written(name: str) -> str:
    """A name as written, compared within one script: NFKC, lower case, one kind of dot.

    >>> written("鄭偉倫") != written("郑伟伦"), written("ＷＡＮＧ")
    (True, 'wang')
    """
    return " ".join(unicodedata.normalize("NFKC", name.translate(_DOTS)).lower().split())


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


class Occurrence(NamedTuple):
    """One entity of one article, as the ``entities`` table holds it."""

    article_id: str
    key: str
    label: str
    lexicon: bool
    name: str = ""
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    names: tuple[str, ...] = ()  # folded: name, aliases, mentions


def evidence(o: Occurrence, paired: set[str]) -> list[str]:
    """The evidence nodes an occurrence joins: two occurrences sharing one are one actor.
    ``paired``: folded names some article gives as an explicit alias pair, or the lexicon lists."""
    if o.lexicon:
        kind = "P:" if o.label == "PERSON" else f"N:{o.label}:"
        return [f"L:{o.key}"] + [kind + n for n in o.names if joinable(n)]
    if o.label != "PERSON":
        return [f"K:{o.key}"] + [f"N:{o.label}:{n}" for n in o.names if joinable(n)]
    full = {written(n) for n in (o.name, *o.aliases) if joinable(written(n))}
    out = [f"T:{n}|{fold(t)}" for n in full for t in o.titles]
    out += [f"A:{n}|{o.affiliation}" for n in full if o.affiliation]
    return out + [f"P:{n}" for n in o.names if n in paired and joinable(n)]


def paired_names(occurrences: Iterable[Occurrence]) -> set[str]:
    """Folded names an article pairs explicitly (a person with aliases), or the lexicon lists."""
    return {n for o in occurrences if o.label == "PERSON" and (o.lexicon or o.aliases)
            for n in (*o.names, fold(o.name), *map(fold, o.aliases))}


def resolve(occurrences: Iterable[Occurrence]) -> dict[tuple[str, str], str]:
    """Occurrences in, ``(article_id, key) -> actor`` out.

    >>> got = resolve([Occurrence("a1", "person:王明", "PERSON", False, "王明"),
    ...                Occurrence("a2", "person:王明", "PERSON", False, "王明"),
    ...                Occurrence("a3", "person:华伦", "PERSON", False, "華倫", ("Elizabeth Warren",), (), None,
    ...                           ("华伦", "elizabeth warren")),
    ...                Occurrence("a4", "person:elizabeth warren", "PERSON", False, "Elizabeth Warren", (), (),
    ...                           None, ("elizabeth warren",))])
    >>> got[("a1", "person:王明")] != got[("a2", "person:王明")]
    True
    >>> got[("a3", "person:华伦")] == got[("a4", "person:elizabeth warren")] == "person:elizabeth warren"
    True
    """
    occ = list(occurrences)
    paired = paired_names(occ)
    parent: dict[str, str] = {}
    lexicon = {f"L:{o.key}" for o in occ if o.lexicon}

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb or (ra in lexicon and rb in lexicon):  # two lexicon ids are never joined
            return
        if rb in lexicon or (ra not in lexicon and rb < ra):
            ra, rb = rb, ra
        parent[rb] = ra

    nodes = [f"O:{o.article_id}\x00{o.key}" for o in occ]
    for node in nodes:
        parent.setdefault(node, node)
    edges = sorted({(e, node) for o, node in zip(occ, nodes) for e in evidence(o, paired)})
    for e, node in edges:  # an occurrence reaching two lexicon ids joins the first, never both
        parent.setdefault(e, e)
        union(e, node)
    members: dict[str, list[Occurrence]] = {}
    for o, node in zip(occ, nodes):
        members.setdefault(find(node), []).append(o)
    return _names(members, lexicon)


def _names(members: dict[str, list[Occurrence]], lexicon: set[str]) -> dict[tuple[str, str], str]:
    """An actor's name: its lexicon id, else its smallest key, with ``#<first article id>`` when
    another actor would share that key."""
    base = {root: root[2:] if root in lexicon else min(o.key for o in os_) for root, os_ in members.items()}
    uses: dict[str, int] = {}
    for name in base.values():
        uses[name] = uses.get(name, 0) + 1
    out = {}
    for root, os_ in members.items():
        name = base[root]
        if uses[name] > 1 and root not in lexicon:
            name = f"{name}#{min(o.article_id for o in os_)[:8]}"
        for o in os_:
            out[(o.article_id, o.key)] = name
    return out
