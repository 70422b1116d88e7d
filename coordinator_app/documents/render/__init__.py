"""Document layouts: each renderer reads one data class and returns bytes.

No renderer opens a session or calls a service; the window or command builds
the data with a service and hands it here.
"""
