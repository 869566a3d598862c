import adapter from '@sveltejs/adapter-node';
import { PAGE_CSP_DIRECTIVES } from './src/lib/server/http/security-headers.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// BUILD_DIR / SVELTEKIT_OUT_DIR let parallel builds (e.g. two worktrees' test runs) not collide.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		outDir: process.env.SVELTEKIT_OUT_DIR ?? '.svelte-kit',
		csrf: { trustedOrigins: [] },
		// A nonce per page response for SvelteKit's inline script ('auto': hashes if a page is ever prerendered)
		csp: { mode: 'auto', directives: PAGE_CSP_DIRECTIVES }
	}
};

export default config;
