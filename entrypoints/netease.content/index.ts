import { defineContentScript } from 'wxt/utils/define-content-script';
import { netease, neteaseSenders } from '../../lib/capture/adapters/netease';
import { startClipControls } from '../../lib/capture/content';
import { matchPatterns, webmailHosts } from '../../lib/capture/hosts';

export default defineContentScript({
  matches: matchPatterns(webmailHosts.netease),
  runAt: 'document_idle',
  main() {
    startClipControls({ adapter: netease, anchors: [], senders: neteaseSenders, message: '[id*="ReadModule"]' });
  },
});
