"""Views of a result: HTML (notebooks, `h200claims show --html`) and plain text (terminal)."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from h200claims.models import ArticleClaims

COLOURS = {"PERSON": "#ffd6a5", "ORG": "#caffbf", "GPE": "#9bf6ff", "PRODUCT": "#bdb2ff",
           "quantity": "#fdffb6", "quote": "#ffc6ff"}
STYLE = """
.h2c { font-family: sans-serif; line-height: 2; white-space: pre-wrap; }
.h2c mark { padding: 0 2px; border-radius: 3px; }
.h2c .quote { border-bottom: 2px solid #c0c; background: none; }
.h2c .lbl { font-size: 0.6em; font-weight: bold; margin-left: 2px; vertical-align: super; }
.h2c .boiler { color: #aaa; }
""" + "".join(f".h2c .{k} {{ background: {v}; }}\n" for k, v in COLOURS.items())


def _events(result: "ArticleClaims") -> list[tuple[int, int, str, str, str]]:
    """(start, end, css class, label, title) for every highlight, quotes first so they nest outside."""
    names = {e.id: e.name for e in result.entities}
    ev = []
    for q in result.quotes:
        who = names.get(q.speaker or "", q.speaker_text or "?")
        ev.append((q.start, q.end, "quote", f"{q.kind} · {who}", f"speaker: {who}; cue: {q.cue}; rule: {q.rule}"))
    for e in result.entities:
        for m in e.mentions:
            ev.append((m.start, m.end, m.label, m.label, f"{e.name} ({e.id}); rule: {m.rule}"))
    for q in result.quantities:
        val = q.unit if q.kind == "date" else f"{q.value} {q.unit or ''}"
        ev.append((q.start, q.end, "quantity", q.kind, f"{q.kind}: {val}; rule: {q.rule}"))
    return ev


def render(result: "ArticleClaims", full_page: bool = False) -> str:
    text = result.text
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for s, e, cls, label, title in sorted(_events(result), key=lambda x: (x[0], -(x[1] - x[0]))):
        tag = "span" if cls == "quote" else "mark"
        opens.setdefault(s, []).append(f'<{tag} class="{cls}" title="{html.escape(title)}">')
        closes.setdefault(e, []).insert(0, f'<span class="lbl">{html.escape(label)}</span></{tag}>')
    body = set()
    for a, b in result.body:
        body.update((a, b))
    out = [f"<style>{STYLE}</style>", '<div class="h2c">']
    inside = {i for a, b in result.body for i in (a,)}
    in_body = False
    for i, ch in enumerate(text):
        out.extend(closes.get(i, []))
        if i in inside and not in_body:
            out.append("</span>")
            in_body = True
        if any(b == i for _, b in result.body):
            out.append('<span class="boiler">')
            in_body = False
        if i == 0 and 0 not in inside:
            out.append('<span class="boiler">')
        out.extend(opens.get(i, []))
        out.append(html.escape(ch))
    out.extend(closes.get(len(text), []))
    out.append("</div>")
    page = "".join(out)
    if full_page:
        return f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(result.source or "article")}</title></head><body>{page}</body></html>'
    return page


def render_text(result: "ArticleClaims") -> str:
    names = {e.id: e.name for e in result.entities}
    lines = [f"{result.source or ''} {result.date or ''}".strip(), ""]
    lines.append("Entities:")
    for e in result.entities:
        lines.append(f"  {e.label:<8}{e.name} [{', '.join(sorted({m.text for m in e.mentions}))}] x{len(e.mentions)}")
    lines.append("Quantities:")
    for q in result.quantities:
        lines.append(f"  {q.text:<16}{q.kind:<9}{q.value if q.kind != 'date' else ''} {q.unit or ''}")
    lines.append("Quotes:")
    for q in result.quotes:
        who = names.get(q.speaker or "", q.speaker_text or "?")
        lines.append(f"  [{q.kind}] {who} ({q.cue}): {q.text[:60]}")
    return "\n".join(lines)
