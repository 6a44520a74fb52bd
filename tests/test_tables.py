"""Extract once, read many: the cache's key, reuse, staleness, notes and the Tables object."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from arnews import tables
from arnews.tables import StaleTables, Tables

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def _no_extraction(*args, **kwargs):
    raise AssertionError("extracted again although the tables were fresh")


def test_second_load_reads_the_folder_without_extracting(corpus, tmp_path, monkeypatch):
    first = tables.load(corpus, folder=tmp_path / "t")
    assert (tmp_path / "t" / "mentions.parquet").exists() and (tmp_path / "t" / "manifest.json").exists()
    monkeypatch.setattr(tables, "extract", _no_extraction)
    second = tables.load(corpus, folder=tmp_path / "t")
    assert second.key == first.key
    for name in Tables.names():
        pd.testing.assert_frame_equal(first[name], second[name])
    assert [t.id for t in second.targets][:2] == ["deployment", "guarantees"]


@pytest.mark.parametrize("whose", ["this corpus", "other targets"])
def test_a_story_is_extracted_alone_when_the_whole_corpus_tables_are_given(corpus, tmp_path, monkeypatch, whose):
    from arnews import pipeline

    whole = tables.load(corpus, targets=None if whose == "this corpus" else "", folder=tmp_path / "t")
    story = whole.articles["story_id"].iloc[0]
    seen = []
    real = pipeline.extract_story
    monkeypatch.setattr(pipeline, "extract_story", lambda *a, **k: seen.append(k.get("whole")) or real(*a, **k))
    one = tables.load(corpus, story=story, folder=tmp_path / "s", whole=whole)
    # the whole corpus's tables are used only when they are of this corpus and these targets
    assert (seen[0] is whole) == (whose == "this corpus")
    assert set(one.articles["story_id"]) == {story} and len(one.mentions) > 100


@pytest.mark.parametrize("change", ["edit an article", "add an article", "other targets", "no targets"])
def test_a_changed_input_makes_the_tables_stale(corpus, tmp_path, change):
    before = tables.load(corpus, folder=tmp_path / "t")
    targets = None
    if change == "edit an article":
        path = corpus / "000_390198dbe8c26a76.txt"
        path.write_text(path.read_text(encoding="utf-8") + "\nوقال الوزير إن الاجتماع انتهى.", encoding="utf-8")
    elif change == "add an article":
        (corpus / "999_new.txt").write_text("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت أمس.", encoding="utf-8")
    elif change == "other targets":
        targets = tmp_path / "targets.yaml"
        targets.write_text("targets:\n  - id: visit\n    en: The visit\n    terms: [زيارة]\n", encoding="utf-8")
    else:
        targets = ""
    after = tables.load(corpus, targets=targets, folder=tmp_path / "t")
    assert after.key != before.key
    if change == "add an article":
        assert "999_new" in set(after.articles["article_id"])
    if change == "other targets":
        assert [t.id for t in after.targets] == ["visit"]
    if change == "no targets":
        assert after.targets == [] and after.stances.empty


def test_the_key_covers_corpus_targets_story_code_and_data(corpus):
    parts = tables.fingerprint(corpus, corpus / "targets.yaml", story="s1")
    assert set(parts) == {"format", "corpus", "targets", "story", "code", "data"}
    assert parts["story"] == "s1" and "babel=" in parts["data"]
    assert tables.key_of(parts) != tables.key_of({**parts, "code": "other"})


def test_a_folder_without_manifest_is_stale(tmp_path):
    with pytest.raises(StaleTables, match="no extracted tables"):
        tables.read(tmp_path)


def test_corpus_problems_become_notes_not_warnings(corpus, tmp_path, recwarn):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    t = tables.load(corpus, folder=tmp_path / "t")
    assert any(n.startswith("empty files (not loaded) (1): empty.txt") for n in t.notes)
    assert not [w for w in recwarn if "empty" in str(w.message)]
    again = tables.read(tmp_path / "t")
    assert again.notes == t.notes


def test_default_folder_is_per_corpus_under_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("ARNEWS_CACHE", str(tmp_path))
    a, b = tables.default_folder("seeds"), tables.default_folder(tmp_path / "seeds")
    assert a.parent == tmp_path and a.name.startswith("seeds-") and a != b


def test_tables_by_attribute_and_by_name(corpus, tmp_path):
    t = tables.load(corpus, folder=tmp_path / "t")
    assert t["actors"] is t.actors and "quotes" in t and list(t)[:2] == ["articles", "sentences"]
    with pytest.raises(KeyError, match="no table 'people'"):
        t["people"]


@pytest.mark.parametrize(("given", "expected"), [(None, "targets.yaml"), ("", None), ("x.yaml", "x.yaml")])
def test_resolve_targets(given, expected):
    found = tables.resolve_targets(ROOT / "seeds", given)
    assert (found.name if found else None) == expected


def test_presentation_modules_do_not_make_the_tables_stale():
    from arnews.tables import PACKAGE, PRESENTATION_MODULES

    assert {"briefing.py", "figures.py", "display.py"} <= PRESENTATION_MODULES
    assert all((PACKAGE / m).exists() for m in PRESENTATION_MODULES)
    assert not {"actors.py", "timeline.py", "quotes.py", "stance.py", "pipeline.py", "text.py", "lang.py",
                "corpus.py"} & PRESENTATION_MODULES
