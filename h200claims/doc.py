"""The shared Doc every pipeline component reads and writes (like spaCy's Doc)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from h200claims.models import Entity, Quantity, Quote


@dataclass
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
    body: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)
    candidates: list[MentionCandidate] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _token_ends: set[int] = field(default_factory=set, repr=False)

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

    def spacy(self, nlp: Any = None) -> Any:
        """A spaCy Doc over the original text with this Doc's tokens."""
        from h200claims.tokens.spacy_doc import make_doc

        if nlp is None:
            import spacy

            nlp = spacy.blank("zh")
        return make_doc(nlp.vocab, self.text, self.tokens)
