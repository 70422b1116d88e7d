-- 0006: the desk's revision 0012: a review keeps the server version of the entry it saw
-- (an entry edited after its review is 要再確認 by version, not by the desks' clocks).

ALTER TABLE review ADD COLUMN entry_version bigint;
