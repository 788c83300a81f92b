"""Quote rules: direct and indirect speech, and who said it.

The article is read sentence by sentence, in order, because speakers carry over (他說 → the
person last named as a speaker). Small named functions find the parts: ``passages`` (quoted
spans), ``find_cues`` (speech verbs), ``speaker_before`` (who is speaking), ``content_after``
(what is said); resolvers turn pronouns, descriptions, titles and unnamed sources into entity ids.
Every quote records its cue and the rule that made it.
"""
from __future__ import annotations

import bisect
import re

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from h200claims.patterns import alternation as alt, compile_fast

from h200claims import data
from h200claims.data import lexicon
from h200claims.doc import Doc, SpanIndex
from h200claims.models import Entity, Quote
from h200claims.text.script import simplified_view as v

OPEN = {"「": "」", "『": "』", "“": "”", '"': '"'}
#: how far before a cue the speaker is looked for (characters); keeps each cue's work bounded
SPEAKER_WINDOW = 120
CLAUSE_OR_QUOTE = regex.compile(r"[,，;；:：「『“]")
WHEN_END = regex.compile(r"[时后间]$")
TITLE_ONLY = regex.compile(r"(部长|执行长|发言人|主席|总统|总理|首相|主任|院长|理事长|董事长)$")
CLAUSE_MARK = regex.compile(r"[,，;；:：]")
REPORT_CUE = regex.compile(r"(?:报导|报道|披露|指出)")
SPEECH_MARK = regex.compile(r"[,，。!?！？]")
NOT_WORD = regex.compile(r"[^\p{Han}A-Za-z0-9]")
SENT_END = "。！？!?"
#: the lexicon kinds that 該公司 / 該智庫 / 報導 refer back to
QUOTE_KINDS = frozenset({"outlet", "think_tank", "company", "government"})


@dataclass(frozen=True)
class Words:
    cfg: dict[str, Any]
    cue_re: Any
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    weak: frozenset[str]
    cue_nouns: frozenset[str]
    heading_cue_re: Any
    openers: frozenset[str]
    adverbs: Any  # regex: trailing adverbs before a cue
    connective_only: Any
    pronouns: dict[str, str | None]
    role_end: Any  # regex: clause ending in a role noun
    role_any: Any  # regex: a role noun anywhere
    plural: tuple[str, ...]
    singular: frozenset[str]
    descriptions: dict[str, str]
    according: Any
    via: list[Any]
    relay: Any


@lru_cache(maxsize=1)
def words() -> Words:
    cfg = data.load_json("quotes.json")
    cues = sorted({v(c) for c in cfg["cues"]}, key=len, reverse=True)
    adv = alt(v(a) for a in cfg["adverbs"])
    roles = alt(v(r) for r in cfg["role_nouns"])
    tail = alt(v(t) for t in cfg["role_tail"])
    return Words(
        cfg=cfg,
        cue_re=compile_fast(alt(cues)),
        not_before=tuple(v(x) for x in cfg["cue_not_before"]),
        not_after=tuple(v(x) for x in cfg["cue_not_after"]),
        weak=frozenset(v(x) for x in cfg["weak_cues"]),
        cue_nouns=frozenset(v(x) for x in cfg["cue_nouns"]),
        heading_cue_re=compile_fast(alt(v(x) for x in cfg["heading_cues"])),
        openers=frozenset(v(x) for x in cfg["sentence_openers"]),
        adverbs=regex.compile(rf"(?:{adv})+$"),
        connective_only=regex.compile(rf"^(?:{alt(v(c) for c in cfg['connectives'])}|{adv})*$"),
        pronouns={v(k): g for k, g in cfg["pronouns"].items()},
        role_end=regex.compile(rf"{roles}(?:{tail})?$"),
        role_any=regex.compile(rf"{roles}(?:{tail})?"),
        plural=tuple(v(p) for p in cfg["plural_markers"]),
        singular=frozenset(v(s) for s in cfg["singular_descriptions"]),
        descriptions={v(k): val for k, val in cfg["descriptions"].items()},
        according=regex.compile(v(cfg["according_to"])),
        via=[regex.compile(v(p)) for p in cfg["via_patterns"]],
        relay=regex.compile(alt(v(r) for r in cfg["relay_cues"])),
    )


# ---------------------------------------------------------------- article state


@dataclass
class Speaker:
    id: str | None
    text: str
    via: str | None = None
    description: str | None = None  # an unresolved singular description (專家), resolved later


@dataclass
class State:
    """What the reader remembers while going through the article."""

    doc: Doc
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, id, label
    kinds: dict[str, str] = field(default_factory=dict)  # entity id -> think_tank / company / outlet / ...
    titles: dict[str, list[str]] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # speaker ids, most recent last
    gender: dict[str, str] = field(default_factory=dict)
    via_of: dict[str, str] = field(default_factory=dict)
    last_of_kind: dict[str, str] = field(default_factory=dict)
    index: SpanIndex = field(default_factory=lambda: SpanIndex([]))
    seen: int = 0  # mentions before this index were taken into last_of_kind
    last_in_paragraph: "Speaker | None" = None
    persons: set[str] = field(default_factory=set)

    def mentions_in(self, s: int, e: int) -> list[tuple[int, int, str, str]]:
        return [m[2] for m in self.index.within(s, e)]

    def see(self, upto: int) -> None:
        """Remember the organisations named up to ``upto`` (for 該智庫, 該公司, 報導)."""
        while self.seen < len(self.mentions) and self.mentions[self.seen][1] <= upto:
            eid = self.mentions[self.seen][2]
            if eid in self.kinds:
                self.last_of_kind[self.kinds[eid]] = eid
            self.seen += 1

    def spoke(self, sp: Speaker, pronoun: str | None = None) -> None:
        if sp.id is None:
            return
        if sp.id in self.history:
            self.history.remove(sp.id)
        self.history.append(sp.id)
        g = words().pronouns.get(pronoun or "")
        if g:
            self.gender.setdefault(sp.id, g)


def entity_kind(e: Entity, lex_by_id: dict[str, Any]) -> str | None:
    """What sort of body an entity is: the lexicon's ``kind`` column, else its name's ending."""
    cfg = words().cfg
    lex = lex_by_id.get(e.id)
    if lex is not None:
        return lex.kind if lex.kind in QUOTE_KINDS else None
    if e.label != "ORG":
        return None
    name = v(e.name) if not e.name.isascii() else v(e.mentions[0].text)
    if any(name.endswith(v(x)) for x in cfg["think_tank_suffixes"]):
        return "think_tank"
    if any(name.endswith(v(x)) for x in cfg["company_suffixes"]):
        return "company"
    if any(m.rule == "book_title" for m in e.mentions):
        return "outlet"
    return None


def new_state(doc: Doc) -> State:
    st = State(doc)
    for e in doc.entities:
        for m in e.mentions:
            st.mentions.append((m.start, m.end, e.id, e.label))
        kind = entity_kind(e, doc.lexicon.by_id)
        if kind:
            st.kinds[e.id] = kind
        st.titles[e.id] = [v(t) for t in e.titles]
    st.mentions.sort()
    st.index = SpanIndex([(m[0], m[1], m) for m in st.mentions])
    st.persons = {m[2] for m in st.mentions if m[3] == "PERSON"}
    return st


# ---------------------------------------------------------------- parts of a sentence


_QUOTE_MARKS = re.compile("[「」『』“”\"]")


def passages(view: str, s: int, e: int) -> list[tuple[int, int]]:
    """Outermost quoted passages in view[s:e] as (open mark offset, close mark offset)."""
    out = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_MARKS.finditer(view, s, e):
        i = m.start()
        c = view[i]
        if stack and c == stack[-1][0]:
            close, start = stack.pop()
            if not stack:
                out.append((start, i))
        elif c in OPEN and len(stack) < 32:
            stack.append((OPEN[c], i))
    return out


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos <= b for a, b in spans)


def find_cues(doc: Doc, s: int, e: int, quoted: list[tuple[int, int]], heading: bool = False) -> list[tuple[int, int]]:
    """Speech cues in a sentence: whole tokens from the cue list, outside quoted passages.

    In a headline, the clipped verbs of headline style (業者估…, 某某嗆…) count too, as whole tokens.
    """
    w = words()
    out: list[tuple[int, int]] = []
    view = doc.view
    if heading:
        for m in w.heading_cue_re.finditer(view, s, e):
            cs, ce = m.span()
            if doc.at_token_boundary(cs) and doc.at_token_boundary(ce) and cs > s and ce < e:
                out.append((cs, ce))
    for m in w.cue_re.finditer(view, s, e):
        cs, ce = m.span()
        if inside(cs, quoted) or not doc.at_token_boundary(cs):
            continue
        if ce < len(view) and not doc.at_token_boundary(ce) and view[cs:ce] not in ("说",):
            continue
        if m.group() == "说" and (not doc.at_token_boundary(ce) or view[ce:ce + 1] in ("服", "明", "法", "是")):
            continue
        if any(view.startswith(x, ce) for x in w.not_before) or any(view.endswith(x, s, cs) for x in w.not_after):
            continue
        if m.group() in w.weak and view[ce:ce + 1] not in (",", ":") and not (heading and view[ce:ce + 1] != " "):
            continue  # 指, 估計 report speech only when a comma or colon follows (or in a headline)
        if out and out[-1][1] == cs:
            if view[out[-1][0]:cs] in w.cue_nouns:  # 分析稱: the analysis is who speaks, 稱 the cue
                out[-1] = (cs, ce)
            else:  # 補充 + 說: one cue
                out[-1] = (out[-1][0], ce)
            continue
        between = view[out[-1][1]:cs] if out else ""
        if out and not CLAUSE_OR_QUOTE.search(between) and WHEN_END.search(between):
            out.pop()  # 回應相關進展時指出: the cue of a 'when' clause gives way to the main one
        out.append((cs, ce))
    return sorted(out)


def skip_separators(view: str, i: int, e: int) -> int:
    while i < e and view[i] in ",，:：、 　":
        i += 1
    return i


def strip_end(view: str, s: int, e: int) -> int:
    while e > s and (view[e - 1] in SENT_END or view[e - 1] in ",，、;；:： 　"):
        e -= 1
    return e


# ---------------------------------------------------------------- speakers


def resolve_pronoun(st: State, pronoun: str, sentence_start: int | None = None, at: int | None = None) -> str | None:
    want = words().pronouns.get(pronoun)
    if sentence_start is not None and at is not None:
        people = [m for m in st.mentions_in(sentence_start, at) if m[3] == "PERSON"]
        if people and (want is None or st.gender.get(people[0][2]) in (None, want)):
            return people[0][2]
    ranked = [sid for sid in reversed(st.history) if pronoun not in ("他", "她") or sid in st.persons]
    for sid in ranked:  # the last speaker, skipping those the article made clear are of the other gender
        if want is None or st.gender.get(sid) in (None, want):
            return sid
    return None


def resolve_description(st: State, desc: str) -> str | None:
    kind = words().descriptions[desc]
    if kind == "report":
        return st.last_of_kind.get("report") or st.last_of_kind.get("think_tank") or st.last_of_kind.get("outlet")
    return st.last_of_kind.get(kind)


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
    for p in sorted(w.pronouns, key=len, reverse=True):
        if text.endswith(p) and (len(text) == len(p) or not _name_char(text[-len(p) - 1])):
            return Speaker(resolve_pronoun(st, p, sentence_start, e - len(p)), st.doc.text[e - len(p):e])
    for d in sorted(w.descriptions, key=len, reverse=True):
        if text.endswith(d) or text.endswith(d + "报告"):
            off = len(d) + (2 if text.endswith(d + "报告") else 0)
            owner = [m for m in st.mentions_in(s, e - off) if m[3] == "ORG"]
            if owner and w.descriptions[d] in ("report", "outlet"):  # 高盛最新報告: the report is Goldman's
                st.last_of_kind["report"] = owner[-1][2]
                return Speaker(owner[-1][2], _speaker_text(st, s, owner[-1]) + st.doc.text[owner[-1][1]:e])
            return Speaker(resolve_description(st, d), st.doc.text[e - off:e])
    people = [m for m in st.mentions_in(s, e) if m[3] == "PERSON"]
    role = w.role_end.search(text)
    if role and not people:
        start = _phrase_start(view, s, e)
        phrase = view[start:e]
        if phrase in w.singular and not any(phrase.startswith(p) for p in w.plural):
            return Speaker(None, st.doc.text[start:e], description=phrase)
        return Speaker(None, st.doc.text[start:e])
    if people:
        first = people[0]
        return Speaker(first[2], _speaker_text(st, s, first))
    others = st.mentions_in(s, e)
    if others:
        first = others[0]
        return Speaker(first[2], _speaker_text(st, s, first))
    title = TITLE_ONLY.search(text)
    if title:
        return Speaker(resolve_title(st, title.group()), st.doc.text[e - len(title.group()):e])
    if text in w.singular:
        return Speaker(None, st.doc.text[s:e], description=text)
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


def _name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in "，。、也就则并还更而但且又再亦却都今曾"


def _phrase_start(view: str, s: int, e: int) -> int:
    i = e
    while i > s and view[i - 1] not in ",，。:：;；、「」 　(" and not (view[i - 1] in "让被由据" and i < e):
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
    s = max(s, e - 12)
    m = words().adverbs.search(view, s, e)
    return m.start() if m and m.start() > s else (s if m else e)


# ---------------------------------------------------------------- the reader


@dataclass
class Found:
    quote: Quote
    speaker: Speaker


def via_in(st: State, s: int, e: int) -> tuple[str | None, int]:
    """An outlet relaying the sentence (據《南華早報》報導, 《金融時報》引述): (entity id, end of the phrase)."""
    view = st.doc.view
    for pat in words().via:
        m = pat.search(view, s, e)
        if not m:
            continue
        os_, oe = m.span("outlet")
        ment = [x for x in st.mentions_in(os_, oe + 1) if x[3] == "ORG"]
        if ment:
            return ment[-1][2], m.end()
    return None, s


def make_quote(st: State, s: int, e: int, kind: str, sp: Speaker, cue: str | None, via: str | None, rule: str) -> Found:
    q = Quote.model_construct(start=s, end=e, text=st.doc.text[s:e], rule=rule, kind=kind, speaker=sp.id,
                              speaker_text=sp.text, cue=cue, via=via)  # validated with the result, at the edge
    return Found(q, sp)


def read_sentence(st: State, s: int, e: int, para: tuple[int, int]) -> list[Found]:
    doc = st.doc
    view = doc.view
    w = words()
    quoted = passages(view, s, e)
    st.see(s)
    via, after_via = via_in(st, s, e)
    out: list[Found] = []
    heading = is_heading(view, *para)
    cues = find_cues(doc, s, e, quoted, heading)
    acc = w.according.search(view, s, e)
    if acc:
        cues = [c for c in cues if not acc.start() <= c[0] < acc.end()]
        cues.append((acc.end() - 2, acc.end()))
        cues.sort()
    after = speaker_after_quote(st, s, e, quoted)
    if after:
        return after
    if not find_cues(doc, s, e, quoted) and st.last_in_paragraph is not None:
        cont = direct_continuation(st, s, e, quoted)
        if cont:
            return cont
    tail = _speaker_after_tail(st, s, e, quoted, cues)
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
        # --- who
        st.see(cs)
        if acc and cs == acc.end() - 2:
            sp = speaker_in_clause(st, acc.start("who"), acc.end("who")) or Speaker(None, doc.text[acc.start("who"):acc.end("who")])
        else:
            head = trim_adverbs(view, clause_floor, cs)
            clause = max(clause_floor, _last_break(view, clause_floor, head, heading))
            before = view[clause:head]
            found_sp: Speaker | None
            if prev_sp is not None and w.connective_only.match(before):
                found_sp = prev_sp
            elif w.connective_only.match(before):
                found_sp = clause_subject(st, clause_floor, clause)
            else:
                found_sp = speaker_in_clause(st, clause, head, s) or clause_subject(st, clause_floor, clause) or prev_sp
            if found_sp is None:
                continue
            sp = found_sp
        sp_via: str | None
        if sp.id is not None and via is None and sp.id in st.via_of:
            sp_via = st.via_of[sp.id]
        else:
            sp_via = via if (via is not None and sp.id != via) else None
        # --- what
        cstart = skip_separators(view, ce, e_inner)
        if cstart < e_inner and view[cstart] in OPEN:
            close = next((b for a, b in quoted if a == cstart), None)
            if close is not None:
                out.append(make_quote(st, cstart + 1, close, "direct", sp, doc.text[cs:ce], sp_via, "direct_after_cue"))
                rest = skip_separators(view, close + 1, nxt)
                rest_end = strip_end(view, rest, _content_end(view, rest, nxt, e))
                if rest_end - rest >= w.cfg["content_min"] and rest_end <= nxt:
                    out.append(make_quote(st, rest, rest_end, "indirect", sp, doc.text[cs:ce], sp_via, "indirect_after_direct"))
                _remember(st, sp, sp_via)
                prev_sp = sp
                clause_floor = max(nxt, close + 1) if nxt < e else e
                continue
        cend = _content_end(view, cstart, nxt, e_inner)
        beside = _trailing_passage(view, cstart, cend, quoted, e_inner)
        end = strip_end(view, cstart, beside[0] if beside else cend)
        if end - cstart >= w.cfg["content_min"]:
            out.append(make_quote(st, cstart, end, "indirect", sp, doc.text[cs:ce], sp_via, "indirect_cue"))
        if beside:
            out.append(make_quote(st, beside[0] + 1, beside[1], "direct", sp, doc.text[cs:ce], sp_via,
                                  "direct_beside_paraphrase"))
        if end - cstart >= w.cfg["content_min"] or beside:
            _remember(st, sp, sp_via)
        prev_sp = sp
        clause_floor = cend
    if tail is not None:
        a, b, sp, cue = tail
        out.append(make_quote(st, a + 1, b, "direct", sp, cue, None, "direct_speaker_after"))
        _remember(st, sp, None)
    if not cues and tail is None:
        if via is not None and after_via < e:  # 據彭博社報導，… : the outlet speaks
            start = skip_separators(view, after_via, e)
            end = strip_end(view, start, e)
            relay = w.relay.search(view, s, after_via)
            if relay:  # 援引兩名知情人士報導: the relayed source speaks, the outlet is 'via'
                src_end = after_via - 2
                sp = speaker_in_clause(st, relay.end(), src_end, s) or Speaker(None, doc.text[relay.end():src_end])
                if end - start >= w.cfg["content_min"]:
                    out.append(make_quote(st, start, end, "indirect", sp, doc.text[src_end:after_via], via, "relayed_report"))
            elif end - start >= w.cfg["content_min"]:
                sp = Speaker(via, doc.text[s:after_via])
                cue = REPORT_CUE.search(view[s:after_via])
                out.append(make_quote(st, start, end, "indirect", sp, doc.text[s + cue.start():s + cue.end()] if cue else None,
                                      None, "outlet_report"))
    return out


def _speaker_after_tail(st: State, s: int, e: int, quoted: list[tuple[int, int]],
                        cues: list[tuple[int, int]]) -> tuple[int, int, Speaker, str] | None:
    """A passage after other words, followed by '，SPEAKER CUE' to the end of the sentence:
    (open mark, close mark, speaker, cue), or None."""
    view = st.doc.view
    for a, b in quoted:
        if a == s or not cues:
            continue
        m = SPEAKER_AFTER.match(view[b + 1:e])
        if not m:
            continue
        ws, we = b + 1 + m.start("who"), b + 1 + m.end("who")
        sp = speaker_in_clause(st, ws, trim_adverbs(view, ws, we), s)
        if sp is None:
            return None
        cue_at = b + 1 + m.start("cue")
        return a, b, sp, st.doc.text[cue_at:cue_at + len(m.group("cue"))]
    return None


def _remember(st: State, sp: Speaker, via: str | None) -> None:
    said = v(sp.text) if sp.text else None
    pron = said if said in words().pronouns else None
    st.spoke(sp, pron)
    if sp.id and via:
        st.via_of.setdefault(sp.id, via)


def _last_break(view: str, s: int, e: int, heading: bool = False) -> int:
    """Start of the clause that ends at e; in a headline a space separates clauses too."""
    i = e
    s = max(s, e - SPEAKER_WINDOW)
    breaks = ",，;；:：。 　" if heading else ",，;；:：。"
    while i > s and view[i - 1] not in breaks:
        i -= 1
    return i


def _content_end(view: str, start: int, nxt: int, e: int) -> int:
    """Content runs to the sentence end, or to the comma before the next cue that starts a new quote."""
    if nxt >= e:
        return e
    i = nxt
    while i > start and view[i - 1] not in ",，;；":
        i -= 1
    return i if i > start else e


def _trailing_passage(view: str, s: int, e: int, quoted: list[tuple[int, int]], sent_end: int) -> tuple[int, int] | None:
    """A 「…」 of whole sentences closing the sentence after paraphrase: (open, close)."""
    for a, b in quoted:
        if s < a and b < sent_end and view[a - 1] in ",，:：" and not view[b + 1:sent_end].strip(SENT_END + " 　"):
            inner = view[a + 1:b]
            if len(inner) >= words().cfg["speech_like_min"] and (SPEECH_MARK.search(inner) or a > s + 2):
                return a, b
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


SPEAKER_AFTER = regex.compile(r"^[,，]\s*(?P<who>[^,，。「」]{1,20}?)(?P<cue>说|表示|指出|强调|说道|写道)[。!！]?\s*$")


def speaker_after_quote(st: State, s: int, e: int, quoted: list[tuple[int, int]]) -> list[Found]:
    """「…」，黃仁勳說。 — a quote whose speaker follows."""
    view = st.doc.view
    out = []
    for a, b in quoted:
        if a != s:
            continue
        m = SPEAKER_AFTER.match(view[b + 1:e])
        if not m:
            continue
        ws, we = b + 1 + m.start("who"), b + 1 + m.end("who")
        sp = speaker_in_clause(st, ws, trim_adverbs(view, ws, we))
        if sp is None:
            continue
        cue_at = b + 1 + m.start("cue")
        out.append(make_quote(st, a + 1, b, "direct", sp, st.doc.text[cue_at:cue_at + len(m.group("cue"))], None,
                              "direct_speaker_after"))
        st.spoke(sp, v(sp.text) if sp.text else None)
    return out


HEADLINE = regex.compile(r"(?:^|(?<=[\s!！?？]))(?P<src>[^:：,，。「」\s!！?？]{1,8})[:：]\s*(?P<content>\S.*)$")


HEADING_MAX = 60


def is_heading(view: str, a: int, b: int) -> bool:
    """A headline or subheading: a short paragraph with no full stop."""
    return b - a <= HEADING_MAX and "。" not in view[a:b]


def headline_attribution(st: State, s: int, e: int) -> list[Found]:
    """Headlines and subheadings 'SOURCE：content' (黃仁勳：…, 陸專家：…, 分析師：…)."""
    view = st.doc.view
    line = view[s:e]
    if not is_heading(view, s, e):
        return []
    m = HEADLINE.search(line)
    if not m or m.group("content")[:1] in OPEN:
        return []
    src = m.group("src")
    cue = words().cue_re.search(src)
    if cue and cue.end() == len(src) and cue.start() > 0:
        return []  # 有記者問：「…」 is a question put by someone, read as a sentence with a cue
    ss, se = s + m.start("src"), s + m.end("src")
    ms = [x for x in st.mentions_in(ss, se)]
    if ms and ms[0][1] == se:
        sp = Speaker(ms[0][2], st.doc.text[ss:se])
    else:
        sp = Speaker(None, st.doc.text[ss:se], description=view[ss:se])
    cs = s + m.start("content")
    ce = strip_end(view, cs, e)
    return [make_quote(st, cs, ce, "indirect", sp, "：", None, "headline_colon")]


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
