import { parentPort, workerData } from 'node:worker_threads';
import { profileByName } from '../claims/profiles.js';
import { runClaim } from '../claims/runClaim.js';
import { DirectoryStore } from '../claims/store.js';
import { initBackend } from '../core/backend.js';
import { withLeakCheck } from '../core/tf/leakCheck.js';
import { loadCheckables } from './loadCheckables.js';
import type { ClaimSource, RunRequest, WorkerMessage } from './workerProtocol.js';

/** A claim worker: loads the claims once, then runs one claim per request. */
const port = parentPort;
if (!port) throw new Error('workerMain must run in a worker thread');
const { source, backend: choice } = workerData as { source: ClaimSource; backend: RunRequest['backend'] };
const post = (m: WorkerMessage) => port.postMessage(m);

const checkables = await loadCheckables(source.kind === 'file' ? source.file : undefined, { boundMutants: source.boundMutants });
const backend = await initBackend(choice);
post({ type: 'ready', backend });

port.on('message', async (req: RunRequest) => {
  const c = checkables.find((x) => x.id === req.id);
  if (!c) return post({ type: 'error', id: req.id, message: `worker has no claim ${req.id}` });
  try {
    const { result, leaked } = await withLeakCheck(() =>
      runClaim(c, {
        profile: profileByName(req.profile),
        seed: req.seed,
        backend,
        store: new DirectoryStore(req.fixtures),
        usePinned: req.usePinned,
        deadline: req.deadline,
        onProgress: (event) => post({ type: 'progress', event }),
      }),
    );
    post({ type: 'done', run: { ...result, leakedTensors: leaked } });
  } catch (e) {
    post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
});
