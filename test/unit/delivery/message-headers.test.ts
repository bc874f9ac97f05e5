import { describe, expect, it } from "vitest";
import {
  buildListHeaders,
  deliveryMessageId,
  headerValue,
  messageIdDomain,
} from "../../../src/delivery/message-headers.js";

describe("list headers", () => {
  it("carries one-click unsubscribe (RFC 8058) and List-Id", () => {
    const headers = buildListHeaders({
      unsubscribeUrl: "https://paperboy.example/unsubscribe/tok",
      unsubscribeMailto: "unsub@paperboy.example",
      listId: "paperboy <digest.paperboy.example>",
    });
    expect(headers["List-Unsubscribe"]).toBe(
      "<https://paperboy.example/unsubscribe/tok>, <mailto:unsub@paperboy.example?subject=unsubscribe>",
    );
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(headers["List-Id"]).toBe("paperboy <digest.paperboy.example>");
  });

  it("never lets data carry CR/LF into a header", () => {
    const headers = buildListHeaders({
      unsubscribeUrl: "https://x/u\r\nBcc: victim@example.org",
      listId: "list\nX-Evil: 1",
      extra: { "X-Id\r\n": "a\r\nb" },
    });
    for (const [name, value] of Object.entries(headers)) {
      expect(name).not.toMatch(/[\r\n]/);
      expect(value).not.toMatch(/[\r\n]/);
    }
    expect(headerValue("a\u0000b\u007fc")).toBe("a b c");
  });

  it("builds stable Message-IDs in the sender's domain", () => {
    expect(messageIdDomain("paperboy <digest@news.example.org>")).toBe("news.example.org");
    expect(deliveryMessageId("abc", "news.example.org")).toBe("delivery-abc@news.example.org");
    expect(deliveryMessageId("abc", "news.example.org")).toBe(deliveryMessageId("abc", "news.example.org"));
  });
});
