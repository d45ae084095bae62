import { findBlock } from './block';
import { extractFields, type SignatureFields } from './fields';
import { replyLines } from './quotes';

export type { FoundPhone, PhoneLabel } from './contacts';
export { replyLines, replyText } from './quotes';

export interface SignatureOptions {
  /** Region for numbers written without a country code (settings; CN by default). */
  defaultRegion?: string;
  /** The sender's display name: the line holding it is the name. */
  senderName?: string;
  senderEmail?: string;
}

export interface ParsedSignature extends SignatureFields {
  /** The signature block's text as found. */
  block?: string;
}

/** Longer bodies are cut: a signature sits near the top of the reply, and this bounds the work. */
const MAX_BODY = 200_000;

/**
 * The sender's signature in a plain-text message: quoted replies and forwarded blocks are removed,
 * the block after "-- " / a closing / the trailing contact lines is found, and its fields extracted.
 * Never throws on odd input; a message without a signature gives empty lists and no block.
 */
export function parseSignature(body: string, options: SignatureOptions = {}): ParsedSignature {
  const text = typeof body === 'string' ? body.slice(0, MAX_BODY) : '';
  const block = findBlock(replyLines(text), options.senderName);
  if (!block) return { phones: [], emails: [], websites: [] };
  const fields = extractFields(block, {
    region: (options.defaultRegion || 'CN').toUpperCase(),
    senderName: options.senderName,
    senderEmail: options.senderEmail,
  });
  const blockText = block.lines.join('\n').trim();
  // A lone first name ("Thanks, Jeff") is a closing, not a name for the card: the header has the full one.
  if (fields.name && !/\s/.test(fields.name.trim()) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(fields.name)) delete fields.name;
  return { block: blockText || block.closingName, ...fields };
}
