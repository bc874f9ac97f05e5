/**
 * Reading urlencoded form bodies (@fastify/formbody): a field sent once is a
 * string, sent several times an array; anything else (JSON, missing) is empty.
 */
export type FormBody = Record<string, unknown>;

export function asForm(body: unknown): FormBody {
  return body && typeof body === "object" && !Array.isArray(body) ? (body as FormBody) : {};
}

/** The first value of a field, or undefined. */
export function field(body: FormBody, name: string): string | undefined {
  const value = body[name];
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

/** Every value of a field, in the order the browser sent them (document order). */
export function fields(body: FormBody, name: string): string[] {
  const value = body[name];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** "a, b;c\nd" -> ["a", "b", "c", "d"]: keywords typed into one box. */
export function splitKeywords(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[,;\n]/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}
