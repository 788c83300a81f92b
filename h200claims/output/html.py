"""Views of a result: HTML (notebooks, `h200claims show --html`) and plain text (terminal).

Entities, quantities and quotes are highlighted, with a legend and a summary panel (actors with
their mention counts, quotes by speaker, amounts); text outside the body is greyed. Clicking a
speaker (in the panel or in the text) highlights that actor's mentions and quotes; the page
works offline (inline style and script, no CDN). The same HTML is the notebook's ``_repr_html_``.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from h200claims.models import ArticleClaims

COLOURS = {"PERSON": "#ffd6a5", "ORG": "#caffbf", "GPE": "#9bf6ff", "PRODUCT": "#bdb2ff", "quantity": "#fdffb6"}
STYLE = (".h2c{font-family:sans-serif;line-height:2.1;white-space:pre-wrap;max-width:60em}"
         ".h2c mark{padding:1px 2px;border-radius:3px}"
         ".h2c .quote{border-bottom:3px solid #c0c}"
         ".h2c .direct{background:#fbe3fb}"
         ".h2c .lbl{font-size:.6em;font-weight:bold;margin-left:2px;vertical-align:super;color:#555}"
         ".h2c .boiler{color:#aaa}"
         ".h2c .speaker{outline:2px solid #c0c;cursor:pointer}"
         ".h2c .on{outline:3px solid #e00 !important;box-shadow:0 0 0 3px #fcc}"
         ".h2c-panel{font-family:sans-serif;max-width:60em;border:1px solid #ddd;padding:.5em 1em;margin-bottom:1em}"
         ".h2c-panel h4{margin:.4em 0 .2em}.h2c-panel ul{margin:0;padding-left:1.2em}"
         ".h2c-panel .who{cursor:pointer;text-decoration:underline dotted}"
         ".h2c-legend span{display:inline-block;padding:1px 6px;margin-right:6px;border-radius:3px}"
         + "".join(f".h2c .{k},.h2c-legend .{k}{{background:{c}}}" for k, c in COLOURS.items()))
LEGEND = [("PERSON", "person"), ("ORG", "organisation"), ("GPE", "place"), ("PRODUCT", "product"),
          ("quantity", "amount")]
SCRIPT = """<script>(function(){var root=document.currentScript.parentNode;
function pick(id){root.querySelectorAll('.on').forEach(function(x){x.classList.remove('on')});
if(!id)return;root.querySelectorAll('[data-entity="'+id+'"],[data-speaker="'+id+'"]').forEach(function(x){x.classList.add('on')});}
root.addEventListener('click',function(ev){var t=ev.target.closest('[data-entity],[data-who]');
if(t)pick(t.getAttribute('data-entity')||t.getAttribute('data-who'));});})();</script>"""


def _highlights(result: "ArticleClaims") -> list[tuple[int, int, str, str]]:
    """(start, end, opening tag, closing tag) for every highlight."""
    names = {e.id: e.name for e in result.entities}
    speakers = {q.speaker for q in result.quotes if q.speaker}
    out = []
    for q in result.quotes:
        who = names.get(q.speaker or "", q.speaker_text or "?")
        title = html.escape(f"{q.kind} quote · speaker: {who} · cue: {q.cue} · rule: {q.rule}", quote=True)
        out.append((q.start, q.end, f'<span class="quote {q.kind}" data-speaker="{html.escape(q.speaker or "")}" title="{title}">',
                    f'<span class="lbl">{html.escape(who)}</span></span>'))
    for e in result.entities:
        extra = " speaker" if e.id in speakers else ""
        for m in e.mentions:
            title = html.escape(f"{e.label} · {e.name} ({e.id}) · rule: {m.rule}", quote=True)
            out.append((m.start, m.end, f'<mark class="{e.label}{extra}" data-entity="{html.escape(e.id)}" title="{title}">',
                        f'<span class="lbl">{e.label}</span></mark>'))
    for n in result.quantities:
        val = n.unit if n.kind == "date" else f"{n.value} {n.unit or ''}"
        title = html.escape(f"{n.kind}: {val} · approx={n.approx} · bound={n.bound} · rule: {n.rule}", quote=True)
        out.append((n.start, n.end, f'<mark class="quantity" title="{title}">', f'<span class="lbl">{n.kind}</span></mark>'))
    return out


def summary(result: "ArticleClaims") -> str:
    """The panel above the text: a legend, actors with mention counts, quotes by speaker, amounts."""
    esc = html.escape
    names = {e.id: e.name for e in result.entities}
    legend = "".join(f'<span class="{k}">{esc(v)}</span>' for k, v in LEGEND)
    actors = "".join(
        f'<li><span class="who" data-who="{esc(e.id)}">{esc(e.name)}</span> ({e.label}) × {len(e.mentions)}</li>'
        for e in sorted(result.entities, key=lambda e: -len(e.mentions)))
    by_speaker: dict[str, list[str]] = {}
    for q in result.quotes:
        by_speaker.setdefault(q.speaker or "", []).append(q.text)
    quotes = "".join(
        f'<li><span class="who" data-who="{esc(sid)}">{esc(names.get(sid, sid) if sid else "unnamed sources")}</span>: '
        f'{len(qs)} quote{"s" if len(qs) > 1 else ""} — {esc(qs[0][:40])}{"…" if len(qs[0]) > 40 else ""}</li>'
        for sid, qs in by_speaker.items())
    amounts = ", ".join(esc(q.text) for q in result.quantities if q.kind != "date")
    return (f'<div class="h2c-panel"><div class="h2c-legend">{legend}<span style="background:#fbe3fb;border-bottom:3px solid #c0c">quote</span></div>'
            f'<h4>Actors</h4><ul>{actors or "<li>none</li>"}</ul><h4>Who said what</h4><ul>{quotes or "<li>none</li>"}</ul>'
            f'<h4>Amounts</h4><div>{amounts or "none"}</div></div>')


def render(result: "ArticleClaims", full_page: bool = False) -> str:
    """The article as HTML with its highlights, a legend and a summary panel.

    >>> import h200claims
    >>> page = render(h200claims.extract("王小明表示，今年營收成長25%。"))
    >>> "Who said what" in page and 'data-who="' in page
    True
    """
    text = result.text
    opens: dict[int, list[tuple[int, str]]] = {}
    closes: dict[int, list[tuple[int, str]]] = {}
    for s, e, o, c in _highlights(result):
        opens.setdefault(s, []).append((e - s, o))
        closes.setdefault(e, []).append((e - s, c))
    cuts = sorted({0, len(text)} | set(opens) | set(closes) | {x for r in result.body for x in r})
    out = ['<div class="h2c-view">', f"<style>{STYLE}</style>", summary(result), '<div class="h2c">']
    for i, pos in enumerate(cuts):
        for _, c in sorted(closes.get(pos, []), key=lambda x: x[0]):
            out.append(c)
        for _, o in sorted(opens.get(pos, []), key=lambda x: -x[0]):
            out.append(o)
        if i + 1 < len(cuts):
            chunk = html.escape(text[pos:cuts[i + 1]])
            body = any(a <= pos < b for a, b in result.body)
            out.append(chunk if body else f'<span class="boiler">{chunk}</span>')
    out.append("</div>")
    out.append(SCRIPT)
    out.append("</div>")
    page = "".join(out)
    if full_page:
        title = html.escape(result.source or "article")
        return f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>{page}</body></html>'
    return page


def render_text(result: "ArticleClaims") -> str:
    names = {e.id: e.name for e in result.entities}
    lines = [f"{result.source or ''} {result.date or ''}".strip(), "", "Entities:"]
    for e in result.entities:
        lines.append(f"  {e.label:<8}{e.name} [{', '.join(sorted({m.text for m in e.mentions}))}] x{len(e.mentions)}")
    lines.append("Quantities:")
    for q in result.quantities:
        lines.append(f"  {q.text:<16}{q.kind:<9}{q.value if q.kind != 'date' else ''} {q.unit or ''}")
    lines.append("Quotes:")
    for quote in result.quotes:
        who = names.get(quote.speaker or "", quote.speaker_text or "?")
        lines.append(f"  [{quote.kind}] {who} ({quote.cue}): {quote.text[:60]}")
    return "\n".join(lines)
