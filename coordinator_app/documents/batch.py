"""Many flyers at once: one PDF per coordinator, or one combined PDF.

Shared by the command line and the dialog, which hand it a builder (the
services' ``FlyerDataBuilder``) and a renderer. All data is built first;
files are written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from coordinator_app.documents.data.flyer import (
    LAYOUT_LABELS,
    FlyerData,
    FlyerIssue,
    FlyerOverflowError,
    FlyerOverrides,
    Layout,
)
from coordinator_app.documents.render.flyer import FlyerRenderer, Progress, RenderCancelled
from coordinator_app.domain import filenames
from coordinator_app.storage.atomic import write_atomically


class FlyerSource(Protocol):
    """Builds one coordinator's flyer data (``services.flyer_data.FlyerDataBuilder``)."""

    def flyer(
        self, coordinator_id: uuid.UUID, overrides: FlyerOverrides | None = None
    ) -> FlyerData: ...


def safe_filename(text: str) -> str:
    """``text`` usable as a file name on Windows, macOS and Linux (see domain.filenames)."""
    return filenames.safe_filename(text, fallback="名称なし", limit=80)


@dataclass
class BatchResult:
    """What a batch wrote."""

    files: list[Path] = field(default_factory=list)
    warnings: list[FlyerIssue] = field(default_factory=list)
    cancelled: bool = False


class FlyerBatch:
    """Builds, checks and renders the flyers of several coordinators.

    Progress is reported in ``2 * n`` steps: building and checking the data of
    ``n`` coordinators, then rendering them.
    """

    def __init__(self, builder: FlyerSource, renderer: FlyerRenderer, layout: Layout) -> None:
        if layout == Layout.TEAM:
            raise ValueError(f"{LAYOUT_LABELS[layout]}は一括作成ではなくチーム紹介として作成します")
        self.builder = builder
        self.renderer = renderer
        self.layout = layout

    def collect(
        self,
        coordinator_ids: Sequence[uuid.UUID],
        overrides: Mapping[uuid.UUID, FlyerOverrides] | None = None,
        progress: Progress | None = None,
    ) -> list[FlyerData] | None:
        """The data of every coordinator; ``None`` when cancelled."""
        overrides = overrides or {}
        total = 2 * len(coordinator_ids)
        flyers: list[FlyerData] = []
        for index, coordinator_id in enumerate(coordinator_ids):
            flyers.append(self.builder.flyer(coordinator_id, overrides.get(coordinator_id)))
            if progress is not None and not progress(index + 1, total):
                return None
        return flyers

    def run(
        self,
        coordinator_ids: Sequence[uuid.UUID],
        target: Path,
        *,
        separate: bool,
        overrides: Mapping[uuid.UUID, FlyerOverrides] | None = None,
        strict: bool = False,
        progress: Progress | None = None,
    ) -> BatchResult:
        """Write the flyers to ``target``: a directory when ``separate``, else a PDF file.

        A cancelled combined batch writes nothing; a cancelled separate batch
        keeps the files finished so far (listed in the result).

        Raises:
            FlyerOverflowError: with ``strict``, at the first flyer that overflows.
        """
        result = BatchResult()
        flyers = self.collect(coordinator_ids, overrides, progress)
        if flyers is None:
            result.cancelled = True
            return result
        n = len(flyers)

        def rendering(done: int, _total: int) -> bool:
            return progress is None or progress(n + done, 2 * n)

        if not separate:
            try:
                rendered = self.renderer.render(
                    flyers, self.layout, strict=strict, progress=rendering
                )
            except RenderCancelled:
                result.cancelled = True
                return result
            write_atomically(target, rendered.pdf)
            result.files.append(target)
            result.warnings += rendered.warnings
            return result
        used: set[str] = set()
        for index, data in enumerate(flyers):
            rendered = self.renderer.render([data], self.layout)
            if strict and rendered.warnings:
                raise FlyerOverflowError(list(rendered.warnings))
            path = target / self._unique_name(data, used)
            write_atomically(path, rendered.pdf)
            result.files.append(path)
            result.warnings += rendered.warnings
            if not rendering(index + 1, n):
                result.cancelled = True
                break
        return result

    def _unique_name(self, data: FlyerData, used: set[str]) -> str:
        stem = f"{safe_filename(data.owner)}_{self.layout.value}"
        name = f"{stem}.pdf"
        counter = 2
        while name in used:
            name = f"{stem}_{counter}.pdf"
            counter += 1
        used.add(name)
        return name
