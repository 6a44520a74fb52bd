"""Build the briefing: execute every notebook in order on a corpus, then export the briefing as one HTML file.

- Notebooks ``notebooks/NN_*.ipynb`` run in order, each in a fresh kernel, with the corpus and output
  folders injected after the cell tagged ``parameters`` (as papermill does). Executed copies go to
  ``OUT/build/``; tracked files are never modified.
- The last notebook (the briefing) is exported without code to ``OUT/reports/briefing.html``: one
  self-contained file (images inlined, no script, stylesheet or font fetched), Arabic marked right to left.
- A failing cell stops the build with the notebook and cell named; the previous report is left untouched
  (the report is written to a temporary file and renamed).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
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
    def report(self) -> Path:
        return self.reports / "briefing.html"


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks of a build, in order (``NN_topic.ipynb``)."""
    return sorted(p for p in folder.iterdir() if _NOTEBOOK_RE.match(p.name))


def parameters(paths: BuildPaths, targets: Path | None = None) -> dict[str, str]:
    """The values injected into each notebook's parameters."""
    # always set: a corpus without targets must not fall back to the notebooks' default (the seeds' targets)
    return {"CORPUS": str(paths.corpus), "FIGURES": str(paths.figures),
            "TARGETS": str(targets) if targets is not None else ""}


def inject_parameters(nb, params: dict[str, str]):
    """Insert a cell setting ``params`` right after the cell tagged ``parameters`` (or first)."""
    import nbformat

    source = "# Parameters injected by arnews build\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    index = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])),
                 0)
    nb.cells.insert(index, cell)
    return nb


def execute_notebook(path: Path, params: dict[str, str], out_path: Path, timeout: int = 900):
    """Execute one notebook with ``params``; save the executed copy to ``out_path``; return it."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = inject_parameters(nbformat.read(path, as_version=4), params)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    out_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        client.execute()
    except CellExecutionError as e:
        failed = _failed_cell(nb)
        nbformat.write(nb, out_path)
        where = f"code cell {failed[0]} ({failed[1]!r})" if failed else "a cell"
        message = _ANSI_RE.sub("", str(e)).strip().splitlines()
        raise BuildError(f"{path.name}: {where} failed: {message[-1] if message else e}\n"
                         f"(the executed copy with the traceback is {out_path})") from None
    nbformat.write(nb, out_path)
    return nb


def _failed_cell(nb) -> tuple[int, str] | None:
    code_cells = [c for c in nb.cells if c.cell_type == "code"
                  and "injected-parameters" not in c.metadata.get("tags", [])]  # counted as in the notebook
    for i, c in enumerate(code_cells, start=1):
        if any(o.get("output_type") == "error" for o in c.get("outputs", [])):
            first = next((ln for ln in c.source.splitlines() if ln.strip()), "")
            return i, first[:80]
    return None


def build(corpus: Path | str = SEEDS, out: Path | str = PROJECT_ROOT, notebooks: Path | str = NOTEBOOKS,
          targets: Path | str | None = None, log=print) -> Path:
    """Execute every notebook on ``corpus`` and export the briefing; returns the report's path."""
    paths = BuildPaths(Path(corpus).resolve(), Path(out).resolve())
    if not paths.corpus.exists():
        raise BuildError(f"{paths.corpus}: no such corpus; give a folder of articles or a corpus file")
    if targets is None and paths.corpus.is_dir() and (paths.corpus / "targets.yaml").exists():
        targets = paths.corpus / "targets.yaml"
    params = parameters(paths, Path(targets).resolve() if targets else None)
    books = notebook_paths(Path(notebooks))
    if not books:
        raise BuildError(f"{notebooks}: no NN_topic.ipynb notebooks to run")
    outdir.check_target(paths.out, replace_foreign=True)  # before the work: a file or read-only → one line
    executed = None
    # one build at a time per output folder; its figures are written to a fresh folder swapped in at the end,
    # so two builds never mix their figures and a failed build leaves the last good ones
    with (outdir.lock(paths.out, paths.out / "build" / ".arnews-build.lock"),
          outdir.transaction(paths.figures, replace_foreign=True, locked=False) as figures):
        params["FIGURES"] = str(figures)
        for nb_path in books:
            log(f"running {nb_path.name} …")
            executed = execute_notebook(nb_path, params, paths.build / nb_path.name)
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


def sources_html(articles) -> str:
    """The sources section: every article with its outlet, date and title (all escaped)."""
    from arnews.display import html_table

    view = articles[["article_id", "outlet", "published", "published_basis", "title", "n_chars"]].copy()
    view["outlet"] = view["outlet"].replace("", "unknown")
    view["title"] = view["title"].replace("", "(no headline)")
    return html_table(view, caption="Every article read for this briefing, with how its date was established")


def is_seed_corpus(corpus: str | Path) -> bool:
    """Whether ``corpus`` is the project's own seeds (prose written for them may be shown)."""
    return Path(corpus).resolve() == SEEDS.resolve()


__all__ = ["BuildError", "actor_html", "arabic_block", "build", "esc", "export_html", "name_html", "quote_html",
           "sources_html"]
