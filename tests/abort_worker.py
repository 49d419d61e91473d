"""The real check worker, except that LVS aborts the process (SIGABRT) as klayout did on a heap
corruption: tests run it as a subprocess to prove that DRC's findings survive an LVS crash."""

from __future__ import annotations

import os
import sys

import verify.worker as worker


def _abort(*_args: object, **_kwargs: object) -> None:
    os.abort()


worker.run_lvs = _abort  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(worker.main(sys.argv[1:]))
