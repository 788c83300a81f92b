"""Train the shipped NER model from the public sets in ../shared/external (recipe: tools/ner_train.json).

    python tools/train_ner.py                      # full recipe, writes h200claims/data/models/
    python tools/train_ner.py --limit 2000 --max-iterations 20 --out /tmp/ner   # a quick pilot

Every sentence goes through the same path as at run time: the offset-keeping Simplified view,
our jieba segmenter on that view, then ``ner_model.features``. Deterministic: a fixed, ordered
training set and L-BFGS (no sampling). Prints and writes per-label scores on every dev set.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from h200claims.evaluate import ner_sets  # noqa: E402
from h200claims.evaluate.ner_score import score_spans  # noqa: E402
from h200claims.tags import ner_model  # noqa: E402
from h200claims.text.script import simplified_view  # noqa: E402
from h200claims.tokens.segmenter import make_segmenter  # noqa: E402

READERS = {"msra": ner_sets.read_msra, "uner": ner_sets.read_uner, "weibo": ner_sets.read_weibo,
           "cluener": ner_sets.read_cluener}


def load(kind: str, path: Path, dev_every: int, want_dev: bool) -> list[ner_sets.Sentence]:
    rows = list(READERS[kind](path))
    if kind == "msra":
        rows = [s for i, s in enumerate(rows) if (i % dev_every == 0) == want_dev]
    return [s for s in rows if s.text]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--recipe", default=str(ROOT / "tools" / "ner_train.json"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared" / "external"))
    ap.add_argument("--out", default=str(ROOT / "h200claims" / "data" / "models"))
    ap.add_argument("--limit", type=int, default=0, help="at most this many sentences a training set")
    ap.add_argument("--max-iterations", type=int, default=0)
    args = ap.parse_args(argv)
    import pycrfsuite

    recipe = json.loads(Path(args.recipe).read_text(encoding="utf-8"))
    shared = Path(args.shared)
    if not shared.is_dir():
        print(f"no {shared}: the public sets are needed to train", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    seg = make_segmenter("jieba")
    params = dict(recipe["crfsuite"])
    if args.max_iterations:
        params["max_iterations"] = args.max_iterations
    trainer = pycrfsuite.Trainer(algorithm=params.pop("algorithm"), verbose=False)
    trainer.set_params(params)
    t0 = time.time()
    counts = {}
    for entry in recipe["train"]:
        kind, rel = entry[0], entry[1]
        repeat = entry[2] if len(entry) > 2 else 1
        sents = load(kind, shared / rel, recipe["dev_every"], want_dev=False)
        if args.limit:
            sents = sents[:args.limit]
        chars = 0
        for s in sents:
            view = simplified_view(s.text)
            xseq = ner_model.features(view, seg(view))
            for _ in range(repeat):
                trainer.append(xseq, s.bio())
            chars += len(s.text)
        counts[rel] = {"sentences": len(sents), "chars": chars, "repeat": repeat}
        print(f"{rel}: {len(sents):,} sentences, {chars:,} chars, x{repeat}", flush=True)
    print(f"features built in {time.time() - t0:.0f}s; training {params}", flush=True)
    t1 = time.time()
    model_path = out / "ner.crfsuite"
    trainer.train(str(model_path))
    train_s = time.time() - t1
    print(f"trained in {train_s:.0f}s, {trainer.logparser.last_iteration}", flush=True)

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    scores = {}
    for name, rel in recipe["dev"]:
        sents = load("msra", shared / rel, recipe["dev_every"], want_dev=True) if name.startswith("msra") \
            else list(ner_sets.read_any(shared / rel))
        gold, pred = [], []
        t2 = time.time()
        n = 0
        for s in sents:
            view = simplified_view(s.text)
            gold.append(s.spans)
            pred.append(ner_model.bio_spans(list(tagger.tag(ner_model.features(view, seg(view))))))
            n += len(view)
        secs = time.time() - t2
        table = score_spans(gold, pred)
        table["kchar_per_s"] = round(n / max(secs, 1e-9) / 1000, 1)
        table["sentences"] = len(sents)
        scores[name] = table
        print(name, json.dumps(table["all"]), {k: round(v["f1"], 3) for k, v in table.items()
                                                if isinstance(v, dict)}, flush=True)
    cfg = {
        "model_file": "ner.crfsuite",
        "labels": list(ner_model.LABELS),
        "features": "ner_model.features v1: chars -2..2, bigrams, jieba token position/identity/neighbours, char kinds, surname/translit",
        "trainer": "python-crfsuite " + recipe["crfsuite"]["algorithm"],
        "params": {**recipe["crfsuite"], **({"max_iterations": args.max_iterations} if args.max_iterations else {})},
        "train": counts,
        "train_seconds": round(train_s),
        "dev_scores": scores,
    }
    (out / "ner.json").write_text(json.dumps(cfg, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {model_path} ({model_path.stat().st_size / 1e6:.1f} MB) and {out / 'ner.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
