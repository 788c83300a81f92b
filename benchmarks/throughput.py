"""Throughput benchmark: h200claims against tokenising alone, measured side by side in one run.

    python benchmarks/throughput.py [--mb 2] [--rounds 3] [--quick]

Builds a corpus from the fixtures (repeated to at least --mb MB of text, in both scripts) and
measures, interleaved and repeated (medians reported):
  (a) jieba.lcut on every article
  (b) spaCy `zh` with its jieba segmenter, via nlp.pipe
  (c) h200claims full extraction (entities, quantities, quotes, claims), one process
  (d) the same with 2 worker processes
  (e) jieba.posseg (HMM on) on 10,000 characters of each script of the same texts (too slow for all)
  (m) h200claims without the NER model (--ablate model), to show what the model costs
It prints characters per second, the ratios c/a (also on the Traditional half alone), c/b and d/c,
the cold start (a fresh process: import and first result on one article), the peak RSS of one
worker, the cost of a 1 MB article against a 100 KB one, and the time of every regex-heavy
rule on adversarial strings (each must finish well under a deadline).
"""
from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(min_bytes: int) -> tuple[list[str], list[str]]:
    from h200claims import to_simplified

    trad = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    simp = [to_simplified(t) for t in trad]
    t_out: list[str] = []
    s_out: list[str] = []
    size = 0
    while size < min_bytes:
        t_out.extend(trad)
        s_out.extend(simp)
        size += sum(len(x.encode("utf-8")) for x in trad + simp)
    return t_out, s_out


def timed(fn, *args) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def cold_start(what: str = "h200claims", bytecode: bool = True) -> float:
    """A fresh process: import and first result on one article (``what="jieba"``: jieba.lcut).

    With ``bytecode`` the modules' compiled bytecode is there, as ``pip install`` leaves it (into a
    temporary pycache prefix, written by one run before the timed ones, so nothing is left in the
    repository); without it every module is compiled from source first, as in an editable install
    run with PYTHONDONTWRITEBYTECODE (this machine's default), which costs about 0.3 s more."""
    import tempfile

    article = str(ROOT / 'fixtures/articles/002_7cdbda35982f72d8.txt')
    call = ("import h200claims; h200claims.extract(" if what == "h200claims" else
            "import jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.lcut(")
    code = f"import time; t=time.perf_counter(); {call}open({article!r}, encoding='utf-8').read()); print(time.perf_counter()-t)"
    with tempfile.TemporaryDirectory(prefix="h200pyc") as prefix:
        env = dict(os.environ)
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = prefix
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"

        def once() -> float:
            out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True,
                                 check=True, env=env).stdout
            return float(out.strip().splitlines()[-1])

        if bytecode:
            once()  # writes the bytecode
        return statistics.median(once() for _ in range(3))


def worker_rss_mb(texts: list[str]) -> float:
    # VmHWM, not ru_maxrss: after fork+exec, ru_maxrss still counts the (large) parent's pages
    code = ("import sys, h200claims; ex=h200claims.Extractor(); "
            "[ex.extract(t) for t in sys.stdin.read().split('\\f')]; "
            "print(int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])/1024)")
    runs = []
    for _ in range(2):  # the first run may build jieba's dictionary cache; the second is the steady state
        p = subprocess.run([sys.executable, "-W", "ignore", "-c", code], input="\f".join(texts), capture_output=True,
                           text=True, check=True)
        runs.append(float(p.stdout.strip().splitlines()[-1]))
    return runs[-1]


def big_article(chars: int) -> str:
    paras = []
    for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        paras.extend(x for x in p.read_text(encoding="utf-8").split("\n") if len(x) > 40 and x.endswith("。"))
    out, n, i = [], 0, 0
    while n < chars:  # each paragraph made unique, or body detection drops repeats as boilerplate
        para = f"{paras[i % len(paras)]}（第{i}段）"
        out.append(para)
        n += len(para) + 2
        i += 1
    return "\n\n".join(out)[:chars]


ADVERSARIAL = {
    "unclosed quotes": "「" * 20000 + "他說" * 5000,
    "no punctuation": "美國商務部長盧特尼克表示輝達晶片" * 6000,
    "digits": "1" * 50000 + "萬美元",
    "chinese numerals": "一二三四五六七八九十百千萬億" * 4000,
    "quote marks": "「『“\"" * 15000,
    "cues": "表示指出認為說" * 8000,
    "titles": "研究員教授執行長" * 8000,
    "parentheses": "（Tim Fist）" * 8000,
    "org suffixes": "研究院學會大學部局署" * 8000,
    "dates": "2025年12月9日" * 8000,
    "amounts run on": "統一三家營收增25%" * 8000,  # many amounts in one clause with no break (session 4: was quadratic)
}
DEADLINE_S = 30.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="small corpus, one round (smoke test)")
    args = ap.parse_args()
    if args.quick:
        args.mb, args.rounds = 0.2, 1

    import jieba
    import spacy

    from h200claims import Extractor

    jieba.setLogLevel(logging.WARNING)
    trad, simp = corpus(int(args.mb * 1_000_000))
    texts = trad + simp
    chars = sum(map(len, texts))
    tchars = sum(map(len, trad))
    print(f"machine: {os.cpu_count()} cores; corpus: {len(texts)} articles, {chars:,} characters, "
          f"{sum(len(t.encode()) for t in texts) / 1e6:.1f} MB (half Traditional, half Simplified)")

    ex = Extractor()
    ex.extract(texts[0])
    jieba.lcut(texts[0])
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    list(nlp.pipe(texts[:2]))

    import tempfile

    from h200claims.batch.run import run_batch

    tmp = Path(tempfile.mkdtemp(prefix="h200bench"))
    for i, t in enumerate(texts):
        (tmp / f"{i:05d}.txt").write_text(t, encoding="utf-8")

    def batch(jobs: int) -> None:
        run_batch([str(tmp)], tmp / f"out{jobs}.jsonl", "jsonl", jobs, False, {}, progress=False)

    import jieba.posseg

    no_model = Extractor(disable=["model"])
    no_model.extract(texts[0])
    slice_text, n = [], 0
    for half in (trad, simp):  # 10,000 characters of each script
        m = 0
        for t in half:
            if m >= 10_000:
                break
            slice_text.append(t[:10_000 - m])
            m += len(slice_text[-1])
        n += m
    list(jieba.posseg.cut(texts[0][:200]))
    results: dict[str, list[float]] = {k: [] for k in ("a", "b", "c", "d", "c_cli", "d_cli", "a_trad", "c_trad",
                                                        "e", "m")}
    for _ in range(args.rounds):  # interleaved
        results["a"].append(timed(lambda: [jieba.lcut(t) for t in texts]))
        results["b"].append(timed(lambda: list(nlp.pipe(texts, batch_size=32))))
        results["c"].append(timed(lambda: [ex.extract(t) for t in texts]))
        results["d"].append(timed(lambda: list(ex.pipe(texts, n_process=2, batch_size=32))))
        results["c_cli"].append(timed(batch, 1))
        results["d_cli"].append(timed(batch, 2))
        results["a_trad"].append(timed(lambda: [jieba.lcut(t) for t in trad]))
        results["c_trad"].append(timed(lambda: [ex.extract(t) for t in trad]))
        results["e"].append(timed(lambda: [list(jieba.posseg.cut(t)) for t in slice_text]))
        results["m"].append(timed(lambda: [no_model.extract(t) for t in texts]))
    med = {k: statistics.median(v) for k, v in results.items()}
    cps = {k: (tchars if k.endswith("trad") else n if k == "e" else chars) / v for k, v in med.items()}
    names = {"a": "jieba.lcut", "b": "spaCy zh (jieba) nlp.pipe", "c": "h200claims extract(), 1 process",
             "d": "h200claims Extractor.pipe(n_process=2)", "c_cli": "h200claims extract files, --jobs 1",
             "d_cli": "h200claims extract files, --jobs 2", "a_trad": "jieba.lcut, Traditional half",
             "c_trad": "h200claims extract(), Traditional half", "e": "jieba.posseg (10k chars of each script)",
             "m": "h200claims extract() without the model"}
    for k, name in names.items():
        print(f"  ({k}) {name:<42}{cps[k]:>12,.0f} chars/s   (median of {args.rounds})")
    print(f"  c/a = {cps['c'] / cps['a']:.2f}   c/a on Traditional = {cps['c_trad'] / cps['a_trad']:.2f}   "
          f"c/b = {cps['c'] / cps['b']:.2f}   d/c = {cps['d'] / cps['c']:.2f} (pipe)   "
          f"--jobs 2 / --jobs 1 = {cps['d_cli'] / cps['c_cli']:.2f} (batch command)")
    model_mb = sum(f.stat().st_size for f in (ROOT / "h200claims" / "data" / "models").glob("*")) / 1e6
    print(f"  with the NER model: c/a = {cps['c'] / cps['a']:.2f} (target >= 0.3), c/e = {cps['c'] / cps['e']:.1f} "
          f"x jieba.posseg (target >= 20), model costs {1 - cps['c'] / cps['m']:.0%} of the speed without it; "
          f"model files {model_mb:.1f} MB (target <= 30)")

    print(f"cold start (fresh process: import + first result, bytecode compiled as pip install leaves it): "
          f"{cold_start():.2f} s; plain jieba.lcut the same way: {cold_start('jieba'):.2f} s "
          f"(its dictionary load is most of both); from source (no bytecode): {cold_start(bytecode=False):.2f} s")
    print(f"peak RSS of one worker over the corpus' first 40 articles: {worker_rss_mb(texts[:40]):.0f} MB")

    small, large = big_article(100_000), big_article(1_000_000)
    ts = statistics.median(timed(ex.extract, small) for _ in range(max(1, args.rounds)))
    tl = timed(ex.extract, large)
    print(f"linearity: 100 KB article {ts:.2f} s, 1 MB article {tl:.2f} s, ratio {tl / ts:.1f} (target <= 12)")

    worst = 0.0
    for name, text in ADVERSARIAL.items():
        t = timed(ex.extract, text)
        worst = max(worst, t)
        print(f"  adversarial {name:<18}{len(text):>8,} chars {t:6.2f} s")
    print(f"adversarial worst {worst:.2f} s (deadline {DEADLINE_S:.0f} s): {'ok' if worst < DEADLINE_S else 'TOO SLOW'}")
    print(f"peak RSS of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
