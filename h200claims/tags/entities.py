"""The entities component: run the mention rules, settle overlaps, group mentions into entities."""
from __future__ import annotations

from typing import Any

from h200claims.doc import Doc, MentionCandidate, SpanIndex
from h200claims.models import Entity, Mention
from h200claims.registry import component
from h200claims.tags import entity_lac, entity_model  # noqa: F401  (register the "lac" and "model" rules)
from h200claims.tags import entity_companies, entity_latin, entity_movers, entity_products, entity_units  # noqa: F401  (register their rules)
from h200claims.tags.entity_aliases import org_repeats, paren_short_forms
from h200claims.tags.entity_credits import outlet_credits
from h200claims.tags.entity_edges import facility_names, person_edges
from h200claims.tags.entity_lists import listed_companies
from h200claims.tags.entity_markets import company_markets
from h200claims.tags.entity_merge import merge
from h200claims.tags.entity_relabel import (
    company_organs, context_short_forms, join_company_heads, person_as_company,
)
from h200claims.tags.entity_repeats import SURNAME_REFERENCE, repeat_names, surname_references, surname_titles
from h200claims.tags.entity_rules import RULES
from h200claims.text.script import simplified_view as v
from h200claims.tags.entity_vocab import _jieba_freq, company_suffix_chain, is_cjk, name_key, verb_tags, vocab


#: steps of this stage that are not candidate rules but can be switched off too
RULES.switch("repeat_name", "surname_title", "surname_reference", "place_prefix", "place_unit", "company_suffix",
             "person_as_company", "context_short_forms", "company_organs", "join_company_heads", "person_edges",
             "company_markets", "listed_companies", "org_repeats", "outlet_credits", "facility_names", "paren_short")


def enabled(doc: Doc, name: str) -> bool:
    return name not in doc.settings["disabled"]


def resolve(doc: Doc, cands: list[MentionCandidate]) -> list[MentionCandidate]:
    """Non-overlapping mentions under the configured merge policy (``entity_merge``)."""
    return merge(cands, doc.settings["merge"])


def attach_titles(doc: Doc, mentions: list[MentionCandidate]) -> None:
    """The title right before a person's name, and the body it names (美國商務部長 → 美國商務部)."""
    voc = vocab()
    by_end = {m.end: m for m in mentions}
    orgs = SpanIndex([(o.start, o.end, o) for o in mentions if o.label == "ORG"])
    for m in mentions:
        if m.label != "PERSON":
            continue
        para = doc.paragraph_of(m.start)
        t = voc.titles.search(doc.view, max(para[0], m.start - 12), m.start)
        if not t:
            continue
        s = t.start()
        owner = next((o[2] for o in orgs.within(max(0, s - 40), m.start) if o[0] < s < o[1]), None)
        if owner is not None:  # the title's head is inside the body's name: 商務部|長
            m.title_org = owner.key
            m.title = doc.text[owner.start:m.start]
            continue
        while s > para[0] and m.start - s < voc.title_mod_max and s not in by_end and (
                is_cjk(doc.view[s - 1]) or doc.view[s - 1].isalnum()) and doc.view[s - 1] not in voc.title_stop:
            s -= 1
        m.title = doc.text[s:m.start]
        org = by_end.get(s) or (by_end.get(s - 1) if s > 0 and doc.view[s - 1] in ")」』" else None)
        if org is not None and org.label in ("ORG",):
            m.title_org = org.key


def attach_place_prefix(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A place name right before a body's name is part of it: 南韓|產業通商資源部 → one ORG."""
    out: list[MentionCandidate] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.label == "GPE" and m.label == "ORG" and prev.end == m.start
                and not doc.view[prev.start:prev.end].endswith("方") and m.rule == "lexicon"):
            lex = doc.lexicon.by_id.get(m.key)
            key = m.key if lex is None or lex.affiliation in (None, prev.key) else "name:" + doc.view[prev.start:m.end]
            out[-1] = MentionCandidate(prev.start, m.end, "ORG", "place_prefix", key, m.priority)
            continue
        out.append(m)
    return out


def attach_place_unit(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A place's administrative unit is part of its name: 合肥|市, 得州|州 → 合肥市 (not 市場, 市長:
    a unit character that starts another word stays out).

    >>> import h200claims
    >>> [m.text for m in h200claims.extract("合肥市政府今天表示，中國市場很大。").mentions]
    ['合肥市', '中國']
    """
    voc = vocab()
    view = doc.view
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        e = m.end
        if (m.label == "GPE" and e < len(view) and view[e] in voc.place_units and view[e - 1] not in voc.place_units
                and (e + 1 >= len(view) or view[e + 1] not in voc.place_unit_not_before) and e not in starts):
            m = MentionCandidate(m.start, e + 1, m.label, m.rule, m.key, m.priority)
        out.append(m)
    return out


def attach_company_suffix(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A company's name written with 公司, 集團 or an industry word right after it is one name
    (微軟|公司, 豐田|汽車, 鴻海|科技集團; a rule's guess at those words is swallowed), where the last ends a
    token and does not start a word (公司治理). An industry word alone counts only where no noun
    follows it but a title (野村證券|分析師; not 台積電|科技論壇). A Latin-script name keeps its own edge
    (Rapidus|公司: the company Rapidus).

    >>> import h200claims
    >>> [m.text for m in h200claims.extract("微軟公司昨天說，Rapidus公司也將跟進，鴻海科技集團也是。").mentions]
    ['微軟公司', 'Rapidus', '鴻海科技集團']
    >>> [m.text for m in h200claims.extract("台積電科技論壇登場，野村證券分析師出席。").mentions]
    ['台積電', '野村證券']
    """
    freq = _jieba_freq()
    verbs = verb_tags()
    voc = vocab()
    view = doc.view
    by_start = {m.start: m for m in mentions}
    model_orgs: dict[int, list[MentionCandidate]] = {}  # where the model's bodies start: one pass, not one a mention
    for c in doc.candidates:
        if c.label == "ORG" and c.rule.startswith("model"):
            model_orgs.setdefault(c.start, []).append(c)
    swallowed: set[int] = set()
    out = []
    for m in mentions:
        if id(m) in swallowed:
            continue
        lex = doc.lexicon.by_id.get(m.key) if m.label == "ORG" else None
        if lex is not None and lex.kind == "company" and is_cjk(view[m.end - 1]):
            end, legal = company_suffix_chain(view, m.end)
            nxt = next((view[a:b] for a, b in doc.tokens_in(end, end + 6)[:1] if a == end), "")
            after = by_start.get(m.end)
            free = after is None or (after.rule != "lexicon" and after.end == end)
            noun_next = (len(nxt) >= 2 and all(is_cjk(c) for c in nxt) and nxt not in voc.title_words
                         and nxt not in verbs and nxt not in voc.company_follow)  # 野村證券|合作, |分析師, |昨天
            if (end > m.end and free and any(b == end for _, b in doc.tokens_in(m.start, end))
                    and (legal or not noun_next) and not freq.get(view[end - 2:end] + nxt)):  # 公司|治理: one word
                if after is not None:
                    swallowed.add(id(after))
                key = m.key
                full = view[m.start:end]
                if not legal and conflicting_industry(view[m.start:m.end], full, lex.names):
                    key = name_key(full)  # 國泰|人壽 is not 國泰航空 (Cathay Pacific): another company
                m = MentionCandidate(m.start, end, m.label, m.rule, key, m.priority)
            elif end == m.end and (longer := model_company_from(doc, m, model_orgs)) is not None:
                m = longer  # 國泰|世紀產險: the model reads the longer company, another one
        out.append(m)
    return out


#: how many characters may stand between a lexicon company's name and the industry word of a longer
#: company the model reads from it (國泰|世紀|產險)
MODEL_COMPANY_GAP = 3


def model_company_from(doc: Doc, m: MentionCandidate,
                       model_orgs: dict[int, list[MentionCandidate]]) -> MentionCandidate | None:
    """A model ORG (``model_orgs``: by where they start) that opens with the lexicon company ``m`` and
    ends in an industry word or legal suffix a few characters later (國泰世紀產險 after 國泰): that
    company, under its own name."""
    view = doc.view
    words = vocab().company_industry + vocab().company_suffixes
    for c in model_orgs.get(m.start, ()):
        if any(view.endswith(w, 0, c.end) and m.end < c.end - len(w) <= m.end + MODEL_COMPANY_GAP for w in words):
            return MentionCandidate(c.start, c.end, "ORG", c.rule, name_key(view[c.start:c.end]), c.priority)
    return None


def conflicting_industry(short: str, full: str, names: Any) -> bool:
    """Whether a lexicon company is also called by its short name with another industry word than
    the one written (國泰航空 in the lexicon, 國泰人壽 in the text: a different company; 豐田汽車 and
    野村證券 stay Toyota and Nomura)."""
    voc = vocab()
    known = {v(n) for n in names}
    if v(full) in known:
        return False
    return any(n.startswith(v(short)) and n[len(short):] in voc.company_industry for n in known)


def run_rules(doc: Doc) -> list[MentionCandidate]:
    for name in doc.settings["entity_rules"]:
        if enabled(doc, name):
            doc.candidates.extend(c for c in RULES[name](doc) if doc.in_body(c.start, c.end))
    if enabled(doc, "repeat_name"):
        doc.candidates.extend(repeat_names(doc, doc.candidates))
    mentions = resolve(doc, doc.candidates)
    if enabled(doc, "surname_title") or enabled(doc, "surname_reference"):
        people: dict[str, str] = {}
        shared: set[str] = set()  # surnames of two people: 賴男 could be either
        for m in mentions:
            name = doc.view[m.start:m.end]
            if m.label == "PERSON" and len(name) >= 2 and is_cjk(name[0]) and name[0] in vocab().surnames \
                    and not SURNAME_REFERENCE.fullmatch(name[1:]):  # 賴男 names no one by itself
                if people.setdefault(name[0], m.key) != m.key:
                    shared.add(name[0])
        named = {k: v for k, v in people.items() if k not in shared}
        extra = surname_titles(doc, people) if enabled(doc, "surname_title") else []
        if enabled(doc, "surname_reference"):
            extra += surname_references(doc, named)
        if extra:
            doc.candidates.extend(extra)
            mentions = resolve(doc, doc.candidates)
        if enabled(doc, "surname_reference"):
            mentions = join_surname_references(doc, mentions, named)
    mentions = trim_time_words(doc, mentions)
    for name, second_look in SECOND_LOOKS:
        if enabled(doc, name):
            mentions = second_look(doc, mentions)
    return [m for m in mentions if not (m.label == "GPE" and names_currency(doc.view, m.start, m.end))]


#: the looks at the resolved mentions, in order, each switchable by its name
SECOND_LOOKS = (("person_edges", person_edges), ("listed_companies", listed_companies),
                ("company_markets", company_markets), ("join_company_heads", join_company_heads),
                ("person_as_company", person_as_company), ("company_organs", company_organs),
                ("context_short_forms", context_short_forms), ("org_repeats", org_repeats),
                ("outlet_credits", outlet_credits),
                ("place_prefix", attach_place_prefix),
                ("place_unit", attach_place_unit), ("company_suffix", attach_company_suffix),
                ("facility_names", facility_names), ("paren_short", paren_short_forms))


def join_surname_references(doc: Doc, mentions: list[MentionCandidate], named: dict[str, str]) -> list[MentionCandidate]:
    """賴男, 陳姓男子 found as names of their own: the person of that surname the article names, or
    no mention at all where it names none (an unnamed suspect is no actor)."""
    out = []
    for m in mentions:
        rest = doc.view[m.start + 1:m.end]
        if m.label == "PERSON" and rest and SURNAME_REFERENCE.fullmatch(rest):
            key = named.get(doc.view[m.start])
            if key is None:
                continue
            m = MentionCandidate(m.start, m.end, m.label, m.rule, key, m.priority)
        out.append(m)
    return out


def trim_time_words(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A person's name never ends in a time word glued to it (彭金隆昨（3）日表示 names 彭金隆), nor a
    model's name in a weekday, a measure or an open bracket (星展|星期一, 星展|淨利, 大華銀行|(UOB)."""
    voc = vocab()
    out = []
    for m in mentions:
        name = doc.view[m.start:m.end]
        h = voc.honorifics.match(doc.view, m.start, m.end) if m.label == "PERSON" else None
        if h and m.end - h.end() >= 2:  # 拿督斯里|安華: the honorific is no part of the name
            key = name_key(doc.view[h.end():m.end]) if m.key.startswith("name:") else m.key
            m = MentionCandidate(h.end(), m.end, m.label, m.rule, key, m.priority)
            name = doc.view[m.start:m.end]
        end = m.end
        if m.label == "PERSON" and m.end - m.start >= 3 and name[-1] in voc.name_time_tails \
                and doc.view[m.end:m.end + 1] in ("(", "（", "日", "天", "晚", "早", "午"):
            end = m.end - 1
        elif m.rule.startswith("model") and m.label in ("PERSON", "ORG"):
            tail = next((t for t in voc.name_tails if name.endswith(t) and len(name) - len(t) >= 2), None)
            if tail:  # 星展|星期一, 星展|淨利
                end = m.end - len(tail)
            elif "(" in name and ")" not in name and name.index("(") >= 2:  # 大華銀行(UOB
                end = m.start + name.index("(")
        if end != m.end:
            key = name_key(doc.view[m.start:end]) if m.key.startswith("name:") else m.key
            m = MentionCandidate(m.start, end, m.label, m.rule, key, m.priority)
        out.append(m)
    return out


def names_currency(view: str, start: int, end: int) -> bool:
    """A place that is the first part of a currency's name (澳門|元, 瑞士|法郎, 新加坡|元) names the
    currency, not the place.

    >>> names_currency("兌換1.0092瑞士法郎", 8, 10), names_currency("瑞士央行", 0, 2)
    (True, False)
    """
    if view.startswith(vocab().currency_after_place, end):
        return True
    return any(len(c) > end - start and view.startswith(c, start) for c in entity_model._currencies())


class _Groups:
    """Union-find over candidate keys: aliases linked by rules become one entity."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # a lexicon id wins as the root
            if ra.startswith("name:"):
                ra, rb = rb, ra
            self.parent[rb] = ra


def group(doc: Doc, mentions: list[MentionCandidate]) -> list[Entity]:
    groups = _Groups()
    _link_paren_pairs(doc, groups)
    _link_short_forms(doc, mentions, groups)
    entities: dict[str, Entity] = {}
    order: list[str] = []
    for m in mentions:
        root = groups.find(m.key)
        ent = entities.get(root)
        if ent is None:
            ent = _new_entity(root, m, doc)
            entities[root] = ent
            order.append(root)
        ent.mentions.append(Mention(start=m.start, end=m.end, text=doc.text[m.start:m.end],
                                    label=ent.label, entity=ent.id, rule=m.rule))
        if m.title and m.title not in ent.titles:
            ent.titles.append(m.title)
        if m.title_org and ent.affiliation is None:
            ent.affiliation = groups.find(m.title_org)
    for root in order:
        _finish_names(entities[root], doc.lexicon.by_id)
    ids = {root: entities[root].id for root in order}
    out = []
    for root in order:
        e = entities[root]
        if e.affiliation is not None and e.affiliation in ids:
            e.affiliation = ids[e.affiliation]
        elif e.affiliation is not None and e.affiliation.startswith("name:"):
            e.affiliation = None
        for mention in e.mentions:
            mention.entity = e.id
        out.append(e)
    return out


#: an organisation's name that another one's is with at most PREFIX_TAIL_MAX characters more, and at
#: least PREFIX_MIN characters long, names the same body (中華電 / 中華電信, 台灣大 / 台灣大哥大)
PREFIX_MIN, PREFIX_TAIL_MAX = 3, 2


def _link_short_forms(doc: Doc, mentions: list[MentionCandidate], groups: _Groups) -> None:
    """An organisation named in full (星展集團, 零跑汽車) and by its own name alone (星展) is one
    entity, and so is one named by its name but its last one or two characters (中華電 of 中華電信);
    a short form the lexicon knows as another body stays that body (國泰 is not 國泰人壽)."""
    voc = vocab()
    words = voc.company_industry + voc.company_suffixes
    short = {doc.view[m.start:m.end]: m.key for m in mentions if m.label == "ORG" and m.rule != "lexicon"}
    orgs = {doc.view[m.start:m.end]: m.key for m in mentions if m.label == "ORG"}
    for m in mentions:
        if m.label != "ORG":
            continue
        name = doc.view[m.start:m.end]
        word = next((w for w in words if name.endswith(w) and len(name) - len(w) >= 2), None)
        if word is not None and name[:-len(word)] in short:
            groups.union(m.key, short[name[:-len(word)]])
        for cut in range(1, PREFIX_TAIL_MAX + 1):  # 中華電 (a listed short name) and 中華電信: one company
            head = name[:-cut]
            if len(head) >= PREFIX_MIN and head in orgs and orgs[head] != m.key:
                groups.union(m.key, orgs[head])


def _link_paren_pairs(doc: Doc, groups: _Groups) -> None:
    """A Chinese name and the English name in brackets right after it are one entity."""
    cands = sorted((c for c in doc.candidates), key=lambda c: c.start)
    by_start: dict[int, list[MentionCandidate]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    for c in cands:
        if doc.view[c.end:c.end + 1] != "(":
            continue
        for nxt in by_start.get(c.end + 1, ()):  # the lexicon's DBS and the alias rule's DBS alike
            if doc.view[nxt.end:nxt.end + 1] == ")" and (c.rule == "paren_alias" or nxt.rule == "paren_alias"):
                groups.union(c.key, nxt.key)


def _new_entity(root: str, m: MentionCandidate, doc: Doc) -> Entity:
    lex = doc.lexicon.by_id.get(root)
    if lex is not None:
        return Entity(id=lex.id, label=lex.label, name=lex.canonical, aliases=[], affiliation=None)  # type: ignore[arg-type]
    name = root.removeprefix("name:")
    return Entity(id=name, label=m.label, name=name, aliases=[])  # type: ignore[arg-type]


def _finish_names(e: Entity, lex_by_id: dict[str, Any]) -> None:
    surfaces = []
    for m in e.mentions:
        if m.text not in surfaces:
            surfaces.append(m.text)
    lex = lex_by_id.get(e.id)
    if lex is None:
        english = next((s for s in surfaces if s.isascii()), None)
        english_id = english.lower().replace(" ", "_").replace(".", "") if english else None
        if english and english_id and english_id not in lex_by_id:  # SIA of 新加坡航空公司 (SIA) is not the lexicon's 'sia'
            e.name = english
            e.id = english_id
        else:  # as the article writes it, in its script (the id stays the script-folded form)
            e.name = max(surfaces, key=len) if all(m.rule == "surname_title" for m in e.mentions) else next(
                m.text for m in e.mentions if m.rule != "surname_title")
    elif e.affiliation is None and lex.affiliation:
        e.affiliation = lex.affiliation
    extra = list(lex.names) if lex else []
    e.aliases = [s for s in dict.fromkeys(surfaces + extra) if s != e.name]


@component("entities", requires=["tokens", "sentences"], assigns=["entities"])
def entities(doc: Doc) -> None:
    mentions = run_rules(doc)
    attach_titles(doc, mentions)
    doc.entities = group(doc, mentions)
