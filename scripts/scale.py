"""Time and peak memory of `arnews extract` on a corpus and on ten copies of it, and the whole extraction against
one regex tokenization pass over the same JSON.

    python scripts/scale.py [CORPUS.zip|.json] [--copies 10] [--repeat 3] [--engine local] [--jobs 1]

CORPUS defaults to ../shared/bench/saudinewsnet-2015-07-21.zip (read at run time, never copied into the project).
The large corpus is CORPUS's records written N times into one JSON file in a temporary folder, each copy with new
ids (``id`` = copy-record) and URLs, so nothing is merged across copies. Each extraction runs in a fresh process
(``python -m arnews extract … --jobs 1``); peak memory is the largest sum of resident memory over that process and
its children, sampled every 50 ms. The floor is one process
that reads the same JSON and splits every article's text with one regex (``\\w+``); the two run alternately
``--repeat`` times and the medians are compared, both by wall time and by CPU time (user + system of the process
and every child it waited for, from ``getrusage(RUSAGE_CHILDREN)``): on a shared machine the wall time counts the
other users' work too, the CPU time only this process's.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "saudinewsnet-2015-07-21.zip"

FLOOR = r"""
import json, re, sys, zipfile
path = sys.argv[1]
if path.endswith(".zip"):
    with zipfile.ZipFile(path) as z:
        data = z.read(z.namelist()[0])
else:
    data = open(path, "rb").read()
records = json.loads(data.decode("utf-8"))
words = re.compile(r"\w+")
n = sum(len(words.findall(r.get("content") or r.get("text") or "")) for r in records)
print(n)
"""


def records_of(path: Path) -> list[dict]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            return json.loads(z.read(z.namelist()[0]).decode("utf-8"))
    return json.loads(path.read_text(encoding="utf-8"))


def copies(path: Path, n: int, folder: Path) -> Path:
    """``n`` copies of the corpus's records in one JSON file, each record with a new id and URL."""
    records = records_of(path)
    out = []
    for k in range(n):
        for i, r in enumerate(records):
            out.append({**r, "id": f"c{k:02d}-{i:05d}", "url": f"{r.get('url', '')}#copy{k}"})
    target = folder / f"{path.stem}-x{n}.json"
    target.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return target


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB of the process tree) of one command."""
    start, cpu0 = time.perf_counter(), _children_cpu()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree_peak = 0
    while proc.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            tree_peak = max(tree_peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu0
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()[-2000:]}")
    return wall, cpu, tree_peak / 2**20


def extract_cmd(corpus: Path, out: Path, args) -> list[str]:
    cmd = [sys.executable, "-m", "arnews", "extract", str(corpus), "--out", str(out), "--no-progress",
           "--jobs", str(args.jobs)]
    return cmd + (["--engine", args.engine] if args.engine != "local" else [])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", nargs="?", type=Path, default=BENCH)
    p.add_argument("--copies", type=int, default=10)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--engine", default="local")
    p.add_argument("--skip-large", action="store_true", help="only the corpus itself (and the floor)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        walls, cpus, floors, floor_cpus, peaks = [], [], [], [], []
        for i in range(args.repeat):
            wall, cpu, _ = measure([sys.executable, "-c", FLOOR, str(args.corpus)])
            floors.append(wall)
            floor_cpus.append(cpu)
            wall, cpu, peak = measure(extract_cmd(args.corpus, tmp / f"out{i}", args))
            walls.append(wall)
            cpus.append(cpu)
            peaks.append(peak)
        n = len(records_of(args.corpus))
        med = statistics.median
        print(f"corpus {args.corpus.name}: {n} records")
        print(f"  extract: {med(walls):.1f} s wall (runs {', '.join(f'{w:.1f}' for w in walls)}), "
              f"{med(cpus):.1f} s CPU (runs {', '.join(f'{c:.1f}' for c in cpus)}), peak {max(peaks):.0f} MB "
              f"(runs {', '.join(f'{p:.0f}' for p in peaks)})")
        print(f"  regex tokenization pass: {med(floors):.2f} s wall (runs {', '.join(f'{w:.2f}' for w in floors)}), "
              f"{med(floor_cpus):.2f} s CPU")
        print(f"  ratio (median of {args.repeat}, alternated): wall {med(walls) / med(floors):.1f}x, "
              f"CPU {med(cpus) / med(floor_cpus):.1f}x")
        if args.skip_large:
            return
        large = copies(args.corpus, args.copies, tmp)
        wall, cpu, peak = measure(extract_cmd(large, tmp / "large", args))
        print(f"corpus x{args.copies} ({n * args.copies} records, {large.stat().st_size / 1e6:.0f} MB of JSON): "
              f"extract {wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak:.0f} MB ({peak / max(peaks):.2f}x the "
              "peak of x1)")

if __name__ == "__main__":
    main()
