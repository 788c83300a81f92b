"""The quotes component: read the body in order, collect quotes, resolve descriptions."""
from __future__ import annotations

import bisect

from h200claims.doc import Doc
from h200claims.registry import component
from h200claims.tags.quote_headlines import headline_attribution, interview_turn, resolve_descriptions
from h200claims.tags.quote_rules import opening_paragraph, read_sentence, speaker_in_next_sentence
from h200claims.tags.quote_state import Found, Speaker, State, new_state
from h200claims.tags.quote_words import words


def non_overlapping(found: list[Found]) -> list[Found]:
    keep: list[Found] = []
    for f in sorted(found, key=lambda f: (f.quote.start, -(f.quote.end - f.quote.start))):
        if keep and f.quote.start < keep[-1].quote.end:
            continue
        keep.append(f)
    return keep


def last_person(st: State) -> Speaker | None:
    """The person last quoted in the article: who a paragraph of quoted words alone, after a
    paragraph that quoted no one (a figure, a subheading), carries on."""
    if not st.on("last_person_paragraph"):
        return None
    sid = next((i for i in reversed(st.history) if i in st.persons), None)
    return Speaker(sid, st.said_as.get(sid, "")) if sid is not None else None


def headings(doc: Doc) -> list[tuple[int, int]]:
    """The title and subheadings: short body paragraphs with no sentence-final punctuation."""
    return [(a, b) for a, b in doc.paragraphs if b - a <= 60 and doc.view[b - 1] not in "。!?！？」”"
            and "。" not in doc.view[a:b]]


@component("quotes", requires=["sentences", "entities"], assigns=["quotes"])
def quotes(doc: Doc) -> None:
    st = new_state(doc)
    found: list[Found] = []
    carry = None  # who was quoted in the paragraph before: a paragraph that opens with “ carries on
    for para in doc.paragraphs:
        st.para_start = para[0]
        before = len(found)
        opening = opening_paragraph(st, *para, carry or last_person(st)) if st.on("direct_continuation") else []
        if opening:
            found.extend(opening)
            continue
        turn = interview_turn(st, *para) if st.on("interview_colon") else []
        if turn:
            found.extend(turn)
            st.spoke(turn[-1].speaker)
        elif st.on("headline_colon"):
            head = headline_attribution(st, *para)
            if head:
                found.extend(head)
                continue
        st.last_in_paragraph = turn[-1].speaker if turn else None
        i = bisect.bisect_left(doc.sentences, (para[0], para[0]))
        while i < len(doc.sentences) and doc.sentences[i][1] <= para[1]:
            s, e = doc.sentences[i]
            if turn and s < turn[-1].quote.end:  # the turns' own sentences
                i += 1
                continue
            nxt = doc.sentences[i + 1] if i + 1 < len(doc.sentences) and doc.sentences[i + 1][1] <= para[1] else None
            if nxt is not None and st.on("direct_speaker_after"):
                after = speaker_in_next_sentence(st, (s, e), nxt)
                if after:  # 「…。」她說。: the next sentence only names the speaker
                    found.extend(after)
                    st.last_in_paragraph = after[-1].speaker
                    whole = words().speaker_after.match(doc.view[nxt[0]:nxt[1]]) is not None
                    i += 2 if whole else 1  # 吕大良表示，…: the next sentence's own words are read too
                    continue
            got = read_sentence(st, s, e, para)
            found.extend(got)
            if got:
                st.last_in_paragraph = got[-1].speaker
            i += 1
        carry = found[-1].speaker if len(found) > before else None
    if st.on("resolve_descriptions"):
        resolve_descriptions(found, headings(doc))
    doc.quotes = [f.quote for f in non_overlapping(found) if f.quote.end > f.quote.start]
