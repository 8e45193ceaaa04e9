import { createArtifactStore, type ArtifactStore } from '../../workflows/artifacts/store';

let store: ArtifactStore | undefined;

/** One artifact store per web process, made on first use (the local store remembers which files it has hash-checked). */
export const processArtifactStore = (): ArtifactStore => (store ??= createArtifactStore());
