import type { Customer } from '../../lib/domain';
import { t } from '../../lib/i18n';

/** Value tier, activity tier, status, lifecycle and tags as chips (SPEC §3). */
export function Badges({ customer, tags = true }: { customer: Customer; tags?: boolean }) {
  return (
    <span class="badges">
      <span class={`badge badge--value-${customer.valueTier}`} data-badge="value">{t(`value.${customer.valueTier}`)}</span>
      <span class={`badge badge--activity-${customer.activityTier}`} data-badge="activity">{t(`activity.${customer.activityTier}`)}</span>
      <span class={`badge badge--status-${customer.status}`} data-badge="status">{t(`status.${customer.status}`)}</span>
      <span class="badge badge--lifecycle" data-badge="lifecycle">{t(`lifecycle.${customer.lifecycle}`)}</span>
      {!!customer.churnSignals?.length && (
        <span class="badge badge--churn" data-badge="churn" title={customer.churnSignals.map((c) => t(`pr.signal.${c}`)).join(' · ')}>{t('pr.churnBadge')}</span>
      )}
      {tags && customer.tags.map((tag) => <span class="chip" key={tag}>{tag}</span>)}
    </span>
  );
}
