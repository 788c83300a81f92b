"""Run the README's example commands (the indented ``$ h200claims …`` lines) as written, in a
scratch folder beside the repository's fixtures, and compare the figures the README shows under
each with what the command prints now.

    python tools/readme_figures.py           # rewrite README.md's figures from the commands' output
    python tools/readme_figures.py --check   # exit 1, listing the differences, if they have drifted

Each line the README shows under a command is matched to the printed line of the same shape (its
words with the numbers blanked: '# articles, # claims …', 'quotes # # …'); timings ('3.4s') are
not compared. A command that fails, or a shown line the command no longer prints, is an error.
``tests/test_first_hour.py`` runs the check.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
SECONDS = re.compile(r"\d+(?:\.\d+)?s$")


def shape(line: str) -> str:
    """A line's words with the numbers blanked, first three words: what a printed line is matched on."""
    return " ".join(NUMBER.sub("#", line).split()[:3])


def examples(lines: list[str]) -> list[tuple[int, str, list[int]]]:
    """(line number, command, numbers of the lines shown under it) of each ``    $ h200claims`` line."""
    out = []
    i = 0
    while i < len(lines):
        m = re.match(r"^    \$ (h200claims .*)$", lines[i])
        i += 1
        if not m:
            continue
        shown = []
        while i < len(lines) and lines[i].startswith("    ") and not lines[i].startswith("    $"):
            shown.append(i)
            i += 1
        out.append((i, m.group(1), shown))
    return out


def run(command: str, cwd: Path) -> list[str]:
    args = shlex.split(command)
    p = subprocess.run([sys.executable, "-m", "h200claims.cli", *args[1:]], cwd=cwd, capture_output=True,
                       text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if p.returncode != 0:
        raise SystemExit(f"README command failed (exit {p.returncode}): {command}\n{p.stderr}")
    return [ln.rstrip() for ln in (p.stdout + "\n" + p.stderr).splitlines() if ln.strip()]


def figures(readme: str) -> tuple[str, list[str]]:
    """The README with every shown line replaced by the printed one, and the differences."""
    lines = readme.split("\n")
    diffs: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(ROOT / "fixtures", Path(tmp) / "fixtures")
        for _, command, shown in examples(lines):
            printed = {shape(ln): ln for ln in reversed(run(command, Path(tmp)))}
            for n in shown:
                want = lines[n][4:]
                got = printed.get(shape(want))
                if got is None:
                    diffs.append(f"{command}: no longer prints a line like {want!r}")
                    continue
                if " ".join(SECONDS.sub("", got).split()) != " ".join(SECONDS.sub("", want).split()):
                    diffs.append(f"{command}:\n  README:  {want}\n  printed: {got}")
                    if SECONDS.search(want):  # the README keeps its own timing
                        got = SECONDS.sub(SECONDS.search(want).group(0), got)  # type: ignore[union-attr]
                    lines[n] = "    " + got
    return "\n".join(lines), diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only report drifted figures (exit 1 if any)")
    args = ap.parse_args()
    text = README.read_text(encoding="utf-8")
    new, diffs = figures(text)
    for d in diffs:
        print(d)
    if args.check:
        return 1 if diffs else 0
    if new != text:
        README.write_text(new, encoding="utf-8")
        print(f"rewrote {len(diffs)} lines of {README.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
