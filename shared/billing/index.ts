// Prepaid billing and collections (issue 7): the pure rules the server runs and a device can use to
// preview a bill offline. Money is integer fen; dates are office dates 'YYYY-MM-DD'.
export * from './settings';
export * from './ledger';
export * from './dispute';
export * from './lateFees';
export * from './rating';
export * from './monthlyBill';
export * from './renewal';
export * from './collections';
export * from './localTime';
export * from './callImport';
export * from './statement';
