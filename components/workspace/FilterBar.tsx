import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { activityTiers, customerSources, lifecycles, stages, statuses, valueTiers } from '../../lib/domain';
import { industryName } from '../../lib/i18n/words';
import { t, type MessageKey } from '../../lib/i18n';
import { indexValues } from '../../lib/workspace/query';
import { emptyView, isUnfiltered, sortFields, type ListFilter, type ViewSpec } from '../../lib/workspace/view';
import { currentView, firstScreenSettled } from './state';
import { SavedViews } from './SavedViews';

/** Each enum filter with its values in words (typed per enum: a value without words does not compile). */
const filter = <V extends string>(name: ListFilter, values: readonly V[], word: (v: V) => string): [ListFilter, readonly string[], (v: string) => string] =>
  [name, values, (v) => word(v as V)];
const enumFilters = [
  filter('valueTier', valueTiers, (v) => t(`value.${v}`)), filter('activityTier', activityTiers, (v) => t(`activity.${v}`)),
  filter('status', statuses, (v) => t(`status.${v}`)), filter('stage', stages, (v) => t(`stage.${v}`)),
  filter('lifecycle', lifecycles, (v) => t(`lifecycle.${v}`)), filter('source', customerSources, (v) => t(`source.${v}`)),
];

function Multi({ name, options, label }: { name: ListFilter; options: readonly string[]; label: (v: string) => string }) {
  const view = currentView.value;
  const chosen = view[name] as string[];
  return (
    <label class="field filter">
      <span class="field__label">{t(`ws.filter.${name}`)}</span>
      <select
        multiple
        size={Math.min(4, Math.max(2, options.length))}
        data-filter={name}
        onChange={(e) => {
          const values = [...(e.currentTarget as HTMLSelectElement).selectedOptions].map((o) => o.value);
          currentView.value = { ...view, [name]: values } as ViewSpec;
        }}
      >
        {options.map((o) => <option key={o} value={o} selected={chosen.includes(o)}>{label(o)}</option>)}
      </select>
    </label>
  );
}

/** Filters (value, activity, status, stage, lifecycle, source, tags, industry, owner), sort, name prefix, trash. */
export function FilterBar() {
  const view = currentView.value;
  const [facets, setFacets] = useState<{ tags: string[]; owner: string[]; industry: string[] }>({ tags: [], owner: [], industry: [] });
  // The facets walk three indexes (tags, owner, industry): when the filters are opened, or once the
  // first screen has settled, not beside the first rows' reads (SPEC §9: first rows ≤ 300 ms at 100,000).
  const [opened, setOpened] = useState(false);
  const shown = firstScreenSettled.value || opened;
  useEffect(() => {
    if (!shown) return;
    const repo = getRepo();
    void Promise.all([indexValues(repo, 'tags'), indexValues(repo, 'owner'), indexValues(repo, 'industry')])
      .then(([tags, owner, industry]) => setFacets({ tags, owner, industry }));
  }, [view.trash, shown]);
  return (
    <div class="filterbar" data-testid="filterbar">
      <div class="row">
        <SavedViews />
        <input
          class="filter__name" placeholder={t('ws.namePrefix')} value={view.namePrefix} data-testid="name-prefix"
          onInput={(e) => { currentView.value = { ...view, namePrefix: e.currentTarget.value }; }}
        />
        <label class="row">
          {t('ws.sort')}
          <select value={view.sort} data-testid="sort" onChange={(e) => { currentView.value = { ...view, sort: e.currentTarget.value as ViewSpec['sort'] }; }}>
            {sortFields.map((f) => <option key={f} value={f}>{t(`ws.sort.${f}`)}</option>)}
          </select>
        </label>
        <label class="row nowrap">
          <input type="checkbox" checked={view.desc} onChange={(e) => { currentView.value = { ...view, desc: e.currentTarget.checked }; }} />
          {t('ws.desc')}
        </label>
        <label class="row nowrap">
          <input type="checkbox" checked={view.trash} data-testid="trash-toggle" onChange={(e) => { currentView.value = { ...view, trash: e.currentTarget.checked }; }} />
          {t('ws.trash')}
        </label>
        {view.ids?.length > 0 && (
          <span class="chip" data-testid="ids-filter">{view.idsLabel} ({view.ids.length})
            <button class="link" aria-label={t('ws.clearFilters')} onClick={() => { currentView.value = { ...view, ids: [], idsLabel: '' }; }}>×</button>
          </span>
        )}
        {!isUnfiltered(view) && <button onClick={() => { currentView.value = { ...emptyView(), sort: view.sort, desc: view.desc }; }}>{t('ws.clearFilters')}</button>}
      </div>
      <details onToggle={(e) => { if (e.currentTarget.open) setOpened(true); }}>
        <summary>{t('ws.filters')}</summary>
        <div class="filters">
          {enumFilters.map(([name, options, word]) => (
            <Multi key={name} name={name} options={options} label={word} />
          ))}
          <Multi name="tags" options={facets.tags} label={(v) => v} />
          <Multi name="industry" options={facets.industry} label={(v) => industryName(v)} />
          <Multi name="owner" options={facets.owner} label={(v) => v} />
        </div>
      </details>
    </div>
  );
}
