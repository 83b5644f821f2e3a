import type { ApiErrorBody } from '../../../shared/api.ts';

export type ApiErrorDetail = ApiErrorBody['error'];

/**
 * A failed call to the workbench server's /api. `detail` is the server's error body when it sent
 * one. It is null when the server was unreachable or responded without an ApiErrorBody.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: ApiErrorDetail | null;

  constructor(message: string, status: number, detail: ApiErrorDetail | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
  }

  get code(): string | null {
    return this.detail?.code ?? null;
  }

  get field(): string | null {
    return this.detail?.field ?? null;
  }
}

/** Reads an ApiErrorBody from a parsed response without zod, which the browser bundle leaves out. */
export function readApiErrorDetail(value: unknown): ApiErrorDetail | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) {
    return null;
  }
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) {
    return null;
  }
  const candidate = error as Partial<Record<keyof ApiErrorDetail, unknown>>;
  if (typeof candidate.code !== 'string' || typeof candidate.message !== 'string') {
    return null;
  }

  return error as ApiErrorDetail;
}
