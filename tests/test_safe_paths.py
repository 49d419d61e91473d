"""No command writes or deletes outside its output folder or $IORING_HOME: `..`, `.`, absolute paths,
foreign folders, symbolic links, thread ids and technology names that are paths."""

from __future__ import annotations

import json

import pytest

from adaptor import technologies
from adaptor.errors import UserError
from adaptor.technology import load_profile
from agent.graph import Agent
from agent.config import load_config
from agent.session import Sessions
from ioring.files import BUILD_MARKER
from tests.conftest import EXAMPLES, example

EXAMPLE = next(p for p in EXAMPLES if p.stem == "mixed_4x4")


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def foreign(tmp_path):
    """A folder holding the user's files, which no build may touch."""
    folder = tmp_path / "thesis"
    (folder / "sub").mkdir(parents=True)
    (folder / "precious.txt").write_text("mine")
    (folder / "sub" / "thesis.tex").write_text("mine")
    return folder


def test_build_refuses_a_foreign_folder_without_force(run_cli, tmp_path, foreign):
    before = _tree(tmp_path)
    code, _, err = run_cli("build", EXAMPLE, "-o", foreign.resolve())  # absolute path
    assert code == 2 and "--force" in err and "Traceback" not in err
    assert _tree(tmp_path) == before  # nothing written, nothing removed, no hidden folder


def test_build_force_replaces_a_foreign_folder(run_cli, tmp_path, foreign):
    code, _, _ = run_cli("build", EXAMPLE, "-o", foreign, "--force")
    assert code == 0 and (foreign / BUILD_MARKER).is_file() and not (foreign / "precious.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis"]  # no hidden staging or .old folder


@pytest.mark.parametrize("kind", ["marker", "build.json", "empty"])
def test_build_replaces_an_earlier_build_or_an_empty_folder(run_cli, tmp_path, kind):
    out = tmp_path / "out"
    out.mkdir()
    if kind != "empty":
        (out / (BUILD_MARKER if kind == "marker" else "build.json")).write_text("{}")
        (out / "old.txt").write_text("from an earlier build")
    code, _, _ = run_cli("build", EXAMPLE, "-o", out)
    assert code == 0 and (out / BUILD_MARKER).is_file() and not (out / "old.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("target", [".", "..", "sub/.."])
def test_build_never_replaces_the_working_folder_or_a_parent(run_cli, tmp_path, monkeypatch, target):
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    intent = work / "intent.json"
    intent.write_text(EXAMPLE.read_text())
    monkeypatch.chdir(work)
    before = _tree(tmp_path)
    code, _, err = run_cli("build", intent, "-o", target, "--force")
    assert code == 2 and "working folder" in err
    assert _tree(tmp_path) == before


def test_build_never_replaces_the_folder_of_its_input(run_cli, tmp_path):
    folder = tmp_path / "designs"
    folder.mkdir()
    intent = folder / "intent.json"
    intent.write_text(EXAMPLE.read_text())
    code, _, _ = run_cli("build", intent, "-o", folder, "--force")
    assert code == 2 and intent.is_file() and _tree(folder) == ["intent.json"]


def test_build_refuses_a_symlink_and_a_file(run_cli, tmp_path, foreign):
    link = tmp_path / "link"
    link.symlink_to(foreign, target_is_directory=True)
    assert run_cli("build", EXAMPLE, "-o", link, "--force")[0] == 2
    assert (foreign / "precious.txt").read_text() == "mine" and link.is_symlink()
    assert run_cli("build", EXAMPLE, "-o", foreign / "precious.txt", "--force")[0] == 2
    assert (foreign / "precious.txt").read_text() == "mine"


def test_design_refuses_a_foreign_folder(run_cli, tmp_path, foreign):
    spec = tmp_path / "spec.txt"
    spec.write_text((EXAMPLE.parent / "specs" / "mixed_4x4.txt").read_text())
    code, _, err = run_cli("design", spec, "-o", foreign, "--planner", "rules")
    assert code == 2 and "--force" in err and (foreign / "sub" / "thesis.tex").is_file()


def test_review_output_that_is_a_folder_writes_nothing(run_cli, tmp_path):
    built = tmp_path / "built"
    assert run_cli("build", EXAMPLE, "-o", built)[0] == 0
    (tmp_path / "existing").mkdir()
    before = _tree(tmp_path)
    code, _, err = run_cli("review", built, "-o", tmp_path / "existing")
    assert code == 2 and "is a folder" in err and _tree(tmp_path) == before


@pytest.mark.parametrize("thread", ["../../victim", "..", ".", "", "/etc", "a/b", "a" * 65, "-x", "ok\n"])
def test_bad_thread_ids_are_refused(tmp_path, thread):
    sessions = Sessions(Agent(load_config()), tmp_path / "home")
    try:
        with pytest.raises(UserError, match="not a thread id"):
            sessions.run_dir(thread)
    finally:
        sessions.close()


def test_thread_folders_stay_inside_home_even_through_a_symlink(tmp_path, foreign):
    sessions = Sessions(Agent(load_config()), tmp_path / "home")
    try:
        assert sessions.run_dir("abc_1-2") == (tmp_path / "home" / "runs" / "abc_1-2").resolve()
        (tmp_path / "home" / "runs").mkdir()
        (tmp_path / "home" / "runs" / "evil").symlink_to(foreign, target_is_directory=True)
        with pytest.raises(UserError):
            sessions.run_dir("evil")
    finally:
        sessions.close()


def test_chat_refuses_a_thread_that_is_a_path(run_cli, tmp_path, monkeypatch, foreign):
    monkeypatch.setenv("IORING_HOME", str(tmp_path / "home"))
    code, _, err = run_cli("chat", "--thread", "../../thesis", "--planner", "rules")
    assert code == 2 and "not a thread id" in err
    assert _tree(foreign) == ["precious.txt", "sub", "sub/thesis.tex"]


@pytest.mark.parametrize("name", ["../technologies/sg13g2", "sg13g2/../sg13g2", "/tmp", "..", ""])
def test_technology_names_are_looked_up_never_paths(name):
    with pytest.raises(KeyError):
        technologies.folder(name)
    with pytest.raises(UserError):
        load_profile(name)


def test_check_refuses_an_intent_whose_technology_is_a_path(run_cli, tmp_path):
    built = tmp_path / "built"
    assert run_cli("build", EXAMPLE, "-o", built)[0] == 0
    intent = tmp_path / "evil.json"
    # a folder with a real profile.json: once the technology name was used as a path, this loaded
    intent.write_text(json.dumps({**example("mixed_4x4"), "technology": str(technologies.ROOT / "sg13g2" / ".")}))
    code, _, err = run_cli("check", built, "--intent", intent)
    assert code == 2 and "unknown technology" in err and not (built / "drc.json").exists()
