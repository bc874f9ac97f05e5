import { describe, expect, it } from "vitest";
import { isAppError } from "../../../src/lib/errors.js";
import { EmailDomainCheck, type MxResolver } from "../../../src/web/email-domain-check.js";

const fail = (code: string) => Promise.reject(Object.assign(new Error(code), { code }));

function resolver(records: {
  mx?: Record<string, { exchange: string; priority: number }[] | string>;
  a?: Record<string, string[] | string>;
}): MxResolver & { asked: string[] } {
  const asked: string[] = [];
  const answer = <T>(table: Record<string, T | string> | undefined, domain: string): Promise<T> => {
    const value = table?.[domain];
    if (value === undefined) return fail("ENOTFOUND");
    return typeof value === "string" ? fail(value) : Promise.resolve(value as T);
  };
  return {
    asked,
    resolveMx: (d) => {
      asked.push(`mx:${d}`);
      return answer(records.mx, d);
    },
    resolve4: (d) => {
      asked.push(`a:${d}`);
      return answer(records.a, d);
    },
    resolve6: (d) => answer(undefined, d),
  };
}

async function verdict(check: EmailDomainCheck, email: string): Promise<string> {
  try {
    await check.assertDeliverable(email);
    return "ok";
  } catch (error) {
    return isAppError(error, "VALIDATION_FAILED") ? "rejected" : String(error);
  }
}

describe("EmailDomainCheck", () => {
  const dns = resolver({
    mx: {
      "mx.example": [{ exchange: "mail.mx.example", priority: 10 }],
      "nullmx.example": [{ exchange: "", priority: 0 }],
      "a-only.example": "ENODATA",
      "timeout.example": "ETIMEOUT",
    },
    a: { "a-only.example": ["192.0.2.1"] },
  });
  const check = new EmailDomainCheck(dns, 200);

  it("accepts a domain with an MX record, or with only an address (implicit MX)", async () => {
    expect(await verdict(check, "someone@MX.example")).toBe("ok");
    expect(dns.asked).toContain("mx:mx.example");
    expect(await verdict(check, "someone@a-only.example")).toBe("ok");
  });

  it("rejects a null MX and a domain that does not exist", async () => {
    expect(await verdict(check, "someone@nullmx.example")).toBe("rejected");
    expect(await verdict(check, "someone@nowhere.example")).toBe("rejected");
  });

  it("lets the address through when DNS fails or is slow", async () => {
    expect(await verdict(check, "someone@timeout.example")).toBe("ok");
    const slow: MxResolver = {
      resolveMx: () => new Promise(() => {}),
      resolve4: () => fail("ENOTFOUND"),
      resolve6: () => fail("ENOTFOUND"),
    };
    expect(await verdict(new EmailDomainCheck(slow, 20), "someone@slow.example")).toBe("ok");
  });
});
