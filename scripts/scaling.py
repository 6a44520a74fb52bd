"""How the cost of one corpus grows with its size: every per-article step should be linear (issue 14).

    .venv/bin/python scripts/scaling.py            # one article of 1, 2, 4 MB; deep HTML; a folder of N files

Prints seconds per case; a linear step doubles its time when the input doubles. Writes only to a temporary folder.
"""

from __future__ import annotations

import tempfile
import time
import warnings
from pathlib import Path

from arnews import corpus, pipeline

PARAGRAPH = ("قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا مستعدة لإرسال قوات، وأضاف: «سنواصل دعم أوكرانيا». "
             "وأكد المستشار الألماني أن ألمانيا لن تقبل أي اتفاق دون ضمانات. ")


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def one_large_article(mb: float) -> float:
    """Seconds to extract every table from one article of ``mb`` megabytes (UTF-8)."""
    text = PARAGRAPH * int(mb * 2**20 / len(PARAGRAPH.encode()))
    articles = corpus._frame([{"article_id": "a", "file": "a.txt", "text": text, "body_start": 0}])
    return _timed(lambda: pipeline.extract(articles, jobs=1, progress=False))


def deep_html(depth: int) -> float:
    """Seconds to parse a page of ``depth`` unclosed elements."""
    page = "<article>" + "<div><span>نص " * depth
    return _timed(lambda: corpus.parse_html(page))


def large_folder(n: int) -> float:
    """Seconds to load a folder of ``n`` short articles."""
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            (Path(tmp) / f"{i:06d}.txt").write_text(PARAGRAPH, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _timed(lambda: corpus.load(tmp))


def main() -> None:
    pipeline.extract(corpus._frame([{"article_id": "w", "file": "w", "text": PARAGRAPH, "body_start": 0}]), jobs=1,
                     progress=False)  # load the lexicons once, outside the timings
    for mb in (1, 2, 4):
        print(f"one article of {mb} MB, all extractors: {one_large_article(mb):6.2f} s")
    for depth in (20_000, 40_000, 80_000):
        print(f"HTML with {depth:,} unclosed elements:   {deep_html(depth):6.2f} s")
    for n in (5_000, 10_000, 20_000):
        print(f"folder of {n:,} articles, load:      {large_folder(n):6.2f} s")


if __name__ == "__main__":
    main()
