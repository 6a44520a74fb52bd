"""Readable English names for display: romanized where the name is only transliterated, once per name."""

import json

import pandas as pd
import pytest

from arnews import names
from arnews.actors import transliterate
from arnews.text import norm

romanizer = pytest.importorskip("arabic_name_romanizer")


def _actors(rows):
    return pd.DataFrame([{"actor_id": a, "kind": k, "name_ar": ar, "name_en": en, "mentions": m}
                         for a, k, ar, en, m in rows])


@pytest.mark.parametrize(("arabic", "expected"), [
    ("محمد بن سلمان", "Mohamed bin Salman"),
    ("جوزيف بلاتر", "Joseph Belater"),
    ("عادل الجبير", "Adel al-Jubeir"),
    ("حسن روحاني", "Hassan Rouhani"),
])
def test_romanize_reads_better_than_letter_by_letter(arabic, expected):
    assert names.romanize(arabic) == expected
    assert transliterate(norm(arabic)) != expected


def test_readable_replaces_only_transliterated_people_and_caches_per_name(tmp_path, monkeypatch):
    actors = _actors([
        ("person:mhmd-bn-slman", "person", "محمد بن سلمان", transliterate(norm("محمد بن سلمان")), 9),
        ("person:emmanuel-macron", "person", "إيمانويل ماكرون", "Emmanuel Macron", 5),  # curated: kept
        ("place:jdh", "place", "جدة", transliterate(norm("جدة")), 20),  # not a person: kept
    ])
    cache = tmp_path / "names.json"
    out = names.readable(actors, cache_file=cache)
    assert out["name_en"].tolist() == ["Mohamed bin Salman", "Emmanuel Macron", actors.loc[2, "name_en"]]
    assert actors.loc[0, "name_en"] == "Mhmd Bn Slman"  # the input is not changed
    assert json.loads(cache.read_text(encoding="utf-8")) == {"محمد بن سلمان": "Mohamed bin Salman"}
    monkeypatch.setattr(names, "romanize", lambda name: pytest.fail("romanized again"))
    assert names.readable(actors, cache_file=cache)["name_en"][0] == "Mohamed bin Salman"


def test_readable_limits_the_work_to_the_most_mentioned():
    actors = _actors([(f"person:p{i}", "person", ar, transliterate(norm(ar)), i)
                      for i, ar in enumerate(["خالد الفيصل", "عادل الجبير"])])
    out = names.readable(actors, top=1)
    assert out["name_en"].tolist() == [transliterate(norm("خالد الفيصل")), "Adel al-Jubeir"]


@pytest.mark.parametrize(("arabic", "expected"), [
    ("مجلس الوزراء", "Council of Ministers"),                       # a fixed phrase
    ("اللجنة التنفيذية", "Executive Committee"),                    # an adjective goes before its noun
    ("وزارة الصحة", "Ministry of Health"),                          # a genitive takes "of"
    ("مجلس الاحتياطي الاتحادي", "Federal Reserve Council"),          # two adjectives, English order
    ("البنك المركزي الأوروبي", "European Central Bank"),            # adjectives in reverse order
    ("المجلس الوطني الانتقالي", "Transitional National Council"),
    ("وزارة الزراعة الأردنية", "Ministry of Agriculture of Jordan"),  # a closing demonym is the country
    ("هيئة الهلال الأحمر", "Authority of Red Crescent"),
    ("نادي الوحدة الرياضي", ""),                                    # a word it does not know: left as it is
    ("الشباب", ""),                                                # one word: a club as often as "Youth"
])
def test_gloss_org_reads_institution_names_in_english(arabic, expected):
    assert names.gloss_org(arabic) == expected


def test_readable_glosses_only_transliterated_organizations():
    actors = _actors([
        ("org:mjls-aluzra", "organization", "مجلس الوزراء", transliterate(norm("مجلس الوزراء")), 3),
        ("org:un", "organization", "الأمم المتحدة", "United Nations", 5),  # curated: kept
        ("org:nadi", "organization", "نادي الوحدة", transliterate(norm("نادي الوحدة")), 2),  # unknown word: kept
        # the actors table may transliterate the name as written (ة as a): still only a transliteration
        ("org:lajna", "organization", "اللجنة التنفيذية", transliterate("اللجنة التنفيذية"), 2),
    ])
    out = names.readable(actors)
    assert out["name_en"].tolist() == ["Council of Ministers", "United Nations", actors.loc[2, "name_en"],
                                       "Executive Committee"]
    assert actors.loc[0, "name_en"] == transliterate(norm("مجلس الوزراء"))


def test_readable_also_romanizes_the_people_a_report_shows_whatever_their_rank():
    actors = _actors([(f"person:p{i}", "person", ar, transliterate(norm(ar)), 9 - i)
                      for i, ar in enumerate(["خالد الفيصل", "عادل الجبير", "حسن روحاني"])])
    out = names.readable(actors, top=1, also=["person:p2", "person:nobody"])
    assert out["name_en"].tolist() == [out["name_en"][0], actors["name_en"][1], "Hassan Rouhani"]
    assert out["name_en"][0] != actors["name_en"][0]


def test_the_tables_for_display_name_the_flagged_and_story_people_readably(tmp_path):
    from arnews import tables
    from arnews.quotes import FLAG_COLUMNS

    raw = {ar: transliterate(norm(ar)) for ar in ["عادل الجبير", "حسن روحاني"]}
    actors = _actors([("person:a", "person", "عادل الجبير", raw["عادل الجبير"], 1),
                      ("person:b", "person", "حسن روحاني", raw["حسن روحاني"], 1)])
    flags = pd.DataFrame([{"flag": "same quotation, different speakers", "article_id": "x", "speaker": "person:a",
                           "other": "person:b", "detail": f"also attributed to {raw['حسن روحاني']}",
                           "evidence": "", "start": 0, "end": 1}], columns=FLAG_COLUMNS)
    empty = pd.DataFrame()
    t = tables.Tables(articles=empty, sentences=empty, mentions=empty, actors=actors, dates=empty, events=empty,
                      quotes=empty, flags=flags, stances=empty)
    shown = tables._for_display(t, tmp_path / "t")
    assert shown.actors["name_en"].tolist() == ["Adel al-Jubeir", "Hassan Rouhani"]
    assert shown.flags["detail"].tolist() == ["also attributed to Hassan Rouhani"]
