import { describe, expect, it } from "vitest";
import { classifySmtpFailure } from "../../../src/delivery/smtp-failure.js";
import { AppError } from "../../../src/lib/errors.js";

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error("smtp"), fields);

describe("classifySmtpFailure", () => {
  it("treats 4xx replies and network errors as transient", () => {
    expect(classifySmtpFailure(smtpError({ responseCode: 421, response: "421 try later" })).kind).toBe(
      "transient",
    );
    expect(classifySmtpFailure(smtpError({ responseCode: 451, command: "DATA" })).kind).toBe("transient");
    expect(classifySmtpFailure(smtpError({ code: "ETIMEDOUT" })).kind).toBe("transient");
    expect(classifySmtpFailure(smtpError({ code: "ESOCKET" })).kind).toBe("transient");
  });

  it("treats 550-554 for the recipient as permanent", () => {
    for (const code of [550, 551, 552, 553, 554]) {
      const failure = classifySmtpFailure(
        smtpError({ responseCode: code, command: "RCPT TO", response: `${code} no such user` }),
      );
      expect(failure).toEqual({ kind: "permanent", code, message: `${code} no such user` });
    }
  });

  it("treats authentication and refused connections as configuration failures", () => {
    expect(classifySmtpFailure(smtpError({ responseCode: 535, code: "EAUTH" })).kind).toBe("config");
    expect(classifySmtpFailure(smtpError({ code: "ECONNREFUSED" })).kind).toBe("config");
    expect(classifySmtpFailure(smtpError({ responseCode: 553, command: "MAIL FROM" })).kind).toBe("config");
  });

  it("takes a message refused before sending for what its code says", () => {
    expect(classifySmtpFailure(new AppError("SMTP_PERMANENT", "not one recipient"))).toEqual({
      kind: "permanent",
      code: undefined,
      message: "not one recipient",
    });
    expect(classifySmtpFailure(new AppError("SMTP_CONFIG", "no sender")).kind).toBe("config");
  });

  it("keeps the reply on one line", () => {
    const failure = classifySmtpFailure(smtpError({ responseCode: 550, response: "550 a\r\nb" }));
    expect(failure.message).toBe("550 a b");
  });
});
