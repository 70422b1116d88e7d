"""Offscreen screenshots of every page, tab and dialog, to look at the UI as a user.

    QT_QPA_PLATFORM=offscreen python .ci/screenshots.py --lang ja --out /tmp/shots
    QT_QPA_PLATFORM=offscreen python .ci/screenshots.py --lang en --out /tmp/shots

Runs on a throw-away copy of the demo municipality; writes PNG files only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# A UI tool that lives beside the package, so the Qt ban on non-UI code does not apply.
from PySide6.QtWidgets import QApplication, QWidget  # noqa: TID251

from coordinator_app.app import start
from coordinator_app.ui.settings import AppSettings, settings_store


class Answers:
    """Prompts that answer yes (load the demo data) and print anything else."""

    def confirm(self, parent: object, *, title: str, text: str, accept_text: str = "") -> bool:
        return True

    def inform(self, parent: object, *, title: str, text: str) -> None:
        print("info:", text)

    def warn(self, parent: object, *, title: str, text: str) -> None:
        print("warning:", text)

    def choose_image(self, parent: object) -> None:
        return None


def grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="ja", choices=["ja", "en"])
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--wareki", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(settings_store(Path(tmp) / "settings.ini"))
        settings.wareki = args.wareki
        started = start(
            app, db_path=None, demo=True, lang=args.lang, prompts=Answers(), settings=settings
        )
        assert started is not None
        window = started.window
        window.resize(1366, 800)
        window.show()
        prefix = f"{args.lang}{'_wareki' if args.wareki else ''}"
        for index, page in enumerate(window.pages):
            window.show_page(index)
            page.table.selectRow(0)
            name = page.objectName().removesuffix("_page")
            tabs = page.editor.tabs
            for tab in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(tab)
                grab(window, args.out / f"{prefix}_{index + 1}_{name}_tab{tab + 1}.png")
            panels = ("contacts", "assignments", "members", "action_items", "progress_log")
            for panel_name in panels:
                panel = getattr(page.editor, panel_name, None)
                if panel is None or panel.owner_id is None:
                    continue
                dialog = panel.add()
                if dialog is not None:
                    grab(dialog, args.out / f"{prefix}_{index + 1}_{name}_dialog_{panel_name}.png")
                    dialog.reject()
        page = window.pages[0]
        window.show_page(0)
        page.new_record()
        page.save_record()  # an empty form: shows the validation messages
        grab(window, args.out / f"{prefix}_validation.png")
        dialog = window.open_settings()
        grab(dialog, args.out / f"{prefix}_settings.png")
        dialog.reject()
        window.close()
        started.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
