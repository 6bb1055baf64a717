import type { ClaimRun, ProgressEvent } from '../claims/runClaim.js';
import type { BackendChoice } from './args.js';

/** Where a worker loads its claims from: functions cannot cross a thread, ids and paths can. */
export type ClaimSource = ({ readonly kind: 'builtin' } | { readonly kind: 'file'; readonly file: string }) & {
  /** Load bound mutants too, as the main thread did. */
  readonly boundMutants?: boolean;
};

export interface RunRequest {
  readonly type: 'run';
  readonly id: string;
  readonly profile: string;
  readonly seed: number;
  readonly backend: BackendChoice;
  readonly fixtures: string;
  readonly usePinned: boolean;
  readonly deadline?: number;
}

export type WorkerMessage =
  | { readonly type: 'ready'; readonly backend: string }
  | { readonly type: 'progress'; readonly event: ProgressEvent }
  | { readonly type: 'done'; readonly run: ClaimRun & { readonly leakedTensors?: number } }
  | { readonly type: 'error'; readonly id: string; readonly message: string };
