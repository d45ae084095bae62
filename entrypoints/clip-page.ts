import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractCapture, isCaptureReadError } from '../lib/capture/index';

// Injected on request only (popup / context menu → scripting.executeScript with activeTab).
// Its return value is the script's result; the page never sees any Cardfile data.
export default defineUnlistedScript(() => {
  try {
    return { draft: extractCapture(document, location.href), title: document.title };
  } catch (e) {
    return { readError: isCaptureReadError(e) ? e.reason : String(e), title: document.title };
  }
});
