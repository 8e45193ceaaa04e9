'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';

export type TRunTab = 'graph' | 'timeline' | 'metrics' | 'artifacts';

const LABELS: Record<TRunTab, string> = { graph: 'Graph', timeline: 'Timeline', metrics: 'Metrics', artifacts: 'Artifacts' };

/** The tab in the URL (`?tab=metrics`), so a link or a reload opens it again. */
export function useRunTab(tabs: readonly TRunTab[]): [TRunTab, (tab: TRunTab) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const path = usePathname();
  const asked = params.get('tab');
  const tab = tabs.find((t) => t === asked) ?? tabs[0]!;
  return [tab, (next) => router.replace(`${path}?tab=${next}`, { scroll: false })];
}

export function RunTabs({ tabs, active, onChange }: { tabs: readonly TRunTab[]; active: TRunTab; onChange: (tab: TRunTab) => void }) {
  return (
    <div role="tablist" className="flex shrink-0 gap-1 border-b border-slate-200 bg-white px-4">
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={tab === active}
          onClick={() => onChange(tab)}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === active ? 'border-indigo-600 font-medium text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
        >
          {LABELS[tab]}
        </button>
      ))}
    </div>
  );
}
