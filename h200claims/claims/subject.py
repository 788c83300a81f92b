"""Whom an amount is about: the rules, in the order ``subject_of`` tries them (what it is compared with,
which they pass over, is ``claims/comparison.py``).

- ``subject_paired_list``: a list of names paired with a list of amounts, name by name
  (美國、日本、德國分別占出口的32%、18%和9%);
- ``subject_joint``: no one, where the clause is about two owners at once (中美算力差距, 兩岸);
- ``subject_measure_owner``: the name (or description) that owns the measure word (鴻海第3季營收,
  H200的效能, 該公司毛利率);
- ``subject_clause``: the first name or description of the amount's clause that is not after a
  preposition (日本對韓國面板課徵10%關稅 → 日本, not 韓國);
- ``subject_after``: a name right after the amount;
- ``subject_currency``: no one, where a currency opens a clause that names no one (日圓升值0.3%);
- then the amount before it in its sentence (``inherit_within_sentence``);
- ``subject_aggregate``, ``subject_counted``: no one, for a whole market's amount (全國, 平均) and a
  count of bodies no clause names (房企超70家);
- ``subject_sentence``: the body, place or product that opens the sentence's earlier clauses
  (鴻海表示，第3季營收年增8.1%; 小鵬汽車上月交付3.1萬輛，年增42%), past a dateline or a 據-source;
- ``subject_national``: the home country, for a measure of a whole economy (進出口, GDP);
- ``subject_article``: the company the article is about.

Descriptions and pronouns (公司, 該公司, 該行, 集團, 子公司, 我們 in a quote) resolve to the entity meant:
我們 to the speaker's organisation, the others to the nearest earlier organisation of their kind.

    >>> from h200claims import extract
    >>> r = extract("美國、日本分別占出口的32%和18%。")
    >>> [c.subject for c in r.claims]
    ['us', 'japan']
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Any

import regex

from h200claims.claims.context import (CLAUSE_BREAK, clause_of, mention_index, mentions_between, on, quantity_index,
                                       quote_index, sentence_span, token_ending_at, words)
from h200claims.claims.measure import measure_candidates, phrase_before, link_start
from h200claims.doc import Doc
from h200claims.models import Quantity
from h200claims.patterns import alternation
from h200claims.tags.entity_vocab import is_cjk
from h200claims.tags.quantity_grammar import bare_currency
from h200claims.text.script import simplified_view as v

Found = tuple[str | None, str | None]  # (entity id, the words that name it)
#: how far back (characters) a description looks for the organisation it stands for
DESCRIPTION_REACH = 1500
#: descriptions of these kinds stand only for a body of their kind (檢方, 院方), never for another
STRICT_KINDS = frozenset({"prosecutors", "court"})


def entity_kinds(doc: Doc) -> dict[str, str | None]:
    """Each entity's kind of body (company, government, outlet…), as the quote stage reads it."""
    if "entity_kinds" not in doc.cache:
        from h200claims.tags.quote_speakers import entity_kind
        doc.cache["entity_kinds"] = {e.id: entity_kind(e, doc.lexicon.by_id) for e in doc.entities}
    return doc.cache["entity_kinds"]  # type: ignore[no-any-return]


def entity_by_id(doc: Doc) -> dict[str, Any]:
    if "entity_by_id" not in doc.cache:
        doc.cache["entity_by_id"] = {e.id: e for e in doc.entities}
    return doc.cache["entity_by_id"]  # type: ignore[no-any-return]


def entity_label(doc: Doc, entity: str) -> str | None:
    e = entity_by_id(doc).get(entity)
    return e.label if e is not None else None


def quote_at(doc: Doc, pos: int) -> Any:
    """The quote that holds the character at ``pos``, if one does."""
    hit = quote_index(doc).containing(pos, pos + 1)
    return hit[2] if hit is not None else None


def resolve_description(doc: Doc, word: str, at: int) -> str | None:
    """The entity a description stands for: 我們 in a quote → the speaker's organisation; 該公司,
    公司, 集團 → the most named earlier company, the nearest of those (else organisation that is no
    outlet; 該集團 and 該行 prefer one named with 集團, 銀行); 檢方, 院方 → the
    nearest earlier prosecutors' office, court (else no one); 該部 → body;
    他的, 她的 → the person last named; 我國, 本港 → the article's market (the place of what its bare 元
    means: Taiwan for a Traditional page with no other sign), where the article names it."""
    kind = words().descriptions[v(word)]
    if kind == "speaker":
        quote = quote_at(doc, at)
        speaker = entity_by_id(doc).get(quote.speaker) if quote is not None and quote.speaker else None
        if speaker is None:
            return None
        return speaker.id if speaker.label == "ORG" else speaker.affiliation
    if kind == "home_country":  # 我國, 本港: the article's market, where the article names it
        return home_place(doc)
    if kind == "person":  # 他的淨支持度: the person last named
        people = [m for m in mentions_between(doc, max(0, at - DESCRIPTION_REACH), at) if m[3] == "PERSON"]
        return people[-1][2] if people else None
    kinds = entity_kinds(doc)
    orgs = [m for m in mentions_between(doc, max(0, at - DESCRIPTION_REACH), at)
            if m[3] == "ORG" and kinds.get(m[2]) != "outlet"]
    same = [m for m in orgs if kinds.get(m[2]) == kind]
    if kind in STRICT_KINDS:  # 檢方 stands for prosecutors or for no one
        return same[-1][2] if same else None
    head = words().description_heads.get(v(word))
    named = [m for m in orgs if head and named_with(doc, m[2], head)]  # 該集團 → 新航集團, not 酷航 after it
    pool = named or same or orgs
    if not pool:
        return None
    s = doc.sentence_of(at)[0]
    here = [m for m in orgs if m[0] >= s and is_subject_position(doc, s, m[0])
            and (m in pool or kinds.get(m[2]) is None)]  # a body of no known kind counts here (零跑 by shape)
    if here:  # 理想汽車最新交付數據顯示，公司10月交付…: the one its own sentence names
        return here[-1][2]
    ends = mention_ends(doc)  # how often each was named before: a bisection, not a count of all so far
    return max(pool, key=lambda m: (bisect.bisect_right(ends[m[2]], at), m[0]))[2]  # the most named, then the nearest


def home_place(doc: Doc) -> str | None:
    """The article's own market: the place of what its bare 元 means (``home_places``), where the
    article names it (for 我國 and for a whole economy's measure)."""
    home = words().home_places.get(bare_currency(doc))
    return home if home in entity_by_id(doc) else None


def mention_ends(doc: Doc) -> dict[str, list[int]]:
    """Each entity's mention ends, sorted (cached on the Doc)."""
    if "mention_ends" not in doc.cache:
        ends: dict[str, list[int]] = {}
        for x in mention_index(doc).items:
            ends.setdefault(x[2][2], []).append(x[1])
        doc.cache["mention_ends"] = {k: sorted(e) for k, e in ends.items()}
    return doc.cache["mention_ends"]  # type: ignore[no-any-return]


def named_with(doc: Doc, entity: str, head: str) -> bool:
    """Whether a mention of ``entity`` ends with ``head`` (集團, 銀行) in the Simplified view."""
    e = entity_by_id(doc).get(entity)
    return e is not None and any(v(m.text).endswith(head) for m in e.mentions)


def is_subject_position(doc: Doc, clause_start: int, start: int) -> bool:
    """A name right after a preposition (對中國, 在美國, 較去年) is not the clause's subject; after a
    word that only ends in one (沒想到|美方, 提到) it may be; nor right after a word that makes it a cause
    or an origin (受|中國防疫封鎖影響, 來自|歐洲的, 關於|美國關稅)."""
    if doc.view[clause_start:start].endswith(words().not_subject_after_words):
        return False
    tok = token_ending_at(doc, start)
    if tok is not None and tok[0] >= clause_start and doc.view[tok[0]:tok[1]] in words().object_verbs:
        return False  # 包括收購|花旗集團台灣消費金融業務: a verb's object
    before = doc.view[max(clause_start, start - 1):start]
    if not before or before not in words().not_subject_before:
        return True
    if before == "为" and doc.view[max(clause_start, start - 3):start - 1].endswith(RANKING):
        return True  # 其次為|國泰世華銀行, 依序為|友達: 為 is 'is', the list's names its subjects
    tok = token_ending_at(doc, start)
    return tok is not None and tok[1] - tok[0] > 1 and tok[0] >= clause_start


#: words after which 為 means 'is' in a ranking (其次為, 依序為), not 'for'
RANKING = ("其次", "依序", "依次", "分别", "接着", "最后")  # in the Simplified view


def namers(doc: Doc, s: int, e: int) -> list[tuple[int, int, str | None, str]]:
    """Names and descriptions between ``s`` and ``e``, in order, as (start, end, entity, label);
    a description's entity is what it resolves to (label ``DESC``)."""
    out: list[tuple[int, int, str | None, str]] = [(m[0], m[1], m[2], m[3]) for m in mentions_between(doc, s, e)]
    names = [(m[0], m[1]) for m in out]
    for d in words().description_re.finditer(doc.view, s, e):
        if any(a < d.end() and d.start() < b for a, b in names) or d.end() in {a for a, _ in names}:
            continue  # inside a name, or a modifier of the name after it (子公司國泰人壽)
        out.append((d.start(), d.end(), resolve_description(doc, d.group(), d.start()), "DESC"))
    return sorted(out)


def _said(doc: Doc, m: tuple[int, int, str | None, str]) -> Found:
    return (m[2], doc.text[m[0]:m[1]]) if m[2] else (None, None)


def subject_paired_list(doc: Doc, q: Quantity) -> Found | None:
    """Names listed with 、/和/及 paired one by one with amounts listed the same way after them
    (日本、韓國、台灣占比分別為40%、35%和25%)."""
    w = words()
    s, e = sentence_span(doc, q)
    amounts = [x[2] for x in quantity_index(doc).within(s, e) if x[2].kind == q.kind]
    chain = _chain(doc, amounts, q, lambda a: (a.start, a.end))
    if len(chain) < 2:
        return None
    names = [m for m in mentions_between(doc, s, chain[0].start)]
    groups: list[list[tuple[int, int, str, str]]] = []
    for m in names:
        if groups and doc.view[groups[-1][-1][1]:m[0]] in w.joiners:
            groups[-1].append(m)
        else:
            groups.append([m])
    fits = [g for g in groups if len(g) == len(chain)]
    if not fits:
        return None
    m = fits[-1][chain.index(q)]
    return m[2], doc.text[m[0]:m[1]]


def _chain(doc: Doc, items: list[Any], q: Any, span: Any) -> list[Any]:
    """The run of ``items`` that holds ``q``, each next to the last with only a list joiner between."""
    joiners, longest = _joiner_set(words().joiners)
    view = doc.view
    spans = [span(it) for it in items]
    runs: list[list[int]] = []
    for k in range(len(items)):
        if k and spans[k][0] - spans[k - 1][1] <= longest and view[spans[k - 1][1]:spans[k][0]] in joiners:
            runs[-1].append(k)
        else:
            runs.append([k])
    qs = span(q)  # equal items have equal spans: compare spans first (a model's == is slow)
    run = next((r for r in runs if any(items[k] is q or (spans[k] == qs and items[k] == q) for k in r)), [])
    return [items[k] for k in run]


@lru_cache(maxsize=4)
def _joiner_set(joiners: tuple[str, ...]) -> tuple[frozenset[str], int]:
    return frozenset(joiners), max(map(len, joiners), default=0)


def measure_start(doc: Doc, q: Quantity) -> int | None:
    """Where the amount's measure words begin (the noun phrase before its link, else a listed noun)."""
    cs, _ = clause_of(doc, q)
    end = link_start(doc, q, cs)
    start = phrase_before(doc, end, cs)
    if start < end:
        return start
    cands = measure_candidates(doc, q)
    return cands[0][0] if cands else None


def subject_measure_owner(doc: Doc, q: Quantity) -> Found | None:
    """The name or description right before the measure, with only time words, dates or 的 between
    (鴻海第3季營收, H200的效能, 該公司毛利率)."""
    ms = measure_start(doc, q)
    if ms is None:
        return None
    cs, _ = clause_of(doc, q)
    dates = [x for x in quantity_index(doc).within(cs, ms)]
    for m in reversed(namers(doc, cs, ms)):
        if m[3] == "GPE" and in_route(doc, m):
            break  # 台北-東京航線載客率: the route's, not Tokyo's
        gap = doc.view[m[1]:ms]
        for a, b, _ in reversed([d for d in dates if d[0] >= m[1]]):
            gap = gap[:a - m[1]] + gap[b - m[1]:]
        if words().owner_gap_re.match(gap) and is_subject_position(doc, cs, m[0]):
            return (None, None) if unnamed_from(doc, m) else _said(doc, m) if m[2] else None
        break
    return owner_across(doc, cs, ms)


#: at most this many characters between the name after 對 and the measure (H200對中國「核准客戶」銷售額)
ACROSS_GAP = 10
#: the prepositions of 'X對Y的銷售額': the measure is X's, Y is its counterpart
ACROSS_PREPOSITIONS = frozenset("对向")


def owner_across(doc: Doc, clause_start: int, ms: int) -> Found | None:
    """X對Y…的measure: the measure belongs to X, Y is its counterpart (台灣對美國出口, H200對中國「核准客戶」
    銷售額, 美國對中國加徵的關稅), with no clause break and at most ``ACROSS_GAP`` characters after Y."""
    names = namers(doc, clause_start, ms)
    for x, y in zip(names, names[1:]):
        if y[0] == x[1] + 1 and doc.view[x[1]] in ACROSS_PREPOSITIONS and ms - y[1] <= ACROSS_GAP \
                and is_subject_position(doc, clause_start, x[0]) and x[2] \
                and not CLAUSE_BREAK.search(doc.view, y[1], ms) and not any(z[0] >= y[1] for z in names if z is not y):
            return _said(doc, x)
    return None


def unnamed_from(doc: Doc, m: tuple[int, int, str | None, str]) -> bool:
    """Whether a place only says where an unnamed subject is from (美國|企業, 日本|業者)."""
    return m[3] == "GPE" and doc.view.startswith(words().unnamed_after_place, m[1])


def subject_joint(doc: Doc, q: Quantity) -> Found | None:
    """No one subject where the clause before the amount is about two owners at once (中美算力差距在
    未來幾年…, 兩岸貿易額達…) and names no one after them; a pair inside a name (台中) is none."""
    cs, _ = clause_of(doc, q)
    names = mentions_between(doc, cs, q.start)
    for m in words().joint_re.finditer(doc.view, cs, q.start):
        inside = any(a <= m.start() < b for a, b, _, _ in names)
        if not inside and not any(a >= m.end() for a, _, _, _ in names):
            return None, None
    return None


def subject_clause(doc: Doc, q: Quantity, comparison: str | None = None) -> Found | None:
    """The first name or description before the amount that is not after a preposition, or that
    the amount follows at once (其次為台南市1038人): in the stretch since the clause's previous
    amount where one names someone (A遭罰900萬元、B遭罰720萬元 → B), else in the whole clause."""
    cs, _ = clause_of(doc, q)
    earlier = [x[1] for x in quantity_index(doc).within(cs, q.start) if x[1] <= q.start]
    starts = ([max(earlier)] if earlier else []) + [cs]
    for start in starts:
        passed = -1  # where the last name passed over ends: a name right after it is of the same phrase
        for m in namers(doc, start, q.start):
            if (m[3] == "GPE" and in_route(doc, m)) or m[0] == passed or in_group(doc, m, q):
                passed = m[1]  # 收購|花旗集團|台灣消費金融業務: 台灣 is the object's too
                continue
            if m[2] != comparison and (is_subject_position(doc, start, m[0]) or m[1] == q.start):
                return (None, None) if unnamed_from(doc, m) else _said(doc, m) if m[2] else None
            passed = m[1]
    return None


#: what stands between the name heading a counted group and the count (歐俞彤等80人)
GROUP_HEAD = regex.compile(r"等[共约約]?")


def in_group(doc: Doc, m: tuple[int, int, str | None, str], q: Quantity) -> bool:
    """Whether a name only heads the group the amount counts (起訴集團首腦歐俞彤等80人: 80 people,
    歐俞彤 among them): it is one of those counted, not who the amount is about."""
    return q.kind == "count" and GROUP_HEAD.fullmatch(doc.view[m[1]:q.start]) is not None


#: the dashes that join the two ends of a route (台北-倫敦)
ROUTE_JOINERS = frozenset("-－—–~～")


def in_route(doc: Doc, m: tuple[int, int, str | None, str]) -> bool:
    """Whether a place is one end of a route written with a dash (台北-布拉格每周增為三班): it says
    where a flight or line goes, not who the amount is about."""
    view = doc.view
    after, before = view[m[1]:m[1] + 2], view[max(0, m[0] - 2):m[0]]
    return (len(after) == 2 and after[0] in ROUTE_JOINERS and is_cjk(after[1])) or \
        (len(before) == 2 and before[1] in ROUTE_JOINERS and is_cjk(before[0]))


@lru_cache(maxsize=1)
def currency_names() -> Any:
    """The currencies by name (日圓, 美元, 人民幣; ``data/quantities.json`` currencies_post), as one pattern."""
    from h200claims import data
    return regex.compile(alternation(v(c) for c in data.load_json("quantities.json")["currencies_post"]))


def subject_currency(doc: Doc, q: Quantity) -> Found | None:
    """No one, where a currency is what the clause is about and it names no one (日圓周四盤中升值0.3%，
    報155.90日圓兌1美元): a currency is no entity, and no sentence opener or article topic owns its moves."""
    cs, _ = clause_of(doc, q)
    hit = currency_names().match(doc.view, cs)
    if hit is None or hit.end() > q.start or mentions_between(doc, cs, q.start):
        return None
    return None, None


def subject_after(doc: Doc, q: Quantity) -> Found | None:
    """A name within a few characters after the amount (…的12%歸台積電); not for a count, where a name
    after the classifier is what is counted (5架|空客A321)."""
    if q.kind == "count":
        return None
    _, ce = clause_of(doc, q)
    after = mentions_between(doc, q.end, min(ce, q.end + 6))
    return (after[0][2], doc.text[after[0][0]:after[0][1]]) if after else None


def subject_sentence(doc: Doc, q: Quantity) -> Found | None:
    """The body, person or product that opens the sentence, when the amount's clause names no one
    (鴻海表示，第3季營收年增8.1%; 他選擇…，自掏4.5億美元): a person who speaks the amount (it sits in
    a quote of theirs) is its source, not its subject, and so is a body that publishes data
    (勞動部公布…數據，本期實施385家; 據勞動部統計), or a body other than a company that only titles
    the person whose quote holds the amount (勞動部條平司長黃琦雅表示，本期…321家); a place is no
    subject here."""
    s, _ = sentence_span(doc, q)
    cs, _ = clause_of(doc, q)
    quote = quote_at(doc, q.start)
    speaker = quote.speaker if quote is not None else None
    kinds = entity_kinds(doc)
    sourced = False
    for m in namers(doc, s, cs):
        after_ju = doc.view[max(s, m[0] - 1):m[0]] == "据"  # 據勞動部統計
        if is_subject_position(doc, s, m[0]) or after_ju:
            if after_ju and publishes(doc, m[1], cs):
                sourced = True  # 據台電資料，住宅用戶約1377萬戶: the data's source; a later clause may name the owner
                continue
            if kinds.get(m[2] or "") == "outlet" or m[3] == "GPE" \
                    or doc.view[max(s, m[0] - 3):m[0]].rstrip().endswith("记者") or doc.view[m[1]:m[1] + 1] == "讯":
                continue  # a dateline (中新社 北京7月5日電（記者 陳康亮）, 財經網訊) reports, it owns nothing; a place is no subject here
            if not m[2] or (publishes(doc, m[1], cs) and kinds.get(m[2]) != "company") \
                    or (m[3] == "PERSON" and speaker == m[2]):  # 鴻海公布財報，第三季營收… stays 鴻海's
                return None
            if speaker and entity_label(doc, speaker) == "PERSON" \
                    and kinds.get(m[2]) not in (None, "company") \
                    and any(x[2] == speaker and m[1] <= x[0] <= m[1] + 12 for x in namers(doc, m[1], cs)):
                return None  # 勞動部條平司長黃琦雅表示，…: the body titles the speaker
            return _said(doc, m)
    return (None, None) if sourced else None


#: the classifier right after a number (2 家券商, 超70家)
COUNTED_BY = regex.compile(r"[0-9０-９〇零一二三四五六七八九十百千万萬两兩几幾多余餘]\s*([^\s0-9０-９〇零一二三四五六七八九十百千万萬两兩几幾多余餘.,])")


def subject_counted(doc: Doc, q: Quantity) -> bool:
    """Whether the amount counts bodies its clause does not name (2家券商均遭罰, 爆雷房企超70家): a count
    by a classifier of ``self_counted_classifiers`` is then its own subject (tried only where the
    clause names no owner; 對18家上市公司…處罰 after a body's name keeps the body, by inheritance)."""
    if q.kind != "count":
        return False
    hits = list(COUNTED_BY.finditer(doc.view, q.start, q.end))
    return bool(hits) and hits[-1].group(1) in words().self_counted


def subject_aggregate(doc: Doc, q: Quantity) -> bool:
    """Whether the amount's clause makes it a whole market's or population's (全國房貸負擔率爲…,
    酒店平均入住率達八成五, 產品均價分別較年初降幅約10%): then no one the sentence or the article
    names owns it (tried only where the clause itself names no one)."""
    cs, _ = clause_of(doc, q)
    w = words()
    return w.aggregate_re.search(doc.view, cs, q.start) is not None and w.owned_units_re.search(doc.view, cs, q.start) is None


def subject_national(doc: Doc, measure: str | None) -> Found | None:
    """The article's own country, for a measure of a whole economy no one in its clause or sentence
    owns (一季度、二季度進出口分別達到9.76萬億和10.34萬億元 in a page of 元 = CNY → China): the place of
    what the article's bare 元 means, where the article names it."""
    if not measure or words().national_re.search(v(measure)) is None:
        return None
    home = home_place(doc)
    return (home, entity_by_id(doc)[home].mentions[0].text) if home else None


def publishes(doc: Doc, end: int, clause_start: int) -> bool:
    """Whether a data word follows the name before the amount's clause (公布, 統計, 數據, 調查)."""
    return words().publish_re.search(doc.view, end, clause_start) is not None


SUBJECT_RULES = ("subject_paired_list", "subject_joint", "subject_measure_owner", "subject_clause", "subject_after",
                 "subject_currency")


#: rules that decide an amount has no owner: an amount that follows one in its sentence has none either
NO_OWNER_RULES = frozenset({"subject_currency", "subject_aggregate", "subject_counted"})


def subject_of(doc: Doc, q: Quantity, comparison: str | None = None, earlier: Found | None = None,
               earlier_rule: str | None = None, measure: str | None = None) -> tuple[str | None, str | None, str | None]:
    """The entity the amount is about: the first of ``SUBJECT_RULES`` (switched on) that decides in
    the amount's own clause; else ``earlier``, the subject of the amount before it in its sentence
    (國泰人壽稅後淨利達580億元，年增12%), or no one where ``earlier_rule`` found it had none
    (``NO_OWNER_RULES``); else ``subject_sentence``; else ``subject_article``, the
    organisation the article is about — unless ``subject_aggregate`` says the amount is a whole
    market's. Returns (entity id, its words, the rule that decided; ``None``
    when none did). Tried and dropped: the speaker's organisation for an amount in a quote (real-page
    subject accuracy 0.570 -> 0.544), and the subject of the paragraph's previous amount (real-page
    claims F1 0.539 without it, 0.530 with it; seeds 0.697, 0.667)."""
    rules = {"subject_paired_list": subject_paired_list, "subject_joint": subject_joint,
             "subject_measure_owner": subject_measure_owner,
             "subject_clause": lambda d, x: subject_clause(d, x, comparison), "subject_after": subject_after,
             "subject_currency": subject_currency}
    for name in SUBJECT_RULES:
        if on(doc, name):
            found = rules[name](doc, q)
            if found is not None and (found[0] is None or found[0] != comparison):  # (None, None): no one
                return (*found, name)
    if earlier is not None and earlier[0] is not None and earlier[0] != comparison:
        return (*earlier, "inherit_within_sentence")
    if earlier is not None and earlier[0] is None and earlier_rule in NO_OWNER_RULES | {"inherit_within_sentence"}:
        return None, None, "inherit_within_sentence"  # 日圓升值0.3%，報155.90日圓: the currency's still
    if on(doc, "subject_aggregate") and subject_aggregate(doc, q):
        return None, None, "subject_aggregate"
    if on(doc, "subject_counted") and subject_counted(doc, q):
        return None, None, "subject_counted"
    if on(doc, "subject_sentence"):
        found = subject_sentence(doc, q)
        if found is not None and (found[0] is None or found[0] != comparison):  # (None, None): no one
            return (*found, "subject_sentence")
    if on(doc, "subject_national"):
        found = subject_national(doc, measure)
        if found is not None and found[0] != comparison:
            return (*found, "subject_national")
    if on(doc, "subject_article"):
        found = article_topic(doc)
        if found is not None and found[0] != comparison:
            return (*found, "subject_article")
    return None, None, None


#: the article's topic is an organisation named at least this often (and more than any other)
TOPIC_MIN_MENTIONS = 3


def article_topic(doc: Doc) -> Found | None:
    """The company the article is about: the organisation named at least ``TOPIC_MIN_MENTIONS`` times
    and more often than any other (no outlet), where it is a company (or of no known kind). A
    government body, court, regulator or analyst that leads an article reports on others' amounts:
    taking it scored real-page claims 0.550, not taking it 0.567; taking the most named company
    instead, 0.556."""
    if "article_topic" not in doc.cache:
        kinds = entity_kinds(doc)
        counts = sorted(((len(e.mentions), e.id) for e in doc.entities if e.label == "ORG" and kinds.get(e.id) != "outlet"),
                        reverse=True)
        pick = None
        if counts and counts[0][0] >= TOPIC_MIN_MENTIONS and (len(counts) == 1 or counts[0][0] > counts[1][0]) \
                and kinds.get(counts[0][1]) in (None, "company"):
            e = entity_by_id(doc)[counts[0][1]]
            pick = (e.id, e.mentions[0].text)
        doc.cache["article_topic"] = pick
    return doc.cache["article_topic"]  # type: ignore[no-any-return]
