"""The in-context knowledge the LLM reads: small markdown sections and their loader.

Sections live in ``knowledge_base/sections/NN_<name>.md``; ``load()`` returns them all, in
order, and ``load("roles", "domains")`` a selection. The whole base stays under 6,000 tokens
(o200k_base), checked by a test.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SECTIONS_DIR = Path(__file__).resolve().parent / "sections"
TOKEN_BUDGET = 6000


@lru_cache(maxsize=1)
def sections() -> dict[str, str]:
    """Every section by name (``ring_basics``, ``roles`` …), in file order."""
    return {re.sub(r"^\d+_", "", p.stem): p.read_text(encoding="utf-8").strip()
            for p in sorted(SECTIONS_DIR.glob("*.md"))}


def load(*names: str) -> str:
    """The named sections (all when none are named), joined by blank lines; KeyError on an unknown name."""
    available = sections()
    unknown = [n for n in names if n not in available]
    if unknown:
        raise KeyError(f"unknown knowledge section(s) {', '.join(unknown)}; have {', '.join(available)}")
    return "\n\n".join(available[n] for n in (names or available))


@lru_cache(maxsize=1)
def _encoding():  # type: ignore[no-untyped-def]
    import bpe_openai

    return bpe_openai.get_encoding("o200k_base")


def token_count(text: str) -> int:
    """Tokens of ``text`` under OpenAI's o200k_base encoding (bundled, works offline)."""
    return len(_encoding().encode(text))
