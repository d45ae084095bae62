import { defineContentScript } from 'wxt/utils/define-content-script';
import { gmail, gmailSenders } from '../../lib/capture/adapters/gmail';
import { startClipControls } from '../../lib/capture/content';
import { matchPatterns, webmailHosts } from '../../lib/capture/hosts';

export default defineContentScript({
  matches: matchPatterns(webmailHosts.gmail),
  runAt: 'document_idle',
  main() {
    startClipControls({ adapter: gmail, anchors: [], senders: gmailSenders, message: '[data-message-id], [data-legacy-message-id]' });
  },
});
