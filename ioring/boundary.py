"""The CLI's error boundary: user mistakes become one paragraph and exit 2, bugs exit 3 with a saved traceback.

No exception reaches the terminal as a traceback: an unexpected one is written to
``$IORING_HOME/crash/`` (or the temporary folder when that cannot be written) and named.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from adaptor.errors import UserError
from adaptor.load import json_path
from ioring.files import ioring_home

EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 2, 3, 130


def _short(value: object) -> str:
    """An input value for a message, at most 40 characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def as_user_error(exc: BaseException) -> UserError | None:
    """The user mistake behind ``exc``, or None when it is a bug."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, ValidationError):  # a value from the input outside what the models allow
        where = "; ".join(f"{json_path(e['loc'])} {_short(e.get('input'))}: {e['msg']}" for e in exc.errors()[:3])
        return UserError(f"the input asks for values outside the allowed ranges ({where})",
                         "see the README's limits (e.g. 1..200 pads per side) and `ioring schema`")
    if isinstance(exc, RecursionError):
        return UserError("the input is nested too deeply to read", "check that this is the right file")
    if isinstance(exc, MemoryError):
        return UserError("the input is too large to process", "check that this is the right file")
    if isinstance(exc, UnicodeDecodeError):
        return UserError("an input file is not UTF-8 text", "pass a text file")
    if isinstance(exc, OSError) and exc.filename is not None:
        return UserError(f"{exc.filename}: {exc.strerror or exc}", "check the path and its permissions")
    return None


def save_traceback(command: str, exc: BaseException) -> Path:
    """Write the traceback of ``exc`` to a crash file and return its path."""
    text = "".join(traceback.format_exception(exc))
    name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{command}.txt"
    for folder in (ioring_home() / "crash", Path(tempfile.gettempdir()) / "ioring-crash"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(f"ioring {' '.join(sys.argv[1:])}\n\n{text}", encoding="utf-8")
            return folder / name
        except OSError:
            continue
    raise RuntimeError("no writable folder for the crash report")


def guarded(command: str, run: Callable[[], int]) -> int:
    """Run one command; return its exit code, 2 for a user mistake, 3 for a bug, 130 when interrupted."""
    try:
        return run()
    except KeyboardInterrupt:
        print("ioring: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 (the boundary: every exception becomes a message)
        user = as_user_error(exc)
        if user is not None:
            print(f"ioring {command}: error: {user}", file=sys.stderr)
            return EXIT_BAD_INPUT
        try:
            where = f"the traceback is saved in {save_traceback(command, exc)}"
        except RuntimeError:
            where = "the traceback could not be saved"
        first = (str(exc).splitlines() or [""])[0][:200]
        print(f"ioring {command}: internal error ({type(exc).__name__}: {first}). "
              f"This is a bug in ioring, not in your input; {where}; please report it.", file=sys.stderr)
        return EXIT_INTERNAL
