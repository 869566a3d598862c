/**
 * The security headers of every response, in one place. Plain JavaScript with
 * no imports and no state: svelte.config.js (the page policy, `kit.csp`),
 * src/hooks.server.ts (every SvelteKit response) and server/index.ts (what the
 * Node process answers outside SvelteKit: static files, fallbacks) read it.
 * Why each source is allowed: docs/decisions.md, "Content-Security-Policy".
 */

/**
 * The Content-Security-Policy of every page. SvelteKit sends it as a header
 * (so frame-ancestors counts) and adds a fresh nonce per response to
 * script-src for its own inline start-up script.
 * @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>}
 */
export const PAGE_CSP_DIRECTIVES = {
	'default-src': ['self'],
	// our bundles only: no inline script (but SvelteKit's, by nonce), no eval
	'script-src': ['self'],
	// our stylesheets only: an injected <style> element does not apply
	'style-src': ['self'],
	// style attributes: SvelteKit's route announcer and Svelte's server-rendered style: directives need them
	'style-src-attr': ['unsafe-inline'],
	// the favicon is inlined by Vite as a data: URI
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	// fetch, and the websockets of the editors (/collab) and the live room (/socket.io) on this origin
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** Responses that are not pages (API, downloads, redirects, static files): they load nothing and are framed by nobody. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Set on every response that does not bring its own value (pages bring their
 * Content-Security-Policy from SvelteKit, the HTML export its own).
 * @type {Readonly<Record<string, string>>}
 */
export const SECURITY_HEADERS = {
	'content-security-policy': NON_PAGE_CSP,
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY'
};
