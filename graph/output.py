"""Writing user files safely, and text that leaves the program.

* ``-`` is stdout; nothing is overwritten without ``force``;
* only a regular file is ever replaced: a device (``/dev/null``), FIFO,
  socket, folder or symbolic link at the target is refused even with
  ``force`` (replacing ``/dev/null`` as root breaks the machine);
* files are written whole to a temporary file beside the target, then
  renamed over it, so a reader never sees half a file;
* JSON is strict (:func:`json_text`): no ``NaN`` or ``Infinity``.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from .errors import KgError, OutputExists

# C1 controls (U+0080-U+009F; U+009B is a terminal's CSI) and line separators
# can only be inside JSON strings, where \\u escapes mean the same text.
_C1 = re.compile("[\x80-\x9f\u2028\u2029]")


def _refuse_special(path: str | os.PathLike[str]) -> bool:
    """Raise unless ``path`` is missing or a regular file; True if it exists."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise KgError(f"{path} is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        from .input import kind_of
        raise KgError(f"{path} is {kind_of(info.st_mode)}, not a regular file; kg only "
                      "replaces regular files: give another file name (or -o - for stdout)")
    return True


def write_output(path: str | os.PathLike[str], content: str | bytes, force: bool = False) -> None:
    """Write ``content`` to ``path`` atomically (``-`` writes to stdout).

    Refuses an existing file unless ``force``, and anything but a regular
    file always; creates missing parent folders.
    """
    if str(path) == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
        return
    target = Path(path)
    if _refuse_special(target) and not force:
        raise OutputExists(str(path))
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            # mkstemp makes the file owner-only; give it the usual permissions (umask).
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            _refuse_special(target)     # again: something may have appeared meanwhile
            os.replace(tmp, target)
        except BaseException:
            if os.path.lexists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror or exc}") from None


def check_writable(path: str | os.PathLike[str], force: bool = False) -> None:
    """Fail early (before slow work) if ``path`` may not be written."""
    if str(path) != "-" and _refuse_special(path) and not force:
        raise OutputExists(str(path))


def remove_output(path: str | os.PathLike[str]) -> None:
    """Delete a file kg wrote earlier (a stale export part); only a regular file."""
    if _refuse_special(path):
        os.unlink(path)


def json_text(data: Any, indent: int | None = None) -> str:
    """Strict JSON (no NaN/Infinity) with text as is, except C1 control
    characters, escaped so a terminal cannot read them as commands.

    >>> json_text({"a": "\\x9b"})
    '{"a": "\\\\u009b"}'
    """
    try:
        text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        raise KgError("the result holds a number JSON cannot carry (NaN or infinity); "
                      "use --format text") from None
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


