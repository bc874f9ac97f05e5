import { describe, expect, it } from "vitest";
import { describeChanges } from "../../../src/web/pages/preference-changes.js";

describe("describeChanges", () => {
  it("says what a save changed in plain words", () => {
    expect(
      describeChanges([
        { field: "topics", from: ["llm", "agents"], to: ["llm", "robotics"] },
        { field: "keywords", from: ["LoRA"], to: ["world models"] },
        { field: "frequency", from: "daily", to: "weekly" },
        { field: "weekday", from: 1, to: 5 },
        { field: "sendHour", from: 7, to: 18 },
        { field: "timeZone", from: "UTC", to: "Asia/Tokyo" },
        { field: "relevanceWeight", from: 0.7, to: 0.25 },
        { field: "alsoTrending", from: true, to: false },
      ]),
    ).toEqual([
      "Now following Robotics & embodied AI.",
      "No longer following Agents & tool use.",
      'Added keywords "world models".',
      'Removed keywords "LoRA".',
      "Frequency: daily → weekly.",
      "Weekly digest day: Monday → Friday.",
      "Send time: from 07:00 → from 18:00.",
      "Time zone: UTC → Asia/Tokyo.",
      "Relevance vs. trend: 70% → 25% relevance.",
      '"Also trending" section: on → off.',
    ]);
  });

  it("describes a pure reordering as the new order", () => {
    expect(describeChanges([{ field: "topics", from: ["llm", "code"], to: ["code", "llm"] }])).toEqual([
      "New topic order: Code & software › Language models.",
    ]);
  });

  it("says nothing for no changes", () => {
    expect(describeChanges([])).toEqual([]);
  });
});
