"""Writing user files safely: ``-`` is stdout, nothing is overwritten without ``force``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import KgError, OutputExists


def write_output(path: str | os.PathLike[str], content: str | bytes, force: bool = False) -> None:
    """Write ``content`` to ``path`` atomically (``-`` writes to stdout).

    Refuses an existing file unless ``force``; creates missing parent folders.
    """
    if str(path) == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
        return
    target = Path(path)
    if target.exists() and not force:
        raise OutputExists(str(path))
    if target.is_dir():
        raise KgError(f"{path} is a folder; give a file name")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file owner-only; give it the usual permissions (umask).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror or exc}") from None


def check_writable(path: str | os.PathLike[str], force: bool = False) -> None:
    """Fail early (before slow work) if ``path`` may not be written."""
    if str(path) != "-" and Path(path).exists() and not force:
        raise OutputExists(str(path))
