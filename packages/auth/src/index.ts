export {
  endAllSessions,
  generateOneTimePassword,
  isAccountDisabled,
  setAccountDisabled,
  setOneTimePassword,
  verifyAccountPassword,
} from "./account-admin.ts";
export {
  API_KEY_PREFIX,
  type ApiKeySummary,
  createApiKey,
  generateApiKey,
  hashApiKey,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
} from "./api-keys.ts";
export { type Auth, createAuth } from "./auth.ts";
export { checkOrigin, checkWriteRequest } from "./csrf.ts";
export { type AuthSettings, loadAuthSettings, type RateLimitSettings } from "./env.ts";
export { promoteIfFirstAccount } from "./first-admin.ts";
export { clientAddress, createAuthRequestHandler } from "./handler.ts";
export { consumeRateLimit, pruneRateLimits, type RateLimitDecision } from "./rate-limit.ts";
export { resolveRequestUser } from "./request-user.ts";
export { type Caller, canCurate, isUserRole, type UserRole, userRoles } from "./roles.ts";
export { type AuthServices, createAuthServices } from "./services.ts";
export {
  assignUsername,
  changeUsername,
  isValidUsername,
  USERNAME_PATTERN,
  type UsernameChange,
  usernameFromName,
} from "./username.ts";
