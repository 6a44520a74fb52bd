"""Load a corpus of Arabic news articles into one table, one row per article.

``load(source)`` accepts a folder of ``.txt`` / ``.html`` files with an optional ``metadata.csv``, or a
single ``.csv``, ``.json`` (a list of objects), ``.jsonl`` or ``.zip`` (holding one of those) file.

Columns of the result (``ARTICLE_COLUMNS``):

=================  ==========================================================================================
article_id         the file name without extension (folders), or the record's id / row number (tables)
file               the file it came from (for tables: ``name.json#17``)
outlet             who published it; empty when unknown
published          publication date (``datetime64``; ``NaT`` when unknown)
published_basis    ``metadata`` (metadata.csv or the record), ``text`` (the article's own header or page
                   markup) or ``missing``
title              the headline; empty when unknown
text               the article text as written (for HTML, the extracted text); offsets in every other table
                   refer to this string
n_chars            ``len(text)``
body_start         offset where the body starts, after a leading ``date`` line, dateline or credit
dateline           the dateline or credit found at the top of the text (``ابوظبي - سيف اليزيد - باريس (وكالات)``)
url                the article's address where known
encoding           how the file was decoded (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1256``, …)
published_note     the analyst's words on how ``published`` was determined (from metadata.csv), or the field
outlet_note        likewise for ``outlet``
=================  ==========================================================================================

Problems that do not stop loading (empty files, files missing from metadata.csv, metadata rows without a
file, records without text) are gathered and reported in one :class:`CorpusWarning`; files that cannot be
read raise :class:`CorpusError` naming the file and what to do. A corpus is untrusted input: links that lead
out of the corpus folder are not followed, warnings name files relative to the corpus (never a local absolute
path), and the cost is bounded by :class:`Limits` (file size, inflated zip member, article length, number of
files), each with a command-line flag to raise it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from arnews.text import Doc, norm

ARTICLE_COLUMNS = [
    "article_id", "file", "outlet", "published", "published_basis", "title", "text", "n_chars",
    "body_start", "dateline", "url", "encoding", "published_note", "outlet_note",
]
ARTICLE_EXTENSIONS = {".txt", ".html", ".htm"}
TABLE_EXTENSIONS = {".csv", ".json", ".jsonl", ".zip"}
#: files that sit beside articles in a corpus folder and are not articles (not reported as skipped)
SIDECAR_NAMES = {"metadata.csv", "readme", "readme.md", "readme.txt", "license", "license.txt"}
SIDECAR_EXTENSIONS = {".yaml", ".yml", ".md"}

#: field names recognised in metadata.csv and in tabular sources, first match wins (case-insensitive)
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "article_text", "full_text", "story"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "published_date", "date_published", "publication_date", "pubdate",
                  "date", "datetime", "published_at", "date_extracted"),
    "outlet": ("outlet", "source", "publisher", "newspaper", "site", "site_name", "media"),
    "url": ("url", "link", "source_url", "href"),
    "id": ("article_id", "id", "uid", "doc_id"),
    "file": ("file", "filename", "file_name", "path"),
    "published_note": ("published_basis", "published_note", "date_basis"),
    "outlet_note": ("outlet_basis", "outlet_note"),
    "dateline": ("dateline", "byline", "author"),
}


class CorpusError(ValueError):
    """A corpus file that cannot be read; the message names the file and what to do."""


@dataclass(frozen=True)
class Limits:
    """Bounds on what one corpus may cost (memory and time); each has a command-line flag to raise it.

    ``max_file_bytes`` (``--max-file-mb``): an article, metadata or table file, and a member of a .zip once
    inflated. ``max_article_chars`` (``--max-article-chars``): longer articles are skipped with a warning.
    ``max_files`` (``--max-files``): entries in a corpus folder.
    """

    max_file_bytes: int = 256 * 2**20
    max_article_chars: int = 1_000_000
    max_files: int = 100_000

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, raised or lowered by ``ARNEWS_MAX_FILE_MB``, ``ARNEWS_MAX_ARTICLE_CHARS`` and
        ``ARNEWS_MAX_FILES`` (how ``arnews build`` hands its flags to the notebooks).

        >>> Limits.from_env().max_article_chars
        1000000
        """
        env = os.environ
        d = cls()
        try:
            return cls(int(float(env.get("ARNEWS_MAX_FILE_MB", d.max_file_bytes / 2**20)) * 2**20),
                       int(env.get("ARNEWS_MAX_ARTICLE_CHARS", d.max_article_chars)),
                       int(env.get("ARNEWS_MAX_FILES", d.max_files)))
        except ValueError as e:
            raise CorpusError(f"an ARNEWS_MAX_* environment variable is not a number ({e})") from None




class CorpusWarning(UserWarning):
    """Something in the corpus was skipped or is incomplete; the message lists every case."""


@dataclass
class _Report:
    problems: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, what: str) -> None:
        self.problems.setdefault(kind, []).append(what)

    def emit(self, source: Path, strict: bool) -> None:
        if not self.problems:
            return
        lines = [f"corpus {source.name}:"]  # the name only: warnings reach shareable reports
        for kind, items in self.problems.items():
            shown = ", ".join(items[:12]) + (f", … ({len(items) - 12} more)" if len(items) > 12 else "")
            lines.append(f"  {kind} ({len(items)}): {shown}")
        message = "\n".join(lines)
        if strict:
            raise CorpusError(message + "\n(strict mode: fix these or load without strict)")
        warnings.warn(message, CorpusWarning, stacklevel=3)


# --- decoding -----------------------------------------------------------------------------------------

_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
_EXPECTED_RE = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\x20-\x7e\s\u00a0«»“”‘’–—…•·\u200c-\u200f]"
)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)


def decode(data: bytes, name: str | Path) -> tuple[str, str]:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, or Windows-1256.

    Returns ``(text, encoding)``; raises :class:`CorpusError` naming ``name`` when the bytes are in none
    of these (or are Windows-1256 in name only).

    >>> decode("سلام".encode("cp1256"), "a.txt")
    ('سلام', 'cp1256')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise CorpusError(f"{name}: starts with a UTF-8 byte-order mark but is not valid UTF-8 ({e.reason} "
                              f"at byte {e.start + 3}); re-save it as UTF-8") from None
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: FF FE starts both
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError as e:
            raise CorpusError(f"{name}: starts with a UTF-32 byte-order mark but is not valid UTF-32 ({e.reason}); "
                              "re-save it as UTF-8") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise CorpusError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16 ({e}); "
                              "re-save it as UTF-8") from None
    if b"\x00" in data[:4096]:
        raise CorpusError(f"{name}: contains NUL bytes — probably UTF-16 without a byte-order mark; "
                          "re-save it as UTF-8 (or UTF-16 with BOM)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET_RE.search(data[:4096])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8", b"windows-1256", b"cp1256"):
        raise CorpusError(f"{name}: declares charset {declared.group(1).decode()} which arnews does not read; "
                          "re-save it as UTF-8")
    text = data.decode("cp1256", errors="replace")
    if _looks_like_arabic(text):
        return text, "cp1256"
    raise CorpusError(f"{name}: not UTF-8, UTF-16 with BOM or Windows-1256 Arabic text; "
                      "re-save it as UTF-8 and load again")


def _looks_like_arabic(text: str) -> bool:
    """Windows-1256 decodes any bytes; accept only text that reads as Arabic (and ASCII) in it."""
    sample = text[:20000]
    if not sample.strip():
        return True
    expected = len(_EXPECTED_RE.findall(sample))
    return expected / len(sample) > 0.97 and len(_ARABIC_LETTER_RE.findall(sample)) >= min(20, len(sample) // 4)


# --- HTML ----------------------------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
              "iframe", "button", "select", "menu", "figure"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
               "blockquote", "ul", "ol", "table", "hr", "dd", "dt", "pre", "main"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed"}


class _ArticleHTML(HTMLParser):
    """Text of an article page: the <article> (or <main>, or <body>) without scripts, styles, navigation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.stack: list[str] = []
        self.open: dict[str, int] = {}  # how many of each tag are on the stack: O(1) checks on deep pages
        self.skip = 0
        self.title: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_title = self.in_h1 = False
        self.time: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", a.get("href", ""))
        if tag == "time" and a.get("datetime") and self.time is None:
            self.time = a["datetime"]
        if tag in _VOID_TAGS:
            if tag == "br":
                self._text("\n")
            return
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in _SKIP_TAGS or "hidden" in a:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK_TAGS:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS or not self.open.get(tag):
            return
        while self.stack:
            t = self.stack.pop()
            self.open[t] -= 1
            if t in _SKIP_TAGS:
                self.skip -= 1
            if t == "title":
                self.in_title = False
            if t == "h1":
                self.in_h1 = False
            if t == tag:
                break
        if tag in _BLOCK_TAGS:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.in_h1:
            self.h1.append(data)
        if not self.skip and not self.in_title:
            self._text(data)

    def _text(self, s: str) -> None:
        if self.skip:
            return
        for region in ("article", "main"):
            if self.open.get(region):
                self.parts[region].append(s)
        self.parts["body"].append(s)

    def result(self) -> tuple[str, str, dict[str, str]]:
        for region in ("article", "main", "body"):
            text = _tidy("".join(self.parts[region]))
            if len(text) > 40 or region == "body":
                break
        h1 = _tidy("".join(self.h1))
        title = self.meta.get("og:title") or h1 or _tidy("".join(self.title))
        if h1 and text.startswith(h1):  # the headline is metadata, the text starts after it
            text = text[len(h1):].lstrip()
        return text, title.strip(), self.meta | ({"time": self.time} if self.time else {})


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.splitlines()]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def parse_html(html: str) -> tuple[str, str, dict[str, str]]:
    """``(text, title, meta)`` of an article page; ``meta`` holds <meta> properties, canonical and <time>.

    >>> parse_html("<title>خبر</title><nav>القائمة</nav><p>نص <b>الخبر</b></p><script>x()</script>")[:2]
    ('نص الخبر', 'خبر')
    """
    parser = _ArticleHTML()
    parser.feed(html)
    parser.close()
    return parser.result()


# --- headers inside the text ---------------------------------------------------------------------------

_DATE_HEADER_RE = re.compile(r"[ \t\ufeff]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
# a credit: المستقلة/-  or  (وكالات)-  at the very start of the body
_CREDIT_RE = re.compile(r"[ \t]*(?P<credit>[\u0621-\u064a][\u0621-\u064a ]{1,30}?)[ \t]*/[ \t]*-?[ \t]*")
# a dateline line: two to five short segments joined by " - ", the last may carry (agency)
_SEGMENT = r"[\u0621-\u064a][\u0621-\u064a\u064b-\u0652 ]{0,40}?"
_DATELINE_LINE_RE = re.compile(
    rf"[ \t]*(?P<dl>{_SEGMENT}(?:[ \t]+[-–][ \t]+{_SEGMENT}){{1,4}}(?:[ \t]*\([^()\n]{{1,30}}\))?)[ \t]*(?:\n|\Z)"
)
# an inline dateline: PLACE - (AGENCY): or PLACE (AGENCY) - followed by the text
_DATELINE_INLINE_RE = re.compile(
    rf"[ \t]*(?P<dl>{_SEGMENT}[ \t]*(?:[-–][ \t]*)?\([^()\n]{{1,30}}\))[ \t]*[-–:][ \t]*"
)


@dataclass(frozen=True)
class Header:
    """What the top of an article's text says about it."""

    published: str | None = None
    dateline: str = ""
    credit: str = ""
    body_start: int = 0


def read_header(text: str, start: int = 0) -> Header:
    """Read a leading ``date YYYY-MM-DD`` line (or a top-of-page date line such as ``نشر في: 03/01/2025``,
    ``كانون الثاني 21, 2025``), a dateline and a credit from ``text`` at ``start``.

    >>> read_header("date 2026-01-07 القاهرة - وكالات\\n\\nقال الوزير")
    Header(published='2026-01-07', dateline='القاهرة - وكالات', credit='', body_start=34)
    >>> read_header("المستقلة/- يجتمع الوزراء").credit
    'المستقلة'
    """
    pos = start
    published = None
    m = _DATE_HEADER_RE.match(text, pos)
    if m:
        published, pos = m.group(1), m.end()
    else:
        published, pos = _date_line(text, pos)
    while pos < len(text) and text[pos] in "\n \t":
        pos += 1
    dateline = credit = ""
    m = _DATELINE_LINE_RE.match(text, pos)
    if m and len(m.group("dl")) <= 80:
        dateline, pos = m.group("dl").strip(), m.end()
    elif m := _DATELINE_INLINE_RE.match(text, pos):
        dateline, pos = m.group("dl").strip(), m.end()
    elif m := _CREDIT_RE.match(text, pos):
        credit, pos = m.group("credit").strip(), m.end()
    if not (published or dateline or credit):
        return Header(body_start=start)
    while pos < len(text) and text[pos] in "\n \t":
        pos += 1
    return Header(published, dateline, credit, pos)


_LINE_END_RE = re.compile(r"[^\n]*")


def _date_line(text: str, pos: int) -> tuple[str | None, int]:
    """A top-of-page date line at ``pos`` (``نشر في: 03/01/2025``, ``2025.01.03 - 12:11``): (ISO date, where
    the next line starts), or (None, pos) when the line is more than a date."""
    line = _LINE_END_RE.match(text, pos).group()
    if len(line) > 80 or not any(c.isdigit() for c in line):
        return None, pos
    from arnews.timeline import dateline_date  # the date grammar lives with the timeline

    value = dateline_date(line)
    return (value, pos + len(line)) if value else (None, pos)


def locate_body(text: str, known_title: str = "") -> tuple[Header, str, int]:
    """Read the top of an article: ``(header, title, body_start)``.

    A ``date`` line and dateline may come first; then a headline line (the known title, or a short line
    standing alone); then a dateline or credit again (``المستقلة/-`` after the headline).

    >>> h, title, start = locate_body("قمة باريس\\n\\nالمستقلة/- اجتمع القادة أمس في باريس وقرروا.")
    >>> title, h.credit, start
    ('قمة باريس', 'المستقلة', 22)
    """
    header = read_header(text)
    start = header.body_start
    first = text[start:].partition("\n")[0].strip()
    if known_title and first and norm(first) == norm(known_title.strip()):
        title, start = known_title, _skip_line(text, start)
    else:
        title, start = guess_title(text, start)
    if title and not (header.dateline or header.credit):
        again = read_header(text, start)
        header = Header(header.published or again.published, again.dateline, again.credit, again.body_start)
        start = again.body_start
    return header, title, start


def _skip_line(text: str, start: int) -> int:
    end = text.find("\n", start)
    if end < 0:
        return len(text)
    while end < len(text) and text[end] in "\n \t":
        end += 1
    return end


_TITLE_END_RE = re.compile(r"[.!؟?:،,؛]\s*$")


def guess_title(text: str, body_start: int) -> tuple[str, int]:
    """A short first line with no closing punctuation, standing alone, is the headline.

    Returns ``(title, new_body_start)``; ``("", body_start)`` when the first line is not a headline.

    >>> guess_title("قمة في باريس\\n\\nاجتمع القادة أمس.", 0)
    ('قمة في باريس', 14)
    """
    first, sep, rest = text[body_start:].partition("\n")
    line = first.strip()
    if not sep or not line or len(line) > 200 or _TITLE_END_RE.search(line):
        return "", body_start
    if len(rest.strip()) < len(line):
        return "", body_start
    start = body_start + len(first) + 1
    while start < len(text) and text[start] in "\n \t":
        start += 1
    return line, start


# --- loading -------------------------------------------------------------------------------------------


def load(source: str | Path, *, strict: bool = False, limits: Limits | None = None) -> pd.DataFrame:
    """Load a corpus folder or file into a DataFrame of articles (columns: ``ARTICLE_COLUMNS``).

    Raises :class:`CorpusError` when nothing could be loaded (an empty ``[]``, a folder without articles).
    ``limits``: see :class:`Limits` (default: :meth:`Limits.from_env`).

    >>> articles = load("seeds")  # doctest: +SKIP
    >>> articles.loc[articles.outlet.str.startswith("المستقلة"), "published"].dt.date.tolist()  # doctest: +SKIP
    [datetime.date(2026, 1, 7)]
    """
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder; give a folder of .txt/.html articles or a "
                          ".csv/.json/.jsonl/.zip file")
    limits = limits or Limits.from_env()
    report = _Report()
    if path.is_dir():
        rows = _load_folder(path, report, limits)
    elif path.suffix.lower() in TABLE_EXTENSIONS:
        rows = _load_table_file(path, report, limits)
    elif path.suffix.lower() in ARTICLE_EXTENSIONS:
        rows = [_article_from_file(path, path.name, {}, report, limits)]
        rows = [r for r in rows if r]
    else:
        raise CorpusError(f"{path}: unsupported corpus type {path.suffix!r}; give a folder of .txt/.html "
                          "articles or a .csv/.json/.jsonl/.zip file")
    if len(rows) == 0:
        problems = "".join(f"; {kind}: {', '.join(items[:5])}" for kind, items in report.problems.items())
        raise CorpusError(f"{path.name}: no articles loaded{problems}; give a folder of .txt/.html articles or "
                          "a .csv/.json/.jsonl/.zip file with a text field")
    report.emit(path, strict)
    return _unique(rows) if isinstance(rows, pd.DataFrame) else _frame(rows)


def _frame(rows: list[dict], check: bool = True) -> pd.DataFrame:
    """The articles table from the loaders' rows, column by column (``check``: refuse ids that are not unique);
    ``rows`` is emptied as it is read, so each
    article's text is held once as a Python string and once in the table only while its column is built."""
    n = len(rows)
    columns: dict[str, list] = {col: [None] * n for col in ARTICLE_COLUMNS}
    for i in range(n):
        row = rows[i]
        rows[i] = None
        for col in ARTICLE_COLUMNS:
            columns[col][i] = row.get(col)
    rows.clear()
    data: dict[str, pd.Series] = {}
    for col in ARTICLE_COLUMNS:
        values = columns.pop(col)
        if col == "published":
            data[col] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype("datetime64[ns]")
        elif col == "body_start":
            data[col] = pd.Series(values, dtype=object).fillna(0).astype(int)
        elif col == "n_chars":
            continue
        else:
            data[col] = pd.Series(["" if v is None or v != v else str(v) for v in values], dtype="str")
        del values
    data["n_chars"] = data["text"].str.len().astype(int)
    df = pd.DataFrame({col: data.pop(col) for col in ARTICLE_COLUMNS})
    return _unique(df) if check else df


def _unique(df: pd.DataFrame) -> pd.DataFrame:
    """``df``, or a :class:`CorpusError` naming the article ids that are not unique."""
    dup = df["article_id"].duplicated(keep=False)
    if dup.any():
        raise CorpusError(f"article ids are not unique: {sorted(set(df.loc[dup, 'article_id']))[:10]}; "
                          "give each record a distinct id or file name")
    return df


def _pick(record: dict, key: str) -> str:
    lower = {str(k).lower().strip(): v for k, v in record.items()}
    for name in FIELD_NAMES[key]:
        v = lower.get(name)
        if isinstance(v, bool) or not isinstance(v, str | int):  # lists, objects, numbers with a fraction
            continue
        if str(v).strip() and str(v).lower() != "nan":
            return str(v).strip()
    return ""


def _field_name(record: dict, key: str) -> str:
    lower = {str(k).lower().strip(): k for k in record}
    for name in FIELD_NAMES[key]:
        if name in lower and str(record[lower[name]]).strip():
            return str(lower[name])
    return ""


#: field names whose values arnews reads (all of FIELD_NAMES), to check their types in JSON records
_KNOWN_FIELDS = {name: key for key, names in FIELD_NAMES.items() for name in names}


def _check_types(record: dict, where: str, report: _Report) -> None:
    """Report fields arnews reads whose JSON value is not text (a list, an object, true/false, 1.5)."""
    for k, v in record.items():
        key = _KNOWN_FIELDS.get(str(k).lower().strip())
        if key is None or v is None or isinstance(v, str):
            continue
        if isinstance(v, int) and not isinstance(v, bool) and key in ("id", "published"):
            continue  # "id": 17 and "date": 20260106 are read as written
        kind = {bool: "true/false", list: "a list", dict: "an object", int: "a number", float: "a number"}.get(
            type(v), type(v).__name__)
        report.add("fields that are not text (ignored)", f"{where} {k} is {kind}")


def _read_bytes(path: Path, name: str, limits: Limits) -> bytes:
    """A file's bytes, refusing files over ``limits.max_file_bytes`` (checked before and while reading)."""
    limit = limits.max_file_bytes
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise CorpusError(f"{name}: {size / 2**20:,.1f} MB is over the {limit / 2**20:,.0f} MB limit per "
                                  "file; raise it with --max-file-mb if the file is what you meant to load")
            data = f.read(limit + 1)
    except OSError as e:
        raise CorpusError(f"{name}: cannot be read ({e.strerror}); check the file and its permissions") from None
    if len(data) > limit:
        raise CorpusError(f"{name}: over the {limit / 2**20:,.0f} MB limit per file; raise it with --max-file-mb")
    return data


def _meta_key(name: str) -> str:
    """metadata.csv's way of naming a file, made comparable: ``./a.txt`` → ``a.txt``; ``sub/a.txt`` stays."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join(parts)


_DATE_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT_DATE_RE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T[\d:.Z+-]*)?\s*")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)")
_MONTH_WORD_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
_YEARS = range(1800, 2201)


def parse_date(value: str, where: str) -> str | None:
    """An ISO date string from a metadata value (``2015-07-21 02:51:32`` → ``2015-07-21``), or None.

    Read without guessing: ``YYYY-MM-DD`` (also with ``/`` or ``.``), ``YYYYMMDD``, ``DD/MM/YYYY`` only when the
    day is over 12 (``25/01/2026``), and dates with a month name (``7 January 2026``). ``01/02/2026`` could be
    either day first or month first and is refused, as is anything else, with a :class:`CorpusError` naming
    ``where``.

    >>> parse_date("2015-07-21 02:51:32", "x"), parse_date("20260106", "x"), parse_date("", "x")
    ('2015-07-21', '2026-01-06', None)
    """
    value = str(value).strip()
    if not value:
        return None
    if m := _DATE_RE.search(value):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _COMPACT_DATE_RE.fullmatch(value):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DMY_RE.search(value):
        a, b, y = (int(g) for g in m.groups())
        if len(m.group(3)) == 2 or (a <= 12 and b <= 12 and a != b):
            raise CorpusError(f"{where}: the date {value!r} is ambiguous (day and month could be either way, or "
                              "the century is missing); write it as YYYY-MM-DD")
        d, mo = (b, a) if b > 12 else (a, b)  # the part over 12 is the day
    else:
        ts = None
        if (_MONTH_WORD_RE.search(value) and re.search(r"[^\W\d_]{3}", value)
                and re.search(r"(?<!\d)\d{1,2}(?!\d)", value)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ts = pd.to_datetime(value, errors="coerce")
        if ts is None or pd.isna(ts):
            raise CorpusError(f"{where}: cannot read the date {value!r}; write it as YYYY-MM-DD")
        y, mo, d = ts.year, ts.month, ts.day
    if y not in _YEARS:
        raise CorpusError(f"{where}: {value!r} has the year {y}, outside {_YEARS[0]}–{_YEARS[-1]}; "
                          "write the date as YYYY-MM-DD")
    try:
        return pd.Timestamp(year=y, month=mo, day=d).date().isoformat()
    except ValueError:
        raise CorpusError(f"{where}: {value!r} is not a valid date; write it as YYYY-MM-DD") from None


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (a link, perhaps) leads to something inside the folder ``root`` (resolved)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def _load_folder(folder: Path, report: _Report, limits: Limits) -> list[dict]:
    root = folder.resolve()
    entries: list[os.DirEntry] = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if len(entries) >= limits.max_files:
                raise CorpusError(f"{folder.name}: holds more than {limits.max_files:,} entries; split the corpus "
                                  "or raise the limit with --max-files")
            if not entry.name.startswith("."):
                entries.append(entry)
    entries.sort(key=lambda e: e.name)
    articles: list[Path] = []
    meta_path: Path | None = None
    for entry in entries:
        p, lower = Path(entry.path), entry.name.lower()
        if entry.is_symlink() and not _inside(p, root):
            report.add("links leading out of the corpus folder (not read)", entry.name)
            continue
        if entry.is_dir():
            report.add("subfolders (not read: give each folder as its own corpus)", entry.name + "/")
        elif not entry.is_file():
            report.add("special files (not read)", entry.name)
        elif lower == "metadata.csv":
            meta_path = p
        elif p.suffix.lower() in ARTICLE_EXTENSIONS:
            articles.append(p)
        elif lower not in SIDECAR_NAMES and p.suffix.lower() not in SIDECAR_EXTENSIONS:
            report.add("files skipped (not .txt or .html)", entry.name)
    meta = _read_metadata(meta_path, f"{folder.name}/{meta_path.name}", limits) if meta_path else None
    rows = []
    for p in articles:
        m = meta.pop(p.name, None) if meta is not None else {}
        if m is None:
            report.add("files not in metadata.csv (metadata taken from the text)", p.name)
            m = {}
        row = _article_from_file(p, f"{folder.name}/{p.name}", m, report, limits, file=p.name)
        if row:
            rows.append(row)
    for name, m in (meta or {}).items():
        if "/" in name:
            report.add("metadata.csv rows naming a file in another folder (not applied)", f"{name} (line {m['_line']})")
        else:
            report.add("metadata.csv rows whose file is missing", f"{name} (line {m['_line']})")
    return rows


_METADATA_KEYS = ("file", "id", "published", "outlet", "title", "url")


def _read_metadata(path: Path, name: str, limits: Limits) -> dict[str, dict]:
    """metadata.csv: one row per article file, keyed by the file as named (``./a.txt`` → ``a.txt``)."""
    text, _ = decode(_read_bytes(path, name, limits), name)
    reader = csv.DictReader(io.StringIO(text), strict=True)
    out: dict[str, dict] = {}
    line = 1
    try:
        if not reader.fieldnames or not any(f.lower().strip() in FIELD_NAMES["file"] for f in reader.fieldnames):
            raise CorpusError(f"{name}: needs a 'file' column naming each article's file "
                              f"(found columns: {reader.fieldnames})")
        line = reader.line_num + 1
        for rec in reader:
            if None in rec:
                raise CorpusError(f"{name}, line {line}: {len(rec[None])} more value(s) than the header has columns; "
                                  "put a value holding a comma in double quotes")
            for key in _METADATA_KEYS:
                if "\n" in _pick(rec, key) or "\r" in _pick(rec, key):
                    raise CorpusError(f"{name}, line {line}: the {key} value runs over several lines — probably a "
                                      "double quote that is not closed; close it or remove it")
            fname = _meta_key(_pick(rec, "file"))
            if not fname:
                raise CorpusError(f"{name}, line {line}: the 'file' column is empty; name the article's file")
            if fname in out:
                raise CorpusError(f"{name}, line {line}: {fname} is listed twice; keep one row per file")
            rec["_line"] = line
            rec["_where"] = f"{name}, line {line}"
            out[fname] = rec
            line = reader.line_num + 1
    except csv.Error as e:
        raise CorpusError(f"{name}, line {line}: not valid CSV ({e}) — probably a double quote that is never "
                          "closed; close it or remove it") from None
    return out


def _article_from_file(path: Path, name: str, meta: dict, report: _Report, limits: Limits,
                       file: str | None = None) -> dict | None:
    file = file or path.name
    try:
        raw = _read_bytes(path, name, limits)
    except CorpusError as e:
        if "limit" not in str(e):
            raise
        report.add("files over the size limit (not read; raise it with --max-file-mb)", file)
        return None
    text, encoding = decode(raw, name)
    title = ""
    page_meta: dict[str, str] = {}
    if path.suffix.lower() in (".html", ".htm"):
        text, title, page_meta = parse_html(text)
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        report.add("empty files (not loaded)", file)
        return None
    if len(text) > limits.max_article_chars:
        report.add(f"articles over {limits.max_article_chars:,} characters (not loaded; raise the limit with "
                   "--max-article-chars)", file)
        return None
    where = meta.get("_where", name)
    header, found_title, body_start = locate_body(text, _pick(meta, "title") or title)
    title = title or found_title
    row = _row(
        article_id=path.stem, file=file, text=text, encoding=encoding, meta=meta, where=where,
        header=header, body_start=body_start, title=title,
        page_published=page_meta.get("article:published_time") or page_meta.get("datepublished")
        or page_meta.get("time") or "",
        page_outlet=page_meta.get("og:site_name", ""),
        url=page_meta.get("canonical") or page_meta.get("og:url", ""),
    )
    return row


def _row(*, article_id: str | int, file: str, text: str, encoding: str, meta: dict, where: str, header: Header,
         body_start: int, title: str = "", page_published: str = "", page_outlet: str = "",
         url: str = "", meta_field: str = "") -> dict:
    published = parse_date(_pick(meta, "published"), where)
    basis = "metadata" if published else "missing"
    published_note = _pick(meta, "published_note")
    if published and meta_field:
        published_note = published_note or f"field {meta_field}"
    if not published and page_published:
        published, basis, published_note = parse_date(page_published, where), "text", "page markup"
    if not published and header.published:
        published, basis = header.published, "text"
        published_note = published_note or "text: a leading 'date' line"
    outlet = _pick(meta, "outlet")
    outlet_note = _pick(meta, "outlet_note")
    if not outlet and page_outlet:
        outlet, outlet_note = page_outlet, "page markup (og:site_name)"
    if not outlet and header.credit:
        outlet, outlet_note = header.credit, "text: the credit at the top of the article"
    return {
        "article_id": _pick(meta, "id") or article_id,
        "file": file,
        "outlet": outlet,
        "published": published,
        "published_basis": basis,
        "title": _pick(meta, "title") or title,
        "text": text,
        "body_start": body_start,
        "dateline": _pick(meta, "dateline") or header.dateline or header.credit,
        "url": _pick(meta, "url") or url,
        "encoding": encoding,
        "published_note": published_note,
        "outlet_note": outlet_note,
    }


def _load_table_file(path: Path, report: _Report, limits: Limits) -> pd.DataFrame | list:
    """The rows of a .csv/.json/.jsonl file, or of the one such member of a .zip, read as a stream: one record at
    a time is parsed and turned into a row, so memory holds the rows (the articles), never the file's bytes or
    its parsed records as well. What cannot be streamed — a JSON object holding the list, a file in UTF-16,
    UTF-32 or Windows-1256 — is read whole as before."""
    own = _Report()
    try:
        with _open_table(path, limits) as (stream, where, member):
            rows = _records_to_rows(_stream_records(stream, where, Path(member).suffix), Path(member).name, own,
                                    limits)
    except _NotStreamable:
        own = _Report()
        rows = _load_table_file_whole(path, own, limits)
    for kind, items in own.problems.items():
        report.problems.setdefault(kind, []).extend(items)
    return rows


def _load_table_file_whole(path: Path, report: _Report, limits: Limits) -> pd.DataFrame | list:
    if path.suffix.lower() == ".zip":
        data, member = _read_zip_member(path, limits)
        return _records_to_rows(_parse_records(data, f"{path.name}:{member}", Path(member).suffix),
                                Path(member).name, report, limits)
    return _records_to_rows(_parse_records(_read_bytes(path, path.name, limits), path.name, path.suffix),
                            path.name, report, limits)


class _NotStreamable(Exception):
    """The table file needs the whole-file reader (see :func:`_load_table_file`)."""


class _Bounded(io.RawIOBase):
    """A binary stream that raises :class:`CorpusError` (``message``) once more than ``limit`` bytes are read."""

    def __init__(self, raw, limit: int, message: str) -> None:
        self.raw, self.limit, self.message, self.seen = raw, limit, message, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.raw.readinto(b)
        self.seen += n or 0
        if self.seen > self.limit:
            raise CorpusError(self.message)
        return n


@contextlib.contextmanager
def _open_table(path: Path, limits: Limits):
    """``(text stream, where, member name)`` of a table file or of a .zip's one table member, as UTF-8 (a BOM is
    skipped); raises :class:`_NotStreamable` for other encodings, :class:`CorpusError` past the size limit."""
    limit = limits.max_file_bytes
    with contextlib.ExitStack() as stack:
        if path.suffix.lower() == ".zip":
            try:
                z = stack.enter_context(zipfile.ZipFile(path))
            except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, NotImplementedError,
                    RuntimeError, OSError):
                raise _NotStreamable from None  # the whole-file reader says what is wrong
            infos = [i for i in z.infolist() if Path(i.filename).suffix.lower() in {".csv", ".json", ".jsonl"}
                     and not i.is_dir()]
            if len(infos) != 1 or infos[0].file_size > limit:
                raise _NotStreamable
            member = infos[0].filename
            where = f"{path.name}:{member}"
            try:
                raw = stack.enter_context(z.open(infos[0]))
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError):
                raise _NotStreamable from None
            too_big = (f"{path.name}:{member} inflates to more than the {limit / 2**20:,.0f} MB limit per file; "
                       "raise it with --max-file-mb if the file is what you meant to load")
        else:
            try:
                raw = stack.enter_context(path.open("rb"))
                size = os.fstat(raw.fileno()).st_size
            except OSError:
                raise _NotStreamable from None
            if size > limit:
                raise _NotStreamable
            member, where = path.name, path.name
            too_big = f"{path.name}: over the {limit / 2**20:,.0f} MB limit per file; raise it with --max-file-mb"
        try:
            buffered = io.BufferedReader(_Bounded(raw, limit, too_big), buffer_size=1 << 20)
            head = buffered.peek(4096)[:4096]
            if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in head:
                raise _NotStreamable
            encoding = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"
            text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")
            yield text, where, member
        except UnicodeDecodeError:
            raise _NotStreamable from None
        except (zipfile.BadZipFile, zlib.error, EOFError) as e:
            raise CorpusError(f"{path.name}: not a readable .zip ({e}); export the corpus again or unpack it") from None


_JSON_SPACE_RE = re.compile(r"[ \t\n\r]*")
_JSON_DECODER = json.JSONDecoder()
_CHUNK_CHARS = 1 << 20


def _json_items(stream: io.TextIOBase, where: str) -> Iterator:
    """The items of a top-level JSON list, parsed one at a time from ``stream``; :class:`_NotStreamable` when the
    top level is not a list. A syntax error raises :class:`CorpusError` with its line."""
    buf, pos, line, eof = "", 0, 1, False

    def more() -> bool:
        nonlocal buf, pos, line, eof
        if eof:
            return False
        line += buf.count("\n", 0, pos)
        chunk = stream.read(max(_CHUNK_CHARS, len(buf) - pos))  # a record longer than a chunk: read as much again
        buf, pos = buf[pos:] + chunk, 0
        eof = not chunk
        return bool(chunk)

    def skip() -> str:
        nonlocal pos
        while True:
            pos = _JSON_SPACE_RE.match(buf, pos).end()
            if pos < len(buf) or not more():
                return buf[pos:pos + 1]

    def fail(msg: str, at: int) -> CorpusError:
        return CorpusError(f"{where}, line {line + buf.count(chr(10), 0, at)}: not valid JSON ({msg}); fix the file "
                           "or export it again")

    first = skip()
    if first != "[":
        raise _NotStreamable  # an object holding the list, or not JSON: the whole-file reader decides
    pos += 1
    if skip() == "]":
        pos += 1
    else:
        while True:
            try:
                item, end = _JSON_DECODER.raw_decode(buf, pos)
            except json.JSONDecodeError as e:
                if more():
                    continue
                raise fail(e.msg, e.pos) from None
            except RecursionError:
                raise CorpusError(f"{where}: JSON nested too deeply to read; export the articles as a flat list of "
                                  "objects") from None
            if end == len(buf) and not eof:  # a number or literal may go on in the next chunk
                if more():
                    continue
            pos = end
            yield item
            sep = skip()
            if sep == "]":
                pos += 1
                break
            if sep != ",":
                raise fail("Expecting ',' delimiter" if sep else "Expecting value", pos)
            pos += 1
            skip()
    if skip():
        raise fail("Extra data", pos)


def _jsonl_items(stream: io.TextIOBase, where: str) -> Iterator:
    """The objects of a JSON Lines stream, one per non-blank line."""
    for line, ln in enumerate(stream, start=1):
        if ln.strip():
            try:
                yield json.loads(ln)
            except json.JSONDecodeError as e:
                raise CorpusError(f"{where}, line {line}: not valid JSON ({e.msg}); fix the file or export it "
                                  "again") from None


def _csv_items(stream: io.TextIOBase, where: str) -> Iterator[dict]:
    """The rows of a CSV stream as dicts keyed by the header."""
    try:
        yield from csv.DictReader(stream, strict=True)
    except csv.Error as e:
        raise CorpusError(f"{where}: not valid CSV ({e}) — probably a double quote that is never closed") from None


def _stream_records(stream: io.TextIOBase, where: str, suffix: str) -> Iterator[dict]:
    """The records of a .json (a list of objects), .jsonl or .csv stream, one at a time, with the checks of
    :func:`_parse_records` (objects only; a text field among the first 50)."""
    suffix = suffix.lower()
    items = (_jsonl_items if suffix == ".jsonl" else _json_items if suffix == ".json" else _csv_items)(stream, where)
    first: dict | None = None
    held: list[dict] = []  # the first records, until one has text
    for rec in items:
        if not isinstance(rec, dict):
            raise CorpusError(f"{where}: expected a list of objects, one per article")
        if first is None:
            first = rec
        if held is not None:
            held.append(rec)
            if _pick(rec, "text"):
                yield from held
                held = None
            elif len(held) >= 50:
                raise _no_text(where, first)
            continue
        yield rec
    if held:
        raise _no_text(where, first)


def _no_text(where: str, rec: dict) -> CorpusError:
    return CorpusError(f"{where}: no text field found in the records (fields: {sorted(map(str, rec))[:20]}); "
                       f"name the article text one of {', '.join(FIELD_NAMES['text'])}")


def _read_zip_member(path: Path, limits: Limits) -> tuple[bytes, str]:
    """The one .csv/.json/.jsonl member of a corpus .zip, inflated up to ``limits.max_file_bytes``."""
    limit = limits.max_file_bytes
    try:
        with zipfile.ZipFile(path) as z:
            infos = [i for i in z.infolist() if Path(i.filename).suffix.lower() in {".csv", ".json", ".jsonl"}
                     and not i.is_dir()]
            if len(infos) != 1:
                raise CorpusError(f"{path.name}: a corpus .zip must hold exactly one .csv/.json/.jsonl file "
                                  f"(found {[i.filename for i in infos] or 'none'})")
            info = infos[0]
            too_big = (f"{path.name}:{info.filename} inflates to more than the {limit / 2**20:,.0f} MB limit per "
                       "file; raise it with --max-file-mb if the file is what you meant to load")
            if info.file_size > limit:
                raise CorpusError(too_big)
            with z.open(info) as f:  # the size in the header may lie: never inflate past the limit
                data = f.read(limit + 1)
            if len(data) > limit:
                raise CorpusError(too_big)
            return data, info.filename
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, NotImplementedError,
            RuntimeError) as e:
        raise CorpusError(f"{path.name}: not a readable .zip ({e}); export the corpus again or unpack it") from None
    except OSError as e:
        raise CorpusError(f"{path.name}: cannot be read ({e}); check the file") from None


def _parse_records(data: bytes, where: str, suffix: str) -> list[dict]:
    text, _ = decode(data, where)
    suffix = suffix.lower()
    line = 1
    try:
        if suffix == ".jsonl":
            records = []
            for line, ln in enumerate(text.splitlines(), start=1):  # noqa: B007 (line is used in the message)
                if ln.strip():
                    records.append(json.loads(ln))
        elif suffix == ".json":
            records = json.loads(text)
            if isinstance(records, dict):
                lists = [v for v in records.values() if isinstance(v, list)]
                if len(lists) != 1:
                    raise CorpusError(f"{where}: expected a list of article objects (or an object holding one)")
                records = lists[0]
        else:
            records = list(csv.DictReader(io.StringIO(text), strict=True))
    except json.JSONDecodeError as e:
        at = line if suffix == ".jsonl" else e.lineno
        raise CorpusError(f"{where}, line {at}: not valid JSON ({e.msg}); fix the file or export it again") from None
    except RecursionError:
        raise CorpusError(f"{where}: JSON nested too deeply to read; export the articles as a flat list of "
                          "objects") from None
    except csv.Error as e:
        raise CorpusError(f"{where}: not valid CSV ({e}) — probably a double quote that is never closed") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise CorpusError(f"{where}: expected a list of objects, one per article")
    if records and not any(_pick(r, "text") for r in records[:50]):
        raise CorpusError(f"{where}: no text field found in the records (fields: {sorted(map(str, records[0]))[:20]}); "
                          f"name the article text one of {', '.join(FIELD_NAMES['text'])}")
    return records


#: records turned into table rows at a time: their Python strings live only until the batch is a table
ROWS_PER_BATCH = 1000


def _records_to_rows(records: Iterable[dict], name: str, report: _Report, limits: Limits) -> pd.DataFrame | list:
    """The articles table of the records with text (read one at a time: ``records`` may be a stream), built
    :data:`ROWS_PER_BATCH` rows at a time; ``[]`` when no record has text. A record without an id gets its
    position, zero-padded to the width of the record count (``0007``)."""
    parts: list[pd.DataFrame] = []
    batch: list[dict] = []
    positions: list[tuple[int, int]] = []  # (row, record number) of the records without an id
    n = rows = 0
    for i, rec in enumerate(records, start=1):
        n = i
        where = f"{name}#{i}"
        _check_types(rec, where, report)
        text = _pick(rec, "text").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            report.add("records without text (not loaded)", where)
            continue
        if len(text) > limits.max_article_chars:
            report.add(f"articles over {limits.max_article_chars:,} characters (not loaded; raise the limit with "
                       "--max-article-chars)", where)
            continue
        header, title, body_start = locate_body(text, _pick(rec, "title"))
        row = _row(article_id=i, file=where, text=text, encoding="utf-8", meta=rec, where=where,
                   header=header, body_start=body_start, title=title, meta_field=_field_name(rec, "published"))
        if isinstance(row["article_id"], int):  # no id in the record: its position, once the count is known
            positions.append((rows, i))
            row["article_id"] = ""
        batch.append(row)
        rows += 1
        if len(batch) >= ROWS_PER_BATCH:
            parts.append(_frame(batch, check=False))
    if batch:
        parts.append(_frame(batch, check=False))
    if not parts:
        return []
    df = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    del parts
    if positions:
        width = max(4, len(str(n)))
        ids = df["article_id"].to_numpy(dtype=object, copy=True)
        for at, i in positions:
            ids[at] = f"{i:0{width}d}"
        df["article_id"] = pd.Series(ids, dtype="str")
    return df


def docs(articles: pd.DataFrame) -> list[Doc]:
    """The extractors' view of each article: id, text, body start and publication date (ISO or None)."""
    n = len(articles)
    published = (pd.to_datetime(articles["published"]).dt.strftime("%Y-%m-%d") if "published" in articles
                 else pd.Series([None] * n, index=articles.index))
    starts = articles["body_start"] if "body_start" in articles else pd.Series([0] * n, index=articles.index)
    return [Doc(aid, text, int(start), None if pd.isna(p) else p)
            for aid, text, start, p in zip(articles["article_id"], articles["text"], starts, published, strict=True)]
