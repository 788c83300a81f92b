"""Which files of the paths given to ``h200claims extract`` are articles.

A file named on the command line is always read. In a folder (recursively), a file is an article
when its name or its path below the folder matches one of the patterns: ``DEFAULT_PATTERNS``
(``*.txt``, ``*.md``, ``*.html``, ``*.htm``), or the ``--include`` globs in their place. Left out,
and counted in the summary: files matching an ``--exclude`` glob, files named like a project's
own documents (``NOT_ARTICLES``: README, LICENSE, CHANGELOG, CONTRIBUTING …, any suffix, any case)
and empty files (which also get a warning). Hidden files and folders (``.git``) are never read.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> for name, text in [("a.txt", "王小明表示。"), ("README.md", "# notes"), ("b.html", "<p>x</p>"), ("c.txt", "")]:
...     _ = (d / name).write_text(text, encoding="utf-8")
>>> s = select([str(d)])
>>> [pathlib.Path(f).name for f in s.files], s.counts()
(['a.txt', 'b.html'], {'named README, LICENSE, …': 1, 'empty': 1})
>>> [pathlib.Path(f).name for f in select([str(d)], include=["*.txt"], exclude=["a.*"]).files]
[]
"""
from __future__ import annotations

import fnmatch
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from h200claims.batch.resume import resolved
from h200claims.batch.workers import Failure

#: the files of a folder taken for articles unless --include says otherwise
DEFAULT_PATTERNS = ("*.txt", "*.md", "*.html", "*.htm")
#: a folder's files named so (before the first dot, any case) are a project's documents, not news
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "CHANGES", "HISTORY",
                          "CONTRIBUTING", "CODE_OF_CONDUCT", "AUTHORS", "SECURITY"})
NAMED = "named README, LICENSE, …"
EMPTY = "empty"
EXCLUDED = "--exclude"
#: a file this small is read to see whether it holds only white space
SMALL = 256


@dataclass
class Selection:
    files: list[str] = field(default_factory=list)
    missing: list[tuple[str, Failure]] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    def counts(self) -> dict[str, int]:
        """How many files were left out, by reason (in the order first met)."""
        return dict(Counter(reason for _, reason in self.left_out))


def matches(rel: str, globs: Iterable[str]) -> bool:
    """Whether a glob matches the file's name or its path below the folder (``/`` separated),
    case-insensitively.

    >>> matches("2025/12/a.TXT", ["*.txt"]), matches("drafts/a.txt", ["drafts/*"]), matches("a.md", ["*.txt"])
    (True, True, False)
    """
    rel = rel.lower()
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, g.lower()) or fnmatch.fnmatchcase(name, g.lower()) for g in globs)


def is_empty(path: Path) -> bool:
    """No bytes, or only white space (and a byte-order mark) in a small file."""
    size = path.stat().st_size
    if size == 0:
        return True
    if size > SMALL:
        return False
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "utf-16"):
        try:
            return not raw.decode(enc).strip()
        except UnicodeDecodeError:
            continue
    return False


def select(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> Selection:
    """The article files under ``paths`` (folders recursively, in name order; the same file named
    twice once), the paths that do not exist, and the files left out with the reason."""
    patterns = tuple(include) or DEFAULT_PATTERNS
    excluded = tuple(exclude)
    out = Selection()
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path).as_posix()
                if any(part.startswith(".") for part in rel.split("/")) or not matches(rel, patterns) \
                        or not f.is_file():
                    continue
                if excluded and matches(rel, excluded):
                    out.left_out.append((str(f), EXCLUDED))
                elif f.name.split(".", 1)[0].upper() in NOT_ARTICLES:
                    out.left_out.append((str(f), NAMED))
                else:
                    found.append(str(f))
        elif path.exists():
            found.append(str(path))
        else:
            out.missing.append((p, Failure("io", "no such file or directory")))
    seen: set[str] = set()
    for name in found:  # the same file named twice (a folder and a file in it) is extracted once
        key = resolved(name)
        if key in seen:
            continue
        seen.add(key)
        if os.path.isfile(name) and is_empty(Path(name)):
            out.left_out.append((name, EMPTY))
        else:
            out.files.append(name)
    return out
