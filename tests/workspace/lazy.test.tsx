import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from '../../components/workspace/lazy';

function Hello({ name }: { name: string }) {
  return <p data-testid="hello">Hello {name}</p>;
}

describe('lazyComponent: a tab loaded on first use', () => {
  it.each<[string, (() => null) | undefined, string | null]>([
    ['the loading text meanwhile', undefined, 'Loading…'],
    ['nothing meanwhile (a banner)', () => null, null],
  ])('shows %s, then the component with its props; loads once', async (_label, fallback, waiting) => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const Lazy = lazyComponent(async () => { loads += 1; await gate; return Hello; }, fallback);
    const first = render(<Lazy name="Ada" />);
    expect(screen.queryByTestId('hello')).toBeNull();
    expect(first.container.textContent || null).toBe(waiting);
    release();
    await waitFor(() => expect(screen.getByTestId('hello').textContent).toBe('Hello Ada'));
    first.unmount();
    // Drawn again (another visit to the tab): at once, no second load.
    render(<Lazy name="Bo" />);
    expect(screen.getByTestId('hello').textContent).toBe('Hello Bo');
    expect(loads).toBe(1);
    cleanup();
  });
});
