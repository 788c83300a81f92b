"""The edges of a model's name: a last character that opens a verb (長安福特|處以) is no part of it;
and a person's name set by what Chinese names look like: a given name's last
character before a reporting verb (劉凱|詩指 → 劉凱詩), a surname that is also a country's one-character
abbreviation (歐|俞彤 → 歐俞彤), a word's last character before a surname (選委界|江玉歡 → 江玉歡), a
transliterated first name joined with a dot (霍華德·|盧特尼克 → 霍華德·盧特尼克)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from h200claims import data
from h200claims.doc import Doc, MentionCandidate
from h200claims.patterns import alternation, compile_fast
from h200claims.tags.entity_repeats import SURNAME_REFERENCE
from h200claims.tags.entity_vocab import (
    GENERIC_WORD_FREQ, _jieba_freq, is_cjk, is_common_word, name_key, translit_name_at, verb_tags, vocab,
)
from h200claims.text.script import simplified_view as v


@lru_cache(maxsize=1)
def reporting_verbs() -> Any:
    """Any reporting verb of ``data/quote_cues.tsv`` at a position (指, 表示, 強調)."""
    return compile_fast(alternation(v(row[0]) for row in data.read_tsv("quote_cues.tsv") if row and row[0]))


@lru_cache(maxsize=1)
def before_cue_chars() -> frozenset[str]:
    """Characters that stand between a name and its reporting verb (尚冰|笑|稱, 王明|又|說): no given name."""
    return frozenset(v(data.load_json("entity_rules.json")["before_cue_chars"]))


@lru_cache(maxsize=1)
def name_verb_tails() -> frozenset[str]:
    """One-character verbs a headline writes right after a three-character name (許開景|冀…)."""
    return frozenset(v(data.load_json("entity_rules.json")["name_verb_tails"]))


@lru_cache(maxsize=1)
def facility_endings() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Words that make an ORG a facility (晶圓廠, 科學園), those that do after a place (廠), and
    those that make a model's place a facility (鐵路: the place is what it is named for)."""
    cfg = data.load_json("entity_rules.json")
    return (tuple(v(w) for w in cfg["facility_endings"]), tuple(v(w) for w in cfg["facility_after_place"]),
            tuple(v(w) for w in cfg["facility_after_gpe"]))


def _moved(m: MentionCandidate, s: int, e: int, view: str) -> MentionCandidate:
    key = name_key(view[s:e]) if m.key.startswith("name:") else m.key
    return MentionCandidate(s, e, m.label, m.rule, key, m.priority)


def edge_at(doc: Doc, m: MentionCandidate) -> tuple[int, int]:
    """The (start, end) a model's person name should have."""
    voc = vocab()
    view = doc.view
    s, e = m.start, m.end
    name = view[s:e]
    if not all(is_cjk(c) for c in name):
        return s, e
    if len(name) == 2 and name[0] in voc.surnames and not SURNAME_REFERENCE.fullmatch(name[1]) \
            and e + 1 < len(view) and is_cjk(view[e]) \
            and view[e] not in voc.one_char and view[e] not in before_cue_chars() and reporting_verbs().match(view, e + 1) \
            and not reporting_verbs().match(view, e) and not is_common_word(view[s:e + 1]):
        return s, e + 1  # 劉凱|詩|指
    if len(name) == 2 and s > 0 and view[s - 1] in voc.surnames and view[s - 1] in voc.one_char \
            and (s < 2 or not is_cjk(view[s - 2]) or not _jieba_freq().get(view[s - 2:s])):
        return s - 1, e  # 首腦|歐|俞彤: 歐 a surname here, not Europe
    if len(name) == 4 and name[0] in voc.surnames and name[-1] in name_verb_tails() and e < len(view) \
            and is_cjk(view[e]) and not voc.multi_surnames.match(name) and not reads_transliterated(name):
        return s, e - 1  # 許開景|冀|政府盡快公布
    if len(name) == 4 and name[0] not in voc.surnames and name[1] in voc.surnames \
            and _jieba_freq().get(name[:2], 0) < GENERIC_WORD_FREQ and not reads_transliterated(name):
        return s + 1, e  # 選委界|江玉歡 (not 利平斯基, 薩莫拉諾: a foreign name, 平 and 莫 no surnames there)
    j = s - 1
    if j > 0 and view[j] in voc.joiners:
        for t in range(max(0, j - 6), j - 1):
            if translit_name_at(view, t, j) == j:
                return t, e  # 霍華德·|盧特尼克
    return s, e


def reads_transliterated(name: str) -> bool:
    """A name opening with a transliteration character and made of them but for one at most
    (利平斯基, 達文波特): a foreign name, whose second character is no surname.

    >>> reads_transliterated("萨莫拉诺"), reads_transliterated("界江玉欢")
    (True, False)
    """
    tr = vocab().translit
    return name[:1] in tr and sum(c in tr for c in name) >= len(name) - 1


def verb_tail(doc: Doc, m: MentionCandidate) -> int:
    """End of a model's name whose last character opens a verb with the next one (長安福特|處以罰款),
    where the name without it is written elsewhere in the article too: that is the name."""
    view = doc.view
    s, e = m.start, m.end
    if e - s < 3 or e >= len(view) or verb_tags().get(view[e - 1:e + 1]) != "v":
        return e
    short = view[s:e - 1]
    return e - 1 if view.count(short) > view.count(view[s:e]) else e


def person_edges(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Model and lexicon person names set to the edges a Chinese name has (see the module); a name
    moved once is moved the same way wherever the same characters follow it.

    >>> import h200claims
    >>> [m.text for m in h200claims.extract("貨運量增長逾9%。劉凱詩指，需求增加。").mentions]
    ['劉凱詩']
    """
    view = doc.view
    out = []
    grown: dict[str, str] = {}
    for m in mentions:
        if m.label in ("PERSON", "ORG") and m.rule.startswith("model") and (e := verb_tail(doc, m)) != m.end:
            m = _moved(m, m.start, e, view)
        if m.label == "PERSON" and (m.rule.startswith("model") or m.rule == "lexicon"):
            s, e = edge_at(doc, m) if m.rule.startswith("model") else _joined_start(doc, m)
            if (s, e) != (m.start, m.end):
                if e > m.end:
                    grown[view[m.start:m.end]] = view[s:e]
                m = _moved(m, s, e, view)
        out.append(m)
    if grown:  # 劉凱 elsewhere in the article, before 詩 again
        out = [_moved(m, m.start, m.start + len(grown[view[m.start:m.end]]), view)
               if m.label == "PERSON" and view[m.start:m.end] in grown
               and view.startswith(grown[view[m.start:m.end]], m.start) else m for m in out]
    return out


def _joined_start(doc: Doc, m: MentionCandidate) -> tuple[int, int]:
    """A lexicon person's surname written after its first name and a dot (霍華德·|盧特尼克)."""
    view = doc.view
    j = m.start - 1
    if j > 0 and view[j] in vocab().joiners:
        for t in range(max(0, j - 6), j - 1):
            if translit_name_at(view, t, j) == j:
                return t, m.end
    return m.start, m.end


def facility_names(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """An ORG the rules or the model made that ends in a facility word (奈米晶圓廠, 高雄科學園), or is
    a place and 廠 (亞利桑那州廠), is a plant or a park: dropped, and a place it opens with is kept
    (亞利桑那州). A lexicon name keeps its ending and an enterprise named for its trade its 廠
    (卓里機械廠). A model's place ending in a railway or bridge word is the place it is named for
    (慶陽|鐵路).

    >>> import h200claims
    >>> [(m.text, m.label) for m in h200claims.extract("台積電亞利桑那州廠今年量產，高雄科學園也將擴建。").mentions]
    [('台積電', 'ORG'), ('亞利桑那州', 'GPE'), ('高雄', 'GPE')]
    """
    view = doc.view
    ends, after_place, after_gpe = facility_endings()
    gpe_at: dict[int, list[MentionCandidate]] = {}  # places by where they start: one pass, not one a mention
    for c in doc.candidates:
        if c.label == "GPE":
            gpe_at.setdefault(c.start, []).append(c)
    out = []
    for m in mentions:
        name = view[m.start:m.end]
        if m.label == "GPE" and m.rule.startswith("model"):
            tail = next((w for w in after_gpe if name.endswith(w) and len(name) - len(w) >= 2), None)
            if tail is not None:  # 慶陽|鐵路: a railway or a bridge is no place; the place it is named for is
                out.append(MentionCandidate(m.start, m.end - len(tail), "GPE", m.rule, name_key(name[:-len(tail)]), m.priority))
                continue
        if m.label == "ORG" and m.rule != "lexicon":
            places = [c for c in gpe_at.get(m.start, ()) if c.end < m.end]
            if any(name.endswith(w) and len(name) > len(w) for w in ends) or any(
                    view[c.end:m.end] in after_place for c in places):
                place = max(places, key=lambda c: c.end, default=None)
                if place is not None:
                    out.append(place)
                continue
        out.append(m)
    return out
