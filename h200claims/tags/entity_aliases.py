"""An organisation named once, named again: every other occurrence of an organisation's name, of
its own name without the industry or legal word (大華銀行 … 大華第三季), and of its name without the
place it opens with (香港快運 … 快運載客量), is a mention of it.

A rule that finds a company from context (a list of listed companies, a market code) finds it
where the context is; the article then names it bare (零跑表示) where no rule looks. Short forms
made by cutting a word off must not be a common word (理想, 統一: jieba's frequency) nor start or end
inside a word of the text (a token edge on both sides).

    >>> import h200claims
    >>> r = h200claims.extract("大華銀行公布業績。大華第三季核心淨利同比增加5%至14億元。")
    >>> [(m.text, m.entity) for m in r.mentions]
    [('大華銀行', '大华银行'), ('大華', '大华银行')]
"""
from __future__ import annotations

import bisect

import regex

from h200claims.doc import Doc, MentionCandidate
from h200claims.patterns import compile_fast
from h200claims.tags.entity_vocab import is_common_word, vocab

#: the shortest short form taken (characters)
SHORT_MIN = 2


def short_forms(doc: Doc, name: str, places: set[str]) -> list[str]:
    """The forms an organisation named ``name`` (Simplified view) goes by in the same article: its
    name without an industry or legal word (大华银行 → 大华), without a leading place of two or three
    characters (香港快运 → 快运; a place the article or the lexicon names),
    each at least ``SHORT_MIN`` characters and no common word."""
    voc = vocab()
    out = []
    word = next((w for w in voc.company_suffixes + voc.company_industry if name.endswith(w)), None)
    if word is not None:
        out.append(name[:-len(word)])
    names, by_id = doc.lexicon.view_names, doc.lexicon.by_id
    place = next((name[:n] for n in (3, 2) if name[:n] in places
                  or any(by_id[i].label == "GPE" for i in names.get(name[:n], ()))), None)
    if place is not None:
        out.append(name[len(place):])
    return [f for f in out if len(f) >= SHORT_MIN and not is_common_word(f) and f not in places]


def org_repeats(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Every occurrence of an organisation's name or short form that no mention covers yet, as a
    mention of that organisation (rule ``org_repeat``), where it stands on token edges."""
    view = doc.view
    places = {view[m.start:m.end] for m in mentions if m.label == "GPE"}
    forms: dict[str, str] = {}
    for m in mentions:
        if m.label != "ORG" or m.end - m.start < SHORT_MIN:
            continue
        name = view[m.start:m.end]
        if not is_common_word(name):
            forms.setdefault(name, m.key)
        for f in short_forms(doc, name, places):
            forms.setdefault(f, m.key)
    if not forms:
        return mentions
    edges = {s for s, _ in doc.tokens} | {e for _, e in doc.tokens}
    taken = sorted((m.start, m.end) for m in mentions)
    pattern = compile_fast("|".join(map(regex.escape, sorted(forms, key=len, reverse=True))))
    added = []
    for a, b in doc.paragraphs:
        for hit in pattern.finditer(view, a, b):
            s, e = hit.span()
            if s not in edges or e not in edges or not doc.in_body(s, e) or _covered(taken, s, e):
                continue
            added.append(MentionCandidate(s, e, "ORG", "org_repeat", forms[hit.group()], priority=0))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether one of the sorted, non-overlapping ``spans`` overlaps s..e."""
    i = bisect.bisect_left(spans, (e, e))
    return i > 0 and spans[i - 1][1] > s
