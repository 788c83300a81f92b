"""Build the API reference, docs/api/, from the docstrings with pdoc (https://pdoc.dev).

    python tools/build_api_docs.py            # rewrite docs/api/
    python tools/build_api_docs.py OUT_DIR    # build elsewhere (tests/test_docs.py builds to a temp folder)

pdoc comes with the test extra (``pip install '.[test]'``). The pages cover the public API: the
package's top level (``extract``, ``Extractor``, the result models), the corpus, the user lexicon
and vocabulary, the errors and ``testing.assert_extracts``. Any warning pdoc gives (a docstring it
cannot read, a link to nothing) is an error.
"""
from __future__ import annotations

import sys
import contextlib
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the modules a user reads about, in the order of the index
MODULES = ["h200claims", "h200claims.models", "h200claims.pipeline", "h200claims.corpus", "h200claims.data.lexicon",
           "h200claims.data.vocabulary", "h200claims.batch.inputs", "h200claims.errors", "h200claims.testing"]


def build(out: Path) -> list[Path]:
    """Write the pages to ``out``; the files written. Raises on any pdoc warning."""
    import pdoc
    import pdoc.render

    sys.path.insert(0, str(ROOT))
    pdoc.render.configure(docformat="restructuredtext", search=False, show_source=False,
                          footer_text="h200claims API reference, built by tools/build_api_docs.py")
    out.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(), contextlib.chdir(out):  # (from the repository's folder pdoc would ask
        warnings.simplefilter("error")                     # whether h200claims means it or the installed copy)
        warnings.filterwarnings("ignore", category=UserWarning, module="jieba")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        pdoc.pdoc(*MODULES, output_directory=out.resolve())
    return sorted(out.rglob("*.html"))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "api"
    pages = build(target)
    print(f"{len(pages)} pages, {sum(p.stat().st_size for p in pages) // 1024} KB -> {target}")
