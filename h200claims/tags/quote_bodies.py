"""Organisations as speakers: the body a description or 它 stands for, an outlet's reporter, a spokesperson."""
from __future__ import annotations

from h200claims.tags.quote_state import Speaker, State
from h200claims.tags.quote_words import words


def resolve_description(st: State, desc: str, at: int | None = None) -> str | None:
    """The body a description stands for: 該公司 → the company named last; a bare 公司 or 集團
    (no 該 / 這) → the company the article is about (``salient_org``), as does any company
    description the article named none of before."""
    kind = words().descriptions[desc]
    if kind == "report":
        return st.last_of_kind.get("report") or st.last_of_kind.get("think_tank") or st.last_of_kind.get("outlet")
    if kind == "company" and at is not None and st.on("salient_org") and (
            desc[0] not in "该这此本" or kind not in st.last_of_kind):
        return salient_org(st, at, kind) or st.last_of_kind.get(kind)
    return st.last_of_kind.get(kind)


def salient_org(st: State, upto: int, kind: str | None = None) -> str | None:
    """The organisation named most often before ``upto`` (of ``kind`` when it has one such, else
    any), the later one on a tie: the body an article's 集團說 / 它指出 refers to. Counts are kept
    as the reader goes (``State.see``), so each call costs the number of organisations, not mentions."""
    st.see(upto)
    counts = st.org_count
    if not counts:
        return None
    pool = [i for i in counts if st.kinds.get(i) == kind] or list(counts)
    return max(pool, key=lambda i: (counts[i], st.org_last[i]))


#: the outlet's own staff: 新京報記者注意到 is the outlet speaking
REPORTERS = ("记者", "编辑部", "调查团队")


def outlet_reporter(st: State, s: int, e: int) -> Speaker | None:
    """An outlet's reporter as speaker (新京報記者注意到，…): the outlet, as the guidelines make an
    outlet's own report its speech."""
    view = st.doc.view
    for r in REPORTERS:
        if view.endswith(r, s, e):
            end = e - len(r) - (1 if view[e - len(r) - 1:e - len(r)] == "》" else 0)  # 《聯合報》記者
            named = [m for m in st.mentions_in(s, end + 1) if m[1] in (end, end + 1) and st.kinds.get(m[2]) == "outlet"]
            if named and st.on("outlet_reporter"):
                a = named[-1][0] - (1 if view[named[-1][0] - 1:named[-1][0]] == "《" else 0)
                return Speaker(named[-1][2], st.doc.text[a:e])
    return None


#: a spokesperson's title, and how far after it a name may follow (海關總署新聞發言人、統計分析司司長呂大良)
SPOKESPERSON = "发言人"
HOLDER_REACH = 16
#: how far from the clause the article's naming of the spokesperson is sought (keeps a call bounded)
SPOKESPERSON_REACH = 5000


def spokesperson(st: State, s: int, e: int) -> Speaker | None:
    """An unnamed spokesperson (海關總署新聞發言人表示): the person the article names elsewhere as
    that body's spokesperson; None when it names no one (the guidelines keep 白宮官員 unnamed)."""
    view = st.doc.view
    if not view.endswith(SPOKESPERSON, s, e) or not st.on("spokesperson"):
        return None
    head = e - len(SPOKESPERSON)
    orgs = [m for m in st.mentions_in(s, head) if m[3] in ("ORG", "GPE")]
    body = view[orgs[-1][0]:orgs[-1][1]] if orgs else None
    lo, hi = max(0, head - SPOKESPERSON_REACH), head + SPOKESPERSON_REACH
    at = view.find(SPOKESPERSON, lo, hi)
    while at >= 0:
        if at != head and (body is None or body in view[max(0, at - 12):at]):
            people = [m for m in st.mentions_in(at, at + len(SPOKESPERSON) + HOLDER_REACH) if m[3] == "PERSON"]
            between = view[at + len(SPOKESPERSON):people[0][0]] if people else "。"
            if people and not any(c in between for c in ",，。:：;；"):
                return Speaker(people[0][2], st.doc.text[s:e])
        at = view.find(SPOKESPERSON, at + 1, hi)
    return None
