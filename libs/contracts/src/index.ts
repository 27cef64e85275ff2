export * from './aggregate.js';
export * from './imports.js';
export * from './auth.js';
export * from './admin.js';
export * from './reimbursement.js';
export * from './capacity.js';
export * from './reports.js';
