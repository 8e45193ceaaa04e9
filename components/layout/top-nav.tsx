'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { authClient } from '@/components/auth/auth-client';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { useIsPlatformAdmin } from '@/hooks/use-is-platform-admin';
import { ThemeSelect } from '@/components/theme/theme-select';
import { ProjectSelect } from './project-select';

const LINKS = [
  { href: '/', label: 'Pipelines', active: (path: string) => path === '/' || (path.startsWith('/pipelines') && !/^\/pipelines\/[^/]+\/experiment/.test(path)) },
  { href: '/runs', label: 'Runs', active: (path: string) => path.startsWith('/runs') },
  { href: '/experiments', label: 'Experiments', active: (path: string) => path.startsWith('/experiments') || /^\/pipelines\/[^/]+\/experiment/.test(path) },
  { href: '/models', label: 'Models', active: (path: string) => path.startsWith('/models') || path.startsWith('/lineage') },
  { href: '/approvals', label: 'Approvals', active: (path: string) => path.startsWith('/approvals') },
  { href: '/schedules', label: 'Schedules', active: (path: string) => path.startsWith('/schedules') },
  { href: '/members', label: 'Members', active: (path: string) => path.startsWith('/members') },
  { href: '/settings/secrets', label: 'Secrets', active: (path: string) => path.startsWith('/settings/secrets') },
  { href: '/settings/tokens', label: 'API tokens', active: (path: string) => path.startsWith('/settings/tokens') },
  // only platform admins may call the pools, projects and users procedures; the pages say so to anyone else
  { href: '/pools', label: 'Pools', active: (path: string) => path.startsWith('/pools'), platformAdmin: true },
  { href: '/admin', label: 'Admin', active: (path: string) => path.startsWith('/admin'), platformAdmin: true },
];

export function TopNav() {
  const path = usePathname();
  const { user, project } = useProject();
  const trpc = useTRPC();
  const isPlatformAdmin = useIsPlatformAdmin();
  const decidable = useQuery(trpc.approvals.decidableCount.queryOptions({ projectId: project.id }, { refetchInterval: 10_000 }));
  // only what this user may decide counts (not their own requests, not below the approver role)
  const pendingCount = decidable.data ?? 0;

  async function signOut() {
    await authClient.signOut();
    // A full load drops every cached answer of this user.
    window.location.assign('/sign-in');
  }

  return (
    <header className="flex h-12 shrink-0 items-center gap-4 overflow-x-auto border-b border-slate-200 bg-white px-4">
      <Link href="/" className="font-semibold tracking-tight text-indigo-700">
        Weft
      </Link>
      <ProjectSelect />
      <nav className="flex items-center gap-1">
        {LINKS.filter((link) => !link.platformAdmin || isPlatformAdmin).map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className={`flex items-center gap-1.5 whitespace-nowrap rounded-md px-3 py-1.5 text-sm ${link.active(path) ? 'bg-slate-100 font-medium text-slate-900' : 'text-slate-600 hover:text-slate-900'}`}
          >
            {link.label}
            {link.href === '/approvals' && pendingCount > 0 ? (
              <span data-testid="approvals-pending-count" className="rounded-full bg-violet-600 px-1.5 text-xs font-semibold text-white">
                {pendingCount}
              </span>
            ) : null}
          </Link>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3 whitespace-nowrap text-sm">
        <ThemeSelect />
        <Link href="/account" className="text-slate-600 hover:text-slate-900 hover:underline" data-testid="user-email" title="Your account">
          {user.email}
        </Link>
        <Button variant="ghost" onClick={signOut}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
