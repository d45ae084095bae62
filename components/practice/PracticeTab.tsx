import { AuditCampaign } from './AuditCampaign';
import { Analysis } from './Analysis';
import { OverdueUpdates } from './OverdueUpdates';
import { PracticeSettings } from './PracticeSettings';
import { Reports } from './Reports';
import { TagReview } from './TagReview';

export const practiceTabs = ['analysis', 'audit', 'tags', 'reports'] as const;
export type PracticeTabName = (typeof practiceTabs)[number] | 'quality' | 'settings';

/**
 * The practice's screens, one lazy chunk for the workspace (issue #19). `quality` and `settings`
 * are the parts shown inside those tabs: the overdue 24-hour updates, the thresholds.
 */
export function PracticeTab({ tab, onOpen }: { tab: PracticeTabName; onOpen(id: string, edit?: boolean): void }) {
  switch (tab) {
    case 'analysis': return <Analysis onOpen={onOpen} />;
    case 'audit': return <AuditCampaign />;
    case 'tags': return <TagReview onOpen={onOpen} />;
    case 'reports': return <Reports />;
    case 'quality': return <OverdueUpdates onFix={(id) => onOpen(id, true)} />;
    case 'settings': return <PracticeSettings />;
  }
}
