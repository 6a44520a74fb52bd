"""A corpus is untrusted input (issue 14): output folders as transactions, signals, spreadsheet-safe CSV,
targets files, the briefing's export, and property-based tests of the loader and every extractor.

The per-module cases (links, limits, encodings, dates, metadata, JSON) are in tests/test_corpus.py and
tests/test_display.py; this file holds what crosses modules. Every input is written by the tests themselves.
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arnews import outdir, pipeline
from arnews.briefing import export_html
from arnews.cli import main
from arnews.corpus import CorpusError, CorpusWarning, load
from arnews.stance import TargetsError, load_targets
from arnews.text import Doc

BODY = ("قال وزير الخارجية المصري سامح شكري إن المحادثات مع الجانب السوداني كانت مثمرة، وأضاف: «سنواصل العمل». "
        "وأكدت موسكو رفضها نشر قوات أوروبية.")
ROOT = Path(__file__).resolve().parents[1]


def _corpus(folder: Path, outlet: str = "الأهرام") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.txt").write_text("-" + BODY, encoding="utf-8")
    quoted = outlet.replace('"', '""')
    (folder / "metadata.csv").write_text(f'file,outlet,published\na.txt,"{quoted}",2026-01-06\nb.txt,@رويترز,'
                                         "2026-01-07\n", encoding="utf-8")
    return folder


def _one_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("note:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- --out checked before the work; tables swapped in as one step ---------------------------------------


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_text("x"), "is a file, not a folder"),
    (lambda p: (p.mkdir(), (p / "thesis.docx").write_text("mine")), "holds files arnews did not write"),
])
def test_a_bad_out_is_one_line_before_any_work(tmp_path, capsys, monkeypatch, make, message):
    out = tmp_path / "out"
    make(out)
    monkeypatch.setattr(pipeline, "extract", lambda *a, **k: pytest.fail("the work started"))
    assert main(["extract", str(_corpus(tmp_path / "c")), "--out", str(out), "--no-progress"]) == 2
    assert message in _one_line(capsys.readouterr().err)


def test_a_read_only_out_is_one_line(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real = os.access
    monkeypatch.setattr(outdir.os, "access", lambda p, mode: False if Path(p) == out else real(p, mode))
    assert main(["extract", str(_corpus(tmp_path / "c")), "--out", str(out), "--no-progress"]) == 2
    assert "read-only" in _one_line(capsys.readouterr().err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_really_read_only_out_is_one_line(tmp_path, capsys):
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o500)
    assert main(["extract", str(_corpus(tmp_path / "c")), "--out", str(tmp_path / "ro" / "out")]) == 2
    assert "read-only" in _one_line(capsys.readouterr().err)


def test_a_second_run_replaces_the_whole_folder_and_leaves_no_temporary_files(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(_corpus(tmp_path / "c")), "--out", str(out), "--no-progress"]) == 0
    (out / "stale.csv").write_text("from an older run")
    assert main(["extract", str(_corpus(tmp_path / "c")), "--out", str(out), "--no-progress"]) == 0
    assert not (out / "stale.csv").exists()
    assert (out / outdir.MARKER).exists() and (out / "articles.parquet").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "c", "out"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("error", "code"), [(KeyboardInterrupt, 130), (outdir.Terminated, 143)])
def test_a_run_stopped_while_writing_leaves_the_previous_tables(tmp_path, capsys, monkeypatch, error, code):
    out = tmp_path / "out"
    assert main(["extract", str(_corpus(tmp_path / "c")), "--out", str(out), "--no-progress"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    written = []

    def write_then_stop(df, path):
        written.append(path)
        if len(written) == 3:
            raise error()
        path.write_text("new")

    monkeypatch.setattr(outdir, "write_csv", write_then_stop)
    capsys.readouterr()
    assert main(["extract", str(_corpus(tmp_path / "c", outlet="غيرها")), "--out", str(out), "--no-progress"]) == code
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "c", "out"]
    assert f"{out} is left as it was" in _one_line(capsys.readouterr().err)


def test_a_second_writer_is_refused_with_a_message(tmp_path, capsys):
    out = tmp_path / "out"
    with outdir.lock(out):
        assert main(["extract", str(_corpus(tmp_path / "c")), "--out", str(out), "--no-progress"]) == 2
    assert f"another arnews run (process {os.getpid()}) is writing" in _one_line(capsys.readouterr().err)
    assert not out.exists()


def test_a_second_build_into_the_same_folder_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    with outdir.lock(out, out / "build" / ".arnews-build.lock"):
        assert main(["build", "--corpus", str(_corpus(tmp_path / "c")), "--out", str(out)]) == 2
    assert "another arnews run" in _one_line(capsys.readouterr().err)
    assert not (out / "figures").exists()


def test_transaction_keeps_hidden_files_and_swaps_in_one_step(tmp_path):
    target = tmp_path / "figures"
    target.mkdir()
    (target / ".gitkeep").write_text("")
    (target / "old.png").write_text("old")
    with outdir.transaction(target, replace_foreign=True) as tmp:
        (tmp / "new.png").write_text("new")
        assert not (target / "new.png").exists()  # nothing visible before the swap
    assert sorted(p.name for p in target.iterdir()) == [".arnews-output", ".gitkeep", "new.png"]


# --- signals: SIGTERM stops the workers, SIGINT ends in one line ------------------------------------------

_SLOW_RUN = textwrap.dedent("""
    import dataclasses, os, sys, time
    from arnews import cli, pipeline

    def slow(doc):
        open(os.path.join(sys.argv[1], f"worker-{os.getpid()}"), "w").close()
        time.sleep(60)
        return {}

    pipeline.analyse = slow  # the workers are forked: they run this one
    sys.exit(cli.main(["extract", sys.argv[2], "--out", os.path.join(sys.argv[1], "out"), "--jobs", "2",
                       "--no-progress"]))
""")


def _start_slow_run(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"{i}.txt").write_text(BODY, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_RUN, str(tmp_path), str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    for _ in range(2400):  # up to 2 minutes: a loaded machine starts processes slowly
        pids = [int(p.name.split("-")[1]) for p in tmp_path.glob("worker-*")]
        if len(pids) >= 2:
            return proc, pids
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the workers did not start")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is not running
        return f.read().split(") ")[1][0] != "Z"


@pytest.mark.parametrize(("sig", "code", "word"), [(signal.SIGTERM, 143, "terminated"),
                                                   (signal.SIGINT, 130, "interrupted")])
def test_a_signal_stops_the_workers_and_ends_in_one_line(tmp_path, sig, code, word):
    proc, workers = _start_slow_run(tmp_path)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code
    assert word in _one_line(err)
    deadline = time.time() + 60
    while any(_alive(p) for p in workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("worker-")) == ["c"]


# --- spreadsheet formula injection ----------------------------------------------------------------------


def test_csv_cells_are_spreadsheet_safe_and_the_exact_text_is_kept(tmp_path):
    out = tmp_path / "out"
    corpus = _corpus(tmp_path / "c", outlet="=HYPERLINK(\"http://x.example/\",\"click\")")
    assert main(["extract", str(corpus), "--out", str(out), "--no-progress"]) == 0
    csv = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False).set_index("file")
    assert csv.loc["a.txt", "outlet"] == "'=HYPERLINK(\"http://x.example/\",\"click\")"
    assert csv.loc["b.txt", "outlet"] == "'@رويترز"
    assert csv.loc["b.txt", "text"] == "'-" + BODY
    exact = pd.read_parquet(out / "articles.parquet").set_index("file")
    assert exact.loc["b.txt", "text"] == "-" + BODY  # what the offsets refer to
    assert exact.loc["a.txt", "outlet"].startswith("=HYPERLINK")
    sentences = pd.read_csv(out / "sentences.csv", dtype={"article_id": str})
    for s in sentences.itertuples():
        text = exact.set_index("article_id").loc[s.article_id, "text"]
        assert outdir.neutralize(text[s.start:s.end]) == s.text


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+9665", "'+9665"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("سلام", "سلام"), ("a=b", "a=b"), (3, 3), ("", ""),
])
def test_neutralize(value, expected):
    assert outdir.neutralize(value) == expected


@pytest.mark.parametrize("dtype", ["str", object])
def test_spreadsheet_safe_prefixes_formula_cells_in_text_and_object_columns(dtype):
    cells = ["=HYPERLINK(1)", "قال الوزير", None, "-انخفاض", "+966", "@عكاظ", "\tx", "سعر 5-3"]
    df = pd.DataFrame({"text": pd.Series(cells, dtype=dtype), "start": range(len(cells))})
    out = outdir.spreadsheet_safe(df)
    assert out["text"].tolist()[:2] == ["'=HYPERLINK(1)", "قال الوزير"] and pd.isna(out["text"][2])
    assert out["text"].tolist()[3:] == ["'-انخفاض", "'+966", "'@عكاظ", "'\tx", "سعر 5-3"]
    assert out["start"].tolist() == list(range(len(cells))) and df["text"][0] == "=HYPERLINK(1)"  # a copy


# --- targets files --------------------------------------------------------------------------------------

_TARGET = "targets:\n  - id: deployment\n    en: deployment\n    terms: [نشر قوات]\n"


@pytest.mark.parametrize(("content", "message"), [
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\ntargets: [*b, *b]\n",
     r"line 2: uses a YAML alias \(\*a\)"),
    ("targets:\n  - id: x\n    terms: نشر القوات\n", r"target 'x': 'terms' must be a list"),
    ("targets:\n  - id: x\n    terms: [نشر, '']\n", r"target 'x': every term must be non-empty text"),
    ("targets:\n  - id: x\n    terms: [نشر, [a]]\n", r"target 'x': every term must be non-empty text"),
    (_TARGET + _TARGET.replace("targets:\n", ""), r"target #2: the id 'deployment' is already used by target #1"),
    ("targets: []\n", "expected 'targets:' with a list"),
    ("targets: " + "[" * 50_000 + "]" * 50_000, "nested too deeply"),
    ("\x00\x01\x02binary", "not valid YAML"),
])
def test_bad_targets_files_are_one_clear_error(tmp_path, content, message):
    path = tmp_path / "targets.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TargetsError, match=rf"targets\.yaml: .*(?:{message})"):
        load_targets(path)


def test_a_binary_targets_file_is_one_line_from_the_command_line(tmp_path, capsys):
    (tmp_path / "t.yaml").write_bytes(bytes(range(256)) * 4)
    assert main(["extract", str(_corpus(tmp_path / "c")), "--targets", str(tmp_path / "t.yaml"),
                 "--out", str(tmp_path / "out"), "--no-progress"]) == 2
    assert "t.yaml: not UTF-8 text" in _one_line(capsys.readouterr().err)


@pytest.mark.filterwarnings("ignore:c/targets.yaml links out")
def test_a_targets_link_out_of_the_corpus_is_not_followed(tmp_path, capsys):
    corpus = _corpus(tmp_path / "c")
    (tmp_path / "elsewhere.yaml").write_text(_TARGET, encoding="utf-8")
    (corpus / "targets.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "links leading out of the corpus folder (not read) (1): targets.yaml" in err
    assert "no stance targets" in err


# --- tracebacks become messages -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "message"), [
    ("c.zip", b"PK\x03\x04garbage", r"c\.zip: not a readable \.zip"),
    ("c.json", b"[" * 100_000, "nested too deeply"),
    ("c.json", b"[]", "no articles loaded"),
    ("c.txt", "سلام".encode("utf-32")[:-1], "not valid UTF-32"),
])
def test_corrupt_inputs_end_in_one_line_with_exit_2(tmp_path, capsys, name, content, message):
    (tmp_path / name).write_bytes(content)
    assert main(["extract", str(tmp_path / name), "--strict", "--out", str(tmp_path / "out")]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("arnews extract: ")
    assert pd.Series([line]).str.contains(message).all(), line


# --- the briefing's export ------------------------------------------------------------------------------


def test_the_report_carries_no_local_path_and_no_bidi_control(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("articles = corpus.load(CORPUS)")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stderr", text=f"{tmp_path}/lib/arnews/corpus.py:99: CorpusWarning: "
                               f"corpus c:\n  links leading out of the corpus folder (not read) (1): leak.txt\n"),
        nbformat.v4.new_output("display_data", data={"text/html": "<table><tr><td>Reuters \u202e…</td></tr></table>",
                                                     "text/plain": "x"}),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Briefing \u2067x\u2069"), cell]
    page = export_html(nb, tmp_path / "briefing.html", corpus=tmp_path / "c").read_text(encoding="utf-8")
    assert str(tmp_path) not in page and "/lib/arnews" not in page
    assert "corpus.py:99: CorpusWarning" in page and "leak.txt" in page
    assert not any(c in page for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "Reuters …" in page
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- property-based: arbitrary Unicode, HTML and JSON -----------------------------------------------------

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
ANY = st.characters(blacklist_categories=("Cs",))
TEXT = st.text(st.one_of(ARABIC, ANY, st.sampled_from(list(" \n\t.،:«»\"؛-()/"))), max_size=400)
HTML = st.lists(st.one_of(TEXT, st.sampled_from(["<p>", "</p>", "<div>", "<article>", "</article>", "<script>",
                                                  "<br>", "<h1>", "</h1>", "<title>", "<!--", "&amp;", "&#x202e;",
                                                  "<meta property='og:title' content='x'>", "<time datetime='x'>"])),
                max_size=30).map("".join)
JSON_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                           max_leaves=10)
RECORD = st.dictionaries(st.sampled_from(["text", "content", "title", "date", "published", "outlet", "id", "url",
                                          "author", "other"]), JSON_VALUES, max_size=6)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
OFFSET_TABLES = ("sentences", "dates", "mentions", "quotes", "flags", "stances")


def _load_or_own_error(path: Path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        try:
            return load(path)
        except CorpusError:
            return None


def _check_offsets(articles: pd.DataFrame, tables: dict) -> None:
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    for name in OFFSET_TABLES:
        for r in tables[name].itertuples():
            assert 0 <= r.start <= r.end <= len(texts[r.article_id]), (name, r)


@FAST
@given(data=st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8")),
                      TEXT.map(lambda t: t.encode("utf-16"))), suffix=st.sampled_from([".txt", ".html"]))
def test_the_loader_takes_any_bytes(tmp_path, data, suffix):
    folder = tmp_path / os.urandom(6).hex()
    folder.mkdir()
    (folder / f"a{suffix}").write_bytes(data)
    df = _load_or_own_error(folder)
    if df is not None:
        assert (df["n_chars"] == df["text"].str.len()).all()
        assert ((0 <= df["body_start"]) & (df["body_start"] <= df["n_chars"])).all()


@FAST
@given(records=st.one_of(st.lists(RECORD, max_size=4), JSON_VALUES), suffix=st.sampled_from([".json", ".jsonl"]))
def test_the_loader_takes_any_json(tmp_path, records, suffix):
    path = tmp_path / f"{os.urandom(6).hex()}{suffix}"
    if suffix == ".jsonl" and isinstance(records, list):
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    else:
        path.write_text(json.dumps(records), encoding="utf-8")
    df = _load_or_own_error(path)
    if df is not None:
        assert df["text"].map(lambda t: isinstance(t, str) and t.strip() != "").all()


@FAST
@given(page=HTML)
def test_the_html_parser_takes_any_markup(page):
    from arnews.corpus import parse_html

    text, title, meta = parse_html(page)
    assert isinstance(text, str) and isinstance(title, str) and isinstance(meta, dict)


@FAST
@given(texts=st.lists(st.one_of(TEXT, st.just(BODY), TEXT.map(lambda t: BODY + t)), min_size=1, max_size=3))
def test_every_extractor_takes_any_text_and_keeps_offsets_inside_it(texts):
    from arnews.corpus import _frame

    texts = [t if t.strip() else "نص" for t in texts]
    articles = _frame([{"article_id": f"a{i}", "file": f"a{i}.txt", "text": t, "body_start": 0}
                       for i, t in enumerate(texts)])
    targets = load_targets(ROOT / "seeds" / "targets.yaml")
    for doc in (Doc("x", t) for t in texts):
        pipeline.analyse(doc)
    tables = pipeline.extract(articles, jobs=1, progress=False, targets=targets)
    _check_offsets(articles, tables)
