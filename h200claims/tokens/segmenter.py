"""Word segmenters. Each runs on the matching view and returns (start, end) spans that tile the text.

jieba (default) loads the project's lexicon as its user dictionary; pkuseg (spacy-pkuseg) takes a
model path the user gives. Because the view has the length of the original, token offsets are
offsets into the original text, and a Traditional article and its Simplified twin get the same
tokens.
"""
from __future__ import annotations

import logging
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from h200claims.data import lexicon


class Segmenter(Protocol):
    name: str

    def __call__(self, view: str) -> list[tuple[int, int]]: ...


class JiebaSegmenter:
    """jieba's segmentation. With the HMM off (the default here) it runs ``dag_segment``, the same
    dictionary and the same max-probability route as ``jieba.Tokenizer.tokenize(HMM=False)``,
    written to build fewer Python objects; a test checks the two agree token for token."""

    name = "jieba"

    def __init__(self, hmm: bool = False, lexicon_key: tuple[str, ...] = ()) -> None:
        self.hmm = hmm
        self.tok = _jieba_tokenizer(lexicon_key)

    def __call__(self, view: str) -> list[tuple[int, int]]:
        if self.hmm:
            return [(s, e) for _, s, e in self.tok.tokenize(view, HMM=True)]
        return dag_segment(view, self.tok.FREQ, _logtotal(self.tok.total))


# jieba's own block and word patterns (jieba/__init__.py), so blocks are split exactly as it does
_RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile("(\r\n|\\s)")
_ENG = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@lru_cache(maxsize=4)
def _logtotal(total: float) -> float:
    return math.log(total)


def dag_segment(text: str, freq: dict[str, int], logtotal: float) -> list[tuple[int, int]]:
    """Token spans of ``text`` as jieba cuts it with the HMM off."""
    out: list[tuple[int, int]] = []
    pos = 0
    for blk in _RE_HAN.split(text):
        if not blk:
            continue
        if _RE_HAN.match(blk):
            _cut_block(blk, pos, freq, logtotal, out)
        else:
            for x in _RE_SKIP.split(blk):
                if not x:
                    continue
                if _RE_SKIP.match(x):
                    out.append((pos, pos + len(x)))
                    pos += len(x)
                    continue
                for i in range(len(x)):
                    out.append((pos + i, pos + i + 1))
                pos += len(x)
            continue
        pos += len(blk)
    return out


_MISSING = object()
#: log-probabilities of dictionary entries by dictionary total, filled as words are met
#: (None: a prefix, not a word)
_LOGP: dict[float, dict[str, float | None]] = {}


def _cut_block(blk: str, base: int, freq: dict[str, int], logtotal: float, out: list[tuple[int, int]]) -> None:
    """jieba's get_DAG + calc + the NO_HMM walk for one block, in one backward pass."""
    n = len(blk)
    best = [0.0] * (n + 1)
    nxt = [0] * n
    logp = _LOGP.setdefault(logtotal, {})
    for idx in range(n - 1, -1, -1):
        top_score = -logtotal + best[idx + 1]  # the character alone, if no word starts here
        top_x = idx
        found = False
        i = idx
        frag = blk[idx]
        while i < n:
            lp = logp.get(frag, _MISSING)
            if lp is _MISSING:
                f = freq.get(frag)
                if f is None:
                    break
                lp = logp[frag] = (math.log(f) - logtotal) if f else None
            if lp is not None:
                score = lp + best[i + 1]  # type: ignore[operator]
                if not found or score >= top_score:  # ties go to the longer word, as in jieba
                    top_score, top_x, found = score, i, True
            i += 1
            frag = blk[idx:i + 1]
        best[idx] = top_score
        nxt[idx] = top_x + 1
    x = 0
    run = -1  # start of a run of single ASCII letters/digits, joined as jieba does
    while x < n:
        y = nxt[x]
        if y - x == 1 and blk[x] in _ENG:
            if run < 0:
                run = x
        else:
            if run >= 0:
                out.append((base + run, base + x))
                run = -1
            out.append((base + x, base + y))
        x = y
    if run >= 0:
        out.append((base + run, base + n))


def _jieba_tokenizer(lexicon_key: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """One jieba tokenizer per process and lexicon, with the lexicon's names added as words."""
    return _tokenizer_for(tuple(lexicon_key))  # one cache key however it is called


@lru_cache(maxsize=4)
def _tokenizer_for(lexicon_key: tuple[str, ...]):  # type: ignore[no-untyped-def]
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    lex = lexicon.build(lexicon_key)
    names = [name for name, ids in lex.view_names.items()
             if len(name) > 1 and not all(lex.by_id[i].whole_word for i in ids)]  # whole words stay out
    tok = jieba.Tokenizer()
    cache = _cache_path(jieba, names)
    state = _read_state(cache)
    if state is not None:  # the same dictionary and words as last time: its prefix dict, read at once
        tok.FREQ, tok.total = state
        tok.initialized = True
        return tok
    tok.initialize()
    for name in names:
        tok.add_word(name, freq=max(tok.suggest_freq(name, tune=False), 1000))
    _write_state(cache, (tok.FREQ, tok.total))
    return tok


#: bump when what goes into the cached prefix dict changes
_CACHE_VERSION = 2


def _import_jieba():  # type: ignore[no-untyped-def]
    """``import jieba``, letting its ``_compat`` fall back to a plain path for its dictionary: it
    imports ``pkg_resources`` (all of setuptools, about 0.2 s of every cold start) only to find that
    file, and has the fallback for a missing ``pkg_resources`` built in. Nothing is changed when
    jieba or pkg_resources is loaded already."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import pkg_resources -> ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _cache_path(jieba, names: list[str]) -> Path:  # type: ignore[no-untyped-def]
    """Where the prefix dict of jieba's dictionary plus our names is cached (the temp directory,
    where jieba keeps its own), keyed by jieba's version, its dictionary file and the names."""
    import hashlib
    import tempfile

    dict_file = Path(jieba.__file__).parent / "dict.txt"
    st = dict_file.stat() if dict_file.exists() else None
    h = hashlib.sha256(f"{_CACHE_VERSION}|{jieba.__version__}|{st and (st.st_size, int(st.st_mtime))}|".encode())
    h.update("\n".join(names).encode("utf-8"))
    return Path(tempfile.gettempdir()) / f"h200claims-jieba-{h.hexdigest()[:20]}.marshal"


def _read_state(path: Path):  # type: ignore[no-untyped-def]
    """(FREQ, total) from the cache, or None. Read whole, then unmarshalled: ``marshal.load`` on the
    open file (what jieba does) reads it in small pieces and takes three times as long."""
    import marshal

    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return (freq, total) if isinstance(freq, dict) and isinstance(total, (int, float)) else None


def _write_state(path: Path, state) -> None:  # type: ignore[no-untyped-def]
    """Write the cache atomically (a temp file renamed); a read-only temp directory only costs speed."""
    import marshal
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(state))
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a full disk: leave no half-written file behind


class PkusegSegmenter:
    name = "pkuseg"

    def __init__(self, model: str | Path) -> None:
        import spacy_pkuseg

        if not Path(model).exists():
            raise FileNotFoundError(f"pkuseg model not found: {model}")
        self.seg = spacy_pkuseg.pkuseg(model_name=str(model), user_dict=None)

    def __call__(self, view: str) -> list[tuple[int, int]]:
        return align(view, self.seg.cut(view))


def align(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Spans of ``words`` in ``text``, in order; skipped characters become tokens of their own."""
    out: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        i = text.find(w, pos)
        if i < 0:
            continue
        out.extend((k, k + 1) for k in range(pos, i) if not text[k].isspace())
        out.extend(_gap(text, pos, i))
        out.append((i, i + len(w)))
        pos = i + len(w)
    out.extend(_gap(text, pos, len(text)))
    out.extend((k, k + 1) for k in range(pos, len(text)) if not text[k].isspace())
    return sorted(set(out))


def _gap(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Whitespace between words as one token, so tokens tile the text."""
    return [(a, b)] if b > a and text[a:b].isspace() else []


def make_segmenter(name: str = "jieba", model: str | Path | None = None, hmm: bool = False,
                   lexicon_key: tuple[str, ...] = ()) -> Segmenter:
    if name == "jieba":
        return JiebaSegmenter(hmm=hmm, lexicon_key=lexicon_key)
    if name == "pkuseg":
        if model is None:
            raise ValueError("segmenter='pkuseg' needs pkuseg_model=<path to a trained model>")
        return PkusegSegmenter(model)
    raise ValueError(f"unknown segmenter {name!r} (jieba or pkuseg)")
