"""The shape every exporter shares: ``write(dataset)`` then ``finalize()``.

An exporter is made with its target (a file, ``-`` for stdout, or a folder
for multi-file formats) and refuses to overwrite anything without
``force`` — checked up front, before any slow work.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from ..errors import InputError, KgError
from ..model import Dataset
from ..output import check_writable, remove_output, write_output


class Exporter(ABC):
    """Collects datasets with :meth:`write`, writes the target in :meth:`finalize`."""

    format: ClassVar[str]
    extension: ClassVar[str]           # of the default target, e.g. "graphml"

    def __init__(self, target: str, force: bool = False):
        self.target = target
        self.force = force
        self.dataset: Dataset | None = None
        self.warnings: list[str] = []  # lossy conversions, for the caller to show
        self.written: list[str] = []   # set by finalize()
        self.check_target()

    @classmethod
    def default_target(cls) -> str:
        return f"graph.{cls.extension}"

    def check_target(self) -> None:
        if self.target != "-" and Path(self.target).is_dir():
            raise InputError(f"{self.target} is a folder; give a file name with -o FILE")
        check_writable(self.target, self.force)

    def write(self, dataset: Dataset) -> None:
        """Add a dataset; several calls merge (by entity and relation id)."""
        if self.dataset is None:
            self.dataset = dataset
            return
        seen = {r.id for r in self.dataset.relations}
        self.dataset = Dataset(
            self.dataset.schema, {**self.dataset.entities, **dataset.entities},
            self.dataset.relations + [r for r in dataset.relations if r.id not in seen],
            self.dataset.sources + [s for s in dataset.sources if s not in self.dataset.sources],
            self.dataset.folder)

    def finalize(self) -> list[str]:
        """Write the target(s); returns (and keeps in ``written``) what was written."""
        if self.dataset is None:
            raise KgError(f"{self.format} export: no dataset was given to write()")
        self.written = self._write(self.dataset)
        return self.written

    def _write(self, dataset: Dataset) -> list[str]:
        write_output(self.target, self.dumps(dataset), self.force)
        return [self.target]

    @abstractmethod
    def dumps(self, dataset: Dataset) -> str | bytes:
        """The whole file for one dataset."""


class FolderExporter(Exporter):
    """A format written as several files in a folder (a seed folder: csv, parquet).

    Files named in :attr:`FILES` that this export does not write are removed
    (a ``types.yaml`` left from an earlier export would load too).
    """

    FILES: ClassVar[tuple[str, ...]]

    @classmethod
    def default_target(cls) -> str:
        return f"graph-{cls.format}"

    def check_target(self) -> None:
        if self.target == "-":
            raise InputError(f"{self.format} export writes several files; give a folder "
                             "with -o DIR")
        root = Path(self.target)
        if root.exists() and not root.is_dir():
            raise InputError(f"{self.target} is a file; {self.format} export needs a folder "
                             "(-o DIR)")
        for name in self.FILES:     # before any slow work: existing, or not a regular file
            check_writable(root / name, self.force)

    def write(self, dataset: Dataset) -> None:
        """As :meth:`Exporter.write`; refuses a target in the dataset's own seed
        folder, where the exported files would load as seeds beside the originals."""
        seeds = Path(dataset.folder) if dataset.folder else None
        if seeds is not None and seeds.is_dir():
            target, root = Path(self.target).resolve(), seeds.resolve()
            if target == root or root in target.parents:
                raise InputError(f"{self.target} is in the seed folder {dataset.folder}: the "
                                 f"exported {self.format} files would load as seeds beside "
                                 "the originals; write the export to a folder outside it")
        super().write(dataset)

    def _write(self, dataset: Dataset) -> list[str]:
        files = self.files(dataset)
        written = []
        for name, content in files.items():
            path = str(Path(self.target) / name)
            write_output(path, content, self.force)
            written.append(path)
        for name in self.FILES:
            if name not in files:
                remove_output(Path(self.target) / name)
        return written

    def dumps(self, dataset: Dataset) -> str | bytes:
        return next(iter(self.files(dataset).values()))

    @abstractmethod
    def files(self, dataset: Dataset) -> dict[str, str | bytes]:
        """File name -> content."""
