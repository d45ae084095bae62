import { defineContentScript } from 'wxt/utils/define-content-script';
import { gmail } from '../../lib/capture/adapters/gmail';
import { startClipControls } from '../../lib/capture/content';
import { matchPatterns, webmailHosts } from '../../lib/capture/hosts';

export default defineContentScript({
  matches: matchPatterns(webmailHosts.gmail),
  runAt: 'document_idle',
  main() {
    startClipControls({ adapter: gmail, anchors: ['span.gD[email]', '[data-message-id] span[email]'], message: '[data-message-id]' });
  },
});
