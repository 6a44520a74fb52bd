"""Arabic on screen: in matplotlib figures, in plain terminals, and in HTML.

Each renderer needs something different:

- **matplotlib >= 3.11** shapes and orders Arabic itself (libraqm + SheenBidi): hand it the text as written.
  The old recipe ``get_display(arabic_reshaper.reshape(s))`` now *reverses* the text there. Older
  matplotlib draws code points left to right, unjoined, so it needs that recipe. :func:`plot_text` knows
  which is which.
- **plain terminals** (most do no bidi and no shaping): :func:`terminal_text` gives the visual order with
  joined presentation forms. A terminal that does its own bidi (mlterm, some VTE builds) should get the
  text as written: set ``ARNEWS_TERMINAL_BIDI=1``.
- **HTML** browsers shape and order by themselves but need to be told the direction: :func:`html_text`
  escapes the text, removes bidi controls that could reorder the page around it, and marks Arabic with
  ``dir="rtl" lang="ar"``.
"""

from __future__ import annotations

import html
import os
import re
from functools import cache

import arabic_reshaper
import matplotlib
import pandas as pd

try:  # python-bidi >= 0.5
    from bidi import get_display
except ImportError:  # pragma: no cover - python-bidi < 0.5
    from bidi.algorithm import get_display

from arnews.text import strip_bidi_controls

FONT_FAMILY = "Noto Sans Arabic"
#: Noto Sans Arabic has Arabic letters only; Latin glosses and digits fall back to DejaVu Sans (in matplotlib)
FONT_FALLBACK = ["Noto Sans Arabic", "DejaVu Sans"]

_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def _version_tuple(version: str) -> tuple[int, int]:
    major, minor = (re.match(r"(\d+)\.(\d+)", version) or re.match(r"(\d+)()", version)).groups()
    return int(major), int(minor or 0)


def native_shaping(version: str | None = None) -> bool:
    """Whether this matplotlib shapes and orders Arabic itself (3.11 and later).

    >>> native_shaping("3.11.2"), native_shaping("3.10.1")
    (True, False)
    """
    return _version_tuple(version or matplotlib.__version__) >= (3, 11)


def reshape_for_display(s: str) -> str:
    """Visual-order, pre-joined text for renderers that neither shape nor reorder (old matplotlib, terminals).

    >>> reshape_for_display("سلام") == "\ufee1\ufefc\ufeb3"
    True
    """
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in s.split("\n"))


def plot_text(s: str) -> str:
    """What to hand matplotlib so that ``s`` reads correctly in a figure.

    >>> plot_text("ماكرون") == ("ماكرون" if native_shaping() else reshape_for_display("ماكرون"))
    True
    """
    s = strip_bidi_controls(str(s))
    return s if native_shaping() else reshape_for_display(s)


def terminal_text(s: str, bidi_terminal: bool | None = None) -> str:
    """``s`` for a plain terminal: joined letters in visual order (unless the terminal does bidi itself).

    >>> terminal_text("كييف", bidi_terminal=False) == "\ufed2\ufef4\ufef4\ufedb"
    True
    """
    s = strip_bidi_controls(str(s))
    if bidi_terminal is None:
        bidi_terminal = os.environ.get("ARNEWS_TERMINAL_BIDI", "") not in ("", "0")
    return s if bidi_terminal or not _ARABIC_RE.search(s) else reshape_for_display(s)


def is_arabic(s: str) -> bool:
    """Whether ``s`` is mainly Arabic (more Arabic letters than Latin ones).

    >>> is_arabic("قال ماكرون (Macron)"), is_arabic("Macron")
    (True, False)
    """
    s = str(s)
    return len(_ARABIC_RE.findall(s)) > len(_LATIN_RE.findall(s))


def html_escape(s: object) -> str:
    """``s`` escaped for HTML with bidi controls removed, for text that needs no direction of its own.

    >>> html_escape("Reuters \u202e<b>")
    'Reuters &lt;b&gt;'
    """
    return html.escape(strip_bidi_controls("" if s is None or s is pd.NaT else str(s)))


_POSIX_PATH_RE = re.compile(r"(?<![\w.:/~-])~?/(?:[^\s/'\"<>:;,()]+/)+(?P<name>[^\s/'\"<>:;,()]*)")
_WINDOWS_PATH_RE = re.compile(r"(?<![\w])[A-Za-z]:\\(?:[^\s\\'\"<>:;,()]+\\)+(?P<name>[^\s\\'\"<>:;,()]*)")


def without_local_paths(text: str) -> str:
    """``text`` with every absolute local path cut to its last part: a shared report must not reveal the
    analyst's folders (warnings print the file they come from).

    >>> without_local_paths("/home/ali/أخبار/metadata.csv:3: CorpusWarning: https://x.org/a/b stays")
    'metadata.csv:3: CorpusWarning: https://x.org/a/b stays'
    """
    text = _POSIX_PATH_RE.sub(lambda m: m["name"], text)
    return _WINDOWS_PATH_RE.sub(lambda m: m["name"], text)


def html_text(s: object, tag: str = "span") -> str:
    """``s`` as safe HTML: escaped, bidi controls removed, Arabic marked ``dir="rtl" lang="ar"``.

    >>> html_text("<b>كييف</b>")
    '<span dir="rtl" lang="ar">&lt;b&gt;كييف&lt;/b&gt;</span>'
    """
    raw = strip_bidi_controls("" if s is None or s is pd.NaT else str(s))
    text = html.escape(raw)
    if not _ARABIC_RE.search(raw):  # inline text needs no element of its own; a block (td, p) keeps its tag
        return text if tag in ("span", "bdi") else f"<{tag}>{text}</{tag}>"
    direction = 'dir="rtl" lang="ar"' if is_arabic(raw) else 'dir="auto"'
    return f"<{tag} {direction}>{text}</{tag}>"


def gloss(ar: str, en: str = "") -> str:
    """An Arabic name with its English gloss, for labels read by people who do not read Arabic.

    >>> gloss("ماكرون", "Macron"), gloss("ماكرون"), gloss("", "Macron")
    ('ماكرون (Macron)', 'ماكرون', 'Macron')
    """
    ar, en = (ar or "").strip(), (en or "").strip()
    if ar and en and ar != en:
        return f"{ar} ({en})"
    return ar or en


def html_table(df: pd.DataFrame, columns: list[str] | None = None, max_rows: int | None = None,
               caption: str = "") -> str:
    """A DataFrame as an HTML table whose Arabic cells read right to left; every cell is escaped.

    >>> "dir=\\"rtl\\"" in html_table(pd.DataFrame({"name": ["كييف"]}))
    True
    """
    view = df if columns is None else df[columns]
    if max_rows is not None:
        view = view.head(max_rows)
    head = "".join(f"<th>{html_text(c)}</th>" for c in view.columns)
    body = []
    for row in view.itertuples(index=False):
        cells = []
        for v in row:
            if isinstance(v, pd.Timestamp):
                v = v.date().isoformat()
            elif v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
                v = ""
            cells.append(html_text(v, "td"))  # every cell, Arabic or not: escaped, bidi controls removed
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html_text(caption)}</caption>" if caption else ""
    more = ""
    if max_rows is not None and len(df) > max_rows:
        more = f'<p class="more">… {len(df) - max_rows} more rows</p>'
    return (f'<table class="arnews">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody>'
            f"</table>{more}")


@cache
def register_font() -> str:
    """Register the Arabic font shipped by the ``fontpkg-noto-sans-arabic`` package with matplotlib.

    No system font is needed. Returns the font family name.

    >>> register_font()
    'Noto Sans Arabic'
    """
    import fontpkg
    from matplotlib import font_manager

    family = fontpkg.family(FONT_FAMILY)
    for f in family.files:
        font_manager.fontManager.addfont(str(f.path))
    return family.name


STYLE = {
    "font.family": FONT_FALLBACK,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "normal",  # the packaged Arabic font is variable: matplotlib has no bold of it
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "figure.facecolor": "white",
    "svg.hashsalt": "arnews",  # stable ids in SVG output
    "axes.prop_cycle": matplotlib.cycler(color=["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182",
                                                "#8d96a3", "#2e4057", "#a05195"]),
}


def use_style() -> None:
    """Register the Arabic font and apply the project's figure style to matplotlib.

    >>> use_style(); matplotlib.rcParams["font.family"][0]
    'Noto Sans Arabic'
    """
    register_font()
    matplotlib.rcParams.update(STYLE)
