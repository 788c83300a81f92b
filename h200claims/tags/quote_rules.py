"""Quote rules: direct and indirect speech, and who said it.

The article is read sentence by sentence, in order, because speakers carry over (他說 → the
person last named as a speaker). Small named functions find the parts: ``passages`` (quoted
spans), ``find_cues`` (speech verbs), ``speaker_before`` (who is speaking), ``content_after``
(what is said); resolvers turn pronouns, descriptions, titles and unnamed sources into entity ids.
Every quote records its cue and the rule that made it.
"""
from __future__ import annotations

import regex

from typing import Any

from h200claims.registry import RuleTable
from h200claims.tags.quote_cues import (
    _content_end,
    _last_break,
    _trailing_passage,
    find_cues,
    passages,
    skip_separators,
    strip_end,
    via_in,
)
from h200claims.tags.quote_headlines import is_heading
from h200claims.tags.quote_speakers import chain_end, clause_subject, speaker_in_clause, trim_adverbs
from h200claims.tags.quote_state import Found, Speaker, State, _remember, make_quote
from h200claims.tags.quote_words import (
    OPEN,
    SENT_END,
    SPEAKER_WINDOW,
    SPEECH_MARK,
    words,
)
from h200claims.text.script import simplified_view as v


#: every rule of this stage, by the name its quotes carry (and --ablate takes)
RULES = RuleTable("quotes")
RULES.switch("direct_after_cue", "indirect_after_direct", "indirect_cue", "direct_beside_paraphrase",
             "direct_speaker_after", "direct_continuation", "relayed_report", "outlet_report",
             "headline_colon", "interview_colon", "resolve_descriptions", "noun_cue",
             "outlet_layer", "salient_org", "last_person_paragraph",
             "outlet_reporter", "direct_unclosed", "spokesperson")


def read_sentence(st: State, s: int, e: int, para: tuple[int, int]) -> list[Found]:
    """Every quote of one sentence. A switched-off rule (``st.on(name)`` false) neither runs nor
    touches the speaker state, so an ablation scores the pipeline without it."""
    doc = st.doc
    view = doc.view
    w = words()
    quoted = passages(view, s, e)
    st.see(s)
    via, after_via = via_in(st, s, e)
    out: list[Found] = []
    heading = is_heading(view, *para)
    cues = find_cues(doc, s, e, quoted, heading, st.name_ends, st.speaker_ends)
    if via is not None:  # 據路透社報導: the report verb belongs to the relay, not to a speaker
        cues = [c for c in cues if c[0] >= after_via]
    acc = w.according.search(view, s, e)
    if acc:
        cues = [c for c in cues if not acc.start() <= c[0] < acc.end()]
        cues.append(acc.span("cue"))
        cues.sort()
    cues = drop_noun_cues(st, s, cues)
    if st.on("direct_speaker_after"):
        after = speaker_after_quote(st, s, e, quoted)
        if after:
            return after
    if st.on("direct_continuation") and st.last_in_paragraph is not None and not find_cues(doc, s, e, quoted, name_ends=st.name_ends,
                                                                                            speaker_ends=st.speaker_ends):
        cont = direct_continuation(st, s, e, quoted)
        if cont:
            return cont
    tail = _speaker_after_tail(st, s, e, quoted, cues) if st.on("direct_speaker_after") else None
    if tail is not None:  # 「…」，她說 closing the sentence: the passage is hers; earlier cues stop before it
        cues = [c for c in cues if c[0] < tail[0]]
        e_inner = tail[0] - 1 if view[tail[0] - 1:tail[0]] in (",", "，") else tail[0]
    else:
        e_inner = e
    prev_sp: Speaker | None = None
    clause_floor = after_via if via else s
    for i, (cs, ce) in enumerate(cues):
        nxt = cues[i + 1][0] if i + 1 < len(cues) else e_inner
        clause_floor = max(clause_floor, cs - SPEAKER_WINDOW)
        st.see(cs)
        sp = speaker_for_cue(st, s, cs, clause_floor, prev_sp, acc, heading)  # (it also notes a named report)
        cue_word = view[cs:ce]
        if cue_word in w.data_cues:
            sp = data_speaker(st, cs, clause_floor)
        if sp is None:
            continue
        sp_via = st.via_of[sp.id] if sp.id is not None and via is None and sp.id in st.via_of else (
            via if (via is not None and sp.id != via) else None)
        if cue_word in w.named_only and ((sp.id is None and sp_via is None) or sp is prev_sp):
            continue  # 媒體報導，…: no one reports; …，只要符合監管要求，…: no one named at this verb
        if via is None and i + 1 < len(cues) and outlet_relays(st, sp, ce, cues[i + 1][0], e):
            via, clause_floor, prev_sp = sp.id, ce, None  # 瓦姆新聞社說，納西里表示，…: the outlet relays
            continue
        got, clause_floor = content_at_cue(st, (cs, ce), nxt, e, e_inner, quoted, sp, sp_via)
        out.extend(got)
        if got:
            _remember(st, sp, sp_via)
        prev_sp = sp
    if tail is not None:
        a, b, sp, cue = tail
        out.append(make_quote(st, a + 1, b, "direct", sp, cue, None, "direct_speaker_after"))
        _remember(st, sp, None)
    if not cues and tail is None and via is not None and after_via < e:
        out.extend(outlet_report(st, s, e, via, after_via))
    return out


def outlet_relays(st: State, sp: Speaker, ce: int, next_cue: int, e: int) -> bool:
    """An outlet's cue whose content opens with someone else's clause and cue (瓦姆新聞社說，納西里
    表示，…; 彭博社報導，分析師預測…): the outlet relays, the second speaker speaks (``outlet_layer``)."""
    if sp.id is None or st.kinds.get(sp.id) != "outlet" or not st.on("outlet_layer"):
        return False
    view = st.doc.view
    start = skip_separators(view, ce, e)
    return start > ce and cue_clause(view, start, next_cue)[0] == start and next_cue > start


def noun_cue(st: State, s: int, cs: int) -> bool:
    """Whether a later cue of a sentence is a noun or a plain verb inside the content before it:
    its clause opens with words that name no one (…，集資額預測亦上調至…, …兌換保證，…, 新航點評估，…),
    or it is a verb of expectation with nothing before it (…，預期全年獲利突破300億元; …，並預估… splits)."""
    view = st.doc.view
    clause, head = cue_clause(view, max(s, cs - SPEAKER_WINDOW), cs)
    before = view[clause:head].strip()
    if not view[clause:cs].strip() and any(view.startswith(c, cs) for c in words().inside):
        return True  # 他強調，…，預期全年獲利突破300億元: the expectation is part of what he stressed
    if not before or words().connective_only.match(before) or st.mentions_in(clause, head):
        return False
    return speaker_in_clause(st, clause, head, s) is None


def drop_noun_cues(st: State, s: int, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cues of a sentence without the later ones that are nouns inside the content (``noun_cue``):
    the content of the cue before runs over them."""
    if len(cues) < 2 or not st.on("noun_cue"):
        return cues
    return cues[:1] + [c for c in cues[1:] if not noun_cue(st, s, c[0])]


def cue_clause(view: str, clause_floor: int, cs: int, heading: bool = False) -> tuple[int, int]:
    """(start, end) of the words before the cue at ``cs`` that may name its speaker: from the last
    clause break to where trailing adverbs, times and occasions begin."""
    head = trim_adverbs(view, clause_floor, cs)
    return max(clause_floor, _last_break(view, clause_floor, head, heading)), head


#: how far back a company's document with no owner in its clause looks for the organisation it is from
DOCUMENT_OWNER_REACH = 2000


def data_speaker(st: State, cs: int, clause_floor: int) -> Speaker | None:
    """Who speaks through data (海關數據顯示, 調查顯示): the body the clause names; for a company's
    own document named alone (公告顯示, 財報顯示) the organisation named last before it; None when
    data names no one (數據顯示，… is the article's own voice) or the clause before 顯示 is not a
    data noun (這顯示 reports nothing)."""
    w = words()
    view = st.doc.view
    clause, head = cue_clause(view, clause_floor, cs)
    if not w.data_end.search(view, clause, head):
        return None
    named = [m for m in st.mentions_in(clause, head) if m[3] in ("ORG", "GPE")]
    if named:
        m = chain_end(named)
        return Speaker(m[2], st.doc.text[clause:head])
    if not w.own_document.search(view, clause, head):
        return None
    before = [m for m in st.mentions_in(max(0, clause - DOCUMENT_OWNER_REACH), clause) if m[3] == "ORG"]
    return Speaker(before[-1][2], st.doc.text[clause:head]) if before else None


#: the words before a cue that may be a name no rule or model knows: two to four Han characters
UNKNOWN_NAME = regex.compile(r"\p{Han}{2,4}")


def speaker_for_cue(st: State, s: int, cs: int, clause_floor: int, prev_sp: Speaker | None, acc: Any,
                    heading: bool) -> Speaker | None:
    """Who speaks at the cue starting at ``cs``: the words of its clause, else the sentence's
    subject, else the previous cue's speaker (王部長說…，但強調…)."""
    w = words()
    doc = st.doc
    view = doc.view
    if acc and cs == acc.start("cue"):
        named = [m for m in st.mentions_in(acc.start("who"), acc.end("who")) if m[3] != "PRODUCT"]
        if named and named[-1][1] == acc.end("who"):  # 從商務部貿易救濟調查局獲悉: the unit named last
            return Speaker(named[-1][2], doc.text[acc.start("who"):acc.end("who")])
        return speaker_in_clause(st, acc.start("who"), acc.end("who")) or Speaker(
            None, doc.text[acc.start("who"):acc.end("who")])
    clause, head = cue_clause(view, clause_floor, cs, heading)
    before = view[clause:head]
    if prev_sp is not None and w.connective_only.match(before):
        return prev_sp
    if w.connective_only.match(before):
        return clause_subject(st, clause_floor, clause) or st.last_in_paragraph
    found = speaker_in_clause(st, clause, head, s) or clause_subject(st, clause_floor, clause) or prev_sp
    if found is None and clause > s and not st.mentions_in(s, cs):  # …達四萬億港元，強調…: no one named
        return st.last_in_paragraph  # in the sentence, the cue carries on the paragraph's speaker
    if found is None and view[head:head + 2] in ("说:", "说：", "说「", "说“") and UNKNOWN_NAME.fullmatch(view, clause, head):
        return Speaker(None, doc.text[clause:head])  # 小明說：「…」: someone no rule knows still speaks
    return found


def content_at_cue(st: State, cue: tuple[int, int], nxt: int, e: int, e_inner: int, quoted: list[tuple[int, int]],
                   sp: Speaker, sp_via: str | None) -> tuple[list[Found], int]:
    """What is said after a cue: a 「…」 right after it (and the paraphrase after that), or the
    indirect content to the next cue's clause (with a closing 「…」 beside it). Returns the quotes
    and where the next cue's speaker search may start."""
    w = words()
    doc = st.doc
    view = doc.view
    cs, ce = cue
    cue_text = doc.text[cs:ce]
    out: list[Found] = []
    cstart = skip_separators(view, ce, e_inner)
    if cstart < e_inner and view[cstart] in OPEN and st.on("direct_after_cue") and (
            view[cs:ce] in w.direct_cues or any(view[cs:ce].endswith(d) for d in w.direct_cues)):  # 回應說：「…」
        close = next((b for a, b in quoted if a == cstart), None)
        if close is None and st.on("direct_unclosed") and OPEN[view[cstart]] not in view[cstart + 1:e]:
            end = strip_end(view, cstart + 1, e)  # 新航在報告中說：「隨著…(the page ends the passage unclosed)
            if end - cstart - 1 >= w.cfg["speech_like_min"]:
                return [make_quote(st, cstart + 1, end, "direct", sp, cue_text, sp_via, "direct_unclosed")], e
        if close is not None and not quoted_term(view, close):
            out.append(make_quote(st, cstart + 1, close, "direct", sp, cue_text, sp_via, "direct_after_cue"))
            rest = skip_separators(view, close + 1, nxt)
            rest_end = strip_end(view, rest, _content_end(view, rest, nxt, e))
            if rest_end - rest >= w.cfg["content_min"] and rest_end <= nxt and st.on("indirect_after_direct"):
                out.append(make_quote(st, rest, rest_end, "indirect", sp, cue_text, sp_via, "indirect_after_direct"))
            return out, (max(nxt, close + 1) if nxt < e else e)
    cstart = question_addressee(st, cue_text, cstart, e_inner)
    cend = _content_end(view, cstart, nxt, e_inner)
    beside = _trailing_passage(view, cstart, cend, quoted, e_inner) if st.on("direct_beside_paraphrase") else None
    end = strip_end(view, cstart, beside[0] if beside else cend)
    if end - cstart >= w.cfg["content_min"] and st.on("indirect_cue"):
        out.append(make_quote(st, cstart, end, "indirect", sp, cue_text, sp_via, "indirect_cue"))
    if beside:
        out.append(make_quote(st, beside[0] + 1, beside[1], "direct", sp, cue_text, sp_via, "direct_beside_paraphrase"))
    return out, cend


#: how long the words for whom a question is put to may be (記者問董事長吳啟明，…)
ADDRESSEE_MAX = 16


def question_addressee(st: State, cue: str, cstart: int, e: int) -> int:
    """Where a question's content starts: after the person it is put to (有記者問董事長吳啟明，公司會不會…)
    when the words before the first comma name a person or end in a title."""
    view = st.doc.view
    if v(cue) not in words().question_cues:
        return cstart
    comma = next((i for i in range(cstart, min(e, cstart + ADDRESSEE_MAX + 1)) if view[i] in ",:"), -1)
    if comma <= cstart:
        return cstart
    named = [m for m in st.mentions_in(cstart, comma) if m[3] == "PERSON"]
    if named or words().title_only.search(view, cstart, comma):
        return skip_separators(view, comma, e)
    return cstart


def quoted_term(view: str, close: int) -> bool:
    """Whether the passage closing at ``close`` is a quoted term or name, not words said: the
    sentence goes on in the same word right after the mark (「可疑帳戶預警中心」機制，是…), and the
    passage does not end as a sentence does (…能力。」該智庫… is words said).

    >>> quoted_term("「预警中心」机制，是…", 5), quoted_term("「我们会降价。」", 7)
    (True, False)
    """
    nxt = view[close + 1:close + 2]
    return bool(nxt) and "\u4e00" <= nxt <= "\u9fff" and not SPEECH_MARK.search(view[close - 1:close])


def outlet_report(st: State, s: int, e: int, via: str, after_via: int) -> list[Found]:
    """據彭博社報導，… with no other cue: the outlet speaks (``outlet_report``); 援引兩名知情人士報導:
    the relayed source speaks and the outlet is ``via`` (``relayed_report``)."""
    w = words()
    doc = st.doc
    view = doc.view
    start = skip_separators(view, after_via, e)
    end = strip_end(view, start, e)
    if end - start < w.cfg["content_min"]:
        return []
    relay = w.relay.search(view, s, after_via)
    if relay:
        if not st.on("relayed_report"):
            return []
        src_end = after_via - 2
        sp = speaker_in_clause(st, relay.end(), src_end, s) or Speaker(None, doc.text[relay.end():src_end])
        return [make_quote(st, start, end, "indirect", sp, doc.text[src_end:after_via], via, "relayed_report")]
    if not st.on("outlet_report"):
        return []
    cue = w.report_cue.search(view[s:after_via])
    return [make_quote(st, start, end, "indirect", Speaker(via, doc.text[s:after_via]),
                       doc.text[s + cue.start():s + cue.end()] if cue else None, None, "outlet_report")]


def _speaker_after_tail(st: State, s: int, e: int, quoted: list[tuple[int, int]],
                        cues: list[tuple[int, int]]) -> tuple[int, int, Speaker, str] | None:
    """A passage after other words, followed by '，SPEAKER CUE' to the end of the sentence:
    (open mark, close mark, speaker, cue), or None."""
    view = st.doc.view
    for a, b in quoted:
        if a == s or not cues:
            continue
        m = words().speaker_after.match(view[b + 1:e])
        if not m:
            continue
        ws, we = b + 1 + m.start("who"), b + 1 + m.end("who")
        sp = speaker_in_clause(st, ws, trim_adverbs(view, ws, we), s)
        if sp is None:
            return None
        cue_at = b + 1 + m.start("cue")
        return a, b, sp, st.doc.text[cue_at:cue_at + len(m.group("cue"))]
    return None


def direct_continuation(st: State, s: int, e: int, quoted: list[tuple[int, int]]) -> list[Found]:
    """A sentence that is one quoted passage, right after a quote in the same paragraph, carries on
    that speaker's words: “打压遏制阻挡不了中国科技发展的步伐。”"""
    view = st.doc.view
    if len(quoted) != 1 or quoted[0][0] != s or view[quoted[0][1] + 1:e].strip(SENT_END + " 　"):
        return []
    a, b = quoted[0]
    inner = view[a + 1:b]
    if len(inner) < words().cfg["speech_like_min"] or not SPEECH_MARK.search(inner):
        return []
    prev = st.last_in_paragraph
    assert prev is not None
    return [make_quote(st, a + 1, b, "direct", prev, None, None, "direct_continuation")]




def speaker_in_next_sentence(st: State, sent: tuple[int, int], nxt: tuple[int, int]) -> list[Found]:
    """「…。」她說。 split into two sentences: a sentence that is one quoted passage, and a next
    sentence that is only 'SPEAKER CUE', or opens with it (“…。”呂大良表示，…: what follows is read
    as a sentence of its own)."""
    view = st.doc.view
    s, e = sent
    quoted = passages(view, s, e)
    if len(quoted) != 1 or quoted[0][0] != s or view[quoted[0][1] + 1:e].strip(SENT_END + " 　"):
        return []
    m = words().speaker_after.match(view[nxt[0]:nxt[1]]) or words().speaker_opens.match(view[nxt[0]:nxt[1]])
    if not m:
        return []
    ws, we = nxt[0] + m.start("who"), nxt[0] + m.end("who")
    sp = speaker_in_clause(st, ws, trim_adverbs(view, ws, we), nxt[0])
    if sp is None:
        return []
    a, b = quoted[0]
    cue_at = nxt[0] + m.start("cue")
    found = [make_quote(st, a + 1, b, "direct", sp, st.doc.text[cue_at:cue_at + len(m.group("cue"))], None,
                        "direct_speaker_after")]
    _remember(st, sp, None)
    return found


def speaker_after_quote(st: State, s: int, e: int, quoted: list[tuple[int, int]]) -> list[Found]:
    """「…」，黃仁勳說。 — a quote whose speaker follows; “…，”X說，“…” — and the passages after him."""
    view = st.doc.view
    out = []
    for a, b in quoted:
        if a != s:
            continue
        m = words().speaker_after.match(view[b + 1:e])
        if not m:
            continue
        ws, we = b + 1 + m.start("who"), b + 1 + m.end("who")
        sp = speaker_in_clause(st, ws, trim_adverbs(view, ws, we))
        if sp is None:
            continue
        cue_at = b + 1 + m.start("cue")
        cue = st.doc.text[cue_at:cue_at + len(m.group("cue"))]
        out.append(make_quote(st, a + 1, b, "direct", sp, cue, None, "direct_speaker_after"))
        # “…，”X說，“…”: the passages after the speaker carry on the same words
        out.extend(make_quote(st, a2 + 1, b2, "direct", sp, cue, None, "direct_speaker_after")
                   for a2, b2 in quoted if a2 >= b + 1 + m.end())
        st.spoke(sp, v(sp.text) if sp.text else None)
    return out


def opening_paragraph(st: State, a: int, b: int, carry: Speaker | None) -> list[Found]:
    """A paragraph that opens with a quotation mark and names no one (“就業保持穩定，…” after a
    paragraph quoting the governor): the words of whoever was quoted in the paragraph before. The
    passage runs to its closing mark, or to the paragraph's end where a scrape or the outlet's style
    leaves it open (a quote over several paragraphs)."""
    view = st.doc.view
    if carry is None or view[a] not in OPEN:
        return []
    close = view.find(OPEN[view[a]], a + 1, b)
    end = close if close >= 0 else strip_end(view, a + 1, b)
    if close >= 0 and view[close + 1:b].strip(SENT_END + " 　"):
        return []  # words follow the passage: the sentence rules read it
    inner = view[a + 1:end]
    if len(inner) < words().cfg["speech_like_min"] or not SPEECH_MARK.search(inner + view[end:end + 1]):
        return []
    return [make_quote(st, a + 1, end, "direct", carry, None, None, "direct_continuation")]
