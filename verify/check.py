"""`ioring check`: DRC and LVS of a built ring in a child process with a timeout.

The target is a folder written by `ioring build` (its ring.oas and ring.gds: both are read, and
the check refuses when they differ) or a GDS/OASIS file with ``--intent``. Reports go into the
folder (the file's folder for a file), each moved into place only when the worker finished; a
report the worker did not write this time (lvs.lvsdb of a clean ring) is removed, so no old
report stays beside new ones. When LVS crashes after DRC finished, DRC's findings are kept and
lvs.json says that LVS did not run, and why (exit 1). SIGTERM stops the worker and removes the
hidden ``.check.*`` folder.
"""

from __future__ import annotations

import faulthandler
import json
import os
import runpy
import select
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from adaptor import technologies
from adaptor.errors import UserError

REPORTS = ("drc.json", "drc.lyrdb", "lvs.json", "lvs.lvsdb")
DEFAULT_TIMEOUT_S = 300.0
LAYOUT_NAMES = ("ring.oas", "ring.gds")
WORKER = "verify.worker"
USER_ERROR = 3  # verify.worker's exit code for a user error


def resolve(target: Path, intent: Path | None) -> tuple[list[Path], Path, Path]:
    """(layout files, intent file, report folder) for a build folder or a layout file."""
    if target.is_dir():
        layouts = [target / n for n in LAYOUT_NAMES if (target / n).is_file()]
        if not layouts:
            raise UserError(f"{target}: no ring.oas or ring.gds in this folder", "run `ioring build` first")
        folder = target
    elif target.is_file():
        if target.suffix.lower() not in (".gds", ".oas", ".gds2", ".oasis"):
            raise UserError(f"{target}: not a GDS or OASIS file", "pass a build folder or a .gds/.oas file")
        layouts, folder = [target], target.parent
    else:
        raise UserError(f"{target}: no such file or folder", "check the path")
    intent = intent or folder / "intent.json"
    if not intent.is_file():
        raise UserError(f"{intent}: no intent to check against", "pass --intent INTENT.json")
    return layouts, intent, folder


class Stopped(SystemExit):
    """The check was stopped by a signal; exits with 128 + the signal number, as a shell does."""


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception for the duration (so finally-blocks stop the worker and clean up)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise Stopped(128 + signum)

    old = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def _run_worker(argv: list[str], timeout_s: float) -> tuple[int | None, str, str]:
    """Run the worker module ``WORKER`` as ``python -m WORKER ARGV`` would, in a child forked from this process:
    (exit code, negative for a signal, or None after the timeout; stdout; stderr).

    Forking keeps the crash isolation of a subprocess (an abort or a segfault of the geometry engine
    kills the child only) without a second interpreter start-up: the child inherits the modules this
    process imported (klayout, pydantic, the profile cache). The child is killed when the timeout
    passes or this process is stopped.
    """
    _warm_up()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        # SIGTERM is held back until the child's pid is known here, so that a stop during the fork still kills it
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            raise
        if pid == 0:  # the child: never returns into the caller's frames (no cleanup of the parent's folders)
            _child(argv, out.fileno(), err.fileno())
        code: int | None = None
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a SIGTERM that came meanwhile is raised here
            code = _wait(pid, timeout_s)
        finally:
            if _alive(pid):  # timed out, or this process was stopped while waiting
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return code, out.read(), err.read()


def _warm_up() -> None:
    """Import what every worker needs before forking, so that it is imported once."""
    import verify.worker  # noqa: F401  (klayout.db, the checks)


def _child(argv: list[str], out: int, err: int) -> None:
    """The forked worker: default signals, output to ``out``/``err``, ``WORKER`` run as ``__main__``; exits."""
    code = 1
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        os.dup2(out, 1)
        os.dup2(err, 2)
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115  (the caller may have replaced sys.stdout)
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        if faulthandler.is_enabled():  # a crash's traceback goes to the child's stderr, not the caller's
            faulthandler.enable(file=sys.stderr)
        sys.argv = [WORKER, *argv]
        try:
            runpy.run_module(WORKER, run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # noqa: BLE001  (any error of the worker is reported through stderr)
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _wait(pid: int, timeout_s: float) -> int | None:
    """The child's exit code (negative: killed by that signal), or None when it is still running after the timeout."""
    fd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([fd], [], [], timeout_s)
    finally:
        os.close(fd)
    if not ready:
        return None
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _alive(pid: int) -> bool:
    """True when the child has not been reaped yet (still running, or exited and waiting for us)."""
    try:
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return False


def _why(returncode: int | None, stderr: str, timeout_s: float) -> str:
    if returncode is None:
        return f"it did not finish within {timeout_s:g} s"
    if returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.valid_signals() else str(-returncode)
        return f"the geometry engine crashed (signal {-returncode}, {name})"
    return f"the LVS step failed: {(stderr.strip().splitlines() or ['no message'])[-1]}"


def _lvs_not_run(tmp: Path, reason: str) -> None:
    """Write lvs.json for an LVS that did not run: not clean, one ``lvs.not_run`` finding, same layout stamp."""
    drc = json.loads((tmp / "drc.json").read_text())
    finding = {"rule": "lvs.not_run", "severity": "error", "where": "ring",
               "message": f"LVS did not run: {reason}; DRC's findings above are complete",
               "hint": "fix the DRC findings (a malformed ring can crash the extraction) and check again"}
    report = {"clean": False, "ran": False, "count": 1, "warnings": 0, "rules": {"lvs.not_run": 1}, "time_s": 0.0,
              "reason": reason, "layouts": drc.get("layouts", {}), "intent": drc.get("intent"), "findings": [finding]}
    (tmp / "lvs.json").write_text(json.dumps(report, indent=2) + "\n")


def run_check(target: Path, intent: Path | None = None, timeout_s: float = DEFAULT_TIMEOUT_S,
              lvsdb: bool = False) -> dict[str, Any]:
    """Run the worker; return ``{"drc": {...}, "lvs": {...}}`` as written to the reports."""
    layouts, intent_path, folder = resolve(target, intent)
    from adaptor.load import load_intent

    technology = load_intent(intent_path).technology  # a bad intent is a user error here, not a worker crash
    if technology not in technologies.available():  # looked up by name, never used as a path
        raise UserError(f"{intent_path}: unknown technology {technology!r}",
                        f"use one of: {', '.join(technologies.available())}")
    layout = layouts[0]
    argv = [str(layout), str(intent_path)]
    argv += [f"--also={layouts[1]}"] if len(layouts) > 1 else []
    argv += ["--lvsdb"] if lvsdb else []
    with _stop_on_sigterm(), tempfile.TemporaryDirectory(prefix=".check.", dir=folder) as tmp:
        code, out, err = _run_worker(argv + [tmp], timeout_s)
        if code == USER_ERROR:
            error = json.loads(out.strip().splitlines()[-1])
            raise UserError(error["error"], error["hint"])
        if code != 0:
            if not (Path(tmp) / "drc.json").is_file():
                if code is None:
                    raise UserError(f"{layout}: the checks did not finish within {timeout_s:g} s",
                                    "raise --timeout, or check a smaller layout")
                if code < 0:
                    raise UserError(f"{layout}: {_why(code, err, timeout_s)} while checking",
                                    "the layout may be malformed; open it in KLayout")
                raise UserError(f"{layout}: the checks failed: {(err.strip().splitlines() or ['no message'])[-1]}",
                                "the layout may not be an ioring build")
            if not (Path(tmp) / "lvs.json").is_file():
                _lvs_not_run(Path(tmp), _why(code, err, timeout_s))
        for name in REPORTS:
            if (Path(tmp) / name).is_file():
                shutil.move(os.path.join(tmp, name), folder / name)
            elif (folder / name).is_file():
                (folder / name).unlink()
    return {name: json.loads((folder / f"{name}.json").read_text()) for name in ("drc", "lvs")}


def print_check(result: dict[str, Any], against: str, stream: TextIO | None = None) -> int:
    """Print the DRC/LVS summary, what it was checked against (``against``: the intent), and the first
    findings; return the exit code (0 clean, 1 violations)."""
    stream = stream or sys.stderr
    for name in ("drc", "lvs"):
        report = result[name]
        if report.get("ran", True):
            state = "clean" if report["clean"] else f"{report['count']} violation(s)"
            print(f"{name.upper()}: {state} ({report['time_s']:.2f} s)", file=stream)
        else:
            print(f"{name.upper()}: did not run ({report['reason']})", file=stream)
        for f in report["findings"][:20]:
            print(f"  {f['rule']} at {f['where']}: {f['message']}", file=stream)
    print(f"checked against {against}, with ioring's own DRC and LVS (the foundry's deck: ioring signoff DIR)",
          file=stream)
    return 0 if result["drc"]["clean"] and result["lvs"]["clean"] else 1
