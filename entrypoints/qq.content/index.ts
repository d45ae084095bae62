import { defineContentScript } from 'wxt/utils/define-content-script';
import { qq, qqSenders } from '../../lib/capture/adapters/qq';
import { startClipControls } from '../../lib/capture/content';
import { matchPatterns, webmailHosts } from '../../lib/capture/hosts';

export default defineContentScript({
  matches: matchPatterns(webmailHosts.qq),
  // The classic page shows the message in the readmail frame.
  allFrames: true,
  runAt: 'document_idle',
  main() {
    startClipControls({ adapter: qq, anchors: [], senders: qqSenders });
  },
});
