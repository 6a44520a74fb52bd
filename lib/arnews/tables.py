"""Extract once, read many: the tables of a corpus, cached on disk as Parquet and reused while they are fresh.

``load(CORPUS)`` is what every notebook calls. It returns the corpus's :class:`Tables`, read from a folder of
Parquet files when that folder holds an extraction of the same inputs, and extracting (then writing the folder)
only when the tables are missing or stale. An extraction is identified by a key, the hash of

- the corpus: the bytes of every file read (a folder's top-level files, or the one corpus file),
- the stance targets file (its bytes) and the story option,
- the code: every module of the ``arnews`` package that extracts (not those that only present the tables) and
  the package version,
- the language data: ``lib/arnews/data/*`` and the versions of Babel and hijridate, which supply month and
  country names and the Hijri calendar.

A folder holds one extraction: ``NAME.parquet`` for every table and ``manifest.json`` (written last, so a folder
without a manifest or with another key is stale). ``python -m arnews extract`` writes the same folder, plus
``NAME.csv`` for spreadsheets. Without a folder, ``load`` uses ``build/tables/<corpus>-<hash>`` beside the
notebooks (or ``$ARNEWS_CACHE``), so a notebook opened in JupyterLab also extracts at most once.

Corpus problems (files skipped, records without text) become ``Tables.notes``: short sentences a report can list
as data notes instead of printing warnings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from importlib import metadata
from pathlib import Path

import pandas as pd

PACKAGE = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE.parents[1]
MANIFEST = "manifest.json"
FORMAT = 1  # bump when the folder layout changes


def _empty(columns: str) -> pd.DataFrame:
    from arnews import stories

    return pd.DataFrame(columns=getattr(stories, columns))


@dataclass
class Tables:
    """Every table of one corpus, and what produced them.

    Access by attribute (``t.mentions``) or by name (``t["mentions"]``); ``t.items()`` gives ``(name, DataFrame)``
    for every table, in this order.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    dates: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame
    flags: pd.DataFrame
    stances: pd.DataFrame
    # the stories stage's tables (arnews.stories); empty with their columns when a caller builds Tables by hand
    stories: pd.DataFrame = field(default_factory=lambda: _empty("STORY_COLUMNS"))
    copies: pd.DataFrame = field(default_factory=lambda: _empty("COPY_COLUMNS"))
    story_sources: pd.DataFrame = field(default_factory=lambda: _empty("SOURCE_COLUMNS"))
    additions: pd.DataFrame = field(default_factory=lambda: _empty("ADDITION_COLUMNS"))
    story_actors: pd.DataFrame = field(default_factory=lambda: _empty("ACTOR_COLUMNS"))
    targets: list = field(default_factory=list)  # the stance targets (arnews.stance.Target)
    notes: list[str] = field(default_factory=list)  # corpus problems, one sentence each
    key: str = ""  # the extraction's key (see the module docstring)

    @classmethod
    def names(cls) -> list[str]:
        """The table names, in order."""
        return [f.name for f in fields(cls) if f.type in ("pd.DataFrame", pd.DataFrame)]

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.names():
            raise KeyError(f"no table {name!r}; the tables are {', '.join(self.names())}")
        return getattr(self, name)

    def __contains__(self, name: object) -> bool:
        return name in self.names()

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def keys(self) -> list[str]:
        return self.names()

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(n, getattr(self, n)) for n in self.names()]

    def values(self) -> list[pd.DataFrame]:
        return [getattr(self, n) for n in self.names()]


class StaleTables(LookupError):
    """A folder holds no extraction, or one of other inputs."""


# --- the key --------------------------------------------------------------------------------------------


def _digest(h: hashlib._Hash, path: Path) -> None:
    h.update(path.name.encode() + b"\0")
    with path.open("rb") as f:
        h.update(hashlib.file_digest(f, "sha256").digest())


def corpus_files(corpus: Path) -> list[Path]:
    """The files a corpus is read from: the file itself, or a folder's visible top-level files."""
    if corpus.is_dir():
        return sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith("."))
    return [corpus]


def _hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        _digest(h, p)
    return h.hexdigest()


#: modules that only show or export the tables: changing them leaves the extracted tables fresh
PRESENTATION_MODULES = frozenset({"__main__.py", "briefing.py", "cli.py", "display.py", "figures.py", "names.py"})


def code_version() -> str:
    """Hash of the package's extracting modules and version: a change to any extractor makes cached tables stale
    (a change to a module that only presents them, :data:`PRESENTATION_MODULES`, does not)."""
    from arnews import __version__

    modules = sorted(p for p in PACKAGE.glob("*.py") if p.name not in PRESENTATION_MODULES)
    return __version__ + ":" + _hash_files(modules)[:16]


def data_version() -> str:
    """Hash of the language data and of the libraries that supply language knowledge."""
    versions = []
    for dist in ("babel", "hijridate"):
        try:
            versions.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist}=none")
    data = sorted(p for p in (PACKAGE / "data").rglob("*") if p.is_file())  # the NER model in data/ner too
    return " ".join(versions) + ":" + _hash_files(data)[:16]


def resolve_targets(corpus: str | Path, targets: str | Path | None) -> Path | None:
    """The targets file for ``corpus``: ``targets`` when given, ``""`` for none, else ``CORPUS/targets.yaml``.

    >>> resolve_targets("seeds", None).name, resolve_targets("seeds", "")
    ('targets.yaml', None)
    """
    if targets == "":
        return None
    if targets is not None:
        return Path(targets)
    default = Path(corpus) / "targets.yaml"
    if not (Path(corpus).is_dir() and default.exists()):
        return None
    if default.is_symlink() and not default.resolve().is_relative_to(Path(corpus).resolve()):
        warnings.warn(f"{Path(corpus).name}/targets.yaml links out of the corpus folder and is not read; give it "
                      "with --targets if you mean it", UserWarning, stacklevel=2)
        return None
    return default


def _existing(corpus: str | Path) -> Path:
    corpus = Path(corpus)
    if not corpus.exists():
        from arnews.corpus import CorpusError

        raise CorpusError(f"{corpus}: no such file or folder; give a folder of .txt/.html articles or a "
                          ".csv/.json/.jsonl/.zip file")
    return corpus


def fingerprint(corpus: str | Path, targets: Path | None = None, story: str | None = None) -> dict[str, str]:
    """The inputs an extraction depends on, each hashed (see the module docstring)."""
    corpus = _existing(corpus)
    return {
        "format": str(FORMAT),
        "corpus": _hash_files(corpus_files(corpus)),
        "targets": _hash_files([targets]) if targets else "",
        "story": "" if story is None else str(story),
        "code": code_version(),
        "data": data_version(),
    }


def key_of(parts: dict[str, str]) -> str:
    """One key for a fingerprint."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:24]


# --- folders ---------------------------------------------------------------------------------------------


def default_folder(corpus: str | Path) -> Path:
    """Where ``load`` caches a corpus's tables when not told: ``$ARNEWS_CACHE`` or ``build/tables`` of the
    project, one folder per corpus path."""
    corpus = Path(corpus).resolve()
    root = Path(os.environ["ARNEWS_CACHE"]) if os.environ.get("ARNEWS_CACHE") else (
        PROJECT_ROOT / "build" / "tables" if (PROJECT_ROOT / "pyproject.toml").exists()
        else Path.home() / ".cache" / "arnews" / "tables")
    tag = hashlib.sha256(str(corpus).encode()).hexdigest()[:8]
    return root / f"{corpus.stem or 'corpus'}-{tag}"


def read_manifest(folder: Path) -> dict | None:
    """The folder's manifest, or None when there is none (or it cannot be read)."""
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read(folder: str | Path, key: str | None = None) -> Tables:
    """The tables in ``folder``; :class:`StaleTables` when it holds none, or (with ``key``) other inputs'."""
    from arnews.stance import Target

    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None:
        raise StaleTables(f"{folder}: no extracted tables (no {MANIFEST})")
    if key is not None and manifest.get("key") != key:
        raise StaleTables(f"{folder}: tables of other inputs (key {manifest.get('key')}, wanted {key})")
    frames = {}
    for name in Tables.names():
        path = folder / f"{name}.parquet"
        if not path.exists():
            raise StaleTables(f"{path}: missing")
        frames[name] = pd.read_parquet(path)
    targets = [Target(t["id"], t["en"], t["ar"], tuple(t["terms"])) for t in manifest.get("targets", [])]
    return Tables(**frames, targets=targets, notes=list(manifest.get("notes", [])), key=manifest["key"])


def write(tables: Tables, folder: str | Path, *, parts: dict[str, str] | None = None, csv: bool = False,
          sources: dict[str, str] | None = None, wait: bool = False) -> Path:
    """Write every table as ``NAME.parquet`` (and a spreadsheet-safe ``NAME.csv`` with ``csv``), then the
    manifest; returns it. The folder is a transaction (:func:`arnews.outdir.transaction`): everything is
    written into a fresh folder beside it and swapped in at once; a second writer is refused (or, with ``wait``,
    waits for the first)."""
    from arnews import outdir
    from arnews.pipeline import release_memory

    folder = Path(folder)
    with outdir.transaction(folder, wait=wait) as tmp:
        for name, df in tables.items():
            df.to_parquet(tmp / f"{name}.parquet", index=False)  # the exact text: offsets refer to it
            if csv:
                outdir.write_csv(df, tmp / f"{name}.csv")  # for spreadsheets: formula-like cells neutralized
            release_memory(len(tables.articles))
        manifest = {
            "key": tables.key, "parts": parts or {}, **(sources or {}),
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "rows": {name: len(df) for name, df in tables.items()},
            "targets": [{"id": t.id, "en": t.en, "ar": t.ar, "terms": list(t.terms)} for t in tables.targets],
            "notes": tables.notes,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder / MANIFEST


# --- extracting ------------------------------------------------------------------------------------------


def notes_from(caught: list[warnings.WarningMessage]) -> list[str]:
    """Warnings raised while loading and extracting, as data notes (one line per problem, source first)."""
    notes = []
    for w in caught:
        lines = [ln.strip() for ln in str(w.message).splitlines() if ln.strip()]
        if len(lines) > 1 and lines[0].endswith(":"):  # a corpus report: "corpus X:" then one line per kind
            notes += lines[1:]
        elif lines:
            notes.append(" ".join(lines))
    return list(dict.fromkeys(notes))


def extract(corpus: str | Path, targets: str | Path | None = None, story: str | None = None, *,
            jobs: int | None = None, progress: bool | None = None, strict: bool = False, **options) -> Tables:
    """Load ``corpus`` and run the pipeline on it (no cache); corpus warnings become ``notes``."""
    from arnews import corpus as corpus_mod
    from arnews import pipeline
    from arnews.stance import load_targets

    target_path = resolve_targets(corpus, targets)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipeline.use_system_allocator()
        articles = corpus_mod.load(corpus, strict=strict)
        pipeline.release_memory(len(articles))  # the loader's buffers, before the extraction's own
        target_list = load_targets(target_path) if target_path else []
        extra = {"story": story} if story is not None else {}
        tables = pipeline.extract(articles, jobs=jobs, progress=progress, targets=target_list, **extra, **options)
    tables.notes = notes_from([w for w in caught if not issubclass(w.category, (DeprecationWarning,
                                                                                 PendingDeprecationWarning))])
    return tables


def load(corpus: str | Path, targets: str | Path | None = None, story: str | None = None, *,
         folder: str | Path | None = None, refresh: bool = False, jobs: int | None = None,
         progress: bool | None = None, log: Callable[[str], None] | None = None, whole: Tables | None = None) -> Tables:
    """The tables of ``corpus``: read from ``folder`` when fresh, else extracted and written there.

    ``targets``: the stance targets file (``None``: ``CORPUS/targets.yaml`` when present; ``""``: none).
    ``folder``: where the tables live (default :func:`default_folder`). ``refresh``: extract even when fresh.
    ``whole``: with ``story``, the whole corpus's tables when already loaded: a story's tables then need the
    story's articles extracted, not the whole corpus again (used only when they are this corpus's and targets').
    The English names of the most mentioned people are given in a readable form for display
    (:mod:`arnews.names`); the tables on disk keep the transliteration the ids are made from.

    >>> t = load("seeds")  # doctest: +SKIP
    >>> t.mentions.columns.tolist()[:3]  # doctest: +SKIP
    ['article_id', 'start', 'end']
    """
    corpus = _existing(corpus)
    target_path = resolve_targets(corpus, targets)
    parts = fingerprint(corpus, target_path, story)
    key = key_of(parts)
    folder = Path(folder) if folder else default_folder(corpus)
    if not refresh:
        try:
            return _for_display(read(folder, key), folder)
        except StaleTables:
            pass
    if log:
        log(f"extracting {corpus} into {folder} …")
    same = story and whole is not None and whole.key == key_of(fingerprint(corpus, target_path, None))
    tables = extract(corpus, "" if target_path is None else target_path, story, jobs=jobs, progress=progress,
                     **({"whole": whole} if same else {}))
    tables.key = key
    write(tables, folder, parts=parts, wait=True,  # two notebooks extracting at once: the second waits
          sources={"corpus": str(corpus.resolve()), "targets_file": str(target_path.resolve()) if target_path else ""})
    return _for_display(read(folder, key), folder)


# the largest stories and the first flags, whose people a report names whatever their rank in the corpus
STORIES_SHOWN = 20
FLAGS_SHOWN = 50


def _for_display(tables: Tables, folder: Path) -> Tables:
    """The English names of the most mentioned people, of those named by the :data:`STORIES_SHOWN` largest
    stories and of the speakers of the first :data:`FLAGS_SHOWN` flags (and in those flags' details) in a
    readable form (:func:`arnews.names.readable`), computed once per name and kept beside the tables
    (``FOLDER.names.json``)."""
    from arnews import names

    flags = tables.flags.head(FLAGS_SHOWN)
    shown = [a for ids in tables.stories["actors"].head(STORIES_SHOWN) for a in str(ids).split(" | ")]
    shown += [a for col in ("speaker", "other") for ids in flags[col] for a in str(ids).split(" | ")]
    before = dict(zip(tables.actors["actor_id"], tables.actors["name_en"], strict=True))
    tables.actors = names.readable(tables.actors, cache_file=folder.with_name(folder.name + ".names.json"),
                                   also=shown)
    after = dict(zip(tables.actors["actor_id"], tables.actors["name_en"], strict=True))
    if len(flags):  # the flags' details name their speakers as the tables do: in the readable form too
        details = tables.flags["detail"].tolist()
        for i, f in enumerate(flags.itertuples()):
            for a in {f.speaker, *str(f.other).split(" | ")}:
                if before.get(a) and after.get(a) != before[a]:
                    details[i] = details[i].replace(before[a], after[a])
        tables.flags = tables.flags.assign(detail=details)
    return tables


__all__ = ["StaleTables", "Tables", "default_folder", "extract", "fingerprint", "load", "read", "resolve_targets",
           "write"]
