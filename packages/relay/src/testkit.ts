// Test support shared with apps/server's scale-out tests (`@trame/relay/testkit`): one probe of
// PostgreSQL and Redis, one naming scheme for per-run schemas and key prefixes.
export {
  DATABASE_URL,
  REDIS_URL,
  uniqueTestName,
  scaleoutServicesAvailable,
  dropTestSchema,
} from './testing/scaleoutServices.js';
