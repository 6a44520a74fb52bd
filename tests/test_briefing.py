import base64
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from arnews import briefing
from arnews.briefing import BuildError, build, export_html

ROOT = Path(__file__).resolve().parents[1]


def _git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds_build")
    before = _git_status()
    report = build(corpus=ROOT / "seeds", out=out, log=lambda *_: None)
    return out, report, before


def test_build_writes_figures_executed_notebooks_and_one_report(seeds_build):
    out, report, _ = seeds_build
    assert report == out / "reports" / "briefing.html"
    assert (out / "figures" / "01_articles_by_outlet_date.png").stat().st_size > 10_000
    names = sorted(p.name for p in (out / "build").glob("*.ipynb"))
    assert names == sorted(p.name for p in briefing.notebook_paths())
    executed = nbformat.read(out / "build" / "01_corpus.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and str(ROOT / "seeds") in injected[0].source


def test_build_never_modifies_tracked_files(seeds_build):
    _, _, before = seeds_build
    assert _git_status() == before


def test_report_is_self_contained_and_code_free(seeds_build):
    _, report, _ = seeds_build
    html = report.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "link", "iframe"])
    images = soup.find_all("img")
    assert images
    for img in images:
        kind, data = img["src"].split(",", 1)
        assert kind == "data:image/png;base64"
        assert base64.b64decode(data).startswith(b"\x89PNG")
    assert not re.search(r"\bsrc=[\"'](?!data:)", html)
    assert "import " not in soup.get_text() and "corpus.load" not in html  # no code
    assert soup.find("nav", class_="toc")


def test_report_marks_arabic_right_to_left_and_lists_every_source(seeds_build):
    _, report, _ = seeds_build
    soup = BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser")
    cells = [td for td in soup.find_all("td") if "حلفاء أوكرانيا يجتمعون" in td.get_text()]
    assert cells and all(td.get("dir") == "rtl" and td.get("lang") == "ar" for td in cells)
    text = soup.get_text()
    for article_id in ("000_390198dbe8c26a76", "002_ea3de26980be0bec", "004_0b7ef937f1fcd627"):
        assert article_id in text


def _notebook(path: Path, *sources: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('CORPUS = "x"\nFIGURES = "y"', metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, path)


def test_a_failing_notebook_names_notebook_and_cell_and_keeps_the_old_report(tmp_path):
    books = tmp_path / "notebooks"
    books.mkdir()
    _notebook(books / "01_ok.ipynb", "x = 1")
    _notebook(books / "02_broken.ipynb", "y = 2", "raise ValueError('no such actor table')")
    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    old = out / "reports" / "briefing.html"
    old.write_text("previous report", encoding="utf-8")
    expected = r"02_broken\.ipynb: code cell 3 .*raise ValueError.*failed: ValueError: no such actor table"
    with pytest.raises(BuildError, match=expected):
        build(corpus=ROOT / "seeds", out=out, notebooks=books, log=lambda *_: None)
    assert old.read_text(encoding="utf-8") == "previous report"
    assert not list((out / "reports").glob(".*tmp"))


KERNEL_INFO = ("import json, os, sys\nfrom ipykernel.connect import get_connection_info\n"
               "info = json.loads(get_connection_info())\n"
               "print(info['transport'], os.path.dirname(os.path.dirname(info['ip'])), os.getcwd(), CORPUS,\n"
               "      'arnews.figures' in sys.modules, 'pandas' in dir() or '_m' in dir())")


@pytest.mark.parametrize("jobs", [1, 3])
def test_notebooks_run_side_by_side_on_kernels_with_their_own_sockets(tmp_path, monkeypatch, jobs):
    import tempfile

    books = tmp_path / "notebooks"
    books.mkdir()
    for i in range(3):
        _notebook(books / f"0{i + 1}_k.ipynb", KERNEL_INFO)
    sockets = Path(tempfile.mkdtemp(prefix="k"))  # short: a socket path holds about 100 bytes
    monkeypatch.setattr(tempfile, "tempdir", str(sockets))
    monkeypatch.setenv("TMPDIR", str(sockets))  # for the spawned processes that run notebooks side by side
    params = {"CORPUS": "نشرة-اليوم", "FIGURES": str(tmp_path / "fig")}
    briefing.run_notebooks(sorted(books.glob("*.ipynb")), params, tmp_path / "build", jobs=jobs, log=lambda *_: None)
    for book in sorted((tmp_path / "build").glob("*.ipynb")):
        printed = nbformat.read(book, as_version=4).cells[-1].outputs[0]["text"].split()
        # Unix sockets in a folder of their own, not TCP ports; run in the notebook's folder; what the notebooks
        # import was imported as the kernel started, and left no name in the notebook's namespace
        assert printed == ["ipc", str(sockets), str(books), "نشرة-اليوم", "True", "False"]
    assert list(sockets.iterdir()) == []  # kernels shut down, their socket folders removed
    sockets.rmdir()


def _heartbeats() -> set:
    import threading

    from jupyter_client.channels import HBChannel

    return {t for t in threading.enumerate() if isinstance(t, HBChannel)}


def test_a_notebook_run_in_process_leaves_no_heartbeat_thread_behind(tmp_path):
    # nbclient stops the channels only of kernels it started; a heartbeat left pinging a dead kernel made a later
    # garbage collection abort the interpreter (seen as "Fatal Python error: Aborted" in make test)
    book = tmp_path / "01_k.ipynb"
    _notebook(book, "print(CORPUS)")
    before = _heartbeats()
    nb = briefing.execute_notebook(book, {"CORPUS": "نشرة-اليوم"}, tmp_path / "out.ipynb",
                                   kernel=briefing.Kernel(str(tmp_path)))
    assert nb.cells[-1].outputs[0]["text"] == "نشرة-اليوم\n"
    assert _heartbeats() - before == set()


def test_two_kernels_at_a_time_by_default(monkeypatch):
    monkeypatch.delenv("ARNEWS_BUILD_JOBS", raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert briefing.default_jobs() == 2
    monkeypatch.setenv("ARNEWS_BUILD_JOBS", "1")
    assert briefing.default_jobs() == 1


def test_export_escapes_article_markup_and_removes_bidi_overrides(tmp_path):
    nb = nbformat.v4.new_notebook()
    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>\u202eكييف'
    import pandas as pd

    from arnews.display import html_table

    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", {"text/html": html_table(pd.DataFrame({"t": [hostile]}))})]
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell]
    target = export_html(nb, tmp_path / "r.html")
    html = target.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all("script") and not soup.find_all("img")
    assert "\u202e" not in html
    assert '<img src=x onerror="alert(1)">' in soup.find("td").get_text()  # shown as text


def test_export_removes_raw_markup_that_slipped_into_an_output(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", {"text/html": '<p onclick="x()">نص</p><script>alert(1)</script><img src="http://e.x/a.png">'})]
    nb.cells = [cell]
    soup = BeautifulSoup(export_html(nb, tmp_path / "r.html").read_text(encoding="utf-8"), "html.parser")
    assert not soup.find_all("script") and not soup.find_all("img")
    p = soup.find("article").find("p")
    assert p.get("onclick") is None and p.get("dir") == "rtl"


# --- the briefing's sections, from the tables ----------------------------------------------------------------


def _tables(stances=(), quotes=(), flags=(), events=()):
    import pandas as pd

    from arnews import actors as actors_mod
    from arnews import quotes as quotes_mod
    from arnews import stance, timeline
    from arnews.pipeline import SENTENCE_COLUMNS
    from arnews.tables import Tables

    articles = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["الأناضول (Anadolu)", ""],
                             "published": pd.to_datetime(["2026-01-06", None]),
                             "text": ["قال ماكرون إن فرنسا مستعدة.", "رفضت موسكو نشر قوات."]})
    actors = pd.DataFrame([
        {"actor_id": "person:emmanuel-macron", "kind": "person", "name_ar": "إيمانويل ماكرون",
         "name_en": "Emmanuel Macron", "role_ar": "", "role_en": "President", "affiliation": "FR", "aliases": "",
         "mentions": 3, "articles": 1},
        {"actor_id": "country:FR", "kind": "country", "name_ar": "فرنسا", "name_en": "France", "role_ar": "",
         "role_en": "", "affiliation": "FR", "aliases": "", "mentions": 1, "articles": 1},
        {"actor_id": "country:RU", "kind": "country", "name_ar": "روسيا", "name_en": "Russia", "role_ar": "",
         "role_en": "", "affiliation": "RU", "aliases": "", "mentions": 1, "articles": 1},
    ], columns=actors_mod.ACTOR_COLUMNS)
    mentions = pd.DataFrame([("a1", 4, 10, "ماكرون", "person:emmanuel-macron", 0, "name")] * 3
                            + [("a1", 14, 19, "فرنسا", "country:FR", 0, "name"),
                               ("a2", 5, 10, "موسكو", "country:RU", 0, "capital")],
                            columns=actors_mod.MENTION_COLUMNS)
    return Tables(
        articles=articles, sentences=pd.DataFrame(columns=SENTENCE_COLUMNS), mentions=mentions, actors=actors,
        dates=pd.DataFrame(columns=timeline.DATE_COLUMNS), events=pd.DataFrame(list(events),
                                                                               columns=timeline.EVENT_COLUMNS),
        quotes=pd.DataFrame(list(quotes), columns=quotes_mod.QUOTE_COLUMNS),
        flags=pd.DataFrame(list(flags), columns=quotes_mod.FLAG_COLUMNS),
        stances=pd.DataFrame(list(stances), columns=stance.STANCE_COLUMNS),
        targets=[stance.Target("deployment", "Deployment of a force", "نشر قوات", ("نشر قوات", "نشر قوة"))],
    )


def _stance(aid, party, polarity, start=0):
    return {"article_id": aid, "actor": party, "target": "deployment", "stance": polarity, "cue": "رفضت",
            "evidence": "…", "start": start, "end": start + 5, "party": party, "via": "subject"}


def _quote(aid, speaker, text, kind="direct"):
    return {"article_id": aid, "speaker": speaker, "speaker_surface": "", "cue": "قال", "kind": kind, "text": text,
            "start": 0, "end": len(text), "sentence_id": 0, "speaker_kind": "person" if speaker else "unnamed",
            "speaker_affiliation": ""}


@pytest.mark.parametrize(("stances", "is_open", "why"), [
    ([], True, "no actor takes a position"),
    ([_stance("a2", "country:RU", "oppose")], False, ""),
    ([_stance("a2", "country:RU", "oppose"), _stance("a1", "country:FR", "support")], True, "oppose 1, support 1"),
    ([_stance("a1", "country:FR", "conditional")], True, "conditional 1"),
    ([_stance("a1", "country:FR", "neutral")], True, "no actor takes a position"),
])
def test_open_issues_are_targets_without_a_clear_position(stances, is_open, why):
    t = _tables(stances=stances, quotes=[_quote("a2", "", "لن نقبل نشر قوات أجنبية على أراضي أوكرانيا"),
                                         _quote("a1", "person:emmanuel-macron", "نحن مستعدون للعمل")])
    issues = briefing.open_issues(t)
    assert bool(issues) == is_open
    if is_open:
        (issue,) = issues
        assert issue.target == "deployment" and why in issue.why
        assert issue.n_statements == 1 and "نشر قوات" in issue.quote["text"]


def test_key_points_name_the_busiest_event_the_stances_and_the_flags():
    event = {"event_id": "e001", "date": "2026-01-06", "granularity": "day", "actors": "person:emmanuel-macron",
             "summary": "…", "article_ids": "a1 | a2", "outlets": "A | B", "n_outlets": 2, "n_reports": 3,
             "evidence": ""}
    flag = {"flag": "same quotation, different speakers", "article_id": "a1", "speaker": "person:emmanuel-macron",
            "other": "country:FR", "detail": "also attributed to France", "evidence": "…", "start": 0, "end": 1}
    other_side = {**flag, "article_id": "a2", "speaker": "country:FR", "other": "person:emmanuel-macron",
                  "detail": "also attributed to Emmanuel Macron"}
    t = _tables(stances=[_stance("a2", "country:RU", "oppose")], events=[event], flags=[flag, other_side])
    points = briefing.key_points(t)
    assert points[0].startswith("The most widely reported event falls on <strong>Tuesday 6 January 2026</strong>, "
                                "reported by 2 outlets in 3 sentences; it involves Emmanuel Macron")
    assert points[1].startswith("Russia (") and "oppose <em>Deployment of a force</em> (1 sentence" in points[1]
    # the two sides of one conflict are one point, and it says whose words they are and where
    assert points[2].startswith("<strong>2 attributions to double-check</strong>: Emmanuel Macron (")
    assert points[2].endswith(") in a1: also attributed to France.")


def test_the_intro_counts_stances_or_says_no_targets_were_given():
    import dataclasses

    t = _tables(stances=[_stance("a2", "country:RU", "oppose")])
    assert "2 Arabic news articles" in briefing.intro_html(t) and " and 1 stance;" in briefing.intro_html(t)
    without = dataclasses.replace(t, stances=t.stances.iloc[:0], targets=[])
    assert " and no stances (no stance targets were given);" in briefing.intro_html(without)


def test_article_table_counts_per_article():
    t = _tables(stances=[_stance("a2", "country:RU", "oppose")],
                quotes=[_quote("a1", "person:emmanuel-macron", "نحن مستعدون"),
                        _quote("a1", "person:emmanuel-macron", "قال إنه", kind="indirect")])
    table = briefing.article_table(t)
    assert table.columns.tolist() == briefing.ARTICLE_TABLE_COLUMNS
    rows = table.set_index("article").to_dict("index")
    assert rows["a1"] == {"outlet": "الأناضول (Anadolu)", "date": "2026-01-06", "words": 5, "actors": 2,
                          "statements": 2, "direct": 1, "stances": 0, "people most named": "Emmanuel Macron"}
    assert rows["a2"]["outlet"] == "unknown outlet" and rows["a2"]["date"] == "undated"
    assert rows["a2"]["stances"] == 1 and rows["a2"]["people most named"] == ""
    assert "Anadolu" in briefing.outlets_html(table) and "quotes most (2 statements, 1 direct)" in \
        briefing.outlets_html(table)


def test_data_notes_list_each_corpus_problem():
    t = _tables()
    assert briefing.data_notes_html(t) == ""
    t.notes = ["records without text (not loaded) (2): x.json#3, x.json#9"]
    html = briefing.data_notes_html(t)
    assert "<li dir='ltr'>records without text (not loaded) (2): x.json#3, x.json#9</li>" in html


@pytest.mark.parametrize(("n", "listed", "by_outlet"), [(3, 3, False), (250, 200, True)])
def test_sources_list_every_article_of_a_small_corpus_and_summarise_a_large_one(n, listed, by_outlet):
    import pandas as pd

    articles = pd.DataFrame({"article_id": [f"a{i:04d}" for i in range(n)],
                             "outlet": ["سبق" if i % 2 else "" for i in range(n)],
                             "published": pd.to_datetime(["2015-07-21"] * n), "published_basis": ["metadata"] * n,
                             "title": ["عنوان"] * n, "n_chars": [100] * n})
    soup = BeautifulSoup(briefing.sources_html(articles), "html.parser")
    ids = [td.get_text() for td in soup.find_all("td") if td.get_text().startswith("a0")]
    assert len(ids) == listed
    assert ("by outlet" in soup.get_text()) == by_outlet
    if by_outlet:
        assert f"The {n:,} articles read for this briefing" in soup.get_text() and "articles.csv" in soup.get_text()


def test_outlet_table_sums_the_articles_of_each_outlet():
    t = _tables(quotes=[_quote("a1", "person:emmanuel-macron", "نحن مستعدون"),
                        _quote("a2", "", "لن نقبل", kind="indirect")])
    table = briefing.outlet_table(t).set_index("outlet")
    assert table.columns.tolist() == briefing.OUTLET_TABLE_COLUMNS[1:]
    assert table.loc["الأناضول (Anadolu)"].tolist() == [1, 5, 1, 1, 0, "Emmanuel Macron"]
    assert table.loc["unknown outlet"].tolist() == [1, 4, 1, 0, 0, ""]
    assert "Each article" in briefing.outlets_section_html(t)
    assert "Each outlet" in briefing.outlets_section_html(t, max_articles=1)


def test_busiest_event_prefers_a_day_over_a_background_year():
    import pandas as pd

    events = pd.DataFrame({"date": ["2006", "2015-07-20"], "granularity": ["year", "day"], "n_outlets": [7, 5],
                           "n_reports": [11, 9]})
    assert briefing.busiest_event(events)["date"] == "2015-07-20"


# --- stories in the briefing (a corpus written here: one event in three outlets, two unrelated articles) ---------

_FLOOD = ("أعلنت هيئة الأرصاد في مدينة الزهراء أن السيول الجارفة اجتاحت الأحياء الشرقية صباح الأحد وأدت إلى غرق "
          "عشرات المنازل وانقطاع التيار الكهربائي عن آلاف السكان. وقال مدير الدفاع المدني سالم العتيبي إن فرق "
          "الإنقاذ أجلت أكثر من مئتي أسرة إلى مدارس المدينة وإن عمليات البحث عن المفقودين مستمرة حتى المساء.")
_CLOSING = "ويذكر أن المدينة شهدت فيضانات مماثلة قبل عشر سنوات خلفت خسائر كبيرة في المحاصيل الزراعية والطرق الريفية."


@pytest.fixture(scope="module")
def story_tables():
    import pandas as pd

    from arnews import pipeline

    texts = {"f1": _FLOOD, "f2": _FLOOD + "\n" + _CLOSING, "f3": _FLOOD.replace("أعلنت", "ذكرت"),
             "b1": "أعلن نادي النجوم تعاقده مع المهاجم ماركو سيلفا لمدة ثلاثة مواسم بعد مفاوضات طويلة مع ناديه السابق.",
             "h1": "افتتح وزير الصحة مستشفى جديدا للأطفال في العاصمة بسعة ثلاثمئة سرير ضمن خطة لتوسيع الخدمات."}
    articles = pd.DataFrame({"article_id": list(texts), "text": list(texts.values()),
                             "outlet": ["وكالة الشمال", "صحيفة الجنوب (South)", "صحيفة الغرب", "صحيفة الجنوب (South)",
                                        "وكالة الشمال"],
                             "published": pd.to_datetime(["2030-03-03", "2030-03-04", "2030-03-03", "2030-03-03",
                                                          "2030-03-03"])})
    return pipeline.extract(articles)


def test_a_many_story_briefing_opens_with_the_top_stories(story_tables):
    t = story_tables
    assert briefing.is_many_stories(t) and briefing.focus_story(t) == "s0001"
    html = briefing.top_stories_html(t)
    assert "5 articles form 3 stories (1 carried by more than one article)" in html
    first = briefing.story_paragraph(t.stories.iloc[0], t)
    assert "s0001</strong> — Sunday 3 March 2030 to Monday 4 March 2030" in first
    assert "3 articles from 3 outlets" in first and "first run by" in first
    assert "covers the largest story, s0001" in briefing.focus_note_html(t, "s0001")


def test_nobody_ran_a_story_first_when_every_outlet_ran_it_on_its_first_day(story_tables):
    import copy

    story = story_tables.stories.iloc[0].copy()
    story["first_outlets"] = story["outlets"]
    para = briefing.story_paragraph(story, story_tables)
    assert "first run by" not in para and "every outlet ran it on the same first day" in para
    t = copy.copy(story_tables)
    t.story_sources = t.story_sources.assign(ran_first=True)
    assert "ran the story first" not in briefing.outlet_additions_html(t)
    assert "ran the story first" in briefing.outlet_additions_html(story_tables)


def test_how_the_outlets_differ_from_the_story_tables(story_tables):
    t = story_tables
    copies = briefing.copies_html(t)
    assert "verbatim" in copies and "The outlets sharing most text" in copies
    adds = briefing.outlet_additions_html(t)
    assert "South (<bdi" in adds and "1 sentence of its own" in adds
    assert _CLOSING[:30] in adds


def test_story_tables_folder_sits_beside_the_corpus_tables(tmp_path):
    assert briefing.story_tables_folder(tmp_path / "tables", "seeds", "s0002") == tmp_path / "tables-s0002"


def test_the_people_most_named_show_their_affiliation_by_name():
    html = briefing.people_html(_tables())
    assert "Emmanuel Macron (" in html and "— President, France: 3 mentions in 1 article" in html


@pytest.mark.parametrize("claimed_elsewhere, notebooks, run_here", [
    (0, 3, 3),   # a lone worker: one kernel ahead for each notebook, the next booting while the current one runs
    (2, 3, 2),   # the other worker booted two (it will run one: its second kernel is the race's one spare, shut
                 # down when it stops): this one boots one ahead and starts one when its second notebook comes
    (3, 3, 1),   # every kernel booted elsewhere: nothing ahead here, one started when a notebook comes anyway
])
def test_a_worker_boots_kernels_ahead_but_never_more_than_notebooks(monkeypatch, tmp_path, claimed_elsewhere,
                                                                    notebooks, run_here):
    import multiprocessing

    booted: list[str] = []

    class FakeKernel:
        def __init__(self, cwd):
            self.cwd = cwd
            booted.append(cwd)

        def close(self):
            pass

    given = []
    monkeypatch.setattr(briefing, "Kernel", FakeKernel)
    monkeypatch.setattr(briefing, "execute_notebook", lambda path, params, out, kernel=None: given.append(kernel))
    monkeypatch.setattr(briefing, "_NEXT", [])
    monkeypatch.setattr(briefing, "_WORKER", {})
    count = multiprocessing.get_context("spawn").Value("i", claimed_elsewhere)
    briefing._worker_start(str(tmp_path), count, notebooks)
    for _ in range(run_here):
        briefing._worker_execute(tmp_path / "01_x.ipynb", {}, tmp_path / "out.ipynb")
    started_fresh = sum(k is None for k in given)  # execute_notebook starts one itself
    assert len(booted) + started_fresh == run_here  # one kernel per notebook, none wasted
    assert briefing._NEXT == []  # no kernel left booting for a notebook that will not come
    assert count.value == claimed_elsewhere + run_here


def test_a_story_build_extracts_the_story_alone_and_its_notebooks_read_its_tables(tmp_path, monkeypatch):
    import json

    from arnews import pipeline

    flood = ("أعلنت هيئة الأرصاد في مدينة الزهراء أن السيول الجارفة اجتاحت الأحياء الشرقية صباح الأحد وأدت إلى غرق "
             "عشرات المنازل. وقال مدير الدفاع المدني سالم العتيبي إن فرق الإنقاذ أجلت أكثر من مئتي أسرة.")
    records = [{"id": "a", "outlet": "o1", "text": flood}, {"id": "b", "outlet": "o2", "text": "الزهراء - " + flood},
               {"id": "c", "outlet": "o1", "text": "أعلن نادي النجوم تعاقده مع المهاجم ماركو سيلفا لمدة ثلاثة مواسم."}]
    corpus = tmp_path / "day.json"
    corpus.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    books = tmp_path / "notebooks"
    books.mkdir()
    _notebook(books / "01_story.ipynb",
              "from arnews import tables\nt = tables.load(CORPUS, targets=TARGETS, story=STORY, folder=TABLES)\n"
              "print(STORY, *t.articles['article_id'])")
    out = tmp_path / "out"
    build(corpus=corpus, out=out, notebooks=books, log=lambda *_: None)  # the whole corpus, as make briefing
    calls = []
    real = pipeline.extract
    monkeypatch.setattr(pipeline, "extract",
                        lambda articles, **k: calls.append((len(articles), k.get("story"))) or real(articles, **k))
    build(corpus=corpus, out=out, notebooks=books, log=lambda *_: None, story="s0001")
    # the story's two articles are extracted (called on the whole corpus with the story, that call extracts only
    # them): the whole corpus's tables were reused, not extracted again
    assert calls == [(3, "s0001"), (2, None)]
    printed = nbformat.read(out / "build" / "01_story.ipynb", as_version=4).cells[-1].outputs[0]["text"].split()
    assert printed == ["s0001", "a", "b"]  # and the notebook read the story's tables (it extracted nothing)
