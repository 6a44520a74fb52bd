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


# --- a corpus is untrusted input (issue 14) ---------------------------------------------------------------


def test_a_link_out_of_the_corpus_folder_is_not_read_and_is_named(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "private"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("سر لا يخرج من هذا الجهاز أبدا\n\n" + BODY, encoding="utf-8")
    (corpus / "a.txt").write_text(BODY, encoding="utf-8")
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")  # a link that stays inside is an ordinary article
    with pytest.warns(CorpusWarning) as caught:
        df = load(corpus)
    assert sorted(df["article_id"]) == ["a", "inside"]
    assert not df["text"].str.contains("سر").any()
    message = str(caught[0].message)
    assert "links leading out of the corpus folder (not read) (1): leak.txt" in message
    assert str(tmp_path) not in message  # warnings reach shared reports: no local absolute path


def test_a_linked_metadata_file_outside_the_folder_is_not_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "other.csv").write_text("file,outlet\na.txt,سر\n", encoding="utf-8")
    (corpus / "metadata.csv").symlink_to(tmp_path / "other.csv")
    with pytest.warns(CorpusWarning, match="links leading out.*metadata.csv"):
        df = load(corpus)
    assert df["outlet"].tolist() == [""]


@pytest.mark.parametrize(("limits", "files", "expected"), [
    ({"max_file_bytes": 100}, {"big.txt": BODY * 3, "a.txt": BODY[:40]}, "files over the size limit"),
    ({"max_article_chars": 50}, {"big.txt": BODY, "a.txt": BODY[:40]}, "articles over 50 characters"),
])
def test_limits_skip_with_a_warning_naming_the_flag(tmp_path, limits, files, expected):
    from arnews.corpus import Limits

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.warns(CorpusWarning, match=rf"{expected}.*--max-.*big\.txt"):
        df = load(tmp_path, limits=Limits(**limits))
    assert df["article_id"].tolist() == ["a"]


def test_too_many_files_is_an_error_naming_the_flag(tmp_path):
    from arnews.corpus import Limits

    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"more than 3 entries.*--max-files"):
        load(tmp_path, limits=Limits(max_files=3))


def test_limits_come_from_the_environment(monkeypatch):
    from arnews.corpus import Limits

    monkeypatch.setenv("ARNEWS_MAX_FILE_MB", "0.5")
    monkeypatch.setenv("ARNEWS_MAX_ARTICLE_CHARS", "70")
    assert Limits.from_env() == Limits(max_file_bytes=2**19, max_article_chars=70)


def test_a_zip_member_is_never_inflated_past_the_limit(tmp_path):
    from arnews.corpus import Limits

    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("day.json", json.dumps([{"text": BODY}]) + " " * 5_000_000)
    assert path.stat().st_size < 20_000
    with pytest.raises(CorpusError, match=r"bomb\.zip:day\.json inflates to more than the 1 MB limit.*--max-file-mb"):
        load(path, limits=Limits(max_file_bytes=2**20))


def test_a_zip_whose_header_lies_about_the_size_is_still_bounded(tmp_path):
    from arnews.corpus import Limits

    path = tmp_path / "liar.zip"
    payload = json.dumps([{"text": BODY}]) + " " * 3_000_000
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("day.json", payload)
    data = bytearray(path.read_bytes())
    size = len(payload).to_bytes(4, "little")
    for at in (data.find(size), data.rfind(size)):  # local header and central directory: claim 100 bytes
        data[at:at + 4] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(CorpusError, match=r"liar\.zip"):
        load(path, limits=Limits(max_file_bytes=2**20))


def test_deeply_unclosed_html_is_read(tmp_path):
    page = "<html><body><article>" + "<div><span>" * 5000 + BODY
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    assert load(tmp_path)["text"].tolist() == [BODY]


def test_listing_ignores_nothing_silently(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    with pytest.warns(CorpusWarning, match=r"subfolders.*sub/"):
        load(tmp_path)


@pytest.mark.parametrize(("codec", "encoding"),
                         [("utf-32", "utf-32"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig")])
def test_byte_order_marks_are_read_as_what_they_say(codec, encoding):
    text, found = decode(BODY.encode(codec), "a.txt")
    assert (text, found) == (BODY, encoding)
    assert "\x00" not in text


@pytest.mark.parametrize(("value", "expected"), [
    ("20260106", "2026-01-06"),
    ("2026-01-06", "2026-01-06"),
    ("2026/1/6 10:00", "2026-01-06"),
    ("25/01/2026", "2026-01-25"),   # the part over 12 is the day: not a guess
    ("01/25/2026", "2026-01-25"),
    ("06/06/2026", "2026-06-06"),   # both ways the same
    ("7 January 2026", "2026-01-07"),
    ("Tue, 07 Jan 2026 10:00:00 GMT", "2026-01-07"),
])
def test_dates_are_read_without_guessing(value, expected):
    from arnews.corpus import parse_date

    assert parse_date(value, "metadata.csv, line 2") == expected


@pytest.mark.parametrize(("value", "message"), [
    ("01/02/2026", "ambiguous"),
    ("1/2/26", "ambiguous"),
    ("2026", "cannot read"),
    ("January 2026", "cannot read"),
    ("0001-01-01", "outside 1800"),
    ("2026-02-30", "not a valid date"),
])
def test_dates_that_would_be_guesses_are_refused(value, message):
    from arnews.corpus import parse_date

    with pytest.raises(CorpusError, match=rf"metadata\.csv, line 2: .*{message}.*YYYY-MM-DD"):
        parse_date(value, "metadata.csv, line 2")


@pytest.mark.parametrize(("metadata", "message"), [
    ('file,outlet,published\na.txt,"Reuters,2026-01-06\nb.txt,AP,2026-01-07\n', r"line 2: not valid CSV.*double quote"),
    ('file,outlet,published\na.txt,"Reuters,2026-01-06\nb.txt,AP",2026-01-07\n', r"line 2: the outlet value runs over"),
    ("file,outlet\na.txt,Reuters,extra\n", r"line 2: 1 more value"),
])
def test_broken_metadata_csv_is_refused_with_the_line(tmp_path, metadata, message):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(metadata, encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"metadata\.csv, {message}"):
        load(tmp_path)


def test_a_metadata_row_for_a_file_in_a_subfolder_is_not_applied_to_a_namesake(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\nsub/a.txt,Reuters\n./a.txt,الأهرام\n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"naming a file in another folder.*sub/a\.txt \(line 2\)"):
        df = load(tmp_path)
    assert df["outlet"].tolist() == ["الأهرام"]


def test_json_fields_that_are_not_text_are_reported_not_stringified(tmp_path):
    records = [{"id": 7, "text": BODY, "title": ["عنوان"], "outlet": {"name": "x"}, "date": 20260106},
               {"text": ["قائمة", "وليست", "نصا"]}]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        df = load(path)
    message = str(caught[0].message)
    for expected in ("c.json#1 title is a list", "c.json#1 outlet is an object", "c.json#2 text is a list",
                     "records without text (not loaded) (1): c.json#2"):
        assert expected in message
    row = df.iloc[0]
    assert (row["article_id"], row["title"], row["outlet"], row["published"]) == (
        "7", "", "", pd.Timestamp("2026-01-06"))
    with pytest.raises(CorpusError, match="strict"):
        load(path, strict=True)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("c.json", "[]", "no articles loaded"),
    ("c.jsonl", "", "no articles loaded"),
    ("c.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("c.json", "{not json", r"line 1: not valid JSON"),
    ("c.jsonl", '{"text": "نص"}\n{broken\n', r"line 2: not valid JSON"),
    ("c.zip", "PK\x03\x04 this is not a zip", r"c\.zip: not a readable \.zip"),
])
def test_unusable_table_files_are_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for strict in (False, True):
        with pytest.raises(CorpusError, match=message):
            load(path, strict=strict)


def test_a_folder_without_articles_is_an_error_not_empty_tables(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "empty.txt").write_text(" ", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no articles loaded; files skipped.*notes\.docx; empty files.*empty\.txt"):
        load(tmp_path)


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


STREAM_RECORDS = [{"id": f"r{i}", "title": f"عنوان {i}", "content": f"قال المتحدث إن الجلسة {i} انتهت.\r\nسطر ثان.",
                   "date": f"2031-03-0{1 + i % 9}", "source": "صحيفة الغد"} for i in range(40)]
STREAM_RECORDS[3]["content"] = ""  # a record without text: reported, not loaded
for _r in STREAM_RECORDS[::5]:
    del _r["id"]  # records without an id get their position


def _write_stream_case(tmp_path, kind: str):
    import csv

    path = tmp_path / f"day.{kind}"
    if kind == "json":
        path.write_text(json.dumps(STREAM_RECORDS, ensure_ascii=False, indent=1), encoding="utf-8")
    elif kind == "json-bom":
        path = tmp_path / "day.json"
        path.write_text(json.dumps(STREAM_RECORDS, ensure_ascii=False), encoding="utf-8-sig")
    elif kind == "jsonl":
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in STREAM_RECORDS) + "\n\n", encoding="utf-8")
    elif kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["id", "title", "content", "date", "source"])
            w.writeheader()
            w.writerows(STREAM_RECORDS)
    elif kind == "zip":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("day.json", json.dumps(STREAM_RECORDS, ensure_ascii=False))
    return path


@pytest.mark.parametrize("kind", ["json", "json-bom", "jsonl", "csv", "zip"])
@pytest.mark.parametrize("chunk", [5, 1 << 20])
def test_table_files_are_read_as_streams_with_the_same_rows_as_a_whole_read(tmp_path, monkeypatch, kind, chunk):
    from arnews import corpus

    path = _write_stream_case(tmp_path, kind)
    report = corpus._Report()
    whole = corpus._load_table_file_whole(path, report, corpus.Limits())  # the articles table, read whole
    member = "day.json" if kind == "zip" else path.name
    assert report.problems == {"records without text (not loaded)": [f"{member}#4"]}
    monkeypatch.setattr(corpus, "_CHUNK_CHARS", chunk)  # records split across reads
    monkeypatch.setattr(corpus, "ROWS_PER_BATCH", 7)  # the table built from several batches
    monkeypatch.setattr(corpus, "_load_table_file_whole", lambda *a: pytest.fail("not streamed"))
    with pytest.warns(CorpusWarning, match=r"records without text.*#4"):
        streamed = load(path)
    pd.testing.assert_frame_equal(streamed, whole)
    assert streamed["article_id"].tolist()[:3] == ["0001", "r1", "r2"]
    assert streamed["text"][0] == "قال المتحدث إن الجلسة 0 انتهت.\nسطر ثان."


@pytest.mark.parametrize(("content", "message"), [
    ('[{"text": "نص"},\n {"text": "نص"}\n {"text": "نص"}]', r"line 3: not valid JSON \(Expecting ',' delimiter\)"),
    ('[{"text": "نص"},\n\n {"text": }]', r"line 3: not valid JSON \(Expecting value\)"),
    ('[{"text": "نص"}] trailing', r"line 1: not valid JSON \(Extra data\)"),
    ('[{"text": "نص"}, 7]', "expected a list of objects"),
    ('[{"title": "عنوان"}]', "no text field found"),
])
@pytest.mark.parametrize("chunk", [3, 1 << 20])
def test_a_streamed_json_error_names_the_line(tmp_path, monkeypatch, content, message, chunk):
    from arnews import corpus

    monkeypatch.setattr(corpus, "_CHUNK_CHARS", chunk)
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c\.json.*" + message):
        load(path)


@pytest.mark.parametrize(("encoding", "expected"), [("utf-16", "utf-8"), ("cp1256", "utf-8")])
def test_a_table_file_in_another_encoding_is_read_whole(tmp_path, encoding, expected):
    path = tmp_path / "c.json"
    path.write_bytes(json.dumps([{"text": "قال الوزير إن الاجتماع انتهى"}], ensure_ascii=False).encode(encoding))
    articles = load(path)
    assert articles["text"].tolist() == ["قال الوزير إن الاجتماع انتهى"]
    assert articles["encoding"].tolist() == [expected]  # records are described as read (unchanged behaviour)


def test_an_id_repeated_in_another_batch_is_refused(tmp_path, monkeypatch):
    from arnews import corpus

    monkeypatch.setattr(corpus, "ROWS_PER_BATCH", 2)
    path = tmp_path / "c.json"
    path.write_text(json.dumps([{"id": i, "text": "قال الوزير"} for i in ("a", "b", "c", "a")], ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(CorpusError, match=r"article ids are not unique: \['a'\]"):
        load(path)
