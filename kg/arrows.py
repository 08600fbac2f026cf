"""Arrows between placed boxes: their curves, and where along them their labels sit.

An arrow runs from border to border of its boxes; two arrows in opposite directions between
the same boxes bow apart. Each label is put at the point along its arrow where it covers the
least of the boxes, the labels placed before it, and the other arrows.
"""

import math
from dataclasses import dataclass

from kg.layout import Point, Size

# Where along an arrow a label may sit (0 is the start, 1 the end), best first.
SPOTS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73)
SAMPLES = 24  # points per arrow when testing what a label covers


@dataclass
class Arrow:
    """A quadratic curve start → control → end, and its label's size and centre."""

    start: Point
    control: Point
    end: Point
    label: Size
    label_at: Point = (0.0, 0.0)

    def at(self, t: float) -> Point:
        """The point at `t` (0 to 1) along the curve."""
        a, b = (1 - t) ** 2, 2 * t * (1 - t)
        return (a * self.start[0] + b * self.control[0] + t * t * self.end[0],
                a * self.start[1] + b * self.control[1] + t * t * self.end[1])


def route(pos: dict[str, Point], sizes: dict[str, Size],
          labels: dict[tuple[str, str], Size]) -> dict[tuple[str, str], Arrow]:
    """An arrow for each (source, target) pair, with the size of its label."""
    arrows = {}
    for (source, target), label in labels.items():
        (x1, y1), (x2, y2) = pos[source], pos[target]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        bend = 0.18 * length if (target, source) in labels else 0.0
        control = ((x1 + x2) / 2 + bend * (y2 - y1) / length,
                   (y1 + y2) / 2 - bend * (x2 - x1) / length)
        arrows[source, target] = Arrow(border(pos[source], sizes[source], control, 1.0), control,
                                       border(pos[target], sizes[target], control, 4.0), label)
    _place_labels(list(arrows.values()), [_rect(pos[n], sizes[n]) for n in pos])
    return arrows


def border(centre: Point, size: Size, towards: Point, gap: float) -> Point:
    """Where the line from a box's centre towards a point leaves the box (plus `gap`)."""
    (x, y), (w, h) = centre, size
    dx, dy = towards[0] - x, towards[1] - y
    if dx == 0 and dy == 0:
        return centre
    scale = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    length = math.hypot(dx, dy)
    return x + dx * scale + gap * dx / length, y + dy * scale + gap * dy / length


Rect = tuple[float, float, float, float]  # left, top, right, bottom


def _place_labels(arrows: list[Arrow], boxes: list[Rect]) -> None:
    samples = [[a.at(k / SAMPLES) for k in range(1, SAMPLES)] for a in arrows]
    placed: list[Rect] = []
    for index, arrow in enumerate(arrows):
        best: tuple[float, Point] | None = None
        for spot in SPOTS:
            centre = arrow.at(spot)
            rect = _rect(centre, arrow.label)
            cost = 3 * sum(_overlap(rect, box) for box in boxes + placed)
            cost += 40 * sum(1 for other, points in enumerate(samples) if other != index
                             for p in points if _inside(p, rect))
            cost += 20 * abs(spot - 0.5)  # nearer the middle reads better
            if best is None or cost < best[0]:
                best = (cost, centre)
        assert best is not None
        arrow.label_at = best[1]
        placed.append(_rect(best[1], arrow.label))


def _rect(centre: Point, size: Size) -> Rect:
    return (centre[0] - size[0] / 2, centre[1] - size[1] / 2,
            centre[0] + size[0] / 2, centre[1] + size[1] / 2)


def _overlap(a: Rect, b: Rect) -> float:
    return (max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
            * max(0.0, min(a[3], b[3]) - max(a[1], b[1])))


def _inside(p: Point, r: Rect) -> bool:
    return r[0] <= p[0] <= r[2] and r[1] <= p[1] <= r[3]
