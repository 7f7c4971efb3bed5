/**
 * A call record disputed within three months (400 agreement 第四条(一)6): the data of the synced
 * `callDispute` record. The server reads it from call_disputes and publishes it as is; a device
 * stores it (with the record's version) and writes the same shape while its own raise or decision
 * waits for the sync.
 */
export interface CallDispute {
  id: string;
  carrier: string;
  carrierRecordId: string;
  accountId: string;
  raisedOn: string;
  reason: string;
  status: 'open' | 'upheld' | 'rejected';
  outcome: string | null;
  adjustmentFen: number | null;
  ledgerEntryId: string | null;
}
