-- Billing on devices (issue 7 items 1, 5, 7): the collections job's action log, call-record
-- disputes and the office's billing settings now travel through the change log as records
-- ('billingAction', 'callDispute', 'billingSettings' id 'office'), written by the server in the
-- same transaction as each change. What was stored before this migration is published once here,
-- with versions drawn from each office's change counter (so devices get it on their next pull).
CREATE TEMP TABLE billing_publish ON COMMIT DROP AS
SELECT office_id, entity, id, data, row_number() OVER (PARTITION BY office_id ORDER BY entity, created_at, id) AS rn
  FROM (
    SELECT office_id, 'billingAction' AS entity, id::text AS id, created_at,
           jsonb_build_object('id', id::text, 'accountId', account_id, 'action', action, 'onDate', on_date::text, 'reason', reason,
             'automatic', automatic, 'details', details,
             'reversedAt', to_char(reversed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'reversedBy', reversed_by::text, 'reversalReason', reversal_reason) AS data
      FROM billing_actions
    UNION ALL
    SELECT office_id, 'callDispute', id::text, created_at,
           jsonb_build_object('id', id::text, 'carrier', carrier, 'carrierRecordId', carrier_record_id, 'accountId', account_id,
             'raisedOn', raised_on::text, 'reason', reason, 'status', status, 'outcome', outcome,
             'adjustmentFen', adjustment_fen, 'ledgerEntryId', ledger_entry_id)
      FROM call_disputes
    UNION ALL
    SELECT office_id, 'billingSettings', 'office', updated_at, settings FROM billing_settings
  ) s;

WITH counts AS (SELECT office_id, count(*) AS n FROM billing_publish GROUP BY office_id),
     bumped AS (
       UPDATE offices o SET change_seq = o.change_seq + c.n FROM counts c WHERE o.id = c.office_id
       RETURNING o.id, o.change_seq - c.n AS base
     )
INSERT INTO records (office_id, entity, id, version, data, field_meta, deleted)
SELECT p.office_id, p.entity, p.id, b.base + p.rn, p.data, '{}'::jsonb, false
  FROM billing_publish p JOIN bumped b ON b.id = p.office_id
ON CONFLICT (office_id, entity, id) DO NOTHING;
