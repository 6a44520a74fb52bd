"""One place for the Arabic language data: every file of ``lib/arnews/data`` loaded and validated here, and the
vocabularies several extractors share (month and weekday names, time words, speech verbs, number words, clitics)
defined once.

Each data file has a schema (:data:`SCHEMAS`): which keys it must hold and what each holds. :func:`load` checks a
file against it when it is first read and raises :class:`LanguageDataError` with one line per defect (file, key,
entry, what is wrong), the way dateparser validates its language files; :func:`check_all` lists the defects of
every file without raising. Every file must also say where its content came from (a ``Source`` comment).

What Babel/CLDR and hijridate know (Gregorian month names in the three series, weekday names, Hijri month names)
is taken from them; the data files add only the spellings and words they lack.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from arnews.text import norm

#: the proclitics the extractors strip for matching (see :func:`arnews.text.clitic_variants`)
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"

_ARABIC_RE = re.compile(r"[\u0621-\u064a]")

# A schema maps each required key to what it holds:
#   "words"          a list of Arabic words or phrases (non-empty strings with an Arabic letter)
#   "codes"          a list of non-empty strings (ISO codes and the like)
#   "word->int"      a mapping of Arabic words to integers
#   "word->text"     a mapping of Arabic words to non-empty strings
#   "key->words"     a mapping of keys to lists of Arabic words
#   "word->monthday" a mapping of Arabic words to a [month, day] pair (month 1–12, day 1–30: a Hijri feast)
#   ("records", {field: kind})  a list of mappings, each with those fields ("words" or "text"; "?" marks optional)
#   ("key->record", {field: kind})  a mapping of keys to such mappings
_PERSON = {"id": "text", "en": "text", "ar": "words", "surnames?": "words", "affiliation?": "text",
           "role_en?": "text", "role_ar?": "text"}
SCHEMAS: dict[str, dict[str, Any]] = {
    "countries.yaml": {"aliases": "key->words", "demonyms": "key->words", "no_demonym": "codes",
                       "not_countries": "words", "common_word_names": "words",
                       "common_word_context": "words", "capitals": ("key->record", {"en": "text", "ar": "words"})},
    "dates.yaml": {"month_variants": "key->words", "hijri_variants": "key->words", "ambiguous_months": "words",
                   "past": "words", "future": "words", "current": "words", "hijri_markers": "words",
                   "gregorian_markers": "words", "year_cues": "words", "not_year_units": "words",
                   "not_date_before": "words", "name_heads": "words", "number_words": "word->int",
                   "units": "key->words",
                   "relative_days": "word->int", "not_today_after": "words", "not_today_before": "words",
                   "day_parts": "words", "clause_particles": "words", "day_units": "key->words",
                   "day_teen": "words", "day_tens": "key->words", "hijri_ambiguous": "words",
                   "feast_day_prefix": "word->int", "future_cues": "words", "period_parts": "word->text",
                   "first_day_words": "words", "same_before": "words", "same_after": "words",
                   "that_before": "words", "vague_counts": "words", "plural_units": "words",
                   "relative_day_words": "word->int", "numeric_date_cues": "words", "hijri_feasts": "word->monthday",
                   "not_date_after_number": "words", "dateline_labels": "words", "clause_openers": "words"},
    "given_names.yaml": {"arabic": "words", "arabic_more": "words", "foreign": "words", "female": "words",
                         "no_hamza_spelling": "words", "word_names": "words", "generation_words": "words",
                         "nicknames": "word->text"},
    "lexicon.yaml": {"function_words": "words", "speech_verbs": "word->text", "agent_verbs": "words",
                     "unnamed_speakers": "words", "place_heads": "words", "place_preceders": "words",
                     "person_anaphors": "words", "list_openers": "words", "event_heads": "words",
                     "office_heads": "words", "meeting_heads": "words", "place_titles": "words",
                     "before_allah": "words", "before_rahman_din": "words", "blessings_before_allah": "words",
                     "nisba_specifiers": "words",
                     "reading_units": "key->words", "intraday_cues": "words",
                     "subject_change_cues": "words"},
    "organizations.yaml": {
        "organizations": ("records", {"id": "text", "kind": "text", "en": "text", "ar": "words",
                                      "affiliation?": "text"}),
        "media": ("records", {"id": "text", "en": "text", "ar": "words", "affiliation?": "text"}),
        "adjectives": "key->words", "govbodies": ("records", {"ar": "words", "en": "text"}),
        "org_heads": "key->words", "common_word_aliases": "words", "agency_heads": "words"},
    "org_glossary.yaml": {"phrases": "word->text", "nouns": "word->text", "adjectives": "word->text"},
    "people.yaml": {"people": ("records", _PERSON)},
    "places.yaml": {"places": ("records", {"ar": "words", "en": "text", "country?": "text"})},
    "quotes.yaml": {"continuation_participles": "words", "complementizers": "words", "back_reference": "words",
                    "attributions": "words", "documents": "words", "anaphors": "words", "document_verbs": "words",
                    "speech_verb_lemmas": "words", "speech_verbs_present": "words", "needs_complement": "words",
                    "transmission_verbs": "words", "media_heads": "words", "organization_heads": "words",
                    "negations": "words", "quote_introducers": "words", "subject_pronouns": "words",
                    "subject_openers": "words", "verb_adverbs": "words", "np_breaks": "words",
                    "channel_openers": "words", "channel_accounts": "words", "noun_before": "words",
                    "relative_markers": "words", "relative_pronouns": "words", "person_heads": "words",
                    "relay_verbs": "words", "needs_content": "words",
                    "speech_events": "words", "honorific_titles": "key->words", "honoured_not_after": "words",
                    "object_first": "words", "honorific_nouns": "words",
                    "relation_heads": "words", "not_surnames": "words", "aide_heads": "words",
                    "principal_titles": "words", "approximators": "words", "state_nouns": "words",
                    "local_bodies": "words", "institution_nouns": "words",
                    "listener_verbs": "words", "human_heads": "words", "human_plurals": "words",
                    "human_quantifiers": "words", "institution_heads": "words", "information_sources": "words",
                    "conditionals": "words", "prepositions_before_noun": "words", "cue_nouns": "key->words",
                    "elatives_before_noun": "words", "writer_first_person": "words",
                    "cue_objects": "key->words",
                    "masculine_countries": "words", "written_pieces": "words", "object_verbs": "words",
                    "group_heads": "words", "expected_before": "words", "channel_media": "words",
                    "club_nouns": "words", "addressee_markers": "words", "object_pronouns": "words",
                    "forward_pointers": "words", "naming_verbs": "words", "occasion_adjuncts": "words",
                    "surname_verbs": "words", "aspect_verbs": "words", "view_verbs": "words",
                    "not_introducers": "words", "country_pairs": "words", "modal_particles": "words",
                    "contrast_particles": "words", "evidence_nouns": "words", "interrogatives": "words",
                    "plural_sources": "words",
                    "account_nouns": "words",
                    "same_body_words": "words", "head_aliases": "key->words", "agency_fields": "words",
                    "medium_offices": "words", "office_alone_heads": "words", "branch_nouns": "words",
                    "clause_words": "words", "person_epithets": "words", "feminine_epithets": "words",
                    "intensifiers": "words", "plural_demonstratives": "words", "person_noun_cues": "words",
                    "denial_verbs": "words", "titled_works": "words",
                    "asking_verbs": "words"},
    "stance_cues.yaml": {"support": "words", "oppose": "words", "conditional": "words",
                         "anaphoric_objects": "words", "negators": "words", "requirement": "words"},
    "titles.yaml": {"titles": ("records", {"ar": "words", "en": "text", "org_title?": "bool"}),
                    "title_modifiers": "word->text"},
}


class LanguageDataError(ValueError):
    """A data file does not match its schema; the message lists every defect, one per line."""


def _words(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return [f"{where}: expected a list of Arabic words, found {type(value).__name__}"]
    out = []
    for i, w in enumerate(value):
        if not isinstance(w, str) or not w.strip():
            out.append(f"{where}[{i}]: expected a non-empty word, found {w!r}")
        elif not _ARABIC_RE.search(w):
            out.append(f"{where}[{i}]: {w!r} has no Arabic letter")
    return out


def _key(key: Any, where: str) -> list[str]:
    if isinstance(key, bool):  # YAML 1.1 reads NO (Norway), YES, ON, OFF as booleans
        return [f"{where}: key {key!r} was read as a boolean (YAML reads NO, YES, ON, OFF so); quote it: \"NO\""]
    return []


def _month_day(value: Any, where: str) -> list[str]:
    """The defects of a ``[month, day]`` pair of a Hijri feast."""
    ok = (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool)
                                                               for v in value)
          and 1 <= value[0] <= 12 and 1 <= value[1] <= 30)
    return [] if ok else [f"{where}: expected [month, day] with month 1–12 and day 1–30, found {value!r}"]


def _check(kind: Any, value: Any, where: str) -> list[str]:
    """The defects of ``value`` against ``kind`` (see :data:`SCHEMAS`)."""
    if kind == "words":
        return _words(value, where)
    if kind == "codes":
        if not isinstance(value, list):
            return [f"{where}: expected a list, found {type(value).__name__}"]
        return [f"{where}[{i}]: expected a non-empty string, found {v!r}" for i, v in enumerate(value)
                if not isinstance(v, str) or not v.strip()]
    if kind == "text":
        return [] if isinstance(value, str) and value.strip() else [f"{where}: expected text, found {value!r}"]
    if kind == "bool":
        return [] if isinstance(value, bool) else [f"{where}: expected true or false, found {value!r}"]
    if not isinstance(value, dict) and kind in ("word->int", "word->text", "key->words", "word->monthday"):
        return [f"{where}: expected a mapping, found {type(value).__name__}"]
    if kind == "word->int":
        return [e for k, v in value.items() for e in _words([k], f"{where}.{k}")
                + ([] if isinstance(v, int) and not isinstance(v, bool) else [f"{where}.{k}: expected a number, "
                                                                               f"found {v!r}"])]
    if kind == "word->text":
        return [e for k, v in value.items() for e in _words([k], f"{where}.{k}") + _check("text", v, f"{where}.{k}")]
    if kind == "word->monthday":
        return [e for k, v in value.items() for e in _words([k], f"{where}.{k}") + _month_day(v, f"{where}.{k}")]
    if kind == "key->words":
        return [e for k, v in value.items() for e in _key(k, where) + _words(v, f"{where}.{k}")]
    shape, fields = kind
    if shape == "key->record":
        if not isinstance(value, dict):
            return [f"{where}: expected a mapping, found {type(value).__name__}"]
        items = [(f"{where}.{k}", v) for k, v in value.items()]
        out = [e for k in value for e in _key(k, where)]
    else:
        if not isinstance(value, list):
            return [f"{where}: expected a list of entries, found {type(value).__name__}"]
        items = [(f"{where}[{i}]", v) for i, v in enumerate(value)]
        out = []
    for at, rec in items:
        if not isinstance(rec, dict):
            out.append(f"{at}: expected an entry with {', '.join(f.rstrip('?') for f in fields)}, found {rec!r}")
            continue
        for f, fkind in fields.items():
            name = f.rstrip("?")
            if name not in rec:
                if not f.endswith("?"):
                    out.append(f"{at}: missing {name!r}")
                continue
            out += _check(fkind, rec[name], f"{at}.{name}")
    ids = [rec.get("id") for _, rec in items if isinstance(rec, dict) and "id" in rec]
    out += [f"{where}: id {i!r} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1}, key=str)]
    return out


def validate(name: str, text: str) -> tuple[dict, list[str]]:
    """Parse data file ``name`` (its ``text``) and list its defects, each as ``name: key…: problem``."""
    where = f"lib/arnews/data/{name}"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        return {}, [f"{where}: not valid YAML ({e})"]
    if not isinstance(data, dict):
        return {}, [f"{where}: expected a mapping of keys at the top level"]
    defects = []
    head = [ln for ln in text.splitlines()[:15] if ln.startswith("#")]
    if not any("source" in ln.lower() or "compiled" in ln.lower() for ln in head):
        defects.append(f"{where}: the header comment does not say where the content came from (Source: …)")
    for key, kind in SCHEMAS.get(name, {}).items():
        if key not in data:
            defects.append(f"{where}: missing key {key!r}")
        else:
            defects += [f"{where}: {d}" for d in _check(kind, data[key], key)]
    return data, defects


def data_files() -> list[str]:
    """The names of every YAML file in ``lib/arnews/data``."""
    return sorted(p.name for p in resources.files("arnews").joinpath("data").iterdir() if p.name.endswith(".yaml"))


@cache
def load(name: str) -> dict:
    """Data file ``name`` of ``lib/arnews/data``, validated (:class:`LanguageDataError` lists every defect).

    >>> "قال" in load("lexicon.yaml")["speech_verbs"]
    True
    """
    text = resources.files("arnews").joinpath("data", name).read_text(encoding="utf-8")
    data, defects = validate(name, text)
    if defects:
        raise LanguageDataError(f"{len(defects)} defect(s) in the language data; fix each:\n  "
                                + "\n  ".join(defects))
    return data


def check_all() -> list[str]:
    """Every defect of every data file (an empty list when all are valid)."""
    out = []
    for name in data_files():
        text = resources.files("arnews").joinpath("data", name).read_text(encoding="utf-8")
        out += validate(name, text)[1]
        if name not in SCHEMAS:
            out.append(f"lib/arnews/data/{name}: no schema in arnews.lang.SCHEMAS; add one")
    return out


# --- shared vocabularies ----------------------------------------------------------------------------------

#: the locales whose month names make up the three Gregorian series: Egyptian/Gulf (ar), Levantine (ar_SY),
#: Maghrebi (ar_TN, ar_MA, ar_MR)
MONTH_LOCALES = ("ar", "ar_SY", "ar_TN", "ar_MA", "ar_MR")


@cache
def month_names() -> dict[str, int]:
    """Normalized Gregorian month names → month number: CLDR's three series and the variants of dates.yaml.

    >>> month_names()["يناير"], month_names()["كانون الثاني"], month_names()["جانفي"]
    (1, 1, 1)
    """
    from babel import Locale

    months: dict[str, int] = {}
    for loc in MONTH_LOCALES:
        for num, name in Locale.parse(loc).months["format"]["wide"].items():
            months.setdefault(norm(name), int(num))
    for num, names in load("dates.yaml")["month_variants"].items():
        for name in names:
            months.setdefault(norm(name), int(num))
    return months


@cache
def hijri_month_names() -> dict[str, int]:
    """Normalized Hijri month names (hijridate, with the variants of dates.yaml) → month number.

    >>> hijri_month_names()["رمضان"]
    9
    """
    from hijridate import Hijri

    hijri = {norm(Hijri(1440, m, 1).month_name("ar")): m for m in range(1, 13)}
    for num, names in load("dates.yaml")["hijri_variants"].items():
        for name in names:
            hijri.setdefault(norm(name), int(num))
    return hijri


@cache
def weekday_names() -> dict[str, int]:
    """Normalized weekday names (CLDR, with the article) → Babel's weekday number (0 = Monday).

    >>> weekday_names()["الثلاثاء"]
    1
    """
    from babel import Locale

    return {norm(name): int(num) for num, name in Locale("ar").days["format"]["wide"].items()}


@cache
def time_words() -> frozenset[str]:
    """Single words that name a month or a weekday (with and without the article): never part of a person's name.

    The standard (CLDR ``ar``) month and weekday names count with and without the article; the other series'
    names and variants as written, and a two-word month name (كانون الثاني) by its first word only: الثاني is
    also a regnal number, and a bare weekday (خميس) also a given name.

    >>> {"يناير", "الثلاثاء", "كانون", "الثاني", "خميس"} & time_words() == {"يناير", "الثلاثاء", "كانون"}
    True
    """
    from babel import Locale

    ar = Locale("ar")
    standard = {norm(n) for n in ar.months["format"]["wide"].values()} | set(weekday_names())
    out = standard | {"ال" + w[2:] if w.startswith("ال") else "ال" + w for w in standard}
    out |= {name.split()[0] for name in month_names()}
    return frozenset(out)


@cache
def speech_verbs() -> frozenset[str]:
    """Normalized speech verbs (lexicon.yaml, where each maps to its English sense): قال، أكد، أضاف …

    >>> "اكد" in speech_verbs()
    True
    """
    return frozenset(norm(v) for v in load("lexicon.yaml")["speech_verbs"])


@cache
def agent_verbs() -> frozenset[str]:
    """Normalized verbs whose subject is the actor of an event (lexicon.yaml): التقى، استقبل، اجتمع، زار …

    >>> "استقبل" in agent_verbs()
    True
    """
    return frozenset(norm(v) for v in load("lexicon.yaml")["agent_verbs"])


@cache
def number_words() -> dict[str, int]:
    """Normalized number words (dates.yaml) → value.

    >>> number_words()["ثلاثه"]
    3
    """
    return {norm(k): int(v) for k, v in load("dates.yaml")["number_words"].items()}


__all__ = ["ARTICLE", "CONJUNCTIONS", "PREPOSITIONS", "SCHEMAS", "LanguageDataError", "check_all", "data_files",
           "hijri_month_names", "load", "month_names", "number_words", "speech_verbs", "time_words", "validate",
           "weekday_names"]
