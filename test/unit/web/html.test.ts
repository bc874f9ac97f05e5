import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "../../../src/web/pages/html.js";

describe("html``", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const title = `<img src=x onerror="alert('x')">&`;
    const out = html`<p title="${title}">${title}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
  });

  it("keeps nested html`` as is, joins arrays and drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe(
      "<ul><li>a&lt;b</li><li>c</li></ul>0",
    );
    expect(escapeHtml(undefined)).toBe("");
  });
});
