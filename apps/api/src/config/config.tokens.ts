export const APP_CONFIG = Symbol('APP_CONFIG');
export const SERVER_SECRET = Symbol('SERVER_SECRET');
