#!/usr/bin/env python3
"""The real-page dev corpus (fixtures/real): manifest, restoring texts, compiling gold, agreement.

Page text is third-party material and stays out of git: the repository holds the manifest (where
each page was found, its sha256 and length) and one annotation spec per page; texts and compiled
gold live in ignored folders (see fixtures/real/README.md).

    python tools/real_corpus.py manifest            merge manifest.d/*.json, add sha256 and chars
    python tools/real_corpus.py restore ID RESPONSE write texts/ID.txt from a saved search answer
                                                    (the JSON the search tool returned), checked
    python tools/real_corpus.py check               which texts are present and match their sha256
    python tools/real_corpus.py compile [--second]  specs/ -> gold/ (specs2/ -> gold2/), checked
    python tools/real_corpus.py stats               variety and per-page counts against the issue's bar
    python tools/real_corpus.py agree               score the second annotation against the first

Compiling uses the project's own ``h200claims.evaluate.gold_spec`` (the same rules as
../shared/gold/goldc.py; ``--goldc PATH`` runs that script instead, as a cross-check).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "real"
ACTOR_LABELS = ("PERSON", "ORG")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # exactly as saved: no newline translation
        return f.read()


def load_manifest(root: Path = ROOT) -> list[dict]:
    path = root / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8"))["pages"] if path.exists() else []


def write_manifest(pages: list[dict], root: Path = ROOT) -> None:
    doc = {"about": "Real Chinese-language news pages for development scoring; texts are not in git "
                    "(fixtures/real/README.md says how to restore them).",
           "pages": sorted(pages, key=lambda p: p["id"])}
    (root / "manifest.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def cmd_manifest(args: argparse.Namespace) -> int:
    """Merge the annotators' fragments into manifest.json; sha256 and chars come from the texts."""
    pages = {p["id"]: p for p in load_manifest(args.root)}
    for frag in sorted((args.root / "manifest.d").glob("*.json")):
        for p in json.loads(frag.read_text(encoding="utf-8")):
            pages[p["id"]] = {**pages.get(p["id"], {}), **p}
    for pid, p in pages.items():
        text_path = args.root / "texts" / f"{pid}.txt"
        if text_path.exists():
            text = read_text(text_path)
            p["sha256"], p["chars"] = sha256(text), len(text)
        elif "sha256" not in p:
            print(f"{pid}: no text and no sha256 yet", file=sys.stderr)
    urls = Counter(p["url"] for p in pages.values())
    for url, n in urls.items():
        if n > 1:
            print(f"warning: {url} appears {n} times", file=sys.stderr)
    write_manifest(list(pages.values()), args.root)
    print(f"{len(pages)} pages in {args.root / 'manifest.json'}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Write a page's text from a saved search answer, refusing it unless its sha256 matches."""
    page = next((p for p in load_manifest(args.root) if p["id"] == args.id), None)
    if page is None:
        raise SystemExit(f"no page {args.id!r} in the manifest")
    answer = json.loads(Path(args.response).read_text(encoding="utf-8"))
    hits = [r for r in answer.get("results", []) if r.get("url") == page["url"]]
    if not hits:
        raise SystemExit(f"{args.id}: the answer has no result with url {page['url']} "
                         f"(query it with: {page['query']!r}, rank {page['rank']})")
    text = hits[0]["excerpt"]
    if sha256(text) != page["sha256"]:
        raise SystemExit(f"{args.id}: the excerpt's sha256 differs from the manifest's (the stored page changed?)")
    out = args.root / "texts" / f"{args.id}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    print(f"{args.id}: restored {len(text)} chars to {out}")
    return 0


def present_pages(root: Path) -> tuple[list[dict], list[str]]:
    """(pages whose text is present and matches, problems)."""
    ok, problems = [], []
    for p in load_manifest(root):
        path = root / "texts" / f"{p['id']}.txt"
        if not path.exists():
            problems.append(f"{p['id']}: text missing")
        elif sha256(read_text(path)) != p.get("sha256"):
            problems.append(f"{p['id']}: sha256 differs from the manifest")
        else:
            ok.append(p)
    return ok, problems


def cmd_check(args: argparse.Namespace) -> int:
    ok, problems = present_pages(args.root)
    for line in problems:
        print(line)
    print(f"{len(ok)} of {len(ok) + len(problems)} texts present and matching")
    return 1 if problems and not args.allow_missing else 0


def compile_one(spec_path: Path, text_path: Path, out: Path, goldc: str | None) -> list[str]:
    """Compile one spec; the list of errors (empty when sound)."""
    if goldc:
        r = subprocess.run([sys.executable, goldc, "compile", str(spec_path), str(text_path), str(out)],
                           capture_output=True, text=True)
        return [x for x in (r.stdout + r.stderr).splitlines() if "ERROR" in x or "not found" in x or "overlap" in x]
    sys.path.insert(0, str(ROOT.parent.parent))
    from h200claims.errors import H200ClaimsInputError
    from h200claims.evaluate.gold_spec import check, compile_spec
    text = read_text(text_path)
    try:
        gold = compile_spec(json.loads(spec_path.read_text(encoding="utf-8")), text, text_path.name)
    except H200ClaimsInputError as e:
        return [str(e)]
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return check(gold, text)


def cmd_compile(args: argparse.Namespace) -> int:
    specs, gold_dir = ("specs2", "gold2") if args.second else ("specs", "gold")
    ok, _ = present_pages(args.root)
    present = {p["id"] for p in ok}
    (args.root / gold_dir).mkdir(exist_ok=True)
    bad = done = 0
    for spec in sorted((args.root / specs).glob("*.spec.json")):
        pid = spec.name.removesuffix(".spec.json")
        if pid not in present:
            print(f"{pid}: skipped (text absent or changed)")
            continue
        errors = compile_one(spec, args.root / "texts" / f"{pid}.txt", args.root / gold_dir / f"{pid}.gold.json",
                             args.goldc)
        done += 1
        for e in errors:
            print(f"{pid}: {e}")
        bad += bool(errors)
    print(f"{done} specs compiled into {args.root / gold_dir}, {bad} with errors")
    return 1 if bad else 0


def page_counts(gold: dict) -> dict[str, int]:
    """What the corpus bar counts: named actors (people, organisations, places and products, as the
    product names them; ``people_orgs`` the PERSON and ORG ones the actors score uses), quotes, quantities."""
    labels = [e["label"] for e in gold["entities"]]
    return {"actors": len(labels), "people_orgs": sum(1 for lab in labels if lab in ACTOR_LABELS),
            "quotes": len(gold["quotes"]), "quantities": len(gold["quantities"])}


def cmd_stats(args: argparse.Namespace) -> int:
    pages = load_manifest(args.root)
    for key in ("script", "region", "outlet", "beat"):
        print(f"{key}: " + ", ".join(f"{k} {n}" for k, n in Counter(p.get(key) for p in pages).most_common()))
    short = []
    for p in pages:
        g = args.root / "gold" / f"{p['id']}.gold.json"
        if not g.exists():
            short.append(f"{p['id']}: no compiled gold")
            continue
        c = page_counts(json.loads(g.read_text(encoding="utf-8")))
        if c["quotes"] < 1 or c["quantities"] < 3 or c["actors"] < 4:
            short.append(f"{p['id']}: below the bar {c}")
    print(f"{len(pages)} pages, {len({p.get('outlet') for p in pages})} outlets")
    for line in short:
        print(line)
    return 0


AGREEMENT_TASKS = ("actors", "mentions_strict", "quantities", "quotes", "speakers", "claims",
                   "claim_subject", "claim_source", "claim_measure")


def cmd_agree(args: argparse.Namespace) -> int:
    """The second annotation scored against the first, summed over the pages both annotated."""
    sys.path.insert(0, str(ROOT.parent.parent))
    from h200claims.evaluate.score import PRF, score_article
    totals: dict[str, PRF] = {}
    pages = sorted(p.name for p in (args.root / "gold2").glob("*.gold.json"))
    for name in pages:
        first = args.root / "gold" / name
        if not first.exists():
            print(f"{name}: no first annotation")
            continue
        scores = score_article(json.loads(first.read_text(encoding="utf-8")),
                               json.loads((args.root / "gold2" / name).read_text(encoding="utf-8")))
        for k, v in scores.items():
            if isinstance(v, PRF):
                totals.setdefault(k, type(v)()).add(v)
    print(f"agreement over {len(pages)} pages (second annotation scored against the first)")
    print(f"{'metric':<18}{'P':>7}{'R':>7}{'F1':>7}")
    for t in AGREEMENT_TASKS:
        if t in totals:
            s = totals[t]
            print(f"{t:<18}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("manifest").set_defaults(func=cmd_manifest)
    r = sub.add_parser("restore")
    r.add_argument("id")
    r.add_argument("response", help="a file holding the search tool's JSON answer")
    r.set_defaults(func=cmd_restore)
    c = sub.add_parser("check")
    c.add_argument("--allow-missing", action="store_true")
    c.set_defaults(func=cmd_check)
    k = sub.add_parser("compile")
    k.add_argument("--second", action="store_true", help="the second annotation (specs2 -> gold2)")
    k.add_argument("--goldc", help="compile with this goldc.py instead of the project's compiler")
    k.set_defaults(func=cmd_compile)
    sub.add_parser("stats").set_defaults(func=cmd_stats)
    sub.add_parser("agree").set_defaults(func=cmd_agree)
    args = ap.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
