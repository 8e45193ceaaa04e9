import { safeNextPath } from '@/components/auth/next-path';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata = { title: 'Sign in · Weft' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">Sign in to Weft</h1>
          <p className="text-sm text-slate-500">Build, run and approve ML pipelines.</p>
        </div>
        <SignInForm next={safeNextPath(next)} />
      </div>
    </main>
  );
}
