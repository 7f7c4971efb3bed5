export * from './table';
export * from './csv';
export * from './xlsx';
export * from './readFile';
export * from './columnMapping';
