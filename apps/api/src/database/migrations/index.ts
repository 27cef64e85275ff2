import { InitialSchema1795780000000 } from './1795780000000-initial-schema.js';

export const MIGRATIONS = [InitialSchema1795780000000];
