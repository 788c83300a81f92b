"""The statistical model in the loop: jieba's HMM part-of-speech tagger proposes names.

It runs only where a name is likely and no rule found one: on the few characters before a speech
cue (X表示, X指出), when they hold a surname or transliteration character and no known name.
Tokens tagged ``nr``/``nrfg``/``nrt`` (person) or ``nt`` (organisation) become candidates.
Keeping it to those windows keeps the slow tagger out of the hot path.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from h200claims.doc import Doc, MentionCandidate, SpanIndex
from h200claims.tags.entity_rules import is_common_word, name_key, rule, vocab

PERSON_TAGS = {"nr", "nrfg", "nrt"}
ORG_TAGS = {"nt"}
CLAUSE = regex.compile(r"[^,，。:：;；!?！？「」『』()\n]{2,12}$")
#: the tagger sees at most this many characters before a cue
WINDOW = 12


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
    covered = SpanIndex([(c.start, c.end, None) for c in doc.candidates if c.label in ("PERSON", "ORG")])
    for a, b in doc.paragraphs:
        for cue in voc.cues.finditer(view, a, b):
            m = CLAUSE.search(view, max(a, cue.start() - WINDOW), cue.start())
            if not m or covered.within(m.start(), cue.start()):
                continue
            if not any(c in voc.surnames or c in voc.translit for c in m.group()):
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
