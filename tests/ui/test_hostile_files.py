"""Issue 11.1 and 11.7: a database from elsewhere cannot make the app write outside its
private viewing folder, and the attachment size limit is checked before reading."""

from __future__ import annotations

import ntpath
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coordinator_app.domain.filenames import is_reserved_device_name
from coordinator_app.domain.models import Meeting
from coordinator_app.services.attachments import MAX_ATTACHMENT_BYTES
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.projects.project_page import ProjectPage
from coordinator_app.ui.settings import AppSettings
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts


def hostile_names(root: Path) -> list[str]:
    return [
        "../../../../x/PWNED.txt",
        "../../../../../../../../../../../../tmp/PWNED-abs.txt",
        str(root / "absolute" / "PWNED.txt"),
        "..",
        ".",
        "",
        "C:\\x\\PWNED.txt",
        "..\\..\\..\\PWNED.txt",
        "CON",
        "nul.txt",
        "a.txt:stream",
        "\u202etxt.exe",
        "名前\u200b.pdf",
    ]


def files_under(root: Path, *, skip: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and skip not in p.parents}


@pytest.fixture
def deep_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder placed deep inside tmp_path, so that a ``../`` escape
    from the viewing folder lands somewhere this test can see."""
    deep = tmp_path / "t1" / "t2" / "t3" / "t4" / "t5"
    deep.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    return deep


def craft(path: Path, names: list[str]) -> tuple[Meeting, str]:
    """A database file whose attachments carry ``names`` (written behind the service's back)."""
    db = open_database(path)
    services = Services.create(db)
    make = Factory(services)
    project = make.project()
    meeting = make.meeting(title="報告会")
    for i, _name in enumerate(names):
        services.attachments.add(filename=f"n{i}.txt", content=b"attacker", meeting_id=meeting.id)
        services.attachments.add(filename=f"p{i}.txt", content=b"attacker", project_id=project.id)
    db.close()
    with sqlite3.connect(path) as raw:
        for i, name in enumerate(names):
            raw.execute(
                "UPDATE attachment SET filename = ? WHERE filename = ?", (name, f"n{i}.txt")
            )
            raw.execute(
                "UPDATE attachment SET filename = ? WHERE filename = ?", (name, f"p{i}.txt")
            )
    raw.close()
    return meeting, str(project.id)


@pytest.fixture
def crafted(tmp_path: Path) -> Iterator[tuple[Services, Meeting, str, list[str]]]:
    names = hostile_names(tmp_path)
    meeting, project_id = craft(tmp_path / "evil.sqlite3", names)
    db = open_database(tmp_path / "evil.sqlite3")  # what opening or restoring it does
    yield Services.create(db), meeting, project_id, names
    db.close()


def assert_safe_on_windows_too(path: Path, folder: Path) -> None:
    assert path.parent.parent == folder
    name = path.name
    assert ntpath.basename(name) == name and "\\" not in name and ":" not in name
    assert not is_reserved_device_name(name)
    assert name not in ("", ".", "..") and not name.endswith((".", " "))
    assert "\u202e" not in name and "\u200b" not in name


def test_opening_crafted_meeting_attachments_writes_only_in_the_private_folder(
    qtbot: QtBot,
    crafted: tuple[Services, Meeting, str, list[str]],
    ui_settings: AppSettings,
    tmp_path: Path,
    deep_temp: Path,
) -> None:
    services, meeting, _project_id, names = crafted
    prompts = FakePrompts()
    ctx = UiContext.create(services=services, prompts=prompts, settings=ui_settings)
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    panel = dialog.editor.attachments
    before = files_under(tmp_path, skip=deep_temp)
    assert panel.model.rowCount() == len(names)
    for row in range(len(names)):
        panel.table.selectRow(row)
        opened = panel.open_selected()
        assert opened is not None, prompts.warnings
        assert opened.read_bytes() == b"attacker"
        assert_safe_on_windows_too(opened, panel.viewing.path)
    assert prompts.opened and len(prompts.opened) == len(names)
    assert files_under(tmp_path, skip=deep_temp) == before
    assert not (tmp_path / "absolute").exists() and not Path("/tmp/PWNED-abs.txt").exists()
    viewing = panel.viewing.path
    assert viewing.parent == deep_temp and (viewing.stat().st_mode & 0o077) == 0
    # Everything written is inside the viewing folder.
    written = {p for p in deep_temp.rglob("*") if p.is_file()}
    assert written and all(viewing in p.parents for p in written)


def test_opening_crafted_project_attachments_writes_only_in_the_private_folder(
    qtbot: QtBot,
    crafted: tuple[Services, Meeting, str, list[str]],
    ui_settings: AppSettings,
    tmp_path: Path,
    deep_temp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, _meeting, project_id, names = crafted
    prompts = FakePrompts()
    ctx = UiContext.create(services=services, prompts=prompts, settings=ui_settings)
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    import uuid

    page.select_record(uuid.UUID(project_id))
    panel = page.editor.outcome_files
    before = files_under(tmp_path, skip=deep_temp)
    assert panel.model.rowCount() == len(names)
    for row in range(len(names)):
        panel.select_row(row)
        opened = panel.open_selected()
        assert opened is not None, prompts.warnings
        assert_safe_on_windows_too(opened, panel.viewing.path)
    assert len(prompts.opened) == len(names)
    assert files_under(tmp_path, skip=deep_temp) == before
    written = {p for p in deep_temp.rglob("*") if p.is_file()}
    assert all(panel.viewing.path in p.parents for p in written)

    # 別名で保存 suggests a safe base name too (never a path from the data).
    for row in range(len(names)):
        panel.select_row(row)
        panel.save_selected()
    for suggested in prompts.suggested:
        assert ntpath.basename(suggested) == suggested and ":" not in suggested
        assert not is_reserved_device_name(suggested) and suggested not in ("", ".", "..")


def test_a_huge_attachment_is_refused_before_it_is_read(
    qtbot: QtBot,
    ctx: UiContext,
    prompts: FakePrompts,
    tmp_path: Path,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    huge = tmp_path / "録画.mp4"
    with huge.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(3 * 1024**3)
    read_sizes: list[int] = []
    real_open = Path.open

    def watching_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        handle = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        if self == huge:
            read_sizes.append(-1)
        return handle

    monkeypatch.setattr(Path, "open", watching_open)
    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.editor.title_edit.setText("研修会")
    prompts.open_paths.append([huge])
    assert dialog.editor.attachments.add_files() == 0
    assert read_sizes == []  # the file was never opened for reading
    assert "25MB" in prompts.warnings[-1]
    just_over = tmp_path / "over.bin"
    with just_over.open("wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    prompts.open_paths.append([just_over])
    assert dialog.editor.attachments.add_files() == 0
    meeting_id = dialog.editor.current_id
    assert meeting_id is not None
    assert services.attachments.list_for(meeting_id=meeting_id) == []


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def test_a_huge_photo_is_refused_before_it_is_read(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coordinator_app.ui.common import photo_field
    from tests.ui.fake_prompts import FakePrompts

    huge = tmp_path / "写真.jpg"
    with huge.open("wb") as handle:  # sparse
        handle.truncate(photo_field.MAX_SOURCE_BYTES + 1)
    loaded: list[str] = []

    class WatchedImage(photo_field.QImage):  # type: ignore[misc]
        def __init__(self, *args: object) -> None:
            loaded.append(str(args))
            super().__init__(*args)

    monkeypatch.setattr(photo_field, "QImage", WatchedImage)
    prompts = FakePrompts()
    prompts.open_files.append(huge)
    field = photo_field.PhotoField(prompts)  # type: ignore[arg-type]
    qtbot.addWidget(field)
    field.choose()
    assert loaded == [] and field.photo() is None
    assert "50MB" in prompts.warnings[-1]
