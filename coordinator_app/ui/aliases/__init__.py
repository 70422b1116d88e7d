"""Editing the search aliases (検索の言い換え)."""
