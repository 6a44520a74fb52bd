"""Run every extractor over a corpus: one pass per article, on one or more cores, into pandas tables.

Extraction is per article (pure functions of the article's text and metadata), so it parallelises over
processes; tables are assembled once at the end, with no per-token pandas work.

Tables (each written by ``python -m arnews extract`` as ``NAME.csv``):

- ``articles``: see :mod:`arnews.corpus`.
- ``sentences``: article_id, sentence_id, start, end, text — sentence_id counts from 0 within its article.
- ``mentions``, ``actors``: see :mod:`arnews.actors`.
- ``dates``, ``events``: see :mod:`arnews.timeline`.
- ``quotes``, ``flags``: see :mod:`arnews.quotes`; ``stances``: see :mod:`arnews.stance`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
from tqdm import tqdm

from arnews import actors, corpus, outdir, quotes, stance, timeline
from arnews.text import Doc

SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text"]


def sentence_rows(doc: Doc) -> list[dict]:
    """One row per sentence of the article.

    >>> [r["text"] for r in sentence_rows(Doc("a", "قال: نعم. ثم غادر."))]
    ['قال: نعم.', 'ثم غادر.']
    """
    aid = doc.article_id
    return [{"article_id": aid, "sentence_id": i, "start": s, "end": e, "text": doc.text[s:e]}
            for i, (s, e) in enumerate(doc.sentences)]


Extractor = Callable[[Doc], list[dict]]
Finalizer = Callable[[dict[str, pd.DataFrame]], dict[str, pd.DataFrame]]
#: table name → (per-article extractor, columns). Tables whose name starts with "_" are intermediate: a
#: finalizer turns them into the published tables and they are not written.
EXTRACTORS: dict[str, tuple[Extractor, list[str]]] = {
    "sentences": (sentence_rows, SENTENCE_COLUMNS),
    "_actor_candidates": (actors.candidate_rows, actors.CANDIDATE_COLUMNS),
    "dates": (timeline.date_rows, timeline.DATE_COLUMNS),
    "_quote_candidates": (quotes.candidate_rows, quotes.CANDIDATE_COLUMNS),
}
#: corpus-level steps, in order, after every article is analysed (e.g. merging an actor's spellings)
FINALIZERS: list[Finalizer] = [actors.finalize, timeline.finalize, quotes.finalize, stance.finalize]


def analyse(doc: Doc) -> dict[str, list[dict]]:
    """All per-article tables for one article."""
    return {name: fn(doc) for name, (fn, _) in EXTRACTORS.items()}


def _analyse_chunk(chunk: list[Doc]) -> list[dict[str, list[dict]]]:
    return [analyse(d) for d in chunk]


def _chunks(items: list[Doc], size: int) -> Iterator[list[Doc]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def default_jobs(n_articles: int) -> int:
    """One core for small corpora (process start-up costs more than it saves), all cores otherwise."""
    return 1 if n_articles < 200 else max(1, os.cpu_count() or 1)


def extract(articles: pd.DataFrame, jobs: int | None = None, progress: bool | None = None,
            targets: list[stance.Target] | None = None) -> dict[str, pd.DataFrame]:
    """Run every extractor on every article; returns ``{"articles": …, "sentences": …, …}``.

    ``jobs``: processes to use (default: :func:`default_jobs`). ``progress``: show a progress bar (default:
    on long runs when standard error is a terminal). ``targets``: the stance targets (see
    :func:`arnews.stance.load_targets`); without them the ``stances`` table is empty.
    """
    items = corpus.docs(articles)
    jobs = jobs or default_jobs(len(items))
    show = len(items) >= 200 if progress is None else progress
    bar = tqdm(total=len(items), unit="article", disable=(None if show else True), desc="extract")
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACTORS}
    size = max(1, min(64, len(items) // (jobs * 8) or 1))
    if jobs == 1:
        results = map(_analyse_chunk, _chunks(items, size))
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=outdir.ignore_interrupts)
        results = pool.map(_analyse_chunk, _chunks(items, size))
    completed = False
    try:
        for chunk in results:
            for per_article in chunk:
                for name, r in per_article.items():
                    rows[name].extend(r)
            bar.update(len(chunk))
        completed = True
    finally:
        bar.close()
        if pool is not None:  # on SIGINT/SIGTERM or an error: stop the workers, do not wait for them
            outdir.stop_pool(pool, abort=not completed)
    tables: dict = {"articles": articles, "_targets": targets or []}
    for name, (_, columns) in EXTRACTORS.items():  # intermediate tables stay lists of rows for the finalizers
        tables[name] = rows[name] if name.startswith("_") else pd.DataFrame(rows[name], columns=columns)
    for finalize in FINALIZERS:
        tables = finalize(tables)
    return {name: df for name, df in tables.items() if not name.startswith("_")}
