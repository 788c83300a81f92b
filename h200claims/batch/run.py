"""The batch command: files and folders in, one JSON line (or CSV row, or gold file) per article out.

Results are appended and flushed one article at a time, so an interrupted run leaves whole records
and at most one torn last one; --resume reads the output with its parser (``batch/resume.py``),
drops only that torn record (saying so), and skips the articles already written: the same file,
unchanged. An edited file is a new article; --replace-changed also drops its old record.
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from h200claims.batch.resume import article_key, csv_text, read_csv, read_gold, read_jsonl, resolved, text_id
from h200claims.batch.workers import Failure, extract_paths, extractor_args, failure_of
from h200claims.errors import H200ClaimsError


@dataclass
class Summary:
    articles: int = 0
    claims: int = 0
    skipped: int = 0
    warnings: int = 0
    failures: list[tuple[str, Failure]] = field(default_factory=list)
    seconds: float = 0.0
    left_out: dict[str, int] = field(default_factory=dict)  # files of the folders that are no articles, by reason

    def fail(self, source: str, failure: Failure) -> None:
        """Count an article with no result and say why on stderr, one line."""
        self.failures.append((source, failure))
        message = failure.message.removeprefix(f"{source}: ")  # the path once, not twice
        print(f"h200claims: {source}: {failure.kind} error: {message}", file=sys.stderr)

    def warn(self, source: str, warning: str) -> None:
        self.warnings += 1
        print(f"h200claims: {source}: warning: {warning}", file=sys.stderr)

    def note(self, warning: str) -> None:
        """A warning about the output (a torn record dropped on --resume)."""
        self.warnings += 1
        print(f"h200claims: warning: {warning}", file=sys.stderr)

    def line(self) -> str:
        warned = f", {self.warnings} warnings" if self.warnings else ""
        left = ", ".join(f"{n} {why}" for why, n in self.left_out.items())
        n = sum(self.left_out.values())
        left = f", {n} file{'s' * (n != 1)} left out ({left})" if left else ""
        return (f"{self.articles} articles, {self.claims} claims, {len(self.failures)} failures, "
                f"{self.skipped} skipped{left}{warned}, {self.seconds:.1f}s")


def collect(paths: list[str], include: Any = (), exclude: Any = (),
            summary: "Summary | None" = None) -> tuple[list[str], list[tuple[str, Failure]]]:
    """Article files under the given paths (``batch/inputs.py``: folders recursively, their
    default patterns, --include / --exclude, README and empty files left out), and paths that do
    not exist. With a ``summary``, what was left out is counted there (an empty file warned of)."""
    from h200claims.batch.inputs import EMPTY, select

    sel = select(paths, include, exclude)
    if summary is not None:
        summary.left_out = sel.counts()
        for path, reason in sel.left_out:
            if reason == EMPTY:
                summary.warn(path, "empty file, left out (not an article)")
    return sel.files, sel.missing


#: ``article_id`` and ``claims`` (how many rows the article has) let --resume tell a whole article from a torn one
CSV_FIELDS = ["source", "article_id", "claims", "type", "speaker", "speaker_text", "kind", "cue", "via", "content", "measure",
              "subject", "comparison", "quantity", "value", "unit", "start", "end"]


def csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    aid, n = text_id(record["text"]), len(record["claims"])
    for c in record["claims"]:
        q = c.get("quantity") or {}
        rows.append({
            "source": record["source"], "article_id": aid, "claims": n, "type": c["type"], "speaker": c.get("speaker") or c.get("source"),
            "speaker_text": c.get("speaker_text") or c.get("source_text"), "kind": c.get("kind") or q.get("kind"),
            "cue": c.get("cue"), "via": c.get("via"), "content": c.get("content"), "measure": c.get("measure"),
            "subject": c.get("subject"), "comparison": c.get("comparison"), "quantity": q.get("text"),
            "value": q.get("value"), "unit": q.get("unit"), "start": c["evidence"]["start"], "end": c["evidence"]["end"],
        })
    return rows


class Writer:
    """Writes one article at a time with a single write() of complete lines, so an interrupted
    run leaves only whole records behind (and at most one torn last one)."""

    def __init__(self, out: Path | None, fmt: str, resume: bool, names: dict[str, str] | None = None) -> None:
        self.fmt = fmt
        self.out = out
        self.names = names or {}
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
            self._emit(csv_text([], CSV_FIELDS, header=True))

    def _emit(self, chunk: str) -> None:
        data = chunk.encode("utf-8")
        if self.fd is None:
            sys.stdout.write(chunk)
            sys.stdout.flush()
            return
        while data:
            n = os.write(self.fd, data)
            data = data[n:]

    def write(self, line: str, claims: int) -> int:
        if self.fmt == "jsonl":
            self._emit(line + "\n")
            return claims
        record = json.loads(line)
        if self.fmt == "csv":
            self._emit(csv_text(csv_rows(record), CSV_FIELDS))
        else:
            from h200claims.models import ArticleClaims

            gold = ArticleClaims.model_validate(record).to_gold()
            assert self.out is not None
            target = self.out / gold_name(record["source"], self.names)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, target)
        return claims

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)


def gold_names(files: list[str]) -> dict[str, str]:
    """Each input's gold file, named by its path relative to the inputs' common folder
    (``x/a.txt`` -> ``x/a.gold.json``); two inputs that would share a name keep their suffix
    (``a.md.gold.json``).

    >>> gold_names(["/n/x/a.txt", "/n/y/a.txt", "/n/y/a.md"]) == {
    ...     "/n/x/a.txt": "x/a.gold.json", "/n/y/a.txt": "y/a.txt.gold.json", "/n/y/a.md": "y/a.md.gold.json"}
    True
    """
    paths = [resolved(f) for f in files]
    if not paths:
        return {}
    root = os.path.commonpath([os.path.dirname(p) for p in paths])
    rel = {p: os.path.relpath(p, root) for p in paths}
    stems = [os.path.splitext(r)[0] for r in rel.values()]
    return {p: (os.path.splitext(r)[0] if stems.count(os.path.splitext(r)[0]) == 1 else r) + ".gold.json"
            for p, r in rel.items()}


def gold_name(source: str, names: dict[str, str]) -> str:
    return names.get(resolved(source)) or Path(source).stem + ".gold.json"


def current_ids(files: list[str]) -> dict[str, str | None]:
    """Each input's resolved path -> the article id of its text now (None: unreadable; extracting
    it reports why)."""
    from h200claims.text.read import read_article

    out: dict[str, str | None] = {}
    for f in files:
        try:
            out[resolved(f)] = text_id(read_article(f)[0])
        except Exception:  # noqa: BLE001 - reported when the file is extracted
            out[resolved(f)] = None
    return out


def done_for(out: Path | None, fmt: str, resume: bool, current: dict[str, str | None], summary: Summary,
             replace: bool = False, names: dict[str, str] | None = None) -> set[str]:
    """The keys (``resolved path|article id``) of the articles a resumed run's output holds. The
    output is cut back to its whole records first; with ``replace`` the records of inputs whose
    text has changed are dropped too (the file is rewritten, atomically)."""
    if not resume or out is None:
        return set()
    if fmt == "gold":
        return read_gold(out, {p: gold_name(p, names or {}) for p in current})
    found = read_jsonl(out, summary.note) if fmt == "jsonl" else read_csv(out, CSV_FIELDS, summary.note)
    if out.exists() and found.good != out.stat().st_size:
        with out.open("r+b") as f:
            f.truncate(found.good)
    stale = {k for k in found.keys if k.rsplit("|", 1)[0] in current
             and k.rsplit("|", 1)[1] != current[k.rsplit("|", 1)[0]]}
    if replace and stale:
        drop_records(out, fmt, stale)
        summary.note(f"{out}: {len(stale)} changed articles' old records dropped (--replace-changed)")
    return found.keys - stale if replace else found.keys


def drop_records(out: Path, fmt: str, keys: set[str]) -> None:
    """Rewrite an output without the records of these keys (to a temporary file, then renamed)."""
    import csv

    tmp = out.with_name(out.name + ".tmp")
    with out.open(encoding="utf-8", newline="") as src, tmp.open("w", encoding="utf-8", newline="") as dst:
        if fmt == "jsonl":
            for line in src:
                rec = json.loads(line)
                if article_key(rec["source"], text_id(rec["text"])) not in keys:
                    dst.write(line)
        else:
            reader = csv.DictReader(src)
            dst.write(csv_text([r for r in reader if article_key(r["source"], r["article_id"]) not in keys],
                               CSV_FIELDS, header=True))
    os.replace(tmp, out)


def is_done(path: str, done: set[str], current: dict[str, str | None]) -> bool:
    """Whether a resumed run already holds this article: the same file by any spelling of its
    path, with the same text."""
    aid = current.get(resolved(path))
    return aid is not None and article_key(path, aid) in done


def run_batch(paths: list[str], out: Path | None, fmt: str, jobs: int, resume: bool,
              init_kwargs: dict[str, Any], progress: bool | None = None, replace_changed: bool = False,
              include: Any = (), exclude: Any = ()) -> Summary:
    from h200claims.pipeline import Extractor

    Extractor(**extractor_args(init_kwargs))  # a bad config fails here, once
    start = time.perf_counter()
    summary = Summary()
    files, missing = collect(paths, include, exclude, summary)
    for path, failure in missing:
        summary.fail(path, failure)
    names = gold_names(files) if fmt == "gold" else {}
    current = current_ids(files) if resume and out is not None else {}
    done = done_for(out, fmt, resume, current, summary, replace_changed, names)
    todo = [f for f in files if not is_done(f, done, current)]
    summary.skipped = len(files) - len(todo)
    show = sys.stderr.isatty() if progress is None else progress
    writer = Writer(out, fmt, resume, names)
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
                client: Any = None, progress: bool | None = None, replace_changed: bool = False,
                compact_at: int | None = None, include: Any = (), exclude: Any = ()) -> Summary:
    """``--format parquet``: articles into a corpus dataset (``corpus/store.py``), in batches of
    ``batch_size``; article ids already stored are skipped (so a second run adds only what is new),
    an unreadable file becomes a row of ``errors``. ``paths``: files and folders, or (id, text)
    pairs. ``engine="dask"`` runs the batches on Dask (``client``, else ``scheduler``, else a
    local cluster of ``workers``). An edited file is a new article; ``replace_changed`` retires the
    stored articles of its source that no input holds any more (table ``replaced``), else they are
    kept. ``include`` / ``exclude``: globs choosing a folder's files (``batch/inputs.py``). Each
    run adds its row to ``runs``; past ``compact_at`` part files (default
    ``corpus/compact.py: THRESHOLD``; 0: never) the dataset is compacted after the run."""
    import datetime
    import uuid

    from h200claims.corpus.batch import run_local
    from h200claims.corpus.compact import THRESHOLD, compact, needs_compaction
    from h200claims.corpus.store import Dataset
    from h200claims.pipeline import Extractor

    if out is None:
        raise H200ClaimsError("--format parquet needs -o DATASET (a folder or an fsspec URL)")
    Extractor(**extractor_args(init_kwargs))  # a bad config fails here, once
    start = time.perf_counter()
    started = datetime.datetime.now(datetime.timezone.utc)
    run = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    summary = Summary()
    texts = [p for p in paths if not isinstance(p, str)]
    files, missing = collect([p for p in paths if isinstance(p, str)], include, exclude, summary)
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
                           workers=workers or jobs, client=client, run=run)
    else:
        results = run_local(batches, init_kwargs, jobs, skip, skip_errors, run)  # type: ignore[arg-type]
    n = 0
    written: set[str] = set()
    current: dict[str, str] = {}
    status = "interrupted"
    try:
        for r in results:
            if engine != "dask":  # a Dask task writes its own parts
                r.drop_articles(written, run)
                ds.write(r)
                written.update(a["article_id"] for a in r.rows["articles"])
            current.update(r.sources)
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
        status = "done"
    finally:
        if show:
            print(file=sys.stderr)
        replaced = ds.replace_changed(run, current) if replace_changed and status == "done" else []
        ds.write_run(run, {"started": started, "finished": datetime.datetime.now(datetime.timezone.utc),
                           "status": status, "inputs": [str(p) for p in paths if isinstance(p, str)],
                           "articles": summary.articles, "claims": summary.claims, "skipped": summary.skipped,
                           "failures": len(summary.failures)}, replaced)
        ds.update_actors()  # what was written is kept, and its actors resolved, even after Ctrl-C
    if replaced:
        summary.note(f"{len(replaced)} stored articles of changed files replaced (--replace-changed)")
    limit = THRESHOLD if compact_at is None else compact_at
    if limit and engine != "dask" and needs_compaction(ds, limit):
        compact(ds)
    summary.seconds = time.perf_counter() - start
    return summary
