"""LAC in the loop (rule ``lac``, mentions ``model:lac``): where the second model reads and what
its names become.

LAC (``lac_model``) costs about three times our whole pipeline per character, so it does not read
every sentence. ``lac`` in ``data/pipeline.json`` says where it runs: ``run_on: all`` reads every
sentence; ``run_on: undecided`` reads only the sentences where the cheaper sources leave a name
undecided (a name guessed by the CRF or a rule, not the lexicon; a run of single characters the
segmenter could not join, which is how an unknown name looks), most undecided first, up to
``budget`` of the article's body characters. A name LAC finds once is found again everywhere in
the article by ``repeat_name``, so reading a share of the sentences finds most of an article's
names. Its spans pass the same checks as the CRF's (``entity_model.SpanCheck``, with the CRF's
settings under LAC's own) and three of their own (a place and common words, 中美科技; a meeting of
two, 川習會; a government, 澳門特區政府: no names). By default only its organisations are taken
(``labels``; its own people cost more than they found on real pages), in the merge policy's last
tier: they fill gaps, never cut through what the lexicon, the CRF or the rules found. ``veto``
drops a CRF or rule PERSON whose text LAC reads as an organisation (德勤 the firm).
The measured placements are in ``docs/model_card.md``.
"""
from __future__ import annotations

from typing import Any

from h200claims.doc import Doc, MentionCandidate
from h200claims.tags import lac_model
from h200claims.tags.entity_model import DOUBTS, PEOPLE, RULE as CRF_RULE, SpanCheck
from h200claims.tags.entity_rules import rule
from h200claims.tags.entity_vocab import GENERIC_WORD_FREQ, _jieba_freq, is_cjk, name_key, vocab

RULE = "model:lac"
AGREE = "model:lac_crf"  # a name both models read, where the CRF alone was unsure


def settings(doc: Doc) -> dict[str, Any]:
    """The CRF's span settings (``model``) with LAC's own (``lac``) over them."""
    return {**doc.settings["model"], **doc.settings["lac"]}


def single_runs(doc: Doc, start: int, end: int) -> list[str]:
    """Runs of two or more single Han characters in view[start:end] that the segmenter could not
    join into words: how an unknown name looks (鈺|翔, 歐|俞|彤; 的|是 pass too, and cost little)."""
    out = []
    run: list[int] = []
    for a, b in doc.tokens_in(start, end) + [(end, end)]:
        if b - a == 1 and is_cjk(doc.view[a]):
            run.append(a)
            continue
        if len(run) >= 2:
            out.append(doc.view[run[0]:run[-1] + 1])
        run = []
    return out


def chosen_sentences(doc: Doc, cfg: dict[str, Any]) -> list[tuple[int, int]]:
    """The body sentences LAC reads, in text order (see the module's docstring): with ``run_on:
    undecided``, the sentences holding the most undecided names (names the CRF or a rule guessed,
    runs of single characters) not yet held by a sentence chosen before, up to ``budget`` of the
    body's characters (at least ``min_budget`` characters); each name is read once, and what LAC
    makes of it holds for the article."""
    sents = [(s, e) for s, e in doc.sentences if doc.in_body(s, e) and any(is_cjk(ch) for ch in doc.view[s:e])]
    if cfg["run_on"] == "all":
        return sents
    guessed = sorted([(c.start, c.end) for c in doc.candidates if c.label in ("PERSON", "ORG") and c.rule != "lexicon"]
                     + list(doc.cache.get(DOUBTS, ())))  # the CRF's doubted names are undecided too
    names: list[tuple[set[str], int, int]] = []
    k = 0
    for s, e in sents:  # both sorted: one sweep
        while k < len(guessed) and guessed[k][0] < s:
            k += 1
        j = k
        held = set(single_runs(doc, s, e))
        while j < len(guessed) and guessed[j][0] < e:
            if guessed[j][1] <= e:
                held.add(doc.view[guessed[j][0]:guessed[j][1]])
            j += 1
        names.append((held, s, e))
    budget = max(cfg["budget"] * sum(e - s for s, e in sents), cfg["min_budget"])  # a short text is read whole
    seen: set[str] = set()
    out = []
    for held, s, e in sorted(names, key=lambda x: (-len(x[0]), x[1])):
        if not held - seen or budget < e - s:
            continue
        budget -= e - s
        seen |= held
        out.append((s, e))
    return sorted(out)


def place_and_common_words(doc: Doc, start: int, end: int, places: dict[int, int]) -> bool:
    """An ORG span that is one or more places and then only common words, kinds of body or Latin
    letters, not ending in a body's own word (中美|科技, 華府|智庫, 台灣|設備廠): a description, not a name. With
    a body's word at its end (中國|銀行, 中國|商用|飛機|有限責任公司) or a rare word after the place
    (江蘇|舜|天) it is a name."""
    pos = start
    pairs = vocab().one_char
    while pos < end:
        if pos in places and places[pos] <= end:
            pos = places[pos]
        elif doc.view[pos] in pairs and (doc.view[pos + 1:pos + 2] in pairs or pos > start and doc.view[pos - 1] in pairs):
            pos += 1  # 中美, 美日: two countries by one character each
        else:
            break
    if pos == start or pos == end or not doc.at_token_boundary(pos) or doc.view[start:end].endswith(vocab().org_suffixes):
        return False  # no place first, nothing after it, a word across its end (江蘇舜天), or a body's word last
    freq = _jieba_freq()
    kinds = vocab().org_type_nouns

    def generic(w: str) -> bool:  # 科技, 智庫, 設備廠 (設備 and a kind of body)
        return (w.isascii() or w in kinds or freq.get(w, 0) >= GENERIC_WORD_FREQ
                or any(w.endswith(k) and freq.get(w[:-len(k)], 0) >= GENERIC_WORD_FREQ for k in kinds))

    return all(generic(doc.view[a:b]) for a, b in doc.tokens_in(pos, end))


def meeting_of_two(doc: Doc, start: int, end: int, cfg: dict[str, Any]) -> bool:
    """Two people by one character each and a meeting word, each a token of its own (川|習|會,
    馬|習|會): a summit, which LAC reads as a body."""
    toks = doc.tokens_in(start, end)
    return (len(toks) == 3 and all(b - a == 1 for a, b in toks) and toks[0][0] == start and toks[-1][1] == end
            and doc.view[end - 1] in cfg["meeting_words"])


def unconfirmed_people(doc: Doc, cfg: dict[str, Any], sents: list[tuple[int, int]],
                       lac_people: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The CRF's people under ``confirm_people_below`` confidence inside a sentence LAC read, where
    no person LAC found overlaps them: two models, the surer one saying no person."""
    below = cfg.get("confirm_people_below", 0.0)
    people = doc.cache.get(PEOPLE, {})
    out = set()
    for (a, b), conf in people.items():
        if conf < below and any(s <= a and b <= e for s, e in sents) \
                and not any(x < b and a < y for x, y in lac_people):
            out.add((a, b))
    return out


@rule("lac")
def lac_names(doc: Doc) -> list[MentionCandidate]:
    cfg = settings(doc)
    sents = chosen_sentences(doc, cfg)
    if not sents:
        return []
    check = SpanCheck(doc, cfg)
    places: dict[int, int] = {}  # where a place starts -> its shortest end (華府, not a model's 華府智庫)
    for c in doc.candidates:
        if c.label == "GPE":
            places[c.start] = min(c.end, places.get(c.start, c.end))
    out = []
    orgs: set[str] = set()
    lac_people: list[tuple[int, int]] = []
    doubted = doc.cache.get(DOUBTS, {})
    for (s, _), words in zip(sents, lac_model.tag_batch([doc.view[s:e] for s, e in sents])):
        for a, b, tag in words:
            a, b = s + a, s + b
            if tag == "ORG":
                orgs.add(doc.view[a:b])
            elif tag == "PER":
                lac_people.append((a, b))
            agreed = tag in cfg["agree_labels"] and doubted.get((a, b)) == tag  # the CRF's doubted name, read the same
            if agreed:
                ours = cfg["agree_labels"][tag]
            else:
                ours = check.label(a, b, tag, cfg["confidence"]) if tag in cfg["labels"] else None
            if ours is None:
                continue
            if ours == "ORG" and (place_and_common_words(doc, a, b, places) or meeting_of_two(doc, a, b, cfg)
                                  or doc.view[a:b].endswith(tuple(cfg["not_org_endings"]))):
                continue  # 中美科技, 川習會, 澳門特區政府 (a place's government is the place: the guidelines)
            out.append(MentionCandidate(a, b, ours, AGREE if agreed else RULE, name_key(doc.view[a:b]), priority=0))
    unsure = unconfirmed_people(doc, cfg, sents, lac_people)
    if unsure:  # an unsure CRF person where LAC, reading the sentence, sees no person at all
        doc.candidates[:] = [c for c in doc.candidates if not (c.rule == CRF_RULE and (c.start, c.end) in unsure)]
    if cfg["veto"] and orgs:  # 德勤 read as a firm once is no person anywhere in the article
        doc.candidates[:] = [c for c in doc.candidates if not (
            c.label == "PERSON" and c.rule != "lexicon" and doc.view[c.start:c.end] in orgs)]
    return out
