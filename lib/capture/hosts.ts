/**
 * The webmail hosts Cardfile reads (SPEC §5). The manifest's host permissions and the
 * content scripts' matches both come from here, so nothing else gets access.
 */
export const webmailHosts = {
  gmail: ['mail.google.com'],
  outlook: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'],
  yahoo: ['mail.yahoo.com'],
  qq: ['mail.qq.com', 'exmail.qq.com'],
  netease: ['mail.163.com', 'mail.126.com', 'mail.yeah.net', 'qiye.163.com'],
} as const;

export type WebmailProvider = keyof typeof webmailHosts;

export const matchPatterns = (hosts: readonly string[]): string[] => hosts.map((h) => `https://${h}/*`);

export const webmailHostPatterns: string[] = Object.values(webmailHosts).flatMap((hosts) => matchPatterns(hosts));

/** Which webmail family a URL belongs to, if any. */
export function webmailProviderOf(url: string): WebmailProvider | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return (Object.keys(webmailHosts) as WebmailProvider[]).find((p) => (webmailHosts[p] as readonly string[]).includes(host));
}
