"""Who speaks: resolving pronouns, descriptions, titles and clauses to speakers."""
from __future__ import annotations

from h200claims.tags.quote_bodies import outlet_reporter, resolve_description, salient_org, spokesperson
from h200claims.tags.quote_state import Speaker, State
from h200claims.tags.quote_state import entity_kind as entity_kind  # (claims/subject.py reads it from here)
from h200claims.tags.quote_words import CLAUSE_MARK, SPEAKER_WINDOW, words
from h200claims.text.script import simplified_view as v

# ---------------------------------------------------------------- speakers


def resolve_pronoun(st: State, pronoun: str, sentence_start: int | None = None, at: int | None = None) -> str | None:
    want = words().pronouns.get(pronoun)
    if sentence_start is not None and at is not None:  # 川普接受專訪時，他表示: the sentence's subject
        people = [m for m in st.mentions_in(sentence_start, at) if m[3] == "PERSON" and is_subject(st, sentence_start, m)]
        if people and (want is None or st.gender.get(people[0][2]) in (None, want)):
            return people[0][2]
    if pronoun in ("它", "它们") and at is not None and st.on("salient_org"):  # 它指出: a body, never a person
        orgs = [sid for sid in reversed(st.history) if sid not in st.persons]
        return orgs[0] if orgs else salient_org(st, at)
    ranked = [sid for sid in reversed(st.history) if pronoun not in ("他", "她") or sid in st.persons]
    # the last speaker, skipping those the article made clear are of the other gender
    last = next((sid for sid in ranked if want is None or st.gender.get(sid) in (None, want)), None)
    if sentence_start is not None and pronoun in ("他", "她") and (last is None or st.spoke_para.get(last) != st.para_start):
        # no one has spoken in this paragraph yet: a person it introduced as a sentence's subject
        # (清华大学教授王志华则相对乐观。他对笔者表示…)
        intro = introduced_subject(st, sentence_start)
        if intro is not None and (want is None or st.gender.get(intro) in (None, want)):
            return intro
    return last


#: how many sentences back a pronoun looks for a subject the paragraph introduced
INTRO_REACH = 3


def introduced_subject(st: State, before: int) -> str | None:
    """The person who is the subject of the nearest earlier sentence of the paragraph being read."""
    import bisect

    sents = st.doc.sentences
    i = bisect.bisect_left(sents, (before, before)) - 1
    floor = i - INTRO_REACH  # a few sentences back at most: the work per pronoun stays bounded
    while i >= 0 and i > floor and sents[i][0] >= st.para_start:
        a, b = sents[i]
        people = [m for m in st.mentions_in(a, b) if m[3] == "PERSON" and is_subject(st, a, m)]
        if people:
            return people[0][2]
        i -= 1
    return None


def is_subject(st: State, s: int, m: tuple[int, int, str, str]) -> bool:
    """Whether a person named before a pronoun is the subject of the sentence, not the object of a
    preposition or a possessor (對於李四日前提出的質疑，他… → 他 is not 李四)."""
    view = st.doc.view
    clause = max(s, max((view.rfind(c, s, m[0]) + 1 for c in ",，;；"), default=s))
    before = view[clause:m[0]]
    if any(p in before for p in words().not_subject):
        return False
    return not view.startswith("的", m[1])


def resolve_title(st: State, title: str) -> str | None:
    for sid in reversed(st.history):
        if any(t.endswith(title) for t in st.titles.get(sid, [])):
            return sid
    for eid, ts in st.titles.items():
        if any(t.endswith(title) for t in ts):
            return eid
    return None


def speaker_in_clause(st: State, s: int, e: int, sentence_start: int | None = None) -> Speaker | None:
    """Who speaks in view[s:e], the words right before a cue (adverbs already removed)."""
    w = words()
    s = max(s, e - SPEAKER_WINDOW)
    view = st.doc.view
    text = view[s:e]
    if not text:
        return None
    for n in w.cue_nouns:  # 業內人士分析認為, 高盛分析稱: the noun is a verb after a role or a name
        if text.endswith(n) and len(text) > len(n) and (
                w.role_end.search(text[:-len(n)]) or st.index.containing(e - len(n) - 1, e - len(n)) is not None):
            e -= len(n)
            text = text[:-len(n)]
            break
    for p in sorted(w.pronouns, key=len, reverse=True):
        if text.endswith(p) and (len(text) == len(p) or not _name_char(text[-len(p) - 1])):
            return Speaker(resolve_pronoun(st, p, sentence_start, e - len(p)), st.doc.text[e - len(p):e])
    for d in sorted(w.descriptions, key=len, reverse=True):
        if text.endswith(d) or text.endswith(d + "报告"):
            off = len(d) + (2 if text.endswith(d + "报告") else 0)
            if st.index.containing(e - off, e - off + len(d)) is not None:
                continue  # the end of a name (立法院), not a description
            owner = [m for m in st.mentions_in(s, e - off) if m[3] == "ORG"]
            if owner and w.descriptions[d] in ("report", "outlet"):  # 高盛最新報告: the report is Goldman's
                st.last_of_kind["report"] = owner[-1][2]
                return Speaker(owner[-1][2], _speaker_text(st, s, owner[-1]) + st.doc.text[owner[-1][1]:e])
            return Speaker(resolve_description(st, d, e), st.doc.text[e - off:e])
    people = [m for m in st.mentions_in(s, e) if m[3] == "PERSON"]
    unnamed = unnamed_phrase(st, s, e, people)
    if unnamed is not None:
        return unnamed
    role = w.role_end.search(text)
    body = (outlet_reporter(st, s, e) or spokesperson(st, s, e)) if role and not people else None
    if body is not None:
        return body
    if role and not people:
        start = _phrase_start(view, s, e)
        phrase = view[start:e]
        if phrase in w.singular and not any(phrase.startswith(p) for p in w.plural):
            return Speaker(None, st.doc.text[start:e], description=phrase)
        return Speaker(None, st.doc.text[start:e])
    if people:
        first = head_person(view, s, people)
        return Speaker(first[2], _speaker_text(st, s, first))
    others = st.mentions_in(s, e)
    if others:
        first = chain_end(others)
        return Speaker(first[2], _speaker_text(st, s, others[0]))
    titled = titled_entity(st, text)
    if titled is not None:
        return Speaker(titled[0], st.doc.text[e - len(titled[1]):e])
    pointed = titled_entity(st, without_demonstrative(text))
    if pointed is not None:  # 該國務卿強調, 這位部長說 (the word pointing back kept in the speaker's words)
        return Speaker(pointed[0], st.doc.text[e - len(text):e])
    title = w.title_only.search(text)
    if title:
        return Speaker(resolve_title(st, title.group()), st.doc.text[e - len(title.group()):e])
    if text in w.singular:
        return Speaker(None, st.doc.text[s:e], description=text)
    return None


def head_person(view: str, s: int, people: list[tuple[int, int, str, str]]) -> tuple[int, int, str, str]:
    """The person a clause is about: the first named, unless a 的 makes a later one the head
    (陳男的辯護律師林志豪 → 林志豪).

    >>> head_person("陈男的辩护律师林志豪", 0, [(0, 2, "chen", "PERSON"), (7, 10, "lin", "PERSON")])[2]
    'lin'
    """
    if len(people) > 1:
        de = view.rfind("的", s, people[-1][0])
        if de >= people[0][1] and possessive_de(view, people, de):
            return next(p for p in people if p[0] > de)
    return people[0]


def possessive_de(view: str, people: list[tuple[int, int, str, str]], de: int) -> bool:
    """Whether the 的 at ``de`` makes the first person a possessor (陳男的律師林志豪, 王五公司的發言人
    李四), not the subject of a clause that describes the second (納西里會見來訪的部長史汀斯奈斯之後說):
    it follows the first name at once or a body's or title's word (公司, 事務所, 辦公室).

    >>> possessive_de("纳西里会见来访的部长史汀斯奈斯", [(0, 3, "a", "PERSON"), (10, 15, "b", "PERSON")], 6)
    False
    """
    between = view[people[0][1]:de]
    return not between or words().role_end.search(between) is not None or between.endswith(
        tuple(v(x) for x in words().cfg["company_suffixes"]) + ("事务所", "办公室"))


def chain_end(ms: list[tuple[int, int, str, str]]) -> tuple[int, int, str, str]:
    """The first of a clause's names, or the last of the names written right after it: a parent
    body and its unit (商務部貿易救濟調查局 → the bureau).

    >>> chain_end([(0, 3, "mofcom", "ORG"), (3, 10, "bureau", "ORG"), (12, 14, "x", "ORG")])[2]
    'bureau'
    """
    last = ms[0]
    for m in ms[1:]:
        if m[0] != last[1] or m[3] != "ORG":
            break
        last = m
    return last


#: words that point back to someone named before: 該部長, 這位國務卿, 此名官員
DEMONSTRATIVES = ("这位", "这名", "此位", "该名", "该位", "该", "这", "此")


def without_demonstrative(text: str) -> str:
    """A title with the word pointing back taken off (該國務卿 → 國務卿, 這位部長 → 部長).

    >>> without_demonstrative("这位国务卿"), without_demonstrative("国务卿")
    ('国务卿', '国务卿')
    """
    for d in DEMONSTRATIVES:
        if text.startswith(d) and len(text) > len(d) + 1:
            return text[len(d):]
    return text


def titled_entity(st: State, text: str) -> tuple[str, str] | None:
    """A clause that is only a title the article gives someone (行政總裁, 經長): (entity id, title);
    the last speaker holding it first."""
    if not text or len(text) > 8:
        return None
    holders = [(eid, t) for eid, ts in st.titles.items() for t in ts if len(t) >= 2 and text == t]
    if not holders:
        return None
    for sid in reversed(st.history):
        for eid, t in holders:
            if eid == sid:
                return eid, t
    return holders[0]


def unnamed_phrase(st: State, s: int, e: int, people: list[tuple[int, int, str, str]]) -> Speaker | None:
    """An unnamed source: a phrase that opens with 有/某/一名 (有人, 有觀點, 某公募基金經理, 一名在台北開
    早餐店的老闆), or whose head after its last 的 names no one; None when a person is named in it."""
    view = st.doc.view
    start = _phrase_start(view, s, e)
    w = words()
    lead = True
    while lead and start < e:  # 但也有人, 在一位高管看來: openers and connectives before the phrase
        lead = False
        for o in w.phrase_leads:
            if view.startswith(o, start) and start + len(o) < e:
                start += len(o)
                lead = True
                break
    phrase = view[start:e]
    if not phrase or [m for m in people if m[0] >= start]:
        return None
    if any(phrase.startswith(o) for o in w.unnamed_openers) and len(phrase) <= 24:
        return Speaker(None, st.doc.text[start:e])
    de = phrase.rfind("的")
    named = st.mentions_in(start, e)
    if 0 < de < len(phrase) - 1 and named and all(m[1] <= start + de for m in named) \
            and w.role_end.search(phrase[de + 1:]):
        return Speaker(None, st.doc.text[start:e])  # 一名在台北開早餐店的老闆: the head is unnamed
    return None


def clause_subject(st: State, s: int, e: int) -> Speaker | None:
    """The subject of the sentence before a cue: the nearest earlier clause that names someone.

    In each clause an unnamed source (許多中國評論者) wins, then the first person, then the first
    organisation or place; sentence openers (與此同時, 然而) are skipped.
    """
    w = words()
    view = st.doc.view
    s = max(s, e - SPEAKER_WINDOW)
    bounds = [m.end() - s for m in CLAUSE_MARK.finditer(view, s, e)]
    starts = [s] + [s + b for b in bounds]
    clauses = [(a, (starts[i + 1] - 1) if i + 1 < len(starts) else e) for i, a in enumerate(starts)]
    for a, b in reversed(clauses):
        text = view[a:b].strip()
        if not text or text in w.openers:
            continue
        pron = opening_pronoun(text)
        if pron is not None:  # 不過他也替台電抱屈，認為…: the pronoun is the subject, not the body after it
            at = a + (len(view[a:b]) - len(view[a:b].lstrip())) + text.index(pron)
            return Speaker(resolve_pronoun(st, pron, s, at), st.doc.text[at:at + len(pron)])
        ms = [m for m in st.mentions_in(a, b) if m[3] != "PRODUCT"]
        role = w.role_any.search(view[a:b])
        people = [m for m in ms if m[3] == "PERSON"]
        if role and not [m for m in people if m[0] < a + role.start()]:
            start = a
            while start < b and view[start] in " 　":
                start += 1
            return Speaker(None, st.doc.text[start:a + role.end()])
        if people:
            return Speaker(people[0][2], _speaker_text(st, a, people[0]))
        if ms:
            return Speaker(ms[0][2], _speaker_text(st, a, ms[0]))
    return None


def opening_pronoun(text: str) -> str | None:
    """The personal pronoun a clause opens with, after its openers and connectives (不過他也…, 而她…).

    >>> opening_pronoun("不过他也替台电抱屈"), opening_pronoun("台电表示")
    ('他', None)
    """
    w = words()
    i = 0
    moved = True
    while moved:
        moved = False
        for o in w.phrase_leads:
            if text.startswith(o, i) and i + len(o) < len(text):
                i += len(o)
                moved = True
                break
    for p in ("他们", "她们", "他", "她"):
        if text.startswith(p, i) and not text.startswith(("他人", "他国", "其他"), i):
            return p
    return None


def _name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in words().not_name_chars


def _phrase_start(view: str, s: int, e: int) -> int:
    i = e
    while i > s and view[i - 1] not in ",，。:：;；、「」 　(" and not (view[i - 1] in words().phrase_openers and i < e):
        i -= 1
    return i


def _speaker_text(st: State, clause_start: int, m: tuple[int, int, str, str]) -> str:
    """The words for the speaker: the name with the title and body before it (美國商務部長盧特尼克)."""
    view = st.doc.view
    i = m[0]
    while i > clause_start and view[i - 1] not in ",，。:：;；、「」 \n" and m[0] - i < 20:
        i -= 1
    j = m[1]
    if view[j:j + 1] == "(":
        k = view.find(")", j)
        if 0 < k - j < 40:
            j = k + 1
    return st.doc.text[i:j]


def trim_adverbs(view: str, s: int, e: int) -> int:
    """Where the speaker's words end before a cue: adverbs, times and an occasion left out
    (王部長昨天在記者會上也表示 → 王部長; 一名官員向中央社表示 → 一名官員: the addressee is not the speaker)."""
    s = max(s, e - 24)
    while True:
        m = words().adverbs.search(view, max(s, e - 12), e) or words().before_cue.search(view, s, e)
        if not m or m.start() <= s:
            return s if m else e
        e = m.start()
