"""Second looks at the merged mentions: a model's person that is a company's own name or no name, a
country's generic short form (央行) for the body the article names, a company's board for the company."""
from __future__ import annotations

from functools import lru_cache

from h200claims import data
from h200claims.doc import Doc, MentionCandidate
from h200claims.tags.entity_vocab import name_key, vocab
from h200claims.text.script import simplified_view as v


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


@lru_cache(maxsize=1)
def _relabel_data() -> tuple[dict[str, str], tuple[str, ...]]:
    cfg = data.load_json("entity_rules.json")
    return ({v(k): kind for k, kind in cfg["context_short_forms"].items()},
            tuple(sorted((v(x) for x in cfg["company_organ_tails"]), key=len, reverse=True)))


def context_short_forms(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A short form every country uses for its own body (央行) names the body of that kind the article
    names in full, the nearest before it, else the first after it; the lexicon's entry where none is.

    >>> import h200claims
    >>> r = h200claims.extract("日本銀行總裁表示，央行將維持利率不變。")
    >>> [(m.text, m.entity) for m in r.mentions]
    [('日本銀行', 'boj'), ('央行', 'boj')]
    """
    forms, _ = _relabel_data()
    by_id = doc.lexicon.by_id
    named: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        lex = by_id.get(m.key)
        if lex is not None and doc.view[m.start:m.end] not in forms:
            named.setdefault(lex.kind, []).append((m.start, m.key))
    if not named:
        return mentions
    out = []
    for m in mentions:
        kind = forms.get(doc.view[m.start:m.end])
        full = named.get(kind or "")
        if full:
            before = [k for s, k in full if s < m.start]
            key = before[-1] if before else full[0][1]
            m = MentionCandidate(m.start, m.end, "ORG", m.rule, key, m.priority)
        out.append(m)
    return out


def company_organs(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A model's ORG that is a name and an organ of it (星展|董事會) is the name alone: a board speaks
    for its company. The name joins an organisation of the same name in the article. One opening with
    a generic head (涉案水房集團, 相關部門; ``generic_org_heads``) is a description and no mention."""
    _, tails = _relabel_data()
    names = {doc.view[m.start:m.end]: m.key for m in mentions if m.label == "ORG"}
    out = []
    for m in mentions:
        if m.label == "ORG" and m.rule.startswith("model"):
            text = doc.view[m.start:m.end]
            if text.startswith(vocab().generic_org_heads):
                continue  # 涉案水房集團, 相關部門: a description, no name
            tail = next((t for t in tails if text.endswith(t) and len(text) - len(t) >= 2), None)
            if tail is not None:
                end = m.end - len(tail)
                name = doc.view[m.start:end]
                m = MentionCandidate(m.start, end, "ORG", m.rule, names.get(name, name_key(name)), m.priority)
        out.append(m)
    return out


def join_company_heads(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A listed company's short name written right before another company's name and industry word
    is the head of that longer name (國泰|世華銀行 is Cathay United Bank, neither the airline 國泰 nor a
    unit of it): one ORG, a name of its own.

    >>> import h200claims
    >>> [(m.text, m.entity) for m in h200claims.extract("金管會表示，國泰世華銀行遭罰。").mentions]
    [('金管會', 'taiwan_fsc'), ('國泰世華銀行', '国泰世华银行')]
    """
    voc = vocab()
    words = voc.company_industry + voc.company_suffixes
    by_id = doc.lexicon.by_id
    out: list[MentionCandidate] = []
    for m in mentions:
        prev = out[-1] if out else None
        lex = by_id.get(prev.key) if prev is not None and prev.rule == "lexicon" else None
        if (prev is not None and lex is not None and lex.kind == "company" and m.label == "ORG"
                and prev.end == m.start and m.rule != "lexicon" and doc.view[m.start:m.end].endswith(words)):
            out[-1] = MentionCandidate(prev.start, m.end, "ORG", m.rule, name_key(doc.view[prev.start:m.end]), m.priority)
            continue
        out.append(m)
    return out
