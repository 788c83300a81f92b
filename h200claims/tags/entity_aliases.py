"""An organisation named once, named again: every other occurrence of an organisation's name, of
its own name without the industry or legal word (大華銀行 … 大華第三季), and of its name without the
place it opens with (香港快運 … 快運載客量), is a mention of it.

A rule that finds a company from context (a list of listed companies, a market code) finds it
where the context is; the article then names it bare (零跑表示) where no rule looks. Short forms
made by cutting a word off must not be a common word (理想, 統一: jieba's frequency) nor start or end
inside a word of the text (a token edge on both sides).

    >>> import h200claims
    >>> r = h200claims.extract("大華銀行公布業績。大華第三季核心淨利同比增加5%至14億元。")
    >>> [(m.text, m.entity) for m in r.mentions]
    [('大華銀行', '大华银行'), ('大華', '大华银行')]
"""
from __future__ import annotations

import regex

from h200claims.doc import Doc, MentionCandidate, SpanIndex
from h200claims.patterns import compile_fast
from h200claims.tags.entity_vocab import is_common_word, occurrences, vocab

#: the shortest short form taken (characters)
SHORT_MIN = 2


def short_forms(doc: Doc, name: str, places: set[str]) -> list[str]:
    """The forms an organisation named ``name`` (Simplified view) goes by in the same article: its
    name without its legal word (新加坡航空公司 → 新加坡航空), without its industry word (大华银行 →
    大华), the stem's first character with the industry word's (新加坡航空 → 新航, 中国钢铁 → 中钢),
    without a leading place of two or three characters (香港快运 → 快运; a place the article or the
    lexicon names); each at least ``SHORT_MIN`` characters, no common word and no place."""
    voc = vocab()
    names, by_id = doc.lexicon.view_names, doc.lexicon.by_id

    def is_place(text: str) -> bool:
        return text in places or any(by_id[i].label == "GPE" for i in names.get(text, ()))

    out = []
    legal = next((w for w in voc.company_suffixes if name.endswith(w) and len(name) > len(w)), "")
    core = name[:len(name) - len(legal)]
    if legal:
        out.append(core)
    industry = next((w for w in voc.company_industry if core.endswith(w) and len(core) - len(w) >= SHORT_MIN), None)
    if industry is not None:
        stem = core[:-len(industry)]
        out += [stem, stem[0] + industry[0]]  # 大华|银行 → 大华; 新加坡|航空 → 新航, 中国|钢铁 → 中钢
    place = next((name[:n] for n in (3, 2) if is_place(name[:n])), None)
    if place is not None and not name.endswith(voc.company_suffixes):
        out.append(name[len(place):])  # not 新加坡|航空公司: a kind of company is no name
    return [f for f in out if len(f) >= SHORT_MIN and f != name and not is_common_word(f) and not is_place(f)]


def org_repeats(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Every occurrence of an organisation's name or short form that no mention covers yet, as a
    mention of that organisation (rule ``org_repeat``), where it stands on token edges; a name a rule
    found as one of its own (a new ``name:`` key) with the very span of a short form joins it."""
    view = doc.view
    places = {view[m.start:m.end] for m in mentions if m.label == "GPE"}
    forms: dict[str, str] = {}
    for m in mentions:
        if m.label != "ORG" or m.end - m.start < SHORT_MIN:
            continue
        name = view[m.start:m.end]
        if not is_common_word(name):
            forms.setdefault(name, m.key)
        for f in short_forms(doc, name, places):
            forms.setdefault(f, m.key)
    if not forms:
        return mentions
    edges = {s for s, _ in doc.tokens} | {e for _, e in doc.tokens}
    taken = SpanIndex([(m.start, m.end, None) for m in mentions])
    by_span = {(m.start, m.end): i for i, m in enumerate(mentions)}
    pattern = compile_fast("|".join(map(regex.escape, sorted(forms, key=len, reverse=True))))
    out, added = list(mentions), []
    for a, b in doc.paragraphs:
        for hit in pattern.finditer(view, a, b):
            s, e = hit.span()
            key = forms[hit.group()]
            same = by_span.get((s, e))
            if same is not None and out[same].key.startswith("name:") and out[same].key != key:
                m = out[same]  # 日航 found as a name of its own: the 日本航空 the article names
                out[same] = MentionCandidate(m.start, m.end, "ORG", m.rule, key, m.priority)
                continue
            if s not in edges or e not in edges or not doc.in_body(s, e) or taken.overlaps(s, e):
                continue
            added.append(MentionCandidate(s, e, "ORG", "org_repeat", key, priority=0))
    return sorted(out + added, key=lambda m: m.start)


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is an abbreviation of ``full``: its first character, then the rest of its
    characters in order (國泰產 of 國泰世紀產險, 中再保 of 中央再保險).

    >>> abbreviates("国泰产", "国泰世纪产险"), abbreviates("中再保", "中央再保险公司"), abbreviates("产险", "国泰世纪产险")
    (True, True, False)
    """
    if len(short) >= len(full) or short[:1] != full[:1]:
        return False
    rest = iter(full[1:])
    return all(c in rest for c in short[1:])


#: an alias in brackets after a name: an abbreviation (國泰產), or any name after 下稱 or 簡稱
#: (中國國家鐵路集團有限公司（下稱「國鐵集團」）)
ALIAS_IN_BRACKETS = regex.compile(r"\((?P<marker>(?:以下)?(?:简称|下称)(?:为)?)?[“\"「『]?(?P<short>\p{Han}{2,8})[”\"」』]?\)")


def paren_short_forms(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """An organisation's abbreviation in brackets right after its name (國泰世紀產險（國泰產）), or an
    alias it is given there (（下稱「國鐵集團」）), is a mention of it (rule ``paren_short``), whatever
    a rule read inside the brackets (the 國泰 of Cathay Pacific), and so is each other occurrence of
    it in the body, unless a longer name runs across its edge.

    >>> import h200claims
    >>> r = h200claims.extract("國泰世紀產險（國泰產）遭到懲處，其中國泰產被罰180萬元。")
    >>> [(m.text, m.entity) for m in r.mentions if m.text.startswith("國泰")]
    [('國泰世紀產險', '国泰世纪产险'), ('國泰產', '国泰世纪产险'), ('國泰產', '国泰世纪产险')]
    """
    view = doc.view
    out = list(mentions)
    for m in mentions:
        if m.label != "ORG" or view[m.end:m.end + 1] != "(":
            continue
        a = ALIAS_IN_BRACKETS.match(view, m.end)
        if a is None:
            continue
        short = a.group("short")
        if not (a.group("marker") or abbreviates(short, view[m.start:m.end])):
            continue  # (下稱「國鐵集團」) names any alias; a bare one must abbreviate the name
        s, e = a.span("short")
        out = [x for x in out if x.end <= s or x.start >= e]  # in the brackets it is the alias, whatever was read
        spans = [(s, e)] + [(i, i + len(short)) for i in occurrences(view, short) if i != s and doc.in_body(i, i + len(short))]
        for i, j in spans:  # inside it a shorter name is no mention (the 國泰 of 國泰產); one across its edge stays
            if any(x.start < j and x.end > i and (x.start < i or x.end > j) for x in out):
                continue
            out = [x for x in out if x.end <= i or x.start >= j]
            out.append(MentionCandidate(i, j, "ORG", "paren_short", m.key, m.priority))
    return sorted(out, key=lambda x: x.start)
