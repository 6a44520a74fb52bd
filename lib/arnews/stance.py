"""Stance: who stands where on the issues the analyst tracks, each answer traced to its sentence.

Targets are defined by the analyst in a YAML file (``targets: [{id, en, ar, terms: [...]}]``; the seeds' is
``seeds/targets.yaml``). Cues and their polarity are data (``lib/arnews/data/stance_cues.yaml``).

``stances`` (``STANCE_COLUMNS``, written as ``stances.csv``): article_id, actor (actor_id holding the stance),
target (target id), stance (support | oppose | conditional | neutral), cue (as written), evidence (the
sentence), start, end (offsets of the sentence), party (the actor's state or organization, for the matrix:
How a stance is read, sentence by sentence: every cue (استعداد، التزام، وقّعت → support; رفض، لن تقبل، تحفظ،
استبعد → oppose; لا تستبعد، لم يستبعد، احتمال، قد يشمل → conditional) is paired with the first target term after it
in the sentence (else the nearest before). A negator before a one-word cue turns support into oppose and oppose
into conditional (لم يستبعد is not opposition). The holder is, in order: the actor right after a nominal cue
(استعداد الاتحاد الأوروبي), the actor a pronoun suffix points back to (تؤكد موسكو رفضها), the speaker of the quote
holding the cue, the actor right after the cue (ووقعت المملكة المتحدة وفرنسا …), the nearest actor before it. A
target after دون in a refusal is a requirement: support for it, and the refusal itself becomes conditional
(لا تستطيع قبول أي اتفاق … دون ضمانات → conditional on the agreement, support for the guarantees).

:func:`matrix` aggregates the rows into an actor × target table keeping every piece of evidence behind each cell.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from arnews.actors import mention_spans
from arnews.lang import load as load_data
from arnews.stages import Stage, Table
from arnews.text import norm, normalize

STANCE_COLUMNS = ["article_id", "actor", "target", "stance", "cue", "evidence", "start", "end", "party", "via"]
POLARITIES = ("support", "oppose", "conditional", "neutral")
_FLIP = {"support": "oppose", "oppose": "conditional", "conditional": "conditional"}


@dataclass(frozen=True)
class Target:
    id: str
    en: str
    ar: str
    terms: tuple[str, ...]


class TargetsError(ValueError):
    """A targets file that cannot be used; the message names the file and what to fix."""


class _NoAliasLoader(yaml.SafeLoader):
    """``yaml.safe_load`` without anchors and aliases: a few hundred bytes of aliases can expand to gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise TargetsError(f"line {event.start_mark.line + 1}: uses a YAML alias (*{event.anchor}); "
                               "write the terms out instead")
        return super().compose_node(parent, index)


#: a targets file is a short list written by hand; anything far larger is a mistake or an attack
MAX_TARGETS_BYTES = 1 * 2**20


def load_targets(path: str | Path) -> list[Target]:
    """Read an analyst's targets file: ``targets:`` with a list of ``{id, en, ar, terms: [...]}``.

    Every defect is a :class:`TargetsError` naming the file and the target: ``terms`` must be a list of
    non-empty strings, ids must be distinct, and YAML aliases are refused (their expansion is unbounded).

    >>> [t.id for t in load_targets("seeds/targets.yaml")][:2]
    ['deployment', 'guarantees']
    """
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_TARGETS_BYTES:
            raise TargetsError(f"{name}: {size:,} bytes is far larger than a targets file; give the YAML list "
                               "of targets")
        data = yaml.load(path.read_bytes().decode("utf-8"), Loader=_NoAliasLoader)  # a SafeLoader subclass
    except FileNotFoundError:
        raise TargetsError(f"{path}: no such targets file") from None
    except IsADirectoryError:
        raise TargetsError(f"{path}: is a folder; give the targets YAML file") from None
    except UnicodeDecodeError:
        raise TargetsError(f"{name}: not UTF-8 text (a binary file?); give the targets as a UTF-8 YAML file") from None
    except TargetsError as e:
        raise TargetsError(f"{name}: {e}" if not str(e).startswith(name) else str(e)) from None
    except yaml.YAMLError as e:
        raise TargetsError(f"{name}: not valid YAML ({' '.join(str(e).split())}); fix the file") from None
    except RecursionError:
        raise TargetsError(f"{name}: nested too deeply; give a flat list of targets") from None
    except OSError as e:
        raise TargetsError(f"{path}: cannot be read ({e.strerror})") from None
    items = data.get("targets") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise TargetsError(f"{name}: expected 'targets:' with a list of {{id, en, ar, terms}} entries")
    out: list[Target] = []
    seen: dict[str, int] = {}
    for n, t in enumerate(items, start=1):
        if not isinstance(t, dict) or not t.get("id") or not t.get("terms"):
            raise TargetsError(f"{name}: target #{n} needs an 'id' and a list of Arabic 'terms'")
        tid = t["id"]
        if not isinstance(tid, str | int) or isinstance(tid, bool):
            raise TargetsError(f"{name}: target #{n}: the id must be a word, not {type(tid).__name__}")
        tid = str(tid).strip()
        if tid in seen:
            raise TargetsError(f"{name}: target #{n}: the id {tid!r} is already used by target #{seen[tid]}; "
                               "give each target its own id (or merge their terms)")
        seen[tid] = n
        terms = t["terms"]
        if not isinstance(terms, list):
            raise TargetsError(f"{name}: target {tid!r}: 'terms' must be a list (- term per line), not "
                               f"{type(terms).__name__}")
        bad = [x for x in terms if not isinstance(x, str) or not x.strip()]
        if bad:
            raise TargetsError(f"{name}: target {tid!r}: every term must be non-empty text (found {bad[:3]!r}); "
                               "remove or fix it")
        for key in ("en", "ar"):
            if key in t and not isinstance(t[key], str | int | type(None)):
                raise TargetsError(f"{name}: target {tid!r}: {key!r} must be text, not {type(t[key]).__name__}")
        out.append(Target(tid, str(t.get("en") or tid), str(t.get("ar") or ""),
                          tuple(x.strip() for x in terms)))
    return out


@dataclass(frozen=True)
class _Cues:
    pattern: re.Pattern
    polarity: dict[str, str]
    negators: frozenset[str]
    requirement: re.Pattern
    anaphoric: frozenset[str]


@cache
def cues() -> _Cues:
    data = load_data("stance_cues.yaml")
    polarity: dict[str, str] = {}
    for pol in ("conditional", "oppose", "support"):  # a cue listed twice keeps its most specific polarity
        for w in data[pol]:
            polarity.setdefault(norm(w), pol)
    alternation = "|".join(re.escape(w) for w in sorted(polarity, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w])(?:[وف])?(?P<cue>{alternation})(?![\w])")
    req = "|".join(re.escape(norm(w)) for w in sorted(data["requirement"], key=len, reverse=True))
    return _Cues(pattern, polarity, frozenset(norm(w) for w in data["negators"]),
                 re.compile(rf"(?<![\w])(?:{req})(?![\w])"), frozenset(norm(w) for w in data["anaphoric_objects"]))


def _target_pattern(targets: tuple[Target, ...]) -> tuple[re.Pattern, dict[str, str]]:
    owner: dict[str, str] = {}
    for t in targets:
        for term in t.terms:
            owner.setdefault(norm(term), t.id)
    alternation = "|".join(re.escape(w) for w in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:[وفبلك]|ال|وال|بال|لل)?(?P<term>{alternation})(?![\w])"), owner


def stance_rows(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame,
                quotes: pd.DataFrame, targets: list[Target]) -> pd.DataFrame:
    """The ``stances`` table."""
    if not targets:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    c = cues()
    tpattern, owner = _target_pattern(tuple(targets))
    kinds = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    affil = dict(zip(actors["actor_id"], actors["affiliation"].fillna(""), strict=True))
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    by_article = mention_spans(mentions, ("place", "media"), actors)
    quotes_by_article: dict[str, list] = defaultdict(list)
    for q in quotes.itertuples():
        # every statement, with or without a holder: a statement reported inside another's words (X said that Y
        # said …) claims its words for Y, or for nobody, never for X (see _holders, _own_terms)
        holder = q.speaker or (q.speaker_affiliation if q.speaker_kind == "unnamed" else "")
        quotes_by_article[q.article_id].append((int(q.start), int(q.end), holder))
    spans = {aid: _SortedSpans(ms) for aid, ms in by_article.items()}  # bisected: linear in a long article
    quote_spans = {aid: _SortedSpans(qs) for aid, qs in quotes_by_article.items()}
    no_spans = _SortedSpans([])
    rows = []
    for aid, s, e, sentence in zip(sentences["article_id"], sentences["start"], sentences["end"], sentences["text"],
                                   strict=True):
        in_sentence = quote_spans.get(aid, no_spans).overlapping(s, e)
        n = normalize(sentence)
        found_cues = list(c.pattern.finditer(n.text))
        terms = list(tpattern.finditer(n.text))
        if not terms:
            continue
        if not found_cues:  # a speaker talks about a target without taking a side: neutral
            for qs, qe, holder in in_sentence:
                if holder and qs < e and s < qe:
                    party = _party(holder, kinds, affil)
                    own = _own_terms(terms, n, s, (qs, qe), in_sentence)
                    for tid in dict.fromkeys(owner[t.group("term")] for t in own):
                        rows.append(_stance(aid, holder, tid, "neutral", "", sentence, s, e, party, "speaker"))
            continue
        ms = spans.get(aid, no_spans).starting_in(s, e)
        for k, cm in enumerate(found_cues):
            cue = cm.group("cue")
            nxt = n.text[cm.end():].split()[:1]
            if nxt and nxt[0] in c.anaphoric:
                continue  # ترفض ذلك: the object is in another sentence
            polarity = c.polarity[cue]
            before = n.text[:cm.start()].split()
            if " " not in cue and before and before[-1] in c.negators:
                polarity = _FLIP[polarity]
                cs = cm.start() - len(before[-1]) - 1
            else:
                cs = cm.start("cue")
            target = _pair(terms, found_cues, k)
            if target is None:
                continue
            cue_s, cue_e = n.span_to_source(max(cs, 0), cm.end())
            holders = _holders(cm, n, s, ms, in_sentence, texts[aid])
            req = c.requirement.search(n.text, cm.end()) if polarity == "oppose" else None
            required = None
            if req:  # لا تستطيع قبول أي اتفاق … دون ضمانات: the refusal is conditional, the requirement supported
                required = next((owner[t.group("term")] for t in tpattern.finditer(n.text, req.end())), None)
            for holder, via in holders:
                party = _party(holder, kinds, affil)
                tid = owner[target.group("term")]
                pol = "conditional" if required and required != tid else polarity
                rows.append(_stance(aid, holder, tid, pol, sentence[cue_s:cue_e], sentence, s, e, party, via))
                if required and required != tid:
                    rows.append(_stance(aid, holder, required, "support", sentence[cue_s:cue_e], sentence, s, e,
                                        party, via + "+requirement"))
    df = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    return df.drop_duplicates(["article_id", "actor", "target", "stance", "start"]).reset_index(drop=True)


class _SortedSpans:
    """``(start, end, value)`` spans of one article with bisected look-ups, keeping their original order."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted((sp[0], i, sp) for i, sp in enumerate(spans))
        self.starts = [x[0] for x in self.spans]
        self.longest = max((sp[1] - sp[0] for sp in spans), default=0)

    def starting_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Spans starting in ``[lo, hi)``, in their original order."""
        found = self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
        return [sp for _, _, sp in sorted(found, key=lambda x: x[1])]

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Spans overlapping ``[lo, hi)`` (they start after ``lo - longest``), in their original order."""
        found = self.spans[bisect_left(self.starts, lo - self.longest):bisect_left(self.starts, hi)]
        return [sp for _, _, sp in sorted(found, key=lambda x: x[1]) if sp[0] < hi and lo < sp[1]]


def _own_terms(terms: list[re.Match], n, s: int, span: tuple[int, int], quoted: list) -> list[re.Match]:
    """The target terms of a sentence that are not inside another statement nested in ``span`` (the words of Y in
    «X said that Y said …» are not X's)."""
    nested = [(qs, qe) for qs, qe, _ in quoted
              if span[0] <= qs and qe <= span[1] and (qs, qe) != span]
    if not nested:
        return terms
    out = []
    for t in terms:
        ts = n.span_to_source(t.start(), t.end())[0] + s
        if not any(qs <= ts < qe for qs, qe in nested):
            out.append(t)
    return out


def _stance(aid, holder, tid, polarity, cue, sentence, s, e, party, via) -> dict:
    return {"article_id": aid, "actor": holder, "target": tid, "stance": polarity, "cue": cue.strip(),
            "evidence": sentence, "start": s, "end": e, "party": party, "via": via}


def _pair(terms: list[re.Match], cues_found: list[re.Match], k: int) -> re.Match | None:
    """The target a cue speaks of: the first after it, else the nearest before, with no other cue between."""
    c = cues()
    cue = cues_found[k]
    pol = c.polarity[cue.group("cue")]
    # a cue of another polarity in between claims the target (ستواصل … وقد يشمل ذلك نشر قوات)
    nxt = next((x.start() for x in cues_found[k + 1:] if c.polarity[x.group("cue")] != pol), 10**9)
    prev = next((x.end() for x in reversed(cues_found[:k]) if c.polarity[x.group("cue")] != pol), -1)
    after = [t for t in terms if cue.end() <= t.start() < nxt]
    if after:
        return after[0]
    before = [t for t in terms if prev <= t.start() and t.end() <= cue.start()]
    return before[-1] if before else None


def _holders(cm: re.Match, n, s: int, ms: list[tuple[int, int, str]], quoted: list, text: str
             ) -> list[tuple[str, str]]:
    cue_s, cue_e = n.span_to_source(cm.start("cue"), cm.end())
    cue_s, cue_e = cue_s + s, cue_e + s
    cue = cm.group("cue")
    # 1. the actors right after the cue: a nominal cue's genitive (استعداد الاتحاد الأوروبي), a verb's subject
    #    (ووقعت المملكة المتحدة وفرنسا), also "X, including Y" (تحفظ بعض الدول، بينها إيطاليا)
    adjacent = _adjacent(cue_e, ms, text)
    subject = [m for m in ms if m[1] <= cue_s and len(text[m[1]:cue_s].strip()) <= 1 and _is_subject(m, text)]
    if subject and not adjacent:  # واشنطن لم توقّع: the actor right before a verbal cue
        return [(subject[-1][2], "subject")]
    if adjacent:
        return [(a, "genitive" if not cue.startswith(("س", "ت", "ي", "لن", "لا", "لم")) else "subject")
                for a in adjacent]
    # 2. a pronoun suffix points back (تؤكد موسكو رفضها، شكراً لأمريكا على استعدادها)
    if re.search(r"(ها|هما|هم|ه)$", cue):
        back = [m for m in ms if m[1] <= cue_s]
        if back:
            return [(back[-1][2], "pronoun")]
    # 3. the speaker of the innermost statement holding the cue: in «X said that Y said …» Y's words are Y's,
    #    and an unnamed Y's words are nobody's, never X's
    holding = [q for q in quoted if q[0] <= cue_s < q[1]]
    if holding:
        qs, qe, holder = min(holding, key=lambda q: q[1] - q[0])
        if not holder and any(q[0] <= qs and qe <= q[1] and (q[0], q[1]) != (qs, qe) for q in holding):
            return []
        named = [q for q in holding if q[2]]
        if named:
            return [(min(named, key=lambda q: q[1] - q[0])[2], "speaker")]
    # 4. the nearest actor before it in the sentence that can be a subject (not لأوكرانيا، في موسكو)
    back = [m for m in ms if m[1] <= cue_s and _is_subject(m, text)]
    return [(back[-1][2], "subject")] if back else []


_PREPOSITIONS = frozenset(norm(w) for w in ("في", "إلى", "على", "من", "عن", "مع", "لدى", "حول", "بين", "تجاه", "ضد"))


def _is_subject(m: tuple[int, int, str], text: str) -> bool:
    """A mention that is not a prepositional object: no clitic ل/ب/ك on it, no preposition before it."""
    if m[0] and text[m[0] - 1].isalpha():
        return False
    before = text[max(0, m[0] - 12):m[0]].split()
    return not (before and norm(before[-1]) in _PREPOSITIONS)


_INCLUDING = re.compile(r"^\s*(?:[\w]+\s+){0,2}[\w]+\s*،\s*(?:بينها|منها|بينهم|منهم|ومنها|وبينها)\s+$")


def _adjacent(cue_end: int, ms: list[tuple[int, int, str]], text: str) -> list[str]:
    out: list[str] = []
    last = cue_end
    for m in ms:
        if m[0] < cue_end:
            continue
        gap = text[last:m[0]]
        # a person's mention excludes the title before it (لم يستبعد رئيس الوزراء الهولندي ديك سخوف)
        titled = m[2].startswith("person:") and len(gap) <= 45 and not any(ch in gap for ch in "،,.؛:«»“”\"")
        if not out and not (len(gap.strip(" \"«»“”")) <= 1 or _INCLUDING.match(gap) or titled
                            or gap.strip(" \"«»“”") in ("من", "عن")):  # دعم من الولايات المتحدة
            break
        if out and gap.strip() not in ("و", "،", ""):
            break
        out.append(m[2])
        last = m[1]
    return out


def _party(actor: str, kinds: dict, affil: dict) -> str:
    """The state or organization an actor stands for: a person's affiliation, a body's country, itself."""
    a = affil.get(actor, "")
    if len(a) == 2 and (kinds.get(actor) == "person" or actor.startswith("org:")):
        return f"country:{a}"  # Macron → France, the French presidency → France
    if a and kinds.get(actor) == "person":
        return a  # Costa → the European Council
    return actor


def finalize(tables: dict) -> dict:
    targets = tables.pop("_targets", None) or []
    tables["stances"] = stance_rows(tables["articles"], tables["sentences"], tables["mentions"], tables["actors"],
                                    tables["quotes"], targets)
    return tables


def matrix(stances: pd.DataFrame, by: str = "party") -> pd.DataFrame:
    """Actor × target: the dominant stance of each cell, how many sentences support it, and all the evidence.

    Columns: ``by`` (party or actor), target, stance, n (sentences for that stance), counts (every stance with
    its count), evidence (``article_id:start-end`` of every sentence behind the cell).
    """
    rows = []
    for (who, target), g in stances.groupby([by, "target"], sort=False):
        counts = Counter(g["stance"])
        # neutral mentions never outweigh a position taken; a tie is settled for the stance that commits most
        order = {"oppose": 0, "support": 1, "conditional": 2, "neutral": 3}
        taken = {k: v for k, v in counts.items() if k != "neutral"} or counts
        stance = min(taken, key=lambda k: (-taken[k], order[k]))
        evidence = sorted({f"{a}:{s}-{e}" for a, s, e in zip(g["article_id"], g["start"], g["end"], strict=True)})
        rows.append({by: who, "target": target, "stance": stance, "n": counts[stance],
                     "counts": ", ".join(f"{k} {v}" for k, v in counts.most_common()),
                     "evidence": " | ".join(evidence)})
    return pd.DataFrame(rows, columns=[by, "target", "stance", "n", "counts", "evidence"])


# --- the stage's contract (see arnews.stages) ----------------------------------------------------------------

STAGE = Stage(
    "stance", corpus_step=finalize, requires=("articles", "sentences", "mentions", "actors", "quotes", "_targets"),
    produces={
        "stances": Table(STANCE_COLUMNS, {
            "article_id": "the article",
            "actor": "actor_id holding the stance",
            "target": "target id from the corpus's `targets.yaml`",
            "stance": "support, oppose, conditional or neutral",
            "cue": "the words that carry it (`لن تقبل`, `لم يستبعد`, `استعداد`)",
            "evidence, start, end": "the sentence and its offsets",
            "party": "the state or organization it stands for (a person's affiliation: Macron → `country:FR`)",
            "via": "how the holder was found: genitive, subject, pronoun, speaker (+requirement)",
        }, about="`arnews.stance`"),
    },
)
