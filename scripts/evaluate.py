"""Measure arnews on text it was not built from (../shared/eval), for the figures in a closing note.

    python scripts/evaluate.py actors-anercorp [PATH]   # PERS/LOC/ORG precision and recall on ANERcorp
                                                        # (the tagger trains on anercorp-dev: use
                                                        # scripts/train_ner.py --cv 5 for held-out figures)
    python scripts/evaluate.py actors-articles [DIR]    # persons found per article, to judge by reading
    python scripts/evaluate.py timeline-recognizers [DIR]  # pass rate on Recognizers-Text Arabic date vectors
                                                           # (NFAIL=100 in the environment lists more failures)
    python scripts/evaluate.py timeline-articles [DIR]  # dates found per article, to judge by reading
    python scripts/evaluate.py quotes-articles [DIR]    # statements and speakers per article, to judge by reading
    python scripts/evaluate.py quotes-sample [dev|test] [N]  # N statements (70) of the bench day with their context,
                                                        # to judge speaker and precision by reading: dev = 120 articles
                                                        # drawn with random.Random(101) (for writing rules), test = 120
                                                        # others drawn with random.Random(202) (for the figures);
                                                        # statements drawn with seed 7 (dev) or 20261124 (test)
    python scripts/evaluate.py quotes-speed             # the quote stage's CPU time per article on the bench day
    python scripts/evaluate.py actors-speed [N]         # the actor stage's CPU time per article (tagger, rules,
                                                        # resolution) on the first N articles of the bench day

Reads ../shared at run time only; nothing from there is copied into the project.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from arnews import actors
from arnews.ner import bio_spans
from arnews.text import Doc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KIND_TO_TAG = {"person": "PERS", "country": "LOC", "place": "LOC", "organization": "ORG", "group": "ORG",
               "media": "ORG"}


def read_anercorp(path: Path) -> list[tuple[list[str], list[str]]]:
    """ANERcorp as pseudo-documents, read as the tagger's training script reads it."""
    from train_ner import read_blocks  # scripts/ is on sys.path when this script runs

    return read_blocks(path)


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    return set(bio_spans(tags))


def anercorp(path: Path) -> None:
    import hashlib

    from arnews import ner

    if hashlib.sha256(path.read_bytes()).hexdigest() == ner.model_meta()["training_sha256"]:
        print(f"NOTE: {path.name} is the name tagger's training data: these figures are not held-out. "
              "For held-out figures run `python scripts/train_ner.py --cv 5 --no-train` (cross-validation "
              "by contiguous blocks) or measure on another ANERcorp split.")
    docs = read_anercorp(path)
    gold: set = set()
    rows: list[dict] = []
    offsets: dict[str, list[tuple[int, int]]] = {}
    for n, (toks, tags) in enumerate(docs):
        aid = f"d{n:04d}"
        pos, spans = 0, []
        for t in toks:
            spans.append((pos, pos + len(t)))
            pos += len(t) + 1
        offsets[aid] = spans
        gold |= {(aid, s, e, k) for s, e, k in gold_spans(tags)}
        rows += actors.candidate_rows(Doc(aid, " ".join(toks)))
    cands = pd.DataFrame(rows, columns=actors.CANDIDATE_COLUMNS)
    mentions, table = actors.resolve(cands)
    kinds = dict(zip(table["actor_id"], table["kind"], strict=True))
    lex = actors.lexicon()
    demonyms = {" ".join(k) for k, e in lex.entities.items() if e.demonym}
    pred = set()
    for r in mentions.itertuples():
        tag = KIND_TO_TAG.get(kinds.get(r.actor_id, ""))
        if not tag or actors.norm(r.surface) in demonyms:  # ANERcorp tags names, not adjectives (الفرنسي)
            continue
        spans = offsets[r.article_id]
        inside = [i for i, (s, e) in enumerate(spans) if s < r.end and e > r.start]
        if inside:
            pred.add((r.article_id, inside[0], inside[-1] + 1, tag))
    print(f"ANERcorp {path.name}: {len(docs)} pseudo-documents, {len(gold)} gold entities, {len(pred)} predicted")
    print(f"{'type':5} {'gold':>6} {'pred':>6}  {'P exact':>8} {'R exact':>8}  {'P overlap':>9} {'R overlap':>9}")
    for tag in ("PERS", "LOC", "ORG"):
        g = {x for x in gold if x[3] == tag}
        p = {x for x in pred if x[3] == tag}
        exact = len(g & p)
        by_doc_g = _by_doc(g)
        by_doc_p = _by_doc(p)
        p_overlap = sum(any(_overlaps(x, y) for y in by_doc_g.get(x[0], ())) for x in p)
        r_overlap = sum(any(_overlaps(x, y) for y in by_doc_p.get(x[0], ())) for x in g)
        print(f"{tag:5} {len(g):6d} {len(p):6d}  {exact / max(len(p), 1):8.1%} {exact / max(len(g), 1):8.1%}  "
              f"{p_overlap / max(len(p), 1):9.1%} {r_overlap / max(len(g), 1):9.1%}")


def _by_doc(spans):
    out: dict[str, list] = {}
    for x in spans:
        out.setdefault(x[0], []).append(x)
    return out


def _overlaps(a, b) -> bool:
    return a[1] < b[2] and b[1] < a[2]


def articles(folder: Path) -> None:
    from arnews.corpus import load

    df = load(folder)
    mentions, table = actors.extract_actors(df)
    persons = table[table["kind"] == "person"].set_index("actor_id")
    for aid in df["article_id"]:
        m = mentions[(mentions["article_id"] == aid) & mentions["actor_id"].isin(persons.index)]
        found = Counter(m["actor_id"])
        print(f"\n== {aid}")
        for pid, n in found.most_common():
            p = persons.loc[pid]
            print(f"  {n:2d}× {p['name_ar']} ({p['name_en']}) — {p['role_en']} {p['affiliation']} — "
                  f"aliases: {p['aliases']}")


def recognizers(folder: Path) -> None:
    """DateParser.json: a case passes when arnews finds a date overlapping the expected span and its value is
    the expected past or future resolution (arnews picks one by the tense of the sentence)."""
    import json

    from arnews.timeline import find_dates

    cases = json.loads((folder / "DateParser.json").read_text(encoding="utf-8"))
    found = correct = total = 0
    news = news_found = news_correct = 0
    failures = []
    for case in cases:
        ref = case["Context"]["ReferenceDateTime"][:10]
        for exp in case["Results"]:
            if exp.get("Type") != "date":
                continue
            total += 1
            s, e = exp["Start"], exp["Start"] + exp["Length"]
            value = exp["Value"]
            want = {value.get("FutureResolution", {}).get("date"), value.get("PastResolution", {}).get("date")}
            rows = [r for r in find_dates(case["Input"], ref) if r["start"] < e and r["end"] > s]
            ok_span = bool(rows)
            ok_value = any(r["value"] in want for r in rows)
            # "news usage": the expression names a month, a weekday or a relative day, not a bare number
            is_news = not exp["Text"].strip().isdigit()
            found += ok_span
            correct += ok_value
            news += is_news
            news_found += ok_span and is_news
            news_correct += ok_value and is_news
            if is_news and not ok_value:
                failures.append(f"{case['Input']!r} [{exp['Text']}] want {sorted(w for w in want if w)} "
                                f"got {[r['value'] for r in rows]}")
    print(f"Recognizers-Text DateParser.json: {total} expected dates")
    print(f"  all cases:  span found {found / total:.0%}, value right {correct / total:.0%}")
    print(f"  news usage ({news} cases, not bare day numbers): span found {news_found / news:.0%}, "
          f"value right {news_correct / news:.0%}")
    print("  first failures:")
    for f in failures[:int(__import__("os").environ.get("NFAIL", "25"))]:
        print("   ", f)


def timeline_articles(folder: Path) -> None:
    from arnews.corpus import load
    from arnews.timeline import extract_dates

    df = load(folder)
    dates = extract_dates(df)
    for aid in df["article_id"]:
        text = df.set_index("article_id").loc[aid, "text"]
        print(f"\n== {aid} (published {df.set_index('article_id').loc[aid, 'published'].date()})")
        for r in dates[dates["article_id"] == aid].itertuples():
            ctx = text[max(0, r.start - 30):r.end + 20].replace("\n", " ")
            value = f"{r.value}…{r.value_end}" if r.value_end else (r.value or "?")
            print(f"  {value:22} {r.granularity:13} {r.basis:9} [{r.surface}]  …{ctx}…")


def quotes_articles(folder: Path) -> None:
    from arnews import pipeline
    from arnews.corpus import load

    t = pipeline.extract(load(folder))
    names = t["actors"].set_index("actor_id")["name_en"]
    for aid, group in t["quotes"].groupby("article_id"):
        print(f"\n== {aid}")
        for q in group.itertuples():
            who = names.get(q.speaker, "") if q.speaker else f"({q.speaker_kind}: {q.speaker_surface})"
            print(f"  {who[:40]:40} {q.cue:8} {q.kind:8} {q.text[:90]}")


BENCH = SHARED / "bench/saudinewsnet-2015-07-21.zip"


def quotes_sample(which: str, n: int) -> None:
    import random

    from arnews import pipeline
    from arnews.corpus import load

    bench = load(BENCH)
    ids = sorted(bench["article_id"])
    dev = set(random.Random(101).sample(ids, 120))
    chosen = dev if which == "dev" else set(random.Random(202).sample([i for i in ids if i not in dev], 120))
    seed = 7 if which == "dev" else 20261124
    arts = bench[bench["article_id"].isin(chosen)].reset_index(drop=True)
    t = pipeline.extract(arts, jobs=1)
    q, texts = t["quotes"], dict(zip(arts["article_id"], arts["text"], strict=True))
    names = t["actors"].set_index("actor_id")["name_ar"]
    print(f"{len(arts)} articles, {len(q)} statements; sample of {min(n, len(q))} (seed {seed})")
    for k, i in enumerate(sorted(random.Random(seed).sample(range(len(q)), min(n, len(q))))):
        r = q.iloc[i]
        text = texts[r.article_id]
        who = names.get(r.speaker, "") if r.speaker else ""
        print(f"\n#{k} [{r.article_id}] {r.cue} → {who or '-'} | {r.speaker_kind}: {r.speaker_surface} "
              f"| channel: {r.channel or '-'}")
        print("  said:", r.text[:200].replace("\n", " / "))
        print("  context:", text[max(0, r.start - 300):r.end + 80].replace("\n", " / "))


def quotes_speed() -> None:
    import time

    from arnews import pipeline, quotes
    from arnews.corpus import docs, load

    arts = load(BENCH)
    t = pipeline.extract(arts, jobs=1)
    ds = docs(arts)
    best = [float("inf"), float("inf")]
    for _ in range(3):
        t0 = time.process_time()
        cands = [r for d in ds for r in quotes.candidate_rows(d)]
        t1 = time.process_time()
        q = quotes.resolve(cands, t["mentions"], t["actors"], t["articles"])
        q, _mentions, actors = quotes.speaker_actors(q, t["mentions"], t["actors"], t["articles"], t["sentences"])
        quotes.consistency_flags(q, actors, t["articles"])
        t2 = time.process_time()
        best = [min(best[0], t1 - t0), min(best[1], t2 - t1)]
    n = len(arts)
    print(f"{n} articles, {len(q)} statements: per article {1000 * best[0] / n:.3f} ms (candidates) + "
          f"{1000 * best[1] / n:.3f} ms (corpus step) CPU, best of 3")


def actors_speed(n: int = 0) -> None:
    """CPU time per article of the actor stage on the bench day: the name tagger alone, the per-article step
    (rules with the tagger) and the corpus-level resolution; best of 3, per-word-type caches warm."""
    import time

    from arnews import actors, ner
    from arnews.corpus import load

    arts = load(BENCH)
    arts = arts.head(n) if n else arts

    def fresh() -> list[Doc]:
        out = [Doc(r.article_id, r.text, int(r.body_start)) for r in arts.itertuples()]
        for d in out:
            _ = d.tokens, d.sentences  # tokenizing belongs to the text stage, not to actors
        return out

    for d in fresh():  # warm the per-word-type tables
        ner.scored_spans(d)
    best = [float("inf")] * 3
    for _ in range(3):
        ds = fresh()
        t0 = time.process_time()
        for d in ds:
            ner.scored_spans(d)
        t1 = time.process_time()
        ds = fresh()
        t2 = time.process_time()
        rows = [r for d in ds for r in actors.candidate_rows(d)]
        t3 = time.process_time()
        actors.resolve(rows)
        t4 = time.process_time()
        best = [min(best[0], t1 - t0), min(best[1], t3 - t2), min(best[2], t4 - t3)]
    k = len(arts)
    print(f"{k} articles: tagger {1000 * best[0] / k:.2f} ms, per-article actor step (with the tagger) "
          f"{1000 * best[1] / k:.2f} ms, resolution {1000 * best[2] / k:.2f} ms per article (CPU, best of 3)")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "actors-anercorp"
    if what == "actors-anercorp":
        anercorp(Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "eval/anercorp/anercorp-dev.txt")
    elif what == "actors-articles":
        articles(Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "eval/articles")
    elif what == "timeline-recognizers":
        recognizers(Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "eval/recognizers-datetime-ar")
    elif what == "quotes-articles":
        quotes_articles(Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "eval/articles")
    elif what == "quotes-sample":
        quotes_sample(sys.argv[2] if len(sys.argv) > 2 else "test", int(sys.argv[3]) if len(sys.argv) > 3 else 70)
    elif what == "quotes-speed":
        quotes_speed()
    elif what == "actors-speed":
        actors_speed(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    elif what == "timeline-articles":
        timeline_articles(Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "eval/articles")
    else:
        raise SystemExit(__doc__)
