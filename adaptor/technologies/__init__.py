"""Technology data: one folder per technology, each with a ``profile.json``.

A second PDK is a new folder here, not a new code path.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent
DEFAULT = "sg13g2"


def available() -> list[str]:
    """Names of the technologies shipped with the adaptor, sorted."""
    return sorted(p.parent.name for p in ROOT.glob("*/profile.json"))


def folder(name: str) -> Path:
    """The data folder of technology ``name``; raises KeyError when it is not shipped.

    The name is looked up among the shipped technologies, never used as a path.
    """
    if name not in available():
        raise KeyError(f"unknown technology {name!r}; available: {', '.join(available())}")
    return ROOT / name
