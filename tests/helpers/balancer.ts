/**
 * A plain TCP load balancer in front of several test servers, as a real one
 * with fail-over does it: each new connection goes to the first backend that
 * accepts it. While the first instance lives every client lands there; once it
 * is killed, reconnecting clients land on the next. Nothing of the protocol
 * is looked at (websockets pass through untouched).
 */
import { connect, createServer, type Socket } from 'node:net';

export interface Balancer {
	url: string;
	close(): Promise<void>;
}

export async function balancer(backendPorts: number[]): Promise<Balancer> {
	const open = new Set<Socket>();
	const track = (s: Socket) => {
		open.add(s);
		s.once('close', () => open.delete(s));
	};

	const server = createServer((client) => {
		track(client);
		client.pause();
		const tryBackend = (i: number) => {
			if (i >= backendPorts.length || client.destroyed) return client.destroy();
			const upstream = connect(backendPorts[i], '127.0.0.1');
			let connected = false;
			upstream.once('error', () => {
				// refused: that instance is gone, the next one takes the connection
				if (!connected) tryBackend(i + 1);
			});
			upstream.once('connect', () => {
				connected = true;
				track(upstream);
				upstream.on('error', () => client.destroy());
				client.on('error', () => upstream.destroy());
				upstream.once('close', () => client.destroy());
				client.once('close', () => upstream.destroy());
				client.pipe(upstream);
				upstream.pipe(client);
				client.resume();
			});
		};
		tryBackend(0);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		async close() {
			for (const s of open) s.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
