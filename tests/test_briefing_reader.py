"""The briefing as a reader sees it: opened in headless Chromium (Debian's package, driven by Playwright).

`.ci/run` installs Chromium before `make test`; on a machine without it these tests are skipped with a message
(and fail under CI=true, where a skip would hide a missing install step).
"""

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from arnews.briefing import build

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

if not CHROMIUM:
    if os.environ.get("CI"):
        pytest.fail("CI: chromium is not installed (.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip("headless Chromium not installed (apt-get install chromium)", allow_module_level=True)


def open_in_chromium(report: Path, screenshot: Path | None = None, width: int = 1000) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report.as_uri(), wait_until="load")
        facts = page.evaluate("""() => ({
            images: Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.naturalHeight]),
            arabic: Array.from(document.querySelectorAll('[lang=ar]')).map(e => getComputedStyle(e).direction),
            english: getComputedStyle(document.querySelector('main')).direction,
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            wide: Array.from(document.querySelectorAll('main *')).filter(
                e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length,
            scripts: document.scripts.length,
        })""")
        if screenshot:
            page.screenshot(path=str(screenshot), full_page=True)
        browser.close()
    facts["requests"] = requests
    return facts


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reader")
    return build(corpus=ROOT / "seeds", out=out, log=lambda *_: None)


@pytest.mark.parametrize("width", [1000, 420])  # a desktop window and a phone
def test_the_report_reads_right_in_chromium(seeds_report, width):
    shot = seeds_report.parent.parent / f"screenshot-{width}.png"
    facts = open_in_chromium(seeds_report, shot, width)
    assert facts["images"] and all(ok and w > 100 and h > 100 for ok, w, h in facts["images"])
    assert all(u.startswith(("file:", "data:")) for u in facts["requests"]), facts["requests"]
    assert facts["arabic"] and set(facts["arabic"]) == {"rtl"}
    assert facts["english"] == "ltr"
    assert facts["scrollWidth"] <= facts["clientWidth"] and facts["wide"] == 0
    assert facts["scripts"] == 0
    assert shot.stat().st_size > 50_000


def test_another_corpus_gets_its_own_report_without_seed_prose_and_with_hostile_text_inert(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "قمة في القاهرة\n\nالقاهرة - (واس): قال وزير الخارجية البرازيلي ماورو فييرا أمس إن بلاده مستعدة للحوار. "
        "وأضاف: \"<script>alert('x')</script> نريد السلام \u202eالآن\u202c\". وأكدت مصر رفضها أي تدخل.",
        encoding="utf-8")
    (corpus / "b.html").write_text(
        "<html><head><title>خبر</title></head><body><article><p>وقال الرئيس الكيني وليام روتو إن "
        "<img src=x onerror=alert(1)> المحادثات مثمرة.</p></article></body></html>", encoding="utf-8")
    pd.DataFrame({"file": ["a.txt", "b.html"], "outlet": ["الاختبار (Test)", ""],
                  "published": ["2015-08-06", "2015-08-07"]}).to_csv(corpus / "metadata.csv", index=False)
    out = tmp_path / "out"
    report = build(corpus=corpus, out=out, log=lambda *_: None)
    assert report == out / "reports" / "briefing.html" and (out / "figures").is_dir()
    html = report.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert "Paris" not in soup.find("h1").get_text() and "Coalition of the Willing" not in html  # no seed prose
    assert not soup.find_all("script") and "onerror" not in html and "\u202e" not in html
    assert "&lt;script&gt;" in html
    facts = open_in_chromium(report)
    assert facts["scripts"] == 0 and all(u.startswith(("file:", "data:")) for u in facts["requests"])
    assert set(facts["arabic"]) == {"rtl"} and facts["scrollWidth"] <= facts["clientWidth"]
