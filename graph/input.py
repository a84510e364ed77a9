"""Reading user files safely: regular files only, inside their folder, bounded.

Every file ``kg`` reads (seed files, articles) goes through :func:`read_regular`:

* only a regular file is read: a FIFO is opened without blocking and refused,
  a device (``/dev/zero``), socket or folder is refused;
* a symbolic link is followed only when its target stays inside ``inside``
  (the seed folder), so a link to ``/etc/shadow`` is never opened;
* at most ``limit + 1`` bytes are read from the opened file, whatever its
  size claims to be (checked with ``fstat`` on the opened descriptor, so the
  file cannot be swapped between the check and the read).

Problems raise :class:`UnsafeFile`, whose message never quotes the file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

from .errors import InputError

MAX_FILE_BYTES = 1 << 30    # 1 GiB: far above any seed folder we know, far below memory

_digests: ContextVar[dict[Path, str] | None] = ContextVar("kg_read_digests", default=None)


@contextmanager
def digests() -> Iterator[dict[Path, str]]:
    """Within it, :func:`read_regular` notes the SHA-256 (hex) of the bytes it
    returns, by :func:`read_key` of the path it was given (the last read of a
    path wins). A cache keys what it made from a file by the digest of the
    bytes it *parsed*, so a file rewritten between being read and being
    hashed cannot key stale rows."""
    seen: dict[Path, str] = {}
    token = _digests.set(seen)
    try:
        yield seen
    finally:
        _digests.reset(token)


class UnsafeFile(InputError):
    """A file that is not to be read: not regular, outside its folder, or too big."""

    def __init__(self, shown: str, reason: str, over_limit: bool = False,
                 size: int | None = None):
        self.shown, self.reason = shown, reason
        self.over_limit, self.size = over_limit, size   # too big: size if known
        super().__init__(f"{shown}: {reason}")


def kind_of(mode: int) -> str:
    """A file type in words, for messages.

    >>> import stat; kind_of(stat.S_IFIFO)
    'a FIFO (named pipe)'
    """
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return name
    return "not a regular file"


def inside_folder(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every symbolic link resolved, is inside ``folder`` (resolved)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):     # a dangling link or a loop
        return False
    return target.is_relative_to(folder.resolve())


def refuse_outside_link(path: Path, shown: str, inside: Path | None, what: str = "file") -> None:
    """:class:`UnsafeFile` when ``path`` is a symbolic link leading out of the folder ``inside``
    (the rule :func:`read_regular` applies; graph/cache.py applies it before reusing an entry)."""
    if inside is not None and path.is_symlink() and not inside_folder(path, inside):
        raise UnsafeFile(shown, f"symbolic link to a file outside the folder {inside}; "
                                f"copy the {what} into the folder instead")


def read_regular(path: Path, shown: str, limit: int = MAX_FILE_BYTES,
                 inside: Path | None = None, what: str = "file") -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``), or :class:`UnsafeFile`.

    ``inside``: a folder the file (after following links) must stay in.
    ``what`` names the file in messages ("seed file", "article").
    """
    refuse_outside_link(path, shown, inside, what)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnsafeFile(shown, f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(shown, f"{kind_of(info.st_mode)}, not a regular {what}; "
                                    "remove it or give a regular file")
        if info.st_size > limit:
            raise UnsafeFile(shown, too_big(info.st_size, limit, what), True, info.st_size)
        os.set_blocking(fd, True)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise UnsafeFile(shown, f"cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:     # the file grew while being read
        raise UnsafeFile(shown, too_big(None, limit, what), True)
    seen = _digests.get()
    if seen is not None:
        seen[read_key(path)] = hashlib.sha256(data).hexdigest()
    return data


def read_key(path: Path) -> Path:
    """How :func:`digests` names a file: its real path (relative paths, linked
    folders and linked files name the file they lead to)."""
    return Path(os.path.realpath(path))


def too_big(size: int | None, limit: int, what: str) -> str:
    """``is 2.1 GB, over the 1 GB limit for one seed file; split it``."""
    def mb(n: int) -> str:
        return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n:,} bytes"
    found = f"is {mb(size)}" if size is not None else "is larger than that"
    return f"{found}, over the {mb(limit)} limit for one {what}; split it"
