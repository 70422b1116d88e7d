"""The 通いの場 page: the directory of gathering places."""
