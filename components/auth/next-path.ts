/**
 * Where to go after signing in: a path of this site (e.g. back to an invitation), never another
 * origin ("//evil.example", "/\\evil.example" and absolute URLs fall back to the home page).
 */
export function safeNextPath(next: string | string[] | undefined): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])/.test(next) || next.length > 500) return '/';
  return next;
}
