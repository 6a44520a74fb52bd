"""The standard figures, one function each; every label goes through :mod:`arnews.display`.

Each function takes the tables it draws and returns a matplotlib ``Figure``; :func:`save` writes it with
deterministic metadata so that re-running the notebooks gives byte-identical PNGs.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from arnews.display import gloss, plot_text, use_style

UNKNOWN_OUTLET = gloss("مصدر غير معروف", "unknown outlet")
UNDATED = "undated"


def save(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` to ``path`` (PNG or SVG) with fixed metadata; creates the folder; returns the path.

    >>> import matplotlib.pyplot as plt
    >>> p = save(plt.figure(), __import__("tempfile").mkdtemp() + "/x/f.png"); p.exists()
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = path.suffix.lstrip(".").lower() or "png"
    metadata = {"Software": "arnews"} if fmt == "png" else {"Date": None, "Creator": "arnews"}
    tmp = path.with_name(f".{path.name}.tmp")
    fig.savefig(tmp, format=fmt, metadata=metadata)
    tmp.replace(path)
    return path


def _outlet_label(outlet: str) -> str:
    return outlet if outlet.strip() else UNKNOWN_OUTLET


def articles_by_outlet_date(articles: pd.DataFrame, max_columns: int = 20) -> Figure:
    """Articles by outlet (rows) and publication date (columns); the number in each dot is the count.

    Dates are days, or months when there are more than ``max_columns`` days; undated articles get their
    own column, and articles with no known outlet their own row.
    """
    use_style()
    df = articles[["outlet", "published"]].copy()
    df["outlet"] = df["outlet"].fillna("").map(_outlet_label)
    days = df["published"].dropna().dt.strftime("%Y-%m-%d")
    by_month = days.nunique() > max_columns
    fmt = "%Y-%m" if by_month else "%Y-%m-%d"
    df["when"] = df["published"].dt.strftime(fmt).fillna(UNDATED)
    counts = df.groupby(["outlet", "when"]).size().rename("n").reset_index()
    columns = sorted(c for c in counts["when"].unique() if c != UNDATED)
    if (counts["when"] == UNDATED).any():
        columns.append(UNDATED)
    totals = df["outlet"].value_counts()
    rows = sorted(totals.index, key=lambda o: (o == UNKNOWN_OUTLET, -totals[o], o))
    x = {c: i for i, c in enumerate(columns)}
    y = {o: i for i, o in enumerate(rows)}

    fig, ax = plt.subplots(figsize=(max(6.0, 1.0 + 0.75 * len(columns)), max(2.6, 0.9 + 0.5 * len(rows))))
    biggest = counts["n"].max() if len(counts) else 1
    sizes = 250 + 1400 * counts["n"] / biggest
    ax.scatter(counts["when"].map(x), counts["outlet"].map(y), s=sizes, color="#1b6ca8", alpha=0.85, zorder=3)
    for _, r in counts.iterrows():
        ax.text(x[r["when"]], y[r["outlet"]], str(r["n"]), ha="center", va="center", color="white",
                fontsize=9, zorder=4)
    ax.set_xticks(range(len(columns)), [plot_text(c) for c in columns], rotation=30 if len(columns) > 6 else 0,
                  ha="right" if len(columns) > 6 else "center")
    ax.set_yticks(range(len(rows)), [plot_text(f"{o}  [{totals[o]}]") for o in rows])
    ax.set_xlim(-0.7, len(columns) - 0.3)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlabel("publication month" if by_month else "publication date")
    ax.set_title(f"Articles by outlet and date ({len(df)} articles; dot = number of articles)", loc="left")
    ax.grid(True, axis="both", alpha=0.25, zorder=0)
    fig.tight_layout()
    return fig


def show(fig: Figure, path: str | Path):
    """Save ``fig`` to ``path``, close it, and return the saved PNG for display in a notebook.

    What the notebook (and the briefing) shows is then exactly the file on disk.
    """
    from IPython.display import Image

    saved = save(fig, path)
    plt.close(fig)
    return Image(filename=str(saved))
