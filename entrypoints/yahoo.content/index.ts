import { defineContentScript } from 'wxt/utils/define-content-script';
import { yahoo } from '../../lib/capture/adapters/yahoo';
import { startClipControls } from '../../lib/capture/content';
import { matchPatterns, webmailHosts } from '../../lib/capture/hosts';

export default defineContentScript({
  matches: matchPatterns(webmailHosts.yahoo),
  runAt: 'document_idle',
  main() {
    startClipControls({ adapter: yahoo, anchors: ['[data-test-id="message-from"]'], message: '[data-test-id="message-view"]' });
  },
});
