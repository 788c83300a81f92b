"""``h200claims report DATASET --html OUT.html``: one self-contained page about a corpus.

Sections: a summary with two charts (top actors; a timeline of claims by date), top actors,
who said what (speakers with their quotes), claim groups, and the article views the rows link to. Charts
are matplotlib figures inlined as SVG with their text kept as text, so the browser draws the
Chinese labels with its own CJK font; the page needs no network.
"""
from __future__ import annotations

import html
import io
import logging
import warnings
from pathlib import Path
from typing import Any

#: fonts matplotlib measures labels with, first found wins (the SVG names them for the browser too)
CJK_FONTS = ["WenQuanYi Zen Hei", "Noto Sans CJK TC", "Noto Sans CJK SC", "Source Han Sans TC", "PingFang TC",
             "Microsoft JhengHei", "SimHei", "DejaVu Sans"]
BAR = "#4c78a8"      # actors chart
QUOTE = "#e45756"    # timeline: quotes
AMOUNT = "#f2cf5b"   # timeline: quantity claims
TOP_ACTORS = 15
TOP_SPEAKERS = 12
QUOTES_EACH = 5
TOP_GROUPS = 25
TOP_CONFLICTS = 20  # pairs of claims where articles disagree, shown at most
MAX_VIEWS = 150      # article views embedded at most (the most linked first)

STYLE = """body{font-family:'WenQuanYi Zen Hei','Noto Sans CJK TC','PingFang TC','Microsoft JhengHei',sans-serif;
margin:1.5em auto;max-width:70em;color:#222}h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.92em}td,th{border-bottom:1px solid #eee;padding:4px 6px;
text-align:left;vertical-align:top}td:first-child{white-space:nowrap}th{background:#f6f6f6}.n{text-align:right}.stats span{display:inline-block;
margin-right:1.4em;font-size:1.1em}.stats b{font-size:1.4em}details{margin:.6em 0;border:1px solid #ddd;padding:.4em}
summary{cursor:pointer}.muted{color:#888}.charts{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
.charts svg{max-width:100%;height:auto}"""


def _svg(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: inline SVG in HTML


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    plt.rcParams.update({"svg.fonttype": "none", "font.family": CJK_FONTS, "font.size": 10,
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt


def actors_chart(rows: list[tuple[str, int]]) -> str:
    """A horizontal bar chart of (label, articles), largest on top, as inline SVG."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 0.32 * max(3, len(rows)) + 0.6))
    labels = [r[0] for r in reversed(rows)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph a measuring font lacks: the browser draws it
        ax.barh(labels, [r[1] for r in reversed(rows)], color=BAR)
        ax.set_xlabel("articles")
        ax.set_title("Top actors (articles naming them)")
        return _svg(fig)


def timeline_chart(rows: list[tuple[Any, int, int]]) -> str:
    """Claims by date, quotes and amounts stacked, as inline SVG; by day, or by month over
    long spans."""
    plt = _pyplot()
    import matplotlib.dates as mdates

    fig, ax = plt.subplots(figsize=(8, 2.8))
    dates = [r[0] for r in rows]
    quotes = [r[1] for r in rows]
    amounts = [r[2] for r in rows]
    span = (max(dates) - min(dates)).days if dates else 0
    width = 25 if span > 120 else 0.8
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ax.bar(dates, quotes, width=width, color=QUOTE, label="quotes")
        ax.bar(dates, amounts, width=width, bottom=quotes, color=AMOUNT, label="quantity claims")
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(mdates.AutoDateLocator()))
        ax.set_ylabel("claims")
        ax.set_title("Claims by " + ("month" if span > 120 else "date"))
        ax.legend(frameon=False)
        return _svg(fig)


def _esc(x: Any) -> str:
    return html.escape("" if x is None else str(x))


def _link(aid: str, text: str) -> str:
    return f'<a href="#a-{_esc(aid)}">{_esc(text)}</a>'


def conflicts_section(q: Any, use: Any) -> str:
    """'Where the articles disagree': the same subject and measure (and period) with different values."""
    rows = q("""SELECT subject_actor, measure, period, said_a, article_a, outlet_a, date_a, sentence_a,
                       said_b, article_b, outlet_b, date_b, sentence_b
                FROM claim_conflicts ORDER BY subject_actor, measure_key, date_a, article_a LIMIT ?""", TOP_CONFLICTS)
    out = ["<h2 id='conflicts'>Where the articles disagree</h2><p class='muted'>The same measure of the same "
           "subject (and period, where both give one), stated with different values.</p>"]
    if not rows:
        return out[0] + "<p>No disagreements.</p>"
    out.append("<table><tr><th>subject</th><th>measure</th><th>period</th><th>one article says</th>"
               "<th>another says</th></tr>")
    for subj, measure, period, said_a, aid_a, out_a, date_a, sent_a, said_b, aid_b, out_b, date_b, sent_b in rows:
        side = lambda said, aid, outlet, date, sent: (  # noqa: E731 - one cell of the table
            f"<td>{_link(use(aid), said)} <span class='muted'>{_esc(outlet or '')} {_esc(date or '')}</span>"
            f"<br><small>{_esc((sent or '')[:120])}</small></td>")
        out.append(f"<tr><td>{_esc(subj)}</td><td>{_esc(measure or '')}</td><td>{_esc(period or '')}</td>"
                   + side(said_a, aid_a, out_a, date_a, sent_a) + side(said_b, aid_b, out_b, date_b, sent_b) + "</tr>")
    return "".join(out) + "</table>"


def write_report(dataset: str, out: Path) -> int:
    """Write the report page; returns the number of articles in the dataset."""
    import h200claims.corpus as corpus
    from h200claims.corpus.rows import result_of
    from h200claims.output.html import render

    con = corpus.open(dataset)
    q = lambda sql, *p: con.execute(sql, list(p)).fetchall()  # noqa: E731 - a local shorthand
    (n_articles, first, last), = q("SELECT count(*), min(date), max(date) FROM articles")
    (n_actors,), = q("SELECT count(*) FROM actors")
    (n_quotes, n_amounts), = q("SELECT count(*) FILTER (type = 'quote'), count(*) FILTER (type = 'quantity') FROM claims")
    (n_errors,), = q("SELECT count(*) FROM errors")
    (n_outlets,), = q("SELECT count(DISTINCT outlet) FROM articles")
    top = q("""SELECT a.actor, a.label, a.name, list_extract(list_concat(a.names_hant, a.names_hans), 1), a.articles,
                      a.mentions, a.first_date, (SELECT min(m.article_id) FROM mentions m WHERE m.actor = a.actor),
                      list_distinct(list_concat(a.names_hant, a.names_hans))
               FROM actors a ORDER BY a.articles DESC, a.mentions DESC, a.actor LIMIT ?""", TOP_ACTORS)
    linked: dict[str, int] = {}

    def use(aid: str) -> str:
        linked[aid] = linked.get(aid, 0) + 1
        return aid

    def label(name: str, han: str | None) -> str:
        return f"{name} {han}" if han and han != name else name

    parts = [f"<h1>h200claims corpus report</h1><p class='muted'>{_esc(dataset)}</p>",
             "<div class='stats'>" + "".join(f"<span><b>{v}</b> {k}</span>" for k, v in [
                 ("articles", n_articles), ("actors", n_actors), ("quotes", n_quotes), ("quantity claims", n_amounts),
                 ("outlets", n_outlets), ("errors", n_errors)]) + f"</div><p>Dates: {_esc(first)} – {_esc(last)}</p>"]
    days = q("""SELECT date, count(*) FILTER (type = 'quote'), count(*) FILTER (type = 'quantity') FROM claims
                WHERE date IS NOT NULL GROUP BY date ORDER BY date""")
    if len(days) > 1 and (days[-1][0] - days[0][0]).days > 120:
        days = q("""SELECT date_trunc('month', date)::DATE, count(*) FILTER (type = 'quote'),
                    count(*) FILTER (type = 'quantity') FROM claims WHERE date IS NOT NULL GROUP BY 1 ORDER BY 1""")
    parts.append("<div class='charts'>"
                 f"<div><a href='#actors'>{actors_chart([(label(r[2], r[3]), r[4]) for r in top]) if top else ''}</a></div>"
                 f"<div id='timeline'>{timeline_chart(days) if days else '<p>No dated claims.</p>'}</div></div>")
    parts.append("<h2 id='actors'>Top actors</h2>")
    if top:
        parts.append("<table><tr><th>actor</th><th>label</th><th>names</th><th class=n>articles</th>"
                     "<th class=n>mentions</th><th>first seen</th></tr>")
        for _actor, lab, name, han, arts, ments, first_seen, aid, names in top:  # names as written, both scripts
            parts.append(f"<tr><td>{_link(use(aid), label(name, han))}</td><td>{lab}</td><td>{_esc(' · '.join(names))}</td>"
                         f"<td class=n>{arts}</td><td class=n>{ments}</td><td>{_esc(first_seen)}</td></tr>")
        parts.append("</table>")
    parts.append("<h2 id='quotes'>Who said what</h2>")
    speakers = q("""SELECT c.speaker_actor, coalesce(a.name, any_value(c.speaker_text)), count(*) AS n
                    FROM claims c LEFT JOIN actors a ON a.actor = c.speaker_actor
                    WHERE c.type = 'quote' AND c.speaker_actor IS NOT NULL
                    GROUP BY c.speaker_actor, a.name ORDER BY n DESC, c.speaker_actor LIMIT ?""", TOP_SPEAKERS)
    for actor, name, n in speakers:
        quotes = q("""SELECT article_id, date, outlet_name, cue, content FROM claims WHERE type = 'quote' AND speaker_actor = ?
                      ORDER BY date, article_id, idx LIMIT ?""", actor, QUOTES_EACH)
        parts.append(f"<h3>{_esc(name)} <span class='muted'>({n} quotes)</span></h3><table>")
        for aid, date, outlet, cue, content in quotes:
            parts.append(f"<tr><td>{_link(use(aid), str(date or ''))}</td><td>{_esc(outlet or '')}</td>"
                         f"<td>{_esc(cue)}</td><td>{_esc(content[:160])}</td></tr>")
        parts.append("</table>")
    parts.append("<h2 id='groups'>Claim groups</h2><p class='muted'>The same amount about the same subject, "
                 "in the most articles.</p><table><tr><th>subject</th><th>measure</th><th>amount</th>"
                 "<th class=n>articles</th><th>outlets</th><th>speakers</th><th>first date</th></tr>")
    for subj, measure, example, arts, ids, outlets, speakers_, first_date in q(
            """SELECT subject_actor, measure, example, articles, article_ids, outlets, speakers, first_date
               FROM claim_groups ORDER BY articles DESC, first_date, subject_actor LIMIT ?""", TOP_GROUPS):
        parts.append(f"<tr><td>{_esc(subj or '')}</td><td>{_esc(measure or '')}</td><td>{_link(use(ids[0]), example)}</td>"
                     f"<td class=n>{arts}</td><td>{_esc(', '.join(outlets))}</td><td>{_esc(', '.join(speakers_))}</td>"
                     f"<td>{_esc(first_date)}</td></tr>")
    parts.append("</table>")
    parts.append(conflicts_section(q, use))
    parts.append("<h2 id='articles'>Articles</h2>")
    views = sorted(linked, key=lambda a: (-linked[a], a))[:MAX_VIEWS]
    for aid in sorted(views):
        tables = {t: [dict(zip([d[0] for d in cur.description], row)) for row in cur.fetchall()]
                  for t in ("articles", "entities", "mentions", "quantities", "quotes", "claims")
                  for cur in [con.execute(f"SELECT * FROM {t} WHERE article_id = ?", [aid])]}
        result = result_of(tables)
        a = tables["articles"][0]
        parts.append(f"<details id='a-{_esc(aid)}'><summary>{_esc(a['date'] or '')} · {_esc(a['title'] or aid)} "
                     f"<span class='muted'>{_esc(a['source'] or '')}</span></summary>{render(result)}</details>")
    script = ("<script>function openHash(){var d=document.getElementById(location.hash.slice(1));"
              "if(d&&d.tagName==='DETAILS'){d.open=true;d.scrollIntoView();}}"
              "window.addEventListener('hashchange',openHash);openHash();</script>")
    page = (f"<!doctype html><html lang='zh-Hant'><head><meta charset='utf-8'><title>h200claims report</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}{script}</body></html>")
    out.write_text(page, encoding="utf-8")
    return int(n_articles)
