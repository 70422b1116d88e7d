"""Sync in the window: status bar, login, rounds on a thread, the 競合の確認 dialog."""
