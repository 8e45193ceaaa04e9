'use client';

import type { TPipelineNode } from '@/workflows/dsl';
import { configFieldsOf } from './config-form';
import { CONFIG_WIDGETS } from './config-widgets';

type TProps = { node: TPipelineNode; onConfig: (config: Record<string, unknown>) => void; readOnly?: boolean };

/**
 * The config form of a node, rendered from its kind's config schema (workflows/dsl/executor-configs.ts):
 * each field with the widget, label and hint registered on it.
 */
export function ConfigFields({ node, onConfig, readOnly = false }: TProps) {
  const fields = configFieldsOf(node.kind);
  if (!fields) return <p className="text-sm text-red-700">Unknown node kind “{node.kind}”: delete this node.</p>;
  return fields.map((field) => {
    const Widget = CONFIG_WIDGETS[field.widget];
    // (an absent value shows what it means: the schema's default)
    return <Widget key={field.key} field={field} value={node.config[field.key] ?? field.defaultValue} onChange={(value) => onConfig({ ...node.config, [field.key]: value })} config={node.config} readOnly={readOnly} />;
  });
}
