import subprocess
import sys

import pandas as pd

from arnews.cli import main


def test_extract_writes_articles_and_sentences(tmp_path):
    assert main(["extract", "seeds", "--out", str(tmp_path), "--no-progress"]) == 0
    articles = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False)
    assert len(articles) == 5
    assert articles.set_index("file").loc["002_ea3de26980be0bec.txt", "published"] == "2026-01-07"
    text = open("seeds/004_0b7ef937f1fcd627.txt", encoding="utf-8").read()
    assert articles.set_index("file").loc["004_0b7ef937f1fcd627.txt", "text"] == text
    sentences = pd.read_csv(tmp_path / "sentences.csv")
    one = sentences[sentences.article_id == "004_0b7ef937f1fcd627"].iloc[2]
    assert text[one.start:one.end] == one.text


def test_extract_in_parallel_gives_the_same_tables(tmp_path):
    assert main(["extract", "seeds", "--out", str(tmp_path / "a"), "--jobs", "1", "--no-progress"]) == 0
    assert main(["extract", "seeds", "--out", str(tmp_path / "b"), "--jobs", "2", "--no-progress"]) == 0
    for name in ("articles.csv", "sentences.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_bad_corpus_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_help_documents_extract_and_build():
    out = subprocess.run([sys.executable, "-m", "arnews", "--help"], capture_output=True, text=True).stdout
    assert "extract" in out and "build" in out and "bench" in out
    out = subprocess.run([sys.executable, "-m", "arnews", "build", "--help"], capture_output=True, text=True).stdout
    assert "--corpus" in out and "briefing.html" in out


def test_tables_do_not_depend_on_python_hash_order(tmp_path):
    import os

    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "arnews", "extract", "seeds", "--out", str(tmp_path / seed),
                        "--no-progress"], check=True, env=env, capture_output=True)
    for table in sorted(p.name for p in (tmp_path / "1").glob("*.csv")):
        assert (tmp_path / "1" / table).read_bytes() == (tmp_path / "2" / table).read_bytes(), table


def test_stages_lists_the_chain(capsys):
    assert main(["stages"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["stage", "per_article", "corpus_step", "requires", "produces", "adds"]
    assert [line.split()[0] for line in out[1:]] == ["sentences", "actors", "timeline", "quotes", "stance",
                                                    "stories"]


def test_extract_with_the_dask_engine_writes_the_same_tables(tmp_path):
    assert main(["extract", "seeds", "--out", str(tmp_path / "local"), "--no-progress", "--jobs", "1"]) == 0
    assert main(["extract", "seeds", "--out", str(tmp_path / "dask"), "--no-progress", "--engine", "dask"]) == 0
    for name in ("mentions.csv", "quotes.csv", "dates.csv", "events.csv"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name
