"""How long a full rebuild takes against the floor: one kernel start plus importing pandas and matplotlib,
per notebook. `python scripts/time_build.py [CORPUS]` prints both and their ratio."""

import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from arnews.briefing import NOTEBOOKS, SEEDS, build, notebook_paths


def floor(n: int) -> float:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot")]
    start = time.perf_counter()
    for _ in range(n):
        NotebookClient(nb, kernel_name="python3").execute()
    return time.perf_counter() - start


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS
    books = notebook_paths(NOTEBOOKS)
    base = floor(len(books))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        build(corpus=corpus, out=out, log=lambda *_: None)
        full = time.perf_counter() - start
    print(f"{len(books)} notebooks on {corpus}")
    print(f"floor (kernel start + import pandas, matplotlib) x {len(books)}: {base:.1f} s "
          f"({base / len(books):.1f} s each)")
    print(f"full rebuild: {full:.1f} s; ratio {full / base:.2f}")
