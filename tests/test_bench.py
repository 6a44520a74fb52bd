"""Speed, measured with pytest-benchmark (not timed tests): `pytest tests/test_bench.py --benchmark-enable`.

With benchmarks disabled (the default in pyproject) each runs once as a plain test. The real figure comes from
`python -m arnews bench ../shared/bench/saudinewsnet-2015-07-21.zip` (2,888 real articles).
"""

import pandas as pd

from arnews import pipeline
from arnews.corpus import load


def _corpus(copies: int = 40) -> pd.DataFrame:
    seeds = load("seeds")
    frames = []
    for i in range(copies):
        f = seeds.copy()
        f["article_id"] = f["article_id"] + f"-{i}"
        frames.append(f)
    return pd.concat(frames, ignore_index=True)


def test_bench_extract_one_core(benchmark):
    articles = _corpus()
    tables = benchmark(pipeline.extract, articles, jobs=1, progress=False)
    assert len(tables["articles"]) == 200 and len(tables["mentions"]) > 0
