"""Counting crossing lines and lines through boxes, and flipping nodes to remove them."""

from kg.crossings import untangle, untidiness

BOX = (20.0, 10.0)


def keep(points, boxes):
    return points


def test_crossing_lines_count():
    # 0-1 and 2-3 cross in an X; 0-2 runs beside them.
    points = [(0.0, 0.0), (100.0, 100.0), (0.0, 100.0), (100.0, 0.0)]
    assert untidiness(points, [BOX] * 4, [(0, 1), (2, 3)]) == 1
    assert untidiness(points, [BOX] * 4, [(0, 2), (1, 3)]) == 0


def test_a_line_through_a_box_counts_more():
    points = [(0.0, 0.0), (50.0, 1.0), (100.0, 0.0)]
    assert untidiness(points, [BOX] * 3, [(0, 2)]) == 3
    assert untidiness(points, [BOX] * 3, [(0, 1)]) == 0


def test_untangle_flips_a_leaf_across_its_neighbour():
    # 3 hangs off 2, and its line crosses 0-1; reflected through 2 it crosses nothing.
    points = [(0.0, 50.0), (100.0, 50.0), (50.0, 0.0), (50.0, 100.0)]
    edges = [(0, 1), (2, 3)]
    untangled, score = untangle(points, [BOX] * 4, edges, keep, limit=10)
    assert score == 0
    assert untidiness(untangled, [BOX] * 4, edges) == 0


def test_big_parts_are_only_measured():
    points = [(0.0, 50.0), (100.0, 50.0), (50.0, 0.0), (50.0, 100.0)]
    assert untangle(points, [BOX] * 4, [(0, 1), (2, 3)], keep, limit=3) == (points, 1)
