"""A statistical name tagger: persons, organizations and places in any Arabic news text (a CRF).

The model (``lib/arnews/data/ner/ner.crfsuite``) is a linear-chain CRF (CRFsuite) trained on ANERcorp
(Benajiba et al. 2007, the CAMeL Lab split of Obeid et al. 2020; CC BY-SA 4.0, see the LICENSE note beside it)
by ``scripts/train_ner.py``, which records the training file's hash and the parameters in ``model.json``.

It tags the word tokens of :mod:`arnews.text` with BIO labels of PERS, ORG, LOC and MISC, one sentence at a time.
Features describe a word by what it looks like and what the project knows of it: the normalized word, its
clitic-stripped stem, prefixes and suffixes, shape, membership in the gazetteers of :mod:`arnews.actors` (CLDR
countries, capitals, organizations, titles, given names, organization heads, speech verbs) and the same for the
two words on each side, plus the punctuation around it. Features are computed once per word type and cached.

:func:`entity_spans` is what :mod:`arnews.actors` calls; it loads the model lazily, once per process.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import compress, pairwise
from operator import itemgetter

import numpy as np

from arnews.text import Doc, Token, clitic_variants, norm, strip_clitics

LABELS = ("PERS", "ORG", "LOC", "MISC")
_MODEL_DIR = ("data", "ner")
MODEL_FILE = "ner.crfsuite"
META_FILE = "model.json"
_PAD = "__"
_LATIN_RE = re.compile(r"[A-Za-z]")
_DIGIT_RE = re.compile(r"[0-9]")
_FOREIGN_LETTERS = frozenset("پچگڤژ")
_OFFSETS = (-2, -1, 1, 2)
#: the word-level features that are repeated for the neighbours (prefixed with their position)
_NEIGHBOUR_KINDS = ("w", "s", "g", "x2")
#: every kind of feature :func:`word_features` gives
_FEATURE_KINDS = ("w", "s", "b", "p2", "p3", "x2", "x3", "x1", "pre", "len", "sh", "vr", "al", "g", "fl", "p1", "p4",
                  "x4", "v", "vp2", "vp3", "vx2", "vx3")


#: the gazetteer the shipped model was trained with, beside it (word → classes), written by scripts/train_ner.py
GAZETTEER_FILE = "gazetteer.json"
_LIVE_GAZETTEER = [False]  # True while training: features from the word lists as they are now


@cache
def _gazetteer() -> dict[str, frozenset[str]]:
    """Word → gazetteer classes as the tagger's features see them: the snapshot shipped beside the model, taken
    when it was trained, so that editing a word list (a title, a function word) does not change what the model
    reads; the word lists as they are now (:func:`lexicon_gazetteer`) while training, or when no snapshot ships.

    >>> "title1" in _gazetteer()["الرئيس"]
    True
    """
    if not _LIVE_GAZETTEER[0]:
        f = resources.files("arnews").joinpath(*_MODEL_DIR, GAZETTEER_FILE)
        if f.is_file():
            return {w: frozenset(c) for w, c in json.loads(f.read_text(encoding="utf-8")).items()}
    return lexicon_gazetteer()


def use_live_gazetteer() -> None:
    """Read the features' gazetteer from the word lists as they are now, not from the snapshot beside the model
    (for ``scripts/train_ner.py``, which writes a new snapshot with the model it trains)."""
    _LIVE_GAZETTEER[0] = True
    _gazetteer.cache_clear()
    _item_features.cache_clear()
    forget_model()


@cache
def lexicon_gazetteer() -> dict[str, frozenset[str]]:
    """Word → gazetteer classes, from the lexicon of :mod:`arnews.actors` (one word entries and first words)."""
    from arnews.actors import lexicon

    lex = lexicon()
    out: dict[str, set[str]] = {}

    def put(word: str, cls: str) -> None:
        out.setdefault(word, set()).add(cls)

    def put_phrase(words: list[str] | tuple[str, ...], cls: str) -> None:  # first word, then the inside words
        put(words[0], cls + ("1" if len(words) == 1 else "b"))
        for w in words[1:]:
            put(w, cls + "i")

    for key, e in lex.entities.items():
        put_phrase(key, "dem" if e.demonym else "cap" if e.capital_of else e.kind)
    for key in lex.titles:
        put_phrase(key, "title")
    for words, cls in ((lex.tagger_given, "given"), (lex.tagger_arabic_given, "argiven"), (lex.org_heads, "orghead"),
                       (lex.place_heads, "placehead"), (lex.speech_verbs | lex.agent_verbs, "verb"),
                       (lex.unnamed, "unnamed"), (lex.title_modifiers, "titlemod"), (lex.stop, "stop")):
        for w in words:
            put(w, cls)
    for city in _cldr_cities():
        put_phrase(city.split(), "city")
    return {w: frozenset(c) for w, c in out.items()}


def _cldr_cities() -> set[str]:
    """Normalized Arabic names of the CLDR exemplar cities (Babel's time-zone data): about 400 cities.

    >>> "زيورخ" in _cldr_cities()
    True
    """
    from babel import Locale

    return {norm(v["city"]) for v in Locale("ar").time_zones.values() if v.get("city")}


def _shape(word: str) -> str:
    """A coarse shape: digits, Latin, Arabic, mixed.

    >>> _shape("2015"), _shape("بوتين"), _shape("G20")
    ('d', 'a', 'ld')
    """
    d = bool(_DIGIT_RE.search(word))
    latin = bool(_LATIN_RE.search(word))
    if d and latin:
        return "ld"
    return "d" if d else "l" if latin else "a"


def word_features(word: str) -> dict[str, tuple[str, ...]]:
    """Features of one normalized word type, by kind (the stem, suffixes, gazetteer classes …); cached.

    >>> word_features("وبوتين")["s"], word_features("وبوتين")["pre"]
    (('بوتين',), ('و',))
    """
    gaz = _gazetteer()
    variants = clitic_variants(word, 2)
    stem = strip_clitics(word)
    if stem == word and len(variants) > 1 and variants[1] in gaz:
        stem = variants[1]  # وبوتين → بوتين when the bare form is known
    bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
    classes: set[str] = set()
    for k, v in enumerate(variants):
        for c in gaz.get(v, ()):
            classes.add(c if k == 0 else c + "~")
    vowels = bare.count("ا") + bare.count("و") + bare.count("ي")
    feats = {
        "w": (word,),
        "s": (stem,),
        "b": (bare,),
        "p2": (bare[:2],),
        "p3": (bare[:3],),
        "x2": (word[-2:],),
        "x3": (word[-3:],),
        "x1": (word[-1:],),
        "pre": (word[: len(word) - len(stem)] if len(stem) < len(word) else "",),
        "len": (str(min(len(bare), 9)),),
        "sh": (_shape(word),),
        "vr": (str(round(2 * vowels / max(len(bare), 1), 1)),),  # long-vowel density: foreign names are high
        "al": ("1" if stem.startswith("ال") else "0",),
        "g": tuple(sorted(classes)) or ("-",),
    }
    if not _FOREIGN_LETTERS.isdisjoint(word):
        feats["fl"] = ("1",)
    # the word with every proclitic a reading allows removed (وبرلين → برلين), and its affixes
    v = clitic_variants(word, 3)[-1]
    v = v[2:] if v.startswith("ال") and len(v) > 4 else v
    feats.update({"p1": (bare[:1],), "p4": (bare[:4],), "x4": (word[-4:],), "v": (v,), "vp2": (v[:2],),
                  "vp3": (v[:3],), "vx2": (v[-2:],), "vx3": (v[-3:],)})
    return feats


@lru_cache(maxsize=8192)
def _item_features(word: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """The word's own feature strings, and its features as the neighbour at each offset (±1, ±2)."""
    f = word_features(word)
    own = tuple(f"{k}={v}" for k, vals in f.items() for v in vals)
    near = {o: tuple(f"{o}{k}={v}" for k in _NEIGHBOUR_KINDS for v in f[k]) for o in (-2, -1, 1, 2)}
    return own, near


def _gap(text: str, a: int, b: int) -> str:
    """The punctuation between two tokens, as one feature value ('' for a plain space)."""
    g = text[a:b]
    if g == " ":
        return ""
    return "".join(ch for ch in g if not ch.isspace())[:2]


def sentence_features(text: str, toks: list[Token]) -> list[list[str]]:
    """CRFsuite items for the tokens of one sentence of ``text``: a list of feature strings per token.

    >>> items = sentence_features("قال بوتين.", [Token(0, 3, "قال", "قال"), Token(4, 9, "بوتين", "بوتين")])
    >>> "w=بوتين" in items[1], "-1w=قال" in items[1], "ga=$" in items[1]
    (True, True, True)
    """
    n = len(toks)
    feats = [_item_features(t.norm) for t in toks]
    items = []
    for i in range(n):
        item = ["bias", *feats[i][0]]
        for o in _OFFSETS:
            j = i + o
            if 0 <= j < n:
                item.extend(feats[j][1][o])
            else:
                item.append(f"{o}w={_PAD}")
        item.extend(_context(text, toks, i, 0, n))
        items.append(item)
    return items


@dataclass
class _Weights:
    """The model's weights, read once from the CRFsuite file: per feature a vector over labels, and transitions."""

    labels: list[str]
    trans: np.ndarray  # trans[previous label, label]
    pad: dict[int, np.ndarray]  # the features of a missing neighbour (sentence edge), by offset
    outside: int  # the index of O
    #: first word → second word → weights of "w-1w0=first|second" (on the second word) and of
    #: "w0w1=first|second" (on the first), either None
    pairs: dict[str, dict[str, tuple]]
    #: the same by (first word, second word)
    pair_index: dict[tuple[str, str], tuple] = field(default_factory=dict)
    columns: dict[str, list[int]] = field(default_factory=dict)  # type → its B- and I- label indices
    others: list[int] = field(default_factory=list)  # every label but O
    index: dict[str, int] = field(default_factory=dict)  # feature → row of ``matrix``
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 1)))  # the state weights, one row a feature
    gap_rows: dict[str, int] = field(default_factory=dict)
    raw_gap_rows: dict[str, int] = field(default_factory=dict)  # the text between two tokens → gap row
    gap_before: np.ndarray = field(default_factory=lambda: np.zeros((0, 1)))
    gap_after: np.ndarray = field(default_factory=lambda: np.zeros((0, 1)))

    def gap_row(self, gap: str) -> int:
        """The row of ``gap_before`` / ``gap_after`` holding the weights of this punctuation (added once)."""
        row = self.gap_rows.get(gap)
        if row is None:
            zero = np.zeros(len(self.labels))
            row = self.gap_rows[gap] = len(self.gap_rows)
            before, after = self.index.get("gb=" + gap), self.index.get("ga=" + gap)
            self.gap_before = np.vstack([self.gap_before.reshape(-1, len(self.labels)),
                                         zero if before is None else self.matrix[before]])
            self.gap_after = np.vstack([self.gap_after.reshape(-1, len(self.labels)),
                                        zero if after is None else self.matrix[after]])
        return row


_SECTION_RE = re.compile(r"^(LABELS|TRANSITIONS|STATE_FEATURES) = \{\n(.*?)^\}$", re.M | re.S)
_LABEL_LINE_RE = re.compile(r"^[ \t]*(\d+): (.*)$", re.M)
_WEIGHT_LINE_RE = re.compile(r"^[ \t]*\(\d+\) (.+) --> (.+): ([+-]?\d+\.\d+)$", re.M)


@dataclass(frozen=True)
class ModelDump:
    """What the model holds, as :meth:`pycrfsuite.Tagger.info` gives it: ``labels`` (name → internal id),
    ``transitions`` ((from, to) → weight) and ``state_features`` ((attribute, label) → weight)."""

    labels: dict[str, str]
    transitions: dict[tuple[str, str], float]
    state_features: dict[tuple[str, str], float]


def model_dump(t=None) -> ModelDump:
    """The weights of tagger ``t`` (default the shipped one) from CRFsuite's text dump, read a section at a time
    with one regular expression each: the same values as ``Tagger.info()``, whose line-by-line parser took most
    of a second of every process's first tagged article.

    >>> d = model_dump(); d.labels["O"] == tagger().info().labels["O"], len(d.state_features) > 10_000
    (True, True)
    """
    import os
    import tempfile

    t = t or tagger()
    fd, path = tempfile.mkstemp(suffix=".crfsuite.txt")
    os.close(fd)
    try:
        t.dump(path)
        with open(path, encoding="utf-8", newline="\n") as f:
            text = f.read()
    finally:
        os.unlink(path)
    sections = {m.group(1): m.group(2) for m in _SECTION_RE.finditer(text)}
    labels = {name: k for k, name in _LABEL_LINE_RE.findall(sections.get("LABELS", ""))}
    weights = {name: {(a, b): float(w) for a, b, w in _WEIGHT_LINE_RE.findall(sections.get(name, ""))}
               for name in ("TRANSITIONS", "STATE_FEATURES")}
    return ModelDump(labels, weights["TRANSITIONS"], weights["STATE_FEATURES"])


@cache
def _weights() -> _Weights:
    info = model_dump()
    labels = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
    index = {lab: k for k, lab in enumerate(labels)}
    state: dict[str, np.ndarray] = {}
    for (attr, lab), w in info.state_features.items():
        state.setdefault(attr, np.zeros(len(labels)))[index[lab]] = w
    trans = np.zeros((len(labels), len(labels)))
    for (a, b), w in info.transitions.items():
        trans[index[a], index[b]] = w
    zero = np.zeros(len(labels))
    pad = {o: state.get(f"{o}w={_PAD}", zero) for o in _OFFSETS}
    pairs: dict[str, dict[str, dict[str, np.ndarray]]] = {"w-1w0=": {}, "w0w1=": {}}
    for attr, vec in state.items():
        for prefix, table in pairs.items():
            if attr.startswith(prefix):
                first, _, second = attr[len(prefix):].partition("|")
                table.setdefault(first, {})[second] = vec
    both: dict[str, dict[str, tuple]] = {}
    for k, prefix in enumerate(("w-1w0=", "w0w1=")):
        for first, seconds in pairs[prefix].items():
            for second, vec in seconds.items():
                pair = list(both.setdefault(first, {}).get(second, (None, None)))
                pair[k] = vec
                both[first][second] = tuple(pair)
    columns = {t: [k for k, lab in enumerate(labels) if lab[2:] == t] for t in LABELS}
    attrs = list(state)
    return _Weights(labels, trans, pad, index["O"], both, columns=columns,
                    pair_index={(first, second): pair for first, seconds in both.items()
                                for second, pair in seconds.items()},
                    index={a: k for k, a in enumerate(attrs)},
                    matrix=np.array([*(state[a] for a in attrs), np.zeros(len(labels))]),
                    others=[k for k in range(len(labels)) if k != index["O"]])


#: word type → row of ``_TABLE``: the scores a word gives each label as itself (``[row, 0]``) and as the
#: neighbour at -2, -1, +1, +2 (``[row, 1:5]``); computed once per word type, the table grows by doubling
_TYPE_ROWS: dict[str, int] = {}
_TABLE = [np.zeros((0, 5, 1))]


#: word types kept in the table at most (about 300 bytes each with the dictionary); past it the table starts again
MAX_TYPES = 150_000


def forget_model() -> None:
    """Drop everything derived from the loaded model's weights (the weights, their look-up by feature kind, every
    word type's row), so that the next call reads :func:`tagger` again: for a program that swaps the model, as
    ``scripts/train_ner.py`` does for each fold of its cross-validation."""
    _weights.cache_clear()
    _feature_rows.cache_clear()
    clear_type_table()


def clear_type_table() -> int:
    """Forget every word type's row (the table is rebuilt as words come again: same scores, only slower); returns
    how many types were dropped. The pipeline calls it when the per-article stage is over (``actors.STAGE``).

    >>> _ = word_score("نيرسباخ"); clear_type_table() > 0, "نيرسباخ" in _TYPE_ROWS
    (True, False)
    """
    dropped = len(_TYPE_ROWS)
    _TYPE_ROWS.clear()
    _TABLE[0] = np.zeros((0, 5, 1), dtype=np.float32)
    return dropped


def _add_types(words: list[str]) -> None:
    """Give every word of ``words`` not in the table its row: its features' weights summed, all words at once
    (one fancy index and one ``reduceat`` for the article, not numpy calls per word). The rows of the features
    are found by kind and raw value (:func:`_feature_rows`), so no ``kind=value`` string is built; the rows are
    summed in the order of :func:`_item_features`, so the sums are those of the feature strings to the bit."""
    w = _weights()
    width = len(w.labels)
    table = _TABLE[0]
    first = len(_TYPE_ROWS)
    if first + len(words) > len(table):
        grown = np.zeros((max(1024, 2 * len(table), first + len(words)), 5, width), dtype=np.float32)
        grown[:first] = table[:first]
        table = _TABLE[0] = grown
    zero = len(w.matrix) - 1  # the last row of the matrix is zeros: it opens every segment
    own, near, head = _feature_rows()
    neighbours = [(zero, [(k, d[k]) for k in _NEIGHBOUR_KINDS]) for d in near]
    at: list[int] = []
    opens: list[int] = []
    for word in words:
        f = word_features(word)
        opens.append(len(at))
        at.extend(head)
        for k, vals in f.items():
            rows = own[k]
            for v in vals:
                r = rows.get(v)
                if r is not None:
                    at.append(r)
        for _, kinds in neighbours:
            opens.append(len(at))
            at.append(zero)
            for k, rows in kinds:
                for v in f[k]:
                    r = rows.get(v)
                    if r is not None:
                        at.append(r)
    sums = np.add.reduceat(w.matrix[at], opens, axis=0).reshape(len(words), 5, width)
    table[first:first + len(words)] = sums  # rows reused after the table started again are overwritten whole
    for k, word in enumerate(words):
        _TYPE_ROWS[word] = first + k


@cache
def _feature_rows() -> tuple[dict[str, dict[str, int]], list[dict[str, dict[str, int]]], list[int]]:
    """The model's state features by kind and value: ``own[kind][value]`` is the row of ``kind=value`` in the
    weight matrix, ``near[k][kind][value]`` that of the neighbour feature at offset ``_OFFSETS[k]``, and ``head``
    the rows that open a word's own segment (the zero row, then ``bias``).

    >>> own, near, head = _feature_rows(); own["w"]["في"] == _weights().index["w=في"]
    True
    """
    w = _weights()
    kinds = set(_FEATURE_KINDS)
    own: dict[str, dict[str, int]] = {k: {} for k in _FEATURE_KINDS}
    near: list[dict[str, dict[str, int]]] = [{k: {} for k in _NEIGHBOUR_KINDS} for _ in _OFFSETS]
    prefixes = {f"{o}{k}": (n, k) for n, o in enumerate(_OFFSETS) for k in _NEIGHBOUR_KINDS}
    for attr, row in w.index.items():
        kind, eq, value = attr.partition("=")
        if not eq:
            continue
        if kind in kinds:
            own[kind][value] = row
        elif kind in prefixes:
            n, k = prefixes[kind]
            near[n][k][value] = row
    zero = len(w.matrix) - 1
    head = [zero] + ([w.index["bias"]] if "bias" in w.index else [])
    return own, near, head


def word_score(word: str) -> float:
    """How far a normalized word's best name label scores above O from its own features alone (no neighbours,
    no label sequence): above 0 for words that look like names, below for common words and verbs.

    >>> word_score("ستعقد") < 0 < word_score("نيرسباخ")
    True
    """
    row = _TYPE_ROWS.get(word)
    if row is None:
        _add_types([word])
        row = _TYPE_ROWS[word]
    w = _weights()
    v = _TABLE[0][row, 0]
    return float(v[w.others].max() - v[w.outside])


#: a token is tagged when some name label scores within this margin of O on the word and its neighbours
SUSPECT_MARGIN = 2.0


def _emissions(text: str, toks: list[Token], bounds: list[tuple[int, int]]) -> np.ndarray:
    """Label scores (tokens × labels) of every token of an article from all its features: the word and its
    neighbours (cached per word type), the punctuation around it and the word pairs, within the sentences
    ``bounds`` (token ranges). No per-token feature strings are built."""
    w = _weights()
    n = len(toks)
    words = list(map(itemgetter(3), toks))
    known = _TYPE_ROWS.get
    rows = list(map(known, words))
    if None in rows:
        new = list(dict.fromkeys(x for r, x in zip(rows, words, strict=True) if r is None))
        if len(_TYPE_ROWS) + len(new) > MAX_TYPES:
            _TYPE_ROWS.clear()  # bounded memory on large corpora: start the table again
            new = list(dict.fromkeys(words))
        _add_types(new)
        rows = list(map(known, words))
    scores = _TABLE[0][rows]
    e = scores[:, 0].astype(np.float64)
    e[1:] += scores[:-1, 2]  # the word before, as the neighbour at -1
    e[2:] += scores[:-2, 1]
    e[:-1] += scores[1:, 3]
    e[:-2] += scores[2:, 4]
    # at the edges of sentences, a neighbour from the next sentence is replaced by the edge features
    fix_at, fix_src, fix_k, fix_o = [], [], [], []
    for a, b in bounds:
        for i, o in ((a, -1), (a, -2), (a + 1, -2), (b - 1, 1), (b - 1, 2), (b - 2, 2)):
            if a <= i < b:
                fix_at.append(i)
                fix_src.append(i + o)
                fix_k.append(_OFFSETS.index(o) + 1)
                fix_o.append(o)
    src = np.array(fix_src, dtype=np.intp)
    inside = ((src >= 0) & (src < n))[:, None]
    wrong = scores[np.clip(src, 0, n - 1), np.array(fix_k, dtype=np.intp)] * inside
    np.add.at(e, np.array(fix_at, dtype=np.intp), np.array([w.pad[o] for o in fix_o]) - wrong)
    raw = w.raw_gap_rows
    spaces = list(map(text.__getitem__, map(slice, map(itemgetter(1), toks[:-1]), map(itemgetter(0), toks[1:]))))
    gaps = list(map(raw.get, spaces))
    if None in gaps:
        gaps = [r if r is not None else raw.setdefault(g, w.gap_row(_gap(g, 0, len(g))))
                for r, g in zip(gaps, spaces, strict=True)]
    before = np.full(n, w.gap_row("^"), dtype=np.intp)
    before[1:] = gaps
    after = np.full(n, w.gap_row("$"), dtype=np.intp)
    after[:-1] = gaps
    for a, b in bounds:
        before[a] = w.gap_row("^")
        after[b - 1] = w.gap_row("$")
    e += w.gap_before[before] + w.gap_after[after]
    same_prev = np.zeros(n, dtype=bool)
    for a, b in bounds:
        same_prev[a + 1:b] = True
    at_rows: list[int] = []  # the token a pair's weights go to
    pair_at: list[int] = []  # the second word of the pair: the pair counts when it is in the first's sentence
    vecs: list[np.ndarray] = []
    found = list(map(w.pair_index.get, pairwise(words)))  # None, or the weights of the pair ending at i
    for i in compress(range(1, n), found):
        prev, nxt = found[i - 1]
        if prev is not None:  # "w-1w0=first|second" weighs on the second word
            at_rows.append(i)
            pair_at.append(i)
            vecs.append(prev)
        if nxt is not None:  # "w0w1=first|second" weighs on the first word
            at_rows.append(i - 1)
            pair_at.append(i)
            vecs.append(nxt)
    if at_rows:
        ok = same_prev[np.array(pair_at, dtype=np.intp)]
        np.add.at(e, np.array(at_rows, dtype=np.intp), np.array(vecs) * ok[:, None])
    return e


def _context(text: str, toks: list[Token], i: int, lo: int, hi: int) -> list[str]:
    """The punctuation and word-pair features of token ``i`` of a sentence ``toks[lo:hi]``."""
    before = _gap(text, toks[i - 1].end, toks[i].start) if i > lo else "^"
    after = _gap(text, toks[i].end, toks[i + 1].start) if i + 1 < hi else "$"
    out = ["gb=" + before, "ga=" + after]
    if i > lo:
        out.append("w-1w0=" + toks[i - 1].norm + "|" + toks[i].norm)
    if i + 1 < hi:
        out.append("w0w1=" + toks[i].norm + "|" + toks[i + 1].norm)
    return out


def _viterbi(e: np.ndarray, stretches: list[tuple[int, int, int, int]], trans: np.ndarray,
             outside: int) -> list[list[int]]:
    """The best label sequence of each stretch ``e[lo:hi]`` of emission scores, all stretches decoded at once
    (one numpy step per position, over the stretches still running: they are taken longest first). A stretch
    ``(lo, hi, a, b)`` of sentence ``a:b`` that starts after ``a`` or ends before ``b`` has an O word next to
    it: the transitions from and to it count."""
    order = sorted(range(len(stretches)), key=lambda k: stretches[k][0] - stretches[k][1])
    ss = [stretches[k] for k in order]
    lo = np.array([x[0] for x in ss], dtype=np.intp)
    hi = np.array([x[1] for x in ss], dtype=np.intp)
    after_o = np.array([x[0] > x[2] for x in ss])[:, None]
    before_o = np.array([x[1] < x[3] for x in ss])[:, None]
    width = e.shape[1]
    lengths = hi - lo
    steps = int(lengths[0])
    running = np.searchsorted(-lengths, -np.arange(steps), side="left").tolist()  # stretches longer than t
    em = e[np.minimum(lo[:, None] + np.arange(steps), hi[:, None] - 1)]  # stretches × steps × labels
    delta = em[:, 0] + after_o * trans[outside]
    back = np.broadcast_to(np.arange(width), (steps, len(lo), width)).copy()  # finished: keep the label
    for t in range(1, steps):
        k = running[t]
        cand = delta[:k, :, None] + trans
        back[t, :k] = cand.argmax(1)
        delta[:k] = cand.max(1) + em[:k, t]
    paths = np.empty((len(lo), steps), dtype=np.intp)
    paths[:, -1] = (delta + before_o * trans[:, outside]).argmax(1)
    rows = np.arange(len(lo))
    for t in range(steps - 1, 0, -1):
        paths[:, t - 1] = back[t][rows, paths[:, t]]
    out: list[list[int]] = [[] for _ in stretches]
    for k, x, path in zip(order, ss, paths.tolist(), strict=True):
        out[k] = path[: x[1] - x[0]]
    return out


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of a BIO label sequence (an I- after O opens a span).

    >>> bio_spans(["O", "B-PERS", "I-PERS", "I-LOC", "O", "I-ORG"])
    [(1, 3, 'PERS'), (3, 4, 'LOC'), (5, 6, 'ORG')]
    """
    spans = []
    start, kind = None, None
    for i, lab in enumerate([*labels, "O"]):
        if lab == "O" or lab.startswith("B-") or lab[2:] != kind:
            if start is not None:
                spans.append((start, i, kind))
                start = kind = None
            if lab != "O":
                start, kind = i, lab[2:]
    return spans


def model_meta() -> dict:
    """What ``scripts/train_ner.py`` recorded beside the model: training file hash, parameters, scores."""
    return json.loads(resources.files("arnews").joinpath(*_MODEL_DIR, META_FILE).read_text(encoding="utf-8"))


@cache
def tagger():
    """The CRFsuite tagger, loaded once per process from the package data."""
    import pycrfsuite

    t = pycrfsuite.Tagger()
    data = resources.files("arnews").joinpath(*_MODEL_DIR, MODEL_FILE).read_bytes()
    t.open_inmemory(data)
    _MODEL_BYTES.append(data)  # CRFsuite reads the model in place: the bytes must outlive the tagger
    return t


_MODEL_BYTES: list[bytes] = []


def tag_tokens(text: str, toks: list[Token]) -> list[str]:
    """BIO labels for the tokens of one sentence (every token, no shortcut).

    >>> from arnews.text import tokens
    >>> s = "وقال الرئيس الفرنسي إيمانويل ماكرون إن باريس مستعدة."
    >>> [t.text for t, lab in zip(tokens(s), tag_tokens(s, tokens(s))) if lab.endswith("PERS")]
    ['إيمانويل', 'ماكرون']
    """
    if not toks:
        return []
    return tagger().tag(sentence_features(text, toks))


def entity_spans(doc: Doc, need: Callable[[list[str]], bool] | None = None,
                 margin: float | None = None, propagate: bool = True) -> list[tuple[int, int, str]]:
    """``(first token, end token, type)`` of every name the tagger finds in the article, in text order.

    The CRF's Viterbi decoding, run only on the stretches of a sentence where a token's word and neighbours
    score a name label within ``margin`` (default :data:`SUSPECT_MARGIN`) of O, one word before and after
    included; ``margin=inf`` decodes whole sentences (the same labels as CRFsuite's own tagger). ``need``:
    given a sentence's normalized words, whether to look at it at all. ``propagate``: a name found once is
    also found where the same words recur in the article and the decoding left them out (see
    :func:`_propagated`; +5 points of PERS recall in cross-validation).

    >>> d = Doc("a", "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من منظمة العفو الدولية.")
    >>> [(" ".join(t.text for t in d.tokens[s:e]), k) for s, e, k in entity_spans(d)]
    [('عبد الفتاح السيسي', 'PERS'), ('القاهرة', 'LOC'), ('منظمة العفو الدولية', 'ORG')]
    """
    return [(a, b, k) for a, b, k, _ in scored_spans(doc, need, margin, propagate=propagate)]


def scored_spans(doc: Doc, need: Callable[[list[str]], bool] | None = None,
                 margin: float | None = None, known: list[tuple[int, int]] = (), propagate: bool = True
                 ) -> list[tuple[int, int, str, tuple[float, ...]]]:
    """:func:`entity_spans` with, for each span, how much each of its tokens scores its type above O (from
    the token's own features; a confidence: a name's words score well above 0, a common noun swept into it
    scores below). ``known``: token ranges already read (a gazetteer match) that need no decoding."""
    toks = doc.tokens
    out: list[tuple[int, int, str, tuple[float, ...]]] = []
    if not toks:
        return out
    w = _weights()
    margin = SUSPECT_MARGIN if margin is None else margin
    starts = [t.start for t in toks]
    bounds = [(bisect_left(starts, s), bisect_left(starts, e)) for s, e in doc.sentences]
    bounds = [(a, b) for a, b in bounds if b > a]
    if need is not None:
        bounds = [(a, b) for a, b in bounds if need([t.norm for t in toks[a:b]])]
    if not bounds:
        return out
    tagged = np.zeros(len(toks), dtype=bool)
    for a, b in bounds:
        tagged[a:b] = True
    e = _emissions(doc.text, toks, bounds)
    o = w.outside
    best_other = e[:, w.others].max(1)
    doc.__dict__["_name_scores"] = best_other - e[:, o]
    for a, b in known:
        tagged[a:b] = False
    suspects = np.flatnonzero((best_other > e[:, o] - margin) & tagged)
    if not len(suspects):
        return out
    stretches = _stretches(suspects, bounds)
    labels = w.labels
    by_type: dict[str, list[float]] = {}
    for (lo, *_), path in zip(stretches, _viterbi(e, stretches, w.trans, o), strict=True):
        for x, y, k in bio_spans([labels[p] for p in path]):
            if k not in by_type:  # how much each token scores this type above O, once per type and article
                by_type[k] = (e[:, w.columns[k]].max(1) - e[:, o]).round(2).tolist()
            out.append((lo + x, lo + y, k, tuple(by_type[k][lo + x:lo + y])))
    if propagate:
        for a, b, k in _propagated(toks, [(a, b, k) for a, b, k, _ in out], bounds, known):
            if k not in by_type:
                by_type[k] = (e[:, w.columns[k]].max(1) - e[:, o]).round(2).tolist()
            out.append((a, b, k, tuple(by_type[k][a:b])))
        out.sort()
    return out


def _propagated(toks: list[Token], spans: list[tuple[int, int, str]], bounds: list[tuple[int, int]],
                known: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Other occurrences in the article of the names in ``spans`` (the same words, a clitic و ف ب ل ك before
    the first allowed) that the decoding left out: a name is read the same way throughout an article.
    Words read as two different types are left alone; ``known`` ranges (already read) are not touched.

    >>> from arnews.text import tokens
    >>> _propagated(tokens("زار كوفمان بيروت. وقال كوفمان إن بيروت آمنة"), [(1, 2, "PERS")], [(0, 8)])
    [(4, 5, 'PERS')]
    """
    keys: dict[tuple[str, ...], str] = {}  # the name's words, its first word in every reading of its clitics
    ambiguous: set[tuple[str, ...]] = set()
    for a, b, k in spans:
        if k == "MISC":
            continue
        rest = tuple(t.norm for t in toks[a + 1:b])
        for v in clitic_variants(toks[a].norm, 3):
            if keys.setdefault((v, *rest), k) != k:
                ambiguous.add((v, *rest))
    for key in ambiguous:
        del keys[key]
    if not keys:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(keys, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    ends = {w[-3:] for w in by_first}  # clitics change a word's start only: its end finds the candidates
    words = list(map(itemgetter(3), toks))  # the normalized words
    hits = [i for i, w in enumerate(words) if w[-3:] in ends]
    covered = {i for a, b, _ in spans for i in range(a, b)} | {i for a, b in known for i in range(a, b)}
    hits = [i for i in hits if i not in covered]
    if not hits:
        return []
    sentence_ends = [b for _, b in bounds]
    out = []
    for i in hits:
        if i in covered:
            continue
        k = bisect_right(sentence_ends, i)
        if k == len(bounds) or bounds[k][0] > i:
            continue  # a sentence not looked at
        end = sentence_ends[k]
        for v in clitic_variants(words[i], 3):
            hit = next((key for key in by_first.get(v, ()) if i + len(key) <= end
                        and not any(j in covered for j in range(i, i + len(key)))
                        and all(words[i + j] == key[j] for j in range(1, len(key)))), None)
            if hit:
                out.append((i, i + len(hit), keys[hit]))
                covered.update(range(i, i + len(hit)))
                break
    return out


def name_scores(doc: Doc) -> np.ndarray:
    """Per token of the article, how far its best name label scores above O (from the token's features alone,
    without the label sequence): well above 0 for a name's words, below 0 for common words.

    >>> d = Doc("a", "وقال كوفمان إن الاتفاق قريب.")
    >>> [t.text for t, s in zip(d.tokens, name_scores(d)) if s > 0]
    ['كوفمان']
    """
    if "_name_scores" not in doc.__dict__:
        scored_spans(doc)
    return doc.__dict__.get("_name_scores", np.zeros(len(doc.tokens)))


def _stretches(suspects: np.ndarray, bounds: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """``(lo, hi, sentence start, sentence end)``: each suspect token with one token either side, merged,
    within its sentence."""
    out: list[tuple[int, int, int, int]] = []
    k = 0
    for i in suspects.tolist():
        while bounds[k][1] <= i:
            k += 1
        a, b = bounds[k]
        lo, hi = max(a, i - 1), min(b, i + 2)
        if out and out[-1][2] == a and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi, a, b)
        else:
            out.append((lo, hi, a, b))
    return out
