/** An alias, with the version it names where that is not obvious from the place it is shown. */
export function AliasBadge({ alias, version }: { alias: string; version?: number }) {
  return (
    <span className="inline-flex items-center rounded-full bg-violet-100 px-2 py-0.5 font-mono text-xs text-violet-800" data-testid={`alias-${alias}`}>
      @{alias}
      {version !== undefined ? <span className="ml-1 text-violet-500">v{version}</span> : null}
    </span>
  );
}
