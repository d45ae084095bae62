import { useEffect, useState } from 'preact/hooks';
import { newId } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { emptyView, type SavedView } from '../../lib/workspace/view';
import { currentView, loadSavedViews, savedViewsItem } from './state';

/** Pick, save and delete named views (filters + sort), stored in extension storage. */
export function SavedViews() {
  const [views, setViews] = useState<SavedView[]>([]);
  const [active, setActive] = useState('');
  useEffect(() => {
    void loadSavedViews().then(setViews);
    return savedViewsItem.watch(() => void loadSavedViews().then(setViews));
  }, []);
  async function save() {
    const name = prompt(t('ws.viewName'))?.trim();
    if (!name) return;
    const view: SavedView = { id: newId(), name: name.slice(0, 60), spec: currentView.value };
    await savedViewsItem.setValue([...views.filter((v) => v.name !== view.name), view]);
    setActive(view.id);
  }
  async function remove() {
    await savedViewsItem.setValue(views.filter((v) => v.id !== active));
    setActive('');
  }
  return (
    <span class="row nowrap">
      <select
        value={active} data-testid="saved-views" aria-label={t('ws.views')}
        onChange={(e) => {
          const id = e.currentTarget.value;
          setActive(id);
          currentView.value = views.find((v) => v.id === id)?.spec ?? emptyView();
        }}
      >
        <option value="">{t('ws.allCustomers')}</option>
        {views.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
      </select>
      <button onClick={save} data-testid="save-view">{t('ws.saveView')}</button>
      {active && <button onClick={remove}>{t('ws.deleteView')}</button>}
    </span>
  );
}
