/** Why an image could not be read; the UI says each in the user's language (lib/i18n/messages/ocr.ts). */
export type OcrErrorCode = 'not-image' | 'too-large' | 'unreadable' | 'unsupported-format' | 'no-text' | 'engine';

export class OcrError extends Error {
  constructor(readonly code: OcrErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'OcrError';
  }
}
