import json
import zipfile
from datetime import date

import pandas as pd
import pytest

from arnews.corpus import ARTICLE_COLUMNS, CorpusError, CorpusWarning, decode, load, locate_body, read_header

BODY = "قال وزير الخارجية المصري إن المحادثات مع الجانب السوداني كانت مثمرة وإن اللقاء المقبل سيعقد في الخرطوم."


def test_seeds_load_with_the_analysts_metadata():
    df = load("seeds")
    assert list(df.columns) == ARTICLE_COLUMNS
    assert len(df) == 5
    by_id = df.set_index(df["article_id"].str[:3])
    assert by_id.loc["002", "published"].date() == date(2026, 1, 7)
    assert by_id.loc["004", "published"].date() == date(2026, 1, 6)
    assert pd.isna(by_id.loc["000", "published"]) and by_id.loc["000", "published_basis"] == "missing"
    assert by_id.loc["003", "outlet"].startswith("المستقلة")
    assert by_id.loc["002", "dateline"] == "ابوظبي - سيف اليزيد - باريس (وكالات)"
    # the text is the file as written; the body starts after header, headline and credit
    t = by_id.loc["003", "text"]
    assert t == open("seeds/003_4ec1b37fe34376e5.txt", encoding="utf-8").read()
    assert t[by_id.loc["003", "body_start"]:].startswith("يجتمع ممثلو الولايات المتحدة")
    assert (df["n_chars"] == df["text"].str.len()).all()


def _mixed_folder(tmp_path):
    (tmp_path / "a_utf8.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b_bom.txt").write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    (tmp_path / "c_utf16.txt").write_text(BODY, encoding="utf-16")  # with BOM
    (tmp_path / "d_cp1256.txt").write_bytes(("عنوان الخبر\n\n" + BODY).encode("cp1256"))
    (tmp_path / "e_page.html").write_bytes(
        """<html><head><meta charset="windows-1256"><title>الموقع | عنوان الصفحة</title>
        <meta property="og:title" content="اتفاق على حماية الموانئ">
        <meta property="og:site_name" content="صحيفة الاختبار">
        <meta property="article:published_time" content="2015-08-06T10:00:00Z">
        <style>p{color:red}</style><script>alert("x")</script></head>
        <body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>اتفاق على حماية الموانئ</h1>
        <p>القاهرة - (واس): اتفق الجانبان على حماية الموانئ.</p><p>وأضاف المتحدث أن التدريب يبدأ قريباً.</p>
        </article><footer>جميع الحقوق محفوظة</footer></body></html>""".encode("cp1256"))
    return tmp_path


def test_mixed_encodings_and_html_are_decoded(tmp_path):
    df = load(_mixed_folder(tmp_path)).set_index("article_id")
    for aid in ("a_utf8", "b_bom", "c_utf16"):
        assert df.loc[aid, "text"] == BODY
    assert df.loc["a_utf8", "encoding"] == "utf-8"
    assert df.loc["b_bom", "encoding"] == "utf-8-sig"
    assert df.loc["c_utf16", "encoding"] == "utf-16"
    assert df.loc["d_cp1256", "encoding"] == "cp1256"
    assert df.loc["d_cp1256", "title"] == "عنوان الخبر"
    assert df.loc["d_cp1256", "text"].endswith(BODY)
    page = df.loc["e_page"]
    assert page["title"] == "اتفاق على حماية الموانئ"
    assert page["outlet"] == "صحيفة الاختبار"
    assert page["published"].date() == date(2015, 8, 6) and page["published_basis"] == "text"
    assert "اتفق الجانبان على حماية الموانئ." in page["text"]
    assert "وأضاف المتحدث" in page["text"]
    for junk in ("alert", "color:red", "الرئيسية | أخبار", "جميع الحقوق", "<p>"):
        assert junk not in page["text"]
    assert page["dateline"] == "القاهرة - (واس)"


def test_unreadable_encoding_names_the_file(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Le président a déclaré à la presse: très bien, élevé.".encode("latin-1") * 5)
    with pytest.raises(CorpusError, match=r"latin\.txt.*re-save it as UTF-8"):
        load(tmp_path)


def test_utf16_without_bom_is_an_error_that_says_so(tmp_path):
    (tmp_path / "x.txt").write_bytes(BODY.encode("utf-16-le"))
    with pytest.raises(CorpusError, match=r"x\.txt.*UTF-16 without a byte-order mark"):
        load(tmp_path)


def test_problems_are_reported_in_one_warning_and_nothing_is_dropped_silently(tmp_path):
    (tmp_path / "listed.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "unlisted.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,published\nlisted.txt,الرياض,2015-08-04\nempty.txt,,\nghost.txt,عكاظ,2015-08-01\n",
        encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        df = load(tmp_path)
    assert len(caught) == 1
    message = str(caught[0].message)
    for expected in ("empty.txt", "unlisted.txt", "ghost.txt (line 4)", "notes.docx"):
        assert expected in message
    assert sorted(df["article_id"]) == ["listed", "unlisted"]
    listed = df.set_index("article_id").loc["listed"]
    assert listed["outlet"] == "الرياض" and listed["published"].date() == date(2015, 8, 4)
    with pytest.raises(CorpusError, match="strict"):
        load(tmp_path, strict=True)


def test_bad_metadata_date_names_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,published\na.txt,2015-13-45\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"metadata\.csv, line 2.*YYYY-MM-DD"):
        load(tmp_path)


RECORDS = [
    {"source": "aawsat", "date_extracted": "2015-07-21 02:51:32", "title": "عنوان أول", "author": "لندن: مراسل",
     "content": BODY, "url": "http://example.org/1"},
    {"source": "okaz", "date_extracted": "2015-07-20 10:00:00", "title": "عنوان ثان", "content": ""},
    {"source": "sabq", "date_extracted": "2015-07-19", "title": "عنوان ثالث", "content": "الرياض - واس\n" + BODY},
]


@pytest.mark.parametrize("kind", ["json", "jsonl", "csv", "zip"])
def test_table_sources_recognise_common_field_names(tmp_path, kind):
    path = tmp_path / f"corpus.{kind}"
    if kind == "json":
        path.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    elif kind == "jsonl":
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS), encoding="utf-8")
    elif kind == "csv":
        pd.DataFrame(RECORDS).to_csv(path, index=False)
    else:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("day.json", json.dumps(RECORDS, ensure_ascii=False))
    with pytest.warns(CorpusWarning, match=r"records without text.*#2"):
        df = load(path)
    assert df["outlet"].tolist() == ["aawsat", "sabq"]
    assert [d.date().isoformat() for d in df["published"]] == ["2015-07-21", "2015-07-19"]
    assert df["title"].tolist() == ["عنوان أول", "عنوان ثالث"]
    assert df.loc[0, "url"] == "http://example.org/1"
    assert df.loc[0, "dateline"] == "لندن: مراسل"
    assert df.loc[1, "dateline"] == "الرياض - واس" and df.loc[1, "text"][df.loc[1, "body_start"]:] == BODY


def test_a_table_without_text_field_says_which_names_work(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"headline": "عنوان", "story_html": "<p>نص</p>"}]), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.json.*no text field.*content"):
        load(path)


def test_missing_source_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load(tmp_path / "nope")


@pytest.mark.parametrize(
    ("text", "published", "dateline", "credit", "body"),
    [
        ("date 2026-01-07 ابوظبي - سيف اليزيد - باريس (وكالات)\n\nيستعد التحالف", "2026-01-07",
         "ابوظبي - سيف اليزيد - باريس (وكالات)", "", "يستعد التحالف"),
        ("القاهرة - (أ ف ب): أعلن الجيش", None, "القاهرة - (أ ف ب)", "", "أعلن الجيش"),
        ("المستقلة/- يجتمع ممثلو الدول", None, "", "المستقلة", "يجتمع ممثلو الدول"),
        ("الرياض - واس\nأكد الوزير", None, "الرياض - واس", "", "أكد الوزير"),
        ("قال الرئيس - في كلمة طويلة - إن البلاد بخير وإن الاقتصاد ينمو بسرعة كبيرة جدا هذا العام", None, "", "",
         "قال الرئيس"),
        # top-of-page date lines
        ("نشر في: 03/01/2025\nالرياض - واس\nأكد الوزير", "2025-01-03", "الرياض - واس", "", "أكد الوزير"),
        ("كانون الثاني 21, 2025\n\nأكد الوزير", "2025-01-21", "", "", "أكد الوزير"),
        ("2025.01.03 - 12:11\nأكد الوزير", "2025-01-03", "", "", "أكد الوزير"),
        ("الأربعاء 15 آذار 2023 21:04 م\nأكد الوزير", "2023-03-15", "", "", "أكد الوزير"),
        ("في 15 آذار 2023 أكد الوزير أن المفاوضات مستمرة\nوقال", None, "", "", "في 15 آذار"),
    ],
)
def test_read_header(text, published, dateline, credit, body):
    h = read_header(text)
    assert (h.published, h.dateline, h.credit) == (published, dateline, credit)
    assert text[h.body_start:].startswith(body)


def test_headline_then_credit():
    header, title, _ = locate_body("قمة في القاهرة\n\nوكالة الأنباء/- بدأت القمة أمس بحضور القادة.")
    assert title == "قمة في القاهرة" and header.credit == "وكالة الأنباء"


def test_decode_rejects_non_arabic_single_byte_text():
    with pytest.raises(CorpusError, match=r"y\.txt"):
        decode("Grüße aus Köln, schönes Wetter überall. ".encode("latin-1") * 10, "y.txt")


@pytest.mark.parametrize(
    ("top", "published"),
    [("نشر في: 03/01/2025", "2025-01-03"), ("كانون الثاني 21, 2025", "2025-01-21")],
)
def test_a_date_line_is_the_publication_date_when_metadata_is_silent(tmp_path, top, published):
    from arnews.timeline import extract_dates

    (tmp_path / "a.txt").write_text(f"قمة في الرياض\n\n{top}\n\nأكد الوزير أمس أن القمة نجحت.", encoding="utf-8")
    df = load(tmp_path)
    row = df.iloc[0]
    assert (row["published"].date().isoformat(), row["published_basis"]) == (published, "text")
    dates = extract_dates(df)
    assert dates.iloc[0]["basis"] == "dateline" and dates.iloc[0]["value"] == published
    assert row["text"][dates.iloc[0]["start"]:dates.iloc[0]["end"]] == dates.iloc[0]["surface"]
