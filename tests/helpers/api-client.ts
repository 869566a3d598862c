/** A minimal HTTP client with a cookie jar, one per simulated user. */
export class ApiClient {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
		const init: RequestInit = { method, headers: { ...headers }, redirect: 'manual' };
		if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
		if (body !== undefined) {
			(init.headers as Record<string, string>)['content-type'] ??= 'application/json';
			init.body = typeof body === 'string' ? body : JSON.stringify(body);
		}
		const res = await fetch(this.baseUrl + path, init);
		const setCookie = res.headers.getSetCookie();
		for (const c of setCookie) {
			const [pair] = c.split(';');
			const [name, value] = pair.split('=');
			if (name === 'samverkan_session') this.cookie = value && !/max-age=0|expires=thu, 01 jan 1970/i.test(c) ? `${name}=${value}` : '';
		}
		return res;
	}

	/** A form post as a browser without JavaScript makes it (a SvelteKit form action). */
	form = (path: string, data: Record<string, string>) =>
		this.request('POST', path, new URLSearchParams(data).toString(), { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: this.baseUrl });

	get = (path: string) => this.request('GET', path);
	post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
	patch = (path: string, body?: unknown) => this.request('PATCH', path, body ?? {});
	delete = (path: string) => this.request('DELETE', path);

	async json<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const res = await this.request(method, path, body);
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : null };
	}

	async login(email: string, password = 'demo1234'): Promise<this> {
		const res = await this.post('/api/v1/session', { email, password });
		if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
		return this;
	}

	get sessionCookie(): string {
		return this.cookie;
	}
}
