"""`kg show`: the picture names every node and fact, keeps boxes apart, and needs no network."""

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from kg.drawing import node_lines, svg, text_width
from kg.errors import KgError
from kg.graphview import read_graph
from kg.show import page, show, show_format
from kg.vocab import entity_iri

SVG = "{http://www.w3.org/2000/svg}"
DEAL = "https://w3id.org/newskg/id/investment/meta-scale-ai-14000000000"


def parsed(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    rects = [g.find(f"{SVG}rect") for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    return [(float(r.get("x")), float(r.get("y")), float(r.get("width")),
             float(r.get("height"))) for r in rects]


def test_svg_names_every_node_and_fact(store):
    view = read_graph(store)
    root = parsed(svg(view))
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert len(nodes) == 12
    assert {texts(g)[0] for g in nodes} >= {"Yann LeCun", "Meta", "Investment", "Menlo Park"}
    # 14 facts, one arrow per ordered pair: LeCun's two facts about Meta share one, and so
    # do Wang's two about Scale AI.
    assert len(edges) == 12
    lecun_meta = next(g for g in edges if texts(g) == ["left organization", "works for"])
    assert lecun_meta.find(f"{SVG}path").get("marker-end") == "url(#arrow)"
    partner = next(g for g in edges if texts(g) == ["partner of"])
    assert partner.find(f"{SVG}path").get("marker-end") is None  # symmetric: no arrowhead
    assert "newskg: all articles" in texts(root)


def test_literal_facts_under_the_name(store):
    view = read_graph(store)
    assert node_lines(view, view.nodes[entity_iri("Person", "Alexandr Wang")]) == [
        "Alexandr Wang", "age 29"]
    assert node_lines(view, view.nodes[entity_iri("Organization", "Meta")]) == [
        "Meta", "formerly Facebook"]
    assert node_lines(view, view.nodes[DEAL]) == ["Investment", "USD 14 billion", "49% stake"]


def test_no_boxes_overlap(store):
    placed = boxes(parsed(svg(read_graph(store))))
    for i, (x1, y1, w1, h1) in enumerate(placed):
        for x2, y2, w2, h2 in placed[i + 1:]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1


def test_boxes_fit_their_text(store):
    root = parsed(svg(read_graph(store)))
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node":
            width = float(group.find(f"{SVG}rect").get("width"))
            assert width >= text_width(texts(group)[0], 14.0, bold=True)


def test_entities_without_facts_are_listed(empty_store, meta_article):
    from kg.extract.model import Entity
    from kg.store import replace_article

    meta_article.entities.append(Entity("Organization", "Instagram"))
    replace_article(empty_store, meta_article)
    root = parsed(svg(read_graph(empty_store)))
    assert "Mentioned, without facts:" in texts(root)


def test_same_graph_same_picture(store):
    assert svg(read_graph(store)) == svg(read_graph(store))


def test_html_is_self_contained(store):
    text = page(read_graph(store))
    assert text.startswith("<!DOCTYPE html>")
    assert "<svg " in text and "<script>" in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)  # nothing fetched
    assert "@import" not in text


def test_show_writes_the_format_of_the_ending(store, tmp_path: Path):
    assert show(store, tmp_path / "g.svg", graph="openai-microsoft.en") is None
    root = parsed((tmp_path / "g.svg").read_text(encoding="utf-8"))
    assert "newskg: article openai-microsoft.en" in texts(root)
    show(store, tmp_path / "g.html", entities=["Yann LeCun"])
    assert "newskg: around Yann LeCun" in (tmp_path / "g.html").read_text(encoding="utf-8")
    assert show(store, None, "html", entities=["lecun"]).startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("fmt", "out", "expected"), [
    (None, None, "svg"), (None, Path("g.svg"), "svg"), (None, Path("g.HTML"), "html"),
    (None, Path("g.htm"), "html"), ("html", Path("g.svg"), "html"), ("SVG", None, "svg")])
def test_show_format(fmt, out, expected):
    assert show_format(fmt, out) == expected


@pytest.mark.parametrize(("fmt", "out", "message"), [
    (None, Path("g.png"), "kg show writes .svg or .html files, not g.png"),
    ("png", None, "unknown picture format 'png'")])
def test_show_format_errors(fmt, out, message: str):
    with pytest.raises(KgError, match=message):
        show_format(fmt, out)


def test_too_many_nodes(store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("kg.show.MAX_NODES", 5)
    with pytest.raises(KgError, match="12 nodes are too many to draw readably"):
        show(store)


def test_missing_folder(store, tmp_path: Path):
    with pytest.raises(KgError, match="does not exist"):
        show(store, tmp_path / "no" / "g.svg")


def test_html_highlights_a_nodes_facts_in_chromium(store, tmp_path: Path):
    """Pointing at a box fades every node but it and the ends of its facts (.ci/run installs
    Debian's chromium and chromium-driver)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    show(store, tmp_path / "g.html")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1200",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get((tmp_path / "g.html").as_uri())
        nodes = browser.find_elements(By.CSS_SELECTOR, "g.node")
        names = {n.get_attribute("id"): n.find_element(By.CSS_SELECTOR, "text.name").text
                 for n in nodes}
        lecun = next(n for n in nodes if names[n.get_attribute("id")] == "Yann LeCun")
        ActionChains(browser).move_to_element(lecun).perform()
        clear = {names[n.get_attribute("id")] for n in nodes
                 if "faded" not in n.get_attribute("class")}
        assert clear == {"Yann LeCun", "Alexandr Wang", "Meta"}
    finally:
        browser.quit()
