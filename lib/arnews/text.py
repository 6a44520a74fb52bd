"""Arabic text core: normalization for matching, sentences, word tokens, clitics — all with offsets.

The original text is never changed. :func:`normalize` returns a :class:`Normalized` string for matching
that remembers, for every character, where it came from, so a match found in the normalized text is
reported at the offsets of the text as written.

Normalization for matching (in the spirit of Lucene's ArabicNormalizer and camel_tools' ``dediac`` /
``normalize_*`` helpers):

- diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel are removed;
- alef forms أ إ آ ٱ → ا, alef maqsura ى → ي, teh marbuta ة → ه, Persian ی ک → ي ك;
- Arabic-Indic ٠-٩ and Persian ۰-۹ digits → 0-9, Arabic decimal/thousands separators → . and ,;
- presentation forms (FB50–FDFF, FE70–FEFF) → their letters (ﻻ → لا);
- bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width characters are removed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

# --- the normalization table, built once -----------------------------------------------------------

_DELETE = (
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, maddah/hamza above and below
    + [chr(c) for c in range(0x0610, 0x061B)]  # honorific and Quranic signs
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DE, 0x06E9)]  # Quranic annotation marks
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]  # zero-width space/joiners, word joiner, BOM
    + ["\u200e", "\u200f", "\u061c"]  # LRM, RLM, ALM
    + [chr(c) for c in range(0x202A, 0x202F)]  # LRE RLE PDF LRO RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI RLI FSI PDI
)
_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك",
    "٫": ".", "٬": ",", "٪": "%",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

_MARKS = frozenset(c for c in _DELETE if unicodedata.category(c) == "Mn" or c == "\u0640")
_TABLE: dict[int, str] = {ord(c): "" for c in _DELETE}
_TABLE |= {ord(k): v for k, v in (_LETTERS | _DIGITS).items()}


def _expand_presentation_forms() -> None:
    base = str.maketrans(_TABLE)
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch and cp not in _TABLE:
            _TABLE[cp] = decomposed.translate(base).replace(" ", "")


_expand_presentation_forms()
#: the table, with every other character of the blocks articles are written in (Latin, Arabic, punctuation, the
#: presentation forms) mapped to itself: a character missing from it costs ``str.translate`` a raised and caught
#: LookupError, which made normalizing Arabic text about a third slower; the result is the same
_TRANSLATE = {cp: cp for block in (range(0x0800), range(0x2000, 0x2070), range(0xFB50, 0xFF00)) for cp in block} | (
    str.maketrans(_TABLE))
#: characters whose normalized form is not exactly one character (the only ones that move offsets)
_RESIZING = frozenset(chr(k) for k, v in _TABLE.items() if len(v) != 1)
_RESIZING_RE = re.compile("[" + re.escape("".join(sorted(_RESIZING))) + "]")

BIDI_CONTROLS_RE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Normalized:
    """A string normalized for matching, with the way back to offsets in the original.

    >>> n = normalize("قالَ الرئيسُ")
    >>> n.text, n.span_to_source(4, 10)
    ('قال الرئيس', (5, 12))
    """

    text: str
    source: str

    @cached_property
    def _map(self) -> list[int] | None:
        src = self.source
        if len(self.text) == len(src) and not _RESIZING_RE.search(src):
            return None  # identity: every character maps to itself
        positions: list[int] = []
        prev = 0
        for m in _RESIZING_RE.finditer(src):  # runs of unchanged characters are copied as ranges (fast)
            positions.extend(range(prev, m.start()))
            i = m.start()
            positions.extend([i] * len(_TABLE[ord(src[i])]))
            prev = i + 1
        positions.extend(range(prev, len(src)))
        positions.append(len(src))
        return positions

    def to_source(self, i: int) -> int:
        """Offset in the original text of the normalized character ``i`` (``len`` maps to ``len``)."""
        m = self._map
        return i if m is None else m[i]

    def from_source(self, offset: int) -> int:
        """The first normalized position at or after the original ``offset``."""
        m = self._map
        return offset if m is None else bisect_left(m, offset)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The original-text span covering normalized ``[start, end)``."""
        m = self._map
        if m is None:
            return start, end
        if end <= start:
            return m[start], m[start]
        e, src = m[end - 1] + 1, self.source
        while e < len(src) and src[e] in _MARKS:  # the diacritics of the last letter belong to the match
            e += 1
        return m[start], e


def normalize(text: str) -> Normalized:
    """Normalize Arabic ``text`` for matching; the result maps back to the original offsets.

    >>> normalize("إيمانويل ماكرون ٢٠٢٦").text
    'ايمانويل ماكرون 2026'
    """
    return Normalized(text.translate(_TRANSLATE), text)


def norm(text: str) -> str:
    """Just the normalized string (for keys and look-ups).

    >>> norm("الأميركيّة")
    'الاميركيه'
    """
    return text.translate(_TRANSLATE)


def strip_bidi_controls(text: str) -> str:
    """``text`` without bidi control characters (which could reorder what surrounds it on screen).

    >>> strip_bidi_controls("\u202eكييف\u202c")
    'كييف'
    """
    return BIDI_CONTROLS_RE.sub("", text)


# --- sentences -----------------------------------------------------------------------------------------

_SENT_EVENT_RE = re.compile(r'[.!?؟؛\n«»“”"]')
_TERMINATORS = frozenset(".!?؟؛")
_OPENERS = {"«": "»", "“": "”"}
_CLOSERS = frozenset("»”")
_SPACE = frozenset(" \t\r\n\u00a0")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``: ends at . ! ? ؟ ؛ and line breaks, never inside
    « » “ ” or "…" quotes, never in a decimal (1.2) or after a one-letter abbreviation (د.).

    >>> t = "قال: «وصلنا. انتهى». ثم غادر 1.5 كم."
    >>> [t[s:e] for s, e in sentences(t)]
    ['قال: «وصلنا. انتهى».', 'ثم غادر 1.5 كم.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0  # quotes open
    straight_open = False
    n = len(text)

    def emit(end: int) -> None:
        nonlocal start
        s, e = start, end
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if e > s:
            spans.append((s, e))
        start = end

    for m in _SENT_EVENT_RE.finditer(text):
        i = m.start()
        if i < start:
            continue  # consumed by a run of terminators
        ch = text[i]
        if ch == "\n":
            emit(i)
            start = i + 1
            depth, straight_open = 0, False
        elif ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS or ch == '"':
            if ch == '"':
                straight_open = not straight_open
                closing = not straight_open
                if straight_open:
                    depth += 1
                    continue
            else:
                closing = True
            if closing and depth:
                depth -= 1
                # a quote that ends its own sentence ("… السلام." then a new sentence) ends ours too
                if depth == 0 and i > 0 and text[i - 1] in _TERMINATORS:
                    j = i + 1
                    while j < n and text[j] in " \t":
                        j += 1
                    if j < n and text[j] not in "،,؛:)]." and text[j] != "\n":
                        emit(i + 1)
        elif depth == 0:  # a terminator outside quotes
            if ch == "." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue  # decimal
            if ch == "." and _is_abbreviation(text, i):
                continue
            j = i + 1
            while j < n and text[j] in _TERMINATORS:  # ... or ؟!
                j += 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            emit(j)
    emit(n)
    return spans


def _is_abbreviation(text: str, i: int) -> bool:
    """A dot after a one-letter word (د. for doctor, أ. for professor, initials) is no sentence end."""
    return i >= 1 and text[i - 1].isalpha() and (i == 1 or not text[i - 2].isalpha())


# --- tokens and clitics ------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")


class Token(NamedTuple):
    """A word of the original text: its span, the text as written, and its normalized form."""

    start: int
    end: int
    text: str
    norm: str


def tokens(text: str) -> list[Token]:
    """Word tokens of ``text`` with offsets; punctuation and spaces are not tokens.

    >>> [t.norm for t in tokens("وقالَ زيلينسكي: «نعم»")]
    ['وقال', 'زيلينسكي', 'نعم']
    """
    new = tuple.__new__  # building the tuples directly is the fast path (hot on large corpora)
    spans = [m.span() for m in _WORD_RE.finditer(text)]
    words = [text[s:e] for s, e in spans]
    return [new(Token, (s, e, w, n)) for (s, e), w, n in zip(spans, words, norms(words), strict=True)]


def norms(words: list[str]) -> list[str]:
    """The normalized form of each word: one C-level translate for all of them (NUL never occurs in a word and is
    left alone by the table).

    >>> norms(["الأميركيّة", "قالَ"])
    ['الاميركيه', 'قال']
    """
    return "\x00".join(words).translate(_TRANSLATE).split("\x00") if words else []


def word_norms(text: str) -> list[str]:
    """The normalized words of ``text``, as :func:`tokens` gives them, without offsets or token records (for
    counting and matching terms where no offset is needed).

    >>> word_norms("وقالَ زيلينسكي: «نعم»")
    ['وقال', 'زيلينسكي', 'نعم']
    """
    return norms(_WORD_RE.findall(text))


def word_count(text: str) -> int:
    """How many words :func:`tokens` finds in ``text``.

    >>> word_count("وقالَ زيلينسكي: «نعم»")
    3
    """
    return sum(1 for _ in _WORD_RE.finditer(text))





class Doc:
    """An article being analysed: its text and metadata, with sentences and tokens computed once and shared.

    >>> d = Doc("a1", "قال الوزير. ثم غادر.")
    >>> d.sentence_id(d.text.index("غادر")), [t.norm for t in d.tokens][:2]
    (1, ['قال', 'الوزير'])
    """

    def __init__(self, article_id: str, text: str, body_start: int = 0, published: str | None = None) -> None:
        self.article_id = article_id
        self.text = text
        self.body_start = body_start
        self.published = published  # ISO date or None

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentences(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def tokens(self) -> list[Token]:
        return tokens(self.text)

    @cached_property
    def normalized(self) -> Normalized:
        """The text normalized for matching (:func:`normalize`), computed once for the stages that scan it."""
        return normalize(self.text)

    def sentence_id(self, offset: int) -> int:
        """The sentence holding character ``offset`` (the one before it, for offsets between sentences)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def __getstate__(self) -> dict:  # send only the inputs to worker processes
        return {k: self.__dict__[k] for k in ("article_id", "text", "body_start", "published")}


_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
MIN_STEM = 2


@lru_cache(maxsize=200_000)
def clitic_variants(word: str, min_stem: int = 3) -> tuple[str, ...]:
    """Readings of a normalized word with proclitics removed, the word itself first.

    Proclitics: the conjunctions و ف, the prepositions ب ل ك (also بـ), and the article ال, with لل
    (ل + ال). Used to look a word up in a gazetteer: وزيلينسكي, لأوكرانيا, بكييف, والاتحاد, للرئيس.

    >>> clitic_variants("وللرييس")[:3]
    ('وللرييس', 'للرييس', 'الرييس')
    """
    out = [word]

    def add(w: str) -> None:
        if len(w) >= min_stem and w not in out:
            out.append(w)

    rests = [word]
    if word[:1] in _CONJ and len(word) > min_stem:
        rests.append(word[1:])
    for r in list(rests):
        if r.startswith("لل") and len(r) - 2 >= min_stem:
            rests.append("ال" + r[2:])  # للرئيس = ل + الرئيس
        if r[:1] in _PREP and len(r) > min_stem:
            rests.append(r[1:])
    for r in rests:
        add(r)
    for r in rests:
        if r.startswith("ال") and len(r) - 2 >= min_stem:
            add(r[2:])
    return tuple(out)


def strip_clitics(word: str) -> str:
    """The word without the proclitics that are certain: those standing before the article ال.

    >>> strip_clitics(norm("وبالاتحاد")), strip_clitics(norm("للرئيس")), strip_clitics("وزير")
    ('الاتحاد', 'الرئيس', 'وزير')
    """
    for v in clitic_variants(word, MIN_STEM)[1:]:
        if v.startswith("ال"):
            return v
    return word
