"""Timeline: every date expression, normalized against the publication date, and the events they anchor.

``dates`` (``DATE_COLUMNS``, written as ``dates.csv``): article_id, start, end, surface, value (ISO 8601:
YYYY-MM-DD, YYYY-MM or YYYY; empty when it cannot be resolved or is vague), value_end (the last day of a range
or of a part of a month/year, a Hijri month or year; else empty), granularity (day | week | part_of_month |
month | part_of_year | year | vague), kind (absolute | relative), calendar (gregorian | hijri), basis (what
decided the value: explicit | dateline | offset | qualifier | tense | weekday | nearest | speech | mention;
empty when there is no value), sentence_id, anchor (the date relative expressions were resolved against),
anchor_basis (metadata | inferred | missing).

``events`` (``EVENT_COLUMNS``, written as ``events.csv``): one row per dated event — event_id, date,
granularity, actors (actor_ids named in its sentences), summary (the first sentence reporting it), article_ids,
outlets, n_outlets, n_reports, evidence (``article_id:start-end`` of every sentence). The same event reported by
several articles (same date, overlapping actors or words) is one row with all its sources.

What is a date: day-month-year in the three Gregorian month series and in Hijri (``24 فبراير/شباط 2022``,
``17 تشرين الثاني/نوفمبر 2025``, ``25 شوال 1436 هـ``, ``2025.01.03``, ``كانون الثاني 21, 2025``), ordinal days
in words and day ranges (``الثاني والثالث من أغسطس``, ``من 4 إلى 6 أغسطس``), a day of a relative month
(``الرابع عشر من الشهر الماضي``, ``15 الجاري``), paired month names, month-year, parts of months and years
(``منتصف الشهر المقبل``, ``أواخر العام``, ``الأسبوع الثالث من هذا الشهر``), years after a year word, Hijri
months, years and feasts (``غرة ذي القعدة الماضي``, ``1438هـ``, ``أول أيام عيد الفطر``), ``العام الماضي``,
``نفس العام`` (the year last mentioned), ``أمس``, ``مساء أمس``, ``اليوم``, ``فجر اليوم``, ``الليلة``, ``غداً``,
``يوم غد``, ``بعد غد``, ``قبل يومين``, weekdays (by the tense of their own clause). The year of a day-month
without one comes from a qualifier (الماضي، المقبل), else the tense of the clause (a future or present verb,
``المقرر``, ``المرتقب`` → on or after the publication date, or up to 14 days before it: an ongoing span; a past
verb → on or before it), else the occurrence
nearest the publication date; ``basis`` says which. Vague spans (``قبل أيام``، ``منذ سنوات``) are kept with
granularity vague and no value. What is not a date: durations (``لمدة 3 سنوات``), ``حتى الآن``,
``اليوم التالي``, ``بعد اليوم`` (from now on), ``يوم ثلاثاء`` (some Tuesday), ``العالم اليوم``, clock times,
numbers that are not years.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from arnews import lang
from arnews.lang import load as load_data
from arnews.stages import Stage, Table
from arnews.text import Doc, Normalized, clitic_variants, norm, normalize, norms

DATE_COLUMNS = ["article_id", "start", "end", "surface", "value", "value_end", "granularity", "kind", "calendar",
                "basis", "sentence_id", "anchor", "anchor_basis"]
EVENT_COLUMNS = ["event_id", "date", "granularity", "actors", "summary", "article_ids", "outlets", "n_outlets",
                 "n_reports", "evidence"]
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # days of a month in each part
PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}  # months of a year in each part


def _alternation(words) -> str:
    return "|".join(sorted({re.escape(w) for w in words if w}, key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    months: dict[str, int]
    hijri_months: dict[str, int]
    hijri_ambiguous: frozenset[str]
    feasts: dict[str, tuple[int, int]]
    feast_prefix: dict[str, int]
    weekdays: dict[str, int]
    ambiguous_months: frozenset[str]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    future_cues: frozenset[str]
    parts: dict[str, str]
    number_words: dict[str, int]
    units: dict[str, str]
    plural_units: frozenset[str]
    vague_counts: frozenset[str]
    relative_days: dict[str, int]
    day_words: dict[str, int]
    not_today_after: frozenset[str]
    not_today_before: frozenset[str]
    not_date_before: frozenset[str]
    name_heads: frozenset[str]
    not_year_units: frozenset[str]
    numeric_cues: frozenset[str]
    not_date_after_number: frozenset[str]
    dateline_labels: frozenset[str]
    clause_openers: frozenset[str]
    clause_particles: frozenset[str]
    dispatch: dict[str, re.Pattern]  # a word at which a date can start → the kinds of date that can start there
    next_words: dict[str, frozenset[str]]  # a start word → the words that can follow it (absent: any)


@cache
def grammar() -> Grammar:
    """Month, weekday and relative-date vocabulary (Babel/CLDR, hijridate, data/dates.yaml), compiled once."""
    data = load_data("dates.yaml")
    months = dict(lang.month_names())  # the shared vocabularies: arnews.lang
    hijri = dict(lang.hijri_month_names())
    weekdays = dict(lang.weekday_names())
    units = {norm(form): unit for unit, forms in data["units"].items() for form in forms}
    numbers = dict(lang.number_words())
    n = lambda key: frozenset(norm(w) for w in data[key])  # noqa: E731

    relative = {norm(k): v for k, v in data["relative_days"].items()}
    for part in data["day_parts"]:
        for word, offset in data["relative_day_words"].items():
            if norm(part) != "يوم" or norm(word) in ("غد", "الغد"):
                relative.setdefault(f"{norm(part)} {norm(word)}", offset)
    feasts = {norm(k): (int(v[0]), int(v[1])) for k, v in data["hijri_feasts"].items()}
    feast_prefix = {norm(k): int(v) for k, v in data["feast_day_prefix"].items()}
    parts = {norm(k): v for k, v in data["period_parts"].items()}
    first_day = _alternation(n("first_day_words"))
    day_words = _day_words(data)
    dayw = _alternation(day_words)
    mon = _alternation(months)
    hmon = _alternation(hijri)
    wd = _alternation({w[2:] if w.startswith("ال") else w for w in weekdays})
    qual = _alternation(n("past") | n("future") | n("current"))
    hmark = _alternation(norm(w) for w in data["hijri_markers"])
    gmark = _alternation(norm(w) for w in data["gregorian_markers"])
    rel = _alternation(relative)
    unit = _alternation(units)
    num_word = _alternation(numbers | {w: 0 for w in n("vague_counts")})
    year_cue = _alternation(n("year_cues"))
    part = _alternation(parts)
    feast = _alternation(feasts)
    fpre = _alternation(feast_prefix)
    same_b = _alternation(n("same_before") | n("that_before"))
    same_a = _alternation(n("same_after"))
    plural_def = _alternation("ال" + w for w in n("plural_units"))
    e = r"(?![\w])"
    b = bc = r"(?:(?<![\w])|(?<=(?<![\w])[وفبل]))"  # a word start, or after و ف ب ل (وقبل يومين، بأول أيام)
    # a day (digits, or words), optionally a range to a second day: 4 - 6، 6 و8، الثاني والثالث، من 4 إلى 6
    day = rf"(?:(?:ال)?(?P<{{p}}_d>\d{{1,2}})|(?P<{{p}}_dw>{dayw}))"
    day2 = (rf"(?:\s*(?:[-–]|\s(?:الي|حتي|وحتي)\s+|\sو\s*|و)\s*"
            rf"(?:(?:ال)?(?P<{{p}}_d2>\d{{1,2}})(?!\d)|(?P<{{p}}_dw2>{dayw})))?")
    weekday_pre = rf"(?:(?:يوم\s+)?ال(?:{wd})\s*[،,]?\s+)?"
    weekday_named = rf"(?:(?:يوم\s+)?ال(?P<{{p}}_wd>{wd})\s*[،,]?\s+)?"
    # a year given relative to publication: 3 مارس من العام الماضي، أبريل من هذا العام
    rel_year = (rf"\s+من\s+(?:(?P<{{p}}_ty>هذا|هذه)\s+(?:العام|السنه)|(?:العام|السنه)\s+(?P<{{p}}_yq>{qual})){e}")
    pair = rf"(?:\s*[/\-–(]\s*(?P<{{p}}_m2>{mon})\s*\)?|\s+(?P<{{p}}_m3>{mon}))?"
    year_slot = (rf"(?:\s*[.،,]?\s+(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<{{p}}_y>\d{{4}})(?:\s*(?:{gmark}){e})?"
                 rf"|{rel_year})?")
    f = lambda s, p: s.replace("{p}", p)  # noqa: E731
    dayparts = {norm(w) for w in data["day_parts"]}
    W = {w.split()[0] for w in weekdays} | {w[2:] for w in weekdays} | {"يوم"}
    DAYW = {w.split()[0] for w in day_words}
    MON = {w.split()[0] for w in months}
    PREP = {"شهر", "خلال", "في", "منذ", "حتي", "قبل", "بعد"} | set(parts)
    UNITS = {"العام", "السنه", "الشهر", "الاسبوع"}
    starts: dict[str, set[str]] = {  # the words each kind of date can start with (DIGIT: a number, or ال+number)
        "DIG_WD": {DIGIT} | W, "DIG": {DIGIT}, "H": {DIGIT} | DAYW | n("first_day_words"),
        "G": {DIGIT} | DAYW | W, "MD": W | MON, "WK": {"الاسبوع"},
        "NW": {"اول", "ثاني", "ثالث", "رابع", "خامس", "اخر"}, "HM": PREP, "M": PREP | MON,
        "F": {w.split()[0] for w in feasts} | {w.split()[0] for w in feast_prefix}, "HY": {"العام", "السنه"},
        "W": W | {"الاسبوع", "اليوم", "امس", "غدا", "غد"} | dayparts, "REL": {w.split()[0] for w in relative},
        "D": {"قبل", "بعد", "منذ"}, "Q": {"الربع", "النصف"}, "V": {"ال" + w for w in n("plural_units")},
        "P": set(parts), "R": UNITS, "THIS": {"هذا", "هذه"},
        "SAME": n("same_before") | n("that_before"), "SAME2": UNITS, "Y": n("year_cues"),
    }
    HMON = {w.split()[0] for w in hijri}
    rel_next: dict[str, set[str]] = {}  # قبل → أمس: the second word of a two-word relative day
    for w in relative:
        first, _, rest = w.partition(" ")
        rel_next.setdefault(first, set()).add(rest.split()[0] if rest else "*")
    nexts: dict[str, Callable[[str], set[str] | None]] = {  # the word after a start word, where it is known
        "HM": lambda w: HMON | {"شهر"}, "M": lambda w: None if w in MON else MON | {"شهر"},
        "Y": lambda w: {DIGIT, "عام", "العام", "سنه"}, "D": lambda w: set(units) | set(numbers) | n("vague_counts")
        | {DIGIT}, "P": lambda w: UNITS | {"هذا", "هذه"}, "THIS": lambda w: UNITS, "SAME": lambda w: UNITS,
        "REL": lambda w: None if "*" in rel_next.get(w, {"*"}) else rel_next[w],
    }
    branches = [
        # ISO and numeric dates: 2015-08-10, 2025.01.03, 10/8/2015, 18-9-15
        # (a year of 1300-1500 or a هـ after it makes them Hijri: 1436/10/30 هـ، 10/4 / 1436هـ)
        ("DIG_WD", rf"{b}{weekday_pre}(?P<iso_y>\d{{4}})\s?(?P<isep>[-/.])\s?(?P<iso_m>\d{{1,2}})\s?(?P=isep)\s?"
         rf"(?P<iso_d>\d{{1,2}}){e}(?:\s*(?P<iso_h>{hmark}){e})?"),
        ("DIG_WD", rf"{b}{weekday_pre}(?P<num_d>\d{{1,2}})\s?(?P<sep>[/.\-])\s?(?P<num_m>\d{{1,2}})\s?(?P=sep)\s?"
         rf"(?P<num_y>\d{{4}}|\d{{2}})(?![\w/.\-]\d)(?:\s*(?P<num_h>{hmark}){e})?"),
        # a day and month with no year: 22/4، 22-4، 4.22 (only after a date word for . and -)
        ("DIG", rf"{b}(?P<dm_d>\d{{1,2}})(?P<dm_sep>[/.\-])(?P<dm_m>\d{{1,2}})(?![\d/.\-]|[.,،]\d)"),
        # Hijri day (or غرة, a part) month (year) (qualifier): 25 شوال 1436 هـ، غرة ذي القعدة الماضي
        ("H", rf"{b}(?:(?:ال)?(?P<h_d>\d{{1,2}})|(?P<h_dw>{dayw})|(?P<h_first>{first_day}))\s+(?:من\s+)?(?:شهر\s+)?"
        rf"(?P<h_m>{hmon}){e}(?:\s+(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+)?(?P<h_y>\d{{4}})(?:\s*(?:{hmark}){e})?)?"
        rf"(?:\s+(?P<h_q>{qual}){e})?"),
        # Gregorian day(s) month(/month) (year) (qualifier): 24 فبراير/شباط 2022، الثاني والثالث من أغسطس
        ("G", rf"{b}{f(weekday_named, 'g')}{f(day, 'g')}{f(day2, 'g')}\s*[.\-/]?\s+(?:من\s+)?(?:شهر\s+)?"
        rf"(?:(?P<g_m>{mon}){f(pair, 'g')}{e}{f(year_slot, 'g')}(?:\s+(?P<g_q>{qual}){e})?"
        rf"|(?P<g_this>هذا\s+)?(?P<g_rm>الشهر){e}(?:\s+(?P<g_rq>{qual}){e})?|(?P<g_cur>الجاري){e})"),
        # month day, year (datelines): كانون الثاني 21, 2025
        ("MD", rf"{b}{weekday_pre}(?P<md_m>{mon}){f(pair, 'md')}\s*[-–]?\s*(?P<md_d>\d{{1,2}}|{dayw})\s*[،,]\s*"
        rf"(?P<md_y>\d{{4}}){e}"),
        # the n-th weekday of a month: أول يوم جمعة من يوليو، آخر جمعة من رمضان، ثاني أحد في هذا الشهر
        ("NW", rf"{b}(?P<nw_n>اول|ثاني|ثالث|رابع|خامس|اخر)\s+(?:يوم\s+)?(?P<nw_d>{wd}){e}\s+(?:من|في)\s+"
         rf"(?:(?:هذا\s+)?(?P<nw_rm>الشهر)(?:\s+(?P<nw_q>{qual}))?|(?:شهر\s+)?(?:(?P<nw_m>{mon})|(?P<nw_hm>{hmon}))"
         rf"(?:\s+(?P<nw_y>\d{{4}}))?){e}"),
        # the n-th week of a month: الأسبوع الثالث من هذا الشهر
        ("WK", rf"{b}(?P<wk>الاسبوع)\s+(?P<wk_n>{dayw})\s+(?:من\s+)?"
         rf"(?:(?:هذا\s+)?(?P<wk_rm>الشهر)(?:\s+(?P<wk_q>{qual}))?"
        rf"|(?:شهر\s+)?(?P<wk_m>{mon})(?:\s+(?P<wk_y>\d{{4}}))?){e}"),
        # (part of | in) (شهر) Hijri month (year | qualifier): منتصف رمضان، خلال شهر ذي القعدة
        ("HM", rf"{b}(?P<hm_pre>(?:شهر|خلال|في|منذ|حتي|قبل|بعد|{part})\s+)(?:شهر\s+)?(?P<hm_m>{hmon}){e}"
        rf"(?:\s+(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+)?(?P<hm_y>\d{{4}})(?:\s*(?:{hmark}){e})?|\s+(?P<hm_q>{qual}){e})?"),
        # Hijri feasts: أول أيام عيد الفطر
        ("F", rf"{b}(?P<f_pre>(?:{fpre})\s+)?(?P<f_name>{feast}){e}(?:\s+(?P<f_y>\d{{4}})(?:\s*(?:{hmark}){e})?"
        rf"|\s+(?P<f_q>{qual}){e})?"),
        # (شهر|part) month(/month) year | qualifier: مارس/آذار 2025، تشرين الثاني/نوفمبر الماضي، منتصف أغسطس
        ("M", rf"(?P<m_pre>{b}(?:شهر|خلال|في|منذ|حتي|{part})\s+(?:شهر\s+)?)?"
        rf"{b}(?P<m_m>{mon}){f(pair, 'm')}{e}"
        rf"(?:\s*[.،,]?\s+(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<m_y>\d{{4}}){e}|{f(rel_year, 'm')}"
        rf"|\s+(?P<m_q>{qual}){e})?"),
        # the Hijri year: العام الهجري الحالي 1438، 1438هـ
        ("HY", rf"{b}(?:العام|السنه)\s+(?:ال)?هجري(?:ه)?(?:\s+(?P<hy_q>{qual}|الجديد|الجديده){e})?"
         rf"(?:\s+(?P<hy_y>\d{{4}})"
        rf"(?:\s*(?:{hmark}){e})?)?"),
        ("DIG", rf"{b}(?P<hy_n>\d{{4}})\s*(?:ه|هجري|هجريه|للهجره){e}"),
        # weekdays: (الأسبوع المقبل) (اليوم|يوم|مساء|غد) الثلاثاء (الماضي) (من الأسبوع المقبل) (15)
        ("W", rf"{bc}(?:(?P<w_wk0>الاسبوع)\s+(?P<w_wq0>{qual})\s+)?"
        rf"(?:(?P<w_pre>(?:اليوم|امس|غدا|غد|يوم|مساء|صباح|ظهر|ليل|ليله|فجر|عصر))\s+(?P<w_par>\(\s*)?)?"
        rf"(?P<w_al>ال)?(?P<w_d>{wd}){e}(?(w_par)\s*\))"
        rf"(?:\s+(?:من\s+)?(?P<w_wk>الاسبوع)\s+(?P<w_wq>{qual}){e}|\s+(?P<w_q>{qual}){e})?"
        rf"(?:\s*[،,]?\s+(?P<w_dn>\d{{1,2}})(?=\s*(?:[.،,؛:!؟?)\n]|$)))?"),
        # relative days: أمس الأول، أمس، مساء أمس، اليوم، الليلة الماضية، غداً، صباح الغد، بعد غد
        ("REL", rf"{bc}(?P<rel>{rel}){e}"),
        # قبل يومين، قبل 3 أيام، بعد أسبوع، منذ سنوات، قبل بضعة أشهر
        ("D", rf"{bc}(?P<d_dir>قبل|بعد|منذ)\s+(?:(?P<d_n>\d{{1,3}}|{num_word})\s+)?(?P<d_u>{unit}){e}(?!\s+\d)"),
        # vague spans: الأيام المقبلة، السنوات الأخيرة، الأسابيع القليلة الماضية
        ("V", rf"{bc}(?P<v_u>{plural_def})\s+(?:(?:القليله|الاخيره)\s+)?(?P<v_q>{qual}|الاخيره|القليله){e}"),
        # a quarter or half of a year: الربع الأول من 2015، النصف الثاني من العام الجاري
        ("Q", rf"{b}(?P<q_u>الربع|النصف)\s+(?P<q_n>الاول|الثاني|الثالث|الرابع|الاخير)\s+من\s+(?:(?:هذا|هذه)\s+"
         rf"(?P<q_this>العام|السنه)|(?P<q_rel>العام|السنه)(?:\s+(?P<q_q>{qual}))?(?:\s+(?P<q_y2>\d{{4}}))?"
         rf"|(?:(?:عام|سنه)\s+)?(?P<q_y>\d{{4}})){e}"),
        # a part of a year, month or week: أواخر العام، منتصف الشهر المقبل، مطلع هذا العام
        ("P", rf"{bc}(?P<p_part>{part})\s+(?:(?:هذا|هذه)\s+)?(?P<p_u>العام|السنه|الشهر|الاسبوع){e}"
         rf"(?:\s+(?P<p_q>{qual}){e})?"),
        # العام الماضي، الشهر المقبل، العام الجاري، هذا العام، هذه السنة، الأسبوع المقبل
        ("R", rf"{bc}(?P<r_u>العام|السنه|الشهر|الاسبوع)\s+(?P<r_q>{qual}){e}"),
        ("THIS", rf"{bc}(?:هذا|هذه)\s+(?P<this_u>العام|السنه|الشهر|الاسبوع){e}"),
        # the year or month last mentioned: نفس العام، العام ذاته، ذلك العام
        ("SAME", rf"{bc}(?:{same_b})\s+(?P<same_u>العام|السنه|الشهر){e}"),
        ("SAME2", rf"{bc}(?P<same_u2>العام|السنه|الشهر)\s+(?:{same_a}){e}"),
        # years after a year word: عام 2014، في 2014، منذ 2014 (عامي 2014 و2015)، منتصف 2016
        ("Y", rf"{b}(?P<y_cue>{year_cue})\s+(?:(?P<y_w>عام|العام|سنه)\s+)?(?P<y_y>\d{{4}})"
         rf"(?:\s*(?P<y_h>{hmark}|{gmark}){e})?{e}"),
    ]
    return Grammar(
        months=months, hijri_months=hijri, hijri_ambiguous=n("hijri_ambiguous"), feasts=feasts,
        feast_prefix=feast_prefix, weekdays=weekdays, ambiguous_months=n("ambiguous_months"),
        past=n("past"), future=n("future"), current=n("current"), future_cues=n("future_cues"), parts=parts,
        number_words=numbers, units=units, plural_units=n("plural_units"), vague_counts=n("vague_counts"),
        relative_days=relative, not_today_after=n("not_today_after"), not_today_before=n("not_today_before"),
        not_date_before=n("not_date_before"), name_heads=n("name_heads"),
        not_year_units=n("not_year_units"), day_words=day_words,
        numeric_cues=n("numeric_date_cues"), not_date_after_number=n("not_date_after_number"),
        dateline_labels=n("dateline_labels"),
        clause_openers=n("clause_openers"), clause_particles=n("clause_particles"),
        dispatch=_dispatch(branches, starts), next_words=_next_words(branches, starts, nexts),
    )


DIGIT = "0"  # the dispatch key of a word that is a number (or ال before one)


def _dispatch(branches: list[tuple[str, str]], starts: dict[str, set[str]]) -> dict[str, re.Pattern]:
    """For each word a date can start with, one pattern holding only the kinds of date that can start with it
    (in the grammar's order): the alternation runs over a few branches instead of all of them."""
    by_word: dict[str, list[int]] = {}
    for i, (kind, _) in enumerate(branches):
        for w in starts[kind]:
            by_word.setdefault(w, []).append(i)
    compiled: dict[tuple[int, ...], re.Pattern] = {}
    out = {}
    for w, idx in by_word.items():
        key = tuple(idx)
        if key not in compiled:
            compiled[key] = re.compile("|".join(branches[i][1] for i in key))
        out[w] = compiled[key]
    return out


def _next_words(branches: list[tuple[str, str]], starts: dict[str, set[str]],
                nexts: dict[str, Callable[[str], set[str] | None]]) -> dict[str, frozenset[str]]:
    """For each start word whose every kind of date says what must follow it (في → a month, a year word, a
    number), those words: the grammar is not tried after في when the next word is none of them."""
    out: dict[str, set[str]] = {}
    anything: set[str] = set()
    for kind, _ in branches:
        for w in starts[kind]:
            allowed = nexts[kind](w) if kind in nexts else None
            if allowed is None:
                anything.add(w)
            else:
                out.setdefault(w, set()).update(allowed)
    return {w: frozenset(v) for w, v in out.items() if w not in anything}


def _day_words(data: dict) -> dict[str, int]:
    """Day numbers 1-31 written as words, composed from the units, teens and tens of data/dates.yaml."""
    units = {n: [norm(w) for w in ws] for n, ws in data["day_units"].items()}
    tens = {n: [norm(w) for w in ws] for n, ws in data["day_tens"].items()}
    out: dict[str, int] = {}
    for n, ws in units.items():
        for w in ws:
            out.setdefault(w, n)
            for teen in data["day_teen"]:
                out.setdefault(f"{w} {norm(teen)}", 10 + n)
            for t in (20, 30):
                if t + n <= 31:
                    for tw in tens[t]:
                        out.setdefault(f"{w} و{tw}", t + n)
    for t, ws in tens.items():
        for w in ws:
            out.setdefault(w, t)
    return out


# --- resolution helpers -------------------------------------------------------------------------------


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    m = d.year * 12 + d.month - 1 + months
    return m // 12, m % 12 + 1


def _month_relative(month: int, anchor: dt.date, direction: str) -> int:
    """The year of ``month`` relative to ``anchor``: past → the last such month (before this one), future →
    the next, none → the nearest."""
    y = anchor.year
    if direction == "past":
        return y if month < anchor.month else y - 1
    if direction == "future":
        return y if month > anchor.month else y + 1
    if direction == "current":
        return y
    if direction == "past_or_now":
        return y if month <= anchor.month else y - 1
    if direction == "future_or_now":
        return y if month >= anchor.month else y + 1
    diff = month - anchor.month
    if diff > 6:
        return y - 1
    if diff < -6:
        return y + 1
    return y


#: days a day may lie before the publication date and still be the present or future of an imperfect verb
#: (يبدأ الشحن من 14 يوليو، تجرى الجلسات من 20 يوليو: an ongoing span, or words written a few days before
#: publication), rather than the same day a year later. A perfect verb gets no such slack: it is past.
FUTURE_SLACK_DAYS = 14


def _day_year(month: int, day: int, anchor: dt.date, direction: str, slack: int = 0) -> int:
    """The year of day ``day`` of ``month`` relative to ``anchor``: past → on or before it, future → on or after
    it (or up to ``slack`` days before it), current → the anchor's year, none → the nearest (within half a year).

    >>> _day_year(6, 3, dt.date(2015, 5, 20), "future"), _day_year(12, 28, dt.date(2015, 1, 3), "nearest")
    (2015, 2014)
    >>> _day_year(7, 14, dt.date(2015, 7, 21), "future"), _day_year(7, 14, dt.date(2015, 7, 21), "future", 14)
    (2016, 2015)
    """
    y = anchor.year
    key = (month, day)
    now = (anchor.month, anchor.day)
    if direction in ("past", "past_or_now"):
        return y if key <= now else y - 1
    if direction in ("future", "future_or_now"):
        return y if key >= now or -slack <= _days_apart(y, month, day, anchor) < 0 else y + 1
    if direction == "current":
        return y
    best = min((y - 1, y, y + 1), key=lambda yy: abs(_days_apart(yy, month, day, anchor)))
    return best


def _days_apart(year: int, month: int, day: int, anchor: dt.date) -> int:
    day = min(day, _calendar.monthrange(year, month)[1])
    return (dt.date(year, month, day) - anchor).days


def _weekday_relative(weekday: int, anchor: dt.date, direction: str) -> dt.date:
    delta = (weekday - anchor.weekday()) % 7
    if direction == "nearest":
        return anchor + dt.timedelta(days=delta if delta <= 3 else delta - 7)
    if direction == "future_strict":
        return anchor + dt.timedelta(days=delta or 7)
    if direction == "past_strict":
        back = (anchor.weekday() - weekday) % 7
        return anchor - dt.timedelta(days=back or 7)
    if direction == "future":
        return anchor + dt.timedelta(days=delta)
    back = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=back)


def _direction(word: str | None, g: Grammar) -> str | None:
    if not word:
        return None
    if word in g.past:
        return "past"
    if word in g.future:
        return "future"
    if word in g.current:
        return "current"
    return None


_CLAUSE_RE = re.compile(r"[.،,؛:!?؟«»“”\"\n]")  # not ( ): an aside does not open a clause
_FUTURE_PREFIX = re.compile(r"^(?:[وف])?(?:س[يتنا][\u0621-\u064a]{2,}|سوف$)")
_PRESENT_PREFIX = re.compile(r"^(?:[وف])?[يت][\u0621-\u064a]{3,}$")
#: a verb of form V or VI in the perfect: ت at the start, the past ending ت (she) or وا (they) at the end
#: (تصاعدت، توصلت، تظاهروا), which the imperfect's ت would otherwise read as present
_PAST_T = re.compile(r"^(?:[وف])?ت[\u0621-\u064a]{3,}(?:ت|وا)$")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a\d]+")


def _verb_tense(words: list[str], g: Grammar, only_future: bool = False) -> str | None:
    """The tense of the verb opening ``words`` (normalized): particles, prepositions and a definite subject
    (الانتخابات ستجرى) are skipped; None when no verb is found."""
    for w in words[:5]:
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if w.isdigit() or bare in g.clause_particles or w in g.clause_particles or bare in g.months:
            continue  # (a month name is no verb: يناير)
        if _PAST_T.match(w):
            return None if only_future else "past"
        if _FUTURE_PREFIX.match(w) or _PRESENT_PREFIX.match(w):
            return "future"
        if w.startswith(("ال", "وال")):
            continue  # a definite noun (the subject of a nominal sentence, the verb may follow) or التقى
        return None if only_future else "past"
    return None


def clause_tense(text: str, start: int, end: int) -> str:
    """``past``, ``future`` or ``none`` for the clause around ``[start, end)`` of normalized text.

    The clause starts after the last punctuation mark or clause opener (إن، التي) before the date; a future
    cue in it (المقبل، المقرر، المرتقب) makes it future, else the verb that opens it decides (VSO: its prefix
    gives the tense). A date opening its clause takes the tense of the verb after it, or of the clause it
    interrupts (وستعقد، يوم الإثنين، قمة). ``none``: a clause with no verb (a nominal sentence).

    >>> clause_tense("يجتمع الوزراء في باريس يوم الأربعاء لمواصلة المحادثات", 22, 34)
    'future'
    >>> clause_tense("حسبما صرح الوزير يوم الثلاثاء", 17, 29)
    'past'
    """
    g = grammar()
    lo = max(0, start - 300)
    marks = [m.end() for m in _CLAUSE_RE.finditer(text, lo, start)]
    left = marks[-1] if marks else lo
    words = _ARABIC_WORD_RE.findall(text, left, start)
    opened = False
    for i in range(len(words) - 1, -1, -1):
        if words[i] in g.clause_openers:
            words, opened = words[i + 1:], True
            break
    stop = _CLAUSE_RE.search(text, end, end + 120)
    right = _ARABIC_WORD_RE.findall(text, end, stop.start() if stop else min(len(text), end + 120))
    for i, w in enumerate(right):
        if w in g.clause_openers:
            right = right[:i]
            break
    if "سوف" in words or any(w in g.future_cues for w in words) or any(w in g.future_cues for w in right[:6]):
        return "future"
    tense = _verb_tense(words, g)
    if tense == "past" and not opened and any(_FUTURE_PREFIX.match(w) for w in right[:2]):
        return "future"  # وخلال اجتماع يوم الاثنين ستناقش: the future verb right after outweighs a noun read as past
    if tense:
        return tense
    opens = not [w for w in words if w not in g.clause_particles]  # the date opens its clause: في 12 يوليو رفضت
    tense = _verb_tense(right, g, only_future=not opens)
    if tense:
        return tense
    if not opened and len(marks) >= 1 and text[left - 1] in "،," and not [
            w for w in words if w not in g.clause_particles and w.removeprefix("و") not in g.months]:
        before = marks[-2] if len(marks) >= 2 else lo
        tense = _verb_tense(_ARABIC_WORD_RE.findall(text, before, left - 1), g)
        if tense:
            return tense
    return "none"


# --- extraction ----------------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int  # in normalized text
    end: int
    value: str
    granularity: str
    kind: str
    calendar: str = "gregorian"
    basis: str = ""
    value_end: str = ""
    today_weekday: int | None = None  # for "اليوم الثلاثاء": lets the publication date be inferred
    refers: str = ""  # "year" | "month": the one last mentioned (نفس العام)
    ymd: tuple[int, int, int] | None = None  # year, month, day in its own calendar (a day-month's, for ranges)


def find_dates(text: str, published: str | None = None, body_start: int = 0, tokens=None,
               normalized: Normalized | None = None) -> list[dict]:
    """Every date expression in ``text``, resolved against ``published`` (ISO date) where relative.

    When ``published`` is None, relative expressions stay unresolved, unless the text fixes the date itself
    ("اليوم الثلاثاء" beside an absolute date that falls on a Tuesday): then that date is the anchor
    (``anchor_basis`` inferred). A date line at the top of the page (before ``body_start``) is kept too
    (basis ``dateline``). ``normalized``: ``normalize(text)`` when already at hand (:attr:`Doc.normalized`).

    >>> [(r["surface"], r["value"]) for r in find_dates("قال أمس إن الهجوم بدأ في 24 فبراير/شباط 2022.", "2026-01-07")]
    [('أمس', '2026-01-06'), ('24 فبراير/شباط 2022', '2022-02-24')]
    """
    g = grammar()
    n = normalized if normalized is not None and normalized.source == text else normalize(text)
    anchor = dt.date.fromisoformat(published) if published else None
    basis = "metadata" if published else "missing"
    del tokens  # scanning the normalized text's own words is cheaper than mapping every token's offset
    found_header = _header_dates(text, n, body_start, g) if body_start else []
    matches = list(_matches(n.text, n.from_source(body_start), g))
    if anchor is None:
        anchor = _infer_anchor([f for m in matches if (f := _interpret(m, n.text, g, None)) is not None])
        basis = "inferred" if anchor else "missing"
    rows = []
    quoted = _quote_spans(n.text) if anchor else []
    history = [""]  # the resolved Gregorian values so far, for "نفس العام"
    for f in found_header:
        rows.append(_row(text, n, f, anchor, basis))
    prev: _Found | None = None
    for m in matches:
        f = _interpret(m, n.text, g, anchor)
        if f is None:
            continue
        if f.refers:
            adjacent = prev is not None and 0 <= f.start - prev.end <= 4 and prev.kind == "relative" and (
                prev.calendar == "gregorian" and prev.value and prev.granularity in ("day", "month"))
            if adjacent:  # "نوفمبر من نفس العام": the month takes the year mentioned before it
                history.pop()
                year = history[-1][:4]
                if year:
                    prev.value, prev.basis = year + prev.value[4:], "mention"
                    rows[-1] = _row(text, n, prev, anchor, basis)
                    history.append(prev.value)
            f = _mentioned(f, history[-1])
        if prev is not None and f.granularity == prev.granularity == "day" and f.calendar != prev.calendar and (
                _SAME_DAY_RE.fullmatch(n.text, prev.end, f.start)):  # 6 أغسطس 2012، الموافق 17 رمضان: one day
            if prev.kind == "absolute" and f.kind == "relative" and prev.value:
                f.value, f.kind, f.basis = prev.value, "absolute", "explicit"
            elif f.kind == "absolute" and prev.kind == "relative" and f.value:
                prev.value, prev.kind, prev.basis = f.value, "absolute", "explicit"
                rows[-1] = _row(text, n, prev, anchor, basis)
        if prev is not None and _joins_range(prev, f, n.text):  # 28 ديسمبر - 3 يناير 2016: one range
            rows[-1] = _row(text, n, _range(prev, f), anchor, basis)
            prev = None
            continue
        if anchor and m.groupdict().get("rel") and any(a <= f.start < b for a, b in quoted):
            f = _speech_day(f, m, n.text, g, anchor, quoted) or f
        if f.value and f.calendar == "gregorian" and f.granularity != "vague":
            history.append(f.value)
        rows.append(_row(text, n, f, anchor, basis))
        prev = f
    return rows


_SAME_DAY_RE = re.compile(r"\s*[،,(]?\s*و?(?:الموافق|الموافقه|يوافق|الذي يوافق|والموافق)(?:\s+ل)?\s*")
_RANGE_GAP_RE = re.compile(r"\s*(?:[-–—]|الي|حتي)?\s*")


def _joins_range(first: _Found, second: _Found, ntext: str) -> bool:
    """A day-month with no year, then a dash or إلى and a full date of the same calendar: one range."""
    return bool(first.ymd and second.ymd and first.calendar == second.calendar and second.kind == "absolute"
                and first.kind == "relative" and first.basis in ("tense", "nearest", "")
                and not first.value_end and _RANGE_GAP_RE.fullmatch(ntext, first.end, second.start))


def _range(first: _Found, second: _Found) -> _Found:
    """The range from ``first`` (its year taken from ``second``) to ``second``."""
    y2, m2, _ = second.ymd
    _, m1, d1 = first.ymd
    y1 = y2 - 1 if m1 > m2 else y2
    try:
        start = _greg(y1, m1, d1) if first.calendar == "hijri" else dt.date(y1, m1, d1)
    except (ValueError, OverflowError):
        return second
    return _Found(first.start, second.end, start.isoformat(), "day", "absolute", first.calendar, "explicit",
                  second.value)


def _row(text: str, n, f: _Found, anchor: dt.date | None, basis: str) -> dict:
    s, e = n.span_to_source(f.start, f.end)
    return {"start": s, "end": e, "surface": text[s:e], "value": f.value, "value_end": f.value_end,
            "granularity": f.granularity, "kind": f.kind, "calendar": f.calendar,
            "basis": f.basis if f.value else "", "anchor": anchor.isoformat() if anchor else "",
            "anchor_basis": basis}


def _mentioned(f: _Found, last: str) -> _Found:
    """"نفس العام" / "الشهر ذاته": the year or month of the last date mentioned before it."""
    if f.refers == "year" and len(last) >= 4:
        return _Found(f.start, f.end, last[:4], "year", "relative", basis="mention")
    if f.refers == "month" and len(last) >= 7:
        return _Found(f.start, f.end, last[:7], "month", "relative", basis="mention")
    return _Found(f.start, f.end, "", f.refers, "relative")


_LINE_RE = re.compile(r"[^\n]+")
_DIGIT_RE = re.compile(r"\d")
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


def _header_dates(text: str, n, body_start: int, g: Grammar) -> list[_Found]:
    """Date lines above the body (``نشر في: 03/01/2025``): each kept as an absolute date, basis dateline."""
    out = []
    for line in _LINE_RE.finditer(n.text, 0, n.from_source(body_start)):
        if len(line.group()) > 80 or not _DIGIT_RE.search(line.group()):
            continue  # every date line has a number
        if line.group().lstrip().lower().startswith("date"):
            continue  # the corpus's own "date YYYY-MM-DD" line: metadata, not article text
        f = _dateline(line.group(), g)
        if f is not None:
            out.append(_Found(line.start() + f.start, line.start() + f.end, f.value, "day", "absolute",
                              f.calendar, "dateline"))
    return out


def _dateline(line: str, g: Grammar) -> _Found | None:
    """The date of a short line holding a date and nothing else but labels and a clock time."""
    if len(line) > 80:
        return None
    for m in _matches(line, 0, g):
        f = _interpret(m, line, g, None)
        if f is None or f.kind != "absolute" or f.granularity != "day" or not f.value:
            continue
        rest = _CLOCK_RE.sub(" ", line[:f.start] + " " + line[f.end:])
        words = [w for w in re.findall(r"\w+", rest) if w not in g.dateline_labels and "ال" + w.removeprefix("ال")
                 not in g.weekdays]
        return f if not words else None
    return None


def dateline_date(line: str) -> str | None:
    """The ISO date of a top-of-page date line, or None when the line is more than a date.

    >>> dateline_date("نشر في: 03/01/2025"), dateline_date("الأربعاء 15 آذار 2023 21:04 م")
    ('2025-01-03', '2023-03-15')
    """
    f = _dateline(norm(line), grammar())
    return f.value if f else None


_WORDS_RE = re.compile(r"\w+")
_NEXT_WORD_RE = re.compile(r"\W{0,3}?\s*(\w+)")


def _matches(ntext: str, start: int, g: Grammar):
    """The date expressions of normalized text, trying the grammar only where a word can start one.

    Like a ``finditer`` of the whole grammar (non-overlapping, leftmost first) but much faster: at a word that
    can open a date, only the kinds of date that can start with it are tried.
    """
    get = g.dispatch.get
    next_words = g.next_words
    digits = g.dispatch[DIGIT]
    end = start
    for w in _WORDS_RE.finditer(ntext, start):
        word = w.group()
        c = word[0]
        at = 0
        if c.isdigit():
            p = digits
        else:
            p = get(word)
            if p is None:
                if c in "وفبل" and len(word) > 2:  # a clitic: وقبل يومين، بالأمس، و2015
                    at, p = 1, digits if word[1].isdigit() else get(word[1:])
                elif c == "ا" and word[1:2] == "ل" and word[2:3].isdigit():  # ال25 من
                    p = digits
                if p is None:
                    continue
            allowed = next_words.get(word[at:])
            if allowed is not None:  # في: only before a month, a year word or a number
                nxt = _NEXT_WORD_RE.match(ntext, w.end())
                if not nxt or (DIGIT if nxt.group(1)[0].isdigit() else nxt.group(1)) not in allowed:
                    continue
        pos = w.start()
        if pos < end:
            continue
        m = p.match(ntext, pos + at)
        if (m is None or m.end() == m.start()) and not at and c in "وفبل" and len(word) > 2:
            q = digits if word[1].isdigit() else get(word[1:])  # وفي: the word itself failed, try without و
            m = q.match(ntext, pos + 1) if q is not None else None
        if m and m.end() > m.start():
            yield m
            end = m.end()


_QUOTE_RE = re.compile(r'«[^»\n]*»|“[^”\n]*”|"[^"\n]*"')
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations (« », “ ”, "…") in normalized text, each within one paragraph."""
    return [m.span() for m in _QUOTE_RE.finditer(text)]


def _speech_day(f: _Found, m: re.Match, ntext: str, g: Grammar, anchor: dt.date,
                quoted: list[tuple[int, int]]) -> _Found | None:
    """"اليوم" (أمس، غداً…) inside a quotation is relative to the day the words were spoken: a date in the same
    sentence, outside quotes (وقال بعد محادثات الثلاثاء: "… أحرزناه اليوم") re-anchors it."""
    left = max((x.end() for x in _SENTENCE_END_RE.finditer(ntext, 0, f.start)), default=0)
    right = next((x.start() for x in _SENTENCE_END_RE.finditer(ntext, f.end)), len(ntext))
    for other in _matches(ntext[:right], left, g):
        if any(a <= other.start() < b for a, b in quoted) or not other.groupdict().get("w_d"):
            continue
        said = _interpret(other, ntext, g, anchor)
        if said and said.value and said.granularity == "day":
            day = dt.date.fromisoformat(said.value) + dt.timedelta(days=g.relative_days[m.group("rel")])
            return _Found(f.start, f.end, day.isoformat(), "day", "relative", basis="speech")
    return None


def _infer_anchor(found: list[_Found]) -> dt.date | None:
    """"اليوم الثلاثاء" with an absolute date falling on a Tuesday fixes the publication date."""
    todays = [f.today_weekday for f in found if f.today_weekday is not None]
    if not todays:
        return None
    days = [dt.date.fromisoformat(f.value) for f in found if f.kind == "absolute" and f.granularity == "day"
            and f.value]
    matching = [d for d in days if d.weekday() in todays]
    return max(matching) if matching else None


class _Match:
    """A match of one of the dispatched patterns: a group the pattern does not have reads as None."""

    __slots__ = ("_d", "_m")

    def __init__(self, m: re.Match) -> None:
        self._m, self._d = m, m.groupdict()

    def group(self, name: str | int = 0) -> str | None:
        return self._m.group(0) if name == 0 else self._d.get(name)

    def groupdict(self) -> dict[str, str | None]:
        return self._d

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._m.end(name)


def _interpret(match: re.Match, ntext: str, g: Grammar, anchor: dt.date | None) -> _Found | None:
    m = _Match(match)
    gd = m.groupdict()
    start, end = m.start(), m.end()
    before = ntext[max(0, start - 25):start].split()
    prev = before[-1] if before else ""
    try:
        if gd.get("iso_y"):
            return _numeric(start, end, int(gd["iso_y"]), int(gd["iso_m"]), int(gd["iso_d"]), gd.get("iso_h"))
        if gd.get("num_y"):
            year = int(gd["num_y"]) if len(gd["num_y"]) == 4 else _full_year(gd["num_y"], anchor)
            f = _numeric(start, end, year, int(gd["num_m"]), int(gd["num_d"]), gd.get("num_h"))
            f.ymd = (year, int(gd["num_m"]), int(gd["num_d"]))
            return f
        if gd.get("dm_d"):
            return _day_month_numbers(m, start, end, g, anchor, ntext, prev)
        if gd.get("h_m"):
            return _hijri(m, start, end, g, anchor, ntext)
        if gd.get("g_m") or gd.get("g_rm") or gd.get("g_cur"):
            return _gregorian_day(m, start, end, g, anchor, ntext, prev)
        if gd.get("md_m"):
            month = _paired_month(m, g, "md_m", "md_m2", "md_m3")
            d = gd["md_d"]
            day = int(d) if d.isdigit() else g.day_words[d]
            return None if month is None else _day(start, end, int(gd["md_y"]), month, day, "absolute")
        if gd.get("nw_d"):
            return _nth_weekday(m, start, end, g, anchor, ntext)
        if gd.get("wk"):
            return _week_of_month(m, start, end, g, anchor, ntext)
        if gd.get("hm_m"):
            return _hijri_month(m, start, end, g, anchor, ntext)
        if gd.get("f_name"):
            return _feast(m, start, end, g, anchor, ntext)
        if gd.get("m_m"):
            return _month(m, start, end, g, anchor, ntext)
        if gd.get("hy_n") or (m.group(0).startswith(("العام", "السنه")) and "هجري" in m.group(0)):
            return _hijri_year(m, start, end, g, anchor)
        if gd.get("w_d"):
            return _weekday(m, start, end, g, anchor, ntext)
        if gd.get("d_u"):
            return _offset(m, start, end, g, anchor, prev)
        if gd.get("q_u"):
            return _quarter(m, start, end, g, anchor)
        if gd.get("v_u"):
            return _Found(start, end, "", "vague", "relative")
        if gd.get("p_part"):
            return _part_of_period(m, start, end, g, anchor)
        if gd.get("r_u") or gd.get("this_u"):
            return _relative_period(m, start, end, g, anchor)
        if gd.get("same_u") or gd.get("same_u2"):
            unit = gd.get("same_u") or gd.get("same_u2")
            return _Found(start, end, "", "month" if unit == "الشهر" else "year", "relative",
                          refers="month" if unit == "الشهر" else "year")
        if gd.get("rel"):
            return _relative_day(m, start, end, g, anchor, ntext, prev)
        if gd.get("y_y"):
            return _year(m, start, end, g, anchor, ntext)
    except OverflowError:  # a Hijri date (or a publication date) outside hijridate's table: kept, unresolved
        return _Found(start, end, "", "day", "relative", "hijri")
    except ValueError:  # 31 فبراير: not a date
        return None
    return None


def _day(start: int, end: int, y: int, mo: int, d: int, kind: str, calendar: str = "gregorian",
         basis: str = "") -> _Found:
    return _Found(start, end, dt.date(y, mo, d).isoformat(), "day", kind, calendar,
                  basis or ("explicit" if kind == "absolute" else ""))


def _numeric(start: int, end: int, year: int, month: int, day: int, hijri_mark: str | None) -> _Found:
    """A numeric date; Hijri when marked (هـ) or when its year can only be Hijri (1300-1500)."""
    if hijri_mark or 1300 <= year <= 1500:
        try:
            return _Found(start, end, _greg(year, month, day).isoformat(), "day", "absolute", "hijri", "explicit")
        except OverflowError:
            return _Found(start, end, "", "day", "absolute", "hijri")
    return _day(start, end, year, month, day, "absolute")


def _full_year(raw: str, anchor: dt.date | None) -> int:
    """A two-digit year in the century that puts it at most a year after the anchor (or today), and at most 30
    years before it (18-9-15 → 2015; 16/04/21 read in 2016 is no date)."""
    y = int(raw)
    if len(raw) == 4:
        return y
    ref = (anchor or dt.date.today()).year
    y += ref // 100 * 100
    y = y - 100 if y > ref + 1 else y
    if ref - y > 30:
        raise ValueError("a two-digit year far from the publication date: not a date")
    return y


def _paired_month(m: re.Match, g: Grammar, a: str, b: str, c: str) -> int | None:
    first = g.months[m.group(a)]
    for other in (m.group(b), m.group(c)):
        if other and g.months.get(other) != first:
            return None  # two different months side by side are not a pair
    return first


def _slack(basis: str) -> int:
    """Days of slack for a future read from the verb (:data:`FUTURE_SLACK_DAYS`); none for a written qualifier."""
    return FUTURE_SLACK_DAYS if basis == "tense" else 0


def _year_direction(qual: str | None, ntext: str, start: int, end: int, g: Grammar) -> tuple[str, str]:
    """(direction, basis) for a date with no year: a qualifier, else the clause's tense, else the nearest."""
    direction = _direction(qual, g)
    if direction:
        return direction, "qualifier"
    tense = clause_tense(ntext, start, end)
    if tense == "none":
        return "nearest", "nearest"
    return tense, "tense"


def _gregorian_day(m, start, end, g, anchor, ntext, prev) -> _Found | None:
    day = int(m.group("g_d")) if m.group("g_d") else g.day_words[m.group("g_dw")]
    day2 = int(m.group("g_d2")) if m.group("g_d2") else g.day_words.get(m.group("g_dw2") or "", 0)
    if day2 and day2 <= day:
        return None  # "5 و 3": not a range of days
    if m.group("g_m"):
        month = _paired_month(m, g, "g_m", "g_m2", "g_m3")
        if month is None:
            return None
        if m.group("g_y"):
            year, kind, basis = int(m.group("g_y")), "absolute", "explicit"
        elif not (m.group("g_q") or m.group("g_ty") or m.group("g_yq")) and _names_head(prev, g):
            return None  # حركة 14 آذار، ميدان 25 يناير: a name, not a day of the year
        elif anchor is not None and (m.group("g_ty") or m.group("g_yq")):
            year, kind, basis = anchor.year + _step(m.group("g_yq"), g), "relative", "qualifier"
        elif anchor is None:
            return _Found(start, end, "", "day", "relative")
        elif not m.group("g_q") and m.group("g_wd") and (
                year := _weekday_year(g.weekdays.get("ال" + m.group("g_wd")), month, day, anchor)):
            kind, basis = "relative", "weekday"  # الثلاثاء 17 فبراير: the year in which it is a Tuesday
        else:
            direction, basis = _year_direction(m.group("g_q"), ntext, start, end, g)
            if direction == "current":
                direction = "nearest"
            year, kind = _day_year(month, day, anchor, direction, _slack(basis)), "relative"
    else:  # 20 من الشهر المقبل، 15 الجاري
        if anchor is None:
            return _Found(start, end, "", "day", "relative")
        step = _step(m.group("g_rq"), g)
        year, month = _shift_month(anchor, step)
        kind, basis = "relative", "qualifier" if m.group("g_rq") or m.group("g_cur") or m.group("g_this") else "nearest"
    f = _day(start, end, year, month, day, kind, basis=basis)
    f.ymd = (year, month, day)
    if day2:
        f.value_end = dt.date(year, month, day2).isoformat()
    return f


def _names_head(prev: str, g: Grammar) -> bool:
    """Whether ``prev``, the normalized word before a day and month, heads a name built on them (حركة، شارع،
    ميدان …), with or without a conjunction or preposition in front.

    >>> _names_head(norm("وحركة"), grammar()), _names_head(norm("في"), grammar())
    (True, False)
    """
    return any(v in g.name_heads for v in clitic_variants(prev, 2))


def _weekday_year(weekday: int | None, month: int, day: int, anchor: dt.date) -> int | None:
    """The year next to ``anchor``'s (the year before, its own, the one after) in which ``day`` ``month`` falls on
    ``weekday``; None when none does (the weekday is then a slip, and tense decides)."""
    if weekday is None:
        return None
    for year in sorted(range(anchor.year - 1, anchor.year + 2), key=lambda y: abs(y - anchor.year)):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                return year
        except ValueError:  # 29 فبراير
            continue
    return None


def _day_month_numbers(m, start, end, g, anchor, ntext, prev) -> _Found | None:
    """في 22/4، يوم 22-4: day and month after a date word, day first (4/22 → 22 April: 22 cannot be a month)."""
    a, b = int(m.group("dm_d")), int(m.group("dm_m"))
    sep = m.group("dm_sep")
    if ntext[max(0, start - 1):start].isdigit() or prev in ("رقم", "قرار", "القرار", "بنتيجه", "نتيجه"):
        return None
    after = re.findall(r"\w+|%", ntext[end:end + 14])
    if sep == "." or prev not in g.numeric_cues or (after and after[0] in g.not_date_after_number):
        return None  # 1/2 كوب، 3.6 ثانية، 2-1: a fraction, a decimal, a score
    day, month = (a, b) if b <= 12 else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if anchor is None:
        return _Found(start, end, "", "day", "relative")
    direction, basis = _year_direction(None, ntext, start, end, g)
    return _day(start, end, _day_year(month, day, anchor, direction, _slack(basis)), month, day, "relative",
                basis=basis)


def _month(m, start, end, g, anchor, ntext) -> _Found | None:
    month = _paired_month(m, g, "m_m", "m_m2", "m_m3")
    if month is None:
        return None
    name = m.group("m_m")
    paired = m.group("m_m2") or m.group("m_m3")
    pre = (m.group("m_pre") or "").split()
    part = g.parts.get(pre[0]) if pre else None
    if pre and not part and pre[0] != "شهر":
        # في / منذ are not part of the date, شهر is
        start = m.start() + m.group(0).find("شهر") if "شهر" in pre else m.start("m_m")
    if m.group("m_y"):
        return _month_found(start, end, int(m.group("m_y")), month, part, "absolute", "explicit")
    rel_year = m.group("m_ty") or m.group("m_yq")
    cue = m.group("m_pre") or m.group("m_q") or paired or rel_year or _after_month(ntext, start, g)
    if not cue or (name in g.ambiguous_months and not (paired or m.group("m_pre") or "").strip()):
        return None  # a bare month name with nothing to say it is one
    if anchor is None:
        return _Found(start, end, "", "part_of_month" if part else "month", "relative")
    if rel_year:
        return _month_found(start, end, anchor.year + _step(m.group("m_yq"), g), month, part, "relative",
                            "qualifier")
    direction = _direction(m.group("m_q"), g)
    basis = "qualifier"
    if direction is None and pre and pre[0] == "منذ":
        direction = "past"
    if direction is None:  # سبتمبر أو أكتوبر المقبلين: a plural qualifier after the next month covers both
        ahead = re.split(r"[.،,؛:\n]", ntext[end:end + 60])[0].split()
        direction = next((d for w in ahead[:5] if (d := _direction(w, g))), None)
    if direction is None:
        tense = clause_tense(ntext, start, end)
        direction = {"past": "past_or_now", "future": "future_or_now"}.get(tense, "nearest")
        basis = "nearest" if tense == "none" else "tense"
    year = _month_relative(month, anchor, direction)
    return _month_found(start, end, year, month, part, "relative", basis)


def _step(qual: str | None, g: Grammar) -> int:
    """-1, 0 or 1 for a past, current (or no) and future qualifier."""
    return {"past": -1, "future": 1}.get(_direction(qual, g) or "", 0)


def _after_month(ntext: str, start: int, g: Grammar) -> bool:
    """True for the second month of a list (في يناير وأبريل): "و" joins it to a month name just before."""
    if ntext[start - 1:start] != "و":
        return False
    words = re.findall(r"[\u0621-\u064a]+", ntext[max(0, start - 40):start - 1])
    return any(w in g.months for w in words[-4:])


def _month_found(start, end, year, month, part, kind, basis, calendar="gregorian") -> _Found:
    if not part:
        return _Found(start, end, f"{year:04d}-{month:02d}", "month", kind, calendar, basis)
    lo, hi = PART_DAYS[part]
    hi = min(hi, _calendar.monthrange(year, month)[1])
    return _Found(start, end, dt.date(year, month, lo).isoformat(), "part_of_month", kind, calendar, basis,
                  dt.date(year, month, hi).isoformat())


def _hijri_today(anchor: dt.date) -> tuple[int, int, int]:
    from hijridate import Gregorian

    h = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri()
    return h.year, h.month, h.day


def _hijri_year_for(month: int, day: int, anchor: dt.date, direction: str, slack: int = 0) -> int:
    """The Hijri year of ``day`` ``month`` (Hijri) relative to ``anchor``: the Hijri year of publication, or the
    one before / after by direction (past, future, nearest). ``slack`` days let a tense be loose: a present verb
    about a feast four days past (يحتفل بعيد الفطر) is about that feast, not next year's."""
    hy = _hijri_today(anchor)[0]
    years = [y for y in (hy - 1, hy, hy + 1) if 1343 <= y <= 1500]
    when = {y: _greg(y, month, min(day, 29)) for y in years}
    if direction in ("past", "past_or_now"):
        ok = [y for y in years if when[y] <= anchor + dt.timedelta(days=slack)]
        return max(ok) if ok else hy
    if direction in ("future", "future_or_now"):
        ok = [y for y in years if when[y] >= anchor - dt.timedelta(days=slack)]
        return min(ok) if ok else hy
    if direction == "current":
        return hy
    return min(years, key=lambda y: abs((when[y] - anchor).days))


def _greg(hy: int, hm: int, hd: int) -> dt.date:
    from hijridate import Hijri

    g = Hijri(hy, hm, hd).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def _hijri_date_year(year: str | None, qualifier: str | None, month: int, day: int, anchor: dt.date | None, ntext: str,
                start: int, end: int, g: Grammar) -> tuple[int, str, str] | None:
    """``(hijri_year, kind, basis)`` of a Hijri date: the year written, else the one the qualifier or the clause's
    tense gives around the publication date (30 days of slack by tense); None without a publication date."""
    if year:
        return int(year), "absolute", "explicit"
    if anchor is None:
        return None
    direction, basis = _year_direction(qualifier, ntext, start, end, g)
    return _hijri_year_for(month, day, anchor, direction, 30 if basis == "tense" else 0), "relative", basis


def _hijri(m, start, end, g, anchor, ntext) -> _Found | None:
    month = g.hijri_months[m.group("h_m")]
    day = 1 if m.group("h_first") else int(m.group("h_d")) if m.group("h_d") else g.day_words[m.group("h_dw")]
    found = _hijri_date_year(m.group("h_y"), m.group("h_q"), month, day, anchor, ntext, start, end, g)
    if found is None:
        return _Found(start, end, "", "day", "relative", "hijri")
    year, kind, basis = found
    try:
        value = _greg(year, month, day)
    except OverflowError:  # outside hijridate's table (1343-1500 AH): kept, unresolved, rather than dropped
        return _Found(start, end, "", "day", kind, "hijri")
    return _Found(start, end, value.isoformat(), "day", kind, "hijri", basis, ymd=(year, month, day))


def _hijri_month(m, start, end, g, anchor, ntext) -> _Found | None:
    name = m.group("hm_m")
    month = g.hijri_months[name]
    pre = m.group("hm_pre").split()[0]
    part = g.parts.get(pre)
    if name in g.hijri_ambiguous and pre != "شهر" and "شهر" not in m.group(0).split() and not (
            m.group("hm_y") or m.group("hm_q")):
        return None  # رجب, شعبان are names too
    if not part and pre != "شهر":
        start = m.start("hm_m") if not m.group(0).split()[1:2] == ["شهر"] else m.start("hm_pre") + len(pre) + 1
    found = _hijri_date_year(m.group("hm_y"), m.group("hm_q"), month, 15, anchor, ntext, start, end, g)
    if found is None:
        return _Found(start, end, "", "part_of_month" if part else "month", "relative", "hijri")
    year, kind, basis = found
    from hijridate import Hijri

    try:
        length = Hijri(year, month, 1).month_length()
        lo, hi = PART_DAYS[part] if part else (1, length)
        first, last = _greg(year, month, lo), _greg(year, month, min(hi, length))
    except OverflowError:
        return _Found(start, end, "", "month", kind, "hijri")
    return _Found(start, end, first.isoformat(), "part_of_month" if part else "month", kind, "hijri", basis,
                  last.isoformat())


def _feast(m, start, end, g, anchor, ntext) -> _Found | None:
    month, day = g.feasts[m.group("f_name")]
    if m.group("f_pre"):
        day += g.feast_prefix[" ".join(m.group("f_pre").split())] - 1
    found = _hijri_date_year(m.group("f_y"), m.group("f_q"), month, day, anchor, ntext, start, end, g)
    if found is None:
        return _Found(start, end, "", "day", "relative", "hijri")
    year, kind, basis = found
    try:
        return _Found(start, end, _greg(year, month, day).isoformat(), "day", kind, "hijri", basis)
    except OverflowError:
        return _Found(start, end, "", "day", kind, "hijri")


def _hijri_year(m, start, end, g, anchor) -> _Found | None:
    raw = m.group("hy_n") or m.group("hy_y")
    if raw:
        year, kind, basis = int(raw), "absolute", "explicit"
    elif anchor is None:
        return _Found(start, end, "", "year", "relative", "hijri")
    else:
        step = _step(m.group("hy_q"), g)
        if m.group("hy_q") in ("الجديد", "الجديده"):
            step = 0
        year, kind, basis = _hijri_today(anchor)[0] + step, "relative", "qualifier" if m.group("hy_q") else "offset"
    if not 1300 <= year <= 1500:
        return None
    try:
        first, last = _greg(year, 1, 1), _greg(year + 1, 1, 1) - dt.timedelta(days=1)
    except OverflowError:
        return _Found(start, end, "", "year", kind, "hijri")
    return _Found(start, end, first.isoformat(), "year", kind, "hijri", basis, last.isoformat())


def _nth_weekday(m, start, end, g, anchor, ntext) -> _Found | None:
    """أول يوم جمعة من يوليو: the n-th (or last) such weekday of a Gregorian or Hijri month."""
    weekday = g.weekdays.get("ال" + m.group("nw_d"))
    n = {"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "اخر": -1}[m.group("nw_n")]
    if weekday is None:
        return None
    hijri = bool(m.group("nw_hm"))
    if m.group("nw_y"):
        year, kind, basis = int(m.group("nw_y")), "absolute", "explicit"
    elif anchor is None:
        return _Found(start, end, "", "day", "relative", "hijri" if hijri else "gregorian")
    if m.group("nw_rm"):
        if anchor is None:
            return _Found(start, end, "", "day", "relative")
        (year, month), kind, basis = _shift_month(anchor, _step(m.group("nw_q"), g)), "relative", "qualifier"
    elif hijri:
        month = g.hijri_months[m.group("nw_hm")]
        if not m.group("nw_y"):
            direction, basis = _year_direction(None, ntext, start, end, g)
            year, kind = _hijri_year_for(month, 15, anchor, direction, 30 if basis == "tense" else 0), "relative"
    else:
        month = g.months[m.group("nw_m")]
        if not m.group("nw_y"):
            direction, basis = _year_direction(None, ntext, start, end, g)
            year, kind = _month_relative(month, anchor, direction), "relative"
    if hijri:
        from hijridate import Hijri

        first, length = _greg(year, month, 1), Hijri(year, month, 1).month_length()
    else:
        first, length = dt.date(year, month, 1), _calendar.monthrange(year, month)[1]
    days = [first + dt.timedelta(days=i) for i in range(length)]
    matching = [d for d in days if d.weekday() == weekday]
    if n > len(matching):
        return None
    day = matching[n - 1] if n > 0 else matching[-1]
    return _Found(start, end, day.isoformat(), "day", kind, "hijri" if hijri else "gregorian", basis)


def _week_of_month(m, start, end, g, anchor, ntext) -> _Found | None:
    n = g.day_words.get(m.group("wk_n"), 0)
    if not 1 <= n <= 5:
        return None
    if m.group("wk_m"):
        month = g.months[m.group("wk_m")]
        if m.group("wk_y"):
            year, kind, basis = int(m.group("wk_y")), "absolute", "explicit"
        elif anchor is None:
            return _Found(start, end, "", "week", "relative")
        else:
            direction, basis = _year_direction(None, ntext, start, end, g)
            year, kind = _month_relative(month, anchor, direction), "relative"
    else:
        if anchor is None:
            return _Found(start, end, "", "week", "relative")
        step = _step(m.group("wk_q"), g)
        (year, month), kind, basis = _shift_month(anchor, step), "relative", "qualifier"
    last = _calendar.monthrange(year, month)[1]
    lo = 7 * (n - 1) + 1
    if lo > last:
        return None
    return _Found(start, end, dt.date(year, month, lo).isoformat(), "week", kind, "gregorian", basis,
                  dt.date(year, month, min(lo + 6, last)).isoformat())


def _week(anchor: dt.date, step: int) -> tuple[str, str]:
    """Monday and Sunday of the ISO week ``step`` weeks from ``anchor``'s."""
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def _relative_period(m, start, end, g, anchor) -> _Found | None:
    unit = m.group("r_u") or m.group("this_u")
    gran = {"الشهر": "month", "الاسبوع": "week"}.get(unit, "year")
    if anchor is None:
        return _Found(start, end, "", gran, "relative")
    step = _step(m.group("r_q"), g)
    if gran == "week":
        lo, hi = _week(anchor, step)
        return _Found(start, end, lo, "week", "relative", basis="offset", value_end=hi)
    if gran == "month":
        y, mo = _shift_month(anchor, step)
        return _Found(start, end, f"{y:04d}-{mo:02d}", "month", "relative", basis="offset")
    return _Found(start, end, f"{anchor.year + step:04d}", "year", "relative", basis="offset")


def _part_of_period(m, start, end, g, anchor) -> _Found | None:
    part = g.parts[m.group("p_part")]
    unit = m.group("p_u")
    if anchor is None:
        return _Found(start, end, "", {"الشهر": "part_of_month", "الاسبوع": "week"}.get(unit, "part_of_year"),
                      "relative")
    step = _step(m.group("p_q"), g)
    if unit == "الاسبوع":
        lo, hi = _week(anchor, step)
        return _Found(start, end, lo, "week", "relative", basis="offset", value_end=hi)
    if unit == "الشهر":
        y, mo = _shift_month(anchor, step)
        return _month_found(start, end, y, mo, part, "relative", "offset")
    return _part_of_year(start, end, anchor.year + step, part, "relative", "offset")


def _quarter(m, start, end, g, anchor) -> _Found | None:
    """الربع الأول من 2015 → 2015-01…2015-03; النصف الثاني من العام الجاري → 2015-07…2015-12."""
    size = 3 if m.group("q_u") == "الربع" else 6
    n = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 12 // size}[m.group("q_n")]
    if n * size > 12:
        return None
    if m.group("q_y") or m.group("q_y2"):
        year, kind, basis = int(m.group("q_y") or m.group("q_y2")), "absolute", "explicit"
    elif anchor is None:
        return _Found(start, end, "", "part_of_year", "relative")
    else:
        year, kind, basis = anchor.year + _step(m.group("q_q"), g), "relative", "offset"
    lo, hi = size * (n - 1) + 1, size * n
    return _Found(start, end, f"{year:04d}-{lo:02d}", "part_of_year", kind, "gregorian", basis,
                  f"{year:04d}-{hi:02d}")


def _part_of_year(start, end, year, part, kind, basis) -> _Found:
    lo, hi = PART_MONTHS[part]
    return _Found(start, end, f"{year:04d}-{lo:02d}", "part_of_year", kind, "gregorian", basis,
                  f"{year:04d}-{hi:02d}")


def _weekday(m, start, end, g, anchor, ntext) -> _Found | None:
    name = "ال" + m.group("w_d") if not m.group("w_d").startswith("ال") else m.group("w_d")
    weekday = g.weekdays.get(name)
    if weekday is None:
        return None
    pre = (m.group("w_pre") or "").strip()
    qual = _direction(m.group("w_q"), g)
    if not m.group("w_al"):
        return None  # a bare or indefinite "ثلاثاء" (في يوم ثلاثاء) is no date
    week_q = m.group("w_wq0") or m.group("w_wq")
    if name == "الاثنين" and not pre and not qual and not week_q:
        return None  # الاثنين is also "the two"
    today = pre == "اليوم"
    if anchor is None:
        f = _Found(start, end, "", "day", "relative")
        f.today_weekday = weekday if today else None
        return f
    if pre in ("امس", "غدا", "غد"):  # "غدا الأربعاء": the relative word gives the day, the weekday confirms it
        d = anchor + dt.timedelta(days=g.relative_days.get(pre, 1))
        if d.weekday() == weekday:
            return _Found(start, end, d.isoformat(), "day", "relative", basis="offset")
        # they disagree: the article was written before the date it carries (a paper dated the day after it was
        # written, a page dated when it was collected). The weekday is the more precise word: the latest such
        # day on or before the one the relative word gives (أمس is before the date, غداً at most a day after)
        d = _weekday_relative(weekday, d, "past")
        return _Found(start, end, d.isoformat(), "day", "relative", basis="weekday")
    basis = "qualifier"
    if week_q:  # الجمعة من الأسبوع المقبل: that weekday in the ISO week before / after the anchor's
        step = _step(week_q, g)
        d = dt.date.fromisoformat(_week(anchor, step)[0]) + dt.timedelta(days=weekday)
        return _Found(start, end, d.isoformat(), "day", "relative", basis=basis)
    if m.group("w_dn"):  # الجمعة 15: the 15th nearest the anchor that falls on a Friday
        d = _weekday_day(weekday, int(m.group("w_dn")), anchor)
        if d:
            return _Found(start, end, d.isoformat(), "day", "relative", basis="nearest")
    if today:
        direction, basis = "nearest", "offset"  # today's weekday, even when the article was dated a day later
    elif qual == "past":
        direction = "past_strict"
    elif qual == "future":
        direction = "future_strict"
    else:
        direction = "future" if clause_tense(ntext, start, end) == "future" else "past"
        basis = "tense"
    d = _weekday_relative(weekday, anchor, direction)
    f = _Found(start, end, d.isoformat(), "day", "relative", basis=basis)
    f.today_weekday = weekday if today else None
    return f


def _weekday_day(weekday: int, day: int, anchor: dt.date) -> dt.date | None:
    """Day ``day`` of the month nearest ``anchor`` (within a year) that falls on ``weekday``."""
    best = None
    for step in range(-12, 13):
        y, mo = _shift_month(anchor, step)
        if day <= _calendar.monthrange(y, mo)[1]:
            d = dt.date(y, mo, day)
            if d.weekday() == weekday and (best is None or abs((d - anchor).days) < abs((best - anchor).days)):
                best = d
    return best


def _offset(m, start, end, g, anchor, prev) -> _Found | None:
    if prev in g.not_date_before:
        return None
    word = m.group("d_u")
    unit = g.units[word]
    raw = m.group("d_n")
    if (raw in g.vague_counts) or (not raw and word in g.plural_units) or (unit == "decade" and not raw):
        return _Found(start, end, "", "vague", "relative")  # قبل أيام، منذ سنوات، قبل بضعة أشهر
    count = g.number_words.get(raw, None) if raw and not raw.isdigit() else int(raw) if raw else None
    if count is None:
        count = 2 if word.endswith(("ين", "ان")) and word not in ("سنين",) else 1
    if m.group("d_dir") == "بعد" and not raw and word in ("يوم",):
        return None  # "بعد يوم" of something: not anchored to publication
    sign = -1 if m.group("d_dir") in ("قبل", "منذ") else 1
    gran = {"day": "day", "week": "day", "decade": "year"}.get(unit, unit)
    if anchor is None:
        return _Found(start, end, "", gran, "relative")
    if unit in ("day", "week"):
        d = anchor + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))
        return _Found(start, end, d.isoformat(), "day", "relative", basis="offset")
    if unit == "month":
        y, mo = _shift_month(anchor, sign * count)
        return _Found(start, end, f"{y:04d}-{mo:02d}", "month", "relative", basis="offset")
    years = count * (10 if unit == "decade" else 1)
    return _Found(start, end, f"{anchor.year + sign * years:04d}", "year", "relative", basis="offset")


def _relative_day(m, start, end, g, anchor, ntext, prev) -> _Found | None:
    word = m.group("rel")
    after = _WORDS_RE.findall(ntext, end, end + 20)
    if word.split()[-1] in ("اليوم", "الليله"):  # (فجر) اليوم التالي، الليلة الثانية: not today
        if (after and after[0] in g.not_today_after) or prev in g.not_today_before:
            return None
        if after and "ال" + after[0].removeprefix("ال") in g.weekdays:
            return None  # "اليوم الثلاثاء": the weekday pattern takes it
    if anchor is None:
        return _Found(start, end, "", "day", "relative")
    d = anchor + dt.timedelta(days=g.relative_days[word])
    return _Found(start, end, d.isoformat(), "day", "relative", basis="offset")


def _year(m, start, end, g, anchor, ntext) -> _Found | None:
    year = int(m.group("y_y"))
    after = ntext[end:end + 20].split()
    if after and after[0] in g.not_year_units:
        return None
    cue = m.group("y_w") or m.group("y_cue")  # في عام 1948: the year word is the cue
    if not 1900 <= year <= 2100 and not (m.group("y_h") and 1300 <= year <= 1500):
        if not (cue in ("عام", "العام", "سنه", "السنه", "عامي") and 1000 <= year <= 2100):
            return None
    if cue in ("في", "قبل", "بعد", "خلال", "حتي") and not m.group("y_h"):
        # a bare number after a preposition is a year only if nothing says it counts things
        if not (1950 <= year <= 2100):
            return None
    hijri = m.group("y_h") and m.group("y_h") in {norm(w) for w in ("هـ", "ه", "هجري", "هجرية", "للهجرة")}
    if hijri:
        try:
            first, last = _greg(year, 1, 1), _greg(year + 1, 1, 1) - dt.timedelta(days=1)
        except OverflowError:  # outside hijridate's table: kept, unresolved
            return _Found(m.start("y_y"), end, "", "year", "absolute", "hijri")
        return _Found(m.start("y_y"), end, first.isoformat(), "year", "absolute", "hijri", "explicit",
                      last.isoformat())
    part = g.parts.get(m.group("y_cue"))
    if part:
        return _part_of_year(start, end, year, part, "absolute", "explicit")
    return _Found(m.start("y_y"), end, f"{year:04d}", "year", "absolute", basis="explicit")


# --- per article and corpus level ---------------------------------------------------------------------


def date_rows(doc: Doc) -> list[dict]:
    """The ``dates`` rows of one article."""
    rows = find_dates(doc.text, doc.published, doc.body_start, doc.tokens, doc.normalized)
    for r in rows:
        r["article_id"] = doc.article_id
        r["sentence_id"] = doc.sentence_id(r["start"])
    return rows


def finalize(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Mark inferred anchors and build the ``events`` table from dates, sentences and actor mentions."""
    tables["events"] = build_events(tables["dates"], tables["sentences"], tables.get("mentions"),
                                    tables["articles"])
    return tables


_WORD_RE = re.compile(r"[\u0621-\u064a]{3,}")


def _content_words(sentence: str) -> set[str]:
    """The normalized words of three letters or more of a sentence, stop words left out.

    >>> sorted(_content_words("وقالَ الوزير إنّ الاتفاق قريب"))
    ['الاتفاق', 'قريب', 'وقال']
    """
    from arnews.actors import lexicon

    stop = lexicon().stop
    return {w for w in norms(_WORD_RE.findall(sentence)) if w not in stop}


def build_events(dates: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame | None,
                 articles: pd.DataFrame, min_similarity: float = 0.25) -> pd.DataFrame:
    """Group dated sentences into events: same date and granularity, and overlapping actors or words.

    A report joins the most similar event of its date (Jaccard of actors or of content words ≥
    ``min_similarity``); only events sharing an actor or a word with it are compared (an inverted index), so
    large corpora stay linear.
    """
    resolved = _event_dates(dates[dates["value"] != ""])
    if resolved.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    # only the dated sentences: memory in proportion to the reports, not to the corpus
    dated = sentences.merge(resolved[["article_id", "sentence_id"]].drop_duplicates(), on=["article_id", "sentence_id"])
    sent = {(a, int(i)): (t, int(s), int(e)) for a, i, t, s, e in zip(
        dated["article_id"], dated["sentence_id"], dated["text"], dated["start"], dated["end"], strict=True)}
    actors_by_sentence: dict[tuple[str, int], set[str]] = {}
    if mentions is not None and len(mentions):
        for a, i, actor in zip(mentions["article_id"], mentions["sentence_id"], mentions["actor_id"], strict=True):
            actors_by_sentence.setdefault((a, int(i)), set()).add(actor)
    outlets = dict(zip(articles["article_id"], articles["outlet"].fillna(""), strict=True))
    reports = (resolved.drop_duplicates(["article_id", "sentence_id", "value"])
               .sort_values(["value", "article_id", "sentence_id"]))
    events: list[dict] = []
    index: dict[tuple[str, str, str], list[int]] = {}  # (date, granularity, feature) → event numbers
    for aid, sid, value, gran in zip(reports["article_id"], reports["sentence_id"], reports["value"],
                                     reports["granularity"], strict=True):
        key = (aid, int(sid))
        if key not in sent:
            continue
        text, start, end = sent[key]
        report = {"key": key, "text": text, "start": start, "end": end,
                  "actors": actors_by_sentence.get(key, set()), "words": _content_words(text)}
        # actors, and the report's eight longest words: common words would make every event a candidate
        features = {f"a:{x}" for x in report["actors"]} | {
            f"w:{x}" for x in sorted(report["words"], key=lambda w: (-len(w), w))[:8]}
        candidates = {n for f in features for n in index.get((value, gran, f), ())}
        best, best_sim = None, 0.0
        for n in sorted(candidates):
            ev = events[n]
            sim = max(_jaccard(report["actors"], ev["actors"]), _jaccard(report["words"], ev["words"]))
            if sim > best_sim:
                best, best_sim = n, sim
        if best is not None and best_sim >= min_similarity:
            ev = events[best]
            ev["reports"].append(report)
            ev["articles"].append(aid)
            ev["actors"] |= report["actors"]
            ev["words"] |= report["words"]
            number = best
        else:
            events.append({"date": value, "granularity": gran, "reports": [report], "articles": [aid],
                           "actors": set(report["actors"]), "words": set(report["words"])})
            number = len(events) - 1
        for f in features:
            index.setdefault((value, gran, f), []).append(number)
    rows = []
    for i, ev in enumerate(sorted(events, key=lambda e: (e["date"], -len(set(e["articles"])))), start=1):
        arts = list(dict.fromkeys(ev["articles"]))
        named = sorted({o for o in (outlets.get(a, "") for a in arts) if o})
        unknown = sum(1 for a in arts if not outlets.get(a, ""))
        rows.append({
            "event_id": f"e{i:03d}", "date": ev["date"], "granularity": ev["granularity"],
            "actors": " | ".join(_ordered_actors(ev)), "summary": ev["reports"][0]["text"],
            "article_ids": " | ".join(arts), "outlets": " | ".join(named + (["unknown outlet"] * bool(unknown))),
            "n_outlets": len(named) + unknown, "n_reports": len(ev["reports"]),
            "evidence": "; ".join(f"{r['key'][0]}:{r['start']}-{r['end']}" for r in ev["reports"]),
        })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


_EVENT_GRANULARITY = {"week": ("month", 7), "part_of_month": ("month", 7), "part_of_year": ("year", 4)}


def _event_dates(dates: pd.DataFrame) -> pd.DataFrame:
    """Dates as events place them: a week or part of a month at its month, a part of a year at its year, a Hijri
    month or year at the Gregorian month or year it starts in (events have day, month or year granularity)."""
    out = dates.copy()
    for gran, (to, width) in _EVENT_GRANULARITY.items():
        rows = out["granularity"] == gran
        out.loc[rows, "value"] = out.loc[rows, "value"].str[:width]
        out.loc[rows, "granularity"] = to
    spans = (out["granularity"].isin(["month", "year"])) & (out["value"].str.len() == 10)  # Hijri month, year
    out.loc[spans, "value"] = [v[:7] if g == "month" else v[:4] for v, g in
                               zip(out.loc[spans, "value"], out.loc[spans, "granularity"], strict=True)]
    return out


def _ordered_actors(ev: dict) -> list[str]:
    counts: Counter = Counter()
    for r in ev["reports"]:
        counts.update(r["actors"])
    return [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]  # ties: stable across runs


def _jaccard(a: set, b: set) -> float:
    """Jaccard similarity of two sets (the union counted, not built); 0 when either is empty.

    >>> _jaccard({"قال", "وزير"}, {"وزير", "اتفاق", "قريب"})
    0.25
    """
    if not a or not b:
        return 0.0
    both = len(a & b)
    return both / (len(a) + len(b) - both)


def extract_dates(articles: pd.DataFrame) -> pd.DataFrame:
    """The ``dates`` table of an articles table (one process)."""
    from arnews.corpus import docs

    rows = [r for d in docs(articles) for r in date_rows(d)]
    return pd.DataFrame(rows, columns=DATE_COLUMNS)


# --- the stage's contract (see arnews.stages) ----------------------------------------------------------------

STAGE = Stage(
    "timeline", per_article=date_rows, rows_table="dates", corpus_step=finalize,
    requires=("articles", "sentences", "mentions"),
    produces={
        "dates": Table(DATE_COLUMNS, {
            "article_id, start, end, surface": "where the expression is, as written",
            "value": "ISO 8601 date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` — for a range or a span, its first day "
                     "(month, year); empty when it cannot be resolved (no publication date, a Hijri date outside "
                     "hijridate's table 1343–1500 AH) or is vague",
            "value_end": "the last day (month) of a range (`من 4 إلى 6 أغسطس` → 2015-08-06), of a part of a month "
                         "or year, a week, a Hijri month or a Hijri year; empty for a single day, month or year",
            "granularity": "`day` (one day, or a range of days with value_end), `week` (value–value_end: a "
                           "calendar week Monday–Sunday, or days 1–7, 8–14… of a month for `الأسبوع الثالث من`), "
                           "`part_of_month` (early = days 1–10, mid = 11–20, late = 21–end: `منتصف الشهر "
                           "المقبل`, `أواخر مايو`), `month`, `part_of_year` (early = Jan–Apr, mid = May–Aug, late "
                           "= Sep–Dec: `أواخر العام`; a quarter or half: `الربع الأول من 2015`), `year`, `vague` (`قبل "
                           "أيام`, `منذ سنوات`: kept, no value)",
            "kind": "absolute (the text gives the year) or relative (resolved against the publication date or "
                    "another date)",
            "calendar": "gregorian or hijri (Hijri dates are converted with hijridate; value and value_end are "
                        "Gregorian)",
            "basis": "what decided the value: `explicit` (written out), `dateline` (the date line at the top of "
                     "the page), `offset` (a fixed step from the publication date: `أمس`, `غداً`, `قبل يومين`, "
                     "`العام الماضي`), `qualifier` (`الماضي` / `المقبل` / `الجاري` beside it), `tense` (the tense "
                     "of its clause: a future or present verb, `المقرر`, `المرتقب` → on or after the publication "
                     "date, or up to 14 days before it (an ongoing span); a past verb → on or before it), "
                     "`weekday` (`الثلاثاء 17 فبراير`: the year, of the "
                     "publication year and its neighbours, in which 17 February is a Tuesday; `أمس الثلاثاء` or `غداً "
                     "الأحد` whose weekday is not the day `أمس` or `غداً` gives: the article was written before the "
                     "date it carries, so the latest such weekday on or before that day), `nearest` (nothing "
                     "says: the occurrence nearest the publication date), `speech` (relative to the day a quoted "
                     "speaker spoke), `mention` (`نفس العام`: the year last mentioned); empty when there is no "
                     "value",
            "sentence_id": "the sentence holding it",
            "anchor": "the date relative expressions were resolved against",
            "anchor_basis": "metadata, inferred (the text fixes it: `اليوم الثلاثاء` beside an absolute date) or "
                            "missing",
        }, about="`arnews.timeline`"),
        "events": Table(EVENT_COLUMNS, {
            "event_id": "`e001`, … in date order",
            "date, granularity": "the event's date",
            "actors": "actor_ids named in its sentences, most named first",
            "summary": "the first sentence reporting it",
            "article_ids, outlets, n_outlets": "who reported it",
            "n_reports": "how many dated sentences report it",
            "evidence": "`article_id:start-end` of every reporting sentence",
        }),
    },
)
