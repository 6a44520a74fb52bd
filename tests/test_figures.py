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
