"""Chinese in matplotlib plots: find a CJK font (``data/fonts.json`` lists them) and use it.

matplotlib caches the system's font list when it first runs; a font installed after that (say
``apt-get install fonts-wqy-zenhei`` once the notebook kernel had started) is missing from the
cache, and Chinese labels come out as boxes with a screenful of 'findfont' warnings. ``use_cjk_font``
adds such fonts to matplotlib's list when none of the listed fonts is known, then makes the first
one found the default.

>>> name = use_cjk_font()                       # doctest: +SKIP
>>> name                                        # doctest: +SKIP
'WenQuanYi Zen Hei'
"""
from __future__ import annotations

import logging
import warnings

from h200claims import data


def _known(fm: object) -> set[str]:
    return {f.name for f in fm.ttflist}  # type: ignore[attr-defined]


def find_cjk_font() -> str | None:
    """The first font of ``data/fonts.json`` matplotlib knows, after adding the system's CJK font
    files its cache lacks (a cache older than the fonts); None when the system has none."""
    from matplotlib import font_manager

    cfg = data.load_json("fonts.json")
    fm = font_manager.fontManager
    hit = next((n for n in cfg["cjk"] if n in _known(fm)), None)
    if hit is None:
        cached = {f.fname for f in fm.ttflist}
        for path in font_manager.findSystemFonts():
            flat = path.lower().replace("-", "").replace("_", "").replace(" ", "")
            if path not in cached and any(piece in flat for piece in cfg["files"]):
                try:
                    fm.addfont(path)
                except (OSError, RuntimeError, ValueError):  # an unreadable font file: skip it
                    continue
        hit = next((n for n in cfg["cjk"] if n in _known(fm)), None)
    return hit


def use_cjk_font() -> str | None:
    """Make a CJK font matplotlib's default (with ``data/fonts.json``'s fallback for Latin
    glyphs) and keep its 'findfont' chatter out of the output; the font's name, or None (with a
    warning saying what to install) when the system has none."""
    import matplotlib

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    name = find_cjk_font()
    fallback = data.load_json("fonts.json")["fallback"]
    if name is None:
        warnings.warn("no CJK font found: Chinese will show as boxes (Debian: apt-get install fonts-wqy-zenhei; "
                      "or any font of h200claims/data/fonts.json)", stacklevel=2)
        return None
    matplotlib.rcParams["font.family"] = [name, fallback]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name
