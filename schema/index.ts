export * from './labels';
export * from './taxonomy';
export * from './languages';
export * from './region';
export * from './offering';
export * from './search';
export * from './api';
