"""Offline sync on the desk: change capture, deterministic ids, the push/pull worker.

No Qt here; the window shows what these modules record.
"""
