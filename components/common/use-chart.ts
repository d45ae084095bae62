import { useEffect, useRef } from 'preact/hooks';

/**
 * A chart.js chart drawn on the returned canvas ref, redrawn when `config` changes. chart.js is
 * imported on first use, so it never reaches the popup's or a page's first bundle.
 */
export function useChart(config: { type: string; data: unknown; options?: Record<string, unknown> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('chart.js').then(({ Chart, registerables }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(...registerables);
      chart = new Chart(canvas.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } } as never);
    });
    return () => { cancelled = true; chart?.destroy(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(config)]);
  return canvas;
}
