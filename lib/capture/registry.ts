import type { CaptureAdapter } from './adapter';
import { gmail } from './adapters/gmail';
import { linkedin } from './adapters/linkedin';
import { netease } from './adapters/netease';
import { outlook } from './adapters/outlook';
import { page } from './adapters/page';
import { qq } from './adapters/qq';
import { yahoo } from './adapters/yahoo';

/** Every capture adapter, in the order they are tried. The generic page reader is last and always applies. */
export const adapters: readonly CaptureAdapter[] = [gmail, outlook, yahoo, qq, netease, linkedin, page];

export const fallbackAdapter: CaptureAdapter = page;
