/**
 * Backend selection: the one place that calls `tf.setBackend`.
 *
 * Preference (auto): tensorflow (native, via the optional `@tensorflow/tfjs-node`) > wasm > cpu.
 * Measured: wasm matmul ~20-29 GFLOP/s, cpu ~0.9; every op costs ~10 us on either, so small
 * networks are overhead-bound and the choice matters mostly for wide layers and large pools.
 * All three are float32; verdicts that need float64 use `src/core/linalg` and `src/core/models/*64`.
 */
import * as tf from '@tensorflow/tfjs-core';
// Side-effect imports register the two pure-JS backends with the engine.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { registerGradients } from './tf/gradients.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

const TFJS_NODE = '@tensorflow/tfjs-node';

let current: BackendName | undefined;
/** Cached outcome of trying to load tfjs-node: it is tried at most once per process. */
let nativeLoad: Promise<boolean> | undefined;

/**
 * Loads tfjs-node if it is installed; it registers the 'tensorflow' backend on the shared engine
 * (tfjs-core keeps its engine on the global object, so a second copy of tfjs-core inside
 * tfjs-node still registers here). Absent or broken installs resolve to false.
 */
function loadNative(): Promise<boolean> {
  nativeLoad ??= (async () => {
    try {
      // A variable specifier keeps TypeScript and the bundler from resolving the optional module.
      const specifier = TFJS_NODE;
      await import(/* @vite-ignore */ specifier);
      registerGradients(); // tfjs-node brings upstream gradients; keep ours (see tf/gradients.ts)
      return tf.findBackendFactory('tensorflow') != null;
    } catch {
      return false;
    }
  })();
  return nativeLoad;
}

/** The cpu backend prints a "use tfjs-node" banner on first use in Node; it is only noise here. */
function silenceCpuBanner(): void {
  const cpu = tf.findBackend('cpu') as { firstUse?: boolean } | null;
  if (cpu && 'firstUse' in cpu) cpu.firstUse = false;
}

async function activate(name: BackendName): Promise<boolean> {
  if (current === name && tf.getBackend() === name) return true;
  const ok = await tf.setBackend(name);
  if (!ok) return false;
  await tf.ready();
  if (name === 'cpu') silenceCpuBanner();
  current = name;
  return true;
}

/**
 * Initialises (or switches) the numeric backend and returns the one in use.
 * 'auto' keeps an already initialised backend, so repeated calls are cheap.
 */
export async function initBackend(preferred: BackendName | 'auto' = 'auto'): Promise<BackendName> {
  if (preferred === 'auto') {
    if (current !== undefined && tf.getBackend() === current) return current;
    // Missing tfjs-node is the normal case (it needs a native download): fall through silently.
    if ((await loadNative()) && (await activate('tensorflow'))) return 'tensorflow';
    if (await activate('wasm')) return 'wasm';
    if (await activate('cpu')) return 'cpu';
    throw new Error('initBackend: no TF.js backend could be initialised (tried tensorflow, wasm, cpu)');
  }
  if (!BACKEND_NAMES.includes(preferred)) {
    throw new RangeError(`initBackend: unknown backend "${String(preferred)}"; choose one of: auto, ${BACKEND_NAMES.join(', ')}`);
  }
  if (preferred === 'tensorflow' && !(await loadNative())) {
    throw new Error(
      `initBackend: backend "tensorflow" was requested but ${TFJS_NODE} is not installed (or failed to load). ` +
        `Run \`npm install ${TFJS_NODE}\` (it downloads a native binary), or use --backend wasm.`,
    );
  }
  if (!(await activate(preferred))) {
    throw new Error(`initBackend: backend "${preferred}" failed to initialise; try --backend cpu`);
  }
  return preferred;
}

/** The backend chosen by `initBackend`; throws if none was initialised yet. */
export function currentBackend(): BackendName {
  if (current === undefined) {
    throw new Error('currentBackend: no backend initialised; call `await initBackend()` first');
  }
  return current;
}
