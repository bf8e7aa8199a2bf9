import { describe, expect, it } from "vitest";
import { intakeItemSchema } from "@/lib/schemas/insights";
import { connectorSource, DEFAULT_CONNECTOR_CATEGORY, toIntakeItem } from "./to-intake";

const now = new Date("2026-11-30T12:00:00Z");
const connector = { id: 7, channelId: 3, category: null };
const item = { externalId: "g1", url: "https://blog.example.de/a#c1", title: "T", text: "Das Getriebe ist laut.", author: "Jürgen", publishedAt: new Date("2026-11-30T09:00:00Z") };

describe("toIntakeItem", () => {
  it("gives the intake what the feed item says, under the connector's source and channel", () => {
    const x = toIntakeItem(connector, item, now);
    expect(x).toEqual({
      source: connectorSource(7),
      externalId: "g1",
      channelId: 3,
      occurredAt: "2026-11-30T09:00:00.000Z",
      text: "Das Getriebe ist laut.",
      url: "https://blog.example.de/a#c1",
      authorHandle: "Jürgen",
      category: DEFAULT_CONNECTOR_CATEGORY,
    });
    expect(intakeItemSchema.safeParse(x).success).toBe(true);
    expect(toIntakeItem({ ...connector, category: "product_feedback" }, item, now).category).toBe("product_feedback");
  });

  it("dates items without a usable date when they were fetched, so the intake takes them", () => {
    for (const publishedAt of [null, new Date("1969-12-31T00:00:00Z"), new Date("2026-12-05T00:00:00Z"), new Date(Number.NaN)]) {
      const x = toIntakeItem(connector, { ...item, publishedAt }, now);
      expect(x.occurredAt).toBe(now.toISOString());
      expect(intakeItemSchema.safeParse(x).success).toBe(true);
    }
  });
});
