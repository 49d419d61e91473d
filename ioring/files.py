"""Writing outputs without leaving anything half-written, and only where it is safe to write."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from adaptor.errors import UserError

BUILD_MARKER = ".ioring-build"  # written into every staged output folder; `-o` may replace such a folder


def ioring_home() -> Path:
    """The folder for sessions, runs and crash reports: ``$IORING_HOME``, default ``~/.ioring``."""
    return Path(os.environ.get("IORING_HOME") or Path.home() / ".ioring")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path}: is a folder", "pass a file name for the output")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def is_build_folder(folder: Path) -> bool:
    """True for a folder an ioring build wrote (its marker, or build.json of builds before the marker)."""
    return (folder / BUILD_MARKER).is_file() or (folder / "build.json").is_file()


def check_output_dir(target: str | Path, force: bool = False, inputs: Iterable[str | Path] = ()) -> Path:
    """``target`` if a build may replace it: absent, empty, or an earlier build (any folder with ``force``).

    Never the working folder, one of its parents, a parent of an input, the home folder, a symbolic
    link or a file, whatever ``force`` says.
    """
    target = Path(target)
    if target.is_symlink():
        raise UserError(f"{target}: is a symbolic link", "pass the real folder, or a new folder name")
    if target.exists() and not target.is_dir():
        raise UserError(f"{target}: exists and is not a folder", "pass a new folder name for -o")
    real = target.resolve()
    protected = {Path.cwd().resolve(), Path.home().resolve(), *Path.cwd().resolve().parents}
    for path in inputs:
        protected |= set(Path(path).resolve().parents)
    if real in protected:
        raise UserError(f"{target}: would replace the working folder, the home folder or a folder holding "
                        "the input", "pass a new folder for -o, e.g. -o out")
    if real.is_dir() and any(real.iterdir()) and not is_build_folder(real) and not force:
        raise UserError(f"{target}: is a folder with files that ioring did not write (no {BUILD_MARKER})",
                        "pass an empty or new folder for -o, or --force to replace this folder and its contents")
    return target


@contextmanager
def staged_dir(target: str | Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; on success it replaces ``target``.

    The folder gets the build marker. On any error the temporary folder is removed and
    ``target`` is left as it was.
    """
    target = Path(target).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    old = target.with_name(f".{target.name}.old")
    try:
        yield tmp
        (tmp / BUILD_MARKER).write_text("written by ioring; `-o` may replace this folder\n")
        tmp.chmod(0o777 & ~_umask())
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        try:
            tmp.rename(target)
        except BaseException:
            if old.exists() and not target.exists():
                old.rename(target)
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
