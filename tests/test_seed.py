"""End to end: the real extractor builds seeds/, and the canned queries find the seed's facts."""

from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def table_rows(stdout: str) -> list[tuple[str, ...]]:
    """The data rows of a `--format table` answer, each cell stripped."""
    lines = stdout.splitlines()[2:-1]  # header, rule ... row count
    return [tuple(cell.strip() for cell in line.split(" | ")) for line in lines]


def test_seed_reports_to_and_investment(tmp_path: Path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    built = runner.invoke(app, ["build", str(SEEDS), "--store", store])
    assert built.exit_code == 0, built.output
    reports = runner.invoke(app, ["query", "reports-to", "--store", store])
    assert ("Yann LeCun", "Alexandr Wang") in table_rows(reports.stdout), reports.stdout
    deals = runner.invoke(app, ["query", "investments", "--store", store])
    assert ("Meta", "Scale AI", "14000000000", "USD", "49") in table_rows(deals.stdout), \
        deals.stdout
