"""Train the name tagger of :mod:`arnews.ner` on ANERcorp, and measure it by cross-validation.

    python scripts/train_ner.py                    # train on the whole file, write lib/arnews/data/ner/
    python scripts/train_ner.py --cv 5             # 5-fold cross-validation by contiguous blocks, then train
    python scripts/train_ner.py --cv 5 --folds 1   # tune quickly: only the first fold
    python scripts/train_ner.py --no-train --cv 5  # only measure

Input: ``../shared/eval/anercorp/anercorp-dev.txt`` (one ``token TAG`` per line, BIO tags, no sentence breaks;
CC BY-SA 4.0). The model is written to ``lib/arnews/data/ner/ner.crfsuite``; ``gazetteer.json`` beside it is
the snapshot of the word lists its features were built from (titles, given names, countries … as they are when it
is trained: the tagger reads that snapshot, so editing a list later does not change its input); ``model.json``
records the training file's SHA-256, the parameters, the feature set version, the model's and the snapshot's
SHA-256 and the cross-validated scores. Training is deterministic (L-BFGS, no shuffling; the seed is recorded
for completeness).

The ANERcorp text is re-tokenized with :func:`arnews.text.tokens`, so the tagger is trained on the same tokens
it sees at run time (a label goes to every arnews token inside an ANERcorp token); sentences are
:func:`arnews.text.sentences` of pseudo-documents of about 400 tokens, cut after a full stop.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from bisect import bisect_left
from pathlib import Path

from arnews import ner
from arnews.text import Doc, sentences, tokens

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "eval" / "anercorp" / "anercorp-dev.txt"
OUT_DIR = ROOT / "lib" / "arnews" / "data" / "ner"
#: bump when sentence_features changes, so the test sees a model trained on other features
FEATURE_VERSION = 2
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.minfreq": 1,
          "feature.possible_transitions": True}
SEED = 13
TYPES = ("PERS", "ORG", "LOC", "MISC")


def read_blocks(path: Path, doc_tokens: int = 400) -> list[tuple[list[str], list[str]]]:
    """ANERcorp as pseudo-documents ``(tokens, tags)`` of about ``doc_tokens`` tokens, cut after a full stop."""
    docs, toks, tags = [], [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.rsplit(" ", 1)
        if len(parts) != 2:
            sys.exit(f"{path}:{n}: expected 'token TAG', got {line!r}")
        if not parts[0].strip():
            continue
        toks.append(parts[0].strip())
        tags.append(parts[1])
        if len(toks) >= doc_tokens and parts[0] == ".":
            docs.append((toks, tags))
            toks, tags = [], []
    if toks:
        docs.append((toks, tags))
    return docs


def to_sequences(doc: tuple[list[str], list[str]]) -> list[tuple[list[list[str]], list[str]]]:
    """One pseudo-document as CRFsuite sequences (features, BIO labels over arnews tokens), one per sentence."""
    words, tags = doc
    text = " ".join(words)
    bounds, pos = [], 0
    for w in words:
        bounds.append(pos)
        pos += len(w) + 1
    toks = tokens(text)
    labels = []
    prev_src = -1
    for t in toks:
        src = bisect_left(bounds, t.start + 1) - 1  # the ANERcorp token holding this arnews token
        tag = tags[src]
        if src == prev_src and tag.startswith("B-"):
            tag = "I-" + tag[2:]  # the second arnews token of one ANERcorp token continues its entity
        labels.append(tag)
        prev_src = src
    starts = [t.start for t in toks]
    out = []
    for s, e in sentences(text):
        a, b = bisect_left(starts, s), bisect_left(starts, e)
        if b > a:
            out.append((ner.sentence_features(text, toks[a:b]), labels[a:b]))
    return out


def _doc_sentences(doc: tuple[list[str], list[str]]) -> tuple[Doc, list[tuple[int, int]]]:
    """The pseudo-document as an arnews :class:`Doc` and its sentences as token ranges (as in to_sequences)."""
    d = Doc("cv", " ".join(doc[0]))
    starts = [t.start for t in d.tokens]
    ranges = [(bisect_left(starts, s), bisect_left(starts, e)) for s, e in d.sentences]
    return d, [(a, b) for a, b in ranges if b > a]


def fast_path_labels(model: Path, docs, margin: float | None = None) -> list[list[str]]:
    """Per sentence, the labels :func:`arnews.ner.entity_spans` gives with the model at ``model``: the decoding
    ``arnews extract`` runs (only the suspect stretches, within ``margin`` of O), not CRFsuite's whole-sentence
    Viterbi."""
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(model))
    saved = ner.tagger
    ner.tagger = lambda: t  # the fold's model, for ner._weights
    ner.forget_model()
    try:
        out = []
        for doc in docs:
            d, ranges = _doc_sentences(doc)
            labels = ["O"] * len(d.tokens)
            for a, b, k in ner.entity_spans(d, margin=margin):
                labels[a:b] = ["B-" + k] + ["I-" + k] * (b - a - 1)
            out += [labels[a:b] for a, b in ranges]
    finally:
        ner.tagger = saved
        ner.forget_model()
        t.close()
    return out


def train(seqs, path: Path, params: dict) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in seqs:
        trainer.append(x, y)
    trainer.set_params(params)
    trainer.train(str(path))


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per type (and micro over PERS/ORG/LOC)."""
    counts = {t: [0, 0, 0] for t in TYPES}  # true positives, gold, predicted
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(ner.bio_spans(g)), set(ner.bio_spans(p))
        for t in TYPES:
            gt = {s for s in gs if s[2] == t}
            pt = {s for s in ps if s[2] == t}
            counts[t][0] += len(gt & pt)
            counts[t][1] += len(gt)
            counts[t][2] += len(pt)
    counts["micro3"] = [sum(counts[t][k] for t in ("PERS", "ORG", "LOC")) for k in range(3)]
    out = {}
    for t, (tp, ng, npred) in counts.items():
        p = tp / npred if npred else 0.0
        r = tp / ng if ng else 0.0
        out[t] = {"P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                  "gold": ng}
    return out


def cross_validate(docs, k: int, folds: int, params: dict) -> dict:
    """Cross-validation by ``k`` contiguous blocks of pseudo-documents (neighbouring sentences share names)."""
    import pycrfsuite

    n = len(docs)
    cuts = [round(i * n / k) for i in range(k + 1)]
    gold_all: list[list[str]] = []
    pred_all: list[list[str]] = []
    fast_all: list[list[str]] = []
    per_fold = []
    for f in range(min(folds, k)):
        test = [s for d in docs[cuts[f]:cuts[f + 1]] for s in to_sequences(d)]
        training = [s for i, d in enumerate(docs) if not cuts[f] <= i < cuts[f + 1] for s in to_sequences(d)]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fold.crfsuite"
            t0 = time.time()
            train(training, path, params)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            gold = [y for _, y in test]
            pred = [tagger.tag(x) for x, _ in test]
            tagger.close()
            fast = fast_path_labels(path, docs[cuts[f]:cuts[f + 1]])
        s, sf = score(gold, pred), score(gold, fast)
        per_fold.append(s)
        gold_all += gold
        pred_all += pred
        fast_all += fast
        for name, x in (("crfsuite", s), ("arnews", sf)):
            print(f"fold {f + 1}/{k} ({time.time() - t0:.0f}s) {name:8}: " + "  ".join(
                f"{t} P {x[t]['P']:.3f} R {x[t]['R']:.3f} F1 {x[t]['F1']:.3f}" for t in ("PERS", "ORG", "LOC")),
                flush=True)
    return {"folds": k, "folds_run": len(per_fold), "pooled": score(gold_all, pred_all),
            "pooled_arnews_decoding": score(gold_all, fast_all)}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT, help="anercorp-dev.txt")
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation by contiguous blocks first")
    ap.add_argument("--folds", type=int, default=99, help="run only the first N folds of the CV (tuning)")
    ap.add_argument("--no-train", action="store_true", help="only cross-validate")
    ap.add_argument("--param", action="append", default=[], help="override a CRFsuite parameter: name=value")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    if not args.input.is_file():
        sys.exit(f"{args.input}: not found; pass the path of anercorp-dev.txt")
    random.seed(SEED)
    ner.use_live_gazetteer()  # features from the word lists as they are now; their snapshot ships with the model
    params = dict(PARAMS)
    for p in args.param:
        name, _, value = p.partition("=")
        params[name] = type(PARAMS.get(name, 0.0))(json.loads(value))
    docs = read_blocks(args.input)
    print(f"{args.input.name}: {len(docs)} pseudo-documents, {sum(len(d[0]) for d in docs)} tokens", flush=True)
    cv = cross_validate(docs, args.cv, args.folds, params) if args.cv else None
    if cv:
        for key, what in (("pooled", "CRFsuite whole sentences"), ("pooled_arnews_decoding", "arnews decoding")):
            pooled = cv[key]
            print(f"CV pooled over {cv['folds_run']}/{cv['folds']} folds, {what}:")
            for t in (*TYPES, "micro3"):
                print(f"  {t:6} P {pooled[t]['P']:.3f}  R {pooled[t]['R']:.3f}  F1 {pooled[t]['F1']:.3f}"
                      f"  (gold {pooled[t]['gold']})")
    if args.no_train:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    model = args.out / ner.MODEL_FILE
    seqs = [s for d in docs for s in to_sequences(d)]
    train(seqs, model, params)
    gazetteer = args.out / ner.GAZETTEER_FILE
    gazetteer.write_text(json.dumps({w: sorted(c) for w, c in sorted(ner.lexicon_gazetteer().items())},
                                    ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    meta = {
        "training_file": args.input.name,
        "training_sha256": sha256(args.input),
        "training_tokens": sum(len(d[0]) for d in docs),
        "params": params,
        "seed": SEED,
        "feature_version": FEATURE_VERSION,
        "model_sha256": sha256(model),
        "gazetteer_sha256": sha256(gazetteer),
        "cross_validation": cv if cv and cv["folds_run"] == cv["folds"] else None,
        "license": "CC BY-SA 4.0 (see LICENSE beside this file)",
    }
    (args.out / ner.META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {model} ({model.stat().st_size / 1e6:.1f} MB) and {ner.META_FILE}")


if __name__ == "__main__":
    main()
