// The due list the background keeps current (lib/background/followups.ts); defined with every other
// storage key in lib/storage/items.ts.
export { dueSnapshotItem } from '../storage/items';
