import { browser } from 'wxt/browser';
import { activeWebTab, watchTabs } from '../browser/browser-api';
import { readPageFacts, type PageFacts } from '../search/page';

/**
 * The tab the user is looking at, as far as Cardfile may see it. Without the "tabs" permission
 * (we do not ask for it: least privilege, SPEC §8), Chrome gives a tab's URL only where Cardfile
 * has host access: the webmail sites, or a tab where `activeTab` was granted by the user invoking
 * Cardfile (toolbar button, the open-side-panel shortcut, the context menu). Elsewhere the URL is
 * missing and "On this page" says how to let Cardfile look.
 */
export interface TabView {
  tabId?: number;
  /** False when the browser does not let Cardfile see this tab. */
  visible: boolean;
  facts: PageFacts;
}

const activeTab = () => activeWebTab('lastFocused');

/** Read the current tab: its URL and the addresses and profile links it shows (when allowed). */
export async function readCurrentTab(): Promise<TabView> {
  const tab = await activeTab();
  if (!tab?.id || !tab.url || !/^https?:/i.test(tab.url)) return { tabId: tab?.id, visible: false, facts: { emails: [], links: [] } };
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: readPageFacts });
    const read = (result?.result ?? { emails: [], links: [] }) as { emails: string[]; links: string[] };
    return { tabId: tab.id, visible: true, facts: { url: tab.url, ...read } };
  } catch {
    // The URL is known but the content is not ours to read (e.g. the store or a PDF viewer).
    return { tabId: tab.id, visible: true, facts: { url: tab.url, emails: [], links: [] } };
  }
}

/** Call `onChange` when the user switches tabs or windows, or the tab navigates. */
export const watchCurrentTab = watchTabs;
