-- Call-record import speed (issue 7 item 9, docs/billing.md "Speed").
-- The key columns of call_records compare bytes (COLLATE "C") instead of going through the
-- database's default collation: every row an import adds is inserted into the primary key
-- (office, carrier, carrier record id) and the account/day index, and with a libc collation
-- (even C.UTF-8) each comparison is a strcoll() call, which was most of the database's time on a
-- million-row file. The order does not change for these keys: byte order of UTF-8 is code-point
-- order, which is what C.UTF-8 sorts by and what shared/billing/rating.ts compares with.
-- Both indexes are rebuilt once here. Runs unchanged on PostgreSQL 15 and PGlite.
ALTER TABLE call_records
  ALTER COLUMN carrier TYPE text COLLATE "C",
  ALTER COLUMN carrier_record_id TYPE text COLLATE "C",
  ALTER COLUMN account_id TYPE text COLLATE "C";
