/** The raw node-postgres pool for hand-written analytical SQL and COPY. */
export const PG_POOL = Symbol('PG_POOL');
