"""Build the briefing: extract the tables once, execute every notebook in order on them, then export the briefing
as one HTML file.

- The tables are extracted once into ``OUT/build/tables`` (:func:`arnews.tables.load`: reused while fresh).
- Notebooks ``notebooks/NN_*.ipynb`` run in order with papermill, each in a fresh kernel, with the corpus,
  targets, tables and figures folders injected after the cell tagged ``parameters``; each reads the tables
  (``arnews.tables.load``) instead of extracting again. Executed copies go to ``OUT/build/``; tracked files are
  never modified.
- The last notebook (the briefing) is exported without code to ``OUT/reports/briefing.html``: one
  self-contained file (images inlined, no script, stylesheet or font fetched), Arabic marked right to left.
- A failing cell stops the build with the notebook and cell named; the previous report is left untouched
  (the report is written to a temporary file and renamed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import multiprocessing
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from arnews import outdir
from arnews.display import html_escape, is_arabic, without_local_paths
from arnews.text import strip_bidi_controls

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = PROJECT_ROOT / "notebooks"
SEEDS = PROJECT_ROOT / "seeds"
_NOTEBOOK_RE = re.compile(r"^\d\d_.+\.ipynb$")
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


class BuildError(RuntimeError):
    """A notebook failed; the message names the notebook and the cell."""


@dataclass(frozen=True)
class BuildPaths:
    """Where a build reads and writes."""

    corpus: Path
    out: Path

    @property
    def figures(self) -> Path:
        return self.out / "figures"

    @property
    def reports(self) -> Path:
        return self.out / "reports"

    @property
    def build(self) -> Path:
        return self.out / "build"

    @property
    def tables(self) -> Path:
        return self.out / "build" / "tables"

    @property
    def report(self) -> Path:
        return self.reports / "briefing.html"


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks of a build, in order (``NN_topic.ipynb``)."""
    return sorted(p for p in folder.iterdir() if _NOTEBOOK_RE.match(p.name))


def parameters(paths: BuildPaths, targets: Path | None = None, story: str | None = None) -> dict[str, str]:
    """The values injected into each notebook's parameters (``STORY``: one story's articles only, or ""; its
    tables sit beside the whole corpus's, :func:`story_tables_folder`)."""
    # always set: a corpus without targets must not fall back to the notebooks' default (the seeds' targets)
    folder = story_tables_folder(paths.tables, paths.corpus, story) if story else paths.tables
    return {"CORPUS": str(paths.corpus), "FIGURES": str(paths.figures),
            "TARGETS": str(targets) if targets is not None else "", "TABLES": str(folder),
            "STORY": story or ""}


def execute_notebook(path: Path, params: dict[str, str], out_path: Path, timeout: int = 900,
                     kernel: Kernel | None = None):
    """Execute one notebook with papermill, ``params`` injected after its ``parameters`` cell; save the executed
    copy to ``out_path``; return it. ``kernel``: one started for it in the notebook's folder (:class:`Kernel`; it
    is closed here), else a fresh one is started. A failing cell raises :class:`BuildError` naming the notebook
    and cell."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    out_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with contextlib.ExitStack() as stack:
            if kernel is not None:
                stack.callback(kernel.close)
            if kernel is None or kernel.cwd != str(path.parent):
                kernel = stack.enter_context(Kernel(str(path.parent)))
            nb = papermill.execute_notebook(str(path), str(out_path), parameters=params, kernel_name="python3",
                                            language="python", cwd=str(path.parent), progress_bar=False,
                                            log_output=False, request_save_on_cell_execute=False,
                                            execution_timeout=timeout, km=kernel.km)
    except PapermillExecutionError as e:
        failed = _failed_cell(nbformat.read(out_path, as_version=4))
        where = f"code cell {failed[0]} ({failed[1]!r})" if failed else "a cell"
        raise BuildError(f"{path.name}: {where} failed: {e.ename}: {_ANSI_RE.sub('', str(e.evalue))}\n"
                         f"(the executed copy with the traceback is {out_path})") from None
    return nb


# what the notebooks import first; a kernel started ahead of its notebook imports these while it waits (the names
# are not left in the notebook's namespace: a notebook that forgets an import still fails in the build)
PRELOAD = ("pandas", "matplotlib.pyplot", "IPython.display", "arnews.figures", "arnews.tables", "arnews.display")


@functools.cache
def _manager_class() -> type:
    """jupyter_client's KernelManager, remembering in ``clients_made`` the clients it made (imported when first
    needed: jupyter_client is not needed to read tables)."""
    from jupyter_client.manager import KernelManager
    from traitlets import List

    class RecordingKernelManager(KernelManager):
        clients_made = List()

        def client(self, **kwargs):
            kc = super().client(**kwargs)
            self.clients_made.append(kc)
            return kc

    return RecordingKernelManager


class Kernel:
    """A kernel for one notebook, started in ``cwd``, talking over Unix sockets in a private temporary folder
    instead of TCP ports, importing ``preload`` as it starts. Starting does not wait for it: it boots while other
    work goes on, and papermill waits until it answers.

    With TCP, jupyter_client picks each kernel's five ports by binding port 0 and closing it again; two processes
    starting kernels at the same moment can be handed the same free port ("Address already in use", a 60 s wait,
    a failed build). Socket files in a folder of their own cannot collide, so notebooks can run side by side.
    :meth:`close` stops the clients' channels, shuts the kernel down and removes the folder (papermill leaves a
    kernel it was given, and nbclient stops the channels only of a kernel it started: their heartbeat thread would
    go on pinging a dead kernel, and a later garbage collection could close its socket under it, an abort)."""

    def __init__(self, cwd: str, kernel_name: str = "python3", preload: tuple[str, ...] = PRELOAD):
        self.cwd = cwd
        self.folder = tempfile.mkdtemp(prefix="arnews-kernel-")  # short: a socket path is limited to ~100 bytes
        self.km = _manager_class()(kernel_name=kernel_name, transport="ipc", ip=os.path.join(self.folder, "k"))
        lines = [f"for _m in {preload!r}: __import__(_m)", "del _m"] if preload else []
        try:
            self.km.start_kernel(cwd=cwd, extra_arguments=[f"--IPKernelApp.exec_lines={lines!r}"])
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop the channels of the clients made for the kernel (while it still answers), shut the kernel down
        (if it runs) and remove its socket folder."""
        try:
            while self.km.clients_made:
                self.km.clients_made.pop().stop_channels()
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
            self.km.cleanup_resources()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Kernel:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _failed_cell(nb) -> tuple[int, str] | None:
    code_cells = [c for c in nb.cells if c.cell_type == "code"
                  and "injected-parameters" not in c.metadata.get("tags", [])]  # counted as in the notebook
    for i, c in enumerate(code_cells, start=1):
        if any(o.get("output_type") == "error" for o in c.get("outputs", [])):
            first = next((ln for ln in c.source.splitlines() if ln.strip()), "")
            return i, first[:80]
    return None


def run_notebooks(books: list[Path], params: dict[str, str], folder: Path, jobs: int | None = None, log=print):
    """Execute ``books`` (independent of each other: each reads the extracted tables) on ``jobs`` kernels at once;
    returns the last one executed. The first failure in notebook order is raised."""
    with notebook_runner(books, jobs) as run:
        return run(params, folder, log)


@contextlib.contextmanager
def notebook_runner(books: list[Path], jobs: int | None = None):
    """Get ready to run ``books`` on ``jobs`` kernels at once; yields ``run(params, folder, log)``, which executes
    them and returns the last one executed (the first failure in notebook order is raised).

    With more than one job, the worker processes start at once, each with a kernel booting for its first
    notebook, and while a notebook runs the kernel for its worker's next one boots (never more kernels than
    notebooks). So kernel start-up overlaps what the caller does inside the ``with`` (the extraction of the
    tables) and the notebooks before it. Workers are processes, not threads: papermill changes the working
    directory of the process that runs a notebook, and two threads doing so at once leave the parent in the wrong
    folder. Spawned, not forked: a fork of a process that has already talked to a kernel copies its ZeroMQ state,
    and the child hangs."""
    from concurrent.futures import ProcessPoolExecutor

    jobs = max(1, min(jobs or default_jobs(), len(books)))
    if jobs == 1:
        def one_by_one(params: dict[str, str], folder: Path, log=print):
            executed = None
            for nb_path in books:
                log(f"running {nb_path.name} …")
                executed = execute_notebook(nb_path, params, folder / nb_path.name)
            return executed
        yield one_by_one
        return

    ctx = multiprocessing.get_context("spawn")
    folders = {str(b.parent) for b in books}
    cwd = folders.pop() if len(folders) == 1 else None  # kernels start ahead only where every notebook runs
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_start,
                             initargs=(cwd, ctx.Value("i", 0), len(books))) as pool:
        for _ in range(jobs):  # one task each, so that every worker (and its first kernel) starts now
            pool.submit(_worker_ready)

        def side_by_side(params: dict[str, str], folder: Path, log=print):
            log(f"running {', '.join(b.name for b in books)} on {jobs} kernels …")
            futures = [pool.submit(_worker_execute, nb_path, params, folder / nb_path.name) for nb_path in books]
            results = [f.exception() or f.result() for f in futures]
            for r in results:
                if isinstance(r, BaseException):
                    raise r
            return results[-1]
        yield side_by_side


# one worker process of notebook_runner: the folder its kernels start in, the count of kernels started by all the
# workers (shared) and of notebooks, and the kernel booting for its next notebook
_WORKER: dict = {}
_NEXT: list[Kernel] = []


def _worker_start(cwd: str | None, started, total: int) -> None:
    import atexit

    _WORKER.update(cwd=cwd, started=started, total=total)
    atexit.register(_worker_stop)
    _boot_next()
    import papermill  # noqa: F401 — imported while the kernel boots, not when the first notebook comes


def _claim_kernel(force: bool = False) -> bool:
    """Count one more kernel started, unless (without ``force``) every notebook has one already."""
    started = _WORKER["started"]
    with started.get_lock():
        if not force and started.value >= _WORKER["total"]:
            return False
        started.value += 1
        return True


def _boot_next() -> None:
    """Start the kernel for this worker's next notebook, unless every notebook has one already."""
    if not _NEXT and _WORKER["cwd"] is not None and _claim_kernel():
        try:
            _NEXT.append(Kernel(_WORKER["cwd"]))
        except Exception:  # the notebook then starts its own kernel, and that raises the error with its name
            with _WORKER["started"].get_lock():
                _WORKER["started"].value -= 1


def _worker_ready() -> None:
    """Nothing: submitted once per worker so that the workers start before the notebooks are given out."""


def _worker_execute(path: Path, params: dict[str, str], out_path: Path):
    kernel = _NEXT.pop() if _NEXT else None
    if kernel is None:  # the other workers booted every kernel counted: this one is started for it, and counted
        _claim_kernel(force=True)
    _boot_next()
    return execute_notebook(path, params, out_path, kernel=kernel)


def _worker_stop() -> None:
    while _NEXT:
        _NEXT.pop().close()


def default_jobs() -> int:
    """Kernels to run at once: two where there are two cores or more, else one (``ARNEWS_BUILD_JOBS=N`` runs N).
    Kernels talk over Unix sockets of their own (:class:`Kernel`), so kernels started at the same moment no
    longer race for a TCP port; two at a time keeps the memory of the kernels (each holds the tables) bounded."""
    if os.environ.get("ARNEWS_BUILD_JOBS"):
        return max(1, int(os.environ["ARNEWS_BUILD_JOBS"]))
    return max(1, min(2, os.cpu_count() or 1))


def build(corpus: Path | str = SEEDS, out: Path | str = PROJECT_ROOT, notebooks: Path | str = NOTEBOOKS,
          targets: Path | str | None = None, log=print, jobs: int | None = None, story: str | None = None) -> Path:
    """Extract the tables once, execute every notebook on them and export the briefing; returns the report.
    ``story``: a story id (``stories.csv``): every notebook and the briefing then read that story's articles only."""
    from arnews import tables
    from arnews.stories import StoryError

    paths = BuildPaths(Path(corpus).resolve(), Path(out).resolve())
    if not paths.corpus.exists():
        raise BuildError(f"{paths.corpus}: no such corpus; give a folder of articles or a corpus file")
    target_path = tables.resolve_targets(paths.corpus, targets)
    target_path = target_path.resolve() if target_path else None
    books = notebook_paths(Path(notebooks))
    if not books:
        raise BuildError(f"{notebooks}: no NN_topic.ipynb notebooks to run")
    outdir.check_target(paths.out, replace_foreign=True)  # before the work: a file or read-only → one line
    # one build at a time per output folder; its figures are written to a fresh folder swapped in at the end,
    # so two builds never mix their figures and a failed build leaves the last good ones
    with (outdir.lock(paths.out, paths.out / "build" / ".arnews-build.lock"),
          outdir.transaction(paths.figures, replace_foreign=True, locked=False) as figures):
        # the kernels for the first notebooks boot while the tables are extracted
        with notebook_runner(books, jobs) as run:
            targets_arg = "" if target_path is None else target_path
            params = parameters(paths, target_path, story) | {"FIGURES": str(figures)}
            try:
                whole = tables.load(paths.corpus, targets_arg, folder=paths.tables, log=log)
                if story:  # the story's articles alone, its story ids the whole corpus's (extracted once, kept)
                    tables.load(paths.corpus, targets_arg, story, folder=params["TABLES"], log=log, whole=whole)
            except StoryError as e:
                raise BuildError(str(e)) from None
            executed = run(params, paths.build, log=log)
        log(f"exporting {paths.report} …")
        report = export_html(executed, paths.report, corpus=paths.corpus)
    log(f"wrote {report}")
    return report


# --- export ------------------------------------------------------------------------------------------

CSS = """
:root { --ink:#1d2733; --muted:#5b6877; --rule:#d9dee4; --accent:#1b6ca8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.6 "Noto Sans", "Segoe UI", Roboto,
       "Helvetica Neue", Arial, "Noto Sans Arabic", "Geeza Pro", Tahoma, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; overflow-wrap: anywhere; }
header.report { border-bottom: 2px solid var(--accent); margin-bottom: 1.5rem; }
header.report h1 { margin: 0 0 .25rem; font-size: 1.9rem; line-height: 1.25; }
header.report p { margin: 0 0 1rem; color: var(--muted); }
nav.toc { background: #f5f7f9; border: 1px solid var(--rule); padding: .75rem 1.25rem; margin: 0 0 2rem; }
nav.toc h2 { font-size: 1rem; margin: 0 0 .25rem; }
nav.toc ol { margin: 0; padding-inline-start: 1.25rem; }
h1, h2, h3 { line-height: 1.3; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2.2rem; }
img { max-width: 100%; height: auto; display: block; margin: 1rem auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; display: block; overflow-x: auto;
        max-width: 100%; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; vertical-align: top; text-align: start; }
th { background: #f5f7f9; }
td[dir="rtl"], [dir="rtl"] { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", "Geeza Pro", Tahoma,
       "Segoe UI", sans-serif; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-inline-start: 4px solid var(--accent);
             background: #f5f7f9; }
blockquote[dir="rtl"] { font-size: 1.05rem; }
.more { color: var(--muted); font-size: .85rem; }
p.cite { margin: -.6rem 0 1.2rem; color: var(--muted); font-size: .9rem; }
p.ar { margin: .2rem 0 .6rem; color: #38434f; }
.keypoints li { margin-bottom: .35rem; }
pre { white-space: pre-wrap; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); }
"""

def export_html(nb, target: Path, corpus: Path | None = None, title: str | None = None) -> Path:
    """Export an executed notebook as a self-contained, code-free HTML report at ``target`` (atomically)."""
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(_without_local_paths(nb))
    soup = BeautifulSoup(body, "html.parser")
    for s in soup.find_all(string=True):  # no bidi control survives into the report, in any cell
        if strip_bidi_controls(s) != s:
            s.replace_with(strip_bidi_controls(s))
    for bad in soup.find_all(["script", "link", "iframe", "object", "embed", "base", "meta", "style", "form"]):
        bad.decompose()
    for tag in soup.find_all(True):
        for attr in list(tag.attrs):
            if attr.lower().startswith("on"):
                del tag.attrs[attr]
    for tag in soup.find_all(src=True):  # nothing may be fetched from anywhere: only inlined images stay
        if tag.name == "img" and str(tag["src"]).startswith("data:image/"):
            continue
        tag.decompose()
    _mark_direction(soup)
    h1 = soup.find("h1")
    title = title or (h1.get_text(" ", strip=True).replace("¶", "").strip() if h1 else "Briefing")
    if h1:
        h1.decompose()
    toc = _table_of_contents(soup)
    built = dt.date.today().isoformat()
    source = f" · corpus: {html_escape(corpus.name)}" if corpus else ""
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        f"style-src 'unsafe-inline'\">"
        f"<title>{html_escape(title)}</title><style>{CSS}</style></head><body><main>"
        f'<header class="report"><h1>{html_escape(title)}</h1><p>Built {built}{source}</p></header>'
        f"{toc}<article>{soup}</article>"
        f"<footer><p>Generated by arnews from the notebooks; every figure and table is computed from the "
        f"corpus.</p></footer></main></body></html>\n"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")  # a name per run
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _without_local_paths(nb):
    """A copy of ``nb`` whose outputs name no local absolute path (warnings print the file they come from)."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = without_local_paths(out["text"])
            for key in ("text/plain", "text/html", "text/markdown"):
                if key in out.get("data", {}):
                    value = out["data"][key]
                    out["data"][key] = ([without_local_paths(v) for v in value] if isinstance(value, list)
                                        else without_local_paths(value))
            if "evalue" in out:
                out["evalue"] = without_local_paths(out["evalue"])
                out["traceback"] = [without_local_paths(t) for t in out.get("traceback", [])]
    return nb


def _mark_direction(soup) -> None:
    """Give Arabic paragraphs, list items, quotations and cells ``dir="rtl" lang="ar"``."""
    for tag in soup.find_all(["p", "li", "blockquote", "td", "th", "h2", "h3", "h4", "figcaption", "dd"]):
        if tag.has_attr("dir"):
            continue
        text = tag.get_text(" ", strip=True)
        if text and is_arabic(text):
            tag["dir"], tag["lang"] = "rtl", "ar"


def _table_of_contents(soup) -> str:
    items = []
    for i, h in enumerate(soup.find_all("h2"), start=1):
        for a in h.find_all("a", class_="anchor-link"):
            a.decompose()
        anchor = h.get("id") or f"section-{i}"
        h["id"] = anchor
        items.append(f'<li><a href="#{html.escape(anchor)}">{html.escape(h.get_text(" ", strip=True))}</a></li>')
    if not items:
        return ""
    return f'<nav class="toc"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


# --- writing the briefing: every piece of article text goes through these (it is untrusted input) -----------


def esc(value: object) -> str:
    """Inline text for the briefing's prose: escaped, bidi controls removed, Arabic isolated in ``<bdi>``.

    >>> esc("<b>x</b>"), esc("كييف")
    ('&lt;b&gt;x&lt;/b&gt;', '<bdi dir="rtl" lang="ar">كييف</bdi>')
    """
    from arnews.display import html_text

    return html_text(value, "bdi")


def actor_html(actor_id: str, actors) -> str:
    """``Emmanuel Macron (إيمانويل ماكرون)``: the English name first, for English readers, the Arabic beside it."""

    row = actors.set_index("actor_id").loc[actor_id] if actor_id in set(actors["actor_id"]) else None
    if row is None:
        return esc(actor_id)
    en, ar = str(row["name_en"] or ""), str(row["name_ar"] or "")
    return f"{html_escape(en)} ({esc(ar)})" if en and ar and en != ar else esc(ar or en)


_GLOSSED = re.compile(r"^\s*(?P<ar>[^()]*[\u0600-\u06ff][^()]*?)\s*\((?P<en>[^()]*[A-Za-z][^()]*)\)\s*$")


def name_html(name: str) -> str:
    """A name written "Arabic (English)" (outlets in metadata) shown English first for English prose.

    >>> name_html("الأناضول (Anadolu)")
    'Anadolu (<bdi dir="rtl" lang="ar">الأناضول</bdi>)'
    """

    m = _GLOSSED.match(str(name))
    return f"{html_escape(m['en'].strip())} ({esc(m['ar'].strip())})" if m else esc(name)


def arabic_block(text: str, tag: str = "p") -> str:
    """A paragraph of Arabic (an article's sentence) as its own right-to-left block."""
    return f'<{tag} dir="rtl" lang="ar" class="ar">{esc(text)}</{tag}>'


def quote_html(text: str, who: str, where: str = "") -> str:
    """A quotation in Arabic, right to left, with its speaker (already HTML) and source below it."""

    cite = f"— {who}" + (f", {html_escape(where)}" if where else "")
    return (f'<blockquote dir="rtl" lang="ar">{esc(text)}</blockquote>'
            f'<p class="cite">{cite}</p>')


def sources_html(articles, max_rows: int = 200) -> str:
    """The sources section: every article with its outlet, date and title (all escaped); a large corpus is
    summarised by outlet, with its first ``max_rows`` articles listed and the rest left to ``articles.csv``."""
    from arnews.display import html_table

    view = articles[["article_id", "outlet", "published", "published_basis", "title", "n_chars"]].copy()
    view["outlet"] = view["outlet"].replace("", "unknown")
    view["title"] = view["title"].replace("", "(no headline)")
    if len(view) <= max_rows:
        return html_table(view, caption="Every article read for this briefing, with how its date was established")
    by_outlet = (view.groupby("outlet").agg(articles=("article_id", "size"), first=("published", "min"),
                                             last=("published", "max"))
                 .sort_values("articles", ascending=False).reset_index())
    return (html_table(by_outlet, max_rows=40, caption=f"The {len(view):,} articles read for this briefing, "
                       "by outlet")
            + html_table(view, max_rows=max_rows, caption=f"The first {max_rows} articles; every article, with "
                         "how its date was established, is in articles.csv (python -m arnews extract)"))


def is_seed_corpus(corpus: str | Path) -> bool:
    """Whether ``corpus`` is the project's own seeds (prose written for them may be shown)."""
    return Path(corpus).resolve() == SEEDS.resolve()


# --- the briefing's sections, computed from the tables (notebooks/NN_briefing.ipynb shows them) --------------


def plural(k: int, word: str) -> str:
    """``3 articles``, ``1 article``.

    >>> plural(1, "article"), plural(2888, "outlet")
    ('1 article', '2,888 outlets')
    """
    return f"{k:,} {word}{'' if k == 1 else 's'}"


def when(value: object) -> str:
    """A date value (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) in words.

    >>> when("2026-01-06"), when("2026-01"), when("2026")
    ('Tuesday 6 January 2026', 'January 2026', '2026')
    """
    import pandas as pd

    text = str(value)
    if len(text) == 10:
        d = pd.Timestamp(text)
        return f"{d:%A} {d.day} {d:%B %Y}"
    if len(text) == 7:
        return f"{pd.Timestamp(text + '-01'):%B %Y}"
    return text


def stance_cells(t):
    """The stance matrix of the tables (:func:`arnews.stance.matrix`), empty with its columns when no stances."""
    import pandas as pd

    from arnews import stance

    if len(t.stances):
        return stance.matrix(t.stances)
    return pd.DataFrame(columns=["party", "target", "stance", "n", "counts", "evidence"])


def busiest_event(events):
    """The event reported by most outlets (then most sentences), or None; an event with a day's date comes
    before a month or a year (``2006`` in many articles is background, not the news)."""
    if not len(events):
        return None
    ranked = events.assign(_day=events["granularity"].eq("day"))
    return (ranked.sort_values(["_day", "n_outlets", "n_reports", "date"], ascending=[False, False, False, True])
            .iloc[0].drop("_day"))


def key_points(t, cells=None) -> list[str]:
    """The key points, as HTML list items' contents: the most reported event, who backs, opposes or hedges on each
    target (from the stance matrix), and the attributions to double-check."""
    cells = stance_cells(t) if cells is None else cells
    points = []
    top = busiest_event(t.events)
    if top is not None:
        who = [a for a in str(top["actors"]).split(" | ") if a][:4]
        involves = (", ".join(actor_html(a, t.actors) for a in who)) if who else "no named actor"
        points.append(f"The most widely reported event falls on <strong>{when(top['date'])}</strong>, reported by "
                      f"{plural(int(top['n_outlets']), 'outlet')} in {plural(int(top['n_reports']), 'sentence')}; "
                      f"it involves {involves}.")
    target_name = {tg.id: tg.en for tg in t.targets}
    for polarity, verb in (("support", "back"), ("oppose", "oppose"), ("conditional", "are conditional or hedging on")):
        for tg in t.targets:
            c = cells[(cells["target"] == tg.id) & (cells["stance"] == polarity)]
            if len(c):
                parties = ", ".join(actor_html(p, t.actors) for p in c["party"])
                points.append(f"{parties} {verb} <em>{esc(target_name[tg.id])}</em> "
                              f"({plural(int(c['n'].sum()), 'sentence')} of evidence).")
    if len(t.flags):
        seen, details = set(), []
        for f in t.flags.itertuples():  # a conflict between two speakers is one point, not one per side
            key = (f.flag, frozenset([f.speaker, *str(f.other).split(" | ")]))
            if key not in seen:
                seen.add(key)
                details.append(f"{actor_html(f.speaker, t.actors)} in {esc(f.article_id)}: {esc(f.detail)}")
        shown = "; ".join(details[:5]) + (f"; … ({len(details) - 5} more)" if len(details) > 5 else "")
        points.append(f"<strong>{plural(len(t.flags), 'attribution')} to double-check</strong>: {shown}.")
    return points


def key_points_html(t, cells=None) -> str:
    """:func:`key_points` as a list."""
    return "<ul class='keypoints'>" + "".join(f"<li>{p}</li>" for p in key_points(t, cells)) + "</ul>"


@dataclass(frozen=True)
class OpenIssue:
    """A target on which the parties diverge, hedge or say nothing, with a statement that mentions it."""

    target: str  # target id
    name: str  # its English name
    why: str  # the positions found, in words
    n_statements: int
    quote: object | None  # a row of the quotes table, or None


def open_issues(t, cells=None) -> list[OpenIssue]:
    """Targets that remain open: no position taken, a conditional position, or both support and opposition."""
    from collections import Counter

    from arnews.text import norm

    cells = stance_cells(t) if cells is None else cells
    out = []
    from arnews.quotes import own_text

    # a statement reported inside another's words counts once, for its own speaker
    quote_norm = own_text(t.quotes).map(norm) if len(t.quotes) else None
    for tg in t.targets:
        polarities = Counter(cells.loc[cells["target"] == tg.id, "stance"])
        taken = {k: v for k, v in polarities.items() if k != "neutral"}
        if taken and not taken.get("conditional", 0) and not (taken.get("oppose", 0) and taken.get("support", 0)):
            continue
        why = ("no actor takes a position in the texts" if not taken else
               ", ".join(f"{k} {v}" for k, v in polarities.most_common()) + " among the parties")
        terms = [norm(x) for x in tg.terms if norm(x)]
        said = (t.quotes[quote_norm.map(lambda q, terms=terms: any(x in q for x in terms))]
                if quote_norm is not None else t.quotes)
        out.append(OpenIssue(tg.id, tg.en, why, len(said), said.iloc[0] if len(said) else None))
    return out


def open_issues_html(t, cells=None) -> str:
    """:func:`open_issues` as a list, each with one statement that mentions it."""
    items = []
    for issue in open_issues(t, cells):
        items.append(f"<li dir='ltr'><strong>{esc(issue.name)}</strong>: {issue.why}; "
                     f"{plural(issue.n_statements, 'statement')} mention it.</li>")
        q = issue.quote
        if q is not None:
            who = actor_html(q["speaker"], t.actors) if q["speaker"] else esc(q["speaker_surface"])
            items.append(quote_html(q["text"], who, q["article_id"]))
    if not items:
        return "<p>Every tracked issue has a clear position in the texts.</p>" if t.targets else (
            "<p>No stance targets were given for this corpus.</p>")
    return "<p>Issues on which the parties diverge, hedge, or say nothing:</p><ul>" + "".join(items) + "</ul>"


ARTICLE_TABLE_COLUMNS = ["article", "outlet", "date", "words", "actors", "statements", "direct", "stances",
                         "people most named"]


def article_table(t):
    """One row per article: outlet, date, words, distinct actors, statements (direct), stances, the people it
    names most (English names). Vectorised: linear in the tables' size."""
    import pandas as pd

    a = t.articles
    persons = set(t.actors.loc[t.actors["kind"] == "person", "actor_id"])
    names = dict(zip(t.actors["actor_id"], t.actors["name_en"], strict=True))
    m = t.mentions
    n_actors = m.groupby("article_id")["actor_id"].nunique()
    pm = m[m["actor_id"].isin(persons)]
    counts = pm.groupby(["article_id", "actor_id"]).size().reset_index(name="n")
    counts = counts.sort_values(["article_id", "n", "actor_id"], ascending=[True, False, True])
    top = counts.groupby("article_id").head(3).groupby("article_id")["actor_id"].agg(
        lambda ids: ", ".join(names.get(x, x) for x in ids))
    q = t.quotes
    statements = q.groupby("article_id").size()
    direct = q[q["kind"] == "direct"].groupby("article_id").size()
    stances = t.stances.groupby("article_id").size()
    ids = a["article_id"]
    table = pd.DataFrame({
        "article": ids,
        "outlet": a["outlet"].replace("", "unknown outlet"),
        "date": a["published"].map(lambda d: d.date().isoformat() if pd.notna(d) else "undated"),
        "words": a["text"].str.split().str.len().fillna(0).astype(int),
        "actors": ids.map(n_actors).fillna(0).astype(int),
        "statements": ids.map(statements).fillna(0).astype(int),
        "direct": ids.map(direct).fillna(0).astype(int),
        "stances": ids.map(stances).fillna(0).astype(int),
        "people most named": ids.map(top).fillna(""),
    })
    return table.reset_index(drop=True)[ARTICLE_TABLE_COLUMNS]


OUTLET_TABLE_COLUMNS = ["outlet", "articles", "words", "statements", "direct", "stances", "people most named"]


def outlet_table(t, by_article=None):
    """One row per outlet, most articles first: articles, words, statements (direct), stances, and the people
    its articles name most (English names)."""
    import pandas as pd

    by_article = article_table(t) if by_article is None else by_article
    persons = set(t.actors.loc[t.actors["kind"] == "person", "actor_id"])
    names = dict(zip(t.actors["actor_id"], t.actors["name_en"], strict=True))
    outlet_of = dict(zip(t.articles["article_id"], t.articles["outlet"].replace("", "unknown outlet"), strict=True))
    m = t.mentions[t.mentions["actor_id"].isin(persons)]
    counts = (m.assign(outlet=m["article_id"].map(outlet_of)).groupby(["outlet", "actor_id"]).size()
              .reset_index(name="n").sort_values(["outlet", "n", "actor_id"], ascending=[True, False, True]))
    top = counts.groupby("outlet").head(3).groupby("outlet")["actor_id"].agg(
        lambda ids: ", ".join(names.get(x, x) for x in ids))
    table = (by_article.groupby("outlet").agg(articles=("article", "size"), words=("words", "sum"),
                                               statements=("statements", "sum"), direct=("direct", "sum"),
                                               stances=("stances", "sum")).reset_index())
    table["people most named"] = table["outlet"].map(top).fillna("")
    return (table.sort_values(["articles", "outlet"], ascending=[False, True]).reset_index(drop=True)
            [OUTLET_TABLE_COLUMNS].astype({c: "int64" for c in OUTLET_TABLE_COLUMNS[1:6]})
            if len(table) else pd.DataFrame(columns=OUTLET_TABLE_COLUMNS))


def outlets_section_html(t, max_articles: int = 40) -> str:
    """How the outlets differ: each article (a small corpus) or each outlet (a large one), then who quotes most."""
    from arnews.display import html_table

    by_article = article_table(t)
    if len(by_article) <= max_articles:
        table = html_table(by_article, caption="Each article: how much it says, whom it names, whom it quotes")
    else:
        table = html_table(outlet_table(t, by_article), max_rows=40,
                           caption="Each outlet: how much it published, whom it names, whom it quotes")
    return table + outlets_html(by_article)


def outlets_html(by_article) -> str:
    """Which article quotes most and which least (from :func:`article_table`)."""
    if not len(by_article):
        return "<p>No articles.</p>"
    most = by_article.sort_values(["statements", "article"], ascending=[False, True]).iloc[0]
    least = by_article.sort_values(["statements", "article"]).iloc[0]
    return (f"<p>{name_html(most['outlet'])} ({esc(most['article'])}) quotes most "
            f"({plural(int(most['statements']), 'statement')}, {int(most['direct'])} direct); "
            f"{name_html(least['outlet'])} ({esc(least['article'])}) quotes least "
            f"({plural(int(least['statements']), 'statement')}).</p>")


def title_markdown(t, seeds: bool) -> str:
    """The briefing's title: the seeds' own title on the seeds, else the corpus's size and dates."""
    import pandas as pd

    top = busiest_event(t.events)
    if seeds and top is not None:
        d = pd.Timestamp(top["date"])
        return f"# Paris, {d.day} {d:%B %Y}: security guarantees for Ukraine"
    dated = t.articles["published"].dropna()
    span = ("undated" if not len(dated) else f"{dated.min():%d %B %Y}".lstrip("0") if dated.min() == dated.max()
            else f"{dated.min():%d %B %Y} – {dated.max():%d %B %Y}")
    return f"# Briefing: {plural(len(t.articles), 'Arabic article')}, {span}"


def intro_html(t) -> str:
    """What the briefing reads and what it finds."""
    a = t.articles
    named = sorted(o for o in a["outlet"].unique() if o)
    unknown = int((a["outlet"] == "").sum())
    shown = ", ".join(name_html(o) for o in named[:12]) + (f" and {len(named) - 12} more" if len(named) > 12 else "")
    return (f"<p>This briefing reads <strong>{plural(len(a), 'Arabic news article')}</strong> "
            f"({shown if named else 'no outlet identified'}"
            f"{'; ' + plural(unknown, 'article') + ' with no identifiable outlet' if unknown else ''}). "
            f"It finds {plural(len(t.actors), 'actor')}, {plural(len(t.dates), 'date expression')}, "
            f"{plural(len(t.quotes), 'statement')} and "
            f"{plural(len(t.stances), 'stance') if len(t.targets) else 'no stances (no stance targets were given)'}"
            "; every figure below is "
            "computed from the articles and can be traced to its sentence in the tables written by "
            "<code>python -m arnews extract</code>.</p>")


def events_html(t, top: int = 8) -> str:
    """The most reported events, in date order, each with its actors, outlets and first reporting sentence."""
    events = t.events
    if not len(events):
        return "<p>No dated events were found.</p>"
    chosen = (events.sort_values(["n_outlets", "n_reports", "date"], ascending=[False, False, True]).head(top)
              .sort_values("date"))
    rows = []
    for e in chosen.itertuples():
        who = ", ".join([actor_html(a, t.actors) for a in str(e.actors).split(" | ") if a][:3]) or "no named actor"
        outlets = [o for o in str(e.outlets).split(" | ") if o]
        shown = ", ".join(name_html(o) for o in outlets[:6]) + (f" and {len(outlets) - 6} more"
                                                               if len(outlets) > 6 else "")
        rows.append(f"<li dir='ltr'><strong>{when(e.date)}</strong> — {who}; reported by "
                    f"{plural(int(e.n_outlets), 'outlet')} ({shown}){arabic_block(e.summary)}</li>")
    return (f"<p>{plural(len(events), 'dated event')} on {plural(events['date'].nunique(), 'date')}, from "
            f"{when(events['date'].min())} to {when(events['date'].max())}. The most reported:</p><ul>"
            + "".join(rows) + "</ul>")


def _affiliation_name(affiliation: str, en: dict[str, str]) -> str:
    """An affiliation as a reader knows it: a country code or an actor id (org:eu) by its English name.

    >>> _affiliation_name("FR", {"country:FR": "France"}), _affiliation_name("org:eu", {"org:eu": "European Union"})
    ('France', 'European Union')
    """
    return en.get(affiliation) or en.get(f"country:{affiliation}") or affiliation


def people_html(t, top: int = 8) -> str:
    """How many people, states and organizations are named, and the people most named."""
    actors = t.actors
    persons = actors[actors["kind"] == "person"]
    en = dict(zip(actors["actor_id"], actors["name_en"], strict=True))
    lines = [f"<li>{actor_html(r.actor_id, actors)} — {esc(r.role_en) or 'no title in the text'}"
             f"{', ' + esc(_affiliation_name(r.affiliation, en)) if r.affiliation else ''}: "
             f"{plural(int(r.mentions), 'mention')} in "
             f"{plural(int(r.articles), 'article')}</li>" for r in persons.head(top).itertuples()]
    n_orgs = int(actors["kind"].isin(["organization", "group"]).sum())
    return (f"<p>{plural(len(persons), 'person')}, {plural(int((actors['kind'] == 'country').sum()), 'state')} and "
            f"{plural(n_orgs, 'organization')} are named. The people most named:</p><ul>" + "".join(lines) + "</ul>")


def stances_html(t, cells=None) -> str:
    """Stances by state or organization, each with its targets and counts."""
    cells = stance_cells(t) if cells is None else cells
    if not len(cells):
        return ("<p>No stance targets were given for this corpus (add a <code>targets.yaml</code> beside the "
                "articles).</p>" if not t.targets else "<p>No stance on the tracked issues was found.</p>")
    target_name = {tg.id: tg.en for tg in t.targets}
    parts = []
    for party, group in cells.groupby("party", sort=False):
        items = [f"{c.stance} <em>{esc(target_name.get(c.target, c.target))}</em> ({esc(c.counts)})"
                 for c in group.itertuples()]
        parts.append(f"<li>{actor_html(party, t.actors)}: " + "; ".join(items) + ".</li>")
    return ("<p>Stances by state or organization (a person counts for the state or body they speak for); the "
            "number is how many sentences carry each stance.</p><ul>" + "".join(parts) + "</ul>")


def quotes_html(t, top: int = 8) -> str:
    """How many statements of each kind, and one quotation for each of the most quoted people."""
    quotes = t.quotes
    people = quotes[quotes["speaker"].str.startswith("person:")]
    shown = []
    for speaker, group in people.groupby("speaker", sort=False):
        best = (group.assign(direct=group["kind"].eq("direct"))
                .sort_values(["direct", "end"], ascending=[False, True]).iloc[0])
        shown.append((len(group), speaker, best))
    shown.sort(key=lambda x: (-x[0], x[1]))
    blocks = [quote_html(q["text"], actor_html(sp, t.actors), f"{q['article_id']}, {plural(k, 'statement')} in all")
              for k, sp, q in shown[:top]]
    kinds = quotes["kind"].value_counts()
    return (f"<p>{plural(len(quotes), 'statement')}: {int(kinds.get('direct', 0))} direct, "
            f"{int(kinds.get('mixed', 0))} mixed, {int(kinds.get('indirect', 0))} indirect; "
            f"{int((quotes['speaker_kind'] == 'unnamed').sum())} from unnamed sources. One quotation for each of "
            "the most quoted people:</p>" + "".join(blocks))


def flags_html(t, top: int = 20) -> str:
    """The attributions to double-check before citing, each with its quotation ("" when none)."""
    if not len(t.flags):
        return ""
    items = "".join(f"<li dir='ltr'>{esc(f.detail)} ({esc(f.article_id)})"
                    f"{quote_html(f.evidence, actor_html(f.speaker, t.actors))}</li>"
                    for f in t.flags.head(top).itertuples())
    more = f"<p class='more'>… {len(t.flags) - top} more in flags.csv</p>" if len(t.flags) > top else ""
    return (f"<p><strong>To double-check before citing.</strong> {plural(len(t.flags), 'attribution')} "
            f"in the coverage may be wrong:</p><ul>{items}</ul>{more}")


def data_notes_html(t) -> str:
    """The corpus problems met while loading (files skipped, records without text), as a short list; "" if none."""
    if not t.notes:
        return ""
    return ("<p>Data notes: what the corpus lacked or what was left out while reading it.</p><ul class='notes'>"
            + "".join(f"<li dir='ltr'>{esc(n)}</li>" for n in t.notes) + "</ul>")


__all__ = ["BuildError", "OpenIssue", "actor_html", "arabic_block", "article_table", "build", "copies_html",
           "data_notes_html", "esc", "events_html", "export_html", "flags_html", "focus_note_html", "focus_story",
           "intro_html", "key_points", "key_points_html", "name_html", "open_issues", "open_issues_html",
           "outlet_additions_html", "outlets_html", "people_html", "quote_html", "quotes_html", "sources_html",
           "stances_html", "story_paragraph", "story_tables_folder", "title_markdown", "top_stories_html"]


# --- stories and sources (arnews.stories): the top stories, and how the outlets of one story differ -------------


def _actor_names_html(ids: str, actors, top: int = 3) -> str:
    shown = [a for a in str(ids).split(" | ") if a][:top]
    return ", ".join(actor_html(a, actors) for a in shown) if shown else "no named actor"


def is_many_stories(t) -> bool:
    """Whether the corpus holds more than one story (the briefing then opens with the top stories).

    >>> import pandas as pd
    >>> is_many_stories(type("T", (), {"stories": pd.DataFrame({"n_articles": [3, 1]})})())
    True
    """
    return len(t.stories) > 1


def focus_story(t) -> str | None:
    """The story the rest of a many-story briefing covers: the largest, when it has more than one article."""
    if not is_many_stories(t) or not len(t.stories) or int(t.stories["n_articles"].iloc[0]) < 2:
        return None
    return str(t.stories["story_id"].iloc[0])


def story_paragraph(story, t) -> str:
    """One paragraph on one story: when, who, how many articles and outlets, who ran it first."""
    import pandas as pd

    first, last = pd.to_datetime(story["first_published"]), pd.to_datetime(story["last_published"])
    span = ("undated" if pd.isna(first) else when(f"{first:%Y-%m-%d}") if pd.isna(last) or last == first
            else f"{when(f'{first:%Y-%m-%d}')} to {when(f'{last:%Y-%m-%d}')}")
    outlets = [o for o in str(story["outlets"]).split(" | ") if o]
    firsts = [o for o in str(story["first_outlets"]).split(" | ") if o]
    terms = "، ".join(t for t in str(story["terms"]).split(" | ") if t)
    return (f"<p dir='ltr'><strong>{esc(story['story_id'])}</strong> — {span}: "
            f"{_actor_names_html(story['actors'], t.actors)}"
            f"{' (' + esc(terms) + ')' if terms else ''}. {plural(int(story['n_articles']), 'article')} from "
            f"{plural(int(story['n_outlets']), 'outlet')} ({', '.join(name_html(o) for o in outlets[:8])}"
            f"{' …' if len(outlets) > 8 else ''})"
            + (f"; first run by {', '.join(name_html(o) for o in firsts[:4])}" if 0 < len(firsts) < len(outlets)
               else "; every outlet ran it on the same first day" if firsts and len(outlets) > 1 else "")
            + ".</p>")


def top_stories_html(t, top: int = 5) -> str:
    """The top stories of a many-story corpus, one paragraph each."""
    multi = int((t.stories["n_articles"] > 1).sum())
    n = len(t.stories)
    head = (f"<p>The {plural(len(t.articles), 'article')} form {n} {'story' if n == 1 else 'stories'}"
            f" ({multi} carried by more than one article). The largest:</p>")
    return head + "".join(story_paragraph(s, t) for _, s in t.stories.head(top).iterrows())


def focus_note_html(t, story: str | None) -> str:
    """What the rest of the briefing covers: the largest story (saying so), or the whole corpus."""
    if story is None:
        return ("<p><em>No story is carried by more than one article, so the rest of this briefing covers the whole "
                "corpus.</em></p>")
    row = t.stories.set_index("story_id").loc[story]
    return (f"<p><strong>The rest of this briefing covers the largest story, {esc(story)}</strong> "
            f"({plural(int(row['n_articles']), 'article')} from {plural(int(row['n_outlets']), 'outlet')}); "
            f"<code>arnews build --story ID</code> briefs any other.</p>")


def story_tables_folder(folder: str | Path | None, corpus: str | Path, story: str) -> Path:
    """Where one story's tables are cached, beside the corpus's own (``TABLES-s0003``)."""
    from arnews import tables

    base = Path(folder) if folder else tables.default_folder(corpus)
    return base.with_name(f"{base.name}-{story}")


def copies_html(t) -> str:
    """Shared passages: how many, verbatim or rewritten, which outlets share most and the agency they credit."""
    c = t.copies
    if not len(c):
        return "<p>The articles share no passage: each outlet wrote its own text.</p>"
    from arnews.stories import source_names

    outlet = source_names(t.articles)  # an article with no known outlet is a source of its own
    pairs = c.assign(oa=c["article_a"].map(outlet), ob=c["article_b"].map(outlet))
    pairs = pairs[pairs["oa"] != pairs["ob"]]
    kinds = c["kind"].value_counts()
    names = dict(zip(t.actors["actor_id"], t.actors["name_en"], strict=True))
    credited = c.loc[c["credited"] != "", "credited"].str.split(" | ", regex=False).explode().value_counts()
    parts = [f"<p>{plural(len(c), 'passage')} are shared between articles: {int(kinds.get('verbatim', 0))} "
             f"verbatim, {int(kinds.get('rewrite', 0))} rewritten (the same sentences reworded)"
             + (f"; the texts credit {', '.join(f'{esc(names.get(a, a))} ({n})' for a, n in credited.head(5).items())}"
                if len(credited) else "; no text credits an agency") + ".</p>"]
    if len(pairs):
        top = (pairs.assign(key=[" / ".join(sorted(x)) for x in zip(pairs["oa"], pairs["ob"], strict=True)])
               .groupby("key")["n_words"].sum().sort_values(ascending=False).head(3))
        parts.append("<p>The outlets sharing most text: " + "; ".join(
            f"{' and '.join(name_html(o) for o in k.split(' / '))} ({plural(int(n), 'word')})" for k, n in top.items())
            + ".</p>")
        best = pairs.sort_values(["n_words", "similarity"], ascending=False).iloc[0]
        text = t.articles.set_index("article_id")["text"]
        a = text[best["article_a"]][int(best["start_a"]):int(best["end_a"])]
        b = text[best["article_b"]][int(best["start_b"]):int(best["end_b"])]
        parts.append(f"<p>The longest ({esc(best['kind'])}), as {name_html(best['oa'])} and {name_html(best['ob'])} "
                     "ran it:</p>" + quote_html(_shorten(a), name_html(best["oa"]), str(best["article_a"]))
                     + quote_html(_shorten(b), name_html(best["ob"]), str(best["article_b"])))
    return "".join(parts)


def _shorten(text: str, limit: int = 420) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def outlet_additions_html(t, top: int = 6) -> str:
    """What each outlet adds that no other carries (one sentence shown each) and whom only it names or quotes."""
    src = t.story_sources
    if not len(src):
        return ""
    names = dict(zip(t.actors["actor_id"], t.actors["name_en"], strict=True))
    adds = t.additions
    items = []
    everyone_first = src.groupby("story_id")["ran_first"].all()  # one day, no times: nobody ran it first
    for r in src.sort_values(["n_additions", "source"], ascending=[False, True]).head(top).itertuples():
        own = adds[(adds["story_id"] == r.story_id) & (adds["source"] == r.source)]
        quoted = [names[a] for a in str(r.quoted_only_here).split(" | ") if a in names][:4]
        named = [names[a] for a in str(r.actors_only_here).split(" | ") if a in names][:4]
        line = (f"<li dir='ltr'>{name_html(r.source)}: {plural(int(r.n_additions), 'sentence')} of its own, "
                f"{round(100 * float(r.shared_share))}% of its words shared with another outlet"
                + (f"; only it names {esc(', '.join(named))}" if named else "")
                + (f"; only it quotes {esc(', '.join(quoted))}" if quoted else "")
                + ("; it ran the story first" if r.ran_first and len(src) > 1 and not everyone_first[r.story_id]
                   else "")
                + ".")
        if len(own):
            longest = own.assign(n=own["text"].str.len()).sort_values("n", ascending=False).iloc[0]
            line += arabic_block(_shorten(str(longest["text"]), 300))
        items.append(line + "</li>")
    return "<p>What each outlet adds that no other carries:</p><ul>" + "".join(items) + "</ul>"
