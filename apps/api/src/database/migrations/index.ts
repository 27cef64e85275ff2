import { InitialSchema1795780000000 } from './1795780000000-initial-schema.js';
import { RollupMonth1795790000000 } from './1795790000000-rollup-month.js';

export const MIGRATIONS = [InitialSchema1795780000000, RollupMonth1795790000000];
