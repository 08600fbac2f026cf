"""`kg serve`: the Oxigraph server on the store, over HTTP on loopback, and its query page."""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from http_helpers import local_rows, rows, sparql, update
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.queries import canned_queries, get_query, run
from kg.serve import Server, canned_link, free_port, oxigraph_executable
from kg.store import open_store

REPORTS_TO = [{"employee": {"type": "literal", "value": "Yann LeCun"},
               "manager": {"type": "literal", "value": "Alexandr Wang"}}]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


@pytest.fixture
def server(store_dir: Path):
    """A read-only server on the fixture store, on a free loopback port."""
    with Server(store_dir, port=free_port()) as running:
        yield running


def test_the_oxigraph_server_is_installed():
    out = subprocess.run([oxigraph_executable(), "--version"], capture_output=True, text=True,
                         check=True, timeout=30)
    assert out.stdout.startswith("oxigraph 0.5.")  # reads what pyoxigraph 0.5 writes


def test_serve_answers_the_sparql_protocol_in_json(server: Server):
    results = sparql(server.url + "query", get_query("reports-to").text)
    assert results["head"]["vars"] == ["employee", "manager", "person"]
    assert rows(results) == REPORTS_TO


def test_serve_answers_every_canned_query_as_kg_query_does(server: Server, store_dir: Path):
    local = open_store(store_dir, read_only=True)  # beside the server: neither takes a lock
    for name, canned in canned_queries().items():
        params = tuple(p.name for p in canned.params)
        remote = rows(sparql(server.url + "query", canned.text), drop=params)
        assert remote == local_rows(local, canned), name


def test_serve_is_read_only_by_default(server: Server):
    assert update(server.url + "update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }") == 403


def test_serve_writable_locks_the_store(store_dir: Path):
    with Server(store_dir, port=free_port(), writable=True) as running:
        assert update(running.url + "update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }") == 204
        assert rows(sparql(running.url + "query", "SELECT ?o WHERE { <urn:a> <urn:b> ?o }")) \
            == [{"o": {"type": "uri", "value": "urn:c"}}]
        with pytest.raises(KgError, match="in use"):
            open_store(store_dir)  # what `kg build` opens


def test_serve_needs_a_store(tmp_path: Path):
    with pytest.raises(KgError, match="no store at"):
        Server(tmp_path / "none", port=free_port()).start()


def test_serve_reports_a_port_in_use(store_dir: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(KgError, match=r"stopped at start: Address already in use"):
            Server(store_dir, port=taken.getsockname()[1]).start(timeout=20)


def test_kg_serve_runs_until_terminated(store_dir: Path):
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", "--port", str(port), "--store",
               str(store_dir), "--query", "reports-to"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as process:
        try:
            lines = [process.stdout.readline() for _ in range(5)]
            url = f"http://127.0.0.1:{port}/"
            assert lines[0] == f"serving {store_dir} (read-only) at {url}; Ctrl-C stops it\n"
            assert lines[2] == f"  SPARQL endpoint  {url}query\n"
            assert lines[4].startswith(f"  reports-to: {url}#query=")
            assert rows(sparql(url + "query", get_query("reports-to").text)) == REPORTS_TO
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0, process.stderr.read()
    with socket.socket() as probe:  # the server went with it
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_kg_serve_writable_brings_the_index_up_to_date_when_it_stops(store_dir: Path):
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", "--writable", "--port", str(port),
               "--store", str(store_dir)]
    added = ("INSERT DATA { GRAPH <https://w3id.org/newskg/article/extra> { "
             "<https://w3id.org/newskg/id/organization/acme> a nkg:Organization ; "
             'rdfs:label "Acme" } }')
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as process:
        try:
            process.stdout.readline()  # serving …: it is up
            prologue = ("PREFIX nkg: <https://w3id.org/newskg/ontology#> "
                        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
            assert update(f"http://127.0.0.1:{port}/update", prologue + added) == 204
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0, process.stderr.read()
    rows = run(open_store(store_dir, read_only=True), get_query("organizations"))
    assert "Acme" in [row["organization"].value for row in rows]


def test_kg_serve_without_store_is_one_line_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "none"),
                                      "--port", str(free_port())])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: no store at")
    assert result.stderr.count("\n") == 1


def chromium(profile: Path):
    """Headless Chromium (Debian's, as .ci/run installs it) with a fresh profile in `profile`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    service = Service("/usr/bin/chromedriver", log_output=os.devnull)
    return webdriver.Chrome(service=service, options=options)


def test_query_page_runs_a_canned_query_in_chromium(server: Server, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser = chromium(tmp_path / "chromium-profile")  # pytest removes it, not /tmp by hand
    try:
        browser.set_page_load_timeout(30)
        browser.get(canned_link(server.url, get_query("reports-to").text))
        wait = WebDriverWait(browser, 30)
        run_button = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, ".yasqe_queryButton"))
        editor = browser.execute_script(
            "return document.querySelector('.CodeMirror').CodeMirror.getValue()")
        assert "nkg:reportsTo" in editor
        run_button.click()
        # The results table is redrawn as it fills: read its cells afresh until they come.
        cells = wait.until(lambda b: "Alexandr Wang" in (texts := b.execute_script(
            "return Array.from(document.querySelectorAll('.yasr table tbody td'),"
            " td => td.textContent.trim())")) and texts)
        assert "Yann LeCun" in cells
    finally:
        browser.quit()
