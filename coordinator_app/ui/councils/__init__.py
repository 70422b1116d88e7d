"""協議体: councils, their members and meeting history."""
