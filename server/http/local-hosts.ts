import os from 'node:os';

/**
 * Names under which a local instance (no BETTER_AUTH_URL) is opened: people type 127.0.0.1 or the
 * machine's name as often as localhost. Next's dev server and the trusted origins both need them.
 */
export const localHostnames = (): string[] => ['localhost', '127.0.0.1', os.hostname()];
