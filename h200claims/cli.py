"""The command line: extract, eval, show."""
from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path


def _extract(args: argparse.Namespace) -> int:
    from h200claims.batch.run import run_batch

    init = {"segmenter": args.segmenter, "pkuseg_model": args.pkuseg_model}
    out = Path(args.output) if args.output else None
    summary = run_batch(args.paths, out, args.format, args.jobs, args.resume, init)
    for path, err in summary.failures:
        if "no such file" in err:
            print(f"h200claims: {path}: {err}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failures else 0


def _eval(args: argparse.Namespace) -> int:
    from h200claims.evaluate.gold_eval import article_table, debug_listing, evaluate, label_table, table
    from h200claims.pipeline import Extractor

    runs = {"full": Extractor()}
    for name in args.ablate or []:
        runs[f"without {name}"] = Extractor(disable=[name])
    results = {k: evaluate(Path(args.gold), Path(args.articles), ex) for k, ex in runs.items()}
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "_details"} for k, v in results.items()},
                         ensure_ascii=False, indent=1))
        return 0
    for name, res in results.items():
        print(f"## {name}\n{table(res)}\n\n{label_table(res)}\n")
        if name == "full":
            print(article_table(res) + "\n")
    if args.article:
        print(debug_listing(results["full"], args.article))
    return 0


def _show(args: argparse.Namespace) -> int:
    from h200claims.output.html import render, render_text
    from h200claims.pipeline import Extractor

    result = Extractor().extract_file(args.file)
    if args.html:
        Path(args.html).write_text(render(result, full_page=True), encoding="utf-8")
        print(f"wrote {args.html}", file=sys.stderr)
    else:
        print(render_text(result))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="h200claims", description="Claims, quotes, quantities and actors from Chinese news.")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract from files and folders (*.txt, *.md, *.html)")
    e.add_argument("paths", nargs="+")
    e.add_argument("-o", "--output", help="output file (jsonl/csv) or folder (gold); default stdout")
    e.add_argument("--format", choices=("jsonl", "csv", "gold"), default="jsonl")
    e.add_argument("--jobs", type=int, default=1, help="worker processes")
    e.add_argument("--resume", action="store_true", help="skip articles already in the output")
    e.add_argument("--segmenter", choices=("jieba", "pkuseg"), default="jieba")
    e.add_argument("--pkuseg-model", help="path of a trained pkuseg model")
    e.set_defaults(func=_extract)

    v = sub.add_parser("eval", help="score against gold files")
    v.add_argument("--gold", required=True, help="folder of *.gold.json")
    v.add_argument("--articles", required=True, help="folder of the articles")
    v.add_argument("--json", action="store_true", help="machine-readable scores")
    v.add_argument("--ablate", action="append", metavar="NAME", help="also score with this rule/model/component off")
    v.add_argument("--article", help="list misses and false hits for this article (name prefix)")
    v.set_defaults(func=_eval)

    s = sub.add_parser("show", help="show an article with its highlights")
    s.add_argument("file")
    s.add_argument("--html", metavar="OUT", help="write an HTML page instead of text")
    s.set_defaults(func=_show)
    return p


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore", category=UserWarning, module="jieba")
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (FileNotFoundError, KeyError, ValueError) as e:
        print(f"h200claims: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
