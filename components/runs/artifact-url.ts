/** The artifact file route (app/api/tracking-artifacts): a download, or `inline` for an <img> or a sandboxed report frame. */
export function artifactUrl(projectId: string, runUuid: string, path: string, inline = false): string {
  const query = new URLSearchParams({ project: projectId, run: runUuid, path, ...(inline ? { inline: '1' } : {}) });
  return `/api/tracking-artifacts?${query.toString()}`;
}
