"""The domain lexicon: entities with their names in every script and language.

Files: data/lexicon/*.tsv, one entity a line:
    id <TAB> label <TAB> canonical <TAB> name|name|... [<TAB> affiliation id [<TAB> kind]]
Names may be written in either script; they are matched through the Simplified view. ``kind``
says what sort of body it is (outlet, think_tank, company, government, legislature, party,
court, ...; see ``KINDS``), which the quote rules use (該公司, 該智庫, 報導).

A user lexicon is a file (or a list of lines) in the same format, validated the same way, added to
the package's: ``Extractor(lexicon=["my_names.tsv"])`` or ``h200claims extract --lexicon my_names.tsv``.

    >>> lex = build(["wang_xm\\tPERSON\\tWang Xiaoming\\t王小明|王曉明"])
    >>> lex.by_id["wang_xm"].names
    ('王小明', '王曉明')
    >>> lex.view_names["王晓明"]
    ('wang_xm',)
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from h200claims.errors import H200ClaimsConfigError
from h200claims.text.script import simplified_view

LABELS = ("PERSON", "ORG", "GPE", "PRODUCT")
KINDS = ("", "person", "place", "product", "company", "outlet", "think_tank", "government", "legislature",
         "party", "court", "prosecutors", "regulator", "central_bank", "university", "organisation")


@dataclass(frozen=True)
class LexEntry:
    id: str
    label: str
    canonical: str
    names: tuple[str, ...]
    affiliation: str | None = None
    kind: str = ""
    source: str = field(default="", compare=False)
    whole_word: bool = field(default=False, compare=False)  # matched only as whole words (see parse_lines)


#: a line of a lexicon file that makes its entries whole-word names: they are not added to the
#: tokenizer's words and match only where the tokens begin and end with them (宏正 is no company
#: in 張宏正, 達新 none in 營收達|新台幣)
WHOLE_WORDS = "#! whole words"


def parse_lines(lines: Iterable[str], source: str) -> list[LexEntry]:
    """Entries of one TSV file (or list of lines); a bad line raises naming the source and line."""
    out: list[LexEntry] = []
    whole_word = False
    for n, line in enumerate(lines, 1):
        if line.startswith(WHOLE_WORDS):  # short names that are also pieces of words (listed companies)
            whole_word = True
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or cols[1] not in LABELS or not cols[0].strip():
            raise H200ClaimsConfigError(
                f"{source}:{n}: expected id, label ({'/'.join(LABELS)}), canonical, names[, affiliation[, kind]]")
        names = tuple(x.strip() for x in cols[3].split("|") if x.strip())
        if not names:
            raise H200ClaimsConfigError(f"{source}:{n}: no names")
        aff = cols[4].strip() if len(cols) > 4 and cols[4].strip() else None
        kind = cols[5].strip() if len(cols) > 5 else ""
        if kind not in KINDS:
            raise H200ClaimsConfigError(f"{source}:{n}: unknown kind {kind!r}; known: {', '.join(k for k in KINDS if k)}")
        out.append(LexEntry(cols[0].strip(), cols[1], cols[2].strip(), names, aff, kind, source, whole_word))
    return out


class Lexicon:
    """A set of entries with the look-ups the stages need (built lazily, once)."""

    def __init__(self, entries: Iterable[LexEntry], key: tuple[str, ...] = ()) -> None:
        self.entries: tuple[LexEntry, ...] = tuple(entries)
        self.key = key  # what it was built from: () for the package's own
        seen: dict[str, str] = {}
        for e in self.entries:
            if e.id in seen:
                raise H200ClaimsConfigError(f"{e.source}: id {e.id!r} already defined in {seen[e.id]}")
            seen[e.id] = e.source

    @cached_property
    def by_id(self) -> dict[str, LexEntry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def view_names(self) -> dict[str, tuple[str, ...]]:
        """Matching-view form of every name -> ids of the entries that carry it."""
        table: dict[str, list[str]] = {}
        for e in self.entries:
            for name in e.names:
                k = simplified_view(name)
                if e.id not in table.setdefault(k, []):
                    table[k].append(e.id)
        return {k: tuple(v) for k, v in table.items()}

    @cached_property
    def automaton(self) -> Any:
        """An Aho-Corasick automaton of every name's matching-view form (value: its length).

        pyahocorasick builds it in about 15 ms; the equivalent trie regex took 0.2-0.3 s of every
        cold start to compile. Its ``iter_long`` is not used: it misses a match that ends where a
        longer name was still possible (``find`` keeps the longest by hand instead)."""
        import ahocorasick

        auto = ahocorasick.Automaton()
        for name in self.view_names:
            if name:
                auto.add_word(name, len(name))
        auto.make_automaton()
        return auto

    def find(self, view: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Spans of names in ``view[start:end]``, leftmost first and the longest at each start,
        never overlapping: what a longest-first alternation's ``finditer`` gives.

        >>> lex = build(["a\\tORG\\tA\\t中華電|中華電信", "b\\tGPE\\tB\\t中華"])
        >>> [("中华电信与中华"[s:e]) for s, e in lex.find("中华电信与中华")]  # on the matching view
        ['中华电信', '中华']
        """
        end = len(view) if end is None else end
        if end <= start or not self.view_names:
            return []
        longest: dict[int, int] = {}
        for last, n in self.automaton.iter(view, start, end):
            s = last + 1 - n
            if n > longest.get(s, 0):
                longest[s] = n
        out: list[tuple[int, int]] = []
        free = start
        for s in sorted(longest):
            if s >= free:
                free = s + longest[s]
                out.append((s, free))
        return out


@lru_cache(maxsize=1)
def default() -> Lexicon:
    """The package's lexicon (data/lexicon/*.tsv)."""
    out: list[LexEntry] = []
    folder = resources.files("h200claims.data").joinpath("lexicon")
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".tsv"):
            out.extend(parse_lines(f.read_text(encoding="utf-8").splitlines(), "lexicon/" + f.name))
    return Lexicon(out)


@lru_cache(maxsize=8)
def _build(key: tuple[str, ...]) -> Lexicon:
    extra: list[LexEntry] = []
    for item in key:
        if "\t" in item:  # an entry given as a line
            extra.extend(parse_lines([item], "<lexicon entry>"))
            continue
        p = Path(item)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise H200ClaimsConfigError(f"{p}: cannot read the lexicon file ({e.strerror or e})") from None
        extra.extend(parse_lines(text.splitlines(), str(p)))
    return Lexicon(default().entries + tuple(extra), key)


def build(items: Iterable[str | Path] | None) -> Lexicon:
    """The package's lexicon plus user entries: TSV file paths, or TSV lines (with tabs)."""
    key = tuple(str(i) for i in items or ())
    return _build(key) if key else default()


# the package lexicon's look-ups, for code that has no Doc at hand
def entries() -> tuple[LexEntry, ...]:
    return default().entries


def view_names() -> dict[str, tuple[str, ...]]:
    return default().view_names
