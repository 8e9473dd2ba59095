export * from './browser';
export * from './clinic';
export * from './screens';
export * from './stack';
export * from './texts';
export * from './suite';
