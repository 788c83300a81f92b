"""The merge policy: which source's mention wins where the lexicon, the rules and the model overlap.

spaCy names this choice (an ``entity_ruler`` before or after ``ner``, ``overwrite_ents``); here it
is data, ``merge`` in ``data/pipeline.json``: for each label, tiers of sources, earliest first.
Inside a tier the longest mention wins (then the higher priority, then the earlier) and a rule's
name may not cut through a lexicon name; a later tier only fills the gaps an earlier tier left. A
source missing from a label's tiers never gives that label.

    >>> from h200claims.doc import MentionCandidate as C
    >>> policy = {"PERSON": [["lexicon", "rules"], ["model"]]}
    >>> got = merge([C(0, 3, "PERSON", "model:crf", "a"), C(0, 2, "PERSON", "cue_name", "b")], policy)
    >>> [(c.start, c.end, c.rule) for c in got]
    [(0, 2, 'cue_name')]
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from h200claims.doc import MentionCandidate, SpanIndex, longest_first
from h200claims.errors import H200ClaimsConfigError

SOURCES = ("lexicon", "rules", "model", "lac")
Policy = Mapping[str, Sequence[Sequence[str]]]


def source_of(rule: str) -> str:
    """The source a mention's rule belongs to: ``lexicon``, ``lac`` (``model:lac...``, the second
    model), ``model`` (``model:...``, the CRF) or ``rules``."""
    if rule == "lexicon":
        return "lexicon"
    if rule.startswith("model:lac"):
        return "lac"
    if rule == "model" or rule.startswith("model:"):
        return "model"
    return "rules"


def check_policy(policy: Policy) -> None:
    """Refuse a policy naming an unknown source or giving a source twice for one label."""
    for label, tiers in policy.items():
        if label.startswith("_"):
            if label == "_extend" and not isinstance(tiers, dict):
                raise H200ClaimsConfigError("merge policy _extend: a map of label -> labels it may swallow")
            continue
        seen = [s for tier in tiers for s in tier]
        bad = [s for s in seen if s not in SOURCES]
        if bad or len(seen) != len(set(seen)):
            raise H200ClaimsConfigError(
                f"merge policy for {label}: tiers {tiers!r} must name each of {', '.join(SOURCES)} at most once")


def tier_of(c: MentionCandidate, policy: Policy) -> int | None:
    src = source_of(c.rule)
    for i, tier in enumerate(policy.get(c.label, ())):
        if src in tier:
            return i
    return None


def crosses_lexicon(c: MentionCandidate, lex: "set[MentionCandidate] | list[MentionCandidate]") -> bool:
    """A rule-made name that cuts through a lexicon name (華府|不) is wrong about its edges."""
    return any(c.start < x.end and x.start < c.end and not (c.start <= x.start and x.end <= c.end) for x in lex)


def resolve_tier(cands: list[MentionCandidate]) -> list[MentionCandidate]:
    """Non-overlapping mentions of one tier: the longest wins, then the higher priority, then the earlier."""
    lex_at: dict[int, list[MentionCandidate]] = {}
    for x in cands:
        if x.rule == "lexicon":
            for i in range(x.start, x.end):
                lex_at.setdefault(i, []).append(x)
    return longest_first([c for c in cands if c.rule == "lexicon" or not crosses_lexicon(
        c, {x for i in range(c.start, c.end) for x in lex_at.get(i, ())})], tiebreak=lambda c: -c.priority)


def extends(c: MentionCandidate, inside: list[MentionCandidate], policy: Policy) -> bool:
    """Whether a later tier's ``c`` may replace the earlier mentions it overlaps: all lie inside it,
    the first starts where it starts, and their labels are ones ``_extend`` lets ``c``'s label
    swallow (a place prefix: 日本|播州訪華團 as one ORG), or ``LABEL:source`` (``LABEL:rule``) a label only
    as that source (rule) found it: a model's PERSON 晶宏 inside the company 晶宏半導體, never the
    lexicon's 川普; a one-character country 歐 opening the name of a person named before (歐偉傑又指)."""
    extend: Any = policy.get("_extend", {})
    allowed = extend.get(c.label, ())
    return bool(inside) and inside[0].start == c.start and all(
        c.start <= x.start and x.end <= c.end and (x.end - x.start) < (c.end - c.start)
        and (x.label in allowed or f"{x.label}:{source_of(x.rule)}" in allowed or f"{x.label}:{x.rule}" in allowed)
        for x in inside)


def merge(cands: list[MentionCandidate], policy: Policy) -> list[MentionCandidate]:
    """The mentions that survive the policy, in text order."""
    tiers: dict[int, list[MentionCandidate]] = {}
    for c in cands:
        t = tier_of(c, policy)
        if t is not None:
            tiers.setdefault(t, []).append(c)
    kept: list[MentionCandidate] = []
    for t in sorted(tiers):
        taken = SpanIndex([(c.start, c.end, c) for c in kept])
        gone: set[int] = set()  # a tier's mentions never overlap, so each earlier one goes at most once
        add = []
        for c in resolve_tier(tiers[t]):
            if not taken.overlaps(c.start, c.end):
                add.append(c)
                continue
            inside = [x[2] for x in taken.within(c.start, c.end)]
            if extends(c, inside, policy) and not _crosses_end(taken, c):
                gone.update(id(x) for x in inside)
                add.append(c)
        kept = [c for c in kept if id(c) not in gone] + add
    return sorted(kept, key=lambda c: c.start)


def _crosses_end(taken: SpanIndex, c: MentionCandidate) -> bool:
    """An earlier mention that runs past ``c``'s end blocks the extension (one crossing its start
    cannot exist: ``extends`` wants the first mention inside to start where ``c`` starts)."""
    hit = taken.containing(c.end - 1, c.end)
    return hit is not None and hit[0] < c.end < hit[1]
