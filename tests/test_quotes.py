"""Quotes: sentences written for these tests (not from any corpus), then the seeds."""

import pandas as pd
import pytest

from arnews import pipeline
from arnews.corpus import load
from arnews.quotes import classify


def run(text: str) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": ["t"], "text": [text], "body_start": [0], "outlet": [""],
                             "published": [pd.Timestamp("2015-08-06")]})
    return pipeline.extract(articles)


def quotes(text: str) -> list[tuple[str, str, str]]:
    t = run(text)
    names = t["actors"].set_index("actor_id")["name_en"]
    return [(names.get(q.speaker, q.speaker_surface), q.kind, q.text) for q in t["quotes"].itertuples()]


def test_direct_quote_with_named_speaker_after_the_verb():
    text = 'وقال وزير الخارجية البرازيلي ماورو فييرا: "لن نقبل أي تدخل في شؤوننا الداخلية".'
    t = run(text)
    q = t["quotes"].iloc[0]
    assert q["kind"] == "direct" and q["text"] == "لن نقبل أي تدخل في شؤوننا الداخلية"
    assert text[q["start"]:q["end"]] == q["text"]
    assert t["actors"].set_index("actor_id").loc[q["speaker"], "role_en"] == "Foreign Minister"


def test_indirect_and_mixed_speech():
    found = quotes('أكد الرئيس الكيني وليام روتو أن بلاده ستدعم الحوار. وقال روتو إن الاتفاق "خطوة تاريخية" للمنطقة.')
    assert found[0][1] == "indirect" and found[0][2] == "بلاده ستدعم الحوار"
    assert found[1][1] == "mixed" and '"خطوة تاريخية"' in found[1][2]
    assert found[0][0] == found[1][0]  # the surname resolves to the same speaker


def test_continuations_take_the_previous_speaker():
    text = ('صرح رئيس الوزراء الهولندي ديك سخوف بأن الحكومة مستعدة للتفاوض. وأضاف: "لدينا خطة واضحة للعام المقبل". '
            'وكتب في منشور: "شكراً لكل من ساعدنا في هذه المرحلة".')
    found = quotes(text)
    assert len(found) == 3 and len({f[0] for f in found}) == 1
    assert [f[1] for f in found] == ["indirect", "direct", "direct"]


def test_participle_continuation_in_the_same_sentence():
    found = quotes("قال المبعوث الأممي هانس غروندبرغ إن الهدنة صامدة، مضيفاً أن المفاوضات ستستأنف قريباً.")
    assert [f[2] for f in found] == ["الهدنة صامدة", "المفاوضات ستستأنف قريباً"]
    assert found[0][0] == found[1][0]


def test_unnamed_speakers_stay_unnamed():
    t = run("وقال مسؤول في وزارة الخارجية الروسية إن الاجتماع سيعقد الأسبوع المقبل.")
    q = t["quotes"].iloc[0]
    assert q["speaker"] == "" and q["speaker_kind"] == "unnamed"
    assert q["speaker_affiliation"] == "org:ru-foreign-ministry"


def test_documents_and_attributions():
    t = run("وجاء في البيان الختامي أن الدول الأعضاء ستقدم الدعم اللازم. "
            "وبحسب مصادر مطلعة، فإن الوفد سيغادر غداً.")
    q = t["quotes"]
    assert set(q["speaker_kind"]) == {"document", "unnamed"}
    assert "الدول الأعضاء ستقدم الدعم اللازم" in q.iloc[0]["text"]


def test_the_latter_points_to_the_last_person_named():
    found = quotes('التقى الرئيس التركي رجب طيب أردوغان بنظيره الكيني وليام روتو، حيث أكد الأخير أن العلاقات "متينة".')
    assert found[0][0] == "Wlyam Rutu" or "روتو" in found[0][0] or found[0][0].startswith("W")


def test_quoted_labels_are_not_quotes():
    assert quotes("أطلقت البحرية سفينة «الأمل» ضمن مشروع «رؤية 2030» في الميناء.") == []


@pytest.mark.parametrize(
    ("content", "kind"),
    [('“ستواصل ألمانيا دعمها”', "direct"), ('هذا "ضمانة" للسلام', "mixed"), ("الحرب ستنتهي قريباً", "indirect")],
)
def test_classify(content, kind):
    assert classify(content)[0] == kind


# --- the seeds --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    return pipeline.extract(load("seeds"))


@pytest.mark.parametrize(
    ("article", "speakers"),
    [
        ("000", {"person:emmanuel-macron", "person:volodymyr-zelensky", "person:steve-witkoff",
                 "person:jared-kushner", "person:antonio-costa"}),
        ("003", {"person:jared-kushner", "person:keir-starmer", "person:friedrich-merz", "person:olaf-scholz",
                 "person:steve-witkoff", "person:volodymyr-zelensky"}),
        ("004", {"person:volodymyr-zelensky", "person:donald-trump"}),
    ],
)
def test_seed_speakers(seeds, article, speakers):
    q = seeds["quotes"]
    found = set(q.loc[q["article_id"].str.startswith(article), "speaker"])
    assert speakers <= found


def test_seed_zelensky_three_continuations_in_003(seeds):
    q = seeds["quotes"]
    z = q[q["article_id"].str.startswith("003") & (q["speaker"] == "person:volodymyr-zelensky")]
    assert {"وكتب", "وأضاف", "قائلاً"} <= set(z["cue"])
    assert (z["kind"] == "direct").sum() == 3


def test_seed_french_presidency_official_is_unnamed_with_affiliation(seeds):
    q = seeds["quotes"]
    official = q[q["speaker_surface"].str.startswith("مسؤول في الرئاسة الفرنسية")]
    assert len(official) == 1 and official.iloc[0]["speaker"] == ""
    assert official.iloc[0]["speaker_affiliation"] == "org:fr-presidency"


def test_seed_flag_scholz_after_merz(seeds):
    flags = seeds["flags"]
    assert len(flags) == 1
    f = flags.iloc[0]
    assert f["speaker"] == "person:olaf-scholz" and f["other"] == "person:friedrich-merz"
    assert f["article_id"].startswith("003") and "ستواصل ألمانيا" in f["evidence"]


def test_same_quote_two_speakers_is_flagged():
    t = run('وقال الرئيس الكيني وليام روتو: "سنواصل العمل من أجل السلام في المنطقة". '
            'وقال رئيس الوزراء الهولندي ديك سخوف: "سنواصل العمل من أجل السلام في المنطقة".')
    assert "same quotation, different speakers" in set(t["flags"]["flag"])


def test_a_quotation_starts_at_its_opening_mark_whatever_follows():
    t = run('وقال الرئيس الكيني وليام روتو: "<b>نريد</b> السلام الآن".')
    q = t["quotes"].iloc[0]
    assert q["kind"] == "direct" and q["text"] == "<b>نريد</b> السلام الآن"
