import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * A readable rendering of the OpenAPI document (lib/openapi.ts) for the people who connect a CRM
 * or BI tool: endpoints with their parameters, bodies and answers, the webhooks with every field
 * of their payloads, then the named schemas. A server component: the document never ships to the
 * browser as script.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Media = { content?: Record<string, { schema?: Schema }>; description?: string };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: Media;
  responses?: Record<string, Media>;
};
export type OpenApiDoc = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  /** OpenAPI 3.1: requests the app sends to registered endpoints, by event name. */
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;
const anchor = (name: string) => `schema-${name}`;

/** A schema's type in one line: `string (date-time)`, `Insight[]`, `"a" | "b"`, `… | null`. */
function TypeOf({ schema }: { schema?: Schema }) {
  if (!schema) return <>–</>;
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a className="text-blue-800 underline" href={`#${anchor(name)}`}>
        {name}
      </a>
    );
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    return (
      <>
        {alternatives.map((s, i) => (
          <Fragment key={i}>
            {i > 0 ? " | " : null}
            <TypeOf schema={s} />
          </Fragment>
        ))}
      </>
    );
  }
  if (schema.enum) return <>{schema.enum.map((v) => JSON.stringify(v)).join(" | ")}</>;
  if (schema.const !== undefined) return <>{JSON.stringify(schema.const)}</>;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes("array")) {
    return (
      <>
        <TypeOf schema={schema.items} />
        []{schema.maxItems !== undefined ? ` (≤ ${schema.maxItems})` : ""}
      </>
    );
  }
  if (types.includes("object") && !schema.properties && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return (
      <>
        {"{ [key]: "}
        <TypeOf schema={schema.additionalProperties} />
        {" }"}
      </>
    );
  }
  // zod marks every integer with the safe-integer range, which says nothing to a reader.
  const ranged = schema.minimum !== undefined && schema.maximum !== undefined && schema.maximum !== Number.MAX_SAFE_INTEGER;
  const limits = [
    schema.format,
    ranged ? `${schema.minimum}–${schema.maximum}` : null,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength}` : null,
  ].filter(Boolean);
  return (
    <>
      {types.join(" | ") || "any"}
      {limits.length ? ` (${limits.join(", ")})` : ""}
    </>
  );
}

async function Fields({ schema, doc }: { schema?: Schema; doc: OpenApiDoc }) {
  const t = await getTranslations("admin.apiDocs");
  const resolved = schema?.$ref ? doc.components?.schemas?.[refName(schema.$ref)] : schema;
  if (!resolved?.properties) {
    return (
      <p className="text-sm">
        <code className="break-words">
          <TypeOf schema={schema} />
        </code>
      </p>
    );
  }
  const required = new Set(resolved.required ?? []);
  return (
    <ScrollRegion label={t("fieldsRegion")} frameless>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            <th className="py-1 pr-4 font-medium">{t("field")}</th>
            <th className="py-1 pr-4 font-medium">{t("type")}</th>
            <th className="py-1 font-medium">{t("description")}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(resolved.properties).map(([name, s]) => (
            <tr key={name} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-4">
                <code>{name}</code>
                {required.has(name) ? <span className="ml-1 text-xs text-slate-600">({t("required")})</span> : null}
              </td>
              <td className="py-1 pr-4">
                <code className="break-words text-xs">
                  <TypeOf schema={s} />
                </code>
              </td>
              <td className="py-1 text-slate-700">{s.description ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Every field of a payload, nested ones by their path (`data.insight.id`), for the webhooks. */
type FieldRow = { path: string; schema: Schema; required: boolean };
function flatten(schema: Schema | undefined, doc: OpenApiDoc, prefix = "", depth = 0): FieldRow[] {
  const resolve = (s?: Schema) => (s?.$ref ? doc.components?.schemas?.[refName(s.$ref)] : s);
  const object = (s?: Schema): Schema | undefined => {
    const r = resolve(s);
    if (r?.properties) return r;
    // A nullable object (`anyOf: [object, null]`) lists the object's fields.
    const alternatives = (r?.anyOf ?? r?.oneOf ?? []).map(resolve).filter((a) => a?.properties);
    return alternatives.length === 1 ? alternatives[0] : undefined;
  };
  const o = object(schema);
  if (!o?.properties || depth > 5) return [];
  const required = new Set(o.required ?? []);
  return Object.entries(o.properties).flatMap(([name, s]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return [{ path, schema: s, required: required.has(name) }, ...flatten(s, doc, path, depth + 1)];
  });
}

async function PayloadFields({ schema, doc, label }: { schema?: Schema; doc: OpenApiDoc; label: string }) {
  const t = await getTranslations("admin.apiDocs");
  return (
    <ScrollRegion label={label} frameless>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 pr-4 font-medium">
              {t("field")}
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              {t("type")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("description")}
            </th>
          </tr>
        </thead>
        <tbody>
          {flatten(schema, doc).map(({ path, schema: s, required }) => (
            <tr key={path} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-4">
                <code className="whitespace-nowrap">{path}</code>
                {required ? <span className="ml-1 text-xs text-slate-600">({t("required")})</span> : null}
              </td>
              <td className="py-1 pr-4">
                <code className="break-words text-xs">
                  <TypeOf schema={s} />
                </code>
              </td>
              <td className="py-1 text-slate-700">{s.description ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The webhooks section: each event with what it means, when it is retried, and its payload's fields. */
async function Webhooks({ doc }: { doc: OpenApiDoc }) {
  const t = await getTranslations("admin.apiDocs");
  const events = Object.entries(doc.webhooks ?? {}).flatMap(([name, ops]) => Object.values(ops).map((op) => ({ name, op })));
  if (!events.length) return null;
  const id = (name: string) => `webhook-${name.replace(/[^a-z0-9]+/gi, "-")}`;
  return (
    <section aria-labelledby="api-webhooks" className="space-y-4">
      <h2 id="api-webhooks" className="text-lg font-semibold">
        {t("webhooks")}
      </h2>
      <p className="max-w-3xl text-sm text-slate-700">{t("webhooksLead")}</p>
      <nav aria-label={t("webhookEvents")}>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {events.map(({ name }) => (
            <li key={name}>
              <a className="font-mono text-blue-800 underline" href={`#${id(name)}`}>
                {name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {events.map(({ name, op }) => {
        const schema = op.requestBody?.content?.["application/json"]?.schema;
        return (
          <section key={name} id={id(name)} aria-labelledby={`h-${id(name)}`} className="space-y-2 rounded border border-slate-200 bg-white p-4">
            <h3 id={`h-${id(name)}`} className="flex flex-wrap items-baseline gap-2 text-base font-semibold">
              <span className="rounded bg-violet-100 px-2 py-0.5 font-mono text-xs text-violet-900">POST</span>
              <span className="break-all font-mono">{name}</span>
            </h3>
            {schema?.description ? <p className="text-sm text-slate-700">{schema.description}</p> : null}
            {op.description ? <p className="text-sm text-slate-700">{op.description}</p> : null}
            <h4 className="text-sm font-semibold">{t("payload")}</h4>
            <PayloadFields schema={schema} doc={doc} label={t("payloadOf", { event: name })} />
          </section>
        );
      })}
    </section>
  );
}

const METHOD_TONE: Record<string, string> = { get: "bg-blue-100 text-blue-900", post: "bg-green-100 text-green-900", delete: "bg-red-100 text-red-900", patch: "bg-amber-100 text-amber-900" };

export async function ApiDocs({ doc }: { doc: OpenApiDoc }) {
  const t = await getTranslations("admin.apiDocs");
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  return (
    <div className="space-y-8">
      <nav aria-label={t("endpoints")}>
        <h2 className="text-lg font-semibold">{t("endpoints")}</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {operations.map(({ path, method, op }) => (
            <li key={`${method} ${path}`}>
              <a className="text-blue-800 underline" href={`#op-${op.operationId ?? `${method}-${path}`}`}>
                <span className="font-mono">{method.toUpperCase()}</span> <span className="break-all font-mono">{path}</span>
              </a>{" "}
              – {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <section key={`${method} ${path}`} id={`op-${op.operationId ?? `${method}-${path}`}`} className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby={`h-${op.operationId}`}>
          <h2 id={`h-${op.operationId}`} className="flex flex-wrap items-baseline gap-2 text-base font-semibold">
            <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_TONE[method] ?? "bg-slate-100"}`}>{method.toUpperCase()}</span>
            <span className="break-all font-mono">{path}</span>
            <span className="font-normal text-slate-700">– {op.summary}</span>
          </h2>
          {op.description ? <p className="text-sm text-slate-700">{op.description}</p> : null}
          {op.parameters?.length ? (
            <div>
              <h3 className="text-sm font-semibold">{t("parameters")}</h3>
              <ScrollRegion label={t("parametersRegion")} frameless>
                <table className="mt-1 w-full text-left text-sm">
                  <thead>
                    <tr className="border-b border-slate-200">
                      <th className="py-1 pr-4 font-medium">{t("field")}</th>
                      <th className="py-1 pr-4 font-medium">{t("in")}</th>
                      <th className="py-1 pr-4 font-medium">{t("type")}</th>
                      <th className="py-1 font-medium">{t("description")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`} className="border-b border-slate-100 align-top">
                        <td className="py-1 pr-4">
                          <code>{p.name}</code>
                          {p.required ? <span className="ml-1 text-xs text-slate-600">({t("required")})</span> : null}
                        </td>
                        <td className="py-1 pr-4">{p.in}</td>
                        <td className="py-1 pr-4">
                          <code className="break-words text-xs">
                            <TypeOf schema={p.schema} />
                          </code>
                        </td>
                        <td className="py-1 text-slate-700">{p.description ?? p.schema?.description ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </div>
          ) : null}
          {op.requestBody?.content?.["application/json"] ? (
            <div>
              <h3 className="text-sm font-semibold">{t("requestBody")}</h3>
              {op.requestBody.content["application/json"].schema?.description ? (
                <p className="text-sm text-slate-700">{op.requestBody.content["application/json"].schema.description}</p>
              ) : null}
              <Fields schema={op.requestBody.content["application/json"].schema} doc={doc} />
            </div>
          ) : null}
          <div>
            <h3 className="text-sm font-semibold">{t("responses")}</h3>
            <dl className="mt-1 space-y-1 text-sm">
              {Object.entries(op.responses ?? {}).map(([status, r]) => (
                <div key={status} className="flex flex-wrap gap-x-2">
                  <dt className="font-mono">{status}</dt>
                  <dd className="text-slate-700">{r.description}</dd>
                </div>
              ))}
            </dl>
          </div>
        </section>
      ))}
      <Webhooks doc={doc} />
      <section aria-labelledby="api-schemas" className="space-y-4">
        <h2 id="api-schemas" className="text-lg font-semibold">
          {t("schemas")}
        </h2>
        {Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => (
          <div key={name} id={anchor(name)} className="space-y-1 rounded border border-slate-200 bg-white p-4">
            <h3 className="font-mono font-semibold">{name}</h3>
            {s.description ? <p className="text-sm text-slate-700">{s.description}</p> : null}
            <Fields schema={s} doc={doc} />
          </div>
        ))}
      </section>
    </div>
  );
}
