"""Line charts as geometry for inline SVG: the page's own language on every label.

Python works out the positions (floats are pixel positions only; the numbers shown are the
exact Decimals, formatted per locale); ``templates/_chart.html`` draws them, so every text
in the SVG is escaped by Jinja.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 36


@dataclass(frozen=True)
class Series:
    """One line: a label (already in the page's language), a value per x category (None
    where there is none) and a style: ``line`` (solid with markers), ``dashed``, ``markers``
    (markers only) or ``hollow`` (hollow markers only)."""

    label: str
    values: Sequence[Decimal | None]
    style: str = "line"
    colour: int | None = None  # colour slot; by default the series' position


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # category and value, for the point's tooltip


@dataclass(frozen=True)
class Line:
    index: int  # colour slot
    label: str
    style: str
    path: str  # SVG path data; empty for markers-only series
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    y_label: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    lines: tuple[Line, ...]


def nice_step(span: float, target: int = 5) -> float:
    """A 1-2-5 step that divides ``span`` into about ``target`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[Series],
    y_label: str,
    number: Callable[[Decimal], str],
    *,
    include_zero: bool = False,
) -> Chart:
    """Place every series over evenly spaced categories; ``number`` formats tick and point
    values in the page's locale."""
    values = [float(v) for s in series for v in s.values if v is not None]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if low == high:
        low, high = low - 1, high + 1
    step = nice_step(high - low)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    plot_right, plot_bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x_at(index: int) -> float:
        if len(categories) == 1:
            return (LEFT + plot_right) / 2
        return LEFT + index * (plot_right - LEFT) / (len(categories) - 1)

    def y_at(value: float) -> float:
        return plot_bottom - (value - low) / (high - low) * (plot_bottom - TOP)

    count = round((high - low) / step)
    y_ticks = tuple(
        Tick(round(y_at(low + i * step), 1), number(_exact(low + i * step, step)))
        for i in range(count + 1)
    )
    x_ticks = tuple(Tick(round(x_at(i), 1), label) for i, label in enumerate(categories))
    lines = []
    for index, item in enumerate(series):
        points = []
        commands = []
        pen_down = False
        for i, value in enumerate(item.values):
            if value is None:
                pen_down = False
                continue
            x, y = round(x_at(i), 1), round(y_at(float(value)), 1)
            points.append(Point(x, y, f"{categories[i]}: {number(value)}"))
            commands.append(f"{'L' if pen_down else 'M'}{x},{y}")
            pen_down = True
        path = " ".join(commands) if item.style in ("line", "dashed") else ""
        colour = index if item.colour is None else item.colour
        lines.append(Line(colour, item.label, item.style, path, tuple(points)))
    return Chart(
        chart_id,
        title,
        description,
        y_label,
        WIDTH,
        HEIGHT,
        LEFT,
        plot_right,
        TOP,
        plot_bottom,
        x_ticks,
        y_ticks,
        tuple(lines),
    )


def _exact(value: float, step: float) -> Decimal:
    """A tick value as the decimal it stands for (a multiple of the 1-2-5 step)."""
    places = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return Decimal(f"{value:.{places}f}")
