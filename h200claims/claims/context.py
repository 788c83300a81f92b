"""What every claim rule reads: the claim words of ``data/claims.json``, an amount's clause, and the
mentions and quantities indexed once per Doc."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from h200claims import data
from h200claims.doc import Doc, SpanIndex
from h200claims.models import Quantity
from h200claims.patterns import alternation
from h200claims.registry import RuleTable
from h200claims.text.script import simplified_view as v

CLAUSE_BREAK = regex.compile(r"[,，;；:：。!?！？\n]")

#: the claim rules, each switchable by name (``Extractor(disable=[...])``, ``eval --ablate``)
RULES = RuleTable("claims")
RULES.switch("measure_after", "measure_phrase", "measure_listed", "measure_following", "measure_counted", "measure_verb",
             "measure_earlier_clause",
             "subject_paired_list", "subject_joint", "subject_measure_owner", "subject_clause", "subject_after",
             "subject_currency", "subject_aggregate", "subject_counted", "subject_sentence", "subject_national", "subject_article",
             "inherit_within_sentence", "period")


def on(doc: Doc, rule: str) -> bool:
    """Whether the claim rule ``rule`` runs (not switched off in the Extractor's config)."""
    return rule not in doc.settings.get("disabled", ())


@dataclass(frozen=True)
class ClaimWords:
    measure_re: Any
    measure_nouns: frozenset[str]
    link_re: Any
    link_words: frozenset[str]  # what may stand between a measure and its amount
    link_not_after: dict[str, str]  # a link word after these characters is part of a word (賣|超)
    piece_chars: frozenset[str]
    phrase_max: int
    nouns: frozenset[str]
    verbs: frozenset[str]  # verbs proper (tag v): a measure where no noun names it (交付3.1萬輛)
    verb_piece_stops: frozenset[str]  # one-character words that never join a verb (遭|罰 joins, 的|罰 not)
    owner_gap_re: Any
    descriptions: dict[str, str]
    description_heads: dict[str, str]  # 該集團 → 集團: the word the entity it stands for is named with
    home_places: dict[str, str]  # the market's currency → its place (我國 in a TWD article → taiwan)
    joint_re: Any  # two owners at once (中美, 兩岸): an amount about them has no one subject
    unnamed_after_place: tuple[str, ...]  # 美國|企業: a place that only says where the subject is from
    description_re: Any
    pairing_re: Any
    publish_re: Any  # a body that publishes data is the data's source, not its owner (勞動部公布…數據)
    not_subject_before: frozenset[str]  # a name right after one of these is no clause's subject (對中國, 在美國)
    national_re: Any  # 進出口, GDP: a measure of a whole economy (subject_national)
    self_counted: frozenset[str]  # 家: a count of bodies no clause names is its own subject (subject_counted)
    owned_units_re: Any  # 每股: a share's figure is its company's, even 平均每股盈餘
    aggregate_re: Any  # 全球, 平均: the amount is a whole market's or population's (subject_aggregate)
    object_verbs: frozenset[str]  # a name right after one is its object (收購|花旗集團…業務), no subject
    not_subject_after_words: tuple[str, ...]  # nor right after these words (受|中國防疫封鎖影響, 來自|歐洲的)
    joiners: tuple[str, ...]
    comparison: tuple[str, ...]
    comparison_verbs: tuple[str, ...]  # 落後|蔚來|13輛: the name right after one is what the amount is compared with
    direction_re: Any  # a direction word (up or down) at the end of the text before an amount
    directions: dict[str, str]
    basis_re: Any
    bases: dict[str, str]
    direction_reach: int
    basis_reach: int
    between: Any  # words that may stand between a direction word and its amount (年增約22.3%, 下降了5.5%)


def _tagged(name: str, tags: tuple[str, ...] | None = None) -> frozenset[str]:
    """The words of a ``word<TAB>tag`` data file (those with one of ``tags``, where given)."""
    rows = (ln.split("\t", 1) for ln in data.read_text(name).splitlines() if ln and not ln.startswith("#"))
    return frozenset(w for w, t in rows if tags is None or t in tags)


def joint_pattern(joint_words: list[str]) -> Any:
    """Two different one-character countries side by side (中美, 美日; not 中華, nor 中美洲), or a word
    that names two sides (兩岸)."""
    countries = data.load_json("entity_rules.json")["one_char_countries"]
    chars = "".join(sorted({v(c) for c in countries}))
    return regex.compile(rf"(?P<a>[{chars}])(?!(?P=a))[{chars}](?!洲)|" + alternation(v(w) for w in joint_words))


@lru_cache(maxsize=1)
def words() -> ClaimWords:
    cfg = data.load_json("claims.json")
    alt = alternation(v(m) for m in cfg["measure_nouns"])
    link = {v(x) for x in cfg["measure_link_words"] + cfg["direction_between"] + cfg["direction_up"]
            + cfg["direction_down"] + cfg["basis_year_on_year"] + cfg["basis_previous_period"]
            + [w for w in cfg["owner_gap_words"] if len(w) > 1 and w != "的"]}  # 貿易額|去年|達
    return ClaimWords(
        measure_re=regex.compile(alt),
        measure_nouns=frozenset(v(m) for m in cfg["measure_nouns"]),
        link_re=regex.compile(v(cfg["measure_link"]).replace("MEASURE", alt) + "$"),
        link_words=frozenset(link),
        link_not_after={v(k): v(x) for k, x in cfg["link_not_after"].items()},
        piece_chars=frozenset(v("".join(cfg["measure_piece_chars"]))),
        phrase_max=cfg["measure_phrase_max"],
        nouns=_tagged("nouns.txt"),
        verbs=_tagged("verbs.txt", ("v",)),
        verb_piece_stops=frozenset(v(cfg["verb_piece_stops"])),
        owner_gap_re=regex.compile("^(?:" + alternation(v(x) for x in cfg["owner_gap_words"]) + ")*$"),
        descriptions={v(k): kind for k, kind in cfg["subject_descriptions"].items()},
        description_heads={v(k): v(h) for k, h in cfg["description_heads"].items() if not k.startswith("_")},
        home_places={k: p for k, p in cfg["home_places"].items() if not k.startswith("_")},
        joint_re=joint_pattern(cfg["joint_owners"]["words"]),
        unnamed_after_place=tuple(v(w) for w in cfg["unnamed_after_place"]["words"]),
        description_re=regex.compile(alternation(v(k) for k in cfg["subject_descriptions"])),
        pairing_re=regex.compile(alternation(v(x) for x in cfg["pairing_cues"])),
        publish_re=regex.compile(alternation(v(x) for x in cfg["publish_words"])),
        not_subject_before=frozenset(v(x) for x in cfg["not_subject_before"]),
        national_re=regex.compile(alternation(v(x) for x in cfg["national_measures"]["words"])),
        self_counted=frozenset(v(x) for x in cfg["self_counted_classifiers"]["words"]),
        aggregate_re=regex.compile(alternation(v(x) for x in cfg["aggregate_words"]["words"])),
        owned_units_re=regex.compile(alternation(v(x) for x in cfg["aggregate_words"]["owned_units"])),
        object_verbs=frozenset(v(x) for x in cfg["object_verbs"]),
        not_subject_after_words=tuple(v(x) for x in cfg["not_subject_after_words"]),
        joiners=tuple(sorted({v(x) for x in cfg["list_joiners"]}, key=len, reverse=True)),
        comparison=tuple(sorted({v(c) for c in cfg["comparison_cues"]}, key=len, reverse=True)),
        comparison_verbs=tuple(v(c) for c in cfg["comparison_verbs"]),
        direction_re=regex.compile(alternation(v(w) for w in cfg["direction_up"] + cfg["direction_down"])),
        directions={**{v(w): "up" for w in cfg["direction_up"]}, **{v(w): "down" for w in cfg["direction_down"]}},
        basis_re=regex.compile(alternation(v(w) for w in cfg["basis_year_on_year"] + cfg["basis_previous_period"])),
        bases={**{v(w): "year_on_year" for w in cfg["basis_year_on_year"]},
               **{v(w): "previous_period" for w in cfg["basis_previous_period"]}},
        direction_reach=cfg["direction_reach"], basis_reach=cfg["basis_reach"],
        between=regex.compile("^" + alternation(v(x) for x in cfg["direction_between"]) + "*$"),
    )


#: how far a clause reaches on each side of a quantity: text with no punctuation for thousands of
#: characters (a scrape's run-on line) must not make every quantity read all of it
CLAUSE_REACH = 200


def clause_of(doc: Doc, q: Quantity) -> tuple[int, int]:
    """The clause around a quantity: between the clause breaks before and after it, and at most
    ``CLAUSE_REACH`` characters from it on either side. Computed once per amount (cached on the Doc:
    the claim rules ask for it a dozen times each)."""
    memo = doc.cache.setdefault("clause_of", {})
    key = (q.start, q.end)
    if key not in memo:
        s, e = sentence_span(doc, q)
        before = list(CLAUSE_BREAK.finditer(doc.view, s, q.start))
        after = CLAUSE_BREAK.search(doc.view, q.end, e)
        memo[key] = (before[-1].end() if before else s), (after.start() if after else e)
    return memo[key]  # type: ignore[no-any-return]


def sentence_span(doc: Doc, q: Quantity) -> tuple[int, int]:
    """The sentence holding the amount (its paragraph where no sentence was found), bounded as a clause is,
    and by a sentence end inside it: a quote of several sentences is one sentence of the article, but
    the amount's is the one of the quote that holds it (他說：「我們…。但我們有逆差，為5040億美元。」)."""
    s, e = doc.sentence_of(q.start)
    if s == e:
        s, e = doc.paragraph_of(q.start)
    s, e = max(s, q.start - CLAUSE_REACH), min(e, q.end + CLAUSE_REACH)
    s = max([m.end() for m in SENTENCE_END.finditer(doc.view, s, q.start)] or [s])
    after = SENTENCE_END.search(doc.view, q.end, e)
    return s, after.start() if after else e


#: what ends a sentence inside a sentence of the article (a quote of several sentences)
SENTENCE_END = regex.compile(r"[。！？!?]")


def mention_index(doc: Doc) -> SpanIndex:
    """All mentions, indexed once per Doc (cached on it)."""
    if "mentions" not in doc.cache:
        doc.cache["mentions"] = SpanIndex([(m.start, m.end, (m.start, m.end, m.entity, m.label))
                                           for ent in doc.entities for m in ent.mentions])
    return doc.cache["mentions"]  # type: ignore[no-any-return]


def mentions_between(doc: Doc, s: int, e: int) -> list[tuple[int, int, str, str]]:
    return [x[2] for x in mention_index(doc).within(s, e)]


def quote_index(doc: Doc) -> SpanIndex:
    """All quotes (they never overlap: the quote stage keeps them apart), indexed once per Doc."""
    if "quotes" not in doc.cache:
        doc.cache["quotes"] = SpanIndex([(x.start, x.end, x) for x in doc.quotes])
    return doc.cache["quotes"]  # type: ignore[no-any-return]


def quantity_index(doc: Doc) -> SpanIndex:
    """All quantities, indexed once per Doc."""
    if "quantities" not in doc.cache:
        doc.cache["quantities"] = SpanIndex([(q.start, q.end, q) for q in doc.quantities])
    return doc.cache["quantities"]  # type: ignore[no-any-return]


def token_ending_at(doc: Doc, pos: int) -> tuple[int, int] | None:
    """The token that ends at ``pos``, if a token does."""
    if "token_by_end" not in doc.cache:
        doc.cache["token_by_end"] = {e: (s, e) for s, e in doc.tokens}
    return doc.cache["token_by_end"].get(pos)  # type: ignore[no-any-return]
