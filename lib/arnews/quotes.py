"""Quotes: who said what — direct, indirect and mixed speech, with the speaker resolved to an actor.

``quotes`` (``QUOTE_COLUMNS``, written as ``quotes.csv``): article_id, speaker (actor_id; empty for unnamed
speakers and documents with no known issuer), speaker_surface (the speaker as written), cue (the speech verb
or source phrase), kind (direct | indirect | mixed), text (what was said, as written), start, end (offsets of
the text), sentence_id, speaker_kind (person | country | organization | group | media | unnamed | document),
speaker_affiliation (for unnamed speakers: the actor they speak for, e.g. ``مسؤول في الرئاسة الفرنسية``).

Reported speech is found after speech verbs (قال، أكد، أضاف، أوضح، أشار، صرح، أعلن، شدد، اعتبر، كتب، حذر، نفى، لفت …)
with the speaker before or after the verb; after continuation participles (، مضيفاً أن …); after source
attributions (بحسب، وفق، نقلاً عن); with documents (جاء في الوثيقة أن …، وأشار النص إلى …) speaking for their
issuer. A verb with no subject (وأضاف:، وكتب:) continues the article's previous speaker; الأخير points to the
last person named. Quoted words that are names or labels are not quotes: only what a cue introduces is.

``flags`` (``FLAG_COLUMNS``): what an analyst must double-check — the same quotation attributed to different
speakers, and a speaker named without title right after another office-holder of the same country.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import defaultdict
from functools import cache

import pandas as pd

from arnews import lang
from arnews.actors import lexicon, mention_spans
from arnews.lang import load as load_data
from arnews.stages import Stage, Table
from arnews.text import Doc, clitic_variants, norm

QUOTE_COLUMNS = ["article_id", "speaker", "speaker_surface", "cue", "kind", "text", "start", "end", "sentence_id",
                 "speaker_kind", "speaker_affiliation"]
CANDIDATE_COLUMNS = ["article_id", "sentence_id", "cue", "cue_start", "window_start", "window_end", "start", "end",
                     "mode", "sentence_start"]
FLAG_COLUMNS = ["flag", "article_id", "speaker", "other", "detail", "evidence", "start", "end"]

_QUOTE_CHARS = "«»“”\""
_STOP_WINDOW = re.compile(r"[:«“\"،,؛.]")


@cache
def vocabulary() -> dict[str, frozenset[str]]:
    data = load_data("quotes.yaml")
    out = {k: frozenset(norm(w) for w in v) for k, v in data.items()}
    out["speech_verbs"] = lang.speech_verbs()
    return out


@cache
def _cue_kind(word: str) -> str:
    """What a normalized word can open: speech, continuation, attribution, docverb, pair (the first word of a
    two-word attribution), or nothing (the common case, decided once per distinct word)."""
    v = vocabulary()
    variants = clitic_variants(word, 2)
    if any(x in v["speech_verbs"] for x in variants):
        return "speech"
    if word in v["continuation_participles"]:
        return "continuation"
    if variants[-1] in v["attributions"] or word in v["attributions"]:
        return "attribution"
    if variants[-1] in v["document_verbs"]:
        return "docverb"
    if any(a.split()[0] == word for a in v["attributions"] if " " in a):
        return "pair"
    return ""


def candidate_rows(doc: Doc) -> list[dict]:
    """Reported-speech candidates of one article: the cue, the speaker window and the content span."""
    v = vocabulary()
    lex = lexicon()
    toks, _text = doc.tokens, doc.text
    rows: list[dict] = []
    starts = [t.start for t in toks]
    for sid, (s, e) in enumerate(doc.sentences):
        if e <= doc.body_start:
            continue
        lo = _first_at_or_after(starts, s)
        hi = _first_at_or_after(starts, e)
        k = lo
        consumed = lo
        while k < hi:
            tok = toks[k]
            kind = _cue_kind(tok.norm) if k >= consumed else ""
            if not kind:
                k += 1
                continue
            if kind == "speech":
                row, consumed = _speech(doc, sid, s, e, lo, hi, k, v, lex)
                if row:
                    rows.append(row)
            elif kind == "continuation":
                row, consumed = _continuation(doc, sid, e, hi, k, v)
                if row:
                    rows.append(row)
            elif kind == "attribution" or (kind == "pair" and _two(toks, k, hi) in v["attributions"]):
                row, consumed = _attribution(doc, sid, s, e, lo, hi, k, v)
                if row:
                    rows.append(row)
            elif kind == "docverb" and k + 2 < hi and toks[k + 1].norm in ("في", "فيه", "فيها"):
                # جاء في البيان أن …: the document after في is the speaker
                row, consumed = _speech(doc, sid, s, e, lo, hi, k + 1 if toks[k + 1].norm == "في" else k, v, lex)
                if row:
                    rows.append(row)
            k += 1
    return rows


def _first_at_or_after(starts: list[int], offset: int) -> int:
    from bisect import bisect_left

    return bisect_left(starts, offset)


def _two(toks, k: int, hi: int) -> str:
    return f"{toks[k].norm} {toks[k + 1].norm}" if k + 1 < hi else ""


def _gap(text: str, a, b) -> str:
    return text[a.end:b.start]


def _window(doc: Doc, k: int, hi: int, v) -> tuple[int, int, int]:
    """The speaker window after the cue at token ``k``: ``(first_token, end_token, content_token)``.

    It stops at a complementizer (إن، أن، بأن …), at punctuation or a quotation mark, or after eight words.
    ``content_token`` is where the reported content starts (the complementizer's successor), or -1.
    """
    toks, text = doc.tokens, doc.text
    j = k + 1
    end = j
    while end < hi and end - j < 8:
        if _STOP_WINDOW.search(_gap(text, toks[end - 1], toks[end])):
            break
        if toks[end].norm in v["complementizers"] or toks[end].norm in v["continuation_participles"]:
            break
        if _two(toks, end, hi) in v["complementizers"]:
            break
        if toks[end].norm in ("الي", "علي", "من") and end + 1 < hi and toks[end + 1].norm in v["complementizers"]:
            break
        end += 1
    content = -1
    for c in range(end, hi):
        if toks[c].norm in v["complementizers"]:
            content = c + 1
            break
        if _two(toks, c, hi) in v["complementizers"]:
            content = c + 2
            break
        if _cue_kind(toks[c].norm) in ("speech", "continuation"):
            break
        if ":" in _gap(text, toks[c - 1], toks[c]) if c > 0 else False:
            content = c
            break
    if content < 0 and end < hi and ":" in _gap(text, toks[end - 1], toks[end]):
        content = end
    return j, end, content


def _content_end(doc: Doc, c: int, hi: int, e: int, v) -> int:
    """Where reported content starting at token ``c`` ends: the next cue in the sentence, or the sentence end."""
    toks, text = doc.tokens, doc.text
    for x in range(c + 1, hi):
        tok = toks[x]
        kind = _cue_kind(tok.norm)
        if kind == "continuation" or (kind == "speech" and "،" in _gap(text, toks[x - 1], tok)):
            cut = toks[x - 1].end
            return cut
        if tok.norm in ("فيما", "بينما") and _cue_kind(toks[min(x + 1, hi - 1)].norm) == "speech":
            return toks[x - 1].end
    return e


def _speech(doc: Doc, sid: int, s: int, e: int, lo: int, hi: int, k: int, v, lex) -> tuple[dict | None, int]:
    toks, text = doc.tokens, doc.text
    j, wend, content = _window(doc, k, hi, v)
    back = k > lo and (toks[k - 1].norm in v["back_reference"] or _two(toks, k - 2, hi) in v["back_reference"])
    if back:  # ووقعت … «إعلان نوايا» …، حسبما صرح ستارمر: the content is the clause before
        cstart = toks[lo].start
        cut = text.rfind("،", cstart, toks[k - 1].start)
        cend = cut if cut > cstart else toks[k - 1].start
        return _row(doc, sid, toks[k], toks[j].start if j < hi else toks[k].end,
                    toks[wend - 1].end if wend > j else toks[k].end, cstart, cend, "back"), wend
    if content < 0:
        # no complementizer or colon: the content follows the speaker (أعلن كوستا استعداد الاتحاد …);
        # the finalizer moves its start past the speaker's name
        cstart = toks[j].start if j < hi else e
        mode = "after_speaker"
    else:
        cstart = toks[content].start if content < hi else e
        mode = "complement"
    # a colon right before a quotation: direct speech
    cend = _content_end(doc, max(content, j), hi, e, v)
    if cend <= cstart:
        return None, wend
    return _row(doc, sid, toks[k], toks[j].start if j < hi else toks[k].end,
                toks[wend - 1].end if wend > j else toks[k].end, cstart, cend, mode), max(wend, content if
                                                                                    content > 0 else wend)


def _continuation(doc: Doc, sid: int, e: int, hi: int, k: int, v) -> tuple[dict | None, int]:
    toks = doc.tokens
    c = k + 1
    while c < hi and (toks[c].norm in ("الي", "من", "في", "علي") or toks[c].norm in v["complementizers"]):
        c += 1
        if toks[c - 1].norm in v["complementizers"]:
            break
    if c >= hi:
        return None, k + 1
    cend = _content_end(doc, c, hi, e, v)
    row = _row(doc, sid, toks[k], toks[k].end, toks[k].end, toks[c].start, cend, "continuation")
    return row, c


def _attribution(doc: Doc, sid: int, s: int, e: int, lo: int, hi: int, k: int, v) -> tuple[dict | None, int]:
    """بحسب مصادر دبلوماسية / ووفق بيان صادر عن الرئاسة الفرنسية، …: the source, and the clause it vouches for."""
    toks, text = doc.tokens, doc.text
    j = k + 2 if _two(toks, k, hi) in v["attributions"] else k + 1
    if j < hi and toks[j].norm == "ما":
        j += 1
    wend = j
    while wend < hi and wend - j < 10 and not re.search(r"[،,.؛:]", _gap(text, toks[wend - 1], toks[wend])):
        wend += 1
    if wend <= j:
        return None, k + 1
    comma = text.find("،", toks[wend - 1].end, e)
    if k == lo or text[toks[lo].start:toks[k].start].strip() in ("و", ""):
        if comma < 0:
            return None, wend
        cstart, cend = comma + 1, e  # the source comes first: the rest of the sentence is what it says
    else:
        cstart = toks[lo].start
        cut = text.rfind("،", cstart, toks[k].start)
        cend = cut if cut > cstart else toks[k].start
    return _row(doc, sid, toks[k], toks[j].start, toks[wend - 1].end, cstart, cend, "attribution"), wend


_OPENERS, _CLOSERS = "«“\"", "»”\""


def _row(doc: Doc, sid: int, cue_tok, ws: int, we: int, cs: int, ce: int, mode: str) -> dict:
    text = doc.text
    while cs < ce and text[cs] in " \t:،,":
        cs += 1
    while ce > cs and text[ce - 1] in " \t،,.:؛":
        ce -= 1
    back = cs
    while back > 0 and not text[back - 1].isalnum() and text[back - 1] not in ":\n" and cs - back < 12:
        back -= 1
        if text[back] in _OPENERS:  # the opening mark (and what follows it) belongs to the quotation
            cs = back
            break
    span = text[cs:ce]
    while (ce < len(text) and text[ce] in _CLOSERS and sum(span.count(c) for c in "«“") > sum(
            span.count(c) for c in "»”") + 0) or (ce < len(text) and text[ce] == '"' and span.count('"') % 2 == 1):
        ce += 1  # and so does the closing one
        span = text[cs:ce]
    return {"article_id": doc.article_id, "sentence_id": sid, "cue": cue_tok.text, "cue_start": cue_tok.start,
            "window_start": ws, "window_end": we, "start": cs, "end": ce, "mode": mode,
            "sentence_start": doc.sentences[sid][0]}


# --- corpus level --------------------------------------------------------------------------------------


def classify(text: str) -> tuple[str, int, int]:
    """``(kind, start, end)`` of reported content: direct when it is one quotation (offsets then inside the
    marks), mixed when it embeds a quoted phrase, indirect otherwise.

    >>> classify('“ستواصل ألمانيا انخراطها”')
    ('direct', 1, 24)
    >>> classify('هذا الانتشار سيشكّل "ضمانة"')[0]
    'mixed'
    """
    t = text.strip()
    lead = len(text) - len(text.lstrip())
    if t and t[0] in "«“\"":
        close = {"«": "»", "“": "”", '"': '"'}[t[0]]
        end = t.find(close, 1)
        rest = t[end + 1:].strip(" .،,") if end > 0 else "x"
        if end > 0 and not rest:
            return "direct", lead + 1, lead + end
    if any(c in t for c in _QUOTE_CHARS):
        return "mixed", 0, len(text)
    return "indirect", 0, len(text)


def finalize(tables: dict) -> dict:
    """Resolve every candidate's speaker to an actor and build the ``quotes`` and ``flags`` tables."""
    cands = tables.pop("_quote_candidates")
    quotes = resolve(cands, tables["mentions"], tables["actors"], tables["articles"])
    tables["quotes"] = quotes
    tables["flags"] = consistency_flags(quotes, tables["actors"], tables["articles"])
    return tables


def resolve(cands: list[dict], mentions: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame
            ) -> pd.DataFrame:
    """Speakers for the candidates, in article order; continuations take the previous speaker."""
    v = vocabulary()
    lex = lexicon()
    kinds = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    affil = dict(zip(actors["actor_id"], actors["affiliation"].fillna(""), strict=True))
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    by_article = mention_spans(mentions)
    rows = []
    previous: dict[str, tuple[str, str, str, str]] = {}
    spans: _Spans | None = None
    for c in sorted(cands, key=lambda r: (r["article_id"], r["cue_start"])):
        aid, text = c["article_id"], texts[c["article_id"]]
        if spans is None or spans.article_id != aid:  # candidates come article by article
            spans = _Spans(aid, by_article.get(aid, []), kinds, affil)
        window = text[c["window_start"]:c["window_end"]]
        inside = spans.between(c["window_start"], c["window_end"])  # bisected: linear in a long article
        people = [m for m in inside if kinds.get(m[2]) == "person"]
        others = [m for m in inside if kinds.get(m[2]) not in ("person", "place", None)]
        words = [norm(w) for w in window.split()]
        first = words[0] if words else ""
        first_bare = clitic_variants(first, 2)[-1] if first else ""
        speaker = surface = kind = affiliation = ""
        start = c["start"]
        if first in ("عنه", "عنها", "له", "لها", "به", "بها"):
            continue  # أعلن عنه: "was announced", not reported speech
        if c["mode"] != "continuation" and (first in lex.unnamed or first_bare in lex.unnamed):
            surface, kind = window, "unnamed"
            affiliation = (others or people or [("", "", "")])[0][2]
        elif c["mode"] == "continuation" or not words or (first in lex.stop and first not in v["anaphors"]
                                                           and not people and not others):
            if first in ("فيه", "فيها"):  # أصدر التحالف بياناً ذكر فيه: the document's issuer, named before
                before = text[c["sentence_start"]:c["cue_start"]]
                if any(clitic_variants(norm(w), 2)[-1] in v["documents"] or norm(w) in v["documents"]
                       for w in before.split()):
                    earlier = [m for m in spans.between(c["sentence_start"], c["cue_start"])
                               if m[1] <= c["cue_start"] and kinds.get(m[2]) not in ("place", None)]
                    if earlier:
                        speaker, surface, kind = earlier[0][2], text[earlier[0][0]:earlier[0][1]], "document"
                if not speaker:
                    continue
            elif aid in previous:
                speaker, surface, kind, affiliation = previous[aid]
            else:
                continue  # nobody to attribute it to
        elif first in v["anaphors"]:
            before = spans.last_person_before(c["cue_start"])
            if before:
                speaker, surface, kind = before[2], window.split()[0], "person"
        elif people:
            speaker, surface, kind = people[0][2], text[people[0][0]:people[0][1]], "person"
            if c["mode"] == "after_speaker":
                start = max(start, people[0][1])
        elif any(w in v["documents"] or clitic_variants(w, 2)[-1] in v["documents"] for w in words[:3]):
            issuer = others[0] if others else None
            speaker = issuer[2] if issuer else ""
            surface, kind = window, "document"
        elif others:
            # a title with a country adjective and no name (الزعيم البريطاني): that country's person named before
            country = others[0][2]
            code = affil.get(country, "") if country.startswith("country:") else ""
            named = spans.last_person_before(c["cue_start"], code) if code else None
            if named and text[others[0][0]:others[0][1]] != window.strip():
                speaker, surface, kind = named[2], window, "person"
            else:
                speaker, surface, kind = country, text[others[0][0]:others[0][1]], kinds.get(country, "")
            if c["mode"] == "after_speaker":
                start = max(start, others[0][1])
        else:
            surface, kind = window, "unnamed"
        if kind != "document" or speaker:
            previous[aid] = (speaker, surface, kind, affiliation)
        body = text[start:c["end"]]
        lead = len(body) - len(body.lstrip(" ،,:"))
        start += lead
        body = text[start:c["end"]]
        if len(body.split()) < 2:
            continue
        qkind, qs, qe = classify(body)
        rows.append({"article_id": aid, "speaker": speaker, "speaker_surface": surface.strip(), "cue": c["cue"],
                     "kind": qkind, "text": text[start + qs:start + qe], "start": start + qs, "end": start + qe,
                     "sentence_id": c["sentence_id"], "speaker_kind": kind, "speaker_affiliation": affiliation})
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return df.drop_duplicates(["article_id", "start", "end"]).reset_index(drop=True)


class _Spans:
    """One article's mentions, sorted, with bisected look-ups (a scan per candidate made long articles
    quadratic: a 4 MB article took minutes)."""

    def __init__(self, article_id: str, ms: list[tuple[int, int, str]], kinds: dict, affil: dict) -> None:
        self.article_id = article_id
        self.ms = sorted(ms)
        self.starts = [m[0] for m in self.ms]
        self.persons: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # "" → all, else by affiliation
        for m in self.ms:
            if kinds.get(m[2]) == "person":
                self.persons[""].append(m)
                if affil.get(m[2]):
                    self.persons[affil[m[2]]].append(m)
        self.person_starts = {k: [m[0] for m in v] for k, v in self.persons.items()}

    def between(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Mentions starting in ``[lo, hi)``, in text order."""
        return self.ms[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def last_person_before(self, offset: int, affiliation: str = "") -> tuple[int, int, str] | None:
        """The last person mention (of ``affiliation``, if given) ending at or before ``offset``."""
        people = self.persons.get(affiliation, [])
        i = bisect_left(self.person_starts.get(affiliation, []), offset)
        while i > 0:
            i -= 1
            if people[i][1] <= offset:
                return people[i]
        return None


def _quote_key(text: str) -> str:
    return " ".join(re.findall(r"[\u0621-\u064a]+", norm(text)))


def consistency_flags(quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Attributions an analyst must double-check, with the evidence."""
    roles = dict(zip(actors["actor_id"], actors["role_en"].fillna(""), strict=True))
    affil = dict(zip(actors["actor_id"], actors["affiliation"].fillna(""), strict=True))
    names = dict(zip(actors["actor_id"], actors["name_en"].fillna(""), strict=True))
    lex = lexicon()
    flags = []
    # 1. the same quotation, different speakers
    direct = quotes[quotes["kind"].isin(["direct", "mixed"]) & (quotes["speaker"] != "")]
    groups: dict[str, list] = defaultdict(list)
    for r in direct.itertuples():
        key = _quote_key(r.text)
        if len(key.split()) >= 4:
            groups[key].append(r)
    for rs in groups.values():
        speakers = {r.speaker for r in rs}
        if len(speakers) > 1:
            for r in rs:
                others = sorted(speakers - {r.speaker})
                flags.append({"flag": "same quotation, different speakers", "article_id": r.article_id,
                              "speaker": r.speaker, "other": " | ".join(others),
                              "detail": f"also attributed to {', '.join(names.get(o, o) for o in others)}",
                              "evidence": r.text, "start": r.start, "end": r.end})
    # 2. a speaker named without title right after another office-holder of the same country
    records = sorted(quotes.to_dict("records"), key=lambda r: (r["article_id"], r["start"]))
    for prev, cur in itertools.pairwise(records):
        if prev["article_id"] != cur["article_id"]:
            continue
        aid = cur["article_id"]
        p, q = prev["speaker"], cur["speaker"]
        if not p or not q or p == q or not p.startswith("person:") or not q.startswith("person:"):
            continue
        near = cur["sentence_id"] - prev["sentence_id"] <= 2
        if affil.get(p) and affil.get(p) == affil.get(q) and roles.get(p) and near:
            known = lex.people.get(q)
            q_role = (known.role_en if known else "") or roles.get(q, "")
            office = roles.get(p, "").replace("former ", "").lower()
            if not office or office not in q_role.lower() or (q_role.lower() == office and roles.get(q)):
                continue  # only a speaker who holds or held the same office as the one just quoted
            detail = (f"{names.get(p, p)} ({roles.get(p)}) is quoted, then the next quote is attributed to "
                      f"{names.get(q, q)}" + (f", known as {q_role}" if q_role else "")
                      + ": check who said it")
            flags.append({"flag": "speaker does not match the office-holder named before", "article_id": aid,
                          "speaker": q, "other": p, "detail": detail, "evidence": cur["text"],
                          "start": cur["start"], "end": cur["end"]})
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


# --- the stage's contract (see arnews.stages) ----------------------------------------------------------------

STAGE = Stage(
    "quotes", per_article=candidate_rows, rows_table="_quote_candidates", rows_columns=CANDIDATE_COLUMNS,
    corpus_step=finalize, requires=("articles", "mentions", "actors"),
    produces={
        "quotes": Table(QUOTE_COLUMNS, {
            "article_id": "where it was said",
            "speaker": "actor_id of the speaker; empty for unnamed sources and documents with no known issuer",
            "speaker_surface": "the speaker as written (`مسؤول في الرئاسة الفرنسية`, `الأخير`, `مسودة الإعلان`)",
            "cue": "the speech verb, participle or source phrase (`وقال`, `مضيفاً`, `بحسب`)",
            "kind": "direct (one quotation), mixed (reported speech embedding a quoted phrase) or indirect",
            "text, start, end": "what was said, as written, and its offsets (inside the quotation marks for direct "
                                "speech)",
            "sentence_id": "the sentence it starts in",
            "speaker_kind": "person, country, organization, group, media, unnamed or document",
            "speaker_affiliation": "for unnamed speakers, the actor they speak for (`org:fr-presidency`)",
        }, about="`arnews.quotes`"),
        "flags": Table(FLAG_COLUMNS, {
            "flag": "`same quotation, different speakers` or `speaker does not match the office-holder named "
                    "before`",
            "article_id, speaker, other": "where, who is quoted, and the conflicting speaker",
            "detail": "what to check, in words",
            "evidence, start, end": "the quotation in question and its offsets",
        }),
    },
)
