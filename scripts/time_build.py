"""How long a full rebuild takes against the floor: one kernel start plus importing pandas and matplotlib, per
notebook, one after the other.

    python scripts/time_build.py [CORPUS] [--repeat N] [--jobs J]

Runs the floor and the build alternately N times (default 3) and prints the medians, their ratio and where the
build's time goes (start-up, extracting the tables, running the notebooks, exporting the report). Each build is
``python -m arnews build`` in a fresh process into a fresh folder, as ``make briefing`` runs it, so it extracts
once and nothing is warm from the run before; it runs the notebooks on J kernels at once (default:
``arnews.briefing.default_jobs()``); ``--jobs 1`` runs them one after the other, as the floor does.
"""

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from arnews.briefing import NOTEBOOKS, SEEDS, notebook_paths


def floor(n: int) -> float:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot")]
    start = time.perf_counter()
    for _ in range(n):
        NotebookClient(nb, kernel_name="python3").execute()
    return time.perf_counter() - start


def timed_build(corpus: Path, jobs: int | None) -> tuple[float, dict[str, float]]:
    """One ``python -m arnews build`` in a fresh process, as ``make briefing`` runs it (nothing loaded or cached
    from an earlier run), into a fresh folder; its phases are timed from the lines it prints."""
    marks: list[tuple[str, float]] = []
    env = {**os.environ, **({"ARNEWS_BUILD_JOBS": str(jobs)} if jobs else {})}
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "arnews", "build", "--corpus", str(corpus), "--out", out],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        for line in proc.stdout:
            if line.strip():
                marks.append((line.split()[0], time.perf_counter()))
        if proc.wait():
            raise SystemExit(f"arnews build failed on {corpus}")
        end = time.perf_counter()
    phases: dict[str, float] = {}
    points = [("start", start), *marks, ("end", end)]
    for (name, t0), (_, t1) in itertools.pairwise(points):
        phases[name] = phases.get(name, 0.0) + (t1 - t0)
    return end - start, phases


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", nargs="?", type=Path, default=SEEDS)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--jobs", type=int, default=None)
    args = p.parse_args()
    books = notebook_paths(NOTEBOOKS)
    floors, fulls, all_phases = [], [], []
    for _ in range(args.repeat):
        floors.append(floor(len(books)))
        full, phases = timed_build(args.corpus, args.jobs)
        fulls.append(full)
        all_phases.append(phases)
    base, full = statistics.median(floors), statistics.median(fulls)
    print(f"{len(books)} notebooks on {args.corpus}, median of {args.repeat} (alternated)")
    print(f"floor (kernel start + import pandas, matplotlib) x {len(books)}: {base:.1f} s "
          f"({base / len(books):.1f} s each); runs {', '.join(f'{x:.1f}' for x in floors)}")
    print(f"full rebuild: {full:.1f} s; runs {', '.join(f'{x:.1f}' for x in fulls)}; ratio {full / base:.2f}")
    names = {"start": "start-up (imports, fingerprint)", "extracting": "extraction", "running": "notebooks",
             "exporting": "export", "wrote": "after export"}
    for key in all_phases[0]:
        values = [ph.get(key, 0.0) for ph in all_phases]
        print(f"  {names.get(key, key)}: {statistics.median(values):.1f} s")
