"""`kg stats`: entities by class and facts by property, overall and per article."""

import csv
import io
import json

import pytest

from kg.errors import KgError
from kg.stats import article_stats, render_stats, stats_csv, stats_json
from kg.store import stats

TABLE = """\
                     all  meta-scale-en  openai-microsoft-en
-------------------  ---  -------------  -------------------
entities              11              8                    5
  Person               4              3                    2
  Organization         5              3                    3
  Product              1              1                    0
  Place                1              1                    0
deals                  1              1                    0
  Investment           1              1                    0
facts                 22             19                    4
  age                  1              1                    0
  amount               1              1                    0
  basedIn              1              1                    0
  currency             1              1                    0
  developed            1              1                    0
  formerName           1              1                    0
  founded              1              1                    0
  investee             1              1                    0
  investor             1              1                    0
  jobTitle             3              2                    1
  leads                2              1                    2
  leftOrganization     2              2                    0
  partnerOf            1              0                    1
  reportsTo            1              1                    0
  stakePercent         1              1                    0
  subOrganizationOf    1              1                    0
  worksFor             2              2                    0
"""


def test_table(store):
    assert render_stats(article_stats(store)) == TABLE


def test_totals_agree_with_the_store(store):
    """A fact in two articles (Zuckerberg leads Meta) counts in each, and once overall."""
    rows = dict(article_stats(store).rows())
    counts = stats(store)
    assert rows["entities"][None] == counts.entities
    assert rows["deals"][None] == counts.events
    assert rows["facts"][None] == counts.facts


def test_one_article(store):
    text = render_stats(article_stats(store, "openai-microsoft.en"), overall=False)
    assert text == (
        "                openai-microsoft-en\n"
        "--------------  -------------------\n"
        "entities                          5\n"
        "  Person                          2\n"
        "  Organization                    3\n"
        "deals                             0\n"
        "facts                             4\n"
        "  jobTitle                        1\n"
        "  leads                           2\n"
        "  partnerOf                       1\n")


def test_unknown_article(store):
    with pytest.raises(KgError, match="no graph"):
        article_stats(store, "nope")


def test_csv(store):
    rows = list(csv.reader(io.StringIO(stats_csv(article_stats(store)))))
    assert rows[0] == ["name", "all", "meta-scale-en", "openai-microsoft-en"]
    assert ["leads", "2", "1", "2"] in rows
    assert len(rows) == len(TABLE.splitlines()) - 1  # no rule line


def test_json(store):
    data = json.loads(stats_json(article_stats(store)))
    assert data["articles"] == ["meta-scale-en", "openai-microsoft-en"]
    assert data["classes"]["Person"] == {"all": 4, "meta-scale-en": 3, "openai-microsoft-en": 2}
    assert data["properties"]["partnerOf"] == {"all": 1, "openai-microsoft-en": 1}


def test_empty_store(empty_store):
    assert render_stats(article_stats(empty_store)).splitlines()[2:] == [
        "entities    0", "deals       0", "facts       0"]
