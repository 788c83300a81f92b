"""Second looks at the merged mentions: a model's person that is a company's own name, or no name."""
from __future__ import annotations

from h200claims.doc import Doc, MentionCandidate
from h200claims.tags.entity_vocab import vocab


def company_own_names(doc: Doc, mentions: list[MentionCandidate]) -> dict[str, str]:
    """The own name of each organisation the article writes with its company words, to its key:
    晶宏 of 晶宏半導體, 鴻海 of 鴻海科技集團 (two characters at least)."""
    voc = vocab()
    words = voc.company_industry + voc.company_suffixes
    out: dict[str, str] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        name = doc.view[m.start:m.end]
        while True:
            w = next((w for w in words if name.endswith(w) and len(name) - len(w) >= 2), None)
            if w is None:
                break
            name = name[:-len(w)]
            out.setdefault(name, m.key)
    return out


def person_as_company(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A model's PERSON that is the own name of a company the article names in full is that company
    (晶宏半導體 … 晶宏表示); one that is a company word or a title alone (金控, 董事長) is no one.

    >>> import h200claims
    >>> r = h200claims.extract("晶宏半導體董事長表示，晶宏今年將擴產。")
    >>> [(m.text, m.label) for m in r.mentions]
    [('晶宏半導體', 'ORG'), ('晶宏', 'ORG')]
    >>> len(r.entities)
    1
    """
    voc = vocab()
    not_names = set(voc.company_industry) | set(voc.company_suffixes) | voc.title_words
    own = company_own_names(doc, mentions)
    out = []
    for m in mentions:
        if m.label == "PERSON" and m.rule.startswith("model"):
            text = doc.view[m.start:m.end]
            if text in not_names:
                continue
            key = own.get(text)
            if key is not None:
                m = MentionCandidate(m.start, m.end, "ORG", m.rule, key, m.priority)
        out.append(m)
    return out
