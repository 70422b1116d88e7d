"""Output of the meeting log: one meeting's minutes (議事録) as PDF, meetings as an .ics file."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from coordinator_app.domain import filenames
from coordinator_app.services.base import NotFoundError
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import counted, error_text
from coordinator_app.ui.prompts import Prompts, safe_file_name

log = logging.getLogger(__name__)


def safe_filename(text: str, *, limit: int = 60) -> str:
    """``text`` usable as a file name on every system (see domain.filenames)."""
    return filenames.safe_filename(re.sub(r"\s+", "_", text), fallback="meeting", limit=limit)


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def export_minutes_pdf(
    ctx: UiContext, prompts: Prompts, meeting_id: uuid.UUID, parent: QWidget | None
) -> Path | None:
    """Ask where, render the minutes and write them; report replaced characters.

    Returns:
        The file written; None when cancelled or failed (the user was told why).
    """
    title = QCoreApplication.translate("MeetingOutput", "議事録をPDFで保存")
    try:
        meeting = ctx.services.meetings.get(meeting_id)
    except NotFoundError as exc:
        prompts.warn(parent, title=title, text=error_text(exc))
        return None
    suggested = safe_file_name(f"議事録_{meeting.held_on:%Y%m%d}_{meeting.title}.pdf")
    path = prompts.choose_save_file(parent, title=title, suggested=suggested, filters="PDF (*.pdf)")
    if path is None:
        return None
    path = _with_suffix(path, ".pdf")
    # reportlab loads only now: it costs start-up time the meeting log should not pay.
    from coordinator_app.documents.render.minutes import MinutesRenderer

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data = ctx.services.documents.minutes_data(meeting_id, wareki=ctx.dates.wareki)
        rendered = MinutesRenderer().render(data)
        path.write_bytes(rendered.pdf)
    except NotFoundError as exc:
        prompts.warn(parent, title=title, text=error_text(exc))
        return None
    except OSError as exc:
        prompts.warn(
            parent,
            title=title,
            text=QCoreApplication.translate(
                "MeetingOutput", "「{path}」に保存できませんでした。\n\n{error}"
            ).format(path=path, error=exc.strerror or exc),
        )
        return None
    except Exception as exc:  # any failure must reach the user, not only the log
        log.exception("minutes PDF failed")
        prompts.warn(
            parent,
            title=title,
            text=QCoreApplication.translate(
                "MeetingOutput", "議事録のPDFを作成できませんでした。\n\n{error}"
            ).format(error=exc),
        )
        return None
    finally:
        QApplication.restoreOverrideCursor()
    note = ""
    if rendered.warnings:
        note = QCoreApplication.translate("MeetingOutput", "一部の文字を置き換えました:") + (
            "\n" + "\n".join(rendered.warnings)
        )
    prompts.file_saved(parent, title=title, path=path, note=note)
    return path


def export_ics(
    ctx: UiContext,
    prompts: Prompts,
    meeting_ids: Sequence[uuid.UUID],
    parent: QWidget | None,
) -> Path | None:
    """Write ``meeting_ids`` to an .ics file for Outlook, Google or Apple calendars."""
    title = QCoreApplication.translate("MeetingOutput", "カレンダーに書き出す")
    if not meeting_ids:
        prompts.inform(
            parent,
            title=title,
            text=QCoreApplication.translate(
                "MeetingOutput", "書き出す会議を一覧で選んでください(Ctrl+クリックで複数選べます)。"
            ),
        )
        return None
    suggested = "会議予定.ics"
    if len(meeting_ids) == 1:
        try:
            meeting = ctx.services.meetings.get(meeting_ids[0])
            suggested = f"{meeting.held_on:%Y%m%d}_{safe_filename(meeting.title)}.ics"
        except NotFoundError:
            pass  # the export below reports nothing for a meeting deleted meanwhile
    path = prompts.choose_save_file(
        parent, title=title, suggested=suggested, filters="iCalendar (*.ics)"
    )
    if path is None:
        return None
    path = _with_suffix(path, ".ics")
    try:
        path.write_bytes(ctx.services.calendar.export(meeting_ids))
    except OSError as exc:
        prompts.warn(
            parent,
            title=title,
            text=QCoreApplication.translate(
                "MeetingOutput", "「{path}」に保存できませんでした。\n\n{error}"
            ).format(path=path, error=exc.strerror or exc),
        )
        return None
    prompts.inform(
        parent,
        title=title,
        text=counted("{count}件の会議を書き出しました:\n{path}", len(meeting_ids)).format(
            count=len(meeting_ids), path=path
        ),
    )
    return path
