"""``h200claims eval-ner``: entity mentions scored on public NER sets, beside jieba.posseg.

Three systems on the same sentences, strict spans, per label: the full entity pipeline (lexicon,
rules and model, as ``extract`` runs them, on each sentence taken as clean text), the model alone,
and jieba.posseg (nr/nrfg/nrt → PER, nt → ORG, ns → LOC). Our labels map to the sets' own:
PERSON → PER, ORG → ORG, GPE → LOC (PRODUCT has no counterpart and is left out).

    >>> from h200claims.evaluate.ner_eval import POSSEG_LABELS
    >>> POSSEG_LABELS["ns"]
    'LOC'
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from h200claims.evaluate import ner_sets
from h200claims.evaluate.ner_score import score_spans

OURS_TO_SETS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC"}
POSSEG_LABELS = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "nt": "ORG", "ns": "LOC"}
#: the pipeline on clean sentences: the whole text is the body
NER_COMPONENTS = ["whole_body", "sentences", "tokens", "entities"]


def pipeline_spans(extractor: Any, text: str) -> list[tuple[int, int, str]]:
    r = extractor.extract(text)
    return sorted((m.start, m.end, OURS_TO_SETS[m.label]) for m in r.mentions if m.label in OURS_TO_SETS)


def model_spans(seg: Any, text: str) -> list[tuple[int, int, str]]:
    from h200claims.tags import ner_model
    from h200claims.text.script import simplified_view

    view = simplified_view(text)
    return ner_model.tag(view, seg(view))


def posseg_spans(tok: Any, text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for word, flag in tok.cut(text):
        if flag in POSSEG_LABELS:
            out.append((pos, pos + len(word), POSSEG_LABELS[flag]))
        pos += len(word)
    return out


def evaluate_ner(files: list[str], limit: int = 0, baseline: bool = True, every: int = 1) -> dict[str, Any]:
    """Scores per file and system: {file: {system: {label: P/R/F1, "kchar_per_s": ...}}}.

    ``every=20`` keeps sentences 0, 20, 40, …: the MSRA dev slice the trainer holds out."""
    import jieba
    import jieba.posseg

    from h200claims.pipeline import Extractor
    from h200claims.tokens.segmenter import make_segmenter

    ex = Extractor(components=NER_COMPONENTS)
    seg = make_segmenter("jieba")
    systems: dict[str, Any] = {"h200claims": lambda t: pipeline_spans(ex, t), "model only": lambda t: model_spans(seg, t)}
    if baseline:
        jieba.setLogLevel(60)
        tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        systems["jieba.posseg"] = lambda t: posseg_spans(tok, t)
    out: dict[str, Any] = {}
    for f in files:
        sents = [s for i, s in enumerate(ner_sets.read_any(Path(f))) if i % every == 0 and s.text]
        if limit:
            sents = sents[:limit]
        gold = [s.spans for s in sents]
        chars = sum(len(s.text) for s in sents)
        out[f] = {"sentences": len(sents)}
        for name, fn in systems.items():
            fn(sents[0].text) if sents else None  # warm-up: load dictionaries and the model
            t0 = time.perf_counter()
            pred = [fn(s.text) for s in sents]
            secs = time.perf_counter() - t0
            table: dict[str, Any] = dict(score_spans(gold, pred))
            table["kchar_per_s"] = round(chars / max(secs, 1e-9) / 1000, 1)
            out[f][name] = table
    return out


def format_ner(res: dict[str, Any]) -> str:
    lines = []
    for f, by_system in res.items():
        lines.append(f"== {f} ({by_system['sentences']} sentences)")
        lines.append(f"{'system':<14}{'label':<6}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
        for name, table in by_system.items():
            if name == "sentences":
                continue
            for label in ("PER", "ORG", "LOC", "all"):
                s = table.get(label)
                if s is None:
                    continue
                lines.append(f"{name:<14}{label:<6}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                             f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
            lines.append(f"{name:<14}speed {table['kchar_per_s']} kchar/s")
        lines.append("")
    return "\n".join(lines)
