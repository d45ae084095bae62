export * from './schema';
export * from './errors';
export * from './context';
export * from './customers';
export * from './interactions';
export * from './followups';
export * from './merge';
export * from './derived';
