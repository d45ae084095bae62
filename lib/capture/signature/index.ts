// STUB — replaced by the sig branch. Same signature as the real parser so capture compiles.

export interface SignaturePhone {
  raw: string;
  e164?: string;
  label?: 'mobile' | 'work' | 'fax' | 'home' | 'other';
}

export interface ParsedSignature {
  block?: string;
  name?: string;
  title?: string;
  company?: string;
  phones: SignaturePhone[];
  emails: string[];
  websites: string[];
  address?: string;
  wechat?: string;
  qq?: string;
}

export interface SignatureOptions {
  defaultRegion?: string;
  senderName?: string;
  senderEmail?: string;
}

/** Find the signature block of a plain-text message and read its fields (stub: finds nothing). */
export function parseSignature(body: string, options?: SignatureOptions): ParsedSignature {
  void body;
  void options;
  return { phones: [], emails: [], websites: [] };
}
