import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi";
import { WEBHOOK_EVENTS } from "./events";

describe("OpenAPI document: webhooks", () => {
  const doc = openApiDocument("https://app.example") as unknown as {
    paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    webhooks: Record<string, { post: { requestBody: { content: { "application/json": { schema: { properties: Record<string, { properties?: Record<string, unknown> }> } } } } } }>;
  };
  it("describes the management endpoints", () => {
    expect(Object.keys(doc.paths["/api/v1/webhooks"])).toEqual(["post", "get"]);
    expect(doc.paths["/api/v1/webhooks"].post.responses["201"]).toBeTruthy();
    expect(Object.keys(doc.paths["/api/v1/webhooks/{id}"])).toEqual(["delete"]);
  });
  it("describes every event's payload in the top-level webhooks section", () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    const created = doc.webhooks["insight.created"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(created.properties)).toEqual(["type", "timestamp", "data"]);
    expect(created.properties.data.properties?.author).toBeTruthy();
  });
});
