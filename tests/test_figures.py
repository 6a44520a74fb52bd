import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from PIL import Image

from arnews import figures
from arnews.corpus import load


def _labels(ax):
    return [t.get_text() for t in ax.get_yticklabels()], [t.get_text() for t in ax.get_xticklabels()]


def test_articles_by_outlet_date_on_the_seeds():
    fig = figures.articles_by_outlet_date(load("seeds"))
    ax = fig.axes[0]
    rows, cols = _labels(ax)
    assert cols == ["2026-01-06", "2026-01-07", "undated"]
    assert rows[0] == "الأناضول (Anadolu)  [1]" or rows[0] == "المستقلة (Al-Mustaqilla)  [1]"
    assert rows[-1] == f"{figures.UNKNOWN_OUTLET}  [3]"  # unknown outlets are a row, not dropped
    counts = sorted(t.get_text() for t in ax.texts)
    assert counts == ["1", "1", "1", "2"]  # 5 articles, none lost
    plt.close(fig)


def test_many_dates_fold_into_months():
    days = pd.date_range("2015-01-01", periods=60, freq="D")
    articles = pd.DataFrame({"outlet": ["عكاظ"] * 60, "published": days})
    fig = figures.articles_by_outlet_date(articles)
    assert _labels(fig.axes[0])[1] == ["2015-01", "2015-02", "2015-03"]
    plt.close(fig)


def test_saved_png_is_deterministic_and_shows_the_arabic_label(tmp_path):
    articles = pd.DataFrame({"outlet": ["الرياض (Al-Riyadh)"], "published": [pd.Timestamp("2015-08-04")]})
    a = figures.save(figures.articles_by_outlet_date(articles), tmp_path / "a.png")
    b = figures.save(figures.articles_by_outlet_date(articles), tmp_path / "b.png")
    assert a.read_bytes() == b.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))
    # the label's pixels: the outlet name is drawn with ink left of the axis, in the Arabic font
    img = np.asarray(Image.open(a).convert("L"))
    assert img.shape[0] > 100 and (img[:, : img.shape[1] // 3] < 128).sum() > 200


def test_timeline_long_view_is_clipped_to_the_dense_span_and_names_the_outliers():
    import matplotlib.dates as mdates

    from arnews import figures

    rows = [(f"e{i:03d}", f"2015-07-{d:02d}", "day", "country:SA", "قال الوزير إن الاجتماع انتهى", 3, 4)
            for i, d in enumerate([17, 18, 19, 20, 20, 21, 21, 21])]
    rows += [("e100", "1258", "year", "", "سقطت بغداد عام 1258", 1, 1),
             ("e101", "2050", "year", "", "رؤية المملكة حتى عام 2050", 1, 1)]
    events = pd.DataFrame([{"event_id": e, "date": d, "granularity": g, "actors": a, "summary": s, "article_ids": "",
                            "outlets": "", "n_outlets": n, "n_reports": r, "evidence": ""}
                           for e, d, g, a, s, n, r in rows])
    actors = pd.DataFrame({"actor_id": ["country:SA"], "name_en": ["Saudi Arabia"]})
    fig = figures.timeline(events, actors)
    long_view = fig.axes[0]
    lo, hi = (mdates.num2date(v) for v in long_view.get_xlim())
    assert lo.year == 2015 and hi.year == 2015
    texts = [t.get_text() for t in long_view.texts]
    note = next(t for t in texts if t.startswith("Outside this view"))
    assert "2 event(s)" in note and "1258" in note and "2050" in note
    assert long_view.get_title(loc="left").startswith("The long view: 8 dated events on 5 dates, Jul 2015")


# --- stories and sources -----------------------------------------------------------------------------------------

def _story_tables():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4", "b1"],
        "outlet": ["عكاظ (Okaz)", "عكاظ (Okaz)", "الرياض (Al-Riyadh)", "", "عكاظ (Okaz)"],
        "published": pd.to_datetime(["2030-05-01", "2030-05-02", "2030-05-01", "2030-05-02", "2030-05-01"]),
        "story_id": ["s0001", "s0001", "s0001", "s0001", "s0002"]})
    stories = pd.DataFrame({
        "story_id": ["s0001", "s0002"], "label": ["2030-05-01 · Yemen (اليمن) · سيول، عدن", "2030-05-01 · · نادي"],
        "terms": ["سيول | عدن", "نادي"], "first_published": pd.to_datetime(["2030-05-01", "2030-05-01"])})
    return articles, stories


def test_stories_by_outlet_and_day_draws_every_article():
    articles, stories = _story_tables()
    fig = figures.stories_by_outlet_day(stories, articles)
    days = [ax.get_title() for ax in fig.axes]
    assert days == ["2030-05-01", "2030-05-02"]
    widths = sum(p.get_width() for ax in fig.axes for p in ax.patches)
    assert widths == 5  # every article of the two stories, by outlet and day
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows[0].startswith("s0001 · 01 May · Yemen") and "سيول" in rows[0]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["Okaz (عكاظ)", "Al-Riyadh (الرياض)", "unknown outlet"]
    plt.close(fig)


def test_shared_text_matrix_labels_and_counts():
    articles, _ = _story_tables()
    m = pd.DataFrame([[0, 40, 0], [40, 0, 12], [0, 12, 0]], index=["a1", "a2", "a3"], columns=["a1", "a2", "a3"])
    fig = figures.shared_text_matrix(m, articles)
    ax = fig.axes[0]
    rows, cols = _labels(ax)
    assert cols == ["a1", "a2", "a3"] and rows[2] == "a3 · Al-Riyadh (الرياض)"
    assert sorted(t.get_text() for t in ax.texts) == ["12", "12", "40", "40"]
    plt.close(fig)
