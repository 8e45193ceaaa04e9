import { serializePipelineFile, type TPipelineFile, type TPipelineFileFormat } from '@/workflows/dsl/pipeline-file';

/** Saves the pipeline's file in the browser (no round trip: the page already holds the spec). */
export function downloadPipeline(file: TPipelineFile, format: TPipelineFileFormat): void {
  const text = serializePipelineFile(file, format);
  const url = URL.createObjectURL(new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${file.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'pipeline'}.${format === 'json' ? 'json' : 'yaml'}`;
  link.click();
  URL.revokeObjectURL(url);
}
