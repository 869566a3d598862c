/**
 * Compiles the Node process's entry (server/index.ts) to build/start.js, next
 * to the SvelteKit build, so that the server runs on plain `node` (`npm start`).
 * Running it through tsx (`node --import tsx server/index.ts`) works too, but
 * tsx's loader then transforms every module of the build at start and keeps
 * a thread and its caches for it: ~140 MiB of the idle server's memory
 * (bench/README.md, "Where the time and memory go"). build/start.js sits at
 * the same depth as server/index.ts, so its one relative import
 * (src/lib/server/http/security-headers.js, plain JavaScript) resolves alike.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { build } from 'vite';

const out = join(process.env.BUILD_DIR ?? 'build', 'start.js');
const { outputText, diagnostics } = ts.transpileModule(readFileSync('server/index.ts', 'utf8'), {
	fileName: 'server/index.ts',
	reportDiagnostics: true,
	compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false }
});
if (diagnostics?.length) {
	console.error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }));
	process.exit(1);
}
writeFileSync(out, `// compiled from server/index.ts by scripts/build-server.mjs (npm run build): do not edit\n${outputText}`);
console.log(`server entry compiled to ${out}`);

// The minutes reader thread's entry (src/lib/server/domain/collab/minutes-reader-thread.ts)
// is not reachable from SvelteKit's build: bundled here on its own, with Lexical inside as in
// the app's server build (vite.config.ts, ssr.noExternal) and the other packages from node_modules.
const workers = join(process.env.BUILD_DIR ?? 'build', 'workers');
await build({
	configFile: false,
	logLevel: 'warn',
	resolve: { alias: { $lib: resolve('src/lib') } },
	ssr: { noExternal: ['lexical', /^@lexical\//] },
	build: {
		ssr: 'src/lib/server/domain/collab/minutes-reader.worker.ts',
		outDir: workers,
		emptyOutDir: true,
		target: 'node20',
		rollupOptions: { output: { entryFileNames: 'minutes-reader.js', format: 'es' } }
	}
});
console.log(`minutes reader thread compiled to ${join(workers, 'minutes-reader.js')}`);
