import { chmodSync, existsSync, statSync } from 'node:fs';

const TUN = '/dev/net/tun';

/**
 * slirp4netns runs as the step's own uid and opens /dev/net/tun inside the step's namespaces: a
 * device left root-only (some containers make it 0600) leaves steps without a network. Debian's
 * udev rule makes it 0666, which is safe: a tun device can only be made in a network namespace
 * its maker administers. A root process (`npm run dev`, `npm test`, any pool worker, started
 * with them or alone) restores that mode, said once; elsewhere the worker's sandbox probe says why.
 */
export function openTunDevice(): void {
  if (process.getuid?.() !== 0 || !existsSync(TUN)) return;
  try {
    if ((statSync(TUN).mode & 0o666) === 0o666) return;
    chmodSync(TUN, 0o666);
    console.log(`[weft] ${TUN} made 0666 (as Debian's udev rule has it): steps' slirp4netns runs as their own uid`);
  } catch (error) {
    console.warn(`[weft] ${TUN} is root-only and could not be opened up (${(error as Error).message}): steps get no network`);
  }
}
