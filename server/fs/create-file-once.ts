import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates `file` with `content` (mode 0600) unless it exists, atomically: the content is written
 * and flushed to a temporary file first, then linked into place. A crash at any moment leaves
 * either no file or the whole file, never an empty one, and a concurrent creator keeps its own.
 */
export function createFileOnce(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const descriptor = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeSync(descriptor, content);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }

  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  } finally {
    fs.unlinkSync(temporary);
  }
}
