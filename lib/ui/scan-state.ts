import type { CardImageInput } from '../domain/card-image';

/**
 * The images of the card being reviewed, held in the side panel's memory between the scan and the
 * review form's Save (they are too large for storage.session, and never leave this page).
 */
let pending: { at: number; images: CardImageInput[] } | null = null;

export function setScannedImages(at: number, images: CardImageInput[]): void {
  pending = { at, images };
}
/** The images of the capture stamped `at` (a later clip or scan replaces them). */
export function scannedImages(at: number): CardImageInput[] {
  return pending && pending.at === at ? pending.images : [];
}
export function clearScannedImages(): void {
  pending = null;
}
