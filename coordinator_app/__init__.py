"""生活支援コーディネーター case manager."""

from __future__ import annotations

__version__ = "0.1.0"
