"""The whole extraction on odd and hostile input: nothing crashes, nothing is lost, offsets hold."""

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
