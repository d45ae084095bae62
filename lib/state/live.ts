import { signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { liveQuery } from 'dexie';

export interface LiveSignal<T> {
  value: ReadonlySignal<T | undefined>;
  error: ReadonlySignal<unknown>;
  dispose(): void;
}

/**
 * Bridge a Dexie liveQuery into a Preact signal. Dexie notifies across extension contexts
 * (BroadcastChannel), so a write from the background, the popup or another tab re-runs the query.
 */
export function liveSignal<T>(querier: () => T | Promise<T>): LiveSignal<T> {
  const value = signal<T | undefined>(undefined);
  const error = signal<unknown>(undefined);
  const sub = liveQuery(querier).subscribe({
    next: (v) => { value.value = v; error.value = undefined; },
    error: (e: unknown) => { error.value = e; },
  });
  return { value, error, dispose: () => sub.unsubscribe() };
}

/** liveSignal for a component: re-subscribes when `deps` change, unsubscribes on unmount. */
export function useLive<T>(querier: () => T | Promise<T>, deps: unknown[]): LiveSignal<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const live = useMemo(() => liveSignal(querier), deps);
  useEffect(() => () => live.dispose(), [live]);
  return live;
}
