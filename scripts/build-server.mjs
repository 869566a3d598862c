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
import { join } from 'node:path';
import ts from 'typescript';

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
