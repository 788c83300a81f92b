"""The shared Doc every pipeline component reads and writes (like spaCy's Doc)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from h200claims.models import Entity, Quantity, Quote


@dataclass(eq=False)
class MentionCandidate:
    """A proposed entity mention before grouping."""

    start: int
    end: int
    label: str
    rule: str
    key: str  # lexicon id, or the normalised name for unknown names
    priority: int = 0  # higher wins an overlap of equal length
    title: str | None = None  # a title found next to the name (部長)
    title_org: str | None = None  # the body named inside that title (美國商務部 in 美國商務部長)


@dataclass
class Doc:
    text: str
    view: str
    date: str | None = None
    source: str | None = None
    content_start: int = 0
    settings: dict[str, Any] = field(default_factory=dict)
    lexicon: Any = None  # data.lexicon.Lexicon: the package's, plus the user's (Extractor(lexicon=...))
    body: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)
    candidates: list[MentionCandidate] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _token_ends: set[int] = field(default_factory=set, repr=False)

    def __post_init__(self) -> None:
        if self.lexicon is None:
            from h200claims.data import lexicon

            self.lexicon = lexicon.default()

    def in_body(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.body)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence containing offset ``pos`` (or an empty range at pos)."""
        i = bisect.bisect_right(self.sentences, (pos, len(self.text) + 1)) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.paragraphs, (pos, len(self.text) + 1)) - 1
        if i >= 0 and self.paragraphs[i][0] <= pos < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return (pos, pos)

    def set_tokens(self, tokens: list[tuple[int, int]]) -> None:
        self.tokens = tokens
        self._token_starts = [s for s, _ in tokens]
        self._token_ends = {e for _, e in tokens}

    def at_token_boundary(self, pos: int) -> bool:
        """True when ``pos`` starts a token (or the tokens were not computed)."""
        if not self.tokens:
            return True
        i = bisect.bisect_left(self._token_starts, pos)
        return (i < len(self._token_starts) and self._token_starts[i] == pos) or pos in self._token_ends

    def tokens_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Tokens lying inside [start, end), found by bisection."""
        i = bisect.bisect_left(self._token_starts, start)
        out = []
        while i < len(self.tokens) and self.tokens[i][1] <= end:
            out.append(self.tokens[i])
            i += 1
        return out

    def spacy(self, nlp: Any = None) -> Any:
        """A spaCy Doc over the original text with this Doc's tokens and the entity mentions as
        ``doc.ents`` (those that fall on token boundaries), ready for Matcher, Span and displacy."""
        from h200claims.tokens.spacy_doc import make_doc

        if nlp is None:
            import spacy

            nlp = spacy.blank("zh")
        if not self.tokens:
            self.set_tokens([(0, len(self.text))] if self.text else [])
        covered = _tile(self.tokens, len(self.text))
        sdoc = make_doc(nlp.vocab, self.text, covered)
        ents = []
        for e in self.entities:
            for m in e.mentions:
                span = sdoc.char_span(m.start, m.end, label=m.label)
                if span is not None:
                    ents.append(span)
        sdoc.ents = sorted(ents, key=lambda s: s.start_char)
        return sdoc


def longest_first(items: list[Any], tiebreak: Any = None) -> list[Any]:
    """Non-overlapping items (anything with .start and .end): the longest wins, then ``tiebreak``
    (a key function, smaller first), then the earlier; the result is in text order."""
    taken: set[int] = set()
    keep = []
    for it in sorted(items, key=lambda x: (-(x.end - x.start), tiebreak(x) if tiebreak else 0, x.start)):
        span = range(it.start, it.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        keep.append(it)
    return sorted(keep, key=lambda x: x.start)


def _tile(tokens: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Tokens plus the gaps between them (text outside the body), so they tile the whole text."""
    out, pos = [], 0
    for s, e in tokens:
        if s > pos:
            out.append((pos, s))
        out.append((s, e))
        pos = e
    if pos < n:
        out.append((pos, n))
    return out


class SpanIndex:
    """Non-overlapping (start, end, payload) items sorted by start, queried by bisection.

    Keeps lookups logarithmic, so a rule that asks 'which names lie in this clause?' for every
    clause stays linear in the length of the article.
    """

    def __init__(self, items: list[tuple[int, int, Any]]) -> None:
        self.items = sorted(items, key=lambda x: (x[0], x[1]))
        self.starts = [x[0] for x in self.items]
        self._within: dict[tuple[int, int], list[tuple[int, int, Any]]] = {}

    def within(self, start: int, end: int) -> list[tuple[int, int, Any]]:
        """The items inside [start, end), in order (a list shared between calls: don't modify it;
        the claim rules ask for the same clause many times)."""
        out = self._within.get((start, end))
        if out is None:
            i = bisect.bisect_left(self.starts, start)
            j = bisect.bisect_left(self.starts, end, i)
            out = self._within[(start, end)] = [x for x in self.items[i:j] if x[1] <= end]
        return out

    def containing(self, start: int, end: int) -> tuple[int, int, Any] | None:
        """The item that holds [start, end), if any."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.items[i][1] >= end:
            return self.items[i]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.items[i - 1][1] > start:
            return True
        return i < len(self.items) and self.items[i][0] < end
