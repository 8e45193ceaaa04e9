'use client';

import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { logWithIsoTimes, parseLog, type TLogLine } from '@/workflows/dsl';
import { matchLines, MAX_MATCHED_LINES, type TMatchedLine } from './log-lines';
import { LogTime } from './log-time';

/** `text`: the stored log (lines may carry the time the worker read them); `startedAt`: the attempt's start, where offsets count from. */
type TProps = { text: string; live: boolean; fileName: string; startedAt?: Date | string | null };

/**
 * A step's log: search (the matching lines with their numbers, matches marked), follow (keep to
 * the bottom while the step runs; scrolling up pauses it), each line's time (a column that can be
 * hidden) and download of what is shown, times as ISO prefixes.
 */
export function LogViewer({ text, live, fileName, startedAt }: TProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query); // typing stays responsive on a 256 KB log
  const [follow, setFollow] = useState(true);
  const [showTimes, setShowTimes] = useState(true);
  const lines = useMemo(() => parseLog(text), [text]);
  const firstAt = useMemo(() => lines.find((line) => line.at !== null)?.at ?? null, [lines]);
  const matches = useMemo(() => matchLines(lines, deferred.trim()), [lines, deferred]);
  const searching = deferred.trim() !== '';
  // a live attempt's start may not be recorded yet: its first line stands in
  const origin = firstAt === null ? null : startedAt ? new Date(startedAt).getTime() : firstAt;
  const times = showTimes && origin !== null ? origin : undefined;

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
        {firstAt !== null ? (
          <label className="flex items-center gap-1 text-slate-600">
            <input type="checkbox" checked={showTimes} onChange={(e) => setShowTimes(e.target.checked)} />
            Timestamps
          </label>
        ) : null}
        {live ? (
          <label className="flex items-center gap-1 text-slate-600">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
            Follow
          </label>
        ) : null}
        <button type="button" onClick={() => download(logWithIsoTimes(lines), fileName)} disabled={!text} className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50 disabled:opacity-40">
          Download
        </button>
      </div>
      {searching ? (
        <MatchedLines lines={matches.lines} total={matches.total} origin={times} />
      ) : (
        <FullLog lines={lines} origin={times} follow={live && follow} onScrolledUp={() => setFollow(false)} />
      )}
    </div>
  );
}

const PRE = 'min-h-0 flex-1 overflow-auto whitespace-pre-wrap break-all bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100';

/** `origin`: where line times count from; absent, the column is hidden. */
type TTimes = { origin: number | undefined };

function FullLog({ lines, origin, follow, onScrolledUp }: TTimes & { lines: TLogLine[]; follow: boolean; onScrolledUp: () => void }) {
  const ref = useRef<HTMLPreElement>(null);
  const lastTop = useRef(0);
  useEffect(() => {
    const el = ref.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [lines, follow, origin]);
  // without times the log stays one text node: cheap for a 256 KB log
  const plain = useMemo(() => (origin === undefined ? lines.map((line) => line.text).join('\n') : ''), [lines, origin]);
  const empty = lines.length === 1 && lines[0]!.text === '';
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
      {empty ? (
        <span className="text-slate-500">(no output)</span>
      ) : origin === undefined ? (
        plain
      ) : (
        lines.map((line, i) => (
          <div key={i} className="flex">
            <LogTime at={line.at} origin={origin} />
            <span className="min-w-0 flex-1">{line.text}</span>
          </div>
        ))
      )}
    </pre>
  );
}

function MatchedLines({ lines, total, origin }: TTimes & { lines: TMatchedLine[]; total: number }) {
  if (total === 0) return <p className={`${PRE} text-slate-400`}>No line matches.</p>;
  return (
    <pre data-testid="step-log-matches" className={PRE}>
      {lines.map((line) => (
        <div key={line.number} className="flex">
          <span className="mr-3 inline-block w-10 shrink-0 select-none text-right text-slate-500">{line.number}</span>
          {origin === undefined ? null : <LogTime at={line.at} origin={origin} />}
          <span className="min-w-0 flex-1">
            <Marked line={line} />
          </span>
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
