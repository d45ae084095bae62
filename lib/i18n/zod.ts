// Validation messages in the user's language. zod's own messages follow the interface language
// (its zh-CN and en locales, switched with it); the few messages our schemas word themselves are
// translated where they are shown (errorText). Imported by the surfaces that show validation
// errors (the card form, import): those load zod anyway, the popup never does.
import { effect } from '@preact/signals';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { lang, t, type MessageKey } from './index';

effect(() => { z.config(lang.value === 'zh-CN' ? zhCN() : en()); });

/** The English messages lib/domain and lib/import-export write themselves, by their words' key. */
const OWN: Record<string, MessageKey> = {
  'Not a valid email address': 'err.email',
  'Phone number is empty': 'err.phoneEmpty',
  'No such day in that month': 'err.noSuchDay',
  'Name is required': 'err.nameRequired',
  'expected an object': 'err.object',
  'A quoted value is never closed: the file is damaged or truncated.': 'err.unclosedQuote',
};

/** A validation or import message in the interface language (ours translated, zod's already are). */
export function errorText(message: string): string {
  const key = OWN[message];
  return key ? t(key) : message;
}
