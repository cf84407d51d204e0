import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";

/** Zod validates every request and response; the OpenAPI 3.1 document is generated from the same schemas. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tongban 通办 API",
        description:
          "一网通办 integrated government services: catalog, working-day calendar, identifiers and more. " +
          "Errors are application/problem+json with a stable `code` and a Chinese `title`.",
        version,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tb_session" },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: ["/api/docs", "/api/docs/*", "/api/openapi.json"] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
