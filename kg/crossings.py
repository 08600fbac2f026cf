"""Tidying a layout: count crossing lines and lines through boxes, and flip nodes to remove
them."""

from collections.abc import Callable

Point = tuple[float, float]  # a box's centre x, y
Size = tuple[float, float]  # a box's width, height


def untangle(points: list[Point], boxes: list[Size], edges: list[tuple[int, int]],
             separate: Callable[[list[Point], list[Size]], list[Point]],
             limit: int) -> tuple[list[Point], float]:
    """Flip nodes with one or two facts to the other side of their neighbours while that
    removes crossings (`separate` then keeps boxes apart); returns the points and their
    untidiness. Parts of more than `limit` nodes are only measured: flipping costs too much."""
    near: dict[int, list[int]] = {i: [] for i in range(len(points))}
    for a, b in edges:
        near[a].append(b)
        near[b].append(a)
    score = untidiness(points, boxes, edges)
    if len(points) > limit:
        return points, score
    for _ in range(3):
        better = False
        for i in range(len(points)):
            if score == 0 or len(near[i]) not in (1, 2):
                continue
            trial = list(points)
            trial[i] = _mirror(points[i], [points[j] for j in near[i]])
            trial = separate(trial, boxes)
            trial_score = untidiness(trial, boxes, edges)
            if trial_score < score:
                points, score, better = trial, trial_score, True
        if not better:
            break
    return points, score


def _mirror(p: Point, anchors: list[Point]) -> Point:
    """`p` reflected through its one neighbour, or across the line through its two."""
    if len(anchors) == 1:
        (ax, ay), = anchors
        return 2 * ax - p[0], 2 * ay - p[1]
    (ax, ay), (bx, by) = anchors
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy or 1e-9
    t = ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2
    fx, fy = ax + t * dx, ay + t * dy  # the foot of the perpendicular
    return 2 * fx - p[0], 2 * fy - p[1]


def untidiness(points: list[Point], boxes: list[Size], edges: list[tuple[int, int]]) -> float:
    """Crossing lines, and lines through a box that is not one of their ends."""
    score = 0.0
    for k, (a, b) in enumerate(edges):
        for c, d in edges[k + 1:]:
            if len({a, b, c, d}) == 4 and _cross(points[a], points[b], points[c], points[d]):
                score += 1
        for i, box in enumerate(boxes):
            if i not in (a, b) and _through(points[a], points[b], points[i], box):
                score += 3
    return score


def _cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0


def _through(p: Point, q: Point, centre: Point, box: Size) -> bool:
    """Whether the segment p-q passes through the box (Liang-Barsky clipping)."""
    low, high = 0.0, 1.0
    for start, delta, lo, hi in ((p[0], q[0] - p[0], centre[0] - box[0] / 2,
                                  centre[0] + box[0] / 2),
                                 (p[1], q[1] - p[1], centre[1] - box[1] / 2,
                                  centre[1] + box[1] / 2)):
        if abs(delta) < 1e-12:
            if not lo < start < hi:
                return False
            continue
        t1, t2 = (lo - start) / delta, (hi - start) / delta
        low, high = max(low, min(t1, t2)), min(high, max(t1, t2))
        if low >= high:
            return False
    return True
