"""The trained model in the loop: the CRF tagger (``ner_model``) proposes names in every sentence.

Its spans become candidates with the rule ``model:crf``; the merge policy (``entity_merge``)
decides where they may stand beside the lexicon's and the rules'. The external sets' labels map to
ours through ``model`` in ``data/pipeline.json``: PER → PERSON, ORG → ORG, and LOC → GPE, the
place mention, for every named place but an ocean (玉山, 玄武湖, 台北車站 too: the public sets'
LOC). A name the CRF doubts (under ``min_confidence``, a frequent word, Latin script, an unsure
body's name) waits for LAC, which takes it where it reads the same span and label (``doubted``).
The model also vetoes: a name made by one of ``veto_rules`` (a title or cue
rule guessing an unknown name) is dropped where the model is sure (``veto``) no name stands.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from h200claims.doc import Doc, MentionCandidate
from h200claims.tags import ner_model
from h200claims.tags.entity_rules import rule
from h200claims.tags.entity_vocab import (
    GENERIC_WORD_FREQ,
    NUMERALS,
    _jieba_freq,
    company_suffix_chain,
    is_cjk,
    is_common_word,
    name_key,
    vocab,
)
from h200claims.text.script import simplified_view as v

RULE = "model:crf"
#: where the CRF's doubted names wait for a second model (``doubted``, ``entity_lac``)
DOUBTS = "crf_doubted_names"
#: the CRF's confidence in each person it gives (a second model may overrule an unsure one)
PEOPLE = "crf_people"


@lru_cache(maxsize=8)
def _view_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words of the config in the matching view (for ``str.endswith``), computed once."""
    return tuple(v(x) for x in words)


@lru_cache(maxsize=1)
def _currencies() -> tuple[str, ...]:
    """Currency names (新台幣, 美元) from the number grammar's data: amounts, not names."""
    from h200claims import data

    cfg = data.load_json("quantities.json")
    return tuple(sorted({v(c) for c in list(cfg["currencies_pre"]) + list(cfg["currencies_post"])}, key=len))


def map_label(label: str, name: str, cfg: dict[str, Any]) -> str | None:
    """Our label for a model span, or None to drop it.

    >>> cfg = {"labels": {"PER": "PERSON", "LOC": "GPE"}, "not_gpe_endings": ["山", "機場"], "min_chars": 2}
    >>> map_label("LOC", "阿里山", cfg), map_label("LOC", "慕尼黑", cfg), map_label("PER", "王", cfg)
    (None, 'GPE', None)
    >>> other = {"labels": {"ORG": "ORG"}, "not_gpe_endings": [], "min_chars": 2}
    >>> map_label("ORG", "新台幣", other), map_label("ORG", "Pax Silica", other), map_label("ORG", "國安", other)
    (None, None, None)
    >>> map_label("ORG", "九十三台", other), map_label("ORG", "三星", other)
    (None, 'ORG')
    """
    ours = cfg["labels"].get(label)
    if ours is None or len(name) < cfg["min_chars"]:
        return None
    if ours == "GPE" and (name.endswith(_view_forms(tuple(cfg["not_gpe_endings"])))
                          or v(name) in _view_forms(tuple(cfg.get("not_gpe_words", ())))):
        return None  # 阿里山, 太陽, 海外: a natural feature or no place at all
    if v(name).endswith(_currencies()):
        return None
    if name.isascii() and not cfg.get("latin", False):
        return None  # the training sets hold almost no Latin-script names; the rules find those
    if sum(1 for _ in _takewhile_numeral(v(name))) >= 2 or any(ch.isdigit() for ch in name[:1]):
        return None  # 九十三台, 2025年: an amount, which the number grammar reads, not a name
    if ours in ("PERSON", "ORG") and len(name) == 2 and is_common_word(v(name)) and not cfg.get("common_words"):
        return None  # 國安, 中央: a frequent two-character word is not a person's or body's name (places are)
    if ours == "PERSON" and (_AMOUNT_IN_NAME.search(v(name)) or (any(c.isascii() and c.isalpha() for c in name)
                                                                 and any(is_cjk(c) for c in name))):
        return None  # 約一成 (約 is a surname too), Performance比: an amount or a mixed-script run, no person
    return ours


#: a numeral with a unit after it inside a span: an amount, not a person's name
_AMOUNT_IN_NAME = regex.compile(r"[零一二两三四五六七八九十百千万亿][成倍年月日个名家位%]")


def _takewhile_numeral(name: str) -> Any:
    from itertools import takewhile

    return takewhile(lambda ch: ch in NUMERALS or ch in "万亿壹贰叁参肆伍陆柒捌玖拾佰仟", name)  # 陆佰陆拾伍圆 too


def _tiling(tokens: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """Tokens of [s, e) relative to s, with any gap filled by one-character tokens."""
    out: list[tuple[int, int]] = []
    pos = s
    for a, b in tokens:
        out.extend((i - s, i - s + 1) for i in range(pos, a))
        out.append((a - s, b - s))
        pos = b
    out.extend((i - s, i - s + 1) for i in range(pos, e))
    return out


def common_words_only(doc: Doc, start: int, end: int) -> bool:
    """Every token of the span a frequent dictionary word of two or more characters (外資|券商):
    a description. A rare word or a run of single characters (鈺|翔) is what a name looks like."""
    freq = _jieba_freq()
    words = [doc.view[a:b] for a, b in doc.tokens_in(start, end)]
    return bool(words) and all(len(w) >= 2 and freq.get(w, 0) >= GENERIC_WORD_FREQ for w in words)


def joined_people(doc: Doc) -> list[tuple[int, int]]:
    """Spans of rule-made person names that hold a name joiner (喬治．陳, 唐納·川普)."""
    joiners = vocab().joiners
    return [(c.start, c.end) for c in doc.candidates if c.label == "PERSON" and c.rule != "lexicon"
            and any(ch in joiners for ch in doc.view[c.start:c.end])]


def described_after_place(doc: Doc, start: int, end: int, places: dict[int, int]) -> bool:
    """An ORG span that is a place name followed by two or more common words of two or more
    characters, the last a kind of body (中國|科技|公司, 北京|監管|機構). A run of single characters
    (美國|阿|科|公司) is what a name looks like, and a body's own head (印尼|國家|警察|總部) or a
    second place (以色列|特拉維夫|法院) makes it that place's body, a name. The model's confidence
    does not tell these apart (北京監管機構 0.99 in a seed, 泰國國家銀行 0.97), so it is not used."""
    p = places.get(start)
    if p is None or p >= end:
        return False
    freq = _jieba_freq()
    toks = doc.tokens_in(p, end)
    words = [doc.view[a:b] for a, b in toks]
    return (len(words) >= 2 and words[-1].endswith(tuple(vocab().org_type_nouns)) and not any(a in places for a, _ in toks)
            and all(len(w) >= 2 and freq.get(w, 0) >= GENERIC_WORD_FREQ for w in words))


def unit_after_parent(doc: Doc, start: int, end: int, parents: dict[int, int]) -> MentionCandidate | None:
    """Where the model's ORG is a lexicon body and more (國務院|宗教事務局), the rest is the named
    unit, a mention of its own (the guidelines' parent + unit), when it ends as a body's name does.

    >>> import h200claims
    >>> [m.text for m in h200claims.extract("國務院宗教事務局昨天發布新規。").mentions]
    ['國務院', '宗教事務局']
    """
    p = parents.get(start)
    if p is None or end - p < 2 or not doc.at_token_boundary(p):
        return None
    rest = doc.view[p:end]
    if not rest.endswith(vocab().org_suffixes) or rest in vocab().org_suffixes:
        return None
    if company_suffix_chain(doc.view, p)[0] == end:
        return None  # 鴻海|科技集團: company words after a company, part of its name, no unit
    return MentionCandidate(p, end, "ORG", "parent_unit", name_key(rest), priority=0)


def surname_name_after_title(doc: Doc, c: MentionCandidate) -> bool:
    """A title rule's name of three Han characters opening with a surname, on token edges and with
    no common word inside (分析師|陸行之; not 專家|和學者, 記者|馬不停|蹄): what a person's name looks
    like; the model, which reads 陸 as 'the mainland', does not veto it."""
    name = doc.view[c.start:c.end]
    if not (c.rule == "title_name" and c.label == "PERSON" and len(name) == 3 and all(is_cjk(ch) for ch in name)
            and name[0] in vocab().surnames and doc.at_token_boundary(c.start) and doc.at_token_boundary(c.end)):
        return False  # 記者|馬不停|蹄: a name that cuts a word is no name
    freq = _jieba_freq()
    return not any(b - a >= 2 and freq.get(doc.view[a:b], 0) >= GENERIC_WORD_FREQ for a, b in doc.tokens_in(c.start, c.end))


#: what a name is written with: letters, digits and the joiners of foreign names
NAME_CHARS = regex.compile(r"[\p{L}\p{N}·・‧•.&\-—–－]+")


class SpanCheck:
    """The checks a model's span passes before it is a candidate (any model: the CRF, LAC), with
    what they need from the candidates the rules made before it, gathered once per article."""

    def __init__(self, doc: Doc, cfg: dict[str, Any], like: "SpanCheck | None" = None) -> None:
        self.doc, self.cfg = doc, cfg
        self.places: dict[int, int]
        self.titled: dict[int, set[int]]  # where a name after a title starts -> one past a one-character-shorter end
        self.joined: list[tuple[int, int]]
        if like is not None:  # the same article's gatherings under other settings
            self.places, self.titled, self.joined = like.places, like.titled, like.joined
            return
        self.places = {c.start: c.end for c in doc.candidates if c.label == "GPE"}
        self.titled = {}
        for c in doc.candidates:
            if c.rule == "title_name" and c.label == "PERSON":
                self.titled.setdefault(c.start, set()).add(c.end - 1)
        self.joined = joined_people(doc)

    def label(self, start: int, end: int, label: str, conf: float) -> str | None:
        """Our label for the model's ``label`` span view[start:end] of confidence ``conf``, or None."""
        doc, cfg = self.doc, self.cfg
        raw = doc.view[start:end]
        name = raw.strip()
        ours = map_label(label, name, cfg)
        if ours is None or name != raw or conf < cfg["min_confidence"] or not NAME_CHARS.fullmatch(raw):
            return None  # a span across a space or a bracket (中評社 資料照） 中評社) is no name
        if ours == "ORG" and conf < cfg["sure"] and (common_words_only(doc, start, end) or name.endswith(
                _view_forms(tuple(cfg["unsure_org_endings"])))):
            return None  # 外資券商, 專案小組: a description with a group's ending, and the model unsure
        if ours == "PERSON" and any(js <= start and end < je for js, je in self.joined):
            return None  # 喬治|．陳: a rule's name across a joiner the model splits at (it learnt ·)
        if ours == "PERSON" and end in self.titled.get(start, ()) and doc.tokens_in(end, end + 1) == [(end, end + 1)]:
            return None  # 社長郭魯正|此前: the title rule's name is one character longer, a character on its own
        if ours == "ORG" and name.startswith(vocab().generic_org_heads):
            return None  # 新晶圓廠, 相關部門: a description, not a name
        if ours == "ORG" and described_after_place(doc, start, end, self.places):
            return None  # 中國科技公司, 北京監管機構: a place and a description, not a name
        return ours


def doubted(check: "SpanCheck", start: int, end: int, label: str, conf: float) -> str | None:
    """Our label for a CRF name held back only by its confidence (at least ``doubt_floor``), by its
    Latin script, for a person by being a frequent word (朱熹, 列寧 are words of jieba's dictionary;
    國安 stays no body) or for a body by being made of common words while the CRF is unsure
    (大化集團): every other check
    passes. A second model that reads the very same span with the same label decides it
    (``entity_lac``); else None."""
    cfg = check.cfg
    if conf < cfg.get("doubt_floor", 1.0):
        return None
    relaxed = {**cfg, "min_confidence": 0.0, "latin": True, "common_words": label == "PER", "sure": 0.0}
    return SpanCheck(check.doc, relaxed, check).label(start, end, label, conf)


@rule("model")
def model_names(doc: Doc) -> list[MentionCandidate]:
    cfg = doc.settings["model"]
    parents = {c.start: c.end for c in doc.candidates if c.label == "ORG" and c.rule == "lexicon"}
    check = SpanCheck(doc, cfg)
    vetoable = sorted((c for c in doc.candidates if c.rule in cfg["veto_rules"] and not surname_name_after_title(doc, c)),
                      key=lambda c: c.start)
    vetoed: set[int] = set()
    doubts: dict[tuple[int, int], str] = {}  # (start, end) -> the CRF's label
    people: dict[tuple[int, int], float] = {}  # (start, end) -> the CRF's confidence
    out = []
    view = doc.view
    k = 0
    for s, e in doc.sentences:
        sent = view[s:e]
        if not any("\u4e00" <= ch <= "\u9fff" for ch in sent):
            continue
        scored = ner_model.tag_scored(sent, _tiling(doc.tokens_in(s, e), s, e))
        while k < len(vetoable) and vetoable[k].start < s:
            k += 1
        j = k
        while j < len(vetoable) and vetoable[j].end <= e:  # a rule's name where the model is sure there is none
            c = vetoable[j]
            if ner_model.outside_probability(c.start - s, c.end - s) >= cfg["veto"]:
                vetoed.add(id(c))
            j += 1
        for a, b, label, conf in scored:
            ours = check.label(s + a, s + b, label, conf)
            if ours is None:
                if doubted(check, s + a, s + b, label, conf):
                    doubts[(s + a, s + b)] = label
                continue
            out.append(MentionCandidate(s + a, s + b, ours, RULE, name_key(sent[a:b]), priority=0))
            if ours == "PERSON":
                people[(s + a, s + b)] = conf
            unit = unit_after_parent(doc, s + a, s + b, parents) if ours == "ORG" else None
            if unit is not None:
                out.append(unit)
    if vetoed:
        doc.candidates[:] = [c for c in doc.candidates if id(c) not in vetoed]
    doc.cache[DOUBTS], doc.cache[PEOPLE] = doubts, people
    return out
