"""Saving a file: the picker speaks Japanese, starts in the documents folder with a
safe Japanese name, and a confirmation says where with 開く / フォルダを開く."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from coordinator_app.ui import prompts as prompts_module
from coordinator_app.ui.prompts import DialogPrompts, documents_folder, safe_file_name


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("紹介チラシ_福生市全域_team.pdf", "紹介チラシ_福生市全域_team.pdf"),
        ('議事録_20240615_第3回 "準備会" a/b:c?.pdf', "議事録_20240615_第3回 _準備会_ a_b_c.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("..隠し..", "隠し"),
        ("実績報告_令和6年度.xlsx", "実績報告_令和6年度.xlsx"),
        ("\t.pdf", "名称なし.pdf"),
    ],
)
def test_file_names_from_data_are_made_safe(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_save_dialog_is_japanese_and_starts_in_the_documents_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts_module, "documents_folder", lambda: tmp_path)
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)  # the dialog is not up yet: look again
            return
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen["accept"] = dialog.labelText(QFileDialog.DialogLabel.Accept)
        seen["name"] = dialog.labelText(QFileDialog.DialogLabel.FileName)
        seen["selected"] = [Path(p).name for p in dialog.selectedFiles()]
        dialog.accept()

    QTimer.singleShot(0, answer)
    path = DialogPrompts().choose_save_file(
        None, title="PDFを保存", suggested="議事録_第3回/準備会.pdf", filters="PDF (*.pdf)"
    )
    assert seen["folder"] == tmp_path
    assert (seen["accept"], seen["name"]) == ("保存", "ファイル名:")
    assert seen["selected"] == ["議事録_第3回_準備会.pdf"]
    assert path == tmp_path / "議事録_第3回_準備会.pdf"


def test_documents_folder_exists_or_is_home() -> None:
    assert documents_folder().is_absolute()


@pytest.mark.parametrize(("button", "opened"), [("開く", "file"), ("フォルダを開く", "folder")])
def test_saved_message_offers_to_open_the_file_or_its_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, button: str, opened: str
) -> None:
    target = tmp_path / "議事録.pdf"
    target.write_bytes(b"%PDF-1.4")
    urls: list[str] = []
    monkeypatch.setattr(
        prompts_module.QDesktopServices,
        "openUrl",
        lambda url: urls.append(url.toLocalFile()) or True,
    )
    texts: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        texts.append(box.text())
        (choice,) = [b for b in box.findChildren(QPushButton) if b.text() == button]
        choice.click()

    QTimer.singleShot(0, answer)
    DialogPrompts().file_saved(None, title="PDFを保存", path=target)
    assert "議事録.pdf" in texts[0] and str(tmp_path) in texts[0]
    assert urls == [str(target if opened == "file" else tmp_path)]
