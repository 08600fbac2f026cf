"""Score the extractor on a folder of articles that have hand-written gold facts.

For every `NAME.txt` with a `NAME.gold.jsonl` beside it, the article is extracted, written as
Turtle and scored by an external scorer (the evaluation's `score.py`, which prints JSON with
`--json`); the per-relation counts are summed over the folder (micro-averaged).
"""

import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError

DEFAULT_SCORER = Path("..") / "shared" / "eval" / "score.py"
COUNTS = ("gold", "output", "matched_gold", "matched_output")


@dataclass
class Score:
    """Counts of one article, or of a whole folder: gold units, output units, matches."""

    name: str
    gold: int = 0
    output: int = 0
    matched: int = 0
    relations: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 4))

    @property
    def precision(self) -> float:
        return self.matched / self.output if self.output else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def find_scorer(explicit: Path | None = None) -> Path:
    """The scorer to run: `explicit`, else $KG_SCORER, else ../shared/eval/score.py."""
    scorer = explicit or Path(os.environ.get("KG_SCORER", DEFAULT_SCORER))
    if not scorer.is_file():
        raise KgError(f"no scorer at {scorer}: pass --scorer PATH to the evaluation's score.py")
    return scorer


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs of a folder, by name."""
    if not folder.is_dir():
        raise KgError(f"{folder}: not a folder")
    pairs = [(txt, txt.with_name(txt.stem + ".gold.jsonl")) for txt in sorted(folder.glob("*.txt"))]
    pairs = [(txt, gold) for txt, gold in pairs if gold.is_file()]
    if not pairs:
        raise KgError(f"{folder}: no NAME.txt with a NAME.gold.jsonl beside it")
    return pairs


def evaluate(folder: Path, scorer: Path, lang: str | None = None,
             min_confidence: float = 0.0) -> tuple[list[Score], Score]:
    """Score every article of `folder`; return the per-article scores and their sum."""
    from kg.build import extract_file
    from kg.export import export_article

    scores, total = [], Score("micro")
    with tempfile.TemporaryDirectory() as tmp:
        for txt, gold in gold_pairs(folder):
            article = extract_file(txt, lang, min_confidence=min_confidence)
            out = Path(tmp) / f"{txt.stem}.ttl"
            export_article(article, "turtle", out)
            score = _score(scorer, out, gold, txt.stem)
            scores.append(score)
            _add(total, score)
    return scores, total


def _score(scorer: Path, out: Path, gold: Path, name: str) -> Score:
    run = subprocess.run([sys.executable, str(scorer), str(out), str(gold), "--json"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise KgError(f"{name}: the scorer failed: {(run.stderr or run.stdout).strip()}")
    try:
        result = json.loads(run.stdout)
        micro = result["micro"]
        score = Score(name, micro["gold"], micro["output"], micro["matched"])
        for row in result["relations"]:
            score.relations[row["relation"]] = [int(row[k]) for k in COUNTS]
    except (ValueError, KeyError, TypeError) as exc:
        raise KgError(f"{name}: unexpected scorer output ({exc})") from exc
    return score


def _add(total: Score, score: Score) -> None:
    total.gold += score.gold
    total.output += score.output
    total.matched += score.matched
    for rel, counts in score.relations.items():
        total.relations[rel] = [a + b for a, b in zip(total.relations[rel], counts, strict=True)]


def render(scores: list[Score], total: Score) -> str:
    """Per-article rows, the per-relation table of the whole folder, and the micro line."""
    lines = [f"{'article':<24}{'gold':>6}{'output':>8}{'matched':>9}{'P':>7}{'R':>7}{'F1':>7}"]
    for s in scores:
        lines.append(f"{s.name:<24}{s.gold:>6}{s.output:>8}{s.matched:>9}"
                     f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}")
    lines += ["", (f"{'relation':<24}{'gold':>6}{'output':>8}{'m.gold':>8}{'m.out':>7}"
                   f"{'P':>7}{'R':>7}{'F1':>7}")]
    for rel, (g, o, mg, mo) in total.relations.items():
        p, r = (mo / o if o else 0.0), (mg / g if g else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{rel:<24}{g:>6}{o:>8}{mg:>8}{mo:>7}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    worst = min((s.f1 for s in scores), default=0.0)
    lines += ["", (f"micro P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f} "
                   f"(gold {total.gold}, output {total.output}, matched {total.matched}) "
                   f"min_article_F1={worst:.3f}")]
    return "\n".join(lines)
