"""Actors: who is in the news — people, countries, organizations, groups, places, media — under every spelling.

Two tables (``python -m arnews extract`` writes them as ``mentions.csv`` and ``actors.csv``):

``mentions`` (``MENTION_COLUMNS``): article_id, start, end (offsets of the name in the article text), surface
(the name as written, clitics such as و ب ل removed), actor_id, sentence_id.

``actors`` (``ACTOR_COLUMNS``): actor_id (``person:…``, ``country:FR``, ``org:…``, ``media:…``, ``place:…``),
kind (person | country | organization | group | place | media), name_ar, name_en, role_ar, role_en,
affiliation (ISO 3166 alpha-2, or another actor_id), aliases (every surface form seen, ``|``-separated),
mentions (count), articles (number of articles).

How actors are found, in any Arabic news text:

- **gazetteers**: country names from Babel/CLDR with the demonyms derived from them (الفرنسي، الأميركية),
  capitals, places, organizations, media and known office-holders from ``lib/arnews/data``;
- **titles**: a title (الرئيس، رئيس الوزراء، وزير الخارجية، المتحدث باسم …) optionally followed by a country
  adjective or an organization and then a name: the title gives the role and the affiliation;
- **speakers and agents**: a name that is the subject of a speech or agent verb (وقال شولتز، التقى …);
- **capitals**: a capital is its country's government (موسكو ترفض) unless the context makes it a place
  (في باريس، قمة باريس، اتفاقيات مينسك);
- **merging**: clitics are stripped for matching (وزيلينسكي، لأوكرانيا، بكييف); spellings that differ only in
  long vowels are one person (زيلينسكي / زيلنسكي، ترمب / ترامب); a bare surname (ماكرون) resolves to the person
  introduced with it, in the same article first, then in the corpus.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

import pandas as pd

from arnews import lang, ner
from arnews.stages import Stage, Table
from arnews.text import Doc, Token, clitic_variants, norm, normalize, strip_clitics

MENTION_COLUMNS = ["article_id", "start", "end", "surface", "actor_id", "sentence_id", "form"]
ACTOR_COLUMNS = ["actor_id", "kind", "name_ar", "name_en", "role_ar", "role_en", "affiliation", "aliases",
                 "mentions", "articles"]
CANDIDATE_COLUMNS = ["article_id", "start", "end", "surface", "actor_id", "sentence_id", "name_key", "role_ar",
                     "role_en", "affiliation", "evidence", "form"]
#: what a mention's words are: a name, an adjective (الفرنسي), an office standing for its holder (الرئيس
#: الأمريكي), a capital standing for its government (موسكو ترفض), a pronoun standing for a person (الأخير)
FORMS = ("name", "demonym", "office", "capital", "pronoun")
#: evidence of a person's name: a title before it, a speech or agent verb or a given name, the name tagger, a
#: list of names (بحضور فلان وفلان)
PERSON_EVIDENCE = ("title", "verb", "ner", "list")
KINDS = ("person", "country", "organization", "group", "place", "media")
#: titles that say how a person relates to another (بنظيره الفرنسي …), not what office they hold
RELATIONAL_ROLES = frozenset({"counterpart"})


load_data = lang.load  # the language data, loaded and validated in one place (kept under its old name)


@dataclass(frozen=True)
class Entity:
    """A gazetteer entry."""

    actor_id: str
    kind: str
    name_ar: str
    name_en: str
    affiliation: str = ""
    role_ar: str = ""
    role_en: str = ""
    capital_of: str = ""  # for capitals: the country code they stand for when not a place
    demonym: bool = False  # an adjective (الفرنسي): affiliation inside a title, a country mention elsewhere


@dataclass(frozen=True)
class Title:
    ar: str
    en: str
    org_title: bool = False


@dataclass
class Lexicon:
    """Everything the actor extractor knows, normalized and indexed for matching by first token."""

    entities: dict[tuple[str, ...], Entity] = field(default_factory=dict)
    by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    titles: dict[tuple[str, ...], Title] = field(default_factory=dict)
    titles_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    title_modifiers: dict[str, str] = field(default_factory=dict)
    stop: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    agent_verbs: frozenset[str] = frozenset()
    unnamed: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    object_pronouns: frozenset[str] = frozenset()  # لي، له، لنا: a verb's indirect object (data/quotes.yaml)
    present_speech_verbs: frozenset[str] = frozenset()  # يقول، يرى (data/quotes.yaml): a name ends before one
    person_words: dict[str, set[str]] = field(default_factory=dict)  # a known person → the words of its names
    before_allah: frozenset[str] = frozenset()  # نصر، فضل: one name with الله after them
    before_rahman_din: frozenset[str] = frozenset()  # حفظ، نور: one given name with الرحمن or الدين after them
    nisba_specifiers: frozenset[str] = frozenset()  # الجنسية: تركي الجنسية is an adjective, not a name
    institution_nouns: frozenset[str] = frozenset()  # كلية، جامعة: a body named after a person or a family
    relation_heads: frozenset[str] = frozenset()  # محامي، نجل، مستشار: the name after them is their genitive
    generations: frozenset[str] = frozenset()  # الابن، الأصغر: after a name, another person of the family
    blessings: frozenset[str] = frozenset()  # رضي، صلى: a blessing before الله ends the name
    place_preceders: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    org_heads: dict[str, str] = field(default_factory=dict)
    agency_heads: frozenset[str] = frozenset()  # منظمة: a known body's alias + genitive ل is another body
    govbodies: dict[tuple[str, ...], str] = field(default_factory=dict)
    govbodies_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)  # normalized surname → person actor_id
    people: dict[str, Entity] = field(default_factory=dict)
    triggers: frozenset[str] = frozenset()  # every word that can open an entry, a title, a verb or a head
    given_names: frozenset[str] = frozenset()
    arabic_given: frozenset[str] = frozenset()
    #: the given names the name tagger's model was trained with (given_names without arabic_more)
    tagger_given: frozenset[str] = frozenset()
    tagger_arabic_given: frozenset[str] = frozenset()
    countries: dict[str, Entity] = field(default_factory=dict)  # code → entity
    common_word_names: frozenset[str] = frozenset()  # country names that are also common words (مالي)
    common_word_orgs: frozenset[str] = frozenset()  # one-word organization names that are also common words (فتح)
    common_word_context: frozenset[str] = frozenset()  # words before them that make them the country
    nicknames: dict[str, str] = field(default_factory=dict)  # short given name → the full one (سيب → جوزيف)
    list_openers: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # بحضور، كل من … by first word
    event_heads: frozenset[str] = frozenset()  # منتجع، اتفاقية، شارع: the name after them is no person
    office_heads: frozenset[str] = frozenset()  # مدير، أمير، نائب: nouns that open an office in construct
    place_titles: frozenset[str] = frozenset()  # حاكم، محافظ: a lone word after them is the place they govern
    meeting_heads: frozenset[str] = frozenset()  # اجتماع، قمة: a meeting named after its place (كامب ديفيد)
    function_words: frozenset[str] = frozenset()
    #: an organization's one-word name without its article → its entry (ناتو → الناتو, read in لناتو)
    bare_orgs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add(self, name: str, entity: Entity, table: str = "entities") -> None:
        key = tuple(norm(name).split())
        if not key:
            return
        store = getattr(self, table)
        if key in store:  # first definition wins (curated data is loaded before derived forms)
            return
        store[key] = entity
        index = self.by_first if table == "entities" else self.titles_by_first
        keys = index.setdefault(key[0], [])
        keys.append(key)
        keys.sort(key=len, reverse=True)


def slug(s: str) -> str:
    """An ASCII id part from a transliteration (``Sami Bn Ali`` → ``sami-bn-ali``)."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def nisba(name: str) -> str | None:
    """The masculine demonym of a one-word Arabic country name, by the regular rule; None when irregular.

    >>> [nisba(n) for n in ("فرنسا", "أوكرانيا", "إيران", "مصر", "السعودية", "العراق", "مالي")]
    ['فرنسي', 'أوكراني', 'إيراني', 'مصري', 'سعودي', 'عراقي', None]
    """
    base = name[2:] if name.startswith("ال") else name
    if " " in base or len(base) < 3:
        return None
    if base.endswith("يا"):
        return base[:-1]
    if base.endswith("ا"):
        return base[:-1] + "ي"
    if base.endswith("ة"):
        return base[:-1]
    if base.endswith(("ي", "ى", "و")):
        return None
    return base + "ي"


def demonym_forms(masculine: str) -> list[str]:
    """Every form of a demonym as the press writes it, with and without the article.

    >>> demonym_forms("فرنسي")[:4]
    ['فرنسي', 'فرنسية', 'فرنسيين', 'فرنسيون']
    """
    forms = [masculine, masculine + "ة", masculine + "ين", masculine + "ون"]
    if " " in masculine:  # كوري شمالي → كورية شمالية
        a, b = masculine.split(" ", 1)
        forms = [masculine, f"{a}ة {b}ة"]
    return forms + ["ال" + " ال".join(f.split(" ")) for f in forms]


@cache
def lexicon() -> Lexicon:
    """Build the lexicon once from ``lib/arnews/data`` and Babel's CLDR country names."""
    from babel import Locale

    lex = Lexicon()
    countries = load_data("countries.yaml")
    orgs = load_data("organizations.yaml")
    people = load_data("people.yaml")["people"]
    titles = load_data("titles.yaml")
    words = load_data("lexicon.yaml")
    places = load_data("places.yaml")["places"]

    # people first: their full names and surnames
    for p in people:
        e = Entity(f"person:{p['id']}", "person", p["ar"][0], p["en"], str(p.get("affiliation", "")),
                   p.get("role_ar", ""), p.get("role_en", ""))
        lex.people[e.actor_id] = e
        for name in p["ar"]:
            lex.add(name, e)
            lex.person_words.setdefault(e.actor_id, set()).update(norm(name).split())
        for s in p.get("surnames", []):
            lex.surnames[norm(s)] = e.actor_id
            lex.add(s, e)

    for section, kind_of in (("organizations", None), ("media", "media")):
        for o in orgs[section]:
            kind = kind_of or o["kind"]
            prefix = "media" if kind == "media" else "org"
            e = Entity(f"{prefix}:{o['id']}", kind, o["ar"][0], o["en"], str(o.get("affiliation", "")))
            for name in o["ar"]:
                lex.add(name, e)

    for oid, adjectives in orgs.get("adjectives", {}).items():
        org = lex.entities[tuple(norm(next(o["ar"][0] for o in orgs["organizations"] if o["id"] == oid)).split())]
        for adj in adjectives:
            for form in demonym_forms(adj):
                lex.add(form, Entity(org.actor_id, org.kind, org.name_ar, org.name_en, org.affiliation,
                                     demonym=True))

    for p in places:
        e = Entity(f"place:{slug(p['en'])}", "place", p["ar"][0], p["en"], str(p.get("country", "")))
        for name in p["ar"]:
            lex.add(name, e)

    ar_names, en_names = Locale("ar").territories, Locale("en").territories
    codes = [c for c in ar_names if len(c) == 2 and c.isalpha() and c not in ("ZZ", "EU", "EZ", "UN", "QO", "XA",
                                                                               "XB", "XK")]
    not_countries = {norm(w) for w in countries["not_countries"]}
    lex.common_word_names = frozenset(norm(w) for w in countries["common_word_names"])
    lex.common_word_orgs = frozenset(norm(w) for w in orgs["common_word_aliases"])
    lex.common_word_context = frozenset(norm(w) for w in countries["common_word_context"])
    for code in codes:
        e = Entity(f"country:{code}", "country", ar_names[code], en_names.get(code, code), code)
        lex.countries[code] = e
        names = [*list(countries["aliases"].get(code, [])), ar_names[code]]
        for name in names:
            lex.add(name, e)
        adjectives = list(countries["demonyms"].get(code, []))
        if code not in countries["no_demonym"] and not adjectives:
            adjectives = [a for a in (nisba(n) for n in names) if a]
        adj_entity = Entity(e.actor_id, "country", e.name_ar, e.name_en, code, demonym=True)
        for adj in adjectives:
            if norm(adj) in not_countries:
                continue
            for form in demonym_forms(adj):
                lex.add(form, adj_entity)

    for code, cap in countries["capitals"].items():
        e = Entity(f"place:{slug(cap['en'])}", "place", cap["ar"][0], cap["en"], code, capital_of=code)
        for name in cap["ar"]:
            lex.add(name, e)

    for t in titles["titles"]:
        lex.add(t["ar"], Title(t["ar"], t["en"], bool(t.get("org_title"))), table="titles")
    lex.title_modifiers = {norm(k): v for k, v in titles["title_modifiers"].items()}
    lex.speech_verbs = lang.speech_verbs()
    lex.agent_verbs = lang.agent_verbs()
    lex.unnamed = frozenset(norm(v) for v in words["unnamed_speakers"])
    lex.anaphors = frozenset(norm(v) for v in words["person_anaphors"])
    quote_words = load_data("quotes.yaml")
    lex.object_pronouns = frozenset(norm(v) for v in quote_words["object_pronouns"])
    lex.present_speech_verbs = frozenset(norm(v) for v in quote_words["speech_verbs_present"])
    lex.institution_nouns = frozenset(norm(v) for v in quote_words["institution_nouns"])
    lex.relation_heads = frozenset(norm(v) for v in quote_words["relation_heads"] + quote_words["aide_heads"])
    lex.before_allah = frozenset(norm(v) for v in words["before_allah"]) | {"عبد"}
    lex.before_rahman_din = frozenset(norm(v) for v in words["before_rahman_din"]) | lex.before_allah
    lex.nisba_specifiers = frozenset(norm(v) for v in words["nisba_specifiers"])
    lex.blessings = frozenset(norm(v) for v in words["blessings_before_allah"])
    lex.place_preceders = frozenset(norm(v) for v in words["place_preceders"])
    lex.place_heads = frozenset(norm(v) for v in words["place_heads"])
    lex.org_heads = {norm(h): kind for kind, heads in orgs["org_heads"].items() for h in heads}
    lex.agency_heads = frozenset(norm(h) for h in orgs["agency_heads"])
    lex.govbodies = {tuple(norm(g["ar"]).split()): g["en"] for g in orgs["govbodies"]}
    for key in sorted(lex.govbodies, key=len, reverse=True):
        lex.govbodies_by_first.setdefault(key[0], []).append(key)
    for phrase in words["list_openers"]:
        key = tuple(norm(phrase).split())
        lex.list_openers.setdefault(key[0], []).append(key)
    lex.event_heads = frozenset(norm(w) for w in words["event_heads"])
    lex.office_heads = frozenset(norm(w) for w in words["office_heads"])
    lex.place_titles = frozenset(norm(w) for w in words["place_titles"])
    lex.meeting_heads = frozenset(norm(w) for w in words["meeting_heads"])
    lex.function_words = frozenset(norm(w) for w in words["function_words"])
    lex.bare_orgs = {k[0][2:]: k for k, e in lex.entities.items()
                     if len(k) == 1 and k[0].startswith("ال") and len(k[0]) > 4 and not e.demonym
                     and e.kind in ("organization", "media", "group") and (k[0][2:],) not in lex.entities}
    given = load_data("given_names.yaml")
    lex.tagger_given = frozenset(norm(n) for n in given["arabic"] + given["foreign"] if " " not in n)
    lex.tagger_arabic_given = frozenset(norm(n) for n in given["arabic"])
    lex.given_names = lex.tagger_given | {norm(n) for n in given["arabic_more"]}
    lex.arabic_given = lex.tagger_arabic_given | {norm(n) for n in given["arabic_more"]}
    # the names with ا + ي also as the press writes them with ئ (نائف، عائض)
    hamza = {_hamza_spelling(n) for n in lex.arabic_given - {norm(n) for n in given["no_hamza_spelling"]}} - {None}
    lex.given_names |= hamza
    lex.arabic_given |= hamza
    lex.nicknames = {norm(k): norm(v) for k, v in given["nicknames"].items()}
    lex.generations = frozenset(norm(w) for w in given["generation_words"])
    lex.triggers = frozenset(set(lex.by_first) | set(lex.titles_by_first) | set(lex.govbodies_by_first)
                             | lex.speech_verbs | lex.agent_verbs | lex.place_heads | set(lex.org_heads)
                             | lex.given_names | lex.anaphors | set(lex.bare_orgs))
    time_words = _time_words()
    first_title_words = {k[0] for k in lex.titles}
    lex.stop = frozenset(
        {norm(w) for w in words["function_words"]} | lex.speech_verbs | lex.agent_verbs | lex.unnamed
        | set(lex.title_modifiers) | time_words | first_title_words | lex.place_heads | set(lex.org_heads)
    )
    return lex


def _hamza_spelling(name: str) -> str | None:
    """The other common spelling of an Arabic given name with ا + ي inside it, the ي written as ئ (the press
    writes both); None for a name without one.

    >>> _hamza_spelling("نايف"), _hamza_spelling("عايض"), _hamza_spelling("محمد")
    ('نائف', 'عائض', None)
    """
    k = name.find("اي", 1)
    return name[:k] + "ائ" + name[k + 2:] if 0 < k < len(name) - 2 else None


def _time_words() -> set[str]:
    """Month and weekday names (:func:`arnews.lang.time_words`): never part of a name."""
    return set(lang.time_words())


# --- per-article candidates --------------------------------------------------------------------------

_NAME_CHAR_RE = re.compile(r"^[\u0621-\u064a]+$")
#: the article after a clitic (بالوفد، للمهرجان، والكولمبي): a definite noun, never a name's word
_ARTICLE_WITH_CLITIC = ("بال", "لل", "وال", "فال", "كال")


@dataclass
class _Match:
    start_tok: int
    end_tok: int  # exclusive
    start: int
    end: int
    entity: Entity | None = None


def _token_span(tok: Token, variant: str) -> int:
    """Start offset, in the text, of ``variant`` (a clitic-stripped reading) inside ``tok``."""
    drop = len(tok.norm) - len(variant)
    if drop <= 0 or not tok.norm.endswith(variant):
        return tok.start  # للرئيس read as الرئيس: the letters are not all in the text, keep the whole word
    return tok.start + normalize(tok.text).to_source(drop)


def _gap_is_space(text: str, a: Token, b: Token) -> bool:
    return text[a.end:b.start].strip() == ""


def _gap_opens_name(text: str, a: Token, b: Token) -> bool:
    """Is the gap between a head and the name after it a space, or a space and an opening quotation mark
    (قاعة «عبد الحليم رضوي»: the hall's name quoted)?

    >>> d = Doc("a", "لقاعة «سعيد الغامدي» ثم")
    >>> _gap_opens_name(d.text, d.tokens[0], d.tokens[1])
    True
    """
    gap = text[a.end:b.start].strip()
    return gap == "" or (gap in _OPEN_QUOTES and gap != "”")  # not ”, a closing mark


def _match_at(lex: Lexicon, toks: list[Token], i: int, text: str, table: str = "entities"
              ) -> tuple[tuple[str, ...], object, int] | None:
    """The longest gazetteer (or title) entry starting at token ``i``: ``(key, value, start_offset)``."""
    index = lex.by_first if table == "entities" else lex.titles_by_first
    store = lex.entities if table == "entities" else lex.titles
    tok = toks[i]
    for variant in clitic_variants(tok.norm, 2):
        keys = index.get(variant)
        if not keys:
            continue
        for key in keys:
            n = len(key)
            if i + n > len(toks):
                continue
            ok = True
            for k in range(1, n):
                t = toks[i + k]
                if t.norm != key[k] or not _gap_is_space(text, toks[i + k - 1], t):
                    ok = False
                    break
            if ok:
                return key, store[key], _token_span(tok, variant)
    if table == "entities":  # لناتو، وكرملين: an organization's name written without its article
        for variant in clitic_variants(tok.norm, 2):
            key = lex.bare_orgs.get(variant)
            if key:
                return key, store[key], _token_span(tok, variant)
    return None


#: a sound masculine plural participle in construct (منافسو، منظمو، مؤيدو، مسؤولو): م and a consonant, where
#: foreign names open with ما، مو، مي (ماركو، مورينو، ميلانو، موتكو), then و at the end
_CONSTRUCT_PLURAL_RE = re.compile(r"^و?م[^اوي\s]\S{2,}و$")


def _is_name_token(lex: Lexicon, tok: Token, position: int) -> bool:
    w = tok.norm
    if len(w) < 2 or not _NAME_CHAR_RE.match(w) or w in lex.stop:
        return False
    if position == 0 and w.startswith(("ال", *_ARTICLE_WITH_CLITIC)) and not tok.text.startswith(
            ("أل", "إل", "آل")):
        return False  # a name does not open with the article (family names such as الجبير follow a first name);
        # written with a hamza it is no article: أليكسيس، ألبرتو، آلان
    if position == 0 and _CONSTRUCT_PLURAL_RE.match(w) and w not in lex.given_names:
        return False  # منافسو بلاتيني، منظمو المهرجان: a plural noun ("rivals of"), not a name's first word
    if tok.text.endswith(("اً", "ًا")):
        return False  # tanween: an adverb or indefinite accusative (رئيساً، حالياً), never a name
    bare = w[1:] if w[0] in "وفبل" and len(w) > 2 else w
    return bare not in lex.stop


_CONNECTORS = frozenset({"عبد", "بن", "ابن", "ابو", "ال", "بنت", "ولد", "دي", "فون", "دير", "فان"})
#: the Arabic links inside a nasab: بن، ابن، بنت, the words joined to the next (عبد، أبو and its cases أبي، أبا) and آل
#: (normalized ال); a name never ends on one
_NASAB_LINKS = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ابي", "ابا", "ال"})
#: a word of a name that is never written alone: with the next it is one name (عبد العزيز، أبو بكر)
_JOINED_TO_NEXT = frozenset({"عبد", "ابو", "ابي", "ابا"})
#: a family name with the article scores at least this with the tagger (العتيق -3.8, not الطريق -4.9, البحث -5.6)
_FAMILY_NAME_SCORE = -4.0
_NASAB_MAX = 12  # tokens of a nasab: فيصل بن مشعل بن سعود بن عبد العزيز آل سعود
_PRONOUN_SUFFIXES = ("نا", "كم", "هم", "هما", "كما", "هن")
_NAME_BOUNDARY_STARTS = ("ي", "ت", "سي", "ست")  # an imperfect verb after a name: ماكرون يدعو


_FUTURE_PREFIXES = ("سي", "ست", "سن", "سا")
_IMPERFECT_PREFIXES = ("ي", "ت")


@lru_cache(maxsize=50_000)
def _reads_as_verb(word: str) -> bool:
    """Whether a normalized word that would continue a name is a verb, which ends the name (جوزيف بلاتر سيستقيل،
    فولفغانغ نيرسباخ سيخلف بلاتيني): a listed speech or agent verb, a future verb (سـ + imperfect) or an
    imperfect verb that the name tagger reads as no name. Listed given names and surnames are never verbs.

    >>> _reads_as_verb("سيخلف"), _reads_as_verb("يعتزم"), _reads_as_verb("سيرغي"), _reads_as_verb("يوسف")
    (True, True, False, False)
    """
    from arnews import ner

    lex = lexicon()
    if word in lex.given_names or word in lex.surnames:
        return False
    if any(v in lex.speech_verbs or v in lex.agent_verbs for v in clitic_variants(word, 2)):
        return True
    if word in lex.present_speech_verbs or (word[:1] in "وف" and word[1:] in lex.present_speech_verbs):
        return True  # عبد المجيد يرى أن (with و / ف only: كيري is no ك + يري)
    if len(word) >= 5 and word.startswith(_FUTURE_PREFIXES):
        return ner.word_score(word) < _FUTURE_VERB_SCORE
    return len(word) >= 4 and word.startswith(_IMPERFECT_PREFIXES) and ner.word_score(word) < _IMPERFECT_SCORE


_FUTURE_VERB_SCORE = 1.0  # سـ + a verb: a name that opens so (سيرغي، ستيفن) scores well above O
_IMPERFECT_SCORE = -3.0  # يـ / تـ: many names open so (يوسف، تشرشل): only a clear verb


def _nasab_length(lex: Lexicon, doc: Doc, j: int, n: int) -> int:
    """How many of the ``n`` name-like tokens at ``j`` form a nasab: a name, then any number of «بن / ابن / بنت +
    name» (عبد and أبو joined to the next word), then at most a family name: آل سعود, a word with the article
    (السديري), or a word without it where the name ends there (خالد بن عبدالقادر طاهر،). What follows is the
    verb's object or the office (… أمير المنطقة، … مأدبة إفطار), not the name.

    >>> d = Doc("a", "أقام الشيخ محمد بن راشد بن سعيد آل مكتوم مأدبة إفطار")
    >>> _nasab_length(lexicon(), d, 2, 8)
    7
    >>> _nasab_length(lexicon(), Doc("a", "وأكدت الأميرة نورة بنت محمد نائبة رئيسة الجمعية أن"), 2, 5)
    3
    """
    toks, text = doc.tokens, doc.text
    end = j + n

    def name_at(k: int, after_link: bool) -> int:  # tokens of one name at k: عبد العزيز, أبو بكر are one
        if k >= end:
            return 0
        w = toks[k].norm
        if w in _JOINED_TO_NEXT:
            return 2 if k + 1 < end else 0
        if w in _NASAB_LINKS or _ran_on(lex, w):
            return 0
        return 1 if after_link or not (w in lex.office_heads or w in lex.titles_by_first) else 0

    def office(w: str) -> bool:  # an office noun, or its feminine (نائبة، مديرة)
        return w in lex.office_heads or w in lex.titles_by_first or (w[-1:] == "ه" and w[:-1] in lex.office_heads)

    def ends_after(k: int) -> bool:  # the name ends after token k: punctuation, a function word, an office
        if k + 1 >= len(toks) or not _gap_is_space(text, toks[k], toks[k + 1]):
            return True
        w = toks[k + 1].norm
        return w in lex.stop or office(w) or toks[k + 1].text.endswith(("اً", "ًا"))

    k = j + name_at(j, False)
    if k == j:
        return 0
    if k + 1 < end and toks[k].norm not in _NASAB and toks[k + 1].norm in _NASAB and name_at(k, False) == 1:
        k += 1  # two names before the first بن (محمد علي بن …, or a coordinated word the caller takes off)
    while k < end and toks[k].norm in _NASAB and name_at(k + 1, True):
        k += 1 + name_at(k + 1, True)
    if k < end and toks[k].norm == "ال" and name_at(k + 1, True):  # آل سعود
        k += 1 + name_at(k + 1, True)
    elif k < end and toks[k].norm.startswith("ال") and name_at(k, False) and (
            _NISBA_RE.match(toks[k].text) or _word_score(toks[k].norm) >= _FAMILY_NAME_SCORE):  # السديري, not التوجيه
        k += 1
    elif k < end and name_at(k, False) == 1 and not office(toks[k].norm) and ends_after(k):  # … بن عبدالقادر طاهر،
        k += 1  # (not … بن عبد الرحمن نائبة رئيسة الجمعية: her office)
    return k - j


def _name_after(lex: Lexicon, doc: Doc, j: int, max_len: int = 4) -> int:
    """How many name tokens start at token ``j``.

    A known full name sets its own length. Otherwise a name is two words; a third is taken where a boundary
    (punctuation, a function word, the end) follows it, and connectors (عبد، بن، أبو، فون) allow up to four.
    """
    toks, text = doc.tokens, doc.text
    hit = _match_at(lex, toks, j, text)
    if hit and hit[1].kind == "person" and len(hit[0]) > 1:
        return len(hit[0])
    n = self_n = _raw_name_after(lex, doc, j, max_len + 1)
    if any(t.norm in _CONNECTORS for t in toks[j:j + n]) or any(
            _compound_pair(lex, toks[k - 1].norm, toks[k].norm) for k in range(j + 1, j + n)):
        # (a compound given name counts as one word, like عبد الله: أحمد ضيف الله السالم العمري)
        if any(t.norm in _NASAB for t in toks[j:j + n]):
            n = _nasab_length(lex, doc, j, _raw_name_after(lex, doc, j, _NASAB_MAX))
        return n  # فيصل بن بندر الفائزين: a plural noun after the nasab is the verb's object
    n = min(n, max_len)
    if n <= 2:
        return n
    end = toks[j + 2]
    if (end.norm[:1] in "لب" and toks[j + 1].norm[:1] not in "لب") or end.norm.endswith(_PRONOUN_SUFFIXES):
        return 2  # "كيري لصحفيين", "كيري أطلعنا": a preposition or a pronoun suffix is no part of a name
    if end.norm.startswith("ال") and end.norm.endswith("ه") and end.norm not in lex.surnames and not _compound_pair(
            lex, toks[j + 1].norm, end.norm):
        return 2  # «قدمت المذيعة ديما صادق الحلقة»: a definite noun in teh marbuta is the verb's object
    after = toks[j + 3] if j + 3 < len(toks) else None
    boundary = after is None or not _gap_is_space(text, end, after) or after.norm in lex.stop
    return 3 if boundary else 2 if self_n else 0


_ACCUSATIVE_SCORE = -2.0  # a word in -ا after a name that scores this far below O is its verb's object


def _blessing_at(lex: Lexicon, toks: list[Token], i: int) -> bool:
    """Does a blessing open at token ``i`` (رضي الله، صلى الله، رحمه الله، حفظه الله), which ends a name before it?
    Not نصر الله، هبة الله: a compound name.

    >>> toks = Doc("a", "أبو سعيد الخدري رضي الله عنه وسعود رحمه الله").tokens
    >>> _blessing_at(lexicon(), toks, 3), _blessing_at(lexicon(), toks, 7), _blessing_at(lexicon(), toks, 2)
    (True, True, False)
    """
    if i + 1 >= len(toks) or toks[i + 1].norm != "الله":
        return False
    tok = toks[i]
    return (tok.norm.endswith("ه") and "ة" not in tok.text) or tok.norm in lex.blessings


def _indefinite_accusative(lex: Lexicon, toks: list[Token], j: int, opens: bool = False) -> bool:
    """Whether token ``j`` is an indefinite accusative noun written in -ا without its tanween, the object of a
    verb rather than a name: one before a prepositional phrase whose stem is no name (رئيس الدولة مرسوما بقانون،
    قرارا بتعيين), or, after a name's first word (not when it ``opens`` the name: زارا، نورا), one the tagger reads
    as no name (آل نهيان مرسوما …). Not المهنا، السقا (the article), باشا (short), listed names, nor أوباما بالوفد
    (its stem reads as a name).

    >>> toks = Doc("a", "أصدر الرئيس مرسوما بقانون").tokens
    >>> _indefinite_accusative(lexicon(), toks, 2), _indefinite_accusative(lexicon(), toks, 1)
    (True, False)
    """
    tok = toks[j]
    w = tok.norm
    if not tok.text.endswith("ا") or len(w) < 5 or w.startswith("ال") or w in lex.given_names or w in lex.surnames:
        return False
    if not opens and _word_score(w) < _ACCUSATIVE_SCORE:
        return True
    nxt = toks[j + 1].norm if j + 1 < len(toks) else ""
    return nxt[:1] in ("ب", "ل") and not nxt.startswith("ال") and _word_score(w[:-1]) < 0


def _raw_name_after(lex: Lexicon, doc: Doc, j: int, max_len: int) -> int:
    toks, text = doc.tokens, doc.text
    n = 0
    while j + n < len(toks) and n < max_len:
        tok = toks[j + n]
        if n and not _gap_is_space(text, toks[j + n - 1], tok):
            break
        if not _is_name_token(lex, tok, n) and not (n and _compound_pair(lex, toks[j + n - 1].norm, tok.norm)) and not (
                n and toks[j + n - 1].norm in _NASAB and (
                tok.norm in lex.speech_verbs or tok.norm in lex.agent_verbs)):
            break  # (عبد الله written in two words, نصر الله, is a name; so is a father named like a verb: بن طالب)
        if n and tok.text.endswith("ة") and toks[j].norm in lex.given_names and toks[j].norm not in lex.arabic_given:
            break  # a foreign name does not go on with a noun in teh marbuta (مونغ جون مسألة ترشحه: the object)
        if n and _reads_as_verb(tok.norm) and toks[j + n - 1].norm not in _NASAB:
            break  # جوزيف بلاتر سيستقيل (not محمد بن وصل: after بن, a father's name)
        if n and _blessing_at(lex, toks, j + n):
            break  # a blessing after the name (سعود الفيصل رحمه الله، أبو سعيد الخدري رضي الله عنه), not نصر الله
        if (not n or toks[j + n - 1].norm not in _CONNECTORS) and _indefinite_accusative(lex, toks, j + n, not n):
            break  # the verb's object, not the name (not دي بالما: after a connector)
        if n and toks[j + n - 1].norm not in _NASAB:  # after بن a father's name, even one that is a word
            hit = _match_at(lex, toks, j + n, text)  # of a country (فيصل بن تركي)
            if hit and hit[1].kind != "person":  # a country or organization ends the name
                break
        first = toks[j].norm
        if tok.norm[0] == "و" and toks[j + n - 1].norm not in _NASAB and (n >= 2 or (n == 1 and (
                first in lex.arabic_given or (first[:1] in "وف" and first[1:] in lex.arabic_given)))):
            break  # "ستيف ويتكوف وجاريد", "سعود ورؤيتكم": a conjunction, not a name
        if n and _conjoined_name(doc, tok.norm):
            break  # ماكرون وشولتس: two persons
        n += 1
    while n and toks[j + n - 1].norm in _CONNECTORS:  # "محمد بن سلمان بن" → "محمد بن سلمان"
        n -= 1
    return n


def _candidate(doc: Doc, start: int, end: int, actor_id: str, name_key: str = "", role_ar: str = "",
               role_en: str = "", affiliation: str = "", evidence: str = "", form: str = "name") -> dict:
    return {"article_id": doc.article_id, "start": start, "end": end, "surface": doc.text[start:end],
            "actor_id": actor_id, "sentence_id": doc.sentence_id(start), "name_key": name_key, "role_ar": role_ar,
            "role_en": role_en, "affiliation": affiliation, "evidence": evidence, "form": form}


def _capital_is_place(lex: Lexicon, toks: list[Token], i: int, matched_variant_start: int) -> bool:
    tok = toks[i]
    if matched_variant_start > tok.start:  # a clitic: بباريس (in) is a place; لكييف / وموسكو are not decided
        prefix = norm(tok.text[: matched_variant_start - tok.start])
        if prefix.endswith("ب"):
            return True
    if i and toks[i - 1].norm in lex.place_preceders:
        return True
    if i and clitic_variants(toks[i - 1].norm, 2)[-1] in lex.place_preceders:
        return True
    if i > 1 and toks[i - 1].norm in {"الي", "من"} and any(
            clitic_variants(t.norm, 2)[-1] in lex.place_preceders or t.norm in lex.place_preceders
            for t in toks[max(0, i - 4):i - 1]):
        return True  # حضروا إلى باريس، ووصل الوفد إلى أنقرة، عاد من موسكو
    if i + 1 < len(toks) and toks[i + 1].norm[:1].isdigit():
        return True  # a caption or dateline: باريس 17 تشرين الثاني
    return i > 1 and toks[i - 2].norm in {"العاصمه", "عاصمه"}  # العاصمة الفرنسية باريس


def _country_in_context(lex: Lexicon, doc: Doc, i: int, matched_start: int) -> bool:
    """Whether a country name that is also a common word (مالي: financial) names the country here: after a
    preposition or a clitic one (في مالي، بمالي، لمالي), a place or state word (رئيس مالي، شمال مالي), or in a
    list with another country (النيجر ومالي، مالي والنيجر); never after a noun it can describe (دعم مالي) nor
    with the article (العام المالي).

    >>> _country_in_context(lexicon(), Doc("a", "أرسلت فرنسا قوات إلى مالي."), 4, 20)
    True
    >>> _country_in_context(lexicon(), Doc("a", "وقدمت فرنسا دعم مالي للقوات."), 3, 16)
    False
    """
    toks = doc.tokens
    tok = toks[i]
    prefix = norm(doc.text[tok.start:matched_start]) if matched_start > tok.start else ""
    if prefix.endswith("ال"):
        return False  # المالي، والمالي: the adjective (a country's name takes no article)
    if prefix.endswith(("ب", "ل")):
        return True
    before = {toks[i - 1].norm, clitic_variants(toks[i - 1].norm, 2)[-1]} if i else set()
    if before & lex.common_word_context or before & lex.place_preceders:
        return True

    return _joined_to(lex, doc, i, matched_start, lambda hit: hit[1].kind == "country" and not hit[1].demonym
                      and hit[0][0] not in lex.common_word_names)


def _joined_to(lex: Lexicon, doc: Doc, i: int, matched_start: int, accept: Callable[[tuple], bool]) -> bool:
    """Whether the name at token ``i`` (matched from ``matched_start``) is joined by و to a gazetteer name that
    ``accept`` takes: the one before it (النيجر ومالي) or the one after (مالي والنيجر)."""
    toks = doc.tokens

    def accepted_at(j: int) -> bool:
        if not 0 <= j < len(toks) or not _gap_is_space(doc.text, toks[min(i, j)], toks[max(i, j)]):
            return False
        hit = _match_at(lex, toks, j, doc.text)
        return bool(hit) and accept(hit)

    return (matched_start > toks[i].start and accepted_at(i - 1)) or (
        i + 1 < len(toks) and toks[i + 1].norm[:1] == "و" and accepted_at(i + 1))


def _org_in_context(lex: Lexicon, doc: Doc, i: int, matched_start: int) -> bool:
    """Whether an organization's one-word name that is also a common word (فتح) names it here: without the article,
    joined by و to another organization or group (حماس وفتح، فتح وحماس), or before a country adjective (فتح
    الفلسطينية).

    >>> _org_in_context(lexicon(), Doc("a", "اتفقت حماس وفتح على الحوار."), 2, 16)
    True
    >>> _org_in_context(lexicon(), Doc("a", "قررت النيابة فتح تحقيق في الحادث."), 2, 13)
    False
    """
    toks = doc.tokens
    tok = toks[i]
    if norm(doc.text[tok.start:matched_start]).endswith("ال"):
        return False  # جيش الفتح
    after = _match_at(lex, toks, i + 1, doc.text) if i + 1 < len(toks) else None
    if after and after[1].kind == "country" and after[1].demonym:
        return True
    return _joined_to(lex, doc, i, matched_start, lambda hit: hit[1].kind in ("organization", "group")
                      and hit[0][0] not in lex.common_word_orgs)


_BODY_REACH = 3  # definite words after the genitive ل that a longer body's name may hold (للتنمية الزراعية)


def _longer_body(lex: Lexicon, doc: Doc, i: int, hit) -> int:
    """The length in tokens of a longer body's name when a known organization's alias that opens with an agency
    head (المنظمة الدولية, the UN) goes on with a genitive ل (المنظمة الدولية للهجرة، منظمة الأمم المتحدة
    للتربية والعلم والثقافة): another body, of its own name; 0 otherwise.

    >>> d = Doc("a", "أعلنت المنظمة الدولية للهجرة أن عدد النازحين ارتفع")
    >>> _longer_body(lexicon(), d, 1, _match_at(lexicon(), d.tokens, 1, d.text))
    3
    """
    key, entity, _ = hit
    toks, text = doc.tokens, doc.text
    j = i + len(key)
    if entity.kind != "organization" or j >= len(toks) or not _gap_is_space(text, toks[j - 1], toks[j]):
        return 0
    first = toks[i].norm
    if first not in lex.agency_heads and not (first.startswith("ال") and first[2:] in lex.agency_heads):
        return 0
    w = toks[j].norm
    construct = w[:1] == "ل" and len(w) > 3 and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال")
    if not (w.startswith("لل") and len(w) > 4) and not construct:
        return 0
    k = j + 1
    while k < len(toks) and k - j <= _BODY_REACH and toks[k].norm.startswith(("ال", "وال")) and _gap_is_space(
            text, toks[k - 1], toks[k]) and toks[k].norm not in lex.stop and not _match_at(lex, toks, k, text):
        k += 1
    return k - i


def _split_makes_place(lex: Lexicon, doc: Doc, i: int, hit) -> bool:
    """Whether a country or place found in token ``i`` only by taking letters off its start as clitics is a
    longer foreign name instead: the whole word (or a reading with fewer letters taken) is a listed given name
    or surname, or the letters taken are ك (كـ "like" rarely stands before a country) and a word that reads as a
    name follows.

    >>> _split_makes_place(lexicon(), Doc("a", "وقال كلاوس شتاينر إن الفريق جاهز."), 1,
    ...                    _match_at(lexicon(), Doc("a", "وقال كلاوس شتاينر").tokens, 1, "وقال كلاوس شتاينر"))
    True
    >>> _split_makes_place(lexicon(), Doc("a", "وسافر إلى كلبنان أمس."), 2,
    ...                    _match_at(lexicon(), Doc("a", "وسافر إلى كلبنان").tokens, 2, "وسافر إلى كلبنان"))
    False
    """
    key, entity, start = hit
    toks = doc.tokens
    tok = toks[i]
    if start <= tok.start or len(key) != 1 or entity.kind not in ("country", "place") or entity.demonym:
        return False
    longer = [v for v in clitic_variants(tok.norm, 2) if len(v) > len(key[0])]
    if any(v in lex.given_names or v in lex.surnames for v in longer):
        return True
    taken = tok.norm[: len(tok.norm) - len(key[0])]
    if not taken.endswith("ك") or i + 1 >= len(toks) or not _gap_is_space(doc.text, tok, toks[i + 1]):
        return False
    from arnews import ner

    nxt = toks[i + 1].norm
    return not nxt.startswith("ال") and nxt not in lex.stop and ner.word_score(nxt) > 0


def candidate_rows(doc: Doc) -> list[dict]:
    """Every actor mention of one article, before the corpus-level merge (see :func:`finalize`)."""
    lex = lexicon()
    toks, text = doc.tokens, doc.text
    rows: list[dict] = []
    covered: set[int] = set()
    i = 0
    n = len(toks)
    known = _TRIGGER_CACHE
    while i < n:
        w = toks[i].norm
        hit = known.get(w)
        if hit is None:
            hit = known[w] = _is_trigger(w)
        if not hit:
            i += 1
            continue
        body = _govbody_at(lex, doc, i)
        if body:
            rows.append(body[0])
            i = body[1]
            continue
        title = _match_at(lex, toks, i, text, table="titles")
        if title:
            used = _title_person(lex, doc, i, title, rows)
            if used:
                covered.update(range(i, i + used))
                i += used
                continue
        hit = _match_at(lex, toks, i, text)
        if hit and len(hit[0]) == 1 and hit[0][0] in lex.common_word_names and not _country_in_context(
                lex, doc, i, hit[2]):
            hit = None  # دعم مالي: the adjective, not Mali
            i += 1
            continue
        if hit and len(hit[0]) == 1 and hit[0][0] in lex.common_word_orgs and not _org_in_context(
                lex, doc, i, hit[2]):
            i += 1
            continue  # فتح تحقيق، جيش الفتح: the verb or another body, not Fatah
        if hit and _split_makes_place(lex, doc, i, hit):
            hit = None  # كلاوس شتاينر: a foreign given name, not ك + لاوس
        if hit and (_compound_before_name(lex, doc, i, hit) or _demonym_after_verb(lex, doc, i, hit)):
            # نصر الله أحمد: a man whose given name is نصر الله, not Hassan Nasrallah; وقال تركي العمري: not Turkey
            j = i + len(hit[0])
            j += max(1, _name_after(lex, doc, j))
            rows.append(_candidate(doc, hit[2], toks[j - 1].end, "", evidence="ner",
                                   name_key=" ".join(t.norm for t in toks[i:j])))
            covered.update(range(i, j))
            i = j
            continue
        if hit and (longer := _longer_body(lex, doc, i, hit)):
            rows.append(_candidate(doc, hit[2], toks[i + longer - 1].end, "", evidence="organization",
                                   name_key=" ".join(t.norm for t in toks[i:i + longer])))
            i += longer
            continue  # المنظمة الدولية للهجرة: a named agency, not the UN the first two words stand for
        if hit:
            key, entity, start = hit
            end_tok = i + len(key)
            end = toks[end_tok - 1].end
            form = "demonym" if entity.demonym else "name"
            if entity.capital_of:
                if start >= doc.body_start and not _capital_is_place(lex, toks, i, start):
                    entity = lex.countries.get(entity.capital_of, entity)
                    form = "capital"
            rows.append(_candidate(doc, start, end, entity.actor_id, evidence="gazetteer", form=form))
            covered.update(range(i, end_tok))
            i = end_tok
            continue
        used = _other_candidates(lex, doc, i, rows)
        i += used or 1
    rows.extend(_ali_persons(lex, doc, rows))
    rows.extend(_appositive_persons(lex, doc, rows))
    rows = _with_tagger(lex, doc, rows)
    rows = _cut_at_genitive(doc, _org_before_opener(lex, doc, rows))
    rows = _another_given_name(lex, doc, rows + _local_surnames(doc, rows))
    return _generation_named(lex, doc, _compound_given_name(lex, doc, rows))


def _org_before_opener(lex: Lexicon, doc: Doc, rows: list[dict]) -> list[dict]:
    """An organization the tagger read over a word that opens a list or a chair (الاتحاد السعودي برئاسة فلان:
    lexicon.yaml list_openers) ends before that word.

    >>> d = Doc("a", "أعلن الاتحاد السعودي برئاسة فهد المطوع رفضه")
    >>> [r["surface"] for r in _org_before_opener(lexicon(), d, [_candidate(d, 5, 27, "", evidence="organization")])]
    ['الاتحاد السعودي']
    """
    out = []
    for r in rows:
        if r["evidence"] != "organization" or r["actor_id"] or " " not in r["surface"]:
            out.append(r)
            continue
        words = r["surface"].split()
        cut = next((k for k, w in enumerate(words) if k and (norm(w),) in lex.list_openers.get(norm(w), ())), 0)
        if not cut:
            out.append(r)
            continue
        end = r["start"] + len(" ".join(words[:cut]))
        if doc.text[r["start"]:end] != " ".join(words[:cut]):
            out.append(r)  # not written word for word with single spaces: left as it is
            continue
        out.append({**r, "end": end, "surface": doc.text[r["start"]:end],
                    "name_key": " ".join(r["name_key"].split()[:cut]) if r["name_key"] else ""})
    return out


def _cut_at_genitive(doc: Doc, rows: list[dict]) -> list[dict]:
    """A person's name ends before a word with the genitive ل and the article (للدراسات، للتعليم), which no name
    holds: such a "name" is a body's named after a family (كلية آل سالم للتعليم العالي), and a lone word left after
    آل is the family, no person; nor is a lone word that reads as no given name (وفقا للمسؤول).

    >>> d = Doc("a", "وقال رئيس كلية آل سالم للدراسات العليا إن الدورة ناجحة")
    >>> a = d.text.find("آل سالم") + 3
    >>> _cut_at_genitive(d, [_candidate(d, a, a + 21, "", name_key="سالم للدراسات العليا", evidence="ner")])
    []
    """
    out = []
    for r in rows:
        if " لل" not in r["name_key"] or r["evidence"] not in PERSON_EVIDENCE or r["actor_id"]:
            out.append(r)
            continue
        words = r["name_key"].split()
        cut = next((k for k, w in enumerate(words) if k and w.startswith("لل")), 0)
        if cut == 1 and (norm(doc.text[max(0, r["start"] - 4):r["start"]]).split()[-1:] == ["ال"] or words[0][
                :2] == "ال" or words[0][1:3] == "ال" or not _reads_as_given(lexicon(), words[0])):
            continue  # آل سالم للدراسات: the family a body is named after; وفقا للمسؤول، بالتوفيق للهلال: no name
        end = r["start"] + len(" ".join(r["surface"].split()[:cut]))
        if " ".join(r["surface"].split()[:cut]) != r["surface"][:end - r["start"]]:
            out.append(r)  # the surface is not written word for word as the key: left as it is
            continue
        out.append({**r, "end": end, "surface": doc.text[r["start"]:end], "name_key": " ".join(words[:cut])})
    return out


_COMPOUND_OPENERS = {"الله": "before_allah", "الرحمن": "before_rahman_din", "الدين": "before_rahman_din"}
_COMPOUND_ENDS_WRITTEN = ("الله", "الرحمن", "الدين", "اللّه")  # as written, to look before a mention cheaply


def _compound_pair(lex: Lexicon, first: str, second: str) -> bool:
    """Do two normalized words make one theophoric given name (نصر الله، حفظ الرحمن، نور الدين; lexicon.yaml
    before_allah, before_rahman_din)?

    >>> lex = lexicon()
    >>> _compound_pair(lex, "غرم", "الله"), _compound_pair(lex, "نور", "الدين"), _compound_pair(lex, "قال", "الله")
    (True, True, False)
    """
    table = _COMPOUND_OPENERS.get(second)
    return table is not None and first in getattr(lex, table)


def _compound_before_name(lex: Lexicon, doc: Doc, i: int, hit) -> bool:
    """Whether a known person's alias matched at token ``i`` is a bare theophoric compound (نصر الله) followed by a
    listed given name (نصر الله أحمد): the given name of another man, not the known person.

    >>> d = Doc("a", "قال نصر الله أحمد إن الحكومة تدعم الحوار")
    >>> _compound_before_name(lexicon(), d, 1, _match_at(lexicon(), d.tokens, 1, d.text))
    True
    """
    key, entity, _ = hit
    j = i + len(key)
    toks = doc.tokens
    return (entity.kind == "person" and len(key) == 2 and _compound_pair(lex, *key) and j < len(toks)
            and key[0] != "عبد"
            and toks[j].norm in lex.given_names and _gap_is_space(doc.text, toks[j - 1], toks[j]))


def _compound_given_name(lex: Lexicon, doc: Doc, rows: list[dict]) -> list[dict]:
    """A person's mention right after a theophoric compound (حفظ الرحمن، نصر الله، نور الدين: lexicon.yaml
    before_allah, before_rahman_din) opens with it: the compound is the person's given name, one man, not the
    name after it alone (حفظ الرحمن يوسف is not يوسف), nor the known person the compound names alone.

    >>> d = Doc("a", "وأكد حفظ الرحمن يوسف، مدير المكتب الثقافي، أن الحكومة تدعم الحوار.")
    >>> [r["surface"] for r in _compound_given_name(lexicon(), d, candidate_rows(d))]
    ['حفظ الرحمن يوسف']
    """
    toks, text = doc.tokens, doc.text
    if len(toks) < 3 or not any(w in text for w in _COMPOUND_ENDS_WRITTEN):  # C-speed search
        return rows
    starts = _starts(doc)
    drop: set[int] = set()
    for k, r in enumerate(rows):
        if k in drop or (r["evidence"] not in PERSON_EVIDENCE and not (
                r["evidence"] == "gazetteer" and r["actor_id"].startswith("person:"))) or not text[
                max(0, r["start"] - 8):r["start"]].rstrip().endswith(_COMPOUND_ENDS_WRITTEN):
            continue
        a = bisect_left(starts, r["start"])
        if a < 2 or a >= len(toks) or toks[a].start != r["start"]:
            continue
        if not _compound_pair(lex, toks[a - 2].norm, toks[a - 1].norm) or not (
                _gap_is_space(text, toks[a - 2], toks[a - 1]) and _gap_is_space(text, toks[a - 1], toks[a])):
            continue
        over = [j for j, x in enumerate(rows) if x["start"] < toks[a - 1].end and toks[a - 2].start < x["end"]]
        if over and not (len(over) == 1 and rows[over[0]]["start"] == toks[a - 2].start and rows[over[0]]["end"]
                         == toks[a - 1].end and rows[over[0]]["evidence"] in PERSON_EVIDENCE):
            continue  # the compound is another mention's (not a person read alone: شمس الدين | خالد العتيبي)
        drop.update(over)
        name = r["name_key"] or " ".join(norm(r["surface"]).split())
        rows[k] = _candidate(doc, toks[a - 2].start, r["end"], "", name_key=f"{toks[a - 2].norm} {toks[a - 1].norm} "
                             f"{name}", role_ar=r["role_ar"], role_en=r["role_en"], affiliation=r["affiliation"],
                             evidence=r["evidence"] if r["evidence"] in PERSON_EVIDENCE else "ner")
    return [r for j, r in enumerate(rows) if j not in drop] if drop else rows


def _generation_named(lex: Lexicon, doc: Doc, rows: list[dict]) -> list[dict]:
    """A person's mention followed by a word of generation (توم ريد الأصغر، جورج بوش الأب) runs over the word and
    is another person of the family, with no known id: the son is not the father.

    >>> d = Doc("a", "وقال جيب بوش إن الحملة قوية. وقال توم ريد الأصغر إنه متفائل.")
    >>> [(r["surface"], r["name_key"]) for r in _generation_named(lexicon(), d, candidate_rows(d))][-1]
    ('توم ريد الأصغر', 'توم ريد الاصغر')
    """
    if lex.generations.isdisjoint([t.norm for t in doc.tokens]):
        return rows
    toks, text = doc.tokens, doc.text
    starts = _starts(doc)
    for k, r in enumerate(rows):
        if not (r["evidence"] in PERSON_EVIDENCE or r["actor_id"].startswith("person:")):
            continue
        j = bisect_left(starts, r["end"])
        if j >= len(toks) or toks[j].norm not in lex.generations or not _gap_is_space(text, toks[j - 1], toks[j]):
            continue
        name = r["name_key"] or " ".join(norm(r["surface"]).split())
        rows[k] = _candidate(doc, r["start"], toks[j].end, "", name_key=f"{name} {toks[j].norm}",
                             role_ar=r["role_ar"], role_en=r["role_en"], affiliation=r["affiliation"],
                             evidence=r["evidence"] if r["evidence"] in PERSON_EVIDENCE else "ner")
    return rows


def _another_given_name(lex: Lexicon, doc: Doc, rows: list[dict]) -> list[dict]:
    """A one-word person mention (a surname the article or the data knows) right after a listed given name that
    is no part of that person's name is another person of the name, not a run of the known one: «سهى عرفات» is
    not Yasser Arafat, «حامد البلوي» not the «إبراهيم البلوي» named before, «كاثرين شولتز» not Olaf Scholz; so is a
    surname after a first name the article writes whole with it elsewhere (جيب | بوش after «جيب بوش»). A given
    name tagged alone just before (سهى | عرفات) joins it. Not after another name word (سارة حسين القحطاني: a
    father's name), nor a given name written as a word (على with alif maqsura).

    >>> d = Doc("a", "وقال إبراهيم الزهراني إن الفريق جاهز. وأضاف حامد الزهراني أن المعسكر ناجح.")
    >>> [r["surface"] for r in _another_given_name(lexicon(), d, [*candidate_rows(d)])]
    ['إبراهيم الزهراني', 'حامد الزهراني']
    """
    toks, text = doc.tokens, doc.text
    if len(rows) < 1 or len(toks) < 2:
        return rows
    starts = _starts(doc)
    at = {r["start"]: k for k, r in enumerate(rows)}
    drop: set[int] = set()
    written = {(w[0], w[-1]): r["name_key"] for r in rows if r["evidence"] in PERSON_EVIDENCE
               for w in [r["name_key"].split()] if len(w) == 2 and not w[0].startswith("ال")}  # جيب بوش written
    # whole elsewhere in the article (not a title read with a name: الشيف خالد)
    for k, r in enumerate(rows):
        if k in drop or " " in r["surface"] or not (r["evidence"] in (*PERSON_EVIDENCE, "surname") or (
                r["evidence"] == "gazetteer" and r["actor_id"].startswith("person:"))):
            continue
        a = bisect_right(starts, r["start"]) - 1
        if a < 1 or toks[a].start != r["start"] or not _gap_is_space(text, toks[a - 1], toks[a]):
            continue
        g = a - 1
        word = toks[g].norm
        given = word if word in lex.given_names or (word, toks[a].norm) in written else word[1:] if word[:1] == (
            "و") and (word[1:] in lex.given_names or (word[1:], toks[a].norm) in written) else ""
        unlisted = not given and r["evidence"] == "surname" and _unlisted_given(lex, doc, g)
        if unlisted:
            given = word  # نادية سلامة after «أحمد سلامة»; قال مهند الرويلي after «محمد الرويلي»
        if (not given or (given in lex.stop and not unlisted) or given in _CONNECTORS or len(given) < 3
                or (given == _ALI and not _HARAKAT_RE.sub("", toks[g].text).endswith("ي"))):
            continue
        alone = at.get(toks[g].start if given == word else toks[g].start + 1)
        if any(rs < toks[g].end and toks[g].start < re_ for rs, re_ in
               ((x["start"], x["end"]) for j, x in enumerate(rows) if j != alone and j != k)):
            continue  # the given name is part of another mention
        if alone is not None and " " in rows[alone]["surface"]:
            continue
        if g and (toks[g - 1].norm in lex.given_names or toks[g - 1].norm in _CONNECTORS
                  or any(x["start"] < toks[g - 1].end and toks[g - 1].start < x["end"] for x in rows
                         if x["evidence"] in PERSON_EVIDENCE)) and _gap_is_space(text, toks[g - 1], toks[g]):
            continue  # سارة حسين القحطاني: a father's name in a longer name
        key = written.get((given, toks[a].norm), f"{given} {toks[a].norm}")
        if key == r["name_key"] and not _whole_again(rows, r, alone):
            continue
        if key != r["name_key"] and (given in lex.person_words.get(r["actor_id"], set()) | set(
                r["name_key"].split()) and key not in written.values()):
            continue
        start = _token_span(toks[g], given)
        rows[k] = _candidate(doc, start, r["end"], _known_person(lex, toks, g, 2, text), name_key=key,
                             evidence="ner")
        if alone is not None:
            drop.add(alone)
    return [r for j, r in enumerate(rows) if j not in drop]


def _whole_again(rows: list[dict], r: dict, alone: int | None) -> bool:
    """Whether a bare surname of the article's person (``r``, evidence surname, keyed by the person's name) comes
    right after that person's given name read as a mention of its own (``alone``: تركي read as Turkey, in «ردّ تركي
    المطيري» after «الشاعر تركي المطيري»): the person's name written whole again, one mention.

    >>> _whole_again([{"evidence": "gazetteer", "actor_id": "country:TR"}], {"evidence": "surname"}, 0)
    True
    """
    return alone is not None and r["evidence"] == "surname" and not rows[alone]["actor_id"].startswith("person:")


_UNLISTED_GIVEN_SCORE = 1.0  # an unlisted word before a surname the article knows reads as a given name above


def _unlisted_given(lex: Lexicon, doc: Doc, g: int) -> bool:
    """Whether the word at token ``g``, in no list of given names, is a given name opening another person of a
    surname the article named (نادية سلامة after «أحمد سلامة»): a bare word (no article, clitic pronoun, title,
    verb or function word) the name tagger reads as a name, or any such word right after a one-word title (الشيخ
    صباح العلي after «نواف العلي») or a speech verb (قال مهند الرويلي: مهند scores low, so near مهندس), unless it
    ends in ة, as a verbal noun does (تؤكد مواصلة النظام).

    >>> d = Doc("a", "وقال سامي الدوسري إن العيد جميل. بينما يقول مهند الدوسري إن العيد تغير.")
    >>> _unlisted_given(lexicon(), d, 8), _unlisted_given(lexicon(), d, 7)
    (True, False)
    """
    toks = doc.tokens
    w = toks[g].norm
    if (len(w) < 3 or w.startswith(("ال", "لل", "بال")) or w.endswith(_LONE_NOT_NAME_ENDINGS)
            or not _NAME_CHAR_RE.match(w) or _reads_as_verb(w) or toks[g].text[:2] in ("لإ", "لأ", "بإ", "بأ")):
        return False  # (لإعلان: a preposition on a noun)
    titled = g > 0 and (toks[g - 1].norm,) in lex.titles and _gap_is_space(doc.text, toks[g - 1], toks[g])
    if not titled and (w in lex.stop or _is_trigger(w)):
        return False  # (after a title, a word that is also a time word is a name: الشيخ صباح)
    from arnews.quotes import _human_word

    if _human_word(w):
        return False  # محامي فلان، والدة فلان، أسرة فلان: a relation or an office, not a given name
    if titled or _word_score(w) >= _UNLISTED_GIVEN_SCORE:
        return True  # الشيخ صباح العلي after «نواف العلي»: a title opens the name
    return (g > 0 and not w.endswith("ه") and _gap_is_space(doc.text, toks[g - 1], toks[g])
            and _said_verb(lex, toks[g - 1].norm))


# --- the name tagger as one more signal --------------------------------------------------------------

_NER_EVIDENCE = {"PERS": "ner", "LOC": "place", "ORG": "organization"}
_RULE_PERSON_EVIDENCE = frozenset({"verb", "title"})  # rule persons whose end the tagger may correct
_DROP_SCORE = -4.0  # a word the tagger left out of a name and scores this far below O is no part of it


def _with_tagger(lex: Lexicon, doc: Doc, rows: list[dict]) -> list[dict]:
    """The rule candidates with what the name tagger (:mod:`arnews.ner`) adds: names no rule found, and
    boundaries fixed where a rule ran a name on (a person that swallowed the next word).

    Rules win where they found something (titles, speakers, gazetteers keep their precision); the tagger's
    persons, places and organizations elsewhere become new candidates, after the checks of :func:`_tagged_span`.
    """
    from arnews import ner

    toks = doc.tokens
    if not toks:
        return rows
    starts = _starts(doc)
    known = [(bisect_right(starts, r["start"]) - 1, bisect_left(starts, r["end"])) for r in rows
             if r["evidence"] == "gazetteer"]  # countries, capitals, known organizations and people: no decoding
    spans = _merged(lex, doc, ner.scored_spans(doc, known=known))
    try:
        return _tagger_rows(lex, doc, rows, spans)
    finally:  # what the tagger left on the article is not kept with it (the corpus holds every article)
        doc.__dict__.pop("_name_scores", None)
        doc.__dict__.pop("_ner_words", None)
        doc.__dict__.pop("_ner_starts", None)


def _tagger_rows(lex: Lexicon, doc: Doc, rows: list[dict], spans: list) -> list[dict]:
    from arnews import ner

    toks = doc.tokens
    rows = _vetoed(lex, doc, rows, spans, ner.name_scores(doc))
    rows, spans = _placed(lex, doc, rows, spans)
    taken = sorted((r["start"], r["end"], k) for k, r in enumerate(rows))
    out = list(rows)
    for a, b, kind, scores in _split_at_verbs(doc, spans):
        if kind == "PERS" and ((_quoted(doc, a, b) and not _after_office(doc, rows, a) and not _quoted_person(
                lex, doc, a, b)) or (b - a == 1 and a > 0 and toks[a - 1].norm in lex.org_heads)):
            kind = "ORG"  # «نيشن»، "الوفاق": a name in quotation marks is a body, a medium or a brand; so is one
            # word right after an organization's head noun (شركة كريم)
        if kind == "PERS" and b - a == 1 and a > 0 and toks[a - 1].norm in lex.place_titles:
            kind = "LOC"  # حاكم أوهايو: one word after a title over a place is the place
        evidence = _NER_EVIDENCE.get(kind)
        if not evidence or (toks[a].norm in lex.object_pronouns and (b - a == 1 or (a and any(
                v in lex.speech_verbs for v in clitic_variants(toks[a - 1].norm, 2))))):
            continue  # لي alone or after a speech verb (قال لي: "told me") is no Chinese name
        a0, scores0 = a, scores  # as the tagger read it, for the rule persons it overlaps
        if kind == "PERS":
            while b - a > 1 and toks[a].text.startswith("ال") and scores[0] < 0 and toks[a].norm not in (
                    lex.given_names):
                a, scores = a + 1, scores[1:]  # المدرب الوطني سامي الجابر: an adjective before the name
        if sum(scores) < 0 and not (kind == "PERS" and (_opens_with_given_name(lex, toks[a].norm) or (
                _holder_name(lex, doc, a, b) and _office_before(lex, doc, a, spans) is not None
                and not (_is_office_word(lex, toks[a - 1].norm) and not toks[a - 1].text.startswith("ال"))))) and not (
                kind != "PERS" and b - a == 1 and toks[a].norm[:1] in "وفبلك" and len(toks[a].norm) > 4
                and _read_elsewhere(doc, toks[a].norm[1:], toks[a].norm)):
            continue  # a common noun read with a given name (مبادئ حسن الجوار); not ورامي حداد, nor لفيفا where
            # the article writes الفيفا
        while b - a > 1 and scores[b - a - 1] < _RUN_ON_SCORE and toks[b - 1].norm[:1] == "و" and (
                toks[b - 1].norm[1:] not in lex.given_names):
            b -= 1  # a last word with a conjunction that scores below O ran on: "… آل سعود ورؤيتكم"
        while kind == "PERS" and b - a > 2 and _ran_on(lex, toks[b - 1].norm):
            b -= 1  # فيصل بن بندر الفائزين
        if kind == "PERS" and a == a0 and _name_word_before(lex, doc, a, spans):
            a = a0 = a - 1  # السفير خليفة حمد أبو شهاب: the tagger opened the name one word late
            scores = scores0 = [float(ner.name_scores(doc)[a]), *scores]
        s, e = toks[a0].start, toks[b - 1].end
        overlapping = [k for rs, re_, k in taken if rs < e and s < re_]
        if overlapping:
            if kind == "PERS" and len(overlapping) == 1:
                _trim_person(lex, doc, out, overlapping[0], a0, b)
                _extend_person(lex, doc, out, overlapping[0], a0, b, scores0[:b - a0])
            continue
        cand = _tagged_span(lex, doc, a, b, kind)
        if cand:
            cand_start, key = cand
            out.append(_candidate(doc, cand_start, e, "", name_key=key, evidence=evidence))
    out.extend(_listed_persons(lex, doc, out, spans))
    return sorted(out, key=lambda r: r["start"])


#: how well a list conjunct's first word must read as a name (word_score) when no list holds it (سامي 2.0، نادر
#: 1.4 against استعداد -2.8); and when its second word is a nisba (طلال -1.3 الرشيد… but not رجال، كبار)
_LIST_NAME_SCORE = 0.5
_LIST_NISBA_SCORE = -1.5

#: a family name of the nisba pattern: the article, three letters or more, ي (الشمري، القحطاني، الدوسري)
_NISBA_RE = re.compile(r"^ال\S{3,}ي$")  # on the text as written: المستشفى ends in ى


_LIST_PAIR_SCORE = -4.0  # each word of a bare two-word conjunct after a person scores above this (not a noun)


def _bare_pair_in_list(lex: Lexicon, doc: Doc, j: int, count: int, first: str) -> bool:
    """Whether the conjunct at token ``j``, right after a person of the list (فلان الفلاني، وسلوم حداد), is a name
    of two bare words that no list holds: no article, no clitic but its و, no word the tagger reads as a common
    noun, and the list goes on or ends right after it (a comma, و, a full stop).

    >>> d = Doc("a", "بطولة رفيق علي أحمد، وسلوم حداد، وكندة حنا.")
    >>> _bare_pair_in_list(lexicon(), d, 4, 2, "سلوم"), _bare_pair_in_list(lexicon(), d, 6, 2, "كنده")
    (True, True)
    """
    toks, text = doc.tokens, doc.text
    if count != 2 or j + 2 > len(toks):
        return False
    second = toks[j + 1]
    if second.text.startswith(("ال", "لل", "بال")) or second.norm[:1] == "و" or first.startswith(
            ("ال", "بال", "لل", "كال", "فال")):
        return False
    for t in toks[j:j + 2]:
        w = _HARAKAT_RE.sub("", t.text)
        if any(w.endswith(x) and len(w) - len(x) >= 3 for x in ("ه", "هم", "ها", "نا", "كم", "هن")):
            return False  # «ورجاله»، «وكثيرين غيرهم»: a pronoun suffix (ه as written, not ة) is no name (حنا is)
    if any(_word_score(w) <= _LIST_PAIR_SCORE for w in (first, second.norm)):
        return False
    after = text[second.end:toks[j + 2].start] if j + 2 < len(toks) else "."
    return after.strip()[:1] in ("،", ",", ".", "؛") or (after.strip() == "" and toks[j + 2].norm[:1] == "و")


def _listed_persons(lex: Lexicon, doc: Doc, rows: list[dict], spans: list) -> list[dict]:
    """Persons named in a list that no other rule found: after a list opener (بحضور، برئاسة، كل من، ضم) the
    first name, and after it or after any person each «و + name» that follows, set off by spaces or commas
    (بحضور فلان الفلاني وفلان الفلاني، وفلان). A conjunct is a person when it has two words or more and opens
    with a listed given name, a word the name tagger reads as a name, or a tagger person, or when its second
    word is a family name of the nisba pattern (الشمري). The list ends at the first conjunct that is none.

    >>> d = Doc("a", "وافتتح المعرض بحضور سلطان المطيري وفهد الشمري وماجد الحربي.")
    >>> [r["surface"] for r in _listed_persons(lexicon(), d, [], [])]
    ['سلطان المطيري', 'فهد الشمري', 'ماجد الحربي']
    """
    from arnews import ner

    toks, text = doc.tokens, doc.text
    n = len(toks)
    starts = _starts(doc)
    mentions = []  # (first token, end token, whether a person) of every row
    for r in rows:
        person = (r["evidence"] in PERSON_EVIDENCE or r["actor_id"].startswith("person:")) and (
            r["surface"][:1] not in "لب" and not r["name_key"].startswith("ال"))  # not «لنادي الفيصلي»
        mentions.append((bisect_right(starts, r["start"]) - 1, bisect_left(starts, r["end"]), person))
    openers = lex.list_openers
    anchors = {(b, True) for _, b, person in mentions if person and b < n and toks[b].norm[:1] == "و"}
    found = _article_words(doc) & openers.keys()
    if found:
        norms = [t.norm for t in toks]
        for i in [i for i, w in enumerate(norms) if w in found]:
            anchors.update((i + len(key), False) for key in openers[norms[i]]
                           if tuple(norms[i:i + len(key)]) == key)
    if not anchors:
        return []
    norms = [t.norm for t in toks]
    row_at: dict[int, tuple[int, bool]] = {}  # token → (end token of the mention there, whether a person)
    for a, b, person in mentions:
        for k in range(a, b):
            row_at[k] = (b, person)
    tagged = {a for a, b, kind, *_ in spans if kind == "PERS"}
    out: list[dict] = []
    for j, conjunction in sorted(anchors):
        while j < n:
            if j and text[toks[j - 1].end:toks[j].start].strip() not in ("", "،", ","):
                break
            w = norms[j]
            if conjunction and (w[:1] != "و" or len(w) < 4):
                break
            if j in row_at:  # a mention already there: a person goes on with the list, anything else ends it
                end, person = row_at[j]
                if not person:
                    break
                j, conjunction = end, True
                continue
            count = _name_after(lex, doc, j, max_len=3)
            count = next((k for k in range(1, count) if norms[j + k][:1] == "و" and len(norms[j + k]) > 3), count)
            if count < 2 or any(k in row_at for k in range(j, j + count)):
                break  # كل من ميركل وهولاند: one word each, left to the tagger
            first = w[1:] if conjunction else w
            if (_is_office_word(lex, w) or _is_office_word(lex, w[:-1]) or first in lex.org_heads
                    or first in lex.place_heads):
                break  # بحضور مدير المستشفى الدكتور …، فلان وزيرا للإسكان: an office, not a name
            if first.endswith("ات") and len(first) > 4 and first not in lex.given_names:
                break  # وطائرات …: a feminine plural noun
            second = toks[j + 1]
            score = ner.word_score(first)
            pair = conjunction and _bare_pair_in_list(lex, doc, j, count, first)
            if not (first in lex.given_names or score > _LIST_NAME_SCORE or (j in tagged and score > -1) or (
                    _NISBA_RE.match(second.text) and score > _LIST_NISBA_SCORE
                    and not _match_at(lex, toks, j + 1, text)) or pair):
                break
            if not pair and not all(t.norm in _CONNECTORS or ner.word_score(t.norm) > 0 or (
                    t.text.startswith("ال") and not _ran_on(lex, t.norm) and t.norm not in lex.stop)
                       for t in toks[j + 1:j + count]):
                break  # وكيري محادثات: a noun after the name
            start = _token_span(toks[j], first) if conjunction else toks[j].start
            out.append(_candidate(doc, start, toks[j + count - 1].end, _known_person(lex, toks, j, count, text),
                                  name_key=" ".join([first, *norms[j + 1:j + count]]), evidence="list"))
            for k in range(j, j + count):
                row_at[k] = (j + count, True)
            j, conjunction = j + count, True
    return out


#: a word written with a final alif maqsura (على، إلى، حتى، مستوى): the writer tells ى from ي
_FINAL_MAQSURA_RE = re.compile(r"ى(?![\w\u064b-\u065f])")
_ALI = "علي"
#: علي (وعلي، فعلي، لعلي) written with yeh, its letters possibly vowelled; no vowel or shadda after the yeh (عليّ:
#: on me)
_V = "[\u064b-\u065f]*"
_HARAKAT_RE = re.compile("[\u064b-\u065f\u0670]")
_ALI_WORD_RE = re.compile(rf"(?<![\w\u064b-\u065f])[وفل]?{_V}ع{_V}ل{_V}ي(?![\w\u064b-\u065f])")
_ALI_NEXT_BARE_SCORE = -1.0  # the word after علي, without the article: عمر، راشد, not «عليّ تواجدي» (on me)


def _ali_name_word(lex: Lexicon, tok: Token, first: bool) -> bool:
    """Whether a word after علي reads as part of the name: the first word a family name with the article that
    the tagger does not read as a common noun (العتيق, not الطريق) or a word it reads as a name (عمر، دياب, not
    «عليّ تواجدي»: on me); a later word of the nisba pattern (الشمري) or a name.

    >>> [_ali_name_word(lexicon(), t, True) for t in Doc("a", "العتيق الطريق").tokens]
    [True, False]
    """
    score = _word_score(tok.norm)
    if first and tok.norm[:1] in "بلك" and not tok.norm.startswith("ال") and tok.norm[1:] not in lex.given_names:
        return False  # «ردّ عليّ بابتسامة»: a preposition opens no name
    if first:
        return score >= (_FAMILY_NAME_SCORE if tok.norm.startswith("ال") else _ALI_NEXT_BARE_SCORE)
    return score > 0 or bool(_NISBA_RE.match(tok.text))


def _ali_persons(lex: Lexicon, doc: Doc, rows: list[dict]) -> list[dict]:
    """Persons whose name is or opens with علي (Ali), which normalizes like the preposition على and is a
    function word to every other rule. Where the article writes final alif maqsura (على، إلى), a word written
    علي (وعلي، فعلي) is the name when a name follows it: a given name, بن / آل / عبد, or a word the tagger does
    not read as a common noun (علي الأحمد, not «علي الطريق», a typo for على). A given name just before it opens
    the name (محمد علي حسن). Words already in a mention are left alone.

    >>> d = Doc("a", "وأكد علي القحطاني على أهمية المشروع، وشدد محمد علي حسن على ذلك.")
    >>> [r["surface"] for r in _ali_persons(lexicon(), d, [])]
    ['علي القحطاني', 'محمد علي حسن']
    """
    text = doc.text
    if _ALI not in text or not _FINAL_MAQSURA_RE.search(text):
        return []
    toks = doc.tokens
    taken = sorted((r["start"], r["end"]) for r in rows)
    out: list[dict] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    starts = _starts(doc)
    resume = 0  # the token after the last name found
    for m in _ALI_WORD_RE.finditer(text):
        i = bisect_left(starts, m.start())
        if i < resume or i + 1 >= len(toks) or toks[i].start != m.start():
            continue
        tok = toks[i]
        bare = tok.norm[1:] if tok.norm[:1] in "وفل" and len(tok.norm) == 4 else tok.norm
        if bare != _ALI or not free(tok.start, tok.end):
            continue
        count = 0  # name words after علي
        while count < 4 and i + 1 + count < len(toks):
            t = toks[i + 1 + count]
            w = t.norm
            after_connector = count > 0 and toks[i + count].norm in _NASAB_LINKS
            if not _gap_is_space(text, toks[i + count], t) or not _NAME_CHAR_RE.match(w) or (
                    w in lex.stop and not (w == "الله" and toks[i + count].norm == "عبد")) or t.text.endswith(
                    ("اً", "ًا")) or _reads_as_verb(w):
                break
            if not (w in lex.given_names or w in _NASAB_LINKS or after_connector
                    or _ali_name_word(lex, t, first=not count)):
                break
            count += 1
        while count and toks[i + count].norm in _NASAB_LINKS:
            count -= 1  # a name never ends on بن or عبد
        end_tok = i + 1 + count
        if not count or not free(tok.start, toks[end_tok - 1].end):
            continue
        first, start = i, _token_span(tok, _ALI)
        k = i - 1 if i and bare == tok.norm and toks[i - 1].norm in _NASAB_LINKS else i  # سعيد بن | علي
        prev = toks[k - 1] if k and (k < i or bare == tok.norm) and _gap_is_space(text, toks[k - 1], toks[k]) else None
        held = [r for r in rows + out if prev is not None and r["end"] == prev.end
                and (r["evidence"] in PERSON_EVIDENCE or r["actor_id"].startswith("person:"))]
        if held and (k < i or prev.norm in lex.given_names or (
                held[0]["evidence"] in _RULE_PERSON_EVIDENCE and _word_score(prev.norm) > 0)):
            r = held[0]  # محمد بن | علي القحطاني: the name the other rules stopped before علي goes on
            r["end"] = toks[end_tok - 1].end
            r["surface"] = text[r["start"]:r["end"]]
            if r["name_key"]:
                r["name_key"] = " ".join([r["name_key"], *(t.norm for t in toks[k:end_tok])])
            taken.append((r["start"], r["end"]))
            resume = end_tok
            continue
        if prev is not None and free(prev.start, prev.end) and (
                prev.norm in lex.given_names or (k < i and _word_score(prev.norm) > 0)):
            first, start = k - 1, prev.start  # محمد علي حسن، سعيد بن علي البسامي
        elif k < i:
            first, start = k, toks[k].start  # بن علي: the nasab as the name
        parts = [t.norm for t in toks[first:end_tok]]
        if first == i:
            parts[0] = _ALI  # وعلي → علي
        key = " ".join(parts)
        out.append(_candidate(doc, start, toks[end_tok - 1].end,
                              _known_person(lex, toks, first, end_tok - first, text), name_key=key,
                              evidence="verb"))
        taken.append((start, toks[end_tok - 1].end))
        resume = end_tok
    return out


#: the offices a name stands before in apposition (فلان الفلاني مدير عام الجمعية): office heads without the article
_APPOSITION_SCORE = -1.0  # the first word of such a name scores at least this as a name (عمر -0.8, not تطوير)


def _appositive_persons(lex: Lexicon, doc: Doc, rows: list[dict]) -> list[dict]:
    """Persons named right before their office, in apposition, with no title or verb before the name: «وتقدم
    بالشكر إلى عمر الجاسر مدير عام الجمعية». Two words (three when the first is a given name) before an office
    head without the article (مدير، رئيس، نائب …): the first a given name or a word the tagger reads as a name,
    the last a given name, a word it reads as a name or a family name with the article; none already in a
    mention, none a function word.

    >>> d = Doc("a", "وتقدم بالشكر إلى عمر الجاسر مدير عام الجمعية على جهوده.")
    >>> [r["surface"] for r in _appositive_persons(lexicon(), d, [])]
    ['عمر الجاسر']
    """
    toks, text = doc.tokens, doc.text
    taken = [(r["start"], r["end"]) for r in rows]
    out: list[dict] = []

    def ok(k: int, first: bool) -> bool:
        t = toks[k]
        w = t.norm
        if w in lex.stop or not _NAME_CHAR_RE.match(w) or t.text.endswith(("اً", "ًا")) or any(
                a < t.end and t.start < b for a, b in taken):
            return False
        if w in lex.given_names:
            return True
        if first:
            return not w.startswith("ال") and w[:1] not in "وفبلك" and _word_score(w) >= _APPOSITION_SCORE
        return (w.startswith("ال") and not _ran_on(lex, w) and _word_score(w) >= _FAMILY_NAME_SCORE) or (
            _word_score(w) > 0)

    heads = lex.office_heads
    for k in [k for k, t in enumerate(toks) if k > 1 and t.norm in heads and not t.norm.startswith("ال")]:
        gap = text[toks[k - 1].end:toks[k].start].strip()
        if gap not in ("", "،", ",") or not _gap_is_space(text, toks[k - 2], toks[k - 1]):
            continue
        if not (ok(k - 2, True) and ok(k - 1, False)) or any(
                t.norm in _NASAB_LINKS or t.norm in _CONNECTORS for t in toks[max(0, k - 3):k]):
            continue  # فيصل بن بندر بن عبد العزيز أمير …: the end of a nasab, which the other rules read
        a = k - 2
        if a and toks[a - 1].norm in lex.given_names and _gap_is_space(text, toks[a - 1], toks[a]) and ok(a - 1, True):
            a -= 1  # محمد عبدالله الشهري مدير …
        elif a and _gap_is_space(text, toks[a - 1], toks[a]) and _NAME_CHAR_RE.match(toks[a - 1].norm) and (
                toks[a - 1].norm not in lex.stop and not toks[a - 1].norm.startswith(("ال", "و"))):
            continue  # a word before that may belong to the phrase: not a name that starts here
        s, e = toks[a].start, toks[k - 1].end
        out.append(_candidate(doc, s, e, _known_person(lex, toks, a, k - a, text),
                              name_key=" ".join(t.norm for t in toks[a:k]), evidence="list"))
        taken.append((s, e))
    return out


_RUN_ON_SCORE = -2.0

#: a definite sound plural (الفائزين، المشاركون، الحاضرات): a noun, not a family name, at the end of a long name
_SOUND_PLURAL_RE = re.compile(r"^ال\S{4,}(?:ين|ون|ات)$")


def _ran_on(lex: Lexicon, word: str) -> bool:
    """Whether the last word of a name of three words or more is a noun that ran on (a definite sound plural
    that no list holds as a name).

    >>> _ran_on(lexicon(), "الفايزين"), _ran_on(lexicon(), "الحسين"), _ran_on(lexicon(), "العتيبي")
    (True, False, False)
    """
    return bool(_SOUND_PLURAL_RE.match(word)) and word not in lex.surnames and word not in lex.given_names


def _place_start(lex: Lexicon, doc: Doc, a: int) -> int | None:
    """Where a place named after a person starts, for a name at token ``a`` that a place or event head stands
    before (حي الشيخ عثمان، منتجع كامب ديفيد، مدينة الملك عبدالله، اتفاقية كامب ديفيد): ``a``, or the word
    before it when one word comes between; None when no head does, or when an office stands before the head
    (أمير منطقة الرياض فيصل بن بندر: the name is the office-holder's). See :func:`_named_after`.

    >>> d = Doc("a", "وقع الانفجار في حي الشيخ عثمان بعدن.")
    >>> _place_start(lexicon(), d, 5), _place_start(lexicon(), Doc("a", "وقال أمير منطقة حائل سعود بن فهد"), 4)
    (4, None)
    """
    found = _named_after(lex, doc, a)
    return found[0] if found else None


def _named_after(lex: Lexicon, doc: Doc, a: int) -> tuple[int, str] | None:
    """``(start, "LOC" or "ORG")`` of a place or an institution named after a person, for a name at token ``a``
    (see :func:`_place_start`): an organization head and a royal or religious title before the name make an
    institution (مركز الملك فهد الثقافي، جامعة الملك سعود، جمعية الأمير سلطان).

    >>> _named_after(lexicon(), Doc("a", "وزار مركز الملك فهد الثقافي"), 3)
    (2, 'ORG')
    """
    toks, text = doc.tokens, doc.text
    for h in (a - 1, a - 2):
        if h < 0:
            return None
        head = toks[h].norm
        known = _HEAD_CACHE.get(head)
        if known is None:
            known = _HEAD_CACHE[head] = any(v in lex.place_heads or v in lex.event_heads or v in lex.org_heads
                                            for v in clitic_variants(head, 2))
        if not known or strip_clitics(head).startswith("ال"):
            continue  # بالمنطقة الشرقية فلان: a head with the article is in construct with no name
        variants = clitic_variants(head, 2)
        kind = "LOC" if any(v in lex.place_heads or v in lex.event_heads for v in variants) else "ORG" if (
            h + 1 < a and toks[h + 1].norm in _ROYAL_TITLES and any(v in lex.org_heads for v in variants)) else ""
        if not kind:
            continue
        if not (_gap_opens_name(text, toks[h], toks[h + 1]) and all(
                _gap_is_space(text, toks[k], toks[k + 1]) for k in range(h + 1, a))):
            return None
        if h + 1 < a:  # the word between: a title (الشيخ، الملك) or a word that is no place of its own
            w = toks[h + 1].norm
            hit = _match_at(lex, toks, h + 1, text)
            if (w in lex.stop and w not in lex.titles_by_first) or (hit and hit[1].kind != "person") or (
                    w.startswith("ال") and w not in lex.titles_by_first):
                return None
        conjunct = head[:1] in "وف" and head[1:] in variants  # ومدينة …: a new conjunct, no office's complement
        office = _office_before(lex, doc, h) if h and not conjunct else None
        if office is not None and (office < h - 1 or not strip_clitics(toks[h - 1].norm).startswith("ال")):
            return None  # أمير منطقة حائل فلان، المتحدث باسم الهلال الأحمر بمنطقة تبوك فلان: the office's holder
            # (not «زار الوزير مدينة الملك عبدالله»: a definite office is no construct with the head)
        return h + 1, kind
    return None


_HEAD_CACHE: dict[str, bool] = {}  # word → whether a reading of it is a place, event or organization head

#: titles that institutions are named with (مركز الملك فهد، جامعة الأمير سلطان، مسجد الشيخ زايد)
_ROYAL_TITLES = frozenset({"الملك", "الامير", "الاميره", "الشيخ", "السلطان", "الامام"})


def _holder_name(lex: Lexicon, doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``a:b`` can be the name of an office's holder: two words or more, the first without the
    article or a preposition (لنادي الهلال is the office's complement), none of them an office, organization
    or place noun.

    >>> d = Doc("a", "وقال المدير الفني لنادي الهلال سامي الجابر")
    >>> _holder_name(lexicon(), d, 5, 7), _holder_name(lexicon(), d, 3, 5)
    (True, False)
    """
    toks = doc.tokens
    first = toks[a].norm
    if b - a < 2 or first.startswith("ال") or (first[:1] in "لب" and first[1:] not in lex.given_names):
        return False
    return not any(_is_office_word(lex, t.norm) or any(v in lex.org_heads or v in lex.place_heads
                                                        for v in clitic_variants(t.norm, 2)) for t in toks[a:b])


#: how many words an office may run to before the name of its holder (رئيس مجلس إدارة الغرفة التجارية بجدة)
_OFFICE_REACH = 10


def _office_before(lex: Lexicon, doc: Doc, a: int, spans: list = ()) -> int | None:
    """The first token of an office that the name at token ``a`` is the holder of, or None: an office word
    (a title's first word or an office noun: رئيس، مدير، أمير) and the words of its complement, of any length
    up to :data:`_OFFICE_REACH`, right before the name or set off from it by a comma («قال المدير العام
    للشركة، ناصر القحطاني،»). A function word, a verb, punctuation, a list opener or a person's name (from
    ``spans``) between them breaks the office.

    >>> d = Doc("a", "وأوضح مدير عام فرع وزارة الزراعة بمنطقة القصيم سعد الغامدي أن الإنتاج زاد.")
    >>> _office_before(lexicon(), d, 9), _office_before(lexicon(), Doc("a", "وقال إن سعد الغامدي حضر"), 2)
    (1, None)
    """
    toks, text = doc.tokens, doc.text
    if a == 0 or text[toks[a - 1].end:toks[a].start].strip() not in ("", "،", ","):
        return None
    names = {i for x, y, kind, *_ in spans if kind == "PERS" and y <= a for i in range(x, y)}
    sentence = doc.sentence_id(toks[a].start)
    h = None
    for k in range(a - 1, max(-1, a - 1 - _OFFICE_REACH), -1):
        tok = toks[k]
        w = tok.norm
        if (k < a - 1 and not _gap_is_space(text, tok, toks[k + 1])) or doc.sentence_id(tok.start) != sentence:
            break
        if _is_office_word(lex, w):
            h = k
            while h and _gap_is_space(text, toks[h - 1], toks[h]) and _is_office_word(lex, toks[h - 1].norm):
                h -= 1  # نائب رئيس مجلس الإدارة
            break
        if (k in names or (w in lex.function_words and w not in lex.title_modifiers
                                  and "ال" + w not in lex.title_modifiers) or w in lex.list_openers
                or not _NAME_CHAR_RE.match(w)
                or any(v in lex.speech_verbs or v in lex.agent_verbs for v in clitic_variants(w, 2))
                or tok.text.endswith(("اً", "ًا"))):
            break
    return h


#: how well the word between an office and a tagged name must read as a name to open it: خليفة after السفير
#: scores 0.2, راشد after المتحدث الرسمي -1.4; function words and verbs score -7 and below
_OPENING_NAME_SCORE = -3.0
#: how a preposition or a conjunction with the article opens a word (لبرشلونة، للمهرجان، والكولمبي)
_CLITIC_OPENINGS = ("ل", "ب", *_ARTICLE_WITH_CLITIC)


def _name_word_before(lex: Lexicon, doc: Doc, a: int, spans: list) -> bool:
    """Whether the word before the tagged name at token ``a`` opens that name. It must come right after an
    office that ends on a definite word (السفير، المتحدث الرسمي) and be indefinite itself: after a definite
    office an indefinite word is no adjective of it but the holder's name (a given name that is also an everyday
    word: خليفة، سالم، حمد). It must be no function, time or verb word, open with no preposition, nor with a
    conjunction before the article (المدير الفني لبرشلونة، المنظمة للمهرجان، والكولمبي: a complement or another
    phrase) unless it is a listed given name, and read as a name well enough (:data:`_OPENING_NAME_SCORE`).

    >>> d = Doc("a", "وقال السفير خليفة حمد أبو شهاب إن العلاقات متينة.")
    >>> _name_word_before(lexicon(), d, 3, []), _name_word_before(lexicon(), Doc("a", "وقال السفير أمس حمد"), 3, [])
    (True, False)
    """
    from arnews import ner

    toks, text = doc.tokens, doc.text
    if a < 2:
        return False
    prev, word = toks[a - 2], toks[a - 1]
    w = word.norm
    if not (_gap_is_space(text, prev, word) and _gap_is_space(text, word, toks[a])
            and prev.norm.startswith(("ال", "وال")) and not w.startswith("ال") and _NAME_CHAR_RE.match(w)):
        return False
    if w in lex.stop or w in lex.surnames or (w not in lex.given_names and w.startswith(_CLITIC_OPENINGS)):
        return False
    if any(v in lex.speech_verbs or v in lex.agent_verbs for v in clitic_variants(w, 2)):
        return False
    if float(ner.name_scores(doc)[a - 1]) <= _OPENING_NAME_SCORE:
        return False
    return _office_before(lex, doc, a - 1, spans) is not None


def _is_office_word(lex: Lexicon, word: str) -> bool:
    """Whether a normalized word (clitics allowed) opens an office: a title's first word or an office noun.

    >>> _is_office_word(lexicon(), "وامير"), _is_office_word(lexicon(), "منطقه")
    (True, False)
    """
    return any(v in lex.titles_by_first or v in lex.office_heads for v in clitic_variants(word, 2))


def _meeting_place(lex: Lexicon, doc: Doc, a: int, b: int) -> bool:
    """Whether the name at tokens ``a:b`` after a meeting noun (اجتماع، قمة) is the place the meeting is named
    after: two words or more, the last a listed given name and the first not (كامب ديفيد), in no curated entry.

    >>> d = Doc("a", "وقال إن هذا كان هدف اجتماع كامب ديفيد الأخير.")
    >>> _meeting_place(lexicon(), d, 6, 8), _meeting_place(lexicon(), Doc("a", "عقدت قمة جون كيري"), 2, 4)
    (True, False)
    """
    toks = doc.tokens
    if a == 0 or b - a < 2 or not any(v in lex.meeting_heads for v in clitic_variants(toks[a - 1].norm, 2)):
        return False
    hit = _match_at(lex, toks, a, doc.text)
    return (toks[b - 1].norm in lex.given_names and toks[a].norm not in lex.given_names
            and toks[a].norm not in lex.surnames and not hit)


def _placed(lex: Lexicon, doc: Doc, rows: list[dict], spans: list) -> tuple[list[dict], list]:
    """Persons that a place or event head stands before (see :func:`_place_start`) turned into places: the
    tagger's spans, and the rule persons no curated entry names."""
    toks = doc.tokens
    out_spans = []
    made: list[tuple[int, int]] = []  # the places made, as offsets
    for a, b, kind, scores in spans:
        found = _named_after(lex, doc, a) if kind == "PERS" else None
        start, new_kind = found if found else (None, "LOC")
        if kind == "PERS" and start is None and _meeting_place(lex, doc, a, b):
            start = a
        if start is None:
            out_spans.append((a, b, kind, scores))
            continue
        if start < a and out_spans and out_spans[-1][1] == a and out_spans[-1][0] >= start:
            out_spans.pop()  # حي الشيخ | عثمان: the word before was read as a place of its own
        out_spans.append((start, b, new_kind, (1.0,) * (b - start)))  # the head vouches for the name
        made.append((toks[start].start, toks[b - 1].end))
    starts = _starts(doc)
    out_rows = []
    for r in rows:
        if r["evidence"] in ("title", "verb") and r["name_key"] and not r["actor_id"]:
            a = bisect_right(starts, r["start"]) - 1
            found = _named_after(lex, doc, a)
            if found is not None:
                s = toks[found[0]].start
                if found[1] == "ORG":  # the institution with its head: مركز الملك فهد الثقافي
                    s = _token_span(toks[found[0] - 1], strip_clitics(toks[found[0] - 1].norm))
                out_rows.append(_candidate(doc, s, r["end"], "", name_key=norm(doc.text[s:r["end"]]),
                                           evidence="place" if found[1] == "LOC" else "organization"))
                continue
            if any(s < r["end"] and r["start"] < e for s, e in made):
                continue  # اجتماع كامب ديفيد واجتماع المتابعة: the given-name rule read «ديفيد …»
        out_rows.append(r)
    return out_rows, out_spans


_OPEN_QUOTES = frozenset('«"“”\'')
_CLOSE_QUOTES = frozenset('»"”“\'')


_HUMAN_APPOSITION_RE = re.compile(r"^[»”\"]?\s*[،,]?\s*(?:وهو|وهي|الذي|التي)\s")


def _quoted_person(lex: Lexicon, doc: Doc, a: int, b: int) -> bool:
    """Whether one word in quotation marks is a person all the same: a listed given name after a function word or
    a speech verb (أما «خالد» القادم من اليمن: a witness the press names by his first name only), or a word followed
    by وهو / وهي / الذي (ويقول «ناصر»، وهو لاجئ).

    >>> d = Doc("a", "ويقول «ناصر»، وهو لاجئ من درعا، إن الحياة صعبة.")
    >>> _quoted_person(lexicon(), d, 1, 2)
    True
    """
    toks = doc.tokens
    if b - a != 1:
        return False  # «فوانيس رمضان»، «سكايب ترانزليتر»: a title or a brand
    if toks[a].norm in lex.given_names and a and (toks[a - 1].norm in lex.stop or toks[a - 1].norm in (
            "اما", "واما") or any(
            v in lex.speech_verbs for v in clitic_variants(toks[a - 1].norm, 2))):
        return True  # not مسلسل «مريم»: the name of a work
    return bool(_HUMAN_APPOSITION_RE.match(doc.text[toks[a].end:toks[a].end + 12]))


def _quoted(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``a:b`` stand alone between quotation marks.

    >>> d = Doc("a", "وأعلنت «نيشن» عن خطتها.")
    >>> _quoted(d, 1, 2), _quoted(d, 0, 1)
    (True, False)
    """
    text, toks = doc.text, doc.tokens
    s, e = toks[a].start, toks[b - 1].end
    return s > 0 and e < len(text) and text[s - 1] in _OPEN_QUOTES and text[e] in _CLOSE_QUOTES


_BRACKETS = {"(": ")", "«": "»", '"': '"', "“": "”", "”": "“"}


def _bracketed_name(lex: Lexicon, doc: Doc, j: int) -> int:
    """How many tokens (1 to 3) from ``j`` make a name in parentheses or quotation marks right after an office,
    0 if they do not: every word a name word and the whole reading as a name (tagger score, a listed given name,
    or a lone foreign-looking word).

    >>> d = Doc("a", "وقال المدرب الأرجنتيني (كالديرون) إن الفريق جاهز")
    >>> _bracketed_name(lexicon(), d, 3), _bracketed_name(lexicon(), d, 4)
    (1, 0)
    """
    toks, text = doc.tokens, doc.text
    s = toks[j].start
    if s < 2 or text[s - 1] not in _BRACKETS or text[s - 2] != " ":
        return 0
    close = _BRACKETS[text[s - 1]]
    for k in range(j, min(j + 3, len(toks))):
        if k > j and not _gap_is_space(text, toks[k - 1], toks[k]):
            return 0
        w = toks[k].norm
        if not _NAME_CHAR_RE.match(w) or w in lex.stop or (k == j and w.startswith("ال")):
            return 0  # (not _is_name_token: كالديرون opens like ك + the article)
        if toks[k].end < len(text) and text[toks[k].end] == close:
            n = k - j + 1
            if n == 1:
                score = _word_score(toks[j].norm)
                ok = _reads_as_given(lex, toks[j].norm) or _lone_name_shape(lex, toks[j], score)
            else:
                ok = _reads_as_given(lex, toks[j].norm) or sum(_word_score(t.norm) for t in toks[j:k + 1]) >= 0
            return n if ok else 0
    return 0


def _after_office(doc: Doc, rows: list[dict], a: int) -> bool:
    """Whether token ``a`` comes right after an office with no name of its own (الناشطة اليمنية «توكل كرمان»،
    المدرب الأرجنتيني (كالديرون)): a name set off by quotation marks there is the holder's, not a brand's."""
    if a == 0:
        return False
    end = doc.tokens[a - 1].end
    return any(r["end"] == end and r.get("form") == "office" for r in rows)


def _opens_with_given_name(lex: Lexicon, word: str) -> bool:
    """Whether a word is a listed given name, with or without a conjunction or preposition (ورامي).

    >>> _opens_with_given_name(lexicon(), "ورامي"), _opens_with_given_name(lexicon(), "مبادي")
    (True, False)
    """
    return any(v in lex.given_names for v in clitic_variants(word, 3))


def _split_at_verbs(doc: Doc, spans: list) -> list:
    """Tagger persons cut at a verb inside them (فولفغانغ نيرسباخ سيخلف بلاتيني → two persons): the words
    before the verb and those after it, each kept when it is left with a word; cut before a given name with
    و (محمد وسلطان وفواز: brothers named one by one are persons of one word each); and cut where a quotation
    mark or a colon stands between two words (توقيف «حسيني» جرى، وجهاز «كيندل»: a name is never split by one,
    but for a nickname quoted inside it: خواكين «تشابو» جوزمان); end before a blessing (عباس رضي الله عنهما)."""
    out = []
    toks, text = doc.tokens, doc.text
    lex = lexicon()
    given = lex.given_names
    for a, b, kind, scores in spans:
        if kind != "PERS" or b - a < 2:
            out.append((a, b, kind, scores))
            continue
        lo, end = a, b
        gaps = [bool(_QUOTE_GAP_RE.search(text, toks[i - 1].end, toks[i].start)) for i in range(a + 1, b)]
        for k in range(1, len(gaps)):  # a nickname quoted inside the name: فرانسيسكو «كيكو» كاسيا
            if gaps[k - 1] and gaps[k] and text[toks[a + k].end:toks[a + k + 1].start].strip() in "»”\"":
                gaps[k - 1] = gaps[k] = False
        for i in range(a + 1, b):
            w = toks[i].norm
            if gaps[i - a - 1]:
                if i > lo:
                    out.append((lo, i, kind, scores[lo - a:i - a]))
                lo = i
            elif w[:1] == "و" and ((w[1:] in given and w not in given) or _conjoined_name(doc, w) or (
                    i + 1 < b and _conjoined_before_name(w))):
                if i > lo:
                    out.append((lo, i, kind, scores[lo - a:i - a]))
                lo = i
            elif _reads_as_verb(w):
                if i > lo:
                    out.append((lo, i, kind, scores[lo - a:i - a]))
                lo = i + 1
            elif _blessing_at(lex, toks, i):
                end = i  # ابن عباس رضي الله عنهما، فلان رحمه الله: a blessing ends the name
                break
        if lo < end:
            out.append((lo, end, kind, scores[lo - a:end - a]))
    return out


_QUOTE_GAP_RE = re.compile(r"[«»“”\":]")  # a mark between two words that no name has inside it

_CONJOINED_GAIN = 1.5  # how much better a word reads as a name without its و for «X وY» to be two names
_CONJOINED_SPAN_GAIN = 0.8  # the same, for a word with a name of its own after it (هيلتون وكارين مولدر)


def _conjoined_before_name(word: str) -> bool:
    """Whether a normalized word inside a tagged person, with more of the name after it, is و + a given name
    (دان هيلتون وكارين مولدر: two writers): the bare word reads as a name clearly better than the whole, by less
    than :func:`_conjoined_name` asks since the words after it make a name of their own. Names that open with و
    (وليد، وائل، وودرو) read as well or better whole.

    >>> _conjoined_before_name("وكريستن"), _conjoined_before_name("وودرو"), _conjoined_before_name("وليد")
    (True, False, False)
    """
    if len(word) < 5 or word in lexicon().given_names or word in lexicon().arabic_given:
        return False
    return _word_score(word[1:]) >= _word_score(word) + _CONJOINED_SPAN_GAIN


def _conjoined_name(doc: Doc, word: str) -> bool:
    """Whether a normalized word is و + a name of its own that the name before it is joined to (ماكرون وشولتس،
    لي وسالينجر: two persons), not a name that opens with و (وودرو، ويلسون): the bare word is a listed given
    name or surname, stands alone elsewhere in the article, or reads as a name much better than the whole word.

    >>> _conjoined_name(Doc("a", "ماكرون وشولتس"), "وشولتس"), _conjoined_name(Doc("a", "وودرو ويلسون"), "وودرو")
    (True, False)
    """
    if word[:1] != "و" or len(word) < 4:
        return False
    lex = lexicon()
    stem = word[1:]
    if word in lex.given_names or word in lex.arabic_given or word in lex.surnames:
        return False
    if stem in lex.given_names or stem in lex.surnames or _read_elsewhere(doc, stem, word):
        return True
    return _word_score(stem) >= _word_score(word) + _CONJOINED_GAIN


#: ranks and personal titles (without the article) that are followed by the holder's own name, not an office's
#: complement (الدكتور فلان، اللواء فلان); not الفريق, also "the team" (الفريق بطل الدوري). arnews.quotes reads them too
PERSONAL_TITLES = frozenset({"دكتور", "دكتوره", "مهندس", "مهندسه", "استاذ", "استاذه", "شيخ", "سيد", "سيده",
                             "محامي", "محاميه", "لواء", "عميد", "عقيد", "مقدم", "رايد", "نقيب", "ملازم"})


def _vetoed(lex: Lexicon, doc: Doc, rows: list[dict], spans: list, scores) -> list[dict]:
    """Rule persons the tagger contradicts: a "name" after a title or a verb that the tagger does not read as a
    person and whose words score below O in sum (الوزير بحضور، أكد عضو، وأكد بعدها) is dropped. Known persons
    (curated data), names opening with a listed given name and two-word names after a title with its country or
    organization (رئيس الوزراء اللبناني تمام سلام) are kept as they are."""
    toks = doc.tokens
    starts = _starts(doc)
    persons = [(toks[a].start, toks[b - 1].end) for a, b, kind, _ in spans if kind == "PERS"]
    out = []
    for r in rows:
        if r["evidence"] not in ("title", "verb") or r["actor_id"] or not r["name_key"]:
            out.append(r)
            continue
        if r["name_key"].split()[0] in lex.given_names or any(
                r["start"] <= s < r["end"] for s, e in persons):
            out.append(r)
            continue
        words = r["name_key"].split()
        if r["evidence"] == "title" and len(words) == 2 and words[1] in lex.given_names and (
                not words[0].startswith("ال") and _word_score(words[0]) > _LONE_TITLE_NAME_SCORE):
            out.append(r)  # المستشار القانوني بدر إسحاق: a word that may be a name and a given name after a title,
            continue  # his father's (not «الوزير بحضور محمد»)
        written = r["surface"].split()  # the article as written: أليكسيس opens with no article, الجبير does
        if r["evidence"] == "title" and r["affiliation"] and len(words) > 1 and words[0][:1] not in "لب" and not any(
                w.startswith("ال") for w in written) and not any(
                w[:1] == "و" and not _opens_with_given_name(lex, w) for w in words[1:]):
            out.append(r)  # a full title (رئيس الوزراء اللبناني) before two bare words: تمام سلام; not a verb
            continue  # and its object (الرئيس اليمني شرح المؤامرة)
        if r["evidence"] == "title" and len(words) in (2, 3) and len(written) == len(words) and not any(
                w.startswith("ال") or w[:1] in "وفبلك" for w in written) and all(
                _word_score(w) > _LONE_TITLE_NAME_SCORE for w in words) and _ends_at_boundary(
                lex, doc, bisect_left(starts, r["end"]) - 1):
            out.append(r)  # رئيس الوزراء أليكسيس تسيبراس إن: bare words that may each be a name, up to a boundary
            continue
        if r["evidence"] == "title" and len(words) == 2 and len(written) == 2 and not written[0].startswith((
                "ال", "و")) and _FAMILY_NISBA_RE.match(words[1]) and norm(r["role_ar"].split()[-1] if r[
                    "role_ar"] else "").removeprefix("ال") in PERSONAL_TITLES:
            out.append(r)  # اللواء مستور الحارثي: a rank, then a word and a family name of the nisba pattern
            continue
        a = bisect_right(starts, r["start"]) - 1
        b = bisect_left(starts, r["end"])
        if sum(float(x) for x in scores[a:b]) >= 0:
            out.append(r)
            continue
        if r["evidence"] != "title":
            continue
        if b - a > 1 and (hit := _match_at(lex, toks, a, doc.text)) and hit[1].demonym and _indefinite_demonym_name(
                lex, doc, a, hit, r["role_ar"]):
            out.append(r)  # الشاعر تركي الحربي: the tagger reads تركي as «Turkish»; after a definite title, a name
            continue
        while b - a > 1 and _preposition_phrase(lex, words[b - a - 1], float(scores[b - 1])):
            b -= 1  # الرئيس أوباما بالوفد: a preposition on a word that reads as no name ran on
        if b - a == 1 and _lone_name_after_title(lex, doc, a, max(float(scores[a]), _word_score(words[0]))):
            out.append({**r, "end": toks[a].end, "surface": doc.text[r["start"]:toks[a].end],
                        "name_key": words[0]})
    return out


#: a lone word after a title the tagger scores below O is still the holder's name when it scores above this and
#: reads as no Arabic noun (no article, no clitic, not a masdar or a verb): رئيس الوزراء ساماراس (-1.8)
_LONE_TITLE_NAME_SCORE = -2.2
_LONE_NOT_NAME_ENDINGS = ("كم", "هم", "ها", "نا", "هما", "ك")


def _lone_name_after_title(lex: Lexicon, doc: Doc, a: int, score: float) -> bool:
    """Whether the single word at token ``a``, right after a title, is the title holder's surname although the
    tagger scores it a little below O: a foreign-looking word with no article or clitic, followed by a boundary.

    >>> from arnews.text import Doc
    >>> d = Doc("t", "وصل رئيس الوزراء ساماراس إلى أثينا")
    >>> _lone_name_after_title(lexicon(), d, 3, -1.8), _lone_name_after_title(lexicon(), d, 4, -1.8)
    (True, False)
    """
    return _lone_name_shape(lex, doc.tokens[a], score) and _ends_at_boundary(lex, doc, a)


def _lone_name_shape(lex: Lexicon, tok: Token, score: float) -> bool:
    """The word-shape half of :func:`_lone_name_after_title`: no article, clitic, pronoun suffix, noun or verb
    pattern, and a tagger score not far below O.

    >>> from arnews.text import Doc
    >>> _lone_name_shape(lexicon(), Doc("a", "ساماراس").tokens[0], -1.8)
    True
    """
    from arnews import ner

    w = tok.norm
    if score < _LONE_TITLE_NAME_SCORE or len(w) < 4 or w in lex.stop or w[:1] in "وفبلك" or w.startswith("ال"):
        return False
    if ner.lexicon_gazetteer().get(w, frozenset()) - {"given", "argiven"}:
        return False  # a place, a body, a title word (محافظ عدن، رئيس فيفا)
    if w.endswith(("ه", "ات", "ين", "ون", "ت", "ى", "اء")) or tok.text.endswith(("اً", "ًا")):
        return False  # a feminine or plural noun, a past verb (جاءت، عانى), an adjective (شقراء), an accusative
    if w.endswith(_LONE_NOT_NAME_ENDINGS) or (w,) in lex.titles or ("ال" + w,) in lex.titles or _reads_as_verb(w):
        return False  # a pronoun suffix (جمهوريتكم), a title word (دكتور), a verb (سيواصل)
    if score < 0 and (w.endswith(("ي", "ا")) or (w[:1] in "اأينتم" and len(w) < 7)
                      or (len(w) == 4 and (w[1] == "ا" or w[2] in "اوي"))):
        return False  # a nisba adjective (عسكري), an accusative or a plural (صقرا، خلايا، ثمار), an elative or a
        # verb (أبرز، يقول), a maf'al noun (مهرجان), a triliteral pattern (الفريق جاهز، وزير سعيد)
    return True


def _preposition_phrase(lex: Lexicon, word: str, score: float) -> bool:
    """Whether a normalized word that a rule took as a name's last word is a preposition on a noun (بالوفد).

    >>> _preposition_phrase(lexicon(), "بالوفد", -4.6), _preposition_phrase(lexicon(), "بلاتر", 3.6)
    (True, False)
    """
    return (score < _DROP_SCORE and word[:1] in "بل" and len(word) > 3 and word not in lex.surnames
            and word not in lex.given_names)


def _merged(lex: Lexicon, doc: Doc, spans: list) -> list:
    """Tagger spans with a place or an organization cut in two joined again (سان | بطرسبرغ → سان بطرسبرغ), and a
    person whose given name the tagger cut from the rest of the name (خليفة | سالم أبو حمدة: a lone given name right
    before another person, with nothing between, is the start of that person's name; two people side by side are
    joined by و or a comma, or a title stands before the second).

    >>> d = Doc("a", "وأعرب خليفة سالم أبو حمدة عن سعادته")
    >>> [d.text[d.tokens[a].start:d.tokens[b - 1].end] for a, b, _, _ in _merged(lexicon(), d, [(1, 2, "PERS", []),
    ...                                                                                  (2, 5, "PERS", [])])]
    ['خليفة سالم أبو حمدة']
    """
    out: list = []
    toks, text = doc.tokens, doc.text
    for span in spans:
        if out:
            a, b, kind, scores = out[-1]
            if (span[2] == kind and span[0] == b and _gap_is_space(text, toks[b - 1], toks[span[0]])
                    and (kind in ("LOC", "ORG") or _given_name_cut(lex, toks, a, b, span[0]))):
                out[-1] = (a, span[1], kind, scores + span[3])
                continue
        out.append(span)
    return out


def _given_name_cut(lex: Lexicon, toks: list[Token], a: int, b: int, next_start: int) -> bool:
    """Is the person span ``a``–``b`` one word, no known person's name (أوباما | نتنياهو are two) nor a word with
    the article (الشاعر الراحل | سالم ربيع), with the next person's span right after it, that span not opening with و
    (خليفة | حمد, not محمد | ووليد)? After a noun of relation the first name is its genitive and the second another
    person (محامي سالم | ماجد الكعبي: Salem's lawyer)."""
    first = toks[a].norm
    return (b - a == 1 and (first,) not in lex.entities and not any(v.startswith("ال") for v in clitic_variants(first))
            and toks[next_start].text[:1] != "و"
            and not (a and any(v in lex.relation_heads for v in clitic_variants(toks[a - 1].norm, 2))))


def _compound_end(lex: Lexicon, toks: list[Token], a: int, b: int, k: int) -> bool:
    """Is token ``k`` of the span ``a``–``b`` الله، الرحمن or الدين closing a compound given name in a name of more
    words (سعيد غرم الله العمري)? The compound alone (عبد الله) is only a given name, and a blessing is none
    (رحمه الله: :func:`_blessing_at`).

    >>> toks = Doc("a", "قال سعيد غرم الله العمري وعبد الله").tokens
    >>> _compound_end(lexicon(), toks, 1, 5, 3), _compound_end(lexicon(), toks, 5, 7, 6)
    (True, False)
    """
    return (a < k and b - a > 2 and _compound_pair(lex, toks[k - 1].norm, toks[k].norm)
            and not _blessing_at(lex, toks, k - 1))


def _tagged_span(lex: Lexicon, doc: Doc, a: int, b: int, kind: str) -> tuple[int, str] | None:
    """``(start offset, name key)`` of a tagger span worth a candidate, or None: clitics (و، ب، ل) are left out,
    and a span holding a function word, an unnamed speaker, an adverb in tanween or anything but letters is no
    name; a person's name does not open with the article (الأخير، الرياض)."""
    toks = doc.tokens
    words = [t.norm for t in toks[a:b]]
    for k, (w, t) in enumerate(zip(words, toks[a:b], strict=True)):
        if not _NAME_CHAR_RE.match(w) or len(w) < 2 or t.text.endswith(("اً", "ًا")):
            return None
        if w in lex.unnamed or (w in lex.stop and w not in _CONNECTORS and not _compound_end(lex, toks, a, b, a + k)):
            return None
    first = words[0]
    variants = clitic_variants(first, 2)
    start = toks[a].start
    if kind == "PERS":
        if len(words) == 1 and (first in lex.given_names) is False and any(v.startswith("ال") for v in variants):
            return None
        if _CONSTRUCT_PLURAL_RE.match(first) and first not in lex.given_names:
            # منافسو بلاتيني، منظمو المهرجان: "rivals of", "organizers of" — a plural noun, not the name's start
            if len(words) == 1 or words[1].startswith("ال"):
                return None
            a, words, first = a + 1, words[1:], words[1]
            start = toks[a].start
        stripped = _person_clitics(lex, doc, first)
        if (stripped == first and first[:1] == "و" and len(first) > 3 and first not in lex.given_names and a
                and (first[1:] in lex.given_names or _word_score(first) <= 0)
                and doc.text[toks[a - 1].end:toks[a].start].strip() in ("،", ",")):
            stripped = first[1:]  # «…، وعقل بلتاجي أمين عمان»: after a comma و is "and"
        if stripped != first:
            start = _token_span(toks[a], stripped)
            words[0] = stripped
        if words[0] in lex.stop or any(v in lex.stop for v in clitic_variants(words[0], 2)[1:]):
            return None
    else:
        bare = strip_clitics(first)
        if bare == first and len(words) > 1 and words[1].startswith("ال") and first[:1] in "وفبلك" and len(
                first) > 4 and first not in _article_words(doc) - {first}:
            bare = first[1:]  # بقصر الاتحادية، لرابطة العالم الإسلامي: a preposition on a head noun
        if bare == first and first[:1] in "وفبلك" and len(first) > 4 and _read_elsewhere(doc, first[1:], first):
            bare = first[1:]  # لفيفا where the article writes الفيفا or بالفيفا: ل + (ال)فيفا, one organization
        if bare != first:
            start = _token_span(toks[a], bare)
            words[0] = bare
        if len(words) == 1 and words[0] in lex.stop:
            return None
        if len(words) == 1 and words[0] in lex.common_word_names and not _country_in_context(lex, doc, a, start):
            return None  # دعم مالي
    return start, " ".join(words)


def _word_score(word: str) -> float:
    from arnews import ner

    return ner.word_score(word)


def _person_clitics(lex: Lexicon, doc: Doc, word: str) -> str:
    """A person's first word without a conjunction or preposition (وبوتين → بوتين) when the bare form is a
    known name or stands alone elsewhere in the article, or the tagger reads it as a name clearly more than the
    whole word; names that open with و (وليد) are left whole, and ب comes off only a known name: many foreign
    names open with it (بروين، برونو، برايس) and the tagger cannot tell (on the bench day, 16 mentions kept whole
    against 2 lost; for ل the tagger is right more often: لجيروم، لساندرو)."""
    if word[:1] not in "وفبلك" or len(word) < 4:
        return word
    alone = _article_words(doc)
    variants = clitic_variants(word, 3)[1:]
    if word[0] == "ك" and word[1] not in "اأإآ" and not any(v in alone for v in variants) and (
            word in lex.given_names or word in lex.arabic_given or _word_score(word) > 0):
        return word  # «كريم» (a brand, a given name) is no ك + ريم: ك comes off only where the bare name stands
        # alone, or before a hamza (كإبراهيم طالع: "such as Ibrahim")
    for k, v in enumerate(variants):
        if v in lex.given_names or v in alone or v in lex.surnames:
            from arnews import ner

            # وكريم: كريم (a name the tagger reads) before ريم (a listed one that takes ك off as a clitic)
            return next((u for u in variants[:k] if ner.word_score(u) > 0), v)
    if variants and len(variants[0]) >= 4 and word not in lex.given_names and word[0] != "ب":
        from arnews import ner

        if ner.word_score(variants[0]) > ner.word_score(word) + _BARE_NAME_MARGIN:
            return variants[0]  # وناصر جودة: the tagger reads ناصر as a name more than وناصر
    return word


_BARE_NAME_MARGIN = 0.5  # وانغ (Wang) and وسام score about as well as انغ and سام: left whole


def _read_elsewhere(doc: Doc, word: str, besides: str) -> bool:
    """Whether another word of the article than ``besides`` reads as ``word`` or ``ال`` + ``word`` once its
    clitics are taken off (بالفيفا reads as الفيفا).

    >>> _read_elsewhere(Doc("a", "عاقبت لجنة بالفيفا اللاعب، وقالت لفيفا إن"), "فيفا", "لفيفا")
    True
    """
    wanted = (word, "ال" + word)
    return any(w != besides and any(v in wanted for v in clitic_variants(w, 3))
               for w in _article_words(doc) if w.endswith(word))


def _starts(doc: Doc) -> list[int]:
    """The start offsets of the article's tokens (for bisect), kept on the article while its actors are read."""
    starts = doc.__dict__.get("_ner_starts")
    if starts is None:
        starts = doc.__dict__["_ner_starts"] = [t.start for t in doc.tokens]
    return starts


def _article_words(doc: Doc) -> frozenset[str]:
    words = doc.__dict__.get("_ner_words")
    if words is None:
        words = doc.__dict__["_ner_words"] = frozenset(t.norm for t in doc.tokens)
    return words


def _trim_person(lex: Lexicon, doc: Doc, rows: list[dict], k: int, a: int, b: int) -> None:
    """Fix a rule person's span that ran on past the name the tagger reads (a noun or demonym after it)."""
    from arnews import ner

    r = rows[k]
    if r["evidence"] not in _RULE_PERSON_EVIDENCE or r["actor_id"]:
        return
    toks = doc.tokens
    s, e = toks[a].start, toks[b - 1].end
    if not (r["start"] <= s < e < r["end"]) or r["start"] < toks[a].start - 2:
        return
    words = r["name_key"].split()
    n = b - a
    if len(words) <= n or words[n - 1] in _NASAB_LINKS:
        return  # a name never ends on بن or عبد: سلطان بن مساعد keeps his father
    scores = ner.name_scores(doc)
    for j, w in enumerate(words[n:]):
        # the tagger left out a word that reads as no name (ملك، قوله), or, after a speech verb, a definite noun
        # or a prepositional phrase (جون كيري التأكيد، كيري لصحفيين)
        low = float(scores[b + j]) < _DROP_SCORE if b + j < len(scores) else False
        if r["evidence"] == "title":
            if not low or w.startswith("ال"):
                return
        elif not (low or w.startswith(("ال", "ل", "ب"))) or w in lex.given_names or w in lex.surnames or (
                j == 0 and _family_nisba_after(lex, toks, b, words[n - 1])) or (
                len(words) == n + 1 and w.startswith("ال") and (
                    words[0] in lex.given_names or words[0] in _JOINED_TO_NEXT) and _before_complementizer(doc, b)):
            return  # (وقال عبد العزيز الفالح إن: the name's last word right before إن, not the verb's object)
    rows[k] = {**r, "end": e, "surface": doc.text[r["start"]:e], "name_key": " ".join(words[:n])}


def _before_complementizer(doc: Doc, k: int) -> bool:
    """Does a complementizer or a colon follow token ``k`` (… الفالح إن، … الفالح:)?

    >>> d = Doc("a", "وقال عبد العزيز الفالح إن المشروع مهم")
    >>> _before_complementizer(d, 3), _before_complementizer(d, 2)
    (True, False)
    """
    toks = doc.tokens
    if k + 1 >= len(toks):
        return False
    return ":" in doc.text[toks[k].end:toks[k + 1].start] or toks[k + 1].norm in _COMPLEMENTIZERS


_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها"})  # normalized: إن، أن (not بأن: يعرّف فلان العجب بأنه …)
_FAMILY_NISBA_RE = re.compile(r"^ال\S{2,}ي$")  # normalized: العلي، الشمري


def _family_nisba_after(lex: Lexicon, toks: list[Token], k: int, before: str) -> bool:
    """Whether token ``k``, right after the name word ``before``, is its family name of the nisba pattern (محمد
    العلي، خالد الشمري): no demonym, function word or entry (الأمريكي، الرسمي), not a participle with its
    complement (نونان المنتمي إلى), not after a prepositional phrase (قاسم بالتركيز الإعلامي).

    >>> d = Doc("a", "وقال محمد العلي إن السوق راكدة وقال كيري الأمريكي إن تيم نونان المنتمي إلى الاتحاد")
    >>> [_family_nisba_after(lexicon(), d.tokens, k, d.tokens[k - 1].norm) for k in (2, 8, 12)]
    [True, False, False]
    """
    word = toks[k].norm
    if _FAMILY_NISBA_RE.match(word) is None or word in lex.by_first or word in lex.stop:
        return False
    return not before.startswith(_ARTICLE_WITH_CLITIC) and not (
        k + 1 < len(toks) and toks[k + 1].norm == "الي")


def _extend_person(lex: Lexicon, doc: Doc, rows: list[dict], k: int, a: int, b: int, scores) -> None:
    """Open a rule person earlier where the tagger reads name words before it that no list holds (المدرب
    ماركوس أوليفر بيرغمان: the given-name rule starts at أوليفر), when the two end at the same word."""
    r = rows[k]
    toks = doc.tokens
    if r["evidence"] != "verb" or r["actor_id"] or toks[b - 1].end != r["end"] or toks[a].start >= r["start"]:
        return
    lead = [i for i in range(a, b) if toks[i].start < r["start"]]
    if any(scores[i - a] <= 0 for i in lead):
        return
    cand = _tagged_span(lex, doc, a, b, "PERS")
    if cand:
        rows[k] = {**r, "start": cand[0], "surface": doc.text[cand[0]:r["end"]], "name_key": cand[1]}


_TRIGGER_CACHE: dict[str, bool] = {}


def _is_trigger(word: str) -> bool:
    """Whether a normalized word (with its clitics) can open an entry, a title, a verb or a head."""
    triggers = lexicon().triggers
    return any(v in triggers for v in clitic_variants(word, 2))


#: the second half of a compound given name (عز الدين، عوض الله، عبد الرحمن): alone it is no surname
_COMPOUND_ENDS = frozenset({"الدين", "الله", "الرحمن", "الاسلام", "العابدين"})


def _local_surnames(doc: Doc, rows: list[dict]) -> list[dict]:
    """Bare surnames (ماكرون، وماكرون، لماكرون) of the persons this article introduced with a full name."""
    local: dict[str, str] = {}
    known: dict[str, str] = {}  # a known person's family name written in full here (بشار الأسد … الأسد)
    given = lexicon().given_names
    for r in rows:
        words = r["name_key"].split()
        if (r["evidence"] in PERSON_EVIDENCE and len(words) > 1 and not r["actor_id"] and len(words[-1]) > 2
                and words[-1] not in _COMPOUND_ENDS):
            local.setdefault(words[-1], r["name_key"])
        elif r["actor_id"].startswith("person:") and " " in r["surface"].strip():
            last = norm(r["surface"].split()[-1])
            if len(last) > 3 and last not in _COMPOUND_ENDS and last not in given:
                known.setdefault(last, r["actor_id"])  # (عبد ربه منصور هادي … هادي; not سلمان, a given name)
    for last, aid in known.items():
        local.setdefault(last, aid)
    if not local:
        return []
    taken = {r["start"] for r in rows}
    n = doc.normalized
    text = n.text
    out = []
    for surname, key in local.items():  # str.find is C-speed; no per-article regex to compile
        pos = text.find(surname)
        while pos >= 0:
            end = pos + len(surname)
            lead = pos
            while lead > 0 and pos - lead < 2 and text[lead - 1] in "وفبلك":
                lead -= 1  # clitics: وماكرون، لماكرون
            whole = (lead == 0 or not text[lead - 1].isalpha()) and (end == len(text) or not text[end].isalpha())
            if whole and not _family_institution(text, lead):
                start, stop = n.span_to_source(pos, end)
                if start not in taken and not any(r["start"] <= start < r["end"] for r in rows):
                    aid = key if key.startswith("person:") else ""
                    out.append(_candidate(doc, start, stop, aid, name_key="" if aid else key, evidence="surname"))
            pos = text.find(surname, end)
    return out


def _family_institution(normalized: str, pos: int) -> bool:
    """Whether the family name at ``pos`` of a normalized text follows آل after an institution's noun (كلية آل
    سالم، جائزة آل ثاني, quotes.yaml institution_nouns): the body's name, not the family's person.

    >>> t = "كليه ال سالم للتعليم"
    >>> _family_institution(t, t.find("سالم")), _family_institution("وقال ال سالم", 9)
    (True, False)
    """
    words = normalized[max(0, pos - 30):pos].split()
    return len(words) >= 2 and words[-1] == "ال" and any(
        v in lexicon().institution_nouns for v in clitic_variants(words[-2], 2))


def _govbody_at(lex: Lexicon, doc: Doc, i: int) -> tuple[dict, int] | None:
    """A government body at token ``i``: a head (وزارة الخارجية، الرئاسة، الجيش) and a country adjective or name.

    Returns the candidate row and the token after it. وزارة الخارجية الروسية → Foreign Ministry of Russia (RU).
    """
    toks, text = doc.tokens, doc.text
    for variant in clitic_variants(toks[i].norm, 2):
        for key in lex.govbodies_by_first.get(variant, ()):
            en = lex.govbodies[key]
            n = len(key)
            if i + n >= len(toks):
                continue
            if any(toks[i + k].norm != key[k] for k in range(1, n)):
                continue
            hit = _match_at(lex, toks, i + n, text)
            if not hit or hit[1].kind != "country" or hit[2] != toks[i + n].start:
                continue
            country = lex.countries[hit[1].affiliation]
            end_tok = i + n + len(hit[0])
            start = _token_span(toks[i], variant)
            aid = f"org:{country.affiliation.lower()}-{slug(en)}"
            row = _candidate(doc, start, toks[end_tok - 1].end, aid, name_key=aid, role_en=f"{en} of {country.name_en}",
                             affiliation=country.affiliation, evidence="govbody")
            return row, end_tok
    return None


#: a definite nisba adjective (القانوني، الاقتصادية), normalized: the field of a title (المستشار القانوني)
_FIELD_RE = re.compile(r"^ال\S{2,}(?:ي|يه)$")


def _joins_title(lex: Lexicon, doc: Doc, j: int) -> bool:
    """Whether token ``j``, after a title, still belongs to it: the field the title holder works in (a nisba
    adjective: المستشار القانوني) or a second title joined by و (المحامي والمستشار) — only when a name of two
    words or more follows, since a title may stand before a family name alone (اللواء الشهري).

    >>> d = Doc("a", "وقال المحامي والمستشار القانوني بدر إسحاق إن الحق مكفول.")
    >>> _joins_title(lexicon(), d, 2), _joins_title(lexicon(), d, 3), _joins_title(lexicon(), d, 4)
    (True, True, False)
    """
    toks = doc.tokens
    tok = toks[j]
    if tok.norm in lex.stop or j + 1 >= len(toks) or not _gap_is_space(doc.text, tok, toks[j + 1]):
        return False
    if _FIELD_RE.match(tok.norm):
        joined = True
    else:
        again = _match_at(lex, toks, j, doc.text, table="titles")
        joined = bool(again) and len(again[0]) == 1 and norm(doc.text[tok.start:again[2]]) == "و"
    if not joined:
        return False
    k = j + 1
    while k < len(toks) and _gap_is_space(doc.text, toks[k - 1], toks[k]) and _FIELD_RE.match(toks[k].norm) and (
            not _match_at(lex, toks, k, doc.text)):
        k += 1  # المحامي والمستشار القانوني: the name comes after the last title word
    return k < len(toks) and (_match_at(lex, toks, k, doc.text, table="titles") is not None
                              or _name_after(lex, doc, k) >= 2)


def _title_person(lex: Lexicon, doc: Doc, i: int, hit, rows: list[dict]) -> int:
    """A person introduced by a title at token ``i``; returns tokens used (0 when no person follows)."""
    toks, text = doc.tokens, doc.text
    key, title, start = hit
    j = i + len(key)
    affiliation = ""
    parts = [doc.text[start:toks[j - 1].end]]
    en_parts = [title.en]
    org_tokens: tuple[int, int] | None = None
    quote_end = -1  # the token right after a quoted body (no space before it)
    placed = False  # whether the office ends with where it is held (السفير لدى أستراليا)
    for _ in range(4):
        if j >= len(toks):
            break
        q = _quoted_phrase_at(doc, j) if title.org_title and not affiliation and not org_tokens else 0
        if q and not (j + q < len(toks) and _reads_as_given(lex, toks[j + q].norm)) and not (
                j + q + 1 < len(toks) and toks[j + q].norm[:3] in ("بال", "فال", "لل")
                and _reads_as_given(lex, toks[j + q + 1].norm)):
            q = 0  # only a quoted name with a name after it: الناشطة "توكل كرمان" is the holder herself
        if q:  # مدير «مكتبة النور»: a body or a brand in quotation marks names the office
            parts.append(doc.text[toks[j].start - 1:toks[j + q - 1].end + 1])
            j += q
            quote_end = j
            continue
        if j != quote_end and not _gap_is_space(text, toks[j - 1], toks[j]):
            break
        tok = toks[j]
        if tok.norm in _OFFICE_PREPOSITIONS and j + 1 < len(toks):
            hit3 = _match_at(lex, toks, j + 1, text)
            if hit3 and (hit3[1].kind in ("country", "organization", "group") and not hit3[1].demonym):
                # المندوبة الفرنسية لدى مجلس الأمن: where the office holder serves
                k3 = len(hit3[0])
                if not affiliation:
                    affiliation = hit3[1].affiliation if hit3[1].kind == "country" else hit3[1].actor_id
                while j + 1 + k3 < len(toks) and toks[j + 1 + k3].norm[:1] == "و":
                    hit4 = _match_at(lex, toks, j + 1 + k3, text)  # لدى أستراليا ونيوزيلندا: one office, two
                    if not hit4 or hit4[1].kind not in ("country", "organization", "group") or hit4[1].demonym:
                        break
                    k3 += len(hit4[0])
                parts.append(doc.text[tok.start:toks[j + k3].end])
                j += 1 + k3
                placed = True
                continue
        if (parts[-1].endswith("»") and tok.norm[:3] in ("بال", "فال", "لل") and j + 1 < len(toks)
                and _reads_as_given(lex, toks[j + 1].norm)):
            parts.append(tok.text)  # مسؤول «خدمة كريم» بالفعاليات علي القحطاني: where the office is held
            j += 1
            continue
        if tok.norm in lex.title_modifiers:
            if lex.title_modifiers[tok.norm] == "former":
                en_parts.insert(0, "former")
            parts.append(tok.text)
            j += 1
            continue
        if tok.norm == "باسم" or tok.norm == "عن":
            parts.append(tok.text)
            j += 1
            continue
        if title.org_title and not affiliation and not org_tokens:
            k = _org_phrase(lex, doc, j)
            if k:
                parts.append(doc.text[toks[j].start:toks[j + k - 1].end])
                org_tokens = (j, j + k)
                j += k
                continue
        hit2 = _match_at(lex, toks, j, text)
        if hit2 and hit2[1].demonym and _indefinite_demonym_name(lex, doc, j, hit2, parts[0]):
            break  # الأمير تركي الفيصل، الشاعر تركي الحربي: a given name, not «Turkish»
        if hit2 and not affiliation:
            k2, ent, _ = hit2
            if ent.kind in ("country", "organization", "media", "group") or ent.capital_of:
                if ent.capital_of:
                    ent = lex.countries.get(ent.capital_of, ent)
                affiliation = ent.affiliation if ent.kind == "country" else ent.actor_id
                org_tokens = (j, j + len(k2)) if not ent.demonym else None
                parts.append(doc.text[toks[j].start:toks[j + len(k2) - 1].end])
                j += len(k2)
                continue
        if not hit2 and _joins_title(lex, doc, j):
            parts.append(tok.text)  # المستشار القانوني فلان، المحامي والمستشار فلان
            j += 1
            continue
        break
    # a second title may follow (وزير الخارجية القطري الدكتور خالد العطية)
    while j < len(toks) and _gap_is_space(text, toks[j - 1], toks[j]):
        again = _match_at(lex, toks, j, text, table="titles")
        if not again:
            break
        parts.append(doc.text[toks[j].start:toks[j + len(again[0]) - 1].end])
        j += len(again[0])
    # an organization named after the title is a mention of its own (رئيس المجلس الأوروبي → European Council)
    if org_tokens and affiliation.startswith(("org:", "media:")):
        a, b = org_tokens
        s = _token_span(toks[a], clitic_variants(toks[a].norm, 2)[0])
        rows.append(_candidate(doc, s, toks[b - 1].end, affiliation, evidence="title"))
    count = _name_after(lex, doc, j) if j < len(toks) and (
        j == quote_end or _gap_is_space(text, toks[j - 1], toks[j])) and toks[j].norm not in lex.list_openers else 0
    if (count >= 2 and placed and toks[j].norm[:1] == "و" and not _opens_with_given_name(lex, toks[j].norm)
            and _reads_as_given(lex, toks[j + 1].norm)):
        parts.append(toks[j].text)  # سفير المملكة لدى أستراليا ونيوزيلاندا نبيل …: a coordinated place the data
        j += 1  # does not hold, then the name
        count = _name_after(lex, doc, j)
    if count == 1 and norm(title.ar.split()[0]) in lex.place_titles and toks[j].norm not in lex.given_names:
        count = 0  # حاكم أوهايو، محافظ جدة: the place the office governs, not its holder
    if count and toks[j].norm.endswith("ه") and toks[j].norm not in lex.given_names:
        count = 0  # وزير خارجية روسيا: a "name" opening in teh marbuta is a noun (فاطمة is a listed given name)
    if count and toks[j].norm[0] == "و" and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال"):
        count = 0  # وزير الخارجية وشؤون المغتربين: a coordinated noun phrase, not a name
    if count and _preposition_on_name(lex, toks[j].norm):
        count = 0  # التقى الوزير بوليد المعلم: a preposition cannot open the title's own name; another person
    bracketed = (not count and j < len(toks) and j != quote_end and not org_tokens
                 and (not title.org_title or (affiliation and not affiliation.startswith(("org:", "media:"))))
                 and not _match_at(lex, toks, j, text) and _bracketed_name(lex, doc, j))
    # (not نائب رئيس "فيفا"، المتحدث باسم «بوينغ»: an office of a body takes the body's name in quotes)
    if bracketed:
        count = bracketed  # الأستاذ (منصور البلوي)، المدرب الأرجنتيني «كالديرون»: the holder's name set off
    if not count:
        if affiliation and not affiliation.startswith(("org:", "media:")) and title.en not in RELATIONAL_ROLES:
            # وقال وزير الخارجية الأمريكي إن …: the office-holder the article names elsewhere
            rows.append(_candidate(doc, start, toks[j - 1].end, "", role_ar=" ".join(parts), role_en=title.en,
                                   affiliation=affiliation, evidence="role", form="office"))
            return j - i
        return (org_tokens[1] - i) if org_tokens else 0
    alone = lex.surnames.get(toks[j].norm, "")
    if count > 1 and alone and not all(t.norm in lex.person_words.get(alone, ()) for t in toks[j + 1:j + count]):
        count = 1  # الرئيس أوباما بالوفد: a known person's surname alone, then the rest of the sentence
    s, e = toks[j].start, toks[j + count - 1].end
    name_key = " ".join(t.norm for t in toks[j:j + count])
    known = _known_person(lex, toks, j, count, text)
    # رئيس الوزراء الهولندي ديك سخوف: title, affiliation, two words (not «أكد السفير دعم ووقوف بلاده»: two nouns
    # joined by و); or a name set off in brackets
    strong = bool(bracketed) or (bool(affiliation) and count >= 2 and not any(
        t.norm[:1] == "و" and not _opens_with_given_name(lex, t.norm) for t in toks[j + 1:j + count]))
    if (not known and not strong and toks[j].norm not in lex.given_names
            and not any(t.norm in _NASAB for t in toks[j + 1:j + count])  # a nasab: سلطان بن مساعد
            and not _ends_at_boundary(lex, doc, j + count - 1)):
        return (org_tokens[1] - i) if org_tokens else 0
    role_en = " ".join(en_parts)
    rows.append(_candidate(doc, s, e, known or "", name_key=name_key, role_ar=" ".join(parts), role_en=role_en,
                           affiliation=affiliation, evidence="title"))
    return j + count - i




def _indefinite_demonym_name(lex: Lexicon, doc: Doc, j: int, hit, title: str) -> bool:
    """Whether a one-word demonym without the article at token ``j``, right after a definite title (الأمير،
    الشاعر السعودي، وزير الخارجية), is a given name (تركي): an adjective of a definite noun takes the article
    (الأمير التركي), so before a family name or بن it opens the holder's name (الأمير تركي الفيصل، الشاعر تركي
    الحربي); after an indefinite title it is the adjective (مسؤول تركي كبير), and so before a noun that specifies
    it (الشاعر تركي الجنسية: lexicon.yaml nisba_specifiers).

    >>> d = Doc("a", "وقال الأمير تركي الفيصل إن المملكة قوية")
    >>> _indefinite_demonym_name(lexicon(), d, 2, _match_at(lexicon(), d.tokens, 2, d.text), "الأمير")
    True
    """
    if not _bare_one_word(doc.tokens, j, hit) or not (title.startswith(("ال", "وال")) or " " in title.strip()):
        return False
    return _family_name_next(lex, doc, j)


def _family_name_next(lex: Lexicon, doc: Doc, j: int) -> bool:
    """Does a family name (a word with the article that is no known entity, common word or nisba specifier) or بن
    come right after token ``j``?

    >>> lex = lexicon()
    >>> _family_name_next(lex, Doc("a", "وقال تركي العمري إن"), 1), _family_name_next(lex, Doc("a", "تركي الجنسية"), 0)
    (True, False)
    """
    toks = doc.tokens
    if j + 1 >= len(toks) or not _gap_is_space(doc.text, toks[j], toks[j + 1]):
        return False
    nxt = toks[j + 1].norm
    return nxt in _NASAB or (nxt.startswith("ال") and len(nxt) > 4 and nxt not in lex.stop
                             and nxt not in lex.nisba_specifiers and not _match_at(lex, toks, j + 1, doc.text))


def _demonym_after_verb(lex: Lexicon, doc: Doc, i: int, hit) -> bool:
    """Is the one-word demonym without the article at token ``i``, right after a speech verb and before a family
    name, a given name (وقال تركي العمري إن)? An adjective never follows a verb with no noun before it.

    >>> d = Doc("a", "وأكد تركي العمري أن الفريق جاهز")
    >>> _demonym_after_verb(lexicon(), d, 1, _match_at(lexicon(), d.tokens, 1, d.text))
    True
    """
    toks = doc.tokens
    if not (hit[1].demonym and i and _bare_one_word(toks, i, hit)):
        return False
    return (_said_verb(lex, toks[i - 1].norm) and _gap_is_space(doc.text, toks[i - 1], toks[i])
            and _family_name_next(lex, doc, i))


def _bare_one_word(toks: list[Token], j: int, hit) -> bool:
    """Is the gazetteer hit at token ``j`` one word as written, without the article (تركي, not التركي)?"""
    return len(hit[0]) == 1 and toks[j].start == hit[2] and not toks[j].norm.startswith(("ال", "وال"))


def _said_verb(lex: Lexicon, word: str) -> bool:
    """Is the normalized word (clitics allowed) a speech verb, past or present (وقال، ويؤكد)?

    >>> _said_verb(lexicon(), "وقال"), _said_verb(lexicon(), "ويؤكد"), _said_verb(lexicon(), "وزار")
    (True, True, False)
    """
    return any(v in lex.speech_verbs or v in lex.present_speech_verbs for v in clitic_variants(word, 2))


def _reads_as_given(lex: Lexicon, word: str) -> bool:
    """Whether a normalized word reads as a given name: listed, or scored well above O by the name tagger.

    >>> _reads_as_given(lexicon(), "نبيل"), _reads_as_given(lexicon(), "بالمنطقه")
    (True, False)
    """
    return word in lex.given_names or word in lex.arabic_given or _word_score(word) >= _LIST_NAME_SCORE


_OFFICE_PREPOSITIONS = frozenset({"في", "لدي"})  # normalized: لدى
_QUOTED_REACH = 4  # words a quoted body or brand after an office may hold


def _quoted_phrase_at(doc: Doc, j: int) -> int:
    """How many tokens from ``j`` stand between quotation marks opened right before token ``j`` (0 if none).

    >>> d = Doc("a", "وقال مدير «مكتبة النور» سالم الدوسري")
    >>> _quoted_phrase_at(d, 2), _quoted_phrase_at(d, 4)
    (2, 0)
    """
    toks, text = doc.tokens, doc.text
    s = toks[j].start
    if not (s > 0 and text[s - 1] in _OPEN_QUOTES and text[s - 2:s - 1] in (" ", "")):
        return 0
    for k in range(j, min(j + _QUOTED_REACH, len(toks))):
        if k > j and not _gap_is_space(text, toks[k - 1], toks[k]):
            return 0
        if toks[k].end < len(text) and text[toks[k].end] in _CLOSE_QUOTES:
            return k - j + 1
    return 0


def _preposition_on_name(lex: Lexicon, word: str) -> bool:
    """Whether a normalized word is a preposition (ب، ل، ك) on a listed given name, and not itself one.

    >>> _preposition_on_name(lexicon(), "بوليد"), _preposition_on_name(lexicon(), "بسام")
    (True, False)
    """
    if word[:1] not in "بلك" or word in lex.given_names or len(word) < 4:
        return False
    return word[1:] in lex.given_names


def _org_phrase(lex: Lexicon, doc: Doc, j: int) -> int:
    """An organization phrase not in the gazetteer after an org title: لرابطة العالم الإسلامي، وزارة الخارجية.

    It opens with an organization head or a genitive ل, and goes on with definite words; returns its length.
    """
    toks, text = doc.tokens, doc.text
    if j >= len(toks) or _match_at(lex, toks, j, text):
        return 0
    first = toks[j].norm
    opens = first in lex.org_heads or (first[:1] == "ل" and not first.startswith("لل") and len(first) > 3)
    if not opens and not any(first == key[0] for key in lex.govbodies):
        return 0
    k = 1
    while j + k < len(toks) and k < 5 and _gap_is_space(text, toks[j + k - 1], toks[j + k]):
        if not toks[j + k].norm.startswith("ال") or _match_at(lex, toks, j + k, text):
            break
        k += 1
    return k if k > 1 else 0


def _known_person(lex: Lexicon, toks: list[Token], j: int, count: int, text: str) -> str:
    """The known person (``data/people.yaml``) a name at tokens ``j:j+count`` names: written as the data writes
    it, or ending on the person's surname with no first word the data never gives the person (ماريا كوستا is not
    António Costa, whose names are أنطونيو كوستا).
    """
    hit = _match_at(lex, toks, j, text)
    if hit and hit[1].kind == "person":
        return hit[1].actor_id
    aid = lex.surnames.get(toks[j + count - 1].norm, "")
    if aid and count > 1 and toks[j].norm in lex.given_names and toks[j].norm not in lex.person_words.get(aid, ()):
        return ""
    return aid


def _opens_clause(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a clause: وقال / فقال, or first after punctuation or the sentence start."""
    tok = doc.tokens[i]
    if tok.norm[:1] in "وف" and len(tok.norm) > 3:
        return True
    before = doc.text[doc.tokens[i - 1].end:tok.start] if i else "\n"
    if i and doc.tokens[i - 1].norm in lexicon().stop:
        return True  # ثم أكد، كما قال
    return any(c in before for c in "\n.،,:؛«»“”\"") or doc.sentence_id(tok.start) != doc.sentence_id(
        doc.tokens[i - 1].start if i else 0)


def _opens_name(doc: Doc, i: int, tok: Token, given: str) -> bool:
    """A given name opens a person's name when it stands alone or after و / ف (لدينا is not دينا); a given name
    that is also a nasab connector (بن: Ben) only at the start of a clause or after a verb (وقال بن والاس), not
    after another word (عبدالله الثاني بن الحسين: the nasab of the name before)."""
    if not (tok.norm == given or tok.norm[: len(tok.norm) - len(given)] in ("و", "ف")):
        return False
    if given in _CONNECTORS and tok.norm == given and i:
        prev = doc.tokens[i - 1]
        lex = lexicon()
        return not _gap_is_space(doc.text, prev, tok) or any(
            v in lex.speech_verbs or v in lex.agent_verbs for v in clitic_variants(prev.norm, 2))
    return True


def _ends_at_boundary(lex: Lexicon, doc: Doc, last: int) -> bool:
    """Whether a name ending at token ``last`` is followed by a boundary: punctuation, a function word, a verb.

    Unknown names found after a title must pass this: "أدان الأمين العام بشدة قتل الرضيع" names nobody.
    """
    toks, text = doc.tokens, doc.text
    if last + 1 >= len(toks) or not _gap_is_space(text, toks[last], toks[last + 1]):
        return True
    nxt = toks[last + 1].norm
    return (nxt in lex.stop or nxt.startswith(_NAME_BOUNDARY_STARTS) or clitic_variants(nxt, 2)[-1] in lex.stop
            or (nxt[:1] == "و" and len(nxt) > 3) or _is_trigger(nxt)
            or nxt in lex.office_heads or nxt in lex.list_openers)  # … مدير الاتصالات، … بحضور: apposition, a list


def _other_candidates(lex: Lexicon, doc: Doc, i: int, rows: list[dict]) -> int:
    """Speakers and agents with no title (وقال شولتز), places after a place noun, unknown organizations."""
    toks, text = doc.tokens, doc.text
    tok = toks[i]
    base = clitic_variants(tok.norm, 2)
    if tok.norm in lex.anaphors:
        if i and any(v in lex.speech_verbs or v in lex.agent_verbs for v in clitic_variants(toks[i - 1].norm, 2)):
            rows.append(_candidate(doc, tok.start, tok.end, "", evidence="pronoun", form="pronoun"))
        return 1
    if any(v in lex.speech_verbs or v in lex.agent_verbs for v in base) and i + 1 < len(toks):
        j = i + 1
        if not _gap_is_space(text, tok, toks[j]) or not _opens_clause(doc, i):
            return 1
        count = _name_after(lex, doc, j, max_len=3)
        if count and toks[j].norm.endswith("ه"):
            count = 0  # ends in teh marbuta: a feminine noun (مذكرة), not a name
        if toks[j].norm in lex.object_pronouns:
            count = 0  # the verb's indirect object (قال لي في مكتبه، قال لي صديقي), not a speaker named لي
        while count > 1 and toks[j + count - 1].norm[:1] == "ل" and _match_at(lex, toks, j + count, text):
            count -= 1  # قال شارما لأخبار بلومبيرج: «لـ + a noun» before a known body is whom he told
        if count and not _match_at(lex, toks, j, text):
            end_tok = j + count
            nxt = text[toks[end_tok - 1].end:toks[end_tok - 1].end + 3] if end_tok <= len(toks) else ""
            after = toks[end_tok].norm if end_tok < len(toks) else ""
            # a speaker is followed by punctuation, إن/أن, or a preposition, not by more running text
            if nxt[:1] in ":،,." or nxt.strip()[:1] in (":", "،", ",", ".", "«", "“", '"') or (
                    after in _COMPLEMENTIZERS) or after in {
                "في", "على", "الي", "خلال", "عبر", "بعد", "امام", "لـ", "مع"} or (
                    after[:1] == "ل" and _match_at(lex, toks, end_tok + 1, text)):
                s, e = toks[j].start, toks[end_tok - 1].end
                known = _known_person(lex, toks, j, count, text)
                rows.append(_candidate(doc, s, e, known, name_key=" ".join(t.norm for t in toks[j:end_tok]),
                                       evidence="verb"))
                return end_tok - i
        return 1
    given = next((v for v in base if v in lex.given_names), None)
    if given and _opens_name(doc, i, tok, given):
        count = _name_after(lex, doc, i, max_len=4)
        if count >= 2 and not _match_at(lex, toks, i + 1, text):
            s = _token_span(tok, given)
            e = toks[i + count - 1].end
            key = " ".join([given] + [t.norm for t in toks[i + 1:i + count]])
            known = _known_person(lex, toks, i, count, text)
            rows.append(_candidate(doc, s, e, known, name_key=key, evidence="verb"))
            return count
    if (tok.norm in lex.place_heads and i + 1 < len(toks) and _gap_is_space(text, tok, toks[i + 1])
            and not _match_at(lex, toks, i + 1, text)):
        count = _name_after(lex, doc, i + 1, max_len=2)
        if count == 2 and toks[i + 2].norm in lex.given_names:
            count = 1  # أمير منطقة حائل سعود بن عبدالمحسن: the place ends where a given name starts
        if count:
            s, e = toks[i + 1].start, toks[i + count].end
            name = " ".join(t.norm for t in toks[i + 1:i + 1 + count])
            rows.append(_candidate(doc, s, e, "", name_key=name, evidence="place"))
            return count + 1
    if tok.norm in lex.org_heads and i + 1 < len(toks) and _gap_is_space(text, tok, toks[i + 1]):
        j = i + 1
        k = 0
        while j + k < len(toks) and k < 4 and _gap_is_space(text, toks[j + k - 1], toks[j + k]):
            w = toks[j + k].norm
            if w in lex.stop or not _NAME_CHAR_RE.match(w) or w.startswith(("لل", "بال", "وال", "فال", "كال")):
                break
            k += 1
        # a named organization ends in a definite word: منظمة العفو الدولية، اتحاد صناعة السيارات (not لجنة خاصة)
        while k and not toks[j + k - 1].norm.startswith("ال"):
            k -= 1
        given = next((p for p in range(1, k) if toks[j + p].norm in lex.given_names), 0)
        if given and k - given <= 2:
            k = given  # وزارة الداخلية محمد العلي، الاتحاد الدولي أسامة المولد: the body's name ends where a person's
            # name closes the run (not شركة مجموعة عبداللطيف العيسى القابضة: a company named after its founder)
        if k and toks[j + k - 1].norm in _ROYAL_TITLES and j + k < len(toks):
            named = _name_after(lex, doc, j + k)  # جامعة الإمام محمد بن سعود الإسلامية: named after a person
            if named:
                k += named
                while (j + k < len(toks) and k < 12 and toks[j + k].norm.startswith("ال")
                       and toks[j + k].norm not in lex.stop and _gap_is_space(text, toks[j + k - 1], toks[j + k])):
                    k += 1  # … الإسلامية
        if k:
            s, e = tok.start, toks[j + k - 1].end
            rows.append(_candidate(doc, s, e, "", name_key=norm(text[s:e]), evidence=lex.org_heads[tok.norm]))
            return k + 1
    return 1


# --- corpus level ------------------------------------------------------------------------------------


# a foreign g is written غ in one outlet and ج (or گ) in another: دييغو / دييجو مارادونا; inside a word only, since
# at the start both letters open distinct Arabic names (غازي، جازي)
_G_INSIDE = str.maketrans("غگ", "جج")


@lru_cache(maxsize=250_000)  # bounded: one entry per word type, the vocabulary of a corpus
def skeleton(word: str) -> str:
    """A spelling key: the normalized word without its long vowels and hamza, but the first letter; غ and گ
    inside a word read as ج.

    >>> skeleton("زيلينسكي") == skeleton("زيلنسكي"), skeleton("ترمب") == skeleton("ترامب")
    (True, True)
    >>> skeleton("دييغو مارادونا") == skeleton("دييجو مارادونا"), skeleton("غازي") == skeleton("جازي")
    (True, False)
    """
    w = "".join(x[:1] + x[1:].translate(_G_INSIDE) for x in norm(word).split())
    return w[:1] + re.sub("[اويءئؤ]", "", w[1:])


_TRANSLIT = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a",
    "ء": "'", "ئ": "'", "ؤ": "'", "پ": "p", "چ": "ch", "گ": "g", "ڤ": "v",
}


def transliterate(name: str) -> str:
    """A readable Latin transliteration of an Arabic name (long vowels as written; short ones are not).

    >>> transliterate("شولتز"), transliterate("ماورو فييرا")
    ('Shultz', 'Mauru Fyira')
    """
    words = []
    for w in name.split():
        out = []
        for k, ch in enumerate(w):
            if ch in "ًٌٍَُِّْـ":
                continue
            if ch == "و" and 0 < k < len(w):
                out.append("u" if not (k + 1 < len(w) and w[k + 1] in "اوي") else "w")
            elif ch == "ي" and 0 < k < len(w) - 1 and w[k + 1] not in "اوي":
                out.append("i")
            elif ch == "ي" and k == len(w) - 1 and k:
                out.append("i")
            else:
                out.append(_TRANSLIT.get(ch, ch))
        s = "".join(out).replace("''", "'")
        words.append(s[:1].upper() + s[1:])
    return " ".join(words)


@dataclass
class _Person:
    actor_id: str
    names: Counter = field(default_factory=Counter)  # full names as written
    roles: Counter = field(default_factory=Counter)  # (role_ar, role_en, affiliation)
    articles: set = field(default_factory=set)


def finalize(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Turn the candidates into the ``mentions`` and ``actors`` tables: merge spellings, resolve surnames."""
    cands = tables.pop("_actor_candidates")
    mentions, actors = resolve(cands, tables["articles"])
    tables["mentions"], tables["actors"] = mentions, actors
    return tables


def resolve(cands: pd.DataFrame | list[dict], articles: pd.DataFrame | None = None
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Assign every candidate (a DataFrame or a list of rows) an actor and build ``(mentions, actors)``."""
    lex = lexicon()
    records = cands.to_dict("records") if isinstance(cands, pd.DataFrame) else [dict(r) for r in cands]
    persons: dict[str, _Person] = {}
    by_skeleton: dict[tuple[str, ...], str] = {}  # the name's spelling keys (_name_parts) → person id
    surname_in_article: dict[tuple[str, str], list] = defaultdict(list)  # → [(start, sentence, person)]
    surname_anywhere: dict[str, set[str]] = defaultdict(set)
    surname_written: set[tuple[str, str]] = set()  # (person, surname as written)
    first_in_article: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, given name) → persons
    given_of: dict[str, str] = {}  # person → the given name it was first written with
    extra: dict[str, Entity] = {}

    def person_for(name_key: str, known: str) -> str:
        if known:
            return known
        sk = _name_parts(formal_name(lex, name_key))
        if sk in by_skeleton:
            return by_skeleton[sk]
        pid = "person:" + (slug(transliterate(name_key)) or f"p{len(persons)}")
        while pid in persons and _name_parts(norm(" ".join(persons[pid].names))) != sk:
            pid += "-2"
        by_skeleton[sk] = pid
        return pid

    _expand_short_names(records)
    # 1. persons introduced with a full name (two words or more, or known), and their bare surnames
    for r in records:
        if r["evidence"] == "surname":
            continue  # after the full names: the family's person nearest before (_family_member)
        parts = _glued(r["name_key"].split())  # عبد الله is one part: alone it is no full name
        if r["evidence"] in PERSON_EVIDENCE and r["name_key"] and (len(parts) > 1 or r["actor_id"]):
            pid = person_for(r["name_key"], r["actor_id"])
            r["actor_id"] = pid
            p = persons.setdefault(pid, _Person(pid))
            p.names[r["surface"]] += 1
            if r["role_en"] and r["role_en"] not in RELATIONAL_ROLES:
                p.roles[(r["role_ar"], r["role_en"], r["affiliation"])] += 1
            p.articles.add(r["article_id"])
            first_in_article[(r["article_id"], parts[0])].add(pid)
            given_of.setdefault(pid, parts[0])
            last = parts[-1] if parts[-1] not in lex.generations else parts[-2]  # محمود عبد الله: عبدالله;
            # توم ريد الأصغر: ريد
            if len(parts) > 1 and parts[-2] in _NASAB:
                continue  # محمد بن سلمان: a father's name, not a family name a bare «سلمان» would stand for
            surname_in_article[(r["article_id"], skeleton(last))].append((r["start"], r["sentence_id"], pid))
            surname_anywhere[skeleton(last)].add(pid)
            surname_written.add((pid, last))
    for r in records:
        if r["evidence"] == "surname":
            r["actor_id"] = _family_member(r, surname_in_article, given_of) or person_for(r["name_key"], r["actor_id"])
            persons.setdefault(r["actor_id"], _Person(r["actor_id"])).articles.add(r["article_id"])
    # 2. single names (الرئيس عباس، وقال شولتز): the same article's person, the corpus's, or a new person
    for r in records:
        if r["actor_id"] or not r["name_key"] or r["evidence"] not in PERSON_EVIDENCE:
            continue
        last = _glued(r["name_key"].split())[-1]
        pid = _surname_holder(surname_in_article.get((r["article_id"], skeleton(last)), ()), r["start"],
                              r["sentence_id"])
        firsts = first_in_article.get((r["article_id"], last), ())
        if pid is None and len(firsts) == 1 and _given_name_alone(lex, r["name_key"]) and norm(
                r["role_ar"]) not in _SOVEREIGNS:  # قال ماثيو after «ماثيو كوب»: the one person of that given
            pid = next(iter(firsts))  # name here; not الملك فهد after «فهد الأسمر»
        anywhere = surname_anywhere.get(skeleton(last), ()) if not ({last, "ال" + last} & lex.titles_by_first.keys()) \
            else ()  # شيخ alone (شيخ الأزهر) is a title, not the family of «عبد اللطيف آل شيخ» elsewhere
        if pid is None and len(anywhere) == 1 and not _given_name_alone(lex, r["name_key"]) and (
                next(iter(anywhere)), last) in surname_written:  # not a bare جون: another article's ... جون is
            pid = next(iter(anywhere))  # someone else; across articles the surname as written (ماهر is not موهر)
        r["actor_id"] = pid or person_for(r["name_key"], "")
        p = persons.setdefault(r["actor_id"], _Person(r["actor_id"]))
        p.names[r["surface"]] += 1
        p.articles.add(r["article_id"])
        if r["role_en"] and r["role_en"] not in RELATIONAL_ROLES:
            p.roles[(r["role_ar"], r["role_en"], r["affiliation"])] += 1
    # 2b. an office named without a name (الرئيس الفرنسي): the person holding it in the article, else the corpus
    holders: dict[tuple, set[str]] = defaultdict(set)
    for r in records:
        if r["evidence"] in ("title", "verb") and r["actor_id"] and r["role_en"]:
            holders[(r["article_id"], r["role_en"], r["affiliation"])].add(r["actor_id"])
            holders[("", r["role_en"], r["affiliation"], _office_body(r["role_ar"]))].add(r["actor_id"])
    for r in records:
        if r["evidence"] != "role":
            continue
        local = holders.get((r["article_id"], r["role_en"], r["affiliation"]), set())
        # across articles, the holder of the same office of the same body (or of none: الرئيس الألماني is not the
        # head of «مركز الدراسات الشرقية في ألمانيا»)
        anywhere = holders.get(("", r["role_en"], r["affiliation"], _office_body(r["role_ar"])), set())
        pick = local if len(local) == 1 else anywhere if len(anywhere) == 1 else set()
        r["actor_id"] = next(iter(pick)) if pick else ""
        r["role_en"] = r["role_ar"] = ""  # the office is recorded on the person already
    # 2c. an anaphor (وقال الأخير) stands for the person named last before it in the article
    last_person: dict[str, str] = {}
    for r in sorted(records, key=lambda r: (r["article_id"], r["start"])):
        if r["evidence"] == "pronoun":
            r["actor_id"] = last_person.get(r["article_id"], "")
        elif r["actor_id"] in persons or r["actor_id"] in lex.people:
            last_person[r["article_id"]] = r["actor_id"]
    # 3. government bodies, places after a place noun, unknown organizations
    body_ids: dict[tuple[str, str], str] = {}
    for r in records:
        if r["evidence"] == "govbody":
            extra.setdefault(r["actor_id"], Entity(r["actor_id"], "organization", r["surface"], r["role_en"],
                                                   r["affiliation"]))
            r["role_en"] = r["role_ar"] = ""
            continue
        if r["actor_id"]:
            continue
        kind = {"place": "place", "organization": "organization", "group": "group"}.get(r["evidence"])
        if not kind:
            continue
        known = _known_variant(lex, r["name_key"])
        if known:  # فيفا when the data knows الفيفا
            r["actor_id"] = known.actor_id
            continue
        prefix = "place" if kind == "place" else "org"
        bare = _without_article(r["name_key"])
        # one body however its long vowels are spelt (البنك المركزي الأمريكي / الأميركي): names of two words or
        # more by their spelling key, the first spelling met giving the id; a single word only as written
        spelling = (prefix, _body_key(bare)) if len(bare.split()) > 1 else (prefix, bare)
        aid = body_ids.setdefault(spelling, f"{prefix}:{slug(transliterate(bare))}")
        r["actor_id"] = aid
        extra.setdefault(aid, Entity(aid, kind, r["surface"], transliterate(r["surface"])))
    mentions = pd.DataFrame([r for r in records if r["actor_id"]], columns=CANDIDATE_COLUMNS)
    mentions = (mentions.sort_values(["article_id", "start"]).drop_duplicates(["article_id", "start", "end"])
                .reset_index(drop=True))
    actors = _actor_table(mentions, persons, extra, lex)
    return mentions[MENTION_COLUMNS], actors


@lru_cache(maxsize=65_536)  # bounded: one entry per office as written
def _office_body(role_ar: str) -> tuple[str, ...]:
    """The body an office names, as the spelling keys of its head noun (an organization's or institution's) and the
    word after it (رئيس مركز الدراسات الشرقية في ألمانيا → مركز الدراسات); () for an office of no named body
    (الرئيس الألماني). Across articles, only the holder of the same body's office stands for it.

    >>> _office_body("رئيس مركز الدراسات في ألمانيا") == (skeleton("مركز"), skeleton("الدراسات"))
    True
    >>> _office_body("الرئيس الألماني")
    ()
    """
    lex = lexicon()
    words = norm(role_ar).split()
    for k in range(1, len(words)):
        if any(v in lex.org_heads or v in lex.institution_nouns for v in clitic_variants(words[k], 2)):
            return tuple(skeleton(clitic_variants(w, 2)[-1] if i == 0 else w)
                         for i, w in enumerate(words[k:k + 2]))
    return ()


def _surname_holder(named: list[tuple[int, int, str]] | tuple, start: int, sentence: int) -> str | None:
    """Of the persons an article named in full with one surname (``(start, sentence, person)`` in any order), the
    one a bare surname at ``start`` in ``sentence`` stands for: the one named last before it in that sentence or
    the one before («البلوي» after «حامد البلوي» is Hamed, though «إبراهيم البلوي» was named earlier); else the one
    the article names most often (the minister «جون كيري», not his wife «تيريزا هاينز كيري» named once in passing),
    the nearest before on a tie, else the first named after it.

    >>> _surname_holder([(10, 0, "ibrahim"), (90, 3, "hamed")], 120, 3)
    'hamed'
    >>> _surname_holder([(0, 0, "john"), (50, 2, "john"), (90, 4, "teresa")], 300, 9)
    'john'
    >>> _surname_holder([(10, 0, "a"), (90, 5, "b")], 50, 2), _surname_holder([(90, 1, "b")], 5, 0)
    ('a', 'b')
    """
    if not named:
        return None
    before = [n for n in named if n[0] <= start]
    if before and sentence - max(before)[1] <= 1:
        return max(before)[2]
    counts = Counter(pid for *_, pid in named)
    top = max(counts.values())
    named = [n for n in named if counts[n[2]] == top]
    before = [n for n in named if n[0] <= start]
    return max(before)[2] if before else min(named)[2]


def _family_member(r: dict, surname_in_article: dict[tuple[str, str], list], given_of: dict[str, str]
                   ) -> str | None:
    """The person a bare surname found by :func:`_local_surnames` stands for when the article named several of
    that family in full with different given names (``given_of``: person → given name; أحمد سلامة and his
    daughter نادية سلامة): the one :func:`_surname_holder` picks, not the first named; None when one given name or
    none holds it (the surname's own person then).

    >>> named = {("a", skeleton("سلامة")): [(0, 0, "ahmad"), (40, 2, "faten")]}
    >>> r = {"article_id": "a", "surface": "سلامة", "start": 60, "sentence_id": 3}
    >>> _family_member(r, named, {"ahmad": "احمد", "faten": "فاتن"}), _family_member(r, named, {})
    ('faten', 'faten')
    >>> _family_member(r, named, {"ahmad": "احمد", "faten": "احمد"}) is None
    True
    """
    named = surname_in_article.get((r["article_id"], skeleton(norm(r["surface"]).split()[-1])), ())
    if len({given_of.get(pid, pid) for *_, pid in named}) < 2:
        return None  # سالم بن علي آل حامد and سالم آل حامد: one given name, one man written two ways
    return _surname_holder(named, r["start"], r["sentence_id"])


_NASAB = frozenset({"بن", "ابن", "بنت"})
_SOVEREIGNS = frozenset({"الملك", "السلطان", "الخديوي", "الخديو", "النبي", "الرسول", "الامام"})  # a title
# before a given name alone that names a sovereign or a prophet, not the commoner of that given name
_GLUED = ("عبد", "ابو")  # written apart or together: عبد العزيز = عبدالعزيز


def _given_name_alone(lex: Lexicon, name_key: str) -> bool:
    """Whether a one-word name is a listed given name (جون، محمد), which names a person only in its own article:
    in another, the same word ending a full name (كينوين جون) is most likely someone else.

    >>> _given_name_alone(lexicon(), "جون"), _given_name_alone(lexicon(), "كيري")
    (True, False)
    """
    words = _glued(name_key.split())
    return len(words) == 1 and words[0] in lex.given_names


@cache
def _body_key(name: str) -> tuple[tuple[str, str], ...]:
    """A spelling key for an organization's or place's name: per word (عبد and أبو joined to the next), its
    :func:`skeleton` and its first two letters after the article, so that long vowels written or not, and moved,
    do not make two bodies (الأمريكي / الأميركي، السوفيتي / السوفياتي، لوس انجلس / أنجليس) but words that only share
    their consonants do (جامعة / جماعة، هوندا / هيونداي، الروماني / الأرمن).

    >>> _body_key("وزارة العدل الأمريكية") == _body_key("وزارة العدل الأميركية")
    True
    >>> _body_key("جامعة المسجد") == _body_key("جماعة المسجد"), _body_key("هوندا موتور") == _body_key("هيونداي موتور")
    (False, False)
    """
    return tuple((skeleton(w), (w[2:] if w.startswith("ال") and len(w) > 3 else w)[:2])
                 for w in _glued(norm(name).split()))


def _glued(words: list[str]) -> list[str]:
    """Normalized words with عبد and أبو joined to the next (عبد الله = عبدالله), as a name is compared.

    >>> _glued(["سلمان", "بن", "عبد", "العزيز"])
    ['سلمان', 'بن', 'عبدالعزيز']
    """
    out: list[str] = []
    for w in words:
        if out and out[-1] in _GLUED:
            out[-1] += w
        else:
            out.append(w)
    return out


@cache
def _name_parts(name_key: str) -> tuple[str, ...]:
    """A person's name key as spelling keys (:func:`skeleton`) of its parts, عبد and أبو joined to the next word.

    >>> _name_parts("سلمان بن عبد العزيز") == _name_parts("سلمان بن عبدالعزيز")
    True
    >>> _name_parts("محمود علوي") == _name_parts("محمد علي"), _name_parts("دونالد ترمب") == _name_parts("دونالد ترامب")
    (False, True)
    """
    given = lexicon().arabic_given  # Arabic given names differ by their long vowels: محمد / محمود, علي / علوي
    return tuple(w if w in _NASAB or w in given else skeleton(w) for w in _glued(name_key.split()))


_CONNECTOR_PARTS = frozenset(skeleton(c) for c in _CONNECTORS) | _NASAB


def short_form_of(short: str, full: str) -> bool:
    """Whether a person's name ``short`` (two parts or more) is a shorter way of writing ``full``: a prefix of the
    full nasab that ends on a name (محمد بن سلمان of محمد بن سلمان بن عبدالعزيز), or the given name and the
    surname (دونالد ترامب of دونالد جون ترامب; for a nasab only when its last word is a family name with the
    article, توفيق السديري of توفيق بن عبدالعزيز السديري, since otherwise it is a grandfather).

    >>> short_form_of("محمد بن سلمان", "محمد بن سلمان بن عبد العزيز"), short_form_of("عبد الله", "عبد الله بن علي")
    (True, False)
    >>> short_form_of("توفيق السديري", "توفيق بن عبدالعزيز السديري"), short_form_of("محمد علي", "محمد بن سالم بن علي")
    (True, False)
    >>> short_form_of("خالد العبيدي", "خالد بن صالح العباد"), short_form_of("جيب بوش", "توم ريد الاصغر")
    (False, False)
    """
    s, f = _name_parts(short), _name_parts(full)
    if len(s) >= len(f) or s[-1] in _CONNECTOR_PARTS or sum(w not in _CONNECTOR_PARTS for w in s) < 2:
        return False  # عبد الله، أبو محمد: a given name or a kunya alone is not a person's name
    if f[:len(s)] == s:
        return _generation_last(short) == _generation_last(full)  # توم ريد الأصغر is the son of توم ريد, not a
        # longer way of writing him
    if len(s) != 2 or s != (f[0], f[-1]):
        return False
    if not _NASAB & set(f):
        return True
    # a nasab: only when it ends on a family name, written the same letter for letter (spelling keys would take
    # العبيدي for العباد, حامد for حمد: names that differ in their long vowels)
    full_words = _glued(norm(full).split())
    return _family_name_last(full) and _glued(norm(short).split()) == [full_words[0], full_words[-1]]


def _generation_last(name_key: str) -> bool:
    """Whether a person's name key ends on a word of generation (توم ريد الاصغر، جورج بوش الاب).

    >>> _generation_last("توم ريد الاصغر"), _generation_last("جيب بوش")
    (True, False)
    """
    return name_key.rsplit(" ", 1)[-1] in lexicon().generations


def _family_name_last(name: str) -> bool:
    """Whether a name ends on a family name with the article (السديري), not on a given name (علي، عبد الرحمن).

    >>> _family_name_last("توفيق بن عبدالعزيز السديري"), _family_name_last("محمد بن عبد الرحمن")
    (True, False)
    """
    words = _glued(norm(name).split())  # عبد الرحمن is one word, عبدالرحمن: a given name
    return len(words) > 1 and words[-1].startswith("ال") and len(words[-1]) > 3 and words[-1] != "الله"


_DOMINANT = 3  # a longer name stands for a short one across the corpus when 3 times as many articles write it


def _expand_short_names(records: list[dict]) -> None:
    """Give a person named by a shorter form the name key (and known id) of the longer name it stands for: the
    article's own longer name, else the corpus's when only one person there has a longer name it fits."""
    fulls: dict[str, dict[str, str]] = defaultdict(dict)  # article → full name key → actor id
    for r in records:
        if r["evidence"] in PERSON_EVIDENCE and len(_name_parts(r["name_key"])) > 2:
            fulls[r["article_id"]].setdefault(r["name_key"], r["actor_id"])
    everywhere: dict[str, set[str]] = defaultdict(set)
    articles: Counter = Counter()  # full name → articles that write it
    for names in fulls.values():
        for name, aid in names.items():
            everywhere[name].add(aid)
            articles[name] += 1

    def by_first(names) -> dict[str, list[str]]:  # full names by their first part: a short form shares it
        out: dict[str, list[str]] = defaultdict(list)
        for f in names:
            out[_name_parts(f)[0]].append(f)
        return out

    local_index = {aid: by_first(names) for aid, names in fulls.items()}
    everywhere_index = by_first(everywhere)

    def longest(short: str, index: dict[str, list[str]], dominant: bool = False) -> str | None:
        fits = [f for f in index.get(_name_parts(short)[0], ()) if short_form_of(short, f)]
        top = {_name_parts(f): f for f in fits if not any(short_form_of(f, g) for g in fits)}
        if len(top) == 1:
            return next(iter(top.values()))  # one person, maybe spelled two ways
        if dominant and top:  # across the corpus: the longer name most articles write, when it outnumbers the
            ranked = sorted(top.values(), key=lambda f: -articles[f])  # rest (a run-on «محمد بن سلمان بعلاج»)
            if articles[ranked[0]] >= _DOMINANT * articles[ranked[1]]:
                return ranked[0]
        return None

    renamed: dict[tuple[str, str], tuple[str, str]] = {}  # (article, short name) → (full name, actor id)
    for r in records:
        if r["evidence"] not in PERSON_EVIDENCE or r["actor_id"]:
            continue
        short = r["name_key"]
        if len(_name_parts(short)) < 2:
            continue
        local = fulls.get(r["article_id"], {})
        full = longest(short, local_index.get(r["article_id"], {}))
        aid = local.get(full, "") if full else ""
        if full is None:
            full = longest(short, everywhere_index, dominant=True)
            if full is None or len(everywhere[full]) > 1:
                continue
            aid = next(iter(everywhere[full]))
        renamed[(r["article_id"], short)] = (full, aid)
        r["name_key"] = full
        r["actor_id"] = aid
    for r in records:  # the bare surnames of a renamed person (_local_surnames keyed them by the short name)
        if r["evidence"] == "surname" and (r["article_id"], r["name_key"]) in renamed:
            r["name_key"], r["actor_id"] = renamed[(r["article_id"], r["name_key"])]


def formal_name(lex: Lexicon, name_key: str) -> str:
    """A person's name key with a short given name written in full (سيب بلاتر → جوزيف بلاتر), to merge the two.

    >>> formal_name(lexicon(), "سيب بلاتر"), formal_name(lexicon(), "هيلاري كلينتون")
    ('جوزيف بلاتر', 'هيلاري كلينتون')
    """
    first, _, rest = name_key.partition(" ")
    full = lex.nicknames.get(first)
    return f"{full} {rest}" if full and rest else name_key


def _without_article(name_key: str) -> str:
    """A name's key without the article on its first word, so that الفيفا and فيفا are one actor.

    >>> _without_article("الفيفا"), _without_article("الامم المتحده"), _without_article("الي")
    ('فيفا', 'امم المتحده', 'الي')
    """
    first, _, rest = name_key.partition(" ")
    if first.startswith("ال") and len(first) > 4:
        first = first[2:]
    return f"{first} {rest}" if rest else first


def _known_variant(lex: Lexicon, name_key: str) -> Entity | None:
    """The curated organization or place a name names, as written or with or without the article on its first
    word.

    >>> _known_variant(lexicon(), "ناتو").name_en
    'NATO'
    """
    words = name_key.split()
    if not words:
        return None
    first = words[0]
    other = first[2:] if first.startswith("ال") and len(first) > 4 else "ال" + first
    for key in (tuple(words), (other, *words[1:])):
        e = lex.entities.get(key)
        if e is not None and e.kind != "person" and not e.demonym:
            return e
    return None


def _actor_table(mentions: pd.DataFrame, persons: dict[str, _Person], extra: dict[str, Entity],
                 lex: Lexicon) -> pd.DataFrame:
    known = {e.actor_id: e for e in lex.entities.values() if not e.demonym}
    known |= {e.actor_id: e for e in lex.countries.values()}
    surfaces: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, set] = defaultdict(set)
    pronouns: Counter = Counter()
    for aid, actor, surface, form in zip(mentions["article_id"], mentions["actor_id"], mentions["surface"],
                                         mentions["form"], strict=True):
        articles[actor].add(aid)
        if form == "pronoun":  # الأخير counts as a mention, not as one of the actor's names
            pronouns[actor] += 1
            continue
        surfaces[actor][surface] += 1
    rows = []
    for aid, seen in surfaces.items():
        e = known.get(aid) or extra.get(aid)
        p = persons.get(aid)
        role_ar = role_en = ""
        affiliation = e.affiliation if e else ""
        if p and p.roles:
            (role_ar, role_en, aff), _ = p.roles.most_common(1)[0]
            affiliation = aff or affiliation
        elif e:
            role_ar, role_en = e.role_ar, e.role_en
        if e:
            kind, name_ar, name_en = e.kind, e.name_ar, e.name_en
        else:  # a person the corpus introduced: the longest name written, twice if any is (a name written once
            kind = "person"  # may have run on: «باراك أوباما أوكل», «سعود الفيصل رحمه»)
            names = p.names if p and p.names else seen
            names = {s_: c for s_, c in names.items() if len(_glued(norm(s_).split())) > 1} or names  # a full
            twice = {s_: c for s_, c in names.items() if c > 1}  # name, not a given name or surname said alone
            if not any(" " in s_ for s_ in twice):  # no full name written twice as such: one written twice in
                spelled = Counter()  # two spellings (أريانا هافينغتون / أريانا هافنغتون) before a bare surname
                for s_, c in names.items():
                    spelled[_name_parts(norm(s_))] += c
                twice = {s_: c for s_, c in names.items() if " " in s_ and spelled[_name_parts(norm(s_))] > 1} or twice
            names = twice or names
            name_ar = max(names, key=lambda s: (len(_glued(norm(s).split())), seen.get(s, 0), s))
            name_en = transliterate(norm(name_ar))
        rows.append({"actor_id": aid, "kind": kind, "name_ar": name_ar, "name_en": name_en, "role_ar": role_ar,
                     "role_en": role_en, "affiliation": affiliation,
                     "aliases": " | ".join(sorted(seen, key=lambda s: (-seen[s], s))),
                     "mentions": sum(seen.values()) + pronouns[aid], "articles": len(articles[aid])})
    df = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return df.sort_values(["mentions", "actor_id"], ascending=[False, True]).reset_index(drop=True)


class Mention(NamedTuple):
    """A mention of an actor in an article's text (a record; also indexable as ``(start, end, actor_id)``)."""

    start: int
    end: int
    actor_id: str


def mention_spans(mentions: pd.DataFrame, skip_kinds: tuple[str, ...] = (), actors: pd.DataFrame | None = None
                  ) -> dict[str, list[Mention]]:
    """``article_id → [Mention(start, end, actor_id), …]`` in text order, leaving out actors of ``skip_kinds``."""
    kinds = dict(zip(actors["actor_id"], actors["kind"], strict=True)) if actors is not None else {}
    spans: dict[str, list[Mention]] = defaultdict(list)
    for aid, s, e, actor in zip(mentions["article_id"], mentions["start"], mentions["end"], mentions["actor_id"],
                                strict=True):
        if not skip_kinds or kinds.get(actor) not in (*skip_kinds, None):
            spans[aid].append(Mention(int(s), int(e), actor))
    return spans


def extract_actors(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(mentions, actors)`` for an articles table (one process; the pipeline does the same in parallel).

    >>> from arnews.corpus import load
    >>> mentions, actors = extract_actors(load("seeds"))  # doctest: +SKIP
    """
    from arnews.corpus import docs

    rows = [r for d in docs(articles) for r in candidate_rows(d)]
    return resolve(rows, articles)


# --- the stage's contract (see arnews.stages) ----------------------------------------------------------------

STAGE = Stage(
    "actors", per_article=candidate_rows, rows_table="_actor_candidates", rows_columns=CANDIDATE_COLUMNS,
    rows_as="frame", corpus_step=finalize, requires=("articles",),
    caches=(_reads_as_verb, skeleton, _TRIGGER_CACHE, ner.clear_type_table, ner._item_features),
    produces={
        "mentions": Table(MENTION_COLUMNS, {
            "article_id": "the article",
            "start, end": "offsets of the name in the article text (clitics such as و ب ل left out)",
            "surface": "the name as written there",
            "actor_id": "the actor it refers to (see `actors.csv`)",
            "sentence_id": "the sentence holding it (see `sentences.csv`)",
            "form": "what the words are: `name` (ماكرون، وزارة الخارجية الروسية), `demonym` (an adjective: الفرنسي), "
                    "`office` (an office standing for its holder: وزير الخارجية السعودي), `capital` (a capital "
                    "standing for its government: موسكو ترفض), `pronoun` (وقال الأخير: the person named last) — count "
                    "`form == \"name\"` to count names apart from adjectives",
        }, about="`arnews.actors`"),
        "actors": Table(ACTOR_COLUMNS, {
            "actor_id": "`person:emmanuel-macron`, `country:FR`, `org:nato`, `org:fr-presidency`, `media:afp`, "
                        "`place:paris`",
            "kind": "person, country, organization, group, place or media",
            "name_ar, name_en": "display names: from the data where known (countries from Babel/CLDR), else the "
                                "longest full name written (at least twice, when one is: a run-on written once, «باراك "
                                "أوباما أوكل», does not name the actor; a name said alone, «كيري», only when no "
                                "full name is written) and a transliteration; for a speaker the name tagger missed, "
                                "the name its speaker phrase gives (see `quotes.speaker`)",
            "role_ar, role_en": "the title the text gives (`الرئيس الفرنسي`, President); for known office-holders "
                                "with no title in the text, their office from the data",
            "affiliation": "ISO 3166 alpha-2 code (`FR`) or another actor_id (`org:european-council`)",
            "aliases": "every form seen, most frequent first, `|`-separated",
            "mentions, articles": "how many mentions, in how many articles",
        }),
    },
)
