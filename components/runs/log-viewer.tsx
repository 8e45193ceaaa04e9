'use client';

import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { matchLines, MAX_MATCHED_LINES, type TMatchedLine } from './log-lines';

type TProps = { text: string; live: boolean; fileName: string };

/**
 * A step's log: search (the matching lines with their numbers, matches marked), follow (keep to
 * the bottom while the step runs; scrolling up pauses it) and download of what is shown.
 */
export function LogViewer({ text, live, fileName }: TProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query); // typing stays responsive on a 256 KB log
  const [follow, setFollow] = useState(true);
  const matches = useMemo(() => matchLines(text, deferred.trim()), [text, deferred]);
  const searching = deferred.trim() !== '';

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2 text-xs">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search the log"
          aria-label="Search the log"
          maxLength={200}
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1"
        />
        {searching ? (
          <span data-testid="log-match-count" className="text-slate-500">
            {matches.total} {matches.total === 1 ? 'line' : 'lines'}
          </span>
        ) : null}
        {live ? (
          <label className="flex items-center gap-1 text-slate-600">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
            Follow
          </label>
        ) : null}
        <button type="button" onClick={() => download(text, fileName)} disabled={!text} className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50 disabled:opacity-40">
          Download
        </button>
      </div>
      {searching ? <MatchedLines lines={matches.lines} total={matches.total} /> : <FullLog text={text} follow={live && follow} onScrolledUp={() => setFollow(false)} />}
    </div>
  );
}

const PRE = 'min-h-0 flex-1 overflow-auto whitespace-pre-wrap break-all bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100';

function FullLog({ text, follow, onScrolledUp }: { text: string; follow: boolean; onScrolledUp: () => void }) {
  const ref = useRef<HTMLPreElement>(null);
  const lastTop = useRef(0);
  useEffect(() => {
    const el = ref.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [text, follow]);
  return (
    <pre
      ref={ref}
      data-testid="step-log"
      className={PRE}
      onScroll={(e) => {
        const el = e.currentTarget;
        // the user scrolled up to read: stop following (the checkbox turns it back on)
        if (follow && el.scrollTop < lastTop.current && el.scrollHeight - el.scrollTop - el.clientHeight > 80) onScrolledUp();
        lastTop.current = el.scrollTop;
      }}
    >
      {text || <span className="text-slate-500">(no output)</span>}
    </pre>
  );
}

function MatchedLines({ lines, total }: { lines: TMatchedLine[]; total: number }) {
  if (total === 0) return <p className={`${PRE} text-slate-400`}>No line matches.</p>;
  return (
    <pre data-testid="step-log-matches" className={PRE}>
      {lines.map((line) => (
        <div key={line.number}>
          <span className="mr-3 inline-block w-10 select-none text-right text-slate-500">{line.number}</span>
          <Marked line={line} />
        </div>
      ))}
      {total > MAX_MATCHED_LINES ? <div className="text-slate-400">… {total - MAX_MATCHED_LINES} more matching lines: refine the search or download the log.</div> : null}
    </pre>
  );
}

function Marked({ line }: { line: TMatchedLine }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [from, to] of line.ranges) {
    parts.push(line.text.slice(at, from), <mark key={from} className="rounded-sm bg-amber-300 text-slate-950">{line.text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(line.text.slice(at));
  return <>{parts}</>;
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
