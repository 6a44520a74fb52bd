"""Stance: sentences written for these tests (not from any corpus), then the seeds."""

import pandas as pd
import pytest

from arnews import pipeline
from arnews.corpus import load
from arnews.stance import Target, TargetsError, load_targets, matrix

TARGETS = [
    Target("sanctions", "Sanctions", "العقوبات", ("العقوبات", "فرض عقوبات", "عقوبات جديدة")),
    Target("troops", "Troop deployment", "نشر قوات", ("نشر قوات", "إرسال قوات", "نشر أي قوات")),
    Target("talks", "Peace talks", "محادثات السلام", ("محادثات السلام", "المفاوضات")),
]


def stances(text: str) -> list[tuple[str, str, str]]:
    articles = pd.DataFrame({"article_id": ["t"], "text": [text], "body_start": [0], "outlet": [""],
                             "published": [pd.Timestamp("2015-08-06")]})
    t = pipeline.extract(articles, targets=TARGETS)
    return sorted({(r.party, r.target, r.stance) for r in t["stances"].itertuples()})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت تركيا رفضها فرض عقوبات جديدة على جارتها.", ("country:TR", "sanctions", "oppose")),
        ("وأكدت اليابان أنها لن تقبل بنشر أي قوات أجنبية على أراضيها.", ("country:JP", "troops", "oppose")),
        ("وأبدت كندا استعدادها لإرسال قوات إلى المنطقة.", ("country:CA", "troops", "support")),
        ("ولم يستبعد رئيس الوزراء الهولندي ديك سخوف إرسال قوات إلى المنطقة.", ("country:NL", "troops",
                                                                          "conditional")),
        ("ووقعت البرازيل والأرجنتين على بيان يدعم المفاوضات.", ("country:BR", "talks", "support")),
        ("ووقعت البرازيل والأرجنتين على بيان يدعم المفاوضات.", ("country:AR", "talks", "support")),
        ("في ظل تحفظ بعض الدول، بينها النرويج، على إرسال قوات.", ("country:NO", "troops", "oppose")),
        ("وقالت الهند إنها لا تستبعد فرض عقوبات جديدة.", ("country:IN", "sanctions", "conditional")),
    ],
)
def test_cues_negation_and_holders(text, expected):
    assert expected in stances(text)


def test_negation_is_not_opposition():
    found = stances("ولم يستبعد الرئيس الكيني وليام روتو إرسال قوات.")
    assert ("country:KE", "troops", "conditional") in found
    assert not any(s == "oppose" for _, _, s in found)


def test_a_refusal_without_a_requirement_supports_the_requirement():
    found = stances("وأكدت الهند أنها لا تستطيع قبول محادثات السلام دون العقوبات على المعتدي.")
    assert ("country:IN", "talks", "conditional") in found and ("country:IN", "sanctions", "support") in found


def test_anaphoric_objects_and_sentences_without_targets_give_no_stance():
    assert stances("وأعلنت تركيا رفضها ذلك، وطالبت بعقد اجتماع عاجل.") == []
    assert stances("أعلنت كندا استعدادها للحوار.") == []


def test_a_quote_about_a_target_without_a_cue_is_neutral():
    found = stances("وقال رئيس الوزراء الهولندي ديك سخوف إن المفاوضات ستبدأ الأسبوع المقبل في جنيف.")
    assert ("country:NL", "talks", "neutral") in found


def test_matrix_keeps_every_piece_of_evidence():
    df = pd.DataFrame([
        {"article_id": "a", "actor": "country:FR", "party": "country:FR", "target": "troops", "stance": "support",
         "cue": "", "evidence": "", "start": 0, "end": 10, "via": ""},
        {"article_id": "b", "actor": "person:x", "party": "country:FR", "target": "troops", "stance": "support",
         "cue": "", "evidence": "", "start": 5, "end": 20, "via": ""},
        {"article_id": "b", "actor": "person:x", "party": "country:FR", "target": "troops", "stance": "conditional",
         "cue": "", "evidence": "", "start": 30, "end": 40, "via": ""},
    ])
    cell = matrix(df).iloc[0]
    assert cell["stance"] == "support" and cell["n"] == 2
    assert cell["evidence"] == "a:0-10 | b:30-40 | b:5-20"
    assert cell["counts"] == "support 2, conditional 1"


def test_bad_targets_file_names_the_file(tmp_path):
    bad = tmp_path / "t.yaml"
    bad.write_text("targets:\n  - en: no id\n", encoding="utf-8")
    with pytest.raises(TargetsError, match=r"t\.yaml.*needs an 'id'"):
        load_targets(bad)


# --- the seeds --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_matrix():
    t = pipeline.extract(load("seeds"), targets=load_targets("seeds/targets.yaml"))
    return matrix(t["stances"]).set_index(["party", "target"])["stance"]


@pytest.mark.parametrize(
    ("party", "target", "stance"),
    [
        ("country:RU", "deployment", "oppose"),
        ("country:IT", "deployment", "oppose"),  # reserved about sending troops
        ("country:DE", "deployment", "conditional"),
        ("country:DE", "monitoring", "conditional"),
        ("country:FR", "deployment", "support"),
        ("country:GB", "deployment", "support"),
        ("country:UA", "guarantees", "support"),
        ("org:eu", "guarantees", "support"),
        ("country:US", "guarantees", "support"),
        ("country:US", "monitoring", "support"),
        ("country:US", "deployment", "oppose"),  # rules out its own troops, did not sign
    ],
)
def test_seed_stances(seed_matrix, party, target, stance):
    assert seed_matrix[(party, target)] == stance
