"""Dates: sentences written for these tests (not from any corpus), then the seeds' expected findings."""

import pandas as pd
import pytest

from arnews import pipeline
from arnews.corpus import load
from arnews.timeline import clause_tense, extract_dates, find_dates

PUB = "2015-08-06"  # a Thursday


def values(text: str, published: str | None = PUB) -> list[tuple[str, str]]:
    return [(r["surface"], r["value"]) for r in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity", "kind", "calendar"),
    [
        ("وقعت الحرب في 15 آذار/مارس 2011 في درعا.", "15 آذار/مارس 2011", "2011-03-15", "day", "absolute", "gregorian"),
        ("في ٣ يوليو ٢٠١٣ أعلن الجيش البيان.", "٣ يوليو ٢٠١٣", "2013-07-03", "day", "absolute", "gregorian"),
        ("اندلعت الاحتجاجات في 17 جانفي 2011.", "17 جانفي 2011", "2011-01-17", "day", "absolute", "gregorian"),
        ("وصل الوفد في آب - أغسطس 2014 إلى المدينة.", "آب - أغسطس 2014", "2014-08", "month", "absolute", "gregorian"),
        ("بدأت العملية في يوليو تموز 2013.", "يوليو تموز 2013", "2013-07", "month", "absolute", "gregorian"),
        ("الاثنين 25 شوال 1436 هـ اجتمع المجلس.", "25 شوال 1436 هـ", "2015-08-10", "day", "absolute", "hijri"),
        ("صدر القرار عام 2014 بعد نقاش.", "2014", "2014", "year", "absolute", "gregorian"),
        ("في الثاني من أغسطس 2015 وقع الاتفاق.", "الثاني من أغسطس 2015", "2015-08-02", "day", "absolute",
         "gregorian"),
        ("نشر التقرير بتاريخ 2015/07/21 في الرياض.", "2015/07/21", "2015-07-21", "day", "absolute", "gregorian"),
    ],
)
def test_absolute_dates(text, surface, value, granularity, kind, calendar):
    rows = [r for r in find_dates(text, PUB) if r["surface"] == surface]
    assert rows, find_dates(text, PUB)
    r = rows[0]
    assert (r["value"], r["granularity"], r["kind"], r["calendar"]) == (value, granularity, kind, calendar)
    assert text[r["start"]:r["end"]] == surface


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("قال الوزير أمس إن الاتفاق قريب.", "أمس", "2015-08-05"),
        ("التقى الطرفان أمس الأول في جدة.", "أمس الأول", "2015-08-04"),
        ("وتبدأ المحادثات غداً في الرياض.", "غداً", "2015-08-07"),
        ("وتعقد الجلسة بعد غد في القاهرة.", "بعد غد", "2015-08-08"),
        ("وقبل يومين، أعلنت الحكومة خطتها.", "قبل يومين", "2015-08-04"),
        ("وصل الوفد قبل أسبوع إلى عمان.", "قبل أسبوع", "2015-07-30"),
        ("وقال الرئيس الخميس الماضي إن الحرب ستنتهي.", "الخميس الماضي", "2015-07-30"),
        ("وستعقد القمة الأربعاء المقبل في الدوحة.", "الأربعاء المقبل", "2015-08-12"),
        ("التقى الوزير نظيره يوم الثلاثاء في باريس.", "يوم الثلاثاء", "2015-08-04"),  # past verb → last Tuesday
        ("يجتمع الوزراء يوم السبت في باريس.", "يوم السبت", "2015-08-08"),  # present verb → the coming Saturday
        ("قالت الوزارة اليوم الخميس إن الوضع هادئ.", "اليوم الخميس", "2015-08-06"),
        ("تصاعدت المواجهات منذ تموز/يوليو الماضي.", "تموز/يوليو الماضي", "2015-07"),
        ("ارتفعت الأسعار العام الماضي بنسبة كبيرة.", "العام الماضي", "2014"),
        ("ستجرى الانتخابات الشهر المقبل.", "الشهر المقبل", "2015-09"),
        ("ونفذ الهجوم في 28 كانون الأول/ديسمبر الفائت.", "28 كانون الأول/ديسمبر الفائت", "2014-12-28"),
        ("وسافر الرئيس بالأمس إلى موسكو.", "بالأمس", "2015-08-05"),
        ("زيارة مرتقبة خلال شهر سبتمبر أو أكتوبر المقبلين.", "شهر سبتمبر", "2015-09"),  # a plural qualifier
        ("عقدت جولتان في يناير وأبريل الماضيين.", "يناير", "2015-01"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(text, surface, value):
    assert (surface, value) in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "استمرت الحرب لمدة 3 سنوات.",
        "بدأ النزاع قبل نحو 4 سنوات.",
        "لم يتم الاتفاق حتى الآن.",
        "في اليوم التالي لوقف النار عاد السكان.",
        "0:00 بث مباشر من الموقع.",
        "وصل عدد الجنود إلى 2014 جندياً.",
        "وأبدى المشاركون تفاؤلهم بنتائج اليوم الأول من المحادثات.",
        "حضر 35 وفداً الاجتماع الذي دام 20 دقيقة.",
        "وزع المساعدات بين الاثنين.",
    ],
)
def test_not_dates(text):
    assert values(text) == []


def test_hijri_dates_outside_the_converter_are_kept_unresolved():
    rows = find_dates("ولد في 12 رجب 1200 هـ في مكة.", PUB)
    assert [(r["surface"], r["value"], r["calendar"]) for r in rows] == [("12 رجب 1200 هـ", "", "hijri")]


def test_without_a_publication_date_relative_dates_stay_unresolved():
    rows = find_dates("وقال الوزير أمس إن الهجوم بدأ في 24 فبراير/شباط 2022.", None)
    by_surface = {r["surface"]: r for r in rows}
    assert by_surface["أمس"]["value"] == "" and by_surface["أمس"]["kind"] == "relative"
    assert by_surface["24 فبراير/شباط 2022"]["value"] == "2022-02-24"
    assert {r["anchor_basis"] for r in rows} == {"missing"}


def test_the_text_can_fix_the_publication_date():
    text = "قالت الحكومة اليوم الثلاثاء 4 أغسطس 2015 إن الاجتماع انتهى. وكان الوفد قد وصل أمس."
    rows = {r["surface"]: r for r in find_dates(text, None)}
    assert rows["أمس"]["value"] == "2015-08-03"
    assert rows["أمس"]["anchor_basis"] == "inferred" and rows["أمس"]["anchor"] == "2015-08-04"


def test_today_inside_a_quotation_is_the_day_the_words_were_spoken():
    text = 'وقال الوزير بعد محادثات الثلاثاء: "لقد أحرزنا تقدماً اليوم".'
    assert ("اليوم", "2015-08-04") in values(text)


@pytest.mark.parametrize(
    ("text", "tense"),
    [("يجتمع الوزراء في باريس يوم الأربعاء", "future"), ("سيعقد المجلس جلسته يوم الأحد", "future"),
     ("حسبما صرح الوزير يوم الثلاثاء", "past"), ("وذكرت المصادر أن شاباً (19 عاماً) توفي يوم الجمعة", "past")],
)
def test_clause_tense(text, tense):
    i = text.index("يوم")
    assert clause_tense(text, i, len(text)) == tense


# --- the seeds --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_dates():
    d = extract_dates(load("seeds"))
    d["a"] = d["article_id"].str[:3]
    return d


@pytest.mark.parametrize(
    ("article", "surface", "value"),
    [
        ("000", "24 فبراير/شباط 2022", "2022-02-24"),
        ("000", "مارس/آذار 2025", "2025-03"),
        ("004", "17 تشرين الثاني/نوفمبر 2025", "2025-11-17"),
        ("004", "28 كانون الأول/ديسمبر الفائت", "2025-12-28"),
        ("004", "تشرين الثاني/نوفمبر الماضي", "2025-11"),
        ("002", "أمس", "2026-01-06"),
        ("003", "يوم الثلاثاء", "2026-01-06"),
        ("004", "اليوم الثلاثاء", "2026-01-06"),
        ("003", "يوم الأربعاء", "2026-01-07"),
        ("004", "قبل يومين", "2026-01-04"),
    ],
)
def test_seed_dates(seed_dates, article, surface, value):
    rows = seed_dates[(seed_dates["a"] == article) & (seed_dates["surface"] == surface)]
    assert len(rows) and set(rows["value"]) == {value}


def test_seed_non_dates(seed_dates):
    assert not seed_dates["surface"].str.contains("0:00|الآن|التالي").any()
    assert len(seed_dates) == 18


def test_seed_events_merge_the_summit_across_outlets():
    tables = pipeline.extract(load("seeds"))
    events = tables["events"]
    summit = events[events["date"] == "2026-01-06"].sort_values("n_outlets", ascending=False).iloc[0]
    assert summit["n_outlets"] == 3
    assert {a[:3] for a in summit["article_ids"].split(" | ")} == {"002", "003", "004"}
    assert "country:UA" in summit["actors"]
    invasion = events[events["date"] == "2022-02-24"].iloc[0]
    assert set(invasion["actors"].split(" | ")) == {"country:RU", "country:UA"}
    for ev in events.itertuples():  # every event's evidence points at its sentences
        text = tables["articles"].set_index("article_id")["text"]
        for ref in ev.evidence.split("; "):
            aid, span = ref.split(":")
            s, e = map(int, span.split("-"))
            assert text[aid][s:e].strip()


def test_dates_table_columns_and_offsets(seed_dates):
    text = load("seeds").set_index("article_id")["text"]
    for r in seed_dates.itertuples():
        assert text[r.article_id][r.start:r.end] == r.surface
    assert isinstance(seed_dates, pd.DataFrame)
