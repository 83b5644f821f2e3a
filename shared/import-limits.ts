/** Largest import request accepted, in bytes. X's official collections are about 0.9 MB and 1.5 MB. Plain constant, no zod: the browser bundle imports it. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
