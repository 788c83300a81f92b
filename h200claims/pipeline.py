"""The Extractor: runs the configured components over a Doc and returns ArticleClaims."""
from __future__ import annotations

import copy
import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from h200claims import data, registry
from h200claims.doc import Doc
from h200claims.data import lexicon as lexicon_data
from h200claims.data import vocabulary as vocabulary_data
from h200claims.errors import H200ClaimsComponentError, H200ClaimsConfigError, H200ClaimsError, H200ClaimsInputError
from h200claims.tags.entity_merge import check_policy
from h200claims.models import ArticleClaims
from h200claims.text.page_date import page_date
from h200claims.text.read import article_date, date_line_end, read_article
from h200claims.text.script import simplified_view

# modules whose import registers components
COMPONENT_MODULES = (
    "h200claims.text.components",
    "h200claims.tokens.components",
    "h200claims.tags.components",
    "h200claims.claims.components",
)


def _register_all() -> None:
    for mod in COMPONENT_MODULES:
        importlib.import_module(mod)


#: settings a user may override by keyword; each must exist in data/pipeline.json
OVERRIDABLE = ("entity_rules", "quantity_rules", "merge", "model", "lac")


def resolve_config(components: list[str] | None, disable: Iterable[str], overrides: dict[str, Any]) -> dict[str, Any]:
    """The package's pipeline.json with the caller's overrides, checked: the one config an
    Extractor passes down to every component (through ``doc.settings``)."""
    _register_all()
    cfg = copy.deepcopy(data.load_json("pipeline.json"))
    unknown = sorted(set(overrides) - set(OVERRIDABLE))
    if unknown:
        raise H200ClaimsConfigError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(OVERRIDABLE)}")
    cfg.update(copy.deepcopy(overrides))
    skip = set(disable)
    registry.check_switches(skip)
    names = list(components if components is not None else cfg["components"])
    for n in names:
        registry.info(n)
    cfg["components"] = [n for n in names if n not in skip]
    registry.check_pipeline(cfg["components"])
    for key, stage in (("entity_rules", "entities"), ("quantity_rules", "quantities")):
        known = registry.rule_names().get(stage, [])
        bad = [r for r in cfg[key] if r not in known]
        if bad:
            raise H200ClaimsConfigError(f"{key}: unknown rule(s) {', '.join(bad)}; known: {', '.join(known)}")
    check_policy({k: v for k, v in cfg["merge"].items() if not k.startswith("_")})
    cfg["disabled"] = frozenset(skip)
    return cfg


def check_date(date: str, source: str | None = None) -> str:
    """A real calendar date as YYYY-MM-DD, or H200ClaimsInputError.

    >>> check_date("2025-12-10")
    '2025-12-10'
    >>> check_date("2025-13-45")
    Traceback (most recent call last):
    ...
    h200claims.errors.H200ClaimsInputError: date '2025-13-45' is not a calendar date (YYYY-MM-DD)
    """
    import datetime

    try:
        if len(date) != 10:
            raise ValueError(date)
        return datetime.date.fromisoformat(date).isoformat()
    except (TypeError, ValueError):
        raise H200ClaimsInputError(f"date {date!r} is not a calendar date (YYYY-MM-DD)", source) from None


def check_date_line(date: str, source: str | None = None) -> str:
    """The date of a leading `` date YYYY-MM-DD`` line, checked like ``date=``: an impossible
    one is an input error of that article, never a crash further on.

    >>> check_date_line("2025-00-14", "a.txt")
    Traceback (most recent call last):
    h200claims.errors.H200ClaimsInputError: a.txt: the date line gives 2025-00-14, not a calendar date (YYYY-MM-DD)
    """
    try:
        return check_date(date, source)
    except H200ClaimsInputError:
        raise H200ClaimsInputError(f"the date line gives {date}, not a calendar date (YYYY-MM-DD)", source) from None


class Extractor:
    """A reusable extraction pipeline. Its config is resolved once, here, and every component it
    runs reads that config (so two Extractors in one process can differ).

    >>> ex = Extractor()                          # the default config, data/pipeline.json
    >>> r = ex.extract("王小明表示，今年營收成長25%。")
    >>> [q.value for q in r.quantities]
    [25.0]
    >>> Extractor(disable=["quotes"]).extract("王小明表示，今年營收成長25%。").quotes
    []
    >>> Extractor(disable=["no_such_rule"])
    Traceback (most recent call last):
    ...
    h200claims.errors.H200ClaimsConfigError: unknown component or rule name(s): no_such_rule; ...
    """

    def __init__(
        self,
        *,
        components: list[str] | None = None,
        disable: Iterable[str] = (),
        segmenter: str | None = None,
        pkuseg_model: str | Path | None = None,
        hmm: bool | None = None,
        max_chars: int | None = None,
        lexicon: Iterable[str | Path] | None = None,
        vocabulary: str | Path | Iterable[str | Path] | None = None,
        **settings: Any,
    ) -> None:
        """``lexicon``: user lexicon files (names, ``data/lexicon.py``); ``vocabulary``: user
        vocabulary files or folders (units, cue words, titles, boilerplate markers,
        ``data/vocabulary.py``), both added to the package's data and checked here."""
        cfg = resolve_config(components, disable, settings)
        self.component_names: list[str] = cfg["components"]
        self.components = [registry.get(n) for n in self.component_names]
        self.lexicon = lexicon_data.build(lexicon)
        self.vocabulary = vocabulary_data.load(vocabulary)
        self.settings: dict[str, Any] = {
            **cfg,
            "segmenter": segmenter or cfg["segmenter"],
            "pkuseg_model": str(pkuseg_model) if pkuseg_model else None,
            "hmm": cfg["hmm"] if hmm is None else hmm,
        }
        self.max_chars = max_chars or cfg["max_chars"]
        self._init_kwargs = {"components": components, "disable": sorted(cfg["disabled"]),
                             "segmenter": self.settings["segmenter"], "pkuseg_model": self.settings["pkuseg_model"],
                             "hmm": self.settings["hmm"], "max_chars": self.max_chars,
                             "lexicon": list(self.lexicon.key) or None, **settings}
        if self.vocabulary is not None:  # a worker reads the same files again
            self._init_kwargs["vocabulary"] = list(self.vocabulary.sources)
        if self.settings["segmenter"] not in ("jieba", "pkuseg"):
            raise H200ClaimsConfigError(f"unknown segmenter {self.settings['segmenter']!r} (jieba or pkuseg)")
        if self.settings["segmenter"] == "pkuseg" and not pkuseg_model:
            raise H200ClaimsConfigError("segmenter='pkuseg' needs pkuseg_model=<path to a trained model>")

    def init_kwargs(self) -> dict[str, Any]:
        """Arguments that rebuild this extractor in a worker process."""
        return dict(self._init_kwargs)

    def make_doc(self, text: str, *, date: str | None = None, source: str | None = None) -> Doc:
        """The Doc the components will fill: the text, its Simplified view, the article date."""
        vocabulary_data.activate(self.vocabulary)
        if date is not None:
            date = check_date(date, source)
        elif isinstance(text, str) and article_date(text) is not None:  # a file's own date line: the same check
            date = check_date_line(article_date(text) or "", source)
        if not isinstance(text, str):
            raise H200ClaimsInputError(f"text must be str, not {type(text).__name__}", source)
        if len(text) > self.max_chars:
            raise H200ClaimsInputError(
                f"article has {len(text):,} characters, over max_chars={self.max_chars:,}", source)
        return Doc(text=text, view=simplified_view(text), date=date or article_date(text) or page_date(text), source=source,
                   content_start=date_line_end(text), settings=self.settings, lexicon=self.lexicon)

    def run(self, doc: Doc) -> Doc:
        """Run the components in order over a Doc from :meth:`make_doc`; a failure names the
        component and the article.

        >>> ex = Extractor()
        >>> doc = ex.run(ex.make_doc("王小明表示，今年營收成長25%。"))
        >>> [doc.text[s:e] for s, e in doc.tokens][:3]
        ['王小明', '表示', '，']
        """
        vocabulary_data.activate(self.vocabulary)
        for name, fn in zip(self.component_names, self.components):
            try:
                fn(doc)
            except H200ClaimsError:
                raise
            except Exception as e:  # noqa: BLE001 - re-raised, typed, with where it happened
                raise H200ClaimsComponentError(name, doc.source, e) from e
        return doc

    def extract(self, text: str, *, date: str | None = None, source: str | None = None) -> ArticleClaims:
        """Extract from one article's text (see :func:`h200claims.extract`); ``source`` is kept
        in the result and named in errors.

        >>> Extractor(disable=["quotes"]).extract("王小明表示，今年營收成長25%。", source="a.txt").source
        'a.txt'
        """
        doc = self.run(self.make_doc(text, date=date, source=source))
        return to_result(doc)

    def extract_file(self, path: str | Path, *, date: str | None = None,
                     default_date: str | None = None) -> ArticleClaims:
        """Extract from a file; HTML files are reduced to their visible text first, and the
        result says so (``offsets_refer_to == "html_text"``). ``date`` overrides the file's own
        date; ``default_date`` is used only when the file gives none.

        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_text(" date 2025-12-10" + chr(10) + "王小明表示，明年營收成長25%。", encoding="utf-8")
        >>> r = Extractor().extract_file(p)
        >>> r.date, r.source == str(p)
        ('2025-12-10', True)
        """
        vocabulary_data.activate(self.vocabulary)
        text, html = read_article(path)
        if date is None and default_date is not None and article_date(text) is None:
            date = default_date
        result = self.extract(text, date=date, source=str(path))
        return result.model_copy(update={"offsets_refer_to": "html_text"}) if html else result

    def pipe(self, texts: Iterable[str], n_process: int = 1, batch_size: int = 16) -> Iterator[ArticleClaims]:
        """Extract from many texts, in order; ``n_process > 1`` uses worker processes.

        >>> [len(r.quotes) for r in Extractor().pipe(["王小明表示，營收成長。", "沒有引述的句子。"])]
        [1, 0]
        """
        if n_process <= 1:
            for t in texts:
                yield self.extract(t)
            return
        from h200claims.batch.workers import parallel_map

        yield from parallel_map(self, texts, n_process, batch_size)


#: a text with at least this many Chinese characters holds prose; an empty body then gets a warning
PROSE_CHARS = 40


def warnings_for(doc: Doc) -> list[str]:
    """What a user should be told about a result that looks wrong for reasons of its input."""
    out = []
    han = sum(1 for ch in doc.text if "\u4e00" <= ch <= "\u9fff")
    if "body" in doc.settings["components"] and not any(b > a for a, b in doc.body) and han >= PROSE_CHARS:
        out.append(f"no article body found although the text has {han} Chinese characters: every line was "
                   "taken for boilerplate (captions, bylines, repeated or headline-like lines); nothing was extracted")
    elif "body" in doc.settings["components"] and han >= BODY_SHARE_MIN_CHARS:
        kept = sum(1 for a, b in doc.body for ch in doc.text[a:b] if "\u4e00" <= ch <= "\u9fff")
        if kept < BODY_SHARE * han:
            out.append(f"the body keeps {kept} of the text's {han} Chinese characters: the rest was taken for "
                       "boilerplate (related headlines, comments, page furniture); check the input if it holds more")
    return out


#: a long text whose body keeps less than this share of its Chinese characters gets a warning
BODY_SHARE = 0.25
BODY_SHARE_MIN_CHARS = 3000


def to_result(doc: Doc) -> ArticleClaims:
    """The Doc as the public result, validated whole at the edge: every nested item is checked
    again (an item changed after it was built included), so a wrong field fails here, in the
    library's tests, and never reaches a user's JSONL unreadable."""
    built = ArticleClaims.model_construct(
        source=doc.source, date=doc.date, text=doc.text, offsets_refer_to="input", body=doc.body,
        entities=doc.entities, quantities=doc.quantities, quotes=doc.quotes, claims=doc.claims,
        warnings=warnings_for(doc))
    return ArticleClaims.model_validate(built.model_dump(warnings=False))


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(text: str, *, date: str | None = None) -> ArticleClaims:
    """Extract actors, quantities, quotes and claims from one article's text, in either script,
    with the default pipeline (one shared ``Extractor``). ``date`` (YYYY-MM-DD) resolves 8日,
    明年, 第4季; without it a leading `` date YYYY-MM-DD`` line or the page's own timestamp is used.

    >>> import h200claims
    >>> r = h200claims.extract("美國商務部長盧特尼克表示，美方將抽取約25%的分潤。", date="2025-12-10")
    >>> [(e.id, e.label) for e in r.entities]
    [('us_commerce', 'ORG'), ('howard_lutnick', 'PERSON'), ('us', 'GPE')]
    >>> q = r.quantities[0]
    >>> q.text, q.value, q.unit, q.approx
    ('約25%', 25.0, '%', True)
    >>> r.quotes[0].speaker, r.quotes[0].cue
    ('howard_lutnick', '表示')
    """
    return default_extractor().extract(text, date=date)
