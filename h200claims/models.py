"""The public contract: pydantic v2 models for everything the library returns.

Field names and meanings follow the annotation format (docs/annotation.md). Every span
item carries ``start``/``end`` (Python ``str`` offsets into the original input, end exclusive),
``text`` (always ``input[start:end]``) and ``rule`` (the rule or model that produced it).
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

Label = Literal["PERSON", "ORG", "GPE", "PRODUCT"]
QuantityKind = Literal["percent", "multiple", "money", "count", "duration", "date", "measure"]
Bound = Literal["gt", "lt", "le", "ge"]
QuoteKind = Literal["direct", "indirect"]


class Span(BaseModel):
    """A stretch of the original text."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: str = Field(description="name of the rule or model that produced this item")

    @model_validator(mode="after")
    def _length_matches(self) -> "Span":
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}, {self.end}) does not fit its text {self.text!r}")
        return self


class Mention(Span):
    """One occurrence of an entity's name."""

    label: Label
    entity: str = Field(description="id of the entity this mention belongs to")


class Entity(BaseModel):
    """A person, organisation, place or product, with every mention of it in the article."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: Label
    name: str = Field(description="canonical name: the lexicon's (English where known), else the English name the "
                      "article gives, else the name as the article first writes it, in its script")
    aliases: list[str] = Field(default_factory=list, description="other names, scripts, languages")
    titles: list[str] = Field(default_factory=list, description="roles the article gives (部長, 執行長)")
    affiliation: str | None = Field(default=None, description="id of the body it speaks for")
    mentions: list[Mention] = Field(default_factory=list)


class Quantity(Span):
    """An amount, normalised."""

    kind: QuantityKind
    value: float | None = None
    unit: str | None = None
    approx: bool = False
    bound: Bound | None = None
    low: float | None = None
    high: float | None = None
    from_value: float | None = None
    to_value: float | None = None
    currency_from: str | None = Field(
        default=None, description="for a bare 元 (塊錢, 圓): how its currency was chosen, e.g. 'currency word: 港元', "
                                  "'outlet: 中央社', 'place: 香港', 'script: Traditional'")


class Quote(Span):
    """A statement attributed to a speaker; the span is the content."""

    kind: QuoteKind
    speaker: str | None = Field(default=None, description="entity id of the speaker, null if unnamed")
    speaker_text: str | None = Field(default=None, description="words the article uses for the speaker")
    cue: str | None = None
    via: str | None = Field(default=None, description="entity id of the relaying outlet or report")


class TextRange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: int
    end: int


class QuoteClaim(BaseModel):
    """Someone said something."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["quote"] = "quote"
    speaker: str | None
    speaker_text: str | None
    content: str
    kind: QuoteKind
    cue: str | None
    via: str | None
    evidence: TextRange
    sentence: TextRange
    rule: str


class QuantityClaim(BaseModel):
    """Someone (or the article) states an amount of something about a subject."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["quantity"] = "quantity"
    quantity: Quantity
    measure: str | None = Field(default=None, description="what is measured, as the article puts it")
    measure_rule: str | None = Field(default=None, description="the rule that found the measure (claims/measure.py), "
                                                               "null when none did")
    subject: str | None = Field(default=None, description="entity id the amount is about")
    subject_text: str | None = None
    subject_rule: str | None = Field(default=None, description="the rule that chose the subject (claims/subject.py), "
                                                               "null when none did")
    comparison: str | None = Field(default=None, description="entity id it is compared with")
    direction: Literal["up", "down"] | None = Field(
        default=None, description="which way the amount moved (年增22.3% up, 下降5.5% down); the value stays as written")
    basis: Literal["year_on_year", "previous_period"] | None = Field(
        default=None, description="what the change is measured against: 同比/年增 year on year, 環比/季增 the previous period")
    direction_text: str | None = Field(default=None, description="the words that gave direction and basis")
    period: str | None = Field(default=None, description="the period the amount refers to, in ISO form (2025-Q3, "
                                                         "2025-12, 2026), from a date in its clause or sentence")
    source: str | None = Field(description="entity id of who states it, 'article' when no one is quoted, "
                                           "null for an unnamed source (see source_text)")
    source_text: str | None = None
    evidence: TextRange
    sentence: TextRange
    rule: str


Claim = Annotated[Union[QuoteClaim, QuantityClaim], Field(discriminator="type")]


class ArticleClaims(BaseModel):
    """Everything extracted from one article: ``entities`` (with their mentions), ``quantities``,
    ``quotes`` and ``claims``, with exact offsets into ``text``; ``model_dump_json()`` serialises it.

    >>> import h200claims
    >>> r = h200claims.extract("王小明表示，今年營收成長25%。", date="2025-12-10")
    >>> r.date, [q.text for q in r.quotes], [c.type for c in r.claims]
    ('2025-12-10', ['今年營收成長25%'], ['quote', 'quantity'])
    """

    model_config = ConfigDict(extra="forbid")

    source: str | None = Field(default=None, description="file the article was read from")
    date: str | None = Field(default=None, description="article date, YYYY-MM-DD")
    text: str = Field(description="the text all offsets refer to")
    offsets_refer_to: Literal["input", "html_text"] = Field(
        default="input", description="'html_text' when tags were stripped from HTML input first")
    body: list[tuple[int, int]] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="what the user should know about this result "
                                "(an empty body although the text holds prose, say)")

    @model_validator(mode="after")
    def _offsets_are_sacred(self) -> "ArticleClaims":
        n = len(self.text)
        for item in self.spans():
            if item.end > n or self.text[item.start:item.end] != item.text:
                raise ValueError(f"{item.rule}: span [{item.start}, {item.end}) does not match the text")
        return self

    def spans(self) -> list[Span]:
        """Every span item (mentions, quantities, quotes) in one list; each obeys
        ``text[start:end] == span.text``.

        >>> import h200claims
        >>> r = h200claims.extract("王小明表示，今年營收成長25%。")
        >>> all(r.text[s.start:s.end] == s.text for s in r.spans())
        True
        """
        out: list[Span] = [m for e in self.entities for m in e.mentions]
        out.extend(self.quantities)
        out.extend(self.quotes)
        return out

    @property
    def mentions(self) -> list[Mention]:
        """Every entity mention, in text order.

        >>> import h200claims
        >>> [(m.text, m.label) for m in h200claims.extract("輝達執行長黃仁勳表示，需求強勁。").mentions]
        [('輝達', 'ORG'), ('黃仁勳', 'PERSON')]
        """
        return sorted((m for e in self.entities for m in e.mentions), key=lambda m: m.start)

    def to_gold(self) -> dict[str, Any]:
        """The result in the gold JSON format (``docs/annotation.md``), ready to be scored by
        ``h200claims eval``.

        >>> import h200claims
        >>> g = h200claims.extract("王小明表示，今年營收成長25%。").to_gold()
        >>> sorted(g)[:4], g["quantities"][0]["value"]
        (['article', 'body', 'date', 'entities'], 25.0)
        """
        from h200claims.output.gold import to_gold

        return to_gold(self)

    def to_dataframe(self) -> Any:
        """Claims as a pandas DataFrame, one row a claim (needs pandas).

        >>> import h200claims
        >>> df = h200claims.extract("王小明表示，今年營收成長25%。").to_dataframe()
        >>> sorted(df["type"].unique())
        ['quantity', 'quote']
        """
        from h200claims.output.table import to_dataframe

        return to_dataframe(self)

    def _repr_html_(self) -> str:
        """The article with its highlights, for a notebook cell (the same page as ``show --html``).

        >>> import h200claims
        >>> "<mark" in h200claims.extract("王小明表示，今年營收成長25%。")._repr_html_()
        True
        """
        from h200claims.output.html import render

        return render(self)
