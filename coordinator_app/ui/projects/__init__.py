"""プロジェクト: projects, partner organisations and the progress log."""
