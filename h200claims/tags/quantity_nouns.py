"""The counted noun of a count when none follows its classifier: the noun written before the number
(手機237支, 房企僅3家). ``count_noun`` in ``quantity_grammar.py`` reads the noun after it."""
from __future__ import annotations

from functools import lru_cache

import regex

from h200claims import data
from h200claims.doc import Doc
from h200claims.models import Quantity
from h200claims.tags.quantity_grammar import blocked, grammar, is_vague, make, number, qualifiers, rule, scaled_numbers
from h200claims.tags.entity_vocab import _jieba_freq, verb_tags
from h200claims.text.script import simplified_view as v

#: below this jieba frequency a word is rare (data/nouns.txt lists the nouns at or above it)
RARE = 50
#: how far back the noun before a number is sought (a gap word and a two-to-four character noun)
NOUN_BEFORE_REACH = 10


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    rows = (ln.split("\t", 1) for ln in data.read_text("nouns.txt").splitlines() if ln and not ln.startswith("#"))
    return frozenset(w for w, t in rows if t == "n")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(ln.split("\t", 1)[0] for ln in data.read_text("function_words.txt").splitlines()
                     if ln and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _gap_words() -> tuple[str, ...]:
    cfg = data.load_json("quantities.json")
    return tuple(sorted((v(w) for w in cfg["count_noun_gap_before"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _not_last() -> frozenset[str]:
    return frozenset(v(c) for c in data.load_json("quantities.json")["count_noun_before_not_last"])


@lru_cache(maxsize=1)
def _measure_ends() -> frozenset[str]:
    return frozenset(v(c) for c in data.load_json("quantities.json")["count_noun_before_measure_ends"])


def is_noun_word(word: str) -> bool:
    """A common noun of jieba's dictionary (手機, 帳戶), or a rare Han word of two or more characters
    that is no verb (房企, 銀聯卡: rare and new words are mostly nouns; names are mentions, kept apart)."""
    if not all("\u4e00" <= c <= "\u9fff" for c in word):
        return False
    return word in _nouns() or (len(word) >= 2 and _jieba_freq().get(word, 0) < RARE and word not in verb_tags()
                                and word[-1] not in _not_last())  # not 則有


def noun_before(doc: Doc, s: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """The noun right before an amount starting at ``s``, past one gap word (帳戶|共|3642個, 房企|僅|3家),
    or None: the counted thing written first and counted after (扣得手機237支、電腦50台).

    >>> import h200claims
    >>> [(q.text, q.unit) for q in h200claims.extract("警方現場扣得手機237支、電腦50台。").quantities]
    [('237支', '手機'), ('50台', '電腦')]
    """
    view = doc.view
    for gap in _gap_words():
        if view.endswith(gap, max(0, s - len(gap)), s):
            s -= len(gap)
            break
    toks = doc.tokens_in(max(0, s - NOUN_BEFORE_REACH), s)
    if not toks or toks[-1][1] != s:
        return None
    a, b = toks[-1]
    if b - a == 1 and len(toks) > 1 and toks[-2][1] == a and toks[-2][1] - toks[-2][0] == 1 and \
            not any(c in stops or c in verb_tags() for c in view[a - 1:b]):
        a = toks[-2][0]  # 房|企: two single characters the segmenter did not join (not 的|有)
    word = view[a:b]
    if word in stops or not is_noun_word(word) or word[-1] in _measure_ends():
        return None  # 成交量6萬張: a measure word names what is measured, not the things counted
    names = doc.cache.get("mention_starts")
    if names is not None and a in names:
        return None
    return a, b


def rest_of_word(doc: Doc, s: int, e: int) -> int:
    """The end of the word a classifier at [s, e) opens, where the segmenter joined the classifier to
    the noun after it (三|大航: the three big airlines count 航), else ``e``.

    >>> import h200claims
    >>> [(q.text, q.unit) for q in h200claims.extract("名單已集齊國有三大航。").quantities]
    [('三大航', '航')]
    """
    toks = doc.tokens_in(s, e + 3)
    if toks and toks[0][0] == s and toks[0][1] > e and all("\u4e00" <= c <= "\u9fff" for c in doc.view[e:toks[0][1]]):
        return toks[0][1]
    return e


def nothing_counted_after(doc: Doc, e: int) -> bool:
    """Whether a classifier ending at ``e`` ends its phrase: punctuation, the end, or a function word
    follows (350張|以及, 237支、), not a verb that says what the things did."""
    after = doc.view[e:e + 1]
    if not after or not ("\u4e00" <= after <= "\u9fff"):
        return True
    toks = doc.tokens_in(e, e + 6)
    return bool(toks) and toks[0][0] == e and doc.view[toks[0][0]:toks[0][1]] in _function_words()


SCALED = regex.compile(r"[万亿]")


@rule("scaled_count")
def scaled_count(doc: Doc) -> list[Quantity]:
    """A number in 萬 or 億 written right before the noun it counts, with no classifier between: 約15萬
    雇員, 247萬勞工, 15萬7500雇員 (a count whose unit is the noun; 30萬元 and 5萬噸 are the amount and
    measure rules').

    >>> import h200claims
    >>> [(q.text, q.value, q.unit) for q in h200claims.extract("統計顯示，國內約15萬雇員月薪不足千元。").quantities][:1]
    [('約15萬雇員', 150000.0, '雇員')]
    """
    g = grammar()
    out = []
    for m, _, _ in scaled_numbers(doc):
        num = m.group("num")
        if not SCALED.search(num) or m.group("post") or g.amount.match(doc.view, m.start("num")):
            continue
        toks = doc.tokens_in(m.end(), m.end() + 6)
        if not toks or toks[0][0] != m.end():
            continue
        e = toks[0][1]
        word = doc.view[m.end():e]
        if len(word) < 2 or word not in _nouns() or word[-1] in _measure_ends() or blocked(doc, m.start("num"), e):
            continue
        approx, bound = qualifiers(m.group("pre"), None)
        s = m.start() if m.group("pre") else m.start("num")
        out.append(make(doc, s, e, "scaled_count", "count", value=number(num), unit=doc.text[m.end():e],
                        approx=approx or is_vague(num), bound=bound))
    return out
