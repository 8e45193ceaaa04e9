import { ZPoolLabelSchema } from '@/workflows/dsl';

export type TLabelsParse = { ok: true; labels: Record<string, string> } | { ok: false; error: string };

/**
 * "gpu=a100, mem=80g" → { gpu: 'a100', mem: '80g' }. Each label is checked with the DSL's own
 * schema so the form names the bad label before the server answers with a field path.
 */
export function parseLabels(text: string): TLabelsParse {
  const labels: Record<string, string> = {};
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const part of parts) {
    const label = part.replace(/\s*=\s*/, '=');
    if (!ZPoolLabelSchema.safeParse(label).success) {
      return { ok: false, error: `"${part}" is not a label: write key=value (letters, digits, "_", "." or "-")` };
    }
    const [key, value] = label.split('=') as [string, string];
    if (Object.hasOwn(labels, key)) return { ok: false, error: `The label key "${key}" appears twice` };
    labels[key] = value;
  }
  return { ok: true, labels };
}

/** The inverse of parseLabels, for the edit form and the card. */
export const formatLabels = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
