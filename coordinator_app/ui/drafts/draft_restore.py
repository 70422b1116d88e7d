"""At start: offer to restore the drafts a crash, a kill or a power cut left behind.

A draft exists only while a form has unsaved edits (saving or discarding
deletes it), so every draft found at start is work the user has not saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from coordinator_app.services.drafts import Draft
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog, open_meeting_dialog
from coordinator_app.ui.meetings.meeting_draft import DRAFT_KIND

RESTORE, DISCARD, LATER = range(3)


def pending_drafts(ctx: UiContext) -> list[Draft]:
    """The unsaved meeting drafts of the open database, newest first."""
    return ctx.drafts.drafts(DRAFT_KIND)


def offer_draft_restore(ctx: UiContext, parent: QWidget | None = None) -> list[MeetingDialog]:
    """Ask about each unsaved draft: 復元する (opens it in a meeting window exactly as it
    was), 破棄する (deletes it) or あとで (asks again at the next start).

    Returns:
        The meeting windows opened, one per restored draft (already shown).
    """
    store = ctx.drafts
    prompts = ctx.prompts
    opened: list[MeetingDialog] = []
    for draft in store.drafts(DRAFT_KIND):
        when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = prompts.ask(
            parent,
            title=QCoreApplication.translate("DraftRestore", "保存されていない下書き"),
            text=QCoreApplication.translate(
                "DraftRestore",
                "前回、保存されないまま終了した会議の下書きがあります。\n\n"
                "「{title}」({when} 自動保存)\n\n復元しますか?",
            ).format(title=draft.title, when=when),
            choices=[
                QCoreApplication.translate("DraftRestore", "復元する"),
                QCoreApplication.translate("DraftRestore", "破棄する"),
                QCoreApplication.translate("DraftRestore", "あとで"),
            ],
        )
        if answer == RESTORE:
            opened.append(open_meeting_dialog(ctx, parent, draft=draft))
        elif answer == DISCARD:
            store.discard(draft.draft_id)
    return opened
