"""利用者: who is using the app (a coordinator or a supervisor) and the first-start picker."""
