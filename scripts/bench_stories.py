"""Measure stories and copies on a corpus: time per article per core, peak memory, and a sample of grouped pairs.

    python scripts/bench_stories.py ../shared/bench/saudinewsnet-2015-07-21.zip [--repeat 10] [--pairs 50]

The corpus is loaded and extracted once (``arnews.pipeline.extract``); stories and copies are then timed alone, in
this process (CPU time, one core, the word caches emptied first: cold; datasketch imported before the clock
starts, its import timed on its own), and run again under ``tracemalloc`` for the
peak memory they allocate. ``--repeat N`` repeats the corpus N times under new article ids (the scale test: memory
should grow linearly; the copies are exact duplicates, which stories analyses once, so this measures the cost per
article, not that of ten times as much new text). ``--pairs K`` prints K
random pairs of articles put in the same story (titles and openings) for reading, and writes them to
``--sample FILE`` as CSV for marking. The sample: every pair of articles within each story of several articles
(stories in table order, each story's articles in ``article_ids`` order, pairs (a, b) with a before b), then
``random.Random(SEED).sample(pairs, K)`` with ``--seed SEED`` — fix the seed before looking, and draw a new seed
for each new reading. ``--cache FILE`` keeps the extracted tables in a pickle (outside the
project) so that a second run skips the extraction. ``--known FILE`` (CSV: article_a, article_b — pairs found
by hand that belong together) prints the recall on them. Nothing is written into the project.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
import warnings
from pathlib import Path

import pandas as pd

from arnews import corpus, pipeline, stories


def repeat(tables: dict, n: int) -> dict:
    """The tables repeated ``n`` times, article ids suffixed ``~k`` (copy 0 keeps its ids)."""
    if n <= 1:
        return tables
    out = {}
    for name in ("articles", "mentions", "dates"):
        df = tables[name]
        parts = []
        for k in range(n):
            part = df.copy()
            if k:
                part["article_id"] = part["article_id"].astype(str) + f"~{k}"
            parts.append(part)
        out[name] = pd.concat(parts, ignore_index=True)
    out["actors"] = tables["actors"]
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", type=Path)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--pairs", type=int, default=0)
    p.add_argument("--sample", type=Path, default=None)
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--cache", type=Path, default=None,
                   help="pickle of the extracted tables: read when it exists, else written (saves re-extracting)")
    p.add_argument("--known", type=Path, default=None,
                   help="CSV of article_a,article_b pairs found by hand that belong together: prints the recall")
    args = p.parse_args()
    if args.cache and args.cache.exists():
        tables, extract_s = pd.read_pickle(args.cache)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = corpus.load(args.source)
        t0 = time.process_time()
        tables = pipeline.extract(articles, jobs=1, progress=False)
        extract_s = time.process_time() - t0
        tables = {k: v for k, v in tables.items() if k in ("articles", "mentions", "actors", "dates")}
        if args.cache:
            pd.to_pickle((tables, extract_s), args.cache)
    for scale in sorted({1, args.repeat}):
        t = repeat(tables, scale)
        n = len(t["articles"])
        stories._VOCAB.clear()  # cold: the extraction above ran the stories stage too
        stories._TERM_CACHE.clear()
        t0 = time.process_time()  # timed alone: tracemalloc would slow it down
        st, ids, cp = stories.stories_and_copies(t["articles"], t["mentions"], t["actors"], t["dates"])
        cpu = time.process_time() - t0
        tracemalloc.start()
        stories.stories_and_copies(t["articles"], t["mentions"], t["actors"], t["dates"])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{n:>7} articles: stories+copies {cpu:.2f} s CPU = {1000 * cpu / n:.3f} ms/article/core, "
              f"peak {peak / 2**20:.1f} MiB ({peak / n / 1024:.1f} KiB/article); {len(st)} stories "
              f"({int((st['n_articles'] > 1).sum())} of several articles), {len(cp)} shared passages")
        if scale == 1:
            print(f"        (the other extractors: {1000 * extract_s / n:.3f} ms/article/core in this run)")
            first = (st, ids)
    st, ids = first
    print("\nlargest stories:")
    for r in st.head(10).itertuples():
        print(f"  {r.story_id} {r.n_articles:>3} articles, {r.n_outlets} outlets ({r.outlets}): {r.label}")
    if args.known:
        known = pd.read_csv(args.known, dtype=str)
        together = [ids.get(a) is not None and ids.get(a) == ids.get(b)
                    for a, b in zip(known["article_a"], known["article_b"], strict=True)]
        missed = [f"{a}-{b}" for (a, b), t in zip(known[["article_a", "article_b"]].values, together, strict=True)
                  if not t]
        print(f"\nrecall on {len(known)} known pairs: {sum(together) / max(1, len(known)):.2f}; missed: {missed}")
    if args.pairs:
        pairs = []
        for aids in st.loc[st["n_articles"] > 1, "article_ids"]:
            members = aids.split(" | ")
            pairs += [(a, b) for k, a in enumerate(members) for b in members[k + 1:]]
        sample = random.Random(args.seed).sample(pairs, min(args.pairs, len(pairs)))
        info = tables["articles"].set_index(tables["articles"]["article_id"].astype(str))
        rows = []
        for a, b in sample:
            ra, rb = info.loc[a], info.loc[b]
            rows.append({"article_a": a, "outlet_a": ra["outlet"], "title_a": ra["title"],
                         "opening_a": ra["text"][ra["body_start"]:][:160].replace("\n", " "),
                         "article_b": b, "outlet_b": rb["outlet"], "title_b": rb["title"],
                         "opening_b": rb["text"][rb["body_start"]:][:160].replace("\n", " "),
                         "story_id": first[1][a], "same_event": ""})
        print(f"\n{len(sample)} of {len(pairs)} pairs put together:")
        for k, r in enumerate(rows, 1):
            print(f"{k:>3}. [{r['story_id']}] {r['title_a']}  ||  {r['title_b']}")
        if args.sample:
            pd.DataFrame(rows).to_csv(args.sample, index=False)


if __name__ == "__main__":
    main()
