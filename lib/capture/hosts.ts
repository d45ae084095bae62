/**
 * The webmail hosts Cardfile reads (SPEC §5). The manifest's host permissions and the
 * content scripts' matches both come from here, so nothing else gets access.
 */
export const webmailHosts = {
  gmail: ['mail.google.com'],
  // Work and school accounts redirect to outlook.cloud.microsoft since early 2025; personal ones stay on live.com.
  outlook: ['outlook.cloud.microsoft', 'outlook.office.com', 'outlook.live.com', 'outlook.office365.com'],
  yahoo: ['mail.yahoo.com'],
  // wx.mail.qq.com is the new web client (WeChat sign-in); mail.qq.com the classic one; exmail the business one.
  qq: ['wx.mail.qq.com', 'mail.qq.com', 'exmail.qq.com'],
  // Free mail (163/126/yeah), VIP mail, and NetEase enterprise mail: qiye.163.com signs in and the
  // mailbox itself is served from one of its regional hosts (mail./mailh./mailhz./hwmail.).
  netease: [
    'mail.163.com', 'mail.126.com', 'mail.yeah.net', 'vip.163.com', 'vip.126.com', 'vip.188.com',
    'qiye.163.com', 'mail.qiye.163.com', 'mailh.qiye.163.com', 'mailhz.qiye.163.com', 'hwmail.qiye.163.com',
  ],
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
