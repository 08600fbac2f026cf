"""A deterministic layout for small graphs of labelled boxes: same graph, same picture.

Each connected part is placed by stress majorization (nodes as far apart as the facts
between them, a fact as long as its label needs), from classical scaling and, for small parts,
a few seeded random starts; the result with the fewest crossing lines wins (kg.crossings
flips nodes to remove some). It is turned so its long side lies flat, spread so labels fit,
and its boxes pushed apart until none overlap. The parts are packed in rows, largest first;
nodes without any fact go in a grid below them.
"""

import math
import random
from collections import deque

from kg.crossings import Point, Size, untangle

GAP = 28.0  # the least room between two boxes
HOP = 70.0  # the least room for a fact between two boxes
ROW_WIDTH = 1500.0  # parts are packed into rows about this wide
STARTS = 8  # layouts tried for a part of at most MULTI_START nodes
MULTI_START = 40


def layout(sizes: dict[str, Size], edges: dict[tuple[str, str], Size]) -> dict[str, Point]:
    """Centres for boxes `sizes` joined by `edges` (each with the size of its label), all
    inside the positive quadrant."""
    around: dict[str, set[str]] = {n: set() for n in sizes}
    labels: dict[frozenset[str], Size] = {}
    for (a, b), label in edges.items():
        if a != b:
            around[a].add(b)
            around[b].add(a)
            pair = frozenset((a, b))
            old = labels.get(pair, (0.0, 0.0))
            labels[pair] = (max(old[0], label[0]), old[1] + label[1])
    parts = _components(around)
    placed = [_place_part(part, sizes, around, labels) for part in parts if len(part) > 1]
    lonely = [part[0] for part in parts if len(part) == 1]
    if lonely:
        placed.append(_grid(lonely, sizes))
    return _pack(placed, sizes, last_below=bool(lonely))


def _components(around: dict[str, set[str]]) -> list[list[str]]:
    """Connected parts, largest first; each in breadth-first order from its first node."""
    seen: set[str] = set()
    parts = []
    for start in sorted(around):
        if start in seen:
            continue
        part, queue = [], deque([start])
        seen.add(start)
        while queue:
            node = queue.popleft()
            part.append(node)
            for other in sorted(around[node] - seen):
                seen.add(other)
                queue.append(other)
        parts.append(part)
    return sorted(parts, key=lambda p: (-len(p), p[0]))


def _place_part(part: list[str], sizes: dict[str, Size], around: dict[str, set[str]],
                labels: dict[frozenset[str], Size]) -> dict[str, Point]:
    """The part laid out from a few fixed starts; the one with the fewest crossings wins."""
    ideal = _distances(part, sizes, around, labels)
    boxes = [sizes[n] for n in part]
    index = {n: i for i, n in enumerate(part)}
    edges = {(index[a], index[b]): label for pair, label in labels.items()
             for a, b in [sorted(pair)] if a in index}
    starts = [_classical_scaling(ideal)]
    if len(part) <= MULTI_START:
        spread = max(d for row in ideal for d in row if math.isfinite(d))
        for seed in range(1, STARTS):
            rng = random.Random(seed)  # seeded: the same picture every time
            starts.append([(rng.uniform(0, spread), rng.uniform(0, spread)) for _ in part])
    best: tuple[float, list[Point]] | None = None
    for start in starts:
        points = _flatten(_stress(ideal, start))
        points = _separate(_make_room(points, boxes, edges), boxes)
        points, score = untangle(points, boxes, list(edges), _separate, MULTI_START)
        if best is None or score < best[0]:
            best = (score, points)
    assert best is not None
    return dict(zip(part, best[1], strict=True))


def _distances(part: list[str], sizes: dict[str, Size], around: dict[str, set[str]],
               labels: dict[frozenset[str], Size]) -> list[list[float]]:
    """Shortest-path lengths: a fact is as long as its label and half its boxes need."""
    index = {n: i for i, n in enumerate(part)}
    reach = [(w + h) / 3 for w, h in (sizes[n] for n in part)]
    rows = []
    for source in range(len(part)):
        best = [math.inf] * len(part)
        best[source] = 0.0
        todo = set(range(len(part)))
        while todo:
            i = min(todo, key=lambda k: (best[k], k))
            todo.discard(i)
            for other in around[part[i]]:
                j = index[other]
                label = labels[frozenset((part[i], other))]
                length = max(HOP, label[0] + 2 * GAP) + reach[i] + reach[j]
                best[j] = min(best[j], best[i] + length)
        rows.append(best)
    return rows


def _classical_scaling(ideal: list[list[float]]) -> list[Point]:
    """Classical multidimensional scaling by power iteration: a good, repeatable start."""
    n = len(ideal)
    squared = [[d * d for d in row] for row in ideal]
    row_mean = [sum(r) / n for r in squared]
    mean = sum(row_mean) / n
    b = [[-0.5 * (squared[i][j] - row_mean[i] - row_mean[j] + mean) for j in range(n)]
         for i in range(n)]
    axes = []
    for k in range(2):
        v = [1.0 + ((i * 7 + k * 3) % 11) / 10 for i in range(n)]  # any fixed, uneven start
        value = 0.0
        for _ in range(100):
            w = [sum(b[i][j] * v[j] for j in range(n)) for i in range(n)]
            for axis, _ in axes:  # stay orthogonal to the axes found before
                dot = sum(a * x for a, x in zip(axis, w, strict=True))
                w = [x - dot * a for a, x in zip(axis, w, strict=True)]
            norm = math.sqrt(sum(x * x for x in w)) or 1.0
            v, value = [x / norm for x in w], norm
        axes.append((v, value))
    scale = [math.sqrt(max(value, 0.0)) for _, value in axes]
    return [(axes[0][0][i] * scale[0] + 0.01 * i, axes[1][0][i] * scale[1]) for i in range(n)]


def _stress(ideal: list[list[float]], points: list[Point], rounds: int = 200) -> list[Point]:
    """Stress majorization with localized updates, weights 1/d²."""
    n = len(points)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    for _ in range(rounds):
        moved = 0.0
        for i in range(n):
            sx = sy = total = 0.0
            for j in range(n):
                d = ideal[i][j]
                if j == i or not math.isfinite(d) or d == 0:
                    continue
                w = 1.0 / (d * d)
                dx, dy = xs[i] - xs[j], ys[i] - ys[j]
                far = math.hypot(dx, dy) or 1e-9
                sx += w * (xs[j] + d * dx / far)
                sy += w * (ys[j] + d * dy / far)
                total += w
            if total:
                nx, ny = sx / total, sy / total
                moved = max(moved, abs(nx - xs[i]) + abs(ny - ys[i]))
                xs[i], ys[i] = nx, ny
        if moved < 0.05:
            break
    return list(zip(xs, ys, strict=True))


def _flatten(points: list[Point]) -> list[Point]:
    """Turn the points so that their widest spread is horizontal (pictures are wide)."""
    n = len(points)
    cx, cy = sum(p[0] for p in points) / n, sum(p[1] for p in points) / n
    sxx = sum((x - cx) ** 2 for x, _ in points)
    syy = sum((y - cy) ** 2 for _, y in points)
    sxy = sum((x - cx) * (y - cy) for x, y in points)
    angle = -0.5 * math.atan2(2 * sxy, sxx - syy)
    cos, sin = math.cos(angle), math.sin(angle)
    return [((x - cx) * cos - (y - cy) * sin, (x - cx) * sin + (y - cy) * cos)
            for x, y in points]


def _make_room(points: list[Point], boxes: list[Size],
               edges: dict[tuple[int, int], Size]) -> list[Point]:
    """Spread the points evenly until (nearly) every fact has room for its label between its
    boxes: one cramped fact in a big part should not blow the whole picture up."""
    scales = [1.0]
    for (i, j), (w, h) in edges.items():
        dx, dy = points[j][0] - points[i][0], points[j][1] - points[i][1]
        far = math.hypot(dx, dy) or 1e-9
        ux, uy = abs(dx) / far, abs(dy) / far
        need = w * ux + h * uy + 2 * GAP + _reach(boxes[i], ux, uy) + _reach(boxes[j], ux, uy)
        scales.append(need / far)
    scales.sort()
    share = 1.0 if len(scales) <= MULTI_START else 0.9  # in a big part, room for most
    scale = min(scales[int(share * (len(scales) - 1) + 0.5)], 3.0)
    return [(x * scale, y * scale) for x, y in points]


def _reach(box: Size, ux: float, uy: float) -> float:
    """How far a box extends from its centre in the direction (ux, uy)."""
    return min(box[0] / 2 / ux if ux else math.inf, box[1] / 2 / uy if uy else math.inf)


def _separate(points: list[Point], sizes: list[Size], rounds: int = 300) -> list[Point]:
    """Push overlapping boxes apart, each pair along the line between their centres."""
    pts = [list(p) for p in points]
    for _ in range(rounds):
        clear = True
        for i in range(len(pts)):
            for j in range(i + 1, len(pts)):
                dx, dy = pts[j][0] - pts[i][0], pts[j][1] - pts[i][1]
                over_x = (sizes[i][0] + sizes[j][0]) / 2 + GAP - abs(dx)
                over_y = (sizes[i][1] + sizes[j][1]) / 2 + GAP - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                clear = False
                far = math.hypot(dx, dy)
                if far < 1e-6:
                    dx, dy, far = 1.0, 0.0, 1.0
                # moving along (dx, dy) by t clears x after over_x/|ux|, y after over_y/|uy|
                ux, uy = abs(dx) / far, abs(dy) / far
                t = min(over_x / ux if ux > 1e-9 else math.inf,
                        over_y / uy if uy > 1e-9 else math.inf)
                step = (t / 2 + 0.5) / far
                pts[i][0] -= dx * step
                pts[i][1] -= dy * step
                pts[j][0] += dx * step
                pts[j][1] += dy * step
        if clear:
            break
    return [(x, y) for x, y in pts]


def _grid(nodes: list[str], sizes: dict[str, Size]) -> dict[str, Point]:
    """Nodes in rows, in the order given."""
    placed, x, y, row_height = {}, 0.0, 0.0, 0.0
    for node in nodes:
        w, h = sizes[node]
        if x > 0 and x + w > ROW_WIDTH:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        placed[node] = (x + w / 2, y + h / 2)
        x += w + GAP
        row_height = max(row_height, h)
    return placed


def _pack(parts: list[dict[str, Point]], sizes: dict[str, Size],
          last_below: bool = False) -> dict[str, Point]:
    """Place each part's bounding box in rows, left to right, top to bottom; the last part
    in a row of its own if `last_below`."""
    result: dict[str, Point] = {}
    x = y = row_height = 0.0
    for k, part in enumerate(parts):
        left = min(p[0] - sizes[n][0] / 2 for n, p in part.items())
        top = min(p[1] - sizes[n][1] / 2 for n, p in part.items())
        right = max(p[0] + sizes[n][0] / 2 for n, p in part.items())
        bottom = max(p[1] + sizes[n][1] / 2 for n, p in part.items())
        wrap = last_below and k == len(parts) - 1
        if x > 0 and (wrap or x + right - left > ROW_WIDTH):
            x, y, row_height = 0.0, y + row_height + 2 * GAP, 0.0
        for node, (px, py) in part.items():
            result[node] = (px - left + x, py - top + y)
        x += right - left + 2 * GAP
        row_height = max(row_height, bottom - top)
    return result
