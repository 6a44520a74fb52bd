"""Command line: ``python -m arnews extract | build | bench``."""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

EPILOG = """examples:
  python -m arnews extract seeds --out out/seeds        write articles.parquet/.csv, sentences…, to out/seeds
  python -m arnews build                                run all notebooks on seeds/, write reports/briefing.html
  python -m arnews build --corpus ../shared/eval/articles --out out/eval
  python -m arnews build --corpus CORPUS --story s0003    the notebooks and briefing on one story's articles
  python -m arnews bench ../shared/bench/saudinewsnet-2015-07-21.zip
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="arnews", description="Arabic news analysis: extract tables, build the "
                                "briefing, measure speed.", epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="load a corpus and write every table as Parquet and CSV",
                       description="Load SOURCE (a folder of .txt/.html articles with an optional metadata.csv, "
                       "or a .csv/.json/.jsonl/.zip file) and write DIR/articles.parquet and .csv, "
                       "DIR/sentences.parquet and .csv and the other tables (UTF-8, one row per item, offsets "
                       "into the article text), with DIR/manifest.json: the key of the inputs, so notebooks "
                       "pointed at DIR (TABLES) read these tables instead of extracting again.")
    e.add_argument("source", type=Path, help="corpus folder or file")
    e.add_argument("--out", type=Path, required=True, help="folder for the tables (created)")
    e.add_argument("--jobs", type=int, default=None, help="processes to use (default: all cores for large "
                   "corpora, one for small ones)")
    e.add_argument("--targets", type=Path, default=None, help="stance targets YAML (default: SOURCE/targets.yaml "
                   "when present)")
    e.add_argument("--strict", action="store_true", help="stop on any corpus problem instead of warning")
    e.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where the per-article stage runs: this machine's processes (default) or Dask")
    e.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: the dask.distributed scheduler (tcp://host:8786); without it, Dask's "
                   "local processes")
    e.add_argument("--no-progress", action="store_true", help="no progress bar")
    e.add_argument("--story", default=None, help="only this story's articles (a story_id of stories.csv)")
    _limit_flags(e)

    b = sub.add_parser("build", help="run every notebook and export the briefing HTML",
                       description="Execute notebooks/NN_*.ipynb in order on a corpus and export the last one "
                       "(the briefing) to OUT/reports/briefing.html; figures go to OUT/figures, executed "
                       "notebooks to OUT/build. What `make briefing` runs.")
    b.add_argument("--corpus", type=Path, default=None, help="corpus folder or file (default: seeds/)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: the project folder)")
    b.add_argument("--targets", type=Path, default=None, help="stance targets YAML (default: CORPUS/targets.yaml)")
    b.add_argument("--story", default=None, help="run every notebook and the briefing on this story's articles "
                   "only (a story_id of stories.csv, e.g. s0003); stories are found on the whole corpus")
    _limit_flags(b)

    sub.add_parser("stages", help="list the pipeline's stages: what each reads and writes",
                   description="Print the stages in the order they run, with their per-article step, corpus-level "
                   "step, the tables they require and the tables they produce (checked when arnews is imported).")

    m = sub.add_parser("bench", help="measure loading and extraction speed on a corpus",
                       description="Load SOURCE and run every extractor, reporting milliseconds per article per "
                       "core and articles per second. Writes nothing.")
    m.add_argument("source", type=Path, help="corpus folder or file")
    m.add_argument("--jobs", type=int, default=1, help="processes (default 1: the per-core figure)")
    m.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    m.add_argument("--repeat", type=int, default=3, help="runs to take the best of (default 3)")
    _limit_flags(m)
    return p


def _limit_flags(p: argparse.ArgumentParser) -> None:
    """Flags raising the bounds on what a corpus may cost (see arnews.corpus.Limits and README "Limits")."""
    g = p.add_argument_group("limits (a corpus is untrusted input)")
    g.add_argument("--max-file-mb", type=float, default=None, metavar="MB",
                   help="largest file read, and largest .zip member once inflated (default 256)")
    g.add_argument("--max-article-chars", type=int, default=None, metavar="N",
                   help="longer articles are skipped with a warning (default 1000000)")
    g.add_argument("--max-files", type=int, default=None, metavar="N",
                   help="most entries in a corpus folder (default 100000)")


def _apply_limits(args) -> None:
    """Hand the limit flags on as ARNEWS_MAX_* (read by corpus.Limits.from_env, here and in notebook kernels)."""
    for flag, var in (("max_file_mb", "ARNEWS_MAX_FILE_MB"), ("max_article_chars", "ARNEWS_MAX_ARTICLE_CHARS"),
                      ("max_files", "ARNEWS_MAX_FILES")):
        value = getattr(args, flag, None)
        if value is not None:
            os.environ[var] = str(value)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from arnews import outdir

    # Arrow's own allocator keeps freed memory for reuse; arnews.pipeline.use_system_allocator switches to the
    # system allocator when an extraction starts (setting ARROW_DEFAULT_MEMORY_POOL here came too late: importing
    # pandas has already imported pyarrow)
    from arnews.briefing import BuildError
    from arnews.corpus import CorpusError
    from arnews.stance import TargetsError
    from arnews.stories import StoryError

    _apply_limits(args)
    try:
        with outdir.signals():
            return {"extract": _extract, "build": _build, "bench": _bench, "stages": _stages}[args.command](args)
    except (CorpusError, BuildError, TargetsError, StoryError, outdir.OutputError) as e:
        print(f"arnews {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"arnews {args.command}: interrupted; {_left_as_it_was(args)}", file=sys.stderr)
        return 130
    except outdir.Terminated:
        print(f"arnews {args.command}: terminated (SIGTERM); {_left_as_it_was(args)}", file=sys.stderr)
        return 143


def _left_as_it_was(args) -> str:
    out = getattr(args, "out", None)
    return f"{out} is left as it was" if out else "nothing was written"


def _extract(args) -> int:
    from arnews import outdir, tables

    outdir.check_target(args.out)  # before the work, not after it
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        target_path = tables.resolve_targets(args.source, args.targets)
    for w in caught:
        print(f"note: {w.message}", file=sys.stderr)
    if target_path is None:
        print("note: no stance targets (give --targets FILE or put targets.yaml beside the articles); "
              "stances will be empty", file=sys.stderr)
    parts = tables.fingerprint(args.source, target_path, args.story)
    if args.scheduler and args.engine != "dask":
        print("arnews extract: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    t = tables.extract(args.source, "" if target_path is None else target_path, args.story, jobs=args.jobs,
                       progress=False if args.no_progress else None, strict=args.strict,
                       **({"engine": "dask", "scheduler": args.scheduler} if args.engine == "dask" else {}))
    t.key = tables.key_of(parts)
    for note in t.notes:
        print(f"note: {note}", file=sys.stderr)
    tables.write(t, args.out, parts=parts, csv=True,
                 sources={"corpus": str(args.source.resolve()),
                          "targets_file": str(target_path.resolve()) if target_path else ""})
    for name, df in t.items():
        print(f"{args.out / name}.parquet, .csv: {len(df)} rows")
    return 0


def _build(args) -> int:
    from arnews import briefing

    briefing.build(corpus=args.corpus or briefing.SEEDS, out=args.out or briefing.PROJECT_ROOT,
                   targets=args.targets, story=args.story)
    return 0


def _stages(args) -> int:
    from arnews import pipeline

    print(pipeline.describe().to_string(index=False))
    return 0


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished child processes (the workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _bench(args) -> int:
    from arnews import corpus, pipeline

    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = corpus.load(args.source)
    load_s = time.perf_counter() - t0
    if args.limit:
        articles = articles.head(args.limit)
    n = len(articles)
    best = best_cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        t0, c0 = time.perf_counter(), _cpu_seconds()
        tables = pipeline.extract(articles, jobs=args.jobs, progress=False)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, _cpu_seconds() - c0)
    chars = int(articles["n_chars"].sum())
    print(f"corpus      {args.source}: {n} articles, {chars:,} characters"
          + (f" ({len(caught)} loading warning(s))" if caught else ""))
    print(f"load        {load_s:.2f} s  ({1000 * load_s / max(n, 1):.3f} ms/article)")
    print(f"extract     {best:.2f} s best of {args.repeat} on {args.jobs} core(s): "
          f"{1000 * best * args.jobs / max(n, 1):.3f} ms/article/core, {n / best:,.0f} articles/s")
    print(f"cpu         {best_cpu:.2f} s best of {args.repeat}: {1000 * best_cpu / max(n, 1):.3f} ms/article (CPU time "
          "of this process and its workers: what a busy machine does not inflate; a first run includes loading the "
          "models)")
    print("rows        " + ", ".join(f"{k} {len(v):,}" for k, v in tables.items()))
    return 0
