"""The whole extraction on odd and hostile input: nothing crashes, nothing is lost, offsets hold."""

import functools

import pandas as pd
import pytest

from arnews import pipeline

ODD = [
    "",
    "رئيس الاستخبارات العامة.",  # a title at the very end
    "وقال",  # a speech verb and nothing after it
    "الرئيس",
    "قال الرئيس الفرنسي",
    "« « « “ ” \" ' ؟ ! ؛",
    "2026-13-45 و 31 فبراير 2022 و 99/99/9999",  # impossible dates
    "<script>alert('x')</script> كييف \u202eموسكو\u202c",
    "ﻻ ﷲ ١٢٣ ۴۵۶ ـــــ",
    "a" * 5000,
    "وزير " * 300,
    "\n\n\n",
    "في عام 1308 هـ وفي 12 رجب 1200 هـ",  # Hijri years outside the converter's range
]


@pytest.mark.parametrize("text", ODD)
def test_odd_text_never_crashes_and_offsets_hold(text):
    articles = pd.DataFrame({"article_id": ["x"], "text": [text], "body_start": [0],
                             "published": [pd.Timestamp("2026-01-07")], "outlet": [""]})
    tables = pipeline.extract(articles, jobs=1, progress=False)
    for name in ("mentions", "dates", "sentences"):
        for r in tables[name].itertuples():
            assert 0 <= r.start <= r.end <= len(text)
    for r in tables["mentions"].itertuples():
        assert text[r.start:r.end] == r.surface


# --- declared stages ----------------------------------------------------------------------------------------

from pathlib import Path  # noqa: E402

from arnews.stages import PipelineError, Stage, Table, order, undocumented  # noqa: E402


def _stage(name, produces=(), requires=()):
    return Stage(name, {t: Table(["id"], {"id": "x"}) for t in produces}, requires=tuple(requires))


@pytest.mark.parametrize(("stages", "expected"), [
    ([_stage("a", ["x"]), _stage("b", ["y"], ["x"])], ["a", "b"]),
    ([_stage("b", ["y"], ["x"]), _stage("a", ["x"])], ["a", "b"]),
    ([_stage("c", ["z"], ["y", "articles"]), _stage("b", ["y"], ["x"]), _stage("a", ["x"])], ["a", "b", "c"]),
    ([_stage("a", ["x"]), _stage("b", ["x"])], "produced by both 'a' and 'b'"),
    ([_stage("a", ["x"], ["nothing"])], "'a' requires 'nothing', which no stage produces"),
    ([_stage("a", ["x"], ["y"]), _stage("b", ["y"], ["x"])], "cycle"),
    ([_stage("a", ["articles"])], "produced by both 'the input' and 'a'"),
])
def test_stages_are_ordered_by_their_contracts_and_checked(stages, expected):
    if isinstance(expected, list):
        assert [s.name for s in order(stages)] == expected
    else:
        with pytest.raises(PipelineError, match=expected):
            order(stages)


def test_the_pipeline_runs_the_declared_chain():
    view = pipeline.describe().set_index("stage")
    assert list(view.index) == ["sentences", "actors", "timeline", "quotes", "stance", "stories"]
    assert view.loc["timeline", "requires"] == "articles, sentences, mentions"
    assert view.loc["stories", "adds"] == "articles.story_id"
    assert view.loc["quotes", "produces"] == "quotes, flags"
    assert view.loc["actors", "per_article"] == "_actor_candidates"


def test_a_stage_that_breaks_its_contract_is_named(monkeypatch):
    from arnews import timeline

    def bad_finalize(tables):
        tables["events"] = pd.DataFrame({"event_id": []})
        return timeline.finalize.__wrapped__(tables) if hasattr(timeline.finalize, "__wrapped__") else tables

    bad = Stage("timeline", timeline.STAGE.produces, requires=timeline.STAGE.requires,
                per_article=timeline.date_rows, rows_table="dates", corpus_step=bad_finalize)
    stages = [bad if s.name == "timeline" else s for s in pipeline.STAGES]
    monkeypatch.setattr(pipeline, "STAGES", stages)
    articles = pd.DataFrame({"article_id": ["x"], "text": ["وقال الرئيس أمس إن الاجتماع انتهى."], "body_start": [0],
                             "published": [pd.Timestamp("2026-01-07")], "outlet": [""]})
    with pytest.raises(PipelineError, match=r"stage 'timeline' wrote 'events' with columns \['event_id'\]"):
        pipeline.extract(articles, jobs=1, progress=False)


@pytest.mark.parametrize("name", list(pipeline.published_tables()))
def test_every_declared_column_has_a_meaning(name):
    assert undocumented(name, pipeline.published_tables()[name]) == []


def test_readme_column_tables_are_the_declared_ones():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in pipeline.published_tables():
        assert f"<!-- columns:{name} -->" in readme, f"README has no generated block for {name}"
    assert pipeline.readme_tables(readme) == readme, "README drifted: run python scripts/readme_tables.py"


def test_mentions_travel_as_records():
    from arnews.actors import Mention, mention_spans

    mentions = pd.DataFrame({"article_id": ["a"], "start": [4], "end": [10], "actor_id": ["person:x"]})
    (m,) = mention_spans(mentions)["a"]
    assert m == Mention(start=4, end=10, actor_id="person:x") and m.actor_id == "person:x" and m[0] == 4


def test_extract_returns_the_typed_tables():
    from arnews.tables import Tables

    articles = pd.DataFrame({"article_id": ["x"], "text": ["قال الرئيس الفرنسي إيمانويل ماكرون إن باريس مستعدة."],
                             "body_start": [0], "published": [pd.Timestamp("2026-01-07")], "outlet": [""]})
    t = pipeline.extract(articles, jobs=1, progress=False)
    assert isinstance(t, Tables)
    assert "person:emmanuel-macron" in set(t.mentions["actor_id"])
    for name, table in pipeline.published_tables().items():
        if name != "articles":
            assert list(t[name].columns) == list(table.columns)


WORDY = [f"قال الوزير {w} إن الوفد {w}ون وصلوا إلى المدينة الجديدة." for w in ("سامر", "كريم", "جميل", "نبيل")]


@pytest.mark.parametrize("limit", [0, 3, 10_000])
def test_word_caches_are_bounded_and_the_tables_do_not_change(monkeypatch, limit):
    from arnews import actors, quotes

    articles = pd.DataFrame({"article_id": [f"w{i}" for i in range(len(WORDY))], "text": WORDY, "body_start": 0,
                             "published": pd.Timestamp("2031-05-04"), "outlet": ""})
    unbounded = pipeline.extract(articles, jobs=1, progress=False, chunk_size=1)
    for module, name in ((actors, "skeleton"), (quotes, "_cue_kind"), (quotes, "_np_word")):
        f = getattr(module, name)
        assert f.cache_info().maxsize  # bounded where it is defined
        monkeypatch.setattr(module, name, functools.lru_cache(maxsize=limit)(f.__wrapped__))
    bounded = pipeline.extract(articles, jobs=1, progress=False, chunk_size=1)
    assert quotes._cue_kind.cache_info().currsize <= limit
    for name, table in unbounded.items():
        pd.testing.assert_frame_equal(bounded[name], table)


# --- the Dask engine ----------------------------------------------------------------------------------------


def test_dask_on_a_two_worker_cluster_gives_the_local_tables_row_for_row():
    from dask.distributed import LocalCluster

    from arnews.corpus import load

    articles = load("seeds")
    local = pipeline.extract(articles, jobs=1, progress=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        distributed = pipeline.extract(articles, engine="dask", scheduler=cluster.scheduler_address, chunk_size=2)
    for name in local.keys():
        pd.testing.assert_frame_equal(local[name], distributed[name], check_dtype=True)
    assert len(distributed.mentions) > 100


def test_an_unknown_engine_is_an_error():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        pipeline.extract(pd.DataFrame({"article_id": ["a"], "text": ["نص"]}), engine="spark")


def test_one_story_keeps_the_corpus_story_ids_and_only_its_articles():
    from arnews.stories import StoryError

    flood = ("أعلنت هيئة الأرصاد في مدينة الزهراء أن السيول الجارفة اجتاحت الأحياء الشرقية صباح الأحد وأدت إلى غرق "
             "عشرات المنازل. وقال مدير الدفاع المدني سالم العتيبي إن فرق الإنقاذ أجلت أكثر من مئتي أسرة.")
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["o1", "o2", "o1"],
                             "text": [flood, "الزهراء - " + flood,
                                      "أعلن نادي النجوم تعاقده مع المهاجم ماركو سيلفا لمدة ثلاثة مواسم."]})
    whole = pipeline.extract(articles)
    assert whole.articles["story_id"].tolist() == ["s0001", "s0001", "s0002"]
    one = pipeline.extract(articles, story="s0001")
    assert one.articles["article_id"].tolist() == ["a", "b"] and set(one.articles["story_id"]) == {"s0001"}
    assert one.stories["story_id"].tolist() == ["s0001"] and len(one.copies)
    assert set(one.mentions["article_id"]) <= {"a", "b"}
    given = pipeline.extract(articles, story="s0001", whole=whole)  # the stories taken from the whole's tables
    for name in one.keys():
        pd.testing.assert_frame_equal(one[name], given[name])
    with pytest.raises(StoryError, match="s0009"):
        pipeline.extract(articles, story="s0009")


@pytest.mark.parametrize("stage, cache", [(s.name, c) for s in pipeline.STAGES for c in s.caches])
def test_declared_caches_are_empty_after_the_per_article_stage_and_the_tables_do_not_change(monkeypatch, stage,
                                                                                             cache):
    articles = pd.DataFrame({"article_id": [f"w{i}" for i in range(len(WORDY))], "text": WORDY, "body_start": 0,
                             "published": pd.Timestamp("2031-05-04"), "outlet": ""})
    kept = pipeline.extract(articles, jobs=1, progress=False, chunk_size=1)  # 4 articles: caches kept
    seen = []
    real = pipeline.clear_caches

    def spy(stages):
        seen.append(real(stages))
        size = cache.cache_info().currsize if hasattr(cache, "cache_info") else (
            len(cache) if hasattr(cache, "__len__") else cache())
        assert size == 0, f"{stage}: {cache!r} still holds {size} entries"
        return seen[-1]

    monkeypatch.setattr(pipeline, "RELEASE_FROM", 0)
    monkeypatch.setattr(pipeline, "clear_caches", spy)
    cleared = pipeline.extract(articles, jobs=1, progress=False, chunk_size=1)
    assert seen and seen[0] > 0  # the per-article steps had filled them
    for name, table in kept.items():
        pd.testing.assert_frame_equal(cleared[name], table)


@pytest.mark.parametrize(("n_articles", "frozen"), [(None, True), (pipeline.RELEASE_FROM, True), (5, False)])
def test_the_collector_leaves_what_is_loaded_alone_during_a_large_extraction_only(n_articles, frozen):
    import gc

    before = gc.get_threshold()
    with pipeline.collector_frozen(n_articles):
        assert (gc.get_freeze_count() > 0) == frozen
        assert gc.get_threshold()[0] == (max(before[0], pipeline.YOUNG_COLLECTION) if frozen else before[0])
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"article_id": ["a", None, "c"], "start": [0, 4, 9], "score": [1.5, float("nan"), 2.0],
                      "weak": [True, False, True]}),
        pd.DataFrame({"published": pd.to_datetime(["2015-07-21", None]), "n": [1, 2]}),
        pd.DataFrame({"mixed": [None, "نعم", 3]}),  # object: to_dict's own boxing
        pd.DataFrame({"n": pd.array([1, None], dtype="Int64")}),  # nullable: to_dict's own None
        pd.DataFrame({"article_id": pd.Series([], dtype="str"), "start": pd.Series([], dtype="int64")}),
    ],
)
def test_records_are_to_dict_records(frame):
    assert repr(pipeline.records(frame)) == repr(frame.to_dict("records"))
