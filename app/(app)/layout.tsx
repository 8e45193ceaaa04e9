import type { ReactNode } from 'react';
import { TopNav } from '@/components/layout/top-nav';
import { ProjectProvider } from '@/components/project/project-context';

/** Every signed-in page: the user's project, then the nav. me.get answering UNAUTHORIZED sends the browser to /sign-in. */
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <ProjectProvider>
      <div className="flex h-full flex-col">
        <TopNav />
        <div className="min-h-0 flex-1">{children}</div>
      </div>
    </ProjectProvider>
  );
}
