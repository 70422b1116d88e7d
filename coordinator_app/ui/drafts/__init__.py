"""下書き: unsaved form state kept on disk while the user types, offered again after a crash."""
