"""A company's name written with the market it trades or works in (融創|中國, 德勤|中國): one ORG,
and its own name alone elsewhere in the article (融創) the same company, not a person."""
from __future__ import annotations

from functools import lru_cache

from h200claims import data
from h200claims.doc import Doc, MentionCandidate, SpanIndex
from h200claims.tags.entity_companies import company_name_like
from h200claims.tags.entity_vocab import _jieba_freq, is_cjk, name_key, occurrences, vocab
from h200claims.text.script import simplified_view as v

#: the length of a company's own name before its market word
OWN_NAME = 2


@lru_cache(maxsize=1)
def market_words() -> frozenset[str]:
    return frozenset(v(x) for x in data.load_json("entity_rules.json")["company_market_words"])


@lru_cache(maxsize=1)
def not_name_chars() -> frozenset[str]:
    return frozenset(v(data.load_json("entity_rules.json")["not_name_chars"]))


def own_name_before(doc: Doc, place: MentionCandidate, taken: dict[int, MentionCandidate],
                    spans: SpanIndex) -> int | None:
    """Start of a company's own name right before a market word: two characters on token edges that
    no other source named (a model's person may: it took 德勤 for one), not a dictionary word or verb,
    not a title's or a place's end."""
    view = doc.view
    q = place.start - OWN_NAME
    para = doc.paragraph_of(place.start)
    if q < para[0] or not all(is_cjk(c) for c in view[q:place.start]) or not doc.at_token_boundary(q):
        return None
    inside = [x[2] for x in spans.within(q, place.start)]
    if any(m.label == "PERSON" and view[q] in vocab().surnames for m in inside):
        return None  # 李強|中國: a person the model found, by a surname
    before = spans.containing(q, q + 1)
    if any(not (m.rule.startswith("model") and m.label in ("PERSON", "ORG") and (m.start, m.end) == (q, place.start))
           for m in inside) or (before is not None and before[0] < q):
        return None
    voc = vocab()
    if any(c in voc.org_function_heads or c in voc.org_stop or c in voc.one_char or c in not_name_chars()
           for c in view[q:place.start]):
        return None  # 並與|中國, 美日|中國: function words and countries, no name
    own = view[q:place.start]
    if voc.titles.search(view, max(para[0], q - 6), q + 1) or not company_name_like(doc, q, place.start) \
            or _jieba_freq().get(own, 0) > 0:
        return None  # 更多|中國, 明定|中國: a word of the dictionary, however rare
    if view.count(view[q:place.end]) >= 2 or said_alone(doc, own, q, taken):
        return q
    return None  # 到過|中國, 遠超|中國: a company's name is written so again, or said alone by a source


def said_alone(doc: Doc, own: str, q: int, taken: dict[int, MentionCandidate]) -> bool:
    """Whether a source (the model) found ``own`` alone as a name elsewhere in the body (德勤 … 德勤中國)."""
    view = doc.view
    for i in occurrences(view, own):
        m = taken.get(i)
        if i != q and m is not None and m.end == i + len(own) and m.label in ("PERSON", "ORG") \
                and not any(view.startswith(w, m.end) for w in market_words()):
            return True
    return False


def company_markets(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A place that is a market word (中國) right after a name that can be a company's (two characters
    no dictionary has, on token edges, written with the market word twice or found alone as a name by
    the model) closes that company's name: 融創|中國 is Sunac China, and 融創 alone elsewhere is Sunac
    too; 訪問|中國, 日本|與|中國, 華為|中國 (a known company), 到過|中國 stay as they are.

    >>> import h200claims
    >>> [(m.text, m.label) for m in h200claims.extract("融創中國宣布重組生效，融創中國股價大漲。").mentions]
    [('融創中國', 'ORG'), ('融創中國', 'ORG')]
    """
    view = doc.view
    words = market_words()
    taken = {m.start: m for m in mentions}
    index = SpanIndex([(m.start, m.end, m) for m in mentions])  # lookups by bisection: linear in the article
    owners: dict[str, str] = {}
    spans: dict[int, MentionCandidate] = {}
    for m in mentions:
        if m.label == "GPE" and view[m.start:m.end] in words:
            q = own_name_before(doc, m, taken, index)
            if q is not None:
                key = name_key(view[q:m.end])
                owners.setdefault(view[q:m.start], key)
                spans[q] = MentionCandidate(q, m.end, "ORG", "company_market", key, m.priority)
    if not owners:
        return mentions
    out: list[MentionCandidate] = []
    covered = {i for c in spans.values() for i in range(c.start, c.end)}
    for m in mentions:
        if m.start in covered:
            if m.start in spans:
                out.append(spans.pop(m.start))
            continue
        text = view[m.start:m.end]
        if text in owners and m.rule.startswith("model"):
            m = MentionCandidate(m.start, m.end, "ORG", m.rule, owners[text], m.priority)
        out.append(m)
    out.extend(spans.values())
    placed = SpanIndex([(m.start, m.end, m) for m in out])
    for own, key in owners.items():  # 融創 alone, where nothing else was found
        for i in occurrences(view, own):
            if doc.in_body(i, i + len(own)) and doc.at_token_boundary(i) and doc.at_token_boundary(i + len(own)) \
                    and not placed.overlaps(i, i + len(own)):
                out.append(MentionCandidate(i, i + len(own), "ORG", "company_market", key, 0))
    return sorted(out, key=lambda c: c.start)
