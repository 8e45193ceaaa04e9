// What `npm run bench` measures and how often: repetitions, sizes, limits, names, and the
// BENCH_QUICK / BENCH_ONLY / BENCH_TEMPORAL_MEMORY switches.
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/venv';

const flag = (value: string | undefined) => ['1', 'true', 'yes'].includes((value ?? '').toLowerCase());

export const QUICK = flag(process.env.BENCH_QUICK);
export const REPS = QUICK ? 2 : 5; // no-op chains, per size
export const LATENCY_REPS = QUICK ? 5 : 15; // 3-step start → done
/** the three target ratios are measured this often; their medians are the verdicts (BENCH_ROUNDS) */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
export const PY_REPS = QUICK ? 1 : 3; // python chains, per size
export const SIZES = [1, 10, 50];
export const CONCURRENT = 100;
export const CONCURRENT_STEPS = 10;
export const FAN_OUT = 1_000;
export const BIG_CHAIN = 2_000;
export const BIG_CHAIN_LIMIT_MS = 120_000;
export const FAN_OUT_LIMIT_MS = 60_000;
/** The whole bench; a stuck one must still end (and clean up). */
export const WATCHDOG_MS = 20 * 60_000;

export const NAMESPACE = 'weft-bench';
export const HAND_QUEUE = 'bench-hand';
/** activities only: the hand-written chain's variant whose activities, like Weft's steps, live on another queue */
export const HAND_ACTIVITY_QUEUE = 'bench-hand-activities';
/** BENCH_ONLY=chains,latency,concurrent,python,foreach,fanout,big,pools,lag,artifacts,tracking,ml,editor: run only those measurements (compile always runs). */
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
export const wanted = (what: string) => ONLY.size === 0 || ONLY.has(what);
/** added to the bench's own PostgreSQL and Temporal ports (5477, 7277), so that benches of several work trees can run at once */
export const PORT_OFFSET = Number(process.env.BENCH_PORT_OFFSET || 0);
export const TEMPORAL_IN_MEMORY = flag(process.env.BENCH_TEMPORAL_MEMORY);
export const benchDir = path.join(repoRoot, '.weft', 'bench');
