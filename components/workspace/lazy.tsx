import type { ComponentType, FunctionComponent, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

/**
 * A component that lives in its own chunk, loaded the first time it is drawn (the workspace's
 * first screen is the table: charts, import, settings, the card … are not in its module graph).
 * preact/compat's lazy + Suspense would do the same but bring compat into the page; this is
 * the one case needed.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: () => VNode | null = () => <p class="muted" aria-busy="true">{t('loading')}</p>,
): FunctionComponent<P> & { preload(): Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const get = () => (pending ??= load().then((c) => (loaded = c)));
  function Lazy(props: P) {
    const [C, setC] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      void get().then((c) => { if (live) setC(() => c); });
      return () => { live = false; };
    }, [C]);
    return C ? <C {...props} /> : fallback();
  }
  return Object.assign(Lazy, { preload: get });
}
