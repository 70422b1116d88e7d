"""The one-line summary at the top of a project's 概要 tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from coordinator_app.services.progress_timeline import LogSummary
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import counted


def project_summary(
    ctx: UiContext,
    *,
    log: LogSummary,
    open_items: int,
    overdue_items: int,
    today: date | None = None,
) -> str:
    """``最終記録: 2017-11-28(210日前)・進捗6件(未確認1件)・対応事項: 未完了2件(期限切れ1件)``."""
    today = today or date.today()
    parts = []
    if log.total and log.last_date is not None:
        last = log.last_date
        parts.append(
            counted("最終記録: {date}({days}日前)", (today - last).days).format(
                date=ctx.dates.format(last), days=(today - last).days
            )
        )
        unreviewed = log.unreviewed
        parts.append(
            counted("進捗{count}件(未確認{unreviewed}件)", log.total).format(
                count=log.total, unreviewed=unreviewed
            )
        )
    else:
        parts.append(QCoreApplication.translate("ProjectSummary", "進捗の記録はまだありません"))
    if open_items:
        parts.append(
            QCoreApplication.translate(
                "ProjectSummary", "対応事項: 未完了{open}件(期限切れ{overdue}件)"
            ).format(open=open_items, overdue=overdue_items)
        )
    return QCoreApplication.translate("ProjectSummary", "・").join(parts)  # English: " · "
