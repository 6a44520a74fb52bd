"""The contract of a pipeline stage: what it reads, what it writes, and the function for each step.

Each extractor module declares one :class:`Stage` (``actors.STAGE``, ``timeline.STAGE`` …), the way spaCy's
``Language.factory(assigns=…, requires=…)`` declares a component; :mod:`arnews.pipeline` orders the stages by
what they require and produce and checks the chain when it is imported (:func:`analyze`), so a missing input or a
table produced twice is an error at import, not a ``KeyError`` halfway through a corpus.

A stage has up to two steps:

- ``per_article(doc) -> rows``: a pure function of one article (:class:`arnews.text.Doc`); its rows make the
  table ``rows_table`` (a published table such as ``dates``, or a candidates table such as ``_actor_candidates``
  that only the stage's own corpus step reads; names starting with ``_`` are never published);
- ``corpus_step(tables) -> tables``: runs once after every article, on a dict holding the tables it requires,
  and returns it with the tables it produces (the modules' ``finalize`` functions).

A stage also names the memo tables its per-article step fills (``caches``: per-word look-ups such as
``functools.lru_cache`` functions or dictionaries). They hold pure functions of one word, so emptying them costs
time, never a different result; the pipeline empties them when the per-article stage is over
(:func:`clear_caches`), so what they hold is not carried through the corpus-level steps.

Every table a stage produces is declared with its columns and what each means (:class:`Table`); the README's
column tables are generated from these declarations (``scripts/readme_tables.py``), so they cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

#: what every stage may read without another stage producing it
INPUTS = ("articles", "_targets", "_story")


@dataclass(frozen=True)
class Table:
    """A table's columns, in order, and what they mean.

    ``doc`` maps a column, or several consecutive columns written ``"a, b, c"``, to its meaning; together the keys
    name every column once, in order (checked by :func:`undocumented`).
    """

    columns: Sequence[str]
    doc: dict[str, str] = field(default_factory=dict)
    about: str = ""  # one line shown under the table's heading in the README (optional)


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline, with its contract (see the module docstring)."""

    name: str
    produces: dict[str, Table]
    requires: tuple[str, ...] = ()
    per_article: Callable | None = None
    rows_table: str = ""  # the table per_article's rows go to
    rows_columns: Sequence[str] = ()  # its columns (for a candidates table; a published one is in produces)
    rows_as: str = "records"  # how the corpus step takes a candidates table: "records" (dicts) or "frame"
    corpus_step: Callable[[dict], dict] | None = None
    adds: dict[str, Table] = field(default_factory=dict)  # columns this stage adds to another stage's table
    caches: tuple = ()  # memo tables per_article fills: objects with cache_clear() or clear(), or functions

    def __post_init__(self) -> None:
        if self.per_article is not None and not self.rows_table:
            raise PipelineError(f"stage {self.name!r}: per_article needs rows_table (the table its rows go to)")
        if self.rows_table and not self.rows_table.startswith("_") and self.rows_table not in self.produces:
            raise PipelineError(f"stage {self.name!r}: rows go to {self.rows_table!r}, which it does not produce")

    @property
    def writes(self) -> list[str]:
        """Every table the stage writes: its rows table, then what it produces."""
        return list(dict.fromkeys(([self.rows_table] if self.rows_table else []) + list(self.produces)))

    def columns(self, table: str) -> list[str]:
        """The declared columns of ``table`` (a candidates table: ``rows_columns``)."""
        if table in self.produces:
            return list(self.produces[table].columns)
        if table == self.rows_table:
            return list(self.rows_columns)
        raise KeyError(table)


def clear_caches(stages: Sequence[Stage]) -> int:
    """Empty every memo table the stages declare (``Stage.caches``); returns how many entries were dropped.

    >>> memo = {"قال": True}
    >>> clear_caches([Stage("s", {}, caches=(memo,))]), memo
    (1, {})
    """
    dropped = 0
    for s in stages:
        for c in s.caches:
            if hasattr(c, "cache_clear"):
                dropped += c.cache_info().currsize if hasattr(c, "cache_info") else 0
                c.cache_clear()
            elif hasattr(c, "clear"):
                dropped += len(c)
                c.clear()
            elif callable(c):
                dropped += c() or 0
            else:
                raise PipelineError(f"stage {s.name!r}: cache {c!r} has neither cache_clear() nor clear()")
    return dropped


class PipelineError(RuntimeError):
    """The stages do not fit together, or a stage broke its contract; the message names the stage."""


def order(stages: Sequence[Stage], inputs: Sequence[str] = INPUTS) -> list[Stage]:
    """The stages in an order where each runs after the stages producing what it requires (listed order kept
    where the contracts allow); :class:`PipelineError` when a requirement is never produced, a table is produced
    twice or the requirements form a cycle.

    >>> a = Stage("a", {"x": Table(["id"])}, requires=("y",))
    >>> b = Stage("b", {"y": Table(["id"])})
    >>> [s.name for s in order([a, b])]
    ['b', 'a']
    """
    producer: dict[str, str] = {}
    for s in stages:
        for t in s.writes:
            if t in producer or t in inputs:
                raise PipelineError(f"table {t!r} is produced by both {producer.get(t, 'the input')!r} and "
                                    f"{s.name!r}; a table has one producer (declare added columns with adds=)")
            producer[t] = s.name
    for s in stages:
        for t in list(s.requires) + list(s.adds):
            if t not in producer and t not in inputs:
                raise PipelineError(f"stage {s.name!r} requires {t!r}, which no stage produces "
                                    f"(known: {', '.join(sorted(producer))})")
    done: set[str] = set(inputs)
    out: list[Stage] = []
    pending = list(stages)
    while pending:
        ready = next((s for s in pending if all(t in done for t in list(s.requires) + list(s.adds))), None)
        if ready is None:
            raise PipelineError("the stages' requirements form a cycle: "
                                + "; ".join(f"{s.name} requires {', '.join(s.requires)}" for s in pending))
        out.append(ready)
        pending.remove(ready)
        done |= set(ready.writes)
    return out


def analyze(stages: Sequence[Stage]) -> list[dict]:
    """One row per stage, in run order: its steps, what it requires and what it writes (like spaCy's
    ``analyze_pipes``); raises :class:`PipelineError` when the chain does not hold."""
    return [{"stage": s.name, "per_article": s.rows_table or "", "corpus_step": bool(s.corpus_step),
             "requires": ", ".join(s.requires), "produces": ", ".join(s.produces),
             "adds": ", ".join(f"{t}.{c}" for t, tab in s.adds.items() for c in tab.columns)}
            for s in order(stages)]


def doc_columns(table: Table) -> list[str]:
    """The columns ``table.doc`` documents, in order."""
    return [c.strip() for key in table.doc for c in key.split(",")]


def undocumented(name: str, table: Table) -> list[str]:
    """What is wrong with a table's documentation: columns without a meaning, meanings of no column, order.

    >>> undocumented("t", Table(["a", "b"], {"a": "x"}))
    ["t.b: no meaning given (add it to the stage's Table doc)"]
    """
    documented = doc_columns(table)
    out = [f"{name}.{c}: no meaning given (add it to the stage's Table doc)" for c in table.columns
           if c not in documented]
    out += [f"{name}.{c}: documented but not a column" for c in documented if c not in table.columns]
    if not out and documented != list(table.columns):
        out.append(f"{name}: documented in the order {documented}, but the columns are {list(table.columns)}")
    return out


def markdown(name: str, table: Table) -> str:
    """The README block for a table: heading, then one row per documented column (group).

    >>> print(markdown("t", Table(["a", "b"], {"a, b": "the span"})))
    ### `t.csv`
    <BLANKLINE>
    | column | meaning |
    | --- | --- |
    | a, b | the span |
    """
    head = f"### `{name}.csv`" + (f" ({table.about})" if table.about else "")
    rows = [f"| {cols} | {meaning.replace('|', chr(92) + '|')} |" for cols, meaning in table.doc.items()]
    return "\n".join([head, "", "| column | meaning |", "| --- | --- |", *rows])


def check_columns(stage: Stage, table: str, columns: Sequence[str]) -> None:
    """Raise :class:`PipelineError` unless ``columns`` (of a table the stage wrote) are the declared ones."""
    declared = stage.columns(table)
    if list(columns) != declared:
        missing = [c for c in declared if c not in columns]
        extra = [c for c in columns if c not in declared]
        raise PipelineError(f"stage {stage.name!r} wrote {table!r} with columns {list(columns)}; it declares "
                            f"{declared} (missing {missing}, undeclared {extra})")
