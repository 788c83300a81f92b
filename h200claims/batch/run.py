"""The batch command: files and folders in, one JSON line (or CSV row, or gold file) per article out.

Results are appended and flushed one article at a time, so an interrupted run leaves a valid
file (a torn last line is dropped on --resume), and --resume skips articles already written.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from h200claims.batch.workers import Failure, extract_paths, extractor_args, failure_of
from h200claims.errors import H200ClaimsError

SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass
class Summary:
    articles: int = 0
    claims: int = 0
    skipped: int = 0
    warnings: int = 0
    failures: list[tuple[str, Failure]] = field(default_factory=list)
    seconds: float = 0.0

    def fail(self, source: str, failure: Failure) -> None:
        """Count an article with no result and say why on stderr, one line."""
        self.failures.append((source, failure))
        print(f"h200claims: {source}: {failure}", file=sys.stderr)

    def warn(self, source: str, warning: str) -> None:
        self.warnings += 1
        print(f"h200claims: {source}: warning: {warning}", file=sys.stderr)

    def line(self) -> str:
        warned = f", {self.warnings} warnings" if self.warnings else ""
        return (f"{self.articles} articles, {self.claims} claims, {len(self.failures)} failures, "
                f"{self.skipped} skipped{warned}, {self.seconds:.1f}s")


def collect(paths: list[str]) -> tuple[list[str], list[tuple[str, Failure]]]:
    """Article files under the given paths (folders recursively), and paths that do not exist."""
    found: list[str] = []
    missing: list[tuple[str, Failure]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(str(f) for f in sorted(path.rglob("*")) if f.suffix.lower() in SUFFIXES and f.is_file())
        elif path.exists():
            found.append(str(path))
        else:
            missing.append((p, Failure("io", "no such file or directory")))
    seen: set[str] = set()
    unique = []
    for f in found:  # the same file named twice (a folder and a file in it) is extracted once
        if resolved(f) not in seen:
            seen.add(resolved(f))
            unique.append(f)
    return unique, missing


def resolved(path: str) -> str:
    """The path as the resume check compares it: absolute, symlinks resolved."""
    return str(Path(path).resolve())


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def done_sources(out: Path) -> set[str]:
    """Articles already in a JSONL output, as ``resolved path|sha256 of the text``: the same file
    by any spelling of its path, unchanged since; a torn last line is cut off the file."""
    if not out.exists():
        return set()
    done: set[str] = set()
    good = 0
    with out.open("rb") as f:
        for raw in f:
            try:
                record = json.loads(raw)
                done.add(resolved(record["source"]) + "|" + text_hash(record["text"]))
                good += len(raw)
            except (ValueError, KeyError, TypeError):
                break
    if good != out.stat().st_size:
        with out.open("r+b") as f:
            f.truncate(good)
    return done


CSV_FIELDS = ["source", "type", "speaker", "speaker_text", "kind", "cue", "via", "content", "measure",
              "subject", "comparison", "quantity", "value", "unit", "start", "end"]


def csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for c in record["claims"]:
        q = c.get("quantity") or {}
        rows.append({
            "source": record["source"], "type": c["type"], "speaker": c.get("speaker") or c.get("source"),
            "speaker_text": c.get("speaker_text") or c.get("source_text"), "kind": c.get("kind") or q.get("kind"),
            "cue": c.get("cue"), "via": c.get("via"), "content": c.get("content"), "measure": c.get("measure"),
            "subject": c.get("subject"), "comparison": c.get("comparison"), "quantity": q.get("text"),
            "value": q.get("value"), "unit": q.get("unit"), "start": c["evidence"]["start"], "end": c["evidence"]["end"],
        })
    return rows


class Writer:
    """Writes one article at a time with a single write() of complete lines, so an interrupted
    run leaves only whole records behind."""

    def __init__(self, out: Path | None, fmt: str, resume: bool) -> None:
        self.fmt = fmt
        self.out = out
        self.fd: int | None = None
        if fmt == "gold":
            if out is None:
                raise H200ClaimsError("--format gold needs -o DIR")
            out.mkdir(parents=True, exist_ok=True)
            return
        if out is not None:
            fresh = not (resume and out.exists() and out.stat().st_size)
            flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if fresh else os.O_APPEND)
            self.fd = os.open(out, flags, 0o644)
        if fmt == "csv" and (out is None or os.fstat(self.fd).st_size == 0):  # type: ignore[arg-type]
            self._emit(self._csv([], header=True))

    def _emit(self, chunk: str) -> None:
        data = chunk.encode("utf-8")
        if self.fd is None:
            sys.stdout.write(chunk)
            sys.stdout.flush()
            return
        while data:
            n = os.write(self.fd, data)
            data = data[n:]

    @staticmethod
    def _csv(rows: list[dict[str, Any]], header: bool = False) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=CSV_FIELDS)
        if header:
            w.writeheader()
        w.writerows(rows)
        return buf.getvalue()

    def write(self, line: str, claims: int) -> int:
        if self.fmt == "jsonl":
            self._emit(line + "\n")
            return claims
        record = json.loads(line)
        if self.fmt == "csv":
            self._emit(self._csv(csv_rows(record)))
        else:
            from h200claims.models import ArticleClaims

            gold = ArticleClaims.model_validate(record).to_gold()
            assert self.out is not None
            target = self.out / (Path(record["source"]).stem + ".gold.json")
            tmp = target.with_suffix(".tmp")
            tmp.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, target)
        return claims

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)


def done_for(out: Path | None, fmt: str, resume: bool) -> set[str]:
    if not resume or out is None:
        return set()
    if fmt == "jsonl":
        return done_sources(out)
    if fmt == "gold":
        return {p.name for p in out.glob("*.gold.json")}
    if not out.exists():
        return set()
    with out.open(encoding="utf-8") as f:
        return {resolved(row["source"]) for row in csv.DictReader(f)}


def is_done(path: str, done: set[str]) -> bool:
    """Whether a resumed run already holds this article: (JSONL) the same file by any spelling of
    its path with the same text, (CSV) the same resolved path, (gold) the same gold file name."""
    if not done:
        return False
    if resolved(path) in done or Path(path).stem + ".gold.json" in done:
        return True
    try:
        from h200claims.text.read import read_article

        return resolved(path) + "|" + text_hash(read_article(path)[0]) in done
    except Exception:  # noqa: BLE001 - an unreadable file is not done; extracting it reports why
        return False


def run_batch(paths: list[str], out: Path | None, fmt: str, jobs: int, resume: bool,
              init_kwargs: dict[str, Any], progress: bool | None = None) -> Summary:
    from h200claims.pipeline import Extractor

    Extractor(**extractor_args(init_kwargs))  # a bad config fails here, once
    start = time.perf_counter()
    summary = Summary()
    files, missing = collect(paths)
    for path, failure in missing:
        summary.fail(path, failure)
    done = done_for(out, fmt, resume)
    todo = [f for f in files if not is_done(f, done)]
    summary.skipped = len(files) - len(todo)
    show = sys.stderr.isatty() if progress is None else progress
    writer = Writer(out, fmt, resume)
    try:
        results = in_input_order(todo, extract_paths(init_kwargs, todo, jobs))
        for n, (path, line, error, (claims, warns)) in enumerate(results, 1):
            if error is not None:
                summary.fail(path, error)
            else:
                assert line is not None
                summary.claims += writer.write(line, claims)
                summary.articles += 1
            for w in warns:
                summary.warn(path, w)
            if show:
                print(f"\r[{n}/{len(todo)}] {os.path.basename(path)[:40]:<40}", end="", file=sys.stderr, flush=True)
    finally:
        writer.close()
        if show:
            print(file=sys.stderr)
    summary.seconds = time.perf_counter() - start
    return summary


def in_input_order(paths: list[str], results: Any) -> Any:
    """Results as the workers finish them, handed on in the order of ``paths`` (the ones that
    finish early wait in memory for those before them)."""
    position = {p: i for i, p in enumerate(paths)}
    waiting: dict[int, Any] = {}
    nxt = 0
    for r in results:
        waiting[position[r[0]]] = r
        while nxt in waiting:
            yield waiting.pop(nxt)
            nxt += 1
    for i in sorted(waiting):  # a path given twice: whatever is left, in order
        yield waiting[i]


def run_stdin(out: Path | None, fmt: str, init_kwargs: dict[str, Any]) -> Summary:
    """``h200claims extract -``: one article read from standard input (UTF-8), source ``<stdin>``."""
    from h200claims.pipeline import Extractor

    # a bad config or lexicon is the user's error (exit 2), not a failure
    extractor = Extractor(**extractor_args(init_kwargs))
    start = time.perf_counter()
    summary = Summary()
    writer = Writer(out, fmt, resume=False)
    try:
        text = sys.stdin.buffer.read().decode("utf-8-sig")
        result = extractor.extract(text, source="<stdin>", date=init_kwargs.get("date"))
        summary.claims += writer.write(result.model_dump_json(), len(result.claims))
        summary.articles += 1
        for w in result.warnings:
            summary.warn("<stdin>", w)
    except (UnicodeDecodeError, H200ClaimsError, OSError) as e:
        failure = Failure("input", "standard input is not UTF-8 text") if isinstance(e, UnicodeDecodeError) \
            else failure_of(e)
        summary.fail("<stdin>", failure)
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - start
    return summary


def run_dataset(paths: list[Any], out: str | None, jobs: int, init_kwargs: dict[str, Any], batch_size: int = 100,
                engine: str = "local", scheduler: str | None = None, workers: int | None = None,
                client: Any = None, progress: bool | None = None) -> Summary:
    """``--format parquet``: articles into a corpus dataset (``corpus/store.py``), in batches of
    ``batch_size``; article ids already stored are skipped (so a second run adds only what is new),
    an unreadable file becomes a row of ``errors``. ``paths``: files and folders, or (id, text)
    pairs. ``engine="dask"`` runs the batches on Dask (``client``, else ``scheduler``, else a
    local cluster of ``workers``)."""
    from h200claims.corpus.batch import run_local
    from h200claims.corpus.store import Dataset
    from h200claims.pipeline import Extractor

    if out is None:
        raise H200ClaimsError("--format parquet needs -o DATASET (a folder or an fsspec URL)")
    Extractor(**extractor_args(init_kwargs))  # a bad config fails here, once
    start = time.perf_counter()
    summary = Summary()
    texts = [p for p in paths if not isinstance(p, str)]
    files, missing = collect([p for p in paths if isinstance(p, str)])
    items: list[Any] = files + texts
    for path, failure in missing:
        summary.fail(path, failure)
    ds = Dataset(str(out))
    ds.prepare()
    skip, skip_errors = ds.stored_ids(), ds.stored_errors()
    size = max(1, batch_size)
    batches = [items[i:i + size] for i in range(0, len(items), size)]
    show = sys.stderr.isatty() if progress is None else progress
    if engine == "dask":
        from h200claims.corpus.dask_engine import run_dask

        results = run_dask(batches, ds.url, init_kwargs, skip, skip_errors, scheduler=scheduler,
                           workers=workers or jobs, client=client)
    else:
        results = run_local(batches, init_kwargs, jobs, skip, skip_errors)  # type: ignore[arg-type]
    n = 0
    written: set[str] = set()
    try:
        for r in results:
            if engine != "dask":  # a Dask task writes its own parts
                r.drop_articles(written)
                ds.write(r)
                written.update(a["article_id"] for a in r.rows["articles"])
            n += r.articles + r.skipped + len(r.failures)
            summary.articles += r.articles
            summary.claims += r.claims
            summary.skipped += r.skipped
            for path, failure in r.failures:
                summary.fail(path, failure)
            for path, w in r.warnings:
                summary.warn(path, w)
            if show:
                print(f"\r[{n}/{len(items)}] articles", end="", file=sys.stderr, flush=True)
    finally:
        if show:
            print(file=sys.stderr)
        ds.update_actors()  # what was written is kept, and its actors resolved, even after Ctrl-C
    summary.seconds = time.perf_counter() - start
    return summary
