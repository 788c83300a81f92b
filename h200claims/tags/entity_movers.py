"""A market report's movers: the companies whose shares moved, named in no lexicon.

Market pages list listed companies by their short names, each with the move of its shares
(信義光能收市跌4.7%, 攜程則逆市反彈2.3%, 華潤置地及中國海外跌2%). The shape is the evidence: a name
standing after punctuation (or after another such name and 、及與和), market adverbs (收市, 逆市, 同比),
a move verb and an amount. What markets move that is no company (恒指, 港股, 金價, 成交額) is in
``stock_movers.not_names`` and ``not_last`` of data/entity_rules.json, and a frequent dictionary
word (出口, 房價) is no name.

    >>> import h200claims
    >>> [m.text for m in h200claims.extract("恒指跌1.2%。東岸光電收市跌4.7%，遠航置業及南港發展跌2%。").mentions]
    ['東岸光電', '遠航置業', '南港發展']
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from h200claims import data
from h200claims.doc import Doc, MentionCandidate
from h200claims.tags.entity_rules import rule
from h200claims.tags.entity_vocab import is_common_word, name_key
from h200claims.text.script import simplified_view as v

#: what a name may stand after: the start of a line, punctuation or a list's joiner
BEFORE = "\n，。；：、,;:！？!?」”）) \u3000"
JOINERS = "、及与和"


@lru_cache(maxsize=1)
def _cfg() -> dict[str, Any]:
    cfg = data.load_json("entity_rules.json")["stock_movers"]
    verbs = "|".join(regex.escape(v(x)) for x in sorted(cfg["verbs"], key=len, reverse=True))
    gap = "|".join(regex.escape(v(x)) for x in sorted(cfg["gap_words"], key=len, reverse=True))
    name = r"(?:\p{Han}{2,6}?|[A-Z][A-Za-z&]{1,9})"  # as short as the gap words after it allow (信義光能|收市)
    return {  # the move and its amount are found first (few), then the names before each (a short look back)
        "move": regex.compile(rf"(?:{verbs})[了近逾约超达]?{cfg['amount']}"),
        "names": regex.compile(rf"(?P<names>{name}(?:[{JOINERS}]{name})*)(?:{gap})*"),
        "split": regex.compile(rf"[{JOINERS}]"),
        "not_names": frozenset(v(x) for x in cfg["not_names"]),
        "not_last": frozenset(v(cfg["not_last"])),
        "not_first": frozenset(v(cfg["not_first"])),
    }


def mover_name(name: str) -> bool:
    """Whether ``name`` (matching view) can be a listed company's short name.

    >>> mover_name("信义光能"), mover_name("恒指"), mover_name("成交额"), mover_name("出口")
    (True, False, False, False)
    """
    cfg = _cfg()
    return name not in cfg["not_names"] and name[-1] not in cfg["not_last"] and name[0] not in cfg["not_first"] \
        and not is_common_word(name)


@rule("stock_mover")
def stock_movers(doc: Doc) -> list[MentionCandidate]:
    """Companies a market report names by the move of their shares (see the module)."""
    cfg = _cfg()
    view = doc.view
    gpe = {(c.start, c.end) for c in doc.candidates if c.label == "GPE"}
    out = []
    for a, b in doc.paragraphs:
        for move in cfg["move"].finditer(view, a, b):
            for m in _names_before(view, a, move.start()):
                out.extend(_movers(doc, m, gpe))
    return out


#: how far before a move its names may start (names, joiners and the gap)
LOOK_BACK = 48


def _names_before(view: str, a: int, end: int) -> list[Any]:
    """Each reading of names (and a gap) that ends at ``end`` and starts where a name may stand."""
    names = _cfg()["names"]
    return [m for s in range(max(a, end - LOOK_BACK), end - 1) if (s == a or view[s - 1] in BEFORE)
            and (m := names.fullmatch(view, s, end)) is not None]


def _movers(doc: Doc, m: Any, gpe: set[tuple[int, int]]) -> list[MentionCandidate]:
    cfg = _cfg()
    text = m.group("names")
    out = []
    pos = m.start("names")
    for part in cfg["split"].split(text):
        if len(part) >= 2 and mover_name(part) and (pos, pos + len(part)) not in gpe \
                and doc.at_token_boundary(pos) and doc.at_token_boundary(pos + len(part)):  # 同比|上升: no 同比上
            out.append(MentionCandidate(pos, pos + len(part), "ORG", "stock_mover", name_key(part), priority=1))
        pos += len(part) + 1
    return out
