"""対応事項: the open and overdue action items of all meetings."""
