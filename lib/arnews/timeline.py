"""Timeline: every date expression, normalized against the publication date, and the events they anchor.

``dates`` (``DATE_COLUMNS``, written as ``dates.csv``): article_id, start, end, surface, value (ISO 8601:
YYYY-MM-DD, YYYY-MM or YYYY; empty when it cannot be resolved), granularity (day | month | year), kind
(absolute | relative), calendar (gregorian | hijri), sentence_id, anchor (the date relative expressions were
resolved against), anchor_basis (metadata | text | inferred | missing).

``events`` (``EVENT_COLUMNS``, written as ``events.csv``): one row per dated event — event_id, date,
granularity, actors (actor_ids named in its sentences), summary (the first sentence reporting it), article_ids,
outlets, n_outlets, n_reports, evidence (``article_id:start-end`` of every sentence). The same event reported by
several articles (same date, overlapping actors or words) is one row with all its sources.

What is a date: day-month-year in the three Gregorian month series and in Hijri (``24 فبراير/شباط 2022``,
``17 تشرين الثاني/نوفمبر 2025``, ``25 شوال 1436 هـ``), paired month names, month-year, years after a year word,
``العام الماضي``, ``الشهر المقبل``, ``أمس``, ``أمس الأول``, ``اليوم``, ``غداً``, ``بعد غد``, ``قبل يومين``,
``قبل أسبوع``, weekdays (resolved by the tense of their clause: a past verb → the last such day, a present or
future verb → the next, today included), ``منذ تشرين الثاني/نوفمبر الماضي`` → that month. What is not: durations
(``لمدة 3 سنوات``, ``نحو 4 سنوات``), ``حتى الآن``, ``اليوم التالي``, clock times and video stamps, numbers that are
not years.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pandas as pd

from arnews import lang
from arnews.lang import load as load_data
from arnews.stages import Stage, Table
from arnews.text import Doc, norm, normalize

DATE_COLUMNS = ["article_id", "start", "end", "surface", "value", "granularity", "kind", "calendar", "sentence_id",
                "anchor", "anchor_basis"]
EVENT_COLUMNS = ["event_id", "date", "granularity", "actors", "summary", "article_ids", "outlets", "n_outlets",
                 "n_reports", "evidence"]


def _alternation(words) -> str:
    return "|".join(sorted({re.escape(w) for w in words if w}, key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    ambiguous_months: frozenset[str]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    number_words: dict[str, int]
    units: dict[str, str]
    relative_days: dict[str, int]
    day_words: dict[str, int]
    not_today_after: frozenset[str]
    not_today_before: frozenset[str]
    not_date_before: frozenset[str]
    not_year_units: frozenset[str]
    clause_particles: frozenset[str]
    pattern: re.Pattern
    triggers: frozenset[str]  # words at which a date expression can start


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

    day_words = _day_words(data)
    dayw = _alternation(day_words)
    mon = _alternation(months)
    hmon = _alternation(hijri)
    wd = _alternation({w[2:] if w.startswith("ال") else w for w in weekdays})
    qual = _alternation(n("past") | n("future") | n("current"))
    hmark = _alternation(norm(w) for w in data["hijri_markers"])
    gmark = _alternation(norm(w) for w in data["gregorian_markers"])
    rel = _alternation(norm(k) for k in data["relative_days"])
    unit = _alternation(units)
    num_word = _alternation(numbers)
    year_cue = _alternation(norm(w) for w in data["year_cues"])
    b, e = r"(?<![\w])", r"(?![\w])"
    bc = r"(?:(?<![\w])|(?<=(?<![\w])[وف]))"  # a word start, or after the conjunction و / ف (وقبل يومين)
    pattern = re.compile(
        "|".join([
            # ISO and numeric dates: 2015-08-10, 10/8/2015
            rf"{b}(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}}){e}",
            rf"{b}(?P<num_d>\d{{1,2}})(?P<sep>[/.\-])(?P<num_m>\d{{1,2}})(?P=sep)(?P<num_y>\d{{4}}){e}",
            rf"{b}(?P<ymd_y>\d{{4}})/(?P<ymd_m>\d{{1,2}})/(?P<ymd_d>\d{{1,2}}){e}",
            # Hijri day month year: 25 شوال 1436 هـ
            rf"{b}(?:ال)?(?P<h_d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<h_m>{hmon}){e}"
            rf"(?:\s+(?:من\s+)?(?:عام\s+|سنه\s+)?(?P<h_y>\d{{4}})(?:\s*(?:{hmark}){e})?)?",
            # Gregorian day month(/month) (year) (qualifier): 24 فبراير/شباط 2022، 28 كانون الأول/ديسمبر الفائت
            rf"{b}(?:(?:ال)?(?P<g_d>\d{{1,2}})\s*[.\-/]?|(?P<g_dw>{dayw}))\s+(?:من\s+)?(?:شهر\s+)?(?P<g_m>{mon})"
            rf"(?:\s*[/\-–(]\s*(?P<g_m2>{mon})\)?|\s+(?P<g_m3>{mon}))?{e}"
            rf"(?:\s*[،,]?\s+(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<g_y>\d{{4}})(?:\s*(?:{gmark}){e})?)?"
            rf"(?:\s+(?P<g_q>{qual}){e})?",
            # (شهر) month(/month) year | qualifier: مارس/آذار 2025، تشرين الثاني/نوفمبر الماضي
            rf"(?P<m_pre>{b}(?:شهر|خلال|في|منذ|حتى|مطلع|منتصف|اواخر|اوائل|بدايه|نهايه)\s+)?"
            rf"{b}(?P<m_m>{mon})(?:\s*[/\-–(]\s*(?P<m_m2>{mon})\)?|\s+(?P<m_m3>{mon}))?{e}"
            rf"(?:\s*[،,]?\s+(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<m_y>\d{{4}}){e}|\s+(?P<m_q>{qual}){e})?",
            # weekdays: (اليوم|يوم|مساء) الثلاثاء (الماضي)
            rf"{bc}(?P<w_pre>(?:اليوم|امس|غدا|يوم|مساء|صباح|ظهر|ليل|ليله|فجر|عصر)\s+)?(?P<w_al>ال)?(?P<w_d>{wd}){e}"
            rf"(?:\s+(?P<w_q>{qual}){e})?",
            # relative days: أمس الأول، أمس، اليوم، غداً، بعد غد
            rf"{bc}(?P<rel>{rel}){e}",
            # قبل يومين، قبل 3 أيام، بعد أسبوع، قبل ثلاثة أشهر
            rf"{bc}(?P<d_dir>قبل|بعد)\s+(?:(?P<d_n>\d{{1,3}}|{num_word})\s+)?(?P<d_u>{unit}){e}",
            # العام الماضي، الشهر المقبل، العام الجاري
            rf"{bc}(?P<r_u>العام|السنه|الشهر)\s+(?P<r_q>{qual}){e}",
            # years after a year word: عام 2014، في 2014، منذ 2014 (عامي 2014 و2015)
            rf"{b}(?P<y_cue>{year_cue})\s+(?P<y_y>\d{{4}})(?:\s*(?P<y_h>{hmark}|{gmark}){e})?{e}",
        ])
    )
    return Grammar(
        months=months, hijri_months=hijri, weekdays=weekdays, ambiguous_months=n("ambiguous_months"),
        past=n("past"), future=n("future"), current=n("current"), number_words=numbers, units=units,
        relative_days={norm(k): v for k, v in data["relative_days"].items()},
        not_today_after=n("not_today_after"), not_today_before=n("not_today_before"),
        not_date_before=n("not_date_before"), not_year_units=n("not_year_units"), day_words=day_words,
        clause_particles=n("clause_particles"), pattern=pattern,
        triggers=frozenset(
            {w.split()[0] for w in months} | {w.split()[0] for w in hijri} | set(weekdays)
            | {w[2:] for w in weekdays} | {w.split()[0] for w in day_words}
            | {norm(k).split()[0] for k in data["relative_days"]}
            | {norm(w) for w in data["year_cues"]}
            | {"شهر", "خلال", "في", "منذ", "حتي", "مطلع", "منتصف", "اواخر", "اوائل", "بدايه", "نهايه", "اليوم", "امس",
               "غدا", "يوم", "مساء", "صباح", "ظهر", "ليل", "ليله", "فجر", "عصر", "قبل", "بعد", "العام", "السنه",
               "الشهر", "ال"}
        ),
    )


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


def clause_tense(text: str, start: int, end: int) -> str:
    """``past`` or ``future`` for the clause around ``[start, end)``, from the verb that opens it.

    >>> clause_tense("يجتمع الوزراء في باريس يوم الأربعاء لمواصلة المحادثات", 22, 34)
    'future'
    >>> clause_tense("حسبما صرح الوزير يوم الثلاثاء", 17, 29)
    'past'
    """
    g = grammar()
    left = max((m.end() for m in _CLAUSE_RE.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    words = [norm(w) for w in re.findall(r"[\w]+", text[left:start])]
    if "سوف" in words:
        return "future"
    for w in words[:4]:  # the verb opens the clause (VSO): its prefix gives the tense
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if bare in g.clause_particles or w in g.clause_particles:
            continue
        return "future" if _FUTURE_PREFIX.match(w) or _PRESENT_PREFIX.match(w) else "past"
    return "past"


# --- extraction ----------------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int  # in normalized text
    end: int
    value: str
    granularity: str
    kind: str
    calendar: str = "gregorian"
    today_weekday: int | None = None  # for "اليوم الثلاثاء": lets the publication date be inferred


def find_dates(text: str, published: str | None = None, body_start: int = 0, tokens=None) -> list[dict]:
    """Every date expression in ``text``, resolved against ``published`` (ISO date) where relative.

    When ``published`` is None, relative expressions stay unresolved, unless the text fixes the date itself
    ("اليوم الثلاثاء" beside an absolute date that falls on a Tuesday): then that date is the anchor
    (``anchor_basis`` inferred).

    >>> [(r["surface"], r["value"]) for r in find_dates("قال أمس إن الهجوم بدأ في 24 فبراير/شباط 2022.", "2026-01-07")]
    [('أمس', '2026-01-06'), ('24 فبراير/شباط 2022', '2022-02-24')]
    """
    g = grammar()
    n = normalize(text)
    anchor = dt.date.fromisoformat(published) if published else None
    basis = "metadata" if published else "missing"
    del tokens  # scanning the normalized text's own words is cheaper than mapping every token's offset
    matches = list(_matches(n.text, n.from_source(body_start), g))
    if anchor is None:
        anchor = _infer_anchor([f for m in matches if (f := _interpret(m, n.text, g, None)) is not None])
        basis = "inferred" if anchor else "missing"
    rows = []
    quoted = _quote_spans(n.text)
    for m in matches:
        f = _interpret(m, n.text, g, anchor)
        if f is None:
            continue
        if anchor and m.group("rel") and any(a <= f.start < b for a, b in quoted):
            f = _speech_day(f, m, n.text, g, anchor, quoted) or f
        s, e = n.span_to_source(f.start, f.end)
        rows.append({"start": s, "end": e, "surface": text[s:e], "value": f.value, "granularity": f.granularity,
                     "kind": f.kind, "calendar": f.calendar, "anchor": anchor.isoformat() if anchor else "",
                     "anchor_basis": basis})
    return rows


_WORDS_RE = re.compile(r"\w+")


def _matches(ntext: str, start: int, g: Grammar, words: list[tuple[int, str]] | None = None):
    """The date expressions of normalized text, trying the grammar only where a word can start one.

    Equivalent to ``g.pattern.finditer(ntext, start)`` (non-overlapping, leftmost first) but much faster: the
    big alternation runs at a few positions instead of at every character.
    """
    triggers = g.triggers
    end = start
    if words is None:
        words = [(w.start(), w.group()) for w in _WORDS_RE.finditer(ntext, start)]
    for pos, word in words:
        if pos < end or not word:
            continue
        tries = []
        if word[0].isdigit() or word in triggers:
            tries.append(pos)
        if len(word) > 2 and word[0] in "وفب" and (word[1:] in triggers or word[1].isdigit()):
            tries.append(pos + 1)
        if word.startswith(("ال", "بال")) and word[2:] and (word[0] == "ا" and word[2].isdigit()):
            tries.append(pos)
        for p in tries:
            m = g.pattern.match(ntext, p)
            if m and m.end() > m.start():
                yield m
                end = m.end()
                break


_QUOTE_RE = re.compile(r'«[^»\n]*»|“[^”\n]*”|"[^"\n]*"')
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations (« », “ ”, "…") in normalized text, each within one paragraph."""
    return [m.span() for m in _QUOTE_RE.finditer(text)]


def _speech_day(f: _Found, m: re.Match, ntext: str, g: Grammar, anchor: dt.date,
                quoted: list[tuple[int, int]]) -> _Found | None:
    """"اليوم" inside a quotation is the day the words were spoken: a date in the same sentence, outside quotes
    (وقال بعد محادثات الثلاثاء: "… أحرزناه اليوم") re-anchors it."""
    left = max((x.end() for x in _SENTENCE_END_RE.finditer(ntext, 0, f.start)), default=0)
    right = next((x.start() for x in _SENTENCE_END_RE.finditer(ntext, f.end)), len(ntext))
    for other in _matches(ntext[:right], left, g):
        if any(a <= other.start() < b for a, b in quoted) or not other.group("w_d"):
            continue
        said = _interpret(other, ntext, g, anchor)
        if said and said.value and said.granularity == "day":
            day = dt.date.fromisoformat(said.value) + dt.timedelta(days=g.relative_days[m.group("rel")])
            return _Found(f.start, f.end, day.isoformat(), "day", "relative")
    return None


def _infer_anchor(found: list[_Found]) -> dt.date | None:
    """"اليوم الثلاثاء" with an absolute date falling on a Tuesday fixes the publication date."""
    todays = [f.today_weekday for f in found if f.today_weekday is not None]
    if not todays:
        return None
    days = [dt.date.fromisoformat(f.value) for f in found if f.kind == "absolute" and f.granularity == "day"]
    matching = [d for d in days if d.weekday() in todays]
    return max(matching) if matching else None


def _interpret(m: re.Match, ntext: str, g: Grammar, anchor: dt.date | None) -> _Found | None:
    gd = m.groupdict()
    start, end = m.start(), m.end()
    before = ntext[max(0, start - 25):start].split()
    prev = before[-1] if before else ""
    try:
        if gd.get("iso_y"):
            return _day(start, end, int(gd["iso_y"]), int(gd["iso_m"]), int(gd["iso_d"]), "absolute")
        if gd.get("num_y"):
            return _day(start, end, int(gd["num_y"]), int(gd["num_m"]), int(gd["num_d"]), "absolute")
        if gd.get("ymd_y"):
            return _day(start, end, int(gd["ymd_y"]), int(gd["ymd_m"]), int(gd["ymd_d"]), "absolute")
        if gd.get("h_m"):
            return _hijri(m, start, end, g, anchor)
        if gd.get("g_m"):
            return _gregorian_day(m, start, end, g, anchor, ntext)
        if gd.get("m_m"):
            return _month(m, start, end, g, anchor, ntext)
        if gd.get("w_d"):
            return _weekday(m, start, end, g, anchor, ntext)
        if gd.get("d_u"):
            return _offset(m, start, end, g, anchor, prev)
        if gd.get("r_u"):
            if anchor is None:
                return _Found(start, end, "", "year" if gd["r_u"] != "الشهر" else "month", "relative")
            step = {"past": -1, "future": 1}.get(_direction(gd["r_q"], g) or "current", 0)
            if gd["r_u"] == "الشهر":
                y, mo = _shift_month(anchor, step)
                return _Found(start, end, f"{y:04d}-{mo:02d}", "month", "relative")
            return _Found(start, end, f"{anchor.year + step:04d}", "year", "relative")
        if gd.get("rel"):
            return _relative_day(m, start, end, g, anchor, ntext, prev)
        if gd.get("y_y"):
            return _year(m, start, end, g, anchor, ntext)
    except (ValueError, OverflowError):  # 31 فبراير, a Hijri year outside hijridate's range: not a date
        return None
    return None


def _day(start: int, end: int, y: int, mo: int, d: int, kind: str, calendar: str = "gregorian") -> _Found:
    return _Found(start, end, dt.date(y, mo, d).isoformat(), "day", kind, calendar)


def _paired_month(m: re.Match, g: Grammar, a: str, b: str, c: str) -> int | None:
    first = g.months[m.group(a)]
    for other in (m.group(b), m.group(c)):
        if other and g.months.get(other) != first:
            return None  # two different months side by side are not a pair
    return first


def _gregorian_day(m, start, end, g, anchor, ntext) -> _Found | None:
    month = _paired_month(m, g, "g_m", "g_m2", "g_m3")
    if month is None:
        return None
    day = int(m.group("g_d")) if m.group("g_d") else g.day_words[m.group("g_dw")]
    if m.group("g_y"):
        return _day(start, end, int(m.group("g_y")), month, day, "absolute")
    if anchor is None:
        return _Found(start, end, "", "day", "relative")
    direction = _direction(m.group("g_q"), g) or ("past" if clause_tense(ntext, start, end) == "past" else None)
    year = _month_relative(month, anchor, direction or "nearest")
    if direction == "past" and month == anchor.month:
        year = anchor.year if day <= anchor.day else anchor.year - 1
    return _day(start, end, year, month, day, "relative")


def _month(m, start, end, g, anchor, ntext) -> _Found | None:
    month = _paired_month(m, g, "m_m", "m_m2", "m_m3")
    if month is None:
        return None
    name = m.group("m_m")
    paired = m.group("m_m2") or m.group("m_m3")
    if m.group("m_pre") and not m.group("m_pre").startswith("شهر"):
        start = m.start("m_m")  # في / منذ are not part of the date
    if m.group("m_y"):
        return _Found(start, end, f"{int(m.group('m_y')):04d}-{month:02d}", "month", "absolute")
    cue = m.group("m_pre") or m.group("m_q") or paired
    if not cue or (name in g.ambiguous_months and not (paired or m.group("m_pre") or "").strip()):
        return None  # a bare month name with nothing to say it is one
    if anchor is None:
        return _Found(start, end, "", "month", "relative")
    direction = _direction(m.group("m_q"), g)
    if direction is None and (m.group("m_pre") or "").strip() == "منذ":
        direction = "past"
    if direction is None:  # سبتمبر أو أكتوبر المقبلين: a plural qualifier after the next month covers both
        ahead = re.split(r"[.،,؛:\n]", ntext[end:end + 60])[0].split()
        direction = next((d for w in ahead[:5] if (d := _direction(w, g))), None)
    if direction is None:
        tense = clause_tense(ntext, start, end)
        direction = "past_or_now" if tense == "past" else "future_or_now"
    year = _month_relative(month, anchor, direction)
    return _Found(start, end, f"{year:04d}-{month:02d}", "month", "relative")


def _hijri(m, start, end, g, anchor) -> _Found | None:
    from hijridate import Hijri

    month = g.hijri_months[m.group("h_m")]
    day = int(m.group("h_d"))
    if not m.group("h_y"):
        return None  # a Hijri day without its year is too uncertain to place
    try:
        greg = Hijri(int(m.group("h_y")), month, day).to_gregorian()
    except OverflowError:  # outside hijridate's table (1343-1500 AH): kept, unresolved, rather than dropped
        return _Found(start, end, "", "day", "absolute", "hijri")
    except ValueError:
        return None
    return _Found(start, end, dt.date(greg.year, greg.month, greg.day).isoformat(), "day", "absolute", "hijri")


def _weekday(m, start, end, g, anchor, ntext) -> _Found | None:
    name = "ال" + m.group("w_d") if not m.group("w_d").startswith("ال") else m.group("w_d")
    weekday = g.weekdays.get(name)
    if weekday is None:
        return None
    pre = (m.group("w_pre") or "").strip()
    qual = _direction(m.group("w_q"), g)
    if not m.group("w_al") and not pre:
        return None  # a bare "ثلاثاء" is no date
    if name == "الاثنين" and not pre and not qual:
        return None  # الاثنين is also "the two"
    today = pre == "اليوم"
    if anchor is None:
        f = _Found(start, end, "", "day", "relative")
        f.today_weekday = weekday if today else None
        return f
    if pre in ("امس", "غدا"):  # "غدا الأربعاء": the relative word gives the day, the weekday confirms it
        d = anchor + dt.timedelta(days=g.relative_days[pre])
        return _Found(start, end, d.isoformat(), "day", "relative")
    if today:
        direction = "nearest"  # today's weekday, even when the article was dated a day later
    elif qual == "past":
        direction = "past_strict"
    elif qual == "future":
        direction = "future_strict"
    else:
        direction = "future" if clause_tense(ntext, start, end) == "future" else "past"
    d = _weekday_relative(weekday, anchor, direction)
    f = _Found(start, end, d.isoformat(), "day", "relative")
    f.today_weekday = weekday if today else None
    return f


def _offset(m, start, end, g, anchor, prev) -> _Found | None:
    if prev in g.not_date_before:
        return None
    unit = g.units[m.group("d_u")]
    raw = m.group("d_n")
    count = g.number_words.get(raw, None) if raw and not raw.isdigit() else int(raw) if raw else None
    word = m.group("d_u")
    if count is None:
        count = 2 if word.endswith(("ين", "ان")) and word not in ("سنين",) else 1
    if m.group("d_dir") == "بعد" and not raw and word in ("يوم",):
        return None  # "بعد يوم" of something: not anchored to publication
    sign = -1 if m.group("d_dir") == "قبل" else 1
    if anchor is None:
        return _Found(start, end, "", {"day": "day", "week": "day"}.get(unit, unit), "relative")
    if unit in ("day", "week"):
        d = anchor + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))
        return _Found(start, end, d.isoformat(), "day", "relative")
    if unit == "month":
        y, mo = _shift_month(anchor, sign * count)
        return _Found(start, end, f"{y:04d}-{mo:02d}", "month", "relative")
    return _Found(start, end, f"{anchor.year + sign * count:04d}", "year", "relative")


def _relative_day(m, start, end, g, anchor, ntext, prev) -> _Found | None:
    word = m.group("rel")
    after = ntext[end:end + 20].split()
    if word == "اليوم":
        if (after and after[0] in g.not_today_after) or prev in g.not_today_before:
            return None
        if after and "ال" + after[0].removeprefix("ال") in g.weekdays:
            return None  # "اليوم الثلاثاء": the weekday pattern takes it
    if anchor is None:
        return _Found(start, end, "", "day", "relative")
    d = anchor + dt.timedelta(days=g.relative_days[word])
    return _Found(start, end, d.isoformat(), "day", "relative")


def _year(m, start, end, g, anchor, ntext) -> _Found | None:
    year = int(m.group("y_y"))
    after = ntext[end:end + 20].split()
    if after and after[0] in g.not_year_units:
        return None
    cue = m.group("y_cue")
    if not 1900 <= year <= 2100 and not (m.group("y_h") and 1300 <= year <= 1500):
        return None
    if cue in ("في", "قبل", "بعد", "خلال", "حتى") and not m.group("y_h"):
        # a bare number after a preposition is a year only if nothing says it counts things
        if not (1950 <= year <= 2100):
            return None
    hijri = m.group("y_h") and m.group("y_h") in {norm(w) for w in ("هـ", "ه", "هجري", "هجرية", "للهجرة")}
    if hijri:
        from hijridate import Hijri

        try:
            greg = Hijri(year, 1, 1).to_gregorian()
        except OverflowError:  # outside hijridate's table: kept, unresolved
            return _Found(m.start("y_y"), end, "", "year", "absolute", "hijri")
        return _Found(m.start("y_y"), end, f"{greg.year:04d}", "year", "absolute", "hijri")
    return _Found(m.start("y_y"), end, f"{year:04d}", "year", "absolute")


# --- per article and corpus level ---------------------------------------------------------------------


def date_rows(doc: Doc) -> list[dict]:
    """The ``dates`` rows of one article."""
    rows = find_dates(doc.text, doc.published, doc.body_start, doc.tokens)
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
    from arnews.actors import lexicon

    stop = lexicon().stop
    return {w for w in (norm(x) for x in _WORD_RE.findall(sentence)) if w not in stop}


def build_events(dates: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame | None,
                 articles: pd.DataFrame, min_similarity: float = 0.25) -> pd.DataFrame:
    """Group dated sentences into events: same date and granularity, and overlapping actors or words.

    A report joins the most similar event of its date (Jaccard of actors or of content words ≥
    ``min_similarity``); only events sharing an actor or a word with it are compared (an inverted index), so
    large corpora stay linear.
    """
    resolved = dates[dates["value"] != ""]
    if resolved.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    sent = {(a, int(i)): (t, int(s), int(e)) for a, i, t, s, e in zip(
        sentences["article_id"], sentences["sentence_id"], sentences["text"], sentences["start"], sentences["end"],
        strict=True)}
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


def _ordered_actors(ev: dict) -> list[str]:
    counts: Counter = Counter()
    for r in ev["reports"]:
        counts.update(r["actors"])
    return [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]  # ties: stable across runs


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


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
            "value": "ISO 8601 date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; empty when it cannot be resolved (no "
                     "publication date, or a Hijri date outside hijridate's table, 1343–1500 AH)",
            "granularity": "day, month or year",
            "kind": "absolute (the text gives the date) or relative (resolved against the publication date)",
            "calendar": "gregorian or hijri (Hijri dates are converted with hijridate; value is Gregorian)",
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
