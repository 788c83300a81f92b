"""The tutorial and examples run."""
import runpy
import subprocess
import sys

from conftest import ROOT


def test_tutorial_runs():
    runpy.run_path(str(ROOT / "docs" / "tutorial.py"), run_name="__main__")


def test_quickstart_runs():
    p = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "Howard Lutnick (表示)" in p.stdout and "25%: percent 25.0 %" in p.stdout
