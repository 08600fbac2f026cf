"""The layout: deterministic, no two boxes overlap, room for labels, parts and loners apart."""

import itertools

import pytest

from kg.layout import GAP, layout

# A star with a tail, a triangle, a pair, and two nodes without edges.
SIZES = {name: (40.0 + 12 * len(name), 34.0) for name in
         ["hub", "a", "b", "c", "d", "tail", "x", "y", "z", "p", "q", "alone", "lonely"]}
EDGES = {("hub", "a"): (50.0, 15.0), ("hub", "b"): (50.0, 15.0), ("hub", "c"): (80.0, 29.0),
         ("hub", "d"): (50.0, 15.0), ("d", "tail"): (50.0, 15.0), ("x", "y"): (60.0, 15.0),
         ("y", "z"): (60.0, 15.0), ("z", "x"): (60.0, 15.0), ("p", "q"): (70.0, 15.0)}


@pytest.fixture(scope="module")
def placed():
    return layout(SIZES, EDGES)


def test_every_node_placed_inside_the_quadrant(placed):
    assert set(placed) == set(SIZES)
    for name, (x, y) in placed.items():
        assert x - SIZES[name][0] / 2 >= -1e-6 and y - SIZES[name][1] / 2 >= -1e-6


def test_no_boxes_overlap(placed):
    for a, b in itertools.combinations(placed, 2):
        (xa, ya), (xb, yb) = placed[a], placed[b]
        apart_x = abs(xa - xb) >= (SIZES[a][0] + SIZES[b][0]) / 2 + GAP - 1
        apart_y = abs(ya - yb) >= (SIZES[a][1] + SIZES[b][1]) / 2 + GAP - 1
        assert apart_x or apart_y, (a, b)


def test_linked_boxes_leave_room_for_the_label(placed):
    for (a, b), (label_width, _) in EDGES.items():
        (xa, ya), (xb, yb) = placed[a], placed[b]
        gap_x = abs(xa - xb) - (SIZES[a][0] + SIZES[b][0]) / 2
        gap_y = abs(ya - yb) - (SIZES[a][1] + SIZES[b][1]) / 2
        assert gap_x >= label_width or gap_y >= 15, (a, b)


def test_the_same_input_gives_the_same_picture(placed):
    assert layout(SIZES, EDGES) == placed
    assert layout(dict(reversed(SIZES.items())), EDGES) == placed


def test_nodes_without_edges_go_below(placed):
    lowest_linked = max(y for name, (_, y) in placed.items() if name not in ("alone", "lonely"))
    assert placed["alone"][1] > lowest_linked
    assert placed["alone"][1] == placed["lonely"][1]


def test_empty_and_single():
    assert layout({}, {}) == {}
    assert layout({"one": (50.0, 30.0)}, {}) == {"one": (25.0, 15.0)}
