"""確認: the supervisor's review workspace, the review dialog and the review history."""
