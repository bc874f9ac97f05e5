import { describe, expect, it } from "vitest";
import { isAppError } from "../../../src/lib/errors.js";
import { parsePreferences } from "../../../src/subscriptions/reader-preferences.js";
import { readPreferencesForm } from "../../../src/web/preferences-form.js";

const reader = { topics: ["llm", "agents", "code"] };

describe("readPreferencesForm", () => {
  it("reads every field into a patch the service validator accepts", () => {
    const { patch } = readPreferencesForm(
      {
        topics: ["llm", "agents", "code"],
        keywords: ["LoRA", "world models"],
        addKeywords: "diffusion; lora, speculative decoding\n",
        frequency: "weekly",
        weekday: "3",
        sendHour: "18",
        timeZone: "Europe/Berlin",
        relevanceWeight: "0.45000001",
        alsoTrending: "on",
      },
      reader,
    );
    expect(patch).toEqual({
      topics: ["llm", "agents", "code"],
      keywords: ["LoRA", "world models", "diffusion", "speculative decoding"],
      frequency: "weekly",
      weekday: 3,
      sendHour: 18,
      timeZone: "Europe/Berlin",
      relevanceWeight: 0.45,
      alsoTrending: true,
    });
    expect(() => parsePreferences(patch)).not.toThrow();
  });

  it("treats an absent checkbox as off and a single topic as a list", () => {
    const { patch } = readPreferencesForm({ topics: "code" }, reader);
    expect(patch).toEqual({ topics: ["code"], keywords: [], alsoTrending: false });
  });

  it("moves a topic up or down, and ignores moves past the ends or of unfollowed topics", () => {
    const topics = ["llm", "agents", "code"];
    expect(readPreferencesForm({ topics, move: "code:up" }, reader).patch.topics).toEqual([
      "llm",
      "code",
      "agents",
    ]);
    expect(readPreferencesForm({ topics, move: "llm:down" }, reader).patch.topics).toEqual([
      "agents",
      "llm",
      "code",
    ]);
    expect(readPreferencesForm({ topics, move: "llm:up" }, reader).patch.topics).toEqual(topics);
    expect(readPreferencesForm({ topics, move: "vision:up" }, reader).patch.topics).toEqual(topics);
    expect(readPreferencesForm({ topics, move: "<x>:sideways" }, reader).patch.topics).toEqual(topics);
  });

  it("appends newly ticked topics after the followed ones and drops unknown slugs", () => {
    const { patch } = readPreferencesForm(
      { topics: ["llm", "code", "robotics", "not-a-topic", "llm"] },
      reader,
    );
    expect(patch.topics).toEqual(["llm", "code", "robotics"]);
  });

  it("passes malformed numbers through for the validator to reject by name", () => {
    const { patch } = readPreferencesForm({ topics: "llm", sendHour: "seven", weekday: "" }, reader);
    expect(patch.sendHour).toBe("seven");
    expect(patch).not.toHaveProperty("weekday");
    expect(() => parsePreferences(patch)).toThrow(/sendHour/);
  });

  it("refuses a form that follows nothing at all", () => {
    try {
      readPreferencesForm({ frequency: "daily" }, reader);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, "VALIDATION_FAILED")).toBe(true);
    }
    expect(readPreferencesForm({ addKeywords: "world models" }, reader).patch.topics).toEqual([]);
  });
});
