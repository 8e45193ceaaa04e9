'use client';

import { useIsPlatformAdmin } from '@/hooks/use-is-platform-admin';
import { ProjectsSection } from './projects-section';
import { UsersTable } from './users-table';

/** The platform's projects and users, for platform admins (the server checks every call). */
export function AdminPage() {
  const isPlatformAdmin = useIsPlatformAdmin();
  if (!isPlatformAdmin) return <p className="p-8 text-sm text-slate-600">This page is for platform admins.</p>;
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <h1 className="text-lg font-semibold">Admin</h1>
      <ProjectsSection />
      <UsersTable />
    </main>
  );
}
