"""The dataset on disk: ``DATASET/<table>/part-<id>.parquet`` for every table of
``corpus/schema.py``, ``_schema.json`` beside them.

A batch writes its part of every table (each to a temporary name, then renamed), ``articles``
last: a batch is committed once its ``articles`` part exists, and a later write run deletes the
parts of batches that never were. A part's id is a hash of the run and of the articles (and
error rows) it holds (``corpus/batch.py: content_id``), so no write ever replaces another batch's
rows: a re-run adds, never removes. Compaction (``corpus/compact.py``) merges parts into
``part-c….parquet`` files and commits them the same way; ``_compactions/<id>.json`` names the
parts a merged one supersedes. Each run adds one row to ``runs`` and, with ``--replace-changed``,
the articles it retires to ``replaced``. The root is a local path or any fsspec URL (``s3://…``).
"""
from __future__ import annotations

import json
from typing import Any

from h200claims.corpus.schema import DERIVED, RUN_TABLES, SCHEMA_VERSION, TABLES, arrow, describe, schemas
from h200claims.errors import H200ClaimsError

#: tables whose every part is read (not committed by batch)
WHOLE = RUN_TABLES + DERIVED


class Dataset:
    """A corpus dataset at ``root``.

    >>> import tempfile
    >>> from h200claims.corpus.batch import extract_batch
    >>> ds = Dataset(tempfile.mkdtemp() + "/corpus")
    >>> ds.prepare()
    >>> ds.write(extract_batch([("n1", "王小明表示，今年營收成長25%。")], {}))
    >>> len(ds.stored_ids()), sorted(ds.committed())[0] != ""
    (1, True)
    """

    def __init__(self, root: str) -> None:
        from fsspec.core import url_to_fs

        self.url = str(root)
        self.fs, self.root = url_to_fs(self.url)
        self.root = self.root.rstrip("/")

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def part(self, table: str, batch: str) -> str:
        return self.path(table, f"part-{batch}.parquet")

    @staticmethod
    def batch_of(part: str) -> str:
        """The id in a part file's name (``…/part-<id>.parquet``)."""
        return part.rsplit("/", 1)[-1][len("part-"):-len(".parquet")]

    def parts(self, table: str) -> list[str]:
        """The committed-or-not part files of a table (not temporary ones)."""
        if not self.fs.exists(self.path(table)):
            return []
        return sorted(p for p in self.fs.ls(self.path(table), detail=False) if str(p).endswith(".parquet"))

    def prepare(self) -> None:
        """Create the folders and ``_schema.json``; refuse a dataset of another schema version;
        delete the parts of batches that were never committed (an interrupted run's)."""
        meta = self.path("_schema.json")
        if self.fs.exists(meta):
            with self.fs.open(meta, "r") as f:
                found = json.load(f).get("schema_version")
            if found != SCHEMA_VERSION:
                raise H200ClaimsError(f"{self.url}: dataset schema version {found}, this h200claims writes "
                                      f"{SCHEMA_VERSION}; write to a new dataset")
        elif self.fs.exists(self.root) and self.fs.ls(self.root, detail=False):
            raise H200ClaimsError(f"{self.url}: exists and is not an h200claims dataset (no _schema.json)")
        for t in TABLES + WHOLE:
            self.fs.makedirs(self.path(t), exist_ok=True)
        if not self.fs.exists(meta):
            with self.fs.open(meta, "w") as f:
                json.dump(describe(), f, indent=1)
        self.remove_uncommitted()

    # -- what is committed ------------------------------------------------------------------

    def compactions(self) -> dict[str, list[str]]:
        """Merged part id -> the part ids it supersedes (committed or not)."""
        folder = self.path("_compactions")
        if not self.fs.exists(folder):
            return {}
        out = {}
        for p in self.fs.ls(folder, detail=False):
            if str(p).endswith(".json"):
                with self.fs.open(p, "r") as f:
                    out[str(p).rsplit("/", 1)[-1][:-len(".json")]] = json.load(f)["replaces"]
        return out

    def committed(self) -> set[str]:
        """Ids of the committed parts: an ``articles`` part exists, and no committed merged part
        supersedes it."""
        written = {self.batch_of(p) for p in self.parts("articles")}
        gone = {old for new, olds in self.compactions().items() if new in written for old in olds}
        return written - gone

    def committed_parts(self, table: str, done: set[str] | None = None) -> list[str]:
        """The part files readers see: those of committed batches (``done``, else looked up), and
        every part of a run or derived table."""
        if table in WHOLE:
            return self.parts(table)
        done = self.committed() if done is None else done
        return [p for p in self.parts(table) if self.batch_of(p) in done]

    def remove_uncommitted(self) -> None:
        """Delete the parts no reader sees (a batch or a merge cut short, parts a merge
        superseded), temporary files, and merge records that name nothing left."""
        done = self.committed()
        left: set[str] = set()
        for t in TABLES:
            for p in self.parts(t):
                if self.batch_of(p) not in done:
                    self.fs.rm(p)
                else:
                    left.add(self.batch_of(p))
        for t in TABLES + WHOLE:  # temporary files of a write cut short
            if self.fs.exists(self.path(t)):
                for p in self.fs.ls(self.path(t), detail=False):
                    if str(p).endswith(".tmp"):
                        self.fs.rm(p)
        for new, olds in self.compactions().items():
            if new not in left or not left & set(olds):
                self.fs.rm(self.path("_compactions", f"{new}.json"))

    # -- writing ------------------------------------------------------------------------------

    def write(self, result: Any) -> None:
        """Write a ``BatchResult``'s rows, one part a table, ``articles`` last. A batch with no
        new article and no new error writes nothing."""
        if not result.rows["articles"] and not result.rows["errors"]:
            return
        for t in TABLES:
            self.put_table(self.part(t, result.batch), result.rows.get(t, []), t)

    def put_table(self, target: str, rows: Any, table: str) -> None:
        """Write rows (a list of dicts, or a ``pyarrow.Table``) of ``table`` to ``target``, atomically."""
        import pyarrow.parquet as pq

        pa = arrow()
        data = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows, schema=schemas()[table])
        self._put(target, lambda f: pq.write_table(data, f, compression="zstd"))

    def _put(self, target: str, write: Any) -> None:
        tmp = target + ".tmp"
        with self.fs.open(tmp, "wb") as f:
            write(f)
        self.fs.mv(tmp, target)

    def write_run(self, run: str, summary: dict[str, Any], replaced: list[dict[str, Any]]) -> None:
        """The run's row of ``runs`` (the manifest), and the articles it retired."""
        if replaced:
            self.put_table(self.part("replaced", run), replaced, "replaced")
        self.put_table(self.part("runs", run), [{"run": run, **summary, "replaced": len(replaced)}], "runs")

    # -- reading ------------------------------------------------------------------------------

    def read(self, table: str, columns: list[str] | None = None) -> Any:
        """One table, committed batches only, as a ``pyarrow.Table``."""
        import pyarrow.parquet as pq

        pa = arrow()
        tables = []
        for p in self.committed_parts(table):
            with self.fs.open(p, "rb") as f:
                tables.append(pq.read_table(f, columns=columns))
        if not tables:
            sch = schemas()[table]
            return pa.Table.from_pylist([], schema=pa.schema([sch.field(c) for c in columns]) if columns else sch)
        return pa.concat_tables(tables)

    def retired(self) -> set[tuple[str, str]]:
        """(article_id, batch) of the stored articles a run replaced."""
        t = self.read("replaced", ["article_id", "batch"])
        return set(zip(t.column("article_id").to_pylist(), t.column("batch").to_pylist()))

    def live_articles(self) -> list[tuple[str, str, str]]:
        """(article_id, batch, source) of every stored article a reader sees (not replaced)."""
        t = self.read("articles", ["article_id", "batch", "source"])
        gone = self.retired()
        rows = zip(*(t.column(c).to_pylist() for c in ("article_id", "batch", "source")))
        return [r for r in rows if (r[0], r[1]) not in gone]

    def stored_ids(self) -> set[str]:
        """Article ids already stored (and not replaced)."""
        return {a for a, _, _ in self.live_articles()}

    def stored_errors(self) -> set[tuple[str, str, str]]:
        t = self.read("errors", ["source", "kind", "message"])
        return set(zip(*(t.column(c).to_pylist() for c in ("source", "kind", "message"))))

    def replace_changed(self, run: str, current: dict[str, str]) -> list[dict[str, Any]]:
        """The stored articles a run's inputs no longer hold: ``current`` maps each input's
        ``source`` to the article id of its text now; a stored article of such a source whose
        text no input of the run has any more is retired (``replaced``), never deleted."""
        now = set(current.values())
        return [{"article_id": aid, "batch": batch, "source": source, "replaced_by": current[source], "run": run}
                for aid, batch, source in self.live_articles() if source in current and aid not in now]

    def update_actors(self) -> int:
        """Recompute ``actor_keys`` (corpus/identity.py) from every stored entity; returns the
        number of actors."""
        from h200claims.corpus.identity import Occurrence, resolve

        cols = ["article_id", "batch", "actor_key", "label", "lexicon", "name", "aliases", "titles",
                "affiliation_key", "names_folded"]
        t = self.read("entities", cols)
        gone = self.retired()
        occurrences = [Occurrence(aid, key, label, bool(lex), name, tuple(aliases or ()), tuple(titles or ()), aff,
                                  tuple(names or ()))
                       for aid, batch, key, label, lex, name, aliases, titles, aff, names
                       in zip(*(t.column(c).to_pylist() for c in cols)) if (aid, batch) not in gone]
        actors = resolve(occurrences)
        labels = {(o.article_id, o.key): o.label for o in occurrences}
        rows = [{"article_id": a, "actor_key": k, "actor": actor, "label": labels[(a, k)]}
                for (a, k), actor in sorted(actors.items())]
        self.put_table(self.part("actor_keys", "all"), rows, "actor_keys")
        return len(set(actors.values()))
