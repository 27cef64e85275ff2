export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function startEmbeddedPostgres(dataDir: string, options?: { persistent?: boolean }): Promise<EmbeddedServer>;
