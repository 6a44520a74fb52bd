"""Quotes: who said what — direct, indirect and mixed speech, with the speaker resolved to an actor.

``quotes`` (``QUOTE_COLUMNS``, written as ``quotes.csv``): article_id, speaker (actor_id; empty for unnamed
speakers, offices nobody in the article holds and documents with no known issuer), speaker_surface (the speaker's
noun phrase as written), cue (the speech verb or source phrase), kind (direct | indirect | mixed), text (what was
said, as written), start, end (offsets of the text), sentence_id, speaker_kind (person | country | organization |
group | media | unnamed | document), speaker_affiliation (for unnamed speakers and offices without a name: the actor
they speak for, e.g. ``مسؤول في الرئاسة الفرنسية``), channel (the medium or document that carries the statement, as
written: في تصريح لـ«…»، في بيان، عبر حسابه على …، ووفقاً لما نقلته وكالة …; or the speaker who reports it),
reported_by (for a statement reported inside another speaker's words, that outer speaker).

Find, then decide. ``candidate_rows`` (per article, on tokens) finds each cue — a speech verb in any person and
number (قال، قالت، أكدوا، أضافتا، يقول …), a continuation participle (، مضيفاً أن …), a source attribution (بحسب،
وفقاً لما نقلته …), a document verb (جاء في البيان أن …) — with the content (after a complementizer or colon) and
the speaker's noun phrase: the subject of the verb, right after it in VSO order (titles, names, adjectives, a name or
title in apposition) or before it after كان / إنّ / لكن in SVO order; none when the verb has no subject. ``resolve``
(corpus level, with the actors' mention spans) decides who that phrase is: a person named in it, an office's holder
named in the article, an organization, medium or document (its issuer), an unnamed source, a pronoun or الأخير (the
last person named); a verb without subject continues the previous speaker, a participle the subject of its
sentence. A statement reported inside another's words is its own row, with the medium or document as its channel.

``flags`` (``FLAG_COLUMNS``): what an analyst must double-check — the same quotation attributed to different
speakers, and a speaker named without title right after another office-holder of the same country.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Container
from functools import cache, lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from arnews import lang, ner
from arnews.actors import _NISBA_RE as _NISBA_NAME  # a family name of the nisba pattern (الشيخي)
from arnews.actors import PERSONAL_TITLES, lexicon, slug, transliterate
from arnews.actors import _reads_as_verb as actors_reads_as_verb
from arnews.lang import load as load_data
from arnews.stages import Stage, Table
from arnews.text import Doc, clitic_variants, norm, strip_clitics

QUOTE_COLUMNS = ["article_id", "speaker", "speaker_surface", "cue", "kind", "text", "start", "end", "sentence_id",
                 "speaker_kind", "speaker_affiliation", "channel", "reported_by"]
CANDIDATE_COLUMNS = ["article_id", "sentence_id", "cue", "cue_start", "window_start", "window_end", "start", "end",
                     "mode", "sentence_start", "subject", "channel_start", "channel_end", "weak"]
FLAG_COLUMNS = ["flag", "article_id", "speaker", "other", "detail", "evidence", "start", "end"]

_QUOTE_CHARS = "«»“”\""
_STOP_WINDOW = re.compile(r"[:«“\"،,؛.]")
_NP_GAP = re.compile(r"^\s*$")
_APPOSITION_GAP = re.compile(r"^\s*[،,\-–—]\s*$")
_MAX_NP = 20
_ADJUNCT_STARTS = frozenset({"في", "خلال", "عبر", "لدي", "امام", "عقب", "بعد", "قبل", "اثناء", "ل", "يوم", "امس"})
#: heads that take «من» + the group they count (العديد من السكان)
_QUANTIFIERS = frozenset({"العديد", "عديد", "عدد", "بعض", "احد", "كثير", "الكثير", "مجموعه", "جميع"})
#: counts of people after ل: to whom something was said (قال لعدد من الصحفيين), never part of the speaker
_LISTENER_COUNTS = frozenset({"عدد", "العديد", "بعض", "جميع", "الكثير"})
#: relation nouns that are also offices (وكيل الوزارة فلان، مدرب المنتخب فلان: the holder speaks)
_OFFICE_RELATIONS = frozenset({"وكيل", "مدرب", "محامي", "محاميه", "زميل", "زميله", "جار"})
#: words after an office that look like a name and are not (المتحدث باسم، المتحدث الرئاسي أول من أمس)
_NOT_NAMES = frozenset({"باسم", "اول", "اخر", "ذاته", "نفسه", "ذاتها", "نفسها", "عام", "خاص", "سابق"})
#: cues that are far more often ordinary words (عبر = across): they never end another statement's content
_WEAK_CUES = frozenset({"عبر", "وعبر"})
_OPEN_QUOTE = re.compile(r"[«“\"]")
_FULL_STOP = re.compile(r"^[»”\"″]?\.\s")
_CLOSES = re.compile(r"^(?:[»”\"]|\s*[»”،.:؛]|\s*$)")
#: ب + a verbal noun of the measures تفعيل، إفعال، افتعال، انفعال، استفعال (بتعيين، بإرسال، باتخاذ، باهتمام،
#: باندفاع، باستمرار): a prepositional object or manner (فقالت باندفاع), never part of a speaker's name (باراك،
#: باسيل، باكستان do not match)
_BI_MASDAR = re.compile(r"^ب(?:ت\w{3,}|است\w{3,}|ا\w{2}ا\w+|ا\wت\wا\w+|ان\w{2}ا\w+)$")
_HEADLINE = re.compile(r"^\s*:\s*\S")


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The past-tense forms of a normalized speech verb: the lemma, feminine, plural, dual, feminine dual.

    >>> verb_forms("اكد")
    ('اكد', 'اكدت', 'اكدوا', 'اكدا', 'اكدتا')
    """
    if lemma.endswith(("ي", "ا")):  # رأى → رأت، رأوا، رأيا؛ دعا → دعت، دعوا، دعوَا
        stem = lemma[:-1]
        dual = stem + ("يا" if lemma.endswith("ي") else "وا")
        return lemma, stem + "ت", stem + "وا", dual, stem + "تا"
    return lemma, lemma + "ت", lemma + "وا", lemma + "ا", lemma + "تا"


def participle_forms(word: str) -> tuple[str, ...]:
    """A normalized participle (accusative masculine, مشيرا) with its feminine and plural or dual forms.

    >>> participle_forms("مشيرا")
    ('مشيرا', 'مشيره', 'مشيرين')
    """
    if not word.endswith("ا") or " " in word:
        return (word,)
    base = word[:-1]
    return word, base + "ه", base + "ين"


def verb_forms_all(out: dict, lex) -> set[str]:
    """Every past-tense form of the speech verbs (a past form may start with ت: تابع، تساءل)."""
    lemmas = out["speech_verb_lemmas"] | {v for v in lang.speech_verbs() if not v.startswith(("ي", "ت"))}
    return {f for lemma in lemmas for f in verb_forms(lemma)}


@cache
def honorifics() -> dict[str, frozenset[str]]:
    """quotes.yaml's honorific pronouns with the titles that introduce the person they stand for, normalized.

    >>> "امير" in honorifics()["سموه"]
    True
    """
    data = load_data("quotes.yaml")["honorific_titles"]
    return {norm(k): frozenset(norm(w).removeprefix("ال") for w in v) for k, v in data.items()}


@cache
def vocabulary() -> dict[str, frozenset[str]]:
    """The word lists of quotes.yaml, normalized, with the speech verbs in every form."""
    data = load_data("quotes.yaml")
    out = {k: frozenset(norm(w) for w in v) for k, v in data.items() if not isinstance(v, dict)}
    out["cue_nouns"] = {norm(k): frozenset(norm(w) for w in ws) for k, ws in data["cue_nouns"].items()}
    out["cue_objects"] = {norm(k): frozenset(norm(w) for w in ws) for k, ws in data["cue_objects"].items()}
    out["female_given_names"] = frozenset(norm(w) for w in load_data("given_names.yaml")["female"])
    out["word_names"] = frozenset(norm(w) for w in load_data("given_names.yaml")["word_names"])
    lex = lexicon()
    verbs = set(lang.speech_verbs()) | set(out["speech_verbs_present"])
    duals = set()
    for lemma in out["speech_verb_lemmas"] | {v for v in lang.speech_verbs() if not v.startswith(("ي", "ت"))}:
        forms = verb_forms(lemma)
        verbs.update(forms)
        duals.update(forms[3:])
    verbs.update(v + "ون" for v in out["speech_verbs_present"])
    out["continuation_participles"] = frozenset(f for w in out["continuation_participles"] for f in participle_forms(w))
    out["speech_verbs"] = lang.speech_verbs()  # the shared lemmas (lexicon.yaml), as every extractor reads them
    out["speech_forms"] = frozenset(verbs)  # with quotes.yaml's lemmas and every person and number
    present = {v for v in verbs if v.startswith(("ي", "ت")) and v not in verb_forms_all(out, lex)}
    past = {f for w in out["needs_complement"] if not w.startswith("ي") and w not in out["speech_verbs_present"]
            for f in verb_forms(w)}  # نقل → نقلت، نقلوا (أُصيب سبعة نُقلوا إلى المستشفى)
    out["needs_complement"] = out["needs_complement"] | frozenset(past) | frozenset(duals) | frozenset(present)
    out["present"] = frozenset(present)
    words = load_data("lexicon.yaml")
    function = {norm(w) for w in words["function_words"]}
    out["np_stop"] = frozenset(
        (function | out["complementizers"] | out["continuation_participles"] | out["speech_forms"]
         | set(lex.agent_verbs) | out["np_breaks"] | out["verb_adverbs"])
        - out["subject_pronouns"] - out["anaphors"])
    out["function"] = frozenset(function | out["np_breaks"])
    out["channel_triggers"] = frozenset(
        {"ل", "في", "وفي", "معرض"} | out["channel_openers"] | out["channel_accounts"]
        | {f"{p}{w}" for w in out["channel_openers"] | out["channel_accounts"] for p in ("و", "ب", "في")}
        | {"ل" + h for h in out["media_heads"]})
    out["complementizer_first"] = frozenset(c.split()[0] for c in out["complementizers"] if " " in c)
    out["pair_first"] = frozenset(a.split()[0] for a in out["attributions"] if " " in a)
    bases = {a for a in out["attributions"] if " " not in a} | out["document_verbs"] | out["pair_first"]
    out["other_cues"] = frozenset(p + w for w in bases for p in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"))
    out["title_first"] = frozenset(k[0] for k in lex.titles)
    out["body_nouns"] = out["institution_nouns"] | out["organization_heads"] | out["media_heads"] | out["club_nouns"]
    out["noun_before"] = out["noun_before"] | frozenset(lang.number_words())
    out["speech_events"] = frozenset(clitic_variants(w, 2)[-1] for w in out["speech_events"]) | out["speech_events"]
    out["listener_verbs"] = frozenset(f for w in out["listener_verbs"] for f in verb_forms(w))
    out["object_verbs"] = frozenset(f for w in out["object_verbs"] for f in verb_forms(w))
    out["adds_to"] = frozenset(verb_forms("اضاف"))  # أضاف إلى / على without أن: «added to», not speech
    out["takes_an"] = frozenset(f for w in ("اعرب", "عبر") for f in verb_forms(w))  # أعرب عن، never أعرب أن
    human = (frozenset(f for w in out["human_heads"] for f in human_forms(w)) | out["human_plurals"]
             | lex.unnamed | frozenset(clitic_variants(w, 2)[-1] for w in out["person_heads"]) | out["relation_heads"])
    out["human"] = frozenset(w.replace("ؤ", "ء").replace("ئ", "ء") for w in human)  # مسئول = مسؤول
    spoken = out["speech_forms"] | out["continuation_participles"]
    out["cueable"] = spoken | out["other_cues"] | frozenset(p + w for w in spoken for p in "وف")  # _cue_kind ≠ ""
    return out


def human_forms(word: str) -> tuple[str, ...]:
    """A normalized person's noun with its feminine, sound plurals, dual and construct forms (the article and
    possessive suffixes are taken off when looking up).

    >>> human_forms("مراقب")
    ('مراقب', 'مراقبه', 'مراقبون', 'مراقبين', 'مراقبات', 'مراقبان', 'مراقبو', 'مراقبي', 'مراقبتان', 'مراقبتين')
    """
    stem = word[:-1] if word.endswith("ه") else word
    if word.endswith("ه"):
        return word, stem + "ات", stem + "تان", stem + "تين"
    return (word, word + "ه", word + "ون", word + "ين", word + "ات", word + "ان", word + "و", word + "ي",
            word + "تان", word + "تين")


@lru_cache(maxsize=250_000)  # bounded: one entry per word type
def _cue_kind(word: str) -> str:
    """What a normalized word can open: speech, continuation, attribution, docverb, pair (the first word of a
    two-word attribution), or nothing (the common case, decided once per distinct word)."""
    v = vocabulary()
    if word in v["speech_forms"] or (word[:1] in "وف" and word[1:] in v["speech_forms"]):
        return "speech"
    if word in v["continuation_participles"] or (word[:1] in "وف" and word[1:] in v["continuation_participles"]):
        return "continuation"
    if word not in v["other_cues"]:
        return ""
    variants = clitic_variants(word, 2)
    if variants[-1] in v["attributions"] or word in v["attributions"]:
        return "attribution"
    if variants[-1] in v["document_verbs"]:
        return "docverb"
    if word in v["pair_first"] or variants[-1] in v["pair_first"]:
        return "pair"
    return ""


@lru_cache(maxsize=250_000)  # bounded: one entry per word type
def _np_word(word: str) -> bool:
    """Can this normalized word be part of a speaker's noun phrase? Not a function word, verb, complementizer
    or preposition phrase (بهذا، للصحفيين are; لافروف، بوتين are not: only a proclitic before a function word or
    before the article counts).

    >>> _np_word("الوزير"), _np_word("بهذا"), _np_word("في")
    (True, False, False)
    """
    v = vocabulary()
    if word in v["np_stop"] or not word:
        return False
    if word.startswith(("بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل")):
        return False
    if _BI_MASDAR.match(word) and not word.endswith("ه") and word not in lexicon().given_names:
        return False  # رحب المجلس بتعيين …
    if word[:1] == "ل" and word[1:] in _LISTENER_COUNTS:
        return False  # قال المسؤول لعدد من الصحفيين: to whom it was said, not the speaker's name
    return not any(x in v["function"] for x in clitic_variants(word, 2)[1:2] if word[:1] in "بلكوف")


def _np_start(word: str) -> bool:
    """Can a speaker's noun phrase open with this word? Not ب + a noun in -ة or with the article (قال بضرورة …)."""
    v = vocabulary()
    if word in v["subject_pronouns"] or word in v["anaphors"]:
        return True
    if word[:1] == "ب" and (word.endswith("ه") or word[1:3] == "ال") and len(word) > 4:
        return False
    return _np_word(word) and word not in v["verb_adverbs"]


#: a full stop: with a closing mark before it, what :data:`_FULL_STOP` finds at the start of a gap
_PERIOD = re.compile(r"\.\s")


#: the marks a statement may open after (a colon, or a quotation after بالقول): what :func:`_content_start` looks for
_MARKS = re.compile(r"[:«“\"]")


# the character classes the hot rules search with, compiled once (not looked up in re's cache per call)
#: a comma, full stop, colon, semicolon or quotation mark (an occasion adjunct ends at it)
_RX_BREAK_OR_QUOTE = re.compile(r"[،,.:؛«»“”\"]")
#: punctuation a time adjunct never runs across
_RX_BREAK_OR_BRACKET = re.compile(r"[،,.:؛«»“”\"()-]")
#: a comma, full stop, semicolon or colon
_RX_CLAUSE_BREAK = re.compile(r"[،,.؛:]")
#: punctuation or a line break between two words
_RX_BREAK_OR_LINE = re.compile(r"[.:،,؛«»“”\"()\n]")
#: a comma, colon or semicolon
_RX_COMMA_COLON_SEMI = re.compile(r"[،,:؛]")
#: a closing quotation mark
_RX_CLOSING_QUOTE = re.compile(r"[»”\"]")
#: a comma or colon
_RX_COMMA_OR_COLON = re.compile(r"[،,:]")
#: where the words before a mention stop
_RX_BEFORE_MENTION_BREAK = re.compile(r"[،,:.؛«»\"“”()]")


class _Index(NamedTuple):
    """Where to look in one article, computed once for all its statements."""

    doc: Doc
    starts: list[int]  # each token's start offset
    cues: list[int]  # the tokens that may be cues (``cueable``: every word _cue_kind gives a kind)
    full_stops: list[int]  # the tokens after a full stop (:data:`_FULL_STOP`) the sentence splitter did not cut at
    openings: list[int]  # where content may start or the search for it stop (:func:`_content_start`): the cues,
    # the complementizers and the first words of two-word ones, the tokens after a colon or an opening quotation
    # mark, and the full stops


_last_index: list[_Index] = []  # the article being read (candidates come article by article)


def _article_index(doc: Doc) -> _Index:
    """The article's :class:`_Index`: one set look-up per word and one regex over the text, shared by the cue loop
    of :func:`candidate_rows` and by :func:`_content_end`, which then looks only at these tokens."""
    if _last_index and _last_index[0].doc is doc:
        return _last_index[0]
    v = vocabulary()
    toks, text, cueable = doc.tokens, doc.text, v["cueable"]
    starts = [t.start for t in toks]
    words = _opening_words()
    opening = [i for i, t in enumerate(toks) if t.norm in words]  # one set look-up per token, no call
    cues = [i for i in opening if toks[i].norm in cueable]
    full_stops = []
    for m in _PERIOD.finditer(text):
        at = m.start()
        if at and text[at - 1] in "»”\"″":
            at -= 1
        x = bisect_left(starts, at)
        if 0 < x < len(toks) and toks[x - 1].end == at:  # the gap after a word opens with it
            full_stops.append(x)
    marks = {bisect_left(starts, m.start()) for m in _MARKS.finditer(text)}  # the token after the mark
    openings = sorted({*opening, *full_stops, *(x for x in marks if x < len(toks))})
    _last_index[:] = [_Index(doc, starts, cues, full_stops, openings)]
    return _last_index[0]


@cache
def _opening_words() -> frozenset[str]:
    """The words :func:`_content_start` stops at: cues, complementizers and the first words of two-word ones."""
    v = vocabulary()
    return v["cueable"] | v["complementizers"] | v["complementizer_first"]


def candidate_rows(doc: Doc) -> list[dict]:
    """Reported-speech candidates of one article: the cue, the speaker's noun phrase and the content span."""
    v = vocabulary()
    lex = lexicon()
    toks, _text = doc.tokens, doc.text
    rows: list[dict] = []
    index = _article_index(doc)
    starts, cue_at = index.starts, index.cues
    sentences = doc.sentences
    joined = -1
    for sid, (s, e) in enumerate(sentences):
        if e <= doc.body_start or sid == joined:
            continue
        lo = _first_at_or_after(starts, s)
        hi = _first_at_or_after(starts, e)
        if sid + 1 < len(sentences) and hi < len(toks) and doc.text[s:e].rstrip().endswith("؛") and (
                toks[hi].norm in v["complementizers"]):
            # وأوضح مدير الفرع "فلان"؛ أن …: a semicolon before the complementizer does not end the statement
            e = sentences[sid + 1][1]
            hi = _first_at_or_after(starts, e)
            joined = sid + 1
        consumed = lo
        head = _headline(doc, sid, lo, hi, e, v)
        if head:
            rows.append(head)
        for k in cue_at[bisect_left(cue_at, lo):bisect_left(cue_at, hi)]:
            tok = toks[k]
            kind = _cue_kind(tok.norm) if k >= consumed else ""
            if not kind:
                continue
            if kind == "speech" and _surname_cue(doc, k, hi, v, lex):
                continue
            if _saying_or_doing(toks, k, hi, v):
                continue  # بالقول أو بالفعل، بالقول والعمل: a way of acting, not a statement's introducer
            if kind == "speech":
                row, consumed = _speech(doc, sid, s, e, lo, hi, k, v, lex)
                if row and _TITLED.search(doc.text, tok.end, row["start"]):
                    row["mode"], consumed = "occasion", k + 1  # كتب في مقالته بعنوان: «…» قائلاً: the work's
                    # title is not what was said; the row only tells who the sentence's speaker is
                if row:
                    rows.append(row)
            elif kind == "continuation":
                row, consumed = _continuation(doc, sid, e, hi, k, v)
                if row:
                    rows.append(row)
            elif kind == "attribution" or (kind == "pair" and _attribution_len(toks, k, hi, v)):
                row, consumed = _attribution(doc, sid, s, e, lo, hi, k, v)
                if row:
                    rows.append(row)
            elif kind == "docverb" and k + 2 < hi and (toks[k + 1].norm == "علي" or (
                    toks[k + 1].norm in v["documents"] and any(t.norm == "علي" for t in toks[k + 2:min(hi, k + 6)]))):
                # نص البيان على …، أن البيان الختامي نص على …: the document states it
                row, consumed = _stated_in(doc, sid, s, e, lo, hi, k, v, lex)
                if row:
                    rows.append(row)
            elif kind == "docverb" and k + 2 < hi and toks[k + 1].norm in ("في", "فيه", "فيها"):
                # جاء في البيان أن …: the document after في is the speaker
                row, consumed = _speech(doc, sid, s, e, lo, hi, k + 1 if toks[k + 1].norm == "في" else k, v, lex)
                if row and not _came_in_unsaid(doc.text, row):
                    row["subject"] = "after" if toks[k + 1].norm == "في" else "issuer"
                    rows.append(row)
    if "؟" in doc.text:
        rows.extend(_interview_answers(doc))
    _last_index.clear()  # the article's index is not kept once its candidates are found (a long article's is large)
    return rows


_CONTENT_OPENS = re.compile(r"[\s،,]*[«“\"]")


def _came_in_unsaid(text: str, row: dict) -> bool:
    """Is a «جاء في / ورد في» row nothing reported? Its words are a document's only after a complementizer, a
    colon or a quotation (جاء في البيان أن …، وجاء في التقرير: «…»); without them جاء في is «came in» (جاء في
    أعقاب …، جاء في المركز الأول، هذا ما جاء في كلمته، كما جاء في المقدمة).

    >>> _came_in_unsaid("جاء في المركز الأول فريق النصر", {"mode": "after_speaker", "window_end": 19, "start": 7})
    True
    """
    return row["mode"] == "after_speaker" and not _CONTENT_OPENS.match(text, row["window_end"]) and text[
        row["start"]:row["start"] + 1] not in _OPENERS  # جاء فيها «…»: the quotation after فيها


#: a title introduced between a verb and what follows it (بعنوان، تحت عنوان): the quotation is the work's name
_TITLED = re.compile(r"(?:^|\s)(?:ب|تحت\s+)عنوان\s*:?\s*[«\"“]?\s*$")


def _surname_cue(doc: Doc, k: int, hi: int, v, lex) -> bool:
    """Is the speech verb at token ``k`` a family name (ما سماها نسيم طالب بـ…، فهد طالب بالتفصيل)? It is when it
    has no و / ف and follows «سماها / وصفه + a word», or it is a verb that is also a family name (طالب، رأى) after
    a given name with no complementizer, colon or quotation after it (محمد طالب بأن … stays a statement).

    >>> from arnews.text import Doc
    >>> d = Doc("t", "ما سماها نسيم طالب بالبجع الأسود", 0)
    >>> _surname_cue(d, 3, len(d.tokens), vocabulary(), lexicon())
    True
    """
    toks, text = doc.tokens, doc.text
    if k < 2 or toks[k].norm[:1] in "وف" or not _NP_GAP.match(_gap(text, toks[k - 1], toks[k])):
        return False
    if toks[k - 2].norm in v["naming_verbs"] and _NP_GAP.match(_gap(text, toks[k - 2], toks[k - 1])):
        return True  # ما سماها نسيم طالب بـ…، ظاهرة وصفها فلان طالب بأنها …
    if toks[k - 1].norm in ("ابي", "ابو", "ابا", "بن", "ابن", "بنت"):
        return True  # علي بن أبي طالب، صالح بن طالب: a name after a kunya or a nasab link, not a speech verb
    return toks[k].norm in v["surname_verbs"] and toks[k - 1].norm in lex.given_names and not (k + 1 < hi and (
        toks[k + 1].norm in v["complementizers"] or re.search(r"[:«“\"]", _gap(text, toks[k], toks[k + 1]))))


#: a question of an interview: a paragraph opening with * • س: or a dash and holding a question mark
_QUESTION = re.compile(r"^[ \t]*(?:[*•■●]|س[ \t]*[:/\-–]|[-–][ \t]*(?=[^\n]{0,400}؟[ \t]*$))[^\n]*؟[^\n]*$", re.M)
#: the mark an answer opens with (ج: or a dash), skipped
_ANSWER_MARK = re.compile(r"[ \t]*(?:ج[ \t]*[:/\-–]|[-–])?[ \t]*")


def _interview_answers(doc: Doc) -> list[dict]:
    r"""The answers of a question-and-answer interview (two questions or more, each a paragraph opening with *
    or س: and asking something; the paragraphs after it, to the next question, answer it): one candidate per
    answer paragraph, spoken by the interviewee the article introduces before the first question.

    >>> t = "حاور الموقع الشاعر خالد الشمري.\n* ماذا يعني الفوز؟\n- يعني الكثير لي.\n* والقادم؟\n- ديوان جديد للأطفال."
    >>> [t[r["start"]:r["end"]] for r in _interview_answers(Doc("a", t))]
    ['يعني الكثير لي', 'ديوان جديد للأطفال']
    """
    text = doc.text
    questions = [m for m in _QUESTION.finditer(text) if m.start() >= doc.body_start]
    if len(questions) < 2:
        return []
    rows = []
    first = questions[0].start()
    for i, q in enumerate(questions):
        stop = questions[i + 1].start() if i + 1 < len(questions) else len(text)
        pos = q.end()
        for j, para in enumerate(re.finditer(r"[^\n]+", text[pos:stop])):
            a, b = pos + para.start(), pos + para.end()
            lead = _ANSWER_MARK.match(text, a).end()
            if j == 0 and not text[a:lead].strip():
                break  # an answer opens with its mark (- or ج:); else this is no interview's answer
            body = text[lead:b].rstrip(" \t.")
            if len(body.split()) < 3:
                continue
            cue = text[a:lead].strip() or "ج"
            sid = doc.sentence_id(lead)
            rows.append({"article_id": doc.article_id, "sentence_id": sid, "cue": cue, "cue_start": a,
                         "window_start": doc.body_start, "window_end": first, "start": lead,
                         "end": lead + len(body), "mode": "interview", "sentence_start": doc.sentences[sid][0],
                         "subject": "interviewee", "channel_start": -1, "channel_end": -1, "weak": False})
    return rows


#: a list's bullet right before a phrase (* قصر الورد:، • المتحف:)
_BULLET_BEFORE = re.compile(r"[*•▪◦·]\s*$")


def _headline(doc: Doc, sid: int, lo: int, hi: int, e: int, v) -> dict | None:
    """A sentence that opens with a short noun phrase and a colon (العطية: الاجتماع كان بنّاءً): the phrase speaks
    (the finalizer keeps it only when it names a person, organization, country or medium)."""
    toks, text = doc.tokens, doc.text
    last = min(hi, lo + 5) - 1
    if last <= lo or ":" not in text[toks[lo].end:toks[last].start]:
        return None  # no colon among the first words (most sentences): decided with one look
    for end in range(lo + 1, min(hi, lo + 5)):
        gap = _gap(text, toks[end - 1], toks[end])
        if _HEADLINE.match(gap + "x") and ":" in gap:
            if not all(_np_word(t.norm) and not _cue_kind(t.norm) for t in toks[lo:end]):
                return None
            if _dateline_before(doc, end, v) or _BULLET_BEFORE.search(text, max(0, toks[lo].start - 4), toks[lo].start):
                return None  # (* قصر الورد: وهو قصر …: a list's item and its description, nobody speaks)
            row = _row(doc, sid, toks[lo], toks[lo].start, toks[end - 1].end, toks[end].start, e, "headline")
            row["subject"] = "after"
            return row
        if not _NP_GAP.match(gap):
            return None
    return None


def _dateline_before(doc: Doc, x: int, v) -> bool:
    """Does the text after a colon open with a speech verb in the third person (الرياض : أعلنت الشركة …)? Then the
    words before the colon are a dateline or a label: the verb has its own subject, and a statement never opens
    with the verb that reports it.

    >>> _dateline_before(Doc("t", "الرياض : أعلنت الشركة أن أرباحها ارتفعت", 0), 1, vocabulary())
    True
    """
    w = doc.tokens[x].norm
    return _cue_kind(w) == "speech" and w not in v["present"]


def _attribution_len(toks, k: int, hi: int, v) -> int:
    """How many tokens the attribution at ``k`` spans (بحسب: 1; وفقاً لما، نقلاً عن: 2), 0 when none."""
    two = _two(toks, k, hi)
    if two and (two in v["attributions"] or f"{clitic_variants(toks[k].norm, 2)[-1]} {toks[k + 1].norm}"
                in v["attributions"]):
        return 2
    first = toks[k].norm
    if first in v["attributions"] or clitic_variants(first, 2)[-1] in v["attributions"]:
        return 1
    return 0


def _first_at_or_after(starts: list[int], offset: int) -> int:
    return bisect_left(starts, offset)


def _two(toks, k: int, hi: int) -> str:
    return f"{toks[k].norm} {toks[k + 1].norm}" if 0 <= k and k + 1 < min(hi, len(toks)) else ""


def _gap(text: str, a, b) -> str:
    return text[a.end:b.start]


# complementizers that are not one after these (بعد أن، قبل أن، ما سبق أن)
_NOT_COMPLEMENT = frozenset({"بعد", "قبل", "منذ", "حتي", "دون", "بدون", "رغم", "لمجرد", "سبق", "يمكن", "يجب",
                             "المقرر", "المنتظر", "المتوقع", "شرط", "ريثما", "لابد", "بد"})


def _content_start(doc: Doc, j: int, hi: int, v) -> int:
    """The token where the reported content starts, scanning from token ``j`` (after the verb): the successor
    of the first complementizer (إن، أنّ، بأن، إلى أن …), or the token after a colon; -1 when neither comes
    before the next speech cue. Only the article's openings (:class:`_Index`) are looked at: a new condition here on
    other words must add them there."""
    toks, text = doc.tokens, doc.text
    comp, two_first = v["complementizers"], v["complementizer_first"]
    openings = _article_index(doc).openings
    for c in openings[bisect_left(openings, j):bisect_left(openings, hi)]:  # no other word can end the search
        t = toks[c]
        gap = text[toks[c - 1].end if c > 0 else 0:t.start]
        if c > j and _FULL_STOP.search(gap) and len(toks[c - 1].norm) > 2:
            break  # a sentence the splitter missed (unbalanced quotation marks) ends here
        if ":" in gap or (c > j and toks[c - 1].norm in v["quote_introducers"] and _OPEN_QUOTE.search(gap)):
            return c
        w = t.norm
        if w in comp and _CLOSES.match(text[t.end:t.end + 3]):
            continue  # قناة "كي تي إن": a clause never ends on its complementizer
        if c > j and _contrast_at(toks, c - 1, v):
            break  # …، إلا أنه تراجع: «however», a new clause of the writer's, not what the verb reports
        if w in comp:
            if c + 1 < len(toks) and toks[c + 1].norm == "شاء" and w in ("ان", "وان"):
                continue  # إن شاء الله: «God willing», no complementizer
            if c == 0 or toks[c - 1].norm not in _NOT_COMPLEMENT:
                return c + 1
        elif w in two_first and c + 1 < hi and f"{w} {toks[c + 1].norm}" in comp:
            return c + 2
        if c > j and _cue_kind(w) in ("speech", "continuation") and w not in _WEAK_CUES and not (
                w in v["surname_verbs"] and toks[c - 1].norm in lexicon().given_names) and not (
                w in ("بين", "وبين", "فبين") and _between(doc, c, j - 1, v)):
            break  # (صالح بن طالب: a family name, and مصادر بين المقاتلين: «between», the search goes on)
    return -1


def _np_after(doc: Doc, k: int, limit: int, v, forced: bool = False) -> tuple[int, int] | None:
    """The noun phrase right after the verb at ``k`` (VSO order): ``(first, end)`` token indices, or None.

    Titles, names, adjectives and a name or title in apposition (، وزير الخارجية السعودي،) belong to it; a
    preposition, a complementizer, a verb, a quotation or a colon ends it. Inside a phrase headed by a title or an
    unnamed source, في and ل + the article may continue it (المتحدث باسم …، مسؤول في الرئاسة، الأمين العام للأمم).
    """
    toks, text = doc.tokens, doc.text
    j = k + 1
    while j < limit and _NP_GAP.match(_gap(text, toks[j - 1], toks[j])):
        if toks[j].norm in v["verb_adverbs"]:
            j += 1
        elif toks[j].norm in v["time_heads"] and j + 1 < limit and toks[j + 1].norm in v["verb_adverbs"] and (
                toks[j + 1].norm not in v["subject_pronouns"]):
            j += 2  # وقال مساء أمس، وأكد يوم الاثنين: a time before the subject (not صباح الأحمد, a name)
        elif toks[j].norm in v["time_after_day"] and toks[j - 1].norm in v["verb_adverbs"]:
            j += 1  # يوم الاثنين الماضي
        else:
            break
    if forced and j < limit:
        return j, _np_extend(doc, j, limit, v, forced=True)
    if j < limit and _OPEN_QUOTE.fullmatch(_gap(text, toks[j - 1], toks[j]).strip()):
        close = _closing(doc, j, min(limit, j + 4))  # نوهت “غو برو” إلى أن: a quoted name is the subject
        return (j, close) if close and all(_np_word(t.norm) for t in toks[j:close]) else None
    j = _past_demonstrative(doc, j, limit, v)
    if j + 1 < limit and toks[j].norm in v["approximators"] and toks[j + 1].norm in v["human_quantifiers"]:
        j += 1  # وقال نحو نصف المعلمين: «about» before the people counted
    if j >= limit or not _NP_GAP.match(_gap(text, toks[j - 1], toks[j])) or not (
            _np_start(toks[j].norm) or toks[j].norm in v["documents"] or (
                toks[j].text == "علي" and j + 1 < limit and _ali_name_next(toks[j + 1].norm))):  # أكد علي الأحمدي:
        # the name (with ي), not the preposition على (أكد علي أهمية, as some write it)
        return None  # قال بيان الخارجية … opens with a document
    if toks[j].norm[:1] == "ل" and _BI_MASDAR.match("ب" + toks[j].norm[1:]):
        return None  # دعت لتأجيل الانتخابات: a subject never opens with ل + a verbal noun
    return j, _np_extend(doc, j, limit, v)


def _past_demonstrative(doc: Doc, j: int, limit: int, v) -> int:
    """The token after a plural or dual demonstrative at ``j`` that points at the noun with the article right after
    it and is followed by what was said (اعتبر هؤلاء الأعضاء أن: the members are the subject), else ``j``.

    >>> _past_demonstrative(Doc("t", "واعتبر هؤلاء الأعضاء أن", 0), 1, 4, vocabulary())
    2
    """
    toks = doc.tokens
    if j + 1 < limit and j + 2 < len(toks) and toks[j].norm in v["plural_demonstratives"] and toks[
            j + 1].norm.startswith("ال") and _NP_GAP.match(_gap(doc.text, toks[j], toks[j + 1])) and (
            toks[j + 2].norm in v["complementizers"] or _MARKS.search(_gap(doc.text, toks[j + 1], toks[j + 2]))):
        return j + 1  # the noun alone, then what was said (غير هؤلاء اللصوص أساليبهم: an object, no speech)
    return j


#: a speech verb told to the narrator (قال لي، فقال لنا), with no subject after it (not قال لي الوزير، أضاف لي
#: الابتعاث): a dialogue line
_TOLD_ME = re.compile(r"\S+\s+(?:لي|لنا)(?=[\s:،,«“\"])(?!\s+[«“\"]?(?:ال|لل))")


def _told_me_unnamed(c: dict, prior: tuple, text: str) -> bool:
    """Is the verb without subject told to the narrator (فقال لي: «…»، وقال لنا إن …) while the speaker it would go
    on with is not named in its sentence? In a memoir or an interview the one who answers the narrator is rarely
    the last person quoted: better no row than the wrong name.

    >>> _told_me_unnamed({"cue_start": 16}, ("", "سامر", "person", ""), "وسألت صديقي عنه فقال لي: لا أعرف")
    True
    >>> _told_me_unnamed({"cue_start": 22}, ("", "سامر", "person", ""), "قال لي سامر: تعال، ثم قال لي: اجلس")
    False
    """
    at = c["cue_start"]
    if not _TOLD_ME.match(text, at):
        return False
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), text.rfind("؟", 0, at), 0)
    name = _RAW_WORD.findall(prior[1] or "")
    return not (name and name[-1] in text[start:at])


def _past_medium_spoken_to(doc: Doc, j: int, limit: int, v) -> int:
    """The token after a medium spoken to at token ``j`` (لـ«عكاظ»، لرويترز، لصحيفة «الحياة»), else ``j``.

    >>> d = Doc("t", "وأكد لـ«عكاظ» المواطن فلان أن", 0)
    >>> _past_medium_spoken_to(d, 1, 6, vocabulary())
    3
    """
    toks, text = doc.tokens, doc.text
    word = toks[j].norm
    medium = _to_medium(word, v)
    if word == "ل" or (medium and word[1:] not in _media_names()):
        if j + 1 < limit and _OPEN_QUOTE.fullmatch(_gap(text, toks[j], toks[j + 1]).strip()):
            return _closing(doc, j + 1, min(limit, j + 6)) or j  # لـ«الشرق الأوسط»، لصحيفة «الحياة»
        return j
    return j + 1 if medium else j  # لرويترز


def _ali_name_next(word: str) -> bool:
    """Does a normalized word after «علي» make it the given name: a family nisba, a listed surname or given name,
    or a nasab link (علي الأحمدي، علي بن محمد), not a noun after the preposition (علي أهمية، علي الحوار)?

    >>> _ali_name_next("الاحمدي"), _ali_name_next("بن"), _ali_name_next("الحوار"), _ali_name_next("اهميه")
    (True, True, False, False)
    """
    lex = lexicon()
    return (_NISBA_NAME.match(word) is not None and word not in vocabulary()["not_surnames"]) or word in (
        lex.surnames) or word in lex.given_names or word in ("بن", "ابن")


def _addressee(doc: Doc, x: int) -> bool:
    """Is token ``x`` ل + a person's name or noun (قال لبرينان، قال لمحاوره): the one spoken to, never the speaker?
    Not a word that is itself a name or opens one (لبنان، لطفي، لجنة); the rest after ل must be a given name, a
    person's noun, or a word the article writes alone.

    >>> d = Doc("t", "التقى الوزير سامر ثم قال لسامر إن الأمر انتهى", 0)
    >>> _addressee(d, 5), _addressee(Doc("t", "قال لبنان", 0), 1)
    (True, False)
    """
    w = doc.tokens[x].norm
    lex = lexicon()
    if w[:1] != "ل" or len(w) < 4 or w in lex.given_names or w in lex.triggers or w[:2] == "لل":
        return False
    rest = w[1:]
    return rest in lex.given_names or _human_word(rest) or any(t.norm == rest for t in doc.tokens)


def _without_addressee(doc: Doc, np: tuple[int, int], limit: int, v, forced: bool) -> tuple[int, int] | None:
    """The subject after a verb without the one spoken to: ل + name opening the phrase (قال لبرينان:) leaves no
    subject (the speaker is the one before), unless a title or person's noun follows it (قال لمحاوره الوزير فلان);
    ل + a given name or a person's noun right after the subject's name ends the subject (قال الحمدان لمحاوره إن),
    not after an office (الأمين العام لمجلس …، مستشار لرئيس الوزراء).

    >>> d = Doc("t", "وقال الحمدان لمراسل الصحيفة إن الأزمة انتهت", 0)
    >>> _without_addressee(d, (1, 3), 3, vocabulary(), False)
    (1, 2)
    """
    toks = doc.tokens
    j, end = np
    if _addressee(doc, j):
        if j + 1 < limit and (toks[j + 1].norm in v["title_first"] or toks[j + 1].norm in v["person_heads"]):
            return _np_after(doc, j, limit, v, forced)
        return None
    for x in range(j + 1, end):
        w, prev = toks[x].norm, toks[x - 1].norm
        before = doc.text[toks[j].start:toks[x].start]
        if _addressee(doc, x) and (w[1:] in lexicon().given_names or (
                _human_word(w[1:]) and not _feminine_word(toks[x].text))) and toks[j].norm not in v[
                "documents"] and before.count("«") == before.count("»") and before.count('"') % 2 == 0 and not (
                _human_word(prev) or prev in v["title_first"] or prev in lexicon().office_heads):
            return j, x  # not الأمين العام لمجلس …، مستشار لرئيس …، المديرة العامة لمنظمة …، تقرير لناشطين،
            # صحيفة «لويل …»: ل + a body or person an office or a document belongs to, a quoted name
    return np


def _np_extend(doc: Doc, j: int, limit: int, v, forced: bool = False) -> int:
    toks, text = doc.tokens, doc.text
    lex = lexicon()
    if toks[j].norm in v["subject_pronouns"] or toks[j].norm in v["anaphors"]:
        return j + 1
    if forced:  # a name that starts with a function word (بان كي مون): up to four words, to a preposition
        end = j + 1
        while end < limit and end - j < 4 and _NP_GAP.match(_gap(text, toks[end - 1], toks[end])) and not (
                toks[end].norm in v["complementizers"] or toks[end].norm in v["np_breaks"]
                or toks[end].norm in _ADJUNCT_STARTS or toks[end].norm in ("عن", "علي", "من", "الي")):
            end += 1
        return end
    head = clitic_variants(toks[j].norm, 2)
    headed = any(h in v["title_first"] or h in lex.unnamed or h in v["person_heads"] for h in head[:2])
    # a definite common noun (الجانبان، الجامعة العربية) takes only definite modifiers: an indefinite word after it
    # opens the object (وأكد الجانبان أهمية …)
    definite = any(h.startswith("ال") and len(h) > 3 for h in head)  # not وكالة (و + ك + اله)
    common = definite and not headed
    head_at = j  # the last title: في and ل may continue its phrase for eight words
    end = j + 1
    while end < limit and end - j < _MAX_NP:
        gap = _gap(text, toks[end - 1], toks[end])
        if gap.strip() == "." and len(toks[end - 1].norm) == 1:
            gap = " "  # د. محمد: an abbreviated title
        w = toks[end].norm
        if w[:1] == "و" and _cue_kind(w) == "speech":
            break  # بحسب صحيفة «الوطن» الكويتية وأوضحت الإحصائية: a new clause, its verb and its own subject
        if _OPEN_QUOTE.fullmatch(gap.strip()) and (_named_head(toks[end - 1].norm, v) or _named_head(toks[j].norm, v)
                                                    or (headed and _office_body_head(toks[end - 1].norm))):
            close = _closing(doc, end, limit)  # قناة "كي تي إن"، شركة «سافاري»: the quoted name belongs to it
            if close and not (_definite(toks[end - 1].norm) and _ENDS_SENTENCE.match(text, toks[close - 1].end)):
                # (after a definite head, one that ends the sentence is what was said: وقالت إحدى الصحف «…».;
                # not حسبما ذكرت صحيفة «واشنطن بوست».)
                end = close
                if end < limit and re.fullmatch(r"[»”\"]\s+", _gap(text, toks[end - 1], toks[end])) and (
                        toks[end].norm.startswith("ال") and toks[end].norm.endswith(("ي", "يه"))):
                    end += 1  # مدير قناة “تي” التركية توران كشلكجي: a nisba after the name, and the phrase goes on
                    common = common or not headed  # موقع “فيرج” التقني المتخصص انتهاء …: only definite words now
                elif headed and end < limit and _body_name_goes_on(doc, end, v):
                    end += 1  # رئيس مركز "نماء" للدراسات، جمعية "وفاء" الخيرية: the body's name goes on
                continue
        # a given name; علي (a name) is written with ي, the preposition على with ى (both normalize to علي)
        given = (w in lex.given_names and w not in v["np_stop"]) or toks[end].text == "علي"
        if common and (given or ((w in v["title_first"] or w + "." in v["title_first"]) and _human_word(toks[j].norm))):
            common = False  # الوكيل رقيب أحمد …، الفلكي د. خالد …: a rank, function or title, then a name
        if w == "من" and end == j + 1 and head[-1] in _QUANTIFIERS and end + 1 < limit:
            common = False  # العديد من السكان المحليين، عدد من المسؤولين
            end += 1
            continue
        if common and end == j + 1 and _NP_GAP.match(gap) and _office_then_name(doc, j, limit, v):
            common = False  # الضابط أمحمد إن: a person's noun with the article, then a one-word name
        if common and _NP_GAP.match(gap) and not (w.startswith("ال") or w[:1] == "و"):  # الجبير ولافروف
            break
        if _NP_GAP.match(gap) and _to_medium(w, v) and toks[end - 1].norm not in v["written_pieces"]:
            held = _office_medium_holder(doc, end, limit, v) if headed and end - head_at <= 2 and clitic_variants(
                toks[head_at].norm, 2)[-1] in v["medium_offices"] else 0
            if held:  # المدير العام لقناة «الشمال» سامي الفهيد: the medium he runs, then his name
                end = held
                break
            break  # فلان لأخبار بلومبيرج: the medium he spoke to is the channel, not his name
        if _NP_GAP.match(gap):
            prev = toks[end - 1].norm
            if _np_word(w) or given or (w == "الله" and prev in ("عبد", "عبيد")) or (
                    w in v["surname_verbs"] and prev in lex.given_names) or (
                    w in ("عام", "العام") and (prev in v["title_first"] or prev in ("مدير", "المدير", "امين")
                                               or prev in _SUPERVISORS)):
                end += 1  # عبد الله، المدير العام، الأمين العام، المشرف العام
                continue
            if w == "علي" and end + 1 < limit and (prev in _SUPERVISORS or (
                    prev in ("عام", "العام") and toks[end - 2].norm in _SUPERVISORS)) and _np_word(toks[end + 1].norm):
                end += 2  # المشرف العام على الملتقى: the office's complement (its name may follow)
                continue
            if w == "لدي" and headed and end + 1 < limit and _OPEN_QUOTE.fullmatch(
                    _gap(text, toks[end], toks[end + 1]).strip()) and _closing(doc, end + 1, limit):
                end = _closing(doc, end + 1, limit)  # خبير الأسواق لدى «ستاندرد تشارترد»: the quoted body
                continue
            if headed and end - head_at < 8 and end + 1 < limit and (
                    (w in ("في", "لدي") and _np_word(toks[end + 1].norm) and not _channel_noun(toks[end + 1].norm, v))
                    or (_at_body(w) and not any(h in lex.unnamed for h in clitic_variants(toks[head_at].norm, 2)))
                    or w.startswith("لل") or (w.startswith("ل") and len(w) > 3 and not w.startswith("لا")
                                                      and w[1:] not in _LISTENER_COUNTS)):
                end += 1 if w.startswith("ل") and w != "لدي" else 2
                continue
            break
        title = w in v["title_first"] or clitic_variants(w, 2)[-1] in v["title_first"]
        if _APPOSITION_GAP.match(gap) and (title or ("-" in gap and _np_word(w) and not w.startswith("و"))
                                           or (headed and _apposed_name(doc, end, limit))
                                           or (headed and w.startswith("ال") and w.endswith("ي") and end + 1 < limit
                                               and toks[end + 1].norm in lex.given_names)):
            if title:  # ، نائب المدير العام في شركة …: the apposed title heads the phrase from here
                headed, common, head_at = True, False, end
            end += 1  # ، وزير الخارجية السعودي، / - القناة العاشرة - / وزير النقل، أنطوني فوكس، / ، السعودي عبد الله
            continue
        break
    return end


#: a closing quotation mark that ends its sentence (or the text)
_ENDS_SENTENCE = re.compile(r"[»”\"]\s*(?:[.!؟?]|$)")

def _channel_noun(word: str, v) -> bool:
    """Is the normalized word a statement's channel (تصريح، تغريدة، حديث، مقابلة): after في it ends the speaker's
    phrase (وأضاف الوزير في تغريدة أخرى: the minister, in another tweet)?

    >>> _channel_noun("تغريده", vocabulary()), _channel_noun("الوزاره", vocabulary())
    (True, False)
    """
    return word in v["channel_openers"] or word in v["channel_accounts"]


#: offices said with على + what they oversee (المشرف العام على المشروع)
_SUPERVISORS = frozenset({"مشرف", "المشرف", "مشرفه", "المشرفه"})


def _at_body(word: str) -> bool:
    """Is the normalized word ب + a generic body or a known place (بالمركز، بالجمعيه، بجده), the seat an office
    in a speaker's phrase is posted at (مدير قسم البرامج بالمركز فلان)?

    >>> _at_body("بالمركز"), _at_body("بجده"), _at_body("بالتعاون")
    (True, True, False)
    """
    if not word.startswith("ب") or len(word) < 4:
        return False
    rest = word[1:]
    return (rest.startswith("ال") and rest[2:] in _body_heads()) or _place_word(rest)


def _office_medium_holder(doc: Doc, m: int, limit: int, v) -> int:
    """After an office, is the ل + medium at token ``m`` the medium the office heads, its holder's name following
    (المدير العام لقناة «الشمال» سامي الفهيد، …; رئيس تحرير لصحيفة الرأي فهد العلي أن)? The token after the name,
    or 0 when no name follows the medium's name: then the medium is the one spoken to (قال المتحدث لقناة العربية إن).
    The medium's name is a quotation or up to three words before a given name the lexicon knows; the person's name
    is that given name and up to three more words, closed by a comma, a complementizer or عن."""
    toks, text = doc.tokens, doc.text
    given = lexicon().given_names
    k = m + 1
    if k < limit and _OPEN_QUOTE.search(_gap(text, toks[m], toks[k])):
        k = _closing(doc, k, limit)
        if not k:
            return 0
        if not re.fullmatch(r"[»”\"]\s+", _gap(text, toks[k - 1], toks[k]) if k < limit else ""):
            return 0
    else:
        while k < limit and k - m <= 3 and toks[k].norm not in given and _np_word(toks[k].norm) and (
                _NP_GAP.match(_gap(text, toks[k - 1], toks[k]))):
            k += 1
    if k >= limit or toks[k].norm in v["np_stop"] or not (toks[k].norm in given or (
            _given_like(toks[k].norm) and k + 1 < limit and _surname_like(toks[k + 1].norm))):
        return 0  # a given name the lexicon knows, or one it does not before a family name (جاسر الجاسر)
    end = k + 1
    while end < limit and end - k < 4 and _NP_GAP.match(_gap(text, toks[end - 1], toks[end])) and _np_word(
            toks[end].norm) and toks[end].norm not in v["complementizers"] and toks[end].norm not in ("عن", "علي"):
        end += 1
    if end >= limit:
        return end
    after = _gap(text, toks[end - 1], toks[end])
    closed = "،" in after or "," in after or toks[end].norm in v["complementizers"] or toks[end].norm == "عن"
    return end if closed else 0


def _medium_holder_phrase(words: list[str], text: str, ws: int, we: int, v) -> bool:
    """Is the speaker's phrase an office, the medium it heads (ل + a medium word, second or third) and its
    holder's name closing the phrase (المدير العام لقناة «الشمال» سامي الفهيد), as :func:`_office_medium_holder`
    reads it?

    >>> t = "المدير العام لقناة «الشمال» سامي الفهيد"
    >>> _medium_holder_phrase(_phrase_words(t), t, 0, len(t), vocabulary())
    True
    """
    named = _closing_name(text, ws, we) if clitic_variants(words[0], 2)[-1] in v["medium_offices"] and any(
        _to_medium(w, v) for w in words[1:3]) else None
    return bool(named) and named[1] >= ws + len(text[ws:we].rstrip(" ،,"))


def _to_medium(word: str, v) -> bool:
    """Is the normalized word ل + a word for a news outlet (لأخبار، لوكالة، لمجلة، لقناة)?

    >>> _to_medium("لاخبار", vocabulary()), _to_medium("لحقوق", vocabulary()), _to_medium("لرويترز", vocabulary())
    (True, False, True)
    """
    rest = word[1:] if word[:1] == "ل" and not word.startswith("لل") else ""
    return len(rest) > 2 and (rest in v["media_heads"] or rest in v["channel_media"] or rest in _media_names())


@cache
def _media_names() -> frozenset[str]:
    """The one-word names of the media the actors' data holds (رويترز، الجزيرة …), normalized: «أحد الشهود
    لرويترز» spoke to the agency, which is the channel, not the speaker.

    >>> "رويترز" in _media_names()
    True
    """
    return frozenset(key[0] for key, e in lexicon().entities.items() if e.kind == "media" and len(key) == 1)


@cache
def _agency_by_nisba(word: str) -> str:
    """The news agency whose name ends with this normalized adjective (وكالة الصحافة الفرنسية → الفرنسية), which
    the press uses alone as a source (وبحسب «الفرنسية»، طبقاً لـ«الألمانية»); "" when none or several do.

    >>> _agency_by_nisba("الفرنسيه"), _agency_by_nisba("الكينيه")
    ('media:afp', '')
    """
    found = {e.actor_id for key, e in lexicon().entities.items()
             if e.kind == "media" and len(key) > 1 and key[0] == "وكاله" and key[-1] == word}
    return found.pop() if len(found) == 1 else ""


def _office_then_name(doc: Doc, j: int, limit: int, v) -> bool:
    """Is the definite person's noun at ``j`` followed by a name of one or two words (and a family name) that runs
    to a complementizer or the medium spoken to (الضابط أمحمد إن، الحارس سليم الكعبي أن، المحللة هند سالم
    لتلفزيون …)? A noun with the article takes no indefinite genitive, so such a word opens its holder's name,
    not an object (أكد الطبيب وجود إصابات)."""
    toks = doc.tokens
    head = toks[j].norm.removeprefix("و")
    if not head.startswith("ال") or head.endswith(("ون", "ين", "ات", "ان")) or not _human_word(head):
        return False
    k = j + 1
    if k >= limit or not _given_like(toks[k].norm):
        return False
    k += 1
    if k < limit and _given_like(toks[k].norm) and _NP_GAP.match(_gap(doc.text, toks[k - 1], toks[k])):
        k += 1
    if k < limit and _surname_like(toks[k].norm) and _NP_GAP.match(_gap(doc.text, toks[k - 1], toks[k])):
        k += 1
    return k < len(toks) and (toks[k].norm in v["complementizers"] or _to_medium(toks[k].norm, v)) and bool(
        _NP_GAP.match(_gap(doc.text, toks[k - 1], toks[k])))


def _office_body_head(word: str) -> bool:
    """Is this normalized word the head of a body an office is held in (مركز، جمعية، نادي، مؤسسة), so that a quoted
    name right after it is the body's (رئيس جمعية "وفاء")?

    >>> _office_body_head("جمعيه"), _office_body_head("للجمعيه"), _office_body_head("الرياض")
    (True, True, False)
    """
    return _bare(word) in _body_heads()


def _body_name_goes_on(doc: Doc, x: int, v) -> bool:
    """After a body's quoted name in an office's phrase, does token ``x`` go on with that body's name: a definite
    adjective or a complement with لل (رئيس مركز "نماء" للدراسات، جمعية "وفاء" الخيرية), not the medium spoken to?

    >>> d = Doc("t", 'قال رئيس مركز "نماء" للدراسات، الدكتور فلان')
    >>> _body_name_goes_on(d, 4, vocabulary()), _body_name_goes_on(d, 5, vocabulary())
    (True, False)
    """
    toks = doc.tokens
    w = toks[x].norm
    return bool(re.fullmatch(r"[»”\"]\s+", _gap(doc.text, toks[x - 1], toks[x]))) and (
        w.startswith("لل") or (w.startswith("ال") and len(w) > 4)) and not _to_medium(w, v) and (
        w not in v["complementizers"])


def _named_head(word: str, v) -> bool:
    """Is this normalized word the head of a medium or organization that a quoted name may follow?"""
    bare = clitic_variants(word, 2)
    return any(b in v["media_heads"] or b in v["organization_heads"] or b in lexicon().org_heads
               or b in v["written_pieces"] for b in bare)


def _closing(doc: Doc, x: int, limit: int) -> int:
    """The token after a quoted name that opens before token ``x`` and closes within five words; 0 if none."""
    toks, text = doc.tokens, doc.text
    for z in range(x, min(limit, x + 5)):
        after = text[toks[z].end:toks[z + 1].start] if z + 1 < len(toks) else text[toks[z].end:]
        if _RX_CLOSING_QUOTE.search(after):
            return z + 1
        if not _NP_GAP.match(after):
            return 0
    return 0


def _kan(toks, p: int, lo: int) -> bool:
    """Is there a كان (وكانت شركة «تاكاتا» تقول …) within the twelve tokens before ``p``? (A word that does not end in
    كان or كانت has no such reading: it is passed over without computing its readings.)"""
    return any(toks[x].norm.endswith(("كان", "كانت")) and clitic_variants(toks[x].norm, 2)[:2][-1] in ("كان", "كانت")
               for x in range(max(lo, p - 12), p))


def _apposed_name(doc: Doc, x: int, limit: int) -> bool:
    """Is token ``x`` (after a comma) the start of a name set off by commas (وزير النقل، أنطوني فوكس، في …):
    a known given name, or one to three words without the article closed by a comma?"""
    toks, text = doc.tokens, doc.text
    if toks[x].norm in lexicon().given_names and _np_word(toks[x].norm):
        return True
    for y in range(x + 1, min(len(toks), x + 4)):  # past the limit: the comma may close the phrase (، فلان، إن)
        gap = _gap(text, toks[y - 1], toks[y])
        if not _NP_GAP.match(gap):
            return "،" in gap and all(not t.norm.startswith("ال") and _np_word(t.norm) and not (
                y >= limit and _CLITIC_BOTH.match(t.norm)) for t in toks[x:y])  # ، كعادته، إن: no name
        if y >= limit:
            return False
    return False


#: a proclitic preposition and an enclitic pronoun on one word (كعادته، بدوره، لديها): an aside, never a name
_CLITIC_BOTH = re.compile(r"^[وف]?[بكل]\S{2,}(?:ه|ها|هم|هما)$")


#: any mark that may end a subject before its verb (most gaps hold none: one space, and _kan is not asked)
_CLAUSE_MARKS = re.compile(r"[:«»“”\"؛.]")


def _before_intensifier(toks, b: int, lo: int, v) -> int:
    """The last token of a name that an intensifier closes (ليون نفسه أعلن): the one before it; else ``b`` (also
    after a definite noun: المصدر ذاته قال is the source quoted before, as the continuation rules read it).

    >>> from arnews.text import tokens as _t
    >>> v = vocabulary()
    >>> _before_intensifier(_t("أن ليون نفسه"), 2, 0, v), _before_intensifier(_t("لكن المصدر ذاته"), 2, 0, v)
    (1, 2)
    """
    return b - 1 if lo < b and toks[b].norm in v["intensifiers"] and not strip_clitics(toks[b - 1].norm).startswith(
        "ال") else b


_DASH = re.compile(r"[-–—]")


def _past_dashed_aside(doc: Doc, b: int, k: int, lo: int) -> int:
    """The token before an aside set off by two dashes right before the verb at ``k`` (المنظمات الحقوقية - خاصة في
    الشمال - تعتبر أن: the subject stands before it), within twelve tokens; else ``b``.

    >>> d = Doc("t", "لكن المنظمات الحقوقية - خاصة في الشمال - تعتبر أن")
    >>> d.tokens[_past_dashed_aside(d, 5, 6, 0)].text
    'الحقوقية'
    """
    toks, text = doc.tokens, doc.text
    if b < lo or not _DASH.search(_gap(text, toks[b], toks[k])):
        return b
    for x in range(b, max(lo, b - 12), -1):
        if _DASH.search(_gap(text, toks[x - 1], toks[x])):
            return x - 1
    return b


def _past_time_adjunct(doc: Doc, b: int, lo: int, v) -> int:
    """The token before a time adjunct that stands between the subject and its verb (أن اللاعب فلان خلال استجوابه
    من قبل اللجنة أكد أنه …، وذكر أن الوزير عقب الاجتماع أكد …): the subject ends there, within ten tokens of the
    verb; else ``b``. The adjunct is its opener (``time_adjuncts``) and plain words, with no mark between.

    >>> d = Doc("t", "أن اللاعب فهد خلال استجوابه من قبل اللجنة أكد أنه")
    >>> d.tokens[_past_time_adjunct(d, 7, 0, vocabulary())].text
    'فهد'
    """
    toks, text = doc.tokens, doc.text
    for x in range(b, max(lo, b - 10), -1):
        if _RX_BREAK_OR_BRACKET.search(_gap(text, toks[x - 1], toks[x]) + _gap(text, toks[x], toks[x + 1])
                     if x + 1 < len(toks) else ""):
            return b
        if toks[x].norm in v["time_adjuncts"]:
            return x - 1 if x - 1 > lo and _np_word(toks[x - 1].norm) else b
        if not (_np_word(toks[x].norm) or toks[x].norm in ("في", "من", "قبل", "مع", "علي")):
            return b
    return b


def _np_before(doc: Doc, k: int, lo: int, v) -> tuple[int, int, bool] | None:
    """The subject standing before the verb at ``k`` (SVO order): ``(first, end, explicit)``, where explicit
    says an opener (كان، إنّ، لكن …) introduced it; None when the verb has no subject before it.

    After كان or إنّ everything up to the verb is the subject (وكان ميخائيل بوغدانوف المبعوث الشخصي للرئيس
    الروسي في الشرق الأوسط، أشار …); after the sentence start only a plain noun phrase is.
    """
    toks, text = doc.tokens, doc.text
    b = k - 1
    comma_clause = False
    while b >= lo and toks[b].norm in v["verb_adverbs"]:
        b -= 1
    b = _past_time_adjunct(doc, _past_dashed_aside(doc, _before_intensifier(toks, b, lo, v), k, lo), lo, v)
    if b < lo:
        return None
    p = b
    fa = False  # the phrase opens with ف and the article: a new clause (… فالبعض يقول)
    while p >= lo and b - p < 16:
        w = toks[p].norm
        if w.startswith("فال") and (_human_phrase([w[1:]]) or w[1:] in lexicon().unnamed or w[1:] in v["title_first"]):
            fa = True
            p -= 1
            break
        opener = w in v["subject_openers"] or clitic_variants(w, 2)[:2][-1] in v["subject_openers"]
        if opener and p < b:
            break
        if opener or w in v["complementizers"] or _cue_kind(w) in ("speech", "continuation", "attribution"):
            return None
        gap = _gap(text, toks[p - 1], toks[p]) if p > lo else ""
        if _CLAUSE_MARKS.search(gap) and (not _kan(toks, p, lo) or re.search(r"[:؛.]", gap)) and not (
                _quoted_after_body(doc, p, v)):
            p -= 1
            break
        if "،" in gap and w.startswith("وال"):
            comma_clause = True  # …، والحكومة تقول إن: و after a comma opens a clause whose subject this is
            p -= 1
            break
        p -= 1
    else:
        if p >= lo:
            return None
    first = p + 1
    if first > b or not _np_start(toks[first].norm):
        return None
    if b + 1 < len(toks) and ":" in _gap(text, toks[b], toks[b + 1]):
        return None  # سبق – الرياض : أعلنت …: a dateline or a label; a subject is never set off by a colon
    explicit = p >= lo and (toks[p].norm in v["subject_openers"]
                            or clitic_variants(toks[p].norm, 2)[:2][-1] in v["subject_openers"])
    plain = all(_np_word(toks[x].norm) or toks[x].norm in v["subject_pronouns"] or (
        explicit and toks[x].norm in ("في", "من") and first < x < b) for x in range(first, b + 1))
    office = first <= b and _office_opening(toks[first].norm, v)
    if not plain and office:  # أمين عام الحزب، المتحدث الرسمي للوزارة، مسؤول في الوزارة
        plain = all(_np_word(toks[x].norm) or (toks[x].norm in ("في", "من") and first < x < b) or (
            first < x and (toks[x].norm in _GENERAL or toks[x].norm.startswith("لل"))) for x in range(first, b + 1))
    gaps_ok = all(_NP_GAP.match(_gap(text, toks[x - 1], toks[x])) or _quoted_after_body(doc, x, v) or (
        _APPOSITION_GAP.match(_gap(text, toks[x - 1], toks[x])) and (toks[x].norm in v["title_first"] or (
            explicit and _apposed_name(doc, x, k + 1))))  # إلا أن رئيس اللجنة، فلان الفلاني، قال
        for x in range(first + 1, b + 1))
    loose = explicit and clitic_variants(toks[p].norm, 2)[:2][-1] in ("كان", "كانت")
    if not ((plain and gaps_ok) or loose or _titled_subject_before(doc, first, k, v)):
        return None
    if not explicit and p >= lo and not fa and not comma_clause:
        return None  # a plain phrase before the verb, but after something that is not an opener
    w = toks[first].norm
    bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
    if not explicit and not (bare.startswith("ال") or w.startswith("ال") or bare in v["title_first"]
                             or bare in lexicon().unnamed or w in v["subject_pronouns"] or _office_opening(w, v)
                             or (first + 1 <= b and _quoted_after_body(doc, first + 1, v))):
        return None  # at the sentence start a verb looks like a noun (وأصدرت الحركة بياناً ذكرت فيه …)
    return first, b + 1, explicit


_OPENING_MARK = re.compile(r"^\s*[«“\"]$")


def _quoted_after_body(doc: Doc, x: int, v) -> bool:
    """Does the token ``x`` open a quoted name right after a body's head noun (منظمة «مجموعة الأزمات الدولية»
    أعربت، صحيفة «الحياة» ذكرت)? Then the quotation mark does not end the subject before the verb.

    >>> d = Doc("t", "منظمة «مجموعة الأزمات الدولية» أعربت عن قلقها")
    >>> _quoted_after_body(d, 1, vocabulary()), _quoted_after_body(d, 2, vocabulary())
    (True, False)
    """
    toks = doc.tokens
    return x > 0 and bool(_OPENING_MARK.match(_gap(doc.text, toks[x - 1], toks[x]))) and (
        toks[x - 1].norm in v["body_nouns"] or clitic_variants(toks[x - 1].norm, 2)[-1] in v["body_nouns"]
        or toks[x - 1].norm.removeprefix("و") in v["titled_works"])  # كتاب «طالبان من الداخل» يشير: a work's title


_GENERAL = frozenset({"عام", "العام", "عامه", "العامه"})  # أمين عام، المدير العام: "general", not "year"


def _office_opening(word: str, v) -> bool:
    """Can a subject before its verb open with this normalized word without the article: a title or a person's
    noun in construct (وزير الخارجية أكد، أمين عام الحزب قال، مسؤول في الوزارة قال), whose و is part of the word?

    >>> [_office_opening(w, vocabulary()) for w in ("وزير", "امين", "وقال")]
    [True, True, False]
    """
    return word in v["title_first"] or (_human_word(word) and not _cue_kind(word))


def _titled_subject_before(doc: Doc, first: int, k: int, v) -> bool:
    """Is the phrase from ``first`` to the verb at ``k`` a title with its complement and name, read as the
    subject after a verb is read (المدعي العام لدى المحكمة الجزائية فهد العتيبي دعا …)? Only a phrase opened
    by a title or a person's head, and only when that reading ends right at the verb: «العام» and «لدى» stop
    the plain noun-phrase test but belong to the office.

    >>> from arnews.text import Doc
    >>> _titled_subject_before(Doc("t", "المدعي العام لدى المحكمة فهد العتيبي قال إن", 0), 0, 6, vocabulary())
    True
    """
    head = clitic_variants(doc.tokens[first].norm, 2)
    if not any(h in v["title_first"] or h in v["person_heads"] for h in head[:2]):
        return False
    return k - first > 1 and _np_extend(doc, first, k, v) == k


def _channel(doc: Doc, a: int, b: int, v) -> tuple[int, int]:
    """The medium or document named between tokens ``a`` and ``b`` as the channel of a statement (في تصريح
    لـ«الشرق الأوسط»، في حديث لقناة …، في بيان، عبر حسابه على تويتر): character offsets, or ``(-1, -1)``."""
    toks, text = doc.tokens, doc.text
    triggers = v["channel_triggers"]
    for x in range(a, b):
        w = toks[x].norm
        if w not in triggers and w[:1] != "ل":
            continue  # neither a trigger nor ل + a medium: most words, passed over with two looks
        if w not in triggers and not (w[:1] == "ل" and "ا" + w[1:] in v["media_heads"]) and not _to_medium(w, v):
            continue
        bare = clitic_variants(w, 2)
        if x + 1 < b and (w in v["channel_openers"] or bare[-1] in v["channel_openers"] or
                          (w == "معرض" and toks[x + 1].norm in v["channel_openers"])):
            y = x + 1 if w != "معرض" else x + 2
            if y < b and toks[y].norm.startswith("ل"):
                return _channel_span(doc, y, b, strip_l=True)
        if w == "ل" or _to_medium(w, v) or (w.startswith("ل") and "ا" + w[1:] in v["media_heads"]):
            if w != "ل" or (x + 1 < b and _OPEN_QUOTE.search(_gap(text, toks[x], toks[x + 1]))):
                return _channel_span(doc, x, b, strip_l=True)
        if w in ("في", "وفي") and x + 1 < b and toks[x + 1].norm in v["documents"]:
            return _channel_span(doc, x + 1, min(b, x + 3), strip_l=False)
        if (w in v["channel_accounts"] or bare[-1] in v["channel_accounts"]) and x + 2 < b and toks[x + 1].norm in (
                "علي", "في"):
            return _channel_span(doc, x + 2, b, strip_l=False)
    return -1, -1


def _channel_span(doc: Doc, y: int, b: int, strip_l: bool) -> tuple[int, int]:
    toks, text = doc.tokens, doc.text
    start = toks[y].start
    if strip_l:
        if toks[y].norm == "ل":
            start = toks[y + 1].start if y + 1 < b else toks[y].end
            y += 1
        else:
            start += 1
    end = toks[y].end if y < b else start
    quoted = y > 0 and _OPEN_QUOTE.search(_gap(text, toks[y - 1], toks[y]))
    z = y + 1
    while z < b and z - y < 4:
        gap = _gap(text, toks[z - 1], toks[z])
        if quoted and _QUOTE_MARKS.search(gap):
            break
        if not quoted and (not _NP_GAP.match(gap) or not _np_start(toks[z].norm)):
            break
        if quoted and _RX_COMMA_OR_COLON.search(gap):
            break
        end = toks[z].end
        z += 1
    return start, end


def _cut_points(doc: Doc, c: int, hi: int) -> list[int]:
    """The tokens after ``c`` and before ``hi`` where :func:`_content_end` may cut, in order: a possible cue, the
    word before one (فيما / بينما + a speech verb), a word after a full stop; every other token is passed over. A
    new condition in :func:`_content_end` on other words must add them here."""
    index = _article_index(doc)
    cues = index.cues[bisect_right(index.cues, c):bisect_left(index.cues, hi)]
    stops = index.full_stops[bisect_right(index.full_stops, c):bisect_left(index.full_stops, hi)]
    return sorted({x for y in cues for x in (y - 1, y) if x > c} | set(stops))


def _content_end(doc: Doc, c: int, hi: int, e: int, v) -> int:
    """Where reported content starting at token ``c`` ends: the next cue in the sentence, or the sentence end."""
    toks, text = doc.tokens, doc.text
    for x in _cut_points(doc, c, hi):
        tok = toks[x]
        if _FULL_STOP.search(_gap(text, toks[x - 1], tok)) and len(toks[x - 1].norm) > 2 and _balanced(
                text[toks[c - 1].end if c > 0 else 0:tok.start]):
            return toks[x - 1].end  # a sentence end the splitter missed, outside a quotation
        kind = _cue_kind(tok.norm) if not _saying_or_doing(toks, x, hi, v) else ""
        if (kind == "continuation" and _participle_cue(doc, x, hi, v)) or (
                kind in ("speech", "attribution") and "،" in _gap(text, toks[x - 1], tok)
                and tok.norm not in _WEAK_CUES):
            cut = toks[x - 1].end
            return cut
        if tok.norm in ("فيما", "بينما") and _cue_kind(toks[min(x + 1, hi - 1)].norm) == "speech":
            return toks[x - 1].end
        if tok.norm == "حين" and x - 1 > c and toks[x - 1].norm == "في" and _cue_kind(
                toks[min(x + 1, hi - 1)].norm) == "speech":
            return toks[x - 2].end  # …، في حين قال فلان: «whereas», another clause and its speaker
    return e


def _saying_or_doing(toks, k: int, hi: int, v) -> bool:
    """Is the word at ``k`` «بالقول» / «القول» paired with a deed (بالقول أو بالفعل، بالقول والعمل, a way of acting)
    rather than introducing what is said?

    >>> from arnews.text import Doc
    >>> d = Doc("t", "يدعمه بالقول أو بالفعل", 0)
    >>> _saying_or_doing(d.tokens, 1, len(d.tokens), vocabulary())
    True
    """
    if toks[k].norm not in ("بالقول", "القول") or k + 1 >= hi or toks[k + 1].start - toks[k].end > 1:
        return False  # قائلاً: «وبالتالي …»: a participle or a mark before the next word introduces the words
    nxt = toks[k + 1].norm
    return nxt in ("او", "ام") or (nxt.startswith(("وبال", "وال")) and nxt not in v["complementizers"])


def _balanced(span: str) -> bool:
    """Are the quotations opened in ``span`` closed in it (”، ″ and » close; straight marks come in pairs)?

    >>> _balanced('قال: «نعم». وأضاف'), _balanced('قال: "نعم. وأضاف')
    (True, False)
    """
    return span.count("«") + span.count("“") <= span.count("»") + span.count("”") + span.count("″") and (
        span.count('"') % 2 == 0)


def _verb(word: str, v) -> str:
    return word if word in v["speech_forms"] else next(
        (x for x in clitic_variants(word, 2)[1:2] if x in v["speech_forms"]), word)


_OPENS_HERE = re.compile(r"(?:^|\s)[«“\"]$")  # a quotation mark that opens right here


def _quoted_title(doc: Doc, k: int, hi: int, v) -> bool:
    """Does the verb at ``k`` open a short quotation that closes within four words, before any complementizer or
    colon (مسرحية «قال الراوي»، برنامج "قالوا عنه")? That is the title of a work, not a statement."""
    toks, text = doc.tokens, doc.text
    before = text[toks[k - 1].end if k else max(0, toks[k].start - 3):toks[k].start]
    if not _OPENS_HERE.search(before):
        return False  # the mark must open right before the verb (not «…". وأضاف», where it closes)
    for x in range(k + 1, min(hi, k + 5)):
        if toks[x].norm in v["complementizers"] or ":" in _gap(text, toks[x - 1], toks[x]):
            return False
        if _RX_CLOSING_QUOTE.search(_gap(text, toks[x - 1], toks[x])):
            return True
    return False


#: كان and its forms before a present verb: a habit in the past (وكان يرى، كانت تقول), a narrator's story
_WAL_WORDS = frozenset({"والد", "والي"})  # والد، والدة، والي (father, mother, governor): their و is the word's own

_KAN = frozenset({"كان", "وكان", "فكان", "كانت", "وكانت", "فكانت", "كانوا", "وكانوا"})


def _speech(doc: Doc, sid: int, s: int, e: int, lo: int, hi: int, k: int, v, lex) -> tuple[dict | None, int]:
    """A speech verb at token ``k``: its subject (after it, before it, or none: the previous speaker), the
    channel, and the content (after a complementizer or colon, or right after the speaker)."""
    toks, text = doc.tokens, doc.text
    verb = _verb(toks[k].norm, v)
    if k + 1 < hi and toks[k + 1].norm in ("نفسه", "نفسها", "انفسهم", "نفسي", "نفسك") and verb not in (
            "اعتبر", "اعتبرت") and verb not in v["view_verbs"]:
        return None, k + 1  # أفاد نفسه وناديه: "benefited himself", أعلن نفسه رئيساً: no words reported (but
        # اعتبر نفسه خارج المنافسة: a view of himself)
    if k + 1 < hi and toks[k + 1].norm in ("عنه", "عنها", "له", "لها", "به", "بها", "عنهم") and not (
            toks[k + 1].norm in ("له", "لها") and k + 2 < hi and (toks[k + 2].norm in v["complementizers"] or (
                toks[k + 2].norm in v["title_first"] or toks[k + 2].norm in v["person_heads"]))):
        return None, k + 1  # أعلن عنه: "was announced", not reported speech (but أكد له أن، قال له اللاعب فلان)
    if k > lo and toks[k - 1].norm in v["negations"]:
        return None, k + 1
    if toks[k].norm in v["person_noun_cues"] and _indefinite_adjective_next(doc, k, hi):
        return None, k + 1  # طالب جامعي، أصيب طالب يمني بجروح: a student, not «demanded»
    if _denied_saying(toks, k, lo, v):
        return None, k + 1  # نفى أن يكون قد قال: «…»: what he denies having said
    if verb == "بين" and _between(doc, k, lo, v):
        return None, k + 1  # الفرق بين المدينتين أن، بينه وبين فلان أنه: «between», not بيّن (showed)
    if _imagined(toks, k, lo, verb, v) or _asked(doc, k, lo, e, v):
        return None, k + 1
    if _inference(toks, k, lo, hi, verb, v):
        return None, k + 1
    if k > lo and (toks[k - 1].norm in _KAN or toks[k - 1].norm in v["aspect_verbs"]) and verb in v[
            "present"] and not _OPEN_QUOTE.search(
            text[toks[k].end:toks[min(hi, k + 8) - 1].end]):
        return None, k + 1  # وكان يرى أن …: what someone used to think, told by the narrator (not كان قال, nor
        # كان يقول: «…», his words quoted)
    if _quoted_title(doc, k, hi, v):
        return None, k + 1  # مسرحية «قال الراوي»: the title of a work, not a statement
    if k - 1 > lo and toks[k - 1].norm in ("ان", "وان") and toks[k - 2].norm in v["expected_before"]:
        return None, k + 1  # ينتظر أن يعلن، من المقرر أن يؤكد: an act still to come, nothing is said yet
    prev = toks[k - 1].norm if k > lo else ""
    if prev in v["conditionals"] or (prev in ("ان", "وان", "فان") and toks[k - 1].text.lstrip("وف").startswith(
            "إ")) or (
            prev in v["prepositions_before_noun"] and not toks[k - 1].text.endswith("علي")):  # علي: a name
        return None, k + 1  # إذا رأت الحكومة أن، ولو قال، من قال، إن رأى: a condition; في كشف، على نص: a noun
    if k + 1 < hi and toks[k + 1].norm in v["cue_nouns"].get(verb, ()):
        return None, k + 1  # كشف درجات، أوضح منه، تعتبر من أكبر: a check-up, an elative, a passive: nothing is said
    if toks[k].norm == verb and (prev in v["noun_before"] or prev.isdigit()):
        return None, k + 1  # ألف طالب: a noun after a count
    content = _content_start(doc, k + 1, hi, v)
    if content > k + 1 and any(toks[x].norm in v["writer_first_person"] for x in range(k + 1, content)):
        return None, k + 1  # يرى البعض ذلك مبالغة، لكنني أعتقد أن …: the writer's own view, not theirs
    if content > k + 2 and any(toks[x].norm in v["present"] for x in range(k + 2, content)):
        return None, k + 1  # نايف الذي أفاد نفسه …، وعشاق الليث يرون أن: the nearer verb's complement
    if verb in ("يعتبر", "تعتبر") and k + 1 < hi and "\u064b" in toks[k + 1].text:
        return None, k + 1  # يعتبر عملاً ضخماً: «is considered», a passive and its predicate (tanween), nobody's view
    if prev in v["elatives_before_noun"] and toks[k].norm == verb and _NP_GAP.match(_gap(text, toks[k - 1], toks[k])):
        return None, k + 1  # أكبر صرح: a noun written like the verb (صرّح), after an elative (not «الله أكبر»، وقال)
    two_before = _two(toks, k - 2, hi) if k - 2 >= lo else ""
    if content < 0 and (prev in v["relative_markers"] or two_before in v["relative_markers"]) and not (
            two_before in v["back_reference"] or two_before in v["attributions"]
            or (k - 2 >= lo and toks[k - 2].norm in v["attributions"])):
        return None, k + 1  # بين ما أشار إليه الرئيس …: a relative clause (not بحسب ما أعلنت مصادر …)
    if content < 0 and verb in v["cue_objects"] and any(
            toks[x].norm in v["cue_objects"][verb] and not _OPEN_QUOTE.search(text[toks[k].end:toks[x].start])
            for x in range(k + 1, min(hi, k + 8))):
        return None, k + 1  # وأضاف المحترف العاجي فلان الهدف الثاني: added a goal, said nothing
    forced = content == k + 2 and _name_not_complementizer(doc, k, hi, verb, v)
    if forced:  # وأعرب بان كي مون عن …، وقال بان كي مون إن …: a name, not بأن
        content = _content_start(doc, k + 2, hi, v)
    weak = verb in v["present"] and content < 0  # فيما تؤكد موسكو رفضها …: kept only for a known actor
    if content < 0 and (verb in v["needs_content"] or toks[k].norm in v["needs_content"]) and not _OPEN_QUOTE.search(
            text[toks[k].end:toks[min(hi, k + 8) - 1].end]):
        return None, k + 1  # كتبت فلانة رواية جديدة (but كتب لائماً السلطان «…»)
    if verb in v["needs_complement"] and content < 0 and not weak:
        return None, k + 1
    if verb in v["needs_complement"] and content - 1 > k and toks[content - 1].norm not in v["complementizers"] \
            and _two(toks, content - 2, hi) not in v["complementizers"]:
        np = _np_after(doc, k, content, v)  # a colon: only right after the verb, its subject or القول
        if content != k + 1 and (not np or np[1] != content) and toks[content - 1].norm not in (
                "القول", "بالقول", "قائلا", "قوله"):
            return None, k + 1
    limit = content - 1 if content > 0 else hi
    if content > 0 and toks[content - 1].norm not in v["complementizers"] and _two(
            toks, content - 2, hi) not in v["complementizers"]:
        limit = content  # after a colon
    elif content > 1 and _two(toks, content - 2, hi) in v["complementizers"]:
        limit = content - 2
    after = _np_after(doc, k, limit, v, forced)
    if not after and k + 2 < limit and toks[k + 1].norm in v["object_pronouns"] and (
            toks[k + 2].norm in v["title_first"] or toks[k + 2].norm in v["person_heads"]):
        after = _np_after(doc, k + 1, limit, v, forced)  # وقال له اللاعب فلان: the subject follows له
    if (not after or after[0] == k + 1) and k + 2 < limit and toks[k + 1].norm[:1] == "ل":
        x = _past_medium_spoken_to(doc, k + 1, limit, v)
        if k + 1 < x < limit and _np_start(toks[x].norm) and toks[x].norm not in v["complementizers"] and (
                _NP_GAP.match(_gap(text, toks[x - 1], toks[x]).lstrip("»”\"").lstrip(" ،,"))):
            after = (x, _np_extend(doc, x, limit, v))  # وأكد لـ«عكاظ» المواطن فلان أن: the subject follows
    if after:
        after = _without_addressee(doc, after, limit, v, forced)
    relay = (-1, -1)
    if verb in v["relay_verbs"] or toks[k].norm in v["relay_verbs"]:
        # نقلت وكالة الأنباء عن مدير الشرطة قوله: the phrase after عن speaks, the agency is the channel
        at = after[1] if after else k + 1
        if at + 1 < limit and toks[at].norm == "عن" and _np_start(toks[at + 1].norm):
            if after:
                relay = (toks[after[0]].start, toks[after[1] - 1].end)
                if text[relay[1]:relay[1] + 1] in ("»", "”", '"'):
                    relay = (relay[0], relay[1] + 1)
            after = (at + 1, _np_extend(doc, at + 1, limit, v))
    if after and toks[k + 1].norm in ("فيه", "فيها") and not _subject_like(toks[after[0]].norm, v):
        after = None  # كلمة ألقاها المرشد أكد فيها وقوف …: what follows is the object (not طالب فيها المهندسون)
    issuer = not after and k + 1 < hi and toks[k + 1].norm in ("فيه", "فيها")  # أصدر … بياناً ذكر فيه أن
    if verb in ("عبر", "عبرت", "عبروا", "عبرا"):  # عبر الوزير عن …: expressed; otherwise «across»
        nxt = after[1] if after else k + 1
        if nxt >= hi or toks[nxt].norm != "عن":
            return None, k + 1
    before = _np_before(doc, k, lo, v) if toks[k].norm == verb else None  # وقال opens a new clause
    if verb in v["listener_verbs"] and after and (before or prev in v["relative_pronouns"] or toks[
            after[0]].norm in v["media_heads"] or _OPEN_QUOTE.search(
            text[max(0, toks[after[0]].start - 2):toks[after[0]].start])):
        after = None  # مصادر أبلغت «الصحيفة» أن، فلان الذي أبلغ صحيفة … أن: the phrase after the verb was told
    relative = not after and prev in v["relative_pronouns"]
    if relative:
        before = _antecedent(doc, k - 1, lo, v)  # … رئيس النادي موسى كاماو الذي أعلن عن …
    if not after and not before and not relative and k > lo:
        before = _source_before(doc, k, lo, v)  # إلى تقارير صحافية ذكرت أن …
    plural = verb.endswith(("وا", "تا")) or (verb.endswith("ا") and verb in v["needs_complement"])
    if verb in v["needs_complement"] and content > 0:
        # the complementizer must follow the verb or its subject (تابعوا سير المحادثات … أن is not speech)
        reach = (after[1] if after else k + 1) + 2
        if verb in ("بين", "بينت", "بينوا", "بينا") and limit > reach - 2:
            return None, k + 1  # بيّن: only بيّن (subject) أن, never «بين … و …»
        aside = limit - reach < 20 and (  # ، صهر الرئيس …، يوم الثلاثاء بأنه / في تقرير بثه أن
            "،" in text[toks[reach - 2].end:toks[limit].start]
            or (toks[reach - 2].norm in _ADJUNCT_STARTS and limit - reach < 10)
            or (limit - reach < 6 and any(toks[j].norm == "ل" or _to_medium(toks[j].norm, v)
                                          for j in range(reach - 2, limit))))  # يقول فلان لـ«الصحيفة» بأن
        if limit > reach and not aside:
            return None, k + 1
    if before and (before[2] or plural):
        subj, how = before, "before"
    elif after:
        subj, how = after, ("name" if forced else "after")
    elif before:
        subj, how = before, "before"
    else:
        subj, how = None, "issuer" if issuer else "none"
    if subj and _evidence(toks, subj[0], subj[1], v):
        return None, k + 1  # هذان المثالان يؤكدان أن …: the writer's proof, nobody's statement
    every = subj[0] if how == "before" else k - 2  # فكل مذهب يرى، … ، فكل طرف يرى
    if verb in v["view_verbs"] and every >= lo and toks[every].norm in ("كل", "وكل", "فكل") and content > 0 and (
            toks[content - 1].norm in v["complementizers"]) and not _OPEN_QUOTE.search(text[toks[k].end:toks[
                min(hi, content + 1) - 1].end]):
        return None, k + 1  # فكل مذهب يرى أنه …: what every one of a kind holds, not a statement
    if relative and how == "before":
        how = "relative"
    back = content < 0 and k > lo and (toks[k - 1].norm in v["back_reference"]
                                       or _two(toks, k - 2, hi) in v["back_reference"])
    if back and toks[k - 1].norm in ("كما", "وكما") and subj and how == "after" and subj[1] < hi and not re.search(
            r"[،,.:؛»”\"]", _gap(text, toks[subj[1] - 1], toks[subj[1]])) and _object_word(toks[subj[1]].norm, v) \
            and subj[1] + 1 < hi and not re.search(r"[،,.:؛»”\"]", _gap(text, toks[subj[1]], toks[subj[1] + 1])):
        return None, k + 1  # كما أضافت الواحة أمسيتين للشعر: an object follows, «added», not «as X said»
    if subj and how in ("after", "name"):  # the phrase ends before بمناسبة …: an occasion, never the speaker's
        cut = next((x for x in range(subj[0] + 1, subj[1]) if toks[x].norm in v["occasion_adjuncts"]), 0)
        subj = (subj[0], cut) if cut else subj
    ws, we = (toks[subj[0]].start, toks[subj[1] - 1].end) if subj else (toks[k].end, toks[k].end)
    if subj and how == "before" and (toks[subj[0]].norm.startswith("وال") or toks[subj[0]].norm[1:] in v[
            "titled_works"]) and text[ws:ws + 1] == "و" and not (
            toks[subj[0]].norm in v["relation_heads"] or toks[subj[0]].norm[:4] in _WAL_WORDS):
        ws += 1  # …، والحكومة تقول: the conjunction is not part of the speaker's name
    if subj and how == "before" and text[we:we + 1] in _CLOSERS and not _balanced(text[ws:we]):
        we += 1  # منظمة «مجموعة الأزمات الدولية» أعربت: the quoted name's closing mark
    wend = subj[1] if subj and how in ("after", "name") else k + 1
    if content < 0 and verb in v["adds_to"] and wend < hi and toks[wend].norm in ("الي", "علي"):
        return None, k + 1  # أضافت الشركة «فندق النخيل» إلى قائمتها: added to, nothing is said
    if back:  # ووقعت … «إعلان نوايا» …، حسبما صرح ستارمر: the content is the clause before
        cstart = toks[lo].start
        cue0 = k - 2 if k - 2 >= lo and _two(toks, k - 2, hi) in v["back_reference"] else k - 1  # بحسب ما
        cut = text.rfind("،", cstart, toks[cue0].start)
        cend = cut if cut > cstart else toks[cue0].start
        row = _row(doc, sid, toks[k], ws, we, cstart, cend, "back")
        row["subject"] = how
        return row, wend
    if content < 0 and wend < hi and _cue_kind(toks[wend].norm) == "continuation" and _NP_GAP.match(
            _gap(text, toks[wend - 1], toks[wend])):
        return None, wend  # واستطرد الرئيس قائلاً إن …: the participle makes the row
    occasion = next((x for x in range(wend, min(hi, wend + 12)) if toks[x].norm in v["occasion_adjuncts"] or (
        x > wend and _RX_BREAK_OR_QUOTE.search(_gap(text, toks[x - 1], toks[x])))), -1) if content < 0 else -1
    if content < 0 and occasion >= 0 and toks[occasion].norm in v["occasion_adjuncts"] and any(
            _cue_kind(toks[x].norm) == "speech" for x in range(occasion + 1, hi)):
        # صرح فلان بمناسبة …، حيث قال معاليه: «…»: the occasion, no statement; the later verb says it, and this
        # row only tells resolve who the sentence's speaker is
        row = _row(doc, sid, toks[k], ws, we, toks[wend].start, toks[wend].end, "occasion")
        row["subject"] = how
        return row, wend
    if content < 0:
        # no complementizer or colon: the content follows the speaker (أعلن كوستا استعداد الاتحاد …);
        # the finalizer moves its start past the speaker's name
        first_content = subj[0] if how in ("after", "name") else wend
        if first_content < hi and toks[first_content].norm in ("فيه", "فيها"):
            first_content += 1  # أكد فيها وقوف …
        cstart = toks[first_content].start if first_content < hi else e
        mode = "after_speaker"
    else:
        cstart = toks[content].start if content < hi else e
        mode = "complement"
    cend = _content_end(doc, max(content, wend), hi, e, v)
    if content < 0:
        cend = _before_contrast(doc, first_content, hi, cend, v)
    if cend <= cstart:
        return None, wend
    row = _row(doc, sid, toks[k], ws, we, cstart, cend, mode)
    row["subject"] = how
    row["weak"] = weak
    clause = lo
    for x in range(k - 1, lo, -1):
        if "،" in _gap(text, toks[x - 1], toks[x]) and x < k - 1:
            clause = x if how != "before" else lo
            break
    ch = _channel(doc, (clause if how not in ("after", "name") else k + 1), content if content > 0 else min(
        hi, k + 12), v)
    if ch[0] < 0 and how not in ("after", "name"):
        ch = _channel(doc, lo, k, v)
    elif how in ("after", "name") and toks[subj[0]].start + 1 < ch[0] < toks[wend - 1].end and clitic_variants(
            toks[subj[0]].norm, 2)[-1] in v["medium_offices"]:  # the medium the speaker runs (المدير العام لقناة
        ch = _channel(doc, wend, content if content > 0 else min(hi, k + 12), v)  # «…» فلان) is no channel
    if relay[0] >= 0:
        ch = relay
    row["channel_start"], row["channel_end"] = ch
    return row, max(wend, content if content > 0 else wend)


def _indefinite_adjective_next(doc: Doc, k: int, hi: int) -> bool:
    """Does an indefinite adjective follow the word at ``k`` right away (a nisba not a given name, or آخر):
    طالب جامعي، طالب آخر?

    >>> d = Doc("t", "هو طالب جامعي، وطالب علي الأحمد بحقه")
    >>> _indefinite_adjective_next(d, 1, 8), _indefinite_adjective_next(d, 4, 8)
    (True, False)
    """
    toks = doc.tokens
    if k + 1 >= hi or not _NP_GAP.match(_gap(doc.text, toks[k], toks[k + 1])):
        return False
    w = toks[k + 1].norm
    return w in ("اخر", "اخري") or (not w.startswith("ال") and bool(_NISBA_INDEFINITE.fullmatch(w))
                                    and w not in lexicon().given_names)


_BE = frozenset({"يكون", "تكون", "يكونوا", "يكونا", "تكونا"})


def _denied_saying(toks, k: int, lo: int, v) -> bool:
    """Is the speech verb at ``k`` what someone denies having said (نفى الشاعر أن يكون قد قال: «…»): «أن» + a form
    of يكون (and قد) right before it, a denial verb at most six words before that?

    >>> from arnews.text import tokens as _t
    >>> _denied_saying(_t("ونفى الشاعر أن يكون قد قال إن"), 5, 0, vocabulary())
    True
    """
    x = k - 1
    if x >= lo and toks[x].norm == "قد":
        x -= 1
    if x - 1 < lo or toks[x].norm not in _BE or toks[x - 1].norm not in ("ان", "بان"):
        return False
    return any(toks[y].norm.removeprefix("و").removeprefix("ف") in v["denial_verbs"] or toks[y].norm in v[
        "denial_verbs"] for y in range(max(lo, x - 8), x - 1))


_BEFORE_VERB = frozenset({"ثم", "وثم", "فقد", "لقد", "حين", "وحين", "حينما", "عندما", "وعندما", "بعدما", "لما", "ولما",
                          "فلما", "كلما", "اذ"})  # في حين بين فلان أن: a verb follows them


def _between(doc: Doc, k: int, lo: int, v) -> bool:
    """Is «بين» at token ``k`` the preposition «between», not the verb بيّن (showed)? Written without its shadda,
    it is one right after a word of its own clause that no verb follows here (a noun or adjective: الفارق الأبرز
    بين، قوية بين الناجين، ما بين), and «وبين» is one after another «بين» of its clause (بينه وبين فلان، بين عمله
    وبين الدراسة). After a clause mark, كما، بدوره، الذي، قد it stays the verb (كما بين الدكتور فلان أن).

    >>> d = Doc("t", "ولعل الفرق بين المدينتين أن الأولى أقدم، كما بين الدكتور فلان أن")
    >>> _between(d, 2, 0, vocabulary()), _between(d, 8, 0, vocabulary())
    (True, False)
    """
    toks, text = doc.tokens, doc.text
    if "\u0651" in toks[k].text or k <= lo or _RX_BREAK_OR_LINE.search(_gap(text, toks[k - 1], toks[k])):
        return False
    if toks[k].norm == "بين":
        prev = toks[k - 1].norm
        return not (prev in v["subject_openers"] or prev in v["relative_pronouns"] or prev in v["verb_adverbs"]
                    or prev in _BEFORE_VERB or clitic_variants(prev, 2)[:2][-1] in v["subject_openers"])
    if toks[k].norm in ("وبين", "فبين"):
        for x in range(k - 1, max(lo, k - 12) - 1, -1):
            if toks[x].norm.removeprefix("و").startswith("بين"):
                return True
            if x > lo and _RX_BREAK_OR_LINE.search(_gap(text, toks[x - 1], toks[x])):
                break
    return False


def _before_contrast(doc: Doc, c: int, hi: int, end: int, v) -> int:
    """Where content starting at token ``c`` and ending at character ``end`` stops before «إلا أن / غير أن»
    (however): what follows is the writer's, not the speaker's (``end`` itself when no such word comes first).

    >>> d = Doc("t", "طالب النادي بمبلغ كبير، إلا أنه قبل عرضاً أقل")
    >>> d.text[:_before_contrast(d, 2, len(d.tokens), len(d.text), vocabulary())]
    'طالب النادي بمبلغ كبير'
    """
    toks = doc.tokens
    for x in range(c + 1, hi - 1):
        if toks[x].start >= end:
            break
        if _contrast_at(toks, x, v):
            return toks[x - 1].end
    return end


def _contrast_at(toks, x: int, v) -> bool:
    """Does «however» open at token ``x``: a particle of contrast and a complementizer (إلا أن، غير أنه، بيد أن)?

    >>> _contrast_at(Doc("t", "قال ذلك، إلا أنه تراجع").tokens, 2, vocabulary())
    True
    """
    return x + 1 < len(toks) and toks[x].norm in v["contrast_particles"] and toks[x + 1].norm in v["complementizers"]


def _source_before(doc: Doc, k: int, lo: int, v) -> tuple[int, int, bool] | None:
    """An indefinite source of information right before the speech verb at ``k``, which the verb describes
    (استند الكاتب إلى تقارير صحافية ذكرت أن …، نقل عن دراسة حديثة أكدت أن …): ``(first, end, False)`` like
    :func:`_np_before`, or None. The verb's subject is that source, not the person named earlier.

    >>> d = Doc("t", "واستند الكاتب إلى تقارير صحافية ذكرت أن العصابة تتاجر بالآثار")
    >>> _source_before(d, 5, 0, vocabulary())
    (3, 5, False)
    """
    toks, text = doc.tokens, doc.text
    for x in range(k - 1, max(lo, k - 4) - 1, -1):
        if not _NP_GAP.match(_gap(text, toks[x], toks[x + 1])):
            return None
        w = toks[x].norm
        head = clitic_variants(w, 2)[-1]
        if (w in v["information_sources"] or head in v["information_sources"]) and not w.startswith("ال") and not (
                head.startswith("ال")):
            return x, k, False
        if not _np_word(w) or w.startswith("ال"):
            return None  # only indefinite adjectives may stand between the source and its verb
    return None


def _evidence(toks, first: int, end: int, v) -> bool:
    """Is the phrase of tokens ``first``..``end`` headed by what a writer cites as proof (هذان المثالان، الأدلة
    العلمية، والشواهد)? Its first two words are looked at, so a demonstrative may come first.

    >>> d = Doc("t", "هذان المثالان يؤكدان أن السوق خطرة")
    >>> _evidence(d.tokens, 0, 2, vocabulary())
    True
    """
    proof = v["evidence_nouns"]
    return any(w in proof or (w[:1] in "وفب" and w[1:] in proof)
               for w in (toks[x].norm for x in range(first, min(end, first + 2))))


def _asked(doc: Doc, k: int, lo: int, e: int, v) -> bool:
    """Does the speech verb at token ``k`` follow an interrogative right before it, in a sentence that ends with
    a question mark before character ``e`` (ماذا قالت اللجنة عن روايتك؟، وهل أكد الوزير أن …؟)? Then it asks
    (not «لماذا عندما أعلنت الوزارة …؟», which tells what was announced).

    >>> d = Doc("t", "ماذا قالت اللجنة عن روايتك؟")
    >>> _asked(d, 1, 0, len(d.text), vocabulary())
    True
    """
    toks = doc.tokens
    return k > lo and toks[k - 1].norm in v["interrogatives"] and "؟" in doc.text[
        toks[k].end:e + 1]


_WHICH = frozenset({"مما", "ومما"})  # …، مما يشير إلى أن: «which shows»
_IT_IS = frozenset({"هو", "وهو", "هي", "وهي", "هذا", "وهذا"})  # وهو ما يؤكد أن: «which confirms»


def _inference(toks, k: int, lo: int, hi: int, verb: str, v) -> bool:
    """Is the present speech verb at token ``k`` the writer's inference from what came before: after مما or
    «وهو ما», with no subject of its own (the complementizer or إلى right after it)? «هذا ما يشير إليه الكاتب»,
    «بحسب ما يشير المراقبون» name who says it and stay statements.

    >>> d = Doc("t", "ارتفعت الأسعار، مما يشير إلى أن السوق متأزمة")
    >>> _inference(d.tokens, 3, 0, len(d.tokens), "يشير", vocabulary())
    True
    """
    if k <= lo or verb not in v["present"] or k + 1 >= hi:
        return False
    prev = toks[k - 1].norm
    which = prev in _WHICH or (prev == "ما" and k - 2 >= lo and toks[k - 2].norm in _IT_IS)
    return which and (toks[k + 1].norm in ("الي", "علي") or toks[k + 1].norm in v["complementizers"])


def _imagined(toks, k: int, lo: int, verb: str, v) -> bool:
    """Is the present speech verb at token ``k`` after a particle of possibility (قد يقول قائل، ربما يرى البعض)?
    Then it tells what someone might say, not what was said.

    >>> _imagined(Doc("t", "قد يقول قائل إن الطريق طويل").tokens, 1, 0, "يقول", vocabulary())
    True
    """
    return k > lo and toks[k - 1].norm in v["modal_particles"] and verb in v["present"]


def _stated_in(doc: Doc, sid: int, s: int, e: int, lo: int, hi: int, k: int, v, lex) -> tuple[dict | None, int]:
    """نصّ / ينصّ على at token ``k``: a statement only when its subject, after or before it, is a document
    (ونص البيان الختامي على إنشاء …، أن الاتفاق ينص على أن …); the content starts after على."""
    toks, text = doc.tokens, doc.text
    row, consumed = _speech(doc, sid, s, e, lo, hi, k, v, lex)
    if not row or row["subject"] not in ("after", "before"):
        return None, k + 1
    if row["subject"] == "after" and k > lo and toks[k].norm[:1] not in "وف" and not re.search(
            r"[،,:؛]", _gap(text, toks[k - 1], toks[k])):
        return None, k + 1  # وقرأ المذيع نص البيان على الهواء: the noun نص, not the verb
    head = _phrase_words(text[row["window_start"]:row["window_end"]])
    if not head or not (_head_in(head, v["documents"]) or _head_in(head, v["information_sources"])):
        return None, k + 1
    at = re.match(r"\s*على\s+(?:أن\s+|ان\s+)?", text[row["start"]:row["end"]]) if row["mode"] != "after_speaker" \
        or row["subject"] == "before" else None
    if at:
        row["start"] += at.end()
    return row, consumed


def _subject_like(word: str, v) -> bool:
    """Can a subject open with this normalized word: the article, a title, a person's head or a given name (an
    indefinite common noun after the verb is its object: أكد فيها وقوف بلاده)?"""
    bare = clitic_variants(word, 2)[-1]
    return word.startswith("ال") or bare.startswith("ال") or word in v["title_first"] or word in v["person_heads"] \
        or word in lexicon().given_names or word in lexicon().unnamed


def _name_not_complementizer(doc: Doc, k: int, hi: int, verb: str, v) -> bool:
    """Is the complementizer-like word right after the speech verb at ``k`` a name (بان كي مون)? It is when the
    verb never takes a complementizer (أعرب عن) or when another complementizer follows within four words (قال
    بان كي مون إن …), since a clause cannot open twice."""
    toks, text = doc.tokens, doc.text
    if toks[k + 1].norm not in ("بان", "ان") or toks[k + 1].text.startswith(("بأ", "أ", "إ")):
        return False  # written with hamza: a real complementizer
    if verb in v["takes_an"]:
        return True
    for x in range(k + 2, min(hi, k + 6)):
        if not _NP_GAP.match(_gap(text, toks[x - 1], toks[x])):
            return False
        if toks[x].norm in v["complementizers"]:
            return True
    return False


def _antecedent(doc: Doc, r: int, lo: int, v) -> tuple[int, int, bool] | None:
    """The noun phrase right before the relative pronoun at token ``r`` (… رئيس النادي موسى كاماو الذي أعلن):
    ``(first, end, True)``, up to six words with no punctuation between them; None when there is none."""
    toks, text = doc.tokens, doc.text
    first = r
    while first - 1 >= lo and r - first < 6 and _np_word(toks[first - 1].norm) and (_NP_GAP.match(
            _gap(text, toks[first - 1], toks[first])) or (first == r and _set_off_relative(doc, r))):
        first -= 1
    if first == r or (_set_off_relative(doc, r) and not _comma_antecedent(doc, first, r, lo, v)):
        return None
    cut = next((x + 1 for x in range(r - 2, first - 1, -1)
                if clitic_variants(toks[x].norm, 2)[-1] in v["account_nouns"] or toks[x].norm in v["account_nouns"]),
               first)  # خلافاً لرواية القوات التي قالت، على عكس رواية الجيش الذي قال: the army speaks, not «its account»
    return cut, r, True


def _set_off_relative(doc: Doc, r: int) -> bool:
    """Is the relative pronoun at ``r`` set off from its antecedent by a comma alone (… صندوق النقد الدولي، الذي
    يعتبر أن …: a non-restrictive clause about the phrase right before the comma)?

    >>> from arnews.text import Doc
    >>> _set_off_relative(Doc("t", "البنك الدولي، الذي يرى أن", 0), 2)
    True
    """
    return r > 0 and _gap(doc.text, doc.tokens[r - 1], doc.tokens[r]).strip() in ("،", ",")


def _comma_antecedent(doc: Doc, first: int, r: int, lo: int, v) -> bool:
    """Can the phrase from ``first`` to the comma before the relative pronoun at ``r`` be what the pronoun stands
    for? Not an apposition between commas (فلانة، الوزيرة السابقة، التي: the name is found later), not a phrase
    after a preposition (في الشرق الأوسط، الذي: a place in the clause, its head is further back), and not a
    feminine word before the masculine الذي (في مديرية التوثيق، الذي: it does not agree).

    >>> from arnews.text import Doc
    >>> v = vocabulary()
    >>> _comma_antecedent(Doc("t", "من بينهم البنك الدولي، الذي يرى", 0), 2, 4, 0, v)
    True
    >>> _comma_antecedent(Doc("t", "التقى المدير في الشركة العالمية، الذي قال", 0), 3, 5, 0, v)
    False
    """
    toks = doc.tokens
    if first > lo and (_set_off_relative(doc, first) or toks[first - 1].norm in v["prepositions_before_noun"]
                       or toks[first - 1].norm in ("من", "ومن", "بين", "الي")):
        return False
    return not (toks[r].norm == "الذي" and _feminine_word(toks[first].text))


def _object_word(w: str, v) -> bool:
    """Is ``w`` an indefinite content word that can open a verb's object (أمسيتين، قرارا), not a function word,
    an adverb, a word with the article or a prefixed preposition?

    >>> _object_word("امسيتين", vocabulary())
    True
    """
    return _np_word(w) and not w.startswith(("ال", "ل", "ب", "و", "ف", "ك")) and w not in v["function"] \
        and w not in v["verb_adverbs"] and w not in v["np_stop"] and len(w) > 2


_BYLINE_DASH = re.compile(r"[-–—]\s*$")  # a dash right before a word: a byline's or dateline's segments


#: words that may stand between a participle and its preposition (لافتاً سموه النظر، لافتا في نفس الوقت إلى)
_ASIDE_TIME = frozenset({"في", "نفس", "الوقت", "ذات"})  # في نفس الوقت، في الوقت ذاته (with the intensifiers)


def _participle_cue(doc: Doc, k: int, hi: int, v) -> bool:
    """Is the participle at token ``k`` a cue? A form in -ة (مشيرةً، متابعة) is one only without و and before
    إلى، على، ب…, a complementizer, a colon or a quotation: otherwise it is a verbal noun (باهتمام ومتابعة المدير)."""
    toks, text = doc.tokens, doc.text
    w, c = toks[k].norm, k + 1
    prev = toks[k - 1].norm if k > 0 else ""
    if (prev in v["noun_before"] or (prev.isdigit() and 11 <= int(prev) <= 99)) and _NP_GAP.match(
            _gap(text, toks[k - 1], toks[k])):
        return False  # ألف متابعاً، 80 متابعاً: a counted noun (only 11 to 99 take it in -اً), not a participle
    if c < hi and toks[c].norm in ("وذلك", "وذاك", "لذلك"):
        return False  # أمراً مستبعداً وذلك قبل …: a time or cause clause follows, nothing is said
    if k > 0 and c < hi and _BYLINE_DASH.search(_gap(text, toks[k - 1], toks[k])) and ":" in _gap(
            text, toks[k], toks[c]):
        return False  # فلان الفلاني- سبق- متابعة: …: a byline's label (a follow-up), not «continuing»
    if w.removeprefix("و").startswith("لافت"):  # لافتاً إلى أن، لافتةً النظر إلى: drawing attention; قدرة لافتة
        while c < min(hi, k + 4) and (toks[c].norm in _ASIDE_TIME or toks[c].norm in honorifics()
                                      or toks[c].norm in v["intensifiers"]):
            c += 1  # لافتاً سموه النظر إلى، لافتا في نفس الوقت إلى أن
        return c < hi and (toks[c].norm.startswith("الي") or toks[c].norm in ("النظر", "الانتباه")
                           or toks[c].norm in v["complementizers"])
        # على، دور لافت للسجين: «remarkable», an adjective
    if not w.endswith("ه"):
        return True
    return w[:1] != "و" and c < hi and (
        toks[c].norm in ("الي", "علي") or toks[c].norm in v["complementizers"] or toks[c].norm[:1] == "ب"
        or bool(_OPEN_QUOTE.search(_gap(text, toks[k], toks[c]))) or ":" in _gap(text, toks[k], toks[c]))


def _continuation(doc: Doc, sid: int, e: int, hi: int, k: int, v) -> tuple[dict | None, int]:
    toks = doc.tokens
    c = k + 1
    if not _participle_cue(doc, k, hi, v):
        return None, k + 1
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
    """بحسب مصادر دبلوماسية / ووفقاً لما نقلته وكالة الأنباء الكويتية، …: the source, and the clause it vouches
    for. A speech verb inside that clause makes its own row; the source is then its channel (see resolve)."""
    toks, text = doc.tokens, doc.text
    j = k + (_attribution_len(toks, k, hi, v) or 1)
    if j < hi and toks[j].norm == "ما":
        j += 1
    while j < hi and (toks[j].norm in v["transmission_verbs"] or _two(toks, j, hi) in v["transmission_verbs"]):
        j += 2 if _two(toks, j, hi) in v["transmission_verbs"] else 1
    if j < hi and toks[j].norm == "عن":
        j += 1
    wend = j
    while wend < hi and wend - j < 10 and not _RX_CLAUSE_BREAK.search(_gap(text, toks[wend - 1], toks[wend])):
        wend += 1
    if wend <= j or not (_np_start(toks[j].norm) or toks[j].norm in v["documents"]) or toks[j].norm in v[
            "forward_pointers"]:
        return None, k + 1  # وفق الآتي: 1 - …: the text that follows, not a source
    comma = text.find("،", toks[wend - 1].end, e)
    if k == lo or text[toks[lo].start:toks[k].start].strip() in ("و", ""):
        if comma < 0:
            return None, wend
        cstart, cend = comma + 1, e  # the source comes first: the rest of the sentence is what it says
        after = _first_at_or_after([t.start for t in toks[wend:hi]], cstart) + wend
        if after < hi and toks[after].norm in ("فان", "فانه", "فانها"):
            cstart = toks[after].end if toks[after].norm == "فان" else cstart
    elif (ahead := _source_then_clause(doc, k, j, hi, v)) > 0:
        wend = ahead  # …، وبحسب مصادر أمنية فإن …: the source opens the clause after it, which is what it vouches for
        cstart = toks[ahead + 1].start if toks[ahead].norm == "فان" and ahead + 1 < hi else toks[ahead].start
        cend = _content_end(doc, ahead, hi, e, v)
        nxt = next((x for x in range(ahead + 1, hi) if toks[x].start < cend and _cue_kind(toks[x].norm) == "speech"), 0)
        cut = text.rfind("،", cstart, toks[nxt].start) if nxt else -1
        cend = cut if cut > cstart else cend  # …، لكن المصادر أكدت أن …: the next statement is its own
    else:
        cstart = toks[lo].start
        cut = text.rfind("،", cstart, toks[k].start)
        cend = cut if cut > cstart else toks[k].start
    np_end = _np_extend(doc, j, wend, v)
    row = _row(doc, sid, toks[k], toks[j].start, toks[np_end - 1].end, cstart, cend, "attribution")
    row["subject"] = "after"
    return row, wend


_OPENERS, _CLOSERS = "«“\"", "»”\""


def _source_then_clause(doc: Doc, k: int, j: int, hi: int, v) -> int:
    """For an attribution with و inside a sentence (…، وبحسب مصادر أمنية فإن الوزير …، وحسب الاتفاق فسوف …): the
    token where the clause it vouches for starts (after a comma, or a فـ + particle such as فإن / فقد / فسوف that
    follows the source starting at token ``j``), or -1 when the source ends the sentence (…، وفق ما ذكرت الوكالة).

    >>> d = Doc("t", "ارتفعت الأسعار، وبحسب مصادر تجارية فإن الطلب تراجع")
    >>> d.tokens[_source_then_clause(d, 2, 3, len(d.tokens), vocabulary())].text
    'فإن'
    """
    toks, text = doc.tokens, doc.text
    w = toks[k].norm
    if w[:1] != "و" or not (w[1:] in v["attributions"] or w[1:] in v["pair_first"]):
        return -1
    for x in range(j + 1, min(hi, j + 25)):
        gap = _gap(text, toks[x - 1], toks[x])
        if re.search(r"[.؛:]", gap):
            return -1
        n = toks[x].norm
        if "،" in gap or "," in gap:
            return x if x + 1 < hi else -1
        if n[:1] == "ف" and (n in v["complementizers"] or n[1:] in ("قد", "سوف", "ان", "انه", "انها", "لا", "لن")):
            return x
    return -1


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
    while ce > cs and text[ce - 1] in "»”" and text[cs:ce].count(text[ce - 1]) > text[cs:ce].count(
            "«" if text[ce - 1] == "»" else "“"):
        ce -= 1  # قال: «… قال لي الرئيس إن الحدود مفتوحة».: the outer quotation's closing mark is not the inner's
        while ce > cs and text[ce - 1] in " \t،,.:؛":
            ce -= 1
    span = text[cs:ce]
    while (ce < len(text) and text[ce] in _CLOSERS and sum(span.count(c) for c in "«“") > sum(
            span.count(c) for c in "»”") + 0) or (ce < len(text) and text[ce] == '"' and span.count('"') % 2 == 1):
        ce += 1  # and so does the closing one
        span = text[cs:ce]
    return {"article_id": doc.article_id, "sentence_id": sid, "cue": cue_tok.text, "cue_start": cue_tok.start,
            "window_start": ws, "window_end": we, "start": cs, "end": ce, "mode": mode,
            "sentence_start": doc.sentences[sid][0], "subject": "none", "channel_start": -1, "channel_end": -1,
            "weak": False}


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
    quotes, tables["mentions"], tables["actors"] = speaker_actors(quotes, tables["mentions"], tables["actors"],
                                                                  tables["articles"], tables.get("sentences"))
    tables["quotes"] = quotes
    tables["flags"] = consistency_flags(quotes, tables["actors"], tables["articles"])
    return tables


def _after_cue(text: str, start: int) -> bool:
    """Does a speech verb stand right before ``start`` (قال لي، أكد له)?

    >>> _after_cue("وقال لي الرئيس", 5), _after_cue("السيدة لي", 7)
    (True, False)
    """
    before = text[max(0, start - 20):start].split()
    return bool(before) and _cue_kind(norm(before[-1])) in ("speech", "continuation")


class _Context:
    """What resolving one corpus's speakers needs: actor kinds, affiliations and roles, texts, mention spans."""

    def __init__(self, mentions: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> None:
        ids = actors["actor_id"].tolist()  # plain lists: iterating pandas string arrays is slow
        self.kinds = dict(zip(ids, actors["kind"].tolist(), strict=True))
        self.affil = dict(zip(ids, actors["affiliation"].fillna("").tolist(), strict=True))
        self.roles = dict(zip(ids, actors["role_ar"].fillna("").tolist(), strict=True))
        self.texts = dict(zip(articles["article_id"].tolist(), articles["text"].tolist(), strict=True))
        # mention_spans(mentions) by hand from plain lists: iterating Arrow string columns dominated this step
        self.by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        stop = vocabulary()["np_stop"]
        # the id columns read through their distinct values (pd.factorize): turning 54,000 Arrow strings into
        # Python ones each dominated this step; a missing id keeps a code of its own
        art_codes, art_ids = pd.factorize(mentions["article_id"], use_na_sentinel=False)
        act_codes, act_ids = pd.factorize(mentions["actor_id"], use_na_sentinel=False)
        art_names, act_names = art_ids.tolist(), act_ids.tolist()
        for a, st, en, c in zip(art_codes.tolist(), mentions["start"].tolist(), mentions["end"].tolist(),
                                act_codes.tolist(), strict=True):
            aid = art_names[a]
            if en - st <= 3 and norm(self.texts.get(aid, "")[st:en]) in stop and _after_cue(
                    self.texts.get(aid, ""), st):
                continue  # قال لي: a pronoun the tagger took for a name (لي) never speaks (السيدة لي does)
            self.by_article[aid].append((int(st), int(en), act_names[c]))
        self._spans: _Spans | None = None
        #: (article_id, actor_id) → "f" / "m", learned from the verbs they were the explicit subject of (قالت فلانة)
        self.genders: dict[tuple[str, str], str] = {}
        self.speaker_genders: dict[tuple[str, str, str], str] = {}

    def spans(self, article_id: str) -> _Spans:
        """The article's mentions with bisected look-ups (candidates come article by article)."""
        if self._spans is None or self._spans.article_id != article_id:
            self._spans = _Spans(article_id, self.by_article.get(article_id, []), self.kinds, self.affil)
        return self._spans


_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:[وف]?(?:في|من|الى|إلى|على|علي|عن|مع|مع|لدى|نظيره|نظيرها|بين|ضد))\s*$"
                                 r"|[بل]\S*$")


@lru_cache(maxsize=100_000)  # bounded: one entry per word type
def _norm_word(word: str) -> str:
    return norm(word)


def _phrase_words(text: str) -> list[str]:
    return list(_phrase_words_cached(text))


@lru_cache(maxsize=50_000)  # bounded: the same phrases are read by many rules of one candidate
def _phrase_words_cached(text: str) -> tuple[str, ...]:
    return tuple(_norm_word(w) for w in _RAW_WORD.findall(text))


#: «one of» and «some of» before a plural head (إحدى الصحف، بعض القنوات): normalized
_ONE_OF = frozenset({"احد", "احدي", "بعض"})


def _head_in(words: list[str], table: Container[str]) -> bool:
    """Does the phrase open with an entry of ``table`` (one or two words, clitics removed)?"""
    if not words:
        return False
    second = words[1] if len(words) > 1 else ""
    if isinstance(table, frozenset):  # the vocabulary's tables: the answer for a pair of words is kept
        return _head_in_table(words[0], second, table)
    return _head_in_words(words[0], second, table)


@lru_cache(maxsize=100_000)  # bounded: one entry per (first words, table)
def _head_in_table(first_word: str, second: str, table: frozenset[str]) -> bool:
    return _head_in_words(first_word, second, table)


def _head_in_words(first_word: str, second: str, table: Container[str]) -> bool:
    first = clitic_variants(first_word, 2)
    two = f"{first[-1]} {second}" if second else ""
    return any(f in table for f in first[:2]) or first[-1] in table or (bool(two) and (
        f"{first_word} {second}" in table or two in table))


def _speaker(c: dict, ctx: _Context) -> list[tuple[str, str, str, str, int]] | None:
    """``[(speaker, surface, kind, affiliation, surface_end), …]`` for one candidate (two or more when the
    subject is coordinated: وقال الجبير ولافروف …), [] when it continues the previous speaker, None to drop it."""
    v = vocabulary()
    lex = lexicon()
    aid, text = c["article_id"], ctx.texts[c["article_id"]]
    sp = ctx.spans(aid)
    ws, we = c["window_start"], c["window_end"]
    if c["mode"] in ("continuation", "interview") or c["subject"] in ("none", "issuer") or we <= ws:
        return []
    np = text[ws:we]
    words = _phrase_words(np)
    if not words:
        return []
    if c["subject"] == "after" and len(words) > 1 and words[0] in lexicon().object_pronouns:
        ws += len(np) - len(np.lstrip()) + len(np.split()[0])  # ويقول لك قادة التنظيم: to you; they speak
        ws += len(text[ws:we]) - len(text[ws:we].lstrip())
        np = text[ws:we]
        words = words[1:]
    inside = [m for m in sp.between(ws, we) if ctx.kinds.get(m[2]) not in ("place", None)]
    if c["mode"] == "headline" and (not inside or (inside[0][0] > ws and _phrase_words(text[ws:inside[0][0]])[0]
                                                   not in vocabulary()["title_first"])):
        return None  # a dateline or a label before a colon (رابط الخبر بصحيفة …:), not a speaker
    people = [m for m in inside if ctx.kinds.get(m[2]) == "person" and not _in_institution(text, m[0])
              and not _body_named(text[m[0]:m[1]], 1)]
    others = [m for m in inside if ctx.kinds.get(m[2]) != "person"]
    first = words[0]
    if c["subject"] in ("after", "before") and clitic_variants(first, 2)[-1] in v["country_pairs"]:
        pair = _last_two_countries(c["cue_start"], sp, ctx)
        if pair:  # وأكد البلدان أن …: the two countries the article named last, not the last person named
            return [(m[2], text[m[0]:m[1]], "country", "", we) for m in pair]
    if c["subject"] == "after" and len(words) == 1 and _ADVERBIAL_PARTICIPLE.fullmatch(first):
        return []  # وقال معقباً: «…»: a participle of manner, no subject; the speaker goes on
    if c["subject"] == "after" and first in v["addressee_markers"]:
        return []  # وقال مخاطباً الرئيس فلان: the one spoken to; the speaker quoted before goes on
    if c["subject"] == "after" and _to_medium(first, v) and 0 <= c.get("channel_start", -1) <= ws + 1:
        return []  # وقال لبرنامج «…»: no subject; the medium spoken to is the channel, the speaker goes on
    takes_object = clitic_variants(norm(c["cue"]), 2)[-1] in v["object_verbs"]
    if c["subject"] == "after" and (_object_form(first, takes_object) or (takes_object and (_people_called_on(
            words, text, we) or _accusative_people(first)))):
        return []  # ودعت المتقدمين إلى …، وأشاد بمقاتلي المقاومة، حث المرضى على …: the verb's object; the
        # previous speaker goes on
    if not people and c["subject"] in ("after", "before") and not (
            {words[0], *clitic_variants(words[0], 2)} & v["relation_heads"]):
        named = _name_after(text, sp, ctx, we, c["start"])
        if named:  # المتحدث الرسمي بقيادة حرس الحدود بالمنطقة الشرقية النقيب فلان: the office holder named after it
            if _complement_then_title(text[we:named[0]]) != text[we:named[0]] or _QUOTED_OFFICE_BODY.match(
                    text[we:named[0]]):
                # المسؤول عن البرنامج الدكتور فلان: the title names its holder, even after an unnamed source's noun
                return [(named[2], text[ws:named[1]], "person", "", named[1])]
            we = named[1]
            np = text[ws:we]
            words = _phrase_words(np)
            inside = [m for m in sp.between(ws, we) if ctx.kinds.get(m[2]) not in ("place", None)]
            people = [m for m in inside if ctx.kinds.get(m[2]) == "person" and not _in_institution(text, m[0])]
            others = [m for m in inside if ctx.kinds.get(m[2]) != "person"]
    if first in v["subject_pronouns"] or first in v["anaphors"]:
        want = _pronoun_gender(first)
        if want and c["subject"] == "after" and cue_gender(c["cue"]) not in ("", want):
            return []  # قالت هو تنظيم …: a pronoun of the other gender after the verb opens the content
        last = _honoured(first, c["cue_start"], text, sp, ctx) or (
            _circumstantial_person(c, first, want, text, sp, ctx)) or (
            _last_agreeing(c["cue_start"], want, text, sp, ctx) if want else sp.last_person_before(c["cue_start"]))
        if not last:
            return []
        return [(last[2], np.strip(), ctx.kinds.get(last[2], "person"), "", we)]
    agency = _agency_by_nisba(first) if len(words) == 1 and (
        c["mode"] == "attribution" or np.strip()[:1] in _QUOTE_CHARS) else ""
    if agency:  # وبحسب «الفرنسية»: the agency the press calls by its country's adjective, not the country
        return [(agency if agency in ctx.kinds else "", np, "media", "", we)]  # an actor only where one is
    again = _body_named_again(c, words, ws, we, text, sp, ctx) if not people else None
    if again:  # وقالت الشركة: the body of that head the article named before
        return [again]
    fuller = _body_name_completed(words, ws, we, text, sp, ctx) if not people else None
    if fuller:  # أعلنت المديرية العامة للجوازات: the complement is part of the body's name
        return [fuller]
    country_of = next((m for m in inside if ctx.kinds.get(m[2]) == "country"), None)
    aff_actor = (others or people or [("", "", "")])[0][2]
    if _head_in(words, v["media_heads"]) or (words[0] in _ONE_OF and _head_in(words[1:], v["media_heads"])) or (
            inside and inside[0][0] == ws and ctx.kinds.get(inside[0][2]) == "media") or (
            _head_in(words, v["written_pieces"]) and any(ctx.kinds.get(m[2]) == "media" for m in inside)):
        # ويرى مقال «الغارديان»: the medium speaks through its article
        media = next((m for m in inside if ctx.kinds.get(m[2]) == "media"), None)
        end = max(we if not inside else max(m[1] for m in inside), ws)
        named = _QUOTED_NAME.match(text, end, we + 2) if not media and inside and ctx.kinds.get(
            inside[-1][2]) == "country" and end == inside[-1][1] else None
        if named:  # وكالة الفضاء والطيران الأمريكية "ناسا" نجاح …: the phrase ends at the body's quoted name
            end = named.end()
        bracketed = _BRACKETED_NAME.match(text, we) if not media and not named and len(words) == 1 else None
        if bracketed:  # صحيفة (لاستامبا) الإيطالية: the medium's name in brackets is part of its phrase
            end = bracketed.end()
            media = next((m for m in sp.between(we, end) if ctx.kinds.get(m[2]) in ("media", "organization")
                          and m[1] <= end), None)
            return [(media[2] if media else "", text[ws:end], "media", "", end)]
        if not media and _government_agency(words, v):  # … "ناسا": a public agency is an organization
            body = next((m for m in inside if ctx.kinds.get(m[2]) in ("organization", "group")), None)
            return [(body[2] if body else "", text[ws:end] if named else np, "organization",
                     "" if body else (country_of[2] if country_of else ""), end)]
        return [(media[2] if media else "", text[ws:end] if media or named else np, "media",
                 "" if media else (country_of[2] if country_of else ""), end)]
    work = _titled_work(text, ws, we, words, inside, v)
    if work:  # كتاب «طالبان من الداخل» يشير: the book speaks, not the group in its title
        return [("", text[ws:work], "document", "", work)]
    titled = first in v["title_first"] or first + "." in v["title_first"] or clitic_variants(first, 2)[
        -1] in v["title_first"] or (
        clitic_variants(first, 2)[0] in v["person_heads"] and not first.startswith("ال"))  # مدير قناة …
    if c["subject"] == "relative" and people:  # … رئيس النادي موسى كاماو الذي أعلن: the person nearest الذي
        return [(people[-1][2], text[people[-1][0]:people[-1][1]], "person", "", people[-1][1])]
    if c["subject"] == "name":  # بان كي مون: a name that starts with a function word
        return [("", np, "person", "", we)]
    if c["mode"] == "after_speaker" and c["subject"] != "before" and not people and not others and not (
            len(words) > 1 and first in _office_firsts() and _body_word(np.split()[1])) and not (
            _medium_holder_phrase(words, text, ws, we, v)):
        # (رئيس نادي الباطن: a title in construct with a body is one phrase; so is المدير العام لقناة «…» فلان)
        we = _leading_run(text, ws, we)  # وأكد المتحدث الأمني إحباط …: the object starts at the indefinite word
        np = text[ws:we]
        words = _phrase_words(np)
    if not (titled and people) and (_head_in(words, lex.unnamed) or clitic_variants(first, 2)[-1] in lex.unnamed):
        end = _unnamed_end(text, ws, we)
        opening = next((m for m in others if m[0] == ws and ctx.kinds.get(m[2]) in ("organization", "group")), None)
        if opening:  # وأكد المرصد السوري: a known organization, not an unnamed source
            return [(opening[2], text[ws:opening[1]], ctx.kinds[opening[2]], "", opening[1])]
        named = _definite_head_name(text, ws, end)
        if named:  # المسؤول الانفصالي فلان: the office, then its holder's name
            person = next((m for m in people if m[0] == named[0]), None)
            return [(person[2] if person else "", text[ws:named[1]], "person", "" if person else aff_actor,
                     named[1])]
        closing = _closing_person(text, ws, end, people)
        if closing:  # خبير الزلازل المشهور فلان: an unnamed source's noun, then the person's name closes the phrase
            return [(closing[2], text[ws:closing[1]], "person", "", closing[1])]
        following = _followed_by_name(c, ctx, ws, we, aff_actor)
        if following:  # وأكد المسؤول عن القاعة، فلان الفلاني، أن: the office, then its holder set off by commas
            return [following]
        holder = _holder(words, c["cue_start"], text, sp, ctx, ws)
        if holder:  # وأضاف المتحدث: the spokesman the article named before
            return [(holder[2], text[ws:end], "person", "", end)]
        return [("", text[ws:end], "unnamed", aff_actor, end)]
    if _head_in(words, v["documents"]):
        issuers = inside
        if words[-1] in ("الصادر", "الصادره", "صادر", "صادره") and re.match(r"\s+عن\s", text[we:we + 5]):
            issuers = [m for m in sp.between(we + 1, we + 6) if ctx.kinds.get(m[2]) not in ("place", None)]
            if issuers:
                we = issuers[0][1]
                np = text[ws:we]
        issuer = next((m for m in issuers if ctx.kinds.get(m[2]) in ("organization", "country", "group", "person",
                                                                      "media")),
                      None)
        if not issuer:  # الوثيقة التي قدمتها كينيا: the state or body the relative clause names issued it
            issuer = next((m for m in sp.between(we, min(c["start"], we + 60))
                           if ctx.kinds.get(m[2]) in ("organization", "country", "group", "person")
                           and _ISSUED_BY.fullmatch(text[we:m[0]])), None)
            if issuer:
                we = issuer[1]
                np = text[ws:we]
        return [(issuer[2] if issuer else "", np, "document", "", we)]
    if people and len(words) > 2 and clitic_variants(first, 2)[-1] in ("احد", "احدي", "بعض") and not words[
            1].startswith("ال") and _phrase_words(text[people[0][0]:people[0][1]])[:1] != words[1:2]:
        return [("", np, "unnamed", "", we)]  # أحد محامي فلان: one of his lawyers (in construct), not him
    if people and len(words) >= 2 and not _definite(first) and (
            {first, *clitic_variants(first, 2)} & v["relation_heads"]) - _NAME_PARTS and re.fullmatch(
            r"\s*\S+\s+", text[ws:people[0][0]]):
        return [("", text[ws:people[0][1]], "unnamed", "", people[0][1])]  # محامي ميليسا: her lawyer, not her
    if people and _principal_named(_phrase_words(text[ws:people[0][0]]), v):
        named = _COMMA.split(text[ws:people[0][0]], 1)
        if len(named) == 2 and _plain_name(named[0]):  # فلان، مستشار الرئيس روحاني: the aide named before
            return [("", named[0].strip(), "person", "", we)]
        return [("", np, "unnamed", "", we)]  # مستشار مكتب الرئيس ماكرون: an aide, not Macron
    if people and len(words) > 2 and words[1].startswith("ال") and (
            {first, first.removeprefix("و")} & (v["relation_heads"] - _OFFICE_RELATIONS)):
        return [("", np, "unnamed", "", we)]  # والدة اللاعب فلان: his mother speaks, not the player
    led = _led_body(text, ws, people, others, ctx)
    if led:  # مجلس إدارة النادي برئاسة فلان: the board speaks, not its chairman
        return [(led[2], text[ws:people[0][1]], ctx.kinds[led[2]], "", people[0][1])]
    if people:
        chosen = [people[0]]
        for m in people[1:]:  # coordinated subjects: الجبير ولافروف
            if re.fullmatch(r"\s*و", text[chosen[-1][1]:m[0]]):
                chosen.append(m)
        return [(m[2], text[ws:m[1]] if i == 0 else text[m[0]:m[1]], "person", "", m[1])
                for i, m in enumerate(chosen)]
    if _apposed_name_tail(np):  # مطور الألعاب، نائب المدير العام في شركة …، السعودي عبد الله حامد
        return [("", np, "person", aff_actor, we)]
    if first.startswith("ال") and first in v["person_heads"] and len(words) > 1 and not words[1].startswith("ال"):
        return [("", np, "person", aff_actor, we)]  # المواطن فهد العنزي: a person arnews has no actor for
    if titled or (not people and first.startswith("ال") and first in v["person_heads"] and len(words) > 1
                  and _body_named(" ".join(words[1:]))):
        # المدرب السابق لنادي …: the coach speaks (the one the article named), not his club
        tail = _phrase_words(text[inside[-1][1]:we])[:2] if inside else []
        if len(tail) == 2 and tail[0] in ("في", "خلال") and tail[1] in v["channel_openers"]:
            we = inside[-1][1]  # the title ends before «في حديثه لإذاعة …»
            np = text[ws:we]
        return [_office(c, ctx, words, np, inside, ws, we)]
    if len(words) == 1 and first.startswith("ال") and np.strip(" «»\"").endswith("ي") and first not in (
            lex.unnamed | v["not_surnames"]) and all(ctx.kinds.get(m[2]) == "country" for m in others):
        # الأحمدي، الصيني alone: a surname (nisba), the person the article named with it, never a country
        return [(_surname_ref(first, ws, text, sp, ctx), np, "person", "", we)]
    if _head_in(words, v["local_bodies"]):
        body = next((m for m in others if ctx.kinds.get(m[2]) in ("organization", "group", "media")
                     and m[0] - ws < 40), None)
        if body:
            return [(body[2], text[ws:max(body[1], ws)], ctx.kinds[body[2]], "", body[1])]
        named = _named_org(first, ws, text, sp, ctx) if len(words) == 1 else None
        if named:  # البنك: the bank the article named before
            return [(named[2], np, ctx.kinds[named[2]], "", we)]
        country = next((m[2] for m in others if ctx.kinds.get(m[2]) == "country"), "")
        return [("", np, "organization", country, we)]
    if len(words) == 1 and others and ctx.kinds.get(others[0][2]) in ("organization", "group"):
        surname = _surname_ref(first, ws, text, sp, ctx)
        if surname:  # وأوضح "العمري": the person named before with that family name, not a body
            return [(surname, np, "person", "", we)]
    if others:
        o = others[0]
        lead = _phrase_words(text[ws:o[0]])
        if _name_then_office(lead, v):  # فلان الفلاني رئيس شركة «…»: the man named, not his company
            return [("", np, "person", "", we)]
        posted = _posted_holder(text, we, c["start"]) if len(lead) == 1 and o[1] >= we - 1 and (
            _human_word(lead[0]) and not _head_in(lead, lex.unnamed)) else None
        if posted:  # مراسلة قناة الجزيرة في واشنطن فلانة الفلانية إن: the correspondent named, not the channel
            return [("", text[ws:posted], "person", "", posted)]
        body = _country_body(lead or _phrase_words(text[o[0]:o[1]])[:1]) if ctx.kinds.get(o[2]) == "country" else ""
        if body:  # الشرطة الكينية، مكتب النائب العام المكسيكي: a body of the country speaks, not the country
            tail = _phrase_words(text[o[1]:we])
            end = we if tail and len(tail) <= 3 and tail[0].startswith("ل") else o[1]  # المرصد السوري لحقوق الإنسان
            return [("", text[ws:end], body, o[2], end)]
        if lead and ctx.kinds.get(o[2]) == "country" and not (_head_in(lead, v["organization_heads"]) or _head_in(
                lead, v["media_heads"]) or _head_in(lead, lex.org_heads)):
            if _head_in(lead, v["institution_heads"]) and not _human_phrase(lead):
                return [("", np, "organization", o[2], we)]  # المرصد السوري: a body of that country
            return [("", np, "unnamed", o[2], we)]  # المهندسون السعوديون: people of a country, not the country
        if lead and ctx.kinds.get(o[2]) == "country" and _NISBA.fullmatch(text[o[0]:o[1]]) and _head_in(
                [w.removeprefix("ال") for w in lead], v["institution_nouns"]):
            return [("", np, "organization", o[2], we)]  # المعهد السعودي للدراسات: a body, not the country
        if lead and _human_word(lead[0]) and not _head_in(lead, lex.unnamed) and ctx.kinds.get(o[2]) in (
                "organization", "group"):  # مدرب النادي الأهلي، لاعب برشلونة السابق: a person of the body speaks
            holder = _holder(lead, c["cue_start"], text, sp, ctx, ws)
            return [(holder[2], np, "person", "", we) if holder else ("", np, "unnamed", o[2], we)]
        return [(o[2], text[ws:max(o[1], ws)], ctx.kinds.get(o[2], ""), "", o[1])]  # شركة «سافاري»
    if _head_in(words, v["organization_heads"]) or _head_in(words, lex.org_heads):
        named = _named_org(first, ws, text, sp, ctx) if len(words) == 1 else None
        if named:  # التحالف: the coalition the article named
            return [(named[2], np, ctx.kinds[named[2]], "", we)]
        return [("", np, "organization", "", we)]
    raw = np.split()[-1].strip(" «»\"“”،,.:") if np.split() else ""
    named = _name_ref(words, ws, text, sp, ctx) if c["mode"] != "attribution" and raw and text.find(
        raw.removeprefix("و"), max(0, ws - 20_000), ws) >= 0 else ""  # the word was written before: cheap test first
    if named:  # العامر، أليكسيس: part of the name of a person the article named before
        return [(named, np, "person", "", we)]
    if _looks_like_name(words) or (c["mode"] != "attribution" and _plain_name(np)):
        return [("", np, "person", "", we)]  # a name arnews does not know
    if c["mode"] == "attribution" or (c["subject"] == "relative" and not (
            set(norm(text[we:c["cue_start"]]).split()) & _HUMAN_RELATIVES)):
        return None  # استناداً إلى المشروع العربي: a basis, not a source; النظر لقضية التي يشير إليها …: an object
        # (الذين is said of people only: النواب الذين يقولون … keeps its unnamed speaker)
    return _unknown_phrase(c, words, np, we, text, ctx)


def _principal_named(lead: list[str], v) -> bool:
    """Do the normalized words before a name in a speaker's phrase end on a principal's title in construct with an
    aide's noun (مستشار الرئيس، مدير مكتب الرئيس، المتحدث باسم الملك), so that the name is the principal's?

    >>> v = vocabulary()
    >>> _principal_named(["مستشار", "مكتب", "الرئيس"], v), _principal_named(["نائب", "الرئيس"], v)
    (True, False)
    >>> _principal_named(["المستشار", "الرئيس"], v)  # المستشار الرئيس: a title, then another
    False
    >>> _principal_named(["المتحدث", "باسم", "الملك", "الاردني"], v)
    True
    """
    lead = lead[:]
    for _ in range(2):  # المتحدث باسم الرئيس الأمريكي فلان: the principal's nisba after his title
        if len(lead) >= 3 and lead[-1].startswith("ال") and lead[-1].endswith(("ي", "يه")) and lead[-1] not in (
                v["principal_titles"]):
            lead.pop()
    return len(lead) >= 2 and lead[-1] in v["principal_titles"] and not _definite(lead[-2]) and strip_clitics(
        lead[-2]) in v["aide_heads"]


_TITLE_AFTER = re.compile(r"\s*[«“\"][^«»“”\"\n]{1,80}[»”\"]")


def _titled_work(text: str, ws: int, we: int, words: list[str], inside: list, v) -> int:
    """Where a speaker's phrase that is a work and its quoted title ends (كتاب «طالبان من الداخل»، دراسة «إيران
    والخليج»), when every name found in the phrase is inside that title; 0 otherwise.

    >>> t = "كتاب «طالبان من الداخل» يشير"
    >>> _titled_work(t, 0, 22, ["كتاب", "طالبان", "من", "الداخل"], [(6, 12, "group:taliban")], vocabulary())
    23
    """
    head = words[0].removeprefix("و") if words else ""
    if not (head in v["titled_works"] or head in v["documents"] or head in v["information_sources"]
            or head in v["written_pieces"]):
        return 0
    title = _TITLE_AFTER.match(text, ws + len(text[ws:we]) - len(text[ws:we].lstrip()) + len(text[ws:we].split()[0]))
    if not title or not inside or any(not title.start() <= m[0] < title.end() for m in inside):
        return 0
    return title.end()


def _genitive_content(words: list[str]) -> bool:
    """Are the normalized words after a verb a noun that is no name, title or body, then a plural of people in the
    genitive (عزم المسؤولين …، حرص المواطنين …): what was said, not who said it (:func:`_genitive_people`)?

    >>> _genitive_content(["عزم", "المسؤولين", "والقائمين"]), _genitive_content(["رافت", "الصباغ", "المتحدث"])
    (True, False)
    """
    v = vocabulary()
    return len(words) >= 2 and not words[0].startswith(("ال", "وال")) and not _human_word(words[0]) and (
        words[0] not in v["title_first"]) and _genitive_people(words[1], v)


def _genitive_people(word: str, v) -> bool:
    """Is this normalized word a definite plural of people in the oblique case (المسؤولين، القائمين، المواطنين)?
    Right after a noun that opens the words after a verb it is that noun's genitive (عزم المسؤولين، حرص
    المواطنين): the phrase is what was said, not a name and its office (an office in apposition to a name is
    singular: فلان المتحدث الرسمي).

    >>> _genitive_people("المسؤولين", vocabulary()), _genitive_people("المتحدث", vocabulary())
    (True, False)
    """
    return (word.startswith("ال") and word.endswith("ين") and len(word) > 6 and word not in v["title_first"]
            and _human_word(word))


_POSTED = re.compile(r"\s+في\s+\S+\s+(\S+(?:\s+\S+){1,2}?)\s*[،,]?\s*(?:إن|أن|بأن|:)")


def _posted_holder(text: str, we: int, content: int) -> int:
    """After an office in construct with a body (مراسلة قناة الجزيرة), the end of its holder's name when a place
    and a name of two or three words without the article follow it right before the complementizer (… في واشنطن
    فلانة الفلانية إن); 0 otherwise.

    >>> t = "مراسل وكالة الأنباء في القاهرة سامح فوزي إن"
    >>> t[:_posted_holder(t, len("مراسل وكالة الأنباء"), len(t))]
    'مراسل وكالة الأنباء في القاهرة سامح فوزي'
    """
    m = _POSTED.match(text, we, min(len(text), content + 1))
    if not m:
        return 0
    words = [norm(w) for w in m.group(1).split()]
    first = words[0] in lexicon().given_names or (_given_like(words[0]) and _name_word(words[0], True, True))
    if not first or not all(_name_word(w, False, True) for w in words[1:]):
        return 0  # (a known given name may end in ة: هبة، فاطمة)
    return m.end(1)


def _name_then_office(lead: list[str], v) -> bool:
    """Do the normalized words before a body or country in a speaker's phrase open with a name arnews has no actor
    for (one to three words, the first no title, person's noun, body or cue) followed by an office (تروفيم
    غالاكين رئيس شركة …، سيرغي مالوف المدير التنفيذي لـ…)? Then the person speaks, the body is his.

    >>> _name_then_office(["تروفيم", "غالاكين", "رئيس", "شركه"], vocabulary())
    True
    >>> _name_then_office(["نائب", "رئيس", "شركه"], vocabulary()), _name_then_office(["مكتب", "النائب"], vocabulary())
    (False, False)
    >>> _name_then_office(["فاديم", "سوروكين", "المختص", "النفطي"], vocabulary())
    True
    """
    if len(lead) < 2 or not _given_like(lead[0]) or lead[0] in v["title_first"] or _body_word(lead[0]) or any(
            b in v["body_nouns"] or b in lexicon().org_heads for b in clitic_variants(lead[0], 2)):
        return False  # مكتب النائب العام: a body's head, not a name
    for i in range(1, min(len(lead), 4)):
        w = lead[i]
        if w in v["title_first"] or clitic_variants(w, 2)[-1] in v["person_heads"] or w in v["person_heads"]:
            return True  # the office in apposition
        if i == 2 and w.startswith("ال") and _person_noun(w) and not w.endswith(("ون", "ين", "ات")) and (
                w[2:] not in v["human_plurals"]) and not lead[1].endswith("ه"):
            return True  # فاديم سوروكين المختص النفطي: after a name of two words, a person's noun in apposition
        if not _np_word(w) or _human_word(w) or w in v["body_nouns"] or _cue_kind(w):
            return False
    return False


def _object_form(word: str, takes_object: bool = True) -> bool:
    """Is this normalized word, right after a verb, its object rather than its subject: after a verb that takes a
    person as object (دعا، حث، طالب …), a definite sound masculine plural of a participle in the accusative
    (المتقدمين، المشاركين: a subject would be المتقدمون); after any verb, ب + a person's noun (أشاد بمقاتلي)?

    >>> _object_form("المتقدمين"), _object_form("بمقاتلي"), _object_form("المتقدمون"), _object_form("الامين")
    (True, True, False, False)
    """
    if takes_object and word.startswith("ال") and word.endswith("ين") and word[2:3] == "م" and len(word) > 7:
        return True
    return word[:1] == "ب" and len(word) > 4 and word not in lexicon().given_names and (
        _human_word(word[1:]) or (_human_word(word[3:]) and word[1:3] == "ال"))


def _accusative_people(word: str) -> bool:
    """Is this normalized word a definite sound masculine plural of people in the accusative (اللاعبين، المشاركين،
    اليونانيين: a nisba's plural), which after a verb that takes a person as object is that object (the subject
    would end in -ون)? Not a name that ends so (البحرين، الحسين).

    >>> _accusative_people("اللاعبين"), _accusative_people("اليونانيين"), _accusative_people("البحرين")
    (True, True, False)
    """
    return word.startswith("ال") and word.endswith("ين") and len(word) > 6 and (
        word.endswith("يين") or _human_word(word)) and word not in lexicon().given_names


def _people_called_on(words: list[str], text: str, we: int) -> bool:
    """Is the phrase after a verb that takes a person as object (حث، دعا، طالب) a definite broken plural of
    people followed by the verb's preposition (حث المرضى على …، دعا الأهالي إلى …): those called on, not who
    spoke?

    >>> _people_called_on(["المرضي"], "حث المرضى على التعاون", 9)
    True
    """
    if len(words) != 1 or not words[0].startswith("ال"):
        return False
    people = vocabulary()["human_plurals"]
    return (words[0][2:] in people or words[0] in people) and bool(_CALLED_TO.match(text, we))


#: the preposition a call or an appeal takes after its object (حث المرضى على، دعا الأهالي إلى، طالب الشباب بـ)
_CALLED_TO = re.compile(r"\s+(?:على|إلى|الى|ب\S+)")


def _unknown_phrase(c: dict, words: list[str], np: str, we: int, ctx_text: str, ctx: _Context
                    ) -> list[tuple[str, str, str, str, int]] | None:
    """A phrase that is no name, office, organization, medium, document or pronoun arnews knows: people (أحد
    العاملين، الناخبون) are an unnamed speaker, bodies (السلطات) an organization, findings (الدراسة) a document;
    anything else after the verb is its object (وحث أوروبا على …) and the previous speaker goes on, anything
    else before it is no speaker (كما يقول المثل)."""
    v = vocabulary()
    if c["subject"] == "after" and clitic_variants(norm(c["cue"]), 2)[-1] in v["object_first"] and not (
            _human_phrase(words)):
        return []  # ووصفت معايير الخصوصية بأنها …: the object, the subject is the previous speaker
    if _human_phrase(words):
        if len(words) >= 2 and _surname_like(words[-1]):  # الفلكي الزعاق: a title and a family name named before
            ref = _name_ref(words[-1:], c["cue_start"], ctx_text, ctx.spans(c["article_id"]), ctx)
            if ref or _named_before(np.split()[-1], ctx_text, c["cue_start"], loose=False):
                return [(ref, np, "person", "", we)]
        following = _followed_by_name(c, ctx, c["window_start"], we, "")
        if following:  # وأكد المشرف على القاعة، فلان الفلاني، أن
            return [following]
        named = _closing_name(ctx_text, c["window_start"], we)
        if named:  # المدير التنفيذي مساعد العتيبي، الضابط أمحمد: the office, then its holder's name
            person = next((m for m in ctx.spans(c["article_id"]).between(*named) if m[0] == named[0]
                           and ctx.kinds.get(m[2]) == "person"), None)
            return [(person[2] if person else "", ctx_text[c["window_start"]:named[1]], "person", "", named[1])]
        holder = _holder(words, c["cue_start"], ctx_text, ctx.spans(c["article_id"]), ctx, c["window_start"])
        if holder:  # وأضافت الفنانة: the artist the article named before
            return [(holder[2], np, "person", "", we)]
        return [("", np, "unnamed", "", we)]
    if _head_in(words, v["human_quantifiers"]) and len(words) > 1 and _head_in(words[1:], v["institution_heads"]):
        return [("", np, "organization", "", we)]  # إحدى شركات السمسرة
    if _head_in(words, v["human_quantifiers"]) and len(words) > 1 and _head_in(words[1:], v["information_sources"]):
        return [("", np, "document", "", we)]  # إحدى الدراسات الحديثة
    if not words[0].startswith(("ال", "وال")) and not words[0].endswith("ه") and _np_word(words[0]) and not (
            clitic_variants(words[0], 2)[-1] in v["human_quantifiers"] or words[0] in _SAME
            or _head_in(words, v["information_sources"])) and any(  # تقارير صحافية: reports, not a name
            _human_word(w) and not clitic_variants(w, 2)[-1].startswith("مصدر") for w in words[1:5]):
        if c["subject"] == "after" and c["mode"] == "after_speaker" and _genitive_content(words):
            return []  # وأكد عزم المسؤولين على …: a verbal noun and its genitive, the content; the speaker goes on
        return [("", np, "person", "", we)]  # رأفت الصباغ المتحدث الرسمي: a name, then the office in apposition
    if _head_in(words, v["institution_heads"]):
        return [("", np, "organization", "", we)]
    if _head_in(words, v["information_sources"]):
        return [("", np, "document", "", we)]
    if len(words) == 1 and _surname_like(words[0]) and _named_before(np, ctx_text, c["cue_start"]):
        return [("", np, "person", "", we)]  # وأضاف الشمسان أن …: a family name arnews has no actor for
    if c["subject"] == "after" and c["mode"] != "after_speaker" and len(words) == 2 and _given_like(
            words[0]) and _surname_like(words[1]) and words[0] not in v["documents"]:
        return [("", np, "person", "", we)]  # وقال فهد الغامدي إن …: a given name and a family name
    if c["subject"] == "after" and c["mode"] != "after_speaker" and len(words) == 1 and _recurring_name(
            words[0], np.strip(" «»\"“”،,"), ctx_text):
        return [("", np, "person", "", we)]  # نوه سميث إن …، وقالت باشطح: a name the tagger missed
    if c["subject"] == "before" and _coordinated_people(words):
        return [("", np, "unnamed", "", we)]  # لكن الأحزاب اليسارية والمنظمات الحقوقية … تعتبر أن: a group
    if len(words) == 1 and words[0] in v["state_nouns"] and cue_gender(c["cue"]) == "f":
        return [("", np, "organization", "", we)]  # وشددت الدولة على …: the state, which the verb agrees with
    if c["subject"] == "after" and c["mode"] == "after_speaker":
        return []  # the phrase opens the content (وحث أوروبا على …): the previous speaker goes on
    return None  # وتشير المبادرة إلى أن …، كما يقول المثل: a subject that is no speaker, no statement


def _coordinated_people(words: list[str]) -> bool:
    """Is a subject before its verb a coordination whose second member, within its first four words, is a phrase of
    people or bodies (الأحزاب اليسارية والمنظمات الحقوقية في عدة مدن)? Then the whole is an unnamed group.

    >>> _coordinated_people(["اليسار", "الاوروبي", "والمنظمات", "الحقوقيه"])
    True
    >>> _coordinated_people(["اليسار", "الاوروبي"])
    False
    """
    for i in range(1, min(len(words), 4)):
        w = words[i]
        if w.startswith("وال") and w[:4] not in _WAL_WORDS and _human_phrase([w[1:], *words[i + 1:]]):
            return True
    return False


#: heads that never stand for one person named before (sources stay unnamed)
_NEVER_HOLDERS = frozenset({"مصدر", "مصادر", "المصدر", "المصادر", "شاهد", "الشاهد", "البعض", "الكثير", "العديد",
                            "الرجل", "المراه", "الشاب", "الفتاه", "الطفل", "الطفله", "الشخص", "الانسان", "السيده"})


def _holder(words: list[str], offset: int, text: str, sp: _Spans, ctx: _Context, phrase_start: int = 1 << 62
            ) -> tuple[int, int, str] | None:
    """The person an office or a person's noun with the article stands for (المتحدث، الفنانة، المشرف): the
    nearest person before ``offset`` written with that noun (and the word after it) right before or after the
    name (المتحدث الرسمي … النقيب فلان، فلان، المشرف على …); None for an indefinite, plural or source noun."""
    v = vocabulary()
    first = words[0][1:] if words[0].startswith(("وال", "فال")) and not words[0].startswith("والد") else words[0]
    head = first.removeprefix("ال")
    construct = len(words) > 1 and not first.startswith("ال") and first in _office_firsts() and (
        words[1].startswith("ال") or _place_word(words[1]))  # أمين جدة، رئيس المحكمة: made definite by its genitive
    if not (first.startswith("ال") or construct) or first in _NEVER_HOLDERS or (not construct and first.endswith((
            "ون", "ين", "ات"))) or (
            head in v["human_plurals"] or first in v["human_plurals"]) or head.startswith(("عائل", "اسر", "اهل")) or (
            first in v["relation_heads"]):
        return None  # والدة فلان is his mother, العائلة his family: never the person named
    tail = words[-2:]
    if len(words) > 2 and (all(not w.startswith("ال") and _np_word(w) and w not in lexicon().stop for w in tail)
                           or {"بن", "ابن"} & set(words)):
        return None  # المتحدث باسم الدوائر … مارسيل مندي: the phrase names its own holder
    second = [w.removeprefix("ال") for w in words[1:2] if _np_word(w) and w not in lexicon().stop]
    for m in reversed(sp.between(max(0, offset - 20_000), offset)):
        if m[1] > offset or ctx.kinds.get(m[2]) != "person":
            continue
        before = _phrase_words(re.split(r"[:«»\"“”.؛()]", text[max(0, m[0] - 80):m[0]])[-1])[-10:]
        # after the name, up to the speaker's own phrase (… فلان إن الرئيس أكد: الرئيس is not named with فلان)
        after = _phrase_words(re.split(r"[:«»\"“”.؛()]", text[m[1]:max(m[1], min(m[1] + 50, phrase_start))])[0])[:4]
        near = {clitic_variants(w, 2)[-1].removeprefix("ال") for w in before + after} | {
            w.removeprefix("ال") for w in before + after}
        if head in near and all(w in near for w in second):
            if head in _phrase_words(text[m[1] + 50:offset]):
                return None  # قال مسؤول … وأضاف المسؤول: an unnamed one introduced since
            return m
    return None




def _topic_before(c: dict, ctx: _Context) -> bool:
    """Whether a present speech verb without a subject after it has a subject before it that names no one: its
    sentence opens with a short noun phrase (no verb, no person, body, medium or country named in it) set off by a
    comma or right before the verb (نظرة سريعة إلى الحضور، تشير إلى أن …; عمل احترافي يؤكد أن …): a thing that
    "shows", the writer's observation, not a statement of the speaker quoted before. A pronoun (لكنه يقول), a
    human noun (حتى المقيمون …، يرون) or a name the tagger missed keeps the statement."""
    cue = norm(c["cue"])
    v = vocabulary()
    if cue[:1] not in "يت" or cue not in v["present"]:
        return False
    text = ctx.texts[c["article_id"]]
    prefix = text[c["sentence_start"]:c["cue_start"]]
    words = _phrase_words(prefix)
    if not 1 <= len(words) <= 6 or words[0][:1] in "وف" or not (prefix.rstrip().endswith(("،", ",")) or len(
            words) <= 3):
        return False
    lex = lexicon()
    if any(w in v["clause_words"] or w.startswith(("لكن", "ولكن", "فان", "وان")) or w in v["subject_pronouns"]
           or (_human_word(w) and not (k and words[k - 1] in v["prepositions_before_noun"])) or _cue_kind(w)
           or actors_reads_as_verb(w) for k, w in enumerate(words)) or (
            words[0] in lex.given_names or ner.word_score(words[0]) >= 0):
        return False  # a verb or a particle: no bare noun phrase; a name the tagger missed (هول يؤكد أنه …)
    return not any(ctx.kinds.get(m[2]) not in ("place", None)
                   for m in ctx.spans(c["article_id"]).between(c["sentence_start"], c["cue_start"]))


def _cue_in_place_name(c: dict, ctx: _Context) -> bool:
    """Is the cue word inside a place's name the tagger found (في منطقة ودان، قرب ودان: the town, not وَدان, "and
    condemned")? A verb is never part of a place's name."""
    sp = ctx.spans(c["article_id"])
    i = bisect_right(sp.starts, c["cue_start"]) - 1  # the last mention starting at or before the cue
    return i >= 0 and sp.ms[i][1] > c["cue_start"] and ctx.kinds.get(sp.ms[i][2]) == "place"


def _place_word(word: str) -> bool:
    """Is the normalized word a known place, capital or country (جده، الرياض، قطر)?

    >>> _place_word("جده"), _place_word("الحكومه")
    (True, False)
    """
    e = lexicon().entities.get((word,))
    return e is not None and (e.kind in ("place", "country") or bool(e.capital_of))


def _named_before(surface: str, text: str, offset: int, loose: bool = True) -> bool:
    """Was the family name ``surface`` written before ``offset`` after a given name or بن (خالد الشمسان، محمد بن
    عبدالله الجعيثن)? A common noun (الواقع، النظر) never is.

    >>> _named_before("الشمسان", "قال خالد الشمسان إن … وأضاف الشمسان", 30)
    True
    """
    bare = surface.strip(" «»\"،,").removeprefix("و")
    if not bare:
        return False
    given = lexicon().given_names
    at = text.find(bare, max(0, offset - 20_000), offset)
    while at > 0:
        end = at + len(bare)
        if text[at - 1].isspace() and (end >= len(text) or not text[end].isalnum()):
            before = [norm(w) for w in text[max(0, at - 40):at].split()[-2:]]
            w = before[-1] if before else ""
            if w in given or w in ("بن", "ابن", "ابو", "ال") or clitic_variants(w, 2)[-1] in given or (
                    len(before) == 2 and before[0] in ("بن", "ابن", "بنت")):  # خالد بن صالح الزعاق
                return True
            if loose and len(before) == 2 and _given_like(w) and (  # أوضح فهد العتيق، المهندس فهد العتيق
                    _cue_kind(before[0]) == "speech" or before[0] in vocabulary()["title_first"]):
                return True
        at = text.find(bare, end, offset)
    return False


def _recurring_name(word: str, surface: str, text: str) -> bool:
    """Can one word right after a speech verb and before its complementizer only be a name the tagger missed
    (سميث، باشطح)? No article, no feminine, accusative or pronoun ending, not a function word, verb, adverb or noun
    of people, and written again elsewhere in the article, as names are.

    >>> _recurring_name("سميث", "سميث", "قال آدم سميث … ونوه سميث إن …"), _recurring_name("دائما", "دائما", "")
    (True, False)
    """
    v = vocabulary()
    if (len(word) < 3 or word.startswith(("ال", "وال")) or word.endswith(("ه", "ا", "ك", "كم", "هم", "نا"))
            or word.startswith(("يت", "تت", "يست", "تست")) or word in lexicon().stop or word in v["np_stop"]
            or not _np_word(word) or _human_word(word) or word in v["human_quantifiers"] or _cue_kind(word)
            or (word[:1] in "بلكوف" and (word[1:] in lexicon().stop or word[1:] in v["complementizers"]))
            or re.fullmatch(r"ت\S\Sي\S|بان\S*|نفس\S*", word)):  # بأنني، تطبيق (a verbal noun تفعيل)، نفسي
        return False
    return len(surface) >= 3 and text.count(surface) >= 2


def _given_like(word: str) -> bool:
    """Can a normalized word be a given name arnews does not list (فهد، عاصم)? No article, no feminine or
    accusative ending, not a function word, a noun of people or a cue.

    >>> _given_like("فهد"), _given_like("وزير"), _given_like("الوزير")
    (True, False, False)
    """
    return (len(word) >= 3 and not word.startswith(("ال", "وال"))
            and not word.endswith(("ه", "ا", "ات", "ك", "هم", "ها"))
            and word not in vocabulary()["institution_nouns"] and word not in ("بيت", "سوق", "دار", "نظره")
            and _np_word(word) and word not in lexicon().stop and not _human_word(word)
            and word not in vocabulary()["human_quantifiers"] and not _cue_kind(word))


def _surname_like(word: str) -> bool:
    """Can a normalized word alone be a family name (الشمسان، الجعيثن)? The article, no feminine or plural
    ending, not a function word, a person's noun or a body.

    >>> _surname_like("الشمسان"), _surname_like("المبادره"), _surname_like("السلطات")
    (True, False, False)
    """
    w = word[1:] if word.startswith(("وال", "فال")) else word
    return (w.startswith("ال") and len(w) >= 5 and not w.endswith(("ه", "ات", "ون", "ين"))
            and _np_word(w) and w not in lexicon().stop and not _human_word(w)
            and w not in vocabulary()["institution_heads"] and w not in vocabulary()["information_sources"])


@lru_cache(maxsize=250_000)  # bounded: one entry per word type
def _human_word(word: str) -> bool:
    """Does a normalized word name people (with its clitics and a possessive suffix)? A nisba plural
    (الإعلاميون، المصريين) always does.

    >>> _human_word("والمراقبين"), _human_word("صحافييها"), _human_word("المثل")
    (True, True, False)
    """
    human = vocabulary()["human"]
    for x in clitic_variants(word.replace("ؤ", "ء").replace("ئ", "ء"), 2):
        if x in human or (_SOUND_PLURAL.fullmatch(x) and not {x, "ال" + x} & _NOT_PLURALS):
            return True
        for suffix in ("هما", "هم", "هن", "ها", "ه", "نا"):
            stem = x[:-len(suffix)]
            if x.endswith(suffix) and len(stem) >= 3 and (stem in human or _SOUND_PLURAL.fullmatch(stem)):
                return True  # صحافييها، مطوروها
    return False


#: a sound masculine plural, said of people only: a nisba (الإعلاميون، مصريين), or a participle with the article
#: or م (المنادون، متطوعون، المشاركين) — not a broken plural in -ين (القوانين، ملايين: an alif before it)
_SOUND_PLURAL = re.compile(r"\S{3,}ي(?:ون|ين)|(?:ال\S{4,}|م\S{3,})ون|م\S{3,}و|(?:ال\S{2,}|م\S)[^ا\s]\Sين")
_NOT_PLURALS = frozenset({"التلفزيون", "التليفزيون", "المليون", "المضمون", "المخزون", "الصالون", "الكمبيوتر",
                          "الكانون", "الزيتون", "الحلزون", "الماعون", "الطاعون", "الملعون", "المسجون", "المكنون",
                          "مليون", "ملايين", "الملايين", "مضمون", "مخزون", "ميمون", "مأمون", "مامون", "مسكين",
                          "المسكين"})
#: «the same»: نفس المصدر، ذات المصادر
_SAME = frozenset({"نفس", "ذات", "بنفس", "وبذات", "بذات"})
_ELATIVES = frozenset({"ابرز", "اكبر", "اهم", "اقدم", "كبار", "من"})


def _human_phrase(words: list[str]) -> bool:
    """Does the phrase open with people: a person's noun, or a quantifier alone or of people (أحد أبرز
    صحافييها، عدد من المتعاملين، البعض)?

    >>> _human_phrase(["عدد", "من", "المتعاملين"]), _human_phrase(["عدد", "من", "الدراسات"])
    (True, False)
    """
    if not words:
        return False
    if _human_word(words[0]) or (words[0] in _SAME and len(words) > 1 and _human_word(words[1])):
        return True  # نفس المصدر
    if clitic_variants(words[0], 2)[-1] not in vocabulary()["human_quantifiers"] and words[0] not in vocabulary()[
            "human_quantifiers"] and words[0] not in vocabulary()["noun_before"]:  # ثلاثة أطفال، 20 مهندسا
        return False
    rest = [w for w in words[1:3] if w not in _ELATIVES] + words[3:4]
    if not rest:  # البعض، كثيرون، بعضهم، عدد (من …)
        return True
    return _human_word(rest[0]) or (rest[0] in _SAME and len(rest) > 1 and _human_word(rest[1]))


def _named_org(word: str, offset: int, text: str, sp: _Spans, ctx: _Context) -> tuple[int, int, str] | None:
    """The organization named last before ``offset`` whose name holds the bare head ``word`` (التحالف، البنك →
    البنك الأهلي التجاري), or None when ``word`` has no article."""
    if not word.startswith(("ال", "وال")):
        return None
    bare = clitic_variants(word, 2)[-1].removeprefix("ال")
    named = [m for m in sp.between(max(0, offset - 20_000), offset) if m[1] <= offset
             and ctx.kinds.get(m[2]) in ("organization", "group") and bare in norm(text[m[0]:m[1]])]
    return named[-1] if named else None

@cache
def _body_heads() -> dict[str, str]:
    """The bare heads (normalized, no article) a body's name opens with and an article names that body again by
    alone (شركة → وقالت الشركة), with the kind the body has ("media" or "organization"): every head of quotes.yaml's
    media, organization, local-body, institution (nouns and heads) and club lists and of organizations.yaml's org
    heads that is also
    written without the article (الخارجية، الشرطة name one body and are left out); with quotes.yaml's head_aliases
    under their head (المركزي → بنك).

    >>> _body_heads()["شركه"], _body_heads()["صحيفه"], "خارجيه" in _body_heads(), _body_heads()["المركزي"]
    ('organization', 'media', False, 'بنك')
    """
    v = vocabulary()
    pool = (v["media_heads"] | v["organization_heads"] | v["local_bodies"] | v["institution_nouns"]
            | v["institution_heads"] | v["club_nouns"] | frozenset(lexicon().org_heads))
    out = {h: "media" if h in v["media_heads"] else "organization" for h in pool
           if " " not in h and not h.startswith("ال")}
    for head, words in load_data("quotes.yaml")["head_aliases"].items():
        out.update({norm(w): norm(head) for w in words})
    return out


def _government_agency(words: list[str], v) -> bool:
    """Is a phrase opening with وكالة a public body (وكالة الفضاء الأمريكية، الوكالة الدولية للطاقة الذرية), not a
    medium: one of quotes.yaml's agency_fields within its next three words?

    >>> _government_agency(["وكاله", "الفضاء", "الامريكيه"], vocabulary()), _government_agency(["وكاله", "الانباء"],
    ...     vocabulary())
    (True, False)
    """
    return bool(words) and any(x.removeprefix("ال") == "وكاله" for x in clitic_variants(words[0], 2)) and any(
        w in v["agency_fields"] for w in words[1:4])


def _media_phrase(words: list[str], v) -> bool:
    """Does the phrase open with a medium's head (صحيفة، قناة، وكالة الأنباء), a public agency excepted?

    >>> _media_phrase(["صحيفه", "الخبر"], vocabulary()), _media_phrase(["وكاله", "ناسا"], vocabulary())
    (True, False)
    """
    return _head_in(words, v["media_heads"]) and not _government_agency(words, v)


def _bare_body(words: list[str], v) -> tuple[str, int] | None:
    """(head, phrase words it takes) when a speaker phrase names a body by its definite head alone (الشركة، وأوضحت
    الوكالة), with a word pointing back (الشركة ذاتها، هذه الوزارة) or run on into the verb's object (ودعت الكلية
    المقبولين، ودعت الكلية الطلاب: one word); None otherwise.

    >>> _bare_body(["الشركه"], vocabulary()), _bare_body(["هذه", "الوزاره"], vocabulary()), _bare_body(
    ...     ["الكليه", "المقبولين"], vocabulary()), _bare_body(["الشركه", "السعوديه"], vocabulary())
    (('شركه', 1), ('وزاره', 2), ('كليه', 1), None)
    >>> _bare_body(["الكليه", "الطلاب"], vocabulary()), _bare_body(["الهييه", "الملكيه"], vocabulary())
    (('كليه', 1), None)
    """
    same = v["same_body_words"]
    i = 1 if len(words) > 1 and words[0] in same else 0
    if len(words) <= i or len(words) > i + 2:
        return None
    w = words[i][1:] if words[i].startswith(("وال", "فال")) else words[i]
    if not w.startswith("ال") or _body_heads().get(w[2:]) not in ("media", "organization"):
        return None
    rest = words[i + 1:]
    if not rest:
        return w[2:], i + 1
    if rest[0] in same:
        return w[2:], i + 2
    obj = _object_form(rest[0]) or (_human_word(rest[0]) and not rest[0].endswith("يه"))  # الكلية الطلاب
    return (w[2:], i + 1) if obj and not i else None


def _body_name_end(toks: list[re.Match], i: int, text: str, sp: _Spans, kinds: dict, v) -> int:
    """Where the name of a body whose head is ``toks[i]`` ends (the end offset of its last word), or -1 when the
    head stands alone there (الشركة أن، موقع الكلية الإلكتروني): its adjectives and complements (الشركة السعودية
    للكهرباء، المفوضية السامية للأمم المتحدة لشؤون اللاجئين), a genitive or a name in construct after an indefinite
    head (كلية الملك فهد الأمنية، شركة Prasarana الماليزية، صحيفة "torcedores" البرازيلية), up to eight words,
    never past punctuation, a function word, the verb's object or a definite word that does not agree with a
    feminine head (كلية … الأمنية الضباط).

    >>> t = "وأوضحت الشركة السعودية للكهرباء أن العطل داخلي"
    >>> t[7:_body_name_end(list(_RAW_WORD.finditer(t, 7)), 0, t, _Spans("t", [], {}, {}), {}, vocabulary())]
    'الشركة السعودية للكهرباء'
    """
    head = norm(toks[i].group())
    definite = _definite(head)
    feminine = head.endswith("ه")
    bodies = v["body_nouns"] | v["local_bodies"] | lexicon().place_heads
    end, prev, quoted, opened = -1, head, False, False
    for j in range(i + 1, min(len(toks), i + 9)):
        gap = text[toks[j - 1].end():toks[j].start()]
        if quoted and gap[:1] in _QUOTE_CHARS:
            quoted = False
            gap = gap[1:]
        if any(ch in gap for ch in "،,.:؛()\n!؟?-–—") or re.search(r"[»”]\s*[«“\"]", gap):
            break
        raw = toks[j].group()
        w = norm(raw)
        if gap[-1:] in ("«", "“", "\""):
            quoted = opened = True
        nisba = w.endswith(("ي", "يه", "يين", "يون", "يان"))
        if quoted or (raw[:1].isascii() and raw[:1].isalpha()):
            ok = True  # منظمة "هيومن رايتس ووتش"، شركة Prasarana
        elif w in v["np_stop"] or w in v["same_body_words"] or _object_form(w) or w[:1].isdigit():
            break
        elif w.startswith("ال") and j == i + 1:
            # موقع الكلية الإلكتروني: an adjective of the other gender belongs to the noun before the head
            ok = not (definite and feminine and raw.endswith("ي"))  # (الفرقة الأولى: ى is feminine)
        elif w.startswith("ال") and prev.startswith("لل"):  # للقوات المسلحة، للأمم المتحدة, not للجوازات الأخوة
            ok = (nisba or w.endswith("ه")) and not (_human_word(w) and not w.startswith("الم"))
        elif w.startswith("ال"):  # كلية الملك فهد الأمنية, لشؤون اللاجئين, not … الأمنية الضباط
            ok = nisba or prev in _INSTITUTION_TITLES or prev.startswith("ل") or not _definite(prev) or (
                j == i + 2 and feminine and w.endswith("ه") and not _human_word(w))  # منظمة الأمم المتحدة
        elif w.startswith(("وال", "ل")) and end >= 0:
            ok = not any(_human_word(x) or x in v["np_stop"] for x in clitic_variants(w, 2)[1:])  # not للرئيس
        elif prev in _INSTITUTION_TITLES:
            ok = True  # كلية الملك فهد
        else:  # وكالة ناسا، أمانة منطقة الرياض، إمارة منطقة مكة; not جامعة سعودية, شركة تراجعت
            tagged = [m for m in sp.between(toks[j].start() - 40, toks[j].end()) if m[1] > toks[j].start()]
            named = any(kinds.get(m[2]) != "country" or not nisba for m in tagged)
            ok = (j == i + 1 and not definite and (clitic_variants(w, 2)[-1] in bodies or named)) or (
                end >= 0 and not _definite(prev) and any(kinds.get(m[2]) == "place" for m in tagged))
        if not ok:
            break
        end, prev = toks[j].end(), w
    return end + 1 if opened and 0 <= end < len(text) and text[end] in "»”\"" else end


def _body_antecedent(head: str, before: int, text: str, sp: _Spans, ctx: _Context
                     ) -> tuple[int, int, str] | None:
    """The body of ``head`` (normalized, no article) named nearest before ``before`` in the article: (start, end,
    actor_id) of a body arnews knows (an organization, group or medium whose mention opens with that head or comes
    right after it: وكالة ناسا), else (start, end, "") of a name the text gives it (شركة Prasarana الماليزية); None
    when no body of that head was named before.

    >>> from types import SimpleNamespace
    >>> t = "افتتحت كلية الأمير نايف التقنية مبنى. وقالت الكلية إن"
    >>> s, e, _ = _body_antecedent("كليه", 45, t, _Spans("t", [], {}, {}), SimpleNamespace(kinds={}))
    >>> t[s:e]
    'كلية الأمير نايف التقنية'
    """
    heads = _body_heads()
    forms = {head, "ال" + head} | {w for w, h in heads.items() if h == head}
    lo = max(0, before - 20_000)
    known = None
    for m in reversed(sp.between(lo, before)):
        if m[1] > before or ctx.kinds.get(m[2]) not in ("organization", "group", "media"):
            continue
        first = _phrase_words(text[m[0]:m[1]])[:1]
        prior = _phrase_words(text[max(lo, m[0] - 16):m[0]])[-1:]
        if any(set(clitic_variants(w, 2)) & forms for w in first + prior):
            known = m
            break
    toks = list(_RAW_WORD.finditer(text, known[0] if known else lo, before))
    for i in range(len(toks) - 1, -1, -1):
        if forms.isdisjoint(clitic_variants(_norm_word(toks[i].group()), 2)):  # one word: the memoized form
            continue
        end = _body_name_end(toks, i, text, sp, ctx.kinds, vocabulary())
        if end < 0:
            continue
        inside = next((m for m in sp.between(max(lo, toks[i].start() - 60), end) if m[1] > toks[i].start()
                       and ctx.kinds.get(m[2]) in ("organization", "group", "media")), None)
        if inside:
            return inside
        raw = toks[i].group()
        cut = next((k for k in range(min(3, len(raw))) if norm(raw[k:]).startswith(
            tuple(f for f in forms))), 0)
        return toks[i].start() + cut, end, ""
    return known


def _body_name_completed(words: list[str], ws: int, we: int, text: str, sp: _Spans, ctx: _Context
                         ) -> tuple[str, str, str, str, int] | None:
    """The speaker row for a body's phrase cut before its complement in ل (أعلنت المديرية العامة | للجوازات …،
    القيادة العامة | للقوات المسلحة، الجمعية السعودية | لطب العيون): the phrase runs to where the body's name ends
    (:func:`_body_name_end`), the known body inside it speaking; None when the phrase is no definite body head
    with its adjectives or no ل follows it.

    >>> from types import SimpleNamespace
    >>> t = "أعلنت المديرية العامة للجوازات عن"
    >>> _body_name_completed(["المديريه", "العامه"], 6, 21, t, _Spans("t", [], {}, {}), SimpleNamespace(kinds={}))
    ('', 'المديرية العامة للجوازات', 'organization', '', 30)
    """
    v = vocabulary()
    if len(words) < 2 or not _L_NEXT.match(text, we) or not all(w.startswith(("ال", "وال", "فال")) for w in words[1:]):
        return None
    head = words[0][1:] if words[0].startswith(("و", "ف")) and words[0][1:] in _body_heads() else words[0]
    head = head[1:] if head.startswith(("وال", "فال")) else head
    bare = head.removeprefix("ال")
    if _body_heads().get(bare) not in ("media", "organization") and head not in v["institution_heads"]:
        return None
    if any(m[0] <= ws + 1 and m[1] > we and ctx.kinds.get(m[2]) in ("organization", "group", "media")
           for m in sp.between(ws - 1, we)):
        return None  # a body arnews knows opens the phrase and runs past it: its name is known already
    end = _body_name_end(list(_RAW_WORD.finditer(text, ws, min(len(text), we + 160))), 0, text, sp, ctx.kinds, v)
    if end <= we:
        return None
    inside = [m for m in sp.between(ws, end) if m[1] <= end]
    bodies = [m for m in inside if ctx.kinds.get(m[2]) in ("organization", "group", "media") and m[1] >= end - 1]
    if bodies and bodies[0][0] <= ws + 1:  # the whole name is a body arnews knows
        return bodies[0][2], text[ws:end], ctx.kinds[bodies[0][2]], "", end
    # a body that ends the name is the one it belongs to (القيادة العامة للقوات المسلحة، وزارة الصحة التابعة للحكومة
    # اليمنية): the affiliation; one followed by more of the name (منظمة الأمم المتحدة | للأغذية) is another body
    country = next((m[2] for m in inside if ctx.kinds.get(m[2]) == "country"), "")
    kind = "media" if _body_heads().get(bare) == "media" else "organization"
    return "", text[ws:end], kind, bodies[-1][2] if bodies else country, end


#: ل opening the next word (a complement: للجوازات، لطب العيون)
_L_NEXT = re.compile(r"\s+ل\S")


def _body_named_again(c: dict, words: list[str], ws: int, we: int, text: str, sp: _Spans, ctx: _Context
                      ) -> tuple[str, str, str, str, int] | None:
    """The speaker row for a body named again by its head alone (وقال البنك إن … after أعلن المركزي الصيني …):
    the known body (its actor_id and kind), else the name the article gave it as the surface (وذكرت الصحيفة after
    صحيفة "torcedores" البرازيلية); None when the phrase is no bare head or no body of that head came before.

    >>> from types import SimpleNamespace
    >>> t = 'كشفت صحيفة "الفجر" المغربية أن. وذكرت الصحيفة أن'
    >>> _body_named_again({"subject": "after"}, ["الصحيفه"], 38, 45, t, _Spans("t", [], {}, {}),
    ...                   SimpleNamespace(kinds={}))
    ('', 'صحيفة "الفجر" المغربية', 'media', '', 45)
    """
    v = vocabulary()
    bare = _bare_body(words, v)
    if not bare or (bare[1] < len(words) and (c["subject"] != "after" or words[bare[1]].startswith("و"))):
        return None  # the verb's object runs on only after the verb (ودعت الكلية الطلاب)
    found = _body_antecedent(bare[0], ws, text, sp, ctx)
    if not found:
        return None
    end = [m.end() for m in _RAW_WORD.finditer(text, ws, we)][bare[1] - 1]
    name = text[found[0]:found[1]]
    kind = _body_heads().get(bare[0], "organization")
    if kind == "media" and _government_agency(_phrase_words(name), v):
        kind = "organization"
    if found[2]:  # a newspaper arnews typed as an organization still speaks as a medium (وقالت الصحيفة)
        return found[2], text[ws:end], kind if ctx.kinds[found[2]] == "organization" else ctx.kinds[found[2]], "", end
    return "", name, kind, "", end



def _in_institution(text: str, start: int) -> bool:
    """Is the name at ``start`` part of an institution's name: a title after an indefinite noun in construct
    (بجامعة الملك سعود، مستشفى الأمير سلطان، مدينة الملك عبدالله)?

    >>> _in_institution("أستاذ بجامعة الملك سعود", 19)
    True
    """
    v = vocabulary()
    words = [_norm_word(w) for w in text[max(0, start - 40):start].split()[-2:]]
    own = norm(text[start:start + 20]).split()[:1]
    if own and own[0] in v["title_first"] and words:  # the mention holds the title: «الملك فهد» after جسر
        words = [words[-1], own[0]]
    if words and _institution_noun(clitic_variants(words[-1], 2)[-1]) and not _definite(words[-1]):
        return True  # بجامعة محمد الخامس: the name right after the institution's noun (not الحي فلان)
    return len(words) == 2 and (words[-1] in v["title_first"] or words[-1] in _INSTITUTION_TITLES) and any(
        _institution_noun(w) for w in {words[0], *clitic_variants(words[0], 2)}) and not _definite(words[0])


def _institution_noun(word: str) -> bool:
    """Is a normalized word (proclitics off) an institution's noun, singular or dual in construct (مدير جامعتي الملك
    عبدالعزيز وجدة: the two universities' director, not a person called عبدالعزيز)?

    >>> _institution_noun("جامعتي"), _institution_noun("مستشفيا"), _institution_noun("وزير")
    (True, True, False)
    """
    nouns = vocabulary()["institution_nouns"]
    if word in nouns:
        return True
    if word.endswith(("تي", "تا")) and word[:-2] + "ه" in nouns:
        return True
    return len(word) > 3 and word[-1] in "يا" and word[:-1] in nouns


#: a relative clause of one verb between a document and its issuer (الوثيقة التي قدمتها كينيا، البيان الذي أصدره …)
_ISSUED_BY = re.compile(r"\s+(?:التي|الذي)\s+\S+\s+")

#: titles that name an institution after its founder or patron (بجامعة الإمام محمد بن سعود، كلية الأميرة نورة)
_INSTITUTION_TITLES = frozenset({"الامام", "السلطان", "الشيخ", "الملك", "الامير", "الرييس", "الشهيد",
                                 "الاميره", "الملكه", "الشيخه", "السلطانه"})


def _definite(word: str) -> bool:
    """Does a normalized word carry the article, after its proclitics (المدينة، للجائزة، بالمدينة)?

    >>> _definite("للجايزه"), _definite("بجامعه"), _definite("والمدينه")
    (True, False, True)
    """
    return word.startswith(("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال"))


def _honoured(pronoun: str, offset: int, text: str, sp: _Spans, ctx: _Context) -> tuple[int, int, str] | None:
    """The person an honorific pronoun (سموه، معاليه) stands for: the nearest person before ``offset`` whom the
    article introduced with a title of that honorific (الأمير فلان for سموه), not merely the last one named."""
    titles = honorifics().get(clitic_variants(pronoun, 2)[-1]) or honorifics().get(pronoun)
    if not titles:
        return None
    return _introduced_with(titles, offset, text, sp, ctx) or _introduced_with(titles, offset, text, sp, ctx, True)


def _introduced_with(titles: frozenset[str], offset: int, text: str, sp: _Spans, ctx: _Context, after: bool = False
                     ) -> tuple[int, int, str] | None:
    """The nearest person before ``offset`` named right after one of ``titles`` (without the article): وزير
    الصحة فلان for الوزير, الأمير فلان for سموه. With ``after``, the first one named so within 3,000 characters
    after it (أكد سموه في المقال أن … وأوضح الأمير خالد الفيصل), for a pronoun said before its holder's name."""
    near = sp.between(offset, offset + 3_000) if after else reversed(sp.between(max(0, offset - 20_000), offset))
    for m in near:
        if (m[1] > offset and not after) or ctx.kinds.get(m[2]) != "person":
            continue
        clause = _phrase_words(re.split(r"[:،,«»\"“”.؛()]", text[max(0, m[0] - 80):m[0]])[-1])
        before = clause[-3:]
        honoured = any(w in titles and w in vocabulary()["honorific_nouns"] for w in clause)  # معالي الأمين العام
        if honoured or any(w.removeprefix("ال") in titles or clitic_variants(w, 2)[-1].removeprefix("ال") in titles
                           for w in before):  # لمجلس التعاون لدول الخليج العربية الدكتور فلان: far from the name
            if any(w in vocabulary()["honoured_not_after"] for w in clause[:-1] if honoured or w in clause[-7:-1]):
                continue  # عقب لقائه معالي وزير الخارجية فلان: the one met, not the one who goes on speaking
            return m
    return None


def _name_after(text: str, sp: _Spans, ctx: _Context, we: int, limit: int) -> tuple[int, int, str] | None:
    """A person named right after an office phrase, in the same clause (… بالمنطقة الشرقية النقيب فلان، أن):
    at most eight words between, no punctuation, before the content at ``limit``, not inside an organization's
    name (استشاري علم الاجتماع بجامعة الملك سعود)."""
    v = vocabulary()
    for m in sp.between(we, min(we + 120, limit)):
        if ctx.kinds.get(m[2]) != "person" or m[1] > limit:
            continue
        if norm(text[m[0]:m[1]].split()[0]) in v["np_stop"]:
            return None  # الرئيس بوضوح: an adverb the tagger took for a name
        gap = re.sub(r"^\s*[،,]\s*(?=\S+\s)", " ", text[we:m[0]])  # ، المقدم فلان: a rank set off by a comma
        gap = re.sub(r"^\s*[،,]\s*$", " ", gap)  # المتحدث باسم الجماعة، فلان، إن: the name set off by commas
        if _QUOTED_OFFICE_BODY.match(gap):  # مسؤول «خدمة كريم» بالفعاليات فلان، مدير «مكتبة الفجر» في الرياض فلان
            gap = re.sub(r"^\s*في\s+\S+(?=\s)", " ", _QUOTED_OFFICE_BODY.sub(" ", gap))
        gap = _complement_then_title(gap)
        if re.search(r"[،,:؛.«»\"“”]", gap) or len(gap.split()) > 8 or any(
                norm(w) in v["np_stop"] and not norm(w).startswith("ال") for w in gap.split()):
            return None
        if _in_institution(text, m[0]):
            return None  # بجامعة الملك سعود: the name is inside an organization's name
        return m
    return None


#: a body's quoted name right after an office in construct with it (مسؤول «خدمة كريم»، مدير «مكتبة الفجر»): part
#: of the office, so the holder's name may follow it (مسؤول «خدمة كريم» بالفعاليات علي القحطاني أن)
_QUOTED_OFFICE_BODY = re.compile(r"^\s*[«“\"][^«»“”\"،,:.]{1,40}[»”\"](?=\s)")


def _complement_then_title(gap: str) -> str:
    """The words between an office and its holder's name without the office's prepositional complement when a
    personal title opens the name (المشرف على المشروع الدكتور فلان): only the title is left.

    >>> _complement_then_title(" على المشروع الدكتور ")
    ' الدكتور '
    """
    words = gap.split()
    if 3 <= len(words) <= 6 and _PREPOSITION_OPENING.match(words[0] + " ") and norm(words[-1]).removeprefix(
            "ال") in PERSONAL_TITLES and not re.search(r"[،,:؛.«»\"“”]", gap):
        return " " + words[-1] + " "
    return gap


def _name_ref(words: list[str], offset: int, text: str, sp: _Spans, ctx: _Context) -> str:
    """The person named before ``offset`` whose name ends with the phrase of one or two words (العامر → خالد
    العامر) or, for one word, opens with it (أليكسيس → أليكسيس تسيبراس), or ""; people's nouns never match."""
    if not 1 <= len(words) <= 2 or _human_phrase(words) or not all(_np_word(w) for w in words):
        return ""
    for m in reversed(sp.between(max(0, offset - 20_000), offset)):
        if m[1] > offset or ctx.kinds.get(m[2]) != "person":
            continue
        name = _phrase_words(text[m[0]:m[1]])
        if len(name) > len(words) and (name[-len(words):] == words or (len(words) == 1 and name[0] == words[0])):
            return m[2]
    return ""


def _surname_ref(word: str, offset: int, text: str, sp: _Spans, ctx: _Context) -> str:
    """The person named before ``offset`` whose name ends in the surname ``word`` (الأحمدي → فهد الأحمدي), or ""."""
    for m in reversed(sp.between(max(0, offset - 20_000), offset)):
        if m[1] <= offset and ctx.kinds.get(m[2]) == "person" and norm(text[m[0]:m[1]]).split()[-1:] == [word]:
            return m[2]
    return ""


#: relative pronouns said of people only (never of things, unlike التي / الذي)
_HUMAN_RELATIVES = frozenset({"الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي"})


def _apposed_name_tail(np: str) -> bool:
    """Does the phrase end, after its last comma, in a name arnews has no actor for (، "فلان الفلاني"، ، السعودي
    عبد الله حامد)?

    >>> _apposed_name_tail("زعيم الحزب، السعودي عبد الله حامد")
    True
    """
    if "،" not in np:
        return False
    tail = np.rsplit("،", 1)[1]
    quoted = bool(_OPEN_QUOTE.search(tail))
    words = re.sub(r"[«»“”\"]", " ", tail).split()
    if words and norm(words[0]).startswith("ال") and norm(words[0]).endswith("ي"):
        words = words[1:]  # a nisba before the name
    if not words:
        return False
    if quoted and len(words) <= 4 and not any(norm(w).startswith("ال") for w in words):
        return True  # ، "دولت باهجة لي": a quoted name
    return _plain_name(" ".join(words)) or (norm(words[0]) in lexicon().given_names and len(words) <= 4)


def _leading_run(text: str, ws: int, we: int) -> int:
    """The end of a title or source phrase without a name: its first word and the definite words after it; after
    a person's head (المواطن، المدير) an indefinite word opens a name, which runs on over its nisba (فهد العنزي)."""
    lex = lexicon()
    heads = vocabulary()["person_heads"]
    end = None
    name = 0  # words of a name after a person's head
    counted = False  # عدد من …: the people counted after من belong to the phrase
    for i, m in enumerate(re.finditer(r"\S+", text[ws:we])):
        w = norm(m.group()).strip("،,")
        if i == 1 and w == "من" and clitic_variants(norm(text[ws:we].split()[0]), 2)[-1] in _QUANTIFIERS:
            counted = True
        elif counted and i == 2 and _np_word(w):
            pass  # عدد من زوار الشرقية، عدد من المواطنين
        elif i == 1 and norm(text[ws:we].split()[0]) in heads and not w.startswith("ال") and _np_word(w):
            name = 1
        elif name and name < 4 and _np_word(w) and (not w.startswith("ال") or w.endswith("ي")):
            name += 1
        elif name:
            break
        elif i and not (w.startswith("ال") or w[1:3] == "ال" or (w in lex.given_names and _np_word(w))):
            break
        end = ws + m.end()
    return end if end is not None else we


def _looks_like_name(words: list[str]) -> bool:
    """A phrase arnews has no actor for that still names a person: a known given name first, or a name and then
    a title in apposition (ديف ليزار الرئيس التنفيذي …)."""
    lex = lexicon()
    v = vocabulary()
    if not words or words[0].startswith("ال"):
        return False
    bare = clitic_variants(words[0], 2)
    if any(b in lex.given_names for b in bare[:2]):
        return True
    if len(words) == 2 and _word_name_pair(bare[-1], words[1]):
        return True  # أشاد مطلق البقمي: a given name that is also a word, then a family name
    return len(words) >= 3 and not words[1].startswith("ال") and (
        any(w in v["title_first"] for w in words[2:5]) or _name_then_office(words[:4], v))


def _plain_name(np: str) -> bool:
    """Two to four words, none with the article, none ending in ة, none a function word: a foreign name
    (ستافان دي ميستورا)."""
    words = np.split()
    stop = lexicon().stop
    return 2 <= len(words) <= 4 and all(not norm(w).startswith(("ال", "وال")) and not w.endswith("ة")
                                        and norm(w) not in stop and _np_word(norm(w)) for w in words)


def _name_word(word: str, first: bool, loose: bool = False) -> bool:
    """Can this normalized word be part of a person's name after an office (not a function word, a count, a
    common noun with the article — only a family name in -ي may have it, or any family name when ``loose``, in a
    name set off by commas or quotation marks — or a word in -ة unless a given name)?"""
    lex = lexicon()
    if not first and word in ("بن", "بنت", "ابن", "ابو", "عبد"):
        return True  # خالد بن حماد البلوي
    if not _np_word(word) or word in lex.stop or word in vocabulary()["verb_adverbs"] or word.isdigit() or (
            word in _NOT_NAMES):
        return False
    if word.startswith("ال"):
        return not first and len(word) > 4 and (word.endswith("ي") or (loose and not _human_word(word)))
    if word.endswith("ه") and word not in lex.given_names:
        return False
    return not _human_word(word)


def _definite_head_name(text: str, ws: int, we: int) -> tuple[int, int] | None:
    """The name inside a speaker's phrase headed by a definite person's noun: after the head and its definite
    adjectives, one to four name words (the head with the article cannot take a genitive, so an indefinite word
    after it opens a name). ``(start, end)`` offsets, or None.

    >>> t = "المسؤول الانفصالي ميخائيل كوروليف"
    >>> t[slice(*_definite_head_name(t, 0, len(t)))]
    'ميخائيل كوروليف'
    """
    words = list(re.finditer(r"[^\s«»“”\"،,]+", text[ws:we]))
    head = norm(words[0].group()).removeprefix("و") if words else ""
    if len(words) < 2 or not head.startswith("ال") or head.endswith(("ون", "ين", "ات")) or head[2:] in vocabulary()[
            "human_plurals"] or head in _NEVER_HOLDERS:
        return None  # الشهود، المسؤولون، المصادر: many people or a source, never one person's name after them
    i = 1
    while i < len(words) and norm(words[i].group()).startswith("ال"):
        i += 1
    j = i
    while j < len(words) and j - i < 4 and (_name_word(norm(words[j].group()), j == i) or (
            j == i and j + 1 < len(words) and _office_given_name(norm(words[j].group()), norm(words[j + 1].group())))):
        j += 1
    if j == i or _RX_COMMA_COLON_SEMI.search(text[ws + words[0].end():ws + words[i].start()]):
        return None
    return ws + words[i].start(), ws + words[j - 1].end()


_NAME_TAIL_SCORE = 1.0  # a word the name tagger reads this well as a name (بيشي 2.5, not مصدر -6, رجل -5.9)


def _named_tail(surface: str) -> bool:
    """Whether an unnamed source's phrase ends on a person's name the tagger did not find: a nasab or a family
    with آل (… جلوي بن محمد آل كركمان), or a word that reads as a given name and a family name with the article
    (متحدث هيئة الهلال الأحمر بجازان بيشي الصرخي). The speaker is then that person, not an unnamed source.

    >>> _named_tail("متحدث هيئة الهلال الأحمر بجازان بيشي الصرخي"), _named_tail("مصدر أمني رفيع")
    (True, False)
    >>> _named_tail("المدير العام للتعليم في منطقة عسير جلوي بن محمد آل كركمان"), _named_tail("مسؤول في الخارجية")
    (True, False)
    >>> _named_tail("قائد قوة أمن الطرق بمنطقة مكة المكرمة"), _named_tail("عائلة عبد العزيز")
    (False, False)
    >>> _named_tail("المتحدث الرسمي لأمانة المنطقة صديق الشيخي"), _named_tail("ضابط في الجيش العراقي")
    (True, False)
    """
    words = _phrase_words(surface)
    if len(words) < 3:
        return False
    lex = lexicon()
    for k in range(max(1, len(words) - 4), len(words) - 1):  # … X بن Y، … X بن Y آل Z، … X آل Y
        if words[k] in ("بن", "ال") and not words[k - 1].startswith("ال") and words[k - 1] not in lex.stop and (
                words[k - 1] in lex.given_names or ner.word_score(words[k - 1]) > -1):
            return True
    first, last = words[-2], words[-1]
    head = clitic_variants(words[0], 2)[-1]
    if head.endswith(("ون", "ين", "ات")) or head in vocabulary()["human_quantifiers"] or first in (
            "عبد", "ابو") or first.startswith(("وال", "بال", "لل", "فال", "كال")) or any(
            e is not None and e.kind != "person"
            for e in (lex.entities.get((first, last)), lex.entities.get((first,)))):
        return False  # مراقبون …، عائلة عبد العزيز، … بمنطقة مكة المكرمة: many people, a genitive, a place
    bare_first = not first.startswith("ال") and first not in lex.stop
    return (bare_first and (first in lex.given_names or ner.word_score(first) >= _NAME_TAIL_SCORE)
            and last.startswith("ال") and len(last) > 4) or (
        bare_first and len(first) > 2 and _np_word(first) and _NISBA_NAME.match(last) is not None
        and lex.entities.get((last,)) is None and last not in vocabulary()["not_surnames"]
        and last not in lex.stop)  # … لأمانة الباحة صديق الشيخي: a word and a family nisba


def _closing_person(text: str, ws: int, end: int, people: list) -> tuple | None:
    """The person whose name closes the phrase of an indefinite source noun, in apposition to it: «خبير الزلازل
    المشهور جون سميث», «مسؤول في وزارة الداخلية فلان». Not a name that is the genitive of a title or office in the
    phrase (مستشار الرئيس الروسي بوتين، مصدر مقرب من الرئيس فلان), nor one after أحد / بعض (one of his advisers),
    a plural head or a preposition, nor the body a spokesman speaks for (متحدث باسم …). The mention, or None.

    >>> t = "خبير الزلازل المشهور جون سميث"
    >>> _closing_person(t, 0, len(t), [(21, 29, "person:john-smith")])[2]
    'person:john-smith'
    >>> t = "مستشار الرئيس الروسي فلاديمير بوتين"
    >>> _closing_person(t, 0, len(t), [(21, 35, "person:putin")]) is None
    True
    """
    last = next((m for m in reversed(people) if ws < m[0] and m[1] <= end), None)
    if last is None or re.search(r"\w", text[last[1]:end]) or re.search(r"[،,:؛«»\"]", text[ws:last[0]]):
        return None
    words = [norm(w) for w in text[ws:last[0]].split()]
    head = clitic_variants(words[0], 2)[-1] if words else ""
    if len(words) < 2 or head in vocabulary()["human_quantifiers"] or head.endswith(("ون", "ين")) or (
            "باسم" in words or _PREPOSITION_BEFORE.search(text[ws:last[0]])):
        return None  # ناشطون وبينهم فلان: many speak; متحدث باسم «ميتسوبيشي»: the body he speaks for
    titles = _office_firsts()
    if any(w in titles or clitic_variants(w, 2)[-1] in titles for w in words[1:]):
        return None  # the name is the genitive of an office in the phrase
    return last


def _closing_name(text: str, ws: int, we: int) -> tuple[int, int] | None:
    """The name that closes a speaker's phrase headed by a definite person's noun: right after the head and its
    adjectives (``_definite_head_name``), or after the office's complements (المفوض الأعلى لحقوق الإنسان في
    الأمم المتحدة زيد رعد الحسين): one to three name words without the article after a word with it, and a family
    name. ``(start, end)``, or None when no name ends the phrase.

    >>> t = "المفوض الأعلى لحقوق الإنسان زيد رعد الحسين"
    >>> t[slice(*_closing_name(t, 0, len(t)))]
    'زيد رعد الحسين'
    """
    phrase_end = ws + len(text[ws:we].rstrip(" ،,"))
    named = _definite_head_name(text, ws, we)
    if named and named[1] >= phrase_end:
        return named
    words = list(re.finditer(r"[^\s«»“”\"،,]+", text[ws:we]))
    if len(words) < 3 or not norm(words[0].group()).removeprefix("و").startswith("ال"):
        return None
    j = len(words)
    if _surname_like(norm(words[j - 1].group())) or _name_word(norm(words[j - 1].group()), False, True):
        j -= 1  # the family name (الحسين too)
    i = j
    while i > 1 and j - i < 3 and not norm(words[i - 1].group()).startswith("ال") and _name_word(
            norm(words[i - 1].group()), True) and not _human_word(norm(words[i - 1].group())):
        i -= 1
    first = norm(words[i].group()) if i < j else ""
    if first[:1] in "بلف" and first not in lexicon().given_names:
        return None  # في الجامعة بتبوك: a preposition and a place, not a name
    if i == j or not norm(words[i - 1].group()).startswith("ال") or re.search(
            r"[،,]", text[ws + words[i - 1].end():ws + words[i].start()]):
        return None
    return ws + words[i].start(), ws + words[-1].end()


def _office_given_name(word: str, following: str) -> bool:
    """Is a singular noun of people without the article (مساعد، أمين، نائل) a given name here, because a family
    name follows it (المدير التنفيذي مساعد العتيبي)? A genitive after it would be a person's noun or a body
    (مساعد الوزير، أمين المجلس), not a family name.

    >>> _office_given_name("مساعد", "العتيبي"), _office_given_name("مساعد", "الوزير")
    (True, False)
    """
    return (not word.startswith("ال") and len(word) >= 3 and not word.endswith(("ه", "ون", "ين", "ات"))
            and _np_word(word) and word not in lexicon().stop and _surname_like(following)
            and following.endswith("ي"))


_SEGMENT = re.compile(r"[^،,؛:«»“”\"()]+")
_PREPOSITION_OPENING = re.compile(r"^(?:على|علي|في|من|عن|لدى|ب|ل)\S*\s")


def _name_following(text: str, we: int, limit: int) -> tuple[int, int] | None:
    """A name right after an office phrase, before the content at ``limit``: set off by commas or quotation marks,
    after at most one prepositional complement of the office (وأكد المشرف على قاعة التدريب، فلان الفلاني، لـ…
    أن؛ مدير الفرع "فلان الفلاني"؛ أن). ``(start, end)`` offsets, or None.

    >>> t = 'المشرف على المركز، خالد المطيري، أن'
    >>> t[slice(*_name_following(t, 6, len(t) - 3))]
    'خالد المطيري'
    """
    lex = lexicon()
    skipped = False
    for m in _SEGMENT.finditer(text, we, limit):
        seg = m.group().strip()
        if not seg:
            continue
        if not skipped and m.start() == we and _PREPOSITION_OPENING.match(seg + " ") and len(seg.split()) <= 8:
            skipped = True
            continue  # المشرف على قاعة التدريب: the office's complement
        before = text[max(we, m.start() - 3):m.start()]
        quoted = bool(_OPEN_QUOTE.search(before))
        if skipped and not re.search(r"[،,]", before):
            return None  # مصدر مقرب من فلان لـ«فرانس برس»: a medium after the complement, no name set off
        words = [norm(w) for w in seg.split()]
        if 1 <= len(words) <= 5 and all(_name_word(w, k == 0, True) for k, w in enumerate(words)) and (
                (len(words) > 1 and not quoted) or words[0] in lex.given_names):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            return start, start + len(seg)
        return None
    return None


#: separate pronouns: «وهما فلان وعلان» (namely) names the people a phrase speaks of, not its holder
_SEPARATE_PRONOUNS = frozenset({"هو", "هي", "هما", "هم", "هن"})


def _person_closing_complement(text: str, ws: int, we: int, limit: int, sp: _Spans, ctx: _Context, v
                               ) -> tuple[int, int, str] | None:
    """A person the tagger found closing the office phrase's prepositional complement, right before the comma or
    the complementizer that opens the content: the office, the body it serves, then its holder (وقال أستاذ الفيزياء
    في جامعة ليدز فلان الفلاني، إن …). ``(start, end, actor)``, or None.

    Not a person the complement itself names: a principal (المتحدث باسم الرئيس فلان، مسؤول مقرب من فلان، في مكتب
    الأمين العام فلان), an addressee (في رسالة إلى فلان، في حديثه للاعب فلان), or a person after another person's
    noun (في المؤتمر مع اللاعب فلان): the word before the name, past the name's own honorific (الشيخ، الدكتور), may be
    neither a title nor a noun of people, relation or aide, nor a preposition.
    """
    seg = _SEGMENT.match(text, we)
    if not seg:
        return None
    toks = [(m.start() + we, m.end() + we, norm(m.group()))
            for m in re.finditer(r"\S+", text[we:min(seg.end(), limit)])]
    if toks and toks[-1][2] in v["complementizers"]:
        toks.pop()  # … فلان الفلاني إن: the content opens after the complementizer
    if len(toks) < 3 or len(toks) > 16 or not _PREPOSITION_OPENING.match(text[toks[0][0]:toks[0][1]] + " "):
        return None
    if clitic_variants(toks[1][2], 2)[-1] in v["channel_openers"] or toks[0][2] in ("الي", "مع"):
        return None  # في تصريح لـ…، في حديث مع فلان: the channel, and who he spoke to
    lex = lexicon()
    end = toks[-1][1]
    person = next((m for m in sp.between(toks[0][1] + 1, end) if m[1] == end and ctx.kinds.get(m[2]) == "person"),
                  None)
    if not person:
        return None
    before = [t[2] for t in toks if t[1] <= person[0]]
    if any(w in v["aide_heads"] or w in v["complement_not_holder"] for w in [*_phrase_words(text[ws:we]), *before]):
        return None  # متحدث باسم اثنين من السياح وهما فلان: he speaks for them
    lead = before[:]
    while lead and lead[-1].removeprefix("ال") in PERSONAL_TITLES:
        lead.pop()  # بالمسجد الحرام الشيخ فلان: the name's own honorific
    if len(lead) < 2:
        return None
    for w in lead[-2:]:
        base = clitic_variants(w, 2)
        if any(b in v["title_first"] or b in lex.office_heads or b in v["principal_titles"] or b in v["relation_heads"]
               or b in v["person_heads"] or b in v["human"] for b in base):
            return None  # باسم الرئيس فلان، للأمين العام فلان، مع اللاعب فلان
    if lead[-1] in v["function"] or lead[-1][:1] == "ل" or lead[-1].removeprefix("و") in _SEPARATE_PRONOUNS:
        return None  # من فلان، لفلان، وهما فلان وفلان
    return person


def _followed_by_name(c: dict, ctx: _Context, ws: int, we: int, affiliation: str
                      ) -> tuple[str, str, str, str, int] | None:
    """The speaker when a name follows the office phrase after the verb (``_name_following``): the person the
    tagger found there, or a person arnews has no actor for, with the office's affiliation."""
    if c["subject"] != "after":
        return None
    text = ctx.texts[c["article_id"]]
    head = clitic_variants(norm(text[ws:we].split()[0]), 2) if text[ws:we].split() else ("",)
    v = vocabulary()
    if any(h in v["relation_heads"] or h in _NEVER_HOLDERS or h.startswith(("مصدر", "مصادر")) for h in head):
        return None  # والدة «فلان» is his mother; a source is never named
    named = _name_following(text, we, c["start"])
    quoted = None if named else _QUOTED_NAME.match(text, we)  # a body's name: في شركة «آر.إس.ايه»
    if quoted:  # مدير الحلول التقنية في شركة «آر.إس.ايه»، روب سادوفسكي، أن: past the body's quoted name
        named = _name_following(text, quoted.end(), c["start"])
    if not named:
        closing = _person_closing_complement(text, ws, we, c["start"], ctx.spans(c["article_id"]), ctx, v)
        if closing:  # أستاذ الفيزياء في جامعة ليدز فلان الفلاني، أن: the office, its body, then the holder
            return closing[2], text[ws:closing[1]], "person", "", closing[1]
        return None
    person = next((m for m in ctx.spans(c["article_id"]).between(named[0], named[1]) if m[0] == named[0]
                   and ctx.kinds.get(m[2]) == "person"), None)
    end = named[1] + (1 if text[named[1]:named[1] + 1] in ("»", "”", '"') else 0)  # the closing mark too
    return person[2] if person else "", text[ws:end], "person", "" if person else affiliation, end




def _unnamed_end(text: str, ws: int, we: int) -> int:
    """An unnamed source's phrase without the relative clause after it (دبلوماسي يتابع الوضع → دبلوماسي)."""
    for m in re.finditer(r"\S+", text[ws:we]):
        if m.start() and m.group().startswith(("ي", "ت")) and not m.group().startswith(("تابع", "تر")):
            return ws + m.start() - (1 if text[ws + m.start() - 1] == " " else 0)
    return we


#: office words: a title with one of them names a specific office, held by the person whose role says so
_OFFICE_WORDS = frozenset({"وزير", "وزيره", "رييس", "ملك", "امير", "سفير", "متحدث", "ناطق", "مبعوث", "مندوب",
                           "امين", "مستشار", "نايب", "قايد"})


def _body_named(phrase: str, reach: int = 3) -> bool:
    """Does a phrase hold a noun for a body (نادي، شركة، وزارة، صحيفة …) among its first ``reach`` words, alone or
    after ل / ب (لنادي إشبيلية)? A title so followed is a person's office; a mention that opens so names a body.

    >>> _body_named("لنادي ريال مدريد", 1), _body_named("السابق لنادي ريال مدريد"), _body_named("خوان لوبيز")
    (True, True, False)
    """
    return any(_body_word(word) for word in phrase.split()[:reach])


@lru_cache(maxsize=50_000)
def _body_word(raw: str) -> bool:
    """Is this word as written a noun for a body, alone or with its clitics (لنادي، والوزارة)?"""
    bodies = vocabulary()["body_nouns"]
    return any(w in bodies for word in _phrase_words(raw) for w in clitic_variants(word, 2))


def _country_body(lead: list[str]) -> str:
    """"organization" or "media" when the normalized words before a country's name (or the first word of a
    phrase the tagger read as that country) name a body of it (الشرطة، مكتب، قيادة، المجلس; مكتب أخبار →
    a medium), "" otherwise: its government (حكومة اليمن) and the country's own name speak as the country.

    >>> _country_body(["الشرطه"]), _country_body(["حكومه"]), _country_body(["مكتب", "اخبار"])
    ('organization', '', 'media')
    >>> _country_body(["المركزي"])
    'organization'
    """
    v = vocabulary()
    if not lead or lead[0] in ("حكومه", "الحكومه", "الولايات", "دوله", "الدوله", "جمهوريه", "مملكه", "سلطنه"):
        return ""
    if _media_phrase(lead, v) or any(w in ("اخبار", "انباء") for w in lead):
        return "media"
    if _head_in(lead, v["organization_heads"]) or _head_in(lead, lexicon().org_heads) or _head_in(
            lead, v["institution_heads"]) or _body_heads().get(lead[0], "organization") != "organization":
        return "organization"  # (المركزي الصيني: a head alias of quotes.yaml, the bank)
    return ""


def _office_head(word: str) -> str:
    """The office a title's first normalized word names, without clitics, article or feminine ending (so that
    الناطقة is the same office as الناطق).

    >>> _office_head("والناطقه"), _office_head("الوزير")
    ('ناطق', 'وزير')
    """
    head = clitic_variants(word, 2)[-1].removeprefix("ال")
    return head[:-1] if head.endswith("ه") and head[:-1] in _OFFICE_WORDS else head


#: an indefinite accusative participle (معقبا، مستدركا، متسائلا): how one speaks, never who
_ADVERBIAL_PARTICIPLE = re.compile(r"م(?:ست|ت)?\S{3,4}ا")

#: relation nouns that open names as well (ابن تيمية، أبو بكر): never «the relative of» the name after them
_NAME_PARTS = frozenset({"ابن", "اب", "ام", "ابو", "اخ"})

#: an indefinite relative adjective (استشاري، تجارية): after an indefinite noun it leaves the phrase indefinite
_NISBA_INDEFINITE = re.compile(r"[^ا]\S+(?:ي|يه)")


def _led_body(text: str, ws: int, people: list, others: list, ctx: _Context) -> tuple[int, int, str] | None:
    """The body that opens a speaker's phrase when the first person in it is named after a word that introduces a
    list or a chair (برئاسة، بقيادة، بحضور, lexicon.yaml list_openers): «مجلس إدارة النادي برئاسة فلان أعلن»
    is the board's statement; None otherwise.

    >>> t = "أعلن مجلس الإدارة برئاسة سامي العلي رفضه"
    >>> _led_body(t, 5, [(25, 35, "p")], [(5, 17, "o")], None)
    (5, 17, 'o')
    """
    if not people or not others or others[0][0] >= people[0][0] or (
            ctx is not None and ctx.kinds.get(others[0][2]) not in ("organization", "group", "media")):
        return None
    lead = [norm(w) for w in _phrase_words(text[ws:people[0][0]])]  # (a body's span may run over برئاسة)
    openers = lexicon().list_openers
    return others[0] if any(w[:1] in "بو" and (w,) in openers.get(w, ()) for w in lead[1:]) else None


def _own_name_in_office(np: str, inside: list, ctx: _Context) -> bool:
    """Does a person speaker's phrase with no person mention inside end on a name of its own (الشاعر السعودي مطلق
    الحربي: a name the tagger reads as words)? Then it is no office said alone: another holder of the title the
    article names (الشاعر فلان, elsewhere) is someone else.

    >>> _own_name_in_office("الشاعر السعودي مطلق الحربي", [], None), _own_name_in_office("وزير الخارجية", [], None)
    (True, False)
    >>> _own_name_in_office("المخرج باسل الزين", [], None), _own_name_in_office("وزير الخارجية السعودي", [], None)
    (True, False)
    """
    if any(ctx.kinds.get(m[2]) == "person" for m in inside):
        return False
    run = _named_run(np).split()
    if len(run) >= 2:
        return True
    words = _phrase_words(np)  # المخرج باسل الزين: the run stops before a family name that reads as an adjective
    last = norm(words[-1]) if words else ""
    return len(run) == 1 and len(words) >= 3 and norm(words[-2]) == norm(run[0]) and last.startswith("ال") and len(
        last) >= 5 and last not in lexicon().stop and not _human_word(last) and lexicon().entities.get((last,)) is None


def _office(c: dict, ctx: _Context, words: list[str], np: str, inside: list, ws: int, we: int
            ) -> tuple[str, str, str, str, int]:
    """A title without a name (وزير الخارجية السعودي، الوزير): the person the article named with that office —
    with the phrase in apposition to the name, or holding the title with the same affiliation — else an unnamed
    speaker with the affiliation."""
    aid = c["article_id"]
    text = ctx.texts[aid]
    country = next((m[2] for m in inside if ctx.kinds.get(m[2]) == "country"), "")
    if not country:  # a country adjective inside the title (وزير الخارجية البرازيلي)
        ents = lexicon().entities
        country = next((e.actor_id for w in words for e in [ents.get((w,))] if e and e.kind == "country"), "")
    code = (ctx.affil.get(country, "") or country.split(":")[-1]) if country else ""
    aff_org = next((m[2] for m in inside if ctx.kinds.get(m[2]) in ("organization", "group")), "")
    target = {x for x in (code, aff_org, country) if x}
    head = clitic_variants(words[0], 2)[-1].removeprefix("ال")
    key = norm(np)
    near = ctx.spans(aid).between(max(0, c["cue_start"] - 20_000), c["cue_start"] + 5_000)  # bounded
    people = [m for m in near if ctx.kinds.get(m[2]) == "person"
              and not ws <= m[0] < we]
    # 1. named with it: «رياض ياسين، وزير الخارجية اليمني» or «وزير الخارجية اليمني رياض ياسين»
    apposed = [m for m in people if norm(text[m[1]:m[1] + len(np) + 4]).lstrip(" ،,-").startswith(key)
               or norm(text[max(0, m[0] - len(np) - 4):m[0]]).rstrip(" ،,-").endswith(key)]
    # 2. holding the title, with the same affiliation (or none known)
    titled = [m for m in people if head and head in norm(ctx.roles.get(m[2], ""))
              and (not target or ctx.affil.get(m[2], "") in target or not ctx.affil.get(m[2]))]
    # 3. a generic title (الزعيم البريطاني): the person of that affiliation named before; a specific office
    # (وزير الخارجية اليمني) is never given to someone holding another one
    # (only someone named before the statement: «… قبل لقاء الرئيس فلان» inside or after it is no antecedent)
    same = [m for m in people if target and ctx.affil.get(m[2], "") in target
            and _office_head(words[0]) not in _OFFICE_WORDS and m[1] <= c["start"]]
    if _apposed_name_tail(np):  # زعيم الحزب، "فلان": a name set off after it
        return "", np, "person", country or aff_org, we
    named_inside = [m for m in inside if not (ctx.kinds.get(m[2]) == "person" and _body_named(text[m[0]:m[1]], 1))]
    if not named_inside and 2 <= len(words) <= 3 and not any(_definite(w) for w in words) and _body_named(
            " ".join(words[1:2]), 1) and (len(words) == 2 or _NISBA_INDEFINITE.fullmatch(words[2])):
        return "", np, "unnamed", "", we  # رئيس مكتب استشاري: the head of some office, not a president named
    if len(words) == 1 and head in _OFFICE_WORDS:  # الوزير alone: the minister the article named (وزير الصحة فلان)
        named = _introduced_with(frozenset({head}), c["cue_start"], text, ctx.spans(aid), ctx)
        titled = titled or ([named] if named else [])
    for pool in (apposed, titled, same) if not _own_name_in_office(np, inside, ctx) else (apposed,):
        if pool:
            before = [m for m in pool if m[1] <= c["cue_start"]]
            pick = before[-1] if before else pool[0]
            return pick[2], np, "person", "", we
    following = _followed_by_name(c, ctx, ws, we, country or aff_org)
    if following:  # وقال مدير الفرع في المدينة، فلان الفلاني، إن
        return following
    seat = next((i for i, w in enumerate(words) if i and _at_body(w)), len(words))
    core = words[:seat]  # رئيس المحكمة العامة بالمدينة المنورة: the office without its seat
    holder = _holder(core, c["cue_start"], text, ctx.spans(aid), ctx, ws) if len(core) <= 3 else None
    holder = holder or _generic_office_holder(core, c["cue_start"], text, ctx.spans(aid), ctx)
    if holder:  # قال الحاكم: the governor the article named (فلان حاكم ولاية …)
        return holder[2], np, "person", "", we
    raw = _outside_institutions(np.split()[1:])
    if any(w == "علي" or (norm(w) in lexicon().given_names and _np_word(norm(w))) for w in raw):
        return "", np, "person", country or aff_org, we  # العقيد علي الكيني: a rank and a name
    if _word_name_tail(_phrase_words(np)):
        return "", np, "person", country or aff_org, we  # رجل الأعمال عيد السواط: a person's noun, then a name
    tail = _phrase_words(np)[-2:]
    if len(tail) == 2 and (not inside or inside[-1][1] < we - 4) and all(
            not w.startswith("ال") and w not in lexicon().stop for w in tail):
        return "", np, "person", country or aff_org, we  # an office and a name arnews does not know
    if len(tail) == 2 and tail[0].removeprefix("ال") in PERSONAL_TITLES and _surname_like(tail[1]):
        return "", np, "person", country or aff_org, we  # … الدكتورة الهاشمي: a title and a family name
    opening = _phrase_words(re.split(r"[،,]", np)[0])
    if len(opening) == 2 and re.search(r"[،,]", np) and opening[0].removeprefix("ال") in PERSONAL_TITLES and (
            _surname_like(opening[1])):  # السيد البدوي، رئيس حزب الوفد: a title and a family name, then his office
        return "", np, "person", country or aff_org, we
    named = _closing_name(text, ws, we)
    if named:  # المدير التنفيذي مساعد العتيبي: the office with the article, then its holder's name
        return "", text[ws:named[1]], "person", country or aff_org, named[1]
    return "", np, "unnamed", country or aff_org, we

# --- gender agreement: a feminine verb or pronoun is never a man's, a masculine one never a woman's ------------

_FEMININE_PRONOUNS = frozenset({"هي", "وهي", "فهي", "الاخيره", "الاولي", "سموها", "معاليها"})
_MASCULINE_PRONOUNS = frozenset({"هو", "وهو", "فهو", "الاخير", "الاول", "سموه", "معاليه", "فخامته", "سعادته",
                                 "سماحته", "فضيلته"})


def _pronoun_gender(word: str) -> str:
    """"f" or "m" for a normalized singular pronoun or anaphor, "" for a plural.

    >>> _pronoun_gender("وهي"), _pronoun_gender("الاخير"), _pronoun_gender("هم")
    ('f', 'm', '')
    """
    return "f" if word in _FEMININE_PRONOUNS else "m" if word in _MASCULINE_PRONOUNS else ""


@cache
def _cue_genders() -> dict[str, str]:
    """Every third-person singular form of the speech verbs and participles → "f" or "m"."""
    v = vocabulary()
    out: dict[str, str] = {}
    lemmas = v["speech_verb_lemmas"] | {w for w in lang.speech_verbs() if not w.startswith(("ي", "ت"))}
    for lemma in lemmas:  # the feminine first: lexicon.yaml lists قالت beside قال
        out[verb_forms(lemma)[1]] = "f"
    for lemma in lemmas:
        out.setdefault(lemma, "m")
    for w in v["present"]:
        out.setdefault(w, "f" if w.startswith("ت") else "m")
    for w in load_data("quotes.yaml")["continuation_participles"]:
        forms = participle_forms(norm(w))
        if len(forms) == 3:
            out.setdefault(forms[0], "m")
            out.setdefault(forms[1], "f")
    return out


@cache
def _wasl_lemmas() -> frozenset[str]:
    """Normalized past forms of the speech verbs written with a bare alif (اعتبر، استنكر، ادعى): written with أ, the
    same letters are the first person of the present (أعتبر)."""
    data = [*load_data("quotes.yaml")["speech_verb_lemmas"], *load_data("lexicon.yaml")["speech_verbs"]]
    return frozenset(norm(w) for w in data if w.startswith("ا"))


@lru_cache(maxsize=4096)  # a few hundred cue forms; asked several times per candidate in the corpus step
def cue_gender(cue: str) -> str:
    """"f" or "m" for a speech verb or participle in the third person singular (with و or ف), "" otherwise.

    >>> cue_gender("وقالت"), cue_gender("وأضاف"), cue_gender("تؤكد"), cue_gender("مشيرةً"), cue_gender("أكدوا")
    ('f', 'm', 'f', 'f', '')
    >>> cue_gender("واعتبر"), cue_gender("أعتبر")
    ('m', '')
    """
    w = norm(cue)
    raw = cue.lstrip("وف") if norm(cue)[:1] in "وف" and norm(cue)[1:] in _cue_genders() else cue
    if raw.startswith("أ") and norm(raw) in _wasl_lemmas():
        return ""  # أعتبر، أستنكر: the first person of a verb whose past is written with a bare alif (اعتبر)
    genders = _cue_genders()
    if w in genders:
        return genders[w]
    return genders.get(w[1:], "") if w[:1] in "وف" else ""


def _feminine_word(raw: str) -> bool:
    """Is a word as written feminine: ending in ة (وزيرة، المتحدثة، الهيئة) — not the pronoun ه (نظيره)?"""
    return raw.rstrip("ًٌٍَُِّْ").endswith("ة")


def _phrase_gender(raw: list[str], kind: str) -> str:
    """The gender of a speaker's phrase (words as written) without an actor: a feminine person's noun or title
    (المتحدثة، وزيرة) or a female given name, a masculine one; a body's head in ة is feminine (الوزارة، الهيئة)."""
    words = [norm(w) for w in raw]
    if not words:
        return ""
    v = vocabulary()
    first = clitic_variants(words[0], 2)
    if any(f in v["female_given_names"] for f in first[:2]):
        return "f"
    head = first[-1].removeprefix("ال")
    singular = head in v["human_heads"] or (head.endswith("ه") and head[:-1] in v["human_heads"]) or (
        first[-1] in v["title_first"] or head in v["title_first"])
    if kind in ("person", "unnamed") and singular:  # مصادر، المشاركون: a plural agrees with either form
        return "f" if _feminine_word(raw[0]) else "m"
    if kind in ("organization", "group", "media", "document"):
        return "f" if _feminine_word(raw[0]) else ""
    return ""


def _mention_gender(m: tuple[int, int, str], text: str, ctx: _Context, aid: str) -> str:
    """The gender of an actor's mention: learned from a verb it was the subject of, a female given name, the
    person's noun or title right before it (وزيرة الخارجية …، السيدة), a known male given name; a country is
    feminine unless listed masculine (العراق، لبنان); a body as its head."""
    kind = ctx.kinds.get(m[2])
    learned = ctx.genders.get((aid, m[2]))
    if learned:
        return learned
    v = vocabulary()
    raw = _RAW_WORD.findall(text[m[0]:m[1]])
    if not raw:
        return ""
    if kind == "country":
        return "m" if norm(raw[0]) in v["masculine_countries"] else "f"
    if kind != "person":
        return _phrase_gender(raw, kind or "")
    if any(f in v["female_given_names"] for f in clitic_variants(norm(raw[0]), 2)[:2]):
        return "f"
    before = _RAW_WORD.findall(_RX_BEFORE_MENTION_BREAK.split(text[max(0, m[0] - 50):m[0]])[-1])[-4:]
    for w in reversed(before):
        n = norm(w)
        bare = clitic_variants(n, 2)[-1]
        if _human_word(n) or bare in v["title_first"]:
            return "f" if _feminine_word(w) else "m"
    return "m" if norm(raw[0]) in lexicon().given_names else ""


_NISBA = re.compile(r"(?:[وفبل]|لل|[وف]ل)?(?:ال|ل)\S+(?:ي|ية|يين|يون|يان)")
_RAW_WORD = re.compile(r"[^\s«»“”\"،,:.؛()\-–—]+")


def _last_agreeing(offset: int, want: str, text: str, sp: _Spans, ctx: _Context, reach: int = 3_000
                   ) -> tuple[int, int, str] | None:
    """For a feminine verb or pronoun the last woman named before ``offset``, else the last feminine body (الوزارة،
    الهيئة), else the last person of unknown gender; for a masculine one the last person who is not a woman, else
    the last masculine body. Never one of the other gender."""
    aid = sp.article_id
    near = [m for m in sp.between(max(0, offset - reach), offset) if m[1] <= offset
            and ctx.kinds.get(m[2]) in ("person", "organization", "group", "media", "country")
            and not (ctx.kinds.get(m[2]) == "country" and _NISBA.fullmatch(text[m[0]:m[1]]))  # المسلسل التركي
            and not _in_institution(text, m[0])]  # كلية الملك فهد: an institution's name
    people = [(m, _mention_gender(m, text, ctx, aid)) for m in reversed(near) if ctx.kinds.get(m[2]) == "person"]
    if want == "f":  # the feminine is marked: a woman named is sure, a name of unknown gender only a guess
        found = next((m for m, g in people if g == "f"), None) or next(
            (m for m in reversed(near) if ctx.kinds.get(m[2]) in ("organization", "group", "media")
             and _mention_gender(m, text, ctx, aid) == "f"), None)
        return found or next((m for m, g in people if not g), None)
    found = next((m for m, g in people if g != "f"), None)  # هو، الأخير: the last person who is not a woman
    return found or next((m for m in reversed(near) if ctx.kinds.get(m[2]) in ("organization", "group", "media")
                          and _mention_gender(m, text, ctx, aid) == want), None)




def _circumstantial_person(c: dict, first: str, want: str, text: str, sp: _Spans, ctx: _Context
                           ) -> tuple[int, int, str] | None:
    """The speaker of a verb followed by a circumstantial clause (حال) in «و» + pronoun (وقالت وهي تمسك حقيبتها …،
    وقال وهو يغادر): a person doing something while speaking, so the last person of the pronoun's gender, else of
    unknown gender, before any body, medium or place; None when no person is named before the verb, or for وهو
    (the masculine already prefers people: see :func:`_last_agreeing`).

    >>> _circumstantial_person({"subject": "before"}, "وهي", "f", "", None, None) is None
    True
    """
    if c["subject"] != "after" or first != "وهي" or want != "f":
        return None  # the masculine already goes to the last person who is not a woman, before any body
    offset = c["cue_start"]
    aid = sp.article_id
    people = [m for m in reversed(sp.between(max(0, offset - 3_000), offset)) if m[1] <= offset
              and ctx.kinds.get(m[2]) == "person" and not _in_institution(text, m[0])]
    genders = [(m, _mention_gender(m, text, ctx, aid) or ("f" if _said_of_a_woman(text[m[0]:m[1]], m[1], text)
                                                          else "")) for m in people]
    return next((m for m, g in genders if g == "f"), None) or next((m for m, g in genders if not g), None)


def _man_for_feminine_verb(prior: tuple, want: str, offset: int, text: str, sp: _Spans, ctx: _Context) -> bool:
    """Would a feminine verb without subject (وأكدت أن …) go on with a man? The verb agrees with its subject, so a
    person known to be a man never says it: better no row than his name on someone else's words.

    >>> _man_for_feminine_verb(("", "x", "organization", ""), "f", 0, "", None, None)
    False
    """
    if want != "f" or not prior or prior[2] != "person" or _said_of_a_woman(prior[1], offset, text):
        return False
    return _speaker_gender(prior[0], prior[1], prior[2], offset, text, sp, ctx) == "m"


_FEMININE_VERB = re.compile(r"\S{2,}ت")


def _said_of_a_woman(surface: str, offset: int, text: str) -> bool:
    """Does the sentence before ``offset`` treat the speaker as a woman, whatever arnews guessed of the name: a
    feminine verb at most three words before her name (وعبرت مور …، قائلة، أقرت جودي ماغي … لكنها نفت)?

    >>> _said_of_a_woman("مور", 40, "وعبرت مور عن أسفها لفقدان الشاب، قائلة إن")
    True
    """
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset), 0)
    words = _RAW_WORD.findall(text[start:offset])
    name = _RAW_WORD.findall(surface)
    if not name:
        return False
    normed = [norm(w) for w in words]
    last = norm(name[-1])
    return any(w == last and any(_FEMININE_VERB.fullmatch(x) for x in normed[max(0, i - 3):i])
               for i, w in enumerate(normed))


def _speaker_gender(speaker: str, surface: str, kind: str, offset: int, text: str, sp: _Spans, ctx: _Context
                    ) -> str:
    """The gender of a decided speaker: from the actor's mentions before ``offset``, else from its phrase (known
    once, kept for the article: a speaker's gender does not change)."""
    key = (sp.article_id, speaker, surface)
    if key not in ctx.speaker_genders:
        ctx.speaker_genders[key] = _find_speaker_gender(speaker, surface, kind, offset, text, sp, ctx)
    return ctx.speaker_genders[key]


def _find_speaker_gender(speaker: str, surface: str, kind: str, offset: int, text: str, sp: _Spans, ctx: _Context
                         ) -> str:
    if speaker:
        for m in reversed(sp.between(max(0, offset - 20_000), offset)):
            if m[2] == speaker:
                g = _mention_gender(m, text, ctx, sp.article_id)
                if g:
                    return g
        g = ctx.genders.get((sp.article_id, speaker))
        if g:
            return g
    return _phrase_gender(_RAW_WORD.findall(surface), kind)


def _outside_institutions(words: list[str]) -> list[str]:
    """The words of a phrase that are not the name of an institution inside it (an institution's noun, then up to
    three words: رئيس جامعة الملك عبدالعزيز holds no person's name).

    >>> _outside_institutions(["جامعة", "الملك", "عبدالعزيز", "خالد"])
    ['خالد']
    """
    nouns = vocabulary()["institution_nouns"]
    out: list[str] = []
    i = 0
    while i < len(words):
        n = norm(words[i])
        i += 1
        if not {n, *clitic_variants(n, 2)} & nouns:
            out.append(words[i - 1])
            continue
        if i < len(words) and norm(words[i]).startswith("ال"):
            i += 1  # the title: الملك، الإمام
        i += 1  # the name
        while i + 1 < len(words) and norm(words[i]) in ("بن", "ابن", "عبد"):
            i += 2  # محمد بن سعود
    return out


#: the closing mark of a speaker's quoted name at the start of what follows it (قناة "كي تي إن" التلفزيونية)
_CLOSING_MARK = re.compile(r"[»”\"]\s")


def resolve(cands: list[dict], mentions: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame
            ) -> pd.DataFrame:
    """Speakers for the candidates, in article order; continuations take the previous speaker, participles the
    subject of their sentence, statements inside a medium's or document's words that medium as their channel."""
    ctx = _Context(mentions, actors, articles)
    rows = []
    previous: dict[str, tuple[str, str, str, str]] = {}
    history: dict[str, list[tuple[str, str, str, str]]] = {}  # each article's speakers, in turn
    in_sentence: dict[tuple[str, int], tuple[str, str, str, str]] = {}
    cands = sorted(cands, key=lambda r: (r["article_id"], r["cue_start"]))
    enclosing = _enclosing(cands)
    back_source = {j: i for j, i in _back_attributions(cands, ctx.texts).items()
                   if cands[j]["subject"] != "none" or _speaker(cands[i], ctx)}  # (حسب تعبيره: no source)
    sources = set(back_source.values())
    decided: dict[int, list] = {}
    offices: dict[str, list[tuple[tuple[str, str, str, str], int]]] = {}  # each article's speakers, with ends
    said_until: dict[str, int] = {}  # where each article's last statement ends
    speakers_of: dict[str, int] = {}  # how many speakers the article's last statement had
    quoted_speaker: dict[str, tuple] = {}  # the last speaker named inside a quotation, with the quotation's end
    for i, c in enumerate(cands):
        aid, text = c["article_id"], ctx.texts[c["article_id"]]
        from_quote = False  # the speaker was taken from inside the quotation the verb stands in
        if i in sources:
            continue  # …، بحسب مركز الأنباء: the source reports a statement that has its own speaker
        if _cue_in_place_name(c, ctx):
            continue  # قرب ودان، منطقة ودان: a town's name, not the verb دان (condemned)
        found = _speaker(c, ctx)
        if found is None or (c.get("weak") and not (found and found[0][0] and _actor_heads(c, ctx, found[0][0]))):
            continue  # a present form without complementizer speaks only for a known actor (يعتبر … is passive)
        inner = None
        if found == [] and c["subject"] == "none" and c["mode"] != "continuation" and enclosing.get(i) in decided:
            inner = _quoted_person(c, cands[enclosing[i]], decided[enclosing[i]][0], ctx)
            if inner:  # «تحدثت مع ابني فهد وقال: أنا بخير»: the son speaks, his mother reports it
                found = [(*inner, c["window_end"])]
        if found == [] and c["subject"] == "none" and c["mode"] != "continuation" and enclosing.get(i) is not None \
                and _inside_quotation(text, cands[enclosing[i]]["start"], c["cue_start"]):
            continue  # قال: «… وقال لي إن …»: a verb without subject inside a quotation is part of it
        if found and found[0][2] == "document" and c["mode"] == "attribution" and _within_marks(
                text, c["cue_start"]):
            continue  # قال: «… وحسب الاتفاق، يجب …»: the speaker cites the document in his own words
        polled = None
        if found == [] and c["subject"] == "none" and _topic_before(c, ctx):
            continue  # نظرة سريعة إلى الحضور، تشير إلى أن: the writer's observation, no one speaks
        if found == []:
            quoted = quoted_speaker.get(aid)
            from_quote = bool(quoted and quoted[1] <= c["cue_start"] < quoted[2])
            prior = (quoted[0] if from_quote else None) or _chain_subject(c, ctx) or in_sentence.get(
                (aid, c["sentence_id"]))  # inside the same quotation: who spoke there
            if (c["subject"] == "none" or c["mode"] == "continuation") and not (prior and prior[2] == "unnamed"):
                polled = _polled_group(c, ctx)  # … أعداد من المسلمين عبروا عن …: those polled, not who polled
                prior = polled or _group_subject(c, ctx) or prior  # a group speaks, not the person quoted before
            if c["mode"] == "continuation" and not prior:
                prior = _sentence_subject(c, ctx) or _introduced(c, ctx, said_until.get(aid, 0), previous.get(aid)) \
                    or previous.get(aid)
            elif c["subject"] == "issuer":
                prior = _document_issuer(c, ctx)
                if not prior:
                    continue
            elif c["subject"] == "interviewee":
                prior = _interview_subject(c, ctx)
                if not prior:
                    continue
            else:  # a verb without subject: the subject of its sentence (فوافق X على …، وقال إن …), or the last one
                prior = prior if c["mode"] == "continuation" else (
                    prior or _interviewee(c, ctx) or _sentence_subject(c, ctx)
                    or _narrated_subject(c, ctx, said_until.get(aid, 0), previous.get(aid))
                    or _introduced(c, ctx, said_until.get(aid, 0), previous.get(aid)) or previous.get(aid))
            want = cue_gender(c["cue"]) if c["subject"] not in ("issuer", "interviewee") else ""
            if want and prior and (_speaker_gender(
                    prior[0], prior[1], prior[2], c["cue_start"], text, ctx.spans(aid), ctx) not in ("", want) or (
                    want == "m" and not prior[0] and _bare_cue(c, text) and not _plural_cue(c["cue"])
                    and _plural_phrase(prior[1]))):  # ذات المصادر …، مؤكداً: never
                # the sources (a plural takes مؤكدة or مؤكدين, never the masculine singular)
                # وقالت after a man was quoted: the last speaker, else the last woman or feminine body named, that
                # agrees (a feminine verb is never a man's). With nobody quoted before, no row, as before: a verb
                # without subject at an article's start is too often a narrator's or an object's
                one = want == "m" and _bare_cue(c, text) and not _plural_cue(c["cue"])  # مشيراً: one man
                earlier = next((h for h in reversed(history.get(aid, [])) if not (
                    h[2] == "country" and _NISBA.fullmatch(h[1].strip())) and not (
                    one and not h[0] and _plural_phrase(h[1])) and _speaker_gender(
                    h[0], h[1], h[2], c["cue_start"], text, ctx.spans(aid), ctx) == want), None)
                m = None if earlier else _last_agreeing(c["cue_start"], want, text, ctx.spans(aid), ctx)
                if earlier:  # the last speaker quoted that agrees (وبينت المتطوعة فلانة … لافتةً)
                    prior = earlier
                elif m and _mention_gender(m, text, ctx, aid) == want:
                    prior = (m[2], text[m[0]:m[1]], ctx.kinds.get(m[2], ""), "")
                elif _man_for_feminine_verb(prior, want, c["cue_start"], text, ctx.spans(aid), ctx):
                    continue  # وأكدت after a man, with no woman or feminine body before: not his words
            if not prior or _told_me_unnamed(c, prior, text):
                continue  # فقال لي: «…» in a memoir or an interview: no row rather than the last name
            if prior[2] == "person" and prior[0] and _plural_cue(c["cue"]) and speakers_of.get(aid, 1) == 1 and (
                    prior[:4] != (_group_subject(c, ctx) or ())[:4]):
                continue  # حيث يقولون إن after «فلان»: a plural verb never goes on with one person
            # the phrase after the verb was its object (وحث أوروبا على …): the content keeps it
            end = c["window_start"] if c["subject"] == "after" else c["window_end"]
            if c["subject"] == "after" and 0 <= c.get("channel_start", -1) <= c["window_start"] + 1:
                end = max(c["window_end"], c["channel_end"])  # وقال لرويترز «…»: the content follows the medium
            found = [(*prior, end)]
        elif c["subject"] in ("after", "before", "name") and found[0][0] and cue_gender(c["cue"]):
            ctx.genders.setdefault((aid, found[0][0]), cue_gender(c["cue"]))  # قالت فلانة: she
        elif len(found) == 1 and not found[0][0] and found[0][2] in ("unnamed", "person"):
            holder = _office_quoted_before(found[0][1], offices.get(aid, []), text)
            if holder:  # وشدد الأمين العام لـ… after «قال الأمين العام لـ… فلان»: the holder quoted before
                found = [(*holder, found[0][4])]
        if found and found[0][2] in ("person", "organization") and (found[0][0] or found[0][2] == "person"):
            offices.setdefault(aid, []).append((found[0][:4], found[0][4]))
        if found and len(found) == 1 and found[0][2] == "unnamed" and not found[0][0] and _named_tail(found[0][1]):
            found = [(found[0][0], found[0][1], "person", *found[0][3:])]  # متحدث الهيئة بجازان بيشي الصرخي
        decided[i] = found
        speakers_of[aid] = len(found)
        said_until[aid] = max(said_until.get(aid, 0), c["end"])
        quoted_inner = c["subject"] in ("after", "before", "name") and _within_marks(text, c["cue_start"])
        quoted_inner = quoted_inner or from_quote  # his words again inside the quotation: not carried out of it
        if quoted_inner and found:  # «… وعد فلان بأنه …، ثم قال إنه …»: inside the quotation he goes on
            quoted_speaker[aid] = (found[0][:4], c["cue_start"], text.find("»", c["cue_start"]))
        for speaker, _surface, kind, _aff, _end in found[:1]:
            if (kind not in ("document",) or speaker) and not polled and not quoted_inner:
                # (a speaker named inside another's quoted words — «… لأن العربي يعتبر أن …»، معتبراً — is not
                # the one a verb or participle after the quotation goes on with)  # those polled speak once: who spoke
                # before goes on (… أعداد من المسلمين عبروا عن …. وقال: the medium's or person's words again)
                if previous.get(aid) != found[0][:4]:
                    history.setdefault(aid, []).append(found[0][:4])
                previous[aid] = found[0][:4]
                in_sentence[(aid, c["sentence_id"])] = found[0][:4]
        if c["mode"] == "occasion":
            continue  # صرح فلان بمناسبة …، وقال: the speaker of the sentence, who says nothing yet
        if c["mode"] == "attribution" and any(enclosing.get(j) == i and cands[j]["subject"] != "none"
                                              for j in range(i + 1, min(i + 6, len(cands)))):
            continue  # the statement is the inner speaker's; this source is its channel
        channel = _channel_text(text, c)
        stop = c["end"]
        if i in back_source:
            src = cands[back_source[i]]
            if not channel:
                channel = text[src["window_start"]:src["window_end"]].strip(" «»“”\"")
            if c["subject"] == "none":  # وأضاف أن …، وفقا لما نقلته مجلة «العلوم» التي تصدرها …
                channel = _RELATIVE_END.sub("", channel).strip()  # the medium, without its relative clause
                stop = min(stop, len(text[:src["cue_start"]].rstrip(" ،,")))  # and the source is no content
        parent = enclosing.get(i)
        reported_by = ""
        if inner or (parent is not None and parent in decided and (c["subject"] != "none" or polled)
                     and c["mode"] != "continuation" and cands[parent]["mode"] in ("complement", "attribution")
                     and _other_speaker(decided[parent][0], found[0]) and _nested(cands[parent], c, text)):
            # a statement inside another's words (وأضاف أن فلاناً قال إن …، نقلت الوكالة أن المشاركين أكدوا …):
            # whoever reports it is its channel, and reported_by links the two rows
            if not channel:
                channel = decided[parent][0][1].strip()
            if cands[parent]["mode"] != "attribution" and decided[parent][0][2] not in ("media", "document"):
                reported_by = decided[parent][0][0] or decided[parent][0][1].strip()
        for speaker, surface, kind, affiliation, surface_end in found:
            start = c["start"]
            if c["mode"] == "after_speaker" and c["subject"] in ("after", "name"):
                start = max(start, surface_end)
            body = text[start:stop]
            if _CLOSING_MARK.match(body) and start == surface_end:
                start += 1  # the closing mark of the speaker's quoted name (قناة "كي تي إن" التلفزيونية)
                body = body[1:]
            lead = len(body) - len(body.lstrip(" ،,:"))
            start += lead
            if body[lead:].startswith("على ") and clitic_variants(norm(c["cue"]), 2)[-1] in vocabulary()[
                    "document_verbs"]:
                start += 4  # ونص البيان على إنشاء …: what it states follows على
            body = text[start:stop]
            if len(body.split(maxsplit=1)) < 2:  # fewer than two words (without splitting all of them)
                continue
            qkind, qs, qe = classify(body) if c["mode"] != "interview" else ("direct", 0, len(body))
            surface = surface.strip(" ،,-–")
            mark = "»" if surface.count("«") > surface.count("»") else "”" if surface.count("“") > surface.count(
                "”") else '"' if surface.count('"') % 2 else ""
            if mark:  # شركة «سافاري» : keep the closing mark
                close = text.find(mark, c["window_start"] + len(surface), c["window_start"] + len(surface) + 3)
                surface = text[c["window_start"]:close + 1] if close > 0 and text[
                    c["window_start"]:].startswith(surface) else surface
            rows.append({"article_id": aid, "speaker": speaker, "speaker_surface": surface,
                         "cue": c["cue"], "kind": qkind, "text": text[start + qs:start + qe], "start": start + qs,
                         "end": start + qe, "sentence_id": c["sentence_id"], "speaker_kind": kind,
                         "speaker_affiliation": affiliation, "channel": channel, "reported_by": reported_by})
    _descriptor_holders(rows, ctx)
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return df.drop_duplicates(["article_id", "start", "end", "speaker"]).reset_index(drop=True)


# --- a descriptor said alone for a person the article named (المدعي العام، المواطن، النائب الجمهوري) ----------
_DESCRIPTOR_LINKS = frozenset({"في", "على", "علي", "لدى", "لدي", "عن", "من", "باسم"})
_COMMA = re.compile(r"[،,]")
_SPELLING_VARIES = re.compile(r"[اأإآؤئءةىيه\u064b-\u0652\u0640]")  # alef, hamza, final forms, marks, tatweel
_CLAUSE_OR_COMMA = re.compile(r"[.:«»“”\"؛()\n،,]")
_LEAD_BREAK = re.compile(r"[.:«»“”\"؛()\n!؟]")
_APPOSITION_OPEN = re.compile(r"\s*[،,(\-–]?\s*")


def _person_noun(head: str) -> bool:
    """Is a definite normalized word a person's noun or office (المواطن، المدعي، المسؤول، النائب), not a body's or
    a thing's (العائلة، الاستراتيجية)?

    >>> _person_noun("المواطن"), _person_noun("المدعي"), _person_noun("العايله")
    (True, True, False)
    """
    bare = head.removeprefix("ال")
    return head in _epithet_words() or bare in _office_firsts() or (
        bare.replace("ؤ", "ء").replace("ئ", "ء") in vocabulary()["human"])


@cache
def _person_epithets() -> frozenset[str]:
    """The epithets of a person, masculine and feminine (الرجل، المرأة، النائب الجمهوري)."""
    v = vocabulary()
    return v["person_epithets"] | v["feminine_epithets"]


@cache
def _epithet_words() -> frozenset[str]:
    """Definite person's nouns and titles a descriptor opens with (الرجل، السيدة، المدعي …)."""
    return _person_epithets() | vocabulary()["title_first"]


@cache
def _lead_stops() -> frozenset[str]:
    """Words that end a descriptor's lead before a name: a speech verb, مع (another person's company)."""
    return vocabulary()["speech_forms"] | {"مع"}


def _descriptor(surface: str) -> list[str]:
    """The bare words of a speaker phrase that is a definite person's noun or office said alone, without a name
    (المدعي العام، المواطن، النائب الجمهوري): at most five words; else [].

    >>> _descriptor("المدعي العام"), _descriptor("مسؤول في الوزارة"), _descriptor("المواطن سالم العتيبي")
    (['المدعي', 'العام'], [], [])
    """
    words = _phrase_words(surface)
    if not 1 <= len(words) <= 5:
        return []
    head = words[0][1:] if words[0].startswith(("وال", "فال")) else words[0]
    v = vocabulary()
    if not head.startswith("ال") or not _person_noun(head) or (head not in v["feminine_epithets"] and (
            _bare(head) in _NEVER_HOLDERS or head in _NEVER_HOLDERS or head.endswith(("ون", "ين", "ات"))
            or _bare(head) in v["human_plurals"])):  # المصدر، الشهود، المسؤولون (المرأة is one woman)
        return []
    if any(not strip_clitics(w).startswith("ال") and w not in _DESCRIPTOR_LINKS for w in words[1:]):
        return []  # a name or an indefinite word: the phrase is more than a descriptor
    return [strip_clitics(w) for w in words]


def _named_run(surface: str) -> str:
    """The name in a person speaker's phrase: after a definite head and its adjectives (المواطن مانع ملفي →
    مانع ملفي), or the whole phrase when it is two to four words with no article on the first (مباكي فال);
    "" when there is none.

    >>> _named_run("المواطن مانع ملفي"), _named_run("مباكي فال"), _named_run("المدعي العام")
    ('مانع ملفي', 'مباكي فال', '')
    """
    surface = surface.strip()
    span = _definite_head_name(surface, 0, len(surface))
    if span:
        return surface[span[0]:span[1]]
    words = _phrase_words(surface)
    if 2 <= len(words) <= 4 and not strip_clitics(words[0]).startswith("ال") and not _QUOTE_MARKS.search(
            surface) and not any(w in lexicon().stop for w in words):
        return surface
    lead = surface.split()  # فاديم سوروكين المختص النفطي الروسي: the name before the person's noun
    return " ".join(lead[:2]) if len(words) >= 3 and words[2].startswith("ال") and _plain_name(" ".join(lead[:2])) and (
        _name_then_office(words[:4], vocabulary())) else ""


def _said_with(desc: list[str], text: str, s: int, e: int) -> bool:
    """Is the person named at ``text[s:e]`` introduced with the descriptor: right before the name in its clause
    (المدعي العام لدى المحكمة فلان، وقال المواطن فلان) or set off right after it (فلان، المتحدث باسم الشركة)?

    >>> _said_with(["المواطن"], "وقال المواطن مانع ملفي إن", 13, 22)
    True
    """
    seg = _LEAD_BREAK.split(text[max(0, s - 120):s])[-1].rstrip()
    seg = _COMMA.split(seg[:-1] if seg.endswith(("،", ",")) else seg)[-1]
    lead = [strip_clitics(w) for w in _phrase_words(seg)][-10:]
    n = len(desc)
    stop = _lead_stops()
    for i in range(len(lead) - n + 1):
        rest = lead[i + n:]
        if lead[i:i + n] == desc and len(rest) <= 6 and not any(
                w in stop or w in _office_firsts() for w in rest):
            return True
    after_name = _APPOSITION_OPEN.match(text, e, e + 4).end()  # (the mark is optional: it always matches)
    clause = _CLAUSE_OR_COMMA.split(text[after_name:after_name + 120], 1)[0]  # فلان، المتحدث باسم …; فلان المختص
    return [strip_clitics(w) for w in _phrase_words(clause)][:n] == desc


def _article_people(rows: list[dict], text: str, sp: _Spans, ctx: _Context) -> list[tuple[int, int, str, str]]:
    """The people an article names: its person mentions (start, end, actor, surface), and the names closing the
    phrases of its person speakers arnews knows no actor for, where the text says them (key ``~name``)."""
    people = [(m[0], m[1], m[2], text[m[0]:m[1]]) for m in sp.ms if ctx.kinds.get(m[2]) == "person"]
    for name, surface in {(_named_run(r["speaker_surface"]), r["speaker_surface"]) for r in rows
                          if r["speaker_kind"] == "person" and not r["speaker"]}:
        at = text.find(name) if name else -1
        while at >= 0:
            if not any(p[0] < at + len(name) and at < p[1] for p in people):
                people.append((at, at + len(name), "~" + norm(name), surface))
            at = text.find(name, at + len(name))
    return people


def _epithet_antecedent(rows: list[dict], i: int, words: list[str], text: str, sp: _Spans, ctx: _Context
                        ) -> dict | None:
    """The row of the named person an epithet said alone goes on with (قال فلان «…». وأضاف النائب الجمهوري):
    the last person quoted before, by name, when every row between is inside that statement, nobody else is
    named between its end and the epithet, and the gender agrees; None otherwise."""
    v = vocabulary()
    two = f"{strip_clitics(words[0])} {words[1]}" if len(words) > 1 else ""
    first = two if two in _person_epithets() else strip_clitics(words[0])
    want = "f" if first in v["feminine_epithets"] else "m" if first in v["person_epithets"] else ""
    rest = words[len(first.split()):]
    if not want or any(not w.startswith("ال") or w[2:] in _body_heads() for w in rest):
        return None
    r = rows[i]
    j = i - 1
    while j > 0 and rows[j - 1]["article_id"] == r["article_id"] and rows[j - 1]["start"] <= rows[j]["start"] < rows[
            j - 1]["end"]:
        j -= 1  # a statement inside the one before (قال فلان «… دعا التنظيم إلى …»): the outer one goes on
    p = rows[j] if j >= 0 else None
    if p is None or p["article_id"] != r["article_id"]:
        return _lone_person_before(r["start"], want, text, sp, ctx)
    if r["start"] - p["end"] > 400 or p[
            "speaker_kind"] != "person" or not (p["speaker"] or _named_run(p["speaker_surface"])):
        return None  # the statement right before is no named person's
    if any(ctx.kinds.get(m[2]) == "person" and m[2] != p["speaker"] for m in sp.between(p["end"], r["start"])):
        return None  # someone else was named between
    at = text.rfind(p["speaker_surface"].strip(), max(0, p["start"] - 200), p["start"])
    if at < 0 or (_INTRO_BREAK.search(text, at, p["start"]) and "«" not in text[at:p["start"]]):
        return None  # the statement before was not introduced with its speaker's name (قال إن «… فلان»)
    said = norm(r["speaker_surface"].strip())
    if said and norm(text[:p["start"]]).replace(norm(p["speaker_surface"]), "").count(said):
        return None  # وفقا للمسؤول العراقي … وأكد المسؤول العراقي: the epithet was someone else's before
    g = _speaker_gender(p["speaker"], p["speaker_surface"], "person", r["start"], text, sp, ctx)
    return p if (g == "f") == (want == "f") else None


def _lone_person_before(offset: int, want: str, text: str, sp: _Spans, ctx: _Context) -> dict | None:
    """For an epithet said alone before any statement of the article (توقع مدير المركز الدكتور فلان أن …. ورأى
    الخبير السياسي أن): the one person the article named before ``offset``, within 800 characters, as a row's
    speaker fields, when that person's gender agrees with the epithet's; None when nobody or more than one."""
    named = {m[2]: m for m in sp.between(0, offset) if m[1] <= offset and ctx.kinds.get(m[2]) == "person"}
    if len(named) != 1:
        return None
    m = next(iter(named.values()))
    if offset - m[1] > 800 or not _titled_mention(m, text) or (
            _mention_gender(m, text, ctx, sp.article_id) == "f") != (want == "f"):
        return None
    return {"speaker": m[2], "speaker_surface": text[m[0]:m[1]]}


_COMMA_WORD = re.compile(r"\s*[،,]\s*([^\s«»“”\"،,:.؛()]+)")


def _titled_mention(m: tuple[int, int, str], text: str) -> bool:
    """Is the person named at ``m`` introduced with a title right before the name (الدكتور فلان) or an office set
    off right after it (فلان، رئيس وحدة …): someone the article presents, not a byline (فلان- سبق- الرياض:)?

    >>> _titled_mention((14, 22, "x"), "وتوقع الدكتور سالم علي أن")
    True
    >>> _titled_mention((0, 9, "x"), "عيسى سالم- سبق- الرياض:")
    False
    """
    before = _phrase_words(text[max(0, m[0] - 30):m[0]])
    if before and clitic_variants(before[-1], 2)[-1] in _office_firsts() | vocabulary()["honorific_nouns"]:
        return True
    after = _COMMA_WORD.match(text, m[1], m[1] + 40)
    return bool(after) and _bare(_norm_word(after.group(1))) in _office_firsts()


def _repeated_office_holder(surface: str, offset: int, aid: str, ctx: _Context | None) -> str:
    """The person an office said alone stands for when the article wrote the same office before ``offset`` (else
    within 3,000 characters after it) with a name right after it (ومدير جامعتي الملك فيصل والباحة المكلف، الدكتور
    فلان … وأوضح سعادة مدير جامعتي الملك فيصل والباحة المكلف أن): that person's actor, when one person only; ""
    otherwise. Honorifics before the office (quotes.yaml honorific_nouns) and titles between it and the name
    (الأستاذ الدكتور) are passed over.

    >>> _repeated_office_holder("المدير", 0, "", None)  # one word: a descriptor, not an office
    ''
    """
    v = vocabulary()
    words = surface.split()
    while words and clitic_variants(_norm_word(words[0]), 2)[-1] in v["honorific_nouns"]:
        words.pop(0)
    if len(words) < 2 or strip_clitics(_norm_word(words[0])) not in _office_firsts():
        return ""
    core, found, text = " ".join(words), set(), ctx.texts[aid]
    for lo, hi in ((0, offset), (offset, offset + 3_000)):  # before; else the office said again with the name after
        at = text.find(core, lo, hi)
        sp = ctx.spans(aid) if at >= 0 else None
        while at >= 0:
            end = at + len(core)
            near = [m for m in sp.between(max(0, at - 60), end + 80) if ctx.kinds.get(m[2]) == "person"]
            after = [m for m in near if m[0] >= end]
            before = [m for m in near if m[1] <= at and not text[m[1]:at].strip(" ،,") and " " in text[
                m[0]:m[1]]]  # فلان الفلاني، مدير …: a full name (a family name alone may be the tagger's half)
            if after:
                m = min(after)
                gap = [_norm_word(w) for w in text[end:m[0]].replace("،", " ").split()]
                if len(gap) <= 4 and not _INTRO_BREAK.search(text, end, m[0]) and all(
                        w in v["title_first"] or w in v["honorific_nouns"] for w in gap):  # not بالأمير فلان
                    found.add(m[2])
            found.update(m[2] for m in before)
            at = text.find(core, end, hi)
        if not found and lo == 0:
            found = _office_after_name(_phrase_words(core), offset, text, ctx.spans(aid), ctx)
        if found:
            break
    return next(iter(found)) if len(found) == 1 else ""


def _office_after_name(office: list[str], offset: int, text: str, sp: _Spans, ctx: _Context) -> set[str]:
    """The people named before ``offset`` with an office set right after the name whose words hold the office's,
    in order (فلان رئيس الجمعية الوطنية لحماية البيئة … وقال رئيس جمعية حماية البيئة).

    >>> _office_after_name(["مدير"], 0, "", None, None)  # one word: a descriptor's rule
    set()
    """
    if len(office) < 2:
        return set()
    want = [_bare(w) for w in office]
    found = set()
    for m in sp.between(0, offset):
        if m[1] > offset or ctx.kinds.get(m[2]) != "person" or " " not in text[m[0]:m[1]]:
            continue
        clause = _CLAUSE_OR_COMMA.split(text[m[1]:m[1] + 160].lstrip(" ،,"), 1)[0]
        words = [{x.removeprefix("ال") for x in clitic_variants(w, 2)} for w in _phrase_words(clause)][
            :len(want) + 3]
        if not words or _bare(_phrase_words(clause)[0]) != want[0]:
            continue  # the office itself, not ومدير … (a second person) nor لأمير … (the one spoken to)
        j = 1
        for w in words[1:]:
            if j < len(want) and want[j] in w:
                j += 1
        if j == len(want):
            found.add(m[2])
    return found


def _descriptor_holders(rows: list[dict], ctx: _Context) -> None:
    """Give statements whose speaker is a definite descriptor said alone (وقال المدعي العام، وأضاف المواطن،
    وأضاف النائب الجمهوري) to the person it stands for: the one person the article named with that descriptor,
    before or after (المدعي العام لدى المحكمة فلان، وقال المواطن فلان، فلان، المتحدث باسم …); else, for a
    person's epithet (الرجل، النائب، السيدة …, quotes.yaml person_epithets), the person quoted by name right before.
    Unnamed as before when more than one person or nobody fits. Rows (in article order) are changed in place,
    once all are decided: an epithet given here is no antecedent for the next."""
    updates: dict[int, tuple[str, str, str]] = {}
    lo, people, aid = 0, None, None
    for i, r in enumerate(rows):
        if r["article_id"] != aid:
            lo, people, aid = i, None, r["article_id"]
        if r["speaker"] or r["speaker_kind"] not in ("unnamed", "person") or (
                r["speaker_kind"] == "person" and _named_run(r["speaker_surface"])):
            continue
        desc = _descriptor(r["speaker_surface"])
        if not desc:
            held = _repeated_office_holder(r["speaker_surface"], r["start"], aid, ctx)
            if held:  # سعادة مدير جامعتي … المكلف: the person named right after the same office before
                updates[i] = (held, r["speaker_surface"], "person")
            continue
        if i > lo and i - 1 in updates and all(rows[i - 1][k] == r[k] for k in (
                "speaker", "speaker_surface", "speaker_kind")):
            updates[i] = updates[i - 1]  # وأضاف النائب …، مشيراً: the same person goes on
            continue
        text, sp = ctx.texts[aid], ctx.spans(aid)
        if people is None:
            hi = next((j for j in range(i, len(rows)) if rows[j]["article_id"] != aid), len(rows))
            people = _article_people(rows[lo:hi], text, sp, ctx)
        core = max(_SPELLING_VARIES.split(desc[0][2:]), key=len)[:2]  # two letters any spelling keeps together
        named = {}
        for s, e, key, surface in people:
            if core in text[max(0, s - 125):e + 130] and _said_with(desc, text, s, e):  # most names: not near
                named.setdefault(key, surface)
        if len(named) == 1:  # a name arnews has no actor for (~name) is what the reader needs as the surface
            key, surface = next(iter(named.items()))
            updates[i] = ("", surface, "person") if key.startswith("~") else (key, r["speaker_surface"], "person")
        elif not named:
            p = _epithet_antecedent(rows, i, _phrase_words(r["speaker_surface"]), text, sp, ctx)
            if p:
                updates[i] = (p["speaker"], r["speaker_surface"] if p["speaker"] else p["speaker_surface"], "person")
    for i, (speaker, surface, kind) in updates.items():
        rows[i]["speaker"], rows[i]["speaker_surface"], rows[i]["speaker_kind"] = speaker, surface, kind


_QUOTE_MARKS = re.compile(r"[«»“”\"]")
_INTRO_BREAK = re.compile(r"[.:؛()\n]")


def _word_name_tail(words: list[str]) -> bool:
    """Does a speaker's phrase opened by a person's noun end on a given name that is also a word and a family
    name with the article (رجل الأعمال عيد السواط، المواطن سعيد الحربي), a person the tagger reads as words?

    >>> _word_name_tail(["رجل", "الاعمال", "عيد", "السواط"]), _word_name_tail(["المواطن", "عيد", "الفطر"])
    (True, False)
    """
    if len(words) < 3 or not _human_word(clitic_variants(words[0], 2)[-1]):
        return False
    return _word_name_pair(words[-2], words[-1])


def _word_name_pair(first: str, last: str) -> bool:
    """Are two normalized words a given name that is also a word and a family name with the article (مطلق البقمي،
    عيد السواط), which the tagger reads as words?

    >>> _word_name_pair("مطلق", "البقمي"), _word_name_pair("عيد", "الفطر")
    (True, False)
    """
    return first in vocabulary()["word_names"] and _surname_like(last) and ner.word_score(last) > -2 and (
        lexicon().entities.get((first, last)) is None and lexicon().entities.get((last,)) is None) and (
        last[2:] not in _body_heads())


def _generic_office_holder(words: list[str], offset: int, text: str, sp: _Spans, ctx: _Context
                           ) -> tuple[int, int, str] | None:
    """The person an office in construct with a generic body said alone stands for (مدير فرع الجمعية، رئيس
    المركز): the one person the article named before ``offset`` right after the same office word, whatever body
    and the same kind of body (مدير «جمعية الفنون» فلان); None when no one or more than one person was.

    >>> _generic_office_holder(["وزير", "الخارجيه"], 0, "", None, None) is None  # a minister: no generic body
    True
    """
    v = vocabulary()
    if not 2 <= len(words) <= 3 or words[0] not in v["office_alone_heads"] or not words[-1].startswith("ال") or (
            words[-1][2:] not in _body_heads()) or (len(words) == 3 and words[1] not in v["branch_nouns"]):
        return None
    head, body, found = words[0], words[-1][2:], {}
    for m in sp.between(max(0, offset - 20_000), offset):
        if m[1] > offset or ctx.kinds.get(m[2]) != "person":
            continue
        lead = _phrase_words(_INTRO_BREAK.split(_QUOTE_MARKS.sub(" ", text[max(0, m[0] - 60):m[0]]))[-1])[-6:]
        at = [i for i, w in enumerate(lead) if head in clitic_variants(w, 2)]
        if at and any(body in clitic_variants(w, 2) for w in lead[at[-1] + 1:]):
            found.setdefault(m[2], m)  # the same office of a body of the same kind (جمعية … / الجمعية)
    return next(iter(found.values())) if len(found) == 1 else None


@cache
def _office_firsts() -> frozenset[str]:
    """The normalized words a title or an office opens with (الأمين، مدير، متحدث …)."""
    v = vocabulary()
    return v["title_first"] | v["person_heads"] | _OFFICE_WORDS


def _bare(word: str) -> str:
    """A normalized word without its proclitics before the article and without the article (وللبلديه → بلديه;
    a conjunction or preposition on an indefinite word stays, as و in وزير and ب in بلديه may be the stem's).

    >>> _bare("وللبلديه"), _bare("بلديه"), _bare("الامين"), _bare("وزير")
    ('بلديه', 'بلديه', 'امين', 'وزير')
    """
    return strip_clitics(word).removeprefix("ال")


def _holds_title(title: list[str], phrase: list[str]) -> bool:
    """Is a title (its bare words) said in a longer speaker phrase: same first word, the others in order among the
    phrase's words (رئيس البلدية in رئيس بلدية المدينة المهندس فلان)? A preposition linking a place (في جدة, said
    بمحافظة جدة before) need not be said again.

    >>> _holds_title(["رييس", "بلديه"], ["رييس", "بلديه", "مدينه", "مهندس", "خالد"])
    True
    >>> _holds_title(["رييس", "نادي", "في", "جده"], ["رييس", "نادي", "محافظه", "جده", "دكتور", "عبدالله"])
    True
    """
    if len(phrase) <= len(title) or phrase[0] != title[0]:
        return False
    rest = iter(phrase[1:])
    return all(w in rest for w in title[1:] if w not in _DESCRIPTOR_LINKS)


_AFTER_NAME = re.compile(r"^[\s«»“”\"،,\-–—]*")


def _office_quoted_before(surface: str, earlier: list[tuple[tuple[str, str, str, str], int]], text: str
                          ) -> tuple[str, str, str, str] | None:
    """The person an office alone stands for (وشدد الأمين العام، ولفت المتحدث): the last speaker quoted before
    under that office with a name (الأمين العام لمجلس التعاون فلان) or named right before it (فلان، المتحدث
    باسم الشركة); None when nobody was, or when the phrase opens with no title.

    >>> _office_quoted_before("المتحدث", [(("", "كريم سالم", "person", ""), 9)], "كريم سالم، المتحدث باسم الشركة")
    ('', 'كريم سالم', 'person', '')
    """
    words = _phrase_words(surface)
    if not words or not earlier:
        return None
    first = clitic_variants(words[0], 2)[-1]
    if first not in _office_firsts() and first.removeprefix("ال") not in _office_firsts():
        return None
    key = " ".join(words)
    bare = [_bare(w) for w in words]
    for (speaker, named, kind, aff), end in reversed(earlier):
        said = " ".join(_phrase_words(named))
        if (kind == "person" and said != key and _holds_title(bare, [_bare(w) for w in _phrase_words(named)])) or (
                " ".join(_phrase_words(text[end + _AFTER_NAME.match(text[end:end + 8]).end():end + len(surface) + 12]))
                .startswith(key) and not said.startswith(key)):
            return speaker, named, "person", aff
    return None


def _actor_heads(c: dict, ctx: _Context, actor: str) -> bool:
    """Does the speaker's phrase open with the actor (after titles and adjectives only)? ويعتبر موعد الانتخابات
    مكسباً لفلان has a present form used as a passive, and فلان inside its object is not a subject."""
    v = vocabulary()
    ws = c["window_start"]
    m = next((m for m in ctx.spans(c["article_id"]).between(ws, c["window_end"]) if m[2] == actor), None)
    if m is None:
        return False
    words = _phrase_words(ctx.texts[c["article_id"]][ws:m[0]])
    return all(w.startswith("ال") or w in v["title_first"] or _named_head(w, v) or w in lexicon().given_names
               for w in words)


def _relayed(c: dict, text: str) -> bool:
    """Does an attribution name a medium that carried the words (وفقا لما نقلته مجلة …، بحسب صحيفة …), not a
    standard they follow (حسب الفصول، وفق تعاليم …)?

    >>> t = "وأضاف أن النقل أفضل، وفقا لما نقلته مجلة العلوم."
    >>> _relayed({"cue_start": t.index("وفقا"), "window_start": t.index("مجلة"), "window_end": len(t) - 1}, t)
    True
    """
    v = vocabulary()
    between = [_norm_word(w) for w in text[c["cue_start"]:c["window_start"]].split()[1:]]
    words = _phrase_words(text[c["window_start"]:c["window_end"]])
    return any(w in v["transmission_verbs"] or strip_clitics(w) in v["transmission_verbs"] for w in between) or (
        bool(words) and words[0] in v["media_heads"])


def _back_attributions(cands: list[dict], texts: dict[str, str]) -> dict[int, int]:
    """Statements followed by a source that vouches for them (وأعرب فلان عن …، بحسب مركز الأنباء; وأضاف أن …،
    وفقا لما نقلته المجلة): the index of each such statement → the index of the source, which is then its channel
    rather than its speaker."""
    out = {}
    for i, c in enumerate(cands):
        if c["mode"] != "attribution" or c["start"] >= c["cue_start"]:
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            p = cands[j]
            if p["article_id"] != c["article_id"] or p["sentence_id"] != c["sentence_id"]:
                break
            if c["start"] <= p["cue_start"] < c["end"] and p["mode"] != "attribution" and (
                    p["subject"] != "none"
                    or (p["mode"] in ("complement", "continuation") and _relayed(c, texts[c["article_id"]]))
                    or (p["mode"] == "complement" and norm(p["cue"])[:1] == "و")):
                out[j] = i  # (وأوضح أن …، بحسب الخبراء: the speaker goes on, the experts are his source)
                break
    return out


def _quoted_person(c: dict, parent: dict, said_by: tuple, ctx: _Context) -> tuple[str, str, str, str] | None:
    """The speaker of a verb without subject inside another's direct quotation: the person that quotation names
    just before it, in the same sentence (قالت: «تحدثت هاتفياً مع ابني فهد وقال: أنا بخير» → فهد), when not the
    one quoting; None otherwise.

    The verb must open a clause with و (وقال) and follow the person by at most six words."""
    text = ctx.texts[c["article_id"]]
    head = text[parent["start"] - 1:parent["start"] + 1]
    if not any(m in head for m in _QUOTE_CHARS) or not norm(c["cue"]).startswith("و"):
        return None
    ms = [m for m in ctx.spans(c["article_id"]).between(parent["start"], c["cue_start"])
          if parent["start"] <= m[0] and m[1] <= c["cue_start"] and ctx.kinds.get(m[2]) == "person"]
    if not ms:
        return None
    m = ms[-1]
    gap = text[m[1]:c["cue_start"]]
    if len(gap.split()) > 6 or re.search(r"[.!؟:«»“”\"]", gap) or m[2] == said_by[0]:
        return None
    want = cue_gender(c["cue"])
    if want and _mention_gender(m, text, ctx, c["article_id"]) not in ("", want):
        return None
    return m[2], text[m[0]:m[1]], "person", ""


def _enclosing(cands: list[dict]) -> dict[int, int]:
    """For each candidate, the nearest earlier candidate of the same article whose content holds its cue."""
    out = {}
    for i, c in enumerate(cands):
        for j in range(i - 1, max(-1, i - 6), -1):
            p = cands[j]
            if p["article_id"] != c["article_id"]:
                break
            if p["start"] <= c["cue_start"] < p["end"] and p["mode"] != "back":
                out[i] = j
                break
    return out


#: words that open a clause of the narrative, not one inside the words reported before (حيث أكد، غير أن …)
_NEW_CLAUSE = re.compile(r"(?:^|\s)(?:[وف]?(?:حيث|كما|فيما|بينما|لكن|لكنّ|بل)|غير\s+أن|إلا\s+أن|في\s+حين|فيما)\s+"
                         r"(?:\S+\s+){0,8}$")


def _other_speaker(a: tuple, b: tuple) -> bool:
    """Are two decided speakers different people (by actor, else by the phrase)?"""
    return a[0] != b[0] if a[0] and b[0] else a[1].strip() != b[1].strip()


def _nested(parent: dict, c: dict, text: str) -> bool:
    """Is candidate ``c`` reported inside ``parent``'s words (وأضاف أن فلاناً قال إن …، واعتبر أن الناخبين عبروا
    عن …) rather than a new clause of the narrative that the parent's content ran into: no sentence end or closed
    quotation between them, no clause opener before the verb (حيث، كما، غير أن، فيما …), and a verb that does not
    open a coordinated clause with و unless its subject comes first (أن الرئيس قال)?

    >>> t = "وقال الوزير إن الرئيس قال إن الحدود مفتوحة حيث أكد مصدر أن …"
    >>> p = {"start": 13, "end": len(t)}
    >>> _nested(p, {"cue_start": 22, "cue": "قال", "subject": "before"}, t), _nested(p, {"cue_start": 47,
    ...     "cue": "أكد", "subject": "after"}, t)
    (True, False)
    """
    between = text[parent["start"]:c["cue_start"]]
    if re.search(r"[.!؟؛]\s", between) or _NEW_CLAUSE.search(between[-80:]):
        return False
    if re.search(r"[»”]", between):
        return False  # «…» كما قال X: the quotation closed before the verb
    w = norm(c["cue"])
    coordinated = w[:1] in "وف" and _cue_kind(w[1:]) in ("speech", "continuation")  # وكشفت، not وصف
    return not (coordinated and c["subject"] != "before")


def _within_marks(text: str, offset: int) -> bool:
    """Is ``offset`` between a « and the » that closes it, in one paragraph (a quotation that is closed, so that
    the marks are paired)?

    >>> t = 'وقال: «وقعنا اتفاقا. وحسب الاتفاق، يجب عرضه». وحسب الاتفاق'
    >>> _within_marks(t, t.index("وحسب")), _within_marks(t, t.rindex("وحسب"))
    (True, False)
    """
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    hi = len(text) if hi < 0 else hi
    opened = text.rfind("«", lo, offset)
    if opened < 0 or text.rfind("»", lo, offset) > opened:
        return False
    closing = text.find("»", offset, hi)
    return closing >= 0 and text.find("«", offset, closing) < 0


def _inside_quotation(text: str, start: int, offset: int) -> bool:
    """Is ``offset`` inside the quotation that opens another statement's content at ``start`` (a « closed by »,
    or a “ closed by ”, not yet closed before ``offset``)? Only a content that opens with the mark counts: the
    marks of a press text are too often unpaired to be counted across a paragraph.

    >>> t = 'قال: «قال لي إن الأمر انتهى». وقال إن'
    >>> _inside_quotation(t, 5, 6), _inside_quotation(t, 5, 31)
    (True, False)
    """
    while start > 0 and text[start - 1] in "«“":
        start -= 1  # the content of a direct quotation starts inside its marks
    opening = text[start:start + 1]
    if opening not in ("«", "“"):
        return False
    if re.search(r"[.!؟]\s*$", text[start:offset]):
        return False  # «… خمسة. وأضاف: a sentence of the narrative after a quotation left open
    closing = "»" if opening == "«" else "”“″"  # “…“: a press text may close with the opening mark
    return not any(x in text[start + 1:offset] for x in closing)


def _channel_text(text: str, c: dict) -> str:
    if c.get("channel_start", -1) < 0:
        return ""
    raw = text[c["channel_start"]:c["channel_end"]].strip(" ـ")
    if raw[:1] in _QUOTE_CHARS or (raw[-1:] in _QUOTE_CHARS and sum(raw.count(q) for q in _QUOTE_CHARS) % 2):
        return raw.strip(" «»“”\"ـ")  # «الشرق الأوسط» → الشرق الأوسط
    return raw  # وكالة أنباء "الأناضول" keeps its marks


_MANY_AFTER = re.compile(r"\s+((?:ال)?كثيرون|آخرون|البعض|كثير من \S+)\s+(?=[أإ]ن|بأن)")
_CLAUSE_BREAK = re.compile(r"[.:؛«»“”\"\n]")
#: a short name in quotation marks inside a clause (الذين التقتهم «الوطن»): no clause break for _group_subject
_QUOTED_IN_CLAUSE = re.compile(r"[«“][^«»“”.:؛\n]{1,30}[»”]")
_GROUP_WORD = re.compile(r"[^\s«»“”\"،,:.؛()]+")


def _plural_phrase(surface: str) -> bool:
    """Is a speaker's phrase without actor a plural (المصادر، ذات المصادر، الخبراء، مسؤولون، مصادر مطلعة)? Its head
    (after نفس / ذات) is a broken plural of people or sources or a sound masculine plural.

    >>> _plural_phrase("ذات المصادر"), _plural_phrase("الخبراء"), _plural_phrase("المصدر"), _plural_phrase("الوزير")
    (True, True, False, False)
    >>> _plural_phrase("عدد من زوار المعرض")
    True
    """
    words = _phrase_words(surface)
    if any(w in ("احد", "احدي", "واحد") for w in words):
        return False  # مرضى جلباخ أحد المهتمين: one of them, a person's name the tagger missed
    if words and words[0] in _SAME:
        words = words[1:]
    if not words:
        return False
    head = clitic_variants(words[0], 2)[-1]
    if head in _QUANTIFIERS and len(words) > 2 and words[1] == "من":
        return True  # عدد من زوار الشرقية، العديد من المواطنين: many
    bare = head.removeprefix("ال")
    v = vocabulary()
    return bare in v["human_plurals"] or head in v["human_plurals"] or bare in v["plural_sources"] or bool(
        _SOUND_PLURAL.fullmatch(head) and not {head, "ال" + head} & _NOT_PLURALS)


def _bare_cue(c: dict, text: str) -> bool:
    """Is the cue a participle of manner standing alone before its content (مؤكداً أن، مشيراً إلى أن، مشيداً
    بجهود …)? It agrees with its subject in number (a plural takes مؤكدين or مؤكدة); a finite verb does not
    tell (ويقول بعض المواطنين إن: a verb before its subject is singular whatever the subject's number)."""
    gap = text[c["cue_start"] + len(c["cue"]):c["start"]]
    between = _phrase_words(gap)
    participle = _cue_kind(norm(c["cue"])) == "continuation"  # مؤكداً، مشيداً: no subject ever follows one
    return participle and all(w in ("ان", "انه", "انها", "بان", "الي", "علي", "قائلا") for w in between)
    # (only a participle: after «وقالت المصادر …» the press often goes on with وأضاف, وأشار for the sources)


def _plural_cue(cue: str) -> bool:
    """Is the cue a plural verb or participle (يقولون، أكدوا، مؤكدين، معتبرون)?

    >>> _plural_cue("مؤكدين"), _plural_cue("مؤكداً"), _plural_cue("يرون")
    (True, False, True)
    """
    w = _norm_word(cue).removeprefix("و").removeprefix("ف")
    return w.endswith(("ون", "ين", "وا")) and (len(w) > 4 or w in ("يرون", "ترون", "راوا"))  # يرون: يرى's plural


def _group_subject(c: dict, ctx: _Context) -> tuple[str, str, str, str] | None:
    """The group of people a plural verb or participle without its own subject speaks for, when its clause names
    one as subject (وتجمع عدد من المواطنين أمام المبنى مؤكدين أن، أهل الحي يقولون إن): an unnamed speaker, not
    the speaker quoted before. The group opens with a count (عدد من، بعض، العديد من) or a group noun (أهل، سكان)
    and is not after a preposition (التقى الوزير بعدد من المواطنين is the object)."""
    text = ctx.texts[c["article_id"]]
    many = _MANY_AFTER.match(text, c["cue_start"] + len(c["cue"]))
    if many:  # ويرى كثيرون أن: many (unnamed) think so, not the previous speaker
        return "", many.group(1), "unnamed", ""
    plural = _plural_cue(c["cue"])
    feminine = not plural and cue_gender(c["cue"]) == "f"
    if not (plural or feminine):
        return None
    lo = max(c["sentence_start"], c["cue_start"] - 300)
    clause = _QUOTED_IN_CLAUSE.sub(lambda m: " " * len(m.group()), text[lo:c["cue_start"]])  # (offsets kept)
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(clause)), default=0)
    v = vocabulary()
    words = list(_GROUP_WORD.finditer(clause, cut))
    if len(words) > 2 and re.fullmatch(r"\s*،\s*", clause[words[0].end():words[1].start()]):
        words = words[1:]  # وحقاً، يؤيد معظم الطلاب …: an adverb set off before the clause's verb
    for i in range(len(words) - 1, -1, -1):
        w = norm(words[i].group())
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        group = bare in v["group_heads"] and not feminine
        if feminine:  # وردت عدة مواقع …، وقالت: things in the plural agree with a feminine verb
            group = i <= 1 and i + 1 < len(words) and bare in ("عده", "عدد", "العديد", "بعض") and not _human_word(
                norm(words[i + 1].group()))
        elif not group and bare in v["human_quantifiers"] and i <= 1 and i + 1 < len(words):
            # a count opening the clause or right after its verb (وجدد عدد من المواطنين …): not a genitive
            # (زيادة عدد المشتركين) or an object later in the clause (يجمع كل المواطنين)
            nxt = norm(words[i + 1].group())
            if nxt == "من" and i + 2 < len(words):
                nxt = norm(words[i + 2].group())
            elif bare in ("عدد", "العديد", "عديد", "مجموعه"):
                nxt = ""  # عدد المشتركين: «the number of», not «some of»
            group = _human_word(nxt) or nxt.removeprefix("ال") in v["human_plurals"]
        if not group and plural and i <= 1 and w.endswith("ون") and w.startswith("ال") and w not in _NOT_PLURALS \
                and _SOUND_PLURAL.fullmatch(w) and not words[i].group().startswith("ل"):
            group = sound = True  # وتناقل المغردون الصورة …، وأكدوا: a plural subject opening the clause speaks
        else:
            sound = False
        if not group:
            continue
        before = norm(words[i - 1].group()) if i else ""
        if w[:1] in "بل" or before in v["prepositions_before_noun"] or before in ("من", "ومن", "بين", "الي"):
            return None  # بعدد من المواطنين، مع أهالي الحي: an object, not the subject
        named = [m for m in ctx.spans(c["article_id"]).between(lo + words[i].start(), c["cue_start"])
                 if ctx.kinds.get(m[2]) in ("person", "organization", "group", "media")]
        if named and not (plural and _one_each(named, ctx)):
            return None  # a person or body named after the group may be the speaker (people named together
            # may be a plural verb's; one person or body never is: معظم الدروز … موقف فلان، معتبرين)
        last = min(i + 2 if norm(words[min(i + 1, len(words) - 1)].group()) == "من" else i + 1, len(words) - 1)
        while last + 1 < len(words) and last - i < 4 and norm(words[last + 1].group()).startswith("ال") and not (
                re.search(r"[،,]", clause[words[last].end():words[last + 1].start()])) and norm(
                words[last + 1].group()) not in v["relative_pronouns"]:  # معظم السكان الذين …: not الذين
            last += 1  # عدد من أصحاب المحلات، عدد من زوار الشرقية
        end = words[i if sound else last].end()  # المغردون alone: the word after it is the verb's object
        start = words[i].start() + (1 if bare != w else 0)  # وأهل المدينة: without the conjunction
        return "", text[lo + start:lo + end], "unnamed", ""
    return None


def _one_each(named: list[tuple[int, int, str]], ctx: _Context) -> bool:
    """Are these mentions (after a group, before a plural verb) at most one person and no group: names none of
    which a masculine plural verb can agree with alone (فلان، «الشرق الأوسط»)?

    >>> from types import SimpleNamespace
    >>> _one_each([(0, 3, "p:a"), (9, 12, "m:b")], SimpleNamespace(kinds={"p:a": "person", "m:b": "media"}))
    True
    """
    return sum(ctx.kinds.get(m[2]) == "person" for m in named) <= 1 and all(
        ctx.kinds.get(m[2]) != "group" for m in named)


def _polled_group(c: dict, ctx: _Context) -> tuple[str, str, str, str] | None:
    """The people a plural verb describes when it follows them with no conjunction or mark between: a count of
    people (أعداد من، عدد من، معظم + من) and its plural, as in «استطلع آراء أعداد من الطلاب عبروا عن …» (numbers
    of students who expressed …, an asyndetic relative clause). They speak (an unnamed group), not the medium or
    person who polled or met them, whose statement holds theirs. None otherwise.

    >>> t = "وقال التلفزيون إنه استطلع آراء أعداد من الطلاب عبروا عن رفضهم"
    >>> c = {"article_id": "a", "cue": "عبروا", "cue_start": t.index("عبروا"), "sentence_start": 0}
    >>> from types import SimpleNamespace
    >>> _polled_group(c, SimpleNamespace(texts={"a": t}))[1]
    'أعداد من الطلاب'
    """
    cue = c["cue"]
    if cue[:1] in "وف" or not _plural_cue(cue):
        return None
    text = ctx.texts[c["article_id"]]
    lo = max(c["sentence_start"], c["cue_start"] - 120)
    seg = text[lo:c["cue_start"]]
    if not seg[-1:].isspace():
        return None
    words = list(re.finditer(r"\S+", seg))
    v = vocabulary()
    for i in range(len(words) - 2, max(0, len(words) - 5), -1):
        if norm(words[i].group()) != "من":
            continue
        q = norm(words[i - 1].group())
        bare = q[1:] if q[:1] in "وفب" and len(q) > 4 else q
        people = norm(words[i + 1].group())
        if bare not in v["human_quantifiers"] or not (_human_word(people)
                                                      or people.removeprefix("ال") in v["human_plurals"]):
            return None
        tail = [norm(w.group()) for w in words[i + 2:]]
        if any(not w.startswith("ال") for w in tail) or re.search(r"[^\w\s]", seg[words[i - 1].start():]):
            return None  # only the group and its adjectives, no mark, before the verb
        start = words[i - 1].start() + (len(words[i - 1].group()) - len(bare) if bare != q else 0)
        return "", text[lo + start:lo + words[-1].end()], "unnamed", ""
    return None


# a fronted phrase before the sentence's verb: one closed by a comma (في هذا الصدد، …), or «من جانبه» /
# «من جهته» / «بدوره» without one (من جانبه كشف الدكتور فلان عن …، مؤكداً: the verb follows it)
_SUBJECT_LEAD = re.compile(r"\s*(?:[وف]?(?:من\s+(?:جانب|جهت|ناحيت)\S*|بدور\S*)\s*،?\s+"
                           r"|[وف]?(?:في|عن|حول|بشأن|من|على|خلال|وبشأن|بدوره|بدورها)\b[^،]*،)?\s*(\S+)?\s*")


def _sentence_subject(c: dict, ctx: _Context) -> tuple[str, str, str, str] | None:
    """The subject of the sentence a participle continues (التقى الوزير X نظيره …، مؤكداً أن …): a person,
    organization or country named right after the sentence's first verb or at its start, not after a
    preposition."""
    text = ctx.texts[c["article_id"]]
    s0 = c["sentence_start"]
    byline = _BYLINE_START.match(text) if s0 == 0 else None
    if byline and byline.end() <= c["cue_start"]:
        s0 = byline.end()  # فلان- سبق- الرياض: …، أعلن: the writer and the place are no subject
    s0 = _amma_topic(text, s0, c["cue_start"], c["cue"])
    clause = text[s0:c["cue_start"]]
    lead = _SUBJECT_LEAD.match(clause)
    first_word_end = s0 + (lead.end(1) if lead and lead.group(1) else 0)
    narrated = _NARRATOR.search(clause)
    narrator = next((m for m in ctx.spans(c["article_id"]).between(s0 + narrated.start(), c["cue_start"])
                     if ctx.kinds.get(m[2]) == "person"), None) if narrated else None
    if narrator:  # a chain of narration names its narrator: عن ابن عمر رضي الله عنهما قال
        return narrator[2], text[narrator[0]:narrator[1]], "person", ""
    if narrated:  # one the tagger did not find keeps his name, with no actor
        return "", narrated.group(1).strip(), "person", ""
    if lead and lead.group(1) and _TOPIC_OPENER.fullmatch(lead.group(1)) and not re.search(r"[،,]", clause):
        return None  # وعن الفنان فلان قال إنه …: the one spoken about, not the speaker
    found = None
    for m in ctx.spans(c["article_id"]).between(s0, c["cue_start"]):
        if not s0 <= m[0] < c["cue_start"] or ctx.kinds.get(m[2]) in ("place", None):
            continue
        if found:  # the subject phrase goes on to a name (وزير خارجية الولايات المتحدة جون كيري)
            between = text[found[1]:m[0]].split()
            if ctx.kinds.get(m[2]) == "person" and len(between) <= 3 and all(_np_word(norm(w)) for w in between):
                return m[2], text[m[0]:m[1]], "person", ""
            break
        byline = _BYLINE_TAIL.match(text, m[1])
        if not found and byline and _dateline_before(_colon_doc(text, byline.end() - 1), 0, vocabulary()):
            continue  # سبق – الرياض : أعلنت «…»، فلان- سبق- الرياض: أعلن: a dateline or byline before the verb,
            # never its subject
        gap = text[first_word_end:m[0]].split()
        at_start = not text[s0:m[0]].strip(" و")
        titles = len(gap) <= 3 and all(_np_word(norm(w)) for w in gap)
        if not (at_start or (titles and not _PREPOSITION_BEFORE.search(text[s0:m[0]]))):
            break
        if ctx.kinds.get(m[2]) == "country" and _PEOPLE_NISBA.fullmatch(text[m[0]:m[1]]):
            break  # وكان عدد السوريين …، وقالت: a people (the genitive of a count), never the country speaking
        found = m
        if ctx.kinds.get(m[2]) == "person":
            break
    if found and ctx.kinds.get(found[2]) == "country":
        head = _phrase_words(text[first_word_end:found[0]])
        v = vocabulary()
        if head and (_head_in(head, v["media_heads"]) or _head_in(head, v["organization_heads"])
                     or _head_in(head, v["local_bodies"])):
            # وعلقت الصحيفة البريطانية بالقول: the adjective tells the body's country; the body speaks
            start = first_word_end + len(text[first_word_end:found[0]]) - len(text[first_word_end:found[0]].lstrip())
            kind = "media" if _media_phrase(head, v) else "organization"
            return "", text[start:found[1]], kind, found[2]
    if found:
        return found[2], text[found[0]:found[1]], ctx.kinds.get(found[2], ""), ""
    if s0 > c["sentence_start"] and text[s0 - 1:s0].isspace():
        named = _titled_name(text[s0:c["cue_start"]])
        if named:  # أما المحلل السياسي فلان الفلاني، فأوضح: a name the tagger missed, with its title
            return "", text[s0 + named[0]:s0 + named[1]], "person", ""
    return None


def _titled_name(clause: str) -> tuple[int, int] | None:
    """Where a title with the article, its adjectives and one to three name words make the whole of ``clause`` (but
    a closing comma and ف): the topic after «أما» (المحلل السياسي جميل قسطة، ف…); None otherwise.

    >>> _titled_name("المحلل السياسي جميل قسطة، ")
    (0, 24)
    """
    words = list(_WORD_AT.finditer(clause.rstrip(" ،,ف")))
    v = vocabulary()
    if len(words) < 2 or norm(words[0].group()) not in v["title_first"] or not norm(words[0].group()).startswith(
            "ال"):
        return None
    i = 1
    while i < len(words) and norm(words[i].group()).startswith("ال"):
        i += 1
    first = i
    while i < len(words) and _np_word(norm(words[i].group())) and norm(words[i].group())[:2] != "ال" and not (
            norm(words[i].group()) in _NOT_NAMES or norm(words[i].group()) in v["intensifiers"]):
        i += 1  # جميل قسطة: any word a name may be here, the clause holds nothing else
    if i != len(words) or not 1 <= i - first <= 3:
        return None
    return words[0].start(), words[-1].end()


_AMMA = re.compile(r"(?:^|\s)[وف]?[أا]ما\s+")


def _amma_topic(text: str, s0: int, cue_start: int, cue: str) -> int:
    """Where the subject of a verb in ف is looked for: after the last «أما» before it in its sentence (أما … فـ:
    the topic is the verb's subject, whatever came before it — a heading run into the text, another clause:
    الاقتصاد هو المحك أما المحلل السياسي فلان، فأوضح), else ``s0``.

    >>> t = "الاقتصاد هو المحك أما المحلل فلان، فأوضح"
    >>> t[_amma_topic(t, 0, 35, "فأوضح"):]
    'المحلل فلان، فأوضح'
    """
    if not cue.startswith("ف"):
        return s0
    return max((m.end() for m in _AMMA.finditer(text, s0, cue_start)), default=s0)


#: a people named by its plural nisba (السوريين، الكينيون، والمصريين), not the country
_PEOPLE_NISBA = re.compile(r"(?:[وفبل]|لل|[وف]ل)?(?:ال)\S+(?:يين|يون)")
_WORD_AT = re.compile(r"[^\s«»“”\"،,:.؛()]+")
_CHAIN_STOPS = frozenset({"مع", "في", "علي", "عن", "الي", "من", "ل", "حول", "بشان"})


def _chain_subject(c: dict, ctx: _Context) -> tuple[str, str, str, str] | None:
    """The subject a verb without its own goes on with when it follows, after a comma, a clause opened by و + a
    verb and its subject (ويتفق المحلل السياسي عريب الرنتاوي مع ما ذهب إليه فلان، ويرى أن …): that subject — a
    title and a name (an actor if the name is one), never the person after مع or another preposition, nor the
    speaker quoted earlier in the sentence.

    >>> _chain_words("ويتفق المحلل السياسي عريب الرنتاوي مع ما ذهب إليه فلان")
    (6, 34)
    """
    text = ctx.texts[c["article_id"]]
    cue = c["cue_start"]
    before = text[max(0, cue - 4):cue].rstrip()
    if not norm(c["cue"]).startswith("و") or not before.endswith(("،", ",")):
        return None
    comma = cue - 4 + len(before) - 1 if cue >= 4 else len(before) - 1
    edge = max((m.end() for m in _CLAUSE_OR_COMMA.finditer(text, c["sentence_start"], comma)),
               default=c["sentence_start"])
    span = _chain_words(text[edge:comma])
    if not span:
        return None
    a, b = edge + span[0], edge + span[1]
    person = next((m for m in ctx.spans(c["article_id"]).between(a, b) if m[1] <= b
                   and ctx.kinds.get(m[2]) == "person"), None)
    if person:
        return person[2], text[a:b], "person", ""
    return "", text[a:b], "person", ""


def _chain_words(clause: str) -> tuple[int, int] | None:
    """Where, in a clause opened by و + a verb, its subject stands: a title with the article (المحلل، الخبير),
    adjectives with the article, then one to three name words, right before a preposition; None otherwise."""
    words = list(_WORD_AT.finditer(clause))
    if len(words) < 4:
        return None
    verb = norm(words[0].group())
    v = vocabulary()
    if verb[:1] not in "وف" or verb[1:3] == "ال" or verb in v["function"] or verb in v["prepositions_before_noun"]:
        return None
    head = norm(words[1].group())
    if not head.startswith("ال") or head not in v["title_first"]:
        return None
    i = 2
    while i < len(words) and norm(words[i].group()).startswith("ال") and norm(words[i].group()) not in _CHAIN_STOPS:
        i += 1
    first = i
    while i < len(words) and i - first < 3 and norm(words[i].group()) not in _CHAIN_STOPS and _name_word(
            norm(words[i].group()), i == first) and norm(words[i].group())[:1] not in "لبكو":
        i += 1
    if i == first or norm(words[first].group()).startswith("ال") or i >= len(words) or norm(
            words[i].group()) not in _CHAIN_STOPS:
        return None
    return words[1].start(), words[i - 1].end()


#: a narrator in a chain of narration, right before the verb (عن ابن عباس رضي الله عنهما قال)
_NARRATOR = re.compile(r"(?:^|\s)[وف]?عن\s+((?:\S+\s+){1,4})رضي\s+الله\s+عن\S*\s*$")
#: a preposition opening a clause with no comma before its verb: what follows is spoken about (وعن فلان قال)
_TOPIC_OPENER = re.compile(r"[وف]?(?:عن|حول|بشأن|وبشأن)")
_SENTENCE_END = re.compile(r"[.!؟?][»”\"]?\s+|\n")
#: the rest of a byline or dateline after a name, up to its colon (فلان- سبق- الرياض:، الرياض :)
_BYLINE_TAIL = re.compile(r"(?:[ \t]*[-–—][ \t]*[^\s:،.\-–—]+(?:[ \t][^\s:،.\-–—]+)?){0,3}[ \t]*:")
#: a byline opening an article: a name, then an outlet or a place after dashes, then a colon (فلان- سبق- الرياض:)
_BYLINE_START = re.compile(r"[^\n:،.\-–—]{2,40}?(?:[ \t]*[-–—][ \t]*[^\s:،.\-–—]+(?:[ \t][^\s:،.\-–—]+)?){1,3}"
                           r"[ \t]*:[ \t]*")
#: a colon right after a phrase (a dateline or label: الرياض :)
_COLON_AFTER = re.compile(r"[ \t]*:[ \t]*")


def _colon_doc(text: str, at: int) -> Doc:
    """The few words after the colon at ``at``, tokenized (for :func:`_dateline_before`)."""
    rest = text[_COLON_AFTER.match(text, at).end():]
    return Doc("c", " ".join(rest.split(None, 3)[:3]), 0)



def _narrated_subject(c: dict, ctx: _Context, said_until: int, last: tuple | None
                      ) -> tuple[str, str, str, str] | None:
    """وزار الوزير فلان المستشفى أمس. وأضاف: «…»: a speech verb without subject that opens the sentence after one
    telling what a person did (its verb, then that person) continues that person, not the speaker quoted before,
    when no statement was made since. None otherwise."""
    text = ctx.texts[c["article_id"]]
    s0 = c["sentence_start"]
    between = text[c["cue_start"]:c["start"]].split()[1:]
    opens = c["subject"] == "after" and c["mode"] == "after_speaker" and c["start"] == c["window_start"] and (
        _genitive_content(_phrase_words(text[c["window_start"]:c["window_end"]])))
    if opens:  # وأكد عزم المسؤولين على …: the words after the verb are its object, no subject (_unknown_phrase)
        between = []
    if (c["subject"] != "none" and not opens) or norm(text[s0:c["cue_start"]].strip(" \t\n:،,")) not in (
            "", "وكان", "فكان", "كان") or (
            len(between) > 1 and not (norm(between[0]) in _ADJUNCT_STARTS or norm(between[0]) in ("لدي", "اثر", "عند")
            or _ADVERBIAL_PARTICIPLE.fullmatch(norm(between[0])))):
        return None  # only a verb that opens its sentence (or follows its كان: وكان يقول لأصدقائه), then its
        # content or an adjunct (وأضاف:، وقال عقب … «…»، وقال متنهداً «…»), not a word that may be an unknown
        # subject (وقال فان جال …)
    lo = max(said_until, s0 - 400)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, max(lo, s0 - 2))]
    start = ends[-1] if ends else (lo if (lo == said_until and lo > 0) or lo == 0 else -1)  # (the article's
    # first sentence: ودافع الوزير فلان عن … . وقال: «…»)
    if start < 0 or start < said_until or not text[start:s0].strip():
        return None
    first = norm(text[start:s0].split()[0])
    if _cue_kind(first) or first in vocabulary()["cueable"]:
        return None
    subj = _sentence_subject({**c, "sentence_start": start, "cue_start": s0}, ctx)
    if not subj or ctx.kinds.get(subj[0]) != "person" or (last and last[0] == subj[0]):
        return None
    at = text.find(subj[1], start, s0)
    if at >= 0 and _BYLINE.search(text[max(start, at - 30):at]):
        return None  # تصوير: فلان - «الصحيفة» كما شاهد الأمير …: a photographer's credit, not who the sentence tells of
    return subj


_INTERVIEW = re.compile(r"^\s*[وف]?(?:في|خلال)\s+(\S+)\s+(?:\S+\s+)?مع\s")


#: the writer or a medium spoke to someone, who answers in the same sentence (تحدثت «عكاظ» إلى مصدر …، حيث أكد)
_SPOKE_TO = re.compile(r"(?:^|\s)(?:تحدث|تحدثت|تحدثنا|اتصلت|اتصلنا|التقت|التقينا)\s+(?:\S+\s+)?(?:إلى|الى|مع)\s+")


def _interviewee(c: dict, ctx: _Context) -> tuple[str, str, str, str] | None:
    """في مقابلة مع فلان، …، قال: the person or organization the sentence opens its interview with."""
    text = ctx.texts[c["article_id"]]
    s0 = c["sentence_start"]
    m = _INTERVIEW.match(text[s0:c["cue_start"]])
    if not m or clitic_variants(norm(m.group(1)), 2)[-1] not in vocabulary()["channel_openers"]:
        m = _SPOKE_TO.search(text[s0:c["cue_start"]])  # «عكاظ» تحدثت إلى مصدر عسكري …، حيث أكد
        if not m:
            return None
    unnamed = _unnamed_interviewee(text[s0 + m.end():c["cue_start"]])
    for x in ctx.spans(c["article_id"]).between(s0 + m.end(), c["cue_start"]):
        if ctx.kinds.get(x[2]) not in ("place", "country", None) and not (
                unnamed and ctx.kinds[x[2]] != "person" and x[0] > s0 + m.end() + 1):
            return x[2], text[x[0]:x[1]], ctx.kinds[x[2]], ""  # (مصدر عسكري في الجيش اليمني: a source of the
        break  # army, not the army)
    return unnamed


def _unnamed_interviewee(rest: str) -> tuple[str, str, str, str] | None:
    """The people an interview was held with, named by their office or standing (في مقابلة مع مسؤول عسكري ليبي
    بشأن الأسلحة، قال …): the phrase after مع up to a preposition or a comma, when it opens with people.

    >>> _unnamed_interviewee("مسؤول عسكري ليبي بشأن الأسلحة، ")
    ('', 'مسؤول عسكري ليبي', 'unnamed', '')
    """
    raw = re.split(r"[،,:؛.«»\"“”]", rest)[0].split()
    words = [_norm_word(w) for w in raw]
    cut = next((k for k, w in enumerate(words) if _interview_stop(w)), len(words))
    if not 1 <= cut <= 5 or not _human_phrase(words[:cut]):
        return None
    return "", " ".join(raw[:cut]), "unnamed", ""


def _interview_subject(c: dict, ctx: _Context) -> tuple[str, str, str, str] | None:
    """Who answers an interview's questions: the person the lede names after مع (حوار مع فلان، التقت … مع فلان),
    else a titled name after حوار / لقاء (حوار الدكتور فلان مع «الصحيفة»; its surface when the tagger missed the
    name, never a person named inside the answers), else the lede's person the article names most."""
    text = ctx.texts[c["article_id"]]
    sp = ctx.spans(c["article_id"])
    lede = [m for m in sp.between(c["window_start"], c["window_end"]) if ctx.kinds.get(m[2]) == "person"
            and not _BYLINE.search(text[max(0, m[0] - 30):m[0]])]  # حوار: فلان، تصوير: فلان write it
    after_with = [m for m in lede if re.search(r"(?:^|\s)(?:مع|حاور\S*|لقاء|حوار)\s+(?:\S+\s+){0,4}$",
                                               text[max(0, m[0] - 60):m[0]])]
    if not after_with and (titled := _titled_interviewee(text, c["window_start"], c["window_end"])):
        inside = [m for m in lede if titled[0] <= m[0] and m[1] <= titled[1]]
        return (inside[0][2] if inside else ""), text[titled[0]:titled[1]], "person", ""
    if not (after_with or lede):
        return None
    if after_with:
        m = after_with[0]
    else:  # the person of the lede the article names most
        count = Counter(x[2] for x in sp.between(0, len(text)))
        m = max(lede, key=lambda x: (count[x[2]], -x[0]))
    return m[2], text[m[0]:m[1]], "person", ""


_BYLINE = re.compile(r"(?:حوار|حاوره|حاورها|حاورته|أجرى الحوار|أجرت الحوار|تصوير|إعداد|كتب|كتبت)\s*[:\-–]?\s*$")
#: an interview held with a titled person (في حوار الدكتور فلان مع «الصحيفة»، حاورت الصحيفة الشيخ فلان)
_INTERVIEW_WITH = re.compile(r"(?:^|\s)(?:حوار|حواره|لقاء|مقابلة|حديث|حاورت|حاور|التقت|التقى)\s+(?:مع\s+)?"
                             r"(\S+)((?:\s+[^\s،,:؛.«»\"“”()]+){1,3})")


def _titled_interviewee(text: str, ws: int, we: int) -> tuple[int, int] | None:
    """Where the lede of an interview names the one it was held with by a title and a name the tagger may have
    missed (حوار الدكتور فلان مع «الصحيفة»): the title and the name up to مع, a preposition or a mark; None when the
    word after حوار / لقاء / مع is no personal title.

    >>> t = "جاء ذلك في حوار الدكتور سالم القرني مع «الصحيفة» قبل الإفطار"
    >>> s, e = _titled_interviewee(t, 0, len(t)); t[s:e]
    'الدكتور سالم القرني'
    """
    m = _INTERVIEW_WITH.search(text, ws, we)
    if not m or norm(m.group(1)).removeprefix("ال") not in PERSONAL_TITLES:
        return None
    words = list(re.finditer(r"\S+", m.group(2)))
    cut = next((k for k, w in enumerate(words) if _interview_stop(_norm_word(w.group()))), len(words))
    return (m.start(1), m.start(2) + words[cut - 1].end()) if cut else None


def _interview_stop(word: str) -> bool:
    """Does the normalized word end the phrase naming whom an interview was held with (a preposition: بشأن، حول)?"""
    return word in vocabulary()["prepositions_before_noun"] or word in ("بشان", "حول", "عن", "ل", "من", "مع")



def _document_issuer(c: dict, ctx: _Context) -> tuple[str, str, str, str] | None:
    """أصدر التحالف بياناً ذكر فيه …: the issuer named before the document in the same sentence; كلمة ألقاها
    المرشد أكد فيها …: the speaker named right after the speech (a person's words are his, kind person)."""
    v = vocabulary()
    text = ctx.texts[c["article_id"]]
    s0 = c["sentence_start"]
    docs = v["documents"] | v["speech_events"]
    at = None
    for m in re.finditer(r"\S+", text[s0:c["cue_start"]]):
        w = norm(m.group()).strip("،,")
        if clitic_variants(w, 2)[-1] in docs or w in docs:
            at = s0 + m.end()
    if at is None:
        return None
    earlier = [m for m in ctx.spans(c["article_id"]).between(s0, c["cue_start"])
               if m[1] <= c["cue_start"] and ctx.kinds.get(m[2]) not in ("place", None)]
    after = [m for m in earlier if m[0] >= at and len(text[at:m[0]].split()) <= 6]
    people = [m for m in after if ctx.kinds.get(m[2]) == "person"]
    body = None if people else _body_issuing(text, at, c["cue_start"])
    if body:  # بيانا لمكتب المبعوث الاقتصادي الأمريكي، رحب فيه: the office, not the country of its adjective
        inside = [m for m in earlier if body[0] <= m[0] and m[1] <= body[1]]
        whole = [m for m in inside if (m[0], m[1]) == body[:2] and ctx.kinds.get(m[2]) == "organization"]
        country = next((m[2] for m in inside if ctx.kinds.get(m[2]) == "country"), "")
        return (whole[0][2] if whole else ""), text[body[0]:body[1]], "organization", country
    after = people or [m for m in after if len(text[at:m[0]].split()) <= 3]  # ألقاها مرشد الثورة علي خامنئي
    m = after[0] if after else earlier[0] if earlier else None
    if m is None:
        return None  # ألقى فلان كلمة أشار فيها: a person's speech is his words, kind person, as after it
    person = ctx.kinds.get(m[2]) == "person" and (m in after or not _plural_cue(c["cue"]))
    return m[2], text[m[0]:m[1]], "person" if person else "document", ""  # كلمة الأهالي التي ألقاها عنهم فلان،
    # أعربوا فيها: the families' words, which he delivered


_ISSUING_BODY = re.compile(r"\s+ل(\S+(?:\s+[^\s،,:.؛«»“”\"()]+){0,5}?)\s*[،,]?\s*$")


def _body_issuing(text: str, at: int, cue: int) -> tuple[int, int] | None:
    """The body a document right before ``at`` is of, when ل + a body's head follows it and runs to the verb at
    ``cue`` (بيانا لمكتب المبعوث الاقتصادي الأمريكي، رحب فيه): the body phrase's span without ل; else None.

    >>> t = "نشرت السفارة بيانا لمكتب المبعوث الاقتصادي الأمريكي، رحب فيه"
    >>> s = _body_issuing(t, t.index(" لمكتب"), t.index("رحب")); t[s[0]:s[1]]
    'مكتب المبعوث الاقتصادي الأمريكي'
    """
    m = _ISSUING_BODY.match(text, at, cue)
    if not m or m.end() != cue or _bare(_norm_word(m.group(1).split()[0])) not in _body_heads():
        return None
    return m.start(1), m.end(1)


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


def own_text(quotes: pd.DataFrame) -> pd.Series:
    """Each statement's words without the statements reported inside it (in «X said that Y said …» X's row keeps
    «… said», Y's words are Y's): for counting what a speaker said without counting the inner words twice.

    >>> q = pd.DataFrame({"article_id": ["a", "a"], "text": ["فلان قال إن الحرب انتهت", "الحرب انتهت"],
    ...                   "start": [0, 12], "end": [23, 23]})
    >>> own_text(q).tolist()
    ['فلان قال إن …', 'الحرب انتهت']
    """
    out = quotes["text"].astype(str).tolist()
    for _aid, g in quotes.groupby("article_id", sort=False):
        spans = sorted(zip(g["start"].astype(int), g["end"].astype(int), g.index, strict=True))
        starts = [x[0] for x in spans]
        for s, e, idx in spans:
            inner = [(a, b) for a, b, j in spans[bisect_left(starts, s):bisect_left(starts, e)]
                     if b <= e and (a, b) != (s, e) and j != idx]
            if not inner:
                continue
            text, pos = out[quotes.index.get_loc(idx)], 0
            parts = []
            for a, b in sorted(inner):
                if a - s >= pos:
                    parts.append(text[pos:a - s].rstrip() + " …")
                    pos = b - s
            out[quotes.index.get_loc(idx)] = ("".join(parts) + text[pos:]).strip()
    return pd.Series(out, index=quotes.index, dtype=object)


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def _quote_key(text: str) -> str:
    return " ".join(_ARABIC_WORD.findall(norm(text)))


def consistency_flags(quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Attributions an analyst must double-check, with the evidence."""
    ids = actors["actor_id"].tolist()
    roles = dict(zip(ids, actors["role_en"].fillna("").tolist(), strict=True))
    affil = dict(zip(ids, actors["affiliation"].fillna("").tolist(), strict=True))
    names = dict(zip(ids, actors["name_en"].fillna("").tolist(), strict=True))
    lex = lexicon()
    flags = []
    # the rows as dicts built from plain column lists: to_dict and itertuples iterate Arrow strings value by value
    columns = ["article_id", "speaker", "kind", "text", "start", "end", "sentence_id"]
    rows = [dict(zip(columns, r, strict=True)) for r in zip(*(quotes[c].tolist() for c in columns), strict=True)]
    # 1. the same quotation, different speakers
    groups: dict[str, list] = defaultdict(list)
    for r in rows:
        if r["kind"] not in ("direct", "mixed") or r["speaker"] == "":
            continue
        key = _quote_key(r["text"])
        if len(key.split()) >= 4:
            groups[key].append(r)
    for rs in groups.values():
        speakers = {r["speaker"] for r in rs}
        if len(speakers) > 1 and len({(r["article_id"], r["start"]) for r in rs}) > 1:  # not one joint statement
            for r in rs:
                others = sorted(speakers - {r["speaker"]})
                flags.append({"flag": "same quotation, different speakers", "article_id": r["article_id"],
                              "speaker": r["speaker"], "other": " | ".join(others),
                              "detail": f"also attributed to {', '.join(names.get(o, o) for o in others)}",
                              "evidence": r["text"], "start": r["start"], "end": r["end"]})
    # 2. a speaker named without title right after another office-holder of the same country
    records = sorted(rows, key=lambda r: (r["article_id"], r["start"]))
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


# --- speakers the name tagger missed: actors from the speaker's own words ----------------------------------------

#: speaker kinds that name an actor; the prefix of the actor ids made for them
_SPEAKER_ACTOR_PREFIX = {"person": "person", "organization": "org", "media": "media"}
_NAME_MARKS = re.compile(r"[«»“”\"()]")
_NISBA_ADJ = re.compile(r"ال\S{2,}(?:ي|يه)")


def _name_words_of(raw: list[str]) -> bool:
    """Are the raw words a person's name: two to five name words, the first a known given name, or none with the
    article nor any that reads as a common word, a verb or a noun of people (``_name_word``)?"""
    words = [norm(_NAME_MARKS.sub("", w)) for w in raw]
    if not 2 <= len(words) <= 5 or any(not w or w.isdigit() or w.startswith("وال") for w in words) or words[
            0].startswith("ال"):
        return False
    return all(_name_word(w, k == 0) for k, w in enumerate(words))


def _reads_as_name(raw: list[str]) -> bool:
    """Do words no list knows read as a name to the name tagger's model (``ner.word_score``: together not below
    -1, none below -2.5), and none as a function word or a verb (ساحر معاصر، حينها بمتطرفين are not names)?"""
    words = [norm(_NAME_MARKS.sub("", w)) for w in raw]
    v = vocabulary()
    if any(w in v["function"] or w in lexicon().stop or actors_reads_as_verb(w) for w in words):
        return False
    scores = [ner.word_score(w) for w in words]
    return sum(scores) >= -1 and min(scores) >= -2.5


def _given_first(word: str) -> bool:
    v = vocabulary()
    return any(b in lexicon().given_names or b in v["female_given_names"] for b in clitic_variants(norm(word), 2)[:2])


def _person_speaker_name(surface: str) -> str:
    """The name in a person speaker's phrase that arnews has no actor for: set off last by a comma (العميل الخاص في
    المكتب، جون سميث), closing an office (المحلل السياسي فلان الفلاني، مدير قناة «…» التركية فلان), or opening the
    phrase before an office (فلان الفلاني وزير النقل). A name with a known given name, or a foreign one after an
    office; "" when the phrase holds none (عدد كبير، مسافر آخر, or a name alone that no list knows).

    >>> _person_speaker_name("المحلل السياسي سمير الحلبي"), _person_speaker_name("مسافر آخر")
    ('سمير الحلبي', '')
    >>> _person_speaker_name("مديرة المعهد، غريتا برونر"), _person_speaker_name("سامي العلي وزير النقل")
    ('غريتا برونر', 'سامي العلي')
    """
    segments = [s.split() for s in re.split(r"[،,]", surface) if s.split()]
    if not segments:
        return ""
    last = segments[-1]
    if len(segments) > 1 and _name_words_of(last) and (_given_first(last[0]) or _reads_as_name(last)):
        return _NAME_MARKS.sub("", " ".join(last)).strip()  # set off by a comma after the office
    words = surface.replace("،", " ").replace(",", " ").split()
    for i in range(max(1, len(words) - 5), len(words) - 1):  # the longest name closing the phrase, after an office
        tail = words[i:]
        if _name_words_of(tail) and (_given_first(tail[0]) or (
                len(tail) <= 3 and not any(norm(w).startswith("ال") or w.endswith("ة") for w in tail)
                and _reads_as_name(tail)) or (
                len(tail) == 2 and _surname_like(norm(tail[1])) and tail[1].endswith("ي")  # not المستوى
                and ner.word_score(norm(tail[0])) >= -2.5 and not actors_reads_as_verb(norm(tail[0])))):
            # (رجل الأعمال مانع الدوسري: a given name no list knows, then a family name of the nisba form)
            return _NAME_MARKS.sub("", " ".join(tail)).strip()
    v = vocabulary()
    for i in range(2, min(6, len(words))):  # a name, then its office (فلان الفلاني وزير النقل اليمني)
        head = clitic_variants(norm(words[i]), 2)
        if any(h in v["title_first"] or h in v["person_heads"] or h in lexicon().office_heads for h in head):
            if _name_words_of(words[:i]) and _given_first(words[0]):
                return " ".join(words[:i])
            break
    if _name_words_of(words) and _given_first(words[0]):
        return _NAME_MARKS.sub("", " ".join(words)).strip()
    return ""


def _body_speaker_name(surface: str, kind: str) -> str:
    """The name of a body or medium speaker that arnews has no actor for, when the phrase names one body: its head
    and a quoted name (صحيفة «الوطن»), a complement with ل (المرصد الوطني لحقوق الإنسان، المديرية العامة للجوازات),
    a genitive and an adjective (وكالة الأنباء العمانية), or two adjectives (المجلس الوزاري الأوروبي). Not a head
    with one adjective (السلطات السويسرية، الصحيفة البريطانية: which one the article said before), a plural, a
    phrase of two bodies, or a single word; "".

    >>> _body_speaker_name("المرصد الوطني لحقوق الإنسان", "organization"), _body_speaker_name("الشرطة الفرنسية",
    ...     "organization")
    ('المرصد الوطني لحقوق الإنسان', '')
    >>> _body_speaker_name("صحيفة “الوطن”", "media"), _body_speaker_name("وكالة الأنباء العمانية", "media")
    ('صحيفة «الوطن»', 'وكالة الأنباء العمانية')
    >>> _body_speaker_name("المجلس الوزاري الأوروبي", "organization"), _body_speaker_name("الشركة الكورية الجنوبية",
    ...     "organization")
    ('المجلس الوزاري الأوروبي', '')
    """
    words = re.sub(r"\"([^\"]+)\"", r"«\1»", surface.replace("“", "«").replace("”", "»")).split()
    if "»" in surface.replace("”", "»").replace('"', "»"):
        close = next((k for k, w in enumerate(words) if "»" in w), len(words) - 1)
        keep = close + 1
        while keep < len(words) and _NISBA_ADJ.fullmatch(norm(words[keep])):
            keep += 1  # صحيفة «الوطن» الكويتية، not قناة «الخبر» القريبة
        words = words[:keep]
    if not 2 <= len(words) <= 6 or "،" in surface or any(re.search(r"\d", w) for w in words):
        return ""
    bare = [norm(_NAME_MARKS.sub("", w)) for w in words]
    head = strip_clitics(bare[0])
    if head.endswith(("ات", "ون", "ين", "تا", "ل")) or head in lexicon().stop or not head:
        return ""  # السلطات، شركات التكنولوجيا، صحيفتا …، وسائل الإعلام
    v = vocabulary()
    rest = bare[1:]
    if any(clitic_variants(w, 2)[-1] in v["body_nouns"] for w in rest) or any(
            w.removeprefix("ال").startswith(tuple(v["relative_adjectives"])) for w in rest):
        return ""  # نادي … نادي …: two bodies; الموقع الرسمي التابعة: a phrase that goes on
    name = " ".join(words)
    if "«" in name:
        return name
    if any(not w.startswith(("ال", "ل", "وال")) and rest[k - 1].startswith(("ال", "لل")) for k, w in enumerate(rest)
           if k):
        return ""  # موقع التواصل الاجتماعي تويتر ميزة جديدة: the object after the name
    adjectives = [w for w in rest if _NISBA_ADJ.fullmatch(w)]
    others = len(rest) - len(adjectives)
    entity = lexicon().entities.get(tuple(adjectives))
    if len(adjectives) > 1 and entity is not None and entity.demonym:
        adjectives = adjectives[:1]  # الشركة الكورية الجنوبية: one country's adjective in two words
    if any(w.startswith("لل") or (w.startswith("ل") and len(w) > 3 and not w.startswith("لا") and k + 1 < len(rest))
           for k, w in enumerate(rest)):
        return name  # المرصد الوطني لحقوق الإنسان، المديرية العامة للجوازات; not الأمانة العامة لسوق (cut)
    if len(adjectives) >= 2 or (adjectives and others):
        return name
    return ""


def _role_before(surface: str, name: str) -> str:
    """The office or description before a person's name in his speaker phrase (المحلل السياسي فلان → المحلل
    السياسي): up to eight words opening with the article or a title; else "".

    >>> _role_before("مدير قناة «تي» التركية توران كشلكجي", "توران كشلكجي"), _role_before("صادق زيبا كلام", "زيبا كلام")
    ('مدير قناة «تي» التركية', '')
    """
    at = surface.find(name)
    role = surface[:at].strip(" ،,") if at > 0 else ""
    words = role.split()
    if not words or len(words) > 8:
        return ""
    v = vocabulary()
    first = clitic_variants(norm(words[0]), 2)
    return role if first[0].startswith("ال") or any(
        f in v["title_first"] or f in v["person_heads"] or f in lexicon().office_heads for f in first) else ""


def _name_key(name: str) -> str:
    return " ".join(norm(_NAME_MARKS.sub(" ", name)).split())


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where the name is written in the text, as whole words (after a clitic و ب ل ف at most), quotation marks of
    any kind."""
    parts = [re.escape(p) for p in _NAME_MARKS.sub(" ", name).split()]
    if not parts:
        return []
    body = r"[\s«»“”\"()]+".join(parts)
    return [(m.start(1), m.end(1)) for m in re.finditer(
        rf"(?<![\w])(?:[وبلف])?([«“\"]?{body}[»”\"]?)(?![\w])", text)]


def speaker_actors(quotes: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame,
                   sentences: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Give an actor to every statement whose speaker the text names but the name tagger missed: a person, a body
    or a medium written in ``speaker_surface`` with no ``speaker``. The name is the one the phrase gives
    (``_person_speaker_name``, ``_body_speaker_name``); it is the actor already known by that name or alias, else a
    new actor; each place the name is written in the article becomes a mention (form ``name``), so that the speaker
    reaches the actors table, the stance matrix and the stories like any other. A person's family name said alone
    later in the same article (وأضاف الحلبي) is the same person. Returns ``(quotes, mentions, actors)``."""
    if quotes.empty:
        return quotes, mentions, actors
    col = {c: quotes[c].tolist() for c in ("article_id", "speaker_kind", "speaker_surface", "speaker_affiliation")}
    speakers = quotes["speaker"].fillna("").tolist()
    todo = [i for i, k in enumerate(col["speaker_kind"]) if not speakers[i] and k in _SPEAKER_ACTOR_PREFIX]
    if not todo:
        return quotes, mentions, actors
    known: dict[str, str] = {}  # an actor's name and every form it was written in, normalized
    ambiguous: set[str] = set()
    for aid_, name_, aliases_ in zip(actors["actor_id"].tolist(), actors["name_ar"].tolist(),
                                     actors["aliases"].fillna("").tolist(), strict=True):
        for key in {norm(str(name_)), *(norm(f.strip()) for f in str(aliases_).split("|"))}:
            if key and known.setdefault(key, aid_) != aid_:
                ambiguous.add(key)
    taken = set(actors["actor_id"].tolist())
    needed = {col["article_id"][i] for i in todo}
    ids = articles["article_id"].tolist()  # the needed texts only, taken by position (no filtered frame copied)
    kept = [x for x, a in enumerate(ids) if a in needed]
    texts = dict(zip([ids[x] for x in kept], articles["text"].take(kept).tolist(), strict=True))
    new: dict[str, dict] = {}  # actor id → its row
    by_key: dict[tuple[str, str], str] = {}  # (kind, name key) → new actor id
    placed: dict[tuple[str, str], tuple[str, str]] = {}  # (article, name key) → (actor id, the name as said)
    family: dict[tuple[str, str], str] = {}  # (article, family name) → new person
    for i in todo:
        article, kind, surface = col["article_id"][i], col["speaker_kind"][i], str(col["speaker_surface"][i])
        if article not in texts:
            continue
        name = _person_speaker_name(surface) if kind == "person" else _body_speaker_name(surface, kind)
        key = _name_key(name)
        if not key or key in ambiguous or norm(name) in ambiguous:
            continue
        aid = known.get(norm(name)) or known.get(key) or by_key.get((kind, key))
        if not aid:
            slugged = slug(transliterate(name))
            if not slugged:
                continue
            aid = f"{_SPEAKER_ACTOR_PREFIX[kind]}:{slugged}"
            while aid in taken:
                aid += "-2"
            taken.add(aid)
            by_key[(kind, key)] = aid
            new[aid] = {"actor_id": aid, "kind": kind, "name_ar": name, "name_en": transliterate(name),
                        "role_ar": _role_before(surface, name) if kind == "person" else "", "role_en": "",
                        "affiliation": str(col["speaker_affiliation"][i] or "").removeprefix("country:"),
                        "aliases": Counter()}
        placed.setdefault((article, key), (aid, name))
        speakers[i] = aid
        if kind == "person":  # two people of one family in the article: the family name alone is neither
            fam = (article, norm(name.split()[-1]))
            family[fam] = aid if family.get(fam, aid) == aid else ""
    # a family name said alone after the person was named in the same article: the same person
    for i in todo:
        article, surface = col["article_id"][i], str(col["speaker_surface"][i])
        if not speakers[i] and col["speaker_kind"][i] == "person" and article in texts:
            words = [w for w in _phrase_words(surface) if w.removeprefix("ال") not in PERSONAL_TITLES]
            if len(words) == 1 and family.get((article, words[0])):
                speakers[i] = family[(article, words[0])]
                placed.setdefault((article, _name_key(surface.split()[-1])), (speakers[i], surface.split()[-1]))
    # mentions: every place a new speaker's name is written in its article. A country's adjective or a place
    # inside a body's name (المرصد السوري لحقوق الإنسان) gives way to the body, and gives it its affiliation; any
    # other mention there (a person: مؤسسة جسر الملك فهد) keeps the words, and the name is not placed there.
    kinds = dict(zip(actors["actor_id"].tolist(), actors["kind"].tolist(), strict=True))
    rows = []
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # article → (start, end, row in mentions)
    where = {a for a, _ in placed}
    at = np.flatnonzero(mentions["article_id"].isin(where).to_numpy())  # rows of the articles concerned
    here_rows = mentions.iloc[at]
    mention_ids = dict(zip(at.tolist(), here_rows["actor_id"].tolist(), strict=True))
    forms = dict(zip(at.tolist(), here_rows["form"].tolist(), strict=True))
    for k, a, st, en in zip(at.tolist(), here_rows["article_id"].tolist(), here_rows["start"].tolist(),
                            here_rows["end"].tolist(), strict=True):
        spans[a].append((int(st), int(en), k))
    dropped: set[int] = set()
    bounds: dict[str, list[int]] = defaultdict(list)  # article → its sentences' starts
    if sentences is not None and not sentences.empty:
        sub = sentences[sentences["article_id"].isin(where)]
        for a, st in zip(sub["article_id"].tolist(), sub["start"].tolist(), strict=True):
            bounds[a].append(st)
    for (article, _key), (aid, name) in placed.items():
        text = texts[article]
        here = spans[article]
        for s, e in _occurrences(text, name):
            inside = [x for x in here if s < x[1] and x[0] < e and x[2] not in dropped]
            quoted = re.search(r"[«“\"](.+)[»”\"]", text[s:e])
            within = (s + quoted.start(1), s + quoted.end(1)) if quoted else (e, s)
            if any(x[0] < s or x[1] > e or x[2] < 0 or not (
                    forms[x[2]] in ("demonym", "capital") or kinds.get(mention_ids[x[2]]) in ("country", "place")
                    or (within[0] <= x[0] and x[1] <= within[1]))  # a word of the quoted name: صحيفة «الفجر الجديد»
                   for x in inside) or (inside and aid not in new):
                continue
            for x in inside:
                dropped.add(x[2])
                if aid in new and not new[aid]["affiliation"] and mention_ids[x[2]].startswith("country:"):
                    new[aid]["affiliation"] = mention_ids[x[2]].split(":", 1)[1]
            starts = sorted(bounds.get(article) or [0])
            rows.append({"article_id": article, "start": s, "end": e, "surface": text[s:e], "actor_id": aid,
                         "sentence_id": max(0, bisect_right(starts, s) - 1), "form": "name"})
            here.append((s, e, -1))
            if aid in new:
                new[aid]["aliases"][text[s:e]] += 1
    found = {r["actor_id"] for r in rows}
    lost = {aid for aid in set(speakers) - found if aid in new}
    speakers = ["" if s in lost else s for s in speakers]  # a name not written as such: no actor without a mention
    quotes = quotes.assign(speaker=speakers)
    touched = found | {mention_ids[k] for k in dropped}
    if dropped:
        mentions = mentions.drop(index=mentions.index[sorted(dropped)])
    if rows:
        mentions = pd.concat([mentions, pd.DataFrame(rows, columns=mentions.columns)], ignore_index=True)
        mentions = mentions.sort_values(["article_id", "start"], kind="stable", ignore_index=True)
    add = []
    for aid, a in new.items():
        if aid in lost:
            continue
        a = dict(a, aliases=" | ".join(f for f, _ in a["aliases"].most_common()))  # as actors writes them
        add.append(a)
    counts = mentions[mentions["actor_id"].isin(touched)].groupby("actor_id")["article_id"].agg(["size", "nunique"])
    if add:
        actors = pd.concat([actors, pd.DataFrame(add).reindex(columns=actors.columns)], ignore_index=True)
    if len(counts):
        hit = actors["actor_id"].isin(counts.index)
        actors.loc[hit, "mentions"] = actors.loc[hit, "actor_id"].map(counts["size"]).to_numpy()
        actors.loc[hit, "articles"] = actors.loc[hit, "actor_id"].map(counts["nunique"]).to_numpy()
    actors = actors.astype({"mentions": int, "articles": int})
    gone = (touched - set(counts.index)) - set(speakers)
    if gone:  # an adjective that was an actor's only mention, now inside a body's name
        actors = actors[~actors["actor_id"].isin(gone)].reset_index(drop=True)
    return quotes, mentions, actors


# --- the stage's contract (see arnews.stages) ----------------------------------------------------------------

STAGE = Stage(
    "quotes", per_article=candidate_rows, rows_table="_quote_candidates", rows_columns=CANDIDATE_COLUMNS,
    corpus_step=finalize, requires=("articles", "sentences", "mentions", "actors"),
    caches=(_cue_kind, _np_word, _human_word, _norm_word),
    produces={
        "quotes": Table(QUOTE_COLUMNS, {
            "article_id": "where it was said",
            "speaker": "actor_id of the speaker (a person, country, organization, group or medium); empty for "
                       "unnamed sources, offices nobody in the article holds, and documents with no known issuer. "
                       "A speaker the phrase names but the name tagger missed (`الزائرة نجود الحربي`, `المرصد "
                       "الوطني لحقوق الإنسان`, `صحيفة «الفجر الجديد»`) gets an actor of its own, with a mention "
                       "wherever its name is written in the article (`arnews.quotes.speaker_actors`); a phrase that "
                       "names no one body (`الشرطة الفرنسية`, `وسائل الإعلام`) does not",
            "speaker_surface": "the speaker's noun phrase as written (`المتحدث باسم وزارة الخارجية البرازيلية ماريا "
                               "سيلفا`, `مسؤول في الرئاسة الفرنسية`, `وكالة الأنباء الكويتية`, `الأخير`), never the "
                               "clause after it; for an office alone given to the person quoted under it before "
                               "(`وشدد الأمين العام`), the phrase he was quoted under; for a descriptor given to a "
                               "person named with it whom arnews has no actor for (`وأضاف المواطن`), the phrase that "
                               "names him (`المواطن مانع ملفي`)",
            "cue": "the speech verb, participle or source phrase (`وقال`, `أكدوا`, `مضيفاً`, `بحسب`)",
            "kind": "direct (one quotation), mixed (reported speech embedding a quoted phrase) or indirect",
            "text, start, end": "what was said, as written, and its offsets (inside the quotation marks for direct "
                                "speech)",
            "sentence_id": "the sentence it starts in",
            "speaker_kind": "person, country, organization, group, media, unnamed or document",
            "speaker_affiliation": "for unnamed speakers and offices without a name, the actor they speak for "
                                   "(`org:fr-presidency`, `country:BR`)",
            "channel": "the medium or document that carries the statement, as written, where the text names one: "
                       "`في تصريح لـ«الشرق الأوسط»` → `الشرق الأوسط`, `في بيان` → `بيان`, `عبر حسابه على منصة "
                       "إكس` → `منصة إكس`, `ووفقاً لما نقلته وكالة الأنباء الكويتية، فإن المشاركين أكدوا …` → "
                       "`وكالة الأنباء الكويتية` (the participants speak); for a statement reported inside another "
                       "speaker's words, that speaker as written (`وأضاف الوزير أن الرئيس أكد له أن …` → `الوزير` on "
                       "the president's row)",
            "reported_by": "for a statement reported inside another speaker's words (X said that Y said …, "
                           "«… قال لي الرئيس إن …»): X, the outer speaker (actor_id, or the phrase as written when X "
                           "is no actor); empty otherwise and when a medium or document carries it (see channel). Y's "
                           "row holds Y's words; X's row holds them too, as what X reported, and stance and the "
                           "briefing count them for Y only (`arnews.quotes.own_text`)",
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


#: a short quoted name right after a phrase: where an organization's phrase ends (الأمريكية "ناسا"), the body an
#: office phrase ends on (… في شركة «آر.إس.ايه»)
_QUOTED_NAME = re.compile(r"\s*[\"«“][^\"«»“”\n]{1,40}[\"»”]")
#: a name in brackets right after a medium's head noun (صحيفة (لاستامبا)، موقع (فوتبول إيطاليا))
_BRACKETED_NAME = re.compile(r"\s*\([^()\n،,.]{2,40}\)")
_RELATIVE_END = re.compile(r"(?:^|\s)[وف]?(?:الذي|التي)\s*$")
_INTRO_LEAD = re.compile(r"[\s«»“”\"'()\-–]+$")
_INTRO_CUT = re.compile(r"[.!؟?،,:;؛()\n]")


def _introduces(before: str, v) -> bool:
    """Does the text right before a person's name introduce him as a speaker: a speech verb or a source word
    (بحسب، وفق) then at most five words of his phrase (titles, an office, «لي», a negation's verb: ولم يؤكد
    المتحدث باسم الجيش العقيد فلان), or a verb of asking (سألت فلاناً: «…؟» فقال: the one asked answers)?

    >>> _introduces("وقد عاد إلى بلده قبل عام. ويقول السيد", vocabulary()), _introduces("والتقى الوزير", vocabulary())
    (True, False)
    """
    clause = _INTRO_CUT.split(before)[-1].split()
    for i in range(len(clause) - 1, max(-1, len(clause) - 7), -1):
        w = norm(clause[i])
        if _cue_kind(w) in ("speech", "attribution") or w in ("وفقا", "طبقا") or w in v["asking_verbs"]:
            if w in v["not_introducers"] or (w[:1] in "وف" and w[1:] in v["not_introducers"]) or (
                    w.endswith(("ها", "هم")) and _cue_kind(w[:-2]) == "speech"):
                return False  # بينها وبين فلان، ابرزهم: a verb that is also a noun, or has its object
            after = [norm(x) for x in clause[i + 1:]]
            if after and w in ("وفقا", "طبقا") and after[0][:1] == "ل":
                after[0] = after[0][1:]  # وفقاً للمخرج فلان
            return all(_np_word(x) or x in v["verb_adverbs"] for x in after)
    return False


def _introduced(c: dict, ctx: _Context, said_until: int, last: tuple | None) -> tuple[str, str, str, str] | None:
    """The person introduced as a speaker since the last statement ended, nearest to a verb without subject or a
    participle (وقال مسؤول إن … ثم: ويقول السيد «منصور»، وهو …: «…». ويضيف: «…» → منصور), when not the last
    speaker: a person named right after a speech verb or a source word (:func:`_introduces`), or one who opens a
    paragraph (أما «ناصر» القادم من …، فـ… يقول إنه …). None otherwise: the last speaker goes on."""
    if not last or said_until <= 0:
        return None
    text = ctx.texts[c["article_id"]]
    v = vocabulary()
    lead = text[max(said_until, c["cue_start"] - 120):c["cue_start"]]
    if _RELATIVE_END.search(lead):  # فلانة، وزيرة العدل السابقة، التي أشارت: the person the relative clause is of
        ms = ctx.spans(c["article_id"]).between(c["cue_start"] - len(lead), c["cue_start"])
        m = next((x for x in reversed(ms) if ctx.kinds.get(x[2]) == "person"), None)
        return (m[2], text[m[0]:m[1]], "person", "") if m and len(text[m[1]:c["cue_start"]].split()) <= 7 else None
    near = _phrase_words(_INTRO_CUT.split(lead[-40:])[-1])[-2:]
    if any(_human_word(w) for w in near):
        return None  # لكن المصدر ذاته قال: a subject before the verb, not someone named earlier
    named = _phrase_words(last[1])[-1:]
    for m in reversed(ctx.spans(c["article_id"]).between(said_until, c["cue_start"])):
        if named and named[0] in _phrase_words(text[m[1]:c["cue_start"]]):
            return None  # the last speaker named nearer (انفجر فلان غضباً. قال: …), though not tagged there
        if m[1] > c["cue_start"] or ctx.kinds.get(m[2]) != "person":
            continue
        if m[2] == last[0]:
            return None  # the last speaker named nearer (انفجر فلان غضباً. قال: …): he goes on
        before = _INTRO_LEAD.sub("", text[max(said_until, m[0] - 120):m[0]])
        para = text.rfind("\n", 0, m[0]) + 1
        opener = para >= said_until and len(_phrase_words(text[para:m[0]])) <= 2 and not _INTRO_CUT.search(
            text[para:m[0]]) and all(_np_word(w) or w in ("اما", "واما") for w in _phrase_words(text[para:m[0]]))
        if opener or _introduces(before, v) or _opens_as_subject(text, max(said_until, m[0] - 160), m[0], v):
            return m[2], text[m[0]:m[1]], "person", ""
    return None


def _opens_as_subject(text: str, lo: int, at: int, v) -> bool:
    """Is the name at ``at`` the subject of the sentence it is in, right after its first verb (وأمضى فلان …،
    بعد الحادثة، انفجر فلان، وهنا، عاود فلان …): the sentence opens (after a short phrase closed by a comma) with
    one word that is no noun phrase's (no article, no preposition), then at most two words of titles?

    >>> _opens_as_subject("بعد الحادثة بيوم، انفجر فلان", 0, 23, vocabulary())
    True
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, at)]
    head = text[ends[-1] if ends else lo:at]
    if not ends and lo > 0 and text[lo - 1] not in "\n":
        return False
    if "،" in head:
        lead, _, head = head.rpartition("،")
        if len(lead.split()) > 6:
            return False
    words = _phrase_words(head)
    if not 1 <= len(words) <= 3 or words[0].startswith(("ال", "وال")) or not _np_word(words[0]) \
            or words[0] in v["prepositions_before_noun"] or _cue_kind(words[0]):
        return False
    return all(_np_word(w) for w in words[1:])


def _last_two_countries(offset: int, sp: _Spans, ctx: _Context) -> list[tuple[int, int, str]]:
    """The last two different countries named before ``offset`` (the mentions, in text order), for «البلدان» /
    «الدولتان» speaking; [] when the article names fewer than two."""
    found: list[tuple[int, int, str]] = []
    for m in reversed(sp.between(0, offset)):
        if ctx.kinds.get(m[2]) == "country" and m[2] not in {x[2] for x in found}:
            found.append(m)
            if len(found) == 2:
                return found[::-1]
    return []
