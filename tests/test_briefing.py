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
