import { createArtifactStore, type ArtifactStore } from '../../workflows/artifacts/store';

let store: ArtifactStore | undefined;

/** The web process's artifact store: one per process, made on first use (the local store remembers which files it has hash-checked). */
export const webArtifactStore = (): ArtifactStore => (store ??= createArtifactStore());
