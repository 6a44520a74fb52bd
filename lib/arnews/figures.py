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


KIND_COLORS = {"person": "#1b6ca8", "country": "#d1495b", "organization": "#edae49", "group": "#a05195",
               "place": "#66a182", "media": "#8d96a3"}


def actor_label(row) -> str:
    """``ماكرون (Emmanuel Macron)``: the Arabic name with its English gloss."""
    return gloss(row["name_ar"], row["name_en"])


def outlet_names(articles: pd.DataFrame) -> pd.Series:
    """Outlet per article id, with unknown outlets named as such."""
    return articles.set_index("article_id")["outlet"].fillna("").map(_outlet_label)


def mentions_by_actor_outlet(mentions: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame,
                             top: int = 15, kinds: tuple[str, ...] = ("person", "country", "organization",
                                                                    "group", "media")) -> Figure:
    """How often each outlet mentions the most-mentioned actors: a grid of counts, actors × outlets."""
    use_style()
    pick = actors[actors["kind"].isin(kinds)].nlargest(top, "mentions")
    m = mentions[mentions["actor_id"].isin(pick["actor_id"])].copy()
    m["outlet"] = m["article_id"].map(outlet_names(articles))
    grid = m.pivot_table(index="actor_id", columns="outlet", values="start", aggfunc="count", fill_value=0)
    grid = grid.reindex(pick["actor_id"]).fillna(0).astype(int)
    cols = sorted(grid.columns, key=lambda o: (o == UNKNOWN_OUTLET, -grid[o].sum(), o))
    grid = grid[cols]
    labels = pick.set_index("actor_id").apply(actor_label, axis=1)
    fig, ax = plt.subplots(figsize=(2.2 + 1.3 * len(cols), 1.0 + 0.42 * len(grid)))
    ax.imshow(grid.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    vmax = max(grid.to_numpy().max(), 1)
    for (r, c), v in pd.DataFrame(grid.to_numpy()).stack().items():
        ax.text(c, r, str(v) if v else "·", ha="center", va="center", fontsize=9,
                color="white" if v > vmax * 0.6 else "#1d2733")
    ax.set_yticks(range(len(grid)), [plot_text(labels[a]) for a in grid.index])
    ax.set_xticks(range(len(cols)), [plot_text(c) for c in cols], rotation=20, ha="right")
    ax.grid(False)
    ax.set_title(f"Mentions of the {len(grid)} most-mentioned actors, by outlet", loc="left")
    fig.tight_layout()
    return fig


def cooccurrence(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence: actor_a, actor_b, sentences (how many)."""
    pairs = mentions.drop_duplicates(["article_id", "sentence_id", "actor_id"])
    joined = pairs.merge(pairs, on=["article_id", "sentence_id"])
    joined = joined[joined["actor_id_x"] < joined["actor_id_y"]]
    out = joined.groupby(["actor_id_x", "actor_id_y"]).size().rename("sentences").reset_index()
    out.columns = ["actor_a", "actor_b", "sentences"]
    return out.sort_values("sentences", ascending=False, kind="stable").reset_index(drop=True)


def cooccurrence_network(mentions: pd.DataFrame, actors: pd.DataFrame, top: int = 16, min_sentences: int = 1,
                         kinds: tuple[str, ...] = ("person", "country", "organization", "group")) -> Figure:
    """Actors that share sentences: nodes sized by mentions, edges as thick as the sentences they share."""
    import numpy as np

    use_style()
    pick = actors[actors["kind"].isin(kinds)].nlargest(top, "mentions").reset_index(drop=True)
    ids = list(pick["actor_id"])
    edges = cooccurrence(mentions[mentions["actor_id"].isin(ids)])
    edges = edges[edges["sentences"] >= min_sentences]
    angle = np.linspace(np.pi / 2, np.pi / 2 - 2 * np.pi, len(ids), endpoint=False)
    pos = {a: (np.cos(t), np.sin(t)) for a, t in zip(ids, angle, strict=True)}
    fig, ax = plt.subplots(figsize=(11, 7.5))
    wmax = max(edges["sentences"].max(), 1) if len(edges) else 1
    for e in edges.itertuples():
        (x1, y1), (x2, y2) = pos[e.actor_a], pos[e.actor_b]
        ax.plot([x1, x2], [y1, y2], color="#1d2733", alpha=0.15 + 0.6 * e.sentences / wmax,
                linewidth=0.5 + 5 * e.sentences / wmax, zorder=1)
    biggest = max(pick["mentions"].max(), 1)
    for r in pick.itertuples():
        x, y = pos[r.actor_id]
        ax.scatter([x], [y], s=120 + 1400 * r.mentions / biggest, color=KIND_COLORS.get(r.kind, "#999"),
                   edgecolor="white", linewidth=1.5, zorder=2)
        ha = "left" if x > 0.25 else "right" if x < -0.25 else "center"
        va = "bottom" if y > 0.25 else "top" if y < -0.25 else "center"
        ax.text(x * 1.1, y * 1.1, plot_text(gloss(r.name_ar, r.name_en)), ha=ha, va=va, fontsize=9, zorder=3,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    for kind in kinds:
        if (pick["kind"] == kind).any():
            ax.scatter([], [], s=80, color=KIND_COLORS[kind], label=kind)
    ax.legend(loc="lower left", frameon=False, fontsize=8, bbox_to_anchor=(-0.05, -0.05))
    ax.set_xlim(-2.1, 2.1)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"Who is named with whom: {len(ids)} actors, {len(edges)} pairs sharing a sentence "
                 "(thicker = more sentences)", loc="left")
    fig.tight_layout()
    return fig


def event_label(event, names_en: dict[str, str], words: int = 6) -> tuple[str, str]:
    """``(arabic, english)`` labels of an event: the opening words of its sentence, and its actors in English."""
    import re

    summary = re.sub(r"^[\s•\-–]+", "", str(event["summary"]))
    arabic = " ".join(summary.split()[:words])
    actors = [names_en.get(a, a) for a in str(event["actors"]).split(" | ") if a][:3]
    english = ", ".join(actors) if actors else "no named actor"
    return arabic, english


def _event_x(event) -> pd.Timestamp:
    value = str(event["date"])
    if event["granularity"] == "year":
        return pd.Timestamp(f"{value}-07-01")
    if event["granularity"] == "month":
        return pd.Timestamp(f"{value}-15")
    return pd.Timestamp(value)


def _event_rows(ax, rows: pd.DataFrame, names_en: dict[str, str], date_fmt: str, color: str) -> None:
    """One row per event: a dot on the time axis, and to the right the date, actors (English), outlets and the
    opening words of the reporting sentence (Arabic)."""
    for y, (_, r) in enumerate(rows.iterrows()):
        arabic, english = event_label(r, names_en)
        when = {"day": date_fmt, "month": "%b %Y", "year": "%Y"}[r["granularity"]]
        ax.scatter([r["x"]], [y], s=40 + 70 * r["n_outlets"], color=color, zorder=3)
        outlets = f"{r['n_outlets']} outlet{'s' if r['n_outlets'] > 1 else ''}"
        ax.annotate(f"{r['x']:{when}} · {english} ({outlets}) — {plot_text(arabic)}", xy=(1.01, y),
                    xycoords=("axes fraction", "data"), va="center", fontsize=8.5, annotation_clip=False)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.yaxis.set_visible(False)
    ax.grid(True, axis="x", alpha=0.3)
    ax.spines[["left", "top", "right"]].set_visible(False)


def dense_span(x: pd.Series, weights: pd.Series | None = None, share: float = 0.9) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The shortest span of dates holding ``share`` of the weight (reports): the part of a timeline worth drawing
    when a few dates lie centuries away (a Hijri year 1258, a plan for 2050).

    >>> x = pd.Series(pd.to_datetime(["1258-01-01", "2015-07-19", "2015-07-20", "2015-07-21", "2050-01-01"]))
    >>> [f"{d:%Y-%m-%d}" for d in dense_span(x, share=0.6)]
    ['2015-07-19', '2015-07-21']
    """
    order = x.sort_values().index
    xs = x.loc[order].tolist()
    ws = (weights.loc[order] if weights is not None else pd.Series(1.0, index=order)).astype(float).tolist()
    need = share * sum(ws)
    best = (xs[0], xs[-1])
    total, j = 0.0, 0
    for i in range(len(xs)):  # two pointers: for each start, the first end reaching the share
        while j < len(xs) and total < need:
            total += ws[j]
            j += 1
        if total >= need and xs[j - 1] - xs[i] < best[1] - best[0]:
            best = (xs[i], xs[j - 1])
        total -= ws[i]
    return best


def _outliers_note(outside: pd.DataFrame, names_en: dict[str, str], most: int = 6) -> str:
    shown = outside.sort_values(["n_reports", "x"], ascending=[False, True]).head(most).sort_values("x")
    items = []
    for _, r in shown.iterrows():
        when = {"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}[r["granularity"]]
        _, english = event_label(r, names_en)
        items.append(f"{r['x']:{when}} ({english})")
    more = f" and {len(outside) - most} more" if len(outside) > most else ""
    return f"Outside this view: {len(outside)} event(s): " + "; ".join(items) + more


def timeline(events: pd.DataFrame, actors: pd.DataFrame, focus_days: int = 7, max_rows: int = 24,
             share: float = 0.8) -> Figure:
    """The long view (every dated event, one row per date) and the busiest week (one row per event), labelled
    with the actors in English, the number of outlets reporting and the opening words in Arabic."""
    import matplotlib.dates as mdates

    use_style()
    names_en = dict(zip(actors["actor_id"], actors["name_en"], strict=True))
    ev = events.copy()
    ev["x"] = ev.apply(_event_x, axis=1)
    days = ev[ev["granularity"] == "day"]
    peak = days.groupby("x")["n_reports"].sum().idxmax() if len(days) else ev["x"].max()
    lo, hi = peak - pd.Timedelta(days=focus_days // 2 + 1), peak + pd.Timedelta(days=focus_days // 2 + 1)
    focus = ev[(ev["x"] >= lo) & (ev["x"] <= hi) & (ev["granularity"] == "day")].sort_values(["x", "n_outlets"])
    if len(focus) > max_rows:  # the most reported of the week, not its last day
        focus = focus.nlargest(max_rows, ["n_outlets", "n_reports"]).sort_values(["x", "n_outlets"])
    # the long view: the dense span holding most reports; when far-off dates would squash it, they are named
    # below the axis instead of drawn
    lo_all, hi_all = ev["x"].min(), ev["x"].max()
    d_lo, d_hi = dense_span(ev["x"], ev["n_reports"], share) if len(ev) > 2 else (lo_all, hi_all)
    margin = max((d_hi - d_lo) * 0.25, pd.Timedelta(days=15))
    clip = len(ev) >= 8 and (hi_all - lo_all) > 3 * (d_hi - d_lo + 2 * margin)  # a handful of events: all shown
    view_lo, view_hi = (d_lo - margin, d_hi + margin) if clip else (lo_all, hi_all)
    inside = ev[(ev["x"] >= view_lo) & (ev["x"] <= view_hi)]
    outside = ev.drop(inside.index)
    per_date = (inside.sort_values(["n_outlets", "n_reports"], ascending=False).groupby("x", sort=True).first()
                .reset_index().sort_values("x"))
    if len(per_date) > max_rows:
        per_date = per_date.nlargest(max_rows, ["n_outlets", "n_reports"]).sort_values("x")

    heights = [0.9 + 0.34 * len(per_date), 0.9 + 0.34 * max(len(focus), 1)]
    fig, (ax, bx) = plt.subplots(2, 1, figsize=(14, sum(heights) + 1.2), gridspec_kw={"height_ratios": heights})
    _event_rows(ax, per_date, names_en, "%d %b %Y", "#d1495b")
    shown_lo, shown_hi = inside["x"].min(), inside["x"].max()
    span = max(shown_hi - shown_lo, pd.Timedelta(days=2))  # never an axis of hours
    ax.set_xlim(shown_lo - span * 0.05, shown_hi + span * 0.05)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    many = inside["x"].nunique() > len(per_date)
    rows_note = f"the {len(per_date)} most reported dates" if many else "one row per date"
    ax.set_title(f"The long view: {len(inside)} dated events on {inside['x'].nunique()} dates, "
                 f"{shown_lo:%b %Y} – {shown_hi:%d %b %Y} ({rows_note}; dot size = outlets)", loc="left")
    if len(outside):
        ax.annotate(_outliers_note(outside, names_en), xy=(0, 0), xycoords="axes fraction", xytext=(0, -34),
                    textcoords="offset points", fontsize=8.5, color="#5b6877", annotation_clip=False)
    _event_rows(bx, focus, names_en, "%a %d %b", "#1b6ca8")
    bx.set_xlim(lo, hi)
    bx.xaxis.set_major_locator(mdates.DayLocator())
    bx.xaxis.set_major_formatter(mdates.DateFormatter("%a\n%d %b"))
    bx.set_title(f"The busiest week, around {peak:%A %d %B %Y}: {len(focus)} events", loc="left")
    fig.subplots_adjust(left=0.03, right=0.42, top=0.95, bottom=0.05, hspace=0.45)
    return fig


STANCE_COLORS = {"support": "#2e8b57", "oppose": "#c0392b", "conditional": "#e0a526", "neutral": "#9aa5b1"}


def quotes_by_speaker(quotes: pd.DataFrame, actors: pd.DataFrame, top: int = 15) -> Figure:
    """How many statements each speaker has, by kind (direct, mixed, indirect); unnamed sources and documents
    with no known issuer are counted as such."""
    use_style()
    names = actors.set_index("actor_id")
    q = quotes.copy()

    def who(r) -> str:
        if r["speaker"] and r["speaker"] in names.index:
            return gloss(names.loc[r["speaker"], "name_ar"], names.loc[r["speaker"], "name_en"])
        return gloss("مصادر غير مسماة", "unnamed sources") if r["speaker_kind"] == "unnamed" else gloss(
            "وثائق", "documents")

    q["who"] = q.apply(who, axis=1)
    grid = q.pivot_table(index="who", columns="kind", values="start", aggfunc="count", fill_value=0)
    for k in ("direct", "mixed", "indirect"):
        if k not in grid:
            grid[k] = 0
    grid = grid[["direct", "mixed", "indirect"]]
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=True).index].tail(top)
    fig, ax = plt.subplots(figsize=(9, 1.0 + 0.4 * len(grid)))
    left = pd.Series(0, index=grid.index)
    colors = {"direct": "#1b6ca8", "mixed": "#66a3d2", "indirect": "#c6dbef"}
    for k in grid.columns:
        ax.barh(range(len(grid)), grid[k], left=left, color=colors[k], label=k)
        left += grid[k]
    for y, total in enumerate(left):
        ax.text(total + 0.1, y, str(int(total)), va="center", fontsize=9)
    ax.set_yticks(range(len(grid)), [plot_text(w) for w in grid.index])
    ax.set_xlabel("statements")
    ax.legend(frameon=False, loc="lower right")
    ax.grid(True, axis="x", alpha=0.3)
    ax.grid(False, axis="y")
    ax.set_title(f"Who said what: {len(q)} statements by speaker and kind", loc="left")
    fig.tight_layout()
    return fig


def stance_matrix(cells: pd.DataFrame, actors: pd.DataFrame, targets, by: str = "party") -> Figure:
    """Actors × targets: colour = the cell's stance, number = sentences supporting it."""
    from matplotlib.patches import Patch, Rectangle

    use_style()
    names = actors.set_index("actor_id")
    target_ids = [t.id for t in targets if t.id in set(cells["target"])]
    import textwrap

    labels = {t.id: textwrap.fill(t.en, 20) + (f"\n{plot_text(t.ar)}" if t.ar else "") for t in targets}
    weight = cells.groupby(by)["n"].sum().sort_values(ascending=False)
    rows = list(weight.index)
    fig, ax = plt.subplots(figsize=(2.8 + 1.55 * len(target_ids), 1.2 + 0.5 * len(rows)))
    for y, who in enumerate(rows):
        for x, tid in enumerate(target_ids):
            cell = cells[(cells[by] == who) & (cells["target"] == tid)]
            if cell.empty:
                ax.add_patch(Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, facecolor="#f3f5f7", edgecolor="white"))
                continue
            c = cell.iloc[0]
            ax.add_patch(Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, facecolor=STANCE_COLORS[c["stance"]],
                                   edgecolor="white"))
            positions = [part for part in c["counts"].split(", ") if part and not part.startswith("neutral")]
            mixed = "*" if len(positions) > 1 else ""
            ax.text(x, y, f"{c['n']}{mixed}", ha="center", va="center", color="white", fontsize=10)

    def label(a: str) -> str:
        if a in names.index:
            return plot_text(gloss(names.loc[a, "name_ar"], names.loc[a, "name_en"]))
        return a

    ax.set_xticks(range(len(target_ids)), [labels[t] for t in target_ids], fontsize=8.5)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(rows)), [label(r) for r in rows])
    ax.set_xlim(-0.6, len(target_ids) - 0.4)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(False)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.legend(handles=[Patch(color=STANCE_COLORS[k], label=k) for k in ("support", "conditional", "oppose",
                                                                        "neutral")],
              loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title("Who stands where (number = sentences; * = positions conflict; neutral = spoke of it, took no side)",
                 loc="left", pad=70)
    fig.tight_layout()
    return fig


# --- stories and sources (arnews.stories) ---------------------------------------------------------------------

OUTLET_COLORS = ["#1b6ca8", "#d1495b", "#edae49", "#66a182", "#a05195", "#00798c", "#8d96a3", "#f28e2b",
                 "#59a14f", "#b07aa1", "#9c755f", "#76b7b2"]


_GLOSSED_NAME = __import__("re").compile(
    r"^\s*(?P<ar>[^()]*[\u0600-\u06ff][^()]*?)\s*\((?P<en>[^()]*[A-Za-z][^()]*)\)\s*$")


def english_first(name: str) -> str:
    """An outlet written "Arabic (English)" as "English (Arabic)", so a label reads left to right.

    >>> english_first("الأناضول (Anadolu)"), english_first("okaz")
    ('Anadolu (الأناضول)', 'okaz')
    """
    m = _GLOSSED_NAME.match(str(name))
    return f"{m['en'].strip()} ({m['ar'].strip()})" if m else str(name)


def _story_row_label(story, width: int = 60) -> str:
    """``s0003 · 21 Jul · Iran, UN Security Council — ايران، اتفاق``: id, first day, actors in English, terms."""
    import textwrap

    when = f"{pd.Timestamp(story['first_published']):%d %b}" if pd.notna(story["first_published"]) else "undated"
    parts = [p.strip() for p in str(story["label"]).split(" · ")]
    actors_part = parts[1] if len(parts) > 2 else ""
    english = ", ".join(a.split(" (")[0] for a in actors_part.split("), ") if a)[:width]
    terms = "، ".join(str(story["terms"]).split(" | ")[:3])
    head = textwrap.shorten(f"{story['story_id']} · {when} · {english}", width=width + 20, placeholder="…")
    return head + (f"\n{plot_text(terms)}" if terms else "")


def stories_by_outlet_day(stories: pd.DataFrame, articles: pd.DataFrame, top: int = 12) -> Figure:
    """The largest stories (rows): how many articles each outlet ran on each day, one stacked bar per story and
    day. ``articles`` needs ``story_id``; outlets are coloured, the legend names them."""
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    use_style()
    pick = stories.head(top)
    a = articles[articles["story_id"].isin(pick["story_id"])].copy()
    a["outlet"] = a["outlet"].fillna("").map(lambda o: english_first(o) if o.strip() else "unknown outlet")
    a["day"] = pd.to_datetime(a["published"]).dt.strftime("%Y-%m-%d").fillna(UNDATED)
    days = sorted(d for d in a["day"].unique() if d != UNDATED) + ([UNDATED] if (a["day"] == UNDATED).any() else [])
    totals = a["outlet"].value_counts()
    outlets = sorted(totals.index, key=lambda o: (o == "unknown outlet", -totals[o], o))
    color = {o: OUTLET_COLORS[k % len(OUTLET_COLORS)] for k, o in enumerate(outlets)}
    counts = a.groupby(["story_id", "day", "outlet"]).size()
    n_days = max(1, len(days))
    fig, axes = plt.subplots(1, n_days, figsize=(5.0 + 2.6 * n_days, max(2.8, 1.4 + 0.62 * len(pick))),
                             sharey=True, squeeze=False)
    biggest = max(1, int(a.groupby(["story_id", "day"]).size().max()) if len(a) else 1)
    for ax, day in zip(axes[0], days or [UNDATED], strict=False):
        for y, sid in enumerate(pick["story_id"]):
            left = 0
            for o in outlets:
                n = int(counts.get((sid, day, o), 0))
                if n:
                    ax.barh(y, n, left=left, color=color[o], edgecolor="white", height=0.7)
                    if n >= 2:
                        ax.text(left + n / 2, y, str(n), ha="center", va="center", color="white", fontsize=8)
                    left += n
        ax.set_xlim(0, biggest * 1.05)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(day, fontsize=10)
        ax.set_xlabel("articles")
        ax.grid(True, axis="x", alpha=0.25)
    axes[0][0].set_yticks(range(len(pick)), [_story_row_label(s) for _, s in pick.iterrows()], fontsize=8.5)
    axes[0][0].set_ylim(len(pick) - 0.5, -0.5)
    fig.legend(handles=[Patch(color=color[o], label=plot_text(o)) for o in outlets], loc="upper left",
               bbox_to_anchor=(1.0, 0.95), frameon=False, fontsize=8.5, title="outlet")
    n = len(pick)
    fig.suptitle(f"The {'largest story' if n == 1 else f'{n} largest stories'}: articles by outlet and day",
                 x=0.01, ha="left")
    fig.tight_layout(rect=(0, 0, 1, 0.93))
    return fig


def shared_text_matrix(matrix: pd.DataFrame, articles: pd.DataFrame, title: str = "") -> Figure:
    """Article × article: words of copy two articles share (``arnews.stories.shared_matrix``), labelled with the
    article and its outlet; the number in a cell is the shared words."""
    use_style()
    ids = list(matrix.index)
    outlet = articles.set_index("article_id")["outlet"].fillna("")

    def short(a: str) -> str:  # "001_c41c622f…" → "001"
        head = str(a).split("_")[0]
        return head if 2 <= len(head) < len(str(a)) else str(a)[:14]

    labels = [plot_text(f"{short(a)} · {english_first(outlet.get(a, '')) or 'unknown outlet'}") for a in ids]
    size = max(5.0, 1.6 + 0.55 * len(ids))
    fig, ax = plt.subplots(figsize=(size + 3.0, size))
    values = matrix.values.astype(float)
    im = ax.imshow(values, cmap="Blues", vmin=0, vmax=max(1.0, values.max()))
    if len(ids) <= 20:
        for i in range(len(ids)):
            for j in range(len(ids)):
                if values[i, j]:
                    ax.text(j, i, str(int(values[i, j])), ha="center", va="center", fontsize=8,
                            color="white" if values[i, j] > values.max() / 2 else "#1d2733")
    ax.set_xticks(range(len(ids)), [short(a) for a in ids], rotation=40 if len(ids) > 8 else 0,
                  ha="right" if len(ids) > 8 else "center", fontsize=8)
    ax.set_yticks(range(len(ids)), labels, fontsize=8)
    ax.grid(False)
    fig.colorbar(im, ax=ax, shrink=0.7, label="words in shared passages")
    ax.set_title(title or "Shared text between the articles of one story\n(words in passages two articles share)",
                 loc="left", fontsize=10)
    fig.tight_layout()
    return fig
