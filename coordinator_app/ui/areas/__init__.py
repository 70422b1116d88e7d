"""地域: the area page."""
