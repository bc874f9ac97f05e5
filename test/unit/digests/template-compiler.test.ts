import mjml2html from "mjml";
import { describe, expect, it } from "vitest";
import { compactWhitespace, compileTemplate, MJML_OPTIONS } from "../../../src/digests/template-compiler.js";
import { isAppError } from "../../../src/lib/errors.js";

const normalize = (html: string) => html.replace(/\s+/g, " ").trim();

async function viaMjml(template: { fillMjml(data: object): string }, data: object): Promise<string> {
  return (await mjml2html(template.fillMjml(data), MJML_OPTIONS)).html;
}

function page(body: string, head = ""): string {
  return `<mjml lang="en"><mj-head><mj-title>{{title}}</mj-title>${head}</mj-head><mj-body>${body}</mj-body></mjml>`;
}

async function rejects(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(isAppError(caught, "INTERNAL")).toBe(true);
  expect((caught as Error).message).toMatch(pattern);
}

describe("compileTemplate: values", () => {
  const source = page(`<mj-section><mj-column>
    <mj-text><p title="{{tip}}">{{body}}</p><a href="{{link}}">go</a></mj-text>
    <mj-button href="{{cta}}">Open</mj-button>
  </mj-column></mj-section>`);

  it("escapes each value for the context it lands in", async () => {
    const template = await compileTemplate("values", source);
    const html = template.fill({
      title: `A "quoted" <title> & more`,
      tip: `it's "here" <b>`,
      body: `<script>alert(1)</script> & {{body}} \${x}`,
      link: "https://example.com/?a=1&b=<2>",
      cta: "javascript:alert(1)",
    });
    expect(html).toContain("<title>A &quot;quoted&quot; &lt;title&gt; &amp; more</title>");
    // mjml copies the title into aria-label too: it must be attribute-safe there.
    expect(html).toContain(`aria-label="A &quot;quoted&quot; &lt;title&gt; &amp; more"`);
    expect(html).toContain(`title="it&#39;s &quot;here&quot; &lt;b&gt;"`);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${} is the hostile input
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{body}} ${x}");
    expect(html).toContain(`href="https://example.com/?a=1&amp;b=&lt;2&gt;"`);
    expect(html).toContain(`href="#"`);
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<script");
  });

  it("allows only http, https and mailto in URLs", async () => {
    const template = await compileTemplate("urls", source);
    const hrefFor = (link: string) => {
      const html = template.fill({ title: "t", tip: "", body: "", link, cta: "https://ok.example" });
      return /<a href="([^"]*)">go<\/a>/.exec(html)?.[1];
    };
    expect(hrefFor("https://ok.example/a b")).toBe("https://ok.example/a%20b");
    expect(hrefFor("HTTP://ok.example")).toBe("HTTP://ok.example");
    expect(hrefFor("mailto:ada@example.org")).toBe("mailto:ada@example.org");
    for (const bad of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "//evil.example",
      "/relative",
      "https://ok.example/\nx",
      "vbscript:x",
      "",
    ]) {
      expect(hrefFor(bad), bad).toBe("#");
    }
  });

  it("matches mjml2html on the same filled MJML", async () => {
    const template = await compileTemplate("values", source);
    const data = {
      title: `T "1" & <2>`,
      tip: `'x'`,
      body: "<i>b</i>",
      link: "https://a.example/?q=1&r=2",
      cta: "x:y",
    };
    expect(normalize(template.fill(data))).toBe(normalize(await viaMjml(template, data)));
  });
});

describe("compileTemplate: blocks", () => {
  const source = page(`
    <mj-section><mj-column><mj-text>Top {{title}}</mj-text></mj-column></mj-section>
    {{#sections}}
    <mj-section css-class="topic"><mj-column>
      <mj-text><h2>{{name}}</h2>{{^items}}<p>Nothing in {{name}}</p>{{/items}}</mj-text>
      {{#items}}<mj-text><a href="{{url}}">{{label}}</a>{{#note}}<em>{{note}}</em>{{/note}}{{#tags}}<span>{{.}}</span>{{/tags}}</mj-text>{{/items}}
      {{#extra}}<mj-button href="{{extra.url}}">{{extra.label}}</mj-button>{{/extra}}
    </mj-column></mj-section>
    {{/sections}}
    {{^sections}}<mj-section><mj-column><mj-text>No sections</mj-text></mj-column></mj-section>{{/sections}}
    <mj-section><mj-column><mj-text>End</mj-text></mj-column></mj-section>`);

  const data = (sections: number) => ({
    title: "Blocks",
    sections: Array.from({ length: sections }, (_, s) => ({
      name: `Section ${s}`,
      items: Array.from({ length: s % 3 }, (_, i) => ({
        url: `https://example.com/${s}/${i}`,
        label: `Item ${s}.${i}`,
        note: i % 2 ? `note ${i}` : null,
        tags: i === 1 ? ["a", "b"] : [],
      })),
      extra: s % 2 ? { url: `https://example.com/extra/${s}`, label: `Extra ${s}` } : null,
    })),
  });

  it("repeats, skips and inverts blocks as the data says", async () => {
    const template = await compileTemplate("blocks", source);
    const html = template.fill(data(3));
    expect(html.match(/<h2>/g)).toHaveLength(3);
    expect(html).toContain("<p>Nothing in Section 0</p>");
    expect(html).not.toContain("Nothing in Section 1");
    expect(html).toContain("<em>note 1</em><span>a</span><span>b</span>");
    expect(html).toContain("Extra 1");
    expect(html).not.toContain("Extra 2");
    expect(html).not.toContain("No sections");
    expect(template.fill(data(0))).toContain("No sections");
  });

  it("reproduces mjml's merged Outlook conditionals for any number of repeats", async () => {
    const template = await compileTemplate("blocks", source);
    for (const count of [0, 1, 2, 5]) {
      const reference = await viaMjml(template, data(count));
      expect(normalize(template.fill(data(count))), `${count} sections`).toBe(normalize(reference));
      // The merge really happens: no `<![endif]-->` directly followed by `<!--[if mso | IE]>`.
      expect(template.fill(data(count))).not.toMatch(/<!\[endif\]-->\s*<!--\[if mso \| IE\]>/);
    }
  });

  it("inlines partials", async () => {
    const partials: Record<string, string> = { greeting: "<mj-text>Hello {{title}}</mj-text>" };
    const template = await compileTemplate(
      "partials",
      page("<mj-section><mj-column>{{> greeting}}</mj-column></mj-section>"),
      (name) => partials[name]!,
    );
    expect(template.fill({ title: "Ada" })).toContain("Hello Ada");
  });
});

describe("compileTemplate: mistakes are caught when compiling", () => {
  it("rejects values in CSS", async () => {
    await rejects(
      compileTemplate(
        "css",
        page(
          `<mj-section><mj-column><mj-text><p style="color:{{c}}">x</p></mj-text></mj-column></mj-section>`,
        ),
      ),
      /style attribute/,
    );
    await rejects(compileTemplate("css", page("", "<mj-style>.a{color:{{c}}}</mj-style>")), /inside <style>/);
  });

  it("rejects a block that cuts a tag", async () => {
    await rejects(
      compileTemplate(
        "tag",
        page(
          `<mj-section><mj-column><mj-text><a {{#x}}title="y"{{/x}}>z</a></mj-text></mj-column></mj-section>`,
        ),
      ),
      /inside a tag/,
    );
  });

  it("rejects unbalanced or reserved syntax", async () => {
    await rejects(compileTemplate("open", page("{{#a}}<mj-section></mj-section>")), /never closed/);
    await rejects(compileTemplate("close", page("{{#a}}{{/b}}")), /closes/);
    await rejects(compileTemplate("reserved", page("<mj-raw>__pbv1__</mj-raw>")), /reserved/);
    await rejects(compileTemplate("name", page("{{a-b}}")), /bad name/);
  });

  it("rejects values mjml drops", async () => {
    await rejects(
      compileTemplate(
        "dropped",
        page(`<mj-section><mj-column><mj-spacer height="{{h}}" /></mj-column></mj-section>`),
      ),
      /vanished|rejected/,
    );
  });

  it("throws on data the template does not know", async () => {
    const template = await compileTemplate(
      "data",
      page(`<mj-section><mj-column><mj-text>{{missing}}</mj-text></mj-column></mj-section>`),
    );
    let caught: unknown;
    try {
      template.fill({ title: "t" });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "INTERNAL")).toBe(true);
  });
});

describe("compactWhitespace", () => {
  it("keeps one whitespace character per run, a newline when the run had one", () => {
    expect(compactWhitespace("<a>  x \n\n   y</a>\t<b>")).toBe("<a> x\ny</a> <b>");
  });
});
