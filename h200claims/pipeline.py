"""The Extractor: runs the configured components over a Doc and returns ArticleClaims."""
from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from h200claims import data, registry
from h200claims.doc import Doc
from h200claims.errors import H200ClaimsInputError
from h200claims.models import ArticleClaims
from h200claims.text.read import article_date, date_line_end, html_to_text, is_html_path, read_file
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


class Extractor:
    """A reusable extraction pipeline.

    >>> ex = Extractor()                      # default config from data/pipeline.json
    >>> result = ex.extract("美國商務部長盧特尼克表示，…")
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
        **settings: Any,
    ) -> None:
        _register_all()
        cfg = data.load_json("pipeline.json")
        names = list(components if components is not None else cfg["components"])
        skip = set(disable)
        self.component_names = [n for n in names if n not in skip]
        self.components = [registry.get(n) for n in self.component_names]
        self.settings: dict[str, Any] = {
            "segmenter": segmenter or cfg["segmenter"],
            "pkuseg_model": str(pkuseg_model) if pkuseg_model else None,
            "hmm": cfg["hmm"] if hmm is None else hmm,
            "disabled": sorted(skip),
            **settings,
        }
        self.max_chars = max_chars or cfg["max_chars"]
        self._init_kwargs = {"components": self.component_names, "segmenter": self.settings["segmenter"],
                             "pkuseg_model": self.settings["pkuseg_model"], "hmm": self.settings["hmm"],
                             "max_chars": self.max_chars, **settings}
        if self.settings["segmenter"] == "pkuseg" and not pkuseg_model:
            raise ValueError("segmenter='pkuseg' needs pkuseg_model=<path to a trained model>")

    def init_kwargs(self) -> dict[str, Any]:
        """Arguments that rebuild this extractor in a worker process."""
        return dict(self._init_kwargs)

    def make_doc(self, text: str, *, date: str | None = None, source: str | None = None) -> Doc:
        if not isinstance(text, str):
            raise H200ClaimsInputError(f"text must be str, not {type(text).__name__}", source)
        if len(text) > self.max_chars:
            raise H200ClaimsInputError(
                f"article has {len(text):,} characters, over max_chars={self.max_chars:,}", source)
        return Doc(text=text, view=simplified_view(text), date=date or article_date(text), source=source,
                   content_start=date_line_end(text), settings=self.settings)

    def run(self, doc: Doc) -> Doc:
        for fn in self.components:
            fn(doc)
        return doc

    def extract(self, text: str, *, date: str | None = None, source: str | None = None) -> ArticleClaims:
        doc = self.run(self.make_doc(text, date=date, source=source))
        return to_result(doc)

    def extract_file(self, path: str | Path, *, date: str | None = None) -> ArticleClaims:
        """Extract from a file; HTML files are reduced to their visible text first, and the
        result says so (``offsets_refer_to == "html_text"``)."""
        text = read_file(path)
        if is_html_path(path):
            result = self.extract(html_to_text(text), date=date, source=str(path))
            return result.model_copy(update={"offsets_refer_to": "html_text"})
        return self.extract(text, date=date, source=str(path))

    def pipe(self, texts: Iterable[str], n_process: int = 1, batch_size: int = 16) -> Iterator[ArticleClaims]:
        """Extract from many texts, in order; ``n_process > 1`` uses worker processes."""
        if n_process <= 1:
            for t in texts:
                yield self.extract(t)
            return
        from h200claims.output.workers import parallel_map

        yield from parallel_map(self, texts, n_process, batch_size)


def to_result(doc: Doc) -> ArticleClaims:
    return ArticleClaims(
        source=doc.source, date=doc.date, text=doc.text, body=doc.body, entities=doc.entities,
        quantities=doc.quantities, quotes=doc.quotes, claims=doc.claims,
    )


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(text: str, *, date: str | None = None) -> ArticleClaims:
    """Extract actors, quantities, quotes and claims from one article's text."""
    return default_extractor().extract(text, date=date)
