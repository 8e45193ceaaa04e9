import { AppError } from '../../../errors';

export const MAX_ARTIFACT_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;

/**
 * Whose files a proxy path is about: MLflow's artifact roots under `mlflow-artifacts:/` are
 * `<experiment>/<run>/artifacts` (runs/create) and `<experiment>/models/<model>/artifacts`
 * (logged-models); `file` is the path below that root ('' for the root itself).
 */
export type TArtifactTarget = { experimentId: number; owner: { kind: 'run'; runUuid: string } | { kind: 'model'; modelId: string }; file: string };

/**
 * A client's artifact path, checked before it names anything: relative, no `.` or `..` segment,
 * no empty segment, no NUL or backslash, length-limited. `field` is what the error names.
 */
export function checkArtifactPath(raw: string, field: string): string {
  const path = raw.replace(/\/+$/, '');
  const refuse = (why: string) => {
    throw new AppError('BAD_REQUEST', `${field}: ${why}`);
  };
  if (path.length > MAX_ARTIFACT_PATH_LENGTH) refuse(`longer than ${MAX_ARTIFACT_PATH_LENGTH} characters`);
  if (path.startsWith('/')) refuse('must be relative, not absolute');
  if (/[\0\\]/.test(path)) refuse('must not contain NUL or backslash');
  if (path === '') return path;
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') refuse(`must not contain "${segment || '//'}" as a path segment`);
    if (segment.length > MAX_SEGMENT_LENGTH) refuse(`a path segment is longer than ${MAX_SEGMENT_LENGTH} characters`);
  }
  return path;
}

/** The run or logged model a (checked) proxy path belongs to; anything else is not Weft's to serve. */
export function artifactTarget(path: string, field: string): TArtifactTarget {
  const run = /^(\d{1,18})\/([0-9a-f]{32})\/artifacts(?:\/(.*))?$/.exec(path);
  if (run) return { experimentId: Number(run[1]), owner: { kind: 'run', runUuid: run[2]! }, file: run[3] ?? '' };
  const model = /^(\d{1,18})\/models\/(m-[0-9a-f]{32})\/artifacts(?:\/(.*))?$/.exec(path);
  if (model) return { experimentId: Number(model[1]), owner: { kind: 'model', modelId: model[2]! }, file: model[3] ?? '' };
  throw new AppError('BAD_REQUEST', `${field}: not under a run's or a logged model's artifact root (<experiment>/<run>/artifacts or <experiment>/models/<model>/artifacts)`);
}
