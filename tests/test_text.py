import pytest

from arnews.text import (
    clitic_variants,
    norm,
    normalize,
    sentences,
    strip_bidi_controls,
    strip_clitics,
    tokens,
    word_count,
    word_norms,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الأميركيّة", "الاميركيه"),  # hamza-alef, shadda, teh marbuta
        ("إيمانويل", "ايمانويل"),
        ("آلاف", "الاف"),
        ("مُسْتَشْفَى", "مستشفي"),  # harakat and alef maqsura
        ("تحالـــف", "تحالف"),  # tatweel
        ("عام ٢٠٢٢", "عام 2022"),  # Arabic-Indic digits
        ("سال ۱۴۰۳", "سال 1403"),  # Persian digits
        ("١٫٥", "1.5"),  # Arabic decimal separator
        ("ﻻ ﺳﻼﻡ", "لا سلام"),  # presentation forms, lam-alef ligature
        ("\u202bكييف\u202c", "كييف"),  # embedding controls
        ("\u2067موسكو\u2069\u200f", "موسكو"),  # isolates and RLM
        ("یک", "يك"),  # Persian yeh and keheh
        ("ردع قوي", "ردع قوي"),  # nothing to do
    ],
)
def test_normalize_table(raw, expected):
    assert norm(raw) == expected
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "needle", "found"),
    [
        ("قالَ الرئيسُ الفرنسيُّ", "الفرنسي", "الفرنسيُّ"),
        ("وصلت \u202bالقوات\u202c إلى كييف", "كييف", "كييف"),
        ("قال ﷲ أكبر في ﻻهاي", "لاهاي", "ﻻهاي"),  # a ligature expands to two letters
        ("في ٢٤ فبراير/شباط ٢٠٢٢", "2022", "٢٠٢٢"),
        ("الأمـــم المتحدة", "الامم المتحده", "الأمـــم المتحدة"),
    ],
)
def test_offsets_map_back_to_the_text_as_written(raw, needle, found):
    n = normalize(raw)
    i = n.text.index(needle)
    s, e = n.span_to_source(i, i + len(needle))
    assert raw[s:e] == found


def test_original_is_never_changed():
    raw = "قالَ الرئيسُ"
    n = normalize(raw)
    assert n.source is raw and raw == "قالَ الرئيسُ"


SENTENCE_CASES = [
    # terminators . ؟ ! ؛
    ("وصل الوفد. ثم غادر؟ نعم! انتهى؛ وبعد", ["وصل الوفد.", "ثم غادر؟", "نعم!", "انتهى؛", "وبعد"]),
    # a line break ends a sentence
    ("العنوان\nالنص الأول.", ["العنوان", "النص الأول."]),
    # not inside « » quotes
    ("قال: «وصلنا. انتهى». ثم غادر.", ["قال: «وصلنا. انتهى».", "ثم غادر."]),
    # not inside “ ” quotes; a quote ending its own sentence ends ours
    ("وقال الوزير: “ستواصل ألمانيا دعمها. وقد يشمل ذلك قوات.” وأضاف أنه متفائل.",
     ["وقال الوزير: “ستواصل ألمانيا دعمها. وقد يشمل ذلك قوات.”", "وأضاف أنه متفائل."]),
    # not inside straight quotes
    ('كتب: "تم الاتفاق. شكراً". ومضى.', ['كتب: "تم الاتفاق. شكراً".', "ومضى."]),
    # not on decimals, nor after a one-letter abbreviation
    ("ارتفع النمو 1.2 بالمئة. وقال د. أحمد إنه جيد.", ["ارتفع النمو 1.2 بالمئة.", "وقال د. أحمد إنه جيد."]),
    # ellipses and ?! runs stay with their sentence
    ("هل انتهى؟! ربما... لا أحد يعرف.", ["هل انتهى؟!", "ربما...", "لا أحد يعرف."]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(text, expected):
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == expected


def test_sentences_of_a_seed_keep_a_quoted_statement_whole():
    text = open("seeds/003_4ec1b37fe34376e5.txt", encoding="utf-8").read()
    found = [text[s:e] for s, e in sentences(text)]
    quote = [s for s in found if s.startswith("وقال شولتز")]
    assert len(quote) == 1 and quote[0].endswith("بعد وقف إطلاق النار”.")
    assert "وقد يشمل ذلك" in quote[0]


def test_tokens_have_offsets_and_normal_forms():
    text = "وقالَ زيلينسكي: «نعم» لأوكرانيا"
    toks = tokens(text)
    assert [t.norm for t in toks] == ["وقال", "زيلينسكي", "نعم", "لاوكرانيا"]
    assert all(text[t.start:t.end] == t.text for t in toks)


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("وزيلينسكي", "زيلينسكي"),
        ("لأوكرانيا", "اوكرانيا"),
        ("بكييف", "كييف"),
        ("والاتحاد", "الاتحاد"),
        ("للرئيس", "الرئيس"),
        ("وبالعاصمة", "العاصمه"),
        ("فلموسكو", "موسكو"),
    ],
)
def test_clitic_variants_find_the_base(word, base):
    assert base in clitic_variants(norm(word))


@pytest.mark.parametrize(
    ("word", "stripped"),
    [("والاتحاد", "الاتحاد"), ("بالرئيس", "الرئيس"), ("وزير", "وزير"), ("لبنان", "لبنان"), ("كتب", "كتب")],
)
def test_strip_clitics_only_strips_what_is_certain(word, stripped):
    assert strip_clitics(norm(word)) == norm(stripped)


def test_strip_bidi_controls():
    assert strip_bidi_controls("a\u202eb\u2066c\u2069\u200fd") == "abcd"


def test_from_source_is_the_inverse_of_to_source():
    raw = "قالَ الرئيسُ ﻻ"
    n = normalize(raw)
    for i in range(len(n.text)):
        assert n.from_source(n.to_source(i)) <= i
    assert n.from_source(raw.index("الرئيس")) == n.text.index("الرئيس")


@pytest.mark.parametrize("text", [
    "وقالَ زيلينسكي: «نعم» للسلام.",
    "اجتمع 12 وزيراً في Brussels يوم ١٥ آذار/مارس ٢٠٢٦.",
    "ســـلام، (إن شاء الله)... ثم؟!",
    "",
    "   ",
])
def test_word_norms_and_word_count_agree_with_tokens(text):
    assert word_norms(text) == [t.norm for t in tokens(text)]
    assert word_count(text) == len(tokens(text))
