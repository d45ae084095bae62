import type { Phone, Social } from '../domain';

/** TEL TYPE values → our phone label: fax before mobile before work/home. */
export function phoneLabelOf(types: string[]): Phone['label'] {
  if (types.some((t) => t.includes('fax'))) return 'fax';
  if (types.some((t) => t === 'cell' || t === 'mobile' || t === 'iphone')) return 'mobile';
  if (types.includes('work')) return 'work';
  if (types.includes('home')) return 'home';
  return 'other';
}

const NETWORK_WORDS: [Social['network'], RegExp][] = [
  ['wechat', /wechat|weixin/i],
  ['qq', /^qq$|^x-qq$|(^|[^a-z])qq([^a-z]|$)/i],
  ['linkedin', /linkedin/i],
  ['weibo', /weibo/i],
  ['x', /twitter|^x$/i],
  ['dingtalk', /dingtalk/i],
  ['whatsapp', /whatsapp/i],
];

function networkOf(word: string): Social['network'] | undefined {
  return NETWORK_WORDS.find(([, re]) => re.test(word))?.[0];
}

/**
 * Messenger / social properties: X-QQ, X-WECHAT, IMPP (with X-SERVICE-TYPE or the URI scheme),
 * X-SOCIALPROFILE;TYPE=…, and the old X-AIM / X-SKYPE / X-GOOGLE-TALK … ones (network "other").
 */
export function socialFromProperty(name: string, params: Map<string, string[]>, types: string[], text: string): Social | undefined {
  if (!text) return undefined;
  if (name === 'X-QQ') return { network: 'qq', handle: text };
  if (name === 'X-WECHAT' || name === 'X-WEIXIN') return { network: 'wechat', handle: text };
  if (name === 'IMPP') {
    const service = params.get('X-SERVICE-TYPE')?.[0] ?? '';
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1] ?? '';
    const handle = text.replace(/^(x-apple|xmpp|sip|im|qq|weixin|wechat|skype|aim|ymsgr|msnim|whatsapp):/i, '');
    return { network: networkOf(service) ?? networkOf(scheme) ?? 'other', handle };
  }
  if (name === 'X-SOCIALPROFILE') {
    const kind = [...types, ...(params.get('X-USER') ?? [])].join(' ');
    return { network: networkOf(kind) ?? networkOf(text) ?? 'other', handle: text.replace(/^x-apple:/i, '') };
  }
  if (/^X-(AIM|ICQ|JABBER|MSN|YAHOO|SKYPE|SKYPE-USERNAME|GOOGLE-TALK|GTALK|MS-IMADDRESS|TWITTER|LINKEDIN|WHATSAPP|DINGTALK|WEIBO)$/.test(name)) {
    return { network: networkOf(name.slice(2)) ?? 'other', handle: text };
  }
  return undefined;
}
