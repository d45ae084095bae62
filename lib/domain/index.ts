export * from './record';
export * from './customer';
export * from './interaction';
export * from './followup';
export * from './audit';
export * from './settings';
export * from './contact-draft';
export * from './phone';
export * from './derive';
export * from './merge';
export * from './days';
export * from './classify';
export * from './tags';
export * from './reasons';
// followups.ts and holidays.ts are imported by path: they pull lunar-javascript (~110 KB gzip),
// which the popup must not load.
export * from './phone-region';
export * from './card-image';
