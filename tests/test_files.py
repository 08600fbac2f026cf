"""Files are written whole or not at all."""

import os
import stat
from pathlib import Path

import pytest

import kg.export
from kg.errors import KgError
from kg.export import export
from kg.files import replacing, write_file


def test_write_file_writes_text_and_bytes(tmp_path: Path):
    write_file(tmp_path / "a.txt", "Kopiloka ☕\n")
    write_file(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Kopiloka ☕\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path):
    write_file(tmp_path / "a.txt", "x")
    (tmp_path / "plain.txt").write_text("x")
    mode = stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode)
    assert mode == stat.S_IMODE(os.stat(tmp_path / "plain.txt").st_mode)


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_text("half of the new")
        raise RuntimeError("the serializer broke")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(KgError, match=r"folder .* does not exist"):
        write_file(tmp_path / "nowhere" / "a.txt", "x")


def test_writing_over_a_folder_is_a_clear_error(tmp_path: Path):
    (tmp_path / "out.ttl").mkdir()
    with pytest.raises(KgError, match="cannot write"):
        write_file(tmp_path / "out.ttl", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_export_that_fails_midway_keeps_the_old_file(store, tmp_path: Path, monkeypatch):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "kg.ttl"
    export(store, "turtle", target)
    before = target.read_bytes()

    def broken(items, output, *args, **kwargs):
        Path(output).write_bytes(b"@prefix nkg: <https://w3id.org/newskg/ontology#> .\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.export, "serialize", broken)
    with pytest.raises(KgError, match="No space left on device"):
        export(store, "turtle", target)
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["kg.ttl"]


def test_a_device_is_written_to_not_replaced(tmp_path: Path):
    with pytest.raises(KgError, match="No space left on device"):
        write_file(Path("/dev/full"), "x")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    write_file(Path("/dev/null"), "x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_keeps_pointing_at_the_new_file(tmp_path: Path):
    (tmp_path / "real.ttl").write_text("old")
    (tmp_path / "link.ttl").symlink_to(tmp_path / "real.ttl")
    write_file(tmp_path / "link.ttl", "new")
    assert (tmp_path / "link.ttl").is_symlink()
    assert (tmp_path / "real.ttl").read_text() == "new"
