import { describe, expect, it } from "vitest";
import { multipartFields } from "../../../src/web/multipart-fields.js";

describe("multipartFields", () => {
  it("reads text fields and skips files", () => {
    const body = [
      "--XyZ",
      'Content-Disposition: form-data; name="List-Unsubscribe"',
      "",
      "One-Click",
      "--XyZ",
      'Content-Disposition: form-data; name="upload"; filename="a.txt"',
      "Content-Type: text/plain",
      "",
      "file body",
      "--XyZ--",
      "",
    ].join("\r\n");
    expect(multipartFields(body, 'multipart/form-data; boundary="XyZ"')).toEqual({
      "List-Unsubscribe": "One-Click",
    });
  });

  it("returns nothing without a boundary", () => {
    expect(multipartFields("List-Unsubscribe=One-Click", "multipart/form-data")).toEqual({});
  });
});
