"""会議: meetings with attendance, minutes and action items (extended by the meeting-log work)."""
