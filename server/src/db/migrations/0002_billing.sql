-- Prepaid billing and collections (issue 7). Runs unchanged on PostgreSQL 15 and PGlite (PostgreSQL 18).
-- See docs/billing.md.

-- An office's billing settings (only what it changed; defaults in shared/billing/settings.ts).
CREATE TABLE billing_settings (
  office_id uuid PRIMARY KEY REFERENCES offices (id),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The append-only ledger of every service account. amount_fen > 0 is a credit (money in the
-- customer's favour), < 0 a charge. The balance is SUM(amount_fen) (view account_balances); it is
-- never stored on its own. A mistake is corrected by a reversal entry, never by an UPDATE.
CREATE TABLE ledger_entries (
  id text PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices (id),
  account_id text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL CHECK (kind IN ('prepayment', 'renewal', 'monthly_charge', 'feature_fee', 'late_fee', 'adjustment', 'refund', 'reversal')),
  category text NOT NULL CHECK (category IN ('principal', 'late_fee')),
  amount_fen bigint NOT NULL CHECK (amount_fen <> 0),
  effective_on date NOT NULL,
  due_on date NOT NULL,
  method text CHECK (method IN ('bank_transfer', 'bank_collection', 'cash', 'phone_bill_collection')),
  reference text,
  reason text,
  approved_by uuid,
  reverses text UNIQUE REFERENCES ledger_entries (id),
  bill_id uuid,
  -- what produced the entry (e.g. 'bill:<id>:monthly_charge', 'latefee:<account>:<date>'): a job that
  -- runs twice finds its key and adds nothing
  source_key text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind NOT IN ('prepayment', 'renewal') OR method IS NOT NULL),
  CHECK (kind <> 'adjustment' OR (reason IS NOT NULL AND approved_by IS NOT NULL)),
  CHECK (kind <> 'reversal' OR (reverses IS NOT NULL AND reason IS NOT NULL))
);
CREATE UNIQUE INDEX ledger_entries_source ON ledger_entries (office_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX ledger_entries_account ON ledger_entries (office_id, account_id, seq);

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: correct an entry with a reversal';
END
$$;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

CREATE VIEW account_balances AS
  SELECT office_id, account_id, SUM(amount_fen)::bigint AS balance_fen, COUNT(*)::int AS entries
    FROM ledger_entries GROUP BY office_id, account_id;

-- The accounts the billing jobs see: the synced account records with their package's tariff.
-- Field names follow the renderer's records (status/numberDigits) and the shared schema (state/hotlineDigits).
CREATE VIEW billing_accounts AS
  SELECT a.office_id,
         a.id AS account_id,
         COALESCE(a.data->>'no', a.id) AS account_no,
         COALESCE(a.data->>'numberDigits', a.data->>'hotlineDigits', a.data->>'number') AS hotline,
         COALESCE(a.data->>'status', a.data->>'state') AS state,
         a.data->>'stateSince' AS state_since,
         a.data->>'openedOn' AS opened_on,
         a.data->>'termEndsOn' AS term_ends_on,
         a.data->>'customerId' AS customer_id,
         a.data->>'packageId' AS package_id,
         COALESCE(CASE WHEN a.data->>'monthlyMinimumFen' ~ '^[0-9]+$' THEN (a.data->>'monthlyMinimumFen')::bigint END,
                  CASE WHEN p.data->>'monthlyMinimumFen' ~ '^[0-9]+$' THEN (p.data->>'monthlyMinimumFen')::bigint END, 0) AS monthly_minimum_fen,
         COALESCE(CASE WHEN p.data->>'tariffFenPerMinute' ~ '^[0-9]+$' THEN (p.data->>'tariffFenPerMinute')::int END, 0) AS tariff_fen,
         COALESCE(CASE WHEN p.data->>'includedMinutes' ~ '^[0-9]+$' THEN (p.data->>'includedMinutes')::int END, 0) AS included_minutes,
         p.data->'featureFees' AS package_features,
         a.data->'features' AS account_features
    FROM records a
    LEFT JOIN records p ON p.office_id = a.office_id AND p.entity = 'package' AND p.id = a.data->>'packageId' AND NOT p.deleted
   WHERE a.entity = 'account' AND NOT a.deleted AND a.data IS NOT NULL;

-- Column mapping of each carrier's call-record file, per office.
CREATE TABLE carrier_mappings (
  office_id uuid NOT NULL REFERENCES offices (id),
  carrier text NOT NULL,
  mapping jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, carrier)
);

CREATE TABLE call_imports (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices (id),
  carrier text NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  rows_read integer NOT NULL,
  imported integer NOT NULL,
  skipped_duplicates integer NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- 话单, rated on import (billable minutes per started minute, the package tariff of the account
-- holding the number). The included minutes are applied per month by the billing run.
CREATE TABLE call_records (
  office_id uuid NOT NULL,
  carrier text NOT NULL,
  carrier_record_id text NOT NULL,
  hotline text NOT NULL,
  account_id text NOT NULL,
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
  import_id uuid NOT NULL,
  PRIMARY KEY (office_id, carrier, carrier_record_id)
);
CREATE INDEX call_records_account_day ON call_records (office_id, account_id, local_day);

-- Disputes (400 agreement 第四条(一)6: within three months of the record).
CREATE TABLE call_disputes (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices (id),
  carrier text NOT NULL,
  carrier_record_id text NOT NULL,
  account_id text NOT NULL,
  raised_on date NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
  outcome text,
  adjustment_fen bigint,
  ledger_entry_id text REFERENCES ledger_entries (id),
  raised_by uuid,
  resolved_by uuid,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE billing_runs (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  bills_created integer NOT NULL,
  bills_existing integer NOT NULL,
  total_fen bigint NOT NULL,
  created_by uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- One bill per account and month: re-running a month finds it and changes nothing.
CREATE TABLE bills (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices (id),
  account_id text NOT NULL,
  month text NOT NULL,
  bill_no text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  opened_on date NOT NULL,
  first_month boolean NOT NULL,
  total_minutes integer NOT NULL,
  included_used integer NOT NULL,
  charged_minutes integer NOT NULL,
  tariff_fen integer NOT NULL,
  usage_fen bigint NOT NULL,
  minimum_fen bigint NOT NULL,
  monthly_charge_fen bigint NOT NULL,
  feature_fees_fen bigint NOT NULL,
  total_fen bigint NOT NULL,
  lines jsonb NOT NULL,
  issued_on date NOT NULL,
  due_on date NOT NULL,
  run_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (office_id, account_id, month)
);
CREATE INDEX bills_month ON bills (office_id, month);

-- Daily overdue amounts the late fee is computed from (one row per account and day: re-running
-- a day adds nothing).
CREATE TABLE late_fee_days (
  office_id uuid NOT NULL,
  account_id text NOT NULL,
  day date NOT NULL,
  overdue_fen bigint NOT NULL CHECK (overdue_fen > 0),
  PRIMARY KEY (office_id, account_id, day)
);

-- Every automatic collections action (and a manager's reversal of it).
CREATE TABLE billing_actions (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices (id),
  account_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('suspend', 'resume', 'terminate', 'reclaim')),
  on_date date NOT NULL,
  reason text NOT NULL,
  automatic boolean NOT NULL DEFAULT true,
  -- what the action changed, so a reversal can put it back (previous state, number, …)
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  reversed_at timestamptz,
  reversed_by uuid,
  reversal_reason text,
  exempt_until date,
  UNIQUE (office_id, account_id, action, on_date)
);
CREATE INDEX billing_actions_account ON billing_actions (office_id, account_id, created_at);
