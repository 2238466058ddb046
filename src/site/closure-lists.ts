/** The two closure lists an entry has, their URL slugs and page size. */
export const CLOSURE_PAGE_SIZE = 100;
export const CLOSURE_LISTS = {
  'depends-on': { direction: 'up', title: 'Depends on' },
  impacts: { direction: 'down', title: 'Impacts' },
} as const;
export type ClosureList = keyof typeof CLOSURE_LISTS;
