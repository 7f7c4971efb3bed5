/**
 * Version of the sync wire protocol (push, pull, auth session shape).
 * Bump it when a message changes incompatibly; the server answers a request that
 * carries another version with 409 `PROTOCOL_VERSION` so an old client stops and asks
 * for an update instead of writing data it does not understand.
 */
export const SYNC_PROTOCOL_VERSION = 1;
