"""`kg show`, `kg stats` and `kg ontology`: output, files written, one-line errors."""

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.cli_helpers import assert_fails, kg

README = Path(__file__).resolve().parent.parent / "ontology" / "README.md"


def test_show_svg_to_stdout(store_dir: Path):
    result = kg("show", "--graph", "meta-scale.en", store=store_dir)
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout_bytes)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_show_entity_to_html(store_dir: Path, tmp_path: Path):
    out = tmp_path / "lecun.html"
    result = kg("show", "--entity", "Yann LeCun", "--entity", "Sam Altman", "-o", out,
                store=store_dir)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert "newskg: around Yann LeCun, Sam Altman" in page
    assert "OpenAI" in page and "Llama" not in page


@pytest.mark.parametrize(("args", "message"), [
    (["show", "--entity", "Nobody"], "no entity named 'Nobody'"),
    (["show", "--graph", "nope"], "no graph https://w3id.org/newskg/article/nope"),
    (["show", "-o", "graph.png"], "kg show writes .svg or .html files"),
    (["stats", "--graph", "nope"], "no graph"),
])
def test_errors_are_one_line(store_dir: Path, args: list[str], message: str):
    assert_fails(kg(*args, store=store_dir), message)


def test_stats(store_dir: Path):
    result = kg("stats", store=store_dir)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["all", "meta-scale-en", "openai-microsoft-en"]
    assert lines[2].split() == ["entities", "11", "8", "5"]
    assert "  leads                2              1                    2" in lines


def test_stats_formats(store_dir: Path):
    data = json.loads(kg("stats", "-f", "json", store=store_dir).stdout)
    assert data["properties"]["reportsTo"] == {"all": 1, "meta-scale-en": 1}
    csv = kg("stats", "-f", "csv", "--graph", "openai-microsoft.en", store=store_dir).stdout
    assert csv.splitlines()[:2] == ["name,openai-microsoft-en", "entities,5"]


def test_stats_without_store(tmp_path: Path):
    assert_fails(kg("stats", store=tmp_path / "none"), "no store at")


def test_ontology_text():
    result = kg("ontology")
    assert result.exit_code == 0
    assert result.stdout.startswith("newskg ontology 0.1.0\n")
    assert "nkg:reportsTo" in result.stdout and "melapor kepada" in result.stdout


def test_ontology_markdown_is_the_readme(tmp_path: Path):
    assert kg("ontology", "--format", "markdown").stdout == README.read_text(encoding="utf-8")
    out = tmp_path / "README.md"
    assert kg("ontology", "-f", "markdown", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == README.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["show", "stats", "ontology"])
def test_help_has_examples(command: str):
    result = kg(command, "--help")
    assert result.exit_code == 0
    assert "Example:\n    kg " in result.stdout
