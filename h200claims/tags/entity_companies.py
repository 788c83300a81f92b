"""Companies no lexicon lists, by their shape: a name and an industry word, perhaps a legal suffix
(零跑|汽車, 晶宏|半導體, 明台|產險), and the company's own name alone elsewhere in the article."""
from __future__ import annotations

from functools import lru_cache

from h200claims import data
from h200claims.doc import Doc, MentionCandidate
from h200claims.tags.entity_rules import Spans, rule
from h200claims.tags.entity_vocab import (
    GENERIC_WORD_FREQ, _jieba_freq, company_suffix_chain, is_cjk, name_key, occurrences, verb_tags, vocab,
)
from h200claims.text.script import simplified_view as v


#: an unknown company's own name before its industry word: two to four characters
COMPANY_NAME = (2, 4)


@rule("company_industry")
def company_industry(doc: Doc) -> list[MentionCandidate]:
    """Companies no lexicon lists, by their shape: a name, an industry word and perhaps a legal
    suffix (零跑|汽車, 晶宏|半導體, 明台|產險, 台灣|人壽, 晶澳|科技|集團), when a title, a verb,
    punctuation or a word of ``company_follow_words`` comes next (台灣|半導體|產業 is an industry,
    電動|汽車 a kind of car: a name made of dictionary words is none, a place alone is one)."""
    voc = vocab()
    view = doc.view
    gpe_end = {c.end: c for c in doc.candidates if c.label == "GPE"}
    named = Spans([(c.start, c.end) for c in doc.candidates if c.label != "GPE"])
    named_ends = {c.end for c in doc.candidates if c.label != "GPE"}  # once: the loops stay linear
    out = []
    for a, b in doc.paragraphs:
        for m in voc.company_industry_re.finditer(view, a, b):
            w_start = m.start()
            fused = not doc.at_token_boundary(w_start)
            word_start = one_word_company(doc, w_start, m.end()) if fused else None
            if fused and word_start is None:
                continue
            end, legal = company_suffix_chain(view, w_start)
            place = gpe_end.get(w_start)
            if (place is not None and legal) or not company_follows(doc, end, b, measures=place is None):
                continue  # 中國科技公司: a place's companies of a kind, not one company
            if place is not None and names_an_industry(doc, view[place.start:end]):
                continue  # 台灣半導體 where the article writes 台灣半導體產業: the industry
            if place is not None:
                start = place.start
            elif word_start is not None:  # the dictionary's company word
                start = word_start
            else:
                start = w_start
                while start > a and w_start - start < COMPANY_NAME[1] and is_cjk(view[start - 1]) \
                        and view[start - 1] not in voc.org_stop and start not in named_ends:
                    start -= 1
                start = next((i for i in range(start, w_start - COMPANY_NAME[0] + 1)  # 以及|台新|銀行
                              if doc.at_token_boundary(i) and view[i] not in voc.org_function_heads
                              and company_name_like(doc, i, w_start)), w_start)
                if w_start - start < COMPANY_NAME[0]:
                    continue
            if named.overlaps(start, end):
                continue
            key = name_key(view[start:end])
            out.append(MentionCandidate(start, end, "ORG", "company_industry", key, priority=1))
            if place is None:
                out.extend(short_forms(doc, view[start:w_start], key, (start, end)))
    return out


@lru_cache(maxsize=1)
def industry_collectives() -> tuple[str, ...]:
    """Words after a place and an industry word that make them an industry (產業, 供應鏈)."""
    return tuple(v(w) for w in data.load_json("entity_rules.json")["industry_collectives"])


def names_an_industry(doc: Doc, name: str) -> bool:
    """Whether the article writes ``name`` (a place and an industry word) before an industry's
    collective word anywhere (台灣半導體|產業)."""
    view = doc.view
    return any(view.startswith(industry_collectives(), i + len(name)) for i in occurrences(view, name))


def short_forms(doc: Doc, short: str, key: str, full: tuple[int, int]) -> list[MentionCandidate]:
    """The company's own name alone elsewhere in the article, as whole tokens (零跑汽車 … 零跑表示):
    the same company."""
    view = doc.view
    out = []
    for a, b in doc.paragraphs:
        for i in occurrences(view, short, a, b):
            if not (full[0] <= i < full[1]) and doc.at_token_boundary(i) and doc.at_token_boundary(i + len(short)):
                out.append(MentionCandidate(i, i + len(short), "ORG", "company_industry", key, priority=1))
    return out


@lru_cache(maxsize=1)
def company_words() -> frozenset[str]:
    """jieba's dictionary words that are a company's name and an industry word (新光人寿), from
    ``data/company_words.txt`` (built by ``tools/build_word_tags.py``)."""
    return frozenset(ln for ln in data.read_text("company_words.txt").splitlines() if ln and not ln.startswith("#"))


def one_word_company(doc: Doc, w_start: int, w_end: int) -> int | None:
    """Start of the token the industry word at ``w_start`` ends, where that token is one of
    ``company_words`` (新光人壽 tokenised as one word, not 工傷保險), else None."""
    return next((s for s in range(max(0, w_start - 8), w_start - 1)
                 if doc.tokens_in(s, w_end)[:1] == [(s, w_end)] and doc.view[s:w_end] in company_words()), None)


def company_name_like(doc: Doc, start: int, end: int) -> bool:
    """Whether the words before an industry word can be a company's own name: no dictionary word of
    any frequency, no verb (調降|鋼鐵, 強化|上市公司), no change word at its end, no industry word."""
    voc = vocab()
    view = doc.view
    freq = _jieba_freq()
    name = view[start:end]
    toks = [view[s:e] for s, e in doc.tokens_in(start, end)]
    return not (freq.get(name, 0) >= GENERIC_WORD_FREQ
                or any(freq.get(t, 0) >= GENERIC_WORD_FREQ and len(t) >= 2 for t in toks)
                or any(verb_tags().get(t) == "v" for t in toks) or name[-1] in voc.change_chars
                or voc.company_industry_re.search(name))


def company_follows(doc: Doc, end: int, para_end: int, measures: bool = False) -> bool:
    """Whether what comes after a company word closes a name: the paragraph's end, punctuation, a
    title, a verb proper or one of ``company_follow_words`` (and, with ``measures``, a company's
    measure: 營收, 虧損); not another noun."""
    voc = vocab()
    view = doc.view
    if end >= para_end or not is_cjk(view[end]):
        return end >= para_end or not view[end].isalnum()
    if voc.title_at.match(view, end) or any(view.startswith(w, end) for w in voc.company_follow):
        return True
    if measures and any(view.startswith(w, end) for w in voc.company_follow_measures):
        return True
    nxt = next((view[s:e] for s, e in doc.tokens_in(end, end + 6)[:1] if s == end), "")
    return verb_tags().get(nxt) == "v"
