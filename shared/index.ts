// The public face of the pure domain code. Acceptance checks import from here,
// so every area re-exports its public names through its own index.
export * from './domain/index';
export * from './ipc/index';
export * from './sync/index';
export * from './contracts/index';
export * from './billing/index';
