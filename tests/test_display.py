import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from arnews import display
from arnews.display import (
    gloss,
    html_table,
    html_text,
    native_shaping,
    plot_text,
    reshape_for_display,
    terminal_text,
    use_style,
)

LABEL = "الرئيس الفرنسي إيمانويل ماكرون"  # not from any corpus: a label as a figure would carry it


def render(s: str) -> np.ndarray:
    """The ink of ``s`` drawn by matplotlib with the project's style (grey levels, 0 = white)."""
    use_style()
    fig = Figure(figsize=(5, 1), dpi=100)
    fig.text(0.5, 0.5, s, ha="center", va="center", fontsize=24)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    return 255 - rgba[..., :3].mean(axis=2)


def ink_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Share of inked pixels that differ."""
    inked = (a > 40) | (b > 40)
    return float(((np.abs(a - b) > 40) & inked).sum() / max(inked.sum(), 1))


def test_this_matplotlib_shapes_arabic_itself():
    assert native_shaping(), f"matplotlib {matplotlib.__version__} < 3.11: the project pins >= 3.11"


def test_plot_text_renders_exactly_as_the_native_rendering_of_the_raw_string():
    assert np.array_equal(render(plot_text(LABEL)), render(LABEL))
    assert render(LABEL).max() > 200  # something was drawn


def test_the_old_reshape_and_bidi_recipe_now_draws_something_else():
    old = reshape_for_display(LABEL)
    assert ink_difference(render(old), render(LABEL)) > 0.3


def test_native_rendering_joins_the_letters():
    # a zero-width non-joiner between letters forces the unjoined forms: shaped text must look different
    unjoined = "\u200c".join("ماكرون")
    assert ink_difference(render("ماكرون"), render(unjoined)) > 0.2


def test_the_packaged_arabic_font_draws_the_label():
    from matplotlib import font_manager

    use_style()
    path = font_manager.findfont(font_manager.FontProperties(family="Noto Sans Arabic"), fallback_to_default=False)
    assert "fontpkg_noto_sans_arabic" in path


def test_older_matplotlib_gets_the_reshaped_visual_order(monkeypatch):
    monkeypatch.setattr(matplotlib, "__version__", "3.10.3")
    assert plot_text("كييف") == reshape_for_display("كييف") != "كييف"


def test_terminal_text_is_visual_order_with_joined_forms(monkeypatch):
    monkeypatch.delenv("ARNEWS_TERMINAL_BIDI", raising=False)
    shown = terminal_text("كييف")
    assert shown == "\ufed2\ufef4\ufef4\ufedb"  # ف final, ي medial ×2, ك initial: read left to right
    assert terminal_text("Kyiv 2026") == "Kyiv 2026"
    monkeypatch.setenv("ARNEWS_TERMINAL_BIDI", "1")
    assert terminal_text("كييف") == "كييف"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("كييف", '<span dir="rtl" lang="ar">كييف</span>'),
        ("Kyiv", "Kyiv"),
        ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"),
        ("\u202eكييف", '<span dir="rtl" lang="ar">كييف</span>'),  # an override cannot reach the page
        (None, ""),
    ],
)
def test_html_text(value, expected):
    assert html_text(value) == expected


def test_html_table_marks_arabic_cells_and_escapes_everything():
    df = pd.DataFrame({"name": ["كييف", "<script>x()</script>"], "n": [3, 4]})
    out = html_table(df)
    assert '<td dir="rtl" lang="ar">كييف</td>' in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<td>3</td>" in out


def test_gloss():
    assert gloss("موسكو", "Moscow") == "موسكو (Moscow)"
    assert gloss("", "Moscow") == "Moscow"
    assert display.is_arabic("قالت موسكو (Moscow)") and not display.is_arabic("Moscow (موسكو)")


BIDI_CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                 "\u200e", "\u200f", "\u061c"]


@pytest.mark.parametrize("control", BIDI_CONTROLS)
@pytest.mark.parametrize("cell", ["Reuters {c}…", "{c}2026-01-07", "رويترز {c}"])
def test_no_bidi_control_reaches_any_html_cell(control, cell):
    value = cell.format(c=control)
    df = pd.DataFrame({"outlet": [value], f"col{control}": [1]})
    for out in (html_table(df, caption=value), html_text(value), html_text(value, "td"), display.html_escape(value)):
        assert control not in out
    assert "Reuters …" in html_table(pd.DataFrame({"outlet": ["Reuters \u202e…"]}))


@pytest.mark.parametrize(("text", "expected"), [
    ("/home/analyst/corpus/metadata.csv:3: CorpusWarning: corpus x", "metadata.csv:3: CorpusWarning: corpus x"),
    ("see ~/أخبار/يناير/a.txt now", "see a.txt now"),
    (r"C:\Users\ali\news\a.txt: bad", "a.txt: bad"),
    ("https://example.org/a/b and 1/2/2026 and/or", "https://example.org/a/b and 1/2/2026 and/or"),
])
def test_local_paths_are_cut_to_their_name(text, expected):
    assert display.without_local_paths(text) == expected
