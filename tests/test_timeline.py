"""Dates: sentences written for these tests (not from any corpus), then the seeds' expected findings."""

import pandas as pd
import pytest

from arnews import pipeline
from arnews.corpus import load
from arnews.timeline import DATE_COLUMNS, build_events, clause_tense, dateline_date, extract_dates, find_dates

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
        ("وقال الوزير أمس الأربعاء إن الاتفاق قريب.", "أمس الأربعاء", "2015-08-05"),  # the weekday agrees
        # the weekday disagrees with the relative word (written before the date the article carries): the
        # latest such weekday on or before the day the relative word gives
        ("وقال الوزير أمس الثلاثاء إن الاتفاق قريب.", "أمس الثلاثاء", "2015-08-04"),
        ("وقال الوزير أمس الخميس إن الاتفاق قريب.", "أمس الخميس", "2015-07-30"),  # not the publication day
        ("وتبدأ المحادثات غداً الخميس في الرياض.", "غداً الخميس", "2015-08-06"),
        ("وتبدأ المحادثات غداً الأحد في الرياض.", "غداً الأحد", "2015-08-02"),
        ("تصاعدت المواجهات منذ تموز/يوليو الماضي.", "تموز/يوليو الماضي", "2015-07"),
        ("ارتفعت الأسعار العام الماضي بنسبة كبيرة.", "العام الماضي", "2014"),
        ("ستجرى الانتخابات الشهر المقبل.", "الشهر المقبل", "2015-09"),
        ("ونفذ الهجوم في 28 كانون الأول/ديسمبر الفائت.", "28 كانون الأول/ديسمبر الفائت", "2014-12-28"),
        ("وسافر الرئيس بالأمس إلى موسكو.", "بالأمس", "2015-08-05"),
        ("زيارة مرتقبة خلال شهر سبتمبر أو أكتوبر المقبلين.", "شهر سبتمبر", "2015-09"),  # a plural qualifier
        ("عقدت جولتان في يناير وأبريل الماضيين.", "يناير", "2015-01"),
        ("جرت المحادثات في موسكو، في يناير وأبريل، دون نتيجة.", "أبريل", "2015-04"),  # a list of months
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
        "لن نقبل بعد اليوم أي تدخل في شؤوننا.",
        "التقيت به في يوم ثلاثاء ممطر.",
        "سنعود يوماً ما إلى ديارنا.",
        "نشرت مجلة العالم اليوم تقريرها.",
        "فاز الفريق بنتيجة 2-1 على ضيفه.",
        "بلغ النمو 4.22 في المئة.",
        "عاد في الساعات الأولى من فجر اليوم التالي.",
        "أضف 1/2 كوب من الماء.",
        "قطعت السيارة المسافة في 3/4 ساعة.",
        # a day and month that name a movement, a street or a square
        "وقالت حركة 14 آذار في بيان إن الحوار متوقف.",
        "وتجمع المتظاهرون في ميدان 25 يناير وسط المدينة.",
        "ويقع المكتب في شارع 26 يوليو بالعاصمة.",
    ],
)
def test_not_dates(text):
    assert values(text) == []


def rows_of(text: str, published: str | None = PUB) -> dict[str, dict]:
    return {r["surface"]: r for r in find_dates(text, published)}


@pytest.mark.parametrize(
    ("text", "published", "surface", "value", "basis"),
    [
        # the tense of the clause decides the year; basis says so
        ("ستنطلق الحملة الانتخابية يوم 3 جوان في العاصمة.", "2019-05-20", "3 جوان", "2019-06-03", "tense"),
        ("وقال الوزير إن التصويت سيجري في 17 سبتمبر.", "2019-08-10", "17 سبتمبر", "2019-09-17", "tense"),
        ("الانتخابات المقررة في 17 سبتمبر تثير الجدل.", "2019-08-10", "17 سبتمبر", "2019-09-17", "tense"),
        ("وقع الانفجار في 28 ديسمبر قرب الميناء.", "2020-01-03", "28 ديسمبر", "2019-12-28", "tense"),
        ("وافتتح المعرض في 2 مارس بحضور الوزير.", "2020-02-25", "2 مارس", "2019-03-02", "tense"),
        # an imperfect verb is present as well as future: a day up to two weeks before publication stays in its year
        ("ويبدأ شحن الطلبيات من 14 مايو بحسب الشركة.", "2019-05-20", "14 مايو", "2019-05-14", "tense"),
        ("وستعقد القمة في 2 مايو في الرباط.", "2019-05-20", "2 مايو", "2020-05-02", "tense"),
        # ت…ت and ت…وا are perfect verbs of forms V and VI (تراجعت، تظاهروا), not imperfects
        ("وتراجعت الصادرات في 3 مايو إلى أدنى مستوى.", "2019-05-20", "3 مايو", "2019-05-03", "tense"),
        ("وتظاهروا أمام البرلمان في 9 مايو للمطالبة بالإصلاح.", "2019-05-20", "9 مايو", "2019-05-09", "tense"),
        # a qualifier beats the tense
        ("وسيلتقي الطرفان كما فعلا في 12 يوليو تموز الماضي.", "2019-08-10", "12 يوليو تموز الماضي", "2019-07-12",
         "qualifier"),
        ("تبدأ العطلة في 3 يوليو/تموز المقبل.", "2019-05-20", "3 يوليو/تموز المقبل", "2019-07-03", "qualifier"),
        # a weekday beside it: the year in which the day falls on that weekday
        ("وفي يوم الثلاثاء 17 فبراير، هنأ الملك الرئيس.", "2015-07-21", "يوم الثلاثاء 17 فبراير", "2015-02-17",
         "weekday"),
        ("وفي الاثنين 17 فبراير، هنأ الملك الرئيس.", "2015-07-21", "الاثنين 17 فبراير", "2014-02-17", "weekday"),
        ("ويعقد المجلس دورته الأحد 5 ماي المقبل.", "2019-07-10", "الأحد 5 ماي المقبل", "2020-05-05", "qualifier"),
        ("وتنطلق الدورة يوم 15 جويلية الجاري بالعاصمة.", "2019-07-10", "15 جويلية الجاري", "2019-07-15",
         "qualifier"),
        ("وصدر القرار بتاريخ 12 شتنبر 2018 بالرباط.", "2019-07-10", "12 شتنبر 2018", "2018-09-12", "explicit"),
        # a name head before a day and month with a year: the year makes it a date (the day the revolution began)
        ("منذ ثورة 25 يناير 2011 تغير المشهد.", "2019-07-10", "25 يناير 2011", "2011-01-25", "explicit"),
        # a date opening its clause takes the verb after it
        ("وفي 12 يوليو رفضت الشركة أن تدفع الغرامة.", "2019-07-21", "12 يوليو", "2019-07-12", "tense"),
        ("وفي 22 يوليو تنطلق الدورة الجديدة.", "2019-07-21", "22 يوليو", "2019-07-22", "tense"),
        # no verb: the occurrence nearest the publication date
        ("الموعد النهائي: 4 يناير.", "2019-12-20", "4 يناير", "2020-01-04", "nearest"),
        # numbers: day first, the year by the same rule
        ("وتعقد الجلسة المقبلة في 22/9 في جنيف.", "2019-08-10", "22/9", "2019-09-22", "tense"),
        ("وتعقد الجلسة في 22-9 بحسب المصادر.", "2019-08-10", "22-9", "2019-09-22", "tense"),
    ],
)
def test_the_year_of_a_day_month_without_one(text, published, surface, value, basis):
    r = rows_of(text, published)[surface]
    assert (r["value"], r["basis"], r["granularity"]) == (value, basis, "day")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [  # PUB is Thursday 2015-08-06
        ("تبدأ المفاوضات غد الجمعة في جنيف.", "غد الجمعة", "2015-08-07"),
        ("يصل الوفد يوم غد إلى عمان.", "يوم غد", "2015-08-07"),
        ("تبدأ الجولة صباح الغد في الدوحة.", "صباح الغد", "2015-08-07"),
        ("تجري القرعة بعد غد في المدينة.", "بعد غد", "2015-08-08"),
        ("تعقد الجلسة الليلة في البرلمان.", "الليلة", "2015-08-06"),
        ("قصفت الطائرات البلدة الليلة الماضية.", "الليلة الماضية", "2015-08-05"),
        ("وصل الرئيس مساء أمس إلى القاهرة.", "مساء أمس", "2015-08-05"),
        ("شنت القوات هجوما فجر اليوم على البلدة.", "فجر اليوم", "2015-08-06"),
        ("ويعود الوزير غداً إلى بلاده.", "غداً", "2015-08-07"),
        ("قالت مصادر أمنية يوم أمس (الأربعاء)، إن الشرطة اعتقلت مشتبهاً.", "أمس (الأربعاء)", "2015-08-05"),
    ],
)
def test_tomorrow_and_tonight(text, surface, value):
    r = rows_of(text)[surface]
    assert (r["value"], r["basis"]) == (value, "offset")


def test_tomorrow_inside_a_quotation_is_the_day_after_the_words_were_spoken():
    text = 'وقال الوزير بعد محادثات الثلاثاء: "سنلتقي مجدداً غداً".'
    r = rows_of(text)["غداً"]
    assert (r["value"], r["basis"]) == ("2015-08-05", "speech")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [  # PUB is Thursday 2015-08-06
        ("وستعقد، يوم الإثنين، قمة في الرياض.", "يوم الإثنين", "2015-08-10"),  # the verb before the aside
        ("أعلن الوزير أن الاجتماع سيعقد يوم الأحد.", "يوم الأحد", "2015-08-09"),  # the clause after أن
        ("قال الوزير يوم الأحد إن المحادثات ستستأنف.", "يوم الأحد", "2015-08-02"),  # not the nearest verb
        ("المحادثات التي انطلقت يوم الأحد ستستمر.", "يوم الأحد", "2015-08-02"),  # the relative clause's verb
        ("وخلال اجتماع يوم الاثنين ستناقش اللجنة الإصلاحات.", "يوم الاثنين", "2015-08-10"),
        ("سأعود الأسبوع المقبل يوم الجمعة.", "الأسبوع المقبل يوم الجمعة", "2015-08-14"),
        ("أقيمت الصلاة في آخر جمعة من رمضان.", "آخر جمعة من رمضان", "2015-07-10"),  # the n-th weekday of a month
        ("سيزور الوفد القاهرة أول يوم أحد من سبتمبر.", "أول يوم أحد من سبتمبر", "2015-09-06"),
    ],
)
def test_weekdays_take_the_tense_of_their_own_clause(text, surface, value):
    assert rows_of(text)[surface]["value"] == value


@pytest.mark.parametrize(
    ("text", "surface", "value", "value_end", "granularity"),
    [  # PUB 2015-08-06
        ("شارك في الاحتفال يومي الثاني والثالث من أغسطس.", "الثاني والثالث من أغسطس", "2015-08-02", "2015-08-03",
         "day"),
        ("قتل الجندي في الرابع عشر من الشهر الماضي.", "الرابع عشر من الشهر الماضي", "2015-07-14", "", "day"),
        ("يصل الوفد في 20 من الشهر المقبل.", "20 من الشهر المقبل", "2015-09-20", "", "day"),
        ("تنتهي المهلة في 25 الجاري.", "25 الجاري", "2015-08-25", "", "day"),
        ("يعقد المؤتمر من 24 إلى 26 أغسطس في تونس.", "24 إلى 26 أغسطس", "2015-08-24", "2015-08-26", "day"),
        ("تجري المناورات بين 16 و18 أغسطس.", "16 و18 أغسطس", "2015-08-16", "2015-08-18", "day"),
        ("يزور الرئيس باريس منتصف الشهر المقبل.", "منتصف الشهر المقبل", "2015-09-11", "2015-09-20",
         "part_of_month"),
        ("تكتمل المشاريع أواخر العام.", "أواخر العام", "2015-09", "2015-12", "part_of_year"),
        ("وصلت الشحنة مطلع العام الماضي.", "مطلع العام الماضي", "2014-01", "2014-04", "part_of_year"),
        ("انتهت الأشغال أواخر عام 2013.", "أواخر عام 2013", "2013-09", "2013-12", "part_of_year"),
        ("نما الاقتصاد في الربع الأول من 2015 بنسبة 3%.", "الربع الأول من 2015", "2015-01", "2015-03",
         "part_of_year"),
        ("يتوقع التعافي في النصف الثاني من العام الجاري.", "النصف الثاني من العام الجاري", "2015-07", "2015-12",
         "part_of_year"),
        ("ارتفعت الأرباح في الربع الأخير من العام الماضي.", "الربع الأخير من العام الماضي", "2014-10", "2014-12",
         "part_of_year"),
        ("تنطلق الحملة في الأسبوع الثالث من هذا الشهر.", "الأسبوع الثالث من هذا الشهر", "2015-08-15",
         "2015-08-21", "week"),
        ("اكتمل البناء في أواخر مايو 2014.", "أواخر مايو 2014", "2014-05-21", "2014-05-31", "part_of_month"),
        ("وقع الاتفاق في الأسبوع الماضي.", "الأسبوع الماضي", "2015-07-27", "2015-08-02", "week"),
        ("تستمر العطلة من 28 ديسمبر إلى 3 يناير 2016.", "28 ديسمبر إلى 3 يناير 2016", "2015-12-28", "2016-01-03",
         "day"),  # a range across months and years takes its year from its end
        ("عقد المؤتمر من 29 ذي القعدة ــ 2 ذي الحجة 1423هـ في مكة.", "29 ذي القعدة ــ 2 ذي الحجة 1423هـ",
         "2003-02-01", "2003-02-03", "day"),
    ],
)
def test_ordinal_days_ranges_and_parts(text, surface, value, value_end, granularity):
    r = rows_of(text)[surface]
    assert (r["value"], r["value_end"], r["granularity"]) == (value, value_end, granularity)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("عقد الاجتماع في 12 يوليو تموز 2013.", "12 يوليو تموز 2013", "2013-07-12"),
        ("عقد الاجتماع في 12 يوليو/تموز 2013.", "12 يوليو/تموز 2013", "2013-07-12"),
        ("عاد الوفد في 5 تموز (يوليو) 2012.", "5 تموز (يوليو) 2012", "2012-07-05"),
        ("اندلعت الاحتجاجات في 14 جانفي/يناير 2011.", "14 جانفي/يناير 2011", "2011-01-14"),
        ("عاد الوفد إلى المدينة في 5 تموز (يوليو).", "5 تموز (يوليو)", "2015-07-05"),  # one month, one year rule
    ],
)
def test_two_calendar_names_side_by_side_are_one_month(text, surface, value):
    assert (surface, value) in values(text)


@pytest.mark.parametrize(
    ("text", "surface", "value", "basis"),
    [
        ("تأسس الحزب عام 2010 في القاهرة.", "2010", "2010", "explicit"),
        ("ولد الشاعر سنة 1950 في بغداد.", "1950", "1950", "explicit"),
        ("وفي عام 1948 نزح مئات الآلاف.", "1948", "1948", "explicit"),
        ("شيد القصر في سنة 1850 على التل.", "1850", "1850", "explicit"),
        ("ارتفع الإنتاج هذه السنة بنسبة كبيرة.", "هذه السنة", "2015", "offset"),
        ("ارتفع الإنتاج العام الحالي بنسبة كبيرة.", "العام الحالي", "2015", "offset"),
        ("وقع الاتفاق عام 2012، وفي نوفمبر من نفس العام انهار.", "نفس العام", "2012", "mention"),
        ("وقع الاتفاق عام 2012، وفي نوفمبر من نفس العام انهار.", "نوفمبر", "2012-11", "mention"),
        ("جرت جولتان في يناير (كانون الثاني) وأبريل من هذا العام.", "أبريل من هذا العام", "2015-04", "qualifier"),
        ("وقعت المعركة في 3 مارس من العام الماضي.", "3 مارس من العام الماضي", "2014-03-03", "qualifier"),
        ("ولم تسدد المتأخرات المستحقة منذ يوم 30 يونيو الماضي.", "30 يونيو الماضي", "2015-06-30", "qualifier"),
        ("وصل إلى الحكم عام 2005 وغادره في العام ذاته.", "العام ذاته", "2005", "mention"),
    ],
)
def test_years_and_the_year_last_mentioned(text, surface, value, basis):
    r = rows_of(text)[surface]
    assert (r["value"], r["basis"]) == (value, basis)


@pytest.mark.parametrize(
    ("text", "surface", "value", "value_end", "granularity"),
    [  # PUB 2015-08-06 is 21 Shawwal 1436
        ("توفي في غرة ذي القعدة الماضي.", "غرة ذي القعدة الماضي", "2014-08-27", "", "day"),
        ("تكثر الزيارات خلال شهر ذي القعدة.", "شهر ذي القعدة", "2015-08-16", "2015-09-13", "month"),
        ("صدر في العام الهجري الحالي 1438 قرار جديد.", "العام الهجري الحالي 1438", "2016-10-02", "2017-09-20",
         "year"),
        ("صدر الكتاب عام 1438هـ في الرياض.", "1438هـ", "2016-10-02", "2017-09-20", "year"),
        ("عاد الحجاج منتصف رمضان الماضي.", "منتصف رمضان الماضي", "2015-06-28", "2015-07-07", "part_of_month"),
        ("احتفل المسلمون بأول أيام عيد الفطر في المساجد.", "أول أيام عيد الفطر", "2015-07-17", "", "day"),
        ("اندلعت المعركة في العاشر من رمضان.", "العاشر من رمضان", "2015-06-27", "", "day"),
        ("يبدأ الموسم في 5 ذي الحجة.", "5 ذي الحجة", "2015-09-18", "", "day"),  # the Hijri year by tense
        ("يحتفل الأطفال بعيد الفطر في الحدائق.", "عيد الفطر", "2015-07-17", "", "day"),  # a present verb, a feast
        # الموافق: the same day as the date before it
        ("وقعت المعركة في 6 أغسطس 2012، الموافق 17 رمضان، قبل الإفطار.", "17 رمضان", "2012-08-06", "", "day"),
        # three weeks past: this year's, not next year's
        ("وبدأ الصيام يوم الخميس الموافق 1/ 9/ 1436هـ في المملكة.", "1/ 9/ 1436هـ", "2015-06-18", "", "day"),
        ("صدر المرسوم بتاريخ 1436/10/30 هـ.", "1436/10/30 هـ", "2015-08-15", "", "day"),
    ],
)
def test_hijri_months_years_and_feasts(text, surface, value, value_end, granularity):
    r = rows_of(text)[surface]
    assert (r["value"], r["value_end"], r["granularity"], r["calendar"]) == (value, value_end, granularity, "hijri")


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("كانون الثاني 21, 2025", "2025-01-21"),
        ("2025.01.03 - 12:11", "2025-01-03"),
        ("الأربعاء 15 آذار 2023 21:04 م", "2023-03-15"),
        ("نشر في: 03/01/2025", "2025-01-03"),
        ("آخر تحديث: 12 مايو 2024", "2024-05-12"),
        ("وصل الوزير في 12 مايو 2024 إلى الرياض", None),  # a sentence, not a date line
    ],
)
def test_date_lines_at_the_top_of_a_page(line, value):
    assert dateline_date(line) == value


def test_a_date_line_above_the_body_is_kept_in_the_dates_table():
    text = "نشر في: 03/01/2025\n\nقال الوزير أمس إن الاتفاق قريب."
    rows = find_dates(text, "2025-01-03", body_start=text.index("قال"))
    assert [(r["surface"], r["value"], r["basis"]) for r in rows] == [
        ("03/01/2025", "2025-01-03", "dateline"), ("أمس", "2025-01-02", "offset")]


@pytest.mark.parametrize(
    ("text", "surface"),
    [("وصل الوفد قبل أيام إلى الرياض.", "قبل أيام"), ("نزح السكان منذ سنوات عن القرية.", "منذ سنوات"),
     ("عاد قبل بضعة أشهر إلى بلاده.", "قبل بضعة أشهر"), ("وستعقد جولة أخرى في الأيام المقبلة.", "الأيام المقبلة")],
)
def test_vague_spans_are_kept_without_a_value(text, surface):
    r = rows_of(text)[surface]
    assert (r["value"], r["granularity"], r["basis"]) == ("", "vague", "")


def test_the_dates_table_has_value_end_and_basis():
    assert {"value_end", "basis"} <= set(DATE_COLUMNS)
    assert set(find_dates("قال أمس إن الاتفاق قريب.", PUB)[0]) >= set(DATE_COLUMNS) - {"article_id", "sentence_id"}


def test_a_hijri_date_cannot_be_placed_from_a_publication_date_outside_the_converter():
    rows = find_dates("وصلت القافلة في 5 رمضان إلى المدينة.", "1900-01-01")
    assert [(r["surface"], r["value"], r["calendar"]) for r in rows] == [("5 رمضان", "", "hijri")]


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


def test_events_place_spans_at_their_month_or_year_and_skip_vague_dates():
    texts = ["يزور الرئيس باريس منتصف الشهر المقبل.", "تكتمل المشاريع أواخر العام.", "وصل الوفد قبل أيام إلى الرياض.",
             "أكد الوزير أمس أن القمة نجحت."]
    rows, sentences, pos = [], [], 0
    for i, t in enumerate(texts):
        sentences.append({"article_id": "a", "sentence_id": i, "text": t, "start": pos, "end": pos + len(t)})
        rows += [{**r, "article_id": "a", "sentence_id": i} for r in find_dates(t, PUB)]
        pos += len(t) + 1
    events = build_events(pd.DataFrame(rows, columns=DATE_COLUMNS), pd.DataFrame(sentences), None,
                          pd.DataFrame({"article_id": ["a"], "outlet": ["x"]}))
    assert sorted(zip(events["date"], events["granularity"], strict=True)) == [
        ("2015", "year"), ("2015-08-05", "day"), ("2015-09", "month")]


def _dates_data() -> dict:
    from arnews.lang import load

    return load("dates.yaml")


@pytest.mark.parametrize(("feast", "month_day"), sorted(_dates_data()["hijri_feasts"].items()))
def test_every_feast_is_its_hijri_day(feast, month_day):
    from hijridate import Hijri

    want = Hijri(1436, *month_day).to_gregorian().isoformat()
    rows = find_dates(f"وصادف {feast} 1436 هـ يوم عطلة.", PUB)
    assert [(r["value"], r["calendar"]) for r in rows][:1] == [(want, "hijri")]


@pytest.mark.parametrize(("word", "part"), sorted((w, p) for w, p in _dates_data()["period_parts"].items()
                                                   if w != "أول"))  # أول مايو is 1 May (a day word)
def test_every_part_of_a_month_bounds_its_days(word, part):
    r = find_dates(f"اكتمل البناء في {word} مايو 2014.", PUB)[0]
    lo, hi = {"early": ("01", "10"), "mid": ("11", "20"), "late": ("21", "31")}[part]
    assert (r["value"], r["value_end"], r["granularity"]) == (f"2014-05-{lo}", f"2014-05-{hi}", "part_of_month")
