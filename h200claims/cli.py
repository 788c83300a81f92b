"""The command line: ``h200claims extract | query | compact | report | eval | eval-ner | gold | show`` (also ``python -m h200claims``).

Errors the user can fix (a bad path, an unknown rule name, an unreadable lexicon) print one line
and exit 2; a bug inside the library is not caught here and shows its traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import Any

from h200claims.errors import H200ClaimsError

#: the optional modules and the extra that installs each (pyproject.toml)
EXTRAS = {"duckdb": "corpus", "pyarrow": "corpus", "fsspec": "corpus", "pandas": "corpus", "matplotlib": "corpus",
          "dask": "dask", "distributed": "dask"}


def _extract(args: argparse.Namespace) -> int:
    from h200claims.batch.run import run_batch, run_dataset, run_stdin

    from h200claims.pipeline import check_date

    init = {"segmenter": args.segmenter, "pkuseg_model": args.pkuseg_model, "lexicon": args.lexicon or None,
            "max_chars": args.max_chars, **vocabulary_kw(args)}
    if args.date:
        init["date"] = check_date(args.date)
    out = Path(args.output) if args.output else None
    if args.engine == "dask" and args.format != "parquet":
        raise H200ClaimsError("--engine dask writes a dataset: add --format parquet -o DATASET")
    if args.format == "parquet":
        if "-" in args.paths:
            raise H200ClaimsError("--format parquet reads files and folders, not standard input")
        summary = run_dataset(args.paths, args.output, args.jobs, init, batch_size=args.batch_size, engine=args.engine,
                              scheduler=args.scheduler, workers=args.workers, replace_changed=args.replace_changed,
                              include=args.include or (), exclude=args.exclude or ())
    elif args.paths == ["-"]:
        summary = run_stdin(out, args.format, init)
    else:
        if "-" in args.paths:
            raise H200ClaimsError("'-' (standard input) cannot be mixed with paths")
        if args.replace_changed and not args.resume and args.format != "gold":
            raise H200ClaimsError("--replace-changed goes with --resume (a run without it writes a new output)")
        summary = run_batch(args.paths, out, args.format, args.jobs, args.resume, init,
                            replace_changed=args.replace_changed, include=args.include or (), exclude=args.exclude or ())
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failures else 0


def vocabulary_kw(args: argparse.Namespace) -> dict[str, Any]:
    """``vocabulary=`` for an Extractor when --vocabulary was given (else nothing: the default)."""
    return {"vocabulary": args.vocabulary} if getattr(args, "vocabulary", None) else {}


def _eval(args: argparse.Namespace) -> int:
    from h200claims import registry
    from h200claims.evaluate.gold_eval import ablation_note, article_table, debug_listing, evaluate, label_table, table
    from h200claims.pipeline import Extractor

    lex = args.lexicon or None
    runs = {"full": Extractor(lexicon=lex, **vocabulary_kw(args))}
    for name in args.ablate or []:
        runs[f"without {name}"] = Extractor(disable=[name], lexicon=lex, **vocabulary_kw(args))  # an unknown name is refused here
    results = {k: evaluate(Path(args.gold), Path(args.articles), ex) for k, ex in runs.items()}
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "_details"} for k, v in results.items()},
                         ensure_ascii=False, indent=1))
        return 0
    for name, res in results.items():
        print(f"## {name}")
        if name != "full":
            ablated = name.removeprefix("without ")
            note = ablation_note(ablated, results["full"], res)
            if note and ablated in registry.names():
                note = f"{ablated}: scores unchanged without this component"
            if note:
                print(note + "\n")
                continue
        print(f"{table(res)}\n\n{label_table(res)}\n")
        if name == "full":
            print(article_table(res) + "\n")
    if args.article:
        print(debug_listing(results["full"], args.article))
    return 0


def _eval_ner(args: argparse.Namespace) -> int:
    from h200claims.evaluate.ner_eval import evaluate_ner, format_ner

    res = evaluate_ner(args.files, limit=args.limit, baseline=not args.no_baseline, every=args.every)
    print(json.dumps(res, ensure_ascii=False, indent=1) if args.json else format_ner(res))
    return 0


def _query(args: argparse.Namespace) -> int:
    import h200claims.corpus as corpus

    con = corpus.open(args.dataset)
    try:
        rel = con.sql(args.sql)
    except Exception as e:  # noqa: BLE001 - duckdb's own error types; the SQL is the user's to fix
        raise H200ClaimsError(f"query failed: {str(e).splitlines()[0]}") from e
    if rel is None:
        return 0
    if args.csv or args.json:
        df = rel.df()
        sys.stdout.write(df.to_csv(index=False) if args.csv else df.to_json(orient="records", force_ascii=False,
                                                                           date_format="iso") + "\n")
    else:
        rel.show(max_rows=args.max_rows, max_width=200)
    return 0


def _compact(args: argparse.Namespace) -> int:
    from h200claims.corpus.compact import compact
    from h200claims.corpus.store import Dataset

    ds = Dataset(args.dataset)
    if not ds.fs.exists(ds.path("_schema.json")):
        raise H200ClaimsError(f"{args.dataset}: not an h200claims dataset (no _schema.json)")
    ds.prepare()
    got = compact(ds, target=args.target)
    print(f"{got['parts_before']} parts -> {got['parts_after']} ({got['merged']} merged)", file=sys.stderr)
    return 0


def _report(args: argparse.Namespace) -> int:
    from h200claims.corpus.report import write_report

    n = write_report(args.dataset, Path(args.html))
    print(f"wrote {args.html} ({n} articles)", file=sys.stderr)
    return 0


def _gold(args: argparse.Namespace) -> int:
    from h200claims.evaluate.gold_spec import check, compile_spec
    from h200claims.text.read import read_file

    text = read_file(args.article)
    if args.gold_command == "compile":
        spec = json.loads(Path(args.spec).read_text(encoding="utf-8"))
        gold = compile_spec(spec, text, Path(args.article).name)
        Path(args.out).write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(gold['entities'])} entities, {len(gold['mentions'])} mentions, "
              f"{len(gold['quantities'])} quantities, {len(gold['quotes'])} quotes -> {args.out}")
    else:
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    errors = check(gold, text)
    for e in errors:
        print(f"ERROR {e}")
    if args.gold_command == "check":
        print("ok" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


def _show(args: argparse.Namespace) -> int:
    from h200claims.output.html import render, render_text
    from h200claims.pipeline import Extractor

    from h200claims.pipeline import check_date

    date = check_date(args.date) if args.date else None
    extractor = Extractor(lexicon=args.lexicon or None, **vocabulary_kw(args))
    if args.file == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise H200ClaimsError("standard input is not UTF-8 text") from None
        result = extractor.extract(text, source="<stdin>", date=date)
    else:
        result = extractor.extract_file(args.file, default_date=date)
    warns = list(result.warnings) + ([] if result.text.strip() else ["empty: no text to extract from"])
    for w in warns:
        print(f"h200claims: {result.source}: warning: {w}", file=sys.stderr)
    if args.html:
        Path(args.html).write_text(render(result, full_page=True), encoding="utf-8")
        print(f"wrote {args.html}", file=sys.stderr)
    else:
        print(render_text(result))
    return 0


def _views_help() -> str:
    """The tables and views a query can name, read from the dataset's view definitions."""
    import re

    from h200claims import data

    names = re.findall(r"^CREATE (?:OR REPLACE )?VIEW (\w+)", data.read_text("corpus_views.sql"), re.M)
    return "Tables and views: " + ", ".join(sorted(set(names))) + " (docs/corpus.md describes each)."


def build_parser() -> argparse.ArgumentParser:
    from h200claims import __version__

    p = argparse.ArgumentParser(prog="h200claims", description="Claims, quotes, quantities and actors from Chinese news.")
    p.add_argument("--version", action="version", version=f"h200claims {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def lexicon_arg(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--lexicon", action="append", metavar="FILE",
                        help="a user lexicon (TSV: id, label, canonical, names[, affiliation[, kind]]); repeatable")
        sp.add_argument("--vocabulary", action="append", metavar="FILE",
                        help="a user vocabulary: units, cue words, titles, boilerplate markers added to the package's "
                             "data files, in their formats (JSON naming the files, or a folder of them; "
                             "README: 'Your own names and words'); repeatable")

    e = sub.add_parser("extract", help="extract from files and folders (*.txt, *.md, *.html), or - for stdin")
    e.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files (read whatever their name), folders (recursively: their files matching "
                        "*.txt, *.md, *.html, *.htm, or --include; README, LICENSE, CHANGELOG, CONTRIBUTING and "
                        "empty files left out), or - for one article on standard input")
    e.add_argument("--include", action="append", metavar="GLOB",
                   help="take a folder's files matching GLOB (name or path below the folder) instead of the default "
                        "patterns; repeatable")
    e.add_argument("--exclude", action="append", metavar="GLOB",
                   help="leave out a folder's files matching GLOB (e.g. 'drafts/*'); repeatable")
    e.add_argument("-o", "--output", help="output file (jsonl/csv) or folder (gold); default stdout")
    e.add_argument("--format", choices=("jsonl", "csv", "gold", "parquet"), default="jsonl",
                   help="parquet: a corpus dataset folder (docs/corpus.md); a second run adds only new articles")
    e.add_argument("--jobs", type=int, default=1, help="worker processes")
    e.add_argument("--batch-size", type=int, default=100, metavar="N", help="articles a part file (parquet)")
    e.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="dask: run the batches on a Dask cluster (pip install 'h200claims[dask]')")
    e.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a local cluster)")
    e.add_argument("--workers", type=int, metavar="N", help="Dask worker processes of the local cluster (default --jobs)")
    e.add_argument("--resume", action="store_true", help="skip articles already in the output (same file, same text)")
    e.add_argument("--replace-changed", action="store_true",
                   help="an edited file's old article is dropped from the output (default: kept beside the new one)")
    e.add_argument("--segmenter", choices=("jieba", "pkuseg"), default="jieba")
    e.add_argument("--pkuseg-model", help="path of a trained pkuseg model")
    e.add_argument("--max-chars", type=int, metavar="N", help="refuse articles longer than N characters")
    e.add_argument("--date", metavar="YYYY-MM-DD", help="the articles' date where a file gives none")
    lexicon_arg(e)
    e.set_defaults(func=_extract)

    v = sub.add_parser("eval", help="score against gold files")
    v.add_argument("--gold", required=True, help="folder of *.gold.json")
    v.add_argument("--articles", required=True, help="folder of the articles")
    v.add_argument("--json", action="store_true", help="machine-readable scores")
    v.add_argument("--ablate", action="append", metavar="NAME", help="also score with this rule/model/component off")
    v.add_argument("--article", help="list misses and false hits for this article (name prefix)")
    lexicon_arg(v)
    v.set_defaults(func=_eval)

    n = sub.add_parser("eval-ner", help="score entity mentions on public NER sets (CoNLL/iob2/CLUENER json)")
    n.add_argument("files", nargs="+", help="e.g. ../shared/external/uner_zh_gsd/zh_gsd-ud-dev.iob2")
    n.add_argument("--limit", type=int, default=0, help="at most this many sentences a file")
    n.add_argument("--every", type=int, default=1, metavar="N",
                   help="every N-th sentence only (20 on MSRA train: the trainer's held-out dev slice)")
    n.add_argument("--no-baseline", action="store_true", help="skip the jieba.posseg baseline")
    n.add_argument("--json", action="store_true")
    n.set_defaults(func=_eval_ner)

    g = sub.add_parser("gold", help="gold by text: compile a spec into a gold file, or check one (docs/annotation.md)")
    gsub = g.add_subparsers(dest="gold_command", required=True)
    gc = gsub.add_parser("compile", help="SPEC ARTICLE OUT: find the offsets of what the spec names")
    gc.add_argument("spec")
    gc.add_argument("article")
    gc.add_argument("out")
    gk = gsub.add_parser("check", help="GOLD ARTICLE: validate a gold file against its article")
    gk.add_argument("gold")
    gk.add_argument("article")
    g.set_defaults(func=_gold)

    q = sub.add_parser("query", help="run SQL on a corpus dataset (DuckDB; tables and views by name)",
                       description="Run SQL on a corpus dataset in embedded DuckDB. " + _views_help())
    q.add_argument("dataset")
    q.add_argument("sql", help='e.g. "SELECT speaker_actor, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC"')
    fmt = q.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true")
    fmt.add_argument("--json", action="store_true")
    q.add_argument("--max-rows", type=int, default=40, help="rows printed as a table")
    q.set_defaults(func=_query)

    c = sub.add_parser("compact", help="merge a dataset's small part files into large ones (answers unchanged)")
    c.add_argument("dataset")
    c.add_argument("--target", type=int, default=50_000, metavar="N", help="articles a merged part holds at most")
    c.set_defaults(func=_compact)

    r = sub.add_parser("report", help="an HTML report of a corpus dataset (offline, one file)")
    r.add_argument("dataset")
    r.add_argument("--html", required=True, metavar="OUT")
    r.set_defaults(func=_report)

    s = sub.add_parser("show", help="show an article with its highlights")
    s.add_argument("file", help="an article file (.txt, .md, .html), or - for standard input (UTF-8)")
    s.add_argument("--date", metavar="YYYY-MM-DD", help="the article's date where the text gives none")
    s.add_argument("--html", metavar="OUT", help="write an HTML page instead of text")
    lexicon_arg(s)
    s.set_defaults(func=_show)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; as the program itself (``argv`` None) a run that loaded the corpus's
    native libraries ends with ``os._exit`` once its output is flushed: their thread pools can abort
    the process while it shuts down (pyarrow apache/arrow#34314, duckdb#13904: SIGABRT, 'terminate
    called without an active exception'), and everything is written by then."""
    rc = _main(argv)
    if argv is None and ("pyarrow" in sys.modules or "duckdb" in sys.modules):
        import os

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)
    return rc


def _main(argv: list[str] | None) -> int:
    warnings.filterwarnings("ignore", category=UserWarning, module="jieba")
    args = build_parser().parse_args(argv)
    if argv is None:  # the program itself: SIGTERM ends a run as Ctrl-C does (workers stopped, output whole)
        import signal

        signal.signal(signal.SIGTERM, _interrupt)
        sys.unraisablehook = _quiet_interrupt
    try:
        return int(args.func(args))
    except H200ClaimsError as e:  # the library's own errors: the user's to fix
        print(f"h200claims: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a path that cannot be read or written
        print(f"h200claims: error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as e:  # an optional extra not installed: say which, in one line
        extra = EXTRAS.get((e.name or "").split(".")[0])
        if extra is None:
            raise
        print(f"h200claims: error: {args.command} needs the '{extra}' extra (no module {e.name!r}): "
              f"pip install 'h200claims[{extra}]'", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("h200claims: interrupted; every article finished so far is written (go on with --resume)",
              file=sys.stderr)
        return 130


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _quiet_interrupt(unraisable: Any) -> None:
    """A Ctrl-C that lands in a finaliser (a regex pattern's ``__del__``) is not printed as a
    traceback: it is raised again in the main thread, where the run reports it in one line and
    exits 130; anything else is printed as usual."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        import _thread

        _thread.interrupt_main()
    else:
        sys.__unraisablehook__(unraisable)


if __name__ == "__main__":
    sys.exit(main())
