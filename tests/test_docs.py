"""The tutorial and examples run."""
import runpy
import subprocess
import sys

import pytest

from conftest import ROOT


def test_tutorial_runs():
    runpy.run_path(str(ROOT / "docs" / "tutorial.py"), run_name="__main__")


def test_quickstart_runs():
    p = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "Howard Lutnick (表示)" in p.stdout and "25%: percent 25.0 %" in p.stdout


def test_corpus_notebook_executes():
    """examples/corpus.ipynb: build a dataset from the fixtures, query it, plot; every cell runs."""
    nbformat = pytest.importorskip("nbformat", reason="the test extra installs nbformat and nbclient")
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "examples" / "corpus.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "15 articles" in text and "Donald Trump" in text and "True" in text
