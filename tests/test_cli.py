"""The CLI contract: exit codes, messages for bad input, outputs on every example."""

from __future__ import annotations

import json

import pytest

from adaptor.load import SCHEMA_PATH
from tests.conftest import EXAMPLES, example, pad_at

# one corruption per example, and the rule id `ioring validate --json` must report
CORRUPTIONS = {
    "digital_3x3": ("digital.direction_missing", lambda d: pad_at(d, "left_0").pop("direction")),
    "mixed_4x4": ("domain.provider_missing", lambda d: pad_at(d, "left_2").update(role="analog_vss_consumer")),
    "multi_domain_8x8": ("domain.unknown", lambda d: pad_at(d, "left_6").update(domain="pl")),
    "double_ring_6x6": ("position.inner_not_between", lambda d: pad_at(d, "right_1_2").update(position="right_1_3")),
    "nonsquare_5x3": ("ring.pad_count", lambda d: d["pads"].remove(pad_at(d, "right_4"))),
}


def test_every_example_has_a_corruption():
    assert set(CORRUPTIONS) == {p.stem for p in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_validate_accepts_example(run_cli, path):
    code, out, _ = run_cli("validate", path)
    assert code == 0 and "valid" in out


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_validate_rejects_corrupted_copy(run_cli, tmp_path, name):
    rule, corrupt = CORRUPTIONS[name]
    doc = example(name)
    corrupt(doc)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc))
    code, out, _ = run_cli("validate", path, "--json")
    report = json.loads(out)
    assert code == 2 and report["valid"] is False
    assert rule in {f["rule"] for f in report["findings"]}
    code, _, err = run_cli("validate", path)
    assert code == 2 and rule in err


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_export_semantic(run_cli, path):
    code, out, _ = run_cli("export", path, "--format", "semantic")
    assert code == 0
    record = json.loads(out)
    assert len(record["positions"]) == len(json.loads(path.read_text())["pads"])


def test_schema_command(run_cli):
    code, out, _ = run_cli("schema")
    assert code == 0 and json.loads(out) == json.loads(SCHEMA_PATH.read_text())


def test_convert_round_trip_files(run_cli, tmp_path):
    golden, back = tmp_path / "g.json", tmp_path / "back.json"
    assert run_cli("convert", EXAMPLES[0], "--to", "ams-io-bench", "-o", golden)[0] == 0
    assert run_cli("convert", golden, "--from", "ams-io-bench", "-o", back)[0] == 0
    assert run_cli("validate", back)[0] == 0


def _write(tmp_path, doc, name="bad.json"):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc))
    return path


def _unknown_role(tmp_path):
    doc = example("mixed_4x4")
    doc["pads"][0]["role"] = "analog_power"
    return _write(tmp_path, doc)


def _wrong_type(tmp_path):
    doc = example("mixed_4x4")
    doc["ring"]["pads"]["top"] = [4]
    return _write(tmp_path, doc)


def _unknown_technology(tmp_path):
    return _write(tmp_path, {**example("mixed_4x4"), "technology": "tsmc28"})


@pytest.mark.parametrize("make,needle", [
    (lambda t: t / "missing.json", "no such file"),
    (lambda t: _write(t, "{ not json"), "not valid JSON (line 1"),
    (lambda t: _write(t, "[1, 2]"), "(top level)"),
    (_unknown_role, "pads[0].role"),
    (_wrong_type, "ring.pads.top"),
    (_unknown_technology, "technology.unknown"),
], ids=["missing", "not-json", "not-object", "unknown-role", "wrong-type", "unknown-technology"])
@pytest.mark.parametrize("command", ["validate", "export"])
def test_bad_input_is_a_clear_error(run_cli, tmp_path, make, needle, command):
    code, out, err = run_cli(command, make(tmp_path))
    if command == "export" and needle == "technology.unknown":
        assert code == 0  # export needs a usable intent, not a buildable one; the note says why
    else:
        assert code == 2
    assert needle in out + err
    assert "Traceback" not in out + err


def test_convert_needs_one_direction(run_cli):
    code, _, err = run_cli("convert", EXAMPLES[0])
    assert code == 2 and "exactly one of --from and --to" in err


def test_failed_command_writes_nothing(run_cli, tmp_path):
    target = tmp_path / "out.json"
    code, _, _ = run_cli("export", tmp_path / "missing.json", "-o", target)
    assert code == 2 and not target.exists()
    assert not list(tmp_path.iterdir())


def test_unknown_command_is_usage_error(run_cli):
    code, _, err = run_cli("frobnicate")
    assert code == 2 and "invalid choice" in err


# --- the error boundary (issue 18): every case of the list is a one-paragraph error, exit 2 ---------

DEEP = "[" * 100_000 + "]" * 100_000
SPEC = (EXAMPLES[0].parent / "specs" / "mixed_4x4.txt").read_text()


def _golden(tmp_path, change):
    from adaptor.amsio import to_amsio
    from adaptor.load import parse_intent

    doc = to_amsio(parse_intent(example("mixed_4x4")))
    change(doc)
    return _write(tmp_path, doc, "golden.json")


@pytest.mark.parametrize("argv", [
    ["validate", "{F}"], ["build", "{F}", "-o", "{T}/out"], ["export", "{F}"],
    ["convert", "{F}", "--from", "ams-io-bench"], ["convert", "{F}", "--to", "ams-io-bench"],
    ["check", "{T}", "--intent", "{F}"], ["dataset", "diagnose", "{F}"], ["plan", "{F}"],
], ids=lambda a: " ".join(a[:2]))
def test_deep_nesting_is_refused_before_parsing(run_cli, tmp_path, argv):
    path = _write(tmp_path, DEEP, "deep.json")
    code, out, err = run_cli(*[a.replace("{F}", str(path)).replace("{T}", str(tmp_path)) for a in argv])
    assert code == 2 and "Traceback" not in out + err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep.json"]


@pytest.mark.parametrize("change,needle", [
    (lambda d: d["instances"][0].update(name="A/B"), "name 'A/B'"),
    (lambda d: d["ring_config"].update(width=0, height=0), "greater than or equal to 1"),
    (lambda d: d["ring_config"].update(width=10_000, height=10_000), "200"),
    (lambda d: d["instances"][0]["pin_connection"].update(TACVDD={"label": "A B"}), "'A B'"),
], ids=["slash-in-name", "zero-pads", "huge-pads", "bad-net"])
def test_convert_bad_golden_is_a_clear_error(run_cli, tmp_path, change, needle):
    code, out, err = run_cli("convert", _golden(tmp_path, change), "--from", "ams-io-bench")
    assert code == 2 and needle in err and "Traceback" not in out + err


@pytest.mark.parametrize("count", ["0", "10000"])
@pytest.mark.parametrize("command", ["plan", "design"])
def test_spec_with_out_of_range_pad_count(run_cli, tmp_path, command, count):
    spec = _write(tmp_path, SPEC.replace("4 pads per side", f"{count} pads per side"), "spec.txt")
    extra = ["-o", tmp_path / "out", "--planner", "rules"] if command == "design" else []
    code, out, err = run_cli(command, spec, *extra)
    assert code == 2 and "Traceback" not in out + err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv", [
    ["check", ".", "--timeout", "nan"], ["check", ".", "--timeout", "inf"], ["check", ".", "--timeout", "-1"],
    ["bench", ".", "--workers", "0"], ["bench", ".", "--workers", "-1"], ["ui", "--port", "70000"],
    ["chat", "--thread", "../x"], ["topology", "eval", "x", "--fsw", "nan"], ["size", "ota5t", "--budget", "0"],
])
def test_out_of_range_options_are_usage_errors(run_cli, argv):
    code, _, err = run_cli(*argv)
    assert code == 2 and "error: argument" in err


def _suite(tmp_path, name, text):
    tier = tmp_path / "suite" / "unsat"
    tier.mkdir(parents=True)
    (tier / "c1.txt").write_text(SPEC)
    (tier / name).write_text(text)
    return tmp_path / "suite"


@pytest.mark.parametrize("name,text,needle", [
    ("c1.expected.json", "{ broken", "not valid JSON"),
    ("c1.error.json", "{}", "needs a rule id"),
    ("c1.error.json", "[1]", "needs a rule id"),
])
def test_bench_broken_suite_files(run_cli, tmp_path, name, text, needle):
    code, out, err = run_cli("bench", _suite(tmp_path, name, text), "-o", tmp_path / "out")
    assert code == 2 and needle in err and "Traceback" not in out + err and not (tmp_path / "out").exists()


def test_topology_eval_binary_and_dataset_diagnose_list(run_cli, tmp_path):
    binary = tmp_path / "net.bin"
    binary.write_bytes(bytes(range(256)))
    code, _, err = run_cli("topology", "eval", binary)
    assert code == 2 and "not a UTF-8 text file" in err
    code, _, err = run_cli("dataset", "diagnose", _write(tmp_path, "[1, 2]", "d.json"))
    assert code == 2 and "not a dataset" in err


def test_huge_intents_are_refused_fast(run_cli, tmp_path):
    import time

    pads = [{"name": f"P{k}", "position": f"left_{k}", "role": "analog_io", "domain": "analog"} for k in range(100_000)]
    start = time.perf_counter()
    code, _, err = run_cli("validate", _write(tmp_path, {**example("mixed_4x4"), "pads": pads}))
    assert code == 2 and "MiB input limit" in err and time.perf_counter() - start < 2
    code, _, err = run_cli("validate", _write(tmp_path, {**example("mixed_4x4"), "pads": pads[:2000]}))
    assert code == 2 and "2000 pads; at most 1600" in err and time.perf_counter() - start < 4


def test_an_internal_error_exits_3_with_a_saved_traceback(run_cli, tmp_path, monkeypatch):
    import ioring.cli

    def broken(args):
        raise TypeError("a bug")

    monkeypatch.setenv("IORING_HOME", str(tmp_path))
    monkeypatch.setattr(ioring.cli, "cmd_schema", broken)
    code, out, err = run_cli("schema")
    assert code == 3 and "internal error (TypeError: a bug)" in err and "Traceback" not in out + err
    crash = next((tmp_path / "crash").iterdir())
    assert str(crash) in err and "Traceback (most recent call last)" in crash.read_text()
