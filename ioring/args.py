"""argparse ``type=`` validators: out-of-range option values are usage errors (exit 2) before any work."""

from __future__ import annotations

import argparse
import math
import re

THREAD_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}"  # whole string (fullmatch)
_THREAD_RE = re.compile(THREAD_PATTERN)


def positive_int(text: str) -> int:
    """An integer ≥ 1 (workers, counts, budgets)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def finite_float(text: str) -> float:
    """A finite number (no nan, no inf)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
    return value


def positive_float(text: str) -> float:
    """A finite number > 0 (timeouts in s, radii, frequencies)."""
    value = finite_float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {text!r}")
    return value


def port(text: str) -> int:
    """A TCP port, 1..65535."""
    value = positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"not a port (1..65535): {value}")
    return value


def thread_id(text: str) -> str:
    """A thread id: letters, digits, ``_`` and ``-``, at most 64, starting with a letter or digit."""
    if not _THREAD_RE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"not a thread id: {text!r} (letters, digits, _ and -, at most 64)")
    return text
