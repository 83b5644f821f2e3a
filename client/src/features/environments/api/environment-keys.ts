/** Query keys for environments. Every environment mutation invalidates `all`. */
export const environmentKeys = {
  all: ['environments'] as const,
  list: () => [...environmentKeys.all, 'list'] as const,
};
