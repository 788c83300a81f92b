"""The HTML view, checked in a real headless Chromium: a screenshot must show the highlight colours."""
import subprocess
import sys

from browser import _dark, _shot, chromium, hex_rgb, read_png
from conftest import ARTICLES
from h200claims.output.html import COLOURS, render


def test_html_view_renders_highlights_in_chromium(tmp_path, seed_results):
    name = "002_7cdbda35982f72d8.txt"
    page = tmp_path / "view.html"
    page.write_text(render(seed_results[name], full_page=True), encoding="utf-8")
    shot = tmp_path / "shot.png"
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,1400", f"--screenshot={shot}",
           page.as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 1000
    seen = {px for row in read_png(shot) for px in row}
    for label in ("PERSON", "ORG", "GPE", "PRODUCT", "quantity"):
        assert hex_rgb(COLOURS[label]) in seen, f"no {label} highlight in the screenshot"


def test_html_marks_every_item(seed_results):
    r = seed_results["002_7cdbda35982f72d8.txt"]
    page = r._repr_html_()
    assert page.count('class="quote') == len(r.quotes)
    assert page.count("<mark") == len(r.mentions) + len(r.quantities)
    assert 'class="boiler"' in page


def test_show_command_writes_html(tmp_path):
    out = tmp_path / "a.html"
    p = subprocess.run([sys.executable, "-m", "h200claims.cli", "show", str(ARTICLES / "004_460d789331464ea6.txt"),
                        "--html", str(out)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "<mark" in out.read_text(encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "h200claims.cli", "show", str(ARTICLES / "004_460d789331464ea6.txt")],
                       capture_output=True, text=True)
    assert "Quotes:" in p.stdout and "Wei Shaojun" in p.stdout


def test_chinese_renders_as_glyphs_not_boxes(tmp_path):
    """With no CJK font every character is the same hollow box: two different characters then
    give the same pixels. CI installs a CJK font; this fails without one."""
    tpl = '<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff"><div style="font-size:80px">{}</div>'
    a = _dark(_shot(tmp_path, tpl.format("國國國"), "a"))
    b = _dark(_shot(tmp_path, tpl.format("美美美"), "b"))
    assert a and b, "nothing drawn"
    assert len(a ^ b) > 0.2 * len(a | b), "Chinese characters render as identical boxes: no CJK font"


def test_view_has_legend_summary_and_click_highlights_a_speaker(tmp_path, seed_results):
    r = seed_results["002_7cdbda35982f72d8.txt"]
    page = render(r, full_page=True)
    assert "Who said what" in page and "Actors" in page and "amount" in page
    speaker = next(q.speaker for q in r.quotes if q.speaker)
    # click the speaker in the panel, then dump the DOM: its mentions and quotes carry class "on"
    clicker = page.replace("</body>", f"""<script>window.addEventListener('load',function(){{
      document.querySelector('[data-who="{speaker}"]').click();}});</script></body>""")
    f = tmp_path / "click.html"
    f.write_text(clicker, encoding="utf-8")
    p = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        f"--user-data-dir={tmp_path / 'p2'}", "--dump-dom", f.as_uri()],
                       capture_output=True, text=True, timeout=120)
    dom = p.stdout
    lit = dom.count(" on\"") + dom.count(" on ")
    n_mentions = len(next(e for e in r.entities if e.id == speaker).mentions)
    n_quotes = sum(q.speaker == speaker for q in r.quotes)
    assert lit >= n_mentions + n_quotes, (lit, n_mentions, n_quotes)
