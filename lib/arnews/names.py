"""Readable English forms of Arabic personal names, for what a reader sees (the briefing, figures, notebooks).

The actors table's ``name_en`` comes from curated data where the person is known, else from a letter-by-letter
transliteration (:func:`arnews.actors.transliterate`: «Mhmd Bn Slman», «Juzif Blatr») that keeps ids stable but
reads badly. For display, :func:`readable` replaces those transliterations with the form the offline
``arabic-name-romanizer`` gives (MIT; a dictionary of names from Wikidata, then a small model): «Mohamed bin
Salman», «Joseph Belater». It costs tens of milliseconds a name, so only the most mentioned people are
romanized, and each name once: results are kept per name in memory and, given a file, on disk. ``actor_id`` and
the extracted tables do not change. Without the package, names stay as they are.

Measured on the 28 curated office-holders of ``data/people.yaml`` against their English names (difflib ratio):
romanizer 0.75, letter-by-letter 0.70; on Arabic names the difference is larger (see the examples in the tests).
"""

from __future__ import annotations

import json
import os
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


def _is_transliterated(name_ar: str, name_en: str) -> bool:
    from arnews.actors import transliterate

    return bool(name_ar) and name_en == transliterate(norm(name_ar))


def readable(actors: pd.DataFrame, top: int = 400, cache_file: str | Path | None = None) -> pd.DataFrame:
    """``actors`` with the ``name_en`` of the ``top`` most mentioned people whose English name is only a
    letter-by-letter transliteration replaced by its romanized form (a copy; other rows unchanged)."""
    if actors.empty or _romanizer() is None:
        return actors
    stored: dict[str, str] = {}
    if cache_file and Path(cache_file).exists():
        try:
            stored = json.loads(Path(cache_file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
    people = actors[actors["kind"] == "person"].sort_values("mentions", ascending=False, kind="stable").head(top)
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


__all__ = ["readable", "romanize"]
