"""'SOURCE：content' lines (headlines and subheadings, an interview's turns), and linking a description (專家) to the named speaker quoted later."""
from __future__ import annotations

import bisect

import regex

from h200claims.tags.quote_cues import strip_end
from h200claims.tags.quote_speakers import titled_entity
from h200claims.tags.quote_state import Found, Speaker, State, make_quote
from h200claims.tags.quote_words import NOT_WORD, OPEN, SENT_END, words

HEADLINE = regex.compile(r"(?:^|(?<=[\s!！?？]))(?P<src>[^:：,，。「」\s!！?？]{1,8})[:：]\s*(?P<content>\S.*)$")


HEADING_MAX = 60


def is_heading(view: str, a: int, b: int) -> bool:
    """A headline or subheading: a short paragraph with no full stop."""
    return b - a <= HEADING_MAX and "。" not in view[a:b]


def headline_attribution(st: State, s: int, e: int) -> list[Found]:
    """Headlines and subheadings 'SOURCE：content' (黃仁勳：…, 陸專家：…, 分析師：…)."""
    w = words()
    view = st.doc.view
    if not is_heading(view, s, e):
        return []
    label = w.headline_label.match(view, s, e)  # 專訪｜…
    if label:
        s = label.end()
    m = HEADLINE.search(view[s:e])
    if not m or m.group("content")[:1] in OPEN:
        return []
    src = m.group("src")
    cue = w.cue_re.search(src)
    if cue and cue.end() == len(src) and cue.start() > 0:
        return []  # 有記者問：「…」 is a question put by someone, read as a sentence with a cue
    ss, se = s + m.start("src"), s + m.end("src")
    sp = colon_speaker(st, ss, se)
    if sp is None:
        return []  # 'AI晶片：下一個戰場' names a topic, not a speaker
    cs = s + m.start("content")
    ce = strip_end(view, cs, e)
    return [make_quote(st, cs, ce, "indirect", sp, "：", None, "headline_colon")]


def colon_speaker(st: State, ss: int, se: int) -> Speaker | None:
    """Who 'SOURCE' is in 'SOURCE：…': a person, body or place named there, a title the article
    gives someone (行政總裁), or an unnamed source or description (分析師, 陸專家) resolved later;
    None for anything else (a topic)."""
    w = words()
    view = st.doc.view
    text = st.doc.text[ss:se]
    ms = [x for x in st.mentions_in(ss, se) if x[3] != "PRODUCT"]
    if ms and ms[-1][1] == se:
        return Speaker(ms[-1][2], text)
    titled = titled_entity(st, view[ss:se])
    if titled is not None:
        return Speaker(titled[0], text)
    src = view[ss:se]
    if ms or w.role_end.search(src) or w.title_only.search(src) or src in w.singular or src in w.descriptions:
        return Speaker(None, text, description=src)  # 陸專家, 台廠, 分析師: resolved later, or unnamed
    return None


INTERVIEW = regex.compile(r"\s*(?P<src>[^:：,，。「」“”\s]{1,12})[:：]\s*")


def interview_turn(st: State, s: int, e: int) -> list[Found]:
    """A paragraph opening 'WHO：' in an interview (記者：…？ / 李国杰：…): the first sentence after the
    colon is WHO's (``interview_colon``); the asker's (記者, 問) has speaker null."""
    w = words()
    view = st.doc.view
    m = INTERVIEW.match(view, s, e)
    if not m or m.end() >= e:
        return []
    ss, se = m.span("src")
    src = view[ss:se]
    if src in w.askers | w.answerers:
        return qa_turns(st, s, e)
    if src in w.askers or any(src.endswith(a) for a in w.askers if len(a) > 1):
        sp = Speaker(None, st.doc.text[ss:se])
    else:
        people = [x for x in st.mentions_in(ss, se) if x[3] == "PERSON"]
        if not people or people[-1][1] != se:
            return []
        sp = Speaker(people[-1][2], st.doc.text[ss:se])
    cs = m.end()
    if view[cs] in OPEN:
        close = view.find(OPEN[view[cs]], cs + 1, e)
        if close < 0:
            return []
        return [make_quote(st, cs + 1, close, "direct", sp, "：", None, "interview_colon")]
    end = next((i for i in range(cs, e) if view[i] in SENT_END), e)
    ce = strip_end(view, cs, end)
    if ce - cs < w.cfg["content_min"]:
        return []
    return [make_quote(st, cs, ce, "indirect", sp, "：", None, "interview_colon")]


def interviewee(st: State, label: str) -> Speaker:
    """Who answers in a Q&A: the person who last spoke, else the last person named so far."""
    sid = next((x for x in reversed(st.history) if x in st.persons), None)
    if sid is None:
        named = [m for m in st.mentions if m[3] == "PERSON" and m[1] <= st.para_start]
        sid = named[-1][2] if named else None
    return Speaker(sid, label)


def qa_turns(st: State, s: int, e: int) -> list[Found]:
    """'問：…？ 答：…。' turns, one paragraph or many: each label's words up to the next label; the
    asker's have speaker null, the answerer's are the interviewee's (``interviewee``)."""
    w = words()
    view = st.doc.view
    labels = sorted(w.askers | w.answerers, key=len, reverse=True)
    turn = regex.compile(r"(?:^|(?<=[\s。！？!?]))(?P<src>" + "|".join(map(regex.escape, labels)) + r")[:：]\s*")
    marks = list(turn.finditer(view, s, e))
    out = []
    for i, m in enumerate(marks):
        end = strip_end(view, m.end(), marks[i + 1].start() if i + 1 < len(marks) else e)
        if end - m.end() < w.cfg["content_min"]:
            continue
        label = st.doc.text[m.start("src"):m.end("src")]
        sp = Speaker(None, label) if m.group("src") in w.askers else interviewee(st, label)
        out.append(make_quote(st, m.end(), end, "indirect", sp, "：", None, "interview_colon"))
    return out


def bigrams(text: str) -> set[str]:
    t = NOT_WORD.sub("", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


MIN_SHARED_BIGRAMS = 2


#: a description is resolved to a speaker quoted at most this many characters later
DESCRIPTION_REACH = 5000


def resolve_descriptions(found: list[Found], headings: list[tuple[int, int]]) -> None:
    """A singular description (專家, 分析師, a headline's 陸專家) is the named speaker the article
    then quotes saying the same thing.

    Under a subheading, that is the first named speaker of its section; elsewhere (the title, a
    lead paragraph) it is the later quote, within DESCRIPTION_REACH characters, sharing the most
    wording (at least two bigrams).
    """
    named = sorted((f for f in found if f.quote.speaker is not None), key=lambda f: f.quote.start)
    starts = [f.quote.start for f in named]
    head_starts = [h[0] for h in headings]
    grams: dict[int, set[str]] = {}
    title = headings[0] if headings else None
    for f in found:
        if f.speaker.description is None or f.quote.speaker is not None:
            continue
        i = bisect.bisect_right(head_starts, f.quote.start) - 1
        heading = headings[i] if i >= 0 and f.quote.start < headings[i][1] else None
        if heading is not None and heading != title:
            nxt = head_starts[i + 1] if i + 1 < len(headings) else None
            j = bisect.bisect_left(starts, heading[1])
            if j < len(named) and (nxt is None or named[j].quote.start < nxt):
                f.quote.speaker = named[j].quote.speaker
            continue
        mine = bigrams(f.quote.text)
        best, score = None, 0
        j = bisect.bisect_left(starts, f.quote.end)
        while j < len(named) and named[j].quote.start < f.quote.end + DESCRIPTION_REACH:
            g = named[j]
            if id(g) not in grams:
                grams[id(g)] = bigrams(g.quote.text)
            shared = len(mine & grams[id(g)])
            if shared > score:
                best, score = g, shared
            j += 1
        if best is not None and score >= MIN_SHARED_BIGRAMS:
            f.quote.speaker = best.quote.speaker
