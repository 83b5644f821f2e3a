import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileOnce } from '../fs/create-file-once.ts';

/**
 * Encrypts secret values at rest with AES-256-GCM. Each sealed value is iv (12 bytes) + tag
 * (16 bytes) + ciphertext. The associated data binds a value to its row, so a sealed value copied
 * into another environment or variable fails to open.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) {
      throw new Error(`SecretBox needs a 32-byte key; got ${key.length} bytes`);
    }
  }

  seal(plaintext: string, associatedData: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);

    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  open(sealed: Buffer, associatedData: string): string {
    const iv = sealed.subarray(0, 12);
    const tag = sealed.subarray(12, 28);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);

    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/**
 * Returns the key from `secret.key` in the data folder, creating it (mode 0600) with 32 random
 * bytes on first use. A key file with other permissions for group or others is rejected.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  createFileOnce(file, randomBytes(32).toString('hex'));

  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `The key file ${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${JSON.stringify(file)}`,
    );
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length !== 32) {
    throw new Error(`The key file ${file} must contain 64 hex digits; it contains ${key.length} bytes`);
  }

  return key;
}

/**
 * Returns a hint of a secret: "…" and at most its last 4 characters, fewer for short values so
 * that the hint never gives away most of the secret. Returns null when the value is too short.
 */
export function secretHint(value: string): string | null {
  const characters = Array.from(value);
  if (characters.length < 8) {
    return null;
  }
  const shownCount = characters.length >= 16 ? 4 : 2;

  return `…${characters.slice(-shownCount).join('')}`;
}
