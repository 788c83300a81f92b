"""Names found once, found again: every other occurrence of a name a rule found (孫成昊 … 孫成昊補充),
a surname with a title (黃執行長) or with 男/女 (賴男) for the person of that surname the article names."""
from __future__ import annotations

import re
from typing import Any

import regex

from h200claims.doc import Doc, MentionCandidate
from h200claims.patterns import compile_fast
from h200claims.tags.entity_vocab import is_latin, vocab


def repeat_names(doc: Doc, found: list[MentionCandidate]) -> list[MentionCandidate]:
    """Every other occurrence of a name a rule found once (孫成昊 … 孫成昊補充)."""
    view = doc.view
    names = {view[c.start:c.end]: c for c in found if c.key.startswith("name:") and c.end - c.start >= 2}
    if not names:
        return []
    pat = compile_fast("|".join(map(regex.escape, sorted(names, key=len, reverse=True))))
    out = []
    for a, b in doc.paragraphs:
        for m in pat.finditer(view, a, b):
            s, e = m.span()
            if is_latin(view[s]) and s > 0 and is_latin(view[s - 1]):
                continue
            c = names[m.group()]
            # a repeat stays with the source that found the name, so the merge policy treats it alike
            rule_name = ("model:lac_repeat" if c.rule.startswith("model:lac") else "model:repeat_name"
                         if c.rule.startswith("model:") else "repeat_name")
            out.append(MentionCandidate(s, e, c.label, rule_name, c.key, priority=0))
    return out


SURNAME_TITLE_MAX = 4


def surname_hits(doc: Doc, people: dict[str, str]) -> Any:
    """(position, paragraph end) of each surname of ``people`` (surname -> entity key) in the body."""
    if not people:
        return
    pattern = compile_fast("[" + re.escape("".join(people)) + "]")
    for a, b in doc.paragraphs:
        for hit in pattern.finditer(doc.view, a, b - 1):
            yield hit.start(), b


def surname_titles(doc: Doc, people: dict[str, str]) -> list[MentionCandidate]:
    """A surname with a title and no given name (黃執行長, 魏理事長) for a person named in the article.

    ``people`` maps a surname (first character) to the entity key of the person.
    """
    voc = vocab()
    out: list[MentionCandidate] = []
    for i, b in surname_hits(doc, people):
        m = voc.title_at.match(doc.view, i + 1, b)
        if m and m.end() - i <= SURNAME_TITLE_MAX + 1:
            out.append(MentionCandidate(i, m.end(), "PERSON", "surname_title", people[doc.view[i]], priority=0))
    return out


#: 賴男, 陳女, 林姓男子, 該名林姓董事長: how court and police reports refer to a person by surname
SURNAME_REFERENCE = regex.compile(r"(?:男|女|姓男子|姓女子|姓男|姓女|姓)")


def surname_references(doc: Doc, people: dict[str, str]) -> list[MentionCandidate]:
    """A surname and 男/女/姓男子 (賴男, 陳姓女子) for the one person of that surname the article names:
    a mention of that person (賴男 is 賴俊廷); where no one of that surname is named it stays none."""
    out: list[MentionCandidate] = []
    view = doc.view
    for i, b in surname_hits(doc, people):
        m = SURNAME_REFERENCE.match(view, i + 1, b)
        if m and doc.at_token_boundary(i) and not (m.end() < b and view[m.end()] in "士性"):
            out.append(MentionCandidate(i, m.end(), "PERSON", "surname_reference", people[view[i]], priority=0))
    return out
