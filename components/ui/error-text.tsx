import { errorMessage } from '@/components/providers/trpc-errors';

/** An inline error under a form or a list; renders nothing without an error. */
export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {typeof error === 'string' ? error : errorMessage(error)}
    </p>
  );
}
