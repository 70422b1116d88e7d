"""Data safety dialogs: opening a damaged or busy database, backup and restore,
the import wizard and the export dialog.

Each dialog is built from services, paths and a :class:`~coordinator_app.ui.prompts.Prompts`
object, so the main window wires them in and tests drive them directly.
"""
