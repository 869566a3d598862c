import { z } from 'zod';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;

/** A password someone chooses (an invitation, a reset). */
export const NewPasswordInput = z.object({
	password: z
		.string()
		.max(1024)
		.refine((v) => v.length >= MIN_PASSWORD_LENGTH, { message: 'field.too_short', params: { min: MIN_PASSWORD_LENGTH } })
});

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | null = null;
/** Verifying against a throwaway hash keeps "no such user" as slow as "wrong password". */
export async function burnVerifyTime(password: string): Promise<void> {
	dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
	await verifyPassword(await dummyHash, password);
}
