"""Charts, drawn on the server as SVG with matplotlib, so the same chart serves the page
and printed papers. No font or file is fetched: the text is drawn as paths in DejaVu Sans,
which matplotlib ships. Each chart is cached per (chart, as-at date, data version)."""

import hashlib
import io
import json
import re

import matplotlib

matplotlib.use("Agg")

from django.core.cache import cache  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

# The BRAG tags' colours (kentplan.css), each bar outlined so the yellow shows on white.
COLOURS = {"blue": "#1d70b8", "green": "#00703c", "amber": "#ffdd00", "red": "#d4351c",
           "": "#b1b4b6"}  # fmt: skip
WORDS = {"blue": "Blue", "green": "Green", "amber": "Amber", "red": "Red", "": "Not rated"}
CACHE_SECONDS = 60 * 60 * 24


def cached_svg(*, chart: str, as_at, data, draw) -> str:
    """`draw(data)`'s SVG, from the cache when the same chart of the same data was drawn."""
    version = hashlib.sha256(json.dumps(data, default=str, sort_keys=True).encode()).hexdigest()
    key = f"chart:{chart}:{as_at or 'today'}:{version[:32]}"
    svg = cache.get(key)
    if svg is None:
        svg = draw(data)
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def brag_trend_svg(months: list[tuple[str, dict[str, int]]]) -> str:
    """A stacked bar per month of how many actions were Blue, Green, Amber, Red, not rated."""
    figure = Figure(figsize=(7.2, 3.4), dpi=100)
    axes = figure.add_subplot()
    labels = [label for label, _ in months]
    bottoms = [0] * len(months)
    for rating in ["blue", "green", "amber", "red", ""]:
        heights = [counts.get(rating, 0) for _, counts in months]
        axes.bar(labels, heights, bottom=bottoms, color=COLOURS[rating], label=WORDS[rating],
                 edgecolor="#0b0c0c", linewidth=0.6)  # fmt: skip
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_ylabel("Actions")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, reverse=True)
    figure.tight_layout()
    return _svg(figure, "brag-trend")


def _svg(figure: Figure, name: str) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg[svg.index("<svg") :], flags=re.S)
    # Ids unique to this chart, so several charts can share a page.
    svg = re.sub(r'(id="|url\(#|href="#)', rf"\1{name}-", svg)
    return _without_style(svg)


def _without_style(svg: str) -> str:
    """Style attributes as presentation attributes, and no <style> block, so the chart can
    sit inline in a page whose Content-Security-Policy forbids inline styles."""
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    return re.sub(r' style="([^"]*)"', _attributes, svg)


def _attributes(match: re.Match) -> str:
    pairs = (part.split(":", 1) for part in match.group(1).split(";") if ":" in part)
    return "".join(f' {name.strip()}="{value.strip()}"' for name, value in pairs)
