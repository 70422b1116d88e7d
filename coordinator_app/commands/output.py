"""What the document commands (report, project-page, guidebook) do with what they made."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from coordinator_app.storage.atomic import write_atomically

EXIT_USAGE = 2


def deliver(command: str, output: Path, content: bytes, warnings: Iterable[str]) -> bool:
    """Write ``content`` to ``output`` atomically, then print the renderer's warnings.

    Returns False, after saying why on stderr, when the file cannot be written.
    """
    try:
        write_atomically(output, content)
    except OSError as exc:
        print(f"{command}: {output} に書き込めません: {exc}", file=sys.stderr)
        return False
    for warning in warnings:
        print(f"注意: {warning}", file=sys.stderr)
    return True
