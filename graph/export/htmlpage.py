"""The interactive page as an exporter, beside the file formats."""

from __future__ import annotations

from ..model import Dataset
from ..render.highlight import Highlight
from ..render.page import PageOptions, check_size, render_page
from .base import Exporter


class HTMLExporter(Exporter):
    format = "html"
    extension = "html"

    def __init__(self, target: str, force: bool = False,
                 options: PageOptions = PageOptions(), highlight: Highlight | None = None):
        super().__init__(target, force)
        self.options = options
        self.highlight = highlight

    def write(self, dataset: Dataset) -> None:
        super().write(dataset)
        assert self.dataset is not None
        check_size(self.dataset, self.options)   # refuse early, before any page building

    def dumps(self, dataset: Dataset) -> str:
        return render_page(dataset, self.options, self.highlight)
