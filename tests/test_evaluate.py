"""`kg eval`: extraction of a folder scored by an external scorer, summed per relation."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.evaluate import evaluate, find_scorer, gold_pairs

# A stand-in for the evaluation's score.py: it reports the gold file's line count as gold
# units, the output's reportsTo facts as output units, and matches the smaller number.
FAKE_SCORER = """
import json, sys
out, gold = open(sys.argv[1]).read(), open(sys.argv[2]).read().splitlines()
g, o = len(gold), out.count("nkg:reportsTo person:")
m = min(g, o)
print(json.dumps({"relations": [{"relation": "reportsTo", "gold": g, "output": o,
    "matched_gold": m, "matched_output": m}], "micro": {"gold": g, "output": o, "matched": m}}))
"""

ARTICLE = ("Kabar Kantor\n\nDalam struktur baru itu, Fajar Nugroho melapor langsung kepada "
           "Lina Marlina setiap pekan.\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    gold = {"s": "Fajar Nugroho", "p": "reportsTo", "o": "Lina Marlina"}
    for name, lines in (("a", 1), ("b", 2)):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / f"{name}.gold.jsonl").write_text("\n".join([json.dumps(gold)] * lines))
    (tmp_path / "no-gold.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def scorer(tmp_path: Path) -> Path:
    path = tmp_path.parent / "fake_score.py"
    path.write_text(FAKE_SCORER, encoding="utf-8")
    return path


def test_articles_without_gold_are_left_out(folder: Path):
    assert [txt.name for txt, _ in gold_pairs(folder)] == ["a.txt", "b.txt"]


def test_scores_are_summed_over_the_folder(folder: Path, scorer: Path):
    scores, total = evaluate(folder, scorer)
    assert [(s.name, s.gold, s.output, s.matched) for s in scores] == [("a", 1, 1, 1),
                                                                       ("b", 2, 1, 1)]
    assert (total.gold, total.output, total.matched) == (3, 2, 2)
    assert total.relations["reportsTo"] == [3, 2, 2, 2]
    assert total.precision == 1.0 and round(total.recall, 3) == 0.667


def test_cli_prints_the_table(folder: Path, scorer: Path):
    result = CliRunner().invoke(app, ["eval", str(folder), "--scorer", str(scorer)])
    assert result.exit_code == 0, result.output
    assert "reportsTo" in result.stdout
    assert result.stdout.strip().endswith(
        "micro P=1.000 R=0.667 F1=0.800 (gold 3, output 2, matched 2) min_article_F1=0.667")


def test_a_missing_scorer_is_a_clear_error(tmp_path: Path):
    with pytest.raises(KgError, match="no scorer at"):
        find_scorer(tmp_path / "nowhere.py")


def test_a_failing_scorer_is_reported(folder: Path, tmp_path: Path):
    broken = tmp_path.parent / "broken_score.py"
    broken.write_text("import sys; sys.exit('bad gold')", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(folder), "--scorer", str(broken)])
    assert result.exit_code == 1
    assert "the scorer failed: bad gold" in result.stderr
