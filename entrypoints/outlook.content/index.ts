import { defineContentScript } from 'wxt/utils/define-content-script';
import { outlook, outlookSelectors } from '../../lib/capture/adapters/outlook';
import { startClipControls } from '../../lib/capture/content';
import { matchPatterns, webmailHosts } from '../../lib/capture/hosts';

export default defineContentScript({
  matches: matchPatterns(webmailHosts.outlook),
  runAt: 'document_idle',
  main() {
    startClipControls({ adapter: outlook, anchors: outlookSelectors.sender, message: '[aria-label="Email message"], div.aVla3' });
  },
});
