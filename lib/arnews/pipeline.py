"""Run every stage over a corpus: the per-article steps on one or more cores, then the corpus-level steps, into one
:class:`arnews.tables.Tables`.

Each module declares its stage (:class:`arnews.stages.Stage`: per-article function, corpus-level step, the tables
it requires and the tables and columns it produces). :data:`STAGES` is ordered and checked when this module is
imported; ``python -m arnews stages`` prints the chain (:func:`describe`), the way spaCy's ``analyze_pipes`` does:

============  ===================  ===========  ==============================================  ==================
stage         per article          corpus step  requires                                        produces
============  ===================  ===========  ==============================================  ==================
sentences     → sentences                                                                       sentences
actors        → _actor_candidates  yes          articles                                        mentions, actors
timeline      → dates              yes          articles, sentences, mentions                   dates, events
quotes        → _quote_candidates  yes          articles, mentions, actors                      quotes, flags
stance                             yes          articles, sentences, mentions, actors, quotes,  stances
                                                _targets
============  ===================  ===========  ==============================================  ==================

Extraction is per article (pure functions of the article's text and metadata), so it parallelises over
processes; tables are assembled once at the end, with no per-token pandas work.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

import numpy as np
import pandas as pd
from tqdm import tqdm

from arnews import actors, corpus, outdir, quotes, stance, stories, timeline
from arnews.stages import INPUTS, PipelineError, Stage, Table, check_columns, clear_caches, markdown, order
from arnews.tables import Tables
from arnews.text import Doc, clitic_variants

SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text"]


def sentence_rows(doc: Doc) -> list[dict]:
    """One row per sentence of the article.

    >>> [r["text"] for r in sentence_rows(Doc("a", "قال: نعم. ثم غادر."))]
    ['قال: نعم.', 'ثم غادر.']
    """
    aid = doc.article_id
    return [{"article_id": aid, "sentence_id": i, "start": s, "end": e, "text": doc.text[s:e]}
            for i, (s, e) in enumerate(doc.sentences)]


#: the corpus itself (:func:`arnews.corpus.load`): the input of every stage
ARTICLES = Table(corpus.ARTICLE_COLUMNS, {
    "article_id": "file name without extension (folders), or the record's id / row number (tables)",
    "file": "the file it came from (tables: `name.json#17`)",
    "outlet": "who published it; empty when unknown",
    "published": "publication date, `YYYY-MM-DD`; empty when unknown",
    "published_basis": "`metadata` (metadata.csv or the record), `text` (a `date` line, a top-of-page date line "
                       "such as `نشر في: 03/01/2025`, or page markup in the article) or `missing`",
    "title": "headline; empty when unknown",
    "text": "the article text as written (HTML: the extracted text); all offsets refer to it",
    "n_chars": "length of `text`",
    "body_start": "offset where the body starts, after a `date` line, headline, dateline or credit",
    "dateline": "dateline or credit at the top (`ابوظبي - سيف اليزيد - باريس (وكالات)`, `المستقلة`) or the "
                "record's byline",
    "url": "address, where known",
    "encoding": "how the file was decoded (`utf-8`, `utf-8-sig`, `utf-16`, `cp1256`)",
    "published_note, outlet_note": "how the date and the outlet were determined (the analyst's words from "
                                   "metadata.csv, or what the loader read)",
}, about="`arnews.corpus.load`")

SENTENCES = Stage("sentences", per_article=sentence_rows, rows_table="sentences", produces={
    "sentences": Table(SENTENCE_COLUMNS, {
        "article_id": "the article",
        "sentence_id": "0, 1, … within the article",
        "start, end": "offsets of the sentence in the article's text",
        "text": "the sentence as written",
    })}, caches=(clitic_variants,))  # the clitic readings of every word, which every later stage reads

#: every stage, in the order they run: ordered by what each requires and produces, and checked, at import
STAGES: list[Stage] = order([SENTENCES, actors.STAGE, timeline.STAGE, quotes.STAGE, stance.STAGE, stories.STAGE])


def published_tables(stages: list[Stage] = STAGES) -> dict[str, Table]:
    """Every published table with its declared columns (columns other stages add included), in run order."""
    out: dict[str, Table] = {"articles": ARTICLES}
    for s in stages:
        out |= {name: t for name, t in s.produces.items()}
    for s in stages:
        for name, added in s.adds.items():
            base = out[name]
            out[name] = Table([*base.columns, *added.columns], {**base.doc, **added.doc}, base.about)
    return out


def _check_tables_type(stages: list[Stage]) -> None:
    published = list(published_tables(stages))
    if sorted(published) != sorted(Tables.names()):
        raise PipelineError(f"the stages publish {published} but arnews.tables.Tables holds {Tables.names()}; "
                            "add a field to Tables for each published table")


_check_tables_type(STAGES)


def describe(stages: list[Stage] = STAGES) -> pd.DataFrame:
    """The pipeline as a table: one row per stage, in run order (see the module docstring)."""
    from arnews.stages import analyze

    return pd.DataFrame(analyze(stages))


_BLOCK_RE = re.compile(r"<!-- columns:(?P<name>\w+) -->\n.*?<!-- /columns -->", re.S)


def readme_tables(readme: str) -> str:
    """``readme`` with every ``<!-- columns:NAME -->`` … ``<!-- /columns -->`` block regenerated from the declared
    tables (:func:`arnews.stages.markdown`); ``scripts/readme_tables.py`` writes it, a test checks it."""
    tables = published_tables()

    def block(m: re.Match) -> str:
        name = m["name"]
        if name not in tables:
            raise PipelineError(f"README documents a table {name!r} that no stage produces")
        return f"<!-- columns:{name} -->\n{markdown(name, tables[name])}\n<!-- /columns -->"

    return _BLOCK_RE.sub(block, readme)


Extractor = Callable[[Doc], list[dict]]
Finalizer = Callable[[dict[str, pd.DataFrame]], dict[str, pd.DataFrame]]
#: per-article steps, table name → (function, columns); kept for callers of the earlier API
EXTRACTORS: dict[str, tuple[Extractor, list[str]]] = {
    s.rows_table: (s.per_article, s.columns(s.rows_table)) for s in STAGES if s.per_article}
#: corpus-level steps, in run order; kept for callers of the earlier API
FINALIZERS: list[Finalizer] = [s.corpus_step for s in STAGES if s.corpus_step]


def analyse(doc: Doc) -> dict[str, list[dict]]:
    """Every per-article step's rows for one article, by table name."""
    return {s.rows_table: s.per_article(doc) for s in STAGES if s.per_article}


#: the article columns the per-article steps read (all that is sent to a worker process)
DOC_COLUMNS = ["article_id", "text", "body_start", "published"]


def rows_tables() -> dict[str, list[str]]:
    """The tables the per-article steps write, with their columns."""
    return {s.rows_table: s.columns(s.rows_table) for s in STAGES if s.per_article}


def analyse_chunk(chunk: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The per-article steps on a chunk of articles: one compact DataFrame per table. Each article's ``Doc`` (its
    tokens and sentences) lives only while it is analysed, and the extractors' per-word caches are bounded
    (``lru_cache`` with a maxsize), so memory does not grow with the corpus."""
    rows: dict[str, list[dict]] = {name: [] for name in rows_tables()}
    for doc in corpus.docs(chunk):
        for name, r in analyse(doc).items():
            rows[name].extend(r)
    return {name: pd.DataFrame(rows[name], columns=columns) for name, columns in rows_tables().items()}


def _doc_frame(articles: pd.DataFrame) -> pd.DataFrame:
    present = [c for c in DOC_COLUMNS if c in articles]
    return articles[present]


def chunks(articles: pd.DataFrame, size: int) -> Iterator[pd.DataFrame]:
    """``articles`` in slices of ``size`` rows, holding only the columns the per-article steps read."""
    view = _doc_frame(articles)
    for i in range(0, len(view), size):
        yield view.iloc[i:i + size]


def concat(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """One table from per-chunk frames (empty ones left out), with a fresh index."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def dask_per_article(articles: pd.DataFrame, size: int, scheduler: str | None = None) -> dict[str, pd.DataFrame]:
    """The per-article stage as a Dask bag over chunks of ``size`` articles; returns the gathered tables, in
    article order. ``scheduler``: a ``dask.distributed`` scheduler address (every worker needs arnews installed),
    or None for Dask's local process scheduler."""
    import dask.bag as db

    bag = db.from_sequence(list(chunks(articles, size)), partition_size=1).map(analyse_chunk)
    if scheduler:
        from dask.distributed import Client

        with Client(scheduler) as client:
            results = bag.compute(scheduler=client)
    else:
        results = bag.compute(scheduler="processes")
    return {name: concat([r[name] for r in results], columns) for name, columns in rows_tables().items()}


#: corpora smaller than this (articles) skip :func:`release_memory`: a full collection costs 30–70 ms, which the
#: seeds' build paid 20 times over (0.8 s of a 2.5 s extraction) for nothing worth returning
RELEASE_FROM = 200


def release_memory(n_articles: int | None = None) -> None:
    """Collect garbage and hand freed heap pages back to the system (glibc's ``malloc_trim``, as Dask workers do),
    so the next step starts from what is live, not from the last step's high-water mark. Nothing for a corpus of
    fewer than :data:`RELEASE_FROM` articles (``n_articles``; None: always)."""
    import ctypes
    import gc

    if n_articles is not None and n_articles < RELEASE_FROM:
        return
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


#: a short article every per-article step reads before a large corpus (:func:`collector_frozen`), so the models and
#: word lists they load lazily are in memory when the collector is told to leave them alone
WARM_UP_TEXT = "قال وزير الخارجية الفرنسي جان إيف لودريان في باريس يوم الاثنين 20 يوليو 2015: «نعم»."


#: the youngest generation's collection threshold during an extraction (Python's default is 700)
YOUNG_COLLECTION = 10_000


@contextmanager
def collector_frozen(n_articles: int | None = None) -> Iterator[None]:
    """Run the block with what is in memory before it (the models, word lists and the corpus itself, loaded by
    one warm-up article) moved out of the garbage collector's reach (``gc.freeze``), as long-lived servers do:
    the full collections a large corpus triggers then scan only what the run itself made; and the youngest
    generation collected every :data:`YOUNG_COLLECTION` new objects instead of 700, so the rows and tuples an
    article makes and drops are freed by reference counting before a collection looks at them (fewer promoted,
    fewer full collections: 37 → 8 on the bench). Together they took the collector from about 1.1 to 0.25 ms of CPU
    per article on the bench, with the same tables. Nothing for a corpus of fewer than :data:`RELEASE_FROM`
    articles, nor when something else froze the heap already; everything is unfrozen and the threshold restored
    afterwards. Worker processes forked inside the block share the warmed-up memory.
    """
    import gc

    if (n_articles is not None and n_articles < RELEASE_FROM) or gc.get_freeze_count():
        yield
        return
    analyse(Doc("warm-up", WARM_UP_TEXT))  # load every lazily loaded model and list now, not inside the block
    gc.collect()  # what is garbage now is not frozen with the rest
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_COLLECTION), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def use_system_allocator() -> None:
    """Let pyarrow (pandas' string columns, Parquet) allocate with the C library's ``malloc`` instead of its own
    mimalloc/jemalloc pool, which keeps freed memory for reuse: with it, every step's high-water mark stayed
    resident (``arnews extract`` on the bench: about 45 MB more at the peak). Done here, at run time: the
    environment variable works only if set before pyarrow is first imported, which importing pandas already does.
    ``ARROW_DEFAULT_MEMORY_POOL=mimalloc`` (or ``jemalloc``) keeps that pool."""
    import pyarrow as pa

    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL", "system") == "system" and \
            pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def default_jobs(n_articles: int) -> int:
    """One core for small corpora (process start-up costs more than it saves), all cores otherwise."""
    return 1 if n_articles < 200 else max(1, os.cpu_count() or 1)


def extract(articles: pd.DataFrame, jobs: int | None = None, progress: bool | None = None,
            targets: list[stance.Target] | None = None, story: str | None = None, engine: str = "local",
            scheduler: str | None = None, chunk_size: int | None = None, whole: Tables | None = None) -> Tables:
    """Run every stage on every article; returns the :class:`~arnews.tables.Tables`.

    ``jobs``: processes to use (default: :func:`default_jobs`). ``progress``: show a progress bar (default:
    on long runs when standard error is a terminal). ``targets``: the stance targets (see
    :func:`arnews.stance.load_targets`); without them the ``stances`` table is empty. ``story``: passed to the
    corpus-level steps as ``_story``, and the tables are those of that story's articles
    (:func:`extract_story`). ``engine``: ``local`` (this machine's processes) or ``dask`` (the
    per-article stage as a Dask bag, one partition per chunk of articles, on the cluster at ``scheduler`` —
    ``tcp://host:8786`` — or on local processes without one; the corpus-level steps then run here on the gathered
    rows). ``chunk_size``: articles per chunk (default: about eight chunks per process, at most 64). ``whole``:
    with ``story``, the tables of the whole of these articles when already at hand (their stories are used
    instead of extracting every article again).
    """
    use_system_allocator()
    if story:
        return extract_story(articles, story, jobs=jobs, progress=progress, targets=targets, engine=engine,
                             scheduler=scheduler, whole=whole)
    with collector_frozen(len(articles)):
        return _extract(articles, jobs, progress, targets, story, engine, scheduler, chunk_size)


def _extract(articles: pd.DataFrame, jobs: int | None, progress: bool | None, targets: list[stance.Target] | None,
             story: str | None, engine: str, scheduler: str | None, chunk_size: int | None) -> Tables:
    n = len(articles)
    jobs = jobs or default_jobs(n)
    show = n >= 200 if progress is None else progress
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in rows_tables()}
    size = chunk_size or max(1, min(64, n // (jobs * 8) or 1))
    if engine == "dask":
        per_article = dask_per_article(articles, size, scheduler)
        return run_corpus_steps({"articles": articles, "_targets": list(targets or []), "_story": story,
                                 **per_article}, targets)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    bar = tqdm(total=n, unit="article", disable=(None if show else True), desc="extract")
    if jobs == 1:
        results = map(analyse_chunk, chunks(articles, size))
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=outdir.ignore_interrupts)
        results = pool.map(analyse_chunk, chunks(articles, size))
    completed = False
    try:
        for frames, k in zip(results, [min(size, n - i) for i in range(0, n, size)], strict=True):
            for name, df in frames.items():
                parts[name].append(df)
            bar.update(k)
        completed = True
    finally:
        bar.close()
        if pool is not None:  # on SIGINT/SIGTERM or an error: stop the workers, do not wait for them
            outdir.stop_pool(pool, abort=not completed)
    # one table at a time, its chunks let go as it is made: never every table twice at once
    per_article = {name: concat(parts.pop(name), columns) for name, columns in rows_tables().items()}
    if n >= RELEASE_FROM:  # the per-word memos of the per-article steps: not carried through the corpus steps
        clear_caches(STAGES)
    release_memory(n)
    return run_corpus_steps({"articles": articles, "_targets": list(targets or []), "_story": story, **per_article},
                            targets)


def extract_story(articles: pd.DataFrame, story: str, jobs: int | None = None, progress: bool | None = None,
                  targets: list[stance.Target] | None = None, whole: Tables | None = None, **engine) -> Tables:
    """The tables of one story: stories are found on the whole corpus (story ids are the corpus's; ``whole``: its
    tables when already extracted), then every other table is extracted again on that story's articles alone
    (its actors, events and statements); the story tables keep the story's rows. Raises
    :class:`arnews.stories.StoryError` for an unknown story id."""
    full = whole if whole is not None else extract(articles, jobs=jobs, progress=progress, targets=targets, **engine)
    one = stories.select_story(dict(full.items()), story)
    keep = set(one["articles"]["article_id"].astype(str))
    sub = extract(articles[articles["article_id"].astype(str).isin(keep)].reset_index(drop=True), jobs=jobs,
                  progress=progress, targets=targets, **engine)
    for name in ("stories", "copies", "story_sources", "additions", "story_actors"):
        setattr(sub, name, one[name])
    sub.articles["story_id"] = story
    return sub


def complete_articles(articles: pd.DataFrame, columns=ARTICLES.columns) -> pd.DataFrame:
    """The articles table with every declared column, in order: a caller's minimal table (id, text…) gets the
    others empty (text columns ``""``, ``n_chars`` computed, ``body_start`` 0, ``published`` missing)."""
    if list(articles.columns) == list(columns):
        return articles
    out = articles.copy()
    for c in columns:
        if c in out:
            continue
        if c == "n_chars":
            out[c] = out["text"].str.len().astype("int64")
        elif c == "body_start":
            out[c] = 0
        elif c == "published":
            out[c] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
        else:
            out[c] = ""
    return out[[*columns, *[c for c in out.columns if c not in columns]]]


def records(df: pd.DataFrame) -> list[dict]:
    """``df.to_dict("records")``, the same values and types, a column at a time: ``Series.tolist`` reads an Arrow
    string column in one call where ``to_dict`` iterates it value by value (the bench's actor candidates: 0.15 →
    0.03 ms/article). A table with columns of other types (object, nullable integers …) goes through ``to_dict``.

    >>> records(pd.DataFrame({"article_id": ["a", "b"], "start": [0, 7], "weak": [True, False]}))
    [{'article_id': 'a', 'start': 0, 'weak': True}, {'article_id': 'b', 'start': 7, 'weak': False}]
    """
    if not len(df.columns) or not df.columns.is_unique or not all(
            isinstance(t, pd.StringDtype) or (isinstance(t, np.dtype) and t.kind in "iufbM") for t in df.dtypes):
        return df.to_dict("records")  # object columns: to_dict turns the numpy scalars in them into Python ones
    columns = list(df.columns)
    return [dict(zip(columns, row, strict=True)) for row in zip(*(df[c].tolist() for c in columns), strict=True)]


def run_corpus_steps(tables: dict, targets: list | None = None) -> Tables:
    """Run every stage's corpus-level step on ``tables`` (articles, options and the per-article rows), checking
    that each writes the tables and columns it declares; returns the published tables."""
    declared = published_tables()
    for s in STAGES:
        missing = [t for t in s.requires if t not in tables and t not in INPUTS]
        if missing:
            raise PipelineError(f"stage {s.name!r} is missing {missing}")
        if s.corpus_step:
            for name in [s.rows_table, *s.requires]:  # a candidates table reaches its step as rows (dicts)
                if name.startswith("_") and isinstance(tables.get(name), pd.DataFrame) and s.rows_as == "records":
                    tables[name] = records(tables[name])
            tables = s.corpus_step(tables)
            if s.rows_table.startswith("_"):
                tables.pop(s.rows_table, None)
            release_memory(len(tables["articles"]))
        for name in s.produces:
            if not isinstance(tables.get(name), pd.DataFrame):
                raise PipelineError(f"stage {s.name!r} did not produce the table {name!r}")
            if not s.adds:
                check_columns(s, name, tables[name].columns)
    tables["articles"] = complete_articles(tables["articles"], declared["articles"].columns)
    for name, table in declared.items():
        have = list(tables[name].columns)
        if (have[:len(table.columns)] if name == "articles" else have) != list(table.columns):
            raise PipelineError(f"table {name!r} has columns {list(tables[name].columns)}; declared "
                                f"{list(table.columns)}")
    return Tables(**{name: tables[name] for name in Tables.names()}, targets=list(targets or []))
