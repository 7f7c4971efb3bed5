// The sync protocol shared by the server and the renderer's sync client (docs/sync-protocol.md).
export * from './version';
export * from './entities';
export * from './roles';
export * from './transitions';
export * from './applicationFlow';
export * from './rejections';
export * from './mutations';
export * from './messages';
export * from './merge';
