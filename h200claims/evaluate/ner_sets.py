"""Readers for the public NER sets (MSRA, UNER GSD, Weibo, CLUENER): sentences with char spans.

Each reader yields :class:`Sentence` objects whose entity spans are character offsets into the
sentence text, labelled PER / ORG / LOC (the sets' own conventions; see ``LABEL_MAP``). The
trainer (``tools/train_ner.py``) and ``h200claims eval-ner`` read the files through these, so
what is trained on and what is scored are read the same way.

    >>> s = Sentence("王五在北京", [(0, 2, "PER"), (3, 5, "LOC")])
    >>> s.bio()
    ['B-PER', 'I-PER', 'O', 'B-LOC', 'I-LOC']
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: each set's entity types mapped to PER / ORG / LOC; a type mapped to None is not an entity for
#: us (a position title, a game); a type mapped to "drop" makes the reader skip the sentence,
#: because its spans follow conventions ours do not (CLUENER's addresses and scenic spots)
LABEL_MAP: dict[str, dict[str, str | None]] = {
    "msra": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "uner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "weibo": {"PER.NAM": "PER", "ORG.NAM": "ORG", "GPE.NAM": "LOC", "LOC.NAM": "LOC",
              "PER.NOM": None, "ORG.NOM": None, "GPE.NOM": None, "LOC.NOM": None},
    "cluener": {"name": "PER", "company": "ORG", "government": "ORG", "organization": "ORG",
                "position": None, "address": "drop", "scene": "drop", "game": "drop", "book": "drop",
                "movie": "drop"},
}


@dataclass
class Sentence:
    text: str
    spans: list[tuple[int, int, str]]

    def bio(self) -> list[str]:
        tags = ["O"] * len(self.text)
        for s, e, label in self.spans:
            tags[s] = "B-" + label
            for i in range(s + 1, e):
                tags[i] = "I-" + label
        return tags


def _from_char_bio(chars: list[str], tags: list[str], mapping: dict[str, str | None]) -> Sentence:
    from h200claims.tags.ner_model import bio_spans

    spans = []
    for s, e, label in bio_spans(tags):
        ours = mapping.get(label)
        if ours and ours != "drop":
            spans.append((s, e, ours))
    return Sentence("".join(chars), spans)


def _conll_blocks(path: Path) -> Iterator[list[list[str]]]:
    block: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if block:
                yield block
            block = []
        elif not line.startswith("#"):
            block.append(line.split())
    if block:
        yield block


def read_msra(path: str | Path) -> Iterator[Sentence]:
    """MSRA: ``char tag`` a line, blank line between sentences."""
    for block in _conll_blocks(Path(path)):
        rows = [r for r in block if len(r) == 2]
        yield _from_char_bio([r[0] for r in rows], [r[1] for r in rows], LABEL_MAP["msra"])


def read_weibo(path: str | Path) -> Iterator[Sentence]:
    """Weibo NER: ``char+segment-position tag`` a line (the digit after the character is dropped)."""
    for block in _conll_blocks(Path(path)):
        rows = [r for r in block if len(r) == 2]
        yield _from_char_bio([r[0][:-1] or r[0] for r in rows], [r[1] for r in rows], LABEL_MAP["weibo"])


def read_uner(path: str | Path) -> Iterator[Sentence]:
    """UNER (CoNLL-U style iob2): word tokens with a tag each; spans become character spans."""
    for block in _conll_blocks(Path(path)):
        chars: list[str] = []
        tags: list[str] = []
        for r in block:
            if len(r) < 3 or not r[0].isdigit():
                continue
            word, tag = r[1], r[2]
            for k, ch in enumerate(word):
                chars.append(ch)
                tags.append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
        yield _from_char_bio(chars, tags, LABEL_MAP["uner"])


def read_cluener(path: str | Path) -> Iterator[Sentence]:
    """CLUENER 2020 JSON lines; sentences holding a type we cannot map (``drop``) are skipped."""
    mapping = LABEL_MAP["cluener"]
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        spans = []
        dropped = False
        for kind, names in row.get("label", {}).items():
            ours = mapping.get(kind)
            if ours == "drop":
                dropped = True
            for offsets in names.values():
                for s, e in offsets:
                    if ours and ours != "drop":
                        spans.append((s, e + 1, ours))
        if not dropped:
            yield Sentence(row["text"], sorted(spans))


def read_any(path: str | Path) -> Iterator[Sentence]:
    """Pick the reader by the file's name: ``*.iob2`` UNER, ``*.json`` CLUENER, ``weibo*`` Weibo,
    anything else MSRA-style ``char tag`` lines."""
    p = Path(path)
    if p.suffix == ".iob2":
        return read_uner(p)
    if p.suffix == ".json":
        return read_cluener(p)
    if "weibo" in p.name.lower():
        return read_weibo(p)
    return read_msra(p)
