// Lets this thread load TypeScript: the module hooks of bin/ts-hooks.js for ES modules, and a
// CommonJS handler for .ts and .cts files that are required. Registered only when TypeScript is
// to be loaded (a claim file, or sources in a stale checkout): everything else loads from dist/
// at full speed. Worker threads do not inherit hooks, so each thread calls this itself.
import { readFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { relative } from 'node:path';

let registered = false;

/** `sources`: also resolve this package's own imports to src/ (the 'claimcheck-source' condition). */
export function registerTypeScript({ sources = false } = {}) {
  if (registered) return;
  registered = true;
  register('./ts-hooks.js', { parentURL: import.meta.url, data: { sources } });
  // Stack traces of transpiled code point at the TypeScript lines (esbuild writes inline maps).
  process.setSourceMapsEnabled(true);
  const compile = (module, filename) => {
    // Loaded on first use: a CommonJS claim file is the rare case.
    const { transformSync } = Module.createRequire(import.meta.url)('esbuild');
    let code;
    try {
      code = transformSync(readFileSync(filename, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        sourcefile: filename,
        sourcemap: 'inline',
        target: 'node20',
      }).code;
    } catch (e) {
      const first = e?.errors?.[0];
      if (!first) throw e;
      throw new SyntaxError(
        `${relative(process.cwd(), filename)}:${first.location?.line ?? 0}:${(first.location?.column ?? 0) + 1}: ${first.text}`,
      );
    }
    module._compile(code, filename);
  };
  Module._extensions['.ts'] = compile;
  Module._extensions['.cts'] = compile;
}
