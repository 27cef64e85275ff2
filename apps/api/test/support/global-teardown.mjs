export default async function globalTeardown() {
  const server = globalThis.__caseloadTestPostgres;
  if (server) await server.stop();
}
