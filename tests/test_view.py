"""The HTML view, checked in a real headless Chromium: a screenshot must show the highlight colours."""
import os
import shutil
import struct
import subprocess
import sys
import zlib

import pytest

from conftest import ARTICLES
from h200claims.output.html import COLOURS, render


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed (.ci/run installs Debian's chromium)")
    pytest.skip("chromium not installed")


def read_png(path):
    """Pixels of an 8-bit RGB/RGBA PNG as a list of rows of (r, g, b)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return rows


def hex_rgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))


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


def _shot(tmp_path, html_text, name, size="600,200"):
    page = tmp_path / f"{name}.html"
    page.write_text(html_text, encoding="utf-8")
    shot = tmp_path / f"{name}.png"
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
           "--disable-background-networking", "--disable-component-update", f"--user-data-dir={tmp_path / 'p'}",
           f"--window-size={size}", f"--screenshot={shot}", page.as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120)
    assert shot.exists(), "no screenshot"
    return read_png(shot)


def _dark(rows):
    return {(x, y) for y, row in enumerate(rows) for x, px in enumerate(row) if sum(px) < 300}


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
