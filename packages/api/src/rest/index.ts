export { handleRestRequest, REST_PREFIX, type RestHandlerOptions } from "./handler.ts";
export { buildOpenApiDocument } from "./openapi.ts";
export { type RestMethod, type RestOperation, restOperations } from "./operations.ts";
