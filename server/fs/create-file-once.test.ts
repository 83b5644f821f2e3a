import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileOnce } from './create-file-once.ts';

let folder: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'create-once-'));
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('createFileOnce', () => {
  it('creates the file with mode 0600', () => {
    const file = path.join(folder, 'secret.key');

    createFileOnce(file, 'first');

    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps an existing file unchanged', () => {
    const file = path.join(folder, 'secret.key');
    createFileOnce(file, 'first');

    createFileOnce(file, 'second');

    expect(fs.readFileSync(file, 'utf8')).toBe('first');
  });

  it('leaves no temporary file behind', () => {
    createFileOnce(path.join(folder, 'sandbox.seed'), 'seed');
    createFileOnce(path.join(folder, 'sandbox.seed'), 'other');

    expect(fs.readdirSync(folder)).toEqual(['sandbox.seed']);
  });
});
