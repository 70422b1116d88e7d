"""Headless command-line commands (``coordinator-app COMMAND``); none imports Qt.

Each module provides ``add_arguments(parser)`` and ``run(args) -> int`` and is
registered in :mod:`coordinator_app.cli`.
"""
