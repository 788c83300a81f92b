"""The statistical model in the loop: jieba's HMM part-of-speech tagger proposes names.

It runs only where a name is likely and no rule found one: on the few characters right before a
speech cue (X表示, X指出), when the word there is not already a name, a place, a pronoun or an
unnamed source (他表示, 專家表示), and a surname or transliteration character is among the last
characters. Tokens tagged ``nr``/``nrfg``/``nrt`` (person) or ``nt`` (organisation) become
candidates. Keeping it to those windows keeps the slow tagger out of the hot path.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex


from h200claims.doc import Doc, MentionCandidate, SpanIndex
from h200claims.tags.entity_rules import CUE_ADVERBS, is_common_word, name_key, rule, vocab

PERSON_TAGS = {"nr", "nrfg", "nrt"}
ORG_TAGS = {"nt"}
CLAUSE = regex.compile(r"[^,，。:：;；!?！？「」『』()\n]{2,8}$")
#: the tagger sees at most this many characters before a cue
WINDOW = 8
#: a name ends right before the cue, so a surname or transliteration character must be this close
NAME_REACH = 4


@lru_cache(maxsize=1)
def _skip_endings() -> Any:
    """Words that already say who speaks: pronouns, unnamed sources, descriptions, adverbs."""
    from h200claims import data
    from h200claims.text.script import simplified_view as v

    cfg = data.load_json("quotes.json")
    words = list(cfg["pronouns"]) + cfg["role_nouns"] + list(cfg["descriptions"]) + cfg["singular_descriptions"]
    return regex.compile("(?:" + "|".join(regex.escape(v(w)) for w in sorted(set(words), key=len, reverse=True)) + ")$")


@lru_cache(maxsize=1)
def pos_tokenizer() -> Any:
    import jieba.posseg

    from h200claims.tokens.segmenter import _jieba_tokenizer

    return jieba.posseg.POSTokenizer(_jieba_tokenizer())


@rule("model")
def hmm_names(doc: Doc) -> list[MentionCandidate]:
    voc = vocab()
    out = []
    view = doc.view
    covered = SpanIndex([(c.start, c.end, None) for c in doc.candidates])
    skip = _skip_endings()
    for a, b in doc.paragraphs:
        for cue in voc.cues.finditer(view, a, b):
            head = cue.start()
            adv = CUE_ADVERBS.search(view, max(a, head - 4), head)
            if adv:
                head = adv.start()
            if head - a < 2 or covered.overlaps(head - 1, head) or skip.search(view, max(a, head - 6), head):
                continue
            if not any(c in voc.surnames or c in voc.translit for c in view[max(a, head - NAME_REACH):head]):
                continue
            m = CLAUSE.search(view, max(a, head - WINDOW), head)
            if not m or covered.within(m.start(), head):
                continue
            pos = m.start()
            for word, flag in pos_tokenizer().cut(m.group(), HMM=True):
                s, e = pos, pos + len(word)
                pos = e
                if len(word) < 2 or is_common_word(word):
                    continue
                if flag in PERSON_TAGS and (word[0] in voc.surnames or all(c in voc.translit for c in word)):
                    out.append(MentionCandidate(s, e, "PERSON", "model:jieba_hmm", name_key(word), priority=0))
                elif flag in ORG_TAGS:
                    out.append(MentionCandidate(s, e, "ORG", "model:jieba_hmm", name_key(word), priority=0))
    return out
