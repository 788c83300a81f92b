"""The quote reader's article state: what it remembers going through the article, and a found quote."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from h200claims.doc import Doc, SpanIndex
from h200claims.models import Entity, Quote
from h200claims.tags.quote_words import QUOTE_KINDS, words
from h200claims.text.script import simplified_view as v

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
    said_as: dict[str, str] = field(default_factory=dict)  # speaker id -> the words last naming them
    org_count: dict[str, int] = field(default_factory=dict)  # organisation id -> mentions seen so far
    org_last: dict[str, int] = field(default_factory=dict)  # organisation id -> its last mention seen
    index: SpanIndex = field(default_factory=lambda: SpanIndex([]))
    seen: int = 0  # mentions before this index were taken into last_of_kind
    last_in_paragraph: "Speaker | None" = None
    persons: set[str] = field(default_factory=set)
    name_ends: frozenset[int] = frozenset()  # where a person's name ends (a cue may start there)
    speaker_ends: frozenset[int] = frozenset()  # where a person's, body's or place's name ends
    para_start: int = 0  # the paragraph being read
    spoke_para: dict[str, int] = field(default_factory=dict)  # speaker id -> paragraph of their last quote
    disabled: frozenset[str] = frozenset()

    def on(self, rule: str) -> bool:
        """Whether the quote rule ``rule`` runs (not switched off in the Extractor's config)."""
        return rule not in self.disabled

    def mentions_in(self, s: int, e: int) -> list[tuple[int, int, str, str]]:
        return [m[2] for m in self.index.within(s, e)]

    def see(self, upto: int) -> None:
        """Remember the organisations named up to ``upto`` (for 該智庫, 該公司, 報導), and how often."""
        while self.seen < len(self.mentions) and self.mentions[self.seen][1] <= upto:
            m = self.mentions[self.seen]
            eid = m[2]
            if eid in self.kinds:
                self.last_of_kind[self.kinds[eid]] = eid
            if m[3] == "ORG":
                self.org_count[eid] = self.org_count.get(eid, 0) + 1
                self.org_last[eid] = m[0]
            self.seen += 1

    def spoke(self, sp: Speaker, pronoun: str | None = None) -> None:
        if sp.id is None:
            return
        if sp.id in self.history:
            self.history.remove(sp.id)
        self.history.append(sp.id)
        if sp.text and pronoun is None:
            self.said_as[sp.id] = sp.text
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
    if any(name.endswith(v(x)) for x in cfg["prosecutor_suffixes"]):
        return "prosecutors"
    if any(name.endswith(v(x)) for x in cfg["court_suffixes"]):
        return "court"
    if any(m.rule == "book_title" for m in e.mentions) or any(name.endswith(v(x)) for x in cfg["outlet_suffixes"]):
        return "outlet"
    return None


def new_state(doc: Doc) -> State:
    st = State(doc, disabled=frozenset(doc.settings["disabled"]))
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
    st.name_ends = frozenset(m[1] for m in st.mentions if m[3] == "PERSON")
    st.speaker_ends = frozenset(m[1] for m in st.mentions if m[3] != "PRODUCT")
    return st


@dataclass
class Found:
    quote: Quote
    speaker: Speaker

def make_quote(st: State, s: int, e: int, kind: str, sp: Speaker, cue: str | None, via: str | None, rule: str) -> Found:
    q = Quote(start=s, end=e, text=st.doc.text[s:e], rule=rule, kind=kind, speaker=sp.id,  # type: ignore[arg-type]
              speaker_text=sp.text, cue=cue, via=via)
    return Found(q, sp)


def _remember(st: State, sp: Speaker, via: str | None) -> None:
    said = v(sp.text) if sp.text else None
    pron = said if said in words().pronouns else None
    st.spoke(sp, pron)
    if sp.id:
        st.spoke_para[sp.id] = st.para_start
    if sp.id and via:
        st.via_of.setdefault(sp.id, via)
