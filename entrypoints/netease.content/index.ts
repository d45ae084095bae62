import { defineContentScript } from 'wxt/utils/define-content-script';
import { netease } from '../../lib/capture/adapters/netease';
import { startClipControls } from '../../lib/capture/content';
import { matchPatterns, webmailHosts } from '../../lib/capture/hosts';

export default defineContentScript({
  matches: matchPatterns(webmailHosts.netease),
  runAt: 'document_idle',
  main() {
    startClipControls({ adapter: netease, anchors: ['.nui-readHeader .nui-addr', '[id*="ReadModule"] .js-component-addressitem', '[id*="ReadModule"] .nui-addr'], message: '[id*="ReadModule"]' });
  },
});
