"""The language data: every file valid, one message per defect, shared vocabularies defined once."""

import pytest

from arnews import lang


@pytest.mark.parametrize("name", lang.data_files())
def test_every_data_file_is_valid_and_has_a_schema(name):
    assert name in lang.SCHEMAS
    assert lang.load(name)


HEAD = "# Test data.\n# Source: written for this test.\n"
LEXICON_STORY_AND_NAME_LISTS = ("before_allah: [نصر]\nbefore_rahman_din: [حفظ]\nnisba_specifiers: [الأصل]\n"
                                "blessings_before_allah: [رضي]\n"
                                "reading_units: {index_points: [نقطة]}\nintraday_cues: [بتوقيت]\n"
                                "subject_change_cues: [في سياق آخر]\n")


@pytest.mark.parametrize(("name", "body", "defects"), [
    ("lexicon.yaml", "function_words: [في]\nspeech_verbs: {قال: say}\nagent_verbs: [زار]\n"
     "unnamed_speakers: [مصدر]\nplace_heads: [مدينة]\nplace_preceders: [في]\nperson_anaphors: [الأخير]\n"
     "list_openers: [بحضور]\nevent_heads: [منتجع]\noffice_heads: [مدير]\nmeeting_heads: [قمة]\n"
     "place_titles: [حاكم]\n" + LEXICON_STORY_AND_NAME_LISTS, []),
    ("lexicon.yaml", "function_words: [في, '', say]\nspeech_verbs: {قال: say}\nagent_verbs: زار\n"
     "unnamed_speakers: [مصدر]\nplace_preceders: [في]\nperson_anaphors: [الأخير]\n"
     "list_openers: [بحضور]\nevent_heads: [منتجع]\noffice_heads: [مدير]\nmeeting_heads: [قمة]\n"
     "place_titles: [حاكم]\n" + LEXICON_STORY_AND_NAME_LISTS,
     ["function_words[1]: expected a non-empty word, found ''",
      "function_words[2]: 'say' has no Arabic letter",
      "missing key 'place_heads'"]),
    ("countries.yaml", "aliases: {}\ndemonyms: {}\nno_demonym: [IL]\nnot_countries: [عربي]\n"
     "common_word_names: [مالي]\ncommon_word_context: [في]\n"
     "capitals:\n  NO: {en: Oslo, ar: [أوسلو]}\n  FR: {ar: [باريس]}\n",
     ["capitals: key False was read as a boolean (YAML reads NO, YES, ON, OFF so); quote it: \"NO\"",
      "capitals.FR: missing 'en'"]),
    ("people.yaml", "people:\n  - {id: a, en: A, ar: [أ]}\n  - {id: a, en: B, ar: [ب]}\n  - {en: C, ar: [ج]}\n",
     ["people[2]: missing 'id'", "people: id 'a' is used twice"]),
    ("dates.yaml", "number_words: {ثلاثة: three}\n",
     ["number_words.ثلاثة: expected a number, found 'three'"]),
    ("dates.yaml", "hijri_feasts: {عيد الفطر: [10, 1], عيد الأضحى: [13, 10], يوم عرفة: 9}\n",
     ["hijri_feasts.عيد الأضحى: expected [month, day] with month 1–12 and day 1–30, found [13, 10]",
      "hijri_feasts.يوم عرفة: expected [month, day] with month 1–12 and day 1–30, found 9"]),
])
def test_validation_reports_one_message_per_defect(name, body, defects):
    _, found = lang.validate(name, HEAD + body)
    found = [f.split(": ", 1)[1] for f in found]
    if name == "dates.yaml":  # a partial file: only the defect under test
        found = [f for f in found if not f.startswith("missing key")]
    assert found == defects


def test_a_file_that_does_not_say_where_it_came_from_is_a_defect():
    _, found = lang.validate("given_names.yaml", "arabic: [محمد]\narabic_more: [طلال]\nforeign: [جون]\n"
                             "female: [فاطمة]\nno_hamza_spelling: [زايد]\nword_names: [عيد]\n"
                             "nicknames: {جو: جوزيف}\ngeneration_words: [الابن]\n")
    assert found == ["lib/arnews/data/given_names.yaml: the header comment does not say where the content came "
                     "from (Source: …)"]


def test_load_raises_with_every_defect(monkeypatch):
    monkeypatch.setattr(lang, "validate", lambda name, text: ({}, ["x.yaml: a", "x.yaml: b"]))
    lang.load.cache_clear()
    try:
        with pytest.raises(lang.LanguageDataError, match=r"2 defect\(s\).*\n  x.yaml: a\n  x.yaml: b"):
            lang.load("lexicon.yaml")
    finally:
        lang.load.cache_clear()


@pytest.mark.parametrize(("name", "month"), [("يناير", 1), ("كانون الثاني", 1), ("جانفي", 1), ("ابريل", 4),
                                             ("نيسان", 4), ("اغسطس", 8), ("اب", 8), ("ديسمبر", 12)])
def test_month_names_in_the_three_series(name, month):
    assert lang.month_names()[name] == month


@pytest.mark.parametrize(("word", "is_time"), [("الخميس", True), ("يونيو", True), ("تشرين", True),
                                               ("خميس", False), ("الثاني", False), ("ماكرون", False)])
def test_time_words(word, is_time):
    assert (word in lang.time_words()) == is_time


@pytest.mark.parametrize(("word", "value"), [("ثلاثه", 3), ("عشره", 10)])
def test_number_words(word, value):
    assert lang.number_words()[word] == value


def test_the_extractors_read_the_shared_vocabularies():
    from arnews import actors, quotes, timeline

    assert actors.lexicon().speech_verbs is lang.speech_verbs()
    assert quotes.vocabulary()["speech_verbs"] is lang.speech_verbs()
    assert timeline.grammar().months == lang.month_names()
    assert actors.load_data is lang.load
