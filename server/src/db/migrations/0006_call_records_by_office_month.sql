-- Call records partitioned by office and month (issue 7 item 9, docs/billing.md "Speed").
--
-- One partition per office and calendar month of the office day (local_day), named
-- call_records_<office id without dashes>_<yyyymm>. A month's first carrier file is loaded into a
-- table of its own with no index, its two indexes are then built in one sort each and the table is
-- attached: PostgreSQL maintaining the indexes row by row had been most of a million-row import.
-- Later files of the month go into the attached partition (server/src/billing/callPartitions.ts).
--
-- Within a partition the office is fixed, so its keys leave office_id out:
--   UNIQUE (carrier, carrier_record_id)   the duplicate check (a record id already imported is
--                                         skipped); ids stored in other months are checked by the
--                                         import itself, so the rule still holds across months
--   (account_id, local_day)               usage per account and day (billing run, statements)
-- The parent has no index of its own: a partitioned unique index must contain the partition key.
--
-- There is no DEFAULT partition: attaching a partition next to one locks it exclusively, and two
-- offices' imports, each having read it, deadlocked. A row for an office and month without a
-- partition is refused; writers other than the import create it first (ensureCallMonth in
-- server/src/billing/callPartitions.ts). What was stored before this migration moves here.
ALTER TABLE call_records RENAME TO call_records_before_0006;
ALTER TABLE call_records_before_0006 RENAME CONSTRAINT call_records_pkey TO call_records_before_0006_pkey;
ALTER INDEX call_records_account_day RENAME TO call_records_before_0006_account_day;

CREATE TABLE call_records (
  office_id uuid NOT NULL,
  carrier text COLLATE "C" NOT NULL,
  carrier_record_id text COLLATE "C" NOT NULL,
  hotline text NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  caller text NOT NULL,
  forwarded_to text NOT NULL,
  start_at timestamptz NOT NULL,
  answer_at timestamptz,
  end_at timestamptz NOT NULL,
  duration_s integer NOT NULL CHECK (duration_s >= 0),
  caller_province text,
  caller_city text,
  carrier_fee_fen bigint,
  local_day date NOT NULL,
  billable_minutes integer NOT NULL,
  tariff_fen integer NOT NULL,
  rated_fen bigint NOT NULL,
  import_id uuid NOT NULL
) PARTITION BY RANGE (office_id, local_day);

-- One partition per office and month already holding records, with the indexes the import builds.
DO $$
DECLARE
  m record;
  name text;
BEGIN
  FOR m IN SELECT DISTINCT office_id, date_trunc('month', local_day)::date AS first_day FROM call_records_before_0006 LOOP
    name := format('call_records_%s_%s', replace(m.office_id::text, '-', ''), to_char(m.first_day, 'YYYYMM'));
    EXECUTE format('CREATE TABLE %I PARTITION OF call_records FOR VALUES FROM (%L, %L) TO (%L, %L)',
      name, m.office_id, m.first_day, m.office_id, (m.first_day + interval '1 month')::date);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I UNIQUE (carrier, carrier_record_id)', name, name || '_record');
    EXECUTE format('CREATE INDEX %I ON %I (account_id, local_day)', name || '_acct_day', name);
  END LOOP;
END
$$;

INSERT INTO call_records SELECT * FROM call_records_before_0006;
DROP TABLE call_records_before_0006;
