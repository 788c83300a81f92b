"""The dataset on disk: ``DATASET/<table>/part-<batch>.parquet`` for every table of
``corpus/schema.py``, ``_schema.json`` beside them, and the derived ``actor_keys`` table.

A batch writes its part of every table (each to a temporary name, then renamed), ``articles``
last: a batch is committed once its ``articles`` part exists, and a later write run deletes the
parts of batches that never were. Part names come from the batch's items, so a retried batch
overwrites its own files. The root is a local path or any fsspec URL (``s3://…``) the
environment supports.
"""
from __future__ import annotations

import json
from typing import Any

from h200claims.corpus.schema import DERIVED, SCHEMA_VERSION, TABLES, arrow, describe, schemas
from h200claims.errors import H200ClaimsError


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
        """The batch id in a part file's name (``…/part-<batch>.parquet``)."""
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
        for t in TABLES + DERIVED:
            self.fs.makedirs(self.path(t), exist_ok=True)
        if not self.fs.exists(meta):
            with self.fs.open(meta, "w") as f:
                json.dump(describe(), f, indent=1)
        self.remove_uncommitted()

    def committed(self) -> set[str]:
        """Ids of the batches whose ``articles`` part exists."""
        return {self.batch_of(p) for p in self.parts("articles")}

    def committed_parts(self, table: str, done: set[str] | None = None) -> list[str]:
        """The part files readers see: those of committed batches (``done``, else looked up), and
        every part of a derived table."""
        if table in DERIVED:
            return self.parts(table)
        done = self.committed() if done is None else done
        return [p for p in self.parts(table) if self.batch_of(p) in done]

    def remove_uncommitted(self) -> None:
        done = self.committed()
        for t in TABLES:
            for p in self.parts(t):
                if self.batch_of(p) not in done:
                    self.fs.rm(p)
        for t in TABLES:  # temporary files of a write cut short
            if self.fs.exists(self.path(t)):
                for p in self.fs.ls(self.path(t), detail=False):
                    if str(p).endswith(".tmp"):
                        self.fs.rm(p)

    def write(self, result: Any) -> None:
        """Write a ``BatchResult``'s rows, one part a table, ``articles`` last. A batch with no
        new article and no new error writes nothing."""
        if not result.rows["articles"] and not result.rows["errors"]:
            return
        import pyarrow.parquet as pq

        pa = arrow()
        for t in TABLES:
            table = pa.Table.from_pylist(result.rows.get(t, []), schema=schemas()[t])
            self._put(self.part(t, result.batch), lambda f, table=table: pq.write_table(table, f, compression="zstd"))

    def _put(self, target: str, write: Any) -> None:
        tmp = target + ".tmp"
        with self.fs.open(tmp, "wb") as f:
            write(f)
        self.fs.mv(tmp, target)

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

    def stored_ids(self) -> set[str]:
        """Article ids already stored."""
        return set(self.read("articles", ["article_id"]).column("article_id").to_pylist())

    def stored_errors(self) -> set[tuple[str, str, str]]:
        t = self.read("errors", ["source", "kind", "message"])
        return set(zip(*(t.column(c).to_pylist() for c in ("source", "kind", "message"))))

    def update_actors(self) -> int:
        """Recompute ``actor_keys`` (corpus/identity.py) from every stored entity; returns the
        number of actors."""
        import pyarrow.parquet as pq

        from h200claims.corpus.identity import resolve

        pa = arrow()
        t = self.read("entities", ["actor_key", "label", "lexicon", "names_folded"])
        labels: dict[str, str] = {}
        rows = []
        for key, label, lex, names in zip(*(t.column(c).to_pylist() for c in t.column_names)):
            labels.setdefault(key, label)
            rows.append((key, label, bool(lex), names or []))
        actors = resolve(rows)
        table = pa.Table.from_pylist([{"actor_key": k, "actor": a, "label": labels[k]} for k, a in actors.items()],
                                     schema=schemas()["actor_keys"])
        self._put(self.part("actor_keys", "all"), lambda f: pq.write_table(table, f))
        return len(set(actors.values()))
