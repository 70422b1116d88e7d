"""関係機関: organisations, their contacts and participation."""
