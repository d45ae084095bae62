import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage, takeClipOptions } from '../lib/capture/page-reader';

// Injected on request only (popup / context menu → scripting.executeScript with activeTab), right
// after setClipOptions left the user's settings (phone region, own addresses) in this isolated world.
// Its return value is the script's result; the page never sees any Cardfile data.
export default defineUnlistedScript(() => readPage(document, location.href, takeClipOptions()));
