export * from './channels';
export * from './schemas';
export * from './contract';
export * from './syncServerUrl';
