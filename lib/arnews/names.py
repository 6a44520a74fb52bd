"""Readable English forms of Arabic personal names, for what a reader sees (the briefing, figures, notebooks).

The actors table's ``name_en`` comes from curated data where the person is known, else from a letter-by-letter
transliteration (:func:`arnews.actors.transliterate`: «Mhmd Bn Slman», «Juzif Blatr») that keeps ids stable but
reads badly. For display, :func:`readable` replaces those transliterations with the form the offline
``arabic-name-romanizer`` gives (MIT; a dictionary of names from Wikidata, then a small model): «Mohamed bin
Salman», «Joseph Belater». It costs tens of milliseconds a name, so only the most mentioned people are
romanized, and each name once: results are kept per name in memory and, given a file, on disk. ``actor_id`` and
the extracted tables do not change. Without the package, names stay as they are.

Organizations the curated data does not hold get the same treatment from a glossary of institutional words
(``data/org_glossary.yaml``): :func:`gloss_org` turns «مجلس الوزراء» into «Council of Ministers» and «اللجنة
التنفيذية» into «Executive Committee» (adjectives before their noun, genitives with "of", a closing demonym as
"of <country>"), and leaves a name with any word it does not know as it is.

Measured on the 28 curated office-holders of ``data/people.yaml`` against their English names (difflib ratio):
romanizer 0.75, letter-by-letter 0.70; on Arabic names the difference is larger (see the examples in the tests).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from arnews.text import norm


@cache
def _romanizer():
    try:
        import arabic_name_romanizer
    except ImportError:  # optional at run time: names then stay transliterated
        return None
    return arabic_name_romanizer


@cache
def romanize(name_ar: str) -> str:
    """The readable English form of an Arabic personal name ("" when the romanizer is not installed).

    >>> romanize("محمد بن سلمان")  # doctest: +SKIP
    'Mohamed bin Salman'
    """
    r = _romanizer()
    if r is None or not name_ar.strip():
        return ""
    try:
        out = r.transliterate(name_ar)
    except Exception:  # a name the romanizer cannot read: keep the transliteration
        return ""
    return out if isinstance(out, str) else str(out[0]) if out else ""


@cache
def _glossary() -> tuple[dict[tuple[str, ...], str], dict[str, str], dict[str, str]]:
    """(phrases, nouns, adjectives) of ``org_glossary.yaml``, normalized and without the article."""
    from arnews import lang

    data = lang.load("org_glossary.yaml")
    phrases = {tuple(_bare(w) for w in norm(k).split()): v for k, v in data["phrases"].items()}
    nouns = {_bare(norm(k)): v for k, v in data["nouns"].items()}
    adjectives = {}
    for k, v in data["adjectives"].items():
        base = _bare(norm(k))
        adjectives[base] = v
        adjectives[base + "ه"] = v  # the feminine: التنفيذية
        if base.endswith("ي"):
            adjectives[base[:-1] + "يه"] = v
    return phrases, nouns, adjectives


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@cache
def gloss_org(name_ar: str) -> str:
    """The English form of an organization's Arabic name from the glossary of institutional words; "" when a
    word of it is not in the glossary.

    >>> gloss_org("اللجنة الأولمبية الدولية"), gloss_org("وزارة الداخلية")
    ('International Olympic Committee', 'Ministry of Interior')
    """
    from arnews.actors import lexicon

    phrases, nouns, adjectives = _glossary()
    words = norm(name_ar).split()
    country = ""
    lex = lexicon()
    for k in (2, 1):  # a closing demonym: وزارة الداخلية السعودية → … of Saudi Arabia
        e = lex.entities.get(tuple(words[-k:])) if len(words) > k else None
        if e is not None and getattr(e, "kind", "") == "country":  # الأمريكية، السعودية (name and adjective)
            country, words = e.name_en, words[:-k]
            break
    bare = [_bare(w) for w in words]
    if len(bare) < 2 and not country:
        return ""  # one word (الشباب، الأهلي): a club or a common noun as often as an institution
    groups: list[tuple[str, list[str]]] = []  # (noun, its adjectives in Arabic order)
    i = 0
    while i < len(bare):
        for k in range(min(4, len(bare) - i), 1, -1):
            if tuple(bare[i:i + k]) in phrases:
                groups.append((phrases[tuple(bare[i:i + k])], []))
                i += k
                break
        else:
            w = bare[i]
            if w in adjectives and groups:
                groups[-1][1].append(adjectives[w])
            elif w in nouns:
                groups.append((nouns[w], []))
            else:
                return ""
            i += 1
    if not groups:
        return ""
    # Arabic: N A1 A2, A2 qualifying [N A1]; English: A2 A1 N
    parts = [("of " if j else "") + " ".join([*reversed(adjs), noun]) for j, (noun, adjs) in enumerate(groups)]
    return " ".join(parts) + (f" of {country}" if country else "")


def _is_transliterated(name_ar: str, name_en: str) -> bool:
    from arnews.actors import transliterate

    return bool(name_ar) and name_en in (transliterate(norm(name_ar)), transliterate(name_ar))  # ة as a or h


def _glossed_orgs(actors: pd.DataFrame) -> pd.DataFrame:
    """``actors`` with the transliterated ``name_en`` of organizations replaced by :func:`gloss_org` where it knows
    every word (a copy when anything changes)."""
    orgs = actors[actors["kind"].isin(["organization", "group"])]
    new = {i: g for i, ar, en in zip(orgs.index, orgs["name_ar"], orgs["name_en"], strict=True)
           if _is_transliterated(str(ar), str(en)) and (g := gloss_org(str(ar)))}
    if not new:
        return actors
    out = actors.copy()
    out.loc[list(new), "name_en"] = list(new.values())
    return out


def readable(actors: pd.DataFrame, top: int = 400, cache_file: str | Path | None = None,
             also: Iterable[str] = ()) -> pd.DataFrame:
    """``actors`` with the ``name_en`` of the ``top`` most mentioned people (and of the people whose actor_id is in
    ``also``: those a report shows whatever their rank) whose English name is only a letter-by-letter
    transliteration replaced by its romanized form, and of organizations by their glossed form (:func:`gloss_org`)
    (a copy; other rows unchanged)."""
    if actors.empty:
        return actors
    actors = _glossed_orgs(actors)
    if _romanizer() is None:
        return actors
    stored: dict[str, str] = {}
    if cache_file and Path(cache_file).exists():
        try:
            stored = json.loads(Path(cache_file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
    persons = actors[actors["kind"] == "person"]
    people = persons.sort_values("mentions", ascending=False, kind="stable").head(top)
    people = pd.concat([people, persons[persons["actor_id"].isin(set(also)) & ~persons.index.isin(people.index)]])
    todo = [(i, ar) for i, ar, en in zip(people.index, people["name_ar"], people["name_en"], strict=True)
            if _is_transliterated(str(ar), str(en))]
    if not todo:
        return actors
    out = actors.copy()
    changed = False
    for i, ar in todo:
        if ar not in stored:
            stored[ar] = romanize(ar)
            changed = True
        if stored[ar]:
            out.at[i, "name_en"] = stored[ar]
    if cache_file and changed:
        tmp = Path(f"{cache_file}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(stored, ensure_ascii=False, indent=0), encoding="utf-8")
            os.replace(tmp, cache_file)
        except OSError:  # a read-only cache: the names are still shown, only computed again next time
            tmp.unlink(missing_ok=True)
    return out


__all__ = ["gloss_org", "readable", "romanize"]
