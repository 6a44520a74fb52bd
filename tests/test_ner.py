"""The name tagger: the shipped model is the one scripts/train_ner.py recorded, and it reads names in sentences
written for these tests (not from any corpus)."""

import hashlib
import importlib.util
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from arnews import ner
from arnews.text import Doc

ROOT = Path(__file__).resolve().parents[1]


def _train_script():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_model_is_the_one_the_script_recorded():
    meta = ner.model_meta()
    model = resources.files("arnews").joinpath("data", "ner", ner.MODEL_FILE).read_bytes()
    assert hashlib.sha256(model).hexdigest() == meta["model_sha256"]
    gazetteer = resources.files("arnews").joinpath("data", "ner", ner.GAZETTEER_FILE).read_bytes()
    assert hashlib.sha256(gazetteer).hexdigest() == meta["gazetteer_sha256"]  # the features it was trained on
    script = _train_script()
    assert meta["params"] == script.PARAMS
    assert meta["seed"] == script.SEED and meta["feature_version"] == script.FEATURE_VERSION
    assert meta["training_file"] == "anercorp-dev.txt" and len(meta["training_sha256"]) == 64
    assert len(model) < 6_000_000  # a few MB at most


def test_the_license_note_sits_beside_the_model():
    note = resources.files("arnews").joinpath("data", "ner", "LICENSE").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in note and "Benajiba" in note and "Obeid" in note


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], [(0, 2, "PERS"), (3, 4, "LOC")]),
        (["O", "I-ORG", "I-ORG"], [(1, 3, "ORG")]),
        (["B-PERS", "B-PERS"], [(0, 1, "PERS"), (1, 2, "PERS")]),
        (["O", "O"], []),
    ],
)
def test_bio_spans(labels, spans):
    assert ner.bio_spans(labels) == spans


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("وقال الرئيس الفرنسي إيمانويل ماكرون إن باريس مستعدة للحوار.", "إيمانويل ماكرون", "PERS"),
        ("أكد مدير الشركة هشام الزهراني أن الأرباح ارتفعت.", "هشام الزهراني", "PERS"),
        ("زار الوزير مدينة الإسكندرية أمس.", "الإسكندرية", "LOC"),
        ("أعلنت منظمة الصحة العالمية عن خطة جديدة.", "منظمة الصحة العالمية", "ORG"),
    ],
)
def test_the_tagger_reads_names(text, name, kind):
    d = Doc("t", text)
    found = {(" ".join(t.text for t in d.tokens[a:b]), k) for a, b, k in ner.entity_spans(d)}
    assert (name, kind) in found, found


def test_windowed_decoding_agrees_with_crfsuite_on_whole_sentences():
    text = ("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من منظمة العفو الدولية. "
            "وقال المتحدث باسم الوفد جون ميلر إن الزيارة ناجحة، وغادر الوفد إلى الخرطوم.")
    d = Doc("t", text)
    crfsuite = []
    for s, e in d.sentences:
        idx = [k for k, t in enumerate(d.tokens) if s <= t.start < e]
        labels = ner.tag_tokens(text, [d.tokens[k] for k in idx])
        crfsuite += [(idx[0] + a, idx[0] + b, k) for a, b, k in ner.bio_spans(labels)]
    assert ner.entity_spans(d, margin=float("inf")) == crfsuite
    assert set(ner.entity_spans(d)) <= set(crfsuite)


# The feature-version-2 model misses these two, which the first model read: common words as a name (تمام سلام)
# and an airport read as a person. The actor rules read both (tests/test_actors.py); kept here as known misses.
@pytest.mark.xfail(reason="known misses of the shipped model; the actor rules read them", strict=False)
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("وقال رئيس الوزراء اللبناني تمام سلام إن الحكومة باقية.", "تمام سلام", "PERS"),
        ("وصل الوفد إلى مطار هيثرو في لندن.", "هيثرو", "LOC"),
    ],
)
def test_known_misses_of_the_tagger(text, name, kind):
    test_the_tagger_reads_names(text, name, kind)


@pytest.mark.parametrize(
    ("text", "found", "propagated"),
    [
        # the decoding reads the name once; its other occurrence, with a clitic, is the same name
        ("وقال المدرب كوفمان إن الفريق جاهز. وأشاد اللاعبون بكوفمان بعد المباراة.", "كوفمان", "بكوفمان"),
    ],
)
def test_a_name_found_once_is_found_again_in_the_article(text, found, propagated):
    d = Doc("t", text)
    spans = ner.entity_spans(d)
    words = {d.tokens[a].text for a, b, _ in spans}
    assert found in words
    first = [s for s in spans if d.tokens[s[0]].text == found]
    again = ner._propagated(d.tokens, first, [(0, len(d.tokens))])
    assert {d.tokens[a].text for a, b, _ in again} == {propagated}


@pytest.mark.parametrize(
    ("word", "sign"),
    [("ستعقد", -1), ("يعتزم", -1), ("نيرسباخ", 1), ("سيرغي", 1), ("بلاتيني", 1)],
)
def test_word_score_says_how_name_like_a_word_is(word, sign):
    assert ner.word_score(word) * sign > 0


def test_the_model_dump_reads_the_same_weights_as_crfsuite_s_own_parser():
    dump, info = ner.model_dump(), ner.tagger().info()
    assert dump.labels == info.labels
    assert dump.transitions == info.transitions
    assert dump.state_features == info.state_features


@pytest.mark.parametrize(
    "word",
    ["وبوتين", "للرئيس", "القاهرة", "نيرسباخ", "ستعقد", "G20", "2015", "وزارة", "چلبي", "والاتحاد", "ب", "Reuters"],
)
def test_a_word_s_row_is_the_sum_of_its_feature_strings_weights(word):
    # the table is filled from the features by kind and value, not from "kind=value" strings: the same sums, bit
    # for bit, as adding the weights of the strings CRFsuite reads (own features, then each neighbour offset)
    w = ner._weights()
    own, near = ner._item_features(word)
    expected = [sum((w.matrix[w.index[f]] for f in feats if f in w.index), np.zeros(len(w.labels)))
                for feats in (("bias", *own), *(near[o] for o in ner._OFFSETS))]
    ner.clear_type_table()
    ner._add_types([word])
    assert ner._TABLE[0][ner._TYPE_ROWS[word]].tolist() == np.array(expected, dtype=np.float32).tolist()


def test_forgetting_the_model_drops_every_weight_derived_cache_and_scores_come_back_the_same():
    before = ner.word_score("نيرسباخ")
    ner.forget_model()
    assert not ner._TYPE_ROWS and ner._feature_rows.cache_info().currsize == 0
    assert ner._weights.cache_info().currsize == 0
    assert ner.word_score("نيرسباخ") == before  # read again from the same model
