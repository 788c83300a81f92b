"""Names listed with companies: in a list written with 、 that holds two companies or more, the other
items are companies too (蔚來、小鵬、理想、哪吒、零跑; 對易事特、凱撒同盛出具), not people or nothing."""
from __future__ import annotations

from h200claims.doc import Doc, MentionCandidate, SpanIndex
from h200claims.patterns import compile_fast
from h200claims.tags.entity_markets import not_name_chars
from h200claims.tags.entity_vocab import GENERIC_WORD_FREQ, _jieba_freq, name_key, stops_at, verb_tags, vocab

#: an item's own name: an optional ST/*ST or Latin head, then Han characters
ITEM = compile_fast(r"(?:\*?ST|[A-Z]{2,4})?[\u4e00-\u9fff]{2,6}")
#: the least number of companies a list must hold before its other items are taken for companies
MIN_KNOWN = 2
SEP = "、"


def _items(doc: Doc, a: int, b: int) -> list[list[tuple[int, int]]]:
    """The lists of a paragraph: runs of items joined by 、, each item (start, end)."""
    view = doc.view
    voc = vocab()
    out: list[list[tuple[int, int]]] = []
    i = view.find(SEP, a, b)
    while i >= 0:
        items = [(_start_before(view, i, a, voc), i)]
        p = i
        while True:
            nxt = view.find(SEP, p + 1, b)
            end = _end_after(doc, p + 1, b)
            if nxt >= 0 and end == nxt:
                items.append((p + 1, nxt))
                p = nxt
                continue
            items.append((p + 1, end))
            break
        out.append(items)
        i = view.find(SEP, p + 1, b)
    return out


def _start_before(view: str, i: int, floor: int, voc: object) -> int:
    s = i
    while s > floor and i - s < 8 and view[s - 1] not in vocab().org_stop and view[s - 1] != SEP:
        s -= 1
    return s


def _end_after(doc: Doc, s: int, ceil: int) -> int:
    """End of an item starting at ``s``: the next 、 or stop, or the first token edge before a verb
    (凱撒同盛|出具)."""
    view = doc.view
    e = s
    while e < ceil and e - s < 8 and view[e] not in vocab().org_stop and view[e] != SEP and not (
            e > s + 1 and (stops_at(view, e) or vocab().title_at.match(view, e)
                           or (doc.at_token_boundary(e) and _verb_at(doc, e)))):
        e += 1
    return e


def _verb_at(doc: Doc, pos: int) -> bool:
    tok = next((doc.view[a:b] for a, b in doc.tokens_in(pos, pos + 6)[:1] if a == pos), "")
    return verb_tags().get(tok) == "v"


def listed_companies(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Items of a 、 list holding two companies or more: an unknown item of two to six characters
    (no dictionary word, unless it stands between two 、) becomes a company, swallowing a place that
    opens it and the model's pieces of it (上海|超日, 凱撒|同盛), and a model's person that opens with no
    surname becomes one too (理想, 哪吒 beside 蔚來 and 小鵬); a list with a place or a listed person
    as an item is left alone.

    >>> import h200claims
    >>> [(m.text, m.label) for m in h200claims.extract("蔚來、小鵬、理想、哪吒等車企公布交付數據。").mentions]
    [('蔚來', 'ORG'), ('小鵬', 'ORG'), ('理想', 'ORG'), ('哪吒', 'ORG')]
    """
    view = doc.view
    voc = vocab()
    by_span = {(m.start, m.end): m for m in mentions}
    index = SpanIndex([(m.start, m.end, m) for m in mentions])  # by bisection: linear in the article
    bad = not_name_chars()
    new: dict[tuple[int, int], MentionCandidate] = {}
    gone: set[tuple[int, int]] = set()
    for a, b in doc.paragraphs:
        for items in _items(doc, a, b):
            found = [_mention_in(by_span, index, s, e) for s, e in items]
            labels = [m.label for m in found if m is not None]
            known = sum(1 for m in found if m is not None and m.label == "ORG")
            if known < MIN_KNOWN or "GPE" in labels or any(
                    m is not None and m.label == "PERSON" and not m.rule.startswith("model") for m in found):
                continue
            for k, ((s, e), m) in enumerate(zip(items, found)):
                if m is not None and m.label == "PERSON" and view[m.start] not in voc.surnames:
                    new[(m.start, m.end)] = MentionCandidate(m.start, m.end, "ORG", m.rule, m.key, m.priority)
                    continue
                inside = [x[2] for x in index.within(s, e)]
                left = index.containing(s, s + 1)
                if left is not None and left[0] < s:
                    inside.append(left[2])
                right = index.containing(e - 1, e)
                if right is not None and right[1] > e:
                    inside.append(right[2])
                middle = 0 < k < len(items) - 1  # between two 、: a member whatever the word (理想)
                if m is None and ITEM.fullmatch(view, s, e) and not any(c in bad for c in view[s:e]) \
                        and not describes(view[s:e]) \
                        and (middle or _jieba_freq().get(view[s:e], 0) < GENERIC_WORD_FREQ) \
                        and all(s <= x.start and x.end <= e and (x.rule.startswith("model") or (
                            x.label == "GPE" and x.start == s)) for x in inside):
                    gone.update((x.start, x.end) for x in inside)  # 上海|超日, 凱撒|同盛: part of the name
                    new[(s, e)] = MentionCandidate(s, e, "ORG", "listed_company", name_key(view[s:e]), 0)
    if not new:
        return mentions
    out = [new.pop((m.start, m.end), m) for m in mentions if (m.start, m.end) not in gone]
    return sorted(out + list(new.values()), key=lambda c: c.start)


def describes(item: str) -> bool:
    """Whether a list item is a description of people or bodies (研究人員, 學者, 業者, 銀行), no name."""
    voc = vocab()
    return (item in voc.speaker_words or item in voc.title_words or item in voc.org_type_nouns
            or item.endswith(PEOPLE_ENDS) or item.endswith(tuple(voc.org_type_nouns)))


#: endings of words for people (研究人員, 從業人士, 學者, 廠商們)
PEOPLE_ENDS = ("人员", "人士", "者", "们", "人", "商", "方", "界", "业")


def _mention_in(by_span: dict[tuple[int, int], MentionCandidate], index: SpanIndex,
                s: int, e: int) -> MentionCandidate | None:
    """The mention that is the item (ending where the item ends, for a first item with words before it)."""
    m = by_span.get((s, e))
    if m is not None:
        return m
    return next((x[2] for x in index.within(s, e) if x[1] == e), None)
