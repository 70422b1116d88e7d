"""Many flyers at once: one PDF per coordinator, or one combined PDF.

Shared by the command line and the dialog, which hand it a builder (the
services' ``FlyerDataBuilder``) and a renderer. All data is built first;
files are written under a temporary name and renamed when complete.

Separate files can be rendered by worker processes (the command line's
``--jobs``): each renders whole flyers, the files are written by this process
in the coordinators' order, so names, order, progress and cancelling are those
of a serial run. Workers are forked, so they start with the fonts and caches
already loaded; where fork is not available the batch runs serially.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
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
    RenderedFlyer,
)
from coordinator_app.documents.render.flyer import FlyerRenderer, Progress, RenderCancelled
from coordinator_app.domain import filenames
from coordinator_app.storage.atomic import fsync_folder, write_atomically

MIN_PER_WORKER = 4
"""Fewer flyers than this per worker are rendered serially: starting a
worker would cost more than it saves."""


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

    Args:
        workers: processes rendering separate files at once (1: this process
            only). Never more than one per :data:`MIN_PER_WORKER` flyers.
    """

    def __init__(
        self,
        builder: FlyerSource,
        renderer: FlyerRenderer,
        layout: Layout,
        *,
        workers: int = 1,
    ) -> None:
        if layout == Layout.TEAM:
            raise ValueError(f"{LAYOUT_LABELS[layout]}は一括作成ではなくチーム紹介として作成します")
        self.builder = builder
        self.renderer = renderer
        self.layout = layout
        self.workers = max(1, workers)

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
        try:
            with self._rendered_one_by_one(flyers) as pdfs:
                for index, (data, rendered) in enumerate(zip(flyers, pdfs, strict=False)):
                    if strict and rendered.warnings:
                        raise FlyerOverflowError(list(rendered.warnings))
                    path = target / self._unique_name(data, used)
                    write_atomically(path, rendered.pdf, sync_folder=False)
                    result.files.append(path)
                    result.warnings += rendered.warnings
                    if not rendering(index + 1, n):
                        result.cancelled = True
                        break
        finally:
            if result.files:
                # One flush for every rename in the folder (each file's own
                # contents were flushed before its rename).
                fsync_folder(target)
        return result

    def workers_for(self, count: int) -> int:
        """How many processes render ``count`` separate files."""
        wanted = max(1, min(self.workers, count // MIN_PER_WORKER))
        if wanted == 1:
            return 1  # without importing multiprocessing (a one-flyer command)
        import multiprocessing

        return wanted if "fork" in multiprocessing.get_all_start_methods() else 1

    @contextmanager
    def _rendered_one_by_one(self, flyers: list[FlyerData]) -> Iterator[Iterator[RenderedFlyer]]:
        """Each flyer rendered alone, in order: here, or by forked workers."""
        workers = self.workers_for(len(flyers))
        if workers == 1:
            yield (self.renderer.render([data], self.layout) for data in flyers)
            return
        global _worker_job
        _worker_job = (self.renderer, self.layout)
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(workers)
        try:
            # Small chunks keep both workers busy to the end and progress moving.
            yield pool.imap(_render_alone, flyers, chunksize=2)
        finally:
            _worker_job = None
            # Nothing is left to wait for when every result was taken; a
            # cancelled or failed batch stops its workers at once.
            pool.terminate()
            pool.join()

    def _unique_name(self, data: FlyerData, used: set[str]) -> str:
        stem = f"{safe_filename(data.owner)}_{self.layout.value}"
        name = f"{stem}.pdf"
        counter = 2
        while name in used:
            name = f"{stem}_{counter}.pdf"
            counter += 1
        used.add(name)
        return name


_worker_job: tuple[FlyerRenderer, Layout] | None = None
"""The renderer and layout a forked worker uses (set just before the fork)."""


def _render_alone(data: FlyerData) -> RenderedFlyer:
    assert _worker_job is not None, "only in a worker forked by FlyerBatch"
    renderer, layout = _worker_job
    return renderer.render([data], layout)
