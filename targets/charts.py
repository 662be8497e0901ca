"""Indicator charts drawn on the server as SVG, for the browser and for printed papers.

matplotlib with the Agg backend and its bundled DejaVu Sans; text is drawn as paths, so
the SVG needs no font and fetches nothing. Charts are cached per (indicator, as-at date,
data version): a new or corrected reading changes the version, so nothing stale is served.
"""

from datetime import date, timedelta
from decimal import Decimal
from io import StringIO
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
from django.core.cache import cache  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from targets import trajectory as tj  # noqa: E402
from targets.selectors import IndicatorProgress  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

BLUE, GREEN, GREY, DARK = "#1d70b8", "#00703c", "#505a5f", "#0b0c0c"
STYLE: "dict[RcKeyType, Any]" = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "kentplan",
    "axes.edgecolor": GREY,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
CACHE_SECONDS = 60 * 60 * 24
MARGINS = {"left": 0.1, "right": 0.98, "top": 0.96, "bottom": 0.1}
SMALL_MARGINS = {"left": 0.19, "right": 0.94, "top": 0.95, "bottom": 0.13}
# No creation date (so the same data draws the same bytes) and no credits pointing elsewhere.
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def indicator_chart(progress: IndicatorProgress, *, small: bool = False) -> str:
    """The indicator's chart as SVG text, from the cache when this data was drawn before."""
    key = f"kp:chart:indicator:{progress.indicator.pk}:{progress.as_at}:{small}:"
    key += progress.data_version
    svg = cache.get(key)
    if svg is None:
        svg = chart_svg(progress, small=small)
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def chart_svg(progress: IndicatorProgress, *, small: bool = False) -> str:
    """Readings (sample ones hollow), the trajectory dotted and the target dashed."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(3.6, 2.4) if small else (7.2, 3.6), dpi=96)
        axes = figure.add_subplot()
        _draw(axes, progress, legend=not small)
        # Fixed margins: tight_layout would draw the chart twice to measure it.
        figure.subplots_adjust(**(SMALL_MARGINS if small else MARGINS))
        out = StringIO()
        figure.savefig(out, format="svg", metadata=SVG_METADATA)
    return out.getvalue()


def _draw(axes, progress: IndicatorProgress, *, legend: bool) -> None:
    indicator, unit = progress.indicator, progress.indicator.unit
    path = _trajectory_path(progress)
    if path:
        axes.plot(*zip(*path, strict=True), ":", color=GREY, linewidth=2, label="Trajectory")
    if indicator.target_value is not None:
        label = f"Target {tj.show(indicator.target_value, unit)}"
        axes.axhline(float(indicator.target_value), color=GREEN, linestyle="--", label=label)
    _draw_readings(axes, progress)
    start, end = _x_range(progress)
    axes.set_xlim(start, end)
    axes.set_ylim(bottom=0, top=_y_top(progress))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y" if legend else "%b %y"))
    months = (end.year - start.year) * 12 + end.month - start.month
    ticks = 6 if legend else 3
    axes.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, -(-months // ticks))))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _: tj.show(Decimal(str(y)), unit)))
    axes.grid(axis="y", color="#b1b4b6", linewidth=0.5)
    if legend and axes.get_legend_handles_labels()[0]:
        axes.legend(loc="best", frameon=False, fontsize=8)


def _draw_readings(axes, progress: IndicatorProgress) -> None:
    real = [(r.date, float(r.value)) for r in progress.readings if not r.is_sample]
    sample = [(r.date, float(r.value)) for r in progress.readings if r.is_sample]
    everything = [(r.date, float(r.value)) for r in progress.readings]
    if everything:
        axes.plot(*zip(*everything, strict=True), "-", color=BLUE, linewidth=1.5)
    if real:
        axes.plot(*zip(*real, strict=True), "o", color=BLUE, label="Reading")
    if sample:
        axes.plot(
            *zip(*sample, strict=True), "D", color=BLUE, markerfacecolor="white",
            label="Sample reading (made up)",
        )  # fmt: skip


def _trajectory_path(progress: IndicatorProgress) -> list[tuple[date, float]]:
    path = [(m.date, float(m.value)) for m in progress.trajectory]
    end = _x_range(progress)[1]
    if path and path[-1][0] < end:
        path.append((end, path[-1][1]))  # the last milestone holds
    return path


def _x_range(progress: IndicatorProgress) -> tuple[date, date]:
    days = [r.date for r in progress.readings] + [m.date for m in progress.trajectory]
    days += [progress.as_at]
    if progress.indicator.target_date:
        days.append(progress.indicator.target_date)
    start, end = min(days), max(days)
    margin = timedelta(days=max(15, (end - start).days // 30))
    return start - margin, end + margin


def _y_top(progress: IndicatorProgress) -> float:
    values = [float(r.value) for r in progress.readings]
    values += [float(m.value) for m in progress.trajectory]
    if progress.indicator.target_value is not None:
        values.append(float(progress.indicator.target_value))
    return max(values, default=1) * 1.15 or 1
