"""The named units of a body: a ministry's agency and its office (財政部|關務署|基隆關), a bureau's
squad (刑事局|偵查第六大隊), a ministry's department whose head is named with it (統計分析司司長).

The unit words are data (``org_unit_suffixes`` in data/entity_rules.json); a unit is a mention of its
own beside its parent (GUIDELINES: a parent body followed by a named unit is two mentions).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from h200claims import data
from h200claims.doc import Doc, MentionCandidate
from h200claims.patterns import alternation, compile_fast
from h200claims.tags.entity_rules import rule
from h200claims.tags.entity_vocab import NUMERALS, COMMON_WORD_FREQ, _jieba_freq, is_cjk, name_key, verb_tags, vocab
from h200claims.text.script import simplified_view as v

#: the longest unit name, its unit word included
UNIT_MAX = 8


@lru_cache(maxsize=1)
def unit_words() -> tuple[Any, frozenset[str]]:
    """(regex of a unit word at a position, the units' common words that name no unit: 總部, 本局)."""
    cfg = data.load_json("entity_rules.json")
    return (compile_fast(alternation(v(x) for x in cfg["org_unit_suffixes"])),
            frozenset(v(x) for x in cfg["org_unit_not_names"]))


@lru_cache(maxsize=1)
def unit_data() -> tuple[frozenset[str], frozenset[str]]:
    """(characters no unit's name holds, lexicon kinds of a unit's parent)."""
    cfg = data.load_json("entity_rules.json")
    return frozenset(v(cfg["not_name_chars"])), frozenset(cfg["org_unit_parent_kinds"])


def is_parent(doc: Doc, c: MentionCandidate) -> bool:
    """Whether a body can have named units written after it: a government body by the lexicon's kind
    or by its last character (財政部, 刑事局, 金管會), not a team or a company."""
    lex = doc.lexicon.by_id.get(c.key)
    if lex is not None:
        return lex.kind in unit_data()[1]
    return doc.view[c.end - 1] in vocab().government_suffixes or doc.view[c.end - 1] in "会委"


def unit_at(doc: Doc, s: int, para_end: int) -> int | None:
    """End of a unit's name starting at ``s``: two to six characters of name, then a unit word that
    ends a token or is followed by a title (條平司|長, 關務署|署長), not by another word (局勢)."""
    voc = vocab()
    view = doc.view
    words, not_names = unit_words()
    if not doc.at_token_boundary(s) or view[s] in voc.org_stop:
        return None
    first = next((view[a:b] for a, b in doc.tokens_in(s, s + 4)[:1] if a == s), "")
    if verb_tags().get(first) == "v" or first in voc.org_function_heads or voc.name_stops_re.match(view, s) \
            or view.startswith(voc.generic_org_heads, s) or view[s] in NUMERALS or view[s].isdigit():
        return None  # 將|成立…局: a clause, not a name; 各|專門委員會: no name
    for i in range(s + 1, min(para_end, s + UNIT_MAX)):
        ch = view[i]
        if not is_cjk(ch) or ch in voc.org_stop or ch in unit_data()[0]:
            return None
        m = words.match(view, i, para_end)
        if m is None:
            continue
        e = m.end()
        last = next((view[a:b] for a, b in doc.tokens_in(s, e) if b == e), "")
        if i - s < 2 or view[s:e] in not_names or (  # 副局|長: a title's head, not a unit
                len(last) > len(m.group()) and _jieba_freq().get(last, 0) >= COMMON_WORD_FREQ):
            return None  # 研議|相關, 峰會上|簽署: the unit word is the end of a common word
            return None
        if e >= para_end or not is_cjk(view[e]) or doc.at_token_boundary(e) or view[e] == "长" \
                or voc.title_at.match(view, e):
            return e
    return None


@rule("org_unit")
def organisation_units(doc: Doc) -> list[MentionCandidate]:
    """Named units written right after their parent body, one after another (財政部|關務署|基隆關;
    勞動部|條平司|長黃琦雅), and a department written with its head's title (統計分析司|司長): ORGs.

    >>> import h200claims
    >>> [m.text for m in h200claims.extract("財政部關務署基隆關昨天查獲走私晶片。").mentions]
    ['財政部', '關務署', '基隆關']
    """
    view = doc.view
    out: list[MentionCandidate] = []
    seen: set[int] = set()
    ends = sorted({c.end for c in doc.candidates if c.label == "ORG" and is_parent(doc, c)})
    for e0 in ends:
        a, b = doc.paragraph_of(e0 - 1)
        s = e0
        while s < b and s not in seen:
            e = unit_at(doc, s, b)
            if e is None:
                break
            seen.add(s)
            out.append(MentionCandidate(s, e, "ORG", "org_unit", name_key(view[s:e]), priority=1))
            s = e
    for a, b in doc.paragraphs:  # 統計分析司司長: the unit word said again in the title
        for m in HEAD_TITLE.finditer(view, a, b):
            e = m.end()
            for s in range(max(a, e - UNIT_MAX + 1), e - 1):
                if s not in seen and unit_at(doc, s, b) == e:
                    seen.add(s)
                    out.append(MentionCandidate(s, e, "ORG", "org_unit", name_key(view[s:e]), priority=1))
                    break
    return out


#: a unit's last character said again with 長 (司司長, 局局長, 署署長, 處處長)
HEAD_TITLE = regex.compile(r"(\p{Han})(?=\1长)")
