"""Stories and sources: group a corpus into stories, trace copies and rewrites, compare the outlets of a story.

Pure functions over the tables (``articles``, ``sentences``, ``mentions``, ``quotes``); nothing here reads files.

**Stories** (:func:`find_stories`). Every article gets a ``story_id``; articles about the same event, across
outlets and days, share it. Two indexes propose candidate pairs, neither builds an n × n matrix:

- MinHash LSH (datasketch's scheme and bands, computed here in numpy) over each article's most distinctive content
  words (its top tf-idf terms), so that a short wire item and a long feature on the same event still meet;
- an inverted index of word 5-grams (shingles), for articles that share copy (see below).

A candidate pair is then decided on its content words (tf-idf cosine), the actors both name (``mentions``) and its
dates (publication dates more than ``max_gap_days`` apart never join; a shared dated event counts for the pair).
Accepted pairs are merged strongest first, and two groups merge only when their centroids agree too, so one
article that touches two events does not chain them into one story.

**Copies** (:func:`find_copies`). For pairs sharing 5-grams, the shared 5-gram runs are chained into passages
(runs at most ``max_gap`` words apart in both texts). A passage is ``verbatim`` when nearly every word of it is
matched in both texts and ``rewrite`` when the runs are separated by edits (the same agency draft, reworded).
5-grams found in very many articles (an outlet's footer, "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز") are
ignored. Offsets point into each article's text.

**Sources** (:func:`story_sources`, :func:`additions`, :func:`story_actors`, :func:`story_quotes`). Per story and
outlet: who ran it first, how much of each article is shared copy, the sentences only that outlet carries, the
actors it names or quotes that no other outlet of the story does, and whether each statement is carried elsewhere.
An article with no known outlet counts as a source of its own (``unknown (ARTICLE_ID)``).
"""

from __future__ import annotations

import copy
import gc
import heapq
import html
import math
import operator
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, partial
from itertools import chain, compress, repeat

import numpy as np
import pandas as pd

from arnews.text import _WORD_RE, norm, sentences, strip_bidi_controls, strip_clitics, word_count, word_norms

STORY_COLUMNS = ["story_id", "label", "actors", "terms", "article_ids", "n_articles", "outlets", "n_outlets",
                 "first_published", "last_published", "first_outlets"]
COPY_COLUMNS = ["article_a", "start_a", "end_a", "article_b", "start_b", "end_b", "n_words", "similarity", "kind",
                "credited", "first", "story_id"]
SOURCE_COLUMNS = ["story_id", "source", "outlet", "article_ids", "first_published", "ran_first", "n_words",
                  "shared_words", "shared_share", "n_additions", "actors_only_here", "quoted_only_here",
                  "statements", "statements_only_here"]
ADDITION_COLUMNS = ["story_id", "source", "article_id", "sentence_id", "start", "end", "text"]
ACTOR_COLUMNS = ["story_id", "actor_id", "source", "mentions", "quotes", "named_elsewhere", "quoted_elsewhere"]

SHINGLE = 5  # words per shingle
NUM_PERM = 64  # MinHash permutations
TOP_TERMS = 24  # distinctive terms per article in the MinHash set
LSH_THRESHOLD = 0.15  # Jaccard of the top-term sets above which LSH proposes a pair (it is only a candidate)
MAX_GAP_DAYS = 7
#: a pair is one story when its score (content-word cosine + shared actors + shared dated events) reaches this
PAIR_THRESHOLD = 0.45
#: under this content-word cosine, shared actors count only when two or more persons/organizations are shared
WEAK_COSINE = 0.3
#: two groups merge only when their centroids' cosine reaches this
CENTROID_THRESHOLD = 0.20
#: two groups merge only when the mean score of the article pairs across them reaches LINK_MEAN and LINK_SHARE of those
#: pairs score LINK_MIN or more (pairs never proposed score 0)
LINK_MEAN = 0.30
LINK_MIN = 0.35
LINK_SHARE = 0.7
#: a pair sharing copy over this share of the shorter article is one story whatever its wording
COPY_SHARE = 0.6
#: the lead of an article: its title and this many words from the start of its body (where a news article states
#: its event: who, what, where)
LEAD_WORDS = 25
#: two articles are one story only when each one's lead is found in the other: at least this share of the lead's
#: distinctive terms (idf-weighted) occurs in the other article (see :func:`lead_cover`)
LEAD_COVER = 0.18
#: a story of this many articles or more is checked for members off its event (see :func:`off_core`)
CORE_MIN = 4
#: the story's core: the distinctive lead terms (title and first ``LEAD_WORDS`` words) that at least this share of its
#: articles' leads carry
CORE_SHARE = 0.5
#: a member is off the story's event when its lead carries less than ``CORE_COVER`` of the core (idf-weighted) and
#: its first ``CORE_WIDE_WORDS`` words less than ``CORE_WIDE_COVER``
CORE_COVER = 0.25
CORE_WIDE_WORDS = 60
CORE_WIDE_COVER = 0.5
#: ... or when neither its lead nor that opening carries ``CORE_BOTH`` of the core (a sub-event told in the
#: story's words: a rival weighing a run, beside the date of the election its articles report)
CORE_BOTH = 0.35
#: items that make an article a round-up (``is_digest``): this many bulleted lines or "YEAR - " entries
DIGEST_ITEMS = 3
MIN_PASSAGE_WORDS = 12
MAX_GAP_WORDS = 15
VERBATIM = 0.9
BATCH = 500  # articles whose words are numbered at once (their strings are then let go)
MAX_PARTNERS = 8  # copies kept per article: its best partners (keeps the table linear in the corpus)

_DIGITS_RE = re.compile(r"^[\d.,]+$")
#: a content word has an Arabic letter: Latin words in an Arabic article are mostly markup or code the page left
#: in the text (a poll widget's CSS), which two articles of one site share whatever their subject
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_STORY_KINDS = ("person", "country", "organization", "group")  # actors that characterise a story
#: an item of a round-up: a line opening on a bullet and a dateline ("* أثينا - «الشرق الأوسط»:"), or an entry
#: opening on a year and a dash ("1969 - …"); a bullet alone is not one (an interview's questions have bullets)
_DIGEST_ITEM_RE = re.compile(r"(?m)^[ \t]*[*•▪■◾●][ \t]*[^\s\d.،:؟?!-][^\n.،:؟?!-]{1,30}?[ \t][-–—][ \t]"
                             r"|(?:^|[.؛\n][ \t]*)(?:1[0-9]|20)\d\d[ \t]*[-–—][ \t]")


@cache
def stop_words() -> frozenset[str]:
    """Function words that never make a story (normalized; from ``lib/arnews/data/lexicon.yaml``).

    >>> "الذي" in stop_words()
    True
    """
    from arnews import lang

    words = lang.load("lexicon.yaml")["function_words"]
    return frozenset({norm(w) for w in words} | {norm(w)[1:] for w in words if norm(w).startswith("و")})


_SUFFIXES = ("يين", "يون", "ات", "ين", "ون", "يه", "ها", "هم", "هن", "ه", "ي")
_VOWELS_RE = re.compile("[اوي]")


#: spellings remembered across calls (normalized word and content term of each); cleared when it outgrows this
CACHE_LIMIT = 400_000
_TERM_CACHE: dict[str, str | None] = {}


def content_term(word: str) -> str | None:
    """The content-word key of a normalized word, or ``None`` for function words and numbers: the clitics before
    ال and the article removed, a light suffix (ات ين ون ه ها ي …) cut, and long vowels after the first letter
    dropped, so that spellings and forms of one word meet (أمريكي / أميركي / الأميركية).

    >>> content_term(norm("والحوثيين")), content_term(norm("أمريكي")) == content_term(norm("الأميركية"))
    ('حوث', True)
    >>> content_term("الذي"), content_term("2015"), content_term("padding")
    (None, None, None)
    """
    key = _TERM_CACHE.get(word, "")
    if key != "":
        return key
    if len(_TERM_CACHE) >= CACHE_LIMIT:
        _TERM_CACHE.clear()
    key = _TERM_CACHE[word] = _content_term(word)
    return key


#: the clitics before ال and the article (tried in this order), when three letters or more follow
_PREFIX_RE = re.compile("(?:وال|فال|بال|كال|لل|ال)(?=.{3})", re.S)
#: a light suffix at the end of a word: searched from the word's third letter on, the leftmost match is the longest
#: suffix that leaves three letters (each suffix here that ends another is listed before it)
_SUFFIX_RE = re.compile("(?:" + "|".join(_SUFFIXES) + r")\Z")


def _content_term(word: str) -> str | None:
    stops = stop_words()
    if word in stops or not _ARABIC_LETTER_RE.search(word):  # a number (_DIGITS_RE) has no Arabic letter either
        return None
    m = _PREFIX_RE.match(word)
    w = word[m.end():] if m else word
    if len(w) < 3 or w in stops:
        return None
    m = _SUFFIX_RE.search(w, max(3, len(w) - 3))
    if m:
        w = w[:m.start()]
    key = w[0] + w[1:].replace("ا", "").replace("و", "").replace("ي", "")  # _VOWELS_RE after the first letter
    return key if len(key) >= 3 else w


# --- per-article features ------------------------------------------------------------------------------------


class Vocabulary:
    """Every spelling met so far, numbered, with its normalized form and content term (:func:`content_term`), and
    the same as arrays (the hash of the normalized form, the number of the term or -1) so that an article's words
    become arrays with one look-up per word. Lists are replaced, never changed in place, when the vocabulary is
    cleared: features made before keep theirs."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.ids: dict[str, int] = {}
        self.spellings: list[str] = []
        self.norms: list[str] = []
        self.keys: list[str | None] = []
        self.term_ids: dict[str, int] = {}
        self.terms: list[str] = []
        self._hashes = np.zeros(0, dtype=np.uint64)
        self._term = np.zeros(0, dtype=np.int64)

    def learn(self, words: Iterable[str]) -> None:
        """Number the spellings of ``words`` not known yet (in sorted order: numbers do not depend on set order)."""
        self._add(sorted(set(words).difference(self.ids)))

    def _add(self, new: list[str]) -> None:
        """Number ``new`` (spellings not known yet, in the order given)."""
        if not new:
            return
        norms = list(map(norm, new))
        keys = list(map(content_term, norms))
        self.ids.update(zip(new, range(len(self.norms), len(self.norms) + len(new)), strict=True))
        self.spellings.extend(new)  # appended only: features made before still read theirs
        self.norms.extend(norms)
        self.keys.extend(keys)
        term_ids = self.term_ids
        for k in dict.fromkeys(keys):
            if k is not None and k not in term_ids:
                term_ids[k] = len(self.terms)
                self.terms.append(k)
        hashes = np.fromiter(map(hash, norms), dtype=np.int64, count=len(norms)).view(np.uint64)
        term = np.fromiter((-1 if k is None else term_ids[k] for k in keys), dtype=np.int64, count=len(keys))
        self._hashes = np.concatenate((self._hashes, hashes))
        self._term = np.concatenate((self._term, term))

    def numbers(self, words: list[str]) -> np.ndarray:
        """The numbers of ``words`` (learning those not known yet, in the order they first appear), with one hash
        table pass over them instead of one dictionary look-up per word.

        >>> v = Vocabulary(); v.numbers(["عدن", "صنعاء", "عدن"]).tolist(), v.spellings
        ([0, 1, 0], ['عدن', 'صنعاء'])
        """
        if not words:
            return np.zeros(0, dtype=np.int64)
        codes, uniques = pd.factorize(np.array(words, dtype=object), use_na_sentinel=False)
        uniques = uniques.tolist()
        number = np.fromiter(map(self.ids.get, uniques, repeat(-1)), dtype=np.int64, count=len(uniques))
        new = number < 0
        if new.any():  # numbered in order of appearance: numbers depend on no hash
            start = len(self.spellings)
            self._add(list(compress(uniques, new.tolist())))
            number[new] = np.arange(start, len(self.spellings))
        return number[codes]

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(hash of each spelling's normalized form as uint64, number of its content term or -1)."""
        return self._hashes, self._term


_VOCAB = Vocabulary()


class Features:
    """What stories and copies need from one article: its words (normalized), their content terms, and — only
    when copies are traced — their offsets and the article's sentences. Words are held as numbers into the
    vocabulary (``ids``, given when the caller has numbered them); the word and term lists are made when asked
    for."""

    def __init__(self, article_id: str, text: str, body_start: int = 0, ids: np.ndarray | None = None) -> None:
        self.article_id, self.text, self.body_start = article_id, text, body_start
        v = _VOCAB
        if ids is None:
            ids = v.numbers(_WORD_RE.findall(text, body_start))
        self._spellings, self._norms, self._keys = v.spellings, v.norms, v.keys
        self._terms, self._term_ids = v.terms, v.term_ids
        self.ids = ids
        self.n = len(ids)  # words
        self._hash_table, term = v.arrays()
        self.term_ids: np.ndarray = term[ids]
        used = self.term_ids[self.term_ids >= 0]
        by_term = used.argsort(kind="stable")  # each term's first use comes first among its uses
        run = np.empty(len(used), dtype=bool)
        run[:1] = True
        np.not_equal(used[by_term][1:], used[by_term][:-1], out=run[1:])
        starts = run.nonzero()[0]
        counts = np.diff(np.append(starts, len(used)))
        first = by_term[starts]
        order = first.argsort()  # terms in the order of their first use, as Counter(keys) has them
        terms = self._terms
        self.terms: Counter = Counter(dict(zip(map(terms.__getitem__, used[first[order]].tolist()),
                                               counts[order].tolist(), strict=True)))

    @property
    def hashes(self) -> np.ndarray:
        """The hash of each normalized word (equal words, equal hashes), made when asked for (not kept)."""
        return self._hash_table[self.ids]

    @cached_property
    def raw(self) -> list[str]:
        """The words as written."""
        return [self._spellings[i] for i in self.ids.tolist()]

    @cached_property
    def words(self) -> list[str]:
        """The normalized words."""
        return [self._norms[i] for i in self.ids.tolist()]

    @cached_property
    def keys(self) -> list[str | None]:
        """The content term of each word (None for function words, numbers, markup)."""
        return [self._keys[i] for i in self.ids.tolist()]

    @cached_property
    def surface(self) -> dict[str, str]:
        """The first spelling of each content term (for labels)."""
        out: dict[str, str] = {}
        for w, k in zip(self.raw, self.keys, strict=True):
            if k is not None and k not in out:
                out[k] = w
        return out

    @cached_property
    def _spans(self) -> tuple[np.ndarray, np.ndarray]:
        return word_spans(self.text, self.body_start)

    @property
    def starts(self) -> np.ndarray:
        """Offset of each word in the text."""
        return self._spans[0]

    @property
    def ends(self) -> np.ndarray:
        return self._spans[1]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Word ranges ``[w0, w1)`` of the sentences of the body."""
        b = self.body_start
        spans = np.array(sentences(self.text[b:]), dtype=np.int64).reshape(-1, 2) + b
        w = np.searchsorted(self.starts, spans.ravel(), "left").reshape(-1, 2)
        return [(w0, w1) for w0, w1 in w.tolist() if w1 > w0]

    @cached_property
    def _sentence_terms(self) -> list[set[str]]:
        return [{k for k in self.keys[w0:w1] if k} for w0, w1 in self.sentences]

    def sentence_terms(self) -> list[set[str]]:
        """The content terms of each sentence (computed once)."""
        return self._sentence_terms

    @cached_property
    def _sentence_matrix(self) -> tuple[np.ndarray, ...]:
        bounds = np.array(self.sentences, dtype=np.int64).reshape(-1, 2)
        lens = bounds[:, 1] - bounds[:, 0]
        total = int(lens.sum())
        pos = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens) + np.repeat(bounds[:, 0], lens)
        sent, term = np.repeat(np.arange(len(bounds)), lens), self.term_ids[pos]
        width = len(self._terms) + 1
        key = _distinct(sent[term >= 0] * width + term[term >= 0])  # each term once per sentence
        sent, term = key // width, key % width
        return sent, term, np.bincount(sent, minlength=len(bounds)), _distinct(term)

    def sentence_matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The sentence terms as arrays: the sentence of each term, the term's number, terms per sentence, and the
        article's terms (numbers, sorted)."""
        return self._sentence_matrix


@cache
def _word_chars() -> np.ndarray:
    """Which characters of the Basic Multilingual Plane ``_WORD_RE`` counts as word characters."""
    return np.array([bool(_WORD_RE.fullmatch(chr(c))) for c in range(0x10000)], dtype=bool)


def word_spans(text: str, start: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the words of ``text`` from ``start`` (the spans of ``_WORD_RE``), found with a table of
    word characters over the code points instead of one match object per word.

    >>> [x.tolist() for x in word_spans("قال: «وصلنا» 2026", 0)]
    [[0, 6, 13], [3, 11, 17]]
    """
    codes = np.frombuffer(text[start:].encode("utf-32-le"), dtype=np.uint32)
    if len(codes) and int(codes.max()) > 0xFFFF:  # beyond the table: the regular expression itself
        spans = np.array([m.span() for m in _WORD_RE.finditer(text, start)], dtype=np.int64).reshape(-1, 2)
        return spans[:, 0], spans[:, 1]
    word = np.concatenate(([False], _word_chars()[codes], [False]))
    edges = np.flatnonzero(word[1:] != word[:-1])  # alternately the start and the end of each word
    return edges[0::2].astype(np.int64) + start, edges[1::2].astype(np.int64) + start


def features(article_id: str, text: str, body_start: int = 0) -> Features:
    """Words of the article body (from ``body_start``) and its content terms.

    >>> f = features("a", "قال الرئيس اليمني إن الحوثيين انسحبوا من عدن.")
    >>> f.words[:2], sorted(f.terms)[:3], f.starts[:2].tolist()
    (['قال', 'الرئيس'], ['انسحب', 'حوث', 'رئس'], [0, 4])
    """
    return Features(article_id, text, body_start)


def idf(feats: Iterable[Features]) -> dict[str, float]:
    """Smoothed inverse document frequency of every content term.

    >>> w = idf([features("a", "حوثيين عدن"), features("b", "حوثيين صنعاء")])
    >>> w["حوث"] < w["عدن"]
    True
    """
    feats = list(feats)
    return idf_of(doc_freq(feats), len(feats))


def doc_freq(feats: list[Features]) -> Counter:
    """How many articles have each content term.

    >>> doc_freq([features("a", "حوثيين عدن"), features("b", "حوثيين صنعاء")])["حوث"]
    2
    """
    df: Counter = Counter()
    for f in feats:
        df.update(f.terms.keys())
    return df


def idf_of(df: Counter, n: int) -> dict[str, float]:
    """Smoothed inverse document frequency from the document frequencies ``df`` of ``n`` articles."""
    return {t: math.log((1 + n) / (1 + k)) + 1.0 for t, k in df.items()}


def tfidf(terms: Counter, weights: dict[str, float]) -> dict[str, float]:
    """L2-normalized tf-idf vector (sublinear tf) of an article's terms.

    >>> v = tfidf(Counter({"عدن": 2}), {"عدن": 1.5}); round(v["عدن"], 3)
    1.0
    """
    tf = _SUBLINEAR_TF
    keys = list(terms)
    counts = list(terms.values())
    tfs = (map(tf.__getitem__, counts) if max(counts, default=0) < len(tf)
           else (tf[c] if c < len(tf) else 1.0 + math.log(c) for c in counts))
    vals = list(map(operator.mul, tfs, map(weights.get, keys, repeat(1.0))))
    n = math.sqrt(sum(map(operator.mul, vals, vals))) or 1.0
    return dict(zip(keys, map(operator.truediv, vals, repeat(n)), strict=True))


_SUBLINEAR_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]  # 1 + log(c) for the common counts


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """Cosine of two sparse vectors (already normalized, or not).

    >>> cosine({"عدن": 1.0}, {"عدن": 2.0, "صنعاء": 0.0})
    1.0
    """
    if len(u) > len(v):
        u, v = v, u
    dot = _dot(u, v)
    if not dot:
        return 0.0
    nu = math.sqrt(sum(map(operator.mul, u.values(), u.values())))
    nv = math.sqrt(sum(map(operator.mul, v.values(), v.values())))
    return round(dot / (nu * nv), 12)


def unit_cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """Cosine of two L2-normalized sparse vectors (as :func:`tfidf` returns them): their dot product.

    >>> unit_cosine({"عدن": 0.6, "صنعاء": 0.8}, {"عدن": 1.0})
    0.6
    """
    if len(u) > len(v):
        u, v = v, u
    return round(_dot(u, v), 12)


def _dot(u: dict[str, float], v: dict[str, float]) -> float:
    """The sum of ``u[t] * v[t]`` over the terms of ``u`` that ``v`` has, added in ``u``'s order (with maps, not
    a Python loop: the same products and the same sum)."""
    common = list(filter(v.__contains__, u))
    return sum(map(operator.mul, map(u.__getitem__, common), map(v.__getitem__, common)))


def _hash32(b: bytes) -> int:
    return zlib.crc32(b)


# --- shingles and shared passages -----------------------------------------------------------------------------


def shingles(words: list[str], n: int = SHINGLE) -> np.ndarray:
    """A 64-bit hash of each run of ``n`` words (position ``i`` covers words ``i … i+n-1``). Hashes are only
    compared within one run (Python's string hash), so equal runs have equal hashes.

    >>> g = shingles("ا ب ج د ه و".split(), 5); len(g), g.dtype.name
    (2, 'uint64')
    """
    return _roll(np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64), n)


def _roll(ids: np.ndarray, n: int) -> np.ndarray:
    """Rolling hash of each run of ``n`` values of ``ids`` (uint64)."""
    if len(ids) < n:
        return np.zeros(0, dtype=np.uint64)
    m = len(ids) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        h = (h << np.uint64(13)) | (h >> np.uint64(51))
        h ^= ids[k:k + m]
    return h


def content_shingles(f: Features, n: int = SHINGLE) -> np.ndarray:
    """:func:`shingles` of an article's words, with 0 for each 5-gram that holds no content word (function words,
    numbers, markup): such runs say nothing about shared copy.

    >>> g = content_shingles(features("a", "في 2015 من أجل أن قال الوزير")); bool(g[0] == 0), bool(g[2] != 0)
    (True, True)
    """
    g = _roll(f.hashes, n)
    if not len(g):
        return g
    content = np.cumsum(np.concatenate(([0], (f.term_ids >= 0).astype(np.int64))))
    g[(content[n:] - content[:-n]) == 0] = 0
    return g


@dataclass(frozen=True)
class Passage:
    """Words ``[a0, a1)`` of article a and ``[b0, b1)`` of article b share copy; ``matched_*`` words of each
    are inside shared runs."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched_a: int
    matched_b: int

    @property
    def similarity(self) -> float:
        matched = min(self.matched_a, self.a1 - self.a0) + min(self.matched_b, self.b1 - self.b0)
        return matched / max(1, (self.a1 - self.a0) + (self.b1 - self.b0))


def shared_runs(grams_a, grams_b, ignore: np.ndarray | None = None, max_positions: int = 4,
                distinct: tuple[np.ndarray, np.ndarray] | None = None) -> list[tuple[int, int, int]]:
    """Maximal runs ``(i, j, length)`` where 5-grams ``i…i+length-1`` of a equal ``j…`` of b (5-grams in
    ``ignore``, a sorted array, and those found more than ``max_positions`` times in a left out). ``distinct``:
    the distinct 5-grams of each (``np.unique``), when already known.

    >>> a = shingles("ا ب ج د ه و ز".split()); b = shingles("س ا ب ج د ه و".split())
    >>> shared_runs(a, b)
    [(0, 1, 2)]
    """
    ga, gb = np.asarray(grams_a, dtype=np.uint64), np.asarray(grams_b, dtype=np.uint64)
    common = (np.intersect1d(*distinct, assume_unique=True) if distinct is not None
              else np.intersect1d(ga, gb))
    if ignore is not None and len(ignore) and len(common):
        common = common[~_contains(ignore, common)]
    if not len(common):
        return []
    ia = _contains(common, ga).nonzero()[0]
    ia = ia[ga[ia].argsort(kind="stable")]  # positions in a, by 5-gram, then position
    gs = ga[ia]
    jb = _contains(common, gb).nonzero()[0]
    lo = gs.searchsorted(gb[jb], "left")
    cnt = gs.searchsorted(gb[jb], "right") - lo
    keep = cnt <= max_positions
    jb, lo, cnt = jb[keep], lo[keep], cnt[keep]
    if not len(jb):
        return []
    starts = np.repeat(cnt.cumsum() - cnt, cnt)
    i = ia[lo.repeat(cnt) + np.arange(int(cnt.sum())) - starts]
    j = jb.repeat(cnt)
    d = i - j
    order = np.lexsort((i, d))  # by diagonal, then position: a run is consecutive positions on one diagonal
    i, j, d = i[order], j[order], d[order]
    new = np.ones(len(i), dtype=bool)
    new[1:] = (d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1)
    first = new.nonzero()[0]
    lengths = np.diff(np.append(first, len(i)))
    return sorted(zip(i[first].tolist(), j[first].tolist(), lengths.tolist(), strict=True))


def _distinct(x: np.ndarray) -> np.ndarray:
    """``np.unique(x)`` of a 1-d array, without its overhead (it is called for every pair).

    >>> _distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    x = np.sort(x)
    keep = np.empty(len(x), dtype=bool)
    keep[:1] = True
    np.not_equal(x[1:], x[:-1], out=keep[1:])
    return x[keep]


def _contains(sorted_values: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Which items of ``x`` are in ``sorted_values`` (sorted, unique): ``np.isin`` by binary search."""
    if not len(sorted_values):
        return np.zeros(len(x), dtype=bool)
    k = sorted_values.searchsorted(x)
    k[k == len(sorted_values)] = 0
    return sorted_values[k] == x


def chain_passages(runs: list[tuple[int, int, int]], n: int = SHINGLE, max_gap: int = MAX_GAP_WORDS,
                   min_words: int = MIN_PASSAGE_WORDS) -> list[Passage]:
    """Chain runs that follow each other in both texts (gaps of at most ``max_gap`` words) into passages.

    >>> chain_passages([(0, 0, 10), (20, 18, 10)], min_words=10)
    [Passage(a0=0, a1=34, b0=0, b1=32, matched_a=28, matched_b=28)]
    """
    out: list[Passage] = []
    cur: list[tuple[int, int, int]] = []

    def close() -> None:
        if not cur:
            return
        cov_a: set[int] = set()
        cov_b: set[int] = set()
        for i, j, k in cur:
            cov_a.update(range(i, i + k + n - 1))
            cov_b.update(range(j, j + k + n - 1))
        if min(len(cov_a), len(cov_b)) >= min_words:
            out.append(Passage(min(cov_a), max(cov_a) + 1, min(cov_b), max(cov_b) + 1, len(cov_a), len(cov_b)))

    a_end = b_end = b_start = -1
    for i, j, k in runs:
        ea, eb = i + k + n - 1, j + k + n - 1
        if cur and i - a_end <= max_gap and -n <= j - b_end <= max_gap and j >= b_start:
            cur.append((i, j, k))
            a_end, b_end = max(a_end, ea), max(b_end, eb)
            continue
        close()
        cur = [(i, j, k)]
        a_end, b_end, b_start = ea, eb, j
    close()
    return out


def _best_sentence_pairs(ma: tuple[np.ndarray, ...], mb: tuple[np.ndarray, ...], min_shared: int,
                         min_dice: float, min_contained: float) -> list[tuple[int, int]]:
    """For each sentence i of a, the sentence j of b sharing most of its content terms (Dice), when they share
    ``min_shared`` terms, Dice ``min_dice`` and ``min_contained`` of the shorter; ties go to the earlier j.
    ``ma``, ``mb``: :meth:`Features.sentence_matrix`. Only sentence pairs with a term in common are counted."""
    (sent_a, term_a, len_a, uniq_a), (sent_b, term_b, len_b, uniq_b) = ma, mb
    common = np.intersect1d(uniq_a, uniq_b, assume_unique=True)
    if len(common) < min_shared:
        return []
    hit = _contains(common, term_a)
    sa, ta = sent_a[hit], term_a[hit]
    order = ta.argsort(kind="stable")
    sa, ta = sa[order], ta[order]
    hit = _contains(common, term_b)
    sb, tb = sent_b[hit], term_b[hit]
    lo = ta.searchsorted(tb, "left")
    cnt = ta.searchsorted(tb, "right") - lo
    i = sa[lo.repeat(cnt) + np.arange(int(cnt.sum())) - np.repeat(cnt.cumsum() - cnt, cnt)]
    nb = len(len_b)
    tally = np.bincount(i * nb + sb.repeat(cnt), minlength=len(len_a) * nb)
    key = (tally >= min_shared).nonzero()[0]
    if not len(key):
        return []
    shared = tally[key].astype(np.float64)  # terms the two sentences share
    i, j = key // nb, key % nb
    la, lb = len_a[i].astype(np.float64), len_b[j].astype(np.float64)
    dice = 2 * shared / (la + lb)
    ok = (dice >= min_dice) & (shared / np.minimum(la, lb) >= min_contained) & (la >= min_shared)
    i, j, dice = i[ok], j[ok], dice[ok]
    order = np.lexsort((j, -dice, i))  # per sentence of a: the best Dice first, the earlier sentence of b on ties
    i, j = i[order], j[order]
    first = np.ones(len(i), dtype=bool)
    first[1:] = i[1:] != i[:-1]
    return list(zip(i[first].tolist(), j[first].tolist(), strict=True))


def _rows_of(m: tuple[np.ndarray, ...], first: int, last: int) -> np.ndarray:
    """The terms of sentences ``first … last`` of a :meth:`Features.sentence_matrix` (rows sorted by sentence)."""
    lo, hi = m[0].searchsorted([first, last + 1]).tolist()
    return m[1][lo:hi]


def aligned_sentences(fa: Features, fb: Features, min_shared: int = 4, min_dice: float = 0.3,
                      min_contained: float = 0.5) -> list[Passage]:
    """Rewritten passages: runs of sentences of a and b whose content words largely agree (at least ``min_shared``
    terms in common, Dice ``min_dice``, and ``min_contained`` of the shorter sentence), one passage per run of
    consecutive aligned sentences. ``matched_*`` count the words whose term the other side shares.

    >>> a = features("a", "وأكد الوزير أن المحادثات ستستأنف في جنيف الأسبوع المقبل بحضور الأطراف. ثم غادر.")
    >>> b = features("b", "قال وزير إن محادثات جنيف سوف تستأنف بحضور كل الأطراف خلال الأسبوع المقبل.")
    >>> [(p.a0, p.a1, p.b0, p.b1) for p in aligned_sentences(a, b)]
    [(0, 11, 0, 13)]
    """
    ma, mb = fa.sentence_matrix(), fb.sentence_matrix()
    pairs = _best_sentence_pairs(ma, mb, min_shared, min_dice, min_contained)
    out: list[Passage] = []
    run: list[tuple[int, int]] = []

    def close() -> None:
        if not run:
            return
        a0, a1 = fa.sentences[run[0][0]][0], fa.sentences[run[-1][0]][1]
        b0, b1 = fb.sentences[min(j for _, j in run)][0], fb.sentences[max(j for _, j in run)][1]
        # the terms of the run's sentences: consecutive sentences of each side, a slice of its (sorted) rows
        ta = _distinct(_rows_of(ma, run[0][0], run[-1][0]))
        tb = _distinct(_rows_of(mb, min(j for _, j in run), max(j for _, j in run)))
        common = np.intersect1d(ta, tb, assume_unique=True)
        out.append(Passage(a0, a1, b0, b1, int(_contains(common, fa.term_ids[a0:a1]).sum()),
                           int(_contains(common, fb.term_ids[b0:b1]).sum())))

    for i, j in pairs:
        if run and i == run[-1][0] + 1 and 0 <= j - run[-1][1] <= 1:
            run.append((i, j))
            continue
        close()
        run = [(i, j)]
    close()
    return out


def merge_passages(verbatim: list[Passage], rewritten: list[Passage]) -> list[tuple[Passage, str]]:
    """Passages of both kinds for one pair, overlapping ones merged (in both texts): ``(passage, kind)``.
    A passage is ``verbatim`` when 5-gram runs with nearly every word matched cover 90% of it (it then keeps the
    bounds of the identical words, not of the sentences around them); else ``rewrite``.

    >>> merge_passages([Passage(1, 20, 1, 20, 19, 19)], [Passage(0, 21, 0, 21, 18, 18), Passage(40, 50, 40, 50, 6, 6)])
    [(Passage(a0=1, a1=20, b0=1, b1=20, matched_a=19, matched_b=19), 'verbatim'), \
(Passage(a0=40, a1=50, b0=40, b1=50, matched_a=6, matched_b=6), 'rewrite')]
    """
    items = [(p, p if p.similarity >= VERBATIM else None) for p in verbatim]
    items += [(p, None) for p in rewritten]
    items.sort(key=lambda x: (x[0].a0, x[0].b0))
    merged: list[tuple[Passage, Passage | None]] = []
    for p, exact in items:
        if merged:
            q, qexact = merged[-1]
            if p.a0 < q.a1 and p.b0 < q.b1 and p.b1 > q.b0:
                union = Passage(min(p.a0, q.a0), max(p.a1, q.a1), min(p.b0, q.b0), max(p.b1, q.b1),
                                max(p.matched_a, q.matched_a), max(p.matched_b, q.matched_b))
                if exact and qexact:
                    exact = Passage(min(exact.a0, qexact.a0), max(exact.a1, qexact.a1), min(exact.b0, qexact.b0),
                                    max(exact.b1, qexact.b1), exact.matched_a + qexact.matched_a,
                                    exact.matched_b + qexact.matched_b)
                merged[-1] = (union, exact or qexact)
                continue
        merged.append((p, exact))
    out = []
    for p, exact in merged:
        if exact is not None and (exact.a1 - exact.a0) >= 0.9 * (p.a1 - p.a0) - 6:
            out.append((exact, "verbatim"))
        else:
            out.append((p, "rewrite"))
    return out


# --- candidates -----------------------------------------------------------------------------------------------


def shingle_index(uniq_each: list[np.ndarray], cap: int | None = None,
                  min_shared: int = 3) -> tuple[np.ndarray, dict[tuple[int, int], int]]:
    """5-grams in more than ``cap`` articles (boilerplate, stock phrases; sorted), and the pairs of article indexes
    sharing at least ``min_shared`` of the others, with how many — all in arrays, never n × n.

    ``uniq_each``: the distinct 5-grams of each article (``np.unique`` of :func:`shingles`). ``cap`` defaults to
    ``max(20, 1% of the corpus)``.

    >>> g = np.unique(shingles("ا ب ج د ه و ز ح".split()))
    >>> frequent, pairs = shingle_index([g, g, g], cap=2); len(frequent), pairs
    (4, {})
    >>> shingle_index([g, g, g[:2]], cap=5)
    (array([], dtype=uint64), {(0, 1): 4})
    """
    grams = uniq_each
    cap = cap if cap is not None else max(20, len(grams) // 100)
    if not any(len(u) for u in uniq_each):
        return np.zeros(0, dtype=np.uint64), {}
    # each temporary array is let go as soon as it is used: this is the peak of the stage's memory
    allg = np.concatenate(uniq_each)
    order = allg.argsort(kind="stable")  # by 5-gram, then article
    g_sorted = allg[order]
    del allg
    a_sorted = np.repeat(np.arange(len(grams), dtype=np.int32), [len(u) for u in uniq_each])[order]
    del order
    new = np.empty(len(g_sorted), dtype=bool)  # the first entry of each distinct 5-gram
    new[:1] = True
    np.not_equal(g_sorted[1:], g_sorted[:-1], out=new[1:])
    first = new.nonzero()[0]
    counts = np.diff(np.append(first, len(g_sorted)))
    frequent = g_sorted[first[counts > cap]]
    del g_sorted, first
    size = counts.repeat(counts)  # articles sharing each entry's 5-gram
    keep = (size >= 2) & (size <= cap)
    del size
    group = new.cumsum()[keep]  # the number of each kept entry's 5-gram (+1)
    del new
    left, right = _pairs_within(group, a_sorted[keep])
    if not len(left):
        return frequent, {}
    key = left.astype(np.int64) * len(grams) + right
    pair_keys, n = np.unique(key, return_counts=True)
    ok = n >= min_shared
    return frequent, {(int(x // len(grams)), int(x % len(grams))): int(c)
                      for x, c in zip(pair_keys[ok].tolist(), n[ok].tolist(), strict=True)}


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (as datasketch applies it to each hash before its affine permutations)."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


@cache
def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations ``h → a·h + b mod 2³²`` of datasketch's ``MinHash(num_perm, seed)`` (its default
    ``affine32`` scheme: an odd ``a``), drawn the same way, so datasketch (and the scipy it imports, a third of
    a second per process) is not needed at run time; a test checks they are datasketch's."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


@cache
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows per band)`` of datasketch's ``MinHashLSH(threshold, num_perm)``: the pair that minimizes the
    false positive plus false negative probability mass (equal weights), integrated here with Simpson's rule
    instead of scipy's ``quad``; a test checks they are datasketch's.

    >>> lsh_bands(0.5, 64), lsh_bands(0.15, 64)
    ((14, 4), (32, 2))
    """
    pairs = np.array([(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], dtype=float)
    b, r = pairs[:, :1], pairs[:, 1:]

    def simpson(lo: float, hi: float, positive: bool) -> np.ndarray:
        s = np.linspace(lo, hi, 2001)[None, :]
        y = 1 - (1 - s ** r) ** b  # the probability that a pair of similarity s shares a band
        y = y if positive else 1 - y
        return (hi - lo) / 6000 * (y[:, 0] + y[:, -1] + 4 * y[:, 1:-1:2].sum(axis=1) + 2 * y[:, 2:-1:2].sum(axis=1))

    error = 0.5 * simpson(0.0, threshold, True) + 0.5 * simpson(threshold, 1.0, False)
    best = int(np.argmin(error))  # the first of equal errors, as datasketch's loop keeps it
    return int(pairs[best, 0]), int(pairs[best, 1])


def minhash_signatures(term_sets: list[list[str]], num_perm: int = NUM_PERM, block: int = 500) -> np.ndarray:
    """The MinHash signature of every term set (rows; an empty set keeps the maximum value), in bulk: the same
    values as datasketch's ``MinHash(num_perm, seed=1, hashfunc=crc32).update_batch`` (the default ``affine32``
    scheme), computed ``block`` sets at a time with numpy.

    >>> s = minhash_signatures([["عدن", "صنعاء"], ["صنعاء", "عدن"], []]); s.shape, bool((s[0] == s[1]).all())
    ((3, 64), True)
    """
    a, b = _permutations(num_perm)
    out = np.full((len(term_sets), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    crc: dict[str, int] = {}
    for lo in range(0, len(term_sets), block):
        sets = term_sets[lo:lo + block]
        sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
        if not sizes.sum():
            continue
        hv = np.fromiter((crc[t] if t in crc else crc.setdefault(t, _hash32(t.encode("utf-8")))
                          for ts in sets for t in ts), dtype=np.uint32, count=int(sizes.sum()))
        phv = _fmix32(hv)[:, None] * a[None, :] + b[None, :]  # wraps modulo 2^32, as datasketch's does
        rows = np.nonzero(sizes)[0]
        out[lo + rows] = np.minimum.reduceat(phv, (np.cumsum(sizes) - sizes)[rows], axis=0)
    return out


def _pairs_within(group: np.ndarray, member: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs ``(member[x], member[y])``, x < y, of entries with the same ``group`` (sorted by group): each
    group of k entries gives k(k-1)/2 pairs, made by comparing each entry with the one d places on, d = 1, 2, …"""
    sizes = np.bincount(np.unique(group, return_inverse=True)[1]) if len(group) else np.zeros(0, dtype=np.int64)
    size = np.repeat(sizes, sizes)
    left, right = [np.zeros(0, dtype=member.dtype)], [np.zeros(0, dtype=member.dtype)]
    for d in range(1, int(size.max(initial=1))):
        same = group[:-d] == group[d:]
        left.append(member[:-d][same])
        right.append(member[d:][same])
        live = size > d + 1
        group, member, size = group[live], member[live], size[live]
    return np.concatenate(left), np.concatenate(right)


def lsh_candidates(term_sets: list[list[str]], threshold: float = LSH_THRESHOLD,
                   num_perm: int = NUM_PERM) -> set[tuple[int, int]]:
    """Pairs of article indexes whose term sets MinHash LSH finds similar (never n × n): the pairs sharing a band
    of their signatures, with datasketch's bands for ``threshold`` (``MinHashLSH(threshold, num_perm)``: the pairs
    its ``query`` returns), banded in bulk with numpy.

    >>> sorted(lsh_candidates([["عدن", "حوثيين", "صنعاء"], ["عدن", "حوثيين", "صنعاء"], ["فيفا", "بلاتر"]]))
    [(0, 1)]
    """
    keys = _lsh_pair_keys(term_sets, threshold, num_perm)
    n = len(term_sets)
    return set(zip((keys // n).tolist(), (keys % n).tolist(), strict=True))


def _lsh_pair_keys(term_sets: list[list[str]], threshold: float = LSH_THRESHOLD,
                   num_perm: int = NUM_PERM) -> np.ndarray:
    """:func:`lsh_candidates` as sorted keys ``i * n + j``."""
    bands, width = lsh_bands(threshold, num_perm)
    sig = minhash_signatures(term_sets, num_perm)
    rows = np.nonzero(np.fromiter(map(len, term_sets), dtype=np.int64, count=len(term_sets)))[0]
    keys = [np.zeros(0, dtype=np.int64)]
    for band in range(bands):
        part = np.ascontiguousarray(sig[rows, band * width:(band + 1) * width])
        bucket = np.unique(part.view(np.dtype((np.void, part.itemsize * width))).ravel(), return_inverse=True)[1]
        order = np.argsort(bucket.ravel(), kind="stable")
        left, right = _pairs_within(bucket.ravel()[order], rows[order])
        keys.append(left.astype(np.int64) * len(term_sets) + right)
    return np.unique(np.concatenate(keys))


# --- the corpus-level computation ------------------------------------------------------------------------------


@dataclass
class Analysis:
    """What :func:`analyse` computes once for stories and copies."""

    ids: list[str]
    feats: list[Features]
    vectors: list[dict[str, float]]
    passages: dict[tuple[int, int], list[tuple[Passage, str]]]
    original: list[int]  # for an exact duplicate (same text), the index of its first copy; else its own index
    df: Counter | None = None  # articles with each content term (for idf and the topic terms)
    published: list | None = None  # the publication time of each article (``_published``), once asked for


def _actor_sets(mentions: pd.DataFrame | None, actors: pd.DataFrame | None) -> dict[str, set[str]]:
    if mentions is None or not len(mentions):
        return {}
    ok = _kept(mentions["actor_id"], actors, _STORY_KINDS, ("place:", "media:"))
    out: dict[str, set[str]] = {}
    for aid, actor in zip(mentions["article_id"][ok].tolist(), mentions["actor_id"][ok].tolist(), strict=True):
        out.setdefault(aid, set()).add(actor)
    return out


def _kept(actor_ids: pd.Series, actors: pd.DataFrame | None, kinds: tuple[str, ...],
          else_not: tuple[str, ...]) -> np.ndarray:
    """Which mentions name an actor of ``kinds`` (by ``actors``), or, with no actors table, an actor whose id does
    not start with ``else_not`` — as a boolean array, tested on a plain list of the ids (faster than ``isin``)."""
    ids = actor_ids.tolist()
    if actors is not None and len(actors) and "kind" in actors:
        keep = set(actors.loc[actors["kind"].isin(kinds), "actor_id"].tolist())  # a list: quicker to iterate
        return np.fromiter(map(keep.__contains__, ids), dtype=bool, count=len(ids))
    return np.fromiter((not str(a).startswith(else_not) for a in ids), dtype=bool, count=len(ids))


#: characters from the start of the body in which an article names its lead actors
LEAD_CHARS = 300


def _lead_actors(mentions: pd.DataFrame | None, actors: pd.DataFrame | None,
                 articles: pd.DataFrame, kinds: tuple[str, ...] = ("person", "organization", "group"),
                 else_not: tuple[str, ...] = ("place:", "media:", "country:"),
                 windows: dict[str, tuple[int, int]] | None = None) -> dict[str, dict[str, str]]:
    """Per article, the persons, organizations and groups (``kinds``; with no actors table, the actors whose id
    does not start with ``else_not``) it names in its opening (``LEAD_CHARS`` from the start of the body, after a
    dateline or byline the body opens with), each with the last word of its first name form there (normalized) —
    so another article that spells or links the name differently still counts as naming it. ``windows``: the
    articles' :func:`_lead_windows`, when already known."""
    if mentions is None or not len(mentions) or "start" not in mentions:
        return {}
    ok = _kept(mentions["actor_id"], actors, kinds, else_not)
    if not ok.any():
        return {}
    window = _lead_windows(articles) if windows is None else windows
    out: dict[str, dict[str, str]] = {}
    m = {c: mentions[c][ok] for c in ("article_id", "actor_id", "start", "surface")}  # only the kept rows
    for aid, actor, start, surface in zip(m["article_id"].astype(str).tolist(), m["actor_id"].tolist(),
                                          m["start"].astype(int).tolist(), m["surface"].fillna("").astype(str).tolist(),
                                          strict=True):
        lo, hi = window.get(aid, (0, LEAD_CHARS))
        if not lo <= start < hi:
            continue
        words = _WORD_RE.findall(surface)
        if words:
            out.setdefault(aid, {}).setdefault(actor, norm(words[-1]))
    return out


def _lead_windows(articles: pd.DataFrame, texts: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """Per article, the character span of its opening: ``LEAD_CHARS`` from the start of the body, after a dateline
    or byline the body opens with (computed once for every kind of lead actor). ``texts``: the articles' texts as
    a list, when already made (the column's conversion is not free)."""
    ids = articles["article_id"].astype(str).tolist()
    if texts is None:
        texts = articles["text"].fillna("").astype(str).tolist()
    body = articles["body_start"].fillna(0).astype(int).tolist() if "body_start" in articles else [0] * len(ids)
    lines = articles["dateline"].fillna("").astype(str).tolist() if "dateline" in articles else [""] * len(ids)
    window = {}
    for aid, t, b, line in zip(ids, texts, body, lines, strict=True):
        line = line.strip()
        skip = t.find(line, b, b + len(line) + 20) if line else -1
        start = skip + len(line) if skip >= 0 else b
        window[aid] = (start, start + LEAD_CHARS)
    return window


def focus_conflict(lead_a: dict[str, str], lead_b: dict[str, str], named_a: set[str], named_b: set[str],
                   words_a: set[str], words_b: set[str], weight: dict[str, float]) -> bool:
    """Two articles are about different events when each opens on a person (``lead_*``: actor → last word of its
    name) the other never names (neither the actor in ``named_*`` nor the word in ``words_*``), and that person
    weighs more (``weight``: rarity in the corpus) than any opening actor both name — two visitors received on the
    same day by the same host, two signings of one club.

    >>> w = {"person:host": 3.0, "person:kadyrov": 5.0, "person:geagea": 5.0}
    >>> a, b = {"person:host": "سلمان", "person:kadyrov": "قاديروف"}, {"person:host": "سلمان", "person:geagea": "جعجع"}
    >>> focus_conflict(a, b, set(a), set(b), {"سلمان", "قاديروف"}, {"سلمان", "جعجع"}, w)
    True
    >>> focus_conflict(a, b, set(a), set(b), {"سلمان", "قاديروف"}, {"سلمان", "جعجع", "قاديروف"}, w)
    False
    """
    def seen(x: str, lead: dict[str, str], named: set[str], words: set[str]) -> bool:
        return x in named or lead[x] in words

    shared = max((weight.get(x, 0.0) for x in lead_a if seen(x, lead_a, named_b, words_b)), default=0.0)
    shared = max(shared, max((weight.get(x, 0.0) for x in lead_b if seen(x, lead_b, named_a, words_a)), default=0.0))
    only_a = max((weight.get(x, 0.0) for x in lead_a
                  if x.startswith("person:") and not seen(x, lead_a, named_b, words_b)), default=0.0)
    only_b = max((weight.get(x, 0.0) for x in lead_b
                  if x.startswith("person:") and not seen(x, lead_b, named_a, words_a)), default=0.0)
    return min(only_a, only_b) > shared


def place_conflict(lead_a: dict[str, str], lead_b: dict[str, str], named_a: set[str], named_b: set[str],
                   words_a: set[str], words_b: set[str]) -> bool:
    """Two articles are about different events when each opens in a place (``lead_*``: the places, below the
    country, its opening names → the last word of the name) that the other never names (neither the place in
    ``named_*`` nor the word in ``words_*``): one office's notice in two regions, two accidents on two roads.

    >>> a, b = {"place:qassim": "القصيم"}, {"place:hail": "حايل"}
    >>> place_conflict(a, b, set(a), set(b), {"جوازات", "القصيم"}, {"جوازات", "حايل"})
    True
    >>> place_conflict(a, b, set(a), set(b) | {"place:qassim"}, {"جوازات", "القصيم"}, {"جوازات", "حايل"})
    False
    """
    if not lead_a or not lead_b:
        return False
    return not any(x in named_b or w in words_b for x, w in lead_a.items()) \
        and not any(x in named_a or w in words_a for x, w in lead_b.items())


#: the place heads of ``data/lexicon.yaml`` after which a word names a region, a city or a district (منطقة القصيم،
#: محافظة عنيزة): a country's own heads (جمهورية) and facilities (مطار) left out
_NOT_REGION_HEADS = frozenset({"جمهوريه", "جمهوريتي", "مطار", "ميناء"})
_CLITICS = "وفبلك"


@cache
def region_heads() -> frozenset[str]:
    """Normalized one-word place heads that name a region, city or district after them (``data/lexicon.yaml``
    ``place_heads``, less a country's and a facility's).

    >>> "منطقه" in region_heads(), "مطار" in region_heads()
    (True, False)
    """
    from arnews import lang

    return frozenset(h for h in map(norm, lang.load("lexicon.yaml")["place_heads"])
                     if " " not in h and h not in _NOT_REGION_HEADS)


@cache
def place_words() -> frozenset[str]:
    """Normalized words that name a kind of place or building (``data/lexicon.yaml`` ``place_heads`` and
    ``event_heads``, articles cut): a hospital in a city is no office of a region (مستشفى الششة).

    >>> "مستشفي" in place_words(), "جوازات" in place_words()
    (True, False)
    """
    from arnews import lang

    data = lang.load("lexicon.yaml")
    return frozenset(office_word(norm(h)) or norm(h) for h in data["place_heads"] + data["event_heads"])


def bare(word: str) -> str:
    """A normalized word without one clitic و ف ب ل ك before it, when more than three letters stay.

    >>> bare("بحائل"), bare("وزير"), bare("حائل")
    ('حائل', 'وزير', 'حائل')
    """
    return word[1:] if len(word) > 4 and word[0] in _CLITICS and not word.startswith("ال") else word


def title_places(title: tuple[str, ...], lead: tuple[str, ...], places: Iterable[str] = ()) -> dict[str, str]:
    """The regional offices a headline names: each place it names right after a content word (normalized, clitic
    and article cut: جوازات حائل → حائل: جوازات) — a place the lead (``title`` + opening words, normalized) names
    after a region head (منطقة القصيم) or the last word of a place the lead names (``places``: below the country,
    as tagged).

    >>> t = tuple("جوازات القصيم تستانف استقبال اليمنيين".split())
    >>> title_places(t, t + tuple("تستانف جوازات منطقه القصيم في مراكز".split()))
    {'القصيم': 'جوازات'}
    >>> title_places(t, t + tuple("بدات المديريه العامه للجوازات".split()))
    {}
    """
    heads = region_heads()
    named = {bare(w) for w in places}
    named.update(bare(lead[k + 1]) for k in range(len(lead) - 1) if bare(lead[k]) in heads)
    out: dict[str, str] = {}
    for k in range(1, len(title)):
        w, office = bare(title[k]), office_word(title[k - 1])
        if w in named and w not in heads and office and office not in place_words():
            out.setdefault(w, office)
    return out


def office_word(word: str) -> str | None:
    """A normalized word as the office of a region may be named by it (جوازات حائل، الجوازات، وللجوازات →
    جوازات): without clitic and article; None for a function word.

    >>> office_word("للجوازات"), office_word("وللجوازات"), office_word("جوازات"), office_word("في")
    ('جوازات', 'جوازات', 'جوازات', None)
    """
    if content_term(word) is None:
        return None
    w = strip_clitics(word)
    return w[2:] if w.startswith("ال") and len(w) > 4 else bare(w)


def title_offices(title: tuple[str, ...]) -> frozenset[str]:
    """The offices a headline (its normalized words) may name (:func:`office_word` of each word), with a region or
    not: computed once per article.

    >>> sorted(title_offices(("الجوازات", "تصحح", "في")))
    ['تصحح', 'جوازات']
    """
    return frozenset(filter(None, map(office_word, title)))


def regional_conflict(offices_a: dict[str, str], offices_b: frozenset[str],
                      words_b: Callable[[], frozenset[str]]) -> bool:
    """Whether a headline names a region's office (``offices_a``: :func:`title_places`) that the other headline
    (``offices_b``: its :func:`title_offices`) names with no region, in an article (``words_b``: gives its
    normalized words, asked only then) that never names that region, bare or after a clitic: the region's own
    notice beside the national figures.

    >>> t = title_offices(("الجوازات", "تصحح", "اوضاع", "اليمنيين"))
    >>> regional_conflict({"حائل": "جوازات"}, t, lambda: frozenset({"امس"}))
    True
    >>> regional_conflict({"حائل": "جوازات"}, t, lambda: frozenset({"بحائل"}))
    False
    """
    if not offices_a:
        return False
    places = [place for place, office in offices_a.items() if office in offices_b]
    if not places:
        return False
    words = words_b()
    return any(place not in words and not any(c + place in words for c in _CLITICS) for place in places)


#: how many words after its verb make the subject of an opening sentence (:func:`opening_subject`): the host's
#: titles and name (خادم الحرمين الشريفين الملك سلمان، صاحب السمو الملكي الأمير محمد بن سلمان)
SUBJECT_WORDS = 6
#: how many opening words of the body may come before that verb (a dateline: واس - جدة)
VERB_WITHIN = 6


@cache
def title_words_of_persons() -> frozenset[str]:
    """Normalized first words of the titles that introduce a person (``data/titles.yaml``: الرئيس، الأمير، الملك،
    وزير …): a subject holding one is a titled person, a host.

    >>> "الامير" in title_words_of_persons(), "جندي" in title_words_of_persons()
    (True, False)
    """
    from arnews import lang

    return frozenset(norm(t["ar"]).split()[0] for t in lang.load("titles.yaml")["titles"])


def opening_subject(opening: tuple[str, ...]) -> frozenset[str]:
    """The subject of an opening that starts on an agent verb (:func:`arnews.lang.agent_verbs`, within
    ``VERB_WITHIN`` words: after a dateline): the content words of the ``SUBJECT_WORDS`` words after it, clitics cut
    (:func:`bare`); empty when the opening starts otherwise.

    >>> sorted(opening_subject(tuple("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز".split())))
    ['الحرمين', 'الشريفين', 'الملك', 'خادم', 'سلمان']
    >>> opening_subject(tuple("تمكنت فرق الاطفاء من اخماد حريق".split()))
    frozenset()
    """
    from arnews import lang

    verbs, stops = lang.agent_verbs(), stop_words()
    for k, w in enumerate(opening[:VERB_WITHIN]):
        if w in verbs:
            return frozenset(bare(x) for x in opening[k + 1:k + 1 + SUBJECT_WORDS] if len(x) > 2 and x not in stops)
    return frozenset()


def other_subjects(subject_a: frozenset[str], subject_b: frozenset[str], lead_a: frozenset[str],
                   lead_b: frozenset[str]) -> bool:
    """Whether two openings tell of two actors doing the thing: each one's subject (:func:`opening_subject`) is
    mostly (half its words or more) missing from the other's lead (``lead_*``: its title and opening words, clitics
    cut) — the King receiving a visitor, and the crown prince meeting the same visitor. A subject the other lead
    names as the object (the visitor received) is no other actor. When only one opening has a subject, it must be a
    titled person (:func:`title_words_of_persons`) of whom the other lead names no word (a visitor's interview beside
    a host's meeting with him).

    >>> king = frozenset({"خادم", "الحرمين", "الشريفين", "الملك", "سلمان"})
    >>> prince = frozenset({"صاحب", "السمو", "الملكي", "الامير", "محمد"})
    >>> other_subjects(king, prince, king | {"جعجع"}, prince | {"سلمان", "جعجع"})
    True
    >>> other_subjects(king, prince, king | {"جعجع"}, prince | {"خادم", "الحرمين", "الشريفين", "جعجع"})
    False
    """
    if not subject_a or not subject_b:  # one subject, a titled person: the other lead must name none of its words
        titled = title_words_of_persons()
        return any(x and not x.isdisjoint(titled) and x.isdisjoint(lead) for x, lead in ((subject_a, lead_b),
                                                                                           (subject_b, lead_a)))
    return 2 * len(subject_a & lead_b) < len(subject_a) and 2 * len(subject_b & lead_a) < len(subject_b)


def is_digest(text: str, start: int = 0, min_items: int = DIGEST_ITEMS) -> bool:
    """Whether an article (its body from ``start``) is a round-up of unrelated items — a news digest of bulleted
    items, a "this day in history" list of dated entries — rather than the report of one event.

    >>> is_digest("* أثينا - رويترز: حرائق.\\n* جوهانسبورغ - رويترز: زوما بخير.\\n* نيودلهي - رويترز: انهيار.")
    True
    >>> is_digest("1948 - اعتقال قادة الحزب. 1956 - البنك الدولي لن يمول السد. 1969 - ارمسترونغ على القمر.")
    True
    >>> is_digest("قال الوزير إن عام 2015 - كما توقعنا - شهد نموا.")
    False
    """
    if sum(text.count(dash, start) for dash in "-–—") < min_items:  # each item has a dash: most texts stop here
        return False
    found = 0
    for _ in _DIGEST_ITEM_RE.finditer(text, start):
        found += 1
        if found >= min_items:
            return True
    return False


#: letters that open a word's inflected forms (proclitics, the imperfect's prefixes, the hamza of the verbal noun and
#: the ست of form X) and that end them (the perfect's ت, the feminine ه): :func:`term_skeleton` cuts them
_SKELETON_HEAD = frozenset("وفبلكتيناس")
_SKELETON_TAIL = frozenset("ته")


def term_skeleton(term: str) -> str:
    """A coarse key of a content term (:func:`content_term`) under which a verb's tenses and its verbal noun meet
    (تعتذر / اعتذرت / اعتذارها, تستخدم / استخدامها): up to three opening letters of ``_SKELETON_HEAD`` and one
    closing letter of ``_SKELETON_TAIL`` cut while more than three letters stay. Coarser than the term, for asking
    whether another article says the same thing in other forms, not for telling words apart.

    >>> [term_skeleton(content_term(norm(w))) for w in ("تعتذر", "اعتذرت", "اعتذارها", "تستخدم", "استخدامها")]
    ['عتذر', 'عتذر', 'عتذر', 'خدم', 'خدم']
    >>> term_skeleton("قدرف")
    'قدرف'
    """
    w = term
    for _ in range(3):
        if len(w) > 3 and w[0] in _SKELETON_HEAD:
            w = w[1:]
    if len(w) > 3 and w[-1] in _SKELETON_TAIL:
        w = w[:-1]
    return w


def lead_cover(keys: np.ndarray, weights: np.ndarray, other: np.ndarray) -> float:
    """The share of an article's lead (``keys``: the numbers of its distinctive terms, each with its ``weights``)
    that another article has among its terms (``other``: their numbers, sorted, unique): 1.0 when the other
    reports what the lead says, near 0 when it reports another event — the same host with another guest, another
    battle of the war, one item of a round-up.

    >>> lead, weights = np.array([7, 3, 5]), np.array([3.0, 3.0, 1.0])  # قاديروف، الشيشان، جدة
    >>> lead_cover(lead, weights, np.array([3, 5, 7, 9])), round(lead_cover(lead, weights, np.array([2, 5])), 3)
    (1.0, 0.143)
    """
    total = float(weights.sum())
    return float(weights[_contains(other, keys)].sum()) / total if total else 1.0


#: how many opening words of the body (after the title) :func:`same_template_other_facts` aligns
TEMPLATE_WORDS = 40
#: the share of the shorter lead that must be the same text, in order, for two leads to be one template
TEMPLATE_SAME = 0.5
#: the most words a filled slot of a template may span on either side (a number, a month, an ordinal)
TEMPLATE_SLOT = 3
_NUMBER_RE = re.compile(r"^(?:[وفبل]|[وفبل]?الـ?)?(\d+(?:[.,٫]\d+)?)$")  # 12، و12، الـ72
_NOT_DIGIT_RE = re.compile(r"\D")


@cache
def fact_words() -> dict[str, tuple[str, str]]:
    """Normalized words that state a fact a template is filled with → (kind, value): month names (CLDR and
    hijridate, via arnews.lang), weekdays (CLDR), and numbers and ordinals written as words (data/dates.yaml:
    ``number_words``, ``day_units``, ``day_tens``). Numbers in digits are read by :func:`fact_of`.

    >>> fact_words()["يونيو"], fact_words()["الرابعه"], fact_words()["الثلاثاء"]
    (('month', '6'), ('number', '4'), ('weekday', '1'))
    """
    from arnews import lang

    data = lang.load("dates.yaml")
    units = {norm(w) for forms in data["units"].values() for w in forms}  # يوم counts one day, says no number
    out: dict[str, tuple[str, str]] = {}
    for kind, names in (("number", lang.number_words()), ("weekday", lang.weekday_names())):
        for name, value in names.items():
            if name not in units:
                out.setdefault(name, (kind, str(value)))
    for kind, names in (("month", lang.month_names()), ("hijri", lang.hijri_month_names())):
        for name, value in names.items():
            if " " not in name:  # a two-word name (كانون الثاني) by its first word would say nothing of the month
                out.setdefault(name, (kind, str(value)))
    for key in ("day_units", "day_tens"):
        for value, words in data[key].items():
            for w in words:
                out.setdefault(norm(w), ("number", str(value)))
    return out


@lru_cache(maxsize=1 << 16)
def fact_of(word: str) -> tuple[str, str] | None:
    """The fact a normalized word states (:func:`fact_words`; digits are a number, its decimal comma made a
    point), a clitic و ف ب ل before it allowed; None for other words.

    >>> fact_of("والثالثه"), fact_of("12,5"), fact_of("الـ72"), fact_of("بيونيو"), fact_of("حادث")
    (('number', '3'), ('number', '12.5'), ('number', '72'), ('month', '6'), None)
    """
    number = _NUMBER_RE.match(word)
    if number:
        return "number", number.group(1).replace(",", ".").replace("٫", ".")
    facts = fact_words()
    found = facts.get(word)
    if found is None and len(word) > 3 and word[0] in "وفبل":
        rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
        found = facts.get(rest)
        if found is None and rest[:1] in "بل" and len(rest) > 3:  # وبـ، ولـ
            found = facts.get(rest[1:])
    return found


@cache
def _relative_day_phrases() -> dict[str, list[tuple[str, ...]]]:
    """The relative-day phrases of several words (data/dates.yaml ``relative_days``: أمس الأول، أول من أمس), by
    their first word: their ordinals state no fact of the event."""
    from arnews import lang

    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lang.load("dates.yaml")["relative_days"]:
        words = tuple(norm(phrase).split())
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    return out


@lru_cache(maxsize=1 << 14)
def lead_facts(words: tuple[str, ...]) -> tuple[tuple[str, str] | None, ...]:
    """The fact each normalized word states (:func:`fact_of`), None for the others and for the words of a
    relative-day phrase (the ordinal of أمس الأول is no ordinal of the event).

    >>> lead_facts(tuple("وقع الحادث مساء امس الاول في 3 يونيو".split()))
    (None, None, None, None, None, None, ('number', '3'), ('month', '6'))
    >>> lead_facts(tuple("يوم السادس والعشرين من فبراير".split()))
    (None, ('number', '26'), None, None, ('month', '2'))
    """
    out = [fact_of(w) for w in words]
    if any(out):
        for k in range(len(out) - 1):  # السادس والعشرين: one number, 26
            x, y = out[k], out[k + 1]
            if x and y and x[0] == y[0] == "number" and words[k + 1][0] == "و" and not words[k][0].isdigit() \
                    and not words[k + 1][1].isdigit():
                out[k], out[k + 1] = ("number", str(int(x[1]) + int(y[1]))), None
        phrases = _relative_day_phrases()
        for k, w in enumerate(words):
            for phrase in phrases.get(w, ()):
                if tuple(words[k:k + len(phrase)]) == phrase:
                    out[k:k + len(phrase)] = [None] * len(phrase)
    return tuple(out)


#: two numbers of 10 or more this close (relative to the larger) are one figure, rounded or revised (27 and 30 dead)
NUMBER_SLACK = 0.1


def same_fact(x: tuple[str, str], y: tuple[str, str]) -> bool:
    """Whether two facts (:func:`fact_of`) may be one: the same, or one number given to more or fewer digits (6.9
    and 6.935, 354 ألف and 354863), or two numbers of 10 or more within ``NUMBER_SLACK`` of each other.

    >>> same_fact(("number", "6.9"), ("number", "6.935")), same_fact(("number", "27"), ("number", "30"))
    (True, True)
    >>> same_fact(("number", "3"), ("number", "4")), same_fact(("month", "4"), ("month", "6"))
    (False, False)
    """
    if x[0] != y[0]:
        return False
    if x[1] == y[1]:
        return True
    if x[0] != "number":
        return False
    dx, dy = _NOT_DIGIT_RE.sub("", x[1]), _NOT_DIGIT_RE.sub("", y[1])
    if dx.startswith(dy) or dy.startswith(dx):
        return True
    vx, vy = float(x[1]), float(y[1])
    return min(vx, vy) >= 10 and abs(vx - vy) <= NUMBER_SLACK * max(vx, vy)


def same_template_other_facts(lead_a: tuple[str, ...], lead_b: tuple[str, ...], rest_a: tuple[str, ...] = (),
                              rest_b: tuple[str, ...] = (), same: float = TEMPLATE_SAME,
                              slot: int = TEMPLATE_SLOT) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Whether two leads (normalized words: title and opening) are one template filled with other facts — the
    same wording in the same order (at least ``same`` of the shorter lead) where a stretch that differs states,
    within ``slot`` words of the same edge on both sides, a fact of one kind that the other lead never states
    (:func:`same_fact`): another number or ordinal (الحلقة الثالثة / الرابعة), another month, another weekday.
    Such a pair is two instalments or two events, not one story. A headline that picks another figure of the same
    report is no such slot: the other lead (or the ``rest`` of it, when the leads are titles) states that figure
    too. Returns the pairs of differing facts found
    (empty when none): one revised figure is not a new release.

    >>> a = tuple("نشر الحلقه الثالثه من مذكرات الوزير السابق عن سنوات الحرب".split())
    >>> b = tuple("نشر الحلقه الرابعه من مذكرات الوزير السابق عن سنوات الحرب".split())
    >>> same_template_other_facts(a, b)
    [(('number', '3'), ('number', '4'))]
    >>> same_template_other_facts(a, a)
    []
    """
    from difflib import SequenceMatcher

    if not lead_a or not lead_b:
        return []
    at_a, at_b = lead_facts(lead_a), lead_facts(lead_b)
    all_a, all_b = [f for f in at_a if f], [f for f in at_b if f]
    if not all_a or not all_b:
        return []
    all_a += [f for f in lead_facts(rest_a) if f]
    all_b += [f for f in lead_facts(rest_b) if f]
    # the cheap tests first: a fact each side states and the other does not, then enough words in common
    if all(any(same_fact(fa, x) for x in all_b) for fa in all_a) \
            or all(any(same_fact(fb, x) for x in all_a) for fb in all_b):
        return []
    least = same * min(len(lead_a), len(lead_b))
    if len(set(lead_a) & set(lead_b)) < least:
        return []
    m = SequenceMatcher(None, lead_a, lead_b, autojunk=False)
    if sum(b.size for b in m.get_matching_blocks()) < least:
        return []
    found: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for tag, a0, a1, b0, b1 in m.get_opcodes():
        if tag != "replace":
            continue
        for sa, sb in (((a0, min(a1, a0 + slot)), (b0, min(b1, b0 + slot))),
                       ((max(a0, a1 - slot), a1), (max(b0, b1 - slot), b1))):
            facts_a = [f for f in at_a[sa[0]:sa[1]] if f]
            facts_b = [f for f in at_b[sb[0]:sb[1]] if f]
            if not facts_a or not facts_b:
                continue
            for fa in facts_a:
                if any(same_fact(fa, x) for x in all_b):
                    continue
                for fb in facts_b:
                    if fb[0] == fa[0] and not any(same_fact(fb, x) for x in all_a) and (fa, fb) not in found:
                        found.append((fa, fb))
    return found


_LETTER_CLASSES = {"ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]", "آ": "[اأإآ]", "ى": "[ىي]", "ي": "[ىي]", "ة": "[ةه]",
                   "ه": "[ةه]", " ": r"\s+"}


@cache
def _subject_change_re() -> re.Pattern:
    """The phrases of data/lexicon.yaml ``subject_change_cues`` at the start of a sentence (after its end or a
    line break, و allowed before them), spelled with or without hamza, ى or ي, ة or ه."""
    from arnews import lang

    phrases = sorted(lang.load("lexicon.yaml")["subject_change_cues"], key=len, reverse=True)
    alts = "|".join("".join(_LETTER_CLASSES.get(c, re.escape(c)) for c in p) for p in phrases)
    return re.compile(rf"(?:^|[.!؟?\n])[ \t\u00a0]*و?(?:{alts})(?![\w])")


def subject_change(text: str, start: int = 0) -> int | None:
    """The offset at which an article's body (from ``start``) turns to another subject (a sentence opening on
    «ومن جهة أخرى»، «في سياق آخر» …), None when it never does. «من جهة … ومن جهة أخرى» inside one sentence (on
    the one hand … on the other) is no turn.

    >>> text = "افتتح الوزير المعرض. ومن جهة أخرى، أعلنت الوزارة موعد الامتحانات."
    >>> text[subject_change(text):][:14]
    ' ومن جهة أخرى،'
    >>> subject_change("قد تغلق المصانع من جهة وتحد من الفائض من جهة أخرى. وتسن الحكومة لوائح.") is None
    True
    """
    m = _subject_change_re().search(text, start)
    return m.start() + (m.group(0)[:1] in ".!؟?\n") if m else None


#: the readings of one quantity each lead must state for :func:`other_readings` to compare them (a bulletin states
#: a level and its change; one figure alone may be another measure: the day's loss beside the other's close)
READING_MIN = 2
#: characters of the body's opening (after the title) in which :func:`lead_readings` looks for readings
READING_CHARS = 800
_READING_RE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)(?:\s*[-–]\s*(\d+(?:[.,]\d+)*))?"
                         r"\s*([^\s\d.,،:؛()]+(?:\s*/\s*[^\s\d.,،:؛()]+)?)")  # 57.05 دولار، 20-45 كم/ساعة


@cache
def reading_units() -> dict[str, str]:
    """Normalized unit words of an exact reading → the quantity they measure (data/lexicon.yaml ``reading_units``).

    >>> reading_units()["نقطه"], reading_units()["كم/ساعه"]
    ('index_points', 'speed')
    """
    from arnews import lang

    return {norm(w).replace(" ", ""): q for q, words in lang.load("lexicon.yaml")["reading_units"].items()
            for w in words}


@cache
def intraday_cues() -> tuple[str, ...]:
    """Normalized words that time a reading within a session still trading (data/lexicon.yaml ``intraday_cues``).

    >>> "بتوقيت" in intraday_cues()
    True
    """
    from arnews import lang

    return tuple(norm(w) for w in lang.load("lexicon.yaml")["intraday_cues"])


def lead_readings(text: str) -> dict[str, frozenset[str]]:
    """The exact readings a lead states (a figure just before a unit of :func:`reading_units`): quantity → the
    figures (:func:`_figure`; a range, 20-45, is one reading). None when the lead times them (:func:`intraday_cues`:
    snapshots of a session still trading differ from hour to hour).

    >>> r = lead_readings("أغلق المؤشر عند 9,337.86 نقطة مرتفعا 62.65 نقطة، وسجل برنت 57.05 دولار للبرميل")
    >>> sorted(r["index_points"]), sorted(r["dollars"]), sorted(lead_readings("رياح 20 - 45 كم/ساعة")["speed"])
    (['62.65', '9337.86'], ['57.05'], ['20-45'])
    >>> lead_readings("سجل برنت ٥٧٫٠٥ دولار و١٫٤٦ دولار") == lead_readings("سجل برنت 57.05 دولار و1.46 دولار")
    True
    """
    units = reading_units()
    out: dict[str, set[str]] = {}
    normed = norm(text)
    if any(cue in normed for cue in intraday_cues()):
        return {}
    for m in _READING_RE.finditer(normed):  # Arabic-Indic digits and separators are Latin there (٥٧٫٠٥ → 57.05)
        quantity = units.get(m.group(3).replace(" ", ""))
        if quantity is None:
            continue
        out.setdefault(quantity, set()).add("-".join(map(_figure, filter(None, m.group(1, 2)))))  # 20-45: one
    return {q: frozenset(v) for q, v in out.items()}


def _figure(figure: str) -> str:
    """A figure (of normalized text: Latin digits) as digits and a decimal point: thousands separators dropped, a
    decimal comma made a point.

    >>> _figure("9,337.86"), _figure("7.512,40"), _figure("12,5")
    ('9337.86', '7512.40', '12.5')
    """
    if ("." in figure and "," in figure and figure.rindex(",") > figure.rindex(".")) \
            or (figure.count(",") == 1 and "." not in figure and len(figure.split(",")[1]) != 3):
        figure = figure.replace(".", "").replace(",", ".")  # 7.512,40 and 12,5: a decimal comma
    return figure.replace(",", "")


def other_readings(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    """Whether two leads' readings (:func:`lead_readings`) are of two sessions: both give ``READING_MIN``
    readings or more of some quantity, and no figure of any quantity they share is the same in both (one given
    to fewer decimals counts as the same: 57.05 and 57.1 are not, 57.05 and 57 are). A price, an index close, a
    wind speed is exact: the NUMBER_SLACK of revised tolls does not apply.

    >>> other_readings({"dollars": frozenset({"57.05", "1.46"})}, {"dollars": frozenset({"56.65", "0.45"})})
    True
    >>> other_readings({"dollars": frozenset({"57.05", "1.46"})}, {"dollars": frozenset({"57", "51.4"})})
    False
    >>> other_readings({"dollars": frozenset({"57.05", "1.46"})}, {"degrees": frozenset({"45", "30"})})
    False
    """
    shared = [q for q in a.keys() & b.keys() if len(a[q]) >= READING_MIN and len(b[q]) >= READING_MIN]
    if not shared:
        return False
    for q in shared:
        for x in a[q]:
            for y in b[q]:
                short, long = (x, y) if len(x) <= len(y) else (y, x)
                if long == short or (long.startswith(short) and "." not in short and long[len(short)] == "."):
                    return False
    return True


#: characters from the start of the body in which an article states the day of its event (its first sentence or two)
LEAD_DATE_CHARS = 300


@cache
def near_days() -> tuple[dict[str, int], dict[str, int]]:
    """Normalized words that name a day near the writing (أمس، اليوم، غدا: data/dates.yaml's one-word
    ``relative_days`` and ``relative_day_words``), and words that put a named day on one side of it (الماضي،
    المقبل: ``past``, ``future``); each with its side: -1 gone, 1 to come, 0 the day itself.

    >>> days, sides = near_days()
    >>> days["امس"], days["اليوم"], sides["المقبل"], "ايام" in days
    (-1, 0, 1, False)
    """
    from arnews import lang

    data = lang.load("dates.yaml")
    days: dict[str, int] = {}
    for key in ("relative_days", "relative_day_words"):
        for phrase, offset in data[key].items():
            if " " not in phrase:
                days.setdefault(norm(phrase), (offset > 0) - (offset < 0))
    return days, days | {norm(w): -1 for w in data["past"]} | {norm(w): 1 for w in data["future"]}


def lead_days(phrases: Iterable[str]) -> tuple[frozenset[int], frozenset[int]]:
    """The days a lead's day phrases put its events on: the weekdays they name (0 Monday … 6 Sunday), and which
    side of the writing the near days they name lie (:func:`near_days`: a weekday or a relative day; -1 gone, 1 to
    come, 0 the day itself or unsaid). A bare relative day (اليوم، أمس) names no weekday — it is resolved against
    the publication date, which may be the day the page was collected rather than the day it was written — and
    then the lead names none at all: its event may be on that day. A date in full (26 فبراير المقبل) or a span
    (بعد أربعة أيام) is no near day: often the date of something else.

    >>> lead_days(["أمس الاثنين", "صباح يوم الجمعة المقبل", "17 ديسمبر"])
    (frozenset({0, 4}), frozenset({1, -1}))
    >>> lead_days(["اليوم", "26 فبراير المقبل", "بعد أربعة أيام"])
    (frozenset(), frozenset({0}))
    >>> lead_days(["اليوم", "منذ يوم الجمعة"])  # today's plunge, below a level broken since Friday
    (frozenset(), frozenset({0}))
    """
    weekdays: set[int] = set()
    tenses: set[int] = set()
    near, side = near_days()
    unnamed = False  # a near day without its weekday: the event may be on a day the lead does not name
    for surface in phrases:
        words = [norm(w) for w in _WORD_RE.findall(surface)]
        named = {int(f[1]) for f in map(fact_of, words) if f and f[0] == "weekday"}
        weekdays |= named
        if named or any(w in near for w in words):
            unnamed |= not named
            tenses.add(next((side[w] for w in words if side.get(w)), 0))
    return frozenset() if unnamed else frozenset(weekdays), frozenset(tenses)


def other_days(days_a: tuple[frozenset[int], frozenset[int]], days_b: tuple[frozenset[int], frozenset[int]]) -> bool:
    """Whether two leads' days (:func:`lead_days`) cannot be one event's: both name weekdays and none in common
    (Monday's market report and Wednesday's, a Sunday advance and Monday's capture), or one speaks only of days to
    come and the other only of days gone (a meeting announced for tomorrow, and what it decided yesterday).

    >>> mon, wed = (frozenset({0}), frozenset({-1})), (frozenset({2}), frozenset({0}))
    >>> other_days(mon, wed), other_days(mon, (frozenset({0, 2}), frozenset({0})))
    (True, False)
    >>> ahead, gone, none = (frozenset(), frozenset({1})), (frozenset(), frozenset({-1})), (frozenset(), frozenset())
    >>> other_days(ahead, gone), other_days(mon, none)
    (True, False)
    """
    (weekdays_a, tenses_a), (weekdays_b, tenses_b) = days_a, days_b
    if weekdays_a and weekdays_b and not weekdays_a & weekdays_b:
        return True
    return {*tenses_a, *tenses_b} == {-1, 1} and len(tenses_a) == len(tenses_b) == 1


def _lead_days(dates: pd.DataFrame | None, articles: pd.DataFrame) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    """Per article, :func:`lead_days` of the day phrases in the first ``LEAD_DATE_CHARS`` of its body."""
    if dates is None or not len(dates) or not {"granularity", "start", "surface"} <= set(dates.columns):
        return {}
    d = dates[(dates["granularity"] == "day") & dates["article_id"].notna()]
    body = dict(zip(articles["article_id"].astype(str).tolist(),
                    articles["body_start"].fillna(0).astype(int).tolist() if "body_start" in articles
                    else [0] * len(articles), strict=True))
    phrases: dict[str, list[str]] = {}
    for aid, start, surface in zip(d["article_id"].astype(str).tolist(), d["start"].astype(int).tolist(),
                                   d["surface"].fillna("").astype(str).tolist(), strict=True):
        lo = body.get(aid, 0)
        if lo <= start < lo + LEAD_DATE_CHARS:
            phrases.setdefault(aid, []).append(surface)
    return {aid: lead_days(p) for aid, p in phrases.items()}


def _named(mentions: pd.DataFrame | None) -> dict[str, set[str]]:
    """Every actor each article names (any kind)."""
    if mentions is None or not len(mentions):
        return {}
    out: dict[str, set[str]] = {}
    for aid, actor in zip(mentions["article_id"].astype(str).tolist(), mentions["actor_id"].tolist(), strict=True):
        out.setdefault(aid, set()).add(actor)
    return out


def _date_sets(dates: pd.DataFrame | None) -> dict[str, set[str]]:
    if dates is None or not len(dates) or "granularity" not in dates:
        return {}
    d = dates[(dates["granularity"] == "day") & dates["value"].astype(str).str.len().eq(10)
              & dates["article_id"].notna()]
    out: dict[str, set[str]] = {}
    for aid, value in zip(d["article_id"].tolist(), d["value"].astype(str).tolist(), strict=True):
        out.setdefault(aid, set()).add(value)
    return out


def analyse(articles: pd.DataFrame) -> Analysis:
    """Features, tf-idf vectors and shared passages (for every pair that shares copy) of a corpus.

    >>> t = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف بحضور كل الأطراف المعنية"
    >>> len(analyse(pd.DataFrame({"article_id": ["x", "y"], "text": [t, t]})).passages[(0, 1)])
    1
    """
    ids = articles["article_id"].astype(str).tolist()
    texts = articles["text"].fillna("").astype(str).tolist()
    starts = (articles["body_start"].fillna(0).astype(int).tolist() if "body_start" in articles
              else [0] * len(ids))
    first: dict[tuple[str, int], int] = {}
    original = [first.setdefault((t, s), k) for k, (t, s) in enumerate(zip(texts, starts, strict=True))]
    if len(_VOCAB.ids) > CACHE_LIMIT:
        _VOCAB.clear()
    feats: list[Features] = []
    for lo in range(0, len(ids), BATCH):  # a batch's words live as strings only while it is numbered
        batch = range(lo, min(lo + BATCH, len(ids)))
        raws = [_WORD_RE.findall(texts[k], starts[k]) if original[k] == k else [] for k in batch]
        numbers = _VOCAB.numbers(list(chain.from_iterable(raws)))
        bounds = np.cumsum([len(r) for r in raws]).tolist()
        del raws
        for k, w0, w1 in zip(batch, [0, *bounds[:-1]], bounds, strict=True):
            if original[k] == k:
                feats.append(Features(ids[k], texts[k], starts[k], ids=numbers[w0:w1]))
            else:  # an exact duplicate shares the analysis of its first copy
                twin = copy.copy(feats[original[k]])
                twin.article_id = ids[k]
                feats.append(twin)
    empty = np.zeros(0, dtype=np.uint64)
    grams = [content_shingles(f) if original[k] == k else empty for k, f in enumerate(feats)]
    distinct = [_distinct(g) for g in grams]
    distinct = [u[1:] if len(u) and u[0] == 0 else u for u in distinct]  # 0: a 5-gram without a content word
    frequent, candidates = shingle_index(distinct)
    for k, f in enumerate(feats):  # words of stock phrases and boilerplate are no content of the article
        if original[k] == k and len(frequent):
            drop_stock_phrases(f, grams[k], frequent)
    df = doc_freq(feats)
    weights = idf_of(df, len(feats))
    vectors = [tfidf(f.terms, weights) if original[k] == k else {} for k, f in enumerate(feats)]
    vectors = [v if original[k] == k else vectors[original[k]] for k, v in enumerate(vectors)]
    passages: dict[tuple[int, int], list[tuple[Passage, str]]] = {}
    for pair in candidates:
        a, b = pair
        runs = chain_passages(shared_runs(grams[a], grams[b], frequent, distinct=(distinct[a], distinct[b])))
        short = min(feats[a].n, feats[b].n)
        covered = sum(p.a1 - p.a0 for p in runs) if feats[a].n <= feats[b].n else \
            sum(p.b1 - p.b0 for p in runs)
        # a verbatim copy of (nearly) the whole shorter article needs no sentence alignment
        found = merge_passages(runs, [] if covered >= 0.9 * short else aligned_sentences(feats[a], feats[b]))
        if found:
            passages[pair] = found
    for k, o in enumerate(original):
        n = feats[k].n
        if o != k and n:
            passages[(o, k)] = [(Passage(0, n, 0, n, n, n), "verbatim")]
    return Analysis(ids, feats, vectors, passages, original, df)


def drop_stock_phrases(f: Features, grams: np.ndarray, frequent: np.ndarray, n: int = SHINGLE) -> None:
    """Remove from ``f.terms`` the words inside 5-grams found in very many articles (titles such as
    "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز", an outlet's footer): they say nothing about the story.

    >>> f = features("a", "قال خادم الحرمين الشريفين الملك سلمان إن الأمطار غزيرة")
    >>> g = shingles(f.words); drop_stock_phrases(f, g, g[1:2]); sorted(f.terms)
    ['امطر', 'غزر', 'قال']
    """
    hit = _contains(frequent, grams)  # frequent: sorted
    if not hit.any():
        return
    covered = np.zeros(f.n, dtype=bool)
    for i in np.nonzero(hit)[0]:
        covered[i:i + n] = True
    dropped = f.term_ids[covered & (f.term_ids >= 0)]
    for t, c in zip(*np.unique(dropped, return_counts=True), strict=True):
        k = f._terms[int(t)]
        f.terms[k] -= int(c)
        if f.terms[k] <= 0:
            del f.terms[k]


def _published(articles: pd.DataFrame, an: Analysis | None = None) -> list[pd.Timestamp | None]:
    """The publication time of each article (None when unknown), kept in ``an`` when given: read once."""
    if an is not None and an.published is not None and len(an.published) == len(articles):
        return an.published
    out = _publication_times(articles)
    if an is not None:
        an.published = out
    return out


def _publication_times(articles: pd.DataFrame) -> list[pd.Timestamp | None]:
    if "published" not in articles:
        return [None] * len(articles)
    p = pd.to_datetime(articles["published"], errors="coerce")
    return [None if pd.isna(x) else x for x in p]


def copy_share(passages: list[tuple[Passage, str]], fa: Features, fb: Features, both: bool = False) -> float:
    """Share of the shorter article's words that are shared copy: the words of its verbatim passages, and of its
    rewritten passages only the words whose content term the other text has (a reworded sentence that shares a
    spokesman's title and little else is not copy of the whole sentence). ``both``: the share of the article that
    has less of its words in shared copy (the longer, usually) instead.

    >>> f = features("a", "ا ب ج د ه و ز ح ط ي ك ل م ن")
    >>> copy_share([(Passage(0, 7, 0, 7, 7, 7), "verbatim")], f, f)
    0.5
    >>> round(copy_share([(Passage(0, 7, 0, 7, 2, 2), "rewrite")], f, f), 3)
    0.143
    """
    if not passages or not min(fa.n, fb.n):
        return 0.0
    shares = []
    for side, n in ((0, fa.n), (1, fb.n)):
        spans = [(p.a0, p.a1) if side == 0 else (p.b0, p.b1) for p, kind in passages if kind == "verbatim"]
        words = sum(e - s for s, e in _merge(spans))
        words += sum(min(p.matched_a, p.a1 - p.a0) if side == 0 else min(p.matched_b, p.b1 - p.b0)
                     for p, kind in passages if kind != "verbatim")
        shares.append(min(1.0, words / n))
    return min(shares) if both else max(shares)


def pair_score(cos: float, actors_a: set[str], actors_b: set[str], shared_dates: int,
               actor_weight: dict[str, float] | None = None) -> float:
    """How strongly two articles belong to one story: content-word cosine, plus 0.6 × the overlap of the actors
    they name (Jaccard, each actor weighted by its rarity in the corpus; an actor of weight 0 — one that very many
    articles name, such as the country of the outlets — adds nothing, and fewer than three informative actors in
    common count less) and 0.05 for a dated event both report. When the wording agrees little (cosine under
    ``WEAK_COSINE``) the actors count only if the pair shares two or more informative persons, organizations or
    groups (not countries): one shared name — a columnist, the governor at two festivals — makes no story.

    >>> pair_score(0.2, {"person:a", "country:LY"}, {"person:a", "country:LY"}, 0)
    0.2

    >>> pair_score(0.3, {"country:US"}, {"country:US"}, 0, {"country:US": 0.0})
    0.3

    >>> pair_score(0.3, {"person:a", "country:YE", "org:un"}, {"person:a", "country:YE", "org:un"}, 1)
    0.95
    """
    w = actor_weight or {}
    shared = actors_a & actors_b
    union = sum(w.get(a, 1.0) for a in actors_a | actors_b)
    jaccard = sum(w.get(a, 1.0) for a in shared) / union if union else 0.0
    informative = sum(1 for a in shared if w.get(a, 1.0) > 0)
    if cos < WEAK_COSINE and sum(1 for a in shared if w.get(a, 1.0) > 0 and not a.startswith("country:")) < 2:
        jaccard = 0.0  # little wording in common: the actors must say it, and one name (a columnist) is not enough
    return round(cos + 0.6 * jaccard * min(1.0, informative / 3) + 0.05 * min(shared_dates, 1), 6)


def topic_terms(feats: list[Features], k: int = TOP_TERMS, df: Counter | None = None) -> list[list[str]]:
    """Each article's ``k`` most frequent content terms, leaving out the corpus's own common words (terms in more
    than 5% of the articles and more than 50 of them), for the MinHash sets. ``df``: :func:`doc_freq` of ``feats``,
    when already known.

    >>> f = [features("a", "عدن عدن عدن صنعاء الحوثيين"), features("b", "عدن")]
    >>> topic_terms(f, 2)
    [['عدن', 'حوث'], ['عدن']]
    """
    if df is None:
        df = doc_freq(feats)
    common = {t for t, n in df.items() if n > max(50, 0.05 * len(feats))}
    out = []
    for f in feats:
        terms = [t for t in f.terms if t not in common] if common else list(f.terms)
        counts = list(map(f.terms.__getitem__, terms))
        # a term counted fewer times than the k-th most frequent cannot be among the k first
        least = sorted(counts, reverse=True)[k - 1] if len(counts) > k else 0
        out.append([t for _, _, t in heapq.nsmallest(k, [(-c, df[t], t) for t, c in zip(terms, counts, strict=True)
                                                         if c >= least])])
    return out


def story_pairs(an: Analysis, articles: pd.DataFrame, mentions: pd.DataFrame | None = None,
                actors: pd.DataFrame | None = None, dates: pd.DataFrame | None = None,
                threshold: float = PAIR_THRESHOLD, max_gap_days: int = MAX_GAP_DAYS,
                actor_sets: dict[str, set[str]] | None = None) -> list[tuple[float, int, int]]:
    """Accepted pairs ``(score, i, j)``: candidates from MinHash LSH and shared copy, decided on content words,
    shared actors and dates. A pair whose shared copy covers ``COPY_SHARE`` of the shorter article scores 1.
    ``actor_sets``: the story actors of each article, when already known (``_actor_sets``)."""
    reps = [k == o for k, o in enumerate(an.original)]
    topics = [t if reps[k] else [] for k, t in enumerate(topic_terms(an.feats, df=an.df))]
    n = len(an.ids)
    keys = np.union1d(_lsh_pair_keys(topics), np.array([i * n + j for i, j in an.passages], dtype=np.int64))
    rep = np.array(reps, dtype=bool)
    keys = keys[rep[keys // n] & rep[keys % n]]
    candidates = list(zip((keys // n).tolist(), (keys % n).tolist(), strict=True))  # sorted
    if actor_sets is None:
        actor_sets = _actor_sets(mentions, actors)
    actor_df = Counter(a for s in actor_sets.values() for a in s)
    common = max(50, int(0.05 * len(an.ids)))  # actors (and terms) in more articles than this are the corpus's own
    actor_weight = {a: 0.0 if k > common else math.log((1 + len(an.ids)) / (1 + k)) + 1.0
                    for a, k in actor_df.items()}
    windows = _lead_windows(articles, [f.text for f in an.feats])
    leads = _lead_actors(mentions, actors, articles, windows=windows)
    lead_places = _lead_actors(mentions, actors, articles, ("place",), ("person:", "org:", "group:", "media:",
                                                                         "country:"), windows=windows)
    named = _named(mentions)
    lead_df = Counter(a for s in named.values() for a in s)
    lead_weight = {a: 0.0 if k > common else math.log(len(an.ids) / k) for a, k in lead_df.items()}
    date_sets = _date_sets(dates)
    days_of = _lead_days(dates, articles)
    published = _published(articles, an)
    titles = articles["title"].fillna("").astype(str).tolist() if "title" in articles else [""] * n
    df = an.df if an.df is not None else doc_freq(an.feats)

    @cache
    def title_terms(k: int) -> frozenset[str]:
        return frozenset(filter(None, map(content_term, map(norm, _WORD_RE.findall(titles[k])))))

    # every term of the vocabulary: the number of its skeleton (term_skeleton) and its idf (0 for the corpus's
    # common terms, which say nothing of an event)
    skeleton_ids: dict[str, int] = {}
    vocab_terms = an.feats[0]._terms if an.feats else []
    term_skeletons = np.fromiter((skeleton_ids.setdefault(term_skeleton(t), len(skeleton_ids)) for t in vocab_terms),
                                 dtype=np.int64, count=len(vocab_terms))
    vocab_df = np.fromiter(map(df.get, vocab_terms, repeat(0)), dtype=np.float64, count=len(vocab_terms))
    term_idf = np.where(vocab_df <= common, np.log((1 + n) / (1 + vocab_df)) + 1.0, 0.0)

    skeleton_list, idf_list = term_skeletons.tolist(), term_idf.tolist()  # the same, for look-ups one by one

    @cache
    def title_lead(k: int) -> dict[int, float]:  # the title's skeletons and their idf (0 for common terms)
        out: dict[int, float] = {}
        for t in title_terms(k):
            x = df.get(t, 0)
            out[skeleton_ids.setdefault(term_skeleton(t), len(skeleton_ids))] = \
                math.log((1 + n) / (1 + x)) + 1.0 if x <= common else 0.0
        return out

    @cache
    def skeletons_of(k: int) -> np.ndarray:  # the article's skeletons (its words' and its title's), sorted
        t = an.feats[k].term_ids
        title = np.fromiter(title_lead(k), dtype=np.int64)
        return _distinct(np.concatenate((term_skeletons[t[t >= 0]], title)))

    @cache
    def lead(k: int) -> tuple[np.ndarray, np.ndarray]:  # the lead's distinctive skeletons and their idf
        f = an.feats[k]
        terms, names = f.terms, f._terms
        out = {key: x for key, x in title_lead(k).items() if x > 0}
        for t in f.term_ids[:LEAD_WORDS].tolist():
            if t >= 0 and idf_list[t] > 0 and names[t] in terms:  # not the words of stock phrases
                key = skeleton_list[t]
                if idf_list[t] > out.get(key, 0.0):
                    out[key] = idf_list[t]
        return np.fromiter(out, dtype=np.int64, count=len(out)), np.fromiter(out.values(), dtype=np.float64,
                                                                             count=len(out))

    def lead_found(k: int, other: int) -> float:  # how much of k's lead the other article reports
        return lead_cover(*lead(k), skeletons_of(other))

    @cache
    def before_turn(k: int) -> np.ndarray | None:  # its skeletons before it turns to another subject (or None)
        f = an.feats[k]
        turn = subject_change(f.text, f.body_start)
        if turn is None:
            return None
        t = f.term_ids[:len(_WORD_RE.findall(f.text, f.body_start, turn))]
        return _distinct(np.concatenate((term_skeletons[t[t >= 0]], np.fromiter(title_lead(k), dtype=np.int64))))

    def lead_before_turn(k: int, other: int) -> float:  # how much of k's lead the other reports before its turn
        head = before_turn(other)
        return 1.0 if head is None else lead_cover(*lead(k), head)

    @cache
    def readings(k: int) -> dict[str, frozenset[str]]:  # the readings its title and opening state
        f = an.feats[k]
        return lead_readings(titles[k] + "\n" + f.text[f.body_start:f.body_start + READING_CHARS])

    @cache
    def digest(k: int) -> bool:
        return is_digest(an.feats[k].text, an.feats[k].body_start)

    @cache
    def word_set(k: int) -> frozenset[str]:
        f = an.feats[k]
        return frozenset(map(f._norms.__getitem__, _distinct(f.ids).tolist()))

    @cache
    def title_words(k: int) -> tuple[str, ...]:  # the title's normalized words in order (&#8220; read as “)
        return tuple(norm(w) for w in _WORD_RE.findall(html.unescape(titles[k])))

    @cache
    def opening_words(k: int) -> tuple[str, ...]:  # the body's first words, normalized, in order
        f = an.feats[k]
        return tuple(f._norms[w] for w in f.ids[:TEMPLATE_WORDS].tolist())

    @cache
    def set_in(k: int) -> dict[str, str]:  # the regional offices its headline names (title_places)
        return title_places(title_words(k), title_words(k) + opening_words(k),
                            lead_places.get(an.ids[k], {}).values())

    @cache
    def offices(k: int) -> frozenset[str]:  # the offices its headline names, with a region or not (title_offices)
        return title_offices(title_words(k))

    @cache
    def subject(k: int) -> frozenset[str]:  # the subject of its opening sentence's agent verb (opening_subject)
        return opening_subject(opening_words(k)[:VERB_WITHIN + SUBJECT_WORDS])  # TEMPLATE_WORDS holds them

    @cache
    def lead_bare(k: int) -> frozenset[str]:  # its title and opening words, clitics cut
        return frozenset(map(bare, title_words(k) + opening_words(k)))

    def one_event(i: int, j: int, verbatim_passages: list[tuple[Passage, str]]) -> bool:
        """Whether a pair may be one story at all (asked only of pairs that could join, the cheap tests first)."""
        # each article's lead (its event) must be reported by the other: a short item found inside a longer
        # article that leads on another event (the host's other guest, another front of the war) is no story
        if lead_found(i, j) < LEAD_COVER or lead_found(j, i) < LEAD_COVER:
            return False
        # an article that turns to another subject (ومن جهة أخرى، …) reports the other's event only if it does so
        # before the turn: an item glued to its end is no story of its own
        if lead_before_turn(i, j) < LEAD_COVER or lead_before_turn(j, i) < LEAD_COVER:
            return False
        # one template filled with other facts (instalment 3 and 4, April's figures and June's) is two events,
        # unless both articles are one verbatim text but for one figure (a republished article, a toll revised)
        # the leads (title and opening) aligned, and the titles alone (an instalment's stock title over another
        # opening), each fact weighed against the whole of the other lead
        ti, tj, oi, oj = title_words(i), title_words(j), opening_words(i), opening_words(j)
        other_facts = same_template_other_facts(ti + oi, tj + oj) or same_template_other_facts(ti, tj, oi, oj)
        if len(other_facts) > 1 or (other_facts \
                and copy_share(verbatim_passages, an.feats[i], an.feats[j], both=True) < VERBATIM):
            scores[(i, j)] = -1.0  # two instalments: no group holds both (see group)
            return False
        # leads that give readings of one quantity (a price, an index close, a wind speed) and agree on none are
        # two sessions of a recurring bulletin (two days' oil markets, two weather forecasts), unless republished
        if other_readings(readings(i), readings(j)) \
                and copy_share(verbatim_passages, an.feats[i], an.feats[j], both=True) < VERBATIM:
            scores[(i, j)] = -1.0
            return False
        if digest(i) or digest(j):  # a round-up is no one event: it joins only a republished copy of itself
            return copy_share(verbatim_passages, an.feats[i], an.feats[j], both=True) >= COPY_SHARE
        return True

    accepted = []
    scores: dict[tuple[int, int], float] = {}
    for i, j in candidates:
        pi, pj = published[i], published[j]
        if pi is not None and pj is not None and abs((pi - pj).days) > max_gap_days:
            continue
        ai, aj = an.ids[i], an.ids[j]
        passages = an.passages.get((i, j), [])
        verbatim_passages = [p for p in passages if p[1] == "verbatim"]
        places_i, places_j = lead_places.get(ai), lead_places.get(aj)
        named_i, named_j = named.get(ai, set()), named.get(aj, set())
        # Two events, unless one text was republished (such a pair never joins, nor do two groups that hold it:
        # scored -1, see group): leads that put their events on other days (Monday's market report and
        # Wednesday's, a meeting announced for tomorrow and what it decided yesterday); leads set in places the
        # other article never names (a regional office's notice and another region's, two accidents on two
        # roads); a headline naming a region's office (جوازات حائل تستأنف …) beside one naming the office with no
        # region, in an article that never names that region; openings on one verb with two subjects (the King
        # receives a visitor; the crown prince meets him)
        conflict = (
            (ai in days_of and aj in days_of and other_days(days_of[ai], days_of[aj]))
            or (places_i and places_j and named_j.isdisjoint(places_i) and named_i.isdisjoint(places_j)
                and place_conflict(places_i, places_j, named_i, named_j, word_set(i), word_set(j)))
            or (set_in(i) and regional_conflict(set_in(i), offices(j), partial(word_set, j)))
            or (set_in(j) and regional_conflict(set_in(j), offices(i), partial(word_set, i)))
            or ((subject(i) or subject(j)) and other_subjects(subject(i), subject(j), lead_bare(i), lead_bare(j))))
        if conflict and copy_share(verbatim_passages, an.feats[i], an.feats[j], both=True) < VERBATIM:
            scores[(i, j)] = -1.0
            continue
        lead_i, lead_j = leads.get(ai, {}), leads.get(aj, {})
        # a conflict needs an opening person on both sides: only then are the word sets looked at
        if lead_i and lead_j and focus_conflict(lead_i, lead_j, named_i, named_j, word_set(i), word_set(j),
                                                lead_weight):
            # about different actors: only a verbatim copy of most of the shorter article joins them
            if copy_share(verbatim_passages, an.feats[i], an.feats[j]) >= COPY_SHARE \
                    and one_event(i, j, verbatim_passages):
                accepted.append((1.0, i, j))
                scores[(i, j)] = 1.0
            continue
        shared = copy_share(passages, an.feats[i], an.feats[j])
        verbatim = copy_share(verbatim_passages, an.feats[i], an.feats[j])
        if verbatim >= COPY_SHARE:  # reworded sentences alone may be a shared template (a reception, a forecast)
            if one_event(i, j, verbatim_passages):
                accepted.append((1.0, i, j))
                scores[(i, j)] = 1.0
            continue
        cos = max(unit_cosine(an.vectors[i], an.vectors[j]), shared)
        if cos < threshold - 0.3:
            continue
        own_days = {d.strftime("%Y-%m-%d") for d in (pi, pj) if d is not None}
        shared_days = (date_sets.get(ai, set()) & date_sets.get(aj, set())) - own_days
        score = pair_score(cos, actor_sets.get(ai, set()), actor_sets.get(aj, set()), len(shared_days),
                           actor_weight)
        # a pair scoring under LINK_MIN neither joins nor helps two groups merge: only the others are looked at
        if score >= LINK_MIN and not one_event(i, j, verbatim_passages):
            continue
        scores.setdefault((i, j), score)
        if score >= threshold:
            accepted.append((score, i, j))
    accepted.sort(key=lambda x: (-x[0], x[1], x[2]))
    return accepted, scores


def group(n: int, pairs: list[tuple[float, int, int]], vectors: list[dict[str, float]],
          scores: dict[tuple[int, int], float] | None = None, centroid_threshold: float = CENTROID_THRESHOLD,
          link_mean: float = LINK_MEAN) -> list[int]:
    """Group ``n`` articles: accepted pairs merged strongest first. Two groups merge only when their centroids
    agree, the mean score of the article pairs across them (``scores``; pairs never proposed count 0) reaches
    ``link_mean`` and ``LINK_SHARE`` of those pairs score ``LINK_MIN`` — average linkage over the candidates, so
    one article touching two events does not chain them — and none of them is a pair known to be two events (score
    -1: their leads put them on other days). Returns a group number per article.

    >>> v = [{"ا": 1.0}] * 4
    >>> group(4, [(0.9, 0, 1), (0.8, 2, 3), (0.5, 1, 2)], v), group(3, [(0.9, 0, 1), (0.6, 1, 2), (0.5, 0, 2)], v)
    ([0, 0, 2, 2], [0, 0, 0])
    >>> group(3, [(0.9, 0, 1), (0.6, 1, 2)], v, {(0, 1): 0.9, (1, 2): 0.6, (0, 2): -1.0})
    [0, 0, 2]
    """
    parent = list(range(n))
    members: dict[int, list[int]] = {k: [k] for k in range(n)}
    centroid: dict[int, dict[str, float]] = {}
    if scores is None:
        scores = {(min(i, j), max(i, j)): x for x, i, j in pairs}
    linked: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), x in scores.items():
        linked[i][j] = x
        linked[j][i] = x

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _score, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        mi, mj = members[ri], members[rj]
        if len(mi) < len(mj):
            ri, rj, mi, mj = rj, ri, mj, mi
        if len(mi) * len(mj) > 1:
            other = set(mi)
            cross = [x for k in mj for o, x in linked[k].items() if o in other]
            size = len(mi) * len(mj)
            if min(cross, default=0.0) < 0 or sum(cross) < link_mean * size \
                    or sum(x >= LINK_MIN for x in cross) < LINK_SHARE * size:
                continue
        ci, cj = centroid.get(ri) or vectors[ri], centroid.get(rj) or vectors[rj]
        if cosine(ci, cj) < centroid_threshold:
            continue
        merged = dict(ci)
        for t, x in cj.items():
            merged[t] = merged.get(t, 0.0) + x
        parent[rj] = ri
        centroid[ri] = merged
        centroid.pop(rj, None)
        mi.extend(mj)
        del members[rj]
    return [find(k) for k in range(n)]


def off_core(leads: list[dict[str, float]], wides: list[frozenset[str]], share: float = CORE_SHARE,
             cover: float = CORE_COVER, wide_cover: float = CORE_WIDE_COVER,
             both: float = CORE_BOTH) -> list[bool]:
    """Which articles of one story are off its event: the story's core is the lead terms (``leads``: each
    article's distinctive lead terms and their idf) that at least ``share`` of the leads carry — what most of its
    articles open on — and an article is off it when its lead carries less than ``cover`` of the core (idf-weighted)
    and its opening (``wides``: the terms of a longer opening) less than ``wide_cover``, or when neither carries
    ``both`` of it. Pairs are decided one by
    one; this asks a whole story, so that the host's arrival, a sub-event or another office's notice, each joined
    through shared actors and topic words, does not ride along with the event most of its articles report.

    >>> meeting = {"التقى": 1.0, "قاديروف": 3.0, "سلمان": 2.0, "بحث": 1.0, "المسائل": 1.0, "الاهتمام": 1.0,
    ...            "المشترك": 1.0, "الجبير": 2.0, "جدة": 1.0}
    >>> arrival = {"وصل": 1.0, "قاديروف": 3.0, "مطار": 2.0, "العمرة": 2.0}
    >>> wides = [frozenset(meeting)] * 3 + [frozenset(arrival) | {"الشيشان"}]
    >>> off_core([meeting, meeting, meeting, arrival], wides)
    [False, False, False, True]
    """
    core: dict[str, float] = {}
    counts: Counter = Counter(t for lead in leads for t in lead)
    for lead in leads:
        for t, x in lead.items():
            if counts[t] >= share * len(leads):
                core[t] = max(x, core.get(t, 0.0))
    total = math.fsum(core.values())  # fsum: exact, so the sums do not depend on the order of the terms
    if not total:
        return [False] * len(leads)
    out = []
    for lead, wide in zip(leads, wides, strict=True):
        x = math.fsum(x for t, x in core.items() if t in lead) / total
        y = math.fsum(x for t, x in core.items() if t in wide) / total
        out.append((x < cover and y < wide_cover) or max(x, y) < both)
    return out


def _core_terms(an: Analysis, titles: list[str], k: int, words: int) -> dict[str, float]:
    """The distinctive terms (as :func:`term_skeleton`, with their idf; the corpus's common terms left out) of an
    article's title and its first ``words`` words."""
    n, df = len(an.ids), an.df or Counter()
    common = max(50, int(0.05 * n))
    f = an.feats[k]
    terms = set(filter(None, map(content_term, map(norm, _WORD_RE.findall(titles[k])))))
    terms.update(f._terms[t] for t in f.term_ids[:words].tolist() if t >= 0)
    out: dict[str, float] = {}
    for t in terms:
        x = df.get(t, 0)
        if x <= common:  # two terms of one skeleton: the rarer one's weight, whatever order the set gives them in
            key, idf = term_skeleton(t), math.log((1 + n) / (1 + x)) + 1.0
            out[key] = max(out.get(key, 0.0), idf)
    return out


def split_off_core(roots: list[int], an: Analysis, articles: pd.DataFrame) -> list[int]:
    """The groups (``roots``: a group number per article) with the articles off their event (:func:`off_core`, in
    groups of ``CORE_MIN`` articles or more) taken out; those taken out of one group stay together only where one
    copies most of the other verbatim (the arrival of the story's visitor, one agency item run by two outlets): two
    articles off one story's event need not share an event with each other."""
    titles = articles["title"].fillna("").astype(str).tolist() if "title" in articles else [""] * len(roots)
    members: dict[int, list[int]] = defaultdict(list)
    for k, r in enumerate(roots):
        members[r].append(k)
    out = list(roots)

    def copied(x: int, y: int) -> bool:
        rx, ry = sorted((an.original[x], an.original[y]))
        verbatim = [p for p in an.passages.get((rx, ry), []) if p[1] == "verbatim"]
        return rx == ry or copy_share(verbatim, an.feats[rx], an.feats[ry]) >= COPY_SHARE

    for ks in members.values():
        if len(ks) < CORE_MIN:
            continue
        off = off_core([_core_terms(an, titles, k, LEAD_WORDS) for k in ks],
                       [frozenset(_core_terms(an, titles, k, CORE_WIDE_WORDS)) for k in ks])
        apart = [k for k, o in zip(ks, off, strict=True) if o]
        if not apart or len(apart) == len(ks):
            continue
        for x, k in enumerate(apart):  # a group of its own (a number no group has), or the group of its copy
            out[k] = next((out[o] for o in apart[:x] if copied(o, k)), len(roots) + k)
    return out


def source_names(articles: pd.DataFrame) -> pd.Series:
    """The source of each article: its outlet, or ``unknown (ARTICLE_ID)`` when the outlet is not known.

    >>> source_names(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["عكاظ", ""]})).tolist()
    ['عكاظ', 'unknown (b)']
    """
    outlet = articles["outlet"].fillna("").astype(str) if "outlet" in articles else pd.Series("", articles.index)
    ids = articles["article_id"].astype(str)
    return outlet.where(outlet.str.strip() != "", "unknown (" + ids + ")").set_axis(ids.values)


def _actor_names(actors: pd.DataFrame | None) -> dict[str, str]:
    """``English (Arabic)`` display name of each actor."""
    if actors is None or not len(actors):
        return {}
    out = {}
    for a, en, ar in zip(actors["actor_id"].tolist(), actors["name_en"].fillna("").tolist(),  # lists: quicker
                         actors["name_ar"].fillna("").tolist(), strict=True):
        en, ar = str(en), str(ar)
        out[a] = f"{en} ({ar})" if en and ar and en != ar else (ar or en or a)
    return out


def _first_spellings(feats: list[Features], terms: list[str]) -> list[str]:
    """The first spelling of each term in the first of ``feats`` that has it (the term itself when none does), as
    :attr:`Features.surface` has it: all the terms looked for in one comparison per article.

    >>> _first_spellings([features("a", "قال"), features("b", "الحوثيين والحوثيون")], ["حوث", "عدن"])
    ['الحوثيين', 'عدن']
    """
    out: list[str | None] = [None] * len(terms)
    for f in feats:
        todo = [x for x, o in enumerate(out) if o is None]
        if not todo:
            break
        if not f.n:
            continue
        wanted = np.array([f._term_ids.get(terms[x], -2) for x in todo], dtype=np.int64)
        hit = f.term_ids[:, None] == wanted[None, :]
        at = hit.argmax(axis=0)  # the first word of each term (when it has one)
        for x, a, ok in zip(todo, at.tolist(), hit[at, np.arange(len(todo))].tolist(), strict=True):
            if ok:
                out[x] = f._spellings[int(f.ids[a])]
    return [t if o is None else o for o, t in zip(out, terms, strict=True)]


def _label(members: list[int], an: Analysis, actor_sets: dict[str, set[str]], names: dict[str, str],
           first: pd.Timestamp | None) -> tuple[str, list[str], list[str]]:
    total: Counter = Counter()
    for k in members:
        total.update(an.vectors[k])
    terms = [t for _, t in heapq.nsmallest(4, [(-x, t) for t, x in total.items()])]
    surface = _first_spellings([an.feats[k] for k in members], terms)
    counts: Counter = Counter()
    for k in members:
        counts.update(actor_sets.get(an.ids[k], ()))
    top = [a for a, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:3]]
    when = first.strftime("%Y-%m-%d") if first is not None else "undated"
    label = " · ".join(x for x in (when, ", ".join(names.get(a, a) for a in top), "، ".join(surface)) if x)
    return label, top, surface


def find_stories(articles: pd.DataFrame, mentions: pd.DataFrame | None = None, actors: pd.DataFrame | None = None,
                 dates: pd.DataFrame | None = None, analysis: Analysis | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """The stories of a corpus (``STORY_COLUMNS``, largest first) and the ``story_id`` of every article.

    Story ids are ``s0001``, … by number of outlets, then articles, then first publication.

    >>> a = pd.DataFrame({"article_id": ["x", "y", "z"], "outlet": ["o1", "o2", "o1"],
    ...                   "text": ["انسحب الحوثيون من عدن بعد معارك عنيفة مع القوات الحكومية في المدينة"] * 2
    ...                           + ["استقال رئيس الفيفا جوزيف بلاتر من منصبه بعد فضيحة الفساد في الاتحاد"]})
    >>> stories, ids = find_stories(a); ids.tolist(), stories["n_outlets"].tolist()
    (['s0001', 's0001', 's0002'], [2, 1])
    """
    an = analysis or analyse(articles)
    n = len(an.ids)
    actor_sets = _actor_sets(mentions, actors)
    accepted, scores = story_pairs(an, articles, mentions, actors, dates, actor_sets=actor_sets)
    roots = group(n, accepted, an.vectors, scores)
    roots = [roots[o] for o in an.original]  # an exact duplicate joins its first copy
    roots = split_off_core(roots, an, articles)
    members: dict[int, list[int]] = defaultdict(list)
    for k, r in enumerate(roots):
        members[r].append(k)
    published = _published(articles, an)
    sources = source_names(articles).tolist()
    names = _actor_names(actors)
    rows = []
    for ks in members.values():
        when = [published[k] for k in ks if published[k] is not None]
        first = min(when) if when else None
        srcs = sorted({sources[k] for k in ks})
        firsts = sorted({sources[k] for k in ks if published[k] is not None and published[k] == first})
        label, top, terms = _label(ks, an, actor_sets, names, first)
        rows.append({"label": label, "actors": " | ".join(top), "terms": " | ".join(terms),
                     "article_ids": " | ".join(an.ids[k] for k in ks), "n_articles": len(ks),
                     "outlets": " | ".join(srcs), "n_outlets": len(srcs), "first_published": first,
                     "last_published": max(when) if when else None,
                     "first_outlets": " | ".join(firsts), "_members": ks})
    rows.sort(key=lambda r: (-r["n_outlets"], -r["n_articles"], r["first_published"] or pd.Timestamp.max,
                             an.ids[r["_members"][0]]))
    story_of = [""] * n
    width = max(4, len(str(len(rows))))
    for number, r in enumerate(rows, start=1):
        r["story_id"] = f"s{number:0{width}d}"
        for k in r.pop("_members"):
            story_of[k] = r["story_id"]
    stories = pd.DataFrame(rows, columns=STORY_COLUMNS)
    for col in ("first_published", "last_published"):
        stories[col] = pd.to_datetime(stories[col]).astype("datetime64[ns]")
    return stories, pd.Series(story_of, index=an.ids, name="story_id")


# --- copies ----------------------------------------------------------------------------------------------------


def credited_agencies(mentions: pd.DataFrame | None) -> dict[str, list[str]]:
    """Agencies (``media:`` actors) each article names, most named first.

    >>> credited_agencies(pd.DataFrame({"article_id": ["a", "a"], "actor_id": ["media:afp", "person:x"]}))
    {'a': ['media:afp']}
    """
    if mentions is None or not len(mentions):
        return {}
    counts: dict[str, Counter] = {}
    for aid, actor in zip(mentions["article_id"].tolist(), mentions["actor_id"].astype(str).tolist(), strict=True):
        if actor.startswith("media:") and not pd.isna(aid):
            counts.setdefault(aid, Counter())[actor] += 1
    # most named first, ties in order of first mention (as value_counts has them)
    return {aid: [a for a, _ in c.most_common()] for aid, c in sorted(counts.items())}


def find_copies(articles: pd.DataFrame, mentions: pd.DataFrame | None = None, story_ids: pd.Series | None = None,
                analysis: Analysis | None = None, max_partners: int = MAX_PARTNERS) -> pd.DataFrame:
    """Passages two articles share (``COPY_COLUMNS``), one row per passage, offsets into each article's text.

    ``article_a`` is the one published first when the dates say so (``first`` names it; empty when both have
    the same date or a date is missing). ``credited``: the agencies either text names. Each article keeps its
    ``max_partners`` partners with most shared words.

    >>> t = "وقال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف بحضور كل الأطراف المعنية بالأزمة"
    >>> a = pd.DataFrame({"article_id": ["x", "y"], "text": [t, "وفي سياق آخر. " + t]})
    >>> find_copies(a)[["article_a", "start_a", "start_b", "kind"]].values.tolist()
    [['x', 0, 14, 'verbatim']]
    """
    an = analysis or analyse(articles)
    published = _published(articles, an)
    credits = credited_agencies(mentions)
    shared_words = {pair: sum(p.matched_a for p, _ in ps) for pair, ps in an.passages.items()}
    best: dict[int, list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    for pair, w in shared_words.items():
        best[pair[0]].append((w, pair))
        best[pair[1]].append((w, pair))
    keep = set()
    for lst in best.values():
        lst.sort(key=lambda x: (-x[0], x[1]))
        keep.update(p for _, p in lst[:max_partners])
    rows = []
    for i, j in sorted(keep):
        pi, pj = published[i], published[j]
        first = ""
        a, b, swap = i, j, False
        if pi is not None and pj is not None and pi != pj:
            if pj < pi:
                a, b, swap = j, i, True
            first = an.ids[a]
        fa, fb = an.feats[a], an.feats[b]
        credited = list(dict.fromkeys(credits.get(an.ids[a], []) + credits.get(an.ids[b], [])))
        for p, kind in an.passages[(i, j)]:
            a0, a1, b0, b1 = (p.b0, p.b1, p.a0, p.a1) if swap else (p.a0, p.a1, p.b0, p.b1)
            sim = p.similarity
            rows.append({"article_a": an.ids[a], "start_a": fa.starts[a0], "end_a": fa.ends[a1 - 1],
                         "article_b": an.ids[b], "start_b": fb.starts[b0], "end_b": fb.ends[b1 - 1],
                         "n_words": min(p.matched_a, p.matched_b, a1 - a0, b1 - b0), "similarity": round(sim, 3),
                         "kind": kind, "credited": " | ".join(credited),
                         "first": first,
                         "story_id": "" if story_ids is None else story_ids.get(an.ids[a], "")})
    return pd.DataFrame(rows, columns=COPY_COLUMNS)


def stories_and_copies(articles: pd.DataFrame, mentions: pd.DataFrame | None = None,
                       actors: pd.DataFrame | None = None,
                       dates: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Stories, the story id of every article and the copies, computed in one pass over the texts."""
    with collector_paused():
        an = analyse(articles)
        stories, story_ids = find_stories(articles, mentions, actors, dates, analysis=an)
        return stories, story_ids, find_copies(articles, mentions, story_ids, analysis=an)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the duration (and restored as it was): stories make hundreds of
    thousands of small dicts, sets and tuples that hold no cycles, and the collector would walk them, and every
    object alive before, again and again (a tenth of the time on the bench day). Memory is freed as usual by
    reference counting; what cycles there are wait for the next collection.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# --- outlets compared, per story -------------------------------------------------------------------------------


def _with_sources(articles: pd.DataFrame, story_ids: pd.Series | None) -> pd.DataFrame:
    a = articles.copy()
    a["article_id"] = a["article_id"].astype(str)
    if story_ids is not None:
        a["story_id"] = a["article_id"].map(story_ids)
    a["source"] = source_names(a).values
    return a


def coverage(copies: pd.DataFrame, articles: pd.DataFrame, story_ids: pd.Series | None = None) -> dict[str, list]:
    """For every article, the character spans it shares with an article of another source (merged).

    >>> a = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["o1", "o2"], "text": ["", ""]})
    >>> c = pd.DataFrame({"article_a": ["x"], "start_a": [0], "end_a": [5], "article_b": ["y"], "start_b": [2],
    ...                   "end_b": [9]})
    >>> coverage(c, a)
    {'x': [(0, 5)], 'y': [(2, 9)]}
    """
    src = source_names(articles)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in copies.itertuples(index=False):
        if src.get(r.article_a) == src.get(r.article_b):
            continue
        spans[r.article_a].append((int(r.start_a), int(r.end_a)))
        spans[r.article_b].append((int(r.start_b), int(r.end_b)))
    return {aid: _merge(s) for aid, s in spans.items()}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _overlap(spans: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(e, b) - max(s, a)) for a, b in spans)


def additions(articles: pd.DataFrame, sentences: pd.DataFrame, copies: pd.DataFrame, story_ids: pd.Series,
              min_words: int = 4, contained: float = 0.6) -> pd.DataFrame:
    """What each source adds to its story (``ADDITION_COLUMNS``): sentences of its articles that no other source
    of the story carries — not inside a passage shared with another source (half the sentence or more), and
    not ``contained`` (share of content words) in any other source's sentence. Stories of one source are left
    out (everything there is its own).

    >>> a = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["o1", "o2"],
    ...                   "text": ["عاد الوزير إلى الرياض مساء اليوم. وأكد دعم الحكومة للمبادرة الجديدة.",
    ...                            "عاد الوزير إلى الرياض مساء اليوم."]})
    >>> s = pd.DataFrame({"article_id": ["x", "x", "y"], "sentence_id": [0, 1, 0], "start": [0, 34, 0],
    ...                   "end": [33, 68, 33]})
    >>> s["text"] = [a.text[0][0:33], a.text[0][34:68], a.text[1][0:33]]
    >>> additions(a, s, pd.DataFrame(columns=COPY_COLUMNS), pd.Series(["s1", "s1"], index=["x", "y"]))["text"].tolist()
    ['وأكد دعم الحكومة للمبادرة الجديدة.']
    """
    a = _with_sources(articles, story_ids)
    multi = a.groupby("story_id")["source"].nunique()
    a = a[a["story_id"].isin(multi[multi > 1].index)]
    if not len(a):
        return pd.DataFrame(columns=ADDITION_COLUMNS)
    cov = coverage(copies, a)
    source = dict(zip(a["article_id"].tolist(), a["source"].tolist(), strict=True))  # plain dicts and lists:
    story = dict(zip(a["article_id"].tolist(), a["story_id"].tolist(), strict=True))  # one look-up per row
    by_story: dict[str, list[tuple]] = defaultdict(list)
    for r in zip(*(sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "end", "text")),
                 strict=True):
        sid = story.get(str(r[0]))
        if sid is not None:
            by_story[sid].append((str(r[0]), *r[1:]))
    rows = []
    for sid in sorted(by_story):
        items = []
        postings: dict[str, set[int]] = defaultdict(set)
        for k, r in enumerate(by_story[sid]):
            terms = {t for t in map(content_term, word_norms(str(r[4]))) if t}
            items.append((r, terms))
            for t in terms:
                postings[t].add(k)
        for k, ((aid, sentence_id, start, end, text), terms) in enumerate(items):
            if len(str(text).split()) < min_words or not terms:
                continue
            spans = cov.get(aid, [])
            if spans and _overlap(spans, int(start), int(end)) * 2 >= int(end) - int(start):
                continue
            hits: Counter = Counter()
            for t in terms:
                hits.update(postings[t])
            own = source[aid]
            if any(n / len(terms) >= contained and source[items[o][0][0]] != own
                   for o, n in hits.items() if o != k):
                continue
            rows.append({"story_id": sid, "source": own, "article_id": aid, "sentence_id": int(sentence_id),
                         "start": int(start), "end": int(end), "text": text})
    return pd.DataFrame(rows, columns=ADDITION_COLUMNS)


def story_actors(articles: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame | None,
                 story_ids: pd.Series) -> pd.DataFrame:
    """Per story, actor and source (``ACTOR_COLUMNS``): how often the source names and quotes the actor, and
    whether another source of the story names / quotes them too.

    >>> a = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["o1", "o2"], "text": ["", ""]})
    >>> m = pd.DataFrame({"article_id": ["x", "x", "y"], "actor_id": ["person:a", "person:b", "person:a"]})
    >>> t = story_actors(a, m, None, pd.Series(["s1", "s1"], index=["x", "y"]))
    >>> t[~t["named_elsewhere"]][["actor_id", "source"]].values.tolist()
    [['person:b', 'o1']]
    """
    a = _with_sources(articles, story_ids)
    source = dict(zip(a["article_id"], a["source"], strict=True))  # plain dicts: one look-up per mention
    story = dict(zip(a["article_id"], a["story_id"], strict=True))
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for aid, actor in zip(mentions["article_id"].astype(str).tolist(), mentions["actor_id"].tolist(), strict=True):
        if aid in story:
            counts[(story[aid], actor, source[aid])][0] += 1
    if quotes is not None and len(quotes):
        for aid, actor in zip(quotes["article_id"].astype(str).tolist(), quotes["speaker"].fillna("").tolist(),
                              strict=True):
            if actor and aid in story:
                counts[(story[aid], actor, source[aid])][1] += 1
    t = pd.DataFrame([(*k, v[0], v[1]) for k, v in counts.items()],
                     columns=["story_id", "actor_id", "source", "mentions", "quotes"])
    named = Counter((sid, actor) for sid, actor, n in zip(t["story_id"], t["actor_id"], t["mentions"], strict=True)
                    if n)
    quoted = Counter((sid, actor) for sid, actor, n in zip(t["story_id"], t["actor_id"], t["quotes"], strict=True)
                     if n)
    key = list(zip(t["story_id"], t["actor_id"], strict=True))
    t["named_elsewhere"] = [named[k] - (x > 0) > 0 for k, x in zip(key, t["mentions"], strict=True)]
    t["quoted_elsewhere"] = [quoted[k] - (x > 0) > 0 for k, x in zip(key, t["quotes"], strict=True)]
    return t.sort_values(["story_id", "source", "mentions"], ascending=[True, True, False],
                         kind="stable").reset_index(drop=True)[ACTOR_COLUMNS]


def story_quotes(articles: pd.DataFrame, quotes: pd.DataFrame, copies: pd.DataFrame,
                 story_ids: pd.Series) -> pd.DataFrame:
    """The quotes with their ``story_id``, ``source`` and ``carried_by``: the other sources of the story that carry
    the same statement (inside a passage shared with them, or the same speaker with most content words in common).

    >>> a = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["o1", "o2"], "text": ["", ""]})
    >>> q = pd.DataFrame({"article_id": ["x", "y"], "speaker": ["person:a"] * 2, "start": [0, 0], "end": [9, 9],
    ...                   "text": ["ندعم وقف إطلاق النار", "ندعم وقف إطلاق النار فورا"]})
    >>> ids = pd.Series(["s1"] * 2, index=["x", "y"])
    >>> story_quotes(a, q, pd.DataFrame(columns=COPY_COLUMNS), ids)["carried_by"].tolist()
    ['o2', 'o1']
    """
    a = _with_sources(articles, story_ids)
    source = dict(zip(a["article_id"], a["source"], strict=True))
    story = dict(zip(a["article_id"], a["story_id"], strict=True))
    q = quotes.copy()
    q["article_id"] = q["article_id"].astype(str)
    q["story_id"] = q["article_id"].map(story)
    q["source"] = q["article_id"].map(source)
    terms = [{t for t in map(content_term, word_norms(str(x))) if t} for x in q["text"].tolist()]
    shared: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in copies.itertuples(index=False):
        sa, sb = source.get(r.article_a), source.get(r.article_b)
        if sa is None or sb is None or sa == sb:
            continue
        shared[r.article_a].append((int(r.start_a), int(r.end_a), sb))
        shared[r.article_b].append((int(r.start_b), int(r.end_b), sa))
    by_story: dict[str, list[int]] = defaultdict(list)
    for k, sid in enumerate(q["story_id"]):
        by_story[sid].append(k)
    carried = []
    cols = ("article_id", "story_id", "source", "speaker", "start", "end")
    rows = [dict(zip(cols, r, strict=True)) for r in zip(*(q[c].tolist() for c in cols), strict=True)]
    for k, r in enumerate(rows):
        others: set[str] = set()
        s, e = int(r["start"]), int(r["end"])
        for a0, a1, other in shared.get(r["article_id"], []):
            if min(e, a1) - max(s, a0) >= (e - s) / 2:
                others.add(other)
        if terms[k]:
            for o in by_story.get(r["story_id"], []):
                ro = rows[o]
                if o == k or ro["source"] == r["source"] or ro["speaker"] != r["speaker"] or not r["speaker"]:
                    continue
                if len(terms[k] & terms[o]) / len(terms[k]) >= 0.5:
                    others.add(ro["source"])
        carried.append(" | ".join(sorted(others)))
    q["carried_by"] = carried
    return q


def story_sources(articles: pd.DataFrame, copies: pd.DataFrame, story_ids: pd.Series,
                  adds: pd.DataFrame | None = None, actor_table: pd.DataFrame | None = None,
                  quote_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Outlets compared, one row per story and source (``SOURCE_COLUMNS``): its articles, when it first ran the
    story and whether it was first, its words and the share of them that is copy shared with another source,
    how many sentences it adds, the actors only it names or quotes, its statements and those only it carries.
    Stories of a single article are left out.

    >>> a = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["o1", "o2"], "text": ["ا ب ج د", "ا ب"],
    ...                   "published": pd.to_datetime(["2015-07-20", "2015-07-21"])})
    >>> t = story_sources(a, pd.DataFrame(columns=COPY_COLUMNS), pd.Series(["s1", "s1"], index=["x", "y"]))
    >>> t[["source", "ran_first", "n_words"]].values.tolist()
    [['o1', True, 4], ['o2', False, 2]]
    """
    a = _with_sources(articles, story_ids)
    sizes = a.groupby("story_id")["article_id"].size()
    a = a[a["story_id"].isin(sizes[sizes > 1].index)]
    cov = coverage(copies, a)
    published = (pd.to_datetime(a["published"], errors="coerce") if "published" in a
                 else pd.Series(pd.NaT, index=a.index)).tolist()
    texts = [str(t) for t in a["text"]]
    starts = [int(b) for b in a["body_start"]] if "body_start" in a else [0] * len(a)
    ids = a["article_id"].tolist()
    n_words = [word_count(t[b:]) for t, b in zip(texts, starts, strict=True)]
    shared_words = [word_count(" ".join(t[s:e] for s, e in cov.get(aid, []))) for aid, t in zip(ids, texts,
                                                                                                   strict=True)]
    outlets = [str(x) for x in a["outlet"]] if "outlet" in a else None
    # one pass over plain lists per table: grouping the frames by (story, source) costs a frame per group
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, key in enumerate(zip(a["story_id"].tolist(), a["source"].tolist(), strict=True)):
        members[key].append(k)
    first: dict[str, pd.Timestamp] = {}
    for (sid, _src), ks in members.items():
        for k in ks:
            p = published[k]
            if pd.notna(p) and (sid not in first or p < first[sid]):
                first[sid] = p
    add_counts = (adds.groupby(["story_id", "source"]).size().to_dict()
                  if adds is not None and len(adds) else {})
    only_named: dict[tuple[str, str], list[str]] = defaultdict(list)
    only_quoted: dict[tuple[str, str], list[str]] = defaultdict(list)
    if actor_table is not None and len(actor_table):
        for sid, src, actor, m, q, ne, qe in zip(*(actor_table[c].tolist() for c in (
                "story_id", "source", "actor_id", "mentions", "quotes", "named_elsewhere", "quoted_elsewhere")),
                strict=True):
            if m > 0 and not ne:
                only_named[(sid, src)].append(actor)
            if q > 0 and not qe:
                only_quoted[(sid, src)].append(actor)
    statements: Counter = Counter()
    carried_here: Counter = Counter()
    if quote_table is not None and len(quote_table):
        for sid, src, carried in zip(*(quote_table[c].tolist() for c in ("story_id", "source", "carried_by")),
                                     strict=True):
            statements[(sid, src)] += 1
            carried_here[(sid, src)] += carried == ""
    rows = []
    for (sid, src) in sorted(members):
        ks = members[(sid, src)]
        times = [published[k] for k in ks if pd.notna(published[k])]
        fp = min(times) if times else pd.NaT
        words, shared = sum(n_words[k] for k in ks), sum(shared_words[k] for k in ks)
        rows.append({"story_id": sid, "source": src, "outlet": outlets[ks[0]] if outlets is not None else "",
                     "article_ids": " | ".join(ids[k] for k in ks), "first_published": fp,
                     "ran_first": bool(pd.notna(fp) and fp == first.get(sid)), "n_words": words,
                     "shared_words": shared, "shared_share": round(shared / words, 3) if words else 0.0,
                     "n_additions": int(add_counts.get((sid, src), 0)),
                     "actors_only_here": " | ".join(only_named.get((sid, src), [])),
                     "quoted_only_here": " | ".join(only_quoted.get((sid, src), [])),
                     "statements": statements.get((sid, src), 0),
                     "statements_only_here": int(carried_here.get((sid, src), 0))})
    out = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    out["first_published"] = pd.to_datetime(out["first_published"]).astype("datetime64[ns]")
    return out


def compare(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame,
            copies: pd.DataFrame, story_ids: pd.Series) -> dict[str, pd.DataFrame]:
    """Every comparison table of the outlets, per story: ``story_sources``, ``additions``, ``story_actors``,
    ``story_quotes``."""
    adds = additions(articles, sentences, copies, story_ids)
    acts = story_actors(articles, mentions, quotes, story_ids)
    qs = story_quotes(articles, quotes, copies, story_ids)
    return {"story_sources": story_sources(articles, copies, story_ids, adds, acts, qs), "additions": adds,
            "story_actors": acts, "story_quotes": qs}


class StoryError(ValueError):
    """A story id the corpus does not have; the message lists some that it has."""


def select_story(tables: dict[str, pd.DataFrame], story_id: str) -> dict[str, pd.DataFrame]:
    """The tables restricted to one story's articles (every table with an ``article_id`` column, the copies
    within the story, and the story's own rows of per-story tables).

    >>> t = {"articles": pd.DataFrame({"article_id": ["x", "y"], "story_id": ["s1", "s2"]})}
    >>> select_story(t, "s1")["articles"]["article_id"].tolist()
    ['x']
    """
    arts = tables["articles"]
    if "story_id" not in arts or story_id not in set(arts["story_id"]):
        known = sorted(set(arts["story_id"])) if "story_id" in arts else []
        raise StoryError(f"no story {story_id!r} in this corpus; its stories are listed in stories.csv ({len(known)}: "
                       f"{', '.join(known[:5])}{' …' if len(known) > 5 else ''})")
    ids = set(arts.loc[arts["story_id"] == story_id, "article_id"].astype(str))
    out = {}
    for name, df in tables.items():
        if not isinstance(df, pd.DataFrame):
            out[name] = df
        elif name == "copies":
            out[name] = df[df["article_a"].astype(str).isin(ids) & df["article_b"].astype(str).isin(ids)]
        elif "article_id" in df:
            out[name] = df[df["article_id"].astype(str).isin(ids)]
        elif "story_id" in df:
            out[name] = df[df["story_id"] == story_id]
        else:
            out[name] = df
    return {k: (v.reset_index(drop=True) if isinstance(v, pd.DataFrame) else v) for k, v in out.items()}


def shared_matrix(copies: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Article × article: words of copy shared (symmetric; the diagonal is 0).

    >>> c = pd.DataFrame({"article_a": ["x"], "article_b": ["y"], "n_words": [12]})
    >>> shared_matrix(c, ["x", "y"]).values.tolist()
    [[0, 12], [12, 0]]
    """
    m = pd.DataFrame(np.zeros((len(article_ids), len(article_ids)), dtype=int), index=article_ids,
                     columns=article_ids)
    for r in copies.itertuples(index=False):
        if r.article_a in m.index and r.article_b in m.index:
            m.loc[r.article_a, r.article_b] += int(r.n_words)
            m.loc[r.article_b, r.article_a] += int(r.n_words)
    return m


# --- tables in, tables out -------------------------------------------------------------------------------------


def add_stories(tables: dict) -> dict:
    """The extracted tables with ``stories``, ``copies``, ``story_id`` on ``articles`` and the comparison tables
    (``story_sources``, ``additions``, ``story_actors``); tables already there are kept.

    Needs ``articles``; uses ``sentences``, ``mentions``, ``actors``, ``dates`` and ``quotes`` when present.
    """
    out = dict(tables)
    arts = out["articles"]
    empty = pd.DataFrame(columns=["article_id"])
    if "stories" not in out or "copies" not in out or "story_id" not in arts:
        st, ids, cp = stories_and_copies(arts, out.get("mentions"), out.get("actors"), out.get("dates"))
        arts = arts.copy()
        arts["story_id"] = arts["article_id"].astype(str).map(ids).fillna("")
        out.update(articles=arts, stories=st, copies=cp)
    ids = pd.Series(arts["story_id"].values, index=arts["article_id"].astype(str).values)
    if "story_sources" not in out:
        quotes = out.get("quotes")
        if quotes is None:
            quotes = pd.DataFrame(columns=["article_id", "speaker", "start", "end", "text"])
        mentions = out.get("mentions")
        if mentions is None:
            mentions = pd.DataFrame(columns=["article_id", "actor_id"])
        sentences_ = out.get("sentences", empty)
        comparison = compare(arts, sentences_, mentions, quotes, out["copies"], ids)
        out.update({k: v for k, v in comparison.items() if k != "story_quotes"})
    return out


_GLOSS_AR_RE = re.compile(r"\(([^()]*[\u0600-\u06ff][^()]*)\)")


def label_html(label: str) -> str:
    """A story label as HTML for English prose: each part isolated, Arabic parts and glosses right to left.

    >>> label_html("2030-05-01 · Yemen (اليمن) · سيول، عدن")
    '2030-05-01 · Yemen (<bdi dir="rtl" lang="ar">اليمن</bdi>) · <bdi dir="rtl" lang="ar">سيول، عدن</bdi>'
    """
    from arnews.display import is_arabic

    parts = []
    for part in str(label).split(" · "):
        clean = html.escape(strip_bidi_controls(part))
        if is_arabic(part) and not _GLOSS_AR_RE.search(part):
            parts.append(f'<bdi dir="rtl" lang="ar">{clean}</bdi>')
        else:
            parts.append(_GLOSS_AR_RE.sub(r'(<bdi dir="rtl" lang="ar">\1</bdi>)', clean))
    return " · ".join(parts)


def side_by_side_html(copy: pd.Series | dict, articles: pd.DataFrame, context: int = 0) -> str:
    """One shared passage as an HTML table: article a on the right, article b on the left, each right to left
    (Arabic), with the outlet, date and offsets above it; everything escaped.

    >>> a = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["عكاظ", ""], "text": ["قال الوزير", "وقال الوزير"]})
    >>> html = side_by_side_html({"article_a": "x", "start_a": 0, "end_a": 10, "article_b": "y", "start_b": 1,
    ...                           "end_b": 11, "kind": "verbatim", "similarity": 1.0}, a)
    >>> html.count('<td dir="rtl"'), "unknown outlet" in html
    (2, True)
    """
    from arnews.display import html_text

    info = articles.set_index(articles["article_id"].astype(str))

    def cell(aid: str, s: int, e: int) -> tuple[str, str]:
        row = info.loc[aid]
        text = str(row["text"])
        outlet = str(row.get("outlet", "") or "") or "unknown outlet"
        when = row.get("published")
        when = pd.Timestamp(when).strftime("%Y-%m-%d") if when is not None and pd.notna(when) else "undated"
        head = f"{html_text(outlet)} · {html.escape(aid)} · {when} · characters {s}–{e}"
        before = text[max(0, s - context):s] if context else ""
        after = text[e:e + context] if context else ""
        body = (f'<td dir="rtl" lang="ar" style="vertical-align:top">'
                f'{html_text(before) if before else ""}<mark>{html.escape(strip_bidi_controls(text[s:e]))}</mark>'
                f'{html_text(after) if after else ""}</td>')
        return f"<th>{head}</th>", body

    c = dict(copy)
    ha, ba = cell(str(c["article_a"]), int(c["start_a"]), int(c["end_a"]))
    hb, bb = cell(str(c["article_b"]), int(c["start_b"]), int(c["end_b"]))
    caption = (f"A passage two articles share ({html.escape(str(c.get('kind', '')))}, similarity "
               f"{float(c.get('similarity', 0)):.2f}); the first published on the right")
    return (f'<table class="side-by-side"><caption>{caption}</caption><tr>{hb}{ha}</tr><tr>{bb}{ba}</tr></table>')


# --- the pipeline stage ----------------------------------------------------------------------------------------


def finalize(tables: dict) -> dict:
    """The stage's corpus step: stories, copies, ``articles.story_id`` and the outlets compared, on every article
    (``arnews.pipeline.extract`` restricts the tables to one story afterwards, when asked)."""
    out = add_stories({k: v for k, v in tables.items()
                       if k not in ("stories", "copies", "story_sources", "additions", "story_actors")})
    return {**tables, **{k: out[k] for k in ("articles", "stories", "copies", "story_sources", "additions",
                                             "story_actors")}}


def _stage():
    from arnews.stages import Stage, Table

    return Stage(
        "stories", corpus_step=finalize, requires=("articles", "sentences", "mentions", "actors", "dates", "quotes"),
        produces={
            "stories": Table(STORY_COLUMNS, {
                "story_id": "`s0001`, … largest first: by number of outlets, then articles, then first publication",
                "label": "first day · the actors most named (English, with the Arabic) · the story's key words as "
                         "written",
                "actors, terms": "the same actors (actor_ids) and key words, `|`-separated",
                "article_ids, n_articles": "its articles",
                "outlets, n_outlets": "who ran it (an article with no known outlet counts as `unknown (ARTICLE_ID)`)",
                "first_published, last_published": "its first and last publication dates",
                "first_outlets": "who ran it on the first day",
            }, about="`arnews.stories`"),
            "copies": Table(COPY_COLUMNS, {
                "article_a, start_a, end_a": "the passage in the first article (the one published first when the "
                                             "dates say so)",
                "article_b, start_b, end_b": "the same passage in the second",
                "n_words": "words of the passage found in both (for rewrites: the content words they share)",
                "similarity": "share of the passage's words matched in the other text",
                "kind": "`verbatim` (the same words) or `rewrite` (the same sentences reworded: a shared agency "
                        "draft)",
                "credited": "agencies either text names (`media:afp`, `media:spa`, …; see `actors.csv`)",
                "first": "the article published first; empty when both have the same date or a date is missing",
                "story_id": "the story of the pair",
            }),
            "story_sources": Table(SOURCE_COLUMNS, {
                "story_id, source, outlet": "the story and one of its sources (the outlet, or `unknown (ARTICLE_ID)`"
                                            " for an article with no known outlet)",
                "article_ids": "its articles in the story",
                "first_published, ran_first": "when it first ran the story; whether no source ran it earlier",
                "n_words, shared_words, shared_share": "its words, those in passages another source carries, and "
                                                       "their share",
                "n_additions": "sentences only it carries (see `additions.csv`)",
                "actors_only_here, quoted_only_here": "actors no other source of the story names / quotes",
                "statements, statements_only_here": "its quotes, and those no other source carries",
            }, about="one row per story of several articles and source"),
            "additions": Table(ADDITION_COLUMNS, {
                "story_id, source, article_id": "the story, the source and its article",
                "sentence_id, start, end, text": "a sentence no other source of the story carries (not in a shared "
                                                 "passage, not half-contained in another source's sentence): "
                                                 "background, framing, a closing paragraph",
            }),
            "story_actors": Table(ACTOR_COLUMNS, {
                "story_id, actor_id, source": "an actor a source of the story names or quotes",
                "mentions, quotes": "how often that source names / quotes them",
                "named_elsewhere, quoted_elsewhere": "whether another source of the story names / quotes them too",
            }),
        },
        adds={"articles": Table(["story_id"], {"story_id": "the article's story (see `stories.csv`)"})},
    )


STAGE = _stage()
