import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { ownersOf } from '../../lib/db/practice-keys';
import { t } from '../../lib/i18n';

/** The owners on the cards (names today; members once team sync lands). */
export function useOwners(): string[] {
  const [owners, setOwners] = useState<string[]>([]);
  useEffect(() => { void ownersOf(getRepo().db).then(setOwners); }, []);
  return owners;
}

export const ownerName = (o: string) => (o === '' ? t('pr.noOwner') : o);

/** Whole workspace, or one owner. `undefined` = the whole workspace. */
export function OwnerPicker({ value, onChange }: { value: string | undefined; onChange(v: string | undefined): void }) {
  const owners = useOwners();
  return (
    <label class="row nowrap">
      {t('ws.filter.owner')}
      <select data-testid="owner-picker" value={value === undefined ? '\u0000all' : value} onChange={(e) => {
        const v = e.currentTarget.value;
        onChange(v === '\u0000all' ? undefined : v);
      }}>
        <option value={'\u0000all'}>{t('pr.wholeWorkspace')}</option>
        {owners.map((o) => <option key={o} value={o}>{ownerName(o)}</option>)}
      </select>
    </label>
  );
}
