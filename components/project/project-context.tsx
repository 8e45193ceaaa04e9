'use client';

import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { errorMessage, isUnauthorized } from '@/components/providers/trpc-errors';
import { capabilities, type TRole } from './roles';

type TProject = { id: string; name: string; slug: string; role: TRole };
type TUser = { id: string; name: string; email: string };

type TProjectContext = {
  user: TUser;
  projects: TProject[];
  project: TProject;
  selectProject: (projectId: string) => void;
} & ReturnType<typeof capabilities>;

const ProjectContext = createContext<TProjectContext | null>(null);

const STORAGE_KEY = 'weft.projectId';
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const readStored = () => window.localStorage.getItem(STORAGE_KEY);

/** Makes `projectId` the current project (kept in this browser), e.g. right after joining it. */
export function storeProjectChoice(projectId: string): void {
  window.localStorage.setItem(STORAGE_KEY, projectId);
  listeners.forEach((l) => l());
}

/** Loads the signed-in user and their projects; the current project is the stored choice or the first. */
export function ProjectProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions(undefined, { staleTime: 60_000 }));
  const storedId = useSyncExternalStore(subscribe, readStored, () => null);

  const selectProject = useCallback(storeProjectChoice, []);

  const value = useMemo<TProjectContext | null>(() => {
    if (!me.data) return null;
    const { user, projects } = me.data;
    const project = projects.find((p) => p.id === storedId) ?? projects[0];
    if (!project) return null;
    return { user, projects, project, selectProject, ...capabilities(project.role) };
  }, [me.data, storedId, selectProject]);

  if (me.isPending) return <p className="p-8 text-sm text-slate-500">Loading…</p>;
  if (me.isError && isUnauthorized(me.error)) return <p className="p-8 text-sm text-slate-500">Redirecting to sign in…</p>;
  if (me.isError) return <p className="p-8 text-sm text-red-700">Could not load your account: {errorMessage(me.error)}</p>;
  if (!value) return <p className="p-8 text-sm text-slate-600">You are not a member of any project yet. Ask an admin to add you.</p>;
  return <ProjectContext.Provider value={value}>{children}</ProjectContext.Provider>;
}

export function useProject(): TProjectContext {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject() must be used inside <ProjectProvider>');
  return value;
}
